"""The README documents what the code exposes: commands, export columns, lexicon categories."""

from __future__ import annotations

import re

import pytest
from conftest import CORPUS, ROOT

from framing import load_article
from framing.cli import build_parser
from framing.export import ARTICLE_COLUMNS, SENTENCE_COLUMNS
from framing.lexicon import load_lexicon

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_setup_commands():
    block = re.search(r"```bash\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert block == [
        "pip install -r requirements.txt && streamlit run app.py",
        "pip install -r requirements-dev.txt && python -m pytest",
    ]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet -r requirements.txt" in ci
    assert "pip install --quiet -r requirements-dev.txt" in ci
    assert ci.rstrip().endswith("python -m pytest")


def commands():
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)


@pytest.mark.parametrize("command", commands())
def test_every_command_is_documented(command):
    assert f"`{command} " in README or f"framing {command}" in README


@pytest.mark.parametrize("column", SENTENCE_COLUMNS + ARTICLE_COLUMNS)
def test_every_export_column_is_documented(column):
    assert f"`{column}`" in README


@pytest.mark.parametrize("category", sorted(load_lexicon().categories() | {"scare_quote"}))
def test_every_lexicon_category_is_documented(category):
    assert f"| `{category}` |" in README


def test_the_sentence_columns_table_names_every_kind():
    from framing.report import KINDS

    row = next(line for line in README.splitlines() if line.startswith("| `kind` |"))
    assert sorted(re.findall(r"`(\w+)`", row.split("|")[2])) == sorted(KINDS)


def test_link_lines_are_documented_with_the_kind_they_get(analyzer):
    report = analyzer.analyze("The council voted on Tuesday to approve the new budget.\n\n"
                              "Read more: Council budget fight drags on\n\n"
                              "The mayor said the plan would be paid from reserves.")
    kind = report.scores[1].sentence.kind
    assert f"kept but marked as not body text (kind `{kind}`)" in README


@pytest.mark.parametrize("where, name", [("framing.corpus.add", "AddSummary"),
                                         ("framing.corpus.run", "RunSummary"),
                                         ("framing.corpus.stories", "StoriesSummary")])
def test_the_corpus_results_fields_are_documented(where, name):
    import dataclasses
    import importlib

    result = getattr(importlib.import_module(where), name)
    at = README.index(f"`{name}`")
    listed = README[at:at + 400]
    for field in dataclasses.fields(result):
        assert f"`{field.name}`" in listed, (name, field.name)


def test_requirements_are_lower_bounded():
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            assert ">=" in line and "==" not in line, line


def test_the_framing_scores_quoted_for_the_example_articles_are_true(analyzer):
    quoted = re.search(r"the neutral strike report scores (\d+), the neutral\s+Ukraine wire "
                       r"(\d+), the workers' feature (\d+), the brief's article (\d+), the "
                       r"Moscow-leaning commentary\s+(\d+) and the anti-union tabloid piece "
                       r"(\d+)\.", README)
    assert quoted, "the sentence quoting the example scores changed: update this test"
    names = ["strike_wire", "ukraine_wire", "strike_workers", "ukraine_seed",
             "ukraine_commentary", "strike_chaos"]
    for name, shown in zip(names, quoted.groups()):
        report = analyzer.analyze(load_article(ROOT / "corpus" / "articles" / f"{name}.txt"))
        assert round(report.metrics.framing_score) == int(shown), name


def python_examples() -> list[str]:
    """The README's Python code: the "Python API" section's blocks, then the Corpus one."""
    api = README[README.index("## Python API"):README.index("## Input formats and limits")]
    corpus = README[README.index("From Python (in the repository folder"):]
    return (re.findall(r"```python\n(.*?)```", api, re.S)
            + re.findall(r"```python\n(.*?)```", corpus, re.S)[:1])


@pytest.mark.slow
def test_the_readme_python_examples_run_and_print_what_the_text_says(tmp_path, monkeypatch,
                                                                      capsys):
    from framing.export import ARTICLE_COLUMNS, SENTENCE_COLUMNS

    (tmp_path / "corpus").symlink_to(ROOT / "corpus")  # "from the repository folder"
    monkeypatch.chdir(tmp_path)
    blocks = python_examples()
    assert len(blocks) == 4
    names: dict = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), names)
        # A line "expression  # 'value'" says what the expression gives.
        for expression, shown in re.findall(r"^(\S[^#\n]*?)\s+# ('\w+')$", block, re.M):
            assert repr(eval(expression, names)) == shown, expression
    out = capsys.readouterr().out
    assert "attributed Putin reporting He said that NATO and the U.S." in out
    reports = names["reports"]
    assert [r.article.id for r in reports[:2]] == ["housing_oped", "housing_wire"]
    assert list(names["articles"].columns) == list(ARTICLE_COLUMNS)
    assert len(names["articles"]) == len(reports) == len(list(CORPUS.glob("*.txt")))
    assert list(names["sentences"].columns) == list(SENTENCE_COLUMNS)
    assert len(names["sentences"]) == sum(len(r.scores) for r in reports)
    assert names["comparison"].summary[0].text in out
    assert {"difference_low", "difference_high", "clear"} <= set(names["metrics"].columns)
    assert names["summary"].analyzed == len(names["corpus"].sql("SELECT id FROM articles"))
    assert "framing score" in out and "StoriesSummary(" in out
    assert f"scores=<{len(names['report'].scores)} SentenceScore>" in README


def test_pip_install_of_the_package_installs_the_requirements():
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "dependencies" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["dependencies"] == {
        "file": ["requirements.txt"]}
