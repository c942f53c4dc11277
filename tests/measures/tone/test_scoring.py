"""Tests for analysis.measures.tone.scoring: score_sentences and masking_effect."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.measures import tone


def test_score_sentences_matches_textblob_sentiment_exactly_when_unmasked(make_sentences, real_sentences):
    from textblob import TextBlob

    scored = tone.score_sentences(make_sentences(real_sentences), mask=False)
    expected = [TextBlob(t).sentiment for t in real_sentences]
    assert scored["polarity"].tolist() == [e.polarity for e in expected]
    assert scored["subjectivity"].tolist() == [e.subjectivity for e in expected]


def test_score_sentences_keeps_input_columns_and_adds_every_tone_column(make_sentences, invented):
    sentences = make_sentences(invented).assign(extra=1)
    scored = tone.score_sentences(sentences)
    assert list(scored.columns[: sentences.shape[1]]) == list(sentences.columns)
    assert set(tone.TONE_COLUMNS) <= set(scored.columns)
    assert scored["extra"].eq(1).all()
    assert "polarity" not in sentences.columns  # the input is not modified


def test_score_sentences_with_one_method_adds_only_its_columns(make_sentences, invented):
    scored = tone.score_sentences(make_sentences(invented), methods=("vader",))
    assert "vader_compound" in scored.columns
    assert "polarity" not in scored.columns


def test_unknown_method_is_an_error_naming_it(make_sentences, invented):
    with pytest.raises(ValueError, match="sentistrength"):
        tone.score_sentences(make_sentences(invented), methods=("sentistrength",))


def test_missing_text_column_is_an_error_naming_the_column():
    with pytest.raises(ValueError, match="text"):
        tone.score_sentences(pd.DataFrame({"sentence": ["x"]}))


@pytest.mark.parametrize(
    "text, sign",
    [
        ("The protest was peaceful and the response was fair.", 1),
        ("The crackdown was violent, brutal and deeply unfair!", -1),
        ("The letter was sent on Tuesday.", 0),
    ],
)
def test_both_instruments_read_the_direction_of_plain_sentences(text, sign, make_sentences):
    scored = tone.score_sentences(make_sentences([text]))
    assert np.sign(scored["polarity"].iloc[0]) == sign
    assert np.sign(scored["vader_compound"].iloc[0]) == sign


def test_masking_effect_reuses_scores_it_is_given_and_refuses_other_rows():
    s = pd.DataFrame({"sentence_id": ["a-s001", "a-s002"], "article_id": ["a", "a"], "outlet": ["X", "X"],
                      "text": ["He spoke on Monday (June 8) to the press.", "A fair and peaceful protest."]})
    scored = tone.score_sentences(s)
    pd.testing.assert_frame_equal(tone.masking_effect(s, scored=scored), tone.masking_effect(s))
    with pytest.raises(ValueError, match="not the sentences' rows"):
        tone.masking_effect(s, scored=scored.iloc[::-1])
