"""How sure a comparison is: the exact rate test, bootstrap intervals, and what the summary says."""

from __future__ import annotations

import csv
import io
import json
import math

import numpy as np
import pytest
from conftest import CORPUS_FILES

from framing import load_article
from framing.compare import compare
from framing.confidence import BOOTSTRAP, COUNT_METRICS, EXACT, TOO_SHORT, rate_test
from framing.export import article_row, comparison_metrics_frame, report_json
from framing.metrics import RATE_COUNTS, ratio_metrics, replicates

PLAIN = ("The council met on {day} and approved {n} new bus shelters for the northern "
         "district, the transport office said in a statement.")
LOADED = ("The council's draconian scheme of {n} bus shelters is a disgraceful morass, and "
          "its reckless backers are a sneering elite.")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def article(sentences: list[str], title: str) -> str:
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def plain(n: int, offset: int = 0) -> list[str]:
    return [PLAIN.format(day=DAYS[(i + offset) % 5], n=i + offset + 2) for i in range(n)]


def loaded(n: int, offset: int = 0) -> list[str]:
    return [LOADED.format(n=i + offset + 3) for i in range(n)]


@pytest.mark.parametrize(("a", "b"), [((10, 1000), (2, 1000)), ((0, 500), (9, 700)),
                                      ((40, 2000), (10, 2100))])
def test_a_large_difference_in_rates_is_clear(a, b):
    test = rate_test(*a, *b)
    assert test.clear and test.p_value < 0.10
    assert test.difference_low <= test.difference <= test.difference_high
    assert test.difference_low > 0 or test.difference_high < 0


@pytest.mark.parametrize(("a", "b"), [((5, 1000), (5, 1000)), ((4, 1000), (5, 1200)),
                                      ((0, 400), (0, 900)), ((3, 731), (1, 826))])
def test_similar_rates_are_not_clear(a, b):
    test = rate_test(*a, *b)
    assert not test.clear
    assert test.difference_low <= 0 <= test.difference_high


def test_the_rate_test_and_its_interval_agree():
    rng = np.random.default_rng(3)
    for _ in range(500):
        ka, kb = rng.integers(0, 25, 2)
        wa, wb = rng.integers(80, 3000, 2)
        test = rate_test(ka, wa, kb, wb)
        excludes_zero = test.difference_low > 0 or test.difference_high < 0
        assert test.clear == excludes_zero, (ka, wa, kb, wb)
        assert test.ratio_low <= (test.ratio if not math.isnan(test.ratio) else 1) \
            <= test.ratio_high


def test_a_loaded_article_against_a_plain_one_is_called_clear(analyzer):
    a = analyzer.analyze(article(plain(24), "Council approves bus shelters"))
    b = analyzer.analyze(article(plain(12, 1) + loaded(12), "Council approves bus shelters"))
    c = compare([a, b])
    diffs = {d.metric: d for d in c.differences}
    assert diffs["author_loaded_per_1k"].clear is True
    assert diffs["author_loaded_per_1k"].method == EXACT
    assert diffs["framing_score"].clear is True
    assert diffs["framing_score"].method == BOOTSTRAP
    text = " ".join(line.text for line in c.summary)
    assert "B uses" in text and "rare by chance" in text
    assert "B frames the story more than A" in text


def test_articles_with_the_same_rate_are_not_called_different(analyzer):
    a = analyzer.analyze(article(plain(20) + loaded(2), "Council approves bus shelters"))
    b = analyzer.analyze(article(plain(21, 2) + loaded(2, 5), "Shelters approved by council"))
    c = compare([a, b])
    diffs = {d.metric: d for d in c.differences}
    assert diffs["author_loaded_per_1k"].clear is False
    lines = [line for line in c.summary if "loaded terms" in line.text]
    assert len(lines) == 1 and lines[0].clear is False
    assert "not clearly different" in lines[0].text
    assert "common by chance" in lines[0].text
    assert "more loaded terms" not in lines[0].text


