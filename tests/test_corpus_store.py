"""The corpus store: add, analyze (resumable), query, export, duplicates, bad inputs."""

from __future__ import annotations

import csv
import gc
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from conftest import CORPUS_FILES, ROOT

from framing import Corpus
from framing.cli import main
from framing.corpus.sources import parse_date, read_published, text_id
from framing.corpus.store import SCHEMA_VERSION, StoreError, WriterLock, connect
from framing.errors import FramingError
from framing.export import ARTICLE_COLUMNS
from framing.ingest import load_article


def body(path: Path) -> str:
    return load_article(path).text


def paragraphs() -> list[str]:
    pool = []
    for path in CORPUS_FILES:
        pool.extend(p.strip() for p in body(path).split("\n\n") if len(p.split()) > 12)
    return pool


def mixed_articles(n: int, seed: int = 0) -> list[dict]:
    """n distinct articles recombined from the example corpus's paragraphs."""
    rng = random.Random(seed)
    pool = paragraphs()
    rows = []
    for i in range(n):
        chosen = rng.sample(pool, 6)
        rows.append({"headline": f"Story number {i}", "content": "\n\n".join(chosen),
                     "media_name": f"Outlet {i % 3}",
                     "publish_date": f"2024-{1 + i % 12:02d}-{1 + i % 27:02d}",
                     "url": f"https://example.org/story-{i}"})
    return rows


def write_jsonl(path: Path, rows) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def metrics_frame(db: Path) -> pd.DataFrame:
    frame = Corpus(db).sql("SELECT * EXCLUDE (run_id) FROM metrics ORDER BY article_id")
    return frame.reset_index(drop=True)


def table(db: Path, name: str, order: str) -> pd.DataFrame:
    return Corpus(db).sql(f"SELECT * FROM {name} ORDER BY {order}").reset_index(drop=True)


# --------------------------------------------------------------------------- round trip


def test_metrics_rows_equal_analyze_level_article(tmp_path, analyzer, capsys):
    db = tmp_path / "news.duckdb"
    summary = Corpus(db).add([str(p) for p in CORPUS_FILES])
    assert summary.added == len(CORPUS_FILES)
    run = Corpus(db).analyze(analyzer=analyzer)
    assert (run.analyzed, run.failed) == (len(CORPUS_FILES), 0)

    out = tmp_path / "articles.csv"
    assert main(["analyze", "--level", "article", "--jobs", "1", "--out", str(out),
                 *map(str, CORPUS_FILES)]) == 0
    expected = pd.read_csv(out, keep_default_na=False)
    stored = metrics_frame(db)
    ids = Corpus(db).sql("SELECT id, source FROM articles")
    stored["source_path"] = stored["article_id"].map(dict(zip(ids["id"], ids["source"])))
    assert list(stored.columns) == list(ARTICLE_COLUMNS)
    stored = stored.sort_values("source_path").reset_index(drop=True)
    expected = expected.sort_values("source_path").reset_index(drop=True)
    for column in ARTICLE_COLUMNS:
        if column == "article_id":
            continue
        mine, theirs = stored[column].tolist(), expected[column].tolist()
        if column == "published":
            mine = [v.date() for v in mine]
            theirs = [parse_date(v) for v in theirs]
        if isinstance(mine[0], float):
            assert mine == pytest.approx([float(v) for v in theirs]), column
        elif isinstance(mine[0], bool) or column == "headline_flag":
            assert [str(v) for v in mine] == [str(v) for v in theirs], column
        else:
            assert [("" if v is None else v) for v in mine] == \
                [("" if v is None else v) for v in theirs], column
    # every sentence, term and actor of the same report is there, keyed by the store id
    report = analyzer.analyze(load_article(CORPUS_FILES[0]))
    article_id = text_id(report.article.text)
    sentences = Corpus(db).sql("SELECT * FROM sentences WHERE article_id = ? "
                               "ORDER BY sentence_index", [article_id])
    assert sentences["text"].tolist() == [report.sentence_text(s.sentence) for s in
                                          report.scores]
    terms = Corpus(db).sql("SELECT \"start\", \"end\", surface, category FROM terms "
                           "WHERE article_id = ? ORDER BY ALL", [article_id])
    assert [tuple(r) for r in terms.itertuples(index=False)] == \
        sorted((h.start, h.end, h.surface, h.category) for h in report.hits)
    for row in terms.itertuples(index=False):
        assert report.article.text[row.start:row.end] == row.surface
    actors = Corpus(db).sql("SELECT actor FROM actors WHERE article_id = ?", [article_id])
    assert sorted(actors["actor"]) == sorted(a.name for a in report.actors)


def test_second_analyze_finds_nothing_to_do_and_rerun_redoes_all(tmp_path, analyzer):
    db = tmp_path / "news.duckdb"
    Corpus(db).add([str(p) for p in CORPUS_FILES[:3]])
    assert Corpus(db).analyze(analyzer=analyzer).analyzed == 3
    nothing = Corpus(db).analyze(analyzer=analyzer)
    assert (nothing.run_id, nothing.todo, nothing.analyzed) == (None, 0, 0)
    before = metrics_frame(db)
    again = Corpus(db).analyze(analyzer=analyzer, rerun=True)
    assert again.analyzed == 3
    pd.testing.assert_frame_equal(metrics_frame(db), before)
    assert Corpus(db).sql("SELECT count(*) AS n FROM metrics")["n"][0] == 3
    runs = Corpus(db).sql("SELECT id, articles, finished FROM runs ORDER BY id")
    assert runs["articles"].tolist() == [3, 3]  # the run with nothing to do is not recorded
    assert runs["finished"].notna().all()


def test_a_corpus_is_a_context_manager_with_a_short_repr(tmp_path):
    db = tmp_path / "news.duckdb"
    with Corpus(db) as corpus:
        assert corpus.add([str(CORPUS_FILES[0])]).added == 1
    assert repr(corpus) == f"Corpus({str(db)!r})"
    assert corpus.sql("SELECT count(*) AS n FROM articles")["n"][0] == 1  # closing held nothing
    # a misspelt option names the method called, not an internal function
    with pytest.raises(TypeError, match=r"^Corpus.analyze\(\) got an unexpected keyword "
                                        r"argument 'job'$"):
        corpus.analyze(job=2)


def test_two_corpus_objects_on_one_store_take_turns_in_one_process(tmp_path, analyzer):
    db = tmp_path / "news.duckdb"
    first, second = Corpus(db), Corpus(db)
    first.add([str(CORPUS_FILES[0])])
    with WriterLock(db):  # as while first.analyze runs in another thread
        with pytest.raises(StoreError, match="locked by another writer"):
            second.add([str(CORPUS_FILES[1])])
        assert second.sql("SELECT count(*) AS n FROM articles")["n"][0] == 1
    assert second.analyze(analyzer=analyzer).analyzed == 1
    assert first.sql("SELECT count(*) AS n FROM metrics")["n"][0] == 1


def run_count(db: Path) -> int:
    return int(Corpus(db).sql("SELECT count(*) AS n FROM runs")["n"][0])


def test_an_analyze_with_nothing_to_do_says_so_and_records_no_run(analyzed_store, tmp_path,
                                                                   capsys):
    runs = run_count(analyzed_store)
    assert main(["corpus", "analyze", str(analyzed_store), "--jobs", "1"]) == 0
    assert capsys.readouterr().err.strip().splitlines() == [
        f"framing: nothing to analyze in {analyzed_store}: its {len(CORPUS_FILES)} article(s) "
        "are analyzed with this model and these lexicons (--rerun analyzes them again)"]
    assert run_count(analyzed_store) == runs
    empty = tmp_path / "empty.duckdb"  # made by an add whose every input was skipped
    assert Corpus(empty).add([str(tmp_path / "gone.txt")]).skipped == 1
    assert main(["corpus", "analyze", str(empty), "--jobs", "1"]) == 0
    assert "it has no articles; add some with: python -m framing corpus add" in \
        capsys.readouterr().err
    assert run_count(empty) == 0


def test_a_missing_dask_is_refused_before_a_run_is_recorded(analyzed_store, monkeypatch,
                                                            capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed: ImportError
    monkeypatch.delitem(sys.modules, "framing.corpus.dask_engine", raising=False)
    runs = run_count(analyzed_store)
    assert main(["corpus", "analyze", str(analyzed_store), "--engine", "dask", "--rerun"]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "framing: error: the Dask engine needs dask and distributed: pip install -r "
        "requirements-dask.txt"]
    with pytest.raises(FramingError, match="needs dask and distributed"):
        Corpus(analyzed_store).analyze(engine="dask", rerun=True)
    assert run_count(analyzed_store) == runs
    assert not Path(f"{analyzed_store}.lock").exists()


def test_a_scheduler_without_the_dask_engine_is_refused(analyzed_store, capsys):
    runs = run_count(analyzed_store)
    assert main(["corpus", "analyze", str(analyzed_store), "--scheduler",
                 "tcp://127.0.0.1:8786", "--rerun"]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "framing: error: --scheduler goes with --engine dask"]
    with pytest.raises(FramingError, match=r"^a scheduler goes with the Dask engine"):
        Corpus(analyzed_store).analyze(scheduler="tcp://127.0.0.1:8786", rerun=True)
    assert run_count(analyzed_store) == runs


def test_articles_are_read_in_order_by_id_even_when_a_rowid_is_stale(tmp_path):
    from framing.corpus.run import _read_jobs

    db = tmp_path / "news.duckdb"
    Corpus(db).add([str(p) for p in CORPUS_FILES[:4]])
    with connect(db) as con:
        pairs = con.execute("SELECT id, rowid FROM articles ORDER BY id DESC").fetchall()
    assert [job.id for job in _read_jobs(db, pairs)] == [i for i, _ in pairs]
    # rowids that point elsewhere (as after a rewrite of the table): the ids still decide
    stale = [(article_id, pairs[0][1]) for article_id, _ in pairs]
    jobs = _read_jobs(db, stale)
    assert [job.id for job in jobs] == [i for i, _ in pairs]
    assert all(job.text.strip() for job in jobs)


def test_a_changed_lexicon_reanalyzes(tmp_path, analyzer):
    from framing import Analyzer

    db = tmp_path / "news.duckdb"
    Corpus(db).add([str(CORPUS_FILES[0])])
    Corpus(db).analyze(analyzer=analyzer)
    extra = tmp_path / "extra.csv"
    extra.write_text("term,category,explanation,alternative\n"
                     "rail yard,loaded,A test entry that flags a neutral place name.,site\n",
                     encoding="utf-8")
    custom = Analyzer(lexicons=[extra])
    summary = Corpus(db).analyze(analyzer=custom, lexicons=[extra])
    assert summary.analyzed == 1
    runs = Corpus(db).sql("SELECT lexicon_fingerprint FROM runs ORDER BY id")
    assert runs["lexicon_fingerprint"].nunique() == 2
    assert Corpus(db).sql("SELECT count(*) AS n FROM metrics")["n"][0] == 1


RAIL_YARD = ("term,category,explanation,alternative\n"
             "rail yard,loaded,A test entry that flags a neutral place name.,site\n")


def flagged_rail_yards(db) -> int:
    return Corpus(db).sql("SELECT count(*) AS n FROM terms WHERE term = 'rail yard'")["n"][0]


def test_a_lexicon_given_as_text_analyzes_a_corpus_in_workers(tmp_path, analyzer):
    """The app's uploads reach the Analyzer as text (``AnalyzerPool``), with no file behind
    them: a corpus run still fingerprints that lexicon by content and its workers use it."""
    from framing.analyzer import AnalyzerPool

    db = tmp_path / "news.duckdb"
    Corpus(db).add([str(p) for p in CORPUS_FILES])
    Corpus(db).analyze(analyzer=analyzer)
    assert flagged_rail_yards(db) == 0
    pooled = AnalyzerPool(base=analyzer).get(RAIL_YARD)
    summary = Corpus(db).analyze(analyzer=pooled, jobs=2)
    assert summary.analyzed == len(CORPUS_FILES)  # a new lexicon fingerprint: all again
    assert flagged_rail_yards(db) >= 2


# --------------------------------------------------------------------------- tables


def test_tables_of_every_format_are_read_with_columns_found_by_name(tmp_path):
    rows = mixed_articles(4)
    frame = pd.DataFrame(rows)
    frame.to_csv(tmp_path / "a.csv", index=False)
    frame.to_csv(tmp_path / "a.tsv", index=False, sep="\t")
    write_jsonl(tmp_path / "a.jsonl", rows)
    frame.to_parquet(tmp_path / "a.parquet")
    for name in ("a.csv", "a.tsv", "a.jsonl", "a.parquet"):
        db = tmp_path / f"{name}.duckdb"
        summary = Corpus(db).add([str(tmp_path / name)])
        assert summary.added == 4, name
        stored = Corpus(db).sql("SELECT * FROM articles ORDER BY url")
        assert stored["outlet"].tolist() == [r["media_name"] for r in rows]
        assert [str(d.date()) for d in stored["published"]] == [r["publish_date"] for r in rows]
        assert stored["title"].tolist() == [r["headline"] for r in rows]
        key = "line" if name.endswith(".jsonl") else "row"
        assert stored["source"].tolist() == [f"{tmp_path / name}#{key}={i}" for i in range(1, 5)]
        assert all(t.startswith(r["headline"]) for t, r in zip(stored["text"], rows))


def test_columns_can_be_named(tmp_path):
    rows = [{"story": r["content"], "paper": r["media_name"]} for r in mixed_articles(2)]
    path = write_jsonl(tmp_path / "odd.jsonl", rows)
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path), "--text-column", "story",
                 "--outlet-column", "paper"]) == 0
    assert sorted(Corpus(db).sql("SELECT outlet FROM articles")["outlet"]) == \
        ["Outlet 0", "Outlet 1"]


