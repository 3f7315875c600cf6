"""Words set off from the writer's own: embedded posts (the words above a signature line are
the account's) and block quotations of a page."""

from __future__ import annotations

from conftest import sentence_starting

from framing import Article
from framing.posts import find_posts

PAGE = """The council met on Tuesday to vote on the harbour plan.

The mayor answered her critics within the hour:

The harbour plan is a disgrace and the council knows it. Shameful!

— Mayor Ruth Ambler (@RuthAmblerMayor) March 3, 2024

Councillors did not reply. A local paper posted a video of the vote:

— Valemouth Gazette (@ValemouthGazette) March 3, 2024

Later a councillor wrote back. The plan is fine, stop the hysteria https://t.co/x1 — Ed Porter (@EdPorter) March 3, 2024

The vote is due next week."""


def test_an_embedded_post_is_the_accounts_quotation(analyzer):
    report = analyzer.analyze(Article(text=PAGE, title="Harbour vote"))
    post = sentence_starting(report, "The harbour plan is a disgrace")
    assert (post.voice, post.speaker) == ("quoted", "Mayor Ruth Ambler")
    assert sentence_starting(report, "Shameful!").voice == "quoted"
    assert sentence_starting(report, "— Mayor Ruth Ambler").kind == "caption"  # a credit line
    assert sentence_starting(report, "The mayor answered").voice != "quoted"  # the lead-in
    by_word = {h.surface.lower(): h for h in report.hits}
    assert by_word["disgrace"].voice == "quoted"
    assert by_word["hysteria"].voice == "quoted"  # the signature at the end of its paragraph
    assert {q.role for q in report.quotes} == {"post"}


def test_a_post_of_a_picture_alone_takes_no_words_from_the_writer(analyzer):
    report = analyzer.analyze(Article(text=PAGE, title="Harbour vote"))
    intro = sentence_starting(report, "Councillors did not reply.")
    assert intro.voice == "author"
    assert sentence_starting(report, "A local paper posted").voice != "quoted"


def test_post_spans_and_speakers():
    posts = find_posts(PAGE)
    assert [(PAGE[q.start:q.end], q.speaker) for q in posts] == [
        ("The harbour plan is a disgrace and the council knows it. Shameful!",
         "Mayor Ruth Ambler"),
        ("Later a councillor wrote back. The plan is fine, stop the hysteria https://t.co/x1",
         "Ed Porter"),
    ]


def test_no_signature_no_post():
    assert find_posts("Follow us (@harbour) for updates.\n\nThe vote is due next week.") == []
    long_line = "word " * 100 + "\n\n— Ed Porter (@EdPorter) March 3, 2024"
    assert find_posts(long_line) == []  # too long to be a post: the writer's paragraph


EMBED_PAGE = """<html><head><title>Mayor hits back at critics over harbour plan</title></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Mayor hits back at critics over harbour plan</h1>
<p>The council met on Tuesday to vote on the harbour plan, which would move the ferry terminal to the old docks and close two fish markets.</p>
<p>The mayor answered her critics within the hour on social media, in a post that was shared several thousand times before the vote.</p>
<blockquote class="twitter-tweet"><p>The harbour plan is a disgrace and the council knows it. Shameful! <a href="https://t.co/x1">pic.twitter.com/x1</a></p>&mdash; Mayor Ruth Ambler (@RuthAmblerMayor) <a href="https://twitter.com/RuthAmblerMayor/status/1">March 3, 2024</a></blockquote>
<p>Councillors did not reply. The vote is due next week, and the ferry company said it would wait for the result before it commits to the move.</p>
<p>Residents of the old docks have asked for a public meeting before any decision is taken on the terminal.</p>
</article></body></html>"""


def test_a_page_that_embeds_a_tweet_keeps_its_signature(analyzer, tmp_path):
    page = tmp_path / "embed.html"
    page.write_text(EMBED_PAGE, encoding="utf-8")
    report = analyzer.load(page)
    assert "— Mayor Ruth Ambler (@RuthAmblerMayor) March 3, 2024" in report.article.text
    post = sentence_starting(report, "The harbour plan is a disgrace")
    assert (post.voice, post.speaker) == ("quoted", "Mayor Ruth Ambler")
    assert sentence_starting(report, "Councillors did not reply.").voice == "author"


STATEMENT_PAGE = """<html><head><title>Ferry company responds to harbour vote</title></head><body>
<article><h1>Ferry company responds to harbour vote</h1>
<p>The council voted on Tuesday to move the ferry terminal to the old docks, a plan that has divided the town for two years and drawn protests from fish traders.</p>
<p>In a statement released after the vote, the ferry company said:</p>
<blockquote><p>We are deeply disappointed by this reckless decision, which ignores the "real needs" of our passengers.</p><p>We will consider every option, including leaving the port.</p></blockquote>
<p>The mayor did not respond to the statement. The move is due to be completed within three years, according to the council's own timetable.</p>
</article></body></html>"""


def test_a_block_quotation_is_a_quotation_of_the_speaker_who_introduces_it(analyzer, tmp_path):
    page = tmp_path / "statement.html"
    page.write_text(STATEMENT_PAGE, encoding="utf-8")
    report = analyzer.load(page)
    assert "“We are deeply disappointed by this reckless decision, which ignores the 'real " \
           "needs' of our passengers.\n\n“We will consider every option, including leaving " \
           "the port.”" in report.article.text  # print's convention, inner marks single
    for prefix in ("“We are deeply", "“We will consider"):
        s = sentence_starting(report, prefix)
        assert (s.voice, s.speaker) == ("quoted", "the ferry company")
    assert {h.surface: h.voice for h in report.hits}["reckless"] == "quoted"
    assert sentence_starting(report, "The mayor did not respond").voice == "author"


def test_block_quotations_that_hold_most_of_a_page_are_layout(analyzer, tmp_path):
    quoted = "".join(f"<blockquote><p>Paragraph {i} of the story runs on at some length "
                     "about the harbour and the ferry.</p></blockquote>" for i in range(6))
    page = tmp_path / "layout.html"
    page.write_text(f"<html><head><title>Harbour</title></head><body><article><h1>Harbour"
                    f"</h1><p>The council met on Tuesday about the harbour plan.</p>{quoted}"
                    "</article></body></html>", encoding="utf-8")
    report = analyzer.load(page)
    assert "“" not in report.article.text
    assert {s.voice for s in report.sentences} == {"author"}


def test_a_post_signed_in_a_paragraph_of_its_own(analyzer, tmp_path):
    page = tmp_path / "post.html"
    page.write_text(EMBED_PAGE.replace("</p>&mdash;", "</p><p>&mdash;").replace(
        "2024</a></blockquote>", "2024</a></p></blockquote>"), encoding="utf-8")
    report = analyzer.load(page)
    post = sentence_starting(report, "The harbour plan is a disgrace")
    assert (post.voice, post.speaker) == ("quoted", "Mayor Ruth Ambler")
    assert "“" not in report.article.text
