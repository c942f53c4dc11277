"""Tests for analysis.safe_csv: CSV tables are safe to open in a spreadsheet and round-trip exactly."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.safe_csv import neutralise, read_csv, restore, write_csv


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\t=1", "\r=1", "'=1", "''+x"])
def test_a_cell_a_spreadsheet_would_evaluate_gets_a_quote_in_front(value):
    assert neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Colorlines", "", "'quoted'", "a=b", "\r\n", "\t", "—dash", "1-2"])
def test_ordinary_cells_are_written_as_they_are(value):
    assert neutralise(value) == value


def test_numbers_are_not_touched_in_a_written_table(tmp_path):
    table = pd.DataFrame({"outlet": ["=cmd", "Plain"], "score": [-0.5, 0.25]})
    text = write_csv(table, tmp_path / "t.csv").read_text()
    assert text == "outlet,score\n'=cmd,-0.5\nPlain,0.25\n"
    assert table["outlet"].tolist() == ["=cmd", "Plain"]  # the table itself is unchanged


@given(st.text())
def test_restore_undoes_neutralise_for_any_text(value):
    assert restore(neutralise(value)) == value


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20), min_size=1, max_size=8))
def test_a_text_column_round_trips_through_csv(tmp_path_factory, values):
    path = tmp_path_factory.mktemp("t") / "t.csv"
    write_csv(pd.DataFrame({"text": values}), path)
    assert read_csv(path)["text"].tolist() == values
