"""The Corpus page of the app: outlets side by side, their stories, trends and sentences, read
from a corpus store with SQL (``framing.corpus.explore`` and ``framing.corpus.outlets``).

``app.py`` registers this file as a page (``st.navigation``) and runs it; the story
comparison reuses app.py's own renderers and cached Analyzer, which this page finds on the
entrypoint module (``__main__``, which Streamlit sets to app.py while it runs).
Nothing here loads every sentence: the explorer reads one page of rows at a time.
"""

from __future__ import annotations

import functools
import math
import os
import sys
import tempfile
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from framing import FramingError
from framing.corpus import explore, voices
from framing.corpus.outlets import (
    EXACT_RANGE_UP_TO,
    aggregate,
    compare_outlets,
    metric_phrases,
)
from framing.corpus.store import writer_at_work
from framing.export import to_csv_bytes
from framing.render import ALL_CATEGORIES, CATEGORY_LABELS
from framing.report import Article
from framing.views import markdown_text, plural

app = sys.modules["__main__"]  # app.py: get_analyzer, comparison_of, article_column, ...
SLOTS = ("A", "B", "C", "D")
STORY_CHOICES = 1000  # stories offered in the pickers (the most covered first)
SOURCES_SHOWN = 20  # named sources listed across the outlets, and for one outlet
UPLOADS = Path(tempfile.gettempdir()) / "framing-uploads"
STORE_SOURCES = ("Example corpus", "A store file", "Upload a file")
# A public deployment (FRAMING_APP_PUBLIC=1) lets no visitor name a file on the server: no
# "A store file" choice, no ?store= link, no server path in what the page says.
PUBLIC = os.environ.get("FRAMING_APP_PUBLIC", "") == "1"
SOURCES = tuple(s for s in STORE_SOURCES if not (PUBLIC and s == "A store file"))
BORDERLINE = 0.10  # the comparison page's default borderline band
# The explorer's columns as a reader scans them: the sentence first after its outlet (the
# title, the same on every row of an article, came before it and hid it off to the right).
EXPLORER_ORDER = ("outlet", "text", "voice", "speaker", "label", "opinion_score", "frame",
                  "title", "published", "story_id", "sentence_index", "article_id")


# --------------------------------------------------------------------------- cached reads
# Keyed by the store's path and its file's (mtime, size) (explore.store_stamp), so a store
# that a running `corpus analyze` changes is read again.


@st.cache_data(show_spinner=False, max_entries=16)
def store_status(path: str, version) -> explore.StoreStatus:
    return explore.store_status(path)


@st.cache_data(show_spinner=False, max_entries=16)
def skipped_rows(path: str, version) -> explore.SkippedRows:
    return explore.skipped_rows(path)


@st.cache_data(show_spinner=False, max_entries=16)
def metric_choices(path: str, version) -> list[str]:
    return explore.metric_choices(path)


@st.cache_data(show_spinner="Computing the outlets' means and intervals…", max_entries=64)
def outlet_aggregates(path: str, version, metric: str) -> pd.DataFrame:
    return aggregate(path, "outlet", metrics=[metric])


@st.cache_data(show_spinner=False, max_entries=16)
def all_outlet_aggregates(path: str, version) -> pd.DataFrame:
    return aggregate(path, "outlet")


@st.cache_data(show_spinner=False, max_entries=16)
def outlet_list(path: str, version) -> pd.DataFrame:
    return explore.outlets(path)


@st.cache_data(show_spinner="Comparing the two outlets…", max_entries=64)
def outlet_difference(path: str, version, a: str, b: str, metric: str):
    return compare_outlets(path, a, b, metrics=[metric])[0]


@st.cache_data(show_spinner=False, max_entries=16)
def sources_across_outlets(path: str, version) -> pd.DataFrame:
    return voices.sources_across_outlets(path, top=SOURCES_SHOWN)


@st.cache_data(show_spinner=False, max_entries=64)
def outlet_sources(path: str, version, outlet: str) -> pd.DataFrame:
    return voices.outlet_sources(path, top=SOURCES_SHOWN, outlet=outlet)


