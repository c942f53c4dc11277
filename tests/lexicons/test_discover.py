"""Discovered actors and aspects, on invented stories (plain ASCII, straight quotes)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus.text import split_sentences
from analysis.lexicons import load_actors, load_aspects
from analysis.lexicons.discover import (
    DISCOVERED_ACTOR_COLUMNS,
    DISCOVERED_ASPECT_COLUMNS,
    discover_actors,
    discover_aspects,
    write_actors_yaml,
    write_aspects_yaml,
)

BUDGET = {
    ("b1", "City Wire"): """Mayor Maria Garcia won approval for her budget on Wednesday after a council session ran past midnight.
The city council voted seven to four for the plan, which raises the property tax rate by two percent.
Councilman Robert Chen voted against it. "This is a missed chance to cut spending," Chen said.
Garcia said the plan keeps every library branch open.""",
    ("b2", "Daily Ledger"): """The budget passed after midnight. In Springfield, homeowners said the property tax rate was too high.
Maria Garcia defended the plan in an interview on Thursday. Garcia said the library branches would stay open.
Robert Chen, who led the opposition, said city hall should trim its own spending first.
The Springfield Taxpayers Association (STA) said it would sue over the property tax rate.""",
    ("b3", "Metro Voice"): """Supporters of the library packed the chamber in Springfield.
Mayor Garcia thanked them. Maria Garcia said every library branch stays open under the budget.
The Springfield Taxpayers Association said the property tax rate would hurt older homeowners.
Police Chief Dana Brooks welcomed money for new officers.""",
    ("b4", "Metro Voice"): """Police Chief Dana Brooks said the budget pays for 40 new officers.
Brooks said response times would fall by spring. Council member Robert Chen asked how the city would pay for them.
Dr. Ellen Park, a public health expert, said social workers should answer some emergency calls.""",
}

STRIKE = {
    ("h1", "Health Desk"): """Nurses at St. Mary's Hospital began a three-day strike on Monday.
The Nurses Union of Ohio said staffing on night shifts was unsafe. Union president Tanya Okafor said talks had failed.
Hospital chief executive James Whitfield said the hospital had offered a four percent raise.""",
    ("h2", "Valley News"): """Tanya Okafor led a march outside St. Mary's Hospital on Tuesday.
Okafor said nurses care for too many patients on night shifts.
James Whitfield said surgeries that were not urgent had been postponed.""",
    ("h3", "Valley News"): """In Columbus, Governor Ellen Marsh urged both sides to return to talks.
Whitfield said agency nurses would keep the emergency department open. The Nurses Union of Ohio said the strike would end on Thursday.""",
}

TRANSFER = {
    ("f1", "Sports Line"): """Striker Luca Romano joined Northfield Rovers from Porto Azul on Friday for a club record fee.
Romano signed a five-year contract. Rovers manager Sam Ellery called him the best young forward in Europe.""",
    ("f2", "Goal Post"): """Northfield Rovers confirmed the signing of Luca Romano on Friday.
Ellery said Romano would start against Westbridge United on Saturday. Sam Ellery said the fee was fair.""",
    ("f3", "Fan Zone"): """Fans of Northfield Rovers greeted Luca Romano at the stadium.
