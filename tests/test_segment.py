"""Sentence boundaries and kinds: the seed article's tricky lines, and small texts."""

from __future__ import annotations

import re

import pytest
from conftest import CORPUS_FILES, sentence_starting

from framing import Article, load_article
from framing.render import legend_html, sentence_html
from framing.segment import Segmenter, paragraphs


def test_seed_counts(seed_report):
    kinds = [s.kind for s in seed_report.sentences]
    assert len(kinds) == 49
    assert kinds.count("body") == 42
    assert kinds.count("headline") == 2  # the title and a teaser headline
    assert kinds.count("link") == 1  # the teaser's "Read Next" line
    assert kinds.count("caption") == 3
    assert kinds.count("byline") == 1


@pytest.mark.parametrize(
    ("prefix", "text_end", "kind"),
    [
        ("The U.S. and the U.K sent a stern warning", "that Moscow directs against Ukraine.", "body"),
        ("(AP)", "(AP)", "byline"),
        ("Anthony Blinken", "Anthony Blinken", "caption"),
        ("(Photo by Kevin Lamarque/Reuters)", "(Photo by Kevin Lamarque/Reuters)", "caption"),
        ("U.S. Secretary of State Anthony Blinken has stated", "in Ukraine.", "caption"),
        ("Read Next: Biden and NATO", "Amid Russian Military Build-up", "link"),
        ("Biden and NATO Support Ukraine", "Amid Russian Military Build-up", "headline"),
        ("U.S. and U.K. warn Russia over Ukraine", "over Ukraine", "headline"),
        # A three-sentence quotation stays one unit with its closing mark.
        ("“We are very concerned", "we’re looking at it very closely,”", "body"),
        ("“The emergence of such threats", "Putin said.", "body"),
        ("“Any escalatory actions by Russia", "he added.", "body"),
        ("President Biden faces a dilemma:", "if fighting breaks out.", "body"),
        ("The chances of the U.S. sending troops", "are very slim.", "body"),
    ],
)
def test_seed_boundaries(seed_report, prefix, text_end, kind):
    s = sentence_starting(seed_report, prefix)
    assert seed_report.sentence_text(s).endswith(text_end)
    assert s.kind == kind


def test_seed_paragraph_numbers(seed_report):
    first = sentence_starting(seed_report, "The U.S. and the U.K sent")
    second = sentence_starting(seed_report, "This comes as NATO")
    caption = sentence_starting(seed_report, "Anthony Blinken")
    credit = sentence_starting(seed_report, "(Photo by")
    assert first.paragraph == second.paragraph == 1
    assert caption.paragraph == credit.paragraph


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter(say_forms=frozenset({"said", "asked", "added"}))


def split(segmenter, text, title=""):
    return [text[s.start:s.end] for s in segmenter.segment(Article(text=text, title=title))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith went to Washington. He stayed.", ["Mr. Smith went to Washington.", "He stayed."]),
        ("“Are you sure?” she asked. Nobody was.", ["“Are you sure?” she asked.", "Nobody was."]),
        ("“Are you sure?” Smith asked. Nobody was.", ["“Are you sure?” Smith asked.", "Nobody was."]),
        # no sentence ends at a comma, inside quotation marks nested or not
        ("“She said to me, ‘Mum, come home,’” Ann Oduya told the court. Nobody spoke.",
         ["“She said to me, ‘Mum, come home,’” Ann Oduya told the court.", "Nobody spoke."]),
        ("\"No memo was marked 'classified,'\" Dan Rich told CNN.",
         ["\"No memo was marked 'classified,'\" Dan Rich told CNN."]),
        ("It costs $4.5 million. That is a lot.", ["It costs $4.5 million.", "That is a lot."]),
        ("no punctuation at all here", ["no punctuation at all here"]),
        ("Line one\nLine two ends.", ["Line one", "Line two ends."]),
    ],
)
def test_small_texts(segmenter, text, expected):
    assert split(segmenter, text) == expected


def test_hard_wrapped_paragraph_is_joined(segmenter):
    text = (
        "The council voted on Tuesday to close the library branch on Elm Street after a\n"
        "long debate about costs, staffing and the building's leaking roof, which the\n"
        "mayor called a disgrace. Residents protested outside."
    )
    assert split(segmenter, text) == [
        text[: text.index(" Residents")].strip(),
        "Residents protested outside.",
    ]


def test_byline_and_credit_lines(segmenter):
    text = ("By Jane Doe\n\nThe plant closed.\n\n(Reuters)\n\nReporting by Ann Lee; Editing by Bo Ek"
            "\n\nThis material may not be reproduced by other outlets.")
    article = Article(text=text)
    kinds = {text[s.start:s.end]: s.kind for s in segmenter.segment(article)}
    assert kinds == {
        "By Jane Doe": "byline",
        "The plant closed.": "body",
        "(Reuters)": "byline",
        "Reporting by Ann Lee; Editing by Bo Ek": "byline",
        # a wire service's notice at the foot of a story
        "This material may not be reproduced by other outlets.": "byline",
    }
    # … also after a copyright line in the same paragraph
    text = ("The plant closed.\n\nThis material may not be reproduced by other outlets. "
            "© 2019 Meridian Wire. All rights reserved.")
    kinds = [s.kind for s in segmenter.segment(Article(text=text))]
    assert kinds == ["body", "byline", "byline", "byline"]


