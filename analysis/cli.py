"""The command line: run the whole comparison on your own articles.

    python -m analysis compare INPUT --out DIR

reads INPUT (a folder with ``manifest.csv``, a folder of saved web pages, or a CSV/JSONL
table), checks it, runs every notebook of the study on it through the notebooks'
``parameters`` cells, and writes into DIR:

    DIR/tables/      the tidy tables as CSV (articles, lines, sentences, … and each notebook's own)
    DIR/figures/     every figure, PNG and SVG
    DIR/notebooks/   the executed notebooks
    DIR/lexicons/    the codebook, actors and aspects files used, for the record
    DIR/site/        the rendered site; open DIR/site/index.html

Nothing is written into the project's own ``notebooks/``, ``data/`` or ``figures/``.
Bad input ends the run with exit status 1 and a one-line reason.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
import warnings
from pathlib import Path

from analysis.paths import DATA, FIGURES, NOTEBOOKS

__all__ = ["main"]

RERUN_NOTE = (
    "> **Re-run on another corpus.** This copy of the notebook was executed by `python -m analysis compare` "
    "on `{input}`. Its tables and figures describe that corpus. The narrative text, including the Conclusion, "
    "was written for the bundled IBM study and its numbers do not describe this corpus: read the printed "
    "outputs instead, and section 6 of notebook 05, which writes the findings out from this corpus's numbers."
)


class UsageError(Exception):
    """Bad input or options: reported as one line, exit status 1."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Comparative media analysis: framing, tone and emphasis across outlets.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser(
        "compare",
        help="run the whole comparison on a corpus and write tables, figures, notebooks and a site",
        description=(
            "Run every notebook of the study on INPUT and write the results into DIR. INPUT is a folder of "
            ".txt/.md/.html files with a manifest.csv (columns file and outlet required), a folder of saved "
            ".html pages (the outlet is each page's site name), or a .csv/.jsonl table with one article per row "
            "(columns text and outlet required)."
        ),
    )
    c.add_argument("input", type=Path, metavar="INPUT", help="folder of articles, or a .csv/.jsonl table")
    c.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder to write into (created if missing)")
    c.add_argument("--codebook", type=Path, help="generic frame codebook (default: data/lexicons/frames.yml)")
    c.add_argument("--story-frames", type=Path,
                   help="story-specific frames (default: data/lexicons/frames_technology.yml); 'none' for none")
    c.add_argument("--actors", type=Path, help="actors and aliases (default: data/lexicons/actors.yml)")
    c.add_argument("--aspects", type=Path, help="aspects of the story (default: data/lexicons/aspects.yml)")
    c.add_argument("--corrections", type=Path, help="known source errors to correct (article_id, find, replace, reason)")
    for name in ("text", "outlet", "title", "author", "published", "url", "article-id"):
        c.add_argument(f"--{name}-column", metavar="NAME", help=f"for a table: the column holding {name.replace('-', '_')}")
    c.add_argument("--keep-duplicates", action="store_true",
                   help="count near-duplicate articles (wire copies, double loads) every time, not once")
    c.add_argument("--skip-bad", action="store_true",
                   help="set bad articles aside with a warning instead of stopping")
    c.add_argument("--jobs", type=int, default=2, help="processes for reading a large corpus, and notebooks run side by side (default 2)")
    c.add_argument("--no-site", action="store_true", help="do not render the HTML site")
    return parser


def _progress(message: str) -> None:
    print(message, flush=True)


def _check_out_dir(out: Path) -> Path:
    out = out.resolve()
    for protected in (NOTEBOOKS, DATA, FIGURES):
        p = protected.resolve()
        if out == p or p in out.parents or out in p.parents:
            raise UsageError(f"--out {out}: would write into the project's own {p.name}/; choose another folder")
    return out


def _lexicons(args, out: Path) -> Path:
    """Copy the lexicon files this run uses into DIR/lexicons and check each one loads."""
    from analysis.lexicons import lexicon_paths, load_lexicons

    folder = out / "lexicons"
    folder.mkdir(parents=True, exist_ok=True)
    targets = lexicon_paths(folder)
    for key, default in lexicon_paths().items():
        given = getattr(args, key)
        target = targets[key]
        if key == "story_frames" and given is not None and str(given).lower() == "none":
            target.unlink(missing_ok=True)
            continue
        source = given or default
        if not source.is_file():
            raise UsageError(f"--{key.replace('_', '-')} {source}: file not found")
        shutil.copyfile(source, target)
    try:
        load_lexicons(folder)
    except ValueError as exc:
        raise UsageError(f"lexicon: {str(exc).splitlines()[0]}") from None
    corrections = folder / "corrections.csv"
    if args.corrections:
        if not args.corrections.is_file():
            raise UsageError(f"--corrections {args.corrections}: file not found")
        shutil.copyfile(args.corrections, corrections)
    else:
        corrections.write_text("article_id,find,replace,reason\n", encoding="utf-8")
    return folder


def _one_outlet(source: Path, outlets: list[str]) -> UsageError:
    only = outlets[0] if outlets else "none"
    return UsageError(f"{source}: only one outlet ({only}) has usable articles; a comparison needs at least two")


