"""Tone toward a target: shapes, labels, input checks, determinism, clear invented cases, retraining."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.measures.tone.toward import INSTRUMENTS, LABELS, MODEL_FILE, load_model, predict_proba, tone_toward
from analysis.measures.tone.train_toward import CONFIG, fit_model, load_newsmtsc, save_model
from analysis.measures.tone.toward_features import target_features, wordllama


def rows(*pairs: tuple[str, str]) -> pd.DataFrame:
    """A targets table from (sentence, mention) pairs; the mention's first occurrence is the target."""
    out = []
    for text, mention in pairs:
        start = text.index(mention)
        out.append({"text": text, "start": start, "end": start + len(mention)})
    return pd.DataFrame(out)


# Invented sentences (not NewsMTSC's) where the tone toward the named target is not in doubt.
CLEAR = [
    ("The mayor was praised by residents for her brave and generous leadership during the flood.", "The mayor", "positive"),
    ("Investigators said the senator lied, stole money from the charity and threatened witnesses.", "the senator", "negative"),
    ("Critics slammed Governor Palmer as a corrupt, incompetent disgrace.", "Governor Palmer", "negative"),
    ("Fans celebrated Coach Rivera, calling her a brilliant and inspiring leader.", "Coach Rivera", "positive"),
    ("The committee will meet on Tuesday to discuss the budget with Director Hale.", "Director Hale", "neutral"),
    ("Protesters accused Minister Grant of a shameful cover-up and demanded his resignation.", "Minister Grant", "negative"),
]


@pytest.mark.parametrize("text, mention, expected", CLEAR, ids=[c[2] + "-" + c[1] for c in CLEAR])
def test_the_trained_model_reads_an_unambiguous_sentence_right(text, mention, expected):
    assert tone_toward(rows((text, mention)))["label"].iloc[0] == expected


def test_two_targets_of_one_sentence_can_get_opposite_labels():
    text = "Voters adored Senator Lee for his honesty, but they despised the corrupt Governor Moss."
    result = tone_toward(rows((text, "Senator Lee"), (text, "the corrupt Governor Moss")))
    assert result["label"].tolist() == ["positive", "negative"]
    assert result["score"].iloc[0] > 0 > result["score"].iloc[1]


@pytest.mark.parametrize("instrument", [None, *INSTRUMENTS])
def test_result_has_label_and_score_on_the_same_index(instrument):
    targets = rows(*((t, m) for t, m, _ in CLEAR)).set_axis([f"t{i}" for i in range(len(CLEAR))])
    result = tone_toward(targets, instrument=instrument)
    assert list(result.columns) == ["label", "score"]
    assert result.index.equals(targets.index)
    assert set(result["label"]) <= set(LABELS)
    assert result["score"].between(-1, 1).all()


@pytest.mark.parametrize("instrument", INSTRUMENTS)
def test_empty_input_gives_an_empty_frame_with_the_columns(instrument):
    result = tone_toward(pd.DataFrame({"text": [], "start": [], "end": []}), instrument=instrument)
    assert result.empty and list(result.columns) == ["label", "score"]


def test_lexicon_baselines_give_every_target_of_a_sentence_the_same_label():
    text = "Voters adored Senator Lee for his honesty, but they despised the corrupt Governor Moss."
    for instrument in ("vader", "textblob"):
        result = tone_toward(rows((text, "Senator Lee"), (text, "Governor Moss")), instrument=instrument)
        assert result["label"].nunique() == 1 and result["score"].nunique() == 1


def test_the_neutral_instrument_says_neutral_with_score_zero():
    result = tone_toward(rows(*((t, m) for t, m, _ in CLEAR)), instrument="neutral")
    assert (result["label"] == "neutral").all() and (result["score"] == 0).all()


