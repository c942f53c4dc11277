"""The TextBlob instrument: the pattern analyser's polarity and subjectivity, with a tested-equal fast path, and its evidence.

``polarity`` in [-1, 1], ``subjectivity`` in [0, 1]: the pattern lexicon of adjectives
and adverbs, averaged over the words it knows, with intensifiers ("very") and negations
("not") applied to the next known word. It is called through ``textblob.en.sentiment``,
the analyser behind ``TextBlob(text).sentiment``; :func:`_textblob_scores` gives the
identical numbers without building a blob per sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["COLUMNS", "score", "evidence"]

#: The columns :func:`score` writes, in order.
COLUMNS = ("polarity", "subjectivity")


@lru_cache(maxsize=1)
def _textblob():
    """TextBlob's English pattern analyser (the object ``TextBlob.sentiment`` ends up calling)."""
    from textblob.en import sentiment

    return sentiment



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
    the assessments) in ``tests/measures/tone/test_textblob_adapter.py``.
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



def score(text: str) -> dict[str, float]:
    """TextBlob's ``polarity`` and ``subjectivity`` of one sentence.

    >>> score("A fair and peaceful protest.")
    {'polarity': 0.475, 'subjectivity': 0.7}
    """
    p, s = _textblob_scores(text)
    return {"polarity": float(p), "subjectivity": float(s)}


def _locate(text_lower: str, token: str, cursor: int) -> tuple[int, int] | None:
    pattern = re.escape(token)
    if token[:1].isalnum():
        pattern = r"(?<![\w])" + pattern
    if token[-1:].isalnum():
        pattern = pattern + r"(?![\w])"
    m = re.compile(pattern).search(text_lower, cursor)
    return (m.start(), m.end()) if m else None


def evidence(text: str) -> list[dict]:
    """One row per assessment TextBlob averaged: its cue, the words that modified it, and offsets in ``text``."""
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

