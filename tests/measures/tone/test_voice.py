"""Tests for analysis.measures.tone.voice: quoted and unquoted runs."""

from __future__ import annotations

import pandas as pd

from analysis.corpus.text import normalise
from analysis.measures import tone


def test_split_by_voice_cuts_sentences_at_quote_boundaries_using_raw_offsets(make_sentences):
    raw = "He said \u201cthis is  awful\u201d today. Then \u201cfine\u201d."
    n = normalise(raw)
    sentences = make_sentences([n.text]).assign(start=100, edits=n.edits_str)
    first, second = raw.index("this"), raw.index("fine")
    quotes = pd.DataFrame(
        {"article_id": ["a", "a"], "start": [100 + first, 100 + second], "end": [100 + first + 14, 100 + second + 4]}
    )
    assert raw[first : first + 14] == "this is  awful"
    out = tone.split_by_voice(sentences, quotes)
    assert out[["voice", "text"]].values.tolist() == [
        ["unquoted", "He said"],
        ["quoted", "this is awful"],
        ["unquoted", "today. Then"],
        ["quoted", "fine"],
    ]
    assert out["segment_no"].tolist() == [1, 2, 3, 4]


def test_split_by_voice_keeps_a_sentence_without_quotes_whole(make_sentences):
    sentences = make_sentences(["No quotes here."]).assign(start=0, edits="")
    out = tone.split_by_voice(sentences, pd.DataFrame({"article_id": ["b"], "start": [0], "end": [5]}))
    assert out[["voice", "text"]].values.tolist() == [["unquoted", "No quotes here."]]
