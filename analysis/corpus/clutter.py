"""Web clutter in article text: lines that are page furniture, not reporting, each with a reason.

Every rule is written for a kind of clutter, never for one outlet's wording:

* ``newsletter pitch`` -- sign-up and newsletter pitches, with or without "sign up"/"subscribe"
  ("Get the morning briefing in your inbox"), and lists of them (one per city edition);
* ``navigation`` -- menu words, section lists separated by ``|`` or ``•``, "Skip to …",
  "Next article", "Most read", "Trending";
* ``caption or credit`` -- photo captions and credits (``Photo: X``, ``X/Getty Images``,
  ``(Photo by X)``, ``Illustration: X``, ``File photo``, "3 of 12");
* ``feedback prompt`` -- "Was this helpful?", "Report an error";
* ``donation prompt`` -- "Support our journalism", "Become a member", "Chip in";
* ``author bio`` -- "X is a reporter covering …", "X writes about … Follow her on …";
* ``reader comments`` -- a block of user names, "3 hours ago", "Reply · Like · Report" after
  the article (:func:`find_comments`).

A reason reads ``"<kind>: <evidence>"``. Ordinary paragraphs that only mention the same words
("The council voted to subscribe to the regional transit plan.") are left alone: most rules
need a short line, the reader addressed as "you", or the whole line to be the prompt.

>>> clutter_reason("Get the morning briefing in your inbox")
'newsletter pitch: delivery to the reader (inbox, straight to you)'
>>> clutter_reason("The city council voted to subscribe to the regional transit plan.") is None
True
"""

from __future__ import annotations

import re

__all__ = ["KINDS", "POSITIONS", "clutter_reason", "clutter_reasons", "find_comments", "kind_of"]

KINDS = ("newsletter pitch", "navigation", "caption or credit", "feedback prompt", "donation prompt",
         "author bio", "reader comments")
POSITIONS = ("top", "body", "end")  # before the first paragraph, among the paragraphs, after the last

_I = re.IGNORECASE
_SENTENCE_END = (".", "!", "?", "\u2026")
_QUOTE_START = ("\"", "'", "\u201c", "\u2018", "\u00ab")
# Reported speech: a line that reports what someone said is reporting, whatever words it holds.
_REPORTED = re.compile(r"\b(?:said|says|told|tells|according to|urged|asked|added|announced|explained|warned)\b", _I)
_YOU = re.compile(r"\b(?:you|your|you're|yours)\b", _I)


def _n_words(s: str) -> int:
    return len(s.split())


def _fragment(s: str) -> bool:
    """A line that is not a sentence: it does not end with sentence punctuation."""
    return not s.rstrip("\"'\u201d\u2019)").endswith(_SENTENCE_END)


# --------------------------------------------------------------------------- newsletter pitches

# the reader's inbox, or something brought "straight to you"
_DELIVERY = re.compile(
    r"\b(?:(?:to|in|into) your (?:inbox|e-?mail|mailbox)|(?:straight|right|direct(?:ly)?|delivered|sent) to you\b"
    r"|straight to your\b|in your inbox)", _I)
_PRODUCT = re.compile(
    r"\b(?:newsletters?|briefings?|brief|digest|bulletins?|(?:news |breaking )?alerts?|round-?ups?|rundown|dispatch(?:es)?"
    r"|headlines|editions?|the best of|top stories|must-reads?|highlights|e-?mails?)\b", _I)
_FREQUENCY = re.compile(
    r"\b(?:every (?:week)?day|every (?:morning|afternoon|evening|night|week(?:end)?|month|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday)|each (?:morning|evening|week(?:day)?)|(?:once|twice|three times) a (?:day|week)"
    r"|daily|weekly|nightly|delivered|straight to)\b", _I)
_PITCH_VERB = re.compile(
    r"(?:^|[.!?]\s+)(?:get|receive|sign up|subscribe|join|stay (?:informed|updated|up to date|in the know|ahead|connected)"
    r"|don'?t miss|never miss|be the first|enter your|start (?:your|the) (?:day|week|morning)|catch up|want (?:more|the)"
    r"|register|opt in|choose|pick|keep up|try)\b", _I)
