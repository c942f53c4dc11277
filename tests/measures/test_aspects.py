"""Tests for analysis.measures.aspects: aspect mentions (and the word index that skips sentences), coverage, gaps."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.lexicons.actors import load_aspects
from analysis.matching import Term, find_terms
from analysis.measures.actors import lexicon_matcher
from analysis.measures.aspects import ASPECT_MENTION_COLUMNS, _cue_key, aspect_coverage, aspect_mentions, coverage_gaps


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Colorlines critics are not buying IBM's motives.", {"critics' doubts about IBM's motives"}),
        ("Microsoft and Amazon asked for regulation.", {"other companies", "regulation"}),
        ("AI must be tested for bias.", {"bias testing of AI"}),
        ("An ai is not AI in lower case.", {"bias testing of AI"}),
        ("Police reform and accountable officers.", {"policy: police reform"}),
        ("Mass surveillance violates privacy.", {"mass surveillance and profiling", "privacy and civil liberties"}),
        ("The weather was fine.", set()),
    ],
)
def test_aspect_mentions_find_each_aspect_on_its_own(text, expected, sentences_of):
    s = sentences_of("t", "Test", [text])
    assert set(aspect_mentions(s, load_aspects())["aspect"]) == expected


def test_aspect_coverage_shares_and_gaps(corpus_of):
    aspects = load_aspects()
    corpus = corpus_of({"A": ["Amazon sells it. The sky is blue today."], "B": ["The ban is law. Nothing else."]})
    m = aspect_mentions(corpus.sentences, aspects)
    cov = aspect_coverage(m, corpus.sentences, aspects=aspects).set_index(["outlet", "aspect"])
    assert cov.loc[("A", "other companies"), ["covered", "sentences", "words"]].tolist() == [True, 1, 3]
    assert cov.loc[("A", "other companies"), "word_share"] == pytest.approx(3 / 8)
    assert cov.loc[("A", "other companies"), "sentence_share"] == pytest.approx(1 / 2)
    assert not cov.loc[("B", "other companies"), "covered"]
    assert cov.loc[("B", "regulation"), "cues"] == "ban"
    # every aspect of the lexicon is listed, covered or not
    assert len(cov) == 2 * aspects["aspect"].nunique()
    gaps = coverage_gaps(cov.reset_index()).set_index("aspect")
    assert gaps.loc["other companies"].tolist() == ["A", "B"]
    assert gaps.loc["regulation"].tolist() == ["B", "A"]
    assert "national dialogue" not in gaps.index  # nobody covers it: not a gap


def aspect_mentions_of_every_sentence(sentences: pd.DataFrame, aspects: pd.DataFrame) -> pd.DataFrame:
    """The reference: each aspect's cues looked for in every sentence, no sentence skipped."""
    frames = [find_terms(sentences, lexicon_matcher(cues, "aspect")).rename(columns={"key": "aspect"})
              for _, cues in aspects.groupby("aspect", sort=False)]
    return pd.concat(frames, ignore_index=True)[ASPECT_MENTION_COLUMNS]


def _inflections(cue: str) -> list[str]:
    """The cue as a text may write it: in other cases, hyphenated, its last word inflected."""
    stem = cue.rstrip("*")
    last = stem.split()[-1] if stem.split() else stem
    forms = {stem, stem.upper(), stem.title(), stem.replace(" ", "-"), stem + "s", stem + "ing", stem + "ed",
             stem[:-1] + "ing", stem[:-1] + "ies", stem + last[-1:] + "ed", stem + "ation"}
    return sorted(f for f in forms if f.strip())


_LEXICON_ASPECTS = load_aspects()
_ASPECT_FORMS = sorted({f for cue in _LEXICON_ASPECTS["cue"] for f in _inflections(cue)})
_FILLER = ["the", "a", "and", "of", "police", "said", "Ai", "ai", "aid", "régulation", "\u0130ce", "café", "data",
           "2020", "-", ",", "."]


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.lists(st.sampled_from(_ASPECT_FORMS + _FILLER), min_size=1, max_size=12).map(" ".join),
                      min_size=1, max_size=12))
