"""Tests for analysis.sentiment: scoring, evidence, the masking rule, aggregation, targeted tone, agreement."""

from __future__ import annotations

import functools
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import sentiment as S
from analysis.paths import DATA_RAW
from analysis.corpus.text import normalise, split_sentences

COLORLINES_LEDE = (
    "IBM CEO Arvind Krishna announced on Monday (June 8) that his company will no longer use "
    "facial recognition technology in their products, The Guardian reports."
)
INVENTED = [
    "The protest was peaceful and the response was fair.",
    "The crackdown was violent, brutal and deeply unfair!",
    "The plan is not very good, but the intent is great.",
    "It is NOT a good idea, and it is REALLY bad.",
    "Nothing here is wonderful :) or awful :(",
    "The letter was sent on Tuesday.",
    "",
]


def _sentences(texts, outlet="X", article_id="a") -> pd.DataFrame:
    return pd.DataFrame(
        {
            "sentence_id": [f"{article_id}-s{i + 1:03d}" for i in range(len(texts))],
            "article_id": article_id,
            "outlet": outlet,
            "text": list(texts),
        }
    )


def _real_sentences() -> list[str]:
    """Every sentence of every non-blank line of the seed articles, in matching form."""
    out = []
    for path in sorted(DATA_RAW.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = normalise(line).text.strip()
            out.extend(text[a:b] for a, b in split_sentences(text))
    return out


REAL = _real_sentences()


def test_seed_articles_give_enough_real_sentences_to_test_on():
    assert len(REAL) > 50
    assert COLORLINES_LEDE in REAL


# --- Scoring -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", REAL + INVENTED)
def test_light_textblob_call_gives_the_same_numbers_and_assessments_as_a_textblob(text):
    from textblob import TextBlob

    blob = TextBlob(text)
    light = S._textblob_scores(text)
    assert tuple(light) == tuple(blob.sentiment)
    assert light.assessments == blob.sentiment_assessments.assessments


def test_score_sentences_matches_textblob_sentiment_exactly_when_unmasked():
    from textblob import TextBlob

    scored = S.score_sentences(_sentences(REAL), mask=False)
    expected = [TextBlob(t).sentiment for t in REAL]
    assert scored["polarity"].tolist() == [e.polarity for e in expected]
    assert scored["subjectivity"].tolist() == [e.subjectivity for e in expected]


@pytest.mark.parametrize("text", REAL + INVENTED + ["I love it 💘 but hate it 😁"])
def test_vader_valences_used_as_evidence_reproduce_polarity_scores(text):
    *_, scores = S._vader_valences(text)
    assert scores == S._vader().polarity_scores(text)


# --- The faster VADER gives exactly the package's numbers ------------------------------------------

# Words that switch on each of VADER's rules: boosters and dampeners, negations (also in the
# package's second pass), "no", "least", "never so", "without doubt", "kind of", idioms and
# special cases, "but", capitals, emoticons, emoji, and punctuation that is stripped or kept.
TRICKY_WORDS = [
    "good", "GOOD", "Good", "bad", "BAD", "great", "horrible", "fair", "unfair", "love", "hate", "very", "VERY",
    "extremely", "slightly", "barely", "kind", "of", "sort", "not", "NOT", "isn't", "ain't", "don't", "never",
    "so", "this", "without", "doubt", "no", "nor", "or", "least", "at", "but", "BUT", "yet", "the", "shit",
    "bomb", "bad ass", "cut the mustard", "hand to mouth", "yeah right", "kiss of death", "to die for",
    ":)", ":(", ":-D", "<3", "(!)", "lol", "!", "!!", "?", "??", "???", "????", ",", ".", "...", "'", "\"",
    "good!", "bad?", "(good)", "nice.", "😁", "💘", "🙂", "x", "X", "Xxxx", "İstanbul", "wonderful",
    "n't", "hardly", "uh-uh", "despite", "effing", "frackin", "hella",
]
SEPARATORS = [" ", " ", " ", "  ", "\t", "\n", ""]


@st.composite
def tricky_texts(draw):
    words = draw(st.lists(st.sampled_from(TRICKY_WORDS), max_size=14))
    gaps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words), max_size=len(words)))
    return "".join(g + w for g, w in zip(gaps, words)) + draw(st.sampled_from(["", " ", ".", "!", " ?"]))


@functools.lru_cache(maxsize=1)
def _package_vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def _assert_vader_identical(texts):
    package, fast = _package_vader(), S._vader()
    for text in texts:
        expected, got = package.polarity_scores(text), fast.polarity_scores(text)
        assert got == expected, text
        assert [type(v) for v in got.values()] == [type(v) for v in expected.values()], text


