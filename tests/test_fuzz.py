"""Property tests: on any input only a FramingError escapes, and every span holds.

Each entry point a user can feed is given arbitrary or mangled input: file bytes by name, real-
looking HTML pages with tags deleted, duplicated, inserted and cut off, lexicon CSV files,
CSV files to classify (through the command line), pairs of texts to compare, and text to
analyze. The default profile runs a modest number of examples; a longer run:

    HYPOTHESIS_PROFILE=long python3 -m pytest tests/test_fuzz.py -q
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_invariants import NEWSY, check_invariants

from framing import analyzer as analyzer_module
from framing.cli import main
from framing.compare import compare
from framing.errors import FramingError
from framing.ingest import article_from_bytes, article_from_html
from framing.lexicon import KNOWN_COLUMNS, Lexicon, read_lexicon


def examples(share: int) -> int:
    """``share`` percent of the profile's examples (100 by default, many more in ``long``)."""
    return max(5, settings.default.max_examples * share // 100)


FUZZ = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}

ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)
WORDS = ("the minister said that council budget would rise after talks with unions officials "
         "claimed residents argued housing Smith Jones Paris Ukraine Kyiv police protest "
         "according to reportedly allegedly slammed radical extremist").split()
PROSE = st.lists(
    st.one_of(st.sampled_from(WORDS), NEWSY, st.text(max_size=12)), min_size=1, max_size=120,
).map(" ".join)


def check_comparison(comparison) -> None:
    """Every aligned pair points at body sentences and its differing spans lie inside them."""
    for pair in comparison.pairs:
        for side, index, spans in ((pair.a, pair.a_sentence, pair.a_only),
                                   (pair.b, pair.b_sentence, pair.b_only)):
            report = comparison.reports[side]
            sentence = report.scores[index].sentence
            for start, end in spans:
                assert sentence.start <= start < end <= sentence.end


# --------------------------------------------------------------------------- files and pages

@settings(max_examples=examples(30), **FUZZ)
@given(data=st.one_of(st.binary(max_size=3000), PROSE.map(str.encode),
                      ANY_TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))),
       name=st.sampled_from(["article.txt", "article.html", "notes.md", "page", "x.csv"]))
def test_any_file_bytes_load_and_analyze(analyzer, data, name):
    try:
        report = analyzer.analyze(article_from_bytes(data, name))
    except FramingError:
        return
    check_invariants(report)


PARAGRAPHS = [
    "The city council approved a budget of 4.2 million euros on Tuesday after a debate that "
    "ran late into the night, officials said.",
    "“We cannot keep the libraries open on this money,” said Ana Ruiz, who chairs the culture "
    "committee, adding that two branches would close in spring.",
    "Critics called the plan a disgrace. The mayor, according to a spokesman, rejected that "
    "view and said the cuts were modest and temporary.",
    "Residents who spoke at the meeting were divided; some praised the savings, others warned "
    "of longer queues and fewer services for older people.",
]
PAGES = [
    # a news page with navigation, a byline and a footer
    "<!doctype html><html><head><title>Council passes budget</title>"
    '<meta property="article:published_time" content="2024-03-05"></head><body>'
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
    "<article><h1>Council passes budget</h1><p class='byline'>By Jo Park</p>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "<figure><img src='a.jpg'><figcaption>The town hall (Photo: J. Park)</figcaption>"
    "</figure></article><footer>© 2024 The Gazette</footer></body></html>",
    # nested divs, a table, a script and a comment
    "<html><body><div id='main'><div class='story'><h2>Budget</h2>"
    + "".join(f"<div><span>{p}</span></div>" for p in PARAGRAPHS)
    + "<table><tr><td>Libraries</td><td>-12%</td></tr></table>"
    "<script>var x = '<p>not text</p>';</script><!-- ad slot --></div></div></body></html>",
    # a blog page: line breaks, lists, a blockquote and entities
    "<html><head><meta charset='utf-8'><title>Notes &amp; views</title></head><body><main>"
    f"<p>{PARAGRAPHS[0]}<br>{PARAGRAPHS[3]}</p><blockquote><p>{PARAGRAPHS[1]}</p></blockquote>"
    f"<ul><li>{PARAGRAPHS[2]}</li><li>Read more: &laquo;Budget day&raquo;</li></ul>"
    "<p>Caf&eacute; owners &#8220;welcomed&#8221; it&nbsp;&mdash; mostly.</p></main></body></html>",
]
JUNK = [
    "<div>", "</div>", "<p>", "</p>", "</html>", "<html>", "<body>", "<br/>", "<script>",
    "</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<table><tr><td>", "<svg><g>",
    "<p", "<a href='", "'>", "<", ">", "&", "&amp;", "&#0;", "&#xD800;", "&#1114112;",
    "&nbsp;", "&bogus;", "\x00", "\ufeff", "\u202e", "“", "”", '"', "<?xml version='1.0'?>",
    "<!doctype html>", "<meta charset='utf-16'>", "<noscript>", "<template>", "<iframe>",
    "<h1>", "</article>", "<article>",
]


