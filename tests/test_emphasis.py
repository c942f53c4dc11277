"""Tests for analysis.emphasis: actors, prominence, aspects, quotes, alignment, log-odds."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import load_corpus
from analysis.emphasis import (
    ACTOR_TYPES,
    STOP_WORDS,
    actor_mentions,
    actor_prominence,
    align_quotes,
    aspect_coverage,
    aspect_mentions,
    count_terms,
    coverage_gaps,
    distinctive_terms,
    extract_quotes,
    load_actors,
    load_aspects,
    quote_share,
    share_of_voice,
)
from analysis.corpus.text import normalise, split_sentences


def make_sentences(article_id: str, outlet: str, paragraphs: list[str]) -> pd.DataFrame:
    """A small sentences table in the contract's shape, built from invented paragraphs.

    Paragraphs are joined by blank lines so that ``start``/``end`` are offsets in
    that joined "file", as the corpus loader gives them.
    """
    rows, offset, n = [], 0, 0
    for p_no, para in enumerate(paragraphs, start=1):
        for a, b in split_sentences(para):
            n += 1
            raw = para[a:b]
            norm = normalise(raw)
            rows.append(
                {
                    "article_id": article_id,
                    "outlet": outlet,
                    "paragraph_no": p_no,
                    "sentence_no": n,
                    "sentence_id": f"{article_id}-s{n:03d}",
                    "text": norm.text,
                    "start": offset + a,
                    "end": offset + b,
                    "raw": raw,
                    "edits": norm.edits,
                }
            )
        offset += len(para) + 2
    return pd.DataFrame(rows)


def make_corpus(articles: dict[str, list[str]], *, titles: dict[str, str] | None = None) -> SimpleNamespace:
    """A corpus-like object (lines, sentences, headlines, texts) from invented articles.

    ``articles`` maps an outlet to its body paragraphs; each outlet has one article,
    whose file is its title line, a blank line, then the paragraphs separated by
    blank lines.
    """
    lines, sentences, headlines, texts = [], [], [], {}
    for outlet, paragraphs in articles.items():
        aid = outlet.lower()
        title = (titles or {}).get(outlet, f"A headline from {outlet}")
        file_lines = [(title, "title")]
        for para in paragraphs:
            file_lines += [("", "blank"), (para, "body")]
        pos, p_no, s_no = 0, 0, 0
        for line_no, (text, role) in enumerate(file_lines, start=1):
            lines.append({"article_id": aid, "line_no": line_no, "text": text, "eol": "\n", "start": pos,
                          "end": pos + len(text), "role": role, "reason": "test"})
            if role == "title":
                n = normalise(text)
                headlines.append({"article_id": aid, "outlet": outlet, "paragraph_no": 0, "sentence_no": 0,
                                  "sentence_id": f"{aid}-h", "text": n.text, "start": pos, "end": pos + len(text),
                                  "raw": text, "edits": n.edits})
            if role == "body":
                p_no += 1
                for a, b in split_sentences(text):
                    s_no += 1
                    n = normalise(text[a:b])
                    sentences.append({"article_id": aid, "outlet": outlet, "paragraph_no": p_no,
                                      "sentence_no": s_no, "sentence_id": f"{aid}-s{s_no:03d}", "text": n.text,
                                      "start": pos + a, "end": pos + b, "raw": text[a:b], "edits": n.edits})
            pos += len(text) + 1
        texts[aid] = "".join(text + "\n" for text, _ in file_lines)
    return SimpleNamespace(
        lines=pd.DataFrame(lines), sentences=pd.DataFrame(sentences), headlines=pd.DataFrame(headlines),
        texts=texts, normalisations=pd.DataFrame(columns=["article_id", "kind", "raw", "normalised", "reason"]),
    )


@pytest.fixture(scope="module")
def actors():
    return load_actors()


@pytest.fixture(scope="module")
def seed():
    """The two real seed articles, read by the corpus loader."""
    return load_corpus()


@pytest.fixture(scope="module")
def seed_quotes(seed):
    return extract_quotes(seed)


# ---------------------------------------------------------------- actors


def test_actors_lexicon_has_the_required_actors_with_valid_types(actors):
    required = {
        "IBM", "Arvind Krishna", "Congress", "police / law enforcement", "Amazon", "Microsoft",
        "Google / Alphabet", "Sundar Pichai", "European Commission", "facial recognition technology",
        "civil-rights advocates", "The Guardian", "Colorlines", "Cory Booker", "Kamala Harris",
        "Karen Bass", "Hakeem Jeffries", "Jerrold Nadler", "George Floyd", "Ahmaud Arbery",
        "Breonna Taylor", "ICE", "FBI", "governments and security services",
    }
    assert required <= set(actors["actor"])
    assert set(actors["type"]) <= set(ACTOR_TYPES)
    assert actors["source"].str.len().gt(10).all()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("IBM CEO Arvind Krishna wrote to Congress.", ["IBM", "Arvind Krishna", "Congress"]),
        ("Krishna decided to write the letter to congress.", ["Arvind Krishna", "Congress"]),
        ("According to the CEO, it is time.", ["Arvind Krishna"]),
        ("Activists accused Amazon Ring’s partnership with police departments.",
         ["civil-rights advocates", "Amazon", "police / law enforcement"]),
        ("Shared with other agencies like ICE or the FBI.", ["ICE", "FBI"]),
        ("The ice on the lake was thin.", []),
        ("Police policies matter to police.", ["police / law enforcement", "police / law enforcement"]),
        ("Rep. Karen Bass wrote back; Bass agreed.", ["Karen Bass", "Karen Bass"]),
        ("He caught a bass and a sea bass.", []),
        ("The guardian of the gate.", []),
        ("According to The Guardian, it was late.", ["The Guardian"]),
        ("Sundar Pichai, Alphabet’s CEO (Google’s parent company), said so.",
         ["Sundar Pichai", "Google / Alphabet", "Google / Alphabet"]),
        ("The chief executive officer spoke.", []),
        ("Officers usually walk away freely.", ["police / law enforcement"]),
        ("IBMs and IBM’s and xIBM.", ["IBM", "IBM"]),
    ],
)
def test_actor_mentions_find_aliases_as_whole_words(actors, text, expected):
    s = make_sentences("t", "Test", [text])
    assert actor_mentions(s, actors)["actor"].tolist() == expected


def test_actor_mentions_give_raw_offsets_through_typographic_characters(actors):
    raw = "IBM\u2019s letter\u00a0\u00a0to  Congress, said Krishna."
    s = make_sentences("t", "Test", ["Lead sentence here.", raw])
    m = actor_mentions(s, actors)
    text = "Lead sentence here.\n\n" + raw
    assert [text[a:b] for a, b in zip(m["start"], m["end"])] == ["IBM", "Congress", "Krishna"]
    assert m["match"].tolist() == ["IBM", "Congress", "Krishna"]
    assert list(m.columns[:8]) == ["sentence_id", "article_id", "outlet", "actor", "type", "cue", "match", "start"]


def test_actor_mentions_of_an_empty_table_is_an_empty_table_with_columns(actors):
    s = make_sentences("t", "Test", ["Nothing to see."])
    m = actor_mentions(s, actors)
    assert m.empty and "actor" in m.columns and "type" in m.columns


@pytest.mark.parametrize(
    "yaml_text, message",
    [
        ("actors: 3", "top-level 'actors:' list"),
        ("actors:\n  - {name: X, type: planet, aliases: [], source: s}", "type 'planet'"),
        ("actors:\n  - {name: X, type: person, aliases: []}", "'source' or 'rationale'"),
        ("actors:\n  - {type: person, aliases: [], source: s}", "missing 'name'"),
        ("actors:\n  - {name: X, type: person, aliases: [3], source: s}", "alias 3"),
        ("actors:\n  - {name: X, type: person, source: s}\n  - {name: X, type: person, source: s}", "listed twice"),
    ],
)
def test_load_actors_names_the_file_and_the_problem(tmp_path, yaml_text, message):
    path = tmp_path / "actors.yml"
    path.write_text(yaml_text)
    with pytest.raises(ValueError, match="actors.yml") as info:
        load_actors(path)
    assert message in str(info.value)


def test_load_actors_accepts_rationale_and_per_alias_case_rules(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text(
        "actors:\n  - name: Karen Bass\n    type: person\n    rationale: r\n"
        "    aliases: [{cue: bass, case_sensitive: false, inflect: false}]\n"
    )
    a = load_actors(path)
    assert a["cue"].tolist() == ["Karen Bass", "bass"]
    assert a["case_sensitive"].tolist() == [None, False]
    assert a["inflect"].tolist() == [True, False]


# ---------------------------------------------------------------- prominence


def test_prominence_counts_headline_lede_and_first_position(actors):
    corpus = make_corpus(
        {
            "Alpha": ["IBM quits the market.", "Later, Krishna wrote to Congress. Krishna was firm."],
            "Beta": ["A quiet start.", "Nothing here.", "Then IBM spoke."],
        },
        titles={"Alpha": "IBM quits", "Beta": "A story"},
    )
    m = actor_mentions(corpus.sentences, actors)
    h = actor_mentions(corpus.headlines, actors)
    p = actor_prominence(m, corpus.sentences, headline_mentions=h).set_index(["outlet", "actor"])
    assert p.loc[("Alpha", "IBM"), ["headline_share", "lede_share", "first_position"]].tolist() == [1.0, 1.0, 0.0]
    assert p.loc[("Alpha", "Arvind Krishna"), "mentions"] == 2
    assert p.loc[("Alpha", "Arvind Krishna"), "sentences"] == 2
    assert p.loc[("Alpha", "Arvind Krishna"), "sentence_share"] == pytest.approx(2 / 3)
    assert p.loc[("Alpha", "Arvind Krishna"), "first_sentence_no"] == 2
    assert p.loc[("Beta", "IBM"), ["headline_share", "lede_share"]].tolist() == [0.0, 0.0]
    assert p.loc[("Beta", "IBM"), "first_position"] == pytest.approx(2 / 3)
    # an actor only one outlet names still gets a row, with zeros, for the other
    assert p.loc[("Beta", "Arvind Krishna"), "mentions"] == 0
    assert pd.isna(p.loc[("Beta", "Arvind Krishna"), "first_sentence_no"])


def test_prominence_works_for_three_outlets_and_without_headlines(actors):
    corpus = make_corpus({"A": ["IBM."], "B": ["Amazon and IBM."], "C": ["Microsoft."]})
    p = actor_prominence(actor_mentions(corpus.sentences, actors), corpus.sentences)
    assert sorted(p["outlet"].unique()) == ["A", "B", "C"]
    assert len(p) == 3 * 3
    assert p["headline_share"].eq(0).all()


# ---------------------------------------------------------------- aspects


def test_aspects_lexicon_names_the_story_parts_the_issue_lists():
    aspects = load_aspects()
    names = set(aspects["aspect"])
    for needed in ["IBM's decision", "policy: police reform", "policy: responsible technology",
                   "policy: skills and education", "critics' doubts about IBM's motives", "other companies",
                   "regulation", "protests and police killings", "privacy and civil liberties", "bias testing of AI"]:
        assert needed in names
    assert aspects["source"].str.len().gt(10).all()
    # an aspect's name is a label, not a cue
    assert not {"IBM's decision", "other companies", "regulation"} & set(aspects["cue"])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Colorlines critics are not buying IBM's motives.", {"critics' doubts about IBM's motives"}),
        ("Microsoft and Amazon asked for regulation.", {"other companies", "regulation"}),
        ("AI must be tested for bias.", {"bias testing of AI"}),
        ("An ai is not AI in lower case.", {"bias testing of AI"}),
        ("Police reform and accountable officers.", {"policy: police reform"}),
        ("Mass surveillance violates privacy.", {"mass surveillance and profiling", "privacy and civil liberties"}),
        ("The weather was fine.", set()),
    ],
)
def test_aspect_mentions_find_each_aspect_on_its_own(text, expected):
    s = make_sentences("t", "Test", [text])
    assert set(aspect_mentions(s, load_aspects())["aspect"]) == expected


def test_aspect_coverage_shares_and_gaps():
    aspects = load_aspects()
    corpus = make_corpus({"A": ["Amazon sells it. The sky is blue today."], "B": ["The ban is law. Nothing else."]})
    m = aspect_mentions(corpus.sentences, aspects)
    cov = aspect_coverage(m, corpus.sentences, aspects=aspects).set_index(["outlet", "aspect"])
    assert cov.loc[("A", "other companies"), ["covered", "sentences", "words"]].tolist() == [True, 1, 3]
    assert cov.loc[("A", "other companies"), "word_share"] == pytest.approx(3 / 8)
    assert cov.loc[("A", "other companies"), "sentence_share"] == pytest.approx(1 / 2)
    assert not cov.loc[("B", "other companies"), "covered"]
    assert cov.loc[("B", "regulation"), "cues"] == "ban"
    # every aspect of the lexicon is listed, covered or not
    assert len(cov) == 2 * aspects["aspect"].nunique()
    gaps = coverage_gaps(cov.reset_index()).set_index("aspect")
    assert gaps.loc["other companies"].tolist() == ["A", "B"]
    assert gaps.loc["regulation"].tolist() == ["B", "A"]
    assert "national dialogue" not in gaps.index  # nobody covers it: not a gap


def aspect_mentions_of_every_sentence(sentences: pd.DataFrame, aspects: pd.DataFrame) -> pd.DataFrame:
    """The reference: each aspect's cues looked for in every sentence, no sentence skipped."""
    from analysis.emphasis import ASPECT_MENTION_COLUMNS, _matcher
    from analysis.matching import find_terms

    frames = [find_terms(sentences, _matcher(cues, "aspect")).rename(columns={"key": "aspect"})
              for _, cues in aspects.groupby("aspect", sort=False)]
    return pd.concat(frames, ignore_index=True)[ASPECT_MENTION_COLUMNS]


