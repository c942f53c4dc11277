"""Frames: which frames each sentence invokes, and how the outlets compare.

``detection`` codes sentences with a codebook (:mod:`analysis.lexicons.codebook`);
``profiles`` gives the shares per outlet and each outlet against the rest, with
intervals; ``placement`` and ``dominant`` say where frames appear; ``evidence``
shows the sentences and cues behind every count. Figures: :mod:`analysis.plots.frames`.
"""

from analysis.measures.frames.detection import DETECTION_COLUMNS, detect_frames, sentence_frames, to_paragraphs
from analysis.measures.frames.dominant import dominant_frames
from analysis.measures.frames.evidence import cue_audit, frame_evidence
from analysis.measures.frames.placement import frame_placement
from analysis.measures.frames.profiles import frame_difference, frame_profile

__all__ = ["DETECTION_COLUMNS", "detect_frames", "sentence_frames", "to_paragraphs", "dominant_frames", "cue_audit",
           "frame_evidence", "frame_placement", "frame_difference", "frame_profile"]