@functools.lru_cache(maxsize=1)
def _synthetic_sentences(n_articles: int = 2000) -> tuple[str, ...]:
    """Every body sentence of the benchmark's seeded synthetic corpus, in matching form."""
    import random

    from analysis.synthetic import make_article

    r = random.Random(2020)
    out = []
    for _ in range(n_articles):
        for paragraph in make_article(r)["paragraphs"]:
            text = normalise(paragraph).text.strip()
            out.extend(text[a:b] for a, b in split_sentences(text))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _synthetic_masked() -> tuple[str, ...]:
    return tuple(S.mask_untoned(t)[0] for t in _synthetic_sentences())


@settings(max_examples=3000, deadline=None)
@given(tricky_texts())
def test_fast_vader_equals_the_package_on_tricky_strings(text):
    _assert_vader_identical([text, S.mask_untoned(text)[0]])


def test_fast_vader_equals_the_package_on_every_bundled_sentence_masked_and_unmasked():
    _assert_vader_identical(REAL + INVENTED + [S.mask_untoned(t)[0] for t in REAL])


def test_fast_vader_equals_the_package_on_a_2000_article_synthetic_corpus():
    texts = _synthetic_masked()
    assert len(texts) > 50_000
    _assert_vader_identical(texts)


# --- The leaner TextBlob gives exactly the package's numbers ---------------------------------------

TEXTBLOB_TRICKY_WORDS = [
    "good", "GOOD", "bad", "great", "terrible", "terribly", "horribly", "very", "really", "quite", "extremely",
    "not", "no", "never", "n't", "isn't", "don't", "a", "the", "an", "is", "it", "of", "so", "!", "!!", "(!)",
    "( ! )", "?", ".", "...", ",", ";", ":)", ": )", ":-)", ":D", "xD", "XD", ":(", ":'(", "<3", ">:P", "8)",
    ";)", "=/", "(", ")", "'", "\"", "\u201c", "\u201d", "\u2019", "U.S.", "Mr.", "e.g.", "etc.", "I'm",
    "you're", "we've", "she'd", "it'll", "dammit", "wonderful", "sad", "happy", "x", "Xxxx", "xxxx", "2",
    "\n\n", "\n", "\r\n", "\n\n\n", "can't", "it's", "\u2019s", "\u2018", "\u2018good\u2019", "'good'", "\"bad\"",
    ".)", "!)", "?!", "....", "a.", "U.S", "Dr.", "END-OF-SENTENCE", ":-.", "o.O", ">.>", "8-D", "x-D",
]


@st.composite
def textblob_tricky_texts(draw):
    words = draw(st.lists(st.sampled_from(TEXTBLOB_TRICKY_WORDS), max_size=14))
    gaps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(words), max_size=len(words)))
    return "".join(g + w for g, w in zip(gaps, words)) + draw(st.sampled_from(["", " ", ".", "!", " ?"]))


def _assert_textblob_identical(texts):
    from textblob.en import sentiment as package

    for text in texts:
        expected, got = package(text), S._textblob_scores(text)
        assert tuple(got) == tuple(expected), text
        assert [type(v) for v in got] == [type(v) for v in expected], text
        assert got.assessments == expected.assessments, text


@settings(max_examples=3000, deadline=None)
@given(textblob_tricky_texts())
def test_lean_textblob_equals_the_package_on_tricky_strings(text):
    _assert_textblob_identical([text, S.mask_untoned(text)[0]])


def test_lean_textblob_equals_the_package_on_every_bundled_sentence_masked_and_unmasked():
    _assert_textblob_identical(REAL + INVENTED + [S.mask_untoned(t)[0] for t in REAL])


def test_lean_textblob_equals_the_package_on_a_2000_article_synthetic_corpus():
    texts = _synthetic_masked()
    assert len(texts) > 50_000
    _assert_textblob_identical(texts)


def test_score_sentences_keeps_input_columns_and_adds_every_tone_column():
    sentences = _sentences(INVENTED).assign(extra=1)
    scored = S.score_sentences(sentences)
    assert list(scored.columns[: sentences.shape[1]]) == list(sentences.columns)
    assert set(S.TONE_COLUMNS) <= set(scored.columns)
    assert scored["extra"].eq(1).all()
    assert "polarity" not in sentences.columns  # the input is not modified


def test_score_sentences_with_one_method_adds_only_its_columns():
    scored = S.score_sentences(_sentences(INVENTED), methods=("vader",))
    assert "vader_compound" in scored.columns
    assert "polarity" not in scored.columns


