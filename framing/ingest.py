"""Read articles from text, files and URLs into ``Article`` records.

- Plain text, ``.txt`` and ``.md``: the text as it is (line endings made ``\n``, soft hyphens
  and zero-width spaces removed); a corpus file may open with a metadata
  header (``title:``, ``outlet:``, ``date:``, ``url:``, ``note:`` lines, then a ``---`` line).
- ``.html`` files and URLs: the main text, title, date and outlet extracted with trafilatura,
  with menus, captions, bylines and "Read Next" links left out.

Text in another language is read like any other; ``check_english`` (called by
``Analyzer.analyze``) refuses it for analysis.

Limits (documented in the README): files and downloads up to ``MAX_BYTES``; article text up
to ``MAX_CHARS``. Bytes that are not UTF-8 are read as Windows-1252 with a warning, unless
they look binary, which is refused.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlparse

from .boilerplate import is_link_line
from .errors import (
    DecodeError,
    EmptyInputError,
    ExtractionError,
    FramingError,
    InputFileError,
    InputTooLargeError,
    NotEnglishError,
    os_reason,
    shown_path,
)
from .fetch import FETCH_DEADLINE, FETCH_TIMEOUT, MAX_BYTES
from .filetypes import HTML_SUFFIXES, TEXT_SUFFIXES, holds_many_articles, is_warc, place_unit
from .report import Article

# MAX_BYTES (10 MB, for files and downloads) and the fetch timeouts are set in framing.fetch.
MAX_CHARS = 2_000_000  # 2 million characters of article text (about 300,000 words)
MIN_ARTICLE_WORDS = 150  # fewer words extracted from a page suggests a paywall or a bad page
MIN_LANGUAGE_WORDS = 30  # a shorter text (a headline, a few sentences) is taken to be English
LANGUAGE_MARKERS = Path(__file__).parent / "data" / "language_markers.csv"

# trafilatura's options, chosen by body F1 on real pages (docs/benchmarks.md).
EXTRACT_OPTIONS = {
    "with_metadata": True,
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "deduplicate": False,
}

# A page's date from its markup (meta tags, time elements, its address) only: the text's own
# dates are read apart (_date_in_text), where a year alone is no date
_DATE_IN_MARKUP = {"extensive_search": False, "original_date": True}

HEADER_KEYS = ("title", "outlet", "date", "url", "note", "author", "id")
HTML_TYPES = ("text/html", "application/xhtml+xml")
_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (a .docx or .epub is one)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"{\\rtf": "an RTF document",
}
_PAYWALL = re.compile(
    r"(subscribe (now )?to (continue|keep) reading|to continue reading|already a subscriber|"
    r"sign in to (continue|read)|this (article|story) is for subscribers|"
    r"register (now )?to (continue|read)|create a free account to continue)",
    re.IGNORECASE,
)
# Whole paragraphs that are the site talking, not the article: promotions, disclaimers,
# contact lines and author bios. Only short paragraphs are dropped.
_SITE_VOICE = re.compile(
    r"(subscribe (to|for|now)|unlimited access|support (local|independent) journalism|"
    r"journalism depends on|do you have a story|email us at|whatsapp us|contact (him|her|them|"
    r"the author|the writer|us) at|follow (him|her|them|us) on|tips and corrections|"
    r"views expressed (in|here)|are (the|those of the) author|is written by|"
    r"sign up for (our|the)|newsletter)",
    re.IGNORECASE,
)
_BIO = re.compile(
    r"^[A-Z][\w’'.-]+(\s+[A-Z][\w’'.-]+){1,3}\s+(covers|writes about|is a (senior |staff )?"
    r"(reporter|correspondent|writer|columnist|editor|contributor))\b"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060]")
_TABLE_NOTE = re.compile(r"^\s*(source|sources|note|graphic|chart|table)s?\s*:", re.IGNORECASE)


# "www.example.com/news", "example.org/a.html": a web address without its http(s)://
_LOOKS_LIKE_A_SITE = re.compile(r"www\.[a-z0-9-]+\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/",
                                re.IGNORECASE)


def is_url(value: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*://", value.strip(), re.IGNORECASE))


def names_a_file(text: str) -> bool:
    """Whether a string given as article text is a file name or a URL instead: one word that
    is an address (``https://…``), names an existing file, or ends in .txt, .md or .html."""
    name = text.strip()
    if not name or len(name) > 4096 or re.search(r"\s", name):
        return False
    if is_url(name) or Path(name).suffix.lower() in (TEXT_SUFFIXES | HTML_SUFFIXES) - {""}:
        return True
    try:
        return Path(name).is_file()
    except (OSError, ValueError):  # a name too long, a NUL character
        return False


def load_article(source: str | Path, *, allow_private_hosts: bool = False,
                 **meta: str) -> Article:
    """Load one article from a path or an http(s) URL.

    Parameters
    ----------
    source : a file path (.txt, .md or .html) or a URL.
    allow_private_hosts : for a URL, also fetch from loopback, private and link-local
        addresses (refused by default; see :mod:`framing.fetch`).
    meta : title, outlet, published or id to set or override.
    """
    if not isinstance(source, (str, Path)):
        raise InputFileError(
            f"expected a file path or a URL, got {type(source).__name__}"
            + ("; for text use article_from_text, for bytes article_from_bytes"
               if isinstance(source, (bytes, bytearray)) else ""))
    if isinstance(source, str) and is_url(source):
        return fetch_url(source, allow_private_hosts=allow_private_hosts, **meta)
    if is_article_table(source):
        raise InputFileError(f"{shown_path(source)}: a file of many articles (one per row or "
                             "page), not one article: analyze them with python -m framing "
                             "analyze FILE, or read them with framing.load_articles, or "
                             f"name one: FILE#{_place_example(str(source))}")
    row = table_row(source)
    if row is not None:
        return _row_article(str(source), row, meta)
    return read_file(source, **meta)


_ROW_OF_FILE = re.compile(r"(?P<path>.+)#(?P<unit>row|line|offset)=(?P<number>.*)", re.S)


def table_row(source: str | Path) -> str | None:
    """The table or web archive that ``source`` names one article of, as an article's
    ``source_path`` does ("news.csv#row=3", "more.jsonl#line=2", "crawl.warc.gz#offset=2136"),
    or None (``source`` is a file itself, or no such place of such a file)."""
    found = _ROW_OF_FILE.fullmatch(str(source))
    if found is None or not is_article_table(found["path"]):
        return None
    try:
        return None if Path(source).exists() else found["path"]
    except OSError:
        return found["path"]


def _row_article(source: str, table: str, meta: dict) -> Article:
    """The article ``source`` names in ``table`` (read up to it), with ``meta`` set."""

    place = _ROW_OF_FILE.fullmatch(source)
    unit = place_unit(table)
    if place["unit"] != unit or not re.fullmatch(r"[0-9]{1,18}", place["number"]):
        raise InputFileError(f"{shown_path(source)}: {_how_named(table)}")
    number = int(place["number"])
    if unit == "offset":
        return _warc_article(source, table, number, meta)
    skipped: list[tuple[str, str]] = []
    for article in load_articles(table, skipped, []):
        if article.source_path == source:
            return _with_meta(article, meta)
        if any(where == source for where, _ in skipped) or int(
                _ROW_OF_FILE.fullmatch(article.source_path)["number"]) > number:
            break
    for where, reason in skipped:
        if where == source:
            raise InputFileError(f"{source}: {reason}")
    raise InputFileError(f"{source}: {shown_path(table)} has no {unit} {number} (analyze the "
                         "whole file to see each article's place in its source_path column)")


def _place_example(table: str) -> str:
    unit = place_unit(table)
    return f"{unit}=3" if unit != "offset" else "offset=BYTE (where its record starts)"


def _how_named(table: str) -> str:
    """How one article of a file of many is named, for a place that names none."""
    unit = place_unit(table)
    if unit == "offset":
        return ("a web archive's pages are named by offset= and the byte where the page's "
                "record starts (FILE#offset=2136: its source_path when the whole file is "
                "analyzed)")
    what = "line" if unit == "line" else "row"
    return f"a table's articles are named by {unit}= and the {what}'s number (FILE#{unit}=3)"


def _warc_article(source: str, table: str, offset: int, meta: dict) -> Article:
    """The article of the web page whose record starts at byte ``offset`` of a WARC file,
    read there (not after every page before it)."""
    from .corpus.sources import Record
    from .corpus.warc import warc_record_at

    item = warc_record_at(table, offset)
    if not isinstance(item, Record):
        raise InputFileError(f"{item.source}: {item.reason}")
    return _with_meta(_record_article(item), meta)


def _with_meta(article: Article, meta: dict) -> Article:
    """A row's or a page's article with the title, outlet, date, id or URL given for it."""
    return replace(article, **{k: v for k, v in meta.items() if v and k in (
        "title", "outlet", "published", "id", "url")})


def is_article_table(source: str | Path) -> bool:
    """Whether ``source`` is a file of many articles that ``load_articles`` reads: a table
    (.csv, .tsv, .json, .jsonl, .ndjson, .parquet, gzipped too) or a web archive (.warc,
    .warc.gz) that exists."""
    name = str(source)
    return holds_many_articles(name) and Path(name).is_file()


def load_articles(source: str | Path, skipped: list | None = None,
                  told: list | None = None) -> Iterator[Article]:
    """The articles of a file, one at a time: every row of a table of articles (.csv, .tsv,
    .json, .jsonl, .ndjson, .parquet, gzipped too; the text column found by name as ``corpus
    add`` finds it) and every article page of a web archive (.warc, .warc.gz), read as a
    stream; any other path or URL gives its one article (``load_article``).

    An article's ``id`` is the file's name and the row or page (``news#row=3``,
    ``crawl#offset=2136``), its ``source_path`` the file and the row. A row or page that cannot
    be read is left out and goes on: ``(where, reason)`` is appended to ``skipped``, or, when
    ``skipped`` is None, given as a warning (``warnings.warn``). ``told`` receives the lines a
    web archive gives about itself (how many records were not pages). A file that cannot be
    read at all raises a ``FramingError``.
    """
    for name, value in (("skipped", skipped), ("told", told)):
        if value is not None and not hasattr(value, "append"):  # (not at the first bad row)
            raise TypeError(f"{name} must be a list to append to (or None), not "
                            f"{type(value).__name__}")
    if not is_article_table(source):
        yield load_article(source)
        return
    import warnings

    from .corpus.sources import Note, Record, table_records
    from .corpus.warc import warc_records

    name = str(source)
    items = warc_records(name) if is_warc(name) else table_records(name, _columns(name))
    for item in items:
        if isinstance(item, Record):
            yield _record_article(item)
        elif isinstance(item, Note):
            if told is not None:
                told.append(item.message)
        elif skipped is not None:
            skipped.append((item.source, item.reason))
        else:
            warnings.warn(f"{item.source}: {item.reason}", stacklevel=2)


def count_articles(source: str | Path) -> int | None:
    """How many items (articles and skipped rows) ``load_articles`` gives for ``source``, for
    a progress bar's total: 1 for an article's file or URL and for a table that cannot be read
    at all; a table's rows (a Parquet file's from its footer, another table's by reading it
    once without making its articles); a web archive's pages (its records' headers read once),
    or None when it cannot be read through."""
    if not is_article_table(source):
        return 1
    name = str(source)
    if is_warc(name):
        from .corpus.warc import warc_size

        return warc_size(name)
    from .corpus.sources import table_size

    try:
        _columns(name)
    except FramingError:
        return 1
    return table_size(name)


def _columns(table: str) -> dict[str, str]:
    """The columns of ``table`` that ``load_articles`` reads (its text column found by name)."""
    from .corpus.sources import Columns, table_columns

    return table_columns(table, Columns(), advice="rename the column of the articles' text "
                         "to text, or name it with corpus add --text-column")


def _record_article(record) -> Article:
    """The Article of a table's row or an archive's page (its id: the file's stem and where
    the row is, "news#row=3")."""
    path, _, where = record.source.rpartition("#")
    name = Path(path).name
    stem = Path(name[:-3] if name.lower().endswith(".gz") else name).stem
    notes = (*record.notes, *((undated_note(record.undated),) if record.undated else ()))
    return Article(text=record.text, id=f"{stem}#{where}", title=record.title,
                   outlet=record.outlet, url=record.url,
                   published=record.published.isoformat() if record.published else "",
                   source_path=record.source, warnings=notes)


def article_from_text(
    text: str,
    *,
    title: str = "",
    outlet: str = "",
    url: str = "",
    published: str = "",
    id: str = "",
    source_path: str = "",
) -> Article:
    """Build an Article from text, reading a metadata header if the text opens with one.

    The keywords set what the header would (or override it); each is a string.
    """
    if not isinstance(text, str):
        raise EmptyInputError(f"expected article text as a string, got {type(text).__name__}"
                              + _other_than_text(text))
    _check_fields(title=title, outlet=outlet, url=url, published=published, id=id,
                  source_path=source_path)
    _check_size(text, title or "")
    # (lone surrogates in the fields too, below in the text: a table's cell or a file name
    # read with surrogateescape could not be stored or exported)
    title, outlet, url, published, id, source_path = (
        _SURROGATE.sub("\ufffd", value) if value else value
        for value in (title, outlet, url, published, id, source_path))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    # Invisible break marks pasted from a word processor or a page (a soft hyphen, Word's
    # optional hyphen or &shy;; a zero-width space; a word joiner) split a word for the
    # lexicon and the tokenizer ("disas\u00adtrous" is no loaded term) and show nothing.
    text = _INVISIBLE.sub("", text)
    # Lone surrogates (a str from bytes decoded with surrogateescape) are not text: each
    # becomes U+FFFD, as a decoder would have made it, so the text can be encoded and exported.
    text = _SURROGATE.sub("\ufffd", text)
    header, body = parse_header(text)
    title = title or header.get("title", "")
    body = body.strip("\n")
    if not re.search(r"\w", body):
        raise EmptyInputError("no text to analyze: the article is empty" if not body.strip()
                              else "no text to analyze: the article has no words, only "
                              "punctuation, symbols or emoji")
    full = body
    if title and not body.lstrip().startswith(title.strip()):
        full = f"{title.strip()}\n\n{body}"
    return Article(
        text=full,
        id=id or header.get("id", "") or _default_id(source_path, full),
        title=title.strip(),
        outlet=outlet or header.get("outlet", ""),
        url=url or header.get("url", ""),
        published=published or header.get("date", ""),
        source_path=source_path,
    )


def _check_fields(**given) -> None:
    """Raise ``TypeError`` for a metadata keyword given as anything but a string."""
    for name, value in given.items():
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be a string, not {type(value).__name__}")


def _check_size(text: str, title: str) -> None:
    """Raise ``InputTooLargeError`` when an article's text and title pass ``MAX_CHARS``."""
    size = len(text) + len(title)
    if size > MAX_CHARS:
        raise InputTooLargeError(f"text is {size:,} characters"
                                 f"{' (title included)' if title else ''}; the limit is "
                                 f"{MAX_CHARS:,} per article")


def checked_article(article: Article) -> Article:
    """``article`` as analysis takes it: its text and fields strings (``TypeError`` if not),
    title and text within ``MAX_CHARS`` together, lone surrogates in any of them made U+FFFD
    (as ``article_from_text`` makes them), so that an Article built by hand or from a table's
    row meets the checks ``article_from_text`` gives a text."""
    if not isinstance(article.text, str):
        raise EmptyInputError("expected article text as a string, got "
                              f"{type(article.text).__name__}")
    for name in ("id", "title", "outlet", "url", "published", "source_path"):
        value = getattr(article, name)
        if not isinstance(value, str):
            raise TypeError(f"the Article's {name} must be a string, not {type(value).__name__}")
    _check_size(article.text, article.title)
    mended = {name: _SURROGATE.sub("\ufffd", value) for name in (
        "text", "id", "title", "outlet", "url", "published", "source_path")
        if _SURROGATE.search(value := getattr(article, name))}
    return replace(article, **mended) if mended else article


def dated_article(article: Article) -> Article:
    """``article`` with its published value read by the rule ``corpus add`` stores one by
    (``framing.corpus.sources.read_published``): a date written as ``YYYY-MM-DD`` ("March 1,
    2024" and "2024-03-01T09:00:00Z" are 2024-03-01), and a value that is no date (a header's
    "date: next Tuesday", a placeholder 0001-01-01) left out with a warning, so the ``published``
    of ``analyze`` is the one the store keeps for the same article. "n/a", "null" and the like
    say there is no date: left out without one."""
    if not article.published.strip():
        return article
    from .corpus.sources import read_published

    date, undated = read_published(article.published)
    if date is not None:
        return replace(article, published=date.isoformat()) \
            if date.isoformat() != article.published else article
    notes = (undated_note(undated),) if undated else ()
    return replace(article, published="", warnings=(*article.warnings, *notes))


def undated_note(value: str) -> str:
    """The warning of an article whose published value is no date, left out."""
    from .corpus.sources import no_date_reason

    return f"the published value {value!r} {no_date_reason(value)}; left out"


def _date_in_text(html: str, url: str) -> str:
    """A page's date written in its text ("Published September 25, 2018"), when its markup
    has none, as htmldate's extensive search finds it; "" for a year alone, which that
    search reads as 1 January ("the board, which has run the port since 1998")."""
    from htmldate import find_date

    try:
        found = find_date(html, url=url or None, extensive_search=True, original_date=True)
    except Exception:  # noqa: BLE001 — htmldate raises assorted parse errors; no date then
        return ""
    return "" if not found or found.endswith("-01-01") else found


def _other_than_text(value) -> str:
    """What to do instead, for a value given where one article's text goes."""
    if isinstance(value, (bytes, bytearray)):
        return "; decode the bytes first (data.decode('utf-8')) or use article_from_bytes"
    if isinstance(value, Path):
        return "; read a file with load_article(path)"
    if not isinstance(value, dict) and hasattr(value, "__iter__"):
        return "; analyze one text at a time: [analyze(text) for text in texts]"
    return ""


def parse_header(text: str) -> tuple[dict[str, str], str]:
    """Split a ``key: value`` header ending in a ``---`` line from the body, if present."""
    lines = text.split("\n")
    i = 1 if lines and lines[0].strip() == "---" else 0
    header: dict[str, str] = {}
    for j in range(i, min(len(lines), i + 20)):
        line = lines[j].strip()
        if line == "---":
            if header:
                return header, "\n".join(lines[j + 1:])
            break
        m = re.match(r"^([A-Za-z_]+)\s*:\s*(.*)$", line)
        if not m or m.group(1).lower() not in HEADER_KEYS:
            break
        header[m.group(1).lower()] = m.group(2).strip()
    return {}, text


# The id of a text given without a name: "text-" and a hash of it (means nothing to a reader).
MADE_UP_ID = re.compile(r"text-[0-9a-f]{8}")


def _default_id(source_path: str, text: str) -> str:
    if source_path and source_path not in ("-", PASTED):  # (standard input, a paste: no name)
        return Path(source_path).stem
    return "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def read_file(path: str | Path, **meta: str) -> Article:
    """Read a .txt, .md or .html file; refuse binaries, directories and oversize files."""
    if str(path) == "":
        raise InputFileError("no file named: the path is empty")
    path = Path(path)
    try:
        if not path.exists() and path.is_symlink():  # (exists() follows the link)
            raise InputFileError(f"{shown_path(path)}: {LINK_TO_NOTHING}")
        if not path.exists():
            name = str(path)
            if "\n" in name or name.count(" ") >= 8:
                # article text given where a file name goes
                raise InputFileError(f"{name[:60]!r}… is not a file name but looks like an "
                                     "article's text: analyze it with analyze(text), or make "
                                     "an Article with article_from_text(text)")
            hint = (f"; for a web page, give the whole address: https://{path}"
                    if _LOOKS_LIKE_A_SITE.match(name) else "")
            raise InputFileError(f"{shown_path(path)}: no such file{hint}")
        if path.is_dir():
            raise InputFileError(f"{shown_path(path)}: is a directory; name the article files "
                                 "inside it")
        status = path.stat()
        if status.st_size > MAX_BYTES:
            raise InputTooLargeError(
                f"{shown_path(path)}: file is {status.st_size / 1e6:.1f} MB; the limit is "
                f"{MAX_BYTES / 1e6:.0f} MB")
        if stat.S_ISFIFO(status.st_mode):
            data = _read_pipe(path)
        else:
            with path.open("rb") as fh:
                data = fh.read(MAX_BYTES + 1)  # a device has no size to check first
    except OSError as error:
        raise InputFileError(f"{shown_path(path)}: cannot read the file ({error.strerror})"
                             ) from None
    return article_from_bytes(data, str(path), **meta)


def _read_pipe(path: Path) -> bytes:
    """A named pipe's bytes (``<(curl …)``, ``mkfifo``), read up to the limit and one byte
    more, or ``InputFileError`` at once when nothing holds it open to write (reading it
    would wait for a writer that may never come)."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # (opens at once, writer or not)
    try:
        try:
            first = os.read(fd, 65536)
            if not first:
                raise InputFileError(f"{shown_path(path)}: a named pipe that nothing writes to")
        except BlockingIOError:  # a writer, nothing written yet
            first = b""
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = first + fh.read(MAX_BYTES + 1 - len(first))
    finally:
        os.close(fd)
    return data


# What a pasted text is called in a message; it has no file's name, as standard input ("-")
PASTED = "pasted text"


def article_from_pasted(text: str, **meta: str) -> Article:
    """An article from text pasted into a form (the app's "Paste text"), read as a file of
    it would be (``article_from_bytes``): a whole page's HTML pasted is extracted, a PDF's
    source or a binary's bytes refused in one line, not analyzed as words. ``meta``: title,
    outlet, url, published or id."""
    if not isinstance(text, str):
        raise EmptyInputError(f"expected the pasted text as a string, got {type(text).__name__}")
    _check_size(text, meta.get("title") or "")
    article = article_from_bytes(_SURROGATE.sub("\ufffd", text).encode("utf-8"), PASTED,
                                 **meta)
    return replace(article, source_path="")


def article_from_bytes(data: bytes, name: str, **meta: str) -> Article:
    """An article from a file's bytes (a path's contents or an upload), by its name's suffix.

    Parameters
    ----------
    data : the file's bytes.
    name : its file name or path; the suffix decides between text and HTML.
    meta : title, outlet, published or id to set or override.
    """
    if not isinstance(data, (bytes, bytearray)) or not isinstance(name, str):
        raise InputFileError("article_from_bytes takes the file's bytes and its name (a str)")
    shown = shown_path(name)
    if len(data) > MAX_BYTES:
        raise InputTooLargeError(
            f"{shown}: file is over the {MAX_BYTES / 1e6:.0f} MB limit"
            if len(data) == MAX_BYTES + 1 else  # (read up to the limit and one byte more)
            f"{shown}: file is {len(data) / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB"
        )
    if not data.strip():
        raise EmptyInputError(f"{shown}: no text to analyze: the article is empty")
    suffix = Path(name).suffix.lower()
    text, warning = decode(data, name)
    # (a name with no suffix, standard input and a paste too: a whole page is HTML)
    looks_html = suffix in HTML_SUFFIXES or (
        (suffix not in TEXT_SUFFIXES or not suffix) and _LOOKS_HTML.match(text) is not None)
    meta = {k: v for k, v in meta.items() if v}
    if not looks_html and (suffix not in TEXT_SUFFIXES or not suffix):
        _refuse_xml(text, shown)
    if looks_html:
        article = article_from_html(text, source_path=name, **meta)
    elif suffix in TEXT_SUFFIXES or suffix in (".csv", ".log") or _is_texty(text):
        article = article_from_text(text, source_path=name, **meta)
    else:
        raise InputFileError(f"{shown}: unsupported file type {suffix}; use .txt, .md or .html")
    if warning:
        article = _with_warning(article, warning)
    return article


def _refuse_xml(text: str, shown: str) -> None:
    """Refuse an XML document that is no web page (its markup would be read as the
    article's words): a feed, a sitemap, any other XML."""
    root = _XML_ROOT.match(text)
    if root is None:
        return
    name = root.group(1).lower()
    if name in ("rss", "feed", "rdf:rdf"):
        raise InputFileError(f"{shown}: an RSS or Atom feed, not an article: add the articles "
                             f"it links to with python -m framing corpus add STORE --feed "
                             f"{shown}")
    if name in ("urlset", "sitemapindex"):
        raise InputFileError(f"{shown}: a sitemap (a list of page addresses), not an article: "
                             "put the addresses in a text file, one a line, and give it to "
                             "analyze --files-from")
    if name != "html" and text.lstrip().startswith("<?xml"):
        raise InputFileError(f"{shown}: an XML document (<{root.group(1)}>), not an article; "
                             "save the article as text (.txt) or HTML")


# the first element of an XML document, after its declaration, comments and doctype
_XML_ROOT = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*|<\?[^>]*>\s*)*"
                       r"<([A-Za-z][\w:.-]*)", re.S)


