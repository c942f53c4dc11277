"""Shared quotations: the same source passage quoted by different outlets, exact, near-exact or partial."""

from __future__ import annotations

import difflib
import re

import pandas as pd

from analysis.corpus.text import split_sentences

__all__ = ["ALIGN_COLUMNS", "align_quotes"]

ALIGN_COLUMNS = [
    "match", "similarity", "outlet_a", "quote_id_a", "speaker_a", "passage_a",
    "outlet_b", "quote_id_b", "speaker_b", "passage_b", "differences", "quotes_a", "quotes_b",
]
_TOKEN_RE = re.compile(r"[^\W_]+(?:['\u2019-][^\W_]+)*")


def _tokens(text: str) -> list[str]:
    """Words for comparing quotations: case and punctuation ignored, hyphens kept."""
    return [t.lower().replace("\u2019", "'") for t in _TOKEN_RE.findall(text)]


def _passages(quote: str) -> list[str]:
    """A quotation's sentences, the unit in which outlets reuse a source."""
    spans = split_sentences(quote) or [(0, len(quote))]
    return [quote[a:b] for a, b in spans]


def _match_words(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, float, tuple] | None:
    """:func:`_compare` without the outlets' names: ``(label, similarity, changes)`` or ``None``.

    ``changes`` are the non-equal opcodes as ``(tag, words of a, words of b)``.
    """
    if not a or not b:
        return None
    if a == b:
        return "exact", 1.0, ()
    # how much is shared is measured on words with hyphens split, so that a spelling
    # such as "facial-recognition" costs nothing; the differences still list it
    sa = [w for t in a for w in t.split("-")]
    sb = [w for t in b for w in t.split("-")]
    blocks = [blk for blk in difflib.SequenceMatcher(None, sa, sb, autojunk=False).get_matching_blocks() if blk.size]
    matched = sum(blk.size for blk in blocks)
    longest = max((blk.size for blk in blocks), default=0)
    similarity = 2 * matched / (len(sa) + len(sb))
    if longest < 3 or matched / min(len(sa), len(sb)) < 0.6:
        return None
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    changes = tuple(
        (tag, _clip(" ".join(a[i1:i2])), _clip(" ".join(b[j1:j2])))
        for tag, i1, i2, j1, j2 in sm.get_opcodes() if tag != "equal"
    )
    label = "near-exact" if matched / max(len(sa), len(sb)) >= 0.8 else "partial"
    return label, round(similarity, 3), changes


def _differences(changes: tuple, name_a: str, name_b: str) -> str:
    diffs = []
    for tag, wa, wb in changes:
        if tag == "replace":
            diffs.append(f"{name_a} '{wa}' / {name_b} '{wb}'")
        elif tag == "delete":
            diffs.append(f"only {name_a}: '{wa}'")
        elif tag == "insert":
            diffs.append(f"only {name_b}: '{wb}'")
    return "; ".join(diffs)


def _compare(a: list[str], b: list[str], name_a: str, name_b: str) -> tuple[str, float, str] | None:
    """Label two passages exact, near-exact or partial; ``None`` if they share too little."""
    found = _match_words(tuple(a), tuple(b))
    if found is None:
        return None
    return found[0], found[1], _differences(found[2], name_a, name_b)


def _clip(words: str, n: int = 8) -> str:
    parts = words.split()
    return words if len(parts) <= n else " ".join(parts[:n]) + " …"


_MATCH_ORDER = {"exact": 0, "near-exact": 1, "partial": 2}


