"""Render the executed notebooks as a small static site that works offline.

``python -m analysis.publish.site`` renders every ``notebooks/NN-*.ipynb`` as it stands (it
executes nothing) into ``build/site/``; ``make report`` does the same after
re-executing them. Open ``build/site/index.html`` in a browser, straight from disk.

The site loads nothing from the network: no script at all, one local stylesheet,
and every figure embedded as a data URI or written beside the pages. The same
notebooks always give the same bytes.
"""

from __future__ import annotations

import base64
import html
import mimetypes
import os
import re
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import markdown2html_mistune
from traitlets.config import Config

from analysis.paths import NOTEBOOKS, PROJECT_ROOT
from analysis.publish.notebooks import notebook_paths
from analysis.publish.site_style import CSS as _CSS

__all__ = ["SITE", "build_site", "notebook_question", "readme_intro"]

SITE = PROJECT_ROOT / "build" / "site"
README = PROJECT_ROOT / "README.md"
STYLESHEET = "style.css"

# Image outputs that can serve as a notebook's thumbnail, best first, with the file suffix.
_IMAGE_TYPES = {"image/png": ".png", "image/jpeg": ".jpg", "image/svg+xml": ".svg"}

# The notebook body: nbconvert's classic cell markup (as its `basic` template uses)
# with no prompts, no scripts, and each code cell folded into a <details>.
_BODY_TEMPLATE = r"""
{%- extends 'classic/base.html.j2' -%}
{%- block header -%}{%- endblock header -%}
{%- block footer -%}{%- endblock footer -%}
{% block input_group -%}
<details class="input">
<summary>code <code class="peek">{{ cell.source | code_peek }}</code></summary>
{{ super() }}
</details>
{%- endblock input_group %}
{%- block data_javascript scoped -%}{%- endblock data_javascript -%}
{%- block data_widget_view scoped -%}{%- endblock data_widget_view -%}
"""

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")
_A_HREF = re.compile(r'(<a\b[^>]*?\shref=")([^"]*)(")')
_IMG_SRC = re.compile(r'(<img\b[^>]*?\ssrc=")([^"]*)(")')
_H1 = re.compile(r"^#(?!#)\s*(.+?)\s*#*\s*$", re.MULTILINE)
_NUMBERED = re.compile(r"^(\d+)\s*[·:.\-–—]\s*(.+)$")


@dataclass(frozen=True)
class _Page:
    source: Path
    filename: str
    number: str
    question: str  # inline HTML
    summary: str  # inline HTML
    thumbnail: str | None
    thumbnail_alt: str
    body: str