def _inflections(cue: str) -> list[str]:
    """The cue as a text may write it: in other cases, hyphenated, its last word inflected."""
    stem = cue.rstrip("*")
    last = stem.split()[-1] if stem.split() else stem
    forms = {stem, stem.upper(), stem.title(), stem.replace(" ", "-"), stem + "s", stem + "ing", stem + "ed",
             stem[:-1] + "ing", stem[:-1] + "ies", stem + last[-1:] + "ed", stem + "ation"}
    return sorted(f for f in forms if f.strip())


_LEXICON_ASPECTS = load_aspects()
_ASPECT_FORMS = sorted({f for cue in _LEXICON_ASPECTS["cue"] for f in _inflections(cue)})
_FILLER = ["the", "a", "and", "of", "police", "said", "Ai", "ai", "aid", "régulation", "\u0130ce", "café", "data",
           "2020", "-", ",", "."]


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.lists(st.sampled_from(_ASPECT_FORMS + _FILLER), min_size=1, max_size=12).map(" ".join),
                      min_size=1, max_size=12))
def test_aspect_mentions_skips_only_sentences_no_cue_can_match(texts):
    # the project's aspects, in sentences made of their cues written every which way
    s = pd.DataFrame({"sentence_id": [f"a-s{i:03d}" for i in range(len(texts))], "article_id": "a",
                      "outlet": "X", "start": 0, "text": texts})
    pd.testing.assert_frame_equal(aspect_mentions(s, _LEXICON_ASPECTS),
                                  aspect_mentions_of_every_sentence(s, _LEXICON_ASPECTS))


