"""framing: compare how news articles frame a story, sentence by sentence.

Run with ``streamlit run app.py``. This file only lays out and renders what the ``framing``
package computes; the Analyzer is cached for the session's server (``st.cache_resource``) and
reports are cached by their input (``st.cache_data``).
"""

from __future__ import annotations

import importlib.machinery

# Streamlit (and AppTest) runs this file as a module named __main__ without a spec, and any
# process multiprocessing starts from then on (a Dask worker, say) would run the whole file
# again to rebuild it. A spec named __main__ says there is nothing to rebuild. Set first, so
# the window before it is short; the app's own workers do not depend on it
# (framing.workers starts them with a __main__ of its own).
__spec__ = importlib.machinery.ModuleSpec("__main__", None)

import hashlib
import json
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from framing import FramingError
from framing.analyzer import Analyzer, AnalyzerPool
from framing.compare import CompareError, and_list, compare
from framing.export import (
    COMPARISON_FILES,
    actors_frame,
    articles_frame,
    comparison_json,
    report_json,
    sentences_frame,
    to_csv_bytes,
)
from framing.ingest import article_from_bytes, article_from_pasted, fetch_url
from framing.lexicon import read_lexicon
from framing.render import (
    ALL_CATEGORIES,
    CATEGORY_LABELS,
    STYLE,
    article_html,
    handout_html,
    headlines_html,
    legend_html,
    pairs_html,
    score_parts_html,
    why_html,
)
from framing.views import (
    OTHER_SOURCES,
    article_name,
    difference_caption,
    explorer_table,
    filter_explorer,
    frame_table,
    headline_metrics,
    is_web_address,
    markdown_text,
    metrics_table,
    short_text_note,
    sources_table,
    term_category_table,
    url_with_scheme,
    voice_opinion_table,
)
from framing.workers import AnalysisWorkers

CORPUS = Path(__file__).parent / "corpus" / "articles"
# The example each slot starts on: three tellings of one story. The example corpus has no
# fourth telling of it, so D starts empty on "Paste text" rather than on another story.
EXAMPLES = ("ukraine_wire", "ukraine_commentary", "ukraine_seed", None)
SLOTS = ("A", "B", "C", "D")
COUNTS = (2, 3, 4)
SOURCES = ("Example", "Paste text", "Upload a file", "Fetch a URL")
STALE = "The inputs changed since these results: press Analyze to update them."
SOURCES_SHOWN = 8  # the sources chart names this many and sums the rest
CUSTOM_ANALYZERS = 4  # Analyzers with an uploaded lexicon kept for reuse (about 15 MB each)
REPORTS_KEPT = 32  # analyzed articles kept for reruns and other sessions (by content)
REPORTS_TTL = "1h"
READING_HINT = ("Hover over a highlighted sentence or an underlined word to see why it is "
                "marked; on a phone or with the keyboard, open “Why each mark, in plain "
                "words” under each article.")
LEXICON_MAX_MB = 1  # a lexicon of 20,000 rows is under 1 MB; articles may be 10 MB

st.set_page_config(page_title="framing: how articles frame a story", layout="wide")
# Still progress signs on both pages: "Running…" beside Streamlit's Stop button instead of
# its animated figure, and the spinners' text without their turning wheel. A browser that
# draws without a GPU (a school laptop, a headless browser) repaints for every frame of an
# animation: 0.07-0.08 s of CPU per second per waiting page, 0.02-0.03 with these
# (`python bench/app_load.py --waiting-cost 10`; docs/benchmarks.md, "Still progress signs").
STILL_SIGNS = (
    "<style>[data-testid='stStatusWidgetRunningIcon'], [data-testid='stSpinner'] "
    "span:has(> [data-testid='stSpinnerIcon']) {display: none;} [data-testid='stStatusWidget'] "
    "> div:has(> [data-testid='stStatusWidgetRunningIcon'])::before {content: 'Running…'; "
    "font-size: 0.875rem; opacity: 0.6; white-space: nowrap; margin-right: 0.5rem;}</style>")
st.html(STILL_SIGNS)


# --------------------------------------------------------------------------- cached work


@st.cache_resource(show_spinner="Loading the analyzer…")
def analyzers() -> AnalyzerPool:
    """The shipped Analyzer and a few with uploaded lexicons, shared by every session; at
    most CUSTOM_ANALYZERS of the latter are kept (least recently used dropped)."""
    pool = AnalyzerPool(size=CUSTOM_ANALYZERS)
    _ = pool.base
    return pool


