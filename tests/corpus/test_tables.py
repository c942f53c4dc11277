"""Tests for analysis.corpus.tables: the saved tables load back with the same values and types."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import Corpus, CorpusError, CorpusWarning, load_processed
from tests.corpus.invented import ARTICLE, OTHER, load, write_corpus


def _assert_same_corpus(a: Corpus, b: Corpus) -> None:
    for name in Corpus.TABLES:
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_dtype=True)
    assert a.texts == b.texts


def test_saved_real_tables_load_back_unchanged(real, tmp_path):
    paths = real.save(tmp_path)
    assert sorted(p.name for p in paths) == sorted(f"{n}.csv" for n in Corpus.TABLES)
    _assert_same_corpus(real, load_processed(tmp_path))


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_saved_invented_tables_load_back_unchanged_with_any_line_ending(tmp_path, eol):
    files = {"a.txt": ARTICLE.replace("\n", eol), "b.txt": OTHER, "c.txt": b""}
    rows = [{"article_id": "a", "outlet": "Outlet", "file": "a.txt", "author": "John Roe", "notes": 'has, "quotes"'},
            {"article_id": "b", "outlet": "Other", "file": "b.txt", "published": "2020-06-10"},
            {"article_id": "c", "outlet": "Other", "file": "c.txt"}]
    with pytest.warns(CorpusWarning):
        corpus = load(write_corpus(tmp_path / "raw", files, rows), on_error="skip")
    assert not corpus.problems.empty
    corpus.save(tmp_path / "processed")
    _assert_same_corpus(corpus, load_processed(tmp_path / "processed"))


def test_saved_tables_of_a_corpus_without_problems_load_back_with_the_same_types(tmp_path):
    rows = [{"article_id": "a", "outlet": "Outlet", "file": "a.txt", "author": "Jane Doe", "published": "2020-06-09"}]
    corpus = load(write_corpus(tmp_path / "raw", {"a.txt": ARTICLE.replace("Facial", "Face")}, rows))
    assert corpus.problems.empty and corpus.normalisations.empty
    corpus.save(tmp_path / "processed")
    _assert_same_corpus(corpus, load_processed(tmp_path / "processed"))


def test_load_processed_says_which_table_is_missing(tmp_path):
    with pytest.raises(CorpusError, match="articles.csv: not found; run notebooks/01-corpus.ipynb first"):
        load_processed(tmp_path)
