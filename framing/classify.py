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
version and the library versions. No model file is shipped; model files are data, never code
(``framing.modelfile``).
"""

from __future__ import annotations

import csv
import functools
import hashlib
import math
import os
import re
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ModelError, shown_path
from .filetypes import csv_problem, header_problem, read_long_cells
from .lexicon import TOKEN
from .names import everyday_word
from .report import Sentence, SentenceScore, TermHit
from .voice import QuoteIndex, mostly_capitalized

if TYPE_CHECKING:
    from .learn import OpinionClassifier
# A score within this distance of the model's threshold is shown as borderline.
BORDERLINE_WIDTH = 0.1
FEATURE_VERSION = 2
OPINION, REPORTING = "opinion", "reporting"
DATA_DIR = Path(__file__).parent / "data"
LABELED_DIR = Path(__file__).resolve().parents[1] / "corpus" / "labeled"
MIN_TRAINING_ROWS = 20
MIN_ROWS_PER_LABEL = 10  # two for each of the calibration's five folds

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
        from .pattern import textblob_en

        self._sentiment = textblob_en().sentiment  # the pattern lexicon bundled with TextBlob
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
        # in a headline in title case every word has a capital: there a capital names
        # someone only on a word no English word list knows ("Council Votes to Close Two
        # Branch Libraries" names nobody)
        title_case = mostly_capitalized(tokens)
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
            elif i > 0 and word[:1].isupper() and low not in self.words and not (
                    title_case and everyday_word(word)):
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
    """The model's input table (for training) and, per row, the words behind each cue."""
    import pandas as pd

    rows, evidence = [], []
    for item in items:
        values, words = cues.extract(item)
        values["words"] = words_for_model(item.author_text)
        rows.append(values)
        evidence.append(words)
    frame = pd.DataFrame(rows, columns=["words", *CUE_COLUMNS])
    return frame, evidence


_WHITE_SPACES = re.compile(r"\s\s+")  # as scikit-learn's vectorizers normalize spaces


