"""Turn the inputs a researcher has into article records for :func:`analysis.load_corpus`.

Four kinds of input are read, each by one reader in the registry (:mod:`.registry`):

* a folder of ``.txt`` / ``.md`` files with a ``manifest.csv`` (the bundled layout; :mod:`.folder`);
* saved web pages (``.html``/``.htm``), whose main text and metadata (title, author, date,
  site name) are extracted with trafilatura -- in a folder with a manifest, or on their own
  (the outlet is then the page's site name; :mod:`.html`);
* a table with one article per row, with ``text`` and ``outlet`` columns (names
  configurable): ``.csv`` (:mod:`.csv_table`), or ``.jsonl`` / ``.ndjson``, one JSON object
  per line (:mod:`.jsonl_table`).

Every reader returns :class:`Record` objects; the corpus loader treats them all
alike, so the same line roles, normalisation and checks apply to each.
"""

from analysis.corpus.readers.base import Reader, Record, SourceError
from analysis.corpus.readers.html import HTML_SUFFIXES, extract_html
from analysis.corpus.readers.registry import READERS, TABLE_SUFFIXES, input_kind, read_table, reader_for

__all__ = ["Reader", "Record", "SourceError", "HTML_SUFFIXES", "TABLE_SUFFIXES", "READERS", "extract_html",
           "input_kind", "read_table", "reader_for"]
