"""The evidence behind the frame counts: each invoking sentence with its cues marked, and how often each cue fired."""

from __future__ import annotations

import pandas as pd

from analysis.lexicons.codebook import Codebook
from analysis.measures.frames.detection import check_columns, frames_and_other

__all__ = ["frame_evidence", "cue_audit"]


def frame_evidence(
    sentences: pd.DataFrame,
    detections: pd.DataFrame,
    *,
    frames=None,
    marks: tuple[str, str] = ("«", "»"),
) -> pd.DataFrame:
    """Each sentence that invokes each frame, as written, with that frame's cues marked.

    Returns
    -------
    DataFrame
        ``frame, outlet, sentence_id, cues, sentence``: ``sentence`` is the raw
        sentence with every match of the frame's cues between ``marks``; rows in
        codebook order of frames, then sentence order. The residual frame is left out.

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["a1"], "outlet": ["A"], "start": [10], "raw": ["Ask\u00a0Congress now."]})
    >>> d = pd.DataFrame({"sentence_id": ["a1"], "frame": ["Political"], "match": ["Congress"], "start": [14], "end": [22]})
    >>> frame_evidence(s, d).loc[0, "sentence"]
    'Ask\\xa0«Congress» now.'
    """
    names, _ = frames_and_other(frames, detections)
    text_col = "raw" if "raw" in sentences.columns else "text"
    check_columns(sentences, ["sentence_id", "outlet", "start", text_col], "sentences")
    ids = sentences["sentence_id"].tolist()
    order = {s: i for i, s in enumerate(ids)}
    # the last row of a repeated id, as a lookup by label would give
    info = dict(zip(ids, zip(sentences["start"].tolist(), sentences[text_col].tolist(), sentences["outlet"].tolist())))
    rank = {f: i for i, f in enumerate(names)}
    hits = detections[detections["sentence_id"].isin(order)]
    groups: dict[tuple, list] = {}
    for sid, frame, a, b, match in zip(hits["sentence_id"].tolist(), hits["frame"].tolist(), hits["start"].tolist(),
                                        hits["end"].tolist(), hits["match"].tolist()):
        groups.setdefault((sid, frame), []).append((a, b, match))
    rows = []
    for (sid, frame), found in groups.items():
        start, text, outlet = info[sid]
        base = int(start)
        spans = sorted({(int(a) - base, int(b) - base) for a, b, _ in found})
        pieces, pos = [], 0
        for a, b in spans:
            if a < pos:  # overlapping spans cannot happen with one matcher; keep the first
                continue
            pieces += [text[pos:a], marks[0], text[a:b], marks[1]]
            pos = b
        pieces.append(text[pos:])
        cues = "; ".join(dict.fromkeys(m for _, _, m in sorted(found, key=lambda h: h[0])))
        rows.append((frame, outlet, sid, cues, "".join(pieces), rank[frame], order[sid]))
    out = pd.DataFrame(rows, columns=["frame", "outlet", "sentence_id", "cues", "sentence", "_f", "_s"])
    return out.sort_values(["_f", "_s"], kind="stable").drop(columns=["_f", "_s"]).reset_index(drop=True)


def cue_audit(detections: pd.DataFrame, codebook: Codebook, *, by: str = "outlet") -> pd.DataFrame:
    """How often each cue of the codebook fired, including the cues that never did.

    Returns
    -------
    DataFrame
        ``frame, cue, n_matches, n_sentences, <by>s, forms``: ``<by>s`` lists the
        groups it fired in and ``forms`` the distinct raw forms matched (such as
        ``regulations; regulation``), in codebook order of frames and cues.
    """
    cues = codebook.cues[["frame", "cue"]]
    if len(detections):
        stats = detections.groupby(["frame", "cue"], sort=False).agg(
            n_matches=("match", "size"),
            n_sentences=("sentence_id", "nunique"),
            groups=(by, lambda s: ", ".join(sorted(set(s)))),
            forms=("match", lambda s: "; ".join(dict.fromkeys(s))),
        ).reset_index()
    else:
        stats = pd.DataFrame(columns=["frame", "cue", "n_matches", "n_sentences", "groups", "forms"])
    out = cues.merge(stats, on=["frame", "cue"], how="left")
    out["n_matches"] = out["n_matches"].fillna(0).astype("int64")
    out["n_sentences"] = out["n_sentences"].fillna(0).astype("int64")
    out["groups"] = out["groups"].fillna("")
    out["forms"] = out["forms"].fillna("")
    return out.rename(columns={"groups": f"{by}s"})

