"""Six invented stories from five outlets, written as a text folder, saved web pages, a CSV or a
JSON-lines table, so that every input format can be checked against the others."""

from __future__ import annotations

import csv
import html
import json
import warnings
from datetime import date
from pathlib import Path

from analysis import CorpusWarning, load_corpus


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


def load_quietly(path: Path, **kw):
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


JSONL_NAMES = {"text": "body", "outlet": "media_name", "title": "headline", "author": "writer",
               "published": "publish_date", "url": "link"}


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


# Root can read any file whatever its permissions, so unreadable files here are ones that fail
# for root too: a link to /proc/self/mem (reading it from offset 0 is an I/O error).
UNREADABLE = Path("/proc/self/mem")
