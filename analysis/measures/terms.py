"""Distinctive words: counts of words and two-word phrases, and the weighted log-odds that set each outlet apart."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from analysis.corpus.text import WORD_RE

__all__ = ["STOP_WORDS", "TERM_COLUMNS", "DISTINCTIVE_COLUMNS", "count_terms", "distinctive_terms"]

# English function words, written for this project (no stop-word list is a dependency).
# Content words that merely recur in news (said, would) are left in: whether they
# set an outlet apart is for the statistic to say.
STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can cannot could did do does doing down during
    each either even ever every few for from further had has have having he her here hers
    herself him himself his how however i if in into is it its itself just least less let
    many may me might more most much must my myself neither no nor not now of off often on
    once only or other others our ours ourselves out over own per rather same shall she
    should since so some such than that the their theirs them themselves then there these
    they this those though through thus to too under until up upon us very was we were what
    when where whether which while who whom whose why will with within without would yet you
    your yours yourself yourselves
    s t d ll m re ve don doesn didn isn wasn aren weren won wouldn shouldn couldn
    one two three first
    """.split()
)

TERM_COLUMNS = ["term", "n", "count"]
DISTINCTIVE_COLUMNS = ["term", "n", "count", "count_rest", "rate", "delta", "se", "z", "small_count"]


def _term_list(text: str, ngrams: tuple[int, ...], stop_words: frozenset) -> list[tuple[str, int]]:
    """Unigrams and bigrams of one text: lower case, possessive 's dropped, numbers left out.

    A bigram joins two adjacent words with only spaces or a hyphen between them (never
    across punctuation) when neither is a stop word.
    """
    toks = []
    for m in WORD_RE.finditer(text):
        w = re.sub(r"['\u2019]s$", "", m.group().lower().replace("\u2019", "'"))
        toks.append((w, m.start(), m.end()))
    out = []
    if 1 in ngrams:
        out += [(w, 1) for w, _, _ in toks if w not in stop_words and not w.isdigit()]
    if 2 in ngrams:
        for (w1, _, e1), (w2, s2, _) in zip(toks, toks[1:]):
            gap = text[e1:s2]
            if gap.strip(" -") or w1 in stop_words or w2 in stop_words or w1.isdigit() or w2.isdigit():
                continue
            out.append((f"{w1} {w2}", 2))
    return out


_WORD_SPLIT = re.compile(f"({WORD_RE.pattern})", WORD_RE.flags)  # split() gives gaps and words in turn
_POSSESSIVE = re.compile(r"['\u2019]s$")


