"""Tests for analysis.measures.frames.placement: frames in headlines, ledes and body text."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.measures.frames import detect_frames, frame_placement

FAIR, POLITICAL, PRIVACY = "Fairness and equality", "Political", "Privacy and surveillance"


def test_placement_splits_headline_lede_and_body(codebook, make_sentences):
    s = make_sentences(
        [
            ("a", "A", 1, "Police used racial profiling."),
            ("a", "A", 1, "Nothing here."),
            ("a", "A", 2, "Congress must act."),
            ("b", "B", 1, "Congress must act."),
        ]
    )
    h = make_sentences([("a-h", "A", 0, "A call for privacy"), ("b-h", "B", 0, "Nothing")])
    d = detect_frames(pd.concat([h, s]), codebook)
    p = frame_placement(s, d, headlines=h, frames=codebook).set_index(["outlet", "part", "frame"])
    assert p.loc[("A", "headline", PRIVACY), "share"] == 1
    assert p.loc[("A", "lede", FAIR), "share"] == 0.5 and p.loc[("A", "lede", FAIR), "n_sentences"] == 2
    assert p.loc[("A", "body", FAIR), "share"] == 0
    assert p.loc[("A", "body", POLITICAL), "share"] == 1
    assert p.loc[("B", "headline", "Other"), "share"] == 1
    assert np.isnan(p.loc[("B", "body", POLITICAL), "share"])  # B has no body: no share, not zero
    assert list(dict.fromkeys(p.index.get_level_values("part"))) == ["headline", "lede", "body"]
