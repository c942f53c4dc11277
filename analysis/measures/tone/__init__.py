"""Tone, sentence by sentence: instruments behind one interface and a registry, their evidence, and comparisons.

``instruments`` holds the interface and the registry (TextBlob and VADER, each adapted
in its own module); ``masking`` the spans that must not carry tone; ``scoring``,
``evidence`` and ``voice`` what is measured per sentence; ``labels``, ``agreement``,
``summary``, ``difference`` and ``extremes`` the comparisons. The resampling engines
live in :mod:`analysis.stats`, the figures in :mod:`analysis.plots.tone`.
"""

from analysis.measures.tone.agreement import instrument_agreement, label_crosstab
from analysis.measures.tone.difference import tone_difference
from analysis.measures.tone.evidence import EVIDENCE_COLUMNS, sentiment_evidence
from analysis.measures.tone.extremes import extreme_sentences
from analysis.measures.tone.instruments import (
    INSTRUMENTS, LABELS, MEASURES, MIN_N, THRESHOLD, TONE_COLUMNS, Instrument, register,
)
from analysis.measures.tone.labels import label_tone
from analysis.measures.tone.masking import MASK_COLUMNS, mask_untoned, masked_spans
from analysis.measures.tone.scoring import masking_effect, score_sentences
from analysis.measures.tone.summary import targeted_tone, tone_summary
from analysis.measures.tone.voice import VOICE_COLUMNS, split_by_voice

__all__ = [
    "EVIDENCE_COLUMNS", "INSTRUMENTS", "Instrument", "LABELS", "MASK_COLUMNS", "MEASURES", "MIN_N", "THRESHOLD",
    "TONE_COLUMNS", "VOICE_COLUMNS", "extreme_sentences", "instrument_agreement", "label_crosstab", "label_tone",
    "mask_untoned", "masked_spans", "masking_effect", "register", "score_sentences", "sentiment_evidence",
    "split_by_voice", "targeted_tone", "tone_difference", "tone_summary",
]
