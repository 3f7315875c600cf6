"""Opinion vs reporting benchmark: the shipped model and TextBlob on public evaluation data.

    python bench/classifier.py [--eval-dir ../shared/eval] [--quick] [--backend transformer]

Prints one table:
- macro-F1 of the shipped model (trained only on corpus/labeled) and of TextBlob
  (subjectivity >= 0.5) on checkthat_train_dev.csv (all rows) and on babe_dev.csv (opinion vs
  factual; mixed and no_agreement left out);
- the trainable path: a model trained on the CheckThat train split, scored on its dev split;
- our own held-out sentences (corpus/heldout/, never trained on): plainly worded opinions about
  named people and institutions, with matched reporting sentences; measured even when the
  evaluation files are absent;
- speed: sentences per second of `classify` after the model is loaded (one process, which
  uses one core), training time from the shipped corpus, and peak memory of classifying
  10,000 sentences.

With ``--backend transformer`` (needs requirements-embeddings.txt) every model is the lexical
model averaged with all-MiniLM-L6-v2 fine-tuned on the same sentences; training the shipped one
takes about ten minutes on two cores, and the memory probe is left out.

Skips the public rows (exit 0) when the evaluation files are absent. The evaluation files are
never used for training the shipped model.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HELD_OUT = ROOT / "corpus" / "heldout"
sys.path.insert(0, str(ROOT))

from framing import Analyzer  # noqa: E402
from framing.classify import read_labeled, shipped_training_files  # noqa: E402
from framing.evaluation import score_labels, textblob_labels  # noqa: E402


def macro_f1(gold, pred) -> float:
    return score_labels(gold, pred).macro_f1


def load(path: Path, label_column: str, mapping: dict[str, str], split: str | None = None):
    texts, labels, splits = [], [], []
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            label = mapping.get(row[label_column])
            if label is None:
                continue
            texts.append(row["text"])
            labels.append(label)
            splits.append(row.get("split", ""))
    if split is not None:
        keep = [i for i, s in enumerate(splits) if s == split]
        return [texts[i] for i in keep], [labels[i] for i in keep]
    return texts, labels


def print_rows(rows) -> None:
    print(f"{'evaluation':52} {'rows':>5} {'framing':>8} {'TextBlob':>9}")
    for name, n, ours, textblob in rows:
        print(f"{name:52} {n:5d} {ours:8.3f} {textblob:9.3f}")


def predict(analyzer: Analyzer, texts) -> list[str]:
    return [r.score.label for r in analyzer.classify_texts(texts)]


MEMORY_PROBE = """
import resource, sys
sys.path.insert(0, {root!r})
from framing import Analyzer
from framing.classify import read_labeled, shipped_training_files
texts, _ = read_labeled(shipped_training_files())
texts = (texts * 4)[:10000]
analyzer = Analyzer()
analyzer.model
for start in range(0, len(texts), 500):
    analyzer.classify_texts(texts[start:start + 500], explained=False)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_eval = ROOT.parent / "shared" / "eval"
    parser.add_argument("--eval-dir", default=str(default_eval))
    parser.add_argument("--quick", action="store_true", help="skip the speed and memory runs")
    parser.add_argument("--backend", choices=("lexical", "transformer"), default="lexical")
    args = parser.parse_args()
    eval_dir = Path(args.eval_dir)
    checkthat = eval_dir / "checkthat_train_dev.csv"
    babe = eval_dir / "babe_dev.csv"

    started = time.perf_counter()
    analyzer = Analyzer(backend=args.backend)
    texts, labels = read_labeled(shipped_training_files())
    bundle = analyzer.train(texts, labels)
    training_seconds = time.perf_counter() - started
    analyzer._bundle = bundle

    rows = []
    for path in sorted(HELD_OUT.glob("*.csv")):
        held_texts, held_gold = read_labeled([path])
        rows.append((f"our held-out {path.stem} (corpus/heldout)", len(held_texts),
                     macro_f1(held_gold, predict(analyzer, held_texts)),
                     macro_f1(held_gold, textblob_labels(held_texts))))
    if not checkthat.exists() or not babe.exists():
        print_rows(rows)
        print(f"skipped the public rows: evaluation files not found in {eval_dir}")
        return 0
    ct_texts, ct_gold = load(checkthat, "label", {"opinion": "opinion", "reporting": "reporting"})
    rows.append(("checkthat_train_dev (all rows)", len(ct_texts),
                 macro_f1(ct_gold, predict(analyzer, ct_texts)),
                 macro_f1(ct_gold, textblob_labels(ct_texts))))
    b_texts, b_gold = load(babe, "opinion", {"opinion": "opinion", "factual": "reporting"})
    rows.append(("babe_dev opinion vs factual", len(b_texts),
                 macro_f1(b_gold, predict(analyzer, b_texts)),
                 macro_f1(b_gold, textblob_labels(b_texts))))

    train_texts, train_labels = load(checkthat, "label", {"opinion": "opinion",
                                                          "reporting": "reporting"}, "train")
    dev_texts, dev_labels = load(checkthat, "label", {"opinion": "opinion",
                                                      "reporting": "reporting"}, "dev")
    trainable = Analyzer(model=analyzer.train(train_texts, train_labels))
    rows.append(("checkthat dev, model trained on checkthat train", len(dev_texts),
                 macro_f1(dev_labels, predict(trainable, dev_texts)),
                 macro_f1(dev_labels, textblob_labels(dev_texts))))

    print_rows(rows)
    print(f"training from the shipped corpus ({len(texts)} sentences): {training_seconds:.2f} s")

    if not args.quick:
        sample = (ct_texts + b_texts) * 3
        for explained, what in ((False, "as `classify` does, without cues"),
                                (True, "with cues, as `analyze` does")):
            started = time.perf_counter()
            for start in range(0, len(sample), 500):
                analyzer.classify_texts(sample[start:start + 500], explained=explained)
            rate = len(sample) / (time.perf_counter() - started)
            print(f"classify speed {what}: {rate:,.0f} sentences/s "
                  f"({len(sample)} sentences, one process)")
        if args.backend != "lexical":
            return 0
        peak = subprocess.run([sys.executable, "-c", MEMORY_PROBE.format(root=str(ROOT))],
                              capture_output=True, text=True, check=True).stdout.strip()
        print(f"peak memory classifying 10,000 sentences: {float(peak):.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
