"""Emphasis figures: actor share, aspect coverage, share of voice, distinctive terms."""

from __future__ import annotations

import pandas as pd

__all__ = ["plot_actor_share", "plot_aspect_grid", "plot_share_of_voice", "plot_distinctive_terms"]

_MAX_GROUPED = 4  # more outlets than this: one panel per outlet instead of grouped bars


def _panels(n: int, *, ncols: int, width: float, height: float, sharey: bool = True):
    """A grid of ``n`` panels, ``ncols`` wide, each ``width`` x ``height`` inches; spare panels hidden."""
    import matplotlib.pyplot as plt

    ncols = max(1, min(n, ncols))
    nrows = -(-n // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(width * ncols, height * nrows), sharey=sharey, squeeze=False)
    flat = list(axes.flat)
    for ax in flat[n:]:
        ax.set_visible(False)
    return fig, flat[:n]


def plot_actor_share(prominence: pd.DataFrame, *, colours: dict[str, str], top: int = 12):
    """Grouped bars: share of each outlet's sentences naming each actor, with prominence marks.

    The ``top`` actors by their largest share in any outlet are shown. Beside each
    bar, ``H`` marks an actor named in the outlet's headline(s) and ``L`` one named in
    the lede (first paragraph).

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt

    outlets = sorted(prominence["outlet"].unique())
    order = (prominence.groupby("actor")["sentence_share"].max().sort_values(ascending=False, kind="stable")
             .head(top).index.tolist())
    title = "Whom each outlet names: actor share by outlet (H = in headline, L = in lede)"
    xlabel = "sentences naming the actor (% of the outlet's body sentences)"

    def bars(ax, outlet, ys, height):
        rows = prominence[prominence["outlet"] == outlet].set_index("actor").reindex(order)
        ax.barh(ys, rows["sentence_share"].fillna(0) * 100, height=height, color=colours[outlet], label=outlet)
        for y, (_, r) in zip(ys, rows.iterrows()):
            marks = " ".join(m for m, on in (("H", r["headline_share"] > 0), ("L", r["lede_share"] > 0)) if on)
            if marks:
                ax.text(r["sentence_share"] * 100 + 0.8, y, marks, va="center", fontsize=7.5, color="#333333")

    if len(outlets) <= _MAX_GROUPED:
        fig, ax = plt.subplots(figsize=(8, 0.45 * len(order) * max(1, len(outlets) / 2) + 1.2))
        height = 0.8 / max(1, len(outlets))
        for k, outlet in enumerate(outlets):
            bars(ax, outlet, [i + (k - (len(outlets) - 1) / 2) * height for i in range(len(order))], height * 0.95)
        ax.set_yticks(range(len(order)), order)
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        ax.set_title(title)
        ax.legend(frameon=False, loc="lower right")
        return fig
    fig, axes = _panels(len(outlets), ncols=4, width=3.4, height=0.3 * len(order) + 1.0)
    for ax, outlet in zip(axes, outlets):
        bars(ax, outlet, list(range(len(order))), 0.8)
        ax.set_title(outlet, color=colours[outlet], fontweight="bold", fontsize=9)
        ax.set_yticks(range(len(order)), order)
        ax.set_xlabel("% of sentences", fontsize=8)
    axes[0].invert_yaxis()
    fig.suptitle(title)
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.3 / fig.get_figheight()))  # room for the suptitle
    return fig


def plot_aspect_grid(coverage: pd.DataFrame, *, colours: dict[str, str]):
    """Aspect x outlet grid: the share of each outlet's words in sentences touching each aspect.

    Cells an outlet never covers show a dash. Outlet names are drawn in their colours.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt

    outlets = sorted(coverage["outlet"].unique())
    aspects = list(dict.fromkeys(coverage["aspect"]))
    grid = coverage.pivot(index="aspect", columns="outlet", values="word_share").reindex(index=aspects, columns=outlets)
    many = len(outlets) > 6
    fig, ax = plt.subplots(figsize=(2.2 + (0.75 if many else 1.6) * len(outlets), 0.42 * len(aspects) + 1.4))
    image = ax.imshow(grid.values * 100, cmap="Greys", vmin=0, vmax=max(1.0, float(grid.values.max()) * 100 * 1.6),
                      aspect="auto")
    for i, aspect in enumerate(aspects):
        for j, outlet in enumerate(outlets):
            v = grid.loc[aspect, outlet]
            ax.text(j, i, "\u2014" if v == 0 else f"{v * 100:.0f}%", ha="center", va="center", fontsize=6.5 if many else 8)
    ax.set_xticks(range(len(outlets)), outlets, rotation=60 if many else 0, ha="left" if many else "center")
    for label in ax.get_xticklabels():
        label.set_color(colours[label.get_text()])
        label.set_fontweight("bold")
    ax.set_yticks(range(len(aspects)), aspects)
    ax.tick_params(length=0)
    ax.xaxis.tick_top()
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02, label="% of the outlet's words")
    ax.set_title("What each outlet covers: words in sentences touching each aspect", pad=24)
    return fig


