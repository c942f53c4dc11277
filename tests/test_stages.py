"""Tests for analysis.stages: a notebook's measures saved for the next round-trip exactly."""

import numpy as np
import pandas as pd
import pytest

from analysis.stages import load_stage, save_stage


def test_a_saved_stage_reads_back_equal_with_its_types(tmp_path):
    table = pd.DataFrame({"outlet": ["A", "B"], "n": [1, 2], "share": [0.5, np.nan], "one_article": [True, False],
                          "cue": ["x", None]})
    save_stage(tmp_path, "tone", {"summary": table})
    pd.testing.assert_frame_equal(load_stage(tmp_path, "tone")["summary"], table)


def test_saving_again_writes_the_same_bytes_and_drops_tables_no_longer_named(tmp_path):
    table = pd.DataFrame({"a": [1, 2]})
    first = save_stage(tmp_path, "frames", {"profile": table, "old": table})[0].read_bytes()
    save_stage(tmp_path, "frames", {"profile": table})
    assert (tmp_path / "stages" / "frames" / "profile.parquet").read_bytes() == first
    assert sorted(load_stage(tmp_path, "frames")) == ["profile"]


def test_a_missing_stage_names_the_notebook_to_run(tmp_path):
    with pytest.raises(FileNotFoundError, match="03-framing.ipynb"):
        load_stage(tmp_path, "frames")


def test_an_unknown_stage_is_refused(tmp_path):
    with pytest.raises(ValueError, match="unknown stage 'tones'"):
        save_stage(tmp_path, "tones", {})
