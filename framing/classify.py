"""Opinion or reporting, per sentence: an explainable scikit-learn model.

The model sees two kinds of features of a sentence, both computed on the **author's words
only** (quotations masked):

- interpretable cues: the sentence's voice, hedges, intensifiers, loaded terms and labels
  found by the lexicons in the author's voice, words TextBlob's lexicon rates as subjective,
  TextBlob subjectivity and polarity, first and second person, calls to act, imperatives,
  questions and exclamations, conditionals, numbers, dates and times, names;
- words it uses judgment with, from ``framing/data/subjectivity.csv`` (strong and weak);
- word unigrams and bigrams, and character 4-grams within words (TF-IDF).

A logistic regression combines them; its probabilities are calibrated with Platt scaling on
out-of-fold decision values, so a score of 0.8 means about 80 % of such sentences are opinion.
The label threshold is the middle of the thresholds with the best macro-F1 on those
out-of-fold scores (within 0.005 of the best).
Because the model is linear, each feature's contribution to a sentence's score is its weight
times its value; the cues shown to readers are the largest contributions in the direction of
the decision, so an explanation is the model's own reasoning, not a separate story.

The shipped model is trained at first use from ``corpus/labeled/*.csv`` (``random_state``
fixed) and cached on disk, keyed by a hash of the data, lexicons, this module's feature
version and the library versions. No pickle is shipped.
"""

from __future__ import annotations

import csv
import hashlib
import math
import os
import pickle
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import sklearn
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import Pipeline

from .errors import ModelError
from .lexicon import TOKEN
from .report import Sentence, SentenceScore, TermHit
from .voice import QuoteIndex

# A score within this distance of the model's threshold is shown as borderline.
BORDERLINE_WIDTH = 0.1
FEATURE_VERSION = 2
OPINION, REPORTING = "opinion", "reporting"
DATA_DIR = Path(__file__).parent / "data"
LABELED_DIR = Path(__file__).resolve().parents[1] / "corpus" / "labeled"
MIN_TRAINING_ROWS = 20

# Cue features: column name → what a reader is told when the cue pushes a decision.
CUES = {
    "voice_attributed": "reported speech",
    "voice_quoted": "direct quotation",
    "quoted_share": "share of the sentence in quotation marks",
    "subjectivity": "subjectivity of the author's words",
    "polarity": "strength of the author's tone",
    "evaluative": "evaluative word",
    "judgment": "judgment word",
    "mild_judgment": "mildly evaluative word",
    "hedge": "hedge",
    "intensifier": "intensifier",
    "loaded": "loaded term",
    "label": "label for a group",
    "attribution_verb": "loaded verb of saying",
    "presupposition": "verb presupposing a reading",
    "scare_quote": "scare quote",
    "first_person": "first person",
    "second_person": "addresses the reader",
    "obligation": "call to act",
    "imperative": "imperative",
    "conditional": "conditional",
    "question": "question",
    "exclamation": "exclamation",
    "numbers": "numbers",
    "time": "date or time",
    "quantity": "quantity",
    "names": "named people or places",
    "superlative": "superlative or comparison",
    "length": "sentence length",
}
CUE_COLUMNS = tuple(CUES)
_LEXICON_CUES = {
    "hedge": "hedge", "intensifier": "intensifier", "loaded": "loaded", "label": "label",
    "attribution_verb": "attribution_verb", "factive": "presupposition",
    "assertive": "presupposition", "implicative": "presupposition", "scare_quote": "scare_quote",
}
_WORD = re.compile(r"[^\W_]+(?:[-’'][^\W_]+)*")
_NUMBER = re.compile(r"\d")


def mask_quotes(text: str, start: int, end: int, quotes: QuoteIndex,
                extra: tuple[tuple[int, int], ...] = ()) -> str:
    """The sentence's text with quoted characters (and any ``extra`` spans, such as the
    reported words of an attribution) replaced by spaces; the length stays the same."""
    spans = sorted([(q.start, q.end) for q in quotes.within(start, end)] + list(extra))
    pieces = []
    position = start
    for lo, hi in spans:
        lo, hi = max(position, lo, start), min(end, hi)
        if lo >= hi:
            continue
        pieces.append(text[position:lo])
        pieces.append(" " * (hi - lo))
        position = hi
    pieces.append(text[position:end])
    return "".join(pieces)


