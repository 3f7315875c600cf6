"""The app's tables and HTML, computed in `framing` and tested without Streamlit."""

from __future__ import annotations

import html
import re

import pytest
from conftest import CORPUS, sentence_starting

from framing import load_article
from framing.compare import compare
from framing.ingest import article_from_text
from framing.render import (
    ALL_CATEGORIES,
    article_html,
    handout_html,
    marked_hits,
    pairs_html,
    sentence_html,
    term_tooltip,
    why_html,
)
from framing.views import (
    CATEGORY_MEANINGS,
    METRIC_ALIASES,
    METRIC_LABELS,
    article_name,
    difference_caption,
    explorer_table,
    filter_explorer,
    frame_table,
    headline_metrics,
    is_web_address,
    markdown_text,
    metrics_table,
    plain_cues,
    plural,
    short_text_note,
    sources_table,
    term_category_table,
    url_with_scheme,
    voice_opinion_table,
)


@pytest.fixture(scope="module")
def pair(analyzer):
    return [analyzer.analyze(load_article(CORPUS / name))
            for name in ("ukraine_wire.txt", "ukraine_commentary.txt")]


def test_headline_metrics_show_the_report_figures(pair):
    report = pair[1]
    figures = {label: value for label, value, _ in headline_metrics(report)}
    # the same share as the summary's and the framing score's: of the body sentences
    assert figures["Opinion"] == f"{report.metrics.opinion_share_body:.0%}"
    assert figures["Opinion"] != f"{report.metrics.opinion_share_author:.0%}"
    assert figures["Sources"] == str(report.metrics.named_sources)
    assert figures["Score"] == f"{report.metrics.framing_score:.0f}/100"
    # short labels, to stay whole in a column of four articles; the help says what each is
    assert all(len(label) <= 9 for label in figures)
    helps = [help_text for _, _, help_text in headline_metrics(report)]
    assert helps[0].startswith("Author opinion:") and helps[-1].startswith("Framing score, 0")


def test_voice_shares_add_up_per_article(pair):
    table = voice_opinion_table(pair, ["A", "B"])
    assert table.groupby("article")["share"].sum().round(6).tolist() == [1.0, 1.0]
    author_opinion = table[(table.article == "B") & (table.part == "author's opinion")]
    assert author_opinion.sentences.sum() == pair[1].metrics.opinion_sentences
    # a speaker's opinion is never charted as the author's
    assert set(table[table.voice != "author's own words"].part) == {
        "reported speech", "direct quotation"}


def test_term_frame_and_source_tables(pair):
    terms = term_category_table(pair, ["A", "B"])
    b = terms[terms.article == "B"].set_index("category")["per_1k"]
    a = terms[terms.article == "A"].set_index("category")["per_1k"]
    assert b.sum() > a.sum()  # the commentary loads its own words more than the wire copy
    frames = frame_table(pair, ["A", "B"])
    assert frames.groupby("article")["share"].sum().max() == pytest.approx(1.0, abs=1e-3)
    sources = sources_table(pair, ["A", "B"])
    assert "Vladimir Putin" in set(sources[sources.article == "A"].source)
    assert sources.source.nunique() > 8
    top = sources_table(pair, ["A", "B"], top=8)
    assert top.source.nunique() == 9 and "other sources" in set(top.source)
    # nothing is lost: each article's sentences add up the same
    assert (top.groupby("article")["sentences"].sum()
            == sources.groupby("article")["sentences"].sum()).all()
    most = sources.groupby("source")["sentences"].sum().sort_values(ascending=False)
    assert most.index[0] in set(top.source)


def test_a_source_named_two_ways_is_one_source(analyzer):
    a = analyzer.analyze(article_from_text(
        "Harbor master Michael Thibodeau said the port would reopen.\n\n"
        "“The cranes are fixed,” Thibodeau said."))
    b = analyzer.analyze(article_from_text(
        "Harbor master Mike Thibodeau told reporters that the port was ready.\n\n"
        "The port handles 40 ships a week."))
    sources = sources_table([a, b], ["A", "B"])
    assert set(sources.source) == {"Michael Thibodeau"}  # as the comparison merges them
    assert sources.groupby("article")["sentences"].sum().to_dict() == {"A": 2, "B": 1}


