"""``corpus analyze``: analyze every article the current model and lexicons have not, in
batches, on local worker processes or a Dask cluster, and write the rows with the client as
the one writer.

Resumable by construction: each write is one transaction holding a batch's sentences, terms,
actors and metrics rows. An article is done when it has a ``metrics`` row from a run with the
current fingerprints, so a run killed at any moment loses at most the batch in flight, and the
next run picks up exactly the articles without that row (their partial rows, if any, are
deleted in the same transaction as the new ones are written).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import signal
import threading
import time
from collections import deque
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from ..batch import (
    MAX_JOBS,
    WorkerLostError,
    children_since,
    frozen_heap,
    wait_for,
    worker_pool,
    worker_signals,
)
from ..errors import FramingError, message_for
from ..lexicon import lexicon_bytes, lexicons_digest
from .store import (
    ACTOR_TYPES,
    SENTENCE_TYPES,
    TERM_TYPES,
    StoreError,
    WriterLock,
    check_store,
    connect,
    metric_types,
    record_skipped,
)

TASK_ARTICLES = 8       # articles per task sent to a worker
READ_ARTICLES = 400     # articles read from the store at a time
FLUSH_ARTICLES = 200    # articles per write transaction at most
FLUSH_SECONDS = 5.0     # and a write at least this often (the file is closed in between)
# DuckDB's memory for the run's reads and writes. Without a limit, the checkpoint that closing
# the file makes after a write takes a few hundred MB for a moment (it rewrites the row groups
# a re-analysis deleted from); past the limit DuckDB spills to a temporary file instead.
RUN_MEMORY = "128MB"
ENGINES = ("local", "dask")


class SchedulerError(FramingError):
    """A Dask scheduler that cannot be reached, or Dask not installed."""


# --------------------------------------------------------------------------- rows


def _arrow_type(sql_type: str):
    import pyarrow as pa

    return {"VARCHAR": pa.string(), "INTEGER": pa.int64(), "DOUBLE": pa.float64(),
            "BOOLEAN": pa.bool_(), "DATE": pa.date32()}[sql_type]


def arrow_schemas() -> dict:
    import pyarrow as pa

    metrics = {k: v for k, v in metric_types().items() if k != "run_id"}
    return {name: pa.schema([(c, _arrow_type(t)) for c, t in types.items()])
            for name, types in (("sentences", SENTENCE_TYPES), ("terms", TERM_TYPES),
                                ("actors", ACTOR_TYPES), ("metrics", metrics))}


@dataclass(frozen=True)
class Job:
    """One article to analyze, as read from the store."""

    id: str
    text: str
    title: str
    outlet: str
    published: dt.date | None
    url: str
    source: str


@dataclass
class BatchResult:
    """The rows of a batch of articles, as Arrow tables, and the articles that failed."""

    tables: dict = field(default_factory=dict)   # table name -> pyarrow.Table
    done: list[str] = field(default_factory=list)
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # id, source, reason


def analyze_jobs(analyzer, jobs: list[Job]) -> BatchResult:
    """Analyze articles and return their rows: the rows of ``framing.export`` (``article_row``,
    ``sentence_rows``, ``actor_rows``) and each report's term hits, keyed by the store id."""
    import pyarrow as pa

    from ..export import actor_rows, article_row, sentence_rows
    from ..report import Article

    rows: dict[str, list[dict]] = {"sentences": [], "terms": [], "actors": [], "metrics": []}
    result = BatchResult()
    for job in jobs:
        article = Article(text=job.text, id=job.id, title=job.title or "",
                          outlet=job.outlet or "", url=job.url or "",
                          published=job.published.isoformat() if job.published else "",
                          source_path=job.source or "")
        try:
            report = analyzer.analyze(article)
            metrics = article_row(report)
            metrics["published"] = job.published
            sentences = list(sentence_rows(report))
            for row in sentences:
                if row["reported_opinion"] == "":
                    row["reported_opinion"] = None
            terms = [hit.as_dict() | {"article_id": job.id, "sentence_index": hit.sentence}
                     for hit in report.hits]
            actors = list(actor_rows(report))
        except FramingError as error:
            result.failed.append((job.id, job.source, message_for(error, job.source or "")))
            continue
        except Exception as error:  # a bug on one article must not stop a long run
            result.failed.append((job.id, job.source,
                                  f"internal error: {type(error).__name__}: {error}"))
            continue
        rows["metrics"].append(metrics)
        rows["sentences"].extend(sentences)
        rows["terms"].extend(terms)
        rows["actors"].extend(actors)
        result.done.append(job.id)
    for name, schema in arrow_schemas().items():
        result.tables[name] = pa.Table.from_pylist(
            [{c: r.get(c) for c in schema.names} for r in rows[name]], schema=schema)
    return result


