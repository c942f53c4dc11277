"""One article's rows: every line with its role, the body sentences and the headline located in
the raw text, each normalisation and correction, and the facts found in the text (author,
date, title, language), checked against what the manifest says."""

from __future__ import annotations

import re

import pandas as pd

from analysis.corpus.duplicates import sentence_keys
from analysis.corpus.lines import classify_lines, parse_byline
from analysis.corpus.manifest import MANIFEST_COLUMNS, parse_line_roles
from analysis.corpus.problems import Notes
from analysis.corpus.tables import LINE_COLUMNS, NORMALISATION_COLUMNS, SENTENCE_COLUMNS, build_table
from analysis.corpus.text import count_words, detect_language, normalise, split_sentences

__all__ = ["read_articles", "split_lines"]


def split_lines(text: str) -> list[tuple[str, str, int]]:
    """``(text, eol, start)`` per line; the lines joined with their endings give ``text``."""
    out = []
    pos = 0
    for m in re.finditer(r"\r\n|\n|\r", text):
        out.append((text[pos : m.start()], m.group(), pos))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], "", pos))
    return out


def _read_record(job) -> tuple[tuple | None, list[tuple[str, str]]]:
    """Build one article's rows; returns ``(result or None, [(level, message), …])``."""
    notes: list[tuple[str, str]] = []
    result = _read_article(job, notes)
    return result, notes


_ROW_TABLES = (("lines", LINE_COLUMNS), ("sentences", SENTENCE_COLUMNS), ("headlines", SENTENCE_COLUMNS),
               ("normalisations", NORMALISATION_COLUMNS))


def read_articles(jobs: list) -> tuple[list, dict[str, pd.DataFrame]]:
    """For consecutive jobs: ``[(article or None, notes, corrections applied), …]`` and the rows of
    all of them as tables (built here, so that a worker process does that work too)."""
    per_article = []
    rows: dict[str, list] = {name: [] for name, _ in _ROW_TABLES}
    for job in jobs:
        result, notes = _read_record(job)
        if result is None:
            per_article.append((None, notes, None))
            continue
        art, *tables = result
        for (name, _), part in zip(_ROW_TABLES, tables):
            rows[name].extend(part)
        applied = {n[5] for n in tables[3] if n[2] == "correction"} if job[5] else None  # raw text corrected
        per_article.append((art, notes, applied))
    return per_article, {name: build_table(rows[name], columns, name) for name, columns in _ROW_TABLES}


