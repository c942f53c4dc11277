"""Tests for what intervals resample: article counts, the resampling unit, the cluster
bootstrap and permutation test over articles, the one_article flags, and how figures
and the scorecard mark intervals that rest on a single article."""

from __future__ import annotations

import math
from itertools import combinations

import matplotlib
import numpy as np
import pandas as pd
import pytest

from analysis import load_corpus
from analysis.lexicons import load_lexicons
from analysis.measures import tone as S
from analysis.measures.frames import frame_difference, frame_profile, to_paragraphs
from analysis.paths import LEXICONS
from analysis.plots.frames import plot_frame_difference, plot_frame_heatmap
from analysis.plots.tone import plot_tone_means
from analysis.stats.settings import SEED
from analysis.synthesis import (
    ONE_ARTICLE_MARK,
    compute_measures,
    contrasts,
    scorecard,
    scorecard_table,
)
from analysis.stats import MIN_ARTICLES, article_counts, describe_unit, resampling_unit

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402  (after the backend is chosen)


def clustered(articles: dict[str, list[list[float]]], measure: str = "polarity") -> pd.DataFrame:
    """A scored table from ``{outlet: [[scores of article 1], [scores of article 2], ...]}``.

    Article ids are ``<outlet><k>`` (``A0``, ``A1``, ...): with fewer than ten articles an
    outlet's sorted ids are in the order given.
    """
    rows = []
    for outlet, arts in articles.items():
        for k, scores in enumerate(arts):
            for j, v in enumerate(scores):
                rows.append({"sentence_id": f"{outlet}{k}-s{j:03d}", "article_id": f"{outlet}{k}",
                             "outlet": outlet, measure: v})
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- article_counts


def test_article_counts_counts_distinct_articles_per_group_not_rows():
    t = pd.DataFrame({"outlet": ["B", "A", "A", "A", "B", "C"],
                      "article_id": ["b1", "a1", "a1", "a2", "b1", "c1"]})
    counts = article_counts(t)
    assert counts.to_dict() == {"A": 2, "B": 1, "C": 1}
    assert list(counts.index) == ["A", "B", "C"]  # sorted, like groupby
    assert counts.index.name == "outlet"
    assert counts.name == "n_articles"
    assert str(counts.dtype) == "Int64"


def test_article_counts_by_several_columns_has_one_count_per_combination():
    t = pd.DataFrame({"outlet": ["A", "A", "A", "B", "B"],
                      "section": ["news", "news", "tech", "news", "news"],
                      "article_id": ["a1", "a2", "a1", "b1", "b1"]})
    counts = article_counts(t, by=["outlet", "section"])
    assert counts.to_dict() == {("A", "news"): 2, ("A", "tech"): 1, ("B", "news"): 1}
    assert list(counts.index.names) == ["outlet", "section"]


def test_article_counts_without_article_ids_are_unknown_not_one():
    t = pd.DataFrame({"outlet": ["A", "A", "B"], "polarity": [0.1, 0.2, 0.3]})
    counts = article_counts(t)
    assert list(counts.index) == ["A", "B"]
    assert str(counts.dtype) == "Int64"
    assert counts.isna().all()


# --------------------------------------------------------------------------- resampling_unit


def _outlets_with(n_a: int, n_b: int) -> pd.DataFrame:
    ids = [f"a{i}" for i in range(n_a)] + [f"b{i}" for i in range(n_b)]
    # two sentences per article, so sentence counts never pass for article counts
    return pd.DataFrame({"outlet": ["A"] * (2 * n_a) + ["B"] * (2 * n_b), "article_id": [i for i in ids for _ in (0, 1)]})


def test_articles_are_resampled_only_when_every_group_has_enough():
    assert MIN_ARTICLES == 5
    assert resampling_unit(_outlets_with(5, 5)) == "article"
    assert resampling_unit(_outlets_with(9, 5)) == "article"
    assert resampling_unit(_outlets_with(9, 4)) == "sentence"
    assert resampling_unit(_outlets_with(9, 4), within="paragraph") == "paragraph"
    assert resampling_unit(_outlets_with(1, 30)) == "sentence"


def test_min_articles_sets_the_threshold():
    t = _outlets_with(3, 2)
    assert resampling_unit(t, min_articles=2) == "article"
    assert resampling_unit(t, min_articles=3) == "sentence"
    assert resampling_unit(_outlets_with(5, 5), min_articles=6, within="paragraph") == "paragraph"


def test_a_single_group_or_unknown_article_counts_keep_the_within_unit():
    single = _outlets_with(20, 0)
    assert single["outlet"].nunique() == 1
    assert resampling_unit(single) == "sentence"
    assert resampling_unit(single, within="paragraph", min_articles=1) == "paragraph"
    assert resampling_unit(_outlets_with(6, 6).drop(columns="article_id"), min_articles=1) == "sentence"


def test_describe_unit_gives_the_counts_and_flags_single_article_groups():
    t = _outlets_with(3, 1)
    text = describe_unit(t, resampling_unit(t))
    assert "sentences within articles" in text
    assert "2 of 2 outlets have fewer than 5 articles" in text
    assert "(1 of them a single article: flagged one_article)" in text

    no_single = describe_unit(_outlets_with(3, 7), "paragraph")
    assert "paragraphs within articles" in no_single
    assert "1 of 2 outlets" in no_single
    assert "one_article" not in no_single

    t = _outlets_with(5, 8)
    text = describe_unit(t, resampling_unit(t))
    assert text.startswith("intervals resample articles")
    assert "2 outlets" in text and "5 to 8" in text


