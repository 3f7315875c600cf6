"""Comparison benchmark: sentence alignment against hand-written pairs, and speed.

    python bench/compare.py

For each fixture in tests/data/alignment (pairs of example articles, the sentence pairs a
person would make written by hand: `expected` pairs, and `acceptable` ones a person might also
make), prints precision (found pairs that are expected or acceptable) and recall (expected
pairs found). Then the time to compare two analyzed articles of about 1,000 words.
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing import Analyzer, Article, load_article  # noqa: E402
from framing.compare import compare  # noqa: E402

ARTICLES = ROOT / "corpus" / "articles"
FIXTURES = ROOT / "tests" / "data" / "alignment"


def index_of(report, prefix: str) -> int:
    found = [s.index for s in report.sentences if report.sentence_text(s).startswith(prefix)]
    if len(found) != 1:
        raise SystemExit(f"fixture prefix {prefix!r} matches {len(found)} sentences")
    return found[0]


def main() -> int:
    analyzer = Analyzer()
    print(f"{'articles':36} {'pairs':>5} {'precision':>9} {'recall':>6}")
    for fixture in sorted(FIXTURES.glob("*.csv")):
        a, b = fixture.stem.split("__")
        ra = analyzer.analyze(load_article(ARTICLES / f"{a}.txt"))
        rb = analyzer.analyze(load_article(ARTICLES / f"{b}.txt"))
        expected, acceptable = set(), set()
        with fixture.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                pair = (index_of(ra, row["a_prefix"]), index_of(rb, row["b_prefix"]))
                (expected if row["kind"] == "expected" else acceptable).add(pair)
        found = {(p.a_sentence, p.b_sentence) for p in compare([ra, rb]).pairs}
        precision = len(found & (expected | acceptable)) / len(found)
        recall = len(found & expected) / len(expected)
        print(f"{a + ' vs ' + b:36} {len(found):5d} {precision:9.3f} {recall:6.3f}")

    seed = load_article(ARTICLES / "ukraine_seed.txt")
    wire = load_article(ARTICLES / "ukraine_wire.txt")
    commentary = load_article(ARTICLES / "ukraine_commentary.txt")
    one = analyzer.analyze(Article(text=seed.text + "\n\n" + "\n\n".join(
        wire.text.split("\n\n")[1:4]), id="a"))
    two = analyzer.analyze(Article(text=commentary.text + "\n\n" + "\n\n".join(
        wire.text.split("\n\n")[4:7]), id="b"))
    compare([one, two])
    times = []
    for _ in range(20):
        started = time.perf_counter()
        compare([one, two])
        times.append(time.perf_counter() - started)
    print(f"\ncomparing two analyzed articles of {one.metrics.words} and {two.metrics.words} "
          f"body words: {statistics.median(times) * 1000:.0f} ms (median of 20)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