def get_analyzer() -> Analyzer:
    """The shared Analyzer with the shipped lexicons (the Corpus page uses it too)."""
    return analyzers().base


@st.cache_resource(show_spinner=False)
def workers() -> AnalysisWorkers:
    """Worker processes for the analyses (one per core, FRAMING_APP_WORKERS to change; 0 runs
    them in the server): the server's one interpreter then only lays out results, so many
    sessions analyzing at once use every core."""
    count = os.environ.get("FRAMING_APP_WORKERS", "").strip()
    return AnalysisWorkers(analyzers(), int(count) if count.isdigit() else None)


# Keyed by the request and the lexicon's digest (the lexicon text itself, underscored, is not
# hashed again); bounded in number and age, so memory stays flat however many sessions come.
@st.cache_data(show_spinner=False, max_entries=REPORTS_KEPT, ttl=REPORTS_TTL)
def analyze_request(request: tuple, lexicon_digest: str, _lexicon_text: str):
    slot, source, value, filename, title, outlet = request
    # No id of the app's own: an article keeps the one the library gives it (the file's name,
    # the address's last part, or "text-" and a hash), as on the command line.
    meta = {"title": title, "outlet": outlet}
    # Reading a file or a page is work too, so it runs in the worker (a function to call);
    # a URL is fetched here (waiting on the network holds no worker), then analyzed there.
    if source == "Example":
        # read here (a few KB) and named as in the repository, so no export shows where
        # the server keeps it
        job = partial(article_from_bytes, (CORPUS / f"{value}.txt").read_bytes(),
                      f"corpus/articles/{value}.txt")
    elif source == "Paste text":  # (read as a file of it: a whole page pasted is HTML)
        job = partial(article_from_pasted, value, **meta)
    elif source == "Upload a file":
        job = partial(article_from_bytes, value, filename, **meta)
    else:
        # A visitor must not make the server read its own network: ports 80 and 443 only,
        # public addresses unless the deployment sets FRAMING_ALLOW_PRIVATE_HOSTS=1.
        private = os.environ.get("FRAMING_ALLOW_PRIVATE_HOSTS", "") == "1"
        job = fetch_url(value.strip(), default_ports_only=True, allow_private_hosts=private,
                        allow_hint="", **{k: v for k, v in meta.items() if v})
    return workers().analyze(job, _lexicon_text)


def corpus_names() -> list[str]:
    return sorted(p.stem for p in CORPUS.glob("*.txt"))


# --------------------------------------------------------------------------- kept inputs
# Streamlit drops a widget's value at the end of a run that does not draw it: on the other
# page, or in a slot that "Articles to compare" hides. So every input also keeps its value
# under a key of its own (a widget's on_change writes it there), and each widget is drawn
# with the value kept for it; the analysis reads the kept values. (Setting the widgets' own
# keys again on every run would keep them too, but would send the browser each value on
# every run, over what the visitor may be typing in another box.) The Corpus page keeps its
# store choice here too.


def kept() -> dict:
    """The inputs' values as the visitor last set them, by widget key."""
    return st.session_state.setdefault("kept_inputs", {})


def remember(key: str) -> None:
    """on_change of an input: keep its new value."""
    kept()[key] = st.session_state[key]


def remember_file(key: str) -> None:
    """on_change of a file uploader: keep the file (its name and bytes), or forget it when
    the visitor removes it. A page switch empties the uploader without calling this."""
    upload = st.session_state[key]
    kept()[key] = None if upload is None else (upload.name, upload.getvalue())


def kept_file_note(key: str) -> None:
    """Under an uploader: the file in use. Once the uploader has been hidden (another page,
    another source) it shows no file, though the browser may still send the old one: the
    note says which file the page reads."""
    chosen = kept().get(key)
    if chosen is not None:
        st.caption(f"In use: {markdown_text(chosen[0])}. Choose another file to replace it.")


def input_default(key: str):
    name, _, slot = key.rpartition("_")
    if key == "count":
        return COUNTS[0]
    example = EXAMPLES[SLOTS.index(slot)]
    if name == "source":
        return "Example" if example else "Paste text"
    if name == "example":
        return example or corpus_names()[0]
    return None if name == "upload" else ""


INPUT_KEYS = ("count", *(f"{name}_{slot}" for slot in SLOTS for name in (
    "source", "example", "text", "upload", "url", "title", "outlet")))


