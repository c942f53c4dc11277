"""Tests for analysis.measures.tone.extremes."""

from __future__ import annotations

import pandas as pd

from analysis.measures import tone


def test_extreme_sentences_pick_the_top_and_bottom_of_each_outlet_with_their_words(make_sentences):
    sentences = pd.concat(
        [
            make_sentences(["A wonderful, happy day.", "A terrible, awful day.", "A day."], outlet="A", article_id="a"),
            make_sentences(["A good day.", "A bad day."], outlet="B", article_id="b"),
        ],
        ignore_index=True,
    )
    scored = tone.score_sentences(sentences)
    evidence = tone.sentiment_evidence(sentences)
    out = tone.extreme_sentences(scored, evidence)
    assert out[["outlet", "end", "sentence_id"]].values.tolist() == [
        ["A", "most positive", "a-s001"],
        ["A", "most negative", "a-s002"],
        ["B", "most positive", "b-s001"],
        ["B", "most negative", "b-s002"],
    ]
    assert "wonderful" in out["vader_evidence"].iloc[0]
    assert "terrible" in out["textblob_evidence"].iloc[1]
