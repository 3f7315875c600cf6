"""The corpus store: one embedded DuckDB file holding articles and their analysis.

Concurrency (DuckDB 2.x, measured): a file opened read-write by one process cannot be opened
at all by another, not even read-only, and a file opened read-only blocks writers. So every
connection here is short: a reader opens read-only, runs its query and closes; the writer
opens read-write for one batch (one transaction), commits and closes, so readers get in between
batches. Opening costs about 0.1 s, which is why batches are a few seconds of work. Both sides
wait and retry while the file is busy. Only one *writer run* may be active at a time; that is
guarded by an advisory lock on ``<store>.lock`` (released by the OS even after SIGKILL), a
file that exists while a writer runs.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn, get_type_hints

from ..errors import FramingError, os_reason, shown_path

SCHEMA_VERSION = 1
LOCK_WAIT = 30.0  # seconds a connection waits for another process's short hold on the file
DUCKDB_MAGIC = b"DUCK"  # bytes 8 to 11 of every DuckDB database file


class StoreError(FramingError):
    """A store that cannot be used: not a store, a newer schema, locked, or unwritable."""


# Column types of the per-article tables; metrics is derived from export.ARTICLE_COLUMNS.
SENTENCE_TYPES = {
    "article_id": "VARCHAR", "sentence_index": "INTEGER", "start": "INTEGER", "end": "INTEGER",
    "paragraph": "INTEGER", "kind": "VARCHAR", "voice": "VARCHAR", "speaker": "VARCHAR",
    "label": "VARCHAR", "opinion_score": "DOUBLE", "borderline": "BOOLEAN", "cues": "VARCHAR",
    "loaded_terms": "VARCHAR", "text": "VARCHAR", "frame": "VARCHAR", "frame_cues": "VARCHAR",
    "reported_opinion": "BOOLEAN",
}
TERM_TYPES = {
    "article_id": "VARCHAR", "sentence_index": "INTEGER", "surface": "VARCHAR",
    "term": "VARCHAR", "category": "VARCHAR", "start": "INTEGER", "end": "INTEGER",
    "voice": "VARCHAR", "speaker": "VARCHAR", "negated": "BOOLEAN", "strength": "VARCHAR",
}
ACTOR_TYPES = {
    "article_id": "VARCHAR", "actor": "VARCHAR", "mentions": "INTEGER",
    "quoted_sentences": "INTEGER", "attributed_sentences": "INTEGER", "quoted_words": "INTEGER",
    "attribution_verbs": "VARCHAR", "loaded_terms": "INTEGER", "author_tone": "DOUBLE",
    "kind": "VARCHAR", "country": "VARCHAR", "loaded_term_list": "VARCHAR",
}
ANALYSIS_TABLES = ("sentences", "terms", "actors", "metrics")

FIXED_DDL = """
CREATE TABLE IF NOT EXISTS meta(key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS articles(
    id VARCHAR PRIMARY KEY, source VARCHAR, title VARCHAR, outlet VARCHAR, published DATE,
    url VARCHAR, words INTEGER, text VARCHAR, added_at TIMESTAMP, duplicate_of VARCHAR);
CREATE TABLE IF NOT EXISTS signatures(article_id VARCHAR PRIMARY KEY, outlet VARCHAR,
    minhash BLOB);
CREATE TABLE IF NOT EXISTS runs(id INTEGER PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP,
    framing_version VARCHAR, model_fingerprint VARCHAR, lexicon_fingerprint VARCHAR,
    articles INTEGER, errors INTEGER, engine VARCHAR);
CREATE TABLE IF NOT EXISTS skipped(source VARCHAR, reason VARCHAR, "at" TIMESTAMP);
CREATE TABLE IF NOT EXISTS failures(article_id VARCHAR, run_id INTEGER, reason VARCHAR);
CREATE TABLE IF NOT EXISTS stories(story_id INTEGER, article_id VARCHAR, similarity DOUBLE,
    label VARCHAR);
CREATE TABLE IF NOT EXISTS lexicons(lexicon_fingerprint VARCHAR, position INTEGER,
    name VARCHAR, text VARCHAR);
"""


def check_path(path, error: type[FramingError] = StoreError) -> None:
    """Raise ``error`` (one line) when the system cannot even look at ``path``: a name too
    long, a folder on the way that cannot be searched. ``Path.exists`` and ``is_file`` raise
    ``OSError`` for these; a missing file is no problem here."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as problem:
        raise error(f"{shown_path(path)}: {os_reason(problem)}") from None
    except ValueError:  # a NUL character
        raise error(f"{shown_path(path)!r}: not a usable file name") from None


def sandbox(con, writable: str | Path | None = None) -> None:
    """Lock a read-only connection that runs a user's SQL out of everything but the store: no
    files read or written (``COPY``, ``read_csv``, ``ATTACH``), no extensions installed or
    loaded, no network; ``writable`` is the one file a ``COPY ... TO`` may write. DuckDB
    refuses to turn access back on or to widen the allowed paths while the database is open.
    The setting is the database's: other read-only connections of this process to the same
    store, open meanwhile, are locked out too (they only read the store)."""
    if writable is not None:
        con.execute("SET allowed_paths = ?", [[str(writable)]])
    con.execute("SET enable_external_access = false")


def _sql_type(python_type) -> str:
    return {int: "INTEGER", float: "DOUBLE", bool: "BOOLEAN"}.get(python_type, "VARCHAR")


def metric_types() -> dict[str, str]:
    """The metrics table's columns: every column of ``ARTICLE_COLUMNS`` but article_id (which
    is ``articles.id`` here), in order, typed from ``ArticleMetrics``, then run_id."""
    from ..export import ARTICLE_COLUMNS
    from ..report import ArticleMetrics

    hints = get_type_hints(ArticleMetrics)
    types = {"article_id": "VARCHAR"}
    for name in ARTICLE_COLUMNS[1:]:
        if name in hints:
            types[name] = _sql_type(hints[name])
        elif name == "published":
            types[name] = "DATE"
        elif name.startswith(("score_", "frame_")):
            types[name] = "DOUBLE"
        else:
            types[name] = "VARCHAR"
    types["run_id"] = "INTEGER"
    return types


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create(name: str, types: dict[str, str], key: str = "") -> str:
    columns = ", ".join(f"{_quote(c)} {t}" for c, t in types.items())
    return f"CREATE TABLE IF NOT EXISTS {name}({columns}{', ' + key if key else ''})"


def table_types() -> dict[str, dict[str, str]]:
    return {"sentences": SENTENCE_TYPES, "terms": TERM_TYPES, "actors": ACTOR_TYPES,
            "metrics": metric_types()}


def _create_schema(con) -> None:
    con.execute(FIXED_DDL)
    con.execute(_create("sentences", SENTENCE_TYPES))
    con.execute(_create("terms", TERM_TYPES))
    con.execute(_create("actors", ACTOR_TYPES))
    con.execute(_create("metrics", metric_types(), "PRIMARY KEY (article_id)"))
    con.execute("INSERT INTO meta VALUES ('schema_version', ?) ON CONFLICT DO NOTHING",
                [str(SCHEMA_VERSION)])


def _add_new_metric_columns(con) -> None:
    """Columns added to the article export since the store was made flow into metrics."""
    have = {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'metrics'"
    ).fetchall()}
    for name, sql_type in metric_types().items():
        if name not in have:
            con.execute(f"ALTER TABLE metrics ADD COLUMN {_quote(name)} {sql_type}")