def build_site(
    notebooks,
    out_dir: Path | str = SITE,
    *,
    title: str | None = None,
    intro: str | None = None,
) -> Path:
    """Render ``notebooks`` to one HTML page each, plus an ``index.html``; return its path.

    Each page shows the notebook's markdown and outputs with its code folded away in
    ``<details>``. The index introduces the study (``intro``, markdown; by default the
    paragraphs of ``README.md`` before its first ``##`` heading, under its ``#`` title
    unless ``title`` is given), then lists the notebooks in the order given: the
    question each answers (its H1), its opening paragraph, and a thumbnail of its first
    image output, written beside ``index.html`` as ``<notebook>.png``.

    Links between notebooks point to their pages; other relative links and images are
    resolved from the notebook's folder (images are embedded). Files of a page or
    thumbnail that this build no longer writes are removed from ``out_dir``.

    Examples
    --------
    >>> from analysis.publish.notebooks import notebook_paths
    >>> build_site(notebook_paths(), tmp / "site").name       # doctest: +SKIP
    'index.html'
    """
    out_dir = Path(out_dir).resolve()
    paths = [Path(p).resolve() for p in notebooks]
    names = [p.stem + ".html" for p in paths]
    for path in paths:
        if not path.is_file():
            raise FileNotFoundError(f"{_show(path)}: no such notebook")
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValueError(f"two notebooks would both be rendered as {duplicates[0]}")
    if title is None or intro is None:
        readme_title, readme_text = readme_intro(README)
        title = readme_title if title is None else title
        intro = readme_text if intro is None else intro

    page_of = dict(zip(paths, names))
    exporter = _exporter()
    pages, thumbnails, pygments_css = [], {}, ""
    for path, filename in zip(paths, names):
        page, image, css = _render(path, filename, exporter, page_of, out_dir)
        pages.append(page)
        pygments_css = pygments_css or css
        if image is not None:
            thumbnails[page.thumbnail] = image

    out_dir.mkdir(parents=True, exist_ok=True)
    files = {STYLESHEET: (_CSS + "\n/* code highlighting (Pygments) */\n" + pygments_css).encode()}
    files.update(thumbnails)
    for i, page in enumerate(pages):
        previous = pages[i - 1] if i > 0 else None
        following = pages[i + 1] if i + 1 < len(pages) else None
        files[page.filename] = _notebook_page(page, title, previous, following).encode()
    intro_html = _rewrite(_markdown(intro), base=README.parent, out_dir=out_dir, page_of=page_of)
    files["index.html"] = _index_page(title, intro_html, pages).encode()

    _remove_stale(out_dir, keep=set(files))
    for name, data in sorted(files.items()):
        target = out_dir / name
        if not target.is_file() or target.read_bytes() != data:
            target.write_bytes(data)
    return out_dir / "index.html"


def notebook_question(nb) -> str | None:
    """The text of the notebook's H1 (``# NN · <question>``), or None if it has none.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 02 · Which tone?\\n\\nThis notebook ...")])
    >>> notebook_question(nb)
    '02 · Which tone?'
    """
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = _H1.search(cell.source)
            if match:
                return match.group(1)
    return None


def readme_intro(path: Path | str = README) -> tuple[str, str]:
    """The title (H1) of a README and its markdown paragraphs before the first ``##`` heading.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "README.md"
    >>> _ = p.write_text("# A study\\n\\nOne.\\n\\nTwo.\\n\\n## Use\\n\\nThree.\\n")
    >>> readme_intro(p)
    ('A study', 'One.\\n\\nTwo.')
    """
    text = Path(path).read_text(encoding="utf-8")
    title, lines, fenced = "", [], False
    for line in text.splitlines():
        if line.startswith(("```", "~~~")):
            fenced = not fenced
        if line.startswith("## ") and not fenced:
            break
        if line.startswith("# ") and not title and not fenced:
            title = line[2:].strip()
        elif title:
            lines.append(line)
    return title, "\n".join(lines).strip()


def _exporter() -> HTMLExporter:
    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = {"remove-cell", "remove_cell"}
    config.TagRemovePreprocessor.remove_input_tags = {"remove-input", "remove_input", "hide-input"}
    config.TagRemovePreprocessor.remove_all_outputs_tags = {"remove-output", "remove_output"}
    exporter = HTMLExporter(
        config=config,
        template_name="basic",
        raw_template=_BODY_TEMPLATE,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        anchor_link_text="#",
    )
    exporter.register_filter("code_peek", _code_peek)
    return exporter


def _render(path: Path, filename: str, exporter: HTMLExporter, page_of: dict, out_dir: Path):
    nb = nbformat.read(path, as_version=4)
    heading = notebook_question(nb)
    if heading is None:
        warnings.warn(f"{_show(path)}: no '# NN · <question>' heading; the site uses the file name", stacklevel=3)
        heading = path.stem.replace("-", " ")
    numbered = _NUMBERED.match(heading)
    number = numbered.group(1) if numbered else (re.match(r"\d*", path.stem).group(0) or "")
    question = numbered.group(2) if numbered else heading
    _describe_figures(nb)

    body, resources = exporter.from_notebook_node(nb, resources={"metadata": {"path": str(path.parent)}})
    body = _rewrite(body, base=path.parent, out_dir=out_dir, page_of=page_of)
    css = (resources.get("inlining", {}).get("css") or [""])[0]

    image = _first_image(nb)
    thumbnail, data, alt = None, None, ""
    if image is not None:
        mimetype, data, alt = image
        thumbnail = path.stem + _IMAGE_TYPES[mimetype]
    page = _Page(
        source=path,
        filename=filename,
        number=number,
        question=_inline(_markdown(question)),
        summary=_rewrite(_inline(_markdown(_opening_paragraph(nb))), base=path.parent, out_dir=out_dir, page_of=page_of),
        thumbnail=thumbnail,
        thumbnail_alt=alt,
        body=body,
    )
    return page, data, css


