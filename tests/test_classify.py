"""The opinion classifier: hard cases, the seed article, explanations, training and model files."""

from __future__ import annotations

import csv
import json
import pickle
import re
import subprocess
import sys
import zipfile

import numpy as np
import pytest
from conftest import ROOT, sentence_starting

from framing import Analyzer
from framing.classify import (
    LinearOpinionModel,
    ModelBundle,
    _best_threshold,
    load_model,
    read_labeled,
    save_model,
    shipped_training_files,
)
from framing.errors import ModelError

HELD_OUT = ROOT / "corpus" / "heldout"

# Sentences written for these tests (not in corpus/labeled), one or more per hard case.
HARD_CASES = [
    # quoted and attributed opinions are reporting
    ("“This budget is a betrayal of every family in the county,” the councilwoman said.",
     "reporting"),
    ("The coach insisted that the referees had cost his team the title.", "reporting"),
    ("According to the landlords' association, the new rules are a disaster for small owners.",
     "reporting"),
    # attributed speculation is reporting
    ("Forecasters warned that the river could rise another two feet by Friday.", "reporting"),
    ("Analysts expect the central bank to cut rates again in March.", "reporting"),
    # factual sentences full of emotional words are reporting
    ("The fire destroyed 40 homes and left hundreds of families without shelter.", "reporting"),
    ("Three miners were killed when a tunnel collapsed on Tuesday.", "reporting"),
    # plain facts
    ("The school board meets on the second Tuesday of each month.", "reporting"),
    ("Unemployment fell to 3.9 percent in October, the lowest level since 2019.", "reporting"),
    # opinions without adjectives
    ("It is time the legislature finished the job.", "opinion"),
    ("Someone at the ministry should have read the contract.", "opinion"),
    # rhetorical questions
    ("Why should commuters pay for a tunnel that ends in a field?", "opinion"),
    # hedged speculation by the author
    ("It is entirely possible that the governor never saw the audit.", "opinion"),
    ("Perhaps the real scandal is how little anyone noticed.", "opinion"),
    # evaluation and prediction
    ("The new stadium deal is a reckless gamble with public money.", "opinion"),
    ("This strike will not end before Christmas.", "opinion"),
    # scare quotes
    ("The firm’s “efficiency drive” closed three clinics in a month.", "opinion"),
]


@pytest.mark.parametrize(("text", "label"), HARD_CASES)
def test_hard_cases(analyzer, text, label):
    score = analyzer.classify_text(text).score
    assert score.label == label, (score.opinion_score, score.cues)


def test_hard_cases_are_not_training_data():
    texts, _ = read_labeled(shipped_training_files())
    known = {" ".join(t.lower().split()) for t in texts}
    assert not [t for t, _ in HARD_CASES if " ".join(t.lower().split()) in known]
    held_out, _ = read_labeled(sorted(HELD_OUT.glob("*.csv")))
    assert len(held_out) >= 2000
    assert not [t for t in held_out if " ".join(t.lower().split()) in known]


def test_classifier_benchmark_runs_without_the_evaluation_files(tmp_path):
    # A user's machine has no ../shared/eval: the benchmark still scores our held-out set.
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "classifier.py"), "--quick",
                             "--eval-dir", str(tmp_path)], capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr
    assert "skipped the public rows" in result.stdout
    rows = [line for line in result.stdout.splitlines() if "held-out" in line]
    assert len(rows) == len(list(HELD_OUT.glob("*.csv"))) == 3
    for row in rows:
        ours, textblob = (float(x) for x in row.split()[-2:])
        assert ours > textblob + 0.15, row


SEED_OPINIONS = [
    "If Putin believes that the U.S. will stand by",
    "The chances of the U.S. sending troops to Ukraine are very slim.",
    "It is entirely possible that Putin doubts",
    "President Biden faces a dilemma:",
    "While President Biden has vowed our",
    "Despite Blinken’s comments about",
]


@pytest.mark.parametrize("prefix", SEED_OPINIONS)
def test_seed_author_judgments_are_opinion(seed_report, prefix):
    s = sentence_starting(seed_report, prefix)
    score = seed_report.scores[s.index]
    assert score.label == "opinion", (score.opinion_score, score.cues)


