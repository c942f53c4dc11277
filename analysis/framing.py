"""Framing: which frames each sentence invokes, with the cue that fired, and how outlets compare.

A frame codebook (``data/lexicons/frames.yml``, the generic Policy Frames Codebook
dimensions, plus a swappable story file such as ``frames_technology.yml``) lists
cues for each frame. A sentence *invokes* a frame when one of its cues occurs in
it; a sentence that invokes none is coded as the residual frame, Other. Cue
matching is :mod:`analysis.matching`'s, so every detection is located in the raw
text and can be audited.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from analysis.matching import Term, TermMatcher, find_terms, term_pattern
from analysis.corpus.text import normalise
from analysis.stats.units import article_counts, require_article_ids, require_articles

__all__ = [
    "CodebookError",
    "Codebook",
    "OTHER",
    "load_codebook",
    "detect_frames",
    "sentence_frames",
    "to_paragraphs",
    "frame_profile",
    "frame_difference",
    "dominant_frames",
    "frame_placement",
    "frame_evidence",
    "cue_audit",
    "plot_frame_heatmap",
    "plot_frame_difference",
    "plot_frame_sequence",
]

OTHER = "Other"
KINDS = ("generic", "story")
TOP_KEYS = ("codebook", "kind", "source", "description", "frames")
FRAME_KEYS = ("frame", "pfc", "definition", "residual", "cues")
CUE_KEYS = ("cue", "rationale", "case_sensitive", "inflect", "note")
FRAME_COLUMNS = ["frame", "kind", "pfc", "definition", "n_cues", "file"]
CUE_COLUMNS = ["frame", "cue", "case_sensitive", "inflect", "rationale", "note", "file"]
DETECTION_COLUMNS = ["sentence_id", "article_id", "outlet", "frame", "cue", "match", "start", "end"]
PARTS = ("headline", "lede", "body")
_SENTENCE_NEEDS = ("sentence_id", "article_id", "outlet", "text", "start")


class CodebookError(ValueError):
    """A frame codebook file that cannot be used; the message lists every problem found."""


@dataclass
class Codebook:
    """A validated frame codebook.

    Attributes
    ----------
    frames : DataFrame
        ``frame, kind, pfc, definition, n_cues, file``, in codebook order, the residual frame last.
    cues : DataFrame
        ``frame, cue, case_sensitive, inflect, rationale, note, file``: one row per listing.
    other : str
        The residual frame, for sentences that invoke no other frame.
    """

    frames: pd.DataFrame
    cues: pd.DataFrame
    other: str = OTHER
    matcher: TermMatcher = field(repr=False, default=None)
    _spelling: dict = field(repr=False, default_factory=dict)

    @property
    def frame_names(self) -> list[str]:
        """The substantive frames in codebook order (without the residual frame)."""
        return [f for f in self.frames["frame"] if f != self.other]


# --------------------------------------------------------------------------- loading


def _where(file, frame=None, cue=None) -> str:
    parts = [str(file)]
    if frame is not None:
        parts.append(f"frame {frame!r}")
    if cue is not None:
        parts.append(f"cue {cue!r}")
    return ", ".join(parts)


def _cue_key(cue: str, sensitive: bool, inflect: bool) -> tuple:
    """Two listings with the same key match exactly the same words."""
    words = re.split(r"[\s-]+", normalise(cue).text.strip())
    text = " ".join(w for w in words if w)
    return (text if sensitive else text.lower(), sensitive, inflect)


def _read_one(path: Path, problems: list[str]) -> list[dict]:
    """The frames of one file as dicts, appending what is wrong to ``problems``."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"{path}: file not found")
        return []
    except yaml.YAMLError as exc:
        problems.append(f"{path}: not valid YAML ({exc})")
        return []
    if not isinstance(data, dict):
        problems.append(f"{path}: expected a mapping with a 'frames:' list at the top")
        return []
    for key in data:
        if key not in TOP_KEYS:
            problems.append(f"{path}: unknown key {key!r} (allowed: {', '.join(TOP_KEYS)})")
    kind = data.get("kind", "generic")
    if kind not in KINDS:
        problems.append(f"{path}: kind {kind!r} is not one of {', '.join(KINDS)}")
    frames = data.get("frames")
    if not isinstance(frames, list) or not frames:
        problems.append(f"{path}: 'frames' must be a non-empty list")
        return []
    out = []
    for i, entry in enumerate(frames, start=1):
        if not isinstance(entry, dict):
            problems.append(f"{path}: frame {i} is not a mapping")
            continue
        name = entry.get("frame")
        if not isinstance(name, str) or not name.strip():
            problems.append(f"{path}: frame {i} has no name ('frame:')")
            continue
        name = name.strip()
        for key in entry:
            if key not in FRAME_KEYS:
                problems.append(f"{_where(path, name)}: unknown key {key!r} (allowed: {', '.join(FRAME_KEYS)})")
        definition = entry.get("definition")
        if not isinstance(definition, str) or not definition.strip():
            problems.append(f"{_where(path, name)}: no definition")
        pfc = entry.get("pfc")
        if pfc is not None and (isinstance(pfc, bool) or not isinstance(pfc, int) or not 1 <= pfc <= 15):
            problems.append(f"{_where(path, name)}: pfc {pfc!r} is not a dimension number 1-15")
        residual = entry.get("residual", False)
        if not isinstance(residual, bool):
            problems.append(f"{_where(path, name)}: 'residual' must be true or false, not {residual!r}")
            residual = False
        cues = entry.get("cues")
        frame = {"frame": name, "kind": kind, "pfc": pfc, "definition": definition, "residual": residual,
                 "file": path, "cues": []}
        if residual:
            if cues:
                problems.append(f"{_where(path, name)}: the residual frame must have no cues")
            out.append(frame)
            continue
        if not isinstance(cues, list) or not cues:
            problems.append(f"{_where(path, name)}: empty cue list")
            out.append(frame)
            continue
        for j, c in enumerate(cues, start=1):
            cue_row = _read_cue(c, path, name, j, problems)
            if cue_row is not None:
                frame["cues"].append(cue_row)
        out.append(frame)
    return out


