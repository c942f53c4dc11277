"""Figures: fixed outlet colours, reproducible files, and readable structure plots."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402

from analysis.plots import outlet_colours, plot_structure, save_figure  # noqa: E402


def _lines(n_articles: int) -> pd.DataFrame:
    rows = []
    for a in range(n_articles):
        for i, role in enumerate(["title", "blank", "body", "body"]):
            rows.append({"article_id": f"a{a:03d}", "line_no": i + 1, "start": i * 50, "end": i * 50 + 40, "role": role})
    return pd.DataFrame(rows)


def test_outlet_colours_do_not_depend_on_order():
    assert outlet_colours(["B", "A", "C"]) == outlet_colours(["C", "B", "A"])
    assert len(set(outlet_colours([f"o{i}" for i in range(30)]).values())) == 20  # tab20 cycles beyond 20


def test_structure_plot_of_a_large_corpus_shows_a_readable_number_of_articles():
    fig = plot_structure(_lines(40))
    ax = fig.axes[0]
    assert len(ax.get_yticks()) == 12
    assert "first 12 of 40 articles" in ax.get_title()


def test_structure_plot_of_a_small_corpus_shows_every_article():
    fig = plot_structure(_lines(3))
    assert len(fig.axes[0].get_yticks()) == 3
    assert "(the first" not in fig.axes[0].get_title()


def test_saved_figures_are_identical_bytes_on_a_second_save(tmp_path):
    fig = plot_structure(_lines(2))
    first = save_figure(fig, "x", directory=tmp_path).read_bytes(), (tmp_path / "x.svg").read_bytes()
    second = save_figure(fig, "x", directory=tmp_path).read_bytes(), (tmp_path / "x.svg").read_bytes()
    assert first == second