@dataclass(frozen=True)
class SentenceInput:
    """What the classifier sees of one sentence: its voice, the author's words, its hits."""

    author_text: str
    voice: str
    speaker: str
    quoted_share: float
    hits: tuple[TermHit, ...]


class CueExtractor:
    """Turns a SentenceInput into cue values and the words that triggered them."""

    def __init__(self, path: Path = DATA_DIR / "cue_words.csv",
                 subjectivity: Path = DATA_DIR / "subjectivity.csv") -> None:
        from textblob.en import sentiment  # the pattern lexicon bundled with TextBlob

        self._sentiment = sentiment
        self.subjective: dict[str, str] = {}
        with subjectivity.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                self.subjective[row["word"]] = (
                    "judgment" if row["strength"] == "strong" else "mild_judgment"
                )
        self.words: dict[str, str] = {}
        self.phrases: dict[tuple[str, ...], str] = {}
        with path.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                parts = tuple(row["word"].lower().replace("’", "'").split())
                if len(parts) == 1:
                    self.words[parts[0]] = row["cue"]
                else:
                    self.phrases[parts] = row["cue"]
        self._phrase_starts = {parts[0] for parts in self.phrases}
        # TextBlob's subjectivity of each word in its lexicon, looked up once per word here.
        self._textblob_subjectivity: dict[str, float] = {}
        for word, entry in self._sentiment.items():
            values = entry.get("JJ") or entry.get("RB") or entry.get(None)
            if values:
                self._textblob_subjectivity[word] = float(values[1])

    def sentiment(self, words: list[str]) -> tuple[float, float]:
        """TextBlob's (pattern's) polarity and subjectivity of already tokenized words: its own
        assessments (with negation and intensifiers), averaged as ``TextBlob.sentiment`` does."""
        assessments = self._sentiment.assessments(((w, None) for w in words), negation=True)
        if not assessments:
            return 0.0, 0.0
        polarity = sum(a[1] for a in assessments) / len(assessments)
        subjectivity = sum(a[2] for a in assessments) / len(assessments)
        return float(polarity), float(subjectivity)

    def extract(self, item: SentenceInput) -> tuple[dict[str, float], dict[str, list[str]]]:
        text = item.author_text
        tokens = [t.replace("’", "'") for t in _WORD.findall(text)]
        lowered = [t.lower() for t in tokens]
        evidence: dict[str, list[str]] = {}
        counts: dict[str, float] = dict.fromkeys(CUE_COLUMNS, 0.0)

        def add(cue: str, word: str, amount: float = 1.0) -> None:
            counts[cue] += amount
            evidence.setdefault(cue, []).append(word)

        counts["voice_attributed"] = 1.0 if item.voice == "attributed" else 0.0
        counts["voice_quoted"] = 1.0 if item.voice == "quoted" else 0.0
        counts["quoted_share"] = item.quoted_share
        if item.voice != "author" and item.speaker:
            evidence["voice_attributed" if item.voice == "attributed" else "voice_quoted"] = [
                item.speaker
            ]
        judged = [low for low in lowered if self.words.get(low) != "neutral_in_news"]
        if judged:
            polarity, subjectivity = self.sentiment(judged)
            counts["subjectivity"] = subjectivity
            counts["polarity"] = abs(polarity)
        flagged = {w.lower() for h in item.hits if h.voice == "author"
                   for w in _WORD.findall(h.surface)}
        for i, (word, low) in enumerate(zip(tokens, lowered)):
            cue = self.words.get(low)
            if cue == "neutral_in_news":
                continue
            if cue == "imperative":
                if i == 0 and item.voice == "author":
                    add("imperative", word)
            elif cue:
                add(cue, word)
            if low in self._phrase_starts:
                for parts, phrase_cue in self.phrases.items():
                    if tuple(lowered[i:i + len(parts)]) == parts:
                        add(phrase_cue, " ".join(tokens[i:i + len(parts)]))
            if _NUMBER.search(word):
                add("numbers", word)
            elif i > 0 and word[:1].isupper() and low not in self.words:
                add("names", word)
            subjectivity = self._textblob_subjectivity.get(low, 0.0)
            if subjectivity >= 0.5:
                add("evaluative", word)
            judgment = self.subjective.get(low)
            if judgment and low not in flagged:  # a lexicon hit already speaks for this word
                add(judgment, word)
            if low in ("most", "least") or (low.endswith("est") and subjectivity > 0):
                add("superlative", word)
        for hit in item.hits:
            cue = _LEXICON_CUES.get(hit.category)
            if cue and hit.voice == "author" and not hit.negated:
                add(cue, hit.surface)
        stripped = text.rstrip(" \"'”’)")
        if stripped.endswith("?") and item.voice == "author":
            counts["question"] = 1.0
        if stripped.endswith("!") and item.voice == "author":
            counts["exclamation"] = 1.0
        for cue in CUE_COLUMNS:  # counts saturate: the third hedge says little more
            if cue not in ("voice_attributed", "voice_quoted", "quoted_share", "subjectivity",
                           "polarity", "question", "exclamation", "length"):
                counts[cue] = min(counts[cue], 3.0) / 3.0
        counts["length"] = min(math.log1p(len(tokens)) / 4.0, 1.5)
        return counts, evidence


