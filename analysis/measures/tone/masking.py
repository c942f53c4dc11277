"""Masking: the spans of a sentence that must not carry tone (numbers, bracketed dates, proper names, listed names).

A masked span keeps its length and its word count, so offsets still point into the
sentence and VADER's word-count-based proportions are unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from analysis.matching import Term, TermMatcher
from analysis.measures.tone.tables import _check_columns, _records, _to_file_offsets

__all__ = ["MASK_COLUMNS", "mask_untoned", "masked_spans"]

MASK_COLUMNS = ["sentence_id", "article_id", "outlet", "rule", "match", "start", "end"]

# A bracketed aside of at most four words that contains a digit: "(June 8)", "(2019)".
_PAREN_NUMBER_RE = re.compile(r"\((?=[^()]*\d)[^()\s]*(?:\s+[^()\s]+){0,3}\)")
# A number, with the punctuation numbers carry: 30, 1,000, 9/11, 25%, $5, the 4 of 4-year.
_NUMBER_RE = re.compile(r"(?<![\w])\$?\d(?:[\d,.:/%]*\d)?%?(?![\w])")
# A word, apostrophes and inner hyphens kept: IBM's, African-Americans, P-TECH.
_WORD_RE = re.compile(r"(?<![\w])[^\W\d_][\w]*(?:['\u2019-][\w]+)*")
# What may stand between the start of a clause and its first word.
_OPENERS = " \t\"'([{\u201c\u2018-"
_CLAUSE_ENDS = ".!?:"


def _is_capitalised(word: str) -> bool:
    return word[0].isupper() and word != "I" and not word.startswith(("I'", "I\u2019"))


def _opens_clause(text: str, start: int) -> bool:
    before = text[:start].rstrip(_OPENERS)
    return not before or before[-1] in _CLAUSE_ENDS


_POSSESSIVE_RE = re.compile(r"['\u2019]s(?![\w])")


def _as_terms(names) -> tuple[Term, ...]:
    """``names`` as lexicon terms: strings, :class:`~analysis.matching.Term` objects, or a
    table with a ``cue`` column (and optionally ``case_sensitive``, ``inflect``), such as
    ``analysis.lexicons.load_actors()``."""
    if names is None:
        return ()
    if isinstance(names, pd.DataFrame):
        _check_columns(names, ["cue"], "names")
        terms = []
        for rec in names.to_dict("records"):
            case = rec.get("case_sensitive")
            inflect = rec.get("inflect", True)
            terms.append(
                Term(
                    "name",
                    rec["cue"],
                    case_sensitive=None if case is None or pd.isna(case) else bool(case),
                    inflect=True if inflect is None or pd.isna(inflect) else bool(inflect),
                )
            )
        return tuple(dict.fromkeys(terms))
    if isinstance(names, (str, Term)):
        names = [names]
    return tuple(dict.fromkeys(n if isinstance(n, Term) else Term("name", n) for n in names if str(getattr(n, "cue", n)).strip()))


@lru_cache(maxsize=64)
def _matcher(terms: tuple[Term, ...]) -> TermMatcher | None:
    return TermMatcher(terms) if terms else None


def _name_matcher(names) -> TermMatcher | None:
    """The matcher of ``names`` (see :func:`_as_terms`), built once per call of a public function:
    hashing the terms to find it in the cache costs more than matching a sentence."""
    return _matcher(_as_terms(names))


def _find_untoned(text: str, matcher: TermMatcher | None) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for m in _PAREN_NUMBER_RE.finditer(text):
        spans.append((m.start(), m.end(), "bracketed number"))
    for m in _NUMBER_RE.finditer(text):
        spans.append((m.start(), m.end(), "number"))
    if matcher is not None:
        for a, b, _, _ in matcher.find(text):
            possessive = _POSSESSIVE_RE.match(text, b)
            spans.append((a, possessive.end() if possessive else b, "listed name"))
    words = [m for m in _WORD_RE.finditer(text)]
    i = 0
    while i < len(words):
        if not _is_capitalised(words[i].group()):
            i += 1
            continue
        j = i
        # A run of capitalised words separated only by spaces or abbreviation dots.
        while (
            j + 1 < len(words)
            and _is_capitalised(words[j + 1].group())
            and _NAME_GAP_RE.fullmatch(text, words[j].end(), words[j + 1].start())
        ):
            j += 1
        if j > i:
            spans.append((words[i].start(), words[j].end(), "capitalised sequence"))
        elif not _opens_clause(text, words[i].start()):
            spans.append((words[i].start(), words[i].end(), "capitalised word"))
        i = j + 1
    # Keep the outermost span where spans overlap, the earlier rule on ties.
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int, str]] = []
    for s in spans:
        if kept and s[0] < kept[-1][1]:
            if s[1] > kept[-1][1]:
                kept[-1] = (kept[-1][0], s[1], kept[-1][2])
            continue
        kept.append(s)
    return kept


_TOKEN_RE = re.compile(r"\S+")
_NAME_GAP_RE = re.compile(r"\.?\s+")


def _mask_piece(piece: str, upper: bool) -> str:
    if upper:
        return "".join("x" if ch.islower() else "X" for ch in piece)
    return "".join("X" if ch.isupper() else "x" for ch in piece)


def _apply_mask(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Overwrite the spans: capitals with X, other characters but whitespace with x.

    Uncased characters (digits, brackets) take X inside an all-capitals token, so
    every token keeps its ``isupper()``, which VADER's capitals rule depends on.
    """
    pieces, done = [], 0
    for a, b, _ in spans:
        # Widen the span to whole whitespace-separated tokens: a token's capitals decide its mask.
        lo = a
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        for token in _TOKEN_RE.finditer(text, lo):
            ts, te = token.span()
            if ts >= b:
                break
            x, y = max(a, ts, done), min(b, te)
            if x >= y:
                continue
            pieces.append(text[done:x])
            pieces.append(_mask_piece(text[x:y], token.group().isupper()))
            done = y
    pieces.append(text[done:])
    return "".join(pieces)


