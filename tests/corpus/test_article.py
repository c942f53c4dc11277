"""Tests for analysis.corpus.article: one article's lines, sentences, headline, normalisations and
the facts found in its text, checked against the manifest."""

from __future__ import annotations

import hashlib
import tempfile
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import Corpus, CorpusError, CorpusWarning
from analysis.corpus import ROLES
from tests.corpus.invented import ARTICLE, LINES, load, write_corpus
from tests.corpus.stories import BOILERPLATE, FIRST, SECOND, byline, load_quietly, roles, write_csv


def roles_of(corpus: Corpus, article_id: str) -> dict[int, str]:
    lines = corpus.lines[corpus.lines["article_id"] == article_id]
    return dict(zip(lines["line_no"], lines["role"]))


BODY_PARAGRAPH = "This is a paragraph of ordinary reporting that is long enough to count as body text."


def test_invented_article_lines_get_each_role(simple):
    corpus = load(simple)
    roles = roles_of(corpus, "a")
    assert roles == {1: "title", 2: "blank", 3: "byline", 4: "blank", 5: "caption", 6: "blank", 7: "body",
                     8: "blank", 9: "heading", 10: "blank", 11: "body", 12: "blank", 13: "boilerplate"}
    assert roles_of(corpus, "b") == {1: "title", 2: "blank", 3: "body"}


