"""Tests for the input side of the corpus (issue 7): every input format through one loader,
boilerplate in raw web text, the language check, near-duplicates, bad input and parallel reading.

Every article here is invented for the test and written into ``tmp_path``.
"""

from __future__ import annotations

import csv
import html
import json
import warnings
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import CorpusError, CorpusWarning, load_corpus
from analysis.corpus import classify_lines, find_duplicates, parse_byline
from analysis.corpus.readers import SourceError, extract_html, input_kind, read_table
from analysis.corpus.text import detect_language

# --------------------------------------------------------------------------- invented articles

# Five outlets, six stories; each story is told in its own words, so none is a near-duplicate of
# another. Curly quotes, dashes and no-break spaces are there to check the same normalisation.
STORIES = [
    {
        "slug": "courier-council-ban", "outlet": "Riverside Courier", "author": "Ann Lee",
        "published": "2020-06-09", "title": "Council Bans Police Face Scans",
        "paragraphs": [
            "The city council voted on Tuesday to ban \u201cfacial recognition\u201d software \u2014 a first for the region.",
            "Council members said the technology was too often wrong, and that residents hadn\u2019t been asked.",
        ],
    },
    {
        "slug": "ledger-vendor-pause", "outlet": "Northern Ledger", "author": "Tom Birch",
        "published": "2020-06-10", "title": "Vendor Pauses Sales To Police",
        "paragraphs": [
            "A software maker said it would pause sales of its matching tool to police forces for a year.",
            "Its chief executive wrote that lawmakers needed time to set rules\u00a0for the industry.",
        ],
    },
    {
        "slug": "lantern-protest", "outlet": "The Daily Lantern", "author": "Rosa Quint",
        "published": "2020-06-11", "title": "Marchers Demand Camera Audit",
        "paragraphs": [
            "Several hundred marchers gathered outside the library to demand an audit of street cameras.",
            "Organisers read out a list of demands, including a public register of every camera\u2019s location.",
        ],
    },
    {
        "slug": "harbor-airport", "outlet": "Harbor Times", "author": "Omar Field",
        "published": "2020-06-12", "title": "Airport Drops Boarding Scans",
        "paragraphs": [
            "The airport authority ended a trial of boarding gates that compared travellers\u2019 faces with passport photos.",
            "Travellers had complained about long queues \u2013 and about not being told where the images went.",
        ],
    },
    {
        "slug": "valley-schools", "outlet": "Valley Post", "author": "Mia Stone",
        "published": "2020-06-13", "title": "Schools Reject Entry Cameras",
        "paragraphs": [
            "The school board rejected a plan to install cameras that recognise pupils at the front gate.",
            "Parents told the board that children should not be treated like suspects on their way to class.",
        ],
    },
    {
        "slug": "courier-followup", "outlet": "Riverside Courier", "author": "Ann Lee",
        "published": "2020-06-15", "title": "What The Ban Means For Detectives",
        "paragraphs": [
            "Detectives will have to return to older methods such as photo line-ups and witness interviews.",
            "A union representative predicted that some cold cases would now take longer to close.",
        ],
    },
]
OUTLETS = sorted({s["outlet"] for s in STORIES})
RELATED = "Related: Police chiefs push back on bans"
SHARE = "Share on Facebook | Twitter | Email"


def byline(story: dict) -> str:
    d = date.fromisoformat(story["published"])
    return f"By {story['author']} {d:%B} {d.day}, {d.year}"


def body_of(story: dict) -> str:
    """The text below the headline: byline, paragraphs, a related link between them, share buttons."""
    first, second = story["paragraphs"]
    return f"{byline(story)}\n\n{first}\n\n{RELATED}\n\n{second}\n\n{SHARE}\n"


def text_of(story: dict) -> str:
    return f"{story['title']}\n\n{body_of(story)}"


# line:     1 title, 3 byline, 5 body, 7 related link, 9 body, 11 share buttons
EXPECTED_ROLES = ["title", "blank", "byline", "blank", "body", "blank", "boilerplate", "blank", "body", "blank",
                  "boilerplate"]

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}T08:00:00Z">
<link rel="canonical" href="{url}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>{title}</h1>
{paragraphs}
</article></main>
<footer><p>&copy; 2020 {site}. All rights reserved.</p></footer>
</body></html>
"""


def url_of(story: dict) -> str:
    return f"https://{story['outlet'].lower().replace(' ', '')}.example/news/{story['slug']}"


def page_of(story: dict) -> str:
    paragraphs = [story["paragraphs"][0], RELATED, story["paragraphs"][1]]
    return PAGE.format(title=html.escape(story["title"]), site=html.escape(story["outlet"]),
                       author=html.escape(story["author"]), published=story["published"], url=url_of(story),
                       paragraphs="\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs))


def write_manifest(folder: Path, rows: list[dict], columns: list[str]) -> None:
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def write_text_folder(folder: Path, stories=STORIES) -> Path:
    """``.txt`` and ``.md`` files with a manifest of only ``file`` and ``outlet``."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for i, s in enumerate(stories):
        name = f"{s['slug']}.{'md' if i % 2 else 'txt'}"
        (folder / name).write_text(text_of(s), encoding="utf-8")
        rows.append({"file": name, "outlet": s["outlet"]})
    write_manifest(folder, rows, ["file", "outlet"])
    return folder


