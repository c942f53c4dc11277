"""Tests for analysis.execution: the one seam for per-article work gives the same results in one
process or several."""

from __future__ import annotations

import multiprocessing

import pandas as pd
import pytest

from analysis import execution, load_corpus
from analysis.execution import BACKENDS, article_chunks, map_articles, map_corpus, run
from analysis.synthetic import write_corpus

FORK = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                          reason="functions of a test module reach workers only by fork")


def test_run_without_shared_data_calls_func_on_each_item_in_order():
    assert run(abs, [-3, 2, -1]) == [3, 2, 1]


@pytest.mark.parametrize("n_jobs", [1, 2, 3])
def test_run_in_processes_gives_the_serial_result_in_the_same_order(n_jobs):
    items = list(range(1, 24))
    expected = [divmod(1000, i) for i in items]
    assert run(divmod, items, shared=1000, n_jobs=n_jobs) == expected
    assert run(divmod, items, shared=1000, n_jobs=n_jobs, backend="processes") == expected


def test_an_unknown_backend_is_an_error_naming_the_known_ones():
    with pytest.raises(ValueError, match="backend 'dask' is not one of serial, processes"):
        run(abs, [1], backend="dask")


def test_a_backend_is_one_entry_in_the_registry(monkeypatch):
    calls = []

    def recording(func, items, shared, n_jobs):
        calls.append((len(items), n_jobs))
        return BACKENDS["serial"](func, items, shared, n_jobs)

    monkeypatch.setitem(BACKENDS, "recording", recording)
    assert run(divmod, [3, 7], shared=50, n_jobs=4, backend="recording") == [(16, 2), (7, 1)]
    assert calls == [(2, 4)]


def test_article_chunks_never_split_an_article():
    table = pd.DataFrame({"article_id": [a for a in "abcdefg" for _ in range(3)], "x": range(21)})
    chunks = article_chunks(table, 4)
    assert pd.concat(chunks).equals(table)
    assert all(not set(c["article_id"]) & set(d["article_id"]) for i, c in enumerate(chunks) for d in chunks[i + 1:])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("synthetic") / "corpus.jsonl"
    write_corpus(path, n_articles=40, n_outlets=4, seed=3)
    return load_corpus(path, corrections=None)


def test_map_articles_in_processes_gives_the_serial_table(corpus, monkeypatch):
    monkeypatch.setattr(execution, "MIN_ROWS", 1)  # a small table still goes to the workers
    serial = map_articles(execution._word_counts, corpus.sentences, n_jobs=1)
    parallel = map_articles(execution._word_counts, corpus.sentences, n_jobs=2)
    pd.testing.assert_frame_equal(parallel, serial)
    assert len(serial) == len(corpus.sentences)


def sentences_per_article(part, *, column: str = "sentence_id") -> pd.DataFrame:
    """A measure of a (sub-)corpus that needs its articles table and its sentences together."""
    counts = part.sentences.groupby("article_id", sort=False)[column].count()
    return pd.DataFrame({"article_id": part.articles["article_id"],
                         "n": part.articles["article_id"].map(counts).fillna(0).astype(int)})


@FORK
def test_map_corpus_in_processes_gives_the_serial_table(corpus, monkeypatch):
    monkeypatch.setattr(execution, "MIN_ROWS", 1)
    serial = map_corpus(sentences_per_article, corpus, n_jobs=1, column="text")
    parallel = map_corpus(sentences_per_article, corpus, n_jobs=2, column="text")
    pd.testing.assert_frame_equal(parallel, serial)
    assert serial["n"].sum() == len(corpus.sentences)
