"""Outlets: article metrics by outlet (and outlet x story, month or frame) with bootstrap
confidence intervals, and comparisons of two outlets that say whether a gap is beyond noise.

Means and counts are computed in DuckDB (GROUP BY); only the per-article values of the chosen
metrics are loaded for the bootstrap, never the sentences. Duplicates (``duplicate_of`` set)
are left out: a wire copy printed by ten outlets would otherwise count ten times.

The interval is a percentile bootstrap: ``resamples`` samples of the group's articles drawn
with replacement (fixed seed), the mean of each, and the 2.5th and 97.5th percentiles. A group
of one article gets no interval. Comparing two outlets is *paired* when they share at least
``MIN_SHARED_STORIES`` stories: per shared story, each outlet's mean over its articles in the
story, and the stories are resampled, so that how hard or heated a story is cancels out. It is
*unpaired* otherwise: each outlet's articles are resampled independently.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

import numpy as np
import pandas as pd

from ..errors import shown_path
from ..report import metric_names
from .storeio import (  # noqa: F401 (the defaults are part of this module's interface)
    BY_CHOICES,
    MIN_SHARED_STORIES,
    RESAMPLES,
    CorpusReportError,
    StoriesMissingError,
    check_report_options,
    connect,
    has_stories,
    metric_list,
    table_exists,
)

SEED = 0
CONFIDENCE = 0.95
# Bootstrap draws are made in chunks of at most this many indices (bounds the memory).
DRAW_CHUNK = 4_000_000
NO_OUTLET = "(no outlet)"
# Columns of `metrics` that are not article metrics.
NOT_METRICS = frozenset({"article_id", "run_id", "title", "outlet", "published", "url",
                         "source_path", "warnings", "primary_frame", "headline_only_terms"})
_NUMERIC = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "FLOAT", "DOUBLE", "REAL",
            "DECIMAL", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT")

# The second grouping key of each --by choice: (SQL expression, output column).
_SECOND_KEY = {
    "outlet": None,
    "story": ("s.story_id", "story_id"),
    "month": ("coalesce(strftime(a.published, '%Y-%m'), '(no date)')", "month"),
    "frame": ("coalesce(nullif(m.primary_frame, ''), '(none)')", "primary_frame"),
}
AGGREGATE_COLUMNS = ("outlet", "metric", "articles", "mean", "ci_low", "ci_high", "note")


def metric_phrases() -> dict[str, str]:
    """Plain-words names of the metrics, as a sentence says them (``metric_names``)."""
    return {metric: name.phrase for metric, name in metric_names().items()}


def metric_columns(con) -> list[str]:
    """The numeric article metrics of the store's ``metrics`` table, in table order."""
    rows = con.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_name = 'metrics' ORDER BY ordinal_position").fetchall()
    return [name for name, kind in rows
            if name not in NOT_METRICS and kind.split("(")[0].upper() in _NUMERIC]


def check_analyzed(con, db) -> None:
    if not table_exists(con, "metrics") or con.execute(
            "SELECT count(*) FROM metrics m JOIN articles a ON a.id = m.article_id "
            "WHERE a.duplicate_of IS NULL").fetchone()[0] == 0:
        raise CorpusReportError("the store has no analyzed articles: run python -m framing "
                                f"corpus analyze {shown_path(str(db))}")


def known_outlets(con) -> list[str]:
    """The outlets of the store's analyzed articles (wire copies left out), sorted."""
    return [r[0] for r in con.execute(
        f"SELECT DISTINCT {outlet_sql()} {_from_clause('outlet')} ORDER BY 1").fetchall()]


def check_outlet(con, outlet: str) -> None:
    """Raise ``CorpusReportError`` naming the outlets when ``outlet`` has no analyzed
    articles."""
    known = known_outlets(con)
    if outlet not in known:
        raise CorpusReportError(
            f"no analyzed articles of outlet {outlet!r}; outlets: {', '.join(known)}")


