"""The app in a real browser, as a user would use it: headless Chromium driven by Playwright.

Needs Debian's Chromium at /usr/bin/chromium (installed by .ci/run); skipped with a reason
when it is absent. Screenshots go to tests/artifacts/, whose path each test prints.
"""

from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "tests" / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM) or shutil.which("chromium") is None,
                       reason="Debian's chromium is not installed (.ci/run installs it)"),
]
sync_api = pytest.importorskip("playwright.sync_api")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_app():
    """``streamlit run app.py`` on a free loopback port: its base URL, stopped afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
         "--server.headless", "true", "--server.address", "127.0.0.1",
         "--server.port", str(port), "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.read().decode().strip() == "ok":
                    break
        except OSError:
            time.sleep(0.25)
    else:
        process.kill()
        pytest.fail("the Streamlit app did not start within 60 seconds")
    try:
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def app_url():
    with running_app() as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


def screenshot(page, name: str) -> None:
    """A full-page screenshot. Streamlit scrolls inside its main container, so the window is
    first made as tall as that container's content."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    height = page.evaluate(
        "() => Math.max(...Array.from(document.querySelectorAll('*'))"
        ".map(e => e.scrollHeight || 0))")
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 100, 16000)})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    print(f"screenshot: {path}")


def screens(page, name: str) -> list:
    """One screenshot per screen of the main container, scrolled from the top (Streamlit
    scrolls inside it, so a full-page shot shows only the first screen)."""
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


def test_ready_example_tooltips_comparison_and_download(app_url, browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1500, "height": 1000})
    page = context.new_page()
    page.goto(app_url)
    expect = sync_api.expect
    expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=90_000)
    expect(page.get_by_test_id("stMetric")).to_have_count(10)
    expect(page.locator(".fr-article").first).to_be_visible()
    assert page.locator(".fr-article").count() == 2
    # highlighted sentences: author opinion, reported speech, quotes
    assert page.locator(".fr-s.fr-author.fr-opinion").count() > 3
    assert page.locator(".fr-s.fr-attributed").count() > 10
    # loaded-term tooltips with category, explanation and alternative
    terms = page.locator(".fr-term[title]")
    assert terms.count() > 10
    titles = [terms.nth(i).get_attribute("title") for i in range(terms.count())]
    assert any("Neutral alternative:" in t for t in titles)
    assert any(t.startswith("a loaded verb of saying: it judges the speaker") for t in titles)
    screenshot(page, "app_example")

    page.get_by_role("tab", name="Comparison").click()
    # (the comparison is computed when its tab opens: on a busy machine, more than the five
    # seconds an expectation waits by default)
    expect(page.get_by_text("The same facts, told differently")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("B frames the story more than A", exact=False)).to_be_visible()
    expect(page.locator(".fr-pairs mark").first).to_be_visible()
    expect(page.locator(".vega-embed").first).to_be_visible()
    screenshot(page, "app_comparison")

    page.get_by_role("tab", name="Export").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Sentences (CSV)").click()
    with open(download.value.path(), encoding="utf-8") as fh:
        rows = list(csv.DictReader(io.StringIO(fh.read())))
    from framing.export import SENTENCE_COLUMNS

    assert tuple(rows[0]) == SENTENCE_COLUMNS
    assert {r["article_id"] for r in rows} == {"ukraine_wire", "ukraine_commentary"}
    with page.expect_download() as download:
        page.get_by_role("button", name="Articles (CSV)").click()
    with open(download.value.path(), encoding="utf-8") as fh:
        articles = list(csv.DictReader(io.StringIO(fh.read())))
    # the examples named as in the repository: no export shows where the server keeps them
    assert {a["source_path"] for a in articles} == {"corpus/articles/ukraine_wire.txt",
                                                    "corpus/articles/ukraine_commentary.txt"}
    context.close()


