"""Where articles come from: files, folders, URLs, tables (CSV, TSV, JSONL, JSON, Parquet;
the text ones also gzipped), web archives (WARC, in ``warc``) and RSS/Atom feeds, each turned
into ``Record``s (or a ``Skip`` with the reason).

Every record goes through ``framing.ingest`` (``load_article`` for files and URLs,
``article_from_text`` for table cells), so a text is read exactly as ``analyze`` reads it.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import gzip
import hashlib
import itertools
import json
import re
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import FramingError, message_for
from ..filetypes import (
    GZIP_SUFFIX,
    TABLE_SUFFIXES,
    csv_problem,
    is_table,
    is_warc,
    read_long_cells,
    table_suffix,
)

JSON_ROWS_SHOWN = 50  # objects of a JSON table whose keys are its columns
# Column names looked for (case-insensitive, in this order) when not set with --*-column.
COLUMN_NAMES = {
    "text": ("text", "content", "body", "article", "full_text"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "source", "media_name", "publisher", "domain"),
    "published": ("published", "date", "publish_date", "published_at", "pubdate", "seendate"),
    "url": ("url", "link", "source_url"),
}


class SourceError(FramingError):
    """An input that cannot be read at all: a table without a text column, a corrupt table
    file, a feed that is not a feed."""


class FeedFetchError(SourceError):
    """A feed address that could not be fetched (unreachable, an HTTP error, refused): like
    any page that fails, skipped and recorded, and the other inputs are added."""


# marks that show nothing: zero-width space, word joiner, byte-order mark, soft hyphen, and the
# marks that set the direction of text (not the joiners that shape a script's letters)
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Record:
    """One article ready for the store."""

    source: str
    text: str
    title: str = ""
    outlet: str = ""
    published: dt.date | None = None
    url: str = ""
    undated: str = ""  # a published value given that is no date (the record keeps no date)
    # what is told of the record's cells, not stored: "the 'outlet' cell is a list, not text;
    # left empty"
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # "Daily  News", " Daily News\t", "Daily\u200bNews": one outlet, as "Daily News"
        # (whitespace or an invisible mark alone that differs split an outlet in two, which
        # looked the same in every table); and "Café" with its é as one character (NFC) or as
        # e and a combining accent (NFD, as files saved on a Mac often have it): one outlet
        outlet = " ".join(_INVISIBLE.sub("", self.outlet).split())
        object.__setattr__(self, "outlet", unicodedata.normalize("NFC", outlet))
        object.__setattr__(self, "title", unicodedata.normalize("NFC", self.title))

    @property
    def id(self) -> str:
        return text_id(self.text)

    @property
    def copy_id(self) -> str:
        """The id of the same text from another outlet than the one stored under ``id``
        (a wire story run word for word by two papers): the outlet's name and the text's."""
        return text_id(f"{self.outlet}\x00{self.text}")


@dataclass(frozen=True)
class Skip:
    """An input left out, and why."""

    source: str
    reason: str


@dataclass(frozen=True)
class Note:
    """A line for the user about an input (not an article, not a skip): told, not stored."""

    message: str


@dataclass(frozen=True)
class Columns:
    """Column names set by the user (``--text-column`` and the like); empty: found by name."""

    text: str = ""
    title: str = ""
    outlet: str = ""
    published: str = ""
    url: str = ""


@dataclass
class Plan:
    """The inputs of one ``corpus add``, checked before anything is written."""

    files: list[str] = field(default_factory=list)   # article files and URLs
    tables: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # path, columns
    warcs: list[str] = field(default_factory=list)   # web archives
    feeds: list[tuple[str, object]] = field(default_factory=list)  # url, parsed feed
    skipped: list[Skip] = field(default_factory=list)

    def size(self) -> int | None:
        """How many records and skips ``records`` gives, for a progress bar's total (each
        table and web archive read once to count its rows or pages), or None when a web
        archive cannot be read through."""
        from .warc import warc_size

        pages = [warc_size(path) for path in self.warcs]
        if None in pages:
            return None
        return (len(self.skipped) + len(self.files) + sum(table_size(t) for t, _ in self.tables)
                + sum(pages) + sum(len(parsed.entries) for _, parsed in self.feeds))


def normalize(text: str) -> str:
    """The text as compared for identity: NFKC, lower case, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def text_id(text: str) -> str:
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()[:16]


