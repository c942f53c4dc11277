"""Evidence: the lexicon words behind every score, with the negations and intensifiers that changed them."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.measures.tone.instruments import instruments
from analysis.measures.tone.masking import _apply_mask, _find_untoned, _name_matcher
from analysis.measures.tone.tables import _check_columns, _records, _to_file_offsets

__all__ = ["EVIDENCE_COLUMNS", "sentiment_evidence"]

EVIDENCE_COLUMNS = [
    "sentence_id", "article_id", "outlet", "method", "cue", "words", "modifiers",
    "lexicon_score", "score", "subjectivity", "label", "start", "end",
]


def sentiment_evidence(
    sentences: pd.DataFrame,
    *,
    methods: Sequence[str] | None = None,
    mask: bool = True,
    names=(),
) -> pd.DataFrame:
    """The words behind every score: one row per lexicon word that an instrument counted.

    Runs on the same masked text as :func:`score_sentences` (same ``mask`` and
    ``names``), so a masked name never appears as evidence.

    Returns a table with columns

    - ``sentence_id, article_id, outlet``;
    - ``method``: the instrument's name (``"textblob"``, ``"vader"``), in registry order;
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
    chosen = instruments(methods)
    matcher = _name_matcher(names)
    rows = []
    for row in _records(sentences):
        text = row["text"]
        if mask:
            spans = _find_untoned(text, matcher)
            text = _apply_mask(text, spans) if spans else text
        found = [f for instrument in chosen for f in instrument.evidence(text)]
        for f in found:
            if f["start"] is not None:
                f["start"], f["end"] = _to_file_offsets(row, f["start"], f["end"])
            rows.append({"sentence_id": row["sentence_id"], "article_id": row["article_id"], "outlet": row["outlet"], **f})
    out = pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)
    out["start"] = out["start"].astype("Int64")
    out["end"] = out["end"].astype("Int64")
    return out
