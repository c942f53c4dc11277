"""Tests for analysis.corpus.load: reading raw articles and the manifest into checked tables.

Invented articles are written to ``tmp_path`` by :func:`write_corpus`; the two real
articles in ``data/raw/`` are read once per module.
"""

from __future__ import annotations

import csv
import hashlib
import re
import tempfile
import warnings
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import Corpus, CorpusError, CorpusWarning, load_corpus, load_processed
from analysis.corpus import (
    MANIFEST_COLUMNS,
    ROLES,
    classify_lines,
    parse_byline,
    read_corrections,
    read_manifest,
    read_text,
)
from analysis.paths import CORRECTIONS, DATA_RAW
from analysis.corpus.text import to_raw_span

COLORLINES = "colorlines-2020-06-09"
VPN = "vpnoverview-undated"

# --------------------------------------------------------------------------- helpers

ARTICLE = """A Headline About Facial Recognition

By Jane Doe Jun 09, 2020

Photo of a camera on a pole

The first paragraph says something about the police. It has a second sentence.

A Subheading Here

The second paragraph says more about the same story, and then it ends.

Click here to read the letter.
"""
# line:   1 title, 3 byline, 5 caption, 7 body, 9 heading, 11 body, 13 link prompt

OTHER = """Another Headline Entirely

The only paragraph of this article is long enough to count as body text. It has two sentences.
"""


