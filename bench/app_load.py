"""The app under load: many browser sessions at once against one `streamlit run app.py`.

    python bench/app_load.py [--sessions 20] [--waves 1] [--words 1500] [--lexicons]

Starts the app on a free port of 127.0.0.1 (the only address this script contacts) and drives
it with one headless Chromium (Debian's /usr/bin/chromium) and one browser context per
session, ``--sessions`` at a time, ``--waves`` times. Each session opens the page (the
ready example), pastes two new articles of about ``--words`` words, each carrying a made-up
place name of its own, waits until every session of its wave is ready, presses Analyze with
them and waits until both articles are drawn. It checks
that the page shows no error, that its own two place names are in its results and that no
other session's are. With ``--lexicons`` each session first uploads a lexicon CSV of its own
(one new term), so that every session needs an Analyzer with a different lexicon.
With ``--race`` no session waits for the others: each clicks Analyze 0 to 300 ms after
committing its own text, while the rest of the wave is loading, pasting or analyzing (a
click racing the text box's commit on a loaded server; a lost one shows as an error).

Reports the median and 95th percentile of the time from the click to both results drawn,
the errors, and the resident memory of the Streamlit process and its analysis workers (from
/proc) after each wave. The server's output is kept in a log file; a traceback in it (the
server's or a worker's) makes the run fail even if every page looked right.
Targets: 20 concurrent sessions with no errors and p95 under 10 s on 2 cores; after 200
sessions the server within 1.5 GB and flat from session 100 to 200.

    python bench/app_load.py --click-cost 6

one session alone: the CPU one Analyze click costs the browser and the server (with its
analysis workers), and so the least time 20 clicks at once can take on this machine's cores.

    python bench/app_load.py --waiting-cost 10

the CPU a page waiting for a run costs its browser each second, with Streamlit's animated
progress signs and with the app's still ones (a browser without a GPU paints every frame).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "corpus" / "articles"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PLACE = re.compile(r"Varnholm\d+[AB]")
RACE_DELAYS_MS = (0, 0, 50, 100, 300)  # --race: from the last commit to the Analyze click


def paragraphs_of(names: list[str]) -> list[str]:
    out = []
    for name in names:
        body = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8").partition("\n---\n")[2]
        out += [p.strip() for p in body.split("\n\n") if p.strip()]
    return out


SOURCES = {"A": paragraphs_of(["ukraine_wire", "strike_wire", "housing_wire"]),
           "B": paragraphs_of(["ukraine_commentary", "strike_chaos", "housing_oped"])}


def article(session: int, slot: str, words: int) -> tuple[str, str]:
    """About ``words`` words of corpus paragraphs, in an order of the session's own, with a
    place name no other session uses; the text and the place name."""
    place = f"Varnholm{session}{slot}"
    pool = SOURCES[slot]
    out = [f"Residents of {place} met on Monday to discuss the report."]
    count, k = 10, session
    while count < words:
        paragraph = pool[k % len(pool)]
        out.append(paragraph)
        count += len(paragraph.split())
        k += 7
    out.insert(len(out) // 2, f"Officials in {place} said they would respond next week.")
    return "\n\n".join(out), place


def lexicon(session: int) -> bytes:
    return (f"term,category,explanation,alternative\nbenchterm{session},loaded,"
            f"A term of session {session}.,term\n").encode()


def start_server(log: Path | None = None,
                 script: Path = ROOT / "app.py") -> tuple[subprocess.Popen, str]:
    """The app (or another ``script``) on a free port of 127.0.0.1; its output goes to ``log``
    (or nowhere)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script),
         "--server.headless", "true", "--server.address", "127.0.0.1",
         "--server.port", str(port), "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        stdin=subprocess.DEVNULL, stdout=log.open("w") if log else subprocess.DEVNULL,
        stderr=subprocess.STDOUT, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.read().decode().strip() == "ok":
                    return server, url
        except OSError:
            time.sleep(0.25)
    server.kill()
    raise SystemExit("the Streamlit app did not start within 120 seconds")