_SIGNUP_FORM = re.compile(
    r"\b(?:enter your e-?mail|your e-?mail address|no spam|unsubscribe (?:at any time|anytime)|by (?:signing up|subscribing)"
    r"|sign me up|manage (?:your )?(?:newsletters|subscriptions|preferences)|you(?:'re| are) (?:now )?(?:signed up|subscribed)"
    r"|thanks? (?:you )?for (?:signing up|subscribing))\b", _I)


def _newsletter(s: str) -> str | None:
    if _n_words(s) > 40 or s.startswith(_QUOTE_START) or _REPORTED.search(s):
        return None
    if _DELIVERY.search(s):
        return "delivery to the reader (inbox, straight to you)"
    if _SIGNUP_FORM.search(s):
        return "sign-up form wording"
    product, verb = _PRODUCT.search(s), _PITCH_VERB.search(s)
    if product and verb:
        return f"'{verb.group().strip(' .!?')}' offered with '{product.group()}'"
    if product and _FREQUENCY.search(s) and (_YOU.search(s) or (_fragment(s) and _n_words(s) <= 20)):
        return f"'{product.group()}' offered on a schedule"
    if verb and _FREQUENCY.search(s) and _YOU.search(s):
        return "an offer on a schedule addressed to the reader"
    return None


# --------------------------------------------------------------------------- navigation

_MENU_WORDS = frozenset("""
home news sport sports business opinion opinions world politics tech technology science health culture arts art life
lifestyle style travel food video videos podcast podcasts audio photos search menu sections subscribe newsletters
account weather local obituaries jobs events games puzzles crossword crosswords entertainment markets money climate
environment education us uk u.s. europe asia africa americas australia latest live trending popular contact about
login logout register shop deals reviews features analysis columns columnists letters editorials magazine books
music film tv media economy finance careers close more e-edition epaper watch listen nation national metro
""".split())
_MENU_PHRASES = re.compile(r"\b(?:sign in|log in|log out|contact us|about us|real estate|middle east|personal finance)\b", _I)
_SEPARATORS = re.compile(r"\s*(?:\||\u2022|\u00b7|\u203a|\u00bb|>|/|\u2014)\s*")
_ITEM = re.compile(r"^[A-Z0-9&][\w&'\u2019.-]*(?:\s+(?:[A-Z0-9&][\w&'\u2019.-]*|&|and|of|the)){0,3}$")
_NAV_PHRASE = re.compile(
    r"^(?:(?:skip|jump|go|back|return) to (?:the )?(?:main )?(?:content|navigation|menu|top|search|footer|article|homepage"
    r"|home ?page|comments|story)"
    r"|(?:next|previous|prev|older|newer) (?:article|story|post|page|entry|slide|video|up)\b"
    r"|(?:next|previous|prev|older|newer)\s*(?:[:\u00bb\u203a>|\u2192\u2190<\u00ab-].*)?$"
    r"|most (?:read|popular|viewed|shared|e-?mailed|commented|watched)\b|trending(?: now| stories| topics| articles)?(?:\s*[:|].*)?$"
    r"|top stories\s*(?::.*)?$|popular (?:now|stories|today)|latest (?:news|stories|headlines|articles|updates|videos)\s*(?::.*)?$"
    r"|editor'?s'? (?:picks|choice)|recommended (?:for you|stories|reading)|you (?:may|might) (?:also )?(?:like|enjoy)"
    r"|more (?:stories|news|articles|videos|on this story)\b|up next\b|watch next\b|what to read next|in case you missed it"
    r"|(?:load|show|view) more\s*$|(?:see|view) all\s*$|continue reading|read the (?:rest|full (?:story|article))"
    r"|(?:open|close) (?:the )?(?:menu|navigation|search)|toggle navigation|main menu|site navigation"
    r"|(?:topics|tags|filed under|categories|posted in|keywords)\s*:)", _I)


