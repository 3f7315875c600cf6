"""framing: sentence-by-sentence media bias and framing analysis.

Public API::

    from framing import Analyzer, analyze, load_article
    report = analyze("Putin said that NATO is expanding eastward.")
"""

from __future__ import annotations

import functools

from .analyzer import Analyzer
from .corpus import Corpus
from .errors import FramingError
from .export import articles_frame, report_json, sentences_frame, to_csv_bytes
from .ingest import article_from_html, article_from_text, load_article
from .report import Article, ArticleMetrics, ArticleReport, Quote, Sentence, SentenceScore, TermHit

__all__ = [
    "Analyzer", "Article", "Corpus", "ArticleMetrics", "ArticleReport", "FramingError", "Quote",
    "Sentence", "SentenceScore", "TermHit", "analyze", "default_analyzer", "article_from_html",
    "article_from_text", "articles_frame", "load_article", "report_json", "sentences_frame",
    "to_csv_bytes",
]


@functools.cache
def default_analyzer() -> Analyzer:
    """One shared Analyzer with the shipped lexicons and model, built on first use."""
    return Analyzer()


def analyze(source, **options) -> ArticleReport:
    """Analyze a text or an Article with the shared default Analyzer."""
    return default_analyzer().analyze(source, **options)