# --------------------------------------------------------------------------- tone: counts and flags


SMALL = {"A": [[0.1, 0.2, 0.3], [0.0, -0.1]], "B": [[0.5, 0.4, 0.2, 0.1]], "C": [[0.2], [0.3, 0.3], [-0.2]]}


def test_tone_summary_counts_articles_and_flags_the_group_with_one():
    s = S.tone_summary(clustered(SMALL), measures=["polarity"], n_boot=200).set_index("outlet")
    assert s["n_articles"].to_dict() == {"A": 2, "B": 1, "C": 3}
    assert str(s["n_articles"].dtype) == "Int64"
    assert s["one_article"].to_dict() == {"A": False, "B": True, "C": False}
    assert s["n"].to_dict() == {"A": 5, "B": 4, "C": 4}


def test_tone_summary_by_several_columns_counts_articles_per_combination():
    t = clustered(SMALL).assign(section=lambda d: np.where(d["article_id"] == "A1", "tech", "news"))
    s = S.tone_summary(t, by=["outlet", "section"], measures=["polarity"], n_boot=100)
    got = {(r.outlet, r.section): (r.n_articles, r.one_article) for r in s.itertuples()}
    assert got == {("A", "news"): (1, True), ("A", "tech"): (1, True), ("B", "news"): (1, True),
                   ("C", "news"): (3, False)}


def test_tone_difference_flags_a_comparison_when_either_side_rests_on_one_article():
    two = clustered({"A": SMALL["A"], "B": SMALL["B"]})
    row = S.tone_difference(two, measures=["polarity"], n_boot=100, n_perm=100).iloc[0]
    assert (row["outlet"], row["compared_with"]) == ("A", "B")
    assert (row["n_articles"], row["n_articles_other"]) == (2, 1)
    assert bool(row["one_article"]) is True  # the other side has one article

    # the single-article side first in sorted order
    flipped = clustered({"A": SMALL["B"], "B": SMALL["A"]})
    row = S.tone_difference(flipped, measures=["polarity"], n_boot=100, n_perm=100).iloc[0]
    assert (row["n_articles"], row["n_articles_other"]) == (1, 2)
    assert bool(row["one_article"]) is True

    several = clustered({"A": SMALL["A"], "C": SMALL["C"]})
    row = S.tone_difference(several, measures=["polarity"], n_boot=100, n_perm=100).iloc[0]
    assert (row["n_articles"], row["n_articles_other"]) == (2, 3)
    assert bool(row["one_article"]) is False


def test_one_against_the_rest_counts_the_rest_pooled():
    d = S.tone_difference(clustered(SMALL), measures=["polarity"], n_boot=100, n_perm=100).set_index("outlet")
    assert (d["compared_with"] == "rest").all()
    assert d["n_articles"].to_dict() == {"A": 2, "B": 1, "C": 3}
    assert d["n_articles_other"].to_dict() == {"A": 4, "B": 5, "C": 3}
    # only B rests on one article; A's rest (B and C) has four
    assert d["one_article"].to_dict() == {"A": False, "B": True, "C": False}
    pairwise = S.tone_difference(clustered(SMALL), measures=["polarity"], pairwise=True, n_boot=100, n_perm=100)
    flags = {(r.outlet, r.compared_with): r.one_article for r in pairwise.itertuples()}
    assert flags == {("A", "B"): True, ("A", "C"): False, ("B", "C"): True}


def test_without_article_ids_counts_are_missing_and_nothing_is_flagged():
    t = clustered(SMALL).drop(columns="article_id")
    s = S.tone_summary(t, measures=["polarity"], n_boot=100)
    assert s["n_articles"].isna().all()
    assert not s["one_article"].any()
    d = S.tone_difference(t, measures=["polarity"], n_boot=100, n_perm=100)
    assert len(d) == 3
    assert d["n_articles"].isna().all() and d["n_articles_other"].isna().all()
    assert not d["one_article"].any()


def test_article_unit_refuses_a_group_with_one_article_and_names_it():
    t = clustered(SMALL)
    with pytest.raises(ValueError, match=r"'B' has 1"):
        S.tone_summary(t, measures=["polarity"], n_boot=100, unit="article")
    with pytest.raises(ValueError, match=r"'B' has 1"):
        S.tone_difference(t, measures=["polarity"], n_boot=100, n_perm=100, unit="article")
    # with only groups of two or more it works
    fine = t[t["outlet"] != "B"]
    assert len(S.tone_summary(fine, measures=["polarity"], n_boot=100, unit="article")) == 2
    assert len(S.tone_difference(fine, measures=["polarity"], n_boot=100, n_perm=100, unit="article")) == 1


@pytest.mark.parametrize("unit", ["paragraph", "articles", "Article", ""])
def test_an_unknown_unit_is_an_error(unit):
    t = clustered(SMALL)
    with pytest.raises(ValueError, match="unit"):
        S.tone_summary(t, measures=["polarity"], n_boot=100, unit=unit)
    with pytest.raises(ValueError, match="unit"):
        S.tone_difference(t, measures=["polarity"], n_boot=100, n_perm=100, unit=unit)


def test_article_unit_needs_an_article_id_column():
    t = clustered({"A": SMALL["A"], "C": SMALL["C"]}).drop(columns="article_id")
    with pytest.raises(ValueError, match="article_id"):
        S.tone_summary(t, measures=["polarity"], n_boot=100, unit="article")
    with pytest.raises(ValueError, match="article_id"):
        S.tone_difference(t, measures=["polarity"], n_boot=100, n_perm=100, unit="article")


