"""The tidy tables of a corpus: their columns and types, the :class:`Corpus` that holds them,
and reading back what :meth:`Corpus.save` wrote.

The tables are described in ``data/README.md``:

* ``articles`` -- one row per article: the manifest, facts found in the text, counts;
* ``lines`` -- every line of every file, in order, with its role and the reason;
* ``sentences`` -- one row per body sentence, located in the raw file;
* ``headlines`` -- the title line of each article, in the same shape as ``sentences``;
* ``normalisations`` -- every normalisation and correction applied to a matching form;
* ``problems`` -- what was filled in, set aside, or found in conflict, and why;
* ``duplicates`` -- pairs of near-duplicate articles.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.corpus.problems import CorpusError

__all__ = ["Corpus", "load_processed", "build_table"]

SENTENCE_COLUMNS = [
    "article_id",
    "outlet",
    "paragraph_no",
    "sentence_no",
    "sentence_id",
    "text",
    "start",
    "end",
    "raw",
    "edits",
]
LINE_COLUMNS = ["article_id", "line_no", "text", "eol", "start", "end", "role", "reason"]
NORMALISATION_COLUMNS = ["article_id", "line_no", "kind", "start", "end", "raw", "normalised", "reason"]
PROBLEM_COLUMNS = ["article_id", "file", "level", "problem"]
COUNT_COLUMNS = ["n_paragraphs", "n_sentences", "n_words"]
SOURCE_COLUMNS = ["title_source", "author_source", "published_source", "language_source"]
DUPLICATE_COLUMNS = ["article_id", "outlet", "duplicate_of", "outlet_of_original", "shared"]

_INT_COLUMNS = {
    "articles": COUNT_COLUMNS,
    "lines": ["line_no", "start", "end"],
    "sentences": ["paragraph_no", "sentence_no", "start", "end"],
    "headlines": ["paragraph_no", "sentence_no", "start", "end"],
    "normalisations": ["line_no", "start", "end"],
    "problems": [],
    "duplicates": [],
}
_FLOAT_COLUMNS = {"duplicates": ["shared"]}


def build_table(rows: list[dict] | list[tuple], columns: list[str], name: str) -> pd.DataFrame:
    """A table with the same column types whether it has rows or not (and as :func:`load_processed`
    reads it back): integers for counts and offsets, strings for the rest. ``rows`` are dicts, or
    tuples in the order of ``columns`` (faster to build and to send between processes)."""
    frame = pd.DataFrame(rows, columns=columns)
    ints, floats = _INT_COLUMNS[name], _FLOAT_COLUMNS.get(name, [])
    return frame.fillna({c: "" for c in columns if c not in ints + floats}).astype(
        {c: "int64" if c in ints else "float64" if c in floats else "str" for c in columns}
    )


@dataclass
class Corpus:
    """The tidy tables of a corpus; see the module docstring and ``data/README.md``."""

    articles: pd.DataFrame
    lines: pd.DataFrame
    sentences: pd.DataFrame
    headlines: pd.DataFrame
    normalisations: pd.DataFrame
    problems: pd.DataFrame
    duplicates: pd.DataFrame = field(default_factory=lambda: build_table([], DUPLICATE_COLUMNS, "duplicates"))
    texts: dict[str, str] = field(default_factory=dict)

    TABLES = ("articles", "lines", "sentences", "headlines", "normalisations", "problems", "duplicates")

    @property
    def outlets(self) -> list[str]:
        """The outlets, sorted."""
        return sorted(self.articles["outlet"].unique())

    def subset(self, article_ids) -> Corpus:
        """The same tables restricted to ``article_ids`` (any iterable of ids)."""
        keep = set(article_ids)
        tables = {name: getattr(self, name) for name in self.TABLES}
        picked = {name: t[t["article_id"].isin(keep)].reset_index(drop=True) for name, t in tables.items()}
        return Corpus(**picked, texts={a: t for a, t in self.texts.items() if a in keep})

    def row_groups(self, groups: list) -> dict[str, list[np.ndarray]]:
        """For disjoint groups of article ids, the row positions of each group in each table,
        found in one pass over each table (``subset`` once per group would scan every table
        once per group). ``part(group, positions)`` builds the sub-corpus from them."""
        group_of = {a: k for k, ids in enumerate(groups) for a in ids}
        out = {}
        for name in self.TABLES:
            ids = getattr(self, name)["article_id"].tolist()
            codes = np.fromiter((group_of.get(a, -1) for a in ids), dtype=np.int64, count=len(ids))
            order = np.argsort(codes, kind="stable")  # rows of each group together, in table order
            bounds = np.searchsorted(codes[order], np.arange(len(groups) + 1))
            out[name] = [order[bounds[k]:bounds[k + 1]] for k in range(len(groups))]
        return out

    def part(self, article_ids, positions: dict[str, np.ndarray]) -> Corpus:
        """The sub-corpus of ``article_ids`` from its row positions (see :meth:`row_groups`);
        equal to ``subset(article_ids)``."""
        keep = set(article_ids)
        picked = {name: getattr(self, name).take(positions[name]).reset_index(drop=True) for name in self.TABLES}
        return Corpus(**picked, texts={a: t for a, t in self.texts.items() if a in keep})

    def save(self, directory: Path | str) -> list[Path]:
        """Write every table to ``<directory>/<table>.csv``; return the paths."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        paths = []
        for name in self.TABLES:
            table = getattr(self, name).copy()
            if name == "articles":
                table["published"] = table["published"].dt.strftime("%Y-%m-%d").fillna("")
            p = directory / f"{name}.csv"
            # ``eol`` may be a lone "\r" (old Mac line endings), which the csv writer leaves
            # unquoted when rows end in "\n"; quoting the text columns keeps it in its field.
            quoting = csv.QUOTE_NONNUMERIC if name == "lines" else csv.QUOTE_MINIMAL
            table.to_csv(p, index=False, lineterminator="\n", quoting=quoting)
            paths.append(p)
        return paths


def load_processed(path: Path | str) -> Corpus:
    """Read the tables that :meth:`Corpus.save` wrote (notebooks 02 onwards use this).

    The raw texts are rebuilt from ``lines.csv``, which holds every line with its ending.
    """
    path = Path(path)
    tables = {}
    for name in Corpus.TABLES:
        p = path / f"{name}.csv"
        if not p.exists():
            raise CorpusError(f"{p}: not found; run notebooks/01-corpus.ipynb first (make report)")
        t = pd.read_csv(p, dtype=str, keep_default_na=False)
        for col in _INT_COLUMNS[name]:
            t[col] = t[col].astype("int64")
        for col in _FLOAT_COLUMNS.get(name, []):
            t[col] = t[col].astype("float64")
        tables[name] = t
    tables["articles"]["published"] = pd.to_datetime(tables["articles"]["published"].replace("", None), format="%Y-%m-%d")
    texts = {
        aid: "".join(g["text"] + g["eol"]) for aid, g in tables["lines"].groupby("article_id", sort=False)
    }
    return Corpus(**tables, texts=texts)