def words_for_model(author_text: str) -> str:
    """The author's words as the n-gram features see them: lowercased, digits as 0."""
    return " ".join(_NUMBER.sub("0", t.lower()) for t in TOKEN.findall(author_text))


def build_frame(items: list[SentenceInput], cues: CueExtractor):
    """The model's input table and, per row, the words behind each cue."""
    rows, evidence = [], []
    for item in items:
        values, words = cues.extract(item)
        values["words"] = words_for_model(item.author_text)
        rows.append(values)
        evidence.append(words)
    frame = pd.DataFrame(rows, columns=["words", *CUE_COLUMNS])
    return frame, evidence


class OpinionClassifier(ClassifierMixin, BaseEstimator):
    """Logistic regression over cue features and word n-grams, with Platt calibration.

    Parameters
    ----------
    C : inverse regularization strength of the logistic regression.
    ngram_range, min_df : settings of the word TF-IDF features.
    char_ngrams : lengths of the character n-grams (within words), or None for none.
    calibration_folds : folds of the out-of-fold decision values used for calibration.
    random_state : seed for the calibration folds (the solver is deterministic).
    """

    def __init__(self, C=1.0, ngram_range=(1, 2), min_df=2, char_ngrams=(4, 4),
                 calibration_folds=5, random_state=0):
        self.C = C
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.char_ngrams = char_ngrams
        self.calibration_folds = calibration_folds
        self.random_state = random_state

    def _pipeline(self) -> Pipeline:
        parts = [
            ("words", TfidfVectorizer(ngram_range=self.ngram_range, min_df=self.min_df,
                                      sublinear_tf=True, token_pattern=r"\S+"), "words"),
        ]
        if self.char_ngrams:
            parts.append(("chars", TfidfVectorizer(analyzer="char_wb",
                                                   ngram_range=self.char_ngrams, min_df=3,
                                                   sublinear_tf=True), "words"))
        parts.append(("cues", "passthrough", list(CUE_COLUMNS)))
        features = ColumnTransformer(parts)
        model = LogisticRegression(C=self.C, class_weight="balanced", max_iter=5000,
                                   solver="liblinear")
        return Pipeline([("features", features), ("model", model)])

    def fit(self, X, y):
        y = np.asarray(y)
        self.pipeline_ = self._pipeline().fit(X, y)
        self.classes_ = self.pipeline_.classes_
        if OPINION not in self.classes_:
            raise ModelError("the training labels must include 'opinion'")
        folds = StratifiedKFold(self.calibration_folds, shuffle=True,
                                random_state=self.random_state)
        decision = cross_val_predict(clone(self._pipeline()), X, y, cv=folds,
                                     method="decision_function")
        sign = 1.0 if self.classes_[1] == OPINION else -1.0
        is_opinion = (y == OPINION).astype(int)
        self.calibrator_ = LogisticRegression().fit((sign * decision).reshape(-1, 1), is_opinion)
        # The label threshold on the calibrated score that best balances the two classes
        # (macro-F1) on the out-of-fold predictions: the middle of the best plateau.
        oof = self.calibrator_.predict_proba((sign * decision).reshape(-1, 1))[:, 1]
        self.threshold_ = _best_threshold(oof, is_opinion)
        self.feature_names_ = self.pipeline_[:-1].get_feature_names_out()
        coef = self.pipeline_[-1].coef_[0] * (1.0 if self.classes_[1] == OPINION else -1.0)
        self.cue_weights_ = {name.partition("__")[2]: float(weight)
                             for name, weight in zip(self.feature_names_, coef)
                             if name.startswith("cues__")}
        return self

    def features(self, X):
        """The model's feature matrix for a frame (sparse; the fitted transformers applied
        directly, which is faster than the ColumnTransformer for small batches)."""
        from scipy import sparse

        blocks = []
        for name, transformer, columns in self.pipeline_[0].transformers_:
            if name == "cues":
                blocks.append(sparse.csr_matrix(X[list(columns)].to_numpy(dtype=float)))
            elif transformer != "drop":
                blocks.append(transformer.transform(X[columns]))
        return sparse.hstack(blocks, format="csr")

    def _signed_coef(self) -> np.ndarray:
        coef = self.pipeline_[-1].coef_[0]
        return coef if self.classes_[1] == OPINION else -coef

    def opinion_decision(self, X, features=None) -> np.ndarray:
        """The linear score towards opinion (sum of contributions plus intercept)."""
        matrix = self.features(X) if features is None else features
        intercept = self.pipeline_[-1].intercept_[0]
        if self.classes_[1] != OPINION:
            intercept = -intercept
        return np.asarray(matrix @ self._signed_coef()).ravel() + intercept

    def opinion_probability(self, X, features=None) -> np.ndarray:
        """Calibrated probability of opinion for each row."""
        decision = self.opinion_decision(X, features)
        return self.calibrator_.predict_proba(decision.reshape(-1, 1))[:, 1]

    def predict_proba(self, X) -> np.ndarray:
        opinion = self.opinion_probability(X)
        index = list(self.classes_).index(OPINION)
        out = np.empty((len(opinion), 2))
        out[:, index] = opinion
        out[:, 1 - index] = 1.0 - opinion
        return out

    def predict(self, X) -> np.ndarray:
        index = list(self.classes_).index(OPINION)
        return np.where(self.opinion_probability(X) >= self.threshold_, OPINION,
                        self.classes_[1 - index])

    def contributions(self, X, features=None):
        """Per-row, per-feature contributions towards opinion: weight × value (sparse)."""
        matrix = self.features(X) if features is None else features
        return matrix.multiply(self._signed_coef()).tocsr()


