"""Fixtures of the frame measures' tests."""

from __future__ import annotations

import pandas as pd
import pytest


@pytest.fixture
def two_outlets():
    """A: 4 sentences, 2 Political, 1 Economic (one of them both); B: 2 sentences, none framed."""
    s = pd.DataFrame(
        {
            "sentence_id": ["a1", "a2", "a3", "a4", "b1", "b2"],
            "article_id": ["a"] * 4 + ["b"] * 2,
            "outlet": ["A"] * 4 + ["B"] * 2,
            "paragraph_no": [1, 1, 2, 2, 1, 2],
        }
    )
    d = pd.DataFrame(
        {
            "sentence_id": ["a1", "a1", "a2", "a2"],
            "frame": ["Political", "Political", "Political", "Economic"],
        }
    )
    return s, d
