"""Tests for analysis.measures.terms: term counts, stop words and the weighted log-odds."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.measures.terms import STOP_WORDS, _term_list, count_terms, distinctive_terms


def test_log_odds_matches_a_value_worked_out_by_hand():
    # A: apple 2, banana 1 (n = 3); B: banana 1, cherry 1 (n = 2); corpus N = 5.
    # Prior from the corpus with alpha_0 = N: alpha = corpus counts (apple 2, banana 2, cherry 1).
    # delta(apple, A) = log((2+2)/(3+5-2-2)) - log((0+2)/(2+5-0-2)) = log(1) - log(2/5)
    # var = 1/(2+2) + 1/(0+2) = 0.75
    s = pd.DataFrame({"outlet": ["A", "B"], "text": ["apple apple banana", "banana cherry"]})
    d = distinctive_terms(s, ngrams=(1,)).set_index(["outlet", "term"])
    assert d.loc[("A", "apple"), "delta"] == pytest.approx(-math.log(0.4))
    assert d.loc[("A", "apple"), "se"] == pytest.approx(math.sqrt(0.75))
    assert d.loc[("A", "apple"), "z"] == pytest.approx(1.0580414, abs=1e-6)
    # banana in A: log((1+2)/(3+5-1-2)) - log((1+2)/(2+5-1-2)) = log(3/5) - log(3/4)
    assert d.loc[("A", "banana"), "delta"] == pytest.approx(math.log(0.6) - math.log(0.75))


def test_log_odds_with_a_chosen_prior_strength_matches_by_hand():
    # alpha_0 = 10: alpha(apple) = 10 * 2/5 = 4
    # delta = log((2+4)/(3+10-2-4)) - log((0+4)/(2+10-0-4)) = log(6/7) - log(4/8)
    s = pd.DataFrame({"outlet": ["A", "B"], "text": ["apple apple banana", "banana cherry"]})
    d = distinctive_terms(s, ngrams=(1,), prior_strength=10).set_index(["outlet", "term"])
    delta = math.log(6 / 7) - math.log(4 / 8)
    assert d.loc[("A", "apple"), "z"] == pytest.approx(delta / math.sqrt(1 / 6 + 1 / 4))


def test_a_term_only_one_outlet_uses_gets_that_outlets_sign():
    s = pd.DataFrame({"outlet": ["A", "B", "A", "B"],
                      "text": ["surveillance surveillance privacy", "privacy rules", "privacy", "rules"]})
    d = distinctive_terms(s, ngrams=(1,)).set_index(["outlet", "term"])
    assert d.loc[("A", "surveillance"), "z"] > 0
    assert d.loc[("B", "surveillance"), "z"] < 0
    assert d.loc[("B", "rules"), "z"] > 0


def test_identical_corpora_give_zero_z():
    text = "facial recognition software is misused by police and governments"
    s = pd.DataFrame({"outlet": ["A", "B"], "text": [text, text]})
    d = distinctive_terms(s)
    assert d["z"].abs().max() == pytest.approx(0, abs=1e-12)
    assert set(d["n"]) == {1, 2}


def test_distinctive_terms_works_for_three_outlets_and_flags_small_counts():
    s = pd.DataFrame({"outlet": ["A", "B", "C"],
                      "text": ["police police police police police ban", "ban ban privacy", "privacy tool"]})
    d = distinctive_terms(s, ngrams=(1,), min_count=5)
    assert sorted(d["outlet"].unique()) == ["A", "B", "C"]
    top = d.sort_values("z", ascending=False).groupby("outlet")["term"].first()
    assert top.to_dict() == {"A": "police", "B": "ban", "C": "tool"}
    flags = d.drop_duplicates("term").set_index("term")["small_count"]
    assert not flags["police"] and flags["ban"] and flags["tool"]


def test_distinctive_terms_needs_two_outlets():
    with pytest.raises(ValueError, match="at least two values of 'outlet'"):
        distinctive_terms(pd.DataFrame({"outlet": ["A"], "text": ["only one"]}))


@pytest.mark.parametrize(
    "text, terms",
    [
        ("The police and the FBI.", {"police", "fbi"}),
        ("Facial-recognition software.", {"facial", "recognition", "software", "facial recognition",
                                         "recognition software"}),
        ("IBM's letter, Congress.", {"ibm", "letter", "congress", "ibm letter"}),
        ("It was in 2019.", set()),
    ],
)
def test_count_terms_drops_stop_words_numbers_and_bigrams_across_punctuation(text, terms):
    counts = count_terms(pd.DataFrame({"outlet": ["A"], "text": [text]}))
    assert set(counts["term"]) == terms


def count_terms_text_by_text(sentences: pd.DataFrame, by: str, ngrams: tuple[int, ...]) -> pd.DataFrame:
    """The reference for count_terms: each text's terms listed, then counted by groupby."""

    rows = [(group, term, n) for group, text in zip(sentences[by], sentences["text"])
            for term, n in _term_list(text, ngrams, STOP_WORDS)]
    frame = pd.DataFrame(rows, columns=[by, "term", "n"])
    counts = frame.groupby([by, "term", "n"], as_index=False).size().rename(columns={"size": "count"})
    return counts.astype({"n": "int64", "count": "int64"})


_TERM_PIECES = ["IBM", "IBM's", "ibm\u2019s", "facial", "recognition", "facial-recognition", "the", "and", "2020",
                "ban", "Ban", "don't", "rock'n'roll", "x_y", "caf\u00e9", " ", "  ", " - ", "-", ", ", ". ", "; ", "\u2014"]


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(st.lists(st.sampled_from(_TERM_PIECES), max_size=12).map(" ".join), min_size=1, max_size=8),
    groups=st.lists(st.sampled_from(["A", "B", "C", None]), min_size=8, max_size=8),
    ngrams=st.sampled_from([(1, 2), (1,), (2,)]),
)
def test_count_terms_equals_counting_text_by_text(texts, groups, ngrams):
    s = pd.DataFrame({"outlet": groups[:len(texts)], "text": texts})
    pd.testing.assert_frame_equal(count_terms(s, ngrams=ngrams), count_terms_text_by_text(s, "outlet", ngrams))


def test_stop_word_list_has_function_words_not_content_words():
    assert {"the", "and", "of", "which", "would"} <= STOP_WORDS
    assert not {"police", "privacy", "said", "ibm", "rights"} & STOP_WORDS