_CUES = ["AI", "ban", "regulate", "policy", "law enforcement", "the dialogue", "U.S.", "regulat*", "ICE", "go",
         "Black Lives Matter", "the misuse", "face-scan", "no longer use", "\u00e9lys\u00e9e"]
# "mi\u017fuse" (a long s): ignoring case, the expression matches it where lower case does not
_CUE_WORDS = sorted({f for cue in _CUES for f in _inflections(cue)}
                    | {"the", "ice", "Ice", "gone", "banner", "lawful", "mi\u017fuse", "mi\u017fused", "\u00c9lys\u00e9e"})


@settings(max_examples=60, deadline=None)
@given(
    lexicon=st.lists(st.tuples(st.sampled_from(["p", "q", "r"]), st.sampled_from(_CUES),
                               st.sampled_from([None, True, False]), st.booleans()), min_size=1, max_size=8),
    texts=st.lists(st.lists(st.sampled_from(_CUE_WORDS), min_size=1, max_size=10).map(" ".join), min_size=1, max_size=10),
)
def test_aspect_mentions_with_invented_lexicons_equal_looking_in_every_sentence(lexicon, texts):
    rows, seen = [], set()
    for aspect, cue, case, inflect in lexicon:
        if (aspect, cue) not in seen:
            seen.add((aspect, cue))
            rows.append({"aspect": aspect, "description": "", "cue": cue, "case_sensitive": case,
                         "inflect": inflect, "source": "test"})
    aspects = pd.DataFrame(rows)
    s = pd.DataFrame({"sentence_id": [f"a-s{i:03d}" for i in range(len(texts))], "article_id": "a",
                      "outlet": "X", "start": 0, "text": texts})
    pd.testing.assert_frame_equal(aspect_mentions(s, aspects), aspect_mentions_of_every_sentence(s, aspects))


def test_aspect_mentions_keeps_what_ignoring_case_matches_beyond_lower_case():
    aspects = pd.DataFrame([{"aspect": "x", "description": "", "cue": "the misuse", "case_sensitive": None,
                             "inflect": True, "source": "test"}])
    s = pd.DataFrame({"sentence_id": ["a-s001", "a-s002", "a-s003"], "article_id": "a", "outlet": "X", "start": 0,
                      "text": ["They fear the mi\u017fuse of data.", "THE MISUSED data", "Nothing to see."]})
    found = aspect_mentions(s, aspects)
    assert found["match"].tolist() == ["the mi\u017fuse", "THE MISUSED"]
    pd.testing.assert_frame_equal(found, aspect_mentions_of_every_sentence(s, aspects))


@pytest.mark.parametrize(
    "cue, inflect, key",
    [
        ("the dialogue", True, "dialogu"),  # the longest word; the last may change its last letter
        ("regulate", True, "regulat"),
        ("regulate", False, "regulate"),
        ("regulat*", True, "regulat"),
        ("AI", True, "ai"),  # one or two letters: not inflected
        ("no longer use", True, "longer"),
        ("U.S.", True, None),  # no word of letters and digits alone
        ("\u00e9lys\u00e9e", True, None),  # not ASCII: lower case is not all ignoring case does
    ],
)
def test_cue_key_is_a_start_every_match_has(cue, inflect, key):
    from analysis.emphasis import _cue_key
    from analysis.matching import Term

    assert _cue_key(Term("x", cue, inflect=inflect)) == key


def test_load_aspects_requires_cues_and_a_source(tmp_path):
    path = tmp_path / "aspects.yml"
    path.write_text("aspects:\n  - {name: x, cues: [a], description: d}\n")
    with pytest.raises(ValueError, match="aspects.yml aspect 1 \\(x\\).*source"):
        load_aspects(path)
    path.write_text("aspects:\n  - {name: x, source: s}\n")
    with pytest.raises(ValueError, match="no 'cues'"):
        load_aspects(path)


# ---------------------------------------------------------------- quotes