# --------------------------------------------------------------------------- fingerprints


def fingerprints(analyzer, model_file: str | Path | None = None) -> tuple[str, str]:
    """(model, lexicon) fingerprints: what the rows depend on. The model's covers the shipped
    training data or the model file, and framing's code; the lexicons' covers the shipped
    lexicon files and the user's extra ones, by content."""
    from ..analyzer import LEXICON_DIR
    from ..classify import fingerprint

    if model_file is not None:
        digest = hashlib.sha256(Path(model_file).read_bytes())
        digest.update(fingerprint([]).encode())
        model = digest.hexdigest()[:20]
    else:
        model = analyzer._fingerprint()
    return model, lexicons_digest([*sorted(LEXICON_DIR.glob("*.csv")), *analyzer.lexicon_files])


def _record_lexicons(con, lexicon_fp: str, sources) -> None:
    """Keep in the store the extra lexicons (names and texts) of the fingerprint
    ``lexicon_fp``, once, so that what reads its articles again (a story compared on the
    app's Corpus page) reads them as the run did: ``explore.stored_lexicons``."""
    if not sources or con.execute("SELECT count(*) FROM lexicons WHERE lexicon_fingerprint = ?",
                                  [lexicon_fp]).fetchone()[0]:
        return
    rows = [[lexicon_fp, position, name, data.decode("utf-8-sig")]
            for position, (name, data) in enumerate(map(lexicon_bytes, sources))]
    con.executemany("INSERT INTO lexicons VALUES (?, ?, ?, ?)", rows)


def framing_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("framing")
    except metadata.PackageNotFoundError:
        pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
        for line in pyproject.read_text(encoding="utf-8").splitlines() if pyproject.exists() \
                else []:
            if line.startswith("version"):
                return line.split("=", 1)[1].strip().strip('"')
        return ""


# --------------------------------------------------------------------------- engines


_WORKER: dict = {}  # the analyzer of a local worker process, set once by fork or initializer


def _init_local(lexicons, model) -> None:
    worker_signals()
    if "analyzer" not in _WORKER:
        from ..analyzer import Analyzer

        _WORKER["analyzer"] = Analyzer(lexicons=lexicons, model=model)


def _local_task(jobs: list[Job]) -> BatchResult:
    return analyze_jobs(_WORKER["analyzer"], jobs)


class _Done:
    """A finished result, for the in-process engine."""

    def __init__(self, value) -> None:
        self.value = value


class LocalEngine:
    """Worker processes on this machine (fork shares the loaded analyzer); one process runs
    the tasks inline."""

    name = "local"

    def __init__(self, analyzer, jobs: int) -> None:
        self.analyzer = analyzer
        self.jobs = max(1, jobs)
        self.pool = None
        self._workers: list = []  # the pool's processes, watched for one that dies
        self._stack = ExitStack()
        if self.jobs > 1:
            import multiprocessing

            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            _WORKER["analyzer"] = analyzer
            before = set(multiprocessing.active_children())
            self.pool = self._stack.enter_context(worker_pool(
                context, self.jobs, _init_local, (analyzer.lexicon_files, analyzer._bundle)))
            self._workers = children_since(before)

    @property
    def slots(self) -> int:
        return self.jobs * 2 if self.pool else 1

    def submit(self, jobs: list[Job]):
        if self.pool is None:
            return _Done(analyze_jobs(self.analyzer, jobs))
        return self.pool.apply_async(_local_task, (jobs,))

    def next(self, pending: deque) -> BatchResult:
        """The oldest task's result (tasks finish in about the order they were sent)."""

        future = pending.popleft()
        if isinstance(future, _Done):
            return future.value
        return wait_for(future, self._workers, "the results that came back are written: run "
                        "`corpus analyze` again to go on")

    def close(self) -> None:
        if self.pool is not None:
            self._stack.close()
            self.pool = None
            _WORKER.pop("analyzer", None)


