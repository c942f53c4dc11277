"""The corpus as read: each article's lines, coloured by the role they were given."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt

__all__ = ["ROLE_COLOURS", "plot_structure"]

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
