"""Tests for analysis.publish.run_folder: a run's folder is exclusive, atomic, recorded, and keeps a user's files."""

import json
import os
import subprocess
import sys

import pytest

from analysis.publish.run_folder import (
    RECORD,
    NotebookFailed,
    RunFolderError,
    check_destination,
    recorded_files,
    run_folder,
)


def _run(out, files=("tables/a.csv",), **kwargs):
    with run_folder(out, record={"input": "x"}, **kwargs) as staging:
        for name in files:
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_text(name, encoding="utf-8")
    return out


def test_a_complete_run_appears_whole_with_its_record(tmp_path):
    out = _run(tmp_path / "out")
    assert (out / "tables" / "a.csv").read_text() == "tables/a.csv"
    record = json.loads((out / RECORD).read_text())
    assert record["input"] == "x" and record["files"] == ["tables/a.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no lock, no partial folder left


def test_a_second_run_replaces_a_folder_a_run_made(tmp_path):
    out = _run(tmp_path / "out", files=("old.csv",))
    _run(out, files=("new.csv",))
    assert sorted(p.name for p in out.iterdir()) == ["new.csv", RECORD]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_folder_with_a_users_own_files_is_refused_and_left_untouched(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "my notes.txt").write_text("mine")
    with pytest.raises(RunFolderError, match="did not make .*my notes.txt.*--force"):
        _run(out)
    assert (out / "my notes.txt").read_text() == "mine"
    assert sorted(p.name for p in out.iterdir()) == ["my notes.txt"]


def test_a_file_added_to_a_run_folder_counts_as_the_users(tmp_path):
    out = _run(tmp_path / "out")
    (out / "tables" / "extra.png").write_text("mine")
    with pytest.raises(RunFolderError, match="extra.png"):
        _run(out)


def test_force_moves_a_users_folder_aside_and_deletes_nothing(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "1.png").write_text("mine")
    _run(out, force=True)
    assert (tmp_path / "out.previous" / "1.png").read_text() == "mine"
    assert (out / "tables" / "a.csv").exists()


def test_an_interrupted_run_leaves_the_old_folder_and_nothing_else(tmp_path):
    out = _run(tmp_path / "out", files=("old.csv",))
    with pytest.raises(KeyboardInterrupt):
        with run_folder(out) as staging:
            (staging / "half.csv").write_text("half")
            raise KeyboardInterrupt
    assert sorted(p.name for p in out.iterdir()) == ["old.csv", RECORD]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_failed_notebook_is_kept_as_dir_failed_and_named(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(NotebookFailed) as caught:
        with run_folder(out) as staging:
            (staging / "notebooks").mkdir()
            nb = staging / "notebooks" / "02-x.ipynb"
            nb.write_text("{}")
            raise NotebookFailed("02-x failed", nb)
    assert caught.value.notebook == tmp_path / "out.failed" / "notebooks" / "02-x.ipynb"
    assert caught.value.notebook.read_text() == "{}"
    assert not out.exists()


def test_a_second_concurrent_run_is_refused_with_one_line(tmp_path):
    out = tmp_path / "out"
    with run_folder(out):
        with pytest.raises(RunFolderError, match="another compare run .* is writing this folder") as caught:
            with run_folder(out):
                pass
        assert "\n" not in str(caught.value)


def test_a_lock_left_by_a_dead_process_is_taken_over(tmp_path):
    out = tmp_path / "out"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    import socket

    (tmp_path / ".out.lock").write_text(f"{int(dead.stdout)} {socket.gethostname()}\n")
    _run(out)
    assert (out / RECORD).exists() and not (tmp_path / ".out.lock").exists()


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_text("x"), "is a file, not a folder"),
])
def test_an_out_that_is_a_file_is_refused(tmp_path, make, message):
    target = tmp_path / "out"
    make(target)
    with pytest.raises(RunFolderError, match=message):
        check_destination(target)


def test_an_out_inside_a_file_is_refused(tmp_path):
    (tmp_path / "f").write_text("x")
    with pytest.raises(RunFolderError, match="is a file, so no folder can be made inside it"):
        check_destination(tmp_path / "f" / "out")


def test_an_unwritable_out_is_refused(tmp_path, monkeypatch):
    # root may write anywhere, so the permission answer is what the check is given
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(RunFolderError, match="not writable"):
        check_destination(tmp_path / "out")


def test_a_record_that_is_not_json_means_the_folder_is_not_a_runs(tmp_path):
    (tmp_path / RECORD).write_text("{not json")
    assert recorded_files(tmp_path) is None
