"""``python -m framing corpus SUBCOMMAND``: add, analyze, info, query, export (stories, report
and sources are registered from ``cli_stories``).

``framing/cli.py`` hands everything after ``corpus`` to ``main`` here, so the corpus code (and
DuckDB) is imported only when a corpus command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cli import EXIT_ERROR, _jobs, _Parser
from ..errors import FramingError, InputFileError, printable

TABLES = ("articles", "sentences", "terms", "actors", "metrics", "runs", "skipped", "stories")
OUT_FORMATS = {".csv": "csv", ".parquet": "parquet", ".json": "json"}


def _count(most: int | None = None):
    """An argparse type: a whole number from 1 to ``most`` (a bad one is a one-line usage
    error)."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < 1 or (most is not None and value > most):
            raise argparse.ArgumentTypeError(
                f"{value} is out of range: give 1 to {most}" if most is not None
                else f"{value} is out of range: give 1 or more")
        return value

    return parse


def build_parser() -> argparse.ArgumentParser:
    from ..batch import MAX_JOBS

    parser = _Parser(
        prog="python -m framing corpus",
        description="A corpus store: many articles in one DuckDB file, analyzed resumably, "
        "queried with SQL.")
    commands = parser.add_subparsers(dest="corpus_command", parser_class=_Parser,
                                     metavar="SUBCOMMAND")
    commands.required = True

    add = commands.add_parser(
        "add", help="add articles (files, folders, URLs, tables, web archives, feeds) to a store",
        description="Add articles to the store DB (made if missing): .txt, .md, .html files, "
        "folders of them, http(s) URLs, tables with one article per row (.csv, .tsv, .jsonl, "
        ".ndjson, .json, .parquet; the text formats also gzipped, as .csv.gz), web archives "
        "(.warc, .warc.gz: each HTML page of status 200 is an article) and RSS/Atom feeds "
        "(--feed). The same text is stored once.")
    add.add_argument("db", metavar="DB")
    add.add_argument("sources", nargs="*", metavar="SOURCE")
    add.add_argument("--files-from", metavar="LIST",
                     help="a text file listing more sources, one path or URL per line (- reads "
                     "the list from standard input)")
    add.add_argument("--feed", metavar="URL", action="append", default=[],
                     help="an RSS or Atom feed; each item's page is fetched (repeatable)")
    from .sources import COLUMN_NAMES

    for key, field in (("text", "text"), ("title", "title"), ("outlet", "outlet"),
                       ("date", "published"), ("url", "url")):
        add.add_argument(f"--{key}-column", metavar="NAME",
                         help=f"the table column holding the {key} (default: the first of "
                         f"{', '.join(COLUMN_NAMES[field])}, in any case)")
    add.add_argument("--fetch-urls", action="store_true",
                     help="a table without a text column: fetch the page of each row's URL "
                     "(its url column), as --feed fetches each item's page")
    add.add_argument("--allow-private-hosts", action="store_true",
                     help="let URLs and feeds on private or local network addresses be fetched")
    add.add_argument("--progress", action="store_true",
                     help="show a progress bar (shown anyway on a terminal)")
    add.set_defaults(run=run_add)

    analyze = commands.add_parser(
        "analyze", help="analyze the articles not yet analyzed (resumable)",
        description="Analyze every article of DB that the current model and lexicons have "
        "not analyzed yet, writing its sentences, terms, actors and metrics in batches. "
        "Killed at any moment, a rerun finishes the rest.")
    analyze.add_argument("db", metavar="DB")
    analyze.add_argument("--jobs", type=_jobs, default=0, metavar="N",
                         help="worker processes, or Dask LocalCluster workers (default 0: "
                         f"one per core, at most 8; up to {MAX_JOBS})")
    analyze.add_argument("--engine", choices=("local", "dask"), default="local",
                         help="local: processes on this machine; dask: a Dask cluster "
                         "(pip install -r requirements-dask.txt)")
    analyze.add_argument("--scheduler", metavar="ADDRESS",
                         help="a Dask scheduler, e.g. tcp://10.0.0.5:8786 (default with "
                         "--engine dask: a LocalCluster)")
    analyze.add_argument("--rerun", action="store_true",
                         help="analyze every article again, even those already done")
    analyze.add_argument("--lexicon", metavar="FILE", action="append", default=[],
                         help="an extra lexicon CSV: terms of your own, or the names of your "
                         "places and organizations and people's other names (repeatable)")
    analyze.add_argument("--model", metavar="FILE",
                         help="a model file from `train` (default: the shipped model)")
    analyze.add_argument("--batch", type=_count(), metavar="N",
                         help="articles per write transaction, 1 or more (default 200)")
    analyze.add_argument("--progress", action="store_true",
                         help="show a progress bar (shown anyway on a terminal)")
    analyze.set_defaults(run=run_analyze)

    info = commands.add_parser(
        "info", help="what a store holds: articles by outlet and month, runs, skipped",
        description="Print the store's article counts by outlet and by month, its runs and "
        "its skipped inputs.")
    info.add_argument("db", metavar="DB")
    info.set_defaults(run=run_info)

    query = commands.add_parser(
        "query", help="run a SQL query on a store (read-only)",
        description="Run one SQL query on DB and print the result as a table, or write it "
        "with --out (.csv, .parquet or .json). The query is read-only and sees the store "
        "only: it cannot read or write other files (COPY, read_csv, ATTACH), install or "
        "load extensions, or reach the network.")
    query.add_argument("db", metavar="DB")
    query.add_argument("sql", metavar="SQL")
    query.add_argument("--out", metavar="FILE", help="write the whole result to FILE (.csv, "
                       ".parquet, .json) instead of printing it")
    query.add_argument("--max-rows", type=_count(), default=50, metavar="N",
                       help="rows printed to the terminal, 1 or more (default 50); only "
                       "these are read")
    query.set_defaults(run=run_query)

    export = commands.add_parser(
        "export", help="write one table of a store to CSV, Parquet or JSON",
        description="Write a whole table of DB to FILE (.csv, .parquet or .json).")
    export.add_argument("db", metavar="DB")
    export.add_argument("--table", choices=TABLES, required=True)
    export.add_argument("--out", metavar="FILE", required=True)
    export.set_defaults(run=run_export)
    from .cli_stories import add_commands  # stories, report and sources

    add_commands(commands)
    return parser