def current_inputs() -> dict:
    """Every input of the page, as kept (or its default)."""
    values = kept()
    return {key: values[key] if key in values else input_default(key) for key in INPUT_KEYS}


def keep_choices(keys) -> None:
    """Set again, through the session state, the choices of widgets this run may not draw
    (the Corpus page's closed tabs, or the whole page while the Compare page shows), so
    Streamlit does not forget them. Only for choices made by picking: a widget set this way
    is sent its value on every run, over whatever is being typed into it."""
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


# The Compare page's open tab and Sentences filters, kept across its tabs and across pages.
COMPARE_CHOICES = ("view", "f_article", "f_voice", "f_label", "f_category", "f_frame")
# The Corpus page's choices, kept across its tabs and across pages (see keep_choices).
CORPUS_CHOICES = ("corpus_view", "corpus_metric", "corpus_outlet_a", "corpus_outlet_b",
                  "corpus_sources_outlet", "corpus_story", "corpus_f_outlet",
                  "corpus_f_story", "corpus_f_voice", "corpus_f_label", "corpus_f_category",
                  "corpus_f_frame", "corpus_f_search", "corpus_page")
CORPUS_PICK = "corpus_pick_"  # + a story's id: the articles of that story picked to compare


def corpus_choices() -> list[str]:
    """CORPUS_CHOICES, and the articles picked in each story opened so far."""
    return [*CORPUS_CHOICES, *(key for key in st.session_state
                               if str(key).startswith(CORPUS_PICK))]


def index_in(options, key: str) -> int:
    """The position of an input's kept value among its options (its default's if gone)."""
    value = current_inputs()[key]
    return list(options).index(value if value in options else input_default(key))


# --------------------------------------------------------------------------- sidebar


def lexicon_input(applies: str = "") -> tuple[str, str]:
    """The sidebar's custom lexicon, kept across pages (both use it): its uploader and what
    it says of the file (how many entries are in use, or why none are). Returns the lexicon's
    digest and its text, both "" without a usable one. ``applies`` ends the uploader's help
    (what the lexicon is used for on that page)."""
    values = kept()
    with st.sidebar:
        st.file_uploader(
            "Custom lexicon (CSV)", type=["csv"], key="lexicon", max_upload_size=LEXICON_MAX_MB,
            on_change=remember_file, args=("lexicon",),
            help="Rows with term,category and optionally explanation,alternative,pos,inflect,"
            "forms,strength add to the shipped lexicons or replace entries with the same term "
            "and category. A row of category place or organization names a town, club or "
            "company of your own (Marlowe,place), so it is not read as a person; a row of "
            "category person gives a person's other names (Benjamin Netanyahu,person,Bibi). "
            f"Up to {LEXICON_MAX_MB} MB.{applies}")
    lexicon_text = digest = ""
    upload = values.get("lexicon")  # (name, bytes), kept across pages; named below
    if upload is not None and len(upload[1]) > LEXICON_MAX_MB * 1_000_000:
        st.sidebar.error(f"{markdown_text(upload[0])}: file is {len(upload[1]) / 1e6:.1f} MB; "
                         "the limit for "
                         f"a lexicon is {LEXICON_MAX_MB} MB")
    elif upload is not None:
        name, data = upload
        try:
            lexicon_text = data.decode("utf-8-sig")
            entries = read_lexicon(name, text=lexicon_text)
            digest = hashlib.sha256(lexicon_text.encode()).hexdigest()
            noun = "entry" if len(entries) == 1 else "entries"
            st.sidebar.success(f"{len(entries)} {noun} from {markdown_text(name)} in use.")
        except UnicodeDecodeError:
            st.sidebar.error(f"{markdown_text(name)}: not UTF-8 text; save the lexicon as "
                             "UTF-8 CSV")
            lexicon_text = ""
        except FramingError as error:
            st.sidebar.error(markdown_text(error))
            lexicon_text = ""
    return digest, lexicon_text


