"""Find lexicon terms -- frame cues, actor aliases, aspect cues -- in sentences.

One matching rule for every lexicon, so that a cue behaves the same in the frame
codebook as an alias does in the actors file:

* whole words only: ``ice`` never matches inside ``police``;
* case-insensitive, except cues written as acronyms (two or more capitals, such
  as ``ICE``, ``FBI``, ``AI``), which match only in capitals; a term may say
  ``case_sensitive: true`` or ``false`` to decide for itself;
* multi-word cues match across any run of spaces or hyphens, so ``facial
  recognition`` also finds ``facial-recognition``;
* the last word of a cue takes simple inflections (``regulate`` finds
  ``regulates``, ``regulated``, ``regulating``; ``ban`` finds ``banned``); a cue
  ending in ``*`` matches any ending (``regulat*`` also finds ``regulation``);
* matching runs on the matching form of the text (:func:`analysis.corpus.text.normalise`),
  so typographic quotes and no-break spaces never stop a match, and every match
  is located back in the raw text;
* where terms overlap, the longest wins (``civil rights`` before ``rights``); a
  cue listed under several keys is reported once per key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from analysis.corpus.text import normalise, to_raw_span

__all__ = ["Term", "TermMatcher", "term_pattern", "find_terms"]

_ACRONYM = re.compile(r"[A-Z][A-Z0-9&.]*[A-Z0-9]\.?")  # ICE, FBI, AI, U.S.


@dataclass(frozen=True)
class Term:
    """A lexicon entry: the ``key`` it stands for (a frame, an actor) and a ``cue``."""

    key: str
    cue: str
    case_sensitive: bool | None = None
    inflect: bool = True

    @property
    def is_case_sensitive(self) -> bool:
        if self.case_sensitive is not None:
            return self.case_sensitive
        return any(_ACRONYM.fullmatch(w) for w in re.split(r"[\s-]+", self.cue))


def _inflected(word: str) -> str:
    esc = re.escape(word)
    if not word.isalpha() or len(word) < 3:
        return esc
    if word.isupper():
        return esc + "s?"
    w = word.lower()
    if w.endswith("e"):
        return re.escape(word[:-1]) + "(?:e|es|ed|ing)"
    if w[-1] == "y" and w[-2] not in "aeiou":
        return re.escape(word[:-1]) + "(?:y|ies|ied|ying)"
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return esc + "(?:es|ed|ing)?"
    if w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and (len(w) < 4 or w[-3] not in "aeiou"):
        # a short final syllable may double its consonant: ban -> banned, banning
        return esc + f"(?:s|es|ed|ing|{re.escape(word[-1])}ed|{re.escape(word[-1])}ing)?"
    return esc + "(?:s|es|ed|ing)?"


def term_pattern(cue: str, *, inflect: bool = True) -> str:
    """The regular expression (without flags or word boundaries) for one cue.

    >>> bool(re.fullmatch(term_pattern("law enforcement"), "law-enforcement"))
    True
    >>> bool(re.fullmatch(term_pattern("regulate"), "regulating"))
    True
    """
    words = [w for w in re.split(r"[\s-]+", normalise(cue).text.strip()) if w]
    if not words:
        raise ValueError(f"empty cue {cue!r}")
    parts = []
    for i, w in enumerate(words):
        if w.endswith("*"):
            parts.append(re.escape(w[:-1]) + r"\w*")
        elif inflect and i == len(words) - 1:
            parts.append(_inflected(w))
        else:
            parts.append(re.escape(w))
    return r"[\s-]+".join(parts)


def _first_letters(cue: str, *, inflect: bool) -> str | None:
    """Up to four lower-case letters every match of ``cue`` starts with; ``None`` if it may
    start with something other than a word character."""
    words = [w for w in re.split(r"[\s-]+", normalise(cue).text.strip()) if w]
    first = words[0]
    if first.endswith("*"):
        first = first[:-1]
    elif inflect and len(words) == 1:
        first = first[:-1]  # the ending may change: regulate -> regulating, policy -> policies
    if not first or not re.match(r"\w", first):
        return None
    return first[:4].lower()


_WORD_START = re.compile(r"(?<!\w)\w")


def _prefix_trie(keys: Iterable[str]) -> str:
    """An expression matching any text that starts with one of ``keys`` (lower case), shaped as a
    trie so that the engine tries one branch per letter instead of every key in turn."""
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            if node.get("") is True:
                break  # a shorter key already covers this one
            node = node.setdefault(ch, {})
        else:
            node.clear()
            node[""] = True

    def emit(node: dict) -> str:
        if node.get("") is True:
            return ""
        return "(?:" + "|".join(re.escape(ch) + emit(child) for ch, child in sorted(node.items())) + ")"

    return emit(trie)


class TermMatcher:
    """Compile many terms into one expression and find them in text.

    Matching is the leftmost match of an alternation of every cue, longest cue first.
    To be fast with hundreds of cues, it is run as: at each word start, try only the
    cues whose first letters agree (a dictionary look-up), in alternation order.

    Examples
    --------
    >>> m = TermMatcher([Term("Legality", "civil rights"), Term("Crime", "ICE"), Term("Crime", "police")])
    >>> [(t.key, text) for _, _, text, terms in m.find("Civil rights groups, police and ICE, not ice.") for t in terms]
    [('Legality', 'Civil rights'), ('Crime', 'police'), ('Crime', 'ICE')]
    """

    def __init__(self, terms: Iterable[Term]):
        self.terms = list(terms)
        groups: dict[tuple[str, bool], list[Term]] = {}
        for t in self.terms:
            pattern = term_pattern(t.cue, inflect=t.inflect)
            sensitive = t.is_case_sensitive
            # case-insensitive spellings of one cue are one alternative, so every key is reported
            key = (pattern if sensitive else pattern.lower(), sensitive)
            groups.setdefault(key, []).append(t)
        # longest cue first, so that alternation prefers the longer phrase
        ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1][0].cue), kv[1][0].cue))
        self._group_terms = [terms for _, terms in ordered]
        alts = []
        for i, ((pat, sensitive), _) in enumerate(ordered):
            body = pat if sensitive else f"(?i:{pat})"
            alts.append(f"(?P<g{i}>{body})")
        self._regex = re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)") if alts else None
        # the same alternatives one by one, indexed by the letters a match must start with
        self._patterns = [re.compile(f"(?:{a})" + r"(?!\w)") for a in alts]
        self._index: dict[str, list[int]] = {}
        self._indexed = True
        for i, (_, terms) in enumerate(ordered):
            key = _first_letters(terms[0].cue, inflect=terms[0].inflect)
            if key is None:
                self._indexed = False  # a cue that starts with punctuation: use the one big expression
                break
            self._index.setdefault(key, []).append(i)
        # Word starts where some cue may begin: a superset of those whose first letters (lower
        # case) are an index key, since ignore-case matching accepts every character whose
        # lower case is the key's letter. The loop in find() decides as before, but only there.
        self._starts = None
        if self._indexed and self._index:
            self._starts = re.compile(r"(?<!\w)(?=\w)(?=(?i:" + _prefix_trie(self._index) + "))")

    def find(self, text: str) -> list[tuple[int, int, str, list[Term]]]:
        """Non-overlapping matches in ``text``: ``(start, end, matched text, terms)``."""
        if self._regex is None:
            return []
        if not self._indexed:
            return [(m.start(), m.end(), m.group(), self._group_terms[int(m.lastgroup[1:])])
                    for m in self._regex.finditer(text)]
        out = []
        index, patterns = self._index, self._patterns
        end = 0
        ascii_text = text.isascii()
        lower = text.lower() if ascii_text else None
        # "\u0130".lower() is two characters, which would shift the letters compared below
        starts = self._starts if self._starts is not None and (ascii_text or "\u0130" not in text) else _WORD_START
        for w in starts.finditer(text):
            pos = w.start()
            if pos < end:
                continue
            head = lower[pos : pos + 4] if lower is not None else text[pos : pos + 4].lower()
            found = None
            for k in range(1, len(head) + 1):
                ids = index.get(head[:k])
                if ids:
                    found = ids if found is None else found + ids
            if not found:
                continue
            for i in sorted(found) if len(found) > 1 else found:
                m = patterns[i].match(text, pos)
                if m:
                    out.append((pos, m.end(), m.group(), self._group_terms[i]))
                    end = m.end()
                    break
        return out


FOUND_COLUMNS = ["sentence_id", "article_id", "outlet", "key", "cue", "match", "start", "end"]


def find_terms(sentences: pd.DataFrame, matcher: TermMatcher) -> pd.DataFrame:
    """One row per term found in each sentence, located in the raw text.

    ``sentences`` needs ``sentence_id, article_id, outlet, text, start`` and, if
    the matching form differs in length from the raw text, ``edits`` and ``raw``
    (as :func:`analysis.load_corpus` gives them).

    Returns a table with columns ``sentence_id, article_id, outlet, key, cue,
    match, start, end``: ``start``/``end`` are character offsets in the raw file and
    ``match`` is the raw text there.
    """
    rows = []
    n = len(sentences)
    # plain lists: reading pandas cells row by row costs more than the matching
    texts = sentences["text"].tolist()
    edits_of = sentences["edits"].tolist() if "edits" in sentences.columns else [()] * n
    raws = sentences["raw"].tolist() if "raw" in sentences.columns else None
    sentence_ids, article_ids, outlets, starts = (sentences[c].tolist() for c in ("sentence_id", "article_id", "outlet", "start"))
    for i, text in enumerate(texts):
        found = matcher.find(text)
        if not found:
            continue
        edits, start = edits_of[i], starts[i]
        for s, e, matched, terms in found:
            rs, re_ = to_raw_span(edits, s, e)
            raw_match = raws[i][rs:re_] if raws is not None else matched
            for t in terms:
                rows.append((sentence_ids[i], article_ids[i], outlets[i], t.key, t.cue, raw_match, start + rs, start + re_))
    return pd.DataFrame(rows, columns=FOUND_COLUMNS).astype({"start": "int64", "end": "int64"})
