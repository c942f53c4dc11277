"""The registry of input kinds: which reader reads a given path.

A new input format is one reader module (a :class:`~analysis.corpus.readers.base.Reader`)
and one entry in :data:`READERS`. Folders are tried in the order listed, so a folder with a
manifest is read as one even when it holds web pages.
"""

from __future__ import annotations

from pathlib import Path

from analysis.corpus.readers.base import TEXT_SUFFIXES, Reader, Record, SourceError
from analysis.corpus.readers.csv_table import CSV
from analysis.corpus.readers.folder import FOLDER
from analysis.corpus.readers.html import HTML_FOLDER
from analysis.corpus.readers.jsonl_table import JSONL

__all__ = ["READERS", "TABLE_SUFFIXES", "reader_for", "input_kind", "read_table"]

READERS: tuple[Reader, ...] = (FOLDER, HTML_FOLDER, CSV, JSONL)

TABLE_SUFFIXES = tuple(s for r in READERS for s in r.suffixes)


def reader_for(path: Path | str) -> Reader:
    """The reader of ``path``; :class:`SourceError` naming the path if none reads it."""
    path = Path(path)
    if path.is_file():
        for reader in READERS:
            if path.suffix.lower() in reader.suffixes:
                return reader
        raise SourceError(
            f"{path}: unknown input type '{path.suffix or '(none)'}'; give a folder of articles, "
            f"or a table ({', '.join(TABLE_SUFFIXES)})"
        )
    if path.is_dir():
        for reader in READERS:
            if reader.detect is not None and reader.detect(path):
                return reader
        if any(p.suffix.lower() in TEXT_SUFFIXES for p in path.iterdir()):
            raise SourceError(
                f"{path / 'manifest.csv'}: manifest not found; text files need one, with at least the columns file and outlet"
            )
        raise SourceError(f"{path}: no articles found (.txt/.md with manifest.csv, .html, or a table)")
    raise SourceError(f"{path}: not found")


def input_kind(path: Path | str) -> str:
    """``"folder"``, ``"html-folder"`` or ``"table"``; :class:`SourceError` for anything else."""
    return reader_for(path).kind


def read_table(path: Path | str, *, columns: dict[str, str] | None = None) -> list[Record]:
    """Read a CSV or JSON-lines table with one article per row, by the reader its suffix names.

    ``columns`` maps this package's names to the table's (``{"text": "body",
    "outlet": "media_name"}``); see :func:`~analysis.corpus.readers.table.table_records`.
    """
    path = Path(path)
    for reader in READERS:
        if reader.kind == "table" and path.suffix.lower() in reader.suffixes:
            return reader.read(path, columns=columns, problems=None)
    raise SourceError(f"{path}: unknown table type '{path.suffix or '(none)'}' (one of {', '.join(TABLE_SUFFIXES)})")
