"""Tests for analysis.corpus.manifest: the manifest's columns and rows, line_roles, and the corrections file."""

from __future__ import annotations

import hashlib
import re

import pytest

from analysis import CorpusError, load_corpus
from analysis.corpus import MANIFEST_COLUMNS, read_corrections, read_manifest
from analysis.paths import CORRECTIONS, DATA_RAW
from tests.corpus.invented import ARTICLE, COLORLINES, OTHER, VPN, load, write_corpus


def test_real_raw_files_match_the_manifest_and_the_provenance_table():
    manifest = read_manifest(DATA_RAW / "manifest.csv")
    for rec in manifest.itertuples():
        digest = hashlib.sha256((DATA_RAW / rec.file).read_bytes()).hexdigest()
        assert digest == rec.sha256
    digests = dict(zip(manifest["article_id"], manifest["sha256"]))
    # shared/seeds/PROVENANCE.md gives 92a87919…eb09ea and 312f0578…1ff7b
    assert digests[COLORLINES].startswith("92a87919") and digests[COLORLINES].endswith("eb09ea")
    assert digests[VPN].startswith("312f0578") and digests[VPN].endswith("1ff7b")


@pytest.mark.parametrize(
    "line_roles, message",
    [("3=sidebar", "unknown role 'sidebar'"), ("three=body", "'three=body' is not LINE=ROLE")],
)
def test_a_bad_line_roles_value_is_an_error_naming_the_manifest_line(tmp_path, line_roles, message):
    rows = [{"article_id": "a", "outlet": "Outlet", "file": "a.txt", "line_roles": line_roles}]
    with pytest.raises(CorpusError, match=re.escape(message)) as err:
        load(write_corpus(tmp_path, {"a.txt": ARTICLE}, rows))
    assert "manifest.csv line 2" in str(err.value)


def test_the_corrections_file_needs_a_reason_for_each_entry(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_text("article_id,find,replace,reason\na,Al,AI,\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"corrections.csv line 2: say why 'Al' is corrected"):
        read_corrections(path)


def test_the_real_corrections_file_names_the_three_source_errors():
    fixes = read_corrections(CORRECTIONS)
    assert sorted(zip(fixes["article_id"], fixes["find"], fixes["replace"])) == [
        (VPN, "Al", "AI"), (VPN, "becasue", "because"), (VPN, "particularity", "particularly")]
    assert (fixes["reason"].str.len() > 10).all()


def test_a_duplicate_article_id_is_an_error_naming_both_lines(tmp_path):
    rows = [{"article_id": "x", "outlet": "Outlet", "file": "a.txt"}, {"article_id": "x", "outlet": "Outlet", "file": "b.txt"}]
    with pytest.raises(CorpusError, match=r"manifest.csv line 3: duplicate article_id 'x' \(first on line 2\)"):
        load(write_corpus(tmp_path, {"a.txt": ARTICLE, "b.txt": OTHER}, rows))


@pytest.mark.parametrize("published", ["2020-13-01", "June 9, 2020", "2020-6-9", "09/06/2020", "2020-02-30"])
def test_a_published_value_that_is_not_a_date_is_an_error_naming_the_line(tmp_path, published):
    rows = [{"article_id": "b", "outlet": "Outlet", "file": "b.txt"},
            {"article_id": "a", "outlet": "Outlet", "file": "a.txt", "published": published}]
    with pytest.raises(CorpusError) as err:
        load(write_corpus(tmp_path, {"a.txt": ARTICLE, "b.txt": OTHER}, rows))
    assert f"manifest.csv line 3: published '{published}' is not a date (YYYY-MM-DD)" in str(err.value)


@pytest.mark.parametrize(
    "rows_problem, message",
    [
        ([{"article_id": "x", "outlet": "Outlet", "file": "a.txt"}, {"article_id": "x", "outlet": "Outlet", "file": "b.txt"}],
         "duplicate article_id"),
        ([{"article_id": "a", "outlet": "Outlet", "file": "a.txt", "published": "2020-13-01"},
          {"article_id": "b", "outlet": "Outlet", "file": "b.txt"}], "is not a date"),
    ],
)
def test_manifest_errors_stop_the_load_even_when_asked_to_skip(tmp_path, rows_problem, message):
    # The manifest is the project's own record, not incoming data: a wrong row is fixed there.
    with pytest.raises(CorpusError, match=message):
        load(write_corpus(tmp_path, {"a.txt": ARTICLE, "b.txt": OTHER}, rows_problem), on_error="skip")


@pytest.mark.parametrize(
    "columns, message",
    [
        (["article_id", "outlet", "title"], "missing required column(s) file"),
        (["article_id", "file", "title"], "missing required column(s) outlet"),
        (["article_id", "title"], "missing required column(s) file, outlet"),
        (MANIFEST_COLUMNS + ["colour"], "unknown column(s) colour"),
    ],
)
def test_manifest_columns_are_checked(tmp_path, columns, message):
    rows = [{"article_id": "a", "outlet": "Outlet", "file": "a.txt", "title": "T", "colour": "red"}]
    with pytest.raises(CorpusError, match=re.escape(message)) as err:
        load(write_corpus(tmp_path, {"a.txt": ARTICLE}, rows, columns=columns))
    assert "manifest.csv" in str(err.value)


@pytest.mark.parametrize("column", ["file", "outlet"])
def test_an_empty_required_value_is_an_error_naming_the_line(tmp_path, column):
    row = {"article_id": "a", "outlet": "Outlet", "file": "a.txt", column: ""}
    with pytest.raises(CorpusError, match=f"manifest.csv line 2: empty '{column}'"):
        load(write_corpus(tmp_path, {"a.txt": ARTICLE}, [row]))


def test_a_missing_manifest_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(CorpusError, match="manifest.csv: manifest not found"):
        load_corpus(tmp_path, corrections=None)


def test_article_id_defaults_to_the_file_stem(tmp_path):
    rows = [{"outlet": "Outlet", "file": "some-story.txt"}]
    corpus = load(write_corpus(tmp_path, {"some-story.txt": ARTICLE}, rows))
    assert corpus.articles["article_id"].tolist() == ["some-story"]
