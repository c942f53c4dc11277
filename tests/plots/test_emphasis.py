"""Tests for analysis.plots.emphasis: the emphasis figures."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from analysis.lexicons.actors import load_actors
from analysis.measures.actors import actor_mentions, actor_prominence
from analysis.measures.quotes import QUOTE_COLUMNS, share_of_voice
from analysis.measures.terms import distinctive_terms
from analysis.plots import outlet_colours
from analysis.plots.emphasis import plot_actor_share, plot_distinctive_terms, plot_share_of_voice


def test_share_of_voice_figure_without_quotations_says_so():
    fig = plot_share_of_voice(share_of_voice(pd.DataFrame(columns=QUOTE_COLUMNS)), colours={})
    assert "No quotations" in fig.axes[0].texts[0].get_text()


def test_share_of_voice_figure_folds_speakers_beyond_the_top_into_one_row():
    # 20 speakers in outlet A, sharing its words unequally; the 17 smallest make up 10%
    speakers = [f"Speaker {chr(65 + i)}" for i in range(20)]
    words = [500, 250, 150] + [5] * 16 + [20]
    voice = share_of_voice(pd.DataFrame({"quote_id": speakers, "outlet": "A", "speaker": speakers, "words": words}))
    fig = plot_share_of_voice(voice, colours={"A": "#000000"}, top=3)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Speaker A", "Speaker B", "Speaker C",
                                                           "other speakers (17)"]
    assert [round(b.get_width(), 6) for b in ax.patches] == [50.0, 25.0, 15.0, 10.0]
    assert "100 words, 17 quotations" in [t.get_text() for t in ax.texts]
    plt.close(fig)


def test_figures_use_one_panel_per_outlet_beyond_four():
    outlets = ["A", "B", "C", "D", "E"]
    # one article per outlet, of two sentences in one paragraph
    sentences = pd.DataFrame(
        [{"sentence_id": f"{o.lower()}-s00{n}", "article_id": o.lower(), "outlet": o, "paragraph_no": 1,
          "sentence_no": n, "start": start, "text": text}
         for o in outlets
         for n, start, text in ((1, 0, "IBM and Krishna."), (2, 17, f"Police {o.lower()}x and privacy."))]
    )
    colours = outlet_colours(outlets)
    p = actor_prominence(actor_mentions(sentences, load_actors()), sentences)
    fig = plot_actor_share(p, colours=colours)
    assert [ax.get_title() for ax in fig.axes if ax.get_visible()] == outlets
    fig = plot_distinctive_terms(distinctive_terms(sentences), colours=colours)
    assert len([ax for ax in fig.axes if ax.get_visible()]) == 5
