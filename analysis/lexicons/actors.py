"""The actors and aspects lexicons: read from YAML, checked, one row per cue.

``actors.yml`` lists the people, companies, governments and groups a story
names, with their aliases; ``aspects.yml`` lists the parts of the story, each
with its cues. Every entry carries a source or rationale.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from analysis.lexicons.catalogue import lexicon_paths

__all__ = ["ACTOR_TYPES", "ACTOR_COLUMNS", "ASPECT_COLUMNS", "load_actors", "load_aspects"]

ACTOR_TYPES = ("company", "person", "government", "group", "technology")

ACTOR_COLUMNS = ["actor", "type", "cue", "case_sensitive", "inflect", "source"]
ASPECT_COLUMNS = ["aspect", "description", "cue", "case_sensitive", "inflect", "source"]


def _read_yaml(path: Path, top: str) -> list:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get(top), list):
        raise ValueError(f"{path}: expected a top-level '{top}:' list")
    return data[top]


def _optional_bool(value, where: str, field: str) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    raise ValueError(f"{where}: '{field}' must be true or false, not {value!r}")


def _alias_rows(entry: dict, where: str, *, label: str, extra: dict) -> list[dict]:
    """One row per cue of a lexicon entry: its name first, then its aliases."""
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{where}: missing 'name'")
    note = entry.get("source") or entry.get("rationale")
    if not note:
        raise ValueError(f"{where} ({name}): give a 'source' or 'rationale' for the cues")
    aliases = entry.get("aliases", entry.get("cues")) or []
    if not isinstance(aliases, list):
        raise ValueError(f"{where} ({name}): 'aliases' must be a list")
    default_case = _optional_bool(entry.get("case_sensitive"), where, "case_sensitive")
    default_inflect = _optional_bool(entry.get("inflect"), where, "inflect")
    rows, seen = [], set()
    include_name = entry.get("name_is_cue", True)
    for alias in ([name] if include_name else []) + aliases:
        if isinstance(alias, str):
            cue, case, inflect = alias, default_case, default_inflect
        elif isinstance(alias, dict) and isinstance(alias.get("cue"), str):
            cue = alias["cue"]
            case = _optional_bool(alias.get("case_sensitive", default_case), where, "case_sensitive")
            inflect = _optional_bool(alias.get("inflect", default_inflect), where, "inflect")
        else:
            raise ValueError(f"{where} ({name}): alias {alias!r} is neither a string nor a {{cue: ...}} mapping")
        cue = cue.strip()
        # a name such as "police / law enforcement" is a label, not a cue
        if not cue or "/" in cue or cue in seen:
            continue
        seen.add(cue)
        rows.append(
            {label: name, **extra, "cue": cue, "case_sensitive": case,
             "inflect": True if inflect is None else inflect, "source": str(note).strip()}
        )
    return rows


def load_actors(path: Path | str = lexicon_paths()["actors"]) -> pd.DataFrame:
    """Read the actors lexicon: one row per cue (the name and each alias) of each actor.

    A name containing ``/`` (``police / law enforcement``) is a label and is not
    itself matched.

    Parameters
    ----------
    path
        The YAML file (default: the project's ``data/lexicons/actors.yml``).

    Returns
    -------
    pandas.DataFrame
        ``actor, type, cue, case_sensitive, inflect, source``; ``case_sensitive``
        is ``None`` where the lexicon's default rule applies (acronyms in capitals
        only).

    Raises
    ------
    ValueError
        Naming the file and entry, when an entry has no name, an unknown type, no
        source, or two actors share a name.

    Examples
    --------
    >>> actors = load_actors()
    >>> actors.loc[actors.actor == "Arvind Krishna", "cue"].tolist()
    ['Arvind Krishna', 'Krishna', 'the CEO']
    """
    path = Path(path)
    rows, names = [], set()
    for i, entry in enumerate(_read_yaml(path, "actors"), start=1):
        where = f"{path} actor {i}"
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: expected a mapping with name, type, aliases, source")
        kind = entry.get("type")
        if kind not in ACTOR_TYPES:
            raise ValueError(f"{where} ({entry.get('name')}): type {kind!r} is not one of {', '.join(ACTOR_TYPES)}")
        new = _alias_rows(entry, where, label="actor", extra={"type": kind})
        if entry["name"] in names:
            raise ValueError(f"{where}: actor {entry['name']!r} is listed twice")
        names.add(entry["name"])
        rows.extend(new)
    return pd.DataFrame(rows, columns=ACTOR_COLUMNS)


def load_aspects(path: Path | str = lexicon_paths()["aspects"]) -> pd.DataFrame:
    """Read the aspects lexicon: one row per cue of each aspect of the story.

    An aspect's name is a label and is not matched; validation is as for
    :func:`load_actors` (a ``ValueError`` names the file and entry).

    Returns
    -------
    pandas.DataFrame
        ``aspect, description, cue, case_sensitive, inflect, source``.

    Examples
    --------
    >>> load_aspects().groupby("aspect", sort=False).size().head(2)
    aspect
    IBM's decision       10
    national dialogue     2
    dtype: int64
    """
    path = Path(path)
    rows, names = [], set()
    for i, entry in enumerate(_read_yaml(path, "aspects"), start=1):
        where = f"{path} aspect {i}"
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: expected a mapping with name, cues, source")
        if not entry.get("cues"):
            raise ValueError(f"{where} ({entry.get('name')}): no 'cues'")
        entry = {**entry, "name_is_cue": False}
        new = _alias_rows(entry, where, label="aspect", extra={"description": str(entry.get("description", "")).strip()})
        if entry["name"] in names:
            raise ValueError(f"{where}: aspect {entry['name']!r} is listed twice")
        names.add(entry["name"])
        rows.extend(new)
    return pd.DataFrame(rows, columns=ASPECT_COLUMNS)
