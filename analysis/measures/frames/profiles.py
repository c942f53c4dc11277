"""Frame profiles: the share of units invoking each frame per group, and each group against the rest, with intervals.

The intervals come from :func:`analysis.stats.bootstrap.bootstrap_group_totals`,
resampling sentences, paragraphs or whole articles within each group.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.measures.frames.detection import check_columns, frames_and_other, indicator_matrix
from analysis.stats.bootstrap import bootstrap_group_totals
from analysis.stats.settings import LEVEL, N_BOOT, SEED
from analysis.stats.units import article_counts, require_article_ids, require_articles

__all__ = ["frame_profile", "frame_difference"]


def _bootstrap(sentences, detections, *, by, frames, unit, n_boot, seed):
    if unit not in ("sentence", "paragraph", "article"):
        raise ValueError(f"unit must be 'sentence', 'paragraph' or 'article', not {unit!r}")
    needed = ["sentence_id", by] + {"paragraph": ["article_id", "paragraph_no"], "article": ["article_id"]}.get(unit, [])
    check_columns(sentences, needed, "sentences")
    check_columns(detections, ["sentence_id", "frame"], "detections")
    require_article_ids(sentences, unit, "sentences")
    names, other = frames_and_other(frames, detections)
    ind = indicator_matrix(sentences["sentence_id"], detections, names)
    labels = sentences[by].reset_index(drop=True)
    order = sorted(labels.unique())
    codes = pd.Index(order).get_indexer(labels) if len(order) else np.full(len(labels), -1)
    rows_by = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[rows_by], np.arange(len(order) + 1))
    groups = [rows_by[bounds[i]:bounds[i + 1]] for i in range(len(order))]  # each group's rows, in table order
    clusters = None  # the paragraph or article of each row, when those are what is resampled
    if unit != "sentence":
        key = sentences["article_id"].astype(str)
        if unit == "paragraph":
            key = key + "#" + sentences["paragraph_no"].astype(str)
        clusters = pd.factorize(key.to_numpy())[0]
    if unit == "article":
        for g, rows in zip(order, groups):
            require_articles(g, len(pd.unique(clusters[rows])), within="'sentence' or 'paragraph'")
    boot = bootstrap_group_totals(ind, groups, clusters, n_boot=n_boot, seed=seed)
    out = dict(zip(order, boot))
    return [*names, other], out


def frame_profile(
    sentences: pd.DataFrame,
    detections: pd.DataFrame,
    *,
    by: str = "outlet",
    frames=None,
    unit: str = "sentence",
    n_boot: int = N_BOOT,
    level: float = LEVEL,
    seed: int = SEED,
) -> pd.DataFrame:
    """The share of sentences that invoke each frame, per group, with bootstrap intervals.

    Parameters
    ----------
    sentences, detections : DataFrame
        The sentences coded and :func:`analysis.measures.frames.detect_frames` of them.
    by : str
        The column that defines the groups (any number of them), such as ``outlet``.
    frames : Codebook or list of str, optional
        Which frames to report and in what order; by default those detected.
        Frames that never fired get a row with share 0.
    unit : {"sentence", "paragraph", "article"}
        What the bootstrap resamples within each group. Sentences of one paragraph
        tend to share frames, so ``"paragraph"`` gives wider, more honest intervals;
        ``"article"`` resamples whole articles, the unit for comparing outlets once
        each has several (:func:`analysis.stats.units.resampling_unit`; every group
        then needs two or more).
    n_boot, level, seed : int, float, int
        Bootstrap replicates, interval coverage, and the seed of
        ``numpy.random.default_rng``. Intervals are percentile intervals.

    Returns
    -------
    DataFrame
        ``<by>, frame, n_sentences, n_articles, n_invoking, share, low, high,
        one_article``. The shares of one group sum to more than 1 when sentences
        invoke several frames. ``one_article`` flags a group whose sentences all come
        from one article: its interval describes that article, not the outlet's
        coverage (``n_articles`` is missing without an ``article_id`` column).

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["a1", "a2", "b1"], "outlet": ["A", "A", "B"]})
    >>> d = pd.DataFrame({"sentence_id": ["a1"], "frame": ["Political"]})
    >>> frame_profile(s, d, n_boot=200)[["outlet", "frame", "n_invoking", "share"]]
      outlet      frame  n_invoking  share
    0      A  Political           1    0.5
    1      A      Other           1    0.5
    2      B  Political           0    0.0
    3      B      Other           1    1.0
    """
    names, boot = _bootstrap(sentences, detections, by=by, frames=frames, unit=unit, n_boot=n_boot, seed=seed)
    articles = article_counts(sentences, by)
    q = [(1 - level) / 2, 1 - (1 - level) / 2]
    rows = []
    for g, (count, n, num, den) in boot.items():
        low, high = np.quantile(num / den[:, None], q, axis=0)
        a = articles.get(g, pd.NA)
        for k, f in enumerate(names):
            rows.append((g, f, n, a, int(count[k]), count[k] / n, low[k], high[k], _one(a)))
    out = pd.DataFrame(rows, columns=[by, "frame", "n_sentences", "n_articles", "n_invoking", "share", "low", "high",
                                      "one_article"])
    out["n_articles"] = out["n_articles"].astype("Int64")
    return out


def _one(n_articles) -> bool:
    return bool(pd.notna(n_articles) and n_articles == 1)


def frame_difference(
    sentences: pd.DataFrame,
    detections: pd.DataFrame,
    *,
    by: str = "outlet",
    frames=None,
    unit: str = "sentence",
    n_boot: int = N_BOOT,
    level: float = LEVEL,
    seed: int = SEED,
) -> pd.DataFrame:
    """How much more (or less) often each group invokes each frame than all other groups together.

    Each group is compared with the rest pooled, so this works for any number of
    groups; with two, the two rows of a frame mirror each other. The interval
    comes from resampling each group independently (see :func:`frame_profile` for
    the options); an interval that excludes 0 is a difference the resampling does
    not explain away.

    Returns
    -------
    DataFrame
        ``<by>, frame, share, share_rest, difference, low, high, n_articles,
        n_articles_rest, one_article`` (either side rests on one article, so the
        interval describes that article rather than an outlet's coverage).

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["a1", "a2", "b1", "b2"], "outlet": ["A", "A", "B", "B"]})
    >>> d = pd.DataFrame({"sentence_id": ["a1", "a2"], "frame": ["Political"] * 2})
    >>> frame_difference(s, d, n_boot=200)[["outlet", "frame", "difference", "low", "high"]]
      outlet      frame  difference  low  high
    0      A  Political         1.0  1.0   1.0
    1      A      Other        -1.0 -1.0  -1.0
    2      B  Political        -1.0 -1.0  -1.0
    3      B      Other         1.0  1.0   1.0
    """
    names, boot = _bootstrap(sentences, detections, by=by, frames=frames, unit=unit, n_boot=n_boot, seed=seed)
    if len(boot) < 2:
        raise ValueError(f"frame_difference needs at least two groups in {by!r}, found {len(boot)}")
    q = [(1 - level) / 2, 1 - (1 - level) / 2]
    total_count = sum(b[0] for b in boot.values())
    total_n = sum(b[1] for b in boot.values())
    total_num = sum(b[2] for b in boot.values())
    total_den = sum(b[3] for b in boot.values())
    articles = article_counts(sentences, by)
    rows = []
    for g, (count, n, num, den) in boot.items():
        share = count / n
        rest = (total_count - count) / (total_n - n)
        diff_boot = num / den[:, None] - (total_num - num) / (total_den - den)[:, None]
        low, high = np.quantile(diff_boot, q, axis=0)
        a = articles.get(g, pd.NA)
        a_rest = (sentences.loc[sentences[by].notna() & (sentences[by] != g), "article_id"].nunique()
                  if "article_id" in sentences.columns else pd.NA)
        for k, f in enumerate(names):
            rows.append((g, f, share[k], rest[k], share[k] - rest[k], low[k], high[k], a, a_rest,
                         _one(a) or _one(a_rest)))
    out = pd.DataFrame(rows, columns=[by, "frame", "share", "share_rest", "difference", "low", "high", "n_articles",
                                      "n_articles_rest", "one_article"])
    out[["n_articles", "n_articles_rest"]] = out[["n_articles", "n_articles_rest"]].astype("Int64")
    return out

