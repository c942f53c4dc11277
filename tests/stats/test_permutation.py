"""Tests for analysis.stats.permutation: the permutation engines, their default size and Holm's correction."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.stats.permutation import (
    cluster_permutation_p_values, default_permutations, holm, permutation_p_values,
)


def test_holm_adjustment_multiplies_the_smallest_p_by_the_number_of_tests():
    assert holm([0.01, 0.04, 0.5]) == pytest.approx([0.03, 0.08, 0.5])


def test_permutations_are_fewer_only_for_large_corpora():
    assert default_permutations(59) == 10_000
    assert default_permutations(5_000) == 10_000
    assert 999 < default_permutations(20_000) < 10_000
    assert default_permutations(325_866) == 999


def _one_pair_by_brute_force(a, b, n_perm, seed):
    pooled = np.concatenate([a, b])
    shuffled = np.random.default_rng(seed).permuted(np.tile(pooled, (n_perm, 1)), axis=1)
    diffs = np.abs(shuffled[:, : len(a)].mean(axis=1) - shuffled[:, len(a):].mean(axis=1))
    return (int(np.sum(diffs >= abs(a.mean() - b.mean()) - 1e-12)) + 1) / (n_perm + 1)


def test_permutation_p_values_are_those_of_shuffling_each_pooled_pair_on_its_own():
    rng = np.random.default_rng(8)
    pairs = [(rng.normal(0, 1, 12), rng.normal(s, 1, 18)) for s in (0.0, 0.5, 2.0)]
    got = permutation_p_values(pairs, 500, 11)
    assert got == pytest.approx([_one_pair_by_brute_force(a, b, 500, 11) for a, b in pairs], abs=1e-12)


def test_cluster_permutation_with_one_value_per_cluster_is_the_plain_permutation():
    rng = np.random.default_rng(2)
    a, b = rng.normal(0, 1, 9), rng.normal(1, 1, 11)
    clusters = [((a, np.ones(9)), (b, np.ones(11)))]
    assert cluster_permutation_p_values(clusters, 400, 5) == pytest.approx(permutation_p_values([(a, b)], 400, 5))


def test_a_p_value_is_never_zero_and_one_for_identical_groups():
    same = np.array([0.1, 0.2, 0.3])
    assert permutation_p_values([(same, same)], 99, 1) == [1.0]
    far = permutation_p_values([(np.zeros(10), np.ones(10))], 99, 1)[0]
    assert far == pytest.approx(1 / 100)


def test_holm_keeps_the_order_of_the_p_values_and_never_lowers_one():
    p = [0.2, 0.001, 0.04, 0.03]
    adjusted = holm(p)
    assert all(q >= x for q, x in zip(adjusted, p))
    assert adjusted == pytest.approx([0.2, 0.004, 0.09, 0.09])
