"""Web clutter set aside with reasons, titles chosen from evidence, dates read from the text, and
hard-wrapped lines re-joined (issue 12, item 4).

Every example is invented for these tests: clutter of each kind, and ordinary news paragraphs
that use the same words and must stay body text.
"""

import textwrap
from datetime import datetime
from pathlib import Path

import pytest

from analysis.corpus.clutter import KINDS, clutter_reason, clutter_reasons, find_comments, kind_of
from analysis.corpus.dates import find_dates, starts_with_date
from analysis.corpus.titles import choose_title
from analysis.corpus.wrapping import rejoin_hard_wrapped, wrap_width
from analysis.paths import DATA_RAW

FIRST = "The council met on Tuesday evening and voted to ban the cameras after a long and heated debate."
SECOND = "The police chief said the department would comply, though he warned of slower investigations."
THIRD = "A lawyer for the residents' group said the vote was the first of its kind in the region."

# --------------------------------------------------------------------------- clutter of every kind

CLUTTER = [
    # newsletter and sign-up pitches, most without "sign up" or "subscribe"
    ("newsletter pitch", "Get the morning briefing in your inbox"),
    ("newsletter pitch", "Delivered to your inbox every weekday."),
    ("newsletter pitch", "The best of Riverside, straight to you"),
    ("newsletter pitch", "Start your day with the Valley Digest, free every morning"),
    ("newsletter pitch", "Don't miss the Friday roundup of what the council decided"),
    ("newsletter pitch", "Enter your email address to receive our free alerts"),
    ("newsletter pitch", "Harbor City Today \u2014 the morning headlines for Harbor City, every weekday"),
    ("newsletter pitch", "Want the headlines before your commute? Get our Early Edition."),
    ("newsletter pitch", "No spam. Unsubscribe at any time."),
    # navigation fragments
    ("navigation", "Home | Local | Sport | Weather"),
    ("navigation", "News \u2022 Business \u2022 Opinion \u2022 Life"),
    ("navigation", "Cameras \u2022 Privacy \u2022 City Hall \u2022 Courts"),
    ("navigation", "Skip to main content"),
    ("navigation", "Jump to comments"),
    ("navigation", "Next article"),
    ("navigation", "Previous"),
    ("navigation", "Next \u00bb Council delays the transit vote"),
    ("navigation", "Most read"),
    ("navigation", "Most popular this week"),
    ("navigation", "Trending"),
    ("navigation", "Trending: Flood warnings | School budget | Stadium"),
    ("navigation", "You may also like"),
    ("navigation", "Continue reading"),
    ("navigation", "Tags: surveillance, police, city council"),
    ("navigation", "Search"),
    ("navigation", "Sign in"),
    # photo captions and credits
    ("caption or credit", "Photo: Marta Ilves"),
    ("caption or credit", "Marta Ilves/Getty Images"),
    ("caption or credit", "Marta Ilves/The Harbor Gazette"),
    ("caption or credit", "Image credit: Marta Ilves"),
    ("caption or credit", "Council members arrive for the vote on Tuesday. (Photo by Marta Ilves)"),
    ("caption or credit", "A camera mounted above Dock Street. (AFP via Getty Images)"),
    ("caption or credit", "Illustration: Tomas Berg for the Gazette"),
    ("caption or credit", "File photo"),
    ("caption or credit", "Pictured: the camera control room at police headquarters"),
    ("caption or credit", "3 of 12"),
    ("caption or credit", "Enlarge this image"),
    ("caption or credit", "Courtesy of the Harbor City Police Department"),
    # feedback prompts
    ("feedback prompt", "Was this helpful?"),
    ("feedback prompt", "Was this article useful? Yes No"),
    ("feedback prompt", "Did you find this article useful?"),
    ("feedback prompt", "Report an error"),
    ("feedback prompt", "Spotted a typo? Let us know"),
    ("feedback prompt", "Tell us what you think"),
    # donation prompts
    ("donation prompt", "Support our journalism"),
    ("donation prompt", "Donate"),
    ("donation prompt", "Donate now"),
    ("donation prompt", "Become a member"),
    ("donation prompt", "Become a sustaining member today and get the print edition"),
    ("donation prompt", "Chip in"),
    ("donation prompt", "Independent reporting costs money. If you value our journalism, please consider a monthly gift."),
    # author bio trailers (with a way to follow the writer, so anywhere)
    ("author bio", "Ines Marlow is a reporter covering courts and policing. Follow her on Bluesky @inesmarlow."),
    ("author bio", "Ines Marlow writes about transport and city budgets. Follow her on X."),
    ("author bio", "Dev Okafor is a data journalist at the Gazette. Reach him at dev@example.org"),
    ("author bio", "Follow Dev Okafor on Mastodon"),
]