def test_unknown_method_is_an_error_naming_it():
    with pytest.raises(ValueError, match="sentistrength"):
        S.score_sentences(_sentences(INVENTED), methods=("sentistrength",))


def test_missing_text_column_is_an_error_naming_the_column():
    with pytest.raises(ValueError, match="text"):
        S.score_sentences(pd.DataFrame({"sentence": ["x"]}))


@pytest.mark.parametrize(
    "text, sign",
    [
        ("The protest was peaceful and the response was fair.", 1),
        ("The crackdown was violent, brutal and deeply unfair!", -1),
        ("The letter was sent on Tuesday.", 0),
    ],
)
def test_both_instruments_read_the_direction_of_plain_sentences(text, sign):
    scored = S.score_sentences(_sentences([text]))
    assert np.sign(scored["polarity"].iloc[0]) == sign
    assert np.sign(scored["vader_compound"].iloc[0]) == sign


# --- Evidence ------------------------------------------------------------------------------------


def test_textblob_evidence_scores_average_to_the_sentence_polarity():
    sentences = _sentences(REAL + INVENTED)
    scored = S.score_sentences(sentences).set_index("sentence_id")
    evidence = S.sentiment_evidence(sentences, methods=("textblob",))
    means = evidence.groupby("sentence_id")["score"].mean()
    for sid, polarity in scored["polarity"].items():
        assert math.isclose(means.get(sid, 0.0), polarity, abs_tol=1e-12), sid


def test_vader_evidence_has_a_row_for_every_word_that_moved_the_compound():
    sentences = _sentences(REAL + INVENTED)
    scored = S.score_sentences(sentences).set_index("sentence_id")
    evidence = S.sentiment_evidence(sentences, methods=("vader",))
    moved = set(evidence.loc[evidence["score"] != 0, "sentence_id"])
    nonzero = set(scored.index[scored["vader_compound"] != 0])
    assert nonzero <= moved


@pytest.mark.parametrize(
    "text, method, cue, modifier",
    [
        ("The plan is not good.", "textblob", "good", "not"),
        ("The plan is not good.", "vader", "good", "not"),
        ("The plan is very good.", "textblob", "good", "very"),
        ("The plan is very good.", "vader", "good", "very"),
        ("It was fine, but the ending was sad.", "vader", "sad", "(after 'but')"),
    ],
)
def test_evidence_names_the_negations_and_intensifiers_that_changed_a_word(text, method, cue, modifier):
    evidence = S.sentiment_evidence(_sentences([text]), methods=(method,))
    row = evidence[evidence["cue"] == cue].iloc[0]
    assert modifier in row["modifiers"].split(" ") or modifier == row["modifiers"]
    if modifier == "not":
        assert row["score"] < 0 < row["lexicon_score"]
    if modifier == "very":
        assert row["score"] > row["lexicon_score"] > 0


def test_evidence_offsets_point_at_the_word_in_the_text():
    sentences = _sentences(INVENTED[:4])
    evidence = S.sentiment_evidence(sentences)
    texts = sentences.set_index("sentence_id")["text"]
    assert evidence["start"].notna().all()
    for row in evidence.itertuples():
        span = texts[row.sentence_id][row.start : row.end].lower()
        assert span.endswith(row.cue), (span, row.cue)


def test_evidence_offsets_are_raw_file_offsets_when_the_corpus_columns_are_there():
    raw = "It was a \u201cterrible\u201d  day."
    n = normalise(raw)
    file_text = "HEADER\n" + raw
    sentences = _sentences([n.text]).assign(start=7, edits=n.edits_str)
    evidence = S.sentiment_evidence(sentences, methods=("vader",))
    row = evidence[evidence["cue"] == "terrible"].iloc[0]
    assert file_text[row.start : row.end] == "terrible"


# --- The masking rule ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, match, rule",
    [
        (COLORLINES_LEDE, "(June 8)", "bracketed number"),
        (COLORLINES_LEDE, "Monday", "capitalised word"),
        (COLORLINES_LEDE, "IBM CEO Arvind Krishna", "capitalised sequence"),
        ("The letter went to Rep. Karen Bass and others.", "Rep. Karen Bass", "capitalised sequence"),
        ("It wrote to Congress in October.", "Congress", "capitalised word"),
        ("A joint letter in 2019 from 30 groups.", "2019", "number"),
        ("A joint letter in 2019 from 30 groups.", "30", "number"),
        ("The law (1999) is old.", "(1999)", "bracketed number"),
        ("Sundar Pichai, Alphabet's CEO, said so.", "Sundar Pichai", "capitalised sequence"),
    ],
)
def test_names_dates_and_numbers_are_masked_by_the_rule_that_names_them(text, match, rule):
    spans = S.masked_spans(_sentences([text]))
    assert ((spans["match"] == match) & (spans["rule"] == rule)).any(), spans


