"""The Dask engine of ``corpus analyze`` (optional: pip install -r requirements-dask.txt).

Each worker builds one Analyzer when it starts (a WorkerPlugin) from the client's model, so no
worker trains anything; tasks are lists of articles; each task's rows come back as Arrow IPC
streams, and the client, the store's only writer, writes them.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from collections import deque

import dask
from distributed import Client, LocalCluster, WorkerPlugin, get_worker, wait

from ..lexicon import LexiconText
from .run import BatchResult, Job, SchedulerError, analyze_jobs


def portable(lexicons) -> list[LexiconText]:
    """The user's lexicons as text, for workers on other machines, which cannot read this
    machine's files."""
    return [source if isinstance(source, LexiconText)
            else LexiconText(source.name, source.read_text(encoding="utf-8-sig"))
            for source in lexicons]


REASON_CHARS = 300  # of a worker's error, in the one line
WORKER_WAIT = 10.0  # seconds to wait for a first worker on a scheduler that has none


class AnalyzerPlugin(WorkerPlugin):
    """A Dask worker plugin that builds one Analyzer per worker, when the worker starts (the
    shipped model is trained or read from the worker machine's cache then)."""

    name = "framing-analyzer"

    def __init__(self, lexicons, model) -> None:
        self.lexicons = lexicons
        self.model = model

    def setup(self, worker) -> None:
        from ..analyzer import Analyzer

        analyzer = Analyzer(lexicons=self.lexicons, model=self.model)
        _ = analyzer.model
        worker.framing_analyzer = analyzer


@contextlib.contextmanager
def _workers_leave_ctrl_c_to_us():
    """The worker processes started meanwhile ignore Ctrl+C (an ignored signal stays ignored
    in a process started from this one), as the local engine's do: a terminal's Ctrl+C
    reaches every process of the group, and each worker printed its traceback and died with
    the tasks in flight, which the run then waited for without end. The run stops them."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _dask_task(jobs: list[Job]) -> dict:
    """Analyze on a Dask worker; the rows travel back as one Arrow IPC stream per table."""
    result = analyze_jobs(get_worker().framing_analyzer, jobs)
    return _to_ipc(result)


def _to_ipc(result: BatchResult) -> dict:
    import pyarrow as pa

    payload = {"done": result.done, "failed": result.failed, "tables": {}}
    for name, table in result.tables.items():
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        payload["tables"][name] = sink.getvalue().to_pybytes()
    return payload


def _from_ipc(payload: dict) -> BatchResult:
    import pyarrow as pa

    tables = {name: pa.ipc.open_stream(data).read_all()
              for name, data in payload["tables"].items()}
    return BatchResult(tables, list(payload["done"]), [tuple(f) for f in payload["failed"]])


class DaskEngine:
    """Tasks on a Dask cluster: the scheduler at ``address``, or a LocalCluster of ``jobs``
    single-threaded worker processes."""

    name = "dask"

    def __init__(self, analyzer, jobs: int, address: str | None) -> None:
        self.cluster = None
        try:
            if address:
                self.client = Client(address, timeout="5s")
            else:
                # Workers' statistical profiler samples every task's stack every 10 ms, a cost
                # on pure-Python work; it is turned off for the cluster started here.
                dask.config.set({"distributed.worker.profile.enabled": False})
                with _workers_leave_ctrl_c_to_us():
                    # (silence_logs: the workers' warnings of tasks cancelled as a stopped
                    # run closes them are no news; errors still show)
                    self.cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1,
                                                processes=True, dashboard_address=":0",
                                                silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
        except ValueError as error:  # (an address Dask cannot parse: "tcp://", "http://…")
            raise SchedulerError(f"{address}: not a Dask scheduler address "
                                 f"({str(error).splitlines()[0]}); give tcp://HOST:PORT"
                                 ) from None
        except (OSError, TimeoutError) as error:
            raise SchedulerError(f"could not reach the Dask scheduler at {address} "
                                 f"({str(error).splitlines()[0] if str(error) else 'timed out'})"
                                 ) from None
        try:
            self._start(analyzer, address)
        except BaseException:
            self.close()
            raise
        workers = len(self.client.scheduler_info().get("workers", {})) or max(1, jobs)
        self.workers = workers

    def _start(self, analyzer, address: str | None) -> None:
        """Wait for a worker (a scheduler may have none yet) and give every worker its
        Analyzer; a worker that cannot (framing not installed there, another version) is a
        one-line ``SchedulerError``, not Dask's traceback."""
        if address and not self.client.scheduler_info().get("workers"):
            try:
                self.client.wait_for_workers(1, timeout=WORKER_WAIT)
            except (OSError, TimeoutError):
                raise SchedulerError(
                    f"the Dask scheduler at {address} has no workers (waited {WORKER_WAIT:.0f} "
                    f"s); start some with: dask worker {address} --nthreads 1") from None
        plugin = AnalyzerPlugin(portable(analyzer.lexicon_files), analyzer.bundle)
        try:
            self.client.register_plugin(plugin, name=AnalyzerPlugin.name)
        except Exception as error:  # raised on a worker, sent back by Dask
            raise SchedulerError(f"the Dask workers could not load framing's analyzer "
                                 f"({_reason(error)}); install the same framing on every "
                                 "worker machine (README: Several machines)") from None

    @property
    def slots(self) -> int:
        return self.workers * 3

    def submit(self, jobs: list[Job]):
        return self.client.submit(_dask_task, jobs, pure=False)

    def next(self, pending: deque) -> BatchResult:
        done, _ = wait(list(pending), return_when="FIRST_COMPLETED")
        future = next(f for f in pending if f in done)
        pending.remove(future)
        try:
            payload = future.result()
        except Exception as error:  # a worker lost, or one that cannot run framing's task
            raise SchedulerError(f"a Dask task failed ({_reason(error)}); what was written "
                                 "is kept: run `corpus analyze` again to go on") from None
        return _from_ipc(payload)

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self.cluster is not None:
            self.cluster.close()


def _reason(error: BaseException) -> str:
    """A remote exception in one line: Dask wraps some in ``Exception("ModuleNotFoundError
    (...)")``; the type is named when the text does not start with it."""
    text = " ".join(str(error).split())  # Dask's messages run over several lines
    if len(text) > REASON_CHARS:
        text = text[:REASON_CHARS - 1] + "…"
    name = type(error).__name__
    return text if text.startswith(tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) and name == \
        "Exception" else f"{name}: {text}" if text else name

