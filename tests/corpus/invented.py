"""Invented articles and manifests written into ``tmp_path`` for the corpus tests, and the ids of
the two real articles in ``data/raw/``."""

from __future__ import annotations

import csv
from pathlib import Path

from hypothesis import strategies as st

from analysis import Corpus, load_corpus
from analysis.corpus import MANIFEST_COLUMNS


COLORLINES = "colorlines-2020-06-09"


VPN = "vpnoverview-undated"


ARTICLE = """A Headline About Facial Recognition

By Jane Doe Jun 09, 2020

Photo of a camera on a pole

The first paragraph says something about the police. It has a second sentence.

A Subheading Here

The second paragraph says more about the same story, and then it ends.

Click here to read the letter.
"""


OTHER = """Another Headline Entirely

The only paragraph of this article is long enough to count as body text. It has two sentences.
"""


def write_corpus(folder: Path, files: dict[str, str | bytes], rows: list[dict] | None = None,
                 *, columns: list[str] | None = None, corrections: list[dict] | None = None) -> Path:
    """Write article files and a manifest (and optionally a corrections file) into ``folder``.

    ``rows`` defaults to one row per file: ``article_id`` = the file's stem, outlet ``Outlet``.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    if rows is None:
        rows = [{"article_id": Path(n).stem, "outlet": "Outlet", "file": n} for n in files]
    if columns is None:
        columns = list(MANIFEST_COLUMNS) + (["line_roles"] if any("line_roles" in r for r in rows) else [])
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    if corrections is not None:
        with (folder / "corrections.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=["article_id", "find", "replace", "reason"])
            writer.writeheader()
            writer.writerows(corrections)
    return folder


def load(folder: Path, **kw) -> Corpus:
    """Load an invented corpus, with no corrections unless the folder has a corrections file."""
    corrections = folder / "corrections.csv"
    kw.setdefault("corrections", corrections if corrections.exists() else None)
    return load_corpus(folder, **kw)


LATIN1 = "Headline\n\nThe caf\u00e9 paragraph reports the news at length.\n".encode("latin-1")


def _bad_corpus(folder: Path, files, rows) -> Path:
    good_row = {"article_id": "good", "outlet": "Outlet", "file": "good.txt"}
    default = [{"article_id": Path(n).stem, "outlet": "Outlet", "file": n} for n in files]
    return write_corpus(folder, {"good.txt": OTHER, **files}, [good_row] + (default if rows is None else rows))


_LINE_CHARS = st.sampled_from(list("abcXYZ 0.,:;?!'\"-()\t") + ["\u00a0", "\u201c", "\u201d", "\u2019", "\u2014", "By", "Click here"])


LINES = st.lists(
    st.one_of(st.just(""), st.just("   "), st.lists(_LINE_CHARS, min_size=1, max_size=30).map("".join)),
    min_size=1, max_size=15,
)
