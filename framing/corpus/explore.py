"""The queries behind the app's Corpus page: a store's status, stories, monthly trends and a
paged sentence explorer, each one SQL query on a short read-only connection.

Every function takes ``db``, a store path or an open DuckDB connection, and returns a small
pandas DataFrame (or a dataclass): aggregates are computed by DuckDB and sentences are read a
page at a time (``LIMIT``/``OFFSET``, counts with ``count(*)``), so the page stays fast on a
store of millions of sentences. The outlet aggregates and comparisons with bootstrap intervals
are ``framing.corpus.outlets``'s. This module also builds the example store the page opens on
(``corpus/example_corpus``) and a store from an uploaded table or web archive.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import hashlib
import io
import os
import re
import shutil
import tempfile
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import FramingError, message_for, os_reason, shown_path
from .sources import EMPTY_TABLE
from .store import SCHEMA_VERSION, StoreError, check_path, connect
from .storeio import unstoried, unstoried_note

EXAMPLE_DIR = Path(__file__).resolve().parents[2] / "corpus" / "example_corpus"
# The example corpus's own towns, clubs and companies, a lexicon of names (README, "Lexicons")
EXAMPLE_NAMES = EXAMPLE_DIR.parent / "example_names.csv"
PAGE_SIZE = 50
EXPORT_ROWS = 200_000  # rows of the explorer's download at most (the CLI exports everything)
# Shown first in the metric choice, in this order; the other numeric metrics follow.
PREFERRED_METRICS = ("framing_score", "author_loaded_per_1k", "opinion_share_body",
                     "opinion_share_author", "quoted_word_share", "named_sources",
                     "unnamed_attributions", "hedges_per_1k", "boosters_per_1k",
                     "scare_quotes_per_1k", "loaded_attribution_share", "author_tone", "words")
OUTLET_SQL = "coalesce(nullif(trim(a.outlet), ''), '(no outlet)')"
DOWNLOADS = ("articles", "metrics", "stories")
# Uploaded tables and their stores kept on the server: the most recently used, at most this
# many and this much disk in all; the oldest go first (a visitor could fill the disk).
UPLOADS_KEPT = 20
UPLOAD_BYTES = 500 * 2**20
# A gzipped upload unpacks to at most this (a small file can unpack to gigabytes).
UNPACKED_BYTES = 100 * 2**20
UPLOAD_KINDS = "CSV, TSV, JSON, JSONL, Parquet or a web archive (WARC); gzipped too but Parquet"
STALE_WORK_SECONDS = 24 * 3600  # a store still being built after this was left by a crash
ROWS_NAMED = 5  # skipped rows an upload's message names, at most


class ExploreError(FramingError):
    """A store the Corpus page cannot show yet (nothing analyzed), or an unusable upload."""


@contextlib.contextmanager
def _connected(db) -> Iterator:
    """A read-only connection for a path (closed after), or the connection given."""
    if isinstance(db, (str, Path)):
        with connect(db) as con:
            yield con
    else:
        yield db


def _has_table(con, name: str) -> bool:
    return con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                       [name]).fetchone()[0] > 0


# --------------------------------------------------------------------------- status


@dataclass(frozen=True)
class StoreStatus:
    """What a store holds: articles (``duplicates`` of them wire copies), ``analyzed``
    articles (with a metrics row), outlets, stories, sentences, the date range, and the
    articles in no story (added after ``corpus stories`` ran)."""

    path: str
    articles: int
    duplicates: int
    analyzed: int
    outlets: int
    stories: int
    sentences: int
    first: str
    last: str
    unstoried: int = 0  # articles added after the stories were built: in no story

    def stories_note(self) -> str:
        """The line that says the stories leave articles out (added since they were built),
        or ""."""
        return unstoried_note(self.unstoried, self.path if self.path != "the store" else None)

    def check_analyzed(self) -> None:
        """Raise when there is nothing to show, saying which command to run."""
        if self.articles == 0:
            raise ExploreError(f"{self.path}: the store has no articles; add some with: "
                               f"python -m framing corpus add {self.path} ARTICLES...")
        if self.analyzed == 0:
            raise ExploreError(f"{self.path}: none of the store's {self.articles} articles is "
                               f"analyzed yet; run: python -m framing corpus analyze {self.path}")


def store_status(db) -> StoreStatus:
    """The counts the page shows above everything else (raises ``StoreError`` for a path that
    is not a store, or a store of a newer schema)."""
    with _connected(db) as con:
        articles, duplicates, outlets, first, last = con.execute(
            f"""SELECT count(*), count(duplicate_of), count(DISTINCT {OUTLET_SQL}),
                       min(published)::VARCHAR, max(published)::VARCHAR FROM articles a"""
        ).fetchone()
        analyzed = con.execute(
            "SELECT count(*) FROM metrics m JOIN articles a ON a.id = m.article_id"
        ).fetchone()[0] if _has_table(con, "metrics") else 0
        stories = con.execute("SELECT count(DISTINCT story_id) FROM stories").fetchone()[0] \
            if _has_table(con, "stories") else 0
        sentences = con.execute("SELECT count(*) FROM sentences").fetchone()[0] \
            if _has_table(con, "sentences") else 0
        left_out = unstoried(con) if stories else 0
    path = db if isinstance(db, (str, Path)) else "the store"
    return StoreStatus(str(path), articles, duplicates, analyzed, outlets, stories, sentences,
                       first or "", last or "", left_out)


def store_path(typed: str) -> Path:
    """The store file a user typed, ``~`` expanded; ``StoreError`` for a name the system
    cannot look at (too long, an unknown user's home)."""
    try:
        path = Path(typed.strip()).expanduser()
    except RuntimeError:  # ~someone who has no home here
        raise StoreError(f"{shown_path(typed.strip())}: no such user's home folder") from None
    check_path(path)
    return path


def store_stamp(path: str | Path) -> tuple[int, int]:
    """The store file's (modification time, size): what the page's cached reads are keyed by,
    so a store that a running ``corpus analyze`` changes is read again. A path that is not a
    store file raises the store's own one-line ``StoreError`` (no such store, a folder, a name
    too long)."""
    path = Path(path)
    check_path(path)
    if not path.is_file():
        store_status(path)  # raises: no such store, is a directory, not a store
    try:
        stat = path.stat()
    except OSError as error:
        raise StoreError(f"{shown_path(path)}: {os_reason(error)}") from None
    return stat.st_mtime_ns, stat.st_size


def metric_choices(db) -> list[str]:
    """The store's numeric article metrics, the most telling first."""
    from .outlets import metric_columns

    with _connected(db) as con:
        available = metric_columns(con)
    first = [m for m in PREFERRED_METRICS if m in available]
    return first + [m for m in available if m not in first]


def outlets(db) -> pd.DataFrame:
    """Each outlet with analyzed articles (wire copies left out): ``outlet``, ``articles``,
    most articles first."""
    with _connected(db) as con:
        return con.execute(
            f"""SELECT {OUTLET_SQL} AS outlet, count(*) AS articles
                FROM metrics m JOIN articles a ON a.id = m.article_id
                WHERE a.duplicate_of IS NULL GROUP BY 1 ORDER BY articles DESC, outlet"""
        ).df()


# --------------------------------------------------------------------------- stories


STORY_COLUMNS = ("story_id", "label", "date", "articles", "outlets", "covered_by", "missing",
                 "score_min", "score_max", "score_spread")


def story_overview(db) -> pd.DataFrame:
    """One row per story, most outlets first: ``story_id``, ``label``, ``date`` (its first),
    ``articles``, ``outlets`` (how many covered it), ``covered_by`` and ``missing`` (the
    store's other outlets: its blind spots, for stories at least two outlets covered), and the
    framing score's ``score_min``, ``score_max`` and ``score_spread`` (max - min) over its
    analyzed articles. Empty when the store has no stories."""
    with _connected(db) as con:
        if not _has_table(con, "stories"):
            return pd.DataFrame(columns=list(STORY_COLUMNS))
        frame = con.execute(
            f"""WITH everyone AS (  -- (not the articles added since: compared with no story)
                    SELECT list_sort(list(DISTINCT {OUTLET_SQL})) AS names
                    FROM stories s JOIN articles a ON a.id = s.article_id),
                per AS (
                    SELECT s.story_id, any_value(s.label) AS label, min(a.published) AS date,
                           count(*) AS articles,
                           list_sort(list(DISTINCT {OUTLET_SQL})) AS covered,
                           min(m.framing_score) AS score_min, max(m.framing_score) AS score_max
                    FROM stories s JOIN articles a ON a.id = s.article_id
                    LEFT JOIN metrics m ON m.article_id = a.id
                    GROUP BY s.story_id)
                SELECT story_id, label, date, articles, len(covered) AS outlets,
                       array_to_string(covered, '; ') AS covered_by,
                       CASE WHEN len(covered) >= 2 THEN array_to_string(
                           list_filter(everyone.names, lambda x: NOT list_contains(covered, x)),
                           '; ') ELSE '' END AS missing,
                       score_min, score_max, score_max - score_min AS score_spread
                FROM per, everyone
                ORDER BY outlets DESC, articles DESC, date, story_id""").df()
    return frame[list(STORY_COLUMNS)]


def story_articles(db, story_id: int) -> pd.DataFrame:
    """The articles of one story: ``id``, ``outlet``, ``title``, ``published``, ``words``,
    ``framing_score`` (NaN when not analyzed) and ``duplicate_of``, by outlet and date."""
    with _connected(db) as con:
        return con.execute(
            f"""SELECT a.id, {OUTLET_SQL} AS outlet, a.title, a.published, a.words,
                       m.framing_score, a.duplicate_of
                FROM stories s JOIN articles a ON a.id = s.article_id
                LEFT JOIN metrics m ON m.article_id = a.id
                WHERE s.story_id = ? ORDER BY outlet, a.published, a.id""",
            [int(story_id)]).df()


def article_texts(db, ids: Sequence[str]) -> pd.DataFrame:
    """The stored text and metadata of the articles ``ids`` (``id``, ``text``, ``title``,
    ``outlet``, ``published``, ``url``), in the order given."""
    with _connected(db) as con:
        frame = con.execute(
            """SELECT id, text, title, outlet, published::VARCHAR AS published, url
               FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))""", [list(ids)]).df()
    order = {article_id: i for i, article_id in enumerate(ids)}
    return frame.sort_values("id", key=lambda s: s.map(order)).reset_index(drop=True)


def stored_lexicons(db, ids: Sequence[str]) -> tuple:
    """The extra lexicons (``LexiconText``, in order) that the articles ``ids`` were analyzed
    with, as the store keeps them: those of the run that analyzed most of them. Empty for the
    shipped lexicons alone, and for a store made before stores kept them."""
    with _connected(db) as con:
        return store_lexicons(con).get(lexicon_fingerprint(con, ids), ())


def store_lexicons(db) -> dict[str, tuple]:
    """The extra lexicons the store keeps, by lexicon fingerprint (``LexiconText``, in
    order); the shipped lexicons alone have none."""
    from ..lexicon import LexiconText

    kept: dict[str, tuple] = {}
    with _connected(db) as con:
        if _has_table(con, "lexicons"):
            for fingerprint, name, text in con.execute(
                    "SELECT lexicon_fingerprint, name, text FROM lexicons "
                    "ORDER BY lexicon_fingerprint, position").fetchall():
                kept[fingerprint] = (*kept.get(fingerprint, ()), LexiconText(name, text))
    return kept


def lexicon_fingerprint(db, ids: Sequence[str]) -> str:
    """The lexicon fingerprint of the run that analyzed most of the articles ``ids`` ("" when
    none is analyzed)."""
    with _connected(db) as con:
        row = con.execute(
            """SELECT r.lexicon_fingerprint, count(*) AS n FROM metrics m
               JOIN runs r ON r.id = m.run_id
               WHERE m.article_id IN (SELECT unnest(?::VARCHAR[]))
               GROUP BY 1 ORDER BY n DESC, 1 LIMIT 1""", [list(ids)]).fetchone()
    return row[0] if row else ""


def pick_articles(articles: pd.DataFrame, most: int = 4) -> list[str]:
    """Up to ``most`` article ids of a story to compare first: one per outlet (originals
    before wire copies), then the rest."""
    ordered = articles.assign(copy=articles["duplicate_of"].notna()).sort_values(
        ["copy", "outlet", "published", "id"], kind="stable")
    first = ordered.drop_duplicates("outlet")
    rest = ordered[~ordered["id"].isin(first["id"])]
    return list(pd.concat([first, rest])["id"][:most])


# --------------------------------------------------------------------------- trends


def _metric_sql(con, metric: str) -> str:
    from .outlets import metric_columns

    if metric not in metric_columns(con):
        raise ExploreError(f"unknown metric {metric!r}")
    return 'm."' + metric.replace('"', '""') + '"'


def monthly_means(db, metric: str) -> pd.DataFrame:
    """The mean of ``metric`` per outlet and publication month (dated, analyzed originals):
    ``outlet``, ``month`` (the month's first day), ``articles``, ``mean``."""
    with _connected(db) as con:
        column = _metric_sql(con, metric)
        return con.execute(
            f"""SELECT {OUTLET_SQL} AS outlet, date_trunc('month', a.published) AS month,
                       count({column}) AS articles, avg({column}) AS mean
                FROM metrics m JOIN articles a ON a.id = m.article_id
                WHERE a.duplicate_of IS NULL AND a.published IS NOT NULL
                GROUP BY ALL ORDER BY outlet, month""").df()


# --------------------------------------------------------------------------- sentences


@dataclass(frozen=True)
class SentenceFilter:
    """The explorer's filters; an empty one lets everything through. ``search`` is a
    case-insensitive substring of the sentence."""

    outlets: tuple[str, ...] = ()
    stories: tuple[int, ...] = ()
    voices: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    frames: tuple[str, ...] = ()
    search: str = ""

    def where(self) -> tuple[str, list]:
        """The SQL condition on ``sentences s JOIN articles a`` and its parameters."""
        parts, params = ["TRUE"], []

        def member(expression: str, values) -> None:
            if values:
                parts.append(f"{expression} IN (SELECT unnest(?))")
                params.append(list(values))

        member(OUTLET_SQL, self.outlets)
        member("s.voice", self.voices)
        member("s.label", self.labels)
        member("coalesce(s.frame, '')", self.frames)
        if self.stories:
            parts.append("s.article_id IN (SELECT article_id FROM stories "
                         "WHERE story_id IN (SELECT unnest(?)))")
            params.append([int(x) for x in self.stories])
        if self.categories:
            parts.append("EXISTS (SELECT 1 FROM terms t WHERE t.article_id = s.article_id "
                         "AND t.sentence_index = s.sentence_index "
                         "AND t.category IN (SELECT unnest(?)))")
            params.append(list(self.categories))
        if self.search.strip():
            parts.append("contains(lower(s.text), ?)")
            params.append(self.search.strip().lower())
        return " AND ".join(parts), params


FILTER_COLUMNS = ("voices", "labels", "categories", "frames")


def filter_options(db) -> dict[str, list[str]]:
    """The values each explorer filter can take in this store: ``outlets``, ``voices``,
    ``labels``, ``categories`` (term categories) and ``frames``."""
    with _connected(db) as con:
        def distinct(sql: str) -> list[str]:
            return [row[0] for row in con.execute(sql).fetchall() if row[0]]

        return {
            "outlets": distinct(f"SELECT DISTINCT {OUTLET_SQL} FROM articles a ORDER BY 1"),
            "voices": distinct("SELECT DISTINCT voice FROM sentences ORDER BY 1"),
            "labels": distinct("SELECT DISTINCT label FROM sentences ORDER BY 1"),
            "categories": distinct("SELECT DISTINCT category FROM terms ORDER BY 1"),
            "frames": distinct("SELECT DISTINCT frame FROM sentences ORDER BY 1"),
        }


def _sentences_sql(where: str, has_stories: bool) -> str:
    story = "(SELECT min(story_id) FROM stories st WHERE st.article_id = s.article_id)" \
        if has_stories else "NULL::INTEGER"
    return f"""SELECT {OUTLET_SQL} AS outlet, a.published, {story} AS story_id, a.title,
                      s.sentence_index, s.voice, s.speaker, s.label, s.opinion_score, s.frame,
                      s.text, s.article_id
               FROM sentences s JOIN articles a ON a.id = s.article_id
               WHERE {where}"""


def count_sentences(db, where: SentenceFilter = SentenceFilter()) -> int:
    """How many of the store's sentences pass the filter (one ``count(*)``)."""
    condition, params = where.where()
    with _connected(db) as con:
        return con.execute("SELECT count(*) FROM sentences s JOIN articles a "
                           f"ON a.id = s.article_id WHERE {condition}", params).fetchone()[0]


def sentence_page(db, where: SentenceFilter = SentenceFilter(), page: int = 1,
                  page_size: int = PAGE_SIZE) -> pd.DataFrame:
    """Page ``page`` (from 1) of the sentences that pass the filter, ``page_size`` rows, in
    article and sentence order: ``outlet``, ``published``, ``story_id``, ``title``,
    ``sentence_index``, ``voice``, ``speaker``, ``label``, ``opinion_score``, ``frame``,
    ``text``, ``article_id``."""
    condition, params = where.where()
    offset = (max(1, int(page)) - 1) * int(page_size)
    with _connected(db) as con:
        # The page's keys first (the filter and the ordering need few columns), then the
        # shown columns and story of those rows only: a page of millions of sentences.
        sql = _sentences_sql(
            "(s.article_id, s.sentence_index) IN (SELECT (s.article_id, s.sentence_index) "
            "FROM sentences s JOIN articles a ON a.id = s.article_id "
            f"WHERE {condition} ORDER BY s.article_id, s.sentence_index "
            f"LIMIT {int(page_size)} OFFSET {offset})", _has_table(con, "stories"))
        return con.execute(f"{sql} ORDER BY s.article_id, s.sentence_index", params).df()


def filtered_sentences(db, where: SentenceFilter = SentenceFilter(),
                       limit: int = EXPORT_ROWS) -> pd.DataFrame:
    """The sentences that pass the filter, at most ``limit`` of them (for a download)."""
    return sentence_page(db, where, 1, limit)


# --------------------------------------------------------------------------- downloads


def table_frame(db, name: str) -> pd.DataFrame:
    """A whole table for download: ``articles`` (without the texts), ``metrics`` (with each
    article's outlet, title and date) or ``stories`` (with outlet, title and date)."""
    with _connected(db) as con:
        if name == "articles":
            return con.execute("SELECT * EXCLUDE (text) FROM articles ORDER BY id").df()
        if name == "metrics":
            return con.execute("SELECT * FROM metrics ORDER BY article_id").df()
        if name == "stories":
            if not _has_table(con, "stories"):
                return pd.DataFrame(columns=["story_id", "article_id", "similarity", "label"])
            return con.execute(
                f"""SELECT s.*, {OUTLET_SQL} AS outlet, a.title AS title,
                           a.published FROM stories s JOIN articles a ON a.id = s.article_id
                    ORDER BY s.story_id, s.article_id""").df()
    raise ExploreError(f"no table {name!r} to download; choose one of {', '.join(DOWNLOADS)}")


def to_parquet_bytes(frame: pd.DataFrame) -> bytes:
    """A table as Parquet bytes (types kept, unlike CSV)."""
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()


# --------------------------------------------------------------------------- building stores


Progress = Callable[[str, float], None]


def build_store(store: str | Path, sources: Sequence[str | Path], analyzer=None,
                progress: Progress | None = None) -> Path:
    """Add ``sources`` to a new store, analyze it and group its stories, all under a
    temporary name renamed into place at the end: ``store`` exists only when complete.

    ``progress`` is called with a message and the fraction done (0..1).
    """
    from . import Corpus
    from .stories import build_stories

    store = Path(store)
    tell = progress or (lambda message, fraction: None)
    work = store.with_name(f".{store.stem}.{os.getpid()}.{id(store)}.duckdb")
    for leftover in (work, Path(f"{work}.wal"), Path(f"{work}.lock")):
        leftover.unlink(missing_ok=True)
    try:
        tell("Adding the articles…", 0.0)
        Corpus(work).add([str(s) for s in sources], report=lambda message: None)

        def analyzed(total: int, done: int, failed: int) -> None:
            tell(f"Analyzing: {done + failed} of {total} articles…",
                 0.05 + 0.85 * (done + failed) / max(total, 1))

        Corpus(work).analyze(analyzer=analyzer, progress=analyzed)
        tell("Finding the stories…", 0.92)
        build_stories(work)
        os.replace(work, store)
        tell("Ready.", 1.0)
    finally:
        for leftover in (work, Path(f"{work}.wal"), Path(f"{work}.lock")):
            leftover.unlink(missing_ok=True)
    return store


def example_analyzer(analyzer):
    """``analyzer`` with the example corpus's names added to its lexicons (its towns and clubs
    are places and organizations, not people): what the example store is analyzed with."""
    from ..lexicon import LexiconText

    text = example_names()
    return analyzer.with_lexicons([*analyzer.lexicon_files,
                                   LexiconText(EXAMPLE_NAMES.name, text)]) if text else analyzer


def example_key(analyzer) -> str:
    """What the example store depends on: the example texts and names, the model and lexicon
    fingerprints (which cover the analysis code), the corpus code that groups the stories and
    the store schema."""
    from .run import fingerprints

    digest = hashlib.sha256(str(SCHEMA_VERSION).encode())
    for part in (*fingerprints(analyzer), example_names()):
        digest.update(part.encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    for path in sorted(EXAMPLE_DIR.glob("*.txt")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def example_names() -> str:
    """The example corpus's lexicon of names, as text ("" when it is missing): the app analyzes
    the example with it added to the lexicons."""
    try:
        return EXAMPLE_NAMES.read_text(encoding="utf-8")
    except OSError:
        return ""


def example_store_path(analyzer, folder: str | Path | None = None) -> Path:
    """Where the example store for this model and these lexicons lives:
    ``$FRAMING_CACHE_DIR`` (else ``~/.cache/framing``, else the temporary folder)."""
    from ..classify import cache_dir

    base = Path(folder) if folder else cache_dir() or Path(tempfile.gettempdir())
    return base / f"example_corpus-{example_key(analyzer)}.duckdb"


def example_store(analyzer, folder: str | Path | None = None,
                  progress: Progress | None = None) -> Path:
    """The example store (``corpus/example_corpus/*.txt`` added, analyzed with the example's
    names by ``analyzer`` and grouped into stories), built at first use and again whenever the
    model, lexicons or names change; older example stores in the folder are removed."""
    path = example_store_path(analyzer, folder)
    if path.exists():
        return path
    sources = sorted(EXAMPLE_DIR.glob("*.txt"))
    if not sources:
        raise ExploreError(f"{EXAMPLE_DIR}: the example corpus is missing")
    build_store(path, sources, example_analyzer(analyzer), progress)
    for old in path.parent.glob("example_corpus-*.duckdb*"):
        if old.name != path.name and not old.name.startswith(path.name):
            old.unlink(missing_ok=True)
    return path


def table_store(table: str | Path, folder: str | Path, analyzer=None,
                progress: Progress | None = None, name: str = "") -> Path:
    """A store made from one table file (CSV, TSV, JSON, JSONL or Parquet with a text column,
    or a web archive of pages), in ``folder``, keyed by the table's content so the same upload
    is analyzed once.

    Raises ``ExploreError`` in the words of the person who gave the table, never naming a
    path on the server: a table without a text column (naming the columns found), a table
    without rows, a table none of whose rows could be analyzed (how many for each reason, and
    the first rows). ``name`` is the file name to say (default: the table's own).
    """
    from ..filetypes import is_warc
    from .sources import Columns, SourceError, table_columns

    table = Path(table)
    label = name or table.name
    archive = is_warc(str(table))
    try:
        if not archive:  # a web archive's pages are read as fetched pages are
            table_columns(str(table), Columns(),
                          advice="rename the column that holds the articles' text to text")
    except SourceError as error:
        raise ExploreError(str(error).replace(str(table), label)) from None
    digest = hashlib.sha256(table.read_bytes()).hexdigest()[:16]
    store = Path(folder) / f"table-{digest}{_lexicons_key(analyzer)}.duckdb"
    if store.exists():
        try:
            if store_status(store).analyzed:
                return store
        except StoreError:
            pass
        store.unlink()
    try:
        build_store(store, [table], analyzer, progress)
    except StoreError:
        raise ExploreError(f"{label}: the server could not store the table's articles; "
                           "try again later") from None
    status = store_status(store)
    if status.analyzed == 0:
        skipped = skipped_rows(store)
        for leftover in (store, Path(f"{store}.wal")):
            leftover.unlink(missing_ok=True)  # nothing to show: no use keeping it
        # a web archive's own failure (no archive, an empty one) is the file's, not a page's
        whole = [reason for where, reason in skipped.rows if archive and where == "input"]
        if archive:
            skipped = dataclasses.replace(skipped, unit="page")
        raise ExploreError(f"{label}: {whole[0] if whole else skipped.message()}")
    return store


def _lexicons_key(analyzer) -> str:
    """What a table's store name adds for an Analyzer's extra lexicons: "-" and a digest of
    their names and contents, or "" with the shipped lexicons only (the same table analyzed
    with another lexicon is another store)."""
    from ..lexicon import lexicons_digest

    extra = getattr(analyzer, "lexicon_files", ())
    return "-" + lexicons_digest(extra)[:16] if extra else ""


# --------------------------------------------------------------------------- uploads


@dataclass(frozen=True)
class SkippedRows:
    """The rows of a table that its store left out, and why: ``rows`` are (where, reason)
    pairs in table order, such as ("row 3", "not English"); ``analyzed`` rows were kept.
    ``unit`` is "page" for a web archive's pages (where is then the page's address)."""

    analyzed: int
    rows: tuple[tuple[str, str], ...]
    unit: str = "row"

    def counts(self) -> str:
        """How many rows for each reason, the commonest first: "2 not English, 1 empty
        text"."""
        tally: dict[str, int] = {}
        for _, reason in self.rows:
            tally[reason] = tally.get(reason, 0) + 1
        return ", ".join(f"{n} {reason}" for reason, n in
                         sorted(tally.items(), key=lambda item: -item[1]))

    def named(self, most: int = ROWS_NAMED) -> str:
        """The first rows and their reasons: "row 1 not English, row 3 empty text and 4
        more"."""
        shown = ", ".join(f"{where} {reason}" for where, reason in self.rows[:most])
        more = len(self.rows) - most
        return shown + (f" and {more} more" if more > 0 else "")

    def message(self) -> str:
        """What happened to the table, for the person who gave it ("" when nothing was left
        out)."""
        total = self.analyzed + len(self.rows)
        whole = "the web archive's" if self.unit == "page" else "the table's"
        if total == 0:
            return NO_PAGES if self.unit == "page" else EMPTY_TABLE
        if not self.rows:
            return ""
        if self.analyzed == 0:
            return (f"none of its {total} {self.unit}{'s' if total != 1 else ''} could be "
                    f"analyzed ({self.counts()}): {self.named()}")
        return (f"{len(self.rows)} of {whole} {total} {self.unit}s "
                f"{'was' if len(self.rows) == 1 else 'were'} left out ({self.counts()}): "
                f"{self.named()}")


NO_PAGES = "the web archive holds no web page (HTML with status 200)"
_ROW = re.compile(r"#(row|line|offset)=(\d+)$")
_ADDRESS = re.compile(r"^(https?://\S+?): ")


def _short_reason(reason: str) -> str:
    """A skip's reason in a few words: "not English", "empty text", "not valid JSON"."""
    reason = _ADDRESS.sub("", reason)
    if "not English" in reason:
        return "not English"
    if reason.startswith("empty ") or "no words" in reason:
        return "empty text"
    if re.search(r"cell is \w+, not text", reason):
        return "no text in the text cell"
    if reason.startswith(("no article found", "no article text found")):
        return "not an article page"
    first = re.split(r";| \(", reason, maxsplit=1)[0].strip()
    return first if len(first) <= 60 else first[:59] + "…"


def skipped_rows(db) -> SkippedRows:
    """The rows of the table a store was made from that it left out (``skipped``), with the
    reasons in a few words, and how many rows were analyzed. A web archive's pages are
    named by their address (by where they begin in the file when it is not known)."""
    with _connected(db) as con:
        skips = con.execute(
            "SELECT s.source, s.reason, a.url FROM skipped s "
            "LEFT JOIN articles a ON a.source = s.source").fetchall()
        analyzed = con.execute(
            "SELECT count(*) FROM metrics m JOIN articles a ON a.id = m.article_id"
        ).fetchone()[0]
        pages = con.execute(
            "SELECT count(*) FROM articles WHERE source LIKE '%#offset=%'").fetchone()[0]
    rows = []
    for source, reason, url in skips:
        if reason == EMPTY_TABLE:
            continue  # the table as a whole, not a row of it
        found = _ROW.search(source or "")
        where, number = (found.group(1), int(found.group(2))) if found else ("input", 0)
        if where == "offset":
            address = _ADDRESS.match(reason or "")
            where = url or (address.group(1) if address else f"the record at byte {number}")
            pages += 1
        elif found:
            where = f"{where} {number}"
        rows.append((number, where,
                     _short_reason(message_for(Exception(reason or ""), source or ""))))
    rows.sort()
    return SkippedRows(analyzed, tuple((where, reason) for _, where, reason in rows),
                       "page" if pages else "row")


def upload_store(data: bytes, name: str, folder: str | Path, analyzer=None,
                 progress: Progress | None = None) -> Path:
    """The analyzed store of an uploaded table (``data``, the file ``name``), kept in
    ``folder`` by its content: the table is saved in ``folder/<digest>/``, its store is
    ``folder/table-<digest>.duckdb``. Using an upload marks it as recently used; saving a
    new one removes the least recently used past ``UPLOADS_KEPT`` or ``UPLOAD_BYTES``
    (``prune_uploads``). Raises ``ExploreError`` in the visitor's words (``table_store``)."""
    folder = Path(folder)
    kind = upload_kind(name)
    digest = hashlib.sha256(data).hexdigest()[:16]
    saved = folder / digest
    # a name of the server's own: the visitor's may be long or odd, and is only said; a
    # gzipped upload is kept unpacked
    table = saved / f"table{kind}"
    fresh = not table.exists()
    try:
        saved.mkdir(parents=True, exist_ok=True)
        if fresh:
            part = saved / f".{table.name}.{os.getpid()}.part"
            try:
                if name.lower().endswith(".gz"):
                    _unpack(data, part, name)
                else:
                    part.write_bytes(data)
                os.replace(part, table)
            finally:
                part.unlink(missing_ok=True)
        os.utime(saved)  # recently used: pruned last
    except OSError as error:
        raise ExploreError(f"{name}: the server could not keep the upload "
                           f"({os_reason(error)}); try again later") from None
    try:
        return table_store(table, folder, analyzer, progress, name=name)
    finally:
        if fresh:
            prune_uploads(folder, UPLOADS_KEPT, UPLOAD_BYTES, in_use=[digest])


def upload_kind(name: str) -> str:
    """The suffix an upload is kept under, by its name: ".csv" for a.csv and a.csv.gz,
    ".warc" for a.warc and a.warc.gz. Raises ``ExploreError`` for any other name."""
    from ..filetypes import is_warc, table_suffix

    lowered = name.lower()
    if is_warc(lowered):
        return ".warc"
    suffix = table_suffix(lowered)
    if not suffix:
        raise ExploreError(f"{name}: not a table or web archive; upload {UPLOAD_KINDS}")
    return suffix


def _unpack(data: bytes, path: Path, name: str) -> None:
    """Write the gzipped upload ``data`` unpacked to ``path``, up to ``UNPACKED_BYTES``."""
    written = 0
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as packed, open(path, "wb") as out:
            while chunk := packed.read(2**20):
                written += len(chunk)
                if written > UNPACKED_BYTES:
                    raise ExploreError(
                        f"{name}: unpacks to more than {UNPACKED_BYTES // 2**20} MB; upload "
                        "a smaller part")  # (the visitor's words: no command line here)
                out.write(chunk)
    except (EOFError, gzip.BadGzipFile, zlib.error) as error:
        raise ExploreError(f"{name}: not a readable gzip file ({_gzip_reason(error)})") from None


def _gzip_reason(error: Exception) -> str:
    """Why gzip could not unpack a file, in a few words: "it is cut short", "not a gzipped
    file", "damaged"."""
    if isinstance(error, EOFError):
        return "it is cut short"
    said = re.split(r"[:(]", str(error))[0].strip() if isinstance(error, gzip.BadGzipFile) else ""
    return said[:1].lower() + said[1:] if said else "damaged"


# an upload's saved table (its digest) and its stores (the digest, then perhaps a lexicon's)
_UNIT = re.compile(r"^(?:table-)?([0-9a-f]{16})(?:-[0-9a-f]{16})?(?:\.duckdb(?:\.wal|\.lock)?)?$")


def prune_uploads(folder: str | Path, keep: int = UPLOADS_KEPT,
                  max_bytes: int = UPLOAD_BYTES, in_use: Iterable[str] = ()) -> list[str]:
    """Remove the least recently used uploads of ``folder`` (each one's saved table and its
    store) beyond the ``keep`` most recent or ``max_bytes`` in all, and stores left half
    built by a crash; never the uploads ``in_use`` (their digests). Returns the digests
    removed."""
    folder = Path(folder)
    units: dict[str, list[Path]] = {}
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    now = time.time()
    for entry in entries:
        found = _UNIT.match(entry.name)
        if found:
            units.setdefault(found.group(1), []).append(entry)
        elif entry.name.startswith(".table-") and _age(entry, now) > STALE_WORK_SECONDS:
            _remove(entry)
    protected = [d for d in units if d in set(in_use)]
    kept = len(protected)  # they count toward the limits, and are kept whatever they hold
    kept_bytes = sum(_size(p) for d in protected for p in units[d])
    removed = []
    others = [d for d in units if d not in protected]
    for digest in sorted(others, key=lambda d: max(_mtime(p) for p in units[d]), reverse=True):
        size = sum(_size(p) for p in units[digest])
        if kept < keep and kept_bytes + size <= max_bytes:
            kept += 1
            kept_bytes += size
            continue
        for path in units[digest]:
            _remove(path)
        removed.append(digest)
    return removed


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _age(path: Path, now: float) -> float:
    return now - _mtime(path)


def _size(path: Path) -> int:
    """Bytes of a file, or of a folder's files."""
    try:
        if path.is_dir():
            return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        return path.stat().st_size
    except OSError:
        return 0


def _remove(path: Path) -> None:
    """Remove a file or a folder; one another session removed first is no error."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
