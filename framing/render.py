"""HTML for the app: an article's text with its sentences and terms marked up.

Pure functions over a report, with no Streamlit in them, so they can be tested. Every piece of
article text is HTML-escaped before any markup is added: an article holding ``<script>`` shows
it as text.
"""

from __future__ import annotations

import html

from .report import ArticleReport, TermHit

VOICE_LABELS = {"author": "author", "attributed": "reported speech", "quoted": "direct quote"}


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _hit_markup(hit: TermHit, inner: str) -> str:
    tip = f"{hit.category.replace('_', ' ')}: {hit.explanation}"
    if hit.alternative:
        tip += f" Neutral alternative: {hit.alternative}."
    if hit.voice != "author":
        tip += f" ({'quoted' if hit.voice == 'quoted' else 'reported'} words"
        tip += f" of {hit.speaker})" if hit.speaker else ")"
    return (
        f'<span class="fr-term fr-{_escape(hit.category)}" title="{_escape(tip)}">{inner}</span>'
    )


def sentence_html(report: ArticleReport, index: int) -> str:
    """One sentence as escaped HTML, its term hits wrapped in spans with a tooltip."""
    score = report.scores[index]
    s = score.sentence
    text = report.article.text
    hits = sorted((h for h in report.hits if h.sentence == s.index), key=lambda h: h.start)
    out = []
    position = s.start
    for hit in hits:
        if hit.start < position:  # overlapping hits: keep the first
            continue
        out.append(_escape(text[position:hit.start]))
        out.append(_hit_markup(hit, _escape(text[hit.start:hit.end])))
        position = hit.end
    out.append(_escape(text[position:s.end]))
    body = "".join(out)
    classes = [f"fr-s fr-{s.voice} fr-{score.label}"]
    if s.kind != "body":
        classes.append(f"fr-{s.kind}")
    title = f"{VOICE_LABELS[s.voice]}"
    if s.speaker:
        title += f": {s.speaker}"
    title += f" · {score.label} ({score.opinion_score:.2f})"
    if score.cues:
        title += " · " + "; ".join(score.cues)
    shade = score.opinion_score if s.voice == "author" and score.label == "opinion" else 0.0
    style = f"--fr-shade:{shade:.2f}"
    return (
        f'<span class="{" ".join(classes)}" style="{style}" title="{_escape(title)}">'
        f"{body}</span>"
    )


def article_html(report: ArticleReport) -> str:
    """The whole article, paragraph by paragraph, sentences and terms marked up."""
    paragraphs: dict[int, list[str]] = {}
    for i, score in enumerate(report.scores):
        paragraphs.setdefault(score.sentence.paragraph, []).append(sentence_html(report, i))
    blocks = [f'<p class="fr-p">{" ".join(parts)}</p>' for _, parts in sorted(paragraphs.items())]
    return f'<div class="fr-article">{"".join(blocks)}</div>'


STYLE = """
<style>
.fr-article { line-height: 1.6; font-size: 0.98rem; }
.fr-p { margin: 0 0 0.8em 0; }
.fr-s { padding: 1px 0; }
.fr-opinion.fr-author { background: rgba(255, 170, 0, calc(0.15 + 0.45 * var(--fr-shade))); }
.fr-quoted { color: #1f4e8c; font-style: italic; }
.fr-attributed { color: #2d6a4f; }
.fr-headline { font-weight: 700; }
.fr-caption, .fr-byline { color: #777; font-size: 0.85em; }
.fr-term { border-bottom: 2px solid #c0392b; cursor: help; }
.fr-scare_quote { border-bottom: 2px dashed #8e44ad; }
.fr-hedge { border-bottom-color: #2980b9; }
.fr-intensifier { border-bottom-color: #d35400; }
.fr-attribution_verb { border-bottom-color: #16a085; }
.fr-legend span { margin-right: 1em; font-size: 0.85em; }
</style>
"""

LEGEND = (
    '<div class="fr-legend">'
    '<span class="fr-s fr-author fr-opinion" style="--fr-shade:0.6">author’s opinion</span>'
    '<span class="fr-s fr-attributed">reported speech</span>'
    '<span class="fr-s fr-quoted">direct quote</span>'
    '<span class="fr-term fr-loaded">loaded term</span>'
    '<span class="fr-term fr-scare_quote">scare quote</span>'
    "</div>"
)
