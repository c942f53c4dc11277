"""Turn the inputs a researcher has into article records for :func:`analysis.load_corpus`.

Three kinds of input are read:

* a folder of ``.txt`` / ``.md`` files with a ``manifest.csv`` (the bundled layout);
* saved web pages (``.html``/``.htm``), whose main text and metadata (title,
  author, date, site name) are extracted with trafilatura -- in a folder with a
  manifest, or on their own (the outlet is then the page's site name);
* a table with one article per row: ``.csv``, or ``.jsonl`` / ``.ndjson`` (one JSON
  object per line), with ``text`` and ``outlet`` columns (names configurable).

Every reader returns :class:`Record` objects; the corpus loader treats them all
alike, so the same line roles, normalisation and checks apply to each.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

__all__ = ["Record", "SourceError", "TABLE_SUFFIXES", "HTML_SUFFIXES", "extract_html", "read_table", "input_kind"]

TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm")
TEXT_SUFFIXES = (".txt", ".md")
TABLE_FIELDS = ("article_id", "outlet", "outlet_type", "title", "author", "published", "url", "language", "text")


class SourceError(ValueError):
    """An input that cannot be read as articles; the message names the file and row."""


@dataclass
class Record:
    """One article as read from its source, before the corpus is built.

    ``fields`` holds manifest-style values (strings, ``""`` when unknown); ``text`` is
    the text the corpus tables are built from; ``data`` the bytes that ``sha256`` is
    computed on; ``where`` names the source in messages; ``origin`` says how the text
    was obtained when it is not a file read as it is; ``listed_at`` names the manifest
    line that lists the file.
    """

    fields: dict
    text: str
    data: bytes
    where: str
    origin: str = ""
    listed_at: str = ""  # the manifest line that lists it, if any


def input_kind(path: Path | str) -> str:
    """``"folder"``, ``"html-folder"`` or ``"table"``; :class:`SourceError` for anything else."""
    path = Path(path)
    if path.is_file():
        if path.suffix.lower() in TABLE_SUFFIXES:
            return "table"
        raise SourceError(
            f"{path}: unknown input type '{path.suffix or '(none)'}'; give a folder of articles, "
            f"or a table ({', '.join(TABLE_SUFFIXES)})"
        )
    if path.is_dir():
        if (path / "manifest.csv").exists():
            return "folder"
        if any(p.suffix.lower() in HTML_SUFFIXES for p in path.iterdir()):
            return "html-folder"
        if any(p.suffix.lower() in TEXT_SUFFIXES for p in path.iterdir()):
            raise SourceError(
                f"{path / 'manifest.csv'}: manifest not found; text files need one, with at least the columns file and outlet"
            )
        raise SourceError(f"{path}: no articles found (.txt/.md with manifest.csv, .html, or a table)")
    raise SourceError(f"{path}: not found")


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value) -> str:
    if not value:
        return ""
    if _ISO.fullmatch(str(value)):
        return str(value)
    ts = pd.to_datetime(str(value), errors="coerce", utc=True)
    return "" if pd.isna(ts) else ts.strftime("%Y-%m-%d")


def extract_html(data: bytes, where: str) -> tuple[dict, str, str]:
    """Main text and metadata of a saved web page, extracted with trafilatura.

    Returns ``(fields, text, origin)``: ``fields`` has ``title, author, published,
    url, outlet`` (the site name) as found; ``text`` is the title line followed by
    the paragraphs, one per line, separated by blank lines.
    """
    import trafilatura  # imported here: only HTML input needs it

    try:
        doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, include_tables=False)
    except Exception as exc:  # trafilatura raises several kinds on broken markup
        raise SourceError(f"{where}: the page could not be parsed as HTML ({exc})") from exc
    if doc is None or not (doc.text or "").strip():
        raise SourceError(f"{where}: no main text found in the page")
    meta = {
        "title": (doc.title or "").strip(),
        "author": (doc.author or "").strip(),
        "published": _iso_date(doc.date),
        "url": (doc.url or "").strip(),
        "outlet": (doc.sitename or doc.hostname or "").strip(),
    }
    paragraphs = [p.strip() for p in doc.text.split("\n") if p.strip()]
    if meta["title"] and paragraphs and paragraphs[0] == meta["title"]:
        paragraphs = paragraphs[1:]
    head = [meta["title"]] if meta["title"] else []
    text = "\n\n".join(head + paragraphs) + "\n"
    return meta, text, f"main text extracted from HTML with trafilatura {trafilatura.__version__}"


def read_table(path: Path | str, *, columns: dict[str, str] | None = None) -> list[Record]:
    """Read a CSV or JSON-lines table with one article per row.

    ``columns`` maps this package's names to the table's (``{"text": "body",
    "outlet": "media_name"}``); ``text`` and ``outlet`` are required, ``article_id,
    title, author, published, url, language, outlet_type`` are used when present.
    A row's title, if any, becomes the first line of its text, so the headline is
    found like any other.
    """
    path = Path(path)
    names = {f: f for f in TABLE_FIELDS}
    names.update(columns or {})
    try:
        if path.suffix.lower() == ".csv":
            table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        else:
            rows = []
            with path.open(encoding="utf-8-sig") as fh:
                for i, line in enumerate(fh, start=1):
                    if not line.strip():
                        continue
                    try:
                        row = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise SourceError(f"{path} line {i}: not a JSON object ({exc.msg})") from exc
                    if not isinstance(row, dict):
                        raise SourceError(f"{path} line {i}: not a JSON object (a {type(row).__name__}); "
                                          "one object with the article's fields per line")
                    rows.append(row)
            table = pd.DataFrame(rows).fillna("").astype(str)
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: not UTF-8 text (byte 0x{exc.object[exc.start]:02X} at offset {exc.start})") from exc
    except pd.errors.ParserError as exc:
        raise SourceError(f"{path}: not a readable CSV table ({exc})") from exc
    except pd.errors.EmptyDataError as exc:
        raise SourceError(f"{path}: empty table") from exc
    except OSError as exc:  # a permission error, an I/O error, a folder where a file should be
        raise SourceError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    for required in ("text", "outlet"):
        if names[required] not in table.columns:
            raise SourceError(
                f"{path}: missing required column '{names[required]}' (for {required}); "
                f"found {', '.join(map(str, table.columns)) or 'no columns'}"
            )
    records = []
    row_word = "row" if path.suffix.lower() == ".csv" else "record"
    for n, row in enumerate(table.to_dict("records"), start=1):
        where = f"{path} {row_word} {n}"
        fields = {f: str(row.get(names[f], "") or "").strip() for f in TABLE_FIELDS if f != "text"}
        body = str(row.get(names["text"], "") or "")
        if not fields["article_id"]:
            fields["article_id"] = f"{path.stem}-{n:05d}"
        if fields["published"]:
            iso = _iso_date(fields["published"])
            fields["published"] = iso or fields["published"]  # an unparseable date is reported by the loader
        text = body
        origin = f"row {n} of {path.name}"
        if fields["title"] and body.strip() and not body.lstrip().startswith(fields["title"]):
            text = f"{fields['title']}\n\n{body}"
            origin += " (title column placed as the first line)"
        fields["file"] = f"{path.name}#{n}"
        records.append(Record(fields=fields, text=text, data=body.encode("utf-8"), where=where, origin=origin))
    if not records:
        raise SourceError(f"{path}: no rows")
    return records
