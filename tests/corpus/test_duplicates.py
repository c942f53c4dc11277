"""Tests for analysis.corpus.duplicates: wire copies and articles loaded twice, found by shared sentences."""

from __future__ import annotations

import pytest

from analysis import CorpusWarning, load_corpus
from analysis.corpus import find_duplicates
from tests.corpus.stories import STORIES, load_quietly, table_rows, write_csv


WIRE = [
    "Lawmakers in the state capital approved a bill on Thursday that limits police use of face-matching software.",
    "The measure requires a warrant before officers can run a photo through any commercial database.",
    "Supporters said the bill struck a balance between public safety and the privacy of ordinary residents.",
    "Opponents in the police union argued that the warrant rule would slow down urgent investigations.",
    "The governor is expected to sign the bill into law before the end of the month, aides said.",
]


EXTRA = "The Courier asked the city's own police department whether it uses such software and did not hear back."


OTHER_STORY = [  # the same topic, told independently
    "A state bill limiting face-matching software by police cleared its final vote this week.",
    "Under the new rules, detectives must obtain a warrant to search commercial photo databases.",
    "Civil liberties groups welcomed the vote but said the rules should also cover federal agencies.",
    "Police representatives warned that paperwork would delay time-sensitive cases such as kidnappings.",
    "A spokesman for the governor declined to say when the bill would be signed.",
]


def wire_rows(*, copy_first: bool = False) -> list[dict]:
    original = {"text": "\n\n".join(WIRE) + "\n", "outlet": "Northern Ledger", "title": "State Limits Face Matching",
                "published": "2020-06-11", "article_id": "ledger-wire"}
    copy = {"text": "\n\n".join(WIRE[:3] + [EXTRA] + WIRE[3:]) + "\n", "outlet": "Riverside Courier",
            "title": "Police Face-Scan Bill Passes", "published": "2020-06-12", "article_id": "courier-wire"}
    other = {"text": "\n\n".join(OTHER_STORY) + "\n", "outlet": "Harbor Times", "title": "Warrants For Face Searches",
             "published": "2020-06-11", "article_id": "harbor-own"}
    rest = table_rows(STORIES[2:5])
    return ([copy, original] if copy_first else [original, copy]) + [other] + rest


def test_a_wire_story_in_two_outlets_is_found_and_the_earlier_copy_is_the_original(tmp_path):
    # the later copy is listed first: the date, not the order, decides which is the original
    corpus = load_quietly(write_csv(tmp_path / "t.csv", wire_rows(copy_first=True)))
    dup = corpus.duplicates
    assert dup[["article_id", "outlet", "duplicate_of", "outlet_of_original"]].values.tolist() == [
        ["courier-wire", "Riverside Courier", "ledger-wire", "Northern Ledger"]]
    assert dup["shared"].iloc[0] == 1.0  # every sentence of the shorter original is in the copy


def test_with_exclude_the_copy_leaves_the_sentences_and_is_reported(tmp_path):
    path = write_csv(tmp_path / "t.csv", wire_rows())
    with pytest.warns(CorpusWarning, match="'courier-wire' \\(Riverside Courier\\) repeats 'ledger-wire'"):
        corpus = load_corpus(path, corrections=None, duplicates="exclude")
    assert "courier-wire" not in set(corpus.sentences["article_id"])
    assert "ledger-wire" in set(corpus.sentences["article_id"])
    assert "courier-wire" not in set(corpus.headlines["article_id"])
    arts = corpus.articles.set_index("article_id")
    assert arts.loc["courier-wire", "excluded"].startswith("near-duplicate of ledger-wire")
    assert corpus.duplicates["article_id"].tolist() == ["courier-wire"]
    reported = corpus.problems[corpus.problems["article_id"] == "courier-wire"]["problem"]
    assert reported.str.contains("repeats 'ledger-wire' \\(Northern Ledger\\)").any()


def test_with_keep_both_copies_stay_and_the_pair_is_still_listed(tmp_path):
    corpus = load_quietly(write_csv(tmp_path / "t.csv", wire_rows()), duplicates="keep")
    assert {"courier-wire", "ledger-wire"} <= set(corpus.sentences["article_id"])
    assert (corpus.articles["excluded"] == "").all()
    assert corpus.duplicates["article_id"].tolist() == ["courier-wire"]
    assert not corpus.problems["problem"].str.contains("repeats").any()


def test_two_different_stories_on_the_same_topic_are_not_duplicates(tmp_path):
    corpus = load_quietly(write_csv(tmp_path / "t.csv", wire_rows()))
    flagged = set(corpus.duplicates["article_id"]) | set(corpus.duplicates["duplicate_of"])
    assert "harbor-own" not in flagged
    assert "harbor-own" in set(corpus.sentences["article_id"])
    assert find_duplicates(corpus.sentences[corpus.sentences["article_id"] != "courier-wire"]).empty


def test_find_duplicates_on_sentences_without_dates_takes_the_first_listed_as_original(tmp_path):
    corpus = load_quietly(write_csv(tmp_path / "t.csv", wire_rows(copy_first=True)), duplicates="keep")
    pairs = find_duplicates(corpus.sentences)
    assert pairs[["article_id", "duplicate_of"]].values.tolist() == [["ledger-wire", "courier-wire"]]
    dated = find_duplicates(corpus.sentences, articles=corpus.articles.assign(published=corpus.articles["published"]
                                                                                .dt.strftime("%Y-%m-%d")))
    assert dated[["article_id", "duplicate_of"]].values.tolist() == [["courier-wire", "ledger-wire"]]


def test_an_identical_wire_story_in_two_outlets_is_a_near_duplicate_not_a_set_aside(tmp_path):
    rows = table_rows(STORIES[:5])
    copy = dict(rows[2], article_id="wire-copy", outlet="Another Outlet")
    rows.append(copy)
    with pytest.warns(CorpusWarning, match="repeats"):
        corpus = load_corpus(write_csv(tmp_path / "t.csv", rows), corrections=None)
    assert "wire-copy" in set(corpus.articles["article_id"])
    assert corpus.duplicates[["article_id", "duplicate_of"]].values.tolist() == [["wire-copy", "t-00003"]]
    assert "wire-copy" not in set(corpus.sentences["article_id"])
    kept = load_corpus(write_csv(tmp_path / "u.csv", rows), corrections=None, duplicates="keep")
    assert "wire-copy" in set(kept.sentences["article_id"])
    assert kept.duplicates["article_id"].tolist() == ["wire-copy"]