def test_seed_quoted_and_attributed_sentences_are_reporting(seed_report):
    reported = [sc for sc in seed_report.scores
                if sc.sentence.kind == "body" and sc.sentence.voice != "author"]
    assert len(reported) >= 15
    assert [seed_report.sentence_text(sc.sentence) for sc in reported
            if sc.label != "reporting"] == []


@pytest.mark.parametrize("text", [
    "The Harbour Bank knew about the breach for weeks. It said the bridge would open in May.",
    "It told its customers on April 9.",
    "They said it would open in May.",
])
def test_a_report_whose_only_words_left_are_who_spoke_is_reporting(analyzer, text):
    """"It said the bridge would open in May." was an opinion at 0.998 with no cue: the lone
    "It" left of the writer's words carried the whole weight of the writer's "it is …"."""
    report = analyzer.analyze(f"Bridge\n\n{text}")
    score = report.scores[-1]
    assert score.sentence.voice == "attributed"
    assert score.label == "reporting" and score.opinion_score < 0.2, score
    assert score.cues and score.cues[0].startswith("reported speech"), score.cues


def test_textblob_traps(analyzer):
    # TextBlob scores "own" as fully subjective and "very slim" as neutral.
    assert analyzer.classify_text("Meanwhile, Putin issued a warning of his own.").score.label \
        == "reporting"
    slim = analyzer.classify_text("The chances of the U.S. sending troops are very slim.").score
    assert slim.label == "opinion"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The situation in the region could get very ugly.", "hedge: could"),
        ("The situation in the region could get very ugly.", "intensifier: very"),
        ("Putin said that NATO is expanding eastward.", "reported speech: Putin"),
    ],
)
def test_cues_name_what_fired(analyzer, text, cue):
    assert cue in analyzer.classify_text(text).score.cues


@pytest.mark.parametrize("text", [
    "The average rent for a two-bedroom apartment is $1,950 a month, the 2023 report said.",
    "At 60 percent, the rent for a similar unit would be about $1,170.",
    "Under the deal, 400 of the 1,200 homes will be let for 40 years.",
])
def test_cues_never_show_the_models_digit_placeholders(analyzer, text):
    """The model reads every digit as 0; its cues name the numbers, not "word: 0000"."""
    cues = analyzer.classify_text(text).score.cues
    assert cues
    assert {run for cue in cues for run in re.findall(r"\d+", cue)} <= set(re.findall(r"\d+", text))


def test_cues_shown_are_reasons_a_reader_can_use(analyzer, seed_report):
    """Words of grammar ("word: of", "phrase: of the") and a letter alone (the "S" of
    "U.S.") are never shown as a reason, wherever the model leaned on them."""
    from framing.classify import _FUNCTION_WORDS

    cues = [c for sc in seed_report.scores for c in sc.cues]
    assert cues
    for cue in cues:
        kind, _, words = cue.partition(": ")
        if kind in ("word", "phrase"):
            assert not all(w in _FUNCTION_WORDS for w in words.split()), cue
        elif words:
            assert all(len(w.strip()) > 1 for w in words.split(", ")), cue
    us = analyzer.classify_text("The U.S. and Britain said it is time to act.").score.cues
    assert not any(c.startswith("named people or places") and ": S" in c for c in us)


def test_a_title_case_headline_names_only_names(analyzer):
    """In a headline in title case every word has a capital: only a word no English word list
    knows counts as a name there; in a sentence, a capital still marks a name."""
    from framing.classify import SentenceInput

    def names(text):
        _, evidence = analyzer.cues.extract(SentenceInput(text, "author", "", 0.0, ()))
        return evidence.get("names", [])

    assert names("Council Votes to Close Two Branch Libraries in Valemouth") == ["Valemouth"]
    assert names("The council in Valemouth voted to close Two Branch libraries.") == [
        "Valemouth", "Two", "Branch"]