@pytest.mark.parametrize("kind, line", CLUTTER, ids=[f"{k}: {l[:40]}" for k, l in CLUTTER])
def test_each_kind_of_clutter_is_set_aside_with_its_kind_and_evidence(kind, line):
    reason = clutter_reason(line)
    assert kind_of(reason) == kind
    assert reason.split(": ", 1)[1]  # evidence after the kind


@pytest.mark.parametrize("kind, line", CLUTTER, ids=[f"{k}: {l[:40]}" for k, l in CLUTTER])
def test_clutter_between_paragraphs_is_set_aside_and_the_paragraphs_stay(kind, line):
    reasons = clutter_reasons(["A Headline About Cameras", "", FIRST, "", line, "", SECOND, "", THIRD])
    assert kind_of(reasons[4]) == kind
    assert reasons[2] is reasons[6] is reasons[8] is None


def test_every_kind_is_covered_by_the_examples():
    assert {k for k, _ in CLUTTER} | {"reader comments"} == set(KINDS)


# --------------------------------------------------------------------------- ordinary reporting stays body

BODY = [
    "The city council voted to subscribe to the regional transit plan.",
    "Photo radar cameras will be installed on three roads near the school next month.",
    "She is a reporter's daughter who became a judge.",
    "The pop-up asked \"Was this helpful?\" after every page, and most readers closed it at once.",
    "\u201cWas this helpful?\u201d is the question the agency now puts at the end of every form.",
    "Readers who sign up for the newsletter will get a weekly summary of the hearings.",
    "In the newsletter, the group urged members to call their representatives before the vote.",
    "The foundation asked residents to donate to the flood relief fund.",
    "If you want to donate to the relief fund, the county office is open until Friday.",
    "Next week, the council will vote again on the budget.",
    "Previous studies found error rates of up to 35 percent for darker-skinned women.",
    "Most readers of the report had never heard of the software.",
    "Trending upward for a third year, complaints about the cameras reached 412 in 2019.",
    "Credit card companies have used similar matching software for years, she said.",
    "The company told Reuters that it would not comment on individual contracts.",
    "Organisers posted a photo of the protest outside City Hall, showing hundreds of people with signs.",
    "Photo identification is already required at the airport, officials said.",
    "The union urged workers to become a member before the strike vote.",
    "He said the police should report an error rate for every search they run.",
    "Support for the ban grew after the audit was published in March.",
    "Home owners in the district said they had not been told about the cameras.",
    "Get-out-the-vote groups say the issue will bring young people to the polls.",
    "Dev Okafor is a reporter covering courts, said the clerk, who asked him to leave.",
    "Next, the police will have to delete the images they hold, the ruling says.",
    "The mayor's office sends a daily briefing to council members, according to the memo.",
]
POSITIONS = ["top", "body", "end"]


@pytest.mark.parametrize("position", POSITIONS)
@pytest.mark.parametrize("line", BODY)
def test_an_ordinary_paragraph_that_uses_clutter_words_is_not_clutter(line, position):
    assert clutter_reason(line, position=position) is None


@pytest.mark.parametrize("line", BODY)
def test_an_ordinary_paragraph_that_uses_clutter_words_stays_body_among_paragraphs(line):
    reasons = clutter_reasons(["A Headline About Cameras", "", FIRST, "", line, "", SECOND])
    assert reasons == [None] * 7


@pytest.mark.parametrize("heading", ["Ethical and Moral Grounds", "What Comes Next", "Mass Surveillance",
                                     "A Vote Two Years in the Making", "Colorlines reported:"])
def test_a_subheading_is_not_clutter(heading):
    assert clutter_reasons(["A Headline", "", FIRST, "", heading, "", SECOND])[4] is None


def test_a_writer_described_in_the_middle_is_body_but_after_the_article_is_a_bio():
    bio = "Ines Marlow is a reporter covering courts and policing for the Gazette."
    assert clutter_reasons(["A Headline", "", FIRST, "", bio, "", SECOND])[4] is None
    reasons = clutter_reasons(["A Headline", "", FIRST, "", SECOND, "", "Courts reporter", bio])
    assert kind_of(reasons[7]) == "author bio" and kind_of(reasons[6]) == "author bio"
    assert reasons[4] is None


def test_an_unknown_position_is_refused_with_the_allowed_ones():
    with pytest.raises(ValueError, match="position 'middle' is not one of top, body, end"):
        clutter_reason("Donate", position="middle")


# --------------------------------------------------------------------------- a list of pitches, one per edition

