"""Tests for analysis.lexicons.codebook: the shipped frame codebook and the validation of codebook files."""

from __future__ import annotations

import textwrap

import pytest

from analysis.lexicons import CodebookError, lexicon_paths, load_codebook
from analysis.measures.frames import detect_frames

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


def write(tmp_path, name, body):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


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
    generic = load_codebook(lexicon_paths()["codebook"])
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


def test_cue_under_two_frames_with_a_note_fires_for_both_even_when_spelled_differently(tmp_path, make_sentences):
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
