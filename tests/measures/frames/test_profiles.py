"""Tests for analysis.measures.frames.profiles: shares per outlet, each outlet against the rest, and their intervals."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.measures.frames import frame_difference, frame_profile
from analysis.stats import bootstrap


def test_profile_counts_sentences_not_cue_matches(two_outlets):
    s, d = two_outlets
    p = frame_profile(s, d, frames=["Economic", "Political", "Health"], n_boot=100).set_index(["outlet", "frame"])
    assert p.loc[("A", "Political"), "n_invoking"] == 2
    assert p.loc[("A", "Political"), "share"] == 0.5
    assert p.loc[("A", "Economic"), "share"] == 0.25
    assert p.loc[("A", "Other"), "share"] == 0.5
    assert p.loc[("A", "Health"), "share"] == 0  # a frame that never fired still has a row
    assert p.loc[("B", "Other"), "share"] == 1 and p.loc[("B", "Political"), "share"] == 0
    assert (p["n_sentences"] == p.index.get_level_values("outlet").map({"A": 4, "B": 2})).all()


def test_profile_intervals_contain_the_share_and_stay_in_0_1(two_outlets):
    s, d = two_outlets
    p = frame_profile(s, d, n_boot=500)
    assert ((p["low"] <= p["share"]) & (p["share"] <= p["high"])).all()
    assert p["low"].min() >= 0 and p["high"].max() <= 1
    assert (p["high"] - p["low"]).max() > 0


def test_profile_is_reproducible_with_a_seed(two_outlets):
    s, d = two_outlets
    a = frame_profile(s, d, n_boot=300, seed=1)
    pd.testing.assert_frame_equal(a, frame_profile(s, d, n_boot=300, seed=1))
    assert not a.equals(frame_profile(s, d, n_boot=300, seed=1, level=0.5))


def test_paragraph_bootstrap_is_wider_when_frames_cluster_in_paragraphs():
    s = pd.DataFrame(
        {
            "sentence_id": [f"s{i}" for i in range(12)],
            "article_id": ["a"] * 12,
            "outlet": ["A"] * 12,
            "paragraph_no": [1] * 6 + [2] * 6,
        }
    )
    d = pd.DataFrame({"sentence_id": [f"s{i}" for i in range(6)], "frame": ["Political"] * 6})
    by_s = frame_profile(s, d, n_boot=2000).set_index("frame").loc["Political"]
    by_p = frame_profile(s, d, n_boot=2000, unit="paragraph").set_index("frame").loc["Political"]
    assert by_s["share"] == by_p["share"] == 0.5
    assert (by_p["high"] - by_p["low"]) > (by_s["high"] - by_s["low"])
    assert by_p["low"] == 0 and by_p["high"] == 1


def test_profile_rejects_an_unknown_unit_and_frames_missing_from_the_list(two_outlets):
    s, d = two_outlets
    with pytest.raises(ValueError, match="unit"):
        frame_profile(s, d, unit="word")
    with pytest.raises(ValueError, match="Economic"):
        frame_profile(s, d, frames=["Political"])


def three_outlets():
    s = pd.DataFrame(
        {
            "sentence_id": [f"{o}{i}" for o in "ABC" for i in range(4)],
            "outlet": [o for o in "ABC" for _ in range(4)],
        }
    )
    # A: 4 of 4 Political; B: 2 of 4; C: 0 of 4
    d = pd.DataFrame({"sentence_id": ["A0", "A1", "A2", "A3", "B0", "B1"], "frame": ["Political"] * 6})
    return s, d


def test_difference_compares_each_outlet_with_the_rest_pooled():
    s, d = three_outlets()
    diff = frame_difference(s, d, n_boot=200).set_index(["outlet", "frame"])
    assert diff.loc[("A", "Political"), "share_rest"] == pytest.approx(2 / 8)
    assert diff.loc[("A", "Political"), "difference"] == pytest.approx(1 - 2 / 8)
    assert diff.loc[("C", "Political"), "difference"] == pytest.approx(0 - 6 / 8)
    assert diff.loc[("B", "Political"), "difference"] == pytest.approx(0.5 - 4 / 8)
    assert set(diff.index.get_level_values("outlet")) == {"A", "B", "C"}


def test_difference_interval_excludes_zero_for_a_clear_gap_and_includes_it_for_none():
    n = 20
    s = pd.DataFrame({"sentence_id": [f"{o}{i}" for o in "AB" for i in range(n)], "outlet": ["A"] * n + ["B"] * n})
    clear = pd.DataFrame({"sentence_id": [f"A{i}" for i in range(n)], "frame": ["Political"] * n})
    same = pd.DataFrame({"sentence_id": [f"{o}{i}" for o in "AB" for i in range(n // 2)], "frame": ["Political"] * n})
    a = frame_difference(s, clear).set_index(["outlet", "frame"]).loc[("A", "Political")]
    b = frame_difference(s, same).set_index(["outlet", "frame"]).loc[("A", "Political")]
    assert a["low"] > 0
    assert b["low"] < 0 < b["high"] and b["difference"] == 0


def test_difference_with_two_outlets_mirrors_and_with_one_is_an_error(two_outlets):
    s, d = two_outlets
    diff = frame_difference(s, d, n_boot=200).set_index(["outlet", "frame"])
    assert diff.loc[("A", "Political"), "difference"] == -diff.loc[("B", "Political"), "difference"] == 0.5
    with pytest.raises(ValueError, match="at least two groups"):
        frame_difference(s[s["outlet"] == "A"], d)


@pytest.mark.parametrize("unit", ["sentence", "paragraph"])
def test_large_corpus_bootstrap_gives_the_same_shares_and_intervals_within_resampling_noise(monkeypatch, unit):
    # beyond _EXACT_DRAWS the replicates are drawn as counts of uniform picks instead of rng.multinomial:
    # the same distribution, another random stream
    rng = np.random.default_rng(7)
    n = 600
    s = pd.DataFrame({"sentence_id": [f"s{i}" for i in range(n)], "outlet": rng.choice(["A", "B", "C"], n),
                      "article_id": [f"a{i // 12}" for i in range(n)], "paragraph_no": [i // 3 % 4 for i in range(n)]})
    framed = rng.random(n) < np.where(s["outlet"] == "A", 0.5, 0.2)
    d = pd.DataFrame({"sentence_id": s["sentence_id"][framed], "frame": "Political"})
    exact = frame_difference(s, d, unit=unit)
    monkeypatch.setattr(bootstrap, "_EXACT_DRAWS", 0)
    fast = frame_difference(s, d, unit=unit)
    pd.testing.assert_frame_equal(fast, frame_difference(s, d, unit=unit))  # still seeded
    cols = ["outlet", "frame", "share", "share_rest", "difference"]
    pd.testing.assert_frame_equal(fast[cols], exact[cols])
    assert not fast[["low", "high"]].equals(exact[["low", "high"]])
    assert (fast[["low", "high"]] - exact[["low", "high"]]).abs().max().max() < 0.02