def write_corpus(folder: Path, files: dict[str, str | bytes], rows: list[dict] | None = None,
                 *, columns: list[str] | None = None, corrections: list[dict] | None = None) -> Path:
    """Write article files and a manifest (and optionally a corrections file) into ``folder``.

    ``rows`` defaults to one row per file: ``article_id`` = the file's stem, outlet ``Outlet``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    if rows is None:
        rows = [{"article_id": Path(n).stem, "outlet": "Outlet", "file": n} for n in files]
    if columns is None:
        columns = list(MANIFEST_COLUMNS) + (["line_roles"] if any("line_roles" in r for r in rows) else [])
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    if corrections is not None:
        with (folder / "corrections.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=["article_id", "find", "replace", "reason"])
            writer.writeheader()
            writer.writerows(corrections)
    return folder


def load(folder: Path, **kw) -> Corpus:
    """Load an invented corpus, with no corrections unless the folder has a corrections file."""
    corrections = folder / "corrections.csv"
    kw.setdefault("corrections", corrections if corrections.exists() else None)
    return load_corpus(folder, **kw)


def roles_of(corpus: Corpus, article_id: str) -> dict[int, str]:
    lines = corpus.lines[corpus.lines["article_id"] == article_id]
    return dict(zip(lines["line_no"], lines["role"]))


def role_table(lines: list[str], **kw) -> list[str]:
    return [role for role, _ in classify_lines(lines, **kw)]


@pytest.fixture(scope="module")
def real():
    return load_corpus()


@pytest.fixture
def simple(tmp_path):
    return write_corpus(tmp_path / "raw", {"a.txt": ARTICLE, "b.txt": OTHER})


# --------------------------------------------------------------------------- the real articles


def test_real_raw_files_match_the_manifest_and_the_provenance_table():
    manifest = read_manifest(DATA_RAW / "manifest.csv")
    for rec in manifest.itertuples():
        digest = hashlib.sha256((DATA_RAW / rec.file).read_bytes()).hexdigest()
        assert digest == rec.sha256
    digests = dict(zip(manifest["article_id"], manifest["sha256"]))
    # shared/seeds/PROVENANCE.md gives 92a87919…eb09ea and 312f0578…1ff7b
    assert digests[COLORLINES].startswith("92a87919") and digests[COLORLINES].endswith("eb09ea")
    assert digests[VPN].startswith("312f0578") and digests[VPN].endswith("1ff7b")


def test_loading_never_writes_to_the_raw_files():
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in DATA_RAW.iterdir() if p.is_file()}
    load_corpus()
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in DATA_RAW.iterdir() if p.is_file()}
    assert after == before


def test_real_articles_have_their_titles_authors_and_dates(real):
    arts = real.articles.set_index("article_id")
    assert arts.loc[COLORLINES, "title"] == "IBM Calls for an End of Facial Recognition Technology Over Racial Profiling Fears"
    assert arts.loc[VPN, "title"] == "IBM Stops Developing Facial Recognition Software"
    assert arts.loc[COLORLINES, "author"] == "Shani Saxon"
    assert arts.loc[COLORLINES, "published"] == pd.Timestamp("2020-06-09")
    assert arts.loc[VPN, "author"] == "David"
    assert pd.isna(arts.loc[VPN, "published"])
    assert arts.loc[COLORLINES, "outlet"] == "Colorlines" and arts.loc[VPN, "outlet"] == "VPNoverview"
    heads = real.headlines.set_index("article_id")
    assert heads.loc[COLORLINES, "raw"] == arts.loc[COLORLINES, "title"]
    assert heads.loc[VPN, "sentence_id"] == f"{VPN}-h"
    assert (real.headlines["paragraph_no"] == 0).all() and (real.headlines["sentence_no"] == 0).all()


def test_real_byline_gives_shani_saxon_on_9_june_2020(real):
    line = real.lines[(real.lines["article_id"] == COLORLINES) & (real.lines["line_no"] == 3)].iloc[0]
    assert line["text"] == "By Shani Saxon Jun 09, 2020"
    assert line["role"] == "byline"
    assert parse_byline(line["text"]) == {"author": "Shani Saxon", "published": date(2020, 6, 9)}
    # manifest and byline agree, so nothing is reported
    assert real.problems.empty


@pytest.mark.parametrize(
    "article_id, text, role, reason",
    [
        (COLORLINES, "IBM Calls for an End of Facial Recognition Technology Over Racial Profiling Fears", "title", "first"),
        (COLORLINES, "By Shani Saxon Jun 09, 2020", "byline", "author and date"),
        (COLORLINES, "Colorlines reported:", "body", "paragraph"),
        (COLORLINES, "Click here to read Krishna\u2019s entire letter to Congress.", "boilerplate", "link prompt"),
        (VPN, "IBM Stops Developing Facial Recognition Software", "title", "first"),
        (VPN, "Airport people inside", "caption", "before the first paragraph"),
        (VPN, "Ethical and Moral Grounds", "heading", "subheading"),
        (VPN, "Mass Surveillance", "heading", "subheading"),
        (VPN, "Cybersecurity analyst", "boilerplate", "author box"),
    ],
)
def test_real_lines_get_their_roles_by_general_rules(real, article_id, text, role, reason):
    lines = real.lines[(real.lines["article_id"] == article_id) & (real.lines["text"] == text)]
    assert len(lines) == 1
    assert lines.iloc[0]["role"] == role
    assert reason in lines.iloc[0]["reason"]


def test_real_author_box_is_both_closing_lines_of_vpnoverview(real):
    lines = real.lines[real.lines["article_id"] == VPN]
    last_two = lines.tail(2)
    assert last_two["text"].iloc[0] == "Cybersecurity analyst"
    assert last_two["text"].iloc[1].startswith("David is a cybersecurity analyst and one of the founders of")
    assert last_two["role"].tolist() == ["boilerplate", "boilerplate"]
    assert last_two["reason"].tolist() == ["author box: the author's title", "author box: biography of the author"]


def test_real_non_body_lines_are_exactly_the_expected_ones(real):
    special = real.lines[~real.lines["role"].isin(["body", "blank"])]
    assert special.groupby("article_id")["line_no"].apply(list).to_dict() == {
        COLORLINES: [1, 3, 29],
        VPN: [1, 3, 12, 23, 32, 33],
    }


# Counted by reading the files: Colorlines has 12 body paragraphs (the lead-in
# "Colorlines reported:" is one) and 20 sentences: 3+1+2+1+1+1+1+3+3+1+2+1 (paragraph 8 is
# "... The Guardian reports. Critics note ... They also accuse ..."); VPNoverview has
# 10 paragraphs and 4+3+4+3+4+3+5+6+3+4 = 39 sentences.
@pytest.mark.parametrize(
    "article_id, paragraphs, per_paragraph",
    [
        (COLORLINES, 12, [3, 1, 2, 1, 1, 1, 1, 3, 3, 1, 2, 1]),
        (VPN, 10, [4, 3, 4, 3, 4, 3, 5, 6, 3, 4]),
    ],
)
def test_real_paragraph_and_sentence_counts(real, article_id, paragraphs, per_paragraph):
    art = real.articles.set_index("article_id").loc[article_id]
    assert art["n_paragraphs"] == paragraphs
    assert art["n_sentences"] == sum(per_paragraph)
    sents = real.sentences[real.sentences["article_id"] == article_id]
    assert sents.groupby("paragraph_no").size().tolist() == per_paragraph
    assert sents["sentence_no"].tolist() == list(range(1, sum(per_paragraph) + 1))
    assert sents["sentence_id"].tolist() == [f"{article_id}-s{i:03d}" for i in range(1, sum(per_paragraph) + 1)]


def test_the_guardian_reports_and_critics_note_are_two_sentences(real):
    raws = real.sentences.loc[real.sentences["article_id"] == COLORLINES, "raw"].tolist()
    assert any(r.endswith("facial recognition game, The Guardian reports.") for r in raws)
    assert any(r.startswith("Critics note the company was already trailing") for r in raws)


def test_real_sentences_are_located_exactly_in_the_raw_files(real):
    for rec in real.sentences.itertuples():
        assert real.texts[rec.article_id][rec.start : rec.end] == rec.raw
        assert rec.raw == rec.raw.strip() and rec.raw
    for rec in real.headlines.itertuples():
        assert real.texts[rec.article_id][rec.start : rec.end] == rec.raw


def test_real_sentence_edits_map_the_matching_form_back_to_raw(real):
    for rec in real.sentences.itertuples():
        s, e = to_raw_span(rec.edits, 0, len(rec.text))
        assert rec.raw[s:e] == rec.raw


def test_real_lines_reassemble_to_the_raw_files(real):
    for aid, text in real.texts.items():
        lines = real.lines[real.lines["article_id"] == aid]
        assert "".join(lines["text"] + lines["eol"]) == text
        file = real.articles.set_index("article_id").loc[aid, "file"]
        assert text == (DATA_RAW / file).read_bytes().decode("utf-8")
        for rec in lines.itertuples():
            assert text[rec.start : rec.end] == rec.text


def test_real_no_break_spaces_and_curly_quotes_stay_raw_and_are_folded_for_matching(real):
    text = real.texts[COLORLINES]
    # 12 no-break spaces on 7 lines; 3 lie outside sentences (after "transparency." between
    # two sentences, and at the end of two paragraphs), so 9 fall in 7 sentences
    assert text.count("\u00a0") == 12
    sents = real.sentences[real.sentences["article_id"] == COLORLINES]
    assert sents["raw"].str.contains("\u00a0").sum() == 7
    assert not sents["text"].str.contains("[\u00a0\u2018\u2019\u201c\u201d\u2014]").any()
    spaces = real.normalisations[(real.normalisations["article_id"] == COLORLINES)
                                 & (real.normalisations["kind"] == "space")]
    assert (spaces["raw"] == "\u00a0").all() and len(spaces) == 9
    for rec in spaces.itertuples():
        assert text[rec.start : rec.end] == "\u00a0"


@pytest.mark.parametrize(
    "raw_word, fixed, times",
    [("becasue", "because", 1), ("particularity", "particularly", 1), ("Al", "AI", 2)],
)
def test_real_corrections_are_recorded_and_applied_to_the_matching_form_only(real, raw_word, fixed, times):
    norms = real.normalisations
    rows = norms[(norms["kind"] == "correction") & (norms["raw"] == raw_word)]
    assert len(rows) == times
    assert (rows["article_id"] == VPN).all() and (rows["normalised"] == fixed).all()
    assert (rows["reason"] != "").all()
    text = real.texts[VPN]
    for rec in rows.itertuples():
        assert text[rec.start : rec.end] == raw_word
    sents = real.sentences[real.sentences["article_id"] == VPN]
    pattern = rf"(?<!\w){raw_word}(?!\w)"
    assert sents["raw"].str.count(pattern).sum() == times
    assert sents["text"].str.count(pattern).sum() == 0
    assert real.texts[VPN].count(raw_word) >= times  # the raw file keeps the error


def test_real_al_correction_leaves_alphabet_and_other_articles_alone(real):
    sents = real.sentences.set_index("sentence_id")
    assert "Alphabet's CEO" in sents.loc[f"{VPN}-s012", "text"]
    assert "users of AI systems" in sents.loc[f"{VPN}-s034", "text"]
    assert "users of Al systems" in sents.loc[f"{VPN}-s034", "raw"]
    assert "particularly when used" in sents.loc[f"{VPN}-s034", "text"]
    assert not (real.normalisations.loc[real.normalisations["article_id"] == COLORLINES, "kind"] == "correction").any()


def test_real_articles_table_has_the_contract_columns(real):
    for col in MANIFEST_COLUMNS + ["n_paragraphs", "n_sentences", "n_words"]:
        assert col in real.articles.columns
    assert set(real.lines["role"]) <= set(ROLES)
    assert real.articles["n_words"].gt(500).all()


# --------------------------------------------------------------------------- line roles


def test_invented_article_lines_get_each_role(simple):
    corpus = load(simple)
    roles = roles_of(corpus, "a")
    assert roles == {1: "title", 2: "blank", 3: "byline", 4: "blank", 5: "caption", 6: "blank", 7: "body",
                     8: "blank", 9: "heading", 10: "blank", 11: "body", 12: "blank", 13: "boilerplate"}
    assert roles_of(corpus, "b") == {1: "title", 2: "blank", 3: "body"}


def test_click_here_line_is_boilerplate():
    assert role_table(["Headline", "", "A paragraph of reporting that runs on for a while.", "",
                       "Click here to read Krishna's entire letter to Congress."])[-1] == "boilerplate"


@pytest.mark.parametrize(
    "line",
    ["Click here to read the letter.", "Tap here for more", "Read more: IBM and the police",
     "Related: Amazon pauses Rekognition", "Sign up for our newsletter", "Share on Facebook | Twitter | Email",
     "Photo: Getty Images", "\u00a9 2020 Colorlines. All rights reserved.", "Advertisement"],
)
def test_link_prompts_and_page_furniture_are_boilerplate_anywhere(line):
    lines = ["Headline", "", "A first paragraph that reports something at length.", line,
             "A second paragraph that reports more at some length."]
    assert role_table(lines)[3] == "boilerplate"


def test_a_short_line_before_the_body_is_a_caption():
    lines = ["Headline", "", "Airport people inside", "", "The first paragraph reports the news at length."]
    roles = classify_lines(lines)
    assert roles[2] == ("caption", roles[2][1]) and "alt text" in roles[2][1]


def test_a_short_line_between_paragraphs_is_a_heading():
    lines = ["Headline", "", "The first paragraph reports the news at length.", "", "Ethical and Moral Grounds",
             "", "The second paragraph reports more news at length."]
    assert role_table(lines)[4] == "heading"


def test_a_short_line_after_the_last_paragraph_is_boilerplate():
    lines = ["Headline", "", "The first paragraph reports the news at length.", "", "More from this author"]
    assert role_table(lines)[-1] == "boilerplate"


@pytest.mark.parametrize("lead_in", ["Colorlines reported:", "Krishna proposed the following:", "He wrote:"])
def test_a_lead_in_line_ending_with_a_colon_stays_body(lead_in):
    lines = ["Headline", "", "The first paragraph reports the news at length.", "", lead_in, "",
             "The quoted paragraph follows here at some length."]
    assert role_table(lines)[4] == "body"


def test_an_author_box_at_the_end_is_a_title_line_and_a_biography():
    lines = ["Headline", "", "The first paragraph reports the news at length.", "",
             "The last paragraph reports more news at length.", "", "Technology reporter",
             "Jane Doe is a technology reporter who covers privacy. Since 2014 she has written for us."]
    roles = classify_lines(lines)
    assert roles[6] == ("boilerplate", "author box: the author's title")
    assert roles[7] == ("boilerplate", "author box: biography of the author")
    assert roles[4][0] == "body"


def test_an_author_box_without_a_title_line_needs_the_known_author():
    lines = ["Headline", "", "The first paragraph reports the news at length.", "",
             "Jane Doe is a technology reporter who covers privacy."]
    assert role_table(lines)[-1] == "body"
    assert role_table(lines, author="Jane Doe")[-1] == "boilerplate"


def test_a_closing_paragraph_after_a_subheading_is_not_an_author_box():
    lines = ["Headline", "", "The first paragraph reports the news at length.", "", "What Comes Next", "",
             "IBM is committed to working with Congress on police reform, Krishna wrote."]
    assert role_table(lines)[-2:] == ["blank", "body"]
    assert role_table(lines)[4] == "heading"


@pytest.mark.parametrize("closing", ["This is a paragraph of ordinary reporting that ends the story.",
                                     "It was a long week for the company and its critics."])
def test_a_closing_paragraph_that_starts_with_a_pronoun_is_not_an_author_box(closing):
    lines = ["Headline", "", "The first paragraph reports the news at length.", "", "What Comes Next", closing]
    assert role_table(lines)[-2:] == ["heading", "body"]


def test_a_first_line_that_ends_with_a_full_stop_is_not_a_title():
    lines = ["IBM said on Monday that it would stop selling the software.", "", "More reporting follows here."]
    assert role_table(lines)[0] == "body"


def test_a_question_headline_is_a_title():
    assert role_table(["Will Congress Act?", "", "The first paragraph reports the news at length."])[0] == "title"


@pytest.mark.parametrize(
    "line, author, published",
    [
        ("By Jane Doe Jun 09, 2020", "Jane Doe", date(2020, 6, 9)),
        ("By Jane Doe June 9, 2020", "Jane Doe", date(2020, 6, 9)),
        ("June 9, 2020 By Jane Doe", "Jane Doe", date(2020, 6, 9)),
        ("June 9, 2020By Jane Doe", "Jane Doe", date(2020, 6, 9)),
        ("By Jane Doe | 9 June 2020", "Jane Doe", date(2020, 6, 9)),
        ("By Jane Doe | June 9, 2020 10:30 AM EDT", "Jane Doe", date(2020, 6, 9)),
        ("By Jane Doe, 2020-06-09", "Jane Doe", date(2020, 6, 9)),
        ("By Jane Doe Updated: June 10, 2020", "Jane Doe", date(2020, 6, 10)),
        ("Posted on Sept. 9, 2020 by Jane Doe", "Jane Doe", date(2020, 9, 9)),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe", None),
        ("Written by Jane Doe, John Roe & Ann Lee", "Jane Doe, John Roe & Ann Lee", None),
        ("by Ludwig van Beethoven", "Ludwig van Beethoven", None),
        ("Published June 9, 2020", "", date(2020, 6, 9)),
        ("2020-06-09", "", date(2020, 6, 9)),
    ],
)
def test_parse_byline_finds_author_and_date_in_several_formats(line, author, published):
    assert parse_byline(line) == {"author": author, "published": published}


@pytest.mark.parametrize(
    "line",
    ["Airport people inside", "By the Numbers", "By the end of June, IBM will stop selling it.",
     "Ethical and Moral Grounds", "Click here to read Krishna's letter.", "", "By"],
)
def test_parse_byline_refuses_lines_that_are_not_bylines(line):
    assert parse_byline(line) is None


def test_a_headline_starting_with_by_is_still_a_title():
    lines = ["By the Numbers", "", "The first paragraph reports the news at length."]
    assert role_table(lines)[0] == "title"


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


@pytest.mark.parametrize(
    "line_roles, message",
    [("3=sidebar", "unknown role 'sidebar'"), ("three=body", "'three=body' is not LINE=ROLE")],
)
def test_a_bad_line_roles_value_is_an_error_naming_the_manifest_line(tmp_path, line_roles, message):
    rows = [{"article_id": "a", "outlet": "Outlet", "file": "a.txt", "line_roles": line_roles}]
    with pytest.raises(CorpusError, match=re.escape(message)) as err:
        load(write_corpus(tmp_path, {"a.txt": ARTICLE}, rows))
    assert "manifest.csv line 2" in str(err.value)


def test_a_line_role_for_a_line_the_file_lacks_is_an_error(tmp_path):
    rows = [{"article_id": "a", "outlet": "Outlet", "file": "a.txt", "line_roles": "99=body"}]
    with pytest.raises(CorpusError, match="a.txt: line_roles names line 99, but the file has 13 lines"):
        load(write_corpus(tmp_path, {"a.txt": ARTICLE}, rows))


# --------------------------------------------------------------------------- corrections


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


def test_a_correction_that_never_applies_is_a_warning(tmp_path):
    fixes = [{"article_id": "a", "find": "becasue", "replace": "because", "reason": "spelling"}]
    with pytest.warns(CorpusWarning, match="correction 'becasue' -> 'because' was never applied"):
        corpus = load(write_corpus(tmp_path, {"a.txt": ARTICLE}, corrections=fixes))
    assert (corpus.problems["level"] == "warning").sum() == 1


def test_the_corrections_file_needs_a_reason_for_each_entry(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_text("article_id,find,replace,reason\na,Al,AI,\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"corrections.csv line 2: say why 'Al' is corrected"):
        read_corrections(path)


def test_the_real_corrections_file_names_the_three_source_errors():
    fixes = read_corrections(CORRECTIONS)
    assert sorted(zip(fixes["article_id"], fixes["find"], fixes["replace"])) == [
        (VPN, "Al", "AI"), (VPN, "becasue", "because"), (VPN, "particularity", "particularly")]
    assert (fixes["reason"].str.len() > 10).all()


# --------------------------------------------------------------------------- bad input

LATIN1 = "Headline\n\nThe caf\u00e9 paragraph reports the news at length.\n".encode("latin-1")

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


def _bad_corpus(folder: Path, files, rows) -> Path:
    good_row = {"article_id": "good", "outlet": "Outlet", "file": "good.txt"}
    default = [{"article_id": Path(n).stem, "outlet": "Outlet", "file": n} for n in files]
    return write_corpus(folder, {"good.txt": OTHER, **files}, [good_row] + (default if rows is None else rows))


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


def test_every_problem_is_listed_in_one_error(tmp_path):
    folder = _bad_corpus(tmp_path, {"a.txt": b"", "c.txt": LATIN1}, None)
    with pytest.raises(CorpusError) as err:
        load(folder)
    message = str(err.value)
    assert message.startswith("2 problem(s) in")
    assert "a.txt: empty file" in message and "c.txt line 3: not UTF-8" in message


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


def test_a_duplicate_article_id_is_an_error_naming_both_lines(tmp_path):
    rows = [{"article_id": "x", "outlet": "Outlet", "file": "a.txt"}, {"article_id": "x", "outlet": "Outlet", "file": "b.txt"}]
    with pytest.raises(CorpusError, match=r"manifest.csv line 3: duplicate article_id 'x' \(first on line 2\)"):
        load(write_corpus(tmp_path, {"a.txt": ARTICLE, "b.txt": OTHER}, rows))


@pytest.mark.parametrize("published", ["2020-13-01", "June 9, 2020", "2020-6-9", "09/06/2020", "2020-02-30"])
def test_a_published_value_that_is_not_a_date_is_an_error_naming_the_line(tmp_path, published):
    rows = [{"article_id": "b", "outlet": "Outlet", "file": "b.txt"},
            {"article_id": "a", "outlet": "Outlet", "file": "a.txt", "published": published}]
    with pytest.raises(CorpusError) as err:
        load(write_corpus(tmp_path, {"a.txt": ARTICLE, "b.txt": OTHER}, rows))
    assert f"manifest.csv line 3: published '{published}' is not a date (YYYY-MM-DD)" in str(err.value)


@pytest.mark.parametrize(
    "rows_problem, message",
    [
        ([{"article_id": "x", "outlet": "Outlet", "file": "a.txt"}, {"article_id": "x", "outlet": "Outlet", "file": "b.txt"}],
         "duplicate article_id"),
        ([{"article_id": "a", "outlet": "Outlet", "file": "a.txt", "published": "2020-13-01"},
          {"article_id": "b", "outlet": "Outlet", "file": "b.txt"}], "is not a date"),
    ],
)
def test_manifest_errors_stop_the_load_even_when_asked_to_skip(tmp_path, rows_problem, message):
    # The manifest is the project's own record, not incoming data: a wrong row is fixed there.
    with pytest.raises(CorpusError, match=message):
        load(write_corpus(tmp_path, {"a.txt": ARTICLE, "b.txt": OTHER}, rows_problem), on_error="skip")


@pytest.mark.parametrize(
    "columns, message",
    [
        (["article_id", "outlet", "title"], "missing required column(s) file"),
        (["article_id", "file", "title"], "missing required column(s) outlet"),
        (["article_id", "title"], "missing required column(s) file, outlet"),
        (MANIFEST_COLUMNS + ["colour"], "unknown column(s) colour"),
    ],
)
def test_manifest_columns_are_checked(tmp_path, columns, message):
    rows = [{"article_id": "a", "outlet": "Outlet", "file": "a.txt", "title": "T", "colour": "red"}]
    with pytest.raises(CorpusError, match=re.escape(message)) as err:
        load(write_corpus(tmp_path, {"a.txt": ARTICLE}, rows, columns=columns))
    assert "manifest.csv" in str(err.value)


@pytest.mark.parametrize("column", ["file", "outlet"])
def test_an_empty_required_value_is_an_error_naming_the_line(tmp_path, column):
    row = {"article_id": "a", "outlet": "Outlet", "file": "a.txt", column: ""}
    with pytest.raises(CorpusError, match=f"manifest.csv line 2: empty '{column}'"):
        load(write_corpus(tmp_path, {"a.txt": ARTICLE}, [row]))


def test_a_missing_manifest_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(CorpusError, match="manifest.csv: manifest not found"):
        load_corpus(tmp_path, corrections=None)


def test_article_id_defaults_to_the_file_stem(tmp_path):
    rows = [{"outlet": "Outlet", "file": "some-story.txt"}]
    corpus = load(write_corpus(tmp_path, {"some-story.txt": ARTICLE}, rows))
    assert corpus.articles["article_id"].tolist() == ["some-story"]


def test_two_identical_files_keep_the_first_and_set_the_duplicate_aside(tmp_path):
    folder = write_corpus(tmp_path, {"a.txt": ARTICLE, "b.txt": ARTICLE, "c.txt": OTHER})
    with pytest.warns(CorpusWarning, match="duplicate of article 'a', set aside"):
        corpus = load(folder)
    assert corpus.articles["article_id"].tolist() == ["a", "c"]
    aside = corpus.problems[corpus.problems["level"] == "set aside"]
    assert aside["article_id"].tolist() == ["b"]
    assert "same bytes as article 'a'" in aside.iloc[0]["problem"]


def test_a_folder_with_no_usable_article_is_an_error(tmp_path):
    folder = write_corpus(tmp_path, {"a.txt": b""})
    with pytest.warns(CorpusWarning):
        with pytest.raises(CorpusError, match="no usable articles"):
            load(folder, on_error="skip")


def test_on_error_must_be_raise_or_skip(simple):
    with pytest.raises(ValueError, match="on_error"):
        load(simple, on_error="ignore")


def test_loading_an_invented_corpus_never_writes_to_it(simple):
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in simple.iterdir()}
    load(simple)
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in simple.iterdir()} == before


# --------------------------------------------------------------------------- invented sentences


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


# --------------------------------------------------------------------------- save and reload


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


# --------------------------------------------------------------------------- properties

_LINE_CHARS = st.sampled_from(list("abcXYZ 0.,:;?!'\"-()\t") + ["\u00a0", "\u201c", "\u201d", "\u2019", "\u2014", "By", "Click here"])
LINES = st.lists(
    st.one_of(st.just(""), st.just("   "), st.lists(_LINE_CHARS, min_size=1, max_size=30).map("".join)),
    min_size=1, max_size=15,
)
BODY = "This is a paragraph of ordinary reporting that is long enough to count as body text."


@settings(max_examples=100, deadline=None)
@given(LINES, st.sampled_from(["\n", "\r\n", "\r"]), st.booleans(), st.booleans(), st.integers(0, 15))
def test_no_line_is_ever_lost_and_lines_reassemble_to_the_decoded_file(lines, eol, bom, final_eol, at):
    lines = list(lines)
    lines.insert(min(at, len(lines)), BODY)
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


@settings(max_examples=200, deadline=None)
@given(LINES, st.text(max_size=20))
def test_every_line_gets_exactly_one_known_role_and_a_reason(lines, author):
    roles = classify_lines(lines, author=author)
    assert len(roles) == len(lines)
    for line, (role, reason) in zip(lines, roles):
        assert role in ROLES
        assert reason
        assert (role == "blank") == (not line.strip())
