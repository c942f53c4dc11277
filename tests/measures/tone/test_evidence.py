"""Tests for analysis.measures.tone.evidence: the words behind every score."""

from __future__ import annotations

import math

import pytest

from analysis.corpus.text import normalise
from analysis.measures import tone


def test_textblob_evidence_scores_average_to_the_sentence_polarity(make_sentences, real_sentences, invented):
    sentences = make_sentences(real_sentences + invented)
    scored = tone.score_sentences(sentences).set_index("sentence_id")
    evidence = tone.sentiment_evidence(sentences, methods=("textblob",))
    means = evidence.groupby("sentence_id")["score"].mean()
    for sid, polarity in scored["polarity"].items():
        assert math.isclose(means.get(sid, 0.0), polarity, abs_tol=1e-12), sid


def test_vader_evidence_has_a_row_for_every_word_that_moved_the_compound(make_sentences, real_sentences, invented):
    sentences = make_sentences(real_sentences + invented)
    scored = tone.score_sentences(sentences).set_index("sentence_id")
    evidence = tone.sentiment_evidence(sentences, methods=("vader",))
    moved = set(evidence.loc[evidence["score"] != 0, "sentence_id"])
    nonzero = set(scored.index[scored["vader_compound"] != 0])
    assert nonzero <= moved


@pytest.mark.parametrize(
    "text, method, cue, modifier",
    [
        ("The plan is not good.", "textblob", "good", "not"),
        ("The plan is not good.", "vader", "good", "not"),
        ("The plan is very good.", "textblob", "good", "very"),
        ("The plan is very good.", "vader", "good", "very"),
        ("It was fine, but the ending was sad.", "vader", "sad", "(after 'but')"),
    ],
)
def test_evidence_names_the_negations_and_intensifiers_that_changed_a_word(text, method, cue, modifier, make_sentences):
    evidence = tone.sentiment_evidence(make_sentences([text]), methods=(method,))
    row = evidence[evidence["cue"] == cue].iloc[0]
    assert modifier in row["modifiers"].split(" ") or modifier == row["modifiers"]
    if modifier == "not":
        assert row["score"] < 0 < row["lexicon_score"]
    if modifier == "very":
        assert row["score"] > row["lexicon_score"] > 0


def test_evidence_offsets_point_at_the_word_in_the_text(make_sentences, invented):
    sentences = make_sentences(invented[:4])
    evidence = tone.sentiment_evidence(sentences)
    texts = sentences.set_index("sentence_id")["text"]
    assert evidence["start"].notna().all()
    for row in evidence.itertuples():
        span = texts[row.sentence_id][row.start : row.end].lower()
        assert span.endswith(row.cue), (span, row.cue)


def test_evidence_offsets_are_raw_file_offsets_when_the_corpus_columns_are_there(make_sentences):
    raw = "It was a \u201cterrible\u201d  day."
    n = normalise(raw)
    file_text = "HEADER\n" + raw
    sentences = make_sentences([n.text]).assign(start=7, edits=n.edits_str)
    evidence = tone.sentiment_evidence(sentences, methods=("vader",))
    row = evidence[evidence["cue"] == "terrible"].iloc[0]
    assert file_text[row.start : row.end] == "terrible"
