"""A tiny corpus store for the stories and outlet tests: the contract's `articles` and
`metrics` tables filled directly (the lead may switch this one helper to the Store API)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb

from framing.export import ARTICLE_COLUMNS

ARTICLES_DDL = """
CREATE TABLE meta(key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE articles(id VARCHAR PRIMARY KEY, source VARCHAR, title VARCHAR, outlet VARCHAR,
  published DATE, url VARCHAR, words INTEGER, text VARCHAR, added_at TIMESTAMP,
  duplicate_of VARCHAR);
"""
# metrics: article_id, then every other article column (numbers as DOUBLE, the rest VARCHAR)
TEXT_COLUMNS = {"title", "outlet", "published", "url", "source_path", "warnings",
                "primary_frame", "headline_only_terms"}


def text_id(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def make_store(path: Path, articles: list[dict], schema_version: int = 1):
    """A store at ``path`` with ``articles`` (dicts: text, title, outlet, published,
    duplicate_of, and optionally ``metrics``: a dict of metric values for the metrics table).
    Returns {key: article id} where key is the dict's ``key`` (else its text)."""
    con = duckdb.connect(str(path))
    con.execute(ARTICLES_DDL)
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(schema_version)])
    metric_columns = [c for c in ARTICLE_COLUMNS if c != "article_id"]
    con.execute("CREATE TABLE metrics(article_id VARCHAR PRIMARY KEY, "
                + ", ".join(f'"{c}" {"VARCHAR" if c in TEXT_COLUMNS else "DOUBLE"}'
                            for c in metric_columns) + ", run_id INTEGER)")
    ids = {}
    for article in articles:
        text = article["text"]
        aid = article.get("id") or text_id(text)
        ids[article.get("key", text)] = aid
        duplicate_of = article.get("duplicate_of")
        con.execute("INSERT INTO articles VALUES (?, 'test', ?, ?, ?, NULL, ?, ?, now(), ?)",
                    [aid, article.get("title"), article.get("outlet"), article.get("published"),
                     len(text.split()), text, ids.get(duplicate_of, duplicate_of)])
        values = article.get("metrics")
        if values is not None:
            names = list(values)
            con.execute(f"INSERT INTO metrics (article_id, {', '.join(names)}) VALUES "
                        f"(?{', ?' * len(names)})", [aid, *values.values()])
    con.close()
    return ids
