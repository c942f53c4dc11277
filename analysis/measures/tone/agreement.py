"""Agreement: how far the instruments agree on the same sentences (correlations, shared labels, kappa, crosstab)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import numpy as np
import pandas as pd

from analysis.measures.tone.instruments import INSTRUMENTS, LABELS, Instrument, label_values
from analysis.measures.tone.tables import _check_columns

__all__ = ["instrument_agreement", "label_crosstab"]


def _correlation(x: np.ndarray, y: np.ndarray) -> float:
    if len(x) < 2 or np.std(x) == 0 or np.std(y) == 0:
        return float("nan")
    return float(np.corrcoef(x, y)[0, 1])


def _ranks(x: np.ndarray) -> np.ndarray:
    return pd.Series(x).rank(method="average").to_numpy()


def _threshold(instrument: Instrument, threshold: float | None) -> float:
    return instrument.threshold if threshold is None else threshold


def instrument_agreement(
    scored: pd.DataFrame, *, by: str | None = "outlet", threshold: float | None = None
) -> pd.DataFrame:
    """How far the instruments' headline measures agree, per group and over all sentences.

    Returns one row per group (and a last row ``"all"``) with ``n``,
    ``pearson`` and ``spearman`` (correlation of the two headline measures, ``polarity``
    with ``vader_compound``; NaN when either is constant), ``same_label``
    (share of sentences both instruments label alike, each at its threshold unless
    ``threshold`` is given) and ``kappa`` (Cohen's kappa of those labels: agreement
    beyond chance). With more than two registered instruments there is a row per pair
    of instruments and group, named in the columns ``instrument`` and ``compared_with``.

    >>> s = pd.DataFrame({"outlet": ["A", "A", "B"], "polarity": [0.5, -0.2, 0.0],
    ...                   "vader_compound": [0.6, 0.0, 0.0]})
    >>> instrument_agreement(s)[["outlet", "n", "same_label"]]
      outlet  n  same_label
    0      A  2    0.500000
    1      B  1    1.000000
    2    all  3    0.666667
    """
    every = list(INSTRUMENTS.values())
    _check_columns(scored, [i.measure for i in every] + ([by] if by else []), "scored")
    groups = [(g, part) for g, part in scored.groupby(by, sort=True)] if by else []
    groups.append(("all", scored))
    pairs = list(combinations(every, 2))
    rows = []
    for first, second in pairs:
        for g, part in groups:
            x = part[first.measure].to_numpy(float)
            y = part[second.measure].to_numpy(float)
            lx, ly = label_values(x, _threshold(first, threshold)), label_values(y, _threshold(second, threshold))
            po = float(np.mean(lx == ly)) if len(x) else float("nan")
            pe = sum(float(np.mean(lx == lab)) * float(np.mean(ly == lab)) for lab in LABELS) if len(x) else float("nan")
            kappa = (po - pe) / (1 - pe) if len(x) and pe < 1 else float("nan")
            names = {"instrument": first.name, "compared_with": second.name} if len(pairs) > 1 else {}
            rows.append(
                {
                    by or "group": g,
                    **names,
                    "n": len(x),
                    "pearson": _correlation(x, y),
                    "spearman": _correlation(_ranks(x), _ranks(y)),
                    "same_label": po,
                    "kappa": kappa,
                }
            )
    return pd.DataFrame(rows)


def label_crosstab(
    scored: pd.DataFrame, *, threshold: float | None = None, instruments: Sequence[str] | None = None
) -> pd.DataFrame:
    """Counts of sentences by the first instrument's label (rows) and the second's (columns), all labels shown.

    ``instruments`` names the two (by default the first two registered: TextBlob and VADER).

    >>> s = pd.DataFrame({"polarity": [0.5, -0.2, 0.0], "vader_compound": [0.6, 0.0, 0.0]})
    >>> label_crosstab(s)
    VADER     negative  neutral  positive
    TextBlob                             
    negative         0        1         0
    neutral          0        1         0
    positive         0        0         1
    """
    names = list(INSTRUMENTS)[:2] if instruments is None else list(instruments)
    if len(names) != 2 or any(n not in INSTRUMENTS for n in names):
        raise ValueError(f"instruments: name two of {', '.join(INSTRUMENTS)}; got {names}")
    first, second = (INSTRUMENTS[n] for n in names)
    _check_columns(scored, [first.measure, second.measure], "scored")
    t = pd.Categorical(label_values(scored[first.measure], _threshold(first, threshold)), categories=LABELS)
    v = pd.Categorical(label_values(scored[second.measure], _threshold(second, threshold)), categories=LABELS)
    table = pd.crosstab(pd.Series(t, name=first.title), pd.Series(v, name=second.title), dropna=False)
    return table.reindex(index=list(LABELS), columns=list(LABELS), fill_value=0)