def _what_was_read(tables: Path, source: Path) -> tuple[int, list[str]] | None:
    """After notebook 01: print the warnings and counts of the tables it wrote; the number of
    articles and the outlets with usable articles (``None`` if it wrote no tables)."""
    import pandas as pd

    if not (tables / "articles.csv").is_file():
        return None
    articles = pd.read_csv(tables / "articles.csv", dtype=str, keep_default_na=False)
    problems = pd.read_csv(tables / "problems.csv", dtype=str, keep_default_na=False)
    for row in problems.itertuples(index=False):
        if row.level in ("warning", "set aside"):
            _progress(f"  warning: {'set aside: ' if row.level == 'set aside' else ''}{row.problem}")
    n_sentences = len(pd.read_csv(tables / "sentences.csv", usecols=["article_id"], dtype=str))
    included = articles[articles["excluded"] == ""]
    outlets = sorted(included["outlet"].unique())
    _progress(
        f"  {len(articles)} articles, {n_sentences} sentences, {len(outlets)} outlets"
        + (f"; {len(articles) - len(included)} kept out of the measures (see tables/problems.csv)"
           if len(included) < len(articles) else "")
    )
    if len(outlets) < 2:
        raise _one_outlet(source, outlets)
    return len(articles), outlets


def compare(args) -> int:
    from analysis.corpus import CorpusError, list_articles, read_corrections
    from analysis.publish.notebooks import execute_notebook, notebook_paths

    started = time.perf_counter()
    source = args.input.resolve()
    out = _check_out_dir(args.out)
    if not source.exists():
        raise UsageError(f"{source}: not found")
    columns = {
        key.replace("-", "_"): getattr(args, f"{key.replace('-', '_')}_column")
        for key in ("text", "outlet", "title", "author", "published", "url", "article-id")
        if getattr(args, f"{key.replace('-', '_')}_column")
    }
    _progress(f"reading {source}")
    out.mkdir(parents=True, exist_ok=True)
    lexicons = _lexicons(args, out)
    # A cheap first look (the readers' listing and the checks that need no parse) stops bad input
    # before any notebook runs; notebook 01 then reads the corpus once, in --jobs processes.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # notebook 01 warns again; its problems table is printed below
        try:
            listed = list_articles(source, columns=columns or None, on_error="skip" if args.skip_bad else "raise")
            read_corrections(lexicons / "corrections.csv")
        except CorpusError as exc:
            lines = str(exc).splitlines()
            more = f" (and {len(lines) - 1} more problem(s); --skip-bad sets bad articles aside)" if len(lines) > 1 else ""
            first = lines[1] if len(lines) > 1 and lines[0].endswith(":") else lines[0]
            raise UsageError(first + more) from None
    outlets = sorted(listed["outlet"].unique())
    _progress(f"  {len(listed)} articles listed, from {len(outlets)} outlets")
    if len(outlets) < 2:
        raise _one_outlet(source, outlets)
    n_articles = len(listed)

    tables, figures, notebooks_out = out / "tables", out / "figures", out / "notebooks"
    common = {"processed_dir": str(tables), "figures_dir": str(figures), "lexicons_dir": str(lexicons)}
    first = {
        "raw_dir": str(source), "processed_dir": str(tables), "figures_dir": str(figures),
        "corrections_file": str(lexicons / "corrections.csv"), "on_error": "skip" if args.skip_bad else "raise",
        "table_columns": columns, "duplicates": "keep" if args.keep_duplicates else "exclude",
        "jobs": max(1, args.jobs),
    }
    paths = notebook_paths()

    def run(i: int, nb: Path) -> Path:
        t0 = time.perf_counter()
        _progress(f"[{i}/{len(paths)}] {nb.stem} …")
        target = notebooks_out / nb.name
        try:
            # a cell may take minutes on tens of thousands of articles: allow an hour before giving up
            execute_notebook(nb, output=target, parameters=first if i == 1 else common,
                             note=RERUN_NOTE.format(input=source), timeout=3600)
        except Exception as exc:  # a cell failed: say which notebook, keep the partial output
            reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            raise UsageError(f"{nb.name} failed on this corpus: {reason}") from None
        _progress(f"[{i}/{len(paths)}] {nb.stem} done in {time.perf_counter() - t0:.1f} s")
        return target

    # Notebook 01 writes the tables every later notebook reads. The measure notebooks (02-04) read
    # nothing of each other, so they run side by side, each in its own kernel, as many at once as
    # --jobs; the synthesis (05) reads what they saved (analysis.stages), so it runs after them.
    from analysis.stages import STAGES

    numbered = list(enumerate(paths, 1))
    measures = [(i, nb) for i, nb in numbered[1:] if nb.stem in STAGES.values()]
    after = [(i, nb) for i, nb in numbered[1:] if nb.stem not in STAGES.values()]
    written = {1: run(1, paths[0])}
    read = _what_was_read(tables, source)
    if read is not None:
        n_articles, outlets = read
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = {pool.submit(run, i, nb): i for i, nb in measures}
        try:
            for future in as_completed(futures):
                written[futures[future]] = future.result()
        except BaseException:
            for f in futures:
                f.cancel()
            raise
    for i, nb in after:
        written[i] = run(i, nb)
    written = [written[i] for i in sorted(written)]
    if not args.no_site:
        from analysis.publish.site import build_site

        index = build_site(written, out / "site", title=f"Comparison of {len(outlets)} outlets",
                           intro=f"Framing, tone and emphasis in {n_articles} articles from "
                                 f"{len(outlets)} outlets, read from `{source.name}`.")
        _progress(f"site: {index}")
    _progress(f"done in {time.perf_counter() - started:.0f} s; tables in {tables}, figures in {figures}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "compare":
            return compare(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    return 2
