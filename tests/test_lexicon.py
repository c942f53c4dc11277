"""Tests for analysis.matching: one matching rule for every lexicon, located in the raw text."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import load_corpus
from analysis.matching import FOUND_COLUMNS, Term, TermMatcher, find_terms, term_pattern
from analysis.corpus.text import Correction, normalise


def matches(cue: str, text: str, **options) -> list[str]:
    return [found for _, _, found, _ in TermMatcher([Term("key", cue, **options)]).find(text)]


def one_sentence(raw: str, *, start: int = 0, corrections=()) -> pd.DataFrame:
    """A sentences table with one invented sentence, in the loader's shape."""
    n = normalise(raw, corrections=corrections)
    return pd.DataFrame(
        [{"sentence_id": "a-s001", "article_id": "a", "outlet": "Outlet", "text": n.text,
          "start": start, "end": start + len(raw), "raw": raw, "edits": n.edits_str}]
    )


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


# --------------------------------------------------------------------------- the rule


@pytest.mark.parametrize(
    "cue, text, expected",
    [
        ("ice", "the police said", []),
        ("ice", "police, then ice", ["ice"]),
        ("ICE", "ice on the road", []),
        ("ICE", "agencies like ICE or the FBI", ["ICE"]),
        ("ICE", "Ice skating", []),
        ("FBI", "the FBI's files", ["FBI"]),
        ("police", "Police and POLICE and police", ["Police", "POLICE", "police"]),
        ("IBM", "IBM's letter", ["IBM"]),
        ("IBM", "IBM\u2019s letter", ["IBM"]),
        ("IBM", "IBMers", []),
        ("AI", "the AI is tested", ["AI"]),
        ("AI", "said Al, and ai", []),
        ("Congress", "congress agreed", ["congress"]),
    ],
)
def test_cues_match_whole_words_and_acronyms_only_in_capitals(cue, text, expected):
    assert matches(cue, text) == expected


@pytest.mark.parametrize(
    "cue, expected",
    [("ICE", True), ("FBI", True), ("AI", True), ("P-TECH", True), ("U.S.", True), ("ice", False),
     ("police", False), ("Congress", False), ("facial recognition", False), ("the FBI", True), ("A", False)],
)
def test_a_cue_with_an_acronym_is_case_sensitive(cue, expected):
    assert Term("key", cue).is_case_sensitive is expected


@pytest.mark.parametrize(
    "cue, case_sensitive, text, expected",
    [
        ("Ring", True, "a ring and Amazon Ring", ["Ring"]),
        ("ICE", False, "ice and ICE", ["ice", "ICE"]),
        ("ring", None, "Amazon Ring", ["Ring"]),
    ],
)
def test_a_term_can_decide_its_own_case_rule(cue, case_sensitive, text, expected):
    assert matches(cue, text, case_sensitive=case_sensitive) == expected


@pytest.mark.parametrize(
    "cue, text, expected",
    [
        ("facial recognition", "facial-recognition technology", ["facial-recognition"]),
        ("facial recognition", "facial recognition technology", ["facial recognition"]),
        ("facial recognition", "facial  recognition", ["facial  recognition"]),
        ("facial recognition", "facial\u00a0recognition", ["facial\u00a0recognition"]),
        ("facial recognition", "Facial Recognition Software", ["Facial Recognition"]),
        ("facial recognition", "facial or recognition", []),
        ("facial-recognition", "facial recognition", ["facial recognition"]),
        ("law enforcement", "law-enforcement agencies", ["law-enforcement"]),
        ("mass surveillance", "for mass surveillance, racial profiling", ["mass surveillance"]),
    ],
)
def test_multi_word_cues_match_across_spaces_and_hyphens(cue, text, expected):
    assert matches(cue, text) == expected


@pytest.mark.parametrize(
    "cue, text, expected",
    [
        ("regulate", "regulate regulates regulated regulating", ["regulate", "regulates", "regulated", "regulating"]),
        ("regulation", "regulation regulations", ["regulation", "regulations"]),
        ("policy", "policy policies", ["policy", "policies"]),
        ("ban", "ban bans banned banning", ["ban", "bans", "banned", "banning"]),
        ("stop", "stopped stopping stops", ["stopped", "stopping", "stops"]),
        ("business", "businesses", ["businesses"]),
        ("police reform", "police reforms", ["police reforms"]),
        ("police reform", "polices reform", []),  # only the last word inflects
        ("ban", "bank banal", []),
        ("regulate", "regulator", []),
        ("ICE", "ICEs", ["ICEs"]),
    ],
)
def test_the_last_word_of_a_cue_takes_simple_inflections(cue, text, expected):
    assert matches(cue, text) == expected