@pytest.mark.parametrize(
    "text",
    [
        "Critics note the company was already trailing.",
        "I think this is great.",
        "Police reform - new federal rules should hold police accountable.",
        'He wrote: "We believe now is the time."',
        "Civil rights advocates have long criticized the use of the technology.",
        "The program (see below) is good.",
    ],
)
def test_ordinary_words_opening_a_sentence_or_clause_are_not_masked(text):
    assert S.masked_spans(_sentences([text])).empty


@pytest.mark.parametrize(
    "names, text, match",
    [
        (["Krishna"], "Krishna's letter was praised.", "Krishna's"),
        (["critics"], "Critics note the company was trailing.", "Critics"),
        (["security services"], "Investigative and security services use it.", "security services"),
        (["civil rights advocates"], "The civil-rights advocates objected.", "civil-rights advocates"),
        (["ICE"], "Agencies like ICE did not.", "ICE"),
    ],
)
def test_listed_names_are_masked_by_the_shared_matching_rule_even_when_they_open_a_sentence(names, text, match):
    spans = S.masked_spans(_sentences([text]), names=names)
    assert [match, "listed name"] in spans[["match", "rule"]].values.tolist()


def test_an_acronym_name_does_not_mask_the_lower_case_word():
    assert S.masked_spans(_sentences(["Slippery ice on roads."]), names=["ICE"]).empty


def test_names_can_be_given_as_an_actors_table_with_its_case_and_inflection_rules():
    actors = pd.DataFrame({"actor": ["X", "Y"], "cue": ["Bass", "officers"], "case_sensitive": [True, None],
                           "inflect": [True, False]})
    spans = S.masked_spans(_sentences(["Rep. Bass and the bass player met officers, not an officer."]), names=actors)
    assert spans["match"].tolist() == ["Rep. Bass", "officers"]


def test_the_colorlines_date_no_longer_reads_as_a_smiley():
    sentences = _sentences([COLORLINES_LEDE])
    unmasked = S.sentiment_evidence(sentences, mask=False)
    assert ("8)", "mood") in set(zip(unmasked["cue"], unmasked["label"]))
    assert S.score_sentences(sentences, mask=False)["polarity"].iloc[0] > 0
    masked = S.sentiment_evidence(sentences)
    assert "8)" not in set(masked["cue"])
    assert S.score_sentences(sentences)["polarity"].iloc[0] == 0


@pytest.mark.parametrize(
    "text, measure, cue",
    [
        ("The letter went to Rep. Karen Bass and others.", "polarity", "bass"),
        ("Microsoft and Amazon have also been asking for regulation.", "vader_compound", "amazon"),
        ("The program funds Pell Grants for students.", "vader_compound", "grants"),
    ],
)
def test_a_name_that_is_also_a_lexicon_word_carries_no_tone_once_masked(text, measure, cue):
    sentences = _sentences([text])
    assert S.score_sentences(sentences, mask=False)[measure].iloc[0] != 0
    assert cue in set(S.sentiment_evidence(sentences, mask=False)["cue"])
    assert S.score_sentences(sentences)[measure].iloc[0] == 0
    assert cue not in set(S.sentiment_evidence(sentences)["cue"])


def test_masking_effect_lists_only_the_sentences_whose_scores_changed():
    effect = S.masking_effect(_sentences([COLORLINES_LEDE, "The protest was peaceful."]))
    assert set(effect["sentence_id"]) == {"a-s001"}
    assert set(effect["measure"]) == {"polarity", "vader_compound"}
    assert "(June 8)" in effect["masked_spans"].iloc[0]


@pytest.mark.parametrize("k", range(1, 16))
def test_the_mask_placeholders_are_in_neither_lexicon(k):
    for word in ("x" * k, "X" * k, "X" + "x" * (k - 1)):
        assert word.lower() not in S._vader().lexicon
        assert word.lower() not in S._textblob()
        scored = S.score_sentences(pd.DataFrame({"text": [f"{word} {word}."]}), mask=False)
        assert scored[["polarity", "vader_compound"]].abs().sum().sum() == 0


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("Ab cD(8)9,.:'-\"Zq \n"), max_size=60))
def test_masking_keeps_length_whitespace_and_capitals(text):
    masked, spans = S.mask_untoned(text)
    assert len(masked) == len(text)
    for a, b in zip(text, masked):
        assert a.isspace() == b.isspace()
    for a, b, _ in spans:
        assert 0 <= a < b <= len(text)
    for word, new in zip(text.split(), masked.split()):
        assert word.isupper() == new.isupper()


