"""Tone, sentence by sentence: two lexicon instruments, their evidence, and comparisons with uncertainty.

Two instruments score every sentence:

* **TextBlob** (``polarity`` in [-1, 1], ``subjectivity`` in [0, 1]): the pattern
  lexicon of adjectives and adverbs, averaged over the words it knows, with
  intensifiers ("very") and negations ("not") applied to the next known word.
  It is called through ``textblob.en.sentiment``, the analyser behind
  ``TextBlob(text).sentiment``, which gives identical numbers without building a
  blob per sentence.
* **VADER** (``vader_compound`` in [-1, 1], and the ``vader_pos``, ``vader_neu``,
  ``vader_neg`` proportions), from the ``vaderSentiment`` package: a valence
  lexicon summed over words, with boosters, negations, "but" and capitals.

Before either instrument reads a sentence, spans that must not carry tone are
masked (:func:`mask_untoned`): numbers, bracketed dates and numbers, and proper
names. A masked span keeps its length and its word count, so offsets still
point into the sentence and VADER's word-count-based proportions are unchanged.

The evidence behind every score (:func:`sentiment_evidence`) is one row per
lexicon word that moved it, with the negations and intensifiers that changed its
weight. Comparisons (:func:`tone_summary`, :func:`tone_difference`,
:func:`targeted_tone`) report means with bootstrap intervals over sentences and
permutation tests, all from a fixed seed, for any number of outlets.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from itertools import combinations

import numpy as np
import pandas as pd

from analysis.matching import Term, TermMatcher
from analysis.corpus.text import to_raw_span
from analysis.stats.units import article_counts, require_article_ids, require_articles

__all__ = [
    "MEASURES",
    "THRESHOLD",
    "MIN_N",
    "N_BOOT",
    "SEED",
    "mask_untoned",
    "masked_spans",
    "score_sentences",
    "masking_effect",
    "split_by_voice",
    "sentiment_evidence",
    "label_tone",
    "tone_summary",
    "tone_difference",
    "targeted_tone",
    "instrument_agreement",
    "label_crosstab",
    "extreme_sentences",
    "plot_tone_distribution",
    "plot_tone_means",
    "plot_targeted_tone",
]

#: The headline measure of each instrument, with the name used in tables and figures.
MEASURES = {"polarity": "TextBlob polarity", "vader_compound": "VADER compound"}
#: A sentence is positive when its score is >= THRESHOLD, negative when <= -THRESHOLD,
#: neutral otherwise: the cut-off VADER's authors recommend for the compound score,
#: used for TextBlob's polarity too so that both instruments label on the same scale.
THRESHOLD = 0.05
#: Groups with fewer sentences than this are flagged ``small_n``: a bootstrap
#: interval over so few values understates the uncertainty.
MIN_N = 10
#: Bootstrap resamples behind every interval (percentile intervals at 95%).
N_BOOT = 2000
#: The fixed seed for every bootstrap and permutation (the date of IBM's letter).
SEED = 20200608

TONE_COLUMNS = ["polarity", "subjectivity", "vader_compound", "vader_pos", "vader_neu", "vader_neg"]
EVIDENCE_COLUMNS = [
    "sentence_id", "article_id", "outlet", "method", "cue", "words", "modifiers",
    "lexicon_score", "score", "subjectivity", "label", "start", "end",
]
MASK_COLUMNS = ["sentence_id", "article_id", "outlet", "rule", "match", "start", "end"]
LABELS = ("negative", "neutral", "positive")

# --- Masking --------------------------------------------------------------------------------

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
    ``analysis.emphasis.load_actors()``."""
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
       (``analysis.emphasis.load_actors()``) so that the words naming an actor
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


