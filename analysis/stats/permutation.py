"""Permutation engines on plain arrays: two-sided p-values for a difference of means (values or whole
clusters), the default number of relabellings, and Holm's correction.

Comparisons of one pooled size share the shuffles of one generator seeded with ``seed``,
drawn in blocks of rows (:func:`analysis.stats.bootstrap.row_chunks`) so memory stays bounded.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from analysis.stats.bootstrap import row_chunks

__all__ = ["default_permutations", "permutation_p_values", "cluster_permutation_p_values", "holm"]


def default_permutations(n_units: int) -> int:
    """10,000 relabellings for up to 5,000 units, fewer beyond (never under 999).

    >>> default_permutations(59), default_permutations(20_000), default_permutations(325_866)
    (10000, 2500, 999)
    """
    if n_units <= 5_000:
        return 10_000
    return max(999, int(5e7 // n_units))


def permutation_p_values(pairs: Sequence[tuple[np.ndarray, np.ndarray]], n_perm: int, seed: int) -> list[float]:
    """Two-sided permutation p-values of the difference of means for pairs ``(a, b)`` of one pooled size.

    Each p-value is the one a generator seeded with ``seed`` gives when it shuffles
    the pooled ``[a, b]`` ``n_perm`` times (``rng.permuted(np.tile(pooled, (n_perm, 1)),
    axis=1)``), counted as ``(k + 1) / (n_perm + 1)``. The shuffle's random draws depend
    only on the pooled size, so one set of shuffled positions serves every pair of that
    size (each one-against-the-rest comparison of a measure shares it), and it is drawn
    in blocks of rows so that memory stays bounded.
    """
    n = len(pairs[0][0]) + len(pairs[0][1])
    pooled = [np.concatenate([a, b]) for a, b in pairs]
    sizes = [len(a) for a, _ in pairs]
    # A tolerance so that ties, which floating-point sums break at random, count as ties.
    bounds = [abs(a.mean() - b.mean()) - 1e-12 for a, b in pairs]
    extreme = [0] * len(pairs)
    rng = np.random.default_rng(seed)
    positions = np.arange(n)
    totals = [values.sum() for values in pooled]
    for k in row_chunks(n_perm, n):
        order = rng.permuted(np.tile(positions, (k, 1)), axis=1)
        for j, (values, size, bound, total) in enumerate(zip(pooled, sizes, bounds, totals)):
            # only the first group's values are gathered; the other's sum is what remains
            first = values[order[:, :size]].sum(axis=1)
            diffs = np.abs(first / size - (total - first) / (n - size))
            extreme[j] += int(np.sum(diffs >= bound))
    return [float((e + 1) / (n_perm + 1)) for e in extreme]


def cluster_permutation_p_values(pairs, n_perm: int, seed: int) -> list[float]:
    """Two-sided permutation p-values when whole clusters (articles) carry the labels.

    ``pairs`` holds ``((sums_a, counts_a), (sums_b, counts_b))`` per comparison, of one
    pooled number of clusters: each cluster brings the sum of its values and its number
    of values, a relabelling deals the clusters (not the values) out again, and the
    statistic is the difference of the two pooled means. As in
    :func:`permutation_p_values`, comparisons of one pooled size share the shuffles.
    """
    sums = [np.concatenate([a[0], b[0]]) for a, b in pairs]
    counts = [np.concatenate([a[1], b[1]]) for a, b in pairs]
    sizes = [len(a[0]) for a, _ in pairs]
    bounds = [abs(a[0].sum() / a[1].sum() - b[0].sum() / b[1].sum()) - 1e-12 for a, b in pairs]
    n = len(sums[0])
    extreme = [0] * len(pairs)
    rng = np.random.default_rng(seed)
    positions = np.arange(n)
    for k in row_chunks(n_perm, n):
        order = rng.permuted(np.tile(positions, (k, 1)), axis=1)
        for j, (s, c, size, bound) in enumerate(zip(sums, counts, sizes, bounds)):
            # only the first group's clusters are gathered; the other's totals are what remains
            picked = order[:, :size]
            s_a, c_a = s[picked].sum(axis=1), c[picked].sum(axis=1)
            diffs = np.abs(s_a / c_a - (s.sum() - s_a) / (c.sum() - c_a))
            extreme[j] += int(np.sum(diffs >= bound))
    return [float((e + 1) / (n_perm + 1)) for e in extreme]


def holm(p: Sequence[float]) -> list[float]:
    """Holm's step-down adjustment of the p-values ``p`` (same order), each capped at 1.

    >>> [round(x, 2) for x in holm([0.01, 0.04, 0.5])]
    [0.03, 0.08, 0.5]
    """
    p = np.asarray(p, dtype=float)
    order = np.argsort(p)
    m = len(p)
    adjusted = np.empty(m)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[i]))
        adjusted[i] = running
    return adjusted.tolist()
