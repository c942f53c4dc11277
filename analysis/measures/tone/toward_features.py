"""Target-aware features of a sentence for :mod:`analysis.measures.tone.toward`.

Each row (a sentence and the character span of one target mention in it) becomes one vector:

* WordLlama token embeddings (the 256-dimension ``l2_supercat`` model that ships inside the
  ``wordllama`` wheel, loaded without any download) pooled over views of the sentence: the whole
  sentence, the target, the words just left and right of it, the context weighted by closeness to
  the target, and the sentence without the target;
* lexicon scores (VADER compound, TextBlob polarity and subjectivity) of the sentence, of the
  left and right word windows and of the clause that holds the target;
* VADER word valences summed with weights that decay with the distance to the target, left and
  right apart, negated words flipped the way VADER flips them;
* distance and shape: where the target sits, how long the sentence and the target are, whether the
  target is a pronoun;
* negation and quotation context: negations near the target, whether the target is inside a
  quotation, whether a speech verb follows it (the target is the speaker) or precedes it.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

#: Width of the left and right word windows.
WINDOW = 6
#: Token windows for the embedding views.
TOKEN_WINDOW = 8
#: Decay lengths (in words) of the distance-weighted valence sums.
DECAYS = (3.0, 10.0)

_WORD = re.compile(r"[\w][\w'’\-]*")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s|\bbut\b|\bwhile\b|\bbecause\b|\bwhereas\b", re.I)
_QUOTES = "\"“”"
_SAY = frozenset(
    "said says say saying told tells telling stated states added adds wrote writes argued argues "
    "claimed claims insisted insists explained explains noted notes tweeted tweets asked asks "
    "announced announces declared declares according".split()
)
_PRONOUNS = frozenset("he she they him her them his their it its we i you".split())
_NEGATION_EXTRA = frozenset({"no", "not", "never", "without", "nor", "none", "nobody", "nothing"})

LEXICON_COLUMNS = [
    *(f"vader_{v}" for v in ("sentence", "left", "right", "clause", "masked")),
    *(f"textblob_{v}" for v in ("sentence", "left", "right", "clause")),
    *(f"subjectivity_{v}" for v in ("sentence", "left", "right", "clause")),
    *(f"valence_{side}_{sign}_{d:g}" for d in DECAYS for side in ("left", "right") for sign in ("pos", "neg")),
]
CONTEXT_COLUMNS = [
    "position", "log_words", "log_target_words", "target_first", "target_pronoun",
    "negations_left", "negations_right", "in_quote", "quote_share", "speaker", "say_before",
    "question", "exclamation",
]
VIEWS = ("sentence", "target", "left", "right", "near", "masked")


@lru_cache(maxsize=1)
def wordllama():
    """The 256-dimension WordLlama model from the installed wheel (never downloads).

    The package looks for its tokenizer file in ``wordllama/tokenizer/``, but the wheel ships it in
    ``wordllama/tokenizers/``; giving the package folder as ``cache_dir`` makes the loader find both
    files, and ``disable_download=True`` turns a missing file into an error instead of a download.
    """
    import wordllama as package
    from wordllama import WordLlama

    return WordLlama.load(
        config="l2_supercat", dim=256, cache_dir=Path(package.__file__).parent, disable_download=True
    )


@lru_cache(maxsize=1)
def _vader():
    from vaderSentiment.vaderSentiment import NEGATE, SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer(), frozenset(NEGATE) | _NEGATION_EXTRA


@lru_cache(maxsize=1)
def _textblob():
    from textblob.en import sentiment

    return sentiment


def _vader_compound(text: str) -> float:
    return _vader()[0].polarity_scores(text)["compound"] if text.strip() else 0.0


def _textblob_scores(text: str) -> tuple[float, float]:
    if not text.strip():
        return 0.0, 0.0
    polarity, subjectivity = _textblob()(text)
    return float(polarity), float(subjectivity)


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]


def _clause(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_BREAK.finditer(text, end)), len(text))
    return text[left:start] + " " + text[end:right]


def _valence(words, target_from: int, target_to: int) -> list[float]:
    """Distance-weighted VADER valence sums: per decay, left/right, positive/negative parts."""
    analyser, negations = _vader()
    lexicon = analyser.lexicon
    sums = {(d, side, sign): 0.0 for d in DECAYS for side in ("left", "right") for sign in ("pos", "neg")}
    for i, (_, _, word) in enumerate(words):
        if target_from <= i < target_to:
            continue
        value = lexicon.get(word.replace("’", "'"))
        if value is None:
            continue
        if any(w[2].replace("’", "'") in negations or w[2].endswith("n't") for w in words[max(0, i - 3) : i]):
            value *= -0.74
        side = "left" if i < target_from else "right"
        distance = target_from - i if i < target_from else i - target_to + 1
        sign = "pos" if value > 0 else "neg"
        for d in DECAYS:
            sums[(d, side, sign)] += value * math.exp(-(distance - 1) / d)
    return [sums[(d, side, sign)] for d in DECAYS for side in ("left", "right") for sign in ("pos", "neg")]


def lexical_features(text: str, start: int, end: int) -> list[float]:
    """Lexicon and context features of one target mention (``LEXICON_COLUMNS + CONTEXT_COLUMNS``)."""
    words = _words(text)
    t_from = next((i for i, w in enumerate(words) if w[1] > start), len(words))
    t_to = next((i for i, w in enumerate(words) if w[0] >= end), len(words))
    t_to = max(t_to, t_from)
    left_words, right_words = words[max(0, t_from - WINDOW) : t_from], words[t_to : t_to + WINDOW]
    left = text[left_words[0][0] : start] if left_words else ""
    right = text[end : right_words[-1][1]] if right_words else ""
    clause = _clause(text, start, end)
    masked = text[:start] + "it" + text[end:]

    tb = {name: _textblob_scores(part) for name, part in
          (("sentence", text), ("left", left), ("right", right), ("clause", clause))}
    lexicon = [_vader_compound(part) for part in (text, left, right, clause, masked)]
    lexicon += [tb[n][0] for n in ("sentence", "left", "right", "clause")]
    lexicon += [tb[n][1] for n in ("sentence", "left", "right", "clause")]
    lexicon += _valence(words, t_from, t_to)

    _, negations = _vader()
    near_left = [w[2] for w in words[max(0, t_from - WINDOW) : t_from]]
    near_right = [w[2] for w in words[t_to : t_to + WINDOW]]
    quote_positions = [i for i, c in enumerate(text) if c in _QUOTES]
    inside = sum(1 for i in quote_positions if i < start) % 2 == 1
    quoted = sum(b - a for a, b in zip(quote_positions[::2], quote_positions[1::2]))
    target_words = [w[2] for w in words[t_from:t_to]]
    context = [
        start / max(len(text), 1),
        math.log1p(len(words)),
        math.log1p(len(target_words)),
        float(t_from == 0),
        float(len(target_words) == 1 and target_words[0] in _PRONOUNS),
        float(sum(w in negations or w.endswith("n't") for w in near_left)),
        float(sum(w in negations or w.endswith("n't") for w in near_right)),
        float(inside),
        quoted / max(len(text), 1),
        float(any(w in _SAY for w in near_right[:3])),
        float(any(w in _SAY for w in near_left[-3:])),
        float("?" in text),
        float("!" in text),
    ]
    return lexicon + context


def _token_views(embedding: np.ndarray, ids: np.ndarray, offsets: np.ndarray, start: int, end: int) -> np.ndarray:
    """Mean token embeddings over the views in ``VIEWS`` (zeros where a view has no token)."""
    n = len(ids)
    vectors = embedding[ids] if n else np.zeros((0, embedding.shape[1]), np.float32)
    in_target = (offsets[:, 0] < end) & (offsets[:, 1] > start) if n else np.zeros(0, bool)
    index = np.arange(n)
    hits = index[in_target]
    first = hits[0] if len(hits) else int(np.searchsorted(offsets[:, 0], start)) if n else 0
    last = hits[-1] if len(hits) else first - 1
    distance = np.where(index < first, first - index, index - last).astype(np.float32)
    masks = {
        "sentence": np.ones(n, np.float32),
        "target": in_target.astype(np.float32),
        "left": ((index < first) & (index >= first - TOKEN_WINDOW)).astype(np.float32),
        "right": ((index > last) & (index <= last + TOKEN_WINDOW)).astype(np.float32),
        "near": np.where(in_target, 0.0, 1.0 / np.maximum(distance, 1.0)).astype(np.float32),
        "masked": (~in_target).astype(np.float32),
    }
    out = np.zeros((len(VIEWS), embedding.shape[1]), np.float32)
    for k, view in enumerate(VIEWS):
        weight = masks[view]
        if weight.sum() > 0:
            out[k] = weight @ vectors / weight.sum()
    return out.ravel()


def embedding_features(targets: pd.DataFrame, *, batch_size: int = 256) -> np.ndarray:
    """WordLlama views of each row, ``len(VIEWS) * 256`` columns; each sentence is tokenised once."""
    model = wordllama()
    texts = targets["text"].tolist()
    unique = list(dict.fromkeys(texts))
    encoded = {}
    for i in range(0, len(unique), batch_size):
        chunk = unique[i : i + batch_size]
        for text, enc in zip(chunk, model.tokenizer.encode_batch(chunk, add_special_tokens=False)):
            keep = np.asarray(enc.attention_mask, bool)
            ids = np.clip(np.asarray(enc.ids, np.int64)[keep], 0, model.embedding.shape[0] - 1)
            encoded[text] = ids, np.asarray(enc.offsets, np.int64).reshape(-1, 2)[keep]
    out = np.zeros((len(targets), len(VIEWS) * model.embedding.shape[1]), np.float32)
    for row, (text, start, end) in enumerate(zip(texts, targets["start"], targets["end"])):
        ids, offsets = encoded[text]
        out[row] = _token_views(model.embedding, ids, offsets, int(start), int(end))
    return out


def target_features(targets: pd.DataFrame) -> np.ndarray:
    """The full feature matrix: embedding views, then lexicon and context columns (float64)."""
    lexical = np.array(
        [lexical_features(t, int(s), int(e)) for t, s, e in zip(targets["text"], targets["start"], targets["end"])],
        dtype=np.float64,
    ).reshape(len(targets), len(LEXICON_COLUMNS) + len(CONTEXT_COLUMNS))
    return np.hstack([embedding_features(targets).astype(np.float64), lexical])
