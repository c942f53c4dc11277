"""Writing and reading the project's CSV tables, safe to open in a spreadsheet.

A text cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return before other text) is a formula to Excel, LibreOffice and Google Sheets:
an outlet called ``=HYPERLINK(...)`` would run when a user opens the table. As
OWASP advises, :func:`write_csv` writes such a cell with a single quote in front,
which spreadsheets show as text. :func:`read_csv` takes that quote off again, so
a table round-trips exactly: a value that itself begins with quotes before a
formula character gains one more quote on writing and loses one on reading.

Only text cells change; numbers are written as numbers.

Examples
--------
>>> neutralise("=1+1"), neutralise("-5 points"), neutralise("plain"), neutralise("'=x")
("'=1+1", "'-5 points", 'plain', "''=x")
>>> restore(neutralise("'=x")) == "'=x"
True
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

__all__ = ["neutralise", "restore", "write_csv", "read_csv"]

# A cell a spreadsheet would evaluate, after any quotes already in front of it.
_FORMULA = r"(?:[=+\-@]|[\t\r]\s*\S)"
_NEEDS_QUOTE = re.compile(rf"'*{_FORMULA}", re.DOTALL)
_QUOTED = re.compile(rf"'+{_FORMULA}", re.DOTALL)


def neutralise(value):
    """``value`` with a single quote in front if a spreadsheet would read it as a formula."""
    if isinstance(value, str) and _NEEDS_QUOTE.match(value):
        return "'" + value
    return value


def restore(value):
    """The inverse of :func:`neutralise`: the value as it was before writing."""
    if isinstance(value, str) and _QUOTED.match(value):
        return value[1:]
    return value


def _text_columns(table: pd.DataFrame) -> list:
    return [c for c in table.columns if table[c].dtype == object or pd.api.types.is_string_dtype(table[c])]


def write_csv(table: pd.DataFrame, path: Path | str, *, quoting: int = csv.QUOTE_MINIMAL) -> Path:
    """Write ``table`` to ``path`` as UTF-8 CSV with ``\\n`` line ends, formula cells neutralised.

    A carriage return inside a text cell would be left unquoted by the writer and split
    the row on reading, so a table holding one is written with every text cell quoted.
    The table itself is not changed. Returns the path.
    """
    path = Path(path)
    columns = _text_columns(table)
    if columns:
        table = table.copy()
        for c in columns:
            table[c] = table[c].map(neutralise)
            if quoting == csv.QUOTE_MINIMAL and table[c].map(lambda v: isinstance(v, str) and "\r" in v).any():
                quoting = csv.QUOTE_NONNUMERIC
    table.to_csv(path, index=False, lineterminator="\n", quoting=quoting)
    return path


def read_csv(path: Path | str) -> pd.DataFrame:
    """Read a table :func:`write_csv` wrote: every column as text, empty cells as ``""``, quotes restored."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    for c in table.columns:
        table[c] = table[c].map(restore)
    return table
