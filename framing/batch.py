"""Many articles at once: analysis in worker processes, rows streamed in order, a progress bar.

Each input becomes an Outcome: its rows for the requested level, or the one-line error that
stopped it. Rows are produced article by article and handed to the caller as soon as they are
ready, so memory stays flat however many articles there are.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from contextlib import contextmanager
from dataclasses import dataclass, replace

from .errors import FramingError, message_for


@dataclass(frozen=True)
class Outcome:
    """What became of one input: rows, or the error that stopped it."""

    source: str
    rows: tuple[dict, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str = ""
    article: dict | None = None  # the article-level row, when asked for (``--fail-on``)


def rows_for(report, level: str, fmt: str) -> tuple[dict, ...]:
    from .export import actor_rows, article_row, report_json, sentence_rows

    if level == "article":
        return (article_row(report),)
    if level == "actor":
        return tuple(actor_rows(report))
    if fmt == "json":
        return (report_json(report),)
    return tuple(sentence_rows(report))


def _analyze_one(analyzer, source, level: str, fmt: str,
                 allow_private_hosts: bool = False, article_rows: bool = False) -> Outcome:
    """``source``: a path or URL, an Article already read (standard input, named "-"), or
    an Outcome already decided (returned as it is);
    ``article_rows``: the Outcome carries the article-level row too."""
    from .export import article_row
    from .report import Article

    if isinstance(source, Outcome):
        return source
    read = isinstance(source, Article)
    name = (source.source_path or "-") if read else source
    try:
        report = (analyzer.analyze(source) if read
                  else analyzer.load(source, allow_private_hosts=allow_private_hosts))
    except FramingError as error:
        return Outcome(name, error=message_for(error, name))
    rows = rows_for(report, level, fmt)
    article = (rows[0] if level == "article" else article_row(report)) if article_rows else None
    return Outcome(name, rows, report.article.warnings, article=article)


# The analyzer of a worker process: set once per worker, by fork or by the initializer.
_WORKER: dict = {}


def worker_signals() -> None:
    """In a worker process: leave Ctrl+C to the parent (which stops the workers and reports
    once) and die quietly when the parent terminates it. Otherwise a Ctrl+C in a terminal,
    which reaches every process of the group, prints a traceback for each worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


STOP_SECONDS = 10.0  # how long a pool may take to stop before its workers are killed


@contextmanager
def worker_pool(context, jobs: int, initializer, initargs) -> Iterator:
    """A ``multiprocessing`` pool that always lets its caller go: stopped with
    ``Pool.terminate`` on a thread given STOP_SECONDS. ``terminate`` can hang for good on a
    rare race between the pool's handler threads and its workers' pipes (CPython issues 73945,
    78178 and 96995), which turned a Ctrl+C into a run that never ended; past the deadline the
    pool's workers are killed and the stuck thread (a daemon) is left behind."""
    others = set(multiprocessing.active_children())
    pool = context.Pool(jobs, initializer=initializer, initargs=initargs)
    try:
        yield pool
    finally:
        stopper = threading.Thread(target=_terminate, args=(pool,), daemon=True,
                                   name="framing-stop-pool")
        stopper.start()
        stopper.join(STOP_SECONDS)
        if stopper.is_alive():
            for child in set(multiprocessing.active_children()) - others:
                child.kill()
            stopper.join(1.0)


def _terminate(pool) -> None:
    pool.terminate()
    pool.join()


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Leave the objects that exist now (the loaded model and lexicons above all) out of the
    garbage collector's passes while a run lasts (``gc.freeze``). Each full collection then
    walks only what the run itself makes: about a tenth less CPU per article, and workers
    forked inside do not copy the parent's pages by touching every object. Unfrozen after, so
    nothing of the caller's is kept from collection."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _init_worker(lexicons, model) -> None:
    worker_signals()
    if "analyzer" not in _WORKER:
        from .analyzer import Analyzer

        _WORKER["analyzer"] = Analyzer(lexicons=lexicons, model=model)


def _work(tasks: list[tuple]) -> list[Outcome]:
    return [_analyze_one(_WORKER["analyzer"], *task) for task in tasks]


TASK_INPUTS = 4   # inputs per task sent to a worker
TASKS_AHEAD = 4   # tasks in flight per worker: the stream of inputs is read this far ahead
WORKER_CHECK = 1.0  # seconds between checks that the workers are alive, while waiting
LOST_ADVICE = "run it again, with fewer --jobs if memory is short"


class WorkerLostError(FramingError):
    """A worker process ended in the middle of a run (killed, for lack of memory or by a
    user): the task it held would never come back."""


