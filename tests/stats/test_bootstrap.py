"""Tests for analysis.stats.bootstrap: draws in blocks equal draws at once; the percentile interval."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.stats import bootstrap as B


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