@st.cache_data(show_spinner=False, max_entries=16)
def source_kinds(path: str, version) -> pd.DataFrame:
    return voices.source_kinds(path)


@st.cache_data(show_spinner=False, max_entries=16)
def story_overview(path: str, version) -> pd.DataFrame:
    return explore.story_overview(path)


@st.cache_data(show_spinner=False, max_entries=64)
def story_articles(path: str, version, story_id: int) -> pd.DataFrame:
    return explore.story_articles(path, story_id)


@st.cache_data(show_spinner=False, max_entries=64)
def monthly_means(path: str, version, metric: str) -> pd.DataFrame:
    return explore.monthly_means(path, metric)


@st.cache_data(show_spinner=False, max_entries=16)
def filter_options(path: str, version) -> dict[str, list[str]]:
    return explore.filter_options(path)


@st.cache_data(show_spinner=False, max_entries=4)
def store_lexicons(path: str, version) -> dict[str, tuple]:
    return explore.store_lexicons(path)


@st.cache_data(show_spinner=False, max_entries=64)
def lexicon_fingerprint(path: str, version, ids: tuple[str, ...]) -> str:
    return explore.lexicon_fingerprint(path, ids)


@st.cache_data(show_spinner=False, max_entries=256)
def count_sentences(path: str, version, where: explore.SentenceFilter) -> int:
    return explore.count_sentences(path, where)


@st.cache_data(show_spinner=False, max_entries=256)
def sentence_page(path: str, version, where: explore.SentenceFilter, page: int) -> pd.DataFrame:
    return explore.sentence_page(path, where, page)


@st.cache_data(show_spinner=False, max_entries=32)
def analyze_stored(rows: tuple[tuple[str, str, str, str, str, str], ...], lexicon_text):
    """The full reports of stored articles (id, text, title, outlet, published, url), analyzed
    again at once in the app's worker processes, with the lexicons the store analyzed them
    with (``store_lexicons`` of their ``lexicon_fingerprint``)."""
    futures = [app.workers().submit(Article(text=text, id=article_id, title=title or "",
                                            outlet=outlet or "", url=url or "",
                                            published=published or ""), lexicon_text)
               for article_id, text, title, outlet, published, url in rows]
    return [future.result() for future in futures]


@st.cache_resource(show_spinner=False)
def example_location() -> Path:
    """Where the example store for this server's model and lexicons lives."""
    return explore.example_store_path(app.get_analyzer())


# --------------------------------------------------------------------------- choosing a store


def progress_bar(message: str):
    bar = st.progress(0.0, text=message)
    return bar, lambda text, fraction: bar.progress(min(max(fraction, 0.0), 1.0), text=text)


def example_store() -> Path:
    path = example_location()
    if not path.exists():
        bar, tell = progress_bar("Building the example corpus store (once; about a minute)…")
        explore.example_store(app.get_analyzer(), path.parent, progress=tell)
        bar.empty()
    return path


def uploaded_store(name: str, data: bytes, lexicon_text: str = "") -> Path:
    """The store of an uploaded table, analyzed with the shipped lexicons and the visitor's
    custom lexicon (a table analyzed with another lexicon is another store)."""
    bar, tell = progress_bar(f"Adding and analyzing {name}…")
    try:
        return explore.upload_store(data, name, UPLOADS, app.analyzers().get(lexicon_text),
                                    progress=tell)
    finally:
        bar.empty()


