"""Read raw articles and their manifest into tidy, checked tables.

:func:`load_corpus` is the only function in the package that reads raw files. It
never writes to them. It returns a :class:`Corpus` whose tables are described in
``data/README.md``:

* ``articles`` -- one row per article: the manifest, facts found in the text, counts;
* ``lines`` -- every line of every file, in order, with its role and the reason;
* ``sentences`` -- one row per body sentence, located in the raw file;
* ``headlines`` -- the title line of each article, in the same shape as ``sentences``;
* ``normalisations`` -- every normalisation and correction applied to a matching form;
* ``problems`` -- what was filled in, set aside, or found in conflict, and why.
"""

from __future__ import annotations

import csv
import hashlib
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.paths import CORRECTIONS, DATA_RAW
from analysis.corpus.readers import HTML_SUFFIXES, Record, SourceError, extract_html, input_kind, read_table
from analysis.corpus.text import _COMBINING, _INVISIBLE, Correction, count_words, detect_language, normalise, split_sentences

__all__ = [
    "Corpus",
    "CorpusError",
    "CorpusWarning",
    "MANIFEST_COLUMNS",
    "ROLES",
    "classify_lines",
    "parse_byline",
    "read_manifest",
    "read_corrections",
    "read_text",
    "load_corpus",
    "load_processed",
]

MANIFEST_COLUMNS = [
    "article_id",
    "outlet",
    "outlet_type",
    "title",
    "author",
    "published",
    "url",
    "language",
    "file",
    "sha256",
    "notes",
]
REQUIRED_COLUMNS = ("file", "outlet")
OPTIONAL_COLUMNS = ("line_roles",)
ROLES = ("title", "byline", "caption", "heading", "body", "boilerplate", "blank")
ARTICLE_SUFFIXES = (".txt", ".md")

SENTENCE_COLUMNS = [
    "article_id",
    "outlet",
    "paragraph_no",
    "sentence_no",
    "sentence_id",
    "text",
    "start",
    "end",
    "raw",
    "edits",
]
LINE_COLUMNS = ["article_id", "line_no", "text", "eol", "start", "end", "role", "reason"]
NORMALISATION_COLUMNS = ["article_id", "line_no", "kind", "start", "end", "raw", "normalised", "reason"]
PROBLEM_COLUMNS = ["article_id", "file", "level", "problem"]
COUNT_COLUMNS = ["n_paragraphs", "n_sentences", "n_words"]
SOURCE_COLUMNS = ["title_source", "author_source", "published_source", "language_source"]
DUPLICATE_COLUMNS = ["article_id", "outlet", "duplicate_of", "outlet_of_original", "shared"]


class CorpusError(ValueError):
    """Raised when the raw files or the manifest cannot be read as a corpus."""


class CorpusWarning(UserWarning):
    """An article was set aside, a field was filled in, or two sources disagree."""


# --------------------------------------------------------------------------- reading


def read_text(path: Path | str) -> str:
    """Read one article file as UTF-8 text; raise :class:`CorpusError` naming the problem.

    A byte-order mark and CRLF line endings are accepted (the BOM is dropped, line
    endings are kept). An empty or whitespace-only file, a binary file, and bytes that
    are not UTF-8 (for instance Latin-1) are refused.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorpusError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    return _decode(data, path)


def _decode(data: bytes, path: Path) -> str:
    if not data.strip():
        raise CorpusError(f"{path}: empty file (no text)")
    if b"\x00" in data[:8192]:
        raise CorpusError(f"{path}: binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        byte = data[exc.start]
        guess = " (it looks like Latin-1 or Windows-1252; re-save it as UTF-8)" if byte >= 0x80 else ""
        raise CorpusError(
            f"{path} line {line}: not UTF-8 text: byte 0x{byte:02X} at offset {exc.start}{guess}"
        ) from exc
    if not text.strip():
        raise CorpusError(f"{path}: empty file (only whitespace)")
    return text


def _split_lines(text: str) -> list[tuple[str, str, int]]:
    """``(text, eol, start)`` per line; the lines joined with their endings give ``text``."""
    out = []
    pos = 0
    for m in re.finditer(r"\r\n|\n|\r", text):
        out.append((text[pos : m.start()], m.group(), pos))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], "", pos))
    return out


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_iso_date(value: str) -> date | None:
    if not _ISO_DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def read_manifest(path: Path | str) -> pd.DataFrame:
    """Read and check ``manifest.csv``; every value is a string, missing ones are ``""``.

    Raises :class:`CorpusError` naming the line for a missing required column, an
    empty ``file`` or ``outlet``, a duplicate ``article_id`` or ``file``, or a
    ``published`` value that is not a date (YYYY-MM-DD). ``article_id`` defaults to
    the file name without its extension.
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: manifest not found (one row per article: {', '.join(MANIFEST_COLUMNS)})")
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
            header = list(rows[0].keys()) if rows else next(csv.reader(path.open(encoding="utf-8-sig")), [])
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise CorpusError(f"{path}: missing required column(s) {', '.join(missing)}; found {', '.join(header)}")
    unknown = [c for c in header if c not in MANIFEST_COLUMNS and c not in OPTIONAL_COLUMNS]
    if unknown:
        raise CorpusError(
            f"{path}: unknown column(s) {', '.join(unknown)}; allowed: {', '.join(MANIFEST_COLUMNS + list(OPTIONAL_COLUMNS))}"
        )
    errors = []
    seen_ids: dict[str, int] = {}
    seen_files: dict[str, int] = {}
    for i, row in enumerate(rows, start=2):  # line 1 is the header
        if None in row:
            errors.append(f"{path} line {i}: more values than columns")
            row.pop(None)
        for col in MANIFEST_COLUMNS + list(OPTIONAL_COLUMNS):
            row[col] = (row.get(col) or "").strip()
        for col in REQUIRED_COLUMNS:
            if not row[col]:
                errors.append(f"{path} line {i}: empty '{col}'")
        if not row["article_id"]:
            row["article_id"] = Path(row["file"]).stem
        if row["article_id"] in seen_ids:
            errors.append(
                f"{path} line {i}: duplicate article_id '{row['article_id']}' (first on line {seen_ids[row['article_id']]})"
            )
        seen_ids.setdefault(row["article_id"], i)
        if row["file"] and row["file"] in seen_files:
            errors.append(f"{path} line {i}: file '{row['file']}' is listed twice (first on line {seen_files[row['file']]})")
        seen_files.setdefault(row["file"], i)
        if row["published"] and _parse_iso_date(row["published"]) is None:
            errors.append(f"{path} line {i}: published '{row['published']}' is not a date (YYYY-MM-DD)")
        if row["line_roles"]:
            try:
                _parse_line_roles(row["line_roles"])
            except ValueError as exc:
                errors.append(f"{path} line {i}: line_roles {exc}")
    if errors:
        raise CorpusError("\n".join(errors))
    frame = pd.DataFrame(rows, columns=MANIFEST_COLUMNS + list(OPTIONAL_COLUMNS))
    return frame.astype(str)


