"""How long does `python -m analysis compare` take on a large corpus? Prints one line per notebook.

    python benchmarks/compare.py                        # 2,000 synthetic articles, 20 outlets
    python benchmarks/compare.py --articles 10000 --jobs 2

Builds a seeded synthetic corpus (analysis/synthetic.py) as a JSON-lines table in a
temporary folder, runs the whole comparison on it in a subprocess (reading, the five
notebooks, the site), and prints the time of each notebook as the command reports it,
the wall-clock total, and the peak memory of the largest process (the command or one of
its notebook kernels). Unlike benchmarks/pipeline.py, this includes everything a user
waits for: the bootstraps and permutation tests, the figures and the site. Figures, not
assertions: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from analysis.synthetic import write_corpus

_DONE = re.compile(r"^\[\d+/\d+\] (\S+) done in ([\d.]+) s$")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--outlets", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2, help="passed to compare --jobs (default 2)")
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        info = write_corpus(corpus, n_articles=args.articles, n_outlets=args.outlets, seed=args.seed)
        print(f"corpus: {args.articles:,} articles, {args.outlets} outlets, {info['chars'] / 1e6:.1f} M characters")
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "analysis", "compare", str(corpus), "--out", str(Path(tmp) / "out"),
             "--jobs", str(args.jobs)],
            capture_output=True, text=True,
        )
        total = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"compare failed:\n{result.stderr[-2000:]}")
    done = sorted(m.groups() for m in map(_DONE.match, map(str.strip, result.stdout.splitlines())) if m)
    for name, seconds in done:  # in notebook order, though 02-05 finish in any order
        print(f"{name:<16} {float(seconds):8.1f} s")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{'total':<16} {total:8.1f} s wall clock (notebooks 02-05 run {args.jobs} at a time)")
    print(f"{'peak memory':<16} {peak:8.0f} MB (largest single process)")


if __name__ == "__main__":
    main()
