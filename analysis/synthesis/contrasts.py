"""Where each outlet differs most from the rest, with an interval where the measure has one."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.measures import tone as tone_measures
from analysis.synthesis.measures import Measures

CONTRAST_COLUMNS = ["family", "outlet", "item", "value", "value_rest", "difference", "low", "high", "excludes_zero",
                    "one_article"]


def _against_rest(family: str, outlet: pd.Series, item: pd.Series, count: pd.Series, share: pd.Series,
                  units: pd.Series) -> pd.DataFrame:
    """Rows of :func:`contrasts` for a share without an interval: ``count`` of ``units`` per outlet and
    item against the same share pooled over the other outlets (``units``: the outlets' totals)."""
    rest = (count.groupby(item).transform("sum") - count) / (units.sum() - outlet.map(units))
    return pd.DataFrame({"family": family, "outlet": outlet, "item": item, "value": share,
                         "value_rest": rest, "difference": share - rest})


def contrasts(measures: Measures, *, top: int | None = 3) -> pd.DataFrame:
    """The largest differences between an outlet and the rest, in each family of measures.

    Each outlet is compared with all other outlets pooled; with two outlets the second
    outlet's rows would mirror the first's, so only the first (in sorted order) is kept.
    Families:

    * ``tone`` -- mean sentence score per instrument, with the bootstrap interval of
      the difference (:func:`analysis.measures.tone.tone_difference`);
    * ``frame`` -- share of sentences invoking each frame, with the interval of
      :func:`analysis.measures.frames.frame_difference` (``measures.frame_unit`` resampled; Other left out);
    * ``actor`` -- share of sentences naming each actor (rest: pooled over the other
      outlets' sentences); no interval;
    * ``aspect`` -- share of words in sentences touching each aspect (rest: pooled over
      the other outlets' words); no interval;
    * ``quotation`` -- share of words quoted (rest pooled); no interval.

    ``excludes_zero`` is true when the interval lies wholly on one side of zero, and
    missing where there is no interval; ``one_article`` is true when either side of an
    interval rests on one article (missing where there is no interval). Shares are fractions. ``top`` keeps the
    ``top`` largest ``|difference|`` of each family over all outlets (``None``: all).

    Returns
    -------
    DataFrame
        ``family, outlet, item, value, value_rest, difference, low, high, excludes_zero, one_article``,
        families in the order above, largest ``|difference|`` first within each.
    """
    frames = []
    td = measures.tone_difference
    # with two outlets tone_difference gives one row per measure; mirror it for the second outlet
    rows = []
    for r in td.itertuples(index=False):
        rows.append(("tone", r.outlet, tone_measures.MEASURES[r.measure], r.mean, r.mean_other, r.difference, r.ci_low,
                     r.ci_high, pd.NA, r.one_article))
        if r.compared_with != "rest":
            rows.append(("tone", r.compared_with, tone_measures.MEASURES[r.measure], r.mean_other, r.mean, -r.difference,
                         -r.ci_high, -r.ci_low, pd.NA, r.one_article))
    frames.append(pd.DataFrame(rows, columns=CONTRAST_COLUMNS))

    fd = measures.frame_difference[measures.frame_difference["frame"] != measures.codebook.other]
    frames.append(pd.DataFrame({
        "family": "frame", "outlet": fd["outlet"], "item": fd["frame"], "value": fd["share"],
        "value_rest": fd["share_rest"], "difference": fd["difference"], "low": fd["low"], "high": fd["high"],
        "one_article": fd["one_article"],
    }))

    # shares without an interval: each outlet against the others pooled, in sentences or words
    q = measures.quoted
    words = q.set_index("outlet")["words"]
    p, c = measures.prominence, measures.coverage
    frames.append(_against_rest("actor", p["outlet"], p["actor"], p["sentences"], p["sentence_share"],
                                measures.sentences.groupby("outlet").size()))
    frames.append(_against_rest("aspect", c["outlet"], c["aspect"], c["words"], c["word_share"], words))
    frames.append(_against_rest("quotation", q["outlet"], pd.Series("share of words quoted", index=q.index),
                                q["quoted_words"], q["quoted_share"], words))

    out = pd.concat([f for f in frames if len(f)], ignore_index=True).reindex(columns=CONTRAST_COLUMNS)
    out[["value", "value_rest", "difference", "low", "high"]] = out[
        ["value", "value_rest", "difference", "low", "high"]].astype(float)
    has = out["low"].notna()
    out["excludes_zero"] = pd.array([bool(lo > 0 or hi < 0) if h else pd.NA
                                     for lo, hi, h in zip(out["low"], out["high"], has)], dtype="boolean")
    out["one_article"] = pd.array([bool(v) if h else pd.NA for v, h in zip(out["one_article"], has)], dtype="boolean")
    family = {f: i for i, f in enumerate(["tone", "frame", "actor", "aspect", "quotation"])}
    if len(measures.outlets) == 2:
        out = out[out["outlet"] == measures.outlets[0]]
    out = out.assign(_f=out["family"].map(family), _a=-out["difference"].abs())
    out = out.sort_values(["_f", "_a", "outlet", "item"], kind="stable")
    if top is not None:
        out = out.groupby("family", sort=False).head(top)
    return out.drop(columns=["_f", "_a"]).reset_index(drop=True)


def frame_units(measures: Measures, *, top: int | None = 5) -> pd.DataFrame:
    """Frame differences counted over sentences and over paragraphs, side by side.

    A long sentence has more chances to hold a cue, so an outlet that writes long
    sentences invokes more frames per sentence; a difference worth reporting points the
    same way when paragraphs are counted instead (notebook 03, section 4). With two
    outlets only the first outlet's rows are kept (the other's mirror them); ``top``
    keeps the largest ``|difference|`` over sentences (``None``: all).

    Returns
    -------
    DataFrame
        ``outlet, frame, difference, low, high`` (sentences), ``difference_paragraphs,
        low_paragraphs, high_paragraphs``, and ``same_direction`` (both differences have
        the same sign, or both are zero).
    """
    keys = ["outlet", "frame"]
    cols = ["difference", "low", "high"]
    s = measures.frame_difference[keys + cols]
    p = measures.frame_difference_paragraphs[keys + cols].rename(columns={c: f"{c}_paragraphs" for c in cols})
    out = s.merge(p, on=keys, how="left")
    out = out[out["frame"] != measures.codebook.other]
    if len(measures.outlets) == 2:
        out = out[out["outlet"] == measures.outlets[0]]
    out["same_direction"] = np.sign(out["difference"].round(12)) == np.sign(out["difference_paragraphs"].round(12))
    out = out.assign(_a=-out["difference"].abs()).sort_values(["_a", "outlet", "frame"], kind="stable").drop(columns="_a")
    if top is not None:
        out = out.head(top)
    return out.reset_index(drop=True)


def most_divergent(table: pd.DataFrame, *, item: str, value: str, by: str = "outlet", exclude=()) -> str | None:
    """The ``item`` whose ``value`` differs most between groups (largest max minus min).

    Ties go to the item listed first. ``None`` when no item is left.

    Examples
    --------
    >>> t = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "frame": ["x", "y", "x", "y"], "share": [0.1, 0.5, 0.2, 0.0]})
    >>> most_divergent(t, item="frame", value="share")
    'y'
    """
    t = table[~table[item].isin(set(exclude))]
    if t.empty:
        return None
    spread = t.groupby(item, sort=False)[value].agg(lambda s: s.max() - s.min())
    return spread.idxmax()