def _check_columns(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(f"{what}: missing column(s) {', '.join(missing)}; has {', '.join(map(str, table.columns))}")


def _to_file_offsets(row, a: int, b: int) -> tuple[int, int]:
    """Offsets of ``text[a:b]`` in the raw file when the row has ``start``/``edits``, else in ``text``."""
    if "start" not in row or pd.isna(row["start"]):
        return a, b
    edits = row["edits"] if "edits" in row else ""
    ra, rb = to_raw_span(edits if isinstance(edits, str) else "", a, b)
    return int(row["start"]) + ra, int(row["start"]) + rb


def _records(table: pd.DataFrame) -> list[dict]:
    """The rows as plain dicts (a fraction of the cost of ``iterrows``), missing values as ``None``/NaN."""
    return table.to_dict("records")


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


# --- Scoring --------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _textblob():
    """TextBlob's English pattern analyser (the object ``TextBlob.sentiment`` ends up calling)."""
    from textblob.en import sentiment

    return sentiment


@lru_cache(maxsize=1)
def _vader():
    """VADER's analyser, with :meth:`polarity_scores` computed by :func:`_vader_fast_scores`."""
    from vaderSentiment import vaderSentiment as vs

    class _Analyser(vs.SentimentIntensityAnalyzer):
        def __init__(self):
            super().__init__()
            # The package compares the sentence character by character with the emoji table.
            self._emoji_chars = frozenset(e for e in self.emojis if len(e) == 1)

        def _emoji_free(self, text: str) -> bool:
            return self._emoji_chars.isdisjoint(text)

        def polarity_scores(self, text):
            return _vader_fast_scores(self, text)

    return _Analyser()


@lru_cache(maxsize=1)
def _vader_tables():
    from vaderSentiment import vaderSentiment as vs

    return vs, frozenset(vs.NEGATE)


@lru_cache(maxsize=65536)
def _vader_negates(word_lower: str) -> bool:
    """``vaderSentiment.negated([word_lower])``: the package lowers the word once more before looking."""
    _, negations = _vader_tables()
    again = word_lower.lower()
    return again in negations or "n't" in again


def _vader_fast_scores(analyser, text: str) -> dict:
    """``SentimentIntensityAnalyzer.polarity_scores(text)``, the same rules in the same order.

    The package lowers every word of the sentence again for each of up to three
    checks per lexicon word and rebuilds the same strings for each; here the words
    are lowered once and a sentence without emoji skips the character-by-character
    copy. The contrastive "but" and the final scoring are the package's own code.
    Tested equal (floats with ==) on every sentence of the corpora and on generated
    strings in ``tests/test_sentiment.py``.
    """
    vs, _ = _vader_tables()
    if not analyser._emoji_free(text):
        return vs.SentimentIntensityAnalyzer.polarity_scores(analyser, text)
    text = text.strip()
    words = [vs.SentiText._strip_punc_if_word(w) for w in text.split()]
    is_cap_diff = vs.allcap_differential(words)
    lower = [w.lower() for w in words]
    lexicon, boosters, special = analyser.lexicon, vs.BOOSTER_DICT, vs.SPECIAL_CASES
    n = len(words)
    sentiments: list = []
    for i, item in enumerate(words):
        low = lower[i]
        if low in boosters or (i < n - 1 and low == "kind" and lower[i + 1] == "of"):
            sentiments.append(0)
            continue
        if low not in lexicon:
            sentiments.append(0)
            continue
        valence = lexicon[low]
        if low == "no" and i != n - 1 and lower[i + 1] in lexicon:
            valence = 0.0
        if (i > 0 and lower[i - 1] == "no") or (i > 1 and lower[i - 2] == "no") or (
            i > 2 and lower[i - 3] == "no" and lower[i - 1] in ("or", "nor")
        ):
            valence = lexicon[low] * vs.N_SCALAR
        if item.isupper() and is_cap_diff:
            valence = valence + vs.C_INCR if valence > 0 else valence - vs.C_INCR
        for back in range(3):
            if i <= back:
                continue
            j = i - (back + 1)
            if lower[j] in lexicon:
                continue
            # The booster rule (vaderSentiment.scalar_inc_dec) for the word `back + 1` places before.
            scalar = 0.0
            if lower[j] in boosters:
                scalar = boosters[lower[j]]
                if valence < 0:
                    scalar *= -1
                if words[j].isupper() and is_cap_diff:
                    scalar = scalar + vs.C_INCR if valence > 0 else scalar - vs.C_INCR
            if back == 1 and scalar != 0:
                scalar = scalar * 0.95
            if back == 2 and scalar != 0:
                scalar = scalar * 0.9
            valence = valence + scalar
            # The negation rule (SentimentIntensityAnalyzer._negation_check).
            if back == 0:
                if _vader_negates(lower[i - 1]):
                    valence = valence * vs.N_SCALAR
            elif back == 1:
                if lower[i - 2] == "never" and (lower[i - 1] == "so" or lower[i - 1] == "this"):
                    valence = valence * 1.25
                elif lower[i - 2] == "without" and lower[i - 1] == "doubt":
                    pass
                elif _vader_negates(lower[i - 2]):
                    valence = valence * vs.N_SCALAR
            else:
                if (lower[i - 3] == "never" and (lower[i - 2] == "so" or lower[i - 2] == "this")) or (
                    lower[i - 1] == "so" or lower[i - 1] == "this"
                ):
                    valence = valence * 1.25
                elif lower[i - 3] == "without" and (lower[i - 2] == "doubt" or lower[i - 1] == "doubt"):
                    pass
                elif _vader_negates(lower[i - 3]):
                    valence = valence * vs.N_SCALAR
                # The idiom rule (SentimentIntensityAnalyzer._special_idioms_check).
                w3, w2, w1, w0 = lower[i - 3], lower[i - 2], lower[i - 1], low
                three_two_one = f"{w3} {w2} {w1}"
                three_two = f"{w3} {w2}"
                two_one = f"{w2} {w1}"
                for seq in (f"{w1} {w0}", f"{w2} {w1} {w0}", two_one, three_two_one, three_two):
                    if seq in special:
                        valence = special[seq]
                        break
                if n - 1 > i:
                    seq = f"{w0} {lower[i + 1]}"
                    if seq in special:
                        valence = special[seq]
                if n - 1 > i + 1:
                    seq = f"{w0} {lower[i + 1]} {lower[i + 2]}"
                    if seq in special:
                        valence = special[seq]
                for seq in (three_two_one, three_two, two_one):
                    if seq in boosters:
                        valence = valence + boosters[seq]
        # The "least" rule (SentimentIntensityAnalyzer._least_check).
        if i > 1 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
            if lower[i - 2] != "at" and lower[i - 2] != "very":
                valence = valence * vs.N_SCALAR
        elif i > 0 and lower[i - 1] not in lexicon and lower[i - 1] == "least":
            valence = valence * vs.N_SCALAR
        sentiments.append(valence)
    sentiments = analyser._but_check(words, sentiments)
    return analyser.score_valence(sentiments, text)


@lru_cache(maxsize=1)
def _textblob_tables():
    """TextBlob's lexicon as a plain dict (loaded), and its emoticons by lower-case form."""
    from textblob import _text as tt

    analyser = _textblob()
    len(analyser)  # the lexicon loads on first use
    emoticons: dict[str, float] = {}
    for (_, polarity), forms in tt.EMOTICONS.items():
        for form in forms:
            emoticons.setdefault(form.lower(), polarity)
    return tt, analyser, dict(analyser), emoticons


def _textblob_assessments(words: list[str]) -> list[tuple]:
    """``textblob.en.sentiment.assessments(((w, None) for w in words))``, the same steps on plain data.

    The package reaches its lexicon through a lazily loading dict on every lookup,
    keeps each assessment as a dict, and lowers every emoticon of its table for each
    short token; here the lexicon is a plain dict, assessments are lists, and the
    emoticons are lowered once (the first face in the table's order wins, as in the
    loop over it).
    """
    tt, analyser, lexicon, emoticons = _textblob_tables()
    negations, modifiers, is_modifier = analyser.negations, analyser.modifiers, analyser.modifier
    labels, punctuation = analyser.labeler, tt.PUNCTUATION
    a: list[list] = []  # [words, polarity, subjectivity, intensity, negated, label]
    m = None  # the preceding modifier
    n = None  # the preceding negation
    for w in words:
        entry = lexicon.get(w)
        if entry is not None and None in entry:
            p, s, i = entry[None]
            if m is None:
                a.append([[w], p, s, i, 1, labels.get(w)])
            else:
                last = a[-1]
                last[0].append(w)
                last[1] = max(-1.0, min(p * last[3], +1.0))
                last[2] = max(-1.0, min(s * last[3], +1.0))
                last[3] = i
                last[5] = labels.get(w)
            if n is not None:
                last = a[-1]
                last[0].insert(0, n)
                last[3] = 1.0 / last[3]
                last[4] = -1
            m = None
            n = None
            if any(map(entry.__contains__, modifiers)):
                m = w
            if w in negations:
                n = w
        else:
            if w in negations:
                n = w
            elif n and len(w.strip("'")) > 1:
                n = None
            if n is not None and m is not None and (None in modifiers or is_modifier(m)):
                a[-1][0].append(n)
                a[-1][4] = -1
                n = None
            elif m and len(w) > 2:
                m = None
            if w == "!" and len(a) > 0:
                a[-1][0].append("!")
                a[-1][1] = max(-1.0, min(a[-1][1] * 1.25, +1.0))
            if w == "(!)":
                a.append([[w], 0.0, 1.0, 1.0, 1, tt.IRONY])
            if w.isalpha() is False and len(w) <= 5 and w not in punctuation:
                face = emoticons.get(w)
                if face is not None:
                    a.append([[w], face, 1.0, 1.0, 1, tt.MOOD])
    return [(w, p * -0.5 if neg < 0 else p, s, x) for w, p, s, _, neg, x in a]


@lru_cache(maxsize=1)
def _textblob_token_rules():
    from textblob import _text as tt

    leading = tuple(tt.PUNCTUATION.replace(".", ""))
    return tt, leading, leading + (".",), tuple(tt.replacements.items()), re.compile(r"\n{2,}")


@lru_cache(maxsize=200_000)
def _textblob_split_token(t: str) -> tuple[str, ...]:
    """The tokens ``textblob._text.find_tokens`` makes of one whitespace-separated token."""
    tt, leading, trailing, _, _ = _textblob_token_rules()
    replace, abbreviations = tt.replacements, tt.ABBREVIATIONS
    out, tail = [], []
    while t.startswith(leading) and t not in replace:
        out.append(t[0])
        t = t[1:]
    while t.endswith(trailing) and t not in replace:
        if t.endswith(leading):
            tail.append(t[-1])
            t = t[:-1]
        if t.endswith("..."):
            tail.append("...")
            t = t[:-3].rstrip(".")
        if t.endswith("."):
            if (
                t in abbreviations
                or tt.RE_ABBR1.match(t) is not None
                or tt.RE_ABBR2.match(t) is not None
                or tt.RE_ABBR3.match(t) is not None
            ):
                break
            tail.append(t[-1])
            t = t[:-1]
    if t != "":
        out.append(t)
    out.extend(reversed(tail))
    return tuple(out)


_SENTENCE_ENDS = frozenset(("...", ".", "!", "?"))
_SENTENCE_TAIL = frozenset(("'", '"', "\u201d", "\u2019", "...", ".", "!", "?", ")"))


def _textblob_tokens(string: str) -> list[str]:
    """``" ".join(textblob.en.parser.find_tokens(string)).split()``, with each token's split cached.

    The same steps as the package's tokenizer: contractions and quotes spaced out,
    whitespace collapsed, leading and trailing punctuation split from each token
    (abbreviations and ellipses kept), tokens grouped into sentences, and the
    sarcasm mark and emoticons joined back within each sentence.
    """
    tt, _, _, replacements, linebreak = _textblob_token_rules()
    for a, b in replacements:
        string = string.replace(a, b)  # literal patterns: re.sub(a, b, s) in the package
    string = (
        string.replace("\u201c", " \u201c ").replace("\u201d", " \u201d ").replace("\u2018", " \u2018 ")
        .replace("\u2019", " \u2019 ").replace("'", " ' ").replace('"', ' " ')
    )
    string = string.replace("\r\n", "\n")
    eos = tt.EOS
    if "\n\n" in string:
        string = linebreak.sub(f" {eos} ", string)
    tokens: list[str] = []
    for t in string.split():
        tokens.extend(_textblob_split_token(t))
    sentences, i, j, n = [[]], 0, 0, len(tokens)
    while j < n:
        if tokens[j] in _SENTENCE_ENDS or tokens[j] == eos:
            while j < n and (tokens[j] in _SENTENCE_TAIL or tokens[j] == eos):
                if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                    break
                j += 1
            sentences[-1].extend(t for t in tokens[i:j] if t != eos)
            sentences.append([])
            i = j
        j += 1
    sentences[-1].extend(tokens[i:j])
    words: list[str] = []
    for sentence in sentences:
        if not sentence:
            continue
        joined = " ".join(sentence)
        if "(" in joined:
            joined = tt.RE_SARCASM.sub("(!)", joined)
        joined = tt.RE_EMOTICONS.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), joined)
        words.extend(joined.split())
    return words