def parse_date(value) -> dt.date | None:
    """A date from a datetime or a date, or from text: ISO 8601, RFC 2822, GDELT's
    YYYYMMDDhhmmss, seconds or milliseconds since 1970 (9 to 10 digits, 12 to 13), and the
    forms people write ("May 15, 2024", "15 May 2024", "2024/05/15",
    "15.05.2024"; numbers with slashes are read month first, "05/06/2024" as May 6, as
    python-dateutil reads them). Text without a year, a month and a day ("May 2024",
    "yesterday") is no date: None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # (a column of numbers read with a gap: 1717000000.0)
    text = str(value).strip()
    stamp = re.fullmatch(r"(\d{9,10})(?:\.\d+)?|(\d{12,13})", text)
    if stamp:  # seconds or milliseconds since 1970, UTC (pandas' to_json writes dates so)
        seconds = int(stamp[1]) if stamp[1] else int(stamp[2]) // 1000
        return dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date()
    if re.fullmatch(r"\d{14}", text):  # GDELT's YYYYMMDDhhmmss
        text = f"{text[:4]}-{text[4:6]}-{text[6:8]}"
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    return _written_date(text)


def _written_date(text: str) -> dt.date | None:
    """A date as people write it, read by python-dateutil, only when the text gives the year,
    the month and the day (dateutil fills what is missing from a default: read with two
    defaults, a part that differs was not in the text)."""
    if len(text) > 80 or not re.search(r"\d", text) or re.match(r"[-\u2212]+\s*\d", text):
        return None  # (python-dateutil reads "-2024-01-01", a year before the common era, so)
    import warnings

    from dateutil import parser

    readings = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # time zones it does not know ("EDT") do not matter
        for default in (dt.datetime(2001, 1, 1), dt.datetime(2002, 2, 2)):
            try:
                readings.append(parser.parse(text, default=default).date())
            except (ValueError, OverflowError, TypeError):
                return None
    return readings[0] if readings[0] == readings[1] else None


_NO_VALUE = frozenset({"", "n/a", "na", "nan", "nat", "none", "null", "-", "–", "—", "unknown"})


# The dates a published value may give: a year 1 or 9999 is a placeholder (or a typing slip),
# and as an original's date it would make a real article a copy of it
FIRST_YEAR = 1800


# The first day of 1970, where a clock at zero lands (a date left unset, a timestamp of 0);
# the last day of 1969 is that instant west of Greenwich, written with its time zone
EPOCH = dt.date(1970, 1, 1)


def _epoch(value, date: dt.date) -> bool:
    if date == EPOCH:
        return True
    if date != EPOCH - dt.timedelta(days=1):
        return False
    if not isinstance(value, dt.datetime):
        try:
            value = dt.datetime.fromisoformat(str(value).strip())
        except ValueError:
            return False
    return value.tzinfo is not None and value.timestamp() == 0


def no_date_reason(value: str) -> str:
    """Why a published value was stored as no date, as ``add`` says it."""
    date = parse_date(value)
    if date is not None and _epoch(value, date):
        return ("is the day a clock at zero gives (1 January 1970), which systems write when "
                "they have no date")
    return f"is not a date (a year, a month and a day, from {FIRST_YEAR} to next year)"


def read_published(value) -> tuple[dt.date | None, str]:
    """A published value read once: its date (or None), and "" when it is a date or says
    there is none ("", "n/a", "null" …), else the value as a message shows it (cut to 40
    characters). A date before ``FIRST_YEAR`` or after next year is no date, and so is
    1 January 1970, where a clock at zero lands."""
    date = parse_date(value)
    if date is not None and (not FIRST_YEAR <= date.year <= dt.date.today().year + 1
                             or _epoch(value, date)):
        date, value = None, str(value) if not isinstance(value, dt.date) else value.isoformat()
    if date is not None or value is None or (isinstance(value, float) and value != value) \
            or str(value).strip().casefold() in _NO_VALUE:
        return date, ""
    text = " ".join(str(value).split())
    return None, text if len(text) <= 40 else f"{text[:39]}…"


# --------------------------------------------------------------------------- planning


def plan(sources: list[str], feeds: list[str], columns: Columns,
         allow_private_hosts: bool = False, fetch_urls: bool = False) -> Plan:
    """Expand folders, open every table's header and fetch every feed, so a table without
    a text column or a feed that is not a feed stops the command before anything is written.
    A feed that cannot be fetched is skipped, as a page that cannot be is. With
    ``fetch_urls``, a table of URLs without a text column is read by fetching each page."""
    from ..errors import os_reason, shown_path
    from ..ingest import expand_folders
    from .store import check_path

    result = Plan()
    for source in sources:
        path = Path(source)
        if "://" not in source:
            try:
                check_path(path, SourceError)
            except SourceError as error:  # (a table too: an unreadable input is skipped)
                shown = shown_path(source)
                result.skipped.append(Skip(shown, message_for(error, shown)))
                continue
        if "://" not in source and path.is_dir():
            found, unread = expand_folders([source])
            result.skipped.extend(Skip(folder, why) for folder, why in unread)
            result.files.extend(found)
        elif is_warc(source):
            result.warcs.append(source)
        elif is_table(source):
            if not path.is_file():
                raise SourceError(f"{source}: no such file")
            try:
                path.open("rb").close()
            except OSError as error:  # unreadable, as a file is skipped; its columns are
                result.skipped.append(Skip(shown_path(source), "cannot read the file "
                                           f"({os_reason(error)})"))  # checked otherwise
                continue
            result.tables.append((source, table_columns(source, columns, fetch_urls)))
        else:
            result.files.append(source)
    for url in feeds:
        try:
            result.feeds.append((url, read_feed(url, allow_private_hosts)))
        except FeedFetchError as error:
            result.skipped.append(Skip(url, message_for(error, url)))
    return result


def _header(path: str) -> list[str]:
    suffix = table_suffix(path)
    if suffix == ".json":
        return _json_header(path)
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        try:
            return list(pq.ParquetFile(path).schema_arrow.names)
        except Exception as error:  # pyarrow raises several types for a damaged file
            raise SourceError(f"{path}: not a readable Parquet file ({_one_line(error)})"
                              ) from None
    if suffix in (".jsonl", ".ndjson"):
        names: dict[str, None] = {}
        undecoded: list[bool] = []  # each non-blank line of the first ones: not UTF-8?
        with _open_text(path) as fh:
            for number, line in enumerate(fh, 1):
                if number > JSON_ROWS_SHOWN:
                    break
                if not line.strip():
                    continue
                undecoded.append(_UNDECODED.search(line) is not None)
                try:
                    row = json.loads(line)
                except (ValueError, RecursionError):  # (a line nested thousands deep)
                    continue
                if isinstance(row, dict):
                    names.update(dict.fromkeys(row))
        if not undecoded:
            raise SourceError(f"{path}: the file is empty (no rows)")
        _check_encoding(path, undecoded)
        return list(names)
    with _open_text(path) as fh:
        reader = csv.reader(fh, delimiter=TABLE_SUFFIXES[suffix])
        try:
            header = next(reader, None)
        except csv.Error as error:
            raise SourceError(f"{path}: not a readable table ({error})") from None
        if header is None:
            raise SourceError(f"{path}: the file is empty (no header, no rows)")
        undecoded = [any(_UNDECODED.search(cell) for cell in header)]
        try:  # the first rows, to tell a table in another encoding from one bad row
            for row in itertools.islice(reader, JSON_ROWS_SHOWN):
                undecoded.append(any(_UNDECODED.search(cell) for cell in row))
        except (csv.Error, *GZIP_ERRORS):  # (told at its row when the table is read: a bad
            pass                             # quotation mark, a gzipped table cut short)
    _check_encoding(path, undecoded)
    return header


# A byte that is not UTF-8, as a table read with errors="surrogateescape" keeps it (a lone
# surrogate: no UTF-8 text decodes to one)
_UNDECODED = re.compile("[\udc80-\udcff]")


def _check_encoding(path: str, undecoded: list[bool]) -> None:
    """Refuse a table in another encoding than UTF-8 (Latin-1, UTF-16): its first line (a
    CSV's header), or most of its first lines, are not UTF-8. A line here and there that is
    not (one row pasted from elsewhere) is skipped and named when the rows are read."""
    if undecoded[0] or 2 * sum(undecoded) > len(undecoded):
        raise SourceError(f"{path}: not UTF-8 text; save the table as UTF-8")


def _json_header(path: str) -> list[str]:
    """The keys of the first objects of a .json table (a list of objects, or an object
    holding one under a key)."""
    import ijson

    prefix = json_list(path)
    names: dict[str, None] = {}
    with _open_json(path) as fh:
        try:
            for row in itertools.islice(ijson.items(_json_events(fh), prefix),
                                        JSON_ROWS_SHOWN):
                if isinstance(row, dict):
                    names.update(dict.fromkeys(row))
        except (ijson.JSONError, _TooDeep) as error:  # after objects read: told at its row,
            if not names:                             # as added
                raise SourceError(f"{path}: {_json_error(error)}") from None
    if not names:
        raise SourceError(f"{path}: the list holds no objects (no rows)")
    return list(names)


def json_list(path: str) -> str:
    """Where a .json table's articles are, as an ijson prefix: "item" for a list of objects,
    "KEY.item" for an object holding one under KEY (the first key that does, as
    {"status": "ok", "articles": [...]}). Read as a stream: what comes before the list is
    passed over, never held. An object holding no such list but a text field (one article
    saved as JSON) is itself the one row: ""."""
    import ijson

    one_article = False
    with _open_json(path) as fh:
        events = _json_events(fh)
        try:
            _, event, value = next(events)
            if event == "start_array":
                return "item"
            if event != "start_map":
                kind = event if event in ("string", "number", "boolean") else "null"
                raise SourceError(f"{path}: a JSON {kind}, not a list of article objects")
            key = None
            for prefix, event, value in events:
                if prefix == "" and event == "map_key":
                    key = value
                elif prefix == key and event == "string" and \
                        key.lower().strip() in COLUMN_NAMES["text"]:
                    one_article = True  # {"title": …, "text": "…"}: one article's object
                elif prefix == key and event == "start_array" and \
                        next(events)[1] == "start_map":  # the list's first item: an object
                    return "" if one_article else f"{key}.item"
        except StopIteration:
            pass
        except (ijson.JSONError, _TooDeep) as error:
            if _blank(path):
                raise SourceError(f"{path}: the file is empty (no rows)") from None
            raise SourceError(f"{path}: {_json_error(error)}") from None
    if one_article:
        return ""
    raise SourceError(f"{path}: a JSON object with no list of article objects under any "
                      'key; give a list of objects, or an object such as {"articles": [...]}')


# How deep a table's JSON may nest: an article's object holds a list or an object or two; a
# file nested thousands deep is no table (and ijson's paths to such depths fill the memory)
JSON_MAX_DEPTH = 64
_TOO_DEEP = f"nested more than {JSON_MAX_DEPTH} levels deep, no table of articles"


class _TooDeep(ValueError):
    """A .json table nested deeper than JSON_MAX_DEPTH."""


def _json_events(fh):
    """ijson's parse events of a .json table, stopped with _TooDeep past JSON_MAX_DEPTH."""
    import ijson

    def basic():
        depth = 0
        for event, value in ijson.basic_parse(fh, use_float=True):
            if event in ("start_map", "start_array"):
                depth += 1
                if depth > JSON_MAX_DEPTH:
                    raise _TooDeep(_TOO_DEEP)
            elif event in ("end_map", "end_array"):
                depth -= 1
            yield event, value

    return ijson.parse(basic())


def _json_error(error: Exception) -> str:
    """What is wrong with a .json table, in a few words."""
    return _TOO_DEEP if isinstance(error, _TooDeep) else f"not valid JSON ({_one_line(error)})"


def _blank(path: str) -> bool:
    """Whether a file holds nothing but white space."""
    with _open_json(path) as fh:
        while block := fh.read(1 << 16):
            if block.strip():
                return False
    return True


def _open_json(path: str):
    """A .json table's bytes after any UTF-8 byte-order mark (ijson reads bytes)."""
    fh = _open_bytes(path)
    try:
        if fh.read(3) != b"\xef\xbb\xbf":
            fh.seek(0)
    except GZIP_ERRORS as error:
        fh.close()
        raise SourceError(f"{path}: not a readable gzip file ({_one_line(error)})") from None
    return fh


def _open_text(path: str):
    """A table as text, gunzipped on the way when its name ends in .gz; a byte that is not
    UTF-8 is kept as a lone surrogate (``_UNDECODED``), so that its row alone is skipped."""
    try:
        if path.lower().endswith(GZIP_SUFFIX):
            return gzip.open(path, "rt", encoding="utf-8-sig", newline="",
                             errors="surrogateescape")
        return open(path, encoding="utf-8-sig", newline="", errors="surrogateescape")
    except OSError as error:
        raise SourceError(f"{path}: cannot read the file ({error.strerror})") from None


def _open_bytes(path: str):
    """A table's bytes, gunzipped on the way when its name ends in .gz."""
    try:
        if path.lower().endswith(GZIP_SUFFIX):
            return gzip.open(path, "rb")
        return open(path, "rb")
    except OSError as error:
        raise SourceError(f"{path}: cannot read the file ({error.strerror})") from None


# What a damaged gzip file raises when it is read: not gzip at all (OSError), bytes that do
# not inflate (zlib.error), or its end cut off (EOFError).
GZIP_ERRORS = (OSError, EOFError, zlib.error)


def table_columns(path: str, columns: Columns, fetch_urls: bool = False,
                  advice: str = "") -> dict[str, str]:
    """Which column of the table holds each field: set by the user or found by name. A table
    without a text column is refused, unless ``fetch_urls`` and it has a URL column (each
    row's page is fetched then: the result has no "text"); ``advice`` ends the refusal, what
    the reader can do (default: name the column with ``corpus add``'s option or
    ``Corpus.add``'s ``columns``; given, the reader cannot name columns)."""
    try:
        found = _header(path)
    except GZIP_ERRORS as error:
        if isinstance(error, SourceError):
            raise
        raise SourceError(f"{path}: not a readable gzip file ({_one_line(error)})") from None
    by_lower = {name.lower().strip(): name for name in found if name}
    chosen: dict[str, str] = {}
    for key, candidates in COLUMN_NAMES.items():
        wanted = getattr(columns, key)
        if wanted:
            if wanted not in found and wanted.lower().strip() in by_lower:
                wanted = by_lower[wanted.lower().strip()]  # "--text-column Body" for "body"
            if wanted not in found:
                raise SourceError(f"{path}: no column named {wanted!r}; the columns are "
                                  f"{', '.join(found) or '(none)'}")
            chosen[key] = wanted
            continue
        for name in candidates:
            if name in by_lower and by_lower[name] not in chosen.values():
                alike = list(dict.fromkeys(n for n in found if n and n.lower().strip() == name))
                if len(alike) > 1:  # "Text" and "text": which one holds the text?
                    raise SourceError(
                        f"{path}: columns {' and '.join(repr(n) for n in alike)} differ only in "
                        f"case; " + ("rename all but one of them" if advice else
                                     f"name the {key} column with {_naming(key)}"))
                chosen[key] = by_lower[name]
                break
    twice = [name for name in dict.fromkeys(chosen.values()) if found.count(name) > 1]
    if twice:  # (a CSV row keeps the last of them: the text could be another column's)
        raise SourceError(f"{path}: columns named twice in the header: "
                          f"{', '.join(repr(name) for name in twice)}; rename them")
    if "text" not in chosen:
        if fetch_urls and "url" in chosen:
            return chosen
        hint = (f"; or give --fetch-urls (in Python fetch_urls=True) to fetch the page of "
                f"each row's {chosen['url']!r}" if "url" in chosen else "")
        raise SourceError(f"{path}: no text column (looked for {', '.join(COLUMN_NAMES['text'])});"
                          f" the columns are {', '.join(found) or '(none)'}; "
                          + (advice or f"name it with {_naming('text')}{hint}"))
    return chosen


def _naming(key: str) -> str:
    """How a column is named, for the readers of ``corpus add`` and of ``Corpus.add`` both."""
    flag = "date" if key == "published" else key
    return f"--{flag}-column (in Python columns={{'{key}': …}})"


def _one_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


# --------------------------------------------------------------------------- reading


def records(the_plan: Plan, allow_private_hosts: bool = False) -> Iterator[Record | Skip]:
    """Every article of a plan, in order: files and URLs, tables row by row, web archives
    page by page, feed items."""
    from .warc import warc_records

    yield from the_plan.skipped
    for source in the_plan.files:
        yield _from_file(source, allow_private_hosts)
    for path, chosen in the_plan.tables:
        yield from table_records(path, chosen, allow_private_hosts)
    for path in the_plan.warcs:
        yield from warc_records(path)
    for url, parsed in the_plan.feeds:
        yield from feed_records(url, parsed, allow_private_hosts)


def _from_file(source: str, allow_private_hosts: bool, **meta: str) -> Record | Skip:
    from ..ingest import is_url, load_article

    options = {"allow_private_hosts": allow_private_hosts} if is_url(source) else {}
    try:
        article = load_article(source, **meta, **options)
    except FramingError as error:
        return Skip(source, message_for(error, source))
    except OSError as error:  # the file went away or turned unreadable since it was listed
        from ..errors import os_reason

        return Skip(source, f"cannot read the file ({os_reason(error)})")
    published, undated = read_published(article.published)
    return Record(source=source, text=article.text, title=article.title, outlet=article.outlet,
                  published=published, url=article.url, undated=undated)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN
        return ""
    return str(value).strip()


def _not_text(value) -> str:
    """What a cell holds when it is no text to read as a title, an outlet or a date ("a list",
    "an object"), or "": a JSON list or object, a Parquet list, struct or binary cell (each was
    stored as its Python repr, "['Valley Radio', 'Coast Wire']", an outlet of its own)."""
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, (bytes, bytearray)):
        return "binary data"
    return ""