# --------------------------------------------------------------------------- the run


@dataclass(frozen=True)
class RunSummary:
    """What one ``corpus analyze`` did."""

    run_id: int | None    # None: nothing to analyze, so no run was recorded
    analyzed: int
    failed: int
    todo: int
    seconds: float        # the whole run
    start_seconds: float = 0.0  # of which: loading the model, starting workers or a cluster
    failed_before: int = 0  # left out: they failed with the same model and lexicons before


def _todo(con, model_fp: str, lexicon_fp: str, run_id: int,
          rerun: bool) -> tuple[list[tuple], int]:
    """The (id, rowid) of each article still to analyze, oldest first, and how many were
    left out because they failed before with the same model, lexicons and code (the model's
    fingerprint holds the code's): the same article would fail the same way again."""
    if rerun:  # only what this run itself has written counts as done
        condition, params = "r.id = ?", [run_id]
    else:
        condition, params = "r.model_fingerprint = ? AND r.lexicon_fingerprint = ?", \
            [model_fp, lexicon_fp]
    todo = con.execute(
        "SELECT a.id, a.rowid FROM articles a WHERE a.id NOT IN (SELECT m.article_id "
        f"FROM metrics m JOIN runs r ON r.id = m.run_id WHERE {condition}) "
        "ORDER BY a.added_at, a.id", params).fetchall()
    if rerun or not todo:
        return todo, 0
    failed = {row[0] for row in con.execute(
        "SELECT DISTINCT f.article_id FROM failures f JOIN runs r ON r.id = f.run_id "
        f"WHERE {condition}", params).fetchall()}
    kept = [row for row in todo if row[0] not in failed]
    return kept, len(todo) - len(kept)


_JOB_COLUMNS = "id, text, title, outlet, published, url, source"


