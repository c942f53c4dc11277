"""Tests for analysis.measures.tone.vader_adapter: the fast VADER path gives exactly the package's numbers."""

from __future__ import annotations

import functools
import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.measures import tone
from analysis.measures.tone import vader_adapter as V


def test_vader_valences_used_as_evidence_reproduce_polarity_scores(bundled_or_emoji_text):
    text = bundled_or_emoji_text
    *_, scores = V._vader_valences(text)
    assert scores == V._vader().polarity_scores(text)


TRICKY_WORDS = [
    "good", "GOOD", "Good", "bad", "BAD", "great", "horrible", "fair", "unfair", "love", "hate", "very", "VERY",
    "extremely", "slightly", "barely", "kind", "of", "sort", "not", "NOT", "isn't", "ain't", "don't", "never",
    "so", "this", "without", "doubt", "no", "nor", "or", "least", "at", "but", "BUT", "yet", "the", "shit",
    "bomb", "bad ass", "cut the mustard", "hand to mouth", "yeah right", "kiss of death", "to die for",
    ":)", ":(", ":-D", "<3", "(!)", "lol", "!", "!!", "?", "??", "???", "????", ",", ".", "...", "'", "\"",
    "good!", "bad?", "(good)", "nice.", "😁", "💘", "🙂", "x", "X", "Xxxx", "İstanbul", "wonderful",
    "n't", "hardly", "uh-uh", "despite", "effing", "frackin", "hella",
]


SEPARATORS = [" ", " ", " ", "  ", "\t", "\n", ""]


@st.composite
def tricky_texts(draw):
    words = draw(st.lists(st.sampled_from(TRICKY_WORDS), max_size=14))
    gaps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words), max_size=len(words)))
    return "".join(g + w for g, w in zip(gaps, words)) + draw(st.sampled_from(["", " ", ".", "!", " ?"]))


@functools.lru_cache(maxsize=1)
def _package_vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _assert_vader_identical(texts):
    package, fast = _package_vader(), V._vader()
    for text in texts:
        expected, got = package.polarity_scores(text), fast.polarity_scores(text)
        assert got == expected, text
        assert [type(v) for v in got.values()] == [type(v) for v in expected.values()], text


@settings(max_examples=3000, deadline=None)
@given(tricky_texts())
def test_fast_vader_equals_the_package_on_tricky_strings(text):
    _assert_vader_identical([text, tone.mask_untoned(text)[0]])


def test_fast_vader_equals_the_package_on_every_bundled_sentence_masked_and_unmasked(real_sentences, invented):
    _assert_vader_identical(real_sentences + invented + [tone.mask_untoned(t)[0] for t in real_sentences])


@pytest.mark.slow
def test_fast_vader_equals_the_package_on_a_2000_article_synthetic_corpus(synthetic_masked):
    texts = synthetic_masked
    assert len(texts) > 50_000
    _assert_vader_identical(texts)
