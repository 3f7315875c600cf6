"""The command line: ``python -m framing COMMAND``. Errors print one line and exit with 2."""

from __future__ import annotations

import argparse
import csv
import errno
import io
import math
import operator
import os
import re
import signal
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from .errors import (
    CSVInputError,
    DecodeError,
    FramingError,
    InputFileError,
    message_for,
    printable,
    shown_path,
)
from .filetypes import csv_problem, header_problem, read_long_cells, table_suffix

EXIT_ERROR = 2
BATCH = 500  # sentences classified together; memory stays flat in the size of the input


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit status 2."""

    def error(self, message: str) -> None:  # noqa: D102 - argparse's own contract
        self.exit(EXIT_ERROR, f"framing: error: {message} (see {self.prog} --help)\n")


class _Version(argparse.Action):
    """``--version``: framing's version, looked up only when asked for."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="print framing's version and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        from .corpus.run import framing_version

        print(f"framing {framing_version() or '(version unknown)'}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m framing",
        description="Media bias and framing analysis: opinion vs reporting, voice, loaded terms.",
    )
    parser.add_argument("--version", action=_Version)
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    commands.required = True
    parser.commands = commands.choices  # each command's parser, by name

    analyze = commands.add_parser(
        "analyze", help="analyze articles (files or URLs) and write sentence or article rows",
        description="Analyze articles (.txt, .md, .html files, folders of them, or http(s) "
        "URLs; tables of articles and web archives give one article per row or page). "
        "Writes one row "
        "per sentence (--level sentence), per article (--level article) or per actor "
        "(--level actor).",
    )
    analyze.add_argument("sources", nargs="*", metavar="PATH_OR_URL")
    analyze.add_argument("--files-from", metavar="LIST",
                         help="a text file listing more inputs, one path or URL per line "
                         "(- reads the list from standard input)")
    analyze.add_argument("--level", choices=("sentence", "article", "actor"), default="sentence",
                         help="one row per sentence, per article, or per actor (person, "
                         "country or organization) of each article")
    analyze.add_argument("--format", choices=("csv", "json"), default=None,
                         help="output format (default: from --out's extension, else csv)")
    analyze.add_argument("--out", metavar="FILE", help="output file (default: standard output)")
    analyze.add_argument("--lexicon", metavar="FILE", action="append", default=[],
                         help=LEXICON_HELP)
    analyze.add_argument("--model", metavar="FILE", help=MODEL_HELP)
    analyze.add_argument("--jobs", type=_jobs, default=0, metavar="N",
                         help="worker processes for many inputs (default 0: one per core, "
                         "at most 8; up to 64)")
    analyze.add_argument("--progress", action="store_true",
                         help="show a progress bar (shown anyway on a terminal)")
    analyze.add_argument("--fail-on", metavar="CONDITION", action="append", default=[],
                         type=_condition,
                         help="exit with status 1 when an article meets CONDITION: a column "
                         "of --level article, an operator and a number, such as "
                         "'author_loaded_per_1k > 5' or 'opinion_sentences >= 1' (repeatable; "
                         "each article that meets one is named on stderr)")
    _backend_option(analyze)
    _fetch_option(analyze)
    analyze.set_defaults(run=run_analyze)

    classify = commands.add_parser(
        "classify", help="label the sentences of a CSV file as opinion or reporting",
        description="Read a CSV, keep every column, and add label, opinion_score, borderline, "
        "voice and loaded_terms for the text in --text-column.",
    )
    classify.add_argument("input", metavar="IN.csv")
    classify.add_argument("--text-column", default="text", metavar="NAME",
                          help="the column holding the text to classify (default: text)")
    classify.add_argument("--prefix", default="", metavar="TEXT",
                          help="put TEXT before the names of the added columns (needed when "
                          "the CSV already has a column of one of those names, such as a "
                          "gold label: --prefix predicted_)")
    classify.add_argument("--out", metavar="OUT.csv", help="output file (default: stdout)")
    classify.add_argument("--lexicon", metavar="FILE", action="append", default=[],
                          help=LEXICON_HELP)
    classify.add_argument("--model", metavar="FILE", help=MODEL_HELP)
    _backend_option(classify)
    classify.set_defaults(run=run_classify)

    compare = commands.add_parser(
        "compare", help="compare how two to four articles frame the same story",
        description="Align the sentences of two to four articles on the same story, compare "
        "their metrics, loaded terms, actors and frames, print a plain-language summary, and "
        "with --out write the comparison (a folder: CSV files and JSON; a .json file: JSON).",
    )
    compare.add_argument("sources", nargs="+", metavar="PATH_OR_URL")
    compare.add_argument("--out", metavar="DIR_OR_FILE",
                         help="a folder for compare_*.csv and comparison.json, or a .json file")
    compare.add_argument("--lexicon", metavar="FILE", action="append", default=[],
                         help=LEXICON_HELP)
    compare.add_argument("--model", metavar="FILE", help=MODEL_HELP)
    _backend_option(compare)
    _fetch_option(compare)
    compare.set_defaults(run=run_compare)

    train = commands.add_parser(
        "train", help="train an opinion classifier on labeled sentences and save it",
        description="Train the opinion/reporting classifier on labeled CSV files (labels: "
        "opinion, reporting) and save it to --model. Without --data it trains on the shipped "
        "corpus (corpus/labeled).",
    )
    train.add_argument("--data", metavar="IN.csv", action="extend", nargs="+", default=[],
                       help="labeled CSV files (one or more, repeatable; default: "
                       "corpus/labeled/*.csv)")
    _label_columns(train)
    train.add_argument("--model", metavar="FILE", required=True, help="where to save the model")
    train.add_argument("--lexicon", metavar="FILE", action="append", default=[],
                       help=LEXICON_HELP)
    _backend_option(train)
    train.set_defaults(run=run_train)

    evaluate = commands.add_parser(
        "evaluate", help="score the classifier and TextBlob against labeled sentences",
        description="Print per-class precision, recall and F1, macro-F1 and the confusion "
        "matrix of the classifier on labeled CSV files, and the same for TextBlob "
        "(subjectivity >= 0.5) on the same rows.",
    )
    evaluate.add_argument("--data", metavar="IN.csv", action="extend", nargs="+",
                          required=True, help="labeled CSV files (one or more, repeatable)")
    _label_columns(evaluate)
    evaluate.add_argument("--model", metavar="FILE", help=MODEL_HELP)
    evaluate.add_argument("--lexicon", metavar="FILE", action="append", default=[],
                          help=LEXICON_HELP)
    _backend_option(evaluate)
    evaluate.set_defaults(run=run_evaluate)

    corpus = commands.add_parser(
        "corpus", help="a corpus store: add, analyze, info, query, export, stories, report "
        "(see corpus --help)",
        description="Many articles in one DuckDB file.", add_help=False)
    corpus.add_argument("corpus_args", nargs=argparse.REMAINDER, metavar="SUBCOMMAND ...")
    corpus.set_defaults(run=run_corpus)
    return parser


