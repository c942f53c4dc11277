"""Emphasis: whom and what each outlet foregrounds.

Actors and their prominence, aspects of the story, quotations and their speakers,
quotations shared across outlets, and the words that set each outlet apart.
Term matching (actor aliases, aspect cues) is :mod:`analysis.matching`'s, so an
alias behaves here exactly as a frame cue does in the codebook.
"""

from __future__ import annotations

import bisect
import difflib
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from analysis.matching import Term, TermMatcher, find_terms
from analysis.corpus.text import WORD_RE, Correction, count_words, normalise, split_sentences
from analysis.lexicons.catalogue import lexicon_paths

__all__ = [
    "ACTOR_TYPES",
    "STOP_WORDS",
    "load_actors",
    "actor_mentions",
    "actor_prominence",
    "load_aspects",
    "aspect_mentions",
    "aspect_coverage",
    "coverage_gaps",
    "extract_quotes",
    "quote_share",
    "share_of_voice",
    "align_quotes",
    "count_terms",
    "distinctive_terms",
    "plot_actor_share",
    "plot_aspect_grid",
    "plot_share_of_voice",
    "plot_distinctive_terms",
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

    Returns
    -------
    pandas.DataFrame
        ``sentence_id, article_id, outlet, actor, type, cue, match, start, end``:
        ``cue`` is the lexicon entry that fired, ``match`` the raw text it
        matched, ``start``/``end`` offsets in the raw file.

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


# --------------------------------------------------------------------------- prominence

PROMINENCE_COLUMNS = [
    "outlet", "actor", "type", "articles", "mentions", "sentences", "sentence_share",
    "headline_share", "lede_share", "first_sentence_no", "first_position",
]


def actor_prominence(
    mentions: pd.DataFrame, sentences: pd.DataFrame, *, headline_mentions: pd.DataFrame | None = None
) -> pd.DataFrame:
    """How much and how early each outlet names each actor.

    ``mentions`` is :func:`actor_mentions` of ``sentences`` (the body);
    ``headline_mentions`` is :func:`actor_mentions` of ``corpus.headlines``.
    Every actor named by any outlet gets a row for every outlet, with zeros
    where an outlet never names it, so that outlets can be compared side by side.

    Returns
    -------
    pandas.DataFrame
        One row per outlet and actor:

        * ``outlet, actor, type``;
        * ``articles`` -- the outlet's articles;
        * ``mentions`` -- matches in the body; ``sentences`` -- body sentences
          naming the actor; ``sentence_share`` -- that as a share of the outlet's
          sentences;
        * ``headline_share`` / ``lede_share`` -- share of the outlet's articles
          whose headline / first paragraph names the actor;
        * ``first_sentence_no`` -- the earliest sentence (1 = first) naming the
          actor in any of the outlet's articles (``<NA>`` if never);
        * ``first_position`` -- where the first mention falls, as a share of the
          article's sentences before it (0 = first sentence), averaged over the
          articles that name the actor.

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["a-s001", "a-s002"], "article_id": "a", "outlet": "X",
    ...                   "paragraph_no": [1, 2], "sentence_no": [1, 2], "start": [0, 20],
    ...                   "text": ["IBM stops.", "Krishna wrote."]})
    >>> p = actor_prominence(actor_mentions(s, load_actors()), s)
    >>> p[["actor", "sentence_share", "lede_share", "first_position"]]
                actor  sentence_share  lede_share  first_position
    0  Arvind Krishna             0.5         0.0             0.5
    1             IBM             0.5         1.0             0.0
    """
    sent = sentences[["sentence_id", "article_id", "outlet", "paragraph_no", "sentence_no"]]
    n_sent = sent.groupby("article_id").size().rename("n_sentences")
    art = sent.drop_duplicates("article_id")[["article_id", "outlet"]]
    n_art = art.groupby("outlet").size()
    m = mentions.merge(sent[["sentence_id", "paragraph_no", "sentence_no"]], on="sentence_id", how="left")
    parts = [m[["outlet", "actor", "type"]]]
    if headline_mentions is not None:
        parts.append(headline_mentions[["outlet", "actor", "type"]])
    named = pd.concat(parts).drop_duplicates("actor")[["actor", "type"]]
    grid = art[["outlet"]].drop_duplicates().merge(named, how="cross")

    body = m.groupby(["outlet", "actor"]).agg(
        mentions=("sentence_id", "size"), sentences=("sentence_id", "nunique"),
        first_sentence_no=("sentence_no", "min"),
    )
    first = m.groupby(["outlet", "article_id", "actor"], as_index=False)["sentence_no"].min()
    first = first.join(n_sent, on="article_id")
    first["first_position"] = (first["sentence_no"] - 1) / first["n_sentences"]
    position = first.groupby(["outlet", "actor"])["first_position"].mean()
    lede = m[m["paragraph_no"] == 1].groupby(["outlet", "actor"])["article_id"].nunique().rename("lede")
    if headline_mentions is not None and not headline_mentions.empty:
        head = headline_mentions.groupby(["outlet", "actor"])["article_id"].nunique().rename("headline")
    else:
        head = pd.Series(
            dtype="int64", name="headline", index=pd.MultiIndex.from_tuples([], names=["outlet", "actor"])
        )
    out = grid.join(body, on=["outlet", "actor"]).join(position, on=["outlet", "actor"])
    out = out.join(lede, on=["outlet", "actor"]).join(head, on=["outlet", "actor"])
    out["articles"] = out["outlet"].map(n_art).astype("int64")
    out["mentions"] = out["mentions"].fillna(0).astype("int64")
    out["sentences"] = out["sentences"].fillna(0).astype("int64")
    n_out = sent.groupby("outlet").size()
    out["sentence_share"] = out["sentences"] / out["outlet"].map(n_out)
    out["headline_share"] = out["headline"].fillna(0) / out["articles"]
    out["lede_share"] = out["lede"].fillna(0) / out["articles"]
    out["first_sentence_no"] = out["first_sentence_no"].astype("Int64")
    out = out.sort_values(["outlet", "sentence_share", "actor"], ascending=[True, False, True])
    return out[PROMINENCE_COLUMNS].reset_index(drop=True)


# --------------------------------------------------------------------------- aspects

ASPECT_COLUMNS = ["aspect", "description", "cue", "case_sensitive", "inflect", "source"]
ASPECT_MENTION_COLUMNS = ["sentence_id", "article_id", "outlet", "aspect", "cue", "match", "start", "end"]
COVERAGE_COLUMNS = ["outlet", "aspect", "covered", "sentences", "sentence_share", "words", "word_share", "cues"]


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


_ASCII_WORD = re.compile(r"[A-Za-z0-9_]+")
_RUN = re.compile(r"\w+")


def _cue_key(term: Term) -> str | None:
    """Lower-case letters that begin a word of every match of ``term``; ``None`` if none can be named.

    Under :mod:`analysis.matching`'s rules a cue's words match as whole words separated by
    spaces or hyphens, so each word of the cue begins a run of word characters in the
    text; only the last word takes an inflection (which may change its last letter:
    regulate, regulating; a word of one or two letters, such as ``AI``, is not
    inflected) or a ``*`` ending. The longest such stem is the most selective. Only
    stems of ASCII letters and digits are used, so that lower case is all that
    case-insensitive matching can differ by.
    """
    words = [w for w in re.split(r"[\s-]+", normalise(term.cue).text.strip()) if w]
    best = None
    for j, word in enumerate(words):
        if word.endswith("*"):
            stem = word[:-1]
        elif term.inflect and j == len(words) - 1 and len(word) > 2:
            stem = word[:-1]
        else:
            stem = word
        if stem and _ASCII_WORD.fullmatch(stem) and (best is None or len(stem) > len(best)):
            best = stem.lower()
    return best


class _WordIndex:
    """Which texts hold a word (a run of word characters) beginning with given letters.

    For skipping the texts in which no cue can match: a text with a word that is not
    plain ASCII is always a candidate (case-insensitive matching there is more than
    lower case).
    """

    def __init__(self, texts: list[str]):
        runs, per_text = [], []
        for text in texts:
            found = _RUN.findall(text)
            runs += found
            per_text.append(len(found))
        self._text_of = np.repeat(np.arange(len(texts)), per_text)
        self._codes, uniques = pd.factorize(pd.Series(runs, dtype=object))
        uniques = uniques.tolist()
        self._always = np.array([not w.isascii() for w in uniques], dtype=bool)
        lowered = sorted((w.lower(), i) for i, w in enumerate(uniques) if w.isascii())
        self._sorted = [w for w, _ in lowered]
        self._sorted_codes = np.array([i for _, i in lowered], dtype=np.intp)

    def sentences_with(self, keys: list[str]) -> np.ndarray:
        """Positions (ascending) of the texts with a word starting with any of ``keys`` (lower-case ASCII)."""
        hit = self._always.copy()
        for key in set(keys):
            lo = bisect.bisect_left(self._sorted, key)
            hi = bisect.bisect_left(self._sorted, key + "\x7f", lo)
            hit[self._sorted_codes[lo:hi]] = True
        return np.unique(self._text_of[hit[self._codes]])


def aspect_mentions(sentences: pd.DataFrame, aspects: pd.DataFrame) -> pd.DataFrame:
    """Every cue of every aspect found in ``sentences``, located in the raw text.

    Each aspect is matched on its own, so one phrase can count for two aspects.

    Returns
    -------
    pandas.DataFrame
        ``sentence_id, article_id, outlet, aspect, cue, match, start, end``
        (raw-file offsets).

    Examples
    --------
    >>> s = pd.DataFrame({"sentence_id": ["a-s001"], "article_id": "a", "outlet": "X", "start": 0,
    ...                   "text": ["Police reform and bias testing of AI."]})
    >>> aspect_mentions(s, load_aspects())[["aspect", "match"]]
                      aspect          match
    0  policy: police reform  Police reform
    1     bias testing of AI           bias
    2     bias testing of AI             AI
    """
    frames = []
    index = None
    for _, cues in aspects.groupby("aspect", sort=False):
        matcher = _matcher(cues, "aspect")
        keys = [_cue_key(t) for t in matcher.terms]
        subset = sentences
        if keys and None not in keys:
            # only the sentences where one of the aspect's cues may occur: the same rows, far faster
            if index is None:
                index = _WordIndex(sentences["text"].tolist())
            subset = sentences.iloc[index.sentences_with(keys)]
        found = find_terms(subset, matcher)
        frames.append(found.rename(columns={"key": "aspect"}))
    if not frames:
        return pd.DataFrame(columns=ASPECT_MENTION_COLUMNS)
    return pd.concat(frames, ignore_index=True)[ASPECT_MENTION_COLUMNS]


def aspect_coverage(mentions: pd.DataFrame, sentences: pd.DataFrame, *, aspects: pd.DataFrame | None = None) -> pd.DataFrame:
    """Which aspects each outlet covers, and how much of its text each gets.

    ``mentions`` is :func:`aspect_mentions` of ``sentences``. Pass ``aspects``
    (the lexicon) to list aspects no outlet covers as well. Text is counted in
    words (:func:`analysis.corpus.text.count_words` of the matching form).

    Returns
    -------
    pandas.DataFrame
        One row per outlet and aspect: ``outlet, aspect, covered`` (any cue
        found), ``sentences`` and ``sentence_share`` (sentences with a cue, and as
        a share of the outlet's sentences), ``words`` and ``word_share`` (the
        words of those sentences, and as a share of the outlet's words), ``cues``
        (the lexicon cues that fired, joined by ``"; "``).
    """
    words = sentences["text"].map(count_words)
    sent = sentences[["sentence_id", "outlet"]].assign(n_words=words.values)
    totals = sent.groupby("outlet").agg(n_sent=("sentence_id", "size"), n_words=("n_words", "sum"))
    names = list(dict.fromkeys(mentions["aspect"]))
    if aspects is not None:
        names = list(dict.fromkeys(list(aspects["aspect"]) + names))
    grid = pd.DataFrame({"outlet": sorted(totals.index)}).merge(pd.DataFrame({"aspect": names}), how="cross")
    hit = mentions[["sentence_id", "aspect"]].drop_duplicates().merge(sent, on="sentence_id")
    agg = hit.groupby(["outlet", "aspect"]).agg(sentences=("sentence_id", "size"), words=("n_words", "sum"))
    cues = mentions.groupby(["outlet", "aspect"])["cue"].agg(lambda s: "; ".join(sorted(set(s)))).rename("cues")
    out = grid.join(agg, on=["outlet", "aspect"]).join(cues, on=["outlet", "aspect"])
    out["sentences"] = out["sentences"].fillna(0).astype("int64")
    out["words"] = out["words"].fillna(0).astype("int64")
    out["covered"] = out["sentences"] > 0
    out["sentence_share"] = out["sentences"] / out["outlet"].map(totals["n_sent"])
    out["word_share"] = out["words"] / out["outlet"].map(totals["n_words"])
    out["cues"] = out["cues"].fillna("")
    return out[COVERAGE_COLUMNS].reset_index(drop=True)


def coverage_gaps(coverage: pd.DataFrame) -> pd.DataFrame:
    """Aspects that some outlets cover and others leave out.

    Returns
    -------
    pandas.DataFrame
        ``aspect, covered_by, missing_from`` (outlet names joined by ``", "``), one
        row per aspect covered by at least one outlet but not by all.

    Examples
    --------
    >>> cov = pd.DataFrame({"outlet": ["A", "B", "A", "B"], "aspect": ["x", "x", "y", "y"],
    ...                     "covered": [True, False, True, True]})
    >>> coverage_gaps(cov)
      aspect covered_by missing_from
    0      x          A            B
    """
    rows = []
    for aspect, g in coverage.groupby("aspect", sort=False):
        yes = sorted(g.loc[g["covered"], "outlet"])
        no = sorted(g.loc[~g["covered"], "outlet"])
        if yes and no:
            rows.append({"aspect": aspect, "covered_by": ", ".join(yes), "missing_from": ", ".join(no)})
    return pd.DataFrame(rows, columns=["aspect", "covered_by", "missing_from"])


# --------------------------------------------------------------------------- quotes

QUOTE_COLUMNS = [
    "quote_id", "article_id", "outlet", "paragraph_no", "sentence_id", "quote", "words",
    "speaker", "cue", "attribution", "kind", "start", "end",
]

_OPEN_DOUBLE = "\u201c\u201e\u00ab"
_CLOSE_DOUBLE = "\u201d\u00bb"
_OPEN_SINGLE = "\u2018"
_CLOSE_SINGLE = "\u2019"
_OPENERS_BEFORE = " \t([{\u2014\u2013-/" + _OPEN_DOUBLE + _OPEN_SINGLE

# Verbs that attribute words to a speaker. "according to" is handled apart: its
# speaker follows it.
_REPORTING = (
    r"(?:says|said|say|saying|wrote|writes|written|told|tells|stated|states|added|adds|noted|notes"
    r"|explained|explains|argued|argues|claimed|claims|reported|reports|reporting|accused|accuses|accuse"
    r"|warned|warns|insisted|insists|declared|declares|announced|announces|asked|asks|urged|urges"
    r"|called\s+for|calls\s+for|call\s+for|acknowledged|admitted|concluded|concludes|recalled|replied"
    r"|described|describes|quoted|continued|continues|emphasi[sz]ed|stressed)"
)
_REPORTING_RE = re.compile(rf"(?<!\w){_REPORTING}(?!\w)", re.IGNORECASE)
_ACCORDING_RE = re.compile(r"(?<!\w)according\s+to(?!\w)", re.IGNORECASE)
_PRONOUN_RE = re.compile(r"(?<!\w)(he|she|they|it|the\s+company|the\s+firm)(?!\w)", re.IGNORECASE)
_SPEAKING_TYPES = ("person", "company", "government", "group")
_GAP_PUNCT = re.compile(r"[,;:.!?\"\u201c\u201d]")
_HEAD_STOP = re.compile(r"[\"\u201c\u201d.!?;]")
_FRAGMENT_WORDS = 4


# where _quote_spans has something to decide: a character that may open a quotation
_QUOTE_CHAR = re.compile("[" + _OPEN_DOUBLE + _OPEN_SINGLE + "'\"\u201d]")
# the end of a double quotation: a closing mark, or a new opening mark after a space (the earlier
# quotation was never closed)
_DOUBLE_END = re.compile("[" + _CLOSE_DOUBLE + '"]|(?<=\\s)[' + _OPEN_DOUBLE + "]")
_SINGLE_CLOSE = re.compile(r"(?<=[^\s])['\u2019](?![^\W_])")
_DOUBLE_MARKS = _OPEN_DOUBLE + _CLOSE_DOUBLE + '"'


def _quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """Quoted spans in one paragraph: ``(content start, content end, closed)``.

    Double quotes, straight or typographic, may span sentences. Single quotes count
    only as a pair (an apostrophe such as ``IBM’s`` or ``don't`` has letters on
    both sides and is never a quote mark); single quotes inside double quotes are
    nested and belong to the outer quotation.
    """
    spans = []
    n = len(text)
    find = _QUOTE_CHAR.search
    m = find(text)
    while m is not None:
        i = m.start()
        ch = text[i]
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        opens_double = ch in _OPEN_DOUBLE or (
            ch in '"\u201d' and (before in _OPENERS_BEFORE or before.isspace()) and not after.isspace()
        )
        if opens_double:
            end = _DOUBLE_END.search(text, i + 1)
            if end is None or text[end.start()] in _OPEN_DOUBLE:
                j = n if end is None else end.start()
                spans.append((i + 1, j, False))
                m = find(text, j)
            else:
                close = end.start()
                spans.append((i + 1, close, True))
                m = find(text, close + 1)
            continue
        if ch in _OPEN_SINGLE + "'" and (before in _OPENERS_BEFORE or before.isspace()) and after.isalnum():
            c = _SINGLE_CLOSE.search(text, i + 1)
            if c and not any(d in text[i:c.start()] for d in _DOUBLE_MARKS):
                spans.append((i + 1, c.start(), True))
                m = find(text, c.end())
                continue
        m = find(text, i + 1)
    return spans


# ----------------------------------------------------------- names not in the lexicon
#
# A person or organisation the lexicon does not list may still be a quotation's speaker
# when its name stands where an actor would be accepted: the subject of a reporting verb
# ("Rosa Okafor said", "said Rosa Okafor"), after "according to", and as the latest person
# named, for "he"/"she". A name is a run of capitalised words read from the text, with no
# parsing: it is text, not an identity.

def _upper_class() -> str:
    """A character class of the upper-case letters of the Latin, Greek and Cyrillic scripts."""
    ranges, start, prev = [], None, None
    for i in [*range(0x41, 0x250), *range(0x370, 0x530), *range(0x1E00, 0x2000)]:
        if chr(i).isupper():
            if start is None or i != prev + 1:
                if start is not None:
                    ranges.append((start, prev))
                start = i
            prev = i
    ranges.append((start, prev))
    return "[" + "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                         for a, b in ranges) + "]"


