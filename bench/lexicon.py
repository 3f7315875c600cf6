"""Loaded-term benchmark: our lexicons against word-level and sentence-level bias annotations.

    python bench/lexicon.py [--eval-dir ../shared/eval] [--by-category]

- BABE dev (1,000 sentences, `biased_words`): word-level precision, recall and F1. A predicted
  word is a word inside one of our loaded-term hits; gold words are the annotators' biased
  words; both are compared case-insensitively, as multisets per sentence.
- BASIL dev (2,853 sentences): F1 of "this sentence holds loaded wording" (label
  lexical_bias), in any voice; and span overlap with the expert `lexical_spans` (a gold span
  counts as found when one of our hits overlaps it).
- Baseline: TextBlob's subjective words (a word whose pattern-lexicon subjectivity is >= 0.5).
- Speed: how much term matching adds to `classify`.

The categories counted as loaded wording are FLAGGED below. Skips cleanly when the evaluation
files are absent.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing import Analyzer  # noqa: E402

FLAGGED = ("loaded", "label", "attribution_verb")
# Function words inside a phrase hit ("the left", "hold to ransom") are not loaded words.
FUNCTION_WORDS = frozenset("the a an of to for in on at by with and or out up down off as".split())
WORD = re.compile(r"[^\W_]+(?:[-’'][^\W_]+)*")


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def textblob_words(text: str) -> list[str]:
    from textblob.en import sentiment

    out = []
    for w in words(text):
        entry = sentiment.get(w)
        values = entry and (entry.get("JJ") or entry.get("RB") or entry.get(None))
        if values and values[1] >= 0.5:
            out.append(w)
    return out


def predicted_words(result, categories) -> tuple[list[str], list[tuple[int, int]]]:
    hits = [h for h in result.hits if h.category in categories]
    found = [w for h in hits for w in words(h.surface) if w not in FUNCTION_WORDS]
    return found, [(h.start, h.end) for h in hits]


def babe(analyzer: Analyzer, path: Path, categories):
    rows = list(csv.DictReader(path.open(newline="", encoding="utf-8")))
    results = analyzer.classify_texts([r["text"] for r in rows], explained=False)
    scores = {}
    for name, predict in (
        ("framing", lambda row, res: predicted_words(res, categories)[0]),
        ("TextBlob subjective words", lambda row, res: textblob_words(row["text"])),
    ):
        tp = pred = gold = 0
        for row, res in zip(rows, results):
            truth = Counter(w for phrase in json.loads(row["biased_words"] or "[]")
                            for w in words(phrase))
            guess = Counter(predict(row, res))
            tp += sum((truth & guess).values())
            pred += sum(guess.values())
            gold += sum(truth.values())
        scores[name] = prf(tp, pred, gold)
    return len(rows), scores


def basil(analyzer: Analyzer, path: Path, categories):
    rows = list(csv.DictReader(path.open(newline="", encoding="utf-8")))
    results = analyzer.classify_texts([r["text"] for r in rows], explained=False)
    gold = [r["label"] == "lexical_bias" for r in rows]
    out = {}
    for name, flags in (
        ("framing", [bool(predicted_words(res, categories)[0]) for res in results]),
        ("TextBlob subjective words", [bool(textblob_words(r["text"])) for r in rows]),
    ):
        tp = sum(1 for g, f in zip(gold, flags) if g and f)
        out[name] = prf(tp, sum(flags), sum(gold))
    found = total = 0
    for row, res in zip(rows, results):
        spans = json.loads(row["lexical_spans"] or "[]")
        _, ours = predicted_words(res, categories)
        text = row["text"]
        for span in spans:
            at = text.find(span)
            if at < 0:
                continue
            total += 1
            if any(s < at + len(span) and at < e for s, e in ours):
                found += 1
    return len(rows), out, (found, total)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--by-category", action="store_true",
                        help="also score each category on its own")
    args = parser.parse_args()
    eval_dir = Path(args.eval_dir)
    babe_path, basil_path = eval_dir / "babe_dev.csv", eval_dir / "basil_dev.csv"
    if not babe_path.exists() or not basil_path.exists():
        print(f"skipped: evaluation files not found in {eval_dir}")
        return 0
    analyzer = Analyzer()
    _ = analyzer.model  # load the classifier before timing anything

    print(f"categories counted as loaded wording: {', '.join(FLAGGED)}")
    n, scores = babe(analyzer, babe_path, FLAGGED)
    print(f"\nBABE dev, biased words ({n} sentences), word level")
    for name, (p, r, f) in scores.items():
        print(f"  {name:28} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    n, scores, (found, total) = basil(analyzer, basil_path, FLAGGED)
    print(f"\nBASIL dev, sentence holds loaded wording ({n} sentences)")
    for name, (p, r, f) in scores.items():
        print(f"  {name:28} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    print(f"  expert spans overlapped by a framing hit: {found} of {total} "
          f"({found / total:.1%})")

    if args.by_category:
        print("\nby category (BABE word F1 / BASIL sentence F1):")
        for category in sorted(analyzer.lexicon.categories() | {"scare_quote"}):
            _, b = babe(analyzer, babe_path, (category,))
            _, s, _ = basil(analyzer, basil_path, (category,))
            print(f"  {category:22} {b['framing'][2]:.3f} / {s['framing'][2]:.3f}")

    texts = [r["text"] for r in csv.DictReader(babe_path.open(newline="", encoding="utf-8"))]
    texts = texts * 3
    terms, empty = analyzer.terms, type(analyzer.terms)()
    best = {"with": float("inf"), "without": float("inf")}
    for _ in range(3):  # alternate, and keep each one's fastest run
        for name, lexicon in (("with", terms), ("without", empty)):
            analyzer.terms = lexicon
            started = time.perf_counter()
            analyzer.classify_texts(texts, explained=False)
            best[name] = min(best[name], time.perf_counter() - started)
    analyzer.terms = terms
    print(f"\nterm matching adds {best['with'] / best['without'] - 1:.0%} to classify "
          f"({len(texts)} sentences: {best['with']:.2f} s with, {best['without']:.2f} s "
          "without; fastest of three runs each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
