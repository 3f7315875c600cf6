"""Opening a store for the stories and outlet reports, and the errors they raise.

A store is opened and checked by ``framing.corpus.store`` (``connect``, ``check_schema``), as
for every corpus command, so a path that is no store gives the same one-line ``StoreError``
here; ``CorpusReportError`` is for what the reports themselves cannot do.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from ..errors import FramingError, shown_path

# Defaults of the stories and report commands, kept here (not in stories.py and outlets.py,
# which import them) so that building the command line imports neither pandas nor scipy.
DEFAULT_THRESHOLD = 0.18   # cosine similarity articles need to be one story
DEFAULT_WINDOW_DAYS = 3    # articles further apart are never one story
RESAMPLES = 2000           # bootstrap resamples of the outlet report
MIN_SHARED_STORIES = 5     # two outlets are compared story by story from this many on
BY_CHOICES = ("outlet", "story", "month", "frame")


class CorpusReportError(FramingError):
    """What the stories or outlet report cannot do: a store with nothing analyzed, an unknown
    metric or outlet, options that do not go together. (A path that is no store, or a store
    of a newer framing, is ``framing.corpus.store.StoreError``, as for every corpus command.)"""


class StoriesMissingError(CorpusReportError):
    """A report by story on a store whose stories have not been grouped yet."""

    def __init__(self, db=None) -> None:
        store = shown_path(db) if isinstance(db, (str, Path)) else "DB"
        super().__init__(f"the store has no stories yet: run python -m framing corpus stories "
                         f"{store} first")


MIN_RESAMPLES = 100        # fewer resamples make no 95 % interval worth printing
MAX_RESAMPLES = 100_000    # more add no precision worth the time (and fill the memory)


def _is_whole(value) -> bool:
    import numbers

    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def check_story_options(window_days, threshold, names=None) -> None:
    """Raise ``CorpusReportError`` unless ``window_days`` is a whole number of days, 0 or
    more, and ``threshold`` a number above 0 and at most 1. ``names`` maps a parameter to
    the name its message shows (the command line passes ``{"threshold": "--threshold"}``…)."""
    import math
    import numbers

    shown = names or {}
    if not _is_whole(window_days) or window_days < 0:
        raise CorpusReportError(f"{shown.get('window_days', 'window_days')} must be a whole "
                                f"number of days, 0 or more, not {window_days!r}")
    if not isinstance(threshold, numbers.Real) or isinstance(threshold, bool) or \
            math.isnan(threshold) or not 0.0 < threshold <= 1.0:
        raise CorpusReportError(f"{shown.get('threshold', 'threshold')} must be a number "
                                f"above 0 and at most 1, not {threshold!r}")


def check_report_options(resamples, seed, names=None) -> None:
    """Raise ``CorpusReportError`` unless the bootstrap's ``resamples`` is a whole number from
    ``MIN_RESAMPLES`` to ``MAX_RESAMPLES`` and ``seed`` a whole number 0 or more; ``names`` as in
    ``check_story_options``."""
    shown = names or {}
    if not _is_whole(resamples) or not MIN_RESAMPLES <= resamples <= MAX_RESAMPLES:
        raise CorpusReportError(f"{shown.get('resamples', 'resamples')} must be a whole "
                                f"number from {MIN_RESAMPLES} to {MAX_RESAMPLES:,}, not "
                                f"{resamples!r}")
    if not _is_whole(seed) or seed < 0:
        raise CorpusReportError(f"{shown.get('seed', 'seed')} must be a whole number, 0 or "
                                f"more, not {seed!r}")


def metric_list(metrics) -> list[str] | None:
    """``metrics`` as a list of names: one name given as a string is one metric (not its
    letters); None is every metric."""
    if metrics is None or isinstance(metrics, str):
        return None if metrics is None else [metrics]
    try:
        chosen = list(metrics)
    except TypeError:
        raise CorpusReportError(f"metrics must be metric names, not "
                                f"{type(metrics).__name__}") from None
    if not chosen:  # (an empty list gave every metric, as None does)
        raise CorpusReportError("metrics names no metric: give at least one, or None for all")
    return chosen


def check_schema(con, label: str = "the store") -> None:
    """Raise ``StoreError`` unless an open connection is to a store this framing reads."""
    from .store import check_schema as check

    check(con, label)


def has_stories(con) -> bool:
    """Whether ``corpus stories`` has grouped the store's articles (every store has the table,
    empty until then)."""
    return table_exists(con, "stories") and con.execute(
        "SELECT count(*) FROM (SELECT 1 FROM stories LIMIT 1)").fetchone()[0] > 0


def unstoried(db) -> int:
    """How many articles of the store at ``db`` (a path or an open connection) are in no
    story: those added after ``corpus stories`` last ran (it gives every article a row). 0 when
    the store has no stories yet."""
    with connect(db) as con:
        if not has_stories(con):
            return 0
        return con.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS "
                           "(SELECT 1 FROM stories s WHERE s.article_id = a.id)").fetchone()[0]


def unstoried_note(count: int, db=None) -> str:
    """What the reader of the stories is told when ``count`` articles are in no story, or ""
    (the stories read as if those articles did not exist: a report by story leaves them out)."""
    if not count:
        return ""
    store = shown_path(db) if isinstance(db, (str, Path)) else "DB"
    were, are = ("article was", "is") if count == 1 else ("articles were", "are")
    return (f"{count:,} {were} added after the stories were built and {are} in no story: "
            f"run python -m framing corpus stories {store} again")


def table_exists(con, name: str) -> bool:
    return con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()[0] > 0


@contextmanager
def connect(db, read_only: bool = True):
    """A DuckDB connection to ``db`` (a path, or an open connection passed through unclosed),
    checked to be a store this framing reads (``framing.corpus.store.connect``: a missing
    store, a file that is no store, a newer schema are its one-line ``StoreError``)."""
    from .store import connect as open_store

    if not isinstance(db, (str, Path)):
        if not hasattr(db, "execute"):
            raise TypeError(f"expected a store's path or an open connection to one, got "
                            f"{type(db).__name__}")
        check_schema(db)
        yield db
        return
    with open_store(db, write=not read_only) as con:
        con.execute("SET enable_progress_bar = false")  # it would write into our output
        yield con
