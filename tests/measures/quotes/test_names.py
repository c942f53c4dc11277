"""Tests for analysis.measures.quotes.names: speakers the lexicon does not list."""

from __future__ import annotations

import pytest

from analysis import load_corpus
from analysis.measures.quotes import extract_quotes

_Q = "\u201cThe rules are long overdue,\u201d"  # a quotation, before its attribution
_QO = "\u201cthe rules are long overdue\u201d"  # a quotation, after it


@pytest.mark.parametrize(
    "paragraphs, speaker, cue, attribution",
    [
        # after and before the reporting verb
        ([f"{_Q} wrote Rosa Okafor, an organizer with the state legislature."], "Rosa Okafor", "wrote Rosa Okafor",
         "reporting verb"),
        ([f"{_Q} Rosa Okafor wrote."], "Rosa Okafor", "Rosa Okafor wrote", "reporting verb"),
        ([f"Rosa Okafor said in a statement that {_QO}."], "Rosa Okafor", "Rosa Okafor said", "reporting verb"),
        ([f"{_Q} Rosa Okafor also told reporters."], "Rosa Okafor", "Rosa Okafor also told", "reporting verb"),
        ([f"{_Q} told reporters Kwame Mensah."], "Kwame Mensah", "told reporters Kwame Mensah", "reporting verb"),
        # titles are not part of the name; initials and particles are
        ([f"Sen. Rosa Okafor said {_QO}."], "Rosa Okafor", "Sen. Rosa Okafor said", "reporting verb"),
        ([f"{_Q} said Rep. J. Rosa de la Cruz."], "J. Rosa de la Cruz", "said Rep. J. Rosa de la Cruz",
         "reporting verb"),
        ([f"New York Mayor Bill de Blasio said {_QO}."], "Bill de Blasio", "New York Mayor Bill de Blasio said",
         "reporting verb"),
        # according to
        ([f"{_Q} according to Rosa Okafor."], "Rosa Okafor", "according to Rosa Okafor", "according to"),
        ([f"According to Dr. Rosa Okafor, the rules are {_QO}."], "Rosa Okafor", "According to Dr. Rosa Okafor",
         "according to"),
        # an organisation: the opening 'The' is not part of its name
        ([f"{_Q} the Justice Department said."], "Justice Department", "Justice Department said", "reporting verb"),
        # a sentence-initial word is not part of the name
        ([f"But Rosa Okafor said {_QO}."], "Rosa Okafor", "Rosa Okafor said", "reporting verb"),
        # the surname alone stands for the person named earlier in the article
        (["Rosa Okafor chairs the panel.", f"Okafor said {_QO}."], "Rosa Okafor", "Okafor said", "reporting verb"),
    ],
)
def test_a_name_not_in_the_lexicon_is_a_speaker_by_a_reporting_verb(paragraphs, speaker, cue, attribution, quotes_of):
    q = quotes_of(*paragraphs)
    assert q[["speaker", "cue", "attribution"]].values.tolist()[-1] == [speaker, cue, attribution]


def test_a_pronoun_refers_back_to_the_latest_person_named_even_if_unlisted(quotes_of):
    q = quotes_of("Arvind Krishna wrote to Congress.", "Rosa Okafor, an organizer, disagreed.",
                  f"{_Q} she said.")
    assert q[["speaker", "cue"]].values.tolist() == [["Rosa Okafor", "she said"]]
    # an organisation is not 'he' or 'she': the latest person is still Krishna
    q = quotes_of("Arvind Krishna wrote to Congress.", "The Justice Department disagreed.", f"{_Q} he said.")
    assert q["speaker"].tolist() == ["Arvind Krishna"]
    # nor is a name inside a quotation
    q = quotes_of("Arvind Krishna wrote to Congress.", "\u201cWe told Rosa Okafor we would stop,\u201d he wrote.")
    assert q["speaker"].tolist() == ["Arvind Krishna"]


@pytest.mark.parametrize(
    "paragraph, speaker",
    [
        # a run overlapping an actor's mention is the actor's
        (f"Amazon Web Services said {_QO}.", "Amazon"),
        # unless a title follows the mention
        (f"Microsoft President Brad Smith said {_QO}.", "Brad Smith"),
        # an alias of a listed actor, not the unlisted name that ends in it
        (f"{_Q} said Sundar Pichai.", "Sundar Pichai"),
    ],
)
def test_the_lexicon_wins_over_an_unlisted_name(paragraph, speaker, quotes_of):
    q = quotes_of(paragraph)
    assert q["speaker"].tolist() == [speaker]


def test_a_listed_alias_is_not_taken_for_the_surname_of_an_unlisted_person(quotes_of):
    # 'Krishna' is the lexicon's alias of Arvind Krishna: Rosa Krishna is never registered as a name
    q = quotes_of("Rosa Krishna chairs the panel.", f"Krishna said {_QO}.")
    assert q[["speaker", "attribution"]].values.tolist() == [["Arvind Krishna", "reporting verb"]]


@pytest.mark.parametrize(
    "paragraph",
    [
        # places, even right by the verb
        f"Residents in New York said {_QO}.",
        f"{_Q} officials in New York said.",
        f"{_Q} said an official in New York.",
        f"{_Q} said White House officials.",
        # a possessive is not the speaker
        f"{_Q} Rosa Okafor's lawyer said.",
        # a sentence-initial word is not a name, and one word alone is not one
        f"Yesterday Okafor said {_QO}.",
        f"The Weather Was {_QO} indeed.",
    ],
)
def test_places_possessives_and_sentence_initial_words_are_not_speakers(paragraph, quotes_of):
    q = quotes_of(paragraph)
    assert q["speaker"].tolist() == ["unknown"]


def test_synthetic_corpus_speakers_are_the_named_people(tmp_path, actors):
    from analysis.synthetic import FIRST, LAST, write_corpus

    path = tmp_path / "corpus.jsonl"
    write_corpus(path, n_articles=40, n_outlets=4, seed=7)
    corpus = load_corpus(path)
    q = extract_quotes(corpus, actors=actors)
    assert len(q) > 100
    # before unlisted names were speakers, over 99% of these quotations were 'unknown'
    assert (q["speaker"] == "unknown").mean() < 0.2
    named = q[q["speaker"] != "unknown"]
    people = {f"{f} {l}" for f in FIRST for l in LAST}
    assert named["speaker"].isin(people).all()
    # each is the person the generator put right after the quotation's reporting verb
    after = [corpus.texts[a][e:e + 60] for a, e in zip(named["article_id"], named["end"])]
    assert all(s in text.split(",\u201d", 1)[1].split(",")[0] for s, text in zip(named["speaker"], after))
    assert all(c.endswith(s) for c, s in zip(named["cue"], named["speaker"]))
