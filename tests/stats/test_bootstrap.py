"""Tests for analysis.stats.bootstrap: draws in blocks equal draws at once; the percentile interval; totals of units within groups."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.stats import bootstrap
from analysis.stats import bootstrap as B
from analysis.stats.bootstrap import bootstrap_group_totals, bootstrap_unit_totals


def _values(n=60, seed=3):
    rng = np.random.default_rng(seed)
    return rng.random((n, 2)) < [0.3, 0.6]


def test_totals_and_row_counts_are_those_of_each_group():
    v = _values()
    groups = [np.arange(0, 20), np.arange(20, 60)]
    out = bootstrap_group_totals(v, groups, n_boot=50, seed=1)
    for (totals, n, num, den), rows in zip(out, groups):
        assert totals.tolist() == v[rows].sum(axis=0).tolist() and n == len(rows)
        assert num.shape == (50, 2) and den.shape == (50,)
        assert (den == len(rows)).all()  # resampling rows keeps the number of rows
        assert ((num >= 0) & (num <= den[:, None])).all()


def test_clusters_of_one_row_draw_exactly_what_resampling_rows_draws():
    v = _values()
    groups = [np.arange(0, 25), np.arange(25, 60)]
    rows = bootstrap_group_totals(v, groups, n_boot=200, seed=9)
    singles = bootstrap_group_totals(v, groups, np.arange(60), n_boot=200, seed=9)
    for a, b in zip(rows, singles):
        np.testing.assert_array_equal(a[2], b[2])
        np.testing.assert_array_equal(a[3], b[3])


def test_clusters_are_drawn_whole():
    v = np.array([[1], [1], [1], [0], [0], [0]])
    clusters = np.array([0, 0, 0, 1, 1, 1])
    (_, _, num, den), = bootstrap_group_totals(v, [np.arange(6)], clusters, n_boot=300, seed=2)
    assert set((num[:, 0] / den).tolist()) <= {0.0, 0.5, 1.0}  # never a share that splits a cluster
    assert (den % 3 == 0).all()


def test_the_same_seed_gives_the_same_draws_and_another_seed_others():
    v = _values()
    a = bootstrap_group_totals(v, [np.arange(60)], n_boot=100, seed=5)[0][2]
    np.testing.assert_array_equal(a, bootstrap_group_totals(v, [np.arange(60)], n_boot=100, seed=5)[0][2])
    assert not np.array_equal(a, bootstrap_group_totals(v, [np.arange(60)], n_boot=100, seed=6)[0][2])


def test_the_fast_draws_follow_the_same_distribution_as_the_multinomial_ones(monkeypatch):
    v = _values(200)
    exact = bootstrap_group_totals(v, [np.arange(200)], n_boot=4000, seed=1)[0]
    monkeypatch.setattr(bootstrap, "_EXACT_DRAWS", 0)
    fast = bootstrap_group_totals(v, [np.arange(200)], n_boot=4000, seed=1)[0]
    assert not np.array_equal(exact[2], fast[2])
    share_exact, share_fast = exact[2] / exact[3][:, None], fast[2] / fast[3][:, None]
    np.testing.assert_allclose(share_exact.mean(axis=0), share_fast.mean(axis=0), atol=0.005)
    np.testing.assert_allclose(share_exact.std(axis=0), share_fast.std(axis=0), rtol=0.08)


def test_the_percentile_interval_of_a_share_agrees_with_scipy():
    stats = pytest.importorskip("scipy.stats")
    x = _values(300, seed=11)[:, 0].astype(float)
    _, _, num, den = bootstrap_group_totals(x[:, None], [np.arange(300)], n_boot=5000, seed=4)[0]
    ours = np.quantile(num[:, 0] / den, [0.025, 0.975])
    ref = stats.bootstrap((x,), np.mean, n_resamples=5000, method="percentile", confidence_level=0.95,
                          random_state=np.random.default_rng(4)).confidence_interval
    np.testing.assert_allclose(ours, [ref.low, ref.high], atol=0.015)


def test_unit_totals_weight_each_unit_by_how_often_it_is_drawn():
    sums = np.array([[1.0], [0.0], [2.0]])
    sizes = np.array([1.0, 1.0, 2.0])
    num, den = bootstrap_unit_totals(sums, sizes, 100, np.random.default_rng(0), exact=True)
    # each replicate draws three units: den counts rows, num the sums of the same draws
    assert ((den >= 3) & (den <= 6)).all()
    assert ((num[:, 0] - (den - 3) * 2) >= 0).all()  # every extra row is a draw of the third unit, worth 2




@pytest.mark.parametrize("n_rows, width", [(1, 1), (2000, 59), (2000, 325_866), (7, B.CHUNK_VALUES + 1), (0, 5)])
def test_row_chunks_cover_every_row_once_in_blocks_of_bounded_size(n_rows, width):
    sizes = list(B.row_chunks(n_rows, width))
    assert sum(sizes) == n_rows
    assert all(1 <= k and (k == 1 or k * width <= B.CHUNK_VALUES) for k in sizes)


def test_bootstrap_means_in_blocks_equal_the_means_of_one_block(monkeypatch):
    values = np.random.default_rng(3).normal(size=300)
    once = values[np.random.default_rng(9).integers(0, 300, size=(500, 300))].mean(axis=1)
    monkeypatch.setattr(B, "CHUNK_VALUES", 300 * 7)  # blocks of 7 resamples
    np.testing.assert_array_equal(B.bootstrap_means(values, 500, np.random.default_rng(9)), once)


def test_bootstrap_ratios_pool_whole_units(monkeypatch):
    sums, counts = np.array([1.0, 2.0, -3.0, 0.5]), np.array([2.0, 4.0, 3.0, 1.0])
    picks = np.random.default_rng(4).integers(0, 4, size=(100, 4))
    once = sums[picks].sum(axis=1) / counts[picks].sum(axis=1)
    monkeypatch.setattr(B, "CHUNK_VALUES", 4 * 3)
    np.testing.assert_array_equal(B.bootstrap_ratios(sums, counts, 100, np.random.default_rng(4)), once)


def test_ratios_of_units_of_one_value_are_plain_means():
    values = np.random.default_rng(5).normal(size=40)
    means = B.bootstrap_means(values, 200, np.random.default_rng(1))
    ratios = B.bootstrap_ratios(values, np.ones(40), 200, np.random.default_rng(1))
    np.testing.assert_allclose(ratios, means, rtol=0, atol=1e-12)


@pytest.mark.parametrize("level", [0.5, 0.9, 0.95, 0.99])
def test_percentile_interval_is_the_central_share_of_the_draws(level):
    draws = np.random.default_rng(6).normal(size=1000)
    lo, hi = B.percentile_interval(draws, level)
    assert lo < hi
    assert np.mean((draws >= lo) & (draws <= hi)) == pytest.approx(level, abs=0.002)


def test_percentile_interval_defaults_to_the_shared_level():
    from analysis.stats.settings import LEVEL

    draws = np.arange(1000.0)
    assert B.percentile_interval(draws) == B.percentile_interval(draws, LEVEL)