def write_html_folder(folder: Path, stories=STORIES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for s in stories:
        (folder / f"{s['slug']}.html").write_text(page_of(s), encoding="utf-8")
    return folder


def table_rows(stories=STORIES, names: dict | None = None) -> list[dict]:
    names = {f: f for f in ("text", "outlet", "title", "author", "published", "url")} | (names or {})
    return [{names["text"]: body_of(s), names["outlet"]: s["outlet"], names["title"]: s["title"],
             names["author"]: s["author"], names["published"]: s["published"], names["url"]: url_of(s)}
            for s in stories]


def write_csv(path: Path, rows: list[dict]) -> Path:
    columns = list(dict.fromkeys(k for r in rows for k in r))
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def load(path: Path, **kw):
    kw.setdefault("corrections", None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusWarning)
        return load_corpus(path, **kw)


def by_title(corpus) -> dict[str, str]:
    """article_id by title, so articles read from different formats can be matched."""
    return dict(zip(corpus.articles["title"], corpus.articles["article_id"]))


def sentence_texts(corpus, article_id: str, column: str = "text") -> list[str]:
    return corpus.sentences.loc[corpus.sentences["article_id"] == article_id, column].tolist()


def roles(corpus, article_id: str) -> list[str]:
    return corpus.lines.loc[corpus.lines["article_id"] == article_id, "role"].tolist()


# --------------------------------------------------------------------------- each input format

JSONL_NAMES = {"text": "body", "outlet": "media_name", "title": "headline", "author": "writer",
               "published": "publish_date", "url": "link"}


@pytest.fixture
def formats(tmp_path):
    """The same six stories as a text folder, a CSV table and a JSON-lines table with other column names."""
    rows = table_rows(names=JSONL_NAMES)
    for r in rows:  # a Media-Cloud-style timestamp, not a bare date
        r["publish_date"] += " 14:05:00"
    return {
        "text folder": load(write_text_folder(tmp_path / "folder")),
        "csv": load(write_csv(tmp_path / "stories.csv", table_rows())),
        "jsonl": load(write_jsonl(tmp_path / "stories.jsonl", rows), columns=JSONL_NAMES),
    }


@pytest.mark.parametrize("kind", ["text folder", "csv", "jsonl"])
def test_each_format_loads_every_story_with_its_outlet_and_metadata(formats, kind):
    corpus = formats[kind]
    arts = corpus.articles.set_index("title")
    assert len(arts) == len(STORIES) and sorted(corpus.outlets) == OUTLETS and len(OUTLETS) == 5
    for s in STORIES:
        a = arts.loc[s["title"]]
        assert (a["outlet"], a["author"], a["published"]) == (s["outlet"], s["author"], pd.Timestamp(s["published"]))
        assert a["language"] == "en" and a["excluded"] == ""
    assert (corpus.articles["n_paragraphs"] == 2).all()


@pytest.mark.parametrize("kind", ["csv", "jsonl"])
def test_tables_give_the_same_lines_roles_and_sentences_as_the_text_folder(formats, kind):
    folder, table = formats["text folder"], formats[kind]
    f_ids, t_ids = by_title(folder), by_title(table)
    for title, fid in f_ids.items():
        tid = t_ids[title]
        assert roles(table, tid) == roles(folder, fid) == EXPECTED_ROLES
        assert table.texts[tid] == folder.texts[fid]
        for column in ("text", "raw", "start", "end", "edits"):
            assert sentence_texts(table, tid, column) == sentence_texts(folder, fid, column)
        norms = [n.loc[n["article_id"] == i].drop(columns="article_id").reset_index(drop=True)
                 for n, i in ((table.normalisations, tid), (folder.normalisations, fid))]
        pd.testing.assert_frame_equal(*norms)
    assert len(table.sentences) == len(folder.sentences) == 2 * len(STORIES)  # one sentence a paragraph
    assert len(table.normalisations) == len(folder.normalisations) >= 6  # quotes, dashes, no-break space


def test_every_format_folds_quotes_dashes_and_no_break_spaces_in_the_matching_form(formats):
    for corpus in formats.values():
        text = " ".join(corpus.sentences["text"])
        assert '"facial recognition" software - a first' in text
        assert "hadn't" in text and "rules for the industry" in text
        assert not any(ch in text for ch in "\u201c\u201d\u2019\u2014\u2013\u00a0")
        raw = " ".join(corpus.sentences["raw"])
        assert "\u201cfacial recognition\u201d" in raw and "rules\u00a0for" in raw


def test_text_folder_facts_come_from_the_byline_and_title_line_and_are_recorded(formats):
    corpus = formats["text folder"]
    assert set(corpus.articles["author_source"]) == {"byline"}
    assert set(corpus.articles["title_source"]) == {"title line"}
    filled = corpus.problems.loc[corpus.problems["level"] == "filled", "problem"]
    assert filled.str.contains("author 'Ann Lee' taken from the byline").any()
    assert filled.str.contains("published 2020-06-13 taken from the byline").any()


def test_table_rows_keep_their_url_and_name_their_row_as_the_file(formats):
    corpus = formats["jsonl"]
    assert sorted(corpus.articles["url"]) == sorted(url_of(s) for s in STORIES)
    assert corpus.articles["file"].tolist() == [f"stories.jsonl#{n}" for n in range(1, len(STORIES) + 1)]
    assert set(corpus.articles["title_source"]) == {"table"}


def test_read_table_maps_configured_column_names(tmp_path):
    path = write_jsonl(tmp_path / "export.jsonl", table_rows(names=JSONL_NAMES))
    records = read_table(path, columns=JSONL_NAMES)
    assert [r.fields["outlet"] for r in records] == [s["outlet"] for s in STORIES]
    assert records[0].text.startswith(STORIES[0]["title"] + "\n\n")
    assert records[0].where == f"{path} record 1"


def test_an_html_folder_without_a_manifest_takes_title_author_date_and_site_from_each_page(tmp_path):
    corpus = load(write_html_folder(tmp_path / "pages"))
    arts = corpus.articles.set_index("article_id")
    assert sorted(corpus.outlets) == OUTLETS
    for s in STORIES:
        a = arts.loc[s["slug"]]
        assert (a["outlet"], a["title"], a["author"], a["published"], a["url"]) == (
            s["outlet"], s["title"], s["author"], pd.Timestamp(s["published"]), url_of(s))
        assert a["author_source"] == "page metadata" and "trafilatura" in a["text_origin"]
        # the related link inside the page is set aside like in any other format; nav and footer are gone
        lines = corpus.lines[corpus.lines["article_id"] == s["slug"]]
        assert dict(zip(lines["text"], lines["role"]))[RELATED] == "boilerplate"
        assert not lines["text"].str.contains("All rights reserved|Sport").any()


def test_html_pages_give_the_same_sentences_as_the_text_folder(tmp_path):
    pages = load(write_html_folder(tmp_path / "pages"))
    folder = load(write_text_folder(tmp_path / "folder"))
    f_ids = by_title(folder)
    for s in STORIES:
        assert sentence_texts(pages, s["slug"]) == sentence_texts(folder, f_ids[s["title"]])
    for rec in pages.sentences.itertuples():
        assert pages.texts[rec.article_id][rec.start:rec.end] == rec.raw


def test_in_an_html_folder_with_a_manifest_its_values_win_and_empty_ones_come_from_the_page(tmp_path):
    folder = write_html_folder(tmp_path / "pages")
    rows = [{"file": f"{s['slug']}.html", "outlet": s["outlet"].upper(), "author": "Desk Editor" if i == 0 else "",
             "published": "2021-01-01" if i == 0 else ""} for i, s in enumerate(STORIES)]
    write_manifest(folder, rows, ["file", "outlet", "author", "published", "title"])
    corpus = load(folder)
    arts = corpus.articles.set_index("article_id")
    first, second = STORIES[0], STORIES[1]
    # manifest values win ...
    assert arts.loc[first["slug"], "outlet"] == first["outlet"].upper()
    assert arts.loc[first["slug"], "author"] == "Desk Editor"
    assert arts.loc[first["slug"], "published"] == pd.Timestamp("2021-01-01")
    assert arts.loc[first["slug"], "author_source"] == "manifest"
    # ... and empty ones are filled from the page's metadata, and say so
    assert arts.loc[second["slug"], "author"] == second["author"]
    assert arts.loc[second["slug"], "published"] == pd.Timestamp(second["published"])
    assert arts.loc[second["slug"], "title"] == second["title"]
    filled = corpus.problems[(corpus.problems["level"] == "filled") & (corpus.problems["article_id"] == second["slug"])]
    text = " ".join(filled["problem"])
    for key in ("title", "author", "published", "url"):
        assert f"{key} '" in text
    assert "taken from the page's metadata" in text
    mine = corpus.problems[(corpus.problems["level"] == "filled") & (corpus.problems["article_id"] == first["slug"])]
    assert not mine["problem"].str.contains("author '|published '").any()


def test_extract_html_returns_metadata_and_paragraphs_separated_by_blank_lines():
    fields, text, origin = extract_html(page_of(STORIES[2]).encode("utf-8"), "page.html")
    assert fields == {"title": STORIES[2]["title"], "author": STORIES[2]["author"],
                      "published": STORIES[2]["published"], "url": url_of(STORIES[2]), "outlet": STORIES[2]["outlet"]}
    assert text.split("\n\n")[0] == STORIES[2]["title"]
    assert text.endswith("\n") and STORIES[2]["paragraphs"][1] in text.rstrip("\n").split("\n\n")
    assert origin.startswith("main text extracted from HTML with trafilatura")


@pytest.mark.parametrize(
    "layout, kind",
    [("folder", "folder"), ("pages", "html-folder"), ("stories.csv", "table"), ("stories.jsonl", "table"),
     ("stories.ndjson", "table")],
)
def test_input_kind_tells_the_formats_apart(tmp_path, layout, kind):
    if layout == "folder":
        path = write_text_folder(tmp_path / layout)
    elif layout == "pages":
        path = write_html_folder(tmp_path / layout)
    else:
        path = write_jsonl(tmp_path / layout, table_rows())
    assert input_kind(path) == kind


# --------------------------------------------------------------------------- boilerplate in raw web text

FIRST = "The council met on Tuesday evening and voted to ban the cameras after a long debate."
SECOND = "The police chief said the department would comply, though he warned of slower investigations."

# (kind, line, expected reason): one invented example or more of each kind of page furniture
BOILERPLATE = [
    ("breadcrumb", "Home > News > Technology", "navigation (breadcrumb)"),
    ("breadcrumb with a label", "You are here: Home \u203a World \u203a Europe", "navigation (breadcrumb)"),
    ("section menu", "News | Politics | Business | Opinion", "navigation (breadcrumb)"),
    ("skip link", "Skip to main content", "navigation or advertising"),
    ("back to top", "Back to top", "navigation or advertising"),
    ("newsletter sign-up", "Sign up for our free Morning Brief newsletter", "newsletter prompt"),
    ("newsletter after a question", "Want more stories like this? Sign up for our newsletter.", "newsletter prompt"),
    ("newsletter to your inbox", "Get the Courier newsletter delivered to your inbox every morning.", "newsletter prompt"),
    ("share buttons", "Share on Facebook | Twitter | Email", "share buttons"),
    ("share label with a colon", "Share: Facebook, X, WhatsApp, Copy link", "share buttons"),
    ("share this story on", "Share this story on LinkedIn", "share buttons"),
    ("photo credit", "Photo: Ana Ruiz/Getty Images", "photo credit"),
    ("caption ending in a credit", "Protesters outside City Hall on Tuesday. (Ana Ruiz/Reuters)", "photo credit"),
    ("image credit", "Image credit: Ana Ruiz for the Courier", "photo credit"),
    ("related link", "Related: Amazon pauses police use of its face-matching tool", "related-content link"),
    ("related link in capitals", "RELATED COVERAGE", "related-content link"),
    ("more from", "More from Technology", "related-content link"),
    ("copyright symbol", "\u00a9 2020 Riverside Courier. All rights reserved.", "copyright line"),
    ("copyright word", "Copyright 2020 The Associated Press.", "copyright line"),
    ("wire redistribution notice", "This material may not be published, broadcast, rewritten or redistributed.",
     "copyright line"),
]


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


def test_a_fused_byline_fills_author_and_date_of_a_table_row(tmp_path):
    rows = [{"text": f"Tuesday, June 9, 2020By Jane Doe\n\n{FIRST}\n\n{SECOND}\n", "outlet": "Courier",
             "title": "A Headline About Cameras"}]
    corpus = load(write_csv(tmp_path / "t.csv", rows))
    art = corpus.articles.iloc[0]
    assert (art["author"], art["published"]) == ("Jane Doe", pd.Timestamp("2020-06-09"))
    assert (art["author_source"], art["published_source"]) == ("byline", "byline")
    assert roles(corpus, art["article_id"])[2] == "byline"


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


@pytest.mark.parametrize("line", BODY)
def test_a_paragraph_that_mentions_page_words_in_passing_stays_body(line):
    roles = classify_lines(["A Headline About Cameras", "", FIRST, "", line, "", SECOND])
    assert roles[4] == ("body", "paragraph")


@pytest.mark.parametrize("line", BODY)
def test_a_first_paragraph_that_mentions_page_words_is_neither_byline_nor_boilerplate(line):
    roles = classify_lines(["A Headline About Cameras", "", line, "", SECOND])
    assert roles[2] == ("body", "paragraph")


def test_boilerplate_in_a_table_row_is_set_aside_with_its_reason(tmp_path):
    furniture = [line for _, line, _ in BOILERPLATE]
    text = "\n\n".join([FIRST, *furniture, SECOND]) + "\n"
    corpus = load(write_csv(tmp_path / "t.csv", [{"text": text, "outlet": "Courier", "title": "Cameras Banned"}]))
    lines = corpus.lines.set_index("text")
    for _, line, reason in BOILERPLATE:
        assert (lines.loc[line, "role"], lines.loc[line, "reason"]) == ("boilerplate", reason)
    assert corpus.sentences["text"].tolist() == [FIRST, SECOND]


# --------------------------------------------------------------------------- language

GERMAN = [
    "Der Stadtrat hat am Dienstag beschlossen, dass die Polizei keine Software zur Gesichtserkennung mehr einsetzen darf.",
    "Kritiker hatten bemängelt, dass die Technik Menschen mit dunkler Hautfarbe häufiger falsch erkennt.",
]
DUTCH = [
    "De gemeenteraad heeft dinsdag besloten dat de politie geen software voor gezichtsherkenning meer mag gebruiken.",
    "Critici zeiden dat de techniek mensen met een donkere huidskleur vaker verkeerd herkent dan anderen.",
]


def language_folder(folder: Path, language: str = "", paragraphs=GERMAN) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "foreign.txt").write_text("Stadtrat Verbietet Gesichtserkennung\n\n" + "\n\n".join(paragraphs) + "\n",
                                        encoding="utf-8")
    (folder / "english.txt").write_text(text_of(STORIES[0]), encoding="utf-8")
    write_manifest(folder, [{"file": "foreign.txt", "outlet": "Berliner Blatt", "language": language},
                            {"file": "english.txt", "outlet": STORIES[0]["outlet"], "language": ""}],
                   ["file", "outlet", "language"])
    return folder