def _parse_line_roles(value: str) -> dict[int, str]:
    """``"3=caption; 40=boilerplate"`` -> ``{3: "caption", 40: "boilerplate"}``."""
    out = {}
    for part in filter(None, (p.strip() for p in value.split(";"))):
        m = re.fullmatch(r"(\d+)\s*=\s*(\w+)", part)
        if not m:
            raise ValueError(f"'{part}' is not LINE=ROLE")
        if m.group(2) not in ROLES:
            raise ValueError(f"'{part}': unknown role '{m.group(2)}' (one of {', '.join(ROLES)})")
        out[int(m.group(1))] = m.group(2)
    return out


def read_corrections(path: Path | str | None = CORRECTIONS) -> pd.DataFrame:
    """Read the corrections file: ``article_id, find, replace, reason`` (``*`` = every article)."""
    columns = ["article_id", "find", "replace", "reason"]
    if path is None or not Path(path).exists():
        return pd.DataFrame(columns=columns, dtype=str)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise CorpusError(f"{path}: missing column(s) {', '.join(missing)}")
    for i, row in enumerate(frame.itertuples(index=False), start=2):
        if not row.find or not row.article_id:
            raise CorpusError(f"{path} line {i}: 'article_id' and 'find' must not be empty")
        if not row.reason:
            raise CorpusError(f"{path} line {i}: say why '{row.find}' is corrected (column 'reason')")
    return frame[columns]


# --------------------------------------------------------------------------- line roles

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


# --------------------------------------------------------------------------- the corpus