def test_a_table_without_a_text_column_names_the_columns_and_writes_nothing(tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text("headline,author\nA title,Someone\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "no text column" in err[0] and "headline, author" in err[0]
    assert not db.exists()


def test_empty_and_non_text_cells_and_corrupt_lines_are_skipped_and_counted(tmp_path, capsys):
    good = mixed_articles(2)
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps({"text": good[0]["content"]}) + "\n"
        + json.dumps({"text": ""}) + "\n"
        + json.dumps({"text": 42}) + "\n"
        + '{"text": "broken\n'
        + json.dumps({"text": None}) + "\n"
        + json.dumps({"text": good[1]["content"]}) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}#line=4: not valid JSON" in err
    assert "4 input(s) skipped" in err
    assert Corpus(db).sql("SELECT count(*) AS n FROM articles")["n"][0] == 2
    skipped = Corpus(db).sql("SELECT source, reason FROM skipped ORDER BY source")
    assert skipped["source"].tolist() == [f"{path}#line={n}" for n in (2, 3, 4, 5)]
    assert "int, not text" in skipped["reason"][1]


def test_a_csv_row_cut_by_an_unquoted_comma_is_skipped_not_stored_in_pieces(tmp_path, capsys):
    good = mixed_articles(2)
    path = tmp_path / "cut.csv"
    pd.DataFrame({"text": [good[0]["content"], "placeholder", good[1]["content"]],
                  "outlet": ["A", "B", "C"]}).to_csv(path, index=False)
    cut = f"The council met on Monday, and the mayor said the plan, which {good[0]['content'][:80]}"
    path.write_text(path.read_text(encoding="utf-8").replace('placeholder', cut.replace('"', "")),
                    encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 2
    assert f"skipped {path}#row=2: 2 more field(s) than the header's 2; quote cells that hold " \
           "commas" in capsys.readouterr().err
    stored = Corpus(db).sql("SELECT outlet FROM articles ORDER BY outlet")["outlet"].tolist()
    assert stored == ["A", "C"]  # not "The council met on Monday" with outlet " and the mayor…"


def test_a_csv_quote_never_closed_is_its_rows_error_not_a_cell_of_the_rest(tmp_path, capsys):
    story = ("The harbour board met on Monday and agreed to repair the north pier before the "
             "winter storms, its chair told members.")
    path = tmp_path / "open.csv"
    path.write_text(
        "text,outlet\n"
        f'"{story}",A\n'
        f'"{story[:40]}"{story[40:]},B\n'      # a quotation mark in the middle of a cell
        '"The mayor said 5 inch rain fell,C\n'  # opened and never closed
        f"Later on Tuesday {story.replace(',', '')},D\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"skipped {path}#row=2: a quotation mark closes a cell before the cell ends" in err
    assert f"skipped {path}#row=3: a quotation mark opens a cell and is never closed" in err
    # (row 4 is inside the cell opened on row 3: the message says the rest of the file is)
    assert Corpus(db).sql("SELECT outlet FROM articles")["outlet"].tolist() == ["A"]


@pytest.mark.parametrize(("name", "header", "twice"), [
    ("twice.csv", "text,title,text", "'text'"),
    ("twice.tsv", "body\ttitle\ttitle", "'title'"),
])
def test_a_table_with_a_column_it_reads_named_twice_is_refused(tmp_path, capsys, name, header,
                                                               twice):
    path = tmp_path / name
    separator = "\t" if name.endswith(".tsv") else ","
    path.write_text(header + "\n" + separator.join(["first text", "a title", "second text"])
                    + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 2
    assert one_error_line(capsys) == (f"framing: error: {path}: columns named twice in the "
                                      f"header: {twice}; rename them")
    assert not db.exists()


def test_an_empty_table_says_so(tmp_path, capsys):
    header_only = tmp_path / "header.csv"
    header_only.write_text("text,title\n", encoding="utf-8")
    other = tmp_path / "one.csv"
    other.write_text("text,title\nThe council met on Monday to vote.,Vote\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    # a header and no rows: skipped and named, the other table added
    assert main(["corpus", "add", str(db), str(header_only), str(other)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert f"framing: skipped {header_only}: the table has no rows" in err
    assert len(Corpus(db).sql("SELECT id FROM articles")) == 1
    # no header at all (a file of nothing): one line, as for any table it cannot read
    for name, message in (("none.csv", "the file is empty (no header, no rows)"),
                          ("none.jsonl", "the file is empty (no rows)")):
        (tmp_path / name).write_bytes(b"")
        assert main(["corpus", "add", str(db), str(tmp_path / name)]) == 2
        assert one_error_line(capsys) == f"framing: error: {tmp_path / name}: {message}"


def test_two_columns_that_differ_only_in_case_are_not_guessed_between(tmp_path, capsys):
    path = tmp_path / "cased.csv"
    path.write_text("Text,text,Date\nthe draft,the final story,2024-05-01\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 2
    assert one_error_line(capsys) == (f"framing: error: {path}: columns 'Text' and 'text' "
                                      "differ only in case; name the text column with "
                                      "--text-column (in Python columns={'text': …})")
    with pytest.raises(FramingError, match=r"case; name the text column with .*columns="):
        Corpus(db).add([str(path)])  # (the same words from the Python API, which it names)
    assert main(["corpus", "add", str(db), str(path), "--text-column", "text"]) == 0
    assert Corpus(db).sql("SELECT text FROM articles")["text"].tolist() == ["the final story"]
    Corpus(db).add([str(path)], columns={"text": "Text"})
    assert sorted(Corpus(db).sql("SELECT text FROM articles")["text"]) == ["the draft",
                                                                          "the final story"]


def test_a_corrupt_parquet_file_is_a_one_line_error(tmp_path, capsys):
    path = tmp_path / "broken.parquet"
    pd.DataFrame(mixed_articles(2)).to_parquet(path)
    data = path.read_bytes()
    path.write_bytes(data[:40] + b"\0" * 200 + data[240:-20])
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a readable Parquet file" in err[0]
    assert not db.exists()


# --------------------------------------------------------------------------- duplicates


def test_copies_are_stored_once_per_outlet_and_flagged_across_outlets(tmp_path):
    base = mixed_articles(3)
    original = base[0]
    edited = dict(original, headline="A different headline for the same wire story",
                  media_name="Outlet 9")
    edited["content"] = original["content"].replace(".", ",", 1) + "\n\nOne more closing line."
    same_outlet_copy = dict(edited, media_name=original["media_name"],
                            headline="Updated: the story again")
    exact = dict(original, media_name="Outlet 8")
    rows = [original, base[1], exact, edited, same_outlet_copy, base[2]]
    path = write_jsonl(tmp_path / "wire.jsonl", rows)
    db = tmp_path / "s.duckdb"
    summary = Corpus(db).add([str(path)])
    # the word-for-word copy from Outlet 8 is stored as the edited one from Outlet 9 is (it
    # was not: Outlet 8 lost the story); the same outlet's update is not
    assert (summary.added, summary.near_duplicates, summary.already_stored) == (5, 2, 1)
    stored = Corpus(db).sql("SELECT id, outlet, duplicate_of FROM articles")
    first = stored[stored["outlet"] == original["media_name"]]
    wire = text_id(f"{original['headline']}\n\n{original['content']}")
    assert first["id"].tolist()[0] == wire
    for outlet in ("Outlet 8", "Outlet 9"):
        assert stored[stored["outlet"] == outlet]["duplicate_of"].tolist() == [wire]
    assert stored["duplicate_of"].notna().sum() == 2
    # adding the same table again stores nothing new; the index is read back from the store
    again = Corpus(db).add([str(path)])
    assert (again.added, again.already_stored) == (0, 6)


def test_a_word_for_word_copy_added_first_gives_way_to_the_earlier_original(tmp_path):
    """Whichever outlet's copy of the same text is added first, the earlier published is the
    original and both are stored."""
    base = mixed_articles(1, seed=5)[0]
    wire = dict(base, media_name="Wire", publish_date="2024-03-05")
    reprint = dict(base, media_name="Reprint Daily", publish_date="2024-03-20")
    db = tmp_path / "s.duckdb"
    assert Corpus(db).add([str(write_jsonl(tmp_path / "a.jsonl", [reprint]))]).added == 1
    summary = Corpus(db).add([str(write_jsonl(tmp_path / "b.jsonl", [wire]))])
    assert (summary.added, summary.near_duplicates) == (1, 1)
    assert originals(db) == {"Wire": None, "Reprint Daily": "Wire"}


def near_copies(dates: dict[str, str | None]) -> dict[str, dict]:
    """Rows of one wire story as each outlet of ``dates`` printed it (each with its own
    headline and closing line: near copies of each other), published on its date."""
    base = mixed_articles(1, seed=11)[0]
    rows = {}
    for outlet, date in dates.items():
        rows[outlet] = dict(base, media_name=outlet, publish_date=date,
                            headline=f"{outlet} runs the wire story",
                            content=f"{base['content']}\n\nReported for {outlet}.")
    return rows


def originals(db: Path) -> dict[str, str | None]:
    """Each outlet's article -> the outlet of its original (None: it is the original)."""
    frame = Corpus(db).sql("SELECT a.outlet, coalesce(o.outlet, '') AS original FROM articles a "
                           "LEFT JOIN articles o ON o.id = a.duplicate_of")
    return {row.outlet: row.original or None for row in frame.itertuples()}


def test_the_wire_original_is_the_earliest_published_not_the_first_added(tmp_path, capsys):
    # corpus add takes a folder's files in name order: the Gazette's republication
    # (2026-04-10) comes before Meridian Wire's original (2026-04-09)
    db = tmp_path / "ex.duckdb"
    folder = ROOT / "corpus" / "example_corpus"
    assert main(["corpus", "add", str(db), str(folder)]) == 0
    assert "1 flagged as near copies of another outlet's" in capsys.readouterr().err
    wire, copy = (text_id(body(folder / f"breach_{name}.txt")) for name in ("meridian", "gazette"))
    flagged = Corpus(db).sql("SELECT id, coalesce(duplicate_of, '') AS original FROM articles "
                             "WHERE duplicate_of IS NOT NULL OR id IN (SELECT duplicate_of "
                             "FROM articles)")
    assert dict(zip(flagged["id"], flagged["original"])) == {copy: wire, wire: ""}
    assert main(["corpus", "info", str(db)]) == 0
    assert "(1 near copies of another outlet's)" in capsys.readouterr().out


@pytest.mark.parametrize("together", [True, False])
def test_an_earlier_original_added_later_takes_over_its_copies(tmp_path, together):
    rows = near_copies({"Later Post": "2024-03-06", "Latest Times": "2024-03-08",
                        "Wire": "2024-03-05"})
    db = tmp_path / "s.duckdb"
    first = write_jsonl(tmp_path / "first.jsonl", [rows["Later Post"], rows["Latest Times"]])
    wire = write_jsonl(tmp_path / "wire.jsonl", [rows["Wire"]])
    if together:  # in one add (one transaction)
        summary = Corpus(db).add([str(first), str(wire)])
        assert (summary.added, summary.near_duplicates) == (3, 2)
    else:  # the copies stored by an earlier add are pointed at the original
        assert Corpus(db).add([str(first)]).near_duplicates == 1
        assert originals(db) == {"Later Post": None, "Latest Times": "Later Post"}
        summary = Corpus(db).add([str(wire)])
        assert (summary.added, summary.near_duplicates) == (1, 1)
    assert originals(db) == {"Wire": None, "Later Post": "Wire", "Latest Times": "Wire"}
    # a later copy still joins the original, read back from the store
    late = write_jsonl(tmp_path / "late.jsonl", list(near_copies({"Echo": "2024-03-09"}).values()))
    assert Corpus(db).add([str(late)]).near_duplicates == 1
    assert originals(db)["Echo"] == "Wire"


@pytest.mark.parametrize("dates", [
    {"First Added": "2024-03-05", "Same Day": "2024-03-05"},  # a tie
    {"First Added": None, "Dated": "2024-03-01"},              # the first has no date
    {"First Added": "2024-03-05", "Undated": None},            # the second has none
])
def test_without_two_dates_that_differ_the_first_added_stays_the_original(tmp_path, dates):
    rows = list(near_copies(dates).values())
    db = tmp_path / "s.duckdb"
    Corpus(db).add([str(write_jsonl(tmp_path / "a.jsonl", rows[:1]))])
    Corpus(db).add([str(write_jsonl(tmp_path / "b.jsonl", rows[1:]))])
    second = list(dates)[1]
    assert originals(db) == {"First Added": None, second: "First Added"}


def test_a_store_flagged_the_old_way_still_opens_and_grows(tmp_path, capsys):
    # before, the first added was the original even when published later: such a store opens,
    # its flags are kept, and a new copy joins the original as stored
    rows = near_copies({"Wire": "2024-03-05", "Later Post": "2024-03-06"})
    db = tmp_path / "s.duckdb"
    Corpus(db).add([str(write_jsonl(tmp_path / "a.jsonl", list(rows.values())))])
    with connect(db, write=True) as con:
        ids = dict(con.execute("SELECT outlet, id FROM articles").fetchall())
        con.execute("UPDATE articles SET duplicate_of = CASE outlet WHEN 'Wire' THEN ? END",
                    [ids["Later Post"]])
    assert originals(db) == {"Wire": "Later Post", "Later Post": None}
    late = near_copies({"Echo": "2024-03-09"})["Echo"]
    assert Corpus(db).add([str(write_jsonl(tmp_path / "b.jsonl", [late]))]).added == 1
    assert originals(db)["Echo"] == "Later Post"
    assert main(["corpus", "info", str(db)]) == 0
    assert "3 articles (2 near copies of another outlet's)" in capsys.readouterr().out


# --------------------------------------------------------------------------- query, export


@pytest.fixture(scope="module")
def analyzed_store(tmp_path_factory):
    from framing import Analyzer

    db = tmp_path_factory.mktemp("store") / "news.duckdb"
    Corpus(db).add([str(p) for p in CORPUS_FILES])
    Corpus(db).analyze(analyzer=Analyzer())
    return db


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".json"])
def test_query_and_export_write_every_format(analyzed_store, tmp_path, suffix, capsys):
    out = tmp_path / f"q{suffix}"
    sql = ("SELECT a.outlet, strftime(a.published, '%Y-%m') AS month, avg(m.framing_score) "
           "AS framing_score, count(*) AS n FROM metrics m JOIN articles a ON a.id = "
           "m.article_id WHERE a.duplicate_of IS NULL GROUP BY ALL ORDER BY ALL")
    assert main(["corpus", "query", str(analyzed_store), sql, "--out", str(out)]) == 0
    read = {".csv": pd.read_csv, ".parquet": pd.read_parquet,
            ".json": lambda p: pd.DataFrame(json.loads(Path(p).read_text()))}[suffix]
    frame = read(out)
    assert frame["n"].sum() == len(CORPUS_FILES)
    exported = tmp_path / f"metrics{suffix}"
    assert main(["corpus", "export", str(analyzed_store), "--table", "metrics", "--out",
                 str(exported)]) == 0
    metrics = read(exported)
    assert list(metrics.columns) == list(ARTICLE_COLUMNS) + ["run_id"]
    assert len(metrics) == len(CORPUS_FILES)
    assert not list(tmp_path.glob(".*part"))


def test_query_prints_a_table_and_refuses_writes(analyzed_store, capsys):
    assert main(["corpus", "query", str(analyzed_store),
                 "SELECT count(*) AS articles FROM articles"]) == 0
    assert capsys.readouterr().out.split() == ["articles", str(len(CORPUS_FILES))]
    assert main(["corpus", "query", str(analyzed_store), "DELETE FROM articles"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("framing: error: query failed")
    assert main(["corpus", "query", str(analyzed_store), "SELECT nope FROM articles"]) == 2
    assert Corpus(analyzed_store).sql("SELECT count(*) AS n FROM articles")["n"][0] == \
        len(CORPUS_FILES)


@pytest.mark.parametrize("sql_type, value, shown", [
    ("VARCHAR", "'x'", "x"), ("INTEGER", "7", "7"), ("DOUBLE", "2.5", "2.5"),
    ("DATE", "DATE '2024-05-15'", "2024-05-15"),
    ("TIMESTAMP", "TIMESTAMP '2024-05-15 10:00:00'", "2024-05-15 10:00:00"),
    ("BOOLEAN", "true", "True"), ("INTEGER[]", "[1, 2]", "[1, 2]")])
def test_query_prints_sql_null_as_null(analyzed_store, capsys, sql_type, value, shown):
    """NULL prints as NULL in every type, never as pandas' NaN, NaT, None or <NA>, and stays
    apart from an empty string (an empty cell)."""
    sql = (f"SELECT 1 AS k, {value}::{sql_type} AS v, '' AS e UNION ALL "
           f"SELECT 2, NULL, NULL ORDER BY k")
    assert main(["corpus", "query", str(analyzed_store), sql]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == ["1", *shown.split()], lines
    assert lines[2].split() == ["2", "NULL", "NULL"], lines


def test_a_json_out_writes_nan_and_infinity_as_null(analyzed_store, tmp_path):
    """DuckDB wrote a bare NaN (``corr`` of a constant column), which no strict JSON reader
    takes; the numbers and other columns are written as they are."""
    out = tmp_path / "q.json"
    sql = ("SELECT outlet, corr(words, 0) AS r, 'inf'::DOUBLE AS i, avg(words) AS mean, "
           "[1.5] AS l, 'x' AS \"odd \"\"name\"\"\" FROM metrics GROUP BY 1 ORDER BY 1 LIMIT 1")
    assert main(["corpus", "query", str(analyzed_store), sql, "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "NaN" not in text and "Infinity" not in text
    (row,) = json.loads(text)  # (strict: a NaN would fail here)
    assert row["r"] is None and row["i"] is None and row["mean"] > 0
    assert row["l"] == [1.5] and row['odd "name"'] == "x"


@pytest.mark.parametrize("command", [
    ["export", "{db}", "--table", "articles", "--out", "{db}"],
    ["query", "{db}", "SELECT 1 AS one", "--out", "{db}"],
    ["report", "{db}", "--out", "{db}"],
    ["sources", "{db}", "--out", "{db}"]])
def test_an_out_that_is_the_store_itself_is_refused(tmp_path, capsys, command):
    """A store may have any name ("news.parquet"): an --out of that name wrote over it."""
    db = tmp_path / "news.parquet"
    Corpus(db).add([str(CORPUS_FILES[0])])
    before = db.read_bytes()
    assert main(["corpus", *(part.format(db=db) for part in command)]) == 2
    assert capsys.readouterr().err.strip() == (
        f"framing: error: {db}: is the store {db} (or its own file); writing it would destroy "
        "the store, give another --out")
    assert db.read_bytes() == before


def test_query_keeps_a_real_nan_apart_from_null(analyzed_store, capsys):
    sql = "SELECT 'NaN'::DOUBLE AS nan, NULL::DOUBLE AS missing, [1, NULL] AS list"
    assert main(["corpus", "query", str(analyzed_store), sql]) == 0
    assert capsys.readouterr().out.splitlines()[1].split() == ["NaN", "NULL", "[1,", "NULL]"]



def test_info_says_a_run_without_an_end_stopped_or_runs_now(analyzed_store, capsys):
    """A run stopped by Ctrl+C, killed or failed has no end: `corpus info` says it stopped
    before the end, or that it runs now while a writer holds the store."""
    with connect(analyzed_store, write=True) as con:
        con.execute("INSERT INTO runs VALUES (99, TIMESTAMP '2026-01-02 03:04:05.678', NULL, "
                    "'', '', '', 0, 0, 'local')")
    lock = Path(str(analyzed_store) + ".lock")
    try:
        for holder, said in ((None, "stopped before the end"), (os.getpid(), "running now")):
            if holder:
                lock.write_text(str(holder))
            assert main(["corpus", "info", str(analyzed_store)]) == 0
            runs = capsys.readouterr().out.split("Runs (latest first):")[1].splitlines()
            assert runs[2].split()[:3] == ["99", "2026-01-02", "03:04:05"], runs
            assert said in runs[2] and "NULL" not in runs[2] and "NaT" not in runs[2]
            assert "stopped" not in runs[3] and "running" not in runs[3]  # (the run before)
    finally:
        lock.unlink(missing_ok=True)
        with connect(analyzed_store, write=True) as con:
            con.execute("DELETE FROM runs WHERE id = 99")


def test_the_modules_example_query_runs(analyzed_store):
    """The SQL of framing.corpus's docstring (metrics and articles both have an outlet column:
    an unqualified one is ambiguous)."""
    import ast

    import framing.corpus

    call = re.search(r"corpus\.sql\((.*?)\)\n", framing.corpus.__doc__, re.S).group(1)
    frame = Corpus(analyzed_store).sql(ast.literal_eval(f"({call})"))
    assert list(frame.columns)[0] == "outlet" and len(frame) > 1


def test_info_counts_by_outlet_and_month(analyzed_store, capsys):
    assert main(["corpus", "info", str(analyzed_store)]) == 0
    out = capsys.readouterr().out
    assert f"{len(CORPUS_FILES)} articles" in out and f"{len(CORPUS_FILES)} analyzed" in out
    assert "Northern Wire (illustrative)" in out and "2021-11" in out
    assert "By month" in out and "Runs" in out


# --------------------------------------------------------------------------- bad stores


def test_a_file_that_is_not_a_store(tmp_path, capsys):
    text = tmp_path / "notes.duckdb"
    text.write_text("hello, this is not a database\n" * 200)
    plain = tmp_path / "plain.duckdb"
    duckdb.connect(str(plain)).close()
    for path in (text, plain):
        for command in (["info", str(path)], ["analyze", str(path)],
                        ["add", str(path), str(CORPUS_FILES[0])]):
            assert main(["corpus", *command]) == 2
            err = capsys.readouterr().err.strip().splitlines()
            assert len(err) == 1 and "not a framing store" in err[-1], (command, err)
    assert main(["corpus", "info", str(tmp_path / "missing.duckdb")]) == 2
    assert "no such store" in capsys.readouterr().err


def test_a_store_from_a_newer_schema_says_so(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    Corpus(db).add([str(CORPUS_FILES[0])])
    with connect(db, write=True) as con:
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                    [str(SCHEMA_VERSION + 1)])
    assert main(["corpus", "info", str(db)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "newer framing" in err[0]
    with pytest.raises(StoreError, match="newer"):
        Corpus(db).sql("SELECT 1")


def not_stores(folder: Path) -> dict[str, Path]:
    """Paths that are no store, by kind: articles and tables a user may name first by
    mistake, an empty file, a DuckDB file of someone else's, a folder, a missing file, a
    named pipe."""
    import shutil

    paths = {"article": folder / "strike_wire.txt", "csv": folder / "export.csv",
             "parquet": folder / "export.parquet", "empty": folder / "empty.duckdb",
             "duckdb": folder / "other.duckdb", "folder": folder / "folder",
             "missing": folder / "missing.duckdb", "fifo": folder / "pipe.duckdb"}
    shutil.copy(CORPUS_FILES[0], paths["article"])
    frame = pd.DataFrame({"text": ["A text of a few words."], "outlet": ["X"]})
    frame.to_csv(paths["csv"], index=False)
    frame.to_parquet(paths["parquet"], index=False)
    paths["empty"].touch()
    with duckdb.connect(str(paths["duckdb"])) as con:
        con.execute("CREATE TABLE t(a INTEGER)")
    paths["folder"].mkdir()
    os.mkfifo(paths["fifo"])  # opening it to read would wait for a writer forever
    return paths


NOT_A_STORE = {
    "article": "not a framing store (not a DuckDB database file)",
    "csv": "not a framing store (not a DuckDB database file)",
    "parquet": "not a framing store (not a DuckDB database file)",
    "empty": "not a framing store (an empty file)",
    "duckdb": "not a framing store (a DuckDB file without its tables)",
    "folder": "is a directory, not a store file",
    "fifo": "not a framing store (not a regular file)",
    "missing": "no such store; make one with: python -m framing corpus add {path} ARTICLES...",
}


@pytest.mark.parametrize("kind", sorted(NOT_A_STORE))
def test_every_corpus_command_says_the_same_of_a_path_that_is_no_store(tmp_path, capsys,
                                                                        kind):
    from framing.corpus import explore, outlets, stories

    path = not_stores(tmp_path)[kind]
    before = {p: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    expected = f"framing: error: {path}: " + NOT_A_STORE[kind].format(path=path)
    commands = [["info"], ["analyze"], ["query", "SELECT 1"], ["stories"], ["report"],
                ["export", "--table", "runs", "--out", str(tmp_path / "out.csv")],
                ["analyze", "--engine", "dask"]]
    if kind != "missing":  # (add makes a missing store)
        commands.append(["add", str(CORPUS_FILES[1])])
    for command in commands:
        assert main(["corpus", command[0], str(path), *command[1:]]) == 2, command
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith(expected), (command, err)
        assert "Error" not in err[0] and "DuckDB database file!" not in err[0]
    # the Python API and the app's Corpus page (explore) raise the same one line
    for call in (lambda: Corpus(path).sql("SELECT 1"), lambda: explore.store_status(path),
                 lambda: outlets.aggregate(path), lambda: stories.build_stories(path),
                 lambda: Corpus(path).analyze(jobs=1)):
        with pytest.raises(StoreError) as error:
            call()
        assert f"framing: error: {error.value}".startswith(expected)
    # nothing was written: no lock file, no store, the files as they were
    assert {p: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_a_store_cut_short_is_a_one_line_error_for_every_command(tmp_path, capsys):
    whole = tmp_path / "whole.duckdb"
    Corpus(whole).add([str(f) for f in CORPUS_FILES[:6]])
    path = tmp_path / "cut.duckdb"
    path.write_bytes(whole.read_bytes()[:300_000])  # (a copy interrupted, a disk full)
    expected = f"framing: error: {path}: not a readable framing store (damaged: "
    for command in (["info"], ["analyze"], ["query", "SELECT 1"], ["stories"], ["report"],
                    ["add", str(CORPUS_FILES[7])],
                    ["export", "--table", "runs", "--out", str(tmp_path / "out.csv")]):
        assert main(["corpus", command[0], str(path), *command[1:]]) == 2, command
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith(expected), (command, err)
    with pytest.raises(StoreError, match="damaged"):
        Corpus(path).sql("SELECT 1")


def test_a_store_overwritten_inside_is_damaged_at_once_not_locked(tmp_path, capsys):
    # DuckDB says "Corrupt database file: … in block at location 4096": "block" is no lock,
    # which was waited on for half a minute and then called "locked by another process"
    whole = tmp_path / "whole.duckdb"
    Corpus(whole).add([str(f) for f in CORPUS_FILES[:6]])
    data = bytearray(whole.read_bytes())
    data[5000:25000] = b"\xff" * 20000
    path = tmp_path / "garbled.duckdb"
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match=r": not a readable framing store \(damaged: Corrupt"):
        Corpus(path).sql("SELECT 1")
    assert main(["corpus", "info", str(path)]) == 2
    assert "locked" not in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["article", "csv", "parquet"])
def test_an_input_named_as_the_store_is_refused_untouched_and_without_a_lock_file(
        tmp_path, capsys, kind):
    path = not_stores(tmp_path)[kind]
    before = path.read_bytes()
    assert main(["corpus", "add", str(path), str(CORPUS_FILES[1])]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"framing: error: {path}: not a framing store (not a DuckDB database file); "
                   "the store comes first: python -m framing corpus add DB SOURCE..."]
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.lock")) and not list(tmp_path.glob("*.wal"))
    with pytest.raises(StoreError, match=r"not a DuckDB database file\)$"):
        Corpus(path).add([str(CORPUS_FILES[1])])
    assert not list(tmp_path.glob("*.lock"))


def test_the_writer_lock_file_lasts_as_long_as_the_writer(tmp_path):
    db = tmp_path / "s.duckdb"
    lock_file = tmp_path / "s.duckdb.lock"
    Corpus(db).add([str(CORPUS_FILES[0])])
    assert not lock_file.exists()
    lock_file.write_text("12345")  # left by a writer that was killed: taken over
    with WriterLock(db):
        assert lock_file.read_text() == str(os.getpid())
        # (the holder is this process: it named "process <its own id>" as another)
        with pytest.raises(StoreError, match=r"locked by another writer \(this process: "
                                             r"another thread or Corpus writes\)"):
            WriterLock(db).acquire()
    assert not lock_file.exists()
    # a writer that opened the file just before the one holding it removed it takes a new one
    first = WriterLock(db).acquire()
    late = os.open(lock_file, os.O_RDWR)
    first.release()
    second = WriterLock(db).acquire()
    import fcntl

    fcntl.flock(late, fcntl.LOCK_EX | fcntl.LOCK_NB)  # the removed file: locking it is no lock
    assert not second._still_named(late)
    with pytest.raises(StoreError, match="locked by another writer"):
        WriterLock(db).acquire()
    os.close(late)
    second.release()
    assert not lock_file.exists()


def test_a_second_writer_gets_a_clear_error_and_readers_go_on(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    Corpus(db).add([str(CORPUS_FILES[0])])
    with WriterLock(db):
        assert main(["corpus", "add", str(db), str(CORPUS_FILES[1])]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "locked by another writer" in err[0]
        assert main(["corpus", "analyze", str(db)]) == 2
        assert "locked by another writer" in capsys.readouterr().err
        assert Corpus(db).sql("SELECT count(*) AS n FROM articles")["n"][0] == 1
    assert Corpus(db).add([str(CORPUS_FILES[1])]).added == 1


def test_a_reader_waits_for_a_short_write(tmp_path):
    db = tmp_path / "s.duckdb"
    Corpus(db).add([str(CORPUS_FILES[0])])
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, time, sys; c = duckdb.connect(sys.argv[1]); print('held', flush=True);"
        " time.sleep(1.5); c.close()"), str(db)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    started = time.monotonic()
    assert Corpus(db).sql("SELECT count(*) AS n FROM articles")["n"][0] == 1
    assert time.monotonic() - started > 0.3
    holder.wait(timeout=10)


# --------------------------------------------------------------------------- resume


def twin_stores(tmp_path, analyzer, articles: int, seed: int):
    """Two stores of the same generated articles, the first analyzed: the reference that a
    run interrupted or run otherwise in the second must end equal to."""
    path = write_jsonl(tmp_path / "t.jsonl", mixed_articles(articles, seed=seed))
    reference, db = tmp_path / "ref.duckdb", tmp_path / "s.duckdb"
    for store in (reference, db):
        Corpus(store).add([str(path)])
    Corpus(reference).analyze(analyzer=analyzer)
    return reference, db


def test_a_write_that_fails_mid_run_stops_cleanly_and_a_rerun_completes(tmp_path, analyzer):
    from framing.corpus.run import write_batch

    reference, db = twin_stores(tmp_path, analyzer, 12, seed=3)

    calls, frozen = [], []

    def full_disk(con, run_id, results):
        calls.append(len(results))
        frozen.append(gc.get_freeze_count())
        if len(calls) == 3:
            raise duckdb.IOException("IO Error: No space left on device")
        write_batch(con, run_id, results)

    with pytest.raises(StoreError, match="could not write to the store.*No space left.*resume"):
        Corpus(db).analyze(analyzer=analyzer, writer=full_disk, flush_articles=1,
                           task_articles=2)
    # the loaded model is left out of the collector's passes during the run, and only then
    assert min(frozen) > 0 and gc.get_freeze_count() == 0
    partial = Corpus(db).sql("SELECT count(*) AS n FROM metrics")["n"][0]
    assert 0 < partial < 12
    assert Corpus(db).analyze(analyzer=analyzer).analyzed == 12 - partial
    assert_same_analysis(db, reference)


def test_a_batch_larger_than_the_runs_memory_limit_is_written_not_refused(tmp_path):
    """The run's connections are held to a DuckDB memory limit (the checkpoint after a write
    took a few hundred MB without one); a batch bigger than the limit spills to a temporary
    file and is written, first and again (a re-analysis: deletes, inserts, checkpoint)."""
    import pyarrow as pa

    from framing.corpus.run import RUN_MEMORY, BatchResult, arrow_schemas, write_batch

    assert RUN_MEMORY
    db = tmp_path / "s.duckdb"
    Corpus(db).add([str(CORPUS_FILES[0])])
    schemas = arrow_schemas()
    ids = [f"big{i}" for i in range(40)]
    sentence = "A sentence of a very long article, written again and again. " * 16  # ~1 kB
    sentences = [{"article_id": article_id, "sentence_index": i, "text": sentence}
                 for article_id in ids for i in range(1000)]               # ~40 MB of text
    result = BatchResult(done=ids)
    result.tables = {
        "sentences": pa.Table.from_pylist(sentences, schema=schemas["sentences"]),
        "metrics": pa.Table.from_pylist([{"article_id": i} for i in ids],
                                        schema=schemas["metrics"]),
        "terms": schemas["terms"].empty_table(), "actors": schemas["actors"].empty_table()}
    for _ in range(2):
        with connect(db, write=True, memory_limit="16MB") as con:
            limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
            assert limit.replace(" ", "").startswith(("15", "16"))  # "15.2 MiB" = 16 MB
            write_batch(con, 1, [result])
    counts = Corpus(db).sql("SELECT count(*) AS n, count(DISTINCT article_id) AS a, "
                            "sum(length(text)) AS chars FROM sentences")
    assert counts["n"][0] == 40_000 and counts["a"][0] == 40
    assert counts["chars"][0] == 40_000 * len(sentence)
    assert Corpus(db).sql("SELECT count(*) AS n FROM metrics")["n"][0] == 40


def assert_same_analysis(db: Path, reference: Path) -> None:
    pd.testing.assert_frame_equal(metrics_frame(db), metrics_frame(reference))
    for name, order in (("sentences", "article_id, sentence_index"),
                        ("terms", "article_id, \"start\", \"end\", category, term"),
                        ("actors", "article_id, actor")):
        pd.testing.assert_frame_equal(table(db, name, order), table(reference, name, order))
    duplicates = Corpus(db).sql("SELECT count(*) - count(DISTINCT (article_id, sentence_index))"
                                " AS n FROM sentences")["n"][0]
    assert duplicates == 0


@pytest.mark.slow
def test_a_worker_killed_mid_run_stops_the_run_in_one_line_and_a_rerun_finishes(
        tmp_path, analyzer):
    """A worker process killed (as by the kernel's out-of-memory killer) lost its task: the
    run waited for it for ever. Now it stops with one line, writes what came back, and the
    same command finishes with the rows of an uninterrupted run."""
    import threading

    from framing.corpus.run import WorkerLostError

    articles = 30
    reference, db = twin_stores(tmp_path, analyzer, articles, seed=9)
    doomed = Corpus(db).sql("SELECT id FROM articles ORDER BY added_at, id")["id"][10]
    from framing import Analyzer

    class KilledOnOneArticle(Analyzer):  # forked into the workers with the pool
        def analyze(self, article, *args, **kwargs):
            if article.id == doomed:  # the worker dies holding its task, as an OOM kill does
                os.kill(os.getpid(), signal.SIGKILL)
            return super().analyze(article, *args, **kwargs)

    def interrupt_twice() -> None:  # a second Ctrl+C stops at once (two at once are one)
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(1)
        os.kill(os.getpid(), signal.SIGINT)

    # without the check the run never ends: a watchdog interrupts it
    watchdog = threading.Timer(120, interrupt_twice)
    watchdog.start()
    try:
        with pytest.raises(WorkerLostError) as error:
            Corpus(db).analyze(analyzer=KilledOnOneArticle(model=analyzer.bundle), jobs=2,
                               task_articles=1, flush_articles=1)
    except KeyboardInterrupt:
        pytest.fail("the run waited for its dead worker until the watchdog stopped it")
    finally:
        watchdog.cancel()
    assert str(error.value) == (
        "a worker process ended in the middle of the run (killed by signal 9, perhaps for "
        "lack of memory); the results that came back are written: run `corpus analyze` "
        "again to go on")
    written = Corpus(db).sql("SELECT count(*) AS n FROM metrics")["n"][0]
    assert 1 <= written < articles
    assert Corpus(db).analyze(analyzer=analyzer, jobs=2).analyzed == articles - written
    assert_same_analysis(db, reference)


@pytest.mark.slow
def test_a_run_killed_with_sigkill_resumes_to_the_same_rows(tmp_path, analyzer):
    reference, db = twin_stores(tmp_path, analyzer, 40, seed=5)

    command = [sys.executable, "-m", "framing", "corpus", "analyze", str(db), "--jobs", "1",
               "--batch", "1"]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE,
                               env=os.environ | {"PYTHONPATH": str(ROOT)})
    done = 0
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with connect(db, wait=0.5) as con:
                done = con.execute("SELECT count(*) FROM metrics").fetchone()[0]
        except StoreError:
            pass
        if done >= 3:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    killed_at = Corpus(db).sql("SELECT count(*) AS n FROM metrics")["n"][0]
    assert 3 <= killed_at < 40, "the kill should land mid-run"
    finished = subprocess.run(command[:-2], cwd=ROOT, capture_output=True, text=True,
                              env=os.environ | {"PYTHONPATH": str(ROOT)}, timeout=600)
    assert finished.returncode == 0, finished.stderr
    assert f"analyzed {40 - killed_at} of {40 - killed_at}" in finished.stderr
    assert_same_analysis(db, reference)


@pytest.mark.slow
@pytest.mark.parametrize("how", ["ctrl-c to the process group", "sigterm to the parent",
                                 "ctrl-c to the process group, dask"])
def test_an_interrupted_run_says_so_in_one_line_and_keeps_what_it_wrote(tmp_path, how):
    # (the Dask engine's workers printed a traceback each and died with their tasks, which
    # the run then waited for without end)
    if how.endswith("dask"):
        pytest.importorskip("distributed")
    # enough articles that the run outlasts the polling below (300 once finished, at 95
    # articles a second, before a reader got in between the writer's transactions)
    total = 2000
    path = write_jsonl(tmp_path / "t.jsonl", mixed_articles(total, seed=6))
    db = tmp_path / "s.duckdb"
    Corpus(db).add([str(path)])
    process = subprocess.Popen(
        [sys.executable, "-m", "framing", "corpus", "analyze", str(db), "--jobs", "2",
         "--batch", "1", *(["--engine", "dask"] if how.endswith("dask") else [])], cwd=ROOT,
        stderr=subprocess.PIPE, text=True,
        start_new_session=True, env=os.environ | {"PYTHONPATH": str(ROOT)})
    done, deadline = 0, time.monotonic() + 300
    while done < 3 and time.monotonic() < deadline and process.poll() is None:
        try:
            with connect(db, wait=0.5) as con:
                done = con.execute("SELECT count(*) FROM metrics").fetchone()[0]
        except StoreError:
            pass
        time.sleep(0.05)
    if how.startswith("ctrl-c"):  # a terminal sends SIGINT to every process of the group
        os.killpg(process.pid, signal.SIGINT)
    else:
        process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "Traceback" not in err and "Error" not in err, err  # workers too stay quiet
    last = err.strip().splitlines()[-1]
    written = Corpus(db).sql("SELECT count(*) AS n FROM metrics")["n"][0]
    assert 3 <= written < total, "the signal should land mid-run"
    assert last == (f"framing: interrupted after writing {written} of {total} articles; "
                    "run `corpus analyze` again to go on")


# --------------------------------------------------------------------------- Dask


@pytest.mark.slow
def test_the_dask_engine_writes_the_same_rows(tmp_path, analyzer):
    pytest.importorskip("distributed")
    reference, db = twin_stores(tmp_path, analyzer, 10, seed=7)
    summary = Corpus(db).analyze(analyzer=analyzer, engine="dask", jobs=2)
    assert summary.analyzed == 10
    assert_same_analysis(db, reference)
    assert Corpus(db).sql("SELECT engine FROM runs")["engine"].tolist() == ["dask"]


@pytest.mark.slow
def test_dask_workers_use_the_users_lexicon_sent_as_text(tmp_path, analyzer):
    pytest.importorskip("distributed")
    from framing import Analyzer
    from framing.corpus.dask_engine import portable
    from framing.lexicon import LexiconText

    extra = tmp_path / "extra.csv"
    extra.write_text(RAIL_YARD, encoding="utf-8")
    # a worker on another machine cannot read the client's file: it gets the text
    assert portable((extra,)) == [LexiconText("extra.csv", RAIL_YARD)]
    db = tmp_path / "s.duckdb"
    Corpus(db).add([str(p) for p in CORPUS_FILES[:4]])
    custom = Analyzer(lexicons=[extra], model=analyzer.bundle)
    summary = Corpus(db).analyze(analyzer=custom, engine="dask", jobs=2)
    assert summary.analyzed == 4
    assert flagged_rail_yards(db) >= 2


@pytest.mark.slow
def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path, capsys, closed_port_url):
    pytest.importorskip("distributed")
    db = tmp_path / "s.duckdb"
    Corpus(db).add([str(CORPUS_FILES[0])])
    port = closed_port_url.split(":")[2].split("/")[0]
    assert main(["corpus", "analyze", str(db), "--engine", "dask", "--scheduler",
                 f"tcp://127.0.0.1:{port}"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "could not reach the Dask scheduler" in err[0]
    assert Corpus(db).sql("SELECT count(*) AS n FROM metrics")["n"][0] == 0
    assert run_count(db) == 0  # the engine starts before a run is recorded


@pytest.mark.parametrize("address", ["notanaddress", "tcp://", "http://127.0.0.1:8786"])
def test_a_malformed_scheduler_address_is_a_one_line_error(tmp_path, capsys, address):
    pytest.importorskip("distributed")
    db = tmp_path / "s.duckdb"
    Corpus(db).add([str(CORPUS_FILES[0])])
    assert main(["corpus", "analyze", str(db), "--engine", "dask", "--scheduler",
                 address]) == 2  # (was a traceback from Dask's address parser)
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not a Dask scheduler address" in err[0], err
    assert run_count(db) == 0


def in_process_cluster(workers: int):
    """A Dask cluster in this process (so a monkeypatch reaches its workers' code)."""
    distributed = pytest.importorskip("distributed")
    return distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=False,
                                    dashboard_address=":0")


@pytest.mark.slow
def test_a_scheduler_without_workers_is_a_one_line_error(tmp_path, capsys, monkeypatch):
    from framing.corpus import dask_engine

    monkeypatch.setattr(dask_engine, "WORKER_WAIT", 0.5)
    db = tmp_path / "s.duckdb"
    Corpus(db).add([str(CORPUS_FILES[0])])
    with in_process_cluster(0) as cluster:
        address = cluster.scheduler_address
        assert main(["corpus", "analyze", str(db), "--engine", "dask", "--scheduler",
                     address]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"framing: error: the Dask scheduler at {address} has no workers (waited "
                   f"0 s); start some with: dask worker {address} --nthreads 1"]
    assert run_count(db) == 0 and not list(tmp_path.glob("*.lock"))


@pytest.mark.slow
def test_workers_that_cannot_run_framing_are_a_one_line_error(tmp_path, capsys, monkeypatch,
                                                              analyzer):
    """A worker without framing installed (Dask sends back its ModuleNotFoundError), or a
    task that fails on a worker mid-run: one line, not Dask's traceback; a rerun goes on."""
    from framing.corpus import dask_engine

    db = tmp_path / "s.duckdb"
    Corpus(db).add([str(write_jsonl(tmp_path / "t.jsonl", mixed_articles(6, seed=8)))])

    def no_framing(self, worker):
        raise ModuleNotFoundError("No module named 'framing'")

    with in_process_cluster(1) as cluster:
        with monkeypatch.context() as patch:
            patch.setattr(dask_engine.AnalyzerPlugin, "setup", no_framing)
            assert main(["corpus", "analyze", str(db), "--engine", "dask", "--scheduler",
                         cluster.scheduler_address]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith(
            "framing: error: the Dask workers could not load framing's analyzer ("), err
        assert "No module named 'framing'" in err[0] and run_count(db) == 0
        # a task that fails after the first batch was written
        calls = []
        real = dask_engine._to_ipc

        def fail_after_one(result):
            calls.append(1)
            if len(calls) > 1:
                raise RuntimeError("the worker ran out of memory")
            return real(result)

        with monkeypatch.context() as patch:
            patch.setattr(dask_engine, "_to_ipc", fail_after_one)
            with pytest.raises(FramingError, match=r"^a Dask task failed \(RuntimeError: the "
                               r"worker ran out of memory\); what was written is kept"):
                Corpus(db).analyze(analyzer=analyzer, engine="dask",
                                   scheduler=cluster.scheduler_address, task_articles=2,
                                   flush_articles=2)
        written = Corpus(db).sql("SELECT count(*) AS n FROM metrics")["n"][0]
        assert 2 <= written < 6
        summary = Corpus(db).analyze(analyzer=analyzer, engine="dask",
                                     scheduler=cluster.scheduler_address)
    assert summary.analyzed == 6 - written
    assert Corpus(db).sql("SELECT count(*) AS n, count(DISTINCT article_id) AS d FROM metrics"
                          ).values.tolist() == [[6, 6]]


# --------------------------------------------------------------------------- feeds, URLs


def page(title: str, text: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"{paras}</article></body></html>").encode()


@pytest.fixture(scope="module")
def feed_server():
    import http.server
    import threading

    articles = mixed_articles(3, seed=11)
    routes: dict[str, tuple[str, bytes]] = {}
    for i, row in enumerate(articles):
        routes[f"/story-{i}.html"] = ("text/html", page(row["headline"], row["content"]))
    routes["/not-a-feed"] = ("text/html", page("Home", articles[0]["content"]))
    for i in (0, 1):
        routes[f"/news/story-{i}.html"] = routes[f"/story-{i}.html"]

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802 - http.server's name
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/feed.xml":
                items = "".join(
                    f"<item><title>{r['headline']}</title><link>{base}/story-{i}.html</link>"
                    f"<pubDate>Mon, 0{i + 1} Apr 2024 10:00:00 GMT</pubDate></item>"
                    for i, r in enumerate(articles)) + \
                    f"<item><title>Gone</title><link>{base}/missing.html</link></item>"
                body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Gazette'
                        f"</title><link>{base}/</link><description>d</description>{items}"
                        "</channel></rss>").encode()
                kind = "application/rss+xml"
            elif self.path == "/news/relative.xml":  # links relative to the feed, and local
                secret = "/etc/hostname"
                body = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Rel Post'
                        "</title><link>/</link><description>d</description>"
                        "<item><title>A</title><link>../story-0.html</link></item>"
                        "<item><title>B</title><link>/story-1.html</link></item>"
                        f"<item><title>C</title><link>file://{secret}</link></item>"
                        "</channel></rss>").encode()
                kind = "application/rss+xml"
            elif self.path == "/moved.xml":  # the feed moved: its links are where it is now
                self.send_response(301)
                self.send_header("Location", f"{base}/news/moved.xml")
                self.end_headers()
                return
            elif self.path == "/news/moved.xml":  # (and dates a feed puts for none)
                body = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Moved</title>'
                        b"<description>d</description>"
                        b"<item><title>A</title><link>story-0.html</link><pubDate>Mon, 01 Jan "
                        b"0001 00:00:00 GMT</pubDate></item><item><title>B</title>"
                        b"<link>story-1.html</link><pubDate>Fri, 31 Dec 9999 00:00:00 GMT"
                        b"</pubDate></item></channel></rss>")
                kind = "application/rss+xml"
            elif self.path in routes:
                kind, body = routes[self.path]
            else:
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind + "; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", articles
    server.shutdown()


def test_a_feeds_relative_links_are_its_pages_and_a_local_path_is_never_read(tmp_path,
                                                                             feed_server):
    """Relative links were read as file names ("no such file"), and "file:///etc/hostname"
    or "/etc/hostname" in an item stored this machine's file as an article."""
    base, articles = feed_server
    told: list[str] = []
    summary = Corpus(tmp_path / "s.duckdb").add(
        feeds=[f"{base}/news/relative.xml"], allow_private_hosts=True, report=told.append)
    assert (summary.added, summary.skipped) == (2, 1)
    stored = Corpus(tmp_path / "s.duckdb").sql("SELECT source FROM articles ORDER BY source")
    assert stored["source"].tolist() == [f"{base}/story-0.html", f"{base}/story-1.html"]
    assert len(told) == 1 and told[0].startswith("skipped file://") and told[0].endswith(
        "etc/hostname: a feed item's link must be an http(s) address")  # (as feedparser
    # writes it)
    # a feed saved to disk: its links read from the site's address it gives, never the disk
    saved = tmp_path / "saved.xml"
    saved.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                     f"<link>{base}/</link><description>d</description>"
                     "<item><title>A</title><link>story-2.html</link></item>"
                     "<item><title>B</title><link>/etc/hostname</link></item>"
                     "</channel></rss>", encoding="utf-8")
    told.clear()
    summary = Corpus(tmp_path / "t.duckdb").add(feeds=[str(saved)], allow_private_hosts=True,
                                                report=told.append)
    assert (summary.added, summary.skipped) == (1, 1)
    assert "hostname" not in "".join(Corpus(tmp_path / "t.duckdb").sql(
        "SELECT text FROM articles")["text"])


def test_a_moved_feeds_links_are_read_from_where_it_is_and_its_placeholder_dates_are_none(
        tmp_path, feed_server):
    base, _ = feed_server
    told: list[str] = []
    summary = Corpus(tmp_path / "s.duckdb").add(feeds=[f"{base}/moved.xml"],
                                                allow_private_hosts=True, report=told.append)
    assert (summary.added, summary.skipped, summary.undated) == (2, 0, 2), told
    stored = Corpus(tmp_path / "s.duckdb").sql(
        "SELECT source, published FROM articles ORDER BY source")
    assert stored["source"].tolist() == [f"{base}/news/story-0.html", f"{base}/news/story-1.html"]
    assert stored["published"].isna().all()
    assert [line.split(": ", 1)[1] for line in told] == [
        f"published {value!r} is not a date (a year, a month and a day, from 1800 to next year);"
        " stored without a date" for value in ("0001-01-01", "9999-12-31")]


def test_a_gzipped_feed_file_is_read_and_one_over_the_limit_refused(
        tmp_path, feed_server, capsys):
    import gzip
    import urllib.request

    from framing.ingest import MAX_BYTES

    base, articles = feed_server
    with urllib.request.urlopen(f"{base}/feed.xml") as response:
        xml = response.read()
    packed = tmp_path / "feed.xml.gz"
    packed.write_bytes(gzip.compress(xml))
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), "--feed", str(packed), "--allow-private-hosts"]) == 2
    assert f"skipped {base}/missing.html" in capsys.readouterr().err  # (as for the feed.xml)
    assert len(Corpus(db).sql("SELECT id FROM articles")) == len(articles)
    big = tmp_path / "big.xml"  # the items past 10 MB were lost without a word
    big.write_bytes(xml.replace(b"<description>d</description>",
                                b"<description>" + b"x" * MAX_BYTES + b"</description>"))
    bomb = tmp_path / "bomb.xml.gz"
    bomb.write_bytes(gzip.compress(big.read_bytes()))
    for feed in (big, bomb):
        assert main(["corpus", "add", str(tmp_path / "t.duckdb"), "--feed", str(feed),
                     "--allow-private-hosts"]) == 2
        assert capsys.readouterr().err.splitlines()[0] == (
            f"framing: skipped {feed}: could not read the feed (over the 10 MB limit)")


def test_a_feed_adds_each_items_page_and_skips_the_broken_ones(tmp_path, feed_server, capsys):
    base, articles = feed_server
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), "--feed", f"{base}/feed.xml",
                 "--allow-private-hosts"]) == 2  # one item's page is missing
    err = capsys.readouterr().err
    assert f"skipped {base}/missing.html" in err
    stored = Corpus(db).sql("SELECT title, outlet, published, url FROM articles ORDER BY url")
    assert stored["title"].tolist() == [r["headline"] for r in articles]
    assert set(stored["outlet"]) == {"Test Gazette"}
    assert [d.day for d in stored["published"]] == [1, 2, 3]


def test_corpus_add_counts_rows_and_feed_items_for_its_progress_total(tmp_path, feed_server,
                                                                      capsys):
    base, articles = feed_server
    table = tmp_path / "news.csv"
    pd.DataFrame({"text": [r["content"] for r in articles] + [""]}).to_csv(table, index=False)
    story = tmp_path / "story.txt"
    story.write_text(articles[0]["content"] + "\n\nAnd one more line of our own.",
                     encoding="utf-8")
    from test_corpus_explore import archive_pages
    from test_corpus_formats import write_warc

    archive = write_warc(tmp_path / "crawl.warc.gz", archive_pages())
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(table), str(story), str(archive), "--feed",
                 f"{base}/feed.xml", "--allow-private-hosts", "--progress"]) == 2
    # 4 rows (one empty), 1 file, 5 pages (one a home page), 4 feed items (one missing):
    # each counted as it is done
    assert "| 14/14 [" in capsys.readouterr().err


def test_a_url_list_is_fetched(tmp_path, feed_server):
    base, articles = feed_server
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# two pages\n{base}/story-0.html\n\n{base}/story-1.html\n")
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), "--files-from", str(listing),
                 "--allow-private-hosts"]) == 0
    assert Corpus(db).sql("SELECT count(*) AS n FROM articles")["n"][0] == 2


