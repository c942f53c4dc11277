"""Tests for analysis.measures.tone.textblob_adapter: the lean TextBlob path gives exactly the package's numbers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.measures import tone
from analysis.measures.tone import textblob_adapter as T


def test_light_textblob_call_gives_the_same_numbers_and_assessments_as_a_textblob(bundled_text):
    from textblob import TextBlob

    text = bundled_text
    blob = TextBlob(text)
    light = T._textblob_scores(text)
    assert tuple(light) == tuple(blob.sentiment)
    assert light.assessments == blob.sentiment_assessments.assessments


TEXTBLOB_TRICKY_WORDS = [
    "good", "GOOD", "bad", "great", "terrible", "terribly", "horribly", "very", "really", "quite", "extremely",
    "not", "no", "never", "n't", "isn't", "don't", "a", "the", "an", "is", "it", "of", "so", "!", "!!", "(!)",
    "( ! )", "?", ".", "...", ",", ";", ":)", ": )", ":-)", ":D", "xD", "XD", ":(", ":'(", "<3", ">:P", "8)",
    ";)", "=/", "(", ")", "'", "\"", "\u201c", "\u201d", "\u2019", "U.S.", "Mr.", "e.g.", "etc.", "I'm",
    "you're", "we've", "she'd", "it'll", "dammit", "wonderful", "sad", "happy", "x", "Xxxx", "xxxx", "2",
    "\n\n", "\n", "\r\n", "\n\n\n", "can't", "it's", "\u2019s", "\u2018", "\u2018good\u2019", "'good'", "\"bad\"",
    ".)", "!)", "?!", "....", "a.", "U.S", "Dr.", "END-OF-SENTENCE", ":-.", "o.O", ">.>", "8-D", "x-D",
]


SEPARATORS = [" ", " ", " ", "  ", "\t", "\n", ""]


@st.composite
def textblob_tricky_texts(draw):
    words = draw(st.lists(st.sampled_from(TEXTBLOB_TRICKY_WORDS), max_size=14))
    gaps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words), max_size=len(words)))
    return "".join(g + w for g, w in zip(gaps, words)) + draw(st.sampled_from(["", " ", ".", "!", " ?"]))


def _assert_textblob_identical(texts):
    from textblob.en import sentiment as package

    for text in texts:
        expected, got = package(text), T._textblob_scores(text)
        assert tuple(got) == tuple(expected), text
        assert [type(v) for v in got] == [type(v) for v in expected], text
        assert got.assessments == expected.assessments, text


@settings(max_examples=3000, deadline=None)
@given(textblob_tricky_texts())
def test_lean_textblob_equals_the_package_on_tricky_strings(text):
    _assert_textblob_identical([text, tone.mask_untoned(text)[0]])


def test_lean_textblob_equals_the_package_on_every_bundled_sentence_masked_and_unmasked(real_sentences, invented):
    _assert_textblob_identical(real_sentences + invented + [tone.mask_untoned(t)[0] for t in real_sentences])


@pytest.mark.slow
def test_lean_textblob_equals_the_package_on_a_2000_article_synthetic_corpus(synthetic_masked):
    texts = synthetic_masked
    assert len(texts) > 50_000
    _assert_textblob_identical(texts)
