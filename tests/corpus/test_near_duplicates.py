"""Near-duplicates that survive editing: wire copies, paraphrases, look-alike letters.

Every article is invented for these tests.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.corpus.near_duplicates import NEAR_DUPLICATE_COLUMNS, find_near_duplicates, near_duplicate_pairs, shingles

ORIGINAL = """City council approves budget after late-night vote
The city council approved a 412 million dollar budget early on Wednesday after a session that ran past midnight, ending weeks of argument over library hours and road repairs.
Council members voted seven to four for the plan, which raises the property tax rate by two percent and sets aside 18 million dollars for repairs to bridges on the east side.
Mayor Maria Garcia said the budget protected the services residents rely on most. "We kept every library branch open and we did it without closing a single fire station," she told reporters outside the chamber.
Opponents said the tax increase would fall hardest on older homeowners. Councilman Robert Chen, who voted against the plan, called it a missed chance to cut spending at city hall.
The budget also funds 40 new police officers and a pilot program that sends social workers to some emergency calls. Police Chief Dana Brooks welcomed the new positions.
The spending plan takes effect on July 1. A public hearing on the tax rate is scheduled for next month, when residents can comment before the rate is final."""

EDITED = """Council passes city budget in vote after midnight
SPRINGFIELD (Wire) - The city council approved a 412 million dollar budget early on Wednesday after a session that ran past midnight, ending weeks of argument over library hours and road repairs.
Council members voted seven to four for the plan, which raises the property tax rate by two percent and sets aside 18 million dollars for repairs to bridges on the east side.
Mayor Maria Garcia said the budget protected the services residents rely on most. "We kept every library branch open and we did it without closing a single fire station," she told reporters.
Opponents said the tax increase would fall hardest on older homeowners. Councilman Robert Chen, who voted against the plan, called it a missed chance to cut spending at city hall.
The spending plan takes effect on July 1."""

PARAPHRASE = """Late vote gives city a new budget
After a meeting that went on past midnight, the city council early Wednesday approved a budget of 412 million dollars, closing weeks of dispute about library hours and repairs to roads.
The plan passed by seven votes to four. It lifts the property tax rate by two percent and puts 18 million dollars toward fixing bridges on the east side.
According to Mayor Maria Garcia, the budget protects the services that residents rely on the most. She told reporters that every library branch stayed open and that not one fire station was closed.
Critics said older homeowners would be hit hardest by the higher tax. Robert Chen, a councilman who opposed the plan, said it was a missed chance to cut spending at city hall.
The budget pays for 40 more police officers as well as a pilot program sending social workers to some emergency calls, a move Police Chief Dana Brooks welcomed.
The plan starts on July 1, and a public hearing on the tax rate is set for next month so residents can comment before the rate becomes final."""

INDEPENDENT = """Garcia wins budget fight, but tax rise angers homeowners
Mayor Maria Garcia got the budget she wanted on Wednesday, but only after a council meeting that stretched past midnight and exposed deep splits over the city's finances.
The vote was seven to four. The 412 million dollar plan increases the property tax rate by two percent, a rise that several homeowners said they could not afford.
"My tax bill has gone up three years running," said Ellen Park, 71, who waited six hours to speak at the meeting. "Nobody on the council is listening."
Councilman Robert Chen led the opposition, arguing that city hall should trim its own spending before asking residents for more money.
Garcia defended the plan in an interview, pointing to the library branches and fire stations it keeps open. The city's police union praised the money for new officers.
A hearing on the tax rate will be held next month."""

INDEPENDENT2 = """Library hours saved as council passes budget
Supporters of the public library packed the council chamber on Tuesday night and left early Wednesday with good news: every branch will stay open under the budget the council approved.
Librarians had warned that two branches in the north of the city could close. The final plan, approved seven to four, keeps them open five days a week.
"This is a win for every child who needs a quiet place to study," said Tom Alvarez, who leads a parents' group. The budget also includes road and bridge repairs and more police.
Not everyone was pleased. Homeowners at the meeting said the two percent rise in the property tax rate was too much. Mayor Maria Garcia said the rise was needed to keep services running."""

TRANSLATION = """El concejo municipal aprueba el presupuesto tras una votacion nocturna
El concejo municipal aprobo un presupuesto de 412 millones de dolares la madrugada del miercoles, tras una sesion que se prolongo pasada la medianoche y puso fin a semanas de discusion sobre el horario de las bibliotecas y la reparacion de calles.
Los concejales votaron siete a cuatro a favor del plan, que eleva la tasa del impuesto a la propiedad en un dos por ciento y reserva 18 millones de dolares para reparar puentes en el lado este.
La alcaldesa Maria Garcia dijo que el presupuesto protege los servicios en los que mas confian los vecinos."""

STRIKE = """Nurses walk out at county hospital over staffing
Hundreds of nurses at the county hospital began a three-day strike on Monday, saying wards are so short of staff that patients wait hours for pain relief.
The union said talks broke down late on Sunday over the number of patients each nurse must care for on a night shift. Managers said they had offered a raise of four percent.
Surgeries that were not urgent have been postponed, and the hospital has hired agency nurses to keep the emergency department open through the week."""


def table(**articles) -> pd.DataFrame:
    """One row per article, outlet named after the article."""
    return pd.DataFrame({"article_id": list(articles), "outlet": [f"Outlet {k}" for k in articles],
                         "text": list(articles.values())})


def paragraphs(text: str) -> list[str]:
    return text.split("\n")


def test_columns_are_the_duplicates_table_plus_similarity_and_method():
    found = find_near_duplicates(table(orig=ORIGINAL, copy=ORIGINAL))
    assert list(found.columns) == NEAR_DUPLICATE_COLUMNS
    assert found.iloc[0][["article_id", "duplicate_of", "outlet", "outlet_of_original"]].tolist() == [
        "copy", "orig", "Outlet copy", "Outlet orig"]
    assert found.iloc[0]["shared"] == 1.0 and found.iloc[0]["similarity"] == 1.0
    assert "minhash" in found.iloc[0]["method"]


@pytest.mark.parametrize(
    "kind, copy",
    [
        ("headline changed", "Budget passes in late vote\n" + "\n".join(paragraphs(ORIGINAL)[1:])),
        ("dateline added", ORIGINAL.replace("The city council approved", "SPRINGFIELD (Wire) - The city council approved")),
        ("paragraph cut", "\n".join(p for i, p in enumerate(paragraphs(ORIGINAL)) if i not in (4, 5))),
        ("last three paragraphs cut", "\n".join(paragraphs(ORIGINAL)[:4])),
        ("several light edits", EDITED),
        ("look-alike letters", ORIGINAL.replace("o", "\u043e").replace("a", "\u0430")),
        ("local paragraphs added", ORIGINAL + "\nIn Riverside, residents said the bridge money came too late for the "
         "Elm Street crossing, closed since March. Shop owners on the street said trade had fallen by a third."),
    ],
)
def test_edited_wire_copies_are_flagged(kind, copy):
    found = find_near_duplicates(table(orig=ORIGINAL, copy=copy, strike=STRIKE))
    assert found[["article_id", "duplicate_of"]].values.tolist() == [["copy", "orig"]], kind
    assert found["shared"].iloc[0] >= 0.8


def test_close_paraphrase_is_flagged_with_a_lower_similarity():
    found = find_near_duplicates(table(orig=ORIGINAL, para=PARAPHRASE))
    assert found[["article_id", "duplicate_of"]].values.tolist() == [["para", "orig"]]
    assert 0.35 <= found["shared"].iloc[0] < 0.8


def test_independent_articles_on_the_same_story_are_not_flagged():
    # they name the same mayor, councilman, vote and amounts, in their own words
    found = find_near_duplicates(table(orig=ORIGINAL, a=INDEPENDENT, b=INDEPENDENT2, strike=STRIKE))
    assert found.empty


def test_machine_translation_is_not_found_and_does_not_crash():
    # MinHash over words cannot see a translation: it shares names and numbers only
    found = find_near_duplicates(table(orig=ORIGINAL, es=TRANSLATION))
    assert found.empty


def test_the_earlier_published_article_is_the_original():
    s = table(copy=EDITED, orig=ORIGINAL)
    articles = pd.DataFrame({"article_id": ["copy", "orig"], "published": ["2024-05-02", "2024-05-01"]})
    found = find_near_duplicates(s, articles=articles)
    assert found[["article_id", "duplicate_of"]].values.tolist() == [["copy", "orig"]]
    # without dates, the first listed is the original
    found = find_near_duplicates(s)
    assert found[["article_id", "duplicate_of"]].values.tolist() == [["orig", "copy"]]


def test_undated_articles_count_as_published_last():
    s = table(a=ORIGINAL, b=EDITED)
    articles = pd.DataFrame({"article_id": ["a", "b"], "published": [None, "2024-05-01"]})
    assert find_near_duplicates(s, articles=articles)[["article_id", "duplicate_of"]].values.tolist() == [["a", "b"]]


def test_each_copy_is_counted_once_against_its_best_original():
    s = table(orig=ORIGINAL, copy1=EDITED, copy2=ORIGINAL.replace("Wednesday", "Wednesday morning"))
    found = find_near_duplicates(s)
    assert found["article_id"].tolist() == ["copy1", "copy2"]
    assert found.set_index("article_id").loc["copy2", "duplicate_of"] == "orig"


def test_sentence_rows_are_joined_into_articles():
    rows = [{"article_id": aid, "outlet": aid.upper(), "text": p}
            for aid, text in (("a", ORIGINAL), ("b", EDITED)) for p in paragraphs(text)]
    found = find_near_duplicates(pd.DataFrame(rows))
    assert found[["article_id", "outlet", "duplicate_of", "outlet_of_original"]].values.tolist() == [["b", "B", "a", "A"]]


@pytest.mark.parametrize(
    "texts",
    [
        {},
        {"a": "Short."},
        {"a": "Short.", "b": "Short."},  # too short to judge
        {"a": "", "b": "   "},
        {"a": "the of and", "b": "the of and"},  # stopwords only
    ],
)
def test_empty_and_tiny_corpora_give_an_empty_table(texts):
    s = table(**texts) if texts else pd.DataFrame(columns=["article_id", "outlet", "text"])
    found = find_near_duplicates(s)
    assert found.empty and list(found.columns) == NEAR_DUPLICATE_COLUMNS


def test_the_window_bounds_what_is_compared():
    records = [("orig", "A", ORIGINAL), ("strike", "B", STRIKE), ("copy", "C", EDITED)]
    assert [r["article_id"] for r in near_duplicate_pairs(records, window=2)] == ["copy"]
    assert list(near_duplicate_pairs(records, window=1)) == []  # the original has left the index


def test_shingles_ignore_case_punctuation_stopwords_and_lookalikes():
    assert shingles("The MAYOR'S budget!") == shingles("the mayor\u2019s   bud\u0261et".replace("\u0261", "g"))
    assert shingles("B\u043eston budget") == {b"boston budget"}


SENTENCES = st.lists(
    st.lists(st.sampled_from(
        "council budget vote mayor tax library road bridge police hearing nurses strike union ward pay "
        "club striker transfer fee season coach goal fans stadium contract".split()), min_size=6, max_size=12),
    min_size=6, max_size=12,
)


@settings(max_examples=40, deadline=None)
@given(SENTENCES, st.integers(min_value=0, max_value=11))
def test_a_copy_with_one_sentence_dropped_is_flagged(sentences, drop):
    original = ". ".join(" ".join(s) for s in sentences) + "."
    kept = [s for i, s in enumerate(sentences) if i != drop % len(sentences)]
    copy = ". ".join(" ".join(s) for s in kept) + "."
    if len(shingles(copy)) < 10:
        return
    found = find_near_duplicates(table(orig=original, copy=copy))
    assert found[["article_id", "duplicate_of"]].values.tolist() == [["copy", "orig"]]
