"""What the tone functions check and convert in the sentence tables they take: columns, rows, raw-file offsets."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.corpus.text import to_raw_span


def _check_columns(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{what}: missing column(s) {', '.join(missing)}; has {', '.join(map(str, table.columns))}")


def _to_file_offsets(row, a: int, b: int) -> tuple[int, int]:
    """Offsets of ``text[a:b]`` in the raw file when the row has ``start``/``edits``, else in ``text``."""
    if "start" not in row or pd.isna(row["start"]):
        return a, b
    edits = row["edits"] if "edits" in row else ""
    ra, rb = to_raw_span(edits if isinstance(edits, str) else "", a, b)
    return int(row["start"]) + ra, int(row["start"]) + rb


def _records(table: pd.DataFrame) -> list[dict]:
    """The rows as plain dicts (a fraction of the cost of ``iterrows``), missing values as ``None``/NaN."""
    return table.to_dict("records")
