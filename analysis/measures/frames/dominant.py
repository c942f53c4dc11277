"""The dominant frame of each paragraph: the one most of its sentences invoke, ties broken and shown."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.measures.frames.detection import check_columns, frames_and_other, sentence_frames

__all__ = ["dominant_frames"]


def dominant_frames(sentences: pd.DataFrame, detections: pd.DataFrame, *, frames=None) -> pd.DataFrame:
    """The dominant frame of each paragraph.

    The dominant frame is the one invoked by the most sentences of the paragraph;
    ties go to the frame with more cue matches, then to the one the reader meets
    first. ``tied_with`` names the frames invoked by as many sentences, so a
    reader can see where the choice is close. A paragraph with no cue is Other.

    Returns
    -------
    DataFrame
        ``article_id, outlet, paragraph_no, n_sentences, frame, n_invoking, n_cues, tied_with``.
    """
    check_columns(sentences, ["sentence_id", "article_id", "outlet", "paragraph_no"], "sentences")
    names, other = frames_and_other(frames, detections)
    sf = sentence_frames(sentences, detections, frames=frames)
    first = detections.groupby(["sentence_id", "frame"])["start"].min()
    at = first.index.get_indexer(pd.MultiIndex.from_arrays([sf["sentence_id"], sf["frame"]])) if len(first) else \
        np.full(len(sf), -1)
    sf["first"] = np.append(first.to_numpy(dtype=float), np.inf)[at]  # -1, not found: inf
    # paragraphs numbered in reading order; all paragraphs are ranked at once rather than one groupby each
    sf["_p"] = sf.groupby(["article_id", "paragraph_no"], sort=False).ngroup()
    sf = sf[sf["_p"] >= 0]
    stats = (
        sf.groupby(["_p", "frame"])  # frames in sorted order: the last tie-break, as before
        .agg(n_invoking=("sentence_id", "nunique"), n_cues=("n_cues", "sum"), first=("first", "min"))
        .reset_index()
    )
    p, frame = stats["_p"].to_numpy(), stats["frame"].to_numpy(dtype=object)
    is_other = frame == other
    substantive = np.bincount(p[~is_other], minlength=p.max() + 1 if len(p) else 0) > 0
    keep = ~(is_other & substantive[p])
    stats = stats[keep]
    p, frame = p[keep], frame[keep]
    n_inv, n_cues = stats["n_invoking"].to_numpy(), stats["n_cues"].to_numpy()
    order = np.lexsort((np.arange(len(p)), stats["first"].to_numpy(), -n_cues, -n_inv, p))
    p, frame, n_inv, n_cues = p[order], frame[order], n_inv[order], n_cues[order]
    lead = np.r_[True, p[1:] != p[:-1]] if len(p) else np.zeros(0, dtype=bool)
    best = np.flatnonzero(lead)  # one per paragraph, in paragraph order
    tied: list[list[str]] = [[] for _ in best]
    which = np.cumsum(lead) - 1
    for i in np.flatnonzero(~lead & (n_inv == n_inv[best][which])):
        tied[which[i]].append(frame[i])
    heads = sf.drop_duplicates("_p")  # the first row of each paragraph, in paragraph order
    n_sent = sentences.groupby(["article_id", "paragraph_no"]).size()
    sizes = n_sent.reindex(pd.MultiIndex.from_arrays([heads["article_id"], heads["paragraph_no"]])).to_numpy()
    rows = list(zip(heads["article_id"].tolist(), heads["outlet"].tolist(), heads["paragraph_no"].tolist(),
                    sizes.astype("int64").tolist(), frame[best].tolist(), n_inv[best].astype("int64").tolist(),
                    n_cues[best].astype("int64").tolist(), [", ".join(t) for t in tied]))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "paragraph_no", "n_sentences", "frame",
                                       "n_invoking", "n_cues", "tied_with"])