def main(argv: list[str]) -> int:
    """Run a corpus subcommand; FramingError propagates to framing's one-line handler."""
    from ..cli import intermixed_sources

    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if intermixed_sources(args, unknown):  # ("corpus add DB --feed URL more.txt")
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    return args.run(args)


def printable_frame(frame):
    """A table to print on a terminal: its text cells and names without control characters
    (``framing.errors.printable``: a title from a page cannot send escape sequences)."""
    frame = frame.rename(columns=printable)
    for k, dtype in enumerate(frame.dtypes):
        if dtype.kind == "O":  # (text)
            frame.isetitem(k, frame.iloc[:, k].map(
                lambda v: printable(v) if isinstance(v, str) else v))
    return frame


def _say(message: str) -> None:
    from tqdm import tqdm

    tqdm.write(f"framing: {printable(message)}", file=sys.stderr)


def _show_progress(args) -> bool:
    return args.progress or sys.stderr.isatty()


def run_add(args) -> int:
    from tqdm import tqdm

    from . import listed
    from .add import add_records
    from .sources import Columns, plan, records

    named = list(args.sources) + listed(args.files_from)
    if not named and not args.feed:
        raise InputFileError("no inputs: name article files, tables or URLs, or give --feed "
                             "or --files-from")
    _check_new_store(args.db)
    columns = Columns(args.text_column or "", args.title_column or "",
                      args.outlet_column or "", args.date_column or "", args.url_column or "")
    the_plan = plan(named, args.feed, columns, args.allow_private_hosts, args.fetch_urls)
    shown = _show_progress(args)
    with tqdm(total=the_plan.size() if shown else None, unit=" inputs", disable=not shown,
              file=sys.stderr, desc="framing: adding") as bar:
        summary = add_records(args.db, records(the_plan, args.allow_private_hosts),
                              report=_say, progress=bar)
    parts = [f"added {summary.added} article(s) to {printable(args.db)}"]
    if summary.near_duplicates:
        parts.append(f"{summary.near_duplicates} flagged as near copies of another outlet's")
    stored = summary.already_stored - summary.same_outlet_copies
    if stored:
        parts.append(f"{stored} already stored")
    if summary.same_outlet_copies:
        parts.append(f"{summary.same_outlet_copies} not stored, near copies of an article of "
                     "the same outlet")
    if summary.undated:
        parts.append(f"{summary.undated} stored without a date, their published value being "
                     "no date (give dates as 2024-05-15)")
    print("framing: " + "; ".join(parts), file=sys.stderr)
    if summary.skipped:
        print(f"framing: error: {summary.skipped} input(s) skipped (listed in the skipped "
              "table: corpus info)", file=sys.stderr)
        return EXIT_ERROR
    return 0