def test_a_page_that_is_not_a_feed(tmp_path, feed_server, capsys):
    base, _ = feed_server
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), "--feed", f"{base}/not-a-feed",
                 "--allow-private-hosts"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not an RSS or Atom feed" in err[0]
    assert not db.exists()


def test_a_feed_on_a_private_address_is_refused_without_the_option(tmp_path, feed_server,
                                                                   capsys):
    base, _ = feed_server
    assert main(["corpus", "add", str(tmp_path / "s.duckdb"), "--feed",
                 f"{base}/feed.xml"]) == 2
    skipped = [line for line in capsys.readouterr().err.splitlines()
               if line.startswith(f"framing: skipped {base}/feed.xml: could not fetch the feed")]
    assert len(skipped) == 1 and "--allow-private-hosts" in skipped[0]


def test_a_feed_that_cannot_be_fetched_is_skipped_and_the_rest_added(tmp_path, feed_server,
                                                                    closed_port_url, capsys):
    base, _ = feed_server
    db = tmp_path / "s.duckdb"
    unreachable = closed_port_url.replace("/article", "/feed.xml")
    assert main(["corpus", "add", str(db), str(CORPUS_FILES[0]), "--feed", unreachable,
                 "--feed", f"{base}/gone.xml", "--feed", f"{base}/feed.xml",
                 "--allow-private-hosts"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert "Traceback" not in "\n".join(err)
    assert [line.split(": could not fetch the feed")[0] for line in err
            if "could not fetch the feed" in line] == [
        f"framing: skipped {unreachable}", f"framing: skipped {base}/gone.xml"]
    assert err[-1] == "framing: error: 3 input(s) skipped (listed in the skipped table: " \
        "corpus info)"  # the two feeds and the good feed's missing page
    stored = Corpus(db).sql("SELECT outlet FROM articles")["outlet"].tolist()
    assert len(stored) == 4 and stored.count("Test Gazette") == 3
    reasons = dict(Corpus(db).sql("SELECT source, reason FROM skipped").itertuples(index=False))
    assert reasons[unreachable].startswith("could not fetch the feed (")
    assert reasons[f"{base}/gone.xml"].startswith("could not fetch the feed (")
    # the library: counted in the summary, told to report=
    told = []
    summary = Corpus(tmp_path / "t.duckdb").add(str(CORPUS_FILES[0]), feeds=[unreachable],
                                                report=told.append)
    assert (summary.added, summary.skipped) == (1, 1)
    assert told[0].startswith(f"skipped {unreachable}: could not fetch the feed")


@pytest.mark.parametrize("value, expected", [
    ("2024-03-05", "2024-03-05"),
    ("2024-03-05T10:11:12Z", "2024-03-05"),
    ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),
    ("20240305101112", "2024-03-05"),
    ("March 5, 2024", "2024-03-05"),
    ("5 March 2024", "2024-03-05"),
    ("Tuesday, March 5, 2024 at 5:00 PM EST", "2024-03-05"),
    ("2024/03/05", "2024-03-05"),
    ("03/05/2024", "2024-03-05"),  # numbers with slashes: month first
    ("25/03/2024", "2024-03-25"),  # unless the first cannot be a month
    ("05.03.2024", "2024-05-03"),
    ("last Tuesday", None),
    ("March 2024", None),  # no day: no date (dateutil would make it the first)
    ("March 5", None),  # no year
    ("2024", None),
    ("2024-13-45", None),
    ("-2024-03-05", None),  # a year before the common era: no date (was read as 2024)
    ("\u22122024-03-05", None),
    ("", None),
    (None, None),
])
def test_dates_are_read_from_the_usual_forms(value, expected):
    parsed = parse_date(value)
    assert (parsed.isoformat() if parsed else None) == expected


def test_a_published_value_that_is_no_date_is_named_and_counted(tmp_path, capsys):
    body = "The council met on {} and approved a plan for new homes near the river."
    dates = ["2024-05-15", "May 16, 2024", "yesterday", "n/a", "", "May 2024", "soon", "later"]
    path = tmp_path / "t.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([["text", "published"],
                                  *([body.format(k), d] for k, d in enumerate(dates))])
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 0
    err = capsys.readouterr().err
    named = [line for line in err.splitlines() if "is not a date" in line]
    assert len(named) == 3 and "t.csv#row=3: published 'yesterday' is not a date" in named[0]
    assert "'May 2024'" in named[1] and "'n/a'" not in err  # n/a says there is no date
    assert "added 8 article(s)" in err and "4 stored without a date" in err
    published = Corpus(db).sql("SELECT published FROM articles WHERE published IS NOT NULL")
    assert sorted(str(d)[:10] for d in published["published"]) == ["2024-05-15", "2024-05-16"]
    summary = Corpus(tmp_path / "again.duckdb").add([str(path)])
    assert (summary.added, summary.undated) == (8, 4)