def children_since(before: set) -> list:
    """The processes started since ``before`` (``multiprocessing.active_children()`` then):
    a pool's workers, to watch with ``wait_for``."""
    return [p for p in multiprocessing.active_children() if p not in before]


def wait_for(result, workers: list, advice: str):
    """The value of ``result`` (a pool's ``apply_async``). multiprocessing.Pool replaces a
    worker that dies but loses its task, which would be waited for forever: every
    WORKER_CHECK seconds the pool's original ``workers`` are checked, and one that ended raises
    WorkerLostError (its message ends with ``advice``, what the user can do)."""
    while True:
        try:
            return result.get(timeout=WORKER_CHECK)
        except multiprocessing.TimeoutError:
            for worker in workers:
                code = worker.exitcode
                if code is not None:
                    how = f"killed by signal {-code}" if code < 0 else f"exit status {code}"
                    hint = ", perhaps for lack of memory" if code == -9 else ""
                    raise WorkerLostError(f"a worker process ended in the middle of the run "
                                          f"({how}{hint}); {advice}") from None


MAX_JOBS = 64  # worker processes at most, whatever is asked: each holds an analyzer


def default_jobs(count: int | None) -> int:
    """Worker processes for ``count`` inputs (None: not known yet, a stream): one per core, at
    most eight and never more than the inputs."""
    return max(1, min(os.cpu_count() or 1, 8 if count is None else count, 8))


def jobs_option(value: str) -> int:
    """``--jobs N`` on the command line: 0 for one process per core (the default), else 1 to
    ``MAX_JOBS``."""
    import argparse

    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a number is needed, not {value!r}") from None
    if not 0 <= jobs <= MAX_JOBS:
        raise argparse.ArgumentTypeError(
            f"give 0 (one process per core) to {MAX_JOBS}, not {jobs}")
    return jobs


def analyze_many(sources: Iterable, level: str, fmt: str, analyzer, jobs: int = 1, *,
                 allow_private_hosts: bool = False,
                 article_rows: bool = False) -> Iterator[Outcome]:
    """Outcomes in input order (a source: a path or URL, an Article already read, or an
    Outcome already decided, such as a table's row that could not be read, passed on as it
    is). ``sources`` may be a stream (the rows of a table as they are read): it is consumed
    as the analyses go, a few tasks ahead of them. With ``jobs`` > 1, articles are analyzed
    in worker processes that share the already loaded analyzer (fork) or build their own
    (spawn). The transformer backend runs in one process: torch already uses every core.
    ``allow_private_hosts`` lets URLs on local and private networks be fetched;
    ``article_rows``: each Outcome also carries its article-level row."""
    if isinstance(sources, Sized):
        jobs = min(jobs, len(sources))  # never more processes than inputs
    sources = iter(sources)
    first = list(itertools.islice(sources, 2))
    sources = itertools.chain(first, sources)
    if jobs <= 1 or len(first) < 2 or analyzer.bundle.transformer is not None:
        for source in sources:
            yield _analyze_one(analyzer, source, level, fmt, allow_private_hosts, article_rows)
        return
    jobs = min(jobs, MAX_JOBS)
    _ = analyzer.model  # train or load the shipped model once, before the workers start
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    _WORKER["analyzer"] = analyzer
    others = set(multiprocessing.active_children())
    try:
        with frozen_heap(), worker_pool(context, jobs, _init_worker,
                                        (analyzer.lexicon_files,
                                         replace(analyzer.bundle, model=analyzer.model))) as pool:
            workers = children_since(others)
            tasks = ((source, level, fmt, allow_private_hosts, article_rows)
                     for source in sources)
            chunks = iter(lambda: list(itertools.islice(tasks, TASK_INPUTS)), [])
            # a bounded window of tasks in flight (Pool.imap would read the whole stream
            # ahead and keep every result a slow reader of the rows has not taken yet)
            pending = deque(pool.apply_async(_work, (chunk,))
                            for chunk in itertools.islice(chunks, jobs * TASKS_AHEAD))
            while pending:
                outcomes = wait_for(pending.popleft(), workers, LOST_ADVICE)
                pending.extend(pool.apply_async(_work, (chunk,))
                               for chunk in itertools.islice(chunks, 1))
                yield from outcomes
    finally:
        _WORKER.pop("analyzer", None)


def progress_bar(total: int, enabled: bool = True, unit: str = " articles"):
    """A tqdm progress bar on stderr: done/total, rate and time left (disabled: a no-op bar).
    Print messages while it is shown with ``tqdm.write`` so they do not break the line."""
    from tqdm import tqdm

    return tqdm(total=total, disable=not enabled, file=sys.stderr, unit=unit,
                desc="framing", dynamic_ncols=True)