EDITIONS = [
    "Get our free local newsletters",
    "Harbor City Today \u2014 the morning headlines for Harbor City, every weekday",
    "Northgate Today \u2014 what matters in Northgate, every weekday morning",
    "Eastbank Today \u2014 what matters in Eastbank, every weekday morning",
    "Lakeside Today \u2014 what matters in Lakeside, every weekday morning",
    "Old Town Today \u2014 the morning headlines for Old Town, every weekday",
]


def test_a_list_of_edition_pitches_is_set_aside_line_by_line():
    lines = ["A Headline About Cameras", "", FIRST, ""] + EDITIONS + ["", "What Comes Next", "", SECOND, "", THIRD]
    reasons = clutter_reasons(lines)
    pitches = reasons[4:4 + len(EDITIONS)]
    assert all(kind_of(r) == "newsletter pitch" for r in pitches), pitches
    assert any("list of similar pitches" in r for r in pitches)  # some lines are found only through the list
    assert reasons[2] is None and reasons[-1] is None and reasons[-3] is None
    assert reasons[lines.index("What Comes Next")] is None


def test_a_pitch_like_line_alone_is_found_only_next_to_a_pitch():
    line = "Northgate Today \u2014 what matters in Northgate, every weekday morning"
    assert clutter_reason(line) is None
    assert kind_of(clutter_reason(line, context=(EDITIONS[1],))) == "newsletter pitch"


# --------------------------------------------------------------------------- reader comments

ARTICLE = ["A Headline About Cameras", "", FIRST, "", SECOND, "", THIRD]
COMMENT_BLOCKS = {
    "header, names, times, actions": [
        "Comments (3)", "harborfan_82", "3 hours ago", "Finally. These cameras never made anyone safer.",
        "Reply \u00b7 Like \u00b7 Report", "M. Castell", "2 hours ago", "The police will just find another vendor.",
        "Reply \u00b7 Like \u00b7 Report", "@quietstreet", "45 minutes ago", "Good. Now do the licence-plate readers.",
        "Reply \u00b7 12 Likes"],
    "numbered comments": [
        "1. harborfan_82 \u00b7 3 hours ago", "Finally. These cameras never made anyone safer.", "Reply | Report",
        "2. quietstreet \u00b7 1 hour ago", "The police will just find another vendor, mark my words.", "Reply | Report",
        "3. oldtowner \u00b7 20 minutes ago", "I was at the meeting and it was packed.", "Reply | Report"],
    "name wrote:": [
        "Join the conversation", "harborfan_82 wrote:", "These cameras never made anyone safer.", "Like Reply",
        "quietstreet wrote:", "The police will just find another vendor.", "Like Reply"],
}


@pytest.mark.parametrize("block", COMMENT_BLOCKS.values(), ids=COMMENT_BLOCKS.keys())
def test_reader_comments_after_the_article_are_found_and_set_aside(block):
    lines = ARTICLE + [""] + block
    start, evidence = find_comments(lines)
    assert start == len(ARTICLE) + 1 and "markers" in evidence
    reasons = clutter_reasons(lines)
    assert all(kind_of(r) == "reader comments" for r in reasons[start:])
    assert reasons[:len(ARTICLE)] == [None] * len(ARTICLE)


NOT_COMMENTS = {
    "a numbered list of people": ARTICLE + ["", "1. Jane Roe", "2. Dev Okafor", "3. Ines Marlow", "4. Tomas Berg"],
    "one time in the text": ARTICLE + ["", "The vote was taken 3 hours ago, and the result was announced at once."],
    "times in a timeline": ["A Headline", "", FIRST, "", "Two hours ago the first alarm went off at the dock.",
                            "", "One hour ago firefighters arrived, said the harbour master.", "", SECOND],
}


@pytest.mark.parametrize("lines", NOT_COMMENTS.values(), ids=NOT_COMMENTS.keys())
def test_an_article_without_comments_has_no_comment_block(lines):
    assert find_comments(lines) is None
    assert not any(kind_of(r) == "reader comments" for r in clutter_reasons(lines))


# --------------------------------------------------------------------------- the title, from evidence

