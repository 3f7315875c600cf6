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
from test_browser import ARGS, CHROMIUM, running_app, screens

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


def test_an_uploaded_table_stays_named_where_it_is_shown(corpus_url, tmp_path):
    """Upload a table, look at the example corpus, come back: the page and the sidebar both
    name the table; the same after a visit to the Compare page. The Sentences tab's two
    downloads are told apart."""
    import csv as csv_module

    from test_app_corpus import ENGLISH, SPANISH

    table = tmp_path / "mixed.csv"
    with table.open("w", newline="", encoding="utf-8") as fh:
        writer = csv_module.writer(fh)
        writer.writerow(["text", "outlet"])
        writer.writerows([[ENGLISH, "Paper 0"], [SPANISH, "Paper 1"]])
    expect = sync_api.expect
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        page.goto(corpus_url)
        expect(page.get_by_text("60 articles", exact=False).first).to_be_visible(
            timeout=120_000)
        side = page.get_by_test_id("stSidebar")
        side.get_by_text("Upload a file").click()
        side.get_by_test_id("stFileUploader").filter(has_text="Table of articles").locator(
            "input[type=file]").set_input_files(str(table))  # (not the lexicon's)
        expect(page.get_by_text("Table: mixed.csv")).to_be_visible(timeout=120_000)
        side.get_by_text("Example corpus").click()
        expect(page.get_by_text("60 articles", exact=False).first).to_be_visible(
            timeout=60_000)
        side.get_by_text("Upload a file").click()
        expect(page.get_by_text("Table: mixed.csv")).to_be_visible(timeout=60_000)
        expect(side.get_by_text("In use: mixed.csv", exact=False)).to_be_visible()
        shots = screens(page, "corpus_upload_kept")
        page.get_by_role("link", name="Compare articles").click()
        expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=60_000)
        page.get_by_role("link", name="Corpus").click()
        expect(page.get_by_text("Table: mixed.csv")).to_be_visible(timeout=60_000)
        expect(side.get_by_text("In use: mixed.csv", exact=False)).to_be_visible()
        expect(side.get_by_text("Upload a file")).to_be_visible()

        page.get_by_role("tab", name="Sentences").click()
        buttons = page.get_by_test_id("stDownloadButton")
        expect(buttons).to_have_count(2)
        assert [buttons.nth(i).inner_text().strip() for i in range(2)] == ["CSV", "Parquet"]
        shots += screens(page, "corpus_upload_sentences")
        assert shots and page.get_by_test_id("stException").count() == 0
        browser.close()


def test_the_outlets_and_articles_chosen_are_kept_across_tabs_and_pages(corpus_url):
    """Outlet B of the comparison, the outlet whose sources are shown and the articles picked
    in a story stay as chosen while other tabs, and the Compare page, are looked at (Streamlit
    forgets a widget a run does not draw)."""
    expect = sync_api.expect

    def choose(page, label: str, option: str) -> None:
        page.get_by_role("combobox", name=label, exact=True).click()
        page.get_by_role("option", name=option, exact=True).click()
        expect(shown(page, label)).to_have_value(option)

    def shown(page, label: str):
        return page.get_by_role("combobox", name=label, exact=True)

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1500, "height": 1000})
        page.goto(corpus_url)
        expect(shown(page, "Outlet B")).to_be_visible(timeout=120_000)
        choose(page, "Outlet B", "Hearth & Hammer")
        page.get_by_role("tab", name="Sources").click()
        expect(shown(page, "Outlet")).to_have_value("Meridian Wire", timeout=60_000)
        choose(page, "Outlet", "The Daily Blaze")
        expect(page.get_by_text("The Daily Blaze credits", exact=False)).to_be_visible(
            timeout=60_000)
        page.get_by_role("tab", name="Stories").click()
        expect(shown(page, "Open a story")).to_be_visible(timeout=60_000)
        page.get_by_role("tab", name="Sources").click()
        expect(shown(page, "Outlet")).to_have_value("The Daily Blaze", timeout=60_000)
        page.get_by_role("link", name="Compare articles").click()
        expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=60_000)
        page.get_by_role("link", name="Corpus").click()
        expect(shown(page, "Outlet")).to_have_value("The Daily Blaze", timeout=60_000)
        page.get_by_role("tab", name="Outlets").click()
        expect(shown(page, "Outlet B")).to_have_value("Hearth & Hammer", timeout=60_000)
        expect(shown(page, "Outlet A")).to_have_value("Meridian Wire")

        # the articles picked in a story of five: one removed stays removed
        page.get_by_role("tab", name="Stories").click()
        picked = page.get_by_test_id("stMultiSelect").get_by_role(
            "group", name="Selected values").locator("[data-tag]")
        expect(picked).to_have_count(4, timeout=60_000)
        first = picked.first.get_attribute("aria-label")
        page.get_by_role("button", name=f"Remove {first}", exact=True).click()
        expect(picked).to_have_count(3, timeout=60_000)
        page.get_by_role("tab", name="Trends").click()
        expect(page.locator(".vega-embed").first).to_be_visible(timeout=60_000)
        page.get_by_role("tab", name="Stories").click()
        expect(picked).to_have_count(3, timeout=60_000)
        assert first not in [picked.nth(i).get_attribute("aria-label") for i in range(3)]
        assert page.get_by_test_id("stException").count() == 0
        browser.close()