def _is_texty(text: str) -> bool:
    return bool(re.search(r"[A-Za-z]{2,}", text[:2000]))


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252.

    Returns the text and a warning ('' when the bytes were UTF-8).
    """
    shown = shown_path(name)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputFileError(f"{shown}: this is {what}, not article text; save the "
                                 "article as text (.txt) or HTML")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ""
        except UnicodeDecodeError:
            raise DecodeError(f"{shown}: starts like UTF-16 but does not decode") from None
    head = data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in head or (head and controls / len(head) > 0.05):
        if _utf16_without_bom(head):
            raise DecodeError(f"{shown}: looks like UTF-16 text without a byte-order mark; "
                              "save it as UTF-8 and try again")
        raise InputFileError(f"{shown}: looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise DecodeError(
            f"{shown}: not UTF-8 or Windows-1252 text; save it as UTF-8 and try again"
        ) from None
    return text, "not UTF-8: read as Windows-1252; check accented letters and quote marks"


def _utf16_without_bom(head: bytes) -> bool:
    """Whether bytes look like UTF-16 text saved without a byte-order mark: every other byte
    zero, the rest mostly printable ASCII."""
    for odd in (1, 0):  # little-endian: the zero bytes at odd positions; big-endian: even
        zeros, chars = head[odd::2], head[1 - odd::2]
        if len(chars) >= 4 and zeros.count(0) >= 0.9 * len(zeros) and sum(
                32 <= b < 127 or b in (9, 10, 13) for b in chars) >= 0.9 * len(chars):
            return True
    return False


def _with_warning(article: Article, warning: str) -> Article:
    from dataclasses import replace

    return replace(article, warnings=article.warnings + (warning,))


# --------------------------------------------------------------------------- HTML and URLs


def article_from_html(
    html: str,
    *,
    url: str = "",
    source_path: str = "",
    title: str = "",
    outlet: str = "",
    published: str = "",
    id: str = "",
) -> Article:
    """Extract the main text and metadata of a news page with trafilatura."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    if not isinstance(html, str):
        raise EmptyInputError(f"expected the page's HTML as a string, got {type(html).__name__}")
    _check_fields(url=url, source_path=source_path, title=title, outlet=outlet,
                  published=published, id=id)
    # (lone surrogates, from bytes decoded with surrogateescape, make lxml find no text)
    html = _SURROGATE.sub("\ufffd", html)
    if not re.search(r"\w", html):
        raise EmptyInputError(f"{source_path or url or 'page'}: the page is empty")
    try:
        doc = trafilatura.bare_extraction(html, url=url or None,
                                          date_extraction_params=_DATE_IN_MARKUP,
                                          **EXTRACT_OPTIONS)
    except Exception as error:  # trafilatura raises assorted lxml errors on broken markup
        raise ExtractionError(
            f"{source_path or url}: could not parse the page ({type(error).__name__})"
        ) from None
    where = source_path or url or "page"
    if doc is None:
        raise ExtractionError(f"{where}: no article text found in the page")
    if _looks_like_index(html):
        raise ExtractionError(
            f"{where}: no article found: the page looks like a home or section page "
            "(a list of headlines), not a single article"
        )
    page_title = title or (getattr(doc, "title", "") or "")
    paragraphs = _drop_boilerplate(_body_paragraphs(doc), page_title)
    if not paragraphs or sum(len(p.split()) for p in paragraphs) < 5:
        raise ExtractionError(f"{where}: no article text found in the page")
    warnings = []
    words = sum(len(p.split()) for p in paragraphs)
    if _PAYWALL.search(html) and words < 600:
        warnings.append(
            f"the page looks paywalled: only {words} words were extracted, the article is "
            "probably truncated"
        )
    elif words < MIN_ARTICLE_WORDS:
        warnings.append(
            f"only {words} words were extracted: the page may not be an article or may be "
            "truncated"
        )
    article = article_from_text(
        "\n\n".join(paragraphs),
        title=page_title,
        outlet=outlet or (getattr(doc, "sitename", "") or getattr(doc, "hostname", "") or ""),
        url=url or (getattr(doc, "url", "") or ""),
        published=published or (getattr(doc, "date", "") or "") or _date_in_text(html, url),
        id=id or (_url_id(url) if url else ""),
        source_path=source_path,
    )
    for warning in warnings:
        article = _with_warning(article, warning)
    return article