def test_ctrl_c_while_adding_writes_what_was_read_and_says_how_much(tmp_path):
    """An interrupted add dropped up to 2,000 rows read and not yet written, and said only
    "interrupted"."""
    from framing.corpus.add import add_records
    from framing.corpus.sources import Record

    def records():
        for i, text in enumerate(paragraphs()[:5]):
            yield Record(source=f"t#{i}", text=text, outlet="Gazette")
        raise KeyboardInterrupt

    db = tmp_path / "s.duckdb"
    with pytest.raises(KeyboardInterrupt, match=r"^interrupted after adding 5 article\(s\) to "
                                                r".*s\.duckdb; run the same command again"):
        add_records(db, records())
    assert Corpus(db).sql("SELECT count(*) AS n FROM articles")["n"].iloc[0] == 5


def test_outlets_written_with_other_spaces_are_one_and_in_other_case_are_named(tmp_path,
                                                                             capsys):
    texts = [" ".join(p.split()) for p in paragraphs()[:7]]
    outlets = ["Daily News", " Daily  News ", "Daily News\t", "daily news", "daily news",
               "Daily\u200b News", "\u200fDaily News\ufeff"]  # (marks that show nothing)
    path = write_jsonl(tmp_path / "t.jsonl", [{"text": t, "outlet": o, "published": "2024-05-01"}
                                             for t, o in zip(texts, outlets)])
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 0
    told = [line for line in capsys.readouterr().err.splitlines() if "only in case" in line]
    assert told == ["framing: outlet 'daily news' differs from 'Daily News' only in case: they "
                    "are two outlets (rename one in the inputs to make them one)"]
    counts = Corpus(db).sql("SELECT outlet, count(*) AS n FROM articles GROUP BY 1")
    assert dict(zip(counts["outlet"], counts["n"])) == {"Daily News": 5, "daily news": 2}
    # told again when the next add brings the other spelling in
    Corpus(db).add([str(write_jsonl(tmp_path / "u.jsonl", [
        {"text": " ".join(paragraphs()[8].split()), "outlet": "DAILY NEWS"}]))],
        report=told.append)
    assert told[-1].startswith("outlet 'DAILY NEWS' differs from ")


