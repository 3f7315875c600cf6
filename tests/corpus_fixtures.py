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


def set_stories(path: Path, stories: dict[str, int]) -> None:
    """Write a ``stories`` table by hand: {article id: story id}."""
    con = duckdb.connect(str(path))
    con.execute("CREATE OR REPLACE TABLE stories(story_id INTEGER, article_id VARCHAR, "
                "similarity DOUBLE, label VARCHAR)")
    con.executemany("INSERT INTO stories VALUES (?, ?, 1.0, 'story')",
                    [[story, article] for article, story in stories.items()])
    con.close()


def metric_store(path: Path, rows: list[dict]) -> dict[str, str]:
    """A store of synthetic analyzed articles: each row has ``outlet``, optional ``story``,
    ``published``, ``duplicate_of`` (a row key), ``key`` and metric values (``metrics``).
    Writes ``stories`` when any row has a story. Returns {key: article id}."""
    articles = []
    for i, row in enumerate(rows):
        key = row.get("key", f"row{i}")
        articles.append({"key": key, "text": f"synthetic article {i} of {row['outlet']}",
                         "title": f"article {i}", "outlet": row["outlet"],
                         "published": row.get("published"),
                         "duplicate_of": row.get("duplicate_of"),
                         "metrics": row.get("metrics", {})})
    ids = make_store(path, articles)
    stories = {ids[row.get("key", f"row{i}")]: row["story"]
               for i, row in enumerate(rows) if row.get("story") is not None}
    if stories:
        set_stories(path, stories)
    return ids
