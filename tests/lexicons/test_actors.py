"""Tests for analysis.lexicons.actors: the actors and aspects lexicons, and what their loaders reject."""

from __future__ import annotations

import pytest

from analysis.lexicons.actors import ACTOR_TYPES, load_actors, load_aspects


@pytest.fixture(scope="module")
def actors():
    return load_actors()


def test_actors_lexicon_has_the_required_actors_with_valid_types(actors):
    required = {
        "IBM", "Arvind Krishna", "Congress", "police / law enforcement", "Amazon", "Microsoft",
        "Google / Alphabet", "Sundar Pichai", "European Commission", "facial recognition technology",
        "civil-rights advocates", "The Guardian", "Colorlines", "Cory Booker", "Kamala Harris",
        "Karen Bass", "Hakeem Jeffries", "Jerrold Nadler", "George Floyd", "Ahmaud Arbery",
        "Breonna Taylor", "ICE", "FBI", "governments and security services",
    }
    assert required <= set(actors["actor"])
    assert set(actors["type"]) <= set(ACTOR_TYPES)
    assert actors["source"].str.len().gt(10).all()


@pytest.mark.parametrize(
    "yaml_text, message",
    [
        ("actors: 3", "top-level 'actors:' list"),
        ("actors:\n  - {name: X, type: planet, aliases: [], source: s}", "type 'planet'"),
        ("actors:\n  - {name: X, type: person, aliases: []}", "'source' or 'rationale'"),
        ("actors:\n  - {type: person, aliases: [], source: s}", "missing 'name'"),
        ("actors:\n  - {name: X, type: person, aliases: [3], source: s}", "alias 3"),
        ("actors:\n  - {name: X, type: person, source: s}\n  - {name: X, type: person, source: s}", "listed twice"),
    ],
)
def test_load_actors_names_the_file_and_the_problem(tmp_path, yaml_text, message):
    path = tmp_path / "actors.yml"
    path.write_text(yaml_text)
    with pytest.raises(ValueError, match="actors.yml") as info:
        load_actors(path)
    assert message in str(info.value)


def test_load_actors_accepts_rationale_and_per_alias_case_rules(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text(
        "actors:\n  - name: Karen Bass\n    type: person\n    rationale: r\n"
        "    aliases: [{cue: bass, case_sensitive: false, inflect: false}]\n"
    )
    a = load_actors(path)
    assert a["cue"].tolist() == ["Karen Bass", "bass"]
    assert a["case_sensitive"].tolist() == [None, False]
    assert a["inflect"].tolist() == [True, False]


def test_aspects_lexicon_names_the_story_parts_the_issue_lists():
    aspects = load_aspects()
    names = set(aspects["aspect"])
    for needed in ["IBM's decision", "policy: police reform", "policy: responsible technology",
                   "policy: skills and education", "critics' doubts about IBM's motives", "other companies",
                   "regulation", "protests and police killings", "privacy and civil liberties", "bias testing of AI"]:
        assert needed in names
    assert aspects["source"].str.len().gt(10).all()
    # an aspect's name is a label, not a cue
    assert not {"IBM's decision", "other companies", "regulation"} & set(aspects["cue"])


def test_load_aspects_requires_cues_and_a_source(tmp_path):
    path = tmp_path / "aspects.yml"
    path.write_text("aspects:\n  - {name: x, cues: [a], description: d}\n")
    with pytest.raises(ValueError, match="aspects.yml aspect 1 \\(x\\).*source"):
        load_aspects(path)
    path.write_text("aspects:\n  - {name: x, source: s}\n")
    with pytest.raises(ValueError, match="no 'cues'"):
        load_aspects(path)
