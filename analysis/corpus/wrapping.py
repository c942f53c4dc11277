"""Hard-wrapped text (e-mail, plain-text archives, copied terminals) re-joined into paragraphs.

A hard-wrapped article breaks every paragraph into lines of about the same length; read line by
line, its short lines look like headings and its sentences are cut in two. :func:`wrap_width`
says whether a text is wrapped, and at what width; :func:`rejoin_hard_wrapped` groups its lines
into paragraphs. Text written one paragraph per line is left as it is.
"""

from __future__ import annotations

import re

__all__ = ["rejoin_hard_wrapped", "wrap_width"]

_SENTENCE_END = re.compile(r"[.!?:;\"'\u201d\u2019)\u2026]$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*\u2022\u2013]|\d{1,3}[.)])\s+")


def _followed(lines: list[str]) -> list[int]:
    """Lines that have a non-blank line right after them (the only lines a wrap can break)."""
    return [i for i in range(len(lines) - 1) if lines[i].strip() and lines[i + 1].strip()]


def wrap_width(lines: list[str], *, min_lines: int = 4) -> int | None:
    """The width a text was hard-wrapped at, or ``None`` if it was not hard-wrapped.

    A wrapped text has at least ``min_lines`` lines followed directly by another line whose
    lengths cluster just under one width (the longest length that three or more of them come
    within 15 characters of); and most of those lines break mid-sentence, some before a word in
    lower case. Ordinary text, one paragraph per line, breaks only after sentences.

    >>> wrap_width(["The council voted on Tuesday to ban the", "cameras that police had used since 2018,",
    ...             "ending a debate that had run for two years", "and divided residents of the city."])
    42
    >>> wrap_width(["A first paragraph.", "A second paragraph, on its own line."]) is None
    True
    """
    followed = _followed(lines)
    if len(followed) < min_lines - 1:
        return None
    lengths = [len(lines[i].rstrip()) for i in followed]
    near = [n for n in lengths if sum(1 for m in lengths if n - 15 <= m <= n) >= 3]
    if not near:
        return None
    width = max(near)
    full = [i for i in followed if width - 15 <= len(lines[i].rstrip()) <= width]
    mid_sentence = [i for i in followed if not _SENTENCE_END.search(lines[i].rstrip())]
    lower_next = [i for i in mid_sentence if lines[i + 1].lstrip()[:1].islower()]
    if len(full) / len(followed) < 0.6 or len(mid_sentence) / len(followed) < 0.4 or not lower_next:
        return None
    return width


def rejoin_hard_wrapped(lines: list[str], *, width: int | None = None) -> list[list[int]]:
    """Paragraphs of a text as groups of line indices (blank lines belong to none).

    In hard-wrapped text (see :func:`wrap_width`, or pass ``width``) a line joins the next one
    when the next line's first word would not have fitted on it, or when it breaks mid-sentence
    before a word in lower case; a blank line, a list item, an indented line or a line that
    stops short ends a paragraph. Otherwise every non-blank line is a paragraph of its own.
    Without blank lines or indents, a paragraph whose last line happens to fill the width runs
    on into the next one.

    >>> rejoin_hard_wrapped(["A Short Headline", "", "The council voted on Tuesday to ban the",
    ...                      "cameras that police had used since 2018,", "ending a debate that had run for two years",
    ...                      "and divided residents of the city."])
    [[0], [2, 3, 4, 5]]
    """
    width = width or wrap_width(lines)
    groups: list[list[int]] = []
    previous = None
    for i, line in enumerate(lines):
        if not line.strip():
            previous = None
            continue
        if previous is not None and width and _continues(lines[previous], line, width):
            groups[-1].append(i)
        else:
            groups.append([i])
        previous = i
    return groups


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _continues(before: str, line: str, width: int) -> bool:
    if _LIST_ITEM.match(line) or _indent(line) > _indent(before):
        return False  # a list item, or an indented first line, starts a paragraph
    first_word = line.split()[0]
    if len(before.rstrip()) + 1 + len(first_word) > width:
        return True  # the writer did not break here: the word would not have fitted
    return line.lstrip()[:1].islower() and not _SENTENCE_END.search(before.rstrip()) and len(before.split()) > 3