def choose_store() -> tuple[Path | None, str, str]:
    """The store to show, the uploaded table's name when it is an upload ("" for the example
    and for a store file typed by the server's operator), and the custom lexicon's text the
    upload is analyzed with ("" for none)."""
    st.sidebar.header("Corpus store")
    # The choice, the path and the upload are kept with the Compare page's inputs
    # (app.kept()): Streamlit drops a widget's value on a run that does not draw it.
    kept = app.kept()
    linked = None if PUBLIC else st.query_params.get("store")
    if linked and "corpus_source" not in kept:  # /Corpus?store=PATH opens PATH
        kept["corpus_source"] = "A store file"
        kept["corpus_path"] = linked
    chosen = kept.get("corpus_source", SOURCES[0])
    chosen = chosen if chosen in SOURCES else SOURCES[0]
    source = st.sidebar.radio("Store", SOURCES, key="corpus_source",
                              index=SOURCES.index(chosen), label_visibility="collapsed")
    kept["corpus_source"] = source
    if source == "Example corpus":
        st.sidebar.caption("60 fictional articles, written as 13 stories told by 5 fictional "
                           "outlets (corpus/example_corpus), analyzed with the names of their "
                           "towns and clubs (corpus/example_names.csv). The page counts the "
                           "stories that grouping by text alone finds.")
        return example_store(), "", ""
    if source == "A store file":
        typed = st.sidebar.text_input(
            "Store file", kept.get("corpus_path", ""), key="corpus_path",
            placeholder="news.duckdb",
            help="A store made with python -m framing corpus add DB ARTICLES..., then "
            "corpus analyze DB and corpus stories DB.")
        kept["corpus_path"] = typed
        if not typed.strip():
            st.info("Type the path of a store file in the sidebar.")
            return None, "", ""
        return explore.store_path(typed), "", ""
    with st.sidebar:
        st.file_uploader(
            "Table of articles or web archive",
            type=["csv", "tsv", "json", "jsonl", "ndjson", "parquet", "warc", "gz"],
            key="corpus_upload", on_change=app.remember_file, args=("corpus_upload",),
            help="A table with one article per row and a text column (and optionally title, "
            "outlet, published, url), or a web archive (WARC) whose news pages are the "
            "articles; gzipped too (.csv.gz, .warc.gz). Added to a temporary store and "
            "analyzed.")
        app.kept_file_note("corpus_upload")  # the table shown, whatever the uploader shows
    _, lexicon_text = app.lexicon_input(
        " The table is analyzed with it (again when it changes), as with corpus analyze "
        "--lexicon.")
    upload = kept.get("corpus_upload")
    if upload is None:
        st.info("Upload a table of articles with a text column (CSV, TSV, JSON, JSONL or "
                "Parquet) or a web archive (WARC) in the sidebar.")
        return None, "", ""
    return uploaded_store(*upload, lexicon_text), upload[0], lexicon_text


# --------------------------------------------------------------------------- sections


def metric_name(metric: str) -> str:
    phrase = PHRASES.get(metric)
    return f"{metric} — {phrase}" if phrase else metric


def outlets_chart(table: pd.DataFrame, metric: str) -> alt.Chart:
    """One row per outlet: its mean (dot) and 95 % interval (bar; the range of two or three
    articles dashed), most framing on top."""
    data = table.assign(
        row=[f"{o} · {n} article{'s' if n != 1 else ''}"
             for o, n in zip(table["outlet"], table["articles"])],
        interval=table["ci_low"].notna(),
        bar=["range" if 1 < n <= EXACT_RANGE_UP_TO else "95 % interval"
             for n in table["articles"]])
    order = list(data.sort_values("mean", ascending=False)["row"])
    words = PHRASES.get(metric, metric)  # "loaded terms in its own voice per 1,000 words"
    y = alt.Y("row:N", sort=order, title=None, axis=alt.Axis(labelLimit=360))
    base = alt.Chart(data)
    bars = base.transform_filter("datum.interval").mark_rule(strokeWidth=3, color="#9bb3d1") \
        .encode(y=y, x=alt.X("ci_low:Q", title=words), x2="ci_high:Q",
                strokeDash=alt.StrokeDash("bar:N", legend=None, scale=alt.Scale(
                    domain=["95 % interval", "range"], range=[[1, 0], [4, 3]])))
    dots = base.mark_point(size=110, filled=True, opacity=1).encode(
        y=y, x=alt.X("mean:Q", title=words),
        color=alt.Color("interval:N", legend=None,
                        scale=alt.Scale(domain=[True, False], range=["#1f4e8c", "#e45756"])),
        tooltip=["outlet", "articles", alt.Tooltip("mean:Q", format=".3g"),
                 alt.Tooltip("ci_low:Q", format=".3g", title="95 % CI low"),
                 alt.Tooltip("ci_high:Q", format=".3g", title="95 % CI high"), "note"])
    # the chart is fit to its height: room for the title and axis, then a row per outlet
    return (bars + dots).properties(height=90 + 34 * len(data),
                                    title=f"Mean {words}, with its 95 % interval")


