"""The app's Corpus page through AppTest: the example store, a story's comparison, the
explorer's filters and pages, and stores it cannot show."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from conftest import ROOT

AppTest = pytest.importorskip("streamlit.testing.v1").AppTest

pytestmark = pytest.mark.slow


def open_corpus_page(**state) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300).run()
    for key, value in state.items():
        at.session_state[key] = value
    return at.switch_page("app_corpus.py").run()


@pytest.fixture
def page(example_store):
    return open_corpus_page()


def open_tab(at, label: str) -> AppTest:
    """Open one of the page's tabs (only the open tab is computed)."""
    at.session_state["corpus_view"] = label
    return at.run()


def explorer_caption(at) -> str:
    return next(c.value for c in at.caption if re.search(r" of [\d,]+ sentences", c.value))


def table(at, column: str):
    """The first dataframe shown with ``column`` (AppTest does not expose their keys)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def chart_data(chart):
    """The data an Altair chart was drawn from (sent as Arrow with the chart)."""
    import pyarrow as pa

    return pa.ipc.open_stream(chart.proto.datasets[0].data.data).read_all().to_pandas()


def charts(at):
    return at.get("vega_lite_chart")


def test_opens_on_the_example_store(page):
    assert not page.exception and not page.error
    status = page.markdown[0].value
    assert status.startswith("**60 articles** from 5 outlets (1 wire copy); 60 analyzed")
    assert [s.label for s in page.selectbox] == ["Metric", "Outlet A", "Outlet B"]
    assert len(charts(page)) == 1  # the outlets; the other tabs are computed when opened
    verdict = next(m.value for m in page.markdown if "Clearly different" in m.value
                   or "Not clearly different" in m.value)
    assert "stories both covered" in verdict
    open_tab(page, "Stories")
    assert not page.exception
    stories = table(page, "score_spread")
    assert len(stories) >= 13 and stories["outlets"].iloc[0] == 5
    assert [s.label for s in page.selectbox] == ["Open a story"]
    open_tab(page, "Trends")
    assert len(charts(page)) == 1 and "month" in charts(page)[0].proto.spec
    open_tab(page, "Sentences")
    assert len(table(page, "sentence_index")) == 50  # the first page
    open_tab(page, "Downloads")
    assert len(page.get("download_button")) == 12


def test_choices_are_kept_across_tabs(page):
    page.selectbox(key="corpus_metric").set_value("quoted_word_share").run()
    open_tab(page, "Trends")
    assert "Mean share of words inside quotations" in charts(page)[0].proto.spec
    open_tab(page, "Sentences")
    page.multiselect(key="corpus_f_voice").set_value(["quoted"]).run()
    open_tab(page, "Outlets")
    assert page.selectbox(key="corpus_metric").value == "quoted_word_share"
    open_tab(page, "Sentences")
    assert page.multiselect(key="corpus_f_voice").value == ["quoted"]
    assert set(table(page, "sentence_index")["voice"]) == {"quoted"}
    # the outlets chosen to compare, and the outlet whose sources are shown, are not reset by
    # the page (AppTest keeps a widget's state even when a run does not draw it: the browser
    # test shows them kept where Streamlit would forget them)
    open_tab(page, "Outlets")
    outlets = page.selectbox(key="corpus_outlet_a").options
    page.selectbox(key="corpus_outlet_a").set_value(outlets[2]).run()
    page.selectbox(key="corpus_outlet_b").set_value(outlets[3]).run()
    open_tab(page, "Sources")
    page.selectbox(key="corpus_sources_outlet").set_value(outlets[4]).run()
    open_tab(page, "Stories")
    open_tab(page, "Outlets")
    assert [page.selectbox(key=k).value for k in ("corpus_outlet_a", "corpus_outlet_b")] == \
        outlets[2:4]
    open_tab(page, "Sources")
    assert page.selectbox(key="corpus_sources_outlet").value == outlets[4]
    assert not page.exception and not page.warning


def test_the_metric_changes_the_outlet_chart(page):
    before = charts(page)[0].proto.spec
    page.selectbox(key="corpus_metric").set_value("quoted_word_share").run()
    assert not page.exception
    after = charts(page)[0].proto.spec
    # named in words ("quoted_word_share" is the column's name)
    assert before != after and "Mean share of words inside quotations" in after


def test_choosing_a_story_shows_its_comparison(page):
    open_tab(page, "Stories")
    overview = table(page, "score_spread")
    five = int(overview.loc[overview["outlets"] == 5, "story_id"].iloc[0])
    page.selectbox(key="corpus_story").set_value(five).run()
    assert not page.exception
    assert len(page.multiselect(key=f"corpus_pick_{five}").value) == 4  # five articles: pick 4
    labels = next(m.value for m in page.markdown if m.value.startswith("**A**:"))
    assert labels.count("**") == 8  # A to D, each naming its outlet and title
    summary = [m.value for m in page.markdown if m.value.startswith("- ")]
    assert summary and "frames the story most" in summary[0]
    assert list(table(page, "measure").columns) == [
        "measure", "A", "B", "C", "D", "highest − lowest", "90 % interval", "beyond noise", "p"]
    html = "".join(m.value for m in page.markdown)
    assert html.count('class="fr-article"') == 4


def test_a_story_one_outlet_covered_still_shows_its_article(example_store, tmp_path):
    """No comparison (no other outlet's account), but the article itself, highlighted."""
    path = changed_store(example_store, tmp_path, """
        UPDATE stories SET story_id = 999, label = 'a story of its own'
        WHERE article_id = (SELECT min(article_id) FROM stories WHERE story_id = 1)""")
    at = open_store(path)
    open_tab(at, "Stories")
    at.selectbox(key="corpus_story").set_value(999).run()
    assert not at.exception and not at.error
    assert any("covered this story (1 article)" in i.value and "no other outlet" in i.value
               for i in at.info)
    assert next(m.value for m in at.markdown if m.value.startswith("**A**:")).count("**") == 2
    html = "".join(m.value for m in at.markdown)
    assert html.count('class="fr-article"') == 1 and "fr-term" in html
    assert len(at.metric) == 5 and not summary_lines(at)


def test_articles_added_after_the_stories_are_told_and_missing_from_none(example_store,
                                                                         tmp_path):
    """An outlet whose articles were added after `corpus stories` ran was listed as missing
    every story, and the page did not say the stories were out of date."""
    path = changed_store(example_store, tmp_path, """
        DELETE FROM stories WHERE article_id IN (
            SELECT id FROM articles WHERE outlet = 'The Daily Blaze')""")
    at = open_store(path)
    open_tab(at, "Stories")
    assert not at.exception and not at.error
    told = [w.value for w in at.warning if "in no story" in w.value]
    assert len(told) == 1 and told[0].startswith(
        "12 articles were added after the stories were built and are in no story: run python "
        "-m framing corpus stories ")
    stories = table(at, "score_spread")
    assert not stories["missing"].str.contains("The Daily Blaze").any()
    assert stories["missing"].str.len().gt(0).any()  # the other outlets' blind spots stay


def summary_lines(at):
    return [m.value for m in at.markdown if m.value.startswith("- ")]


def test_the_sentences_tab_downloads_and_columns(page):
    open_tab(page, "Sentences")
    assert [b.proto.label for b in page.get("download_button")] == ["CSV", "Parquet"]
    assert any(m.value == "Download these sentences:" for m in page.markdown)
    explorer = next(d for d in page.dataframe if "sentence_index" in d.value.columns)
    order = list(explorer.proto.column_order)
    assert order[:2] == ["outlet", "text"] and order.index("text") < order.index("title")


def test_filters_change_the_explorer(page):
    open_tab(page, "Sentences")
    everything = explorer_caption(page)
    total = int(re.search(r"of ([\d,]+) sentences", everything).group(1).replace(",", ""))
    assert everything.startswith(f"{total:,} of {total:,}")
    page.multiselect(key="corpus_f_voice").set_value(["quoted"]).run()
    quoted = int(explorer_caption(page).split(" of ")[0].replace(",", ""))
    assert 0 < quoted < total
    rows = table(page, "sentence_index")
    assert set(rows["voice"]) == {"quoted"} and len(rows) == min(quoted, 50)
    page.text_input(key="corpus_f_search").input("council").run()
    narrowed = int(explorer_caption(page).split(" of ")[0].replace(",", ""))
    assert 0 < narrowed < quoted
    assert all("council" in t.lower() for t in table(page, "sentence_index")["text"])


def test_paging_through_the_explorer(page):
    open_tab(page, "Sentences")
    first = table(page, "sentence_index")
    assert len(first) == 50 and "rows 1–50" in explorer_caption(page)
    page.number_input(key="corpus_page").set_value(2).run()
    assert not page.exception
    second = table(page, "sentence_index")
    assert "rows 51–100" in explorer_caption(page) and len(second) == 50
    assert not set(zip(first.article_id, first.sentence_index)) & set(
        zip(second.article_id, second.sentence_index))
    page.multiselect(key="corpus_f_label").set_value(["opinion"]).run()  # a filter: page 1
    assert page.number_input(key="corpus_page").value == 1


def open_store(path) -> AppTest:
    at = open_corpus_page(corpus_source="A store file", corpus_path=str(path))
    assert not at.exception
    return at


@pytest.mark.parametrize("make, message", [
    (lambda tmp: tmp / "nowhere.duckdb", "no such store"),
    # DuckDB opens a table file as an in-memory database of it: no internals in the message
    (lambda tmp: pd.DataFrame({"text": ["a b c"]}).to_parquet(tmp / "export.parquet")
     or tmp / "export.parquet", "export.parquet: not a framing store (not a DuckDB database file)"),
    (lambda tmp: (tmp / "notes.txt").write_text("hello") and tmp / "notes.txt",
     "not a framing store"),
    (lambda tmp: tmp, "is a directory"),
])
def test_a_bad_store_path_gives_a_one_line_error(tmp_path, make, message):
    at = open_store(make(tmp_path))
    assert len(at.error) == 1 and message in at.error[0].value
    assert "\n" not in at.error[0].value
    assert not charts(at)


def changed_store(example_store, tmp_path, *statements):
    path = tmp_path / "changed.duckdb"
    shutil.copy(example_store, path)
    with duckdb.connect(str(path)) as con:
        for statement in statements:
            con.execute(statement)
    return path


def test_a_store_without_analysis_says_what_to_run(example_store, tmp_path):
    at = open_store(changed_store(example_store, tmp_path, "DELETE FROM metrics"))
    assert len(at.error) == 1
    assert "python -m framing corpus analyze" in at.error[0].value


def test_a_newer_store_gives_its_error(example_store, tmp_path):
    at = open_store(changed_store(
        example_store, tmp_path, "UPDATE meta SET value = '7' WHERE key = 'schema_version'"))
    assert len(at.error) == 1 and "newer framing" in at.error[0].value


def test_an_outlet_with_one_article_has_no_interval(example_store, tmp_path):
    at = open_store(changed_store(example_store, tmp_path, """
        UPDATE articles SET outlet = 'Lone Courier'
        WHERE id = (SELECT min(id) FROM articles WHERE outlet = 'The Daily Blaze')"""))
    assert not at.error
    assert any("Lone Courier: only one article, so no interval" in c.value for c in at.caption)
    shown = chart_data(charts(at)[0]).set_index("row")
    assert not shown.loc["Lone Courier · 1 article", "interval"]
    assert shown.loc["The Daily Blaze · 11 articles", "interval"]


def test_the_range_of_two_or_three_articles_is_drawn_and_told_as_no_interval(example_store,
                                                                            tmp_path):
    """The caption called every bar a 95 % interval, the range of two articles too."""
    at = open_store(changed_store(example_store, tmp_path, """
        UPDATE articles SET outlet = 'Duo Post'
        WHERE id IN (SELECT id FROM articles WHERE outlet = 'The Daily Blaze' ORDER BY id
                     LIMIT 2)"""))
    assert not at.error
    told = [c.value for c in at.caption if "Duo Post" in c.value]
    assert len(told) == 1 and "two or three articles, so the bar (dashed) is their range" in \
        told[0]
    shown = chart_data(charts(at)[0]).set_index("row")
    assert shown.loc["Duo Post · 2 articles", "bar"] == "range"
    assert shown.loc["The Daily Blaze · 10 articles", "bar"] == "95 % interval"


def test_a_store_being_written_is_not_told_to_be_analyzed(example_store, tmp_path):
    """While corpus analyze ran, the page said to run it."""
    path = changed_store(example_store, tmp_path, "DELETE FROM metrics WHERE article_id IN "
                         "(SELECT id FROM articles ORDER BY id LIMIT 3)")
    lock = Path(f"{path}.lock")
    lock.write_text(str(os.getpid()))  # a writer that runs (this process)
    at = open_store(path)
    assert not at.warning
    assert any("3 articles are not analyzed yet; a command is writing to the store now" in
               i.value for i in at.info)
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True).stdout.strip()
    lock.write_text(finished)  # one killed before it removed its lock file
    at = open_store(path)
    assert any("3 articles are not analyzed yet: run python -m framing corpus analyze" in
               w.value for w in at.warning)


