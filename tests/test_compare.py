"""Comparing articles: alignment against hand-written pairs, differences, summary, bad input."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import replace
from types import SimpleNamespace

import pytest
from conftest import CORPUS, DATA

from framing import article_from_text, load_article
from framing.compare import (
    CompareError,
    as_the_articles_write,
    compare,
    content_tokens,
    differing_spans,
)
from framing.errors import NotEnglishError
from framing.export import comparison_pairs_frame

FIXTURES = [
    ("strike_wire", "strike_chaos"),
    ("ukraine_wire", "ukraine_seed"),
]


def report(analyzer, name):
    return analyzer.analyze(load_article(CORPUS / f"{name}.txt"))


def index_of(r, prefix):
    found = [s.index for s in r.sentences if r.sentence_text(s).startswith(prefix)]
    assert len(found) == 1, (prefix, found)
    return found[0]


@pytest.mark.parametrize(("a", "b"), FIXTURES)
def test_alignment_matches_the_hand_written_pairs(analyzer, a, b):
    ra, rb = report(analyzer, a), report(analyzer, b)
    expected, acceptable = set(), set()
    with (DATA / "alignment" / f"{a}__{b}.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            pair = (index_of(ra, row["a_prefix"]), index_of(rb, row["b_prefix"]))
            (expected if row["kind"] == "expected" else acceptable).add(pair)
    found = {(p.a_sentence, p.b_sentence) for p in compare([ra, rb]).pairs}
    precision = len(found & (expected | acceptable)) / len(found)
    recall = len(found & expected) / len(expected)
    assert precision >= 0.8 and recall >= 0.8, (precision, recall)


def test_content_words_as_real_copy_writes_them():
    # a contraction is its first word, and "I'm", "don't", "won't" carry no fact
    assert content_tokens("I’m not sure, and I don't know why he won't.") == ["sure", "know"]
    # a possessive meets the bare name; an inflected verb meets its noun
    assert content_tokens("Okafor’s offer") == content_tokens("Okafor offer")
    assert content_tokens("Okafor apologized") == content_tokens("Okafor apology")
    assert content_tokens("charged") == content_tokens("charges")
    # a name counts twice, a day or a month (capitalized too) once; "Mr." not at all
    assert content_tokens("Mr. Okafor met on Tuesday in June").count("okafor") == 2
    assert content_tokens("Mr. Okafor met on Tuesday in June").count("tuesday") == 1
    assert "mr" not in content_tokens("Mr. Okafor met on Tuesday in June")


def test_the_same_quotation_pairs_whatever_surrounds_it(analyzer):
    a = analyzer.analyze(article_from_text(
        "Dockworkers at the port of Linmouth walked out on Monday over pay.\n\n"
        "“We will not back down from this fight, whatever it costs us,” Denise Okafor told "
        "the crowd outside the depot.\n\nThe port handles about 40 ships a week."))
    b = analyzer.analyze(article_from_text(
        "The strike at Linmouth's port entered its second day.\n\nSpeaking to reporters "
        "after a rainy march across the harbor bridge, the union leader repeated that “we will "
        "not back down from this fight” and promised more walkouts in spring.\n\n"
        "Shipping firms diverted cargo to other harbors."))
    # few content words in common (the words around the quotation differ), but six in a row
    pairs = {(p.a_sentence, p.b_sentence): p.similarity for p in compare([a, b]).pairs}
    assert pairs.get((1, 1)) == 0.5
    assert (2, 2) not in pairs  # ships and cargo: the same subject, not the same fact


def test_sentences_that_share_only_names_are_not_paired(analyzer):
    a = analyzer.analyze(article_from_text(
        "Senator Ana Ruiz of Linmouth met Governor Tom Hale on Monday.\n\n"
        "The port handles about 40 ships a week."))
    b = analyzer.analyze(article_from_text(
        "Governor Tom Hale and Senator Ana Ruiz of Linmouth disagree about the harbor "
        "budget.\n\nThe port handles 40 ships a week, officials said."))
    # the same people (a cosine of 0.76 from their names alone), not the same fact
    assert [(p.a_sentence, p.b_sentence) for p in compare([a, b]).pairs] == [(1, 1)]


def test_articles_too_long_to_align_are_refused(analyzer, monkeypatch):
    import framing.compare as comparing

    a, b = report(analyzer, "strike_wire"), report(analyzer, "strike_chaos")
    body = sum(sc.sentence.kind == "body" for sc in a.scores)
    monkeypatch.setattr(comparing, "MAX_SENTENCES", body - 1)
    with pytest.raises(CompareError, match=f"article A .* has {body} body sentences; comparing "
                       f"aligns at most {body - 1} per article"):
        compare([a, b])


def test_headlines_side_by_side_mark_the_words_only_one_uses(analyzer):
    from framing.render import headlines_html

    a = analyzer.analyze(article_from_text(
        "Dan Lowe resigned from the harbor council on Friday after an audit of his expenses. "
        "He said he had done nothing wrong.",
        title="Coastal Councillor Resigns After Expense Claims"))
    b = analyzer.analyze(article_from_text(
        "Dan Lowe, who billed the town for a yacht, quit the harbor council on Friday. The "
        "audit found 40 claims.", title="Councillor who billed taxpayers for a yacht quits"))
    c = compare([a, b])
    only = {h.article: [c.reports[h.article].article.text[s:e] for s, e in h.only]
            for h in c.headlines}
    # by stem: "Councillor" is in both, "Claims" against "claims" of the body is no matter
    assert only == {0: ["Coastal", "Resigns", "Expense Claims"],
                    1: ["billed taxpayers", "yacht quits"]}
    html = headlines_html(c)
    assert "<mark>Expense Claims</mark>" in html and "<mark>yacht quits</mark>" in html
    # one article without a headline: nothing to set side by side
    plain = analyzer.analyze(article_from_text("Dan Lowe quit the harbor council on Friday."))
    assert compare([a, plain]).headlines == ()


def test_differing_words():
    a = "Putin has accused the West of provocations in Ukraine."
    b = "Putin said the West was provoking Ukraine."
    only_a, only_b = differing_spans(a, (0, len(a)), b, (0, len(b)))
    assert [a[s:e] for s, e in only_a] == ["has accused", "of provocations in"]
    assert [b[s:e] for s, e in only_b] == ["said", "was provoking"]


def test_gaps_are_the_unpaired_body_sentences(analyzer):
    ra, rb = report(analyzer, "strike_wire"), report(analyzer, "strike_chaos")
    c = compare([ra, rb])
    paired = {(0, p.a_sentence) for p in c.pairs} | {(1, p.b_sentence) for p in c.pairs}
    body = {(k, s.index) for k, r in enumerate((ra, rb)) for s in r.sentences
            if s.kind == "body"}
    assert {(g.article, g.sentence) for g in c.gaps} == body - paired
    texts = {rb.sentence_text(rb.scores[g.sentence].sentence) for g in c.gaps if g.article == 1}
    assert "That is hardly poverty." in texts  # B's own commentary has no counterpart


def test_one_sentence_without_a_counterpart_is_said_in_the_singular(analyzer):
    text = ("The council approved the budget on Monday after a long debate. The vote was 5-2, "
            "and the new budget takes effect in July.")
    c = compare([analyzer.analyze(text),
                 analyzer.analyze(text + " Residents packed the hall to watch the vote.")])
    assert ("1 of B's 3 body sentences has no counterpart found in the other article."
            in [line.text for line in c.summary])


def test_terms_and_actors_unique_to_each(analyzer):
    c = compare([report(analyzer, "strike_wire"), report(analyzer, "strike_chaos")])
    unique_to_b = {t.term for t in c.terms if t.unique_to == 1}
    assert "union bosses" in unique_to_b
    okafor = next(a for a in c.actors if a.actor.endswith("Okafor"))
    assert okafor.quoted[0] >= 1 and okafor.quoted[1] == 0  # the wire quotes her; B paraphrases
    assert okafor.loaded_verbs[1] == ("claimed",)


NUMBER = re.compile(r"−?\d+(?:\.\d+)?")


@pytest.mark.parametrize(("a", "b"), [("strike_wire", "strike_chaos"),
                                      ("ukraine_seed", "ukraine_commentary"),
                                      ("housing_wire", "housing_oped")])
def test_every_summary_sentence_is_backed_by_its_numbers(analyzer, a, b):
    ra, rb = report(analyzer, a), report(analyzer, b)
    c = compare([ra, rb])
    assert c.summary
    reports = {"A": ra, "B": rb}
    for line in c.summary:
        facts = dict(line.facts)
        assert facts, line.text
        for key, value in facts.items():
            metric, _, label = key.rpartition("_")
            if label in reports and hasattr(reports[label].metrics, metric):
                assert value == getattr(reports[label].metrics, metric), (line.text, key)
        numbers = [float(n.replace("−", "-"))
                   for n in NUMBER.findall(line.text.replace(",", ""))]
        shown = []
        for value in facts.values():
            if value is None:  # (a ratio against a rate of 0: "far more")
                continue
            shown += [round(value), round(value, 1), round(value * 100), round(value, 4)]
        for n in numbers:
            if n in (1000, 90):  # "per 1,000 words", "with 90 % confidence"
                continue
            assert any(abs(n - v) < 0.051 for v in shown), (line.text, n, facts)


def test_summary_names_the_loaded_side(analyzer):
    c = compare([report(analyzer, "strike_wire"), report(analyzer, "strike_chaos")])
    text = " ".join(line.text for line in c.summary)
    assert "B uses far more loaded terms in its own voice than A" in text
    # A uses none: the ratio is no number (it was 0.0, "B is 0× A"), the rates are given
    facts = next(dict(line.facts) for line in c.summary if "far more loaded" in line.text)
    assert facts["ratio"] is None and facts["author_loaded_per_1k_A"] == 0
    assert "rare by chance" in text
    assert "B says Denise Okafor “claimed”" in text


def test_summary_lists_the_loaded_words_only_one_article_uses(analyzer):
    story = ("The council voted on Monday to close the pool. {0} Mayor Lorna Feeney {1} the "
             "pool was losing money. {2}")
    c = compare([analyzer.analyze(story.format("The reckless plan stunned swimmers.", "claimed",
                                               "Critics called it a fiasco.")),
                 analyzer.analyze(story.format("The plan surprised swimmers.", "said",
                                               "Swimmers said they would miss it."))])
    lines = [line.text for line in c.summary if line.text.startswith("Loaded words only")]
    # ("claimed" is a verb of saying: the speakers' line sets it against "said")
    assert lines == ["Loaded words only A uses in its own voice: “reckless” (B does not use "
                     "it)."]
    quoted = compare([analyzer.analyze(story.format(
                          "The “consultation in Millbrook” drew few swimmers.", "said", "")),
                      analyzer.analyze(story.format("Few swimmers came.", "said", ""))])
    assert [line.text for line in quoted.summary if line.text.startswith("Loaded words only")] \
        == ["Loaded words only A uses in its own voice: “consultation in Millbrook” in scare "
            "quotes (B does not use it)."]
    three = compare([analyzer.analyze(story.format(f"The {w} plan stunned swimmers.", "said",
                                                   f"The vote was {n}."))
                     for w, n in (("reckless", "5-2"), ("reckless", "6-1"), ("sensible", "4-3"))])
    assert not [line for line in three.summary if line.text.startswith("Loaded words only")]


@pytest.mark.parametrize(("name", "texts", "written"), [
    ("Pentagon", ["The Pentagon said so.", "A Pentagon aide and the Pentagon's chief."],
     "the Pentagon"),
    ("NATO", ["NATO said so; the NATO summit opened.", "NATO allies met."], "NATO"),
    ("U.S.", ["The U.S. said so.", "U.S. officials and the U.S. envoy."], "the U.S."),
    ("the West", ["The West said so."], "the West"),
    ("Blinken", ["Blinken said so."], "Blinken"),
    ("Democratic Party", ["Democrats said so."], "the Democratic Party"),
])
def test_a_name_is_written_with_the_as_the_articles_write_it(name, texts, written):
    reports = [SimpleNamespace(article=SimpleNamespace(text=t)) for t in texts]
    assert as_the_articles_write(name, reports) == written


def test_three_and_four_articles(analyzer):
    reports = [report(analyzer, n) for n in ("strike_wire", "strike_workers", "strike_chaos",
                                             "housing_wire")]
    c = compare(reports[:3])
    assert c.labels == ("A", "B", "C")
    assert {(p.a, p.b) for p in c.pairs} <= {(0, 1), (0, 2), (1, 2)}
    assert len(compare(reports).labels) == 4


def test_bad_input(analyzer):
    wire = report(analyzer, "strike_wire")
    with pytest.raises(CompareError, match="at least two articles"):
        compare([wire])
    with pytest.raises(CompareError, match="compare two to four"):
        compare([wire] * 5)
    with pytest.raises(CompareError, match="identical"):
        compare([wire, report(analyzer, "strike_wire")])
    # a headline alone is read as the body, and said so (its figures had been made up)
    alone = analyzer.analyze(article_from_text("Strike Ends Across The Region", id="headline"))
    assert [sc.sentence.kind for sc in alone.scores] == ["body"]
    assert alone.article.warnings == ("no body text but a headline: read as the body",)
    # a report made elsewhere (not by Analyzer.analyze) is still checked by compare
    headlines = tuple(replace(sc, sentence=replace(sc.sentence, kind="headline"))
                      for sc in wire.scores)
    only_headline = replace(wire, scores=headlines,
                            article=replace(wire.article, id="headline", text="Strike ends"))
    with pytest.raises(CompareError, match=r"^article B \(headline\) has no body sentences"):
        compare([wire, only_headline])
    # a pasted text's made-up id ("text-" and a hash) is not shown to its reader
    pasted = replace(only_headline, article=article_from_text("Strike ends."))
    with pytest.raises(CompareError, match=r"^article B has no body sentences to compare$"):
        compare([wire, pasted])
    german_text = (
        "Die Stadt hat am Montag den Haushalt beschlossen. Der Bürgermeister sagte, die "
        "Einigung sei ein guter Tag für alle Bürger der Stadt. Die Opposition kritisierte "
        "die Pläne und kündigte Widerstand im Rat an, weil die Kosten zu hoch seien und "
        "die Schulen nicht genug Geld bekämen.")
    with pytest.raises(NotEnglishError, match="the text is not English"):
        analyzer.analyze(article_from_text(german_text, id="german"))
    # a report made elsewhere (not by Analyzer.analyze) is still checked by compare
    german = replace(wire, article=replace(wire.article, text=german_text, id="german"))
    with pytest.raises(CompareError, match="does not look like English"):
        compare([report(analyzer, "strike_chaos"), german])


def test_cli_compare_round_trip(tmp_path):
    from test_cli import assert_clean_error, run

    out = tmp_path / "cmp"
    result = run("compare", CORPUS / "strike_wire.txt", CORPUS / "strike_chaos.txt",
                 "--out", out)
    assert result.returncode == 0, result.stderr
    assert "A: Transit workers walk out over pay" in result.stdout
    assert "- B uses far more loaded terms" in result.stdout
    names = sorted(p.name for p in out.iterdir())
    assert names == ["compare_actors.csv", "compare_gaps.csv", "compare_headlines.csv",
                     "compare_metrics.csv", "compare_pairs.csv", "compare_terms.csv",
                     "comparison.json"]
    heads = list(csv.DictReader((out / "compare_headlines.csv").open(encoding="utf-8")))
    assert [h["article"] for h in heads] == ["A", "B"]
    assert heads[0]["text"] == "Transit workers walk out over pay"
    pairs = list(csv.DictReader((out / "compare_pairs.csv").open(encoding="utf-8")))
    assert pairs and {"text_a", "text_b", "only_in_a", "only_in_b"} <= set(pairs[0])
    # strict JSON: an untested difference is null, not a bare NaN other parsers refuse
    data = json.loads((out / "comparison.json").read_text(encoding="utf-8"),
                      parse_constant=lambda name: pytest.fail(f"{name} in comparison.json"))
    assert set(data) >= {"summary", "metrics", "pairs", "gaps", "terms", "actors", "frames",
                         "headlines"}
    untested = [m for m in data["metrics"] if not m["method"]]  # ("words", "sentences")
    assert untested and all(m["difference_low"] is m["p_value"] is None for m in untested)
    assert [h["article"] for h in data["headlines"]] == ["A", "B"]
    loaded = next(s["facts"] for s in data["summary"] if "far more loaded" in s["text"])
    assert loaded["ratio"] is None  # (null: A uses no loaded term, no finite ratio)
    metrics = list(csv.DictReader((out / "compare_metrics.csv").open(encoding="utf-8")))
    score = next(r for r in metrics if r["metric"] == "framing_score")
    assert float(score["difference"]) == pytest.approx(float(score["B"]) - float(score["A"]))

    assert_clean_error(run("compare", CORPUS / "strike_wire.txt"), "compare two to four")
    assert_clean_error(run("compare", CORPUS / "strike_wire.txt", CORPUS / "strike_wire.txt"),
                       "identical")
    assert_clean_error(run("compare", CORPUS / "strike_wire.txt", tmp_path / "missing.txt"),
                       "1 article(s) left to compare after 1 failed")
    # a bad article among three: the other two are compared, the bad one named, exit 2
    three = run("compare", CORPUS / "strike_wire.txt", tmp_path / "missing.txt",
                CORPUS / "strike_chaos.txt")
    assert_clean_error(three, "1 of 3 article(s) failed; compared the other 2")
    assert "missing.txt: no such file" in three.stderr
    assert "A: Transit workers walk out over pay" in three.stdout and "\nB: " in three.stdout
    assert_clean_error(run("compare", CORPUS / "strike_wire.txt", CORPUS / "strike_chaos.txt",
                           "--out", tmp_path / "x.csv"), "give a folder")


def test_pairs_frame_shows_the_words_that_differ(analyzer):
    c = compare([report(analyzer, "strike_wire"), report(analyzer, "strike_chaos")])
    frame = comparison_pairs_frame(c)
    row = frame[frame.text_a.str.startswith("Talks collapsed")].iloc[0]
    assert "so-called" in row.only_in_b and "collapsed" in row.only_in_a


def test_a_speaker_introduced_without_a_verb_is_not_set_against_a_verb(analyzer):
    a = analyzer.analyze(article_from_text(
        "Councillor Dan Lowe slammed the vote on the harbor plan. Lowe slammed it again on "
        "Friday."))
    said = analyzer.analyze(article_from_text(
        "The vote on the harbor plan was a mistake, Councillor Dan Lowe said in a written "
        "statement. The vote was close."))
    according = analyzer.analyze(article_from_text(
        "According to Councillor Dan Lowe, the vote on the harbor plan was a mistake. The "
        "vote was close."))
    lines = [line.text for line in compare([a, said]).summary if " says " in line.text]
    assert lines == ["A says Dan Lowe “slammed” where B says “said”."]
    # "according to" is how B names its source, not a verb to set against "slammed"
    assert not [line for line in compare([a, according]).summary if " says " in line.text]


def test_every_loaded_verb_of_every_speaker_is_set_against_the_plain_one(analyzer):
    story = ("The council voted on Monday to close the pool. Mayor Lorna Feeney {0} the pool "
             "was losing money. Feeney {1} the town could not afford repairs. Treasurer Omar "
             "Reyes {2} the budget was sound.")
    c = compare([analyzer.analyze(story.format("admitted", "claimed", "insisted")),
                 analyzer.analyze(story.format("said", "said", "said"))])
    assert [line.text for line in c.summary if " says " in line.text] == [
        "A says Lorna Feeney “admitted” and “claimed” where B says “said”.",
        "A says Omar Reyes “insisted” where B says “said”."]


def test_articles_sharing_no_sentence_are_said_to_may_tell_other_stories(analyzer):
    strike, housing, chaos = (analyzer.analyze(load_article(CORPUS / f"{name}.txt"))
                              for name in ("strike_wire", "housing_wire", "strike_chaos"))
    two = compare([strike, housing])
    assert not two.pairs
    assert two.summary[0].text.startswith("No sentence of A has a counterpart in B: they may "
                                          "not tell the same story")
    assert not any("frame the story differently" in line.text for line in two.summary)
    three = compare([strike, housing, chaos])
    alone = [line.text for line in three.summary if line.text.startswith("No sentence of")]
    assert alone == ["No sentence of B has a counterpart in the other articles: it may tell "
                     "another story."]
    same = compare([strike, chaos])  # one story: no such line
    assert same.pairs and not any(line.text.startswith("No sentence")
                                  for line in same.summary)
