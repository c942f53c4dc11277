"""Tests for analysis.measures.tone.agreement: how far the instruments agree."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.measures import tone


def test_instruments_that_agree_exactly_have_correlation_and_kappa_one():
    values = [0.5, -0.4, 0.0, 0.3, -0.1, 0.0]
    table = pd.DataFrame({"outlet": "A", "polarity": values, "vader_compound": values})
    row = tone.instrument_agreement(table).set_index("outlet").loc["all"]
    assert row[["n", "pearson", "spearman", "same_label", "kappa"]].tolist() == pytest.approx([6, 1, 1, 1, 1])


def test_instruments_that_disagree_in_sign_have_negative_correlation_and_no_shared_labels():
    values = np.array([0.5, -0.4, 0.3, -0.1])
    table = pd.DataFrame({"polarity": values, "vader_compound": -values})
    row = tone.instrument_agreement(table, by=None).iloc[0]
    assert row["pearson"] == pytest.approx(-1)
    assert row["same_label"] == 0
    assert row["kappa"] < 0


def test_agreement_correlation_is_undefined_when_one_instrument_is_constant():
    table = pd.DataFrame({"outlet": "A", "polarity": [0.0, 0.0, 0.0], "vader_compound": [0.1, 0.5, -0.2]})
    row = tone.instrument_agreement(table).iloc[0]
    assert math.isnan(row["pearson"]) and math.isnan(row["spearman"])


def test_label_crosstab_shows_every_label_pair_and_counts_every_sentence():
    table = pd.DataFrame({"polarity": [0.5, 0.5, 0.0, -0.3], "vader_compound": [0.6, -0.2, 0.0, 0.0]})
    tab = tone.label_crosstab(table)
    assert tab.shape == (3, 3)
    assert tab.to_numpy().sum() == 4
    assert tab.loc["positive", "negative"] == 1
    assert tab.loc["negative", "neutral"] == 1
