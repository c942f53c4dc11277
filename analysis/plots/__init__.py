"""Every figure of the project. Measures never draw; these functions never compute a measure.

``style`` holds what all figures share (one colour per outlet, the source note,
``save_figure``); each other module draws one family's figures.
"""

from analysis.plots.corpus import ROLE_COLOURS, plot_structure
from analysis.plots.emphasis import plot_actor_share, plot_aspect_grid, plot_distinctive_terms, plot_share_of_voice
from analysis.plots.frames import plot_frame_difference, plot_frame_heatmap, plot_frame_sequence
from analysis.plots.synthesis import plot_scorecard
from analysis.plots.style import counts_note, outlet_colours, save_figure, shown_path, source_note, use_house_style
from analysis.plots.tone import plot_targeted_tone, plot_tone_distribution, plot_tone_means

__all__ = ["ROLE_COLOURS", "counts_note", "outlet_colours", "plot_actor_share", "plot_aspect_grid",
           "plot_distinctive_terms", "plot_frame_difference", "plot_frame_heatmap", "plot_frame_sequence",
           "plot_scorecard", "plot_share_of_voice", "plot_structure", "plot_targeted_tone", "plot_tone_distribution", "plot_tone_means",
           "save_figure", "shown_path", "source_note", "use_house_style"]