_UP = _upper_class()
# abbreviated titles and suffixes, which end in a full stop
_ABBREVIATIONS = ("Sen", "Rep", "Dr", "Mr", "Mrs", "Ms", "Mx", "Prof", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt",
                  "Rev", "Hon", "Supt", "Insp", "Jr", "Sr")
# lower-case particles inside a name: Ludwig van Beethoven, Bashar al-Assad, Gerard de la Cruz
_PARTICLES = ("de", "da", "del", "della", "der", "den", "di", "du", "dos", "das", "van", "von", "la", "le", "bin",
              "bint", "ibn", "abu", "al", "el", "ter", "ten", "zu", "y")
_NAME_TOKEN = (
    rf"(?:(?:{'|'.join(_ABBREVIATIONS)})\.(?=[ \u00a0])"  # Sen. Dr. Jr.
    rf"|{_UP}\.(?=[ \u00a0])"  # an initial: J.
    rf"|(?:al|el|bin|ibn|abu|d)['\u2019-]{_UP}[^\W_]*(?:-[^\W_]+)*"  # al-Assad, d'Estaing
    rf"|{_UP}[^\W_]*(?:['\u2019-][^\W_]+)*)"  # Okafor, O'Brien, Smith-Jones, Okafor's
)
_NAME_RUN = re.compile(
    rf"(?<![\w'\u2019.-]){_NAME_TOKEN}(?:[ \u00a0](?:(?:{'|'.join(_PARTICLES)})[ \u00a0]){{0,2}}{_NAME_TOKEN})*"
)
_NAME_PIECE = re.compile(r"[^ \u00a0]+")
_POSSESSIVE_END = re.compile(r"['\u2019]s?$")
# titles before a name, stripped from it ("Sen. Rosa Okafor" is Rosa Okafor); one word each
_TITLES = frozenset(
    [a + "." for a in _ABBREVIATIONS if a not in ("Jr", "Sr")]
    + """Sen Rep Dr Mr Mrs Ms Mx Prof Senator Representative Congressman Congresswoman Congressmember
    Professor Governor President Vice-President Mayor Chancellor Minister Premier Secretary Judge Commissioner
    Chief Officer Detective Sheriff Sergeant Lieutenant Captain Colonel Major Reverend Rabbi Imam Father Sister
    Sir Dame Lord Lady King Queen Prince Princess Pope CEO CFO CTO COO Chairman Chairwoman Chairperson Chair
    Director Spokesperson Spokesman Spokeswoman Councilmember Councilman Councilwoman Councillor Councilor
    Alderman Alderwoman Assemblyman Assemblywoman Assemblymember Delegate Ambassador Attorney Superintendent
    Inspector Commander Deputy Founder Co-founder Executive Analyst Researcher Lawyer Activist Organizer""".split()
)
# "General" is a title only after these (Attorney General, Surgeon General), not in General Motors
_GENERAL_AFTER = frozenset(["Attorney", "Surgeon", "Inspector", "Solicitor", "Secretary", "Adjutant"])
# a name ending in one of these is an organisation's: not "he" or "she"
_ORG_WORDS = frozenset(
    """Department Ministry Agency Administration Association Council Union Institute University College School
    Committee Commission Court Office Bureau Board Party Foundation Center Centre Coalition Alliance Network
    Society Fund Project Lab Labs Laboratory Police Service Services Times Post Journal News Press Tribune Herald
    Gazette Group Inc Inc. Corp Corp. Corporation Company Co Co. Ltd Ltd. LLC LLP Technologies Systems Watch
    Campaign Congress Senate House Assembly Parliament Government Authority Hospital Bank Trust Forum Initiative
    Caucus Federation Organization Organisation Department's Matter Movement Reuters Magazine Review Ledger
    Courier Observer Dispatch Sentinel Partners Capital Holdings Industries Airlines Motors""".split()
)
# capitalised words that open a run without being part of the name (sentence-initial words, determiners)
# (with STOP_WORDS, defined below)
_NAME_LEAD = frozenset(
    set("""also still now today yesterday tonight meanwhile however instead indeed later earlier last next
    according critics many several like unlike despite although though because since while when after before
    monday tuesday wednesday thursday friday saturday sunday january february march september october
    november december""".split())
)
# a name right after one of these is a place, a possessor or an object, not a speaker ("in New York")
_NAME_BEFORE_PLACE = frozenset(
    """in at from to into across near outside inside throughout around of for by with on over under between
    among against toward towards via within without behind beyond through""".split()
)
_DETERMINERS = frozenset(["the", "a", "an"])
# words that may stand between a name and the reporting verb after it ("Rosa Okafor also said")
_NAME_GAP_BEFORE = frozenset(
    """also has have had later then previously recently once again further first earlier publicly separately
    would will did does has also had already subsequently additionally""".split()
)
# words that may stand between a reporting verb and the name after it ("told reporters Rosa Okafor")
_NAME_GAP_AFTER = frozenset(["the", "reporters", "journalists", "us"])
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \u00a0]+$")
_WORD_AFTER = re.compile(r"[ \u00a0]+([^\W\d_]+)")


