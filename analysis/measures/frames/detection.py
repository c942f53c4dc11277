"""Frame detection: which frames each sentence invokes, with the cue that fired, located in the raw text.

A sentence *invokes* a frame when one of the codebook's cues occurs in it; a
sentence that invokes none is coded as the residual frame, Other. Cue matching is
:mod:`analysis.matching`'s, so every detection can be audited.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis.lexicons.codebook import OTHER, Codebook
from analysis.matching import find_terms

__all__ = ["DETECTION_COLUMNS", "detect_frames", "sentence_frames", "to_paragraphs"]

DETECTION_COLUMNS = ["sentence_id", "article_id", "outlet", "frame", "cue", "match", "start", "end"]
_SENTENCE_NEEDS = ("sentence_id", "article_id", "outlet", "text", "start")


def check_columns(table: pd.DataFrame, needed: Iterable[str], name: str) -> None:
    missing = [c for c in needed if c not in table.columns]
    if missing:
        raise ValueError(f"{name} lacks column(s) {', '.join(missing)}")


def detect_frames(sentences: pd.DataFrame, codebook: Codebook) -> pd.DataFrame:
    """Every frame cue that fires in each sentence, located in the raw text.

    Parameters
    ----------
    sentences : DataFrame
        ``sentence_id, article_id, outlet, text, start`` and, as the corpus gives
        them, ``raw`` and ``edits`` (pass ``corpus.headlines`` too, to code headlines).
    codebook : Codebook
        From :func:`analysis.lexicons.load_codebook`.

    Returns
    -------
    DataFrame
        ``sentence_id, article_id, outlet, frame, cue, match, start, end``: one row
        per cue occurrence and frame; ``start``/``end`` are offsets in the raw file,
        ``match`` is the raw text there. Sentences that invoke no frame have no rows.

    Examples
    --------
    >>> from analysis.lexicons import lexicon_paths, load_codebook
    >>> cb = load_codebook(lexicon_paths()["codebook"])
    >>> s = pd.DataFrame({"sentence_id": ["a-s001"], "article_id": ["a"], "outlet": ["X"],
    ...                   "text": ["Police reform needs new laws."], "start": [100]})
    >>> d = detect_frames(s, cb)
    >>> list(d.columns)
    ['sentence_id', 'article_id', 'outlet', 'frame', 'cue', 'match', 'start', 'end']
    >>> for r in d.itertuples():
    ...     print(r.frame, "|", r.cue, "|", r.match, r.start, r.end)
    Policy prescription and evaluation | police reform | Police reform 100 113
    Crime and punishment | police reform | Police reform 100 113
    Legality, constitutionality and jurisprudence | law | laws 124 128
    """
    check_columns(sentences, _SENTENCE_NEEDS, "sentences")
    found = find_terms(sentences, codebook.matcher).rename(columns={"key": "frame"})
    if len(found):
        found["cue"] = [codebook._spelling.get((f, c), c) for f, c in zip(found["frame"], found["cue"])]
    return found[DETECTION_COLUMNS].reset_index(drop=True)


def frames_and_other(frames, detections) -> tuple[list[str], str]:
    if isinstance(frames, Codebook):
        names, other = frames.frame_names, frames.other
    elif frames is None:
        names, other = list(dict.fromkeys(detections["frame"])), OTHER
    else:
        names, other = [f for f in frames if f != OTHER], OTHER
    unknown = sorted(set(detections["frame"]) - set(names))
    if unknown:
        raise ValueError(f"detections name frame(s) not in frames: {', '.join(unknown)}")
    return names, other


def indicator_matrix(ids: pd.Series, detections: pd.DataFrame, names: list[str]) -> np.ndarray:
    """Bool ``(len(ids), len(names) + 1)``: which frames each row's sentence invokes, the residual frame last."""
    codes, uniq = pd.factorize(ids)
    k = len(names)
    mat = np.zeros((len(uniq) + 1, k + 1), dtype=bool)  # the extra row is for missing ids
    if len(detections) and len(uniq):
        rows = pd.Index(uniq).get_indexer(detections["sentence_id"])
        cols = pd.Index(names).get_indexer(detections["frame"])
        hit = (rows >= 0) & (cols >= 0)
        mat[rows[hit], cols[hit]] = True
    mat[:, k] = ~mat[:, :k].any(axis=1)
    return mat[codes]


