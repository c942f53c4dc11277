"""The manifest (one row per article: where its file is, its outlet and what is known of it),
the ``line_roles`` overrides it may hold, and the corrections file."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pandas as pd

from analysis.corpus.lines import ROLES
from analysis.corpus.problems import CorpusError
from analysis.paths import CORRECTIONS

__all__ = ["MANIFEST_COLUMNS", "OPTIONAL_COLUMNS", "read_manifest", "read_corrections", "parse_line_roles",
           "parse_iso_date"]

MANIFEST_COLUMNS = [
    "article_id",
    "outlet",
    "outlet_type",
    "title",
    "author",
    "published",
    "url",
    "language",
    "file",
    "sha256",
    "notes",
]
REQUIRED_COLUMNS = ("file", "outlet")
OPTIONAL_COLUMNS = ("line_roles",)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_iso_date(value: str) -> date | None:
    if not _ISO_DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def read_manifest(path: Path | str) -> pd.DataFrame:
    """Read and check ``manifest.csv``; every value is a string, missing ones are ``""``.

    Raises :class:`CorpusError` naming the line for a missing required column, an
    empty ``file`` or ``outlet``, a duplicate ``article_id`` or ``file``, or a
    ``published`` value that is not a date (YYYY-MM-DD). ``article_id`` defaults to
    the file name without its extension.
    """
    path = Path(path)
    if not path.exists():
        raise CorpusError(f"{path}: manifest not found (one row per article: {', '.join(MANIFEST_COLUMNS)})")
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
            header = list(rows[0].keys()) if rows else next(csv.reader(path.open(encoding="utf-8-sig")), [])
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise CorpusError(f"{path}: missing required column(s) {', '.join(missing)}; found {', '.join(header)}")
    unknown = [c for c in header if c not in MANIFEST_COLUMNS and c not in OPTIONAL_COLUMNS]
    if unknown:
        raise CorpusError(
            f"{path}: unknown column(s) {', '.join(unknown)}; allowed: {', '.join(MANIFEST_COLUMNS + list(OPTIONAL_COLUMNS))}"
        )
    errors = []
    seen_ids: dict[str, int] = {}
    seen_files: dict[str, int] = {}
    for i, row in enumerate(rows, start=2):  # line 1 is the header
        if None in row:
            errors.append(f"{path} line {i}: more values than columns")
            row.pop(None)
        for col in MANIFEST_COLUMNS + list(OPTIONAL_COLUMNS):
            row[col] = (row.get(col) or "").strip()
        for col in REQUIRED_COLUMNS:
            if not row[col]:
                errors.append(f"{path} line {i}: empty '{col}'")
        if not row["article_id"]:
            row["article_id"] = Path(row["file"]).stem
        if row["article_id"] in seen_ids:
            errors.append(
                f"{path} line {i}: duplicate article_id '{row['article_id']}' (first on line {seen_ids[row['article_id']]})"
            )
        seen_ids.setdefault(row["article_id"], i)
        if row["file"] and row["file"] in seen_files:
            errors.append(f"{path} line {i}: file '{row['file']}' is listed twice (first on line {seen_files[row['file']]})")
        seen_files.setdefault(row["file"], i)
        if row["published"] and parse_iso_date(row["published"]) is None:
            errors.append(f"{path} line {i}: published '{row['published']}' is not a date (YYYY-MM-DD)")
        if row["line_roles"]:
            try:
                parse_line_roles(row["line_roles"])
            except ValueError as exc:
                errors.append(f"{path} line {i}: line_roles {exc}")
    if errors:
        raise CorpusError("\n".join(errors))
    frame = pd.DataFrame(rows, columns=MANIFEST_COLUMNS + list(OPTIONAL_COLUMNS))
    return frame.astype(str)


def parse_line_roles(value: str) -> dict[int, str]:
    """``"3=caption; 40=boilerplate"`` -> ``{3: "caption", 40: "boilerplate"}``."""
    out = {}
    for part in filter(None, (p.strip() for p in value.split(";"))):
        m = re.fullmatch(r"(\d+)\s*=\s*(\w+)", part)
        if not m:
            raise ValueError(f"'{part}' is not LINE=ROLE")
        if m.group(2) not in ROLES:
            raise ValueError(f"'{part}': unknown role '{m.group(2)}' (one of {', '.join(ROLES)})")
        out[int(m.group(1))] = m.group(2)
    return out


def read_corrections(path: Path | str | None = CORRECTIONS) -> pd.DataFrame:
    """Read the corrections file: ``article_id, find, replace, reason`` (``*`` = every article)."""
    columns = ["article_id", "find", "replace", "reason"]
    if path is None or not Path(path).exists():
        return pd.DataFrame(columns=columns, dtype=str)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise CorpusError(f"{path}: missing column(s) {', '.join(missing)}")
    for i, row in enumerate(frame.itertuples(index=False), start=2):
        if not row.find or not row.article_id:
            raise CorpusError(f"{path} line {i}: 'article_id' and 'find' must not be empty")
        if not row.reason:
            raise CorpusError(f"{path} line {i}: say why '{row.find}' is corrected (column 'reason')")
    return frame[columns]
