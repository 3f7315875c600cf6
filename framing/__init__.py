"""framing: sentence-by-sentence media bias and framing analysis.

Public API::

    from framing import Analyzer, analyze, load_article
    report = analyze("Putin said that NATO is expanding eastward.")

The names below are imported on first use (PEP 562), so that ``import framing.cli`` and
``python -m framing --help`` start without loading the analysis and its libraries.
"""

from __future__ import annotations

import functools
import importlib
from typing import TYPE_CHECKING

from .errors import FramingError

if TYPE_CHECKING:
    from .analyzer import Analyzer
    from .corpus import Corpus
    from .export import articles_frame, report_json, sentences_frame, to_csv_bytes
    from .ingest import article_from_html, article_from_text, load_article
    from .report import (
        Article,
        ArticleMetrics,
        ArticleReport,
        Quote,
        Sentence,
        SentenceScore,
        TermHit,
    )

# Each public name and the module that defines it.
_LAZY = {
    "Analyzer": "analyzer", "Corpus": "corpus",
    "articles_frame": "export", "report_json": "export", "sentences_frame": "export",
    "to_csv_bytes": "export",
    "article_from_html": "ingest", "article_from_text": "ingest", "load_article": "ingest",
    "Article": "report", "ArticleMetrics": "report", "ArticleReport": "report",
    "Quote": "report", "Sentence": "report", "SentenceScore": "report", "TermHit": "report",
}

__all__ = [
    "Analyzer", "Article", "Corpus", "ArticleMetrics", "ArticleReport", "FramingError", "Quote",
    "Sentence", "SentenceScore", "TermHit", "analyze", "default_analyzer", "article_from_html",
    "article_from_text", "articles_frame", "load_article", "report_json", "sentences_frame",
    "to_csv_bytes",
]


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


@functools.cache
def default_analyzer() -> Analyzer:
    """One shared Analyzer with the shipped lexicons and model, built on first use."""
    from .analyzer import Analyzer

    return Analyzer()


def analyze(source, **options) -> ArticleReport:
    """Analyze a text or an Article with the shared default Analyzer."""
    return default_analyzer().analyze(source, **options)
