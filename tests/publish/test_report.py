"""Tests for analysis.publish.report: `make report` runs every notebook, then renders the site."""

from pathlib import Path

import pytest

from analysis.publish import report


def test_report_with_no_notebook_named_runs_all_then_prints_the_index_path_last(monkeypatch, capsys, tmp_path):
    ran, built = [], []
    monkeypatch.setattr(report, "notebook_paths", lambda: [Path("notebooks/01-a.ipynb"), Path("notebooks/02-b.ipynb")])
    monkeypatch.setattr(report, "execute_notebook", ran.append)
    monkeypatch.setattr(report, "build_site", lambda paths: built.append(paths) or tmp_path / "index.html")
    assert report.main([]) == 0
    assert ran == [Path("notebooks/01-a.ipynb"), Path("notebooks/02-b.ipynb")]
    assert built == [ran]
    assert capsys.readouterr().out.splitlines()[-1] == str(tmp_path / "index.html")


def test_report_with_one_notebook_runs_only_it_and_renders_no_site(monkeypatch, capsys):
    ran = []
    monkeypatch.setattr(report, "execute_notebook", ran.append)
    monkeypatch.setattr(report, "build_site", lambda paths: pytest.fail("built the site"))
    assert report.main(["notebooks/02-b.ipynb"]) == 0
    assert ran == [Path("notebooks/02-b.ipynb")]
    assert "index.html" not in capsys.readouterr().out
