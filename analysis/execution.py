"""Run a per-article measure on several processes.

Every measure in this package treats articles independently, so a large corpus can be
cut into chunks of whole articles, measured in parallel, and put back together in the
original order. The result is identical to running the measure in one process.
"""

from __future__ import annotations

import multiprocessing
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


# What the workers of the current call need. Forked workers inherit it, so a chunk is not
# pickled on its way out: only its number is sent, and only the results come back.
_WORK: dict = {}


def _set_work(work: dict) -> None:
    global _WORK
    _WORK = work


def _fork_context():
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork") if "fork" in methods else None


def _article_piece(k: int) -> pd.DataFrame:
    a, b = _WORK["bounds"][k]
    return _WORK["func"](_WORK["table"].iloc[a:b], **_WORK["kwargs"])


def _corpus_piece(k: int) -> pd.DataFrame:
    corpus, groups, positions = _WORK["corpus"], _WORK["groups"], _WORK["positions"]
    part = corpus.part(groups[k], {name: rows[k] for name, rows in positions.items()})
    return _WORK["func"](part, **_WORK["kwargs"])


def _run(piece: Callable[[int], pd.DataFrame], work: dict, n_pieces: int, n_jobs: int) -> list[pd.DataFrame]:
    with ProcessPoolExecutor(max_workers=n_jobs, mp_context=_fork_context(), initializer=_set_work,
                             initargs=(work,)) as pool:
        return list(pool.map(piece, range(n_pieces)))


def map_articles(func: Callable[..., pd.DataFrame], table: pd.DataFrame, *, n_jobs: int | None = None,
                 chunks_per_job: int = 4, **kwargs) -> pd.DataFrame:
    """``func(table, **kwargs)``, computed on chunks of whole articles in ``n_jobs`` processes.

    ``func`` must be importable (a function of a module, not a lambda) and return one
    DataFrame per chunk; the pieces are concatenated in the original order. With
    ``n_jobs=1``, or a small table, it simply calls ``func(table, **kwargs)``. ``n_jobs``
    defaults to the number of cores this process may use (at most 8).

    >>> from analysis.corpus.text import count_words
    >>> t = pd.DataFrame({"article_id": ["a", "b"], "text": ["one two", "three"]})
    >>> map_articles(_word_counts, t, n_jobs=1)["n"].tolist()
    [2, 1]
    """
    n_jobs = _default_jobs() if n_jobs is None else n_jobs
    if n_jobs <= 1 or len(table) < 2000:
        return func(table, **kwargs)
    pieces = article_chunks(table, n_jobs * chunks_per_job)
    if _fork_context() is None:  # workers start afresh: send each its chunk
        with ProcessPoolExecutor(max_workers=n_jobs) as pool:
            results = list(pool.map(partial(func, **kwargs), pieces))
    else:
        bounds, start = [], 0
        for p in pieces:
            bounds.append((start, start + len(p)))
            start += len(p)
        work = {"func": func, "kwargs": kwargs, "table": table, "bounds": bounds}
        results = _run(_article_piece, work, len(bounds), n_jobs)
    return pd.concat(results, ignore_index=True)


def map_corpus(func: Callable[..., pd.DataFrame], corpus, *, n_jobs: int | None = None,
               chunks_per_job: int = 4, **kwargs) -> pd.DataFrame:
    """``func(corpus, **kwargs)`` for measures that need the whole corpus (quotes span
    sentences), computed on sub-corpora of whole articles in ``n_jobs`` processes."""
    n_jobs = _default_jobs() if n_jobs is None else n_jobs
    if n_jobs <= 1 or len(corpus.sentences) < 2000:
        return func(corpus, **kwargs)
    pieces = article_chunks(corpus.sentences[["article_id"]], n_jobs * chunks_per_job)
    groups = [p["article_id"].unique().tolist() for p in pieces]
    positions = corpus.row_groups(groups)
    if _fork_context() is None:  # workers start afresh: send each its sub-corpus
        parts = [corpus.part(g, {name: rows[k] for name, rows in positions.items()}) for k, g in enumerate(groups)]
        with ProcessPoolExecutor(max_workers=n_jobs) as pool:
            results = list(pool.map(partial(func, **kwargs), parts))
    else:
        work = {"func": func, "kwargs": kwargs, "corpus": corpus, "groups": groups, "positions": positions}
        results = _run(_corpus_piece, work, len(groups), n_jobs)
    return pd.concat(results, ignore_index=True)


def _word_counts(table: pd.DataFrame) -> pd.DataFrame:
    """For the doctest: words per row."""
    from analysis.corpus.text import count_words

    return pd.DataFrame({"n": [count_words(t) for t in table["text"]]})