def run_corpus(args) -> int:
    from .corpus.cli import main as corpus_main

    return corpus_main(args.corpus_args)


LEXICON_HELP = ("an extra lexicon CSV that adds or overrides entries, or names your own "
                "places and organizations and people's other names (repeatable)")
MODEL_HELP = "a model file from `train` (default: the shipped model)"


def _label_columns(command: argparse.ArgumentParser) -> None:
    command.add_argument("--text-column", default="text", metavar="NAME",
                         help="the column holding each sentence (default: text)")
    command.add_argument("--label-column", default="label", metavar="NAME",
                         help="the column holding each label, opinion or reporting "
                         "(default: label)")


def _backend_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--backend", choices=("lexical", "transformer"), default="lexical",
                         help="transformer: average the lexical model with a fine-tuned "
                         "language model (optional: pip install -r requirements-embeddings.txt)")


def _jobs(value: str) -> int:
    from .batch import jobs_option

    return jobs_option(value)


EXIT_FAILED_CHECK = 1  # --fail-on: an article met a condition (2 stays "an input failed")


@dataclass(frozen=True)
class Condition:
    """One ``--fail-on`` condition: an article-level column, an operator, a number."""

    column: str
    operator: str
    value: float

    def met_by(self, row: dict) -> bool:
        return _OPERATORS[self.operator](float(row[self.column]), self.value)

    def __str__(self) -> str:
        return f"{self.column} {self.operator} {self.value:g}"


_OPERATORS = {">": operator.gt, ">=": operator.ge, "<": operator.lt, "<=": operator.le,
              "==": operator.eq, "!=": operator.ne}
_CONDITION = re.compile(r"\s*([A-Za-z_0-9]+)\s*(>=|<=|==|!=|>|<)\s*(\S+)\s*")


def _condition(text: str) -> Condition:
    """``--fail-on 'author_loaded_per_1k > 5'``: checked here, so a typo stops the run before
    any article is analyzed."""
    from .export import ARTICLE_NUMBER_COLUMNS

    m = _CONDITION.fullmatch(text)
    if not m:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a condition; write a column, an operator (> >= < <= == !=) and "
            "a number, such as 'author_loaded_per_1k > 5'")
    column, op, number = m.groups()
    if column not in ARTICLE_NUMBER_COLUMNS:
        raise argparse.ArgumentTypeError(
            f"{column!r} is not a number column of --level article (README, \"Article-level "
            "columns\"): such as author_loaded_per_1k, opinion_sentences, framing_score")
    value = {"true": 1.0, "false": 0.0}.get(number.lower())
    if value is None:
        try:
            value = float(number)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{number!r} in {text!r} is not a number"
                                             ) from None
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"{number!r} in {text!r} is not a number")
    return Condition(column, op, value)