def _meta_cells(row: dict, chosen: dict[str, str], leave: str) -> tuple[dict, dict, list[str]]:
    """The row's cells of the columns ``chosen`` (but ``leave``'s) as text, the raw ones, and
    a note for each cell that holds no text (a list, an object), left empty."""
    meta, raw, notes = {}, {}, []
    for key, name in chosen.items():
        if key == leave:
            continue
        value = row.get(name)
        kind = _not_text(value)
        if kind:
            notes.append(f"the {name!r} cell is {kind}, not text; left empty")
            value = None
        meta[key], raw[key] = _cell(value), value
    return meta, raw, notes


def _row_record(source: str, row: dict, chosen: dict[str, str],
                allow_private_hosts: bool = False) -> Record | Skip:
    from ..ingest import article_from_text

    if "text" not in chosen:
        return _fetched_row(source, row, chosen, allow_private_hosts)
    raw = row.get(chosen["text"])
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return Skip(source, f"empty {chosen['text']!r} cell")
    if not isinstance(raw, str):
        return Skip(source, f"the {chosen['text']!r} cell is {type(raw).__name__}, not text")
    meta, cells, notes = _meta_cells(row, chosen, "text")
    try:
        article = article_from_text(raw, title=meta.get("title", ""),
                                    outlet=meta.get("outlet", ""), url=meta.get("url", ""),
                                    source_path=source)
    except FramingError as error:
        return Skip(source, message_for(error, source))
    published, undated = read_published(cells.get("published"))
    return Record(source=source, text=article.text, title=article.title, outlet=article.outlet,
                  published=published, url=article.url, undated=undated, notes=tuple(notes))