def _body_paragraphs(doc) -> list[str]:
    """Paragraphs of trafilatura's XML body: text blocks and list items, subheadings left out.

    A line break inside a paragraph is a space. Two headings in a row after the text mark the
    start of the page's widgets ("Latest News", "Most Popular"): everything from there on is
    left out.
    """
    body = getattr(doc, "body", None)
    if body is None:
        text = getattr(doc, "text", "") or ""
        return [p.strip() for p in text.split("\n") if p.strip()]
    children = list(body)
    paragraphs = []
    quoted: list[int] = []  # the paragraphs of block quotations
    for i, element in enumerate(children):
        tag = element.tag
        if tag == "head":
            if i + 1 < len(children) and children[i + 1].tag == "head" and paragraphs and (
                not _article_follows(children, i)
            ):
                break
            continue
        if tag == "list":
            items = [_element_text(item) for item in element.iter("item")]
            paragraphs.extend(item for item in items if item)
        elif tag == "quote":
            has_paragraphs = element.find("p") is not None
            texts = [t for t in (_element_text(p) for p in element.iter("p")) if t] if (
                has_paragraphs) else [t for t in [_element_text(element)] if t]
            signature = _post_signature(element, texts) if has_paragraphs else ""
            if not signature:
                quoted.extend(range(len(paragraphs), len(paragraphs) + len(texts)))
            paragraphs.extend(texts)
            if signature:
                paragraphs.append(signature)  # "— Name (@handle) March 3, 2024": whose post
        elif tag == "p":
            text = _element_text(element)
            if text:
                paragraphs.append(text)
    return _mark_block_quotes(paragraphs, quoted)


