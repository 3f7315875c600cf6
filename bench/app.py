"""App speed benchmark: two new 1,500-word articles analyzed and rendered after the first load.

    python bench/app.py

Runs app.py headless with Streamlit's AppTest: one run to load it (the Analyzer is trained or
read from its cache and held by st.cache_resource), then, several times, pastes two articles
of about 1,500 words the app has not seen (so st.cache_data cannot answer), presses Analyze
and times the whole script run: ingestion, analysis (in the app's worker processes), and the
open tab (the articles). Target: under 2 s.

    python bench/app.py --browser

does the same as a user would, in Debian's headless Chromium against `streamlit run app.py`:
the time from pressing Analyze to both new articles being drawn on the page.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from framing import load_article  # noqa: E402

ARTICLES = ROOT / "corpus" / "articles"


def article_of(words: int, names: list[str], run: int) -> str:
    """About `words` words of body paragraphs from the named corpus articles, made new by a
    run number so no cache has seen them."""
    paragraphs = []
    for name in names:
        paragraphs += load_article(ARTICLES / f"{name}.txt").text.split("\n\n")[1:]
    out, count = [f"Report number {run}: {names[0].replace('_', ' ')}"], 0
    k = 0
    while count < words:
        paragraph = paragraphs[k % len(paragraphs)]
        out.append(paragraph)
        count += len(paragraph.split())
        k += 1
    return "\n\n".join(out)


def in_browser(runs: int = 5) -> list[float]:
    from app_load import start_server  # bench/app_load.py: one way to start the app
    from playwright.sync_api import expect, sync_playwright

    server, url = start_server()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                        args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            start = time.perf_counter()
            page.goto(url)
            expect(page.locator(".fr-article").nth(1)).to_be_visible(timeout=120_000)
            print(f"first load in the browser: {time.perf_counter() - start:.2f} s")
            for slot in "AB":
                page.get_by_text("Paste text").nth("AB".index(slot)).click()
            times = []
            for run in range(runs):
                texts = (article_of(1500, ["ukraine_wire", "ukraine_seed"], 100 + run),
                         article_of(1500, ["ukraine_commentary", "housing_oped"], 100 + run))
                for slot, text in zip("AB", texts):
                    box = page.locator(f'textarea[aria-label="Article {slot}"]')
                    box.fill(text)
                    box.press("Control+Enter")
                page.wait_for_timeout(1000)  # let the edits reach the server
                start = time.perf_counter()
                page.get_by_role("button", name="Analyze").click()
                for k in range(2):
                    expect(page.locator(".fr-article").nth(k)).to_contain_text(
                        f"Report number {100 + run}", timeout=60_000)
                times.append(time.perf_counter() - start)
                print(f"browser run {run + 1}: analyzed and drawn in {times[-1]:.2f} s")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", action="store_true",
                        help="time it in headless Chromium instead of AppTest")
    if parser.parse_args().browser:
        times = in_browser()
        print(f"median {statistics.median(times):.2f} s, max {max(times):.2f} s (target < 2 s)")
        return 0
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    start = time.perf_counter()
    app.run()
    print(f"first load (example analyzed, model from cache or trained): "
          f"{time.perf_counter() - start:.2f} s")
    if app.exception:
        raise SystemExit(f"app failed: {app.exception}")
    times = []
    for run in range(5):
        texts = (article_of(1500, ["ukraine_wire", "ukraine_seed"], run),
                 article_of(1500, ["ukraine_commentary", "housing_oped"], run))
        for slot, text in zip("AB", texts):
            app.radio(key=f"source_{slot}").set_value("Paste text").run()
            app.text_area(key=f"text_{slot}").input(text)
        start = time.perf_counter()
        app.button(key="analyze").click().run()
        times.append(time.perf_counter() - start)
        if app.exception or app.error:
            raise SystemExit(f"app failed: {app.exception or app.error[0].value}")
        shown = "".join(m.value for m in app.markdown)
        if f"Report number {run}" not in shown:
            raise SystemExit("the pasted articles were not shown")
        words = [len(t.split()) for t in texts]
        print(f"run {run + 1}: {words[0]} + {words[1]} words analyzed and rendered in "
              f"{times[-1]:.2f} s")
    print(f"median {statistics.median(times):.2f} s, max {max(times):.2f} s (target < 2 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
