"""The bundled layout: a folder of ``.txt``/``.md`` files (UTF-8) or saved ``.html`` pages with a
``manifest.csv`` that lists each file with its outlet and what is known of it."""

from __future__ import annotations

from pathlib import Path

from analysis.corpus.manifest import read_manifest
from analysis.corpus.problems import CorpusError, Problems
from analysis.corpus.readers.base import TEXT_SUFFIXES, Reader, Record, SourceError
from analysis.corpus.readers.html import HTML_SUFFIXES, extract_html

__all__ = ["FOLDER", "read_folder", "read_text", "decode_text"]


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
    return decode_text(data, path)


def decode_text(data: bytes, path: Path) -> str:
    """The bytes of the file ``path`` as UTF-8 text, as :func:`read_text` checks them."""
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


def read_folder(path: Path, *, problems: Problems, columns=None) -> list[Record]:
    """Records for a folder with a manifest: text files read as they are, web pages extracted."""
    manifest_path = path / "manifest.csv"
    manifest = read_manifest(manifest_path)
    listed = set(manifest["file"])
    for p in sorted(path.iterdir()):
        if (p.is_file() and p.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES and not p.name.startswith(".")
                and p.name.lower() != "readme.md" and p.name not in listed):
            problems.error("", p.name, f"{p}: file has no row in {manifest_path}")
    records = []
    for line_no, row in enumerate(manifest.to_dict("records"), start=2):
        aid, fname = row["article_id"], row["file"]
        fpath = path / fname
        if not fpath.is_file():
            problems.error(aid, fname, f"{manifest_path} line {line_no}: file '{fname}' not found in {path}")
            continue
        if fpath.suffix.lower() not in TEXT_SUFFIXES + HTML_SUFFIXES:
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
                text, origin = decode_text(data, fpath), ""
        except OSError as exc:
            problems.error(aid, fname, f"{fpath}: cannot be read ({exc.strerror or exc})")
            continue
        except (CorpusError, SourceError) as exc:
            problems.error(aid, fname, str(exc))
            continue
        records.append(Record(fields=row, text=text, data=data, where=str(fpath), origin=origin,
                              listed_at=f"{manifest_path} line {line_no}"))
    return records


def _has_manifest(path: Path) -> bool:
    return (path / "manifest.csv").exists()


FOLDER = Reader(name="folder", kind="folder", provided_by="manifest", read=read_folder, detect=_has_manifest)
