"""How well the evaluation labels can be learned at all: our features trained on the data itself.

    python bench/ceilings.py [--eval-dir ../shared/eval] [--folds 5] [--backend transformer]

The targets of the classifier and lexicon benchmarks are measured on data labeled under other
projects' conventions. This benchmark trains the lexical model on each evaluation file itself,
by cross-validation, to show how far our features can follow those labels when they are allowed
to learn them (which the shipped model never is). These models are thrown away.

- CheckThat (all rows) and BABE (opinion vs factual): stratified k-fold, macro-F1 of the
  out-of-fold labels (each model picks its own threshold on its training folds).
- BASIL: "this sentence holds loaded wording", folds grouped by article so that no article is
  in both training and test; F1 of the positive class, both at each model's own threshold and
  at the single best threshold on all out-of-fold scores (an optimistic figure: the threshold
  is chosen on the test labels).

With ``--backend transformer`` (needs requirements-embeddings.txt) each model is the lexical
model averaged with all-MiniLM-L6-v2 fine-tuned on the training folds (about twenty minutes).

With ``--grid`` it also scores a grid of lexical designs (regularization, word and character
n-grams) on CheckThat the same way, to show whether any of them gets further (about two
minutes).

With ``--hyperpartisan`` it also measures how far *any* combination of our article metrics
can separate the 645 hyperpartisan and mainstream articles of ``hyperpartisan_dev.csv``: every
article is analyzed (title, blank line, text; about three minutes), and logistic regression and
gradient boosting are trained on all numeric columns of ``analyze --level article`` by 5-fold
cross-validation, stratified and grouped by site (so that a site's house style is not what is
learned). The framing score is an untrained weighting of these metrics, so a cross-validated
model of all of them bounds what re-weighting it can reach.

Skips cleanly when the evaluation files are absent.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import sys
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold, StratifiedKFold, cross_val_predict

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing import Analyzer  # noqa: E402
from framing.classify import OpinionClassifier, build_frame  # noqa: E402
from framing.evaluation import score_labels  # noqa: E402


def rows_of(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def out_of_fold(texts, labels, splits, backend="lexical"):
    """Out-of-fold labels and opinion probabilities of models trained on the other folds."""
    analyzer = Analyzer(backend=backend)
    predicted = [""] * len(texts)
    probability = np.zeros(len(texts))
    for train, test in splits:
        model = analyzer.train([texts[i] for i in train], [labels[i] for i in train])
        scorer = Analyzer(model=model, backend=backend)
        fold = scorer.classify_texts([texts[i] for i in test], explained=False)
        for i, result in zip(test, fold):
            predicted[i] = result.score.label
            probability[i] = result.score.opinion_score
    return predicted, probability


def design_grid(texts, labels, folds) -> None:
    """Out-of-fold macro-F1 of lexical designs trained on the rows themselves."""
    analyzer = Analyzer()
    frame, _ = build_frame([analyzer._text_input(text)[0] for text in texts], analyzer.cues)
    print("  lexical designs on checkthat_train_dev (C, word n-grams, character n-grams):")
    for C, words, chars in itertools.product((0.3, 1.0, 3.0), ((1, 1), (1, 2)),
                                             (None, (4, 4), (3, 5))):
        model = OpinionClassifier(C=C, ngram_range=words, char_ngrams=chars)
        predicted = cross_val_predict(model, frame, np.asarray(labels), cv=folds)
        print(f"    C={C:<4} words {words} chars {chars or '-'!s:7} "
              f"macro-F1 {score_labels(labels, list(predicted)).macro_f1:.3f}")


def f1_of(truth: np.ndarray, flags: np.ndarray) -> tuple[float, float, float]:
    tp = int((truth & flags).sum())
    p = tp / flags.sum() if flags.sum() else 0.0
    r = tp / truth.sum() if truth.sum() else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def hyperpartisan_ceiling(path: Path, folds: int) -> None:
    import pandas as pd
    from scipy.stats import rankdata
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from framing import Analyzer, Article, FramingError
    from framing.export import articles_frame

    analyzer, frames, labels, sites = Analyzer(), [], [], []
    for row in rows_of(path):
        text = f"{row['title']}\n\n{row['text']}" if row["title"] else row["text"]
        try:
            report = analyzer.analyze(Article(text=text, id=row["id"], title=row["title"]))
        except FramingError as error:
            print(f"  skipped {row['id']}: {error}")
            continue
        frames.append(articles_frame([report]))
        labels.append(row["label"] == "hyperpartisan")
        sites.append(row["outlet_host"])
    table, y = pd.concat(frames, ignore_index=True), np.array(labels)
    columns = [c for c in table.columns if table[c].dtype.kind in "fiu"
               and not c.startswith("framing_score_")]  # the interval bounds restate the score
    X = table[columns].fillna(0).to_numpy(float)
    print(f"\nhyperpartisan_dev: {len(y)} articles ({y.sum()} hyperpartisan), "
          f"{len(columns)} numeric article metrics; ROC AUC")
    shipped = roc_auc_score(y, table["framing_score"])
    print(f"  framing_score (untrained, shipped)                 {shipped:.3f}")
    single = sorted(((max(a, 1 - a), c) for c in columns
                     for a in [roc_auc_score(y, table[c].fillna(0))]), reverse=True)
    print("  best single metrics (either direction): " + ", ".join(
        f"{c} {a:.3f}" for a, c in single[:4]))
    for k in (3, 8):
        ranks = sum(rankdata(table[c].fillna(0))
                    * (1 if roc_auc_score(y, table[c].fillna(0)) >= 0.5 else -1)
                    for _, c in single[:k])
        print(f"  rank average of the {k} best (chosen on these labels)   "
              f"{roc_auc_score(y, ranks):.3f}")
    models = {
        "logistic": lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)),
        "boosting": lambda: HistGradientBoostingClassifier(max_depth=3, learning_rate=0.05,
                                                           max_iter=200),
    }
    for name, cv, groups in (
            ("stratified", StratifiedKFold(folds, shuffle=True, random_state=0), None),
            ("grouped by site", GroupKFold(folds), sites)):
        for model, make in models.items():
            p = cross_val_predict(make(), X, y, cv=cv, groups=groups, method="predict_proba")
            auc = roc_auc_score(y, p[:, 1])
            print(f"  {model} on all metrics, {folds}-fold {name:16}  {auc:.3f}")
    fitted = make_pipeline(StandardScaler(), LogisticRegression(C=100.0, max_iter=5000)).fit(X, y)
    print(f"  logistic fitted to all labels and scored on them   "
          f"{roc_auc_score(y, fitted.predict_proba(X)[:, 1]):.3f} (optimistic: no held-out data)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--grid", action="store_true",
                        help="also score a grid of lexical designs on CheckThat")
    parser.add_argument("--backend", choices=("lexical", "transformer"), default="lexical")
    parser.add_argument("--hyperpartisan", action="store_true",
                        help="also bound what any combination of our article metrics reaches on "
                        "hyperpartisan_dev (analyzes 645 articles, about three minutes)")
    parser.add_argument("--only-hyperpartisan", action="store_true",
                        help="only the hyperpartisan bound")
    args = parser.parse_args()
    eval_dir = Path(args.eval_dir)
    paths = {name: eval_dir / f"{name}.csv" for name in ("checkthat_train_dev", "babe_dev",
                                                          "basil_dev")}
    if not all(path.exists() for path in paths.values()):
        print(f"skipped: evaluation files not found in {eval_dir}")
        return 0
    folds = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=0)
    hyperpartisan = eval_dir / "hyperpartisan_dev.csv"
    if args.only_hyperpartisan:
        if hyperpartisan.exists():
            hyperpartisan_ceiling(hyperpartisan, args.folds)
        return 0

    print(f"our {args.backend} model trained on each file itself "
          f"({args.folds}-fold cross-validation)")
    for name, column, mapping in (
        ("checkthat_train_dev", "label", {"opinion": "opinion", "reporting": "reporting"}),
        ("babe_dev", "opinion", {"opinion": "opinion", "factual": "reporting"}),
    ):
        rows = [r for r in rows_of(paths[name]) if r[column] in mapping]
        texts = [r["text"] for r in rows]
        labels = [mapping[r[column]] for r in rows]
        predicted, _ = out_of_fold(texts, labels, folds.split(texts, labels),
                                   args.backend)
        score = score_labels(labels, predicted).macro_f1
        print(f"  {name:22} {len(texts):5d} rows  macro-F1 {score:.3f}")
        if args.grid and name == "checkthat_train_dev":
            design_grid(texts, labels, folds)

    rows = rows_of(paths["basil_dev"])
    texts = [r["text"] for r in rows]
    truth = np.array([r["label"] == "lexical_bias" for r in rows])
    labels = ["opinion" if t else "reporting" for t in truth]
    groups = [r["article"].rsplit("_", 1)[0] for r in rows]  # one story, three outlets
    splits = GroupKFold(n_splits=args.folds).split(texts, labels, groups)
    predicted, probability = out_of_fold(texts, labels, splits, args.backend)
    p, r, f = f1_of(truth, np.array([label == "opinion" for label in predicted]))
    print(f"  {'basil_dev':22} {len(texts):5d} rows  loaded-wording F1 {f:.3f} "
          f"(P {p:.3f} R {r:.3f}) at each model's threshold")
    best = max(((f1_of(truth, probability >= t), t) for t in np.unique(probability)),
               key=lambda scored: scored[0][2])
    (p, r, f), threshold = best
    print(f"  {'':22} {'':10} best threshold on the test labels ({threshold:.3f}): "
          f"F1 {f:.3f} (P {p:.3f} R {r:.3f}), optimistic")
    return 0


if __name__ == "__main__":
    sys.exit(main())
