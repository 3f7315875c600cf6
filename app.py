"""framing: compare how news articles frame a story, sentence by sentence.

Run with ``streamlit run app.py``. This file only renders what the ``framing`` package computes.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from framing import Analyzer, FramingError, article_from_text, load_article
from framing.export import articles_frame, sentences_frame, to_csv_bytes
from framing.render import LEGEND, STYLE, article_html

CORPUS = Path(__file__).parent / "corpus" / "articles"
EXAMPLES = ("ukraine_wire", "ukraine_commentary")
SLOTS = ("A", "B")

st.set_page_config(page_title="framing: how articles frame a story", layout="wide")


@st.cache_resource
def get_analyzer() -> Analyzer:
    return Analyzer()


@st.cache_data(show_spinner=False)
def analyze_text(text: str, title: str, outlet: str, slot: str):
    article = article_from_text(text, title=title, outlet=outlet, id=f"article_{slot}")
    return get_analyzer().analyze(article)


@st.cache_data(show_spinner=False)
def analyze_corpus(name: str):
    return get_analyzer().analyze(load_article(CORPUS / f"{name}.txt"))


def corpus_names() -> list[str]:
    return sorted(p.stem for p in CORPUS.glob("*.txt"))


st.title("framing")
st.caption(
    "Where an article reports and where it editorializes, whose voice each sentence carries, "
    "and which words do the framing. The example articles are illustrative texts written for "
    "the project."
)

columns = st.columns(len(SLOTS))
reports = []
for column, slot, example in zip(columns, SLOTS, EXAMPLES):
    with column:
        source = st.radio(
            f"Article {slot}", ("Example", "Paste text"), horizontal=True, key=f"source_{slot}"
        )
        try:
            if source == "Example":
                names = corpus_names()
                name = st.selectbox(
                    "Example article", names, index=names.index(example), key=f"example_{slot}"
                )
                report = analyze_corpus(name)
            else:
                text = st.text_area(f"Text of article {slot}", height=200, key=f"text_{slot}")
                if not text.strip():
                    st.error(f"Article {slot}: paste the article's text to analyze it.")
                    continue
                report = analyze_text(text, "", "", slot)
        except FramingError as error:
            st.error(f"Article {slot}: {error}")
            continue
        reports.append(report)
        m = report.metrics
        st.subheader(report.article.title or f"Article {slot}")
        if report.article.outlet:
            st.caption(report.article.outlet)
        a, b, c = st.columns(3)
        a.metric("Opinion share (author's voice)", f"{m.opinion_share_author:.0%}")
        b.metric("Share in direct quotes", f"{m.quoted_word_share:.0%}")
        c.metric("Named sources", m.named_sources)
        for warning in report.article.warnings:
            st.warning(warning)
        st.markdown(STYLE + LEGEND, unsafe_allow_html=True)
        st.markdown(article_html(report), unsafe_allow_html=True)

if reports:
    st.divider()
    st.download_button(
        "Download sentences (CSV)", to_csv_bytes(sentences_frame(reports)),
        file_name="sentences.csv", mime="text/csv", key="download_sentences",
    )
    st.download_button(
        "Download articles (CSV)", to_csv_bytes(articles_frame(reports)),
        file_name="articles.csv", mime="text/csv", key="download_articles",
    )
