"""Exports: the row writer is atomic, and the app's CSV bytes equal the command line's."""

from __future__ import annotations

import csv
import io
import json

import pytest

from framing.export import (
    ARTICLE_COLUMNS,
    SENTENCE_COLUMNS,
    RowWriter,
    articles_frame,
    report_json,
    sentence_rows,
    sentences_frame,
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
