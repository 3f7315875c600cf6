"""The command line through subprocess, as other tools call it: output files and every error."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys

import pytest
from conftest import CORPUS, CORPUS_FILES, ROOT

from framing.export import ARTICLE_COLUMNS, SENTENCE_COLUMNS


def run(*args, stdin=None, timeout=120):
    return subprocess.run(
        [sys.executable, "-m", "framing", *map(str, args)],
        capture_output=True, text=True, cwd=ROOT, input=stdin, timeout=timeout,
    )


def assert_clean_error(result, message):
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert any(message in line for line in lines), result.stderr
    assert "Traceback" not in result.stderr


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_help_for_every_command():
    for command in ([], ["analyze"], ["classify"]):
        result = run(*command, "--help")
        assert result.returncode == 0 and "usage:" in result.stdout


def test_version_is_the_package_version():
    from framing import __version__

    result = run("--version")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout == f"framing {__version__}\n" and __version__


def test_the_help_names_every_corpus_command_and_prints_percent_signs_once():
    top = run("--help").stdout
    assert "add, analyze, info, query, export, stories, report" in " ".join(top.split())
    listing = run("corpus", "--help").stdout
    for command in ("add", "analyze", "info", "query", "export", "stories", "report"):
        assert f"    {command} " in listing
        result = run("corpus", command, "--help")
        assert result.returncode == 0 and "usage:" in result.stdout
        assert "%%" not in result.stdout, command
    report = " ".join(run("corpus", "report", "--help").stdout.split())
    assert "with a 95 % bootstrap confidence interval" in report
    assert "with 95 % intervals" in " ".join(listing.split())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`corpus add|analyze|info|query|export|stories|report`" in readme


def test_analyze_corpus_to_sentence_csv(tmp_path):
    out = tmp_path / "sentences.csv"
    result = run("analyze", *CORPUS_FILES, "--out", out)
    assert result.returncode == 0, result.stderr
    rows = read_csv(out)
    assert tuple(rows[0]) == SENTENCE_COLUMNS
    assert {r["article_id"] for r in rows} == {p.stem for p in CORPUS_FILES}
    texts = {p.stem: p for p in CORPUS_FILES}
    from framing import load_article

    articles = {stem: load_article(path).text for stem, path in texts.items()}
    for row in rows:  # offsets in the CSV point into each article's text
        text = articles[row["article_id"]]
        assert text[int(row["start"]):int(row["end"])] == row["text"]
        assert row["voice"] in ("author", "attributed", "quoted")
        assert row["label"] in ("opinion", "reporting")
        assert 0.0 <= float(row["opinion_score"]) <= 1.0
        assert isinstance(json.loads(row["loaded_terms"]), list)
    scare = [json.loads(r["loaded_terms"]) for r in rows if "“volunteers”" in r["text"]]
    assert any(t["category"] == "scare_quote" for t in scare[0])


def test_analyze_article_level_and_json(tmp_path):
    out = tmp_path / "articles.csv"
    result = run("analyze", CORPUS / "ukraine_seed.txt", CORPUS / "strike_wire.txt",
                 "--level", "article", "--out", out)
    assert result.returncode == 0, result.stderr
    rows = read_csv(out)
    assert tuple(rows[0]) == ARTICLE_COLUMNS
    assert [r["article_id"] for r in rows] == ["ukraine_seed", "strike_wire"]
    assert rows[0]["body_sentences"] == "42"

    result = run("analyze", CORPUS / "strike_wire.txt", "--format", "json")
    assert result.returncode == 0
    (report,) = json.loads(result.stdout)
    assert report["article"]["id"] == "strike_wire"
    assert report["sentences"] and isinstance(report["sentences"][0]["cues"], list)


def test_analyze_to_stdout_is_csv():
    result = run("analyze", CORPUS / "strike_chaos.txt")
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and rows[0]["article_id"] == "strike_chaos"


def test_analyze_url_on_a_local_host_needs_the_opt_in(web_server, tmp_path):
    out = tmp_path / "page.csv"
    url = f"{web_server}/pages/wire_story.html"
    result = run("analyze", url, "--out", out)
    assert_clean_error(result, f"skipped {url}: refused: 127.0.0.1 is a loopback address")
    assert not out.exists()
    result = run("analyze", url, "--out", out, "--allow-private-hosts")
    assert result.returncode == 0, result.stderr
    assert read_csv(out)[0]["article_id"] == "wire_story"


def test_unreachable_url_with_the_opt_in(closed_port_url):
    result = run("analyze", closed_port_url, "--allow-private-hosts")
    assert_clean_error(result, "could not connect (connection refused)")


def test_compare_refuses_a_local_url(web_server):
    result = run("compare", CORPUS / "strike_wire.txt", f"{web_server}/pages/wire_story.html")
    assert_clean_error(result, "1 article(s) left to compare after 1 failed")
    assert "skipped http://127.0.0.1" in result.stderr
    assert "127.0.0.1 is a loopback address" in result.stderr
    result = run("compare", CORPUS / "strike_wire.txt", f"{web_server}/pages/wire_story.html",
                 "--allow-private-hosts")
    assert result.returncode == 0, result.stderr


@pytest.fixture
def bad_inputs(tmp_path, closed_port_url):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50_000_000)
    homepage = ROOT / "tests" / "data" / "html" / "homepage_no_article.html"
    folder = tmp_path / "no_articles"
    folder.mkdir()
    (folder / "notes.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return {
        "empty": (empty, "the article is empty"),
        "directory": (folder, "no .txt, .md or .html files in this folder"),
        "missing": (tmp_path / "nope.txt", "no such file"),
        "binary": (binary, "PNG image"),
        "huge": (big, "the limit is 10 MB"),
        "no-article": (homepage, "no article found"),
        "local-url": (closed_port_url, "127.0.0.1 is a loopback address"),
    }


@pytest.mark.parametrize(
    "case", ["empty", "directory", "missing", "binary", "huge", "no-article", "local-url"]
)
def test_analyze_bad_input(bad_inputs, case, tmp_path):
    path, message = bad_inputs[case]
    out = tmp_path / "out.csv"
    result = run("analyze", path, "--out", out)
    assert_clean_error(result, message)
    assert not out.exists(), "no output when every input failed"


def test_batch_goes_on_past_bad_items(bad_inputs, tmp_path):
    out = tmp_path / "out.csv"
    good = CORPUS / "strike_wire.txt"
    result = run("analyze", bad_inputs["empty"][0], good, bad_inputs["missing"][0], "--out", out)
    assert result.returncode == 2
    assert result.stderr.count("skipped") == 2 and "Traceback" not in result.stderr
    assert {r["article_id"] for r in read_csv(out)} == {"strike_wire"}
    assert not list(tmp_path.glob(".out.csv.*")), "temporary file left behind"


def test_analyze_reads_the_articles_in_a_folder(tmp_path):
    folder = tmp_path / "press"
    (folder / "2024" / "march").mkdir(parents=True)
    (folder / ".drafts").mkdir()
    shutil.copy(CORPUS / "strike_wire.txt", folder / "strike_wire.txt")
    shutil.copy(CORPUS / "housing_wire.txt", folder / "2024" / "march" / "housing_wire.md")
    shutil.copy(CORPUS / "strike_chaos.txt", folder / ".drafts" / "strike_chaos.txt")
    (folder / "index.csv").write_text("file\nstrike_wire.txt\n", encoding="utf-8")
    (folder / "README.md").write_text("# Press folder\n\nOur March copy.\n", encoding="utf-8")
    out = tmp_path / "articles.csv"
    result = run("analyze", folder, "--level", "article", "--out", out)
    assert result.returncode == 0, result.stderr
    assert [r["article_id"] for r in read_csv(out)] == ["housing_wire", "strike_wire"]


def test_usage_errors_are_one_line():
    result = run("analyze")
    assert_clean_error(result, "no inputs")
    assert len(result.stderr.strip().splitlines()) == 1
    assert_clean_error(run("frobnicate"), "invalid choice")
    assert_clean_error(run("analyze", CORPUS / "strike_wire.txt", "--level", "word"),
                       "invalid choice")


def test_output_folder_must_exist(tmp_path):
    result = run("analyze", CORPUS / "strike_wire.txt", "--out", tmp_path / "no" / "x.csv")
    assert_clean_error(result, "does not exist")


def write_csv(path, rows, header):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


def test_classify_keeps_columns_and_adds_labels(tmp_path):
    source = tmp_path / "in.csv"
    write_csv(source, [
        ["1", "Putin said that NATO is expanding eastward."],
        ["2", "“This plan is reckless,” the senator said."],
        ["3", "Thousands of Russian “volunteers” joined the fighting."],
    ], ["id", "sentence"])
    out = tmp_path / "out.csv"
    result = run("classify", source, "--text-column", "sentence", "--out", out)
    assert result.returncode == 0, result.stderr
    rows = read_csv(out)
    assert list(rows[0]) == ["id", "sentence", "label", "opinion_score", "borderline", "voice",
                             "loaded_terms"]
    assert [r["id"] for r in rows] == ["1", "2", "3"]
    assert [r["voice"] for r in rows] == ["attributed", "quoted", "author"]
    assert [r["label"] for r in rows[:2]] == ["reporting", "reporting"]
    terms = json.loads(rows[2]["loaded_terms"])
    start = rows[2]["sentence"].index("“")
    assert [(t["surface"], t["category"], t["start"], t["end"]) for t in terms
            if t["category"] == "scare_quote"] == [("“volunteers”", "scare_quote", start, start + 12)]


def test_classify_bad_inputs(tmp_path):
    no_column = tmp_path / "cols.csv"
    write_csv(no_column, [["a"]], ["body"])
    assert_clean_error(run("classify", no_column), "no column named 'text'")

    header_only = tmp_path / "header.csv"
    write_csv(header_only, [], ["text"])
    assert_clean_error(run("classify", header_only), "no rows")

    latin = tmp_path / "latin.csv"
    latin.write_bytes("text\nCaf\u00e9 owners said no.\n".encode("latin-1"))
    assert_clean_error(run("classify", latin), "not UTF-8")

    assert_clean_error(run("classify", tmp_path / "missing.csv"), "no such file")


def test_classify_empty_cells_are_reported_and_kept(tmp_path):
    source = tmp_path / "in.csv"
    write_csv(source, [["The plan is a terrible idea."], [""], ["Officials said it works."]], ["text"])
    out = tmp_path / "out.csv"
    result = run("classify", source, "--out", out)
    assert_clean_error(result, "1 row(s) with empty 'text' left unlabeled (line(s) 3)")
    rows = read_csv(out)
    assert [r["label"] for r in rows] == ["opinion", "", "reporting"]


def test_classify_goes_on_past_a_cell_over_the_size_limit(tmp_path):
    """A cell longer than an article may be (2,000,000 characters) is left unlabeled and
    named; the rows after it are classified (it used to end the run: 'field larger than
    field limit')."""
    source = tmp_path / "in.csv"
    write_csv(source, [["The plan is a terrible idea."], ["word " * 420_000],
                       ["Officials said it works."]], ["text"])
    out = tmp_path / "out.csv"
    result = run("classify", source, "--out", out)
    assert_clean_error(result, "1 row(s) with 'text' over the limit of 2,000,000 characters "
                               "left unlabeled (line(s) 3)")
    limit = csv.field_size_limit(10_000_000)
    try:
        rows = read_csv(out)
    finally:
        csv.field_size_limit(limit)
    assert [r["label"] for r in rows] == ["opinion", "", "reporting"]
    assert len(rows[1]["text"]) == 5 * 420_000  # kept as it was


def labeled_rows(n=120):
    from framing.classify import read_labeled, shipped_training_files

    texts, labels = read_labeled(shipped_training_files())
    return [[t, lab] for t, lab in list(zip(texts, labels))[: n * 10: 10]]


def test_train_evaluate_classify_round_trip(tmp_path):
    data = tmp_path / "labels.csv"
    write_csv(data, labeled_rows(), ["sentence", "gold"])
    model = tmp_path / "model.zip"
    result = run("train", "--data", data, "--text-column", "sentence", "--label-column", "gold",
                 "--model", model)
    assert result.returncode == 0, result.stderr
    assert "trained on 120 sentences" in result.stdout and model.exists()

    result = run("evaluate", "--data", data, "--text-column", "sentence", "--label-column",
                 "gold", "--model", model)
    assert result.returncode == 0, result.stderr
    for needle in ("precision", "recall", "macro-F1", "confusion", "TextBlob"):
        assert needle in result.stdout
    assert result.stdout.count("macro-F1") == 2

    source = tmp_path / "in.csv"
    write_csv(source, [["Putin said that NATO is expanding eastward."]], ["text"])
    out = tmp_path / "out.csv"
    result = run("classify", source, "--model", model, "--out", out)
    assert result.returncode == 0, result.stderr
    assert read_csv(out)[0]["label"] == "reporting"


def test_train_and_model_errors(tmp_path):
    bad = tmp_path / "bad.csv"
    write_csv(bad, [["a", "opinion"]] * 5, ["text", "label"])
    assert_clean_error(run("train", "--data", bad, "--model", tmp_path / "m.zip"), "at least 20")
    assert_clean_error(run("train", "--data", tmp_path / "none.csv", "--model", tmp_path / "m"),
                       "no such labeled CSV file")
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(b"garbage")
    assert_clean_error(run("analyze", CORPUS / "strike_wire.txt", "--model", damaged),
                       "retrain it with")
    assert_clean_error(run("train"), "the following arguments are required: --model")


def test_an_output_that_is_an_input_is_refused(tmp_path):
    article = tmp_path / "a.txt"
    shutil.copy(CORPUS / "strike_wire.txt", article)
    before = article.read_bytes()
    assert_clean_error(run("analyze", article, "--out", article), "is also an input")
    labeled = tmp_path / "labels.csv"
    write_csv(labeled, [[f"Item {i} passed.", "reporting"] for i in range(15)]
              + [[f"A shameful plan {i}.", "opinion"] for i in range(15)], ["text", "label"])
    assert_clean_error(run("train", "--data", labeled, "--model", labeled), "is also an input")
    assert_clean_error(run("classify", labeled, "--out", labeled), "is also an input")
    assert article.read_bytes() == before and labeled.read_text().startswith("text,label")
    # nor a file read besides the articles: a lexicon, the list of inputs, a model
    lexicon = tmp_path / "mine.csv"
    lexicon.write_text("term,category,explanation,alternative\nblorp,loaded,silly,said\n")
    listed = tmp_path / "list.txt"
    listed.write_text(f"{article}\n")
    for command in (("analyze", article, "--lexicon", lexicon, "--out", lexicon),
                    ("analyze", "--files-from", listed, "--out", listed),
                    ("classify", labeled, "--lexicon", lexicon, "--out", lexicon),
                    ("train", "--data", labeled, "--lexicon", lexicon, "--model", lexicon)):
        assert_clean_error(run(*command), "is also an input")
    assert lexicon.read_text().startswith("term,category") and listed.read_text() == \
        f"{article}\n"
    lexicon = lexicon.rename(tmp_path / "mine.json")  # (compare writes a .json --out)
    assert_clean_error(run("compare", article, article, "--lexicon", lexicon, "--out", lexicon),
                       "is also an input")
    assert lexicon.read_text().startswith("term,category")
    # nor a table one of whose rows is an input ("news.csv#row=1" reads news.csv)
    table = tmp_path / "news.csv"
    write_csv(table, [["A", "The council met on Monday. It voted to close the pool."]],
              ["title", "text"])
    listing = tmp_path / "news.json"
    listing.write_text('[{"title": "A", "text": "The council met. It voted to close it."}]')
    kept = table.read_bytes(), listing.read_bytes()
    assert_clean_error(run("analyze", f"{table}#row=1", "--out", table), "is also an input")
    assert_clean_error(run("compare", f"{listing}#row=1", article, "--out", listing),
                       "is also an input")
    assert (table.read_bytes(), listing.read_bytes()) == kept
    # ... nor a file a folder --out of compare writes (compare_gaps.csv of an earlier run)
    gaps = tmp_path / "compare_gaps.csv"
    write_csv(gaps, [["A", "The council met on Monday. It voted to close the pool."]],
              ["title", "text"])
    kept = gaps.read_bytes()
    assert_clean_error(run("compare", f"{gaps}#row=1", article, "--out", tmp_path),
                       "is also an input")
    assert gaps.read_bytes() == kept


def test_output_names_and_formats(tmp_path):
    source = CORPUS / "strike_wire.txt"
    for name in ("rows.csv.gz", "rows.json.zip", "rows.xz"):  # (were written plain)
        assert_clean_error(run("analyze", source, "--out", tmp_path / name),
                           f"--out writes plain text, not a {name[name.rindex('.'):]} file")
        assert not (tmp_path / name).exists()
    assert_clean_error(run("classify", CORPUS / "strike_wire.txt", "--out", tmp_path / "c.gz"),
                       "compress it afterwards (gzip ")
    assert_clean_error(run("analyze", source, "--out", tmp_path / "rows.parquet"),
                       "writes .csv or .json, not .parquet")
    assert_clean_error(run("analyze", source, "--format", "json", "--out", tmp_path / "r.csv"),
                       "would write JSON into a .csv file")
    for jobs, message in (("1000000", "to 64, not 1000000"), ("-1", "not -1"),
                          ("x", "a number is needed")):
        assert_clean_error(run("analyze", source, "--jobs", jobs), message)
    blocker = tmp_path / "file"  # a file where the output's folder should be
    blocker.write_text("x")
    assert_clean_error(run("analyze", source, "--out", blocker / "out.csv"), "cannot write")
    assert_clean_error(run("compare", source, CORPUS / "strike_chaos.txt", "--out",
                           blocker / "cmp"), "cannot make the folder")


def test_an_existing_output_keeps_its_mode_and_a_link_its_target(tmp_path):
    import os
    import stat

    source = CORPUS / "strike_wire.txt"
    kept = tmp_path / "kept.csv"
    kept.write_text("old")
    kept.chmod(0o644)
    assert run("analyze", source, "--out", kept).returncode == 0
    assert stat.S_IMODE(kept.stat().st_mode) == 0o644 and kept.read_text() != "old"
    target, link = tmp_path / "target.csv", tmp_path / "link.csv"
    target.write_text("old")
    link.symlink_to(target)
    assert run("analyze", source, "--level", "article", "--out", link).returncode == 0
    assert link.is_symlink() and read_csv(target)[0]["article_id"] == "strike_wire"
    fifo = tmp_path / "rows.csv"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE, text=True)
    assert run("analyze", source, "--level", "article", "--out", fifo).returncode == 0
    assert "strike_wire" in reader.communicate(timeout=60)[0]
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # written to, not replaced by a file