def family(pid: int) -> list[int]:
    """A process and its descendants (the server and its analysis workers)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rpartition(")")[2].split()[1])
        except (OSError, ValueError, IndexError):
            continue
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        todo += [child for child, parent in parents.items() if parent == current]
    return out


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its descendants, in MB (the pages a forked worker
    shares with the server count twice, so this is an upper bound)."""
    total = 0.0
    for member in family(pid):
        try:
            lines = Path(f"/proc/{member}/status").read_text().splitlines()
        except OSError:
            continue
        total += sum(int(line.split()[1]) / 1024 for line in lines if line.startswith("VmRSS:"))
    return total


class Gate:
    """Holds every session of a wave until all are ready (or failed), so that they press
    Analyze together: the analyses run at the same time, not one after another."""

    def __init__(self, count: int) -> None:
        self.waiting = count
        self.open = asyncio.Event()

    def arrive(self) -> None:
        self.waiting -= 1
        if self.waiting <= 0:
            self.open.set()


def _stat_cpu_seconds(stat: str) -> float:
    """User and system CPU time in a /proc/PID/stat line, with that of the children the
    process has reaped (utime, stime, cutime, cstime), in seconds."""
    fields = stat.rpartition(")")[2].split()
    return sum(map(int, fields[11:15])) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """CPU time of a process and its living descendants, with that of the children they
    have reaped, in seconds."""
    total = 0.0
    for member in family(pid):
        try:
            total += _stat_cpu_seconds(Path(f"/proc/{member}/stat").read_text())
        except OSError:
            continue
    return total


def browser_cpu_seconds() -> float:
    """CPU time of every Chromium process on the machine, in seconds (the browsers share the
    two cores with the server here; in use they are the readers'). The reaped children's time
    counts too: a closed page's renderer has exited by the time a wave is measured, and
    without it a session's share looked a third of what it is."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        if "chrom" in text[text.find("(") + 1:text.rfind(")")].lower():
            total += _stat_cpu_seconds(text)
    return total


async def idle(page, timeout_ms: int) -> None:
    """Wait until the app has finished its run (Streamlit's "Running" sign is gone)."""
    from playwright.async_api import expect

    await expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=timeout_ms)


async def _what_is_shown(page) -> str:
    try:
        shown = [" ".join(t.split())[:60] for t in
                 await page.locator(".fr-article").all_inner_texts()]
        boxes = [" ".join(v.split())[:60] for v in await page.locator(
            'textarea[aria-label^="Article"]').evaluate_all("els => els.map(e => e.value)")]
        return f"; articles shown: {shown}; text boxes: {boxes}"
    except Exception as error:  # noqa: BLE001 - a diagnosis must not hide the failure
        return f"; (could not read the page: {type(error).__name__})"