def plot_share_of_voice(voice: pd.DataFrame, *, colours: dict[str, str], top: int = 15):
    """One panel per outlet: each speaker's share of the outlet's quoted words.

    The ``top`` speakers by their largest share in any outlet are shown; with more
    speakers than that (names not in the lexicon can be speakers, so a large corpus
    has hundreds), the rest are added up in one last row, ``other speakers (n)``.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt

    outlets = sorted(voice["outlet"].unique())
    if not outlets:
        fig, ax = plt.subplots(figsize=(6, 1.5))
        ax.axis("off")
        ax.text(0.5, 0.5, "No quotations found in any outlet", ha="center", va="center")
        return fig
    speakers = voice.groupby("speaker")["word_share"].max().sort_values(ascending=False, kind="stable").index.tolist()
    if len(speakers) > top:
        rest = voice[voice["speaker"].isin(speakers[top:])]
        other = f"other speakers ({len(speakers) - top})"
        folded = rest.groupby("outlet", as_index=False)[["quotes", "words", "word_share"]].sum().assign(speaker=other)
        voice = pd.concat([voice[voice["speaker"].isin(speakers[:top])], folded], ignore_index=True)
        speakers = speakers[:top] + [other]
    ncols = min(len(outlets), 3)
    fig, axes = _panels(len(outlets), ncols=ncols, width=3.6 + 1.5 / ncols, height=0.38 * len(speakers) + 1.4)
    for ax, outlet in zip(axes, outlets):
        rows = voice[voice["outlet"] == outlet].set_index("speaker").reindex(speakers)
        ax.barh(range(len(speakers)), rows["word_share"].fillna(0) * 100, color=colours[outlet])
        for i, (_, r) in enumerate(rows.iterrows()):
            if pd.notna(r["words"]):
                w, n = int(r["words"]), int(r["quotes"])
                ax.text(r["word_share"] * 100 + 1, i, f"{w} word{'s' * (w != 1)}, {n} quotation{'s' * (n != 1)}",
                        va="center", fontsize=7.5)
        ax.set_title(outlet, color=colours[outlet], fontweight="bold")
        ax.set_xlim(0, 130)
        ax.set_xticks(range(0, 101, 20))
        ax.set_xlabel("% of the outlet's quoted words")
    for ax in axes:
        ax.set_yticks(range(len(speakers)), speakers)
    axes[0].invert_yaxis()
    fig.suptitle("Whose words each outlet quotes: share of voice by speaker")
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.3 / fig.get_figheight()))  # room for the suptitle
    return fig


def plot_distinctive_terms(distinctive: pd.DataFrame, *, colours: dict[str, str], by: str = "outlet", label: int = 8):
    """One panel per group: each term's corpus frequency against its z-score.

    Terms the group uses more than the rest (z > 0) are in the group's colour; hollow
    markers are terms with too few occurrences for the z-score to mean much
    (``small_count``). The ``label`` highest-z terms of each group are named in a
    column beside the points, with their counts in the group and in the rest.

    Returns
    -------
    matplotlib.figure.Figure
    """
    import matplotlib.pyplot as plt

    groups = sorted(distinctive[by].unique())
    fig, axes = _panels(len(groups), ncols=3, width=5.6, height=4.4)
    for ax, g in zip(axes, groups):
        d = distinctive[distinctive[by] == g]
        total = d["count"] + d["count_rest"]
        colour = [colours[g] if z > 0 else "#BBBBBB" for z in d["z"]]
        solid = ~d["small_count"]
        ax.scatter(total[solid], d.loc[solid, "z"], s=18, c=[c for c, s in zip(colour, solid) if s], linewidths=0)
        ax.scatter(total[~solid], d.loc[~solid, "z"], s=18, facecolors="none",
                   edgecolors=[c for c, s in zip(colour, solid) if not s], linewidths=0.7)
        top = d.sort_values(["z", "term"], ascending=[False, True]).head(label)
        # the top terms are named in a column to the right of the points, stacked
        # downwards so that no label overlaps the one above, each with a leader line
        span = max(float(distinctive["z"].max() - distinctive["z"].min()), 1e-9)
        x_text = float((distinctive["count"] + distinctive["count_rest"]).max()) * 2.2
        y_text = float("inf")
        for _, r in top.iterrows():
            y_text = min(r["z"], y_text - 0.08 * span)
            ax.annotate(f"{r['term']} ({int(r['count'])}/{int(r['count_rest'])})", (r["count"] + r["count_rest"], r["z"]),
                        xytext=(x_text, y_text), textcoords="data", fontsize=7.5, va="center",
                        arrowprops={"arrowstyle": "-", "color": "#AAAAAA", "linewidth": 0.5})
        ax.set_xscale("log")
        ax.axhline(0, color="#888888", linewidth=0.6)
        ax.set_xlim(0.7, x_text * 12)
        ax.set_title(f"{g} vs the rest", color=colours[g], fontweight="bold")
        ax.set_xlabel("occurrences in the whole corpus (log scale)")
    for ax in axes[:: min(len(groups), 3)]:
        ax.set_ylabel("z-score of the weighted log-odds ratio")
    fig.suptitle("Distinctive words: frequency against z-score (hollow = fewer than the minimum count)")
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.3 / fig.get_figheight()))  # room for the suptitle
    return fig
