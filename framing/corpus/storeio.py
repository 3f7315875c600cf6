"""Opening a store for the stories and outlet reports, and the errors they raise.

A stand-in for the store module's own opener: ``check_schema`` is the one function to swap
for ``framing.corpus.store``'s check when both are merged.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from ..errors import FramingError, shown_path
from .store import check_path

SCHEMA_VERSION = 1

# Defaults of the stories and report commands, kept here (not in stories.py and outlets.py,
# which import them) so that building the command line imports neither pandas nor scipy.
DEFAULT_THRESHOLD = 0.18   # cosine similarity articles need to be one story
DEFAULT_WINDOW_DAYS = 3    # articles further apart are never one story
RESAMPLES = 2000           # bootstrap resamples of the outlet report
MIN_SHARED_STORIES = 5     # two outlets are compared story by story from this many on
BY_CHOICES = ("outlet", "story", "month", "frame")


class CorpusReportError(FramingError):
    """A store the stories or outlet report cannot read (missing, newer, not analyzed)."""


class StoriesMissingError(CorpusReportError):
    """A report by story on a store whose stories have not been grouped yet."""

    def __init__(self, db=None) -> None:
        store = shown_path(db) if isinstance(db, (str, Path)) else "DB"
        super().__init__(f"the store has no stories yet: run python -m framing corpus stories "
                         f"{store} first")


def check_schema(con, label: str = "the store") -> None:
    """Raise when the store's ``meta.schema_version`` is newer than this framing reads."""
    if not table_exists(con, "articles"):
        raise CorpusReportError(f"{label} is not a framing corpus store (no articles table)")
    if not table_exists(con, "meta"):
        return
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None:
        return
    try:
        version = int(row[0])
    except (TypeError, ValueError):
        raise CorpusReportError(f"{label} has an unreadable schema version {row[0]!r}") from None
    if version > SCHEMA_VERSION:
        raise CorpusReportError(
            f"{label} has schema version {version}, newer than this framing reads "
            f"({SCHEMA_VERSION}): upgrade framing")


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
    checked to be a store this framing reads."""
    import duckdb

    if not isinstance(db, (str, Path)):
        check_schema(db)
        yield db
        return
    path = Path(db)
    check_path(path, CorpusReportError)
    if not path.is_file():
        raise CorpusReportError(f"no store at {shown_path(path)}")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise CorpusReportError(f"cannot open {path} as a store: {first}") from None
    try:
        con.execute("SET enable_progress_bar = false")  # it would write into our output
        check_schema(con, str(path))
        yield con
    finally:
        con.close()