@pytest.mark.parametrize(
    "byline, author, published",
    [
        ("By Jane Doe Jun 09, 2020", "Jane Doe", "2020-06-09"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe", ""),
        ("June 9, 2020 By Jane Doe", "Jane Doe", "2020-06-09"),
    ],
)
def test_byline_facts_fill_an_empty_manifest_author_and_date(tmp_path, byline, author, published):
    folder = write_corpus(tmp_path, {"a.txt": ARTICLE.replace("By Jane Doe Jun 09, 2020", byline)})
    corpus = load(folder)
    art = corpus.articles.iloc[0]
    assert art["author"] == author and art["author_source"] == "byline"
    if published:
        assert art["published"] == pd.Timestamp(published) and art["published_source"] == "byline"
    else:
        assert pd.isna(art["published"]) and art["published_source"] == ""
    filled = corpus.problems[corpus.problems["level"] == "filled"]["problem"].tolist()
    assert any(f"author '{author}' taken from the byline" in p and "a.txt line 3" in p for p in filled)
    assert any(f"published {published} taken from the byline" in p for p in filled) == bool(published)


def test_a_byline_that_conflicts_with_the_manifest_is_a_warning_and_the_manifest_wins(tmp_path):
    rows = [{"article_id": "a", "outlet": "Outlet", "file": "a.txt", "author": "John Roe", "published": "2020-06-10"}]
    folder = write_corpus(tmp_path, {"a.txt": ARTICLE}, rows)
    with pytest.warns(CorpusWarning) as caught:
        corpus = load(folder)
    messages = [str(w.message) for w in caught]
    assert any("byline author 'Jane Doe' conflicts with the manifest author 'John Roe'" in m for m in messages)
    assert any("byline date 2020-06-09 conflicts with the manifest date 2020-06-10" in m for m in messages)
    art = corpus.articles.iloc[0]
    assert art["author"] == "John Roe" and art["published"] == pd.Timestamp("2020-06-10")
    assert (corpus.problems["level"] == "warning").sum() == 2


def test_a_manifest_that_agrees_with_the_byline_reports_nothing(tmp_path):
    rows = [{"article_id": "a", "outlet": "Outlet", "file": "a.txt", "author": "jane doe", "published": "2020-06-09"}]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = load(write_corpus(tmp_path, {"a.txt": ARTICLE}, rows))
    assert corpus.problems.empty


def test_an_author_box_fills_an_empty_author(tmp_path):
    text = ("Headline\n\nThe first paragraph reports the news at length.\n\nTechnology reporter\n"
            "Jane Doe is a technology reporter who covers privacy.\n")
    corpus = load(write_corpus(tmp_path, {"a.txt": text}))
    assert corpus.articles.iloc[0]["author"] == "Jane Doe"
    assert corpus.articles.iloc[0]["author_source"] == "author box"
    assert corpus.problems["problem"].str.contains("taken from the author box").any()


def test_a_manifest_line_role_overrides_the_rules_and_says_so(tmp_path):
    rows = [{"article_id": "a", "outlet": "Outlet", "file": "a.txt", "line_roles": "5=body; 13=body"}]
    corpus = load(write_corpus(tmp_path, {"a.txt": ARTICLE}, rows))
    lines = corpus.lines.set_index("line_no")
    assert lines.loc[5, "role"] == "body" and lines.loc[13, "role"] == "body"
    assert lines.loc[5, "reason"].startswith("manifest override")
    assert "rules said caption" in lines.loc[5, "reason"]
    assert "rules said boilerplate" in lines.loc[13, "reason"]
    assert lines.loc[7, "reason"] == "paragraph"
    assert corpus.articles.iloc[0]["n_paragraphs"] == 4


def test_a_manifest_line_role_can_demote_a_paragraph(tmp_path):
    rows = [{"article_id": "a", "outlet": "Outlet", "file": "a.txt", "line_roles": "11=boilerplate"}]
    corpus = load(write_corpus(tmp_path, {"a.txt": ARTICLE}, rows))
    assert corpus.articles.iloc[0]["n_paragraphs"] == 1
    assert corpus.articles.iloc[0]["n_sentences"] == 2


def test_a_line_role_for_a_line_the_file_lacks_is_an_error(tmp_path):
    rows = [{"article_id": "a", "outlet": "Outlet", "file": "a.txt", "line_roles": "99=body"}]
    with pytest.raises(CorpusError, match="a.txt: line_roles names line 99, but the file has 13 lines"):
        load(write_corpus(tmp_path, {"a.txt": ARTICLE}, rows))


def test_corrections_are_scoped_to_their_article(tmp_path):
    text = "Headline\n\nVendors and users of Al systems share a duty, said Al Gore.\n"
    fixes = [{"article_id": "a", "find": "Al", "replace": "AI", "reason": "l for I"}]
    corpus = load(write_corpus(tmp_path, {"a.txt": text, "b.txt": text.replace("Headline", "Other")}, corrections=fixes))
    sents = corpus.sentences.set_index("article_id")["text"]
    # within its article a correction applies to every whole-word "Al"; other articles are untouched
    assert sents["a"] == "Vendors and users of AI systems share a duty, said AI Gore."
    assert sents["b"] == "Vendors and users of Al systems share a duty, said Al Gore."
    norms = corpus.normalisations
    assert norms.loc[norms["kind"] == "correction", "article_id"].tolist() == ["a", "a"]
    raw = corpus.sentences.set_index("article_id")["raw"]
    assert raw["a"] == raw["b"]


def test_a_star_correction_applies_to_every_article(tmp_path):
    text = "Headline\n\nThe letter came becasue of the protests, it said.\n"
    fixes = [{"article_id": "*", "find": "becasue", "replace": "because", "reason": "spelling"}]
    corpus = load(write_corpus(tmp_path, {"a.txt": text, "b.txt": text.replace("Headline", "Other")}, corrections=fixes),
                  duplicates="keep")
    assert corpus.sentences["article_id"].nunique() == 2
    assert corpus.sentences["text"].str.contains("because of").all()
    assert corpus.sentences["raw"].str.contains("becasue of").all()
    assert len(corpus.normalisations[corpus.normalisations["kind"] == "correction"]) == 2


@pytest.mark.parametrize("eol", ["\r\n", "\r", "\n"])
def test_a_bom_and_any_line_ending_load_fine_and_lines_reassemble(tmp_path, eol):
    text = ARTICLE.replace("\n", eol)
    data = b"\xef\xbb\xbf" + text.encode("utf-8")
    corpus = load(write_corpus(tmp_path, {"a.txt": data}))
    assert corpus.texts["a"] == text
    assert "".join(corpus.lines["text"] + corpus.lines["eol"]) == text
    assert set(corpus.lines["eol"]) == {eol}
    assert roles_of(corpus, "a")[1] == "title" and corpus.lines.iloc[0]["text"] == ARTICLE.splitlines()[0]
    assert corpus.articles.iloc[0]["n_paragraphs"] == 2
    bom = corpus.normalisations[corpus.normalisations["kind"] == "bom"]
    assert len(bom) == 1 and bom.iloc[0]["reason"] == "byte-order mark dropped when decoding"
    assert corpus.articles.iloc[0]["sha256"] == hashlib.sha256(data).hexdigest()


def test_invented_sentences_are_numbered_and_located(simple):
    corpus = load(simple)
    sents = corpus.sentences[corpus.sentences["article_id"] == "a"]
    assert sents["raw"].tolist() == [
        "The first paragraph says something about the police.",
        "It has a second sentence.",
        "The second paragraph says more about the same story, and then it ends.",
    ]
    assert sents["paragraph_no"].tolist() == [1, 1, 2]
    assert sents["sentence_id"].tolist() == ["a-s001", "a-s002", "a-s003"]
    assert (sents["outlet"] == "Outlet").all()
    for rec in corpus.sentences.itertuples():
        assert corpus.texts[rec.article_id][rec.start : rec.end] == rec.raw
    art = corpus.articles.set_index("article_id").loc["a"]
    assert (art["n_paragraphs"], art["n_sentences"]) == (2, 3)
    assert art["n_words"] == 8 + 5 + 13


def test_the_title_line_fills_an_empty_manifest_title_and_a_different_one_is_a_warning(tmp_path):
    corpus = load(write_corpus(tmp_path / "one", {"a.txt": ARTICLE}))
    assert corpus.articles.iloc[0]["title"] == "A Headline About Facial Recognition"
    assert corpus.articles.iloc[0]["title_source"] == "title line"
    rows = [{"article_id": "a", "outlet": "Outlet", "file": "a.txt", "title": "Something Else"}]
    with pytest.warns(CorpusWarning, match="differs from the manifest title 'Something Else'"):
        corpus = load(write_corpus(tmp_path / "two", {"a.txt": ARTICLE}, rows))
    assert corpus.articles.iloc[0]["title"] == "Something Else"


@settings(max_examples=100, deadline=None)
@given(LINES, st.sampled_from(["\n", "\r\n", "\r"]), st.booleans(), st.booleans(), st.integers(0, 15))
def test_no_line_is_ever_lost_and_lines_reassemble_to_the_decoded_file(lines, eol, bom, final_eol, at):
    lines = list(lines)
    lines.insert(min(at, len(lines)), BODY_PARAGRAPH)
    text = eol.join(lines) + (eol if final_eol else "")
    if not final_eol and lines[-1] == "":
        lines.pop()  # "a\n" + "" is the file "a\n": one line, with its ending
    data = (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        corpus = load(write_corpus(Path(tmp), {"a.txt": data}))
    decoded = data.decode("utf-8-sig")
    table = corpus.lines
    assert corpus.texts["a"] == decoded
    assert "".join(table["text"] + table["eol"]) == decoded
    assert table["text"].tolist() == lines
    assert table["line_no"].tolist() == list(range(1, len(lines) + 1))
    assert set(table["role"]) <= set(ROLES)
    assert (table.loc[table["text"].str.strip() == "", "role"] == "blank").all()
    assert (table.loc[table["text"].str.strip() != "", "role"] != "blank").all()
    for rec in corpus.sentences.itertuples():
        assert decoded[rec.start : rec.end] == rec.raw


def test_a_fused_byline_fills_author_and_date_of_a_table_row(tmp_path):
    rows = [{"text": f"Tuesday, June 9, 2020By Jane Doe\n\n{FIRST}\n\n{SECOND}\n", "outlet": "Courier",
             "title": "A Headline About Cameras"}]
    corpus = load_quietly(write_csv(tmp_path / "t.csv", rows))
    art = corpus.articles.iloc[0]
    assert (art["author"], art["published"]) == ("Jane Doe", pd.Timestamp("2020-06-09"))
    assert (art["author_source"], art["published_source"]) == ("byline", "byline")
    assert roles(corpus, art["article_id"])[2] == "byline"


def test_boilerplate_in_a_table_row_is_set_aside_with_its_reason(tmp_path):
    furniture = [line for _, line, _ in BOILERPLATE]
    text = "\n\n".join([FIRST, *furniture, SECOND]) + "\n"
    corpus = load_quietly(write_csv(tmp_path / "t.csv", [{"text": text, "outlet": "Courier", "title": "Cameras Banned"}]))
    lines = corpus.lines.set_index("text")
    for _, line, reason in BOILERPLATE:
        assert (lines.loc[line, "role"], lines.loc[line, "reason"]) == ("boilerplate", reason)
    assert corpus.sentences["text"].tolist() == [FIRST, SECOND]