@pytest.mark.parametrize(
    "table, message",
    [
        (pd.DataFrame({"text": ["Ann met Bo."], "start": [0]}), "missing column(s) end"),
        (pd.DataFrame({"text": ["Ann met Bo."], "start": [0], "end": [40]}), "row 0: end 40 is past the end of text (11 characters)"),
        (pd.DataFrame({"text": ["Ann met Bo."], "start": [-1], "end": [3]}), "row 0: start -1 is negative"),
        (pd.DataFrame({"text": ["Ann met Bo."], "start": [3], "end": [3]}), "row 0: start 3 is not before end 3"),
        (pd.DataFrame({"text": ["Ann met Bo.", 42], "start": [0, 0], "end": [3, 3]}), "row 1: text is int, not a string"),
        (pd.DataFrame({"text": ["Ann met Bo."], "start": [0.5], "end": [3]}), "row 0: start 0.5 is not a whole number"),
        (pd.DataFrame({"text": ["Ann met Bo."], "start": ["0"], "end": [3]}), "row 0: start '0' is not a whole number"),
    ],
)
def test_bad_input_raises_one_line_error_naming_the_row_and_problem(table, message):
    with pytest.raises(ValueError) as error:
        tone_toward(table)
    assert message in str(error.value)
    assert "\n" not in str(error.value)


def test_unknown_instrument_is_refused():
    with pytest.raises(ValueError, match="instrument 'bert' is not one of"):
        tone_toward(rows(CLEAR[0][:2]), instrument="bert")


def test_scores_are_deterministic_and_do_not_depend_on_batch_company():
    targets = rows(*((t, m) for t, m, _ in CLEAR))
    first = tone_toward(targets)
    again = tone_toward(targets)
    alone = pd.concat([tone_toward(targets.iloc[[i]]) for i in range(len(targets))])
    pd.testing.assert_frame_equal(first, again)
    pd.testing.assert_frame_equal(first, alone, check_exact=False, atol=1e-9)


def test_the_embedding_loads_from_the_wheel_without_a_download():
    model = wordllama()
    assert model.embedding.shape == (32000, 256)


def test_the_committed_model_is_read_without_pickle_and_names_its_classes():
    model = load_model(MODEL_FILE)
    assert model["meta"]["classes"] == list(LABELS)
    assert model["meta"]["config"] == CONFIG
    assert len(model["mean"]) == model["layers"][0][0].shape[0]


def test_predict_proba_rows_sum_to_one():
    features = target_features(rows(*((t, m) for t, m, _ in CLEAR)))
    p = predict_proba(features, load_model(MODEL_FILE))
    assert p.shape == (len(CLEAR), 3)
    np.testing.assert_allclose(p.sum(axis=1), 1.0)


def test_newsmtsc_offsets_point_at_their_targets():
    dev = load_newsmtsc("dev_rw")
    assert (dev.apply(lambda r: r.text[r.start : r.end], axis=1) == dev["target"]).all()
    assert set(dev["label"]) == set(LABELS)


def test_retraining_on_a_subset_writes_the_same_bytes_twice(tmp_path):
    train = load_newsmtsc("train").iloc[:600]
    a = save_model(fit_model(train), tmp_path / "a.npz")
    b = save_model(fit_model(train), tmp_path / "b.npz")
    assert a.read_bytes() == b.read_bytes()


def test_full_retraining_reproduces_the_committed_model(tmp_path):
    fresh = load_model(save_model(fit_model(load_newsmtsc("train")), tmp_path / "fresh.npz"))
    committed = load_model(MODEL_FILE)
    assert fresh["meta"] == committed["meta"]
    for (w1, b1), (w2, b2) in zip(fresh["layers"], committed["layers"]):
        np.testing.assert_allclose(w1, w2, atol=1e-4)
        np.testing.assert_allclose(b1, b2, atol=1e-4)
    dev = load_newsmtsc("dev_mt")
    features = target_features(dev)
    same = predict_proba(features, fresh).argmax(1) == predict_proba(features, committed).argmax(1)
    assert same.mean() > 0.995
