"""Comparative media analysis: framing, tone and emphasis across outlets.

Re-exports only; every function lives in the module its name suggests.
"""

from analysis.corpus import Corpus, CorpusError, CorpusWarning, load_corpus, load_processed
from analysis.measures.tone.toward import tone_toward
from analysis.paths import DATA_PROCESSED, DATA_RAW, FIGURES, LEXICONS, PROJECT_ROOT

__all__ = [
    "Corpus",
    "CorpusError",
    "CorpusWarning",
    "load_corpus",
    "load_processed",
    "tone_toward",
    "DATA_PROCESSED",
    "DATA_RAW",
    "FIGURES",
    "LEXICONS",
    "PROJECT_ROOT",
]
