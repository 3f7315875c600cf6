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


def check_schema(con, label: str = "the store") -> None:
    """Raise ``StoreError`` unless an open connection is to a store this framing reads."""
    from .store import check_schema as check

    check(con, label)


def has_stories(con) -> bool:
    """Whether ``corpus stories`` has grouped the store's articles (every store has the table,
    empty until then)."""
    return table_exists(con, "stories") and con.execute(
        "SELECT count(*) FROM (SELECT 1 FROM stories LIMIT 1)").fetchone()[0] > 0


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
        check_schema(db)
        yield db
        return
    with open_store(db, write=not read_only) as con:
        con.execute("SET enable_progress_bar = false")  # it would write into our output
        yield con
