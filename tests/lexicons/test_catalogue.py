"""Tests for analysis.lexicons.catalogue: one name for each lexicon file, and which codebook files a folder has."""

from __future__ import annotations

import json
import subprocess
import sys

from analysis.lexicons import FILE_NAMES, codebook_files, lexicon_paths
from analysis.paths import LEXICONS, PROJECT_ROOT


def test_the_default_paths_are_the_shipped_files():
    paths = lexicon_paths()
    assert list(paths) == ["codebook", "story_frames", "actors", "aspects"]
    assert all(p.parent == LEXICONS and p.is_file() for p in paths.values())
    assert {p.name for p in paths.values()} == {p.name for p in LEXICONS.glob("*.yml")}


def test_a_folder_gets_the_same_file_names(tmp_path):
    assert lexicon_paths(tmp_path) == {key: tmp_path / name for key, name in FILE_NAMES.items()}
    assert lexicon_paths(str(tmp_path)) == lexicon_paths(tmp_path)


def test_codebook_files_take_the_story_frames_only_when_the_folder_has_them(tmp_path):
    assert codebook_files() == [LEXICONS / "frames.yml", LEXICONS / "frames_technology.yml"]
    assert codebook_files(tmp_path) == [tmp_path / "frames.yml"]  # the codebook is named even when missing
    (tmp_path / FILE_NAMES["story_frames"]).write_text("frames: []\n", encoding="utf-8")
    assert codebook_files(tmp_path) == [tmp_path / "frames.yml", tmp_path / "frames_technology.yml"]


def _code_lines(path):
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return [line for c in cells if c["cell_type"] == "code" for line in "".join(c["source"]).splitlines()]
    return [line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith(">>>")]


def test_no_module_notebook_or_benchmark_spells_a_lexicon_file_name_as_a_string():
    # the catalogue is the one place that names the files: everything else asks it
    files = [*(PROJECT_ROOT / "analysis").rglob("*.py"), *(PROJECT_ROOT / "benchmarks").glob("*.py"),
             *(PROJECT_ROOT / "notebooks").glob("*.ipynb")]
    spelled = [f"{path.name}: {line.strip()}" for path in sorted(files) if path.name != "catalogue.py"
               for line in _code_lines(path) for name in FILE_NAMES.values()
               if f'"{name}"' in line or f"'{name}'" in line]
    assert spelled == []


def test_importing_the_actors_loader_first_does_not_cycle_through_the_catalogue():
    # analysis.lexicons.actors takes its default paths from the catalogue, which loads actors through it
    code = "import analysis.lexicons.actors, analysis.lexicons; print(analysis.lexicons.load_lexicons()[1]['actor'].nunique())"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 0
