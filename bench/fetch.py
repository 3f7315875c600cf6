"""Fetching benchmark: the cost of one safe fetch, and what a gzip bomb costs to refuse.

    python bench/fetch.py

A server on 127.0.0.1 (the only address contacted) serves a 100 KB page and a 1 MB gzip body
that inflates to 1 GiB. Measured:

- one fetch of the page with ``framing.fetch.fetch`` (address check, pinned connection,
  counted body), best and median of 50, against a plain ``httpx.get`` of the same page;
- refusing the bomb: time and growth of the process's peak memory, against counting
  ``httpx``'s own ``iter_bytes()`` up to the same 10 MB cap (each in a fresh process, since
  peak memory only grows).

Targets: a fetch adds under 20 ms to a local request; the bomb is refused in under 1 s with
under 40 MB of memory (the 10 MB cap plus one bounded inflation step).
"""

from __future__ import annotations

import argparse
import contextlib
import http.server
import json
import resource
import statistics
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CAP = 10_000_000


def bomb_body() -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * (1 << 20)
    return b"".join(packer.compress(block) for _ in range(1024)) + packer.flush()


def serve() -> str:
    page = b"<html><body><p>" + b"word " * 20_000 + b"</p></body></html>"
    bomb = bomb_body()

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802 - http.server's name
            body = bomb if self.path == "/bomb" else page
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            if self.path == "/bomb":
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(OSError):  # the client refused the rest
                self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}"


def timed(call, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return times


def bomb_child(how: str) -> None:
    """Refuse the bomb one way, in this process; print time and peak-memory growth as JSON."""
    import httpx

    from framing.errors import InputTooLargeError
    from framing.fetch import fetch

    base = serve()
    url = base + "/bomb"
    fetch(base + "/page", allow_private=True)  # warm: imports and the TLS context
    httpx.get(base + "/page")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    largest = 0
    if how == "framing":
        with contextlib.suppress(InputTooLargeError):
            fetch(url, allow_private=True)
    else:
        count = 0
        with httpx.stream("GET", url) as response:
            for chunk in response.iter_bytes():
                count += len(chunk)
                largest = max(largest, len(chunk))
                if count > CAP:
                    break
    seconds = time.perf_counter() - started
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    print(json.dumps({"seconds": seconds, "grown_mb": grown, "largest_chunk": largest}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--bomb-child", choices=("framing", "httpx"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bomb_child:
        bomb_child(args.bomb_child)
        return 0

    import httpx

    from framing.fetch import fetch

    base = serve()
    fetch(base + "/page", allow_private=True)  # warm: the TLS context and imports
    ours = timed(lambda: fetch(base + "/page", allow_private=True), args.runs)
    plain = timed(lambda: httpx.get(base + "/page"), args.runs)
    print(f"one fetch of a 100 KB page over {args.runs} runs (best / median):")
    for label, times in (("framing.fetch.fetch", ours), ("httpx.get", plain)):
        print(f"  {label:20} {min(times) * 1e3:6.1f} ms / {statistics.median(times) * 1e3:6.1f} ms")
    print("a 1 MB gzip body inflating to 1 GiB, cap 10 MB (median of 3 fresh processes):")
    for how in ("framing", "httpx"):
        results = []
        for _ in range(3):
            out = subprocess.run([sys.executable, __file__, "--bomb-child", how],
                                 capture_output=True, text=True, check=True).stdout
            results.append(json.loads(out))
        seconds = statistics.median(r["seconds"] for r in results)
        grown = statistics.median(r["grown_mb"] for r in results)
        label = "framing.fetch.fetch" if how == "framing" else "httpx iter_bytes()"
        extra = (f", largest decoded chunk {results[0]['largest_chunk'] / 1e6:.0f} MB"
                 if how == "httpx" else "")
        print(f"  {label:20} refused in {seconds:.2f} s, peak memory +{grown:.0f} MB{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