@lru_cache(maxsize=1)
def _textblob_default_tokenizer() -> bool:
    """Whether the analyser tokenizes with the English parser's ``find_tokens`` that :func:`_textblob_tokens` mirrors."""
    tt, analyser, _, _ = _textblob_tables()
    return getattr(analyser.tokenizer, "__func__", None) is tt.Parser.find_tokens


def _textblob_scores(text: str):
    """``(polarity, subjectivity)`` with ``.assessments``; equal to ``TextBlob(text).sentiment``.

    :func:`_textblob_tokens` (the package's tokenizer, each token's split cached),
    :func:`_textblob_assessments` and the same averages as ``textblob.en.sentiment(text)``. Tested equal (floats with ==, and
    the assessments) in ``tests/test_sentiment.py``.
    """
    tt, analyser, _, _ = _textblob_tables()
    if _textblob_default_tokenizer():
        words = _textblob_tokens(str(text))
    else:
        words = " ".join(analyser.tokenizer(text)).split()
    a = _textblob_assessments([w.lower() for w in words])
    p_sum, s_sum, count = 0, 0, 0
    for _, p, s, _ in a:
        p_sum += 1 * p
        s_sum += 1 * s
        count += 1
    return tt.Score(
        polarity=p_sum / float(count or 1), subjectivity=s_sum / float(count or 1), assessments=a
    )


def score_sentences(
    sentences: pd.DataFrame,
    *,
    methods: Sequence[str] = ("textblob", "vader"),
    mask: bool = True,
    names=(),
) -> pd.DataFrame:
    """Score the tone of every sentence with TextBlob and VADER.

    ``sentences`` needs a ``text`` column (the corpus's matching form); every other
    column is kept. Unless ``mask=False``, the spans :func:`mask_untoned` finds
    (numbers, bracketed dates and numbers, proper names and ``names``) are masked
    first.

    Returns
    -------
    DataFrame
        ``sentences`` with ``scored_text`` (what the instruments read) and, for
        ``"textblob"``, ``polarity`` and ``subjectivity``; for ``"vader"``,
        ``vader_compound``, ``vader_pos``, ``vader_neu`` and ``vader_neg``.

    Examples
    --------
    >>> s = pd.DataFrame({"text": ["A fair and peaceful protest.", "Rep. Karen Bass wrote (June 8)."]})
    >>> score_sentences(s)[["polarity", "vader_compound"]].round(3)
       polarity  vader_compound
    0     0.475           0.542
    1     0.000           0.000
    """
    _check_columns(sentences, ["text"], "sentences")
    unknown = set(methods) - {"textblob", "vader"}
    if unknown:
        raise ValueError(f"methods: unknown instrument(s) {sorted(unknown)}; use 'textblob' and/or 'vader'")
    matcher = _name_matcher(names)
    out = sentences.copy()
    texts = out["text"].tolist()
    if mask:
        texts = [_apply_mask(t, spans) if spans else t for t, spans in ((t, _find_untoned(t, matcher)) for t in texts)]
    out["scored_text"] = texts
    if "textblob" in methods:
        scores = [_textblob_scores(t) for t in texts]
        out["polarity"] = [float(p) for p, _ in scores]
        out["subjectivity"] = [float(s) for _, s in scores]
    if "vader" in methods:
        vader = _vader()
        scores = [vader.polarity_scores(t) for t in texts]
        for key in ("compound", "pos", "neu", "neg"):
            out[f"vader_{key}"] = [float(s[key]) for s in scores]
    return out


def masking_effect(sentences: pd.DataFrame, *, names=(), scored: pd.DataFrame | None = None) -> pd.DataFrame:
    """The sentences whose tone changes when untoned spans are masked, and by how much.

    ``scored`` may pass in ``score_sentences(sentences, names=names)`` when it is at hand,
    so the masked scores are not computed twice (its rows must be those of ``sentences``).

    Returns a table with columns ``sentence_id, outlet, measure, unmasked, masked,
    masked_spans`` (the spans removed, ``"; "``-joined), one row per sentence and
    measure of :data:`MEASURES` whose score changed.

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["a-s001"], "article_id": ["a"], "outlet": ["X"],
    ...                   "text": ["He spoke on Monday (June 8) to the press."]})
    >>> masking_effect(s)[["measure", "unmasked", "masked", "masked_spans"]]
              measure  unmasked  masked      masked_spans
    0        polarity    0.5000     0.0  Monday; (June 8)
    1  vader_compound    0.4404     0.0  Monday; (June 8)
    """
    names = _as_terms(names)
    matcher = _matcher(names)
    before = score_sentences(sentences, mask=False)
    if scored is None:
        after = score_sentences(sentences, names=names)
    else:
        _check_columns(scored, list(MEASURES), "scored")
        same = len(scored) == len(sentences) and (
            "sentence_id" not in sentences.columns or "sentence_id" not in scored.columns
            or scored["sentence_id"].tolist() == sentences["sentence_id"].tolist())
        if not same:
            raise ValueError("scored: its rows are not the sentences' rows, in order; pass score_sentences(sentences)")
        after = scored
    texts = sentences["text"].tolist()
    ids = sentences["sentence_id"].tolist() if "sentence_id" in sentences.columns else [None] * len(texts)
    outlets = sentences["outlet"].tolist() if "outlet" in sentences.columns else [None] * len(texts)
    unmasked = {m: before[m].to_numpy(float) for m in MEASURES}
    masked = {m: after[m].to_numpy(float) for m in MEASURES}
    changed = np.zeros(len(texts), dtype=bool)
    for m in MEASURES:
        changed |= ~np.isclose(unmasked[m], masked[m], rtol=0, atol=1e-12)
    rows = []
    for i in np.flatnonzero(changed):
        spans = "; ".join(texts[i][a:b] for a, b, _ in _find_untoned(texts[i], matcher))
        for measure in MEASURES:
            u, m = unmasked[measure][i], masked[measure][i]
            if not math.isclose(u, m, abs_tol=1e-12):
                rows.append([ids[i], outlets[i], measure, float(u), float(m), spans])
    return pd.DataFrame(rows, columns=["sentence_id", "outlet", "measure", "unmasked", "masked", "masked_spans"])


# --- Quoted and unquoted text -------------------------------------------------------------------

VOICE_COLUMNS = ["sentence_id", "article_id", "outlet", "segment_no", "voice", "text"]