def _mask_character_by_character(text, spans):
    """The masking rule written out plainly: every character of a span inside a token, by that token's capitals."""
    chars = list(text)
    for token in __import__("re").finditer(r"\S+", text):
        upper = token.group().isupper()
        for k in range(token.start(), token.end()):
            if any(a <= k < b for a, b, _ in spans):
                chars[k] = "X" if text[k].isupper() or (upper and not text[k].islower()) else "x"
    return "".join(chars)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("Ab cD(8)9,.:'-\"Zq \n\u00a0\tßİǅ$%") + ["Rep. ", "IBM's ", "NEW YORK "]), max_size=30).map("".join))
def test_the_mask_writes_the_same_characters_as_the_plain_rule(text):
    spans = S._find_untoned(text, None)
    assert S._apply_mask(text, spans) == _mask_character_by_character(text, spans)


def test_the_mask_of_real_sentences_follows_the_plain_rule():
    for text in REAL:
        spans = S._find_untoned(text, None)
        assert S._apply_mask(text, spans) == _mask_character_by_character(text, spans)


# --- Quoted and unquoted text --------------------------------------------------------------------


def test_split_by_voice_cuts_sentences_at_quote_boundaries_using_raw_offsets():
    raw = "He said \u201cthis is  awful\u201d today. Then \u201cfine\u201d."
    n = normalise(raw)
    sentences = _sentences([n.text]).assign(start=100, edits=n.edits_str)
    first, second = raw.index("this"), raw.index("fine")
    quotes = pd.DataFrame(
        {"article_id": ["a", "a"], "start": [100 + first, 100 + second], "end": [100 + first + 14, 100 + second + 4]}
    )
    assert raw[first : first + 14] == "this is  awful"
    out = S.split_by_voice(sentences, quotes)
    assert out[["voice", "text"]].values.tolist() == [
        ["unquoted", "He said"],
        ["quoted", "this is awful"],
        ["unquoted", "today. Then"],
        ["quoted", "fine"],
    ]
    assert out["segment_no"].tolist() == [1, 2, 3, 4]


def test_split_by_voice_keeps_a_sentence_without_quotes_whole():
    sentences = _sentences(["No quotes here."]).assign(start=0, edits="")
    out = S.split_by_voice(sentences, pd.DataFrame({"article_id": ["b"], "start": [0], "end": [5]}))
    assert out[["voice", "text"]].values.tolist() == [["unquoted", "No quotes here."]]


# --- Labels, aggregation and tests ---------------------------------------------------------------


@pytest.mark.parametrize(
    "value, label",
    [(0.05, "positive"), (0.0499, "neutral"), (0.0, "neutral"), (-0.0499, "neutral"), (-0.05, "negative"), (1.0, "positive")],
)
def test_labels_use_the_stated_threshold_inclusively(value, label):
    labelled = S.label_tone(pd.DataFrame({"polarity": [value], "vader_compound": [value]}))
    assert labelled["polarity_label"].iloc[0] == label
    assert labelled["vader_compound_label"].iloc[0] == label


@pytest.mark.parametrize(
    "values",
    [
        [0.0] * 20 + [0.9],
        [0.5, -0.5, 0.1, 0.0, 0.2, -0.3, 0.4, 0.0, 0.0, 0.7, -0.1, 0.05],
        [0.3],
        [0.2, 0.2, 0.2],
        list(np.linspace(-1, 1, 41)),
    ],
)
def test_bootstrap_interval_contains_the_mean(values):
    table = pd.DataFrame({"outlet": "A", "polarity": values})
    row = S.tone_summary(table, measures=["polarity"]).iloc[0]
    assert row["ci_low"] <= row["mean"] <= row["ci_high"]
    assert math.isclose(row["mean"], float(np.mean(values)))
    assert math.isclose(row["share_positive"] + row["share_neutral"] + row["share_negative"], 1.0)


def test_summary_counts_shares_and_flags_small_groups():
    table = pd.DataFrame(
        {"outlet": ["A"] * 10 + ["B"] * 3, "polarity": [0.5] * 5 + [0.0] * 3 + [-0.5] * 2 + [0.1, 0.0, 0.0]}
    )
    summary = S.tone_summary(table, measures=["polarity"]).set_index("outlet")
    assert summary.loc["A", ["n", "share_positive", "share_neutral", "share_negative"]].tolist() == [10, 0.5, 0.3, 0.2]
    assert summary["small_n"].to_dict() == {"A": False, "B": True}


