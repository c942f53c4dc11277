"""Near-duplicate articles: wire copies in several outlets and articles loaded twice,
found by the sentences they share."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from itertools import combinations

import pandas as pd

from analysis.corpus.tables import DUPLICATE_COLUMNS, build_table

__all__ = ["find_duplicates", "duplicate_pairs", "sentence_keys"]

_KEY_WORD = re.compile(r"[^\W_]+")  # the words left when punctuation and underscores become spaces


def sentence_keys(texts, *, min_words: int = 6) -> set[bytes]:
    """Fingerprints of an article's sentences of ``min_words`` words or more (case, punctuation ignored)."""
    keys = set()
    for t in texts:
        words = _KEY_WORD.findall(t.lower())
        if len(words) >= min_words:
            keys.add(hashlib.blake2b(" ".join(words).encode(), digest_size=8).digest())
    return keys


def duplicate_pairs(keys: dict[str, set], outlet: dict, published: dict, *, min_share: float) -> pd.DataFrame:
    order = {aid: i for i, aid in enumerate(keys)}
    # counted first (in C), so that only sentences found in several articles get a posting list
    seen: Counter = Counter()
    for ks in keys.values():
        seen.update(ks)
    postings: dict[bytes, list[str]] = {}
    for aid, ks in keys.items():
        for k in ks:
            if seen[k] > 1:
                postings.setdefault(k, []).append(aid)
    # pairs counted in the order they are first met, which decides ties below
    shared: Counter = Counter()
    for ids in postings.values():
        if not 2 <= len(ids) <= 200:  # a sentence in hundreds of articles is boilerplate, not a copy
            continue
        shared.update(combinations(ids, 2))
    rows = {}
    for (a, b), n in shared.items():
        share = n / min(len(keys[a]), len(keys[b]))
        if share < min_share:
            continue
        first, copy = sorted((a, b), key=lambda x: (published.get(x) or "9999", order[x]))
        if copy not in rows or rows[copy][-1] < share:
            rows[copy] = [copy, outlet[copy], first, outlet[first], round(share, 3)]
    found = [dict(zip(DUPLICATE_COLUMNS, r)) for r in sorted(rows.values(), key=lambda r: order[r[0]])]
    return build_table(found, DUPLICATE_COLUMNS, "duplicates")


def find_duplicates(sentences: pd.DataFrame, *, articles: pd.DataFrame | None = None, min_share: float = 0.8,
                    min_words: int = 6) -> pd.DataFrame:
    """Pairs of articles that are mostly the same text: wire copies and articles loaded twice.

    Two articles are near-duplicates when at least ``min_share`` of the sentences of
    the shorter one (sentences of ``min_words`` words or more, compared in lower case
    with punctuation and spacing ignored) also occur in the other. Of each pair, the
    copy published first (or, without dates, listed first) is the original.

    Returns ``article_id, outlet, duplicate_of, outlet_of_original, shared`` (the share
    of the copy's sentences found in the original), one row per copy.
    """
    keys = {aid: sentence_keys(g, min_words=min_words)
            for aid, g in sentences.groupby("article_id", sort=False)["text"]}
    keys = {aid: k for aid, k in keys.items() if k}
    outlet = dict(zip(sentences["article_id"], sentences["outlet"]))
    published = {}
    if articles is not None and "published" in articles:
        published = {a: str(p) for a, p in zip(articles["article_id"], articles["published"]) if str(p) not in ("", "NaT", "nan")}
    return duplicate_pairs(keys, outlet, published, min_share=min_share)