def split_by_voice(sentences: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Cut every sentence into runs of quoted and unquoted text, so each can be scored on its own.

    A quoted speaker's tone is not the outlet's. ``quotes`` gives the quoted
    spans as raw-file offsets ``start``/``end`` per ``article_id`` (the output of
    ``analysis.emphasis.extract_quotes``); ``sentences`` needs the corpus columns
    ``sentence_id, article_id, outlet, text, start`` and ``edits``. Quote marks
    fall outside the quoted spans and are trimmed from the runs' ends; runs with
    no letter or digit (a lone ``."``) are dropped.

    Returns a table with columns ``sentence_id, article_id, outlet, segment_no,
    voice`` (``"quoted"`` or ``"unquoted"``) and ``text`` (the run, in matching
    form, stripped), one row per run in text order. Score it with
    :func:`score_sentences` and compare with ``tone_summary(..., by=["outlet", "voice"])``.

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["a-s001"], "article_id": ["a"], "outlet": ["X"],
    ...                   "text": ['He said "this is awful" today.'], "start": [0], "edits": [""]})
    >>> q = pd.DataFrame({"article_id": ["a"], "start": [9], "end": [22]})
    >>> split_by_voice(s, q)[["segment_no", "voice", "text"]]
       segment_no     voice           text
    0           1  unquoted        He said
    1           2    quoted  this is awful
    2           3  unquoted         today.
    """
    _check_columns(sentences, ["sentence_id", "article_id", "outlet", "text", "start"], "sentences")
    _check_columns(quotes, ["article_id", "start", "end"], "quotes")
    spans = {a: list(zip(g["start"], g["end"])) for a, g in quotes.groupby("article_id")}
    rows = []
    for row in sentences.to_dict("records"):
        text, base = row["text"], int(row["start"])
        edits = row.get("edits", "")
        edits = edits if isinstance(edits, str) else ""
        # only the quotations that overlap the sentence's raw range can hold one of its characters
        lo, hi = to_raw_span(edits, 0, len(text))
        near = [(a, b) for a, b in spans.get(row["article_id"], ()) if a < base + hi and b > base + lo]
        if near:
            inside = []
            for k in range(len(text)):
                pos = base + to_raw_span(edits, k, k + 1)[0]
                inside.append(any(a <= pos < b for a, b in near))
        else:
            inside = [False] * len(text)
        runs, k = [], 0
        while k < len(text):
            j = k
            while j < len(text) and inside[j] == inside[k]:
                j += 1
            runs.append((inside[k], text[k:j]))
            k = j
        number = 0
        for quoted, piece in runs:
            piece = piece.strip().strip("\"',").strip()
            if not any(ch.isalnum() for ch in piece):
                continue
            number += 1
            rows.append([row["sentence_id"], row["article_id"], row["outlet"], number,
                         "quoted" if quoted else "unquoted", piece])
    return pd.DataFrame(rows, columns=VOICE_COLUMNS)


# --- Evidence -------------------------------------------------------------------------------


def _locate(text_lower: str, token: str, cursor: int) -> tuple[int, int] | None:
    pattern = re.escape(token)
    if token[:1].isalnum():
        pattern = r"(?<![\w])" + pattern
    if token[-1:].isalnum():
        pattern = pattern + r"(?![\w])"
    m = re.compile(pattern).search(text_lower, cursor)
    return (m.start(), m.end()) if m else None


def _textblob_evidence(text: str) -> list[dict]:
    analyser = _textblob()
    score = _textblob_scores(text)
    lower = text.lower()
    rows, cursor = [], 0
    for words, p, s, label in score.assessments:
        core = [w for w in words if w != "!"]
        negations = [w for w in core if w in analyser.negations]
        known = [w for w in core if w not in analyser.negations] or core
        cue = known[-1]
        entry = dict.get(analyser, cue)
        lexicon_score = float(entry[None][0]) if entry and None in entry else float(p)
        first = _locate(lower, core[0], cursor) if core else None
        last = _locate(lower, cue, first[0] if first else cursor)
        if first and last:
            start, end = first[0], last[1]
            cursor = last[1]
        else:
            start = end = None
        rows.append(
            {
                "method": "textblob",
                "cue": cue,
                "words": " ".join(words),
                "modifiers": " ".join(w for w in words if w != cue),
                "lexicon_score": lexicon_score,
                "score": float(p),
                "subjectivity": float(s),
                "label": label or "",
                "start": start,
                "end": end,
            }
        )
    return rows


def _vader_valences(text: str):
    """VADER's per-word valences for ``text``: ``(words, valences, offsets, scores)``.

    Repeats the steps of ``SentimentIntensityAnalyzer.polarity_scores`` and keeps
    the list of valences it sums; ``scores`` equals ``polarity_scores(text)``.
    """
    from vaderSentiment import vaderSentiment as vs

    analyser = _vader()
    converted, prev_space = [], True
    for ch in text:
        if ch in analyser.emojis:
            if not prev_space:
                converted.append(" ")
            converted.append(analyser.emojis[ch])
            prev_space = False
        else:
            converted.append(ch)
            prev_space = ch == " "
    converted = "".join(converted).strip()
    sentitext = vs.SentiText(converted)
    words = sentitext.words_and_emoticons
    valences: list[float] = []
    for i, item in enumerate(words):
        if item.lower() in vs.BOOSTER_DICT or (
            i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of"
        ):
            valences.append(0)
            continue
        valences = analyser.sentiment_valence(0, sentitext, item, i, valences)
    valences = analyser._but_check(words, valences)
    scores = analyser.score_valence(valences, converted)
    offsets: list[tuple[int, int] | None] = []
    if converted == text:
        for m, word in zip(re.finditer(r"\S+", text), words):
            k = m.group().find(word)
            offsets.append((m.start() + k, m.start() + k + len(word)) if k >= 0 else None)
    else:
        offsets = [None] * len(words)
    return words, valences, offsets, scores


def _vader_evidence(text: str) -> list[dict]:
    from vaderSentiment import vaderSentiment as vs

    analyser = _vader()
    words, valences, offsets, _ = _vader_valences(text)
    lower = [w.lower() for w in words]
    but = lower.index("but") if "but" in lower else None
    rows = []
    for i, (word, valence) in enumerate(zip(words, valences)):
        if lower[i] not in analyser.lexicon or lower[i] in vs.BOOSTER_DICT:
            continue
        before = []
        for j in range(max(0, i - 3), i):
            if lower[j] in analyser.lexicon:
                continue
            if lower[j] in vs.BOOSTER_DICT or vs.negated([lower[j]]):
                before.append(words[j])
        modifiers = list(before)
        if but is not None and i != but:
            modifiers.append("(before 'but')" if i < but else "(after 'but')")
        span = offsets[i]
        rows.append(
            {
                "method": "vader",
                "cue": lower[i],
                "words": " ".join(before + [word]),
                "modifiers": " ".join(modifiers),
                "lexicon_score": float(analyser.lexicon[lower[i]]),
                "score": float(valence),
                "subjectivity": np.nan,
                "label": "",
                "start": span[0] if span else None,
                "end": span[1] if span else None,
            }
        )
    return rows


def sentiment_evidence(
    sentences: pd.DataFrame,
    *,
    methods: Sequence[str] = ("textblob", "vader"),
    mask: bool = True,
    names=(),
) -> pd.DataFrame:
    """The words behind every score: one row per lexicon word that an instrument counted.

    Runs on the same masked text as :func:`score_sentences` (same ``mask`` and
    ``names``), so a masked name never appears as evidence.

    Returns a table with columns

    - ``sentence_id, article_id, outlet``;
    - ``method``: ``"textblob"`` or ``"vader"``;
    - ``cue``: the lexicon entry (lower case), or an emoticon;
    - ``words``: the cue with the negations and intensifiers that changed it, in
      text order (``"not very good"``);
    - ``modifiers``: those words alone, plus for VADER whether the word stands
      before (x0.5) or after (x1.5) a contrastive "but";
    - ``lexicon_score``: the cue's score in the lexicon (TextBlob polarity in
      [-1, 1]; VADER valence in [-4, 4]);
    - ``score``: what the word contributed after the modifiers, on the same scale;
      TextBlob's ``polarity`` is the mean of these, VADER's ``compound`` a
      normalised sum;
    - ``subjectivity`` (TextBlob only) and ``label`` (TextBlob's ``mood`` for an
      emoticon, ``irony`` for ``(!)``);
    - ``start, end``: offsets in the raw file when ``sentences`` has ``start`` and
      ``edits``, otherwise in ``text``.

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["a-s001"], "article_id": ["a"], "outlet": ["X"],
    ...                   "text": ["The plan is not very good."]})
    >>> sentiment_evidence(s)[["method", "cue", "words", "lexicon_score", "score"]].round(3)
         method   cue          words  lexicon_score  score
    0  textblob  good  not very good            0.7 -0.269
    1     vader  good  not very good            1.9 -1.623
    """
    _check_columns(sentences, ["sentence_id", "article_id", "outlet", "text"], "sentences")
    matcher = _name_matcher(names)
    rows = []
    for row in _records(sentences):
        text = row["text"]
        if mask:
            spans = _find_untoned(text, matcher)
            text = _apply_mask(text, spans) if spans else text
        found = []
        if "textblob" in methods:
            found += _textblob_evidence(text)
        if "vader" in methods:
            found += _vader_evidence(text)
        for f in found:
            if f["start"] is not None:
                f["start"], f["end"] = _to_file_offsets(row, f["start"], f["end"])
            rows.append({"sentence_id": row["sentence_id"], "article_id": row["article_id"], "outlet": row["outlet"], **f})
    out = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
    out["start"] = out["start"].astype("Int64")
    out["end"] = out["end"].astype("Int64")
    return out


# --- Labels and agreement ----------------------------------------------------------------------


def _labels(values, threshold: float) -> np.ndarray:
    v = np.asarray(values, dtype=float)
    return np.where(v >= threshold, "positive", np.where(v <= -threshold, "negative", "neutral"))


def label_tone(scored: pd.DataFrame, *, threshold: float = THRESHOLD) -> pd.DataFrame:
    """Add a ``<measure>_label`` column (negative / neutral / positive) for each measure present.

    Positive is a score ``>= threshold``, negative ``<= -threshold``.

    >>> label_tone(pd.DataFrame({"polarity": [0.3, 0.0, -0.05]}))["polarity_label"].tolist()
    ['positive', 'neutral', 'negative']
    """
    out = scored.copy()
    for measure in MEASURES:
        if measure in out.columns:
            out[f"{measure}_label"] = pd.Categorical(_labels(out[measure], threshold), categories=LABELS)
    return out


def _correlation(x: np.ndarray, y: np.ndarray) -> float:
    if len(x) < 2 or np.std(x) == 0 or np.std(y) == 0:
        return float("nan")
    return float(np.corrcoef(x, y)[0, 1])


def _ranks(x: np.ndarray) -> np.ndarray:
    return pd.Series(x).rank(method="average").to_numpy()


def instrument_agreement(
    scored: pd.DataFrame, *, by: str | None = "outlet", threshold: float = THRESHOLD
) -> pd.DataFrame:
    """How far TextBlob and VADER agree, per group and over all sentences.

    Returns one row per group (and a last row ``"all"``) with ``n``,
    ``pearson`` and ``spearman`` (correlation of ``polarity`` with
    ``vader_compound``; NaN when either is constant), ``same_label`` (share of
    sentences both instruments label alike at ``threshold``) and ``kappa``
    (Cohen's kappa of those labels: agreement beyond chance).

    >>> s = pd.DataFrame({"outlet": ["A", "A", "B"], "polarity": [0.5, -0.2, 0.0],
    ...                   "vader_compound": [0.6, 0.0, 0.0]})
    >>> instrument_agreement(s)[["outlet", "n", "same_label"]]
      outlet  n  same_label
    0      A  2    0.500000
    1      B  1    1.000000
    2    all  3    0.666667
    """
    _check_columns(scored, ["polarity", "vader_compound"] + ([by] if by else []), "scored")
    groups = [(g, part) for g, part in scored.groupby(by, sort=True)] if by else []
    groups.append(("all", scored))
    rows = []
    for g, part in groups:
        x = part["polarity"].to_numpy(float)
        y = part["vader_compound"].to_numpy(float)
        lx, ly = _labels(x, threshold), _labels(y, threshold)
        po = float(np.mean(lx == ly)) if len(x) else float("nan")
        pe = sum(float(np.mean(lx == lab)) * float(np.mean(ly == lab)) for lab in LABELS) if len(x) else float("nan")
        kappa = (po - pe) / (1 - pe) if len(x) and pe < 1 else float("nan")
        rows.append(
            {
                by or "group": g,
                "n": len(x),
                "pearson": _correlation(x, y),
                "spearman": _correlation(_ranks(x), _ranks(y)),
                "same_label": po,
                "kappa": kappa,
            }
        )
    return pd.DataFrame(rows)


def label_crosstab(scored: pd.DataFrame, *, threshold: float = THRESHOLD) -> pd.DataFrame:
    """Counts of sentences by TextBlob label (rows) and VADER label (columns), all labels shown.

    >>> s = pd.DataFrame({"polarity": [0.5, -0.2, 0.0], "vader_compound": [0.6, 0.0, 0.0]})
    >>> label_crosstab(s)
    VADER     negative  neutral  positive
    TextBlob                             
    negative         0        1         0
    neutral          0        1         0
    positive         0        0         1
    """
    _check_columns(scored, ["polarity", "vader_compound"], "scored")
    t = pd.Categorical(_labels(scored["polarity"], threshold), categories=LABELS)
    v = pd.Categorical(_labels(scored["vader_compound"], threshold), categories=LABELS)
    table = pd.crosstab(pd.Series(t, name="TextBlob"), pd.Series(v, name="VADER"), dropna=False)
    return table.reindex(index=list(LABELS), columns=list(LABELS), fill_value=0)


# --- Aggregation with uncertainty --------------------------------------------------------------


#: Resamples and permutations are drawn this many values at a time (2 MB of indices), so
#: memory stays bounded whatever the number of sentences. The generator hands out the
#: same stream whether the draws come in one block or in several, and every row is
#: reduced on its own, so the results do not depend on this size.
_CHUNK_VALUES = 1 << 18


def _row_chunks(n_rows: int, width: int):
    """Sizes of consecutive blocks of ``n_rows`` rows of ``width`` values, each about ``_CHUNK_VALUES``."""
    step = max(1, _CHUNK_VALUES // max(width, 1))
    for lo in range(0, n_rows, step):
        yield min(step, n_rows - lo)


def _bootstrap_means(values: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Means of ``n_boot`` resamples of ``values``, drawn in blocks of rows (bounded memory).

    Equal to ``values[rng.integers(0, n, size=(n_boot, n))].mean(axis=1)`` drawn at once.
    """
    n = len(values)
    means = np.empty(n_boot)
    lo = 0
    for k in _row_chunks(n_boot, n):
        means[lo : lo + k] = values[rng.integers(0, n, size=(k, n))].mean(axis=1)
        lo += k
    return means


def _bootstrap_ratios(sums: np.ndarray, counts: np.ndarray, n_boot: int, rng: np.random.Generator) -> np.ndarray:
    """Pooled means of ``n_boot`` resamples of whole units (articles): each unit brings its
    sum of scores and its number of sentences, and a resample's mean is the sum of the
    sums over the sum of the counts."""
    m = len(sums)
    means = np.empty(n_boot)
    lo = 0
    for k in _row_chunks(n_boot, m):
        picks = rng.integers(0, m, size=(k, m))
        means[lo : lo + k] = sums[picks].sum(axis=1) / counts[picks].sum(axis=1)
        lo += k
    return means


_UNITS = ("sentence", "article")


def _check_unit(unit: str, table: pd.DataFrame) -> None:
    if unit not in _UNITS:
        raise ValueError(f"unit must be 'sentence' or 'article', not {unit!r}")
    require_article_ids(table, unit, "scored")


def _article_totals(part: pd.DataFrame, measure: str) -> tuple[np.ndarray, np.ndarray]:
    """Each article's sum of ``measure`` over its scored sentences, and how many there are."""
    g = part.loc[part[measure].notna(), ["article_id", measure]].groupby("article_id", sort=True)[measure]
    return g.sum().to_numpy(float), g.count().to_numpy(float)


def _interval(draws: np.ndarray, ci: float) -> tuple[float, float]:
    lo, hi = np.quantile(draws, [(1 - ci) / 2, 1 - (1 - ci) / 2])
    return float(lo), float(hi)


def _measures(scored: pd.DataFrame, measures) -> list[str]:
    measures = list(measures)
    _check_columns(scored, measures, "scored")
    return measures


def tone_summary(
    scored: pd.DataFrame,
    *,
    by: str | Sequence[str] = "outlet",
    measures: Iterable[str] = tuple(MEASURES),
    threshold: float = THRESHOLD,
    n_boot: int = N_BOOT,
    ci: float = 0.95,
    seed: int = SEED,
    min_n: int = MIN_N,
    unit: str = "sentence",
) -> pd.DataFrame:
    """Mean tone per group with a bootstrap interval, and the shares of positive, neutral and negative sentences.

    Each group's interval is a percentile bootstrap (``n_boot`` resamples, a
    generator seeded with ``seed`` for every group, so a group's interval does not
    depend on which other groups are present) over its sentences, or with
    ``unit="article"`` over its articles, each resampled with all its sentences (a
    cluster bootstrap: the honest unit once every group has several articles, see
    :func:`analysis.stats.units.resampling_unit`; every group then needs two or more).

    Returns one row per group and measure: the ``by`` column(s), ``measure``,
    ``n``, ``n_articles``, ``mean``, ``ci_low``, ``ci_high``, ``share_positive``,
    ``share_neutral``, ``share_negative`` (at ``threshold``), ``small_n`` (fewer
    than ``min_n`` sentences) and ``one_article``: the group's sentences all come
    from one article, so its interval describes that article, not the outlet's
    coverage. ``n_articles`` is missing when ``scored`` has no ``article_id``.

    Examples
    --------
    >>> s = pd.DataFrame({"outlet": ["A"] * 4 + ["B"] * 2, "polarity": [0.5, 0.0, 0.1, -0.2, 0.0, 0.0]})
    >>> tone_summary(s, measures=["polarity"])[["outlet", "n", "mean", "share_positive", "small_n"]]
      outlet  n  mean  share_positive  small_n
    0      A  4   0.1             0.5     True
    1      B  2   0.0             0.0     True
    """
    measures = _measures(scored, measures)
    keys = [by] if isinstance(by, str) else list(by)
    _check_columns(scored, keys, "scored")
    _check_unit(unit, scored)
    articles = article_counts(scored, keys)
    rows = []
    for group, part in scored.groupby(keys, sort=True, observed=True):
        group = group if isinstance(group, tuple) else (group,)
        n_articles = articles.loc[group if len(keys) > 1 else group[0]]
        for measure in measures:
            values = part[measure].dropna().to_numpy(float)
            n = len(values)
            if n == 0:
                continue
            rng = np.random.default_rng(seed)
            if unit == "article":
                sums, counts = _article_totals(part, measure)
                require_articles(group if len(keys) > 1 else group[0], len(sums), within="unit='sentence'")
                draws = _bootstrap_ratios(sums, counts, n_boot, rng)
            else:
                draws = _bootstrap_means(values, n_boot, rng)
            lo, hi = _interval(draws, ci)
            labels = _labels(values, threshold)
            rows.append(
                {
                    **dict(zip(keys, group)),
                    "measure": measure,
                    "n": n,
                    "n_articles": n_articles,
                    "mean": float(values.mean()),
                    "ci_low": lo,
                    "ci_high": hi,
                    "share_positive": float(np.mean(labels == "positive")),
                    "share_neutral": float(np.mean(labels == "neutral")),
                    "share_negative": float(np.mean(labels == "negative")),
                    "small_n": n < min_n,
                    "one_article": bool(n_articles == 1) if pd.notna(n_articles) else False,
                }
            )
    columns = keys + ["measure", "n", "n_articles", "mean", "ci_low", "ci_high", "share_positive", "share_neutral",
                      "share_negative", "small_n", "one_article"]
    out = pd.DataFrame(rows, columns=columns)
    out["n_articles"] = out["n_articles"].astype("Int64")
    return out


def _permutation_ps(pairs: Sequence[tuple[np.ndarray, np.ndarray]], n_perm: int, seed: int) -> list[float]:
    """Two-sided permutation p-values of the difference of means for pairs ``(a, b)`` of one pooled size.

    Each p-value is the one a generator seeded with ``seed`` gives when it shuffles
    the pooled ``[a, b]`` ``n_perm`` times (``rng.permuted(np.tile(pooled, (n_perm, 1)),
    axis=1)``). The shuffle's random draws depend only on the pooled size, so one
    set of shuffled positions serves every pair of that size (each one-against-the-rest
    comparison of a measure shares it), and it is drawn in blocks of rows so that memory
    stays bounded.
    """
    n = len(pairs[0][0]) + len(pairs[0][1])
    pooled = [np.concatenate([a, b]) for a, b in pairs]
    sizes = [len(a) for a, _ in pairs]
    # A tolerance so that ties, which floating-point sums break at random, count as ties.
    bounds = [abs(a.mean() - b.mean()) - 1e-12 for a, b in pairs]
    extreme = [0] * len(pairs)
    rng = np.random.default_rng(seed)
    positions = np.arange(n)
    totals = [values.sum() for values in pooled]
    for k in _row_chunks(n_perm, n):
        order = rng.permuted(np.tile(positions, (k, 1)), axis=1)
        for j, (values, size, bound, total) in enumerate(zip(pooled, sizes, bounds, totals)):
            # only the first group's values are gathered; the other's sum is what remains
            first = values[order[:, :size]].sum(axis=1)
            diffs = np.abs(first / size - (total - first) / (n - size))
            extreme[j] += int(np.sum(diffs >= bound))
    return [float((e + 1) / (n_perm + 1)) for e in extreme]


def _cluster_permutation_ps(pairs, n_perm: int, seed: int) -> list[float]:
    """Two-sided permutation p-values when whole articles carry the labels.

    ``pairs`` holds ``((sums_a, counts_a), (sums_b, counts_b))`` per comparison, of one
    pooled number of articles: each article brings the sum of its sentence scores and
    its number of sentences, a relabelling deals the articles (not the sentences) out
    again, and the statistic is the difference of the two pooled sentence means. As in
    :func:`_permutation_ps`, comparisons of one pooled size share the shuffles.
    """
    sums = [np.concatenate([a[0], b[0]]) for a, b in pairs]
    counts = [np.concatenate([a[1], b[1]]) for a, b in pairs]
    sizes = [len(a[0]) for a, _ in pairs]
    bounds = [abs(a[0].sum() / a[1].sum() - b[0].sum() / b[1].sum()) - 1e-12 for a, b in pairs]
    n = len(sums[0])
    extreme = [0] * len(pairs)
    rng = np.random.default_rng(seed)
    positions = np.arange(n)
    for k in _row_chunks(n_perm, n):
        order = rng.permuted(np.tile(positions, (k, 1)), axis=1)
        for j, (s, c, size, bound) in enumerate(zip(sums, counts, sizes, bounds)):
            # only the first group's articles are gathered; the other's totals are what remains
            picked = order[:, :size]
            s_a, c_a = s[picked].sum(axis=1), c[picked].sum(axis=1)
            diffs = np.abs(s_a / c_a - (s.sum() - s_a) / (c.sum() - c_a))
            extreme[j] += int(np.sum(diffs >= bound))
    return [float((e + 1) / (n_perm + 1)) for e in extreme]


def _holm(p: Sequence[float]) -> list[float]:
    p = np.asarray(p, dtype=float)
    order = np.argsort(p)
    m = len(p)
    adjusted = np.empty(m)
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * p[i]))
        adjusted[i] = running
    return adjusted.tolist()


