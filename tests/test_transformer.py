"""The optional transformer backend: clear errors without it everywhere; with torch installed
(pip install -r requirements-embeddings.txt), training, determinism, files and the CLI."""

from __future__ import annotations

import csv
import subprocess
import sys

import numpy as np
import pytest
from conftest import ROOT

from framing import Analyzer
from framing import transformer as backend
from framing.classify import (
    ModelBundle,
    load_model,
    read_labeled,
    save_model,
    shipped_training_files,
)
from framing.errors import ModelError

HAVE_BACKEND = backend.missing() is None
needs_backend = pytest.mark.skipif(not HAVE_BACKEND, reason=str(backend.missing()))


@pytest.fixture
def without_backend(monkeypatch):
    monkeypatch.setattr(backend, "REQUIRED", (*backend.REQUIRED, "framing_no_such_module"))


def test_unknown_backend_is_refused():
    with pytest.raises(ModelError, match="unknown backend 'bert'; choose one of lexical, "):
        Analyzer(backend="bert")


def test_missing_backend_says_how_to_install(without_backend):
    with pytest.raises(ModelError, match="pip install -r requirements-embeddings.txt"):
        Analyzer(backend="transformer")


def test_model_file_with_backend_needs_it(without_backend, analyzer, tmp_path):
    path = tmp_path / "model.zip"
    settings = {name: getattr(backend.TransformerOpinion(), name) for name in backend.SETTINGS}
    save_model(ModelBundle(analyzer.model, analyzer.bundle.feature_version,
                           analyzer.bundle.sklearn_version, "test",
                           transformer=backend.TransformerOpinion.from_data(settings, b"w")),
               path)
    with pytest.raises(ModelError, match="model.zip: this model uses the transformer backend"):
        load_model(path)


def test_untrained_backend_is_not_saved(analyzer, tmp_path):
    with pytest.raises(ModelError, match="has not been trained"):
        save_model(ModelBundle(analyzer.model, analyzer.bundle.feature_version,
                               analyzer.bundle.sklearn_version, "test",
                               transformer=backend.TransformerOpinion()), tmp_path / "m.zip")
    assert not (tmp_path / "m.zip").exists()


@pytest.mark.parametrize("settings", [{"epochs": "3"}, {"epochs": 0}, {"learning_rate": -1},
                                      {"max_length": True}, {"random_state": -2}])
def test_backend_settings_in_a_model_file_are_checked(settings):
    good = {name: getattr(backend.TransformerOpinion(), name) for name in backend.SETTINGS}
    with pytest.raises(ValueError, match="transformer setting"):
        backend.TransformerOpinion.from_data({**good, **settings}, b"w")


def test_lexical_model_file_refused_for_transformer_backend(analyzer, tmp_path, monkeypatch):
    monkeypatch.setattr(backend, "missing", lambda: None)
    with pytest.raises(ModelError, match="trained without the transformer backend"):
        Analyzer(model=analyzer.bundle, backend="transformer")


def small_set(n=96):
    texts, labels = read_labeled(shipped_training_files())
    return texts[: n * 20: 20], labels[: n * 20: 20]


@pytest.fixture(scope="module")
def tiny():
    """A backend fine-tuned for one epoch on a few sentences: enough to test the mechanics."""
    if not HAVE_BACKEND:
        pytest.skip(str(backend.missing()))
    texts, labels = small_set()
    return backend.TransformerOpinion(epochs=1).fit(texts, labels)


@needs_backend
def test_training_is_deterministic(tiny):
    texts, labels = small_set()
    again = backend.TransformerOpinion(epochs=1).fit(texts, labels)
    probe = ["It is time the council acted.", "The council met on Tuesday."]
    assert np.allclose(tiny.opinion_probability(probe), again.opinion_probability(probe),
                       atol=1e-6)


@needs_backend
def test_saved_backend_predicts_the_same(tiny, analyzer, tmp_path):
    bundle = ModelBundle(analyzer.model, analyzer.bundle.feature_version,
                         analyzer.bundle.sklearn_version, "test", transformer=tiny)
    path = tmp_path / "model.zip"
    save_model(bundle, path)
    loaded = load_model(path)
    probe = ["Why should renters pay for a stadium?", "The stadium opened in 2019."]
    assert np.allclose(loaded.transformer.opinion_probability(probe),
                       tiny.opinion_probability(probe), atol=1e-6)


@needs_backend
def test_scores_average_the_two_models(tiny, analyzer):
    combined = Analyzer(model=ModelBundle(analyzer.model, analyzer.bundle.feature_version,
                                          analyzer.bundle.sklearn_version, "test",
                                          transformer=tiny))
    text = "Officials warned that prices could rise again next year."
    lexical = analyzer.classify_text(text).score.opinion_score
    language = float(tiny.opinion_probability([text])[0])
    score = combined.classify_text(text).score
    assert score.opinion_score == pytest.approx((lexical + language) / 2, abs=1e-4)
    assert combined.bundle.threshold == pytest.approx((analyzer.model.threshold_ + 0.5) / 2)
    report = combined.analyze("The council met on Tuesday. It is time the council acted.")
    assert report.opinion_threshold == pytest.approx(combined.bundle.threshold)
    shown = [c for s in report.scores for c in s.cues if c.startswith("language model: ")]
    assert shown  # the language model's vote is named where it agrees with the label


@needs_backend
def test_cli_train_and_classify_with_backend(tmp_path):
    texts, labels = small_set(60)
    data = tmp_path / "labels.csv"
    with data.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([["text", "label"], *zip(texts, labels)])
    model = tmp_path / "model.zip"

    def run(*args):
        return subprocess.run([sys.executable, "-m", "framing", *map(str, args)],
                              capture_output=True, text=True, cwd=ROOT, timeout=600)

    result = run("train", "--data", data, "--model", model, "--backend", "transformer")
    assert result.returncode == 0, result.stderr
    assert load_model(model).transformer is not None
    result = run("classify", data, "--model", model, "--out", tmp_path / "out.csv")
    assert result.returncode == 0, result.stderr
    with (tmp_path / "out.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 60 and {r["label"] for r in rows} <= {"opinion", "reporting"}


@needs_backend
def test_shipped_backend_is_trained_once_and_cached(tmp_path, monkeypatch, capsys):
    texts, labels = small_set(60)
    data = tmp_path / "small.csv"
    with data.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([["text", "label"], *zip(texts, labels)])
    monkeypatch.setenv("FRAMING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr("framing.analyzer.shipped_training_files", lambda: [data])
    first = Analyzer(backend="transformer")
    assert first.bundle.transformer is not None
    assert "fine-tuning the transformer backend on 60 sentences" in capsys.readouterr().err
    assert len(list((tmp_path / "cache").glob("transformer-*.model"))) == 1

    def no_training(*args, **kwargs):
        raise AssertionError("trained again instead of reading the cache")

    monkeypatch.setattr(backend.TransformerOpinion, "fit", no_training)
    again = Analyzer(backend="transformer")
    probe = ["It is time the council acted."]
    assert np.allclose(again.bundle.transformer.opinion_probability(probe),
                       first.bundle.transformer.opinion_probability(probe), atol=1e-6)