@pytest.mark.parametrize("paragraphs, code", [(GERMAN, "de"), (DUTCH, "nl")], ids=["German", "Dutch"])
def test_a_foreign_article_with_an_empty_language_is_detected_kept_and_excluded_with_a_warning(
        tmp_path, paragraphs, code):
    folder = language_folder(tmp_path, paragraphs=paragraphs)
    with pytest.warns(CorpusWarning, match=f"article 'foreign' \\(Berliner Blatt\\) is in language '{code}'"):
        corpus = load_corpus(folder, corrections=None)
    arts = corpus.articles.set_index("article_id")
    assert arts.loc["foreign", "language"] == code
    assert arts.loc["foreign", "language_source"].startswith("detected")
    assert arts.loc["foreign", "excluded"] == f"language '{code}': the lexicon measures are for en"
    assert arts.loc["english", "excluded"] == ""
    assert set(corpus.sentences["article_id"]) == {"english"}
    assert "foreign" not in set(corpus.headlines["article_id"])
    assert "foreign" in set(corpus.lines["article_id"])  # its lines are still there to read
    warned = corpus.problems[(corpus.problems["article_id"] == "foreign") & (corpus.problems["level"] == "warning")]
    assert warned["problem"].str.contains("kept out of the sentence measures").all() and len(warned) == 1