def _read_cue(c, path, frame, j, problems) -> dict | None:
    if not isinstance(c, dict):
        problems.append(f"{_where(path, frame)}: cue {j} ({c!r}) must be a mapping with 'cue' and 'rationale'")
        return None
    cue = c.get("cue")
    if not isinstance(cue, str) or not cue.strip():
        problems.append(f"{_where(path, frame)}: cue {j} has no text ('cue:')")
        return None
    cue = cue.strip()
    where = _where(path, frame, cue)
    ok = True
    for key in c:
        if key not in CUE_KEYS:
            problems.append(f"{where}: unknown key {key!r} (allowed: {', '.join(CUE_KEYS)})")
            ok = False
    rationale = c.get("rationale")
    if not isinstance(rationale, str) or not rationale.strip():
        problems.append(f"{where}: no rationale")
        ok = False
    flags = {}
    for key in ("case_sensitive", "inflect"):
        value = c.get(key)
        if value is not None and not isinstance(value, bool):
            problems.append(f"{where}: {key!r} must be true or false, not {value!r}")
            ok = False
            value = None
        flags[key] = value
    note = c.get("note")
    if note is not None and (not isinstance(note, str) or not note.strip()):
        problems.append(f"{where}: 'note' must be a sentence saying why the cue is under two frames")
        ok = False
    try:
        term_pattern(cue)
        if re.search(r"[^\w\s*'&.-]", normalise(cue).text):
            raise ValueError("only letters, digits, spaces, hyphens, apostrophes, '&', '.' and a final '*'")
        if re.search(r"\*(?=[\w*])", cue):
            raise ValueError("'*' may only end a word")
    except ValueError as exc:
        problems.append(f"{where}: not a usable cue ({exc})")
        ok = False
    if not ok:
        return None
    term = Term(frame, cue, case_sensitive=flags["case_sensitive"],
                inflect=True if flags["inflect"] is None else flags["inflect"])
    return {
        "frame": frame,
        "cue": cue,
        "case_sensitive": term.is_case_sensitive,
        "inflect": term.inflect,
        "explicit_case": flags["case_sensitive"],
        "rationale": rationale.strip(),
        "note": (note or "").strip(),
        "file": path,
    }


def _redundant(a: dict, b: dict) -> bool:
    """True if every word ``b`` matches is matched by ``a`` as well (same frame only)."""
    if b["cue"].endswith("*") or a["case_sensitive"] != b["case_sensitive"]:
        return False
    flags = 0 if a["case_sensitive"] else re.IGNORECASE
    pattern = term_pattern(a["cue"], inflect=a["inflect"])
    return re.fullmatch(pattern, normalise(b["cue"]).text, flags) is not None