def _check_new_store(db: str) -> None:
    """The store check of ``add`` (before any input is read or fetched), saying that the
    store comes first when DB is an existing article or table file."""
    from ..filetypes import HTML_SUFFIXES, TEXT_SUFFIXES, holds_many_articles
    from .store import StoreError, check_store

    try:
        check_store(db, create=True)
    except StoreError as error:
        inputs = (TEXT_SUFFIXES | HTML_SUFFIXES) - {""}
        if (Path(db).suffix.lower() in inputs or holds_many_articles(db)) \
                and Path(db).is_file():
            raise StoreError(f"{error}; the store comes first: python -m framing corpus add "
                             "DB SOURCE...") from None
        raise


def run_analyze(args) -> int:
    from tqdm import tqdm

    from ..batch import default_jobs
    from .run import run_analysis
    from .store import check_store

    if args.scheduler and args.engine != "dask":
        raise FramingError("--scheduler goes with --engine dask")
    check_store(args.db)
    jobs = args.jobs or default_jobs(10**6)
    bar = tqdm(unit=" articles", disable=not _show_progress(args), file=sys.stderr,
               desc="framing: analyzing", total=0)

    def progress(total: int, done: int, failed: int) -> None:
        bar.total = total
        bar.n = done + failed
        bar.set_postfix(skipped=failed, refresh=False)
        bar.refresh()

    options = {"flush_articles": args.batch} if args.batch else {}
    try:
        summary = run_analysis(args.db, lexicons=args.lexicon, model=args.model, jobs=jobs,
                               engine=args.engine, scheduler=args.scheduler, rerun=args.rerun,
                               progress=progress, report=_say, **options)
    finally:
        bar.close()
    if summary.failed_before:
        print(f"framing: {summary.failed_before} article(s) that failed before with this model "
              "and these lexicons were not tried again (the skipped table says why: corpus "
              "info; --rerun tries every article)", file=sys.stderr)
    if summary.run_id is None:
        print(f"framing: nothing to analyze in {printable(args.db)}: "
              f"{printable(_nothing_to_do(args, summary.failed_before))}",
              file=sys.stderr)
        return 0
    working = summary.seconds - summary.start_seconds
    rate = summary.analyzed / working if working > 0 else 0.0
    print(f"framing: run {summary.run_id}: analyzed {summary.analyzed} of {summary.todo} "
          f"article(s) to do in {summary.seconds:.1f} s ({rate:.2f}/s after "
          f"{summary.start_seconds:.1f} s of start-up)", file=sys.stderr)
    if summary.failed:
        print(f"framing: error: {summary.failed} article(s) failed (listed in the skipped "
              "table: corpus info)", file=sys.stderr)
        return EXIT_ERROR
    return 0


def _nothing_to_do(args, failed_before: int = 0) -> str:
    """Why a run found nothing to analyze: an empty store, or everything done (or failed)
    already."""
    from .store import connect

    with connect(args.db) as con:
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    if not articles:
        return f"it has no articles; add some with: python -m framing corpus add {args.db} " \
            "ARTICLES..."
    if failed_before:
        return f"its {articles - failed_before} other article(s) are analyzed with this " \
            "model and these lexicons (--rerun analyzes them again)"
    return f"its {articles} article(s) are analyzed with this model and these lexicons " \
        "(--rerun analyzes them again)"


