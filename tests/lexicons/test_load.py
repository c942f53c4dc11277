"""Tests for analysis.lexicons.load: every lexicon of a folder in one call."""

from __future__ import annotations

import shutil

import pytest

from analysis.lexicons import CodebookError, lexicon_paths, load_lexicons


def _copy(folder, *keys):
    for key in keys:
        shutil.copyfile(lexicon_paths()[key], lexicon_paths(folder)[key])


def test_load_lexicons_leaves_out_story_frames_when_the_file_is_absent(tmp_path):
    _copy(tmp_path, "codebook", "actors", "aspects")
    codebook, _, _ = load_lexicons(tmp_path)
    full, _, _ = load_lexicons()
    assert len(codebook.frame_names) < len(full.frame_names)
    assert "Privacy and surveillance" not in codebook.frame_names


def test_load_lexicons_defaults_to_the_project_lexicons():
    codebook, actors, aspects = load_lexicons()
    assert codebook.frame_names[-1] == "Usefulness of the technology"
    assert list(actors.columns[:2]) == ["actor", "type"] and list(aspects.columns[:2]) == ["aspect", "description"]


@pytest.mark.parametrize("missing, error", [("codebook", CodebookError), ("actors", ValueError),
                                            ("aspects", ValueError)])
def test_a_missing_lexicon_is_named(tmp_path, missing, error):
    _copy(tmp_path, *(k for k in ("codebook", "actors", "aspects") if k != missing))
    with pytest.raises((error, FileNotFoundError), match=lexicon_paths()[missing].name):
        load_lexicons(tmp_path)
