"""Line roles: which line of an article is its title, byline, caption, heading, body or
boilerplate, by general rules (see ``data/README.md``), and the author and date in a byline."""

from __future__ import annotations

import re
from datetime import date, datetime

from analysis.corpus.text import _COMBINING, _INVISIBLE, normalise

__all__ = ["ROLES", "BOILERPLATE_RULES", "classify_lines", "parse_byline"]

ROLES = ("title", "byline", "caption", "heading", "body", "boilerplate", "blank")

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_RE = re.compile(
    rf"(?P<mdy>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
    rf"|(?P<dmy>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})",
    re.IGNORECASE,
)
# A time, with "at" before it and a zone in capitals after it ("at 3:15 p.m. EDT"), but not a
# following "BY" ("10:30 By Jane Doe").
_TIME_RE = re.compile(r"(?:\bat\s+)?\b\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?!BY\b)(?-i:[A-Z]{2,4}))?\b", re.IGNORECASE)
# A weekday just before a date ("Tuesday, June 9, 2020"); an abbreviation only at the start or
# after a separator, so that a name such as "Jane Sun, June 9, 2020" keeps its "Sun".
_WEEKDAY_BEFORE = re.compile(
    r"(?:\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:^|(?<=[|\u00b7\u2022,-])|(?<=[|\u00b7\u2022,-]\s))"
    r"(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\b\.?),?\s*$",
    re.IGNORECASE,
)
_READING_TIME = re.compile(r"\b\d+\s*-?\s*min(?:ute)?s?\.?\s+read\b", re.IGNORECASE)
_NAME = r"[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*|de|van|von|da|del|la|le)){0,3}"
# Only "by" ignores case: a name starts with a capital, so "By the end of June, ..." is no byline.
_BYLINE_RE = re.compile(rf"^(?i:by|written by)\s+(?P<author>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)$")


# Characters that normalisation may drop or merge: whitespace, invisible characters, combining
# marks (composed with their letter) and em dashes (a run of them becomes " - "). Every other
# character leaves at least one visible character in the matching form.
_UNCOUNTED = re.compile(f"[\\s{_INVISIBLE}{_COMBINING}\u2014\u2015]+")


def _parse_date(text: str) -> date | None:
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.replace(",", " ").replace(".", " "))
    cleaned = " ".join(cleaned.split())
    for fmt in ("%b %d %Y", "%B %d %Y", "%d %b %Y", "%d %B %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    if cleaned[:4].lower() == "sept":
        return _parse_date("Sep" + cleaned[4:])
    return None


def parse_byline(line: str) -> dict | None:
    """Author and date from a byline such as ``By Shani Saxon Jun 09, 2020``.

    Returns ``{"author": str, "published": date | None}``, ``{"author": "",
    "published": date}`` for a line that is only a date, or ``None`` if the line is
    not a byline. A date may stand before or after the name, fused or not
    (``June 9, 2020By Jane Doe``).

    >>> parse_byline("By Shani Saxon Jun 09, 2020")
    {'author': 'Shani Saxon', 'published': datetime.date(2020, 6, 9)}
    >>> parse_byline("Airport people inside") is None
    True
    """
    if len(line) > 160 and len(_UNCOUNTED.sub("", line)) > 160:
        return None  # too long for a byline even once normalised; a paragraph need not be normalised to see it
    s = " ".join(normalise(line).text.split())
    if len(s) > 160:
        return None
    published = None
    m = _DATE_RE.search(s)
    if m:
        published = _parse_date(m.group())
        s = (_WEEKDAY_BEFORE.sub("", s[: m.start()]) + " " + s[m.end() :]).strip()
    s = _TIME_RE.sub(" ", s)
    s = _READING_TIME.sub(" ", s)
    s = re.sub(r"\b(?:published|updated|posted)(?:\s+on)?\b:?", " ", s, flags=re.IGNORECASE)
    s = " ".join(s.strip(" |\u00b7\u2022,-:/").split())
    if not s:
        return {"author": "", "published": published} if published else None
    b = _BYLINE_RE.match(s)
    if not b:
        return None
    return {"author": b.group("author").strip(), "published": published}


# Lines that are not reporting, wherever they appear: (pattern, reason).
BOILERPLATE_RULES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^(?:click|tap) here\b", re.I), "link prompt ('click here …')"),
    (re.compile(r"^(?:read|see) (?:more|also|the full|the entire)\b", re.I), "link prompt ('read more …')"),
    (re.compile(r"^(?:related|recommended|more from|also read|read next)\b(?:\s*[:|\u2013\u2014]|(?:\s+[\w'\u2019&-]+){0,4}\s*$)", re.I), "related-content link"),
    (re.compile(r"(?:^|[.!?]\s+)(?:sign up|subscribe)\b|\bnewsletter\b.*\byour inbox\b", re.I), "newsletter prompt"),
    (re.compile(r"^(?:share(?: this)?(?: article| story| page| post)?(?: on| via)?|tweet|email|print|facebook|twitter|linkedin|whatsapp)\s*:?(?:[\s|\u00b7\u2022,/]+(?:share|tweet|email|print|facebook|twitter|x|linkedin|whatsapp|reddit|copy link|messenger|pinterest))*\s*$", re.I), "share buttons"),
    (re.compile(r"^(?:follow us|like us)\b", re.I), "social-media prompt"),
    (re.compile(r"^(?:\(?\s*(?:photo|image|picture|photograph)(?:\s+credit)?\s*(?::|by\b)|credit\s*:)|(?:(?:/|\b)(?:getty images|ap photo|shutterstock)|(?:/|\(|^)\s*(?:reuters|afp))\s*\)?\s*$", re.I), "photo credit"),
    (re.compile(r"^(?:\u00a9|\(c\)|copyright\s*(?:\u00a9|\(c\)|\d{4}\b|:))|all rights reserved|^this (?:material|article|content) may not be (?:published|reproduced|redistributed)", re.I), "copyright line"),
    (re.compile(r"^(?:advertisement|sponsored|skip to (?:main )?content|menu|home|back to top)\s*$", re.I), "navigation or advertising"),
    (re.compile(r"^(?:you are here\s*:\s*)?(?:home|news|tech|business|world|politics|opinion)(?:\s*[>\u203a|/\u00bb]\s*\w[\w ]*){1,5}$", re.I), "navigation (breadcrumb)"),
]