def run_info(args) -> int:
    from .store import connect, writer_at_work
    from .storeio import unstoried, unstoried_note

    with connect(args.db) as con:
        def scalar(sql: str):
            return con.execute(sql).fetchone()[0]

        total = scalar("SELECT count(*) FROM articles")
        copies = scalar("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL")
        analyzed = scalar("SELECT count(*) FROM metrics")
        skipped = scalar("SELECT count(*) FROM skipped")
        print(f"{printable(args.db)}: {total} articles ({copies} near copies of another outlet's), "
              f"{analyzed} analyzed, {skipped} skipped inputs")
        note = unstoried_note(unstoried(con), args.db)
        if note:  # (a report by story, the blind spots, leave them out)
            print(printable(note))
        def rows(sql: str):
            result = con.execute(sql)
            return [d[0] for d in result.description], result.fetchall()

        outlets = rows(
            "SELECT coalesce(nullif(a.outlet, ''), '(no outlet)') AS outlet, count(*) AS articles,"
            " count(m.article_id) AS analyzed FROM articles a LEFT JOIN metrics m "
            "ON m.article_id = a.id GROUP BY 1 ORDER BY 2 DESC, 1")
        months = rows(
            "SELECT coalesce(strftime(published, '%Y-%m'), '(no date)') AS month, "
            "count(*) AS articles FROM articles GROUP BY 1 ORDER BY 1")
        running = writer_at_work(args.db)  # (the latest run unfinished: running now, else
        runs = rows(  # stopped by Ctrl+C, killed, or an error)
            "SELECT id, strftime(started, '%Y-%m-%d %H:%M:%S') AS started, "
            "coalesce(strftime(finished, '%Y-%m-%d %H:%M:%S'), CASE WHEN id = (SELECT max(id) "
            f"FROM runs) AND {running} THEN 'running now' ELSE 'stopped before the end' END) AS "
            "finished, articles, errors, engine, model_fingerprint, lexicon_fingerprint "
            "FROM runs ORDER BY id DESC LIMIT 10")
        reasons = rows("SELECT source, reason FROM skipped ORDER BY \"at\" DESC LIMIT 10")
    for title, (columns, values) in (("By outlet", outlets), ("By month", months),
                                     ("Runs (latest first)", runs),
                                     ("Skipped (latest 10)", reasons)):
        print(f"\n{title}:")
        print(table_text(columns, values, max_colwidth=70) if values else "  (none)")
    return 0


def _out_format(out: str, db: str) -> str:
    from ..errors import shown_path
    from .store import check_not_the_store, check_path

    suffix = Path(out).suffix.lower()
    if suffix not in OUT_FORMATS:
        raise InputFileError(f"{shown_path(out)}: give a .csv, .parquet or .json file name")
    check_path(out, InputFileError)
    check_not_the_store(out, db, InputFileError)
    parent = Path(out).parent
    if str(parent) not in ("", ".") and not parent.is_dir():
        raise InputFileError(f"{shown_path(out)}: the folder {shown_path(parent)} does not exist")
    return OUT_FORMATS[suffix]


def _copy(con, select: str, out: str, fmt: str) -> int:
    """Write a query's result with DuckDB's COPY, streamed (never held in memory), through
    ``framing.outfile`` (a temporary file renamed into place: a failed export leaves nothing
    behind; an existing file keeps its permissions). The connection is sandboxed first: that
    file is the only one the query may touch. ``fmt``: what ``_out_format`` found ``out``
    to be (checked before the store is opened). Returns the row count."""
    import duckdb

    from ..outfile import OutputFile
    from .store import StoreError, sandbox

    options = {"csv": "FORMAT csv, HEADER", "parquet": "FORMAT parquet",
               "json": "FORMAT json, ARRAY true"}[fmt]
    options += ", USE_TMP_FILE false"  # ours is the temporary file: the only one allowed
    try:
        with OutputFile(out, binary=True, open_handle=False) as output:
            target = str(output.write_path)
            sandbox(con, writable=target)
            if fmt == "csv":
                select = _spreadsheet_safe(con, select)
            elif fmt == "json":
                select = _json_safe(con, select)
            quoted = target.replace("'", "''")
            count = con.execute(f"COPY ({select}) TO '{quoted}' ({options})").fetchone()[0]
    except duckdb.Error as error:
        raise StoreError(f"query failed: {str(error).strip().splitlines()[0]}") from None
    return count


