"""Corpus input formats: ``corpus add`` of N news pages from a web archive against the same
pages as .html files, and reading a .json table against ``json.load``.

    python bench/formats.py --pages 5000 --out /tmp/formats-bench
    python bench/formats.py --pages 500,5000,20000 --json-rows 100000 --out /tmp/formats-bench

The pages are built from the paragraphs of corpus/articles (six drawn at random per page, so
every page is a distinct article), each with a title, a date in its metadata and a menu and
footer to extract around; the archive holds a request record before each response, as a
crawl's WARC does, gzipped record by record. Each ``corpus add`` runs in a subprocess into a
new store; peak memory is that subprocess's (ru_maxrss). The reader alone (``warc_records``,
storing nothing) is timed in a subprocess too, to tell its memory from the store's. Timings
are noisy on a shared machine.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import subprocess
import sys
import time
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def pages(n: int, seed: int = 0):
    """(url, html bytes) of n distinct news pages."""
    from framing.ingest import load_article

    bases = [load_article(p) for p in sorted((ROOT / "corpus" / "articles").glob("*.txt"))]
    pool = [p for a in bases for p in a.text.split("\n\n") if len(p.split()) > 12]
    rng = random.Random(seed)
    for i in range(n):
        title = f"{bases[i % len(bases)].title} ({i})"
        body = "".join(f"<p>{escape(p)}</p>" for p in rng.sample(pool, 6))
        html = (f"<!doctype html><html><head><title>{escape(title)}</title><meta property="
                f'"article:published_time" content="2024-0{1 + i % 9}-1{i % 10}"></head><body>'
                f"<nav><a href='/'>Home</a></nav><article><h1>{escape(title)}</h1>{body}"
                "</article><footer>Copyright</footer></body></html>")
        yield f"https://outlet{i % 7}.example.org/news/story-{i}", html.encode()


def write_inputs(n: int, out: Path) -> tuple[Path, Path]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    warc, folder = out / f"news{n}.warc.gz", out / f"html{n}"
    folder.mkdir(parents=True, exist_ok=True)
    with open(warc, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, (url, html) in enumerate(pages(n)):
            (folder / f"story-{i}.html").write_bytes(html)
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")],
                                       is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                          http_headers=request))
            response = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                        protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response",
                                                          payload=io.BytesIO(html),
                                                          http_headers=response))
    return warc, folder


PEAK = ("import atexit, resource, sys; atexit.register(lambda: sys.stderr.write("
        "f'peak_kb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n'))\n")


def timed(code: str, *args: str) -> tuple[float, float, str]:
    """Seconds, peak memory (MB, the process's own ru_maxrss) and the last line it wrote (its
    summary) of Python ``code`` run in a subprocess with ``args``."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", PEAK + code, *args], capture_output=True,
                          text=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    lines = (done.stderr + done.stdout).strip().splitlines()
    peak = next(int(line[8:]) for line in lines if line.startswith("peak_kb="))
    said = [line for line in lines if not line.startswith("peak_kb=")]
    return seconds, peak / 1024, said[-1] if said else ""


ADD = ("import runpy\n"
       "sys.argv = ['framing', 'corpus', 'add'] + sys.argv[1:]\n"
       "runpy.run_module('framing', run_name='__main__', alter_sys=True)\n")
READ_ONLY = ("from framing.corpus.sources import Record\n"
             "from framing.corpus.warc import warc_records\n"
             "n = sum(isinstance(r, Record) for r in warc_records(sys.argv[1]))\n"
             "print(f'{n} pages read')\n")

JSON_READ = ("from framing.corpus.sources import Columns, Record, table_columns, table_records\n"
             "chosen = table_columns(sys.argv[1], Columns())\n"
             "print(sum(isinstance(r, Record) for r in table_records(sys.argv[1], chosen)),"
             " 'rows read')\n")


def write_json(rows: int, out: Path) -> Path:
    path = out / f"articles{rows}.json"
    texts = [html.decode() for _, html in pages(min(rows, 2000))]
    with path.open("w", encoding="utf-8") as fh:
        fh.write('{"status": "ok", "articles": [')
        for i in range(rows):
            fh.write(("," if i else "") + json.dumps({
                "title": f"Story {i}", "content": f"Item {i}. " + texts[i % len(texts)],
                "source": f"Outlet {i % 7}", "date": "2024-05-01"}))
        fh.write("]}")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="5000", help="comma-separated page counts")
    parser.add_argument("--json-rows", type=int, default=100000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/formats-bench"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for n in (int(x) for x in args.pages.split(",")):
        warc, folder = write_inputs(n, args.out)
        for name, source in (("warc", warc), ("html", folder)):
            store = args.out / f"{name}{n}.duckdb"
            store.unlink(missing_ok=True)
            seconds, peak, last = timed(ADD, str(store), str(source))
            what = f"a {warc.stat().st_size / 1e6:.1f} MB .warc.gz" if name == "warc" \
                else ".html files"
            print(f"corpus add, {n} pages as {what}: {seconds:.1f} s ({n / seconds:.0f} "
                  f"pages/s), peak {peak:.0f} MB; {last}")
        seconds, peak, last = timed(READ_ONLY, str(warc))
        print(f"warc_records alone, {n} pages: {seconds:.1f} s, peak {peak:.0f} MB; {last}")
    if args.json_rows:
        path = write_json(args.json_rows, args.out)
        seconds, peak, last = timed(JSON_READ, str(path))
        print(f".json table of {args.json_rows} rows ({path.stat().st_size / 1e6:.0f} MB), "
              f"read row by row: {seconds:.1f} s, peak {peak:.0f} MB; {last}")
        seconds, peak, last = timed("import json\n"
                                    "print(len(json.load(open(sys.argv[1]))['articles']))",
                                    str(path))
        print(f"json.load of the same file: {seconds:.1f} s, peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
