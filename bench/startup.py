"""Start-up time of the command line, as a new user meets it (the model already cached).

    python bench/startup.py [--runs 10] [--article FILE] [--verbose]

1. ``python -m framing --help``, ``python -m framing corpus --help`` (what every corpus
   command pays before its work) and ``python -m framing analyze ARTICLE`` (one ~700-word
   article, written to stdout), each run ``--runs`` times in a fresh interpreter: best and
   median wall time, and the CPU time the process used (user + system; on a shared machine
   the CPU time shows the cost when the wall time is inflated by other processes).
2. Where the time goes, in one fresh interpreter: importing framing, building the Analyzer,
   the first article and the second one, and then an Analyzer for an uploaded lexicon.
3. With ``--verbose``: the slowest imports of the analyze command (``python -X importtime``),
   by cumulative time.

Targets: --help (both) under 0.5 s; analyzing one article under 2 s end to end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "corpus" / "articles" / "housing_wire.txt"

STAGES = """
import time
started = time.perf_counter()
from framing import Analyzer, load_article
imported = time.perf_counter()
analyzer = Analyzer()
built = time.perf_counter()
_ = analyzer.model
loaded = time.perf_counter()
article = load_article({article!r})
analyzer.analyze(article)
first = time.perf_counter()
analyzer.analyze(article)
second = time.perf_counter()
from framing.analyzer import AnalyzerPool
pool = AnalyzerPool(base=analyzer)
pool.get("term,category,explanation,alternative\\ngizmo,loaded,Ours.,thing\\n")
lexicon = time.perf_counter()
print(imported - started, built - imported, loaded - built, first - loaded, second - first,
      lexicon - second)
"""


def timed(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system) of one run of a command."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()[-500:]}")
    process.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime


def measure(name: str, command: list[str], runs: int) -> tuple[str, list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = timed(command)
        walls.append(wall)
        cpus.append(cpu)
    return name, walls, cpus


def import_breakdown(article: Path, top: int = 15) -> list[tuple[float, float, str]]:
    """(cumulative s, self s, module) of the slowest imports of ``analyze``."""
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "framing", "analyze",
                           str(article)], cwd=ROOT, capture_output=True, text=True)
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        own, cumulative, name = line[len("import time:"):].split("|")
        rows.append((int(cumulative) / 1e6, int(own) / 1e6, name.rstrip()))
    return sorted(rows, reverse=True)[:top]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each command")
    parser.add_argument("--article", type=Path, default=ARTICLE)
    parser.add_argument("--verbose", action="store_true",
                        help="also list the slowest imports of the analyze command")
    args = parser.parse_args()
    python = [sys.executable, "-m", "framing"]
    analyze = [*python, "analyze", str(args.article)]
    timed(analyze)  # trains and caches the model if the code changed since the last run
    load = os.getloadavg()[0]
    results = [measure("`python -m framing --help`", [*python, "--help"], args.runs),
               measure("`python -m framing corpus --help`", [*python, "corpus", "--help"],
                       args.runs),
               measure(f"`python -m framing analyze {args.article.name}`", analyze, args.runs)]
    print(f"{args.runs} runs each; load average {load:.1f} on {os.cpu_count()} cores\n")
    print("| command | wall best | wall median | CPU best | CPU median | target |")
    print("|---|---|---|---|---|---|")
    for (name, walls, cpus), target in zip(results, ("< 0.5 s", "< 0.5 s", "< 2 s")):
        print(f"| {name} | {min(walls):.2f} s | {statistics.median(walls):.2f} s | "
              f"{min(cpus):.2f} s | {statistics.median(cpus):.2f} s | {target} |")

    stages = []
    for _ in range(3):
        done = subprocess.run([sys.executable, "-c", STAGES.format(article=str(args.article))],
                              cwd=ROOT, capture_output=True, text=True, check=True)
        stages.append([float(x) for x in done.stdout.split()])
    names = ("import framing", "Analyzer()", "read the cached model", "first article",
             "second article", "an Analyzer with an uploaded lexicon (AnalyzerPool.get)")
    print("\nOne interpreter, best of 3:\n")
    print("| stage | seconds |")
    print("|---|---|")
    for k, name in enumerate(names):
        print(f"| {name} | {min(s[k] for s in stages):.3f} |")
    if args.verbose:
        print("\nSlowest imports of the analyze command (python -X importtime):\n")
        print("| module | cumulative | self |")
        print("|---|---|---|")
        for cumulative, own, name in import_breakdown(args.article):
            print(f"| `{name.strip()}` | {cumulative:.3f} s | {own:.3f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
