"""The tone figures: every sentence's score, the mean per outlet with its interval, and the actor-by-outlet grid."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from analysis.measures.tone.instruments import MEASURES, threshold_of

__all__ = ["plot_tone_distribution", "plot_tone_means", "plot_targeted_tone"]


def _outlet_order(table: pd.DataFrame, by: str) -> list[str]:
    return sorted(table[by].dropna().unique())


def _room_for_note(fig, inches: float = 0.75) -> None:
    """Leave space under the axes for the x label and a source note (:func:`analysis.plots.style.source_note`)."""
    fig.subplots_adjust(bottom=inches / fig.get_figheight())


def plot_tone_distribution(scored: pd.DataFrame, *, colours: dict[str, str], by: str = "outlet",
                           threshold: float | None = None):
    """One panel per instrument: every sentence's score as a dot, one row per group, the neutral band shaded
    (at ``threshold``, by default each instrument's)."""
    groups = _outlet_order(scored, by)
    fig, axes = plt.subplots(1, len(MEASURES), figsize=(8.5, 1.9 + 0.8 * len(groups)), sharey=True)
    for ax, (measure, title) in zip(np.atleast_1d(axes), MEASURES.items()):
        band = threshold_of(measure, threshold)
        ax.axvspan(-band, band, color="#eeeeee", zorder=0)
        ax.axvline(0, color="#999999", lw=0.8, zorder=1)
        for k, g in enumerate(groups):
            values = scored.loc[scored[by] == g, measure].to_numpy(float)
            # Deterministic vertical spread, so overlapping dots stay visible without randomness.
            offsets = (np.arange(len(values)) % 7 - 3) * 0.05
            # thousands of dots are drawn as an image inside the SVG (one element per dot would run to
            # megabytes per outlet), and fainter, so that where they pile up still shows
            many = len(values) > 1000
            ax.scatter(values, k + offsets, s=22, color=colours[g], alpha=0.15 if many else 0.75, edgecolor="white",
                       linewidth=0.4, zorder=2, rasterized=many)
            ax.plot([values.mean()] * 2, [k - 0.3, k + 0.3], color="black", lw=1.6, zorder=3)
        ax.set_xlim(-1.05, 1.05)
        ax.set_yticks(range(len(groups)), groups)
        ax.set_ylim(-0.6, len(groups) - 0.4)
        ax.set_title(title)
        ax.set_xlabel("sentence score (-1 negative … +1 positive)")
    _room_for_note(fig)
    return fig


def plot_tone_means(summary: pd.DataFrame, *, colours: dict[str, str], by: str = "outlet"):
    """Mean tone per group with its bootstrap interval, one panel per instrument.

    Hollow markers flag small n (``small_n``); a dashed interval and "1 article" in
    the label flag a group that rests on one article (``one_article``), whose
    interval describes that article's sentences, not the outlet's coverage.
    """
    groups = _outlet_order(summary, by)
    fig, axes = plt.subplots(1, len(MEASURES), figsize=(8.5, 1.9 + 0.7 * len(groups)), sharey=True)
    for ax, (measure, title) in zip(np.atleast_1d(axes), MEASURES.items()):
        ax.axvline(0, color="#999999", lw=0.8)
        part = summary[summary["measure"] == measure].set_index(by)
        for k, g in enumerate(groups):
            if g not in part.index:
                continue
            r = part.loc[g]
            single = bool(r.get("one_article", False))
            ax.plot([r["ci_low"], r["ci_high"]], [k, k], color=colours[g], lw=2.5, ls=(0, (2, 1.5)) if single else "-")
            ax.plot(r["mean"], k, "o", ms=8, color=colours[g], mfc="white" if r["small_n"] else colours[g])
            ax.annotate(f"{r['mean']:+.3f}  (n={int(r['n'])}{', 1 article' if single else ''})", (r["ci_high"], k),
                        xytext=(6, 0), textcoords="offset points", va="center", fontsize=8.5)
        ax.set_yticks(range(len(groups)), groups)
        ax.set_ylim(-0.6, len(groups) - 0.4)
        lo = min(-0.1, summary["ci_low"].min() - 0.05)
        hi = max(0.1, summary["ci_high"].max() + 0.25)
        ax.set_xlim(lo, hi)
        ax.set_title(title)
        ax.set_xlabel("mean sentence score, 95% bootstrap interval")
    _room_for_note(fig)
    return fig


def plot_targeted_tone(targeted: pd.DataFrame, *, by: str = "outlet", min_total: int = 1):
    """An actor x group grid of mean tone per instrument (diverging colours), each cell labelled with its mean and n.

    Actors are sorted by how many sentences mention them; those mentioned in fewer
    than ``min_total`` sentences over all groups are left out. An empty cell means
    the group never mentions the actor. With more than eight groups the instruments'
    panels are stacked and each cell shows its mean alone (the counts are in ``targeted``).
    """
    if targeted.empty:
        fig, ax = plt.subplots(figsize=(6, 1.5))
        ax.axis("off")
        ax.text(0.5, 0.5, "No sentence mentions an actor of the lexicon.", ha="center", va="center")
        return fig
    totals = targeted[targeted["measure"] == targeted["measure"].iloc[0]].groupby("actor")["n"].sum()
    actors = sorted(totals[totals >= min_total].index, key=lambda a: (-totals[a], a))
    groups = _outlet_order(targeted, by)
    measures = [m for m in MEASURES if m in set(targeted["measure"])]
    # Wide cells with one-line labels for a few groups; narrow two-line cells for more; for many,
    # the panels stacked and the mean alone, so that the figure stays a page wide.
    wide, many = len(groups) <= 4, len(groups) > 8
    cell_width = 2.6 if wide else 0.55 if many else 0.75
    if many:
        fig, axes = plt.subplots(len(measures), 1, figsize=(2.6 + cell_width * len(groups), 1.6 + len(measures) * (0.8 + 0.3 * len(actors))),
                                 sharex=True, squeeze=False)
        axes = axes.T
    else:
        fig, axes = plt.subplots(
            1, len(measures), figsize=(1.2 + cell_width * len(groups) * len(measures), 1.0 + (0.36 if wide else 0.5) * len(actors)),
            sharey=True, squeeze=False,
        )
    for ax, measure in zip(axes[0], measures):
        part = targeted[targeted["measure"] == measure]
        grid = np.full((len(actors), len(groups)), np.nan)
        counts = np.zeros_like(grid)
        for r in part.itertuples(index=False):
            if r.actor in actors:
                i, j = actors.index(r.actor), groups.index(getattr(r, by))
                grid[i, j], counts[i, j] = r.mean, r.n
        image = ax.imshow(np.ma.masked_invalid(grid), cmap="RdBu", vmin=-1, vmax=1, aspect="auto")
        for i in range(len(actors)):
            for j in range(len(groups)):
                if np.isfinite(grid[i, j]):
                    label = f"{grid[i, j]:+.2f}" + ("" if many else (" " if wide else "\n") + f"(n={int(counts[i, j])})")
                    ax.text(j, i, label, ha="center", va="center", fontsize=7.5 if wide else 6.5,
                            color="white" if abs(grid[i, j]) > 0.6 else "black")
        ax.set_xticks(range(len(groups)), groups, rotation=0 if wide else 60, ha="center" if wide else "right")
        ax.set_yticks(range(len(actors)), actors)
        ax.tick_params(length=0)
        ax.set_title(MEASURES[measure])
        for side in ("top", "right", "left", "bottom"):
            ax.spines[side].set_visible(False)
    fig.colorbar(image, ax=list(axes[0]), shrink=0.6, label="mean sentence score (-1 … +1)")
    return fig