def sidebar() -> tuple[float, tuple[str, ...], str, str]:
    st.sidebar.header("Settings")
    values = kept()
    width = st.sidebar.slider(
        "Borderline band", 0.0, 0.25, values.get("borderline", 0.10), 0.01, key="borderline",
        on_change=remember, args=("borderline",),
        help="Sentences whose opinion score lies this close to the model's threshold are "
        "outlined as borderline: the model is unsure.")
    chosen = st.sidebar.multiselect(
        "Term categories to show", ALL_CATEGORIES,
        default=values.get("categories", list(ALL_CATEGORIES)),
        format_func=lambda c: CATEGORY_LABELS[c], key="categories",
        on_change=remember, args=("categories",))
    digest, lexicon_text = lexicon_input()
    with st.sidebar.expander("About the scores"):
        st.markdown(ABOUT)
    return width, tuple(chosen), digest, lexicon_text


ABOUT = """
**Voice.** Each sentence is the author's own words, *reported speech* ("Putin said that …",
"according to Kyiv") or a *direct quote*. A quoted or reported opinion is reporting: holding a
view is not the same as reporting one.

**Opinion or reporting.** A model trained on sentences we wrote and labeled decides from cues
in the author's own words: hedges and predictions, judgment words, intensifiers, questions,
calls to act, first person, loaded terms. Hover over a sentence to see the cues behind its
label and its score (a calibrated probability). Dashed outline: borderline, the model is
unsure. It is right about three times in four on other people's labeled news sentences; it
errs most on sentences that state a judgment in plain words.

**Loaded terms** are matched from our lexicons; hover for why each is loaded and a neutral
alternative. Dotted underline: the word is a speaker's, inside a quote or reported speech.
Words marked "often used descriptively" can be fair in context.

The figures above each article: **Opinion**, the share of the body sentences that are the
author's own opinion (as the summary and the framing score count it); **Loaded/1k**, loaded
terms per 1,000 words, in the author's own words only; **Quoted**, the share of body words
inside quotation marks; **Sources**, the people, places and organizations named as quoted or
reported; **Score**, the framing score.

**Framing score** (0–100) adds seven parts, each shown under its article: opinion share of the
body (30), author's loaded terms (25), certainty markers (10), loaded verbs of saying (10), few
named sources (10), scare quotes (5), a headline loaded beyond its body (10). It summarizes how
much an article frames rather than reports; it cannot see what an article leaves out, and a
signed opinion column is meant to score high. Its 90 % interval (shown with the score) comes
from resampling the article's body sentences: a short article has a wide interval.

**How sure a comparison is.** Every difference in "In short" and in the metrics table carries
its confidence. Rates per 1,000 words are compared with an exact test on the counts (two
Poisson rates); shares, the framing score and the most common frames with a bootstrap over
sentences. A difference is
*clear* when its 90 % interval leaves out zero; otherwise the summary says a difference this
size is common by chance instead of naming a winner. This measures chance within the words
read, not whether the measure itself is right, and a few loaded words make a noisy count.

**Frames** are the 15 dimensions of the Media Frames Corpus, found from cue words.
**Alignment** pairs sentences of two articles that report the same fact by their shared
content words, names and numbers.
"""


# --------------------------------------------------------------------------- inputs


# Two fragments: choosing a source or typing reruns only the inputs, and Analyze (or another
# tab) only the results, not the sidebar and the inputs again. On a busy server each element
# sent reaches the browser on its own and is drawn on its own: a click sends a page 52
# messages instead of 84-91, in one run instead of two (docs/benchmarks.md).
@st.fragment
def inputs() -> None:
    count = st.radio("Articles to compare", COUNTS, index=index_in(COUNTS, "count"),
                     horizontal=True, key="count", on_change=remember, args=("count",))
    for column, slot in zip(st.columns(count), SLOTS):
        with column:
            st.markdown(f"**Article {slot}**")
            source = st.radio(f"Source of article {slot}", SOURCES,
                              index=index_in(SOURCES, f"source_{slot}"), key=f"source_{slot}",
                              on_change=remember, args=(f"source_{slot}",),
                              horizontal=True, label_visibility="collapsed")
            values = current_inputs()
            if source == "Example":
                names = corpus_names()
                st.selectbox(f"Example article {slot}", names,
                             index=index_in(names, f"example_{slot}"), key=f"example_{slot}",
                             on_change=remember, args=(f"example_{slot}",))
            elif source == "Paste text":
                st.text_area(f"Article {slot}", values[f"text_{slot}"], height=180,
                             key=f"text_{slot}", on_change=remember, args=(f"text_{slot}",),
                             placeholder="Paste the article's text here")
            elif source == "Upload a file":
                st.file_uploader(f"File for article {slot}", type=["txt", "md", "html", "htm"],
                                 key=f"upload_{slot}", on_change=remember_file,
                                 args=(f"upload_{slot}",))
                kept_file_note(f"upload_{slot}")
            else:
                st.text_input(f"Address of article {slot}", values[f"url_{slot}"],
                              key=f"url_{slot}", on_change=remember, args=(f"url_{slot}",),
                              placeholder="https://…")
            if source != "Example":
                with st.expander("Title and outlet (optional)"):
                    for name in ("title", "outlet"):
                        key = f"{name}_{slot}"
                        st.text_input(name.capitalize(), values[key], key=key,
                                      on_change=remember, args=(key,))
    # Results that the inputs no longer describe say so. This fragment does not rerun when
    # Analyze is pressed, so the note carries the inputs' signature in its key, and the
    # results hide the note whose signature is theirs (see results()).
    current = signature(requests_from(current_inputs())[0])
    if current != signature(st.session_state["requests"]):
        with st.container(key=f"stale_{current}"):
            st.warning(STALE)
    # A click that comes before a text box has sent its text reaches the server with it, as
    # a rerun of this fragment: pass it on to the results.
    if st.session_state.get("analyze"):
        st.session_state["clicked"] = True
        st.rerun()


