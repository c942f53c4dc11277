"""Fixtures of the quotation tests: the seed articles and their quotations, and quotations of invented paragraphs."""

from __future__ import annotations

import pytest

from analysis import load_corpus
from analysis.measures.quotes import extract_quotes


@pytest.fixture(scope="module")
def seed():
    """The two real seed articles, read by the corpus loader."""
    return load_corpus()


@pytest.fixture(scope="module")
def seed_quotes(seed, actors):
    return extract_quotes(seed, actors=actors)


@pytest.fixture(scope="module")
def quotes_of(corpus_of, actors):
    """The quotations of one invented article: ``quotes_of(*paragraphs, outlet="Test")``."""

    def quotes_of(*paragraphs: str, outlet: str = "Test"):
        return extract_quotes(corpus_of({outlet: list(paragraphs)}), actors=actors)

    return quotes_of