class LinearOpinionModel:
    """A fitted ``OpinionClassifier`` (``framing.learn``) reduced to what prediction needs.

    The same TF-IDF weights, coefficients, calibration and threshold, applied in plain Python:
    analyzing then imports neither scikit-learn, SciPy nor pandas (seconds at start-up, in the
    command line, the app and every corpus worker), and the cached model file is a fraction
    of the fitted pipeline's size. Its scores equal the classifier's (tests/test_classify.py).
    """

    def __init__(self, classifier) -> None:
        # (name, analyzer, vocabulary, idf, ngram range, offset of its first feature)
        self.blocks: list[tuple[str, str, dict[str, int], array, tuple[int, int], int]] = []
        names: list[str] = []
        offset = 0
        for name, transformer, columns in classifier.pipeline_[0].transformers_:
            if name == "cues":
                self.cue_offset = offset
                self.cue_columns = tuple(columns)
                names.extend(f"cues__{c}" for c in columns)
                offset += len(columns)
            elif transformer != "drop":
                vocabulary = {term: int(j) for term, j in transformer.vocabulary_.items()}
                self.blocks.append((name, transformer.analyzer, vocabulary,
                                    array("d", transformer.idf_), transformer.ngram_range, offset))
                ordered = sorted(vocabulary, key=vocabulary.get)
                names.extend(f"{name}__{term}" for term in ordered)
                offset += len(vocabulary)
        self.feature_names_ = tuple(names)
        coef = classifier.pipeline_[-1].coef_[0]
        intercept = float(classifier.pipeline_[-1].intercept_[0])
        sign = 1.0 if classifier.classes_[1] == OPINION else -1.0
        self.coef_ = array("d", (sign * float(c) for c in coef))
        self.intercept_ = sign * intercept
        self.calibration_ = (float(classifier.calibrator_.coef_[0][0]),
                             float(classifier.calibrator_.intercept_[0]))
        self.threshold_ = float(classifier.threshold_)
        self.classes_ = tuple(str(c) for c in classifier.classes_)
        self.cue_weights_ = dict(classifier.cue_weights_)
        self.char_ngrams = classifier.char_ngrams

    def __getstate__(self) -> dict:
        # Each vocabulary as its terms in index order, one string: a third of the pickled
        # dictionaries' size; the dictionaries and feature names are rebuilt on reading.
        state = dict(self.__dict__)
        del state["feature_names_"]
        state.pop("explained_features", None)  # (built again on first use)
        state["blocks"] = [(name, analyzer, "\n".join(sorted(vocabulary, key=vocabulary.get)),
                            idf, ngram_range, offset)
                           for name, analyzer, vocabulary, idf, ngram_range, offset in self.blocks]
        return state

    def __setstate__(self, state: dict) -> None:
        blocks, names = [], []
        for name, analyzer, terms, idf, ngram_range, offset in state["blocks"]:
            ordered = terms.split("\n")
            blocks.append((name, analyzer, dict(zip(ordered, range(len(ordered)))), idf,
                           ngram_range, offset))
            names.append((offset, ordered, name))
        self.__dict__.update(state, blocks=blocks)
        features = [""] * len(self.coef_)
        for offset, ordered, kind in names:
            features[offset:offset + len(ordered)] = (f"{kind}__{t}" for t in ordered)
        for k, column in enumerate(self.cue_columns):
            features[self.cue_offset + k] = f"cues__{column}"
        self.feature_names_ = tuple(features)

    @functools.cached_property
    def explained_features(self) -> tuple[tuple[str, str], ...]:
        """Each feature as ``explain`` reads it: its kind (words, chars or cues) and, for a
        word or phrase, the cue a reader is shown (``_word_cue``); for a character n-gram or
        a cue, the n-gram or the cue's column."""
        parts = []
        for name in self.feature_names_:
            kind, _, feature = name.partition("__")
            parts.append((kind, _word_cue(feature) if kind == "words" else feature))
        return tuple(parts)

    @staticmethod
    def _grams(analyzer: str, text: str, ngram_range: tuple[int, int]) -> list[str]:
        """The terms scikit-learn's vectorizer counts in a text (lowercased, as it does)."""
        text = text.lower()
        low, high = ngram_range
        grams: list[str] = []
        if analyzer == "char_wb":
            for w in _WHITE_SPACES.sub(" ", text).split():
                w = f" {w} "
                for n in range(low, high + 1):
                    offset = 0
                    grams.append(w[offset:offset + n])
                    while offset + n < len(w):
                        offset += 1
                        grams.append(w[offset:offset + n])
                    if offset == 0:  # a word shorter than n counts once
                        break
            return grams
        words = _NON_SPACE.findall(text)
        if low == 1:
            grams.extend(words)
        for n in range(max(low, 2), min(high + 1, len(words) + 1)):
            grams.extend(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))
        return grams

    def features(self, words: str, cues: list[float]) -> list[tuple[int, float]]:
        """One row's nonzero features as (index, value), in index order: each TF-IDF block
        (1 + log of the count, times the idf, scaled to unit length) and the cue values."""
        row: list[tuple[int, float]] = []
        for _, analyzer, vocabulary, idf, ngram_range, offset in self.blocks:
            counts: dict[int, int] = {}
            for gram in self._grams(analyzer, words, ngram_range):
                j = vocabulary.get(gram)
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
            block = [(j, (math.log(counts[j]) + 1.0) * idf[j]) for j in sorted(counts)]
            norm = math.sqrt(sum(v * v for _, v in block))
            if norm:
                row.extend((offset + j, v / norm) for j, v in block)
        row.extend((self.cue_offset + k, float(v)) for k, v in enumerate(cues) if v)
        return row

    def score(self, words: list[str], cues: list[list[float]]
              ) -> tuple[list[float], list[list[tuple[int, float]]]]:
        """Calibrated opinion probabilities of the rows, and each row's contributions towards
        opinion (index, weight × value)."""
        probabilities, contributions = [], []
        a, b = self.calibration_
        coef = self.coef_
        for text, values in zip(words, cues):
            parts = [(j, v * coef[j]) for j, v in self.features(text, values)]
            decision = sum(c for _, c in parts) + self.intercept_
            probabilities.append(_expit(a * decision + b))
            contributions.append(parts)
        return probabilities, contributions


_NON_SPACE = re.compile(r"\S+")  # the word vectorizer's token pattern


