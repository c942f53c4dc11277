"""The catalogue of lexicon files: which files a lexicons folder holds, under one name each.

Every reader of the lexicons (the command line, the notebooks, the synthesis, the
benchmarks) asks here for the paths instead of writing the file names again. A
folder laid out like ``data/lexicons`` holds the generic frame codebook, an optional
story-frames file, the actors and the aspects.
"""

from __future__ import annotations

from pathlib import Path

from analysis.paths import LEXICONS

__all__ = ["CODEBOOK", "STORY_FRAMES", "ACTORS", "ASPECTS", "FILE_NAMES", "lexicon_paths", "codebook_files"]

#: The generic frame codebook (the Policy Frames Codebook dimensions).
CODEBOOK = "frames.yml"
#: The story-specific frames; optional (``compare --story-frames none`` leaves it out).
STORY_FRAMES = "frames_technology.yml"
#: The actors and their aliases.
ACTORS = "actors.yml"
#: The aspects of the story and their cues.
ASPECTS = "aspects.yml"
#: Each lexicon's file name, by the name the command line's options use.
FILE_NAMES = {"codebook": CODEBOOK, "story_frames": STORY_FRAMES, "actors": ACTORS, "aspects": ASPECTS}


def lexicon_paths(directory: Path | str = LEXICONS) -> dict[str, Path]:
    """Where each lexicon of ``directory`` lives (default: the project's ``data/lexicons``), by name.

    Examples
    --------
    >>> paths = lexicon_paths("lex")
    >>> list(paths), paths["actors"].as_posix()
    (['codebook', 'story_frames', 'actors', 'aspects'], 'lex/actors.yml')
    """
    directory = Path(directory)
    return {key: directory / name for key, name in FILE_NAMES.items()}


def codebook_files(directory: Path | str = LEXICONS) -> list[Path]:
    """The frame codebook files of ``directory``: the generic codebook, then the story frames if present.

    Examples
    --------
    >>> [p.name for p in codebook_files()]
    ['frames.yml', 'frames_technology.yml']
    >>> import tempfile
    >>> [p.name for p in codebook_files(tempfile.mkdtemp())]
    ['frames.yml']
    """
    paths = lexicon_paths(directory)
    return [paths["codebook"]] + ([paths["story_frames"]] if paths["story_frames"].is_file() else [])
