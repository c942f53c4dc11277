"""Synthesis: every outlet side by side, on every measure of the study.

The measures come from the other modules, computed the same way as in notebooks
02-04 (:func:`compute_measures`); this module only gathers them. :func:`scorecard`
turns them into one tidy table, one row per outlet, measure and rank;
:func:`scorecard_table` lays that out with the outlets side by side for reading;
:func:`contrasts` lists where each outlet differs most from the rest, with an
interval where the measure has one; :func:`plot_scorecard` draws the summary figure.
Nothing here reads a file (the lexicons come from :func:`analysis.lexicons.load_lexicons`).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.lexicons import Codebook
from analysis.measures import frames as framing
from analysis.measures.actors import actor_mentions, actor_prominence
from analysis.measures.aspects import aspect_coverage, aspect_mentions, coverage_gaps
from analysis.measures.quotes import extract_quotes, quote_share, share_of_voice
from analysis.measures.terms import distinctive_terms
from analysis.measures import tone as tone_measures
from analysis.stats import settings
from analysis.stats.units import article_counts, expected_by_chance, resampling_unit

__all__ = [
    "SEED",
    "FRAME_BOOTSTRAP",
    "CARD_COLUMNS",
    "CONTRAST_COLUMNS",
    "Measures",
    "compute_measures",
    "scorecard",
    "scorecard_table",
    "contrasts",
    "frame_units",
    "most_divergent",
    "findings",
    "plot_scorecard",
]

#: The seed of every bootstrap and permutation, as in notebooks 02 and 03 (the date of IBM's letter).
SEED = settings.SEED
#: Frame intervals as notebook 03 computes them: paragraphs resampled, 2,000 times.
FRAME_BOOTSTRAP = {"unit": "paragraph", "n_boot": 2000, "seed": SEED}

CARD_COLUMNS = ["outlet", "measure", "rank", "item", "value", "low", "high", "n", "one_article"]
CONTRAST_COLUMNS = ["family", "outlet", "item", "value", "value_rest", "difference", "low", "high", "excludes_zero",
                    "one_article"]
#: The mark :func:`scorecard_table` puts after an interval that rests on one article.
ONE_ARTICLE_MARK = "\u2020"

# The measures of the scorecard, in the order they are shown, with how a value reads.
_TONE = {"polarity": "tone: TextBlob polarity", "vader_compound": "tone: VADER compound"}
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


@dataclass
class Measures:
    """The outputs of the study's measures for one corpus, as the notebooks compute them.

    Attributes
    ----------
    sentences : DataFrame
        The corpus sentences the measures were computed on.
    scored : DataFrame
        :func:`analysis.measures.tone.score_sentences` (names from the actors lexicon masked).
    tone : DataFrame
        :func:`analysis.measures.tone.tone_summary` by outlet, both instruments.
    tone_difference : DataFrame
        :func:`analysis.measures.tone.tone_difference` (one comparison with two outlets, each
        against the rest with more).
    codebook : analysis.lexicons.Codebook
    detections : DataFrame
        :func:`analysis.measures.frames.detect_frames` of the sentences.
    frames : DataFrame
        :func:`analysis.measures.frames.frame_profile` (intervals from resampled paragraphs, or
        articles when every outlet has enough: ``frame_unit``).
    frame_difference : DataFrame
        :func:`analysis.measures.frames.frame_difference`, each outlet against the rest.
    frame_difference_paragraphs : DataFrame
        The same with paragraphs as the unit counted (:func:`analysis.measures.frames.to_paragraphs`),
        the check notebook 03 makes on differences that might come from sentence length.
    prominence : DataFrame
        :func:`analysis.measures.actors.actor_prominence`, with headline mentions.
    quotes, quoted, voice : DataFrame
        :func:`analysis.measures.quotes.extract_quotes`, ``quote_share`` and ``share_of_voice``.
    coverage, gaps : DataFrame
        :func:`analysis.measures.aspects.aspect_coverage` (every aspect of the lexicon) and ``coverage_gaps``.
    distinctive : DataFrame
        :func:`analysis.measures.terms.distinctive_terms` by outlet (``min_count=5``).
    tone_unit, frame_unit : str
        What the tone and frame intervals resample: ``"article"`` when every outlet has
        at least :data:`analysis.stats.units.MIN_ARTICLES` articles, else sentences
        (tone) and paragraphs (frames) within articles.
    """

    sentences: pd.DataFrame
    scored: pd.DataFrame
    tone: pd.DataFrame
    tone_difference: pd.DataFrame
    codebook: Codebook
    detections: pd.DataFrame
    frames: pd.DataFrame
    frame_difference: pd.DataFrame
    frame_difference_paragraphs: pd.DataFrame
    prominence: pd.DataFrame
    quotes: pd.DataFrame
    quoted: pd.DataFrame
    voice: pd.DataFrame
    coverage: pd.DataFrame
    gaps: pd.DataFrame
    distinctive: pd.DataFrame
    tone_unit: str = "sentence"
    frame_unit: str = "paragraph"

    @property
    def outlets(self) -> list[str]:
        """The outlets compared, in sorted order."""
        return sorted(self.sentences["outlet"].unique())


def compute_measures(corpus, *, codebook, actors: pd.DataFrame, aspects: pd.DataFrame,
                     n_boot: int = 2000, seed: int = SEED) -> Measures:
    """Run every measure of the study on ``corpus``, with the settings notebooks 02-04 use.

    ``corpus`` is an :class:`analysis.Corpus` (``sentences``, ``headlines``, ``lines``,
    ``texts``, ``normalisations``), from ``load_processed`` or ``load_corpus``; it needs at
    least two outlets. ``n_boot`` and ``seed`` set the tone and frame bootstraps (the
    notebooks use 2,000 resamples and :data:`SEED`). The bootstraps resample whole
    articles when every outlet has at least :data:`analysis.stats.units.MIN_ARTICLES`
    of them, and sentences (tone) or paragraphs (frames) otherwise, as notebooks 02
    and 03 do (:func:`analysis.stats.units.resampling_unit`).

    Returns
    -------
    Measures
    """
    sentences = corpus.sentences
    outlets = sentences["outlet"].nunique()
    if outlets < 2:
        raise ValueError(f"corpus sentences: the synthesis compares outlets and needs at least two; found {outlets}")
    tone_unit = resampling_unit(sentences)
    frame_unit = resampling_unit(sentences, within=FRAME_BOOTSTRAP["unit"])
    scored = tone_measures.score_sentences(sentences, names=actors)
    tone = tone_measures.tone_summary(scored, n_boot=n_boot, seed=seed, unit=tone_unit)
    tone_diff = tone_measures.tone_difference(scored, n_boot=n_boot, seed=seed, unit=tone_unit)
    detections = framing.detect_frames(sentences, codebook)
    frame_options = {**FRAME_BOOTSTRAP, "n_boot": n_boot, "seed": seed, "unit": frame_unit}
    frames = framing.frame_profile(sentences, detections, frames=codebook, **frame_options)
    frame_diff = framing.frame_difference(sentences, detections, frames=codebook, **frame_options)
    paragraphs, paragraph_detections = framing.to_paragraphs(sentences, detections)
    frame_diff_paragraphs = framing.frame_difference(
        paragraphs, paragraph_detections, frames=codebook,
        **{**frame_options, "unit": "article" if frame_unit == "article" else "sentence"})
    prominence = actor_prominence(
        actor_mentions(sentences, actors), sentences,
        headline_mentions=actor_mentions(corpus.headlines, actors),
    )
    quotes = extract_quotes(corpus, actors=actors)
    coverage = aspect_coverage(aspect_mentions(sentences, aspects), sentences, aspects=aspects)
    return Measures(
        sentences=sentences,
        scored=scored,
        tone=tone,
        tone_difference=tone_diff,
        codebook=codebook,
        detections=detections,
        frames=frames,
        frame_difference=frame_diff,
        frame_difference_paragraphs=frame_diff_paragraphs,
        prominence=prominence,
        quotes=quotes,
        quoted=quote_share(quotes, sentences),
        voice=share_of_voice(quotes),
        coverage=coverage,
        gaps=coverage_gaps(coverage),
        distinctive=distinctive_terms(sentences, by="outlet", min_count=5),
        tone_unit=tone_unit,
        frame_unit=frame_unit,
    )


# --------------------------------------------------------------------------- the scorecard


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


# --------------------------------------------------------------------------- where outlets differ


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


# --------------------------------------------------------------------------- the findings, written out


def _interval_text(low, high, fmt: str, one_article: bool) -> str:
    return f"[{low:{fmt}}, {high:{fmt}}]" + (ONE_ARTICLE_MARK if one_article else "")


def _versus(r, by: str = "outlet") -> str:
    return f"{r[by]} against {'the rest' if r['compared_with'] == 'rest' else r['compared_with']}"


def _have(n: int) -> str:
    return "has" if n == 1 else "have"


def _by_chance(n: int) -> str:
    """What uncorrected 95% intervals give with no real difference, said when it matters."""
    if n < 10:
        return ""
    return (f" (with no real difference, about {expected_by_chance(n):.0f} of {n} would, since these intervals are not corrected "
            "for the number of comparisons)")


def _ranks(values: np.ndarray) -> np.ndarray:
    return pd.Series(values).rank().to_numpy(float)


def findings(measures: Measures) -> list[str]:
    """The study's results as sentences, each built from the tables of ``measures``.

    The hand-written commentary of a notebook describes the corpus it was written for;
    these sentences describe whatever corpus ``measures`` was computed on, so a re-run on
    another corpus (``python -m analysis compare``) reads its own findings. Each names
    where its numbers come from and gives intervals where the measure has one (marked †
    when they rest on one article). In order: the basis (articles, outlets, what the
    intervals resample), tone on each instrument and whether any tone difference is
    more than resampling noise, whether the two instruments order the outlets alike,
    frames (differences with intervals, and whether they keep their direction over
    paragraphs), quotation and voice, the actor and the aspect that differ most, and
    distinctive words.

    Returns
    -------
    list of str
        One finding per item, in the order above.
    """
    out: list[str] = []
    outlets = measures.outlets
    counts = article_counts(measures.sentences)
    single = int((counts == 1).sum()) if not counts.isna().any() else 0
    per = (f"{int(counts.min()):,} per outlet" if counts.min() == counts.max()
           else f"{int(counts.min()):,} to {int(counts.max()):,} per outlet")
    basis = (f"Basis: {measures.sentences['article_id'].nunique():,} articles from {len(outlets)} outlets "
             f"({per}), {len(measures.sentences):,} body sentences; "
             f"tone intervals resample {measures.tone_unit}s, frame intervals {measures.frame_unit}s.")
    if single:
        basis += (f" {single} of {len(outlets)} outlets rest on a single article ({ONE_ARTICLE_MARK}): their intervals "
                  "describe that article, not the outlet's coverage.")
    out.append(basis)

    tone, td = measures.tone, measures.tone_difference
    for measure, label in tone_measures.MEASURES.items():
        t = tone[tone["measure"] == measure].sort_values(["mean", "outlet"], kind="stable")
        if t.empty:
            continue
        top, bottom = t.iloc[-1], t.iloc[0]
        out.append(f"Tone, {label}: {top['outlet']} is the most positive, {top['mean']:+.3f} "
                   f"{_interval_text(top['ci_low'], top['ci_high'], '+.3f', top['one_article'])}, and {bottom['outlet']} "
                   f"the least, {bottom['mean']:+.3f} "
                   f"{_interval_text(bottom['ci_low'], bottom['ci_high'], '+.3f', bottom['one_article'])} "
                   "(mean sentence score, 95% interval).")
    clear = td[(td["ci_low"] > 0) | (td["ci_high"] < 0)]
    text = (f"Tone differences: {len(clear)} of {len(td)} comparisons "
            f"({'each outlet against the rest' if (td['compared_with'] == 'rest').any() else 'between the two outlets'}, "
            f"both instruments) {_have(len(clear))} a 95% interval that excludes zero{_by_chance(len(td))}")
    if len(clear):
        r = clear.loc[clear["difference"].abs().idxmax()]
        text += (f"; the largest is {_versus(r)} on {tone_measures.MEASURES[r['measure']]}, {r['difference']:+.3f} "
                 f"{_interval_text(r['ci_low'], r['ci_high'], '+.3f', r['one_article'])}, "
                 f"permutation p = {r['p_adjusted']:.3f} after Holm's correction.")
    else:
        text += ": on tone the outlets cannot be told apart."
    out.append(text)
    wide = tone.pivot(index="outlet", columns="measure", values="mean").dropna()
    if len(wide) == 2 and {"polarity", "vader_compound"} <= set(wide.columns):
        a, b = wide.index
        same = np.sign(wide.loc[a, "polarity"] - wide.loc[b, "polarity"]) == np.sign(
            wide.loc[a, "vader_compound"] - wide.loc[b, "vader_compound"])
        out.append("Instruments: TextBlob and VADER " + ("agree" if same else "disagree")
                   + " on which outlet is the more positive.")
    elif len(wide) > 2 and {"polarity", "vader_compound"} <= set(wide.columns):
        rho = float(np.corrcoef(_ranks(wide["polarity"].to_numpy()), _ranks(wide["vader_compound"].to_numpy()))[0, 1])
        out.append(f"Instruments: TextBlob and VADER order the outlets' mean tone with a rank correlation of {rho:.2f} "
                   "(1: the same order; 0: unrelated).")

    c = contrasts(measures, top=None)
    frames = c[c["family"] == "frame"]
    clear = frames[frames["excludes_zero"].fillna(False).astype(bool)]
    text = (f"Frames: {len(clear)} of {len(frames)} outlet-and-frame differences {_have(len(clear))} an interval "
            f"that excludes zero{_by_chance(len(frames))}")
    units = frame_units(measures, top=None).set_index(["outlet", "frame"])
    if len(clear):
        r = clear.iloc[0]
        text += (f"; {'it' if len(clear) == 1 else 'the largest'} is {r['item']}, invoked in {r['value']:.1%} of the sentences of {r['outlet']} against "
                 f"{r['value_rest']:.1%} {'in the rest' if len(outlets) > 2 else 'in the other outlet'} "
                 f"(difference {r['difference']:+.3f} {_interval_text(r['low'], r['high'], '+.3f', r['one_article'])})")
        key = (r["outlet"], r["item"])
        if key in units.index:
            u = units.loc[key]
            kept = bool(u["same_direction"])
            holds = u["low_paragraphs"] > 0 or u["high_paragraphs"] < 0
            text += (f"; counted over paragraphs it {'keeps' if kept else 'loses'} its direction "
                     f"({u['difference_paragraphs']:+.3f}), and its interval "
                     f"{'still excludes' if holds else 'no longer excludes'} zero")
        text += "."
    else:
        text += "."
    out.append(text)

    q = measures.quoted.sort_values(["quoted_share", "outlet"], kind="stable")
    if len(q):
        most, least = q.iloc[-1], q.iloc[0]
        voice = measures.voice

        def lead(outlet):
            v = voice[voice["outlet"] == outlet]
            if v.empty:
                return ""
            who = "unattributed" if v.iloc[0]["speaker"] == "unknown" else f"from {v.iloc[0]['speaker']}"
            return f", {v.iloc[0]['word_share']:.0%} of them {who}"

        out.append(f"Quotation: {most['outlet']} quotes the most, {most['quoted_share']:.1%} of its "
                   f"{int(most['words']):,} words{lead(most['outlet'])}; {least['outlet']} the least, "
                   f"{least['quoted_share']:.1%} of {int(least['words']):,}{lead(least['outlet'])}.")

    for table, item, value, what in [(measures.prominence, "actor", "sentence_share", "named in {} of the sentences"),
                                     (measures.coverage, "aspect", "word_share", "in sentences holding {} of the words")]:
        name = most_divergent(table, item=item, value=value)
        if name is None:
            continue
        t = table[table[item] == name].sort_values([value, "outlet"], kind="stable")
        hi, lo = t.iloc[-1], t.iloc[0]
        out.append(f"{item.capitalize()} that differs most between outlets: {name}, {what.format(f'{hi[value]:.1%}')} "
                   f"of {hi['outlet']} and {lo[value]:.1%} of those of {lo['outlet']} (counts, without an interval).")

    d = measures.distinctive
    if len(d):
        r = d.loc[d["z"].idxmax()]  # the most over-used term of any outlet against the rest
        firm = r["z"] >= 1.96
        out.append(f"Distinctive words: the strongest is \"{r['term']}\" for {r['outlet']} (z {r['z']:.2f}), "
                   + ("beyond" if firm else "below") + " the 1.96 of a conventional two-sided test; "
                   f"{d.drop_duplicates('term')['small_count'].mean():.1%} of terms occur fewer than five times.")
    return out


# --------------------------------------------------------------------------- the summary figure


def plot_scorecard(measures: Measures, *, colours: dict[str, str]):
    """One row per outlet, one panel per measure: the outlets side by side at a glance.

    Panels: mean tone on each instrument with its 95% interval; the share of words
    quoted; the frame, the actor and the aspect whose shares differ most between
    outlets (:func:`most_divergent`), the frame with its interval. Hollow markers flag
    tone means over fewer than :data:`analysis.measures.tone.MIN_N` sentences; dashed
    intervals rest on the outlet's single article. The figure
    grows with the number of outlets, so it stays readable with dozens of them.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt
    from matplotlib.ticker import PercentFormatter

    outlets = measures.outlets
    y = {o: i for i, o in enumerate(outlets)}
    frame = most_divergent(measures.frames, item="frame", value="share", exclude=[measures.codebook.other])
    actor = most_divergent(measures.prominence, item="actor", value="sentence_share")
    aspect = most_divergent(measures.coverage, item="aspect", value="word_share")
    panels = [("tone", m) for m in _TONE] + [("quoted", None), ("frame", frame), ("actor", actor), ("aspect", aspect)]
    panels = [p for p in panels if p[1] is not None or p[0] == "quoted"]
    # a grid of two rows reads best for a few outlets; one row keeps many outlets to one column
    ncols = len(panels) if len(outlets) > 8 else -(-len(panels) // 2)
    nrows = -(-len(panels) // ncols)
    fig, grid = plt.subplots(nrows, ncols, figsize=(2.3 * ncols + 1.6, nrows * (1.45 + 0.3 * len(outlets))),
                             squeeze=False)
    axes = list(grid.flat)
    for ax in axes[len(panels):]:
        ax.set_visible(False)
    tone_values = measures.tone[["ci_low", "ci_high"]].to_numpy(float)
    tone_range = (min(-0.1, np.nanmin(tone_values) - 0.05), max(0.1, np.nanmax(tone_values) + 0.05))

    def dots(ax, values, low=None, high=None, hollow=None, dashed=None):
        for o in outlets:
            if o not in values.index or pd.isna(values[o]):
                continue
            colour = colours.get(o, "#333333")
            if low is not None:
                style = (0, (2, 1.2)) if dashed is not None and dashed[o] else "-"
                ax.plot([low[o], high[o]], [y[o], y[o]], color=colour, lw=2.2, ls=style, solid_capstyle="butt",
                        dash_capstyle="butt")
            face = "white" if hollow is not None and hollow[o] else colour
            ax.plot(values[o], y[o], "o", ms=6.5, color=colour, mfc=face, zorder=3)

    for ax, (kind, what) in zip(axes, panels):
        if kind == "tone":
            t = measures.tone[measures.tone["measure"] == what].set_index("outlet")
            ax.axvline(0, color="#999999", lw=0.8)
            dots(ax, t["mean"], t["ci_low"], t["ci_high"], t["small_n"], t["one_article"])
            ax.set_xlim(*tone_range)
            title, xlabel = f"Mean tone, {tone_measures.MEASURES[what]}", "mean sentence score, 95% interval"
        elif kind == "quoted":
            dots(ax, measures.quoted.set_index("outlet")["quoted_share"])
            title, xlabel = "Words inside quotations", "% of the outlet's words"
        elif kind == "frame":
            f = measures.frames[measures.frames["frame"] == what].set_index("outlet")
            dots(ax, f["share"], f["low"], f["high"], dashed=f["one_article"])
            title, xlabel = f"Frame: {what}", "% of sentences invoking it, 95% interval"
        elif kind == "actor":
            a = measures.prominence[measures.prominence["actor"] == what].set_index("outlet")
            dots(ax, a["sentence_share"])
            title, xlabel = f"Actor: {what}", "% of sentences naming it"
        else:
            a = measures.coverage[measures.coverage["aspect"] == what].set_index("outlet")
            dots(ax, a["word_share"])
            title, xlabel = f"Aspect: {what}", "% of words in sentences on it"
        if kind != "tone":
            ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
            ax.set_xlim(-0.02, max(0.1, ax.get_xlim()[1] * 1.08))
        ax.set_title(textwrap.fill(title, 24), fontsize=9.5)
        ax.set_xlabel(textwrap.fill(xlabel, 26), fontsize=8)
        ax.tick_params(axis="x", labelsize=8)
        ax.grid(axis="y", color="#eeeeee", lw=0.6)
        ax.set_axisbelow(True)
    for k, ax in enumerate(axes[: len(panels)]):
        ax.set_ylim(len(outlets) - 0.5, -0.5)
        if k % ncols:
            ax.set_yticks(range(len(outlets)), [""] * len(outlets))
            continue
        ax.set_yticks(range(len(outlets)), outlets)
        for label in ax.get_yticklabels():
            label.set_color(colours.get(label.get_text(), "#222222"))
            label.set_fontweight("bold")
    fig.suptitle("The outlets side by side: tone, quotation, and the frame, actor and aspect that differ most",
                 x=0.01, ha="left", fontsize=11)
    # in a single tall row the panel titles would touch the figure title: keep a strip free for it
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.3 / fig.get_figheight()) if nrows == 1 else None)
    return fig
