"""The frame figures: the frame x outlet heatmap, the differences with their intervals, and frames in reading order."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.measures.frames.detection import frames_and_other, sentence_frames

__all__ = ["plot_frame_heatmap", "plot_frame_difference", "plot_frame_sequence"]


def _order_frames(frames: Sequence[str], other: str | None = None) -> list[str]:
    names = list(dict.fromkeys(frames))
    if other in names:
        names.remove(other)
        names.append(other)
    return names


def plot_frame_heatmap(profile: pd.DataFrame, *, colours: dict[str, str], by: str = "outlet"):
    """A frame x group heatmap of :func:`analysis.measures.frames.frame_profile` shares, each cell with its interval.

    Column labels take the group's colour and its number of sentences, and say "1 article"
    when the group rests on one (``one_article``). With more than six groups the columns
    narrow, their labels turn, and the cells show the share alone (the intervals stay in
    ``profile``). Returns the figure.
    """
    import matplotlib.pyplot as plt

    frames = _order_frames(profile["frame"])
    groups = list(dict.fromkeys(profile[by]))
    share = profile.pivot(index="frame", columns=by, values="share").loc[frames, groups]
    low = profile.pivot(index="frame", columns=by, values="low").loc[frames, groups]
    high = profile.pivot(index="frame", columns=by, values="high").loc[frames, groups]
    n = profile.groupby(by)["n_sentences"].first()
    single = (profile.groupby(by)["one_article"].first() if "one_article" in profile.columns
              else pd.Series(False, index=n.index))
    many = len(groups) > 6
    fig, ax = plt.subplots(figsize=(4.6 + (0.7 if many else 1.5) * len(groups), 0.42 * len(frames) + (2.4 if many else 1.6)))
    im = ax.imshow(share.to_numpy(dtype=float), cmap="Blues", vmin=0, vmax=1, aspect="auto")
    for i in range(len(frames)):
        for j in range(len(groups)):
            v = share.iat[i, j]
            label = f"{v:.0%}" if many else f"{v:.0%}\n[{low.iat[i, j] * 100:.0f}\u2013{high.iat[i, j] * 100:.0f}]"
            ax.text(j, i, label, ha="center", va="center", fontsize=7, linespacing=1.1,
                    color="white" if v > 0.55 else "#222222")
    ax.set_yticks(range(len(frames)), frames)
    ax.set_xticks(range(len(groups)), [f"{g}\nn = {n[g]}" + (", 1 article" if single[g] else "") for g in groups])
    for label, g in zip(ax.get_xticklabels(), groups):
        label.set_color(colours.get(g, "#222222"))
        label.set_fontweight("bold")
        if many:
            label.set_rotation(60)
            label.set_horizontalalignment("right")
            label.set_rotation_mode("anchor")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    cbar = fig.colorbar(im, ax=ax, fraction=0.04, pad=0.02, format=lambda x, _: f"{x:.0%}")
    cbar.set_label("share of sentences invoking the frame")
    ax.set_title("Share of sentences invoking each frame\n"
                 + ("(95% bootstrap intervals in the profile table)" if many else "(95% bootstrap interval in brackets)"))
    fig.tight_layout()
    return fig


def plot_frame_difference(difference, *, colours: dict[str, str], by: str = "outlet"):
    """Each group's share minus the rest's, per frame, with intervals; returns the figure.

    ``difference`` is a :func:`analysis.measures.frames.frame_difference` table, or a mapping from a label
    (such as ``"sentences"``, ``"paragraphs"``) to several, drawn side by side with
    filled and hollow markers so a reader can see whether a difference survives a
    change of unit. With two groups the mirror image is left out and each series
    reads "first minus second". A dashed interval flags a comparison that rests on
    one article on either side (``one_article``). With more than four groups each
    group gets a panel of its own (its share minus the rest's), in rows of four.
    """
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    tables = difference if isinstance(difference, dict) else {"": difference}
    first = next(iter(tables.values()))
    frames = _order_frames(first["frame"])
    groups = list(dict.fromkeys(first[by]))
    if len(groups) > 4:
        return _frame_difference_panels(tables, frames, groups, colours=colours, by=by)
    shown = groups[:1] if len(groups) == 2 else groups
    series = [(label, g) for g in shown for label in tables]
    fig, ax = plt.subplots(figsize=(7.5, 0.4 * len(frames) + 1.5))
    step = 0.7 / max(len(series), 1)
    styles = ["o", "s", "D", "^"]
    for j, (label, g) in enumerate(series):
        table = tables[label]
        sub = table[table[by] == g].set_index("frame").loc[frames]
        y = np.arange(len(frames)) + (j - (len(series) - 1) / 2) * step
        name = f"{g} minus {groups[1]}" if len(groups) == 2 else f"{g} minus the rest"
        k = list(tables).index(label)
        colour = colours.get(g, "#222222")
        single = bool(sub["one_article"].any()) if "one_article" in sub.columns else False
        legend = (f"{name}, {label}" if label else name) + (" (dashed: rests on one article)" if single else "")
        bars = ax.errorbar(sub["difference"], y, xerr=[sub["difference"] - sub["low"], sub["high"] - sub["difference"]],
                           fmt=styles[k % len(styles)], color=colour, ecolor=colour, elinewidth=1.3, capsize=2,
                           markersize=5, markerfacecolor=colour if k == 0 else "white", label=legend)
        if single:
            for line in bars.lines[2]:
                line.set_linestyle((0, (2, 1.5)))
    ax.axvline(0, color="#888888", linewidth=0.8)
    ax.set_yticks(range(len(frames)), frames)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x * 100:+.0f}"))
    ax.set_xlabel("difference in share of units invoking the frame (percentage points), 95% bootstrap interval")
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), frameon=False, fontsize=8)
    fig.suptitle("Where the outlets differ: share invoking each frame", x=0.01, ha="left", fontsize=11)
    fig.tight_layout()
    return fig


def _frame_difference_panels(tables: dict, frames: list[str], groups: list, *, colours: dict[str, str], by: str):
    """:func:`plot_frame_difference` for many groups: one small panel per group, frames shared."""
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter

    ncols = 4
    nrows = -(-len(groups) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(2.6 * ncols + 2.6, nrows * (0.2 * len(frames) + 0.9) + 0.8),
                             sharex=True, sharey=True, squeeze=False)
    styles = ["o", "s", "D", "^"]
    step = 0.6 / max(len(tables), 1)
    y0 = np.arange(len(frames))
    for ax, g in zip(axes.flat, groups):
        colour = colours.get(g, "#222222")
        for k, table in enumerate(tables.values()):
            sub = table[table[by] == g].set_index("frame").loc[frames]
            y = y0 + (k - (len(tables) - 1) / 2) * step
            bars = ax.errorbar(sub["difference"], y, xerr=[sub["difference"] - sub["low"], sub["high"] - sub["difference"]],
                               fmt=styles[k % len(styles)], color=colour, ecolor=colour, elinewidth=1, capsize=0,
                               markersize=3.5, markerfacecolor=colour if k == 0 else "white")
            if "one_article" in sub.columns and sub["one_article"].any():
                for line in bars.lines[2]:
                    line.set_linestyle((0, (2, 1.5)))
        ax.axvline(0, color="#888888", linewidth=0.8)
        ax.set_title(textwrap.shorten(str(g), 32), fontsize=9, color=colour, fontweight="bold")
        ax.tick_params(labelsize=7.5)
    for ax in axes.flat[len(groups):]:
        ax.set_visible(False)
    for ax in axes[:, 1:].flat:
        ax.tick_params(labelleft=False)
    axes[0, 0].set_yticks(y0, frames)
    axes[0, 0].invert_yaxis()
    axes[0, 0].xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{x * 100:+.0f}"))
    handles = [Line2D([], [], marker=styles[k % len(styles)], color="#444444", markerfacecolor="#444444" if k == 0 else "white",
                      linestyle="none", label=f"{label}" if label else "share minus the rest")
               for k, label in enumerate(tables)]
    fig.legend(handles=handles, loc="upper right", frameon=False, fontsize=8, ncols=len(handles))
    fig.suptitle("Where each outlet differs from the rest: share invoking each frame "
                 "(percentage points, 95% bootstrap interval)", x=0.01, ha="left", fontsize=11)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.5 / fig.get_figheight()))
    return fig


def plot_frame_sequence(
    sentences: pd.DataFrame,
    detections: pd.DataFrame,
    *,
    colours: dict[str, str],
    frames=None,
    max_articles: int = 12,
):
    """The frames of each article in reading order: one panel per article, one row per frame.

    The x-axis is the sentence number (0 is the headline, if ``sentences`` includes
    it); dotted lines mark paragraph breaks. A corpus of more than ``max_articles``
    articles shows that many, taken in turn from each outlet (its first article,
    then its second, ...) and drawn in corpus order; the title says how many of
    how many. Returns the figure.
    """
    import matplotlib.pyplot as plt

    names, other = frames_and_other(frames, detections)
    rows = [*names, other]
    articles = list(dict.fromkeys(sentences["article_id"]))
    n_articles = len(articles)
    if n_articles > max_articles:
        articles = _articles_in_turn(sentences, articles, max_articles)
        sentences = sentences[sentences["article_id"].isin(set(articles))]
    sf = sentence_frames(sentences, detections, frames=frames)
    fig, axes = plt.subplots(len(articles), 1, figsize=(8, (0.24 * len(rows) + 0.9) * len(articles)),
                             sharex=True, squeeze=False)
    ypos = {f: i for i, f in enumerate(rows)}
    for ax, aid in zip(axes[:, 0], articles):
        art = sentences[sentences["article_id"] == aid]
        sub = sf[sf["article_id"] == aid]
        outlet = art["outlet"].iloc[0]
        colour = colours.get(outlet, "#222222")
        ax.scatter(sub["sentence_no"], sub["frame"].map(ypos), marker="s", s=28, color=colour, zorder=3)
        breaks = art.sort_values("sentence_no").drop_duplicates("paragraph_no")["sentence_no"].to_numpy()[1:]
        for b in breaks:
            ax.axvline(b - 0.5, color="#bbbbbb", linewidth=0.6, linestyle=":")
        ax.set_yticks(range(len(rows)), rows, fontsize=7.5)
        ax.set_ylim(len(rows) - 0.5, -0.5)
        ax.set_title(f"{outlet} ({aid})", color=colour, fontsize=10, loc="left")
        ax.grid(axis="y", color="#eeeeee", linewidth=0.6, zorder=0)
        ax.set_axisbelow(True)
    axes[-1, 0].set_xlabel("sentence number in the article (0 = headline); dotted lines are paragraph breaks")
    title = "Frames sentence by sentence, in reading order"
    if len(articles) < n_articles:
        title += f" ({len(articles)} of {n_articles} articles, taken in turn from each outlet)"
    fig.suptitle(title, x=0.01, ha="left", fontsize=11)
    fig.tight_layout()
    return fig


def _articles_in_turn(sentences: pd.DataFrame, articles: list, limit: int) -> list:
    """``limit`` of ``articles``: each outlet's first, then each one's second, ..., in corpus order."""
    outlet_of = dict(zip(sentences["article_id"], sentences["outlet"]))
    by_outlet: dict = {}
    for a in articles:
        by_outlet.setdefault(outlet_of[a], []).append(a)
    chosen: set = set()
    for turn in range(max(len(v) for v in by_outlet.values())):
        for listed in by_outlet.values():
            if turn < len(listed) and len(chosen) < limit:
                chosen.add(listed[turn])
    return [a for a in articles if a in chosen]