def test_inflections_can_be_switched_off():
    assert matches("ban", "ban banned", inflect=False) == ["ban"]


@pytest.mark.parametrize(
    "cue, text, expected",
    [
        ("regulat*", "regulation regulatory regulate regular", ["regulation", "regulatory", "regulate"]),
        ("surveil*", "Surveillance and surveil", ["Surveillance", "surveil"]),
        ("civil lib*", "civil liberties and civil libraries", ["civil liberties", "civil libraries"]),
        ("regulat*", "deregulation", []),
    ],
)
def test_a_star_matches_any_ending_of_a_whole_word(cue, text, expected):
    assert matches(cue, text) == expected


def test_the_longest_match_wins_where_terms_overlap():
    matcher = TermMatcher([Term("Rights", "rights"), Term("Legality", "civil rights"), Term("Civil", "civil")])
    found = [(text, [t.key for t in terms]) for _, _, text, terms in matcher.find("civil rights, rights and civil")]
    assert found == [("civil rights", ["Legality"]), ("rights", ["Rights"]), ("civil", ["Civil"])]


def test_a_longer_cue_wins_whatever_order_the_terms_come_in():
    terms = [Term("Tech", "facial recognition technology"), Term("Face", "facial recognition")]
    for order in (terms, terms[::-1]):
        found = [text for _, _, text, _ in TermMatcher(order).find("facial recognition technology")]
        assert found == ["facial recognition technology"]


def test_a_cue_under_several_keys_is_reported_once_per_key():
    matcher = TermMatcher([Term("Crime", "police"), Term("Actors", "police"), Term("Crime", "ICE")])
    found = matcher.find("police")
    assert len(found) == 1
    assert sorted(t.key for t in found[0][3]) == ["Actors", "Crime"]


def test_matches_report_their_offsets_in_the_text():
    text = "Police and ICE agents"
    found = TermMatcher([Term("k", "ICE"), Term("k", "police")]).find(text)
    assert [(s, e) for s, e, _, _ in found] == [(0, 6), (11, 14)]
    assert all(text[s:e] == m for s, e, m, _ in found)


def test_an_empty_matcher_finds_nothing():
    assert TermMatcher([]).find("anything at all") == []


def test_an_empty_cue_is_refused():
    with pytest.raises(ValueError, match="empty cue"):
        TermMatcher([Term("k", "  ")])


def test_term_pattern_is_built_from_the_matching_form_of_the_cue():
    # a typographic apostrophe in a cue is folded, so it matches text folded the same way
    assert re.fullmatch(term_pattern("Krishna\u2019s letter"), "Krishna's letter")


# --------------------------------------------------------------------------- find_terms


def test_find_terms_locates_matches_in_the_raw_file():
    raw = "IBM\u2019s \u201cnational\u00a0dialogue\u201d with\u00a0ICE"
    sentences = one_sentence(raw, start=100)
    matcher = TermMatcher([Term("Company", "IBM"), Term("Dialogue", "national dialogue"), Term("Agency", "ICE")])
    found = find_terms(sentences, matcher)
    assert list(found.columns) == FOUND_COLUMNS
    assert found["match"].tolist() == ["IBM", "national\u00a0dialogue", "ICE"]
    file_text = " " * 100 + raw
    for rec in found.itertuples():
        assert file_text[rec.start : rec.end] == rec.match


def test_find_terms_reports_the_raw_words_of_a_corrected_match():
    sentences = one_sentence("vendors and users of Al systems", corrections=(Correction("Al", "AI", "l for I"),))
    found = find_terms(sentences, TermMatcher([Term("Tech", "AI systems")]))
    assert found[["match", "start", "end"]].values.tolist() == [["Al systems", 21, 31]]


def test_find_terms_gives_one_row_per_key_and_an_empty_table_when_nothing_matches():
    sentences = one_sentence("Police reform now.")
    matcher = TermMatcher([Term("Crime", "police"), Term("Reform", "police")])
    assert sorted(find_terms(sentences, matcher)["key"]) == ["Crime", "Reform"]
    empty = find_terms(sentences, TermMatcher([Term("k", "ICE")]))
    assert empty.empty and list(empty.columns) == FOUND_COLUMNS


def test_find_terms_works_without_edits_and_raw_columns():
    sentences = pd.DataFrame([{"sentence_id": "a-s001", "article_id": "a", "outlet": "O",
                               "text": "Police and ICE.", "start": 10}])
    found = find_terms(sentences, TermMatcher([Term("k", "ICE")]))
    assert found[["match", "start", "end"]].values.tolist() == [["ICE", 21, 24]]


# --------------------------------------------------------------------------- real articles

