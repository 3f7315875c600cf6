"""corpus add: web archives (WARC), JSON tables, gzipped tables and tables of URLs."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pandas as pd
import pytest
from test_corpus_store import feed_server, mixed_articles, one_error_line  # noqa: F401
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from framing import Corpus
from framing.cli import main
from framing.ingest import article_from_html

# --------------------------------------------------------------------------- web archives


def news_page(title: str, text: str, published: str = "") -> str:
    """A small news page, as a site serves it (a date in its metadata when given)."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (f"<!doctype html><html><head><title>{title}</title>{meta}</head><body><article>"
            f"<h1>{title}</h1>{paras}</article></body></html>")


HOME_PAGE = ('<!doctype html><html><head><title>Home</title><meta property="og:type" '
             'content="website"></head><body><ul>' + "".join(
                 f'<li><a href="/s{i}">Headline number {i} of the day</a></li>'
                 for i in range(30)) + "</ul></body></html>")


def write_warc(path, records, gzipped: bool = True):
    """A WARC file written by warcio's own writer. ``records``: (uri, status, content type,
    body) for responses, or ("request", uri) for a request record."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzipped)
        for record in records:
            if record[0] == "request":
                headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")],
                                           is_http_request=True)
                writer.write_record(writer.create_warc_record(
                    record[1], "request", payload=io.BytesIO(b""), http_headers=headers))
                continue
            uri, status, kind, body = record
            fields = [("Content-Type", kind)] + (
                [("Location", "https://example.org/elsewhere")] if status.startswith("3")
                else [])
            headers = StatusAndHeaders(status, fields, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body.encode() if isinstance(body, str)
                                                    else body),
                http_headers=headers, warc_headers_dict={"WARC-Date": "2024-03-04T05:06:07Z"}))
    return path


def archive_records(articles):
    pages = [(f"https://news.example.org/story-{i}", "200 OK", "text/html; charset=utf-8",
              news_page(row["headline"], row["content"], f"2024-05-0{i + 1}" if i else ""))
             for i, row in enumerate(articles)]
    return [
        ("request", "https://news.example.org/story-0"),
        pages[0],
        ("https://news.example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
        ("https://news.example.org/old", "301 Moved Permanently", "text/html", "moved"),
        pages[1],
        ("https://news.example.org/gone", "404 Not Found", "text/html", "<html>gone</html>"),
        ("https://news.example.org/", "200 OK", "text/html", HOME_PAGE),
        *pages[2:],
    ]


@pytest.mark.parametrize("gzipped", [True, False])
def test_a_web_archive_adds_its_article_pages_as_a_fetched_page_reads_them(tmp_path, capsys,
                                                                           gzipped):
    articles = mixed_articles(3, seed=5)
    path = write_warc(tmp_path / ("news.warc.gz" if gzipped else "news.warc"),
                      archive_records(articles), gzipped)
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 2  # the home page is no article
    err = capsys.readouterr().err.splitlines()
    assert "Traceback" not in "\n".join(err)
    assert f"framing: {path}: 4 web page(s) read; left out: 2 not web pages (requests, " \
        "metadata, images…), 1 redirect(s), 1 error status(es)" in err
    skipped = [line for line in err if line.startswith("framing: skipped")]
    assert len(skipped) == 1 and "https://news.example.org/: no article found" in skipped[0]
    stored = Corpus(db).sql("SELECT * FROM articles ORDER BY url")
    assert stored["url"].tolist() == [f"https://news.example.org/story-{i}" for i in range(3)]
    assert set(stored["outlet"]) == {"news.example.org"}  # from the host, as for a fetched page
    # the page's own date, else the record's WARC-Date
    assert [str(d.date()) for d in stored["published"]] == ["2024-03-04", "2024-05-02",
                                                            "2024-05-03"]
    assert all(s.startswith(f"{path}#offset=") for s in stored["source"])
    for text, row, i in zip(stored["text"], articles, range(3)):
        html = news_page(row["headline"], row["content"], f"2024-05-0{i + 1}" if i else "")
        assert text == article_from_html(html, url=f"https://news.example.org/story-{i}").text
    assert Corpus(db).sql("SELECT reason FROM skipped")["reason"][0].startswith(
        "https://news.example.org/: no article found")


@pytest.mark.parametrize("gzipped", [True, False])
def test_a_damaged_record_is_skipped_with_its_offset_and_reading_goes_on(tmp_path, capsys,
                                                                        gzipped):
    articles = mixed_articles(4, seed=6)
    pages = [(f"https://example.org/s{i}", "200 OK", "text/html", news_page(r["headline"],
                                                                           r["content"]))
             for i, r in enumerate(articles)]
    path = write_warc(tmp_path / ("d.warc.gz" if gzipped else "d.warc"), pages, gzipped)
    data = path.read_bytes()
    with open(path, "rb") as fh:  # the second record's start
        records = ArchiveIterator(fh)
        first = [records.offset for _ in records][1]
    path.write_bytes(data[:first + 2] + b"\0" * 30 + data[first + 32:])
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"skipped {path}#offset={first}: unreadable WARC record (" in err
    assert "read on from the next record" in err
    assert sorted(Corpus(db).sql("SELECT url FROM articles")["url"]) == [
        "https://example.org/s0", "https://example.org/s2", "https://example.org/s3"]


@pytest.mark.parametrize("gzipped", [True, False])
def test_a_web_archive_cut_short_keeps_the_records_before_the_cut(tmp_path, capsys, gzipped):
    articles = mixed_articles(3, seed=7)
    pages = [(f"https://example.org/s{i}", "200 OK", "text/html", news_page(r["headline"],
                                                                           r["content"]))
             for i, r in enumerate(articles)]
    path = write_warc(tmp_path / ("c.warc.gz" if gzipped else "c.warc"), pages, gzipped)
    path.write_bytes(path.read_bytes()[:-200])
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and f"skipped {path}#offset=" in err
    assert "cut short" in err or "no record after it" in err
    assert sorted(Corpus(db).sql("SELECT url FROM articles")["url"]) == [
        "https://example.org/s0", "https://example.org/s1"]


def test_a_web_archive_gzipped_whole_is_read_too(tmp_path, capsys):
    articles = mixed_articles(3, seed=8)
    plain = write_warc(tmp_path / "plain.warc", archive_records(articles), gzipped=False)
    whole = tmp_path / "whole.warc.gz"  # gzip news.warc: one stream, not one member a record
    whole.write_bytes(gzip.compress(plain.read_bytes()))
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(whole)]) == 2  # the home page, as above
    assert f"framing: {whole}: 4 web page(s) read; left out: 2 not web pages" in \
        capsys.readouterr().err
    assert len(Corpus(db).sql("SELECT id FROM articles")) == 3
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole.read_bytes()[:-300])
    assert main(["corpus", "add", str(tmp_path / "t.duckdb"), str(cut)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and f"skipped {cut}#offset=" in err
    assert len(Corpus(tmp_path / "t.duckdb").sql("SELECT id FROM articles")) == 2


def test_a_page_stored_as_the_server_sent_it_gzipped_or_chunked_is_decoded(tmp_path):
    rows = mixed_articles(2, seed=9)
    html = [news_page(r["headline"], r["content"]).encode() for r in rows]
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(html[1][i:i + 500]), html[1][i:i + 500])
                       for i in range(0, len(html[1]), 500)) + b"0\r\n\r\n"
    path = tmp_path / "encoded.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, body, fields in (
                ("https://example.org/gz", gzip.compress(html[0]),
                 [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]),
                ("https://example.org/chunked", chunked,
                 [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")])):
            headers = StatusAndHeaders("200 OK", fields, protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response",
                                                          payload=io.BytesIO(body),
                                                          http_headers=headers))
    told = []
    summary = Corpus(tmp_path / "s.duckdb").add(str(path), report=told.append)
    assert (summary.added, summary.skipped) == (2, 0), told
    stored = Corpus(tmp_path / "s.duckdb").sql("SELECT title FROM articles ORDER BY url")
    assert stored["title"].tolist() == [rows[1]["headline"], rows[0]["headline"]]
    assert told == [f"{path}: 2 web page(s) read"]


def test_a_file_that_is_no_web_archive_is_skipped_and_the_rest_added(tmp_path, capsys):
    fake = tmp_path / "fake.warc.gz"
    fake.write_bytes(b"this is not an archive\n" * 10)
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    table = tmp_path / "one.csv"
    pd.DataFrame({"text": [mixed_articles(1)[0]["content"]]}).to_csv(table, index=False)
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(fake), str(empty), str(table)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert f"framing: skipped {fake}: not a WARC file" in err
    assert f"framing: skipped {empty}: no WARC records: the file is empty" in err
    assert len(Corpus(db).sql("SELECT id FROM articles")) == 1


def test_a_record_without_a_target_address_is_told_not_a_traceback(tmp_path, capsys):
    # warcio itself fails on this record (an AttributeError inside its header reader)
    bare = tmp_path / "bare.warc"
    bare.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nabc")
    good = write_warc(tmp_path / "good.warc", [("https://example.org/a", "200 OK", "text/html",
                                               news_page("A", mixed_articles(1)[0]["content"]))],
                      gzipped=False)
    after, first = tmp_path / "after.warc", tmp_path / "first.warc"
    after.write_bytes(good.read_bytes() + bare.read_bytes())
    missing = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n"
    other = write_warc(tmp_path / "other.warc", [("https://example.org/b", "200 OK", "text/html",
                                                 news_page("B", mixed_articles(2)[1]["content"]))],
                       gzipped=False)
    first.write_bytes(missing + other.read_bytes())  # a WARC file all the same: read on
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(bare), str(after), str(first)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert (f"framing: skipped {bare}#offset=0: unreadable WARC record (a record without the "
            "headers it needs); no record after it") in err
    size = good.stat().st_size
    assert (f"framing: skipped {after}#offset={size}: unreadable WARC record (a record without "
            "the headers it needs); no record after it") in err
    assert (f"framing: skipped {first}#offset=0: unreadable WARC record (a record without the "
            "headers it needs); read on from the next record") in err
    assert f"framing: {first}: 1 web page(s) read; left out: 1 unreadable stretch(es)" in err
    assert not [line for line in err if "not a WARC file" in line]
    assert Corpus(db).sql("SELECT source FROM articles ORDER BY source")["source"].tolist() == [
        f"{after}#offset=0", f"{first}#offset={len(missing)}"]


@pytest.mark.parametrize("gzipped", [True, False])
def test_a_record_cut_inside_its_http_headers_is_said_cut_short(tmp_path, capsys, gzipped):
    rows = mixed_articles(2, seed=11)
    path = write_warc(tmp_path / "cut.warc", [
        (f"https://example.org/s{i}", "200 OK", "text/html", news_page(r["headline"],
                                                                       r["content"]))
        for i, r in enumerate(rows)], gzipped=False)
    data = path.read_bytes()
    second = data.index(b"WARC/1.0", 1)
    cut = data[:data.index(b"HTTP/1.1 200", second) + 20]  # inside "Content-Type: text/html"
    if gzipped:  # (gzip cut.warc: one stream)
        path = tmp_path / "cut.warc.gz"
        path.write_bytes(gzip.compress(cut))
    else:
        path.write_bytes(cut)
    told = []
    summary = Corpus(tmp_path / "s.duckdb").add(str(path), report=told.append)
    assert (summary.added, summary.skipped) == (1, 1)
    assert told == [f"skipped {path}#offset={second}: https://example.org/s1: the record is cut "
                    "short (the file ends inside it)", f"{path}: 1 web page(s) read"]


def test_a_page_that_shows_a_warc_line_keeps_its_archives_offsets(tmp_path):
    """An archive gzipped record by record whose first page shows a record's first line (a
    page about web archiving) is still read member by member: its offsets are the file's."""
    from framing import load_article, load_articles

    rows = mixed_articles(2, seed=12)
    shown = rows[0]["content"] + "\n\nA record opens so:\nWARC/1.0\nWARC-Type: response"
    path = write_warc(tmp_path / "shown.warc.gz", [
        ("https://example.org/a", "200 OK", "text/html", news_page("A", shown)),
        ("https://example.org/b", "200 OK", "text/html", news_page("B", rows[1]["content"]))])
    with open(path, "rb") as fh:
        records = ArchiveIterator(fh)
        starts = [records.offset for _ in records]
    pages = list(load_articles(path, []))
    assert [page.source_path for page in pages] == [f"{path}#offset={at}" for at in starts]
    assert load_article(pages[1].source_path).text == pages[1].text


