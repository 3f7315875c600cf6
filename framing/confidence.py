"""How sure a comparison is: exact tests on counts and bootstrap intervals over sentences.

Rates per 1,000 words compare counts of events (loaded terms, hedges) over words. Two articles'
counts are compared with the exact conditional test for two Poisson rates: given the total
count ``n = k_a + k_b``, under equal rates ``k_a`` is binomial with probability
``w_a / (w_a + w_b)``. The test's p-value and the Clopper–Pearson interval of that probability,
turned into a ratio of rates, say whether a difference is beyond what chance alone often gives.

Shares and the framing score are not counts over words; their intervals come from a bootstrap
over body sentences (``framing.metrics`` keeps one row of counts per body sentence, so every
resample recomputes the figures exactly as the article's own are computed).

A difference is called *clear* when its 90 % interval leaves out zero (rates: the exact test's
p-value is under 0.10). Everything here is about sampling noise within the articles read: it
cannot see framing by omission, and counts of a few events are noisy by nature.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

LEVEL = 0.90


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
    from scipy.stats import binomtest

    count_a, count_b = int(round(count_a)), int(round(count_b))
    if words_a <= 0 or words_b <= 0:
        raise ValueError("rate_test needs positive word counts")
    rate_a = 1000.0 * count_a / words_a
    rate_b = 1000.0 * count_b / words_b
    n = count_a + count_b
    if n == 0:
        return RateComparison(count_a, words_a, count_b, words_b, rate_a, rate_b, math.nan,
                              0.0, math.inf, 1.0, level)
    share = words_a / (words_a + words_b)
    result = binomtest(count_a, n, share)
    ci = result.proportion_ci(confidence_level=level, method="exact")
    ratio = rate_a / rate_b if rate_b else math.inf
    return RateComparison(count_a, words_a, count_b, words_b, rate_a, rate_b, ratio,
                          _ratio(ci.low, words_a, words_b), _ratio(ci.high, words_a, words_b),
                          float(result.pvalue), level)