def _paste_into_a(app_url, browser, text):
    """A page with ``text`` pasted as article A (not yet analyzed), and the list that
    collects any dialog a script would open."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(app_url)
    expect = sync_api.expect
    expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=90_000)
    page.get_by_role("radiogroup", name="Source of article A").get_by_text("Paste text").click()
    box = page.locator('textarea[aria-label="Article A"]')
    expect(box).to_be_visible(timeout=30_000)
    box.fill(text)
    return page, dialogs


def test_pasted_script_is_shown_as_text_and_never_runs(app_url, browser):
    page, dialogs = _paste_into_a(app_url, browser, (
        "The mayor spoke on Monday. <script>alert(1)</script> "
        "<img src=x onerror=\"alert(2)\"> The plan is a disaster for the city."))
    expect = sync_api.expect
    page.get_by_role("button", name="Analyze").click()
    shown = page.locator(".fr-article").first
    expect(shown).to_contain_text("<script>alert(1)</script>", timeout=60_000)
    expect(shown).to_contain_text('<img src=x onerror="alert(2)">')
    assert page.locator(".fr-article script").count() == 0
    assert page.locator(".fr-article img").count() == 0
    page.wait_for_timeout(500)
    assert dialogs == []
    screenshot(page, "app_pasted_script")
    page.close()


def test_a_hostile_title_and_outlet_are_drawn_as_text(app_url, browser):
    """A title and outlet holding markdown, LaTeX, emoji and colour syntax: drawn as typed,
    with no link, formula, emoji or icon of their own."""
    title = ("Budget [click here](https://evil.example/phish) $x^2$ :smile: **now** "
             "<b>tag</b>")
    outlet = ":red[Gazette] :material/home: [home](javascript:alert(3)) _it_"
    page, dialogs = _paste_into_a(app_url, browser, (
        "The mayor spoke on Monday about the budget. The plan is a disaster for the city, "
        "critics said."))
    expect = sync_api.expect
    page.get_by_text("Title and outlet (optional)").first.click()
    page.get_by_label("Title").first.fill(title)
    page.get_by_label("Outlet").first.fill(outlet)
    page.get_by_label("Outlet").first.press("Tab")
    page.get_by_role("button", name="Analyze").click()
    heading = page.locator("[data-testid=stMain] h3").filter(has_text="Budget")
    expect(heading).to_have_text(f"A. {title}", timeout=60_000)
    caption = page.get_by_test_id("stCaptionContainer").filter(has_text="Gazette")
    expect(caption).to_have_text(outlet)
    main = page.locator("[data-testid=stMain]")
    # the only link is the web address as it is written, made a link by Streamlit: it shows
    # where it goes ("click here" is no link)
    links = main.locator("a[href*='evil.example']")
    assert links.count() == 1 and links.first.inner_text() == "https://evil.example/phish"
    assert links.first.get_attribute("href") == "https://evil.example/phish"
    for shown in (heading, caption):
        assert shown.locator(".katex, [role=img], strong, b, em, span[style*=color]").count() == 0
    assert "😄" not in main.inner_text()
    assert dialogs == []
    screenshot(page, "app_hostile_title")
    page.close()


def test_progress_is_shown_in_still_text_while_an_analysis_runs(app_url, browser):
    """While the app runs, Streamlit's animated figure is hidden (a browser drawing without a
    GPU redraws the page for every frame of it, which with many waiting pages took the
    machine), "Running…" stands beside the Stop button and a line of still text says what is
    being analyzed. Streamlit renaming the elements the app's style names fails this test,
    not the style silently."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(app_url)
    expect = sync_api.expect
    expect(page.locator(".fr-article").nth(1)).to_be_visible(timeout=90_000)
    page.get_by_role("radiogroup", name="Source of article A").get_by_text("Paste text").click()
    box = page.locator('textarea[aria-label="Article A"]')
    expect(box).to_be_visible(timeout=30_000)
    body = (ROOT / "corpus" / "articles" / "strike_chaos.txt").read_text(encoding="utf-8")
    # (seconds of analysis; 200 KB typed into the box took over the default 30 s once in CI)
    box.fill("\n\n".join([body.partition("\n---\n")[2]] * 80), timeout=120_000)
    box.press("Control+Enter")
    page.wait_for_timeout(1000)
    page.get_by_role("button", name="Analyze").click()
    expect(page.get_by_text("Analyzing articles A and B…")).to_be_visible(timeout=30_000)
    running = page.get_by_test_id("stStatusWidgetRunningIcon")
    expect(running).to_have_count(1)  # Streamlit shows its sign a moment after the run starts
    assert not running.is_visible()
    label = page.get_by_test_id("stStatusWidget").evaluate(
        "w => getComputedStyle(w.firstElementChild, '::before').content")
    assert label == '"Running…"'
    assert page.get_by_test_id("stSpinner").count() == 0
    screenshot(page, "app_running")
    expect(page.locator(".fr-article").first).to_contain_text("strike", timeout=120_000)
    expect(running).to_have_count(0, timeout=60_000)  # and the sign goes when the run ends
    expect(page.get_by_text("Hover over a highlighted sentence")).to_be_visible()
    page.close()


STALE = "The inputs changed since these results: press Analyze to update them."
PASTED = ("The council rammed through a reckless budget on Monday. This disgraceful scheme "
          "will gut bus service, and nobody should believe the mayor's promises.")


