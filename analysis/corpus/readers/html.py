"""Saved web pages: their main text and metadata extracted with trafilatura, and the reader of
a folder of pages without a manifest (each page's site name is its outlet)."""

from __future__ import annotations

from pathlib import Path

from analysis.corpus.manifest import MANIFEST_COLUMNS, OPTIONAL_COLUMNS
from analysis.corpus.problems import Problems
from analysis.corpus.readers.base import TEXT_SUFFIXES, Reader, Record, SourceError, iso_date

__all__ = ["HTML_SUFFIXES", "HTML_FOLDER", "extract_html", "read_html_folder"]

HTML_SUFFIXES = (".html", ".htm")


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
        "published": iso_date(doc.date),
        "url": (doc.url or "").strip(),
        "outlet": (doc.sitename or doc.hostname or "").strip(),
    }
    paragraphs = [p.strip() for p in doc.text.split("\n") if p.strip()]
    if meta["title"] and paragraphs and paragraphs[0] == meta["title"]:
        paragraphs = paragraphs[1:]
    head = [meta["title"]] if meta["title"] else []
    text = "\n\n".join(head + paragraphs) + "\n"
    return meta, text, f"main text extracted from HTML with trafilatura {trafilatura.__version__}"


def read_html_folder(path: Path, *, problems: Problems, columns=None) -> list[Record]:
    """Records for a folder of saved web pages without a manifest."""
    records = []
    for p in sorted(path.iterdir()):
        if not p.is_file() or p.name.startswith("."):
            continue
        if p.suffix.lower() not in HTML_SUFFIXES:
            if p.suffix.lower() in TEXT_SUFFIXES:
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


def _has_pages(path: Path) -> bool:
    return any(p.suffix.lower() in HTML_SUFFIXES for p in path.iterdir())


HTML_FOLDER = Reader(name="html-folder", kind="html-folder", provided_by="page metadata", read=read_html_folder,
                     detect=_has_pages)
