"""Many articles in one DuckDB file: add them, analyze them (resumably, locally or on Dask),
ask questions in SQL.

    from framing import Corpus
    corpus = Corpus("news.duckdb")
    corpus.add(["export.parquet", "articles/"])
    corpus.analyze(jobs=2)
    corpus.sql("SELECT a.outlet, avg(m.framing_score) FROM metrics m JOIN articles a "
               "ON a.id = m.article_id WHERE a.duplicate_of IS NULL GROUP BY a.outlet")
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..errors import shown_path
from .store import SCHEMA_VERSION, StoreError, check_path, connect, sandbox

__all__ = ["SCHEMA_VERSION", "Corpus", "StoreError", "connect"]


class Corpus:
    """A corpus store at ``path`` (a DuckDB file, made by the first ``add``).

    No connection is held between calls: each call opens the file and closes it, so the app,
    ``corpus query`` and a running ``corpus analyze`` can take turns on it. Stories and
    outlet reports are functions of the store's path: ``framing.corpus.stories.build_stories``
    and ``blind_spots``, ``framing.corpus.outlets.aggregate`` and ``compare_outlets``.
    """

    def __init__(self, path: str | Path) -> None:
        if not isinstance(path, (str, os.PathLike)) or not str(path).strip():
            raise StoreError(f"a store is a file name, such as news.duckdb; got {path!r}")
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"Corpus({str(self.path)!r})"

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def add(self, sources=(), *, feeds=(), files_from: str | None = None, columns=None,
            allow_private_hosts: bool = False, fetch_urls: bool = False, report=None):
        """Add articles: files, folders, URLs, tables (.csv, .tsv, .jsonl, .ndjson, .json,
        .parquet; the text formats also gzipped, as .csv.gz), web archives (.warc, .warc.gz)
        and RSS/Atom feeds. Returns an ``AddSummary``.

        Parameters
        ----------
        sources : paths or URLs (a single string is one source).
        feeds : feed URLs; each item's page is fetched.
        files_from : a text file listing more sources, one per line.
        columns : the table columns to read, as a ``sources.Columns`` or a dict with the keys
            ``text``, ``title``, ``outlet``, ``published`` and ``url`` (default: found by
            name).
        allow_private_hosts : let URLs and feeds on private or local addresses be fetched.
        fetch_urls : a table without a text column is read by fetching the page of each
            row's URL (refused otherwise).
        report : called with a one-line message per skipped input, and one per web archive
            saying what it held (default: none). Skipped inputs are counted in the summary's
            ``skipped`` and listed, with their reasons, in the store's ``skipped`` table.
        """
        from .add import add_records
        from .sources import Skip, plan, records

        _callable_or_none(report, "report")
        for name, value in (("allow_private_hosts", allow_private_hosts),
                            ("fetch_urls", fetch_urls)):
            if not isinstance(value, bool):  # (at once, not at the first URL: "false" is
                raise TypeError(f"{name} must be True or False, not "  # true)
                                f"{type(value).__name__} {value!r}")

        named, refused = [], []
        for source in _items(sources, "sources") + listed(files_from):
            if isinstance(source, (str, os.PathLike)) and str(source).strip():
                named.append(str(source))
            else:
                refused.append(Skip(repr(source), "not a file name, folder or URL"))
        feeds = [str(feed) for feed in _items(feeds, "feeds")]
        the_plan = plan(named, feeds, _columns(columns), allow_private_hosts, fetch_urls)
        the_plan.skipped[:0] = refused
        options = {"report": report} if report else {}
        return add_records(self.path, records(the_plan, allow_private_hosts), **options)

    def analyze(self, *, jobs: int = 1, engine: str = "local", scheduler: str | None = None,
                rerun: bool = False, lexicons=(), model=None, analyzer=None, **options):
        """Analyze the articles not yet analyzed with the current model and lexicons, as
        ``corpus analyze`` does; returns a ``RunSummary``.

        Parameters
        ----------
        jobs : worker processes (local) or LocalCluster workers (dask), 1 to 64.
        engine : "local" or "dask"; ``scheduler`` is a Dask scheduler's address
            (tcp://host:8786), or None for a LocalCluster on this machine.
        rerun : analyze every article again, even those done or failed before.
        lexicons, model : extra lexicon files and a model file (default: the shipped ones);
            or ``analyzer``, an Analyzer to use instead.
        options : ``progress`` (called with total, done and failed counts as results come)
            and ``report`` (called with a one-line message per article that fails); see
            ``framing.corpus.run.run_analysis``.
        """
        import inspect

        from .run import run_analysis

        unknown = sorted(set(options) - set(inspect.signature(run_analysis).parameters))
        if unknown:
            raise TypeError(f"Corpus.analyze() got an unexpected keyword argument "
                            f"{unknown[0]!r}")
        for name in ("progress", "report"):
            _callable_or_none(options.get(name), name)
        return run_analysis(self.path, analyzer, lexicons=lexicons, model=model, jobs=jobs,
                            engine=engine, scheduler=scheduler, rerun=rerun, **options)

    def sql(self, query: str, params=None):
        """The result of a SQL query on the store, as a pandas DataFrame.

        Read-only, and sandboxed: the query reads the store and nothing else (no files, no
        network, no extensions); ``COPY ... TO`` and ``ATTACH`` are refused."""
        import duckdb

        statement = check_statement(query)
        if params is not None and not isinstance(params, (list, tuple, dict)):
            if isinstance(params, (str, bytes)) or not hasattr(params, "__iter__"):
                raise TypeError(f"params must be a list or tuple of values, or a dict of "
                                f"named ones, not {type(params).__name__}")
            params = list(params)  # a generator: its values
        with connect(self.path) as con:
            sandbox(con)
            try:
                return con.execute(statement, params or []).df()
            except duckdb.Error as error:
                raise StoreError(f"query failed: {str(error).strip().splitlines()[0]}"
                                 ) from None

    def close(self) -> None:
        """Nothing to release (no connection is kept open); here, and ``with Corpus(path) as
        corpus:``, for symmetry with files. The Corpus works as before after it."""


def check_statement(query) -> str:
    """The one SQL statement of a query, without the ``;`` that ends it and with a line end
    after it (so a trailing ``--`` remark cannot swallow what a caller wraps around it, such
    as ``COPY (...) TO``). Raises ``StoreError`` unless the query holds exactly one: with none
    (empty, ``;`` or only a remark) DuckDB runs nothing and returns no result at all; with
    several it runs them all and returns the last one's result only."""
    import duckdb

    if not isinstance(query, str):
        raise StoreError(f"a query is SQL text, not {type(query).__name__}")
    try:
        statements = duckdb.extract_statements(query)
        tokens = duckdb.tokenize(query)
    except duckdb.Error as error:
        raise StoreError(f"query failed: {str(error).strip().splitlines()[0]}") from None
    if not statements:
        raise StoreError("no SQL statement given")
    if len(statements) > 1:
        raise StoreError(f"one SQL statement at a time: the query holds {len(statements)} "
                         "(separated by ;)")
    # the statement: from the semicolon before its first word to the one after it (the
    # tokenizer tells a semicolon from one in a string or a remark)
    separators = [at for at, kind in tokens
                  if kind == duckdb.token_type.operator and query.startswith(";", at)]
    first = next(at for at, kind in tokens
                 if kind != duckdb.token_type.comment and at not in separators)
    start = max((at + 1 for at in separators if at < first), default=0)
    end = min((at for at in separators if at > first), default=len(query))
    return query[start:end].strip() + "\n"


def _columns(columns):
    """``Corpus.add``'s ``columns``: a ``Columns``, a dict of its fields, or None."""
    from dataclasses import fields

    from ..errors import InputFileError
    from .sources import Columns

    if columns is None or isinstance(columns, Columns):
        return columns or Columns()
    if not isinstance(columns, dict):
        raise InputFileError(f"columns must be a dict such as {{'text': 'body'}} or a "
                             f"framing.corpus.sources.Columns, not {type(columns).__name__}")
    names = [f.name for f in fields(Columns)]
    for key, value in columns.items():
        if key not in names:
            raise InputFileError(f"columns: unknown key {key!r}; the keys are "
                                 f"{', '.join(names)}")
        if value is not None and not isinstance(value, str):
            raise InputFileError(f"columns: the {key} column is named by a string, not "
                                 f"{type(value).__name__}")
    return Columns(**{key: value or "" for key, value in columns.items()})


def _items(value, name: str) -> list:
    """``sources`` or ``feeds`` as a list: one string or path is one item."""
    from ..errors import InputFileError

    if value is None:
        return []
    if isinstance(value, (str, os.PathLike)):
        return [value]
    if isinstance(value, (bytes, bytearray, dict)):  # (read as numbers, or as keys)
        what = "bytes: decode the name first" if isinstance(value, (bytes, bytearray)) else \
            "a dict"
        raise InputFileError(f"{name} must be a list of file names or URLs, not {what}")
    try:
        return list(value)
    except TypeError:
        raise InputFileError(f"{name} must be a list of file names or URLs, not "
                             f"{type(value).__name__}") from None


def _callable_or_none(value, name: str) -> None:
    """Raise ``TypeError`` for a callback that cannot be called (found at once, not after
    the first article)."""
    if value is not None and not callable(value):
        raise TypeError(f"{name} must be a function to call (or None), not "
                        f"{type(value).__name__}")


def listed(path: str | None) -> list[str]:
    """The inputs named in a --files-from list: one per line; blank lines and # comments
    ignored; ``-`` reads the list from standard input (``find … | python -m framing …``)."""
    from ..errors import DecodeError

    if not path:
        return []
    if path == "-":
        try:
            lines = sys.stdin.buffer.read().decode("utf-8-sig").splitlines()
        except UnicodeDecodeError:
            raise DecodeError("-: the list on standard input is not UTF-8 text") from None
    else:
        lines = _list_file_lines(path)
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _list_file_lines(path: str) -> list[str]:
    """The lines of a --files-from list file."""
    from ..errors import DecodeError, InputFileError

    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"files_from is the path of a list of inputs, not {type(path).__name__}")
    listing = Path(path)
    check_path(listing, InputFileError)
    if listing.is_dir():
        raise InputFileError(f"{shown_path(path)}: is a folder, not a list of inputs (a "
                             "text file, one per line); name a folder among the inputs")
    if not listing.is_file():
        raise InputFileError(f"{shown_path(path)}: no such list file")
    try:
        return listing.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise DecodeError(f"{shown_path(path)}: the list is not UTF-8 text") from None
    except OSError as error:
        from ..errors import os_reason

        raise InputFileError(f"{shown_path(path)}: cannot read the list ({os_reason(error)})"
                             ) from None
