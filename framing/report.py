"""The data model: frozen records, each a span into the article's text.

Every offset is half-open into ``Article.text``: ``article.text[x.start:x.end]`` is the text of
every sentence, quote and term hit. Stages never mutate a record; they return new ones
(``dataclasses.replace``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("body", "headline", "caption", "byline")
VOICES = ("author", "attributed", "quoted")
LABELS = ("opinion", "reporting")


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


@dataclass(frozen=True)
class Sentence:
    """A sentence (or a caption, byline or headline line) of an article.

    ``kind`` is body, headline, caption or byline; only body sentences count in metrics.
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
    echoing an earlier quote) or scare (a term the author holds at arm's length).
    """

    start: int
    end: int
    role: str = "quote"
    speaker: str = ""
    closed: bool = True


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


@dataclass(frozen=True)
class ArticleMetrics:
    """Article-level figures; each is defined in the README (section "Article metrics")."""

    words: int = 0
    sentences: int = 0
    body_sentences: int = 0
    author_sentences: int = 0
    attributed_sentences: int = 0
    quoted_sentences: int = 0
    opinion_sentences: int = 0
    opinion_share_author: float = 0.0
    quoted_word_share: float = 0.0
    speakers: int = 0
    scare_quotes: int = 0


@dataclass(frozen=True)
class ArticleReport:
    """Everything framing found in one article."""

    article: Article
    scores: tuple[SentenceScore, ...]
    hits: tuple[TermHit, ...] = ()
    quotes: tuple[Quote, ...] = ()
    metrics: ArticleMetrics = field(default_factory=ArticleMetrics)

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(score.sentence for score in self.scores)

    def sentence_text(self, sentence: Sentence) -> str:
        return self.article.text[sentence.start:sentence.end]

    def hits_in(self, sentence: Sentence) -> tuple[TermHit, ...]:
        return tuple(hit for hit in self.hits if hit.sentence == sentence.index)
