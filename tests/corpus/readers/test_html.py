"""Tests for analysis.corpus.readers.html: saved web pages, with a manifest or on their own."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import CorpusError, load_corpus
from analysis.corpus.readers import extract_html
from tests.corpus.stories import (
    OUTLETS, RELATED, STORIES, UNREADABLE, by_title, load_quietly, page_of, sentence_texts, text_of, url_of,
    write_html_folder, write_manifest, write_text_folder,
)


HEAD = '<head><title>Nothing</title><meta property="og:site_name" content="Valley Post"></head>'


def test_an_html_folder_without_a_manifest_takes_title_author_date_and_site_from_each_page(tmp_path):
    corpus = load_quietly(write_html_folder(tmp_path / "pages"))
    arts = corpus.articles.set_index("article_id")
    assert sorted(corpus.outlets) == OUTLETS
    for s in STORIES:
        a = arts.loc[s["slug"]]
        assert (a["outlet"], a["title"], a["author"], a["published"], a["url"]) == (
            s["outlet"], s["title"], s["author"], pd.Timestamp(s["published"]), url_of(s))
        assert a["author_source"] == "page metadata" and "trafilatura" in a["text_origin"]
        # the related link inside the page is set aside like in any other format; nav and footer are gone
        lines = corpus.lines[corpus.lines["article_id"] == s["slug"]]
        assert dict(zip(lines["text"], lines["role"]))[RELATED] == "boilerplate"
        assert not lines["text"].str.contains("All rights reserved|Sport").any()


def test_html_pages_give_the_same_sentences_as_the_text_folder(tmp_path):
    pages = load_quietly(write_html_folder(tmp_path / "pages"))
    folder = load_quietly(write_text_folder(tmp_path / "folder"))
    f_ids = by_title(folder)
    for s in STORIES:
        assert sentence_texts(pages, s["slug"]) == sentence_texts(folder, f_ids[s["title"]])
    for rec in pages.sentences.itertuples():
        assert pages.texts[rec.article_id][rec.start:rec.end] == rec.raw


def test_in_an_html_folder_with_a_manifest_its_values_win_and_empty_ones_come_from_the_page(tmp_path):
    folder = write_html_folder(tmp_path / "pages")
    rows = [{"file": f"{s['slug']}.html", "outlet": s["outlet"].upper(), "author": "Desk Editor" if i == 0 else "",
             "published": "2021-01-01" if i == 0 else ""} for i, s in enumerate(STORIES)]
    write_manifest(folder, rows, ["file", "outlet", "author", "published", "title"])
    corpus = load_quietly(folder)
    arts = corpus.articles.set_index("article_id")
    first, second = STORIES[0], STORIES[1]
    # manifest values win ...
    assert arts.loc[first["slug"], "outlet"] == first["outlet"].upper()
    assert arts.loc[first["slug"], "author"] == "Desk Editor"
    assert arts.loc[first["slug"], "published"] == pd.Timestamp("2021-01-01")
    assert arts.loc[first["slug"], "author_source"] == "manifest"
    # ... and empty ones are filled from the page's metadata, and say so
    assert arts.loc[second["slug"], "author"] == second["author"]
    assert arts.loc[second["slug"], "published"] == pd.Timestamp(second["published"])
    assert arts.loc[second["slug"], "title"] == second["title"]
    filled = corpus.problems[(corpus.problems["level"] == "filled") & (corpus.problems["article_id"] == second["slug"])]
    text = " ".join(filled["problem"])
    for key in ("title", "author", "published", "url"):
        assert f"{key} '" in text
    assert "taken from the page's metadata" in text
    mine = corpus.problems[(corpus.problems["level"] == "filled") & (corpus.problems["article_id"] == first["slug"])]
    assert not mine["problem"].str.contains("author '|published '").any()


def test_extract_html_returns_metadata_and_paragraphs_separated_by_blank_lines():
    fields, text, origin = extract_html(page_of(STORIES[2]).encode("utf-8"), "page.html")
    assert fields == {"title": STORIES[2]["title"], "author": STORIES[2]["author"],
                      "published": STORIES[2]["published"], "url": url_of(STORIES[2]), "outlet": STORIES[2]["outlet"]}
    assert text.split("\n\n")[0] == STORIES[2]["title"]
    assert text.endswith("\n") and STORIES[2]["paragraphs"][1] in text.rstrip("\n").split("\n\n")
    assert origin.startswith("main text extracted from HTML with trafilatura")


def test_an_unreadable_page_in_an_html_folder_is_set_aside_when_asked(tmp_path):
    folder = write_html_folder(tmp_path / "pages", STORIES[:5])
    (folder / "broken.html").symlink_to(UNREADABLE)
    with pytest.raises(CorpusError, match="broken.html: cannot be read"):
        load_corpus(folder, corrections=None)
    corpus = load_quietly(folder, on_error="skip")
    assert sorted(corpus.outlets) == OUTLETS
    assert corpus.problems.loc[corpus.problems["level"] == "set aside", "article_id"].tolist() == ["broken"]


def test_a_text_file_among_pages_without_a_manifest_is_named(tmp_path):
    folder = write_html_folder(tmp_path / "pages", STORIES[:5])
    (folder / "notes.txt").write_text(text_of(STORIES[5]), encoding="utf-8")
    with pytest.raises(CorpusError, match="notes.txt: a text file needs a manifest.csv row"):
        load_corpus(folder, corrections=None)


@pytest.mark.parametrize(
    "page, message",
    [(f"<html>{HEAD}<body></body></html>", "no main text found in the page"),
     (f'<html>{HEAD}<body><nav><a href="/">Home</a></nav><article></article></body></html>', "no body text")],
    ids=["empty body", "navigation only"],
)
def test_a_page_without_main_text_is_named(tmp_path, page, message):
    folder = write_html_folder(tmp_path / "pages", STORIES[:5])
    (folder / "empty.html").write_text(page, encoding="utf-8")
    with pytest.raises(CorpusError, match=f"empty.html: {message}"):
        load_corpus(folder, corrections=None)
    corpus = load_quietly(folder, on_error="skip")
    assert corpus.problems.loc[corpus.problems["level"] == "set aside", "file"].tolist() == ["empty.html"]