def test_explorer_filters_combine(pair):
    table = explorer_table(pair, ["A", "B"])
    assert len(table) == sum(len(r.scores) for r in pair)
    opinions = filter_explorer(table, articles=["B"], voices=["author"], labels=["opinion"])
    assert len(opinions[opinions.kind == "body"]) == pair[1].metrics.opinion_sentences
    scare = filter_explorer(table, categories=["scare_quote"])
    assert len(scare) and all("scare_quote" in c for c in scare.categories)
    assert "“defensive”" in " ".join(scare.text)


def test_article_html_escapes_markup_and_marks_terms(analyzer):
    text = ("<script>alert(1)</script> The senator said the plan was reckless. "
            "<img src=x onerror=alert(2)> It is time this shameful scheme was scrapped.")
    report = analyzer.analyze(article_from_text(text))
    page = article_html(report)
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert re.search(r'class="fr-term fr-loaded[^"]*"[^>]*>shameful</span>', page)


def test_quoted_term_tooltip_names_the_speaker(analyzer):
    report = analyzer.analyze(load_article(CORPUS / "ukraine_seed.txt"))
    hit = next(h for h in report.hits if h.surface == "belligerent")
    tip = term_tooltip(hit)
    assert hit.voice == "quoted" and "Blinken" in tip and "in a quotation" in tip
    index = sentence_starting(report, "Prior to the commencement of the meeting").index
    assert "fr-quoted-term" in sentence_html(report, index)


def test_category_filter_drops_other_terms(pair):
    report = pair[1]
    page = article_html(report, categories=("hedge",))
    assert "fr-hedge" in page and "fr-term fr-loaded" not in page


def test_borderline_band_widens_with_the_setting(pair):
    report = pair[1]
    narrow = article_html(report, borderline_width=0.0).count("fr-borderline")
    wide = article_html(report, borderline_width=1.0).count("fr-borderline")
    assert narrow == 0 and wide == len(report.scores)


def test_pairs_mark_the_words_only_one_side_uses(pair):
    c = compare(pair)
    page = pairs_html(c, 0, 1)
    assert page.count("<tr>") == 1 + sum(1 for p in c.pairs if (p.a, p.b) == (0, 1))
    assert "<mark>" in page


def test_an_article_is_named_by_its_title_then_its_headline_never_its_id(analyzer):
    titled = analyzer.analyze(article_from_text("The council met.", title="Budget row",
                                                id="article_A"))
    assert article_name(titled, "A") == "Budget row"
    headed = analyzer.analyze(article_from_text(
        "Council Rams Through Reckless Budget\n\nThe council rammed through a reckless budget on "
        "Monday. Officials said fares would rise.", id="article_A"))
    assert article_name(headed, "A") == "Council Rams Through Reckless Budget"
    plain = analyzer.analyze(article_from_text(
        "The council approved the budget on Monday. Officials said fares would fall.",
        id="article_B"))
    assert article_name(plain, "B") == "Article B"


@pytest.mark.parametrize(("typed", "fetched"), [
    ("www.example.com/news/story", "https://www.example.com/news/story"),
    ("  example.org/a?b=1 ", "https://example.org/a?b=1"),
    ("example.org", "https://example.org"),
    ("127.0.0.1/article", "https://127.0.0.1/article"),
    ("http://example.com/x", "http://example.com/x"),
    ("ftp://example.com/x", "ftp://example.com/x"),  # refused by the fetcher, with its reason
    ("not a web address", "not a web address"),
    ("", ""),
])
def test_an_address_without_a_scheme_gets_https(typed, fetched):
    assert url_with_scheme(typed) == fetched


@pytest.mark.parametrize(("pasted", "address"), [
    ("https://www.example.com/news/millbrook-wins", True),
    ("  http://example.org\n", True),
    ("www.example.com/news", True),
    ("bbc.co.uk", True),
    ("gazette.example:8080/sport?id=3", True),
    ("Propaganda", False),
    ("U.S.", False),
    ("3.5", False),
    ("See https://www.example.com/news for more.", False),  # a text that names an address
    ("", False),
])
def test_a_pasted_web_address_is_recognized(pasted, address):
    assert is_web_address(pasted) is address


@pytest.mark.parametrize(("count", "noun", "nouns", "said"), [
    (1, "article", "", "1 article"), (0, "story", "stories", "0 stories"),
    (2, "wire copy", "wire copies", "2 wire copies"), (1, "outlet", "", "1 outlet"),
    (12345, "sentence", "", "12,345 sentences"),
])
def test_plural(count, noun, nouns, said):
    assert plural(count, noun, nouns) == said