def test_inputs_survive_a_visit_to_the_corpus_page(app_url, browser, example_store):
    """Paste, Analyze, open Corpus, come back: the pasted text is still in A, the results
    are not said to be out of date, and Analyze analyzes the pasted text again. Changing
    an input says the results are out of date until Analyze is pressed."""
    expect = sync_api.expect
    page = browser.new_page(viewport={"width": 1500, "height": 1000})
    page.goto(app_url)
    expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=90_000)
    expect(page.get_by_role("button", name="Deploy")).to_have_count(0)  # viewer toolbar
    stale = page.get_by_text(STALE)
    expect(stale).to_be_hidden()
    page.get_by_role("radiogroup", name="Source of article A").get_by_text("Paste text").click()
    box = page.locator('textarea[aria-label="Article A"]')
    expect(box).to_be_visible(timeout=30_000)
    box.fill(PASTED)
    box.press("Control+Enter")  # sends the text: the inputs rerun, the results do not
    expect(stale).to_be_visible()
    screens(page, "app_stale")
    page.get_by_role("button", name="Analyze").click()
    expect(page.locator(".fr-article").first).to_contain_text("rammed", timeout=60_000)
    expect(stale).to_be_hidden()

    page.get_by_role("link", name="Corpus").click()
    expect(page.get_by_text("60 articles", exact=False).first).to_be_visible(timeout=120_000)
    page.get_by_role("link", name="Compare articles").click()
    expect(page.locator(".fr-article").first).to_contain_text("rammed", timeout=60_000)
    expect(page.locator('textarea[aria-label="Article A"]')).to_have_value(PASTED)
    expect(stale).to_be_hidden()
    screens(page, "app_back_from_corpus")
    page.get_by_role("button", name="Analyze").click()
    page.wait_for_timeout(1000)
    expect(page.locator(".fr-article").first).to_contain_text("rammed", timeout=60_000)
    page.close()


def test_four_articles_cards_are_whole(app_url, browser):
    """With four articles the figures above each stand whole, the score out of 100; the
    lexicon uploader says its own limit."""
    expect = sync_api.expect
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(app_url)
    expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=90_000)
    expect(page.get_by_test_id("stSidebar").get_by_text("1MB per file")).to_be_visible()
    page.get_by_test_id("stRadio").first.get_by_text("4").click()
    box = page.locator('textarea[aria-label="Article D"]')
    expect(box).to_be_visible(timeout=30_000)
    body = (ROOT / "corpus" / "articles" / "strike_wire.txt").read_text(encoding="utf-8")
    box.fill(body.partition("\n---\n")[2])
    page.get_by_role("button", name="Analyze").click()
    expect(page.get_by_test_id("stMetric")).to_have_count(20, timeout=60_000)
    page.wait_for_timeout(500)
    cut = page.evaluate("""() => Array.from(document.querySelectorAll(
        '[data-testid=stMetricLabel] *, [data-testid=stMetricValue] *'))
        .filter(e => e.children.length === 0 && e.scrollWidth > e.clientWidth + 1)
        .map(e => e.textContent)""")
    assert cut == []
    assert page.get_by_test_id("stMetricValue").filter(has_text="/100").count() == 4
    screens(page, "app_four")
    page.close()


def test_a_phone_reads_every_mark_in_words_and_prints_a_handout(app_url, browser):
    """On a phone, which cannot hover, the marks are said in words under each article (opened
    by a tap), nothing is wider than the screen; the Export tab gives a handout page to print,
    which opens on its own and shows the marks in words, unfolded."""
    expect = sync_api.expect
    context = browser.new_context(accept_downloads=True, viewport={"width": 390, "height": 844},
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(app_url)
    expect(page.get_by_test_id("stMetric").first).to_be_visible(timeout=90_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    ARTIFACTS.mkdir(exist_ok=True)
    why = page.locator(".fr-why").nth(1)
    why.locator("summary").tap()
    expect(why.get_by_text("Underlined: marked words")).to_be_visible()
    expect(why.get_by_text("it asks a question", exact=False).first).to_be_visible()
    why.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "phone_why.png"))
    print(f"screenshot: {ARTIFACTS / 'phone_why.png'}")
    page.get_by_role("tab", name="Export").tap()
    with page.expect_download() as download:
        page.get_by_role("button", name="Handout to print (HTML)").tap()
    assert download.value.suggested_filename == "framing_handout.html"
    ARTIFACTS.mkdir(exist_ok=True)
    saved = ARTIFACTS / "handout.html"
    download.value.save_as(saved)
    handout = context.new_page()
    handout.goto(saved.as_uri())
    expect(handout.get_by_role("heading", name="In short")).to_be_visible()
    expect(handout.locator(".fr-why li").first).to_be_visible()  # unfolded, to print
    assert handout.locator(".fr-article").count() == 2
    assert handout.locator(".fr-term").count() > 10
    assert handout.evaluate("document.documentElement.scrollWidth") <= 390  # a phone's width
    screenshot(handout, "handout_phone")
    context.close()