TITLES = [
    ("headline first", ["Council Bans Face-Matching Cameras", "", FIRST], 0, "Title Case"),
    ("menu word first", ["Menu", "Council Bans Face-Matching Cameras", "", FIRST], 1, "menu word"),
    ("preloader label first", ["Loading...", "", "Council Bans Face-Matching Cameras", "", FIRST], 2, "preloader"),
    ("date header first", ["Tuesday, June 9, 2020", "Council Bans Face-Matching Cameras", "", FIRST], 1, "date header"),
    ("navigation prefix first", ["News > Local", "Council bans face-matching cameras after two-year fight", "", FIRST],
     1, "navigation"),
    ("photo credit first", ["Photo: Marta Ilves/Getty Images", "Council Bans Face-Matching Cameras", "", FIRST], 1,
     "caption or credit"),
    ("byline first", ["By Ines Marlow", "Council Bans Face-Matching Cameras", "", FIRST], 1, "byline"),
    ("skip link and trending first", ["Skip to content", "Trending", "", "Council bans the cameras", "", FIRST], 3,
     "navigation"),
    ("sentence-case headline", ["Council bans face-matching cameras after a two-year fight over privacy", "", FIRST],
     0, "sentence case"),
    ("question headline", ["Will the Council Act?", "", FIRST], 0, "Title Case"),
    ("headline in capitals", ["COUNCIL BANS THE CAMERAS", "", FIRST], 0, "capitals"),
    ("alt text before the headline", ["Cameras on a pole", "Council Bans Face-Matching Cameras Across the City", "",
                                      FIRST], 1, "Title Case"),
    ("alt text after the headline", ["Council Bans Face-Matching Cameras", "", "Cameras on a pole", "", FIRST], 0,
     "Title Case"),
]


@pytest.mark.parametrize("name, lines, index, evidence", TITLES, ids=[t[0] for t in TITLES])
def test_the_title_is_the_headline_like_line_near_the_top_with_evidence(name, lines, index, evidence):
    choice = choose_title(lines)
    assert choice.index == index
    assert evidence in choice.evidence


@pytest.mark.parametrize("line, title", [
    ("Tuesday, June 9, 2020 Council Bans Face-Matching Cameras", "Council Bans Face-Matching Cameras"),
    ("Home > News > Council Bans Face-Matching Cameras", "Council Bans Face-Matching Cameras"),
])
def test_a_date_header_or_breadcrumb_fused_to_the_headline_is_cut_off(line, title):
    choice = choose_title([line, "", FIRST])
    assert choice.index == 0 and line[choice.start:] == title


@pytest.mark.parametrize("lines", [
    [FIRST, "", SECOND],
    ["Menu", "Search", "Tuesday, June 9, 2020", "", FIRST],
    ["The council voted on Tuesday.", "", FIRST],
])
def test_no_title_is_chosen_when_no_line_looks_like_a_headline(lines):
    choice = choose_title(lines)
    assert choice.index is None and "no headline-like line" in choice.evidence


def test_a_headline_below_the_first_paragraph_is_not_the_title():
    assert choose_title(["Menu", "", FIRST, "", "What Comes Next", "", SECOND]).index is None


# --------------------------------------------------------------------------- dates written in the text

DATES = [
    ("Published June 9, 2020", "June 9, 2020", datetime(2020, 6, 9), "published", "ok"),
    ("Published: 9 June 2020 | 4 min read", "9 June 2020", datetime(2020, 6, 9), "published", "ok"),
    ("Updated: 13/06/2020 10:31", "13/06/2020 10:31", datetime(2020, 6, 13, 10, 31), "updated", "ok"),
    ("Last updated June 10, 2020 at 3:15 p.m. EDT", "June 10, 2020 at 3:15 p.m. EDT", datetime(2020, 6, 10, 15, 15),
     "updated", "ok"),
    ("2020-06-09T10:31:00Z", "2020-06-09T10:31:00Z", datetime(2020, 6, 9, 10, 31), "date header", "ok"),
    ("Tuesday, June 9, 2020", "Tuesday, June 9, 2020", datetime(2020, 6, 9), "date header", "ok"),
    ("By Ines Marlow | 9 June 2020", "9 June 2020", datetime(2020, 6, 9), "byline", "ok"),
    ("June 9, 2020 By Ines Marlow", "June 9, 2020", datetime(2020, 6, 9), "byline", "ok"),
    ("The council first debated the cameras on 4 March 2019.", "4 March 2019", datetime(2019, 3, 4), "in text", "ok"),
    ("Updated: 01/02/2020", "01/02/2020", None, "updated", "ambiguous"),
    ("Posted 06.09.2020", "06.09.2020", None, "published", "ambiguous"),
    ("07/07/2020", "07/07/2020", datetime(2020, 7, 7), "date header", "ok"),
    ("HARBOR CITY, June 9 (Reuters) - The council voted to ban the cameras.", "June 9", None, "dateline", "no year"),
]


