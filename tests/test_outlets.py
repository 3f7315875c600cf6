"""Outlet figures with bootstrap intervals, and paired / unpaired outlet comparisons."""

from __future__ import annotations

import json
import re

import duckdb
import numpy as np
import pandas as pd
import pytest
from corpus_fixtures import make_store, metric_store

from framing.cli import main as framing_main
from framing.corpus.outlets import (
    aggregate,
    bootstrap_means,
    compare_outlets,
    differences_frame,
    metric_columns,
)
from framing.corpus.storeio import connect
from framing.errors import FramingError


def two_outlets(n_a, n_b, mean_a, mean_b, sd, seed=0, metric="framing_score"):
    rng = np.random.default_rng(seed)
    rows = [{"outlet": "A", "metrics": {metric: float(v)}} for v in rng.normal(mean_a, sd, n_a)]
    rows += [{"outlet": "B", "metrics": {metric: float(v)}} for v in rng.normal(mean_b, sd, n_b)]
    return rows


def test_bootstrap_interval_covers_the_true_mean_about_95_percent_of_the_time():
    rng = np.random.default_rng(1)
    covered = 0
    trials = 200
    for _ in range(trials):
        sample = rng.exponential(2.0, size=(60, 1))  # skewed, true mean 2
        low, high = np.percentile(bootstrap_means(sample, 1000, rng), [2.5, 97.5])
        covered += low <= 2.0 <= high
    assert 0.88 <= covered / trials <= 0.99


def test_bootstrap_skips_missing_values_and_resamples_groups_alike():
    values = np.array([[1.0, np.nan], [3.0, 4.0], [5.0, 6.0]])
    means = bootstrap_means(values, 500)
    assert means.shape == (500, 2)
    assert np.nanmin(means[:, 0]) >= 1.0 and np.nanmax(means[:, 0]) <= 5.0
    assert np.nanmin(means[:, 1]) >= 4.0  # the NaN is left out, not read as 0
    stacked = bootstrap_means(np.stack([values, values * 10]), 500)
    assert stacked.shape == (500, 2, 2)


def test_unpaired_interval_covers_a_known_difference_and_shrinks_with_more_articles(tmp_path):
    widths = []
    for n in (20, 320):
        path = tmp_path / f"n{n}.duckdb"
        metric_store(path, two_outlets(n, n, 40.0, 45.0, 6.0, seed=n))
        (d,) = compare_outlets(path, "A", "B", metrics=["framing_score"])
        assert not d.paired
        assert d.ci_low <= 5.0 <= d.ci_high
        widths.append(d.ci_high - d.ci_low)
    assert widths[1] < widths[0] / 2.5  # about 1/sqrt(16) of the width
    assert d.beyond_noise and "beyond noise" in d.summary


def story_rows(stories, effect, noise, seed=0, b_every=1, metric="author_loaded_per_1k"):
    """Both outlets on every story; story difficulty varies a lot; B = A * effect."""
    rng = np.random.default_rng(seed)
    rows = []
    for story in range(stories):
        base = rng.uniform(2.0, 40.0)  # some stories are heated, others dry
        rows.append({"outlet": "A", "story": story + 1,
                     "metrics": {metric: base * rng.normal(1, noise)}})
        if story % b_every == 0:
            rows.append({"outlet": "B", "story": story + 1,
                         "metrics": {metric: base * effect * rng.normal(1, noise)}})
    return rows


def test_paired_comparison_sees_what_the_unpaired_one_cannot(tmp_path):
    path = tmp_path / "paired.duckdb"
    metric_store(path, story_rows(24, 1.3, 0.05))
    (paired,) = compare_outlets(path, "A", "B", metrics=["author_loaded_per_1k"])
    (unpaired,) = compare_outlets(path, "A", "B", metrics=["author_loaded_per_1k"],
                                  paired=False)
    assert paired.paired and paired.shared_stories == 24
    assert paired.beyond_noise and paired.ratio_low > 1.0
    assert paired.ratio_low <= 1.3 <= paired.ratio_high
    assert not unpaired.paired and not unpaired.beyond_noise
    assert unpaired.ratio_low < 1.0 < unpaired.ratio_high
    assert paired.summary.startswith("On the 24 stories both covered, B used 1.")
    assert "as many loaded terms in its own voice per 1,000 words as A (95 % CI" in paired.summary
    assert "beyond noise" in paired.summary and "within noise" in unpaired.summary