def _is_lock_error(error: Exception) -> bool:
    # the word, not its letters: "Corrupt database file: … in block at location 4096" is a
    # damaged store, to be said at once, not waited on as a lock
    return re.search(r"\block(?:ed|s)?\b", str(error), re.IGNORECASE) is not None


def _holder(error: Exception) -> str:
    found = re.search(r"\(PID (\d+)\)", str(error))
    return f" (process {found.group(1)})" if found else ""


def _connect(path: Path, read_only: bool, wait: float):
    import duckdb

    deadline = time.monotonic() + wait
    delay = 0.02
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as error:
            message = str(error)
            if "not a valid DuckDB database file" in message or "Invalid Input" in message and \
                    "database file" in message:
                raise StoreError(not_duckdb(path)) from None
            if not _is_lock_error(error):  # (a damaged file, as a damaged table says it)
                raise StoreError(f"{shown_path(path)}: not a readable framing store (damaged: "
                                 f"{_first_line(message)})" if "corrupt" in message.lower()
                                 else f"{shown_path(path)}: cannot open the store "
                                 f"({_first_line(message)})") from None
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"{shown_path(path)}: the store is locked by another process"
                    f"{_holder(error)}; try again when it has finished") from None
        time.sleep(delay)
        delay = min(delay * 2, 0.5)