def test_scores_are_probabilities_and_borderline_is_near_the_threshold(analyzer, seed_report):
    threshold = analyzer.model.threshold_
    for score in seed_report.scores:
        assert 0.0 <= score.opinion_score <= 1.0
        assert score.borderline == (abs(score.opinion_score - threshold) <= 0.1)
        assert (score.label == "opinion") == (score.opinion_score >= threshold)


def small_training_set():
    texts, labels = read_labeled(shipped_training_files())
    return texts[::6], labels[::6]


def test_training_is_deterministic(analyzer):
    texts, labels = small_training_set()
    first = analyzer.train(texts, labels)
    second = analyzer.train(texts, labels)
    probe = [t for t, _ in HARD_CASES]
    a = [r.score.opinion_score for r in Analyzer(model=first).classify_texts(probe)]
    b = [r.score.opinion_score for r in Analyzer(model=second).classify_texts(probe)]
    assert a == b


def test_model_file_round_trip(analyzer, tmp_path):
    texts, labels = small_training_set()
    bundle = analyzer.train(texts, labels, trained_on="tests")
    path = tmp_path / "model.zip"
    save_model(bundle, path)
    loaded = load_model(path)
    assert isinstance(loaded.model, LinearOpinionModel)
    assert loaded.model.threshold_ == bundle.model.threshold_
    assert (loaded.trained_on, loaded.feature_version) == ("tests", bundle.feature_version)
    probe = [t for t, _ in HARD_CASES]
    before = [r.score for r in Analyzer(model=bundle).classify_texts(probe)]
    after = [r.score for r in Analyzer(model=loaded).classify_texts(probe)]
    assert [(s.opinion_score, s.cues) for s in before] == [(s.opinion_score, s.cues)
                                                           for s in after]
    again = tmp_path / "again.zip"
    save_model(loaded, again)  # the same model is the same bytes
    assert again.read_bytes() == path.read_bytes()


def test_reading_a_model_file_runs_no_code(analyzer, tmp_path, monkeypatch):
    texts, labels = small_training_set()
    path = tmp_path / "model.zip"
    save_model(analyzer.train(texts, labels), path)

    def refuse(*args, **kwargs):
        raise AssertionError("a model file was unpickled")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(pickle, "Unpickler", refuse)
    assert Analyzer(model=path).classify_text("It is time the council acted.").score.label \
        == "opinion"


class _Marker:
    def __reduce__(self):  # what a hostile pickle does: call something on loading
        return (_ran.append, ("ran",))


_ran: list[str] = []


def test_old_pickle_model_files_are_refused_unread(tmp_path):
    hostile = tmp_path / "old.pkl"
    hostile.write_bytes(pickle.dumps(_Marker()))
    with pytest.raises(ModelError, match="old format .*pickle.*retrain it with: python -m"):
        load_model(hostile)
    assert _ran == []


def test_damaged_and_foreign_model_files(tmp_path, analyzer):
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(b"not a model at all")
    with pytest.raises(ModelError, match="not a framing model file; retrain it with: python"):
        load_model(damaged)
    foreign = tmp_path / "foreign.zip"
    with zipfile.ZipFile(foreign, "w") as archive:
        archive.writestr("notes.txt", "something else")
    with pytest.raises(ModelError, match="not a framing model file .*without model.json"):
        load_model(foreign)
    texts, labels = small_training_set()
    bundle = analyzer.train(texts, labels)
    old = tmp_path / "old.zip"
    save_model(ModelBundle(bundle.model, bundle.feature_version, "0.1.0", ""), old)
    with pytest.raises(ModelError, match="scikit-learn 0.1.0.*retrain"):
        load_model(old)
    with pytest.raises(ModelError, match="no such model file"):
        load_model(tmp_path / "missing.zip")
    cut = tmp_path / "cut.zip"
    good = (tmp_path / "good.zip")
    save_model(bundle, good)
    cut.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    with pytest.raises(ModelError, match="cut.zip: not a framing model file"):
        load_model(cut)


def _rewritten(source, target, change):
    """A copy of the model file ``source`` with ``change(members)`` applied to its members."""
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    change(members)
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return target


