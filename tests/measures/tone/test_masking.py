"""Tests for analysis.measures.tone.masking: the masking rule, and what it changes in scores and evidence."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.measures import tone
from analysis.measures.tone import masking as M
from analysis.measures.tone import textblob_adapter as T
from analysis.measures.tone import vader_adapter as V


COLORLINES_LEDE = (
    "IBM CEO Arvind Krishna announced on Monday (June 8) that his company will no longer use "
    "facial recognition technology in their products, The Guardian reports."
)


def test_seed_articles_give_enough_real_sentences_to_test_on(real_sentences):
    assert len(real_sentences) > 50
    assert COLORLINES_LEDE in real_sentences


@pytest.mark.parametrize(
    "text, match, rule",
    [
        (COLORLINES_LEDE, "(June 8)", "bracketed number"),
        (COLORLINES_LEDE, "Monday", "capitalised word"),
        (COLORLINES_LEDE, "IBM CEO Arvind Krishna", "capitalised sequence"),
        ("The letter went to Rep. Karen Bass and others.", "Rep. Karen Bass", "capitalised sequence"),
        ("It wrote to Congress in October.", "Congress", "capitalised word"),
        ("A joint letter in 2019 from 30 groups.", "2019", "number"),
        ("A joint letter in 2019 from 30 groups.", "30", "number"),
        ("The law (1999) is old.", "(1999)", "bracketed number"),
        ("Sundar Pichai, Alphabet's CEO, said so.", "Sundar Pichai", "capitalised sequence"),
    ],
)
def test_names_dates_and_numbers_are_masked_by_the_rule_that_names_them(text, match, rule, make_sentences):
    spans = tone.masked_spans(make_sentences([text]))
    assert ((spans["match"] == match) & (spans["rule"] == rule)).any(), spans


@pytest.mark.parametrize(
    "text",
    [
        "Critics note the company was already trailing.",
        "I think this is great.",
        "Police reform - new federal rules should hold police accountable.",
        'He wrote: "We believe now is the time."',
        "Civil rights advocates have long criticized the use of the technology.",
        "The program (see below) is good.",
    ],
)
def test_ordinary_words_opening_a_sentence_or_clause_are_not_masked(text, make_sentences):
    assert tone.masked_spans(make_sentences([text])).empty


@pytest.mark.parametrize(
    "names, text, match",
    [
        (["Krishna"], "Krishna's letter was praised.", "Krishna's"),
        (["critics"], "Critics note the company was trailing.", "Critics"),
        (["security services"], "Investigative and security services use it.", "security services"),
        (["civil rights advocates"], "The civil-rights advocates objected.", "civil-rights advocates"),
        (["ICE"], "Agencies like ICE did not.", "ICE"),
    ],
)
def test_listed_names_are_masked_by_the_shared_matching_rule_even_when_they_open_a_sentence(names, text, match, make_sentences):
    spans = tone.masked_spans(make_sentences([text]), names=names)
    assert [match, "listed name"] in spans[["match", "rule"]].values.tolist()


def test_an_acronym_name_does_not_mask_the_lower_case_word(make_sentences):
    assert tone.masked_spans(make_sentences(["Slippery ice on roads."]), names=["ICE"]).empty


def test_names_can_be_given_as_an_actors_table_with_its_case_and_inflection_rules(make_sentences):
    actors = pd.DataFrame({"actor": ["X", "Y"], "cue": ["Bass", "officers"], "case_sensitive": [True, None],
                           "inflect": [True, False]})
    spans = tone.masked_spans(make_sentences(["Rep. Bass and the bass player met officers, not an officer."]), names=actors)
    assert spans["match"].tolist() == ["Rep. Bass", "officers"]


def test_the_colorlines_date_no_longer_reads_as_a_smiley(make_sentences):
    sentences = make_sentences([COLORLINES_LEDE])
    unmasked = tone.sentiment_evidence(sentences, mask=False)
    assert ("8)", "mood") in set(zip(unmasked["cue"], unmasked["label"]))
    assert tone.score_sentences(sentences, mask=False)["polarity"].iloc[0] > 0
    masked = tone.sentiment_evidence(sentences)
    assert "8)" not in set(masked["cue"])
    assert tone.score_sentences(sentences)["polarity"].iloc[0] == 0


@pytest.mark.parametrize(
    "text, measure, cue",
    [
        ("The letter went to Rep. Karen Bass and others.", "polarity", "bass"),
        ("Microsoft and Amazon have also been asking for regulation.", "vader_compound", "amazon"),
        ("The program funds Pell Grants for students.", "vader_compound", "grants"),
    ],
)
def test_a_name_that_is_also_a_lexicon_word_carries_no_tone_once_masked(text, measure, cue, make_sentences):
    sentences = make_sentences([text])
    assert tone.score_sentences(sentences, mask=False)[measure].iloc[0] != 0
    assert cue in set(tone.sentiment_evidence(sentences, mask=False)["cue"])
    assert tone.score_sentences(sentences)[measure].iloc[0] == 0
    assert cue not in set(tone.sentiment_evidence(sentences)["cue"])


def test_masking_effect_lists_only_the_sentences_whose_scores_changed(make_sentences):
    effect = tone.masking_effect(make_sentences([COLORLINES_LEDE, "The protest was peaceful."]))
    assert set(effect["sentence_id"]) == {"a-s001"}
    assert set(effect["measure"]) == {"polarity", "vader_compound"}
    assert "(June 8)" in effect["masked_spans"].iloc[0]


@pytest.mark.parametrize("k", range(1, 16))
def test_the_mask_placeholders_are_in_neither_lexicon(k):
    for word in ("x" * k, "X" * k, "X" + "x" * (k - 1)):
        assert word.lower() not in V._vader().lexicon
        assert word.lower() not in T._textblob()
        scored = tone.score_sentences(pd.DataFrame({"text": [f"{word} {word}."]}), mask=False)
        assert scored[["polarity", "vader_compound"]].abs().sum().sum() == 0


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("Ab cD(8)9,.:'-\"Zq \n"), max_size=60))
def test_masking_keeps_length_whitespace_and_capitals(text):
    masked, spans = tone.mask_untoned(text)
    assert len(masked) == len(text)
    for a, b in zip(text, masked):
        assert a.isspace() == b.isspace()
    for a, b, _ in spans:
        assert 0 <= a < b <= len(text)
    for word, new in zip(text.split(), masked.split()):
        assert word.isupper() == new.isupper()


def _mask_character_by_character(text, spans):
    """The masking rule written out plainly: every character of a span inside a token, by that token's capitals."""
    chars = list(text)
    for token in __import__("re").finditer(r"\S+", text):
        upper = token.group().isupper()
        for k in range(token.start(), token.end()):
            if any(a <= k < b for a, b, _ in spans):
                chars[k] = "X" if text[k].isupper() or (upper and not text[k].islower()) else "x"
    return "".join(chars)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("Ab cD(8)9,.:'-\"Zq \n\u00a0\tßİǅ$%") + ["Rep. ", "IBM's ", "NEW YORK "]), max_size=30).map("".join))
def test_the_mask_writes_the_same_characters_as_the_plain_rule(text):
    spans = M._find_untoned(text, None)
    assert M._apply_mask(text, spans) == _mask_character_by_character(text, spans)


def test_the_mask_of_real_sentences_follows_the_plain_rule(real_sentences):
    for text in real_sentences:
        spans = M._find_untoned(text, None)
        assert M._apply_mask(text, spans) == _mask_character_by_character(text, spans)