def _default_permutations(n_sentences: int) -> int:
    """10,000 relabellings for up to 5,000 sentences, fewer beyond (never under 999).

    >>> _default_permutations(59), _default_permutations(20_000), _default_permutations(325_866)
    (10000, 2500, 999)
    """
    if n_sentences <= 5_000:
        return 10_000
    return max(999, int(5e7 // n_sentences))


def tone_difference(
    scored: pd.DataFrame,
    *,
    by: str = "outlet",
    measures: Iterable[str] = tuple(MEASURES),
    pairwise: bool | None = None,
    n_perm: int | None = None,
    n_boot: int = N_BOOT,
    ci: float = 0.95,
    seed: int = SEED,
    min_n: int = MIN_N,
    unit: str = "sentence",
) -> pd.DataFrame:
    """How far each group's mean tone is from the others', with a permutation test.

    ``n_perm`` defaults to 10,000 relabellings up to 5,000 sentences; on larger
    corpora to as many as keep ``n_perm`` × sentences near 5 × 10^7 (at least 999),
    so that a corpus of thousands of articles is tested in minutes, not hours. At that
    size a p-value's resolution of 1/1000 is far finer than the differences it tests.

    With two groups there is one comparison, the first (in sorted order) minus
    the second. With more, each group is compared with the rest pooled
    (one-against-the-rest), or with every other group when ``pairwise=True``.

    For each comparison: the ``difference`` of means; a percentile bootstrap
    interval for it (each side resampled on its own); and a two-sided
    permutation p-value, the share of ``n_perm`` random relabellings of the
    pooled sentences whose difference is at least as large as the observed one,
    counted as ``(k + 1) / (n_perm + 1)`` so it is never 0. ``p_adjusted`` is the
    Holm correction over the comparisons of one measure (equal to ``p_value``
    when there is one comparison).

    With ``unit="article"`` both the bootstrap and the relabelling move whole
    articles (each with all its sentences), and ``n_perm`` defaults by the number of
    articles instead of sentences: the honest test once every group has several
    articles, since sentences of one article are not independent (see
    :func:`analysis.stats.units.resampling_unit`). Every group then needs two or more.

    Returns one row per comparison and measure: ``measure``, ``by``,
    ``compared_with``, ``n``, ``n_other``, ``n_articles``, ``n_articles_other``,
    ``mean``, ``mean_other``, ``difference``, ``ci_low``, ``ci_high``,
    ``p_value``, ``p_adjusted``, ``small_n`` (either side has fewer than
    ``min_n`` sentences) and ``one_article`` (either side rests on one article,
    so the interval and the test describe that article's sentences, not an
    outlet's coverage). With fewer than two groups there is nothing to compare
    and the table is empty.

    Examples
    --------
    >>> s = pd.DataFrame({"outlet": ["A"] * 3 + ["B"] * 3, "polarity": [0.1, 0.2, 0.3] * 2})
    >>> tone_difference(s, measures=["polarity"])[["outlet", "compared_with", "difference", "p_value"]]
      outlet compared_with  difference  p_value
    0      A             B         0.0      1.0
    """
    measures = _measures(scored, measures)
    _check_columns(scored, [by], "scored")
    _check_unit(unit, scored)
    if n_perm is None:
        n_perm = _default_permutations(scored["article_id"].nunique() if unit == "article" else len(scored))
    articles = article_counts(scored, by)
    groups = sorted(scored[by].dropna().unique())
    if unit == "article":
        for g in groups:
            require_articles(g, int(articles[g]), within="unit='sentence'")
    if pairwise is None:
        pairwise = len(groups) == 2
    if pairwise:
        comparisons = [(g, [h]) for g, h in combinations(groups, 2)]
    else:
        comparisons = [(g, [h for h in groups if h != g]) for g in groups]
    # each comparison's rows and article counts, found once for every measure
    sides = []
    for g, others in comparisons:
        mine, theirs = scored[by] == g, scored[by].isin(others)
        n_other = scored.loc[theirs, "article_id"].nunique() if "article_id" in scored.columns else pd.NA
        sides.append((g, others, mine, theirs, articles[g], n_other))
    blocks = []
    for measure in measures:
        block = []
        for g, others, mine, theirs, n_articles, n_articles_other in sides:
            a = scored.loc[mine, measure].dropna().to_numpy(float)
            b = scored.loc[theirs, measure].dropna().to_numpy(float)
            if len(a) == 0 or len(b) == 0:
                continue
            block.append(
                {
                    "measure": measure,
                    by: g,
                    "compared_with": others[0] if len(others) == 1 else "rest",
                    "n": len(a),
                    "n_other": len(b),
                    "n_articles": n_articles,
                    "n_articles_other": n_articles_other,
                    "mean": float(a.mean()),
                    "mean_other": float(b.mean()),
                    "difference": float(a.mean() - b.mean()),
                    "_pair": (a, b) if unit == "sentence" else (
                        _article_totals(scored.loc[mine], measure), _article_totals(scored.loc[theirs], measure)),
                    "small_n": len(a) < min_n or len(b) < min_n,
                    "one_article": bool(n_articles == 1 or n_articles_other == 1) if pd.notna(n_articles) else False,
                }
            )
        blocks.append(block)
    every = [r for block in blocks for r in block]

    def interval(row: dict) -> tuple[float, float]:
        a, b = row["_pair"]
        rng = np.random.default_rng(seed)
        if unit == "article":
            return _interval(_bootstrap_ratios(*a, n_boot, rng) - _bootstrap_ratios(*b, n_boot, rng), ci)
        return _interval(_bootstrap_means(a, n_boot, rng) - _bootstrap_means(b, n_boot, rng), ci)

    # Each comparison has its own seeded generator, so the bootstraps can run side by side
    # (numpy draws and averages without holding the interpreter lock).
    with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        for row, (lo, hi) in zip(every, pool.map(interval, every)):
            row["ci_low"], row["ci_high"] = lo, hi
    # Comparisons whose pooled sentences are equally many share the shuffles of one seeded generator.
    by_size: dict[int, list[dict]] = {}
    for row in every:
        a, b = row["_pair"]
        by_size.setdefault(len(a) + len(b) if unit == "sentence" else len(a[0]) + len(b[0]), []).append(row)
    test = _permutation_ps if unit == "sentence" else _cluster_permutation_ps
    for same in by_size.values():
        for row, p in zip(same, test([r.pop("_pair") for r in same], n_perm, seed)):
            row["p_value"] = p
    rows = []
    for block in blocks:
        for row, adj in zip(block, _holm([r["p_value"] for r in block])):
            row["p_adjusted"] = adj
        rows.extend(block)
    columns = ["measure", by, "compared_with", "n", "n_other", "n_articles", "n_articles_other", "mean", "mean_other",
               "difference", "ci_low", "ci_high", "p_value", "p_adjusted", "small_n", "one_article"]
    out = pd.DataFrame(rows, columns=columns)
    out[["n_articles", "n_articles_other"]] = out[["n_articles", "n_articles_other"]].astype("Int64")
    return out


def targeted_tone(
    scored: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    by: str = "outlet",
    measures: Iterable[str] = tuple(MEASURES),
    threshold: float = THRESHOLD,
    n_boot: int = N_BOOT,
    ci: float = 0.95,
    seed: int = SEED,
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """The tone of the sentences that mention each actor, per group, with the same intervals as :func:`tone_summary`.

    ``mentions`` is a table of actor mentions with at least ``sentence_id`` and
    ``actor`` (and optionally ``type``), such as
    ``analysis.emphasis.actor_mentions``' output. A sentence that mentions an
    actor several times counts once for that actor; a sentence that mentions
    two actors counts for both. The tone is the whole sentence's: it says what
    words surround the actor, not that they are about it.

    Returns one row per actor, group and measure: ``actor``, ``type`` (when
    ``mentions`` has it), the ``by`` column, then the columns of
    :func:`tone_summary`.

    Examples
    --------
    >>> scored = pd.DataFrame({"sentence_id": ["s1", "s2", "s3"], "outlet": ["A", "A", "B"],
    ...                        "polarity": [0.4, -0.2, 0.0]})
    >>> mentions = pd.DataFrame({"sentence_id": ["s1", "s1", "s2", "s3"], "actor": ["IBM"] * 4})
    >>> targeted_tone(scored, mentions, measures=["polarity"])[["actor", "outlet", "n", "mean"]]
      actor outlet  n  mean
    0   IBM      A  2   0.1
    1   IBM      B  1   0.0
    """
    _check_columns(mentions, ["sentence_id", "actor"], "mentions")
    _check_columns(scored, ["sentence_id", by], "scored")
    keep = ["sentence_id", "actor"] + (["type"] if "type" in mentions.columns else [])
    pairs = mentions[keep].drop_duplicates(["sentence_id", "actor"])
    unknown = set(pairs["sentence_id"]) - set(scored["sentence_id"])
    if unknown:
        raise ValueError(f"mentions: sentence_id(s) not in scored: {', '.join(sorted(map(str, unknown))[:5])}")
    scored_cols = [c for c in scored.columns if c not in ("actor", "type")]
    joined = pairs.merge(scored[scored_cols], on="sentence_id", how="left")
    summary = tone_summary(
        joined, by=["actor", by], measures=measures, threshold=threshold,
        n_boot=n_boot, ci=ci, seed=seed, min_n=min_n,
    )
    if "type" in pairs.columns:
        types = pairs.drop_duplicates("actor").set_index("actor")["type"]
        summary.insert(1, "type", summary["actor"].map(types))
    return summary


def extreme_sentences(
    scored: pd.DataFrame,
    evidence: pd.DataFrame,
    *,
    by: str = "outlet",
    measure: str = "vader_compound",
    n: int = 1,
) -> pd.DataFrame:
    """The ``n`` most positive and ``n`` most negative sentences of each group by ``measure``, with their evidence.

    Ties are broken by ``sentence_id``. ``evidence`` is :func:`sentiment_evidence`'s
    table; each instrument's evidence is listed as ``words score`` pairs
    (TextBlob on its [-1, 1] scale, VADER on its [-4, 4] valence scale).

    Returns ``by``, ``end`` ("most positive" / "most negative"), ``sentence_id``,
    ``polarity``, ``vader_compound``, ``textblob_evidence``, ``vader_evidence``, ``text``.
    """
    _check_columns(scored, ["sentence_id", "text", by, measure, "polarity", "vader_compound"], "scored")
    _check_columns(evidence, ["sentence_id", "method", "words", "score"], "evidence")

    def listing(sentence_id: str, method: str) -> str:
        e = evidence[(evidence["sentence_id"] == sentence_id) & (evidence["method"] == method)]
        return ", ".join(f"{w} {s:+.2f}" if method == "textblob" else f"{w} {s:+.1f}" for w, s in zip(e["words"], e["score"]))

    rows = []
    for g, part in scored.groupby(by, sort=True):
        ordered = part.sort_values([measure, "sentence_id"], ascending=[False, True])
        picks = [("most positive", ordered.head(n))]
        picks.append(("most negative", part.sort_values([measure, "sentence_id"], ascending=[True, True]).head(n)))
        for end, chosen in picks:
            for _, row in chosen.iterrows():
                rows.append(
                    {
                        by: g,
                        "end": end,
                        "sentence_id": row["sentence_id"],
                        "polarity": row["polarity"],
                        "vader_compound": row["vader_compound"],
                        "textblob_evidence": listing(row["sentence_id"], "textblob"),
                        "vader_evidence": listing(row["sentence_id"], "vader"),
                        "text": row["text"],
                    }
                )
    return pd.DataFrame(rows)


# --- Figures ------------------------------------------------------------------------------------


def _outlet_order(table: pd.DataFrame, by: str) -> list[str]:
    return sorted(table[by].dropna().unique())


def _room_for_note(fig, inches: float = 0.75) -> None:
    """Leave space under the axes for the x label and a source note (plotting.source_note)."""
    fig.subplots_adjust(bottom=inches / fig.get_figheight())


def plot_tone_distribution(scored: pd.DataFrame, *, colours: dict[str, str], by: str = "outlet", threshold: float = THRESHOLD):
    """One panel per instrument: every sentence's score as a dot, one row per group, the neutral band shaded."""
    import matplotlib.pyplot as plt

    groups = _outlet_order(scored, by)
    fig, axes = plt.subplots(1, len(MEASURES), figsize=(8.5, 1.9 + 0.8 * len(groups)), sharey=True)
    for ax, (measure, title) in zip(np.atleast_1d(axes), MEASURES.items()):
        ax.axvspan(-threshold, threshold, color="#eeeeee", zorder=0)
        ax.axvline(0, color="#999999", lw=0.8, zorder=1)
        for k, g in enumerate(groups):
            values = scored.loc[scored[by] == g, measure].to_numpy(float)
            # Deterministic vertical spread, so overlapping dots stay visible without randomness.
            offsets = (np.arange(len(values)) % 7 - 3) * 0.05
            # thousands of dots are drawn as an image inside the SVG (one element per dot would run to
            # megabytes per outlet), and fainter, so that where they pile up still shows
            many = len(values) > 1000
            ax.scatter(values, k + offsets, s=22, color=colours[g], alpha=0.15 if many else 0.75, edgecolor="white",
                       linewidth=0.4, zorder=2, rasterized=many)
            ax.plot([values.mean()] * 2, [k - 0.3, k + 0.3], color="black", lw=1.6, zorder=3)
        ax.set_xlim(-1.05, 1.05)
        ax.set_yticks(range(len(groups)), groups)
        ax.set_ylim(-0.6, len(groups) - 0.4)
        ax.set_title(title)
        ax.set_xlabel("sentence score (-1 negative … +1 positive)")
    _room_for_note(fig)
    return fig


def plot_tone_means(summary: pd.DataFrame, *, colours: dict[str, str], by: str = "outlet"):
    """Mean tone per group with its bootstrap interval, one panel per instrument.

    Hollow markers flag small n (``small_n``); a dashed interval and "1 article" in
    the label flag a group that rests on one article (``one_article``), whose
    interval describes that article's sentences, not the outlet's coverage.
    """
    import matplotlib.pyplot as plt

    groups = _outlet_order(summary, by)
    fig, axes = plt.subplots(1, len(MEASURES), figsize=(8.5, 1.9 + 0.7 * len(groups)), sharey=True)
    for ax, (measure, title) in zip(np.atleast_1d(axes), MEASURES.items()):
        ax.axvline(0, color="#999999", lw=0.8)
        part = summary[summary["measure"] == measure].set_index(by)
        for k, g in enumerate(groups):
            if g not in part.index:
                continue
            r = part.loc[g]
            single = bool(r.get("one_article", False))
            ax.plot([r["ci_low"], r["ci_high"]], [k, k], color=colours[g], lw=2.5, ls=(0, (2, 1.5)) if single else "-")
            ax.plot(r["mean"], k, "o", ms=8, color=colours[g], mfc="white" if r["small_n"] else colours[g])
            ax.annotate(f"{r['mean']:+.3f}  (n={int(r['n'])}{', 1 article' if single else ''})", (r["ci_high"], k),
                        xytext=(6, 0), textcoords="offset points", va="center", fontsize=8.5)
        ax.set_yticks(range(len(groups)), groups)
        ax.set_ylim(-0.6, len(groups) - 0.4)
        lo = min(-0.1, summary["ci_low"].min() - 0.05)
        hi = max(0.1, summary["ci_high"].max() + 0.25)
        ax.set_xlim(lo, hi)
        ax.set_title(title)
        ax.set_xlabel("mean sentence score, 95% bootstrap interval")
    _room_for_note(fig)
    return fig


def plot_targeted_tone(targeted: pd.DataFrame, *, by: str = "outlet", min_total: int = 1):
    """An actor x group grid of mean tone per instrument (diverging colours), each cell labelled with its mean and n.

    Actors are sorted by how many sentences mention them; those mentioned in fewer
    than ``min_total`` sentences over all groups are left out. An empty cell means
    the group never mentions the actor. With more than eight groups the instruments'
    panels are stacked and each cell shows its mean alone (the counts are in ``targeted``).
    """
    import matplotlib.pyplot as plt

    if targeted.empty:
        fig, ax = plt.subplots(figsize=(6, 1.5))
        ax.axis("off")
        ax.text(0.5, 0.5, "No sentence mentions an actor of the lexicon.", ha="center", va="center")
        return fig
    totals = targeted[targeted["measure"] == targeted["measure"].iloc[0]].groupby("actor")["n"].sum()
    actors = sorted(totals[totals >= min_total].index, key=lambda a: (-totals[a], a))
    groups = _outlet_order(targeted, by)
    measures = [m for m in MEASURES if m in set(targeted["measure"])]
    # Wide cells with one-line labels for a few groups; narrow two-line cells for more; for many,
    # the panels stacked and the mean alone, so that the figure stays a page wide.
    wide, many = len(groups) <= 4, len(groups) > 8
    cell_width = 2.6 if wide else 0.55 if many else 0.75
    if many:
        fig, axes = plt.subplots(len(measures), 1, figsize=(2.6 + cell_width * len(groups), 1.6 + len(measures) * (0.8 + 0.3 * len(actors))),
                                 sharex=True, squeeze=False)
        axes = axes.T
    else:
        fig, axes = plt.subplots(
            1, len(measures), figsize=(1.2 + cell_width * len(groups) * len(measures), 1.0 + (0.36 if wide else 0.5) * len(actors)),
            sharey=True, squeeze=False,
        )
    for ax, measure in zip(axes[0], measures):
        part = targeted[targeted["measure"] == measure]
        grid = np.full((len(actors), len(groups)), np.nan)
        counts = np.zeros_like(grid)
        for r in part.itertuples(index=False):
            if r.actor in actors:
                i, j = actors.index(r.actor), groups.index(getattr(r, by))
                grid[i, j], counts[i, j] = r.mean, r.n
        image = ax.imshow(np.ma.masked_invalid(grid), cmap="RdBu", vmin=-1, vmax=1, aspect="auto")
        for i in range(len(actors)):
            for j in range(len(groups)):
                if np.isfinite(grid[i, j]):
                    label = f"{grid[i, j]:+.2f}" + ("" if many else (" " if wide else "\n") + f"(n={int(counts[i, j])})")
                    ax.text(j, i, label, ha="center", va="center", fontsize=7.5 if wide else 6.5,
                            color="white" if abs(grid[i, j]) > 0.6 else "black")
        ax.set_xticks(range(len(groups)), groups, rotation=0 if wide else 60, ha="center" if wide else "right")
        ax.set_yticks(range(len(actors)), actors)
        ax.tick_params(length=0)
        ax.set_title(MEASURES[measure])
        for side in ("top", "right", "left", "bottom"):
            ax.spines[side].set_visible(False)
    fig.colorbar(image, ax=list(axes[0]), shrink=0.6, label="mean sentence score (-1 … +1)")
    return fig