def _mark_block_quotes(paragraphs: list[str], quoted: list[int]) -> list[str]:
    """Block quotations in quotation marks, as print sets them: a statement or a letter set
    off from the text, a passage of another outlet's review; their words are not the
    writer's. Each paragraph opens with a mark and the last one closes (the convention for a
    quotation that runs over paragraphs); double marks inside become single ones, as a
    quotation within a quotation is printed. A page whose block quotations hold most of its
    words uses them for layout, and is left as it is."""
    if not quoted or 2 * sum(len(paragraphs[i].split()) for i in quoted) > sum(
            len(p.split()) for p in paragraphs):
        return paragraphs
    marked = list(paragraphs)
    last_of_run = {i for i in quoted if i + 1 not in quoted}
    for i in quoted:
        text = paragraphs[i]
        if text[:1] in _OPENING_MARKS:
            continue  # already quoted
        inner = text.translate(_INNER_MARKS)
        marked[i] = f"“{inner}”" if i in last_of_run else f"“{inner}"
    return marked


_OPENING_MARKS = "“\"‘'«„"
_INNER_MARKS = str.maketrans({"“": "‘", "”": "’", '"': "'"})


def _post_signature(quote, texts: list[str]) -> str:
    """The signature line an embedded post keeps after its paragraphs ("— Mayor Ruth Ambler
    (@RuthAmblerMayor) March 3, 2024"), or "" when the quotation has none. A signature that
    is a paragraph of its own is taken out of ``texts``."""
    from .segment import SIGNATURE  # here: reading a page needs no sentence splitter yet

    if texts and SIGNATURE.match(texts[-1]):
        return texts.pop()
    last = list(quote.iter("p"))[-1]
    rest = " ".join("".join([last.tail or ""] + [
        "".join(sibling.itertext()) + (sibling.tail or "")
        for sibling in last.itersiblings()]).split())
    return rest if SIGNATURE.match(rest) else ""


