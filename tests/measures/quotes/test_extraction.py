"""Tests for analysis.measures.quotes.extraction: the quotations extract_quotes finds, located in the raw text."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.lexicons.actors import ACTOR_COLUMNS
from analysis.measures.quotes import extract_quotes


def test_extract_quotes_offsets_point_at_the_raw_quoted_words(corpus_of, actors):
    corpus = corpus_of({"Test": ["IBM\u00a0said \u201cwe stop\u00a0now, for good.\u201d"]})
    q = extract_quotes(corpus, actors=actors)
    r = q.iloc[0]
    assert corpus.texts["test"][r.start:r.end] == "we stop\u00a0now, for good."
    assert r.quote == "we stop now, for good."


def test_block_quote_after_a_reporting_colon_is_attributed_to_the_intro(quotes_of):
    q = quotes_of("Activists wrote to IBM.", "Colorlines reported:", "Amazon's technology lets police see footage.")
    assert q[["speaker", "kind", "attribution"]].values.tolist() == [["Colorlines", "block", "block intro"]]
    assert q["quote"].iloc[0] == "Amazon's technology lets police see footage."


def test_colon_without_a_reporting_verb_does_not_make_a_block_quote(quotes_of):
    q = quotes_of("Krishna proposed the following changes:", "Police reform - new rules.")
    assert q.empty


def test_seed_colorlines_block_quote_is_attributed_to_colorlines(seed, seed_quotes):
    block = seed_quotes[seed_quotes["kind"] == "block"]
    assert block[["outlet", "speaker"]].values.tolist() == [["Colorlines", "Colorlines"]]
    r = block.iloc[0]
    assert seed.texts[r.article_id][r.start:r.end].startswith("Amazon\u2019s technology creates")
    assert r.quote.endswith("like ICE or the FBI.")


_PIECES = list("ab IBM.,:;'\"\u201c\u201d\u2018\u2019\u00a0\u2014") + ["Krishna ", "said ", "reported:"]
_QUOTE_TEXT = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30).map("".join)


@settings(max_examples=60, deadline=None)
@given(paragraphs=st.lists(_QUOTE_TEXT, min_size=1, max_size=3))
def test_extract_quotes_never_crashes_and_spans_lie_inside_body_paragraphs(paragraphs, corpus_of, actors):
    paragraphs = [" ".join(p.split()) or "x" for p in paragraphs]
    corpus = corpus_of({"Test": paragraphs})
    q = extract_quotes(corpus, actors=actors)
    text = corpus.texts["test"]
    body = corpus.lines[corpus.lines["role"] == "body"]
    for r in q.itertuples():
        assert 0 <= r.start <= r.end <= len(text)
        assert ((body["start"] <= r.start) & (r.start <= body["end"])).any()
        assert r.kind in {"direct", "fragment", "block", "unclosed"}
        assert r.speaker


def test_articles_set_aside_by_the_loader_are_not_read_for_quotations(corpus_of, actors):
    corpus = corpus_of({"Kept": ["Krishna said \u201cwe stop now and forever.\u201d"],
                          "Aside": ["Krishna said \u201cwe stop now and forever.\u201d"]})
    corpus.sentences = corpus.sentences[corpus.sentences["outlet"] == "Kept"]
    q = extract_quotes(corpus, actors=actors)
    assert q["outlet"].tolist() == ["Kept"]


@pytest.mark.parametrize("empty", [pd.DataFrame(columns=ACTOR_COLUMNS), pd.DataFrame()])
def test_an_empty_actors_table_means_no_lexicon(corpus_of, empty):
    corpus = corpus_of({"Test": ["Arvind Krishna leads IBM.", "\u201cWe will stop selling it,\u201d said Rosa Okafor.",
                                 "\u201cWe will not stop selling it,\u201d IBM said."]})
    q = extract_quotes(corpus, actors=empty)
    # an unlisted name is still a speaker; a name only the lexicon knows is not
    assert q[["speaker", "attribution"]].values.tolist() == [["Rosa Okafor", "reporting verb"], ["unknown", "none"]]
