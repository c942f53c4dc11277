"""The rendered site in a real browser: Debian's Chromium, driven by Playwright.

Builds the site from the notebooks as committed (nothing is executed) into a temporary
folder, opens index.html from disk, follows its link to every notebook page, and checks
that each page renders offline: a title, every image decoded, no failed request, no
request that leaves the disk, no console error. A screenshot of the index page is kept
in build/index-screenshot.png (and of each page's top in build/screenshots/) for a
person to look at.

Chromium is not downloaded by Playwright: the test uses the system's browser,
/usr/bin/chromium by default or the path in the CHROMIUM environment variable. If it
is missing the test fails and says how to install it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from analysis.paths import PROJECT_ROOT
from analysis.publish.notebooks import notebook_paths
from analysis.publish.site import build_site

# a real browser, started per test: part of `make test`, left out of `make quick`
pytestmark = pytest.mark.slow

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = PROJECT_ROOT / "build"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
IMAGES_JS = "() => Array.from(document.images, i => ({src: i.src.startsWith('data:') ? i.src.slice(0, 40) + '...' : i.src, complete: i.complete, width: i.naturalWidth}))"


def _chromium() -> str:
    path = shutil.which(CHROMIUM) or CHROMIUM
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        pytest.fail(
            f"the browser check needs Chromium, and {CHROMIUM} is not there. Install Debian's package "
            "(`sudo apt-get update && sudo apt-get install -y chromium`; .ci/run does this on CI), "
            "or point CHROMIUM at a Chromium or Chrome binary. Playwright's own browser download is not used.",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    notebooks = notebook_paths()
    assert notebooks, "no notebooks/NN-*.ipynb to render"
    return build_site(notebooks, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="module")
def browser_context(tmp_path_factory):
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=executable,
            headless=True,
            args=ARGS,
            viewport={"width": 1280, "height": 900},
            device_scale_factor=1,
            timeout=30_000,
        )
        try:
            yield context
        finally:
            context.close()


class PageLog:
    """Everything a page did that the test needs to judge: requests, failures, errors."""

    def __init__(self, page):
        self.requests, self.failed, self.errors, self.blocked = [], [], [], []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url[:100]} ({r.failure})"))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        # Anything that would leave the disk is stopped here, and recorded, so the check
        # also holds on a machine with a network.
        page.route(lambda url: not url.startswith(("file:", "data:")), self._block)

    def _block(self, route):
        self.blocked.append(route.request.url)
        route.abort()

    def problems(self) -> list[str]:
        off_disk = [u for u in self.requests if not u.startswith(("file:", "data:"))]
        return (
            [f"request off disk: {u}" for u in off_disk + [u for u in self.blocked if u not in off_disk]]
            + [f"failed request: {f}" for f in self.failed]
            + [f"console error: {e}" for e in self.errors]
        )


def _open(context, url: str):
    page = context.new_page()
    log = PageLog(page)
    page.goto(url, wait_until="load", timeout=30_000)
    return page, log


def _check_rendered(page, log: PageLog, name: str) -> None:
    assert page.title().strip(), f"{name}: empty <title>"
    images = page.evaluate(IMAGES_JS)
    broken = [i["src"] for i in images if not (i["complete"] and i["width"] > 0)]
    assert not broken, f"{name}: images that did not load: {broken}"
    assert not log.problems(), f"{name}: " + "; ".join(log.problems())


def test_index_and_every_notebook_page_render_offline(site, browser_context):
    index, log = _open(browser_context, site.as_uri())
    _check_rendered(index, log, "index.html")
    assert index.locator("h1").first.inner_text().strip(), "index.html: no heading"
    SCREENSHOTS.mkdir(exist_ok=True)
    index.screenshot(path=str(SCREENSHOTS / "index-screenshot.png"), full_page=True)

    links = index.eval_on_selector_all(".card h3 a", "els => els.map(a => a.href)")
    thumbs = index.evaluate("() => document.querySelectorAll('.card .thumb img').length")
    index.close()
    expected = [p.stem + ".html" for p in notebook_paths()]
    assert [link.rsplit("/", 1)[-1] for link in links] == expected, "index does not link every notebook, in order"
    assert thumbs >= 1, "index shows no thumbnail at all"

    (SCREENSHOTS / "screenshots").mkdir(exist_ok=True)
    for link in links:
        name = link.rsplit("/", 1)[-1]
        page, log = _open(browser_context, link)
        _check_rendered(page, log, name)
        assert page.locator("main h1").count() == 1, f"{name}: expected the notebook's one H1"
        assert page.locator("a[href='index.html']").count() >= 1, f"{name}: no way back to the index"
        page.screenshot(path=str(SCREENSHOTS / "screenshots" / name.replace(".html", ".png")))
        page.close()


def test_check_catches_a_missing_image_and_a_network_request(tmp_path, browser_context):
    """The checks above can fail: a page with a broken image and a CDN script trips them."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html><head><title>bad</title><script src="https://cdn.example.invalid/x.js"></script>'
        '</head><body><img src="missing.png" alt="x"></body></html>'
    )
    page, log = _open(browser_context, bad.as_uri())
    with pytest.raises(AssertionError) as caught:
        _check_rendered(page, log, "bad.html")
    page.close()
    assert "missing.png" in str(caught.value)
    assert any("cdn.example.invalid" in p for p in log.problems())