def _navigation(s: str) -> str | None:
    if _n_words(s) > 25 or (not _fragment(s) and _n_words(s) > 3):
        return None
    m = _NAV_PHRASE.search(s) if _n_words(s) <= 15 else None
    if m:
        return f"link or section label '{m.group().strip(' :|')}'"
    items = [x for x in _SEPARATORS.split(s.strip(" |\u2022\u00b7")) if x]
    if len(items) >= 2 and re.search(r"[|\u2022\u00b7\u203a\u00bb>]", s):
        if all(_menu_item(x) for x in items):
            return f"{len(items)} menu words"
        if len(items) >= 3 and all(_ITEM.match(x) for x in items):
            return f"list of {len(items)} sections or links separated by '|' or '\u2022'"
    if _n_words(s) <= 8 and _menu_item(s):
        return f"menu word{'s' * (_n_words(s) > 1)} '{s}'"
    return None


def _menu_item(item: str) -> bool:
    rest = _MENU_PHRASES.sub(" ", item.lower())
    words = re.findall(r"[\w.&'-]+", rest)
    return all(w.strip(".") in _MENU_WORDS or w == "&" or w.rstrip(".") in _MENU_WORDS for w in words)


# --------------------------------------------------------------------------- captions and credits

_AGENCY = (r"(?:Getty(?: Images)?|AFP|AP(?: Photo)?|EPA(?:-EFE)?|Reuters|Shutterstock|Alamy|iStock(?:photo)?|Unsplash|Pexels"
           r"|Bloomberg|PA(?: Wire| Images)?|Xinhua|Anadolu(?: Agency)?|NurPhoto|SOPA Images|Wikimedia Commons|Flickr)")
_CAPTION_RULES: list[tuple[re.Pattern, str]] = [
    (re.compile(r"^\(?\s*(?:(?:main|top|lead|header|featured|cover|hero) )?(?:photo(?:graph)?s?|images?|pictures?|pic"
                r"|illustrations?|graphics?|videos?|footage|artwork|photo illustration|photography|credits?)"
                r"(?: credits?| courtesy| source)?\s*(?::|\bby\b|\bcourtesy\b|\u00a9|\|)\s*\S", _I), "credit label"),
    (re.compile(r"^(?:sources?|courtesy(?: of)?)\s*:?\s+(?:of\s+)?[A-Z\"\u201c]", _I), "credit label"),
    (re.compile(rf"(?:^|[\s(\[])(?:[A-Z][\w.'\u2019-]*\s+){{0,3}}[A-Z][\w.'\u2019-]*\s*/\s*(?:{_AGENCY}|(?:The\s+)?[A-Z][\w.&'\u2019-]*"
                r"(?:\s+(?:[A-Z][\w.&'\u2019-]*|via|for|of))*)\s*[)\]]?\s*$"), "credit 'Name/Agency'"),
    (re.compile(rf"(?:\bvia|\bfor|[(/])\s*{_AGENCY}\s*[)\]]?\s*$"), "agency credit"),
    (re.compile(r"\((?:photos?|images?|pictures?|illustration|graphic|file(?: photo| image)?|courtesy|credit|pictured|handout"
                r"|video|screenshot|screengrab|supplied)\b[^()]{0,80}\)\s*$", _I), "credit in brackets"),
    (re.compile(r"^(?:file|stock|handout|archive|undated|submitted|supplied|contributed) (?:photo(?:graph)?|image|picture)s?\b"
                r"|\b(?:file|stock|handout) (?:photo|image|picture)\s*\)?\s*$", _I), "file or stock photo"),
    (re.compile(r"^(?:pictured|above|below|top|left|right|inset|main picture|in pictures|caption)\s*:", _I), "caption label"),
    (re.compile(r"^(?:(?:photo|image|picture|slide) )?\d{1,3}\s*(?:of|/)\s*\d{1,3}$"
                r"|^(?:open|view|expand|enlarge|launch|see) (?:this )?(?:gallery|image|photo|slideshow|in gallery)\b"
                r"|^(?:toggle|hide|show) caption$", _I), "gallery control"),
]


