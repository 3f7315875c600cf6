"""Calibration of the confidence statements: false clears, power and coverage, by simulation.

    python bench/calibration.py [--quick] [--pairs N] [--seed S]

Reads only the project's own articles (corpus/articles and corpus/example_corpus), analyzes
them once and works on their per-sentence counts (``framing.metrics.SentenceCounts``), so
every figure goes through the same code as a comparison does (``counts_differences``).

Two articles "written alike" (the null) are made three ways:

- ``split``: one article's paragraphs split at random into two halves (articles of 8
  paragraphs or more);
- ``pool, paragraphs``: two articles of 15–40 sentences drawn paragraph by paragraph, with
  replacement, from all the articles of one outlet of the example corpus (its house style);
- ``pool, sentences``: the same, sentence by sentence.

Tables (each printed with the old rule, a percentile bootstrap over sentences, beside the
current one):

1. false clears: how often each metric's difference is called clear (nominal 10 %);
2. how many metrics a null comparison calls clear (multiplicity);
3. power: article B gets k sentences of loaded author voice in place of k of its own;
4. coverage of the per-article framing-score interval (nominal 90 %);
5. the outlet report's 95 % interval of a mean, and a comparison of two outlets that
   write alike, for groups of 3, 5, 10 and 30 articles.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing import Analyzer, load_article  # noqa: E402
from framing.confidence import COUNT_METRICS, counts_differences  # noqa: E402
from framing.corpus.outlets import CONFIDENCE, bootstrap_means, interval_of  # noqa: E402
from framing.metrics import (  # noqa: E402
    COUNTS,
    RATE_COUNTS,
    SentenceCounts,
    ratio_metrics,
    read_score_parts,
    replicates,
    score_interval,
    score_points,
)

FOLDERS = (ROOT / "corpus" / "articles", ROOT / "corpus" / "example_corpus")
OUTLETS = ("meridian", "tvpm", "gazette", "blaze", "hearth")
SHOWN = ("framing_score", "author_loaded_per_1k", "boosters_per_1k", "hedges_per_1k",
         "opinion_share_body", "opinion_share_author", "reported_opinion_share",
         "quoted_word_share", "loaded_attribution_share", "author_tone", "source_gap",
         "named_sources", "unnamed_attributions")
PARTS = read_score_parts()


# ----------------------------------------------------------------------------- data


def load() -> tuple[dict[str, SentenceCounts], dict[str, SentenceCounts]]:
    """Every article's counts, and one pooled SentenceCounts per example-corpus outlet."""
    analyzer = Analyzer()
    articles = {}
    for folder in FOLDERS:
        for path in sorted(folder.glob("*.txt")):
            articles[f"{folder.name}/{path.stem}"] = analyzer.analyze(load_article(path)).counts
    pools = {}
    for outlet in OUTLETS:
        members = [c for key, c in articles.items()
                   if key.startswith("example_corpus/") and key.endswith("_" + outlet)]
        pools[outlet] = pooled(members)
    return articles, pools


def pooled(members: list[SentenceCounts]) -> SentenceCounts:
    """Several articles as one pool of sentences (paragraphs and sources kept apart)."""
    rows = sum(c.table.shape[0] for c in members)
    sources = np.zeros((rows, sum(c.sources.shape[1] for c in members)), dtype=bool)
    paragraphs, r, s, offset = [], 0, 0, 0
    for c in members:
        n, k = c.sources.shape
        sources[r:r + n, s:s + k] = c.sources
        paragraphs.append(np.unique(c.paragraphs, return_inverse=True)[1].ravel() + offset)
        offset = paragraphs[-1].max() + 1
        r, s = r + n, s + k
    return SentenceCounts(np.vstack([c.table for c in members]), sources, False, False,
                          np.concatenate(paragraphs))


def subset(pool: SentenceCounts, rows: np.ndarray, paragraphs: np.ndarray) -> SentenceCounts:
    return SentenceCounts(pool.table[rows], pool.sources[rows], False, False, paragraphs)