Porto Azul said the club record fee would be paid in three parts.""",
}


def sentences_of(stories: dict) -> pd.DataFrame:
    rows = []
    for (aid, outlet), text in stories.items():
        n = 0
        for p, para in enumerate(text.split("\n"), start=1):
            for a, b in split_sentences(para):
                n += 1
                rows.append({"article_id": aid, "outlet": outlet, "paragraph_no": p, "sentence_no": n,
                             "sentence_id": f"{aid}-s{n:03d}", "text": para[a:b]})
    return pd.DataFrame(rows)


def actors_by_name(found: pd.DataFrame) -> dict[str, dict]:
    return {a: {"type": g["type"].iloc[0], "cues": g["cue"].tolist(), "n_articles": g["n_articles"].iloc[0]}
            for a, g in found.groupby("actor", sort=False)}


def test_budget_story_people_are_found_with_titles_dropped_and_surnames_merged():
    found = actors_by_name(discover_actors(sentences_of(BUDGET)))
    assert found["Maria Garcia"]["type"] == "person"
    assert "Garcia" in found["Maria Garcia"]["cues"]
    assert found["Maria Garcia"]["n_articles"] == 3
    assert found["Robert Chen"]["type"] == "person" and found["Robert Chen"]["n_articles"] == 3
    assert found["Dana Brooks"]["type"] == "person"
    for wrong in ("Mayor Maria Garcia", "Mayor Garcia", "Police Chief Dana Brooks", "Garcia", "Chen", "Wednesday",
                  "Thursday", "Springfield", "The", "In Springfield"):
        assert wrong not in found


def test_budget_story_organisation_and_its_acronym_are_merged():
    found = actors_by_name(discover_actors(sentences_of(BUDGET)))
    sta = found["Springfield Taxpayers Association"]
    assert sta["type"] == "group" and "STA" in sta["cues"] and sta["n_articles"] == 2


def test_strike_story_people_and_groups():
    found = actors_by_name(discover_actors(sentences_of(STRIKE)))
    assert found["Tanya Okafor"]["type"] == "person" and "Okafor" in found["Tanya Okafor"]["cues"]
    assert found["James Whitfield"]["type"] == "person"
    assert found["Nurses Union of Ohio"]["type"] == "group"
    assert "Columbus" not in found and "Monday" not in found


def test_transfer_story_people_and_clubs():
    found = actors_by_name(discover_actors(sentences_of(TRANSFER)))
    assert found["Luca Romano"]["type"] == "person" and found["Luca Romano"]["n_articles"] == 3
    assert found["Sam Ellery"]["type"] == "person"
    assert "Northfield Rovers" in found


def test_actors_are_ranked_by_articles_then_outlets():
    found = discover_actors(sentences_of(BUDGET)).drop_duplicates("actor")
    keys = list(zip(found["n_articles"], found["n_outlets"], found["n_mentions"]))
    assert keys == sorted(keys, reverse=True)


def test_min_articles_and_top_limit_the_table():
    s = sentences_of(BUDGET)
    assert discover_actors(s, min_articles=4).empty
    assert discover_actors(s, top=1)["actor"].nunique() == 1
    assert set(discover_actors(s, min_articles=1)["actor"]) >= {"Ellen Park"}


@pytest.mark.parametrize(
    "texts",
    [
        ["the budget passed after a long night.", "nobody named anyone here at all."],
        ["The vote was close. It passed on Monday.", "In the end, the plan went ahead in March."],
        [],
    ],
)
def test_corpus_without_names_gives_empty_tables(texts):
    s = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))], "outlet": ["X"] * len(texts), "text": texts})
    assert discover_actors(s).empty and list(discover_actors(s).columns) == DISCOVERED_ACTOR_COLUMNS
    found = discover_aspects(s)
    assert list(found.columns) == DISCOVERED_ASPECT_COLUMNS


def test_actors_file_is_read_back_by_load_actors_to_the_same_table(tmp_path):
    found = discover_actors(sentences_of(BUDGET))
    path = write_actors_yaml(found, tmp_path / "lexicons" / "actors.yml")
    text = path.read_text()
    assert text.startswith("# Actors discovered") and "--actors" in text
    back = load_actors(path)
    cols = ["actor", "type", "cue", "case_sensitive", "inflect", "source"]
    pd.testing.assert_frame_equal(back[cols].reset_index(drop=True), found[cols].reset_index(drop=True),
                                  check_dtype=False)


def test_aspects_find_the_budget_story_key_phrases():
    found = discover_aspects(sentences_of(BUDGET))
    cues = set(found["cue"])
    assert "property tax rate" in cues or "property tax" in cues
    assert any("library" in c for c in cues)
    assert not any(c[0].isupper() for c in cues)  # names are actors, not aspects
    assert (found["n_articles"] >= 2).all()


def test_aspects_file_is_read_back_by_load_aspects(tmp_path):
    found = discover_aspects(sentences_of(STRIKE))
    assert not found.empty
    path = write_aspects_yaml(found, tmp_path / "aspects.yml")
    assert "--aspects" in path.read_text()
    back = load_aspects(path)
    cols = ["aspect", "description", "cue", "inflect", "source"]
    pd.testing.assert_frame_equal(back[cols].reset_index(drop=True), found[cols].reset_index(drop=True),
                                  check_dtype=False)
    assert back["case_sensitive"].isna().all()


WORDS = st.sampled_from("the a budget vote passed council city tax plan nurses strike club fee fans said on in".split())


@settings(max_examples=50, deadline=None)
@given(st.lists(st.lists(WORDS, min_size=1, max_size=12), min_size=0, max_size=12))
def test_lower_case_corpora_name_no_actors_and_never_crash(sentences):
    s = pd.DataFrame({"article_id": [f"a{i % 4}" for i in range(len(sentences))],
                      "outlet": [f"O{i % 3}" for i in range(len(sentences))],
                      "text": [" ".join(w).capitalize() + "." for w in sentences]})
    assert discover_actors(s).empty
    found = discover_aspects(s)
    assert (found["n_articles"] >= 2).all()
