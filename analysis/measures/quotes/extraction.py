"""extract_quotes: the direct, fragment, block and unclosed quotations of each article, with their speakers."""

from __future__ import annotations

import bisect

import pandas as pd

from analysis.corpus.text import Correction, count_words, normalise
from analysis.lexicons.actors import ACTOR_COLUMNS
from analysis.measures.actors import actor_mentions
from analysis.measures.quotes.attribution import _REPORTING_RE, _attribute
from analysis.measures.quotes.names import _name_mentions
from analysis.measures.quotes.spans import _OPEN_DOUBLE, _quote_spans

__all__ = ["QUOTE_COLUMNS", "extract_quotes"]

QUOTE_COLUMNS = [
    "quote_id", "article_id", "outlet", "paragraph_no", "sentence_id", "quote", "words",
    "speaker", "cue", "attribution", "kind", "start", "end",
]
_SPEAKING_TYPES = ("person", "company", "government", "group")
_FRAGMENT_WORDS = 4


def extract_quotes(corpus, *, actors: pd.DataFrame) -> pd.DataFrame:
    """Direct quotations in each article, with their speakers.

    Works on the body lines of ``corpus`` (``corpus.lines``, ``corpus.sentences``,
    ``corpus.texts``), so a quotation may span sentences; articles without sentences
    (set aside by the loader) are skipped. It finds

    * ``direct`` quotations in straight or typographic double quotes, and single
      quotes used as a pair (``‘random’``); apostrophes (``IBM’s``) are not quotes,
      and quotes nested in a quotation belong to it;
    * ``fragment``: a direct quotation of fewer than four words (a borrowed phrase,
      ``“loopholes”``);
    * ``block``: a paragraph without quote marks introduced by a paragraph ending
      in a colon after a reporting verb (``Colorlines reported:``);
    * ``unclosed``: an opening mark never closed in its paragraph; the quotation
      runs to the end of the paragraph (or on, if the next paragraph opens with a
      quote mark, the convention for quotations longer than a paragraph).

    The speaker is the subject of a reporting verb next to the quotation (``he
    wrote`` -- a pronoun refers back to the latest person named; ``they`` to the
    first group named in the latest sentence naming one), ``according to X`` or a
    reporting verb elsewhere in the sentence (``..., The Guardian reports``), the
    speaker of the quotation just before in the same paragraph
    when the quotation opens its sentence, the named actor at the start of the
    sentence (its subject), or else the nearest actor named before the quotation
    in the sentence. ``unknown`` if none of these applies. ``attribution`` says
    which rule gave the speaker and ``cue`` the words that did.

    A speaker need not be in the actors lexicon. A name the lexicon does not list
    is accepted where the reporting-verb and ``according to`` rules accept an
    actor, and as the latest person named for ``he``/``she``:

    * a name is a run of two or more capitalised words, with initials (``J.``) and
      particles (``de la``, ``van``, ``al-``) inside allowed; a function word
      opening the run (``The``, ``But``) is dropped, and titles (``Sen.``,
      ``Dr.``, ``President``, ``Mayor``) are dropped from the speaker but shown
      in ``cue`` (``said Sen. Rosa Okafor`` gives ``Rosa Okafor``). A title and
      one word (``Dr. Okafor``) is a name, and so is one word that is the last
      word of a person named earlier in the article (``Okafor said`` after
      ``Rosa Okafor``, which it then stands for);
    * it must stand right by the verb: before it with at most a few auxiliaries
      and adverbs between (``Rosa Okafor also told``), or after it with at most
      ``the`` or ``reporters`` between (``told reporters Rosa Okafor``), and not
      followed by a noun it modifies (``said White House officials``); a
      possessive (``Rosa Okafor's lawyer said``) is not the speaker;
    * a run after a preposition (``in New York``, ``for the Justice
      Department``; ``according to`` excepted) is not a name, nor is a name inside
      a quotation;
    * the lexicon wins: a run overlapping an actor's mention is the actor's
      (``Amazon Web Services`` is Amazon), unless a title follows the mention
      (``Microsoft President Brad Smith`` is Brad Smith); of a name and an actor
      both before the verb, the one nearer the verb is the subject;
    * an organisation's name (``the Justice Department`` -> ``Justice
      Department``) is a speaker too; a run ending in a word such as
      ``Department``, ``Council``, ``Times`` is an organisation, any other a
      person, so only the latter is ``he``/``she``.

    ``attribution`` is the rule's as for an actor (``reporting verb``,
    ``according to``); ``cue`` shows the name and the verb. The sentence-subject
    and nearest-actor rules still take lexicon actors only. This is rule-based,
    with no parsing: a name is text, not an identity (``Rosa Okafor`` and ``Dr.
    Okafor`` are two speakers unless the first comes earlier in the article; the
    same name in two articles is one speaker), a place or programme standing
    where a subject would (``Pell Grants``, ``Washington said``) can be taken
    for one, and ``he`` may refer back to a capitalised run that names no
    person. Check ``cue`` before reading much into a speaker that is not an
    actor.

    Parameters
    ----------
    corpus
        A :class:`analysis.Corpus` (``lines``, ``sentences``, ``texts``, and
        ``normalisations`` so that recorded corrections reach the quotation's
        matching form).
    actors
        :func:`analysis.lexicons.actors.load_actors`'s table. An empty table means
        no lexicon: speakers are then the names read from the text only.

    Returns
    -------
    pandas.DataFrame
        ``quote_id, article_id, outlet, paragraph_no, sentence_id`` (where the
        quotation starts), ``quote`` (matching form), ``words``, ``speaker, cue,
        attribution, kind, start, end`` (raw-file offsets of the quoted words,
        without the marks).
    """
    if actors.empty:
        actors = actors.reindex(columns=ACTOR_COLUMNS)
    sentences = corpus.sentences
    all_mentions = actor_mentions(sentences, actors)
    # Grouped once, in plain lists (reading pandas cells one by one is slow), so that the work
    # grows with the corpus, not with its square. Articles the loader set aside (another
    # language, a near-duplicate) keep their lines but have no sentences; they are not
    # measured, so not read for quotations.
    sents_by: dict[str, tuple[str, list]] = {}
    for aid, outlet, start, end, sid in zip(*(sentences[c].tolist() for c in
                                              ("article_id", "outlet", "start", "end", "sentence_id"))):
        entry = sents_by.get(aid)
        if entry is None:
            entry = sents_by[aid] = (outlet, [])
        entry[1].append((start, end, sid))
    body_by: dict[str, list[tuple[int, str]]] = {}
    lines = corpus.lines
    is_body = (lines["role"] == "body").to_numpy()
    for aid, start, text in zip(*(lines[c].to_numpy()[is_body].tolist() for c in ("article_id", "start", "text"))):
        if aid in sents_by:
            body_by.setdefault(aid, []).append((int(start), str(text)))
    mentions_by: dict[str, list[tuple]] = {}
    lexicon_by: dict[str, list[tuple]] = {}  # every type: a name the lexicon covers is the lexicon's
    for m in zip(*(all_mentions[c].tolist() for c in ("article_id", "start", "end", "sentence_id", "actor", "type"))):
        lexicon_by.setdefault(m[0], []).append(m[1:])
        if m[5] in _SPEAKING_TYPES:
            mentions_by.setdefault(m[0], []).append(m[1:])
    for found in (*mentions_by.values(), *lexicon_by.values()):
        found.sort()
    norms = getattr(corpus, "normalisations", None)
    fixes_by: dict[str, list[Correction]] = {}
    if norms is not None and len(norms):
        corrections = norms[norms["kind"] == "correction"]
        for aid, raw, normalised, reason in zip(*(corrections[c].tolist() for c in
                                                  ("article_id", "raw", "normalised", "reason"))):
            fixes_by.setdefault(aid, []).append(Correction(raw, normalised, reason))
    rows = []
    for article_id, paragraphs in body_by.items():
        text = corpus.texts[article_id]
        outlet, sent_spans = sents_by[article_id]
        mentions = mentions_by.get(article_id, [])

        def sentence_at(pos: int):
            for s, e, sid in sent_spans:
                if s <= pos < e or (pos == e and s < e):
                    return s, e, sid
            before = [x for x in sent_spans if x[0] <= pos]
            return before[-1] if before else (pos, pos, "")

        def sentence_of(pos: int) -> str:
            return sentence_at(pos)[2]

        found = []  # (paragraph index, start, end, kind)
        carry = None
        for p_idx, (p_start, p_text) in enumerate(paragraphs):
            spans = _quote_spans(p_text)
            if carry is not None:
                c_start, c_p = carry
                stripped = p_text.lstrip()
                if stripped[:1] in _OPEN_DOUBLE + '"':
                    # the quotation continues in this paragraph
                    first = spans[0] if spans else None
                    if first is not None:
                        found.append((c_p, c_start, p_start + first[1], "direct" if first[2] else "unclosed"))
                        spans = spans[1:]
                        carry = None if first[2] else (c_start, c_p)
                    else:
                        carry = None
                else:
                    found.append((c_p, c_start, paragraphs[p_idx - 1][0] + len(paragraphs[p_idx - 1][1]), "unclosed"))
                    carry = None
            for k, (a, b, closed) in enumerate(spans):
                is_last_open = not closed and k == len(spans) - 1 and b == len(p_text)
                if is_last_open and p_idx + 1 < len(paragraphs):
                    carry = (p_start + a, p_idx)
                else:
                    found.append((p_idx, p_start + a, p_start + b, "direct" if closed else "unclosed"))
            if not spans and carry is None and p_idx > 0:
                prev = paragraphs[p_idx - 1][1].rstrip()
                if prev.endswith(":") and _REPORTING_RE.search(prev.split(".")[-1]) and p_text.strip():
                    lead = p_text.strip()
                    lead_start = p_start + p_text.index(lead)
                    found.append((p_idx, lead_start, lead_start + len(lead), "block"))
        if carry is not None:
            last = paragraphs[-1]
            found.append((carry[1], carry[0], last[0] + len(last[1]), "unclosed"))

        # names the lexicon does not list, outside the quotations (a name quoted is not speaking)
        names = _name_mentions(text, sent_spans, lexicon_by.get(article_id, []))
        if names and found:
            spans = sorted((a, b) for _, a, b, _ in found)
            span_starts = [a for a, _ in spans]
            names = [m for m in names
                     if not (k := bisect.bisect_right(span_starts, m[0])) or spans[k - 1][1] <= m[0]]
        antecedents = sorted(mentions + [m for m in names if m[4] == "person"]) if names else mentions

        fixes = tuple(fixes_by.get(article_id, ()))
        previous = None  # (paragraph index, speaker, end) of the last attributed quotation
        for n, (p_idx, start, end, kind) in enumerate(found, start=1):
            raw = text[start:end]
            # quoted words only: no surrounding spaces, no trailing comma before the closing mark
            trimmed = raw.rstrip(" \u00a0\t,;:")
            start += len(trimmed) - len(trimmed.lstrip(" \u00a0\t"))
            end = start + len(trimmed.lstrip(" \u00a0\t"))
            raw = text[start:end]
            quote = " ".join(normalise(raw, corrections=fixes).text.split())
            words = count_words(quote)
            if kind == "direct" and words < _FRAGMENT_WORDS:
                kind = "fragment"
            s_start, _, sid = sentence_at(start)
            p_start = paragraphs[p_idx][0]
            result = None
            if kind == "block":
                prev_start, prev_text = paragraphs[p_idx - 1]
                intro = prev_text.rstrip()
                # the intro paragraph's last sentence
                i_start = prev_start + max(intro.rfind(". ") + 2, 0) if ". " in intro else prev_start
                found_intro = _attribute(text[i_start:prev_start + len(intro)], i_start, "", end, "", i_start,
                                         mentions, sentence_of, names, antecedents)
                if found_intro:
                    result = (found_intro[0], found_intro[1], "block intro")
            else:
                lead_from = max(s_start, p_start)
                if previous is not None and previous[2] > lead_from and previous[0] == p_idx:
                    lead_from = previous[2]
                lead = text[lead_from:start - 1] if start - 1 >= lead_from else ""
                if start - 1 == p_start and p_idx > 0 and paragraphs[p_idx - 1][1].rstrip().endswith(":"):
                    # a quotation opening a paragraph, introduced by the paragraph before
                    prev_start, prev_text = paragraphs[p_idx - 1]
                    lead_from, lead = prev_start, prev_text
                trail_end = min(sentence_at(end)[1] if sentence_at(end)[2] else end, p_start + len(paragraphs[p_idx][1]))
                trail_end = max(trail_end, end)
                trail = text[end:trail_end]
                # the rest of the quotation's sentence(s), for 'according to' and 'X reports'
                sent_text = text[s_start:trail_end]
                result = _attribute(lead, lead_from, trail, end, sent_text, s_start, mentions, sentence_of,
                                    names, antecedents)
                if result is None and previous is not None and previous[0] == p_idx and not lead.strip(" ,.;:\u2014-"):
                    result = (previous[1], "", "previous quotation")
                if result is None:
                    in_sentence = [m for m in mentions if s_start <= m[0] and m[1] <= start]
                    opening = text[s_start:in_sentence[0][0]] if in_sentence else ""
                    if in_sentence and len(opening.split()) <= 1:
                        m = in_sentence[0]
                        result = (m[3], text[m[0]:m[1]], "sentence subject")
                    elif in_sentence:
                        m = in_sentence[-1]
                        result = (m[3], text[m[0]:m[1]], "nearest actor")
            speaker, cue, rule = result if result else ("unknown", "", "none")
            cue = " ".join(normalise(cue).text.split())
            rows.append((f"{article_id}-q{n:02d}", article_id, outlet, p_idx + 1, sid, quote, words,
                         speaker, cue, rule, kind, start, end))
            previous = (p_idx, speaker, end) if speaker != "unknown" else (p_idx, "unknown", end)
            if speaker == "unknown":
                previous = None
    out = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return out.astype({"paragraph_no": "int64", "words": "int64", "start": "int64", "end": "int64"})