def test_every_metric_has_a_plain_name():
    from dataclasses import fields

    from framing.report import ArticleMetrics

    numeric = {f.name for f in fields(ArticleMetrics)
               if f.type in ("int", "float", "bool")} - {"framing_score_low",
                                                          "framing_score_high"}
    assert numeric == set(METRIC_LABELS) | set(METRIC_ALIASES)
    for name, kind in METRIC_LABELS.values():
        assert "_" not in name and name[0].isupper()
        assert kind in ("count", "share", "rate", "score", "signed", "ease", "fraction", "flag")
    assert len({name for name, _ in METRIC_LABELS.values()}) == len(METRIC_LABELS)
    # one data file names each metric for the table and for the outlet sentences
    from framing.report import metric_names

    assert all(bool(n.label) == bool(n.figure) and n.phrase for n in metric_names().values())
    # every frame's share is worded alike (the outlet sentences set them side by side)
    frames = {k: n.phrase for k, n in metric_names().items() if k.startswith("frame_")}
    assert len(frames) == 15 and all(
        p.startswith("share of framed body sentences framed as ") for p in frames.values())


def test_metrics_table_reads_as_the_cards_and_the_summary(pair):
    from dataclasses import replace

    c = compare(pair)
    # a rate difference far beyond chance: its p-value rounds to 0, written as the summary does
    c = replace(c, differences=tuple(
        replace(d, p_value=0.0) if d.metric == "author_loaded_per_1k" else d
        for d in c.differences))
    table = metrics_table(c).set_index("measure")
    assert list(table.columns) == ["A", "B", "B − A", "90 % interval", "beyond noise", "p"]
    assert not table.isna().any().any() and not (table == "None").any().any()
    assert not any("_" in name for name in table.index)  # no column names of the CSV
    opinion = table.loc["Author's sentences that are opinion"]
    m = [r.metrics for r in pair]
    assert (opinion["A"], opinion["B"]) == (f"{m[0].opinion_share_author:.0%}",
                                            f"{m[1].opinion_share_author:.0%}")
    assert opinion["B − A"].endswith(" pts") and opinion["beyond noise"] == "yes"
    assert table.loc["Loaded terms, author's voice (per 1,000 words)", "p"] == "p < 0.001"
    assert table.loc["Framing score (0 to 100)", "B"] == f"{m[1].framing_score:.0f}"
    assert table.loc["Words (body)", "p"] == table.loc["Words (body)", "90 % interval"] == ""
    assert table.loc["Headline loaded beyond its body", "A"] in ("yes", "no")
    assert "Hedges per 1,000 words" not in table.index  # hedges_per_1k: shown once, as a category
    # the CSV keeps its documented columns and raw values
    from framing.export import comparison_metrics_frame

    assert "opinion_share_author" in set(comparison_metrics_frame(c)["metric"])


def test_metrics_table_with_more_articles_names_the_two_it_subtracts(analyzer, pair):
    third = analyzer.analyze(load_article(CORPUS / "ukraine_seed.txt"))
    c = compare([*pair, third])
    table = metrics_table(c).set_index("measure")
    assert "highest − lowest" in table.columns and "B − A" not in table.columns
    score = table.loc["Framing score (0 to 100)", "highest − lowest"]
    assert score.endswith("(B − A)")  # the commentary scores highest, the wire copy lowest
    assert "highest of the 3 articles' figures minus the lowest" in difference_caption(c.labels)
    assert "B's figure minus A's" in difference_caption(["A", "B"])
    # the jargon said in plain words, for a class
    said = difference_caption(["A", "B"])
    assert "the range the difference most likely lies in" in said
    assert "bootstrap: the articles' sentences drawn again at random" in said
    assert "p is the chance of a difference at least this large" in said
    assert "(5 is five such words in every 1,000)" in said


def test_a_typed_title_does_not_hide_the_articles_own_headline(analyzer):
    from framing import article_from_text

    text = ("Council Rams Through Reckless Bike Lane Scheme\n\nThe council voted 5-4 on Tuesday "
            "to build bike lanes on Main Street. Critics said the plan was rushed. The mayor "
            "praised it.")
    plain = analyzer.analyze(article_from_text(text)).metrics
    titled = analyzer.analyze(article_from_text(text, title="My bike lane story")).metrics
    assert plain.headline_flag and "reckless" in plain.headline_only_terms
    assert (titled.headline_flag, titled.headline_only_terms, titled.framing_score) == \
        (plain.headline_flag, plain.headline_only_terms, plain.framing_score)


