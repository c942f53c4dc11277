"""The frame codebook: its YAML schema, loaded and validated, every problem reported at once.

A frame codebook (``data/lexicons/frames.yml``, the generic Policy Frames Codebook
dimensions, plus a swappable story file such as ``frames_technology.yml``) lists
cues for each frame, each with a rationale. :func:`load_codebook` reads one or
several such files into a :class:`Codebook`, whose matcher
(:mod:`analysis.matching`) the frame measures use.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

from analysis.corpus.text import normalise
from analysis.matching import Term, TermMatcher, term_pattern

__all__ = ["OTHER", "CodebookError", "Codebook", "load_codebook"]

OTHER = "Other"
KINDS = ("generic", "story")
TOP_KEYS = ("codebook", "kind", "source", "description", "frames")
FRAME_KEYS = ("frame", "pfc", "definition", "residual", "cues")
CUE_KEYS = ("cue", "rationale", "case_sensitive", "inflect", "note")
FRAME_COLUMNS = ["frame", "kind", "pfc", "definition", "n_cues", "file"]
CUE_COLUMNS = ["frame", "cue", "case_sensitive", "inflect", "rationale", "note", "file"]


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
    >>> from analysis.lexicons.catalogue import codebook_files
    >>> cb = load_codebook(codebook_files())
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