def test_few_shared_stories_fall_back_to_unpaired_and_say_so(tmp_path):
    path = tmp_path / "few.duckdb"
    rows = story_rows(12, 1.3, 0.05, b_every=4)  # B covers stories 1, 5, 9 only
    metric_store(path, rows)
    (d,) = compare_outlets(path, "A", "B", metrics=["author_loaded_per_1k"])
    assert not d.paired and d.shared_stories == 3
    assert ("(unpaired: the outlets share only 3 stories; only 3 articles on one side: a "
            "rough interval)") in d.summary
    (forced,) = compare_outlets(path, "A", "B", metrics=["author_loaded_per_1k"], paired=True)
    assert forced.paired and forced.articles_a == forced.articles_b == 3


def test_a_story_of_one_outlet_is_not_shared(tmp_path):
    path = tmp_path / "one.duckdb"
    rows = story_rows(6, 1.0, 0.05)
    rows.append({"outlet": "A", "story": 99, "metrics": {"author_loaded_per_1k": 500.0}})
    metric_store(path, rows)
    (d,) = compare_outlets(path, "A", "B", metrics=["author_loaded_per_1k"])
    assert d.paired and d.shared_stories == 6  # story 99 is left out of the pairing
    assert d.mean_a < 100
    by_story = aggregate(path, by="story", metrics=["author_loaded_per_1k"])
    lone = by_story[by_story["story_id"] == 99]
    assert list(lone["outlet"]) == ["A"]
    assert lone["note"].iloc[0] == "only 1 article: no interval"


def test_one_article_outlet_gets_no_interval(tmp_path):
    path = tmp_path / "lonely.duckdb"
    rows = two_outlets(10, 0, 40.0, 0.0, 5.0)
    rows.append({"outlet": "Solo", "metrics": {"framing_score": 70.0}})
    metric_store(path, rows)
    table = aggregate(path, metrics=["framing_score"]).set_index("outlet")
    assert table.loc["Solo", "articles"] == 1
    assert table.loc["Solo", "note"] == "only 1 article: no interval"
    assert np.isnan(table.loc["Solo", "ci_low"]) and np.isnan(table.loc["Solo", "ci_high"])
    assert table.loc["A", "ci_low"] < table.loc["A", "mean"] < table.loc["A", "ci_high"]
    (d,) = compare_outlets(path, "A", "Solo", metrics=["framing_score"])
    assert d.beyond_noise is None and d.ci_low is None
    assert "Solo has only 1 article: no interval" in d.summary


def test_aggregate_means_and_counts_match_the_articles_and_skip_duplicates(tmp_path):
    path = tmp_path / "dup.duckdb"
    rows = [{"outlet": "A", "key": "a1", "published": "2024-01-05",
             "metrics": {"framing_score": 10.0, "words": 300, "primary_frame": "economic"}},
            {"outlet": "A", "key": "a2", "published": "2024-01-20",
             "metrics": {"framing_score": 20.0, "words": 500, "primary_frame": "economic"}},
            {"outlet": "A", "key": "a3", "published": "2024-02-02",
             "metrics": {"framing_score": 60.0, "words": 400, "primary_frame": "morality"}},
            {"outlet": "B", "key": "copy", "published": "2024-01-05", "duplicate_of": "a1",
             "metrics": {"framing_score": 99.0, "words": 300, "primary_frame": "economic"}},
            {"outlet": "B", "key": "b1", "published": "2024-01-06",
             "metrics": {"framing_score": 30.0, "words": 200, "primary_frame": "economic"}}]
    metric_store(path, rows)
    by_outlet = aggregate(path, metrics=["framing_score", "words"])
    a = by_outlet[(by_outlet["outlet"] == "A") & (by_outlet["metric"] == "framing_score")]
    assert a["articles"].iloc[0] == 3 and a["mean"].iloc[0] == pytest.approx(30.0)
    b = by_outlet[(by_outlet["outlet"] == "B") & (by_outlet["metric"] == "framing_score")]
    assert b["articles"].iloc[0] == 1 and b["mean"].iloc[0] == 30.0  # the copy is left out
    by_month = aggregate(path, by="month", metrics=["framing_score"])
    assert list(by_month.columns) == ["outlet", "month", "metric", "articles", "mean", "ci_low",
                                      "ci_high", "note"]
    jan = by_month[(by_month["outlet"] == "A") & (by_month["month"] == "2024-01")].iloc[0]
    assert jan["articles"] == 2 and jan["mean"] == 15.0
    assert 10.0 <= jan["ci_low"] <= jan["ci_high"] <= 20.0
    by_frame = aggregate(path, by="frame", metrics=["framing_score"])
    assert set(zip(by_frame["outlet"], by_frame["primary_frame"])) == {
        ("A", "economic"), ("A", "morality"), ("B", "economic")}


