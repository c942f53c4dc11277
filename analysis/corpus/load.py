"""Read raw articles into a checked :class:`~analysis.corpus.tables.Corpus`.

:func:`load_corpus` is the only function in the package that reads raw files. It never
writes to them. It asks the registry of readers for the records of the input, checks them
(ids, dates, hashes, identical copies), reads each article (:mod:`analysis.corpus.article`,
in one process or several through :func:`analysis.execution.run`), sets aside articles in
other languages and near-duplicates, and returns the tables described in ``data/README.md``.
:func:`list_articles` stops after the checks: which articles an input holds, and their outlets.
"""

from __future__ import annotations

import hashlib
import warnings
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.corpus.article import read_articles
from analysis.corpus.duplicates import duplicate_pairs
from analysis.corpus.manifest import MANIFEST_COLUMNS, OPTIONAL_COLUMNS, parse_iso_date, read_corrections
from analysis.corpus.problems import CorpusError, CorpusWarning, Problems
from analysis.corpus.readers import Reader, Record, SourceError, reader_for
from analysis.corpus.tables import COUNT_COLUMNS, PROBLEM_COLUMNS, SOURCE_COLUMNS, Corpus, build_table
from analysis.corpus.text import Correction
from analysis.execution import run
from analysis.paths import CORRECTIONS, DATA_RAW

__all__ = ["load_corpus", "list_articles"]

# Below this many articles one process reads them all: starting workers would cost more than it saves.
MIN_ARTICLES = 200


def load_corpus(
    path: Path | str = DATA_RAW,
    *,
    corrections: Path | str | None = CORRECTIONS,
    on_error: str = "raise",
    columns: dict[str, str] | None = None,
    languages: tuple[str, ...] | None = ("en",),
    duplicates: str = "exclude",
    n_jobs: int = 1,
) -> Corpus:
    """Read articles into a :class:`~analysis.corpus.tables.Corpus`: a folder with ``manifest.csv``, saved web pages, or a table.

    Parameters
    ----------
    path
        A folder with ``manifest.csv`` and the article files (``.txt``/``.md`` in UTF-8,
        or saved ``.html`` pages); a folder of ``.html`` pages without a manifest (the
        outlet is each page's site name); or a ``.csv``/``.jsonl`` table with one
        article per row (``text`` and ``outlet`` columns). See :mod:`analysis.corpus.readers`.
    corrections
        CSV of known source errors (``article_id, find, replace, reason``), applied to
        the matching form only and recorded in ``normalisations``; ``None`` for none.
    on_error
        ``"raise"`` (default) stops with one :class:`CorpusError` listing every problem,
        each naming its file and line; ``"skip"`` sets each bad article aside with a
        :class:`CorpusWarning` and records it in ``problems``.
    columns
        For a table: its column names for ``text``, ``outlet``, ``title`` and so on,
        when they differ (``{"text": "body", "outlet": "media_name"}``).
    languages
        Languages the lexicon measures are written for. An article in another language
        (as the manifest says, or as detected) stays in ``articles`` and ``lines`` but
        its sentences are kept out of ``sentences``, with a warning. ``None`` keeps all.
    duplicates
        ``"exclude"`` (default): an article whose sentences are mostly those of an
        earlier one (the same wire story in two outlets, or one article loaded twice)
        is kept out of ``sentences``, so it counts once; ``"keep"`` keeps every copy.
        Either way, pairs are listed in ``duplicates``.
    n_jobs
        Processes used to read a large corpus (the result does not depend on it).

    Examples
    --------
    >>> corpus = load_corpus()
    >>> corpus.articles[["outlet", "n_paragraphs"]].to_dict("records")
    [{'outlet': 'Colorlines', 'n_paragraphs': 12}, {'outlet': 'VPNoverview', 'n_paragraphs': 10}]
    """
    if duplicates not in ("exclude", "keep"):
        raise ValueError("duplicates must be 'exclude' or 'keep'")
    path = Path(path)
    reader = _reader(path)
    fixes = read_corrections(corrections)
    problems = Problems(on_error)
    records = _checked(_read_records(reader, path, problems, columns), problems)
    fixes_by = _fixes_by_article(fixes)
    jobs = [(r.fields, r.text, r.where, r.origin, r.data.startswith(b"\xef\xbb\xbf"),
             fixes_by(r.fields["article_id"]), reader.provided_by) for r in records]
    results, tables = _read_all(jobs, n_jobs)

    articles = []
    texts: dict[str, str] = {}
    keys: dict[str, set] = {}
    for record, job, (art, notes, applied) in zip(records, jobs, results):
        aid, fname = record.fields["article_id"], record.fields["file"]
        for level, message in notes:
            if level == "error":
                problems.error(aid, fname, message)
            else:
                problems.note(aid, fname, level, message)
        if art is None:
            continue
        keys[aid] = art.pop("_keys")
        articles.append(art)
        texts[aid] = record.text
        article_fixes = job[5]
        if article_fixes:
            for fix in article_fixes:
                if fix.find not in applied and aid in fix.scope:
                    problems.note(aid, fname, "warning", f"{record.where}: correction '{fix.find}' -> '{fix.replace}' was never applied")
    problems.raise_if_any(path)
    if not articles:
        raise CorpusError(f"{path}: no usable articles")

    for art in articles:
        art["excluded"] = ""
    if languages is not None:
        _exclude_languages(articles, languages, problems)
    pairs = duplicate_pairs(
        {a["article_id"]: keys[a["article_id"]] for a in articles if not a["excluded"] and keys[a["article_id"]]},
        {a["article_id"]: a["outlet"] for a in articles},
        {a["article_id"]: a["published"] for a in articles if a["published"]},
        min_share=0.8,
    )
    if duplicates == "exclude":
        by_id = {a["article_id"]: a for a in articles}
        for pair in pairs.itertuples(index=False):
            by_id[pair.article_id]["excluded"] = (
                f"near-duplicate of {pair.duplicate_of} ({pair.shared:.0%} of its sentences shared); counted once"
            )
            problems.note(pair.article_id, "", "warning",
                          f"article '{pair.article_id}' ({pair.outlet}) repeats '{pair.duplicate_of}' ({pair.outlet_of_original}): "
                          f"{pair.shared:.0%} of its sentences shared; kept out of sentences so the story counts once")
    excluded = {a["article_id"] for a in articles if a["excluded"]}
    art_df = pd.DataFrame(articles)
    art_df = art_df[MANIFEST_COLUMNS + SOURCE_COLUMNS + COUNT_COLUMNS + ["text_origin", "excluded"]]
    art_df["published"] = pd.to_datetime(art_df["published"].replace("", None), format="%Y-%m-%d")
    sent_df, heads = tables["sentences"], tables["headlines"]
    if excluded:
        sent_df = sent_df[~sent_df["article_id"].isin(excluded)].reset_index(drop=True)
        heads = heads[~heads["article_id"].isin(excluded)].reset_index(drop=True)
    return Corpus(
        articles=art_df.reset_index(drop=True).astype({c: "str" for c in MANIFEST_COLUMNS if c != "published"}),
        lines=tables["lines"],
        sentences=sent_df,
        headlines=heads,
        normalisations=tables["normalisations"],
        problems=build_table(problems.rows, PROBLEM_COLUMNS, "problems"),
        duplicates=pairs,
        texts=texts,
    )