def _caption(s: str) -> str | None:
    if _n_words(s) > 40:
        return None
    for pattern, what in _CAPTION_RULES:
        if pattern.search(s):
            # a sentence that ends in a full stop after a credit-like word is reporting, not a credit
            if what.startswith("credit label") and not _fragment(s) and _n_words(s) > 25:
                continue
            return what
    return None


# --------------------------------------------------------------------------- feedback and donation

_FEEDBACK = re.compile(
    r"^(?:(?:was|is) (?:this|the) (?:article|story|page|post|information|answer|content )?\s*(?:helpful|useful|informative)"
    r"|did (?:you find )?(?:this|the) (?:article|story|page|post|information|content)?\s*(?:help|helpful|useful|interesting)"
    r"|how (?:useful|helpful|satisfied) (?:was|were|are) (?:this|you)|rate this (?:article|story|page)"
    r"|(?:report|flag|spotted|found|see|notice)(?: an?)? (?:error|typo|mistake|inaccuracy)s?"
    r"|(?:send|give|leave|share) (?:us )?(?:your )?feedback|tell us what you think|what did you think of this"
    r"|(?:submit|suggest|request) a correction|thanks? (?:you )?for (?:your|the) feedback|feedback\s*$"
    r"|(?:yes|no)\s*[|/\u00b7\u2022]?\s*(?:yes|no)\s*$)[^.]{0,80}$", _I)
_DONATION_START = re.compile(
    r"^(?:support (?:our|independent|local|quality|nonprofit|non-profit|public[- ]interest|public[- ]service|this|the)"
    r"(?: [\w-]+){0,2} (?:journalism|reporting|newsroom|work|news|media|coverage)|donate\b|make a (?:[\w-]+ )?(?:donation|gift|contribution)"
    r"|become an? (?:[\w-]+ )?(?:member|supporter|patron|subscriber|friend)|chip in|give (?:now|today|monthly|what you can)"
    r"|contribute(?: now| today| monthly)?\s*$|(?:join|support) us\s*$)", _I)
_DONATION_WORD = re.compile(r"\b(?:donat\w*|chip(?:ping)? in|contribut\w*|membership|become a member|patrons?|reader[- ](?:supported|funded)"
                            r"|(?:monthly|one-time|one-off|recurring|small|annual) gift|make a gift"
                            r"|support (?:us|our|independent|local|nonprofit) ?\w*)\b", _I)
_SELF = re.compile(r"\b(?:us|our (?:journalism|reporting|newsroom|work|mission|coverage|reporters)|(?:independent|local|nonprofit) "
                   r"(?:journalism|news|reporting)|this (?:site|newsroom|work))\b", _I)


def _feedback(s: str) -> str | None:
    if _n_words(s) <= 15 and not s.startswith(_QUOTE_START) and _FEEDBACK.search(s):
        return "the reader is asked to rate the page or report an error"
    return None


def _donation(s: str) -> str | None:
    if s.startswith(_QUOTE_START) or _REPORTED.search(s):
        return None
    if _n_words(s) <= 25 and _DONATION_START.search(s):
        return "the reader is asked to give money or join"
    if _n_words(s) <= 60 and _DONATION_WORD.search(s) and _SELF.search(s) and (_YOU.search(s) or re.search(r"\bplease\b", s, _I)):
        return "the reader is asked to fund the outlet"
    return None


# --------------------------------------------------------------------------- author bios

_NOT_A_NAME = (r"(?!(?:The|This|That|These|Those|It|There|Here|He|She|They|We|You|I|Our|Its|Their|His|Her|What|Which|Who|A|An"
               r"|In|On|At|For|But|And|If|When|While|Police|Officials)\b)")