def test_a_store_path_too_long_is_a_one_line_error(tmp_path):
    at = open_store(tmp_path / ("a" * 300 + ".duckdb"))
    assert len(at.error) == 1 and at.error[0].value.endswith(": file name too long")
    assert "\n" not in at.error[0].value and len(at.error[0].value) < 200
    assert not charts(at)


# Uploaded tables, in words of our own (long enough for the language check to tell).
SPANISH = ("El mercado de la plaza cambiará su horario a partir de la semana que viene, según "
           "explicó ayer la asociación de comerciantes. Los puestos abrirán una hora antes por la "
           "mañana y cerrarán más tarde los viernes, para que la gente que trabaja pueda comprar.")
ENGLISH = ("The town council agreed on Monday to repair the footbridge over the canal before "
           "the autumn rains. Residents had asked for the work for two years, and the engineer "
           "who inspected the bridge said its railings were loose. The repairs will be paid for "
           "from the roads budget, the council said, and should take about six weeks.")


def upload(tmp_path, monkeypatch, name: str, rows: list[str]) -> AppTest:
    """The Corpus page after uploading a CSV of ``rows`` (its uploads kept under tmp_path)."""
    import csv
    import io
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["text", "outlet"])
    writer.writerows([text, f"Paper {n}"] for n, text in enumerate(rows))
    at = open_corpus_page(corpus_source="Upload a file")
    at.sidebar.file_uploader(key="corpus_upload").set_value(
        (name, buffer.getvalue().encode("utf-8"), "text/csv")).run()
    assert not at.exception
    return at