def test_an_outlet_written_in_nfc_and_nfd_is_one_outlet(tmp_path, capsys):
    """"Café Gazette" with its é as one character and as e and a combining accent (a file
    saved on a Mac) were two outlets that printed the same in every table."""
    import unicodedata

    texts = [" ".join(p.split()) for p in paragraphs()[:4]]
    rows = [{"text": t, "outlet": unicodedata.normalize("NFD" if i % 2 else "NFC",
                                                        "Café Gazette"),
             "title": unicodedata.normalize("NFD", f"Café news {i}")}
            for i, t in enumerate(texts)]
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(write_jsonl(tmp_path / "t.jsonl", rows))]) == 0
    counts = Corpus(db).sql("SELECT outlet, count(*) AS n FROM articles GROUP BY 1")
    assert dict(zip(counts["outlet"], counts["n"])) == {"Caf\u00e9 Gazette": 4}
    titles = Corpus(db).sql("SELECT title FROM articles")["title"]
    assert all(unicodedata.is_normalized("NFC", title) for title in titles)
    assert "only in case" not in capsys.readouterr().err


def test_a_date_of_year_1_or_9999_is_no_date_and_makes_no_copy_the_original(tmp_path, capsys):
    """A placeholder date was stored as it was and, being the earliest, made another outlet's
    copy the original of the real article."""
    rows = near_copies({"Real Times": "2024-03-05", "Scraped Post": "0001-01-01",
                        "Far Future": "9999-12-31"})
    path = write_jsonl(tmp_path / "t.jsonl", list(rows.values()))
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 0
    err = capsys.readouterr().err
    assert "t.jsonl#line=2: published '0001-01-01' is not a date (a year, a month and a day, " \
        "from 1800 to next year); stored without a date" in err, err
    assert "published '9999-12-31' is not a date" in err and "2 stored without a date" in err
    assert originals(db) == {"Real Times": None, "Scraped Post": "Real Times",
                             "Far Future": "Real Times"}


