"""Whom each outlet gives a voice: the named sources its articles quote or report.

Read from the store's ``actors`` rows (the per-article pipeline's actors, whose
``quoted_sentences`` and ``attributed_sentences`` count the body sentences that quote them or
report their words), summed in DuckDB by outlet and actor; wire copies (``duplicate_of`` set)
are left out, as in the outlet report. These are counts, not tests: a source one outlet quotes
in many sentences of one long article counts as much as one it quotes once in many articles,
which is why each row says in how many articles too.

An actor is its name as the articles write it in full ("Victor Lasko"; each article joins its
own short forms to it), so one person written two ways in two articles is two rows; its kind is
the one most of the outlet's articles give it.
"""

from __future__ import annotations

import pandas as pd

from .outlets import NO_OUTLET, check_analyzed, check_outlet, known_outlets, outlet_sql
from .storeio import CorpusReportError, connect

SOURCE_COLUMNS = ("outlet", "rank", "actor", "kind", "sentences", "quoted_sentences",
                  "attributed_sentences", "articles", "share")
KIND_COLUMNS = ("outlet", "kind", "sources", "sentences", "share")
MAX_TOP = 1_000_000

# The outlet's sourced actors: one row per (outlet, actor) with its sentences and articles.
_SOURCES = f"""
    WITH credited AS (
        SELECT {outlet_sql()} AS outlet, x.actor, x.kind, x.article_id,
               x.quoted_sentences AS quoted, x.attributed_sentences AS reported
        FROM actors x JOIN articles a ON a.id = x.article_id
        WHERE a.duplicate_of IS NULL AND x.quoted_sentences + x.attributed_sentences > 0),
    sources AS (
        SELECT outlet, actor, mode(kind ORDER BY kind) AS kind,
               sum(quoted + reported)::BIGINT AS sentences, sum(quoted)::BIGINT AS quoted,
               sum(reported)::BIGINT AS reported, count(DISTINCT article_id) AS articles
        FROM credited GROUP BY outlet, actor)
"""


def _check_top(top) -> None:
    if isinstance(top, bool) or not isinstance(top, int) or not 1 <= top <= MAX_TOP:
        raise CorpusReportError(f"top must be a whole number from 1 to {MAX_TOP:,}, not {top!r}")


def outlet_sources(db, top: int = 10, outlet: str | None = None) -> pd.DataFrame:
    """Each outlet's most quoted or reported named sources, the most sentences first.

    Parameters
    ----------
    db : a store path or an open DuckDB connection.
    top : how many sources of each outlet (ties broken by articles, then name).
    outlet : one outlet's only (as the store writes it; ``(no outlet)`` for none).

    Returns ``outlet``, ``rank``, ``actor``, ``kind``, ``sentences`` (body sentences quoting
    or reporting it, ``quoted_sentences`` + ``attributed_sentences``), ``articles`` (the
    outlet's articles that quote or report it) and ``share`` (its part of all the sentences the
    outlet credits to named sources; a sentence that quotes two counts for each).
    """
    _check_top(top)
    with connect(db) as con:
        check_analyzed(con, db)
        if outlet is not None:
            check_outlet(con, outlet)
        where = "WHERE s.outlet = $outlet" if outlet is not None else ""
        frame = con.execute(f"""{_SOURCES}
            SELECT s.outlet,
                   row_number() OVER (PARTITION BY s.outlet
                                      ORDER BY s.sentences DESC, s.articles DESC, s.actor) AS rank,
                   s.actor, s.kind, s.sentences, s.quoted AS quoted_sentences,
                   s.reported AS attributed_sentences, s.articles,
                   s.sentences / sum(s.sentences) OVER (PARTITION BY s.outlet) AS share
            FROM sources s {where}
            QUALIFY rank <= $top
            ORDER BY s.outlet, rank""",
            {"top": top, **({"outlet": outlet} if outlet is not None else {})}).df()
    return frame[list(SOURCE_COLUMNS)]


