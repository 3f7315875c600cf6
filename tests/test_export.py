"""Exports: the row writer is atomic, the app's CSV bytes equal the command line's, and no
CSV cell of text opens as a spreadsheet formula."""

from __future__ import annotations

import csv
import io
import json
import re

import pandas as pd
import pytest

from framing.cli import main
from framing.export import (
    ARTICLE_COLUMNS,
    SENTENCE_COLUMNS,
    RowWriter,
    articles_frame,
    report_json,
    sentence_rows,
    sentences_frame,
    spreadsheet_cell,
    to_csv_bytes,
)


def test_row_writer_renames_only_when_closed(tmp_path):
    out = tmp_path / "rows.csv"
    out.write_text("previous run\n", encoding="utf-8")
    writer = RowWriter(out, "csv", ("a", "b"))
    writer.write({"a": 1, "b": 2})
    assert out.read_text(encoding="utf-8") == "previous run\n"  # untouched while writing
    writer.close()
    assert list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))) == [
        {"a": "1", "b": "2"}]
    assert list(tmp_path.iterdir()) == [out]


def test_row_writer_abort_leaves_nothing(tmp_path):
    out = tmp_path / "rows.json"
    writer = RowWriter(out, "json", ("a",))
    writer.write({"a": 1})
    writer.abort()
    assert list(tmp_path.iterdir()) == []


def test_json_writer_streams_a_valid_list(tmp_path):
    out = tmp_path / "rows.json"
    writer = RowWriter(out, "json", ("a",))
    for i in range(3):
        writer.write({"a": i})
    writer.close()
    assert json.loads(out.read_text(encoding="utf-8")) == [{"a": 0}, {"a": 1}, {"a": 2}]


def test_frames_have_the_contract_columns(seed_report):
    sentences = sentences_frame([seed_report])
    articles = articles_frame([seed_report])
    assert tuple(sentences.columns) == SENTENCE_COLUMNS
    assert tuple(articles.columns) == ARTICLE_COLUMNS
    assert len(sentences) == len(seed_report.scores) and len(articles) == 1


def test_csv_bytes_match_the_row_writer(seed_report, tmp_path):
    out = tmp_path / "s.csv"
    writer = RowWriter(out, "csv", SENTENCE_COLUMNS)
    for row in sentence_rows(seed_report):
        writer.write(row)
    writer.close()
    ours = list(csv.DictReader(io.StringIO(to_csv_bytes(sentences_frame([seed_report]))
                                           .decode("utf-8"))))
    theirs = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert ours == theirs


def test_report_json_round_trips(seed_report):
    data = json.loads(json.dumps(report_json(seed_report)))
    assert data["article"]["id"] == "ukraine_seed"
    assert len(data["sentences"]) == len(seed_report.scores)
    text = seed_report.article.text
    for term in data["terms"]:
        assert text[term["start"]:term["end"]] == term["surface"]


@pytest.mark.parametrize("column", ["cues", "loaded_terms"])
def test_sentence_row_text_columns(seed_report, column):
    rows = list(sentence_rows(seed_report))
    assert all(isinstance(r[column], str) for r in rows)


# --------------------------------------------------------------------------- spreadsheets


