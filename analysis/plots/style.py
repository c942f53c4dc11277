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

__all__ = ["counts_note", "outlet_colours", "save_figure", "shown_path", "source_note",
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
