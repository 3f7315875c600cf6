"""bench/make_corpus.py writes a distinct, dated, multi-outlet corpus, the same for the same seed."""

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "bench" / "make_corpus.py")
make_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_corpus)


def _generate(path: Path, articles: int = 200, seed: int = 0, outlets: int = 20) -> pd.DataFrame:
    argv = ["--articles", str(articles), "--out", str(path), "--seed", str(seed),
            "--outlets", str(outlets)]
    assert make_corpus.main(argv) == 0
    if path.suffix == ".jsonl":
        return pd.read_json(path, lines=True, dtype=False)
    return pd.read_parquet(path)


@pytest.mark.parametrize("suffix", [".parquet", ".jsonl"])
def test_generated_table_has_the_columns_distinct_texts_dates_and_outlets(tmp_path, suffix):
    table = _generate(tmp_path / f"gen{suffix}")
    assert list(table.columns) == ["text", "title", "outlet", "published", "url"]
    assert len(table) == 200
    assert table["text"].is_unique and table["url"].is_unique
    assert table["outlet"].nunique() == 20
    published = pd.to_datetime(table["published"], format="%Y-%m-%d")
    assert published.min() >= pd.Timestamp("2025-01-01")
    assert published.max() <= pd.Timestamp("2025-12-31")
    assert published.dt.month.nunique() > 6
    assert table["title"].str.len().gt(0).all()


def test_articles_have_paragraphs_and_sentences_in_range(tmp_path):
    table = _generate(tmp_path / "gen.parquet")
    paragraphs = table["text"].str.split("\n\n")
    assert paragraphs.str.len().between(3, 10).all()
    words = table["text"].str.split().str.len()
    assert words.min() > 40 and words.max() < 2000


def test_outlets_differ_in_opinion_mix(tmp_path):
    outlets = make_corpus.make_outlets(20, ["a", "b"], make_corpus.np.random.default_rng(0))
    assert outlets["outlet"].is_unique and outlets["domain"].is_unique
    assert outlets["opinion_share"].max() - outlets["opinion_share"].min() > 0.4
    assert outlets["volume"].sum() == pytest.approx(1.0)


def test_same_seed_same_corpus_other_seed_other_corpus(tmp_path):
    first = _generate(tmp_path / "a.parquet", articles=120, seed=7)
    again = _generate(tmp_path / "b.parquet", articles=120, seed=7)
    other = _generate(tmp_path / "c.parquet", articles=120, seed=8)
    pd.testing.assert_frame_equal(first, again)
    assert not first["text"].isin(other["text"]).any()


def test_unknown_extension_is_refused(tmp_path):
    with pytest.raises(SystemExit, match="parquet"):
        make_corpus.main(["--articles", "5", "--out", str(tmp_path / "gen.xlsx")])


def test_the_stories_benchmark_builds_a_store_the_corpus_layer_reads(tmp_path):
    # bench/stories.py writes its articles straight into a store; the corpus layer must
    # read it as one of its own (its DDL once fell behind the store's and the bench failed)
    spec = importlib.util.spec_from_file_location("bench_stories", ROOT / "bench" / "stories.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    from framing.corpus.outlets import aggregate
    from framing.corpus.stories import DEFAULT_THRESHOLD, build_stories

    db = tmp_path / "bench.duckdb"
    truth = bench.build_store(db, bench.example_articles(ROOT))
    summary = build_stories(db, window_days=3, threshold=DEFAULT_THRESHOLD)
    assert len(truth) == 68 and 10 <= summary.stories < 68
    bench.fill_metrics(db, seed=0)
    by_outlet = aggregate(db, by="outlet")
    assert set(by_outlet["outlet"]) == {row["outlet"] for row in bench.example_articles(ROOT)}
