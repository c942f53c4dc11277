"""Damaged text: mojibake repaired, look-alike letters folded, the rest flagged.

Three kinds of damage reach a corpus from the web, and each is handled as the
evidence allows:

* **mojibake** (``IBMâ€™s`` for ``IBM’s``): UTF-8 bytes read as Windows-1252 or
  Latin-1. ``ftfy`` undoes it; the decoding it reversed is the reason recorded.
* **look-alike letters** (``Bоston`` with a Cyrillic ``о``): a Cyrillic or Greek
  letter that looks like a Latin one, inside an otherwise Latin word (or a whole
  look-alike word in a Latin line). Folded to the Latin letter, one for one, so
  names and cues match again.
* **lost quotation marks and entity debris** (``?We will,? she said``,
  ``&quot;``, ``&amp;#8217;``, ``&nbsp;``): the original character cannot be
  known for certain (a ``?`` may be a real question mark), so these are *flagged*
  as problems and never changed.

The raw text is never changed. :func:`repair_text` returns the repaired text, the
edits as ``(start, end, replacement)`` on the input, one record per change in the
shape of the corpus's ``normalisations`` table, and :attr:`Repair.offset_edits`
in the form :func:`analysis.corpus.text.to_raw_span` reads, so a span found in
the repaired (and then normalised) text can be located in the raw file.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass, field
from typing import NamedTuple

import ftfy
import pandas as pd

from analysis.corpus.text import to_raw_span

__all__ = [
    "LOOKALIKES",
    "Repair",
    "RepairedLines",
    "repair_text",
    "fold_lookalikes",
    "find_damage",
    "repair_lines",
]

# ftfy's mojibake steps only: its other fixes (quotes uncurled, HTML unescaped, width,
# ligatures, line breaks, NFC) are either the matching form's job (analysis.corpus.text)
# or a guess this module flags instead of making.
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
)
# Characters that only appear in mojibake (or in text ftfy would change): a cheap test
# before the diff. Every string ftfy changes under _FTFY holds one of these.
_MAYBE_MOJIBAKE = re.compile(r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
                             r"\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\ud800-\udfff]")

# Cyrillic and Greek letters that render like a Latin letter (a subset of Unicode's
# confusables.txt, letters only, where the shapes agree in common fonts).
LOOKALIKES = {
    # Cyrillic lower case
    "\u0430": "a", "\u0435": "e", "\u043e": "o", "\u0440": "p", "\u0441": "c", "\u0443": "y",
    "\u0445": "x", "\u0456": "i", "\u0458": "j", "\u0455": "s", "\u0501": "d", "\u051b": "q",
    "\u051d": "w", "\u04bb": "h", "\u0457": "\u00ef",
    # Cyrillic capitals
    "\u0410": "A", "\u0412": "B", "\u0415": "E", "\u041a": "K", "\u041c": "M", "\u041d": "H",
    "\u041e": "O", "\u0420": "P", "\u0421": "C", "\u0422": "T", "\u0425": "X", "\u0423": "Y",
    "\u0406": "I", "\u0408": "J", "\u0405": "S", "\u04c0": "I",
    # Greek
    "\u0391": "A", "\u0392": "B", "\u0395": "E", "\u0396": "Z", "\u0397": "H", "\u0399": "I",
    "\u039a": "K", "\u039c": "M", "\u039d": "N", "\u039f": "O", "\u03a1": "P", "\u03a4": "T",
    "\u03a5": "Y", "\u03a7": "X", "\u03bf": "o", "\u03b9": "i", "\u03ba": "k", "\u03bd": "v",
}
_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_OTHER_SCRIPT = re.compile(r"[\u0370-\u03ff\u0400-\u052f]")


def _script_of(ch: str) -> str:
    if _LATIN.match(ch):
        return "latin"
    if _OTHER_SCRIPT.match(ch):
        return "other"
    return "none"


def _lookalike_edits(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, latin)`` for each look-alike letter to fold, one character each."""
    if text.isascii():
        return []
    words = [(m.start(), m.group()) for m in _WORD.finditer(text)]
    latin = other = 0
    foreign = False  # a Cyrillic or Greek letter with no Latin look-alike: real Cyrillic or Greek text
    for _, w in words:
        for ch in w:
            s = _script_of(ch)
            if s == "latin":
                latin += 1
            elif s == "other":
                other += 1
                foreign = foreign or ch not in LOOKALIKES
    if not other:
        return []
    edits, whole_words = [], []
    for start, w in words:
        scripts = {_script_of(ch) for ch in w}
        if "other" not in scripts:
            continue
        n_other = sum(_script_of(ch) == "other" for ch in w)
        if "latin" not in scripts:
            whole_words.append((start, w))
        elif all(ch in LOOKALIKES for ch in w if _script_of(ch) == "other") and len(w) - n_other >= n_other:
            # a mixed word whose Latin letters are the majority
            edits.extend((start + i, start + i + 1, LOOKALIKES[ch]) for i, ch in enumerate(w) if ch in LOOKALIKES)
            latin, other = latin + n_other, other - n_other
    # a word made only of look-alikes, only in a line that is plainly Latin (no other Cyrillic
    # or Greek letters); counted after the mixed words are folded, so a second pass finds nothing
    if not foreign and latin >= 4 * other:
        for start, w in whole_words:
            edits.extend((start + i, start + i + 1, LOOKALIKES[ch]) for i, ch in enumerate(w))
        edits.sort()
    return edits