def _article_follows(children, i: int) -> bool:
    """Whether real paragraphs follow a run of headings (a gallery title and a subheading)
    rather than widgets: at least two paragraphs of 15 words or more before the next run."""
    j = i
    while j < len(children) and children[j].tag == "head":
        j += 1
    substantial = 0
    while j < len(children):
        if children[j].tag == "head" and j + 1 < len(children) and children[j + 1].tag == "head":
            break
        if children[j].tag in ("p", "quote") and len(_element_text(children[j]).split()) >= 15:
            substantial += 1
        j += 1
    return substantial >= 2


def _element_text(element) -> str:
    for lb in element.iter("lb"):
        lb.tail = " " + (lb.tail or "")
    return " ".join("".join(element.itertext()).split())


def _looks_like_index(html: str) -> bool:
    """A home or section page: the page declares itself a website or a collection of pages
    (its own ``og:type`` or JSON-LD, not trafilatura's guess, which takes the site-wide
    ``WebSite`` block of any page for the page's type) and has no article markup anywhere."""
    declared = re.search(
        r'<meta[^>]+(property|name)=["\']og:type["\'][^>]*content=["\']website["\']|'
        r'<meta[^>]+content=["\']website["\'][^>]*(property|name)=["\']og:type["\']|'
        r'"@type"\s*:\s*"(CollectionPage|ItemList)"',
        html, re.IGNORECASE,
    )
    if not declared:
        return False
    return not re.search(
        r'"@type"\s*:\s*"(News|Blog|Reportage|Analysis|Opinion|Review)?(Article|Posting)"|'
        r'article:published_time|og:type["\'][^>]*content=["\']article|'
        r'content=["\']article["\'][^>]*og:type|'
        r'itemtype=["\'][^"\']*schema\.org/(News|Blog)?(Article|Posting)',
        html, re.IGNORECASE,
    )