def test_sentence_unit_results_do_not_depend_on_the_unit_argument_or_the_article_column():
    rng = np.random.default_rng(3)
    t = clustered({"A": [list(rng.normal(0.1, 0.3, 6)), list(rng.normal(0, 0.3, 5))],
                   "B": [list(rng.normal(-0.1, 0.3, 9))]})
    t["vader_compound"] = rng.normal(0, 0.4, len(t))
    cols = ["outlet", "measure", "n", "mean", "ci_low", "ci_high", "share_positive", "small_n"]
    default = S.tone_summary(t, n_boot=500)
    explicit = S.tone_summary(t, n_boot=500, unit="sentence")
    bare = S.tone_summary(t.drop(columns="article_id"), n_boot=500)
    pd.testing.assert_frame_equal(default, explicit)
    pd.testing.assert_frame_equal(default[cols], bare[cols])

    cols = ["measure", "outlet", "compared_with", "n", "n_other", "mean", "mean_other", "difference", "ci_low",
            "ci_high", "p_value", "p_adjusted", "small_n"]
    default = S.tone_difference(t, n_boot=500, n_perm=500)
    explicit = S.tone_difference(t, n_boot=500, n_perm=500, unit="sentence")
    bare = S.tone_difference(t.drop(columns="article_id"), n_boot=500, n_perm=500)
    pd.testing.assert_frame_equal(default, explicit)
    pd.testing.assert_frame_equal(default[cols], bare[cols])


def test_sentence_unit_interval_is_the_percentile_bootstrap_of_sentence_means():
    # The documented rule of tone_summary's sentence unit, computed here from scratch.
    values = np.array([0.5, -0.25, 0.125, 0.0, 0.75, -0.5, 0.25, 0.0, 0.0, 0.375, -0.125])
    t = pd.DataFrame({"outlet": "A", "article_id": ["a1"] * 5 + ["a2"] * 6, "polarity": values})
    row = S.tone_summary(t, measures=["polarity"], n_boot=1000, seed=7).iloc[0]
    rng = np.random.default_rng(7)
    draws = values[rng.integers(0, len(values), size=(1000, len(values)))].mean(axis=1)
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(tuple(np.quantile(draws, [0.025, 0.975])), abs=1e-12)


# --------------------------------------------------------------------------- the cluster bootstrap


@pytest.mark.parametrize(
    "articles",
    [
        [[0.1, 0.2, 0.0], [0.5, 0.4, 0.6], [-0.3, -0.1, -0.2], [0.0, 0.0, 0.1]],
        [[0.9, 0.8], [-0.9, -0.7], [0.1, 0.0], [0.3, 0.2], [-0.2, -0.4], [0.6, 0.5]],
        [[0.2] * 4, [0.2] * 4],
        [[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]],
    ],
)
def test_article_interval_contains_the_mean_of_the_sentences(articles):
    t = clustered({"A": articles})
    row = S.tone_summary(t, measures=["polarity"], n_boot=1000, unit="article").iloc[0]
    assert math.isclose(row["mean"], float(np.mean([v for a in articles for v in a])))
    assert row["ci_low"] <= row["mean"] <= row["ci_high"]
    assert row["n_articles"] == len(articles) and not row["one_article"]


def test_article_mean_is_the_mean_of_all_sentences_not_of_article_means():
    # articles of unequal length: the pooled mean weights each sentence once
    t = clustered({"A": [[1.0] * 6, [0.0, 0.0]]})
    row = S.tone_summary(t, measures=["polarity"], n_boot=500, unit="article").iloc[0]
    assert row["mean"] == pytest.approx(0.75)
    # every resample is a mix of the two articles, so its pooled mean is 0, 0.75 or 1
    assert row["ci_low"] >= 0.0 and row["ci_high"] <= 1.0


def test_article_resamples_pool_the_sentences_of_the_articles_they_draw():
    # One long article of 1s and three one-sentence articles of 0s (mean 9/12). A resample of
    # four articles holding the long one k times has the pooled mean 9k / (9k + 4 - k):
    # 0, 0.75, 18/20 = 0.9, 27/28 or 1. k = 0 has probability (3/4)^4 = 0.32, k >= 3 has
    # 13/256 = 0.051 and k = 4 only 1/256, so the 95% interval runs from 0 to exactly 27/28
    # (averaging the article means instead would give 3/4 at k = 3).
    t = clustered({"A": [[1.0] * 9, [0.0], [0.0], [0.0]]})
    row = S.tone_summary(t, measures=["polarity"], n_boot=4000, unit="article").iloc[0]
    assert row["mean"] == pytest.approx(0.75)
    assert row["ci_low"] == 0.0
    assert row["ci_high"] == pytest.approx(27 / 28)