async def one_session(browser, url: str, session: int, words: int, with_lexicon: bool,
                      timeout_ms: int, gate: Gate, race: bool = False) -> dict:
    from playwright.async_api import expect

    result = {"session": session, "seconds": None, "error": ""}
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(timeout_ms)
    context.set_default_navigation_timeout(timeout_ms)
    arrived, step = False, "open the page"
    try:
        page = await context.new_page()
        await page.goto(url)
        articles = page.locator(".fr-article")
        await expect(articles.nth(1)).to_be_visible(timeout=timeout_ms)  # the example
        if with_lexicon:
            step = "upload a lexicon"
            name = f"lexicon_{session}.csv"
            await page.locator('[data-testid="stSidebar"] input[type="file"]').set_input_files(
                files=[{"name": name, "mimeType": "text/csv", "buffer": lexicon(session)}])
            await expect(page.get_by_text(f"from {name} in use")).to_be_visible(
                timeout=timeout_ms)
        places = {}
        step = "paste two articles"
        for k, slot in enumerate("AB"):
            box = page.locator(f'textarea[aria-label="Article {slot}"]')
            for _ in range(max(1, timeout_ms // 10_000)):
                # a click while the page is still running after the upload can be lost
                await idle(page, timeout_ms)
                await page.get_by_text("Paste text").nth(k).click()
                try:
                    await expect(box).to_be_visible(timeout=10_000)
                    break
                except AssertionError:
                    continue
            await expect(box).to_be_visible(timeout=timeout_ms)
            text, places[slot] = article(session, slot, words)
            await box.fill(text)
            await box.press("Control+Enter")  # commit the text, as leaving the box does
        if race:  # Analyze right after the text box's commit, while others are running
            gate.arrive()
            arrived = True
            await page.wait_for_timeout(random.Random(session).choice(RACE_DELAYS_MS))
        else:
            await page.wait_for_timeout(500)
            gate.arrive()
            arrived = True
            await gate.open.wait()
        started = time.perf_counter()
        step = "analyze"
        await page.get_by_role("button", name="Analyze").click()
        for k, slot in enumerate("AB"):
            await expect(articles.nth(k)).to_contain_text(places[slot], timeout=timeout_ms)
        result["seconds"] = time.perf_counter() - started
        shown = set(PLACE.findall(" ".join(await articles.all_inner_texts())))
        if shown != set(places.values()):
            result["error"] = f"places shown {sorted(shown)}, expected {sorted(places.values())}"
        errors = await page.get_by_test_id("stException").count() + await page.get_by_test_id(
            "stAlertContentError").count()
        if errors:
            result["error"] += f" {errors} error message(s) on the page"
    except Exception as error:  # a timeout or a page that broke: count it, go on
        result["error"] = (f"{step}: {type(error).__name__}: "
                           f"{str(error).splitlines()[0][:200]}")
        if step == "analyze":  # what the page shows instead, to tell why
            result["error"] += await _what_is_shown(page)
    finally:
        if not arrived:
            gate.arrive()
        await context.close()
    return result


async def run(args) -> int:
    from playwright.async_api import async_playwright

    log = Path(tempfile.mkdtemp(prefix="framing-app-load-")) / "server.log"
    server, url = start_server(log)
    results, memory, used, browsing = [], [("started", 0, rss_mb(server.pid))], [], []
    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            # One page load first, untimed: the model is read (or trained after a code
            # change) and the example analyzed, as on a server that has been up a while.
            context = await browser.new_context()
            page = await context.new_page()
            await page.goto(url)
            await page.locator(".fr-article").nth(1).wait_for(timeout=args.timeout * 1000)
            await context.close()
            memory.append(("warmed up", 0, rss_mb(server.pid)))
            for wave in range(args.waves):
                first = wave * args.sessions
                started, cpu = time.perf_counter(), cpu_seconds(server.pid)
                browsers = browser_cpu_seconds()
                gate = Gate(args.sessions)
                done = await asyncio.gather(*(
                    one_session(browser, url, first + k, args.words, args.lexicons,
                                args.timeout * 1000, gate, args.race)
                    for k in range(args.sessions)))
                results += done
                memory.append((f"wave {wave + 1}", len(results), rss_mb(server.pid)))
                used.append((cpu_seconds(server.pid) - cpu) / args.sessions)
                browsing.append((browser_cpu_seconds() - browsers) / args.sessions)
                times = [r["seconds"] for r in done if r["seconds"] is not None]
                failed = [r for r in done if r["error"]]
                print(f"wave {wave + 1}: {len(done)} sessions in "
                      f"{time.perf_counter() - started:.0f} s, median "
                      f"{statistics.median(times) if times else float('nan'):.1f} s, "
                      f"{len(failed)} with errors, server RSS {memory[-1][2]:.0f} MB, "
                      f"server CPU {used[-1]:.2f} s and browsers' {browsing[-1]:.2f} s per "
                      "session, "
                      f"load {os.getloadavg()[0]:.1f}", flush=True)
                for r in failed:
                    print(f"  session {r['session']}: {r['error']}", flush=True)
            await browser.close()
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    times = sorted(r["seconds"] for r in results if r["seconds"] is not None)
    failed = [r for r in results if r["error"]]
    print()
    lexicons = "a lexicon of its own each" if args.lexicons else "no custom lexicon"
    print(f"{len(results)} sessions ({args.waves} wave(s) of {args.sessions} at once), "
          f"{args.words}-word articles, {lexicons}; {len(failed)} with errors")
    if times:
        p95 = times[min(len(times) - 1, round(0.95 * len(times) + 0.5) - 1)]
        print(f"click to both results drawn: median {statistics.median(times):.1f} s, "
              f"p95 {p95:.1f} s, max {times[-1]:.1f} s (target p95 < 10 s)")
    if used:
        print(f"server and workers' CPU per session (page load, lexicon, two pastes, "
              f"Analyze): median {statistics.median(used):.2f} s; the browsers' (Chromium on "
              f"the same cores): median {statistics.median(browsing):.2f} s")
    print("server RSS (with its analysis workers): "
          + ", ".join(f"{label} ({n} sessions) {mb:.0f} MB" for label, n, mb in memory))
    # A traceback in the server (or a worker) is an error even if every page looked right.
    tracebacks = log.read_text(errors="replace").count("Traceback (most recent call last)")
    print(f"server log {log}: {tracebacks} traceback(s)")
    return 1 if failed or tracebacks else 0


def click_cost(runs: int, words: int) -> int:
    """One session alone: for each Analyze click (two new articles), the time until both are
    drawn and the CPU it cost the browser and the server (with its workers); 20 sessions at
    once need about 20 times that CPU from the machine's cores."""
    from playwright.sync_api import expect, sync_playwright

    server, url = start_server()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            articles = page.locator(".fr-article")
            expect(articles.nth(1)).to_be_visible(timeout=120_000)
            for k in range(2):
                page.get_by_text("Paste text").nth(k).click()
            costs = []
            for run in range(runs):
                places = []
                for slot in "AB":
                    box = page.locator(f'textarea[aria-label="Article {slot}"]')
                    expect(box).to_be_visible()
                    text, place = article(1000 + run, slot, words)
                    places.append(place)
                    box.fill(text)
                    box.press("Control+Enter")
                page.wait_for_timeout(1500)  # the edits reach the server; everything idle
                browsers, served = browser_cpu_seconds(), cpu_seconds(server.pid)
                started = time.perf_counter()
                page.get_by_role("button", name="Analyze").click()
                for k, place in enumerate(places):
                    expect(articles.nth(k)).to_contain_text(place, timeout=60_000)
                seconds = time.perf_counter() - started
                page.wait_for_timeout(1000)  # let the page settle before reading CPU
                costs.append((seconds, browser_cpu_seconds() - browsers,
                              cpu_seconds(server.pid) - served))
                print(f"click {run + 1}: drawn in {seconds:.2f} s; CPU of the browser "
                      f"{costs[-1][1]:.2f} s, of the server and its workers {costs[-1][2]:.2f} s",
                      flush=True)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    later = costs[1:] or costs  # the first click also warms the page's components
    browser_cpu = statistics.median(c[1] for c in later)
    server_cpu = statistics.median(c[2] for c in later)
    print(f"median of clicks 2-{runs}: drawn in {statistics.median(c[0] for c in later):.2f} s, "
          f"browser CPU {browser_cpu:.2f} s, server and workers {server_cpu:.2f} s; "
          f"20 clicks at once on {os.cpu_count()} cores need at least "
          f"{20 * (browser_cpu + server_cpu) / (os.cpu_count() or 1):.1f} s with the browsers "
          f"on the same machine, {20 * server_cpu / (os.cpu_count() or 1):.1f} s without")
    return 0


def app_constant(name: str) -> str:
    """A string constant of app.py, read from its source (importing it would run the app)."""
    import ast

    for node in ast.parse((ROOT / "app.py").read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise SystemExit(f"app.py has no constant {name}")


WAITING_SCRIPT = """import time, streamlit as st
{style}st.write("ready")
if st.button("Go"):
    with st.spinner("Analyzing..."):
        time.sleep(30)
"""


def waiting_cost(pages: int) -> int:
    """The CPU a page costs its browser each second while it waits for a run: a one-button
    script that sleeps under `st.spinner`, with Streamlit's animated signs and with the app's
    still ones (app.py's STILL_SIGNS), ``pages`` pages at a time."""
    from playwright.sync_api import expect, sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="framing-waiting-"))
    kinds = {"Streamlit's animated signs": "",
             "the app's still signs": f"st.html({app_constant('STILL_SIGNS')!r})\n"}
    for kind, style in kinds.items():
        script = folder / "waiting.py"
        script.write_text(WAITING_SCRIPT.format(style=style), encoding="utf-8")
        server, url = start_server(script=script)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                shown = []
                for _ in range(pages):
                    page = browser.new_page()
                    page.goto(url)
                    expect(page.get_by_text("ready")).to_be_visible(timeout=60_000)
                    shown.append(page)
                page.wait_for_timeout(2000)
                before = browser_cpu_seconds()
                page.wait_for_timeout(10_000)
                resting = (browser_cpu_seconds() - before) / 10 / pages
                for page in shown:
                    page.get_by_role("button", name="Go").click()
                for page in shown:
                    expect(page.get_by_test_id("stSpinner")).to_be_visible(timeout=60_000)
                page.wait_for_timeout(2000)
                before = browser_cpu_seconds()
                page.wait_for_timeout(10_000)
                waiting = (browser_cpu_seconds() - before) / 10 / pages
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
        print(f"{kind}: {waiting:.3f} CPU-s per second per waiting page "
              f"({resting:.3f} at rest), {pages} page(s)", flush=True)
    return 0


def in_process(sessions: int, words: int, every: int = 20) -> int:
    """Memory without a browser: ``sessions`` AppTest sessions one after another in this
    process, each with a lexicon and two articles of its own, sharing the app's caches as the
    sessions of one server do. Prints this process's RSS every ``every`` sessions."""
    from streamlit.testing.v1 import AppTest

    own = os.getpid()
    print(f"start: RSS {rss_mb(own):.0f} MB", flush=True)
    failed, started = 0, time.perf_counter()
    for session in range(sessions):
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600).run()
        for slot in "AB":
            app.radio(key=f"source_{slot}").set_value("Paste text")
        app.run()
        app.sidebar.file_uploader(key="lexicon").set_value(
            (f"lexicon_{session}.csv", lexicon(session), "text/csv"))
        places = {}
        for slot in "AB":
            text, places[slot] = article(session, slot, words)
            app.text_area(key=f"text_{slot}").input(text)
        app.button(key="analyze").click().run()
        html = "".join(m.value for m in app.markdown)
        if app.exception or app.error or set(PLACE.findall(html)) != set(places.values()):
            failed += 1
            print(f"  session {session}: exception {app.exception}, errors {app.error}",
                  flush=True)
        del app
        if (session + 1) % every == 0:
            print(f"{session + 1} sessions: RSS {rss_mb(own):.0f} MB "
                  f"({time.perf_counter() - started:.0f} s)", flush=True)
    print(f"{sessions} AppTest sessions, each with its own lexicon and two {words}-word "
          f"articles; {failed} failed")
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20, help="sessions at once (a wave)")
    parser.add_argument("--waves", type=int, default=1, help="waves, one after the other")
    parser.add_argument("--words", type=int, default=1500, help="words per pasted article")
    parser.add_argument("--lexicons", action="store_true",
                        help="each session uploads a lexicon of its own first")
    parser.add_argument("--timeout", type=int, default=300, help="seconds a step may take")
    parser.add_argument("--race", action="store_true",
                        help="each session clicks Analyze 0-300 ms after committing its own "
                             "text, without waiting for the others (a click racing the text "
                             "box's commit on a loaded server)")
    parser.add_argument("--in-process", type=int, default=0, metavar="N",
                        help="instead: N AppTest sessions in this process, each with its own "
                        "lexicon, and the process's memory every 20 (no browser, no server)")
    parser.add_argument("--click-cost", type=int, default=0, metavar="N",
                        help="instead: one session, N Analyze clicks, the CPU each costs the "
                        "browser and the server")
    parser.add_argument("--waiting-cost", type=int, default=0, metavar="PAGES",
                        help="instead: the browser's CPU per second for a page waiting on a "
                        "run, with Streamlit's animated signs and with the app's still ones")
    args = parser.parse_args()
    if args.waiting_cost:
        return waiting_cost(args.waiting_cost)
    if args.click_cost:
        return click_cost(args.click_cost, args.words)
    if args.in_process:
        return in_process(args.in_process, args.words)
    if not os.path.exists(CHROMIUM):
        print(f"skipped: {CHROMIUM} is not installed (apt-get install chromium)")
        return 0
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
