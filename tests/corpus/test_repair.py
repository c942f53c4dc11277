"""Damaged text: mojibake repaired, look-alike letters folded, lost quotes and entity debris flagged.

Every example is invented for these tests.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus.repair import LOOKALIKES, find_damage, fold_lookalikes, repair_lines, repair_text
from analysis.corpus.text import normalise, to_raw_span


def mojibake(s: str) -> str:
    """UTF-8 bytes read as Windows-1252: how the damage arises."""
    # bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) come through as C1 controls
    return "".join(bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b)) for b in s.encode("utf-8"))


@pytest.mark.parametrize(
    "good",
    [
        "The mayor\u2019s budget passed on Tuesday.",
        "\u201cWe will strike,\u201d said the nurses\u2019 union.",
        "The caf\u00e9 owner in S\u00e3o Paulo signed for \u20ac40 million.",
        "Striker Jos\u00e9 Mu\u00f1oz \u2013 a na\u00efve signing?",
    ],
)
def test_mojibake_is_repaired_and_each_change_recorded(good):
    raw = mojibake(good)
    assert raw != good
    r = repair_text(raw)
    assert r.text == good
    assert r.changes and {c["kind"] for c in r.changes} == {"mojibake"}
    assert all("ftfy" in c["reason"] for c in r.changes)
    for c in r.changes:  # each record names its raw span and replacement
        assert raw[c["start"]:c["end"]] == c["raw"]


def test_text_with_real_accents_and_curly_quotes_is_left_alone():
    good = "Na\u00efve caf\u00e9 r\u00e9sum\u00e9, \u201cquoted\u201d \u2013 \u00c5ngstr\u00f6m, Stra\u00dfe."
    r = repair_text(good)
    assert r.text == good and r.changes == [] and r.edits == ()


def test_mixed_line_repairs_only_the_damaged_words():
    raw = "The caf\u00e9 owner said donâ€™t worry."
    r = repair_text(raw)
    assert r.text == "The caf\u00e9 owner said don\u2019t worry."
    assert [c["raw"] for c in r.changes] == ["â€™"]


@pytest.mark.parametrize(
    "raw, folded",
    [
        ("B\u043eston", "Boston"),  # Cyrillic o
        ("the city c\u043eun\u0441il voted", "the city council voted"),  # Cyrillic o and c
        ("\u0406\u0412\u041c said on Monday that it would stop", "IBM said on Monday that it would stop"),  # whole word
        ("Hospit\u0430l strike", "Hospital strike"),  # Cyrillic a
        ("\u039flympic stadium", "Olympic stadium"),  # Greek capital omicron
    ],
)
def test_lookalike_letters_in_latin_words_are_folded_and_recorded(raw, folded):
    r = repair_text(raw)
    assert r.text == folded
    assert {c["kind"] for c in r.changes} == {"lookalike"}
    assert all(len(c["raw"]) == 1 and c["raw"] in LOOKALIKES for c in r.changes)
    assert r.offset_edits == ()  # one for one: offsets unchanged


@pytest.mark.parametrize(
    "text",
    [
        "\u041c\u043e\u0441\u043a\u0432\u0430 \u0438 \u041a\u0438\u0435\u0432",  # Russian
        "\u039f \u03a0\u03b1\u03c0\u03b1\u03b4\u03cc\u03c0\u03bf\u03c5\u03bb\u03bf\u03c2 \u03b5\u03af\u03c0\u03b5",  # Greek
        "The Kyiv mayor \u0412\u0456\u0442\u0430\u043b\u0456\u0439 spoke",  # a Cyrillic name with letters that have no Latin twin
    ],
)
def test_real_cyrillic_and_greek_text_is_not_folded(text):
    assert repair_text(text).text == text
    assert fold_lookalikes(text) == text


def test_offsets_of_the_repaired_text_map_back_to_the_raw_text():
    raw = "IBMâ€™s office in B\u043eston, Ã  la carte"
    r = repair_text(raw)
    i = r.text.index("Boston")
    a, b = r.to_raw_span(i, i + len("Boston"))
    assert raw[a:b] == "B\u043eston"
    j = r.text.index("carte")
    a, b = r.to_raw_span(j, j + 5)
    assert raw[a:b] == "carte"
    # composed with the matching form's own edits
    n = normalise(r.text)
    k = n.text.index("IBM")
    a, b = r.to_raw_span(*to_raw_span(n.edits, k, k + len("IBM's")))
    assert raw[a:b] == "IBMâ€™s"


@pytest.mark.parametrize(
    "raw, kinds",
    [
        ("?We will,? she said.", ["lost_quote", "lost_quote"]),
        ("The mayor?s plan ?works?, aides said.", ["lost_quote", "lost_quote", "lost_quote"]),
        ("He said &quot;no&quot; twice.", ["html_entity", "html_entity"]),
        ("The club&amp;#8217;s fans", ["html_entity"]),
        ("Tickets&nbsp;sold out", ["html_entity"]),
        ("Bytes lost here: \ufffd\ufffd.", ["replacement_character"]),
        ("He said \u00e2\u20ac\u0153no,\u00e2\u20ac she said.", ["lost_quote"]),
    ],
)
def test_lost_quotes_and_entity_debris_are_flagged_not_changed(raw, kinds):
    assert [d["kind"] for d in find_damage(raw)] == kinds
    assert "&" not in repair_text(raw).text or "&" in raw  # entities are never unescaped


@pytest.mark.parametrize(
    "raw",
    [
        "Will the council vote? Nobody knows.",
        "Why? Because the budget is short.",
        "See https://example.org/page?id=3 for details.",
        "R&D spending and AT&T rose; Q&A on Monday.",
        "Is it over?",
    ],
)
def test_real_question_marks_urls_and_ampersands_are_not_flagged(raw):
    assert find_damage(raw) == []


def test_repair_lines_returns_repaired_lines_normalisations_and_article_problems():
    lines = pd.DataFrame({
        "article_id": ["a", "a", "a", "b"],
        "line_no": [1, 2, 3, 1],
        "start": [0, 20, 60, 0],
        "text": ["Cityâ€™s budget", "?We will,? she said. ?No,? he said.", "Vote in B\u043eston", "Plain line."],
    })
    out = repair_lines(lines, files={"a": "a.txt"})
    assert out.lines["text"].tolist() == ["City\u2019s budget", lines.text[1], "Vote in Boston", "Plain line."]
    assert out.lines["repairs"].tolist() == ["4-5:4-7", "", "", ""]
    norms = out.normalisations
    assert norms["kind"].tolist() == ["mojibake", "lookalike"]
    assert norms["start"].tolist() == [4, 69]  # offsets in the file
    assert out.problems[["article_id", "file", "level"]].values.tolist() == [["a", "a.txt", "warning"]]
    assert "4 x '?'" in out.problems["problem"].iloc[0]


def test_repair_lines_on_clean_lines_has_no_records():
    lines = pd.DataFrame({"article_id": ["a"], "line_no": [1], "text": ["Nothing wrong here."]})
    out = repair_lines(lines)
    assert out.normalisations.empty and out.problems.empty
    assert list(out.problems.columns) == ["article_id", "file", "level", "problem"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcXYZ ?&;.,'\u2019\u00e9\u00e2\u20ac\u2122\u043e\u0430\u0441\u0416")), max_size=40))
def test_repair_is_idempotent_and_every_edit_maps_back(raw):
    r = repair_text(raw)
    # applying the recorded edits to the raw text gives the repaired text
    rebuilt, pos = [], 0
    for a, b, new in r.edits:
        assert a >= pos
        rebuilt += [raw[pos:a], new]
        pos = b
    assert "".join(rebuilt) + raw[pos:] == r.text
    assert r.to_raw_span(0, len(r.text)) == (0, len(raw))
    # folding is idempotent; ftfy's guesses on random strings of mojibake letters need not be
    folded = repair_text(raw, mojibake=False).text
    assert repair_text(folded, mojibake=False).text == folded
