"""Summaries: each group's mean tone with a bootstrap interval and its label shares, overall and per actor mentioned."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from analysis.measures.tone.instruments import MEASURES, MIN_N, label_values, threshold_of
from analysis.measures.tone.tables import _check_columns
from analysis.stats.bootstrap import bootstrap_means, bootstrap_ratios, percentile_interval
from analysis.stats.settings import LEVEL, N_BOOT, SEED
from analysis.stats.units import article_counts, require_article_ids, require_articles

__all__ = ["tone_summary", "targeted_tone"]

_UNITS = ("sentence", "article")


def _check_unit(unit: str, table: pd.DataFrame) -> None:
    if unit not in _UNITS:
        raise ValueError(f"unit must be 'sentence' or 'article', not {unit!r}")
    require_article_ids(table, unit, "scored")


def _article_totals(part: pd.DataFrame, measure: str) -> tuple[np.ndarray, np.ndarray]:
    """Each article's sum of ``measure`` over its scored sentences, and how many there are."""
    g = part.loc[part[measure].notna(), ["article_id", measure]].groupby("article_id", sort=True)[measure]
    return g.sum().to_numpy(float), g.count().to_numpy(float)


def _measures(scored: pd.DataFrame, measures) -> list[str]:
    """``measures`` (every instrument's headline measure when None), checked against ``scored``."""
    measures = list(MEASURES) if measures is None else list(measures)
    _check_columns(scored, measures, "scored")
    return measures


def tone_summary(
    scored: pd.DataFrame,
    *,
    by: str | Sequence[str] = "outlet",
    measures: Iterable[str] | None = None,
    threshold: float | None = None,
    n_boot: int = N_BOOT,
    level: float = LEVEL,
    seed: int = SEED,
    min_n: int = MIN_N,
    unit: str = "sentence",
) -> pd.DataFrame:
    """Mean tone per group with a bootstrap interval, and the shares of positive, neutral and negative sentences.

    Each group's interval is a percentile bootstrap (``n_boot`` resamples, a
    generator seeded with ``seed`` for every group, so a group's interval does not
    depend on which other groups are present) over its sentences, or with
    ``unit="article"`` over its articles, each resampled with all its sentences (a
    cluster bootstrap: the honest unit once every group has several articles, see
    :func:`analysis.stats.units.resampling_unit`; every group then needs two or more).

    Returns one row per group and measure: the ``by`` column(s), ``measure``,
    ``n``, ``n_articles``, ``mean``, ``ci_low``, ``ci_high``, ``share_positive``,
    ``share_neutral``, ``share_negative`` (at ``threshold``, by default the instrument's), ``small_n`` (fewer
    than ``min_n`` sentences) and ``one_article``: the group's sentences all come
    from one article, so its interval describes that article, not the outlet's
    coverage. ``n_articles`` is missing when ``scored`` has no ``article_id``.

    Examples
    --------
    >>> s = pd.DataFrame({"outlet": ["A"] * 4 + ["B"] * 2, "polarity": [0.5, 0.0, 0.1, -0.2, 0.0, 0.0]})
    >>> tone_summary(s, measures=["polarity"])[["outlet", "n", "mean", "share_positive", "small_n"]]
      outlet  n  mean  share_positive  small_n
    0      A  4   0.1             0.5     True
    1      B  2   0.0             0.0     True
    """
    measures = _measures(scored, measures)
    keys = [by] if isinstance(by, str) else list(by)
    _check_columns(scored, keys, "scored")
    _check_unit(unit, scored)
    articles = article_counts(scored, keys)
    rows = []
    for group, part in scored.groupby(keys, sort=True, observed=True):
        group = group if isinstance(group, tuple) else (group,)
        n_articles = articles.loc[group if len(keys) > 1 else group[0]]
        for measure in measures:
            values = part[measure].dropna().to_numpy(float)
            n = len(values)
            if n == 0:
                continue
            rng = np.random.default_rng(seed)
            if unit == "article":
                sums, counts = _article_totals(part, measure)
                require_articles(group if len(keys) > 1 else group[0], len(sums), within="unit='sentence'")
                draws = bootstrap_ratios(sums, counts, n_boot, rng)
            else:
                draws = bootstrap_means(values, n_boot, rng)
            lo, hi = percentile_interval(draws, level)
            labels = label_values(values, threshold_of(measure, threshold))
            rows.append(
                {
                    **dict(zip(keys, group)),
                    "measure": measure,
                    "n": n,
                    "n_articles": n_articles,
                    "mean": float(values.mean()),
                    "ci_low": lo,
                    "ci_high": hi,
                    "share_positive": float(np.mean(labels == "positive")),
                    "share_neutral": float(np.mean(labels == "neutral")),
                    "share_negative": float(np.mean(labels == "negative")),
                    "small_n": n < min_n,
                    "one_article": bool(n_articles == 1) if pd.notna(n_articles) else False,
                }
            )
    columns = keys + ["measure", "n", "n_articles", "mean", "ci_low", "ci_high", "share_positive", "share_neutral",
                      "share_negative", "small_n", "one_article"]
    out = pd.DataFrame(rows, columns=columns)
    out["n_articles"] = out["n_articles"].astype("Int64")
    return out


