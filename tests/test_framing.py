"""Tests for analysis.framing: the codebook, cue matching, profiles, placement and evidence."""

from __future__ import annotations

import textwrap

import matplotlib
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import framing
from analysis.framing import (
    CodebookError,
    cue_audit,
    detect_frames,
    dominant_frames,
    frame_difference,
    frame_evidence,
    frame_placement,
    frame_profile,
    load_codebook,
    plot_frame_difference,
    plot_frame_heatmap,
    plot_frame_sequence,
    sentence_frames,
    to_paragraphs,
)
from analysis.paths import LEXICONS
from analysis.corpus.text import normalise

matplotlib.use("Agg")

PFC = [
    "Economic",
    "Capacity and resources",
    "Morality",
    "Fairness and equality",
    "Legality, constitutionality and jurisprudence",
    "Policy prescription and evaluation",
    "Crime and punishment",
    "Security and defense",
    "Health and safety",
    "Quality of life",
    "Cultural identity",
    "Public opinion",
    "Political",
    "External regulation and reputation",
]
STORY = [
    "Privacy and surveillance",
    "Accuracy and bias of the technology",
    "Corporate motives and responsibility",
    "Usefulness of the technology",
]
FAIR, LEGAL, POLICY, CRIME = PFC[3], PFC[4], PFC[5], PFC[6]
SECURITY, PUBLIC, POLITICAL, EXTERNAL, ECONOMIC = PFC[7], PFC[11], PFC[12], PFC[13], PFC[0]
PRIVACY, ACCURACY, CORPORATE, USEFUL = STORY


# --------------------------------------------------------------------------- helpers


def make_sentences(rows) -> pd.DataFrame:
    """Sentence rows as the corpus gives them, from ``(article_id, outlet, paragraph_no, raw)``."""
    out, offset, counters = [], {}, {}
    for aid, outlet, pno, raw in rows:
        n = normalise(raw)
        counters[aid] = counters.get(aid, 0) + 1
        start = offset.get(aid, 0)
        out.append(
            {
                "article_id": aid,
                "outlet": outlet,
                "paragraph_no": pno,
                "sentence_no": counters[aid],
                "sentence_id": f"{aid}-s{counters[aid]:03d}",
                "text": n.text,
                "start": start,
                "end": start + len(raw),
                "raw": raw,
                "edits": n.edits_str,
            }
        )
        offset[aid] = start + len(raw) + 2
    return pd.DataFrame(out)


