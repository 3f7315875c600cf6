"""The Corpus page in a real browser (headless Chromium driven by Playwright): it opens on the
example store, draws the outlet chart and the stories table, opens a story's comparison and
downloads a table. Screenshots of each screen go to tests/artifacts/corpus_*.png.

Needs Debian's Chromium at /usr/bin/chromium (installed by .ci/run); skipped otherwise.
"""

from __future__ import annotations

import csv
import io
import os
import shutil

import pytest
from test_browser import ARGS, ARTIFACTS, CHROMIUM, running_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not os.path.exists(CHROMIUM) or shutil.which("chromium") is None,
                       reason="Debian's chromium is not installed (.ci/run installs it)"),
]
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def corpus_url(example_store):
    """The app, started after the example store is built (it finds it in the shared
    FRAMING_CACHE_DIR), at its Corpus page."""
    with running_app() as url:
        yield f"{url}/Corpus"


def screens(page, name: str) -> list:
    """One screenshot per screen of the main container, scrolled from the top."""
    ARTIFACTS.mkdir(exist_ok=True)
    main = "document.querySelector('[data-testid=stMain]')"
    height = page.evaluate(f"{main}.scrollHeight")
    step = page.viewport_size["height"] - 100
    paths = []
    for number, top in enumerate(range(0, int(height), step)):
        page.evaluate(f"{main}.scrollTo(0, {top})")
        page.wait_for_timeout(400)
        path = ARTIFACTS / f"{name}_{number}.png"
        page.screenshot(path=str(path))
        paths.append(path)
        print(f"screenshot: {path}")
    page.evaluate(f"{main}.scrollTo(0, 0)")
    return paths


def test_corpus_page_charts_stories_comparison_and_download(corpus_url):
    expect = sync_api.expect
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(accept_downloads=True,
                                      viewport={"width": 1500, "height": 1000})
        page = context.new_page()
        page.goto(corpus_url)
        expect(page.get_by_text("60 articles", exact=False).first).to_be_visible(
            timeout=120_000)
        assert page.get_by_test_id("stException").count() == 0
        # Outlets: the chart, one labelled row per outlet, and two outlets compared
        chart = page.locator(".vega-embed").first
        expect(chart).to_be_visible(timeout=60_000)
        expect(chart.locator("svg, canvas").first).to_be_visible()
        expect(page.get_by_text("Clearly different", exact=False).first).to_be_visible()
        shots = screens(page, "corpus_outlets")

        # Stories: the table, and the story opened first compared side by side
        page.get_by_role("tab", name="Stories").click()
        table = page.get_by_test_id("stDataFrame").filter(has_text="hospitals agree").first
        expect(table).to_be_visible()
        cells = table.locator('[role="gridcell"]')
        expect(cells.first).to_be_attached()  # drawn on a canvas; the cells are for readers
        texts = [cells.nth(i).text_content() for i in range(min(cells.count(), 40))]
        assert any("hospitals agree to merge" in t for t in texts), texts[:12]
        expect(page.get_by_text("frames the story most", exact=False).first).to_be_visible(
            timeout=120_000)
        shots += screens(page, "corpus_stories")

        page.get_by_role("tab", name="Trends").click()
        expect(page.get_by_text("The metric chosen under Outlets", exact=False)).to_be_visible()
        shots += screens(page, "corpus_trends")

        page.get_by_role("tab", name="Sentences").click()
        expect(page.get_by_text("rows 1–50", exact=False)).to_be_visible()
        shots += screens(page, "corpus_sentences")
        assert len(shots) >= 4

        page.get_by_role("tab", name="Downloads").click()
        with page.expect_download() as download:
            page.locator(".st-key-corpus_dl_metrics_csv button").click()
        with open(download.value.path(), encoding="utf-8") as fh:
            rows = list(csv.DictReader(io.StringIO(fh.read())))
        assert len(rows) == 60 and {"article_id", "framing_score", "outlet"} <= set(rows[0])
        assert page.get_by_test_id("stException").count() == 0
        context.close()
        browser.close()