def _is_title(pieces: list[str], i: int) -> bool:
    word = pieces[i]
    if word == "General":
        return i > 0 and pieces[i - 1] in _GENERAL_AFTER
    return word in _TITLES


def _name_mentions(text: str, sent_spans: list, lexicon: list[tuple]) -> list[tuple]:
    """Capitalised names in an article's sentences that the lexicon does not cover.

    ``sent_spans`` are ``(start, end, sentence_id)`` raw offsets; ``lexicon`` the
    article's lexicon mentions, sorted, ``(start, end, ...)``. Returns
    ``(start, end, sentence_id, name, type, possessive)`` sorted by position, ``type``
    ``person`` or ``organisation``. A name is two or more capitalised words (initials
    and particles inside allowed; a sentence-initial function word, ``The``, and titles
    stripped), or a title and one word (``Dr. Okafor``), or one word that is the last
    word of a person named earlier in the article (``Okafor`` after ``Rosa Okafor``,
    which it then stands for). A run overlapping a lexicon mention is the lexicon's,
    unless a title follows the mention (``Microsoft President Brad Smith``). A run
    after a preposition (``in New York``) is not a name.
    """
    found = []
    surnames: dict[str, str] = {}
    lex_starts = [m[0] for m in lexicon]
    finditer = _NAME_RUN.finditer
    for s, e, sid in sent_spans:
        for run in finditer(text, s, e):
            r_start, r_text = run.start(), run.group()
            if " " not in r_text and "\u00a0" not in r_text:
                # one word: only a back-reference to a person named earlier
                word = _POSSESSIVE_END.sub("", r_text)
                if word not in surnames:
                    continue
                pieces = [(r_start, run.end(), r_text)]
            else:
                pieces = [(r_start + p.start(), r_start + p.end(), p.group()) for p in _NAME_PIECE.finditer(r_text)]
            # a run the lexicon covers is the lexicon's; what follows a mention only after a title
            k = bisect.bisect_left(lex_starts, run.end())
            after_lexicon = False
            for m in lexicon[max(0, k - 8):k]:
                if m[1] > r_start:
                    pieces = [p for p in pieces if p[0] >= m[1]]
                    after_lexicon = True
            words = [p[2] for p in pieces]
            lead = 0
            while lead < len(words) and (words[lead].lower() in _NAME_LEAD or words[lead].lower() in STOP_WORDS):
                lead += 1
            if lead and words[lead - 1].lower() in _NAME_BEFORE_PLACE:
                continue
            pieces, words = pieces[lead:], words[lead:]
            if not pieces:
                continue
            name_start = pieces[0][0]  # titles included: they stand between a verb and the name
            titled = [i for i in range(len(words)) if _is_title(words, i)]
            if titled and _POSSESSIVE_END.sub("", words[-1]) in _ORG_WORDS and not after_lexicon:
                titled = []  # a title word inside an organisation's name: the Executive Office
            if titled:
                pieces, words = pieces[titled[-1] + 1:], words[titled[-1] + 1:]
            elif after_lexicon:
                continue
            # particles and initials do not count as words of the name
            full = [w for w in words if not w.endswith(".") and w not in _PARTICLES]
            if not full or (len(words) < 2 and not titled and _POSSESSIVE_END.sub("", words[0]) not in surnames):
                continue
            # the word before the run: a preposition (through a determiner) makes it a place
            before = _WORD_BEFORE.search(text, max(s, name_start - 40), name_start) if lead == 0 else None
            if before is not None:
                prev = before.group(1).lower()
                if prev in _DETERMINERS:
                    before = _WORD_BEFORE.search(text, max(s, before.start() - 40), before.start())
                    prev = before.group(1).lower() if before else ""
                if prev in _NAME_BEFORE_PLACE and not (
                    prev == "to" and text[max(s, name_start - 30):name_start].lower().rstrip().endswith(
                        ("according to", "according to the"))
                ):
                    continue
            possessive = bool(_POSSESSIVE_END.search(words[-1]))
            label_words = words[:-1] + [_POSSESSIVE_END.sub("", words[-1])] if possessive else words
            label = " ".join(label_words)
            kind = "organisation" if label_words[-1] in _ORG_WORDS else "person"
            if len(label_words) == 1 and label in surnames:
                label = surnames[label]  # Okafor, after Rosa Okafor
            elif kind == "person" and len(full) >= 2:
                surnames[label_words[-1]] = label
            found.append((name_start, pieces[-1][1], sid, label, kind, possessive))
    return found


def _speakers_before(mentions: list[tuple], pos: int) -> list[tuple]:
    return [m for m in mentions if m[1] <= pos]


def _resolve_pronoun(word: str, mentions: list[tuple], pos: int, sentence_of) -> tuple[str, str] | None:
    """The actor a pronoun at ``pos`` refers back to, or ``None``."""
    earlier = _speakers_before(mentions, pos)
    w = " ".join(word.lower().split())
    if w in ("he", "she"):
        want = ("person",)
    elif w == "they":
        want = ("group", "government")
    else:
        want = ("company",)
    cands = [m for m in earlier if m[4] in want]
    if not cands:
        return None
    if w == "they":
        # the first group named in the latest sentence naming one: subjects come first
        last_sentence = sentence_of(cands[-1][0])
        cands = [m for m in cands if sentence_of(m[0]) == last_sentence]
        return cands[0][3], cands[0][3]
    return cands[-1][3], cands[-1][3]


def _name_gap(gap: str, allowed: frozenset, most: int) -> bool:
    """Whether ``gap`` between a name and a reporting verb is only a few of the ``allowed`` words."""
    if _GAP_PUNCT.search(gap):
        return False
    words = gap.split()
    return len(words) <= most and all(w in allowed or (w.endswith("ly") and w.islower()) for w in words)