def load_codebook(path: Path | str | Iterable[Path | str]) -> Codebook:
    """Read and validate one or several frame codebook files.

    Every problem is collected and reported at once, each naming the file, the
    frame and the cue: unknown keys, a frame without a definition, an empty cue
    list, a cue without a rationale, a duplicate cue or one that another cue of the
    same frame already matches, the same frame name twice, and a cue listed under
    two frames where neither listing has a ``note`` saying why.

    Parameters
    ----------
    path : path or iterable of paths
        YAML files; see ``data/lexicons/frames.yml`` for the schema. Frames keep
        the order of the files and of the frames in them; the residual frame
        (``residual: true``, one at most) goes last, and is added as ``Other`` if no
        file defines it.

    Returns
    -------
    Codebook

    Raises
    ------
    CodebookError
        With one line per problem.

    Examples
    --------
    >>> from analysis.paths import LEXICONS
    >>> cb = load_codebook([LEXICONS / "frames.yml", LEXICONS / "frames_technology.yml"])
    >>> cb.frame_names[:2], cb.other
    (['Economic', 'Capacity and resources'], 'Other')
    """
    paths = [Path(path)] if isinstance(path, (str, Path)) else [Path(p) for p in path]
    if not paths:
        raise CodebookError("no codebook file given")
    problems: list[str] = []
    frames: list[dict] = []
    for p in paths:
        frames.extend(_read_one(p, problems))

    seen: dict[str, Path] = {}
    residual = [f for f in frames if f["residual"]]
    for f in frames:
        if f["frame"] in seen:
            problems.append(f"{_where(f['file'], f['frame'])}: frame name already used in {seen[f['frame']]}")
        seen.setdefault(f["frame"], f["file"])
    if len(residual) > 1:
        names = ", ".join(f"{f['frame']!r} ({f['file']})" for f in residual)
        problems.append(f"more than one residual frame: {names}")

    by_key: dict[tuple, list[dict]] = {}
    for f in frames:
        for i, b in enumerate(f["cues"]):
            key = _cue_key(b["cue"], b["case_sensitive"], b["inflect"])
            for a in f["cues"][:i]:
                if _cue_key(a["cue"], a["case_sensitive"], a["inflect"]) == key:
                    problems.append(f"{_where(f['file'], f['frame'], b['cue'])}: duplicate of cue {a['cue']!r}")
                    break
                if _redundant(a, b):
                    problems.append(f"{_where(f['file'], f['frame'], b['cue'])}: already matched by cue {a['cue']!r}")
                    break
            else:
                by_key.setdefault(key, []).append(b)
    spelling = {}
    for listings in by_key.values():
        owners = {b["frame"] for b in listings}
        if len(owners) > 1 and not any(b["note"] for b in listings):
            where = " and ".join(f"{b['frame']!r} ({b['file']})" for b in listings)
            problems.append(f"cue {listings[0]['cue']!r} is listed under {where} without a note saying why")
        # one spelling per key, so the matcher reports the cue once per frame
        for b in listings:
            spelling[(b["frame"], listings[0]["cue"])] = b["cue"]

    if problems:
        raise CodebookError("frame codebook problems:\n  " + "\n  ".join(problems))

    other = residual[0]["frame"] if residual else OTHER
    ordered = [f for f in frames if not f["residual"]] + (residual or [
        {"frame": OTHER, "kind": "generic", "pfc": None, "definition": "A sentence that invokes no frame.",
         "file": None, "cues": []}
    ])
    frame_table = pd.DataFrame(
        [{"frame": f["frame"], "kind": f["kind"], "pfc": f["pfc"], "definition": f["definition"],
          "n_cues": len(f["cues"]), "file": f["file"].name if f["file"] else ""} for f in ordered],
        columns=FRAME_COLUMNS,
    ).astype({"pfc": "Int64", "n_cues": "int64"})
    cue_rows = [dict(b, file=b["file"].name) for f in ordered for b in f["cues"]]
    cue_table = pd.DataFrame(cue_rows, columns=CUE_COLUMNS)
    terms = []
    for listings in by_key.values():
        canonical = listings[0]
        for b in listings:
            terms.append(Term(b["frame"], canonical["cue"], case_sensitive=b["case_sensitive"], inflect=b["inflect"]))
    return Codebook(frames=frame_table, cues=cue_table, other=other, matcher=TermMatcher(terms), _spelling=spelling)


# --------------------------------------------------------------------------- detection


def _check_columns(table: pd.DataFrame, needed: Iterable[str], name: str) -> None:
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
        From :func:`load_codebook`.

    Returns
    -------
    DataFrame
        ``sentence_id, article_id, outlet, frame, cue, match, start, end``: one row
        per cue occurrence and frame; ``start``/``end`` are offsets in the raw file,
        ``match`` is the raw text there. Sentences that invoke no frame have no rows.

    Examples
    --------
    >>> from analysis.paths import LEXICONS
    >>> cb = load_codebook(LEXICONS / "frames.yml")
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
    _check_columns(sentences, _SENTENCE_NEEDS, "sentences")
    found = find_terms(sentences, codebook.matcher).rename(columns={"key": "frame"})
    if len(found):
        found["cue"] = [codebook._spelling.get((f, c), c) for f, c in zip(found["frame"], found["cue"])]
    return found[DETECTION_COLUMNS].reset_index(drop=True)