@dataclass
class Corpus:
    """The tidy tables of a corpus; see the module docstring and ``data/README.md``."""

    articles: pd.DataFrame
    lines: pd.DataFrame
    sentences: pd.DataFrame
    headlines: pd.DataFrame
    normalisations: pd.DataFrame
    problems: pd.DataFrame
    duplicates: pd.DataFrame = field(default_factory=lambda: _table([], DUPLICATE_COLUMNS, "duplicates"))
    texts: dict[str, str] = field(default_factory=dict)

    TABLES = ("articles", "lines", "sentences", "headlines", "normalisations", "problems", "duplicates")

    @property
    def outlets(self) -> list[str]:
        """The outlets, sorted."""
        return sorted(self.articles["outlet"].unique())

    def subset(self, article_ids) -> Corpus:
        """The same tables restricted to ``article_ids`` (any iterable of ids)."""
        keep = set(article_ids)
        tables = {name: getattr(self, name) for name in self.TABLES}
        picked = {name: t[t["article_id"].isin(keep)].reset_index(drop=True) for name, t in tables.items()}
        return Corpus(**picked, texts={a: t for a, t in self.texts.items() if a in keep})

    def row_groups(self, groups: list) -> dict[str, list[np.ndarray]]:
        """For disjoint groups of article ids, the row positions of each group in each table,
        found in one pass over each table (``subset`` once per group would scan every table
        once per group). ``part(group, positions)`` builds the sub-corpus from them."""
        group_of = {a: k for k, ids in enumerate(groups) for a in ids}
        out = {}
        for name in self.TABLES:
            ids = getattr(self, name)["article_id"].tolist()
            codes = np.fromiter((group_of.get(a, -1) for a in ids), dtype=np.int64, count=len(ids))
            order = np.argsort(codes, kind="stable")  # rows of each group together, in table order
            bounds = np.searchsorted(codes[order], np.arange(len(groups) + 1))
            out[name] = [order[bounds[k]:bounds[k + 1]] for k in range(len(groups))]
        return out

    def part(self, article_ids, positions: dict[str, np.ndarray]) -> Corpus:
        """The sub-corpus of ``article_ids`` from its row positions (see :meth:`row_groups`);
        equal to ``subset(article_ids)``."""
        keep = set(article_ids)
        picked = {name: getattr(self, name).take(positions[name]).reset_index(drop=True) for name in self.TABLES}
        return Corpus(**picked, texts={a: t for a, t in self.texts.items() if a in keep})

    def save(self, directory: Path | str) -> list[Path]:
        """Write every table to ``<directory>/<table>.csv``; return the paths."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        paths = []
        for name in self.TABLES:
            table = getattr(self, name).copy()
            if name == "articles":
                table["published"] = table["published"].dt.strftime("%Y-%m-%d").fillna("")
            p = directory / f"{name}.csv"
            # ``eol`` may be a lone "\r" (old Mac line endings), which the csv writer leaves
            # unquoted when rows end in "\n"; quoting the text columns keeps it in its field.
            quoting = csv.QUOTE_NONNUMERIC if name == "lines" else csv.QUOTE_MINIMAL
            table.to_csv(p, index=False, lineterminator="\n", quoting=quoting)
            paths.append(p)
        return paths


_INT_COLUMNS = {
    "articles": COUNT_COLUMNS,
    "lines": ["line_no", "start", "end"],
    "sentences": ["paragraph_no", "sentence_no", "start", "end"],
    "headlines": ["paragraph_no", "sentence_no", "start", "end"],
    "normalisations": ["line_no", "start", "end"],
    "problems": [],
    "duplicates": [],
}
_FLOAT_COLUMNS = {"duplicates": ["shared"]}


def load_processed(path: Path | str) -> Corpus:
    """Read the tables that :meth:`Corpus.save` wrote (notebooks 02 onwards use this).

    The raw texts are rebuilt from ``lines.csv``, which holds every line with its ending.
    """
    path = Path(path)
    tables = {}
    for name in Corpus.TABLES:
        p = path / f"{name}.csv"
        if not p.exists():
            raise CorpusError(f"{p}: not found; run notebooks/01-corpus.ipynb first (make report)")
        t = pd.read_csv(p, dtype=str, keep_default_na=False)
        for col in _INT_COLUMNS[name]:
            t[col] = t[col].astype("int64")
        for col in _FLOAT_COLUMNS.get(name, []):
            t[col] = t[col].astype("float64")
        tables[name] = t
    tables["articles"]["published"] = pd.to_datetime(tables["articles"]["published"].replace("", None), format="%Y-%m-%d")
    texts = {
        aid: "".join(g["text"] + g["eol"]) for aid, g in tables["lines"].groupby("article_id", sort=False)
    }
    return Corpus(**tables, texts=texts)


class _Problems:
    """Collects what goes wrong; raises all errors at once, or sets articles aside."""

    def __init__(self, on_error: str):
        if on_error not in ("raise", "skip"):
            raise ValueError("on_error must be 'raise' or 'skip'")
        self.on_error = on_error
        self.rows: list[dict] = []
        self.errors: list[str] = []

    def error(self, article_id: str, file: str, message: str) -> None:
        if self.on_error == "raise":
            self.errors.append(message)
        else:
            warnings.warn(f"set aside: {message}", CorpusWarning, stacklevel=3)
            self.rows.append({"article_id": article_id, "file": file, "level": "set aside", "problem": message})

    def note(self, article_id: str, file: str, level: str, message: str) -> None:
        if level == "warning":
            warnings.warn(message, CorpusWarning, stacklevel=3)
        self.rows.append({"article_id": article_id, "file": file, "level": level, "problem": message})

    def raise_if_any(self, where: Path) -> None:
        if self.errors:
            head = f"{len(self.errors)} problem(s) in {where}:" if len(self.errors) > 1 else ""
            raise CorpusError("\n".join(filter(None, [head, *self.errors])))


class _Notes:
    """What one article's reading found, kept as ``(level, message)`` for the caller to report."""

    def __init__(self, notes: list):
        self.notes = notes

    def error(self, article_id: str, file: str, message: str) -> None:
        self.notes.append(("error", message))

    def note(self, article_id: str, file: str, level: str, message: str) -> None:
        self.notes.append((level, message))


