"""Tests for analysis.measures.actors: actor mentions and prominence."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.measures.actors import actor_mentions, actor_prominence


@pytest.mark.parametrize(
    "text, expected",
    [
        ("IBM CEO Arvind Krishna wrote to Congress.", ["IBM", "Arvind Krishna", "Congress"]),
        ("Krishna decided to write the letter to congress.", ["Arvind Krishna", "Congress"]),
        ("According to the CEO, it is time.", ["Arvind Krishna"]),
        ("Activists accused Amazon Ring’s partnership with police departments.",
         ["civil-rights advocates", "Amazon", "police / law enforcement"]),
        ("Shared with other agencies like ICE or the FBI.", ["ICE", "FBI"]),
        ("The ice on the lake was thin.", []),
        ("Police policies matter to police.", ["police / law enforcement", "police / law enforcement"]),
        ("Rep. Karen Bass wrote back; Bass agreed.", ["Karen Bass", "Karen Bass"]),
        ("He caught a bass and a sea bass.", []),
        ("The guardian of the gate.", []),
        ("According to The Guardian, it was late.", ["The Guardian"]),
        ("Sundar Pichai, Alphabet’s CEO (Google’s parent company), said so.",
         ["Sundar Pichai", "Google / Alphabet", "Google / Alphabet"]),
        ("The chief executive officer spoke.", []),
        ("Officers usually walk away freely.", ["police / law enforcement"]),
        ("IBMs and IBM’s and xIBM.", ["IBM", "IBM"]),
    ],
)
def test_actor_mentions_find_aliases_as_whole_words(actors, text, expected, sentences_of):
    s = sentences_of("t", "Test", [text])
    assert actor_mentions(s, actors)["actor"].tolist() == expected


def test_actor_mentions_give_raw_offsets_through_typographic_characters(actors, sentences_of):
    raw = "IBM\u2019s letter\u00a0\u00a0to  Congress, said Krishna."
    s = sentences_of("t", "Test", ["Lead sentence here.", raw])
    m = actor_mentions(s, actors)
    text = "Lead sentence here.\n\n" + raw
    assert [text[a:b] for a, b in zip(m["start"], m["end"])] == ["IBM", "Congress", "Krishna"]
    assert m["match"].tolist() == ["IBM", "Congress", "Krishna"]
    assert list(m.columns[:8]) == ["sentence_id", "article_id", "outlet", "actor", "type", "cue", "match", "start"]


def test_actor_mentions_of_an_empty_table_is_an_empty_table_with_columns(actors, sentences_of):
    s = sentences_of("t", "Test", ["Nothing to see."])
    m = actor_mentions(s, actors)
    assert m.empty and "actor" in m.columns and "type" in m.columns


def test_prominence_counts_headline_lede_and_first_position(actors, corpus_of):
    corpus = corpus_of(
        {
            "Alpha": ["IBM quits the market.", "Later, Krishna wrote to Congress. Krishna was firm."],
            "Beta": ["A quiet start.", "Nothing here.", "Then IBM spoke."],
        },
        titles={"Alpha": "IBM quits", "Beta": "A story"},
    )
    m = actor_mentions(corpus.sentences, actors)
    h = actor_mentions(corpus.headlines, actors)
    p = actor_prominence(m, corpus.sentences, headline_mentions=h).set_index(["outlet", "actor"])
    assert p.loc[("Alpha", "IBM"), ["headline_share", "lede_share", "first_position"]].tolist() == [1.0, 1.0, 0.0]
    assert p.loc[("Alpha", "Arvind Krishna"), "mentions"] == 2
    assert p.loc[("Alpha", "Arvind Krishna"), "sentences"] == 2
    assert p.loc[("Alpha", "Arvind Krishna"), "sentence_share"] == pytest.approx(2 / 3)
    assert p.loc[("Alpha", "Arvind Krishna"), "first_sentence_no"] == 2
    assert p.loc[("Beta", "IBM"), ["headline_share", "lede_share"]].tolist() == [0.0, 0.0]
    assert p.loc[("Beta", "IBM"), "first_position"] == pytest.approx(2 / 3)
    # an actor only one outlet names still gets a row, with zeros, for the other
    assert p.loc[("Beta", "Arvind Krishna"), "mentions"] == 0
    assert pd.isna(p.loc[("Beta", "Arvind Krishna"), "first_sentence_no"])


def test_prominence_works_for_three_outlets_and_without_headlines(actors, corpus_of):
    corpus = corpus_of({"A": ["IBM."], "B": ["Amazon and IBM."], "C": ["Microsoft."]})
    p = actor_prominence(actor_mentions(corpus.sentences, actors), corpus.sentences)
    assert sorted(p["outlet"].unique()) == ["A", "B", "C"]
    assert len(p) == 3 * 3
    assert p["headline_share"].eq(0).all()