def chosen_metric(path: str, version) -> str:
    """The metric chosen under Outlets, else the first."""
    choices = metric_choices(path, version)
    metric = st.session_state.get("corpus_metric")
    return metric if metric in choices else choices[0]




def outlets_section(path: str, version, status: explore.StoreStatus) -> str:
    choices = metric_choices(path, version)
    metric = st.selectbox("Metric", choices, key="corpus_metric", format_func=metric_name)
    table = outlet_aggregates(path, version, metric)
    table = table[table["articles"] > 0]
    if table.empty:
        st.info(f"No article has a value for {markdown_text(metric)}.")
        return metric
    st.altair_chart(outlets_chart(table, metric), width="stretch")
    lonely = list(table.loc[table["articles"] == 1, "outlet"])
    if lonely:
        st.caption(f"{'; '.join(map(markdown_text, lonely))}: only one article, so no interval "
                   "(shown in red).")
    few = list(table.loc[table["articles"].between(2, EXACT_RANGE_UP_TO), "outlet"])
    if few:
        st.caption(f"{'; '.join(map(markdown_text, few))}: two or three articles, so the bar "
                   "(dashed) is their range, no 95 % interval (it holds the mean only about "
                   "half the time): a gap beside it is no sign of a difference.")
    st.caption("Each dot is the outlet's mean over its analyzed articles (wire copies left "
               "out); the bar is a 95 % bootstrap interval: outlets whose solid bars do not "
               "overlap differ beyond noise.")
    compare_section(path, version, metric)
    return metric


def outlet_box(where, label: str, names: list[str], key: str, default: int) -> str:
    """A selectbox of the store's outlets that keeps its choice across tabs and pages (it is
    one of app.CORPUS_CHOICES), the outlet at ``default`` when none is kept or the kept one
    is not in this store. (The default is set through the session state, not as ``index``,
    which Streamlit would warn about beside a kept value.)"""
    if st.session_state.get(key) not in names:
        st.session_state[key] = names[default]
    return where.selectbox(label, names, key=key)


def compare_section(path: str, version, metric: str) -> None:
    names = list(outlet_list(path, version)["outlet"])
    st.subheader("Two outlets compared")
    if len(names) < 2:
        st.info(f"The store has one outlet ({markdown_text(names[0]) if names else 'none'}): "
                "nothing to "
                "compare it with.")
        return
    left, right = st.columns(2)
    a = outlet_box(left, "Outlet A", names, "corpus_outlet_a", 0)
    b = outlet_box(right, "Outlet B", names, "corpus_outlet_b", 1)
    if a == b:
        st.info("Choose two different outlets.")
        return
    try:
        d = outlet_difference(path, version, a, b, metric)
    except FramingError as error:
        st.error(markdown_text(error))
        return
    if d.beyond_noise is None:
        verdict = "**No interval**"
    else:
        verdict = "**Clearly different.**" if d.beyond_noise else "**Not clearly different.**"
    st.markdown(f"{verdict} {markdown_text(d.summary)}")
    st.caption("Paired by story when the outlets share five stories or more: each outlet's "
               "mean per shared story, with the stories resampled, so that a story that is "
               "heated for everyone does not count as a difference between the outlets.")


