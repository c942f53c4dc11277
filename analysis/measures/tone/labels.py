"""Labels: each headline measure read as negative, neutral or positive at its instrument's threshold."""

from __future__ import annotations

import pandas as pd

from analysis.measures.tone.instruments import LABELS, MEASURES, label_values, threshold_of

__all__ = ["label_tone"]


def label_tone(scored: pd.DataFrame, *, threshold: float | None = None) -> pd.DataFrame:
    """Add a ``<measure>_label`` column (negative / neutral / positive) for each measure present.

    Positive is a score ``>= threshold``, negative ``<= -threshold``; by default each
    instrument's own threshold (:data:`~analysis.measures.tone.instruments.THRESHOLD` for both).

    >>> label_tone(pd.DataFrame({"polarity": [0.3, 0.0, -0.05]}))["polarity_label"].tolist()
    ['positive', 'neutral', 'negative']
    """
    out = scored.copy()
    for measure in MEASURES:
        if measure in out.columns:
            labels = label_values(out[measure], threshold_of(measure, threshold))
            out[f"{measure}_label"] = pd.Categorical(labels, categories=LABELS)
    return out