def list_articles(path: Path | str, *, columns: dict[str, str] | None = None, on_error: str = "raise") -> pd.DataFrame:
    """The articles an input holds, as its reader lists them, checked but not read.

    The checks are those that need no reading of the text: the input's kind, the manifest,
    files that cannot be read, ids, dates, hashes, empty texts, identical copies. They raise
    the :class:`CorpusError` that :func:`load_corpus` would raise for the same problems, or
    with ``on_error="skip"`` set the article aside with a :class:`CorpusWarning`. Much cheaper
    than :func:`load_corpus` for a folder of text files or a table (no line roles, no
    sentences); saved web pages are still extracted. Returns the manifest columns, one row
    per article.

    >>> list_articles(DATA_RAW)[["article_id", "outlet"]].to_dict("records")
    ... # doctest: +NORMALIZE_WHITESPACE
    [{'article_id': 'colorlines-2020-06-09', 'outlet': 'Colorlines'},
     {'article_id': 'vpnoverview-undated', 'outlet': 'VPNoverview'}]
    """
    path = Path(path)
    problems = Problems(on_error)
    records = _checked(_read_records(_reader(path), path, problems, columns), problems)
    problems.raise_if_any(path)
    if not records:
        raise CorpusError(f"{path}: no usable articles")
    return pd.DataFrame([{c: r.fields[c] for c in MANIFEST_COLUMNS} for r in records], columns=MANIFEST_COLUMNS)


def _reader(path: Path) -> Reader:
    try:
        return reader_for(path)
    except SourceError as exc:
        raise CorpusError(str(exc)) from None


def _read_records(reader: Reader, path: Path, problems: Problems, columns: dict[str, str] | None) -> list[Record]:
    try:
        return reader.read(path, problems=problems, columns=columns)
    except SourceError as exc:
        raise CorpusError(str(exc)) from None


@dataclass(frozen=True)
class _Fix(Correction):
    scope: tuple[str, ...] = ()