def _subject_near(text: str, verb_start: int, verb_end: int, offset: int, mentions, sentence_of, *, inverted: bool,
                  names=(), antecedents=None):
    """The actor named (or pronoun) just before a reporting verb, else just after it.

    ``text`` is a raw span starting at file offset ``offset``. ``names`` are
    :func:`_name_mentions` of the article: a name is accepted where an actor is, the
    one nearer the verb winning, but only with nothing between it and the verb but a
    few auxiliaries and adverbs (``also``, ``has``, ``publicly``) before it, or
    ``the``/``reporters`` after it. ``antecedents`` (default ``mentions``) are what a
    pronoun may refer back to. Returns ``(speaker, cue)`` or ``None``.
    """
    window_before = text[max(0, verb_start - 60):verb_start]
    if not inverted:
        for m in reversed([m for m in mentions if offset <= m[0] and m[1] <= offset + verb_start]):
            gap = text[m[1] - offset:verb_start]
            if len(gap.split()) <= 3 and not _GAP_PUNCT.search(gap):
                found = m
                break
        else:
            found = None
        for m in reversed([m for m in names if offset <= m[0] and m[1] <= offset + verb_start]):
            if found is not None and m[0] < found[0]:
                break
            if not m[5] and _name_gap(text[m[1] - offset:verb_start], _NAME_GAP_BEFORE, 3):
                found = m
                break
        if found is not None:
            return found[3], text[found[0] - offset:verb_end]
        pron = list(_PRONOUN_RE.finditer(window_before))
        if pron:
            p = pron[-1]
            gap = window_before[p.end():]
            if len(gap.split()) <= 2 and not _GAP_PUNCT.search(gap):
                resolved = _resolve_pronoun(p.group(), mentions if antecedents is None else antecedents,
                                            offset + verb_start, sentence_of)
                if resolved:
                    cue_start = verb_start - len(window_before) + p.start()
                    return resolved[0], text[cue_start:verb_end]
    for m in [m for m in mentions if m[0] >= offset + verb_end]:
        gap = text[verb_end:m[0] - offset]
        if len(gap.split()) <= 1 and not _GAP_PUNCT.search(gap):
            return m[3], text[verb_start:m[1] - offset]
        break
    for m in [m for m in names if m[0] >= offset + verb_end]:
        # not a name modifying a noun: 'said White House officials'
        follow = _WORD_AFTER.match(text, m[1] - offset)
        if (not m[5] and _name_gap(text[verb_end:m[0] - offset], _NAME_GAP_AFTER, 1)
                and not (follow and follow.group(1).islower() and follow.group(1) not in STOP_WORDS)):
            return m[3], text[verb_start:m[1] - offset]
        break
    return None


def _attribute(lead: str, lead_offset: int, trail: str, trail_offset: int, sentence_text: str, sentence_offset: int,
               mentions, sentence_of, names=(), antecedents=None):
    """Find a quotation's speaker: ``(speaker, cue, rule)`` or ``None``."""
    near = {"names": names, "antecedents": antecedents}
    # 1. a reporting verb just after the quotation: '..." he wrote', '..." according to X'
    head = trail[:80]
    stop = _HEAD_STOP.search(head.lstrip(" ,:\u2019'\u201d\""))
    head = head[: (stop.start() + len(head) - len(head.lstrip(" ,:\u2019'\u201d\""))) if stop else len(head)]
    acc = _ACCORDING_RE.search(head)
    if acc:
        found = _subject_near(trail, acc.start(), acc.end(), trail_offset, mentions, sentence_of, inverted=True, **near)
        if found:
            return found[0], found[1], "according to"
    for verb in _REPORTING_RE.finditer(head):
        found = _subject_near(trail, verb.start(), verb.end(), trail_offset, mentions, sentence_of, inverted=False,
                              **near)
        if found:
            return found[0], found[1], "reporting verb"
    # 2. a reporting verb in the words leading up to it: 'Krishna said in his letter: "...'
    for verb in reversed(list(_REPORTING_RE.finditer(lead))):
        found = _subject_near(lead, verb.start(), verb.end(), lead_offset, mentions, sentence_of, inverted=False,
                              **near)
        if found:
            return found[0], found[1], "reporting verb"
    # 3. 'according to X' or 'X reports' anywhere in the sentence
    for acc in _ACCORDING_RE.finditer(sentence_text):
        found = _subject_near(sentence_text, acc.start(), acc.end(), sentence_offset, mentions, sentence_of,
                              inverted=True, **near)
        if found:
            return found[0], found[1], "according to"
    for verb in _REPORTING_RE.finditer(sentence_text):
        found = _subject_near(sentence_text, verb.start(), verb.end(), sentence_offset, mentions, sentence_of,
                              inverted=False, **near)
        if found:
            return found[0], found[1], "reporting verb"
    return None