def _fetch_option(command: argparse.ArgumentParser) -> None:
    command.add_argument("--allow-private-hosts", action="store_true",
                         help="also fetch URLs on loopback, private, link-local and "
                         "carrier-grade NAT addresses (refused by default)")


def intermixed_sources(args, unknown: list[str]) -> list[str]:
    """What argparse left over, less the inputs written after an option ("analyze a.txt
    --level article b.txt": b.txt is an input too), which join the command's sources."""
    sources = getattr(args, "sources", None)
    if unknown and isinstance(sources, list) and all(
            word == "-" or not word.startswith("-") for word in unknown):
        sources.extend(unknown)
        return []
    return unknown


class _ClosedOutput(io.TextIOBase):
    """Standard output when the process was started without one: writing to it is the
    one-line error of a full disk ("cannot write (…)"), not a TypeError."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed; give --out FILE")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["corpus"]:  # its own parser (framing/corpus/cli.py), options and all
        args = argparse.Namespace(run=run_corpus, corpus_args=argv[1:])
    else:
        args, unknown = parser.parse_known_args(argv)
        unknown = intermixed_sources(args, unknown)
        if unknown:  # named by the command they were given to, whose help lists its options
            parser.commands[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _terminated)
    if sys.stdout is None:  # started with standard output closed ("… >&-")
        sys.stdout = _ClosedOutput()
    try:
        return args.run(args)
    except FramingError as error:
        print(f"framing: error: {printable(error)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt as stop:
        print(f"framing: {str(stop) or 'interrupted'}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:  # a full disk or standard output, a folder without permission
        _quiet_stdout()
        where = f"{shown_path(error.filename)}: " if error.filename else ""
        print(f"framing: error: {where}cannot write ({error.strerror or error})",
              file=sys.stderr)
        return EXIT_ERROR
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _quiet_stdout() -> None:
    """Standard output that failed (a full disk, /dev/full) is not flushed again at exit,
    which would print Python's own "Exception ignored" lines."""
    import os

    try:
        sys.stdout.flush()
    except OSError:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives until the process ends


def _terminated(signum, frame) -> None:
    """SIGTERM (a service manager, `kill`) stops a run as Ctrl+C does: workers are stopped,
    what is written stays written, and one line says so."""
    raise KeyboardInterrupt


def _format(args) -> str:
    if args.format:
        return args.format
    if args.out and Path(args.out).suffix.lower() == ".json":
        return "json"
    return "csv"


def _check_out(out: str | None, inputs: list[str] | tuple = (), *,
               formats: tuple[str, ...] = (), option: str = "--out") -> None:
    """Refuse an output that cannot be written or would destroy an input; ``formats``: the
    extensions the command writes (another data format's extension is refused)."""
    if out is None:
        return
    if not out.strip():
        raise InputFileError(f"{option} is empty; give a file name for the output")

    path = Path(out)
    try:
        if path.is_dir():
            raise InputFileError(f"{out}: is a directory; give a file name for the output")
        if not path.parent.exists() and str(path.parent) not in ("", "."):
            raise InputFileError(f"{out}: the folder {path.parent} does not exist")
    except OSError as error:
        raise InputFileError(f"{shown_path(out)}: not a usable output ({error.strerror})"
                             ) from None
    _not_an_input(out, inputs, option)
    suffix = path.suffix.lower()
    if suffix in _PACKED_SUFFIXES and option == "--out":  # (rows written plain under a .gz
        # name: no reader could read them; a model is a zip file)
        plain = shown_path(path.with_suffix(""))
        raise InputFileError(f"{out}: {option} writes plain text, not a {suffix} file; write "
                             f"{plain} and compress it afterwards (gzip {plain})")
    if formats and suffix in _DATA_SUFFIXES and suffix not in formats:
        raise InputFileError(f"{out}: this command writes {' or '.join(formats)}, not "
                             f"{suffix}; give --out a {formats[0]} name")


def _not_an_input(out: str, inputs: list[str] | tuple, option: str = "--out") -> None:
    """Refuse an output file that is one of the inputs (the same file under any name, or the
    table a row of it is read from: "news.csv#row=3")."""
    from .ingest import table_row
    from .outfile import same_file

    for source in inputs:
        if same_file(table_row(source) or source, out):
            raise InputFileError(f"{out}: is also an input; writing it would destroy the "
                                 f"input, give another {option}")


def _side_inputs(args) -> list[str]:
    """The files a command reads besides its articles (its lexicons, model and list of
    inputs): an output there would destroy them too."""
    return [*(getattr(args, "lexicon", None) or ()), *(
        path for path in (getattr(args, "model", None), getattr(args, "files_from", None))
        if path and path != "-")]


