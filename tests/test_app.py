"""The Streamlit app through AppTest: it opens on the ready example and handles bad input."""

from __future__ import annotations

import pytest
from conftest import ROOT

AppTest = pytest.importorskip("streamlit.testing.v1").AppTest


@pytest.fixture
def app():
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()


def test_opens_on_the_example_without_errors(app):
    assert not app.exception
    assert not app.error
    assert len(app.metric) == 6  # three headline figures for each of the two articles
    html = "".join(m.value for m in app.markdown)
    assert "fr-article" in html and "“volunteers”" not in html  # the wire and the commentary
    assert "saber-rattling" in html


def test_pasted_text_is_analyzed_and_escaped(app):
    app.radio(key="source_A").set_value("Paste text").run()
    app.text_area(key="text_A").input(
        "The mayor said the budget was fine. <script>alert(1)</script> It is a disaster."
    ).run()
    assert not app.exception
    html = "".join(m.value for m in app.markdown)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html


def test_empty_paste_shows_a_clear_error(app):
    app.radio(key="source_B").set_value("Paste text").run()
    assert not app.exception
    assert [e.value for e in app.error] == ["Article B: paste the article's text to analyze it."]
