"""Whom each outlet gives a voice (framing/corpus/voices.py and `corpus sources`), checked
against the same counts taken from the per-article pipeline's reports."""

from __future__ import annotations

import shutil
from collections import Counter, defaultdict

import duckdb
import pandas as pd
import pytest

from framing.cli import main
from framing.corpus import explore
from framing.corpus.storeio import CorpusReportError
from framing.corpus.voices import outlet_sources, source_kinds, sources_across_outlets
from framing.report import Article


@pytest.fixture(scope="module")
def expected(example_store, analyzer):
    """(outlet, actor) -> body sentences quoting or reporting it, from the reports of the
    store's articles (wire copies left out), analyzed as the store was."""
    with duckdb.connect(str(example_store), read_only=True) as con:
        rows = con.execute("SELECT id, text, outlet, title FROM articles "
                           "WHERE duplicate_of IS NULL").fetchall()
    named = explore.example_analyzer(analyzer)
    counts: Counter = Counter()
    articles = defaultdict(set)
    for article_id, text, outlet, title in rows:  # (an article's own outlet is no source)
        article = Article(text=text, id=article_id, outlet=outlet, title=title)
        for actor in named.analyze(article).actors:
            credited = actor.quoted_sentences + actor.attributed_sentences
            if credited:
                counts[outlet, actor.name] += credited
                articles[outlet, actor.name].add(article_id)
    return counts, articles


def test_each_outlets_sources_are_the_reports_counts_most_first(example_store, expected):
    counts, articles = expected
    every = outlet_sources(example_store, top=1_000_000)
    assert {(r.outlet, r.actor): r.sentences for r in every.itertuples()} == dict(counts)
    assert all(len(articles[r.outlet, r.actor]) == r.articles for r in every.itertuples())
    assert (every["sentences"] == every["quoted_sentences"]
            + every["attributed_sentences"]).all()
    for _, rows in every.groupby("outlet"):
        assert list(rows["rank"]) == list(range(1, len(rows) + 1))
        assert rows["sentences"].is_monotonic_decreasing
        assert rows["share"].sum() == pytest.approx(1.0)
    top = outlet_sources(example_store, top=3)
    assert (top.groupby("outlet").size() == 3).all()
    assert top.equals(every[every["rank"] <= 3].reset_index(drop=True))


def test_the_kinds_of_sources_add_up_to_each_outlets_sources(example_store):
    every = outlet_sources(example_store, top=1_000_000)
    kinds = source_kinds(example_store)
    by_outlet = kinds.groupby("outlet")
    assert (by_outlet["sentences"].sum() == every.groupby("outlet")["sentences"].sum()).all()
    assert (by_outlet["sources"].sum() == every.groupby("outlet").size()).all()
    assert by_outlet["share"].sum().to_numpy() == pytest.approx(1.0)
    # the example's towns and clubs are no people (corpus/example_names.csv)
    assert "person" in set(kinds["kind"]) and "organization" in set(kinds["kind"])


def test_sources_across_outlets_put_each_outlets_count_side_by_side(example_store):
    every = outlet_sources(example_store, top=1_000_000)
    across = sources_across_outlets(example_store, top=5)
    outlets = sorted(every["outlet"].unique())
    assert list(across.columns) == ["actor", "kind", "sentences", "outlets", *outlets]
    totals = every.groupby("actor")["sentences"].sum().sort_values(ascending=False)
    assert list(across["sentences"]) == list(totals.iloc[:5])
    assert (across[outlets].sum(axis=1) == across["sentences"]).all()
    assert ((across[outlets] > 0).sum(axis=1) == across["outlets"]).all()


def test_a_wire_copy_and_an_unknown_outlet_are_left_out(example_store, tmp_path):
    path = tmp_path / "copy.duckdb"
    shutil.copy(example_store, path)
    before = outlet_sources(path, top=1_000_000)
    first = before.iloc[0]
    with duckdb.connect(str(path)) as con:  # every article of the outlet is now a wire copy
        con.execute("UPDATE articles SET duplicate_of = 'x' WHERE outlet = ?", [first.outlet])
    after = outlet_sources(path, top=1_000_000)
    assert first.outlet not in set(after["outlet"])
    assert after.equals(before[before["outlet"] != first.outlet].reset_index(drop=True))
    with pytest.raises(CorpusReportError, match=f"no analyzed articles of outlet 'Nope'; "
                                                f"outlets: .*{first.outlet}"):
        outlet_sources(example_store, outlet="Nope")
    with pytest.raises(CorpusReportError, match="from 1 to"):
        outlet_sources(example_store, top=0)


def test_corpus_sources_prints_each_outlet_and_writes_the_table(example_store, tmp_path, capsys):
    every = outlet_sources(example_store, top=2)
    outlet = every["outlet"].iloc[0]
    assert main(["corpus", "sources", str(example_store), "--top", "2", "--outlet", outlet]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"{outlet}: ") and "named sources, credited in" in lines[0]
    mine = every[every["outlet"] == outlet]
    assert [line.split(" (")[0].strip() for line in lines[1:]] == [
        f"{r.rank}. {r.actor}" for r in mine.itertuples()]
    out = tmp_path / "sources.csv"
    assert main(["corpus", "sources", str(example_store), "--top", "2", "--out", str(out)]) == 0
    written = pd.read_csv(out)
    assert list(written.columns) == list(every.columns) and len(written) == len(every)
    assert main(["corpus", "sources", str(example_store), "--out", str(tmp_path / "x.txt")]) == 2
    assert "--out must end in .csv, .parquet or .json" in capsys.readouterr().err
