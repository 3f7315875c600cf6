"""Stories benchmark: same-event grouping on real articles hidden among many others, and speed.

    python bench/stories.py [--distractors 100000] [--eval-dir DIR] [--threshold T]
                            [--window-days 3] [--seed 0] [--repeat 1]

Builds a temporary store (DuckDB, the store contract's `articles` table) from:
- the 99 BASIL articles of ``eval/basil_dev.csv`` (33 events, each told by Fox News, the New
  York Times and HuffPost), rebuilt from their sentences at run time (never copied). BASIL has
  no dates: each event gets a random centre date within one 4-day span and each article that
  date or the next, so that with a window of 3 days nearly every pair of BASIL articles is a
  candidate and the date does not solve the task. BASIL has no headlines: titles stay empty.
- the example articles of ``corpus/articles/`` (and ``corpus/example_corpus/`` when present),
  whose ground truth is their story (file-name prefix / header);
- N generated distractors over one year (``bench/make_corpus.py`` when present, else
  sentences of ``corpus/labeled/*.csv`` recombined here), the same year as the BASIL dates.

Prints pairwise precision / recall / F1 of "same story" over the BASIL articles (precision also
counts a BASIL article put with a non-BASIL one as a wrong pair), the same on the example
articles, the time of ``find_stories`` + writing the table (best of --repeat) and the peak
memory of the process that does it (a child process, so building the store is not counted).
Then (``--report``, on by default) fills ``metrics`` with random values for every article and
times ``corpus report``'s aggregates (by outlet, by outlet x story, all numeric metrics) and a
comparison of two outlets, again in a child process.
Skips (exit 0) when the evaluation folder is absent.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pandas as pd  # noqa: E402

from framing import load_article  # noqa: E402
from framing.corpus.store import init_store  # noqa: E402

YEAR_START = date(2021, 1, 1)
BASIL_START = date(2021, 6, 1)
BASIL_SPAN_DAYS = 4


def article_id(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def basil_articles(eval_dir: Path, rng: random.Random) -> list[dict]:
    frame = pd.read_csv(eval_dir / "basil_dev.csv")
    frame = frame.sort_values(["article", "sentence_idx"])
    events = sorted(frame["article"].str.split("_").str[0].unique())
    centre = {e: BASIL_START + timedelta(days=rng.randrange(BASIL_SPAN_DAYS)) for e in events}
    rows = []
    for name, part in frame.groupby("article", sort=True):
        paragraphs = [" ".join(p["text"]) for _, p in part.groupby("paragraph_idx", sort=True)]
        event = name.split("_")[0]
        rows.append({"text": "\n\n".join(paragraphs), "title": None,
                     "outlet": str(part["outlet"].iloc[0]),
                     "published": centre[event] + timedelta(days=rng.randrange(2)),
                     "truth": "basil:" + event, "kind": "basil"})
    return rows


def example_articles(root: Path = ROOT) -> list[dict]:
    rows = []
    folders = [root / "corpus" / "articles", root / "corpus" / "example_corpus"]
    for folder in folders:
        for path in sorted(folder.rglob("*.txt")) if folder.is_dir() else []:
            article = load_article(path)
            story = path.parent.name if path.parent != folder else path.stem.split("_")[0]
            rows.append({"text": article.text, "title": article.title or None,
                         "outlet": article.outlet or None,
                         "published": article.published or None,
                         "truth": f"example:{folder.name}:{story}", "kind": "example"})
    return rows


def labeled_distractors(count: int, rng: random.Random) -> list[dict]:
    """Articles recombined from our labeled sentences (a fallback for bench/make_corpus.py)."""
    by_topic: dict[str, list[str]] = {}
    for path in sorted((ROOT / "corpus" / "labeled").glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                by_topic.setdefault(row.get("topic") or path.stem, []).append(row["text"])
    topics = sorted(by_topic)
    outlets = [f"Outlet {i:02d}" for i in range(20)]
    rows = []
    for _ in range(count):
        pool = by_topic[rng.choice(topics)]
        sentences = rng.sample(pool, min(len(pool), rng.randint(8, 20)))
        title = " ".join(sentences[0].split()[:10])
        rows.append({"text": " ".join(sentences), "title": title, "outlet": rng.choice(outlets),
                     "published": YEAR_START + timedelta(days=rng.randrange(365)),
                     "truth": None, "kind": "distractor"})
    return rows


def generated_distractors(count: int, seed: int, workdir: Path,
                          root: Path = ROOT) -> list[dict] | None:
    if count <= 0:
        return []  # no distractors: the BASIL and example articles alone
    script = root / "bench" / "make_corpus.py"
    if not script.is_file():
        return None
    out = workdir / "distractors.parquet"
    subprocess.run([sys.executable, str(script), "--articles", str(count), "--out", str(out),
                    "--seed", str(seed)], check=True, stdout=subprocess.DEVNULL)
    frame = pd.read_parquet(out)
    frame["published"] = pd.to_datetime(frame["published"], errors="coerce").dt.date
    frame["truth"] = None
    frame["kind"] = "distractor"
    return frame[["text", "title", "outlet", "published", "truth", "kind"]].to_dict("records")


def build_store(path: Path, rows: list[dict]) -> pd.DataFrame:
    import duckdb

    frame = pd.DataFrame(rows)
    frame["id"] = [article_id(t) for t in frame["text"]]
    frame = frame.drop_duplicates("id").reset_index(drop=True)
    frame["published"] = pd.to_datetime(frame["published"], errors="coerce")
    frame["words"] = frame["text"].str.split().str.len()
    init_store(path)  # the store's own schema, then the articles written straight in
    con = duckdb.connect(str(path))
    con.register("incoming", frame)
    con.execute("""INSERT INTO articles SELECT id, 'bench', title, outlet, CAST(published AS DATE),
                   NULL, words, text, now(), NULL FROM incoming""")
    con.close()
    return frame[["id", "truth", "kind"]]


PEAK = """
def peak_mb():
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