def load_corpus(
    path: Path | str = DATA_RAW,
    *,
    corrections: Path | str | None = CORRECTIONS,
    on_error: str = "raise",
    columns: dict[str, str] | None = None,
    languages: tuple[str, ...] | None = ("en",),
    duplicates: str = "exclude",
    n_jobs: int = 1,
) -> Corpus:
    """Read articles into a :class:`Corpus`: a folder with ``manifest.csv``, saved web pages, or a table.

    Parameters
    ----------
    path
        A folder with ``manifest.csv`` and the article files (``.txt``/``.md`` in UTF-8,
        or saved ``.html`` pages); a folder of ``.html`` pages without a manifest (the
        outlet is each page's site name); or a ``.csv``/``.jsonl`` table with one
        article per row (``text`` and ``outlet`` columns). See :mod:`analysis.corpus.readers`.
    corrections
        CSV of known source errors (``article_id, find, replace, reason``), applied to
        the matching form only and recorded in ``normalisations``; ``None`` for none.
    on_error
        ``"raise"`` (default) stops with one :class:`CorpusError` listing every problem,
        each naming its file and line; ``"skip"`` sets each bad article aside with a
        :class:`CorpusWarning` and records it in ``problems``.
    columns
        For a table: its column names for ``text``, ``outlet``, ``title`` and so on,
        when they differ (``{"text": "body", "outlet": "media_name"}``).
    languages
        Languages the lexicon measures are written for. An article in another language
        (as the manifest says, or as detected) stays in ``articles`` and ``lines`` but
        its sentences are kept out of ``sentences``, with a warning. ``None`` keeps all.
    duplicates
        ``"exclude"`` (default): an article whose sentences are mostly those of an
        earlier one (the same wire story in two outlets, or one article loaded twice)
        is kept out of ``sentences``, so it counts once; ``"keep"`` keeps every copy.
        Either way, pairs are listed in ``duplicates``.
    n_jobs
        Processes used to read a large corpus (the result does not depend on it).

    Examples
    --------
    >>> corpus = load_corpus()
    >>> corpus.articles[["outlet", "n_paragraphs"]].to_dict("records")
    [{'outlet': 'Colorlines', 'n_paragraphs': 12}, {'outlet': 'VPNoverview', 'n_paragraphs': 10}]
    """
    if duplicates not in ("exclude", "keep"):
        raise ValueError("duplicates must be 'exclude' or 'keep'")
    path = Path(path)
    try:
        kind = input_kind(path)
    except SourceError as exc:
        raise CorpusError(str(exc)) from None
    fixes = read_corrections(corrections)
    problems = _Problems(on_error)
    if kind == "table":
        try:
            records = read_table(path, columns=columns)
        except SourceError as exc:
            raise CorpusError(str(exc)) from None
        provided_by = "table"
    elif kind == "html-folder":
        records = _html_folder_records(path, problems)
        provided_by = "page metadata"
    else:
        records = _folder_records(path, problems)
        provided_by = "manifest"

    records = _checked(records, problems)
    fixes_by = _fixes_by_article(fixes)
    jobs = [(r.fields, r.text, r.where, r.origin, r.data.startswith(b"\xef\xbb\xbf"),
             fixes_by(r.fields["article_id"]), provided_by) for r in records]
    results, tables = _read_all(jobs, n_jobs)

    articles = []
    texts: dict[str, str] = {}
    keys: dict[str, set] = {}
    for record, job, (art, notes, applied) in zip(records, jobs, results):
        aid, fname = record.fields["article_id"], record.fields["file"]
        for level, message in notes:
            if level == "error":
                problems.error(aid, fname, message)
            else:
                problems.note(aid, fname, level, message)
        if art is None:
            continue
        keys[aid] = art.pop("_keys")
        articles.append(art)
        texts[aid] = record.text
        article_fixes = job[5]
        if article_fixes:
            for fix in article_fixes:
                if fix.find not in applied and aid in fix.scope:
                    problems.note(aid, fname, "warning", f"{record.where}: correction '{fix.find}' -> '{fix.replace}' was never applied")
    problems.raise_if_any(path)
    if not articles:
        raise CorpusError(f"{path}: no usable articles")

    for art in articles:
        art["excluded"] = ""
    if languages is not None:
        _exclude_languages(articles, languages, problems)
    pairs = _duplicate_pairs(
        {a["article_id"]: keys[a["article_id"]] for a in articles if not a["excluded"] and keys[a["article_id"]]},
        {a["article_id"]: a["outlet"] for a in articles},
        {a["article_id"]: a["published"] for a in articles if a["published"]},
        min_share=0.8,
    )
    if duplicates == "exclude":
        by_id = {a["article_id"]: a for a in articles}
        for pair in pairs.itertuples(index=False):
            by_id[pair.article_id]["excluded"] = (
                f"near-duplicate of {pair.duplicate_of} ({pair.shared:.0%} of its sentences shared); counted once"
            )
            problems.note(pair.article_id, "", "warning",
                          f"article '{pair.article_id}' ({pair.outlet}) repeats '{pair.duplicate_of}' ({pair.outlet_of_original}): "
                          f"{pair.shared:.0%} of its sentences shared; kept out of sentences so the story counts once")
    excluded = {a["article_id"] for a in articles if a["excluded"]}
    art_df = pd.DataFrame(articles)
    art_df = art_df[MANIFEST_COLUMNS + SOURCE_COLUMNS + COUNT_COLUMNS + ["text_origin", "excluded"]]
    art_df["published"] = pd.to_datetime(art_df["published"].replace("", None), format="%Y-%m-%d")
    sent_df, heads = tables["sentences"], tables["headlines"]
    if excluded:
        sent_df = sent_df[~sent_df["article_id"].isin(excluded)].reset_index(drop=True)
        heads = heads[~heads["article_id"].isin(excluded)].reset_index(drop=True)
    return Corpus(
        articles=art_df.reset_index(drop=True).astype({c: "str" for c in MANIFEST_COLUMNS if c != "published"}),
        lines=tables["lines"],
        sentences=sent_df,
        headlines=heads,
        normalisations=tables["normalisations"],
        problems=_table(problems.rows, PROBLEM_COLUMNS, "problems"),
        duplicates=pairs,
        texts=texts,
    )