def quotes_of(*paragraphs: str, outlet: str = "Test") -> pd.DataFrame:
    return extract_quotes(make_corpus({outlet: list(paragraphs)}))


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        ('Krishna said "we will stop selling it."', [("we will stop selling it.", "direct")]),
        ("Krishna said \u201cwe will stop selling it.\u201d", [("we will stop selling it.", "direct")]),
        # a quotation spanning two sentences is one quotation
        ("Krishna wrote: \u201cIBM opposes it. We believe now is the time.\u201d",
         [("IBM opposes it. We believe now is the time.", "direct")]),
        # nested quotes belong to the outer quotation
        ("Krishna said: \u201cThey called it \u2018a scam\u2019 on the day we left.\u201d",
         [("They called it 'a scam' on the day we left.", "direct")]),
        ('Krishna said: "They called it \'a scam\' on the day we left."',
         [("They called it 'a scam' on the day we left.", "direct")]),
        # apostrophes are not quotation marks
        ("IBM\u2019s letter and Amazon\u2019s don\u2019t count; the activists\u2019 letter neither.", []),
        ("IBM's letter, Amazon's don't count.", []),
        # single quotes used as a pair are a quotation
        ("The Commission wants to limit \u2018random\u2019 use of it.", [("random", "fragment")]),
        ("Short words \u201cloopholes\u201d are fragments.", [("loopholes", "fragment")]),
        # the comma before the closing mark is not part of the quotation
        ("\u201cWe will stop selling it,\u201d he wrote.", [("We will stop selling it", "direct")]),
    ],
)
def test_extract_quotes_finds_each_form(paragraph, expected):
    q = quotes_of("Arvind Krishna leads IBM.", paragraph)
    assert list(zip(q["quote"], q["kind"])) == expected


def test_extract_quotes_offsets_point_at_the_raw_quoted_words():
    corpus = make_corpus({"Test": ["IBM\u00a0said \u201cwe stop\u00a0now, for good.\u201d"]})
    q = extract_quotes(corpus)
    r = q.iloc[0]
    assert corpus.texts["test"][r.start:r.end] == "we stop\u00a0now, for good."
    assert r.quote == "we stop now, for good."


def test_unclosed_quote_is_reported_not_crashed_on():
    q = quotes_of("Arvind Krishna said \u201cthis never closes. And goes on.", "Next paragraph, no quote.")
    assert q["kind"].tolist() == ["unclosed"]
    assert q["quote"].iloc[0] == "this never closes. And goes on."
    assert q["speaker"].iloc[0] == "Arvind Krishna"


def test_straight_unclosed_quote_is_reported():
    q = quotes_of('IBM said "it never ends here')
    assert q[["quote", "kind"]].values.tolist() == [["it never ends here", "unclosed"]]


def test_quote_running_over_paragraphs_is_one_quotation():
    q = quotes_of("Krishna wrote: \u201cFirst paragraph of the letter.", "\u201cSecond paragraph, closed.\u201d")
    assert q["kind"].tolist() == ["direct"]
    # the inner opening mark is kept, folded to '"' in the matching form
    assert q["quote"].iloc[0] == 'First paragraph of the letter. "Second paragraph, closed.'
    assert q["paragraph_no"].iloc[0] == 1


def test_block_quote_after_a_reporting_colon_is_attributed_to_the_intro():
    q = quotes_of("Activists wrote to IBM.", "Colorlines reported:", "Amazon's technology lets police see footage.")
    assert q[["speaker", "kind", "attribution"]].values.tolist() == [["Colorlines", "block", "block intro"]]
    assert q["quote"].iloc[0] == "Amazon's technology lets police see footage."


def test_colon_without_a_reporting_verb_does_not_make_a_block_quote():
    q = quotes_of("Krishna proposed the following changes:", "Police reform - new rules.")
    assert q.empty


@pytest.mark.parametrize(
    "paragraphs, speaker, attribution",
    [
        (["Arvind Krishna leads IBM.", "\u201cWe will stop,\u201d he wrote."], "Arvind Krishna", "reporting verb"),
        (["\u201cWe will stop,\u201d said Sundar Pichai."], "Sundar Pichai", "reporting verb"),
        (["Sundar Pichai said: \u201cWe will stop.\u201d"], "Sundar Pichai", "reporting verb"),
        (["IBM's move is \u201cthe strongest to date,\u201d according to The Guardian."], "The Guardian", "according to"),
        (["According to The Guardian, police face \u201cviolent crackdowns.\u201d"], "The Guardian", "according to"),
        (["Critics met. Other tech companies trailed.", "They also accuse IBM of \u201cloopholes\u201d."],
         "critics", "reporting verb"),
        (["Krishna decided to write because deaths \u201cremind us of the fight\u201d."], "Arvind Krishna",
         "sentence subject"),
        (["He says it is \u201ca tool\u201d. \u201cBut it must be tested.\u201d", ], "unknown", "none"),
        (["The weather was \u201cvery nice\u201d today."], "unknown", "none"),
    ],
)
def test_speaker_attribution(paragraphs, speaker, attribution):
    q = quotes_of(*paragraphs)
    assert (q["speaker"].iloc[-1], q["attribution"].iloc[-1]) == (speaker, attribution)


# ------------------------------------------------------- speakers the lexicon does not list

_Q = "\u201cThe rules are long overdue,\u201d"  # a quotation, before its attribution
_QO = "\u201cthe rules are long overdue\u201d"  # a quotation, after it


@pytest.mark.parametrize(
    "paragraphs, speaker, cue, attribution",
    [
        # after and before the reporting verb
        ([f"{_Q} wrote Rosa Okafor, an organizer with the state legislature."], "Rosa Okafor", "wrote Rosa Okafor",
         "reporting verb"),
        ([f"{_Q} Rosa Okafor wrote."], "Rosa Okafor", "Rosa Okafor wrote", "reporting verb"),
        ([f"Rosa Okafor said in a statement that {_QO}."], "Rosa Okafor", "Rosa Okafor said", "reporting verb"),
        ([f"{_Q} Rosa Okafor also told reporters."], "Rosa Okafor", "Rosa Okafor also told", "reporting verb"),
        ([f"{_Q} told reporters Kwame Mensah."], "Kwame Mensah", "told reporters Kwame Mensah", "reporting verb"),
        # titles are not part of the name; initials and particles are
        ([f"Sen. Rosa Okafor said {_QO}."], "Rosa Okafor", "Sen. Rosa Okafor said", "reporting verb"),
        ([f"{_Q} said Rep. J. Rosa de la Cruz."], "J. Rosa de la Cruz", "said Rep. J. Rosa de la Cruz",
         "reporting verb"),
        ([f"New York Mayor Bill de Blasio said {_QO}."], "Bill de Blasio", "New York Mayor Bill de Blasio said",
         "reporting verb"),
        # according to
        ([f"{_Q} according to Rosa Okafor."], "Rosa Okafor", "according to Rosa Okafor", "according to"),
        ([f"According to Dr. Rosa Okafor, the rules are {_QO}."], "Rosa Okafor", "According to Dr. Rosa Okafor",
         "according to"),
        # an organisation: the opening 'The' is not part of its name
        ([f"{_Q} the Justice Department said."], "Justice Department", "Justice Department said", "reporting verb"),
        # a sentence-initial word is not part of the name
        ([f"But Rosa Okafor said {_QO}."], "Rosa Okafor", "Rosa Okafor said", "reporting verb"),
        # the surname alone stands for the person named earlier in the article
        (["Rosa Okafor chairs the panel.", f"Okafor said {_QO}."], "Rosa Okafor", "Okafor said", "reporting verb"),
    ],
)
def test_a_name_not_in_the_lexicon_is_a_speaker_by_a_reporting_verb(paragraphs, speaker, cue, attribution):
    q = quotes_of(*paragraphs)
    assert q[["speaker", "cue", "attribution"]].values.tolist()[-1] == [speaker, cue, attribution]


