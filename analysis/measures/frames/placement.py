"""Frame placement: which frames each group puts in its headlines, its ledes and its body text."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.measures.frames.detection import check_columns, frames_and_other, indicator_matrix

__all__ = ["PARTS", "frame_placement"]

PARTS = ("headline", "lede", "body")


def frame_placement(
    sentences: pd.DataFrame,
    detections: pd.DataFrame,
    *,
    headlines: pd.DataFrame | None = None,
    by: str = "outlet",
    frames=None,
) -> pd.DataFrame:
    """Which frames each group puts in its headlines, its ledes and its body text.

    The lede is paragraph 1 of the body (``paragraph_no == 1``); the body is every
    later paragraph; headlines come from ``corpus.headlines`` and must have been
    coded too (``detect_frames`` of them, concatenated with the sentences' detections).

    Returns
    -------
    DataFrame
        ``<by>, part, frame, n_sentences, n_invoking, share``, with ``part`` one of
        ``headline, lede, body`` (headline only if ``headlines`` is given).

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["a1", "a2"], "outlet": ["A", "A"], "paragraph_no": [1, 2]})
    >>> h = pd.DataFrame({"sentence_id": ["a-h"], "outlet": ["A"], "paragraph_no": [0]})
    >>> d = pd.DataFrame({"sentence_id": ["a-h", "a2"], "frame": ["Political", "Political"]})
    >>> frame_placement(s, d, headlines=h)[["part", "frame", "share"]]
           part      frame  share
    0  headline  Political    1.0
    1  headline      Other    0.0
    2      lede  Political    0.0
    3      lede      Other    1.0
    4      body  Political    1.0
    5      body      Other    0.0
    """
    check_columns(sentences, ["sentence_id", by, "paragraph_no"], "sentences")
    names, other = frames_and_other(frames, detections)
    parts = []
    if headlines is not None:
        check_columns(headlines, ["sentence_id", by], "headlines")
        parts.append(("headline", headlines))
    parts.append(("lede", sentences[sentences["paragraph_no"] == 1]))
    parts.append(("body", sentences[sentences["paragraph_no"] > 1]))
    groups = sorted(set(sentences[by]) | (set(headlines[by]) if headlines is not None else set()))
    where = {g: i for i, g in enumerate(groups)}
    counts = []  # per part: sentences per group, and sentences invoking each frame per group
    for part, table in parts:
        ind = indicator_matrix(table["sentence_id"], detections, names)
        codes = np.array([where.get(g, -1) for g in table[by].tolist()], dtype=np.int64)
        inside = codes >= 0
        k = np.zeros((len(groups), ind.shape[1]), dtype=np.int64)
        np.add.at(k, codes[inside], ind[inside])
        counts.append((part, np.bincount(codes[inside], minlength=len(groups)), k))
    rows = []
    for i, group in enumerate(groups):
        for part, n_part, k_part in counts:
            n = int(n_part[i])
            for j, f in enumerate([*names, other]):
                k = int(k_part[i, j]) if n else 0
                rows.append((group, part, f, n, k, k / n if n else np.nan))
    return pd.DataFrame(rows, columns=[by, "part", "frame", "n_sentences", "n_invoking", "share"])

