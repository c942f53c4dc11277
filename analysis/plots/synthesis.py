"""The summary figure of notebook 05: the outlets side by side on every measure."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd

from analysis.measures import tone as tone_measures
from analysis.synthesis.measures import Measures
from analysis.synthesis.scorecard import _TONE
from analysis.synthesis.contrasts import most_divergent

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
