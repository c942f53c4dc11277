"""Tests for analysis.corpus.load: the real articles read end to end, the checks every input gets,
the language check, and reading in two processes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from analysis import CorpusError, CorpusWarning, load_corpus
from analysis.corpus import MANIFEST_COLUMNS, ROLES, list_articles, parse_byline
from analysis.corpus.text import detect_language, to_raw_span
from analysis.paths import DATA_RAW
from tests.corpus.invented import ARTICLE, COLORLINES, OTHER, VPN, load, write_corpus
from tests.corpus.stories import (
    OUTLETS, SHARE, STORIES, load_quietly, page_of, table_rows, text_of, write_csv, write_html_folder,
    write_manifest,
)


GERMAN = [
    "Der Stadtrat hat am Dienstag beschlossen, dass die Polizei keine Software zur Gesichtserkennung mehr einsetzen darf.",
    "Kritiker hatten bemängelt, dass die Technik Menschen mit dunkler Hautfarbe häufiger falsch erkennt.",
]


DUTCH = [
    "De gemeenteraad heeft dinsdag besloten dat de politie geen software voor gezichtsherkenning meer mag gebruiken.",
    "Critici zeiden dat de techniek mensen met een donkere huidskleur vaker verkeerd herkent dan anderen.",
]


def language_folder(folder: Path, language: str = "", paragraphs=GERMAN) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "foreign.txt").write_text("Stadtrat Verbietet Gesichtserkennung\n\n" + "\n\n".join(paragraphs) + "\n",
                                        encoding="utf-8")
    (folder / "english.txt").write_text(text_of(STORIES[0]), encoding="utf-8")
    write_manifest(folder, [{"file": "foreign.txt", "outlet": "Berliner Blatt", "language": language},
                            {"file": "english.txt", "outlet": STORIES[0]["outlet"], "language": ""}],
                   ["file", "outlet", "language"])
    return folder


NO_TEXT = [
    ("empty text", "", "row 6: empty text"),
    ("whitespace only", "  \n\n \t\n", "row 6: empty text"),
    ("only boilerplate", f"{SHARE}\n\nAdvertisement\n\n\u00a9 2020 Valley Post. All rights reserved.\n",
     "row 6: no body text"),
]


WORDS = ("council police camera software vendor audit warrant budget school airport union court judge "
         "privacy register parent marcher detective database contract hearing").split()


def many_rows(n: int) -> list[dict]:
    """``n`` small, distinct invented articles across five outlets (a few boilerplate lines among them)."""
    rows = []
    for i in range(n):
        a, b, c = WORDS[i % len(WORDS)], WORDS[(i * 7 + 3) % len(WORDS)], WORDS[(i * 11 + 5) % len(WORDS)]
        text = (f"By Reporter {chr(65 + i % 26)}ee June {1 + i % 28}, 2020\n\n"
                f"Story {i} says the {a} met the {b} on day {i} to talk about the {c}. It was item {i * 3}.\n\n"
                + (f"{SHARE}\n\n" if i % 5 == 0 else "")
                + f"The {b} said \u201cno comment\u201d about the {c} in case {i}, and the {a} left early.\n")
        rows.append({"text": text, "outlet": OUTLETS[i % 5], "title": f"Headline Number {i}"})
    return rows


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


def test_a_correction_that_never_applies_is_a_warning(tmp_path):
    fixes = [{"article_id": "a", "find": "becasue", "replace": "because", "reason": "spelling"}]
    with pytest.warns(CorpusWarning, match="correction 'becasue' -> 'because' was never applied"):
        corpus = load(write_corpus(tmp_path, {"a.txt": ARTICLE}, corrections=fixes))
    assert (corpus.problems["level"] == "warning").sum() == 1


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


def test_loading_an_invented_corpus_never_writes_to_it(simple):
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in simple.iterdir()}
    load(simple)
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in simple.iterdir()} == before


@pytest.mark.parametrize("paragraphs, code", [(GERMAN, "de"), (DUTCH, "nl")], ids=["German", "Dutch"])
def test_a_foreign_article_with_an_empty_language_is_detected_kept_and_excluded_with_a_warning(
        tmp_path, paragraphs, code):
    folder = language_folder(tmp_path, paragraphs=paragraphs)
    with pytest.warns(CorpusWarning, match=f"article 'foreign' \\(Berliner Blatt\\) is in language '{code}'"):
        corpus = load_corpus(folder, corrections=None)
    arts = corpus.articles.set_index("article_id")
    assert arts.loc["foreign", "language"] == code
    assert arts.loc["foreign", "language_source"].startswith("detected")
    assert arts.loc["foreign", "excluded"] == f"language '{code}': the lexicon measures are for en"
    assert arts.loc["english", "excluded"] == ""
    assert set(corpus.sentences["article_id"]) == {"english"}
    assert "foreign" not in set(corpus.headlines["article_id"])
    assert "foreign" in set(corpus.lines["article_id"])  # its lines are still there to read
    warned = corpus.problems[(corpus.problems["article_id"] == "foreign") & (corpus.problems["level"] == "warning")]
    assert warned["problem"].str.contains("kept out of the sentence measures").all() and len(warned) == 1


def test_an_english_article_is_detected_as_english(tmp_path):
    corpus = load_quietly(language_folder(tmp_path))
    arts = corpus.articles.set_index("article_id")
    assert arts.loc["english", "language"] == "en"
    assert arts.loc["english", "language_source"].startswith("detected (")
    assert detect_language(" ".join(STORIES[1]["paragraphs"]))[0] == "en"


def test_a_manifest_language_wins_over_detection(tmp_path):
    corpus = load_quietly(language_folder(tmp_path, language="en"))
    arts = corpus.articles.set_index("article_id")
    assert arts.loc["foreign", "language"] == "en"
    assert arts.loc["foreign", "language_source"] == "manifest"
    assert arts.loc["foreign", "excluded"] == ""
    assert "foreign" in set(corpus.sentences["article_id"])


def test_a_table_language_column_wins_and_is_excluded_when_not_english(tmp_path):
    rows = table_rows(STORIES[:2])
    rows[1]["language"] = "fr"
    rows[0]["language"] = ""
    corpus = load_quietly(write_csv(tmp_path / "t.csv", rows))
    arts = corpus.articles.set_index("title")
    assert arts.loc[STORIES[1]["title"], "language"] == "fr"
    assert arts.loc[STORIES[1]["title"], "excluded"].startswith("language 'fr'")
    assert arts.loc[STORIES[0]["title"], "language"] == "en"
    assert set(corpus.sentences["outlet"]) == {STORIES[0]["outlet"]}


def test_languages_none_keeps_every_article(tmp_path):
    corpus = load_quietly(language_folder(tmp_path), languages=None)
    arts = corpus.articles.set_index("article_id")
    assert arts.loc["foreign", "language"] == "de"
    assert (corpus.articles["excluded"] == "").all()
    assert set(corpus.sentences["article_id"]) == {"foreign", "english"}
    assert not corpus.problems["problem"].str.contains("kept out of the sentence measures").any()


def test_other_languages_can_be_allowed(tmp_path):
    corpus = load_quietly(language_folder(tmp_path), languages=("en", "de"))
    assert set(corpus.sentences["article_id"]) == {"foreign", "english"}


def test_a_story_loaded_twice_with_identical_bytes_is_set_aside_with_a_warning(tmp_path):
    rows = table_rows(STORIES[:5])
    rows.append(dict(rows[2]))
    with pytest.warns(CorpusWarning, match="t.csv row 6: duplicate of article 't-00003', set aside"):
        corpus = load_corpus(write_csv(tmp_path / "t.csv", rows), corrections=None)
    assert len(corpus.articles) == 5 and "t-00006" not in set(corpus.articles["article_id"])
    aside = corpus.problems[corpus.problems["level"] == "set aside"]
    assert aside["article_id"].tolist() == ["t-00006"]
    assert "same bytes as article 't-00003'" in aside["problem"].iloc[0]


def test_a_page_saved_twice_is_set_aside(tmp_path):
    folder = write_html_folder(tmp_path / "pages", STORIES[:5])
    (folder / "copy-of-page.html").write_text(page_of(STORIES[1]), encoding="utf-8")
    with pytest.warns(CorpusWarning, match="same bytes|duplicate of article"):
        corpus = load_corpus(folder, corrections=None)
    # pages are read in name order, so the copy (listed first) is kept and the later file set aside
    kept = sorted(s["slug"] for s in STORIES[:5] if s is not STORIES[1]) + ["copy-of-page"]
    assert sorted(corpus.articles["article_id"]) == sorted(kept)
    aside = corpus.problems[corpus.problems["level"] == "set aside"]
    assert aside["file"].tolist() == [STORIES[1]["slug"] + ".html"]
    assert "same bytes as article 'copy-of-page'" in aside["problem"].iloc[0]


@pytest.mark.parametrize("name, text, message", NO_TEXT, ids=[c[0] for c in NO_TEXT])
def test_an_article_without_usable_text_stops_the_load_naming_its_row(tmp_path, name, text, message):
    rows = table_rows(STORIES[:5]) + [{"text": text, "outlet": "Empty Gazette"}]
    with pytest.raises(CorpusError, match=f"t.csv {message}"):
        load_corpus(write_csv(tmp_path / "t.csv", rows), corrections=None)


@pytest.mark.parametrize("name, text, message", NO_TEXT, ids=[c[0] for c in NO_TEXT])
def test_an_article_without_usable_text_is_set_aside_when_asked_to_skip(tmp_path, name, text, message):
    rows = table_rows(STORIES[:5]) + [{"text": text, "outlet": "Empty Gazette"}]
    with pytest.warns(CorpusWarning, match=f"set aside: .*t.csv {message}"):
        corpus = load_corpus(write_csv(tmp_path / "t.csv", rows), corrections=None, on_error="skip")
    assert "Empty Gazette" not in corpus.outlets and sorted(corpus.outlets) == OUTLETS
    aside = corpus.problems[corpus.problems["level"] == "set aside"]
    assert aside[["article_id", "file"]].values.tolist() == [["t-00006", "t.csv#6"]]


def test_reading_in_two_processes_gives_the_same_tables_as_one(tmp_path):
    path = write_csv(tmp_path / "many.csv", many_rows(240))
    rows = many_rows(240)
    rows[7]["language"] = "de"  # one excluded article and one duplicate, so those paths are compared too
    rows[8]["text"] = rows[9]["text"] + "\nA later edition added one more sentence to the same short story.\n"
    write_csv(path, rows)
    serial = load_quietly(path, n_jobs=1)
    parallel = load_quietly(path, n_jobs=2)
    for name in ("articles", "lines", "sentences", "headlines", "normalisations", "problems", "duplicates"):
        pd.testing.assert_frame_equal(getattr(parallel, name), getattr(serial, name), obj=name)
    assert parallel.texts == serial.texts
    assert len(serial.articles) == 240 and serial.articles["excluded"].ne("").sum() == 2
    assert len(serial.duplicates) == 1 and (serial.lines["reason"] == "share buttons").sum() == 48


def test_a_small_corpus_read_in_two_processes_gives_the_same_tables_as_one(tmp_path, monkeypatch):
    from analysis.corpus import load as load_module

    monkeypatch.setattr(load_module, "MIN_ARTICLES", 1)  # so six articles are read in two processes, not one
    path = write_csv(tmp_path / "stories.csv", table_rows())
    serial = load_quietly(path, n_jobs=1)
    parallel = load_quietly(path, n_jobs=2)
    for name in serial.TABLES:
        pd.testing.assert_frame_equal(getattr(parallel, name), getattr(serial, name), obj=name)
    assert parallel.texts == serial.texts and len(serial.articles) == len(STORIES)


def test_list_articles_lists_each_article_with_its_outlet_without_reading_it(tmp_path):
    listed = list_articles(write_csv(tmp_path / "stories.csv", table_rows()))
    assert listed.columns.tolist() == MANIFEST_COLUMNS
    assert listed["outlet"].tolist() == [s["outlet"] for s in STORIES]
    assert (listed["sha256"].str.len() == 64).all()


def test_list_articles_raises_what_load_corpus_raises_for_a_bad_row(tmp_path):
    rows = table_rows()
    rows[2]["text"] = "   "
    path = write_csv(tmp_path / "stories.csv", rows)
    with pytest.raises(CorpusError) as listed:
        list_articles(path)
    with pytest.raises(CorpusError) as loaded:
        load_quietly(path)
    assert str(listed.value) == str(loaded.value) and "row 3: empty text" in str(listed.value)
    with pytest.warns(CorpusWarning, match="set aside"):
        assert len(list_articles(path, on_error="skip")) == len(STORIES) - 1
