"""Re-execute the study's notebooks, in order, reproducibly, then render the site.

``python -m analysis.publish.report`` runs every ``notebooks/NN-*.ipynb`` in place, then
renders them as a static site (:mod:`analysis.publish.site`) and prints the path of its
``index.html`` last; ``python -m analysis.publish.report notebooks/02-sentiment.ipynb`` runs
one notebook and renders nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis.publish.notebooks import execute_notebook, notebook_paths
from analysis.publish.site import build_site

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Re-execute the study's notebooks in order, in place; with none named, "
        "run them all and render the site to build/site/."
    )
    parser.add_argument(
        "notebooks", nargs="*", type=Path, help="notebooks to run, and only these, with no site (default: all, in order)"
    )
    args = parser.parse_args(argv)
    paths = args.notebooks or notebook_paths()
    for i, p in enumerate(paths, 1):
        print(f"[{i}/{len(paths)}] executing {p}", flush=True)
        execute_notebook(p)
    if not args.notebooks:
        index = build_site(paths)
        print(f"[site] {len(paths)} notebooks rendered; open this file in a browser:", flush=True)
        print(index)
    return 0


if __name__ == "__main__":
    sys.exit(main())