_TERMINAL = ('.', '!', '?', ':', ';', '"', "'", '\u201d', '\u2019', '\u2026', ')')
# "<Name> is a …": a bare "<Name> is" would also take a closing paragraph such as
# "IBM is committed to …" after a subheading for an author box, and a pronoun or
# determiner ("This is a …", "It was a …") is not a name.
_AUTHOR_BIO = re.compile(
    r"^(?:about the author\b|(?!(?:The|This|That|These|Those|It|There|Here|He|She|They|We|You|I|Our|Its|Their|His|Her|What|Which|Who|A|An) )"
    r"(?:[A-Z][\w'\u2019-]+ ){1,3}"
    r"(?:(?:is|was|has been) (?:a|an)\b|(?:writes|reports) (?:about|for|on)\b|covers\b))"
)


def _is_short(line: str, *, max_words: int = 12) -> bool:
    s = line.strip()
    return 0 < len(s.split()) <= max_words and len(s) <= 100 and not s.endswith(_TERMINAL)


# every rule above is case-insensitive, so their union is too
_ANY_BOILERPLATE = re.compile("|".join(f"(?:{p.pattern})" for p, _ in BOILERPLATE_RULES), re.IGNORECASE)
# A rule matches at the start of a line, or later only through one of these words (the
# branches without "^"). Searching every position of every paragraph for the union is slow,
# so a line is searched only if the union matches at its start or it holds one of them.
_BOILERPLATE_WORDS = ("sign up", "subscribe", "newsletter", "getty images", "ap photo", "shutterstock", "reuters",
                      "afp", "all rights reserved")
# letters that ignore-case matching takes for ASCII ones but lower() does not turn into them
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")


def classify_lines(lines: list[str], *, author: str = "") -> list[tuple[str, str]]:
    """Give each line a role and the reason, by general rules (see ``data/README.md``).

    ``author`` (if known) helps recognise an author box at the end of the text.

    >>> classify_lines(["A Headline Here", "", "By Jane Doe June 9, 2020", "", "Alt text of a photo",
    ...                 "", "The first paragraph says something.", "A Subheading",
    ...                 "The second paragraph says more.", "Click here to read the letter."])[:5]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('title', 'first non-blank line, short, without a full stop'), ('blank', 'empty line'),
     ('byline', 'byline: author and date'), ('blank', 'empty line'),
     ('caption', 'short line without a sentence ending before the first paragraph (image alt text or caption)')]
    """
    roles: list[tuple[str, str] | None] = [None] * len(lines)
    for i, line in enumerate(lines):
        if not line.strip():
            roles[i] = ("blank", "empty line")
            continue
        s = " ".join(line.split())
        if not _ANY_BOILERPLATE.match(s):
            low = s.lower()
            if not any(w in low for w in _BOILERPLATE_WORDS) and not (not s.isascii() and _ODD_CASE.search(s)):
                continue
            if not _ANY_BOILERPLATE.search(s):  # one pass rules out most of the rest
                continue
        for pattern, reason in BOILERPLATE_RULES:
            if pattern.search(s):
                roles[i] = ("boilerplate", reason)
                break
    content = [i for i, r in enumerate(roles) if r is None]
    if not content:
        return [r for r in roles]  # type: ignore[misc]

    first = content[0]
    s = lines[first].strip()
    if len(s.split()) <= 30 and (not s.endswith(_TERMINAL) or s.endswith(("?", "!"))) and parse_byline(s) is None:
        roles[first] = ("title", "first non-blank line, short, without a full stop")

    # bylines and date lines near the top
    for i in [i for i in content if roles[i] is None][:4]:
        found = parse_byline(lines[i])
        if found:
            what = "byline: author and date" if found["author"] and found["published"] else (
                "byline: author" if found["author"] else "date line")
            roles[i] = ("byline", what)

    # an author box at the very end: a short title line, then "<Name> is a …"
    rest = [i for i in content if roles[i] is None]
    first_name = author.split()[0] if author.strip() else None
    for i in rest[-2:]:
        s = lines[i].strip()
        if _AUTHOR_BIO.match(s) and i == rest[-1]:
            before = rest[rest.index(i) - 1] if rest.index(i) > 0 else None
            has_title = before is not None and _is_short(lines[before], max_words=6)
            named = first_name is not None and s.startswith(first_name)
            if has_title or named:
                roles[i] = ("boilerplate", "author box: biography of the author")
                if has_title:
                    roles[before] = ("boilerplate", "author box: the author's title")

    rest = [i for i in content if roles[i] is None]
    body_like = [i for i in rest if not _is_short(lines[i])]
    first_body = body_like[0] if body_like else len(lines)
    last_body = body_like[-1] if body_like else -1
    for i in rest:
        if i in body_like:
            roles[i] = ("body", "paragraph")
        elif i < first_body:
            roles[i] = ("caption", "short line without a sentence ending before the first paragraph (image alt text or caption)")
        elif i < last_body:
            roles[i] = ("heading", "short line without a sentence ending between paragraphs (subheading)")
        else:
            roles[i] = ("boilerplate", "short line without a sentence ending after the last paragraph")
    return [r for r in roles]  # type: ignore[misc]
