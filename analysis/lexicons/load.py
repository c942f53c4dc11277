"""Every lexicon of a folder, loaded and validated in one call."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis.lexicons.actors import load_actors, load_aspects
from analysis.lexicons.catalogue import codebook_files, lexicon_paths
from analysis.lexicons.codebook import Codebook, load_codebook
from analysis.paths import LEXICONS

__all__ = ["load_lexicons"]


def load_lexicons(directory: Path | str = LEXICONS) -> tuple[Codebook, pd.DataFrame, pd.DataFrame]:
    """The codebook, actors and aspects of ``directory`` (default: the project's ``data/lexicons``).

    The codebook is the generic one plus the story frames when that file exists
    (:func:`analysis.lexicons.catalogue.codebook_files`; ``python -m analysis compare
    --story-frames none`` leaves it out).

    Returns
    -------
    (Codebook, DataFrame, DataFrame)
        :func:`analysis.lexicons.codebook.load_codebook`, :func:`analysis.lexicons.actors.load_actors`
        and :func:`analysis.lexicons.actors.load_aspects` of the files.

    Raises
    ------
    ValueError
        Naming the file and the entry that cannot be used (a ``CodebookError`` for the codebook).

    Examples
    --------
    >>> codebook, actors, aspects = load_lexicons()
    >>> len(codebook.frame_names), actors["actor"].nunique(), aspects["aspect"].nunique()
    (18, 30, 14)
    """
    paths = lexicon_paths(directory)
    codebook = load_codebook(codebook_files(directory))
    return codebook, load_actors(paths["actors"]), load_aspects(paths["aspects"])
