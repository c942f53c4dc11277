"""Attribution rules: who speaks a quotation (a reporting verb, "according to", a pronoun, a name)."""

from __future__ import annotations

import re

from analysis.measures.terms import STOP_WORDS

# Verbs that attribute words to a speaker. "according to" is handled apart: its
# speaker follows it.
_REPORTING = (
    r"(?:says|said|say|saying|wrote|writes|written|told|tells|stated|states|added|adds|noted|notes"
    r"|explained|explains|argued|argues|claimed|claims|reported|reports|reporting|accused|accuses|accuse"
    r"|warned|warns|insisted|insists|declared|declares|announced|announces|asked|asks|urged|urges"
    r"|called\s+for|calls\s+for|call\s+for|acknowledged|admitted|concluded|concludes|recalled|replied"
    r"|described|describes|quoted|continued|continues|emphasi[sz]ed|stressed)"
)
_REPORTING_RE = re.compile(rf"(?<!\w){_REPORTING}(?!\w)", re.IGNORECASE)
_ACCORDING_RE = re.compile(r"(?<!\w)according\s+to(?!\w)", re.IGNORECASE)
_PRONOUN_RE = re.compile(r"(?<!\w)(he|she|they|it|the\s+company|the\s+firm)(?!\w)", re.IGNORECASE)
_GAP_PUNCT = re.compile(r"[,;:.!?\"\u201c\u201d]")
_HEAD_STOP = re.compile(r"[\"\u201c\u201d.!?;]")
# words that may stand between a name and the reporting verb after it ("Rosa Okafor also said")
_NAME_GAP_BEFORE = frozenset(
    """also has have had later then previously recently once again further first earlier publicly separately
    would will did does has also had already subsequently additionally""".split()
)
# words that may stand between a reporting verb and the name after it ("told reporters Rosa Okafor")
_NAME_GAP_AFTER = frozenset(["the", "reporters", "journalists", "us"])
_WORD_AFTER = re.compile(r"[ \u00a0]+([^\W\d_]+)")


def _speakers_before(mentions: list[tuple], pos: int) -> list[tuple]:
    return [m for m in mentions if m[1] <= pos]


def _resolve_pronoun(word: str, mentions: list[tuple], pos: int, sentence_of) -> tuple[str, str] | None:
    """The actor a pronoun at ``pos`` refers back to, or ``None``."""
    earlier = _speakers_before(mentions, pos)
    w = " ".join(word.lower().split())
    if w in ("he", "she"):
        want = ("person",)
    elif w == "they":
        want = ("group", "government")
    else:
        want = ("company",)
    cands = [m for m in earlier if m[4] in want]
    if not cands:
        return None
    if w == "they":
        # the first group named in the latest sentence naming one: subjects come first
        last_sentence = sentence_of(cands[-1][0])
        cands = [m for m in cands if sentence_of(m[0]) == last_sentence]
        return cands[0][3], cands[0][3]
    return cands[-1][3], cands[-1][3]


def _name_gap(gap: str, allowed: frozenset, most: int) -> bool:
    """Whether ``gap`` between a name and a reporting verb is only a few of the ``allowed`` words."""
    if _GAP_PUNCT.search(gap):
        return False
    words = gap.split()
    return len(words) <= most and all(w in allowed or (w.endswith("ly") and w.islower()) for w in words)