def test_a_pronoun_refers_back_to_the_latest_person_named_even_if_unlisted():
    q = quotes_of("Arvind Krishna wrote to Congress.", "Rosa Okafor, an organizer, disagreed.",
                  f"{_Q} she said.")
    assert q[["speaker", "cue"]].values.tolist() == [["Rosa Okafor", "she said"]]
    # an organisation is not 'he' or 'she': the latest person is still Krishna
    q = quotes_of("Arvind Krishna wrote to Congress.", "The Justice Department disagreed.", f"{_Q} he said.")
    assert q["speaker"].tolist() == ["Arvind Krishna"]
    # nor is a name inside a quotation
    q = quotes_of("Arvind Krishna wrote to Congress.", "\u201cWe told Rosa Okafor we would stop,\u201d he wrote.")
    assert q["speaker"].tolist() == ["Arvind Krishna"]


@pytest.mark.parametrize(
    "paragraph, speaker",
    [
        # a run overlapping an actor's mention is the actor's
        (f"Amazon Web Services said {_QO}.", "Amazon"),
        # unless a title follows the mention
        (f"Microsoft President Brad Smith said {_QO}.", "Brad Smith"),
        # an alias of a listed actor, not the unlisted name that ends in it
        (f"{_Q} said Sundar Pichai.", "Sundar Pichai"),
    ],
)
def test_the_lexicon_wins_over_an_unlisted_name(paragraph, speaker):
    q = quotes_of(paragraph)
    assert q["speaker"].tolist() == [speaker]


def test_a_listed_alias_is_not_taken_for_the_surname_of_an_unlisted_person():
    # 'Krishna' is the lexicon's alias of Arvind Krishna: Rosa Krishna is never registered as a name
    q = quotes_of("Rosa Krishna chairs the panel.", f"Krishna said {_QO}.")
    assert q[["speaker", "attribution"]].values.tolist() == [["Arvind Krishna", "reporting verb"]]


@pytest.mark.parametrize(
    "paragraph",
    [
        # places, even right by the verb
        f"Residents in New York said {_QO}.",
        f"{_Q} officials in New York said.",
        f"{_Q} said an official in New York.",
        f"{_Q} said White House officials.",
        # a possessive is not the speaker
        f"{_Q} Rosa Okafor's lawyer said.",
        # a sentence-initial word is not a name, and one word alone is not one
        f"Yesterday Okafor said {_QO}.",
        f"The Weather Was {_QO} indeed.",
    ],
)
def test_places_possessives_and_sentence_initial_words_are_not_speakers(paragraph):
    q = quotes_of(paragraph)
    assert q["speaker"].tolist() == ["unknown"]


def test_synthetic_corpus_speakers_are_the_named_people(tmp_path):
    from analysis.synthetic import FIRST, LAST, write_corpus

    path = tmp_path / "corpus.jsonl"
    write_corpus(path, n_articles=40, n_outlets=4, seed=7)
    corpus = load_corpus(path)
    q = extract_quotes(corpus)
    assert len(q) > 100
    # before unlisted names were speakers, over 99% of these quotations were 'unknown'
    assert (q["speaker"] == "unknown").mean() < 0.2
    named = q[q["speaker"] != "unknown"]
    people = {f"{f} {l}" for f in FIRST for l in LAST}
    assert named["speaker"].isin(people).all()
    # each is the person the generator put right after the quotation's reporting verb
    after = [corpus.texts[a][e:e + 60] for a, e in zip(named["article_id"], named["end"])]
    assert all(s in text.split(",\u201d", 1)[1].split(",")[0] for s, text in zip(named["speaker"], after))
    assert all(c.endswith(s) for c, s in zip(named["cue"], named["speaker"]))


def test_a_quotation_opening_its_sentence_continues_the_previous_speaker():
    q = quotes_of("Arvind Krishna wrote it.", "He says AI is \u201ca tool\u201d. \u201cBut it must be tested.\u201d")
    assert q["speaker"].tolist() == ["Arvind Krishna", "Arvind Krishna"]
    assert q["attribution"].tolist() == ["reporting verb", "previous quotation"]


def test_seed_articles_both_quote_krishna(seed_quotes):
    krishna = seed_quotes[seed_quotes["speaker"] == "Arvind Krishna"]
    assert set(krishna["outlet"]) == {"Colorlines", "VPNoverview"}


def test_seed_colorlines_block_quote_is_attributed_to_colorlines(seed, seed_quotes):
    block = seed_quotes[seed_quotes["kind"] == "block"]
    assert block[["outlet", "speaker"]].values.tolist() == [["Colorlines", "Colorlines"]]
    r = block.iloc[0]
    assert seed.texts[r.article_id][r.start:r.end].startswith("Amazon\u2019s technology creates")
    assert r.quote.endswith("like ICE or the FBI.")


def test_seed_apostrophes_are_never_quotes(seed_quotes):
    assert not seed_quotes["quote"].str.fullmatch(r"s\b.*").any()
    assert not seed_quotes["quote"].str.contains("IBM's change").any()
    # VPNoverview's typo corrections reach the quotation's matching form
    assert seed_quotes["quote"].str.contains("users of AI systems").any()