_PACKED_SUFFIXES = frozenset(".gz .zip .bz2 .xz .zst .7z".split())
# extensions of data formats a user might expect: writing CSV text under them would mislead
_DATA_SUFFIXES = frozenset(".csv .json .jsonl .parquet .xlsx .xls .tsv .feather .arrow".split())


def run_analyze(args) -> int:
    from .analyzer import Analyzer
    from .batch import analyze_many, default_jobs, progress_bar
    from .export import ACTOR_COLUMNS, ARTICLE_COLUMNS, SENTENCE_COLUMNS, RowWriter

    args.out = _dash_is_stdout(args.out)
    _check_out(args.out, formats=(".csv", ".json"))
    suffix = Path(args.out).suffix.lower() if args.out else ""
    if args.format and suffix in (".csv", ".json") and suffix != f".{args.format}":
        raise InputFileError(f"{args.out}: --format {args.format} would write "
                             f"{args.format.upper()} into a {suffix} file; drop --format or "
                             "change the name")
    if args.files_from == "-" and "-" in args.sources:
        raise InputFileError("-: standard input can be read once: give the article or the "
                             "list of files on it, not both")
    named = list(args.sources) + _listed(args.files_from)
    if not named:
        raise InputFileError("no inputs: name article files or URLs, or give --files-from LIST")
    args.sources, folders_unread = _expand_folders(named)
    args.sources = _once_each(args.sources)
    _check_out(args.out, args.sources + _side_inputs(args))
    args.sources, unread = _read_stdin(args.sources)
    count = None if _has_table(args.sources) else len(args.sources)  # a table: rows unknown
    for folder, why in folders_unread:
        print(f"framing: skipped {printable(folder)}: {why}", file=sys.stderr)
    analyzer = Analyzer(lexicons=args.lexicon, model=args.model, backend=args.backend)
    fmt = _format(args)
    columns = {"sentence": SENTENCE_COLUMNS, "article": ARTICLE_COLUMNS,
               "actor": ACTOR_COLUMNS}[args.level]
    jobs = args.jobs or default_jobs(count)
    show_progress = args.progress or ((count is None or count > 1) and sys.stderr.isatty())
    progress = progress_bar(_progress_total(args.sources) if show_progress else count,
                            show_progress)
    writer = RowWriter(args.out, fmt, columns)
    told: list[str] = []  # what web archives say about themselves, said at the end
    ids = _UniqueIds()  # (two files named story.txt in two folders: story, story-2)
    inputs = failed = 0
    checked_out: list[str] = []  # the inputs that met a --fail-on condition
    try:
        for outcome in analyze_many(_table_rows(args.sources, told), args.level, fmt,
                                    analyzer, jobs, allow_private_hosts=args.allow_private_hosts,
                                    article_rows=bool(args.fail_on)):
            progress.update(1)
            inputs += 1
            if outcome.error:
                failed += 1
                progress.write(f"framing: skipped {printable(outcome.source)}: "
                               f"{printable(outcome.error)}",
                               file=sys.stderr)
                continue
            outcome, renamed = ids.unique(outcome)
            for warning in outcome.warnings + renamed:
                progress.write(f"framing: warning: {printable(outcome.source)}: "
                               f"{printable(warning)}",
                               file=sys.stderr)
            for row in outcome.rows:
                writer.write(row)
            met = [c for c in args.fail_on if c.met_by(outcome.article)] if args.fail_on else []
            if met:
                checked_out.append(outcome.source)
                shown = "; ".join(f"{c.column} is {outcome.article[c.column]} ({c})"
                                  for c in met)
                progress.write(f"framing: fails: {printable(outcome.source)}: {printable(shown)}",
                               file=sys.stderr)
    except BaseException:
        writer.abort()
        raise
    finally:
        progress.close()
    for line in told:
        print(f"framing: {printable(line)}", file=sys.stderr)
    done = inputs - failed
    failed += len(folders_unread) + unread
    if done == 0:
        writer.abort()  # nothing to write: leave no empty output behind
        print(f"framing: error: all {failed} input(s) failed; nothing written", file=sys.stderr)
        return EXIT_ERROR
    writer.close()
    if args.out:
        print(f"framing: wrote {writer.count} row(s) from {done} article(s) to "
              f"{printable(args.out)}",
              file=sys.stderr)
    if failed:
        print(f"framing: error: {failed} of {done + failed} input(s) failed", file=sys.stderr)
        return EXIT_ERROR
    if checked_out:
        print(f"framing: {len(checked_out)} of {done} article(s) met a --fail-on condition",
              file=sys.stderr)
        return EXIT_FAILED_CHECK
    return 0


