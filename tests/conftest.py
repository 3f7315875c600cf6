"""Shared fixtures: one Analyzer for the whole session, the corpus articles and their reports."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from framing import Analyzer, load_article

# The trained shipped model is cached here for the whole test run (and for the command-line
# tests' subprocesses, which inherit the environment), not in the user's home.
os.environ.setdefault("FRAMING_CACHE_DIR", str(Path(tempfile.gettempdir()) / "framing-test-cache"))

# Property tests: no deadline (the machine may be shared); HYPOTHESIS_PROFILE=long runs twenty
# times as many examples (tests/test_fuzz.py scales its counts from the profile's).
settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "articles"
DATA = Path(__file__).resolve().parent / "data"
CORPUS_FILES = sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="session")
def seed_report(analyzer):
    return analyzer.analyze(load_article(CORPUS / "ukraine_seed.txt"))


@pytest.fixture(scope="session")
def corpus_reports(analyzer):
    return {path.stem: analyzer.analyze(load_article(path)) for path in CORPUS_FILES}


def sentence_starting(report, prefix: str):
    """The one sentence of a report whose text starts with ``prefix``."""
    found = [s for s in report.sentences if report.sentence_text(s).startswith(prefix)]
    assert len(found) == 1, f"{len(found)} sentences start with {prefix!r}"
    return found[0]


@pytest.fixture(scope="session")
def web_server():
    """A local HTTP server: the saved pages, a redirect, errors, a PDF and a slow page."""
    import http.server
    import threading
    import time

    pages = DATA / "html"

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):  # keep test output clean
            pass

        def _send(self, status, body: bytes, content_type="text/html; charset=utf-8",
                  headers=()):
            self.send_response(status)
            if content_type:  # (None: a server that names no type)
                self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in headers:
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):  # noqa: N802 - http.server's name
            path = self.path.split("?")[0]
            if path.startswith("/pages/"):
                page = pages / path.removeprefix("/pages/")
                if page.is_file():
                    return self._send(200, page.read_bytes())
                return self._send(404, b"not found", "text/plain")
            if path == "/moved":
                self.send_response(301)
                self.send_header("Location", "/pages/wire_story.html")
                self.end_headers()
                return None
            if path == "/gone":
                return self._send(410, b"gone", "text/plain")
            if path == "/report.pdf":
                return self._send(200, b"%PDF-1.4 fake", "application/pdf")
            if path == "/plain.txt":
                return self._send(200, b"The bridge reopened on Monday. Traffic resumed."
, "text/plain; charset=utf-8")
            if path == "/untyped":  # a page, and a text, served with no Content-Type
                return self._send(200, (pages / "wire_story.html").read_bytes(), None)
            if path == "/untyped-text":
                return self._send(200, b"The bridge reopened on Monday. Traffic resumed.", None)
            if path == "/slow":
                time.sleep(2)
                return self._send(200, b"<html><body><p>late</p></body></html>")
            if path == "/latin1":
                body = ("<html><head><title>Caf\u00e9 reopens</title></head><body><article><p>"
                        + "The caf\u00e9 on the corner reopened on Monday after repairs. " * 30
                        + "</p></article></body></html>").encode("latin-1")
                return self._send(200, body, "text/html; charset=iso-8859-1")
            return self._send(404, b"not found", "text/plain")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture
def closed_port_url():
    """An address on which nothing listens."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/article"


@pytest.fixture(scope="session")
def example_store(analyzer):
    """The Corpus page's example store, built once into the session's FRAMING_CACHE_DIR (the
    app under test finds it there and opens at once)."""
    from framing.corpus.explore import example_store as build

    return build(analyzer)
