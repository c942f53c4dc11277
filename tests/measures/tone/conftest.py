"""Shared test material for the tone tests: invented sentences, the seed articles' sentences, a synthetic corpus.

Fixtures rather than imports, since pytest's importlib mode does not let test modules import each other.
``bundled_text`` runs a test once per seed-article and invented sentence; ``bundled_or_emoji_text`` adds
a sentence with emoji.
"""

from __future__ import annotations

import functools
import random

import pandas as pd
import pytest

from analysis.corpus.text import normalise, split_sentences
from analysis.measures.tone import mask_untoned
from analysis.paths import DATA_RAW

INVENTED = [
    "The protest was peaceful and the response was fair.",
    "The crackdown was violent, brutal and deeply unfair!",
    "The plan is not very good, but the intent is great.",
    "It is NOT a good idea, and it is REALLY bad.",
    "Nothing here is wonderful :) or awful :(",
    "The letter was sent on Tuesday.",
    "",
]


def _sentences(texts, outlet="X", article_id="a") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "sentence_id": [f"{article_id}-s{i + 1:03d}" for i in range(len(texts))],
            "article_id": article_id,
            "outlet": outlet,
            "text": list(texts),
        }
    )


def _real_sentences() -> list[str]:
    """Every sentence of every non-blank line of the seed articles, in matching form."""
    out = []
    for path in sorted(DATA_RAW.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = normalise(line).text.strip()
            out.extend(text[a:b] for a, b in split_sentences(text))
    return out


REAL = _real_sentences()


@functools.lru_cache(maxsize=1)
def _synthetic_sentences(n_articles: int = 2000) -> tuple[str, ...]:
    """Every body sentence of the benchmark's seeded synthetic corpus, in matching form."""
    from analysis.synthetic import make_article

    r = random.Random(2020)
    out = []
    for _ in range(n_articles):
        for paragraph in make_article(r)["paragraphs"]:
            text = normalise(paragraph).text.strip()
            out.extend(text[a:b] for a, b in split_sentences(text))
    return tuple(out)


def pytest_generate_tests(metafunc):
    if "bundled_text" in metafunc.fixturenames:
        metafunc.parametrize("bundled_text", REAL + INVENTED)
    if "bundled_or_emoji_text" in metafunc.fixturenames:
        metafunc.parametrize("bundled_or_emoji_text", REAL + INVENTED + ["I love it 💘 but hate it 😁"])


@pytest.fixture
def make_sentences():
    """A sentences table (``sentence_id, article_id, outlet, text``) of the texts given, one article."""
    return _sentences


@pytest.fixture
def real_sentences() -> list[str]:
    return list(REAL)


@pytest.fixture
def invented() -> list[str]:
    return list(INVENTED)


@pytest.fixture(scope="session")
def synthetic_masked() -> tuple[str, ...]:
    """Every body sentence of a 2,000-article synthetic corpus, masked."""
    return tuple(mask_untoned(t)[0] for t in _synthetic_sentences())