def sources_section(path: str, version) -> None:
    across = sources_across_outlets(path, version)
    if across.empty:
        st.info("No article of the store quotes or reports a named source.")
        return
    st.caption(f"The {len(across)} named sources quoted or reported in the most body "
               "sentences of the store, and in how many sentences of each outlet (wire copies "
               "left out). These are counts, not tests: one long article can quote a source "
               "many times.")
    st.dataframe(across, hide_index=True, key="corpus_sources", column_config={
        "sentences": st.column_config.NumberColumn("all outlets"),
        "outlets": st.column_config.NumberColumn("outlets", help="outlets that quote or "
                                                 "report the source")})
    names = list(outlet_list(path, version)["outlet"])
    st.subheader("One outlet's sources")
    outlet = outlet_box(st, "Outlet", names, "corpus_sources_outlet", 0)
    kinds = source_kinds(path, version)
    mine = kinds[kinds["outlet"] == outlet]
    if mine.empty:
        st.info(f"{markdown_text(outlet)} quotes or reports no named source.")
        return
    sources, sentences = int(mine["sources"].sum()), int(mine["sentences"].sum())
    st.markdown(f"{markdown_text(outlet)} credits {plural(sources, 'named source')} in "
                f"{plural(sentences, 'body sentence')}: "
                + ", ".join(f"{markdown_text(k.kind)} {k.share:.0%}" for k in mine.itertuples())
                + ".")
    st.dataframe(outlet_sources(path, version, outlet).drop(columns="outlet"), hide_index=True,
                 key="corpus_outlet_sources", column_config={
                     "quoted_sentences": "quoted", "attributed_sentences": "reported",
                     "share": st.column_config.NumberColumn(
                         "share", format="percent",
                         help="its part of the sentences the outlet credits to named sources")})
    st.caption("python -m framing corpus sources DB lists every outlet's, as a table with --out.")


def story_name(overview: pd.DataFrame):
    labels = dict(zip(overview["story_id"], overview["label"]))
    outlets = dict(zip(overview["story_id"], overview["outlets"]))
    return lambda story: (f"{story}. {labels.get(story, '')} ({outlets.get(story, 0)} "
                          f"outlet{'s' if outlets.get(story, 0) != 1 else ''})")


def stories_section(path: str, version, status: explore.StoreStatus) -> None:
    overview = story_overview(path, version)
    if overview.empty:
        st.info("The store has no stories yet: run python -m framing corpus stories "
                f"{markdown_text(path)}")
        return
    if status.unstoried:  # (their outlets are missing from no story: never compared)
        st.warning(markdown_text(status.stories_note() if not PUBLIC
                                 else explore.unstoried_note(status.unstoried)))
    st.caption(f"{len(overview):,} stories, the most covered first. Missing: the store's "
               "outlets that did not cover a story two or more others told (its blind spots). "
               "Spread: the highest framing score of the story's articles minus the lowest.")
    st.dataframe(overview, hide_index=True, key="corpus_stories", height=320, column_config={
        "story_id": st.column_config.NumberColumn("story", width="small"),
        "date": st.column_config.DateColumn("first date"),
        "covered_by": "covered by",
        "score_min": st.column_config.NumberColumn("lowest score", format="%.1f"),
        "score_max": st.column_config.NumberColumn("highest score", format="%.1f"),
        "score_spread": st.column_config.NumberColumn("spread", format="%.1f"),
    })
    offered = list(overview["story_id"][:STORY_CHOICES])
    if len(overview) > STORY_CHOICES:
        st.caption(f"The picker offers the {STORY_CHOICES:,} most covered stories.")
    story = st.selectbox("Open a story", offered, key="corpus_story",
                         format_func=story_name(overview))
    story_comparison(path, version, int(story))