def mask_untoned(text: str, *, names=()) -> tuple[str, list[tuple[int, int, str]]]:
    """Mask the spans of a sentence that must not carry tone; return the masked text and the spans.

    The rule, applied before either instrument reads a sentence:

    1. **Numbers** (``30``, ``2019``, ``1,000``, ``25%``) and **bracketed dates or
       numbers** -- a bracketed aside of at most four words that contains a digit,
       brackets included (``(June 8)``, ``(2019)``). Lexicons know no numbers, but
       TextBlob reads a digit against a bracket as a face (``8)`` scores +0.5).
    2. **Proper names**: a run of two or more capitalised words (``Rep. Karen
       Bass``, ``The Guardian``, ``Sundar Pichai``), anywhere; and a single
       capitalised word that does not open the sentence or a clause after ``:``
       or a quotation mark (``Congress``, ``Amazon``, ``June``, ``AI``). Names
       are labels, not judgements: ``Bass`` must not read as the word *bass*.
       The pronoun ``I`` is not a name.
    3. **Listed names**: every name in ``names``, found by the project's one
       matching rule (:mod:`analysis.matching`: whole words, acronyms in
       capitals only, other names in any case, hyphens as spaces, simple
       inflections), with a possessive ``'s``. Pass the actors lexicon
       (``analysis.lexicons.load_actors()``) so that the words naming an actor
       never score its own mentions -- ``critics``, ``protesters``, ``security
       services`` and ``artificial intelligence`` are lexicon words -- and so
       that a name opening a sentence (``Krishna decided ...``) is masked too.

    Masked characters become ``X`` (capitals, and digits or brackets in an
    all-capitals word) or ``x`` (everything else but whitespace), a form neither
    lexicon knows, so the masked text has the same length, the same words and
    the same all-capitals words as the original.
    A title-case headline is almost entirely masked by rule 2: score body
    sentences.

    Returns
    -------
    masked : str
    spans : list of (start, end, rule)
        Character offsets in ``text``; ``rule`` is ``"number"``, ``"bracketed
        number"``, ``"capitalised sequence"``, ``"capitalised word"`` or
        ``"listed name"``.

    Examples
    --------
    >>> masked, spans = mask_untoned("Krishna spoke on Monday (June 8) to Rep. Karen Bass.")
    >>> masked
    'Krishna spoke on Xxxxxx xXxxx xx to Xxxx Xxxxx Xxxx.'
    >>> [rule for _, _, rule in spans]
    ['capitalised word', 'bracketed number', 'capitalised sequence']
    >>> mask_untoned("Krishna spoke.", names=["Krishna"])[0]
    'Xxxxxxx spoke.'
    """
    spans = _find_untoned(text, _name_matcher(names))
    if not spans:
        return text, []
    return _apply_mask(text, spans), spans


def masked_spans(sentences: pd.DataFrame, *, names=()) -> pd.DataFrame:
    """Every span :func:`mask_untoned` removes from the sentences, with the rule that removed it.

    Returns a table with columns ``sentence_id, article_id, outlet, rule, match,
    start, end``: ``match`` is the span of ``text``; ``start``/``end`` are offsets in
    the raw file when ``sentences`` has the corpus's ``start`` and ``edits``
    columns, otherwise offsets in ``text``.

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["a-s001"], "article_id": ["a"], "outlet": ["X"],
    ...                   "text": ["It was Monday (June 8)."]})
    >>> masked_spans(s)[["rule", "match", "start", "end"]]
                   rule     match  start  end
    0  capitalised word    Monday      7   13
    1  bracketed number  (June 8)     14   22
    """
    _check_columns(sentences, ["sentence_id", "article_id", "outlet", "text"], "sentences")
    matcher = _name_matcher(names)
    rows = []
    for row in _records(sentences):
        for a, b, rule in _find_untoned(row["text"], matcher):
            s, e = _to_file_offsets(row, a, b)
            rows.append([row["sentence_id"], row["article_id"], row["outlet"], rule, row["text"][a:b], s, e])
    return pd.DataFrame(rows, columns=MASK_COLUMNS)
