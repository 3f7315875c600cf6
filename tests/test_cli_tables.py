"""analyze and load_articles read tables of articles and web archives as corpus add reads them:
one article per row or page, each named by its file and row, the rows that cannot be read said
and counted."""

from __future__ import annotations

import csv
import gzip
import json

import pytest
from test_corpus_explore import ENGLISH, SPANISH, archive_pages
from test_corpus_formats import write_warc
from warcio.archiveiterator import ArchiveIterator

from framing.cli import main

SECOND = ("The school board said on Thursday that the new library wing would open in the "
          "spring. Parents had waited three years for the building, and the architect said the "
          "work was on schedule. The board will pay for it from a bond approved last year.")


def csv_table(path, rows, header=("text", "outlet", "published")):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_tables_give_one_article_per_row_named_by_file_and_row(tmp_path, capsys):
    table = csv_table(tmp_path / "news.csv", [[ENGLISH, "Paper A", "2024-03-01"],
                                              [SPANISH, "Paper B", "2024-03-02"],
                                              [SECOND, "Paper C", "next week"]])
    lines = tmp_path / "more.jsonl.gz"
    lines.write_bytes(gzip.compress(json.dumps({"content": SECOND, "headline": "Library",
                                                "url": "https://example.org/l"}).encode()))
    single = tmp_path / "one.json"  # one article saved as a JSON object
    single.write_text(json.dumps({"title": "Ferry", "text": ENGLISH}), encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(SECOND, encoding="utf-8")
    out = tmp_path / "articles.csv"
    code = main(["analyze", str(table), str(lines), str(single), str(story), "--level",
                 "article", "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2  # one row failed
    rows = read_rows(out)
    assert [(r["article_id"], r["outlet"], r["published"], r["title"], r["url"]) for r in rows] == [
        ("news#row=1", "Paper A", "2024-03-01", "", ""),
        ("news#row=3", "Paper C", "", "", ""),
        ("more#line=1", "", "", "Library", "https://example.org/l"),
        ("one#row=1", "", "", "Ferry", ""),
        ("story", "", "", "", "")]
    assert rows[0]["source_path"] == f"{table}#row=1"
    assert rows[1]["warnings"] == "the published value 'next week' is not a date (a year, a " \
        "month and a day, from 1800 to next year); left out"
    assert rows[1]["framing_score"] == rows[4]["framing_score"]  # the same text, the same score
    assert f"framing: skipped {table}#row=2: the text is not English" in err
    assert "framing: error: 1 of 6 input(s) failed" in err
    assert "Traceback" not in err


def test_a_files_date_header_is_read_as_corpus_add_reads_it(tmp_path, capsys):
    """analyze wrote any date: header as it stood ("0001-01-01", "next Tuesday"), where corpus
    add stores no date and says so."""
    files = []
    for name, date in (("a", "0001-01-01"), ("b", "next Tuesday"), ("c", "March 1, 2024"),
                       ("d", "n/a")):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"title: Library\noutlet: Paper A\ndate: {date}\n---\n{SECOND}",
                        encoding="utf-8")
        files.append(str(path))
    out = tmp_path / "articles.csv"
    assert main(["analyze", *files, "--level", "article", "--out", str(out)]) == 0
    rows = {r["article_id"]: r for r in read_rows(out)}
    assert {name: r["published"] for name, r in rows.items()} == {
        "a": "", "b": "", "c": "2024-03-01", "d": ""}
    assert rows["a"]["warnings"] == "the published value '0001-01-01' is not a date (a year, " \
        "a month and a day, from 1800 to next year); left out"
    assert rows["b"]["warnings"].startswith("the published value 'next Tuesday' is not a date")
    assert rows["c"]["warnings"] == rows["d"]["warnings"] == ""
    err = capsys.readouterr().err
    assert f"framing: warning: {files[1]}: the published value 'next Tuesday' is not a " in err


def test_the_api_reads_a_published_value_as_corpus_add_does(analyzer):
    from framing import Article

    report = analyzer.analyze(SECOND, published="9999-12-31")
    assert report.article.published == ""
    assert report.article.warnings == (
        "the published value '9999-12-31' is not a date (a year, a month and a day, from 1800 "
        "to next year); left out",)
    assert analyzer.analyze(SECOND, published="2024-03-01T09:30:00Z").article.published == \
        "2024-03-01"
    given = analyzer.analyze(Article(SECOND, id="x", published="1970-01-01")).article
    assert given.published == "" and "clock at zero" in given.warnings[0]


def test_a_web_archive_gives_its_article_pages(tmp_path, capsys):
    archive = write_warc(tmp_path / "crawl.warc.gz", archive_pages())
    out = tmp_path / "pages.csv"
    assert main(["analyze", str(archive), "--level", "article", "--out", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    rows = read_rows(out)
    assert [r["url"] for r in rows] == [f"https://news.example.org/story-{i}" for i in range(3)]
    assert all(r["article_id"].startswith("crawl#offset=") for r in rows)
    assert any(line.startswith(f"framing: skipped {archive}#offset=")
               and "https://news.example.org/: no article found" in line for line in err)
    assert f"framing: {archive}: 5 web page(s) read; left out: 2 not web pages (requests, " \
        "metadata, images…), 1 redirect(s), 1 error status(es)" in err
    assert "framing: error: 2 of 5 input(s) failed" in err  # the home page, the Spanish page


def test_a_table_that_cannot_be_read_is_one_line_and_the_others_go_on(tmp_path, capsys):
    bad = csv_table(tmp_path / "columns.csv", [["a", "b"]], header=("name", "note"))
    good = csv_table(tmp_path / "good.csv", [[ENGLISH, "Paper A", ""]])
    out = tmp_path / "rows.csv"
    assert main(["analyze", str(bad), str(good), "--level", "article", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert (f"framing: skipped {bad}: no text column (looked for text, content, body, article, "
            "full_text); the columns are name, note; rename the column of the articles' text to "
            "text, or name it with corpus add --text-column") in err.splitlines()
    assert [r["article_id"] for r in read_rows(out)] == ["good#row=1"]
    assert main(["analyze", str(bad)]) == 2
    assert "nothing written" in capsys.readouterr().err


def test_a_table_is_read_as_its_rows_are_analyzed_not_before(tmp_path, monkeypatch):
    """analyze holds no table in memory: the rows are read as the analysis goes, so the first
    article's rows are out before the last row of the table is read, whatever its size."""
    from framing import batch, ingest

    table = csv_table(tmp_path / "big.csv", [[ENGLISH, "A", ""], [SECOND, "B", ""]] * 20)
    read: list[str] = []
    load_articles = ingest.load_articles

    def counted(*args, **kwargs):
        for article in load_articles(*args, **kwargs):
            read.append(article.id)
            yield article

    monkeypatch.setattr(ingest, "load_articles", counted)
    analyzed: list[int] = []  # how many rows had been read when each article's rows came out
    analyze_one = batch._analyze_one

    def noted(*args, **kwargs):
        outcome = analyze_one(*args, **kwargs)
        analyzed.append(len(read))
        return outcome

    monkeypatch.setattr(batch, "_analyze_one", noted)
    out = tmp_path / "rows.csv"
    assert main(["analyze", str(table), "--level", "article", "--jobs", "1",
                 "--out", str(out)]) == 0
    assert len(read_rows(out)) == 40
    assert analyzed[0] <= 2 and analyzed == sorted(analyzed) and analyzed[-1] == 40


def test_analyze_many_reads_a_stream_a_few_tasks_ahead_in_worker_processes():
    from framing.analyzer import Analyzer
    from framing.batch import Outcome, analyze_many

    pulled: list[int] = []

    def stream():
        for i in range(400):
            pulled.append(i)
            yield Outcome(f"row={i}", error="a row decided before the analysis")

    outcomes = analyze_many(stream(), "article", "csv", Analyzer(), jobs=2)
    first = next(outcomes)
    ahead = len(pulled)
    rest = list(outcomes)
    assert first.source == "row=0" and [o.source for o in rest][-1] == "row=399"
    assert len(rest) == 399 and ahead < 400  # not the whole stream before the first outcome


@pytest.mark.slow
def test_table_rows_in_worker_processes_are_the_rows_of_one_process(tmp_path):
    table = csv_table(tmp_path / "t.csv", [[ENGLISH, "A", ""], [SECOND, "B", ""]] * 3)
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"s{jobs}.csv"
        assert main(["analyze", str(table), "--jobs", jobs, "--out", str(out)]) == 0
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and outs[0].count(b"t#row=6") > 1


def test_load_articles_reads_a_table_row_by_row_and_load_article_refuses_it(tmp_path):
    import warnings

    from framing import FramingError, load_article, load_articles

    table = csv_table(tmp_path / "news.csv", [[ENGLISH, "Paper A", "2024-03-01"],
                                              ["", "Paper B", ""], [SECOND, "Paper C", ""]])
    skipped = []
    articles = load_articles(table, skipped)
    first = next(articles)  # one at a time
    assert (first.id, first.outlet, first.published, first.text) == (
        "news#row=1", "Paper A", "2024-03-01", ENGLISH)
    assert [a.id for a in articles] == ["news#row=3"]
    assert skipped == [(f"{table}#row=2", "empty 'text' cell")]
    with warnings.catch_warnings(record=True) as caught:  # no list given: a warning each
        warnings.simplefilter("always")
        assert len(list(load_articles(str(table)))) == 2
    assert [str(w.message) for w in caught] == [f"{table}#row=2: empty 'text' cell"]
    story = tmp_path / "story.txt"
    story.write_text(SECOND, encoding="utf-8")
    assert [a.text for a in load_articles(story)] == [SECOND]  # any other file: its article
    with pytest.raises(FramingError) as error:
        load_article(table)
    assert str(error.value) == (f"{table}: a file of many articles (one per row or page), not "
                                "one article: analyze them with python -m framing analyze "
                                "FILE, or read them with framing.load_articles, or name "
                                "one: FILE#row=3")
    with pytest.raises(FramingError, match="no text column"):
        list(load_articles(csv_table(tmp_path / "cols.csv", [["a", "b"]], ("x", "y"))))


def test_load_articles_of_a_web_archive_tells_what_it_left_out(tmp_path):
    from framing import load_articles

    archive = write_warc(tmp_path / "crawl.warc", archive_pages(), gzipped=False)
    skipped, told = [], []
    pages = list(load_articles(archive, skipped, told))
    # (the Spanish page is read; analyzing it is what refuses it)
    assert [a.url for a in pages] == [
        *(f"https://news.example.org/story-{i}" for i in range(3)), "https://news.example.org/es"]
    assert [(where.startswith(f"{archive}#offset="), reason.split(":")[0])
            for where, reason in skipped] == [(True, "https")]  # the home page, no article
    assert told == [f"{archive}: 5 web page(s) read; left out: 2 not web pages (requests, "
                    "metadata, images…), 1 redirect(s), 1 error status(es)"]


def test_a_worker_killed_mid_run_stops_analyze_in_one_line(tmp_path, capsys, monkeypatch):
    """A worker process killed (as by the out-of-memory killer) loses its task; the command
    waited for it forever. Now it stops with one line and writes no partial file."""
    import os
    import signal
    import threading

    from framing import analyzer as analyzer_module

    table = csv_table(tmp_path / "t.csv", [[ENGLISH, "A", ""], [SECOND, "B", ""]] * 8)
    doomed = "t#row=9"

    class KilledOnOneArticle(analyzer_module.Analyzer):  # forked into the workers
        def analyze(self, article, *args, **kwargs):
            if article.id == doomed:
                os.kill(os.getpid(), signal.SIGKILL)
            return super().analyze(article, *args, **kwargs)

    monkeypatch.setattr(analyzer_module, "Analyzer", KilledOnOneArticle)
    watchdog = threading.Timer(120, os.kill, (os.getpid(), signal.SIGINT))
    watchdog.start()  # without the check the command never ends
    out = tmp_path / "rows.csv"
    try:
        code = main(["analyze", str(table), "--jobs", "2", "--level", "article",
                     "--out", str(out)])
    finally:
        watchdog.cancel()
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.splitlines()[-1] == (
        "framing: error: a worker process ended in the middle of the run (killed by signal 9, "
        "perhaps for lack of memory); run it again, with fewer --jobs if memory is short")
    assert not out.exists()


def test_one_row_or_page_is_named_as_its_source_path_says(tmp_path, capsys):
    """What source_path writes ("news.csv#row=3", "crawl.warc.gz#offset=N") reads back as that
    one article, for load_article, analyze and compare alike."""
    from framing import FramingError, load_article, load_articles

    table = csv_table(tmp_path / "news.csv", [[ENGLISH, "Paper A", ""], ["", "Paper B", ""],
                                              [SECOND, "Paper C", ""]])
    third = load_article(f"{table}#row=3", title="Library")
    assert (third.id, third.text, third.outlet, third.title) == (
        "news#row=3", SECOND, "Paper C", "Library")
    for place, message in ((2, "empty 'text' cell"),
                           (9, "news.csv has no row 9 (analyze the whole file")):
        with pytest.raises(FramingError) as error:
            load_article(f"{table}#row={place}")
        assert str(error.value).startswith(f"{table}#row={place}: ")
        assert message in str(error.value)
    archive = write_warc(tmp_path / "crawl.warc.gz", archive_pages())
    pages = list(load_articles(archive, []))
    again = load_article(pages[1].source_path)
    assert (again.url, again.text) == (pages[1].url, pages[1].text)
    out = tmp_path / "two.csv"
    assert main(["analyze", f"{table}#row=1", pages[2].source_path, "--level", "article",
                 "--out", str(out)]) == 0
    assert [r["source_path"] for r in read_rows(out)] == [f"{table}#row=1",
                                                          pages[2].source_path]
    assert main(["compare", f"{table}#row=1", f"{table}#row=3"]) == 0
    assert "A: news#row=1 (Paper A)" in capsys.readouterr().out


def test_a_place_that_names_no_article_says_what_is_there_or_how_places_are_named(tmp_path):
    from framing import FramingError, load_article

    table = csv_table(tmp_path / "news.csv", [[ENGLISH, "Paper A", ""]])
    lines = tmp_path / "more.jsonl"
    lines.write_text(json.dumps({"text": ENGLISH}) + "\n")
    archive = write_warc(tmp_path / "crawl.warc.gz", archive_pages())
    with open(archive, "rb") as fh:
        records = ArchiveIterator(fh)
        starts = [(records.offset, record.rec_type) for record in records]
    request = next(start for start, kind in starts if kind == "request")
    image = starts[[kind for _, kind in starts].index("request") + 2][0]
    size = archive.stat().st_size

    def refusal(place: str) -> str:
        with pytest.raises(FramingError) as error:
            load_article(place)
        return str(error.value)

    named = "a web archive's pages are named by offset= and the byte where the page's record"
    for place, message in (
            (f"{archive}#offset={request}", f"the record at byte {request} is a request "
                                           "record, not a web page"),
            (f"{archive}#offset={image}", f"the record at byte {image} is a response of "
                                         "image/png, not a web page"),
            (f"{archive}#offset=7", "no WARC record can be read at byte 7 ("),
            (f"{archive}#offset={size}", f"crawl.warc.gz is {size:,} bytes long: no byte "
                                        f"{size}"),
            (f"{archive}#offset=-5", named), (f"{archive}#offset=abc", named),
            (f"{archive}#row=3", named),
            (f"{table}#line=1", "a table's articles are named by row= and the row's number"),
            (f"{table}#row=", "a table's articles are named by row="),
            (f"{lines}#row=1", "a table's articles are named by line= and the line's number")):
        assert refusal(place).startswith(f"{place}: "), place
        assert message in refusal(place), place
    assert "no such file" not in refusal(f"{table}#row=x")
    assert load_article(f"{lines}#line=1").text == ENGLISH


def test_the_progress_bar_counts_the_rows_of_tables_to_give_a_total(tmp_path, capsys):
    import pandas as pd

    table = csv_table(tmp_path / "news.csv", [[ENGLISH, "A", ""], [SECOND, "B", ""],
                                              [SECOND, "C", "", "cut in two"]])
    lines = tmp_path / "more.jsonl.gz"  # the blank line is no row
    lines.write_bytes(gzip.compress(b"\n".join(json.dumps({"text": t}).encode()
                                                for t in (ENGLISH, SECOND)) + b"\n\n"))
    frame = tmp_path / "news.parquet"
    pd.DataFrame({"text": [SECOND, ""]}).to_parquet(frame)
    no_text = csv_table(tmp_path / "notes.csv", [["a", "b", "c"]], header=("x", "y", "z"))
    story = tmp_path / "story.txt"
    story.write_text(SECOND, encoding="utf-8")
    archive = write_warc(tmp_path / "crawl.warc.gz", archive_pages())
    code = main(["analyze", str(table), str(lines), str(frame), str(no_text), str(story),
                 str(archive), "--level", "article", "--out", str(tmp_path / "out.csv"),
                 "--progress"])
    err = capsys.readouterr().err
    assert code == 2
    # 3 + 2 + 2 rows, 1 table without a text column, 1 file, 5 pages: each counted once
    assert "| 14/14 [" in err and "| 0/14 [" in err


def test_a_web_archive_is_counted_by_its_pages_unless_it_cannot_be_read_through(tmp_path):
    from framing.ingest import count_articles, load_articles

    archive = write_warc(tmp_path / "crawl.warc.gz", archive_pages())
    skipped: list = []
    articles = list(load_articles(str(archive), skipped, []))
    assert count_articles(str(archive)) == len(articles) + len(skipped) == 5
    cut = tmp_path / "cut.warc.gz"  # an unfinished download: its last page is a skip
    cut.write_bytes(archive.read_bytes()[:-100])
    skipped.clear()
    assert count_articles(str(cut)) == len(list(load_articles(str(cut), skipped, []))) + len(
        skipped)
    whole = tmp_path / "whole.warc.gz"  # gzipped as one stream ("gzip crawl.warc")
    whole.write_bytes(gzip.compress(write_warc(tmp_path / "crawl.warc", archive_pages(),
                                               gzipped=False).read_bytes()))
    assert count_articles(str(whole)) == 5
    garbage = tmp_path / "notes.warc"
    garbage.write_bytes(b"these are notes, not a web archive\n" * 20)
    assert count_articles(str(garbage)) is None  # (the reader says so, in one line)
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    skipped.clear()
    assert list(load_articles(str(empty), skipped, [])) == [] and len(skipped) == 1
    assert count_articles(str(empty)) == 1  # ("no WARC records: the file is empty")
    assert count_articles(str(tmp_path / "story.txt")) == 1  # any other input is one
    empty = csv_table(tmp_path / "empty.csv", [])
    assert count_articles(str(empty)) == 1  # said as one skipped table
