"""Quotation spans: where quote marks open and close a quotation in a paragraph."""

from __future__ import annotations

import re

_OPEN_DOUBLE = "\u201c\u201e\u00ab"
_CLOSE_DOUBLE = "\u201d\u00bb"
_OPEN_SINGLE = "\u2018"
_CLOSE_SINGLE = "\u2019"
_OPENERS_BEFORE = " \t([{\u2014\u2013-/" + _OPEN_DOUBLE + _OPEN_SINGLE


# where _quote_spans has something to decide: a character that may open a quotation
_QUOTE_CHAR = re.compile("[" + _OPEN_DOUBLE + _OPEN_SINGLE + "'\"\u201d]")
# the end of a double quotation: a closing mark, or a new opening mark after a space (the earlier
# quotation was never closed)
_DOUBLE_END = re.compile("[" + _CLOSE_DOUBLE + '"]|(?<=\\s)[' + _OPEN_DOUBLE + "]")
_SINGLE_CLOSE = re.compile(r"(?<=[^\s])['\u2019](?![^\W_])")
_DOUBLE_MARKS = _OPEN_DOUBLE + _CLOSE_DOUBLE + '"'


def _quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """Quoted spans in one paragraph: ``(content start, content end, closed)``.

    Double quotes, straight or typographic, may span sentences. Single quotes count
    only as a pair (an apostrophe such as ``IBM’s`` or ``don't`` has letters on
    both sides and is never a quote mark); single quotes inside double quotes are
    nested and belong to the outer quotation.
    """
    spans = []
    n = len(text)
    find = _QUOTE_CHAR.search
    m = find(text)
    while m is not None:
        i = m.start()
        ch = text[i]
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        opens_double = ch in _OPEN_DOUBLE or (
            ch in '"\u201d' and (before in _OPENERS_BEFORE or before.isspace()) and not after.isspace()
        )
        if opens_double:
            end = _DOUBLE_END.search(text, i + 1)
            if end is None or text[end.start()] in _OPEN_DOUBLE:
                j = n if end is None else end.start()
                spans.append((i + 1, j, False))
                m = find(text, j)
            else:
                close = end.start()
                spans.append((i + 1, close, True))
                m = find(text, close + 1)
            continue
        if ch in _OPEN_SINGLE + "'" and (before in _OPENERS_BEFORE or before.isspace()) and after.isalnum():
            c = _SINGLE_CLOSE.search(text, i + 1)
            if c and not any(d in text[i:c.start()] for d in _DOUBLE_MARKS):
                spans.append((i + 1, c.start(), True))
                m = find(text, c.end())
                continue
        m = find(text, i + 1)
    return spans