def extract_quotes(corpus, *, actors: pd.DataFrame | None = None) -> pd.DataFrame:
    """Direct quotations in each article, with their speakers.

    Works on the body lines of ``corpus`` (``corpus.lines``, ``corpus.sentences``,
    ``corpus.texts``), so a quotation may span sentences; articles without sentences
    (set aside by the loader) are skipped. It finds

    * ``direct`` quotations in straight or typographic double quotes, and single
      quotes used as a pair (``‘random’``); apostrophes (``IBM’s``) are not quotes,
      and quotes nested in a quotation belong to it;
    * ``fragment``: a direct quotation of fewer than four words (a borrowed phrase,
      ``“loopholes”``);
    * ``block``: a paragraph without quote marks introduced by a paragraph ending
      in a colon after a reporting verb (``Colorlines reported:``);
    * ``unclosed``: an opening mark never closed in its paragraph; the quotation
      runs to the end of the paragraph (or on, if the next paragraph opens with a
      quote mark, the convention for quotations longer than a paragraph).

    The speaker is the subject of a reporting verb next to the quotation (``he
    wrote`` -- a pronoun refers back to the latest person named; ``they`` to the
    first group named in the latest sentence naming one), ``according to X`` or a
    reporting verb elsewhere in the sentence (``..., The Guardian reports``), the
    speaker of the quotation just before in the same paragraph
    when the quotation opens its sentence, the named actor at the start of the
    sentence (its subject), or else the nearest actor named before the quotation
    in the sentence. ``unknown`` if none of these applies. ``attribution`` says
    which rule gave the speaker and ``cue`` the words that did.

    A speaker need not be in the actors lexicon. A name the lexicon does not list
    is accepted where the reporting-verb and ``according to`` rules accept an
    actor, and as the latest person named for ``he``/``she``:

    * a name is a run of two or more capitalised words, with initials (``J.``) and
      particles (``de la``, ``van``, ``al-``) inside allowed; a function word
      opening the run (``The``, ``But``) is dropped, and titles (``Sen.``,
      ``Dr.``, ``President``, ``Mayor``) are dropped from the speaker but shown
      in ``cue`` (``said Sen. Rosa Okafor`` gives ``Rosa Okafor``). A title and
      one word (``Dr. Okafor``) is a name, and so is one word that is the last
      word of a person named earlier in the article (``Okafor said`` after
      ``Rosa Okafor``, which it then stands for);
    * it must stand right by the verb: before it with at most a few auxiliaries
      and adverbs between (``Rosa Okafor also told``), or after it with at most
      ``the`` or ``reporters`` between (``told reporters Rosa Okafor``), and not
      followed by a noun it modifies (``said White House officials``); a
      possessive (``Rosa Okafor's lawyer said``) is not the speaker;
    * a run after a preposition (``in New York``, ``for the Justice
      Department``; ``according to`` excepted) is not a name, nor is a name inside
      a quotation;
    * the lexicon wins: a run overlapping an actor's mention is the actor's
      (``Amazon Web Services`` is Amazon), unless a title follows the mention
      (``Microsoft President Brad Smith`` is Brad Smith); of a name and an actor
      both before the verb, the one nearer the verb is the subject;
    * an organisation's name (``the Justice Department`` -> ``Justice
      Department``) is a speaker too; a run ending in a word such as
      ``Department``, ``Council``, ``Times`` is an organisation, any other a
      person, so only the latter is ``he``/``she``.

    ``attribution`` is the rule's as for an actor (``reporting verb``,
    ``according to``); ``cue`` shows the name and the verb. The sentence-subject
    and nearest-actor rules still take lexicon actors only. This is rule-based,
    with no parsing: a name is text, not an identity (``Rosa Okafor`` and ``Dr.
    Okafor`` are two speakers unless the first comes earlier in the article; the
    same name in two articles is one speaker), a place or programme standing
    where a subject would (``Pell Grants``, ``Washington said``) can be taken
    for one, and ``he`` may refer back to a capitalised run that names no
    person. Check ``cue`` before reading much into a speaker that is not an
    actor.

    Parameters
    ----------
    corpus
        A :class:`analysis.Corpus` (``lines``, ``sentences``, ``texts``, and
        ``normalisations`` so that recorded corrections reach the quotation's
        matching form).
    actors
        :func:`load_actors`'s table (default: the project's lexicon).

    Returns
    -------
    pandas.DataFrame
        ``quote_id, article_id, outlet, paragraph_no, sentence_id`` (where the
        quotation starts), ``quote`` (matching form), ``words``, ``speaker, cue,
        attribution, kind, start, end`` (raw-file offsets of the quoted words,
        without the marks).
    """
    if actors is None:
        actors = load_actors()
    sentences = corpus.sentences
    all_mentions = actor_mentions(sentences, actors)
    # Grouped once, in plain lists (reading pandas cells one by one is slow), so that the work
    # grows with the corpus, not with its square. Articles the loader set aside (another
    # language, a near-duplicate) keep their lines but have no sentences; they are not
    # measured, so not read for quotations.
    sents_by: dict[str, tuple[str, list]] = {}
    for aid, outlet, start, end, sid in zip(*(sentences[c].tolist() for c in
                                              ("article_id", "outlet", "start", "end", "sentence_id"))):
        entry = sents_by.get(aid)
        if entry is None:
            entry = sents_by[aid] = (outlet, [])
        entry[1].append((start, end, sid))
    body_by: dict[str, list[tuple[int, str]]] = {}
    lines = corpus.lines
    is_body = (lines["role"] == "body").to_numpy()
    for aid, start, text in zip(*(lines[c].to_numpy()[is_body].tolist() for c in ("article_id", "start", "text"))):
        if aid in sents_by:
            body_by.setdefault(aid, []).append((int(start), str(text)))
    mentions_by: dict[str, list[tuple]] = {}
    lexicon_by: dict[str, list[tuple]] = {}  # every type: a name the lexicon covers is the lexicon's
    for m in zip(*(all_mentions[c].tolist() for c in ("article_id", "start", "end", "sentence_id", "actor", "type"))):
        lexicon_by.setdefault(m[0], []).append(m[1:])
        if m[5] in _SPEAKING_TYPES:
            mentions_by.setdefault(m[0], []).append(m[1:])
    for found in (*mentions_by.values(), *lexicon_by.values()):
        found.sort()
    norms = getattr(corpus, "normalisations", None)
    fixes_by: dict[str, list[Correction]] = {}
    if norms is not None and len(norms):
        corrections = norms[norms["kind"] == "correction"]
        for aid, raw, normalised, reason in zip(*(corrections[c].tolist() for c in
                                                  ("article_id", "raw", "normalised", "reason"))):
            fixes_by.setdefault(aid, []).append(Correction(raw, normalised, reason))
    rows = []
    for article_id, paragraphs in body_by.items():
        text = corpus.texts[article_id]
        outlet, sent_spans = sents_by[article_id]
        mentions = mentions_by.get(article_id, [])

        def sentence_at(pos: int):
            for s, e, sid in sent_spans:
                if s <= pos < e or (pos == e and s < e):
                    return s, e, sid
            before = [x for x in sent_spans if x[0] <= pos]
            return before[-1] if before else (pos, pos, "")

        def sentence_of(pos: int) -> str:
            return sentence_at(pos)[2]

        found = []  # (paragraph index, start, end, kind)
        carry = None
        for p_idx, (p_start, p_text) in enumerate(paragraphs):
            spans = _quote_spans(p_text)
            if carry is not None:
                c_start, c_p = carry
                stripped = p_text.lstrip()
                if stripped[:1] in _OPEN_DOUBLE + '"':
                    # the quotation continues in this paragraph
                    first = spans[0] if spans else None
                    if first is not None:
                        found.append((c_p, c_start, p_start + first[1], "direct" if first[2] else "unclosed"))
                        spans = spans[1:]
                        carry = None if first[2] else (c_start, c_p)
                    else:
                        carry = None
                else:
                    found.append((c_p, c_start, paragraphs[p_idx - 1][0] + len(paragraphs[p_idx - 1][1]), "unclosed"))
                    carry = None
            for k, (a, b, closed) in enumerate(spans):
                is_last_open = not closed and k == len(spans) - 1 and b == len(p_text)
                if is_last_open and p_idx + 1 < len(paragraphs):
                    carry = (p_start + a, p_idx)
                else:
                    found.append((p_idx, p_start + a, p_start + b, "direct" if closed else "unclosed"))
            if not spans and carry is None and p_idx > 0:
                prev = paragraphs[p_idx - 1][1].rstrip()
                if prev.endswith(":") and _REPORTING_RE.search(prev.split(".")[-1]) and p_text.strip():
                    lead = p_text.strip()
                    lead_start = p_start + p_text.index(lead)
                    found.append((p_idx, lead_start, lead_start + len(lead), "block"))
        if carry is not None:
            last = paragraphs[-1]
            found.append((carry[1], carry[0], last[0] + len(last[1]), "unclosed"))

        # names the lexicon does not list, outside the quotations (a name quoted is not speaking)
        names = _name_mentions(text, sent_spans, lexicon_by.get(article_id, []))
        if names and found:
            spans = sorted((a, b) for _, a, b, _ in found)
            span_starts = [a for a, _ in spans]
            names = [m for m in names
                     if not (k := bisect.bisect_right(span_starts, m[0])) or spans[k - 1][1] <= m[0]]
        antecedents = sorted(mentions + [m for m in names if m[4] == "person"]) if names else mentions

        fixes = tuple(fixes_by.get(article_id, ()))
        previous = None  # (paragraph index, speaker, end) of the last attributed quotation
        for n, (p_idx, start, end, kind) in enumerate(found, start=1):
            raw = text[start:end]
            # quoted words only: no surrounding spaces, no trailing comma before the closing mark
            trimmed = raw.rstrip(" \u00a0\t,;:")
            start += len(trimmed) - len(trimmed.lstrip(" \u00a0\t"))
            end = start + len(trimmed.lstrip(" \u00a0\t"))
            raw = text[start:end]
            quote = " ".join(normalise(raw, corrections=fixes).text.split())
            words = count_words(quote)
            if kind == "direct" and words < _FRAGMENT_WORDS:
                kind = "fragment"
            s_start, _, sid = sentence_at(start)
            p_start = paragraphs[p_idx][0]
            result = None
            if kind == "block":
                prev_start, prev_text = paragraphs[p_idx - 1]
                intro = prev_text.rstrip()
                # the intro paragraph's last sentence
                i_start = prev_start + max(intro.rfind(". ") + 2, 0) if ". " in intro else prev_start
                found_intro = _attribute(text[i_start:prev_start + len(intro)], i_start, "", end, "", i_start,
                                         mentions, sentence_of, names, antecedents)
                if found_intro:
                    result = (found_intro[0], found_intro[1], "block intro")
            else:
                lead_from = max(s_start, p_start)
                if previous is not None and previous[2] > lead_from and previous[0] == p_idx:
                    lead_from = previous[2]
                lead = text[lead_from:start - 1] if start - 1 >= lead_from else ""
                if start - 1 == p_start and p_idx > 0 and paragraphs[p_idx - 1][1].rstrip().endswith(":"):
                    # a quotation opening a paragraph, introduced by the paragraph before
                    prev_start, prev_text = paragraphs[p_idx - 1]
                    lead_from, lead = prev_start, prev_text
                trail_end = min(sentence_at(end)[1] if sentence_at(end)[2] else end, p_start + len(paragraphs[p_idx][1]))
                trail_end = max(trail_end, end)
                trail = text[end:trail_end]
                # the rest of the quotation's sentence(s), for 'according to' and 'X reports'
                sent_text = text[s_start:trail_end]
                result = _attribute(lead, lead_from, trail, end, sent_text, s_start, mentions, sentence_of,
                                    names, antecedents)
                if result is None and previous is not None and previous[0] == p_idx and not lead.strip(" ,.;:\u2014-"):
                    result = (previous[1], "", "previous quotation")
                if result is None:
                    in_sentence = [m for m in mentions if s_start <= m[0] and m[1] <= start]
                    opening = text[s_start:in_sentence[0][0]] if in_sentence else ""
                    if in_sentence and len(opening.split()) <= 1:
                        m = in_sentence[0]
                        result = (m[3], text[m[0]:m[1]], "sentence subject")
                    elif in_sentence:
                        m = in_sentence[-1]
                        result = (m[3], text[m[0]:m[1]], "nearest actor")
            speaker, cue, rule = result if result else ("unknown", "", "none")
            cue = " ".join(normalise(cue).text.split())
            rows.append((f"{article_id}-q{n:02d}", article_id, outlet, p_idx + 1, sid, quote, words,
                         speaker, cue, rule, kind, start, end))
            previous = (p_idx, speaker, end) if speaker != "unknown" else (p_idx, "unknown", end)
            if speaker == "unknown":
                previous = None
    out = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return out.astype({"paragraph_no": "int64", "words": "int64", "start": "int64", "end": "int64"})