def test_the_first_day_of_1970_is_a_clock_at_zero_and_no_date(tmp_path, capsys):
    """1 January 1970 (a timestamp of 0, a date left unset) was stored as the article's date:
    the earliest of its near copies, it made a real article the copy of its reprint; said with
    its own reason, as is the same instant written west of Greenwich."""
    rows = near_copies({"Real Times": "2024-03-05", "Scraped Post": "1970-01-01T00:00:00Z",
                        "West Desk": "1969-12-31T19:00:00-05:00"})
    path = write_jsonl(tmp_path / "t.jsonl", list(rows.values()))
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 0
    err = capsys.readouterr().err
    assert "t.jsonl#line=2: published '1970-01-01T00:00:00Z' is the day a clock at zero gives " \
        "(1 January 1970), which systems write when they have no date; stored without a date" \
        in err, err
    assert "published '1969-12-31T19:00:00-05:00' is the day a clock at zero" in err, err
    assert originals(db) == {"Real Times": None, "Scraped Post": "Real Times",
                             "West Desk": "Real Times"}


@pytest.mark.parametrize("value, expected", [
    ("1717000000", "2024-05-29"),  # seconds since 1970 (UTC)
    (1717000000, "2024-05-29"),
    (1717000000.0, "2024-05-29"),  # a column of numbers with a gap is read as floats
    ("1717000000.75", "2024-05-29"),
    ("1717000000123", "2024-05-29"),  # milliseconds, as pandas' to_json writes dates
    (1717000000123, "2024-05-29"),
    ("123456789", "1973-11-29"),
    ("1969-12-31", "1969-12-31"),  # a day, not the instant at zero
])
def test_timestamps_are_dates(value, expected):
    """A published value in seconds or milliseconds since 1970 was no date."""
    parsed = parse_date(value)
    assert (parsed.isoformat() if parsed else None) == expected
    assert read_published(value) == (parsed, "")