def _drop_boilerplate(paragraphs: list[str], title: str) -> list[str]:
    """Leave out what trafilatura keeps but a reader skips: the headline, link lines, credits."""
    from .segment import is_caption_or_credit

    kept = []
    for i, p in enumerate(paragraphs):
        if i == 0 and title and p.strip() == title.strip():
            continue
        p = re.sub(r"^[-•·*]\s+", "", p)  # a list item's bullet
        if is_link_line(p):
            continue
        words = len(p.split())
        if _PAYWALL.search(p) and words <= 30:
            continue
        if _SITE_VOICE.search(p) and words <= 40:
            continue
        if (_TABLE_NOTE.match(p) and words <= 40) or (
            _BIO.match(p) and words <= 30 and i >= len(paragraphs) - 4
        ):
            continue
        if is_caption_or_credit(p):
            continue
        kept.append(p)
    return kept


# --------------------------------------------------------------------------- language


@functools.cache
def _language_markers() -> tuple[frozenset[str], frozenset[str]]:
    """English function words, and other languages' function words that are not English."""
    with LANGUAGE_MARKERS.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    english = frozenset(r["word"] for r in rows if r["language"] == "en")
    return english, frozenset(r["word"] for r in rows if r["language"] != "en") - english


_LETTERS = re.compile(r"(?<![\w.@/])[^\W\d_]+")  # words, not the "com" of "x.com"