@pytest.mark.parametrize("line, text, value, kind, status", DATES, ids=[d[0] for d in DATES])
def test_a_date_written_in_the_text_is_found_with_its_kind_and_evidence(line, text, value, kind, status):
    (found,) = find_dates([line])
    assert (found.text, found.value, found.kind, found.status) == (text, value, kind, status)
    assert line[found.start:found.end] == text and f"'{text}'" in found.evidence


def test_an_ambiguous_numeric_date_says_both_readings():
    (found,) = find_dates("Updated: 01/02/2020")
    assert "day 1 of month 2 or day 2 of month 1" in found.evidence


def test_an_ambiguous_date_is_settled_by_another_date_in_the_same_text():
    found = find_dates(["Published 13/02/2020", "", "Updated 01/03/2020"])
    assert [d.value for d in found] == [datetime(2020, 2, 13), datetime(2020, 3, 1)]
    assert "day first, as in 13/02/2020" in found[1].evidence


def test_an_ambiguous_date_is_settled_by_the_order_the_caller_gives():
    assert find_dates("Updated 01/03/2020", date_order="MDY")[0].value == datetime(2020, 1, 3)
    with pytest.raises(ValueError, match="date_order 'YMD' is not 'DMY' or 'MDY'"):
        find_dates("Updated 01/03/2020", date_order="YMD")


@pytest.mark.parametrize("line", [
    "The 2020 budget was approved on Tuesday.", "The council will vote again in May.", "3 hours ago",
    "Cameras failed 40 of 120 times in 2019.", "The score was 3-1 on the night.", "Call 555-0100 before 9.30.",
    "Updated: 31/02/2020",
])
def test_text_without_a_complete_date_gives_no_date(line):
    assert find_dates([line]) == []


def test_starts_with_date_finds_only_a_date_at_the_start():
    assert starts_with_date("Tue, 9 Jun 2020 | Council Bans Cameras").group() == "Tue, 9 Jun 2020"
    assert starts_with_date("Council bans cameras on June 9, 2020") is None


# --------------------------------------------------------------------------- hard-wrapped text

PARAGRAPHS = [FIRST + " " + SECOND, THIRD + " The group had collected 4,000 signatures in a month, its organiser said.",
              "The police chief did not respond to a request for comment on Wednesday, a spokesman said."]


def wrapped(width: int, *, separated_by: str = "blank lines") -> list[str]:
    lines = ["Council Bans the Cameras", ""]
    for p in PARAGRAPHS:
        if separated_by == "blank lines":
            lines += textwrap.wrap(p, width) + [""]
        else:  # indented first lines, no blank lines
            lines += textwrap.wrap(p, width, initial_indent="    ")
    return lines


@pytest.mark.parametrize("width", [60, 72, 80])
@pytest.mark.parametrize("separated_by", ["blank lines", "indents"])
def test_hard_wrapped_paragraphs_are_rejoined(width, separated_by):
    lines = wrapped(width, separated_by=separated_by)
    assert width - 10 <= wrap_width(lines) <= width
    groups = rejoin_hard_wrapped(lines)
    texts = [" ".join(lines[i].strip() for i in g) for g in groups]
    assert texts == ["Council Bans the Cameras"] + PARAGRAPHS


@pytest.mark.parametrize("lines", [
    ["A Headline", "", FIRST, "", "A Subheading", "", SECOND, "", THIRD],
    ["A Headline", FIRST, SECOND, THIRD, "A Subheading", PARAGRAPHS[2]],  # one paragraph per line, no blanks
    ["Council Bans the Cameras", "Ines Marlow", "Courts reporter", "June 9, 2020", "", FIRST],
])
def test_text_written_one_paragraph_per_line_is_left_alone(lines):
    assert wrap_width(lines) is None
    assert rejoin_hard_wrapped(lines) == [[i] for i, x in enumerate(lines) if x.strip()]


def test_a_list_item_in_wrapped_text_starts_its_own_paragraph():
    lines = textwrap.wrap(PARAGRAPHS[0], 60) + ["- the first demand of the residents", "- the second demand"]
    groups = rejoin_hard_wrapped(lines, width=60)
    assert groups[-2:] == [[len(lines) - 2], [len(lines) - 1]]


# --------------------------------------------------------------------------- the bundled articles

@pytest.mark.parametrize("path", sorted(Path(DATA_RAW).glob("*.txt")), ids=lambda p: p.name[:20])
def test_the_bundled_articles_lose_only_their_author_box(path):
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    flagged = {lines[i] for i, r in enumerate(clutter_reasons(lines)) if r}
    assert all(kind_of(clutter_reason(x, position="end")) == "author bio" or x == "Cybersecurity analyst"
               for x in flagged)
    assert choose_title(lines).index == 0
    assert wrap_width(lines) is None