@dataclass(frozen=True)
class _Fix(Correction):
    scope: tuple[str, ...] = ()


def _fixes_by_article(fixes: pd.DataFrame):
    """A function from an article id to the corrections that apply to it, in file order."""
    listed = [(r.article_id, _Fix(r.find, r.replace, r.reason, scope=(r.article_id,)))
              for r in fixes.itertuples(index=False)]

    def fixes_for(aid: str) -> tuple[_Fix, ...]:
        return tuple(f for a, f in listed if a == aid or a == "*")

    return fixes_for


def _folder_records(path: Path, problems: _Problems) -> list[Record]:
    """Records for a folder with a manifest: text files read as they are, web pages extracted."""
    manifest_path = path / "manifest.csv"
    manifest = read_manifest(manifest_path)
    listed = set(manifest["file"])
    for p in sorted(path.iterdir()):
        if (p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES + HTML_SUFFIXES and not p.name.startswith(".")
                and p.name.lower() != "readme.md" and p.name not in listed):
            problems.error("", p.name, f"{p}: file has no row in {manifest_path}")
    records = []
    for line_no, row in enumerate(manifest.to_dict("records"), start=2):
        aid, fname = row["article_id"], row["file"]
        fpath = path / fname
        if not fpath.is_file():
            problems.error(aid, fname, f"{manifest_path} line {line_no}: file '{fname}' not found in {path}")
            continue
        if fpath.suffix.lower() not in ARTICLE_SUFFIXES + HTML_SUFFIXES:
            problems.error(aid, fname, f"{manifest_path} line {line_no}: {fname}: unknown file type "
                                       f"'{fpath.suffix or '(none)'}'; articles are .txt/.md (UTF-8) or saved .html pages")
            continue
        try:
            data = fpath.read_bytes()
            if fpath.suffix.lower() in HTML_SUFFIXES:
                meta, text, origin = extract_html(data, str(fpath))
                for key in ("title", "author", "published", "url"):
                    if not row[key] and meta[key]:
                        row[key] = meta[key]
                        problems.note(aid, fname, "filled", f"{fpath}: {key} '{meta[key]}' taken from the page's metadata")
            else:
                text, origin = _decode(data, fpath), ""
        except OSError as exc:
            problems.error(aid, fname, f"{fpath}: cannot be read ({exc.strerror or exc})")
            continue
        except (CorpusError, SourceError) as exc:
            problems.error(aid, fname, str(exc))
            continue
        records.append(Record(fields=row, text=text, data=data, where=str(fpath), origin=origin,
                              listed_at=f"{manifest_path} line {line_no}"))
    return records


def _html_folder_records(path: Path, problems: _Problems) -> list[Record]:
    """Records for a folder of saved web pages without a manifest."""
    records = []
    for p in sorted(path.iterdir()):
        if not p.is_file() or p.name.startswith("."):
            continue
        if p.suffix.lower() not in HTML_SUFFIXES:
            if p.suffix.lower() in ARTICLE_SUFFIXES:
                problems.error("", p.name, f"{p}: a text file needs a manifest.csv row (file, outlet)")
            continue
        try:
            data = p.read_bytes()
            meta, text, origin = extract_html(data, str(p))
        except OSError as exc:
            problems.error(p.stem, p.name, f"{p}: cannot be read ({exc.strerror or exc})")
            continue
        except SourceError as exc:
            problems.error(p.stem, p.name, str(exc))
            continue
        if not meta["outlet"]:
            problems.error(p.stem, p.name, f"{p}: the page names no site, so its outlet is unknown; "
                                           "add a manifest.csv with the columns file and outlet")
            continue
        fields = {c: "" for c in MANIFEST_COLUMNS + list(OPTIONAL_COLUMNS)}
        fields.update({k: meta[k] for k in ("title", "author", "published", "url", "outlet")})
        fields.update({"article_id": p.stem, "file": p.name})
        records.append(Record(fields=fields, text=text, data=data, where=str(p), origin=origin))
    return records


