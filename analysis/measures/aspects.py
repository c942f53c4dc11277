"""Aspects: which parts of the story each outlet covers, how much of its text each gets, and the gaps.

The cues of each aspect are matched as :mod:`analysis.matching` matches any
lexicon; a word index skips the sentences in which no cue of an aspect can match.
"""

from __future__ import annotations

import bisect
import re

import numpy as np
import pandas as pd

from analysis.corpus.text import count_words, normalise
from analysis.matching import Term, find_terms
from analysis.measures.actors import lexicon_matcher

__all__ = ["ASPECT_MENTION_COLUMNS", "COVERAGE_COLUMNS", "aspect_mentions", "aspect_coverage", "coverage_gaps"]

ASPECT_MENTION_COLUMNS = ["sentence_id", "article_id", "outlet", "aspect", "cue", "match", "start", "end"]
COVERAGE_COLUMNS = ["outlet", "aspect", "covered", "sentences", "sentence_share", "words", "word_share", "cues"]

_ASCII_WORD = re.compile(r"[A-Za-z0-9_]+")
_RUN = re.compile(r"\w+")


def _cue_key(term: Term) -> str | None:
    """Lower-case letters that begin a word of every match of ``term``; ``None`` if none can be named.

    Under :mod:`analysis.matching`'s rules a cue's words match as whole words separated by
    spaces or hyphens, so each word of the cue begins a run of word characters in the
    text; only the last word takes an inflection (which may change its last letter:
    regulate, regulating; a word of one or two letters, such as ``AI``, is not
    inflected) or a ``*`` ending. The longest such stem is the most selective. Only
    stems of ASCII letters and digits are used, so that lower case is all that
    case-insensitive matching can differ by.
    """
    words = [w for w in re.split(r"[\s-]+", normalise(term.cue).text.strip()) if w]
    best = None
    for j, word in enumerate(words):
        if word.endswith("*"):
            stem = word[:-1]
        elif term.inflect and j == len(words) - 1 and len(word) > 2:
            stem = word[:-1]
        else:
            stem = word
        if stem and _ASCII_WORD.fullmatch(stem) and (best is None or len(stem) > len(best)):
            best = stem.lower()
    return best


class _WordIndex:
    """Which texts hold a word (a run of word characters) beginning with given letters.

    For skipping the texts in which no cue can match: a text with a word that is not
    plain ASCII is always a candidate (case-insensitive matching there is more than
    lower case).
    """

    def __init__(self, texts: list[str]):
        runs, per_text = [], []
        for text in texts:
            found = _RUN.findall(text)
            runs += found
            per_text.append(len(found))
        self._text_of = np.repeat(np.arange(len(texts)), per_text)
        self._codes, uniques = pd.factorize(pd.Series(runs, dtype=object))
        uniques = uniques.tolist()
        self._always = np.array([not w.isascii() for w in uniques], dtype=bool)
        lowered = sorted((w.lower(), i) for i, w in enumerate(uniques) if w.isascii())
        self._sorted = [w for w, _ in lowered]
        self._sorted_codes = np.array([i for _, i in lowered], dtype=np.intp)

    def sentences_with(self, keys: list[str]) -> np.ndarray:
        """Positions (ascending) of the texts with a word starting with any of ``keys`` (lower-case ASCII)."""
        hit = self._always.copy()
        for key in set(keys):
            lo = bisect.bisect_left(self._sorted, key)
            hi = bisect.bisect_left(self._sorted, key + "\x7f", lo)
            hit[self._sorted_codes[lo:hi]] = True
        return np.unique(self._text_of[hit[self._codes]])