@pytest.mark.slow
def test_every_numeric_metric_is_reported_by_default(tmp_path, analyzer):
    """Metrics rows from the real pipeline: every numeric ARTICLE_COLUMNS column flows through."""
    from conftest import CORPUS_FILES

    from framing import load_article
    from framing.export import ARTICLE_COLUMNS, article_row

    articles = []
    for path in CORPUS_FILES[:4]:
        article = load_article(path)
        row = article_row(analyzer.analyze(article))
        metrics = {k: v for k, v in row.items()
                   if k != "article_id" and (isinstance(v, (int, float)) or k == "primary_frame")}
        articles.append({"text": article.text, "title": article.title, "outlet": "Same",
                         "published": article.published or None, "metrics": metrics})
    store = tmp_path / "real.duckdb"
    make_store(store, articles)
    with connect(store) as con:
        columns = metric_columns(con)
    assert {"framing_score", "author_loaded_per_1k", "opinion_share_body", "words"} <= set(columns)
    assert set(columns) <= set(ARTICLE_COLUMNS)
    table = aggregate(store)
    assert set(table["metric"]) == set(columns)
    assert (table["articles"] == 4).all()


def test_empty_or_unanalyzed_store_says_what_to_run(tmp_path):
    path = tmp_path / "empty.duckdb"
    make_store(path, [{"text": "Not analyzed yet.", "outlet": "A"}])
    # (the store named, as info and analyze name it: it said "corpus analyze DB")
    with pytest.raises(FramingError, match=r"no analyzed articles: run python -m framing "
                                           rf"corpus analyze {re.escape(str(path))}$"):
        aggregate(path)
    with pytest.raises(FramingError, match=rf"corpus analyze {re.escape(str(path))}$"):
        compare_outlets(path, "A", "B")


def test_unknown_outlet_or_metric(tmp_path):
    path = tmp_path / "s.duckdb"
    metric_store(path, two_outlets(3, 3, 1.0, 2.0, 0.1))
    with pytest.raises(FramingError, match="no analyzed articles of outlet 'C'"):
        compare_outlets(path, "A", "C")
    with pytest.raises(FramingError, match="unknown metric 'nope'"):
        aggregate(path, metrics=["nope"])
    with pytest.raises(FramingError, match="corpus stories"):
        aggregate(path, by="story")


@pytest.mark.parametrize("options, message", [
    ({"resamples": 0}, "resamples must be a whole number from 100 to 100,000, not 0"),
    ({"resamples": -5}, "resamples must be a whole number from 100 to 100,000, not -5"),
    ({"resamples": 10}, "resamples must be a whole number from 100 to 100,000, not 10"),
    # (a hundred million resamples asked for 47 GiB and ended in numpy's MemoryError)
    ({"resamples": 100_000_000}, "resamples must be a whole number from 100 to 100,000, not "
     "100000000"),
    ({"resamples": 500.5}, "resamples must be a whole number"),
    ({"seed": -1}, "seed must be a whole number, 0 or more, not -1"),
    ({"seed": "x"}, "seed must be a whole number, 0 or more, not 'x'"),
    ({"metrics": 3}, "metrics must be metric names, not int"),
    ({"metrics": []}, "metrics names no metric: give at least one, or None for all")])
def test_the_library_checks_its_options_as_the_command_does(tmp_path, options, message):
    """Each bad option is the project's one-line error (was ZeroDivisionError, IndexError,
    ValueError or TypeError from numpy)."""
    path = tmp_path / "s.duckdb"
    metric_store(path, two_outlets(3, 3, 1.0, 2.0, 0.1))
    for call in (lambda: aggregate(path, **options),
                 lambda: compare_outlets(path, "A", "B", **options)):
        with pytest.raises(FramingError, match=re.escape(message)) as error:
            call()
        assert "\n" not in str(error.value)


