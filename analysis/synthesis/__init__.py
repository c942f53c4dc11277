"""Synthesis: every outlet side by side, on every measure of the study.

``measures`` gathers what the measures computed (:func:`compute_measures`);
``scorecard`` turns them into one tidy table and a table to read; ``contrasts``
lists where each outlet differs most from the rest; ``findings`` writes the results
out in sentences. The summary figure is :func:`analysis.plots.synthesis.plot_scorecard`.
Nothing here reads a file or draws.
"""

from analysis.synthesis.contrasts import CONTRAST_COLUMNS, contrasts, frame_units, most_divergent
from analysis.synthesis.findings import findings
from analysis.synthesis.measures import FRAME_BOOTSTRAP, SEED, Measures, compute_measures, saved_measures
from analysis.synthesis.scorecard import CARD_COLUMNS, MEASURE_ORDER, ONE_ARTICLE_MARK, scorecard, scorecard_table

__all__ = ["CARD_COLUMNS", "CONTRAST_COLUMNS", "FRAME_BOOTSTRAP", "MEASURE_ORDER", "ONE_ARTICLE_MARK", "SEED",
           "Measures", "compute_measures", "contrasts", "findings", "frame_units", "most_divergent", "saved_measures", "scorecard",
           "scorecard_table"]
