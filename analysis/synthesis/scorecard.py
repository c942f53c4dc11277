"""The scorecard: every outlet side by side on every measure, as a tidy table and as a table to read."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.measures import tone as tone_measures
from analysis.synthesis.measures import Measures

CARD_COLUMNS = ["outlet", "measure", "rank", "item", "value", "low", "high", "n", "one_article"]
#: The mark :func:`scorecard_table` puts after an interval that rests on one article.
ONE_ARTICLE_MARK = "\u2020"

# The measures of the scorecard, in the order they are shown, with how a value reads.
_TONE = {measure: f"tone: {label}" for measure, label in tone_measures.MEASURES.items()}
MEASURE_ORDER = [
    *_TONE.values(),
    "leading frame",
    "most prominent actor",
    "share of words quoted",
    "share of voice",
    "aspects covered",
    "aspect omitted",
    "distinctive word",
]




def _row(outlet, measure, rank, item, value, low=np.nan, high=np.nan, n=np.nan, one_article=False) -> dict:
    return {"outlet": outlet, "measure": measure, "rank": rank, "item": item, "value": value,
            "low": low, "high": high, "n": n, "one_article": bool(one_article)}


def scorecard(measures: Measures, *, top: int = 3) -> pd.DataFrame:
    """One tidy table of every outlet on every measure: the study's results side by side.

    Each row is one outlet, measure and rank:

    * ``tone: TextBlob polarity`` / ``tone: VADER compound`` -- the mean sentence score
      (``value``) with its 95% bootstrap interval (``low``, ``high``) over ``n`` sentences;
    * ``leading frame`` -- the ``top`` frames (Other left out) by share of sentences
      invoking them, with the interval; ``n`` is the number of sentences invoking it;
      ties go to the codebook's order;
    * ``most prominent actor`` -- the ``top`` actors by share of sentences naming them
      (``n``: those sentences); ties go to the earlier first mention;
    * ``share of words quoted`` -- quoted words over all words (``n``: all words);
    * ``share of voice`` -- the ``top`` speakers by share of the outlet's quoted words
      (``n``: their words); no row if the outlet quotes no one;
    * ``aspects covered`` -- aspects with at least one sentence (``value``) out of ``n``;
    * ``aspect omitted`` -- up to ``top`` aspects the outlet never touches that other
      outlets do, most widely covered first (``value``: how many other outlets cover it);
    * ``distinctive word`` -- the ``top`` words or phrases by log-odds z-score against the
      rest (``value``: z; ``n``: the term's count in the outlet).

    ``item`` names the frame, actor, speaker, aspect or term; shares are fractions.
    ``one_article`` marks an interval that rests on the outlet's single article (it
    describes that article's sentences or paragraphs, not the outlet's coverage).
    Rows come in the order of the list above, outlets sorted within each measure.

    Returns
    -------
    DataFrame
        ``outlet, measure, rank, item, value, low, high, n, one_article``.
    """
    rows: list[dict] = []
    outlets = measures.outlets
    for measure, label in _TONE.items():
        part = measures.tone[measures.tone["measure"] == measure].set_index("outlet")
        for o in outlets:
            if o in part.index:
                r = part.loc[o]
                rows.append(_row(o, label, 1, "mean", r["mean"], r["ci_low"], r["ci_high"], r["n"], r["one_article"]))

    order = {f: i for i, f in enumerate(measures.codebook.frame_names)}
    frames = measures.frames[measures.frames["frame"] != measures.codebook.other]
    frames = frames[frames["n_invoking"] > 0].assign(_order=lambda t: t["frame"].map(order))
    for o in outlets:
        best = frames[frames["outlet"] == o].sort_values(["share", "_order"], ascending=[False, True]).head(top)
        for k, r in enumerate(best.itertuples(index=False), 1):
            rows.append(_row(o, "leading frame", k, r.frame, r.share, r.low, r.high, r.n_invoking, r.one_article))

    named = measures.prominence[measures.prominence["sentences"] > 0]
    for o in outlets:
        best = named[named["outlet"] == o].sort_values(
            ["sentence_share", "first_sentence_no", "actor"], ascending=[False, True, True]).head(top)
        for k, r in enumerate(best.itertuples(index=False), 1):
            rows.append(_row(o, "most prominent actor", k, r.actor, r.sentence_share, n=r.sentences))

    quoted = measures.quoted.set_index("outlet")
    for o in outlets:
        if o in quoted.index:
            r = quoted.loc[o]
            rows.append(_row(o, "share of words quoted", 1, "quoted words", r["quoted_share"], n=r["words"]))

    for o in outlets:
        best = measures.voice[measures.voice["outlet"] == o].head(top)
        for k, r in enumerate(best.itertuples(index=False), 1):
            rows.append(_row(o, "share of voice", k, r.speaker, r.word_share, n=r.words))

    cov = measures.coverage
    n_aspects = cov["aspect"].nunique()
    aspect_order = {a: i for i, a in enumerate(dict.fromkeys(cov["aspect"]))}
    by_aspect = cov[cov["covered"]].groupby("aspect")["outlet"].nunique()
    for o in outlets:
        mine = cov[cov["outlet"] == o]
        rows.append(_row(o, "aspects covered", 1, "aspects", int(mine["covered"].sum()), n=n_aspects))
        missing = mine.loc[~mine["covered"], "aspect"]
        missing = [a for a in missing if by_aspect.get(a, 0) > 0]
        missing.sort(key=lambda a: (-by_aspect[a], aspect_order[a]))
        for k, a in enumerate(missing[:top], 1):
            rows.append(_row(o, "aspect omitted", k, a, int(by_aspect[a])))

    dist = measures.distinctive
    for o in outlets:
        best = dist[(dist["outlet"] == o) & (dist["count"] > 0)].sort_values(
            ["z", "term"], ascending=[False, True]).head(top)
        for k, r in enumerate(best.itertuples(index=False), 1):
            rows.append(_row(o, "distinctive word", k, r.term, r.z, n=r.count))

    card = pd.DataFrame(rows, columns=CARD_COLUMNS)
    card["rank"] = card["rank"].astype("int64")
    card["n"] = card["n"].astype("Int64")
    card["_m"] = card["measure"].map({m: i for i, m in enumerate(MEASURE_ORDER)})
    card = card.sort_values(["_m", "rank", "outlet"], kind="stable").drop(columns="_m")
    return card.reset_index(drop=True)


def _cell(r) -> str:
    mark = ONE_ARTICLE_MARK if getattr(r, "one_article", False) else ""
    if r.measure.startswith("tone"):
        return f"{r.value:+.3f} [{r.low:+.3f}, {r.high:+.3f}]{mark} n={r.n}"
    if r.measure == "leading frame":
        return f"{r.item} {r.value:.0%} [{r.low:.0%}, {r.high:.0%}]{mark}"
    if r.measure in ("most prominent actor", "share of voice"):
        return f"{r.item} {r.value:.0%}"
    if r.measure == "share of words quoted":
        return f"{r.value:.1%} of {r.n} words"
    if r.measure == "aspects covered":
        return f"{int(r.value)} of {r.n}"
    if r.measure == "aspect omitted":
        return str(r.item)
    if r.measure == "distinctive word":
        return f"{r.item} (z {r.value:.2f}, {r.n}x)"
    return f"{r.item} {r.value:.3g}"


def scorecard_table(card: pd.DataFrame, *, max_outlets: int = 5, sizes: pd.Series | None = None) -> pd.DataFrame:
    """The scorecard laid out for reading: one row per measure and rank, one column per outlet.

    With more than ``max_outlets`` outlets, only the ``max_outlets`` largest by ``sizes``
    (a Series outlet -> count, e.g. sentences per outlet; default: alphabetical order)
    are shown, so the table stays readable; the full scorecard is ``card``. Empty cells
    mean the outlet has nothing at that rank (no quotation, no omitted aspect). An
    interval followed by :data:`ONE_ARTICLE_MARK` (†) rests on the outlet's single
    article.

    Examples
    --------
    >>> card = pd.DataFrame({"outlet": ["A", "B"], "measure": ["aspects covered"] * 2, "rank": [1, 1],
    ...                      "item": ["aspects"] * 2, "value": [3, 2], "low": [np.nan] * 2,
    ...                      "high": [np.nan] * 2, "n": pd.array([4, 4], dtype="Int64")})
    >>> scorecard_table(card).loc[("aspects covered", 1)].to_dict()
    {'A': '3 of 4', 'B': '2 of 4'}
    """
    outlets = sorted(card["outlet"].unique())
    if sizes is not None:
        outlets = sorted(outlets, key=lambda o: (-sizes.get(o, 0), o))
    shown = sorted(outlets[:max_outlets])
    part = card[card["outlet"].isin(shown)]
    cells = part.assign(cell=[_cell(r) for r in part.itertuples(index=False)])
    table = cells.pivot(index=["measure", "rank"], columns="outlet", values="cell")
    order = [(m, k) for m, k in dict.fromkeys(zip(card["measure"], card["rank"])) if (m, k) in table.index]
    return table.reindex(index=pd.MultiIndex.from_tuples(order, names=["measure", "rank"]), columns=shown).fillna("")