CHILD = """
import json, resource, sys, time
""" + PEAK + """
sys.path.insert(0, {root!r})
from framing.corpus.stories import build_stories
best = None
for _ in range({repeat}):
    start = time.perf_counter()
    summary = build_stories({db!r}, window_days={window}, threshold={threshold})
    took = time.perf_counter() - start
    best = took if best is None else min(best, took)
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({{"seconds": best, "peak_mb": peak_mb(), "stories": summary.stories,
                  "cpu_seconds": (usage.ru_utime + usage.ru_stime) / {repeat},
                  "largest": summary.largest}}))
"""


REPORT_CHILD = """
import json, resource, sys, time
""" + PEAK + """
sys.path.insert(0, {root!r})
from framing.corpus.outlets import aggregate, compare_outlets
times = {{}}
for name, call in (("by outlet", lambda: aggregate({db!r}, by="outlet")),
                   ("by story", lambda: aggregate({db!r}, by="story")),
                   ("compare", lambda: compare_outlets({db!r}, {a!r}, {b!r}))):
    best = None
    for _ in range({repeat}):
        start = time.perf_counter()
        result = call()
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    times[name] = [best, len(result)]
times["peak_mb"] = peak_mb()
print(json.dumps(times))
"""


def fill_metrics(db: Path, seed: int) -> tuple[str, str]:
    """A metrics table of random values for every article (the contract's columns)."""
    import duckdb

    from framing.corpus.store import metric_types

    types = metric_types()  # the store's own metrics table, filled with random numbers
    con = duckdb.connect(str(db))
    con.execute(f"SELECT setseed({(seed % 1000) / 1000})")
    con.execute("DELETE FROM metrics")
    values = ", ".join("id" if c == "article_id" else "1" if c == "run_id"
                       else "random() * 20" if t in ("DOUBLE", "INTEGER") else "NULL"
                       for c, t in types.items())
    con.execute(f"INSERT INTO metrics SELECT {values} FROM articles")
    con.execute("UPDATE metrics SET primary_frame = 'economic'")
    a, b = [row[0] for row in con.execute(
        "SELECT outlet FROM articles GROUP BY outlet ORDER BY count(*) DESC LIMIT 2").fetchall()]
    con.close()
    return a, b