def test_summary_is_reproducible_and_works_by_article_and_by_several_columns():
    table = pd.DataFrame(
        {"outlet": list("AABB"), "article_id": ["a1", "a2", "b1", "b1"], "polarity": [0.1, 0.3, -0.2, 0.4]}
    )
    first = S.tone_summary(table, by="article_id", measures=["polarity"])
    assert first.equals(S.tone_summary(table, by="article_id", measures=["polarity"]))
    assert first["article_id"].tolist() == ["a1", "a2", "b1"]
    both = S.tone_summary(table, by=["outlet", "article_id"], measures=["polarity"])
    assert list(both.columns[:3]) == ["outlet", "article_id", "measure"]


def test_permutation_p_value_is_one_for_identical_groups():
    values = [0.1, 0.0, -0.3, 0.5, 0.0, 0.2]
    table = pd.DataFrame({"outlet": ["A"] * 6 + ["B"] * 6, "polarity": values * 2})
    row = S.tone_difference(table, measures=["polarity"]).iloc[0]
    assert row["difference"] == 0
    assert row["p_value"] == 1.0


@pytest.mark.parametrize("shift, small", [(0.0, False), (0.05, False), (1.0, True)])
def test_permutation_p_value_is_a_probability_and_small_only_for_a_real_shift(shift, small):
    rng = np.random.default_rng(1)
    a = rng.normal(0, 0.2, 30)
    b = rng.normal(shift, 0.2, 30)
    table = pd.DataFrame({"outlet": ["A"] * 30 + ["B"] * 30, "polarity": np.concatenate([a, b])})
    row = S.tone_difference(table, measures=["polarity"], n_perm=2000).iloc[0]
    assert 0 < row["p_value"] <= 1
    assert bool(row["p_value"] < 0.01) == small
    assert row["ci_low"] <= row["difference"] <= row["ci_high"]
    assert math.isclose(row["difference"], a.mean() - b.mean())


def test_two_outlets_give_one_comparison_per_measure():
    table = pd.DataFrame({"outlet": list("AABB"), "polarity": [0.1, 0.3, 0.0, 0.0], "vader_compound": [0.2, 0.0, -0.1, 0.0]})
    diff = S.tone_difference(table)
    assert diff[["measure", "outlet", "compared_with"]].values.tolist() == [
        ["polarity", "A", "B"],
        ["vader_compound", "A", "B"],
    ]
    assert diff["small_n"].all()
    assert (diff["p_adjusted"] == diff["p_value"]).all()


@pytest.mark.parametrize("pairwise, expected", [(None, [("A", "rest"), ("B", "rest"), ("C", "rest")]), (True, [("A", "B"), ("A", "C"), ("B", "C")])])
def test_three_outlets_are_compared_one_against_the_rest_or_pairwise(pairwise, expected):
    rng = np.random.default_rng(2)
    table = pd.DataFrame({"outlet": np.repeat(list("ABC"), 12), "polarity": rng.normal(0, 0.3, 36)})
    diff = S.tone_difference(table, measures=["polarity"], pairwise=pairwise, n_perm=500)
    assert list(zip(diff["outlet"], diff["compared_with"])) == expected
    assert (diff["p_adjusted"] >= diff["p_value"]).all()
    assert diff["p_adjusted"].between(0, 1).all()
    rest = table[table["outlet"] != "A"]["polarity"].mean() if pairwise is None else table[table["outlet"] == "B"]["polarity"].mean()
    assert math.isclose(diff["mean_other"].iloc[0], rest)


def test_a_single_group_gives_an_empty_comparison_table_with_its_columns():
    diff = S.tone_difference(pd.DataFrame({"outlet": ["A", "A"], "polarity": [0.1, 0.2]}), measures=["polarity"])
    assert diff.empty
    assert {"outlet", "compared_with", "difference", "p_value"} <= set(diff.columns)


def test_holm_adjustment_multiplies_the_smallest_p_by_the_number_of_tests():
    assert S._holm([0.01, 0.04, 0.5]) == pytest.approx([0.03, 0.08, 0.5])


# --- Targeted tone -------------------------------------------------------------------------------


def _scored_for_targets() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "sentence_id": ["s1", "s2", "s3", "s4"],
            "article_id": ["a", "a", "b", "b"],
            "outlet": ["A", "A", "B", "B"],
            "text": ["IBM and Congress.", "IBM IBM.", "Congress.", "Nothing."],
            "polarity": [0.4, -0.2, 0.1, 0.9],
            "vader_compound": [0.5, 0.0, -0.5, 0.9],
        }
    )