@st.composite
def mutated_pages(draw) -> str:
    """One of the pages, with tags deleted, duplicated or inserted, text and huge attributes
    injected, and possibly cut off."""
    parts = re.split(r"(<[^>]*>)", draw(st.sampled_from(PAGES)))
    for _ in range(draw(st.integers(1, 10))):
        i = draw(st.integers(0, len(parts)))
        op = draw(st.sampled_from(["delete", "duplicate", "insert", "text", "attribute",
                                   "repeat"]))
        if op == "delete" and i < len(parts):
            del parts[i]
        elif op == "duplicate" and i < len(parts):
            parts.insert(i, parts[i])
        elif op == "insert":
            parts.insert(i, draw(st.sampled_from(JUNK)))
        elif op == "text":
            parts.insert(i, draw(ANY_TEXT))
        elif op == "attribute":
            value = draw(st.sampled_from(['x', '"', "<", ">", "&", "é"])) * draw(
                st.sampled_from([100, 10_000, 200_000]))
            parts.insert(i, f'<div data-x="{value}">')
        elif op == "repeat":
            parts.insert(i, draw(st.sampled_from(JUNK)) * draw(st.integers(2, 3000)))
    page = "".join(parts)
    if draw(st.booleans()):
        page = page[: draw(st.integers(0, len(page)))]
    return page


@settings(max_examples=examples(30), **FUZZ)
@given(page=mutated_pages(), encoding=st.sampled_from(["utf-8", "cp1252", "utf-16"]))
def test_mutated_html_pages(analyzer, page, encoding):
    data = page.encode(encoding, "replace")
    for load in (lambda: article_from_bytes(data, "page.html"), lambda: article_from_html(page)):
        try:
            report = analyzer.analyze(load())
        except FramingError:
            continue
        check_invariants(report)


# --------------------------------------------------------------------------- lexicons

def _check_entries(entries) -> None:
    lexicon = Lexicon(entries)
    sample = " ".join(e.term for e in entries[:50]) + " and so-called " + " ".join(
        f for e in entries[:20] for f in e.forms)
    for m in lexicon.match(sample):
        assert sample[m.start:m.end] == m.surface


@settings(max_examples=examples(60), **FUZZ)
@given(text=st.one_of(ANY_TEXT, st.text(alphabet=',"\n\r|;term category yes no', max_size=200),
                      st.binary(max_size=300)))
def test_any_lexicon_file(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mine.csv"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8", errors="surrogatepass", newline="")
        try:
            entries = read_lexicon(path)
        except FramingError:
            return
    _check_entries(entries)


CELL = st.one_of(
    st.sampled_from(["", "loaded", "hedge", "yes", "no", "verb", "noun", "clause", "weak",
                     "strong", "so-called", "claim|claims", "LOADED", "x y z"]),
    st.text(max_size=20),
)


@settings(max_examples=examples(60), **FUZZ)
@given(columns=st.lists(st.sampled_from(KNOWN_COLUMNS[2:]), unique=True),
       rows=st.lists(st.lists(CELL, min_size=9, max_size=9), max_size=8))
def test_lexicon_rows_with_any_cells(columns, rows):
    header = ["term", "category", *columns]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row[: len(header)])
    try:
        entries = read_lexicon(Path("mine.csv"), text=out.getvalue())
    except FramingError:
        return
    _check_entries(entries)


# --------------------------------------------------------------------------- classify

@settings(max_examples=examples(40), **FUZZ)
@given(texts=st.lists(st.one_of(ANY_TEXT, PROSE), min_size=1, max_size=6))
def test_classify_texts(analyzer, texts):
    try:
        results = analyzer.classify_texts(texts)
    except FramingError:
        return
    assert len(results) == len(texts)
    for text, result in zip(texts, results):
        s = result.score.sentence
        assert 0 <= s.start < s.end <= len(text)
        assert 0.0 <= result.score.opinion_score <= 1.0
        for hit in result.hits:
            assert text[hit.start:hit.end] == hit.surface