def align_quotes(quotes: pd.DataFrame) -> pd.DataFrame:
    """Match quotations of the same source passage across outlets.

    Quotations are compared sentence by sentence (a passage), in words, ignoring
    case and punctuation, with :class:`difflib.SequenceMatcher`; a hyphen counts
    as a space when measuring overlap, but is listed among the differences.
    Two passages from different outlets are

    * ``exact`` -- the same words;
    * ``near-exact`` -- at least 80% of the longer passage's words matched in
      order; ``differences`` lists every change (``Colorlines 'facial-recognition'
      / VPNoverview 'facial recognition'``, ``only Colorlines: 'we believe'``);
    * ``partial`` -- at least three words in a row and 60% of the shorter
      passage shared (one outlet quotes part of what the other quotes);

    and anything less is no match. Each pair of quotations is reported once, by
    its best-matching passages. Quotations that match nothing in another outlet
    are listed with ``match = "unique"`` and empty ``_b`` columns.

    Quotations with the same words (sentence by sentence, as compared here) in the
    same outlet -- a wire quotation an outlet runs in many articles -- share one
    row: ``quotes_a`` and ``quotes_b`` count them, so a row stands for
    ``quotes_a * quotes_b`` pairs of quotations (``quotes_b`` is 0 on a unique
    row), and it shows the pair that one row per pair would list first (the
    smallest ``quote_id_a``, then ``quote_id_b``; on a unique row the first such
    quotation in ``quotes``). Without this the table would grow with the square
    of the number of times a quotation is repeated; with it, a quotation repeated
    word for word in *k* outlets gives one row per pair of those outlets, however
    many articles repeat it. Where no outlet repeats a quotation word for word
    every count is 1 and every row is one pair of quotations.

    Returns
    -------
    pandas.DataFrame
        ``match, similarity`` (Dice coefficient of matched words), ``outlet_a,
        quote_id_a, speaker_a, passage_a, outlet_b, quote_id_b, speaker_b,
        passage_b, differences, quotes_a, quotes_b``; pairs first (exact,
        near-exact, partial; then by similarity and quotation ids), then unique
        quotations in the order of ``quotes``.

    Examples
    --------
    >>> q = pd.DataFrame({"quote_id": ["a1", "b1"], "outlet": ["A", "B"], "speaker": ["K", "K"],
    ...     "quote": ["We believe now is the time to decide how facial-recognition should be used.",
    ...               "now is the time to decide how facial recognition should be used"]})
    >>> r = align_quotes(q).iloc[0]
    >>> r["match"], r["differences"]
    ('near-exact', "only A: 'we believe'; A 'facial-recognition' / B 'facial recognition'")
    """
    quote_ids, outlets, speakers, texts = (quotes[c].tolist() for c in ("quote_id", "outlet", "speaker", "quote"))
    # 1. Quotations with the same passages (in words) in the same outlet are one unit: they
    # match the same quotations, in the same way.
    split: dict[str, tuple[list[str], tuple]] = {}
    unit_of: dict[tuple, int] = {}
    unit_outlet: list = []
    unit_words: list[tuple] = []
    members: list[list[int]] = []
    for pos, (outlet, text) in enumerate(zip(outlets, texts)):
        found = split.get(text)
        if found is None:
            passages = _passages(text)
            found = split[text] = (passages, tuple(tuple(_tokens(p)) for p in passages))
        u = unit_of.setdefault((outlet, found[1]), len(unit_outlet))
        if u == len(unit_outlet):
            unit_outlet.append(outlet)
            unit_words.append(found[1])
            members.append([])
        members[u].append(pos)
    # the quotation a unit's pair rows show: the smallest id, as one row per pair sorts first
    shown = [min(m, key=quote_ids.__getitem__) for m in members]

    # 2. Distinct passages, and where they occur (unit, passage number).
    passage_id: dict[tuple, int] = {}
    occurs: list[list[tuple[int, int]]] = []
    for u, words in enumerate(unit_words):
        for k, toks in enumerate(words):
            if not toks:
                continue  # no words: matches nothing
            p = passage_id.setdefault(toks, len(occurs))
            if p == len(occurs):
                occurs.append([])
            occurs[p].append((u, k))
    passage_words = list(passage_id)

    # 3. A match is either the same words or three words in a row in common, so only passages
    # that are identical or share a run of three words are compared: the same pairs as
    # comparing all, far faster. Each distinct pair of passages is compared once per direction.
    by_trigram: dict[tuple[str, ...], list[int]] = {}
    for p, toks in enumerate(passage_words):
        words = [w for tok in toks for w in tok.split("-")]
        for gram in {tuple(words[k:k + 3]) for k in range(len(words) - 2)}:
            by_trigram.setdefault(gram, []).append(p)
    sharing = {(p, q) for ids in by_trigram.values() for x, p in enumerate(ids) for q in ids[x + 1:]}
    compared: dict[tuple[int, int], tuple | None] = {}

    def compare(p: int, q: int):
        key = (p, q)
        if key not in compared:
            compared[key] = _match_words(passage_words[p], passage_words[q])
        return compared[key]

    # the best passages of each pair of units (a from the outlet first in order): ties go to
    # the passages one row per pair of quotations would meet first, for the quotations shown
    best: dict[tuple[int, int], tuple] = {}

    def consider(u: int, k: int, p: int, v: int, kv: int, q: int) -> None:
        if unit_outlet[u] == unit_outlet[v]:
            return
        if unit_outlet[v] < unit_outlet[u]:
            u, k, p, v, kv, q = v, kv, q, u, k, p
        res = compare(p, q)
        if res is None:
            return
        tie = (k, kv) if shown[u] < shown[v] else (kv, k)
        rank = (_MATCH_ORDER[res[0]], -res[1], tie)
        old = best.get((u, v))
        if old is None or rank < old[0]:
            best[(u, v)] = (rank, k, kv, res)

    for p, where in enumerate(occurs):
        if len(where) > 1 and compare(p, p) is not None:
            for x, (u, k) in enumerate(where):
                for v, kv in where[x + 1:]:
                    consider(u, k, p, v, kv, p)
    for p, q in sorted(sharing):
        if compare(p, q) is None and compare(q, p) is None:
            continue
        for u, k in occurs[p]:
            for v, kv in occurs[q]:
                consider(u, k, p, v, kv, q)

    # 4. The table.
    rows = []
    for (u, v), (_, k, kv, res) in best.items():
        a, b = shown[u], shown[v]
        rows.append((res[0], res[1], outlets[a], quote_ids[a], speakers[a], split[texts[a]][0][k], outlets[b],
                     quote_ids[b], speakers[b], split[texts[b]][0][kv], _differences(res[2], outlets[a], outlets[b]),
                     len(members[u]), len(members[v])))
    pairs = pd.DataFrame(rows, columns=ALIGN_COLUMNS)
    pairs = pairs.assign(_o=pairs["match"].map(_MATCH_ORDER)).sort_values(
        ["_o", "similarity", "quote_id_a", "quote_id_b"], ascending=[True, False, True, True], kind="stable"
    )
    matched = {u for uv in best for u in uv}
    alone = [(m[0], len(m)) for u, m in enumerate(members) if u not in matched]
    first = [pos for pos, _ in alone]
    unique = quotes.iloc[first]
    single = pd.DataFrame({
        "match": "unique", "similarity": float("nan"), "outlet_a": unique["outlet"], "quote_id_a": unique["quote_id"],
        "speaker_a": unique["speaker"], "passage_a": unique["quote"], "outlet_b": "", "quote_id_b": "",
        "speaker_b": "", "passage_b": "", "differences": "",
        "quotes_a": pd.Series([n for _, n in alone], index=unique.index, dtype="int64"), "quotes_b": 0,
    }, columns=ALIGN_COLUMNS)
    frames = [f for f in (pairs.drop(columns="_o"), single) if len(f)]
    if not frames:
        return pd.DataFrame(columns=ALIGN_COLUMNS)
    out = pd.concat(frames, ignore_index=True)[ALIGN_COLUMNS]
    return out.astype({"quotes_a": "int64", "quotes_b": "int64"})
