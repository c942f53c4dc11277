"""Bootstrap engines on plain arrays: resampled means and pooled ratios (tone), resampled unit totals
within groups (frames), and the percentile interval.

The measures build the arrays (which rows, which groups, which unit is resampled); the
draws happen here. Every function takes a ``numpy.random.Generator`` the caller seeded,
so the caller decides which comparisons share a stream. Defaults come from
:mod:`analysis.stats.settings`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.stats.settings import LEVEL

__all__ = ["CHUNK_VALUES", "row_chunks", "bootstrap_means", "bootstrap_ratios", "percentile_interval",
           "bootstrap_group_totals", "bootstrap_unit_totals"]

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


# --------------------------------------------------------------------------- totals of units within groups (frames)

# Up to this many draws (n_boot x resampled units, about 2 s) the bootstrap draws each replicate with
# rng.multinomial, as it always has, so published intervals stay the same; numpy draws a multinomial as one
# binomial per unit (~90 ns each), which would take minutes on a corpus of 10,000 articles. Beyond it,
# each replicate is the counts of m uniform draws of m units (the same multinomial distribution, a
# different random stream), made in blocks of about _BLOCK draws with integers + bincount (~10 ns each).
_EXACT_DRAWS = 25_000_000
_BLOCK = 2_000_000


def bootstrap_unit_totals(sums: np.ndarray, sizes: np.ndarray, n_boot: int, rng, *,
                          exact: bool) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap totals ``(n_boot, k)`` of ``sums`` and ``(n_boot,)`` of ``sizes``, resampling their rows.

    ``sums`` holds what each of ``m`` units adds up to ``(m, k)`` and ``sizes`` how many rows
    it holds ``(m,)``; each replicate draws ``m`` units with replacement. ``exact`` draws
    each replicate with ``rng.multinomial`` (the published stream); otherwise with
    ``rng.integers`` and ``bincount``, the same distribution, faster on large corpora.

    Examples
    --------
    >>> num, den = bootstrap_unit_totals(np.ones((3, 1)), np.ones(3), 4, np.random.default_rng(0), exact=True)
    >>> num[:, 0].tolist(), den.tolist()
    ([3.0, 3.0, 3.0, 3.0], [3.0, 3.0, 3.0, 3.0])
    """
    m = len(sizes)
    num = np.empty((n_boot, sums.shape[1]))
    den = np.empty(n_boot)
    if exact:
        for lo in range(0, n_boot, 500):
            hi = min(lo + 500, n_boot)
            w = rng.multinomial(m, np.full(m, 1 / m), size=hi - lo).astype(float)
            num[lo:hi] = w @ sums
            den[lo:hi] = w @ sizes
        return num, den
    step = max(1, min(n_boot, _BLOCK // max(m, 1)))
    for lo in range(0, n_boot, step):
        hi = min(lo + step, n_boot)
        picks = rng.integers(0, m, size=(hi - lo, m))
        picks += (np.arange(hi - lo) * m)[:, None]
        w = np.bincount(picks.ravel(), minlength=(hi - lo) * m).reshape(hi - lo, m).astype(float)
        num[lo:hi] = w @ sums
        den[lo:hi] = w @ sizes
    return num, den


def bootstrap_group_totals(values: np.ndarray, groups: Sequence[np.ndarray], clusters: np.ndarray | None = None, *,
                           n_boot: int, seed: int) -> list[tuple]:
    """Bootstrap, within each group, the column totals of ``values`` and its number of rows.

    Parameters
    ----------
    values : array ``(n, k)``
        One row per observation (such as a sentence and which frames it invokes).
    groups : sequence of integer arrays
        The rows of each group; groups are resampled independently, in this order, from
        one stream seeded with ``seed``.
    clusters : array ``(n,)``, optional
        The unit each row belongs to (a paragraph, an article); a replicate draws whole
        units. None resamples rows.
    n_boot, seed : int
        Replicates, and the seed of ``numpy.random.default_rng``.

    Returns
    -------
    list of (totals, n_rows, num, den)
        Per group: ``values`` summed over its rows ``(k,)``, its number of rows, and the
        bootstrap totals ``(n_boot, k)`` and row counts ``(n_boot,)``; ``num / den[:, None]``
        are the replicate shares.

    Examples
    --------
    >>> v = np.array([[1], [0], [1], [1]])
    >>> [(t.tolist(), n) for t, n, _, _ in bootstrap_group_totals(v, [np.array([0, 1]), np.array([2, 3])],
    ...                                                           n_boot=10, seed=1)]
    [([1], 2), ([2], 2)]
    """
    units = [len(rows) if clusters is None else len(pd.unique(clusters[rows])) for rows in groups]
    exact = n_boot * sum(units) <= _EXACT_DRAWS
    rng = np.random.default_rng(seed)
    out = []
    for rows, m in zip(groups, units):
        x = values[rows].astype(float)
        if clusters is not None:
            # units numbered in order of first appearance within the group (pd.factorize keeps that order)
            local = pd.factorize(clusters[rows])[0]
            sums = np.zeros((m, x.shape[1]))
            np.add.at(sums, local, x)
            sizes = np.bincount(local).astype(float)
        else:
            sums, sizes = x, np.ones(len(x))
        num, den = bootstrap_unit_totals(sums, sizes, n_boot, rng, exact=exact)
        out.append((values[rows].sum(axis=0), len(rows), num, den))
    return out
