"""Scoring: every sentence's tone by each registered instrument, on masked text, and what the masking changed."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.measures.tone.instruments import MEASURES, instruments
from analysis.measures.tone.masking import _apply_mask, _as_terms, _find_untoned, _matcher, _name_matcher
from analysis.measures.tone.tables import _check_columns

__all__ = ["score_sentences", "masking_effect"]


def score_sentences(
    sentences: pd.DataFrame,
    *,
    methods: Sequence[str] | None = None,
    mask: bool = True,
    names=(),
) -> pd.DataFrame:
    """Score the tone of every sentence with each instrument of ``methods`` (every registered one by default).

    ``sentences`` needs a ``text`` column (the corpus's matching form); every other
    column is kept. Unless ``mask=False``, the spans :func:`mask_untoned` finds
    (numbers, bracketed dates and numbers, proper names and ``names``) are masked
    first.

    Returns
    -------
    DataFrame
        ``sentences`` with ``scored_text`` (what the instruments read) and each
        instrument's columns, in registry order: for ``"textblob"``, ``polarity`` and
        ``subjectivity``; for ``"vader"``, ``vader_compound``, ``vader_pos``,
        ``vader_neu`` and ``vader_neg``.

    Examples
    --------
    >>> s = pd.DataFrame({"text": ["A fair and peaceful protest.", "Rep. Karen Bass wrote (June 8)."]})
    >>> score_sentences(s)[["polarity", "vader_compound"]].round(3)
       polarity  vader_compound
    0     0.475           0.542
    1     0.000           0.000
    """
    _check_columns(sentences, ["text"], "sentences")
    chosen = instruments(methods)
    matcher = _name_matcher(names)
    out = sentences.copy()
    texts = out["text"].tolist()
    if mask:
        texts = [_apply_mask(t, spans) if spans else t for t, spans in ((t, _find_untoned(t, matcher)) for t in texts)]
    out["scored_text"] = texts
    for instrument in chosen:
        scores = [instrument.score(t) for t in texts]
        for column in instrument.columns:
            out[column] = [s[column] for s in scores]
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