def _once_each(sources: list[str], done: str = "analyzed") -> list[str]:
    """The inputs with one named twice (the same file under two names, the same URL) kept
    once, and said so ("a.csv: named twice; read once" with ``done`` "read"): its rows
    written twice would count it twice."""
    kept, seen = [], set()
    for source in sources:
        key: object = source if source != "-" else object()  # (standard input twice: refused
        if "://" not in source and source != "-":               # when read)
            try:
                status = os.stat(source)
                key = (status.st_dev, status.st_ino)
            except (OSError, ValueError):
                pass  # (reading it will say what is wrong)
        if key in seen:
            print(f"framing: {printable(source)}: named twice; {done} once", file=sys.stderr)
            continue
        seen.add(key)
        kept.append(source)
    return kept


class _UniqueIds:
    """Article ids made unique within one run's output: an id taken by an earlier article
    ("story" of a/story.txt and b/story.txt, "index" of two sites' index.html) gets the first
    free "-2", "-3"… after it, and a warning says so."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def unique(self, outcome):
        """The outcome with its rows under an id no earlier article has, and the warnings
        to give (none when its id was free)."""
        import dataclasses

        given = _row_id(outcome.rows[0]) if outcome.rows else None
        new = given if given is None else self.free(given)
        if new == given:
            return outcome, ()
        rows = tuple(_with_id(row, new) for row in outcome.rows)
        article = _with_id(outcome.article, new) if outcome.article else outcome.article
        return dataclasses.replace(outcome, rows=rows, article=article), (
            _renamed(given, new, "source_path"),)

    def free(self, given: str) -> str:
        """``given`` when no earlier article has it, else the first free "-2", "-3"… after
        it ("story-2"); the id returned is taken from then on."""
        new, number = given, 2
        while new in self.taken:
            new = f"{given}-{number}"
            number += 1
        self.taken.add(new)
        return new


def _renamed(given: str, new: str, column: str) -> str:
    """The warning for an id made unique: "its id 'story' is an earlier article's; written as
    'story-2' (source_path tells them apart)"."""
    return (f"its id {given!r} is an earlier article's; written as {new!r} ({column} tells "
            "them apart)")


def _row_id(row: dict) -> str | None:
    """The article id a row carries (a JSON report under "article")."""
    if isinstance(row.get("article"), dict):
        return row["article"].get("id")
    return row.get("article_id")


def _with_id(row: dict, new: str) -> dict:
    if isinstance(row.get("article"), dict):
        return {**row, "article": {**row["article"], "id": new}}
    return {**row, "article_id": new}


def _dash_is_stdout(out: str | None) -> str | None:
    """``--out -`` is standard output, as the default is (not a file named "-")."""
    return None if out == "-" else out


def _read_stdin(sources: list[str]) -> tuple[list, int]:
    """The inputs with ``-`` replaced by the article read from standard input (read once, here,
    before any worker starts), and 1 if that article could not be read (said so) else 0."""
    if "-" not in sources:
        return sources, 0
    if sources.count("-") > 1:
        raise InputFileError("-: standard input can be read once; name - once")
    from .fetch import MAX_BYTES
    from .ingest import article_from_bytes

    at = sources.index("-")
    try:
        article = article_from_bytes(sys.stdin.buffer.read(MAX_BYTES + 1), "-")
    except FramingError as error:
        print(f"framing: skipped -: {printable(message_for(error, '-'))}", file=sys.stderr)
        return sources[:at] + sources[at + 1:], 1
    return sources[:at] + [article] + sources[at + 1:], 0


def _table_rows(sources: list, told: list[str]):
    """The inputs with each table of articles (.csv, .tsv, .json, .jsonl, .ndjson, .parquet,
    gzipped too) and web archive (.warc, .warc.gz) replaced by its articles, one per row or
    page (``ingest.load_articles``), read as the stream is consumed, so a table of any size
    is analyzed in flat memory. A row, page or table that cannot be read becomes an Outcome
    holding its one-line reason (said and counted as a failed input, in its place); the lines
    a web archive gives about itself are appended to ``told``."""
    from .batch import Outcome
    from .ingest import is_article_table, load_articles

    for source in sources:
        if not (isinstance(source, str) and is_article_table(source)):
            yield source
            continue
        skipped: list[tuple[str, str]] = []
        try:
            for article in load_articles(source, skipped, told):
                yield from (Outcome(where, error=reason) for where, reason in skipped)
                skipped.clear()
                yield article
        except FramingError as error:  # the table as a whole: unreadable, no text column…
            skipped.append((source, message_for(error, source)))
        yield from (Outcome(where, error=reason) for where, reason in skipped)


def _progress_total(sources: list) -> int | None:
    """How many outcomes ``analyze_many`` gives for ``sources``: one per input and one per row
    of each table or page of each web archive (read once to count them; a Parquet file's count
    is in its footer), or None when a web archive cannot be read through."""
    from .ingest import count_articles

    total = 0
    for source in sources:
        size = count_articles(source) if isinstance(source, str) else 1
        if size is None:
            return None
        total += size
    return total


