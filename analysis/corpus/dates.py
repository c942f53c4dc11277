"""Dates written in the text of an article, read with dateparser, each with its evidence.

:func:`find_dates` finds datelines, "Published June 9, 2020", "Updated: 09/06/2020 10:31", ISO
dates and dates in sentences. Candidates are found with a narrow pattern (a month name, or
three numbers, next to each other) and read with ``dateparser`` (pinned in the lock file), so
"in May" or "the 2020 budget" are never dates. A numeric date whose day and month could be
swapped (``01/02/2020``) is read only when the text itself shows the order (another date such as
``13/02/2020``) or the caller gives it; otherwise it is reported as ambiguous, not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

__all__ = ["FoundDate", "DATE_TEXT", "find_dates", "starts_with_date"]

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?-i:[A-Z]{2,5}|Z)\b)?)"
_NUMERIC = r"(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?!\d)"
# One written date: what the reader sees as a date, with its weekday and time if they are there.
DATE_TEXT = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?:"
    rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{4}/\d{2}/\d{2}"
    rf"|{_NUMERIC})(?:{_TIME})?(?!\w)", re.IGNORECASE)
_ISO = re.compile(r"^\d{4}[-/]\d{2}[-/]\d{2}")
_LABEL = re.compile(r"(?:(?P<updated>(?:last\s+)?(?:updated|modified|edited|revised))|(?P<published>(?:first\s+)?published|posted"
                    r"|created|released|date(?:d)?))\s*(?:on|at)?\s*:?\s*[\W_]*$", re.IGNORECASE)
# "LONDON, June 9 (Reuters) -": a place in capitals, perhaps a date, perhaps an agency, a dash
_DATELINE = re.compile(rf"^(?P<place>[A-Z][A-Z .'\u2019-]{{2,}}(?:,\s*[A-Z][\w.]+\.?)*),?\s+(?:(?P<date>{_MONTH}\s+\d{{1,2}}"
                       rf"(?:,?\s+\d{{4}})?)\s*)?(?:\((?P<agency>[A-Za-z .]+)\)\s*)?[-\u2013\u2014]\s+\S", re.IGNORECASE)
_HEADER_LEFTOVER = re.compile(r"^[\s|,\u00b7\u2022\u2013\u2014:-]*$")
_SETTINGS = {"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past",
             # a fixed base keeps two-digit years and missing parts the same on every machine
             "RELATIVE_BASE": datetime(2050, 1, 1)}


@dataclass(frozen=True)
class FoundDate:
    """One date written in the text.

    ``line_no`` counts from 0; ``start``/``end`` are offsets in that line, so ``lines[line_no][start:end]``
    is ``text``. ``value`` is ``None`` when ``status`` is ``"ambiguous"`` or ``"no year"``. ``kind``
    is ``published``, ``updated``, ``dateline``, ``date header`` (a line that is only a date),
    ``byline`` or ``in text``.
    """

    line_no: int
    start: int
    end: int
    text: str
    value: datetime | None
    kind: str
    status: str
    evidence: str


def starts_with_date(line: str) -> re.Match | None:
    """The date a line opens with ("Tuesday, June 9, 2020 …"), or ``None``.

    >>> starts_with_date("Tuesday, June 9, 2020 IBM Ends Sales").group()
    'Tuesday, June 9, 2020'
    >>> starts_with_date("IBM Ends Sales") is None
    True
    """
    m = DATE_TEXT.search(line)
    return m if m and not line[: m.start()].strip(" |\u00b7\u2022") else None


def _order_shown(numeric: list[re.Match]) -> tuple[str | None, str]:
    """Day-month order that the text's own numeric dates show (a part above 12), and where."""
    dmy = [m.group() for m in numeric if int(m.group("a")) > 12 >= int(m.group("b"))]
    mdy = [m.group() for m in numeric if int(m.group("b")) > 12 >= int(m.group("a"))]
    if dmy and not mdy:
        return "DMY", f"day first, as in {dmy[0]}"
    if mdy and not dmy:
        return "MDY", f"month first, as in {mdy[0]}"
    return None, ""


