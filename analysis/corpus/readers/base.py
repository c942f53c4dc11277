"""What every reader gives and is: the :class:`Record` of one article as read, the
:class:`Reader` entry of the registry, and :class:`SourceError` for input that cannot be read."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

__all__ = ["Record", "Reader", "SourceError", "TEXT_SUFFIXES", "iso_date"]

TEXT_SUFFIXES = (".txt", ".md")  # article files read as the text they are


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


@dataclass(frozen=True)
class Reader:
    """One kind of input in the registry (:mod:`analysis.corpus.readers.registry`).

    ``read(path, *, problems, columns)`` returns the :class:`Record` of each article:
    a reader of many files reports a bad file to ``problems`` (an
    :class:`analysis.corpus.problems.Problems`) and goes on; a reader of one file raises
    :class:`SourceError`. A one-file input is recognised by its ``suffixes``, a folder by
    ``detect(folder)``. ``kind`` is what :func:`input_kind` reports; ``provided_by`` is
    where the metadata came from, for the ``*_source`` columns of ``articles``.
    """

    name: str
    kind: str
    provided_by: str
    read: Callable[..., list[Record]]
    suffixes: tuple[str, ...] = ()
    detect: Callable[[Path], bool] | None = None


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(value) -> str:
    """A date or timestamp as ``YYYY-MM-DD``; ``""`` if it is empty or not a date.

    >>> iso_date("2020-06-09 14:05:00"), iso_date("June 9, 2020"), iso_date("soon")
    ('2020-06-09', '2020-06-09', '')
    """
    if not value:
        return ""
    if _ISO.fullmatch(str(value)):
        return str(value)
    ts = pd.to_datetime(str(value), errors="coerce", utc=True)
    return "" if pd.isna(ts) else ts.strftime("%Y-%m-%d")