def _checked(records: list[Record], problems: _Problems) -> list[Record]:
    """Checks that apply to every kind of input: ids, dates, hashes, empty text, identical copies."""
    out = []
    seen_ids: dict[str, str] = {}
    seen_hashes: dict[str, tuple[str, str]] = {}
    for r in records:
        f = r.fields
        for c in MANIFEST_COLUMNS + list(OPTIONAL_COLUMNS):
            f[c] = str(f.get(c, "") or "").strip()
        aid = f["article_id"]
        if not f["outlet"]:
            problems.error(aid, f["file"], f"{r.where}: empty 'outlet'")
            continue
        if aid in seen_ids:
            problems.error(aid, f["file"], f"{r.where}: duplicate article_id '{aid}' (first in {seen_ids[aid]})")
            continue
        if f["published"] and _parse_iso_date(f["published"]) is None:
            problems.error(aid, f["file"], f"{r.where}: published '{f['published']}' is not a date (YYYY-MM-DD)")
            continue
        if not r.text.strip():
            problems.error(aid, f["file"], f"{r.where}: empty text")
            continue
        digest = hashlib.sha256(r.data).hexdigest()
        if f["sha256"] and f["sha256"].lower() != digest:
            problems.error(aid, f["file"], f"{r.where}: sha256 {digest[:12]}… does not match the manifest "
                                           f"({f['sha256'][:12]}…, {r.listed_at or 'as given'}); "
                                           "the raw file has changed since it was recorded")
            continue
        first = seen_hashes.get(digest)
        if first is not None and first[1] == f["outlet"]:
            # one outlet's article loaded twice; the same text in another outlet (a wire copy) is kept
            # here and handled as a near-duplicate, so that duplicates="keep" can keep it
            problems.note(aid, f["file"], "set aside", f"{r.where}: same bytes as article '{first[0]}'; duplicate set aside")
            warnings.warn(f"{r.where}: duplicate of article '{first[0]}', set aside", CorpusWarning, stacklevel=3)
            continue
        seen_ids[aid] = r.where
        seen_hashes.setdefault(digest, (aid, f["outlet"]))
        f["sha256"] = digest
        out.append(r)
    return out


def _read_record(job) -> tuple[tuple | None, list[tuple[str, str]]]:
    """Build one article's rows; returns ``(result or None, [(level, message), …])``."""
    notes: list[tuple[str, str]] = []
    result = _read_article(job, notes)
    return result, notes


# The jobs of the current load, for worker processes: forked workers inherit them instead of
# receiving a pickled copy of every text.
_JOBS: list = []


def _set_jobs(jobs: list) -> None:
    global _JOBS
    _JOBS = jobs


_ROW_TABLES = (("lines", LINE_COLUMNS), ("sentences", SENTENCE_COLUMNS), ("headlines", SENTENCE_COLUMNS),
               ("normalisations", NORMALISATION_COLUMNS))


def _read_jobs(jobs: list) -> tuple[list, dict[str, pd.DataFrame]]:
    """For consecutive jobs: ``[(article or None, notes, corrections applied), …]`` and the rows of
    all of them as tables (built here, so that a worker process does that work too)."""
    per_article = []
    rows: dict[str, list] = {name: [] for name, _ in _ROW_TABLES}
    for job in jobs:
        result, notes = _read_record(job)
        if result is None:
            per_article.append((None, notes, None))
            continue
        art, *tables = result
        for (name, _), part in zip(_ROW_TABLES, tables):
            rows[name].extend(part)
        applied = {n[5] for n in tables[3] if n[2] == "correction"} if job[5] else None  # raw text corrected
        per_article.append((art, notes, applied))
    return per_article, {name: _table(rows[name], columns, name) for name, columns in _ROW_TABLES}


def _read_range(bounds: tuple[int, int]) -> tuple[list, dict[str, pd.DataFrame]]:
    return _read_jobs(_JOBS[bounds[0]:bounds[1]])


def _read_all(jobs: list, n_jobs: int) -> tuple[list, dict[str, pd.DataFrame]]:
    """:func:`_read_jobs` for every job, in order, in ``n_jobs`` processes for a large corpus."""
    if n_jobs <= 1 or len(jobs) < 200:
        return _read_jobs(jobs)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # about eight ranges of consecutive articles per process, of similar amounts of text
    n_ranges = n_jobs * 8
    sizes = [len(job[1]) for job in jobs]
    step = sum(sizes) / n_ranges
    bounds, start, total = [], 0, 0
    for i, size in enumerate(sizes):
        total += size
        if total >= step * (len(bounds) + 1) and i + 1 > start:
            bounds.append((start, i + 1))
            start = i + 1
    if start < len(jobs):
        bounds.append((start, len(jobs)))
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(max_workers=n_jobs, mp_context=context, initializer=_set_jobs,
                             initargs=(jobs,)) as pool:
        parts = list(pool.map(_read_range, bounds))
    per_article = [a for p, _ in parts for a in p]
    tables = {name: pd.concat([t[name] for _, t in parts], ignore_index=True) for name, _ in _ROW_TABLES}
    return per_article, tables


