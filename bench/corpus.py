"""Corpus store benchmark: add, analyze (local and Dask), the baseline `analyze`, a SQL
aggregate, the store's size.

    python bench/corpus.py --input /tmp/gen100k.parquet --articles 2000 --jobs 2
    python bench/corpus.py --articles 2000          # makes its own table (see below)
    python bench/corpus.py --articles 100000 --steps add,analyze --store /tmp/big.duckdb

Steps (``--steps``, comma-separated; default all):

- add: ``corpus add`` of the first N rows of the table (N = --articles); time and rate.
- analyze: ``corpus analyze --jobs J`` in a subprocess; articles/s, peak memory of the largest
  process (parent or worker). Resumable: run the same command again after an interruption and
  the figures are taken over every run in the store's ``runs`` table.
- baseline: ``analyze --level article --jobs J`` on the same articles written as .txt files
  (at most --baseline articles), articles/s.
- dask: ``corpus analyze --engine dask --jobs J --rerun`` on a copy of the store; articles/s
  and whether its rows equal the local engine's.
- query: an outlet-by-month aggregate of every metric (median of 5).
- size: the store's size per 10,000 articles.

Without --input, the table comes from ``bench/make_corpus.py`` if present, else from an ad hoc
generator here that recombines the sentences of corpus/labeled into articles (12 to 30
sentences, 20 fictional outlets, dates over 2024). Timings are noisy on a shared machine.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing import Corpus  # noqa: E402
from framing.corpus.store import connect  # noqa: E402

STEPS = ("add", "analyze", "baseline", "dask", "query", "size")


def make_table(n: int, out: Path, seed: int = 0) -> Path:
    """A table of n articles recombined from the labeled sentences (when make_corpus.py is
    not there)."""
    maker = ROOT / "bench" / "make_corpus.py"
    if maker.exists():
        subprocess.run([sys.executable, str(maker), "--articles", str(n), "--out", str(out),
                        "--seed", str(seed)], check=True)
        return out
    import pandas as pd

    sentences = []
    for path in sorted((ROOT / "corpus" / "labeled").glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            sentences.extend(row["text"] for row in csv.DictReader(fh) if row.get("text"))
    rng = random.Random(seed)
    outlets = [f"Outlet {chr(65 + i)} (generated)" for i in range(20)]
    rows = []
    for i in range(n):
        picked = rng.sample(sentences, rng.randint(12, 30))
        paras = ["\n\n".join(" ".join(picked[j:j + 3]) for j in range(0, len(picked), 3))]
        rows.append({"title": f"Generated story {i}: " + " ".join(picked[0].split()[:6]),
                     "text": paras[0], "outlet": outlets[i % len(outlets)],
                     "published": f"2024-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}",
                     "url": f"https://example.org/generated/{i}"})
    pd.DataFrame(rows).to_parquet(out)
    return out


def head(table: Path, n: int, out: Path) -> Path:
    import pyarrow.parquet as pq

    if table.suffix != ".parquet":
        return table
    data = pq.read_table(table)
    if data.num_rows <= n:
        return table
    pq.write_table(data.slice(0, n), out)
    return out


def timed_subprocess(args: list[str]) -> tuple[float, float, str]:
    """Seconds, peak RSS in MB of the largest process it ran (itself or a worker), stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "framing", *args], cwd=ROOT,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if result.returncode not in (0, 2):
        raise SystemExit(f"framing {' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return seconds, max(peak, before) / 1024, result.stderr


def steady_rate(stderr: str) -> float | None:
    """Articles/s after the start-up (model, workers, cluster), from corpus analyze's line."""
    import re

    found = re.search(r"\(([\d.]+)/s after ([\d.]+) s of start-up\)", stderr)
    return float(found.group(1)) if found else None


def run_seconds(db: Path, engine: str) -> tuple[int, float]:
    """Articles and seconds over every finished-or-not run of an engine in the store."""
    frame = Corpus(db).sql(
        "SELECT sum(articles) AS n, sum(epoch(coalesce(finished, now()::TIMESTAMP) - started))"
        " AS s FROM runs WHERE engine = ? AND articles > 0", [engine])
    return int(frame["n"][0] or 0), float(frame["s"][0] or 0.0)


def aggregate_sql(db: Path) -> str:
    columns = Corpus(db).sql(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'metrics' AND "
        "data_type IN ('DOUBLE', 'INTEGER', 'BIGINT') AND column_name <> 'run_id' "
        "ORDER BY ordinal_position")["column_name"]
    averages = ", ".join(f'avg(m."{c}") AS "{c}"' for c in columns)
    return (f"SELECT a.outlet, date_trunc('month', a.published) AS month, count(*) AS "
            f"articles, {averages} FROM metrics m JOIN articles a ON a.id = m.article_id "
            "WHERE a.duplicate_of IS NULL GROUP BY ALL ORDER BY ALL")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--input", type=Path, help="a table of articles (text, title, outlet, "
                        "published, url)")
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--baseline", type=int, default=1000,
                        help="articles for the `analyze` baseline and the Dask run (default "
                        "1000)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--store", type=Path, help="the store (default: a temporary folder)")
    parser.add_argument("--steps", default=",".join(STEPS))
    args = parser.parse_args()
    steps = args.steps.split(",")
    work = Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    db = args.store or work / "bench.duckdb"
    figures: dict[str, object] = {"articles": args.articles, "jobs": args.jobs}
    table = args.input or make_table(args.articles, work / "articles.parquet")
    table = head(table, args.articles, work / "head.parquet")

    if "add" in steps:
        started = time.perf_counter()
        summary = Corpus(db).add([str(table)], report=lambda message: None)
        seconds = time.perf_counter() - started
        figures["add"] = {"added": summary.added, "seconds": round(seconds, 1),
                          "per_second": round(summary.added / seconds, 1),
                          "near_duplicates": summary.near_duplicates,
                          "already_stored": summary.already_stored}
        print(f"add: {summary.added} articles in {seconds:.1f} s", flush=True)

    if "analyze" in steps:
        seconds, peak, err = timed_subprocess(["corpus", "analyze", str(db), "--jobs",
                                               str(args.jobs)])
        n, total = run_seconds(db, "local")
        steady = steady_rate(err)
        figures["analyze"] = {"articles": n, "seconds": round(total, 1),
                              "per_second": round(n / total, 2) if total else None,
                              "per_second_after_start": steady, "peak_rss_mb": round(peak)}
        print(f"analyze: {n} articles in {total:.1f} s ({n / max(total, 1e-9):.2f}/s; "
              f"{steady}/s after start-up), peak {peak:.0f} MB per process", flush=True)

    subset = min(args.baseline, args.articles)
    if "baseline" in steps:
        folder = work / "txt"
        folder.mkdir(exist_ok=True)
        rows = Corpus(db).sql("SELECT id, text, title, outlet, published, url FROM articles "
                              "ORDER BY added_at, id LIMIT ?", [subset])
        for row in rows.itertuples(index=False):
            header = (f"title: {row.title}\noutlet: {row.outlet}\n"
                      f"date: {row.published.date() if row.published is not None else ''}\n"
                      f"url: {row.url}\n---\n")
            (folder / f"{row.id}.txt").write_text(header + row.text, encoding="utf-8")
        seconds, peak, _ = timed_subprocess(["analyze", "--level", "article", "--jobs",
                                             str(args.jobs), "--out", str(work / "base.csv"),
                                             str(folder)])
        figures["baseline"] = {"articles": subset, "seconds": round(seconds, 1),
                               "per_second": round(subset / seconds, 2)}
        print(f"baseline analyze --level article: {subset} articles in {seconds:.1f} s "
              f"({subset / seconds:.2f}/s)", flush=True)

    if "dask" in steps:
        copy = work / "dask.duckdb"
        copy_src = work / "dask-src.duckdb"
        shutil.copy(db, copy_src)
        with connect(copy_src, write=True) as con:
            con.execute("DELETE FROM articles WHERE id NOT IN (SELECT id FROM articles ORDER "
                        "BY added_at, id LIMIT ?)", [subset])
            for name in ("sentences", "terms", "actors", "metrics", "runs"):
                con.execute(f"DELETE FROM {name}")
        shutil.move(copy_src, copy)
        seconds, _, err = timed_subprocess(["corpus", "analyze", str(copy), "--engine", "dask",
                                            "--jobs", str(args.jobs), "--rerun"])
        n, total = run_seconds(copy, "dask")
        local = Corpus(db).sql("SELECT * EXCLUDE (run_id) FROM metrics ORDER BY article_id"
                               ).set_index("article_id")
        mine = Corpus(copy).sql("SELECT * EXCLUDE (run_id) FROM metrics ORDER BY article_id"
                                ).set_index("article_id")
        same = local.loc[mine.index].equals(mine)
        figures["dask"] = {"articles": n, "seconds": round(total, 1),
                           "per_second": round(n / total, 2) if total else None,
                           "per_second_after_start": steady_rate(err),
                           "wall_seconds_with_cluster_start": round(seconds, 1),
                           "rows_equal_local": bool(same)}
        print(f"dask: {n} articles in {total:.1f} s ({steady_rate(err)}/s after start-up; "
              f"{seconds:.1f} s with the cluster's start); rows equal local: {same}", flush=True)

    if "query" in steps:
        sql = aggregate_sql(db)
        times = []
        for _ in range(5):
            started = time.perf_counter()
            frame = Corpus(db).sql(sql)
            times.append(time.perf_counter() - started)
        figures["query"] = {"median_seconds": round(statistics.median(times), 3),
                            "groups": len(frame), "columns": len(frame.columns)}
        print(f"outlet-by-month aggregate of {len(frame.columns) - 3} metrics: "
              f"{statistics.median(times):.3f} s median of 5 ({len(frame)} groups)", flush=True)

    if "size" in steps:
        count = int(Corpus(db).sql("SELECT count(*) AS n FROM articles")["n"][0])
        size = os.path.getsize(db)
        figures["size"] = {"bytes": size, "articles": count,
                           "mb_per_10k": round(size / 1e6 / count * 10000, 1) if count else None}
        print(f"store: {size / 1e6:.1f} MB for {count} articles "
              f"({size / 1e6 / max(count, 1) * 10000:.1f} MB per 10,000)", flush=True)

    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