def test_an_outlet_named_in_lower_case_is_written_as_it_is_named(tmp_path):
    """"daily news" opening a summary was written "Daily news", near the other outlet's name."""
    path = tmp_path / "s.duckdb"
    rows = [{"outlet": "daily news" if r["outlet"] == "B" else "Daily News", **{
        k: v for k, v in r.items() if k != "outlet"}} for r in two_outlets(6, 6, 10.0, 20.0, 1.0)]
    metric_store(path, rows)
    (d,) = compare_outlets(path, "Daily News", "daily news", metrics=["framing_score"])
    assert d.summary.startswith("daily news's mean framing score (0 to 100) was "), d.summary


def test_a_wrong_grouping_is_named_as_the_library_calls_it(tmp_path):
    """The library's reader is told of its ``by``, not of the command line's ``--by``."""
    path = tmp_path / "s.duckdb"
    metric_store(path, two_outlets(3, 3, 1.0, 2.0, 0.1))
    with pytest.raises(FramingError, match=r"^by must be one of outlet, .*, not 'year'$"):
        aggregate(path, by="year")


def test_paired_is_true_false_or_none(tmp_path):
    path = tmp_path / "s.duckdb"
    metric_store(path, two_outlets(3, 3, 1.0, 2.0, 0.1))
    with pytest.raises(TypeError, match="paired must be True, False or None, not str 'yes'"):
        compare_outlets(path, "A", "B", paired="yes")  # (was compared unpaired)


def test_one_metric_named_as_a_string_is_that_metric(tmp_path):
    path = tmp_path / "s.duckdb"
    metric_store(path, two_outlets(3, 3, 1.0, 2.0, 0.1))
    assert set(aggregate(path, metrics="framing_score")["metric"]) == {"framing_score"}
    assert [d.metric for d in compare_outlets(path, "A", "B", metrics="framing_score")] == \
        ["framing_score"]