def test_an_uploaded_web_archive_names_the_pages_it_left_out(tmp_path, monkeypatch,
                                                             example_store):
    import tempfile

    from test_corpus_explore import archive_pages
    from test_corpus_formats import write_warc

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    archive = write_warc(tmp_path / "crawl.warc.gz", archive_pages())
    at = open_corpus_page(corpus_source="Upload a file")
    at.sidebar.file_uploader(key="corpus_upload").set_value(
        ("crawl.warc.gz", archive.read_bytes(), "application/gzip")).run()
    assert not at.exception and not at.error
    # (markdown_text writes the colon of an address as &#58;, shown as ":", not as a link)
    assert [w.value.replace("&#58;", ":") for w in at.warning] == [
        "crawl.warc.gz: 2 of the web archive's 5 pages were left out (1 not an article page, 1 "
        "not English): https://news.example.org/ not an article page, "
        "https://news.example.org/es not English"]
    assert any(c.value == "Web archive: crawl.warc.gz" for c in at.caption)
    assert at.markdown[0].value.startswith("**4 articles**")
    assert_no_operator_talk(at, tmp_path)


def visitor_text(at) -> str:
    """Everything the page says in errors, warnings, notes and captions."""
    return "\n".join(e.value for e in [*at.error, *at.warning, *at.info, *at.caption])