_BIO_NAME = rf"^[\s*_\u2014\u2013-]*{_NOT_A_NAME}(?:[A-Z][\w'\u2019.-]+\s+){{0,3}}[A-Z][\w'\u2019.-]+,?\s+"
_JOB = (r"(?:reporter|correspondent|journalist|writer|editor|columnist|contributor|producer|freelancer|critic|photographer"
        r"|photojournalist|fellow|intern|author|blogger|analyst|anchor|host|researcher)")
_BIO_JOB = re.compile(rf"{_BIO_NAME}(?:is|was|has been|serves as)\s+(?:a|an|the|our)\s+(?:[\w-]+\s+){{0,4}}?{_JOB}s?(?!['\u2019]s)\b")
_BIO_BEAT = re.compile(rf"{_BIO_NAME}(?:writes|reports|covers|has covered|has written|has reported)\s+(?:about|on|for)?\b")
_BIO_CONTACT = re.compile(
    r"\b(?:follow (?:him|her|them|me) (?:on|at)|(?:reach|contact|e-?mail) (?:him|her|them|me) at|(?:is|are) on (?:twitter|x"
    r"|instagram|bluesky|mastodon|threads|linkedin) (?:at|as)|@[A-Za-z_]\w{2,}\b)", _I)
_CONTACT_LINE = re.compile(r"^(?i:follow|reach|contact|e-?mail) (?:him|her|them|me|the author|(?:[A-Z][\w'\u2019.-]+ ){0,2}[A-Z][\w'\u2019.-]+)"
                           r" (?:on|at) \S")


def _author_bio(s: str, position: str) -> str | None:
    if _n_words(s) > 80:
        return None
    if _n_words(s) <= 15 and _CONTACT_LINE.search(s) and (_BIO_CONTACT.search(s) or re.search(r"\b(?:on|at) (?:twitter|x|instagram|bluesky|mastodon|threads|linkedin)\b", s, _I)):
        return "how to follow or contact the author"
    bio = _BIO_JOB.search(s) or _BIO_BEAT.search(s)
    if not bio:
        return None
    if _BIO_CONTACT.search(s):
        return "a named writer described, with how to follow them"
    if position == "end" and _n_words(s) <= 60 and not _REPORTED.search(s):
        return "a named writer described after the article"
    return None


# --------------------------------------------------------------------------- one line, all lines

def clutter_reason(line: str, *, position: str = "body", context: tuple[str, ...] = ()) -> str | None:
    """Why ``line`` is web clutter (``"<kind>: <evidence>"``), or ``None`` for a line of the article.

    ``position`` is ``"top"`` (before the first paragraph), ``"body"`` or ``"end"`` (after the
    last paragraph); an author bio without contact details counts only at the end. ``context``
    holds the neighbouring lines; a pitch in a list of similar pitches is found only with them
    (use :func:`clutter_reasons` for a whole text).

    >>> clutter_reason("Photo: Ana Ruiz/Getty Images")
    'caption or credit: credit label'
    >>> clutter_reason("Jane Roe is a reporter covering courts. Follow her on Bluesky.")
    'author bio: a named writer described, with how to follow them'
    >>> clutter_reason("She is a reporter's daughter who became a judge.") is None
    True
    """
    if position not in POSITIONS:
        raise ValueError(f"position '{position}' is not one of {', '.join(POSITIONS)}")
    s = " ".join(line.split())
    if not s:
        return None
    for kind, rule in (("navigation", _navigation), ("caption or credit", _caption), ("feedback prompt", _feedback),
                       ("newsletter pitch", _newsletter), ("donation prompt", _donation)):
        why = rule(s)
        if why:
            return f"{kind}: {why}"
    why = _author_bio(s, position)
    if why:
        return f"author bio: {why}"
    if _list_pitch(s, [x for x in context if _newsletter(" ".join(x.split()))]):
        return "newsletter pitch: one of a list of similar pitches"
    return None