def test_article_unit_on_uniform_articles_equals_sentence_unit_on_one_sentence_per_article():
    # Every sentence of an article equals the article mean, and every article has 4 sentences:
    # a resample of articles then has the mean of the article means it picked, just as a resample
    # of a one-sentence-per-article table does. Both resamplers draw rng.integers(0, m, (n_boot, m))
    # from a generator seeded alike, and the values are dyadic (exact in binary), so the draws,
    # the sums and hence the intervals agree exactly, not just in distribution.
    means = [0.5, -0.25, 0.75, 0.125, -0.5, 0.0, 0.375]
    uniform = clustered({"A": [[m] * 4 for m in means]})
    one_per_article = clustered({"A": [[m] for m in means]})
    assert list(one_per_article["article_id"]) == sorted(one_per_article["article_id"])
    for seed in (1, 20200608):
        by_article = S.tone_summary(uniform, measures=["polarity"], n_boot=777, seed=seed, unit="article").iloc[0]
        by_sentence = S.tone_summary(one_per_article, measures=["polarity"], n_boot=777, seed=seed).iloc[0]
        assert by_article["mean"] == by_sentence["mean"]
        assert by_article["ci_low"] == by_sentence["ci_low"]
        assert by_article["ci_high"] == by_sentence["ci_high"]
        # while resampling the 28 sentences one by one would claim a narrower interval
        naive = S.tone_summary(uniform, measures=["polarity"], n_boot=777, seed=seed).iloc[0]
        assert naive["ci_high"] - naive["ci_low"] < by_article["ci_high"] - by_article["ci_low"]


def test_article_interval_is_wider_when_articles_differ_but_their_sentences_agree():
    t = clustered({"A": [[-0.8] * 10, [-0.2] * 10, [0.3] * 10, [0.9] * 10],
                   "B": [[0.6] * 12, [-0.6] * 12, [0.0] * 12]})
    by_sentence = S.tone_summary(t, measures=["polarity"], n_boot=2000).set_index("outlet")
    by_article = S.tone_summary(t, measures=["polarity"], n_boot=2000, unit="article").set_index("outlet")
    pd.testing.assert_series_equal(by_sentence["mean"], by_article["mean"])
    width_s = by_sentence["ci_high"] - by_sentence["ci_low"]
    width_a = by_article["ci_high"] - by_article["ci_low"]
    # 40 (36) sentences look like 40 independent draws; there are only 4 (3) articles
    assert (width_a > 1.8 * width_s).all()

    d_s = S.tone_difference(t, measures=["polarity"], n_boot=2000, n_perm=200).iloc[0]
    d_a = S.tone_difference(t, measures=["polarity"], n_boot=2000, n_perm=200, unit="article").iloc[0]
    assert d_s["difference"] == pytest.approx(d_a["difference"])
    assert d_a["ci_low"] <= d_a["difference"] <= d_a["ci_high"]
    assert d_a["ci_high"] - d_a["ci_low"] > 1.8 * (d_s["ci_high"] - d_s["ci_low"])


def test_article_unit_is_reproducible_from_its_seed():
    t = clustered({"A": [[0.1, 0.4], [0.3], [-0.2, 0.0, 0.1]], "B": [[0.5], [0.2, 0.2]]})
    first = S.tone_summary(t, measures=["polarity"], n_boot=300, unit="article", seed=5)
    pd.testing.assert_frame_equal(first, S.tone_summary(t, measures=["polarity"], n_boot=300, unit="article", seed=5))
    other = S.tone_summary(t, measures=["polarity"], n_boot=300, unit="article", seed=6)
    assert not np.allclose(first[["ci_low", "ci_high"]], other[["ci_low", "ci_high"]])


# --------------------------------------------------------------------------- the cluster permutation test


def exact_article_p(articles_a: list[list[float]], articles_b: list[list[float]]) -> float:
    """The two-sided permutation p-value over every way of dealing the articles out again."""
    pooled = articles_a + articles_b
    sums = np.array([sum(a) for a in pooled])
    counts = np.array([len(a) for a in pooled], dtype=float)

    def stat(idx):
        mask = np.zeros(len(pooled), bool)
        mask[list(idx)] = True
        return abs(sums[mask].sum() / counts[mask].sum() - sums[~mask].sum() / counts[~mask].sum())

    observed = stat(range(len(articles_a)))
    deals = list(combinations(range(len(pooled)), len(articles_a)))
    return sum(stat(idx) >= observed - 1e-12 for idx in deals) / len(deals)


@pytest.mark.parametrize(
    "articles_a, articles_b",
    [
        # 3 against 3 articles of unequal length: 20 deals, exact p = 6/20
        ([[0.6, 0.4], [-0.2], [0.5, 0.2, 0.7]], [[0.1, -0.1, 0.0, 0.2], [0.45], [-0.3, 0.4]]),
        # 3 against 4: 35 deals, exact p = 15/35
        ([[0.2], [0.1, -0.4], [0.35, 0.3, 0.0]], [[-0.2, 0.1], [0.0], [0.5, -0.5, 0.1], [-0.1, -0.05]]),
    ],
)
def test_article_permutation_p_matches_the_exact_p_over_every_relabelling(articles_a, articles_b):
    exact = exact_article_p(articles_a, articles_b)
    assert 0.2 < exact < 0.5  # neither end, where a wrong sampler could still look right
    t = clustered({"A": articles_a, "B": articles_b})
    row = S.tone_difference(t, measures=["polarity"], n_boot=100, n_perm=20000, unit="article").iloc[0]
    assert abs(row["p_value"] - exact) < 0.02
    by_sentence = S.tone_difference(t, measures=["polarity"], n_boot=100, n_perm=20000).iloc[0]
    assert row["difference"] == pytest.approx(by_sentence["difference"])


def test_a_clear_difference_between_many_articles_gives_a_small_p():
    rng = np.random.default_rng(11)
    a = [list(rng.normal(0.5, 0.05, 3)) for _ in range(8)]
    b = [list(rng.normal(-0.5, 0.05, 3)) for _ in range(8)]
    row = S.tone_difference(clustered({"A": a, "B": b}), measures=["polarity"], n_boot=200, n_perm=2000,
                            unit="article").iloc[0]
    # 2 of the 12,870 deals of 16 articles are as extreme as the observed one
    assert row["p_value"] < 0.01
    assert row["ci_low"] > 0.5