def aspect_mentions(sentences: pd.DataFrame, aspects: pd.DataFrame) -> pd.DataFrame:
    """Every cue of every aspect found in ``sentences``, located in the raw text.

    Each aspect is matched on its own, so one phrase can count for two aspects.

    Returns
    -------
    pandas.DataFrame
        ``sentence_id, article_id, outlet, aspect, cue, match, start, end``
        (raw-file offsets).

    Examples
    --------
    >>> from analysis.lexicons.actors import load_aspects
    >>> s = pd.DataFrame({"sentence_id": ["a-s001"], "article_id": "a", "outlet": "X", "start": 0,
    ...                   "text": ["Police reform and bias testing of AI."]})
    >>> aspect_mentions(s, load_aspects())[["aspect", "match"]]
                      aspect          match
    0  policy: police reform  Police reform
    1     bias testing of AI           bias
    2     bias testing of AI             AI
    """
    frames = []
    index = None
    for _, cues in aspects.groupby("aspect", sort=False):
        matcher = lexicon_matcher(cues, "aspect")
        keys = [_cue_key(t) for t in matcher.terms]
        subset = sentences
        if keys and None not in keys:
            # only the sentences where one of the aspect's cues may occur: the same rows, far faster
            if index is None:
                index = _WordIndex(sentences["text"].tolist())
            subset = sentences.iloc[index.sentences_with(keys)]
        found = find_terms(subset, matcher)
        frames.append(found.rename(columns={"key": "aspect"}))
    if not frames:
        return pd.DataFrame(columns=ASPECT_MENTION_COLUMNS)
    return pd.concat(frames, ignore_index=True)[ASPECT_MENTION_COLUMNS]


def aspect_coverage(mentions: pd.DataFrame, sentences: pd.DataFrame, *, aspects: pd.DataFrame | None = None) -> pd.DataFrame:
    """Which aspects each outlet covers, and how much of its text each gets.

    ``mentions`` is :func:`aspect_mentions` of ``sentences``. Pass ``aspects``
    (the lexicon) to list aspects no outlet covers as well. Text is counted in
    words (:func:`analysis.corpus.text.count_words` of the matching form).

    Returns
    -------
    pandas.DataFrame
        One row per outlet and aspect: ``outlet, aspect, covered`` (any cue
        found), ``sentences`` and ``sentence_share`` (sentences with a cue, and as
        a share of the outlet's sentences), ``words`` and ``word_share`` (the
        words of those sentences, and as a share of the outlet's words), ``cues``
        (the lexicon cues that fired, joined by ``"; "``).
    """
    words = sentences["text"].map(count_words)
    sent = sentences[["sentence_id", "outlet"]].assign(n_words=words.values)
    totals = sent.groupby("outlet").agg(n_sent=("sentence_id", "size"), n_words=("n_words", "sum"))
    names = list(dict.fromkeys(mentions["aspect"]))
    if aspects is not None:
        names = list(dict.fromkeys(list(aspects["aspect"]) + names))
    grid = pd.DataFrame({"outlet": sorted(totals.index)}).merge(pd.DataFrame({"aspect": names}), how="cross")
    hit = mentions[["sentence_id", "aspect"]].drop_duplicates().merge(sent, on="sentence_id")
    agg = hit.groupby(["outlet", "aspect"]).agg(sentences=("sentence_id", "size"), words=("n_words", "sum"))
    cues = mentions.groupby(["outlet", "aspect"])["cue"].agg(lambda s: "; ".join(sorted(set(s)))).rename("cues")
    out = grid.join(agg, on=["outlet", "aspect"]).join(cues, on=["outlet", "aspect"])
    out["sentences"] = out["sentences"].fillna(0).astype("int64")
    out["words"] = out["words"].fillna(0).astype("int64")
    out["covered"] = out["sentences"] > 0
    out["sentence_share"] = out["sentences"] / out["outlet"].map(totals["n_sent"])
    out["word_share"] = out["words"] / out["outlet"].map(totals["n_words"])
    out["cues"] = out["cues"].fillna("")
    return out[COVERAGE_COLUMNS].reset_index(drop=True)


def coverage_gaps(coverage: pd.DataFrame) -> pd.DataFrame:
    """Aspects that some outlets cover and others leave out.

    Returns
    -------
    pandas.DataFrame
        ``aspect, covered_by, missing_from`` (outlet names joined by ``", "``), one
        row per aspect covered by at least one outlet but not by all.

    Examples
    --------
    >>> cov = pd.DataFrame({"outlet": ["A", "B", "A", "B"], "aspect": ["x", "x", "y", "y"],
    ...                     "covered": [True, False, True, True]})
    >>> coverage_gaps(cov)
      aspect covered_by missing_from
    0      x          A            B
    """
    rows = []
    for aspect, g in coverage.groupby("aspect", sort=False):
        yes = sorted(g.loc[g["covered"], "outlet"])
        no = sorted(g.loc[~g["covered"], "outlet"])
        if yes and no:
            rows.append({"aspect": aspect, "covered_by": ", ".join(yes), "missing_from": ", ".join(no)})
    return pd.DataFrame(rows, columns=["aspect", "covered_by", "missing_from"])