def story_comparison(path: str, version, story: int) -> None:
    articles = story_articles(path, version, story)
    covering = sorted(articles["outlet"].unique())
    names = {row.id: f"{row.outlet}: {row.title or 'untitled article'}"
             + (" (wire copy)" if isinstance(row.duplicate_of, str) else "")
             for row in articles.itertuples()}
    chosen = list(articles["id"])
    lonely = len(covering) < 2
    if lonely:  # nothing to compare, but the story's own account is still worth reading
        st.info(f"Only {markdown_text(covering[0]) if covering else 'one outlet'} covered "
                "this story "
                f"({plural(len(articles), 'article')}): there is no other outlet's account to "
                "compare it with.")
        chosen = chosen[:len(SLOTS)]
    elif len(chosen) > len(SLOTS):
        key = f"{app.CORPUS_PICK}{story}"  # (kept across tabs and pages: app.corpus_choices)
        kept = st.session_state.get(key)
        if not isinstance(kept, list) or not set(kept) <= set(chosen) or len(kept) > len(SLOTS):
            st.session_state[key] = explore.pick_articles(articles, len(SLOTS))
        chosen = st.multiselect(
            f"Articles to compare ({len(articles)} in this story; up to {len(SLOTS)})",
            list(articles["id"]), max_selections=len(SLOTS), format_func=names.get, key=key)
        if len(chosen) < 2:
            st.info("Choose two to four articles to compare.")
            return
    texts = explore.article_texts(path, chosen)
    with st.spinner(f"Analyzing the story's {len(texts)} articles…"):
        reports = analyze_stored(tuple((r.id, r.text, r.title, r.outlet, r.published, r.url)
                                       for r in texts.itertuples()),
                                 store_lexicons(path, version).get(
                                     lexicon_fingerprint(path, version, tuple(chosen)), ()))
    labels = list(SLOTS[:len(reports)])
    st.markdown("  \n".join(f"**{label}**: {markdown_text(names[r.article.id])}"
                            for label, r in zip(labels, reports)))
    if lonely:
        article_columns(labels, reports)
        return
    c, problem = app.comparison_of(reports)
    comparison, articles_tab = st.tabs(["Comparison", "Articles"])
    with comparison:
        app.comparison_tab(labels, reports, c, problem)
    with articles_tab:
        article_columns(labels, reports)


def article_columns(labels: list[str], reports) -> None:
    """The articles side by side, highlighted as on the Compare page."""
    for column, label, report in zip(st.columns(len(reports)), labels, reports):
        with column:
            app.article_column(label, report, BORDERLINE, ALL_CATEGORIES,
                               per_row=3 if len(reports) <= 2 else 2)


def trends_section(path: str, version, metric: str) -> None:
    data = monthly_means(path, version, metric)
    if data.empty:
        st.info("No analyzed article has a publication date: no trend to draw.")
        return
    words = PHRASES.get(metric, metric)
    chart = alt.Chart(data, title=f"Mean {words}, per outlet and month").mark_line(
        point=True).encode(
        x=alt.X("month:T", title=None, axis=alt.Axis(
            format="%b %Y", tickCount={"interval": "month", "step": 1})),
        y=alt.Y("mean:Q", title=words),
        color=alt.Color("outlet:N", title=None, legend=alt.Legend(orient="bottom",
                                                                  columns=3, labelLimit=300)),
        tooltip=["outlet", alt.Tooltip("month:T", format="%B %Y"), "articles",
                 alt.Tooltip("mean:Q", format=".3g")],
    ).properties(height=320)
    st.altair_chart(chart, width="stretch")
    st.caption(f"The metric chosen under Outlets: {metric_name(metric)}. "
               "Each point is the outlet's mean over the articles it published that month "
               "(hover for how many); a month of few articles moves a lot.")


def reset_page() -> None:
    st.session_state["corpus_page"] = 1


