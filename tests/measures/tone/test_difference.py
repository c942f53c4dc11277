"""Tests for analysis.measures.tone.difference: tone_difference."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.measures import tone


def test_permutation_p_value_is_one_for_identical_groups():
    values = [0.1, 0.0, -0.3, 0.5, 0.0, 0.2]
    table = pd.DataFrame({"outlet": ["A"] * 6 + ["B"] * 6, "polarity": values * 2})
    row = tone.tone_difference(table, measures=["polarity"]).iloc[0]
    assert row["difference"] == 0
    assert row["p_value"] == 1.0


@pytest.mark.parametrize("shift, small", [(0.0, False), (0.05, False), (1.0, True)])
def test_permutation_p_value_is_a_probability_and_small_only_for_a_real_shift(shift, small):
    rng = np.random.default_rng(1)
    a = rng.normal(0, 0.2, 30)
    b = rng.normal(shift, 0.2, 30)
    table = pd.DataFrame({"outlet": ["A"] * 30 + ["B"] * 30, "polarity": np.concatenate([a, b])})
    row = tone.tone_difference(table, measures=["polarity"], n_perm=2000).iloc[0]
    assert 0 < row["p_value"] <= 1
    assert bool(row["p_value"] < 0.01) == small
    assert row["ci_low"] <= row["difference"] <= row["ci_high"]
    assert math.isclose(row["difference"], a.mean() - b.mean())


def test_two_outlets_give_one_comparison_per_measure():
    table = pd.DataFrame({"outlet": list("AABB"), "polarity": [0.1, 0.3, 0.0, 0.0], "vader_compound": [0.2, 0.0, -0.1, 0.0]})
    diff = tone.tone_difference(table)
    assert diff[["measure", "outlet", "compared_with"]].values.tolist() == [
        ["polarity", "A", "B"],
        ["vader_compound", "A", "B"],
    ]
    assert diff["small_n"].all()
    assert (diff["p_adjusted"] == diff["p_value"]).all()


@pytest.mark.parametrize("pairwise, expected", [(None, [("A", "rest"), ("B", "rest"), ("C", "rest")]), (True, [("A", "B"), ("A", "C"), ("B", "C")])])
def test_three_outlets_are_compared_one_against_the_rest_or_pairwise(pairwise, expected):
    rng = np.random.default_rng(2)
    table = pd.DataFrame({"outlet": np.repeat(list("ABC"), 12), "polarity": rng.normal(0, 0.3, 36)})
    diff = tone.tone_difference(table, measures=["polarity"], pairwise=pairwise, n_perm=500)
    assert list(zip(diff["outlet"], diff["compared_with"])) == expected
    assert (diff["p_adjusted"] >= diff["p_value"]).all()
    assert diff["p_adjusted"].between(0, 1).all()
    rest = table[table["outlet"] != "A"]["polarity"].mean() if pairwise is None else table[table["outlet"] == "B"]["polarity"].mean()
    assert math.isclose(diff["mean_other"].iloc[0], rest)


def test_a_single_group_gives_an_empty_comparison_table_with_its_columns():
    diff = tone.tone_difference(pd.DataFrame({"outlet": ["A", "A"], "polarity": [0.1, 0.2]}), measures=["polarity"])
    assert diff.empty
    assert {"outlet", "compared_with", "difference", "p_value"} <= set(diff.columns)