def test_an_english_article_is_detected_as_english(tmp_path):
    corpus = load(language_folder(tmp_path))
    arts = corpus.articles.set_index("article_id")
    assert arts.loc["english", "language"] == "en"
    assert arts.loc["english", "language_source"].startswith("detected (")
    assert detect_language(" ".join(STORIES[1]["paragraphs"]))[0] == "en"


def test_a_manifest_language_wins_over_detection(tmp_path):
    corpus = load(language_folder(tmp_path, language="en"))
    arts = corpus.articles.set_index("article_id")
    assert arts.loc["foreign", "language"] == "en"
    assert arts.loc["foreign", "language_source"] == "manifest"
    assert arts.loc["foreign", "excluded"] == ""
    assert "foreign" in set(corpus.sentences["article_id"])


def test_a_table_language_column_wins_and_is_excluded_when_not_english(tmp_path):
    rows = table_rows(STORIES[:2])
    rows[1]["language"] = "fr"
    rows[0]["language"] = ""
    corpus = load(write_csv(tmp_path / "t.csv", rows))
    arts = corpus.articles.set_index("title")
    assert arts.loc[STORIES[1]["title"], "language"] == "fr"
    assert arts.loc[STORIES[1]["title"], "excluded"].startswith("language 'fr'")
    assert arts.loc[STORIES[0]["title"], "language"] == "en"
    assert set(corpus.sentences["outlet"]) == {STORIES[0]["outlet"]}