def signature(requests: list[tuple]) -> str:
    """A short digest of what the requests ask for (a file by its bytes' digest)."""
    digest = hashlib.sha256()
    for request in requests:
        for part in request:
            digest.update(hashlib.sha256(part).digest() if isinstance(part, bytes)
                          else repr(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def requests_from(values: dict) -> tuple[list[tuple], list[str]]:
    """The articles the inputs hold (slot, source, value, file name, title, outlet), read from
    the kept inputs (``current_inputs()``), and what is missing. The messages stay under
    Analyze until the next click, as the results do, so they say what that click did."""
    requests, problems = [], []
    for slot in SLOTS[:values["count"]]:
        source = values[f"source_{slot}"]
        value, filename, missing = None, "", "no example was chosen"
        if source == "Example":
            value = values[f"example_{slot}"]
        elif source == "Paste text":
            value = values[f"text_{slot}"] or None
            missing = "no text was pasted"
        elif source == "Upload a file":
            if values[f"upload_{slot}"] is not None:
                filename, value = values[f"upload_{slot}"]
            missing = "no file was chosen (.txt, .md or .html)"
        else:
            # "www.example.com/news" is fetched as https://www.example.com/news
            value = url_with_scheme(values[f"url_{slot}"]) or None
            missing = "no web address was given"
        if value is None or (isinstance(value, str) and not value.strip()):
            problems.append(f"Article {slot} was not analyzed: {missing}.")
        elif source == "Paste text" and is_web_address(value):
            problems.append(f"Article {slot} was not analyzed: the text is a web address; "
                            "choose “Fetch a URL” to read the article it points to, or paste "
                            "the article's text.")
        elif source == "Example":  # an example's title and outlet are its own
            requests.append((slot, source, value, "", "", ""))
        else:
            requests.append((slot, source, value, filename, values[f"title_{slot}"],
                             values[f"outlet_{slot}"]))
    return requests, problems


@st.fragment
def results(width: float, categories: tuple[str, ...], digest: str, lexicon_text: str) -> None:
    """Analyze, the status line and the results: the part of the page a click reruns."""
    passed_on = st.session_state.pop("clicked", False)  # by the inputs, above
    if st.button("Analyze", type="primary", key="analyze") or passed_on:
        st.session_state["requests"], st.session_state["problems"] = requests_from(
            current_inputs())
    for problem in st.session_state.get("problems", ()):  # (kept until the next click, as
        st.error(problem)                                  # the results and their errors)
    # The inputs' note that these results are out of date is hidden once they are not.
    shown = f"st-key-stale_{signature(st.session_state['requests'])}"
    st.html(f"<style>[data-testid=stLayoutWrapper]:has(> .{shown}), .{shown} "
            "{display: none;}</style>")
    analyzed = analyze_all(st.session_state["requests"], digest, lexicon_text)
    if not analyzed:
        return
    labels = [slot for slot, _ in analyzed]
    reports = [report for _, report in analyzed]
    # Lazy tabs: only the open tab runs, so an Analyze click pays for the articles alone and
    # the comparison is computed when its tab (or the export) is opened.
    articles, comparison, sentences, export = st.tabs(
        ["Articles", "Comparison", "Sentences", "Export"], key="view", on_change="rerun")
    if articles.open:
        with articles:
            for column, (slot, report) in zip(st.columns(len(analyzed)), analyzed):
                with column:
                    article_column(slot, report, width, categories,
                                   per_row=3 if len(analyzed) <= 2 else 2)
    if comparison.open:
        with comparison:
            comparison_tab(labels, reports, *comparison_of(reports))
    if sentences.open:
        with sentences:
            sentences_tab(labels, reports)
    if export.open:
        with export:
            export_tab(labels, reports, comparison_of(reports)[0], width, categories)


def analyze_all(requests, digest, lexicon_text):
    """The session's articles, analyzed side by side: each is fetched and handed to the
    workers from a thread of its own, so a session's articles wait in the workers' queue
    together (with many sessions at once, sessions finish one after another instead of all
    at the end) and one visitor's two articles take the time of one."""
    # One line that is always there says what is being done, then how to read the results:
    # a spinner put in and taken out above the results moved the whole page, and on a busy
    # server, where each change reaches the browser on its own, every move redrew it.
    status = st.empty()
    if not requests:
        status.caption("\u00a0")
        return []
    doing = ("Fetching and analyzing" if any(r[1] == "Fetch a URL" for r in requests)
             else "Analyzing")
    slots = [r[0] for r in requests]
    status.caption(f"{doing} article{'s' if len(slots) > 1 else ''} {and_list(slots)}…")
    context = get_script_run_ctx()

    def analyze(request):
        add_script_run_ctx(threading.current_thread(), context)  # st.cache_data needs it
        try:
            return analyze_request(request, digest, lexicon_text), None
        except FramingError as error:
            return None, error

    with ThreadPoolExecutor(len(requests)) as pool:
        outcomes = list(pool.map(analyze, requests))
    reports = []
    for request, (report, error) in zip(requests, outcomes):
        if error is None:
            reports.append((request[0], report))
        else:
            st.error(f"Article {request[0]}: {markdown_text(error)}")
    status.caption(READING_HINT if reports else "\u00a0")
    return reports


# --------------------------------------------------------------------------- views


def article_column(slot, report, width, categories, per_row: int = 3) -> None:
    """One article: its name, details, headline figures (``per_row`` cards a row: two when
    three or four articles make the columns narrow), its highlighted text and, folded under
    it, every mark said in plain words."""
    a = report.article
    # (a title, an outlet and a warning come from the article: shown as text, never markdown)
    st.subheader(f"{slot}. {markdown_text(article_name(report, slot))}")
    details = " · ".join(markdown_text(x) for x in (a.outlet, a.published) if x)
    if details:
        st.caption(details)
    for warning in a.warnings:
        st.warning(markdown_text(warning))
    if short_text_note(report):
        st.warning(short_text_note(report))
    figures = headline_metrics(report)
    for first in range(0, len(figures), per_row):
        for column, (label, value, help_text) in zip(st.columns(per_row),
                                                     figures[first:first + per_row]):
            column.metric(label, value, help=help_text)
    # The score's parts, the legend and the article are one element: on a busy server each
    # element reaches the browser on its own and costs it a layout (see docs/benchmarks.md).
    st.markdown(STYLE + score_parts_html(report) + legend_html(report)
                + article_html(report, categories=categories, borderline_width=width)
                + why_html(report, categories=categories, borderline_width=width),
                unsafe_allow_html=True)


VOICE_COLORS = alt.Scale(
    domain=["author's opinion", "author's reporting", "reported speech", "direct quotation"],
    range=["#f0a030", "#c9ced6", "#4c9a6a", "#3b6fb6"])


# Vega-Lite's category colours without their grey; "other sources" is grey, on top.
PALETTE = ["#4c78a8", "#f58518", "#e45756", "#72b7b2", "#54a24b", "#eeca3b", "#b279a2",
           "#ff9da6", "#9d755d"]


def source_colors(sources: pd.DataFrame) -> alt.Scale:
    named = sorted(set(sources.source) - {OTHER_SOURCES})
    domain = named + ([OTHER_SOURCES] if OTHER_SOURCES in set(sources.source) else [])
    colors = [PALETTE[i % len(PALETTE)] for i in range(len(named))]
    colors += ["#d0d0d0"] * (len(domain) - len(named))
    return alt.Scale(domain=domain, range=colors)


def bar(data: pd.DataFrame, x: str, y: str, color: str, title: str, fmt: str = "",
        scale: alt.Scale | None = None) -> alt.Chart:
    """A stacked bar chart; with a colour scale, the stack follows its domain from the base
    up (the author's opinion at the bottom of the voice chart, where it is easy to compare)."""
    chart = alt.Chart(data, title=title)
    order = alt.Undefined
    if scale is not None:
        domain = json.dumps(list(scale.domain))
        chart = chart.transform_calculate(stack=f"indexof({domain}, datum.{color})")
        order = alt.Order("stack:Q", sort="ascending")
    return chart.mark_bar().encode(
        x=alt.X(f"{x}:N", title=None),
        y=alt.Y(f"sum({y}):Q", title=None, axis=alt.Axis(format=fmt) if fmt else alt.Axis()),
        color=alt.Color(f"{color}:N", title=None, scale=scale or alt.Undefined,
                        sort=scale.domain if scale else alt.Undefined,
                        legend=alt.Legend(labelLimit=320)),  # whole frame names
        order=order,
        tooltip=[x, color, alt.Tooltip(f"{y}:Q", format=fmt or ".2f")],
    ).properties(height=240)


def comparison_of(reports):
    """The comparison of the analyzed articles, or the reason there is none."""
    if len(reports) < 2:
        return None, "Add a second article to compare."
    try:
        return compare(reports), ""
    except CompareError as error:
        return None, str(error)


def comparison_tab(labels, reports, c, problem) -> None:
    if c is None:
        st.info(markdown_text(problem))
        return
    st.subheader("In short")
    st.markdown("\n".join(f"- {markdown_text(line.text)}" for line in c.summary)
                or "No marked differences.")
    left, right = st.columns(2)
    with left:
        st.altair_chart(bar(voice_opinion_table(reports, labels), "article", "share", "part",
                            "Body sentences by voice", ".0%", VOICE_COLORS), width="stretch")
        st.altair_chart(bar(frame_table(reports, labels), "article", "share", "frame",
                            "Frames", ".0%"), width="stretch")
    with right:
        terms = term_category_table(reports, labels)
        if terms["per_1k"].sum() > 0:
            st.altair_chart(bar(terms, "article", "per_1k", "category",
                                "Terms in the author's voice per 1,000 words"), width="stretch")
        else:  # (an empty chart would draw one axis tick, "0.000000")
            st.markdown("**Terms in the author's voice per 1,000 words**")
            st.caption("None: no article uses a flagged term (hedge, intensifier, label, "
                       "loaded term …) in its author's voice.")
        sources = sources_table(reports, labels, top=SOURCES_SHOWN)
        if not sources.empty:
            st.altair_chart(bar(sources, "article", "sentences", "source",
                                "Sentences quoting or reporting each source",
                                scale=source_colors(sources)), width="stretch")
    st.subheader("Metrics side by side")
    st.caption(difference_caption(labels))
    column = st.column_config.TextColumn  # widths in pixels: four articles fit the page
    st.dataframe(metrics_table(c), hide_index=True, height="content", key="metrics_table",
                 column_config={"measure": column(width=320), "beyond noise": column(width=100),
                                "p": column(width=90), **{a: column(width=60) for a in labels}})
    if c.headlines:
        st.subheader("Headlines side by side")
        st.caption("Highlighted: the words a headline uses that no other headline does.")
        st.markdown(STYLE + headlines_html(c), unsafe_allow_html=True)
    st.subheader("The same facts, told differently")
    st.caption("Sentences that report the same fact; highlighted words are the ones the other "
               "article does not use.")
    for a in range(len(reports)):
        for b in range(a + 1, len(reports)):
            n = sum(1 for p in c.pairs if (p.a, p.b) == (a, b))
            with st.expander(f"{labels[a]} and {labels[b]}: {n} aligned sentences",
                             expanded=(a, b) == (0, 1)):
                st.markdown(STYLE + pairs_html(c, a, b), unsafe_allow_html=True)
    st.subheader("What only one article tells")
    gap_columns = st.columns(len(reports))
    for k, column in enumerate(gap_columns):
        with column:
            gaps = [g for g in c.gaps if g.article == k]
            st.markdown(f"**Only in {labels[k]}** ({len(gaps)} sentences)")
            st.dataframe(pd.DataFrame({"sentence": [
                reports[k].sentence_text(reports[k].scores[g.sentence].sentence) for g in gaps]}),
                hide_index=True, key=f"gaps_{k}")
    st.subheader("Loaded terms and actors")
    terms = pd.DataFrame([{"term": t.term, "category": t.category,
                           **{labels[k]: n for k, n in enumerate(t.counts)},
                           "only in": labels[t.unique_to] if t.unique_to is not None else ""}
                          for t in c.terms])
    st.dataframe(terms, hide_index=True, key="terms_table")
    actors = pd.DataFrame([{"actor": x.actor, "kind": x.kind,
                            **{f"quoted in {labels[k]}": x.quoted[k] for k in range(len(labels))},
                            **{f"reported in {labels[k]}": x.attributed[k]
                               for k in range(len(labels))},
                            **{f"verbs in {labels[k]}": x.verbs[k] for k in range(len(labels))}}
                           for x in c.actors])
    st.dataframe(actors, hide_index=True, key="actors_table")


def sentences_tab(labels, reports) -> None:
    table = explorer_table(reports, labels)
    columns = st.columns(5)
    chosen = {
        "articles": columns[0].multiselect("Article", labels, key="f_article"),
        "voices": columns[1].multiselect("Voice", ["author", "attributed", "quoted"],
                                         key="f_voice"),
        "labels": columns[2].multiselect("Label", ["opinion", "reporting"], key="f_label"),
        "categories": columns[3].multiselect("Term category", ALL_CATEGORIES,
                                             format_func=lambda c: CATEGORY_LABELS[c],
                                             key="f_category"),
        "frames": columns[4].multiselect("Frame", sorted(f for f in table["frame"].unique()
                                                         if f), key="f_frame"),
    }
    shown = filter_explorer(table, **chosen)
    st.caption(f"{len(shown)} of {len(table)} sentences")
    st.dataframe(shown.drop(columns=["categories"]), hide_index=True, key="explorer")


def export_tab(labels, reports, c, width, categories) -> None:
    st.caption("A page to print for a class, and the same files as the command line writes; "
               "each is made when you click.")

    def download(label, build, file_name, mime="text/csv"):
        st.download_button(label, build, file_name=file_name, mime=mime,
                           key=f"download_{file_name}", on_click="ignore")

    download("Handout to print (HTML)", lambda: handout_html(
        reports, labels, c, categories=categories, borderline_width=width).encode("utf-8"),
        "framing_handout.html", "text/html")
    download("Sentences (CSV)", lambda: to_csv_bytes(sentences_frame(reports)), "sentences.csv")
    download("Articles (CSV)", lambda: to_csv_bytes(articles_frame(reports)), "articles.csv")
    download("Actors (CSV)", lambda: to_csv_bytes(actors_frame(reports)), "actors.csv")
    if c is not None:
        for name, build in COMPARISON_FILES.items():
            download(f"Comparison: {name} (CSV)", lambda build=build: to_csv_bytes(build(c)),
                     f"compare_{name}.csv")

    def everything() -> bytes:
        out = {"reports": [report_json(r) for r in reports]}
        if c is not None:
            out["comparison"] = comparison_json(c)
        return json.dumps(out, ensure_ascii=False, indent=1).encode("utf-8")

    download("Everything (JSON)", everything, "framing.json", "application/json")


# --------------------------------------------------------------------------- pages


def compare_articles() -> None:
    """The first page: the comparison of two to four articles, laid out below."""


# The Corpus page (app_corpus.py) reuses this file's analyzer and renderers: it runs after
# they are defined, and finds them on this module (Streamlit's __main__).
page = st.navigation([
    st.Page(compare_articles, title="Compare articles", default=True),
    st.Page(Path(__file__).parent / "app_corpus.py", title="Corpus", url_path="Corpus"),
])
page.run()
if page.url_path == "Corpus":
    st.stop()

# --------------------------------------------------------------------------- page

st.title("framing")
st.caption("Where an article reports and where it editorializes, whose voice each sentence "
           "carries, which words do the framing, and how articles on the same story differ. "
           "The example articles are illustrative texts written for the project.")
keep_choices(corpus_choices())  # the Corpus page's, while this page does not draw them
keep_choices(COMPARE_CHOICES)  # this page's own, across its tabs
width, categories, digest, lexicon_text = sidebar()
if "requests" not in st.session_state:  # first visit: the ready example
    st.session_state["requests"] = [
        (slot, "Example", example, "", "", "") for slot, example in zip(SLOTS, EXAMPLES[:2])
    ]
inputs()
results(width, categories, digest, lexicon_text)
