"""Tests for analysis.corpus.readers.jsonl_table: one JSON object per line."""

from __future__ import annotations

import pytest

from analysis import CorpusError, load_corpus
from tests.corpus.stories import STORIES, table_rows, write_jsonl


def test_a_malformed_jsonl_line_is_an_error_naming_the_line(tmp_path):
    path = write_jsonl(tmp_path / "export.jsonl", table_rows(STORIES[:3]))
    with path.open("a", encoding="utf-8") as fh:
        fh.write('{"text": "A story that was cut off", "outlet": "Valley Post"\n')
    with pytest.raises(CorpusError, match=r"export\.jsonl line 4: not a JSON object"):
        load_corpus(path, corrections=None)


def test_a_jsonl_line_that_is_not_an_object_is_an_error_naming_the_line(tmp_path):
    path = write_jsonl(tmp_path / "export.jsonl", table_rows(STORIES[:3]))
    with path.open("a", encoding="utf-8") as fh:
        fh.write('["text", "outlet"]\n')
    with pytest.raises(CorpusError, match=r"export\.jsonl line 4: not a JSON object"):
        load_corpus(path, corrections=None)