def targeted_tone(
    scored: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    by: str = "outlet",
    measures: Iterable[str] | None = None,
    threshold: float | None = None,
    n_boot: int = N_BOOT,
    level: float = LEVEL,
    seed: int = SEED,
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """The tone of the sentences that mention each actor, per group, with the same intervals as :func:`tone_summary`.

    ``mentions`` is a table of actor mentions with at least ``sentence_id`` and
    ``actor`` (and optionally ``type``), such as
    ``analysis.measures.actors.actor_mentions``' output. A sentence that mentions an
    actor several times counts once for that actor; a sentence that mentions
    two actors counts for both. The tone is the whole sentence's: it says what
    words surround the actor, not that they are about it.

    Returns one row per actor, group and measure: ``actor``, ``type`` (when
    ``mentions`` has it), the ``by`` column, then the columns of
    :func:`tone_summary`.

    Examples
    --------
    >>> scored = pd.DataFrame({"sentence_id": ["s1", "s2", "s3"], "outlet": ["A", "A", "B"],
    ...                        "polarity": [0.4, -0.2, 0.0]})
    >>> mentions = pd.DataFrame({"sentence_id": ["s1", "s1", "s2", "s3"], "actor": ["IBM"] * 4})
    >>> targeted_tone(scored, mentions, measures=["polarity"])[["actor", "outlet", "n", "mean"]]
      actor outlet  n  mean
    0   IBM      A  2   0.1
    1   IBM      B  1   0.0
    """
    _check_columns(mentions, ["sentence_id", "actor"], "mentions")
    _check_columns(scored, ["sentence_id", by], "scored")
    keep = ["sentence_id", "actor"] + (["type"] if "type" in mentions.columns else [])
    pairs = mentions[keep].drop_duplicates(["sentence_id", "actor"])
    unknown = set(pairs["sentence_id"]) - set(scored["sentence_id"])
    if unknown:
        raise ValueError(f"mentions: sentence_id(s) not in scored: {', '.join(sorted(map(str, unknown))[:5])}")
    scored_cols = [c for c in scored.columns if c not in ("actor", "type")]
    joined = pairs.merge(scored[scored_cols], on="sentence_id", how="left")
    summary = tone_summary(
        joined, by=["actor", by], measures=measures, threshold=threshold,
        n_boot=n_boot, level=level, seed=seed, min_n=min_n,
    )
    if "type" in pairs.columns:
        types = pairs.drop_duplicates("actor").set_index("actor")["type"]
        summary.insert(1, "type", summary["actor"].map(types))
    return summary