def _frames_and_other(frames, detections) -> tuple[list[str], str]:
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


def _indicator_matrix(ids: pd.Series, detections: pd.DataFrame, names: list[str]) -> np.ndarray:
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
    names, other = _frames_and_other(frames, detections)
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
    _check_columns(sentences, ["sentence_id", "article_id", "outlet", "paragraph_no"], "sentences")
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


# --------------------------------------------------------------------------- profiles


# Up to this many draws (n_boot x resampled units, about 2 s) the bootstrap draws each replicate with
# rng.multinomial, as it always has, so published intervals stay the same; numpy draws a multinomial as one
# binomial per unit (~90 ns each), which would take minutes on a corpus of 10,000 articles. Beyond it,
# each replicate is the counts of m uniform draws of m units (the same multinomial distribution, a
# different random stream), made in blocks of about _BLOCK draws with integers + bincount (~10 ns each).
_EXACT_DRAWS = 25_000_000
_BLOCK = 2_000_000


def _group_counts(sums: np.ndarray, sizes: np.ndarray, n_boot: int, rng, *, exact: bool) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap counts of invoking sentences ``(n_boot, k)`` and of sentences ``(n_boot,)``.

    ``sums`` holds the invoking sentences of each unit ``(m, k)`` and ``sizes`` its sentences ``(m,)``.
    """
    m = len(sizes)
    num = np.empty((n_boot, sums.shape[1]))
    den = np.empty(n_boot)
    if exact:
        for lo in range(0, n_boot, 500):
            hi = min(lo + 500, n_boot)
            w = rng.multinomial(m, np.full(m, 1 / m), size=hi - lo).astype(float)
            num[lo:hi] = w @ sums
            den[lo:hi] = w @ sizes
        return num, den
    step = max(1, min(n_boot, _BLOCK // max(m, 1)))
    for lo in range(0, n_boot, step):
        hi = min(lo + step, n_boot)
        picks = rng.integers(0, m, size=(hi - lo, m))
        picks += (np.arange(hi - lo) * m)[:, None]
        w = np.bincount(picks.ravel(), minlength=(hi - lo) * m).reshape(hi - lo, m).astype(float)
        num[lo:hi] = w @ sums
        den[lo:hi] = w @ sizes
    return num, den


def _bootstrap(sentences, detections, *, by, frames, unit, n_boot, seed):
    if unit not in ("sentence", "paragraph", "article"):
        raise ValueError(f"unit must be 'sentence', 'paragraph' or 'article', not {unit!r}")
    needed = ["sentence_id", by] + {"paragraph": ["article_id", "paragraph_no"], "article": ["article_id"]}.get(unit, [])
    _check_columns(sentences, needed, "sentences")
    _check_columns(detections, ["sentence_id", "frame"], "detections")
    require_article_ids(sentences, unit, "sentences")
    names, other = _frames_and_other(frames, detections)
    ind = _indicator_matrix(sentences["sentence_id"], detections, names)
    groups = sentences[by].reset_index(drop=True)
    order = sorted(groups.unique())
    codes = pd.Index(order).get_indexer(groups) if len(order) else np.full(len(groups), -1)
    rows_by = np.argsort(codes, kind="stable")  # each group's rows, in table order
    bounds = np.searchsorted(codes[rows_by], np.arange(len(order) + 1))
    if unit != "sentence":
        # numbered in order of first appearance, within a group as well (pd.factorize keeps that order)
        key = sentences["article_id"].astype(str)
        if unit == "paragraph":
            key = key + "#" + sentences["paragraph_no"].astype(str)
        paragraph = pd.factorize(key.to_numpy())[0]
    units = [bounds[i + 1] - bounds[i] for i in range(len(order))]
    if unit != "sentence":
        units = [len(pd.unique(paragraph[rows_by[bounds[i]:bounds[i + 1]]])) for i in range(len(order))]
    if unit == "article":
        for g, m in zip(order, units):
            require_articles(g, m, within="'sentence' or 'paragraph'")
    exact = n_boot * sum(units) <= _EXACT_DRAWS
    rng = np.random.default_rng(seed)
    out = {}
    for i, g in enumerate(order):
        rows = rows_by[bounds[i]:bounds[i + 1]]
        x = ind[rows].astype(float)
        if unit != "sentence":
            local = pd.factorize(paragraph[rows])[0]
            sums = np.zeros((units[i], x.shape[1]))
            np.add.at(sums, local, x)
            sizes = np.bincount(local).astype(float)
        else:
            sums, sizes = x, np.ones(len(x))
        num, den = _group_counts(sums, sizes, n_boot, rng, exact=exact)
        out[g] = (ind[rows].sum(axis=0), len(rows), num, den)
    return [*names, other], out


def frame_profile(
    sentences: pd.DataFrame,
    detections: pd.DataFrame,
    *,
    by: str = "outlet",
    frames=None,
    unit: str = "sentence",
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 20200608,
) -> pd.DataFrame:
    """The share of sentences that invoke each frame, per group, with bootstrap intervals.

    Parameters
    ----------
    sentences, detections : DataFrame
        The sentences coded and :func:`detect_frames` of them.
    by : str
        The column that defines the groups (any number of them), such as ``outlet``.
    frames : Codebook or list of str, optional
        Which frames to report and in what order; by default those detected.
        Frames that never fired get a row with share 0.
    unit : {"sentence", "paragraph", "article"}
        What the bootstrap resamples within each group. Sentences of one paragraph
        tend to share frames, so ``"paragraph"`` gives wider, more honest intervals;
        ``"article"`` resamples whole articles, the unit for comparing outlets once
        each has several (:func:`analysis.stats.units.resampling_unit`; every group
        then needs two or more).
    n_boot, level, seed : int, float, int
        Bootstrap replicates, interval coverage, and the seed of
        ``numpy.random.default_rng``. Intervals are percentile intervals.

    Returns
    -------
    DataFrame
        ``<by>, frame, n_sentences, n_articles, n_invoking, share, low, high,
        one_article``. The shares of one group sum to more than 1 when sentences
        invoke several frames. ``one_article`` flags a group whose sentences all come
        from one article: its interval describes that article, not the outlet's
        coverage (``n_articles`` is missing without an ``article_id`` column).

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["a1", "a2", "b1"], "outlet": ["A", "A", "B"]})
    >>> d = pd.DataFrame({"sentence_id": ["a1"], "frame": ["Political"]})
    >>> frame_profile(s, d, n_boot=200)[["outlet", "frame", "n_invoking", "share"]]
      outlet      frame  n_invoking  share
    0      A  Political           1    0.5
    1      A      Other           1    0.5
    2      B  Political           0    0.0
    3      B      Other           1    1.0
    """
    names, boot = _bootstrap(sentences, detections, by=by, frames=frames, unit=unit, n_boot=n_boot, seed=seed)
    articles = article_counts(sentences, by)
    q = [(1 - level) / 2, 1 - (1 - level) / 2]
    rows = []
    for g, (count, n, num, den) in boot.items():
        low, high = np.quantile(num / den[:, None], q, axis=0)
        a = articles.get(g, pd.NA)
        for k, f in enumerate(names):
            rows.append((g, f, n, a, int(count[k]), count[k] / n, low[k], high[k], _one(a)))
    out = pd.DataFrame(rows, columns=[by, "frame", "n_sentences", "n_articles", "n_invoking", "share", "low", "high",
                                      "one_article"])
    out["n_articles"] = out["n_articles"].astype("Int64")
    return out


def _one(n_articles) -> bool:
    return bool(pd.notna(n_articles) and n_articles == 1)


def frame_difference(
    sentences: pd.DataFrame,
    detections: pd.DataFrame,
    *,
    by: str = "outlet",
    frames=None,
    unit: str = "sentence",
    n_boot: int = 2000,
    level: float = 0.95,
    seed: int = 20200608,
) -> pd.DataFrame:
    """How much more (or less) often each group invokes each frame than all other groups together.

    Each group is compared with the rest pooled, so this works for any number of
    groups; with two, the two rows of a frame mirror each other. The interval
    comes from resampling each group independently (see :func:`frame_profile` for
    the options); an interval that excludes 0 is a difference the resampling does
    not explain away.

    Returns
    -------
    DataFrame
        ``<by>, frame, share, share_rest, difference, low, high, n_articles,
        n_articles_rest, one_article`` (either side rests on one article, so the
        interval describes that article rather than an outlet's coverage).

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["a1", "a2", "b1", "b2"], "outlet": ["A", "A", "B", "B"]})
    >>> d = pd.DataFrame({"sentence_id": ["a1", "a2"], "frame": ["Political"] * 2})
    >>> frame_difference(s, d, n_boot=200)[["outlet", "frame", "difference", "low", "high"]]
      outlet      frame  difference  low  high
    0      A  Political         1.0  1.0   1.0
    1      A      Other        -1.0 -1.0  -1.0
    2      B  Political        -1.0 -1.0  -1.0
    3      B      Other         1.0  1.0   1.0
    """
    names, boot = _bootstrap(sentences, detections, by=by, frames=frames, unit=unit, n_boot=n_boot, seed=seed)
    if len(boot) < 2:
        raise ValueError(f"frame_difference needs at least two groups in {by!r}, found {len(boot)}")
    q = [(1 - level) / 2, 1 - (1 - level) / 2]
    total_count = sum(b[0] for b in boot.values())
    total_n = sum(b[1] for b in boot.values())
    total_num = sum(b[2] for b in boot.values())
    total_den = sum(b[3] for b in boot.values())
    articles = article_counts(sentences, by)
    rows = []
    for g, (count, n, num, den) in boot.items():
        share = count / n
        rest = (total_count - count) / (total_n - n)
        diff_boot = num / den[:, None] - (total_num - num) / (total_den - den)[:, None]
        low, high = np.quantile(diff_boot, q, axis=0)
        a = articles.get(g, pd.NA)
        a_rest = (sentences.loc[sentences[by].notna() & (sentences[by] != g), "article_id"].nunique()
                  if "article_id" in sentences.columns else pd.NA)
        for k, f in enumerate(names):
            rows.append((g, f, share[k], rest[k], share[k] - rest[k], low[k], high[k], a, a_rest,
                         _one(a) or _one(a_rest)))
    out = pd.DataFrame(rows, columns=[by, "frame", "share", "share_rest", "difference", "low", "high", "n_articles",
                                      "n_articles_rest", "one_article"])
    out[["n_articles", "n_articles_rest"]] = out[["n_articles", "n_articles_rest"]].astype("Int64")
    return out


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
    _check_columns(sentences, ["sentence_id", "article_id", "outlet", "paragraph_no"], "sentences")
    names, other = _frames_and_other(frames, detections)
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
    _check_columns(sentences, ["sentence_id", by, "paragraph_no"], "sentences")
    names, other = _frames_and_other(frames, detections)
    parts = []
    if headlines is not None:
        _check_columns(headlines, ["sentence_id", by], "headlines")
        parts.append(("headline", headlines))
    parts.append(("lede", sentences[sentences["paragraph_no"] == 1]))
    parts.append(("body", sentences[sentences["paragraph_no"] > 1]))
    groups = sorted(set(sentences[by]) | (set(headlines[by]) if headlines is not None else set()))
    where = {g: i for i, g in enumerate(groups)}
    counts = []  # per part: sentences per group, and sentences invoking each frame per group
    for part, table in parts:
        ind = _indicator_matrix(table["sentence_id"], detections, names)
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


# --------------------------------------------------------------------------- evidence


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
    names, _ = _frames_and_other(frames, detections)
    text_col = "raw" if "raw" in sentences.columns else "text"
    _check_columns(sentences, ["sentence_id", "outlet", "start", text_col], "sentences")
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


# --------------------------------------------------------------------------- figures


def _order_frames(frames: Sequence[str], other: str | None = None) -> list[str]:
    names = list(dict.fromkeys(frames))
    if other in names:
        names.remove(other)
        names.append(other)
    return names


def plot_frame_heatmap(profile: pd.DataFrame, *, colours: dict[str, str], by: str = "outlet"):
    """A frame x group heatmap of :func:`frame_profile` shares, each cell with its interval.

    Column labels take the group's colour and its number of sentences, and say "1 article"
    when the group rests on one (``one_article``). With more than six groups the columns
    narrow, their labels turn, and the cells show the share alone (the intervals stay in
    ``profile``). Returns the figure.
    """
    import matplotlib.pyplot as plt

    frames = _order_frames(profile["frame"])
    groups = list(dict.fromkeys(profile[by]))
    share = profile.pivot(index="frame", columns=by, values="share").loc[frames, groups]
    low = profile.pivot(index="frame", columns=by, values="low").loc[frames, groups]
    high = profile.pivot(index="frame", columns=by, values="high").loc[frames, groups]
    n = profile.groupby(by)["n_sentences"].first()
    single = (profile.groupby(by)["one_article"].first() if "one_article" in profile.columns
              else pd.Series(False, index=n.index))
    many = len(groups) > 6
    fig, ax = plt.subplots(figsize=(4.6 + (0.7 if many else 1.5) * len(groups), 0.42 * len(frames) + (2.4 if many else 1.6)))
    im = ax.imshow(share.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=1, aspect="auto")
    for i in range(len(frames)):
        for j in range(len(groups)):
            v = share.iat[i, j]
            label = f"{v:.0%}" if many else f"{v:.0%}\n[{low.iat[i, j] * 100:.0f}\u2013{high.iat[i, j] * 100:.0f}]"
            ax.text(j, i, label, ha="center", va="center", fontsize=7, linespacing=1.1,
                    color="white" if v > 0.55 else "#222222")
    ax.set_yticks(range(len(frames)), frames)
    ax.set_xticks(range(len(groups)), [f"{g}\nn = {n[g]}" + (", 1 article" if single[g] else "") for g in groups])
    for label, g in zip(ax.get_xticklabels(), groups):
        label.set_color(colours.get(g, "#222222"))
        label.set_fontweight("bold")
        if many:
            label.set_rotation(60)
            label.set_horizontalalignment("right")
            label.set_rotation_mode("anchor")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    cbar = fig.colorbar(im, ax=ax, fraction=0.04, pad=0.02, format=lambda x, _: f"{x:.0%}")
    cbar.set_label("share of sentences invoking the frame")
    ax.set_title("Share of sentences invoking each frame\n"
                 + ("(95% bootstrap intervals in the profile table)" if many else "(95% bootstrap interval in brackets)"))
    fig.tight_layout()
    return fig


def plot_frame_difference(difference, *, colours: dict[str, str], by: str = "outlet"):
    """Each group's share minus the rest's, per frame, with intervals; returns the figure.

    ``difference`` is a :func:`frame_difference` table, or a mapping from a label
    (such as ``"sentences"``, ``"paragraphs"``) to several, drawn side by side with
    filled and hollow markers so a reader can see whether a difference survives a
    change of unit. With two groups the mirror image is left out and each series
    reads "first minus second". A dashed interval flags a comparison that rests on
    one article on either side (``one_article``). With more than four groups each
    group gets a panel of its own (its share minus the rest's), in rows of four.
    """
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    tables = difference if isinstance(difference, dict) else {"": difference}
    first = next(iter(tables.values()))
    frames = _order_frames(first["frame"])
    groups = list(dict.fromkeys(first[by]))
    if len(groups) > 4:
        return _frame_difference_panels(tables, frames, groups, colours=colours, by=by)
    shown = groups[:1] if len(groups) == 2 else groups
    series = [(label, g) for g in shown for label in tables]
    fig, ax = plt.subplots(figsize=(7.5, 0.4 * len(frames) + 1.5))
    step = 0.7 / max(len(series), 1)
    styles = ["o", "s", "D", "^"]
    for j, (label, g) in enumerate(series):
        table = tables[label]
        sub = table[table[by] == g].set_index("frame").loc[frames]
        y = np.arange(len(frames)) + (j - (len(series) - 1) / 2) * step
        name = f"{g} minus {groups[1]}" if len(groups) == 2 else f"{g} minus the rest"
        k = list(tables).index(label)
        colour = colours.get(g, "#222222")
        single = bool(sub["one_article"].any()) if "one_article" in sub.columns else False
        legend = (f"{name}, {label}" if label else name) + (" (dashed: rests on one article)" if single else "")
        bars = ax.errorbar(sub["difference"], y, xerr=[sub["difference"] - sub["low"], sub["high"] - sub["difference"]],
                           fmt=styles[k % len(styles)], color=colour, ecolor=colour, elinewidth=1.3, capsize=2,
                           markersize=5, markerfacecolor=colour if k == 0 else "white", label=legend)
        if single:
            for line in bars.lines[2]:
                line.set_linestyle((0, (2, 1.5)))
    ax.axvline(0, color="#888888", linewidth=0.8)
    ax.set_yticks(range(len(frames)), frames)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x * 100:+.0f}"))
    ax.set_xlabel("difference in share of units invoking the frame (percentage points), 95% bootstrap interval")
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), frameon=False, fontsize=8)
    fig.suptitle("Where the outlets differ: share invoking each frame", x=0.01, ha="left", fontsize=11)
    fig.tight_layout()
    return fig


def _frame_difference_panels(tables: dict, frames: list[str], groups: list, *, colours: dict[str, str], by: str):
    """:func:`plot_frame_difference` for many groups: one small panel per group, frames shared."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter

    ncols = 4
    nrows = -(-len(groups) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(2.6 * ncols + 2.6, nrows * (0.2 * len(frames) + 0.9) + 0.8),
                             sharex=True, sharey=True, squeeze=False)
    styles = ["o", "s", "D", "^"]
    step = 0.6 / max(len(tables), 1)
    y0 = np.arange(len(frames))
    for ax, g in zip(axes.flat, groups):
        colour = colours.get(g, "#222222")
        for k, table in enumerate(tables.values()):
            sub = table[table[by] == g].set_index("frame").loc[frames]
            y = y0 + (k - (len(tables) - 1) / 2) * step
            bars = ax.errorbar(sub["difference"], y, xerr=[sub["difference"] - sub["low"], sub["high"] - sub["difference"]],
                               fmt=styles[k % len(styles)], color=colour, ecolor=colour, elinewidth=1, capsize=0,
                               markersize=3.5, markerfacecolor=colour if k == 0 else "white")
            if "one_article" in sub.columns and sub["one_article"].any():
                for line in bars.lines[2]:
                    line.set_linestyle((0, (2, 1.5)))
        ax.axvline(0, color="#888888", linewidth=0.8)
        ax.set_title(textwrap.shorten(str(g), 32), fontsize=9, color=colour, fontweight="bold")
        ax.tick_params(labelsize=7.5)
    for ax in axes.flat[len(groups):]:
        ax.set_visible(False)
    for ax in axes[:, 1:].flat:
        ax.tick_params(labelleft=False)
    axes[0, 0].set_yticks(y0, frames)
    axes[0, 0].invert_yaxis()
    axes[0, 0].xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x * 100:+.0f}"))
    handles = [Line2D([], [], marker=styles[k % len(styles)], color="#444444", markerfacecolor="#444444" if k == 0 else "white",
                      linestyle="none", label=f"{label}" if label else "share minus the rest")
               for k, label in enumerate(tables)]
    fig.legend(handles=handles, loc="upper right", frameon=False, fontsize=8, ncols=len(handles))
    fig.suptitle("Where each outlet differs from the rest: share invoking each frame "
                 "(percentage points, 95% bootstrap interval)", x=0.01, ha="left", fontsize=11)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.5 / fig.get_figheight()))
    return fig


