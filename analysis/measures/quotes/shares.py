"""How much of each outlet is quotation, and each speaker's share of its quoted words."""

from __future__ import annotations

import pandas as pd

from analysis.corpus.text import count_words

__all__ = ["quote_share", "share_of_voice"]


def quote_share(quotes: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """How much of each outlet's text is quotation.

    Fragments, block quotes and unclosed quotations all count.

    Returns
    -------
    pandas.DataFrame
        ``outlet, quotes, quoted_words, words, quoted_share``: ``words`` counts the
        outlet's body words (matching form) and ``quoted_share`` is
        ``quoted_words / words``.
    """
    words = sentences.assign(n=sentences["text"].map(count_words)).groupby("outlet")["n"].sum()
    q = quotes.groupby("outlet").agg(quotes=("quote_id", "size"), quoted_words=("words", "sum"))
    out = pd.DataFrame({"outlet": sorted(words.index)}).join(q, on="outlet")
    out["quotes"] = out["quotes"].fillna(0).astype("int64")
    out["quoted_words"] = out["quoted_words"].fillna(0).astype("int64")
    out["words"] = out["outlet"].map(words).astype("int64")
    out["quoted_share"] = out["quoted_words"] / out["words"]
    return out


def share_of_voice(quotes: pd.DataFrame) -> pd.DataFrame:
    """Who is quoted how much: each speaker's share of an outlet's quoted words.

    Returns
    -------
    pandas.DataFrame
        ``outlet, speaker, quotes, words, word_share``, largest share first within
        each outlet; ``unknown`` is kept as a speaker so shares add up to 1.

    Examples
    --------
    >>> q = pd.DataFrame({"quote_id": ["q1", "q2", "q3"], "outlet": ["A", "A", "A"],
    ...                   "speaker": ["X", "Y", "X"], "words": [6, 2, 2]})
    >>> share_of_voice(q)
      outlet speaker  quotes  words  word_share
    0      A       X       2      8         0.8
    1      A       Y       1      2         0.2
    """
    g = quotes.groupby(["outlet", "speaker"], as_index=False).agg(quotes=("quote_id", "size"), words=("words", "sum"))
    g["word_share"] = g["words"] / g.groupby("outlet")["words"].transform("sum")
    return g.sort_values(["outlet", "word_share", "speaker"], ascending=[True, False, True]).reset_index(drop=True)