def test_three_articles_within_noise_say_whose_figure_is_whose(analyzer):
    a = analyzer.analyze(article(plain(20) + loaded(2), "Council approves bus shelters"))
    b = analyzer.analyze(article(plain(21, 2) + loaded(2, 5), "Shelters approved by council"))
    c = analyzer.analyze(article(plain(22, 4) + loaded(3, 3), "Bus shelters get the go-ahead"))
    lines = [line for line in compare([a, b, c]).summary if "loaded terms" in line.text]
    assert len(lines) == 1 and lines[0].clear is False
    facts = dict(lines[0].facts)
    low, high = sorted((k for k in facts if k.startswith("author_loaded_per_1k_")),
                       key=facts.get)
    # "from 3.6 (A) to 9.4 (C) per 1,000 words": the lowest and the highest, each named
    assert (f"from {facts[low]:.1f} ({low[-1]}) to {facts[high]:.1f} ({high[-1]}) per 1,000"
            in lines[0].text), lines[0].text
    assert lines[0].text.startswith("The 3 articles use loaded terms")


def test_framing_score_interval_holds_the_score(corpus_reports):
    for name, report in corpus_reports.items():
        m = report.metrics
        assert m.framing_score_low <= m.framing_score <= m.framing_score_high, name
        assert m.framing_score_low >= 0 and m.framing_score_high <= 100
    wide = [r.metrics.framing_score_high - r.metrics.framing_score_low
            for r in corpus_reports.values()]
    assert max(wide) > 0  # a real interval, not the score twice


def test_interval_columns_in_the_article_csv_and_json(corpus_reports):
    report = corpus_reports["strike_chaos"]
    row = article_row(report)
    assert row["framing_score_low"] <= row["framing_score"] <= row["framing_score_high"]
    data = report_json(report)
    assert data["metrics"]["framing_score_low"] == row["framing_score_low"]


def test_the_same_article_gives_the_same_interval(analyzer):
    path = CORPUS_FILES[0]
    one = analyzer.analyze(load_article(path)).metrics
    two = analyzer.analyze(load_article(path)).metrics
    assert (one.framing_score_low, one.framing_score_high) == \
        (two.framing_score_low, two.framing_score_high)


def test_sentence_counts_reproduce_the_metrics(corpus_reports):
    for report in corpus_reports.values():
        counts = report.counts
        sources = np.array([report.metrics.named_sources])
        values = ratio_metrics(counts.table.sum(axis=0, keepdims=True), sources,
                               counts.table.shape[0])
        for name, value in values.items():
            digits = 2 if name in RATE_COUNTS else 4
            assert round(float(value[0]), digits) == pytest.approx(
                getattr(report.metrics, name), abs=1e-9), name


def test_bootstrap_replicates_centre_on_the_article(corpus_reports):
    report = corpus_reports["ukraine_seed"]
    values = replicates(report.counts, n=2000, seed=1)
    assert values["opinion_share_body"].mean() == pytest.approx(
        report.metrics.opinion_share_body, abs=0.02)
    assert values["author_loaded_per_1k"].std() > 0


def test_comparison_csv_has_ordered_intervals(corpus_reports):
    c = compare([corpus_reports["strike_wire"], corpus_reports["strike_chaos"]])
    frame = comparison_metrics_frame(c)
    assert {"difference_low", "difference_high", "clear", "p_value", "method"} <= set(frame)
    tested = frame[frame["method"] != ""]
    assert len(tested) >= 20
    assert (tested["difference_low"] <= tested["difference"] + 1e-9).all()
    assert (tested["difference"] <= tested["difference_high"] + 1e-9).all()
    rows = list(csv.DictReader(io.StringIO(frame.to_csv(index=False))))
    score = next(r for r in rows if r["metric"] == "framing_score")
    assert score["clear"] == "True"
    assert json.loads(json.dumps(frame.to_dict(orient="records"), default=str))