def _read_article(job, notes: list):
    """One article's rows, as tuples in the order of the tables' columns; ``None`` if unusable.

    ``job`` is ``(fields, text, where, origin, has_bom, fixes, provided_by)``.
    """
    row, text, fname, origin, has_bom, fixes, provided_by = job
    aid = row["article_id"]
    problems = Notes(notes)
    raw_lines = split_lines(text)
    roles = classify_lines([t for t, _, _ in raw_lines], author=row["author"])
    overrides = parse_line_roles(row["line_roles"]) if row["line_roles"] else {}
    for line_no, role in overrides.items():
        if not 1 <= line_no <= len(raw_lines):
            problems.error(aid, fname, f"{fname}: line_roles names line {line_no}, but the file has {len(raw_lines)} lines")
            return None
        old_role, old_reason = roles[line_no - 1]
        roles[line_no - 1] = (role, f"manifest override (rules said {old_role}: {old_reason})")

    art = {k: row[k] for k in MANIFEST_COLUMNS}
    sources = {k: provided_by if row[k] else "" for k in ("title", "author", "published", "language")}
    lines_out, sents, heads, norms = [], [], [], []
    if has_bom:
        norms.append((aid, 1, "bom", 0, 0, "\ufeff", "", "byte-order mark dropped when decoding"))
    paragraph_no = sentence_no = n_words = 0
    outlet = row["outlet"]

    def record(line_no, offset, changes):
        for c in changes:
            norms.append((aid, line_no, c["kind"], offset + c["start"], offset + c["end"], c["raw"], c["normalised"],
                          c.get("reason", "")))

    for line_no, ((line, eol, start), (role, reason)) in enumerate(zip(raw_lines, roles), start=1):
        lines_out.append((aid, line_no, line, eol, start, start + len(line), role, reason))
        if role == "title":
            a = len(line) - len(line.lstrip())
            raw = line.strip()
            n = normalise(raw, corrections=fixes)
            record(line_no, start + a, n.changes)
            heads.append((aid, outlet, 0, 0, f"{aid}-h", n.text, start + a, start + a + len(raw), raw, n.edits_str))
            found_title = " ".join(n.text.split())
            if not art["title"]:
                art["title"], sources["title"] = found_title, "title line"
            elif " ".join(normalise(art["title"]).text.split()).casefold() != found_title.casefold():
                problems.note(aid, fname, "warning",
                              f"{fname} line {line_no}: title line '{found_title}' differs from the manifest title '{art['title']}'")
        elif role == "byline":
            found = parse_byline(line) or {}
            _merge_byline(art, sources, found, problems, aid, fname, line_no)
        elif role == "boilerplate" and reason.startswith("author box: biography") and not art["author"]:
            name = re.match(r"(?:[A-Z][\w'\u2019-]+ ?){1,3}", line.strip())
            if name:
                art["author"] = " ".join(w for w in name.group().split() if w not in ("is", "was"))
                sources["author"] = "author box"
                problems.note(aid, fname, "filled", f"{fname} line {line_no}: author '{art['author']}' taken from the author box")
        elif role == "body":
            paragraph_no += 1
            for a, b in split_sentences(line):
                sentence_no += 1
                raw = line[a:b]
                n = normalise(raw, corrections=fixes)
                if n.changes:
                    record(line_no, start + a, n.changes)
                n_words += count_words(n.text)
                sents.append((aid, outlet, paragraph_no, sentence_no, f"{aid}-s{sentence_no:03d}",
                              " ".join(n.text.split()) if n.text.strip() != n.text else n.text,
                              start + a, start + b, raw, n.edits_str))
    if paragraph_no == 0:
        problems.error(aid, fname, f"{fname}: no body text (every line is a title, byline, caption, heading or boilerplate)")
        return None
    if not art["language"]:
        sample = " ".join(x[5] for x in sents[:8])
        code, confidence = detect_language(sample, max_chars=800)
        if code and confidence >= 0.9:
            art["language"], sources["language"] = code, f"detected ({confidence:.2f})"
    art["_keys"] = sentence_keys(x[5] for x in sents)
    art.update({"title_source": sources["title"], "author_source": sources["author"],
                "published_source": sources["published"], "language_source": sources["language"],
                "n_paragraphs": paragraph_no,
                "n_sentences": sentence_no, "n_words": n_words, "text_origin": origin or "file"})
    return art, lines_out, sents, heads, norms


def _merge_byline(art, sources, found, problems, aid, fname, line_no):
    where = f"{fname} line {line_no}"
    author = found.get("author") or ""
    published = found.get("published")
    if author:
        if not art["author"]:
            art["author"], sources["author"] = author, "byline"
            problems.note(aid, fname, "filled", f"{where}: author '{author}' taken from the byline")
        elif art["author"].casefold() != author.casefold():
            problems.note(aid, fname, "warning",
                          f"{where}: byline author '{author}' conflicts with the manifest author '{art['author']}' (manifest kept)")
    if published:
        iso = published.isoformat()
        if not art["published"]:
            art["published"], sources["published"] = iso, "byline"
            problems.note(aid, fname, "filled", f"{where}: published {iso} taken from the byline")
        elif art["published"] != iso:
            problems.note(aid, fname, "warning",
                          f"{where}: byline date {iso} conflicts with the manifest date {art['published']} (manifest kept)")