_VALUED = ("subjectivity", "polarity", "quoted_share")
# Contributions that are priors rather than cues a reader can check in the sentence.
_UNSHOWN = frozenset({CUES["length"]})


def contributions_value(feature: str, contribution: float, model: OpinionClassifier) -> float:
    """A valued cue's own value, recovered from its contribution and the model's weight."""
    weight = model.cue_weights_.get(feature, 0.0)
    return contribution / weight if weight else 0.0


def _char_ngram_holders(tokens: list[str], lengths: tuple[int, int]) -> dict[str, tuple]:
    """Each character n-gram of the words (padded with spaces, as char_wb does) and the
    distinct words it occurs in."""
    found: dict[str, dict[str, None]] = {}
    low, high = lengths
    for token in tokens:
        padded = f" {token} "
        for n in range(low, high + 1):
            for i in range(len(padded) - n + 1):
                found.setdefault(padded[i:i + n], {})[token] = None
    return {gram: tuple(words) for gram, words in found.items()}


# Thresholds whose out-of-fold macro-F1 is within this of the best form the plateau.
PLATEAU = 0.005


def _best_threshold(scores: np.ndarray, truth: np.ndarray) -> float:
    """The middle of the plateau of thresholds with the best macro-F1 (between 0.2 and 0.8).

    The macro-F1 curve is flat near its top, so its single best point jumps by several
    hundredths when a few training sentences change; the median of the thresholds within
    PLATEAU of the best stays put.
    """
    thresholds = np.round(np.arange(0.2, 0.801, 0.01), 2)
    scored = []
    for threshold in thresholds:
        predicted = scores >= threshold
        f1s = []
        for positive in (True, False):
            tp = np.sum((predicted == positive) & (truth == positive))
            fp = np.sum((predicted == positive) & (truth != positive))
            fn = np.sum((predicted != positive) & (truth == positive))
            f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
        scored.append((f1s[0] + f1s[1]) / 2)
    scored = np.array(scored)
    plateau = thresholds[scored >= scored.max() - PLATEAU]
    return float(np.round(np.median(plateau), 2))