def sources_across_outlets(db, top: int = 15) -> pd.DataFrame:
    """The named sources quoted or reported in the most body sentences of the whole store, one
    row each: ``actor``, ``kind``, ``sentences`` (all outlets), ``outlets`` (how many quote or
    report it), then one column per outlet with its sentences (0 where it gives the source no
    voice)."""
    _check_top(top)
    with connect(db) as con:
        check_analyzed(con, db)
        outlets = known_outlets(con)
        long = con.execute(f"""{_SOURCES},
            ranked AS (
                SELECT actor, mode(kind ORDER BY kind) AS kind, sum(sentences) AS total,
                       count(*) AS outlets
                FROM sources GROUP BY actor
                ORDER BY total DESC, outlets DESC, actor LIMIT $top)
            SELECT r.actor, r.kind, r.total::BIGINT AS total, r.outlets, s.outlet, s.sentences
            FROM ranked r JOIN sources s ON s.actor = r.actor""", {"top": top}).df()
    fixed = ("actor", "kind", "sentences", "outlets")
    column = {o: f"{o} (outlet)" if o in fixed else o for o in outlets}  # (an outlet "kind")
    long["outlet"] = long["outlet"].map(column)
    outlets = [column[o] for o in outlets]
    if long.empty:
        return pd.DataFrame(columns=[*fixed, *outlets])
    wide = long.pivot_table(index=["actor", "kind", "total", "outlets"], columns="outlet",
                            values="sentences", aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=outlets, fill_value=0).reset_index()
    wide = wide.sort_values(["total", "outlets", "actor"], ascending=[False, False, True])
    wide.columns.name = None
    wide = wide.rename(columns={"total": "sentences"}).reset_index(drop=True)
    wide[outlets] = wide[outlets].astype("int64")
    return wide


def source_kinds(db, outlet: str | None = None) -> pd.DataFrame:
    """The kinds of named sources each outlet gives a voice (person, organization, country …):
    ``sources`` (distinct actors of the kind), ``sentences`` and ``share`` of the outlet's
    sentences credited to named sources."""
    with connect(db) as con:
        check_analyzed(con, db)
        if outlet is not None:
            check_outlet(con, outlet)
        where = "WHERE outlet = $outlet" if outlet is not None else ""
        frame = con.execute(f"""{_SOURCES}
            SELECT outlet, kind, count(*) AS sources, sum(sentences)::BIGINT AS sentences,
                   sum(sentences) / sum(sum(sentences)) OVER (PARTITION BY outlet) AS share
            FROM sources {where}
            GROUP BY outlet, kind
            ORDER BY outlet, sentences DESC, kind""",
            {"outlet": outlet} if outlet is not None else {}).df()
    return frame[list(KIND_COLUMNS)]


def sources_text(sources: pd.DataFrame, kinds: pd.DataFrame) -> str:
    """The two tables as the command line prints them: each outlet, its kinds of sources in
    one line, then its sources ranked."""
    lines = []
    for outlet, rows in sources.groupby("outlet", sort=True):
        mine = kinds[kinds["outlet"] == outlet]
        total, named = int(mine["sentences"].sum()), int(mine["sources"].sum())
        lines.append(f"{outlet or NO_OUTLET}: {named:,} named source{'s' if named != 1 else ''}"
                     f", credited in {total:,} body sentence{'s' if total != 1 else ''} ("
                     + ", ".join(f"{k.kind} {k.share:.0%}" for k in mine.itertuples()) + ")")
        for r in rows.itertuples():
            lines.append(
                f"  {r.rank:>3}. {r.actor} ({r.kind}): {r.sentences} sentence"
                f"{'s' if r.sentences != 1 else ''} in {r.articles} article"
                f"{'s' if r.articles != 1 else ''} ({r.quoted_sentences} quoted, "
                f"{r.attributed_sentences} reported), {r.share:.0%}")
    return "\n".join(lines) if lines else "(no named sources)"
