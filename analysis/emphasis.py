"""Emphasis: whom and what each outlet foregrounds.

Actors and their prominence, aspects of the story, quotations and their speakers,
quotations shared across outlets, and the words that set each outlet apart.
Term matching (actor aliases, aspect cues) is :mod:`analysis.lexicon`'s, so an
alias behaves here exactly as a frame cue does in the codebook.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from analysis.lexicon import Term, TermMatcher, find_terms
from analysis.paths import LEXICONS

__all__ = [
    "ACTOR_TYPES",
    "load_actors",
    "actor_mentions",
]

ACTOR_TYPES = ("company", "person", "government", "group", "technology")

ACTOR_COLUMNS = ["actor", "type", "cue", "case_sensitive", "inflect", "source"]
MENTION_COLUMNS = ["sentence_id", "article_id", "outlet", "actor", "type", "cue", "match", "start", "end"]


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


def load_actors(path: Path | str = LEXICONS / "actors.yml") -> pd.DataFrame:
    """Read the actors lexicon: one row per cue (the name and each alias) of each actor.

    Returns a table with columns ``actor, type, cue, case_sensitive, inflect, source``;
    ``case_sensitive`` is ``None`` where the lexicon's default rule applies
    (acronyms in capitals only). A name containing ``/`` (``police / law
    enforcement``) is a label and is not itself matched.

    Raises ``ValueError`` naming the file and entry when an entry has no name, an
    unknown type, no source, or two actors share a name.

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


def _matcher(lexicon: pd.DataFrame, label: str) -> TermMatcher:
    terms = []
    for rec in lexicon.itertuples(index=False):
        case = getattr(rec, "case_sensitive", None)
        case = None if case is None or pd.isna(case) else bool(case)
        inflect = getattr(rec, "inflect", True)
        inflect = True if inflect is None or pd.isna(inflect) else bool(inflect)
        terms.append(Term(getattr(rec, label), rec.cue, case_sensitive=case, inflect=inflect))
    return TermMatcher(terms)


def actor_mentions(sentences: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Every mention of every actor, one row per match, located in the raw text.

    ``sentences`` is ``corpus.sentences`` or ``corpus.headlines`` (at least
    ``sentence_id, article_id, outlet, text, start``; ``raw`` and ``edits`` for
    exact raw offsets). ``actors`` is :func:`load_actors`'s table. A short form
    listed as an alias (``Krishna``) counts for the same actor; where cues
    overlap the longest wins (``Amazon Ring`` is one mention of Amazon).

    Returns a table with columns ``sentence_id, article_id, outlet, actor, type,
    cue, match, start, end``: ``cue`` is the lexicon entry that fired, ``match``
    the raw text it matched, ``start``/``end`` offsets in the raw file.

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["a-s001"], "article_id": ["a"], "outlet": ["X"],
    ...                   "text": ["IBM CEO Arvind Krishna wrote; Krishna said no."], "start": [100]})
    >>> actor_mentions(s, load_actors())[["actor", "match", "start", "end"]]
                actor           match  start  end
    0             IBM             IBM    100  103
    1  Arvind Krishna  Arvind Krishna    108  122
    2  Arvind Krishna         Krishna    130  137
    """
    found = find_terms(sentences, _matcher(actors, "actor")).rename(columns={"key": "actor"})
    types = actors.drop_duplicates("actor").set_index("actor")["type"]
    found["type"] = found["actor"].map(types)
    return found[MENTION_COLUMNS].reset_index(drop=True)
