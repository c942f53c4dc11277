"""Tests for analysis.corpus.readers.registry: which reader reads an input, and every format giving the
same tables for the same stories."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis import CorpusError, load_corpus
from analysis.corpus.readers import SourceError, input_kind
from tests.corpus.stories import (
    OUTLETS, STORIES, by_title, roles, sentence_texts, table_rows, write_html_folder, write_jsonl,
    write_text_folder,
)


# line:     1 title, 3 byline, 5 body, 7 related link, 9 body, 11 share buttons
EXPECTED_ROLES = ["title", "blank", "byline", "blank", "body", "blank", "boilerplate", "blank", "body", "blank",
                  "boilerplate"]


@pytest.mark.parametrize("kind", ["text folder", "csv", "jsonl"])
def test_each_format_loads_every_story_with_its_outlet_and_metadata(formats, kind):
    corpus = formats[kind]
    arts = corpus.articles.set_index("title")
    assert len(arts) == len(STORIES) and sorted(corpus.outlets) == OUTLETS and len(OUTLETS) == 5
    for s in STORIES:
        a = arts.loc[s["title"]]
        assert (a["outlet"], a["author"], a["published"]) == (s["outlet"], s["author"], pd.Timestamp(s["published"]))
        assert a["language"] == "en" and a["excluded"] == ""
    assert (corpus.articles["n_paragraphs"] == 2).all()


@pytest.mark.parametrize("kind", ["csv", "jsonl"])
def test_tables_give_the_same_lines_roles_and_sentences_as_the_text_folder(formats, kind):
    folder, table = formats["text folder"], formats[kind]
    f_ids, t_ids = by_title(folder), by_title(table)
    for title, fid in f_ids.items():
        tid = t_ids[title]
        assert roles(table, tid) == roles(folder, fid) == EXPECTED_ROLES
        assert table.texts[tid] == folder.texts[fid]
        for column in ("text", "raw", "start", "end", "edits"):
            assert sentence_texts(table, tid, column) == sentence_texts(folder, fid, column)
        norms = [n.loc[n["article_id"] == i].drop(columns="article_id").reset_index(drop=True)
                 for n, i in ((table.normalisations, tid), (folder.normalisations, fid))]
        pd.testing.assert_frame_equal(*norms)
    assert len(table.sentences) == len(folder.sentences) == 2 * len(STORIES)  # one sentence a paragraph
    assert len(table.normalisations) == len(folder.normalisations) >= 6  # quotes, dashes, no-break space


def test_every_format_folds_quotes_dashes_and_no_break_spaces_in_the_matching_form(formats):
    for corpus in formats.values():
        text = " ".join(corpus.sentences["text"])
        assert '"facial recognition" software - a first' in text
        assert "hadn't" in text and "rules for the industry" in text
        assert not any(ch in text for ch in "\u201c\u201d\u2019\u2014\u2013\u00a0")
        raw = " ".join(corpus.sentences["raw"])
        assert "\u201cfacial recognition\u201d" in raw and "rules\u00a0for" in raw


@pytest.mark.parametrize(
    "layout, kind",
    [("folder", "folder"), ("pages", "html-folder"), ("stories.csv", "table"), ("stories.jsonl", "table"),
     ("stories.ndjson", "table")],
)
def test_input_kind_tells_the_formats_apart(tmp_path, layout, kind):
    if layout == "folder":
        path = write_text_folder(tmp_path / layout)
    elif layout == "pages":
        path = write_html_folder(tmp_path / layout)
    else:
        path = write_jsonl(tmp_path / layout, table_rows())
    assert input_kind(path) == kind


@pytest.mark.parametrize("name, data", [("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),
                                        ("story.docx", b"PK\x03\x04\x14\x00\x06\x00"),
                                        ("story.txt", b"A single text file is not a corpus.\n")])
def test_an_unknown_file_type_as_input_is_an_error_naming_the_file_and_the_type(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    suffix = Path(name).suffix
    with pytest.raises(CorpusError, match=f"{name}: unknown input type '{suffix}'"):
        load_corpus(path, corrections=None)
    with pytest.raises(SourceError, match="give a folder of articles, or a table"):
        input_kind(path)


def test_a_missing_input_is_an_error_naming_it(tmp_path):
    with pytest.raises(CorpusError, match="nothing-here.csv: not found"):
        load_corpus(tmp_path / "nothing-here.csv", corrections=None)


def test_a_text_folder_without_a_manifest_says_what_the_manifest_needs(tmp_path):
    folder = write_text_folder(tmp_path / "folder")
    (folder / "manifest.csv").unlink()
    with pytest.raises(CorpusError, match="manifest.csv: manifest not found; text files need one, with at least "
                                          "the columns file and outlet"):
        load_corpus(folder, corrections=None)


def test_an_empty_folder_is_an_error(tmp_path):
    with pytest.raises(CorpusError, match="no articles found"):
        load_corpus(tmp_path, corrections=None)


def test_every_reader_is_found_by_suffix_or_by_looking_into_the_folder():
    from analysis.corpus.readers import READERS

    assert len({r.name for r in READERS}) == len(READERS)
    for reader in READERS:
        assert bool(reader.suffixes) != (reader.detect is not None), reader.name
        assert reader.kind in ("folder", "html-folder", "table")