def test_aspect_mentions_skips_only_sentences_no_cue_can_match(texts):
    # the project's aspects, in sentences made of their cues written every which way
    s = pd.DataFrame({"sentence_id": [f"a-s{i:03d}" for i in range(len(texts))], "article_id": "a",
                      "outlet": "X", "start": 0, "text": texts})
    pd.testing.assert_frame_equal(aspect_mentions(s, _LEXICON_ASPECTS),
                                  aspect_mentions_of_every_sentence(s, _LEXICON_ASPECTS))


_CUES = ["AI", "ban", "regulate", "policy", "law enforcement", "the dialogue", "U.S.", "regulat*", "ICE", "go",
         "Black Lives Matter", "the misuse", "face-scan", "no longer use", "\u00e9lys\u00e9e"]
# "mi\u017fuse" (a long s): ignoring case, the expression matches it where lower case does not
_CUE_WORDS = sorted({f for cue in _CUES for f in _inflections(cue)}
                    | {"the", "ice", "Ice", "gone", "banner", "lawful", "mi\u017fuse", "mi\u017fused", "\u00c9lys\u00e9e"})


@settings(max_examples=60, deadline=None)
@given(
    lexicon=st.lists(st.tuples(st.sampled_from(["p", "q", "r"]), st.sampled_from(_CUES),
                               st.sampled_from([None, True, False]), st.booleans()), min_size=1, max_size=8),
    texts=st.lists(st.lists(st.sampled_from(_CUE_WORDS), min_size=1, max_size=10).map(" ".join), min_size=1, max_size=10),
)
def test_aspect_mentions_with_invented_lexicons_equal_looking_in_every_sentence(lexicon, texts):
    rows, seen = [], set()
    for aspect, cue, case, inflect in lexicon:
        if (aspect, cue) not in seen:
            seen.add((aspect, cue))
            rows.append({"aspect": aspect, "description": "", "cue": cue, "case_sensitive": case,
                         "inflect": inflect, "source": "test"})
    aspects = pd.DataFrame(rows)
    s = pd.DataFrame({"sentence_id": [f"a-s{i:03d}" for i in range(len(texts))], "article_id": "a",
                      "outlet": "X", "start": 0, "text": texts})
    pd.testing.assert_frame_equal(aspect_mentions(s, aspects), aspect_mentions_of_every_sentence(s, aspects))


def test_aspect_mentions_keeps_what_ignoring_case_matches_beyond_lower_case():
    aspects = pd.DataFrame([{"aspect": "x", "description": "", "cue": "the misuse", "case_sensitive": None,
                             "inflect": True, "source": "test"}])
    s = pd.DataFrame({"sentence_id": ["a-s001", "a-s002", "a-s003"], "article_id": "a", "outlet": "X", "start": 0,
                      "text": ["They fear the mi\u017fuse of data.", "THE MISUSED data", "Nothing to see."]})
    found = aspect_mentions(s, aspects)
    assert found["match"].tolist() == ["the mi\u017fuse", "THE MISUSED"]
    pd.testing.assert_frame_equal(found, aspect_mentions_of_every_sentence(s, aspects))


@pytest.mark.parametrize(
    "cue, inflect, key",
    [
        ("the dialogue", True, "dialogu"),  # the longest word; the last may change its last letter
        ("regulate", True, "regulat"),
        ("regulate", False, "regulate"),
        ("regulat*", True, "regulat"),
        ("AI", True, "ai"),  # one or two letters: not inflected
        ("no longer use", True, "longer"),
        ("U.S.", True, None),  # no word of letters and digits alone
        ("\u00e9lys\u00e9e", True, None),  # not ASCII: lower case is not all ignoring case does
    ],
)
def test_cue_key_is_a_start_every_match_has(cue, inflect, key):
    assert _cue_key(Term("x", cue, inflect=inflect)) == key