def write(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def codebook():
    return load_codebook([LEXICONS / "frames.yml", LEXICONS / "frames_technology.yml"])


def frames_of(raw, codebook) -> set[str]:
    d = detect_frames(make_sentences([("a", "X", 1, raw)]), codebook)
    return set(d["frame"])


GOOD = """\
kind: generic
frames:
  - frame: Political
    definition: politics
    cues:
      - cue: Congress
        rationale: the legislature
  - frame: Other
    residual: true
    definition: none of the above
"""


# --------------------------------------------------------------------------- the shipped codebook


def test_shipped_codebook_has_the_fourteen_policy_frames_in_order_then_story_frames_then_other(codebook):
    assert codebook.frame_names == PFC + STORY
    assert list(codebook.frames["frame"])[-1] == codebook.other == "Other"
    generic = codebook.frames[codebook.frames["kind"] == "generic"]
    assert list(generic["pfc"]) == list(range(1, 16))  # Other is the codebook's dimension 15
    assert codebook.frames.loc[codebook.frames["kind"] == "story", "pfc"].isna().all()
    assert set(codebook.frames.loc[codebook.frames["kind"] == "story", "frame"]) == set(STORY)


def test_every_shipped_cue_has_a_rationale_and_every_frame_a_definition(codebook):
    assert codebook.cues["rationale"].str.len().min() > 5
    assert codebook.frames["definition"].str.len().min() > 20
    substantive = codebook.frames[codebook.frames["frame"] != "Other"]
    assert (substantive["n_cues"] >= 5).all()


def test_generic_codebook_loads_without_the_story_file():
    generic = load_codebook(LEXICONS / "frames.yml")
    assert generic.frame_names == PFC
    assert not set(STORY) & set(generic.cues["frame"])


# --------------------------------------------------------------------------- validation

BAD_FILES = [
    ("unknown top-level key", GOOD + "colour: blue\n", "unknown key 'colour'"),
    ("unknown kind", GOOD.replace("kind: generic", "kind: special"), "kind 'special'"),
    ("unknown frame key", GOOD.replace("definition: politics", "definition: politics\n    weight: 2"),
     "frame 'Political': unknown key 'weight'"),
    ("unknown cue key", GOOD.replace("rationale: the legislature", "rationale: the legislature\n        source: me"),
     "frame 'Political', cue 'Congress': unknown key 'source'"),
    ("missing rationale", GOOD.replace("        rationale: the legislature\n", ""),
     "frame 'Political', cue 'Congress': no rationale"),
    ("missing definition", GOOD.replace("    definition: politics\n", ""), "frame 'Political': no definition"),
    ("empty cue list", GOOD.replace("    cues:\n      - cue: Congress\n        rationale: the legislature\n", "    cues: []\n"),
     "frame 'Political': empty cue list"),
    ("case flag not a boolean", GOOD.replace("rationale: the legislature", "rationale: x\n        case_sensitive: maybe"),
     "cue 'Congress': 'case_sensitive' must be true or false"),
    ("duplicate cue", GOOD.replace("rationale: the legislature", "rationale: x\n      - cue: congress\n        rationale: y"),
     "frame 'Political', cue 'congress': duplicate of cue 'Congress'"),
    ("cue already matched by an inflection", GOOD.replace(
        "rationale: the legislature", "rationale: x\n      - cue: Congresses\n        rationale: y"),
     "cue 'Congresses': already matched by cue 'Congress'"),
    ("wildcard inside a word", GOOD.replace("cue: Congress", "cue: Con*gress"), "'*' may only end a word"),
    ("two residual frames", GOOD + "  - frame: None\n    residual: true\n    definition: again\n",
     "more than one residual frame"),
    ("residual frame with cues", GOOD.replace("    definition: none of the above",
     "    definition: none\n    cues:\n      - cue: x\n        rationale: y"), "the residual frame must have no cues"),
    ("frames not a list", "kind: generic\nframes: Political\n", "'frames' must be a non-empty list"),
    ("not YAML", "frames: [\n", "not valid YAML"),
]


@pytest.mark.parametrize("case, body, message", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_invalid_codebook_is_rejected_with_file_frame_and_cue_named(tmp_path, case, body, message):
    path = write(tmp_path, "frames.yml", body)
    with pytest.raises(CodebookError) as err:
        load_codebook(path)
    assert message in str(err.value)
    assert str(path) in str(err.value)


def test_valid_minimal_codebook_loads(tmp_path):
    cb = load_codebook(write(tmp_path, "frames.yml", GOOD))
    assert cb.frame_names == ["Political"] and cb.other == "Other"
    assert cb.cues.loc[0, "cue"] == "Congress" and not cb.cues.loc[0, "case_sensitive"]


def test_every_problem_is_reported_at_once(tmp_path):
    body = GOOD.replace("    definition: politics\n", "").replace("        rationale: the legislature\n", "")
    with pytest.raises(CodebookError) as err:
        load_codebook(write(tmp_path, "frames.yml", body))
    assert "no definition" in str(err.value) and "no rationale" in str(err.value)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(CodebookError, match="nothere.yml: file not found"):
        load_codebook(tmp_path / "nothere.yml")


STORY_FILE = """\
kind: story
frames:
  - frame: Legislature
    definition: the legislature as a story
    cues:
      - cue: congress
        rationale: the legislature{note}
"""


def test_cue_under_two_frames_without_a_note_names_both_frames_and_files(tmp_path):
    a = write(tmp_path, "frames.yml", GOOD)
    b = write(tmp_path, "story.yml", STORY_FILE.format(note=""))
    with pytest.raises(CodebookError) as err:
        load_codebook([a, b])
    msg = str(err.value)
    assert "cue 'Congress' is listed under 'Political'" in msg and "'Legislature'" in msg
    assert "frames.yml" in msg and "story.yml" in msg and "without a note" in msg


def test_cue_under_two_frames_with_a_note_fires_for_both_even_when_spelled_differently(tmp_path):
    a = write(tmp_path, "frames.yml", GOOD)
    b = write(tmp_path, "story.yml", STORY_FILE.format(note="\n        note: also Political, on purpose"))
    cb = load_codebook([a, b])
    d = detect_frames(make_sentences([("a", "X", 1, "A letter to Congress.")]), cb)
    assert sorted(zip(d["frame"], d["cue"])) == [("Legislature", "congress"), ("Political", "Congress")]


def test_same_frame_name_in_two_files_is_rejected(tmp_path):
    a = write(tmp_path, "frames.yml", GOOD)
    b = write(tmp_path, "story.yml", STORY_FILE.format(note="\n        note: x").replace("Legislature", "Political"))
    with pytest.raises(CodebookError, match="frame 'Political': frame name already used"):
        load_codebook([a, b])


def test_codebook_without_residual_frame_gets_other(tmp_path):
    cb = load_codebook(write(tmp_path, "story.yml", STORY_FILE.format(note="")))
    assert cb.frame_names == ["Legislature"] and list(cb.frames["frame"]) == ["Legislature", "Other"]


# --------------------------------------------------------------------------- matching

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
    ("Covid-19 screening at airports.", PFC[8], "Covid-19"),
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
def test_cue_matching_rules(codebook, raw, frame, expected):
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
def test_every_detection_points_at_its_match_in_the_raw_text_whatever_the_typography(codebook, parts):
    raw = "".join(a + w + b + sep for a, w, b, sep in parts).strip()
    s = make_sentences([("a", "X", 1, "Intro."), ("a", "X", 1, raw)])
    d = detect_frames(s, codebook)
    text = "Intro.\n\n" + raw
    assert all(text[a:b] == m and a < b for m, a, b in zip(d["match"], d["start"], d["end"]))
    # nothing is found in the matching form that is not also reported
    assert len(d.drop_duplicates(["start", "end"])) == len(codebook.matcher.find(s.loc[1, "text"]))


def test_detections_have_the_contract_columns_and_file_offsets(codebook):
    s = make_sentences([("a", "X", 1, "First sentence."), ("a", "X", 2, "They passed a ban on \u201cpolice\u201d drones.")])
    d = detect_frames(s, codebook)
    assert list(d.columns) == ["sentence_id", "article_id", "outlet", "frame", "cue", "match", "start", "end"]
    text = "First sentence.\n\nThey passed a ban on \u201cpolice\u201d drones."
    assert all(text[a:b] == m for m, a, b in zip(d["match"], d["start"], d["end"]))
    assert set(d["sentence_id"]) == {"a-s002"}


def test_longest_match_wins_so_law_enforcement_is_not_legality(codebook):
    assert frames_of("Used by law enforcement.", codebook) == {CRIME}


def test_cue_listed_under_two_frames_fires_for_both(codebook):
    assert {POLICY, CRIME} <= frames_of("Police reform now.", codebook)


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
    ("VPNoverview", "IBM agrees with this.", set(), set(PFC + STORY)),
]


@pytest.mark.parametrize("outlet, raw, coded, not_coded", REAL, ids=[r[1][:40] for r in REAL])
def test_real_sentences_get_the_frames_a_careful_coder_gives_them(codebook, outlet, raw, coded, not_coded):
    found = frames_of(raw, codebook)
    assert coded <= found, f"missing {coded - found}"
    assert not (not_coded & found), f"should not fire: {not_coded & found}"


# --------------------------------------------------------------------------- profiles


@pytest.fixture
def two_outlets():
    """A: 4 sentences, 2 Political, 1 Economic (one of them both); B: 2 sentences, none framed."""
    s = pd.DataFrame(
        {
            "sentence_id": ["a1", "a2", "a3", "a4", "b1", "b2"],
            "article_id": ["a"] * 4 + ["b"] * 2,
            "outlet": ["A"] * 4 + ["B"] * 2,
            "paragraph_no": [1, 1, 2, 2, 1, 2],
        }
    )
    d = pd.DataFrame(
        {
            "sentence_id": ["a1", "a1", "a2", "a2"],
            "frame": ["Political", "Political", "Political", "Economic"],
        }
    )
    return s, d


def test_profile_counts_sentences_not_cue_matches(two_outlets):
    s, d = two_outlets
    p = frame_profile(s, d, frames=["Economic", "Political", "Health"], n_boot=100).set_index(["outlet", "frame"])
    assert p.loc[("A", "Political"), "n_invoking"] == 2
    assert p.loc[("A", "Political"), "share"] == 0.5
    assert p.loc[("A", "Economic"), "share"] == 0.25
    assert p.loc[("A", "Other"), "share"] == 0.5
    assert p.loc[("A", "Health"), "share"] == 0  # a frame that never fired still has a row
    assert p.loc[("B", "Other"), "share"] == 1 and p.loc[("B", "Political"), "share"] == 0
    assert (p["n_sentences"] == p.index.get_level_values("outlet").map({"A": 4, "B": 2})).all()


def test_profile_intervals_contain_the_share_and_stay_in_0_1(two_outlets):
    s, d = two_outlets
    p = frame_profile(s, d, n_boot=500)
    assert ((p["low"] <= p["share"]) & (p["share"] <= p["high"])).all()
    assert p["low"].min() >= 0 and p["high"].max() <= 1
    assert (p["high"] - p["low"]).max() > 0


def test_profile_is_reproducible_with_a_seed(two_outlets):
    s, d = two_outlets
    a = frame_profile(s, d, n_boot=300, seed=1)
    pd.testing.assert_frame_equal(a, frame_profile(s, d, n_boot=300, seed=1))
    assert not a.equals(frame_profile(s, d, n_boot=300, seed=1, level=0.5))


def test_paragraph_bootstrap_is_wider_when_frames_cluster_in_paragraphs():
    s = pd.DataFrame(
        {
            "sentence_id": [f"s{i}" for i in range(12)],
            "article_id": ["a"] * 12,
            "outlet": ["A"] * 12,
            "paragraph_no": [1] * 6 + [2] * 6,
        }
    )
    d = pd.DataFrame({"sentence_id": [f"s{i}" for i in range(6)], "frame": ["Political"] * 6})
    by_s = frame_profile(s, d, n_boot=2000).set_index("frame").loc["Political"]
    by_p = frame_profile(s, d, n_boot=2000, unit="paragraph").set_index("frame").loc["Political"]
    assert by_s["share"] == by_p["share"] == 0.5
    assert (by_p["high"] - by_p["low"]) > (by_s["high"] - by_s["low"])
    assert by_p["low"] == 0 and by_p["high"] == 1


def test_profile_rejects_an_unknown_unit_and_frames_missing_from_the_list(two_outlets):
    s, d = two_outlets
    with pytest.raises(ValueError, match="unit"):
        frame_profile(s, d, unit="word")
    with pytest.raises(ValueError, match="Economic"):
        frame_profile(s, d, frames=["Political"])


def three_outlets():
    s = pd.DataFrame(
        {
            "sentence_id": [f"{o}{i}" for o in "ABC" for i in range(4)],
            "outlet": [o for o in "ABC" for _ in range(4)],
        }
    )
    # A: 4 of 4 Political; B: 2 of 4; C: 0 of 4
    d = pd.DataFrame({"sentence_id": ["A0", "A1", "A2", "A3", "B0", "B1"], "frame": ["Political"] * 6})
    return s, d


def test_difference_compares_each_outlet_with_the_rest_pooled():
    s, d = three_outlets()
    diff = frame_difference(s, d, n_boot=200).set_index(["outlet", "frame"])
    assert diff.loc[("A", "Political"), "share_rest"] == pytest.approx(2 / 8)
    assert diff.loc[("A", "Political"), "difference"] == pytest.approx(1 - 2 / 8)
    assert diff.loc[("C", "Political"), "difference"] == pytest.approx(0 - 6 / 8)
    assert diff.loc[("B", "Political"), "difference"] == pytest.approx(0.5 - 4 / 8)
    assert set(diff.index.get_level_values("outlet")) == {"A", "B", "C"}


def test_difference_interval_excludes_zero_for_a_clear_gap_and_includes_it_for_none():
    n = 20
    s = pd.DataFrame({"sentence_id": [f"{o}{i}" for o in "AB" for i in range(n)], "outlet": ["A"] * n + ["B"] * n})
    clear = pd.DataFrame({"sentence_id": [f"A{i}" for i in range(n)], "frame": ["Political"] * n})
    same = pd.DataFrame({"sentence_id": [f"{o}{i}" for o in "AB" for i in range(n // 2)], "frame": ["Political"] * n})
    a = frame_difference(s, clear).set_index(["outlet", "frame"]).loc[("A", "Political")]
    b = frame_difference(s, same).set_index(["outlet", "frame"]).loc[("A", "Political")]
    assert a["low"] > 0
    assert b["low"] < 0 < b["high"] and b["difference"] == 0


def test_difference_with_two_outlets_mirrors_and_with_one_is_an_error(two_outlets):
    s, d = two_outlets
    diff = frame_difference(s, d, n_boot=200).set_index(["outlet", "frame"])
    assert diff.loc[("A", "Political"), "difference"] == -diff.loc[("B", "Political"), "difference"] == 0.5
    with pytest.raises(ValueError, match="at least two groups"):
        frame_difference(s[s["outlet"] == "A"], d)


# --------------------------------------------------------------------------- paragraphs, placement


DOMINANT = [
    # (frames of the paragraph's sentences as (frame, cue start) lists, expected dominant, expected tied_with)
    ([[("Political", 0)], [("Political", 30)], [("Economic", 60)]], "Political", ""),
    ([[("Economic", 5), ("Political", 0)]], "Political", "Economic"),  # a tie goes to the frame read first
    ([[("Economic", 5), ("Economic", 9), ("Political", 0)]], "Economic", "Political"),  # then more cues first
    ([[], []], "Other", ""),
]


@pytest.mark.parametrize("sentences, expected, tied", DOMINANT)
def test_dominant_frame_of_a_paragraph(sentences, expected, tied):
    s = pd.DataFrame(
        {
            "sentence_id": [f"s{i}" for i in range(len(sentences))],
            "article_id": "a",
            "outlet": "A",
            "paragraph_no": 1,
            "sentence_no": range(1, len(sentences) + 1),
        }
    )
    rows = [(f"s{i}", f, st) for i, fs in enumerate(sentences) for f, st in fs]
    d = pd.DataFrame(rows, columns=["sentence_id", "frame", "start"]).assign(match="x")
    out = dominant_frames(s, d, frames=["Economic", "Political"])
    assert out.loc[0, "frame"] == expected
    assert out.loc[0, "tied_with"] == tied
    assert out.loc[0, "n_sentences"] == len(sentences)


def test_placement_splits_headline_lede_and_body(codebook):
    s = make_sentences(
        [
            ("a", "A", 1, "Police used racial profiling."),
            ("a", "A", 1, "Nothing here."),
            ("a", "A", 2, "Congress must act."),
            ("b", "B", 1, "Congress must act."),
        ]
    )
    h = make_sentences([("a-h", "A", 0, "A call for privacy"), ("b-h", "B", 0, "Nothing")])
    d = detect_frames(pd.concat([h, s]), codebook)
    p = frame_placement(s, d, headlines=h, frames=codebook).set_index(["outlet", "part", "frame"])
    assert p.loc[("A", "headline", PRIVACY), "share"] == 1
    assert p.loc[("A", "lede", FAIR), "share"] == 0.5 and p.loc[("A", "lede", FAIR), "n_sentences"] == 2
    assert p.loc[("A", "body", FAIR), "share"] == 0
    assert p.loc[("A", "body", POLITICAL), "share"] == 1
    assert p.loc[("B", "headline", "Other"), "share"] == 1
    assert np.isnan(p.loc[("B", "body", POLITICAL), "share"])  # B has no body: no share, not zero
    assert list(dict.fromkeys(p.index.get_level_values("part"))) == ["headline", "lede", "body"]


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


# --------------------------------------------------------------------------- evidence and audit


def test_evidence_marks_the_cue_in_the_raw_sentence(codebook):
    raw = "Police reform\u2014new federal rules should hold police more accountable for misconduct."
    s = make_sentences([("x", "X", 1, "Intro."), ("a", "Colorlines", 5, raw)])
    ev = frame_evidence(s, detect_frames(s, codebook), frames=codebook).set_index("frame")
    assert ev.loc[POLICY, "sentence"] == "«Police reform»\u2014new federal «rules» should hold police more accountable for misconduct."
    assert ev.loc[CRIME, "sentence"].startswith("«Police reform»\u2014new federal rules should hold «police» more «accountable»")
    assert ev.loc[POLICY, "cues"] == "Police reform; rules"
    assert list(ev.index) == [POLICY, CRIME]  # codebook order


def test_cue_audit_lists_fired_and_never_fired_cues(codebook):
    s = make_sentences([("a", "A", 1, "New regulations and a regulation."), ("b", "B", 1, "Regulate it.")])
    audit = cue_audit(detect_frames(s, codebook), codebook).set_index(["frame", "cue"])
    row = audit.loc[(POLICY, "regulat*")]
    assert row["n_matches"] == 3 and row["n_sentences"] == 2
    assert row["outlets"] == "A, B" and row["forms"] == "regulations; regulation; Regulate"
    assert audit.loc[(CRIME, "ICE"), "n_matches"] == 0
    assert len(audit) == len(codebook.cues)


# --------------------------------------------------------------------------- figures


def test_figures_show_every_frame_and_outlet(codebook):
    s = make_sentences([("a", "A", 1, "Police reform now."), ("a", "A", 2, "Privacy."), ("b", "B", 1, "Congress acts.")])
    d = detect_frames(s, codebook)
    colours = {"A": "#0072B2", "B": "#E69F00"}
    prof = frame_profile(s, d, frames=codebook, n_boot=50)
    fig = plot_frame_heatmap(prof, colours=colours)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == codebook.frame_names + ["Other"]
    assert [t.get_color() for t in ax.get_xticklabels()] == ["#0072B2", "#E69F00"]
    diff = frame_difference(s, d, frames=codebook, n_boot=50)
    fig = plot_frame_difference(diff, colours=colours)
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["A minus B (dashed: rests on one article)"]
    fig = plot_frame_difference({"sentences": diff, "paragraphs": diff}, colours=colours)
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["A minus B, sentences (dashed: rests on one article)",
                                                                             "A minus B, paragraphs (dashed: rests on one article)"]
    fig = plot_frame_sequence(s, d, colours=colours, frames=codebook)
    assert len(fig.axes) == 2 and fig.axes[0].get_title(loc="left").startswith("A")


def test_sequence_figure_of_a_large_corpus_shows_max_articles_taken_in_turn_from_each_outlet(codebook):
    # outlet A has four articles, B two, C one: in turn A1 B1 C1 A2 B2, drawn in corpus order
    articles = [("a1", "A"), ("a2", "A"), ("a3", "A"), ("a4", "A"), ("b1", "B"), ("b2", "B"), ("c1", "C")]
    s = make_sentences([(aid, outlet, 1, "Congress acts.") for aid, outlet in articles])
    d = detect_frames(s, codebook)
    colours = {"A": "#0072B2", "B": "#E69F00", "C": "#009E73"}
    fig = plot_frame_sequence(s, d, colours=colours, frames=codebook, max_articles=5)
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["A (a1)", "A (a2)", "B (b1)", "B (b2)", "C (c1)"]
    assert "5 of 7 articles" in fig._suptitle.get_text()
    fig = plot_frame_sequence(s, d, colours=colours, frames=codebook, max_articles=7)
    assert len(fig.axes) == 7 and "of 7" not in fig._suptitle.get_text()


def test_dominant_frames_of_many_paragraphs_match_one_paragraph_at_a_time():
    # paragraphs ranked together must come out as each ranked alone; paragraph 2 of "a" comes back after "b"
    s = pd.DataFrame(
        {
            "sentence_id": ["a1", "a2", "b1", "b2", "a3", "a4"],
            "article_id": ["a", "a", "b", "b", "a", "a"],
            "outlet": ["A", "A", "B", "B", "A", "A"],
            "paragraph_no": [1, 1, 1, 1, 2, 2],
            "sentence_no": [1, 2, 1, 2, 3, 4],
        }
    )
    d = pd.DataFrame(
        [("a1", "Political", 4), ("a2", "Economic", 1), ("b1", "Economic", 9), ("b1", "Economic", 12),
         ("b2", "Political", 3), ("a3", "Health", 2)],
        columns=["sentence_id", "frame", "start"],
    ).assign(match="x")
    frames = ["Economic", "Political", "Health"]
    together = dominant_frames(s, d, frames=frames)
    alone = pd.concat(
        [dominant_frames(s[(s["article_id"] == a) & (s["paragraph_no"] == p)], d, frames=frames)
         for a, p in [("a", 1), ("b", 1), ("a", 2)]],
        ignore_index=True,
    )
    pd.testing.assert_frame_equal(together, alone)
    assert list(together["frame"]) == ["Economic", "Economic", "Health"]
    assert list(together["tied_with"]) == ["Political", "Political", ""]
    assert list(together["n_sentences"]) == [2, 2, 2]


@pytest.mark.parametrize("unit", ["sentence", "paragraph"])
def test_large_corpus_bootstrap_gives_the_same_shares_and_intervals_within_resampling_noise(monkeypatch, unit):
    # beyond _EXACT_DRAWS the replicates are drawn as counts of uniform picks instead of rng.multinomial:
    # the same distribution, another random stream
    rng = np.random.default_rng(7)
    n = 600
    s = pd.DataFrame({"sentence_id": [f"s{i}" for i in range(n)], "outlet": rng.choice(["A", "B", "C"], n),
                      "article_id": [f"a{i // 12}" for i in range(n)], "paragraph_no": [i // 3 % 4 for i in range(n)]})
    framed = rng.random(n) < np.where(s["outlet"] == "A", 0.5, 0.2)
    d = pd.DataFrame({"sentence_id": s["sentence_id"][framed], "frame": "Political"})
    exact = frame_difference(s, d, unit=unit)
    monkeypatch.setattr(framing, "_EXACT_DRAWS", 0)
    fast = frame_difference(s, d, unit=unit)
    pd.testing.assert_frame_equal(fast, frame_difference(s, d, unit=unit))  # still seeded
    cols = ["outlet", "frame", "share", "share_rest", "difference"]
    pd.testing.assert_frame_equal(fast[cols], exact[cols])
    assert not fast[["low", "high"]].equals(exact[["low", "high"]])
    assert (fast[["low", "high"]] - exact[["low", "high"]]).abs().max().max() < 0.02


def test_the_heatmap_of_many_outlets_turns_its_labels_and_leaves_the_intervals_to_the_table():
    rows = [(f"Outlet {i:02d}", frame, 100, 5, 30, 0.3, 0.25, 0.35, False)
            for i in range(12) for frame in ("Economic", "Other")]
    profile = pd.DataFrame(rows, columns=["outlet", "frame", "n_sentences", "n_articles", "n_invoking", "share",
                                          "low", "high", "one_article"])
    fig = plot_frame_heatmap(profile, colours={})
    ax = fig.axes[0]
    assert {t.get_rotation() for t in ax.get_xticklabels()} == {60.0}
    assert all("[" not in t.get_text() for t in ax.texts) and {t.get_text() for t in ax.texts} == {"30%"}
    few = plot_frame_heatmap(profile[profile["outlet"].isin(["Outlet 00", "Outlet 01"])], colours={})
    assert {t.get_rotation() for t in few.axes[0].get_xticklabels()} == {0.0}
    assert all("[25\u201335]" in t.get_text() for t in few.axes[0].texts)
    import matplotlib.pyplot as plt

    plt.close("all")


def test_the_difference_figure_of_many_outlets_gives_each_outlet_a_panel():
    rows = [(f"Outlet {i}", frame, 0.3, 0.2, 0.1, 0.0, 0.2, 5, 20, False)
            for i in range(6) for frame in ("Economic", "Political", "Other")]
    diff = pd.DataFrame(rows, columns=["outlet", "frame", "share", "share_rest", "difference", "low", "high",
                                       "n_articles", "n_articles_rest", "one_article"])
    fig = plot_frame_difference({"sentences": diff, "paragraphs": diff}, colours={})
    shown = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in shown] == [f"Outlet {i}" for i in range(6)]
    assert [t.get_text() for t in shown[0].get_yticklabels()] == ["Economic", "Political", "Other"]
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["sentences", "paragraphs"]
    import matplotlib.pyplot as plt

    plt.close("all")