def _json_safe(con, select: str) -> str:
    """The query with NaN and infinite numbers written as null, which JSON has (DuckDB writes
    a bare NaN, which no strict JSON reader takes: ``corr`` of a constant column)."""
    outer = con.sql(f"SELECT * FROM ({select}) AS q")
    floats = [name for name, kind in zip(outer.columns, outer.types)
              if str(kind) in ("DOUBLE", "FLOAT")]
    if not floats:
        return select
    replaced = ", ".join(
        f'CASE WHEN isfinite(q."{q}") THEN q."{q}" END AS "{q}"'
        for q in (name.replace('"', '""') for name in floats))
    return f"SELECT * REPLACE ({replaced}) FROM ({select}) AS q"


def _spreadsheet_safe(con, select: str) -> str:
    """The query with its text columns written as no spreadsheet reads a formula
    (``framing.export.spreadsheet_cell``); the other columns, and the names, as they are."""
    from ..export import spreadsheet_cell, spreadsheet_sql

    outer = con.sql(f"SELECT * FROM ({select}) AS q")
    names = con.sql(select).columns
    texts = [_written_as_text(str(kind)) for kind in outer.types]
    if not any(texts) and all(spreadsheet_cell(name) == name for name in names):
        return select
    columns = []
    for inner, name, text in zip(outer.columns, names, texts):
        reference = 'q."' + inner.replace('"', '""') + '"'
        value = spreadsheet_sql(f"CAST({reference} AS VARCHAR)") if text else reference
        alias = spreadsheet_cell(name).replace('"', '""')
        columns.append(f'{value} AS "{alias}"')
    return f"SELECT {', '.join(columns)} FROM ({select}) AS q"


def _written_as_text(kind: str) -> bool:
    """Whether a CSV writes a column of this DuckDB type as its text: VARCHAR, an ENUM's
    labels, a BLOB's bytes (a number, a date or a list opens with no "=")."""
    return kind == "VARCHAR" or kind.startswith("ENUM(") or kind == "BLOB"


def run_query(args) -> int:
    import duckdb

    from . import check_statement
    from .store import StoreError, connect, sandbox

    sql = check_statement(args.sql)
    fmt = _out_format(args.out, args.db) if args.out else None
    with connect(args.db) as con:
        if args.out:
            count = _copy(con, sql, args.out, fmt)
            print(f"framing: wrote {count} rows to {printable(args.out)}", file=sys.stderr)
            return 0
        sandbox(con)
        try:
            relation = con.sql(sql)
            if relation is None:
                columns, rows = [], []
            else:
                # Only the rows shown, and one more to tell that there are more, are computed
                # and read (an ORDER BY becomes a top-N): never the whole result.
                shown = relation.limit(args.max_rows + 1)
                columns, rows = shown.columns, shown.fetchall()
        except duckdb.Error as error:
            raise StoreError(f"query failed: {str(error).strip().splitlines()[0]}") from None
    if not columns:
        print("(done)")
        return 0
    if not rows:
        print("(no rows)")
        return 0
    print(table_text(columns, rows[:args.max_rows]))
    if len(rows) > args.max_rows:
        print(f"(the first {args.max_rows} rows; all of them with --out FILE)")
    return 0


def cell_text(value) -> str:
    """A value of a SQL result as ``corpus query`` prints it: SQL's NULL as ``NULL`` (not
    pandas' NaN, NaT, None or <NA>, and never confused with an empty string or a real NaN),
    numbers as Python writes them (the shortest form that reads back the same), lists and
    structs with their NULLs too."""
    import math

    if value is None:
        return "NULL"
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cell_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {cell_text(v)}" for k, v in value.items()) + "}"
    return str(value)


def table_text(columns, rows, max_colwidth: int = 60) -> str:
    """Rows of a SQL result as a plain text table (``cell_text`` for each value), without
    control characters (``framing.errors.printable``: a title from a page cannot send the
    terminal escape sequences)."""
    import pandas as pd

    frame = pd.DataFrame([[printable(cell_text(v)) for v in row] for row in rows],
                         columns=[printable(c) for c in columns], dtype=object)
    return frame.to_string(index=False, max_colwidth=max_colwidth)


def run_export(args) -> int:
    from .store import connect

    fmt = _out_format(args.out, args.db)
    with connect(args.db) as con:
        count = _copy(con, f"SELECT * FROM {args.table}", args.out, fmt)
    print(f"framing: wrote {count} rows of {args.table} to {printable(args.out)}",
          file=sys.stderr)
    return 0


__all__ = ["build_parser", "main", "FramingError"]