def test_three_articles_a_side_can_never_give_a_p_below_a_tenth():
    # However clear the difference, 2 of the 20 deals (the observed one and its mirror) are as extreme,
    # while relabelling the 60 sentences treats them as independent and finds it overwhelming.
    t = clustered({"A": [[0.5] * 10, [0.6] * 10, [0.55] * 10], "B": [[-0.5] * 10, [-0.6] * 10, [-0.55] * 10]})
    by_article = S.tone_difference(t, measures=["polarity"], n_boot=100, n_perm=5000, unit="article").iloc[0]
    by_sentence = S.tone_difference(t, measures=["polarity"], n_boot=100, n_perm=5000).iloc[0]
    assert by_article["p_value"] == pytest.approx(0.1, abs=0.02)
    assert by_sentence["p_value"] < 0.001


def test_identical_groups_of_articles_give_p_one():
    articles = [[0.1, 0.2], [0.3], [-0.4, 0.0, 0.1]]
    t = clustered({"A": articles, "B": articles})
    row = S.tone_difference(t, measures=["polarity"], n_boot=100, n_perm=1000, unit="article").iloc[0]
    assert row["difference"] == 0
    assert row["p_value"] == 1.0
    assert row["p_adjusted"] == 1.0


def test_article_unit_p_values_are_adjusted_over_one_against_the_rest_comparisons():
    rng = np.random.default_rng(4)
    t = clustered({g: [list(rng.normal(shift, 0.2, 2)) for _ in range(4)] for g, shift in zip("ABC", (0.4, 0.0, -0.4))})
    d = S.tone_difference(t, measures=["polarity"], n_boot=100, n_perm=1000, unit="article")
    assert list(d["compared_with"]) == ["rest"] * 3
    assert d["p_value"].between(0, 1).all()
    assert (d["p_adjusted"] >= d["p_value"]).all()
    assert d["n_articles"].tolist() == [4, 4, 4] and d["n_articles_other"].tolist() == [8, 8, 8]


# --------------------------------------------------------------------------- frames


