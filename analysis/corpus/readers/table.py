"""What the table readers share: one article per row, the columns named by this package or
mapped from the table's own names, each row turned into a :class:`Record`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from analysis.corpus.readers.base import Record, SourceError, iso_date

__all__ = ["TABLE_FIELDS", "table_records"]

TABLE_FIELDS = ("article_id", "outlet", "outlet_type", "title", "author", "published", "url", "language", "text")


def table_records(path: Path, read_frame: Callable[[Path], pd.DataFrame], *, columns: dict[str, str] | None,
                  row_word: str) -> list[Record]:
    """The records of the table at ``path``, read by ``read_frame`` (every value a string).

    ``columns`` maps this package's names to the table's (``{"text": "body",
    "outlet": "media_name"}``); ``text`` and ``outlet`` are required, ``article_id,
    title, author, published, url, language, outlet_type`` are used when present.
    A row's title, if any, becomes the first line of its text, so the headline is
    found like any other. ``row_word`` names a row in messages (``"row"``, ``"record"``).
    """
    names = {f: f for f in TABLE_FIELDS}
    names.update(columns or {})
    try:
        table = read_frame(path)
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: not UTF-8 text (byte 0x{exc.object[exc.start]:02X} at offset {exc.start})") from exc
    except pd.errors.ParserError as exc:
        raise SourceError(f"{path}: not a readable CSV table ({exc})") from exc
    except pd.errors.EmptyDataError as exc:
        raise SourceError(f"{path}: empty table") from exc
    except OSError as exc:  # a permission error, an I/O error, a folder where a file should be
        raise SourceError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    for required in ("text", "outlet"):
        if names[required] not in table.columns:
            raise SourceError(
                f"{path}: missing required column '{names[required]}' (for {required}); "
                f"found {', '.join(map(str, table.columns)) or 'no columns'}"
            )
    records = []
    for n, row in enumerate(table.to_dict("records"), start=1):
        where = f"{path} {row_word} {n}"
        fields = {f: str(row.get(names[f], "") or "").strip() for f in TABLE_FIELDS if f != "text"}
        body = str(row.get(names["text"], "") or "")
        if not fields["article_id"]:
            fields["article_id"] = f"{path.stem}-{n:05d}"
        if fields["published"]:
            iso = iso_date(fields["published"])
            fields["published"] = iso or fields["published"]  # an unparseable date is reported by the loader
        text = body
        origin = f"row {n} of {path.name}"
        if fields["title"] and body.strip() and not body.lstrip().startswith(fields["title"]):
            text = f"{fields['title']}\n\n{body}"
            origin += " (title column placed as the first line)"
        fields["file"] = f"{path.name}#{n}"
        records.append(Record(fields=fields, text=text, data=body.encode("utf-8"), where=where, origin=origin))
    if not records:
        raise SourceError(f"{path}: no rows")
    return records