def _first_line(message: str) -> str:
    return message.strip().splitlines()[0] if message.strip() else message


def not_duckdb(path) -> str:
    """The message for a file that is not a DuckDB database at all."""
    return f"{shown_path(path)}: not a framing store (not a DuckDB database file)"


def check_store_file(path, create: bool = False) -> bool:
    """Raise ``StoreError`` unless ``path`` is a DuckDB database file or, with ``create``, a
    name where a new store may be made (no file yet, in a folder that exists). Returns
    whether the file exists.

    Only the file's first bytes are read (every DuckDB file holds ``DUCK`` at byte 8): DuckDB
    itself opens a .csv or .parquet file as an in-memory database of its rows, and its
    errors name its internals. Every corpus command, ``framing.Corpus`` and the app's Corpus
    page open stores through here, so a path that is no store reads the same everywhere."""
    path = Path(path)
    check_path(path)
    shown = shown_path(path)
    if path.is_dir():
        raise StoreError(f"{shown}: is a directory, not a store file")
    if not path.exists():
        if not create:
            raise StoreError(f"{shown}: no such store; make one with: python -m framing "
                             f"corpus add {shown} ARTICLES...")
        if not path.parent.is_dir():
            raise StoreError(f"{shown}: the folder {shown_path(path.parent)} does not exist")
        return False
    if not path.is_file():  # a pipe or a device: opening it could wait forever
        raise StoreError(f"{shown}: not a framing store (not a regular file)")
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(DUCKDB_MAGIC) + 8)
    except OSError as error:
        raise StoreError(f"{shown}: cannot read the store ({os_reason(error)})") from None
    if not head:
        raise StoreError(f"{shown}: not a framing store (an empty file)")
    if head[8:] != DUCKDB_MAGIC:
        raise StoreError(not_duckdb(path))
    return True


def check_store(path, create: bool = False) -> None:
    """Raise ``StoreError`` unless ``path`` is a store this framing reads (opened read-only
    for a moment) or, with ``create``, a name where a new one may be made. A writer calls it
    before taking the writer lock, so a refused path gets no lock file beside it."""
    if check_store_file(path, create):
        with connect(path):
            pass


def check_schema(con, path) -> None:
    """Raise ``StoreError`` unless the open database is a framing store this version reads
    (``path`` names it in the message)."""
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    shown = shown_path(path)
    if "meta" not in tables or "articles" not in tables:
        raise StoreError(f"{shown}: not a framing store (a DuckDB file without its tables)")
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    version = int(row[0]) if row and str(row[0]).isdigit() else 0
    if version > SCHEMA_VERSION:
        raise StoreError(f"{shown}: written by a newer framing (store schema {version}; this "
                         f"version reads schema {SCHEMA_VERSION}); upgrade framing to open it")
    if version < 1:
        raise StoreError(f"{shown}: not a framing store (no schema version)")


@contextlib.contextmanager
def connect(path: str | Path, write: bool = False, create: bool = False,
            wait: float = LOCK_WAIT, memory_limit: str | None = None) -> Iterator:
    """A short-lived DuckDB connection to a store, closed on exit.

    Parameters
    ----------
    path : the store file.
    write : open read-write (the default is read-only, which lets several readers in).
    create : make the store (and its tables) if the file does not exist; implies ``write``.
    wait : seconds to wait while another process holds the file for a moment.
    memory_limit : DuckDB's memory limit for this connection's database (for example
        "128MB"); past it DuckDB spills to a temporary file beside the store.
    """
    if not str(path).strip():  # (Path("") is the current folder)
        raise StoreError("no store named: the path is empty; a store is a file name, such as "
                         "news.duckdb")
    path = Path(path)
    if not check_store_file(path, create):
        _make(path)
    import duckdb

    con = _connect(path, read_only=not (write or create), wait=wait)
    try:
        try:
            if memory_limit:
                con.execute(f"SET memory_limit = '{memory_limit}'")
            check_schema(con, path)
            if write or create:
                con.execute(FIXED_DDL)  # tables added since the store was made ("failures")
                _add_new_metric_columns(con)
        except duckdb.Error as error:  # a file cut short or overwritten: DuckDB cannot read it
            raise StoreError(f"{shown_path(path)}: not a readable framing store (damaged: "
                             f"{_first_line(str(error))})") from None
        yield con
    finally:
        con.close()