def test_languages_none_keeps_every_article(tmp_path):
    corpus = load(language_folder(tmp_path), languages=None)
    arts = corpus.articles.set_index("article_id")
    assert arts.loc["foreign", "language"] == "de"
    assert (corpus.articles["excluded"] == "").all()
    assert set(corpus.sentences["article_id"]) == {"foreign", "english"}
    assert not corpus.problems["problem"].str.contains("kept out of the sentence measures").any()


def test_other_languages_can_be_allowed(tmp_path):
    corpus = load(language_folder(tmp_path), languages=("en", "de"))
    assert set(corpus.sentences["article_id"]) == {"foreign", "english"}


# --------------------------------------------------------------------------- near-duplicates

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
    corpus = load(write_csv(tmp_path / "t.csv", wire_rows(copy_first=True)))
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
    corpus = load(write_csv(tmp_path / "t.csv", wire_rows()), duplicates="keep")
    assert {"courier-wire", "ledger-wire"} <= set(corpus.sentences["article_id"])
    assert (corpus.articles["excluded"] == "").all()
    assert corpus.duplicates["article_id"].tolist() == ["courier-wire"]
    assert not corpus.problems["problem"].str.contains("repeats").any()


def test_two_different_stories_on_the_same_topic_are_not_duplicates(tmp_path):
    corpus = load(write_csv(tmp_path / "t.csv", wire_rows()))
    flagged = set(corpus.duplicates["article_id"]) | set(corpus.duplicates["duplicate_of"])
    assert "harbor-own" not in flagged
    assert "harbor-own" in set(corpus.sentences["article_id"])
    assert find_duplicates(corpus.sentences[corpus.sentences["article_id"] != "courier-wire"]).empty


def test_find_duplicates_on_sentences_without_dates_takes_the_first_listed_as_original(tmp_path):
    corpus = load(write_csv(tmp_path / "t.csv", wire_rows(copy_first=True)), duplicates="keep")
    pairs = find_duplicates(corpus.sentences)
    assert pairs[["article_id", "duplicate_of"]].values.tolist() == [["ledger-wire", "courier-wire"]]
    dated = find_duplicates(corpus.sentences, articles=corpus.articles.assign(published=corpus.articles["published"]
                                                                                .dt.strftime("%Y-%m-%d")))
    assert dated[["article_id", "duplicate_of"]].values.tolist() == [["courier-wire", "ledger-wire"]]


def test_a_story_loaded_twice_with_identical_bytes_is_set_aside_with_a_warning(tmp_path):
    rows = table_rows(STORIES[:5])
    rows.append(dict(rows[2]))
    with pytest.warns(CorpusWarning, match="t.csv row 6: duplicate of article 't-00003', set aside"):
        corpus = load_corpus(write_csv(tmp_path / "t.csv", rows), corrections=None)
    assert len(corpus.articles) == 5 and "t-00006" not in set(corpus.articles["article_id"])
    aside = corpus.problems[corpus.problems["level"] == "set aside"]
    assert aside["article_id"].tolist() == ["t-00006"]
    assert "same bytes as article 't-00003'" in aside["problem"].iloc[0]