def test_quote_share_and_share_of_voice():
    corpus = make_corpus({
        "A": ["Arvind Krishna said \u201cwe will stop selling it now.\u201d The end is here."],
        "B": ["No quotes at all here."],
    })
    q = extract_quotes(corpus)
    share = quote_share(q, corpus.sentences).set_index("outlet")
    assert share.loc["A", ["quotes", "quoted_words", "words"]].tolist() == [1, 6, 13]
    assert share.loc["A", "quoted_share"] == pytest.approx(6 / 13)
    assert share.loc["B", ["quotes", "quoted_share"]].tolist() == [0, 0.0]
    voice = share_of_voice(q)
    assert voice[["outlet", "speaker", "words", "word_share"]].values.tolist() == [["A", "Arvind Krishna", 6, 1.0]]


# ---------------------------------------------------------------- alignment


def quote_table(*rows):
    return pd.DataFrame(
        [{"quote_id": qid, "outlet": outlet, "speaker": "K", "quote": text} for qid, outlet, text in rows]
    )


@pytest.mark.parametrize(
    "a, b, match, difference",
    [
        ("Now is the time for a dialogue.", "now is the time for a dialogue", "exact", ""),
        ("loopholes", "Loopholes", "exact", ""),
        ("We believe now is the time to decide how facial-recognition should be used.",
         "now is the time to decide how facial recognition should be used", "near-exact",
         "only A: 'we believe'; A 'facial-recognition' / B 'facial recognition'"),
        ("a national dialogue",
         "now is the time to begin a national dialogue on whether and how it should be used", "partial",
         "only B: 'now is the time to begin'"),
        ("IBM will stop selling the software.", "The weather in Paris was fine today.", "unique", ""),
    ],
)
def test_align_quotes_labels_pairs(a, b, match, difference):
    al = align_quotes(quote_table(("a1", "A", a), ("b1", "B", b)))
    assert al["match"].iloc[0] == match
    assert al["differences"].iloc[0].startswith(difference)
    if match == "unique":
        assert al["quote_id_a"].tolist() == ["a1", "b1"]
        assert al["outlet_b"].eq("").all()


def test_align_quotes_never_pairs_quotes_of_the_same_outlet():
    al = align_quotes(quote_table(("a1", "A", "now is the time"), ("a2", "A", "Now is the time!"),
                                  ("a3", "A", "now is the time to act")))
    # the same words twice in one outlet share a row, which counts them
    assert al[["match", "quote_id_a", "quotes_a", "quotes_b"]].values.tolist() == [
        ["unique", "a1", 2, 0], ["unique", "a3", 1, 0]]


def test_a_quotation_repeated_across_many_outlets_gives_one_row_per_pair_of_outlets():
    wire = "Now is the time to decide how facial recognition should be used."
    rows = [(f"{o}{k}", o, wire if k % 2 else wire.upper()) for o in "ABCDEF" for k in range(5)]
    rows += [("F9", "F", "now is the time to decide how facial-recognition should be used, we believe"),
             ("G1", "G", "Something else entirely was said.")]
    al = align_quotes(quote_table(*rows))
    exact = al[al["match"] == "exact"]
    assert len(exact) == 15  # pairs of six outlets, not 15 x 25 pairs of quotations
    assert (exact["quotes_a"] * exact["quotes_b"]).tolist() == [25] * 15
    assert exact[["quote_id_a", "quote_id_b"]].values.tolist()[:2] == [["A0", "B0"], ["A0", "C0"]]
    near = al[al["match"] == "near-exact"]
    assert near[["outlet_a", "quotes_a", "outlet_b", "quotes_b"]].values.tolist() == [
        [o, 5, "F", 1] for o in "ABCDE"]
    assert al.loc[al["match"] == "unique", ["quote_id_a", "quotes_a", "quotes_b"]].values.tolist() == [["G1", 1, 0]]


def test_align_quotes_compares_sentence_by_sentence_and_lists_unmatched():
    al = align_quotes(quote_table(
        ("a1", "A", "IBM opposes mass surveillance of any kind. We believe now is the time to begin a dialogue."),
        ("b1", "B", "now is the time to begin a dialogue"),
        ("c1", "C", "Something else entirely was said here."),
    ))
    pair = al[al["match"] != "unique"]
    assert pair[["match", "quote_id_a", "quote_id_b"]].values.tolist() == [["near-exact", "a1", "b1"]]
    assert pair["passage_a"].iloc[0] == "We believe now is the time to begin a dialogue."
    assert al.loc[al["match"] == "unique", "quote_id_a"].tolist() == ["c1"]


def test_seed_national_dialogue_quote_is_near_exact_with_the_hyphen_listed(seed_quotes):
    al = align_quotes(seed_quotes)
    near = al[al["match"] == "near-exact"]
    assert len(near) == 1
    diff = near["differences"].iloc[0]
    assert "Colorlines 'facial-recognition' / VPNoverview 'facial recognition'" in diff
    assert "only Colorlines: 'we believe'" in diff


# ---------------------------------------------------------------- distinctive terms


def test_log_odds_matches_a_value_worked_out_by_hand():
    # A: apple 2, banana 1 (n = 3); B: banana 1, cherry 1 (n = 2); corpus N = 5.
    # Prior from the corpus with alpha_0 = N: alpha = corpus counts (apple 2, banana 2, cherry 1).
    # delta(apple, A) = log((2+2)/(3+5-2-2)) - log((0+2)/(2+5-0-2)) = log(1) - log(2/5)
    # var = 1/(2+2) + 1/(0+2) = 0.75
    s = pd.DataFrame({"outlet": ["A", "B"], "text": ["apple apple banana", "banana cherry"]})
    d = distinctive_terms(s, ngrams=(1,)).set_index(["outlet", "term"])
    assert d.loc[("A", "apple"), "delta"] == pytest.approx(-math.log(0.4))
    assert d.loc[("A", "apple"), "se"] == pytest.approx(math.sqrt(0.75))
    assert d.loc[("A", "apple"), "z"] == pytest.approx(1.0580414, abs=1e-6)
    # banana in A: log((1+2)/(3+5-1-2)) - log((1+2)/(2+5-1-2)) = log(3/5) - log(3/4)
    assert d.loc[("A", "banana"), "delta"] == pytest.approx(math.log(0.6) - math.log(0.75))


def test_log_odds_with_a_chosen_prior_strength_matches_by_hand():
    # alpha_0 = 10: alpha(apple) = 10 * 2/5 = 4
    # delta = log((2+4)/(3+10-2-4)) - log((0+4)/(2+10-0-4)) = log(6/7) - log(4/8)
    s = pd.DataFrame({"outlet": ["A", "B"], "text": ["apple apple banana", "banana cherry"]})
    d = distinctive_terms(s, ngrams=(1,), prior_strength=10).set_index(["outlet", "term"])
    delta = math.log(6 / 7) - math.log(4 / 8)
    assert d.loc[("A", "apple"), "z"] == pytest.approx(delta / math.sqrt(1 / 6 + 1 / 4))