def assert_no_operator_talk(at, tmp_path) -> None:
    said = visitor_text(at)
    assert "python -m framing" not in said and str(tmp_path) not in said
    assert "framing-uploads" not in said and ".duckdb" not in said


def test_an_upload_without_rows_says_so(tmp_path, monkeypatch, example_store):
    at = upload(tmp_path, monkeypatch, "empty.csv", [])
    assert [e.value for e in at.error] == ["empty.csv: the table has no rows"]
    assert_no_operator_talk(at, tmp_path)


def test_an_upload_of_rows_that_cannot_be_analyzed_names_them(tmp_path, monkeypatch,
                                                              example_store):
    at = upload(tmp_path, monkeypatch, "foreign.csv", [SPANISH, "", SPANISH + " Gracias."])
    assert [e.value for e in at.error] == [
        "foreign.csv: none of its 3 rows could be analyzed (2 not English, 1 empty text): "
        "row 1 not English, row 2 empty text, row 3 not English"]
    assert_no_operator_talk(at, tmp_path)


def test_an_upload_with_a_bad_row_names_it_and_shows_the_rest(tmp_path, monkeypatch,
                                                              example_store):
    at = upload(tmp_path, monkeypatch, "mixed.csv", [ENGLISH, SPANISH])
    assert not at.error
    assert [w.value for w in at.warning] == [
        "mixed.csv: 1 of the table's 2 rows was left out (1 not English): row 2 not English"]
    assert any(c.value == "Table: mixed.csv" for c in at.caption)
    assert at.markdown[0].value.startswith("**2 articles** from 2 outlets; 1 analyzed")
    assert_no_operator_talk(at, tmp_path)


