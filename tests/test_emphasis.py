"""Tests for analysis.emphasis: actors, prominence, aspects, quotes, alignment, log-odds."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.emphasis import ACTOR_TYPES, actor_mentions, load_actors
from analysis.text import normalise, split_sentences


def make_sentences(article_id: str, outlet: str, paragraphs: list[str]) -> pd.DataFrame:
    """A small sentences table in the contract's shape, built from invented paragraphs.

    Paragraphs are joined by blank lines so that ``start``/``end`` are offsets in
    that joined "file", as the corpus loader gives them.
    """
    rows, offset, n = [], 0, 0
    for p_no, para in enumerate(paragraphs, start=1):
        for a, b in split_sentences(para):
            n += 1
            raw = para[a:b]
            norm = normalise(raw)
            rows.append(
                {
                    "article_id": article_id,
                    "outlet": outlet,
                    "paragraph_no": p_no,
                    "sentence_no": n,
                    "sentence_id": f"{article_id}-s{n:03d}",
                    "text": norm.text,
                    "start": offset + a,
                    "end": offset + b,
                    "raw": raw,
                    "edits": norm.edits,
                }
            )
        offset += len(para) + 2
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def actors():
    return load_actors()


# ---------------------------------------------------------------- actors


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
    "text, expected",
    [
        ("IBM CEO Arvind Krishna wrote to Congress.", ["IBM", "Arvind Krishna", "Congress"]),
        ("Krishna decided to write the letter to congress.", ["Arvind Krishna", "Congress"]),
        ("According to the CEO, it is time.", ["Arvind Krishna"]),
        ("Activists accused Amazon Ring’s partnership with police departments.",
         ["civil-rights advocates", "Amazon", "police / law enforcement"]),
        ("Shared with other agencies like ICE or the FBI.", ["ICE", "FBI"]),
        ("The ice on the lake was thin.", []),
        ("Police policies matter to police.", ["police / law enforcement", "police / law enforcement"]),
        ("Rep. Karen Bass wrote back; Bass agreed.", ["Karen Bass", "Karen Bass"]),
        ("He caught a bass and a sea bass.", []),
        ("The guardian of the gate.", []),
        ("According to The Guardian, it was late.", ["The Guardian"]),
        ("Sundar Pichai, Alphabet’s CEO (Google’s parent company), said so.",
         ["Sundar Pichai", "Google / Alphabet", "Google / Alphabet"]),
        ("The chief executive officer spoke.", []),
        ("Officers usually walk away freely.", ["police / law enforcement"]),
        ("IBMs and IBM’s and xIBM.", ["IBM", "IBM"]),
    ],
)
def test_actor_mentions_find_aliases_as_whole_words(actors, text, expected):
    s = make_sentences("t", "Test", [text])
    assert actor_mentions(s, actors)["actor"].tolist() == expected


def test_actor_mentions_give_raw_offsets_through_typographic_characters(actors):
    raw = "IBM\u2019s letter\u00a0\u00a0to  Congress, said Krishna."
    s = make_sentences("t", "Test", ["Lead sentence here.", raw])
    m = actor_mentions(s, actors)
    text = "Lead sentence here.\n\n" + raw
    assert [text[a:b] for a, b in zip(m["start"], m["end"])] == ["IBM", "Congress", "Krishna"]
    assert m["match"].tolist() == ["IBM", "Congress", "Krishna"]
    assert list(m.columns[:8]) == ["sentence_id", "article_id", "outlet", "actor", "type", "cue", "match", "start"]


def test_actor_mentions_of_an_empty_table_is_an_empty_table_with_columns(actors):
    s = make_sentences("t", "Test", ["Nothing to see."])
    m = actor_mentions(s, actors)
    assert m.empty and "actor" in m.columns and "type" in m.columns


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
