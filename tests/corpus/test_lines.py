"""Tests for analysis.corpus.lines: line roles by general rules, bylines, and boilerplate in raw web text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus import ROLES, classify_lines, parse_byline
from tests.corpus.invented import LINES
from tests.corpus.stories import BOILERPLATE, FIRST, SECOND, roles


def role_table(lines: list[str], **kw) -> list[str]:
    return [role for role, _ in classify_lines(lines, **kw)]


# (line, author, published): a date header fused to a byline, as scraped pages often have it
FUSED_BYLINES = [
    ("June 9, 2020By Jane Doe", "Jane Doe", date(2020, 6, 9)),
    ("Published 9 June 2020 | By Jane Doe", "Jane Doe", date(2020, 6, 9)),
    ("Tuesday, June 9, 2020By Jane Doe", "Jane Doe", date(2020, 6, 9)),
    ("Tue, 9 Jun 2020 \u2022 By Jane Doe", "Jane Doe", date(2020, 6, 9)),
    ("Published 9 June 2020 | By Jane Doe | 4 min read", "Jane Doe", date(2020, 6, 9)),
    ("By Jane Doe | June 9, 2020 at 3:15 p.m. EDT", "Jane Doe", date(2020, 6, 9)),
    ("09 Jun 2020 10:30 By Jane Doe", "Jane Doe", date(2020, 6, 9)),
    ("JUNE 9, 2020 10:30 BY JANE DOE", "JANE DOE", date(2020, 6, 9)),
    ("Updated Sept. 9, 2020 \u2013 By Jane Doe and Ali Khan", "Jane Doe and Ali Khan", date(2020, 9, 9)),
    ("By Jane Sun, June 9, 2020", "Jane Sun", date(2020, 6, 9)),
]


# Ordinary reporting that mentions the same words in passing stays body.
BODY = [
    "The mayor announced the ban on Twitter, where her post was shared thousands of times.",
    "Organisers posted a photo of the protest outside City Hall, showing hundreds of people with signs.",
    "In the newsletter, the group urged members to call their representatives before the vote.",
    "The newsletter asked readers to subscribe to the campaign's text alerts before the hearing.",
    "Readers who sign up for the newsletter will get a weekly summary of the hearings, the editor said.",
    "Related research has found similar error rates in systems sold by other vendors.",
    "Copyright lawyers say the images were scraped from social media without permission.",
    "Share prices of the company fell 3 percent after the announcement on Monday.",
    "Home owners in the district said they had not been told about the cameras.",
    "All rights groups in the city welcomed the decision, calling it overdue.",
    "Photo identification is already required at the airport, officials said.",
    "Credit card companies have used similar matching software for years, she said.",
    "The company told Reuters that it would not comment on individual contracts.",
    "By the end of June, the council expects to publish its first audit of the cameras.",
]


def test_click_here_line_is_boilerplate():
    assert role_table(["Headline", "", "A paragraph of reporting that runs on for a while.", "",
                       "Click here to read Krishna's entire letter to Congress."])[-1] == "boilerplate"


@pytest.mark.parametrize(
    "line",
    ["Click here to read the letter.", "Tap here for more", "Read more: IBM and the police",
     "Related: Amazon pauses Rekognition", "Sign up for our newsletter", "Share on Facebook | Twitter | Email",
     "Photo: Getty Images", "\u00a9 2020 Colorlines. All rights reserved.", "Advertisement"],
)
def test_link_prompts_and_page_furniture_are_boilerplate_anywhere(line):
    lines = ["Headline", "", "A first paragraph that reports something at length.", line,
             "A second paragraph that reports more at some length."]
    assert role_table(lines)[3] == "boilerplate"


def test_a_short_line_before_the_body_is_a_caption():
    lines = ["Headline", "", "Airport people inside", "", "The first paragraph reports the news at length."]
    roles = classify_lines(lines)
    assert roles[2] == ("caption", roles[2][1]) and "alt text" in roles[2][1]


def test_a_short_line_between_paragraphs_is_a_heading():
    lines = ["Headline", "", "The first paragraph reports the news at length.", "", "Ethical and Moral Grounds",
             "", "The second paragraph reports more news at length."]
    assert role_table(lines)[4] == "heading"


def test_a_short_line_after_the_last_paragraph_is_boilerplate():
    lines = ["Headline", "", "The first paragraph reports the news at length.", "", "More from this author"]
    assert role_table(lines)[-1] == "boilerplate"


@pytest.mark.parametrize("lead_in", ["Colorlines reported:", "Krishna proposed the following:", "He wrote:"])
def test_a_lead_in_line_ending_with_a_colon_stays_body(lead_in):
    lines = ["Headline", "", "The first paragraph reports the news at length.", "", lead_in, "",
             "The quoted paragraph follows here at some length."]
    assert role_table(lines)[4] == "body"


def test_an_author_box_at_the_end_is_a_title_line_and_a_biography():
    lines = ["Headline", "", "The first paragraph reports the news at length.", "",
             "The last paragraph reports more news at length.", "", "Technology reporter",
             "Jane Doe is a technology reporter who covers privacy. Since 2014 she has written for us."]
    roles = classify_lines(lines)
    assert roles[6] == ("boilerplate", "author box: the author's title")
    assert roles[7] == ("boilerplate", "author box: biography of the author")
    assert roles[4][0] == "body"


def test_an_author_box_without_a_title_line_needs_the_known_author():
    lines = ["Headline", "", "The first paragraph reports the news at length.", "",
             "Jane Doe is a technology reporter who covers privacy."]
    assert role_table(lines)[-1] == "body"
    assert role_table(lines, author="Jane Doe")[-1] == "boilerplate"


def test_a_closing_paragraph_after_a_subheading_is_not_an_author_box():
    lines = ["Headline", "", "The first paragraph reports the news at length.", "", "What Comes Next", "",
             "IBM is committed to working with Congress on police reform, Krishna wrote."]
    assert role_table(lines)[-2:] == ["blank", "body"]
    assert role_table(lines)[4] == "heading"


@pytest.mark.parametrize("closing", ["This is a paragraph of ordinary reporting that ends the story.",
                                     "It was a long week for the company and its critics."])
def test_a_closing_paragraph_that_starts_with_a_pronoun_is_not_an_author_box(closing):
    lines = ["Headline", "", "The first paragraph reports the news at length.", "", "What Comes Next", closing]
    assert role_table(lines)[-2:] == ["heading", "body"]


def test_a_first_line_that_ends_with_a_full_stop_is_not_a_title():
    lines = ["IBM said on Monday that it would stop selling the software.", "", "More reporting follows here."]
    assert role_table(lines)[0] == "body"


def test_a_question_headline_is_a_title():
    assert role_table(["Will Congress Act?", "", "The first paragraph reports the news at length."])[0] == "title"


@pytest.mark.parametrize(
    "line, author, published",
    [
        ("By Jane Doe Jun 09, 2020", "Jane Doe", date(2020, 6, 9)),
        ("By Jane Doe June 9, 2020", "Jane Doe", date(2020, 6, 9)),
        ("June 9, 2020 By Jane Doe", "Jane Doe", date(2020, 6, 9)),
        ("June 9, 2020By Jane Doe", "Jane Doe", date(2020, 6, 9)),
        ("By Jane Doe | 9 June 2020", "Jane Doe", date(2020, 6, 9)),
        ("By Jane Doe | June 9, 2020 10:30 AM EDT", "Jane Doe", date(2020, 6, 9)),
        ("By Jane Doe, 2020-06-09", "Jane Doe", date(2020, 6, 9)),
        ("By Jane Doe Updated: June 10, 2020", "Jane Doe", date(2020, 6, 10)),
        ("Posted on Sept. 9, 2020 by Jane Doe", "Jane Doe", date(2020, 9, 9)),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe", None),
        ("Written by Jane Doe, John Roe & Ann Lee", "Jane Doe, John Roe & Ann Lee", None),
        ("by Ludwig van Beethoven", "Ludwig van Beethoven", None),
        ("Published June 9, 2020", "", date(2020, 6, 9)),
        ("2020-06-09", "", date(2020, 6, 9)),
    ],
)
def test_parse_byline_finds_author_and_date_in_several_formats(line, author, published):
    assert parse_byline(line) == {"author": author, "published": published}


@pytest.mark.parametrize(
    "line",
    ["Airport people inside", "By the Numbers", "By the end of June, IBM will stop selling it.",
     "Ethical and Moral Grounds", "Click here to read Krishna's letter.", "", "By"],
)
def test_parse_byline_refuses_lines_that_are_not_bylines(line):
    assert parse_byline(line) is None


def test_a_headline_starting_with_by_is_still_a_title():
    lines = ["By the Numbers", "", "The first paragraph reports the news at length."]
    assert role_table(lines)[0] == "title"


@settings(max_examples=200, deadline=None)
@given(LINES, st.text(max_size=20))
def test_every_line_gets_exactly_one_known_role_and_a_reason(lines, author):
    roles = classify_lines(lines, author=author)
    assert len(roles) == len(lines)
    for line, (role, reason) in zip(lines, roles):
        assert role in ROLES
        assert reason
        assert (role == "blank") == (not line.strip())


@pytest.mark.parametrize("kind, line, reason", BOILERPLATE, ids=[b[0] for b in BOILERPLATE])
def test_web_page_furniture_is_boilerplate_with_its_reason_between_paragraphs(kind, line, reason):
    lines = ["A Headline About Cameras", "", FIRST, "", line, "", SECOND]
    assert classify_lines(lines)[4] == ("boilerplate", reason)
    assert classify_lines(lines)[2][0] == classify_lines(lines)[6][0] == "body"


@pytest.mark.parametrize("kind, line, reason", BOILERPLATE, ids=[b[0] for b in BOILERPLATE])
def test_web_page_furniture_is_boilerplate_at_the_top_and_bottom_too(kind, line, reason):
    top = classify_lines([line, "A Headline About Cameras", "", FIRST])
    bottom = classify_lines(["A Headline About Cameras", "", FIRST, "", SECOND, line])
    assert top[0] == bottom[-1] == ("boilerplate", reason)
    assert top[1][0] == "title"


@pytest.mark.parametrize("line, author, published", FUSED_BYLINES, ids=[b[0] for b in FUSED_BYLINES])
def test_a_date_header_fused_to_a_byline_is_a_byline_with_author_and_date(line, author, published):
    assert parse_byline(line) == {"author": author, "published": published}
    roles = classify_lines(["A Headline About Cameras", "", line, "", FIRST])
    assert roles[2] == ("byline", "byline: author and date")
    assert roles[0][0] == "title" and roles[4][0] == "body"


def test_a_wire_byline_is_a_byline_not_a_photo_credit():
    roles = classify_lines(["A Headline About Cameras", "", "By Jane Doe, Reuters", "", FIRST])
    assert roles[2][0] == "byline"
    assert parse_byline("By Jane Doe, Reuters")["author"].startswith("Jane Doe")


@pytest.mark.parametrize("line", BODY)
def test_a_paragraph_that_mentions_page_words_in_passing_stays_body(line):
    roles = classify_lines(["A Headline About Cameras", "", FIRST, "", line, "", SECOND])
    assert roles[4] == ("body", "paragraph")


@pytest.mark.parametrize("line", BODY)
def test_a_first_paragraph_that_mentions_page_words_is_neither_byline_nor_boilerplate(line):
    roles = classify_lines(["A Headline About Cameras", "", line, "", SECOND])
    assert roles[2] == ("body", "paragraph")


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(BOILERPLATE), st.sampled_from(["lower", "upper", "title", "same"]),
       st.text(alphabet=" \t", max_size=3), st.text(alphabet=" \t", max_size=3))
def test_page_furniture_is_found_in_any_case_and_with_any_surrounding_space(example, case, before, after):
    _, line, reason = example
    line = before + (line if case == "same" else getattr(line, case)()) + after
    assert classify_lines(["A Headline About Cameras", "", FIRST, "", line, "", SECOND])[4] == ("boilerplate", reason)
