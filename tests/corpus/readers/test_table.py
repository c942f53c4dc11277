"""Tests for analysis.corpus.readers.table and csv_table: one article per row, the table's own column
names, and tables that cannot be read."""

from __future__ import annotations

import pytest

from analysis import CorpusError, load_corpus
from analysis.corpus.readers import read_table
from tests.corpus.stories import (
    JSONL_NAMES, SHARE, STORIES, UNREADABLE, load_quietly, table_rows, url_of, write_csv, write_jsonl,
)


def test_table_rows_keep_their_url_and_name_their_row_as_the_file(formats):
    corpus = formats["jsonl"]
    assert sorted(corpus.articles["url"]) == sorted(url_of(s) for s in STORIES)
    assert corpus.articles["file"].tolist() == [f"stories.jsonl#{n}" for n in range(1, len(STORIES) + 1)]
    assert set(corpus.articles["title_source"]) == {"table"}


def test_read_table_maps_configured_column_names(tmp_path):
    path = write_jsonl(tmp_path / "export.jsonl", table_rows(names=JSONL_NAMES))
    records = read_table(path, columns=JSONL_NAMES)
    assert [r.fields["outlet"] for r in records] == [s["outlet"] for s in STORIES]
    assert records[0].text.startswith(STORIES[0]["title"] + "\n\n")
    assert records[0].where == f"{path} record 1"


def test_a_table_without_a_text_column_is_an_error_naming_the_file_and_the_columns(tmp_path):
    rows = [{"body": r["text"], "outlet": r["outlet"]} for r in table_rows()]
    path = write_csv(tmp_path / "export.csv", rows)
    with pytest.raises(CorpusError, match=r"export\.csv: missing required column 'text' \(for text\); found body, outlet"):
        load_corpus(path, corrections=None)


def test_a_configured_text_column_that_the_table_lacks_is_named(tmp_path):
    path = write_jsonl(tmp_path / "export.jsonl", table_rows())
    with pytest.raises(CorpusError, match=r"export\.jsonl: missing required column 'story_text' \(for text\)"):
        load_corpus(path, corrections=None, columns={"text": "story_text"})


def test_a_table_without_an_outlet_column_is_an_error(tmp_path):
    path = write_csv(tmp_path / "export.csv", [{"text": r["text"]} for r in table_rows()])
    with pytest.raises(CorpusError, match="missing required column 'outlet'"):
        load_corpus(path, corrections=None)


def test_the_unreadable_stand_in_really_fails_to_read():
    assert UNREADABLE.is_file()
    with pytest.raises(OSError):
        UNREADABLE.read_bytes()


@pytest.mark.parametrize("name", ["stories.csv", "stories.jsonl"])
def test_an_unreadable_table_is_an_error_naming_it(tmp_path, name):
    path = tmp_path / name
    path.symlink_to(UNREADABLE)
    with pytest.raises(CorpusError, match=f"{name}: cannot be read \\(Input/output error\\)"):
        load_corpus(path, corrections=None)


def test_a_table_where_no_row_has_usable_text_is_an_error(tmp_path):
    path = write_csv(tmp_path / "t.csv", [{"text": "", "outlet": "A"}, {"text": SHARE, "outlet": "B"}])
    with pytest.raises(CorpusError, match="no usable articles"):
        load_quietly(path, on_error="skip")


def test_a_table_that_is_not_utf8_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("text,outlet\n\"Le caf\u00e9 est ferm\u00e9 depuis lundi.\",Valley Post\n".encode("latin-1"))
    with pytest.raises(CorpusError, match=r"export\.csv: not UTF-8 text \(byte 0xE9"):
        load_corpus(path, corrections=None)
