"""Near-duplicate articles (a wire story republished with a new headline or a changed
paragraph): MinHash over word shingles, indexed with MinHashLSH (datasketch).

Policy (README, "Corpus"): an exact copy (same normalized text) is stored once. A near copy
from *another* outlet is stored and analyzed, with ``duplicate_of`` set to the first copy's
id, so outlet aggregates can leave copies out with ``WHERE duplicate_of IS NULL``; a near copy
from the *same* outlet (a republished or updated version) is not stored again.
"""

from __future__ import annotations

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

    duplicate_of: str | None = None  # the first copy's id (another outlet's)
    same_outlet: str | None = None   # the id of a copy from the same outlet: do not store


class NearDuplicates:
    """An LSH index of the stored articles' signatures, grown as articles are added."""

    def __init__(self) -> None:
        from datasketch import MinHashLSH

        self.lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self.outlets: dict[str, str] = {}
        self.originals: dict[str, str | None] = {}
        self.signatures: dict[str, object] = {}

    def load(self, con) -> None:
        """Index the signatures already in a store."""
        rows = con.execute(
            "SELECT s.article_id, s.outlet, s.minhash, a.duplicate_of FROM signatures s "
            "JOIN articles a ON a.id = s.article_id").fetchall()
        for article_id, outlet, data, original in rows:
            self.insert(article_id, outlet or "", from_bytes(data), original)

    def insert(self, article_id: str, outlet: str, minhash, duplicate_of: str | None) -> None:
        if article_id in self.outlets:
            return
        self.lsh.insert(article_id, minhash)
        self.outlets[article_id] = outlet
        self.originals[article_id] = duplicate_of
        self.signatures[article_id] = minhash

    def check(self, outlet: str, minhash) -> Verdict:
        candidates = [c for c in self.lsh.query(minhash)
                      if self.signatures[c].jaccard(minhash) >= THRESHOLD]
        if not candidates:
            return Verdict()
        candidates.sort()
        for candidate in candidates:
            if self.outlets[candidate] == outlet:
                return Verdict(same_outlet=candidate)
        first = candidates[0]
        return Verdict(duplicate_of=self.originals[first] or first)