def test_a_link_line_is_greyed_never_shaded_as_opinion(analyzer):
    text = ("Council backs the harbour plan\n\nThe council voted 7-2 on Tuesday to back the plan. "
            "This reckless plan is a disgrace and must be stopped now!\n\n"
            "Read Next: Why this reckless council must go now")
    report = analyzer.analyze(text)
    kinds = [s.kind for s in report.sentences]
    assert kinds[-1] == "link"
    html = sentence_html(report, len(kinds) - 1)
    assert "fr-link" in html and "--fr-shade:0.00" in html
    from framing.render import STYLE  # and no background of an opinion sentence either
    assert ".fr-link.fr-s { background: none" in STYLE.replace(".fr-caption.fr-s, .fr-byline.fr-s, ", "")
    opinion = next(i for i, sc in enumerate(report.scores) if sc.sentence.kind == "body"
                   and sc.label == "opinion")
    assert "--fr-shade:0.00" not in sentence_html(report, opinion)
    assert "Why" not in {a.name for a in report.actors}


# --------------------------------------------------------------------------- markdown


@pytest.mark.parametrize(("text", "written"), [
    ("[click](https://evil.example)", "&#91;click&#93;(https&#58;//evil.example)"),
    ("![x](https://evil.example/a.png)", "!&#91;x&#93;(https&#58;//evil.example/a.png)"),
    ("$x^2$ costs", "&#36;x^2&#36; costs"),
    (":smile: and :red[red] and :material/home:",
     "&#58;smile: and &#58;red&#91;red&#93; and &#58;material/home:"),
    ("**bold** _it_ ~~s~~ `code`", "&#42;&#42;bold&#42;&#42; &#95;it&#95; &#126;&#126;s&#126;&#126; "
                                   "&#96;code&#96;"),
    ("<b>tag</b> &amp; a\\b", "&#60;b&#62;tag&#60;/b&#62; &#38;amp; a&#92;b"),
    ("# heading", "&#35; heading"), ("> quote", "&#62; quote"), ("- item", "&#45; item"),
    ("1. first", "1&#46; first"), ("12) twelfth", "12&#41; twelfth"),
    ("two\nlines\r\nhere", "two lines here"),
    # plain words, a sentence's punctuation and a colon before a space stay readable
    ("U.S., Britain warn Russia: talks - again (2021)",
     "U.S., Britain warn Russia: talks - again (2021)"),
    ("", ""),
])
def test_markdown_text_starts_no_syntax(text, written):
    assert markdown_text(text) == written


@pytest.mark.parametrize("text", ["[a](b) $c$ :d: **e** <f> &g; \\h `i` ~j~ |k|", "# x",
                                  "1. y", "plain", "Ünïcödé — “quotes”", "a:b::c"])
def test_markdown_text_reads_as_the_text(text):
    """What the reader sees (the references decoded) is the text itself."""
    assert html.unescape(markdown_text(text)) == text


# --------------------------------------------------------------------------- marks in words


@pytest.mark.parametrize(("cues", "said"), [
    (("question",), ["it asks a question"]),
    (("loaded term: rattling", "word: again", "phrase: once again", "word: s"),
     ["a loaded word, one that carries a judgment: rattling",
      "words the model has learned to link with opinion: again, once again"]),
    (("strength of the author's tone: 0.20", "subjectivity of the author's words: 0.25"),
     ["the writer's words sound strongly for or against",
      "the writer's words sound personal, not factual"]),
    (("call to act: should", "first person: my"),
     ["it says what someone should do: should", "the writer speaks as “I” or “we”: my"]),
    (("a cue nobody has named yet",), ["a cue nobody has named yet"]),
])
def test_cues_are_said_in_plain_words(cues, said):
    assert plain_cues(cues) == said


def test_every_cue_and_category_has_plain_words():
    from framing.classify import CUES

    unnamed = {"sentence length"}  # never shown as a reason (classify._UNSHOWN)
    assert not [c for c in CUES.values() if c not in unnamed and plain_cues((c,)) == [c]]
    assert set(CATEGORY_MEANINGS) >= set(ALL_CATEGORIES)