@pytest.mark.parametrize(("value", "written"), [
    ('=HYPERLINK("http://x.example","a")', '\'=HYPERLINK("http://x.example","a")'),
    ("+1+1", "'+1+1"),
    ("-2+3 is what critics said", "'-2+3 is what critics said"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\tcmd", "'\tcmd"),
    ("\rcmd", "'\rcmd"),
    ("- a list item", "'- a list item"),
    ("'=already quoted", "''=already quoted"),  # one more, so one off gives the text back
    ("''-x", "'''-x"),
    # numbers, plain-number texts and texts that only contain a formula character: as they are
    ("-3", "-3"), ("+1.5e3", "+1.5e3"), ("-.5", "-.5"), ("3-2", "3-2"), ("a=b", "a=b"),
    ("'quoted'", "'quoted'"), (" =x", " =x"), ("", ""), (-3, -3), (0.25, 0.25), (None, None),
    (True, True),
])
def test_a_text_cell_never_opens_as_a_formula(value, written):
    assert spreadsheet_cell(value) == written


def unescaped(cell: str) -> str:
    """What the README tells a reader of our CSVs to do: one apostrophe off a cell that begins
    with apostrophes and a formula character."""
    return re.sub(r"^'(?='*[=+\-@\t\r])", "", cell)


@pytest.mark.parametrize("text", ["=1+1", "'=1+1", "''=1", "-3", "-x", "'-3", "'", "''", "plain",
                                  "@a", "'@a", "\t", "+", "it's =", ""])
def test_one_apostrophe_off_gives_back_every_text(text):
    assert unescaped(spreadsheet_cell(text)) == text


HOSTILE = ("=cmd|' /C calc'!A0 said the minister was wrong, officials said.\n\n"
           "+Officials said the plan was a disaster.\n\n"
           "-2+3 is what critics claimed yesterday.\n\n"
           "Maria Lopez, the mayor, said the plan was a disaster.\n")


@pytest.fixture(scope="module")
def hostile_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "=evil.txt"
    path.write_text("title: @SUM(1+1) and a headline\noutlet: =outlet\n---\n" + HOSTILE,
                    encoding="utf-8")
    return path


def formula_cells(rows) -> list[str]:
    """The cells a spreadsheet would read as a formula (plain numbers are not)."""
    return [cell for row in rows for cell in row if re.match(r"[=+\-@\t\r]", cell)
            and not re.fullmatch(r"[+-]?[0-9.]+(e[+-]?[0-9]+)?", cell)]


@pytest.mark.parametrize("level", ["sentence", "article", "actor"])
def test_analyze_csv_has_no_formula_cells_and_json_keeps_the_text(hostile_file, tmp_path,
                                                                  level):
    out = tmp_path / "out.csv"
    assert main(["analyze", str(hostile_file), "--level", level, "--out", str(out)]) == 0
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    assert len(rows) > 1 and formula_cells(rows) == []
    if level == "article":
        frame = pd.read_csv(out, keep_default_na=False)
        assert frame["title"][0] == "'@SUM(1+1) and a headline"
        assert frame["outlet"][0] == "'=outlet"
        assert frame["source_path"][0].endswith("=evil.txt")
    if level != "sentence":
        return
    frame = pd.read_csv(out, keep_default_na=False)
    opening = [t for t in frame["text"] if "calc" in t]
    assert opening and opening[0].startswith("'=cmd|")  # shown as text, in one cell
    assert unescaped(opening[0]).startswith("=cmd|")
    assert frame["opinion_score"].dtype == float  # numbers stay numbers
    as_json = tmp_path / "out.json"
    assert main(["analyze", str(hostile_file), "--out", str(as_json)]) == 0
    texts = [row["text"] for report in json.loads(as_json.read_text(encoding="utf-8"))
             for row in report["sentences"]]
    assert any(t.startswith("=cmd|") for t in texts)  # JSON holds the text as it is


def test_app_downloads_and_compare_files_have_no_formula_cells(analyzer, hostile_file,
                                                               seed_report, tmp_path):
    from framing.compare import compare
    from framing.export import COMPARISON_FILES, actors_frame, write_comparison

    report = analyzer.load(str(hostile_file))
    assert report.article.title.startswith("@SUM")
    for frame in (sentences_frame([report]), articles_frame([report]), actors_frame([report])):
        rows = list(csv.reader(io.StringIO(to_csv_bytes(frame).decode("utf-8"))))
        assert len(rows) > 1 and formula_cells(rows) == []
    comparison = compare([report, seed_report])
    for build in COMPARISON_FILES.values():
        rows = list(csv.reader(io.StringIO(to_csv_bytes(build(comparison)).decode("utf-8"))))
        assert formula_cells(rows) == []
    written = write_comparison(comparison, tmp_path / "cmp")
    for path in written:
        if path.suffix == ".csv":
            assert formula_cells(list(csv.reader(path.open(encoding="utf-8")))) == []


def test_classify_keeps_numbers_and_neutralizes_formula_cells(tmp_path):
    source = tmp_path / "in.csv"
    source.write_text('id,text,=note,delta\n'
                      '1,"=HYPERLINK(""http://x.example"")",@me,-3\n'
                      "2,The minister said the plan was bold.,-x,+1.5\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["classify", str(source), "--out", str(out)]) == 0
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    assert rows[0][:4] == ["id", "text", "'=note", "delta"]
    assert rows[1][1:4] == ['\'=HYPERLINK("http://x.example")', "'@me", "-3"]
    assert rows[2][2:4] == ["'-x", "+1.5"]
    assert formula_cells(rows) == []