def _fetched_row(source: str, row: dict, chosen: dict[str, str],
                 allow_private_hosts: bool) -> Record | Skip:
    """The page at a row's URL, fetched and extracted as any URL is (``--fetch-urls``); the
    row's outlet comes first (a page's own is often only its host name), its title and date
    fill in what the page lacks, as a feed's do."""

    url = _cell(row.get(chosen["url"]))
    if not url:
        return Skip(source, f"empty {chosen['url']!r} cell")
    if not _is_http(url):
        return Skip(source, f"{url[:80]!r} is not an http(s) address")
    record = _from_file(url, allow_private_hosts)
    if isinstance(record, Skip):
        return record
    meta, cells, notes = _meta_cells(row, chosen, "url")
    published, undated = record.published, record.undated
    if published is None and "published" in chosen:
        published, undated = read_published(cells.get("published"))
    return Record(source=url, text=record.text, title=record.title or meta.get("title", ""),
                  outlet=meta.get("outlet") or record.outlet, url=record.url or url,
                  published=published, undated=undated,
                  notes=tuple(f"{note} (at {source})" for note in notes))


EMPTY_TABLE = "the table has no rows"  # the reason a table of a header alone is skipped


def table_records(path: str, chosen: dict[str, str],
                  allow_private_hosts: bool = False) -> Iterator[Record | Skip]:
    """One record per row; a row that cannot be read is skipped with its line or row number,
    and a table of no rows at all is skipped as a whole (it added nothing, and said so)."""
    read = functools.partial(_row_record, allow_private_hosts=allow_private_hosts)
    empty = True
    for row in _rows(path, chosen, read):
        empty = False
        yield row
    if empty:
        yield Skip(path, EMPTY_TABLE)


