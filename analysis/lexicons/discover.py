"""Actors and aspects found in a corpus, for a story that has no lexicon yet.

:func:`discover_actors` reads capitalised sequences as names of people and
organisations; :func:`discover_aspects` finds key phrases that several articles
share and groups them. Both return tables in the shape of the hand-built
lexicons (:func:`analysis.lexicons.load_actors`, :func:`analysis.lexicons.load_aspects`)
plus evidence columns, and :func:`write_actors_yaml` / :func:`write_aspects_yaml`
write them as editable lexicon files that the user corrects and passes back with
``--actors`` / ``--aspects``. Nothing here reads the corpus files: sentences in,
tables out.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from analysis.corpus.repair import fold_lookalikes
from analysis.corpus.stopwords import STOPWORDS

__all__ = [
    "DISCOVERED_ACTOR_COLUMNS",
    "DISCOVERED_ASPECT_COLUMNS",
    "discover_actors",
    "discover_aspects",
    "write_actors_yaml",
    "write_aspects_yaml",
]

_LEXICON_ACTOR_COLUMNS = ["actor", "type", "cue", "case_sensitive", "inflect", "source"]
_LEXICON_ASPECT_COLUMNS = ["aspect", "description", "cue", "case_sensitive", "inflect", "source"]
_EVIDENCE = ["n_articles", "n_outlets", "n_mentions", "example"]
DISCOVERED_ACTOR_COLUMNS = _LEXICON_ACTOR_COLUMNS + _EVIDENCE
DISCOVERED_ASPECT_COLUMNS = _LEXICON_ASPECT_COLUMNS + _EVIDENCE

_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_LOW = "a-z\u00df-\u00f6\u00f8-\u00ff"
# a capitalised word (O'Brien, Garcia-Lopez, McDonald), an acronym (IBM, U.S.) or an initial (J.)
_CAP = rf"(?:[{_UP}][{_LOW}]+(?:['\u2019-][{_UP}]?[{_LOW}]+)*(?:[{_UP}][{_LOW}]+)*|[{_UP}]{{2,}}[0-9]?s?|(?:[{_UP}]\.){{1,3}})"
_LINK = r"(?:of|for|the|de|del|da|van|von|der|du|le|la)"
_NAME = re.compile(rf"(?<![\w'\u2019]){_CAP}(?:(?:[ \-]|\s{_LINK}\s(?:{_LINK}\s)?){_CAP})*(?:['\u2019]s?)?(?![\w])")
_ACRONYM_AFTER = re.compile(rf"\s*\(([{_UP}][{_UP}&.]{{1,9}})\)")
_OPENING = re.compile(r"^[\s\"'(\[\u201c\u2018-]*$")

TITLES = frozenset("""
president vice sen senator rep representative congressman congresswoman gov governor mayor dr mr mrs ms mx
prof professor judge justice chief minister secretary chancellor ambassador general gen col colonel lt
lieutenant sgt sergeant capt captain officer detective commissioner superintendent councilman councilwoman
councillor councilor alderman chair chairman chairwoman ceo cfo coo director spokesman spokeswoman spokesperson
coach manager striker midfielder defender goalkeeper forward nurse doctor sir dame lord lady king queen prince
princess pope father rev reverend bishop rabbi imam deputy assistant acting interim former prime attorney
""".split())
_PERSONAL_TITLES = TITLES - {"chief", "chair", "acting", "interim", "former", "deputy", "assistant", "vice"}
MONTHS = frozenset("january february march april may june july august september october november december "
                   "jan feb mar apr jun jul aug sep sept oct nov dec".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_PLACE_BEFORE = frozenset("in at from near across outside inside into to toward towards through around "
                          "throughout via".split())
COMPANY_WORDS = frozenset("""
inc corp corporation company co ltd llc plc ag sa gmbh bank airlines airways motors technologies technology
systems holdings partners capital media energy pharmaceuticals pharma machines industries enterprises labs
solutions software foods group times post news gazette journal herald tribune press radio tv television
network networks studios insurance securities fc store stores market markets
""".split())
GOVERNMENT_WORDS = frozenset("""
council congress senate house parliament ministry department agency commission government court police
administration bureau authority assembly cabinet army navy military federal county state city hall committee
office treasury legislature tribunal
""".split())
GROUP_WORDS = frozenset("""
union unions association federation foundation society alliance coalition party movement club league
hospital university college school church institute campaign trust fund charity guild nurses
""".split())


def _words(name: str) -> list[str]:
    return name.replace("-", " ").split()


def _clean(match: str, initial: bool) -> tuple[str, bool]:
    """The name without possessive, leading function words and titles; whether a personal title was dropped."""
    name = re.sub(r"['\u2019]s?$", "", match)
    words = name.split(" ")
    if initial:
        while words and words[0].lower() in STOPWORDS:
            words = words[1:]
    titled = False
    # drop everything up to the last title that is followed by another capitalised word
    for i in range(len(words) - 2, -1, -1):
        if words[i].lower().rstrip(".") in TITLES:
            titled = words[i].lower().rstrip(".") in _PERSONAL_TITLES or titled
            words = words[i + 1:]
            break
    while words and (words[0].lower() in MONTHS | WEEKDAYS or words[0].lower() in {"the", "of", "and", "for", "on"}):
        words = words[1:]
    while words and (words[-1].lower() in MONTHS | WEEKDAYS or words[-1].lower() in {"of", "and", "for", "the", "on"}):
        words = words[:-1]
    return " ".join(words), titled


def _initials_match(acronym: str, name: str) -> bool:
    initials = "".join(w[0] for w in _words(name) if w.lower() not in {"of", "for", "and", "the", "de", "on"})
    letters = acronym.replace(".", "").replace("&", "")
    return letters.upper() == initials.upper() or (letters[:1] == initials[:1] and len(letters) >= 2
                                                     and letters.upper() in initials.upper())


def _guess_type(name: str, *, titled: int, by_surname: int, after_place: int, mentions: int) -> str:
    words = [w.lower().strip(".") for w in _words(name)]
    if any(w in COMPANY_WORDS for w in words):
        return "company"
    if any(w in GROUP_WORDS for w in words):  # before government: "Police Union" is a group
        return "group"
    if any(w in GOVERNMENT_WORDS for w in words):
        return "government"
    caps = [w for w in _words(name) if re.fullmatch(rf"[{_UP}][{_LOW}'\u2019-]+|[{_UP}]\.", w)]
    if titled or by_surname:
        return "person"
    if 2 <= len(caps) == len(words) <= 4 and after_place * 2 < mentions:
        return "person"
    return "group"


def discover_actors(sentences: pd.DataFrame, *, min_articles: int = 2, top: int = 40) -> pd.DataFrame:
    """People and organisations named in the corpus, merged and ranked.

    A name is a capitalised sequence (``Maria Garcia``, ``Bank of England``,
    ``IBM``). Function words opening a sentence (``The``, ``But``) are skipped;
    titles (``Mayor``, ``Sen.``, ``Dr.``) and possessives (``Garcia's``) are
    dropped; months and weekdays are not names; a word seen mostly after ``in``,
    ``at`` or ``from`` (``in Springfield``) is a place and left out. Within an
    article, a short form of a name used earlier (``Garcia`` after ``Maria
    Garcia``) counts for the full name, and an acronym given in brackets after a
    name (``Service Employees International Union (SEIU)``) becomes its alias. A
    one-word name seen only at the start of sentences is not taken.

    The type is a guess: ``company``, ``government`` or ``group`` by words such as
    *Inc*, *Council* or *Union* in the name; ``person`` for a name with a personal
    title, one referred to later by surname, or two to four capitalised words;
    otherwise ``group``.

    Returns
    -------
    pandas.DataFrame
        One row per cue (the name first, then its aliases), ranked by articles,
        outlets and mentions, the ``top`` actors named in ``min_articles`` articles
        or more: ``actor, type, cue, case_sensitive, inflect, source`` (as
        :func:`analysis.lexicons.load_actors` returns them) and the evidence
        ``n_articles, n_outlets, n_mentions, example`` (a sentence naming the
        actor). Empty (with these columns) when the corpus names nobody.

    Examples
    --------
    >>> s = pd.DataFrame({"article_id": ["a", "a", "b"], "outlet": ["X", "X", "Y"], "text": [
    ...     "Mayor Maria Garcia's budget passed in Springfield on Tuesday.",
    ...     "Garcia thanked the Service Employees International Union (SEIU).",
    ...     "The SEIU and Maria Garcia agreed in Springfield."]})
    >>> found = discover_actors(s)
    >>> found.groupby("actor", sort=False)["cue"].agg(list).to_dict()
    {'Maria Garcia': ['Maria Garcia', 'Garcia'], 'Service Employees International Union': ['Service Employees International Union', 'SEIU']}
    >>> found.drop_duplicates("actor")[["type", "n_articles", "n_outlets"]].values.tolist()
    [['person', 2, 2], ['group', 2, 2]]
    """
    empty = pd.DataFrame(columns=DISCOVERED_ACTOR_COLUMNS)
    if sentences.empty:
        return empty
    mentions = []  # article_id, outlet, name, titled, initial, after_place, sentence
    acronyms: dict[str, Counter] = defaultdict(Counter)  # acronym -> names it expands
    for aid, outlet, text in zip(sentences["article_id"], sentences["outlet"], sentences["text"]):
        if not isinstance(text, str) or not text:
            continue
        text = fold_lookalikes(text)
        for m in _NAME.finditer(text):
            initial = bool(_OPENING.match(text[: m.start()]))
            name, titled = _clean(m.group(), initial)
            if not name or (len(name) < 2) or name.lower() in STOPWORDS | MONTHS | WEEKDAYS | TITLES:
                continue
            before = text[: m.start()].split()
            after_place = bool(before) and before[-1].lower() in _PLACE_BEFORE
            mentions.append((aid, outlet, name, titled, initial and " " not in name, after_place, text))
            acro = _ACRONYM_AFTER.match(text, m.end())
            if acro and " " in name and _initials_match(acro.group(1), name):
                acronyms[acro.group(1)][name] += 1
    if not mentions:
        return empty
    expansion = {a: c.most_common(1)[0][0] for a, c in acronyms.items()}

    # short forms: within an article, a one-word name that belongs to exactly one longer name
    # used earlier in the same article counts for that name
    canonical, by_surname = [], Counter()
    seen_full: dict[str, list[str]] = defaultdict(list)
    for aid, _, name, *_ in mentions:
        full = expansion.get(name, name)
        if " " not in full:
            owners = {f for f in seen_full[aid] if full in _words(f)}
            if len(owners) == 1:
                full = owners.pop()
                if name == _words(full)[-1]:
                    by_surname[full] += 1
        elif full not in seen_full[aid]:
            seen_full[aid].append(full)
        canonical.append(full)
    table = pd.DataFrame(mentions, columns=["article_id", "outlet", "cue", "titled", "initial", "after_place", "example"])
    table["actor"] = canonical
    stats = table.groupby("actor").agg(
        n_articles=("article_id", "nunique"), n_outlets=("outlet", "nunique"), n_mentions=("cue", "size"),
        titled=("titled", "sum"), only_initial=("initial", "all"), after_place=("after_place", "sum"),
    )
    has_org_word = stats.index.map(lambda n: any(w.lower() in COMPANY_WORDS | GOVERNMENT_WORDS | GROUP_WORDS
                                                 for w in _words(n)))
    keep = (stats["n_articles"] >= min_articles) & ~stats["only_initial"]
    keep &= (stats["after_place"] * 2 < stats["n_mentions"]) | has_org_word | (stats["titled"] > 0)
    stats = stats[keep].sort_values(["n_articles", "n_outlets", "n_mentions"], ascending=False, kind="stable").head(top)
    rows = []
    for actor, st in stats.iterrows():
        kind = _guess_type(actor, titled=st["titled"], by_surname=by_surname[actor],
                           after_place=st["after_place"], mentions=st["n_mentions"])
        mine = table[table["actor"] == actor]
        cues = [actor] + [c for c in mine["cue"].value_counts().index if c != actor]
        cues += [a for a, full in expansion.items() if full == actor and a not in cues]
        example = mine.loc[mine["cue"] == actor, "example"]
        example = (example if len(example) else mine["example"]).iloc[0]
        source = (f"discovered: named in {st['n_articles']} articles by {st['n_outlets']} outlets "
                  f"({st['n_mentions']} mentions); cues are the forms the articles use")
        for cue in cues:
            rows.append({"actor": actor, "type": kind, "cue": cue, "case_sensitive": True, "inflect": False,
                         "source": source, "n_articles": int(st["n_articles"]), "n_outlets": int(st["n_outlets"]),
                         "n_mentions": int(st["n_mentions"]), "example": " ".join(example.split())})
    return pd.DataFrame(rows, columns=DISCOVERED_ACTOR_COLUMNS)


_ACTOR_HEADER = """\
# Actors discovered in this corpus by analysis.lexicons.discover.discover_actors.
#
# How: capitalised sequences in the body sentences were read as names; titles (Mayor, Sen., Dr.),
# possessives, months, weekdays and places after "in"/"at"/"from" were left out; a surname used
# after the full name in the same article, and an acronym given in brackets after a name, were
# merged into that name. Actors are ranked by how many articles and outlets name them. Each
# 'source' says how many. The 'type' is a guess from the name.
#
# This is a starting point, not a finding. To correct it: delete actors that are not actors,
# fix each 'type' (company | person | government | group | technology), merge entries that are
# one actor by moving one's name into the other's 'aliases', add aliases the rule missed, and
# say in 'source' what you changed. Then pass the file back:  --actors path/to/this/file.yml
#
# Schema: as data/lexicons/actors.yml (read by analysis.lexicons.load_actors). Names and aliases
# here match only as written (case_sensitive: true) and without endings (inflect: false).
"""

_ASPECT_HEADER = """\
# Aspects discovered in this corpus by analysis.lexicons.discover.discover_aspects.
#
# How: key phrases (one to three content words, no stopwords, not names) that several articles
# share were counted by article and outlet, and phrases sharing a word or the same sentences
# were grouped under the most widespread one. Each 'source' says how many articles and outlets.
#
# This is a starting point, not a finding. To correct it: rename each aspect for what it is
# about, write its 'description', remove cues that belong elsewhere, add cues, merge or split
# aspects, and say in 'source' what you changed. Then pass the file back:  --aspects path/to/file.yml
#
# Schema: as data/lexicons/aspects.yml (read by analysis.lexicons.load_aspects).
"""


def _dump(path: Path | str, header: str, top: str, entries: list[dict]) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump({top: entries}, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    path.write_text(header + "\n" + body, encoding="utf-8")
    return path


def write_actors_yaml(actors: pd.DataFrame, path: Path | str) -> Path:
    """Write :func:`discover_actors`'s table as an editable actors file; return its path.

    :func:`analysis.lexicons.load_actors` reads it back to the same
    ``actor, type, cue, case_sensitive, inflect, source`` rows.

    Examples
    --------
    >>> import tempfile
    >>> actors = pd.DataFrame({"actor": ["Maria Garcia"] * 2, "type": "person", "cue": ["Maria Garcia", "Garcia"],
    ...                        "case_sensitive": True, "inflect": False, "source": "discovered"})
    >>> p = write_actors_yaml(actors, Path(tempfile.mkdtemp()) / "actors.yml")
    >>> print(p.read_text().split("actors:")[-1].strip())
    - name: Maria Garcia
      type: person
      aliases:
      - Garcia
      case_sensitive: true
      inflect: false
      source: discovered
    """
    entries = []
    for actor, group in actors.groupby("actor", sort=False):
        entry = {"name": actor, "type": str(group["type"].iloc[0]),
                 "aliases": [c for c in group["cue"] if c != actor]}
        for key in ("case_sensitive", "inflect"):
            values = {None if pd.isna(v) else bool(v) for v in group[key]}
            if len(values) == 1 and values != {None}:
                entry[key] = values.pop()
            elif len(values) > 1:
                entry["aliases"] = [{"cue": c, "case_sensitive": None if pd.isna(cs) else bool(cs),
                                     "inflect": bool(inf)} for c, cs, inf in
                                    zip(group["cue"], group["case_sensitive"], group["inflect"]) if c != actor]
        entry["source"] = str(group["source"].iloc[0])
        entries.append(entry)
    return _dump(path, _ACTOR_HEADER, "actors", entries)


# ---------------------------------------------------------------------------- aspects

_TOKEN = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*|[^\w\s]")


@lru_cache(maxsize=200_000)
def _content_word(tok: str) -> str:
    """``tok`` case-folded if it can be part of a key phrase, else ``""``."""
    low = tok.casefold()
    if low in STOPWORDS or len(low) < 3 or not tok[:1].isalpha() or tok[:1].isupper():
        return ""  # stopwords, numbers, punctuation, names and acronyms
    return low


def _phrases(text: str, max_words: int) -> set[tuple[str, ...]]:
    """Runs of content words (split at stopwords, punctuation, numbers and capitalised names), as n-grams."""
    found, run = set(), []
    tokens = _TOKEN.findall(text)
    tokens.append(".")
    previous = "."
    for tok in tokens:
        # a capitalised word opening the sentence (or a quotation) is read in lower case
        word = _content_word(tok.lower() if previous in ".\"'" and not tok.isupper() else tok)
        previous = tok
        if word:
            run.append(word)
            continue
        if run:
            for n in range(1, min(max_words, len(run)) + 1):
                found.update(tuple(run[j:j + n]) for j in range(len(run) - n + 1))
            run = []
    return found


def discover_aspects(sentences: pd.DataFrame, *, min_articles: int = 2, top: int = 12,
                     max_words: int = 3) -> pd.DataFrame:
    """Recurring key phrases of the story, grouped into aspects.

    Key phrases are runs of one to ``max_words`` content words (no stopwords,
    numbers or capitalised names) named in ``min_articles`` articles or more.
    They are ranked by articles, outlets, then length (``property tax`` before ``tax``);
    each phrase joins the aspect of a higher-ranked phrase that shares a word with
    it, otherwise it starts a new aspect, up to ``top`` aspects of at most eight cues.

    Returns
    -------
    pandas.DataFrame
        One row per cue: ``aspect, description, cue, case_sensitive, inflect,
        source`` (as :func:`analysis.lexicons.load_aspects` returns them) and
        ``n_articles, n_outlets, n_mentions, example`` for the aspect's leading
        phrase. Empty when no phrase recurs.

    Examples
    --------
    >>> s = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "Y", "Z"], "text": [
    ...     "The property tax rate rises.", "Homeowners fear the property tax.", "A tax rate hearing is next."]})
    >>> discover_aspects(s)[["aspect", "cue", "n_articles"]]
      aspect           cue  n_articles
    0    tax           tax           3
    1    tax  property tax           3
    2    tax      tax rate           3
    """
    empty = pd.DataFrame(columns=DISCOVERED_ASPECT_COLUMNS)
    if sentences.empty:
        return empty
    by_article: dict[str, set] = defaultdict(set)
    by_outlet: dict[str, set] = defaultdict(set)
    count: Counter = Counter()
    for aid, outlet, text in zip(sentences["article_id"], sentences["outlet"], sentences["text"]):
        if not isinstance(text, str):
            continue
        found = _phrases(fold_lookalikes(text), max_words)
        by_article[aid] |= found
        by_outlet[outlet] |= found
        count.update(found)
    articles: Counter = Counter()
    for found in by_article.values():
        articles.update(found)
    outlets: Counter = Counter()
    for found in by_outlet.values():
        outlets.update(found)
    n_articles = sentences["article_id"].nunique()
    candidates = [p for p, n in articles.items() if n >= min_articles
                  and (n_articles < 4 or n < n_articles or len(p) > 1)]
    # a phrase inside a longer phrase found in as many articles adds nothing
    longer = defaultdict(int)
    for p in candidates:
        for n in range(1, len(p)):
            for j in range(len(p) - n + 1):
                longer[p[j:j + n]] = max(longer[p[j:j + n]], articles[p])
    candidates = [p for p in candidates if longer[p] < articles[p]]
    candidates.sort(key=lambda p: (-articles[p], -outlets[p], -len(p), -count[p], p))
    groups: list[list[tuple[str, ...]]] = []
    for p in candidates:
        home = next((g for g in groups if set(p) & set(g[0]) and len(g) < 8), None)
        if home is not None:
            home.append(p)
        elif len(groups) < top:
            groups.append([p])
    rows = []
    for g in groups:
        head = g[0]
        name = " ".join(head)
        cues = [" ".join(p) for p in g]
        source = (f"discovered: key phrases shared by {articles[head]} articles from "
                  f"{outlets[head]} outlets (the leading phrase)")
        description = "sentences that mention " + ", ".join(f"'{c}'" for c in cues)
        example = next(" ".join(t.split()) for t in sentences["text"]
                       if isinstance(t, str) and head in _phrases(fold_lookalikes(t), len(head)))
        for cue in cues:
            rows.append({"aspect": name, "description": description, "cue": cue, "case_sensitive": None,
                         "inflect": True, "source": source, "n_articles": articles[head],
                         "n_outlets": outlets[head], "n_mentions": count[head], "example": example})
    out = pd.DataFrame(rows, columns=DISCOVERED_ASPECT_COLUMNS)
    out["case_sensitive"] = out["case_sensitive"].astype(object)
    return out


def write_aspects_yaml(aspects: pd.DataFrame, path: Path | str) -> Path:
    """Write :func:`discover_aspects`'s table as an editable aspects file; return its path.

    :func:`analysis.lexicons.load_aspects` reads it back to the same rows.
    """
    entries = []
    for aspect, group in aspects.groupby("aspect", sort=False):
        entries.append({"name": aspect, "description": str(group["description"].iloc[0]),
                        "cues": list(group["cue"]), "source": str(group["source"].iloc[0])})
    return _dump(path, _ASPECT_HEADER, "aspects", entries)