def explain(model: OpinionClassifier, contributions, row: int, evidence: dict[str, list[str]],
            words: str, label: str, limit: int = 6) -> tuple[str, ...]:
    """The cues that pushed this row towards its label, in words a reader understands.

    Word and phrase features speak for themselves. Character n-grams are credited to the
    words that contain them (shared equally when several do), so they read as "word: ugly".
    Cue features are named with the words that triggered them ("hedge: could").
    """
    start, end = contributions.indptr[row], contributions.indptr[row + 1]
    holders_of = _char_ngram_holders(words.split(), model.char_ngrams or (0, -1))
    scores: dict[str, float] = {}
    for index, value in zip(contributions.indices[start:end], contributions.data[start:end]):
        kind, _, feature = model.feature_names_[index].partition("__")
        if kind == "words":
            key = f"{'phrase' if ' ' in feature else 'word'}: {feature}"
            scores[key] = scores.get(key, 0.0) + value
        elif kind == "chars":
            holders = holders_of.get(feature, ())
            for token in holders:
                key = f"word: {token}"
                scores[key] = scores.get(key, 0.0) + value / len(holders)
        else:
            found = evidence.get(feature, [])
            key = CUES[feature] + (f": {', '.join(dict.fromkeys(found))}" if found else "")
            if feature in _VALUED:  # a score, not a count: say how much
                key = f"{CUES[feature]}: {contributions_value(feature, value, model):.2f}"
            scores[key] = scores.get(key, 0.0) + value
    toward = 1.0 if label == OPINION else -1.0
    ranked = sorted((k for k, v in scores.items() if v * toward > 0.05 and k not in _UNSHOWN),
                    key=lambda k: -abs(scores[k]))
    return tuple(ranked[:limit])


# ----------------------------------------------------------------------------- training data


def read_labeled(paths, text_column: str = "text", label_column: str = "label"):
    """(text, label) pairs from labeled CSV files, validated with errors that say what is wrong."""
    texts, labels = [], []
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise ModelError(f"{path}: no such training file")
        try:
            with path.open(newline="", encoding="utf-8-sig") as fh:
                reader = csv.DictReader(fh)
                header = reader.fieldnames or []
                missing = [c for c in (text_column, label_column) if c not in header]
                if missing:
                    raise ModelError(
                        f"{path}: missing column {', '.join(missing)} (the columns are "
                        f"{', '.join(header) or 'none'})"
                    )
                for row in reader:
                    text = (row[text_column] or "").strip()
                    label = (row[label_column] or "").strip().lower()
                    if not text:
                        continue
                    if label not in (OPINION, REPORTING):
                        raise ModelError(
                            f"{path}: line {reader.line_num}: unknown label {label!r}; "
                            "labels must be opinion or reporting"
                        )
                    texts.append(text)
                    labels.append(label)
        except UnicodeDecodeError:
            raise ModelError(f"{path}: not UTF-8 text; save the CSV as UTF-8") from None
        except csv.Error as error:
            raise ModelError(f"{path}: not a readable CSV file ({error})") from None
    if len(texts) < MIN_TRAINING_ROWS:
        raise ModelError(
            f"only {len(texts)} labeled rows; at least {MIN_TRAINING_ROWS} are needed to train"
        )
    if len(set(labels)) < 2:
        raise ModelError(f"every row is labeled {labels[0]!r}; training needs both labels")
    return texts, labels


