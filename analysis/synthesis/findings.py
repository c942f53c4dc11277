"""The findings written out in sentences from a corpus's own tables."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd

from analysis.measures import tone as tone_measures
from analysis.stats.units import article_counts, expected_by_chance
from analysis.synthesis.measures import Measures
from analysis.synthesis.scorecard import ONE_ARTICLE_MARK
from analysis.synthesis.contrasts import contrasts, frame_units, most_divergent

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
    headline = {i.measure: i.title for i in tone_measures.INSTRUMENTS.values() if i.measure in wide.columns}
    for m1, m2 in combinations(headline, 2):
        names = f"{headline[m1]} and {headline[m2]}"
        if len(wide) == 2:
            a, b = wide.index
            same = np.sign(wide.loc[a, m1] - wide.loc[b, m1]) == np.sign(wide.loc[a, m2] - wide.loc[b, m2])
            out.append(f"Instruments: {names} " + ("agree" if same else "disagree") + " on which outlet is the more positive.")
        elif len(wide) > 2:
            rho = float(np.corrcoef(_ranks(wide[m1].to_numpy()), _ranks(wide[m2].to_numpy()))[0, 1])
            out.append(f"Instruments: {names} order the outlets' mean tone with a rank correlation of {rho:.2f} "
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