def fold_lookalikes(text: str) -> str:
    """``text`` with look-alike Cyrillic and Greek letters in Latin words folded to Latin.

    The same rule as :func:`repair_text`, without the record; for matching keys.

    Examples
    --------
    >>> fold_lookalikes("B\u043est\u043en and \u0425\u0430\u0440\u043a\u0456\u0432")
    'Boston and \u0425\u0430\u0440\u043a\u0456\u0432'
    """
    edits = _lookalike_edits(text)
    if not edits:
        return text
    chars = list(text)
    for a, _, new in edits:
        chars[a] = new
    return "".join(chars)


def _diff_edits(old: str, new: str) -> list[tuple[int, int, str]]:
    """The changed spans that turn ``old`` into ``new``, as ``(start, end, replacement)`` on ``old``."""
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [(i1, i2, new[j1:j2]) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]


def _mojibake_edits(text: str) -> tuple[list[tuple[int, int, str]], str]:
    if text.isascii() or not _MAYBE_MOJIBAKE.search(text):
        return [], ""
    fixed, steps = ftfy.fix_and_explain(text, _FTFY)
    if fixed == text:
        return [], ""
    how = "; ".join(f"{a} {b}" for a, b in steps or [])
    return _diff_edits(text, fixed), f"mojibake repaired by ftfy ({how})" if how else "mojibake repaired by ftfy"