def test_an_upload_is_kept_while_other_stores_are_looked_at(tmp_path, monkeypatch,
                                                            example_store):
    """The uploaded table stays the page's table, and the sidebar says so, after choosing
    another store and coming back, and after a visit to the Compare page."""
    at = upload(tmp_path, monkeypatch, "mixed.csv", [ENGLISH, SPANISH])
    at.sidebar.radio(key="corpus_source").set_value("Example corpus").run()
    assert any(c.value.startswith("Store: ") for c in at.caption)
    at.sidebar.radio(key="corpus_source").set_value("Upload a file").run()
    assert not at.exception and any(c.value == "Table: mixed.csv" for c in at.caption)
    assert at.markdown[0].value.startswith("**2 articles** from 2 outlets; 1 analyzed")
    # the uploader may show no file now (the browser draws it anew): the sidebar names it
    assert any(c.value.startswith("In use: mixed.csv") for c in at.sidebar.caption)

    home = next(h for h, page in at._registered_pages.items() if not page.get("script_path"))
    at._page_hash = home
    at.run()
    assert [t.value for t in at.title] == ["framing"]
    at.switch_page("app_corpus.py").run()
    assert at.sidebar.radio(key="corpus_source").value == "Upload a file"
    assert any(c.value == "Table: mixed.csv" for c in at.caption)
    assert any(c.value.startswith("In use: mixed.csv") for c in at.sidebar.caption)


def test_an_upload_is_analyzed_with_the_custom_lexicon(tmp_path, monkeypatch, example_store):
    """The sidebar's custom lexicon (kept with the Compare page's) names the table's towns and
    clubs: the table is analyzed again with it, into a store of its own."""
    from test_lexicon import TOWN_STORY

    other = TOWN_STORY.replace("Tom Reed", "Jo Hart").replace("bakery", "cafe")
    at = upload(tmp_path, monkeypatch, "towns.csv", [TOWN_STORY, other])

    def kinds(at):
        open_tab(at, "Sources")
        assert not at.exception and not at.error
        return dict(zip(table(at, "kind")["actor"], table(at, "kind")["kind"]))

    assert kinds(at)["Marlowe Harriers"] == "person"  # the rules alone
    at.sidebar.file_uploader(key="lexicon").set_value(
        ("names.csv", b"term,category\nMarlowe,place\nMarlowe Harriers,organization\n",
         "text/csv")).run()
    assert kinds(at)["Marlowe Harriers"] == "organization"
    assert any(c.value == "Table: towns.csv, analyzed with the lexicon names.csv"
               for c in at.caption)
    assert any("2 entries from names.csv in use" in s.value for s in at.sidebar.success)
    stores = sorted(p.name for p in (tmp_path / "framing-uploads").glob("*.duckdb"))
    assert sorted(name.count("-") for name in stores) == [1, 2]  # (without, with the lexicon)
    # a story's comparison reads the articles with it too
    open_tab(at, "Stories")
    assert not at.exception
    actors = table(at, "verbs in A").set_index("actor")
    assert actors.loc["Marlowe Harriers", "kind"] == "organization"
    assert actors.loc["Marlowe", "kind"] == "place"


