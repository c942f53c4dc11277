"""Tests for analysis.measures.tone.instruments: the interface, the registry, and a third instrument flowing through."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures import tone
from analysis.measures.tone import instruments as I


def test_the_default_registry_is_textblob_then_vader_with_todays_measures_and_columns():
    assert list(tone.INSTRUMENTS) == ["textblob", "vader"]
    assert tone.MEASURES == {"polarity": "TextBlob polarity", "vader_compound": "VADER compound"}
    assert tone.TONE_COLUMNS == ["polarity", "subjectivity", "vader_compound", "vader_pos", "vader_neu", "vader_neg"]
    for instrument in tone.INSTRUMENTS.values():
        scores = instrument.score("A fair and peaceful protest.")
        assert list(scores) == list(instrument.columns)
        assert all(isinstance(v, float) for v in scores.values())
        assert instrument.threshold == tone.THRESHOLD


def test_an_unknown_instrument_is_named_with_the_registered_ones():
    with pytest.raises(ValueError, match=r"\['sentistrength'\]; use 'textblob' and/or 'vader'"):
        I.instruments(["sentistrength"])


@pytest.mark.parametrize("change, message", [({"name": "vader"}, "registered already"),
                                             ({"measure": "nothing"}, "not one of its columns"),
                                             ({"columns": ("polarity", "length")}, "another instrument")])
def test_register_refuses_a_clash(change, message):
    fields = {"name": "length", "title": "Length", "measures": "x", "columns": ("length",), "measure": "length",
              "label": "Length", "score": len, "evidence": lambda text: []}
    with pytest.raises(ValueError, match=message):
        I.register(I.Instrument(**{**fields, **change}))


def _exclamations(text: str) -> dict[str, float]:
    return {"bang": float(min(1.0, text.count("!") / 2))}


def _exclamation_evidence(text: str) -> list[dict]:
    return [{"method": "bang", "cue": "!", "words": "!", "modifiers": "", "lexicon_score": 0.5, "score": 0.5,
             "subjectivity": float("nan"), "label": "", "start": k, "end": k + 1}
            for k, ch in enumerate(text) if ch == "!"]


@pytest.fixture
def third_instrument():
    """A toy instrument (exclamation marks) registered for one test, and the registry restored after it."""
    saved = dict(I.INSTRUMENTS), dict(I.MEASURES), list(I.TONE_COLUMNS)
    I.register(I.Instrument(name="bang", title="Bang", measures="exclamation marks", columns=("bang",),
                            measure="bang", label="Bang share", score=_exclamations,
                            evidence=_exclamation_evidence, evidence_format="+.1f", threshold=0.25))
    yield
    I.INSTRUMENTS.clear(), I.INSTRUMENTS.update(saved[0])
    I.MEASURES.clear(), I.MEASURES.update(saved[1])
    I.TONE_COLUMNS[:] = saved[2]


def test_a_registered_instrument_flows_through_scoring_evidence_and_comparisons(third_instrument):
    sentences = pd.DataFrame({"sentence_id": ["a-s001", "a-s002", "b-s001"], "article_id": ["a", "a", "b"],
                              "outlet": ["A", "A", "B"], "text": ["Great news!", "Awful!!", "A day."]})
    scored = tone.score_sentences(sentences)
    assert list(scored.columns[-7:]) == tone.TONE_COLUMNS[:6] + ["bang"]
    assert scored["bang"].tolist() == [0.5, 1.0, 0.0]
    evidence = tone.sentiment_evidence(sentences)
    assert list(dict.fromkeys(evidence["method"])) == ["textblob", "vader", "bang"]
    summary = tone.tone_summary(scored, n_boot=50)
    assert list(dict.fromkeys(summary["measure"])) == ["polarity", "vader_compound", "bang"]
    assert summary.set_index(["outlet", "measure"]).loc[("A", "bang"), "share_positive"] == 1.0
    assert set(tone.tone_difference(scored, n_boot=50, n_perm=50)["measure"]) == {"polarity", "vader_compound", "bang"}
    assert tone.label_tone(scored)["bang_label"].tolist() == ["positive", "positive", "neutral"]
    agreement = tone.instrument_agreement(scored)
    assert set(zip(agreement["instrument"], agreement["compared_with"])) == {
        ("textblob", "vader"), ("textblob", "bang"), ("vader", "bang")}
    assert tone.label_crosstab(scored, instruments=["vader", "bang"]).index.name == "VADER"
    extremes = tone.extreme_sentences(scored, evidence, measure="bang")
    assert extremes.loc[0, "bang_evidence"] == "! +0.5, ! +0.5"


def test_one_instrument_can_be_chosen_and_its_columns_alone_are_written(third_instrument):
    scored = tone.score_sentences(pd.DataFrame({"text": ["Yes!"]}), methods=["bang"])
    assert list(scored.columns) == ["text", "scored_text", "bang"]