def quote_share(quotes: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """How much of each outlet's text is quotation.

    Fragments, block quotes and unclosed quotations all count.

    Returns
    -------
    pandas.DataFrame
        ``outlet, quotes, quoted_words, words, quoted_share``: ``words`` counts the
        outlet's body words (matching form) and ``quoted_share`` is
        ``quoted_words / words``.
    """
    words = sentences.assign(n=sentences["text"].map(count_words)).groupby("outlet")["n"].sum()
    q = quotes.groupby("outlet").agg(quotes=("quote_id", "size"), quoted_words=("words", "sum"))
    out = pd.DataFrame({"outlet": sorted(words.index)}).join(q, on="outlet")
    out["quotes"] = out["quotes"].fillna(0).astype("int64")
    out["quoted_words"] = out["quoted_words"].fillna(0).astype("int64")
    out["words"] = out["outlet"].map(words).astype("int64")
    out["quoted_share"] = out["quoted_words"] / out["words"]
    return out


def share_of_voice(quotes: pd.DataFrame) -> pd.DataFrame:
    """Who is quoted how much: each speaker's share of an outlet's quoted words.

    Returns
    -------
    pandas.DataFrame
        ``outlet, speaker, quotes, words, word_share``, largest share first within
        each outlet; ``unknown`` is kept as a speaker so shares add up to 1.

    Examples
    --------
    >>> q = pd.DataFrame({"quote_id": ["q1", "q2", "q3"], "outlet": ["A", "A", "A"],
    ...                   "speaker": ["X", "Y", "X"], "words": [6, 2, 2]})
    >>> share_of_voice(q)
      outlet speaker  quotes  words  word_share
    0      A       X       2      8         0.8
    1      A       Y       1      2         0.2
    """
    g = quotes.groupby(["outlet", "speaker"], as_index=False).agg(quotes=("quote_id", "size"), words=("words", "sum"))
    g["word_share"] = g["words"] / g.groupby("outlet")["words"].transform("sum")
    return g.sort_values(["outlet", "word_share", "speaker"], ascending=[True, False, True]).reset_index(drop=True)


# --------------------------------------------------------------------------- shared quotations

ALIGN_COLUMNS = [
    "match", "similarity", "outlet_a", "quote_id_a", "speaker_a", "passage_a",
    "outlet_b", "quote_id_b", "speaker_b", "passage_b", "differences", "quotes_a", "quotes_b",
]
_TOKEN_RE = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")


def _tokens(text: str) -> list[str]:
    """Words for comparing quotations: case and punctuation ignored, hyphens kept."""
    return [t.lower().replace("\u2019", "'") for t in _TOKEN_RE.findall(text)]


def _passages(quote: str) -> list[str]:
    """A quotation's sentences, the unit in which outlets reuse a source."""
    spans = split_sentences(quote) or [(0, len(quote))]
    return [quote[a:b] for a, b in spans]


def _match_words(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, float, tuple] | None:
    """:func:`_compare` without the outlets' names: ``(label, similarity, changes)`` or ``None``.

    ``changes`` are the non-equal opcodes as ``(tag, words of a, words of b)``.
    """
    if not a or not b:
        return None
    if a == b:
        return "exact", 1.0, ()
    # how much is shared is measured on words with hyphens split, so that a spelling
    # such as "facial-recognition" costs nothing; the differences still list it
    sa = [w for t in a for w in t.split("-")]
    sb = [w for t in b for w in t.split("-")]
    blocks = [blk for blk in difflib.SequenceMatcher(None, sa, sb, autojunk=False).get_matching_blocks() if blk.size]
    matched = sum(blk.size for blk in blocks)
    longest = max((blk.size for blk in blocks), default=0)
    similarity = 2 * matched / (len(sa) + len(sb))
    if longest < 3 or matched / min(len(sa), len(sb)) < 0.6:
        return None
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    changes = tuple(
        (tag, _clip(" ".join(a[i1:i2])), _clip(" ".join(b[j1:j2])))
        for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal"
    )
    label = "near-exact" if matched / max(len(sa), len(sb)) >= 0.8 else "partial"
    return label, round(similarity, 3), changes


def _differences(changes: tuple, name_a: str, name_b: str) -> str:
    diffs = []
    for tag, wa, wb in changes:
        if tag == "replace":
            diffs.append(f"{name_a} '{wa}' / {name_b} '{wb}'")
        elif tag == "delete":
            diffs.append(f"only {name_a}: '{wa}'")
        elif tag == "insert":
            diffs.append(f"only {name_b}: '{wb}'")
    return "; ".join(diffs)


def _compare(a: list[str], b: list[str], name_a: str, name_b: str) -> tuple[str, float, str] | None:
    """Label two passages exact, near-exact or partial; ``None`` if they share too little."""
    found = _match_words(tuple(a), tuple(b))
    if found is None:
        return None
    return found[0], found[1], _differences(found[2], name_a, name_b)


def _clip(words: str, n: int = 8) -> str:
    parts = words.split()
    return words if len(parts) <= n else " ".join(parts[:n]) + " …"


_MATCH_ORDER = {"exact": 0, "near-exact": 1, "partial": 2}


def align_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    """Match quotations of the same source passage across outlets.

    Quotations are compared sentence by sentence (a passage), in words, ignoring
    case and punctuation, with :class:`difflib.SequenceMatcher`; a hyphen counts
    as a space when measuring overlap, but is listed among the differences.
    Two passages from different outlets are

    * ``exact`` -- the same words;
    * ``near-exact`` -- at least 80% of the longer passage's words matched in
      order; ``differences`` lists every change (``Colorlines 'facial-recognition'
      / VPNoverview 'facial recognition'``, ``only Colorlines: 'we believe'``);
    * ``partial`` -- at least three words in a row and 60% of the shorter
      passage shared (one outlet quotes part of what the other quotes);

    and anything less is no match. Each pair of quotations is reported once, by
    its best-matching passages. Quotations that match nothing in another outlet
    are listed with ``match = "unique"`` and empty ``_b`` columns.

    Quotations with the same words (sentence by sentence, as compared here) in the
    same outlet -- a wire quotation an outlet runs in many articles -- share one
    row: ``quotes_a`` and ``quotes_b`` count them, so a row stands for
    ``quotes_a * quotes_b`` pairs of quotations (``quotes_b`` is 0 on a unique
    row), and it shows the pair that one row per pair would list first (the
    smallest ``quote_id_a``, then ``quote_id_b``; on a unique row the first such
    quotation in ``quotes``). Without this the table would grow with the square
    of the number of times a quotation is repeated; with it, a quotation repeated
    word for word in *k* outlets gives one row per pair of those outlets, however
    many articles repeat it. Where no outlet repeats a quotation word for word
    every count is 1 and every row is one pair of quotations.

    Returns
    -------
    pandas.DataFrame
        ``match, similarity`` (Dice coefficient of matched words), ``outlet_a,
        quote_id_a, speaker_a, passage_a, outlet_b, quote_id_b, speaker_b,
        passage_b, differences, quotes_a, quotes_b``; pairs first (exact,
        near-exact, partial; then by similarity and quotation ids), then unique
        quotations in the order of ``quotes``.

    Examples
    --------
    >>> q = pd.DataFrame({"quote_id": ["a1", "b1"], "outlet": ["A", "B"], "speaker": ["K", "K"],
    ...     "quote": ["We believe now is the time to decide how facial-recognition should be used.",
    ...               "now is the time to decide how facial recognition should be used"]})
    >>> r = align_quotes(q).iloc[0]
    >>> r["match"], r["differences"]
    ('near-exact', "only A: 'we believe'; A 'facial-recognition' / B 'facial recognition'")
    """
    quote_ids, outlets, speakers, texts = (quotes[c].tolist() for c in ("quote_id", "outlet", "speaker", "quote"))
    # 1. Quotations with the same passages (in words) in the same outlet are one unit: they
    # match the same quotations, in the same way.
    split: dict[str, tuple[list[str], tuple]] = {}
    unit_of: dict[tuple, int] = {}
    unit_outlet: list = []
    unit_words: list[tuple] = []
    members: list[list[int]] = []
    for pos, (outlet, text) in enumerate(zip(outlets, texts)):
        found = split.get(text)
        if found is None:
            passages = _passages(text)
            found = split[text] = (passages, tuple(tuple(_tokens(p)) for p in passages))
        u = unit_of.setdefault((outlet, found[1]), len(unit_outlet))
        if u == len(unit_outlet):
            unit_outlet.append(outlet)
            unit_words.append(found[1])
            members.append([])
        members[u].append(pos)
    # the quotation a unit's pair rows show: the smallest id, as one row per pair sorts first
    shown = [min(m, key=quote_ids.__getitem__) for m in members]

    # 2. Distinct passages, and where they occur (unit, passage number).
    passage_id: dict[tuple, int] = {}
    occurs: list[list[tuple[int, int]]] = []
    for u, words in enumerate(unit_words):
        for k, toks in enumerate(words):
            if not toks:
                continue  # no words: matches nothing
            p = passage_id.setdefault(toks, len(occurs))
            if p == len(occurs):
                occurs.append([])
            occurs[p].append((u, k))
    passage_words = list(passage_id)

    # 3. A match is either the same words or three words in a row in common, so only passages
    # that are identical or share a run of three words are compared: the same pairs as
    # comparing all, far faster. Each distinct pair of passages is compared once per direction.
    by_trigram: dict[tuple[str, ...], list[int]] = {}
    for p, toks in enumerate(passage_words):
        words = [w for tok in toks for w in tok.split("-")]
        for gram in {tuple(words[k:k + 3]) for k in range(len(words) - 2)}:
            by_trigram.setdefault(gram, []).append(p)
    sharing = {(p, q) for ids in by_trigram.values() for x, p in enumerate(ids) for q in ids[x + 1:]}
    compared: dict[tuple[int, int], tuple | None] = {}

    def compare(p: int, q: int):
        key = (p, q)
        if key not in compared:
            compared[key] = _match_words(passage_words[p], passage_words[q])
        return compared[key]

    # the best passages of each pair of units (a from the outlet first in order): ties go to
    # the passages one row per pair of quotations would meet first, for the quotations shown
    best: dict[tuple[int, int], tuple] = {}

    def consider(u: int, k: int, p: int, v: int, kv: int, q: int) -> None:
        if unit_outlet[u] == unit_outlet[v]:
            return
        if unit_outlet[v] < unit_outlet[u]:
            u, k, p, v, kv, q = v, kv, q, u, k, p
        res = compare(p, q)
        if res is None:
            return
        tie = (k, kv) if shown[u] < shown[v] else (kv, k)
        rank = (_MATCH_ORDER[res[0]], -res[1], tie)
        old = best.get((u, v))
        if old is None or rank < old[0]:
            best[(u, v)] = (rank, k, kv, res)

    for p, where in enumerate(occurs):
        if len(where) > 1 and compare(p, p) is not None:
            for x, (u, k) in enumerate(where):
                for v, kv in where[x + 1:]:
                    consider(u, k, p, v, kv, p)
    for p, q in sorted(sharing):
        if compare(p, q) is None and compare(q, p) is None:
            continue
        for u, k in occurs[p]:
            for v, kv in occurs[q]:
                consider(u, k, p, v, kv, q)

    # 4. The table.
    rows = []
    for (u, v), (_, k, kv, res) in best.items():
        a, b = shown[u], shown[v]
        rows.append((res[0], res[1], outlets[a], quote_ids[a], speakers[a], split[texts[a]][0][k], outlets[b],
                     quote_ids[b], speakers[b], split[texts[b]][0][kv], _differences(res[2], outlets[a], outlets[b]),
                     len(members[u]), len(members[v])))
    pairs = pd.DataFrame(rows, columns=ALIGN_COLUMNS)
    pairs = pairs.assign(_o=pairs["match"].map(_MATCH_ORDER)).sort_values(
        ["_o", "similarity", "quote_id_a", "quote_id_b"], ascending=[True, False, True, True], kind="stable"
    )
    matched = {u for uv in best for u in uv}
    alone = [(m[0], len(m)) for u, m in enumerate(members) if u not in matched]
    first = [pos for pos, _ in alone]
    unique = quotes.iloc[first]
    single = pd.DataFrame({
        "match": "unique", "similarity": float("nan"), "outlet_a": unique["outlet"], "quote_id_a": unique["quote_id"],
        "speaker_a": unique["speaker"], "passage_a": unique["quote"], "outlet_b": "", "quote_id_b": "",
        "speaker_b": "", "passage_b": "", "differences": "",
        "quotes_a": pd.Series([n for _, n in alone], index=unique.index, dtype="int64"), "quotes_b": 0,
    }, columns=ALIGN_COLUMNS)
    frames = [f for f in (pairs.drop(columns="_o"), single) if len(f)]
    if not frames:
        return pd.DataFrame(columns=ALIGN_COLUMNS)
    out = pd.concat(frames, ignore_index=True)[ALIGN_COLUMNS]
    return out.astype({"quotes_a": "int64", "quotes_b": "int64"})


# --------------------------------------------------------------------------- distinctive words

# English function words, written for this project (no stop-word list is a dependency).
# Content words that merely recur in news (said, would) are left in: whether they
# set an outlet apart is for the statistic to say.
STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can cannot could did do does doing down during
    each either even ever every few for from further had has have having he her here hers
    herself him himself his how however i if in into is it its itself just least less let
    many may me might more most much must my myself neither no nor not now of off often on
    once only or other others our ours ourselves out over own per rather same shall she
    should since so some such than that the their theirs them themselves then there these
    they this those though through thus to too under until up upon us very was we were what
    when where whether which while who whom whose why will with within without would yet you
    your yours yourself yourselves
    s t d ll m re ve don doesn didn isn wasn aren weren won wouldn shouldn couldn
    one two three first
    """.split()
)

TERM_COLUMNS = ["term", "n", "count"]
DISTINCTIVE_COLUMNS = ["term", "n", "count", "count_rest", "rate", "delta", "se", "z", "small_count"]


def _term_list(text: str, ngrams: tuple[int, ...], stop_words: frozenset) -> list[tuple[str, int]]:
    """Unigrams and bigrams of one text: lower case, possessive 's dropped, numbers left out.

    A bigram joins two adjacent words with only spaces or a hyphen between them (never
    across punctuation) when neither is a stop word.
    """
    toks = []
    for m in WORD_RE.finditer(text):
        w = re.sub(r"['\u2019]s$", "", m.group().lower().replace("\u2019", "'"))
        toks.append((w, m.start(), m.end()))
    out = []
    if 1 in ngrams:
        out += [(w, 1) for w, _, _ in toks if w not in stop_words and not w.isdigit()]
    if 2 in ngrams:
        for (w1, _, e1), (w2, s2, _) in zip(toks, toks[1:]):
            gap = text[e1:s2]
            if gap.strip(" -") or w1 in stop_words or w2 in stop_words or w1.isdigit() or w2.isdigit():
                continue
            out.append((f"{w1} {w2}", 2))
    return out


_WORD_SPLIT = re.compile(f"({WORD_RE.pattern})", WORD_RE.flags)  # split() gives gaps and words in turn
_POSSESSIVE = re.compile(r"['\u2019]s$")


def count_terms(sentences: pd.DataFrame, *, by: str = "outlet", ngrams: tuple[int, ...] = (1, 2),
                stop_words: frozenset = STOP_WORDS) -> pd.DataFrame:
    """Count words and two-word phrases in ``sentences["text"]`` for each value of ``by``.

    The terms are :func:`_term_list`'s (rows without a ``by`` value are left out);
    each distinct word, and each distinct gap between two words, is looked at once.

    Returns
    -------
    pandas.DataFrame
        ``<by>, term, n`` (1 or 2 words), ``count``, sorted by ``<by>, term, n``.

    Examples
    --------
    >>> s = pd.DataFrame({"outlet": ["A"], "text": ["IBM's facial-recognition ban, and the ban."]})
    >>> count_terms(s).sort_values(["n", "term"]).to_dict("records")[:3]
    [{'outlet': 'A', 'term': 'ban', 'n': 1, 'count': 2}, {'outlet': 'A', 'term': 'facial', 'n': 1, 'count': 1}, {'outlet': 'A', 'term': 'ibm', 'n': 1, 'count': 1}]
    """
    group_of_sentence, group_values = pd.factorize(sentences[by])  # -1: no value, left out as groupby does
    # every word of every sentence in order, and the text after it up to the next word
    # (None after a sentence's last word, so that no phrase spans two sentences)
    words, gaps, per_sentence = [], [], []
    for text in sentences["text"].tolist():
        parts = _WORD_SPLIT.split(text)
        found = parts[1::2]
        if found:
            words += found
            gaps += parts[2:-1:2]
            gaps.append(None)
        per_sentence.append(len(found))
    rows = []
    if words:
        group = np.repeat(group_of_sentence, per_sentence).astype(np.int64)
        word_code, raw_words = pd.factorize(pd.Series(words, dtype=object))
        term_code, terms = pd.factorize(pd.Series(
            [_POSSESSIVE.sub("", w.lower().replace("\u2019", "'")) for w in raw_words], dtype=object))
        term = term_code[word_code].astype(np.int64)
        terms, group_values = terms.tolist(), list(group_values)
        usable = np.array([t not in stop_words and not t.isdigit() for t in terms], dtype=bool)[term] & (group >= 0)
        if 1 in ngrams:
            keys, counts = np.unique(group[usable] * len(terms) + term[usable], return_counts=True)
            rows += [(group_values[k // len(terms)], terms[k % len(terms)], 1, c)
                     for k, c in zip(keys.tolist(), counts.tolist())]
        if 2 in ngrams:
            gap_code, gap_values = pd.factorize(pd.Series(gaps, dtype=object))
            # only spaces or hyphens between the two words; the last entry stands for None (code -1)
            joins = np.array([not g.strip(" -") for g in gap_values] + [False], dtype=bool)[gap_code]
            first = np.flatnonzero(joins[:-1] & usable[:-1] & usable[1:])
            pair_code, pairs = pd.factorize(term[first] * len(terms) + term[first + 1])
            keys, counts = np.unique(group[first] * len(pairs) + pair_code, return_counts=True)
            for k, c in zip(keys.tolist(), counts.tolist()):
                g, p = divmod(k, len(pairs))
                w1, w2 = divmod(int(pairs[p]), len(terms))
                rows.append((group_values[g], f"{terms[w1]} {terms[w2]}", 2, c))
    if rows or not words:
        counts = pd.DataFrame(rows, columns=[by, "term", "n", "count"])
        counts = counts.sort_values([by, "term", "n"]).reset_index(drop=True)
    else:  # terms, but none with a value of `by`: an empty table, typed as groupby types it
        frame = pd.DataFrame([(group, term, n) for group, text in zip(sentences[by], sentences["text"])
                              for term, n in _term_list(text, tuple(ngrams), stop_words)], columns=[by, "term", "n"])
        counts = frame.groupby([by, "term", "n"], as_index=False).size().rename(columns={"size": "count"})
    return counts.astype({"n": "int64", "count": "int64"})


def distinctive_terms(
    sentences: pd.DataFrame,
    *,
    by: str = "outlet",
    ngrams: tuple[int, ...] = (1, 2),
    prior_strength: float | None = None,
    min_count: int = 5,
    stop_words: frozenset = STOP_WORDS,
) -> pd.DataFrame:
    """Words and phrases that set each group apart: weighted log-odds with an informative prior.

    Monroe, Colaresi and Quinn (2008), "Fightin' Words", section 3.5.3: for each
    group *i* (an outlet) against all the others together (*j*), and each term *w*,

    .. math::

        \\delta_w = \\log\\frac{y^i_w + \\alpha_w}{n^i + \\alpha_0 - y^i_w - \\alpha_w}
                 - \\log\\frac{y^j_w + \\alpha_w}{n^j + \\alpha_0 - y^j_w - \\alpha_w},
        \\qquad \\sigma^2(\\delta_w) \\approx \\frac{1}{y^i_w + \\alpha_w} + \\frac{1}{y^j_w + \\alpha_w},
        \\qquad z_w = \\delta_w / \\sigma(\\delta_w)

    where *y* are counts, *n* totals, and the prior :math:`\\alpha_w = \\alpha_0 \\pi_w`
    takes :math:`\\pi_w` from the whole corpus. ``prior_strength`` is
    :math:`\\alpha_0`; the default, ``None``, uses the corpus size, so that
    :math:`\\alpha_w` is the term's corpus count. Words and two-word phrases are
    separate vocabularies, each with its own totals. Stop words are left out.

    A positive ``z`` means the group uses the term more than the rest. ``small_count``
    is true when the term occurs fewer than ``min_count`` times in the whole
    corpus: the normal approximation behind ``z`` does not hold for such counts, so
    read those z-scores as a ranking, not as evidence.

    Parameters
    ----------
    sentences
        A table with a ``text`` column and the ``by`` column.
    by
        The column whose values are compared, each against all the others.
    ngrams
        Term lengths to count: ``(1, 2)`` for words and two-word phrases.
    prior_strength
        :math:`\\alpha_0`; ``None`` for the corpus size.
    min_count
        Corpus occurrences below which ``small_count`` is set.
    stop_words
        Words left out, and never part of a phrase.

    Returns
    -------
    pandas.DataFrame
        One row per group and term, highest ``z`` first within each group:
        ``<by>, term, n, count`` (in the group), ``count_rest`` (in the others),
        ``rate`` (per 1,000 terms of the same length in the group), ``delta, se,
        z, small_count``.

    Raises
    ------
    ValueError
        With fewer than two groups to compare.

    Examples
    --------
    >>> s = pd.DataFrame({"outlet": ["A", "B"], "text": ["apple apple banana", "banana cherry"]})
    >>> d = distinctive_terms(s, ngrams=(1,))
    >>> d.loc[d.outlet == "A", ["term", "count", "count_rest", "z"]].round(3)
         term  count  count_rest      z
    0   apple      2           0  1.058
    1  banana      1           1 -0.273
    2  cherry      0           1 -0.841
    """
    groups = sorted(sentences[by].unique())
    if len(groups) < 2:
        raise ValueError(f"distinctive_terms needs at least two values of '{by}' to compare; found {groups}")
    counts = count_terms(sentences, by=by, ngrams=ngrams, stop_words=stop_words)
    frames = []
    for n, cn in counts.groupby("n"):
        wide = cn.pivot_table(index="term", columns=by, values="count", aggfunc="sum", fill_value=0)
        wide = wide.reindex(columns=groups, fill_value=0)
        total_w = wide.sum(axis=1)
        big_n = float(total_w.sum())
        alpha0 = big_n if prior_strength is None else float(prior_strength)
        alpha = alpha0 * total_w / big_n
        for g in groups:
            y_i = wide[g]
            y_j = total_w - y_i
            n_i = float(y_i.sum())
            n_j = big_n - n_i
            delta = (
                (y_i + alpha).map(math.log) - (n_i + alpha0 - y_i - alpha).map(math.log)
                - (y_j + alpha).map(math.log) + (n_j + alpha0 - y_j - alpha).map(math.log)
            )
            se = (1 / (y_i + alpha) + 1 / (y_j + alpha)) ** 0.5
            frames.append(pd.DataFrame({
                by: g, "term": wide.index, "n": n, "count": y_i.values, "count_rest": y_j.values,
                "rate": (1000 * y_i / n_i if n_i else y_i * 0.0).values,
                "delta": delta.values, "se": se.values, "z": (delta / se).values,
                "small_count": (total_w < min_count).values,
            }))
    out = pd.concat(frames, ignore_index=True)
    out = out.sort_values([by, "z", "term"], ascending=[True, False, True]).reset_index(drop=True)
    return out[[by] + DISTINCTIVE_COLUMNS].astype({"n": "int64", "count": "int64", "count_rest": "int64"})


# --------------------------------------------------------------------------- figures

_MAX_GROUPED = 4  # more outlets than this: one panel per outlet instead of grouped bars


def _panels(n: int, *, ncols: int, width: float, height: float, sharey: bool = True):
    """A grid of ``n`` panels, ``ncols`` wide, each ``width`` x ``height`` inches; spare panels hidden."""
    import matplotlib.pyplot as plt

    ncols = max(1, min(n, ncols))
    nrows = -(-n // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(width * ncols, height * nrows), sharey=sharey, squeeze=False)
    flat = list(axes.flat)
    for ax in flat[n:]:
        ax.set_visible(False)
    return fig, flat[:n]


def plot_actor_share(prominence: pd.DataFrame, *, colours: dict[str, str], top: int = 12):
    """Grouped bars: share of each outlet's sentences naming each actor, with prominence marks.

    The ``top`` actors by their largest share in any outlet are shown. Beside each
    bar, ``H`` marks an actor named in the outlet's headline(s) and ``L`` one named in
    the lede (first paragraph).

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt

    outlets = sorted(prominence["outlet"].unique())
    order = (prominence.groupby("actor")["sentence_share"].max().sort_values(ascending=False, kind="stable")
             .head(top).index.tolist())
    title = "Whom each outlet names: actor share by outlet (H = in headline, L = in lede)"
    xlabel = "sentences naming the actor (% of the outlet's body sentences)"

    def bars(ax, outlet, ys, height):
        rows = prominence[prominence["outlet"] == outlet].set_index("actor").reindex(order)
        ax.barh(ys, rows["sentence_share"].fillna(0) * 100, height=height, color=colours[outlet], label=outlet)
        for y, (_, r) in zip(ys, rows.iterrows()):
            marks = " ".join(m for m, on in (("H", r["headline_share"] > 0), ("L", r["lede_share"] > 0)) if on)
            if marks:
                ax.text(r["sentence_share"] * 100 + 0.8, y, marks, va="center", fontsize=7.5, color="#333333")

    if len(outlets) <= _MAX_GROUPED:
        fig, ax = plt.subplots(figsize=(8, 0.45 * len(order) * max(1, len(outlets) / 2) + 1.2))
        height = 0.8 / max(1, len(outlets))
        for k, outlet in enumerate(outlets):
            bars(ax, outlet, [i + (k - (len(outlets) - 1) / 2) * height for i in range(len(order))], height * 0.95)
        ax.set_yticks(range(len(order)), order)
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        ax.set_title(title)
        ax.legend(frameon=False, loc="lower right")
        return fig
    fig, axes = _panels(len(outlets), ncols=4, width=3.4, height=0.3 * len(order) + 1.0)
    for ax, outlet in zip(axes, outlets):
        bars(ax, outlet, list(range(len(order))), 0.8)
        ax.set_title(outlet, color=colours[outlet], fontweight="bold", fontsize=9)
        ax.set_yticks(range(len(order)), order)
        ax.set_xlabel("% of sentences", fontsize=8)
    axes[0].invert_yaxis()
    fig.suptitle(title)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.3 / fig.get_figheight()))  # room for the suptitle
    return fig