def _make(path: Path) -> None:
    """A new store, made under a temporary name and renamed into place: never half made."""
    import duckdb

    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        con = duckdb.connect(str(tmp))
        try:
            _create_schema(con)
        finally:
            con.close()
        os.replace(tmp, path)
    except (OSError, duckdb.Error) as error:
        reason = os_reason(error) if isinstance(error, OSError) else _first_line(str(error))
        raise StoreError(f"{shown_path(path)}: cannot make the store ({reason})") from None
    finally:
        for leftover in (tmp, Path(str(tmp) + ".wal")):
            leftover.unlink(missing_ok=True)


def init_store(path: str | Path) -> None:
    """Make the store if it does not exist; check it if it does."""
    with connect(path, create=True):
        pass


def check_not_the_store(out: str | Path, db: str | Path,
                        error: type[FramingError] = StoreError) -> None:
    """Raise ``error`` when an output would be written over the store (or its lock or
    write-ahead log): a store may have any name, "news.parquet" too."""
    from ..outfile import same_file

    for own in (Path(db), Path(f"{db}.wal"), Path(f"{db}.lock")):
        if same_file(out, own) or os.path.abspath(out) == os.path.abspath(own):
            raise error(f"{shown_path(out)}: is the store {shown_path(db)} (or its own file); "
                        "writing it would destroy the store, give another --out")


def writer_at_work(path: str | Path) -> bool:
    """Whether a writer (``corpus add``, ``analyze``, ``stories``) holds the store now: its
    lock file names a process that runs. Read only (taking the lock, even shared for a moment,
    could turn a writer that starts then away)."""
    try:
        holder = Path(str(path) + ".lock").read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return False
    if not holder.isdigit():
        return False
    try:
        os.kill(int(holder), 0)
    except PermissionError:
        return True  # (another user's process)
    except (OSError, OverflowError):
        return False  # a writer killed before it could remove the file
    return True


class WriterLock:
    """The one-writer-at-a-time guard: an exclusive advisory lock on ``<store>.lock``.

    The lock file exists while a writer runs: it is removed when the writer ends (while still
    locked, so the next writer makes a new one). The OS drops the lock when the process ends,
    even by SIGKILL: a killed writer leaves the file behind, unlocked, and the next writer
    takes it over."""

    ATTEMPTS = 20  # files removed under us by writers ending meanwhile, before giving up

    def __init__(self, path: str | Path) -> None:
        self.path = Path(str(path) + ".lock")
        self._fd: int | None = None

    def acquire(self) -> WriterLock:
        import fcntl

        for _ in range(self.ATTEMPTS):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as error:
                raise StoreError(f"{shown_path(self.path)}: cannot make the writer lock "
                                 f"({os_reason(error)})") from None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                holder = os.pread(fd, 32, 0).decode(errors="replace").strip()
                os.close(fd)
                self._locked(" (this process: another thread or Corpus writes)"
                             if holder == str(os.getpid()) else
                             f" (process {holder})" if holder.isdigit() else "")
            if self._still_named(fd):
                break
            os.close(fd)  # a writer that ended removed this file after we opened it
        else:
            self._locked("")
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd
        return self

    def _still_named(self, fd: int) -> bool:
        try:
            return os.path.samestat(os.fstat(fd), os.stat(self.path))
        except OSError:
            return False

    def _locked(self, who: str) -> NoReturn:
        raise StoreError(f"{shown_path(str(self.path)[:-5])}: locked by another writer{who}; "
                         "wait for it to finish (reading with `corpus query` works meanwhile)"
                         ) from None

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()  # removed while still locked: the next writer makes its own
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> WriterLock:
        return self.acquire()

    def __exit__(self, *exc) -> None:
        self.release()


def record_skipped(con, rows: list[tuple[str, str]]) -> None:
    """Add (source, reason) rows to ``skipped``, once each."""
    if not rows:
        return
    con.executemany(
        "INSERT INTO skipped SELECT ?, ?, now()::TIMESTAMP WHERE NOT EXISTS "
        "(SELECT 1 FROM skipped WHERE source = ? AND reason = ?)",
        [(s, r, s, r) for s, r in rows])
