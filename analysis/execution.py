"""The one seam for per-article work: run a function over pieces of a corpus, in this process
or in several.

Every measure in this package treats articles independently, so a large corpus can be
cut into pieces of whole articles, worked on in parallel, and put back together in the
original order. The result is identical to doing the work in one process.

:func:`run` is the seam: ``run(func, items, shared=data, n_jobs=4)`` returns
``[func(data, item) for item in items]``, computed by a backend. ``data`` is what every
piece needs (a table, the list of articles); each ``item`` says which piece (a range of
rows). A backend is one function in :data:`BACKENDS` (``"serial"``, ``"processes"``); adding
one (Dask, say) is one function and one entry. :func:`map_articles` and :func:`map_corpus`
run a measure on pieces of a sentence table or of a :class:`~analysis.corpus.Corpus`.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["run", "BACKENDS", "default_jobs", "map_articles", "map_corpus", "article_chunks"]

_NOTHING = object()  # no shared data: call func(item)

# Below these sizes one process does all the work: starting workers would cost more than it saves.
MIN_ROWS = 2000


def default_jobs() -> int:
    """The cores this process may use, at most 8."""
    return max(1, min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 8))


def _serial(func: Callable, items: list, shared: Any, n_jobs: int) -> list:
    if shared is _NOTHING:
        return [func(item) for item in items]
    return [func(shared, item) for item in items]


# What the workers of the current call need. A forked worker inherits it, so the shared data is
# not pickled on its way out: only each item's number is sent, and only the results come back.
_WORK: tuple = ()


def _set_work(func: Callable, items: list, shared: Any) -> None:
    global _WORK
    _WORK = (func, items, shared)


def _piece(k: int):
    func, items, shared = _WORK
    return func(items[k]) if shared is _NOTHING else func(shared, items[k])


def _processes(func: Callable, items: list, shared: Any, n_jobs: int) -> list:
    # Where fork is available (Linux, macOS) the workers inherit func, items and shared; elsewhere
    # they are pickled once per worker, so func must be importable (a module's function, no lambda).
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=n_jobs, mp_context=context, initializer=_set_work,
                             initargs=(func, items, shared)) as pool:
        return list(pool.map(_piece, range(len(items))))


BACKENDS: dict[str, Callable[[Callable, list, Any, int], list]] = {"serial": _serial, "processes": _processes}


def run(func: Callable, items: Sequence, *, shared: Any = _NOTHING, n_jobs: int = 1,
        backend: str | None = None) -> list:
    """``[func(shared, item) for item in items]`` (or ``func(item)`` without ``shared``), in order.

    ``backend`` names one of :data:`BACKENDS`; by default ``"processes"`` when ``n_jobs > 1``
    and there are at least two items, else ``"serial"``. Every backend returns the same list.

    >>> run(divmod, [1, 5, 9], shared=20)
    [(20, 0), (4, 0), (2, 2)]
    """
    items = list(items)
    if backend is None:
        backend = "processes" if n_jobs > 1 and len(items) > 1 else "serial"
    if backend not in BACKENDS:
        raise ValueError(f"backend '{backend}' is not one of {', '.join(BACKENDS)}")
    return BACKENDS[backend](func, items, shared, max(1, n_jobs))


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


def _rows_piece(work: tuple, bounds: tuple[int, int]) -> pd.DataFrame:
    func, table, kwargs = work
    return func(table.iloc[bounds[0]:bounds[1]], **kwargs)


def _corpus_piece(work: tuple, k: int) -> pd.DataFrame:
    func, corpus, groups, positions, kwargs = work
    return func(corpus.part(groups[k], {name: rows[k] for name, rows in positions.items()}), **kwargs)


def map_articles(func: Callable[..., pd.DataFrame], table: pd.DataFrame, *, n_jobs: int | None = None,
                 chunks_per_job: int = 4, **kwargs) -> pd.DataFrame:
    """``func(table, **kwargs)``, computed on chunks of whole articles in ``n_jobs`` processes.

    ``func`` must be importable (a function of a module, not a lambda) and return one
    DataFrame per chunk; the pieces are concatenated in the original order. With
    ``n_jobs=1``, or a table of fewer than :data:`MIN_ROWS` rows, it simply calls
    ``func(table, **kwargs)``. ``n_jobs`` defaults to :func:`default_jobs`.

    >>> t = pd.DataFrame({"article_id": ["a", "b"], "text": ["one two", "three"]})
    >>> map_articles(_word_counts, t, n_jobs=1)["n"].tolist()
    [2, 1]
    """
    n_jobs = default_jobs() if n_jobs is None else n_jobs
    if n_jobs <= 1 or len(table) < MIN_ROWS:
        return func(table, **kwargs)
    bounds, start = [], 0
    for piece in article_chunks(table, n_jobs * chunks_per_job):
        bounds.append((start, start + len(piece)))
        start += len(piece)
    results = run(_rows_piece, bounds, shared=(func, table, kwargs), n_jobs=n_jobs)
    return pd.concat(results, ignore_index=True)


def map_corpus(func: Callable[..., pd.DataFrame], corpus, *, n_jobs: int | None = None,
               chunks_per_job: int = 4, **kwargs) -> pd.DataFrame:
    """``func(corpus, **kwargs)`` for measures that need the whole corpus (quotes span
    sentences), computed on sub-corpora of whole articles in ``n_jobs`` processes."""
    n_jobs = default_jobs() if n_jobs is None else n_jobs
    if n_jobs <= 1 or len(corpus.sentences) < MIN_ROWS:
        return func(corpus, **kwargs)
    pieces = article_chunks(corpus.sentences[["article_id"]], n_jobs * chunks_per_job)
    groups = [p["article_id"].unique().tolist() for p in pieces]
    positions = corpus.row_groups(groups)
    results = run(_corpus_piece, range(len(groups)), shared=(func, corpus, groups, positions, kwargs),
                  n_jobs=n_jobs)
    return pd.concat(results, ignore_index=True)


def _word_counts(table: pd.DataFrame) -> pd.DataFrame:
    """For the doctest: words per row."""
    from analysis.corpus.text import count_words

    return pd.DataFrame({"n": [count_words(t) for t in table["text"]]})
