"""Article-level benchmark: BASIL pairs on the same event, and hyperpartisan articles.

    python bench/article_level.py [--eval-dir ../shared/eval] [--sims 2000] [--skip-hyperpartisan]

1. BASIL dev (99 articles: 33 events, each told by Fox News, the New York Times and
   HuffPost), rebuilt from its sentences (the part of ``article`` before ``_`` is the event;
   sentences in order, paragraphs by ``paragraph_idx``). The expert count of an article is
   the number of marked loaded spans outside quotes; its rate is per 1,000 words of the
   rebuilt article. For every pair of articles on the same event whose expert rates differ,
   a figure *agrees* when it orders the two the same way (a tie in the figure counts half).
   - ``author_loaded_per_1k``: agreement over all such pairs; and over the pairs that
     ``framing.confidence.rate_test`` calls a clear difference (exact Poisson rate test on our
     author-voice loaded-hit counts and body words, p < 0.10), with the share called clear.
   - ``framing_score`` and TextBlob (mean subjectivity of the body sentences): agreement.
   - The ceiling: a gamma-Poisson (negative binomial) model of the expert counts, fitted by
     maximum likelihood with the words as exposure. Simulated many times: each article's true
     rate is drawn from the fitted gamma, its expert count is a Poisson draw; a perfect
     measure (the true rates) is scored against the simulated counts exactly as our figure is,
     overall and on its clearest 30 % of pairs (the largest ratios of true rates). Also the
     share of pairs that the rate test calls clear on the experts' own counts.
2. Hyperpartisan dev (645 articles labeled per article): ROC AUC, with no training, of
   ``framing_score``, ``author_loaded_per_1k`` and TextBlob's mean sentence subjectivity.

Skips cleanly when the evaluation files are absent. Nothing from them is written anywhere.
"""

from __future__ import annotations

import argparse
import csv
import functools
import itertools
import json
import math
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing import Analyzer, Article  # noqa: E402
from framing.confidence import rate_test  # noqa: E402
from framing.metrics import words_in  # noqa: E402

CLEAREST = 0.30
test = functools.lru_cache(maxsize=None)(rate_test)


