"""The Streamlit app through AppTest: the ready example, pasted text, errors, a custom lexicon."""

from __future__ import annotations

import html
import re
import threading

import pytest
from conftest import ROOT

AppTest = pytest.importorskip("streamlit.testing.v1").AppTest

PASTE_A = (
    "The council approved the new budget on Monday after a long debate. Officials said the "
    "plan would cut bus fares by ten percent. The mayor said the savings would help families."
)
PASTE_B = (
    "The council rammed through a reckless budget on Monday. This disgraceful scheme will "
    "gut bus service, and nobody should believe the mayor's promises. Why should families pay?"
)


@pytest.fixture
def app():
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()


def metric_values(app):
    return {(m.label, i // 5): m.value for i, m in enumerate(app.metric)}


def page_html(app):
    return "".join(m.value for m in app.markdown)


def test_opens_on_the_example_without_errors(app):
    assert not app.exception and not app.error
    assert len(app.metric) == 10  # five headline figures for each of the two articles
    labels = [m.label for m in app.metric[:5]]
    assert labels == ["Opinion", "Loaded/1k", "Quoted", "Sources", "Score"]  # short: whole
    assert all(m.value.endswith("/100") for m in app.metric if m.label == "Score")
    html = page_html(app)
    assert "fr-article" in html and "saber-rattling" in html  # the commentary is shown
    assert 'class="fr-term fr-' in html and "Neutral alternative:" in html  # tooltips
    assert [t.label for t in app.tabs] == ["Articles", "Comparison", "Sentences", "Export"]
    # the score's parts, folded above each article, in the same element as the article
    assert html.count("Framing score, part by part") == 2
    article = next(m.value for m in app.markdown if "fr-article" in m.value)
    assert article.index('class="fr-parts"') < article.index('class="fr-article"')
    assert "<td>opinion</td>" in article and "<td>loaded_terms</td>" in article


def test_every_mark_is_said_in_words_under_each_article(app):
    """A phone or a keyboard cannot hover: each article's marks are also listed in words,
    folded under it, and the line above the results says where."""
    articles = [m.value for m in app.markdown if "fr-article" in m.value]
    assert len(articles) == 2
    for article in articles:
        assert article.index('class="fr-article"') < article.index('class="fr-why"')
        assert "Why each mark, in plain words" in article
    assert "Underlined: marked words" in articles[1] and "it asks a question" in articles[1]
    assert any("open “Why each mark, in plain words” under each article" in c.value
               for c in app.caption)


def summary_lines(app):
    return " ".join(m.value for m in app.markdown if m.value.startswith("- "))


def open_tab(app, label):
    app.session_state["view"] = label
    return app.run()


def test_tabs_are_lazy_and_each_draws_its_own_content(app):
    """Only the open tab runs: the first shows the articles, not the comparison; opening
    another tab draws it (and the articles' HTML is no longer computed)."""
    assert "class=\"fr-article" in page_html(app) and not summary_lines(app)
    assert not app.get("download_button")
    open_tab(app, "Comparison")
    assert not app.exception and not app.error
    assert "B frames the story more than A" in summary_lines(app)
    assert "class=\"fr-article" not in page_html(app)
    assert any(h.value == "Headlines side by side" for h in app.subheader)
    assert "<mark>" in page_html(app)  # the words only one headline (or sentence) uses
    open_tab(app, "Sentences")
    assert app.dataframe and "sentences" in " ".join(c.value for c in app.caption)
    open_tab(app, "Export")
    labels = [b.proto.label for b in app.get("download_button")]
    assert "Everything (JSON)" in labels and "Comparison: metrics (CSV)" in labels
    assert labels[0] == "Handout to print (HTML)"  # for a class: first


def paste(app, slot, text):
    app.radio(key=f"source_{slot}").set_value("Paste text").run()
    app.text_area(key=f"text_{slot}").input(text)


def test_pasted_articles_are_analyzed(app):
    paste(app, "A", PASTE_A)
    paste(app, "B", PASTE_B)
    app.button(key="analyze").click().run()
    assert not app.exception and not app.error
    values = metric_values(app)
    assert len(app.metric) == 10
    assert (float(values[("Score", 1)].removesuffix("/100"))
            > float(values[("Score", 0)].removesuffix("/100")))
    html = page_html(app)
    assert "rammed through" in html and "disgraceful" in html


def test_a_sessions_articles_are_analyzed_side_by_side(app, monkeypatch):
    """Both articles reach the workers before either is done: one visitor's two articles take
    the time of one, and with many sessions at once each session's pair waits in the
    workers' queue together (sessions finish one after another, not all at the end)."""
    from framing.workers import AnalysisWorkers

    both_in = threading.Barrier(2, timeout=10)  # one article alone waits, then fails
    analyze = AnalysisWorkers.analyze

    def together(self, job, lexicon_text=""):
        both_in.wait()
        return analyze(self, job, lexicon_text)

    monkeypatch.setattr(AnalysisWorkers, "analyze", together)
    paste(app, "A", PASTE_A + " Both were read at once.")
    paste(app, "B", PASTE_B + " Both were read at once.")
    app.button(key="analyze").click().run()
    assert not app.exception and not app.error
    assert "Both were read at once." in page_html(app)
    assert any(c.value.startswith("Hover over a highlighted sentence") for c in app.caption)


def test_articles_without_flagged_terms_say_so_instead_of_an_empty_chart(app):
    plain = ("The council met on Monday and approved the budget. The vote was seven to two. "
             "The budget takes effect in July, the clerk said.")
    paste(app, "A", plain)
    paste(app, "B", plain.replace("seven to two", "six to three"))
    app.button(key="analyze").click().run()
    open_tab(app, "Comparison")
    assert not app.exception and not app.error
    assert any(c.value.startswith("None: no article uses a flagged term") for c in app.caption)
    specs = " ".join(c.proto.spec for c in app.get("vega_lite_chart"))
    assert "Body sentences by voice" in specs and "per 1,000 words" not in specs


def test_article_text_is_escaped(app):
    paste(app, "A", "The mayor spoke. <script>alert(1)</script> <img src=x onerror=alert(2)> "
                    "The plan is a disaster.")
    app.button(key="analyze").click().run()
    html = page_html(app)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in html and "<img src=x" not in html


HOSTILE_TITLE = "Budget [click here](https://evil.example/phish) $x^2$ :smile: **now**"
HOSTILE_OUTLET = ":red[The Gazette] :material/home: [home](javascript:alert(1))"


def test_a_title_and_outlet_are_shown_as_text_not_markdown(app):
    """A title or outlet (typed, or taken from a page) is shown as written: no link, formula,
    emoji, colour or bold of its own. (The browser test looks at the drawn page.)"""
    paste(app, "A", PASTE_A)
    app.text_input(key="title_A").input(HOSTILE_TITLE)
    app.text_input(key="outlet_A").input(HOSTILE_OUTLET)
    app.button(key="analyze").click().run()
    assert not app.exception
    heading = app.subheader[0].value
    assert html.unescape(heading) == f"A. {HOSTILE_TITLE}"
    assert "](" not in heading and "$" not in heading and ":smile" not in heading
    assert "**" not in heading
    caption = next(c.value for c in app.caption if "Gazette" in c.value)
    assert html.unescape(caption) == HOSTILE_OUTLET
    assert ":red[" not in caption and ":material" not in caption and "](" not in caption


@pytest.mark.parametrize(("source", "message"), [
    ("Paste text", "Article B was not analyzed: no text was pasted."),
    ("Fetch a URL", "Article B was not analyzed: no web address was given."),
])
def test_empty_slot_shows_a_clear_error(app, source, message):
    app.radio(key="source_B").set_value(source).run()
    app.button(key="analyze").click().run()
    assert not app.exception
    assert [e.value for e in app.error] == [message]
    assert [s.value for s in app.subheader] == ["A. U.S., Britain warn Russia over Ukraine as "
                                                "NATO ministers meet"]  # A alone is analyzed
    # the message stays with the results it explains, past a click elsewhere (it was gone
    # after any rerun, leaving A alone with no word of B)
    app.slider(key="borderline").set_value(0.2).run()
    assert [e.value for e in app.error] == [message]


def test_a_web_address_pasted_as_text_says_to_fetch_it(app):
    address = "https://www.millbrook-gazette.example/sport/millbrook-wins-final"
    app.radio(key="source_A").set_value("Paste text").run()
    app.text_area(key="text_A").input(address)
    app.button(key="analyze").click().run()
    assert not app.exception
    assert [e.value for e in app.error] == [
        "Article A was not analyzed: the text is a web address; choose “Fetch a URL” to read "
        "the article it points to, or paste the article's text."]
    assert [s.value for s in app.subheader] == ["B. Who is really provoking whom over Ukraine?"]
    assert app.text_area(key="text_A").value == address  # still in the box


def test_a_page_pasted_whole_is_extracted_and_a_pdf_refused_as_an_upload_is(app):
    # (pasted markup was analyzed as words: tags as speakers, a script's words as loaded)
    page = ("<!DOCTYPE html><html><head><title>Harbour plan approved</title><script>var "
            "disaster = 1;</script></head><body><article><p>The council approved the harbour "
            "plan on Monday after a long debate.</p><p>The mayor said the vote was a relief "
            "for the town and its fishing fleet.</p></article></body></html>")
    paste(app, "A", page)
    paste(app, "B", "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj")
    app.button(key="analyze").click().run()
    assert not app.exception
    assert [e.value for e in app.error] == [
        "Article B: pasted text: this is a PDF file, not article text; save the article as "
        "text (.txt) or HTML"]
    assert [s.value for s in app.subheader] == ["A. Harbour plan approved"]
    assert "&lt;p&gt;" not in page_html(app) and "disaster" not in page_html(app)
    assert "The mayor said the vote was a relief" in page_html(app)


def test_a_single_word_is_analyzed_with_a_note_that_it_is_too_short(app):
    app.radio(key="source_A").set_value("Paste text").run()
    app.text_area(key="text_A").input("Propaganda")
    app.button(key="analyze").click().run()
    assert not app.exception and not app.error
    assert ("Only 1 word of article text: too short for these figures to mean much; paste a "
            "whole article.") in [w.value for w in app.warning]
    assert [s.value for s in app.subheader][0] == "A. Article A"


def fetch_errors(app, url):
    app.radio(key="source_B").set_value("Fetch a URL").run()
    app.text_input(key="url_B").input(url)
    app.button(key="analyze").click().run()
    assert not app.exception
    errors = [e.value for e in app.error]
    assert all("Traceback" not in error for error in errors)
    return errors


def test_url_on_another_port_is_refused_with_a_clear_error(app, closed_port_url):
    errors = fetch_errors(app, closed_port_url)
    assert len(errors) == 1 and errors[0].startswith("Article B: ")
    assert "refused: port" in errors[0] and "not a default web port" in errors[0]


def test_local_url_is_refused_unless_the_deployment_allows_it(app, monkeypatch):
    url = "http://127.0.0.1/article"  # port 80 of this machine: the only address contacted
    monkeypatch.delenv("FRAMING_ALLOW_PRIVATE_HOSTS", raising=False)
    errors = fetch_errors(app, url)
    assert len(errors) == 1 and "127.0.0.1 is a loopback address" in errors[0]
    # a visitor cannot allow it: no command-line option or server setting named to them
    assert errors[0].endswith("local and private networks are not fetched here")
    assert "--allow" not in errors[0] and "FRAMING_" not in errors[0]
    monkeypatch.setenv("FRAMING_ALLOW_PRIVATE_HOSTS", "1")
    errors = fetch_errors(app, url)
    assert not any("refused:" in error for error in errors)  # fetched, or nothing listening


def test_custom_lexicon_changes_the_hits(app):
    paste(app, "A", "The council approved the gizmo budget on Monday.")
    paste(app, "B", PASTE_B)
    app.button(key="analyze").click().run()
    assert "fr-term" not in page_html(app).split("gizmo")[0][-200:]
    lexicon = (b"term,category,explanation,alternative\n"
               b"gizmo,loaded,Belittles a plan as a toy.,plan\n")
    app.sidebar.file_uploader[0].set_value(("mine.csv", lexicon, "text/csv")).run()
    assert not app.exception
    assert any("1 entry from mine.csv" in s.value for s in app.sidebar.success)
    html = page_html(app)
    assert "Belittles a plan as a toy." in html


def test_malformed_lexicon_upload_shows_the_line(app):
    app.sidebar.file_uploader[0].set_value(("bad.csv", b"word\nx\n", "text/csv")).run()
    assert not app.exception
    assert [e.value for e in app.sidebar.error] == [
        "bad.csv: line 1: missing column term, category; the header must include term, category"]


STALE = "The inputs changed since these results: press Analyze to update them."


def blocks(node):
    """Every block (container) under ``node`` of the app's element tree."""
    for child in getattr(node, "children", {}).values():
        if getattr(child, "proto", None) is not None and hasattr(child.proto, "flex_container"):
            yield child
        yield from blocks(child)


def stale_note_shown(app) -> bool:
    """Whether the page says its results are out of date. The note is drawn with the inputs,
    in a container keyed by their signature (``stale_<signature>``); the inputs do not rerun
    when Analyze is pressed, so the results hide the note of their own signature with a
    style. Shown: a note whose key the style does not name."""
    keys = [b.proto.id.rpartition("-")[2] for b in blocks(app.main) if "-stale_" in b.proto.id]
    hidden = " ".join(h.proto.body for h in app.get("html"))
    shown = [key for key in keys if f".st-key-{key}" not in hidden]
    assert not shown or STALE in [w.value for w in app.warning]
    return bool(shown)


def visit_corpus_page_and_return(app):
    """Open the Corpus page (on an empty store path: it opens at once) and come back.
    AppTest's switch_page takes a page's file; the Compare page is app.py's own function,
    so it is reached by the page the first run finished on."""
    home = app._finished_page_script_hash
    app.session_state["corpus_source"] = "A store file"
    app.switch_page("app_corpus.py").run()
    assert not app.exception and [t.value for t in app.title] == ["Corpus"]
    assert not app.get("text_area")  # no input of this page was drawn there
    app._page_hash = home
    app.run()
    assert not app.exception and [t.value for t in app.title] == ["framing"]
    return app


def test_inputs_survive_a_visit_to_the_corpus_page(app):
    """Streamlit drops a widget's value on a run that does not draw it. The pasted article,
    its title and outlet, an uploaded file, the example chosen and the article count are
    all there after a visit to the Corpus page, and Analyze analyzes them, not the
    examples."""
    paste(app, "A", PASTE_B)
    app.text_input(key="title_A").input("Budget row")
    app.text_input(key="outlet_A").input("The Gazette")
    app.radio(key="count").set_value(3).run()
    app.radio(key="source_B").set_value("Upload a file").run()
    app.file_uploader(key="upload_B").set_value(("fares.txt", PASTE_A.encode(), "text/plain"))
    app.selectbox(key="example_C").set_value("housing_wire")
    app.button(key="analyze").click().run()
    shown = [s.value for s in app.subheader]
    assert shown[0] == "A. Budget row" and shown[2].startswith("C. Riverton")

    visit_corpus_page_and_return(app)
    assert app.radio(key="count").value == 3
    assert app.radio(key="source_A").value == "Paste text"
    assert app.text_area(key="text_A").value == PASTE_B
    assert app.text_input(key="title_A").value == "Budget row"
    assert app.text_input(key="outlet_A").value == "The Gazette"
    assert app.radio(key="source_B").value == "Upload a file"
    assert any(c.value.startswith("In use: fares.txt") for c in app.caption)  # kept, said so
    assert app.selectbox(key="example_C").value == "housing_wire"
    assert [s.value for s in app.subheader] == shown and not stale_note_shown(app)
    app.button(key="analyze").click().run()  # the same articles again, not the examples
    assert not app.exception and not app.error
    assert [s.value for s in app.subheader] == shown
    assert "rammed through" in page_html(app) and "ten percent" in page_html(app)


def test_a_hidden_slot_keeps_its_inputs(app):
    """Articles to compare 3 -> 2 -> 3 brings article C back as it was."""
    app.radio(key="count").set_value(3).run()
    paste(app, "C", PASTE_B)
    app.text_input(key="title_C").input("Budget row")
    app.text_input(key="outlet_C").input("The Gazette")
    app.radio(key="count").set_value(2).run()
    assert not app.get("text_area")
    app.radio(key="count").set_value(3).run()
    assert app.radio(key="source_C").value == "Paste text"
    assert app.text_area(key="text_C").value == PASTE_B
    assert (app.text_input(key="title_C").value, app.text_input(key="outlet_C").value) == (
        "Budget row", "The Gazette")
    app.button(key="analyze").click().run()
    assert not app.error and [s.value for s in app.subheader][2] == "C. Budget row"
    assert "rammed through" in page_html(app)


def test_results_say_when_the_inputs_changed(app):
    assert not stale_note_shown(app)
    app.selectbox(key="example_B").set_value("ukraine_seed").run()
    assert stale_note_shown(app)
    app.selectbox(key="example_B").set_value("ukraine_commentary").run()
    assert not stale_note_shown(app)  # back to what the results were computed from
    app.radio(key="count").set_value(3).run()
    assert stale_note_shown(app)
    app.button(key="analyze").click().run()
    assert not stale_note_shown(app) and len(app.metric) == 15
    paste(app, "A", PASTE_A)
    app.run()
    assert stale_note_shown(app)
    app.button(key="analyze").click().run()
    assert not stale_note_shown(app) and "ten percent" in page_html(app)


def test_an_untitled_article_is_named_by_its_headline_or_its_slot(app):
    paste(app, "A", "Council Rams Through Reckless Budget\n\n" + PASTE_B)
    paste(app, "B", PASTE_A)
    app.button(key="analyze").click().run()
    assert [s.value for s in app.subheader] == ["A. Council Rams Through Reckless Budget",
                                                "B. Article B"]
    said = page_html(app) + " ".join(c.value for c in app.caption)
    assert "article_A" not in said and "article_B" not in said
    assert not re.search(r"text-[0-9a-f]{8}", said)  # the library's id of a pasted text


def test_four_articles_start_on_one_story(app):
    """A to C start on the three tellings of the Ukraine story; the example corpus has no
    fourth, so D starts empty on Paste text instead of on another story."""
    app.radio(key="count").set_value(4).run()
    assert [app.selectbox(key=f"example_{s}").value for s in "ABC"] == [
        "ukraine_wire", "ukraine_commentary", "ukraine_seed"]
    assert app.radio(key="source_D").value == "Paste text"
    assert app.text_area(key="text_D").value == ""
    app.button(key="analyze").click().run()
    assert [e.value for e in app.error] == ["Article D was not analyzed: no text was pasted."]
    assert len(app.metric) == 15


def test_metrics_side_by_side_are_in_plain_words(app):
    open_tab(app, "Comparison")
    table = next(d.value for d in app.dataframe if "measure" in d.value.columns)
    assert list(table.columns) == ["measure", "A", "B", "B − A", "90 % interval",
                                   "beyond noise", "p"]
    assert not any("_" in name for name in table["measure"])
    assert not table.isna().any().any() and not (table == "None").any().any()
    opinion = table.set_index("measure").loc["Author's sentences that are opinion"]
    assert opinion["A"].endswith("%") and opinion["B − A"].endswith(" pts")
    assert any(c.value.startswith("“B − A” is B's figure minus A's") for c in app.caption)


def test_an_address_without_a_scheme_is_fetched_with_https(app, monkeypatch):
    monkeypatch.delenv("FRAMING_ALLOW_PRIVATE_HOSTS", raising=False)
    errors = fetch_errors(app, "127.0.0.1/article")
    assert len(errors) == 1 and "127.0.0.1 is a loopback address" in errors[0]


def test_the_lexicon_uploader_says_its_own_limit(app):
    uploader = app.sidebar.file_uploader(key="lexicon")
    assert uploader.proto.max_upload_size_mb == 1  # the browser says "1MB per file"
    assert "Up to 1 MB." in uploader.proto.help


def test_a_lexicon_stays_in_use_after_a_visit_to_the_corpus_page(app):
    lexicon = (b"term,category,explanation,alternative\n"
               b"gizmo,loaded,Belittles a plan as a toy.,plan\n")
    paste(app, "A", "The council approved the gizmo budget on Monday.")
    paste(app, "B", PASTE_B)
    app.sidebar.file_uploader(key="lexicon").set_value(("mine.csv", lexicon, "text/csv"))
    app.button(key="analyze").click().run()
    assert "Belittles a plan as a toy." in page_html(app)
    visit_corpus_page_and_return(app)
    assert any("1 entry from mine.csv" in s.value for s in app.sidebar.success)
    assert "Belittles a plan as a toy." in page_html(app)


def test_the_deploy_button_is_hidden():
    config = (ROOT / ".streamlit" / "config.toml").read_text()
    assert '[client]\n' in config and 'toolbarMode = "viewer"' in config


def test_the_open_tab_and_sentence_filters_survive_other_tabs_and_pages(app):
    open_tab(app, "Sentences")
    app.multiselect(key="f_voice").set_value(["quoted"]).run()
    open_tab(app, "Articles")
    open_tab(app, "Sentences")
    assert app.multiselect(key="f_voice").value == ["quoted"]
    visit_corpus_page_and_return(app)
    assert not app.exception
    assert app.session_state["view"] == "Sentences"
    assert app.multiselect(key="f_voice").value == ["quoted"]
    assert set(next(d.value for d in app.dataframe if "voice" in d.value.columns)["voice"]) \
        == {"quoted"}


def test_an_uploaded_lexicon_names_the_towns_of_the_story(app):
    towns = b"term,category\nMarlowe,place\nMarlowe Harriers,organization\n"
    paste(app, "A", "Marlowe will get a new pier, the council said. Marlowe Harriers said in a "
                    "statement that the club would pay for new lights.")
    paste(app, "B", PASTE_B)

    def sources():  # the comparison's table of who is quoted or reported, by kind
        app.button(key="analyze").click().run()
        open_tab(app, "Comparison")
        actors = next(d.value for d in app.dataframe if "actor" in d.value.columns)
        return dict(zip(actors["actor"], actors["kind"]))

    assert sources() == {"Marlowe Harriers": "person"}
    app.sidebar.file_uploader(key="lexicon").set_value(("towns.csv", towns, "text/csv"))
    assert sources()["Marlowe Harriers"] == "organization"
    assert any("2 entries from towns.csv" in s.value for s in app.sidebar.success)