def test_only_articles_stored_count_as_stored_without_a_date(tmp_path, capsys):
    """A copy that is not stored (the same text, or a near copy from the same outlet) with a
    published value that is no date is not 'stored without a date'."""
    text = "\n\n".join(paragraphs()[:6])
    rows = [{"text": text, "outlet": "A", "published": "2024-05-15"},
            {"text": text, "outlet": "A", "published": "yesterday"},  # the same text
            {"text": text + " One more line at the end.", "outlet": "A",
             "published": "soon"},  # a near copy from the same outlet
            {"text": "\n\n".join(paragraphs()[6:12]), "outlet": "A", "published": "later"}]
    path = write_jsonl(tmp_path / "t.jsonl", rows)
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 0
    err = capsys.readouterr().err
    # (the two not stored told apart: a copy of the same text, a near copy of the same outlet)
    assert "added 2 article(s)" in err and "; 1 already stored; 1 not stored, near copies of " \
        "an article of the same outlet" in err, err
    assert "1 stored without a date" in err, err
    named = [line for line in err.splitlines() if "is not a date" in line]
    assert len(named) == 1 and "t.jsonl#line=4: published 'later'" in named[0], named
    assert Corpus(db).sql("SELECT count(*) AS n FROM articles WHERE published IS NULL"
                          )["n"][0] == 1
    summary = Corpus(tmp_path / "again.duckdb").add([str(path)])
    assert (summary.added, summary.already_stored, summary.undated) == (2, 2, 1)


def test_the_library_takes_columns_as_a_dict(tmp_path):
    path = write_jsonl(tmp_path / "t.jsonl", [{"story": "The council met on Monday and "
                                               "voted for the plan.", "paper": "Ledger"}])
    summary = Corpus(tmp_path / "s.duckdb").add([str(path)], columns={"text": "story",
                                                                        "outlet": "paper"})
    assert summary.added == 1
    assert Corpus(tmp_path / "s.duckdb").sql("SELECT outlet FROM articles")["outlet"][0] == \
        "Ledger"
    for columns, message in (({"body": "story"}, "columns: unknown key 'body'; the keys are "
                                                 "text, title, outlet, published, url"),
                             ({"text": 3}, "columns: the text column is named by a string"),
                             (["story"], "columns must be a dict")):
        with pytest.raises(FramingError, match=re.escape(message)):
            Corpus(tmp_path / "s.duckdb").add([str(path)], columns=columns)


