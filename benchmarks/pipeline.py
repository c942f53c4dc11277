"""How fast is the whole pipeline on a large corpus? Prints one line per stage.

    python benchmarks/pipeline.py                      # 10,000 synthetic articles, 20 outlets, 2 processes
    python benchmarks/pipeline.py --articles 1000 --jobs 1

Builds a seeded synthetic corpus (analysis/synthetic.py, about 40 MB of text for
10,000 articles) as a JSON-lines table, then times each stage of the pipeline on it:
loading (reading, line roles, normalisation, sentence splitting, language and
near-duplicate checks), both tone instruments, frame detection, actor mentions and
quote extraction. For each stage it prints the characters of text per second, then the
total time and the peak memory of this process and its workers. Figures, not
assertions: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
import warnings
from pathlib import Path

from analysis import load_corpus
from analysis.execution import map_articles, map_corpus
from analysis.lexicons import codebook_files, lexicon_paths, load_codebook
from analysis.lexicons.actors import load_actors
from analysis.measures.actors import actor_mentions
from analysis.measures.frames import detect_frames
from analysis.measures.quotes import extract_quotes
from analysis.measures.tone import score_sentences
from analysis.synthetic import write_corpus


def _peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, workers


def _textblob_only(sentences):
    return score_sentences(sentences, methods=("textblob",))


def _vader_only(sentences):
    return score_sentences(sentences, methods=("vader",))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--outlets", type=int, default=20)
    parser.add_argument("--jobs", type=int, default=2, help="processes (default 2, the cores of the reference machine)")
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args()
    warnings.simplefilter("ignore")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        info = write_corpus(path, n_articles=args.articles, n_outlets=args.outlets, seed=args.seed)
        print(f"corpus: {info['articles']:,} articles, {info['outlets']} outlets, "
              f"{info['chars'] / 1e6:.1f} M characters ({info['bytes'] / 2**20:.1f} MiB); {args.jobs} process(es)")
        codebook = load_codebook(codebook_files())
        actors = load_actors(lexicon_paths()["actors"])
        rows = []
        total_start = time.perf_counter()

        def stage(name, func, chars):
            t0 = time.perf_counter()
            result = func()
            seconds = time.perf_counter() - t0
            n = len(getattr(result, "sentences", result))
            rows.append((name, seconds))
            print(f"  {name:<36} {seconds:7.1f} s  {chars / seconds / 1e6:6.2f} M chars/s  {n:>9,} rows",
                  flush=True)
            return result

        full = stage("load: read, roles, normalise, split", lambda: load_corpus(
            path, corrections=None, n_jobs=args.jobs), info["chars"])
        sentences = full.sentences
        body_chars = int(sentences["text"].str.len().sum())
        stage("tone: TextBlob", lambda: map_articles(_textblob_only, sentences, n_jobs=args.jobs), body_chars)
        stage("tone: VADER", lambda: map_articles(_vader_only, sentences, n_jobs=args.jobs), body_chars)
        stage("frames: detect_frames", lambda: map_articles(detect_frames, sentences, n_jobs=args.jobs,
                                                            codebook=codebook), body_chars)
        stage("actors: actor_mentions", lambda: map_articles(actor_mentions, sentences, n_jobs=args.jobs,
                                                             actors=actors), body_chars)
        stage("quotes: extract_quotes", lambda: map_corpus(extract_quotes, full, n_jobs=args.jobs,
                                                           actors=actors), body_chars)
        measured = sum(r[1] for r in rows)
        own, workers = _peak_mb()
        print(f"total: {measured:.1f} s for {info['articles']:,} articles "
              f"({info['chars'] / measured / 1e6:.2f} M chars/s; wall clock {time.perf_counter() - total_start:.1f} s)")
        print(f"peak memory: {own:,.0f} MB in the main process, {workers:,.0f} MB in the largest worker")


if __name__ == "__main__":
    main()