def _list_pitch(s: str, pitches: list[str]) -> bool:
    """``s`` is worded like one of ``pitches``, as the pitches for each city edition are."""
    return _n_words(s) <= 25 and not _is_paragraph(s) and any(_same_template(s, p) for p in pitches)


def kind_of(reason: str | None) -> str | None:
    """The kind of clutter a reason names (``"caption or credit"``), or ``None``."""
    return reason.split(":", 1)[0] if reason else None


def _template(s: str) -> set[str]:
    # names and numbers change from one edition to the next; the wording stays
    words = re.findall(r"[A-Za-z][\w'\u2019-]*|\d+", s)
    return {w.lower() for i, w in enumerate(words) if not (w[0].isupper() or w[0].isdigit())}


def _same_template(a: str, b: str, *, threshold: float = 0.5) -> bool:
    ta, tb = _template(a), _template(b)
    shared = len(ta & tb)
    return shared >= 2 and shared / min(len(ta), len(tb)) >= threshold


def _is_paragraph(s: str) -> bool:
    return _n_words(s) >= 12 and not _fragment(s)


def clutter_reasons(lines: list[str]) -> list[str | None]:
    """:func:`clutter_reason` for every line of a text, with positions and neighbours worked out.

    The first and last paragraphs (lines of twelve words or more that end a sentence and are
    not clutter) set the positions; a reader-comments block at the end (:func:`find_comments`)
    is clutter line by line, blank lines excepted. Returns one reason or ``None`` per line.

    >>> clutter_reasons(["Headline", "", "Get the morning briefing in your inbox",
    ...                  "A paragraph of reporting that runs on for quite a while, as paragraphs do."])[2]
    'newsletter pitch: delivery to the reader (inbox, straight to you)'
    """
    out: list[str | None] = [None] * len(lines)
    comments = find_comments(lines)
    stop = comments[0] if comments else len(lines)
    if comments:
        for i in range(stop, len(lines)):
            if lines[i].strip():
                out[i] = f"reader comments: {comments[1]}"
    first_pass = [clutter_reason(lines[i]) if lines[i].strip() else None for i in range(stop)]
    paragraphs = [i for i in range(stop) if first_pass[i] is None and _is_paragraph(lines[i])]
    while paragraphs and clutter_reason(lines[paragraphs[-1]], position="end"):
        paragraphs.pop()  # a bio after the article reads like a paragraph
    first, last = (paragraphs[0], paragraphs[-1]) if paragraphs else (stop, -1)
    content = [i for i in range(stop) if lines[i].strip()]
    for i in content:
        position = "top" if i < first else "end" if i > last else "body"
        out[i] = first_pass[i] if position == "body" else clutter_reason(lines[i], position=position)
    # the writer's title just above a bio after the article ("Technology reporter")
    for k, i in enumerate(content[1:], start=1):
        above = content[k - 1]
        if (out[i] or "").startswith("author bio") and out[above] is None and above > last \
                and _n_words(lines[above]) <= 6 and _fragment(lines[above]):
            out[above] = "author bio: the writer's title above the bio"
    # a list of pitches (one per edition): lines next to a pitch that share its wording
    changed = True
    while changed:
        changed = False
        for k, i in enumerate(content):
            if out[i] is not None:
                continue
            near = [content[j] for j in (k - 1, k + 1) if 0 <= j < len(content)]
            pitches = [lines[j] for j in near if kind_of(out[j]) == "newsletter pitch"]
            if pitches and _list_pitch(" ".join(lines[i].split()), pitches):
                out[i], changed = "newsletter pitch: one of a list of similar pitches", True
    return out


# --------------------------------------------------------------------------- reader comments

_AGO = re.compile(r"\b(?:\d+|an?|one)\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|months?"
                  r"|y|yrs?|years?)\s+ago\b|\bjust now\b|\byesterday at\b", _I)
