"""Comparison benchmark: sentence alignment against hand-made pairs, and speed.

    python bench/compare.py [--set examples|basil|all] [--eval-dir DIR] [--errors N]

``examples``: for each fixture in tests/data/alignment (pairs of example articles, the sentence
pairs a person would make written by hand: `expected` pairs, and `acceptable` ones a person
might also make), prints precision (found pairs that are expected or acceptable) and recall
(expected pairs found). Then the time to compare two analyzed articles of about 1,000 words.

``basil``: real articles. bench/data/basil_alignment.csv holds sentence pairs made by reading
ten events of ``../shared/eval/basil_dev.csv`` (each told by Fox News, HuffPost and the New
York Times), as positions only: event, outlet and ``sentence_idx`` of each side, and the kind.
Every outlet pair of an event is compared on its own (two articles, as a user comparing two
would), and the three articles of each event at once ("3 at once"); the 99 articles are
rebuilt as ``bench/article_level.py`` does; each of our body
sentences stands for the BASIL sentence it overlaps most. Skipped when the file is absent.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing import Analyzer, Article, load_article  # noqa: E402
from framing.compare import compare  # noqa: E402

ARTICLES = ROOT / "corpus" / "articles"
FIXTURES = ROOT / "tests" / "data" / "alignment"
LABELS = ROOT / "bench" / "data" / "basil_alignment.csv"


def index_of(report, prefix: str) -> int:
    found = [s.index for s in report.sentences if report.sentence_text(s).startswith(prefix)]
    if len(found) != 1:
        raise SystemExit(f"fixture prefix {prefix!r} matches {len(found)} sentences")
    return found[0]


def run_examples(analyzer: Analyzer) -> None:
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


def basil_articles(path: Path) -> dict[tuple[str, str], tuple[str, list[tuple[int, int, int]]]]:
    """(event, outlet) → the article's text as ``bench/article_level.py`` rebuilds it, and the
    (sentence_idx, start, end) of each BASIL sentence in it."""
    from article_level import basil_articles as rebuilt

    return {(a["event"], a["outlet"]): (a["text"], a["spans"]) for a in rebuilt(path)}


def basil_index(report, spans) -> dict[int, set[int]]:
    """Our sentence index → the BASIL sentence_idx it holds (most of each: our splitter keeps a
    quotation of several sentences whole, BASIL cuts it)."""
    out = defaultdict(set)
    for s in report.sentences:
        for idx, b, e in spans:
            if min(s.end, e) - max(s.start, b) > (e - b) / 2:
                out[s.index].add(idx)
    return out


def run_basil(analyzer: Analyzer, eval_dir: Path, labels: Path, errors: int) -> None:
    path = eval_dir / "basil_dev.csv"
    if not path.exists() or not labels.exists():
        print(f"\nBASIL alignment: skipped ({path if not path.exists() else labels} not found)")
        return
    articles = basil_articles(path)
    gold: dict[tuple[str, str, str], dict[tuple[int, int], str]] = defaultdict(dict)
    with labels.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key = (row["event"], row["a_outlet"], row["b_outlet"])
            gold[key][(int(row["a_sentence_idx"]), int(row["b_sentence_idx"]))] = row["kind"]
    reports = {}
    print(f"\nBASIL alignment ({len({k[0] for k in gold})} events, {len(gold)} article pairs,"
          f" {labels.name})")
    print(f"{'outlets':10} {'found':>5} {'right':>5} {'expected':>8} {'hit':>4} "
          f"{'precision':>9} {'recall':>6}")
    totals = defaultdict(int)
    by_outlets = defaultdict(lambda: defaultdict(int))
    wrong, missed = [], []
    for (event, a_outlet, b_outlet), pairs in sorted(gold.items()):
        sides = []
        for outlet in (a_outlet, b_outlet):
            if (event, outlet) not in reports:
                text, spans = articles[(event, outlet)]
                report = analyzer.analyze(Article(text=text, id=f"{event[:8]}_{outlet}"))
                reports[(event, outlet)] = (report, basil_index(report, spans))
            sides.append(reports[(event, outlet)])
        (ra, ia), (rb, ib) = sides
        found = [(p.a_sentence, p.b_sentence) for p in compare([ra, rb]).pairs]
        covered = {(x, y): (i, j) for i, j in found for x in ia[i] for y in ib[j]}
        expected = {p for p, kind in pairs.items() if kind == "expected"}
        right = [(i, j) for i, j in found if any((x, y) in pairs for x in ia[i] for y in ib[j])]
        hit = expected & covered.keys()
        counts = by_outlets[f"{a_outlet}-{b_outlet}"]
        for c in (counts, totals):
            c["found"] += len(found)
            c["right"] += len(right)
            c["expected"] += len(expected)
            c["hit"] += len(hit)
        text = {a_outlet: (ra, ia), b_outlet: (rb, ib)}
        for i, j in found:
            if (i, j) not in right:
                wrong.append((event, a_outlet, b_outlet, (i, j), text))
        for x, y in sorted(expected - hit):
            i = next((k for k, v in ia.items() if x in v), None)
            j = next((k for k, v in ib.items() if y in v), None)
            missed.append((event, a_outlet, b_outlet, (i, j), text))
    # the three articles of each event compared at once, as a user comparing three would
    # (the word weights then come from all three)
    found_all = right_all = 0
    hit_all: set = set()
    for event in sorted({k[0] for k in gold}):
        outlets = sorted({o for k in gold if k[0] == event for o in k[1:]})
        sides = [reports[(event, o)] for o in outlets]
        for p in compare([r for r, _ in sides]).pairs:
            pairs = gold.get((event, outlets[p.a], outlets[p.b]), {})
            held = [(x, y) for x in sides[p.a][1][p.a_sentence]
                    for y in sides[p.b][1][p.b_sentence]]
            found_all += 1
            right_all += any(pair in pairs for pair in held)
            hit_all |= {(event, outlets[p.a], outlets[p.b], pair) for pair in held
                        if pairs.get(pair) == "expected"}
    together = {"found": found_all, "right": right_all, "expected": totals["expected"],
                "hit": len(hit_all)}
    for name, c in [*sorted(by_outlets.items()), ("all", totals), ("3 at once", together)]:
        print(f"{name:10} {c['found']:5d} {c['right']:5d} {c['expected']:8d} {c['hit']:4d} "
              f"{c['right'] / max(c['found'], 1):9.3f} {c['hit'] / max(c['expected'], 1):6.3f}")
    for title, rows in (("found, not a pair a reader made", wrong),
                        ("expected, not found", missed)):
        for event, a_outlet, b_outlet, (i, j), text in rows[:errors]:
            print(f"\n[{title}] {event[:8]} {a_outlet} / {b_outlet}")
            for outlet, k in ((a_outlet, i), (b_outlet, j)):
                report, index = text[outlet]
                shown = ("(not one of our sentences)" if k is None else
                         f"{sorted(index[k])} {report.sentence_text(report.sentences[k])[:150]}")
                print(f"  {outlet} {k}: {shown}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("examples", "basil", "all"), default="all")
    parser.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"),
                        help="folder holding basil_dev.csv (for --set basil)")
    parser.add_argument("--labels", default=str(LABELS), help="the BASIL sentence pairs")
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="print N wrong and N missed BASIL pairs with their sentences")
    args = parser.parse_args()
    analyzer = Analyzer()
    if args.set in ("examples", "all"):
        run_examples(analyzer)
    if args.set in ("basil", "all"):
        run_basil(analyzer, Path(args.eval_dir), Path(args.labels), args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
