"""Analyses in worker processes (the app's AnalysisWorkers): the same reports as in-process,
errors passed through with their type, lexicons kept apart, a dead worker replaced."""

from __future__ import annotations

import os
import signal
from functools import partial

import pytest
from conftest import CORPUS_FILES

from framing import article_from_text, load_article
from framing.analyzer import AnalyzerPool
from framing.errors import EmptyInputError
from framing.export import report_json
from framing.workers import AnalysisWorkers

TEXT = ("The council approved the gizmo plan on Monday. The widget contract went to a local "
        "firm. Officials said the gizmo would save money, and the widget would not.")


def lexicon(term: str) -> str:
    return f"term,category,explanation,alternative\n{term},loaded,Ours.,thing\n"


@pytest.fixture(scope="module")
def pool():
    return AnalyzerPool(size=2)


@pytest.fixture(scope="module")
def workers(pool):
    w = AnalysisWorkers(pool, processes=2)
    yield w
    w.close()


def loaded(report) -> set[str]:
    return {h.term for h in report.hits if h.category == "loaded"}


def test_reports_equal_the_in_process_analysis(workers, pool):
    paths = CORPUS_FILES[:4]
    futures = [workers.submit(partial(load_article, p)) for p in paths]  # loaded in a worker
    for path, future in zip(paths, futures):
        assert report_json(future.result()) == report_json(pool.base.analyze(load_article(path)))
    article = load_article(paths[0])  # an Article sent as it is
    assert report_json(workers.analyze(article)) == report_json(pool.base.analyze(article))


def test_errors_come_back_with_their_type_and_message(workers):
    with pytest.raises(EmptyInputError, match="the article is empty"):
        workers.analyze(partial(article_from_text, "   "))


def test_each_request_gets_its_own_lexicon(workers):
    job = partial(article_from_text, TEXT, id="t")
    assert loaded(workers.analyze(job, lexicon("gizmo"))) == {"gizmo"}
    assert loaded(workers.analyze(job, lexicon("widget"))) == {"widget"}
    assert loaded(workers.analyze(job)) == set()
    assert loaded(workers.analyze(job, lexicon("gizmo"))) == {"gizmo"}


def test_a_killed_worker_is_replaced(pool):
    w = AnalysisWorkers(pool, processes=1)
    try:
        job = partial(article_from_text, TEXT, id="t")
        first = w.analyze(job)
        for pid in list(w._executor._processes):
            os.kill(pid, signal.SIGKILL)
        assert report_json(w.analyze(job)) == report_json(first)
    finally:
        w.close()


def test_no_processes_analyzes_in_this_process(pool):
    w = AnalysisWorkers(pool, processes=0)
    job = partial(article_from_text, TEXT, id="t")
    assert loaded(w.analyze(job, lexicon("gizmo"))) == {"gizmo"}
    assert w._executor is None
    with pytest.raises(EmptyInputError):
        w.analyze(partial(article_from_text, ""))


def test_workers_never_run_the_servers_main_script(pool, tmp_path, monkeypatch):
    """Streamlit gives every script run a fresh ``__main__`` module, without a spec until the
    script sets one; a worker started in that moment re-ran the whole app as its main module
    (and died starting workers of its own: the errors under twenty sessions at once). A worker
    must start from framing alone, whatever ``__main__`` is when it starts."""
    import sys
    import types

    marker = tmp_path / "ran"
    script = tmp_path / "server_script.py"
    script.write_text(f"open({str(marker)!r}, 'w').close()\n", encoding="utf-8")
    main = types.ModuleType("__main__")
    main.__file__ = str(script)
    main.__spec__ = None
    monkeypatch.setitem(sys.modules, "__main__", main)
    fresh = AnalysisWorkers(pool, processes=2)
    try:
        futures = [fresh.submit(partial(article_from_text, TEXT, id=str(k))) for k in range(4)]
        assert all(loaded(f.result()) == set() for f in futures)
    finally:
        fresh.close()
    assert sys.modules["__main__"] is main  # left as it was
    assert not marker.exists()


def _nothing() -> None:
    pass


def test_a_pool_that_will_not_stop_is_killed_after_the_deadline(monkeypatch):
    # Pool.terminate can hang for good (CPython issues 73945, 78178, 96995); the run must
    # still end: past the deadline the pool's own workers are killed, and only those
    import multiprocessing
    import threading
    import time

    from framing import batch

    real = batch._terminate
    release = threading.Event()

    def stuck(pool):
        release.wait(30)
        real(pool)

    monkeypatch.setattr(batch, "_terminate", stuck)
    monkeypatch.setattr(batch, "STOP_SECONDS", 0.5)
    context = multiprocessing.get_context("fork")
    bystander = context.Process(target=time.sleep, args=(30,))
    bystander.start()
    try:
        others = set(multiprocessing.active_children())
        started = time.monotonic()
        with batch.worker_pool(context, 2, _nothing, ()) as pool:
            workers = set(multiprocessing.active_children()) - others
            assert pool.apply(os.getpid) in {w.pid for w in workers}
        waited = time.monotonic() - started
        assert len(workers) == 2
        assert not any(w.is_alive() for w in workers)
        assert bystander.is_alive(), "a process that is not the pool's was killed"
        assert waited < 10
    finally:
        release.set()
        bystander.kill()
        bystander.join()
