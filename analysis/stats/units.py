"""What an interval resamples, and when it can speak for an outlet.

A bootstrap interval is only as general as the units it resamples. Sentences (or
paragraphs) of one article are resampled when an outlet is represented by one or a
few articles: the interval then says how stable a figure is *within those texts*, not
how the outlet covers a story in general. Articles are the honest unit for an outlet
comparison once every outlet has several of them, because the sentences of one article
share a writer, a subject and a tone, and are not independent draws.

:func:`article_counts` counts the articles behind each group; every comparison table
carries that count (``n_articles``) and flags a group that rests on a single article
(``one_article``). :func:`resampling_unit` picks the unit a notebook resamples:
articles when every group has at least :data:`MIN_ARTICLES`, the within-article unit
otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

__all__ = ["MIN_ARTICLES", "article_counts", "resampling_unit", "describe_unit", "expected_by_chance",
           "require_article_ids", "require_articles"]

#: Articles per group from which intervals resample whole articles (see :func:`resampling_unit`).
#: Below five, a bootstrap over articles has too few distinct resamples to give an interval at all.
MIN_ARTICLES = 5


def article_counts(table: pd.DataFrame, by: str | Sequence[str] = "outlet") -> pd.Series:
    """How many distinct articles each group of ``table`` draws on (``article_id``).

    Returns a Series indexed like ``table.groupby(by)`` (sorted); empty of values
    (``Int64`` missing) when ``table`` has no ``article_id`` column, since the count is
    then unknown rather than one.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["A", "A", "B"], "article_id": ["a1", "a2", "b1"]})
    >>> article_counts(t).to_dict()
    {'A': 2, 'B': 1}
    """
    keys = [by] if isinstance(by, str) else list(by)
    grouped = table.groupby(keys, sort=True, observed=True)
    if "article_id" not in table.columns:
        counts = grouped.size()
        return pd.Series(pd.NA, index=counts.index, dtype="Int64", name="n_articles")
    counts = grouped["article_id"].nunique()
    if len(keys) == 1:
        counts.index.name = keys[0]
    return counts.astype("Int64").rename("n_articles")


def require_article_ids(table: pd.DataFrame, unit: str, name: str) -> None:
    """Stop unless every row of ``table`` names its article, as resampling paragraphs or articles needs."""
    if unit == "sentence":
        return
    if "article_id" not in table.columns:
        raise ValueError(f"{name}: unit={unit!r} needs an article_id column; has {', '.join(map(str, table.columns))}")
    missing = int(table["article_id"].isna().sum())
    if missing:
        raise ValueError(f"{name}: unit={unit!r} needs an article_id on every row; {missing} row(s) have none")


def require_articles(group, n_articles: int, *, within: str) -> None:
    """Stop when ``group`` has fewer than two articles to resample; ``within`` names the unit to use instead."""
    if n_articles < 2:
        raise ValueError(f"unit='article' resamples articles, but {group!r} has {n_articles}; use {within} "
                         "(the interval then describes that article)")


def resampling_unit(sentences: pd.DataFrame, by: str | Sequence[str] = "outlet", *, within: str = "sentence",
                    min_articles: int = MIN_ARTICLES) -> str:
    """``"article"`` when every group has at least ``min_articles`` articles, else ``within``.

    ``by`` is a column or several (``["outlet", "voice"]``: every outlet-and-voice group).

    ``within`` is the unit to resample inside articles (``"sentence"``, or
    ``"paragraph"`` for frames). With fewer than two groups the answer is ``within``.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["A"] * 5 + ["B"] * 5, "article_id": list("abcdefghij")})
    >>> resampling_unit(t), resampling_unit(t, min_articles=6, within="paragraph")
    ('article', 'paragraph')
    """
    counts = article_counts(sentences, by)
    if len(counts) < 2 or counts.isna().any() or int(counts.min()) < min_articles:
        return within
    return "article"


def describe_unit(sentences: pd.DataFrame, unit: str, by: str = "outlet", *,
                  min_articles: int = MIN_ARTICLES) -> str:
    """One line for a notebook: what the intervals resample, and why.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["A", "B"], "article_id": ["a1", "b1"]})
    >>> describe_unit(t, "sentence")
    'intervals resample sentences within articles: 2 of 2 outlets have fewer than 5 articles (each of them is a single article: flagged one_article)'
    """
    counts = article_counts(sentences, by)
    if counts.isna().any():
        return f"intervals resample {unit}s: the number of articles per outlet is unknown (no article_id column)"
    if unit == "article":
        return (f"intervals resample articles: every one of the {len(counts)} outlets has at least "
                f"{min_articles} ({int(counts.min())} to {int(counts.max())})")
    few = int((counts < min_articles).sum())
    single = int((counts == 1).sum())
    text = (f"intervals resample {unit}s within articles: {few} of {len(counts)} outlets have fewer than "
            f"{min_articles} articles")
    if single:
        text += (" (each of them is a single article: flagged one_article)" if single == few
                 else f" ({single} of them a single article: flagged one_article)")
    return text


def expected_by_chance(n_comparisons: int, level: float = 0.95) -> float:
    """How many of ``n_comparisons`` intervals at ``level`` would exclude zero with no real difference.

    Intervals not corrected for the number of comparisons each miss zero by chance with
    probability ``1 - level``, so a table of many comparisons always shows some.

    >>> expected_by_chance(40)
    2.0
    """
    return round((1 - level) * n_comparisons, 10)
