"""The seeded synthetic corpus (analysis.synthetic): reproducible, the size asked for, and loadable."""

from __future__ import annotations

import hashlib
import json
import random
import subprocess
import sys
import warnings

import pytest

from analysis import load_corpus
from analysis.synthetic import make_article, outlets, write_corpus

N_ARTICLES = 30
N_OUTLETS = 6

# sha256 of write_corpus(n_articles=25, n_outlets=5, seed=2020), computed with benchmarks/synthetic.py
# before it moved into the package: benchmark figures stay comparable only while this holds.
GOLDEN_25_5_2020 = "b13e627002879d39c2da13f46a0c9a280e5cabba1374d3fb9dd66e6d220fac49"


def _rows(path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("synthetic") / "corpus.jsonl"
    info = write_corpus(path, n_articles=N_ARTICLES, n_outlets=N_OUTLETS, seed=11)
    return path, info


def test_the_same_seed_gives_byte_identical_files(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_corpus(a, n_articles=12, n_outlets=3, seed=42)
    write_corpus(b, n_articles=12, n_outlets=3, seed=42)
    assert a.read_bytes() == b.read_bytes()
    r1, r2 = random.Random(5), random.Random(5)
    assert [make_article(r1) for _ in range(5)] == [make_article(r2) for _ in range(5)]


def test_a_different_seed_gives_different_text(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    write_corpus(a, n_articles=12, n_outlets=3, seed=42)
    write_corpus(b, n_articles=12, n_outlets=3, seed=43)
    texts_a = [row["text"] for row in _rows(a)]
    texts_b = [row["text"] for row in _rows(b)]
    assert len(texts_a) == len(texts_b) == 12
    assert all(x != y for x, y in zip(texts_a, texts_b))


def test_the_default_corpus_is_unchanged_since_the_move(tmp_path):
    path = tmp_path / "golden.jsonl"
    write_corpus(path, n_articles=25, n_outlets=5, seed=2020)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == GOLDEN_25_5_2020


def test_the_requested_numbers_of_articles_and_outlets_are_honoured(corpus_file):
    path, info = corpus_file
    rows = _rows(path)
    assert len(rows) == N_ARTICLES
    assert len({row["article_id"] for row in rows}) == N_ARTICLES
    assert {row["outlet"] for row in rows} == set(outlets(N_OUTLETS))
    assert len(outlets(N_OUTLETS)) == len(set(outlets(N_OUTLETS))) == N_OUTLETS
    assert info["articles"] == N_ARTICLES and info["outlets"] == N_OUTLETS
    assert info["bytes"] == path.stat().st_size
    assert info["chars"] == sum(len(row["text"]) for row in rows)


def test_every_record_has_text_and_an_outlet(corpus_file):
    path, _ = corpus_file
    for row in _rows(path):
        assert isinstance(row["text"], str) and row["text"].strip(), row["article_id"]
        assert isinstance(row["outlet"], str) and row["outlet"].strip(), row["article_id"]


def test_the_corpus_loads_without_warnings_exclusions_or_duplicates(corpus_file):
    path, _ = corpus_file
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        corpus = load_corpus(path, corrections=None)
    assert len(corpus.articles) == N_ARTICLES
    assert corpus.outlets == sorted(outlets(N_OUTLETS))
    # The only notes expected are "filled" ones (the author read from the byline).
    assert set(corpus.problems["level"]) <= {"filled"}
    assert (corpus.articles["excluded"] == "").all()
    assert (corpus.articles["language"] == "en").all()
    assert corpus.duplicates.empty
    assert (corpus.articles["n_sentences"] > 0).all()
    assert set(corpus.sentences["article_id"]) == set(corpus.articles["article_id"])


def test_the_command_line_writes_the_same_file(tmp_path):
    cli, direct = tmp_path / "cli.jsonl", tmp_path / "direct.jsonl"
    result = subprocess.run([sys.executable, "-m", "analysis.synthetic", "--articles", "8", "--outlets", "4",
                             "--seed", "3", "--out", str(cli)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "wrote 8 articles from 4 outlets" in result.stdout
    write_corpus(direct, n_articles=8, n_outlets=4, seed=3)
    assert cli.read_bytes() == direct.read_bytes()