def table_size(path: str) -> int:
    """How many items ``table_records`` gives for the table at ``path`` (each row, read or
    skipped; 1 for a table of no rows): a Parquet file's row count from its footer, any other
    table counted by reading it through once without making its articles."""
    if table_suffix(path) == ".parquet":
        import pyarrow.parquet as pq

        try:
            return max(1, pq.ParquetFile(path).metadata.num_rows)
        except (OSError, ValueError):  # unreadable: table_records gives one Skip
            return 1
    return max(1, sum(1 for _ in _rows(path, {}, lambda source, row, chosen: None)))


def _rows(path: str, chosen: dict[str, str], read) -> Iterator:
    """The table's rows, each given to ``read`` (or a Skip), by its kind of file."""
    suffix = table_suffix(path)
    if suffix == ".parquet":
        return _parquet_rows(path, chosen, read)
    if suffix == ".json":
        return _json_rows(path, chosen, read)
    if suffix in (".jsonl", ".ndjson"):
        return _jsonl_rows(path, chosen, read)
    return _csv_rows(path, chosen, TABLE_SUFFIXES[suffix], read)


def _csv_rows(path: str, chosen: dict[str, str], delimiter: str, read=_row_record):
    read_long_cells()
    with _open_text(path) as fh:
        # strict: a quotation mark never closed is an error at its row, not a cell that
        # silently holds every row after it
        reader = csv.DictReader(fh, delimiter=delimiter, strict=True)
        number = done = 0  # rows read, and the last line of the last one
        try:
            while True:
                try:
                    done = reader.line_num
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as error:  # (the reader goes on at the next line)
                    number += 1
                    yield Skip(f"{path}#row={number}", f"{csv_problem(error)} (line "
                               f"{done + 1})")
                    continue
                number += 1
                if any(_UNDECODED.search(cell) for cell in row.values() if isinstance(cell, str)):
                    yield Skip(f"{path}#row={number}", f"not UTF-8 text (line {done + 1})")
                    continue
                if None in row:  # more fields than the header: a cell's comma, unquoted, cut
                    # its text in two, and the rest went into other columns
                    yield Skip(f"{path}#row={number}", f"{len(row[None])} more field(s) than "
                               f"the header's {len(reader.fieldnames)}; quote cells that hold "
                               f"{'commas' if delimiter == ',' else 'the separator'}")
                    continue
                yield read(f"{path}#row={number}", row, chosen)
        except GZIP_ERRORS as error:  # a gzipped table cut short or damaged
            yield Skip(f"{path}#row={number + 1}", _unreadable(path, error))