def test_a_named_column_that_is_missing_lists_the_columns(tmp_path, capsys):
    path = write_jsonl(tmp_path / "t.jsonl", [{"body": "Some words here.", "headline": "x"}])
    assert main(["corpus", "add", str(tmp_path / "s.duckdb"), str(path), "--text-column",
                 "story"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no column named 'story'" in err[0] and "body, headline" in err[0]


def test_the_same_text_is_one_id_whatever_its_spacing_and_case():
    assert text_id("The council  voted.\n\nIt passed.") == text_id("the council voted. it passed.")
    assert text_id("The council voted.") != text_id("The council voted no.")


def test_an_article_refused_for_analysis_is_listed_with_its_reason_once(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    english = folder / "wire.txt"
    english.write_text((ROOT / "corpus" / "articles" / "housing_wire.txt").read_text("utf-8"),
                       encoding="utf-8")
    spanish = folder / "nota.txt"
    spanish.write_text(
        "El consejo municipal aprobó el martes un nuevo presupuesto para las bibliotecas de la "
        "ciudad. La alcaldesa dijo que las obras empezarán en primavera y que los vecinos "
        "podrán opinar sobre el horario de apertura durante las próximas semanas.\n",
        encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(folder)]) == 0
    capsys.readouterr()
    assert main(["corpus", "analyze", str(db)]) == 2
    err = capsys.readouterr().err
    line = next(x for x in err.splitlines() if "skipped" in x)
    assert line == (f"framing: skipped {spanish}: the text is not English; framing analyzes "
                     "English articles only")
    skipped = Corpus(db).sql("SELECT source, reason FROM skipped")
    assert skipped["source"].tolist() == [str(spanish)]
    assert skipped["reason"][0].startswith("the text is not English")
    # the same model and lexicons would fail on it again: the next run leaves it out, says
    # so and succeeds (a nightly add-and-analyze script is not failed for ever by it) ...
    assert main(["corpus", "analyze", str(db)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0] == ("framing: 1 article(s) that failed before with this model and these "
                      "lexicons were not tried again (the skipped table says why: corpus info; "
                      "--rerun tries every article)")
    assert err[1] == (f"framing: nothing to analyze in {db}: its 1 other article(s) are "
                      "analyzed with this model and these lexicons (--rerun analyzes them "
                      "again)")
    assert len(Corpus(db).sql("SELECT * FROM skipped")) == 1
    # ... and --rerun tries it again, and fails again
    assert main(["corpus", "analyze", str(db), "--rerun"]) == 2
    assert "skipped" in capsys.readouterr().err
    failures = Corpus(db).sql("SELECT article_id, run_id FROM failures ORDER BY run_id")
    assert failures["run_id"].tolist() == [1, 2] and failures["article_id"].nunique() == 1


def test_a_store_made_before_failures_were_kept_gains_the_table(tmp_path):
    import duckdb

    db = tmp_path / "old.duckdb"
    assert main(["corpus", "add", str(db), str(ROOT / "corpus" / "articles" / "strike_wire.txt")
                 ]) == 0
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE failures")
    con.close()
    assert main(["corpus", "analyze", str(db)]) == 0
    assert len(Corpus(db).sql("SELECT * FROM failures")) == 0


# --------------------------------------------------------------------------- bad input


def one_error_line(capsys) -> str:
    """The command's standard error, which must be one line (no traceback)."""
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


@pytest.mark.parametrize("sql", ["", "   ", ";", "; ;", "-- nothing but a remark",
                                 "/* a block remark */"])
def test_a_query_without_a_statement_is_a_one_line_error(analyzed_store, tmp_path, capsys,
                                                         sql):
    assert main(["corpus", "query", str(analyzed_store), sql]) == 2
    assert one_error_line(capsys) == "framing: error: no SQL statement given"
    assert main(["corpus", "query", str(analyzed_store), sql, "--out",
                 str(tmp_path / "out.csv")]) == 2
    assert one_error_line(capsys) == "framing: error: no SQL statement given"
    assert not list(tmp_path.iterdir())
    with pytest.raises(StoreError, match="^no SQL statement given$"):
        Corpus(analyzed_store).sql(sql)


@pytest.mark.parametrize("sql, count", [("SELECT 1; SELECT 2", 2),
                                        ("SELECT 1;SELECT 2;", 2),
                                        ("SELECT 'a;b'; SELECT 2; SELECT 3", 3)])
def test_a_query_of_several_statements_is_a_one_line_error(analyzed_store, tmp_path, capsys,
                                                           sql, count):
    message = f"one SQL statement at a time: the query holds {count} (separated by ;)"
    assert main(["corpus", "query", str(analyzed_store), sql]) == 2
    assert one_error_line(capsys) == f"framing: error: {message}"
    assert capsys.readouterr().out == ""
    assert main(["corpus", "query", str(analyzed_store), sql, "--out",
                 str(tmp_path / "out.csv")]) == 2
    assert one_error_line(capsys) == f"framing: error: {message}"
    assert not list(tmp_path.iterdir())
    with pytest.raises(StoreError, match=f"^{re.escape(message)}$"):
        Corpus(analyzed_store).sql(sql)


@pytest.mark.parametrize("sql, value", [
    ("SELECT 1 AS x;", "1"), ("SELECT 'a;b' AS x", "a;b"), ("SELECT 1 AS x; -- a remark", "1"),
    ("SELECT 1 AS x -- a remark", "1"), ("; SELECT 'a;b' AS x /* ; */ ;", "a;b")])
def test_one_statement_with_semicolons_or_remarks_around_it_runs(analyzed_store, tmp_path,
                                                                 capsys, sql, value):
    assert main(["corpus", "query", str(analyzed_store), sql]) == 0
    assert capsys.readouterr().out.split() == ["x", value]
    out = tmp_path / "x.csv"
    assert main(["corpus", "query", str(analyzed_store), sql, "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").split() == ["x", value]
    assert Corpus(analyzed_store).sql(sql)["x"].astype(str).tolist() == [value]


def test_query_reads_only_the_rows_it_prints(analyzed_store, capsys):
    # Every row past the first hundred thousand raises: a query that computed the whole
    # result before cutting it to --max-rows fails.
    sql = ("SELECT CASE WHEN range < 100000 THEN range ELSE error('read past the rows shown') "
           "END AS n FROM range(5000000)")
    assert main(["corpus", "query", str(analyzed_store), sql, "--max-rows", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.strip() for line in out] == [
        "n", "0", "1", "2", "(the first 3 rows; all of them with --out FILE)"]
    # ordered: the largest three, and no note when every row is printed
    assert main(["corpus", "query", str(analyzed_store),
                 "SELECT words FROM articles ORDER BY words DESC", "--max-rows",
                 str(len(CORPUS_FILES))]) == 0
    printed = [int(x) for x in capsys.readouterr().out.split()[1:]]
    stored = Corpus(analyzed_store).sql("SELECT words FROM articles")["words"]
    assert printed == sorted(stored, reverse=True)


def test_query_out_writes_a_result_larger_than_it_prints(analyzed_store, tmp_path, capsys):
    out = tmp_path / "numbers.parquet"
    assert main(["corpus", "query", str(analyzed_store), "SELECT * FROM range(300000)",
                 "--out", str(out)]) == 0
    assert capsys.readouterr().err.strip() == f"framing: wrote 300000 rows to {out}"
    assert pd.read_parquet(out)["range"].tolist() == list(range(300000))
    assert [p.name for p in tmp_path.iterdir()] == ["numbers.parquet"]


def test_sql_takes_its_parameters_as_a_sequence_a_generator_or_names(tmp_path):
    db = tmp_path / "s.duckdb"
    Corpus(db).add([str(CORPUS_FILES[0])])
    corpus = Corpus(db)
    for params in ([2], (2,), (n for n in [2])):  # (a generator: "has no len()" TypeError)
        assert corpus.sql("SELECT ? + 1 AS n", params)["n"].tolist() == [3]
    assert corpus.sql("SELECT $n + 1 AS n", {"n": 2})["n"].tolist() == [3]
    with pytest.raises(TypeError, match="params must be a list or tuple of values, or a dict "
                                        "of named ones, not str"):
        corpus.sql("SELECT ? AS n", "2")  # (DuckDB's own message)


@pytest.mark.parametrize("sql, made", [
    ("COPY articles TO '{tmp}/leak.csv'", "leak.csv"),
    ("ATTACH '{tmp}/other.duckdb' AS other", "other.duckdb"),
    ("SELECT * FROM read_csv('{tmp}/private.csv')", None),
    ("INSTALL httpfs", None),
    ("SET enable_external_access = true", None),
])
def test_a_query_cannot_reach_outside_the_store(analyzed_store, tmp_path, capsys, sql, made):
    (tmp_path / "private.csv").write_text("secret\nhunter2\n", encoding="utf-8")
    sql = sql.format(tmp=tmp_path)
    assert main(["corpus", "query", str(analyzed_store), sql]) == 2
    assert one_error_line(capsys).startswith("framing: error: query failed")
    out = tmp_path / "result.csv"
    assert main(["corpus", "query", str(analyzed_store), sql, "--out", str(out)]) == 2
    assert one_error_line(capsys).startswith("framing: error: query failed")
    with pytest.raises(StoreError, match="query failed"):
        Corpus(analyzed_store).sql(sql)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["private.csv"]
    if made:
        assert not (tmp_path / made).exists()
    # the store's own tables are still read
    assert Corpus(analyzed_store).sql("SELECT count(*) AS n FROM articles")["n"][0] == \
        len(CORPUS_FILES)


def test_a_query_cannot_write_elsewhere_through_out(analyzed_store, tmp_path, capsys):
    elsewhere = tmp_path / "elsewhere.csv"
    sql = f"SELECT 1 AS n) TO '{elsewhere}' (FORMAT csv);\nSELECT (1"
    assert main(["corpus", "query", str(analyzed_store), sql, "--out",
                 str(tmp_path / "out.csv")]) == 2
    assert one_error_line(capsys).startswith("framing: error: query failed")
    assert not list(tmp_path.iterdir())


def test_report_by_story_before_stories_says_which_command_to_run(analyzed_store, tmp_path,
                                                                   capsys):
    import shutil

    db = tmp_path / "copy.duckdb"
    shutil.copy(analyzed_store, db)
    assert Corpus(db).sql("SELECT count(*) AS n FROM stories")["n"][0] == 0
    assert main(["corpus", "report", str(db), "--by", "story"]) == 2
    printed = capsys.readouterr()
    assert printed.out == ""
    assert printed.err.splitlines() == [
        f"framing: error: the store has no stories yet: run python -m framing corpus stories "
        f"{db} first"]
    assert main(["corpus", "stories", str(db)]) == 0
    capsys.readouterr()
    assert main(["corpus", "report", str(db), "--by", "story"]) == 0
    assert "story_id" in capsys.readouterr().out


@pytest.mark.parametrize("path", [None, 3, "", "   ", ["news.duckdb"]])
def test_a_store_must_be_a_file_name(path):
    with pytest.raises(StoreError, match="a store is a file name"):
        Corpus(path)


def test_add_reports_inputs_that_are_not_names_and_prints_nothing(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    told = []
    summary = Corpus(db).add([None, str(CORPUS_FILES[0]), 42], report=told.append)
    assert (summary.added, summary.skipped) == (1, 2)
    assert told == ["skipped None: not a file name, folder or URL",
                    "skipped 42: not a file name, folder or URL"]
    # without report: counted and recorded, nothing printed by the library
    assert Corpus(db).add([None]).skipped == 1
    assert capsys.readouterr() == ("", "")
    skipped = Corpus(db).sql("SELECT source, reason FROM skipped ORDER BY source")
    assert skipped["source"].tolist() == ["42", "None"]
    with pytest.raises(FramingError, match="sources must be a list"):
        Corpus(db).add(7)
    # bytes were read as numbers and a dict as its keys, each left in the skipped table
    for value, what in ((b"story.txt", "not bytes: decode the name first"),
                        ({str(CORPUS_FILES[0]): 1}, "not a dict")):
        with pytest.raises(FramingError, match=f"sources must be a list of file names or URLs, "
                           f"{what}"):
            Corpus(db).add(value)
    with pytest.raises(FramingError, match="feeds must be a list"):
        Corpus(db).add(feeds=b"feed.xml")
    # the fetching options checked at once, not at the first URL ("false" is true)
    for option in ("allow_private_hosts", "fetch_urls"):
        with pytest.raises(TypeError, match=f"{option} must be True or False, not str 'false'"):
            Corpus(db).add([str(CORPUS_FILES[1])], **{option: "false"})
    assert len(Corpus(db).sql("SELECT * FROM skipped")) == 2  # (None and 42 only)
    assert len(Corpus(db).sql("SELECT * FROM articles")) == 1


@pytest.mark.parametrize("args, message", [
    (["--batch", "0"], "argument --batch: 0 is out of range: give 1 or more"),
    (["--batch", "-1"], "argument --batch: -1 is out of range: give 1 or more"),
    (["--batch", "ten"], "argument --batch: 'ten' is not a whole number"),
    (["--jobs", "1000000"], "argument --jobs: give 0 (one process per core) to 64, not 1000000"),
    (["--jobs", "65"], "argument --jobs: give 0 (one process per core) to 64, not 65"),
    (["--jobs", "-2"], "argument --jobs: give 0 (one process per core) to 64, not -2"),
])
def test_analyze_checks_batch_and_jobs(analyzed_store, capsys, args, message):
    # everything is analyzed already, so even a run that took the value would start no worker
    with pytest.raises(SystemExit) as stop:
        main(["corpus", "analyze", str(analyzed_store), *args])
    assert stop.value.code == 2
    assert one_error_line(capsys).startswith(f"framing: error: {message}")


@pytest.mark.parametrize("options, message", [
    ({"jobs": 1_000_000}, "jobs must be a whole number from 1 to 64, not 1000000"),
    ({"jobs": 0}, "jobs must be a whole number from 1 to 64, not 0"),
    ({"flush_articles": 0}, "flush_articles must be a whole number 1 or more, not 0"),
])
def test_the_library_checks_jobs_and_batch_before_any_work(analyzed_store, options, message):
    with pytest.raises(FramingError, match=f"^{message}$"):
        Corpus(analyzed_store).analyze(**options)
    runs = Corpus(analyzed_store).sql("SELECT count(*) AS n FROM runs")["n"][0]
    with pytest.raises(FramingError):
        Corpus(analyzed_store).analyze(**options)
    assert Corpus(analyzed_store).sql("SELECT count(*) AS n FROM runs")["n"][0] == runs


def test_query_max_rows_must_be_positive(analyzed_store, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["corpus", "query", str(analyzed_store), "SELECT 1", "--max-rows", "0"])
    assert stop.value.code == 2
    assert "--max-rows: 0 is out of range" in one_error_line(capsys)


TOO_LONG = "a" * 300  # one name longer than any file system allows (255 bytes)


def test_a_file_name_too_long_is_skipped_and_the_other_inputs_added(tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    long_name = tmp_path / f"{TOO_LONG}.txt"
    assert main(["corpus", "add", str(db), str(CORPUS_FILES[0]), str(long_name),
                 str(CORPUS_FILES[1]), str(tmp_path / f"{TOO_LONG}.csv")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    skipped = [line for line in err.splitlines() if line.startswith("framing: skipped")]
    assert len(skipped) == 2 and all(line.endswith(": file name too long") for line in skipped)
    assert Corpus(db).sql("SELECT count(*) AS n FROM articles")["n"][0] == 2
    reasons = Corpus(db).sql("SELECT reason FROM skipped")["reason"].tolist()
    assert reasons == ["file name too long"] * 2


@pytest.mark.parametrize("command", [
    ["add", "{long}", "{article}"], ["analyze", "{long}"], ["info", "{long}"],
    ["query", "{long}", "SELECT 1"], ["export", "{long}", "--table", "articles", "--out",
                                      "{tmp}/x.csv"],
    ["report", "{long}"], ["stories", "{long}"],
    ["query", "{store}", "SELECT 1", "--out", "{tmp}/{name}.csv"],
    ["export", "{store}", "--table", "articles", "--out", "{tmp}/{name}.csv"],
    ["report", "{store}", "--out", "{tmp}/{name}.csv"],
    ["add", "{store}", "--files-from", "{tmp}/{name}"],
    ["add", "{store}", "--feed", "{tmp}/{name}.xml"],
])
def test_a_file_name_too_long_is_a_one_line_error(analyzed_store, tmp_path, capsys, command):
    values = {"long": str(tmp_path / f"{TOO_LONG}.duckdb"), "article": str(CORPUS_FILES[0]),
              "tmp": str(tmp_path), "name": TOO_LONG, "store": str(analyzed_store)}
    assert main(["corpus", *[part.format(**values) for part in command]]) == 2
    line = one_error_line(capsys)
    assert line.startswith("framing: error: ") and line.endswith("file name too long")
    assert len(line) < 300  # the name is cut in the middle
    assert not list(tmp_path.iterdir())


def test_the_library_says_file_name_too_long(tmp_path):
    with pytest.raises(StoreError, match="file name too long$"):
        Corpus(tmp_path / f"{TOO_LONG}.duckdb").sql("SELECT 1")
    with pytest.raises(StoreError, match="file name too long$"):
        Corpus(tmp_path / f"{TOO_LONG}.duckdb").add([str(CORPUS_FILES[0])])
    assert not list(tmp_path.iterdir())


def test_a_named_column_is_found_in_any_case(tmp_path, capsys):
    path = write_jsonl(tmp_path / "t.jsonl", [{"Story": "The council met on Monday and voted.",
                                               "Paper": "Daily"}])
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path), "--text-column", "story",
                 "--outlet-column", "PAPER"]) == 0
    assert Corpus(db).sql("SELECT outlet FROM articles")["outlet"].tolist() == ["Daily"]


# --------------------------------------------------------------------------- spreadsheets

SPREADSHEET_CASES = ["=1+1", "+x", "-2+3", "@SUM(A1)", "\tx", "\rx", "'=x", "''-x", "-3",
                     "+1.5e3", "-.5", "3-2", "plain", "'quoted'", " =x", ""]


def test_csv_exports_neutralize_formula_text_as_the_other_csvs_do(tmp_path, capsys):
    """`corpus query --out` and `corpus export` write CSV with DuckDB; text cells follow the
    rule of every other CSV (framing.export.spreadsheet_cell), numbers and Parquet do not."""
    from framing.export import spreadsheet_cell

    table = tmp_path / "in.csv"
    pd.DataFrame({"text": [body(CORPUS_FILES[0])], "title": ["=HYPERLINK(\"http://x\")"],
                  "outlet": ["@Outlet"]}).to_csv(table, index=False)
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(table)]) == 0
    out = tmp_path / "articles.csv"
    assert main(["corpus", "export", str(db), "--table", "articles", "--out", str(out)]) == 0
    articles = pd.read_csv(out, keep_default_na=False)
    assert (articles["title"][0], articles["outlet"][0]) == ("'=HYPERLINK(\"http://x\")",
                                                             "'@Outlet")
    assert articles["words"].dtype == "int64"
    parquet = tmp_path / "articles.parquet"
    assert main(["corpus", "export", str(db), "--table", "articles", "--out", str(parquet)]) == 0
    assert pd.read_parquet(parquet)["title"][0] == "=HYPERLINK(\"http://x\")"
    values = ", ".join("'" + v.replace("'", "''") + "'" for v in SPREADSHEET_CASES)
    query = tmp_path / "q.csv"
    sql = (f'SELECT v AS "=name", -3 AS n, k FROM (SELECT unnest([{values}]) AS v, '
           "generate_subscripts([0" + ", 0" * (len(SPREADSHEET_CASES) - 1) + "], 1) AS k) "
           "ORDER BY k")
    assert main(["corpus", "query", str(db), sql, "--out", str(query)]) == 0
    rows = list(csv.reader(query.open(encoding="utf-8", newline="")))
    assert rows[0] == ["'=name", "n", "k"]
    assert [row[0] for row in rows[1:]] == [spreadsheet_cell(v) for v in SPREADSHEET_CASES]
    assert {row[1] for row in rows[1:]} == {"-3"}
    # names of columns with no text, and the text of an ENUM or a BLOB, too
    sql = ("SELECT 1 AS \"=HYPERLINK(1)\", count(*) AS \"@n\" FROM articles")
    assert main(["corpus", "query", str(db), sql, "--out", str(query)]) == 0
    assert next(csv.reader(query.open(encoding="utf-8"))) == ["'=HYPERLINK(1)", "'@n"]
    sql = "SELECT '=1+1'::BLOB AS b, '@x'::ENUM('@x') AS e, -1 AS n"
    assert main(["corpus", "query", str(db), sql, "--out", str(query)]) == 0
    assert list(csv.reader(query.open(encoding="utf-8")))[1] == ["'=1+1", "'@x", "-1"]


def test_stories_and_report_tables_neutralize_formula_text(tmp_path):
    from framing.corpus.cli_stories import _write

    out = tmp_path / "report.csv"
    _write(pd.DataFrame({"outlet": ["=evil", "fine"], "mean": [-1.5, 2.0]}), str(out))
    assert out.read_text(encoding="utf-8").splitlines() == ["outlet,mean", "'=evil,-1.5",
                                                            "fine,2.0"]


def test_an_article_with_no_body_text_is_skipped_or_read_as_its_body(tmp_path):
    """Link lines alone, or a headline alone, had made-up figures (reading ease 0, "few
    sources") that went into its outlet's means: the first is skipped, the second's headline
    is read as its body, and said so."""
    table = tmp_path / "t.csv"
    with table.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["text", "outlet"])
        writer.writerow(["Read more: https://example.org/x\n\nAdvertisement", "Bugle"])
        writer.writerow(["Union Chaos Strands Commuters\n\n", "Bugle"])
    db = tmp_path / "s.duckdb"
    Corpus(db).add([str(table)])
    summary = Corpus(db).analyze(jobs=1)
    assert summary.analyzed == 1
    reasons = Corpus(db).sql("SELECT source, reason FROM skipped")
    assert reasons["reason"].tolist() == ["no body text to analyze: the article has only link "
                                          "lines"]
    read = Corpus(db).sql("SELECT reading_ease, warnings FROM metrics")
    assert read["reading_ease"][0] > 0
    assert "no body text but a headline: read as the body" in str(read["warnings"][0])


def test_a_second_ctrl_c_during_a_write_waits_for_it_and_counts_it(tmp_path, monkeypatch,
                                                                  analyzer):
    """A second Ctrl+C inside DuckDB's write became "Query interrupted": a false "could not
    write to the store", a wrong count, or a traceback."""
    import framing.corpus.run as run

    db = tmp_path / "s.duckdb"
    Corpus(db).add([str(p) for p in CORPUS_FILES[:4]])
    real_write = run._write

    def interrupted_twice(*args, **kwargs):  # both signals arrive as the write begins
        os.kill(os.getpid(), signal.SIGINT)
        os.kill(os.getpid(), signal.SIGINT)
        return real_write(*args, **kwargs)

    monkeypatch.setattr(run, "_write", interrupted_twice)
    with pytest.raises(KeyboardInterrupt) as stopped:
        Corpus(db).analyze(analyzer=analyzer, jobs=1, flush_articles=1)
    written = Corpus(db).sql("SELECT count(*) AS n FROM metrics")["n"][0]
    assert written >= 1
    assert str(stopped.value) == (f"interrupted after writing {written} of 4 articles; run "
                                  "`corpus analyze` again to go on")