def _exclude_languages(articles: list[dict], languages, problems: _Problems) -> None:
    """Mark articles whose language (given or detected) is outside ``languages`` as excluded."""
    for art in articles:
        lang = art["language"]
        if lang and lang.split("-")[0].lower() not in languages:
            art["excluded"] = f"language '{lang}': the lexicon measures are for {', '.join(languages)}"
            problems.note(art["article_id"], art["file"], "warning",
                          f"article '{art['article_id']}' ({art['outlet']}) is in language '{lang}', not "
                          f"{'/'.join(languages)}; kept out of the sentence measures")


_KEY_WORD = re.compile(r"[^\W_]+")  # the words left when punctuation and underscores become spaces


def _sentence_keys(texts, *, min_words: int = 6) -> set[bytes]:
    """Fingerprints of an article's sentences of ``min_words`` words or more (case, punctuation ignored)."""
    keys = set()
    for t in texts:
        words = _KEY_WORD.findall(t.lower())
        if len(words) >= min_words:
            keys.add(hashlib.blake2b(" ".join(words).encode(), digest_size=8).digest())
    return keys


def _duplicate_pairs(keys: dict[str, set], outlet: dict, published: dict, *, min_share: float) -> pd.DataFrame:
    order = {aid: i for i, aid in enumerate(keys)}
    # counted first (in C), so that only sentences found in several articles get a posting list
    seen: Counter = Counter()
    for ks in keys.values():
        seen.update(ks)
    postings: dict[bytes, list[str]] = {}
    for aid, ks in keys.items():
        for k in ks:
            if seen[k] > 1:
                postings.setdefault(k, []).append(aid)
    # pairs counted in the order they are first met, which decides ties below
    shared: Counter = Counter()
    for ids in postings.values():
        if not 2 <= len(ids) <= 200:  # a sentence in hundreds of articles is boilerplate, not a copy
            continue
        shared.update(combinations(ids, 2))
    rows = {}
    for (a, b), n in shared.items():
        share = n / min(len(keys[a]), len(keys[b]))
        if share < min_share:
            continue
        first, copy = sorted((a, b), key=lambda x: (published.get(x) or "9999", order[x]))
        if copy not in rows or rows[copy][-1] < share:
            rows[copy] = [copy, outlet[copy], first, outlet[first], round(share, 3)]
    found = [dict(zip(DUPLICATE_COLUMNS, r)) for r in sorted(rows.values(), key=lambda r: order[r[0]])]
    return _table(found, DUPLICATE_COLUMNS, "duplicates")


def find_duplicates(sentences: pd.DataFrame, *, articles: pd.DataFrame | None = None, min_share: float = 0.8,
                    min_words: int = 6) -> pd.DataFrame:
    """Pairs of articles that are mostly the same text: wire copies and articles loaded twice.

    Two articles are near-duplicates when at least ``min_share`` of the sentences of
    the shorter one (sentences of ``min_words`` words or more, compared in lower case
    with punctuation and spacing ignored) also occur in the other. Of each pair, the
    copy published first (or, without dates, listed first) is the original.

    Returns ``article_id, outlet, duplicate_of, outlet_of_original, shared`` (the share
    of the copy's sentences found in the original), one row per copy.
    """
    keys = {aid: _sentence_keys(g, min_words=min_words)
            for aid, g in sentences.groupby("article_id", sort=False)["text"]}
    keys = {aid: k for aid, k in keys.items() if k}
    outlet = dict(zip(sentences["article_id"], sentences["outlet"]))
    published = {}
    if articles is not None and "published" in articles:
        published = {a: str(p) for a, p in zip(articles["article_id"], articles["published"]) if str(p) not in ("", "NaT", "nan")}
    return _duplicate_pairs(keys, outlet, published, min_share=min_share)


def _table(rows: list[dict] | list[tuple], columns: list[str], name: str) -> pd.DataFrame:
    """A table with the same column types whether it has rows or not (and as :func:`load_processed`
    reads it back): integers for counts and offsets, strings for the rest. ``rows`` are dicts, or
    tuples in the order of ``columns`` (faster to build and to send between processes)."""
    frame = pd.DataFrame(rows, columns=columns)
    ints, floats = _INT_COLUMNS[name], _FLOAT_COLUMNS.get(name, [])
    return frame.fillna({c: "" for c in columns if c not in ints + floats}).astype(
        {c: "int64" if c in ints else "float64" if c in floats else "str" for c in columns}
    )


