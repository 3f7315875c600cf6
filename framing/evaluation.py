"""Scoring a labeling against gold labels: per-class precision, recall and F1, macro-F1, the
confusion matrix, and the TextBlob baseline (subjectivity >= 0.5)."""

from __future__ import annotations

from dataclasses import dataclass

LABELS = ("opinion", "reporting")


@dataclass(frozen=True)
class ClassScores:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Scores:
    """Per-class scores, macro-F1 and the confusion matrix (rows gold, columns predicted)."""

    classes: tuple[ClassScores, ...]
    macro_f1: float
    confusion: tuple[tuple[int, ...], ...]
    labels: tuple[str, ...]


def score_labels(gold: list[str], predicted: list[str], labels=LABELS) -> Scores:
    classes = []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        classes.append(ClassScores(label, precision, recall, f1, tp + fn))
    confusion = tuple(
        tuple(sum(1 for g, p in zip(gold, predicted) if g == row and p == col) for col in labels)
        for row in labels
    )
    macro = sum(c.f1 for c in classes) / len(classes)
    return Scores(tuple(classes), macro, confusion, tuple(labels))


def textblob_labels(texts: list[str]) -> list[str]:
    """The baseline most people reach for: TextBlob subjectivity of the whole sentence >= 0.5."""
    from textblob.en import sentiment

    return ["opinion" if sentiment(text)[1] >= 0.5 else "reporting" for text in texts]


def format_report(name: str, scores: Scores) -> str:
    lines = [name, f"{'':12} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}"]
    for c in scores.classes:
        lines.append(f"{c.label:12} {c.precision:9.3f} {c.recall:7.3f} {c.f1:6.3f} {c.support:8d}")
    lines.append(f"{'macro-F1':12} {'':9} {'':7} {scores.macro_f1:6.3f}")
    lines.append("confusion (rows gold, columns predicted):")
    lines.append(f"{'':12}" + "".join(f"{label:>11}" for label in scores.labels))
    for label, row in zip(scores.labels, scores.confusion):
        lines.append(f"{label:12}" + "".join(f"{n:11d}" for n in row))
    return "\n".join(lines)
