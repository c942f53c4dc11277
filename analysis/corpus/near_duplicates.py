"""Near-duplicate articles that survive editing: MinHash LSH over word shingles.

The exact check in :mod:`analysis.corpus.load` compares sentence fingerprints, so
one changed word hides a sentence. Here each article becomes a set of *shingles*
-- pairs of consecutive content words, after case folding, look-alike letters
folded (:func:`analysis.corpus.repair.fold_lookalikes`), punctuation and
stopwords (:mod:`analysis.corpus.stopwords`) removed -- and ``datasketch``'s
MinHash LSH finds the pairs of articles whose sets overlap, without comparing
every pair. For each candidate pair the MinHash signatures estimate

* ``similarity`` -- the Jaccard index of the two shingle sets;
* ``shared`` -- the share of the smaller article's shingles found in the other
  (the containment; a copy with a paragraph cut still scores near 1).

A pair is reported when ``shared`` reaches ``min_shared``. The default, 0.35, was
chosen on invented examples (``tests/corpus/test_near_duplicates.py``): wire
copies with a new headline, a dateline or a cut paragraph share 0.8 or more; a
close paraphrase (same facts and order, reworded) about 0.4; independent articles
on the same story, naming the same people and numbers, 0.15 or less.

What it cannot see: a translation into another language shares no words with its
original, so it is never found; nor is a loose rewrite that keeps the facts but
not the wording.

Memory stays bounded: articles are read one at a time in order of publication,
each is compared with the articles before it and then added, and only the last
``window`` articles are kept in the index (wire copies appear within days of each
other). Each indexed article costs about 10 kB.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

import numpy as np
import pandas as pd
from datasketch import MinHash, MinHashLSH

from analysis.corpus.repair import fold_lookalikes
from analysis.corpus.stopwords import content_words

__all__ = ["NEAR_DUPLICATE_COLUMNS", "shingles", "near_duplicate_pairs", "find_near_duplicates"]

NEAR_DUPLICATE_COLUMNS = ["article_id", "outlet", "duplicate_of", "outlet_of_original", "shared", "similarity", "method"]
_NUM_PERM = 128
_SEED = 1
# LSH tuned to find pairs whose Jaccard index is about 0.2 or more; every candidate is then
# checked on the estimated containment, so a cut copy (low Jaccard, high containment) is kept
_LSH_THRESHOLD = 0.2


def shingles(text: str, *, size: int = 2) -> set[bytes]:
    """The set of ``size``-word shingles of ``text``'s content words, as UTF-8 bytes.

    A text with fewer content words than ``size`` gives one shingle of all of them
    (or none when it has none).

    Examples
    --------
    >>> sorted(shingles("The c\u043euncil approved the BUDGET, late."))
    [b'approved budget', b'budget late', b'council approved']
    """
    words = content_words(fold_lookalikes(text))
    if not words:
        return set()
    if len(words) < size:
        return {" ".join(words).encode()}
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


def near_duplicate_pairs(
    records: Iterable[tuple[str, str, str]],
    *,
    min_shared: float = 0.35,
    shingle_size: int = 2,
    min_shingles: int = 10,
    window: int = 50_000,
) -> Iterator[dict]:
    """Stream near-duplicate pairs from ``(article_id, outlet, text)`` records.

    Records must come in the order that decides which is the original: earlier
    published first, then as listed. Each article is compared with the last
    ``window`` articles before it; at most one row is yielded per article (its
    best match among earlier ones). Articles with fewer than ``min_shingles``
    shingles are too short to judge and are skipped.

    Yields
    ------
    dict
        ``article_id, outlet, duplicate_of, outlet_of_original, shared, similarity, method``.
    """
    lsh = MinHashLSH(threshold=_LSH_THRESHOLD, num_perm=_NUM_PERM)
    base = MinHash(num_perm=_NUM_PERM, seed=_SEED)
    kept: dict[str, tuple[np.ndarray, int, str]] = {}  # article_id -> signature, n shingles, outlet
    order: deque[str] = deque()
    method = f"minhash-lsh, {shingle_size}-word shingles"
    for aid, outlet, text in records:
        aid = str(aid)
        sh = shingles(text if isinstance(text, str) else "", size=shingle_size)
        if len(sh) < min_shingles or aid in kept:
            continue
        m = MinHash(num_perm=_NUM_PERM, seed=_SEED, permutations=base.permutations, scheme=base.scheme)
        m.update_batch(list(sh))
        sig = m.hashvalues
        best = None
        for other in lsh.query(m):
            osig, on, oout = kept[other]
            j = float(np.mean(sig == osig))
            # |A and B| from the Jaccard index and the two set sizes
            overlap = j * (len(sh) + on) / (1 + j)
            shared = min(1.0, overlap / min(len(sh), on))
            if shared >= min_shared and (best is None or (shared, j) > best[:2]):
                best = (shared, j, other, oout)
        if best is not None:
            yield {"article_id": aid, "outlet": outlet, "duplicate_of": best[2], "outlet_of_original": best[3],
                   "shared": round(best[0], 3), "similarity": round(best[1], 3), "method": method}
        lsh.insert(aid, m, check_duplication=False)
        kept[aid] = (sig, len(sh), outlet)
        order.append(aid)
        if len(order) > window:
            old = order.popleft()
            lsh.remove(old)
            del kept[old]


def find_near_duplicates(
    sentences: pd.DataFrame,
    *,
    articles: pd.DataFrame | None = None,
    min_shared: float = 0.35,
    window: int = 50_000,
) -> pd.DataFrame:
    """Pairs of articles that are copies of one another, even after editing.

    ``sentences`` is ``corpus.sentences`` (``article_id, outlet, text``; an
    article's text is its sentences in order) or any table with one row per
    article and a ``text`` column. ``articles`` gives ``published`` dates: of each
    pair the earlier-published article is the original, then the first listed.

    Returns
    -------
    pandas.DataFrame
        One row per copy, as the ``duplicates`` table (``article_id, outlet,
        duplicate_of, outlet_of_original, shared``) plus ``similarity`` (the
        estimated Jaccard index of the shingle sets) and ``method``. ``shared`` is
        the estimated share of the smaller article's shingles found in the other.

    Examples
    --------
    >>> text = ("The council approved a 412 million dollar budget after a vote that ran past "
    ...         "midnight, ending weeks of argument over library hours and road repairs.")
    >>> s = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["Wire", "Daily", "Post"],
    ...                   "text": [text, "SPRINGFIELD - " + text, "Nurses began a strike at the hospital "
    ...                            "over pay and staffing, the union said, and talks are set for Friday."]})
    >>> find_near_duplicates(s)[["article_id", "outlet", "duplicate_of", "outlet_of_original"]]
      article_id outlet duplicate_of outlet_of_original
    0          b  Daily            a               Wire
    """
    if sentences.empty:
        return pd.DataFrame(columns=NEAR_DUPLICATE_COLUMNS)
    texts = sentences.groupby("article_id", sort=False).agg(outlet=("outlet", "first"), text=("text", " ".join))
    texts["position"] = np.arange(len(texts))
    texts["published"] = "9999"  # undated articles count as published last, as in the exact check
    if articles is not None and "published" in articles:
        dates = {a: str(p) for a, p in zip(articles["article_id"], articles["published"])
                 if str(p) not in ("", "NaT", "nan", "None", "<NA>")}
        texts["published"] = [dates.get(a, "9999") for a in texts.index]
    texts = texts.sort_values(["published", "position"], kind="stable")
    rows = list(near_duplicate_pairs(zip(texts.index, texts["outlet"], texts["text"]),
                                     min_shared=min_shared, window=window))
    out = pd.DataFrame(rows, columns=NEAR_DUPLICATE_COLUMNS)
    position = texts["position"]
    out = out.iloc[np.argsort(out["article_id"].map(position).to_numpy(), kind="stable")]
    return out.reset_index(drop=True)