def test_targeted_tone_counts_a_sentence_once_per_actor_and_for_every_actor_it_names():
    mentions = pd.DataFrame(
        {
            "sentence_id": ["s1", "s1", "s2", "s2", "s3"],
            "article_id": ["a", "a", "a", "a", "b"],
            "outlet": ["A", "A", "A", "A", "B"],
            "actor": ["IBM", "Congress", "IBM", "IBM", "Congress"],
            "type": ["company", "government", "company", "company", "government"],
        }
    )
    out = S.targeted_tone(_scored_for_targets(), mentions, measures=["polarity"])
    got = {(r.actor, r.outlet): (r.n, round(r.mean, 6), r.type) for r in out.itertuples()}
    assert got == {
        ("Congress", "A"): (1, 0.4, "government"),
        ("Congress", "B"): (1, 0.1, "government"),
        ("IBM", "A"): (2, 0.1, "company"),
    }
    assert out["small_n"].all()
    assert (out["ci_low"] <= out["mean"]).all() and (out["mean"] <= out["ci_high"]).all()


def test_targeted_tone_rejects_mentions_of_sentences_it_has_not_scored():
    mentions = pd.DataFrame({"sentence_id": ["s9"], "actor": ["IBM"]})
    with pytest.raises(ValueError, match="s9"):
        S.targeted_tone(_scored_for_targets(), mentions)


def test_targeted_tone_accepts_the_emphasis_mentions_table():
    from analysis.measures.actors import actor_mentions

    actors = pd.DataFrame(
        {"actor": ["IBM", "Congress"], "type": ["company", "government"], "cue": ["IBM", "Congress"],
         "case_sensitive": [None, None], "inflect": [True, True], "source": ["test", "test"]}
    )
    scored = _scored_for_targets().assign(start=0)
    mentions = actor_mentions(scored, actors)
    out = S.targeted_tone(scored, mentions, measures=["vader_compound"])
    assert out.set_index(["actor", "outlet"])["n"].to_dict() == {("Congress", "A"): 1, ("Congress", "B"): 1, ("IBM", "A"): 2}


# --- Agreement between the instruments -----------------------------------------------------------


def test_instruments_that_agree_exactly_have_correlation_and_kappa_one():
    values = [0.5, -0.4, 0.0, 0.3, -0.1, 0.0]
    table = pd.DataFrame({"outlet": "A", "polarity": values, "vader_compound": values})
    row = S.instrument_agreement(table).set_index("outlet").loc["all"]
    assert row[["n", "pearson", "spearman", "same_label", "kappa"]].tolist() == pytest.approx([6, 1, 1, 1, 1])


def test_instruments_that_disagree_in_sign_have_negative_correlation_and_no_shared_labels():
    values = np.array([0.5, -0.4, 0.3, -0.1])
    table = pd.DataFrame({"polarity": values, "vader_compound": -values})
    row = S.instrument_agreement(table, by=None).iloc[0]
    assert row["pearson"] == pytest.approx(-1)
    assert row["same_label"] == 0
    assert row["kappa"] < 0


def test_agreement_correlation_is_undefined_when_one_instrument_is_constant():
    table = pd.DataFrame({"outlet": "A", "polarity": [0.0, 0.0, 0.0], "vader_compound": [0.1, 0.5, -0.2]})
    row = S.instrument_agreement(table).iloc[0]
    assert math.isnan(row["pearson"]) and math.isnan(row["spearman"])


def test_label_crosstab_shows_every_label_pair_and_counts_every_sentence():
    table = pd.DataFrame({"polarity": [0.5, 0.5, 0.0, -0.3], "vader_compound": [0.6, -0.2, 0.0, 0.0]})
    tab = S.label_crosstab(table)
    assert tab.shape == (3, 3)
    assert tab.to_numpy().sum() == 4
    assert tab.loc["positive", "negative"] == 1
    assert tab.loc["negative", "neutral"] == 1


# --- Extremes and figures ------------------------------------------------------------------------


def test_extreme_sentences_pick_the_top_and_bottom_of_each_outlet_with_their_words():
    sentences = pd.concat(
        [
            _sentences(["A wonderful, happy day.", "A terrible, awful day.", "A day."], outlet="A", article_id="a"),
            _sentences(["A good day.", "A bad day."], outlet="B", article_id="b"),
        ],
        ignore_index=True,
    )
    scored = S.score_sentences(sentences)
    evidence = S.sentiment_evidence(sentences)
    out = S.extreme_sentences(scored, evidence)
    assert out[["outlet", "end", "sentence_id"]].values.tolist() == [
        ["A", "most positive", "a-s001"],
        ["A", "most negative", "a-s002"],
        ["B", "most positive", "b-s001"],
        ["B", "most negative", "b-s002"],
    ]
    assert "wonderful" in out["vader_evidence"].iloc[0]
    assert "terrible" in out["textblob_evidence"].iloc[1]