def _read_article(job, notes: list):
    """One article's rows, as tuples in the order of the tables' columns; ``None`` if unusable.

    ``job`` is ``(fields, text, where, origin, has_bom, fixes, provided_by)``.
    """
    row, text, fname, origin, has_bom, fixes, provided_by = job
    aid = row["article_id"]
    problems = _Notes(notes)
    raw_lines = _split_lines(text)
    roles = classify_lines([t for t, _, _ in raw_lines], author=row["author"])
    overrides = _parse_line_roles(row["line_roles"]) if row["line_roles"] else {}
    for line_no, role in overrides.items():
        if not 1 <= line_no <= len(raw_lines):
            problems.error(aid, fname, f"{fname}: line_roles names line {line_no}, but the file has {len(raw_lines)} lines")
            return None
        old_role, old_reason = roles[line_no - 1]
        roles[line_no - 1] = (role, f"manifest override (rules said {old_role}: {old_reason})")

    art = {k: row[k] for k in MANIFEST_COLUMNS}
    sources = {k: provided_by if row[k] else "" for k in ("title", "author", "published", "language")}
    lines_out, sents, heads, norms = [], [], [], []
    if has_bom:
        norms.append((aid, 1, "bom", 0, 0, "\ufeff", "", "byte-order mark dropped when decoding"))
    paragraph_no = sentence_no = n_words = 0
    outlet = row["outlet"]

    def record(line_no, offset, changes):
        for c in changes:
            norms.append((aid, line_no, c["kind"], offset + c["start"], offset + c["end"], c["raw"], c["normalised"],
                          c.get("reason", "")))

    for line_no, ((line, eol, start), (role, reason)) in enumerate(zip(raw_lines, roles), start=1):
        lines_out.append((aid, line_no, line, eol, start, start + len(line), role, reason))
        if role == "title":
            a = len(line) - len(line.lstrip())
            raw = line.strip()
            n = normalise(raw, corrections=fixes)
            record(line_no, start + a, n.changes)
            heads.append((aid, outlet, 0, 0, f"{aid}-h", n.text, start + a, start + a + len(raw), raw, n.edits_str))
            found_title = " ".join(n.text.split())
            if not art["title"]:
                art["title"], sources["title"] = found_title, "title line"
            elif " ".join(normalise(art["title"]).text.split()).casefold() != found_title.casefold():
                problems.note(aid, fname, "warning",
                              f"{fname} line {line_no}: title line '{found_title}' differs from the manifest title '{art['title']}'")
        elif role == "byline":
            found = parse_byline(line) or {}
            _merge_byline(art, sources, found, problems, aid, fname, line_no)
        elif role == "boilerplate" and reason.startswith("author box: biography") and not art["author"]:
            name = re.match(r"(?:[A-Z][\w'\u2019-]+ ?){1,3}", line.strip())
            if name:
                art["author"] = " ".join(w for w in name.group().split() if w not in ("is", "was"))
                sources["author"] = "author box"
                problems.note(aid, fname, "filled", f"{fname} line {line_no}: author '{art['author']}' taken from the author box")
        elif role == "body":
            paragraph_no += 1
            for a, b in split_sentences(line):
                sentence_no += 1
                raw = line[a:b]
                n = normalise(raw, corrections=fixes)
                if n.changes:
                    record(line_no, start + a, n.changes)
                n_words += count_words(n.text)
                sents.append((aid, outlet, paragraph_no, sentence_no, f"{aid}-s{sentence_no:03d}",
                              " ".join(n.text.split()) if n.text.strip() != n.text else n.text,
                              start + a, start + b, raw, n.edits_str))
    if paragraph_no == 0:
        problems.error(aid, fname, f"{fname}: no body text (every line is a title, byline, caption, heading or boilerplate)")
        return None
    if not art["language"]:
        sample = " ".join(x[5] for x in sents[:8])
        code, confidence = detect_language(sample, max_chars=800)
        if code and confidence >= 0.9:
            art["language"], sources["language"] = code, f"detected ({confidence:.2f})"
    art["_keys"] = _sentence_keys(x[5] for x in sents)
    art.update({"title_source": sources["title"], "author_source": sources["author"],
                "published_source": sources["published"], "language_source": sources["language"],
                "n_paragraphs": paragraph_no,
                "n_sentences": sentence_no, "n_words": n_words, "text_origin": origin or "file"})
    return art, lines_out, sents, heads, norms


def _merge_byline(art, sources, found, problems, aid, fname, line_no):
    where = f"{fname} line {line_no}"
    author = found.get("author") or ""
    published = found.get("published")
    if author:
        if not art["author"]:
            art["author"], sources["author"] = author, "byline"
            problems.note(aid, fname, "filled", f"{where}: author '{author}' taken from the byline")
        elif art["author"].casefold() != author.casefold():
            problems.note(aid, fname, "warning",
                          f"{where}: byline author '{author}' conflicts with the manifest author '{art['author']}' (manifest kept)")
    if published:
        iso = published.isoformat()
        if not art["published"]:
            art["published"], sources["published"] = iso, "byline"
            problems.note(aid, fname, "filled", f"{where}: published {iso} taken from the byline")
        elif art["published"] != iso:
            problems.note(aid, fname, "warning",
                          f"{where}: byline date {iso} conflicts with the manifest date {art['published']} (manifest kept)")
