"""Tests for analysis.measures.quotes.attribution: who speaks each quotation."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "paragraphs, speaker, attribution",
    [
        (["Arvind Krishna leads IBM.", "\u201cWe will stop,\u201d he wrote."], "Arvind Krishna", "reporting verb"),
        (["\u201cWe will stop,\u201d said Sundar Pichai."], "Sundar Pichai", "reporting verb"),
        (["Sundar Pichai said: \u201cWe will stop.\u201d"], "Sundar Pichai", "reporting verb"),
        (["IBM's move is \u201cthe strongest to date,\u201d according to The Guardian."], "The Guardian", "according to"),
        (["According to The Guardian, police face \u201cviolent crackdowns.\u201d"], "The Guardian", "according to"),
        (["Critics met. Other tech companies trailed.", "They also accuse IBM of \u201cloopholes\u201d."],
         "critics", "reporting verb"),
        (["Krishna decided to write because deaths \u201cremind us of the fight\u201d."], "Arvind Krishna",
         "sentence subject"),
        (["He says it is \u201ca tool\u201d. \u201cBut it must be tested.\u201d", ], "unknown", "none"),
        (["The weather was \u201cvery nice\u201d today."], "unknown", "none"),
    ],
)
def test_speaker_attribution(paragraphs, speaker, attribution, quotes_of):
    q = quotes_of(*paragraphs)
    assert (q["speaker"].iloc[-1], q["attribution"].iloc[-1]) == (speaker, attribution)


def test_a_quotation_opening_its_sentence_continues_the_previous_speaker(quotes_of):
    q = quotes_of("Arvind Krishna wrote it.", "He says AI is \u201ca tool\u201d. \u201cBut it must be tested.\u201d")
    assert q["speaker"].tolist() == ["Arvind Krishna", "Arvind Krishna"]
    assert q["attribution"].tolist() == ["reporting verb", "previous quotation"]


def test_seed_articles_both_quote_krishna(seed_quotes):
    krishna = seed_quotes[seed_quotes["speaker"] == "Arvind Krishna"]
    assert set(krishna["outlet"]) == {"Colorlines", "VPNoverview"}
