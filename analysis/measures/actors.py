"""Actors: every mention of each actor of the lexicon, and how much and how early each outlet names them.

Term matching (actor aliases, aspect cues) is :mod:`analysis.matching`'s, so an
alias behaves here exactly as a frame cue does in the codebook. The lexicon is
read by :mod:`analysis.lexicons.actors`.
"""

from __future__ import annotations

import pandas as pd

from analysis.matching import Term, TermMatcher, find_terms

__all__ = ["MENTION_COLUMNS", "PROMINENCE_COLUMNS", "lexicon_matcher", "actor_mentions", "actor_prominence"]

MENTION_COLUMNS = ["sentence_id", "article_id", "outlet", "actor", "type", "cue", "match", "start", "end"]


def lexicon_matcher(lexicon: pd.DataFrame, label: str) -> TermMatcher:
    """A :class:`analysis.matching.TermMatcher` of a lexicon table's cues, keyed by its ``label`` column."""
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
    exact raw offsets). ``actors`` is
    :func:`analysis.lexicons.actors.load_actors`'s table. A short form listed as
    an alias (``Krishna``) counts for the same actor; where cues overlap the
    longest wins (``Amazon Ring`` is one mention of Amazon).

    Returns
    -------
    pandas.DataFrame
        ``sentence_id, article_id, outlet, actor, type, cue, match, start, end``:
        ``cue`` is the lexicon entry that fired, ``match`` the raw text it
        matched, ``start``/``end`` offsets in the raw file.

    Examples
    --------
    >>> from analysis.lexicons.actors import load_actors
    >>> s = pd.DataFrame({"sentence_id": ["a-s001"], "article_id": ["a"], "outlet": ["X"],
    ...                   "text": ["IBM CEO Arvind Krishna wrote; Krishna said no."], "start": [100]})
    >>> actor_mentions(s, load_actors())[["actor", "match", "start", "end"]]
                actor           match  start  end
    0             IBM             IBM    100  103
    1  Arvind Krishna  Arvind Krishna    108  122
    2  Arvind Krishna         Krishna    130  137
    """
    found = find_terms(sentences, lexicon_matcher(actors, "actor")).rename(columns={"key": "actor"})
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
    >>> from analysis.lexicons.actors import load_actors
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