def test_a_page_saved_twice_is_set_aside(tmp_path):
    folder = write_html_folder(tmp_path / "pages", STORIES[:5])
    (folder / "copy-of-page.html").write_text(page_of(STORIES[1]), encoding="utf-8")
    with pytest.warns(CorpusWarning, match="same bytes|duplicate of article"):
        corpus = load_corpus(folder, corrections=None)
    # pages are read in name order, so the copy (listed first) is kept and the later file set aside
    kept = sorted(s["slug"] for s in STORIES[:5] if s is not STORIES[1]) + ["copy-of-page"]
    assert sorted(corpus.articles["article_id"]) == sorted(kept)
    aside = corpus.problems[corpus.problems["level"] == "set aside"]
    assert aside["file"].tolist() == [STORIES[1]["slug"] + ".html"]
    assert "same bytes as article 'copy-of-page'" in aside["problem"].iloc[0]


# --------------------------------------------------------------------------- bad input


def test_a_table_without_a_text_column_is_an_error_naming_the_file_and_the_columns(tmp_path):
    rows = [{"body": r["text"], "outlet": r["outlet"]} for r in table_rows()]
    path = write_csv(tmp_path / "export.csv", rows)
    with pytest.raises(CorpusError, match=r"export\.csv: missing required column 'text' \(for text\); found body, outlet"):
        load_corpus(path, corrections=None)


def test_a_configured_text_column_that_the_table_lacks_is_named(tmp_path):
    path = write_jsonl(tmp_path / "export.jsonl", table_rows())
    with pytest.raises(CorpusError, match=r"export\.jsonl: missing required column 'story_text' \(for text\)"):
        load_corpus(path, corrections=None, columns={"text": "story_text"})


def test_a_table_without_an_outlet_column_is_an_error(tmp_path):
    path = write_csv(tmp_path / "export.csv", [{"text": r["text"]} for r in table_rows()])
    with pytest.raises(CorpusError, match="missing required column 'outlet'"):
        load_corpus(path, corrections=None)