def _choose_metrics(con, metrics) -> list[str]:
    available = metric_columns(con)
    if not metrics:
        return available
    unknown = [m for m in metrics if m not in available]
    if unknown:
        raise CorpusReportError(
            f"unknown metric {unknown[0]!r}; numeric metrics are: {', '.join(available)}")
    return list(dict.fromkeys(metrics))


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _from_clause(by: str) -> str:
    join = " JOIN stories s ON s.article_id = a.id" if by == "story" else ""
    return (f"FROM metrics m JOIN articles a ON a.id = m.article_id{join} "
            "WHERE a.duplicate_of IS NULL")


def outlet_sql() -> str:
    return f"coalesce(nullif(trim(a.outlet), ''), '{NO_OUTLET}')"


# ----------------------------------------------------------------------------- bootstrap


def bootstrap_means(values: np.ndarray, resamples: int = RESAMPLES,
                    rng: np.random.Generator | None = None) -> np.ndarray:
    """Means of ``resamples`` resamples (rows drawn with replacement) of ``values``.

    ``values`` is (n, m) or (g, n, m) for g groups of the same size (each group resampled
    with the same draws, which keeps it one matrix product); NaN values are left out of each
    mean. Returns (resamples, m) or (resamples, g, m).
    """
    rng = rng or np.random.default_rng(SEED)
    grouped = values.ndim == 3
    stack = values if grouped else values[None]
    g, n, m = stack.shape
    present = ~np.isnan(stack)
    filled = np.where(present, stack, 0.0)
    # (n, g*m) so that one product serves every group and metric
    filled = filled.transpose(1, 0, 2).reshape(n, g * m)
    present = present.transpose(1, 0, 2).reshape(n, g * m).astype(np.float64)
    complete = bool(present.all())  # then every resample's count is n: one product less
    out = np.empty((resamples, g * m))
    chunk = max(1, DRAW_CHUNK // max(n, 1))
    for start in range(0, resamples, chunk):
        b = min(chunk, resamples - start)
        draws = rng.integers(0, n, size=(b, n))
        counts = np.bincount((draws + n * np.arange(b)[:, None]).ravel(),
                             minlength=b * n).reshape(b, n).astype(np.float64)
        with np.errstate(invalid="ignore", divide="ignore"):
            out[start:start + b] = (counts @ filled) / (n if complete else counts @ present)
    out = out.reshape(resamples, g, m)
    return out if grouped else out[:, 0, :]


def interval_of(samples: np.ndarray, units: int) -> tuple[np.ndarray, np.ndarray]:
    """The 95 % interval of bootstrap ``samples`` of means of ``units`` articles (or stories):
    the expanded percentile interval (``framing.metrics.expanded_tail``), since a plain
    2.5th–97.5th percentile bootstrap of a few articles is too narrow."""
    from ..metrics import expanded_tail

    return _interval(samples, expanded_tail(units, CONFIDENCE))


def _interval(samples: np.ndarray, tail: float = (1.0 - CONFIDENCE) / 2
              ) -> tuple[np.ndarray, np.ndarray]:
    """The ``tail`` and ``1 − tail`` quantiles along axis 0, NaNs left out (NaN when all are
    NaN); numpy's linear interpolation, vectorized (``np.nanpercentile`` loops column by
    column)."""
    ordered = np.sort(samples, axis=0)  # NaNs sort last
    valid = (~np.isnan(ordered)).sum(axis=0)
    bounds = []
    for q in (tail, 1.0 - tail):
        position = q * np.maximum(valid - 1, 0)
        below = np.floor(position).astype(np.int64)
        above = np.minimum(below + 1, np.maximum(valid - 1, 0))
        low_value = np.take_along_axis(ordered, below[None], axis=0)[0]
        high_value = np.take_along_axis(ordered, above[None], axis=0)[0]
        value = low_value + (position - below) * (high_value - low_value)
        bounds.append(np.where(valid > 0, value, np.nan))
    return bounds[0], bounds[1]


# ----------------------------------------------------------------------------- aggregates

# Up to this many articles, the percentile bootstrap interval of a mean is exactly the range
# of the values: a resample of one article drawn n times has probability (1/n)^n, above 2.5 %
# for n <= 3, so the 2.5th and 97.5th percentiles are the smallest and largest value. These
# groups (most outlet x story groups) take their interval from SQL's min and max, and say it is
# the range: it holds the mean only about half the time for 2 articles, 3 in 4 for 3.
EXACT_RANGE_UP_TO = 3
# Fewer articles (stories) than this on one side of a comparison: the interval is too narrow
# (bench/calibration.py: 7-15 % 'beyond noise' at 95 % with 3 against 3), and the sentence
# says it is rough.
ROUGH_BELOW = 5
# Bootstrap means held at once: resamples x groups x metrics (bounds the memory).
BOOT_CELLS = 20_000_000


def aggregate(db, by: str = "outlet", metrics=None, resamples: int = RESAMPLES,
              seed: int = SEED) -> pd.DataFrame:
    """Every chosen metric's mean over each group's articles, with a 95 % bootstrap interval.

    Parameters
    ----------
    db : a store path or an open DuckDB connection.
    by : ``outlet``, or ``story`` / ``month`` / ``frame`` for outlet x story (needs the
        ``stories`` table), outlet x publication month (``YYYY-MM``), outlet x primary frame.
    metrics : metric column names (default: every numeric column of ``metrics``).
    resamples, seed : the bootstrap's resamples and random seed.

    Returns a long table: ``outlet``, the second key (``story_id``, ``month`` or
    ``primary_frame``) when ``by`` is not ``outlet``, ``metric``, ``articles`` (articles with a
    value for the metric), ``mean``, ``ci_low``, ``ci_high`` (NaN when there is no interval)
    and ``note`` (why there is no interval).
    """
    if by not in BY_CHOICES:
        raise CorpusReportError(f"by must be one of {', '.join(BY_CHOICES)}, not {by!r}")
    check_report_options(resamples, seed)
    metrics = metric_list(metrics)
    with connect(db) as con:
        check_analyzed(con, db)
        if by == "story" and not has_stories(con):
            raise StoriesMissingError(db)
        chosen = _choose_metrics(con, metrics)
        second = _SECOND_KEY[by]
        keys = [f"{outlet_sql()} AS outlet"] + ([f"{second[0]} AS {second[1]}"]
                                                 if second else [])
        key_names = ["outlet"] + ([second[1]] if second else [])
        group = ", ".join(key_names)
        # means, counts and ranges in SQL
        parts = ", ".join(
            f"avg(m.{_quote(c)}) AS {_quote('mean:' + c)}, count(m.{_quote(c)}) AS "
            f"{_quote('n:' + c)}, min(m.{_quote(c)}) AS {_quote('min:' + c)}, "
            f"max(m.{_quote(c)}) AS {_quote('max:' + c)}" for c in chosen)
        sums = con.execute(f"SELECT {', '.join(keys)}, count(*) AS _size, {parts} "
                           f"{_from_clause(by)} GROUP BY ALL ORDER BY {group}").df()
        # per-article values, only for the groups whose interval needs the bootstrap, in a
        # fixed order (by article too), so a seed draws the same resamples every time
        values = con.execute(
            f"""WITH rows AS (SELECT {', '.join(keys)}, a.id AS _article,
                                     {', '.join('CAST(m.' + _quote(c) + ' AS DOUBLE) AS '
                                                + _quote(c) for c in chosen)}
                              {_from_clause(by)})
                SELECT * FROM rows
                QUALIFY count(*) OVER (PARTITION BY {group}) > {EXACT_RANGE_UP_TO}
                ORDER BY {group}, _article""").df()
    g, m = len(sums), len(chosen)
    counts = sums[[f"n:{c}" for c in chosen]].to_numpy(dtype=np.int64).reshape(g, m)
    means = sums[[f"mean:{c}" for c in chosen]].to_numpy(dtype=np.float64).reshape(g, m)
    ci_low = sums[[f"min:{c}" for c in chosen]].to_numpy(dtype=np.float64, copy=True).reshape(g, m)
    ci_high = sums[[f"max:{c}" for c in chosen]].to_numpy(dtype=np.float64,
                                                            copy=True).reshape(g, m)
    if not values.empty:
        row_of = {key: i for i, key in enumerate(sums[key_names].itertuples(index=False,
                                                                             name=None))}
        matrix = values[chosen].to_numpy(dtype=np.float64)
        codes, uniques = pd.factorize(
            pd.Series(list(values[key_names].itertuples(index=False, name=None)),
                      dtype=object), sort=False)
        sizes = np.bincount(codes)
        order = np.argsort(codes, kind="stable")
        starts = np.concatenate([[0], np.cumsum(sizes)])
        rng = np.random.default_rng(seed)
        per_chunk = max(1, BOOT_CELLS // (resamples * max(m, 1)))
        for size in np.unique(sizes):
            groups = np.flatnonzero(sizes == size)
            for first in range(0, len(groups), per_chunk):
                part = groups[first:first + per_chunk]
                stack = np.stack([matrix[order[starts[k]:starts[k] + size]] for k in part])
                low, high = interval_of(bootstrap_means(stack, resamples, rng), int(size))
                rows = [row_of[uniques[k]] for k in part]
                ci_low[rows], ci_high[rows] = low, high
    # where the interval is exactly the range, the SQL min/max stay; one article: none
    single = counts <= 1
    ci_low[single] = np.nan
    ci_high[single] = np.nan
    note = np.full(counts.shape, "", dtype=object)  # object: a string dtype would be huge
    for n in range(2, EXACT_RANGE_UP_TO + 1):
        note[counts == n] = f"only {n} articles: the range, not a 95 % interval"
    note[counts == 1] = "only 1 article: no interval"
    note[counts == 0] = "no values"
    frame = pd.DataFrame({k: np.repeat(sums[k].to_numpy(), m) for k in key_names})
    frame["metric"] = np.tile(np.array(chosen, dtype=object), g)
    frame["articles"] = counts.ravel()
    frame["mean"] = means.ravel()
    frame["ci_low"] = ci_low.ravel()
    frame["ci_high"] = ci_high.ravel()
    frame["note"] = note.ravel()
    return frame


# ----------------------------------------------------------------------------- comparisons


@dataclass(frozen=True)
class OutletDifference:
    """Outlet B against outlet A on one metric (B minus A; B / A for rates per 1,000 words).

    ``paired``: over the ``shared_stories`` both covered (per story, each outlet's mean over
    its articles in it), else over all their articles. ``ci_low``/``ci_high`` bound the
    difference, ``ratio_low``/``ratio_high`` the ratio (95 % percentile bootstrap); None when
    there is no interval. ``beyond_noise`` is True when the difference's interval excludes 0.
    ``summary`` says it in one sentence.
    """

    metric: str
    outlet_a: str
    outlet_b: str
    paired: bool
    shared_stories: int
    articles_a: int
    articles_b: int
    mean_a: float
    mean_b: float
    difference: float
    ci_low: float | None
    ci_high: float | None
    ratio: float | None
    ratio_low: float | None
    ratio_high: float | None
    beyond_noise: bool | None
    summary: str


DIFFERENCE_COLUMNS = tuple(f.name for f in fields(OutletDifference))


def differences_frame(differences) -> pd.DataFrame:
    """The comparisons as a table with the columns of ``DIFFERENCE_COLUMNS``."""
    return pd.DataFrame([asdict(d) for d in differences], columns=list(DIFFERENCE_COLUMNS))


def _is_rate(metric: str) -> bool:
    return metric.endswith("_per_1k")


def _fmt(value: float) -> str:
    return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"


def _sentence(d: dict, phrase: str, note: str) -> str:
    a, b = d["outlet_a"], d["outlet_b"]
    where = f"On the {d['shared_stories']} stories both covered, " if d["paired"] else ""
    if d["ratio"] is not None:
        body = f"{b} used {d['ratio']:.2f}× as many {phrase} as {a}"
        if d["ratio_low"] is not None:
            body += f" (95 % CI {d['ratio_low']:.2f}–{d['ratio_high']:.2f})"
    else:
        body = (f"{b}'s mean {phrase} was {_fmt(d['mean_b'])} against {_fmt(d['mean_a'])} "
                f"for {a}, a difference of {d['difference']:+.3g}")
        if d["ci_low"] is not None:
            body += f" (95 % CI {d['ci_low']:+.3g} to {d['ci_high']:+.3g})"
    if d["beyond_noise"] is None:
        verdict = ": no interval"
    elif d["beyond_noise"]:
        verdict = ": beyond noise (the interval excludes " + (
            "1)" if d["ratio"] is not None else "0)")
    else:
        verdict = ": within noise (the interval includes " + (
            "1)" if d["ratio"] is not None else "0)")
    text = where + body + verdict
    if note:
        text += f" ({note})"
    return text + "."  # (an outlet's name opening it stays as written: "daily news's mean")


def _article_values(con, outlet: str, metrics: list[str]) -> np.ndarray:
    columns = ", ".join(f"CAST(m.{_quote(c)} AS DOUBLE)" for c in metrics)
    rows = con.execute(f"SELECT {columns} {_from_clause('outlet')} AND {outlet_sql()} = ? "
                       "ORDER BY a.id", [outlet]).fetchall()  # (a fixed order: see aggregate)
    return np.array(rows, dtype=np.float64).reshape(-1, len(metrics))


def _story_means(con, a: str, b: str, metrics: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per story both outlets covered: each outlet's mean over its articles in the story."""
    means = ", ".join(f"avg(CAST(m.{_quote(c)} AS DOUBLE))" for c in metrics)
    rows = con.execute(
        f"""WITH per AS (SELECT s.story_id, {outlet_sql()} AS outlet, {means}
                         {_from_clause('story')} AND {outlet_sql()} IN (?, ?)
                         GROUP BY ALL)
            SELECT * FROM per WHERE story_id IN (
                SELECT story_id FROM per GROUP BY story_id HAVING count(*) = 2)
            ORDER BY story_id, outlet = ?""", [a, b, b]).fetchall()
    if not rows:
        empty = np.empty((0, len(metrics)))
        return empty, empty
    table = np.array([r[2:] for r in rows], dtype=np.float64)
    return table[0::2], table[1::2]


def shared_stories(db, a: str, b: str) -> int:
    """How many stories both outlets covered with analyzed, non-duplicate articles."""
    with connect(db) as con:
        if not table_exists(con, "stories"):
            return 0
        return con.execute(
            f"""SELECT count(*) FROM (SELECT s.story_id {_from_clause('story')}
                AND {outlet_sql()} IN (?, ?) GROUP BY s.story_id
                HAVING count(DISTINCT {outlet_sql()}) = 2)""", [a, b]).fetchone()[0]


def compare_outlets(db, a: str, b: str, metrics=None, paired: bool | None = None,
                    min_shared: int = MIN_SHARED_STORIES, resamples: int = RESAMPLES,
                    seed: int = SEED) -> list[OutletDifference]:
    """Outlet ``b`` against outlet ``a`` on each metric.

    ``paired=None`` (the default) pairs by story when the outlets share at least
    ``min_shared`` stories, else compares all their articles unpaired; True forces the paired
    comparison (it needs 2 shared stories), False the unpaired one.
    """
    check_report_options(resamples, seed)
    if paired is not None and not isinstance(paired, bool):  # ("yes" was unpaired)
        raise TypeError(f"paired must be True, False or None, not {type(paired).__name__} "
                        f"{paired!r}")
    metrics = metric_list(metrics)
    with connect(db) as con:
        check_analyzed(con, db)
        chosen = _choose_metrics(con, metrics)
        for outlet in (a, b):
            check_outlet(con, outlet)
        if a == b:
            raise CorpusReportError("compare two different outlets")
        grouped = has_stories(con)
        shared = shared_stories(con, a, b) if grouped else 0
        if paired is True and not grouped:
            raise StoriesMissingError(db)
        if paired is True and shared < 2:
            raise CorpusReportError(
                f"{a} and {b} share {shared} stories: a paired comparison needs at least 2")
        use_paired = shared >= 2 if paired is True else (
            paired is None and shared >= min_shared)
        values_a = _article_values(con, a, chosen)
        values_b = _article_values(con, b, chosen)
        if use_paired:
            story_a, story_b = _story_means(con, a, b, chosen)
    if not use_paired:
        note = ("unpaired: no stories yet" if not grouped
                else "unpaired: the outlets share no story" if paired is None and not shared
                else f"unpaired: the outlets share only {shared} "
                     f"{'story' if shared == 1 else 'stories'}" if paired is None
                else "unpaired")
    else:
        note = ""
    rng = np.random.default_rng(seed)
    phrases = metric_phrases()
    # every metric at once: the paired one resamples the same stories for both outlets
    if use_paired:
        missing = np.isnan(story_a) | np.isnan(story_b)
        story_a = np.where(missing, np.nan, story_a)
        story_b = np.where(missing, np.nan, story_b)
        counts_a = counts_b = (~missing).sum(axis=0)
        if len(story_a) >= 2:
            both = bootstrap_means(np.stack([story_a, story_b]), resamples, rng)
            boot_a, boot_b = both[:, 0, :], both[:, 1, :]
    else:
        counts_a = (~np.isnan(values_a)).sum(axis=0)
        counts_b = (~np.isnan(values_b)).sum(axis=0)
        if len(values_a) >= 2 and len(values_b) >= 2:
            boot_a = bootstrap_means(values_a, resamples, rng)
            boot_b = bootstrap_means(values_b, resamples, rng)
    out = []
    for i, metric in enumerate(chosen):
        if use_paired:
            x_a = story_a[:, i][~np.isnan(story_a[:, i])]
            x_b = story_b[:, i][~np.isnan(story_b[:, i])]
            n_a = n_b = int(counts_a[i])
            has_interval = n_a >= 2
            metric_note = note
        else:
            x_a = values_a[:, i][~np.isnan(values_a[:, i])]
            x_b = values_b[:, i][~np.isnan(values_b[:, i])]
            n_a, n_b = int(counts_a[i]), int(counts_b[i])
            has_interval = n_a >= 2 and n_b >= 2
            lonely = [f"{o} has only {n} article" for o, n in ((a, n_a), (b, n_b)) if n == 1]
            metric_note = "; ".join([note] + ([", ".join(lonely) + ": no interval"]
                                              if lonely else [])).strip("; ")
        mean_a = float(np.mean(x_a)) if len(x_a) else np.nan
        mean_b = float(np.mean(x_b)) if len(x_b) else np.nan
        d = {"metric": metric, "outlet_a": a, "outlet_b": b, "paired": use_paired,
             "shared_stories": int(shared), "articles_a": int(n_a), "articles_b": int(n_b),
             "mean_a": mean_a, "mean_b": mean_b, "difference": mean_b - mean_a,
             "ci_low": None, "ci_high": None, "ratio": None, "ratio_low": None,
             "ratio_high": None, "beyond_noise": None}
        rate = _is_rate(metric) and mean_a > 0
        if rate:
            d["ratio"] = mean_b / mean_a
        if has_interval and min(n_a, n_b) < ROUGH_BELOW:
            unit = "stories" if use_paired else "articles"
            metric_note = "; ".join(filter(None, [
                metric_note, f"only {min(n_a, n_b)} {unit} on one side: a rough interval"]))
        if has_interval:
            units = min(n_a, n_b)
            low, high = interval_of(boot_b[:, i] - boot_a[:, i], units)
            d["ci_low"], d["ci_high"] = float(low), float(high)
            d["beyond_noise"] = bool(low > 0 or high < 0)
            if rate:
                with np.errstate(divide="ignore", invalid="ignore"):
                    r_low, r_high = interval_of(boot_b[:, i] / boot_a[:, i], units)
                d["ratio_low"], d["ratio_high"] = float(r_low), float(r_high)
        d["summary"] = _sentence(d, phrases.get(metric, metric.replace("_", " ")),
                                 metric_note)
        out.append(OutletDifference(**d))
    return out
