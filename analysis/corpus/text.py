"""Normalisation and sentence splitting. Nothing here reads files or downloads anything.

The raw text is never changed. :func:`normalise` builds a *matching form* of it,
the text every measure runs on, together with

* ``changes`` -- one record per normalisation or correction, so nothing is silent;
* ``edits`` -- the places where the matching form and the raw text differ in
  length (or, for NFC, no longer match character for character), so a match found
  in the matching form can be located in the raw text (:func:`to_raw_span`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import nupunkt

__all__ = [
    "Correction",
    "Normalised",
    "normalise",
    "to_raw_span",
    "split_sentences",
    "count_words",
    "detect_language",
    "WORD_RE",
]

# One-for-one folds: the matching form keeps the raw text's length here.
_FOLD_1TO1 = {
    "\u00a0": " ",  # no-break space
    "\u2007": " ",  # figure space
    "\u202f": " ",  # narrow no-break space
    "\u2009": " ",  # thin space
    "\u200a": " ",  # hair space
    "\u2002": " ",
    "\u2003": " ",
    "\u201c": '"',  # left double quotation mark
    "\u201d": '"',  # right double quotation mark
    "\u201e": '"',  # double low-9 quotation mark
    "\u201f": '"',
    "\u00ab": '"',  # guillemets
    "\u00bb": '"',
    "\u2033": '"',  # double prime
    "\u2018": "'",  # left single quotation mark
    "\u2019": "'",  # right single quotation mark / apostrophe
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",  # prime
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "-",  # figure dash
    "\u2013": "-",  # en dash
    "\u2212": "-",  # minus sign
    "\u2026": "\u2026",  # ellipsis stays; listed so it is never mistaken for a fold
}
_FOLD_KIND = {
    " ": "space",
    '"': "quote",
    "'": "quote",
    "-": "dash",
}
_TRANSLATE = str.maketrans({k: v for k, v in _FOLD_1TO1.items() if k != v})
_FOLD_RE = re.compile("[" + "".join(re.escape(k) for k, v in _FOLD_1TO1.items() if k != v) + "]")

# Length-changing steps, found in one pass over the (1:1-folded) text.
_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# zero-width characters, the word joiner, a stray byte-order mark and soft hyphens
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# characters that NFC replaces on their own (the Angstrom sign, CJK compatibility ideographs, ...)
_NFC_SINGLETONS = "".join(
    chr(c)
    for c in range(0x10000)
    if not 0xD800 <= c < 0xE000
    and not chr(c).isspace()
    and not unicodedata.combining(chr(c))
    and unicodedata.normalize("NFC", chr(c)) != chr(c)
)
_BASE_PATTERNS = {
    # a letter followed by combining marks (invisible characters between them are dropped),
    # a character NFC replaces, or a run of combining marks without a letter: NFC
    "nfc": rf"\w(?:[{_INVISIBLE}]*[{_COMBINING}])+"
    rf"|[{re.escape(_NFC_SINGLETONS)}](?:[{_INVISIBLE}]*[{_COMBINING}])*"
    rf"|[{_COMBINING}](?:[{_INVISIBLE}]*[{_COMBINING}])+",
    # em dashes or horizontal bars, with any spaces or invisible characters round them, become " - "
    "em_dash": rf"[\s{_INVISIBLE}]*[\u2014\u2015][\s{_INVISIBLE}\u2014\u2015]*",
    # a run of whitespace and invisible characters becomes one space, or nothing if it holds no
    # whitespace; a lone plain space is left alone. Treating them as one run keeps the result
    # idempotent ("a \u200b b" must not leave two spaces behind).
    "whitespace": rf"(?! (?![\s{_INVISIBLE}]))[\s{_INVISIBLE}]+",
}
_SPACE = re.compile(r"\s")
_ASCII_CHANGES = re.compile(r"[\t\n\r\x0b\x0c\x1c-\x1f]|  ")  # what normalise changes in ASCII text
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")


@dataclass(frozen=True)
class Correction:
    """A known error in a source, fixed in the matching form only.

    ``find`` is matched as a whole word, case-sensitively.
    """

    find: str
    replace: str
    reason: str = ""


@dataclass
class Normalised:
    """The matching form of a raw string, with the record of how it was made."""

    raw: str
    text: str
    edits: tuple[tuple[int, int, int, int], ...] = ()
    changes: list[dict] = field(default_factory=list)

    @property
    def edits_str(self) -> str:
        """The edits in the compact form stored in tables (``"ns-ne:rs-re;…"``)."""
        return ";".join(f"{a}-{b}:{c}-{d}" for a, b, c, d in self.edits)


@lru_cache(maxsize=256)
def _pattern(corrections: tuple[Correction, ...]) -> re.Pattern:
    parts = [f"(?P<{name}>{pat})" for name, pat in _BASE_PATTERNS.items()]
    if corrections:
        words = sorted({c.find for c in corrections}, key=len, reverse=True)
        # A word ends where no letter, digit or combining mark follows, even past an invisible
        # character; otherwise a correction could change what a second pass finds.
        before = rf"(?<![\w{_COMBINING}])(?<![\w{_COMBINING}][{_INVISIBLE}])"
        after = rf"(?![{_INVISIBLE}]*[\w{_COMBINING}])"
        parts.insert(0, f"(?P<correction>{before}(?:" + "|".join(map(re.escape, words)) + f"){after})")
    return re.compile("|".join(parts))


def normalise(raw: str, *, corrections: tuple[Correction, ...] = ()) -> Normalised:
    """Build the matching form of ``raw``.

    Unicode NFC; no-break and other spaces, typographic quotes and dashes folded
    to ASCII; em dashes spaced as `` - ``; invisible characters removed; runs of
    whitespace collapsed to one space; and each ``corrections`` entry applied.
    Leading and trailing whitespace is kept (callers trim spans themselves), so
    the result is idempotent: ``normalise(normalise(s).text).text == normalise(s).text``.

    Examples
    --------
    >>> n = normalise("IBM\u2019s  \u201cnational dialogue\u201d")
    >>> n.text
    'IBM\\'s "national dialogue"'
    >>> sorted({c["kind"] for c in n.changes})
    ['quote', 'whitespace']
    >>> n.edits
    ((5, 6, 5, 7),)
    """
    if raw.isascii() and not _ASCII_CHANGES.search(raw) and not any(c.find in raw for c in corrections):
        return Normalised(raw=raw, text=raw)  # nothing to fold, collapse or correct
    changes: list[dict] = []
    for m in _FOLD_RE.finditer(raw):
        ch = m.group()
        new = _FOLD_1TO1[ch]
        changes.append(
            {"kind": _FOLD_KIND[new], "start": m.start(), "end": m.end(), "raw": ch, "normalised": new}
        )
    folded = raw.translate(_TRANSLATE)
    if folded.isascii() and not _ASCII_CHANGES.search(folded) and not any(c.find in folded for c in corrections):
        return Normalised(raw=raw, text=folded, changes=changes)  # typographic quotes and dashes only
    by_find = {c.find: c for c in corrections}
    pieces: list[str] = []
    edits: list[tuple[int, int, int, int]] = []
    pos = 0  # in raw
    out_len = 0
    for m in _pattern(tuple(corrections)).finditer(folded):
        kind = m.lastgroup
        old = m.group()
        if kind == "nfc":
            new = unicodedata.normalize("NFC", _INVISIBLE_RE.sub("", old))
        elif kind == "em_dash":
            new = " - "
        elif kind == "whitespace":
            new = " " if _SPACE.search(old) else ""
            if not new:
                kind = "invisible"
        else:
            new = by_find[old].replace
        if new == old:
            continue
        pieces.append(folded[pos : m.start()])
        out_len += m.start() - pos
        if len(new) != len(old) or kind == "nfc":  # NFC may reorder marks: no 1:1 map
            edits.append((out_len, out_len + len(new), m.start(), m.end()))
        pieces.append(new)
        out_len += len(new)
        pos = m.end()
        record = {"kind": kind, "start": m.start(), "end": m.end(), "raw": raw[m.start() : m.end()], "normalised": new}
        if kind == "correction":
            record["reason"] = by_find[old].reason
        changes.append(record)
    if not edits and not pieces:
        text = folded
    else:
        pieces.append(folded[pos:])
        text = "".join(pieces)
    if not edits and len(text) != len(raw):  # pragma: no cover - guards the invariant
        raise AssertionError("length-changing normalisation without an edit record")
    changes.sort(key=lambda c: c["start"])
    return Normalised(raw=raw, text=text, edits=tuple(edits), changes=changes)


def _parse_edits(edits) -> tuple[tuple[int, int, int, int], ...]:
    if not edits or (isinstance(edits, float)):  # empty string or NaN from a CSV
        return ()
    if isinstance(edits, str):
        out = []
        for part in edits.split(";"):
            n, r = part.split(":")
            a, b = n.split("-")
            c, d = r.split("-")
            out.append((int(a), int(b), int(c), int(d)))
        return tuple(out)
    return tuple(edits)


def _to_raw(pos: int, edits, *, is_end: bool) -> int:
    shift = 0
    for ns, ne, rs, re_ in edits:
        if is_end:
            if pos <= ns:
                break
            if pos <= ne:
                return re_
        else:
            if pos < ns:
                break
            if pos < ne:
                return rs
        shift = re_ - ne
    return pos + shift


def to_raw_span(edits, start: int, end: int) -> tuple[int, int]:
    """Map a span of the matching form back to the raw text it came from.

    ``edits`` is :attr:`Normalised.edits` or its stored string form.

    Examples
    --------
    >>> n = normalise("a  b")
    >>> n.text, to_raw_span(n.edits, 2, 3)
    ('a b', (3, 4))
    """
    e = _parse_edits(edits)
    if not e:
        return start, end
    return _to_raw(start, e, is_end=False), _to_raw(end, e, is_end=True)


@lru_cache(maxsize=1)
def _splitter():
    model = nupunkt.load_default_model()
    # The default model was trained mostly on legal text, and lists ordinary words that
    # end news sentences ("reports", "story", "month") as abbreviations, so "The Guardian
    # reports. Critics note ..." stayed one sentence. The model's own counts show that a
    # full stop after these words always ended the sentence; drop those (seen at least
    # twice) and keep real abbreviations such as Sen., Rep. and U.S.
    for word, (seen, breaks) in model._params.abbrev_break_rates.items():
        if seen >= 2 and breaks == seen:
            model.remove_abbreviation(word)
    return model


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split a paragraph into sentences: ``(start, end)`` spans, whitespace trimmed.

    Uses nupunkt's Punkt model, which ships inside the package (no download), and
    knows abbreviations such as ``Sen.``, ``Rep.`` and ``U.S.``.

    Examples
    --------
    >>> t = "It went to Sen. Cory Booker (D-NJ). He said \u201cyes.\u201d Then he left."
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['It went to Sen. Cory Booker (D-NJ).', 'He said \u201cyes.\u201d', 'Then he left.']
    """
    spans = []
    for a, b in _splitter().span_tokenize(text):
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if b - trail > a + lead:
            spans.append((a + lead, b - trail))
    return spans


WORD_RE = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


def count_words(text: str) -> int:
    """Count words: runs of letters and digits, apostrophes kept inside (``IBM's``).

    Hyphenated compounds count as their parts, the convention of most word counters
    in text analysis.

    >>> count_words("IBM's in-demand skills, 2020.")
    5
    """
    return len(WORD_RE.findall(text))


@lru_cache(maxsize=1)
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, *, max_chars: int = 2000) -> tuple[str, float]:
    """The language of ``text`` as an ISO 639-1 code, with the model's confidence (0–1).

    Uses py3langid, whose model ships inside the package. Only the first ``max_chars``
    characters are read; a text shorter than 40 characters gives ``("", 0.0)``, since
    a guess on a few words is not worth reporting.

    >>> detect_language("IBM stopt met de ontwikkeling van software voor gezichtsherkenning.")[0]
    'nl'
    """
    sample = text[:max_chars]
    if len(sample.strip()) < 40:
        return "", 0.0
    code, confidence = _language_identifier().classify(sample)
    return code, float(confidence)
