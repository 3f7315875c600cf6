"""`python -m framing corpus stories`, `corpus report` and `corpus sources`: registered by
``add_commands``."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import printable
from .storeio import (
    BY_CHOICES,
    DEFAULT_THRESHOLD,
    DEFAULT_WINDOW_DAYS,
    MIN_SHARED_STORIES,
    RESAMPLES,
    CorpusReportError,
    check_report_options,
    check_story_options,
)


def add_commands(subparsers) -> None:
    """Register the ``stories`` and ``report`` subcommands on the ``corpus`` subparsers."""
    stories = subparsers.add_parser(
        "stories", help="group the store's articles that report the same event",
        description="Group the articles of a store that report the same event, across "
        "outlets (TF-IDF similarity of titles, leads and names within a date window, "
        "average-linkage clusters). Replaces the stories table in one transaction.")
    stories.add_argument("db", metavar="DB", help="the store (a DuckDB file)")
    stories.add_argument("--window-days", type=int, default=DEFAULT_WINDOW_DAYS, metavar="N",
                         help="articles more than N days apart are never one story "
                         f"(default: {DEFAULT_WINDOW_DAYS}; 100000 or more: no limit)")
    stories.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, metavar="T",
                         help="cosine similarity (0..1) articles need to be one story "
                         f"(default: {DEFAULT_THRESHOLD}); lower joins more")
    stories.set_defaults(run=run_stories)

    report = subparsers.add_parser(  # (help is %-formatted by argparse, description is not)
        "report", help="metrics by outlet (x story, month or frame) with 95 %% intervals",
        description="Every article metric's mean by outlet, or by outlet x story, month or "
        "primary frame, with a 95 % bootstrap confidence interval and the number of "
        "articles; or (--compare A B) the difference between two outlets, paired by shared "
        "story when they share enough stories. Duplicates are left out.")
    report.add_argument("db", metavar="DB", help="the store (a DuckDB file)")
    report.add_argument("--by", choices=BY_CHOICES, default=None,
                        help="outlet, or outlet x story / month / primary frame "
                        "(default: outlet; not with --compare)")
    report.add_argument("--metric", nargs="+", action="extend", metavar="M", default=None,
                        help="metric columns to report (default: every numeric metric)")
    report.add_argument("--compare", nargs=2, metavar=("A", "B"),
                        help="compare outlet B with outlet A (B - A, and B / A for rates)")
    pairing = report.add_mutually_exclusive_group()
    pairing.add_argument("--paired", action="store_true",
                         help="with --compare: pair by shared story even below "
                         f"{MIN_SHARED_STORIES} shared stories (default: paired from "
                         f"{MIN_SHARED_STORIES} on)")
    pairing.add_argument("--unpaired", action="store_true",
                         help="with --compare: compare all articles, not shared stories")
    report.add_argument("--resamples", type=int, default=RESAMPLES, metavar="N",
                        help=f"bootstrap resamples (default: {RESAMPLES})")
    report.add_argument("--seed", type=int, default=0, help="bootstrap seed (default: 0)")
    report.add_argument("--out", metavar="FILE",
                        help="write a table (.csv, .parquet or .json) instead of printing")
    report.set_defaults(run=run_report)

    from .cli import _count

    sources = subparsers.add_parser(
        "sources", help="whom each outlet quotes or reports most: its named sources",
        description="Whom each outlet gives a voice: per outlet, the named sources (people, "
        "organizations, places) its articles quote or report in the most body sentences, "
        "in how many articles, and the kinds of sources it relies on. Wire copies are left "
        "out. These are counts, not tests.")
    sources.add_argument("db", metavar="DB", help="the store (a DuckDB file)")
    sources.add_argument("--top", type=_count(1_000_000), default=10, metavar="N",
                         help="the N sources of each outlet quoted or reported in the most "
                         "sentences (default: 10)")
    sources.add_argument("--outlet", metavar="NAME", help="one outlet's sources only")
    sources.add_argument("--out", metavar="FILE",
                         help="write the sources table (.csv, .parquet or .json) instead of "
                         "printing")
    sources.set_defaults(run=run_sources)


def run_stories(args) -> int:
    from .stories import build_stories

    check_story_options(args.window_days, args.threshold,
                        {"window_days": "--window-days", "threshold": "--threshold"})
    summary = build_stories(args.db, window_days=args.window_days, threshold=args.threshold)
    print(f"{summary.articles} articles in {summary.stories} stories "
          f"({summary.multi_outlet_stories} told by 2 or more outlets; largest "
          f"{summary.largest} article{'' if summary.largest == 1 else 's'}; "
          f"{summary.duplicates_joined} wire "
          f"{'copy' if summary.duplicates_joined == 1 else 'copies'} joined their "
          f"original's story; {summary.undated} undated articles compared only with each "
          "other)")
    return 0


def _write(frame, out: str) -> None:
    """Write the table through ``framing.outfile`` (a temporary file renamed into place), to
    an ``out`` that ``_check_out`` let through."""
    from ..export import spreadsheet_frame
    from ..outfile import OutputFile

    suffix = Path(out).suffix.lower()
    with OutputFile(out, binary=True, open_handle=False) as output:
        if suffix == ".csv":  # (text cells safe to open in a spreadsheet)
            spreadsheet_frame(frame).to_csv(output.write_path, index=False)
        elif suffix == ".parquet":
            frame.to_parquet(output.write_path, index=False)
        else:
            frame.to_json(output.write_path, orient="records", indent=1, force_ascii=False)


def _check_out(args) -> None:
    """Refuse an --out that cannot be written before the work that fills it: another suffix,
    a name too long or in a missing folder (one line), the store itself."""
    from .store import check_not_the_store, check_path

    if not args.out:
        return
    if Path(args.out).suffix.lower() not in (".csv", ".parquet", ".json"):
        raise CorpusReportError(
            f"--out must end in .csv, .parquet or .json, not {Path(args.out).name!r}")
    check_path(args.out, CorpusReportError)
    check_not_the_store(args.out, args.db, CorpusReportError)


def run_sources(args) -> int:
    from .voices import outlet_sources, source_kinds, sources_text

    _check_out(args)
    frame = outlet_sources(args.db, top=args.top, outlet=args.outlet)
    if args.out:
        _write(frame, args.out)
        print(f"framing: wrote {len(frame)} row(s) to {printable(args.out)}", file=sys.stderr)
    else:
        for line in sources_text(frame, source_kinds(args.db, outlet=args.outlet)).splitlines():
            print(printable(line))
    return 0


def _tell_unstoried(db: str) -> None:
    """Say on stderr that articles added since ``corpus stories`` ran are in no story (a report
    by story, or a comparison paired by story, leaves them out)."""
    from .storeio import unstoried, unstoried_note

    note = unstoried_note(unstoried(db), db)
    if note:
        print(f"framing: warning: {printable(note)}", file=sys.stderr)


def run_report(args) -> int:
    from .cli import printable_frame
    from .outlets import aggregate, compare_outlets, differences_frame

    check_report_options(args.resamples, args.seed,
                         {"resamples": "--resamples", "seed": "--seed"})
    _check_out(args)
    if (args.paired or args.unpaired) and not args.compare:
        raise CorpusReportError("--paired and --unpaired go with --compare A B")
    if args.by and args.compare:
        raise CorpusReportError("--by does not go with --compare A B (a comparison is of two "
                                "outlets; --paired pairs them by shared story)")
    if args.compare:
        paired = True if args.paired else False if args.unpaired else None
        differences = compare_outlets(args.db, args.compare[0], args.compare[1],
                                      metrics=args.metric, paired=paired,
                                      resamples=args.resamples, seed=args.seed)
        frame = differences_frame(differences)
        if any(difference.paired for difference in differences):
            _tell_unstoried(args.db)
        if args.out:
            _write(frame, args.out)
            print(f"framing: wrote {len(frame)} comparison(s) to {printable(args.out)}",
                  file=sys.stderr)
        else:
            for difference in differences:
                print(printable(difference.summary))
        return 0
    frame = aggregate(args.db, by=args.by or "outlet", metrics=args.metric,
                      resamples=args.resamples, seed=args.seed)
    if args.by == "story":
        _tell_unstoried(args.db)
    if args.out:
        _write(frame, args.out)
        print(f"framing: wrote {len(frame)} row(s) to {printable(args.out)}", file=sys.stderr)
    else:
        import pandas as pd

        if frame.empty:  # (not pandas' "Empty DataFrame" with its columns)
            print("(no rows)")
            return 0
        with pd.option_context("display.max_rows", None, "display.width", 120,
                               "display.float_format", "{:.3f}".format):
            # (no interval: an empty cell)
            print(printable_frame(frame).to_string(index=False, na_rep=""))
    return 0
