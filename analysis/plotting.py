"""One colour per outlet, one way to save a figure.

Figures are written only through :func:`save_figure`, as PNG and SVG with no date
or version metadata, so that re-running a notebook writes identical bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt

from analysis.paths import FIGURES, PROJECT_ROOT

__all__ = ["counts_note", "outlet_colours", "plot_structure", "save_figure", "shown_path", "source_note",
           "use_house_style"]

# Colour-blind-safe qualitative palette (Okabe and Ito), then tab20 for long lists.
_PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


def outlet_colours(outlets: Iterable[str]) -> dict[str, str]:
    """A fixed colour for each outlet, assigned in sorted order of the outlet names.

    The same set of outlets always gets the same colours, in every figure.

    >>> outlet_colours(["VPNoverview", "Colorlines"])
    {'Colorlines': '#0072B2', 'VPNoverview': '#E69F00'}
    """
    names = sorted(set(outlets))
    if len(names) <= len(_PALETTE):
        palette = _PALETTE
    else:
        cmap = mpl.colormaps["tab20"]
        palette = [mpl.colors.to_hex(cmap(i % 20)) for i in range(len(names))]
    return {name: palette[i] for i, name in enumerate(names)}


def use_house_style() -> None:
    """Matplotlib settings shared by every figure (fonts, sizes, reproducible SVG ids)."""
    mpl.rcParams.update(
        {
            "figure.dpi": 100,
            "savefig.dpi": 150,
            "font.size": 10,
            "axes.titlesize": 11,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "svg.hashsalt": "analysis",
            "svg.fonttype": "none",
        }
    )


def source_note(fig, text: str) -> None:
    """Put the source-and-N note under the figure, at its left edge."""
    fig.text(0.01, -0.01, text, fontsize=7.5, color="#555555", ha="left", va="top")


def counts_note(counts, noun: str = "", *, max_listed: int = 4) -> str:
    """How much each outlet contributed, for a figure's source note: every outlet when there are few,
    a total when there are many (a note listing 20 outlets would be wider than the figure).

    >>> import pandas as pd
    >>> n = pd.Series({"Colorlines": 20, "VPNoverview": 39})
    >>> counts_note(n), counts_note(n, "sentences")
    ('Colorlines 20, VPNoverview 39', 'Colorlines 20 sentences, VPNoverview 39 sentences')
    >>> counts_note(n, "sentences", max_listed=1), counts_note(n, max_listed=1)
    ('2 outlets, 59 sentences', '2 outlets')
    """
    unit = f" {noun}" if noun else ""
    if len(counts) <= max_listed:
        return ", ".join(f"{name} {int(k):,}{unit}" for name, k in counts.items())
    return f"{len(counts)} outlets" + (f", {int(counts.sum()):,}{unit}" if noun else "")


def shown_path(path: Path | str) -> str:
    """A folder as a source note names it: relative to the project when inside it, else by its name.

    >>> shown_path(PROJECT_ROOT / "data" / "processed"), shown_path("/tmp/run/tables")
    ('data/processed', 'tables')
    """
    path = Path(path)
    return path.relative_to(PROJECT_ROOT).as_posix() if path.is_relative_to(PROJECT_ROOT) else path.name


def save_figure(fig, name: str, *, directory: Path | str = FIGURES) -> Path:
    """Save ``fig`` as ``<directory>/<name>.png`` and ``.svg``; return the PNG path.

    No creation date or software version is written into either file.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    png = directory / f"{name}.png"
    fig.savefig(png, metadata={"Software": None}, bbox_inches="tight")
    with mpl.rc_context({"svg.hashsalt": "analysis"}):  # element ids from a fixed salt, not a random one
        fig.savefig(directory / f"{name}.svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    return png


ROLE_COLOURS = {
    "title": "#000000",
    "byline": "#777777",
    "caption": "#E69F00",
    "heading": "#CC79A7",
    "body": "#0072B2",
    "boilerplate": "#D55E00",
}


def plot_structure(lines, *, articles=None, max_articles: int = 12):
    """Each article as a strip of its lines, coloured by role, along the raw text.

    ``lines`` is the corpus ``lines`` table; blank lines are left out. A large corpus
    shows its first ``max_articles`` articles (the title says so). Returns the figure.
    """
    shown = lines[lines["role"] != "blank"]
    all_ids = list(dict.fromkeys(shown["article_id"]))
    ids = all_ids[:max_articles]
    shown = shown[shown["article_id"].isin(ids)]
    labels = ids
    if articles is not None:
        outlet = dict(zip(articles["article_id"], articles["outlet"]))
        labels = [f"{outlet.get(a, a)}\n{a}" for a in ids]
    fig, ax = plt.subplots(figsize=(9, 0.9 + 0.8 * len(ids)))
    for y, aid in enumerate(ids):
        g = shown[shown["article_id"] == aid]
        for role, rows in g.groupby("role", sort=False):
            spans = list(zip(rows["start"], rows["end"] - rows["start"]))
            ax.broken_barh(spans, (y - 0.35, 0.7), facecolors=ROLE_COLOURS.get(role, "#999999"), edgecolor="white", linewidth=0.6)
    ax.set_yticks(range(len(ids)), labels)
    ax.invert_yaxis()
    ax.set_xlabel("position in the raw file (characters)")
    handles = [mpl.patches.Patch(color=c, label=r) for r, c in ROLE_COLOURS.items() if r in set(shown["role"])]
    ax.legend(handles=handles, ncols=len(handles), loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
    title = "How each article's lines were read: role of every non-blank line"
    if len(ids) < len(all_ids):
        title += f"\n(the first {len(ids)} of {len(all_ids)} articles)"
    ax.set_title(title, pad=28)
    return fig