def _unreadable(path: str, error: Exception) -> str:
    """Why the rest of a table is lost: its gzip stream cut short or damaged, or the disk."""
    if path.lower().endswith(GZIP_SUFFIX):
        return f"unreadable gzip from here on ({_one_line(error)})"
    from ..errors import os_reason

    return f"unreadable from here on ({os_reason(error) if isinstance(error, OSError) else error})"


def _jsonl_rows(path: str, chosen: dict[str, str], read=_row_record):
    with _open_bytes(path) as fh:
        number = 0
        try:
            for number, raw in enumerate(fh, 1):
                source = f"{path}#line={number}"
                if not raw.strip():
                    continue
                try:
                    row = json.loads(raw.decode("utf-8-sig"))
                except UnicodeDecodeError:
                    yield Skip(source, "not UTF-8 text")
                    continue
                except ValueError as error:
                    yield Skip(source, f"not valid JSON ({_one_line(error)})")
                    continue
                except RecursionError:
                    yield Skip(source, "nested too deeply, no row of a table")
                    continue
                if not isinstance(row, dict):
                    yield Skip(source, f"a JSON {type(row).__name__}, not an object with columns")
                    continue
                yield read(source, row, chosen)
        except GZIP_ERRORS as error:  # a gzipped table cut short or damaged
            yield Skip(f"{path}#line={number + 1}", _unreadable(path, error))