def test_three_articles_compare_the_extremes(corpus_reports):
    reports = [corpus_reports[n] for n in ("strike_wire", "strike_workers", "strike_chaos")]
    c = compare(reports)
    d = {x.metric: x for x in c.differences}["framing_score"]
    assert (d.a, d.b) == (0, 2)
    assert d.low <= d.difference <= d.high


ECONOMIC = ("The budget cost taxpayers {n} million dollars in new taxes, the finance office said "
            "on {day}.")
LEGAL = "A judge ruled on {day} that {n} of the appeals were unconstitutional under federal law."


def framed(economic: int, legal: int, other: int, title: str) -> str:
    sentences = ([ECONOMIC.format(n=i + 2, day=DAYS[i % 5]) for i in range(economic)]
                 + [LEGAL.format(n=i + 2, day=DAYS[i % 5]) for i in range(legal)]
                 + plain(other))
    return article(sentences, title)


def frame_lines(c):
    return [line for line in c.summary if "frame" in line.text and "score" not in line.text]


def test_most_common_frames_far_apart_are_called_different(analyzer):
    c = compare([analyzer.analyze(framed(10, 0, 2, "Budget costs rise")),
                 analyzer.analyze(framed(0, 10, 2, "Judge rules on appeals"))])
    [line] = frame_lines(c)
    assert line.clear is True
    assert "A's most common frame is economic (10 of its 10 sentences with a frame cue)" \
        in line.text
    assert "they differ in 100 % of resamples" in line.text


def test_most_common_frames_from_few_sentences_are_not_called_different(analyzer):
    # economic leads A by one sentence and legality leads B by one: resampled, the leads
    # often swap or tie
    c = compare([analyzer.analyze(framed(2, 1, 8, "Budget and court")),
                 analyzer.analyze(framed(1, 2, 8, "Court and budget"))])
    [line] = frame_lines(c)
    assert line.clear is False and "not clearly" in line.text and "may be chance" in line.text
    share = dict(line.facts)["resamples_differing_percent"]
    assert share < 90


def test_a_tie_for_the_most_common_frame_names_none(analyzer):
    c = compare([analyzer.analyze(framed(1, 1, 8, "Budget and court")),
                 analyzer.analyze(framed(0, 3, 8, "Court rules"))])
    assert frame_lines(c) == []


@pytest.mark.parametrize(("sentence", "frame"), [
    ("Dunmore appealed for a penalty after a fall in the box, but the referee waved play on.",
     ""),
    ("The city appealed the ruling on Monday.", "legality"),
    ("The players spent much of the game complaining.", ""),
    ("The council spent the money on roads.", "economic"),
])
def test_a_frame_cue_in_another_sense_is_no_cue(analyzer, sentence, frame):
    assert analyzer.analyze(sentence).frames[0].frame == frame


# ----------------------------------------------------------------- calibration (see bench/)


def counts_of(opinion_rows, paragraph_of, author=True):
    """SentenceCounts of synthetic sentences of 20 words: ``opinion_rows`` mark the author's
    opinion, ``paragraph_of`` gives each sentence's paragraph."""
    from framing.metrics import COUNTS, SentenceCounts

    table = np.zeros((len(paragraph_of), len(COUNTS)))
    table[:, COUNTS.index("words")] = 20
    table[:, COUNTS.index("author")] = 1 if author else 0
    table[list(opinion_rows), COUNTS.index("opinion")] = 1
    return SentenceCounts(table, np.zeros((len(paragraph_of), 0), dtype=bool), False, False,
                          np.array(paragraph_of))


