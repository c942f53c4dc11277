"""Tests for analysis.corpus.text: the matching form, its offset map, sentences and words."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus.text import Correction, WORD_RE, count_words, normalise, split_sentences, to_raw_span

AL = Correction("Al", "AI", "letter l for capital i")
BECASUE = Correction("becasue", "because", "spelling error")
PARTICULARITY = Correction("particularity", "particularly", "wrong word")
DONT = Correction("dont", "do not", "a correction that makes the text longer")


def sentences_of(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def rebuild_from_changes(raw: str, changes: list[dict]) -> str:
    """Apply the recorded changes to ``raw``; changes nested inside a larger one are
    part of it (a folded no-break space inside a collapsed run of spaces)."""
    outer = []
    for c in sorted(changes, key=lambda c: (c["start"], -c["end"])):
        if outer and c["start"] >= outer[-1]["start"] and c["end"] <= outer[-1]["end"] and c["end"] > c["start"]:
            continue
        outer.append(c)
    out, pos = [], 0
    for c in outer:
        assert c["start"] >= pos, f"overlapping changes {c}"
        out.append(raw[pos : c["start"]])
        out.append(c["normalised"])
        pos = c["end"]
    out.append(raw[pos:])
    return "".join(out)


# --------------------------------------------------------------------------- normalise

NORMALISE_CASES = [
    # (raw, matching form, kinds recorded)
    ("Cafe\u0301 society", "Caf\u00e9 society", {"nfc"}),
    ("nai\u0308ve", "na\u00efve", {"nfc"}),
    ("entering\u00a0contracts", "entering contracts", {"space"}),
    ("10\u202fpercent", "10 percent", {"space"}),
    ("a\u2009thin space", "a thin space", {"space"}),
    ("\u201ca national dialogue\u201d", '"a national dialogue"', {"quote"}),
    ("IBM\u2019s letter", "IBM's letter", {"quote"}),
    ("limit \u2018random\u2019 use", "limit 'random' use", {"quote"}),
    ("\u201eGerman\u201c quotes", '"German" quotes', {"quote"}),
    ("1990\u20132000", "1990-2000", {"dash"}),
    ("non\u2011breaking", "non-breaking", {"dash"}),
    ("Police reform\u2014new rules", "Police reform - new rules", {"em_dash"}),
    ("Police reform \u2014 new rules", "Police reform - new rules", {"em_dash"}),
    ("Police reform\u00a0\u2014\u00a0new rules", "Police reform - new rules", {"space", "em_dash"}),
    ("a gap\u2014\u2014filled", "a gap - filled", {"em_dash"}),
    ("the bar\u2015here", "the bar - here", {"em_dash"}),
    ("two  spaces", "two spaces", {"whitespace"}),
    ("tab\tand\t\ttabs", "tab and tabs", {"whitespace"}),
    ("line\nbreak", "line break", {"whitespace"}),
    ("mixed \u00a0 \t run", "mixed run", {"space", "whitespace"}),
    ("zero\u200bwidth", "zerowidth", {"invisible"}),
    ("co\u00adoperate", "cooperate", {"invisible"}),
    ("word\ufeffjoiner", "wordjoiner", {"invisible"}),
    ("space \u200b between", "space between", {"whitespace"}),
    ("  leading and trailing  ", " leading and trailing ", {"whitespace"}),
    ("plain ASCII text, unchanged.", "plain ASCII text, unchanged.", set()),
]


@pytest.mark.parametrize("raw, expected, kinds", NORMALISE_CASES)
def test_normalise_builds_the_matching_form_and_records_each_kind(raw, expected, kinds):
    n = normalise(raw)
    assert n.text == expected
    assert n.raw == raw
    assert {c["kind"] for c in n.changes} == kinds


@pytest.mark.parametrize("raw, expected, kinds", NORMALISE_CASES)
def test_every_change_is_recorded_with_its_raw_text(raw, expected, kinds):
    n = normalise(raw)
    for c in n.changes:
        assert raw[c["start"] : c["end"]] == c["raw"]
    assert rebuild_from_changes(raw, n.changes) == n.text


def test_normalise_never_changes_its_input_string_object():
    raw = "IBM\u2019s \u201cdialogue\u201d\u00a0\u2014 now"
    copy = str(raw)
    normalise(raw)
    assert raw == copy


def test_matching_form_is_nfc_for_a_decomposed_e_acute():
    raw = "Pe\u0301rez said"
    n = normalise(raw)
    assert unicodedata.is_normalized("NFC", n.text)
    assert n.text == "P\u00e9rez said"
    assert n.changes == [{"kind": "nfc", "start": 1, "end": 3, "raw": "e\u0301", "normalised": "\u00e9"}]


def test_matching_form_has_no_typographic_quotes_dashes_or_no_break_spaces():
    raw = "\u201cIt\u2019s time\u201d\u00a0\u2013 he said \u2014 \u2018now\u2019\u2026"
    text = normalise(raw).text
    for ch in "\u201c\u201d\u2018\u2019\u00a0\u2013\u2014":
        assert ch not in text
    assert text == "\"It's time\" - he said - 'now'\u2026"


# --------------------------------------------------------------------------- corrections


@pytest.mark.parametrize(
    "raw, corrections, expected",
    [
        ("users of Al systems", (AL,), "users of AI systems"),
        ("that Al is tested", (AL,), "that AI is tested"),
        ("Alphabet\u2019s CEO", (AL,), "Alphabet's CEO"),  # whole words only
        ("an al fresco lunch", (AL,), "an al fresco lunch"),  # case-sensitive
        ("ALL of it", (AL,), "ALL of it"),
        ("Al\u2019s view", (AL,), "AI's view"),  # an apostrophe ends a word
        ("the letter becasue the death", (BECASUE,), "the letter because the death"),
        ("Becasue it", (BECASUE,), "Becasue it"),  # case-sensitive: only the listed form
        ("bias, particularity when used", (PARTICULARITY,), "bias, particularly when used"),
        ("I dont know", (DONT,), "I do not know"),
        ("no error here", (AL, BECASUE), "no error here"),
    ],
)
def test_corrections_apply_to_whole_words_case_sensitively(raw, corrections, expected):
    assert normalise(raw, corrections=corrections).text == expected


def test_a_correction_applies_to_every_whole_word_occurrence_in_its_scope():
    # A correction has no context: "Al Gore" would become "AI Gore" too. That is why the
    # corrections file scopes each entry to one article_id (tested in test_corpus.py).
    assert normalise("Al Gore and Al systems", corrections=(AL,)).text == "AI Gore and AI systems"


def test_each_correction_is_recorded_with_its_reason_and_raw_word():
    n = normalise("users of Al systems, becasue", corrections=(AL, BECASUE))
    fixes = [c for c in n.changes if c["kind"] == "correction"]
    assert [(c["raw"], c["normalised"], c["reason"]) for c in fixes] == [
        ("Al", "AI", AL.reason),
        ("becasue", "because", BECASUE.reason),
    ]
    assert [(c["start"], c["end"]) for c in fixes] == [(9, 11), (21, 28)]


def test_corrections_never_touch_the_raw_text():
    raw = "users of Al systems"
    n = normalise(raw, corrections=(AL,))
    assert n.raw == raw == "users of Al systems"


# --------------------------------------------------------------------------- to_raw_span

TO_RAW_CASES = [
    # (raw, corrections, a span of the matching form, the raw text it must map to)
    ("IBM\u2019s change", (), "IBM's", "IBM\u2019s"),
    ("IBM\u2019s change", (), "change", "change"),
    ("a  b", (), "b", "b"),
    ("one  two   three", (), "two", "two"),
    ("one  two   three", (), "three", "three"),
    ("one  two   three", (), "one two three", "one  two   three"),
    ("facial\u00a0recognition", (), "facial recognition", "facial\u00a0recognition"),
    ("facial \u00a0 recognition", (), "facial recognition", "facial \u00a0 recognition"),
    ("Police reform\u2014new rules", (), "reform - new", "reform\u2014new"),
    ("Police reform \u2014 new rules", (), "reform - new", "reform \u2014 new"),
    ("Police reform \u2014 new rules", (), "new rules", "new rules"),
    ("Police reform\u2014new rules", (), "Police reform", "Police reform"),
    ("x \u2014 y \u2014 z", (), "y", "y"),
    ("Cafe\u0301 culture", (), "Caf\u00e9", "Cafe\u0301"),
    ("Cafe\u0301 culture", (), "culture", "culture"),
    ("co\u00adoperate now", (), "cooperate", "co\u00adoperate"),
    ("co\u00adoperate now", (), "now", "now"),
    ("\u200bIBM", (), "IBM", "IBM"),
    ("IBM\u200b", (), "IBM", "IBM"),
    ("\u201cnow is the time\u201d", (), '"now is the time"', "\u201cnow is the time\u201d"),
    ("\u201cnow is the time\u201d", (), "now", "now"),
    ("tab\t\tseparated", (), "separated", "separated"),
    ("users of Al systems", (AL,), "AI systems", "Al systems"),
    ("users of Al systems", (AL,), "AI", "Al"),
    ("the letter becasue the death", (BECASUE,), "because", "becasue"),
    ("the letter becasue the death", (BECASUE,), "the death", "the death"),
    ("bias, particularity when used", (PARTICULARITY,), "particularly", "particularity"),
    ("bias, particularity when used", (PARTICULARITY,), "when used", "when used"),
    ("I dont  know", (DONT,), "do not", "dont"),
    ("I dont  know", (DONT,), "know", "know"),
    ("I dont  know", (DONT,), "not know", "dont  know"),
    ("like\u00a0ICE\u00a0or the\u00a0FBI.", (), "ICE", "ICE"),
    ("like\u00a0ICE\u00a0or the\u00a0FBI.", (), "the FBI", "the\u00a0FBI"),
]


@pytest.mark.parametrize("raw, corrections, span_text, raw_text", TO_RAW_CASES)
def test_to_raw_span_gives_the_exact_raw_substring(raw, corrections, span_text, raw_text):
    n = normalise(raw, corrections=corrections)
    s = n.text.index(span_text)
    rs, re_ = to_raw_span(n.edits, s, s + len(span_text))
    assert raw[rs:re_] == raw_text


@pytest.mark.parametrize("raw, corrections, span_text, raw_text", TO_RAW_CASES)
def test_to_raw_span_reads_the_stored_string_form_of_edits(raw, corrections, span_text, raw_text):
    n = normalise(raw, corrections=corrections)
    s = n.text.index(span_text)
    assert to_raw_span(n.edits_str, s, s + len(span_text)) == to_raw_span(n.edits, s, s + len(span_text))


@pytest.mark.parametrize("empty", ["", None, float("nan"), ()])
def test_to_raw_span_without_edits_is_the_identity(empty):
    assert to_raw_span(empty, 3, 7) == (3, 7)


def test_edits_string_form_is_compact_and_parseable():
    n = normalise("a  b\u2014c")
    assert n.edits == ((1, 2, 1, 3), (3, 6, 4, 5))
    assert n.edits_str == "1-2:1-3;3-6:4-5"


# --------------------------------------------------------------------------- properties

# Characters the normaliser has rules for, mixed with ordinary text.
_ALPHABET = st.sampled_from(
    list("abcXYZ019 .,;:!?'\"-()")
    + ["\t", "\n", "\r", "  ", "\u00a0", "\u202f", "\u2009", "\u2003"]
    + ["\u201c", "\u201d", "\u2018", "\u2019", "\u201e", "\u00ab", "\u00bb", "\u2032"]
    + ["\u2010", "\u2011", "\u2013", "\u2014", "\u2015", "\u2212", "\u2026"]
    + ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
    + ["\u0301", "\u0308", "\u0327", "e\u0301", "\u00e9", "\u00c5", "Al", "becasue"]
)
TEXTS = st.lists(_ALPHABET, max_size=40).map("".join)
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None)
COMBINING_MARKS = "\u0301\u0308\u0327"


@PROPERTY_SETTINGS
@given(TEXTS)
def test_normalisation_is_idempotent(raw):
    once = normalise(raw, corrections=(AL, BECASUE)).text
    assert normalise(once, corrections=(AL, BECASUE)).text == once


@PROPERTY_SETTINGS
@given(TEXTS)
def test_matching_form_is_nfc_without_runs_of_spaces_or_invisible_characters(raw):
    text = normalise(raw).text
    assert unicodedata.is_normalized("NFC", text)
    assert "  " not in text
    assert not set(text) & set("\t\n\r\u00a0\u202f\u2009\u2003\u200b\u200c\u200d\u2060\ufeff\u00ad\u2014\u2015")
    assert not set(text) & set("\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb\u2010\u2011\u2013\u2212")


@PROPERTY_SETTINGS
@given(TEXTS)
def test_every_change_is_recorded_so_the_changes_rebuild_the_matching_form(raw):
    n = normalise(raw, corrections=(AL, BECASUE))
    assert (n.text != raw) == bool(n.changes)
    for c in n.changes:
        assert raw[c["start"] : c["end"]] == c["raw"]
    assert rebuild_from_changes(raw, n.changes) == n.text


@PROPERTY_SETTINGS
@given(TEXTS)
def test_to_raw_span_of_the_whole_text_gives_the_whole_raw(raw):
    n = normalise(raw, corrections=(AL, BECASUE))
    rs, re_ = to_raw_span(n.edits, 0, len(n.text))
    # Only characters the matching form drops (zero-width, soft hyphen) may lie outside.
    invisible = set("\u200b\u200c\u200d\u2060\ufeff\u00ad")
    assert set(raw[:rs]) <= invisible and set(raw[re_:]) <= invisible
    assert normalise(raw[rs:re_], corrections=(AL, BECASUE)).text == n.text
    if not (raw[:1] in invisible and raw) and not (raw[-1:] in invisible and raw):
        assert (rs, re_) == (0, len(raw))


@PROPERTY_SETTINGS
@given(TEXTS)
def test_to_raw_span_maps_every_word_back_to_raw_text_that_normalises_to_it(raw):
    n = normalise(raw)
    for m in WORD_RE.finditer(n.text):
        rs, re_ = to_raw_span(n.edits_str, m.start(), m.end())
        assert 0 <= rs <= re_ <= len(raw)
        # A span that ends inside a composed character takes the whole of it
        # ("a\u0301\u0301" -> "\u00e1\u0301"), so the raw span may carry a stray mark.
        assert normalise(raw[rs:re_]).text.startswith(m.group())
        assert normalise(raw[rs:re_]).text.rstrip(COMBINING_MARKS) == m.group()


# --------------------------------------------------------------------------- sentences

SENTENCE_CASES = [
    (
        "The letter went to Sen. Cory Booker (D-NJ) and Sen. Kamala Harris (D-CA). They have not replied.",
        ["The letter went to Sen. Cory Booker (D-NJ) and Sen. Kamala Harris (D-CA).", "They have not replied."],
    ),
    (
        "Rep. Karen Bass leads the caucus. Rep. Hakeem Jeffries and Rep. Jerrold Nadler signed too.",
        ["Rep. Karen Bass leads the caucus.", "Rep. Hakeem Jeffries and Rep. Jerrold Nadler signed too."],
    ),
    (
        "In an effort to promote racial equality in the U.S., Krishna wrote to Congress. He asked for reform.",
        ["In an effort to promote racial equality in the U.S., Krishna wrote to Congress.", "He asked for reform."],
    ),
    (
        "Police in the U.S. use it widely. Critics say so.",
        ["Police in the U.S. use it widely.", "Critics say so."],
    ),
    (
        "Krishna said \u201cnow is the time to begin a national dialogue.\u201d The company will stop.",
        ["Krishna said \u201cnow is the time to begin a national dialogue.\u201d", "The company will stop."],
    ),
    (
        "It ended with \u201cwe will not condone it.\u201d Critics were not convinced.",
        ["It ended with \u201cwe will not condone it.\u201d", "Critics were not convinced."],
    ),
    (
        "He called it \u201ca powerful tool\u201d. So, rules are needed.",
        ["He called it \u201ca powerful tool\u201d.", "So, rules are needed."],
    ),
    (
        "IBM will stop, The Guardian reports. Critics note the company was trailing.",
        ["IBM will stop, The Guardian reports.", "Critics note the company was trailing."],
    ),
    (
        "It is the old story. Krishna did not agree.",
        ["It is the old story.", "Krishna did not agree."],
    ),
    (
        "Programs such as P-TECH and Pell Grants are needed. IBM agrees.",
        ["Programs such as P-TECH and Pell Grants are needed.", "IBM agrees."],
    ),
    ("Colorlines reported:", ["Colorlines reported:"]),
]


@pytest.mark.parametrize("text, expected", SENTENCE_CASES)
def test_split_sentences_handles_abbreviations_and_quotations(text, expected):
    assert sentences_of(text) == expected


def test_split_sentences_trims_whitespace_and_keeps_offsets_in_the_given_text():
    text = "  First one.   Second one.  "
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one."]
    assert spans[0][0] == 2


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_split_sentences_of_blank_text_is_empty(text):
    assert split_sentences(text) == []


def test_split_sentences_works_on_raw_text_with_curly_quotes_and_no_break_spaces():
    text = "Krishna said in his letter:\u00a0\u201cIBM firmly opposes it.\u00a0We believe now is the time.\u201d Next."
    assert sentences_of(text) == [
        "Krishna said in his letter:\u00a0\u201cIBM firmly opposes it.",
        "We believe now is the time.\u201d",
        "Next.",
    ]


# --------------------------------------------------------------------------- words


@pytest.mark.parametrize(
    "text, n",
    [
        ("", 0),
        ("IBM's in-demand skills, 2020.", 5),
        ("IBM\u2019s letter", 2),
        ("P-TECH and Pell Grants", 5),
        ("one  two\tthree\nfour", 4),
        ("--- ... !!!", 0),
        ("snake_case", 2),
        ("caf\u00e9 na\u00efve", 2),
    ],
)
def test_count_words_counts_letter_and_digit_runs_with_inner_apostrophes(text, n):
    assert count_words(text) == n