def _json_rows(path: str, chosen: dict[str, str], read=_row_record):
    """The objects of a .json table one at a time (ijson: the file is never read whole)."""
    import ijson

    number = 0
    with _open_json(path) as fh:
        try:
            for number, row in enumerate(ijson.items(_json_events(fh), json_list(path)), 1):
                source = f"{path}#row={number}"
                if not isinstance(row, dict):
                    yield Skip(source, f"a JSON {type(row).__name__}, not an object with columns")
                    continue
                yield read(source, row, chosen)
        except _TooDeep:
            yield Skip(f"{path}#row={number + 1}", f"unreadable JSON from here on ({_TOO_DEEP})")
        except (ijson.JSONError, UnicodeDecodeError, *GZIP_ERRORS) as error:
            yield Skip(f"{path}#row={number + 1}", f"unreadable JSON from here on "
                       f"({_one_line(error)})")


def _parquet_rows(path: str, chosen: dict[str, str], read=_row_record):
    import pyarrow.parquet as pq

    number = 0
    try:
        table = pq.ParquetFile(path)
        for batch in table.iter_batches(batch_size=1000, columns=list(chosen.values())):
            for row in batch.to_pylist():
                number += 1
                yield read(f"{path}#row={number}", row, chosen)
    except (OSError, ValueError) as error:  # a damaged row group: the rest is unreadable
        yield Skip(f"{path}#row={number + 1}", f"unreadable Parquet from here on "
                   f"({_one_line(error)})")


# --------------------------------------------------------------------------- feeds


def read_feed(url: str, allow_private_hosts: bool = False):
    """Fetch and parse an RSS or Atom feed (feedparser); a page that is not a feed is an
    error."""
    import feedparser

    data, base = _fetch_bytes(url, allow_private_hosts)
    # (relative links are read from where the feed was found after redirects, or its xml:base)
    parsed = feedparser.parse(data, response_headers={"content-location": base} if base else None)
    if not parsed.get("version") and not parsed.entries:
        raise SourceError(f"{url}: not an RSS or Atom feed")
    return parsed


