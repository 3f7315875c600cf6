"""The data model: frozen records, each a span into the article's text.

Every offset is half-open into ``Article.text``: ``article.text[x.start:x.end]`` is the text of
every sentence, quote and term hit. Stages never mutate a record; they return new ones
(``dataclasses.replace``).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, field, fields
from pathlib import Path

KINDS = ("body", "headline", "caption", "byline", "repeat", "link")
VOICES = ("author", "attributed", "quoted")
LABELS = ("opinion", "reporting")
REPR_CHARS = 60  # of an article's text in a repr: a notebook shows a line, not the article


def shortened(text, limit: int = REPR_CHARS) -> str:
    """``repr(text)``, cut to its first ``limit`` characters and its length when longer."""
    if not isinstance(text, str) or len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text):,} characters)"


def counted(items, kind: str) -> str:
    """A tuple of records in a repr: how many, not each one (``<46 SentenceScore>``)."""
    return f"<{len(items)} {kind}>"


@dataclass(frozen=True)
class Article:
    """One news article: its text and what we know about where it came from."""

    text: str
    id: str = ""
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: str = ""
    source_path: str = ""
    warnings: tuple[str, ...] = ()

    def __repr__(self) -> str:
        # The fields that are set, the text cut short (equality still compares every field).
        shown = [f"{f.name}={getattr(self, f.name)!r}" for f in fields(self)
                 if f.name != "text" and getattr(self, f.name)]
        return f"Article({', '.join([*shown, f'text={shortened(self.text)}'])})"


@dataclass(frozen=True)
class Sentence:
    """A sentence (or a caption, byline or headline line) of an article.

    ``kind`` is body, headline, caption, byline or repeat (a body sentence that copies
    another); only body sentences count in metrics.
    ``voice`` is author (the writer's own words), attributed (reported speech) or quoted
    (mostly a direct quotation); ``speaker`` is the named source, when there is one.
    """

    index: int
    start: int
    end: int
    paragraph: int
    kind: str = "body"
    voice: str = "author"
    speaker: str = ""

    def text(self, article: Article) -> str:
        return article.text[self.start:self.end]


@dataclass(frozen=True)
class Quote:
    """A direct quotation, marks included; ``speaker`` once attribution is resolved.

    ``role`` is quote (a quotation), partial (a few quoted words inside reported speech or
    echoing an earlier quote), scare (a term the author holds at arm's length), title (the
    name of a book, film, report or programme in Title Case, which is nobody's speech) or
    turn (a speaker's paragraph in an interview or transcript, label included, no marks) or
    post (a line of a post embedded from social media, above its signature, no marks).
    """

    start: int
    end: int
    role: str = "quote"
    speaker: str = ""
    closed: bool = True

    @property
    def is_speech(self) -> bool:
        """Whether the marks hold someone's words (not a scare quote or a title)."""
        return self.role not in ("scare", "title")


@dataclass(frozen=True)
class TermHit:
    """A word or phrase that shapes the reading, with why and what a neutral writer would say."""

    start: int
    end: int
    surface: str
    term: str
    category: str
    explanation: str = ""
    alternative: str = ""
    voice: str = "author"
    speaker: str = ""
    sentence: int = -1
    negated: bool = False
    strength: str = "strong"

    def as_dict(self) -> dict:
        return {
            "surface": self.surface,
            "term": self.term,
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "voice": self.voice,
            "speaker": self.speaker,
            "negated": self.negated,
            "strength": self.strength,
            "explanation": self.explanation,
            "alternative": self.alternative,
        }


@dataclass(frozen=True)
class SentenceScore:
    """The classifier's verdict on one sentence and the cues behind it."""

    sentence: Sentence
    label: str
    opinion_score: float
    cues: tuple[str, ...] = ()
    borderline: bool = False
    # For quoted and attributed sentences: whether the reported words themselves are opinion
    # (the speaker's view), classified as if the speaker were the author; None otherwise.
    reported_opinion: bool | None = None


@dataclass(frozen=True)
class ArticleMetrics:
    """Article-level figures over body sentences; each is defined in the README
    (section "Article metrics"). Rates are per 1,000 body words."""

    words: int = 0
    sentences: int = 0
    body_sentences: int = 0
    author_sentences: int = 0
    attributed_sentences: int = 0
    quoted_sentences: int = 0
    opinion_sentences: int = 0
    opinion_share_author: float = 0.0
    opinion_share_author_words: float = 0.0
    opinion_share_body: float = 0.0
    reported_sentences: int = 0
    reported_opinion_sentences: int = 0
    reported_opinion_share: float = 0.0
    author_loaded_per_1k: float = 0.0
    quoted_loaded_per_1k: float = 0.0
    attributed_loaded_per_1k: float = 0.0
    author_loaded_terms_per_1k: float = 0.0
    author_labels_per_1k: float = 0.0
    author_attribution_verbs_per_1k: float = 0.0
    author_intensifiers_per_1k: float = 0.0
    author_hedges_per_1k: float = 0.0
    author_presuppositions_per_1k: float = 0.0
    scare_quotes: int = 0
    scare_quotes_per_1k: float = 0.0
    hedges_per_1k: float = 0.0
    boosters_per_1k: float = 0.0
    certainty_balance: float = 0.0
    quoted_word_share: float = 0.0
    named_sources: int = 0
    unnamed_attributions: int = 0
    neutral_attributions: int = 0
    loaded_attributions: int = 0
    loaded_attribution_share: float = 0.0
    source_gap: float = 0.0
    author_tone: float = 0.0
    reading_ease: float = 0.0
    headline_loaded_terms: int = 0
    headline_opinion_score: float = 0.0
    headline_only_terms: str = ""
    headline_flag: bool = False
    framing_score: float = 0.0
    framing_score_low: float = 0.0  # the framing score's 90 % interval (bootstrap over paragraphs)
    framing_score_high: float = 0.0


@dataclass(frozen=True)
class ScorePart:
    """One part of the framing score: the metric it reads, how it is scaled, its points."""

    name: str
    metric: str
    value: float
    full_at: float
    weight: float
    points: float
    explanation: str


@dataclass(frozen=True)
class ArticleReport:
    """Everything framing found in one article (``Analyzer.analyze`` returns one).

    ``article`` is the Article read; ``scores`` one SentenceScore per sentence, in order (its
    ``sentence`` says where it is, its kind, voice and speaker); ``hits`` the lexicon's term
    hits, ``quotes`` the quotations, ``metrics`` the article-level figures (ArticleMetrics),
    ``score_parts`` what the framing score is made of, ``frames`` and ``frame_shares`` the
    frame of each sentence and their shares, ``actors`` the people and groups named. As
    tables: ``framing.sentences_frame``, ``articles_frame`` and ``actors_frame``.
    """

    article: Article
    scores: tuple[SentenceScore, ...]
    hits: tuple[TermHit, ...] = ()
    quotes: tuple[Quote, ...] = ()
    metrics: ArticleMetrics = field(default_factory=ArticleMetrics)
    score_parts: tuple[ScorePart, ...] = ()
    frames: tuple = ()  # SentenceFrame per sentence, in sentence order
    frame_shares: tuple[tuple[str, float], ...] = ()
    actors: tuple = ()  # Actor, most mentioned first
    opinion_threshold: float = 0.5  # the model's score at and above which a sentence is opinion
    # The per-sentence counts behind the metrics (framing.metrics.SentenceCounts), for intervals.
    counts: object = field(default=None, compare=False, repr=False)

    def __repr__(self) -> str:
        # A line a notebook can show (the full repr of an article's records runs to tens of
        # thousands of characters); equality still compares every field.
        return (f"ArticleReport(article={self.article!r}, "
                f"scores={counted(self.scores, 'SentenceScore')}, "
                f"hits={counted(self.hits, 'TermHit')}, quotes={counted(self.quotes, 'Quote')}, "
                f"actors={counted(self.actors, 'Actor')}, "
                f"framing_score={self.metrics.framing_score})")

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Every sentence, in order (``scores[i].sentence``)."""
        return tuple(score.sentence for score in self.scores)

    def sentence_text(self, sentence: Sentence) -> str:
        """The text of ``sentence`` (``article.text[sentence.start:sentence.end]``)."""
        return self.article.text[sentence.start:sentence.end]

    def hits_in(self, sentence: Sentence) -> tuple[TermHit, ...]:
        """The term hits inside ``sentence``, in order."""
        return tuple(hit for hit in self.hits if hit.sentence == sentence.index)


METRIC_NAMES_FILE = Path(__file__).parent / "data" / "metric_phrases.csv"


@dataclass(frozen=True)
class MetricName:
    """How a reader is told an article metric (``framing/data/metric_phrases.csv``)."""

    phrase: str  # inside a sentence: "loaded terms in its own voice per 1,000 words"
    label: str   # a table's row, "" when no comparison table shows it
    figure: str  # how the label's figures are written: count, share, rate, score, signed,
    # ease, fraction or flag ("" with no label)


@functools.cache
def metric_names() -> dict[str, MetricName]:
    """Every article metric's names, by column name."""
    with METRIC_NAMES_FILE.open(encoding="utf-8", newline="") as fh:
        return {row["metric"]: MetricName(row["phrase"], row["label"], row["figure"])
                for row in csv.DictReader(fh)}