def test_warcios_own_warnings_are_not_printed(tmp_path, capsys, caplog):
    page = news_page("A", mixed_articles(1)[0]["content"])
    path = write_warc(tmp_path / "spaced.warc", [("https://example.org/a_b", "200 OK",
                                                  "text/html", page)], gzipped=False)
    # a space in the address, as some crawlers write it (warcio's writer would not)
    path.write_bytes(path.read_bytes().replace(b"example.org/a_b", b"example.org/a b"))
    assert main(["corpus", "add", str(tmp_path / "s.duckdb"), str(path)]) == 0
    err = capsys.readouterr().err
    assert "Replacing spaces" not in err and "WARC-Target-URI" not in err
    assert not [r for r in caplog.records if r.name.startswith("warcio")]  # (pytest's handler)
    assert Corpus(tmp_path / "s.duckdb").sql("SELECT url FROM articles")["url"].tolist() == [
        "https://example.org/a%20b"]


def test_folders_give_their_article_files_not_their_archives(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_warc(folder / "a.warc.gz", [("https://example.org/a", "200 OK", "text/html",
                                       news_page("A", mixed_articles(1)[0]["content"]))])
    (folder / "b.txt").write_text(mixed_articles(2)[1]["content"], encoding="utf-8")
    summary = Corpus(tmp_path / "s.duckdb").add([str(folder)])
    assert summary.added == 1  # as tables are: named one by one


# --------------------------------------------------------------------------- JSON, gzip


def write_json(path, value, gzipped: bool = False):
    data = json.dumps(value).encode()
    path.write_bytes(gzip.compress(data) if gzipped else b"\xef\xbb\xbf" + data)
    return path


@pytest.mark.parametrize("name, wrap", [
    ("list.json", lambda rows: rows),
    ("keyed.json", lambda rows: {"status": "ok", "meta": {"n": [1, 2]}, "tags": ["a"],
                                 "articles": rows, "after": 1}),
    ("list.json.gz", lambda rows: rows),
])
def test_a_json_table_is_a_list_of_objects_or_one_under_a_key(tmp_path, name, wrap):
    rows = mixed_articles(3)
    path = write_json(tmp_path / name, wrap(rows), gzipped=name.endswith(".gz"))
    db = tmp_path / "s.duckdb"
    assert Corpus(db).add(str(path)).added == 3
    stored = Corpus(db).sql("SELECT * FROM articles ORDER BY source")
    assert stored["source"].tolist() == [f"{path}#row={i}" for i in (1, 2, 3)]
    assert stored["title"].tolist() == [r["headline"] for r in rows]
    assert stored["outlet"].tolist() == [r["media_name"] for r in rows]


@pytest.mark.parametrize("content, message", [
    ('{"status": "ok", "count": 3}', "a JSON object with no list of article objects under any "
     'key; give a list of objects, or an object such as {"articles": [...]}'),
    ('"just text"', "a JSON string, not a list of article objects"),
    ("[1, 2]", "the list holds no objects (no rows)"),
    ('[{"text": "cut', "not valid JSON (parse error: premature EOF"),
    ("{'text': 'single quotes'}", "not valid JSON ("),
    ("  \n", "the file is empty (no rows)"),
    # nested a hundred thousand deep in 200 KB: refused at once, not read into all memory
    ("[" * 100_000 + "]" * 100_000, "nested more than 64 levels deep, no table of articles"),
])
def test_a_json_file_that_is_no_table_is_a_one_line_error(tmp_path, capsys, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 2
    assert one_error_line(capsys).startswith(f"framing: error: {path}: {message}")
    assert not db.exists()


def test_a_json_list_skips_what_is_no_object_and_stops_at_broken_json(tmp_path, capsys):
    rows = mixed_articles(3)
    text = json.dumps([rows[0], "a string", {"content": 7}, rows[1]])
    path = tmp_path / "mixed.json"
    path.write_text(text[:-1] + ", " + json.dumps(rows[2])[:-40], encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"skipped {path}#row=2: a JSON str, not an object with columns" in err
    assert f"skipped {path}#row=3: the 'content' cell is int, not text" in err
    assert f"skipped {path}#row=5: unreadable JSON from here on" in err
    assert len(Corpus(db).sql("SELECT id FROM articles")) == 2


def test_a_list_or_object_in_an_outlet_or_title_cell_is_left_empty_and_told(tmp_path, capsys):
    """A list in the outlet cell was stored as its Python repr, "['Outlet 0', 'Outlet 1']", an
    outlet of its own in every report, and nothing was said."""
    rows = mixed_articles(4)
    rows[0]["media_name"] = ["Outlet 0", "Outlet 1"]
    rows[0]["headline"] = {"main": "Bridge repair", "kicker": "Local"}
    rows[1]["media_name"] = {"name": "Outlet 1"}
    rows[2]["publish_date"] = ["2024-03-01"]
    path = tmp_path / "t.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 0
    err = capsys.readouterr().err
    assert [line for line in err.splitlines() if "not text" in line] == [
        f"framing: {path}#line=1: the 'headline' cell is an object, not text; left empty",
        f"framing: {path}#line=1: the 'media_name' cell is a list, not text; left empty",
        f"framing: {path}#line=2: the 'media_name' cell is an object, not text; left empty",
        f"framing: {path}#line=3: the 'publish_date' cell is a list, not text; left empty"]
    stored = Corpus(db).sql("SELECT source, outlet, title, published FROM articles "
                            "ORDER BY source").set_index("source")
    assert len(stored) == 4  # each row added
    assert list(stored["outlet"]) == ["", "", "Outlet 2", "Outlet 0"]
    assert stored.loc[f"{path}#line=1", "title"] == ""
    assert pd.isna(stored.loc[f"{path}#line=3", "published"])
    # analyze reads the table alike: the fields empty, the article's warnings say why
    from framing.ingest import load_articles

    first = next(load_articles(path))
    assert (first.outlet, first.title) == ("", "")
    assert "the 'media_name' cell is a list, not text; left empty" in first.warnings


def latin_line() -> str:
    """A row's text with an accented letter, as a Latin-1 export writes it (not UTF-8)."""
    return ("The caf\u00e9 on the square will reopen in May after the repairs to its roof "
            "and its kitchen, its owner told the council on Tuesday evening.")


def test_one_line_that_is_not_utf8_is_skipped_and_named(tmp_path, capsys):
    """One Latin-1 line refused the whole JSONL ("not UTF-8 text"), naming no line."""
    from framing.ingest import load_articles

    rows = mixed_articles(30)
    path = tmp_path / "t.jsonl"
    path.write_bytes(b"".join(json.dumps(r).encode() + b"\n" for r in rows)
                     + json.dumps({"content": latin_line(), "media_name": "Outlet 0"},
                                  ensure_ascii=False).encode("latin-1") + b"\n")
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 2
    err = capsys.readouterr().err
    assert f"framing: skipped {path}#line=31: not UTF-8 text" in err.splitlines()
    assert len(Corpus(db).sql("SELECT id FROM articles")) == 30
    skipped = []
    assert len(list(load_articles(path, skipped))) == 30  # analyze reads it alike
    assert skipped == [(f"{path}#line=31", "not UTF-8 text")]


@pytest.mark.parametrize("gzipped", [False, True])
def test_one_csv_row_that_is_not_utf8_is_skipped_and_named(tmp_path, capsys, gzipped):
    frame = pd.DataFrame(mixed_articles(12))
    head = frame.iloc[:5].to_csv(index=False).encode()
    # row 6: its cell runs over two lines, the second not UTF-8
    bad = f'Headline,"Two lines\n{latin_line()}",Outlet 1,2024-05-01,https://x.org/b\n'
    data = head + bad.encode("latin-1") + frame.iloc[5:].to_csv(index=False,
                                                                header=False).encode()
    line = head.count(b"\n") + 1
    path = tmp_path / ("t.csv.gz" if gzipped else "t.csv")
    path.write_bytes(gzip.compress(data) if gzipped else data)
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 2
    err = capsys.readouterr().err
    assert f"framing: skipped {path}#row=6: not UTF-8 text (line {line})" in err.splitlines()
    assert len(Corpus(db).sql("SELECT id FROM articles")) == 12


@pytest.mark.parametrize(("name", "encode"), [
    ("latin.csv", lambda rows: ("content,media_name\n" + "".join(
        f'"{r}",Outlet\n' for r in rows)).encode("latin-1")),
    ("latin.jsonl", lambda rows: "".join(json.dumps({"content": r}, ensure_ascii=False) + "\n"
                                         for r in rows).encode("latin-1")),
    ("utf16.csv", lambda rows: ("content\n" + "".join(f'"{r}"\n' for r in rows)
                                ).encode("utf-16")),
    ("utf16.jsonl", lambda rows: "".join(json.dumps({"content": r}) + "\n" for r in rows
                                         ).encode("utf-16")),
    # its first line (a CSV's header) not UTF-8: no rows of another encoding are read
    ("first.jsonl", lambda rows: json.dumps({"content": rows[0]}, ensure_ascii=False).encode(
        "latin-1") + b"\n" + "".join(json.dumps({"content": r.replace("\u00e9", "e")}) + "\n"
                                     for r in rows).encode()),
])
def test_a_table_in_another_encoding_is_refused_whole(tmp_path, capsys, name, encode):
    path = tmp_path / name
    path.write_bytes(encode([latin_line() + f" Row {i}." for i in range(6)]))
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 2
    assert one_error_line(capsys) == f"framing: error: {path}: not UTF-8 text; save the " \
        "table as UTF-8"
    assert not db.exists()


def test_json_nested_too_deep_inside_a_row_is_skipped_and_the_rest_read(tmp_path, capsys):
    rows = mixed_articles(2)
    listed = tmp_path / "deep.json"
    listed.write_text("[" + json.dumps(rows[0]) + ', {"text": ' + "[" * 5000 + "]" * 5000
                      + "}]", encoding="utf-8")
    lines = tmp_path / "deep.jsonl"
    lines.write_text(json.dumps(rows[1]) + "\n" + "[" * 3000 + "]" * 3000 + "\n",
                     encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(listed), str(lines)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert f"skipped {listed}#row=2: unreadable JSON from here on (nested more than 64 " in err
    assert f"skipped {lines}#line=2: nested too deeply, no row of a table" in err
    assert len(Corpus(db).sql("SELECT id FROM articles")) == 2


def test_a_lone_surrogate_in_a_rows_title_outlet_or_url_is_stored_as_u_fffd(tmp_path, capsys):
    # (a JSON escape "\\udc80" reads as a lone surrogate, which could not be stored: the whole
    # add failed and the good row was lost too)
    rows = mixed_articles(2)
    for field in ("headline", "media_name", "url"):
        rows[1][field] += "\udc80"
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 0
    assert "Traceback" not in capsys.readouterr().err
    stored = Corpus(db).sql("SELECT title, outlet, url FROM articles ORDER BY title")
    assert stored.values.tolist()[1] == [
        "Story number 1\ufffd", "Outlet 1\ufffd", "https://example.org/story-1\ufffd"]


def test_an_unreadable_folder_or_table_is_skipped_and_named_not_left_out(tmp_path, capsys,
                                                                          monkeypatch):
    # (a folder inside one that could not be read was passed over unsaid; a table that could
    # not be read stopped the whole add). Unreadable as for a user without the right to read:
    # the tests may run as root, whom chmod does not stop.
    rows = mixed_articles(3)
    folder = tmp_path / "articles"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text(rows[0]["content"], encoding="utf-8")
    (folder / "locked" / "b.txt").write_text(rows[1]["content"], encoding="utf-8")
    table = tmp_path / "rows.jsonl"
    table.write_text(json.dumps(rows[2]), encoding="utf-8")
    locked = {str(folder / "locked"), str(table)}
    scandir, open_file = os.scandir, Path.open

    def refused(name):
        if str(name) in locked:
            raise PermissionError(13, "Permission denied", str(name))

    monkeypatch.setattr(os, "scandir", lambda name=".": refused(name) or scandir(name))
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: refused(self) or open_file(
        self, *a, **k))
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(folder), str(table)]) == 2
    err = capsys.readouterr().err
    assert f"skipped {folder / 'locked'}: cannot read the folder (permission denied)" in err
    assert f"skipped {table}: cannot read the file (permission denied)" in err
    assert len(Corpus(db).sql("SELECT id FROM articles")) == 1
    assert len(Corpus(db).sql("SELECT * FROM skipped")) == 2
    assert main(["analyze", str(folder), "--out", str(tmp_path / "out.csv")]) == 2
    assert f"skipped {folder / 'locked'}: cannot read the folder (permission denied)" in (
        capsys.readouterr().err)


def test_a_folders_links_to_folders_are_followed_once_and_links_to_nothing_named(tmp_path,
                                                                                  capsys):
    """Files under a linked folder were left out unsaid, and a link to nothing dropped."""
    rows = mixed_articles(3, seed=13)
    outside, folder = tmp_path / "outside", tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    outside.mkdir()
    (outside / "far.txt").write_text(rows[0]["content"], encoding="utf-8")
    (folder / "near.txt").write_text(rows[1]["content"], encoding="utf-8")
    (folder / "sub" / "deep.txt").write_text(rows[2]["content"], encoding="utf-8")
    (folder / "linked").symlink_to(outside)
    (folder / "again").symlink_to(outside)  # (read once, under one of its names)
    (folder / "sub" / "up").symlink_to(folder)  # a loop: walked once
    (folder / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (folder / "round.txt").symlink_to(folder / "round.txt")
    only = tmp_path / "only"
    only.mkdir()
    (only / "there").symlink_to(outside)
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(folder), str(only)]) == 2
    err = capsys.readouterr().err
    for link in ("gone.txt", "round.txt"):
        assert f"skipped {folder / link}: a symbolic link to nothing (its target is missing, " \
            "or the links go round in a loop)" in err
    assert "no .txt" not in err
    stored = Corpus(db).sql("SELECT source FROM articles ORDER BY source")["source"].tolist()
    assert [Path(s).name for s in stored] == ["far.txt", "near.txt", "deep.txt"], stored
    out = tmp_path / "rows.csv"
    assert main(["analyze", str(only), "--level", "article", "--out", str(out)]) == 0
    assert pd.read_csv(out)["source_path"].tolist() == [str(only / "there" / "far.txt")]


