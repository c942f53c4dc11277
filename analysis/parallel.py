"""Run a per-article measure on several processes.

Every measure in this package treats articles independently, so a large corpus can be
cut into chunks of whole articles, measured in parallel, and put back together in the
original order. The result is identical to running the measure in one process.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import partial

import numpy as np
import pandas as pd

__all__ = ["map_articles", "map_corpus", "article_chunks"]


def article_chunks(table: pd.DataFrame, n_chunks: int) -> list[pd.DataFrame]:
    """Cut ``table`` into at most ``n_chunks`` pieces of whole articles, in order.

    >>> t = pd.DataFrame({"article_id": list("aabbbc"), "x": range(6)})
    >>> [c["article_id"].tolist() for c in article_chunks(t, 2)]
    [['a', 'a', 'b', 'b', 'b'], ['c']]
    """
    if table.empty or n_chunks <= 1:
        return [table]
    ids = table["article_id"].to_numpy()
    starts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]])  # first row of each run of one article
    bounds = [starts[min(len(starts) - 1, round(i * len(starts) / n_chunks))] for i in range(1, n_chunks)]
    edges = [0, *sorted(set(int(b) for b in bounds if b > 0)), len(table)]
    return [table.iloc[a:b] for a, b in zip(edges[:-1], edges[1:]) if b > a]


def _default_jobs() -> int:
    return max(1, min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 8))


def map_articles(func: Callable[..., pd.DataFrame], table: pd.DataFrame, *, n_jobs: int | None = None,
                 chunks_per_job: int = 4, **kwargs) -> pd.DataFrame:
    """``func(table, **kwargs)``, computed on chunks of whole articles in ``n_jobs`` processes.

    ``func`` must be importable (a function of a module, not a lambda) and return one
    DataFrame per chunk; the pieces are concatenated in the original order. With
    ``n_jobs=1``, or a small table, it simply calls ``func(table, **kwargs)``. ``n_jobs``
    defaults to the number of cores this process may use (at most 8).

    >>> from analysis.text import count_words
    >>> t = pd.DataFrame({"article_id": ["a", "b"], "text": ["one two", "three"]})
    >>> map_articles(_word_counts, t, n_jobs=1)["n"].tolist()
    [2, 1]
    """
    n_jobs = _default_jobs() if n_jobs is None else n_jobs
    if n_jobs <= 1 or len(table) < 2000:
        return func(table, **kwargs)
    pieces = article_chunks(table, n_jobs * chunks_per_job)
    with ProcessPoolExecutor(max_workers=n_jobs) as pool:
        results = list(pool.map(partial(func, **kwargs), pieces))
    return pd.concat(results, ignore_index=True)


def map_corpus(func: Callable[..., pd.DataFrame], corpus, *, n_jobs: int | None = None,
               chunks_per_job: int = 4, **kwargs) -> pd.DataFrame:
    """``func(corpus, **kwargs)`` for measures that need the whole corpus (quotes span
    sentences), computed on sub-corpora of whole articles in ``n_jobs`` processes."""
    n_jobs = _default_jobs() if n_jobs is None else n_jobs
    if n_jobs <= 1 or len(corpus.sentences) < 2000:
        return func(corpus, **kwargs)
    pieces = article_chunks(corpus.sentences[["article_id"]], n_jobs * chunks_per_job)
    parts = [corpus.subset(p["article_id"].unique()) for p in pieces]
    with ProcessPoolExecutor(max_workers=n_jobs) as pool:
        results = list(pool.map(partial(func, **kwargs), parts))
    return pd.concat(results, ignore_index=True)


def _word_counts(table: pd.DataFrame) -> pd.DataFrame:
    """For the doctest: words per row."""
    from analysis.text import count_words

    return pd.DataFrame({"n": [count_words(t) for t in table["text"]]})