def test_paragraphs_are_trimmed_spans():
    text = "\n\n  One.  \n\n\n Two.\n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two."]


def test_long_run_without_full_stop_is_cut(segmenter):
    text = "word " * 5000
    sentences = segmenter.segment(Article(text=text))
    assert sentences and all(text[s.start:s.end].strip() for s in sentences)
    assert sentences[0].start == 0 and sentences[-1].end == len(text.rstrip())


PYSBD_MODULES = ("abbreviation_replacer", "between_punctuation", "cleaner", "exclamation_words",
                 "lists_item_replacer", "processor", "punctuation_replacer", "segmenter", "utils")


def test_pysbd_splits_the_same_with_the_pattern_cache(monkeypatch):
    """pysbd's regexes are compiled once (framing.segment._CachedRe), and it splits exactly
    as with the re module itself."""
    import importlib

    import pysbd

    import framing.segment as seg

    texts = [load_article(p).text for p in CORPUS_FILES[:8]]

    def split_all():
        return [pysbd.Segmenter(language="en", clean=False).segment(t) for t in texts]

    split_all()
    misses = seg._PYSBD_RE._compile.cache_info().misses
    cached = split_all()
    assert seg._PYSBD_RE._compile.cache_info().misses == misses  # nothing compiled again
    for name in PYSBD_MODULES:
        module = importlib.import_module(f"pysbd.{name}")
        assert module.re is seg._PYSBD_RE
        monkeypatch.setattr(module, "re", re)
    assert split_all() == cached


@pytest.mark.parametrize("text", [
    "It rained. It rained. It rained again.",
    "Go.  Go.\n\nGo.\u00a0 Stop!  ",
    "“Why?” she asked. “Why not?” he said.  Mr. Smith left at 5 p.m. Then it rained.",
    "a) one b) two c) three.",
    "Mr. Smith, Dr. Jones and Gov. Ames met at 5 p.m. in St. Louis, also No. 5 Ave. Fourth.",
    "The U.S. and the E.U. met, i.e. Acme Inc. and Co. Ltd. did too. Art. 5 says so.",
    "SEN. AMES LEFT. Sen. Ames left. The ſt. Gen. Mılley and İnc. said so. Fig. 2 shows it.",
])
def test_pysbd_sentences_are_found_back_as_pysbd_finds_them(text):
    """framing.segment._Splitter finds pysbd's sentences in the text with str.find, exactly
    where pysbd's own regular expressions find them."""
    import pysbd

    import framing.segment as seg

    for sample in [text, *(load_article(p).text for p in CORPUS_FILES[:8])]:
        ours = seg._Splitter(language="en", clean=False, char_span=True).segment(sample)
        theirs = pysbd.Segmenter(language="en", clean=False, char_span=True).segment(sample)
        assert ours == theirs  # (TextSpan compares the sentence, its start and its end)

def test_the_letters_ignorecase_folds_that_lower_does_not_are_known():
    """framing.segment._FOLDED_TO_ASCII holds every character that re.IGNORECASE matches to
    an ASCII letter or digit and that str.lower() does not lower to it."""
    import framing.segment as seg

    letter = re.compile("[a-z0-9]", re.IGNORECASE)
    folded = {c for c in map(chr, range(0x80, 0x110000))
              if letter.fullmatch(c) and not (c.lower().isascii() and letter.fullmatch(c.lower()))}
    assert folded == set(seg._FOLDED_TO_ASCII)


def kinds_of(text: str) -> list[tuple[str, str]]:
    return [(s.kind, text[s.start:s.end]) for s in Segmenter().segment(Article(text=text))]


def test_a_sentence_printed_twice_counts_once():
    once = "The ferry to Holm Island will stop running in March after forty years of service."
    text = f"{once} Its owners blame the cost of fuel.\n\n{once.upper()}"
    assert [k for k, _ in kinds_of(text)] == ["body", "body", "repeat"]


def test_a_short_refrain_is_no_copy():
    text = "Keep the ferry running! Nobody asked the islanders.\n\nKeep the ferry running!"
    assert [k for k, _ in kinds_of(text)] == ["body"] * 3


@pytest.mark.parametrize("pull_first", [True, False])
def test_a_pull_quote_is_the_copy_wherever_it_stands(pull_first):
    full = ("“We were never asked whether the island could live without its only ferry,” "
            "said Mara Quist, who runs the harbour shop.")
    pull = "“We were never asked whether the island could live without its only ferry.”"
    parts = [pull, full] if pull_first else [full, pull]
    got = kinds_of("\n\n".join(parts))
    assert dict((t, k) for k, t in got) == {pull: "repeat", full: "body"}


def test_a_short_run_inside_a_longer_sentence_is_no_copy():
    # nine words found inside a longer sentence: a restatement, not a copy
    text = ("Police made an arrest near the harbour on Friday. Harbour police made an arrest "
            "near the harbour on Friday, a spokesman said.")
    assert [k for k, _ in kinds_of(text)] == ["body", "body"]


