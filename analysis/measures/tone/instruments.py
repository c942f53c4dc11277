"""Tone instruments behind one small interface, and the registry everything downstream loops over.

An :class:`Instrument` says what it measures, which columns it writes, its headline
measure and the name tables and figures give it, how it scores one sentence, where the
evidence behind a score comes from, and where its labels cut. Adding an instrument is
one adapter module (like :mod:`analysis.measures.tone.vader_adapter`) and one
:func:`register` call at the end of this module; :data:`MEASURES`, :data:`TONE_COLUMNS`
and every function of :mod:`analysis.measures.tone` then include it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from analysis.measures.tone import textblob_adapter, vader_adapter

__all__ = ["Instrument", "INSTRUMENTS", "register", "MEASURES", "TONE_COLUMNS", "THRESHOLD", "MIN_N", "LABELS",
           "instruments", "label_values", "threshold_of"]

#: A sentence is positive when its score is >= THRESHOLD, negative when <= -THRESHOLD,
#: neutral otherwise: the cut-off VADER's authors recommend for the compound score,
#: used for TextBlob's polarity too so that both instruments label on the same scale.
THRESHOLD = 0.05
#: Groups with fewer sentences than this are flagged ``small_n``: a bootstrap
#: interval over so few values understates the uncertainty.
MIN_N = 10
LABELS = ("negative", "neutral", "positive")


@dataclass(frozen=True)
class Instrument:
    """One tone instrument.

    Attributes
    ----------
    name : the key of :data:`INSTRUMENTS` and of ``methods=`` (``"vader"``); evidence rows
        carry it as ``method``.
    title : how tables name the instrument (``"VADER"``).
    measures : one line on what it measures.
    columns : the columns :attr:`score` writes, in order.
    measure : the headline column (in ``columns``), the one compared across outlets.
    label : how tables and figures name the headline measure (``"VADER compound"``).
    score : ``text -> {column: float}`` for one (masked) sentence.
    evidence : ``text -> list of dict`` with the keys of ``sentiment_evidence``'s rows from
        ``method`` on, offsets in ``text``.
    evidence_format : how :func:`~analysis.measures.tone.extremes.extreme_sentences` prints an
        evidence score (``"+.1f"``).
    threshold : where its labels cut: positive ``>= threshold``, negative ``<= -threshold``.
    """

    name: str
    title: str
    measures: str
    columns: tuple[str, ...]
    measure: str
    label: str
    score: Callable[[str], dict]
    evidence: Callable[[str], list]
    evidence_format: str = "+.2f"
    threshold: float = THRESHOLD


#: Every registered instrument by name, in the order tables list them.
INSTRUMENTS: dict[str, Instrument] = {}
#: The headline measure of each instrument, with the name used in tables and figures.
MEASURES: dict[str, str] = {}
#: Every column the instruments write, in order.
TONE_COLUMNS: list[str] = []


def register(instrument: Instrument) -> Instrument:
    """Add ``instrument`` to :data:`INSTRUMENTS` (and its columns to :data:`MEASURES` and :data:`TONE_COLUMNS`)."""
    if instrument.name in INSTRUMENTS:
        raise ValueError(f"instrument {instrument.name!r} is registered already")
    if instrument.measure not in instrument.columns:
        raise ValueError(f"instrument {instrument.name!r}: measure {instrument.measure!r} is not one of its columns")
    taken = set(instrument.columns) & set(TONE_COLUMNS)
    if taken:
        raise ValueError(f"instrument {instrument.name!r}: column(s) {sorted(taken)} are written by another instrument")
    INSTRUMENTS[instrument.name] = instrument
    MEASURES[instrument.measure] = instrument.label
    TONE_COLUMNS.extend(instrument.columns)
    return instrument


def instruments(methods: Iterable[str] | None = None) -> list[Instrument]:
    """The registered instruments named in ``methods`` (every one when None), in registry order.

    >>> [i.name for i in instruments(["vader", "textblob"])]
    ['textblob', 'vader']
    """
    if methods is None:
        return list(INSTRUMENTS.values())
    methods = list(methods)
    unknown = set(methods) - set(INSTRUMENTS)
    if unknown:
        names = [repr(n) for n in INSTRUMENTS]
        choice = " and/or ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
        raise ValueError(f"methods: unknown instrument(s) {sorted(unknown)}; use {choice}")
    return [i for i in INSTRUMENTS.values() if i.name in methods]


def threshold_of(measure: str, threshold: float | None = None) -> float:
    """``threshold`` when given, else the threshold of the instrument that writes ``measure`` (:data:`THRESHOLD`
    for a column no instrument writes)."""
    if threshold is not None:
        return threshold
    for instrument in INSTRUMENTS.values():
        if measure in instrument.columns:
            return instrument.threshold
    return THRESHOLD


def label_values(values: Sequence[float], threshold: float) -> np.ndarray:
    """``"positive"`` for values ``>= threshold``, ``"negative"`` for ``<= -threshold``, else ``"neutral"``.

    >>> label_values([0.3, 0.0, -0.05], 0.05).tolist()
    ['positive', 'neutral', 'negative']
    """
    v = np.asarray(values, dtype=float)
    return np.where(v >= threshold, "positive", np.where(v <= -threshold, "negative", "neutral"))


register(Instrument(
    name="textblob", title="TextBlob", measures="polarity and subjectivity from the pattern lexicon, averaged over known words",
    columns=textblob_adapter.COLUMNS, measure="polarity", label="TextBlob polarity",
    score=textblob_adapter.score, evidence=textblob_adapter.evidence, evidence_format="+.2f",
))
register(Instrument(
    name="vader", title="VADER", measures="a valence lexicon summed over words, with boosters, negations, 'but' and capitals",
    columns=vader_adapter.COLUMNS, measure="vader_compound", label="VADER compound",
    score=vader_adapter.score, evidence=vader_adapter.evidence, evidence_format="+.1f",
))
