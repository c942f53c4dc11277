"""Fixtures for the corpus tests: the real articles read once per module, a small invented folder,
and the same stories in three formats."""

from __future__ import annotations

import pytest

from analysis import load_corpus
from tests.corpus.invented import ARTICLE, OTHER, write_corpus
from tests.corpus.stories import JSONL_NAMES, load_quietly, table_rows, write_csv, write_jsonl, write_text_folder


@pytest.fixture(scope="module")
def real():
    return load_corpus()


@pytest.fixture
def simple(tmp_path):
    return write_corpus(tmp_path / "raw", {"a.txt": ARTICLE, "b.txt": OTHER})


@pytest.fixture
def formats(tmp_path):
    """The same six stories as a text folder, a CSV table and a JSON-lines table with other column names."""
    rows = table_rows(names=JSONL_NAMES)
    for r in rows:  # a Media-Cloud-style timestamp, not a bare date
        r["publish_date"] += " 14:05:00"
    return {
        "text folder": load_quietly(write_text_folder(tmp_path / "folder")),
        "csv": load_quietly(write_csv(tmp_path / "stories.csv", table_rows())),
        "jsonl": load_quietly(write_jsonl(tmp_path / "stories.jsonl", rows), columns=JSONL_NAMES),
    }
