"""Web archives: the news pages kept in a WARC file (``.warc``, ``.warc.gz``: Common Crawl's
CC-NEWS, the Internet Archive, institutional archives), read with warcio.

Each ``response`` record of a web page (an HTML content type, status 200) is one article,
extracted as a fetched page is (``framing.ingest.article_from_page``): the record's target
URI is its URL and gives the outlet, the page's own date comes first and WARC-Date after it.
Other records (requests, metadata, images, redirects, errors) are counted and left out. The
file is read record by record, never whole; a record that cannot be read is skipped with its
byte offset (``warcio extract FILE OFFSET`` shows it) and reading goes on from the next one.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from ..errors import FramingError, message_for

GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_LINE = b"WARC/1."   # the first line of an uncompressed record: WARC/1.0 or WARC/1.1
SCAN_BLOCK = 1 << 20     # bytes read at a time while looking for the next record


def _quiet_iterator(fh):
    """warcio's ArchiveIterator, without the warnings it writes to standard error itself
    (a record whose length is off is counted in ``err_count`` all the same), nor the ones it
    logs ("Replacing spaces in invalid WARC-Target-URI": the record is read all the same)."""
    return _quiet_class()(fh)


@functools.cache
def _quiet_class():
    """The quiet iterator's class, made (and warcio's logger quieted) once."""
    import logging

    from warcio.archiveiterator import ArchiveIterator

    logging.getLogger("warcio").setLevel(logging.ERROR)

    class Quiet(ArchiveIterator):
        INC_RECORD = ""

    return Quiet


def _unreadable_errors() -> tuple[type[BaseException], ...]:
    """What warcio raises on a damaged record: a bad header, a broken gzip member, bytes cut
    short."""
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    return (ArchiveLoadFailed, StatusAndHeadersParserException, zlib.error, EOFError,
            ValueError, OSError, UnicodeDecodeError, IndexError, KeyError, AttributeError,
            TypeError)  # (the last two: warcio on a record without the headers it expects)


def warc_records(path: str) -> Iterator:
    """Every web page of a WARC file as a ``Record`` (or a ``Skip``), in file order, then a
    ``Note`` counting the records left out. A WARC gzipped as one stream (``gzip news.warc``)
    rather than record by record is read through gzip as an uncompressed one (its offsets are
    then uncompressed ones)."""
    from ..errors import os_reason
    from .sources import Note, Skip

    try:
        fh, gzipped, size = _open(path)
    except OSError as error:
        yield Skip(path, f"cannot read the file ({os_reason(error)})")
        return
    counts: Counter = Counter()
    with fh:
        start: int | None = 0
        read_any = False
        damaged = False  # since the last unreadable record, no record was read
        last_end = 0
        while start is not None:
            fh.seek(start)
            iterator = _quiet_iterator(fh)
            try:
                for record in iterator:
                    offset = iterator.offset
                    if record.format != "warc":
                        raise _NotWarc()
                    read_any, damaged = True, False
                    item = _page(path, offset, record, counts)
                    if item is not None:
                        yield item
                    last_end = offset + iterator.get_record_length()
                start = None
            except _unreadable_errors() + (_NotWarc,) as error:
                if not read_any and not _begins_as_warc(fh):
                    reason = "" if isinstance(error, _NotWarc) else f" ({_reason(error)})"
                    yield Skip(path, f"not a WARC file{reason}")
                    return
                read_any = True  # (a WARC file whose first record is unreadable)
                offset = iterator.offset  # where the record that fails starts
                start = last_end = _next_record(fh, offset + 1, gzipped)
                if not damaged:  # one line for a damaged stretch, however long
                    counts["unreadable"] += 1
                    yield Skip(f"{path}#offset={offset}", f"unreadable WARC record "
                               f"({_reason(error)}); " + ("read on from the next record"
                                                          if start is not None else
                                                          "no record after it"))
                damaged = True
        if read_any and getattr(fh, "damage", None) is not None:
            yield Skip(f"{path}#offset={last_end}", f"the gzip stream is cut short or damaged "
                       f"here ({_reason(fh.damage)}); the records before it were read")
        elif read_any and None not in (size, last_end) and size - last_end > 4:  # (4: the
            # blank lines that end a record)
            yield Skip(f"{path}#offset={last_end}", "the file ends inside a record (cut short:"
                       " an unfinished download or copy?); the records before it were read")
    if read_any:
        yield Note(_tally(path, counts))
    else:
        yield Skip(path, "no WARC records: the file is empty")


def warc_record_at(path: str, offset: int):
    """The web page whose record starts at byte ``offset`` of a WARC file (the place a
    ``source`` of ``warc_records`` names: ``crawl.warc.gz#offset=2136``) as a ``Record``, read
    there without the records before it; else a ``Skip`` saying what is at that place."""
    from ..errors import os_reason, shown_path
    from .sources import Skip

    source = f"{path}#offset={offset}"
    try:
        fh, _, size = _open(path)
    except OSError as error:
        return Skip(source, f"cannot read the file ({os_reason(error)})")
    with fh:
        if size is not None and offset >= size:
            return Skip(source, f"{shown_path(path)} is {size:,} bytes long: no byte {offset}")
        fh.seek(offset)
        iterator = _quiet_iterator(fh)
        try:
            record = next(iter(iterator), None)
            if record is None or record.format != "warc":
                raise _NotWarc("no WARC record starts there")
        except _unreadable_errors() + (_NotWarc,) as error:
            return Skip(source, f"no WARC record can be read at byte {offset} ({_reason(error)})"
                        "; analyze the whole file to see where each page's record starts (its "
                        "source_path column)")
        item = _page(path, offset, record, Counter())
        return item if item is not None else Skip(
            source, f"the record at byte {offset} is {_what(record, _kind(record))}, not a web "
            "page")


def _what(record, kind: str) -> str:
    """What a record that is no web page is, in a few words."""
    if kind == "other" and record.http_headers is not None and record.rec_type == "response":
        content_type = record.http_headers.get_header("Content-Type") or ""
        return f"a response of {content_type.split(';')[0].strip() or 'no content type'}"
    if kind == "other":
        return f"a {record.rec_type} record"
    status = record.http_headers.get_statuscode()
    return f"a redirect (HTTP {status})" if kind == "redirect" else f"an HTTP {status} response"


def _open(path: str):
    """The archive's file open for reading, whether it is gzipped record by record, and its
    size; a WARC gzipped as one stream is read through gzip (gzipped False, size None)."""
    import gzip

    size = Path(path).stat().st_size
    fh = open(path, "rb")  # noqa: SIM115 - the caller closes it
    gzipped = fh.read(3) == GZIP_MAGIC
    if gzipped and _one_gzip_stream(fh):
        fh.close()
        fh, gzipped, size = _GzipStream(gzip.open(path, "rb")), False, None  # noqa: SIM115
    fh.seek(0)
    return fh, gzipped, size


def _begins_as_warc(fh) -> bool:
    """Whether the archive opens with a WARC record's version line (gzipped or not), so that
    a first record that cannot be read is a damaged record, not a file of another kind."""
    fh.seek(0)
    start = fh.read(1 << 12)
    if start.startswith(GZIP_MAGIC):
        try:
            start = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(start, 64)
        except zlib.error:
            return False
    return start.lstrip(b"\r\n").startswith(WARC_LINE)


class _NotWarc(Exception):
    """A record warcio read as something other than WARC (an ARC file, or no archive)."""


def _reason(error: BaseException) -> str:
    if isinstance(error, (AttributeError, TypeError)):  # warcio's, not the file's words
        return "a record without the headers it needs"
    lines = [line.strip() for line in str(error).strip().splitlines() if line.strip()]
    text = lines[0].split(", first line:")[0] if lines else type(error).__name__
    text = re.sub(r"[^\x20-\x7e]+", "…", text)  # a damaged header's bytes are not for a terminal
    return text if len(text) <= 100 else f"{text[:99]}…"


class _GzipStream:
    """A WARC gzipped as one stream, read as an uncompressed one: where the stream is cut
    short or damaged it ends, and ``damage`` says why (warcio takes the EOFError of a gzip
    stream cut short for the end of the file, and says nothing)."""

    def __init__(self, fh) -> None:
        self.fh, self.damage = fh, None

    def read(self, size: int = -1) -> bytes:
        try:
            return self.fh.read1(size if size and size > 0 else SCAN_BLOCK)  # (one block at
            # a time: what came before the damage is returned before it is found)
        except (EOFError, OSError, zlib.error) as error:
            self.damage = error
            return b""

    def readline(self) -> bytes:
        return self.fh.readline()

    def tell(self) -> int:
        return self.fh.tell()

    def seek(self, offset: int) -> int:
        self.damage = None
        return self.fh.seek(offset)

    def close(self) -> None:
        self.fh.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def _one_gzip_stream(fh, most: int = 1 << 24) -> bool:
    """Whether a gzipped WARC is one gzip stream of many records rather than one gzip member
    per record (as archives write them): the first member unpacks to more than its first
    record (its headers, the Content-Length bytes of its block and the line ends after it),
    and a second record's version line follows. (Not any version line in the member: a page
    may show one.) Reads the first member, up to ``most`` bytes unpacked."""
    inflate = zlib.decompressobj(zlib.MAX_WBITS | 16)
    fh.seek(0)
    unpacked = b""
    try:
        while not inflate.eof and len(unpacked) < most:
            block = fh.read(1 << 16)
            if not block:
                break
            unpacked += inflate.decompress(block, most - len(unpacked))
            headers_end = unpacked.find(b"\r\n\r\n")
            if headers_end < 0:
                continue
            length = _CONTENT_LENGTH.search(unpacked, 0, headers_end)
            if length is None:
                return False  # (a record the reader cannot read either: it says so)
            after = unpacked[headers_end + 4 + int(length[1]):].lstrip(b"\r\n")
            if len(after) >= len(WARC_LINE):
                return after.startswith(WARC_LINE)
    except zlib.error:
        pass  # a damaged first member: the reader says so
    return False


_CONTENT_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*([0-9]{1,18})[ \t]*\r?$")


def _next_record(fh, at: int, gzipped: bool) -> int | None:
    """The offset of the next place a record may start at or after ``at``: a gzip member's
    first bytes, or a WARC version line at the start of a line; None at the end of the file.
    (A false match fails to parse and the search goes on from there.)"""
    marker = GZIP_MAGIC if gzipped else b"\n" + WARC_LINE
    skip = 0 if gzipped else 1
    carried = b""
    base = at
    while True:
        try:
            fh.seek(base + len(carried))
            block = fh.read(SCAN_BLOCK)
        except (OSError, EOFError, zlib.error):  # a gzip stream damaged or cut short here
            return None
        if not block:
            return None
        data = carried + block
        found = data.find(marker)
        if found >= 0:
            return base + found + skip
        keep = len(marker) - 1
        carried = data[-keep:]
        base += len(data) - len(carried)


def _page(path: str, offset: int, record, counts: Counter):
    """The article of one WARC record, a Skip, or None for a record that is no page."""
    from ..errors import os_reason
    from ..fetch import MAX_BYTES
    from ..ingest import article_from_page
    from .sources import Record, Skip, read_published

    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    source = f"{path}#offset={offset}"
    kind = _kind(record)
    if kind != "page":
        if _cut_short(record):  # (its headers cut too, perhaps: what it was is not known)
            return Skip(source, f"{uri or f'a {record.rec_type} record'}: the record is cut "
                        "short (the file ends inside it)")
        counts[kind] += 1
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    media_type = content_type.split(";")[0].strip().lower()
    try:
        content = record.content_stream().read(MAX_BYTES + 1)
    except (zlib.error, OSError, EOFError, ValueError) as error:  # a broken Content-Encoding
        why = os_reason(error) if isinstance(error, OSError) else _reason(error)
        return Skip(source, f"{uri}: the page's bytes do not decode ({why})")
    if len(content) > MAX_BYTES:
        return Skip(source, f"{uri}: the page is over the {MAX_BYTES // 10**6} MB limit")
    if _cut_short(record):
        return Skip(source, f"{uri}: the record is cut short (the file ends inside it)")
    counts["pages"] += 1
    charset = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)
    try:
        article = article_from_page(content, uri, media_type, charset.group(1) if charset else "")
    except FramingError as error:
        return Skip(source, message_for(error, source))
    published, undated = read_published(article.published)
    if published is None:
        published, _ = read_published(record.rec_headers.get_header("WARC-Date"))
        undated = ""
    return Record(source=source, text=article.text, title=article.title, outlet=article.outlet,
                  published=published, url=article.url or uri, undated=undated)


def _kind(record) -> str:
    """What a record is: "page" (a response of status 200 holding HTML), "redirect", "status"
    (another status) or "other" (a request, metadata, an image…)."""
    from ..ingest import HTML_TYPES

    if record.rec_type != "response" or record.http_headers is None:
        return "other"
    status = record.http_headers.get_statuscode() or ""
    if status != "200":
        return "redirect" if status.startswith("3") else "status"
    content_type = record.http_headers.get_header("Content-Type") or ""
    return "page" if content_type.split(";")[0].strip().lower() in HTML_TYPES else "other"


def warc_size(path: str) -> int | None:
    """How many items (pages, read or skipped) ``warc_records`` gives for the web archive at
    ``path``, counted by reading its records' headers once (no page is extracted), for a
    progress bar's total; None when the file cannot be read through (damaged or cut short:
    the reader's count of what it skips there is not known before)."""
    records = pages = 0
    try:
        fh, _, size = _open(path)
        with fh:
            for record in _quiet_iterator(fh):
                if record.format != "warc":
                    return None  # (an ARC file, or no archive, is one item: said so)
                records += 1
                pages += _kind(record) == "page" or _cut_short(record)  # (a record cut
                # short is said to be)
            if getattr(fh, "damage", None) is not None or size not in (None, fh.tell()):
                return None
    except _unreadable_errors():
        return None
    return pages if records else 1  # (an empty file is one item: said so)


def _cut_short(record) -> bool:
    """Whether a record's block holds fewer bytes than its Content-Length says: the file
    ends inside it. (What the page's decoding left unread is read first.)"""
    raw = record.raw_stream
    while getattr(raw, "limit", 0) and raw.read(1 << 16):
        pass
    return bool(getattr(raw, "limit", 0))


def _tally(path: str, counts: Counter) -> str:
    """What a WARC file held, for the user: the pages read and the records left out."""
    left = [f"{counts[key]} {what}" for key, what in (
        ("other", "not web pages (requests, metadata, images…)"),
        ("redirect", "redirect(s)"), ("status", "error status(es)"),
        ("unreadable", "unreadable stretch(es)")) if counts[key]]
    return (f"{path}: {counts['pages']} web page(s) read"
            + (f"; left out: {', '.join(left)}" if left else ""))