def _read_jobs(path, todo: list[tuple]) -> list[Job]:
    """The articles of ``todo`` ((id, rowid) pairs), in its order.

    The rowid range lets DuckDB read only the row groups that hold them: matching the ids
    alone scans the whole text column, about 1 MB per 1,000 articles in the store, on every
    read. The ids decide; an article whose rowid has changed since is looked up by id."""
    ids = [article_id for article_id, _ in todo]
    rowids = [rowid for _, rowid in todo]
    with _open(path) as con:
        rows = con.execute(
            f"SELECT {_JOB_COLUMNS} FROM articles WHERE rowid BETWEEN ? AND ? "
            "AND id IN (SELECT unnest(?::VARCHAR[]))", [min(rowids), max(rowids), ids]
        ).fetchall()
        if len(rows) < len(ids):
            found = {row[0] for row in rows}
            rows += con.execute(
                f"SELECT {_JOB_COLUMNS} FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                [[article_id for article_id in ids if article_id not in found]]).fetchall()
    order = {article_id: i for i, article_id in enumerate(ids)}
    return sorted((Job(*row) for row in rows), key=lambda job: order[job.id])


def write_batch(con, run_id: int, results: list[BatchResult]) -> None:
    """One transaction: replace the batch's rows in every analysis table and record failures.
    The metrics row is written with the rest, so it marks the article done only when
    everything else of it is there."""
    import pyarrow as pa

    done = [article_id for r in results for article_id in r.done]
    failed = [f for r in results for f in r.failed]
    con.begin()
    try:
        if done:
            batch_ids = pa.table({"id": pa.array(done, pa.string())})  # noqa: F841
            for name in ("sentences", "terms", "actors", "metrics"):
                con.execute(f"DELETE FROM {name} WHERE article_id IN (SELECT id FROM batch_ids)")
            for name in ("sentences", "terms", "actors"):
                rows = pa.concat_tables([r.tables[name] for r in results])  # noqa: F841
                con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM rows")
            rows = pa.concat_tables([r.tables["metrics"] for r in results])  # noqa: F841
            con.execute(f"INSERT INTO metrics BY NAME SELECT *, {int(run_id)} AS run_id "
                        "FROM rows")
        record_skipped(con, [(source, reason) for _, source, reason in failed])
        if failed:  # (so that the next run does not try them again: ``_todo``)
            con.executemany("INSERT INTO failures VALUES (?, ?, ?)",
                            [(article_id, run_id, reason) for article_id, _, reason in failed])
        con.execute("UPDATE runs SET articles = articles + ?, errors = errors + ? WHERE id = ?",
                    [len(done), len(failed), run_id])
        con.commit()
    except BaseException:
        con.rollback()
        raise


def run_analysis(path, analyzer=None, *, lexicons=(), model: str | Path | None = None,
                 jobs: int = 1, engine: str = "local",
                 scheduler: str | None = None, rerun: bool = False,
                 progress: Callable[[int, int, int], None] | None = None,
                 report: Callable[[str], None] | None = None,
                 writer: Callable = write_batch, flush_articles: int = FLUSH_ARTICLES,
                 task_articles: int = TASK_ARTICLES) -> RunSummary:
    """Analyze the store's articles that the current model and lexicons have not.

    Parameters
    ----------
    path : the store.
    analyzer : the Analyzer to use; by default one is made from ``lexicons`` and ``model``.
    lexicons, model : extra lexicon files and a model file (default: the shipped ones); they
        are fingerprinted with the code, so a change re-analyzes.
    jobs : worker processes (local) or LocalCluster workers (dask), 1 to ``MAX_JOBS``.
    engine : "local" or "dask"; with "dask", ``scheduler`` is a scheduler address
        (tcp://host:8786), or None for a LocalCluster on this machine (a scheduler without
        the Dask engine is refused).
    rerun : analyze every article again, even those done (or failed) with the same
        fingerprints; without it an article that failed with the same fingerprints is not
        tried again (``RunSummary.failed_before`` counts them).
    progress : called with (total, done so far, failed so far) as results arrive.
    report : called with a one-line message for each article that fails.
    writer : writes one batch in one transaction (a test can make it fail).

    Options, the Dask engine's packages and the store are checked before anything is
    written; a run is recorded in ``runs`` only when there is something to analyze and the
    engine has started (``RunSummary.run_id`` is None when there was nothing to do).
    """
    import duckdb

    if engine not in ENGINES:
        raise FramingError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise FramingError("a scheduler goes with the Dask engine (engine='dask')")
    check_count("jobs", jobs, MAX_JOBS)
    check_count("flush_articles", flush_articles)
    check_count("task_articles", task_articles)
    dask_class = dask_engine() if engine == "dask" else None  # dask missing: refused here
    started = time.perf_counter()
    check_store(path)  # a missing, foreign or newer store fails here, before any work
    with WriterLock(path), StopRequest() as stop, ExitStack() as stack:
        if analyzer is None:
            from ..analyzer import Analyzer

            analyzer = Analyzer(lexicons=lexicons, model=model)
        _ = analyzer.model  # train or load the model once, before workers start
        stack.enter_context(frozen_heap())
        model_fp, lexicon_fp = fingerprints(analyzer, model)
        with _open(path) as con:
            run_id = con.execute("SELECT coalesce(max(id), 0) + 1 FROM runs").fetchone()[0]
            todo, failed_before = _todo(con, model_fp, lexicon_fp, run_id, rerun)
        if progress:
            progress(len(todo), 0, 0)
        if not todo:  # nothing happens, so no run is recorded
            return RunSummary(None, 0, 0, 0, time.perf_counter() - started,
                              failed_before=failed_before)
        # the engine starts (a cluster reached, workers forked) before the run is recorded
        if engine == "dask":
            runner = dask_class(analyzer, jobs, scheduler)
        else:
            runner = LocalEngine(analyzer, min(jobs, max(1, len(todo) // task_articles)))
        analyzed = failed = 0
        ready = time.perf_counter()
        results: list[BatchResult] = []
        in_results = 0
        last_write = time.monotonic()

        def flush() -> None:
            """Write the results in hand in one transaction."""
            nonlocal analyzed, failed, results, in_results, last_write
            with stop.writing():  # (a second Ctrl+C now waits for the write's end)
                _write(path, writer, run_id, results)
                analyzed += sum(len(r.done) for r in results)
                failed += sum(len(r.failed) for r in results)
                results, in_results, last_write = [], 0, time.monotonic()
            if progress:
                progress(len(todo), analyzed, failed)

        try:
            with _open(path) as con:
                con.execute("INSERT INTO runs VALUES (?, now()::TIMESTAMP, NULL, ?, ?, ?, 0, 0, "
                            "?)", [run_id, framing_version(), model_fp, lexicon_fp, engine])
                _record_lexicons(con, lexicon_fp, analyzer.lexicon_files)
            waiting = deque(todo)
            queued: deque[Job] = deque()
            pending: deque = deque()
            while (waiting or queued or pending) and not stop.requested:
                while len(pending) < runner.slots and (waiting or queued):
                    if not queued:
                        chunk = [waiting.popleft() for _ in range(min(READ_ARTICLES,
                                                                      len(waiting)))]
                        queued.extend(_read_jobs(path, chunk))
                        continue
                    task = [queued.popleft() for _ in range(min(task_articles, len(queued)))]
                    pending.append(runner.submit(task))
                if not pending:
                    continue
                result = runner.next(pending)
                results.append(result)
                in_results += len(result.done) + len(result.failed)
                for _, source, reason in result.failed:
                    if report:
                        report(f"skipped {source}: {reason}")
                if in_results >= flush_articles or time.monotonic() - last_write >= \
                        FLUSH_SECONDS:
                    flush()
            if results:  # the last batch, or what came in before a stop
                flush()
        except KeyboardInterrupt:  # a second Ctrl+C: stop at once
            stop.requested = True
        except (WorkerLostError, SchedulerError):  # an engine that cannot go on
            if results:  # what came back is written: the rerun goes on from there
                with contextlib.suppress(OSError, duckdb.Error):  # (the engine's error says more)
                    _write(path, writer, run_id, results)
            raise
        except (OSError, duckdb.Error) as error:
            raise StoreError(f"{path}: could not write to the store "
                             f"({str(error).strip().splitlines()[0]}); the run stopped after "
                             f"{analyzed} articles; run `corpus analyze` again to resume"
                             ) from None
        finally:
            runner.close()
        if stop.requested:
            raise KeyboardInterrupt(f"interrupted after writing {analyzed} of {len(todo)} "
                                    "articles; run `corpus analyze` again to go on")
        _finish(path, run_id)
    return RunSummary(run_id, analyzed, failed, len(todo), time.perf_counter() - started,
                      ready - started, failed_before)


def dask_engine() -> type:
    """The Dask engine's class; ``SchedulerError`` when dask and distributed are missing."""
    try:
        from .dask_engine import DaskEngine
    except ImportError:
        raise SchedulerError("the Dask engine needs dask and distributed: "
                             "pip install -r requirements-dask.txt") from None
    return DaskEngine


def check_count(name: str, value, most: int | None = None) -> None:
    """Raise ``FramingError`` unless ``value`` is a whole number from 1 to ``most``."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1 or \
            (most is not None and value > most):
        allowed = f"from 1 to {most}" if most is not None else "1 or more"
        raise FramingError(f"{name} must be a whole number {allowed}, not {value!r}")


class StopRequest:
    """Ctrl+C or SIGTERM during a run asks it to stop: the results in hand are written and the
    run ends between two steps, never inside a DuckDB query (which would turn the signal
    into a failed query). A second signal stops at once, or, while results are being
    written, as soon as they are. Only the main thread can take signals; elsewhere this does
    nothing."""

    def __init__(self) -> None:
        self.requested = False
        self._previous: dict = {}
        self._writing = False
        self._urgent = False

    @contextlib.contextmanager
    def writing(self):
        """A write that a second signal does not cut short (DuckDB would turn it into "Query
        interrupted" and a write half done); the signal takes effect when it ends."""
        self._writing = True
        try:
            yield
        finally:
            self._writing = False
        if self._urgent:
            raise KeyboardInterrupt

    def __enter__(self) -> StopRequest:
        if threading.current_thread() is threading.main_thread():
            for number in (signal.SIGINT, signal.SIGTERM):
                self._previous[number] = signal.signal(number, self._ask)
        return self

    def _ask(self, number, frame) -> None:
        if self.requested and self._writing:
            self._urgent = True
        elif self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def __exit__(self, *exc) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)


def _open(path):
    """A connection of the run's own (reads and writes), DuckDB held to ``RUN_MEMORY``."""
    return connect(path, write=True, memory_limit=RUN_MEMORY)


def _write(path, writer, run_id: int, results: list[BatchResult]) -> None:
    with _open(path) as con:
        writer(con, run_id, results)


def _finish(path, run_id: int) -> None:
    with _open(path) as con:
        con.execute("UPDATE runs SET finished = now()::TIMESTAMP WHERE id = ?", [run_id])
