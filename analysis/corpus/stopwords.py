"""A small English stopword list, and the content words of a text.

Written for this project (no NLTK corpora, nothing downloaded): function words,
pronouns, auxiliaries, reporting verbs that every news story uses ("said",
"told"), and the bare fragments left when apostrophes split a word ("s", "t").
Used for shingles (:mod:`analysis.corpus.near_duplicates`) and key phrases
(:mod:`analysis.lexicons.discover`), where such words carry no story.
"""

from __future__ import annotations

import re

__all__ = ["STOPWORDS", "content_words"]

STOPWORDS = frozenset(
    """
    a about above across after again against all almost along already also although always am among an and
    another any anyone anything are around as at away back be became because become been before being below
    between both but by can cannot could did do does doing done down during each either else enough even ever
    every few for from further get gets got had has have having he her here hers herself him himself his how
    however i if in into is it its itself just last least less like made make many may me might more most much
    must my myself near neither never next no nor not now of off often on once one only onto or other others
    our ours ourselves out over own per perhaps quite rather really said same say says see seen several shall
    she should since so some something still such than that the their theirs them themselves then there these
    they this those though through thus to today together told too toward towards under until up upon us very
    via was we well were what whatever when where whether which while who whom whose why will with within
    without would yet you your yours yourself yourselves s t d ll m re ve don didn doesn isn wasn weren won
    wouldn couldn shouldn aren hasn haven hadn mr mrs ms dr according also monday tuesday wednesday thursday
    friday saturday sunday week weeks year years day days time times new two three first second
    """.split()
)

_WORD = re.compile(r"[^\W_]+")


def content_words(text: str) -> list[str]:
    """The words of ``text``, case-folded, punctuation dropped, stopwords removed.

    Examples
    --------
    >>> content_words("The council's budget was approved on Tuesday.")
    ['council', 'budget', 'approved']
    """
    return [w for w in _WORD.findall(text.casefold()) if w not in STOPWORDS]
