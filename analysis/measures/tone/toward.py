"""Tone toward a target: is a sentence negative, neutral or positive about the person or group it names?

One sentence can praise one actor and attack another, so a tone measured on the whole sentence
serves every target in it alike. :func:`tone_toward` scores each target mention on its own.

Instruments (``INSTRUMENTS``):

* ``"newsmtsc"`` (the default): a classifier trained on NewsMTSC (Hamborg and Donnay 2021;
  ``data/validation/newsmtsc/``) over target-aware features (:mod:`.toward_features`). Its weights
  live in ``analysis/models/tone_toward.npz`` (plain arrays, no pickle) and are evaluated with
  numpy; ``python -m analysis.measures.tone.train_toward`` retrains them.
* ``"vader"`` and ``"textblob"``: the whole sentence's VADER compound or TextBlob polarity, labelled
  ``positive`` above 0.05 and ``negative`` below -0.05 (the same score for every target in the
  sentence): the lexicon baselines.
* ``"neutral"``: every target neutral, the floor any instrument has to beat.

``benchmarks/validity.py`` prints each instrument's macro-F1 on NewsMTSC's development splits.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

MODEL_FILE = Path(__file__).resolve().parents[2] / "models" / "tone_toward.npz"
LABELS = ("negative", "neutral", "positive")
INSTRUMENTS = ("newsmtsc", "vader", "textblob", "neutral")
DEFAULT_INSTRUMENT = "newsmtsc"
#: The lexicon baselines' label threshold on the compound or polarity score.
LEXICON_THRESHOLD = 0.05
REQUIRED = ("text", "start", "end")


def tone_toward(targets: pd.DataFrame, *, instrument: str | None = None) -> pd.DataFrame:
    """Tone of each sentence toward the target mention at ``text[start:end]``.

    Parameters
    ----------
    targets : DataFrame
        One row per target mention: ``text`` (the sentence), ``start`` and ``end`` (character
        offsets of the mention in ``text``). Other columns are ignored.
    instrument : str, optional
        One of ``INSTRUMENTS``; ``None`` means ``DEFAULT_INSTRUMENT``, the best-validated one.

    Returns
    -------
    DataFrame
        On the index of ``targets``: ``label`` (``negative``, ``neutral`` or ``positive``) and
        ``score`` (-1 to 1; for the trained model P(positive) - P(negative)).

    Examples
    --------
    >>> text = "Critics accused Smith of lying, while Jones won praise for her honesty."
    >>> rows = pd.DataFrame({"text": [text, text], "start": [16, 38], "end": [21, 43]})
    >>> tone_toward(rows)["label"].tolist()
    ['negative', 'positive']
    """
    name = DEFAULT_INSTRUMENT if instrument is None else instrument
    if name not in INSTRUMENTS:
        raise ValueError(f"instrument {name!r} is not one of {', '.join(INSTRUMENTS)}")
    check_targets(targets)
    if len(targets) == 0:
        return pd.DataFrame(
            {"label": pd.Series(dtype=object), "score": pd.Series(dtype=float)}, index=targets.index
        )
    if name == "newsmtsc":
        from analysis.measures.tone.toward_features import target_features

        probabilities = predict_proba(target_features(targets), load_model())
        label = np.asarray(LABELS, dtype=object)[probabilities.argmax(axis=1)]
        score = probabilities[:, LABELS.index("positive")] - probabilities[:, LABELS.index("negative")]
    elif name == "neutral":
        label = np.full(len(targets), "neutral", dtype=object)
        score = np.zeros(len(targets))
    else:
        score = np.array([_sentence_score(name, text) for text in targets["text"]], dtype=float)
        label = np.where(
            score > LEXICON_THRESHOLD, "positive", np.where(score < -LEXICON_THRESHOLD, "negative", "neutral")
        ).astype(object)
    return pd.DataFrame({"label": label, "score": np.clip(score, -1.0, 1.0)}, index=targets.index)


def check_targets(targets: pd.DataFrame) -> None:
    """Raise ``ValueError`` naming the first row (by index label) whose text or offsets are unusable."""
    if not isinstance(targets, pd.DataFrame):
        raise ValueError(f"targets must be a DataFrame with columns {', '.join(REQUIRED)}, not {type(targets).__name__}")
    missing = [c for c in REQUIRED if c not in targets.columns]
    if missing:
        raise ValueError(f"targets: missing column(s) {', '.join(missing)} (needs {', '.join(REQUIRED)})")
    for row, text, start, end in zip(targets.index, targets["text"], targets["start"], targets["end"]):
        if not isinstance(text, str):
            raise ValueError(f"targets row {row!r}: text is {type(text).__name__}, not a string")
        for column, value in (("start", start), ("end", end)):
            if isinstance(value, bool) or not isinstance(value, (int, np.integer, float, np.floating)) or (
                isinstance(value, (float, np.floating)) and not float(value).is_integer()
            ):
                raise ValueError(f"targets row {row!r}: {column} {value!r} is not a whole number")
        start, end = int(start), int(end)
        if start < 0:
            raise ValueError(f"targets row {row!r}: start {start} is negative")
        if end > len(text):
            raise ValueError(f"targets row {row!r}: end {end} is past the end of text ({len(text)} characters)")
        if start >= end:
            raise ValueError(f"targets row {row!r}: start {start} is not before end {end} (empty target)")


@lru_cache(maxsize=4)
def load_model(path: Path | str = MODEL_FILE) -> dict:
    """The trained model's arrays, read without pickle: ``mean``, ``scale``, ``layers`` and ``meta``."""
    with np.load(path, allow_pickle=False) as data:
        meta = json.loads(str(data["meta"]))
        layers = [(data[f"weight_{i}"].astype(np.float64), data[f"bias_{i}"].astype(np.float64))
                  for i in range(meta["n_layers"])]
        return {"mean": data["mean"].astype(np.float64), "scale": data["scale"].astype(np.float64),
                "layers": layers, "meta": meta}


def predict_proba(features: np.ndarray, model: dict) -> np.ndarray:
    """Class probabilities in ``LABELS`` order: standardise, then dense layers (ReLU between), softmax."""
    meta = model["meta"]
    if tuple(meta["classes"]) != LABELS:
        raise ValueError(f"model classes {meta['classes']} are not {list(LABELS)}")
    if features.shape[1] != len(model["mean"]):
        raise ValueError(f"features have {features.shape[1]} columns, the model expects {len(model['mean'])}")
    h = (features - model["mean"]) / model["scale"]
    for i, (weight, bias) in enumerate(model["layers"]):
        h = h @ weight + bias
        if i < len(model["layers"]) - 1:
            h = np.maximum(h, 0.0)
    h = h - h.max(axis=1, keepdims=True)
    p = np.exp(h)
    return p / p.sum(axis=1, keepdims=True)


def _sentence_score(name: str, text: str) -> float:
    from analysis.measures.tone.toward_features import _textblob, _vader

    if name == "vader":
        return float(_vader()[0].polarity_scores(text)["compound"])
    return float(_textblob()(text)[0]) if text.strip() else 0.0
