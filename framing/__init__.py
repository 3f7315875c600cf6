"""framing: sentence-by-sentence media bias and framing analysis.

Public API::

    from framing import Analyzer, analyze, load_article
    report = analyze("Putin said that NATO is expanding eastward.")

- ``Analyzer`` holds the lexicons and the opinion model (build one, share it); its ``analyze``
  takes a text or an ``Article`` and returns an ``ArticleReport``; ``load_article`` reads a
  file or URL into an Article, ``load_articles`` the articles of a table or web archive one
  at a time, ``article_from_text``, ``article_from_html`` and ``article_from_bytes`` (a
  file's bytes and its name: an upload) make one; ``analyze`` uses a shared default Analyzer.
- ``sentences_frame``, ``articles_frame`` and ``actors_frame`` turn reports into the pandas
  tables the command line writes (``--level sentence|article|actor``); ``report_json`` is
  one report as JSON-ready data, ``to_csv_bytes`` a table as the command line's CSV.
- ``framing.compare.compare(reports)`` compares two to four reports (a ``Comparison``); its
  tables are ``framing.export.comparison_metrics_frame`` and the other
  ``comparison_*_frame`` functions.
- ``Corpus`` is a store of many articles (DuckDB); see ``framing.corpus``.
- Every error is a ``FramingError`` (the classes are in ``framing.errors``) with a one-line
  message; an argument of the wrong type can be a ``TypeError``.

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
    from .export import actors_frame, articles_frame, report_json, sentences_frame, to_csv_bytes
    from .ingest import (
        article_from_bytes,
        article_from_html,
        article_from_text,
        load_article,
        load_articles,
    )
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
    "actors_frame": "export", "articles_frame": "export", "report_json": "export",
    "sentences_frame": "export", "to_csv_bytes": "export",
    "article_from_bytes": "ingest", "article_from_html": "ingest", "article_from_text": "ingest",
    "load_article": "ingest",
    "load_articles": "ingest",
    "Article": "report", "ArticleMetrics": "report", "ArticleReport": "report",
    "Quote": "report", "Sentence": "report", "SentenceScore": "report", "TermHit": "report",
}

__all__ = [
    "Analyzer", "Article", "Corpus", "ArticleMetrics", "ArticleReport", "FramingError", "Quote",
    "Sentence", "SentenceScore", "TermHit", "actors_frame", "analyze", "default_analyzer",
    "article_from_bytes", "article_from_html", "article_from_text", "articles_frame",
    "load_article", "load_articles",
    "report_json",
    "sentences_frame", "to_csv_bytes",
]


def __getattr__(name: str):
    if name == "__version__":
        from .corpus.run import framing_version

        return framing_version()
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    # What tab completion offers: the public names, not the imports this module runs on.
    return sorted([*__all__, "__version__"])


@functools.cache
def default_analyzer() -> Analyzer:
    """One shared Analyzer with the shipped lexicons and model, built on first use."""
    from .analyzer import Analyzer

    return Analyzer()


def analyze(source: Article | str, **options: str) -> ArticleReport:
    """Analyze a text or an Article with the shared default Analyzer.

    The same as ``default_analyzer().analyze(source, **options)`` (see ``Analyzer.analyze``):
    ``options`` are ``title``, ``outlet``, ``url``, ``published`` or ``id`` for a text.
    Returns an ArticleReport."""
    return default_analyzer().analyze(source, **options)