def test_why_list_says_every_mark_in_words(pair):
    """Every shaded opinion sentence and every underlined word is in the folded list, with
    its reason in words: a reader on a phone or with the keyboard, who cannot hover, and a
    reader who cannot tell the underlines' colours apart, read the same as the tooltips."""
    report = pair[1]
    page = html.unescape(why_html(report))
    assert page.startswith('<details class="fr-why"><summary>Why each mark, in plain words')
    # shaded: the author's opinion in a body sentence or the headline
    opinions = [sc for sc in report.scores if sc.sentence.voice == "author"
                and sc.label == "opinion" and sc.sentence.kind in ("body", "headline")]
    shaded = re.findall(r'class="fr-s fr-author fr-opinion[^"]*" style="--fr-shade:(0\.[1-9]|1)',
                        article_html(report))
    assert len(shaded) == len(opinions) > 5
    assert f"Shaded: the writer's own opinion ({len(opinions)})" in page
    for score in opinions:
        assert f"“{report.sentence_text(score.sentence)}”" in page
    assert ("“Who is really provoking whom over Ukraine?” <i>(opinion score 1.00 of 1)</i>: it "
            "asks a question") in page
    underlined = [h for s in report.sentences for h in marked_hits(report, s.index)]
    assert len(underlined) == html.unescape(article_html(report)).count('class="fr-term ')
    assert f"Underlined: marked words ({len(underlined)})" in page
    assert ("<b>claimed</b>: a loaded verb of saying: it judges the speaker, where “said” would "
            "not. Suggests the statement may not be true; 'said' reports it without judging it. "
            "Neutral alternative: said.") in page
    assert "<b>malign</b>: a loaded word" in page and "Liz Truss’s words, in a quotation" in page


def test_why_list_follows_the_chosen_categories_and_escapes(analyzer):
    text = ("Officials said the plan was fine. This <b>shameful</b> scheme must be scrapped now, "
            "and it could cost millions.")
    report = analyzer.analyze(article_from_text(text))
    page = why_html(report, categories=("hedge",))
    assert "<b>could</b>" in page and "<b>shameful</b>" not in page
    assert "“This &lt;b&gt;shameful&lt;/b&gt; scheme" in page  # the opinion sentence, as text
    quiet = analyzer.analyze(article_from_text("The council met on Monday. It approved the budget."))
    assert "Nothing is marked" in why_html(quiet)


def test_a_text_too_short_for_its_figures_says_so(analyzer, pair):
    word = analyzer.analyze(article_from_text("Propaganda"))
    assert short_text_note(word) == ("Only 1 word of article text: too short for these figures "
                                     "to mean much; paste a whole article.")
    tweet = analyzer.analyze(article_from_text(
        "OMG Millbrook CRUSHED Dunmore 2-1 😂😂 worst ref EVER #refout @DunmoreFC get rekt 🔥🔥"))
    assert short_text_note(tweet).startswith("Only 12 words of article text")
    assert all(short_text_note(report) == "" for report in pair)


def test_text_colours_are_readable_on_white():
    """Every text colour of the article's markup has a contrast of at least 4.5 to 1 against
    the white page (WCAG AA): greyed captions and links too, on a projector or a phone."""
    from framing.render import STYLE

    def luminance(hex_colour):
        channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    colours = re.findall(r"(?<![-\w])color: #([0-9a-f]{6}|[0-9a-f]{3})\b", STYLE)
    assert len(colours) >= 5
    for colour in colours:
        full = colour if len(colour) == 6 else "".join(c * 2 for c in colour)
        assert 1.05 / (luminance(full) + 0.05) >= 4.5, colour


def test_the_handout_is_a_page_to_print(pair):
    """One standalone page for a class: the summary, then each article with its figures
    explained, the legend, the highlighted text and its marks in words, unfolded to print."""
    c = compare(pair)
    page = handout_html(pair, ["A", "B"], c)
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>")
    assert "<script" not in page and "http" not in page.split("<body>")[0]  # nothing fetched
    text = html.unescape(page)
    assert "<h2>In short</h2>" in text and c.summary[0].text in text
    assert text.count('<details class="fr-why" open>') == 2
    assert text.count('<div class="fr-article">') == 2 and text.count('class="fr-legend"') == 2
    assert "<h2>B. Who is really provoking whom over Ukraine?</h2>" in text
    assert "<th>Loaded/1k</th><td>15.8</td><td>Loaded terms per 1,000 words:" in text
    assert "The Eastern Ledger (illustrative)" in text
    alone = handout_html(pair[:1], ["A"])  # one article: no summary
    assert "In short" not in alone and alone.count('class="fr-why" open') == 1


def test_the_handout_escapes_titles_and_text(analyzer):
    report = analyzer.analyze(article_from_text(
        "It was a <b>shameful</b> day for the council.", title="<script>x</script>",
        outlet="<i>Gazette</i>"))
    page = handout_html([report], ["A"])
    assert "<script>x" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
    assert "<i>Gazette" not in page and "<b>shameful</b> day" not in page