def read_rows(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def basil_articles(path: Path) -> list[dict]:
    """The 99 articles rebuilt: id, event, outlet, text (a paragraph's sentences joined by a
    space, paragraphs by a blank line), expert count and words, and ``spans``: the
    (sentence_idx, start, end) of each BASIL sentence in the text."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for row in read_rows(path):
        by_article[row["article"]].append(row)
    articles = []
    for name, rows in sorted(by_article.items()):
        rows.sort(key=lambda r: int(r["sentence_idx"]))
        text, spans, paragraph = "", [], None
        for row in rows:
            if paragraph is not None:
                text += " " if int(row["paragraph_idx"]) == paragraph else "\n\n"
            paragraph = int(row["paragraph_idx"])
            spans.append((int(row["sentence_idx"]), len(text), len(text) + len(row["text"])))
            text += row["text"]
        expert = sum(len(json.loads(r["lexical_spans"] or "[]")) for r in rows
                     if r["lexical_in_quote"] != "1")
        articles.append({"id": name, "event": name.split("_")[0], "outlet": rows[0]["outlet"],
                         "text": text, "expert": expert, "expert_words": words_in(text),
                         "spans": spans})
    return articles


def textblob_subjectivity(report) -> float:
    """TextBlob's mean subjectivity over the body sentences (the baseline of the eval README)."""
    from textblob import TextBlob

    text = report.article.text
    values = [TextBlob(text[sc.sentence.start:sc.sentence.end]).sentiment.subjectivity
              for sc in report.scores if sc.sentence.kind == "body"]
    return float(np.mean(values)) if values else 0.0


def measure(analyzer: Analyzer, article: Article) -> dict:
    report = analyzer.analyze(article)
    m = report.metrics
    # author_loaded_per_1k is count / words × 1,000, rounded to 2 decimals: the count is exact.
    return {"words": m.words, "loaded": int(round(m.author_loaded_per_1k * m.words / 1000)),
            "loaded_per_1k": m.author_loaded_per_1k, "framing_score": m.framing_score,
            "textblob": textblob_subjectivity(report)}


def same_event_pairs(articles: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs of articles on the same event whose expert rates differ."""
    by_event: dict[str, list[dict]] = defaultdict(list)
    for a in articles:
        by_event[a["event"]].append(a)
    pairs = []
    for group in by_event.values():
        for a, b in itertools.combinations(group, 2):
            if a["expert"] / a["expert_words"] != b["expert"] / b["expert_words"]:
                pairs.append((a, b))
    return pairs


def agreement(pairs, key: str) -> float:
    """Share of pairs a figure orders as the experts do; a tie in the figure counts half."""
    total = 0.0
    for a, b in pairs:
        expert = a["expert"] / a["expert_words"] - b["expert"] / b["expert_words"]
        ours = a[key] - b[key]
        total += 0.5 if ours == 0 else float(ours * expert > 0)
    return total / len(pairs)


def clear_agreement(pairs) -> tuple[float, float, int]:
    """Agreement of author_loaded_per_1k on the pairs the rate test calls clear, and the share."""
    clear = [(a, b) for a, b in pairs
             if test(a["loaded"], a["words"], b["loaded"], b["words"]).clear]
    if not clear:
        return math.nan, 0.0, 0
    return agreement(clear, "loaded_per_1k"), len(clear) / len(pairs), len(clear)


def fit_gamma_poisson(counts: np.ndarray, exposure: np.ndarray) -> tuple[float, float]:
    """Maximum-likelihood shape and mean rate of a gamma-Poisson (negative binomial) model."""
    from scipy.optimize import minimize
    from scipy.special import gammaln

    def negative_log_likelihood(params):
        shape, mean = np.exp(params)
        rate = shape / mean
        return -np.sum(gammaln(shape + counts) - gammaln(shape) - gammaln(counts + 1)
                       + shape * np.log(rate / (rate + exposure))
                       + counts * np.log(exposure / (rate + exposure)))

    start = [0.0, math.log(max(counts.sum() / exposure.sum(), 1e-3))]
    shape, mean = np.exp(minimize(negative_log_likelihood, start, method="Nelder-Mead").x)
    return float(shape), float(mean)


def ceiling(articles: list[dict], sims: int, seed: int = 0) -> dict:
    """How well a perfect measure of each article's true rate can agree with expert counts."""
    counts = np.array([a["expert"] for a in articles], dtype=float)
    exposure = np.array([a["expert_words"] for a in articles], dtype=float) / 1000
    shape, mean = fit_gamma_poisson(counts, exposure)
    index = {a["id"]: i for i, a in enumerate(articles)}
    by_event: dict[str, list[int]] = defaultdict(list)
    for a in articles:
        by_event[a["event"]].append(index[a["id"]])
    left, right = map(np.array, zip(*[p for g in by_event.values()
                                      for p in itertools.combinations(g, 2)]))
    rng = np.random.default_rng(seed)
    overall, clearest = [], []
    for _ in range(sims):
        true = rng.gamma(shape, mean / shape, size=len(articles))
        rate = rng.poisson(true * exposure) / exposure
        differ = rate[left] != rate[right]
        agree = ((true[left] - true[right]) * (rate[left] - rate[right]) > 0)[differ]
        if not agree.size:
            continue
        overall.append(agree.mean())
        strength = np.abs(np.log(true[left] / true[right]))[differ]
        top = np.argsort(-strength, kind="stable")[:max(1, round(CLEAREST * agree.size))]
        clearest.append(agree[top].mean())
    return {"shape": shape, "mean_per_1k": mean, "overall": float(np.mean(overall)),
            "clearest": float(np.mean(clearest)), "sims": len(overall)}


def roc_auc(labels: list[bool], values: list[float]) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, values))