@st.fragment
def explorer_section(path: str, version, overview: pd.DataFrame, uploaded: str) -> None:
    options = filter_options(path, version)
    top, bottom = st.columns(4), st.columns(4)
    picked = {
        "outlets": top[0].multiselect("Outlet", options["outlets"], key="corpus_f_outlet",
                                      on_change=reset_page),
        "stories": top[1].multiselect("Story", list(overview["story_id"][:STORY_CHOICES]),
                                      format_func=story_name(overview), key="corpus_f_story",
                                      on_change=reset_page),
        "voices": top[2].multiselect("Voice", options["voices"], key="corpus_f_voice",
                                     on_change=reset_page),
        "labels": top[3].multiselect("Label", options["labels"], key="corpus_f_label",
                                     on_change=reset_page),
        "categories": bottom[0].multiselect(
            "Term category", options["categories"], key="corpus_f_category",
            format_func=lambda c: CATEGORY_LABELS.get(c, c), on_change=reset_page),
        "frames": bottom[1].multiselect("Frame", options["frames"], key="corpus_f_frame",
                                        on_change=reset_page),
    }
    search = bottom[2].text_input("Text contains", key="corpus_f_search", on_change=reset_page)
    where = explore.SentenceFilter(**{k: tuple(v) for k, v in picked.items()}, search=search)
    total = count_sentences(path, version, explore.SentenceFilter())
    shown = count_sentences(path, version, where)
    pages = max(1, math.ceil(shown / explore.PAGE_SIZE))
    if st.session_state.get("corpus_page", 1) > pages:
        st.session_state["corpus_page"] = pages
    page = bottom[3].number_input(f"Page (of {pages:,})", 1, pages, key="corpus_page")
    first = (page - 1) * explore.PAGE_SIZE
    st.caption(f"{shown:,} of {total:,} sentences; rows {min(first + 1, shown):,}–"
               f"{min(first + explore.PAGE_SIZE, shown):,}")
    rows = sentence_page(path, version, where, int(page))
    st.dataframe(rows, hide_index=True, key="corpus_explorer",
                 column_order=[c for c in EXPLORER_ORDER if c in rows.columns], column_config={
        "opinion_score": st.column_config.NumberColumn("opinion score", format="%.2f"),
        "sentence_index": st.column_config.NumberColumn("sentence", width="small"),
        "story_id": st.column_config.NumberColumn("story", width="small"),
        "published": st.column_config.DateColumn("published"),
        "text": st.column_config.TextColumn("text", width="large"),
    })
    text, left, right, note = st.columns([1.2, 0.8, 0.8, 3.2], vertical_alignment="center")
    text.markdown("Download these sentences:")
    export = functools.partial(explore.filtered_sentences, path, where)
    left.download_button("CSV", lambda: to_csv_bytes(export()),
                         file_name="sentences_filtered.csv", mime="text/csv",
                         key="corpus_dl_filter_csv", on_click="ignore")
    right.download_button("Parquet",
                          lambda: explore.to_parquet_bytes(export()),
                          file_name="sentences_filtered.parquet",
                          mime="application/vnd.apache.parquet",
                          key="corpus_dl_filter_parquet", on_click="ignore")
    if shown > explore.EXPORT_ROWS and not uploaded:  # the operator's store: their command
        note.caption(f"The download holds the first {explore.EXPORT_ROWS:,} rows; for all of "
                     f"them: python -m framing corpus query {path} \"SELECT ...\"")


def downloads_section(path: str, version) -> None:
    st.caption("Every table of the page, as CSV or Parquet (made when you click). The "
               "command line writes the same: python -m framing corpus export / report.")
    tables = {
        "articles": ("Articles (without their texts)",
                     functools.partial(explore.table_frame, path, "articles")),
        "metrics": ("Article metrics", functools.partial(explore.table_frame, path, "metrics")),
        "stories": ("Stories (one row per article)",
                    functools.partial(explore.table_frame, path, "stories")),
        "outlets": ("Outlet means with 95 % intervals, every metric",
                    functools.partial(all_outlet_aggregates, path, version)),
        "story_overview": ("Stories overview (as in the table above)",
                           functools.partial(story_overview, path, version)),
        "sources": ("Each outlet's named sources, most quoted or reported first",
                    functools.partial(voices.outlet_sources, path, voices.MAX_TOP)),
    }
    for name, (label, build) in tables.items():
        text, csv_column, parquet_column = st.columns([3, 1, 1])
        text.markdown(label)
        csv_column.download_button("CSV", lambda build=build: to_csv_bytes(build()),
                                   file_name=f"{name}.csv", mime="text/csv",
                                   key=f"corpus_dl_{name}_csv", on_click="ignore")
        parquet_column.download_button(
            "Parquet", lambda build=build: explore.to_parquet_bytes(build()),
            file_name=f"{name}.parquet", mime="application/vnd.apache.parquet",
            key=f"corpus_dl_{name}_parquet", on_click="ignore")