def looks_english(text: str) -> bool:
    """Whether a text reads as English, by its script and its commonest function words.

    It is not English when most of its letters are outside the Latin script (Korean,
    Russian, Japanese ...), at any length: Chinese and Japanese leave no spaces between
    words, so a whole paragraph of them is only a few "words". Otherwise a text of fewer than
    ``MIN_LANGUAGE_WORDS`` words is taken to be English (too short to tell), and a longer one
    is not English when the function words of other languages
    (``framing/data/language_markers.csv``) outnumber the English ones. Only evidence of
    another language refuses a text: lists of names, tags or ingredients, which have few
    function words of any language, pass.
    """
    words = [w.lower() for w in _LETTERS.findall(text)]
    letters = "".join(words)
    if sum(ord(c) >= 0x250 for c in letters) > len(letters) / 2:  # beyond Latin Extended-B
        return False
    if len(words) < MIN_LANGUAGE_WORDS:
        return True
    english, other = _language_markers()
    return sum(w in english for w in words) >= sum(w in other for w in words)


def check_english(article: Article) -> None:
    """Refuse an article that is not in English, with a one-line message."""
    if not looks_english(article.text):
        where = article.source_path or article.url
        raise NotEnglishError(f"{where + ': ' if where else ''}the text is not English; "
                              "framing analyzes English articles only")


