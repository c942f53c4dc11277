"""Quoted and unquoted text: every sentence cut into the runs a quoted speaker said and the runs the outlet wrote."""

from __future__ import annotations

import pandas as pd

from analysis.corpus.text import to_raw_span
from analysis.measures.tone.tables import _check_columns

__all__ = ["VOICE_COLUMNS", "split_by_voice"]

VOICE_COLUMNS = ["sentence_id", "article_id", "outlet", "segment_no", "voice", "text"]


def split_by_voice(sentences: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Cut every sentence into runs of quoted and unquoted text, so each can be scored on its own.

    A quoted speaker's tone is not the outlet's. ``quotes`` gives the quoted
    spans as raw-file offsets ``start``/``end`` per ``article_id`` (the output of
    ``analysis.measures.quotes.extract_quotes``); ``sentences`` needs the corpus columns
    ``sentence_id, article_id, outlet, text, start`` and ``edits``. Quote marks
    fall outside the quoted spans and are trimmed from the runs' ends; runs with
    no letter or digit (a lone ``."``) are dropped.

    Returns a table with columns ``sentence_id, article_id, outlet, segment_no,
    voice`` (``"quoted"`` or ``"unquoted"``) and ``text`` (the run, in matching
    form, stripped), one row per run in text order. Score it with
    :func:`score_sentences` and compare with ``tone_summary(..., by=["outlet", "voice"])``.

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["a-s001"], "article_id": ["a"], "outlet": ["X"],
    ...                   "text": ['He said "this is awful" today.'], "start": [0], "edits": [""]})
    >>> q = pd.DataFrame({"article_id": ["a"], "start": [9], "end": [22]})
    >>> split_by_voice(s, q)[["segment_no", "voice", "text"]]
       segment_no     voice           text
    0           1  unquoted        He said
    1           2    quoted  this is awful
    2           3  unquoted         today.
    """
    _check_columns(sentences, ["sentence_id", "article_id", "outlet", "text", "start"], "sentences")
    _check_columns(quotes, ["article_id", "start", "end"], "quotes")
    spans = {a: list(zip(g["start"], g["end"])) for a, g in quotes.groupby("article_id")}
    rows = []
    for row in sentences.to_dict("records"):
        text, base = row["text"], int(row["start"])
        edits = row.get("edits", "")
        edits = edits if isinstance(edits, str) else ""
        # only the quotations that overlap the sentence's raw range can hold one of its characters
        lo, hi = to_raw_span(edits, 0, len(text))
        near = [(a, b) for a, b in spans.get(row["article_id"], ()) if a < base + hi and b > base + lo]
        if near:
            inside = []
            for k in range(len(text)):
                pos = base + to_raw_span(edits, k, k + 1)[0]
                inside.append(any(a <= pos < b for a, b in near))
        else:
            inside = [False] * len(text)
        runs, k = [], 0
        while k < len(text):
            j = k
            while j < len(text) and inside[j] == inside[k]:
                j += 1
            runs.append((inside[k], text[k:j]))
            k = j
        number = 0
        for quoted, piece in runs:
            piece = piece.strip().strip("\"',").strip()
            if not any(ch.isalnum() for ch in piece):
                continue
            number += 1
            rows.append([row["sentence_id"], row["article_id"], row["outlet"], number,
                         "quoted" if quoted else "unquoted", piece])
    return pd.DataFrame(rows, columns=VOICE_COLUMNS)
