"""The title of an article chosen from evidence in its first lines.

A scraped page often opens with a menu word, a preloader label ("Loading..."), a section
breadcrumb ("News > Tech"), a date header ("Tuesday, June 9, 2020") or a photo caption before the
headline. :func:`choose_title` passes over those, says why for each, and takes the headline-like
line near the top: short, not a sentence, in Title Case, capitals or sentence case.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from analysis.corpus.clutter import clutter_reason
from analysis.corpus.dates import DATE_TEXT, starts_with_date

__all__ = ["TitleChoice", "choose_title"]


class TitleChoice(NamedTuple):
    """``index`` of the title line (``None`` if no line qualifies), ``start`` of the title within
    it (after a date header or breadcrumb fused to it), and the evidence for the choice."""

    index: int | None
    start: int
    evidence: str


_LABEL = re.compile(
    r"^(?:loading|please wait|menu|search|close|open|skip|toggle|javascript|cookies?|we use cookies|accept(?: all)?"
    r"|advertisement|ad|sponsored(?: content)?|breaking(?: news)?|live(?: updates)?|exclusive|watch|listen|video|audio"
    r"|podcast|opinion|analysis|updated?|news|home|share|print|comments?|main navigation|navigation)\b[\s.\u2026!:|-]*$",
    re.IGNORECASE)
_BYLINE = re.compile(r"^(?i:by|written by)\s+[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*|de|van|von|da|del|la|le)){0,3}"
                     r"(?:\s*(?:,|\band\b|&|\||\u00b7|\u2022).*)?$")
_DATE_LABEL = re.compile(r"^(?:(?:last\s+)?updated|published|posted|modified|first published)\b", re.IGNORECASE)
_READING_TIME = re.compile(r"^\d+\s*-?\s*min(?:ute)?s?\.?\s+read\b", re.IGNORECASE)
_CRUMB = re.compile(r"\s*(?:>|\u203a|\u00bb|/)\s*")
_LINK = re.compile(r"https?://|www\.|\S+@\S+\.\w+")
_SMALL = frozenset("a an the and or nor but of in on at to for by with from as vs via over into per up out off".split())
_SKIP = " |,\u00b7\u2022\u2013\u2014:-"


def _shape(s: str) -> str | None:
    """``Title Case``, ``capitals`` or ``sentence case``, or ``None`` for a line no headline looks like."""
    words = re.findall(r"[^\W\d_][\w'\u2019.-]*", s)
    if not words or not (s[0].isupper() or s[0].isdigit() or (s[0] in "\"'\u201c\u2018" and s[1:2].isupper())):
        return None
    if s.upper() == s and len(words) > 1:
        return "capitals"
    content = [w for w in words[1:] if w.lower() not in _SMALL]
    if content and sum(w[0].isupper() for w in content) / len(content) >= 0.75:
        return "Title Case"
    return "sentence case"


def _headline(s: str) -> tuple[str | None, str]:
    """(shape, "") for a headline-like line, else (None, why not)."""
    n = len(s.split())
    if s.endswith(".") and not s.endswith(".."):
        return None, "ends with a full stop (a sentence)"
    if s.endswith(":"):
        return None, "ends with a colon (a lead-in)"
    if n > 30:
        return None, f"{n} words, too long for a headline"
    if len(re.findall(r"[.!?]\s+[A-Z]", s)) >= 1:
        return None, "more than one sentence"
    if _LINK.search(s):
        return None, "a link or e-mail address"
    shape = _shape(s)
    if shape is None:
        return None, "starts in lower case"
    return shape, ""


def _is_paragraph(s: str) -> bool:
    n = len(s.split())
    end = s.rstrip("\"'\u201d\u2019)")
    return (n >= 12 and end.endswith(".")) or (n >= 20 and end.endswith(("!", "?"))) or \
        len(re.findall(r"[.!?]\s+[A-Z]", s)) >= 2


def choose_title(lines: list[str], *, max_lines: int = 12) -> TitleChoice:
    """The title line of an article, chosen from evidence in its first ``max_lines`` non-blank lines.

    Candidates stand before the first paragraph. A line is passed over if it is clutter
    (navigation, a caption or credit, …), a preloader or section label, a date header, a byline,
    a breadcrumb, a sentence, or too long; a date header or breadcrumb fused to a headline is
    cut off (``start``). Of the lines left, a headline of six words or more is preferred to a
    shorter line, and Title Case or capitals to sentence case; each later line gives up a little.

    >>> choose_title(["Menu", "Loading...", "News > Tech", "Tuesday, June 9, 2020",
    ...               "IBM Ends Sales of Face-Matching Software", "",
    ...               "The company said on Monday that it would stop selling the software to police forces."])
    ... # doctest: +NORMALIZE_WHITESPACE
    TitleChoice(index=4, start=0, evidence="line 5: Title Case, 6 words, no full stop, near the top; passed over
    line 1 (navigation: menu word 'Menu'), line 2 (a preloader or section label), line 3 (navigation:
    2 menu words), line 4 (a date header)")
    """
    passed: list[str] = []
    candidates: list[tuple[float, int, int, str]] = []
    seen = 0
    for i, line in enumerate(lines):
        s = line.strip()
        if not s:
            continue
        seen += 1
        if seen > max_lines or _is_paragraph(s):
            break
        offset = len(line) - len(line.lstrip())
        start, why, note = 0, "", ""
        date = starts_with_date(s)
        if clutter_reason(s, position="top") and not _crumb_title(s):
            why = clutter_reason(s, position="top")
        elif _LABEL.match(s) or _READING_TIME.match(s):
            why = "a preloader or section label"
        elif _DATE_LABEL.match(s) or (date and not s[date.end():].strip(_SKIP)):
            why = "a date header"
        elif _BYLINE.match(s):
            why = "a byline"
        elif date:
            start = date.end() + len(s[date.end():]) - len(s[date.end():].lstrip(_SKIP))
            note = ", after a date header"
        elif _crumb_title(s):
            start, note = _crumb_title(s), ", after a navigation prefix"
        elif _CRUMB.search(s) and len(_CRUMB.split(s)) >= 2 and all(len(x.split()) <= 3 for x in _CRUMB.split(s)):
            why = "a navigation prefix"
        if not why:
            rest = s[start:]
            if DATE_TEXT.search(rest) and not DATE_TEXT.sub("", rest).strip(_SKIP):
                why = "a date header"
            else:
                shape, why = _headline(rest)
        if why:
            passed.append(f"line {i + 1} ({why})")
            continue
        n = len(s[start:].split())
        score = (2 if n >= 6 else 1 if n >= 4 else 0) + (shape in ("Title Case", "capitals")) - 1.5 * len(candidates)
        candidates.append((score, i, offset + start, f"line {i + 1}: {shape}, {n} word{'s' * (n != 1)}, no full stop, "
                                                   f"near the top{note}"))
    skipped = f"; passed over {', '.join(passed)}" if passed else ""
    if not candidates:
        return TitleChoice(None, 0, "no headline-like line before the first paragraph" + skipped)
    score, i, start, evidence = max(candidates, key=lambda c: (c[0], -c[1]))
    later = [p for p in passed if int(p.split()[1]) < i + 1]
    skipped = f"; passed over {', '.join(later)}" if later else ""
    return TitleChoice(i, start, evidence + skipped)


def _crumb_title(s: str) -> int:
    """Where the headline starts in a breadcrumb that ends with it ("News > Tech > IBM Ends …"), or 0."""
    parts = _CRUMB.split(s)
    if len(parts) < 2 or not re.search(r">|\u203a|\u00bb", s):
        return 0
    head, last = parts[:-1], parts[-1]
    if all(len(p.split()) <= 3 for p in head) and len(last.split()) >= 4 and _headline(last)[0]:
        return s.rindex(last)
    return 0
