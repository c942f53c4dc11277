"""A CSV table with one article per row (a Media Cloud export, a spreadsheet)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.corpus.readers.base import Reader, Record
from analysis.corpus.readers.table import table_records

__all__ = ["CSV", "read_csv_table"]


def _frame(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def read_csv_table(path: Path | str, *, columns: dict[str, str] | None = None, problems=None) -> list[Record]:
    """The articles of a ``.csv`` table, one per row (see :func:`~analysis.corpus.readers.table.table_records`)."""
    return table_records(Path(path), _frame, columns=columns, row_word="row")


CSV = Reader(name="csv", kind="table", provided_by="table", read=read_csv_table, suffixes=(".csv",))
