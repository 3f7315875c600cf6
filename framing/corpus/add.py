"""``corpus add``: read inputs, drop exact and near copies from the same outlet, write
articles in batches (each one transaction; the file is closed between batches so readers get
in)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..errors import shown_path
from .dedupe import NearDuplicates, signature, to_bytes
from .sources import Note, Record, Skip, no_date_reason
from .store import StoreError, WriterLock, check_store, connect, record_skipped

FLUSH_ROWS = 2000     # articles per transaction
FLUSH_SECONDS = 5.0   # or this much time since the last one (slow inputs: URLs, feeds)
UNDATED_SHOWN = 3     # articles without a readable date named one by one; the rest counted


@dataclass(frozen=True)
class AddSummary:
    """What one ``corpus add`` did."""

    added: int = 0
    near_duplicates: int = 0   # flagged duplicate_of (another outlet's copy): stored now,
                               # or an original stored before, found to be a later copy
    already_stored: int = 0    # the same text or a near copy from the same outlet: not stored
    skipped: int = 0           # unreadable inputs, recorded in the skipped table
    undated: int = 0           # stored without a date: their published value was no date
    same_outlet_copies: int = 0  # of already_stored, the near copies from the same outlet


def _silent(message: str) -> None:
    """The library says nothing itself: skips are counted and recorded in ``skipped``."""


def add_records(path, items: Iterable[Record | Skip | Note],
                report: Callable[[str], None] = _silent, progress=None) -> AddSummary:
    """Write records to the store at ``path`` (made if missing); skips are recorded in the
    ``skipped`` table, counted in the summary and told to ``report`` one line each; notes
    (what a web archive held) are told to ``report``."""
    counts = {"added": 0, "near": 0, "known": 0, "skipped": 0, "undated": 0, "own": 0}
    index = NearDuplicates()
    check_store(path, create=True)  # before the lock file beside it is made
    with WriterLock(path):
        with connect(path, create=True) as con:
            index.load(con)
        spellings = Spellings(index.outlets.values())
        buffer: list[Record] = []
        skips: list[Skip] = []
        last = time.monotonic()
        flushing = False
        try:
            for item in items:
                if isinstance(item, Note):  # a line about an input (what a web archive held)
                    report(item.message)
                    continue
                if progress is not None:
                    progress.update(1)
                if isinstance(item, Skip):
                    counts["skipped"] += 1
                    skips.append(item)
                    report(f"skipped {item.source}: {item.reason}")
                else:
                    buffer.append(item)
                    spellings.check(item.outlet, report)
                    for note in item.notes:  # (a list in its outlet cell, left empty)
                        report(f"{item.source}: {note}")
                if len(buffer) >= FLUSH_ROWS or time.monotonic() - last >= FLUSH_SECONDS:
                    flushing = True
                    _flush(path, buffer, skips, index, counts, report)
                    buffer, skips, last, flushing = [], [], time.monotonic(), False
            flushing = True
            _flush(path, buffer, skips, index, counts, report)
        except KeyboardInterrupt:
            # Ctrl+C (or SIGTERM) while reading: what was read is written first (not while
            # writing: that transaction is undone whole, and the rerun adds it)
            if not flushing:
                _flush(path, buffer, skips, index, counts, report)
            raise KeyboardInterrupt(
                f"interrupted after adding {counts['added']} article(s) to {shown_path(path)}; "
                "run the same command again to go on (what is stored is not added twice)"
            ) from None
    return AddSummary(counts["added"], counts["near"], counts["known"], counts["skipped"],
                      counts["undated"], counts["own"])


class Spellings:
    """The outlets' names, to tell the user once of a name that differs from another only in
    case ("daily news", "Daily News"): outlets are told apart as written, so these are two."""

    def __init__(self, outlets: Iterable[str]) -> None:
        self.known = set(outlets)
        self.by_case = {name.casefold(): name for name in self.known}

    def check(self, outlet: str, report: Callable[[str], None]) -> None:
        if outlet in self.known:
            return
        self.known.add(outlet)
        other = self.by_case.setdefault(outlet.casefold(), outlet)
        if other != outlet:
            report(f"outlet {outlet!r} differs from {other!r} only in case: they are two "
                   "outlets (rename one in the inputs to make them one)")


def _flush(path, buffer: list[Record], skips: list[Skip], index: NearDuplicates,
           counts: dict, report: Callable[[str], None]) -> None:
    import datetime as dt

    import pyarrow as pa

    if not buffer and not skips:
        return
    import duckdb

    with connect(path, write=True) as con:
        ids = list(dict.fromkeys(i for r in buffer for i in (r.id, r.copy_id)))
        known = {row[0] for row in con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids]
        ).fetchall()} if ids else set()
        now = dt.datetime.now()
        articles, signatures = [], []
        undated: list[Record] = []  # stored without a date (a copy not stored loses none)
        repointed: set[str] = set()  # articles whose original changed: an earlier one came
        for record in buffer:
            article_id = record.id
            if article_id in known and index.outlets.get(article_id, record.outlet) != (
                    record.outlet):
                article_id = record.copy_id  # the same text stored from another outlet: a
                # copy of it, kept as a near copy is (the earlier published is the original)
            if article_id in known:
                counts["known"] += 1
                continue
            minhash = signature(record.text)
            verdict = index.check(record.outlet, minhash, record.published)
            if verdict.same_outlet:
                counts["known"] += 1
                counts["own"] += 1
                continue
            known.add(article_id)
            if record.undated:
                undated.append(record)
            repointed.update(index.insert(article_id, record.outlet, minhash, record.published,
                                          verdict.duplicate_of, verdict.replaces))
            # one more copy in the store: this article, or the original it replaces
            counts["near"] += verdict.duplicate_of is not None or verdict.replaces is not None
            articles.append({
                "id": article_id, "source": record.source, "title": record.title,
                "outlet": record.outlet, "published": record.published, "url": record.url,
                "words": len(record.text.split()), "text": record.text, "added_at": now,
            })
            signatures.append({"article_id": article_id, "outlet": record.outlet,
                               "minhash": to_bytes(minhash)})
        for row in articles:  # as the index says now: an original may have come later
            row["duplicate_of"] = index.originals[row["id"]]
        batch = {row["id"] for row in articles}
        stored = sorted(repointed - batch)
        try:
            con.begin()
            if articles:
                new_articles = pa.Table.from_pylist(articles, schema=ARTICLE_SCHEMA)  # noqa: F841
                new_signatures = pa.Table.from_pylist(signatures, schema=SIGNATURE_SCHEMA)  # noqa: F841
                con.execute("INSERT INTO articles BY NAME SELECT * FROM new_articles")
                con.execute("INSERT INTO signatures BY NAME SELECT * FROM new_signatures")
            if stored:  # copies stored before, pointed at the earlier original in the batch
                originals = pa.table({  # noqa: F841
                    "id": pa.array(stored, pa.string()),
                    "original": pa.array([index.originals[i] for i in stored], pa.string())})
                con.execute("UPDATE articles SET duplicate_of = o.original FROM originals o "
                            "WHERE articles.id = o.id")
            record_skipped(con, [(s.source, s.reason) for s in skips])
            con.commit()
        except duckdb.Error as error:
            con.rollback()
            raise StoreError(f"{path}: could not write to the store ({error}); the articles "
                             "written before are kept; run the command again") from None
        counts["added"] += len(articles)
        for record in undated:
            counts["undated"] += 1
            if counts["undated"] <= UNDATED_SHOWN:
                report(f"{record.source}: published {record.undated!r} "
                       f"{no_date_reason(record.undated)}; stored without a date")


def _schemas():
    import pyarrow as pa

    articles = pa.schema([
        ("id", pa.string()), ("source", pa.string()), ("title", pa.string()),
        ("outlet", pa.string()), ("published", pa.date32()), ("url", pa.string()),
        ("words", pa.int32()), ("text", pa.string()), ("added_at", pa.timestamp("us")),
        ("duplicate_of", pa.string()),
    ])
    signatures = pa.schema([("article_id", pa.string()), ("outlet", pa.string()),
                            ("minhash", pa.binary())])
    return articles, signatures


ARTICLE_SCHEMA, SIGNATURE_SCHEMA = _schemas()