@dataclass
class Repair:
    """A raw string, its repaired form, and the record of every repair."""

    raw: str
    text: str
    edits: tuple[tuple[int, int, str], ...] = ()
    changes: list[dict] = field(default_factory=list)

    @property
    def offset_edits(self) -> tuple[tuple[int, int, int, int], ...]:
        """The length-changing edits as ``(new_start, new_end, raw_start, raw_end)``.

        The form of :attr:`analysis.corpus.text.Normalised.edits`, read by
        :func:`analysis.corpus.text.to_raw_span`.
        """
        out, shift = [], 0
        for a, b, new in self.edits:
            if len(new) != b - a:
                out.append((a + shift, a + shift + len(new), a, b))
            shift += len(new) - (b - a)
        return tuple(out)

    def to_raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of :attr:`text` back to :attr:`raw`."""
        return to_raw_span(self.offset_edits, start, end)


def repair_text(raw: str, *, mojibake: bool = True, lookalikes: bool = True) -> Repair:
    """Repair mojibake and fold look-alike letters in ``raw``, recording each change.

    Mojibake is repaired first (``ftfy``; only its encoding fixes), then look-alike
    letters are folded in the result. Quotation marks lost as ``?`` and HTML-entity
    debris are not changed here: see :func:`find_damage`.

    Returns
    -------
    Repair
        ``text`` -- the repaired string; ``edits`` -- ``(start, end, replacement)``
        on ``raw``, sorted and not overlapping; ``changes`` -- one record per edit
        with ``kind`` (``mojibake`` or ``lookalike``), ``start, end, raw``,
        ``normalised`` (the replacement) and ``reason``.

    Examples
    --------
    >>> r = repair_text("IBM\u00e2\u20ac\u2122s office in B\u043eston")
    >>> r.text
    'IBM\u2019s office in Boston'
    >>> [(c["kind"], c["raw"], c["normalised"]) for c in r.changes]
    [('mojibake', '\u00e2\u20ac\u2122', '\u2019'), ('lookalike', '\u043e', 'o')]
    >>> r.to_raw_span(16, 22)
    (18, 24)
    """
    edits: list[tuple[int, int, str, str, str]] = []  # start, end, new, kind, reason
    text = raw
    if mojibake:
        found, reason = _mojibake_edits(raw)
        edits = [(a, b, new, "mojibake", reason) for a, b, new in found]
        if found:
            text = _apply(raw, found)
    if lookalikes:
        folds = _lookalike_edits(text)
        if folds:
            # located in the repaired text; map them back to raw through the mojibake edits
            first = Repair(raw, text, tuple((a, b, n) for a, b, n, _, _ in edits))
            for a, b, new in folds:
                ra, rb = first.to_raw_span(a, b)
                if rb - ra == 1 and raw[ra] == text[a]:  # never inside a mojibake repair
                    name = f"U+{ord(text[a]):04X}"
                    edits.append((ra, rb, new, "lookalike",
                                  f"{name} (Cyrillic or Greek) inside a Latin word folded to the Latin '{new}'"))
            edits.sort()
            text = _apply(raw, [(a, b, n) for a, b, n, _, _ in edits])
    changes = [{"kind": k, "start": a, "end": b, "raw": raw[a:b], "normalised": n, "reason": why}
               for a, b, n, k, why in edits]
    return Repair(raw=raw, text=text, edits=tuple((a, b, n) for a, b, n, _, _ in edits), changes=changes)


def _apply(raw: str, edits) -> str:
    pieces, pos = [], 0
    for a, b, new in edits:
        pieces.append(raw[pos:a])
        pieces.append(new)
        pos = b
    pieces.append(raw[pos:])
    return "".join(pieces)


# ---------------------------------------------------------------------------- flags

_URLISH = re.compile(r"\S*(?:https?://|www\.|/)\S*")
# a "?" glued to the front of a word ("?We"), between letters ("IBM?s", "don?t"), or after
# punctuation (",? she said") is a lost quotation mark or apostrophe, not a question
_LOST_QUOTE = re.compile(r"(?:(?<![\w?])\?(?=[^\W_])|(?<=[^\W\d_])\?(?=[^\W\d_])|(?<=[,.;:!])\?+(?=\s|$)|(?<=[^\W_])\?(?=[,;:]))")
_ENTITY = re.compile(r"&(?:amp;)*(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_REPLACEMENT = re.compile("\ufffd+")
# the mojibake of a closing curly quote whose last byte (0x9D, undefined in Windows-1252) was
# dropped: ftfy can only read the two bytes left, followed by a space, as a dagger
_LOST_BYTE_QUOTE = re.compile("\u00e2\u20ac(?=\\s|$)")


def _entity_value(debris: str) -> str | None:
    value = debris
    for _ in range(debris.count("&")):
        value = html.unescape(value)
    return None if value == debris else value


def find_damage(raw: str) -> list[dict]:
    """Places where a character was lost and cannot be restored with certainty.

    Nothing is changed; each place is returned for the ``problems`` table.

    * ``lost_quote`` -- a ``?`` standing for a curly quotation mark or apostrophe
      (glued to the start of a word, between letters, or after punctuation);
      a question mark followed by a space, and ``?`` inside a web address, are not flagged;
    * ``html_entity`` -- an HTML entity left as text (``&quot;``, ``&nbsp;``,
      ``&amp;#8217;``), with the character it stands for;
    * ``replacement_character`` -- ``\ufffd``, where bytes could not be decoded.

    Returns
    -------
    list of dict
        ``kind, start, end, raw, meaning`` (what it probably stood for).

    Examples
    --------
    >>> [(d["kind"], d["raw"]) for d in find_damage("?We will,? she said. Why? &amp;#8217;")]
    [('lost_quote', '?'), ('lost_quote', '?'), ('html_entity', '&amp;#8217;')]
    """
    found = []
    if "?" in raw:
        urls = [m.span() for m in _URLISH.finditer(raw)] if "/" in raw or "www." in raw else []
        for m in _LOST_QUOTE.finditer(raw):
            if any(a <= m.start() < b for a, b in urls):
                continue
            found.append({"kind": "lost_quote", "start": m.start(), "end": m.end(), "raw": m.group(),
                          "meaning": "a quotation mark or apostrophe"})
    if "&" in raw:
        for m in _ENTITY.finditer(raw):
            value = _entity_value(m.group())
            if value is not None:
                found.append({"kind": "html_entity", "start": m.start(), "end": m.end(), "raw": m.group(),
                              "meaning": repr(value)})
    if "\u00e2\u20ac" in raw:
        for m in _LOST_BYTE_QUOTE.finditer(raw):
            found.append({"kind": "lost_quote", "start": m.start(), "end": m.end(), "raw": m.group(),
                          "meaning": "a closing quotation mark whose last byte was lost (ftfy reads a dagger)"})
    if "\ufffd" in raw:
        for m in _REPLACEMENT.finditer(raw):
            found.append({"kind": "replacement_character", "start": m.start(), "end": m.end(), "raw": m.group(),
                          "meaning": "bytes that could not be decoded"})
    return sorted(found, key=lambda d: d["start"])


_MESSAGES = {
    "lost_quote": "'?' standing for a quotation mark or apostrophe",
    "html_entity": "HTML entity left as text",
    "replacement_character": "undecodable bytes shown as '\ufffd'",
}
_ADVICE = {
    "lost_quote": "left as is (a '?' may be a real question mark); re-save the source as UTF-8 or fix it in corrections",
    "html_entity": "left as is; the page was escaped twice or copied as source; fix it in corrections",
    "replacement_character": "left as is; the characters are lost; re-collect the page",
}


class RepairedLines(NamedTuple):
    """What :func:`repair_lines` returns: three tables."""

    lines: pd.DataFrame
    normalisations: pd.DataFrame
    problems: pd.DataFrame


NORMALISATION_COLUMNS = ["article_id", "line_no", "kind", "start", "end", "raw", "normalised", "reason"]
PROBLEM_COLUMNS = ["article_id", "file", "level", "problem"]


def repair_lines(lines: pd.DataFrame, *, files: dict | None = None) -> RepairedLines:
    """Repair and check every line of a corpus's ``lines`` table.

    ``lines`` needs ``article_id, line_no, text`` and, for offsets in the file,
    ``start`` (the line's offset; 0 if absent). ``files`` maps article ids to file
    names for the ``problems`` table.

    Returns
    -------
    RepairedLines
        * ``lines`` -- the input with ``text`` repaired and ``repairs`` added (the
          length-changing edits in the stored form ``"ns-ne:rs-re;..."``);
        * ``normalisations`` -- ``article_id, line_no, kind, start, end, raw,
          normalised, reason``, offsets in the file;
        * ``problems`` -- ``article_id, file, level, problem``: one ``warning`` per
          article and kind of damage, with the count and the first place.

    Examples
    --------
    >>> lines = pd.DataFrame({"article_id": ["a", "a"], "line_no": [1, 2], "start": [0, 30],
    ...                       "text": ["IBM\u00e2\u20ac\u2122s office", "?We will,? she said."]})
    >>> out = repair_lines(lines)
    >>> out.lines["text"].tolist()
    ['IBM\u2019s office', '?We will,? she said.']
    >>> out.normalisations[["line_no", "kind", "start", "end"]].values.tolist()
    [[1, 'mojibake', 3, 6]]
    >>> print(out.problems["problem"].iloc[0])
    line 2: 2 x '?' standing for a quotation mark or apostrophe, first '?We will,? she s'; left as is (a '?' may be a real question mark); re-save the source as UTF-8 or fix it in corrections
    """
    files = files or {}
    texts, repairs, norms = [], [], []
    damage: dict[tuple[str, str], list] = {}
    starts = lines["start"] if "start" in lines else [0] * len(lines)
    for aid, line_no, text, offset in zip(lines["article_id"], lines["line_no"], lines["text"], starts):
        text = "" if not isinstance(text, str) else text
        rep = repair_text(text)
        texts.append(rep.text)
        repairs.append(";".join(f"{a}-{b}:{c}-{d}" for a, b, c, d in rep.offset_edits))
        norms.extend((aid, line_no, c["kind"], offset + c["start"], offset + c["end"], c["raw"], c["normalised"],
                      c["reason"]) for c in rep.changes)
        for d in find_damage(text):
            damage.setdefault((aid, d["kind"]), []).append((line_no, d, text))
    out = lines.copy()
    out["text"] = texts
    out["repairs"] = repairs
    problems = []
    for (aid, kind), places in damage.items():
        line_no, d, text = places[0]
        context = text[max(0, d["start"] - 15): d["end"] + 15]
        problems.append((aid, files.get(aid, ""), "warning",
                         f"line {line_no}: {len(places)} x {_MESSAGES[kind]}, first '{context}'; {_ADVICE[kind]}"))
    return RepairedLines(
        out,
        pd.DataFrame(norms, columns=NORMALISATION_COLUMNS),
        pd.DataFrame(problems, columns=PROBLEM_COLUMNS),
    )
