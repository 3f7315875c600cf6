"""The app under load and abuse: size limits give one-line messages, sessions keep to their
own lexicons, the lexicon Analyzers are bounded, and one Analyzer serves many threads.
(Timings and memory under many browser sessions: bench/app_load.py.)"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import CORPUS_FILES, ROOT

from framing import load_article
from framing.analyzer import AnalyzerPool
from framing.ingest import MAX_BYTES, MAX_CHARS

AppTest = pytest.importorskip("streamlit.testing.v1").AppTest

TEXT = ("The council approved the gizmo plan on Monday. The widget contract went to a local "
        "firm. Officials said the gizmo would save money, and the widget would not.")


@pytest.fixture
def app():
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()


def lexicon(term: str) -> bytes:
    return f"term,category,explanation,alternative\n{term},loaded,Ours.,thing\n".encode()


def flagged(app) -> set[str]:
    """The words of TEXT marked as loaded terms on the page."""
    html = "".join(m.value for m in app.markdown)
    return set(re.findall(r'<span class="fr-term fr-loaded [^"]*" title="[^"]*">(gizmo|widget)<',
                          html))


def test_config_caps_uploads_and_messages():
    text = (ROOT / ".streamlit" / "config.toml").read_text()
    config = {k: int(v) for k, v in re.findall(r"(?m)^(\w+) = (\d+)$", text)}
    assert config["maxUploadSize"] * 1_000_000 == MAX_BYTES
    assert 8 * MAX_CHARS <= config["maxMessageSize"] * 1_000_000 <= 200_000_000


def test_oversized_paste_gets_one_line(app):
    app.radio(key="source_A").set_value("Paste text").run()
    app.text_area(key="text_A").input("word " * (MAX_CHARS // 5) + "x")
    app.button(key="analyze").click().run()
    assert not app.exception
    assert [e.value for e in app.error] == [
        f"Article A: text is {MAX_CHARS + 1:,} characters; the limit is {MAX_CHARS:,} per "
        "article"]


def test_oversized_upload_gets_one_line(app):
    app.radio(key="source_A").set_value("Upload a file").run()
    app.file_uploader(key="upload_A").set_value(
        ("huge.txt", b"word " * (MAX_BYTES // 5 + 1), "text/plain"))
    app.button(key="analyze").click().run()
    assert not app.exception
    assert len(app.error) == 1 and "\n" not in app.error[0].value
    assert app.error[0].value.startswith("Article A: huge.txt: file is 10.0 MB; the limit is")


def test_oversized_lexicon_gets_one_line(app):
    app.sidebar.file_uploader(key="lexicon").set_value(
        ("big.csv", b"term,category\n" + b"gizmo,loaded\n" * 100_000, "text/csv")).run()
    assert not app.exception
    assert [e.value for e in app.sidebar.error] == [
        "big.csv: file is 1.3 MB; the limit for a lexicon is 1 MB"]


def analyzed_with(term: str):
    session = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    session.sidebar.file_uploader(key="lexicon").set_value(
        (f"{term}.csv", lexicon(term), "text/csv")).run()
    session.radio(key="source_A").set_value("Paste text").run()
    session.text_area(key="text_A").input(TEXT)
    session.button(key="analyze").click().run()
    assert not session.exception and not session.error
    return session


def test_sessions_keep_to_their_own_lexicon():
    first, second = analyzed_with("gizmo"), analyzed_with("widget")
    assert flagged(first) == {"gizmo"}
    assert flagged(second) == {"widget"}
    first.run()  # a rerun of the first session, after the second one's lexicon was used
    assert flagged(first) == {"gizmo"}


def test_lexicon_analyzers_are_bounded(analyzer):
    pool = AnalyzerPool(size=2, base=analyzer)
    terms = ["gizmo", "widget", "doohickey"]
    built = [pool.get(lexicon(t).decode()) for t in terms]
    assert len(pool) == 2
    assert pool.get(lexicon("doohickey").decode()) is built[2]  # kept
    assert pool.get(lexicon("gizmo").decode()) is not built[0]  # dropped, built again
    assert len(pool) == 2
    assert pool.get("") is analyzer
    for size in (0, -1, "2", 2.0, True):  # (0 dropped what it had just built: a KeyError)
        with pytest.raises(TypeError, match="^size must be a whole number of Analyzers"):
            AnalyzerPool(size=size, base=analyzer)
    for wrong, says in ((lexicon("gizmo"), "not bytes: decode it"), (5, "not int")):
        with pytest.raises(TypeError, match=says):  # (bytes were read as a tuple of ints)
            pool.get(wrong)
    for analyzer_, term in zip(built, terms):
        assert analyzer_.model is analyzer.model  # the model is shared, not loaded again
        report = analyzer_.analyze(f"The {term} arrived on Monday.")
        assert [h.term for h in report.hits if h.category == "loaded"] == [term]


def test_an_analyzer_with_lexicons_derived_from_another_equals_a_whole_build(analyzer,
                                                                             tmp_path):
    """``with_lexicons`` (what the pool builds for an upload) shares the lexicon-free parts of
    its base and gives the reports a whole ``Analyzer(lexicons=...)`` gives; the base keeps
    its own lexicons. The lexicon adds a loaded word and a verb of saying, which changes the
    voices and the sentence splitting as well as the hits."""
    from framing import Analyzer

    path = tmp_path / "ours.csv"
    path.write_text("term,category,explanation,alternative,pos,inflect,forms\n"
                    "gizmo,loaded,Ours.,thing,noun,yes,\n"
                    "harrumph,attribution_verb,Ours too.,,verb,yes,harrumphs|harrumphed|"
                    "harrumphing\n", encoding="utf-8")
    text = ("The gizmo arrived on Monday. “It is a disgrace,” the mayor harrumphed. "
            "“Is it?” Smith harrumphed. " + load_article(CORPUS_FILES[0]).text)
    derived = analyzer.with_lexicons([path])
    whole = Analyzer(lexicons=[path], model=analyzer.bundle)
    assert derived.model is analyzer.model and derived.cues is analyzer.cues
    assert derived.lexicon_files == whole.lexicon_files == (path,)
    assert derived.analyze(text) == whole.analyze(text)
    report = derived.analyze(text)
    assert {"gizmo", "harrumph"} <= {h.term for h in report.hits}
    assert analyzer.lexicon_files == ()
    assert analyzer.analyze(text) == Analyzer(model=analyzer.bundle).analyze(text)
    assert "gizmo" not in {h.term for h in analyzer.analyze(text).hits}


def test_one_analyzer_serves_many_threads(analyzer):
    articles = [load_article(path) for path in CORPUS_FILES]
    alone = [analyzer.analyze(a) for a in articles]
    with ThreadPoolExecutor(8) as pool:
        together = list(pool.map(analyzer.analyze, articles * 3))
    assert together == alone * 3