REAL_TERMS = [
    Term("Technology", "facial recognition"),
    Term("Company", "IBM"),
    Term("Agency", "ICE"),
    Term("Agency", "FBI"),
    Term("Dialogue", "national dialogue"),
    Term("Police", "law enforcement"),
    Term("Police", "police"),
    Term("Tech", "AI"),
    Term("Regulation", "regulat*"),
    Term("Company", "Amazon"),
]


def test_find_terms_offsets_point_at_the_match_in_the_real_raw_files(corpus):
    found = find_terms(corpus.sentences, TermMatcher(REAL_TERMS))
    assert len(found) > 40
    for rec in found.itertuples():
        assert corpus.texts[rec.article_id][rec.start : rec.end] == rec.match


def test_matches_span_no_break_spaces_and_curly_apostrophes_in_the_real_text(corpus):
    found = find_terms(corpus.sentences, TermMatcher(REAL_TERMS))
    colorlines = found[found["article_id"] == "colorlines-2020-06-09"]
    text = corpus.texts["colorlines-2020-06-09"]
    # "IBM’s" (curly apostrophe) is found as IBM: 4 of the body's IBM are followed by ’s
    ibm = colorlines[colorlines["match"] == "IBM"]
    assert [text[e] for e in ibm["end"]].count("\u2019") == 4
    # "like\xa0ICE\xa0or the\xa0FBI"
    assert {"ICE", "FBI"} <= set(colorlines["match"])
    assert all(text[s - 1] == "\u00a0" for s in colorlines.loc[colorlines["match"].isin(["ICE", "FBI"]), "start"])
    assert "facial-recognition" in set(colorlines["match"])  # "facial-recognition technology"
    dialogue = colorlines[colorlines["key"] == "Dialogue"]
    assert dialogue["match"].tolist() == ["national dialogue", "national dialogue"]


def test_the_corrected_al_is_found_as_ai_and_shown_in_the_source_spelling(corpus):
    found = find_terms(corpus.sentences, TermMatcher([Term("Tech", "AI")]))
    vpn = found[found["article_id"] == "vpnoverview-undated"]
    # "(AI)" and "use AI responsibly" as written; "users of Al systems" and "that Al is tested"
    # through the correction
    assert sorted(vpn["match"]) == ["AI", "AI", "Al", "Al"]
    text = corpus.texts["vpnoverview-undated"]
    assert all(text[s:e] == m for s, e, m in vpn[["start", "end", "match"]].values)


def test_same_cue_spelled_in_two_cases_reports_every_key():
    matcher = TermMatcher([Term("A", "privacy"), Term("B", "Privacy")])
    found = matcher.find("Privacy matters.")
    assert len(found) == 1
    assert sorted(t.key for t in found[0][3]) == ["A", "B"]


def _one_expression(matcher: TermMatcher, text: str):
    """What the matcher finds with its single alternation (the definition of a match)."""
    return [(m.start(), m.end(), m.group(), matcher._group_terms[int(m.lastgroup[1:])])
            for m in matcher._regex.finditer(text)]


def test_indexed_matching_finds_exactly_what_the_single_expression_finds():
    from analysis import load_corpus
    from analysis.lexicons import load_lexicons

    codebook, actors, _ = load_lexicons()
    cues = [Term(r.frame, r.cue) for r in codebook.cues.itertuples()]
    cues += [Term(r.actor, r.cue, case_sensitive=r.case_sensitive if isinstance(r.case_sensitive, bool) else None)
             for r in actors.itertuples()]
    assert len(cues) > 200
    matcher = TermMatcher(cues)
    assert matcher._indexed
    corpus = load_corpus()
    texts = list(corpus.sentences["text"]) + list(corpus.headlines["text"])
    texts += ["Regulations, regulating and REGULATED: the U.S. and ICE, not ice; A.I. and AI-driven bans.",
              "Police-reform advocates' civil-rights claims (facial-recognition) -- Krishna's IBM's."]
    for text in texts:
        assert matcher.find(text) == _one_expression(matcher, text)


@given(st.lists(st.sampled_from(list("aeiou rstlnICE.-'UAS\u00e9") + ["police", " law", " enforcement", "civil ",
                                                                       "rights", "regulat", "ing", "AI", "ban"]),
                max_size=40).map("".join))
@settings(max_examples=300, deadline=None)
def test_indexed_matching_equals_the_single_expression_on_any_text(text):
    matcher = TermMatcher([Term("a", "police"), Term("b", "law enforcement"), Term("c", "civil rights"),
                           Term("d", "regulate"), Term("e", "regulat*"), Term("f", "AI"), Term("g", "ICE"),
                           Term("h", "ban"), Term("i", "U.S."), Term("j", "rights", case_sensitive=True)])
    assert matcher.find(text) == _one_expression(matcher, text)