def _expit(z: float) -> float:
    """The logistic function, without overflow."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


# Pronouns that stand for someone else who spoke: "It said …", "They told …" (not "We urge
# you …", "I said …": the writer)
_SPEAKING_PRONOUNS = frozenset("he she it they".split())


def _only_who_spoke(item: SentenceInput) -> bool:
    """Whether the writer's words left in a reported sentence are only a pronoun for who spoke
    ("It" of "It said the bridge would open", "They"): nothing of the writer's to judge. Alone,
    such a word carried the whole of the n-gram weights ("it" of the writer's "it is a
    disgrace" made "It said …" an opinion at 0.998); the sentence is scored on its cues."""
    if item.voice == "author":
        return False
    left = words_for_model(item.author_text).split()
    return bool(left) and all(w in _SPEAKING_PRONOUNS for w in left)


def build_rows(items: list[SentenceInput], cues: CueExtractor):
    """What ``LinearOpinionModel.score`` reads: each row's words and cue values, and the
    words behind each cue."""
    words, values, evidence = [], [], []
    for item in items:
        counts, found = cues.extract(item)
        words.append("" if _only_who_spoke(item) else words_for_model(item.author_text))
        values.append([counts[c] for c in CUE_COLUMNS])
        evidence.append(found)
    return words, values, evidence


_VALUED = ("subjectivity", "polarity", "quoted_share")
# Contributions that are priors rather than cues a reader can check in the sentence.
_UNSHOWN = frozenset({CUES["length"]})


def contributions_value(feature: str, contribution: float, model) -> float:
    """A valued cue's own value, recovered from its contribution and the model's weight."""
    weight = model.cue_weights_.get(feature, 0.0)
    return contribution / weight if weight else 0.0


def _char_ngram_cues(tokens: list[str], lengths: tuple[int, int]
                     ) -> dict[str, dict[str, str]]:
    """Each character n-gram of the words (padded with spaces, as char_wb does) and the
    distinct words it occurs in, in the words' order, each with its cue (``_word_cue``)."""
    found: dict[str, dict[str, str]] = {}
    low, high = lengths
    for token in dict.fromkeys(tokens):
        padded = f" {token} "
        cue = _word_cue(token)
        for n in range(low, high + 1):
            for i in range(len(padded) - n + 1):
                found.setdefault(padded[i:i + n], {})[token] = cue
    return found



_ZEROS = re.compile(r"[0 ]+")


def _word_cue(feature: str) -> str:
    """A word or phrase feature as a cue. The model sees every digit as 0, so a number reads
    as "a number" and a digit inside a word or phrase as "#" ("phrase: # percent"), not as
    the zeros ("word: 0000") that mean nothing to a reader."""
    if _ZEROS.fullmatch(feature):
        return "a number"
    return f"{'phrase' if ' ' in feature else 'word'}: {feature.replace('0', '#')}"


# Words that carry grammar, not judgment: the model may lean on them, but "word: of" tells a
# reader nothing, so they are not shown as a reason (modals such as "will" or "should" are).
_FUNCTION_WORDS = frozenset(
    """a an the of in on at to for from by with about into over after before and or but nor
    as than that this these those it its is are was were be been being am has have had do
    does did there here which who whom whose what when where while if then so not no""".split())


def _function_words_only(cue: str) -> bool:
    kind, _, words = cue.partition(": ")
    return kind in ("word", "phrase") and all(w in _FUNCTION_WORDS for w in words.split())


def explain(model: LinearOpinionModel, contributions: list[tuple[int, float]],
            evidence: dict[str, list[str]], words: str, label: str,
            limit: int = 6) -> tuple[str, ...]:
    """The cues that pushed this row towards its label, in words a reader understands.

    Word and phrase features speak for themselves. Character n-grams are credited to the
    words that contain them (shared equally when several do), so they read as "word: ugly".
    Cue features are named with the words that triggered them ("hedge: could").
    """
    holders_of = _char_ngram_cues(words.split(), model.char_ngrams or (0, -1))
    features = model.explained_features
    scores: dict[str, float] = {}
    for index, value in contributions:
        kind, feature = features[index]
        if kind == "words":
            scores[feature] = scores.get(feature, 0.0) + value
        elif kind == "chars":
            holders = holders_of.get(feature, {})
            for key in holders.values():  # (two words may read as one cue: "00", "000")
                scores[key] = scores.get(key, 0.0) + value / len(holders)
        else:
            # (a letter alone is no evidence a reader can use: the "S" of "U.S.")
            found = [w for w in evidence.get(feature, []) if len(w) > 1]
            key = CUES[feature] + (f": {', '.join(dict.fromkeys(found))}" if found else "")
            if feature in _VALUED:  # a score, not a count: say how much
                key = f"{CUES[feature]}: {contributions_value(feature, value, model):.2f}"
            scores[key] = scores.get(key, 0.0) + value
    numbers = next((k for k in scores if k.startswith(f"{CUES['numbers']}: ")), None)
    if numbers and "a number" in scores:  # one cue for the numbers, with the numbers named
        scores[numbers] += scores.pop("a number")
    toward = 1.0 if label == OPINION else -1.0
    ranked = sorted((k for k, v in scores.items() if v * toward > 0.05 and k not in _UNSHOWN
                     and not _function_words_only(k)),
                    key=lambda k: -abs(scores[k]))
    return tuple(ranked[:limit])


# ----------------------------------------------------------------------------- training data


def read_labeled(paths, text_column: str = "text", label_column: str = "label"):
    """(text, label) pairs from labeled CSV files, validated with errors that say what is wrong."""
    from .ingest import MAX_CHARS

    read_long_cells()  # (a cell of 200,000 characters is read, as classify reads it)
    texts, labels = [], []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            raise ModelError(f"{path}: is a folder; give the labeled CSV files in it "
                             f"({Path(path, '*.csv')})")
        if not path.is_file():
            raise ModelError(f"{path}: no such labeled CSV file")
        try:
            with path.open(newline="", encoding="utf-8-sig") as fh:
                reader = csv.DictReader(fh, strict=True)
                header = reader.fieldnames or []
                problem = header_problem(header)
                if problem:  # (the last 'label' of two would be read, silently)
                    raise ModelError(f"{path}: {problem}")
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
                    if len(text) > MAX_CHARS:
                        raise ModelError(
                            f"{path}: line {reader.line_num}: {text_column!r} is over the "
                            f"limit of {MAX_CHARS:,} characters; a labeled row is a sentence"
                        )
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
            raise ModelError(f"{path}: not a readable CSV file ({csv_problem(error)})"
                             ) from None
    if len(texts) < MIN_TRAINING_ROWS:
        raise ModelError(
            f"only {len(texts)} labeled rows; at least {MIN_TRAINING_ROWS} are needed"
        )
    if len(set(labels)) < 2:
        raise ModelError(f"every row is labeled {labels[0]!r}; both labels are needed "
                         "(opinion and reporting)")
    fewest = min((OPINION, REPORTING), key=labels.count)
    if labels.count(fewest) < MIN_ROWS_PER_LABEL:
        # (the model is calibrated on 5 folds, each of which needs both labels)
        raise ModelError(f"only {labels.count(fewest)} row(s) labeled {fewest!r}; each label "
                         f"needs at least {MIN_ROWS_PER_LABEL}")
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
    digest.update(f"{FEATURE_VERSION}|{sklearn_version()}|{_version('numpy')}".encode())
    return digest.hexdigest()[:20]


# ----------------------------------------------------------------------------- model files


@dataclass(frozen=True)
class ModelBundle:
    """A trained model and what it was made with, as saved to a model file."""

    model: OpinionClassifier | LinearOpinionModel  # the fitted classifier, or its reduction
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

    def combine(self, lexical, texts: list[str]):
        """The opinion score of each text: the lexical model's calibrated probability, or with
        the transformer backend the mean of it and the language model's probability (which is
        returned too, for the explanation)."""
        if self.transformer is None:
            return lexical, None
        import numpy as np

        language = self.transformer.opinion_probability(texts)
        return (np.asarray(lexical) + language) / 2, language


def save_model(bundle: ModelBundle, path: str | Path) -> None:
    """Write the model file (``framing.modelfile``: data, never code) atomically: a
    temporary file, then a rename."""
    from .modelfile import dumps
    from .outfile import write_file

    write_file(path, dumps(bundle), error=ModelError)


def load_model(path: str | Path) -> ModelBundle:
    """Read a model file; a file from another version or a damaged one says how to retrain.
    Reading runs nothing the file holds (``framing.modelfile``)."""
    from .modelfile import RETRAIN, read

    path = Path(path)
    if path.is_dir():
        raise ModelError(f"{shown_path(path)}: is a directory, not a model file")
    if path.exists() and not path.is_file():  # a pipe or a device: read no stream as a model
        raise ModelError(f"{shown_path(path)}: not a model file (not a regular file)")
    if not path.is_file():
        raise ModelError(f"{shown_path(path)}: no such model file")
    bundle = read(path)
    if bundle.feature_version != FEATURE_VERSION or bundle.sklearn_version != sklearn_version():
        raise ModelError(
            f"{path}: made by another version (features v{bundle.feature_version}, "
            f"scikit-learn {bundle.sklearn_version}; this is v{FEATURE_VERSION}, "
            f"scikit-learn {sklearn_version()}); {RETRAIN}"
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


def _version(package: str) -> str:
    """An installed package's version, read without importing the package."""
    from importlib.metadata import version

    return version(package)


def sklearn_version() -> str:
    """The installed scikit-learn's version (a model file records the one it was made with)."""
    return _version("scikit-learn")


def compiled(model) -> LinearOpinionModel:
    """The model as prediction uses it: a fitted ``OpinionClassifier`` reduced to a
    ``LinearOpinionModel`` (a model that already is one is returned as it is)."""
    return model if isinstance(model, LinearOpinionModel) else LinearOpinionModel(model)


def __getattr__(name: str):
    # The classifier and its training helpers live in framing.learn, which imports
    # scikit-learn; they are still found here, as before (and so are old model files).
    if name in ("OpinionClassifier", "_best_threshold", "PLATEAU"):
        from . import learn

        return getattr(learn, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
