"""A JSON-lines table: one JSON object with the article's fields per line."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from analysis.corpus.readers.base import Reader, Record, SourceError
from analysis.corpus.readers.table import table_records

__all__ = ["JSONL", "read_jsonl_table"]


def _frame(path: Path) -> pd.DataFrame:
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
    return pd.DataFrame(rows).fillna("").astype(str)


def read_jsonl_table(path: Path | str, *, columns: dict[str, str] | None = None, problems=None) -> list[Record]:
    """The articles of a ``.jsonl``/``.ndjson`` table, one per line (see
    :func:`~analysis.corpus.readers.table.table_records`)."""
    return table_records(Path(path), _frame, columns=columns, row_word="record")


JSONL = Reader(name="jsonl", kind="table", provided_by="table", read=read_jsonl_table, suffixes=(".jsonl", ".ndjson"))
