"""The lexicons catalogue: which files are the defaults, loaded and validated in one place.

``catalogue`` names the files of a lexicons folder; ``codebook`` reads and validates
the frame codebook; ``actors`` reads and validates the actors and aspects lexicons;
``load`` loads every lexicon of a folder at once.
"""

from analysis.lexicons.catalogue import (
    ACTORS,
    ASPECTS,
    CODEBOOK,
    FILE_NAMES,
    STORY_FRAMES,
    codebook_files,
    lexicon_paths,
)
from analysis.lexicons.actors import load_actors, load_aspects
from analysis.lexicons.codebook import OTHER, Codebook, CodebookError, load_codebook
from analysis.lexicons.load import load_lexicons

__all__ = ["ACTORS", "ASPECTS", "CODEBOOK", "FILE_NAMES", "STORY_FRAMES", "codebook_files", "lexicon_paths",
           "OTHER", "Codebook", "CodebookError", "load_actors", "load_aspects", "load_codebook", "load_lexicons"]
