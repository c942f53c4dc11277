"""Names not in the lexicon: runs of capitalised words that may be a quotation's speaker.

A person or organisation the lexicon does not list may still be a quotation's speaker
when its name stands where an actor would be accepted: the subject of a reporting verb
("Rosa Okafor said", "said Rosa Okafor"), after "according to", and as the latest person
named, for "he"/"she". A name is a run of capitalised words read from the text, with no
parsing: it is text, not an identity.
"""

from __future__ import annotations

import bisect
import re

from analysis.measures.terms import STOP_WORDS


def _upper_class() -> str:
    """A character class of the upper-case letters of the Latin, Greek and Cyrillic scripts."""
    ranges, start, prev = [], None, None
    for i in [*range(0x41, 0x250), *range(0x370, 0x530), *range(0x1E00, 0x2000)]:
        if chr(i).isupper():
            if start is None or i != prev + 1:
                if start is not None:
                    ranges.append((start, prev))
                start = i
            prev = i
    ranges.append((start, prev))
    return "[" + "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                         for a, b in ranges) + "]"


_UP = _upper_class()
# abbreviated titles and suffixes, which end in a full stop
_ABBREVIATIONS = ("Sen", "Rep", "Dr", "Mr", "Mrs", "Ms", "Mx", "Prof", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt",
                  "Rev", "Hon", "Supt", "Insp", "Jr", "Sr")
# lower-case particles inside a name: Ludwig van Beethoven, Bashar al-Assad, Gerard de la Cruz
_PARTICLES = ("de", "da", "del", "della", "der", "den", "di", "du", "dos", "das", "van", "von", "la", "le", "bin",
              "bint", "ibn", "abu", "al", "el", "ter", "ten", "zu", "y")
_NAME_TOKEN = (
    rf"(?:(?:{'|'.join(_ABBREVIATIONS)})\.(?=[ \u00a0])"  # Sen. Dr. Jr.
    rf"|{_UP}\.(?=[ \u00a0])"  # an initial: J.
    rf"|(?:al|el|bin|ibn|abu|d)['\u2019-]{_UP}[^\W_]*(?:-[^\W_]+)*"  # al-Assad, d'Estaing
    rf"|{_UP}[^\W_]*(?:['\u2019-][^\W_]+)*)"  # Okafor, O'Brien, Smith-Jones, Okafor's
)
_NAME_RUN = re.compile(
    rf"(?<![\w'\u2019.-]){_NAME_TOKEN}(?:[ \u00a0](?:(?:{'|'.join(_PARTICLES)})[ \u00a0]){{0,2}}{_NAME_TOKEN})*"
)
_NAME_PIECE = re.compile(r"[^ \u00a0]+")
_POSSESSIVE_END = re.compile(r"['\u2019]s?$")
# titles before a name, stripped from it ("Sen. Rosa Okafor" is Rosa Okafor); one word each
_TITLES = frozenset(
    [a + "." for a in _ABBREVIATIONS if a not in ("Jr", "Sr")]
    + """Sen Rep Dr Mr Mrs Ms Mx Prof Senator Representative Congressman Congresswoman Congressmember
    Professor Governor President Vice-President Mayor Chancellor Minister Premier Secretary Judge Commissioner
    Chief Officer Detective Sheriff Sergeant Lieutenant Captain Colonel Major Reverend Rabbi Imam Father Sister
    Sir Dame Lord Lady King Queen Prince Princess Pope CEO CFO CTO COO Chairman Chairwoman Chairperson Chair
    Director Spokesperson Spokesman Spokeswoman Councilmember Councilman Councilwoman Councillor Councilor
    Alderman Alderwoman Assemblyman Assemblywoman Assemblymember Delegate Ambassador Attorney Superintendent
    Inspector Commander Deputy Founder Co-founder Executive Analyst Researcher Lawyer Activist Organizer""".split()
)
# "General" is a title only after these (Attorney General, Surgeon General), not in General Motors
_GENERAL_AFTER = frozenset(["Attorney", "Surgeon", "Inspector", "Solicitor", "Secretary", "Adjutant"])
# a name ending in one of these is an organisation's: not "he" or "she"
_ORG_WORDS = frozenset(
    """Department Ministry Agency Administration Association Council Union Institute University College School
    Committee Commission Court Office Bureau Board Party Foundation Center Centre Coalition Alliance Network
    Society Fund Project Lab Labs Laboratory Police Service Services Times Post Journal News Press Tribune Herald
    Gazette Group Inc Inc. Corp Corp. Corporation Company Co Co. Ltd Ltd. LLC LLP Technologies Systems Watch
    Campaign Congress Senate House Assembly Parliament Government Authority Hospital Bank Trust Forum Initiative
    Caucus Federation Organization Organisation Department's Matter Movement Reuters Magazine Review Ledger
    Courier Observer Dispatch Sentinel Partners Capital Holdings Industries Airlines Motors""".split()
)
# capitalised words that open a run without being part of the name (sentence-initial words, determiners)
# (with STOP_WORDS, from analysis.measures.terms)
_NAME_LEAD = frozenset(
    set("""also still now today yesterday tonight meanwhile however instead indeed later earlier last next
    according critics many several like unlike despite although though because since while when after before
    monday tuesday wednesday thursday friday saturday sunday january february march september october
    november december""".split())
)
# a name right after one of these is a place, a possessor or an object, not a speaker ("in New York")
_NAME_BEFORE_PLACE = frozenset(
    """in at from to into across near outside inside throughout around of for by with on over under between
    among against toward towards via within without behind beyond through""".split()
)
_DETERMINERS = frozenset(["the", "a", "an"])
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \u00a0]+$")


