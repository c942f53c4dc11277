"""Tests for analysis.measures.quotes.alignment: the same passage quoted by different outlets."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.measures.quotes import align_quotes
from analysis.measures.quotes.alignment import _compare, _passages, _tokens


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


def align_pair_by_pair(quotes: pd.DataFrame) -> list[dict]:
    """The reference for align_quotes: every passage of every pair of quotations from two outlets
    compared, one row per pair; then the rows of quotations with the same words in the same outlet
    folded into the one listed first, and counted."""
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
