"""Differences: how far each group's mean tone is from the others', with bootstrap intervals and permutation tests."""

from __future__ import annotations

import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from itertools import combinations

import numpy as np
import pandas as pd

from analysis.measures.tone.instruments import MIN_N
from analysis.measures.tone.summary import _article_totals, _check_unit, _measures
from analysis.measures.tone.tables import _check_columns
from analysis.stats.bootstrap import bootstrap_means, bootstrap_ratios, percentile_interval
from analysis.stats.permutation import cluster_permutation_p_values, default_permutations, holm, permutation_p_values
from analysis.stats.settings import LEVEL, N_BOOT, SEED
from analysis.stats.units import article_counts, require_articles

__all__ = ["tone_difference"]


def tone_difference(
    scored: pd.DataFrame,
    *,
    by: str = "outlet",
    measures: Iterable[str] | None = None,
    pairwise: bool | None = None,
    n_perm: int | None = None,
    n_boot: int = N_BOOT,
    level: float = LEVEL,
    seed: int = SEED,
    min_n: int = MIN_N,
    unit: str = "sentence",
) -> pd.DataFrame:
    """How far each group's mean tone is from the others', with a permutation test.

    ``n_perm`` defaults to 10,000 relabellings up to 5,000 sentences; on larger
    corpora to as many as keep ``n_perm`` × sentences near 5 × 10^7 (at least 999),
    so that a corpus of thousands of articles is tested in minutes, not hours. At that
    size a p-value's resolution of 1/1000 is far finer than the differences it tests.

    With two groups there is one comparison, the first (in sorted order) minus
    the second. With more, each group is compared with the rest pooled
    (one-against-the-rest), or with every other group when ``pairwise=True``.

    For each comparison: the ``difference`` of means; a percentile bootstrap
    interval for it (each side resampled on its own); and a two-sided
    permutation p-value, the share of ``n_perm`` random relabellings of the
    pooled sentences whose difference is at least as large as the observed one,
    counted as ``(k + 1) / (n_perm + 1)`` so it is never 0. ``p_adjusted`` is the
    Holm correction over the comparisons of one measure (equal to ``p_value``
    when there is one comparison).

    With ``unit="article"`` both the bootstrap and the relabelling move whole
    articles (each with all its sentences), and ``n_perm`` defaults by the number of
    articles instead of sentences: the honest test once every group has several
    articles, since sentences of one article are not independent (see
    :func:`analysis.stats.units.resampling_unit`). Every group then needs two or more.

    Returns one row per comparison and measure: ``measure``, ``by``,
    ``compared_with``, ``n``, ``n_other``, ``n_articles``, ``n_articles_other``,
    ``mean``, ``mean_other``, ``difference``, ``ci_low``, ``ci_high``,
    ``p_value``, ``p_adjusted``, ``small_n`` (either side has fewer than
    ``min_n`` sentences) and ``one_article`` (either side rests on one article,
    so the interval and the test describe that article's sentences, not an
    outlet's coverage). With fewer than two groups there is nothing to compare
    and the table is empty.

    Examples
    --------
    >>> s = pd.DataFrame({"outlet": ["A"] * 3 + ["B"] * 3, "polarity": [0.1, 0.2, 0.3] * 2})
    >>> tone_difference(s, measures=["polarity"])[["outlet", "compared_with", "difference", "p_value"]]
      outlet compared_with  difference  p_value
    0      A             B         0.0      1.0
    """
    measures = _measures(scored, measures)
    _check_columns(scored, [by], "scored")
    _check_unit(unit, scored)
    if n_perm is None:
        n_perm = default_permutations(scored["article_id"].nunique() if unit == "article" else len(scored))
    articles = article_counts(scored, by)
    groups = sorted(scored[by].dropna().unique())
    if unit == "article":
        for g in groups:
            require_articles(g, int(articles[g]), within="unit='sentence'")
    if pairwise is None:
        pairwise = len(groups) == 2
    if pairwise:
        comparisons = [(g, [h]) for g, h in combinations(groups, 2)]
    else:
        comparisons = [(g, [h for h in groups if h != g]) for g in groups]
    # each comparison's rows and article counts, found once for every measure
    sides = []
    for g, others in comparisons:
        mine, theirs = scored[by] == g, scored[by].isin(others)
        n_other = scored.loc[theirs, "article_id"].nunique() if "article_id" in scored.columns else pd.NA
        sides.append((g, others, mine, theirs, articles[g], n_other))
    blocks = []
    for measure in measures:
        block = []
        for g, others, mine, theirs, n_articles, n_articles_other in sides:
            a = scored.loc[mine, measure].dropna().to_numpy(float)
            b = scored.loc[theirs, measure].dropna().to_numpy(float)
            if len(a) == 0 or len(b) == 0:
                continue
            block.append(
                {
                    "measure": measure,
                    by: g,
                    "compared_with": others[0] if len(others) == 1 else "rest",
                    "n": len(a),
                    "n_other": len(b),
                    "n_articles": n_articles,
                    "n_articles_other": n_articles_other,
                    "mean": float(a.mean()),
                    "mean_other": float(b.mean()),
                    "difference": float(a.mean() - b.mean()),
                    "_pair": (a, b) if unit == "sentence" else (
                        _article_totals(scored.loc[mine], measure), _article_totals(scored.loc[theirs], measure)),
                    "small_n": len(a) < min_n or len(b) < min_n,
                    "one_article": bool(n_articles == 1 or n_articles_other == 1) if pd.notna(n_articles) else False,
                }
            )
        blocks.append(block)
    every = [r for block in blocks for r in block]

    def interval(row: dict) -> tuple[float, float]:
        a, b = row["_pair"]
        rng = np.random.default_rng(seed)
        if unit == "article":
            return percentile_interval(bootstrap_ratios(*a, n_boot, rng) - bootstrap_ratios(*b, n_boot, rng), level)
        return percentile_interval(bootstrap_means(a, n_boot, rng) - bootstrap_means(b, n_boot, rng), level)

    # Each comparison has its own seeded generator, so the bootstraps can run side by side
    # (numpy draws and averages without holding the interpreter lock).
    with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        for row, (lo, hi) in zip(every, pool.map(interval, every)):
            row["ci_low"], row["ci_high"] = lo, hi
    # Comparisons whose pooled sentences are equally many share the shuffles of one seeded generator.
    by_size: dict[int, list[dict]] = {}
    for row in every:
        a, b = row["_pair"]
        by_size.setdefault(len(a) + len(b) if unit == "sentence" else len(a[0]) + len(b[0]), []).append(row)
    test = permutation_p_values if unit == "sentence" else cluster_permutation_p_values
    for same in by_size.values():
        for row, p in zip(same, test([r.pop("_pair") for r in same], n_perm, seed)):
            row["p_value"] = p
    rows = []
    for block in blocks:
        for row, adj in zip(block, holm([r["p_value"] for r in block])):
            row["p_adjusted"] = adj
        rows.extend(block)
    columns = ["measure", by, "compared_with", "n", "n_other", "n_articles", "n_articles_other", "mean", "mean_other",
               "difference", "ci_low", "ci_high", "p_value", "p_adjusted", "small_n", "one_article"]
    out = pd.DataFrame(rows, columns=columns)
    out[["n_articles", "n_articles_other"]] = out[["n_articles", "n_articles_other"]].astype("Int64")
    return out
