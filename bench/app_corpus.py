"""Corpus page speed benchmark: the outlet chart of a store, and pages of the sentence
explorer, after the first load.

    python bench/app_corpus.py --store PATH

runs app.py's Corpus page headless with Streamlit's AppTest on the store at PATH (made with
`python -m framing corpus add/analyze/stories`): one run to load it (the Analyzer, the first
queries), then times script runs: the page opened again (cached aggregates), and explorer
pages 2, 3, ... with a filter.

    python bench/app_corpus.py --browser --store PATH

does it as a user would, in Debian's headless Chromium against `streamlit run app.py` (only on
127.0.0.1): the time from opening /Corpus?store=PATH to the outlet chart being drawn (first
load, then again in new tabs), and from typing an explorer page number to that page's rows
being shown. Targets: the outlet chart under 3 s after the first load; each explorer page
under 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def store_summary(store: str) -> str:
    from framing.corpus.explore import store_status

    s = store_status(store)
    return (f"{store}: {s.articles:,} articles ({s.analyzed:,} analyzed) from {s.outlets} "
            f"outlets, {s.sentences:,} sentences, {s.stories:,} stories")


def in_browser(store: str, runs: int) -> tuple[list[float], list[float]]:
    from app_load import start_server  # bench/app_load.py: one way to start the app
    from playwright.sync_api import expect, sync_playwright

    server, url = start_server()
    page_url = f"{url}/Corpus?store={urllib.parse.quote(str(Path(store).resolve()))}"
    charts, pages = [], []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for run in range(runs + 1):
                page = browser.new_page(viewport={"width": 1500, "height": 1000})
                start = time.perf_counter()
                page.goto(page_url)
                chart = page.locator(".vega-embed").first
                expect(chart.locator("svg, canvas").first).to_be_visible(timeout=600_000)
                expect(page.get_by_text("Two outlets compared")).to_be_visible(timeout=600_000)
                took = time.perf_counter() - start
                if run == 0:
                    print(f"first load (analyzer, queries, bootstrap): {took:.2f} s")
                else:
                    charts.append(took)
                    print(f"open {run}: outlet chart drawn in {took:.2f} s")
                if run < runs:
                    page.close()
            page.get_by_role("tab", name="Sentences").click()
            expect(page.get_by_text("rows 1–50", exact=False)).to_be_visible(timeout=60_000)
            box = page.locator(".st-key-corpus_page input")
            for number in range(2, runs + 2):
                first = (number - 1) * 50 + 1
                # a change made while the page's full run goes on is lost (Streamlit drops a
                # fragment's rerun then): wait until the app is idle, as a reader would see
                expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=60_000)
                box.fill(str(number))
                start = time.perf_counter()
                box.press("Enter")
                expect(page.get_by_text(f"rows {first:,}–", exact=False)).to_be_visible(
                    timeout=60_000)
                pages.append(time.perf_counter() - start)
                print(f"explorer page {number}: shown in {pages[-1]:.2f} s")
            browser.close()
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    return charts, pages


def with_apptest(store: str, runs: int) -> tuple[list[float], list[float]]:
    from streamlit.testing.v1 import AppTest

    def opened() -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.query_params["store"] = str(Path(store).resolve())
        return at.run()

    start = time.perf_counter()
    at = opened().switch_page("app_corpus.py").run()
    print(f"first load (comparison page, then the Corpus page): "
          f"{time.perf_counter() - start:.2f} s")
    if at.exception or at.error:
        raise SystemExit(f"page failed: {at.exception or at.error[0].value}")
    charts, pages = [], []
    for run in range(runs):
        start = time.perf_counter()
        at.run()
        charts.append(time.perf_counter() - start)
        print(f"run {run + 1}: the whole Corpus page again in {charts[-1]:.2f} s")
    at.multiselect(key="corpus_f_voice").set_value(["author"]).run()
    for number in range(2, runs + 2):
        start = time.perf_counter()
        at.number_input(key="corpus_page").set_value(number).run()
        pages.append(time.perf_counter() - start)
        print(f"explorer page {number} (a whole script run): {pages[-1]:.2f} s")
    return charts, pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", required=True, help="a corpus store (DuckDB file)")
    parser.add_argument("--browser", action="store_true",
                        help="time it in headless Chromium instead of AppTest")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each (default 5)")
    args = parser.parse_args()
    if not Path(args.store).is_file():
        print(f"no store at {args.store}: make one with bench/make_corpus.py and "
              "python -m framing corpus add/analyze/stories", file=sys.stderr)
        return 2
    print(store_summary(args.store))
    charts, pages = (in_browser if args.browser else with_apptest)(args.store, args.runs)
    print(f"outlet chart: median {statistics.median(charts):.2f} s, best {min(charts):.2f} s, "
          f"max {max(charts):.2f} s (target < 3 s)")
    print(f"explorer page: median {statistics.median(pages):.2f} s, best {min(pages):.2f} s, "
          f"max {max(pages):.2f} s (target < 1 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