def test_the_bootstrap_draws_whole_paragraphs():
    # six paragraphs of three sentences; the opinion is all in the first paragraph
    counts = counts_of(range(3), [k // 3 for k in range(18)])
    shares = replicates(counts, n=300, seed=1)["opinion_share_author"]
    assert np.allclose(shares * 6, np.round(shares * 6))  # whole paragraphs: sixths only
    assert shares.std() > 0
    # fewer than five paragraphs (or none known): sentences are drawn one by one
    few = counts_of(range(3), [k // 6 for k in range(18)])
    shares = replicates(few, n=300, seed=1)["opinion_share_author"]
    assert not np.allclose(shares * 6, np.round(shares * 6))


@pytest.mark.parametrize(("units", "low", "high"), [(2, 0.0, 0.001), (5, 0.008, 0.01),
                                                    (20, 0.037, 0.039), (2000, 0.0498, 0.05)])
def test_the_expanded_percentile_tail(units, low, high):
    from framing.metrics import expanded_tail

    assert low <= expanded_tail(units, 0.90) <= high


def test_short_articles_are_not_called_different(analyzer):
    a = analyzer.analyze("Council approves bus shelters\n\n" + loaded(1)[0])
    b = analyzer.analyze(article(plain(20), "Council approves bus shelters"))
    c = compare([a, b])
    tested = [d for d in c.differences if d.clear is not None]
    assert tested == []
    assert {d.method for d in c.differences} >= {TOO_SHORT}
    text = " ".join(line.text for line in c.summary)
    assert "A has only 1 body sentence: too few to tell a difference from chance" in text
    assert not any(line.clear for line in c.summary)


def test_counts_that_grow_with_length_are_not_tested(corpus_reports):
    c = compare([corpus_reports["strike_wire"], corpus_reports["strike_chaos"]])
    diffs = {d.metric: d for d in c.differences}
    for metric in COUNT_METRICS:
        assert diffs[metric].clear is None and diffs[metric].method == ""
    assert diffs["source_gap"].clear is not None


def test_the_summary_says_how_many_figures_were_tested(corpus_reports):
    c = compare([corpus_reports["strike_wire"], corpus_reports["strike_chaos"]])
    line = c.summary[-1]
    facts = dict(line.facts)
    tested = [d for d in c.differences if d.clear is not None]
    assert facts["figures_tested"] == len(tested) >= 20
    assert facts["figures_clear"] == sum(d.clear for d in tested) >= 1
    assert line.text.startswith(f"{facts['figures_clear']} of the {len(tested)} figures")
    assert "by chance alone" in line.text and line.clear is None


def test_halves_of_one_article_are_seldom_called_different(corpus_reports):
    # Two articles written alike: each corpus article's paragraphs split in two at random.
    # At the 90 % level about 1 metric in 10 may be clear by chance; the calibration bench
    # (bench/calibration.py) measures 1-6 % for the framing score over many more splits.
    from framing.confidence import counts_differences
    from framing.metrics import SentenceCounts

    rng = np.random.default_rng(0)
    clear, pairs = [], 0
    for report in corpus_reports.values():
        counts = report.counts
        labels = np.unique(counts.paragraphs, return_inverse=True)[1].ravel()
        for split in range(5):
            half = np.isin(labels, rng.permutation(labels.max() + 1)[: labels.max() // 2 + 1])
            parts = [SentenceCounts(counts.table[rows], counts.sources[rows], False, False,
                                    labels[rows]) for rows in (half, ~half)]
            values = [ratio_metrics(p.table.sum(axis=0, keepdims=True),
                                    np.array([p.sources.any(axis=0).sum()]), p.table.shape[0])
                      for p in parts]
            rows = [(m, (float(values[0][m][0]), float(values[1][m][0]))) for m in values[0]]
            diffs = counts_differences(parts, [split, split + 100], rows)
            clear.append(sum(bool(d.clear) for d in diffs))
            pairs += 1
    assert pairs == 40
    assert np.mean(clear) < 1.5  # of about 20 figures
    assert np.mean(np.array(clear) >= 4) < 0.15