@pytest.mark.parametrize("name, data", [("report.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),
                                        ("story.docx", b"PK\x03\x04\x14\x00\x06\x00"),
                                        ("story.txt", b"A single text file is not a corpus.\n")])
def test_an_unknown_file_type_as_input_is_an_error_naming_the_file_and_the_type(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    suffix = Path(name).suffix
    with pytest.raises(CorpusError, match=f"{name}: unknown input type '{suffix}'"):
        load_corpus(path, corrections=None)
    with pytest.raises(SourceError, match="give a folder of articles, or a table"):
        input_kind(path)


@pytest.mark.parametrize("name, data", [("scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
                                        ("draft.docx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00")])
def test_a_pdf_or_word_file_listed_in_a_manifest_is_refused_naming_it(tmp_path, name, data):
    folder = write_text_folder(tmp_path / "folder", STORIES[:5])
    (folder / name).write_bytes(data)
    with (folder / "manifest.csv").open("a", encoding="utf-8") as fh:
        fh.write(f"{name},Harbor Times\n")
    with pytest.raises(CorpusError, match=f"manifest.csv line 7: {name}: unknown file type"):
        load_corpus(folder, corrections=None)


def test_a_missing_input_is_an_error_naming_it(tmp_path):
    with pytest.raises(CorpusError, match="nothing-here.csv: not found"):
        load_corpus(tmp_path / "nothing-here.csv", corrections=None)


# Root can read any file whatever its permissions, so unreadable files here are ones that fail
# for root too: a link to /proc/self/mem (reading it from offset 0 is an I/O error).
UNREADABLE = Path("/proc/self/mem")


def test_the_unreadable_stand_in_really_fails_to_read():
    assert UNREADABLE.is_file()
    with pytest.raises(OSError):
        UNREADABLE.read_bytes()


@pytest.mark.parametrize("name", ["stories.csv", "stories.jsonl"])
def test_an_unreadable_table_is_an_error_naming_it(tmp_path, name):
    path = tmp_path / name
    path.symlink_to(UNREADABLE)
    with pytest.raises(CorpusError, match=f"{name}: cannot be read \\(Input/output error\\)"):
        load_corpus(path, corrections=None)


def test_an_unreadable_text_file_stops_the_load_or_is_set_aside(tmp_path):
    folder = write_text_folder(tmp_path / "folder", STORIES[:5])
    (folder / "broken.txt").symlink_to(UNREADABLE)
    with (folder / "manifest.csv").open("a", encoding="utf-8") as fh:
        fh.write("broken.txt,Harbor Times\n")
    with pytest.raises(CorpusError, match="broken.txt: cannot be read \\(Input/output error\\)"):
        load_corpus(folder, corrections=None)
    with pytest.warns(CorpusWarning, match="set aside: .*broken.txt: cannot be read"):
        corpus = load_corpus(folder, corrections=None, on_error="skip")
    assert len(corpus.articles) == 5
    assert corpus.problems.loc[corpus.problems["level"] == "set aside", "file"].tolist() == ["broken.txt"]


def test_an_unreadable_page_in_an_html_folder_is_set_aside_when_asked(tmp_path):
    folder = write_html_folder(tmp_path / "pages", STORIES[:5])
    (folder / "broken.html").symlink_to(UNREADABLE)
    with pytest.raises(CorpusError, match="broken.html: cannot be read"):
        load_corpus(folder, corrections=None)
    corpus = load(folder, on_error="skip")
    assert sorted(corpus.outlets) == OUTLETS
    assert corpus.problems.loc[corpus.problems["level"] == "set aside", "article_id"].tolist() == ["broken"]


def test_a_file_the_system_refuses_to_read_is_named_with_the_reason(tmp_path, monkeypatch):
    # what chmod 000 does for an ordinary user: simulated, since the tests run as root
    folder = write_text_folder(tmp_path / "folder", STORIES[:5])
    locked = folder / f"{STORIES[3]['slug']}.md"
    real_read_bytes = Path.read_bytes

    def read_bytes(self):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.raises(CorpusError, match=f"{locked.name}: cannot be read \\(Permission denied\\)"):
        load_corpus(folder, corrections=None)


@pytest.mark.parametrize("target", ["missing", "directory"])
def test_a_manifest_file_that_is_a_broken_link_or_a_folder_is_an_error_naming_the_line(tmp_path, target):
    folder = write_text_folder(tmp_path / "folder", STORIES[:5])
    if target == "missing":
        (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    else:
        (folder / "gone.txt").mkdir()
    with (folder / "manifest.csv").open("a", encoding="utf-8") as fh:
        fh.write("gone.txt,Harbor Times\n")
    with pytest.raises(CorpusError, match="manifest.csv line 7: file 'gone.txt'"):
        load_corpus(folder, corrections=None)


NO_TEXT = [
    ("empty text", "", "row 6: empty text"),
    ("whitespace only", "  \n\n \t\n", "row 6: empty text"),
    ("only boilerplate", f"{SHARE}\n\nAdvertisement\n\n\u00a9 2020 Valley Post. All rights reserved.\n",
     "row 6: no body text"),
]


@pytest.mark.parametrize("name, text, message", NO_TEXT, ids=[c[0] for c in NO_TEXT])
def test_an_article_without_usable_text_stops_the_load_naming_its_row(tmp_path, name, text, message):
    rows = table_rows(STORIES[:5]) + [{"text": text, "outlet": "Empty Gazette"}]
    with pytest.raises(CorpusError, match=f"t.csv {message}"):
        load_corpus(write_csv(tmp_path / "t.csv", rows), corrections=None)


@pytest.mark.parametrize("name, text, message", NO_TEXT, ids=[c[0] for c in NO_TEXT])
def test_an_article_without_usable_text_is_set_aside_when_asked_to_skip(tmp_path, name, text, message):
    rows = table_rows(STORIES[:5]) + [{"text": text, "outlet": "Empty Gazette"}]
    with pytest.warns(CorpusWarning, match=f"set aside: .*t.csv {message}"):
        corpus = load_corpus(write_csv(tmp_path / "t.csv", rows), corrections=None, on_error="skip")
    assert "Empty Gazette" not in corpus.outlets and sorted(corpus.outlets) == OUTLETS
    aside = corpus.problems[corpus.problems["level"] == "set aside"]
    assert aside[["article_id", "file"]].values.tolist() == [["t-00006", "t.csv#6"]]


def test_an_outlet_with_only_unusable_articles_in_a_text_folder_is_set_aside(tmp_path):
    folder = write_text_folder(tmp_path / "folder", STORIES[:5])
    (folder / "gazette-1.txt").write_text(f"Gazette Front Page\n\n{SHARE}\n\nAdvertisement\n", encoding="utf-8")
    (folder / "gazette-2.txt").write_text("\n\n", encoding="utf-8")
    with (folder / "manifest.csv").open("a", encoding="utf-8") as fh:
        fh.write("gazette-1.txt,Empty Gazette\ngazette-2.txt,Empty Gazette\n")
    with pytest.raises(CorpusError) as err:
        load_corpus(folder, corrections=None)
    assert "gazette-1.txt: no body text" in str(err.value) and "gazette-2.txt: empty file" in str(err.value)
    corpus = load(folder, on_error="skip")
    assert "Empty Gazette" not in corpus.outlets
    assert sorted(corpus.problems.loc[corpus.problems["level"] == "set aside", "file"]) == ["gazette-1.txt",
                                                                                           "gazette-2.txt"]


def test_a_table_where_no_row_has_usable_text_is_an_error(tmp_path):
    path = write_csv(tmp_path / "t.csv", [{"text": "", "outlet": "A"}, {"text": SHARE, "outlet": "B"}])
    with pytest.raises(CorpusError, match="no usable articles"):
        load(path, on_error="skip")


def test_a_malformed_jsonl_line_is_an_error_naming_the_line(tmp_path):
    path = write_jsonl(tmp_path / "export.jsonl", table_rows(STORIES[:3]))
    with path.open("a", encoding="utf-8") as fh:
        fh.write('{"text": "A story that was cut off", "outlet": "Valley Post"\n')
    with pytest.raises(CorpusError, match=r"export\.jsonl line 4: not a JSON object"):
        load_corpus(path, corrections=None)


def test_a_jsonl_line_that_is_not_an_object_is_an_error_naming_the_line(tmp_path):
    path = write_jsonl(tmp_path / "export.jsonl", table_rows(STORIES[:3]))
    with path.open("a", encoding="utf-8") as fh:
        fh.write('["text", "outlet"]\n')
    with pytest.raises(CorpusError, match=r"export\.jsonl line 4: not a JSON object"):
        load_corpus(path, corrections=None)


def test_a_table_that_is_not_utf8_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("text,outlet\n\"Le caf\u00e9 est ferm\u00e9 depuis lundi.\",Valley Post\n".encode("latin-1"))
    with pytest.raises(CorpusError, match=r"export\.csv: not UTF-8 text \(byte 0xE9"):
        load_corpus(path, corrections=None)


def test_a_text_folder_without_a_manifest_says_what_the_manifest_needs(tmp_path):
    folder = write_text_folder(tmp_path / "folder")
    (folder / "manifest.csv").unlink()
    with pytest.raises(CorpusError, match="manifest.csv: manifest not found; text files need one, with at least "
                                          "the columns file and outlet"):
        load_corpus(folder, corrections=None)


def test_a_text_file_among_pages_without_a_manifest_is_named(tmp_path):
    folder = write_html_folder(tmp_path / "pages", STORIES[:5])
    (folder / "notes.txt").write_text(text_of(STORIES[5]), encoding="utf-8")
    with pytest.raises(CorpusError, match="notes.txt: a text file needs a manifest.csv row"):
        load_corpus(folder, corrections=None)


HEAD = '<head><title>Nothing</title><meta property="og:site_name" content="Valley Post"></head>'


@pytest.mark.parametrize(
    "page, message",
    [(f"<html>{HEAD}<body></body></html>", "no main text found in the page"),
     (f'<html>{HEAD}<body><nav><a href="/">Home</a></nav><article></article></body></html>', "no body text")],
    ids=["empty body", "navigation only"],
)
def test_a_page_without_main_text_is_named(tmp_path, page, message):
    folder = write_html_folder(tmp_path / "pages", STORIES[:5])
    (folder / "empty.html").write_text(page, encoding="utf-8")
    with pytest.raises(CorpusError, match=f"empty.html: {message}"):
        load_corpus(folder, corrections=None)
    corpus = load(folder, on_error="skip")
    assert corpus.problems.loc[corpus.problems["level"] == "set aside", "file"].tolist() == ["empty.html"]


def test_an_empty_folder_is_an_error(tmp_path):
    with pytest.raises(CorpusError, match="no articles found"):
        load_corpus(tmp_path, corrections=None)


# --------------------------------------------------------------------------- parallel reading

WORDS = ("council police camera software vendor audit warrant budget school airport union court judge "
         "privacy register parent marcher detective database contract hearing").split()


def many_rows(n: int) -> list[dict]:
    """``n`` small, distinct invented articles across five outlets (a few boilerplate lines among them)."""
    rows = []
    for i in range(n):
        a, b, c = WORDS[i % len(WORDS)], WORDS[(i * 7 + 3) % len(WORDS)], WORDS[(i * 11 + 5) % len(WORDS)]
        text = (f"By Reporter {chr(65 + i % 26)}ee June {1 + i % 28}, 2020\n\n"
                f"Story {i} says the {a} met the {b} on day {i} to talk about the {c}. It was item {i * 3}.\n\n"
                + (f"{SHARE}\n\n" if i % 5 == 0 else "")
                + f"The {b} said \u201cno comment\u201d about the {c} in case {i}, and the {a} left early.\n")
        rows.append({"text": text, "outlet": OUTLETS[i % 5], "title": f"Headline Number {i}"})
    return rows


def test_reading_in_two_processes_gives_the_same_tables_as_one(tmp_path):
    path = write_csv(tmp_path / "many.csv", many_rows(240))
    rows = many_rows(240)
    rows[7]["language"] = "de"  # one excluded article and one duplicate, so those paths are compared too
    rows[8]["text"] = rows[9]["text"] + "\nA later edition added one more sentence to the same short story.\n"
    write_csv(path, rows)
    serial = load(path, n_jobs=1)
    parallel = load(path, n_jobs=2)
    for name in ("articles", "lines", "sentences", "headlines", "normalisations", "problems", "duplicates"):
        pd.testing.assert_frame_equal(getattr(parallel, name), getattr(serial, name), obj=name)
    assert parallel.texts == serial.texts
    assert len(serial.articles) == 240 and serial.articles["excluded"].ne("").sum() == 2
    assert len(serial.duplicates) == 1 and (serial.lines["reason"] == "share buttons").sum() == 48


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(BOILERPLATE), st.sampled_from(["lower", "upper", "title", "same"]),
       st.text(alphabet=" \t", max_size=3), st.text(alphabet=" \t", max_size=3))
def test_page_furniture_is_found_in_any_case_and_with_any_surrounding_space(example, case, before, after):
    _, line, reason = example
    line = before + (line if case == "same" else getattr(line, case)()) + after
    assert classify_lines(["A Headline About Cameras", "", FIRST, "", line, "", SECOND])[4] == ("boilerplate", reason)


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
