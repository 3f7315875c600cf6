"""Many articles in one DuckDB file: add them, analyze them (resumably, locally or on Dask),
ask questions in SQL.

    from framing import Corpus
    corpus = Corpus("news.duckdb")
    corpus.add(["export.parquet", "articles/"])
    corpus.analyze(jobs=2)
    corpus.sql("SELECT outlet, avg(framing_score) FROM metrics JOIN articles ON id = article_id "
               "WHERE duplicate_of IS NULL GROUP BY outlet")
"""

from __future__ import annotations

from pathlib import Path

from .store import SCHEMA_VERSION, StoreError, connect

__all__ = ["SCHEMA_VERSION", "Corpus", "StoreError", "connect"]


class Corpus:
    """A corpus store at ``path`` (a DuckDB file, made by the first ``add``).

    No connection is held between calls: each call opens the file and closes it, so the app,
    ``corpus query`` and a running ``corpus analyze`` can take turns on it.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def add(self, sources=(), *, feeds=(), files_from: str | None = None, columns=None,
            allow_private_hosts: bool = False, report=None):
        """Add articles: files, folders, URLs, tables (.csv, .tsv, .jsonl, .ndjson, .parquet)
        and RSS/Atom feeds. Returns an ``AddSummary``.

        Parameters
        ----------
        sources : paths or URLs (a single string is one source).
        feeds : feed URLs; each item's page is fetched.
        files_from : a text file listing more sources, one per line.
        columns : a ``sources.Columns`` naming the table columns (default: found by name).
        allow_private_hosts : let URLs and feeds on private or local addresses be fetched.
        report : called with a one-line message per skipped input (default: stderr).
        """
        from .add import add_records
        from .sources import Columns, plan, records

        if isinstance(sources, (str, Path)):
            sources = [sources]
        if isinstance(feeds, str):
            feeds = [feeds]
        named = [str(s) for s in sources] + listed(files_from)
        the_plan = plan(named, list(feeds), columns or Columns(), allow_private_hosts)
        options = {"report": report} if report else {}
        return add_records(self.path, records(the_plan, allow_private_hosts), **options)

    def analyze(self, *, jobs: int = 1, engine: str = "local", scheduler: str | None = None,
                rerun: bool = False, lexicons=(), model=None, analyzer=None, **options):
        """Analyze the articles not yet analyzed with the current model and lexicons (see
        ``framing.corpus.run.run_analysis``). Returns a ``RunSummary``."""
        from .run import run_analysis

        return run_analysis(self.path, analyzer, lexicons=lexicons, model=model, jobs=jobs,
                            engine=engine, scheduler=scheduler, rerun=rerun, **options)

    def sql(self, query: str, params=None):
        """The result of a SQL query on the store, as a pandas DataFrame (read-only)."""
        import duckdb

        with connect(self.path) as con:
            try:
                return con.execute(query, params or []).df()
            except duckdb.Error as error:
                raise StoreError(f"query failed: {str(error).strip().splitlines()[0]}"
                                 ) from None

    def close(self) -> None:
        """Nothing to release (no connection is kept open); here for symmetry with files."""


def listed(path: str | None) -> list[str]:
    """The inputs named in a --files-from list: one per line; blank lines and # comments
    ignored."""
    from ..errors import DecodeError, InputFileError

    if not path:
        return []
    listing = Path(path)
    if not listing.is_file():
        raise InputFileError(f"{path}: no such list file")
    try:
        lines = listing.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise DecodeError(f"{path}: the list is not UTF-8 text") from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