def find_dates(lines: list[str] | str, *, date_order: str | None = None, max_lines: int | None = None) -> list[FoundDate]:
    """Dates written in the text, in order, with what kind of date each is and the evidence.

    ``date_order`` (``"DMY"`` or ``"MDY"``) settles numeric dates that the text leaves open,
    for an outlet known to write one order; ``max_lines`` limits the search to the first lines
    (a publication date is near the top). Dates are read as English.

    >>> [(d.text, str(d.value), d.kind) for d in find_dates(["A Headline", "Published June 9, 2020"])]
    [('June 9, 2020', '2020-06-09 00:00:00', 'published')]
    >>> [(d.text, d.value, d.status) for d in find_dates("Updated: 01/02/2020")]
    [('01/02/2020', None, 'ambiguous')]
    """
    if date_order not in (None, "DMY", "MDY"):
        raise ValueError(f"date_order '{date_order}' is not 'DMY' or 'MDY'")
    if isinstance(lines, str):
        lines = lines.splitlines()
    if max_lines is not None:
        lines = lines[:max_lines]
    found = [(i, m) for i, line in enumerate(lines) for m in DATE_TEXT.finditer(line)]
    numeric = [m for _, m in found if m.group("a")]
    shown, shown_where = _order_shown(numeric)
    out = []
    for i, line in enumerate(lines):
        d = _dateline(line, i)
        if d:
            out.append(d)
    for i, m in found:
        line = lines[i]
        span = _trim(m.group())
        start = m.start() + m.group().index(span)
        kind, label = _kind(line, m.start(), m.end())
        order, why = None, ""
        if m.group("a"):
            a, b = int(m.group("a")), int(m.group("b"))
            if a > 12 or b > 12 or a == b:
                order, why = ("DMY" if a > 12 else "MDY"), "day and month cannot be swapped"
            elif date_order:
                order, why = date_order, f"{date_order} order given for this outlet"
            elif shown:
                order, why = shown, f"the text writes {shown_where}"
            else:
                out.append(FoundDate(i, start, start + len(span), span, None, kind, "ambiguous",
                                     f"line {i + 1}: '{span}' could be day {a} of month {b} or day {b} of month {a};"
                                     " nothing in the text says which"))
                continue
        elif _ISO.match(span):
            order, why = "YMD", "year-month-day (ISO)"
        value = _parse(span, order)
        if value is None:
            continue
        evidence = f"line {i + 1}: '{span}'" + (f" after '{label}'" if label else "") + (f"; {why}" if why else "")
        out.append(FoundDate(i, start, start + len(span), span, value, kind, "ok", evidence))
    out.sort(key=lambda d: (d.line_no, d.start))
    return out


def _dateline(line: str, i: int) -> FoundDate | None:
    m = _DATELINE.match(line)
    if not m or not m.group("date") or re.search(r"\d{4}", m.group("date")):
        return None  # a date with its year is read by the main search; a place and a dash alone is no date
    span = m.group("date")
    if _parse(span, None, parts=("day", "month")) is None:
        return None
    return FoundDate(i, m.start("date"), m.end("date"), span, None, "dateline", "no year",
                     f"line {i + 1}: '{span}' in the dateline '{m.group('place').strip()}, {span}' gives day and month, "
                     "not the year")


def _trim(span: str) -> str:
    return span.strip(" ,")


def _kind(line: str, start: int, end: int) -> tuple[str, str]:
    before, after = line[:start], line[end:]
    label = _LABEL.search(before)
    if label:
        return ("updated" if label.group("updated") else "published"), label.group().strip(" :|")
    if re.match(r"^\s*(?:by|written by)\s+[A-Z]", after.lstrip(" |,\u00b7\u2022\u2013\u2014-"), re.IGNORECASE) or \
            re.search(r"\b(?i:by)\s+[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){0,3}[\s|,\u00b7\u2022-]*$", before):
        return "byline", ""
    if _HEADER_LEFTOVER.match(before) and _HEADER_LEFTOVER.match(re.sub(r"\b\d+\s*min(?:ute)?s?\s+read\b", "", after, flags=re.I)):
        return "date header", ""
    return "in text", ""


def _parse(span: str, order: str | None, *, parts=("day", "month", "year")) -> datetime | None:
    import dateparser  # imported here: loading its language data takes a moment, and most callers never need it

    settings = dict(_SETTINGS, REQUIRE_PARTS=list(parts))
    if order in ("DMY", "MDY", "YMD"):
        settings["DATE_ORDER"] = order
    return dateparser.parse(span, languages=["en"], settings=settings)
