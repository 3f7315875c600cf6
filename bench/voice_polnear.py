"""Voice benchmark: author / attributed / quoted on PolNeAR dev (``voice_strict``).

Each article is rebuilt from its sentences (the first is the headline) and analyzed whole, so
quotations that run over several sentences keep their context; each gold sentence then takes
the voice of our sentence that overlaps it most.

    python bench/voice_polnear.py [--eval-dir ../shared/eval] [--errors 20]

Skips (exit 0) when the evaluation file is absent. Also prints the naive baseline the
evaluation README describes: quote marks first, then a list of verbs of saying, sentence by
sentence.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from framing import Analyzer, Article  # noqa: E402
from framing.evaluation import score_labels  # noqa: E402

VOICES = ("author", "attributed", "quoted")
NAIVE_VERBS = re.compile(
    r"\b(said|says|say|told|tells|according to|stated|states|added|adds|claimed|claims|"
    r"argued|argues|wrote|writes|asked|asks|announced|announces|explained|noted|insisted)\b",
    re.IGNORECASE,
)


def macro_f1(gold: list[str], pred: list[str]) -> tuple[float, dict]:
    scores = score_labels(gold, pred, VOICES)
    return scores.macro_f1, {c.label: (c.precision, c.recall, c.f1) for c in scores.classes}


def naive(text: str) -> str:
    marks = sum(text.count(c) for c in "\"“”")
    if marks >= 2 or text.lstrip().startswith(("“", '"')):
        return "quoted"
    return "attributed" if NAIVE_VERBS.search(text) else "author"


def load_docs(path: Path) -> dict[str, list[dict]]:
    docs: dict[str, list[dict]] = defaultdict(list)
    with path.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            docs[row["doc_id"]].append(row)
    for rows in docs.values():
        rows.sort(key=lambda r: int(r["sent_idx"]))
    return docs


def rebuild(rows: list[dict], joiner: str = "\n") -> tuple[Article, list[tuple[int, int]]]:
    """The article's text and each gold sentence's span in it.

    The headline, a blank line, then the body as one paragraph whose sentences are joined by
    ``joiner``: a line break keeps the gold sentence units (our segmenter splits lines), a
    space leaves the splitting to our segmenter.
    """
    parts, spans, position = [], [], 0
    for i, row in enumerate(rows):
        sentence = row["text"].strip()
        if i == 1:
            sep = "\n\n"
        elif i > 1:
            sep = joiner
        else:
            sep = ""
        position += len(sep)
        parts.append(sep + sentence)
        spans.append((position, position + len(sentence)))
        position += len(sentence)
    text = "".join(parts)
    return Article(text=text, id=rows[0]["doc_id"], title=rows[0]["text"].strip()), spans


def predict(analyzer: Analyzer, article: Article,
            spans: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """(voice, speaker) of our sentence that overlaps each gold sentence most."""
    report = analyzer.analyze(article)
    out = []
    for start, end in spans:
        best, overlap = ("author", ""), 0
        for s in report.sentences:
            o = min(end, s.end) - max(start, s.start)
            if o > overlap:
                best, overlap = (s.voice, s.speaker), o
        out.append(best)
    return out


# Gold sources that need coreference to check ("he said"): left out of the speaker figure.
PRONOUN_SOURCES = frozenset(
    "he she they it we i you him her them us me his its their our my one".split())
_NOT_NAMING = frozenset("the a an of and mr mrs ms dr s 's".split())


def _name_words(speaker: str) -> set[str]:
    return {w for w in re.findall(r"\w+", speaker.lower()) if w not in _NOT_NAMING}


def speaker_agrees(gold: str, ours: str) -> bool | None:
    """Whether our speaker names the gold source (a word in common, "Ruth Ambler" against
    "Valemouth Mayor Ruth Ambler"); None when the gold source is missing or a
    pronoun."""
    words = _name_words(gold)
    if not words or gold.strip().lower() in PRONOUN_SOURCES:
        return None
    return bool(words & _name_words(ours))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_eval = Path(__file__).resolve().parents[2] / "shared" / "eval"
    parser.add_argument("--eval-dir", default=str(default_eval))
    parser.add_argument("--errors", type=int, default=0, help="print this many errors")
    parser.add_argument("--joiner", choices=("line", "space"), default="line",
                        help="line: gold sentence units, one per line (default); space: our "
                        "own sentence splitting, each gold sentence scored by the sentence "
                        "that overlaps it most")
    args = parser.parse_args()
    path = Path(args.eval_dir) / "polnear_dev.csv"
    if not path.exists():
        print(f"skipped: {path} not found (evaluation data is not shipped)")
        return 0
    docs = load_docs(path)
    analyzer = Analyzer()
    gold, pred, base, errors = [], [], [], []
    speakers: list[tuple[bool, str, str, str]] = []  # (agrees, gold, ours, text)
    started = time.perf_counter()
    for rows in docs.values():
        article, spans = rebuild(rows, "\n" if args.joiner == "line" else " ")
        predicted = predict(analyzer, article, spans)
        for row, (voice, speaker) in zip(rows, predicted):
            gold.append(row["voice_strict"])
            if voice != "author" and row["voice_strict"] != "author":
                agrees = speaker_agrees(row["speaker"], speaker)
                if agrees is not None:
                    speakers.append((agrees, row["speaker"], speaker, row["text"]))
            pred.append(voice)
            base.append(naive(row["text"]))
            if voice != row["voice_strict"]:
                errors.append((row["voice_strict"], voice, row["speaker"], row["text"]))
    elapsed = time.perf_counter() - started
    ours, per = macro_f1(gold, pred)
    naive_f1, _ = macro_f1(gold, base)
    print(f"PolNeAR dev voice_strict: {len(gold)} sentences in {len(docs)} articles "
          f"(sentences joined by {args.joiner})")
    print(f"{'':12} {'precision':>9} {'recall':>7} {'F1':>6}")
    for label, (p, r, f) in per.items():
        print(f"{label:12} {p:9.3f} {r:7.3f} {f:6.3f}")
    print(f"macro-F1 framing: {ours:.3f}   naive rule: {naive_f1:.3f}")
    print("confusion (rows gold, columns predicted):")
    print(f"{'':12}" + "".join(f"{v:>11}" for v in VOICES))
    for g in VOICES:
        counts = [sum(1 for a, b in zip(gold, pred) if a == g and b == p) for p in VOICES]
        print(f"{g:12}" + "".join(f"{c:11d}" for c in counts))
    named = sum(1 for _, _, ours, _ in speakers if ours)
    print(f"speakers: ours names the gold source in {sum(a for a, *_ in speakers)} of "
          f"{len(speakers)} reported or quoted sentences whose source is named (not a pronoun) "
          f"({sum(a for a, *_ in speakers) / max(1, len(speakers)):.3f}); a speaker given in "
          f"{named}")
    print(f"time: {elapsed:.2f} s ({len(docs) / elapsed:.0f} articles/s)")
    if args.errors:
        random.seed(0)
        for g, p, speaker, text in random.sample(errors, min(args.errors, len(errors))):
            print(f"- gold {g} / ours {p} [{speaker}] {text[:160]}")
        wrong = [x for x in speakers if not x[0]]
        for _, g, ours, text in random.sample(wrong, min(args.errors, len(wrong))):
            print(f"- speaker gold [{g}] / ours [{ours}] {text[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