def _header(change):
    def apply(members):
        header = json.loads(members["model.json"])
        change(header)
        members["model.json"] = json.dumps(header).encode()
    return apply


@pytest.mark.parametrize("change", [
    _header(lambda h: h.update(format_version=99)),
    _header(lambda h: h.update(threshold="0.5")),
    _header(lambda h: h.update(calibration=[1.0])),
    _header(lambda h: h["blocks"][0].update(analyzer="exec")),
    _header(lambda h: h["blocks"][0].update(ngram_range=[1, 10 ** 9])),
    _header(lambda h: h["blocks"][1].update(offset=5)),
    _header(lambda h: h.update(cue_columns=["x"])),
    _header(lambda h: h.update(transformer="yes")),
    lambda m: m.update({"coef.f64": m["coef.f64"][:-8]}),
    lambda m: m.update({"coef.f64": m["coef.f64"][:-3]}),
    lambda m: m.update({"coef.f64": b"\x00" * (len(m["coef.f64"]) - 8) + b"\x00" * 6 + b"\xf0\x7f"}),
    lambda m: m.update({"idf-0.f64": m["idf-0.f64"] + b"\x00" * 8}),
    lambda m: m.pop("terms-1.txt"),
    lambda m: m.update({"model.json": b"[1, 2]"}),
    lambda m: m.update({"model.json": b"\xff\xfe"}),
    _header(lambda h: h.update(threshold=-1.0)),  # every sentence opinion
    _header(lambda h: h.update(threshold=5.0)),  # none
    _header(lambda h: h.update(classes=["opinion", "news"])),
    _header(lambda h: h.update(char_ngrams=[1, 10 ** 9])),  # an explanation counting to 10**9
], ids=["version", "threshold text", "calibration", "analyzer", "ngram range", "offset",
        "cue columns", "transformer flag", "coef short", "coef broken", "coef infinite",
        "idf long", "terms missing", "header list", "header bytes", "threshold below 0",
        "threshold above 1", "classes", "char n-gram range"])
def test_hand_made_model_files_are_refused_in_one_line(analyzer, tmp_path, change):
    texts, labels = small_training_set()
    good = tmp_path / "good.zip"
    save_model(analyzer.train(texts, labels), good)
    bad = _rewritten(good, tmp_path / "bad.zip", change)
    with pytest.raises(ModelError, match=r"bad.zip: .*(framing model file|format version).*"
                                         r"retrain it with") as caught:
        load_model(bad)
    assert "\n" not in str(caught.value)


def test_a_model_file_with_a_threshold_outside_0_to_1_says_so(analyzer, tmp_path):
    """A threshold of 5.0 was read and labeled no sentence opinion."""
    texts, labels = small_training_set()
    good = tmp_path / "good.zip"
    save_model(analyzer.train(texts, labels), good)
    bad = _rewritten(good, tmp_path / "bad.zip", _header(lambda h: h.update(threshold=5.0)))
    with pytest.raises(ModelError, match=r"bad.zip: a damaged framing model file \(ValueError: "
                                         r"threshold 5.0 is not between 0 and 1\); retrain"):
        load_model(bad)


def test_a_model_file_member_too_large_to_unpack_is_refused(analyzer, tmp_path, monkeypatch):
    from framing import modelfile

    texts, labels = small_training_set()
    good = tmp_path / "good.zip"
    save_model(analyzer.train(texts, labels), good)
    monkeypatch.setattr(modelfile, "MAX_MEMBER_BYTES", 10_000)  # as a zip bomb would be
    with pytest.raises(ModelError, match="would unpack to .* bytes, more than any framing"):
        load_model(good)


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


