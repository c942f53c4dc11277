"""The static site: what the index lists, that nothing comes from the network, and that
the same notebooks give the same bytes. No browser here (tests/test_browser.py has one).

The real notebooks as committed are rendered once for the module; small invented
notebooks cover the cases they do not (links between notebooks, markdown images, a
notebook with no figure or no heading, stale pages).
"""

from __future__ import annotations

import base64
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from analysis.paths import FIGURES, NOTEBOOKS
from analysis.publish.notebooks import notebook_paths
from analysis.publish.site import build_site, notebook_question, readme_intro

# A 1x1 PNG and a 2x1 PNG, the smallest images a browser will decode.
PNG_1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
PNG_2 = "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR42mNk+M9Qz8DAwMAAAA7yAgEq7AaMAAAAAElFTkSuQmCC"


class Tags(HTMLParser):
    """Every start tag of a page, with its attributes, and the text of each <h1>/<h3>."""

    def __init__(self, text: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.headings: list[str] = []
        self._in_heading = False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("h1", "h3"):
            self._in_heading = True
            self.headings.append("")

    def handle_endtag(self, tag):
        if tag in ("h1", "h3"):
            self._in_heading = False

    def handle_data(self, data):
        if self._in_heading:
            self.headings[-1] += data

    def attrs(self, tag: str, name: str) -> list[str]:
        return [a[name] for t, a in self.tags if t == tag and a.get(name) is not None]


def _figure_output(png: str = PNG_1):
    return new_output("display_data", data={"image/png": png, "text/plain": "<Figure size 10x10 with 1 Axes>"})


def _write(path: Path, cells) -> Path:
    nb = new_notebook(cells=cells)
    nb.metadata["language_info"] = {"name": "python", "pygments_lexer": "ipython3"}
    nbformat.write(nb, path)
    return path


@pytest.fixture(scope="module")
def real_notebooks(tmp_path_factory) -> list[Path]:
    """A copy of the committed notebooks and figures, so that a notebook being re-run
    meanwhile cannot change the input between two builds."""
    root = tmp_path_factory.mktemp("study")
    for folder in (NOTEBOOKS, FIGURES):
        if folder.is_dir():
            shutil.copytree(folder, root / folder.name)
    return notebook_paths(root / NOTEBOOKS.name)


@pytest.fixture(scope="module")
def real_site(real_notebooks) -> Path:
    return build_site(real_notebooks, real_notebooks[0].parent.parent / "site")


@pytest.fixture
def study(tmp_path) -> Path:
    """Two invented notebooks that link to each other, a figure file, and an output folder."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "chart.png").write_bytes(base64.b64decode(PNG_2))
    first = new_code_cell("plot()  # the figure", outputs=[_figure_output(PNG_2)])
    _write(
        folder / "01-first.ipynb",
        [
            new_markdown_cell("# 01 · Who spoke *first*?\n\nThis notebook counts voices. Then more.\n\n- bullet"),
            new_code_cell("x = 1", outputs=[new_output("stream", name="stdout", text="1\n")]),
            new_code_cell("# NBVAL_IGNORE_OUTPUT\nif a < b:\n    pass"),
            first,
            new_markdown_cell("The bars show who spoke.\n\nNext: [the tone](02-second.ipynb#Tone) and [data](../data/README.md)."),
        ],
    )
    _write(
        folder / "02-second.ipynb",
        [
            new_markdown_cell("# 02 · Which tone?\n\nThis notebook scores tone."),
            new_markdown_cell("## Tone\n\n![a chart](../figures/chart.png) Back to [01](01-first.ipynb)."),
            new_code_cell("secret()", metadata={"tags": ["remove-input"]}, outputs=[_figure_output(PNG_1)]),
        ],
    )
    return tmp_path


def _build(study: Path, **kw) -> Path:
    return build_site(sorted((study / "notebooks").glob("*.ipynb")), study / "site", title="A study", intro="Intro **text**.", **kw)


# --- the real notebooks -----------------------------------------------------------------


def test_index_lists_every_notebook_with_its_question_and_a_link_that_exists(real_notebooks, real_site):
    index = Tags(real_site.read_text(encoding="utf-8"))
    links = [h for h in index.attrs("a", "href") if h.endswith(".html") and h != "index.html"]
    notebooks = real_notebooks
    assert [p.name for p in notebooks] == [p.name for p in notebook_paths()]
    for path in notebooks:
        question = re.sub(r"^\d+\s*·\s*", "", notebook_question(nbformat.read(path, as_version=4)))
        plain = re.sub(r"[*_`]", "", question)
        assert any(plain in h for h in index.headings), f"{path.name}: question {plain!r} not on the index"
        assert f"{path.stem}.html" in links, f"{path.name}: no link on the index"
        assert (real_site.parent / f"{path.stem}.html").is_file()
    assert all((real_site.parent / link).is_file() for link in links)


def test_no_page_loads_a_script_stylesheet_or_font_from_the_network(real_site):
    site = real_site.parent
    remote = re.compile(r"^(https?:)?//", re.IGNORECASE)
    for page in sorted(site.glob("*.html")):
        tags = Tags(page.read_text(encoding="utf-8"))
        for tag, attr in [("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")]:
            offenders = [u for u in tags.attrs(tag, attr) if remote.match(u)]
            assert not offenders, f"{page.name}: <{tag} {attr}=...> from the network: {offenders}"
    css = "".join(p.read_text(encoding="utf-8") for p in site.glob("*.css"))
    css += "".join(re.findall(r"<style[^>]*>(.*?)</style>", (site / "index.html").read_text(encoding="utf-8"), re.S))
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", css, re.IGNORECASE)


def test_every_image_is_a_data_uri_or_a_file_that_exists(real_site):
    site = real_site.parent
    checked = 0
    for page in sorted(site.glob("*.html")):
        for src in Tags(page.read_text(encoding="utf-8")).attrs("img", "src"):
            checked += 1
            if src.startswith("data:image/"):
                assert ";base64," in src
            else:
                assert (site / src).is_file(), f"{page.name}: <img src={src!r}> is not in the site"
    assert checked >= 1


def test_pages_link_the_stylesheet_written_beside_them(real_site):
    site = real_site.parent
    for page in sorted(site.glob("*.html")):
        sheets = Tags(page.read_text(encoding="utf-8")).attrs("link", "href")
        assert sheets == ["style.css"], page.name
    assert "max-width" in (site / "style.css").read_text(encoding="utf-8")


def test_building_twice_gives_identical_bytes(real_notebooks, real_site):
    def snapshot(folder: Path) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}

    first = snapshot(real_site.parent)
    build_site(real_notebooks, real_site.parent)  # rewrites any file whose bytes would differ
    assert snapshot(real_site.parent) == first


# --- invented notebooks -------------------------------------------------------------------


def test_index_shows_question_summary_and_the_first_figure_as_a_png_beside_it(study):
    index = _build(study)
    html = index.read_text(encoding="utf-8")
    assert "<h1>A study</h1>" in html and "Intro <strong>text</strong>." in html
    assert 'href="01-first.html">Who spoke <em>first</em>?</a>' in html
    assert "This notebook counts voices. Then more." in html and "bullet" not in html
    # 01's first image output, byte for byte (the 2x1 one), not the markdown image of 02.
    assert (index.parent / "01-first.png").read_bytes() == base64.b64decode(PNG_2)
    assert (index.parent / "02-second.png").read_bytes() == base64.b64decode(PNG_1)
    assert 'src="01-first.png" alt="The bars show who spoke."' in html


def test_links_between_notebooks_go_to_their_pages_and_other_links_to_the_files(study):
    index = _build(study)
    first = Tags((index.parent / "01-first.html").read_text(encoding="utf-8"))
    second = Tags((index.parent / "02-second.html").read_text(encoding="utf-8"))
    assert "02-second.html#Tone" in first.attrs("a", "href")
    assert "../data/README.md" in first.attrs("a", "href")  # from site/ back to the study's data/
    assert "01-first.html" in second.attrs("a", "href")
    assert "index.html" in second.attrs("a", "href")


def test_markdown_images_are_embedded_and_code_is_folded(study):
    index = _build(study)
    page = (index.parent / "02-second.html").read_text(encoding="utf-8")
    assert f'src="data:image/png;base64,{PNG_2}"' in page  # ../figures/chart.png, embedded
    assert "secret()" not in page  # tagged remove-input
    first = (index.parent / "01-first.html").read_text(encoding="utf-8")
    assert re.search(r'<details class="input">\s*<summary>code <code class="peek">x = 1</code></summary>', first)
    assert '<code class="peek">if a &lt; b:</code>' in first
    assert "<script" not in first and "<script" not in index.read_text(encoding="utf-8")


def test_a_notebook_without_figure_or_heading_still_gets_a_card(study):
    _write(study / "notebooks" / "03-draft.ipynb", [new_markdown_cell("Work in progress.")])
    with pytest.warns(UserWarning, match="03-draft.ipynb: no '# NN"):
        index = _build(study)
    html = index.read_text(encoding="utf-8")
    assert 'href="03-draft.html">03 draft</a>' in html
    assert not (index.parent / "03-draft.png").exists()
    assert 'class="thumb empty"' in html


def test_a_page_whose_notebook_is_gone_is_removed(study):
    index = _build(study)
    (index.parent / "notes.txt").write_text("mine")
    build_site([study / "notebooks" / "01-first.ipynb"], index.parent, title="A study", intro="")
    assert sorted(p.name for p in index.parent.iterdir()) == ["01-first.html", "01-first.png", "index.html", "notes.txt", "style.css"]


def test_a_missing_notebook_is_named(study):
    with pytest.raises(FileNotFoundError, match="09-none.ipynb: no such notebook"):
        build_site([study / "notebooks" / "09-none.ipynb"], study / "site", title="t", intro="")


def test_intro_defaults_to_the_readme_before_its_first_section(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# The study\n\nFirst paragraph.\n\n```\n# not a title\n```\n\n## Two commands\n\nmake report\n")
    assert readme_intro(readme) == ("The study", "First paragraph.\n\n```\n# not a title\n```")