def _url_id(url: str) -> str:
    parsed = urlparse(url)
    slug = [part for part in parsed.path.split("/") if part]
    stem = re.sub(r"\.\w+$", "", slug[-1]) if slug else parsed.netloc
    return stem[:60] or "url-" + hashlib.sha1(url.encode()).hexdigest()[:8]


def fetch_url(
    url: str,
    *,
    timeout: float = FETCH_TIMEOUT,
    max_bytes: int = MAX_BYTES,
    deadline: float = FETCH_DEADLINE,
    allow_private_hosts: bool = False,
    default_ports_only: bool = False,
    allow_hint: str | None = None,
    **meta: str,
) -> Article:
    """Download a page with :func:`framing.fetch.fetch` and extract its article.

    Parameters
    ----------
    url : an http(s) address; redirects are followed (each one checked).
    timeout : seconds for connecting and for each read.
    max_bytes : the cap on the page's decompressed size.
    deadline : seconds for the whole download.
    allow_private_hosts : also fetch from loopback, private and link-local addresses
        (refused by default: a server must not be made to read its own network).
    default_ports_only : refuse ports other than 80 and 443 (the app sets it).
    allow_hint : how a refused private address can be allowed (default: the command line's
        option); "" for readers who cannot (the app's visitors).
    meta : title, outlet, published or id to set or override.
    """
    from .fetch import ALLOW_HINT, fetch

    page = fetch(url, allow_private=allow_private_hosts, default_ports_only=default_ports_only,
                 timeout=timeout, deadline=deadline, max_bytes=max_bytes,
                 allow_hint=ALLOW_HINT if allow_hint is None else allow_hint)
    return article_from_page(page.content, page.url, page.media_type, page.charset, **meta)


# The opening of an HTML page, after any comments: "<!DOCTYPE html>", "<html", "<head>"
_LOOKS_HTML = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"  # (XHTML: declared XML)
                         r"<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL)


def article_from_page(content: bytes, url: str, media_type: str = "text/html",
                      charset: str = "", **meta: str) -> Article:
    """The article of a web page's bytes as a server sent them (a fetched page, a page kept in
    a web archive): decoded by the charset the server named, else as a file is; plain text
    as text, anything else as HTML, with the outlet and the id from ``url`` when the page
    does not name them.

    Parameters
    ----------
    content : the page's bytes (decompressed).
    url : the page's address (after redirects).
    media_type, charset : from the response's Content-Type ("" when it gave none).
    meta : title, outlet, published or id to set or override.
    """
    text, warning = None, ""
    declared = _META_CHARSET.search(content[:4096]) if media_type != "text/plain" else None
    for named in (charset, declared.group(1).decode("ascii") if declared else ""):
        if named and text is None:  # the server's charset, else the page's own <meta>
            try:
                text = content.decode(named)
            except (LookupError, UnicodeDecodeError):
                text = None
    if text is None:
        text, warning = decode(content, url)  # (a guess, and said so: "read as Windows-1252")
    if media_type == "text/plain" or not media_type and _LOOKS_HTML.match(text) is None:
        article = article_from_text(text, url=url, **meta)  # (no type: what it looks like)
    else:
        article = article_from_html(text, url=url, **meta)
    return _with_warning(article, warning) if warning else article


# A page's own charset, in its <meta charset="…"> or <meta http-equiv="Content-Type"
# content="text/html; charset=…">
_META_CHARSET = re.compile(rb"<meta\b[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})",
                           re.IGNORECASE)


# Why a folder named gave no article: nothing in it
NO_ARTICLE_FILES = "no .txt, .md or .html files in this folder"


def expand_folders(sources: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Folders replaced by the article files inside them (recursively, sorted, hidden files
    and a folder's own README left out; a link to a folder followed, each folder read once
    however many links lead to it); also (place, why) for each folder named that holds none,
    each folder inside one that cannot be read ("permission denied") and each link to a file
    that is not there, so that no file is left out unsaid."""
    suffixes = (TEXT_SUFFIXES | HTML_SUFFIXES) - {""}
    out: list[str] = []
    problems: list[tuple[str, str]] = []
    for source in sources:
        folder = Path(source)
        try:
            is_folder = "://" not in source and folder.is_dir()
        except OSError:  # a name too long for the file system: reading it will say so
            is_folder = False
        if not is_folder:
            out.append(source)
            continue
        found = []
        unread: list[OSError] = []
        seen = set()  # the folders walked, by where they really are (links followed once)
        for root, folders, files in os.walk(folder, onerror=unread.append, followlinks=True):
            seen.add(os.path.realpath(root))
            folders[:] = sorted(f for f in folders if not f.startswith(".")
                                and os.path.realpath(Path(root, f)) not in seen)
            for name in sorted(files):
                if name.startswith(".") or Path(name).suffix.lower() not in suffixes \
                        or Path(name).stem.lower() == "readme":
                    continue
                if Path(root, name).is_file():
                    found.append(str(Path(root, name)))
                elif Path(root, name).is_symlink():
                    problems.append((shown_path(Path(root, name)), LINK_TO_NOTHING))
        if found:
            out.extend(sorted(found))
        problems.extend((shown_path(error.filename), f"cannot read the folder "
                         f"({os_reason(error)})") for error in unread)
        if not found and not unread:
            problems.append((source, NO_ARTICLE_FILES))
    return out, problems


LINK_TO_NOTHING = ("a symbolic link to nothing (its target is missing, or the links go round "
                   "in a loop)")