def pairwise(truth: dict[str, str], story: dict[str, int], members: dict[int, list[str]],
             ids: list[str]) -> tuple[float, float, int]:
    """Precision, recall over pairs of ``ids``; precision also counts pairs with outsiders."""
    true_pairs = {frozenset(p) for p in combinations(ids, 2) if truth[p[0]] == truth[p[1]]}
    found = set()
    wrong_outside = 0
    chosen = set(ids)
    for article in ids:
        for other in members[story[article]]:
            if other == article:
                continue
            if other in chosen:
                found.add(frozenset((article, other)))
            else:
                wrong_outside += 1
    tp = len(found & true_pairs)
    fp = len(found - true_pairs) + wrong_outside
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / len(true_pairs) if true_pairs else 1.0
    return precision, recall, wrong_outside


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--distractors", type=int, default=100_000)
    parser.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--window-days", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the built store at this path")
    parser.add_argument("--corpus-root", type=Path, default=ROOT,
                        help="the checkout whose bench/make_corpus.py, corpus/articles and "
                        "corpus/example_corpus to use (default: this one)")
    parser.add_argument("--no-report", dest="report", action="store_false",
                        help="skip timing corpus report")
    args = parser.parse_args(argv)
    if not (args.eval_dir / "basil_dev.csv").is_file():
        print(f"skipped: {args.eval_dir / 'basil_dev.csv'} not found")
        return 0
    import duckdb

    from framing.corpus.stories import DEFAULT_THRESHOLD

    threshold = DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        start = time.perf_counter()
        distractors = generated_distractors(args.distractors, args.seed, workdir,
                                            args.corpus_root)
        source = "bench/make_corpus.py"
        if distractors is None:
            distractors = labeled_distractors(args.distractors, rng)
            source = "corpus/labeled sentences recombined"
        rows = (basil_articles(args.eval_dir, rng) + example_articles(args.corpus_root)
                + distractors)
        db = args.keep or workdir / "bench.duckdb"
        if db.exists():
            db.unlink()
        truth_frame = build_store(db, rows)
        print(f"store: {len(truth_frame):,} articles ({args.distractors:,} distractors from "
              f"{source}) built in {time.perf_counter() - start:.1f} s")
        child = CHILD.format(root=str(ROOT), repeat=args.repeat, db=str(db),
                             window=args.window_days, threshold=threshold)
        output = subprocess.run([sys.executable, "-c", child], check=True,
                                capture_output=True, text=True).stdout
        result = json.loads(output.strip().splitlines()[-1])
        con = duckdb.connect(str(db), read_only=True)
        stories = con.execute("SELECT story_id, article_id FROM stories").df()
        con.close()
        report = None
        if args.report:
            a, b = fill_metrics(db, args.seed)
            child = REPORT_CHILD.format(root=str(ROOT), db=str(db), a=a, b=b,
                                        repeat=args.repeat)
            output = subprocess.run([sys.executable, "-c", child], check=True,
                                    capture_output=True, text=True).stdout
            report = json.loads(output.strip().splitlines()[-1])
    story = dict(zip(stories["article_id"], stories["story_id"]))
    members: dict[int, list[str]] = {}
    for article, sid in story.items():
        members.setdefault(sid, []).append(article)
    truth = dict(zip(truth_frame["id"], truth_frame["truth"]))
    print(f"threshold {threshold}, window {args.window_days} days: {result['stories']:,} "
          f"stories, largest {result['largest']} articles")
    for kind in ("basil", "example"):
        ids = list(truth_frame.loc[truth_frame["kind"] == kind, "id"])
        if not ids:
            continue
        precision, recall, outside = pairwise(truth, story, members, ids)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{kind:8} {len(ids):3d} articles: pairwise precision {precision:.3f} recall "
              f"{recall:.3f} F1 {f1:.3f} ({outside} pairs with other articles)")
    print(f"time (find + write, best of {args.repeat}): {result['seconds']:.1f} s wall, "
          f"{result['cpu_seconds']:.1f} s CPU (mean); "
          f"peak memory {result['peak_mb']:.0f} MB")
    if report:
        peak = report.pop("peak_mb")
        print("corpus report on random metrics of every article (best of "
              f"{args.repeat}): " + "; ".join(f"{name} {took:.1f} s ({rows:,} rows)"
                                              for name, (took, rows) in report.items())
              + f"; peak memory {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
