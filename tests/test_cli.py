"""End to end: `python -m analysis compare` on small invented corpora, in every input format."""

from __future__ import annotations

import csv
import hashlib
import html
import json
import random
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis.lexicons import FILE_NAMES, lexicon_paths, load_codebook
from analysis.paths import DATA, FIGURES, NOTEBOOKS, PROJECT_ROOT
from analysis.synthetic import make_article, outlets

N_OUTLETS = 5
PER_OUTLET = 2


def _articles() -> list[dict]:
    r = random.Random(7)
    names = outlets(N_OUTLETS)
    out = []
    for i in range(N_OUTLETS * PER_OUTLET):
        a = make_article(r)
        a["paragraphs"] = a["paragraphs"][:5]
        out.append({"id": f"story-{i:02d}", "outlet": names[i % N_OUTLETS], **a})
    return out


def _body(a: dict) -> str:
    return a["byline"] + "\n\n" + "\n\n".join(a["paragraphs"]) + "\n"


def write_jsonl(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "stories.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for a in _articles():
            fh.write(json.dumps({"article_id": a["id"], "outlet": a["outlet"], "title": a["title"],
                                 "published": a["published"], "text": _body(a)}) + "\n")
    return path


def write_csv(folder: Path) -> Path:
    """A Media-Cloud-like export: its own column names."""
    folder.mkdir(exist_ok=True)
    path = folder / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["stories_id", "media_name", "title", "publish_date", "body"])
        for a in _articles():
            w.writerow([a["id"], a["outlet"], a["title"], a["published"] + " 10:00:00", _body(a)])
    return path


def write_text_folder(folder: Path) -> Path:
    folder.mkdir()
    rows = []
    for a in _articles():
        (folder / f"{a['id']}.txt").write_text(a["title"] + "\n\n" + _body(a), encoding="utf-8")
        rows.append({"file": f"{a['id']}.txt", "outlet": a["outlet"]})
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["file", "outlet"])
        w.writeheader()
        w.writerows(rows)
    return folder


def write_html_folder(folder: Path) -> Path:
    folder.mkdir()
    for a in _articles():
        paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in a["paragraphs"])
        page = f"""<!doctype html><html><head><title>{html.escape(a['title'])}</title>
<meta property="og:site_name" content="{html.escape(a['outlet'])}">
<meta property="article:published_time" content="{a['published']}T09:00:00Z">
<meta name="author" content="{html.escape(a['byline'][3:].rsplit(' ', 3)[0])}"></head>
<body><nav><a href="/">Home</a> | <a href="/tech">Tech</a></nav>
<article><h1>{html.escape(a['title'])}</h1>{paragraphs}
<p>Sign up for our newsletter to get the news in your inbox.</p></article>
<footer>© 2020 {html.escape(a['outlet'])}. All rights reserved.</footer></body></html>"""
        (folder / f"{a['id']}.html").write_text(page, encoding="utf-8")
    return folder


def _snapshot() -> dict[str, str]:
    """Hashes of every file in the project's own notebooks/, data/ and figures/."""
    files = {}
    for root in (NOTEBOOKS, DATA, FIGURES):
        for p in sorted(root.rglob("*")):
            if p.is_file() and ".ipynb_checkpoints" not in p.parts:
                files[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return files


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)], capture_output=True, text=True,
                          cwd=PROJECT_ROOT, timeout=900)


FORMATS = {
    "jsonl table": (write_jsonl, []),
    "csv table with its own column names": (write_csv, ["--text-column", "body", "--outlet-column", "media_name",
                                                         "--article-id-column", "stories_id",
                                                         "--published-column", "publish_date"]),
    "folder of text files with a manifest": (write_text_folder, []),
    "folder of saved web pages": (write_html_folder, []),
}


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_compare_runs_every_notebook_and_writes_tables_figures_and_site(tmp_path, fmt):
    write, options = FORMATS[fmt]
    source = write(tmp_path / "input")
    out = tmp_path / "out"
    before = _snapshot()
    result = run_cli("compare", source, "--out", out, *options)
    assert result.returncode == 0, result.stderr[-3000:]
    assert _snapshot() == before, "the command wrote into the project's own notebooks/, data/ or figures/"

    # progress was shown, one line per notebook
    notebooks = sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    for i, name in enumerate(notebooks, 1):
        assert f"[{i}/{len(notebooks)}] {Path(name).stem} done" in result.stdout

    # the executed notebooks: every code cell ran, none failed, each says which corpus it ran on
    assert sorted(p.name for p in (out / "notebooks").glob("*.ipynb")) == notebooks
    for path in (out / "notebooks").glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        assert str(source.resolve()) in nb.cells[1].source
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert all(c.execution_count for c in code), path.name
        assert not [o for c in code for o in c.outputs if o.output_type == "error"], path.name

    # the tidy tables describe this corpus: every outlet, every article
    articles = pd.read_csv(out / "tables" / "articles.csv", dtype=str, keep_default_na=False)
    assert articles["outlet"].nunique() == N_OUTLETS
    assert len(articles) == N_OUTLETS * PER_OUTLET
    sentences = pd.read_csv(out / "tables" / "sentences.csv", dtype=str, keep_default_na=False)
    assert set(sentences["outlet"]) == set(articles["outlet"])
    # the measures' tables too: tone per sentence, the scorecard with every outlet
    tone = pd.read_csv(out / "tables" / "02-sentence-tone.csv")
    assert len(tone) == len(sentences) and tone["vader_compound"].between(-1, 1).all()
    card = pd.read_csv(out / "tables" / "05-scorecard.csv")
    assert set(card["outlet"]) == set(articles["outlet"])
    # and the findings written out from this corpus's numbers, not the bundled study's
    nb05 = nbformat.read(out / "notebooks" / "05-synthesis.ipynb", as_version=4)
    written = "".join(o.get("text", "") for c in nb05.cells if c.get("id") == "findings-code" for o in c.outputs)
    assert f"{len(articles)} articles from {N_OUTLETS} outlets" in written and "Colorlines" not in written
    # figures from every notebook, and the rendered site
    figures = {p.name.split("-")[0] for p in (out / "figures").glob("*.png")}
    assert {Path(n).stem.split("-")[0] for n in notebooks} <= figures
    index = out / "site" / "index.html"
    assert index.is_file() and str(index) in result.stdout
    assert all((out / "site" / (Path(n).stem + ".html")).is_file() for n in notebooks)
    # the lexicons used are kept with the results
    assert {p.name for p in (out / "lexicons").iterdir()} >= {"frames.yml", "actors.yml", "aspects.yml"}


