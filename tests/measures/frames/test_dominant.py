"""Tests for analysis.measures.frames.dominant: the dominant frame of each paragraph and its ties."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures.frames import dominant_frames

DOMINANT = [
    # (frames of the paragraph's sentences as (frame, cue start) lists, expected dominant, expected tied_with)
    ([[("Political", 0)], [("Political", 30)], [("Economic", 60)]], "Political", ""),
    ([[("Economic", 5), ("Political", 0)]], "Political", "Economic"),  # a tie goes to the frame read first
    ([[("Economic", 5), ("Economic", 9), ("Political", 0)]], "Economic", "Political"),  # then more cues first
    ([[], []], "Other", ""),
]


@pytest.mark.parametrize("sentences, expected, tied", DOMINANT)
def test_dominant_frame_of_a_paragraph(sentences, expected, tied):
    s = pd.DataFrame(
        {
            "sentence_id": [f"s{i}" for i in range(len(sentences))],
            "article_id": "a",
            "outlet": "A",
            "paragraph_no": 1,
            "sentence_no": range(1, len(sentences) + 1),
        }
    )
    rows = [(f"s{i}", f, st) for i, fs in enumerate(sentences) for f, st in fs]
    d = pd.DataFrame(rows, columns=["sentence_id", "frame", "start"]).assign(match="x")
    out = dominant_frames(s, d, frames=["Economic", "Political"])
    assert out.loc[0, "frame"] == expected
    assert out.loc[0, "tied_with"] == tied
    assert out.loc[0, "n_sentences"] == len(sentences)


def test_dominant_frames_of_many_paragraphs_match_one_paragraph_at_a_time():
    # paragraphs ranked together must come out as each ranked alone; paragraph 2 of "a" comes back after "b"
    s = pd.DataFrame(
        {
            "sentence_id": ["a1", "a2", "b1", "b2", "a3", "a4"],
            "article_id": ["a", "a", "b", "b", "a", "a"],
            "outlet": ["A", "A", "B", "B", "A", "A"],
            "paragraph_no": [1, 1, 1, 1, 2, 2],
            "sentence_no": [1, 2, 1, 2, 3, 4],
        }
    )
    d = pd.DataFrame(
        [("a1", "Political", 4), ("a2", "Economic", 1), ("b1", "Economic", 9), ("b1", "Economic", 12),
         ("b2", "Political", 3), ("a3", "Health", 2)],
        columns=["sentence_id", "frame", "start"],
    ).assign(match="x")
    frames = ["Economic", "Political", "Health"]
    together = dominant_frames(s, d, frames=frames)
    alone = pd.concat(
        [dominant_frames(s[(s["article_id"] == a) & (s["paragraph_no"] == p)], d, frames=frames)
         for a, p in [("a", 1), ("b", 1), ("a", 2)]],
        ignore_index=True,
    )
    pd.testing.assert_frame_equal(together, alone)
    assert list(together["frame"]) == ["Economic", "Economic", "Health"]
    assert list(together["tied_with"]) == ["Political", "Political", ""]
    assert list(together["n_sentences"]) == [2, 2, 2]