def test_a_full_standard_output_is_one_line():
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "framing", "analyze",
                                 str(CORPUS / "strike_wire.txt")], stdout=full,
                                stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=120)
    assert_clean_error(result, "cannot write (No space left on device)")
    assert "Exception ignored" not in result.stderr


def test_nothing_on_standard_output_when_every_input_fails(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    for fmt in ("csv", "json"):
        result = run("analyze", "--format", fmt, empty)
        assert result.returncode == 2 and result.stdout == ""


def test_a_closed_standard_output_is_a_one_line_error(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("The mayor said the plan was fair.\n")
    command = [sys.executable, "-m", "framing", "analyze", str(article)]

    def closed(*more):  # started as "… >&-" would start it
        return subprocess.run([*command, *more], capture_output=False, stderr=subprocess.PIPE,
                              text=True, cwd=ROOT, timeout=120, preexec_fn=lambda: os.close(1))

    result = closed()
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == ("framing: error: cannot write (standard output is "
                                     "closed; give --out FILE)")
    out = tmp_path / "out.csv"
    assert closed("--out", str(out)).returncode == 0 and out.stat().st_size > 0


def test_classify_refuses_a_header_with_a_name_twice_and_ragged_rows(tmp_path):
    twice = tmp_path / "twice.csv"
    twice.write_text("text,text\nThe council met.,The vote passed.\n")
    assert_clean_error(run("classify", twice), "columns named twice in the header: 'text'")
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("id,text\n1,The mayor spoke.\n2,The mayor, who spoke, left.\n")
    assert_clean_error(run("classify", ragged), "line 3: 2 more field(s)")
    lines = tmp_path / "rows.jsonl"
    lines.write_text('{"text": "The mayor spoke."}\n')
    assert_clean_error(run("classify", lines), "rows.jsonl: classify reads a plain CSV file")
    assert_clean_error(run("analyze", lines, "--out", ""), "--out is empty; give a file name")
    unclosed = tmp_path / "unclosed.csv"
    unclosed.write_text('id,text\n1,The mayor spoke.\n2,"The mayor left.\n3,The end.\n')
    assert_clean_error(run("classify", unclosed), "line 3: a quotation mark opens a cell and "
                       "is never closed")
    big = tmp_path / "big.csv"
    big.write_text("text\n" + "word " * 40_000 + "\n")  # a cell of 200,000 characters
    assert run("classify", big).returncode == 0


def test_train_and_evaluate_refuse_a_header_with_a_name_twice(tmp_path):
    """Two 'label' columns (the second inverted) or two 'text' columns: the last of the name
    was read silently, and the model trained on it inverted or on junk."""
    rows = labeled_rows()
    inverted = {"opinion": "reporting", "reporting": "opinion"}
    labels = tmp_path / "labels.csv"
    write_csv(labels, [[t, lab, inverted[lab]] for t, lab in rows], ["text", "label", "label"])
    texts = tmp_path / "texts.csv"
    write_csv(texts, [[t, lab, "nonsense"] for t, lab in rows], ["text", "label", "text"])
    model = tmp_path / "m.zip"
    for data, name in ((labels, "label"), (texts, "text")):
        message = f"{data}: columns named twice in the header: {name!r}; rename them"
        assert_clean_error(run("train", "--data", data, "--model", model), message)
        assert_clean_error(run("evaluate", "--data", data), message)
    assert not model.exists()


def test_train_and_evaluate_read_a_cell_longer_than_the_csv_field_limit(tmp_path):
    """A cell of 200,000 characters refused the whole file ('field larger than field limit
    (131072)', no line), while classify read it."""
    data = tmp_path / "big.csv"
    write_csv(data, labeled_rows() + [["word " * 40_000, "opinion"]], ["text", "label"])
    model = tmp_path / "m.zip"
    result = run("train", "--data", data, "--model", model)
    assert result.returncode == 0, result.stderr
    assert "trained on 121 sentences" in result.stdout and model.exists()
    result = run("evaluate", "--data", data, "--model", model)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("121 labeled sentences")


def test_train_and_evaluate_read_a_file_named_twice_once(tmp_path):
    """'--data a.csv ./a.csv' (or a link to it) read every sentence twice: 240 from 120, and
    each in a training fold and a held-out one, which moved the threshold."""
    data = tmp_path / "a.csv"
    write_csv(data, labeled_rows(), ["text", "label"])
    link = tmp_path / "link.csv"
    link.symlink_to(data)
    once, twice = tmp_path / "once.zip", tmp_path / "twice.zip"
    assert run("train", "--data", data, "--model", once).returncode == 0
    result = run("train", "--data", data, f"{tmp_path}/./a.csv", link, "--model", twice)
    assert result.returncode == 0, result.stderr
    assert "trained on 120 sentences" in result.stdout
    assert f"framing: {tmp_path}/./a.csv: named twice; read once" in result.stderr
    assert f"framing: {link}: named twice; read once" in result.stderr
    assert twice.read_bytes() == once.read_bytes()  # the same model
    result = run("evaluate", "--data", data, "--data", link, "--model", once)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("120 labeled sentences")
    assert f"framing: {link}: named twice; read once" in result.stderr


def test_train_replaces_a_model_file_and_no_other_file(tmp_path):
    """'train --model my_article.txt' made the article a zip archive."""
    import zipfile

    data = tmp_path / "labels.csv"
    write_csv(data, labeled_rows(), ["text", "label"])
    article = tmp_path / "my_article.txt"
    shutil.copy(CORPUS / "strike_wire.txt", article)
    foreign = tmp_path / "photos.zip"
    with zipfile.ZipFile(foreign, "w") as archive:
        archive.writestr("notes.txt", "something else")
    for path in (article, foreign):
        before = path.read_bytes()
        assert_clean_error(run("train", "--data", data, "--model", path),
                           f"{path}: exists and is not a framing model file; train would "
                           "replace it, give another --model")
        assert path.read_bytes() == before
    model = tmp_path / "m.zip"
    model.write_bytes(b"")  # (an empty file holds nothing to lose)
    assert run("train", "--data", data, "--model", model).returncode == 0
    trained = model.read_bytes()
    with zipfile.ZipFile(model, "w") as archive:  # a model file, damaged: retraining mends it
        archive.writestr("model.json", json.dumps({"format": "framing-model"}))
    result = run("train", "--data", data, "--model", model)
    assert result.returncode == 0, result.stderr
    assert model.read_bytes() == trained


def test_compare_reads_a_folder(tmp_path):
    for name in ("strike_wire", "strike_chaos"):
        shutil.copy(CORPUS / f"{name}.txt", tmp_path)
    result = run("compare", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("A: ") and "\nB: " in result.stdout


def test_compare_gives_each_article_s_warnings_as_analyze_does(tmp_path):
    """A file read as Windows-1252 was said so by analyze, and by compare neither on screen
    nor in comparison.json."""
    chaos = tmp_path / "chaos.txt"
    text = (CORPUS / "strike_chaos.txt").read_text(encoding="utf-8")
    chaos.write_bytes(text.replace("Union", "Unión").encode("cp1252", errors="replace"))
    result = run("compare", CORPUS / "strike_wire.txt", chaos, "--out", tmp_path / "o")
    assert result.returncode == 0, result.stderr
    warning = "not UTF-8: read as Windows-1252; check accented letters and quote marks"
    assert f"framing: warning: {chaos}: {warning}" in result.stderr.splitlines()
    data = json.loads((tmp_path / "o" / "comparison.json").read_text(encoding="utf-8"))
    assert data["articles"]["A"]["warnings"] == []
    assert data["articles"]["B"]["warnings"] == [warning]


def test_compare_leaves_out_an_empty_folder_an_article_without_body_and_a_repeat(tmp_path):
    """Among three inputs with two good ones, an empty folder, a page of links or a file named
    twice stopped the whole comparison instead of being left out."""
    for name in ("strike_wire", "strike_chaos"):
        shutil.copy(CORPUS / f"{name}.txt", tmp_path)
    wire, chaos = tmp_path / "strike_wire.txt", tmp_path / "strike_chaos.txt"
    (tmp_path / "empty_dir").mkdir()
    links = tmp_path / "linkonly.txt"
    links.write_text("Read more: https://x.org\n\nAdvertisement\n", encoding="utf-8")
    compared = ["A: Transit workers walk out over pay", "B: Union chaos strands commuters", ""]

    def titles(result):  # the first lines, the articles compared, less their outlets
        return [line.split(" (")[0] for line in result.stdout.splitlines()[:3]]

    for bad, why in ((tmp_path / "empty_dir", "no .txt, .md or .html files in this folder"),
                     (links, "no body text to analyze: the article has only link lines")):
        result = run("compare", wire, bad, chaos)
        assert_clean_error(result, "1 of 3 article(s) failed; compared the other 2")
        assert f"framing: skipped {bad}: {why}" in result.stderr.splitlines()
        assert titles(result) == compared
        # with one good article left: one line, too few to compare
        assert_clean_error(run("compare", bad, wire),
                           "1 article(s) left to compare after 1 failed; compare two to four")
    # a file named twice (under another name too) is compared once, and said so
    again = f"{tmp_path}/empty_dir/../strike_wire.txt"
    result = run("compare", wire, chaos, again)
    assert result.returncode == 0, result.stderr
    assert (f"framing: warning: {again}: the same text as {wire}; compared once"
            in result.stderr.splitlines())
    assert titles(result) == compared
    # two inputs, one article: still refused
    assert_clean_error(run("compare", wire, again), "are identical; there is nothing to compare")


def test_compare_gives_two_files_of_one_name_two_ids_and_names_each_source(tmp_path):
    """x/story.txt and y/story.txt were both "story" in comparison.json, which named no
    file: A and B could not be told apart."""
    for folder, name in (("x", "strike_wire"), ("y", "strike_chaos")):
        (tmp_path / folder).mkdir()
        shutil.copy(CORPUS / f"{name}.txt", tmp_path / folder / "story.txt")
    first, second = tmp_path / "x" / "story.txt", tmp_path / "y" / "story.txt"
    out = tmp_path / "o"
    result = run("compare", first, second, "--out", out)
    assert result.returncode == 0, result.stderr
    assert (f"framing: warning: {second}: its id 'story' is an earlier article's; written as "
            "'story-2' (source tells them apart)") in result.stderr.splitlines()
    articles = json.loads((out / "comparison.json").read_text(encoding="utf-8"))["articles"]
    assert [(a["id"], a["source"]) for a in articles.values()] == [
        ("story", str(first)), ("story-2", str(second))]
    assert [(r["article"], r["article_id"]) for r in read_csv(out / "compare_headlines.csv")
            ] == [("A", "story"), ("B", "story-2")]


def test_classify_keeps_a_column_of_the_name_it_adds(tmp_path):
    source = tmp_path / "gold.csv"
    write_csv(source, [["It is time the council acted.", "opinion", "x"],
                       ["The council met on Tuesday.", "reporting", "y"]],
              ["text", "label", "voice"])
    out = tmp_path / "out.csv"
    result = run("classify", source, "--out", out)
    assert_clean_error(result, "already has the column(s) label, voice, which classify adds; "
                               "give --prefix")
    assert not out.exists()
    result = run("classify", source, "--prefix", "predicted_", "--out", out)
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"framing: wrote 2 row(s) to {out}\n"
    rows = read_csv(out)
    assert list(rows[0]) == ["text", "label", "voice", "predicted_label",
                             "predicted_opinion_score", "predicted_borderline",
                             "predicted_voice", "predicted_loaded_terms"]
    assert [(r["label"], r["voice"]) for r in rows] == [("opinion", "x"), ("reporting", "y")]
    assert [r["predicted_label"] for r in rows] == ["opinion", "reporting"]


def test_an_unknown_option_points_to_its_command_help():
    result = run("analyze", "--levle", "article", CORPUS / "strike_wire.txt")
    assert_clean_error(result, "unrecognized arguments: --levle (see python -m framing "
                               "analyze --help)")


def test_train_and_evaluate_take_several_files_after_one_data_option(tmp_path):
    rows = labeled_rows()
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    write_csv(first, rows[:60], ["text", "label"])
    write_csv(second, rows[60:], ["text", "label"])
    model = tmp_path / "m.zip"
    result = run("train", "--data", first, second, "--model", model)
    assert result.returncode == 0, result.stderr
    assert "trained on 120 sentences" in result.stdout
    result = run("evaluate", "--data", first, "--data", second, "--model", model)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("120 labeled sentences")


def test_training_data_given_as_a_folder_or_as_the_model_is_refused(tmp_path):
    data = tmp_path / "labels.csv"
    write_csv(data, labeled_rows(), ["text", "label"])
    assert_clean_error(run("evaluate", "--data", tmp_path),
                       f"{tmp_path}: is a folder; give the labeled CSV files in it")
    assert_clean_error(run("train", "--data", data, "--model", data),
                       "is also an input; writing it would destroy the input, give another "
                       "--model")
    assert len(read_csv(data)) == 120


def test_a_column_named_in_another_case_is_suggested(tmp_path):
    source = tmp_path / "in.csv"
    write_csv(source, [["It is time the council acted."]], ["sentence"])
    assert_clean_error(run("classify", source, "--text-column", "Sentence"),
                       "no column named 'Sentence'; the columns are sentence (did you mean "
                       "'sentence'? Names are read as written)")


# --------------------------------------------------------------------------- the terminal

ESCAPES = "Budget \x1b[31mrow\x1b]0;pwned\x07 \u202eevil"  # colour, window title, bell, RTL


def test_titles_and_names_reach_the_terminal_without_control_characters(tmp_path):
    """A page's title or outlet, or a file's name, printed by compare, analyze or the corpus
    commands cannot send the terminal escape sequences or break a message into lines."""
    from framing.errors import printable

    first, second = tmp_path / "a\nb.txt", tmp_path / "c.txt"
    first.write_text(f"title: {ESCAPES}\noutlet: Out\x1b[2Jlet\n---\nThe council approved "
                     "the budget on Monday, officials said.\n", encoding="utf-8")
    second.write_text("title: Another\n---\nThe council rammed through a reckless budget, and "
                      "nobody should believe the mayor.\n", encoding="utf-8")
    compared = run("compare", first, second)
    assert compared.returncode == 0, compared.stderr
    assert compared.stdout.splitlines()[0] == f"A: {printable(ESCAPES)} (Out\\x1b[2Jlet)"
    out = tmp_path / "o\nut.csv"
    analyzed = run("analyze", first, tmp_path / "missing\x1b[2J.txt", "--level", "article",
                   "--out", out)
    assert analyzed.returncode == 2
    assert analyzed.stderr.splitlines() == [
        f"framing: skipped {tmp_path}/missing\\x1b[2J.txt: no such file",
        f"framing: wrote 1 row(s) from 1 article(s) to {tmp_path}/o\\nut.csv",
        "framing: error: 1 of 2 input(s) failed"]
    db = tmp_path / "s.duckdb"
    assert run("corpus", "add", db, first).returncode == 0
    for command in (["query", db, "SELECT title, outlet FROM articles"], ["info", db]):
        printed = run("corpus", *command)
        assert printed.returncode == 0, printed.stderr
        assert "\x1b" not in printed.stdout and "\x07" not in printed.stdout
        assert "\u202e" not in printed.stdout and "Out\\x1b[2Jlet" in printed.stdout
    # the exported file keeps the text as it is
    assert "\x1b[31m" in read_csv(out)[0]["title"]


@pytest.mark.parametrize(("text", "shown"), [
    ("a\nb", "a\\nb"), ("\x1b[2J", "\\x1b[2J"), ("\x07\x7f\x9b", "\\x07\\x7f\\x9b"),
    ("\u202eevil\u2066", "\\u202eevil\\u2066"), ("tab\there", "tab\\there"),
    ("Ünïcödé “quotes” — 日本", "Ünïcödé “quotes” — 日本"), ("", ""),
])
def test_printable(text, shown):
    from framing.errors import printable

    assert printable(text) == shown


STORY = ("Council raises parking fees\n\nMILLBROOK \u2014 The council voted 5-2 on Tuesday to "
         "raise parking fees, a reckless decision.\n\nMayor Lorna Feeney admitted that the "
         "increase would bring in $340,000 a year.\n")


def test_analyze_reads_an_article_from_standard_input():
    result = run("analyze", "-", stdin=STORY)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {row["article_id"] for row in rows} == {rows[0]["article_id"]}
    assert rows[0]["article_id"].startswith("text-")  # a text without a name, as in Python
    assert any("reckless" in row["loaded_terms"] for row in rows)


def test_standard_input_among_files_keeps_its_place_and_is_read_once(tmp_path):
    result = run("analyze", "--level", "article", CORPUS / "strike_wire.txt", "-",
                 "--jobs", "2", stdin=STORY)
    assert result.returncode == 0, result.stderr
    ids = [row["article_id"] for row in csv.DictReader(io.StringIO(result.stdout))]
    assert ids[0] == "strike_wire" and ids[1].startswith("text-") and len(ids) == 2
    assert_clean_error(run("analyze", "-", "-", stdin=STORY), "standard input")
    assert_clean_error(run("analyze", "-", stdin=""), "skipped -: ")


def test_compare_reads_one_article_from_standard_input():
    result = run("compare", "-", CORPUS / "strike_wire.txt", stdin=STORY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("A: standard input\nB: Transit workers walk out")
    assert_clean_error(run("compare", "-", "-", stdin=STORY), "standard input")
    # an empty standard input is one failed article: named, and too few left to compare
    empty = run("compare", "-", CORPUS / "strike_wire.txt", stdin="")
    assert empty.returncode == 2 and "skipped -: " in empty.stderr
    assert "1 article(s) left to compare after 1 failed" in empty.stderr


def test_compare_goes_on_past_an_article_on_standard_input_it_cannot_analyze():
    # as past a file it cannot: the other articles are compared and the run says so
    spanish = ("La biblioteca del barrio abrirá de nuevo sus puertas el lunes, después de unas "
               "obras que duraron casi un año. Los vecinos dijeron que las salas son más "
               "luminosas y que por fin hay sitio para los niños y los grupos de lectura. ") * 3
    result = run("compare", "-", CORPUS / "strike_wire.txt", CORPUS / "strike_chaos.txt",
                 stdin=spanish)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "framing: skipped -: the text is not English" in result.stderr
    assert "1 of 3 article(s) failed; compared the other 2" in result.stderr
    assert result.stdout.startswith("A: Transit workers walk out")


def test_the_list_of_files_can_come_on_standard_input():
    listing = f"{CORPUS / 'strike_wire.txt'}\n# a comment\n\n{CORPUS / 'strike_chaos.txt'}\n"
    result = run("analyze", "--level", "article", "--files-from", "-", stdin=listing)
    assert result.returncode == 0, result.stderr
    ids = [row["article_id"] for row in csv.DictReader(io.StringIO(result.stdout))]
    assert ids == ["strike_wire", "strike_chaos"]
    assert_clean_error(run("analyze", "-", "--files-from", "-", stdin=listing),
                       "standard input can be read once")


def test_out_dash_is_standard_output(tmp_path):
    # run where a file named "-" would be made, with the package still importable
    env = {**os.environ, "PYTHONPATH": str(ROOT)}

    def run_here(*args):
        return subprocess.run([sys.executable, "-m", "framing", *map(str, args)], env=env,
                              capture_output=True, text=True, cwd=tmp_path, timeout=120)

    result = run_here("analyze", CORPUS / "strike_wire.txt", "--out", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("article_id,") and result.stderr == ""
    table = tmp_path / "in.csv"
    write_csv(table, [{"text": "The council met on Tuesday."}], ["text"])
    result = run_here("classify", table, "--out", "-")
    assert result.returncode == 0 and result.stdout.startswith("text,label"), result.stderr
    result = run_here("compare", CORPUS / "strike_wire.txt", CORPUS / "strike_chaos.txt",
                      "--out", "-")
    assert_clean_error(result, "--out -: compare prints its summary on standard output")
    assert not (tmp_path / "-").exists()


CLEAN_STORY = ("Council raises parking fees\n\nMILLBROOK \u2014 The council voted 5-2 on Tuesday "
               "to raise parking fees.\n\nMayor Lorna Feeney said the increase would bring in "
               "$340,000 a year.\n")


@pytest.mark.parametrize("level", ["sentence", "article"])
def test_fail_on_exits_1_and_names_each_article_that_meets_a_condition(tmp_path, level):
    loaded, clean = tmp_path / "loaded.txt", tmp_path / "clean.txt"
    loaded.write_text(STORY)
    clean.write_text(CLEAN_STORY)
    result = run("analyze", loaded, clean, "--level", level, "--jobs", "2",
                 "--fail-on", "author_loaded_per_1k > 5", "--fail-on", "opinion_sentences>=1")
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"framing: fails: {loaded}: author_loaded_per_1k is ")
    assert lines[0].endswith("(author_loaded_per_1k > 5)")
    assert lines[-1] == "framing: 1 of 2 article(s) met a --fail-on condition"
    assert len(lines) == 2 and str(clean) not in result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))  # the rows are written all the same
    assert {row["article_id"] for row in rows} == {"loaded", "clean"}
    passed = run("analyze", clean, "--level", level, "--fail-on", "author_loaded_per_1k > 5")
    assert passed.returncode == 0 and passed.stderr == ""


def test_fail_on_with_a_bad_input_exits_2_and_from_stdin(tmp_path):
    result = run("analyze", "-", tmp_path / "missing.txt", "--fail-on", "framing_score > 10",
                 stdin=STORY)
    assert_clean_error(result, "skipped")
    assert "framing: fails: -: framing_score is" in result.stderr
    assert run("analyze", "-", "--fail-on", "headline_flag == true",
               stdin=CLEAN_STORY).returncode == 0


@pytest.mark.parametrize("condition, message", [
    ("author_loaded > 5", "'author_loaded' is not a number column of --level article"),
    ("title > 5", "'title' is not a number column"),
    ("author_loaded_per_1k >> 5", "is not a condition"),
    ("author_loaded_per_1k > five", "'five' in 'author_loaded_per_1k > five' is not a number"),
    ("author_loaded_per_1k > nan", "is not a number"),
])
def test_fail_on_refuses_a_condition_it_cannot_check(condition, message):
    assert_clean_error(run("analyze", CORPUS / "strike_wire.txt", "--fail-on", condition),
                       message)


def test_article_ids_are_unique_in_one_output_and_an_input_named_twice_is_read_once(tmp_path):
    """Three story.txt in three folders were all "story" (rows of three articles under one
    id), and a file named twice was analyzed and counted twice."""
    folder = tmp_path / "in"
    for sub, name in (("", "strike_wire.txt"), ("a", "housing_wire.txt"),
                      ("b", "ukraine_wire.txt")):
        (folder / sub).mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / name, folder / sub / "story.txt")
    shutil.copy(CORPUS / "strike_chaos.txt", folder / "story-2.txt")  # (an id taken already)
    out = tmp_path / "rows.csv"
    result = run("analyze", folder, folder / "story.txt", f"{folder}/a/../story.txt",
                 "--level", "article", "--jobs", "1", "--out", out)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["article_id"], os.path.relpath(r["source_path"], folder)) for r in rows] == [
        ("story", "a/story.txt"), ("story-2", "b/story.txt"), ("story-2-2", "story-2.txt"),
        ("story-3", "story.txt")]
    err = result.stderr.splitlines()
    assert f"framing: {folder / 'story.txt'}: named twice; analyzed once" in err
    assert f"framing: {folder}/a/../story.txt: named twice; analyzed once" in err
    assert (f"framing: warning: {folder / 'b' / 'story.txt'}: its id 'story' is an earlier "
            "article's; written as 'story-2' (source_path tells them apart)") in err
    # a JSON report carries the same ids
    result = run("analyze", folder, "--format", "json", "--jobs", "1")
    assert [r["article"]["id"] for r in json.loads(result.stdout)] == [
        "story", "story-2", "story-2-2", "story-3"]


def test_inputs_written_after_an_option_are_inputs_too(tmp_path):
    """"analyze a.txt --level article b.txt" said "unrecognized arguments: b.txt", which
    read as a bad file."""
    from framing.cli import main

    out = tmp_path / "rows.csv"
    assert main(["analyze", str(CORPUS / "strike_wire.txt"), "--level", "article",
                 str(CORPUS / "housing_wire.txt"), "--jobs", "1", "--out", str(out)]) == 0
    assert [r["article_id"] for r in csv.DictReader(out.open(encoding="utf-8"))] == [
        "strike_wire", "housing_wire"]
    db = tmp_path / "s.duckdb"
    assert main(["corpus", "add", str(db), "--text-column", "text",
                 str(CORPUS / "strike_wire.txt")]) == 0
    with pytest.raises(SystemExit):  # (an unknown option is still one)
        main(["corpus", "add", str(db), "--bogus", str(CORPUS / "strike_wire.txt")])
    assert_clean_error(run("analyze", CORPUS / "strike_wire.txt", "--bogus"),
                       "unrecognized arguments: --bogus")
