"""The VADER instrument: ``vaderSentiment``'s compound and proportions, with a tested-equal fast path, and its evidence.

``vader_compound`` in [-1, 1], and the ``vader_pos``, ``vader_neu``, ``vader_neg``
proportions: a valence lexicon summed over words, with boosters, negations, "but" and
capitals. :func:`_vader_fast_scores` applies the package's rules in the package's
order with the words lowered once.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

__all__ = ["COLUMNS", "score", "evidence"]

#: The columns :func:`score` writes, in order.
COLUMNS = ("vader_compound", "vader_pos", "vader_neu", "vader_neg")


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
    strings in ``tests/measures/tone/test_vader_adapter.py``.
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



def score(text: str) -> dict[str, float]:
    """VADER's compound score and its positive, neutral and negative proportions for one sentence.

    >>> score("A fair and peaceful protest.")
    {'vader_compound': 0.5423, 'vader_pos': 0.579, 'vader_neu': 0.211, 'vader_neg': 0.211}
    """
    s = _vader().polarity_scores(text)
    return {f"vader_{key}": float(s[key]) for key in ("compound", "pos", "neu", "neg")}


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


def evidence(text: str) -> list[dict]:
    """One row per lexicon word VADER counted: its valence before and after the boosters, negations and "but"."""
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

