"""Tests for analysis.corpus.readers.folder: text files listed in a manifest, and files that cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis import CorpusError, CorpusWarning, load_corpus
from analysis.corpus import read_text
from tests.corpus.invented import ARTICLE, LATIN1, _bad_corpus, load
from tests.corpus.stories import SHARE, STORIES, UNREADABLE, load_quietly, write_text_folder


# (name, files to write, manifest rows or None for the default, message fragments)
FILE_PROBLEMS = [
    ("empty file", {"a.txt": b""}, None, ["a.txt", "empty file"]),
    ("whitespace-only file", {"a.txt": b"  \n\n\t \r\n"}, None, ["a.txt", "empty file"]),
    ("no-break spaces only", {"a.txt": "\u00a0\n\u00a0\n"}, None, ["a.txt", "empty file (only whitespace)"]),
    ("binary file", {"a.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00"}, None, ["a.txt", "binary file"]),
    ("Latin-1 bytes", {"a.txt": LATIN1}, None, ["a.txt line 3", "not UTF-8", "0xE9", "Latin-1"]),
    ("manifest row without its file", {}, [{"article_id": "a", "outlet": "Outlet", "file": "a.txt"}],
     ["manifest.csv line 3", "file 'a.txt' not found"]),
    ("file without a manifest row", {"a.txt": ARTICLE}, [], ["a.txt", "file has no row in", "manifest.csv"]),
    ("sha256 mismatch", {"a.txt": ARTICLE},
     [{"article_id": "a", "outlet": "Outlet", "file": "a.txt", "sha256": "0" * 64}],
     ["a.txt", "sha256", "does not match the manifest", "manifest.csv line 3"]),
    ("no body text", {"a.txt": "Headline Only\n\nBy Jane Doe\n"}, None, ["a.txt", "no body text"]),
]


@pytest.mark.parametrize("name, files, rows, fragments", FILE_PROBLEMS, ids=[c[0] for c in FILE_PROBLEMS])
def test_bad_article_stops_the_load_with_an_error_naming_the_file(tmp_path, name, files, rows, fragments):
    folder = _bad_corpus(tmp_path, files, rows)
    with pytest.raises(CorpusError) as err:
        load(folder)
    for fragment in fragments:
        assert fragment in str(err.value)


@pytest.mark.parametrize("name, files, rows, fragments", FILE_PROBLEMS, ids=[c[0] for c in FILE_PROBLEMS])
def test_bad_article_is_set_aside_with_a_warning_when_asked_to_skip(tmp_path, name, files, rows, fragments):
    folder = _bad_corpus(tmp_path, files, rows)
    with pytest.warns(CorpusWarning, match="set aside") as caught:
        corpus = load(folder, on_error="skip")
    assert any(all(f in str(w.message) for f in fragments) for w in caught)
    assert corpus.articles["article_id"].tolist() == ["good"]
    aside = corpus.problems[corpus.problems["level"] == "set aside"]
    assert len(aside) == 1
    assert aside.iloc[0]["file"] == "a.txt"
    assert all(f in aside.iloc[0]["problem"] for f in fragments)
    assert set(corpus.texts) == {"good"}


def test_read_text_accepts_a_bom_and_crlf_and_refuses_latin1(tmp_path):
    good = tmp_path / "good.txt"
    good.write_bytes(b"\xef\xbb\xbfHeadline\r\n\r\nBody text here.\r\n")
    assert read_text(good) == "Headline\r\n\r\nBody text here.\r\n"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(LATIN1)
    with pytest.raises(CorpusError, match=r"bad.txt line 3: not UTF-8 text: byte 0xE9 at offset \d+ \(it looks like Latin-1"):
        read_text(bad)
    with pytest.raises(CorpusError, match="cannot be read"):
        read_text(tmp_path / "missing.txt")


def test_text_folder_facts_come_from_the_byline_and_title_line_and_are_recorded(formats):
    corpus = formats["text folder"]
    assert set(corpus.articles["author_source"]) == {"byline"}
    assert set(corpus.articles["title_source"]) == {"title line"}
    filled = corpus.problems.loc[corpus.problems["level"] == "filled", "problem"]
    assert filled.str.contains("author 'Ann Lee' taken from the byline").any()
    assert filled.str.contains("published 2020-06-13 taken from the byline").any()


@pytest.mark.parametrize("name, data", [("scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
                                        ("draft.docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00")])
def test_a_pdf_or_word_file_listed_in_a_manifest_is_refused_naming_it(tmp_path, name, data):
    folder = write_text_folder(tmp_path / "folder", STORIES[:5])
    (folder / name).write_bytes(data)
    with (folder / "manifest.csv").open("a", encoding="utf-8") as fh:
        fh.write(f"{name},Harbor Times\n")
    with pytest.raises(CorpusError, match=f"manifest.csv line 7: {name}: unknown file type"):
        load_corpus(folder, corrections=None)


def test_an_unreadable_text_file_stops_the_load_or_is_set_aside(tmp_path):
    folder = write_text_folder(tmp_path / "folder", STORIES[:5])
    (folder / "broken.txt").symlink_to(UNREADABLE)
    with (folder / "manifest.csv").open("a", encoding="utf-8") as fh:
        fh.write("broken.txt,Harbor Times\n")
    with pytest.raises(CorpusError, match="broken.txt: cannot be read \\(Input/output error\\)"):
        load_corpus(folder, corrections=None)
    with pytest.warns(CorpusWarning, match="set aside: .*broken.txt: cannot be read"):
        corpus = load_corpus(folder, corrections=None, on_error="skip")
    assert len(corpus.articles) == 5
    assert corpus.problems.loc[corpus.problems["level"] == "set aside", "file"].tolist() == ["broken.txt"]


def test_a_file_the_system_refuses_to_read_is_named_with_the_reason(tmp_path, monkeypatch):
    # what chmod 000 does for an ordinary user: simulated, since the tests run as root
    folder = write_text_folder(tmp_path / "folder", STORIES[:5])
    locked = folder / f"{STORIES[3]['slug']}.md"
    real_read_bytes = Path.read_bytes

    def read_bytes(self):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.raises(CorpusError, match=f"{locked.name}: cannot be read \\(Permission denied\\)"):
        load_corpus(folder, corrections=None)


@pytest.mark.parametrize("target", ["missing", "directory"])
def test_a_manifest_file_that_is_a_broken_link_or_a_folder_is_an_error_naming_the_line(tmp_path, target):
    folder = write_text_folder(tmp_path / "folder", STORIES[:5])
    if target == "missing":
        (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    else:
        (folder / "gone.txt").mkdir()
    with (folder / "manifest.csv").open("a", encoding="utf-8") as fh:
        fh.write("gone.txt,Harbor Times\n")
    with pytest.raises(CorpusError, match="manifest.csv line 7: file 'gone.txt'"):
        load_corpus(folder, corrections=None)


def test_an_outlet_with_only_unusable_articles_in_a_text_folder_is_set_aside(tmp_path):
    folder = write_text_folder(tmp_path / "folder", STORIES[:5])
    (folder / "gazette-1.txt").write_text(f"Gazette Front Page\n\n{SHARE}\n\nAdvertisement\n", encoding="utf-8")
    (folder / "gazette-2.txt").write_text("\n\n", encoding="utf-8")
    with (folder / "manifest.csv").open("a", encoding="utf-8") as fh:
        fh.write("gazette-1.txt,Empty Gazette\ngazette-2.txt,Empty Gazette\n")
    with pytest.raises(CorpusError) as err:
        load_corpus(folder, corrections=None)
    assert "gazette-1.txt: no body text" in str(err.value) and "gazette-2.txt: empty file" in str(err.value)
    corpus = load_quietly(folder, on_error="skip")
    assert "Empty Gazette" not in corpus.outlets
    assert sorted(corpus.problems.loc[corpus.problems["level"] == "set aside", "file"]) == ["gazette-1.txt",
                                                                                           "gazette-2.txt"]