def _fixes_by_article(fixes: pd.DataFrame):
    """A function from an article id to the corrections that apply to it, in file order."""
    listed = [(r.article_id, _Fix(r.find, r.replace, r.reason, scope=(r.article_id,)))
              for r in fixes.itertuples(index=False)]

    def fixes_for(aid: str) -> tuple[_Fix, ...]:
        return tuple(f for a, f in listed if a == aid or a == "*")

    return fixes_for


def _checked(records: list[Record], problems: Problems) -> list[Record]:
    """Checks that apply to every kind of input: ids, dates, hashes, empty text, identical copies."""
    out = []
    seen_ids: dict[str, str] = {}
    seen_hashes: dict[str, tuple[str, str]] = {}
    for r in records:
        f = r.fields
        for c in MANIFEST_COLUMNS + list(OPTIONAL_COLUMNS):
            f[c] = str(f.get(c, "") or "").strip()
        aid = f["article_id"]
        if not f["outlet"]:
            problems.error(aid, f["file"], f"{r.where}: empty 'outlet'")
            continue
        if aid in seen_ids:
            problems.error(aid, f["file"], f"{r.where}: duplicate article_id '{aid}' (first in {seen_ids[aid]})")
            continue
        if f["published"] and parse_iso_date(f["published"]) is None:
            problems.error(aid, f["file"], f"{r.where}: published '{f['published']}' is not a date (YYYY-MM-DD)")
            continue
        if not r.text.strip():
            problems.error(aid, f["file"], f"{r.where}: empty text")
            continue
        digest = hashlib.sha256(r.data).hexdigest()
        if f["sha256"] and f["sha256"].lower() != digest:
            problems.error(aid, f["file"], f"{r.where}: sha256 {digest[:12]}… does not match the manifest "
                                           f"({f['sha256'][:12]}…, {r.listed_at or 'as given'}); "
                                           "the raw file has changed since it was recorded")
            continue
        first = seen_hashes.get(digest)
        if first is not None and first[1] == f["outlet"]:
            # one outlet's article loaded twice; the same text in another outlet (a wire copy) is kept
            # here and handled as a near-duplicate, so that duplicates="keep" can keep it
            problems.note(aid, f["file"], "set aside", f"{r.where}: same bytes as article '{first[0]}'; duplicate set aside")
            warnings.warn(f"{r.where}: duplicate of article '{first[0]}', set aside", CorpusWarning, stacklevel=3)
            continue
        seen_ids[aid] = r.where
        seen_hashes.setdefault(digest, (aid, f["outlet"]))
        f["sha256"] = digest
        out.append(r)
    return out


def _read_range(jobs: list, bounds: tuple[int, int]) -> tuple[list, dict[str, pd.DataFrame]]:
    return read_articles(jobs[bounds[0]:bounds[1]])


def _ranges(jobs: list, n_ranges: int) -> list[tuple[int, int]]:
    """``n_ranges`` ranges of consecutive jobs, of similar amounts of text."""
    sizes = [len(job[1]) for job in jobs]
    step = sum(sizes) / n_ranges
    bounds, start, total = [], 0, 0
    for i, size in enumerate(sizes):
        total += size
        if total >= step * (len(bounds) + 1) and i + 1 > start:
            bounds.append((start, i + 1))
            start = i + 1
    if start < len(jobs):
        bounds.append((start, len(jobs)))
    return bounds


def _read_all(jobs: list, n_jobs: int) -> tuple[list, dict[str, pd.DataFrame]]:
    """:func:`~analysis.corpus.article.read_articles` for every job, in order; a large corpus in
    about eight ranges of articles per process."""
    if n_jobs <= 1 or len(jobs) < MIN_ARTICLES:
        return read_articles(jobs)
    parts = run(_read_range, _ranges(jobs, n_jobs * 8), shared=jobs, n_jobs=n_jobs)
    per_article = [a for p, _ in parts for a in p]
    names = parts[0][1].keys()
    tables = {name: pd.concat([t[name] for _, t in parts], ignore_index=True) for name in names}
    return per_article, tables


def _exclude_languages(articles: list[dict], languages, problems: Problems) -> None:
    """Mark articles whose language (given or detected) is outside ``languages`` as excluded."""
    for art in articles:
        lang = art["language"]
        if lang and lang.split("-")[0].lower() not in languages:
            art["excluded"] = f"language '{lang}': the lexicon measures are for {', '.join(languages)}"
            problems.note(art["article_id"], art["file"], "warning",
                          f"article '{art['article_id']}' ({art['outlet']}) is in language '{lang}', not "
                          f"{'/'.join(languages)}; kept out of the sentence measures")