def frame_corpus(layout: dict[str, list[list[bool]]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sentences and detections from ``{outlet: [[invokes Political?, ...] per article]}``.

    Every article has paragraphs of two sentences; a sentence that does not invoke
    Political has no detection, so it counts for Other.
    """
    rows, detections = [], []
    for outlet, arts in layout.items():
        for k, flags in enumerate(arts):
            for j, flag in enumerate(flags):
                sid = f"{outlet}{k}-s{j:03d}"
                rows.append({"sentence_id": sid, "article_id": f"{outlet}{k}", "outlet": outlet,
                             "paragraph_no": j // 2 + 1})
                if flag:
                    detections.append({"sentence_id": sid, "frame": "Political"})
    return pd.DataFrame(rows), pd.DataFrame(detections, columns=["sentence_id", "frame"])


FRAMES = {
    "A": [[True, True, False, False], [True, False, False]],
    "B": [[False, False, True, True, True]],
    "C": [[True, True], [False, True], [False, False, False]],
}


def test_frame_profile_counts_articles_and_flags_single_article_groups():
    sentences, detections = frame_corpus(FRAMES)
    p = frame_profile(sentences, detections, n_boot=200)
    per = p.groupby("outlet").first()
    assert per["n_articles"].to_dict() == {"A": 2, "B": 1, "C": 3}
    assert str(p["n_articles"].dtype) == "Int64"
    assert per["one_article"].to_dict() == {"A": False, "B": True, "C": False}
    assert per["n_sentences"].to_dict() == {"A": 7, "B": 5, "C": 7}
    # every frame row of a group carries the group's flag
    assert p.groupby("outlet")["one_article"].nunique().eq(1).all()


def test_frame_difference_counts_the_rest_and_flags_either_side():
    sentences, detections = frame_corpus(FRAMES)
    d = frame_difference(sentences, detections, n_boot=200)
    per = d.groupby("outlet").first()
    assert per["n_articles"].to_dict() == {"A": 2, "B": 1, "C": 3}
    assert per["n_articles_rest"].to_dict() == {"A": 4, "B": 5, "C": 3}
    assert per["one_article"].to_dict() == {"A": False, "B": True, "C": False}

    two, det = frame_corpus({"A": FRAMES["A"], "B": FRAMES["B"]})
    d = frame_difference(two, det, n_boot=200).groupby("outlet").first()
    assert d["n_articles_rest"].to_dict() == {"A": 1, "B": 2}
    # A's own count is two, but the rest it is compared with is B's single article
    assert d["one_article"].to_dict() == {"A": True, "B": True}


def test_frames_without_article_ids_have_unknown_counts_and_no_flags():
    sentences, detections = frame_corpus(FRAMES)
    bare = sentences.drop(columns=["article_id", "paragraph_no"])
    p = frame_profile(bare, detections, n_boot=100)
    assert p["n_articles"].isna().all() and not p["one_article"].any()
    d = frame_difference(bare, detections, n_boot=100)
    assert d["n_articles"].isna().all() and d["n_articles_rest"].isna().all() and not d["one_article"].any()


def test_frame_article_unit_refuses_a_single_article_group_and_names_it():
    sentences, detections = frame_corpus(FRAMES)
    with pytest.raises(ValueError, match=r"'B' has 1"):
        frame_profile(sentences, detections, n_boot=100, unit="article")
    with pytest.raises(ValueError, match=r"'B' has 1"):
        frame_difference(sentences, detections, n_boot=100, unit="article")
    with pytest.raises(ValueError, match="unit"):
        frame_profile(sentences, detections, n_boot=100, unit="articles")
    with pytest.raises(ValueError, match="article_id"):
        frame_profile(sentences.drop(columns="article_id"), detections, n_boot=100, unit="article")


def test_frame_shares_do_not_depend_on_the_unit_only_intervals_do():
    layout = {"A": FRAMES["A"], "C": FRAMES["C"]}
    sentences, detections = frame_corpus(layout)
    fixed = ["outlet", "frame", "n_sentences", "n_articles", "n_invoking", "share", "one_article"]
    profiles = {u: frame_profile(sentences, detections, n_boot=300, unit=u) for u in ("sentence", "paragraph", "article")}
    for u in ("paragraph", "article"):
        pd.testing.assert_frame_equal(profiles["sentence"][fixed], profiles[u][fixed])
    per = profiles["article"].set_index(["outlet", "frame"])
    assert per.loc[("A", "Political"), "share"] == pytest.approx(3 / 7)
    assert (per["low"] <= per["share"] + 1e-12).all() and (per["share"] <= per["high"] + 1e-12).all()

    fixed = ["outlet", "frame", "share", "share_rest", "difference", "n_articles", "n_articles_rest", "one_article"]
    diffs = {u: frame_difference(sentences, detections, n_boot=300, unit=u) for u in ("sentence", "article")}
    pd.testing.assert_frame_equal(diffs["sentence"][fixed], diffs["article"][fixed])
    assert not diffs["article"]["one_article"].any()


def test_frame_article_interval_is_wider_when_whole_articles_invoke_a_frame_or_not():
    # each article invokes Political in all of its sentences or in none
    layout = {"A": [[True] * 6, [False] * 6, [True] * 6, [False] * 6],
              "B": [[True] * 6, [False] * 6, [False] * 6, [False] * 6]}
    sentences, detections = frame_corpus(layout)
    by_sentence = frame_profile(sentences, detections, n_boot=1000).set_index(["outlet", "frame"])
    by_article = frame_profile(sentences, detections, n_boot=1000, unit="article").set_index(["outlet", "frame"])
    width_s = (by_sentence["high"] - by_sentence["low"]).loc[("A", "Political")]
    width_a = (by_article["high"] - by_article["low"]).loc[("A", "Political")]
    assert width_a > 1.5 * width_s
    # a resample of four articles holds 0 to 4 invoking ones: shares are multiples of 1/4
    lo, hi = by_article.loc[("A", "Political"), ["low", "high"]]
    assert (lo * 4) == pytest.approx(round(lo * 4)) and (hi * 4) == pytest.approx(round(hi * 4))


# --------------------------------------------------------------------------- figures

COLOURS = {"A": "tab:red", "B": "tab:blue", "C": "tab:green"}


def _interval_lines(ax, summary, measure):
    """The line of each group's interval on ``ax``, found by its end points."""
    out = {}
    for r in summary[summary["measure"] == measure].itertuples():
        hits = [line for line in ax.lines
                if len(line.get_xdata()) == 2
                and np.allclose(np.asarray(line.get_xdata(), float), [r.ci_low, r.ci_high])]
        assert len(hits) == 1, r.outlet
        out[r.outlet] = hits[0]
    return out


def test_tone_means_dash_the_interval_and_say_1_article_for_a_single_article_group():
    t = clustered(SMALL)
    t["vader_compound"] = t["polarity"] * 0.5 + 0.1
    summary = S.tone_summary(t, n_boot=200)
    assert summary.set_index("outlet")["one_article"].groupby(level=0).first().to_dict() == {
        "A": False, "B": True, "C": False}
    fig = plot_tone_means(summary, colours=COLOURS)
    try:
        for ax, measure in zip(fig.axes[:2], S.MEASURES):
            lines = _interval_lines(ax, summary, measure)
            assert lines["B"].get_linestyle() == "--"
            assert lines["A"].get_linestyle() == "-" and lines["C"].get_linestyle() == "-"
            labels = [x.get_text() for x in ax.texts]
            assert len(labels) == 3
            assert [("1 article" in x) for x in labels] == [False, True, False]
            assert "n=4, 1 article" in labels[1]
    finally:
        plt.close(fig)


def test_tone_means_draw_only_solid_intervals_when_no_group_rests_on_one_article():
    t = clustered({"A": SMALL["A"], "C": SMALL["C"]})
    t["vader_compound"] = -t["polarity"]
    for summary in (S.tone_summary(t, n_boot=200), S.tone_summary(t, n_boot=200, unit="article"),
                    S.tone_summary(t.drop(columns="article_id"), n_boot=200)):
        assert not summary["one_article"].any()
        fig = plot_tone_means(summary, colours=COLOURS)
        try:
            for ax, measure in zip(fig.axes[:2], S.MEASURES):
                assert all(line.get_linestyle() == "-" for line in _interval_lines(ax, summary, measure).values())
                assert not any("1 article" in x.get_text() for x in ax.texts)
        finally:
            plt.close(fig)


def test_frame_heatmap_says_1_article_under_single_article_groups_only():
    sentences, detections = frame_corpus(FRAMES)
    profile = frame_profile(sentences, detections, n_boot=100)
    fig = plot_frame_heatmap(profile, colours=COLOURS)
    try:
        labels = [x.get_text() for x in fig.axes[0].get_xticklabels()]
        assert [x.split("\n")[0] for x in labels] == ["A", "B", "C"]
        assert [("1 article" in x) for x in labels] == [False, True, False]
        assert labels[1].endswith("n = 5, 1 article")
    finally:
        plt.close(fig)
    # an old profile without the column still draws, with no flag
    fig = plot_frame_heatmap(profile.drop(columns="one_article"), colours=COLOURS)
    try:
        assert not any("1 article" in x.get_text() for x in fig.axes[0].get_xticklabels())
    finally:
        plt.close(fig)


def _error_bar_styles(fig):
    from matplotlib.collections import LineCollection

    return [c.get_linestyle()[0][1] for ax in fig.axes for c in ax.collections if isinstance(c, LineCollection)]


def test_frame_difference_plot_dashes_error_bars_that_rest_on_one_article():
    sentences, detections = frame_corpus({"A": FRAMES["A"], "B": FRAMES["B"]})
    diff = frame_difference(sentences, detections, n_boot=100)
    assert diff["one_article"].all()
    fig = plot_frame_difference(diff, colours=COLOURS)
    try:
        styles = _error_bar_styles(fig)
        assert styles and all(s is not None for s in styles)  # dashed: an on-off pattern
        assert any("one article" in t.get_text() for ax in fig.axes if ax.get_legend()
                   for t in ax.get_legend().get_texts())
    finally:
        plt.close(fig)
    sentences, detections = frame_corpus({"A": FRAMES["A"], "C": FRAMES["C"]})
    diff = frame_difference(sentences, detections, n_boot=100)
    assert not diff["one_article"].any()
    fig = plot_frame_difference(diff, colours=COLOURS)
    try:
        styles = _error_bar_styles(fig)
        assert styles and all(s is None for s in styles)  # solid
    finally:
        plt.close(fig)


# --------------------------------------------------------------------------- synthesis


def _card(one_article: bool) -> pd.DataFrame:
    return pd.DataFrame({
        "outlet": ["A", "B", "A", "B"],
        "measure": ["tone: TextBlob polarity"] * 2 + ["leading frame"] * 2,
        "rank": [1, 1, 1, 1],
        "item": ["mean", "mean", "Political", "Economic"],
        "value": [0.1, -0.05, 0.5, 0.25],
        "low": [0.0, -0.2, 0.3, 0.1],
        "high": [0.2, 0.1, 0.7, 0.4],
        "n": pd.array([12, 8, 6, 2], dtype="Int64"),
        "one_article": [one_article, False, one_article, False],
    })


def test_scorecard_table_marks_intervals_that_rest_on_one_article():
    assert ONE_ARTICLE_MARK == "\u2020"
    table = scorecard_table(_card(True))
    tone = table.loc[("tone: TextBlob polarity", 1)].to_dict()
    assert tone == {"A": "+0.100 [+0.000, +0.200]\u2020 n=12", "B": "-0.050 [-0.200, +0.100] n=8"}
    frame = table.loc[("leading frame", 1)].to_dict()
    assert frame == {"A": "Political 50% [30%, 70%]\u2020", "B": "Economic 25% [10%, 40%]"}


def test_scorecard_table_has_no_mark_without_single_article_intervals():
    for card in (_card(False), _card(False).drop(columns="one_article")):
        table = scorecard_table(card)
        assert not table.apply(lambda col: col.str.contains(ONE_ARTICLE_MARK)).any().any()
        assert table.loc[("tone: TextBlob polarity", 1), "A"] == "+0.100 [+0.000, +0.200] n=12"


SUBJECTS = ["The city council", "A civil rights group", "The police department", "A university lab",
            "The state legislature", "A privacy advocate", "The company", "A federal judge", "The mayor",
            "A local newspaper"]
VERBS = ["praised the careful new rules on", "warned about the dangerous spread of", "questioned the accuracy of",
         "welcomed an honest audit of", "criticized the secretive use of"]
OBJECTS = ["facial recognition software", "surveillance cameras", "police databases"]


def _paragraph(i: int) -> str:
    """Three invented sentences; the week numbers keep every paragraph distinct."""
    return " ".join(f"{SUBJECTS[(i + k) % len(SUBJECTS)]} {VERBS[(3 * i + k) % len(VERBS)]} "
                    f"{OBJECTS[(i + 2 * k) % len(OBJECTS)]} in week {10 * i + k}." for k in range(3))


@pytest.fixture(scope="module")
def lexicons():
    return load_lexicons(LEXICONS)


def _measures(tmp_path_factory, lexicons, per_outlet: int):
    rows = []
    for o, outlet in enumerate(["Harbor Post", "Valley Ledger"]):
        for j in range(per_outlet):
            i = o * per_outlet + j
            rows.append({"article_id": f"{outlet.split()[0].lower()}-{j}", "outlet": outlet, "title": f"Story {i}",
                         "text": _paragraph(i) + "\n\n" + _paragraph(i + 50) + "\n"})
    path = tmp_path_factory.mktemp(f"articles{per_outlet}") / "corpus.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    corpus = load_corpus(path, corrections=None)
    assert corpus.sentences.groupby("outlet")["article_id"].nunique().tolist() == [per_outlet] * 2
    codebook, actors, aspects = lexicons
    return compute_measures(corpus, codebook=codebook, actors=actors, aspects=aspects, n_boot=200)


def _assert_intervals_resample(m, *, tone: str, frames: str, paragraphs: str) -> None:
    """The Measures' tables are those of the units given, at the fixtures' n_boot and the default seed."""
    pd.testing.assert_frame_equal(m.tone, S.tone_summary(m.scored, n_boot=200, unit=tone))
    pd.testing.assert_frame_equal(m.tone_difference, S.tone_difference(m.scored, n_boot=200, unit=tone))
    options = {"frames": m.codebook, "n_boot": 200, "seed": SEED}
    pd.testing.assert_frame_equal(m.frames, frame_profile(m.sentences, m.detections, unit=frames, **options))
    pd.testing.assert_frame_equal(m.frame_difference,
                                  frame_difference(m.sentences, m.detections, unit=frames, **options))
    units, moved = to_paragraphs(m.sentences, m.detections)
    pd.testing.assert_frame_equal(m.frame_difference_paragraphs,
                                  frame_difference(units, moved, unit=paragraphs, **options))


@pytest.fixture(scope="module")
def one_article_each(tmp_path_factory, lexicons):
    return _measures(tmp_path_factory, lexicons, 1)


@pytest.fixture(scope="module")
def five_articles_each(tmp_path_factory, lexicons):
    return _measures(tmp_path_factory, lexicons, MIN_ARTICLES)


def test_one_article_per_outlet_resamples_within_articles_and_flags_every_interval(one_article_each):
    m = one_article_each
    assert (m.tone_unit, m.frame_unit) == ("sentence", "paragraph")
    _assert_intervals_resample(m, tone="sentence", frames="paragraph", paragraphs="sentence")
    assert m.tone["one_article"].all() and (m.tone["n_articles"] == 1).all()
    assert m.tone_difference["one_article"].all()
    assert m.frames["one_article"].all()

    card = scorecard(m)
    interval = card["measure"].str.startswith("tone") | (card["measure"] == "leading frame")
    assert interval.any()
    assert card.loc[interval, "one_article"].all()
    assert not card.loc[~interval, "one_article"].any()  # no interval, nothing to flag

    table = scorecard_table(card)
    for label in ("tone: TextBlob polarity", "tone: VADER compound"):
        assert table.loc[(label, 1)].str.contains(f"]{ONE_ARTICLE_MARK} n=", regex=False).all()
    assert not table.loc[["most prominent actor"]].apply(lambda c: c.str.contains(ONE_ARTICLE_MARK)).any().any()


def test_contrasts_flag_intervals_on_one_article_and_leave_the_rest_missing(one_article_each):
    c = contrasts(one_article_each, top=None)
    assert str(c["one_article"].dtype) == "boolean"
    has = c["low"].notna()
    assert set(c.loc[has, "family"]) == {"tone", "frame"}
    assert c.loc[has, "one_article"].eq(True).all()
    assert c.loc[~has, "one_article"].isna().all()


def test_five_articles_per_outlet_resample_articles_and_flag_nothing(five_articles_each):
    m = five_articles_each
    assert (m.tone_unit, m.frame_unit) == ("article", "article")
    assert (m.tone["n_articles"] == MIN_ARTICLES).all()
    assert not m.tone["one_article"].any() and not m.frames["one_article"].any()
    # every interval is the article-unit one
    _assert_intervals_resample(m, tone="article", frames="article", paragraphs="article")
    card = scorecard(m)
    assert not card["one_article"].any()
    assert not scorecard_table(card).apply(lambda col: col.str.contains(ONE_ARTICLE_MARK)).any().any()
    c = contrasts(m, top=None)
    assert c.loc[c["low"].notna(), "one_article"].eq(False).all()


# --- rows without an article, and unknown counts -------------------------------------------------


def test_the_article_unit_refuses_rows_without_an_article():
    scored = pd.DataFrame({"outlet": ["A"] * 4 + ["B"] * 4,
                           "article_id": ["a1", "a2", None, None, "b1", "b1", "b2", "b2"],
                           "polarity": [0.0, 0.0, 1.0, 1.0, 0.2, 0.2, 0.1, 0.1]})
    with pytest.raises(ValueError, match="2 row\\(s\\) have none"):
        S.tone_summary(scored, measures=["polarity"], unit="article")
    with pytest.raises(ValueError, match="article_id on every row"):
        S.tone_difference(scored, measures=["polarity"], unit="article")
    sentences = scored.assign(sentence_id=[f"s{i}" for i in range(8)], paragraph_no=1)
    detections = pd.DataFrame({"sentence_id": ["s0"], "frame": ["Political"]})
    for unit in ("article", "paragraph"):
        with pytest.raises(ValueError, match="article_id on every row"):
            frame_profile(sentences, detections, unit=unit, n_boot=20)


def test_describe_unit_says_when_the_article_counts_are_unknown():
    table = pd.DataFrame({"outlet": ["A", "B"]})
    for unit in ("sentence", "article"):
        text = describe_unit(table, unit)
        assert "unknown" in text and "fewer than" not in text


def test_resampling_unit_takes_several_columns_and_needs_every_combined_group_to_have_enough():
    t = pd.DataFrame({"outlet": ["A"] * 10 + ["B"] * 10, "voice": (["quoted", "unquoted"] * 5) * 2,
                      "article_id": [f"a{i // 2}" for i in range(10)] + [f"b{i // 2}" for i in range(10)]})
    assert resampling_unit(t, by=["outlet", "voice"]) == "article"  # 5 articles in each of the four groups
    assert resampling_unit(t, by=["outlet", "voice"], min_articles=6) == "sentence"
    assert resampling_unit(t.iloc[:-2], by=["outlet", "voice"]) == "sentence"  # B has 4 articles left