def _describe_figures(nb) -> None:
    """Give each image output without alt text the first sentence of the markdown after it.

    The house style puts a figure's takeaway in the markdown cell right below it.
    """
    for i, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            for mimetype in _IMAGE_TYPES:
                if mimetype not in data:
                    continue
                meta = output.setdefault("metadata", {}).setdefault(mimetype, {})
                if not meta.get("alt") and not cell.metadata.get("alt"):
                    meta["alt"] = _caption(nb.cells[i + 1 :]) or f"Figure (cell {i + 1})"


def _caption(cells) -> str:
    for cell in cells:
        if cell.cell_type == "markdown":
            text = re.sub(r"\]\([^)]*\)|[*`#>\[\]]", "", cell.source).strip()
            sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
            return " ".join(sentence.split())[:300]
        if cell.cell_type == "code" and cell.get("outputs"):
            return ""
    return ""


def _first_image(nb):
    """The first image output: its type, its bytes, and its alt text."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            for mimetype in _IMAGE_TYPES:
                if mimetype in data:
                    raw = data[mimetype]
                    raw = raw if isinstance(raw, str) else "".join(raw)
                    content = raw.encode() if mimetype == "image/svg+xml" else base64.b64decode(raw)
                    alt = output.get("metadata", {}).get(mimetype, {}).get("alt") or cell.metadata.get("alt", "")
                    return mimetype, content, alt
    return None


def _opening_paragraph(nb) -> str:
    """The paragraph after the H1 ("This notebook ..."), as markdown."""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and _H1.search(cell.source):
            after = _H1.split(cell.source, maxsplit=1)[-1].strip()
            return re.split(r"\n\s*\n", after, maxsplit=1)[0] if after else ""
    return ""


def _code_peek(source: str) -> str:
    """The first line of a code cell worth showing in its folded summary, as HTML text."""
    for line in source.splitlines():
        line = line.strip()
        if line and not line.startswith("# NBVAL"):
            return html.escape(line if len(line) <= 72 else line[:71] + "…")
    return ""


def _markdown(text: str) -> str:
    return markdown2html_mistune(text).strip()


def _inline(block_html: str) -> str:
    """Inline HTML of a one-paragraph rendering (drops the <p> wrapper)."""
    return re.sub(r"^<p>(.*)</p>$", r"\1", block_html, flags=re.DOTALL)


def _rewrite(fragment: str, *, base: Path, out_dir: Path, page_of: dict) -> str:
    """Point relative links of a fragment rendered from ``base`` at the right place in the site.

    A link to a rendered notebook goes to its page; any other relative link goes to the
    file on disk, relative to ``out_dir``; a relative image is embedded as a data URI.
    """

    def split(url: str):
        url = html.unescape(url)
        cut = min((i for i in (url.find("#"), url.find("?")) if i >= 0), default=len(url))
        return url[:cut], url[cut:]

    def link(match: re.Match) -> str:
        url = match.group(2)
        if not url or url.startswith("#") or _SCHEME.match(url):
            return match.group(0)
        path, rest = split(url)
        if not path:
            return match.group(0)
        target = (base / path).resolve()
        if target in page_of:
            new = page_of[target] + rest
        else:
            try:
                new = Path(os.path.relpath(target, out_dir)).as_posix() + ("/" if path.endswith("/") else "") + rest
            except ValueError:  # another drive (Windows)
                new = target.as_uri() + rest
        return match.group(1) + html.escape(new) + match.group(3)

    def image(match: re.Match) -> str:
        url = match.group(2)
        if not url or _SCHEME.match(url):
            return match.group(0)
        target = (base / split(url)[0]).resolve()
        if not target.is_file():
            warnings.warn(f"{_show(target)}: image not found; it will not show on the site", stacklevel=4)
            return match.group(0)
        mimetype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        data = base64.b64encode(target.read_bytes()).decode("ascii")
        return f"{match.group(1)}data:{mimetype};base64,{data}{match.group(3)}"

    return _IMG_SRC.sub(image, _A_HREF.sub(link, fragment))


def _remove_stale(out_dir: Path, *, keep: set[str]) -> None:
    for pattern in ("[0-9]*.html", "[0-9]*.png", "[0-9]*.jpg", "[0-9]*.svg"):
        for path in out_dir.glob(pattern):
            if path.name not in keep and path.is_file():
                path.unlink()


def _show(path: Path) -> str:
    try:
        return path.relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def _document(title: str, body: str, *, page_class: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<link rel="stylesheet" href="{STYLESHEET}">
</head>
<body class="{page_class}">
<div class="page">
{body}
</div>
</body>
</html>
"""