def _is_title(pieces: list[str], i: int) -> bool:
    word = pieces[i]
    if word == "General":
        return i > 0 and pieces[i - 1] in _GENERAL_AFTER
    return word in _TITLES


def _name_mentions(text: str, sent_spans: list, lexicon: list[tuple]) -> list[tuple]:
    """Capitalised names in an article's sentences that the lexicon does not cover.

    ``sent_spans`` are ``(start, end, sentence_id)`` raw offsets; ``lexicon`` the
    article's lexicon mentions, sorted, ``(start, end, ...)``. Returns
    ``(start, end, sentence_id, name, type, possessive)`` sorted by position, ``type``
    ``person`` or ``organisation``. A name is two or more capitalised words (initials
    and particles inside allowed; a sentence-initial function word, ``The``, and titles
    stripped), or a title and one word (``Dr. Okafor``), or one word that is the last
    word of a person named earlier in the article (``Okafor`` after ``Rosa Okafor``,
    which it then stands for). A run overlapping a lexicon mention is the lexicon's,
    unless a title follows the mention (``Microsoft President Brad Smith``). A run
    after a preposition (``in New York``) is not a name.
    """
    found = []
    surnames: dict[str, str] = {}
    lex_starts = [m[0] for m in lexicon]
    finditer = _NAME_RUN.finditer
    for s, e, sid in sent_spans:
        for run in finditer(text, s, e):
            r_start, r_text = run.start(), run.group()
            if " " not in r_text and "\u00a0" not in r_text:
                # one word: only a back-reference to a person named earlier
                word = _POSSESSIVE_END.sub("", r_text)
                if word not in surnames:
                    continue
                pieces = [(r_start, run.end(), r_text)]
            else:
                pieces = [(r_start + p.start(), r_start + p.end(), p.group()) for p in _NAME_PIECE.finditer(r_text)]
            # a run the lexicon covers is the lexicon's; what follows a mention only after a title
            k = bisect.bisect_left(lex_starts, run.end())
            after_lexicon = False
            for m in lexicon[max(0, k - 8):k]:
                if m[1] > r_start:
                    pieces = [p for p in pieces if p[0] >= m[1]]
                    after_lexicon = True
            words = [p[2] for p in pieces]
            lead = 0
            while lead < len(words) and (words[lead].lower() in _NAME_LEAD or words[lead].lower() in STOP_WORDS):
                lead += 1
            if lead and words[lead - 1].lower() in _NAME_BEFORE_PLACE:
                continue
            pieces, words = pieces[lead:], words[lead:]
            if not pieces:
                continue
            name_start = pieces[0][0]  # titles included: they stand between a verb and the name
            titled = [i for i in range(len(words)) if _is_title(words, i)]
            if titled and _POSSESSIVE_END.sub("", words[-1]) in _ORG_WORDS and not after_lexicon:
                titled = []  # a title word inside an organisation's name: the Executive Office
            if titled:
                pieces, words = pieces[titled[-1] + 1:], words[titled[-1] + 1:]
            elif after_lexicon:
                continue
            # particles and initials do not count as words of the name
            full = [w for w in words if not w.endswith(".") and w not in _PARTICLES]
            if not full or (len(words) < 2 and not titled and _POSSESSIVE_END.sub("", words[0]) not in surnames):
                continue
            # the word before the run: a preposition (through a determiner) makes it a place
            before = _WORD_BEFORE.search(text, max(s, name_start - 40), name_start) if lead == 0 else None
            if before is not None:
                prev = before.group(1).lower()
                if prev in _DETERMINERS:
                    before = _WORD_BEFORE.search(text, max(s, before.start() - 40), before.start())
                    prev = before.group(1).lower() if before else ""
                if prev in _NAME_BEFORE_PLACE and not (
                    prev == "to" and text[max(s, name_start - 30):name_start].lower().rstrip().endswith(
                        ("according to", "according to the"))
                ):
                    continue
            possessive = bool(_POSSESSIVE_END.search(words[-1]))
            label_words = words[:-1] + [_POSSESSIVE_END.sub("", words[-1])] if possessive else words
            label = " ".join(label_words)
            kind = "organisation" if label_words[-1] in _ORG_WORDS else "person"
            if len(label_words) == 1 and label in surnames:
                label = surnames[label]  # Okafor, after Rosa Okafor
            elif kind == "person" and len(full) >= 2:
                surnames[label_words[-1]] = label
            found.append((name_start, pieces[-1][1], sid, label, kind, possessive))
    return found