def shipped_training_files() -> list[Path]:
    return sorted(LABELED_DIR.glob("*.csv"))


def fingerprint(paths, extra: bytes = b"") -> str:
    """A hash of the training data, lexicons, feature version and library versions."""
    digest = hashlib.sha256()
    for path in sorted(Path(p) for p in paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    digest.update(extra)
    for source in sorted(Path(__file__).parent.glob("*.py")):  # a change to the code that
        digest.update(source.read_bytes())                   # makes the features retrains
    digest.update(f"{FEATURE_VERSION}|{sklearn.__version__}|{np.__version__}".encode())
    return digest.hexdigest()[:20]


# ----------------------------------------------------------------------------- model files


@dataclass(frozen=True)
class ModelBundle:
    """A trained model and what it was made with, as saved to a model file."""

    model: OpinionClassifier
    feature_version: int
    sklearn_version: str
    trained_on: str
    # The optional transformer backend (framing.transformer.TransformerOpinion), or None.
    transformer: object = None

    @property
    def threshold(self) -> float:
        """The opinion threshold on the (combined) score."""
        if self.transformer is None:
            return float(self.model.threshold_)
        return (float(self.model.threshold_) + self.transformer.threshold) / 2

    def combine(self, lexical: np.ndarray,
                texts: list[str]) -> tuple[np.ndarray, np.ndarray | None]:
        """The opinion score of each text: the lexical model's calibrated probability, or with
        the transformer backend the mean of it and the language model's probability (which is
        returned too, for the explanation)."""
        if self.transformer is None:
            return lexical, None
        language = self.transformer.opinion_probability(texts)
        return (lexical + language) / 2, language


def save_model(bundle: ModelBundle, path: str | Path) -> None:
    """Write the model atomically (a temporary file, then a rename)."""
    write_atomic(bundle, path)


def write_atomic(obj, path: str | Path) -> None:
    """Pickle ``obj`` to a temporary file beside ``path``, then rename it into place."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.exists():
        raise ModelError(f"{path}: the folder {directory} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_model(path: str | Path) -> ModelBundle:
    """Read a model file; a file from another version or a damaged one says how to retrain."""
    path = Path(path)
    retrain = "retrain it with: python -m framing train --model FILE"
    if not path.is_file():
        raise ModelError(f"{path}: no such model file")
    try:
        with path.open("rb") as fh:
            bundle = pickle.load(fh)
    except Exception as error:  # unpickling fails in many ways on damaged or foreign files
        raise ModelError(
            f"{path}: not a framing model file or damaged ({type(error).__name__}); {retrain}"
        ) from None
    if not isinstance(bundle, ModelBundle):
        raise ModelError(f"{path}: not a framing model file; {retrain}")
    if bundle.feature_version != FEATURE_VERSION or bundle.sklearn_version != sklearn.__version__:
        raise ModelError(
            f"{path}: made by another version (features v{bundle.feature_version}, "
            f"scikit-learn {bundle.sklearn_version}; this is v{FEATURE_VERSION}, "
            f"scikit-learn {sklearn.__version__}); {retrain}"
        )
    if bundle.transformer is not None:
        from .transformer import missing

        reason = missing()
        if reason:
            raise ModelError(f"{path}: this model uses the transformer backend; {reason}")
    return bundle


def cache_dir() -> Path | None:
    """Where the trained shipped model is cached: $FRAMING_CACHE_DIR or ~/.cache/framing."""
    configured = os.environ.get("FRAMING_CACHE_DIR")
    base = Path(configured) if configured else Path.home() / ".cache" / "framing"
    try:
        base.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return base if os.access(base, os.W_OK) else None


def score_label(probability: float, threshold: float) -> tuple[str, bool]:
    """The label for a calibrated score, and whether it lies in the borderline band."""
    label = OPINION if probability >= threshold else REPORTING
    return label, bool(abs(float(probability) - float(threshold)) <= BORDERLINE_WIDTH)


def make_score(sentence: Sentence, probability: float, threshold: float,
               cues: tuple[str, ...]) -> SentenceScore:
    label, borderline = score_label(probability, threshold)
    return SentenceScore(sentence, label, round(float(probability), 4), cues, borderline)
