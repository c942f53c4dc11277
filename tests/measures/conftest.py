"""Fixtures of the actors, aspects and quotations tests: the actors lexicon and small invented articles."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from analysis.corpus.text import normalise, split_sentences
from analysis.lexicons.actors import load_actors


def make_sentences(article_id: str, outlet: str, paragraphs: list[str]) -> pd.DataFrame:
    """A small sentences table in the contract's shape, built from invented paragraphs.

    Paragraphs are joined by blank lines so that ``start``/``end`` are offsets in
    that joined "file", as the corpus loader gives them.
    """
    rows, offset, n = [], 0, 0
    for p_no, para in enumerate(paragraphs, start=1):
        for a, b in split_sentences(para):
            n += 1
            raw = para[a:b]
            norm = normalise(raw)
            rows.append(
                {
                    "article_id": article_id,
                    "outlet": outlet,
                    "paragraph_no": p_no,
                    "sentence_no": n,
                    "sentence_id": f"{article_id}-s{n:03d}",
                    "text": norm.text,
                    "start": offset + a,
                    "end": offset + b,
                    "raw": raw,
                    "edits": norm.edits,
                }
            )
        offset += len(para) + 2
    return pd.DataFrame(rows)


def make_corpus(articles: dict[str, list[str]], *, titles: dict[str, str] | None = None) -> SimpleNamespace:
    """A corpus-like object (lines, sentences, headlines, texts) from invented articles.

    ``articles`` maps an outlet to its body paragraphs; each outlet has one article,
    whose file is its title line, a blank line, then the paragraphs separated by
    blank lines.
    """
    lines, sentences, headlines, texts = [], [], [], {}
    for outlet, paragraphs in articles.items():
        aid = outlet.lower()
        title = (titles or {}).get(outlet, f"A headline from {outlet}")
        file_lines = [(title, "title")]
        for para in paragraphs:
            file_lines += [("", "blank"), (para, "body")]
        pos, p_no, s_no = 0, 0, 0
        for line_no, (text, role) in enumerate(file_lines, start=1):
            lines.append({"article_id": aid, "line_no": line_no, "text": text, "eol": "\n", "start": pos,
                          "end": pos + len(text), "role": role, "reason": "test"})
            if role == "title":
                n = normalise(text)
                headlines.append({"article_id": aid, "outlet": outlet, "paragraph_no": 0, "sentence_no": 0,
                                  "sentence_id": f"{aid}-h", "text": n.text, "start": pos, "end": pos + len(text),
                                  "raw": text, "edits": n.edits})
            if role == "body":
                p_no += 1
                for a, b in split_sentences(text):
                    s_no += 1
                    n = normalise(text[a:b])
                    sentences.append({"article_id": aid, "outlet": outlet, "paragraph_no": p_no,
                                      "sentence_no": s_no, "sentence_id": f"{aid}-s{s_no:03d}", "text": n.text,
                                      "start": pos + a, "end": pos + b, "raw": text[a:b], "edits": n.edits})
            pos += len(text) + 1
        texts[aid] = "".join(text + "\n" for text, _ in file_lines)
    return SimpleNamespace(
        lines=pd.DataFrame(lines), sentences=pd.DataFrame(sentences), headlines=pd.DataFrame(headlines),
        texts=texts, normalisations=pd.DataFrame(columns=["article_id", "kind", "raw", "normalised", "reason"]),
    )


@pytest.fixture(scope="module")
def actors():
    return load_actors()


@pytest.fixture(scope="session")
def sentences_of():
    """:func:`make_sentences`: a sentences table from invented paragraphs."""
    return make_sentences


@pytest.fixture(scope="session")
def corpus_of():
    """:func:`make_corpus`: a corpus-like object from invented articles, one per outlet."""
    return make_corpus
