"""Tests for analysis.measures.frames.detection: cue matching, located detections, sentence frames and paragraphs."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.measures.frames import detect_frames, frame_profile, sentence_frames, to_paragraphs

ECONOMIC, FAIR, LEGAL = "Economic", "Fairness and equality", "Legality, constitutionality and jurisprudence"
POLICY, CRIME, SECURITY = "Policy prescription and evaluation", "Crime and punishment", "Security and defense"
HEALTH, PUBLIC, EXTERNAL = "Health and safety", "Public opinion", "External regulation and reputation"
PRIVACY, CORPORATE, USEFUL = ("Privacy and surveillance", "Corporate motives and responsibility",
                              "Usefulness of the technology")


def frames_of(raw, codebook, make_sentences) -> set[str]:
    d = detect_frames(make_sentences([("a", "X", 1, raw)]), codebook)
    return set(d["frame"])


MATCHING = [
    # (raw sentence, frame expected, the raw text that must be matched, or None for no match of that frame)
    ("Police used racial profiling.", FAIR, "racial profiling"),
    ("Use by law-enforcement agencies.", CRIME, "law-enforcement"),
    ("They want to regulate it.", POLICY, "regulate"),
    ("They want a regulation.", POLICY, "regulation"),
    ("New regulations are needed.", POLICY, "regulations"),
    ("Regulating it is hard.", POLICY, "Regulating"),
    ("Europe banned it.", POLICY, "banned"),
    ("Shared with ICE agents.", CRIME, "ICE"),
    ("Roads covered in ice.", CRIME, None),
    ("The policeman's ice cream.", CRIME, None),  # whole words: neither "police" nor "ICE"
    ("The Ring doorbell network.", PRIVACY, "Ring"),
    ("Ring the bell.", PRIVACY, "Ring"),  # the documented cost of a case-sensitive "Ring"
    ("They ring the bell.", PRIVACY, None),
    ("Covid-19 screening at airports.", HEALTH, "Covid-19"),
    ("International Business Machines (IBM) stops.", EXTERNAL, None),
    ("International Business Machines (IBM) stops.", ECONOMIC, None),
    ("Its large consulting business.", ECONOMIC, "business"),
    ("The EU wants to limit use.", POLICY, "limit"),
    ("It limits our freedom.", POLICY, None),  # "limit" is deliberately not inflected
    ("It reserves the right to sell it.", LEGAL, None),  # "right" is not a legal cue, "rights" is
    ("Calls for an end.", POLICY, "Calls for"),
    ("to re-sell the same technology", ECONOMIC, "re-sell"),
    ("Users act responsibly.", CORPORATE, "responsibly"),
    ("They threaten civil\u00a0rights.", LEGAL, "civil\u00a0rights"),  # no-break space, as in the Colorlines file
    ("\u201cMass surveillance\u201d is wrong.", PRIVACY, "Mass surveillance"),
    ("Police reform\u2014new federal rules.", POLICY, "rules"),  # an em dash changes the length of the text
]


@pytest.mark.parametrize("raw, frame, expected", MATCHING)
def test_cue_matching_rules(codebook, make_sentences, raw, frame, expected):
    s = make_sentences([("a", "X", 1, raw)])
    d = detect_frames(s, codebook)
    hits = d[d["frame"] == frame]
    if expected is None:
        assert hits.empty, hits[["cue", "match"]].to_dict("records")
    else:
        assert expected in list(hits["match"])
        # offsets point at the raw text, whatever the normalisation changed
        for m, a, b in zip(hits["match"], hits["start"], hits["end"]):
            assert raw[a:b] == m


WORDS = ["police", "reform", "racial", "profiling", "civil", "rights", "privacy", "Congress", "the", "ICE", "ice", "law"]
SEPARATORS = [" ", "\u00a0", "  ", "\u2014", " \u2014 ", "-", "\u2013", "\n"]
QUOTES = ["", "\u201c", "\u201d", "\u2019", '"']


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(QUOTES), st.sampled_from(WORDS), st.sampled_from(QUOTES),
                          st.sampled_from(SEPARATORS)), min_size=1, max_size=12))
def test_every_detection_points_at_its_match_in_the_raw_text_whatever_the_typography(codebook, make_sentences, parts):
    raw = "".join(a + w + b + sep for a, w, b, sep in parts).strip()
    s = make_sentences([("a", "X", 1, "Intro."), ("a", "X", 1, raw)])
    d = detect_frames(s, codebook)
    text = "Intro.\n\n" + raw
    assert all(text[a:b] == m and a < b for m, a, b in zip(d["match"], d["start"], d["end"]))
    # nothing is found in the matching form that is not also reported
    assert len(d.drop_duplicates(["start", "end"])) == len(codebook.matcher.find(s.loc[1, "text"]))


def test_detections_have_the_contract_columns_and_file_offsets(codebook, make_sentences):
    s = make_sentences([("a", "X", 1, "First sentence."), ("a", "X", 2, "They passed a ban on \u201cpolice\u201d drones.")])
    d = detect_frames(s, codebook)
    assert list(d.columns) == ["sentence_id", "article_id", "outlet", "frame", "cue", "match", "start", "end"]
    text = "First sentence.\n\nThey passed a ban on \u201cpolice\u201d drones."
    assert all(text[a:b] == m for m, a, b in zip(d["match"], d["start"], d["end"]))
    assert set(d["sentence_id"]) == {"a-s002"}


def test_longest_match_wins_so_law_enforcement_is_not_legality(codebook, make_sentences):
    assert frames_of("Used by law enforcement.", codebook, make_sentences) == {CRIME}


def test_cue_listed_under_two_frames_fires_for_both(codebook, make_sentences):
    assert {POLICY, CRIME} <= frames_of("Police reform now.", codebook, make_sentences)


def test_sentence_missing_a_column_is_named(codebook):
    with pytest.raises(ValueError, match="lacks column"):
        detect_frames(pd.DataFrame({"sentence_id": ["a"], "text": ["x"]}), codebook)

# --------------------------------------------------------------------------- real sentences

REAL = [
    # (outlet, raw sentence from data/raw, frames a careful coder codes, frames they would not)
    (
        "Colorlines",
        "Civil rights advocates have long criticized the use of facial recognition services because of its "
        "ability to quietly track large portions of communities of color.",
        {FAIR, PRIVACY, PUBLIC},
        {LEGAL},  # "civil rights" names the advocates' movement here, not a right at stake
    ),
    (
        "VPNoverview",
        "If it was up to the European Commission, the use of facial recognition would be subject to strict regulations.",
        {POLICY, EXTERNAL},
        {LEGAL, CRIME},
    ),
    (
        "VPNoverview",
        "The executive committee wants to limit \u2018random\u2019 use of the technology to protect the privacy of Europeans.",
        {POLICY, PRIVACY, EXTERNAL},
        {USEFUL},
    ),
    (
        "VPNoverview",
        "Adversaries and civil rights activists feel that using facial recognition software on a large scale "
        "violates civil rights and privacy.",
        {FAIR, LEGAL, PRIVACY, PUBLIC},
        set(),
    ),
    (
        "Colorlines",
        "Police reform\u2014new federal rules should hold police more accountable for misconduct.",
        {POLICY, CRIME},
        {LEGAL},
    ),
    (
        "Colorlines",
        "They also accuse IBM\u2019s letter of leaving \u201cloopholes\u201d because \u201cit reserves the right to sell "
        "facial recognition technology for specific purposes, for example, as well as to re-sell the same technology "
        "from other vendors as part of its large consulting business,\u201d according to The Guardian.",
        {ECONOMIC, CORPORATE},
        {LEGAL},
    ),
    (
        "VPNoverview",
        "He says that artificial intelligence (AI) is \u201ca powerful tool\u201d to keep Americans safe.",
        {USEFUL, SECURITY},
        set(),
    ),
    (
        "VPNoverview",
        "International Business Machines (IBM) is going to stop researching, developing, and selling products "
        "which include facial recognition software.",
        {ECONOMIC},
        {EXTERNAL},
    ),
    ("VPNoverview", "It violates civil rights and limits our freedom.", {LEGAL}, {POLICY}),
]


@pytest.mark.parametrize("outlet, raw, coded, not_coded", REAL, ids=[r[1][:40] for r in REAL])
def test_real_sentences_get_the_frames_a_careful_coder_gives_them(codebook, make_sentences, outlet, raw, coded,
                                                                  not_coded):
    found = frames_of(raw, codebook, make_sentences)
    assert coded <= found, f"missing {coded - found}"
    assert not (not_coded & found), f"should not fire: {not_coded & found}"


def test_a_real_sentence_without_a_cue_invokes_no_frame(codebook, make_sentences):
    assert frames_of("IBM agrees with this.", codebook, make_sentences) == set()  # from VPNoverview


# --------------------------------------------------------------------------- sentence frames and paragraphs


def test_sentence_frames_gives_every_sentence_at_least_one_row(two_outlets):
    s, d = two_outlets
    sf = sentence_frames(s, d)
    assert set(sf["sentence_id"]) == set(s["sentence_id"])
    assert list(sf.loc[sf["sentence_id"] == "a1", "n_cues"]) == [2]
    assert list(sf.loc[sf["sentence_id"] == "a2", "frame"]) == ["Political", "Economic"]
    assert list(sf.loc[sf["sentence_id"] == "b1", "frame"]) == ["Other"]


def test_paragraph_units_count_a_paragraph_once_however_many_sentences_invoke_a_frame(two_outlets):
    s, d = two_outlets
    units, moved = to_paragraphs(s, d)
    assert list(units["sentence_id"]) == ["a-p01", "a-p02", "b-p01", "b-p02"]
    assert list(units["n_sentences"]) == [2, 2, 1, 1]
    p = frame_profile(units, moved, n_boot=50).set_index(["outlet", "frame"])
    # a1 and a2 (both paragraph 1) invoke Political: one paragraph of two, not two sentences of four
    assert p.loc[("A", "Political"), "n_invoking"] == 1 and p.loc[("A", "Political"), "share"] == 0.5
    assert p.loc[("A", "Other"), "n_invoking"] == 1