def test_a_term_only_one_outlet_uses_gets_that_outlets_sign():
    s = pd.DataFrame({"outlet": ["A", "B", "A", "B"],
                      "text": ["surveillance surveillance privacy", "privacy rules", "privacy", "rules"]})
    d = distinctive_terms(s, ngrams=(1,)).set_index(["outlet", "term"])
    assert d.loc[("A", "surveillance"), "z"] > 0
    assert d.loc[("B", "surveillance"), "z"] < 0
    assert d.loc[("B", "rules"), "z"] > 0


def test_identical_corpora_give_zero_z():
    text = "facial recognition software is misused by police and governments"
    s = pd.DataFrame({"outlet": ["A", "B"], "text": [text, text]})
    d = distinctive_terms(s)
    assert d["z"].abs().max() == pytest.approx(0, abs=1e-12)
    assert set(d["n"]) == {1, 2}


def test_distinctive_terms_works_for_three_outlets_and_flags_small_counts():
    s = pd.DataFrame({"outlet": ["A", "B", "C"],
                      "text": ["police police police police police ban", "ban ban privacy", "privacy tool"]})
    d = distinctive_terms(s, ngrams=(1,), min_count=5)
    assert sorted(d["outlet"].unique()) == ["A", "B", "C"]
    top = d.sort_values("z", ascending=False).groupby("outlet")["term"].first()
    assert top.to_dict() == {"A": "police", "B": "ban", "C": "tool"}
    flags = d.drop_duplicates("term").set_index("term")["small_count"]
    assert not flags["police"] and flags["ban"] and flags["tool"]


def test_distinctive_terms_needs_two_outlets():
    with pytest.raises(ValueError, match="at least two values of 'outlet'"):
        distinctive_terms(pd.DataFrame({"outlet": ["A"], "text": ["only one"]}))


@pytest.mark.parametrize(
    "text, terms",
    [
        ("The police and the FBI.", {"police", "fbi"}),
        ("Facial-recognition software.", {"facial", "recognition", "software", "facial recognition",
                                         "recognition software"}),
        ("IBM's letter, Congress.", {"ibm", "letter", "congress", "ibm letter"}),
        ("It was in 2019.", set()),
    ],
)
def test_count_terms_drops_stop_words_numbers_and_bigrams_across_punctuation(text, terms):
    counts = count_terms(pd.DataFrame({"outlet": ["A"], "text": [text]}))
    assert set(counts["term"]) == terms


def count_terms_text_by_text(sentences: pd.DataFrame, by: str, ngrams: tuple[int, ...]) -> pd.DataFrame:
    """The reference for count_terms: each text's terms listed, then counted by groupby."""
    from analysis.emphasis import _term_list

    rows = [(group, term, n) for group, text in zip(sentences[by], sentences["text"])
            for term, n in _term_list(text, ngrams, STOP_WORDS)]
    frame = pd.DataFrame(rows, columns=[by, "term", "n"])
    counts = frame.groupby([by, "term", "n"], as_index=False).size().rename(columns={"size": "count"})
    return counts.astype({"n": "int64", "count": "int64"})


_TERM_PIECES = ["IBM", "IBM's", "ibm\u2019s", "facial", "recognition", "facial-recognition", "the", "and", "2020",
                "ban", "Ban", "don't", "rock'n'roll", "x_y", "caf\u00e9", " ", "  ", " - ", "-", ", ", ". ", "; ", "\u2014"]


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(st.lists(st.sampled_from(_TERM_PIECES), max_size=12).map(" ".join), min_size=1, max_size=8),
    groups=st.lists(st.sampled_from(["A", "B", "C", None]), min_size=8, max_size=8),
    ngrams=st.sampled_from([(1, 2), (1,), (2,)]),
)
def test_count_terms_equals_counting_text_by_text(texts, groups, ngrams):
    s = pd.DataFrame({"outlet": groups[:len(texts)], "text": texts})
    pd.testing.assert_frame_equal(count_terms(s, ngrams=ngrams), count_terms_text_by_text(s, "outlet", ngrams))


def test_stop_word_list_has_function_words_not_content_words():
    assert {"the", "and", "of", "which", "would"} <= STOP_WORDS
    assert not {"police", "privacy", "said", "ibm", "rights"} & STOP_WORDS


# ---------------------------------------------------------------- robustness

_PIECES = list("ab IBM.,:;'\"\u201c\u201d\u2018\u2019\u00a0\u2014") + ["Krishna ", "said ", "reported:"]
_QUOTE_TEXT = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30).map("".join)


@settings(max_examples=60, deadline=None)
@given(paragraphs=st.lists(_QUOTE_TEXT, min_size=1, max_size=3))
def test_extract_quotes_never_crashes_and_spans_lie_inside_body_paragraphs(paragraphs):
    paragraphs = [" ".join(p.split()) or "x" for p in paragraphs]
    corpus = make_corpus({"Test": paragraphs})
    q = extract_quotes(corpus)
    text = corpus.texts["test"]
    body = corpus.lines[corpus.lines["role"] == "body"]
    for r in q.itertuples():
        assert 0 <= r.start <= r.end <= len(text)
        assert ((body["start"] <= r.start) & (r.start <= body["end"])).any()
        assert r.kind in {"direct", "fragment", "block", "unclosed"}
        assert r.speaker


def test_articles_set_aside_by_the_loader_are_not_read_for_quotations():
    corpus = make_corpus({"Kept": ["Krishna said \u201cwe stop now and forever.\u201d"],
                          "Aside": ["Krishna said \u201cwe stop now and forever.\u201d"]})
    corpus.sentences = corpus.sentences[corpus.sentences["outlet"] == "Kept"]
    q = extract_quotes(corpus)
    assert q["outlet"].tolist() == ["Kept"]


def test_share_of_voice_figure_without_quotations_says_so():
    from analysis.emphasis import plot_share_of_voice

    fig = plot_share_of_voice(share_of_voice(quotes_of("No quotes here.")), colours={})
    assert "No quotations" in fig.axes[0].texts[0].get_text()


