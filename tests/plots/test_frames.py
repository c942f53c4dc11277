"""Tests for analysis.plots.frames: the heatmap, the difference figure and frames in reading order."""

from __future__ import annotations

import matplotlib
import pandas as pd

from analysis.measures.frames import detect_frames, frame_difference, frame_profile
from analysis.plots.frames import plot_frame_difference, plot_frame_heatmap, plot_frame_sequence

matplotlib.use("Agg")


def test_figures_show_every_frame_and_outlet(codebook, make_sentences):
    s = make_sentences([("a", "A", 1, "Police reform now."), ("a", "A", 2, "Privacy."), ("b", "B", 1, "Congress acts.")])
    d = detect_frames(s, codebook)
    colours = {"A": "#0072B2", "B": "#E69F00"}
    prof = frame_profile(s, d, frames=codebook, n_boot=50)
    fig = plot_frame_heatmap(prof, colours=colours)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == codebook.frame_names + ["Other"]
    assert [t.get_color() for t in ax.get_xticklabels()] == ["#0072B2", "#E69F00"]
    diff = frame_difference(s, d, frames=codebook, n_boot=50)
    fig = plot_frame_difference(diff, colours=colours)
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["A minus B (dashed: rests on one article)"]
    fig = plot_frame_difference({"sentences": diff, "paragraphs": diff}, colours=colours)
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["A minus B, sentences (dashed: rests on one article)",
                                                                             "A minus B, paragraphs (dashed: rests on one article)"]
    fig = plot_frame_sequence(s, d, colours=colours, frames=codebook)
    assert len(fig.axes) == 2 and fig.axes[0].get_title(loc="left").startswith("A")


def test_sequence_figure_of_a_large_corpus_shows_max_articles_taken_in_turn_from_each_outlet(codebook, make_sentences):
    # outlet A has four articles, B two, C one: in turn A1 B1 C1 A2 B2, drawn in corpus order
    articles = [("a1", "A"), ("a2", "A"), ("a3", "A"), ("a4", "A"), ("b1", "B"), ("b2", "B"), ("c1", "C")]
    s = make_sentences([(aid, outlet, 1, "Congress acts.") for aid, outlet in articles])
    d = detect_frames(s, codebook)
    colours = {"A": "#0072B2", "B": "#E69F00", "C": "#009E73"}
    fig = plot_frame_sequence(s, d, colours=colours, frames=codebook, max_articles=5)
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["A (a1)", "A (a2)", "B (b1)", "B (b2)", "C (c1)"]
    assert "5 of 7 articles" in fig._suptitle.get_text()
    fig = plot_frame_sequence(s, d, colours=colours, frames=codebook, max_articles=7)
    assert len(fig.axes) == 7 and "of 7" not in fig._suptitle.get_text()


def test_the_heatmap_of_many_outlets_turns_its_labels_and_leaves_the_intervals_to_the_table():
    rows = [(f"Outlet {i:02d}", frame, 100, 5, 30, 0.3, 0.25, 0.35, False)
            for i in range(12) for frame in ("Economic", "Other")]
    profile = pd.DataFrame(rows, columns=["outlet", "frame", "n_sentences", "n_articles", "n_invoking", "share",
                                          "low", "high", "one_article"])
    fig = plot_frame_heatmap(profile, colours={})
    ax = fig.axes[0]
    assert {t.get_rotation() for t in ax.get_xticklabels()} == {60.0}
    assert all("[" not in t.get_text() for t in ax.texts) and {t.get_text() for t in ax.texts} == {"30%"}
    few = plot_frame_heatmap(profile[profile["outlet"].isin(["Outlet 00", "Outlet 01"])], colours={})
    assert {t.get_rotation() for t in few.axes[0].get_xticklabels()} == {0.0}
    assert all("[25\u201335]" in t.get_text() for t in few.axes[0].texts)
    import matplotlib.pyplot as plt

    plt.close("all")


def test_the_difference_figure_of_many_outlets_gives_each_outlet_a_panel():
    rows = [(f"Outlet {i}", frame, 0.3, 0.2, 0.1, 0.0, 0.2, 5, 20, False)
            for i in range(6) for frame in ("Economic", "Political", "Other")]
    diff = pd.DataFrame(rows, columns=["outlet", "frame", "share", "share_rest", "difference", "low", "high",
                                       "n_articles", "n_articles_rest", "one_article"])
    fig = plot_frame_difference({"sentences": diff, "paragraphs": diff}, colours={})
    shown = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in shown] == [f"Outlet {i}" for i in range(6)]
    assert [t.get_text() for t in shown[0].get_yticklabels()] == ["Economic", "Political", "Other"]
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["sentences", "paragraphs"]
    import matplotlib.pyplot as plt

    plt.close("all")
