"""Tests for analysis.synthesis: the scorecard, the contrasts and the summary figure."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
import pytest

from analysis import load_corpus
from analysis.lexicons import load_lexicons
from analysis.measures import frames as framing
from analysis.measures.quotes import quote_share, share_of_voice
from analysis.measures.terms import distinctive_terms
from analysis.measures import tone
from analysis.paths import DATA_RAW, LEXICONS
from analysis.plots.synthesis import plot_scorecard
from analysis.synthesis import (
    CARD_COLUMNS,
    CONTRAST_COLUMNS,
    MEASURE_ORDER,
    compute_measures,
    contrasts,
    frame_units,
    most_divergent,
    scorecard,
    scorecard_table,
)

matplotlib.use("Agg")

N_BOOT = 200  # enough to test the plumbing; the notebook uses 2,000

# Three invented articles, one per outlet, written for these tests: each names
# different actors, quotes different speakers and touches different aspects.
ARTICLES = {
    "Harbor Post": [
        "IBM Quits Facial Recognition",
        "",
        "IBM said on Monday it will stop selling facial recognition software to the police.",
        "",
        '"We oppose mass surveillance and racial profiling," Arvind Krishna wrote in a letter to Congress.',
        "",
        "Critics note the company was already trailing its rivals, and activists want police reform.",
    ],
    "Civic Review": [
        "A Letter to Congress on Policing",
        "",
        "Arvind Krishna asked Congress for a national dialogue on how police use the technology.",
        "",
        "The European Commission is weighing regulations to limit facial recognition in public places.",
        "",
        '"Vendors have a shared responsibility to test AI for bias," Krishna said.',
    ],
    "Summit Herald": [
        "Amazon and Microsoft Watch IBM",
        "",
        "Amazon and Microsoft did not say whether they would follow IBM.",
        "",
        "Some security services call facial recognition software a great tool to keep Americans safe.",
        "",
        "Privacy advocates warn that the software misidentifies people of color.",
    ],
}


@pytest.fixture(scope="module")
def lexicons():
    return load_lexicons(LEXICONS)


@pytest.fixture(scope="module")
def seed(lexicons):
    """The two real articles of the study, loaded from data/raw as notebook 01 loads them."""
    codebook, actors, aspects = lexicons
    corpus = load_corpus(DATA_RAW)
    return compute_measures(corpus, codebook=codebook, actors=actors, aspects=aspects, n_boot=N_BOOT)


@pytest.fixture(scope="module")
def three(tmp_path_factory, lexicons):
    folder = tmp_path_factory.mktemp("three")
    rows = []
    for i, (outlet, lines) in enumerate(ARTICLES.items(), 1):
        name = f"article{i}.txt"
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        rows.append({"file": name, "outlet": outlet, "language": "en"})
    pd.DataFrame(rows).to_csv(folder / "manifest.csv", index=False)
    codebook, actors, aspects = lexicons
    corpus = load_corpus(folder, corrections=None)
    return compute_measures(corpus, codebook=codebook, actors=actors, aspects=aspects, n_boot=N_BOOT)


def rows(card, measure, outlet=None):
    part = card[card["measure"] == measure]
    return part if outlet is None else part[part["outlet"] == outlet]


# --------------------------------------------------------------------------- shape


def test_scorecard_has_the_tidy_columns_and_every_measure_for_the_seed_articles(seed):
    card = scorecard(seed)
    assert list(card.columns) == CARD_COLUMNS
    assert set(card["measure"]) == set(MEASURE_ORDER)
    assert card["outlet"].nunique() == 2
    # rows come measure by measure, in the documented order
    order = [MEASURE_ORDER.index(m) for m in card["measure"]]
    assert order == sorted(order)


@pytest.mark.parametrize("top", [1, 2, 4])
def test_scorecard_keeps_at_most_top_rows_per_outlet_and_measure(seed, top):
    card = scorecard(seed, top=top)
    counts = card.groupby(["outlet", "measure"]).size()
    assert counts.max() == top
    assert (card["rank"] >= 1).all() and (card["rank"] <= top).all()


def test_scorecard_works_for_three_outlets(three):
    card = scorecard(three)
    for measure in ("tone: TextBlob polarity", "tone: VADER compound", "share of words quoted", "aspects covered"):
        assert sorted(rows(card, measure)["outlet"]) == sorted(ARTICLES)
    assert set(rows(card, "share of voice")["outlet"]) == {"Harbor Post", "Civic Review"}  # Summit Herald quotes no one


def test_compute_measures_refuses_a_single_outlet(lexicons, tmp_path):
    (tmp_path / "a.txt").write_text("\n".join(ARTICLES["Harbor Post"]) + "\n", encoding="utf-8")
    pd.DataFrame([{"file": "a.txt", "outlet": "Harbor Post"}]).to_csv(tmp_path / "manifest.csv", index=False)
    codebook, actors, aspects = lexicons
    with pytest.raises(ValueError, match="at least two; found 1"):
        compute_measures(load_corpus(tmp_path, corrections=None), codebook=codebook, actors=actors, aspects=aspects)


# --------------------------------------------------------------------------- values equal the helpers'


@pytest.mark.parametrize("fixture", ["seed", "three"])
def test_tone_rows_equal_tone_summary_of_the_masked_scores(request, fixture, lexicons):
    m = request.getfixturevalue(fixture)
    _, actors, _ = lexicons
    expected = tone.tone_summary(tone.score_sentences(m.sentences, names=actors), n_boot=N_BOOT)
    card = scorecard(m)
    for measure, label in (("polarity", "tone: TextBlob polarity"), ("vader_compound", "tone: VADER compound")):
        want = expected[expected["measure"] == measure].set_index("outlet")
        got = rows(card, label).set_index("outlet")
        assert np.allclose(got["value"], want.loc[got.index, "mean"])
        assert np.allclose(got["low"], want.loc[got.index, "ci_low"])
        assert np.allclose(got["high"], want.loc[got.index, "ci_high"])
        assert (got["n"].astype(int) == want.loc[got.index, "n"]).all()


def test_seed_tone_means_are_those_notebook_02_reports(seed):
    card = scorecard(seed)
    got = rows(card, "tone: VADER compound").set_index("outlet")["value"].round(3).to_dict()
    assert got == {"Colorlines": 0.215, "VPNoverview": 0.077}


@pytest.mark.parametrize("fixture", ["seed", "three"])
def test_leading_frames_are_frame_profile_highest_shares(request, fixture):
    m = request.getfixturevalue(fixture)
    profile = framing.frame_profile(m.sentences, framing.detect_frames(m.sentences, m.codebook), frames=m.codebook,
                                    unit="paragraph", n_boot=N_BOOT)
    card = scorecard(m, top=3)
    for outlet in m.outlets:
        mine = profile[(profile["outlet"] == outlet) & (profile["frame"] != "Other") & (profile["n_invoking"] > 0)]
        got = rows(card, "leading frame", outlet)
        assert np.allclose(sorted(got["value"], reverse=True), sorted(mine["share"], reverse=True)[: len(got)])
        assert set(got["item"]) <= set(mine["frame"])
        assert list(got["value"]) == sorted(got["value"], reverse=True)


def test_leading_frame_ties_go_to_codebook_order(seed):
    card = scorecard(seed, top=3)
    got = rows(card, "leading frame", "Colorlines")
    tied = got[got["value"] == got["value"].iloc[1]]["item"].tolist()
    names = seed.codebook.frame_names
    assert tied == sorted(tied, key=names.index)


@pytest.mark.parametrize("fixture", ["seed", "three"])
def test_prominent_actors_and_voice_equal_emphasis(request, fixture, lexicons):
    m = request.getfixturevalue(fixture)
    _, actors, _ = lexicons
    card = scorecard(m, top=2)
    voice = share_of_voice(m.quotes)
    for outlet in m.outlets:
        p = m.prominence[(m.prominence["outlet"] == outlet) & (m.prominence["sentences"] > 0)]
        got = rows(card, "most prominent actor", outlet)
        assert np.allclose(got["value"], sorted(p["sentence_share"], reverse=True)[: len(got)])
        v = voice[voice["outlet"] == outlet].head(2)
        got = rows(card, "share of voice", outlet)
        assert got["item"].tolist() == v["speaker"].tolist()
        assert np.allclose(got["value"], v["word_share"])
    quoted = quote_share(m.quotes, m.sentences).set_index("outlet")
    got = rows(card, "share of words quoted").set_index("outlet")
    assert np.allclose(got["value"], quoted.loc[got.index, "quoted_share"])


def test_seed_share_of_words_quoted_matches_notebook_04(seed):
    got = rows(scorecard(seed), "share of words quoted").set_index("outlet")
    assert got["value"].round(3).to_dict() == {"Colorlines": 0.452, "VPNoverview": 0.117}
    assert got["n"].astype(int).to_dict() == {"Colorlines": 544, "VPNoverview": 649}


@pytest.mark.parametrize("fixture", ["seed", "three"])
def test_aspects_covered_and_omitted_follow_aspect_coverage(request, fixture):
    m = request.getfixturevalue(fixture)
    card = scorecard(m, top=20)
    for outlet in m.outlets:
        mine = m.coverage[m.coverage["outlet"] == outlet]
        covered = rows(card, "aspects covered", outlet).iloc[0]
        assert covered["value"] == mine["covered"].sum() and covered["n"] == len(mine)
        omitted = set(rows(card, "aspect omitted", outlet)["item"])
        expected = {g.aspect for g in m.gaps.itertuples() if outlet in g.missing_from.split(", ")}
        assert omitted == expected


def test_seed_omitted_aspects_are_the_known_gaps(seed):
    card = scorecard(seed)
    assert rows(card, "aspect omitted", "VPNoverview")["item"].tolist() == ["critics' doubts about IBM's motives"]
    assert set(rows(card, "aspect omitted", "Colorlines")["item"]) == {
        "bias testing of AI", "uses and benefits of facial recognition"}


def test_distinctive_words_are_the_highest_z_terms(seed):
    d = distinctive_terms(seed.sentences, by="outlet", min_count=5)
    card = scorecard(seed, top=3)
    for outlet in seed.outlets:
        want = d[d["outlet"] == outlet].sort_values(["z", "term"], ascending=[False, True]).head(3)
        got = rows(card, "distinctive word", outlet)
        assert got["item"].tolist() == want["term"].tolist()
        assert np.allclose(got["value"], want["z"])


# --------------------------------------------------------------------------- contrasts


def test_contrasts_with_two_outlets_keep_one_side_and_equal_frame_difference(seed):
    c = contrasts(seed, top=None)
    assert list(c.columns) == CONTRAST_COLUMNS
    assert set(c["outlet"]) == {"Colorlines"}
    fd = framing.frame_difference(seed.sentences, seed.detections, frames=seed.codebook, unit="paragraph",
                                  n_boot=N_BOOT).set_index(["outlet", "frame"])
    frames = c[c["family"] == "frame"].set_index(["outlet", "item"])
    assert np.allclose(frames["difference"], fd.loc[frames.index, "difference"])
    assert np.allclose(frames["low"], fd.loc[frames.index, "low"])


def test_contrasts_mirror_tone_difference_for_the_second_of_two_outlets(seed):
    # the second outlet is left out, but its row would be the first's with the sign flipped
    td = seed.tone_difference.set_index("measure")
    c = contrasts(seed, top=None)
    tone = c[c["family"] == "tone"].set_index("item")
    assert tone.loc["VADER compound", "difference"] == pytest.approx(td.loc["vader_compound", "difference"])
    assert tone.loc["VADER compound", "value_rest"] == pytest.approx(td.loc["vader_compound", "mean_other"])


def test_contrasts_with_three_outlets_compare_each_with_the_rest_pooled(three):
    c = contrasts(three, top=None)
    assert set(c["outlet"]) == set(ARTICLES)
    actor = c[(c["family"] == "actor") & (c["item"] == "IBM")].set_index("outlet")
    p = three.prominence[three.prominence["actor"] == "IBM"].set_index("outlet")
    n = three.sentences.groupby("outlet").size()
    for outlet in ARTICLES:
        others = [o for o in ARTICLES if o != outlet]
        rest = p.loc[others, "sentences"].sum() / n[others].sum()
        assert actor.loc[outlet, "value_rest"] == pytest.approx(rest)
    # a measure without an interval has no verdict on zero
    assert c.loc[c["family"] == "actor", "excludes_zero"].isna().all()
    assert c.loc[c["family"] == "tone", "excludes_zero"].notna().all()


@pytest.mark.parametrize("top", [1, 3])
def test_contrasts_keep_the_largest_gaps_of_each_family(three, top):
    c = contrasts(three, top=top)
    assert c.groupby("family").size().max() == top
    everything = contrasts(three, top=None)
    for family, g in c.groupby("family"):
        assert g["difference"].abs().min() >= everything.loc[everything["family"] == family, "difference"].abs().nlargest(top).min() - 1e-12


def test_frame_units_flags_a_difference_that_changes_direction(seed):
    units = frame_units(seed, top=None)
    flipped = np.sign(units["difference"].round(12)) != np.sign(units["difference_paragraphs"].round(12))
    assert (units["same_direction"] == ~flipped).all()
    assert "Other" not in set(units["frame"])


# --------------------------------------------------------------------------- small helpers


@pytest.mark.parametrize(
    ("values", "exclude", "expected"),
    [
        ({"x": (0.1, 0.2), "y": (0.5, 0.0)}, (), "y"),
        ({"x": (0.1, 0.2), "y": (0.5, 0.0)}, ("y",), "x"),
        ({"x": (0.0, 0.3), "y": (0.3, 0.0)}, (), "x"),  # a tie goes to the item listed first
        ({"x": (0.1, 0.2)}, ("x",), None),
    ],
)
def test_most_divergent_item(values, exclude, expected):
    t = pd.DataFrame([{"outlet": o, "frame": f, "share": v} for f, pair in values.items() for o, v in zip("AB", pair)])
    assert most_divergent(t, item="frame", value="share", exclude=exclude) == expected


def test_scorecard_table_shows_outlets_side_by_side_and_at_most_max_outlets(three):
    card = scorecard(three)
    sizes = three.sentences.groupby("outlet").size()
    full = scorecard_table(card)
    assert list(full.columns) == sorted(ARTICLES)
    assert full.loc[("aspects covered", 1)].str.fullmatch(r"\d+ of \d+").all()
    short = scorecard_table(card, max_outlets=2, sizes=sizes)
    assert len(short.columns) == 2
    assert set(short.columns) == set(sorted(sizes.index, key=lambda o: (-sizes[o], o))[:2])


@pytest.mark.parametrize("fixture", ["seed", "three"])
def test_plot_scorecard_draws_one_row_per_outlet_in_each_panel(request, fixture):
    m = request.getfixturevalue(fixture)
    fig = plot_scorecard(m, colours={o: "#000000" for o in m.outlets})
    shown = [ax for ax in fig.axes if ax.get_visible()]
    assert len(shown) == 6
    labels = [t.get_text() for t in shown[0].get_yticklabels()]
    assert labels == m.outlets
    matplotlib.pyplot.close(fig)


# --------------------------------------------------------------------------- the findings, written out


def _finding(lines, start):
    found = [line for line in lines if line.startswith(start)]
    assert len(found) == 1, (start, lines)
    return found[0]


def test_findings_of_the_seed_articles_carry_the_numbers_of_the_tables(seed):
    from analysis.synthesis import findings

    lines = findings(seed)
    basis = _finding(lines, "Basis:")
    assert "2 articles from 2 outlets" in basis and "2 of 2 outlets rest on a single article" in basis
    vader = seed.tone[seed.tone["measure"] == "vader_compound"].set_index("outlet")
    top = vader["mean"].idxmax()
    line = _finding(lines, "Tone, VADER compound:")
    assert line.startswith(f"Tone, VADER compound: {top} is the most positive, {vader.loc[top, 'mean']:+.3f} "
                           f"[{vader.loc[top, 'ci_low']:+.3f}, {vader.loc[top, 'ci_high']:+.3f}]†")
    clear = ((seed.tone_difference["ci_low"] > 0) | (seed.tone_difference["ci_high"] < 0)).sum()
    assert _finding(lines, "Tone differences:").startswith(f"Tone differences: {clear} of {len(seed.tone_difference)}")
    signs = seed.tone.pivot(index="outlet", columns="measure", values="mean").diff().iloc[-1]
    agree = np.sign(signs["polarity"]) == np.sign(signs["vader_compound"])
    assert ("agree on" if agree else "disagree on") in _finding(lines, "Instruments:")
    q = seed.quoted.set_index("outlet")
    most = q["quoted_share"].idxmax()
    assert f"{most} quotes the most, {q.loc[most, 'quoted_share']:.1%}" in _finding(lines, "Quotation:")
    best = seed.distinctive.loc[seed.distinctive["z"].idxmax()]
    assert f"\"{best['term']}\" for {best['outlet']} (z {best['z']:.2f}), below the 1.96" in _finding(
        lines, "Distinctive words:")


def test_findings_name_the_clearest_frame_difference_and_its_check_over_paragraphs(seed):
    from analysis.synthesis import contrasts, findings

    line = _finding(findings(seed), "Frames:")
    frames = contrasts(seed, top=None).query("family == 'frame'")
    clear = frames[frames["excludes_zero"].fillna(False).astype(bool)]
    assert line.startswith(f"Frames: {len(clear)} of {len(frames)} outlet-and-frame differences")
    if len(clear):
        assert f"{'it' if len(clear) == 1 else 'the largest'} is {clear.iloc[0]['item']}" in line
        assert "counted over paragraphs it" in line
    assert ("about 1 of 18 would" in line) == (len(frames) == 18)


def test_findings_for_many_outlets_compare_each_with_the_rest_and_warn_of_chance(three):
    from analysis.synthesis import findings

    lines = findings(three)
    assert "(each outlet against the rest, both instruments)" in _finding(lines, "Tone differences:")
    assert "rank correlation of" in _finding(lines, "Instruments:")
    assert "3 articles from 3 outlets" in lines[0] and "3 of 3 outlets rest on a single article" in lines[0]
    n = len(three.tone_difference)
    chance = f"about {0.05 * n:.0f} of {n} would" in _finding(lines, "Tone differences:")
    assert chance == (n >= 10)


def test_findings_say_when_nothing_differs_and_when_speakers_are_unknown(seed, monkeypatch):
    from dataclasses import replace

    from analysis.synthesis import findings

    flat = seed.tone_difference.assign(ci_low=-1.0, ci_high=1.0)
    voice = seed.voice.assign(speaker="unknown")
    lines = findings(replace(seed, tone_difference=flat, voice=voice))
    assert _finding(lines, "Tone differences:").endswith("on tone the outlets cannot be told apart.")
    assert "unattributed" in _finding(lines, "Quotation:") and "from unknown" not in _finding(lines, "Quotation:")


def test_the_measures_notebooks_02_to_04_saved_equal_a_fresh_computation():
    """Notebook 05 reads what 02-04 saved instead of recomputing; on the bundled study both give the same tables."""
    from analysis import load_processed
    from analysis.paths import DATA_PROCESSED
    from analysis.synthesis import saved_measures

    corpus = load_processed(DATA_PROCESSED)
    codebook, actors, aspects = load_lexicons(LEXICONS)
    fresh = compute_measures(corpus, codebook=codebook, actors=actors, aspects=aspects)
    saved = saved_measures(corpus, DATA_PROCESSED, codebook=codebook)
    for name in ("scored", "tone", "tone_difference", "detections", "frames", "frame_difference",
                 "frame_difference_paragraphs", "prominence", "quotes", "quoted", "voice", "coverage", "gaps",
                 "distinctive"):
        pd.testing.assert_frame_equal(getattr(saved, name).reset_index(drop=True),
                                      getattr(fresh, name).reset_index(drop=True), obj=name)
    assert (saved.tone_unit, saved.frame_unit) == (fresh.tone_unit, fresh.frame_unit)