def test_a_copy_is_left_out_of_the_article_figures_and_shown_as_one(analyzer):
    text = ("Councillors backed the ruinous plan to sell the ferry on Tuesday. "
            "The sale must still pass a second vote in April.")
    once = analyzer.analyze(text)
    twice = analyzer.analyze(text + "\n\n" + text)
    assert [s.kind for s in twice.sentences] == ["body", "body", "repeat", "repeat"]
    assert twice.metrics.words == once.metrics.words
    assert twice.metrics.author_loaded_per_1k == once.metrics.author_loaded_per_1k > 0
    assert twice.metrics.framing_score == once.metrics.framing_score
    assert "counted once" in sentence_html(twice, 2) and "counted once" not in sentence_html(
        twice, 0)
    assert "counted once" in legend_html(twice) and "counted once" not in legend_html(once)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("State Del. Marcia Ortiz spoke first. She left.", 2),
        ("The Rt. Hon. Ann Pryce spoke. Atty. Gen. Rob Lind followed.", 2),
        ("She lives in Dover, Del. Marcia Ortiz lives next door.", 2),  # a state, then a name
    ],
)
def test_an_abbreviated_title_stays_with_its_name(text, sentences):
    got = [text[s.start:s.end] for s in Segmenter().segment(Article(text=text))]
    assert len(got) == sentences, got
    assert not any(g.endswith((" Del.", "Hon.", "Gen.")) and "Dover" not in g for g in got)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Trending: Harbour Board Sells Its Last Tug", "link"),
        ("Sponsored: Is this the secret the ferry firms hide?", "link"),
        ("Up Next: Why the harbour tolls will rise again", "link"),
        ("Related Stories: The ferry's last winter on the island", "link"),
        ("Sign up for our newsletter to get the harbour news first.", "link"),
        ("RELATED: " + " | ".join(["Ferry fares rise again on the island route"] * 4), "link"),
        ("Trending upward, the harbour's takings rose by a tenth last year.", "body"),
        ("More than 2,000 islanders signed the petition.", "body"),
        # a pasted page's menu and cookie banner
        ("Home | News | Sport | Weather | Sign in", "link"),
        ("Privacy policy · Terms of use · Contact us", "link"),
        ("We use cookies to improve your experience.", "link"),
        ("By continuing to use this site you agree to our cookie policy.", "link"),
        ("Ferry fares rise | Island news", "body"),
        ("The vote was 3 | 2 | 1 in favour of the ferry.", "body"),
    ],
)
def test_link_lines_in_plain_text_are_no_body_text(line, kind):
    text = f"The ferry will stop in March.\n\n{line}\n\nThe council meets again in May."
    got = {text[s.start:s.end]: s.kind for s in Segmenter().segment(Article(text=text))}
    assert got[line] == kind or (kind != "body" and all(
        k == kind for t, k in got.items() if t in line)), got


@pytest.mark.parametrize(("first", "kind"), [
    # the text's first line, a paragraph of its own without a sentence's end: a headline,
    # in sentence case too
    ("Council approves budget after long debate", "headline"),
    ("Why the council's budget is a disaster for families", "headline"),
    ("Council approves budget after long debate.", "body"),  # a sentence
    ("WASHINGTON — The council voted 7-2 on Tuesday", "body"),  # a lede's dateline
    ("Budget passes", "body"),  # too short to tell
])
def test_a_first_line_alone_is_a_headline_in_sentence_case_too(first, kind):
    text = f"{first}\n\nThe council voted 7-2 on Tuesday to approve the budget."
    sentences = Segmenter().segment(Article(text=text))
    assert sentences[0].kind == kind and sentences[-1].kind == "body"


def test_a_pasted_pages_headline_under_its_menu_and_cookie_banner():
    text = ("Home | News | Sport | Weather | Sign in\n"
            "We use cookies to improve your experience. Accept all cookies\n"
            "Millbrook High wins regional football final\n\n"
            "Millbrook High School won the regional final on Saturday, beating Dunmore 2-1.\n\n"
            "Privacy policy | Terms of use | Contact us")
    assert [k for k, _ in kinds_of(text)] == ["link", "link", "link", "headline", "body", "link"]


@pytest.mark.parametrize("text", [
    "Editor's note: This story was updated at 4 p.m.\nMillbrook council approves budget\n\n"
    "The council voted 5-2 on Monday.",
    "Editor's note: This story was updated at 4 p.m.\n\nMillbrook council approves budget\n\n"
    "The council voted 5-2 on Monday.",
])
def test_a_headline_under_an_editors_note(text):
    assert [k for k, _ in kinds_of(text)] == ["byline", "headline", "body"]


def test_a_markdown_byline_and_a_correction_are_no_article_text():
    text = ("Millbrook wins the final\n\n**By Sam Ortiz**\n\nMillbrook won 2-1 on Saturday.\n\n"
            "Correction: The first copy misspelled the coach's name.")
    assert [k for k, _ in kinds_of(text)] == ["headline", "byline", "body", "byline"]
