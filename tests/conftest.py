"""Fixtures shared by the tests of several folders: the shipped frame codebook and invented sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.corpus.text import normalise
from analysis.lexicons import codebook_files, load_codebook


def _make_sentences(rows) -> pd.DataFrame:
    """Sentence rows as the corpus gives them, from ``(article_id, outlet, paragraph_no, raw)``."""
    out, offset, counters = [], {}, {}
    for aid, outlet, pno, raw in rows:
        n = normalise(raw)
        counters[aid] = counters.get(aid, 0) + 1
        start = offset.get(aid, 0)
        out.append(
            {
                "article_id": aid,
                "outlet": outlet,
                "paragraph_no": pno,
                "sentence_no": counters[aid],
                "sentence_id": f"{aid}-s{counters[aid]:03d}",
                "text": n.text,
                "start": start,
                "end": start + len(raw),
                "raw": raw,
                "edits": n.edits_str,
            }
        )
        offset[aid] = start + len(raw) + 2
    return pd.DataFrame(out)


@pytest.fixture(scope="session")
def make_sentences():
    """Build sentence rows as the corpus gives them, from ``(article_id, outlet, paragraph_no, raw)``."""
    return _make_sentences


@pytest.fixture(scope="session")
def codebook():
    """The shipped frame codebook: the generic frames, then the story frames."""
    return load_codebook(codebook_files())