def count_terms(sentences: pd.DataFrame, *, by: str = "outlet", ngrams: tuple[int, ...] = (1, 2),
                stop_words: frozenset = STOP_WORDS) -> pd.DataFrame:
    """Count words and two-word phrases in ``sentences["text"]`` for each value of ``by``.

    The terms are :func:`_term_list`'s (rows without a ``by`` value are left out);
    each distinct word, and each distinct gap between two words, is looked at once.

    Returns
    -------
    pandas.DataFrame
        ``<by>, term, n`` (1 or 2 words), ``count``, sorted by ``<by>, term, n``.

    Examples
    --------
    >>> s = pd.DataFrame({"outlet": ["A"], "text": ["IBM's facial-recognition ban, and the ban."]})
    >>> count_terms(s).sort_values(["n", "term"]).to_dict("records")[:3]
    [{'outlet': 'A', 'term': 'ban', 'n': 1, 'count': 2}, {'outlet': 'A', 'term': 'facial', 'n': 1, 'count': 1}, {'outlet': 'A', 'term': 'ibm', 'n': 1, 'count': 1}]
    """
    group_of_sentence, group_values = pd.factorize(sentences[by])  # -1: no value, left out as groupby does
    # every word of every sentence in order, and the text after it up to the next word
    # (None after a sentence's last word, so that no phrase spans two sentences)
    words, gaps, per_sentence = [], [], []
    for text in sentences["text"].tolist():
        parts = _WORD_SPLIT.split(text)
        found = parts[1::2]
        if found:
            words += found
            gaps += parts[2:-1:2]
            gaps.append(None)
        per_sentence.append(len(found))
    rows = []
    if words:
        group = np.repeat(group_of_sentence, per_sentence).astype(np.int64)
        word_code, raw_words = pd.factorize(pd.Series(words, dtype=object))
        term_code, terms = pd.factorize(pd.Series(
            [_POSSESSIVE.sub("", w.lower().replace("\u2019", "'")) for w in raw_words], dtype=object))
        term = term_code[word_code].astype(np.int64)
        terms, group_values = terms.tolist(), list(group_values)
        usable = np.array([t not in stop_words and not t.isdigit() for t in terms], dtype=bool)[term] & (group >= 0)
        if 1 in ngrams:
            keys, counts = np.unique(group[usable] * len(terms) + term[usable], return_counts=True)
            rows += [(group_values[k // len(terms)], terms[k % len(terms)], 1, c)
                     for k, c in zip(keys.tolist(), counts.tolist())]
        if 2 in ngrams:
            gap_code, gap_values = pd.factorize(pd.Series(gaps, dtype=object))
            # only spaces or hyphens between the two words; the last entry stands for None (code -1)
            joins = np.array([not g.strip(" -") for g in gap_values] + [False], dtype=bool)[gap_code]
            first = np.flatnonzero(joins[:-1] & usable[:-1] & usable[1:])
            pair_code, pairs = pd.factorize(term[first] * len(terms) + term[first + 1])
            keys, counts = np.unique(group[first] * len(pairs) + pair_code, return_counts=True)
            for k, c in zip(keys.tolist(), counts.tolist()):
                g, p = divmod(k, len(pairs))
                w1, w2 = divmod(int(pairs[p]), len(terms))
                rows.append((group_values[g], f"{terms[w1]} {terms[w2]}", 2, c))
    if rows or not words:
        counts = pd.DataFrame(rows, columns=[by, "term", "n", "count"])
        counts = counts.sort_values([by, "term", "n"]).reset_index(drop=True)
    else:  # terms, but none with a value of `by`: an empty table, typed as groupby types it
        frame = pd.DataFrame([(group, term, n) for group, text in zip(sentences[by], sentences["text"])
                              for term, n in _term_list(text, tuple(ngrams), stop_words)], columns=[by, "term", "n"])
        counts = frame.groupby([by, "term", "n"], as_index=False).size().rename(columns={"size": "count"})
    return counts.astype({"n": "int64", "count": "int64"})


def distinctive_terms(
    sentences: pd.DataFrame,
    *,
    by: str = "outlet",
    ngrams: tuple[int, ...] = (1, 2),
    prior_strength: float | None = None,
    min_count: int = 5,
    stop_words: frozenset = STOP_WORDS,
) -> pd.DataFrame:
    """Words and phrases that set each group apart: weighted log-odds with an informative prior.

    Monroe, Colaresi and Quinn (2008), "Fightin' Words", section 3.5.3: for each
    group *i* (an outlet) against all the others together (*j*), and each term *w*,

    .. math::

        \\delta_w = \\log\\frac{y^i_w + \\alpha_w}{n^i + \\alpha_0 - y^i_w - \\alpha_w}
                 - \\log\\frac{y^j_w + \\alpha_w}{n^j + \\alpha_0 - y^j_w - \\alpha_w},
        \\qquad \\sigma^2(\\delta_w) \\approx \\frac{1}{y^i_w + \\alpha_w} + \\frac{1}{y^j_w + \\alpha_w},
        \\qquad z_w = \\delta_w / \\sigma(\\delta_w)

    where *y* are counts, *n* totals, and the prior :math:`\\alpha_w = \\alpha_0 \\pi_w`
    takes :math:`\\pi_w` from the whole corpus. ``prior_strength`` is
    :math:`\\alpha_0`; the default, ``None``, uses the corpus size, so that
    :math:`\\alpha_w` is the term's corpus count. Words and two-word phrases are
    separate vocabularies, each with its own totals. Stop words are left out.

    A positive ``z`` means the group uses the term more than the rest. ``small_count``
    is true when the term occurs fewer than ``min_count`` times in the whole
    corpus: the normal approximation behind ``z`` does not hold for such counts, so
    read those z-scores as a ranking, not as evidence.

    Parameters
    ----------
    sentences
        A table with a ``text`` column and the ``by`` column.
    by
        The column whose values are compared, each against all the others.
    ngrams
        Term lengths to count: ``(1, 2)`` for words and two-word phrases.
    prior_strength
        :math:`\\alpha_0`; ``None`` for the corpus size.
    min_count
        Corpus occurrences below which ``small_count`` is set.
    stop_words
        Words left out, and never part of a phrase.

    Returns
    -------
    pandas.DataFrame
        One row per group and term, highest ``z`` first within each group:
        ``<by>, term, n, count`` (in the group), ``count_rest`` (in the others),
        ``rate`` (per 1,000 terms of the same length in the group), ``delta, se,
        z, small_count``.

    Raises
    ------
    ValueError
        With fewer than two groups to compare.

    Examples
    --------
    >>> s = pd.DataFrame({"outlet": ["A", "B"], "text": ["apple apple banana", "banana cherry"]})
    >>> d = distinctive_terms(s, ngrams=(1,))
    >>> d.loc[d.outlet == "A", ["term", "count", "count_rest", "z"]].round(3)
         term  count  count_rest      z
    0   apple      2           0  1.058
    1  banana      1           1 -0.273
    2  cherry      0           1 -0.841
    """
    groups = sorted(sentences[by].unique())
    if len(groups) < 2:
        raise ValueError(f"distinctive_terms needs at least two values of '{by}' to compare; found {groups}")
    counts = count_terms(sentences, by=by, ngrams=ngrams, stop_words=stop_words)
    frames = []
    for n, cn in counts.groupby("n"):
        wide = cn.pivot_table(index="term", columns=by, values="count", aggfunc="sum", fill_value=0)
        wide = wide.reindex(columns=groups, fill_value=0)
        total_w = wide.sum(axis=1)
        big_n = float(total_w.sum())
        alpha0 = big_n if prior_strength is None else float(prior_strength)
        alpha = alpha0 * total_w / big_n
        for g in groups:
            y_i = wide[g]
            y_j = total_w - y_i
            n_i = float(y_i.sum())
            n_j = big_n - n_i
            delta = (
                (y_i + alpha).map(math.log) - (n_i + alpha0 - y_i - alpha).map(math.log)
                - (y_j + alpha).map(math.log) + (n_j + alpha0 - y_j - alpha).map(math.log)
            )
            se = (1 / (y_i + alpha) + 1 / (y_j + alpha)) ** 0.5
            frames.append(pd.DataFrame({
                by: g, "term": wide.index, "n": n, "count": y_i.values, "count_rest": y_j.values,
                "rate": (1000 * y_i / n_i if n_i else y_i * 0.0).values,
                "delta": delta.values, "se": se.values, "z": (delta / se).values,
                "small_count": (total_w < min_count).values,
            }))
    out = pd.concat(frames, ignore_index=True)
    out = out.sort_values([by, "z", "term"], ascending=[True, False, True]).reset_index(drop=True)
    return out[[by] + DISTINCTIVE_COLUMNS].astype({"n": "int64", "count": "int64", "count_rest": "int64"})
