"""Tests for analysis.measures.quotes.spans: which marks open and close a quotation, through extract_quotes."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ('Krishna said "we will stop selling it."', [("we will stop selling it.", "direct")]),
        ("Krishna said \u201cwe will stop selling it.\u201d", [("we will stop selling it.", "direct")]),
        # a quotation spanning two sentences is one quotation
        ("Krishna wrote: \u201cIBM opposes it. We believe now is the time.\u201d",
         [("IBM opposes it. We believe now is the time.", "direct")]),
        # nested quotes belong to the outer quotation
        ("Krishna said: \u201cThey called it \u2018a scam\u2019 on the day we left.\u201d",
         [("They called it 'a scam' on the day we left.", "direct")]),
        ('Krishna said: "They called it \'a scam\' on the day we left."',
         [("They called it 'a scam' on the day we left.", "direct")]),
        # apostrophes are not quotation marks
        ("IBM\u2019s letter and Amazon\u2019s don\u2019t count; the activists\u2019 letter neither.", []),
        ("IBM's letter, Amazon's don't count.", []),
        # single quotes used as a pair are a quotation
        ("The Commission wants to limit \u2018random\u2019 use of it.", [("random", "fragment")]),
        ("Short words \u201cloopholes\u201d are fragments.", [("loopholes", "fragment")]),
        # the comma before the closing mark is not part of the quotation
        ("\u201cWe will stop selling it,\u201d he wrote.", [("We will stop selling it", "direct")]),
    ],
)
def test_extract_quotes_finds_each_form(paragraph, expected, quotes_of):
    q = quotes_of("Arvind Krishna leads IBM.", paragraph)
    assert list(zip(q["quote"], q["kind"])) == expected


def test_unclosed_quote_is_reported_not_crashed_on(quotes_of):
    q = quotes_of("Arvind Krishna said \u201cthis never closes. And goes on.", "Next paragraph, no quote.")
    assert q["kind"].tolist() == ["unclosed"]
    assert q["quote"].iloc[0] == "this never closes. And goes on."
    assert q["speaker"].iloc[0] == "Arvind Krishna"


def test_straight_unclosed_quote_is_reported(quotes_of):
    q = quotes_of('IBM said "it never ends here')
    assert q[["quote", "kind"]].values.tolist() == [["it never ends here", "unclosed"]]


def test_quote_running_over_paragraphs_is_one_quotation(quotes_of):
    q = quotes_of("Krishna wrote: \u201cFirst paragraph of the letter.", "\u201cSecond paragraph, closed.\u201d")
    assert q["kind"].tolist() == ["direct"]
    # the inner opening mark is kept, folded to '"' in the matching form
    assert q["quote"].iloc[0] == 'First paragraph of the letter. "Second paragraph, closed.'
    assert q["paragraph_no"].iloc[0] == 1


def test_seed_apostrophes_are_never_quotes(seed_quotes):
    assert not seed_quotes["quote"].str.fullmatch(r"s\b.*").any()
    assert not seed_quotes["quote"].str.contains("IBM's change").any()
    # VPNoverview's typo corrections reach the quotation's matching form
    assert seed_quotes["quote"].str.contains("users of AI systems").any()
