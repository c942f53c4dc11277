"""Tests for analysis.measures.quotes.shares: quoted share of each outlet, and share of voice."""

from __future__ import annotations

import pytest

from analysis.measures.quotes import extract_quotes, quote_share, share_of_voice


def test_quote_share_and_share_of_voice(corpus_of, actors):
    corpus = corpus_of({
        "A": ["Arvind Krishna said \u201cwe will stop selling it now.\u201d The end is here."],
        "B": ["No quotes at all here."],
    })
    q = extract_quotes(corpus, actors=actors)
    share = quote_share(q, corpus.sentences).set_index("outlet")
    assert share.loc["A", ["quotes", "quoted_words", "words"]].tolist() == [1, 6, 13]
    assert share.loc["A", "quoted_share"] == pytest.approx(6 / 13)
    assert share.loc["B", ["quotes", "quoted_share"]].tolist() == [0, 0.0]
    voice = share_of_voice(q)
    assert voice[["outlet", "speaker", "words", "word_share"]].values.tolist() == [["A", "Arvind Krishna", 6, 1.0]]