def run_basil(analyzer: Analyzer, path: Path, sims: int) -> None:
    started = time.perf_counter()
    articles = basil_articles(path)
    for a in articles:
        a.update(measure(analyzer, Article(text=a["text"], id=a["id"])))
    pairs = same_event_pairs(articles)
    events = len({a["event"] for a in articles})
    experts = [a["expert"] for a in articles]
    print(f"BASIL dev: {len(articles)} articles on {events} events; expert spans outside "
          f"quotes {sum(experts)} ({np.mean(experts):.2f} per article); our author-voice "
          f"loaded hits {sum(a['loaded'] for a in articles)} "
          f"({np.mean([a['loaded'] for a in articles]):.2f} per article)")
    print(f"  pairs on the same event whose expert rates differ: {len(pairs)}")
    clear_agree, clear_share, clear_n = clear_agreement(pairs)
    print(f"  author_loaded_per_1k agreement        {agreement(pairs, 'loaded_per_1k'):.3f}")
    print(f"    on pairs called clear (p < 0.10)     {clear_agree:.3f}  "
          f"({clear_n} pairs, {clear_share:.1%} of pairs)")
    print(f"  framing_score agreement               {agreement(pairs, 'framing_score'):.3f}")
    print(f"  TextBlob mean subjectivity agreement  {agreement(pairs, 'textblob'):.3f}")
    experts_clear = sum(test(a["expert"], a["expert_words"], b["expert"], b["expert_words"]).clear
                        for a, b in pairs)
    print(f"  pairs the experts' own counts call clear: {experts_clear} "
          f"({experts_clear / len(pairs):.1%})")
    c = ceiling(articles, sims)
    print(f"  ceiling (gamma-Poisson: shape {c['shape']:.2f}, mean {c['mean_per_1k']:.2f} "
          f"per 1,000 words; {c['sims']} simulations): a perfect measure agrees on "
          f"{c['overall']:.3f} of pairs, {c['clearest']:.3f} on its clearest "
          f"{CLEAREST:.0%}")
    print(f"  ({time.perf_counter() - started:.0f} s)")


def run_hyperpartisan(analyzer: Analyzer, path: Path) -> None:
    started = time.perf_counter()
    labels, rows = [], []
    for row in read_rows(path):
        text = f"{row['title']}\n\n{row['text']}" if row["title"] else row["text"]
        try:
            measured = measure(analyzer, Article(text=text, id=row["id"], title=row["title"]))
        except Exception as error:  # noqa: BLE001 — a benchmark goes on past one bad article
            print(f"  skipped {row['id']}: {error}")
            continue
        labels.append(row["label"] == "hyperpartisan")
        rows.append(measured)
    print(f"\nHyperpartisan dev: {len(rows)} articles ({sum(labels)} hyperpartisan), "
          "ROC AUC with no training")
    for key, name in (("framing_score", "framing_score"),
                      ("loaded_per_1k", "author_loaded_per_1k"),
                      ("textblob", "TextBlob mean subjectivity")):
        print(f"  {name:28} {roc_auc(labels, [r[key] for r in rows]):.3f}")
    print(f"  ({time.perf_counter() - started:.0f} s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"))
    parser.add_argument("--sims", type=int, default=2000,
                        help="simulations of the gamma-Poisson ceiling (default 2000)")
    parser.add_argument("--skip-hyperpartisan", action="store_true",
                        help="score the BASIL pairs only (faster)")
    args = parser.parse_args()
    eval_dir = Path(args.eval_dir)
    basil_path = eval_dir / "basil_dev.csv"
    partisan_path = eval_dir / "hyperpartisan_dev.csv"
    if not basil_path.exists() or not partisan_path.exists():
        print(f"skipped: evaluation files not found in {eval_dir}")
        return 0
    analyzer = Analyzer()
    _ = analyzer.model
    run_basil(analyzer, basil_path, args.sims)
    if not args.skip_hyperpartisan:
        run_hyperpartisan(analyzer, partisan_path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