def plot_aspect_grid(coverage: pd.DataFrame, *, colours: dict[str, str]):
    """Aspect x outlet grid: the share of each outlet's words in sentences touching each aspect.

    Cells an outlet never covers show a dash. Outlet names are drawn in their colours.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt

    outlets = sorted(coverage["outlet"].unique())
    aspects = list(dict.fromkeys(coverage["aspect"]))
    grid = coverage.pivot(index="aspect", columns="outlet", values="word_share").reindex(index=aspects, columns=outlets)
    many = len(outlets) > 6
    fig, ax = plt.subplots(figsize=(2.2 + (0.75 if many else 1.6) * len(outlets), 0.42 * len(aspects) + 1.4))
    image = ax.imshow(grid.values * 100, cmap="Greys", vmin=0, vmax=max(1.0, float(grid.values.max()) * 100 * 1.6),
                      aspect="auto")
    for i, aspect in enumerate(aspects):
        for j, outlet in enumerate(outlets):
            v = grid.loc[aspect, outlet]
            ax.text(j, i, "\u2014" if v == 0 else f"{v * 100:.0f}%", ha="center", va="center", fontsize=6.5 if many else 8)
    ax.set_xticks(range(len(outlets)), outlets, rotation=60 if many else 0, ha="left" if many else "center")
    for label in ax.get_xticklabels():
        label.set_color(colours[label.get_text()])
        label.set_fontweight("bold")
    ax.set_yticks(range(len(aspects)), aspects)
    ax.tick_params(length=0)
    ax.xaxis.tick_top()
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02, label="% of the outlet's words")
    ax.set_title("What each outlet covers: words in sentences touching each aspect", pad=24)
    return fig


def plot_share_of_voice(voice: pd.DataFrame, *, colours: dict[str, str], top: int = 15):
    """One panel per outlet: each speaker's share of the outlet's quoted words.

    The ``top`` speakers by their largest share in any outlet are shown; with more
    speakers than that (names not in the lexicon can be speakers, so a large corpus
    has hundreds), the rest are added up in one last row, ``other speakers (n)``.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt

    outlets = sorted(voice["outlet"].unique())
    if not outlets:
        fig, ax = plt.subplots(figsize=(6, 1.5))
        ax.axis("off")
        ax.text(0.5, 0.5, "No quotations found in any outlet", ha="center", va="center")
        return fig
    speakers = voice.groupby("speaker")["word_share"].max().sort_values(ascending=False, kind="stable").index.tolist()
    if len(speakers) > top:
        rest = voice[voice["speaker"].isin(speakers[top:])]
        other = f"other speakers ({len(speakers) - top})"
        folded = rest.groupby("outlet", as_index=False)[["quotes", "words", "word_share"]].sum().assign(speaker=other)
        voice = pd.concat([voice[voice["speaker"].isin(speakers[:top])], folded], ignore_index=True)
        speakers = speakers[:top] + [other]
    ncols = min(len(outlets), 3)
    fig, axes = _panels(len(outlets), ncols=ncols, width=3.6 + 1.5 / ncols, height=0.38 * len(speakers) + 1.4)
    for ax, outlet in zip(axes, outlets):
        rows = voice[voice["outlet"] == outlet].set_index("speaker").reindex(speakers)
        ax.barh(range(len(speakers)), rows["word_share"].fillna(0) * 100, color=colours[outlet])
        for i, (_, r) in enumerate(rows.iterrows()):
            if pd.notna(r["words"]):
                w, n = int(r["words"]), int(r["quotes"])
                ax.text(r["word_share"] * 100 + 1, i, f"{w} word{'s' * (w != 1)}, {n} quotation{'s' * (n != 1)}",
                        va="center", fontsize=7.5)
        ax.set_title(outlet, color=colours[outlet], fontweight="bold")
        ax.set_xlim(0, 130)
        ax.set_xticks(range(0, 101, 20))
        ax.set_xlabel("% of the outlet's quoted words")
    for ax in axes:
        ax.set_yticks(range(len(speakers)), speakers)
    axes[0].invert_yaxis()
    fig.suptitle("Whose words each outlet quotes: share of voice by speaker")
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.3 / fig.get_figheight()))  # room for the suptitle
    return fig


