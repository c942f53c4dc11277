"""Extremes: the most positive and most negative sentences of each group, with every instrument's evidence."""

from __future__ import annotations

import pandas as pd

from analysis.measures.tone.instruments import instruments
from analysis.measures.tone.tables import _check_columns

__all__ = ["extreme_sentences"]


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
    table; each instrument's evidence is listed as ``words score`` pairs, on the
    instrument's own scale (TextBlob on its [-1, 1] scale, VADER on its [-4, 4]
    valence scale).

    Returns ``by``, ``end`` ("most positive" / "most negative"), ``sentence_id``, each
    instrument's headline measure (``polarity``, ``vader_compound``), each instrument's
    ``<name>_evidence`` (``textblob_evidence``, ``vader_evidence``), ``text``.
    """
    every = instruments()
    _check_columns(scored, ["sentence_id", "text", by, measure] + [i.measure for i in every], "scored")
    _check_columns(evidence, ["sentence_id", "method", "words", "score"], "evidence")

    def listing(sentence_id: str, instrument) -> str:
        e = evidence[(evidence["sentence_id"] == sentence_id) & (evidence["method"] == instrument.name)]
        return ", ".join(f"{w} {s:{instrument.evidence_format}}" for w, s in zip(e["words"], e["score"]))

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
                        **{i.measure: row[i.measure] for i in every},
                        **{f"{i.name}_evidence": listing(row["sentence_id"], i) for i in every},
                        "text": row["text"],
                    }
                )
    return pd.DataFrame(rows)