def _classify(analyzer, content: str | bytes, *options: str) -> tuple[int, Path]:
    """``python -m framing classify`` in process, with the session's Analyzer."""
    folder = Path(tempfile.mkdtemp())
    source, out = folder / "in.csv", folder / "out.csv"
    if isinstance(content, bytes):
        source.write_bytes(content)
    else:
        source.write_text(content, encoding="utf-8", errors="surrogatepass", newline="")
    with mock.patch.object(analyzer_module, "Analyzer", lambda **_: analyzer), \
            redirect_stderr(io.StringIO()), redirect_stdout(io.StringIO()):
        code = main(["classify", str(source), "--out", str(out), *options])
    return code, out


@settings(max_examples=examples(25), **FUZZ)
@given(cells=st.lists(st.lists(st.one_of(ANY_TEXT, PROSE), min_size=2, max_size=2),
                      max_size=5),
       header=st.sampled_from([["text", "id"], ["id", "text"], ["Text", "id"]]))
def test_cli_classify_any_cells(analyzer, cells, header):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(cells)
    code, out = _classify(analyzer, buffer.getvalue())
    assert code in (0, 2)
    if code == 0:
        with out.open(newline="", encoding="utf-8") as fh:
            assert len(list(csv.DictReader(fh))) == len(cells)


@settings(max_examples=examples(25), **FUZZ)
@given(content=st.one_of(ANY_TEXT, st.text(alphabet='text,"\n\r\x00ab', max_size=100),
                         st.binary(max_size=200)))
def test_cli_classify_any_file(analyzer, content):
    code, _ = _classify(analyzer, content)
    assert code in (0, 2)


# --------------------------------------------------------------------------- compare, analyze

@settings(max_examples=examples(20), **FUZZ)
@given(first=PROSE, second=st.one_of(PROSE, ANY_TEXT))
def test_compare_any_pair(analyzer, first, second):
    try:
        reports = [analyzer.analyze(first), analyzer.analyze(second)]
        comparison = compare(reports)
    except FramingError:
        return
    check_comparison(comparison)


@settings(max_examples=examples(60), **FUZZ)
@given(text=st.one_of(ANY_TEXT, PROSE, st.text(max_size=300)))
def test_analyze_any_text(analyzer, text):
    try:
        report = analyzer.analyze(text)
    except FramingError:
        return
    check_invariants(report)


# Lines of interviews, transcripts and embedded posts, in any order and mangled: the
# turns and posts found must not overlap each other or the quotations left.
SPEECH_LINES = st.lists(st.one_of(
    st.sampled_from(["Q: ", "A: ", "A. ", "REYES: ", "TOMAS REYES: ", "Nadia Okafor: ",
                     "“MARLOWE: ", "HOST: ", "UPDATE: "]).flatmap(
        lambda label: PROSE.map(lambda prose: label + prose)),
    st.sampled_from(["— Ruth Ambler (@RuthAmbler) March 3, 2024",
                     "text — Ed Porter (@EdPorter) May 2, 2024", "Here is the video:",
                     "“a quotation that runs on", "closes here,” she said."]),
    PROSE, ANY_TEXT), min_size=1, max_size=20)


@settings(max_examples=examples(50), **FUZZ)
@given(lines=SPEECH_LINES, separator=st.sampled_from(["\n\n", "\n"]))
def test_turns_and_posts_in_any_order(analyzer, lines, separator):
    try:
        report = analyzer.analyze(separator.join(lines))
    except FramingError:
        return
    check_invariants(report)
    quotes = sorted(report.quotes, key=lambda q: q.start)
    assert all(a.end <= b.start for a, b in zip(quotes, quotes[1:])), "quotations overlap"


def test_lone_surrogates_are_not_a_crash(analyzer):
    # A str from surrogateescape-decoded bytes holds lone surrogates; not a traceback.
    try:
        report = analyzer.analyze("The council said \udce9 that the \ud800 budget would rise.")
    except FramingError:
        return
    check_invariants(report)


@settings(max_examples=examples(50), **FUZZ)
@given(text=st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
       | st.lists(st.sampled_from(["Dr", "Mr", "-", "”", "“", "'", '"', " ", "A", "i", "ii",
                                   "1", "a", "B", "\t", "(", ":", ";", "—"]), max_size=30).map("".join))
def test_pysbd_splits_nothing_where_the_segmenter_skips_it(text):
    # The segmenter hands pysbd only blocks in which it may find a boundary (segment.py).
    import pysbd

    from framing.segment import _MAY_SPLIT, _locate

    block = text.replace("\n", " ")
    if _MAY_SPLIT.search(block):
        return
    pieces = pysbd.Segmenter(language="en", clean=False, char_span=False).segment(block)
    assert _locate(block, pieces, 0) == _locate(block, [block], 0)