def test_a_store_files_story_is_compared_with_the_lexicons_it_was_analyzed_with(
        tmp_path, analyzer, example_store):
    """A store analyzed with `corpus analyze --lexicon`: its stories are read again with that
    lexicon, as its rows were (the store keeps it)."""
    from test_lexicon import TOWN_STORY

    from framing.corpus import explore
    from framing.lexicon import LexiconText

    towns = tmp_path / "towns.csv"
    pd.DataFrame({"text": [TOWN_STORY, TOWN_STORY.replace("Tom Reed", "Jo Hart")],
                  "outlet": ["Paper A", "Paper B"]}).to_csv(towns, index=False)
    names = LexiconText("names.csv", "term,category\nMarlowe,place\n"
                                     "Marlowe Harriers,organization\n")
    store = explore.build_store(tmp_path / "named.duckdb", [towns],
                                analyzer.with_lexicons([names]))
    at = open_tab(open_store(store), "Stories")
    assert not at.exception and not at.error
    actors = table(at, "verbs in A").set_index("actor")
    assert actors.loc["Marlowe Harriers", "kind"] == "organization"
    assert actors.loc["Marlowe", "kind"] == "place"


def test_counts_of_one_are_singular(tmp_path, monkeypatch, example_store):
    at = upload(tmp_path, monkeypatch, "one.csv", [ENGLISH])
    assert not at.error
    status = at.markdown[0].value
    assert status.startswith("**1 article** from 1 outlet; 1 analyzed, ")
    assert "1 stories" not in status and "1 outlets" not in status


def test_outlets_that_share_no_story_say_so(tmp_path, monkeypatch, example_store):
    other = ("The harbour board said on Tuesday that the ferry timetable will change next "
             "month, with an extra crossing in the evening and fewer on Sunday mornings. The "
             "board said passenger numbers had grown since the new terminal opened.")
    at = upload(tmp_path, monkeypatch, "two.csv", [ENGLISH, other])
    verdict = next(m.value for m in at.markdown if "different" in m.value
                   or "No interval" in m.value)
    assert "share only 0" not in verdict and "share no story" in verdict


def test_a_public_deployment_lets_no_visitor_name_a_server_file(example_store, monkeypatch,
                                                                tmp_path):
    monkeypatch.setenv("FRAMING_APP_PUBLIC", "1")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300).run()
    at.query_params["store"] = str(tmp_path / "probe.duckdb")  # a link naming a server path
    at = at.switch_page("app_corpus.py").run()
    assert not at.exception and not at.error
    assert "A store file" not in at.radio(key="corpus_source").options
    assert at.radio(key="corpus_source").value == "Example corpus"
    shown = " ".join(c.value for c in at.caption) + " ".join(m.value for m in at.markdown)
    assert "Store: the example corpus" in shown and str(example_store.parent) not in shown
    monkeypatch.delenv("FRAMING_APP_PUBLIC")
    local = open_corpus_page()
    assert "A store file" in local.radio(key="corpus_source").options


def test_a_story_of_the_example_is_compared_with_the_example_names(page):
    open_tab(page, "Stories")
    overview = table(page, "score_spread")
    stadium = int(overview.loc[overview["label"].str.contains("stadium"), "story_id"].iloc[0])
    page.selectbox(key="corpus_story").set_value(stadium).run()
    actors = table(page, "actor")
    # analyzed again as the store was: with the example's names (Dockside is a place)
    assert dict(zip(actors["actor"], actors["kind"]))["Dockside"] == "place"


def test_the_sources_tab_shows_whom_each_outlet_quotes(page, example_store):
    from framing.corpus.voices import outlet_sources, sources_across_outlets

    open_tab(page, "Sources")
    assert not page.exception and not page.error
    across = table(page, "outlets")
    assert across.equals(sources_across_outlets(example_store, top=20))
    blaze = "The Daily Blaze"
    page.selectbox(key="corpus_sources_outlet").set_value(blaze).run()
    assert table(page, "rank").equals(
        outlet_sources(example_store, top=20, outlet=blaze).drop(columns="outlet"))
    summary = next(m.value for m in page.markdown if m.value.startswith(blaze))
    assert " credits " in summary and "person" in summary