# --------------------------------------------------------------------------- page

PHRASES = metric_phrases()
st.title("Corpus")
st.caption("Many articles at once, from a corpus store: how each outlet frames its stories, "
           "with 95 % intervals; the stories they covered and missed; trends by month; every "
           "sentence, filtered. The example corpus is fictional, written for the project.")
if not hasattr(app, "comparison_tab"):
    st.error("Open this page from the app: streamlit run app.py")
    st.stop()
app.keep_choices(app.COMPARE_CHOICES)  # the Compare page's, while this page does not draw them
try:
    store, uploaded, lexicon_text = choose_store()
    if store is None:
        st.stop()
    key = str(store)
    version = explore.store_stamp(store)  # a path that is no store: its one-line error
    status = store_status(key, version)
    status.check_analyzed()
    left_out = skipped_rows(key, version).message() if uploaded else ""
except FramingError as error:
    st.error(markdown_text(error))
    st.stop()
st.markdown(
    f"**{plural(status.articles, 'article')}** from {plural(status.outlets, 'outlet')}"
    + (f" ({plural(status.duplicates, 'wire copy', 'wire copies')})"
       if status.duplicates else "")
    + f"; {status.analyzed:,} analyzed, {plural(status.sentences, 'sentence')}, "
    f"{plural(status.stories, 'story', 'stories')}"
    + (f"; {status.first} to {status.last}" if status.first else "") + ".")
kind = "Web archive" if uploaded and explore.upload_kind(uploaded) == ".warc" else "Table"
named = f", analyzed with the lexicon {app.kept()['lexicon'][0]}" if lexicon_text else ""
st.caption(f"{kind}: {markdown_text(uploaded + named)}" if uploaded
           else "Store: the example corpus"
           if key == str(example_location()) else "" if PUBLIC
           else f"Store: {markdown_text(key)}")
if left_out:  # an upload: which rows were left out and why, in the visitor's terms
    st.warning(markdown_text(f"{uploaded}: {left_out}"))
elif status.analyzed < status.articles and not uploaded and not PUBLIC:
    if writer_at_work(key):  # ("run corpus analyze" while it runs)
        st.info(f"{status.articles - status.analyzed:,} articles are not analyzed yet; a "
                "command is writing to the store now: reload the page to see more.")
    else:
        st.warning(f"{status.articles - status.analyzed:,} articles are not analyzed yet: run "
                   f"python -m framing corpus analyze {markdown_text(key)}")
# Lazy tabs: only the open one runs its queries (a story's comparison analyzes its articles).
app.keep_choices(app.corpus_choices())  # across the tabs (and app.py across pages)
outlets_tab, sources_tab, stories_tab, trends_tab, sentences_tab, downloads_tab = st.tabs(
    ["Outlets", "Sources", "Stories", "Trends", "Sentences", "Downloads"], key="corpus_view",
    on_change="rerun")
if outlets_tab.open:
    with outlets_tab:
        outlets_section(key, version, status)
if sources_tab.open:
    with sources_tab:
        sources_section(key, version)
if stories_tab.open:
    with stories_tab:
        stories_section(key, version, status)
if trends_tab.open:
    with trends_tab:
        trends_section(key, version, chosen_metric(key, version))
if sentences_tab.open:
    with sentences_tab:
        explorer_section(key, version, story_overview(key, version), uploaded)
if downloads_tab.open:
    with downloads_tab:
        downloads_section(key, version)