def sentence_frames(sentences: pd.DataFrame, detections: pd.DataFrame, *, frames=None) -> pd.DataFrame:
    """One row per sentence and frame it invokes; a sentence with none gets the residual frame.

    Returns ``sentence_id, article_id, outlet, paragraph_no, sentence_no, frame,
    n_cues, cues`` (``cues``: the matched words, in order, joined with ``"; "``), in
    sentence order and codebook order of frames.
    """
    names, other = frames_and_other(frames, detections)
    keep = [c for c in ("sentence_id", "article_id", "outlet", "paragraph_no", "sentence_no") if c in sentences]
    hits = detections[detections["sentence_id"].isin(set(sentences["sentence_id"]))]
    if "start" in hits.columns:
        hits = hits.sort_values("start", kind="stable")
    if "match" not in hits.columns:
        hits = hits.assign(match="")
    # the matches of each (sentence, frame), in order of first appearance; pandas' per-group join is slow
    cues: dict[tuple, list] = {}
    for key in zip(hits["sentence_id"].tolist(), hits["frame"].tolist(), hits["match"].tolist()):
        cues.setdefault(key[:2], []).append(key[2])
    agg = pd.DataFrame({
        "sentence_id": pd.Series([k[0] for k in cues], dtype=hits["sentence_id"].dtype),
        "frame": pd.Series([k[1] for k in cues], dtype=hits["frame"].dtype),
        "n_cues": pd.Series([len(v) for v in cues.values()], dtype="int64"),
        "cues": pd.Series(["; ".join(v) for v in cues.values()], dtype="str" if cues else hits["match"].dtype),
    })
    base = sentences[keep].reset_index(drop=True).reset_index(names="_order")
    out = base.merge(agg, on="sentence_id", how="left")
    out["frame"] = out["frame"].fillna(other)
    out["n_cues"] = out["n_cues"].fillna(0).astype("int64")
    out["cues"] = out["cues"].fillna("")
    rank = {f: i for i, f in enumerate([*names, other])}
    out = out.assign(_rank=out["frame"].map(rank)).sort_values(["_order", "_rank"], kind="stable")
    return out.drop(columns=["_order", "_rank"]).reset_index(drop=True)


def to_paragraphs(sentences: pd.DataFrame, detections: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Recast sentences and detections as paragraphs, so every measure can count paragraphs instead.

    Outlets write sentences of different lengths, and a long sentence has more
    chances to contain a cue; a paragraph-level count is a check on that. Each
    paragraph becomes one unit with ``sentence_id = f"{article_id}-p{paragraph_no:02d}"``.

    Returns
    -------
    (DataFrame, DataFrame)
        ``sentence_id, article_id, outlet, paragraph_no, sentence_no, n_sentences``
        (``sentence_no`` is the paragraph number) and the detections with
        ``sentence_id`` pointing at the paragraph.

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["a-s001", "a-s002"], "article_id": "a", "outlet": "A", "paragraph_no": [1, 1]})
    >>> d = pd.DataFrame({"sentence_id": ["a-s002"], "frame": ["Political"]})
    >>> units, pd_ = to_paragraphs(s, d)
    >>> units[["sentence_id", "n_sentences"]].to_dict("records"), list(pd_["sentence_id"])
    ([{'sentence_id': 'a-p01', 'n_sentences': 2}], ['a-p01'])
    """
    check_columns(sentences, ["sentence_id", "article_id", "outlet", "paragraph_no"], "sentences")
    pid = sentences["article_id"].astype(str) + "-p" + sentences["paragraph_no"].map("{:02d}".format)
    units = (
        sentences.assign(_pid=pid)
        .groupby("_pid", sort=False)
        .agg(article_id=("article_id", "first"), outlet=("outlet", "first"), paragraph_no=("paragraph_no", "first"),
             n_sentences=("sentence_id", "size"))
        .reset_index(names="sentence_id")
    )
    units.insert(4, "sentence_no", units["paragraph_no"])
    mapping = dict(zip(sentences["sentence_id"], pid))
    moved = detections[detections["sentence_id"].isin(mapping)].copy()
    moved["sentence_id"] = moved["sentence_id"].map(mapping)
    return units, moved.reset_index(drop=True)

