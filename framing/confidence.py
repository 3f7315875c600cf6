"""How sure a comparison is: exact tests on counts and bootstrap intervals over paragraphs.

Rates per 1,000 words compare counts of events (loaded terms, hedges) over words. Two articles'
counts are compared with the exact conditional test for two Poisson rates: given the total
count ``n = k_a + k_b``, under equal rates ``k_a`` is binomial with probability
``w_a / (w_a + w_b)``. The test's p-value (equal-tailed) and the Clopper–Pearson interval of that
probability, turned into a ratio and a difference of rates, say whether a difference is beyond
what chance alone often gives; the interval leaves out zero exactly when p is under 0.10.

Shares and the framing score are not counts over words; their intervals come from a bootstrap
over each article's paragraphs (its sentences when it has fewer than ``MIN_PARAGRAPHS``):
``framing.metrics`` keeps one row of counts per body sentence, so every resample recomputes
the figures exactly as the article's own are computed. The percentiles are taken where the
expanded percentile method puts them (``framing.metrics.expanded_tail``), for the smaller
article's number of paragraphs: a plain percentile bootstrap of a few paragraphs is too narrow.

A difference is called *clear* when its 90 % interval leaves out zero (rates: the exact test's
p-value is under 0.10). Nothing is called clear when an article has fewer than
``MIN_SENTENCES`` body sentences, and whole-article counts that grow with length
(``COUNT_METRICS``) are not tested. ``bench/calibration.py`` measures how often two articles
written alike are called clearly different. Everything here is about sampling noise within the
articles read: it cannot see framing by omission, and counts of a few events are noisy by
nature.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

LEVEL = 0.90
# Fewer body sentences than this in an article: no difference with it is tested ("too short").
MIN_SENTENCES = 3
# Counts over the whole article: they grow with its length, so a gap between a short and a long
# article says as much about length as about sourcing; not tested (source_gap, capped, is).
COUNT_METRICS = frozenset({"named_sources", "unnamed_attributions"})


@dataclass(frozen=True)
class RateComparison:
    """Two rates per 1,000 words and how sure their difference is."""

    count_a: int
    words_a: int
    count_b: int
    words_b: int
    rate_a: float  # per 1,000 words
    rate_b: float
    ratio: float  # rate_a / rate_b; inf when rate_b is 0 and rate_a is not; nan when both are 0
    ratio_low: float
    ratio_high: float
    difference_low: float  # rate_a − rate_b per 1,000 words, given the total count
    difference_high: float
    p_value: float
    level: float

    @property
    def clear(self) -> bool:
        """True when a difference this large is rare by chance (p under 1 − level)."""
        return self.p_value < 1.0 - self.level

    @property
    def difference(self) -> float:
        return self.rate_a - self.rate_b


def _ratio(p: float, words_a: int, words_b: int) -> float:
    # p is the share of all events that fall in A; the rate ratio follows from it and exposure.
    if p >= 1.0:
        return math.inf
    return (p / (1.0 - p)) * (words_b / words_a)


def rate_test(count_a: int, words_a: int, count_b: int, words_b: int,
              level: float = LEVEL) -> RateComparison:
    """Exact conditional test of two Poisson rates (events ``count`` over ``words``).

    Parameters
    ----------
    count_a, count_b : numbers of events (non-negative integers).
    words_a, words_b : exposure in words (positive).
    level : the confidence level of the ratio interval; the difference is clear when the
        two-sided p-value is under ``1 - level``.
    """
    from scipy.stats import beta, binom

    count_a, count_b = int(round(count_a)), int(round(count_b))
    if words_a <= 0 or words_b <= 0:
        raise ValueError("rate_test needs positive word counts")
    rate_a = 1000.0 * count_a / words_a
    rate_b = 1000.0 * count_b / words_b
    n = count_a + count_b
    if n == 0:
        return RateComparison(count_a, words_a, count_b, words_b, rate_a, rate_b, math.nan,
                              0.0, math.inf, 0.0, 0.0, 1.0, level)
    share = words_a / (words_a + words_b)
    # Equal-tailed exact p-value: dual to the Clopper–Pearson interval below.
    p_value = min(1.0, 2.0 * min(binom.cdf(count_a, n, share),
                                 binom.sf(count_a - 1, n, share)))
    tail = (1.0 - level) / 2
    low = beta.ppf(tail, count_a, n - count_a + 1) if count_a > 0 else 0.0
    high = beta.ppf(1.0 - tail, count_a + 1, n - count_a) if count_a < n else 1.0

    def difference(p: float) -> float:
        return 1000.0 * n * (p / words_a - (1.0 - p) / words_b)

    ratio = rate_a / rate_b if rate_b else math.inf
    return RateComparison(count_a, words_a, count_b, words_b, rate_a, rate_b, ratio,
                          _ratio(low, words_a, words_b), _ratio(high, words_a, words_b),
                          difference(low), difference(high), float(p_value), level)


@dataclass(frozen=True)
class MetricDifference:
    """The difference of one metric between two of the compared articles, and how sure it is.

    ``a`` and ``b`` are the articles' positions: for two articles B − A; for more, the article
    with the highest value minus the one with the lowest. ``low``/``high`` bound the difference
    at ``level``: for rates per 1,000 words from the exact test (given the total count), for
    shares and the framing score from a bootstrap over paragraphs; nan where the metric is
    not tested. ``clear`` is True when the interval leaves out zero (beyond noise), False when
    it holds it, None when the metric is not tested (``method`` says why when an article is
    too short).
    """

    metric: str
    a: int
    b: int
    difference: float
    low: float
    high: float
    p_value: float
    method: str
    clear: bool | None


EXACT = "exact Poisson test"
BOOTSTRAP = "bootstrap over paragraphs"
TOO_SHORT = "not tested: too few sentences"


def _quantiles(values, tail: float) -> tuple[float, float]:
    import numpy as np

    low, high = np.quantile(values, [tail, 1.0 - tail])
    return float(low), float(high)


def _seed(report) -> int:
    import zlib

    return zlib.crc32(report.article.text.encode("utf-8", "replace"))


def replicates_of(report) -> dict:
    """Bootstrap replicates of a report's ratio metrics and framing score (seeded by its
    text, so the same article always gives the same interval)."""
    return counts_replicates(report.counts, _seed(report))


def counts_replicates(counts, seed: int) -> dict:
    """Bootstrap replicates of the ratio metrics and framing score of ``SentenceCounts``."""
    from .metrics import read_score_parts, replicates, score_points

    if counts is None:
        return {}
    values = replicates(counts, seed=seed)
    if values:
        values["framing_score"] = score_points(values, counts, read_score_parts())
    return values


def metric_differences(reports, rows, level: float = LEVEL) -> tuple[MetricDifference, ...]:
    """How sure each metric's difference is, for ``rows`` of ``(metric, values)``.

    Parameters
    ----------
    reports : the compared ArticleReports, in order.
    rows : ``Comparison.metric_rows()``: each metric with one value per article.
    """
    return counts_differences([r.counts for r in reports], [_seed(r) for r in reports], rows,
                              level)


def counts_differences(counts, seeds, rows, level: float = LEVEL
                       ) -> tuple[MetricDifference, ...]:
    """``metric_differences`` from each article's ``SentenceCounts`` (None: not tested) and
    bootstrap seed; ``bench/calibration.py`` calls it on synthetic articles.

    Parameters
    ----------
    counts : one ``framing.metrics.SentenceCounts`` per article, in order.
    seeds : one bootstrap seed per article.
    rows : each metric with one value per article, as ``Comparison.metric_rows()``.
    level : the intervals' confidence level.
    """
    from .metrics import RATE_COUNTS, expanded_tail

    boots = [counts_replicates(c, seed) for c, seed in zip(counts, seeds)]
    sentences = [c.table.shape[0] if c is not None else 0 for c in counts]
    units = [int(c.units().max()) + 1 if c is not None and c.table.shape[0] else 0
             for c in counts]
    out = []
    for metric, values in rows:
        if len(values) == 2:
            a, b = 0, 1
        else:
            a = min(range(len(values)), key=lambda k: values[k])
            b = max(range(len(values)), key=lambda k: values[k])
        difference = round(values[b] - values[a], 4)
        low = high = p_value = math.nan
        method, clear = "", None
        tested = metric not in COUNT_METRICS and counts[a] is not None \
            and counts[b] is not None and (metric in RATE_COUNTS
                                           or all(metric in boot for boot in (boots[a], boots[b])))
        if tested and min(sentences[a], sentences[b]) < MIN_SENTENCES:
            method = TOO_SHORT
        elif tested and metric not in RATE_COUNTS:
            tail = expanded_tail(min(units[a], units[b]), level)
            low, high = _quantiles(boots[b][metric] - boots[a][metric], tail)
            low, high = round(min(low, difference), 4), round(max(high, difference), 4)
            method, clear = BOOTSTRAP, bool(low > 0 or high < 0)
        elif tested:
            ca, cb = counts[a], counts[b]
            count = RATE_COUNTS[metric]
            wa, wb = ca.total("words"), cb.total("words")
            if wa > 0 and wb > 0:
                test = rate_test(cb.total(count), wb, ca.total(count), wa, level)
                # The metrics are rounded to two places: keep the shown difference inside.
                low = round(min(test.difference_low, difference), 4)
                high = round(max(test.difference_high, difference), 4)
                p_value, method, clear = round(test.p_value, 4), EXACT, test.clear
        out.append(MetricDifference(metric, a, b, difference, low, high, p_value, method, clear))
    return tuple(out)


def body_frames(report) -> list[str]:
    """The frame of each body sentence of a report ('' where no frame cue fired): the
    sentences its ``frame_shares`` count."""
    return [f.frame for f, score in zip(report.frames, report.scores)
            if score.sentence.kind == "body"]


def frames_differ(reports, replicates: int = 1000) -> float:
    """How often the articles' most common frames differ when each article's body sentences
    are drawn again at random (a bootstrap over sentences, seeded by the texts): the share of
    ``replicates`` resamples in which the articles with a framed sentence do not all have the
    same most common frame (a resample in which an article has no framed sentence, or a tie
    for its most common frame, counts as no difference). 0.0 when fewer than two articles
    have a framed sentence."""
    import numpy as np

    from .frames import FRAMES

    codes = {code: i for i, code in enumerate(FRAMES)}
    primaries = []
    for report in reports:
        frames = np.array([codes.get(f, -1) for f in body_frames(report)], dtype=int)
        if not (frames >= 0).any():
            continue
        rng = np.random.default_rng(_seed(report))
        drawn = frames[rng.integers(0, len(frames), (replicates, len(frames)))]
        counts = np.stack([(drawn == i).sum(axis=1) for i in range(len(FRAMES))], axis=1)
        top = counts.max(axis=1)
        single = (counts == top[:, None]).sum(axis=1) == 1
        # no framed sentence, or a tie: no most common frame (-1)
        primaries.append(np.where((top > 0) & single, counts.argmax(axis=1), -1))
    if len(primaries) < 2:
        return 0.0
    stacked = np.stack(primaries)
    differ = (stacked >= 0).all(axis=0) & (stacked != stacked[0]).any(axis=0)
    return float(np.mean(differ))