@pytest.mark.slow
def test_compare_without_story_frames_codes_the_generic_frames_only(tmp_path):
    # notebooks 03 and 05 ask the lexicons catalogue which codebook files the run's folder holds
    out = tmp_path / "out"
    result = run_cli("compare", write_jsonl(tmp_path / "input"), "--out", out, "--story-frames", "none")
    assert result.returncode == 0, result.stderr[-3000:]
    assert not (out / "lexicons" / FILE_NAMES["story_frames"]).exists()
    story = set(load_codebook(lexicon_paths()["story_frames"]).frame_names)
    generic = load_codebook(lexicon_paths()["codebook"])
    evidence = pd.read_csv(out / "tables" / "03-frame-evidence.csv")
    assert len(evidence) and set(evidence["frame"]) <= set(generic.frame_names)
    nb03 = nbformat.read(out / "notebooks" / "03-framing.ipynb", as_version=4)
    printed = "".join(o.get("text", "") + str(o.get("data", {}).get("text/plain", ""))
                      for c in nb03.cells if c.cell_type == "code" for o in c.outputs)
    assert f"{len(generic.frame_names)} frames and Other" in printed
    assert not [name for name in story if name in printed]


def _first_line_error(result: subprocess.CompletedProcess) -> str:
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_a_table_without_a_text_column_exits_with_a_one_line_reason(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("outlet,body\nA,Some text here.\n", encoding="utf-8")
    result = run_cli("compare", path, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert "missing required column 'text'" in _first_line_error(result)


def test_an_unknown_file_type_exits_with_a_one_line_reason(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    result = run_cli("compare", path, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert "unknown input type '.pdf'" in _first_line_error(result)


def test_a_corpus_with_one_outlet_gets_a_clear_message(tmp_path):
    path = tmp_path / "one.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for a in _articles()[:3]:
            fh.write(json.dumps({"outlet": "Only Outlet", "text": _body(a)}) + "\n")
    result = run_cli("compare", path, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert "only one outlet (Only Outlet)" in _first_line_error(result)


def test_an_outlet_with_no_usable_text_stops_unless_bad_articles_are_skipped(tmp_path):
    path = tmp_path / "t.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for a in _articles()[:4]:
            fh.write(json.dumps({"outlet": a["outlet"], "text": _body(a)}) + "\n")
        fh.write(json.dumps({"outlet": "Empty Outlet", "text": "   "}) + "\n")
    result = run_cli("compare", path, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert "record 5: empty text" in _first_line_error(result)


def test_writing_into_the_project_folders_is_refused(tmp_path):
    result = run_cli("compare", write_jsonl(tmp_path), "--out", FIGURES / "mine")
    assert result.returncode == 1
    assert "would write into the project's own figures/" in _first_line_error(result)
    assert not (FIGURES / "mine").exists()


def test_help_describes_the_inputs():
    result = run_cli("compare", "--help")
    assert result.returncode == 0
    for word in ("manifest.csv", ".jsonl", "--codebook", "--actors", "--aspects", "--keep-duplicates"):
        assert word in result.stdout


def _fake_runs(monkeypatch, fail: str | None = None) -> list[str]:
    """Replace notebook execution: record each notebook run, fail the one named ``fail``."""
    import threading

    from analysis.publish import notebooks as report

    ran, lock = [], threading.Lock()

    def fake(path, *, output, parameters, note, timeout):
        with lock:
            ran.append(Path(path).stem)
        if Path(path).stem == fail:
            raise RuntimeError("a cell raised\nValueError: boom")
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text("{}", encoding="utf-8")
        return Path(output)

    monkeypatch.setattr(report, "execute_notebook", fake)
    return ran


def test_notebook_01_runs_first_the_measures_side_by_side_and_the_synthesis_last(tmp_path, monkeypatch, capsys):
    from analysis import cli

    ran = _fake_runs(monkeypatch)
    source = write_jsonl(tmp_path / "input")
    assert cli.main(["compare", str(source), "--out", str(tmp_path / "out"), "--no-site", "--jobs", "2"]) == 0
    stems = [p.stem for p in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))]
    assert ran[0] == stems[0] and sorted(ran) == stems
    assert ran[-1] == "05-synthesis"  # it reads what 02-04 saved
    out = capsys.readouterr().out
    assert all(f"{s} done" in out for s in stems)


def test_a_failing_notebook_exits_with_its_name_and_the_last_line_of_the_error(tmp_path, monkeypatch, capsys):
    from analysis import cli

    ran = _fake_runs(monkeypatch, fail="03-framing")
    source = write_jsonl(tmp_path / "input")
    assert cli.main(["compare", str(source), "--out", str(tmp_path / "out"), "--no-site"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["error: 03-framing.ipynb failed on this corpus: ValueError: boom"]
    assert ran[0] == "01-corpus" and "03-framing" in ran
