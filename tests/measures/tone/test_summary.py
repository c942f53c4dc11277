"""Tests for analysis.measures.tone.summary: tone_summary and targeted_tone."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.measures import tone


@pytest.mark.parametrize(
    "values",
    [
        [0.0] * 20 + [0.9],
        [0.5, -0.5, 0.1, 0.0, 0.2, -0.3, 0.4, 0.0, 0.0, 0.7, -0.1, 0.05],
        [0.3],
        [0.2, 0.2, 0.2],
        list(np.linspace(-1, 1, 41)),
    ],
)
def test_bootstrap_interval_contains_the_mean(values):
    table = pd.DataFrame({"outlet": "A", "polarity": values})
    row = tone.tone_summary(table, measures=["polarity"]).iloc[0]
    assert row["ci_low"] <= row["mean"] <= row["ci_high"]
    assert math.isclose(row["mean"], float(np.mean(values)))
    assert math.isclose(row["share_positive"] + row["share_neutral"] + row["share_negative"], 1.0)


def test_summary_counts_shares_and_flags_small_groups():
    table = pd.DataFrame(
        {"outlet": ["A"] * 10 + ["B"] * 3, "polarity": [0.5] * 5 + [0.0] * 3 + [-0.5] * 2 + [0.1, 0.0, 0.0]}
    )
    summary = tone.tone_summary(table, measures=["polarity"]).set_index("outlet")
    assert summary.loc["A", ["n", "share_positive", "share_neutral", "share_negative"]].tolist() == [10, 0.5, 0.3, 0.2]
    assert summary["small_n"].to_dict() == {"A": False, "B": True}


def test_summary_is_reproducible_and_works_by_article_and_by_several_columns():
    table = pd.DataFrame(
        {"outlet": list("AABB"), "article_id": ["a1", "a2", "b1", "b1"], "polarity": [0.1, 0.3, -0.2, 0.4]}
    )
    first = tone.tone_summary(table, by="article_id", measures=["polarity"])
    assert first.equals(tone.tone_summary(table, by="article_id", measures=["polarity"]))
    assert first["article_id"].tolist() == ["a1", "a2", "b1"]
    both = tone.tone_summary(table, by=["outlet", "article_id"], measures=["polarity"])
    assert list(both.columns[:3]) == ["outlet", "article_id", "measure"]


def _scored_for_targets() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "sentence_id": ["s1", "s2", "s3", "s4"],
            "article_id": ["a", "a", "b", "b"],
            "outlet": ["A", "A", "B", "B"],
            "text": ["IBM and Congress.", "IBM IBM.", "Congress.", "Nothing."],
            "polarity": [0.4, -0.2, 0.1, 0.9],
            "vader_compound": [0.5, 0.0, -0.5, 0.9],
        }
    )


def test_targeted_tone_counts_a_sentence_once_per_actor_and_for_every_actor_it_names():
    mentions = pd.DataFrame(
        {
            "sentence_id": ["s1", "s1", "s2", "s2", "s3"],
            "article_id": ["a", "a", "a", "a", "b"],
            "outlet": ["A", "A", "A", "A", "B"],
            "actor": ["IBM", "Congress", "IBM", "IBM", "Congress"],
            "type": ["company", "government", "company", "company", "government"],
        }
    )
    out = tone.targeted_tone(_scored_for_targets(), mentions, measures=["polarity"])
    got = {(r.actor, r.outlet): (r.n, round(r.mean, 6), r.type) for r in out.itertuples()}
    assert got == {
        ("Congress", "A"): (1, 0.4, "government"),
        ("Congress", "B"): (1, 0.1, "government"),
        ("IBM", "A"): (2, 0.1, "company"),
    }
    assert out["small_n"].all()
    assert (out["ci_low"] <= out["mean"]).all() and (out["mean"] <= out["ci_high"]).all()


def test_targeted_tone_rejects_mentions_of_sentences_it_has_not_scored():
    mentions = pd.DataFrame({"sentence_id": ["s9"], "actor": ["IBM"]})
    with pytest.raises(ValueError, match="s9"):
        tone.targeted_tone(_scored_for_targets(), mentions)


def test_targeted_tone_accepts_the_emphasis_mentions_table():
    from analysis.measures.actors import actor_mentions
    actors = pd.DataFrame(
        {"actor": ["IBM", "Congress"], "type": ["company", "government"], "cue": ["IBM", "Congress"],
         "case_sensitive": [None, None], "inflect": [True, True], "source": ["test", "test"]}
    )
    scored = _scored_for_targets().assign(start=0)
    mentions = actor_mentions(scored, actors)
    out = tone.targeted_tone(scored, mentions, measures=["vader_compound"])
    assert out.set_index(["actor", "outlet"])["n"].to_dict() == {("Congress", "A"): 1, ("Congress", "B"): 1, ("IBM", "A"): 2}