@pytest.mark.parametrize("name", ["a.csv.gz", "a.tsv.gz", "a.jsonl.gz", "A.CSV.GZ"])
def test_gzipped_tables_are_read_as_they_are_unpacked(tmp_path, name):
    rows = mixed_articles(3)
    if ".jsonl" in name:
        data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    else:
        data = pd.DataFrame(rows).to_csv(index=False, sep="\t" if ".tsv" in name else ","
                                         ).encode()
    (tmp_path / name).write_bytes(gzip.compress(data))
    db = tmp_path / "s.duckdb"
    assert Corpus(db).add(str(tmp_path / name)).added == 3
    assert Corpus(db).sql("SELECT title FROM articles ORDER BY source")["title"].tolist() == \
        [r["headline"] for r in rows]


def test_a_gzipped_table_cut_short_keeps_its_first_rows_and_a_bad_one_is_refused(tmp_path,
                                                                                 capsys):
    rows = mixed_articles(40)
    data = gzip.compress(pd.DataFrame(rows).to_csv(index=False).encode())
    cut = tmp_path / "cut.csv.gz"
    cut.write_bytes(data[:len(data) // 2])
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(cut)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "unreadable gzip from here on" in err
    assert 0 < len(Corpus(db).sql("SELECT id FROM articles")) < 40
    fake = tmp_path / "fake.csv.gz"
    fake.write_text("text\nnot gzipped at all\n", encoding="utf-8")
    assert main(["corpus", "add", str(db), str(fake)]) == 2
    assert one_error_line(capsys).startswith(f"framing: error: {fake}: not a readable gzip file")


# --------------------------------------------------------------------------- tables of URLs


def test_a_table_of_urls_is_refused_with_a_hint_and_fetched_with_fetch_urls(tmp_path, capsys,
                                                                          feed_server):  # noqa: F811
    base, articles = feed_server
    path = tmp_path / "mediacloud.csv"
    pd.DataFrame({"url": [f"{base}/story-0.html", f"{base}/story-1.html", f"{base}/gone.html",
                          "not an address"],
                  "media_name": ["The Paper"] * 4,
                  "publish_date": ["2024-02-03"] * 4}).to_csv(path, index=False)
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), str(path)]) == 2
    assert one_error_line(capsys).endswith(
        "name it with --text-column (in Python columns={'text': …}); or give --fetch-urls (in "
        "Python fetch_urls=True) to fetch the page of each row's 'url'")
    assert not db.exists()
    assert main(["corpus", "add", str(db), str(path), "--fetch-urls",
                 "--allow-private-hosts"]) == 2
    err = capsys.readouterr().err
    assert f"skipped {base}/gone.html" in err and "is not an http(s) address" in err
    stored = Corpus(db).sql("SELECT * FROM articles ORDER BY url")
    assert stored["url"].tolist() == [f"{base}/story-0.html", f"{base}/story-1.html"]
    assert stored["title"].tolist() == [a["headline"] for a in articles[:2]]
    assert set(stored["outlet"]) == {"The Paper"}
    assert {str(d.date()) for d in stored["published"]} == {"2024-02-03"}