def _has_table(sources: list) -> bool:
    from .ingest import is_article_table

    return any(isinstance(source, str) and is_article_table(source) for source in sources)


def _expand_folders(sources: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Folders replaced by the article files inside them (see ``ingest.expand_folders``)."""
    from .ingest import expand_folders

    return expand_folders(sources)


def _listed(path: str | None) -> list[str]:
    """The inputs named in a --files-from list (see ``framing.corpus.listed``)."""
    from .corpus import listed

    return listed(path)


def read_csv_rows(path: str, column: str):
    """Yield (line, row) from a UTF-8 CSV, checking that it has the named column."""
    # A cell may be an article, or longer: such a row is read and left unlabeled by classify
    # (it says which), not the end of the file.
    read_long_cells()
    p = Path(path)
    if not p.exists():
        raise InputFileError(f"{path}: no such file")
    if p.is_dir():
        raise InputFileError(f"{path}: is a directory, not a CSV file")
    kind = table_suffix(path)
    if kind not in ("", ".csv") or path.lower().endswith(".gz"):
        # (read as CSV, a JSON line or a Parquet file made a header of its first line)
        raise CSVInputError(f"{path}: classify reads a plain CSV file (one sentence or text a "
                            "row); for a table of articles use: python -m framing analyze "
                            f"{path} --level sentence")
    try:
        with p.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh, strict=True)
            try:
                header = reader.fieldnames
            except csv.Error as error:
                raise CSVInputError(f"{path}: not a readable CSV file ({error})") from None
            if not header:
                raise CSVInputError(f"{path}: the file is empty; expected a header row")
            problem = header_problem(header)
            if problem:
                raise CSVInputError(f"{path}: {problem}")
            if column not in header:
                alike = [h for h in header if h.lower().strip() == column.lower().strip()]
                hint = (f"did you mean {alike[0]!r}? Names are read as written" if alike
                        else "choose one with --text-column")
                raise CSVInputError(
                    f"{path}: no column named {column!r}; the columns are "
                    f"{', '.join(h for h in header if h)} ({hint})"
                )
            done = reader.line_num  # the last line of the last row read
            try:
                for row in reader:
                    if None in row:  # (DictReader keeps a row's extra fields under None)
                        raise CSVInputError(
                            f"{path}: line {reader.line_num}: {len(row[None])} more field(s) "
                            f"than the header's {len(header)}; quote fields that hold commas")
                    yield reader.line_num, header, row
                    done = reader.line_num
            except csv.Error as error:  # (told at the line where the bad row starts)
                raise CSVInputError(f"{path}: line {done + 1}: {csv_problem(error)}") from None
    except UnicodeDecodeError:
        raise DecodeError(f"{path}: not UTF-8 text; save the CSV as UTF-8") from None


def run_classify(args) -> int:
    from .analyzer import Analyzer
    from .export import RowWriter, terms_json
    from .ingest import MAX_CHARS

    args.out = _dash_is_stdout(args.out)
    _check_out(args.out, [args.input, *_side_inputs(args)], formats=(".csv",))
    analyzer = Analyzer(lexicons=args.lexicon, model=args.model, backend=args.backend)
    rows = read_csv_rows(args.input, args.text_column)
    first = next(rows, None)
    if first is None:
        raise CSVInputError(f"{args.input}: the CSV has a header but no rows")
    header = first[1]
    names = dict(zip(CLASSIFY_COLUMNS, (args.prefix + c for c in CLASSIFY_COLUMNS)))
    clash = [name for name in names.values() if name in header]
    if clash:
        hint = ("give another --prefix" if args.prefix else
                "give --prefix (such as --prefix predicted_) to name the added columns")
        raise CSVInputError(f"{args.input}: already has the column(s) {', '.join(clash)}, "
                            f"which classify adds; {hint} (the CSV's own are kept)")
    writer = RowWriter(args.out, "csv", tuple(header) + tuple(names.values()))
    empty: list[int] = []
    too_long: list[int] = []

    def flush(batch):
        texts = [row.get(args.text_column) or "" for _, row in batch]
        too_long.extend(line for (line, _), text in zip(batch, texts) if len(text) > MAX_CHARS)
        filled = [i for i, text in enumerate(texts) if text.strip() and len(text) <= MAX_CHARS]
        results = dict(zip(filled, analyzer.classify_texts([texts[i] for i in filled],
                                                           explained=False)))
        for i, (line, row) in enumerate(batch):
            result = results.get(i)
            if result is None:
                if len(texts[i]) <= MAX_CHARS:
                    empty.append(line)
                values = ("", "", "", "", "[]")
            else:
                values = (result.score.label, result.score.opinion_score,
                          result.score.borderline, result.score.sentence.voice,
                          terms_json(result.hits))
            row.update(zip(names.values(), values))
            writer.write(row)

    try:
        batch = []
        for line, _, row in _chain(first, rows):
            batch.append((line, row))
            if len(batch) == BATCH:
                flush(batch)
                batch = []
        flush(batch)
    except BaseException:
        writer.abort()
        raise
    writer.close()
    if args.out:
        print(f"framing: wrote {writer.count} row(s) to {printable(args.out)}",
              file=sys.stderr)
    for lines, what in ((empty, f"with empty {args.text_column!r}"),
                        (too_long, f"with {args.text_column!r} over the limit of "
                                   f"{MAX_CHARS:,} characters")):
        if lines:
            shown = ", ".join(str(n) for n in lines[:10]) + (" …" if len(lines) > 10 else "")
            print(f"framing: error: {len(lines)} row(s) {what} left unlabeled (line(s) "
                  f"{shown})", file=sys.stderr)
    return EXIT_ERROR if empty or too_long else 0


# the columns classify adds, in order
CLASSIFY_COLUMNS = ("label", "opinion_score", "borderline", "voice", "loaded_terms")


def _chain(first, rest):
    yield first
    yield from rest


def _labeled(args):
    """The (texts, labels) of --data (of the shipped corpus without it), each file read once
    however often it is named ("a.csv ./a.csv": each sentence twice put a copy of it in a
    training fold and another in the held-out one, and moved the threshold)."""
    from .classify import read_labeled, shipped_training_files

    args.data = _once_each(args.data, "read")
    paths = args.data or shipped_training_files()
    return read_labeled(paths, args.text_column, args.label_column)


def run_train(args) -> int:
    import time

    from .analyzer import Analyzer
    from .classify import save_model

    _check_out(args.model, [*(args.data or ()), *args.lexicon], option="--model")
    _check_model_out(args.model)
    texts, labels = _labeled(args)
    started = time.perf_counter()
    analyzer = Analyzer(lexicons=args.lexicon, backend=args.backend)
    bundle = analyzer.train(texts, labels, trained_on=", ".join(map(str, args.data))
                            or "shipped corpus")
    save_model(bundle, args.model)
    counts = {label: labels.count(label) for label in sorted(set(labels))}
    print(f"trained on {len(texts)} sentences ({', '.join(f'{k} {v}' for k, v in counts.items())})"
          f" in {time.perf_counter() - started:.1f} s; opinion threshold "
          f"{bundle.threshold:.2f}; saved to {args.model}")
    return 0


def _check_model_out(path: str) -> None:
    """Refuse to replace a file that holds something else ("--model my_article.txt" made the
    article a zip archive); a model file (a damaged one, one of another version) or an empty
    file is replaced, and a device or a pipe written to."""
    from .modelfile import is_model_file

    target = Path(path)
    try:
        if not target.is_file() or target.stat().st_size == 0:
            return
    except OSError:
        return  # (writing it will say what is wrong)
    if not is_model_file(target):
        raise InputFileError(f"{path}: exists and is not a framing model file; train would "
                             "replace it, give another --model (or remove the file first)")


def run_evaluate(args) -> int:
    from .analyzer import Analyzer
    from .evaluation import format_report, score_labels, textblob_labels

    texts, gold = _labeled(args)
    analyzer = Analyzer(lexicons=args.lexicon, model=args.model, backend=args.backend)
    predicted = []
    for start in range(0, len(texts), BATCH):
        batch = texts[start:start + BATCH]
        predicted.extend(r.score.label for r in analyzer.classify_texts(batch, explained=False))
    print(f"{len(texts)} labeled sentences")
    print()
    print(format_report("framing", score_labels(gold, predicted)))
    print()
    baseline = score_labels(gold, textblob_labels(texts))
    print(format_report("TextBlob (subjectivity >= 0.5)", baseline))
    return 0


def run_compare(args) -> int:
    from .analyzer import Analyzer
    from .compare import MAX_ARTICLES, CompareError, compare
    from .export import write_comparison

    args.sources, folders_unread = _expand_folders(list(args.sources))
    failed = [folder for folder, _ in folders_unread]
    for folder, why in folders_unread:  # ("no .txt, .md or .html files in this folder")
        print(f"framing: skipped {printable(folder)}: {why}", file=sys.stderr)
    if failed and len(args.sources) < 2:
        raise CompareError(_too_few(len(args.sources), len(failed)))
    if len(args.sources) < 2 or len(args.sources) > MAX_ARTICLES:
        raise CompareError(f"{len(args.sources)} article(s) given; compare two to four")
    if args.out == "-":  # (not a folder named "-": the summary already goes to stdout)
        raise InputFileError("--out -: compare prints its summary on standard output; give "
                             "--out a folder for the CSV files and JSON, or a .json file")
    if args.out and Path(args.out).suffix and Path(args.out).suffix.lower() != ".json":
        raise InputFileError(f"{args.out}: give a folder for the CSV files and JSON, or a "
                             ".json file")
    if args.out:
        parent = Path(args.out).parent
        if str(parent) not in ("", ".") and not parent.exists():
            raise InputFileError(f"{args.out}: the folder {parent} does not exist")
        from .export import comparison_paths

        _check_out(args.out if Path(args.out).suffix else None,
                   list(args.sources) + _side_inputs(args))
        for written in comparison_paths(args.out):  # (a folder: each file written in it)
            _not_an_input(str(written), list(args.sources) + _side_inputs(args))
    args.sources, unread = _read_stdin(args.sources)  # ("-": the article on standard input)
    failed += ["-"] * unread
    analyzer = Analyzer(lexicons=args.lexicon, model=args.model, backend=args.backend)
    kept = _comparable(analyzer, args.sources, failed, args.allow_private_hosts)
    if failed and len(kept) < 2:  # (with two good articles or more, compare those)
        raise CompareError(_too_few(len(kept), len(failed)))
    reports = [report for _, report in kept]
    from_stdin = next((report for name, report in kept if name == "-"), None)
    comparison = compare(reports)
    for label, report in zip(comparison.labels, reports):
        title = report.article.title or (
            "standard input" if report is from_stdin else report.article.id)
        # (a title and an outlet come from the page: no control character reaches the
        # terminal, which would read an ESC as the start of an escape sequence)
        print(printable(f"{label}: {title}" + (f" ({report.article.outlet})"
                                               if report.article.outlet else "")))
    print()
    for line in comparison.summary:
        print(f"- {printable(line.text)}")
    print(f"\n{len(comparison.pairs)} aligned sentence pairs, {len(comparison.gaps)} sentences "
          "without a counterpart.")
    if args.out:
        written = write_comparison(comparison, args.out)
        print(f"framing: wrote {', '.join(printable(p) for p in written)}", file=sys.stderr)
    if failed:
        print(f"framing: error: {len(failed)} of {len(failed) + len(reports)} article(s) "
              f"failed; compared the other {len(reports)}", file=sys.stderr)
        return EXIT_ERROR
    return 0


def _too_few(left: int, failed: int) -> str:
    """"1 article(s) left to compare after 2 failed; compare two to four"."""
    return f"{left} article(s) left to compare after {failed} failed; compare two to four"


def _comparable(analyzer, sources: list, failed: list[str],
                allow_private_hosts: bool) -> list[tuple[str, object]]:
    """The articles to compare, as (name, report) in the order given. An input that cannot
    be read, or read but not compared ("has no body sentences to compare": a page of links),
    is named on stderr and added to ``failed``; one with the text of an earlier one
    ("./story.txt" after "story.txt") is left out with a warning. Raises CompareError when
    the inputs are one article given twice."""
    from dataclasses import replace

    from .compare import CompareError, identical, unfit
    from .report import Article

    kept, repeats, ids = [], [], _UniqueIds()
    for source in sources:
        read = isinstance(source, Article)  # (the article on standard input)
        name = "-" if read else source
        try:
            report = (analyzer.analyze(source) if read else
                      analyzer.load(source, allow_private_hosts=allow_private_hosts))
        except FramingError as error:
            failed.append(name)
            print(f"framing: skipped {printable(name)}: "
                  f"{printable(message_for(error, name))}", file=sys.stderr)
            continue
        twin = next((earlier for earlier, other in kept if identical(other, report)), None)
        if twin is not None:
            repeats.append((name, twin))
            continue
        for warning in report.article.warnings:  # ("not UTF-8: read as Windows-1252; …")
            print(f"framing: warning: {printable(name)}: {printable(warning)}", file=sys.stderr)
        reason = unfit(report)
        if reason:
            failed.append(name)
            print(f"framing: skipped {printable(name)}: {reason}", file=sys.stderr)
            continue
        given = report.article.id
        new = ids.free(given)  # (x/story.txt and y/story.txt: "story" and "story-2")
        if new != given:
            print(f"framing: warning: {printable(name)}: {_renamed(given, new, 'source')}",
                  file=sys.stderr)
            report = replace(report, article=replace(report.article, id=new))
        kept.append((name, report))
    if repeats and not failed and len(kept) < 2:  # ("compare a.txt a.txt": refused)
        name, twin = repeats[0]
        which = (f"{printable(name)} is named twice: the two articles" if name == twin
                 else f"{printable(twin)} and {printable(name)}")
        raise CompareError(f"{which} are identical; there is nothing to compare")
    for name, twin in repeats:
        print(f"framing: warning: {printable(name)}: the same text as {printable(twin)}; "
              "compared once", file=sys.stderr)
    return kept
