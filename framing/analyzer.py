"""The Analyzer: loads lexicons and models once, then analyzes many articles."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .classify import RuleClassifier, mask_quotes
from .errors import EmptyInputError
from .ingest import article_from_text, load_article
from .lexicon import load_lexicon, single_word_forms
from .names import Names
from .report import (
    Article,
    ArticleMetrics,
    ArticleReport,
    Quote,
    Sentence,
    SentenceScore,
    TermHit,
)
from .segment import Segmenter, paragraphs
from .voice import SPEECH_CATEGORIES, QuoteIndex, VoiceFinder

# Categories that are matched for voice detection but are not framing cues in themselves.
SILENT_CATEGORIES = frozenset({"neutral_attribution"})


@dataclass(frozen=True)
class TextResult:
    """The verdict on one classified text and the terms found in it."""

    score: SentenceScore
    hits: tuple[TermHit, ...]


class Analyzer:
    """Holds the segmenter, lexicons and classifier; share one across articles.

    Parameters
    ----------
    lexicons : extra lexicon CSV files that add to or override the shipped entries.
    """

    def __init__(self, lexicons: list[str | Path] | tuple[str | Path, ...] = ()) -> None:
        self.lexicon = load_lexicon(lexicons)
        self.terms = self.lexicon.subset(self.lexicon.categories() - SILENT_CATEGORIES)
        self.names = Names()
        self.segmenter = Segmenter(say_forms=single_word_forms(
            self.lexicon.subset(SPEECH_CATEGORIES)))
        self.voices = VoiceFinder(self.lexicon, self.names)
        self.classifier = RuleClassifier()

    def analyze(self, source: Article | str, **meta: str) -> ArticleReport:
        """Analyze an Article, or a text (a path or URL is read with ``load_article``)."""
        article = source if isinstance(source, Article) else article_from_text(source, **meta)
        if not article.text.strip():
            raise EmptyInputError("no text to analyze: the article is empty")
        text = article.text
        sentences = self.segmenter.segment(article)
        voiced = self.voices.assign(text, sentences, paragraphs(text))
        quotes = voiced.quotes
        hits = self._hits(text, voiced.sentences, quotes) + voiced.scare_hits
        hits = tuple(sorted(hits, key=lambda h: (h.start, h.end)))
        real_quotes = QuoteIndex([q for q in quotes if q.role != "scare"])
        scores = tuple(
            self.classifier.score(s, mask_quotes(text, s.start, s.end, real_quotes))
            for s in voiced.sentences
        )
        report = ArticleReport(article, scores, hits, quotes)
        return replace(report, metrics=compute_metrics(report))

    def classify_text(self, text: str) -> TextResult:
        """Classify one sentence (or short passage) as a single unit, without segmenting it."""
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        if start >= end:
            raise EmptyInputError("no text to classify: the text is empty")
        sentence = Sentence(0, start, end, 0)
        voiced = self.voices.assign(text, (sentence,), [(start, end)])
        sentence = voiced.sentences[0]
        real_quotes = QuoteIndex([q for q in voiced.quotes if q.role != "scare"])
        hits = tuple(sorted(self._hits(text, voiced.sentences, voiced.quotes) + voiced.scare_hits,
                            key=lambda h: (h.start, h.end)))
        score = self.classifier.score(sentence, mask_quotes(text, start, end, real_quotes))
        return TextResult(score, hits)

    def load(self, source: str | Path, **meta: str) -> ArticleReport:
        """Read a path or URL and analyze it."""
        return self.analyze(load_article(source, **meta))

    def _hits(
        self, text: str, sentences: tuple[Sentence, ...], quotes: tuple[Quote, ...]
    ) -> tuple[TermHit, ...]:
        hits = []
        real = QuoteIndex([q for q in quotes if q.role != "scare"])
        for s in sentences:
            for m in self.terms.match(text, s.start, s.end):
                quote = real.at(m.start)
                if quote is not None:
                    voice, speaker = "quoted", quote.speaker
                elif m.entry.category in SPEECH_CATEGORIES:
                    voice, speaker = "author", ""  # the writer chose the verb of saying
                else:
                    voice, speaker = s.voice, s.speaker
                hits.append(
                    TermHit(m.start, m.end, m.surface, m.entry.term, m.entry.category,
                            m.entry.explanation, m.entry.alternative, voice, speaker,
                            s.index, m.negated)
                )
        return tuple(hits)


def compute_metrics(report: ArticleReport) -> ArticleMetrics:
    """Article-level counts over body sentences (headlines, captions and bylines left out)."""
    text = report.article.text
    body = [sc for sc in report.scores if sc.sentence.kind == "body"]
    words = sum(len(text[sc.sentence.start:sc.sentence.end].split()) for sc in body)
    by_voice = {v: [sc for sc in body if sc.sentence.voice == v]
                for v in ("author", "attributed", "quoted")}
    author = by_voice["author"]
    opinion = [sc for sc in author if sc.label == "opinion"]
    real = QuoteIndex([q for q in report.quotes if q.role != "scare"])
    quoted_words = 0
    for sc in body:
        s, e = sc.sentence.start, sc.sentence.end
        for q in real.within(s, e):
            quoted_words += len(text[max(s, q.start):min(e, q.end)].split())
    speakers = {sc.sentence.speaker.lower() for sc in body
                if sc.sentence.speaker and sc.sentence.voice != "author"}
    return ArticleMetrics(
        words=words,
        sentences=len(report.scores),
        body_sentences=len(body),
        author_sentences=len(author),
        attributed_sentences=len(by_voice["attributed"]),
        quoted_sentences=len(by_voice["quoted"]),
        opinion_sentences=len(opinion),
        opinion_share_author=round(len(opinion) / len(author), 4) if author else 0.0,
        quoted_word_share=round(quoted_words / words, 4) if words else 0.0,
        speakers=len(speakers),
        scare_quotes=sum(1 for h in report.hits if h.category == "scare_quote"),
    )