def draw(pool: SentenceCounts, n: int, rng, by: str) -> SentenceCounts:
    """An article of ``n`` body sentences drawn from ``pool``, by paragraph or by sentence."""
    if by == "sentences":
        rows = rng.integers(0, pool.table.shape[0], n)
        return subset(pool, rows, np.arange(n))
    starts = np.flatnonzero(np.r_[True, np.diff(pool.paragraphs) != 0])
    ends = np.r_[starts[1:], len(pool.paragraphs)]
    rows, labels, k = [], [], 0
    while len(rows) < n:
        p = rng.integers(0, len(starts))
        taken = list(range(starts[p], ends[p]))[: n - len(rows)]
        rows += taken
        labels += [k] * len(taken)  # a paragraph drawn twice is two paragraphs
        k += 1
    return subset(pool, np.array(rows), np.array(labels))


def values_of(counts: SentenceCounts) -> dict[str, float]:
    """The article's metrics, unrounded, and its framing score, as the pipeline computes them."""
    v = ratio_metrics(counts.table.sum(axis=0, keepdims=True),
                      np.array([counts.sources.any(axis=0).sum()]), counts.table.shape[0])
    v["framing_score"] = score_points(v, counts, PARTS)
    return {k: float(np.asarray(x).ravel()[0]) for k, x in v.items()}


# ----------------------------------------------------------------------------- the two rules


def current(ca: SentenceCounts, cb: SentenceCounts, seed: int) -> dict[str, bool | None]:
    va, vb = values_of(ca), values_of(cb)
    rows = [(m, (va[m], vb[m])) for m in va]
    return {d.metric: d.clear for d in counts_differences([ca, cb], [seed, seed + 1], rows)}


def legacy(ca: SentenceCounts, cb: SentenceCounts, seed: int) -> dict[str, bool | None]:
    """The rule before this benchmark: a percentile bootstrap over sentences for every
    metric that is not a rate, every such metric tested, whatever the articles' length."""
    out = current(ca, cb, seed)  # rates: the exact test, unchanged
    flat = [SentenceCounts(c.table, c.sources, False, False, None) for c in (ca, cb)]
    boots = []
    for c, s in zip(flat, (seed, seed + 1)):
        v = replicates(c, seed=s)
        v["framing_score"] = score_points(v, c, PARTS)
        boots.append(v)
    va, vb = values_of(ca), values_of(cb)
    for m in va:
        if m in RATE_COUNTS:
            continue
        low, high = np.quantile(boots[1][m] - boots[0][m], [0.05, 0.95])
        diff = vb[m] - va[m]
        out[m] = bool(min(low, diff) > 0 or max(high, diff) < 0)
    return out


RULES = {"old": legacy, "new": current}


# ----------------------------------------------------------------------------- simulations