@pytest.mark.parametrize(
    ("header", "rows", "message"),
    [
        (["sentence", "label"], [["x", "opinion"]] * 30, "missing column text"),
        (["text", "label"], [["x", "opinion"], ["y", "maybe"]] * 15, "unknown label 'maybe'"),
        (["text", "label"], [[f"s{i}", "opinion"] for i in range(30)], "both labels are needed"),
        (["text", "label"], [["a", "opinion"], ["b", "reporting"]] * 5, "at least 20"),
        # one label on a single row: the calibration's folds cannot all hold it
        (["text", "label"], [[f"s{i}", "opinion"] for i in range(30)] + [["r", "reporting"]],
         r"only 1 row\(s\) labeled 'reporting'; each label needs at least 10"),
        (["text", "label"], [[f"s{i}", "opinion"] for i in range(30)] + [["r", "reporting"]] * 9,
         "only 9 row"),
        # the last 'label' was read, silently
        (["text", "label", "label"], [[f"s{i}", "opinion", "reporting"] for i in range(30)],
         "columns named twice in the header: 'label'; rename them"),
    ],
    ids=["missing-column", "unknown-label", "one-class", "too-few", "one-of-a-label",
         "nine-of-a-label", "label-twice"],
)
def test_bad_training_data(tmp_path, header, rows, message):
    path = tmp_path / "train.csv"
    write(path, header, rows)
    with pytest.raises(ModelError, match=message):
        read_labeled([path])


@pytest.fixture
def csv_field_limit():
    """Python's own CSV field limit (131,072 characters), as a fresh process has it."""
    before = csv.field_size_limit(131_072)
    yield
    csv.field_size_limit(before)


def test_a_labeled_cell_longer_than_the_csv_field_limit_is_read(tmp_path, csv_field_limit):
    """It ended the whole file: 'not a readable CSV file (field larger than field limit
    (131072))', with no line; classify reads the same file."""
    path = tmp_path / "train.csv"
    rows = [[f"s{i}", "opinion"] for i in range(20)] + [[f"r{i}", "reporting"] for i in range(20)]
    write(path, ["text", "label"], rows + [["word " * 40_000, "opinion"]])
    texts, labels = read_labeled([path])
    assert len(texts) == 41 and len(texts[-1]) == len("word " * 40_000) - 1  # (stripped)
    assert labels[-1] == "opinion"
    write(path, ["text", "label"], rows + [["word " * 420_000, "opinion"]])
    with pytest.raises(ModelError, match=r"train.csv: line 42: 'text' is over the limit of "
                                         r"2,000,000 characters"):
        read_labeled([path])


def test_threshold_is_the_middle_of_the_best_plateau():
    # scores that separate the classes perfectly anywhere between 0.40 and 0.60
    truth = np.array([True] * 500 + [False] * 500)
    scores = np.concatenate([np.linspace(0.61, 0.9, 500), np.linspace(0.1, 0.39, 500)])
    assert _best_threshold(scores, truth) == pytest.approx(0.50)
    # one stray sentence moves the single best point to the plateau's edge (0.40-0.45);
    # the threshold stays in the middle
    moved = scores.copy()
    moved[0] = 0.45
    assert _best_threshold(moved, truth) == pytest.approx(0.50)


@pytest.mark.parametrize(("text", "label"), [
    # sentences written for this test (not in corpus/labeled): a schedule is reporting,
    # the writer's own forecast or verdict with the same "will" is opinion
    ("The county will hold a second hearing on the landfill in January.", "reporting"),
    ("Lawmakers will return to the capital next week for a special session.", "reporting"),
    ("The new bridge tolls will rise to $4 on March 1.", "reporting"),
    ("The special session will be a waste of everyone's time.", "opinion"),
    ("Higher tolls will strangle the small businesses on the island.", "opinion"),
])
def test_a_schedule_is_reporting_and_a_forecast_opinion(analyzer, text, label):
    assert analyzer.classify_text(text).score.label == label


def test_a_model_path_that_is_no_file_says_what_it_is(tmp_path):
    import os

    from framing.classify import load_model
    from framing.errors import ModelError

    pipe = tmp_path / "pipe.zip"
    os.mkfifo(pipe)  # read, it would wait for a writer forever
    for path, message in [(tmp_path, "is a directory, not a model file"),
                          (pipe, "not a model file (not a regular file)"),
                          ("/dev/null", "not a model file (not a regular file)"),
                          (tmp_path / "none.zip", "no such model file")]:
        with pytest.raises(ModelError, match=re.escape(f"{path}: {message}")):
            load_model(path)