def _subject_near(text: str, verb_start: int, verb_end: int, offset: int, mentions, sentence_of, *, inverted: bool,
                  names=(), antecedents=None):
    """The actor named (or pronoun) just before a reporting verb, else just after it.

    ``text`` is a raw span starting at file offset ``offset``. ``names`` are
    :func:`_name_mentions` of the article: a name is accepted where an actor is, the
    one nearer the verb winning, but only with nothing between it and the verb but a
    few auxiliaries and adverbs (``also``, ``has``, ``publicly``) before it, or
    ``the``/``reporters`` after it. ``antecedents`` (default ``mentions``) are what a
    pronoun may refer back to. Returns ``(speaker, cue)`` or ``None``.
    """
    window_before = text[max(0, verb_start - 60):verb_start]
    if not inverted:
        for m in reversed([m for m in mentions if offset <= m[0] and m[1] <= offset + verb_start]):
            gap = text[m[1] - offset:verb_start]
            if len(gap.split()) <= 3 and not _GAP_PUNCT.search(gap):
                found = m
                break
        else:
            found = None
        for m in reversed([m for m in names if offset <= m[0] and m[1] <= offset + verb_start]):
            if found is not None and m[0] < found[0]:
                break
            if not m[5] and _name_gap(text[m[1] - offset:verb_start], _NAME_GAP_BEFORE, 3):
                found = m
                break
        if found is not None:
            return found[3], text[found[0] - offset:verb_end]
        pron = list(_PRONOUN_RE.finditer(window_before))
        if pron:
            p = pron[-1]
            gap = window_before[p.end():]
            if len(gap.split()) <= 2 and not _GAP_PUNCT.search(gap):
                resolved = _resolve_pronoun(p.group(), mentions if antecedents is None else antecedents,
                                            offset + verb_start, sentence_of)
                if resolved:
                    cue_start = verb_start - len(window_before) + p.start()
                    return resolved[0], text[cue_start:verb_end]
    for m in [m for m in mentions if m[0] >= offset + verb_end]:
        gap = text[verb_end:m[0] - offset]
        if len(gap.split()) <= 1 and not _GAP_PUNCT.search(gap):
            return m[3], text[verb_start:m[1] - offset]
        break
    for m in [m for m in names if m[0] >= offset + verb_end]:
        # not a name modifying a noun: 'said White House officials'
        follow = _WORD_AFTER.match(text, m[1] - offset)
        if (not m[5] and _name_gap(text[verb_end:m[0] - offset], _NAME_GAP_AFTER, 1)
                and not (follow and follow.group(1).islower() and follow.group(1) not in STOP_WORDS)):
            return m[3], text[verb_start:m[1] - offset]
        break
    return None


def _attribute(lead: str, lead_offset: int, trail: str, trail_offset: int, sentence_text: str, sentence_offset: int,
               mentions, sentence_of, names=(), antecedents=None):
    """Find a quotation's speaker: ``(speaker, cue, rule)`` or ``None``."""
    near = {"names": names, "antecedents": antecedents}
    # 1. a reporting verb just after the quotation: '..." he wrote', '..." according to X'
    head = trail[:80]
    stop = _HEAD_STOP.search(head.lstrip(" ,:\u2019'\u201d\""))
    head = head[: (stop.start() + len(head) - len(head.lstrip(" ,:\u2019'\u201d\""))) if stop else len(head)]
    acc = _ACCORDING_RE.search(head)
    if acc:
        found = _subject_near(trail, acc.start(), acc.end(), trail_offset, mentions, sentence_of, inverted=True, **near)
        if found:
            return found[0], found[1], "according to"
    for verb in _REPORTING_RE.finditer(head):
        found = _subject_near(trail, verb.start(), verb.end(), trail_offset, mentions, sentence_of, inverted=False,
                              **near)
        if found:
            return found[0], found[1], "reporting verb"
    # 2. a reporting verb in the words leading up to it: 'Krishna said in his letter: "...'
    for verb in reversed(list(_REPORTING_RE.finditer(lead))):
        found = _subject_near(lead, verb.start(), verb.end(), lead_offset, mentions, sentence_of, inverted=False,
                              **near)
        if found:
            return found[0], found[1], "reporting verb"
    # 3. 'according to X' or 'X reports' anywhere in the sentence
    for acc in _ACCORDING_RE.finditer(sentence_text):
        found = _subject_near(sentence_text, acc.start(), acc.end(), sentence_offset, mentions, sentence_of,
                              inverted=True, **near)
        if found:
            return found[0], found[1], "according to"
    for verb in _REPORTING_RE.finditer(sentence_text):
        found = _subject_near(sentence_text, verb.start(), verb.end(), sentence_offset, mentions, sentence_of,
                              inverted=False, **near)
        if found:
            return found[0], found[1], "reporting verb"
    return None