# What a feed may be served as (many servers call RSS plain XML or even text).
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                        "application/xml", "text/xml", "text/html", "text/plain",
                        "application/octet-stream", "application/gzip", "application/x-gzip"})


def _is_http(address: str) -> bool:
    return re.match(r"^https?://", address, re.I) is not None


def _fetch_bytes(url: str, allow_private_hosts: bool) -> tuple[bytes, str]:
    """The bytes at a feed's address (gzipped ones unpacked), through the same safe fetcher
    as article pages (``framing.fetch``: private addresses refused unless allowed, redirects
    checked, a deadline and a size cap), and the address they came from after redirects ("" for
    a feed saved to disk). A feed over the size cap is refused, on disk as over http."""
    from ..errors import FetchError, InputTooLargeError
    from ..fetch import fetch
    from ..ingest import MAX_BYTES

    if not _is_http(url):
        from ..errors import os_reason
        from .store import check_path

        check_path(url, SourceError)
        if Path(url).is_file():  # a feed saved to disk
            try:
                with open(url, "rb") as fh:
                    data = fh.read(MAX_BYTES + 1)
            except OSError as error:
                raise SourceError(f"{url}: cannot read the feed ({os_reason(error)})") from None
            return _unpacked(url, data, "read"), ""
        raise SourceError(f"{url}: a feed must be an http(s) address or a saved feed file")
    try:
        page = fetch(url, allow_private=allow_private_hosts, media_types=FEED_TYPES)
    except (FetchError, InputTooLargeError) as error:
        message = str(error)
        if message.startswith(f"{url}: "):
            message = message[len(url) + 2:]
        raise FeedFetchError(f"{url}: could not fetch the feed ({message})") from None
    return _unpacked(url, page.content, "fetch"), page.url


def _unpacked(url: str, data: bytes, verb: str) -> bytes:
    """A feed's bytes, gunzipped when gzipped ("feed.xml.gz"); over the size cap, refused."""
    import zlib

    from ..ingest import MAX_BYTES

    if data[:2] == b"\x1f\x8b":
        try:
            data = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(data, MAX_BYTES + 1)
        except zlib.error as error:
            raise FeedFetchError(f"{url}: could not {verb} the feed (a damaged gzip file: "
                                 f"{error})") from None
    if len(data) > MAX_BYTES:
        raise FeedFetchError(f"{url}: could not {verb} the feed (over the "
                             f"{MAX_BYTES // 10**6} MB limit)")
    return data


def _feed_date(entry) -> tuple[dt.date | None, str] | None:
    """A feed item's date as ``read_published`` reads one (a placeholder year, 0001 or 9999,
    is no date), or None when the item gives none."""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    given = entry.get("published") or entry.get("updated") or ""
    if not stamp:
        return read_published(given) if given else None
    try:
        return read_published(dt.date(*stamp[:3]))
    except ValueError:  # (year 0)
        return None, " ".join(str(given).split())[:40]


def feed_records(url: str, parsed, allow_private_hosts: bool) -> Iterator[Record | Skip]:
    """Each item's page, fetched and extracted like any URL; the outlet is the feed's title
    (a page's own is often only its host name); the feed gives title and date when the page
    lacks them."""
    from urllib.parse import urljoin

    outlet = parsed.feed.get("title", "")
    # a relative link is read from the feed's address ("a6.html", "/news/a7.html": feedparser
    # has done so from where it was found), or for a feed saved to disk from the site's
    # address it gives
    base = url if _is_http(url) else parsed.feed.get("link", "")
    for number, entry in enumerate(parsed.entries, 1):
        link = entry.get("link", "")
        if not link:
            yield Skip(f"{url}#item={number}", "feed item without a link")
            continue
        given, link = link.strip(), urljoin(base, link.strip()) if base else link.strip()
        if not _is_http(link):
            # (a link was read as a path on this machine: "/etc/hostname" became an article)
            yield Skip(given, "a feed item's link must be an http(s) address")
            continue
        record = _from_file(link, allow_private_hosts)
        if isinstance(record, Record):
            published, undated = record.published, record.undated
            if published is None:  # the feed's date, held to the years any date is
                published, undated = _feed_date(entry) or (None, undated)
            record = Record(
                source=link, text=record.text, title=record.title or entry.get("title", ""),
                outlet=outlet or record.outlet, url=record.url or link, published=published,
                undated=undated)
        yield record
