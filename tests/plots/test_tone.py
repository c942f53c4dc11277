"""Tests for analysis.plots.tone: the tone figures."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.measures import tone
from analysis.plots.tone import plot_targeted_tone, plot_tone_distribution, plot_tone_means


def test_figures_have_one_panel_per_instrument_and_one_row_per_outlet():
    import matplotlib

    matplotlib.use("Agg")
    table = pd.DataFrame({"outlet": list("AABBCC"), "polarity": [0.1, 0.2, 0.0, -0.1, 0.3, 0.3],
                          "vader_compound": [0.2, 0.0, 0.0, -0.4, 0.5, 0.1]})
    colours = {"A": "red", "B": "blue", "C": "green"}
    fig = plot_tone_distribution(table, colours=colours)
    assert len(fig.axes) == 2
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["A", "B", "C"]
    fig = plot_tone_means(tone.tone_summary(table), colours=colours)
    assert len(fig.axes) == 2
    mentions = pd.DataFrame({"sentence_id": ["s1", "s3", "s5"], "actor": ["IBM"] * 3})
    grid = plot_targeted_tone(tone.targeted_tone(table.assign(sentence_id=[f"s{i}" for i in range(1, 7)]), mentions))
    assert [t.get_text() for t in grid.axes[0].get_yticklabels()] == ["IBM"]
    assert [ax.get_title() for ax in grid.axes[:2]] == list(tone.MEASURES.values())
    empty = plot_targeted_tone(tone.targeted_tone(table.assign(sentence_id=[f"s{i}" for i in range(1, 7)]), mentions.iloc[:0]))
    assert "No sentence" in empty.axes[0].texts[0].get_text()


def test_the_sentence_tone_figure_rasterises_only_outlets_with_thousands_of_dots():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    scored = pd.DataFrame({"outlet": ["big"] * 1500 + ["small"] * 40,
                           "polarity": np.linspace(-1, 1, 1540), "vader_compound": np.linspace(1, -1, 1540)})
    fig = plot_tone_distribution(scored, colours={"big": "#000000", "small": "#444444"})
    dots = [c for ax in fig.axes for c in ax.collections if len(c.get_offsets()) in (1500, 40)]
    assert sorted((len(c.get_offsets()), c.get_rasterized()) for c in dots) == [(40, False)] * 2 + [(1500, True)] * 2
    plt.close(fig)


def test_the_actor_tone_grid_of_many_outlets_stacks_its_panels_and_shows_means_alone():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [{"outlet": f"Outlet {i:02d}", "actor": actor, "measure": m, "n": 4, "mean": 0.25}
            for i in range(10) for actor in ("IBM", "police") for m in tone.MEASURES]
    fig = plot_targeted_tone(pd.DataFrame(rows))
    grids = [ax for ax in fig.axes if ax.get_title() in tone.MEASURES.values()]
    assert len(grids) == 2 and grids[0].get_position().y0 > grids[1].get_position().y1  # one above the other
    assert {t.get_text() for ax in grids for t in ax.texts} == {"+0.25"}
    few = plot_targeted_tone(pd.DataFrame([r for r in rows if r["outlet"] in ("Outlet 00", "Outlet 01")]))
    panels = [ax for ax in few.axes if ax.get_title() in tone.MEASURES.values()]
    assert abs(panels[0].get_position().y0 - panels[1].get_position().y0) < 1e-9  # side by side
    assert {t.get_text() for ax in panels for t in ax.texts} == {"+0.25 (n=4)"}
    plt.close("all")
