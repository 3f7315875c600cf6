"""Speed of the whole analysis: one 1,000-word article, and a corpus of many articles.

    python bench/article_profile.py [--articles 10000] [--jobs 2]

1. One article of about 1,000 words (the brief's article plus three paragraphs of the wire
   version), analyzed end to end (segmentation, voice, terms, classification, metrics,
   frames, actors) after the Analyzer is loaded: median of 30 runs, one process.
2. A corpus: the example articles, each copied many times with its paragraphs in a shuffled
   order, written to a temporary folder and analyzed with the command line
   (`--level article --progress`), as a user would. Reports the wall time, the articles per
   second, and the peak memory of the largest process at two corpus sizes, to show that
   memory stays flat in the number of articles.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing import Analyzer, Article, load_article  # noqa: E402


def one_article(analyzer: Analyzer) -> tuple[int, float]:
    seed = load_article(ROOT / "corpus" / "articles" / "ukraine_seed.txt")
    wire = load_article(ROOT / "corpus" / "articles" / "ukraine_wire.txt")
    text = seed.text + "\n\n" + "\n\n".join(wire.text.split("\n\n")[1:4])
    article = Article(text=text, id="bench")
    analyzer.analyze(article)
    times = []
    for _ in range(30):
        started = time.perf_counter()
        analyzer.analyze(article)
        times.append(time.perf_counter() - started)
    return len(text.split()), statistics.median(times)


def make_corpus(folder: Path, count: int) -> list[Path]:
    sources = sorted((ROOT / "corpus" / "articles").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in sources]
    rng = random.Random(0)
    paths = []
    for i in range(count):
        header, _, body = texts[i % len(texts)].partition("\n---\n")
        paragraphs = body.split("\n\n")
        rng.shuffle(paragraphs)
        path = folder / f"article_{i:05d}.txt"
        path.write_text(header + "\n---\n" + "\n\n".join(paragraphs), encoding="utf-8")
        paths.append(path)
    return paths


def run_corpus(count: int, jobs: int) -> tuple[float, float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = make_corpus(folder, count)
        listing = folder / "files.txt"
        listing.write_text("\n".join(map(str, paths)), encoding="utf-8")
        out = folder / "articles.csv"
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "framing", "analyze", "--files-from", str(listing),
                        "--level", "article", "--out", str(out), "--jobs", str(jobs),
                        "--progress"], check=True, cwd=ROOT)
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        rows = sum(1 for _ in out.open(encoding="utf-8")) - 1
    return elapsed, max(peak, before) / 1024, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    analyzer = Analyzer()
    _ = analyzer.model
    words, seconds = one_article(analyzer)
    print(f"one article of {words} words, end to end: {seconds * 1000:.1f} ms "
          "(median of 30, one process, after loading)")

    small = max(args.articles // 10, 100)
    for count in (small, args.articles):
        elapsed, peak_mb, rows = run_corpus(count, args.jobs)
        print(f"{count:,} articles with {args.jobs} processes: {elapsed:.0f} s "
              f"({rows / elapsed:.1f} articles/s, {rows:,} rows), "
              f"peak memory of the largest process {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