def test_a_negative_seed_is_a_one_line_error_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "s.duckdb"
    metric_store(path, two_outlets(3, 3, 1.0, 2.0, 0.1))
    assert framing_main(["corpus", "report", str(path), "--seed", "-1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["framing: error: --seed must be a whole number, 0 or more, not -1"]


def run_cli(argv):
    """`python -m framing corpus ...` in this process, errors printed as the command does."""
    return framing_main(["corpus", *argv])


def test_report_command_table_files_and_comparison(tmp_path, capsys):
    path = tmp_path / "cli.duckdb"
    metric_store(path, story_rows(10, 2.0, 0.05))
    assert run_cli(["report", str(path), "--metric", "author_loaded_per_1k"]) == 0
    out = capsys.readouterr().out
    assert "author_loaded_per_1k" in out and "ci_low" in out
    # --metric given twice reports both (the first was dropped)
    assert run_cli(["report", str(path), "--metric", "author_loaded_per_1k", "--metric",
                    "framing_score"]) == 0
    out = capsys.readouterr().out
    assert "author_loaded_per_1k" in out and "framing_score" in out
    for suffix in ("csv", "json", "parquet"):
        target = tmp_path / f"out.{suffix}"
        assert run_cli(["report", str(path), "--by", "story", "--out", str(target)]) == 0
        frame = (pd.read_csv(target) if suffix == "csv" else pd.read_parquet(target)
                 if suffix == "parquet" else pd.DataFrame(json.loads(target.read_text())))
        assert {"outlet", "story_id", "metric", "articles", "mean"} <= set(frame.columns)
    assert run_cli(["report", str(path), "--compare", "A", "B", "--metric",
                    "author_loaded_per_1k"]) == 0
    printed = capsys.readouterr().out
    assert re.match(r"On the 10 stories both covered, B used (1\.9\d|2\.0\d)× as many", printed)
    target = tmp_path / "diff.csv"
    assert run_cli(["report", str(path), "--compare", "A", "B", "--unpaired",
                    "--out", str(target)]) == 0
    diffs = pd.read_csv(target)
    assert list(diffs.columns) == list(differences_frame([]).columns)
    assert not diffs["paired"].any()


def test_report_command_bad_input(tmp_path, capsys):
    path = tmp_path / "cli.duckdb"
    metric_store(path, two_outlets(3, 3, 1.0, 2.0, 0.1))
    assert run_cli(["report", str(path), "--out", str(tmp_path / "x.xlsx")]) == 2
    assert "--out must end in .csv, .parquet or .json" in capsys.readouterr().err
    assert run_cli(["report", str(path), "--paired"]) == 2
    assert "--paired and --unpaired go with --compare" in capsys.readouterr().err
    newer = tmp_path / "newer.duckdb"
    make_store(newer, [], schema_version=2)
    assert run_cli(["report", str(newer)]) == 2
    assert "written by a newer framing (store schema 2;" in capsys.readouterr().err


def test_a_missing_interval_is_an_empty_cell_printed_and_written(tmp_path, capsys):
    path = tmp_path / "one.duckdb"
    metric_store(path, [{"outlet": "A", "story": 1, "metrics": {"framing_score": 1.0}},
                        {"outlet": "A", "story": 1, "metrics": {"framing_score": 2.0}},
                        {"outlet": "B", "story": 1, "metrics": {"framing_score": 3.0}}])
    for by in ("story", "outlet", "frame"):
        assert run_cli(["report", str(path), "--by", by, "--metric", "framing_score"]) == 0
        out = capsys.readouterr().out
        assert "NaN" not in out and "nan " not in out
        row = next(line for line in out.splitlines() if line.lstrip().startswith("B "))
        assert re.search(r" 3\.000 +only 1 article: no interval$", row), row
    target = tmp_path / "by_story.csv"
    assert run_cli(["report", str(path), "--by", "story", "--metric", "framing_score",
                    "--out", str(target)]) == 0
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "outlet,story_id,metric,articles,mean,ci_low,ci_high,note"
    assert lines[2] == "B,1,framing_score,1,3.0,,,only 1 article: no interval"


def test_by_does_not_go_with_compare(tmp_path, capsys):
    path = tmp_path / "cli.duckdb"
    metric_store(path, two_outlets(3, 3, 1.0, 2.0, 0.1))
    assert run_cli(["report", str(path), "--compare", "A", "B", "--by", "story"]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "framing: error: --by does not go with --compare A B (a comparison is of two outlets; "
        "--paired pairs them by shared story)"]
    assert run_cli(["report", str(path), "--compare", "A", "B"]) == 0


def test_groups_of_two_or_three_take_the_exact_bootstrap_interval_their_range():
    rng = np.random.default_rng(3)
    for n in (2, 3):
        values = rng.normal(size=(n, 4))
        simulated = np.percentile(bootstrap_means(values, 4000, rng), [2.5, 97.5], axis=0)
        np.testing.assert_allclose(simulated[0], values.min(axis=0))
        np.testing.assert_allclose(simulated[1], values.max(axis=0))
    values = rng.normal(size=(4, 4))  # from 4 articles on, the range is too wide
    simulated = np.percentile(bootstrap_means(values, 4000, rng), 2.5, axis=0)
    assert (simulated > values.min(axis=0)).all()


def test_aggregate_interval_of_three_articles_is_their_range(tmp_path):
    path = tmp_path / "three.duckdb"
    metric_store(path, [{"outlet": "A", "metrics": {"framing_score": v}} for v in (3., 9., 4.)]
                 + [{"outlet": "B", "metrics": {"framing_score": v}} for v in (1., 2., 3., 4., 50.)])
    table = aggregate(path, metrics=["framing_score"]).set_index("outlet")
    assert (table.loc["A", "ci_low"], table.loc["A", "ci_high"]) == (3.0, 9.0)
    assert 1.0 < table.loc["B", "ci_low"] < table.loc["B", "mean"] < table.loc["B", "ci_high"] < 50


def empty_stories_table(path) -> None:
    """The stories table as every store made by `corpus add` has it before `corpus stories`."""
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE stories(story_id INTEGER, article_id VARCHAR, "
                    "similarity DOUBLE, label VARCHAR)")


def test_a_report_by_story_needs_stories_even_when_the_table_is_there(tmp_path, capsys):
    path = tmp_path / "ungrouped.duckdb"
    metric_store(path, two_outlets(6, 6, 1.0, 2.0, 0.1))
    empty_stories_table(path)
    expected = f"the store has no stories yet: run python -m framing corpus stories {path} first"
    with pytest.raises(FramingError, match=f"^{re.escape(expected)}$"):
        aggregate(path, by="story")
    with pytest.raises(FramingError, match=re.escape(expected)):
        compare_outlets(path, "A", "B", paired=True)
    assert run_cli(["report", str(path), "--by", "story"]) == 2
    printed = capsys.readouterr()
    assert printed.out == "" and printed.err.splitlines() == [f"framing: error: {expected}"]
    # unpaired by default, and the note says why
    difference = compare_outlets(path, "A", "B", metrics=["framing_score"])[0]
    assert not difference.paired and "(unpaired: no stories yet)" in difference.summary


def test_every_metric_an_outlet_comparison_may_name_has_words_for_it():
    from framing.corpus.outlets import NOT_METRICS, metric_phrases
    from framing.export import ARTICLE_COLUMNS

    phrases = metric_phrases()
    # ("mean score opinion", "mean framing score low" were the column names, spaced)
    assert [c for c in ARTICLE_COLUMNS if c not in NOT_METRICS and c not in phrases] == []
    assert all(p and "_" not in p for p in phrases.values())


def test_two_or_three_articles_get_their_range_and_say_it_is_no_95_interval(tmp_path):
    path = tmp_path / "few.duckdb"
    rows = two_outlets(2, 3, 40.0, 50.0, 5.0, seed=4) + two_outlets(12, 0, 30.0, 0.0, 5.0)
    rows = [dict(r, outlet="C") if i >= 5 else r for i, r in enumerate(rows)]
    metric_store(path, rows)
    table = aggregate(path, metrics=["framing_score"]).set_index("outlet")
    assert table.loc["A", "note"] == "only 2 articles: the range, not a 95 % interval"
    assert table.loc["B", "note"] == "only 3 articles: the range, not a 95 % interval"
    assert table.loc["C", "note"] == ""
    assert table.loc["B", "ci_low"] <= table.loc["B", "mean"] <= table.loc["B", "ci_high"]


def test_the_interval_of_a_few_articles_is_wider_than_the_plain_percentile():
    from framing.corpus.outlets import interval_of

    rng = np.random.default_rng(2)
    sample = rng.normal(10.0, 3.0, size=(5, 1))
    means = bootstrap_means(sample, 2000, rng)
    plain_low, plain_high = np.percentile(means, [2.5, 97.5])
    low, high = interval_of(means, 5)
    assert low[0] < plain_low and high[0] > plain_high
    # with many articles the two agree
    big = bootstrap_means(rng.normal(10.0, 3.0, size=(400, 1)), 2000, rng)
    plain_low, plain_high = np.percentile(big, [2.5, 97.5])
    low, high = interval_of(big, 400)
    assert low[0] == pytest.approx(plain_low, abs=0.02)
    assert high[0] == pytest.approx(plain_high, abs=0.02)


def test_a_comparison_of_few_articles_says_its_interval_is_rough(tmp_path):
    path = tmp_path / "rough.duckdb"
    metric_store(path, two_outlets(4, 9, 40.0, 41.0, 5.0, seed=6))
    (d,) = compare_outlets(path, "A", "B", metrics=["framing_score"])
    assert "only 4 articles on one side: a rough interval" in d.summary
    metric_store(tmp_path / "many.duckdb", two_outlets(9, 9, 40.0, 41.0, 5.0, seed=6))
    (d,) = compare_outlets(tmp_path / "many.duckdb", "A", "B", metrics=["framing_score"])
    assert "rough" not in d.summary


def test_store_functions_refuse_what_is_no_store_in_one_line():
    # (None, a number or bytes were taken for an open connection: AttributeError on execute;
    # "" was the current folder: "is a directory")
    from framing.corpus.store import StoreError
    from framing.corpus.stories import blind_spots, build_stories
    from framing.corpus.voices import outlet_sources

    calls = [lambda: aggregate(None), lambda: compare_outlets(5, "A", "B"),
             lambda: blind_spots(b"x"), lambda: build_stories(["news.duckdb"]),
             lambda: outlet_sources(None)]
    for call in calls:
        with pytest.raises(TypeError, match="^expected a store's path or an open connection"):
            call()
    with pytest.raises(StoreError, match="^no store named: the path is empty"):
        aggregate("")


def test_the_same_seed_gives_the_same_intervals_every_time(example_store):
    # DuckDB returns rows in no fixed order when it scans in parallel: the bootstrap drew the
    # same resamples of articles in another order (the app's download and `corpus report`
    # differed in the third figure, and one call in three changed)
    first = aggregate(example_store)
    for _ in range(8):
        pd.testing.assert_frame_equal(aggregate(example_store), first)
    outlets = first["outlet"].unique()[:2]
    first = compare_outlets(example_store, *outlets)
    for _ in range(4):
        assert compare_outlets(example_store, *outlets) == first