def test_share_of_voice_figure_folds_speakers_beyond_the_top_into_one_row():
    import matplotlib.pyplot as plt

    from analysis.emphasis import plot_share_of_voice

    # 20 speakers in outlet A, sharing its words unequally; the 17 smallest make up 10%
    speakers = [f"Speaker {chr(65 + i)}" for i in range(20)]
    words = [500, 250, 150] + [5] * 16 + [20]
    voice = share_of_voice(pd.DataFrame({"quote_id": speakers, "outlet": "A", "speaker": speakers, "words": words}))
    fig = plot_share_of_voice(voice, colours={"A": "#000000"}, top=3)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Speaker A", "Speaker B", "Speaker C",
                                                           "other speakers (17)"]
    assert [round(b.get_width(), 6) for b in ax.patches] == [50.0, 25.0, 15.0, 10.0]
    assert "100 words, 17 quotations" in [t.get_text() for t in ax.texts]
    plt.close(fig)


def align_pair_by_pair(quotes: pd.DataFrame) -> list[dict]:
    """The reference for align_quotes: every passage of every pair of quotations from two outlets
    compared, one row per pair; then the rows of quotations with the same words in the same outlet
    folded into the one listed first, and counted."""
    from analysis.emphasis import _compare, _passages, _tokens

    recs = quotes.to_dict("records")
    passages = [_passages(r["quote"]) for r in recs]
    words = [[_tokens(p) for p in ps] for ps in passages]
    unit = [(r["outlet"], tuple(tuple(w) for w in ws)) for r, ws in zip(recs, words)]
    size = {u: unit.count(u) for u in unit}
    order = {"exact": 0, "near-exact": 1, "partial": 2}
    best_rows = {}
    for i in range(len(recs)):
        for j in range(i + 1, len(recs)):
            if recs[i]["outlet"] == recs[j]["outlet"]:
                continue
            a, b = sorted((i, j), key=lambda x: (recs[x]["outlet"], recs[x]["quote_id"]))
            best = None
            for ki in range(len(passages[i])):  # the passages of the quotation listed first, first
                for kj in range(len(passages[j])):
                    ka, kb = (ki, kj) if a == i else (kj, ki)
                    res = _compare(words[a][ka], words[b][kb], recs[a]["outlet"], recs[b]["outlet"])
                    if res and (best is None or (order[res[0]], -res[1]) < (order[best[0][0]], -best[0][1])):
                        best = (res, ka, kb)
            if best is None:
                continue
            (match, similarity, differences), ka, kb = best
            row = {"match": match, "similarity": similarity, "outlet_a": recs[a]["outlet"],
                   "quote_id_a": recs[a]["quote_id"], "speaker_a": recs[a]["speaker"], "passage_a": passages[a][ka],
                   "outlet_b": recs[b]["outlet"], "quote_id_b": recs[b]["quote_id"], "speaker_b": recs[b]["speaker"],
                   "passage_b": passages[b][kb], "differences": differences,
                   "quotes_a": size[unit[a]], "quotes_b": size[unit[b]]}
            key = (unit[a], unit[b])
            if key not in best_rows or (row["quote_id_a"], row["quote_id_b"]) < (
                    best_rows[key]["quote_id_a"], best_rows[key]["quote_id_b"]):
                best_rows[key] = row
    rows = sorted(best_rows.values(),
                  key=lambda r: (order[r["match"]], -r["similarity"], r["quote_id_a"], r["quote_id_b"]))
    matched = {u for key in best_rows for u in key}
    listed = set()
    for i, r in enumerate(recs):
        if unit[i] not in matched and unit[i] not in listed:
            listed.add(unit[i])
            rows.append({"match": "unique", "similarity": None, "outlet_a": r["outlet"], "quote_id_a": r["quote_id"],
                         "speaker_a": r["speaker"], "passage_a": r["quote"], "outlet_b": "", "quote_id_b": "",
                         "speaker_b": "", "passage_b": "", "differences": "", "quotes_a": size[unit[i]], "quotes_b": 0})
    return rows


def alignment_records(aligned: pd.DataFrame) -> list[dict]:
    return [{k: None if isinstance(v, float) and math.isnan(v) else v for k, v in r.items()}
            for r in aligned.to_dict("records")]


_QUOTE_WORDS = st.sampled_from(["now", "is", "the", "time", "to", "act", "facial-recognition", "facial", "recognition",
                                "we"])


@settings(max_examples=40, deadline=None)
@given(texts=st.lists(st.lists(_QUOTE_WORDS, min_size=1, max_size=9).map(" ".join), min_size=2, max_size=8),
       outlets=st.lists(st.sampled_from("ABC"), min_size=8, max_size=8))
def test_align_quotes_equals_comparing_every_pair_of_quotations(texts, outlets):
    quotes = quote_table(*[(f"q{i}", outlets[i], text) for i, text in enumerate(texts)])
    assert alignment_records(align_quotes(quotes)) == align_pair_by_pair(quotes)


_PASSAGES = ["Now is the time to act.", "now is the time to act", "NOW, IS THE TIME TO ACT!", "We believe now is the time to act.",
             "Now is the time.", "Facial-recognition should be regulated.", "facial recognition should be regulated",
             "It should be regulated now and then.", "Loopholes.", "The rest is silence."]


@settings(max_examples=60, deadline=None)
@given(
    quotes=st.lists(st.tuples(st.sampled_from("ABCD"), st.lists(st.sampled_from(_PASSAGES), min_size=1, max_size=3)),
                    min_size=2, max_size=14),
    ids=st.permutations(range(14)),
)
def test_align_quotes_equals_comparing_every_pair_when_passages_repeat_across_outlets(quotes, ids):
    # quotation ids out of the table's order, multi-sentence quotations, and the same words in
    # many quotations, outlets and spellings
    table = quote_table(*[(f"q{ids[i]:02d}", outlet, " ".join(parts)) for i, (outlet, parts) in enumerate(quotes)])
    table["speaker"] = [f"S{i % 3}" for i in range(len(table))]
    assert alignment_records(align_quotes(table)) == align_pair_by_pair(table)


def test_figures_use_one_panel_per_outlet_beyond_four(actors):
    from analysis.emphasis import plot_actor_share, plot_distinctive_terms
    from analysis.plots import outlet_colours

    outlets = ["A", "B", "C", "D", "E"]
    corpus = make_corpus({o: [f"IBM and Krishna. Police {o.lower()}x and privacy."] for o in outlets})
    colours = outlet_colours(outlets)
    p = actor_prominence(actor_mentions(corpus.sentences, actors), corpus.sentences)
    fig = plot_actor_share(p, colours=colours)
    assert [ax.get_title() for ax in fig.axes if ax.get_visible()] == outlets
    fig = plot_distinctive_terms(distinctive_terms(corpus.sentences), colours=colours)
    assert len([ax for ax in fig.axes if ax.get_visible()]) == 5
