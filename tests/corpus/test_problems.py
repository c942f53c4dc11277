"""Tests for analysis.corpus.problems: every error reported at once, or bad articles set aside."""

from __future__ import annotations

import pytest

from analysis import CorpusError
from tests.corpus.invented import LATIN1, _bad_corpus, load


def test_every_problem_is_listed_in_one_error(tmp_path):
    folder = _bad_corpus(tmp_path, {"a.txt": b"", "c.txt": LATIN1}, None)
    with pytest.raises(CorpusError) as err:
        load(folder)
    message = str(err.value)
    assert message.startswith("2 problem(s) in")
    assert "a.txt: empty file" in message and "c.txt line 3: not UTF-8" in message


def test_on_error_must_be_raise_or_skip(simple):
    with pytest.raises(ValueError, match="on_error"):
        load(simple, on_error="ignore")