def test_figures_have_one_panel_per_instrument_and_one_row_per_outlet():
    import matplotlib

    matplotlib.use("Agg")
    table = pd.DataFrame({"outlet": list("AABBCC"), "polarity": [0.1, 0.2, 0.0, -0.1, 0.3, 0.3],
                          "vader_compound": [0.2, 0.0, 0.0, -0.4, 0.5, 0.1]})
    colours = {"A": "red", "B": "blue", "C": "green"}
    fig = S.plot_tone_distribution(table, colours=colours)
    assert len(fig.axes) == 2
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["A", "B", "C"]
    fig = S.plot_tone_means(S.tone_summary(table), colours=colours)
    assert len(fig.axes) == 2
    mentions = pd.DataFrame({"sentence_id": ["s1", "s3", "s5"], "actor": ["IBM"] * 3})
    grid = S.plot_targeted_tone(S.targeted_tone(table.assign(sentence_id=[f"s{i}" for i in range(1, 7)]), mentions))
    assert [t.get_text() for t in grid.axes[0].get_yticklabels()] == ["IBM"]
    assert [ax.get_title() for ax in grid.axes[:2]] == list(S.MEASURES.values())
    empty = S.plot_targeted_tone(S.targeted_tone(table.assign(sentence_id=[f"s{i}" for i in range(1, 7)]), mentions.iloc[:0]))
    assert "No sentence" in empty.axes[0].texts[0].get_text()


def test_permutations_are_fewer_only_for_large_corpora():
    from analysis.sentiment import _default_permutations

    assert _default_permutations(59) == 10_000
    assert _default_permutations(5_000) == 10_000
    assert 999 < _default_permutations(20_000) < 10_000
    assert _default_permutations(325_866) == 999


def test_the_sentence_tone_figure_rasterises_only_outlets_with_thousands_of_dots():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    scored = pd.DataFrame({"outlet": ["big"] * 1500 + ["small"] * 40,
                           "polarity": np.linspace(-1, 1, 1540), "vader_compound": np.linspace(1, -1, 1540)})
    fig = S.plot_tone_distribution(scored, colours={"big": "#000000", "small": "#444444"})
    dots = [c for ax in fig.axes for c in ax.collections if len(c.get_offsets()) in (1500, 40)]
    assert sorted((len(c.get_offsets()), c.get_rasterized()) for c in dots) == [(40, False)] * 2 + [(1500, True)] * 2
    plt.close(fig)


def test_the_actor_tone_grid_of_many_outlets_stacks_its_panels_and_shows_means_alone():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [{"outlet": f"Outlet {i:02d}", "actor": actor, "measure": m, "n": 4, "mean": 0.25}
            for i in range(10) for actor in ("IBM", "police") for m in S.MEASURES]
    fig = S.plot_targeted_tone(pd.DataFrame(rows))
    grids = [ax for ax in fig.axes if ax.get_title() in S.MEASURES.values()]
    assert len(grids) == 2 and grids[0].get_position().y0 > grids[1].get_position().y1  # one above the other
    assert {t.get_text() for ax in grids for t in ax.texts} == {"+0.25"}
    few = S.plot_targeted_tone(pd.DataFrame([r for r in rows if r["outlet"] in ("Outlet 00", "Outlet 01")]))
    panels = [ax for ax in few.axes if ax.get_title() in S.MEASURES.values()]
    assert abs(panels[0].get_position().y0 - panels[1].get_position().y0) < 1e-9  # side by side
    assert {t.get_text() for ax in panels for t in ax.texts} == {"+0.25 (n=4)"}
    plt.close("all")


def test_masking_effect_reuses_scores_it_is_given_and_refuses_other_rows():
    s = pd.DataFrame({"sentence_id": ["a-s001", "a-s002"], "article_id": ["a", "a"], "outlet": ["X", "X"],
                      "text": ["He spoke on Monday (June 8) to the press.", "A fair and peaceful protest."]})
    scored = S.score_sentences(s)
    pd.testing.assert_frame_equal(S.masking_effect(s, scored=scored), S.masking_effect(s))
    with pytest.raises(ValueError, match="not the sentences' rows"):
        S.masking_effect(s, scored=scored.iloc[::-1])