def _label(page: _Page) -> str:
    return f"{page.number} · {page.question}" if page.number else page.question


def _notebook_page(page: _Page, title: str, previous: _Page | None, following: _Page | None) -> str:
    pager = []
    if previous:
        pager.append(f'<a class="prev" href="{previous.filename}"><span>Previous</span>{_label(previous)}</a>')
    if following:
        pager.append(f'<a class="next" href="{following.filename}"><span>Next</span>{_label(following)}</a>')
    body = f"""<header class="site-header"><a href="index.html">{html.escape(title)}</a></header>
<main class="notebook">
{page.body}
</main>
<nav class="pager">
{chr(10).join(pager)}
</nav>
<footer class="site-footer">Rendered from <code>{html.escape(_show(page.source))}</code>. Code cells are folded: open <em>code</em> to read one.</footer>"""
    return _document(f"{_text(_label(page))} — {title}", body, page_class="notebook-page")


def _index_page(title: str, intro_html: str, pages: list[_Page]) -> str:
    cards = []
    for page in pages:
        if page.thumbnail:
            figure = (
                f'<a class="thumb" href="{page.filename}" tabindex="-1" aria-hidden="true">'
                f'<img src="{html.escape(page.thumbnail)}" alt="{html.escape(page.thumbnail_alt)}"></a>'
            )
        else:
            figure = f'<a class="thumb empty" href="{page.filename}" tabindex="-1" aria-hidden="true"><span>{page.number}</span></a>'
        number = f'<span class="number">{page.number}</span> ' if page.number else ""
        cards.append(
            f"""<li class="card">
{figure}
<div class="card-text">
<h3>{number}<a href="{page.filename}">{page.question}</a></h3>
<p>{page.summary}</p>
</div>
</li>"""
        )
    listing = "\n".join(cards) if cards else "<li class=\"card\">No notebooks yet.</li>"
    body = f"""<main class="index">
<header class="intro">
<h1>{html.escape(title)}</h1>
{intro_html}
</header>
<section class="notebooks">
<h2>The notebooks</h2>
<p class="hint">Read them in order; each answers one question and shows the words and numbers behind its answer.</p>
<ol class="cards">
{listing}
</ol>
</section>
</main>
<footer class="site-footer">Rendered from the executed notebooks in <code>notebooks/</code> by <code>make report</code>. Works offline: nothing here is loaded from the network.</footer>"""
    return _document(title, body, page_class="index-page")




def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.publish.site [NOTEBOOK ...]``: render the site, print the path of its index."""
    args = sys.argv[1:] if argv is None else argv
    paths = [Path(a) for a in args] or notebook_paths(NOTEBOOKS)
    print(build_site(paths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
