"""Near-duplicate articles (a wire story republished with a new headline or a changed
paragraph): MinHash over word shingles, indexed with MinHashLSH (datasketch).

Policy (README, "Corpus"): an exact copy (same normalized text) is stored once. A near copy
from *another* outlet is stored and analyzed, with ``duplicate_of`` set to the original's id,
so outlet aggregates can leave copies out with ``WHERE duplicate_of IS NULL``; a near copy
from the *same* outlet (a republished or updated version) is not stored again. The original
of a group of near copies is the earliest published (on a tie, or without both dates, the
first added), whatever order they are added in: an earlier one added later becomes the
original, and the group's stored copies are pointed at it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import numpy as np

NUM_PERM = 64        # signature length: 256 bytes per article
SCHEME = "affine32"  # datasketch's hashing scheme, fixed so stored signatures stay comparable
SHINGLE = 5          # words per shingle
THRESHOLD = 0.7      # estimated Jaccard similarity of shingle sets at which texts are copies
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + SHINGLE]).encode("utf-8")
            for i in range(len(words) - SHINGLE + 1)}


def signature(text: str):
    """The MinHash of a text's word shingles (a datasketch ``LeanMinHash``)."""
    from datasketch import LeanMinHash, MinHash

    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return LeanMinHash(minhash)


def to_bytes(minhash) -> bytes:
    return np.asarray(minhash.hashvalues, dtype=np.uint32).tobytes()


def from_bytes(data: bytes):
    from datasketch import LeanMinHash

    return LeanMinHash(seed=1, hashvalues=np.frombuffer(data, dtype=np.uint32), scheme=SCHEME)


@dataclass(frozen=True)
class Verdict:
    """What the index says about a new article."""

    duplicate_of: str | None = None  # the original's id (another outlet's)
    same_outlet: str | None = None   # the id of a copy from the same outlet: do not store
    replaces: str | None = None      # the original it is earlier than: it becomes the original


def earlier(published: dt.date | None, than: dt.date | None) -> bool:
    """Whether an article published on ``published`` is the original rather than one of
    ``than``: only when both dates are known and it is strictly earlier (otherwise the one
    added first stays the original)."""
    return published is not None and than is not None and published < than


class NearDuplicates:
    """An LSH index of the stored articles' signatures, grown as articles are added."""

    def __init__(self) -> None:
        from datasketch import MinHashLSH

        self.lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self.outlets: dict[str, str] = {}
        self.originals: dict[str, str | None] = {}
        self.published: dict[str, dt.date | None] = {}
        self.signatures: dict[str, object] = {}
        self.copies: dict[str, set[str]] = {}  # an original's id -> its copies' ids

    def load(self, con) -> None:
        """Index the signatures already in a store, in the order they were added."""
        rows = con.execute(
            "SELECT s.article_id, s.outlet, s.minhash, a.duplicate_of, a.published "
            "FROM signatures s JOIN articles a ON a.id = s.article_id "
            "ORDER BY a.added_at, a.rowid").fetchall()
        for article_id, outlet, data, original, published in rows:
            self.insert(article_id, outlet or "", from_bytes(data), published, original)

    def insert(self, article_id: str, outlet: str, minhash, published: dt.date | None,
               duplicate_of: str | None = None, replaces: str | None = None) -> list[str]:
        """Index an article. With ``replaces`` (a ``Verdict``'s), it becomes the original of
        that one's group: returns the ids whose ``duplicate_of`` is now ``article_id``."""
        if article_id in self.outlets:
            return []
        self.lsh.insert(article_id, minhash)
        self.outlets[article_id] = outlet
        self.published[article_id] = published
        self.signatures[article_id] = minhash
        self.originals[article_id] = duplicate_of
        if duplicate_of is not None:
            self.copies.setdefault(duplicate_of, set()).add(article_id)
        if replaces is None:
            return []
        group = sorted({replaces} | self.copies.pop(replaces, set()))
        for member in group:
            self.originals[member] = article_id
        self.copies[article_id] = set(group)
        return group

    def check(self, outlet: str, minhash, published: dt.date | None = None) -> Verdict:
        candidates = [c for c in self.lsh.query(minhash)
                      if self.signatures[c].jaccard(minhash) >= THRESHOLD]
        if not candidates:
            return Verdict()
        candidates.sort()
        for candidate in candidates:
            if self.outlets[candidate] == outlet:
                return Verdict(same_outlet=candidate)
        original = self.originals[candidates[0]] or candidates[0]
        if earlier(published, self.published.get(original)):
            return Verdict(replaces=original)
        return Verdict(duplicate_of=original)
