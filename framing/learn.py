"""The scikit-learn side of the opinion classifier: training and the threshold choice.

Only training (``python -m framing train``, the shipped model's first use, benchmarks) imports
this module, and with it scikit-learn, SciPy and pandas; analyzing uses the fitted model's
``LinearOpinionModel`` (``framing.classify``), which needs none of them.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import Pipeline

from .classify import CUE_COLUMNS, OPINION
from .errors import ModelError


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

