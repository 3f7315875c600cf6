"""Analyses in worker processes beside a server (the app's sessions).

A Streamlit server runs every session's script in one Python interpreter, so the analyses of
many sessions at once queue on one core. ``AnalysisWorkers`` sends them to a pool of worker
processes (one per core by default), each holding its own Analyzers, while the server's
interpreter only lays out the results; a report comes back pickled (about 60 KB for a
1,500-word article).

Workers come from a fork server (a fresh interpreter that has imported this module), not
from the server process itself: a fork of Streamlit's multi-threaded server carried its
sockets and event loop into the workers and broke its downloads now and then. A worker that
dies is replaced: the pool is rebuilt and the analysis runs again once.

A new worker never runs the server's main script. multiprocessing starts a worker by running
the parent's ``__main__`` module again, from its file, unless that module has a spec; Streamlit
gives every script run a fresh ``__main__`` (the app's file, no spec), so a worker started
while another session's run was beginning re-ran the whole app and died (twelve of twenty
sessions at once got no results). While workers may start, ``__main__`` carries such a spec.
"""

from __future__ import annotations

import contextlib
import gc
import importlib.machinery
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .analyzer import AnalyzerPool
from .batch import worker_signals
from .report import Article, ArticleReport

Loader = Callable[[], Article]

_pool: AnalyzerPool | None = None  # in each worker: its own Analyzers


_MAIN_LOCK = threading.Lock()
_MAIN_SPEC = importlib.machinery.ModuleSpec("__main__", None)


@contextlib.contextmanager
def _quiet_main():
    """While a worker may be started (in ``submit``), the ``__main__`` module has a spec named
    ``__main__``, which multiprocessing takes to mean "nothing to run again" (see the module
    docstring); a spec it had before is left alone, and a missing one is taken back after.
    The module itself stays in place: other threads (the Corpus page) read it meanwhile."""
    with _MAIN_LOCK:
        main = sys.modules.get("__main__")
        if main is None or getattr(main, "__spec__", None) is not None:
            yield
            return
        main.__spec__ = _MAIN_SPEC
        try:
            yield
        finally:
            main.__spec__ = None


def _start_worker() -> None:
    """Each worker loads its own Analyzers (the model from its on-disk cache)."""
    global _pool
    worker_signals()
    _pool = AnalyzerPool(size=2)
    _ = _pool.base
    gc.freeze()  # the loaded model stays out of every later collection (see batch.frozen_heap)


def _run(pool: AnalyzerPool, job: Article | Loader, lexicon_text) -> ArticleReport:
    article = job() if callable(job) else job
    return pool.get(lexicon_text).analyze(article)


def _analyze(job: Article | Loader, lexicon_text) -> ArticleReport:
    return _run(_pool, job, lexicon_text)


class AnalysisWorkers:
    """Analyze articles in ``processes`` worker processes (default: one per core).

    Parameters
    ----------
    pool : the parent's Analyzers; its shipped Analyzer is loaded before the workers are
        forked, so they share it. Analyses run in this process when forking is unavailable.
    processes : how many workers; 0 analyzes in this process.
    """

    def __init__(self, pool: AnalyzerPool, processes: int | None = None) -> None:
        self.pool = pool
        from .batch import MAX_JOBS

        self.processes = min((os.cpu_count() or 1) if processes is None else processes,
                             MAX_JOBS)
        if "forkserver" not in multiprocessing.get_all_start_methods():
            self.processes = 0
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _workers(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                _ = self.pool.base  # trained and cached on disk first if need be
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload([__name__])
                self._executor = ProcessPoolExecutor(self.processes, mp_context=context,
                                                     initializer=_start_worker)
            return self._executor

    def submit(self, job: Article | Loader, lexicon_text: str = "") -> Future:
        """Start analyzing ``job`` (an Article, or a picklable function that loads one in the
        worker: reading and extracting a page is work too); the future's result is the
        report, or the ``FramingError`` the loading or analysis raised."""
        if not self.processes:
            future: Future = Future()
            try:
                future.set_result(_run(self.pool, job, lexicon_text))
            except Exception as error:  # noqa: BLE001 - handed to the caller, as a worker does
                future.set_exception(error)
            return future
        executor = self._workers()
        try:
            with _quiet_main():  # the executor starts its workers on demand, in submit
                return executor.submit(_analyze, job, lexicon_text)
        except BrokenProcessPool:
            self._replace(executor)
            with _quiet_main():
                return self._workers().submit(_analyze, job, lexicon_text)

    def analyze(self, job: Article | Loader, lexicon_text: str = "") -> ArticleReport:
        """The report of ``job``; a worker that died is replaced and the job run once more."""
        future = self.submit(job, lexicon_text)
        try:
            return future.result()
        except BrokenProcessPool:
            self._replace(self._executor)
            return self.submit(job, lexicon_text).result()

    def _replace(self, broken: ProcessPoolExecutor | None) -> None:
        with self._lock:
            if broken is not None and self._executor is broken:
                broken.shutdown(wait=False, cancel_futures=True)
                self._executor = None

    def close(self) -> None:
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=True, cancel_futures=True)
                self._executor = None
