"""Bootstrap engines on plain arrays: resampled means and pooled ratios, drawn in bounded blocks, and the percentile interval.

Every function takes a ``numpy.random.Generator`` the caller seeded, so the caller
decides which comparisons share a stream. Defaults come from
:mod:`analysis.stats.settings`.
"""

from __future__ import annotations

import numpy as np

from analysis.stats.settings import LEVEL

__all__ = ["CHUNK_VALUES", "row_chunks", "bootstrap_means", "bootstrap_ratios", "percentile_interval"]

#: Resamples and permutations are drawn this many values at a time (2 MB of indices), so
#: memory stays bounded whatever the number of values. The generator hands out the
#: same stream whether the draws come in one block or in several, and every row is
#: reduced on its own, so the results do not depend on this size.
CHUNK_VALUES = 1 << 18


def row_chunks(n_rows: int, width: int):
    """Sizes of consecutive blocks of ``n_rows`` rows of ``width`` values, each about :data:`CHUNK_VALUES`.

    >>> list(row_chunks(5, CHUNK_VALUES // 2))
    [2, 2, 1]
    """
    step = max(1, CHUNK_VALUES // max(width, 1))
    for lo in range(0, n_rows, step):
        yield min(step, n_rows - lo)


def bootstrap_means(values: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Means of ``n_boot`` resamples of ``values``, drawn in blocks of rows (bounded memory).

    Equal to ``values[rng.integers(0, n, size=(n_boot, n))].mean(axis=1)`` drawn at once.
    """
    n = len(values)
    means = np.empty(n_boot)
    lo = 0
    for k in row_chunks(n_boot, n):
        means[lo : lo + k] = values[rng.integers(0, n, size=(k, n))].mean(axis=1)
        lo += k
    return means


def bootstrap_ratios(sums: np.ndarray, counts: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Pooled means of ``n_boot`` resamples of whole units (a cluster bootstrap).

    Each unit (an article) brings its sum of values and its number of values, and a
    resample's mean is the sum of the sums over the sum of the counts.
    """
    m = len(sums)
    means = np.empty(n_boot)
    lo = 0
    for k in row_chunks(n_boot, m):
        picks = rng.integers(0, m, size=(k, m))
        means[lo : lo + k] = sums[picks].sum(axis=1) / counts[picks].sum(axis=1)
        lo += k
    return means


def percentile_interval(draws: np.ndarray, level: float = LEVEL) -> tuple[float, float]:
    """The central ``level`` percentile interval of bootstrap ``draws``.

    >>> percentile_interval(np.arange(101.0), level=0.5)
    (25.0, 75.0)
    """
    lo, hi = np.quantile(draws, [(1 - level) / 2, 1 - (1 - level) / 2])
    return float(lo), float(hi)