def plot_distinctive_terms(distinctive: pd.DataFrame, *, colours: dict[str, str], by: str = "outlet", label: int = 8):
    """One panel per group: each term's corpus frequency against its z-score.

    Terms the group uses more than the rest (z > 0) are in the group's colour; hollow
    markers are terms with too few occurrences for the z-score to mean much
    (``small_count``). The ``label`` highest-z terms of each group are named in a
    column beside the points, with their counts in the group and in the rest.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt

    groups = sorted(distinctive[by].unique())
    fig, axes = _panels(len(groups), ncols=3, width=5.6, height=4.4)
    for ax, g in zip(axes, groups):
        d = distinctive[distinctive[by] == g]
        total = d["count"] + d["count_rest"]
        colour = [colours[g] if z > 0 else "#BBBBBB" for z in d["z"]]
        solid = ~d["small_count"]
        ax.scatter(total[solid], d.loc[solid, "z"], s=18, c=[c for c, s in zip(colour, solid) if s], linewidths=0)
        ax.scatter(total[~solid], d.loc[~solid, "z"], s=18, facecolors="none",
                   edgecolors=[c for c, s in zip(colour, solid) if not s], linewidths=0.7)
        top = d.sort_values(["z", "term"], ascending=[False, True]).head(label)
        # the top terms are named in a column to the right of the points, stacked
        # downwards so that no label overlaps the one above, each with a leader line
        span = max(float(distinctive["z"].max() - distinctive["z"].min()), 1e-9)
        x_text = float((distinctive["count"] + distinctive["count_rest"]).max()) * 2.2
        y_text = float("inf")
        for _, r in top.iterrows():
            y_text = min(r["z"], y_text - 0.08 * span)
            ax.annotate(f"{r['term']} ({int(r['count'])}/{int(r['count_rest'])})", (r["count"] + r["count_rest"], r["z"]),
                        xytext=(x_text, y_text), textcoords="data", fontsize=7.5, va="center",
                        arrowprops={"arrowstyle": "-", "color": "#AAAAAA", "linewidth": 0.5})
        ax.set_xscale("log")
        ax.axhline(0, color="#888888", linewidth=0.6)
        ax.set_xlim(0.7, x_text * 12)
        ax.set_title(f"{g} vs the rest", color=colours[g], fontweight="bold")
        ax.set_xlabel("occurrences in the whole corpus (log scale)")
    for ax in axes[:: min(len(groups), 3)]:
        ax.set_ylabel("z-score of the weighted log-odds ratio")
    fig.suptitle("Distinctive words: frequency against z-score (hollow = fewer than the minimum count)")
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.3 / fig.get_figheight()))  # room for the suptitle
    return fig