_ACTIONS = re.compile(r"^(?:(?:reply|replies|like|likes|liked|report|report abuse|share|flag|upvote|downvote|quote|permalink"
                      r"|respond|recommend|\d+|\(\d+\)|points?)[\s|/\u00b7\u2022-]*){1,8}$", _I)
_COMMENTS_HEAD = re.compile(
    r"^(?:\d+\s+)?(?:reader\s+|readers'?\s+)?(?:comments?|responses?|replies|discussion)\s*(?:\(\d+\))?\s*:?$"
    r"|^(?:join|start) the (?:conversation|discussion)|^(?:leave|add|post|write) a (?:comment|reply|response)"
    r"|^(?:show|view|load|see|hide) (?:all )?(?:\d+ )?(?:more )?(?:comments|replies)|^sort by\b"
    r"|^comments? (?:are|is) (?:closed|moderated)|^(?:log|sign) in to (?:comment|reply)", _I)
_HANDLE = re.compile(r"^(?:#?\d{1,3}[.)]?\s+)?@?[A-Za-z][\w.-]{1,30}(?:\s+[A-Za-z][\w.-]*){0,2}\s*(?:says|wrote|said)?\s*:?\s*"
                     r"(?:[\u00b7|\u2022,-]\s*.*)?$")


def _comment_marker(lines: list[str], i: int) -> str | None:
    s = " ".join(lines[i].split())
    if not s:
        return None
    if _COMMENTS_HEAD.search(s):
        return "header"
    if _ACTIONS.match(s):
        return "actions"
    if _n_words(s) <= 10 and _AGO.search(s):
        who = _AGO.sub("", s).strip(" \u00b7|\u2022,-")
        return "user" if who and _HANDLE.match(who) else "time"
    if _n_words(s) <= 6 and _HANDLE.match(s) and (re.search(r"[@_\d]|\b(?:says|wrote)\s*:?$", s) or _next_is_time(lines, i)):
        return "user"
    return None


def _next_is_time(lines: list[str], i: int) -> bool:
    nxt = next((x for x in lines[i + 1:i + 3] if x.strip()), "")
    return bool(_AGO.search(nxt)) and _n_words(nxt) <= 10


def find_comments(lines: list[str]) -> tuple[int, str] | None:
    """Where a block of reader comments starts at the end of the lines, and the evidence.

    A block needs a header ("Comments (12)", "Join the conversation") or a user line, then at
    least two more markers of comments -- times such as "3 hours ago", lines of "Reply · Like
    · Report", user names -- and markers until the last few lines. Returns ``(index of its
    first line, evidence)`` or ``None``.

    >>> find_comments(["A paragraph of reporting.", "Comments (2)", "riverfan_22", "3 hours ago",
    ...                "I disagree with the council.", "Reply · Like · Report"])
    (1, '4 markers (header, user, time, actions) from line 2')
    """
    markers = [(i, m) for i in range(len(lines)) if (m := _comment_marker(lines, i))]
    if len(markers) < 3:
        return None
    content = [i for i, x in enumerate(lines) if x.strip()]
    # markers must go on to near the end: the last within the last three lines of text
    if markers[-1][0] < content[-min(3, len(content))]:
        return None
    start = None
    # walk back from the end while the gaps between markers stay comment-sized
    k = len(markers) - 1
    while k > 0 and _gap(lines, markers[k - 1][0], markers[k][0]) <= 6:
        k -= 1
    block = markers[k:]
    for j, (i, m) in enumerate(block):
        if m in ("header", "user"):
            start, block = i, block[j:]
            break
    if start is None or len(block) < 3 or start == content[0]:
        return None
    kinds = sorted({m for _, m in block}, key=("header", "user", "time", "actions").index)
    if kinds == ["user"]:
        return None  # names alone could be a list of people in the article
    return start, f"{len(block)} markers ({', '.join(kinds)}) from line {start + 1}"


def _gap(lines: list[str], a: int, b: int) -> int:
    """Non-blank lines strictly between ``a`` and ``b``."""
    return sum(1 for x in lines[a + 1:b] if x.strip())