def null_pairs(articles, pools, design: str, pairs: int, rng):
    """Pairs of articles written alike, as (A, B)."""
    if design == "split":
        long = [c for c in articles.values() if len(np.unique(c.paragraphs)) >= 8]
        for i in range(pairs):
            c = long[i % len(long)]
            labels = np.unique(c.paragraphs, return_inverse=True)[1].ravel()
            half = rng.permutation(labels.max() + 1)[: (labels.max() + 1) // 2]
            mask = np.isin(labels, half)
            yield (subset(c, np.flatnonzero(mask), labels[mask]),
                   subset(c, np.flatnonzero(~mask), labels[~mask]))
        return
    by = design.split(", ")[1]
    for i in range(pairs):
        pool = pools[OUTLETS[i % len(OUTLETS)]]
        na, nb = rng.integers(15, 41, 2)
        yield draw(pool, na, rng, by), draw(pool, nb, rng, by)


def false_clears(articles, pools, pairs: int, seed: int) -> None:
    designs = ("split", "pool, paragraphs", "pool, sentences")
    rates, totals = {}, {}
    for design in designs:
        rng = np.random.default_rng(seed)
        for i, (a, b) in enumerate(null_pairs(articles, pools, design, pairs, rng)):
            for rule, fn in RULES.items():
                calls = fn(a, b, 2 * i)
                totals.setdefault((design, rule), []).append(sum(bool(c) for c in calls.values()))
                for m, c in calls.items():
                    rates.setdefault((design, rule, m), []).append(bool(c))
    print(f"\n1. False clears between two articles written alike ({pairs} pairs per design; "
          "nominal 10 %)")
    head = "".join(f" {d[:16]:>16} old/new" for d in designs)
    print(f"{'metric':32}{head}")
    for m in SHOWN:
        cells = "".join(f" {100 * np.mean(rates[(d, 'old', m)]):15.1f} %"
                        f"/{100 * np.mean(rates[(d, 'new', m)]):4.1f}" for d in designs)
        print(f"{m:32}{cells}")
    tested = [m for m in rates_metrics(rates) if m not in COUNT_METRICS]
    print(f"\n2. Metrics called clear in one null comparison (of {len(tested)} tested now, "
          f"{len(rates_metrics(rates))} before)")
    print(f"{'design':20} {'rule':4} {'mean':>5} {'none':>6} {'3+':>6}")
    for (design, rule), t in totals.items():
        t = np.array(t)
        print(f"{design:20} {rule:4} {t.mean():5.2f} {100 * np.mean(t == 0):5.0f} % "
              f"{100 * np.mean(t >= 3):4.0f} %")


def rates_metrics(rates) -> list[str]:
    return sorted({m for (_, _, m) in rates})


def power(pools, pairs: int, seed: int) -> None:
    """B is A's outlet plus k loaded sentences: sentences of the Blaze and Hearth & Hammer in
    the author's voice with a loaded term, in place of k of B's own."""
    loud = np.vstack([p.table for key, p in pools.items() if key in ("blaze", "hearth")])
    loud = loud[(loud[:, COUNTS.index("loaded_author")] > 0)
                & (loud[:, COUNTS.index("author")] > 0)]
    print(f"\n3. Power: B gets k loaded author-voice sentences in place of its own "
          f"({pairs} pairs per k, 25 sentences each, drawn by paragraph from the Wire, Public "
          "Media and Gazette)")
    print(f"{'k':>3} {'metric':24} {'old':>6} {'new':>6}")
    for k in (1, 2, 4, 8):
        rng = np.random.default_rng(seed + k)
        hits = {}
        for i in range(pairs):
            pool = pools[("meridian", "tvpm", "gazette")[i % 3]]
            a, b = draw(pool, 25, rng, "paragraphs"), draw(pool, 25, rng, "paragraphs")
            table = b.table.copy()
            table[rng.choice(25, k, replace=False)] = loud[rng.integers(0, len(loud), k)]
            b = SentenceCounts(table, b.sources, False, False, b.paragraphs)
            for rule, fn in RULES.items():
                calls = fn(a, b, 2 * i)
                for m in ("author_loaded_per_1k", "framing_score", "opinion_share_body"):
                    hits.setdefault((m, rule), []).append(bool(calls[m]))
        for m in ("author_loaded_per_1k", "framing_score", "opinion_share_body"):
            print(f"{k:3d} {m:24} {100 * np.mean(hits[(m, 'old')]):5.0f} % "
                  f"{100 * np.mean(hits[(m, 'new')]):5.0f} %")


def score_coverage(pools, articles_per: int, seed: int) -> None:
    """Does an article's framing-score interval hold the score its outlet's style gives an
    article of that length on average (the mean over 2,000 drawn articles)?"""
    print(f"\n4. Coverage of the per-article framing-score interval (nominal 90 %; "
          f"{articles_per} articles per outlet and length, drawn by paragraph)")
    print(f"{'outlet':9} {'n':>3} {'target':>7} {'old':>6} {'new':>6} {'new width':>9}")
    for outlet in OUTLETS:
        pool = pools[outlet]
        for n in (15, 40):
            rng = np.random.default_rng(seed)
            target = np.mean([values_of(draw(pool, n, rng, "paragraphs"))["framing_score"]
                              for _ in range(2000)])
            held = {"old": [], "new": []}
            widths = []
            for i in range(articles_per):
                c = draw(pool, n, rng, "paragraphs")
                point = round(values_of(c)["framing_score"], 2)
                low, high = score_interval(c, PARTS, point, seed=i)
                held["new"].append(low <= target <= high)
                widths.append(high - low)
                flat = SentenceCounts(c.table, c.sources, False, False, None)
                v = replicates(flat, seed=i)
                scores = score_points(v, flat, PARTS)
                lo, hi = np.quantile(scores, [0.05, 0.95])
                held["old"].append(min(lo, point) <= target <= max(hi, point))
            print(f"{outlet:9} {n:3d} {target:7.1f} {100 * np.mean(held['old']):5.0f} % "
                  f"{100 * np.mean(held['new']):5.0f} % {np.mean(widths):9.1f}")


def outlet_intervals(articles, groups: int, seed: int) -> None:
    """Groups of n articles drawn from the 68 articles' values: does the 95 % interval of the
    mean hold the mean of all 68, and how often do two such groups look beyond noise?"""
    metrics = ("framing_score", "author_loaded_per_1k", "opinion_share_body",
               "quoted_word_share")
    table = np.array([[values_of(c)[m] for m in metrics] for c in articles.values()])
    truth = table.mean(axis=0)
    print(f"\n5. Outlet report: coverage of the 95 % interval of a mean, and false 'beyond "
          f"noise' between two outlets drawn from the same articles ({groups} groups per n)")
    print(f"{'n':>3} {'metric':22} {'cover old':>9} {'cover new':>9} {'false old':>9} "
          f"{'false new':>9}")
    for n in (3, 5, 10, 30):
        rng = np.random.default_rng(seed + n)
        cover = {"old": [], "new": []}
        false = {"old": [], "new": []}
        for _ in range(groups):
            x = table[rng.integers(0, len(table), n)]
            y = table[rng.integers(0, len(table), n)]
            bx, by = bootstrap_means(x, 2000, rng), bootstrap_means(y, 2000, rng)
            tail = (1 - CONFIDENCE) / 2
            old_low, old_high = np.quantile(bx, [tail, 1 - tail], axis=0)
            if n <= 3:  # the old rule: the range of two or three articles
                old_low, old_high = x.min(axis=0), x.max(axis=0)
            new_low, new_high = interval_of(bx, n)
            cover["old"].append((old_low <= truth) & (truth <= old_high))
            cover["new"].append((new_low <= truth) & (truth <= new_high))
            d_low, d_high = np.quantile(by - bx, [tail, 1 - tail], axis=0)
            false["old"].append((d_low > 0) | (d_high < 0))
            n_low, n_high = interval_of(by - bx, n)
            false["new"].append((n_low > 0) | (n_high < 0))
        for j, m in enumerate(metrics):
            print(f"{n:3d} {m:22} {100 * np.mean([c[j] for c in cover['old']]):8.0f} % "
                  f"{100 * np.mean([c[j] for c in cover['new']]):8.0f} % "
                  f"{100 * np.mean([f[j] for f in false['old']]):8.1f} % "
                  f"{100 * np.mean([f[j] for f in false['new']]):8.1f} %")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer pairs and groups (about a minute)")
    parser.add_argument("--pairs", type=int, default=None,
                        help="null pairs per design (default 1000; 200 with --quick)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    pairs = args.pairs or (200 if args.quick else 1000)
    started = time.perf_counter()
    articles, pools = load()
    print(f"{len(articles)} articles analyzed in {time.perf_counter() - started:.0f} s; "
          + ", ".join(f"{k} {p.table.shape[0]} sentences" for k, p in pools.items()))
    false_clears(articles, pools, pairs, args.seed)
    power(pools, pairs // 2, args.seed)
    score_coverage(pools, 60 if args.quick else 200, args.seed)
    outlet_intervals(articles, 200 if args.quick else 1000, args.seed)
    print(f"\n{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