def plot_frame_sequence(
    sentences: pd.DataFrame,
    detections: pd.DataFrame,
    *,
    colours: dict[str, str],
    frames=None,
    max_articles: int = 12,
):
    """The frames of each article in reading order: one panel per article, one row per frame.

    The x-axis is the sentence number (0 is the headline, if ``sentences`` includes
    it); dotted lines mark paragraph breaks. A corpus of more than ``max_articles``
    articles shows that many, taken in turn from each outlet (its first article,
    then its second, ...) and drawn in corpus order; the title says how many of
    how many. Returns the figure.
    """
    import matplotlib.pyplot as plt

    names, other = _frames_and_other(frames, detections)
    rows = [*names, other]
    articles = list(dict.fromkeys(sentences["article_id"]))
    n_articles = len(articles)
    if n_articles > max_articles:
        articles = _articles_in_turn(sentences, articles, max_articles)
        sentences = sentences[sentences["article_id"].isin(set(articles))]
    sf = sentence_frames(sentences, detections, frames=frames)
    fig, axes = plt.subplots(len(articles), 1, figsize=(8, (0.24 * len(rows) + 0.9) * len(articles)),
                             sharex=True, squeeze=False)
    ypos = {f: i for i, f in enumerate(rows)}
    for ax, aid in zip(axes[:, 0], articles):
        art = sentences[sentences["article_id"] == aid]
        sub = sf[sf["article_id"] == aid]
        outlet = art["outlet"].iloc[0]
        colour = colours.get(outlet, "#222222")
        ax.scatter(sub["sentence_no"], sub["frame"].map(ypos), marker="s", s=28, color=colour, zorder=3)
        breaks = art.sort_values("sentence_no").drop_duplicates("paragraph_no")["sentence_no"].to_numpy()[1:]
        for b in breaks:
            ax.axvline(b - 0.5, color="#bbbbbb", linewidth=0.6, linestyle=":")
        ax.set_yticks(range(len(rows)), rows, fontsize=7.5)
        ax.set_ylim(len(rows) - 0.5, -0.5)
        ax.set_title(f"{outlet} ({aid})", color=colour, fontsize=10, loc="left")
        ax.grid(axis="y", color="#eeeeee", linewidth=0.6, zorder=0)
        ax.set_axisbelow(True)
    axes[-1, 0].set_xlabel("sentence number in the article (0 = headline); dotted lines are paragraph breaks")
    title = "Frames sentence by sentence, in reading order"
    if len(articles) < n_articles:
        title += f" ({len(articles)} of {n_articles} articles, taken in turn from each outlet)"
    fig.suptitle(title, x=0.01, ha="left", fontsize=11)
    fig.tight_layout()
    return fig


def _articles_in_turn(sentences: pd.DataFrame, articles: list, limit: int) -> list:
    """``limit`` of ``articles``: each outlet's first, then each one's second, ..., in corpus order."""
    outlet_of = dict(zip(sentences["article_id"], sentences["outlet"]))
    by_outlet: dict = {}
    for a in articles:
        by_outlet.setdefault(outlet_of[a], []).append(a)
    chosen: set = set()
    for turn in range(max(len(v) for v in by_outlet.values())):
        for listed in by_outlet.values():
            if turn < len(listed) and len(chosen) < limit:
                chosen.add(listed[turn])
    return [a for a in articles if a in chosen]
