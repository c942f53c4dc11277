"""Tests for analysis.measures.tone.labels."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures import tone


@pytest.mark.parametrize(
    "value, label",
    [(0.05, "positive"), (0.0499, "neutral"), (0.0, "neutral"), (-0.0499, "neutral"), (-0.05, "negative"), (1.0, "positive")],
)
def test_labels_use_the_stated_threshold_inclusively(value, label):
    labelled = tone.label_tone(pd.DataFrame({"polarity": [value], "vader_compound": [value]}))
    assert labelled["polarity_label"].iloc[0] == label
    assert labelled["vader_compound_label"].iloc[0] == label
