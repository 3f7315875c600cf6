"""HTML for the app: an article's text with its sentences and terms marked up, and aligned
sentence pairs with the words that differ.

Pure functions over reports, with no Streamlit in them, so they can be tested. Every piece of
article text is HTML-escaped before any markup is added: an article holding ``<script>`` or
``<img onerror=…>`` shows it as text.
"""

from __future__ import annotations

import html

from .report import ArticleReport, TermHit
from .views import CATEGORY_MEANINGS, article_name, headline_metrics, plain_cues

VOICE_LABELS = {"author": "author", "attributed": "reported speech", "quoted": "direct quote"}
CATEGORY_LABELS = {
    "loaded": "loaded term", "label": "label", "attribution_verb": "loaded verb of saying",
    "intensifier": "intensifier", "hedge": "hedge", "factive": "presupposition (factive)",
    "assertive": "presupposition (assertive)", "implicative": "presupposition (implicative)",
    "scare_quote": "scare quote",
}
ALL_CATEGORIES = tuple(CATEGORY_LABELS)


def escape(text: str) -> str:
    return html.escape(text, quote=True)


def _hit_markup(hit: TermHit, inner: str) -> str:
    return (f'<span class="fr-term fr-{escape(hit.category)} fr-{escape(hit.voice)}-term" '
            f'title="{escape(term_tooltip(hit))}">{inner}</span>')


def marked_hits(report: ArticleReport, sentence: int, categories=ALL_CATEGORIES) -> list[TermHit]:
    """The term hits of a sentence that are marked in its text, in order: of the chosen
    categories, and of overlapping hits the first."""
    hits = sorted((h for h in report.hits if h.sentence == sentence and h.category in categories),
                  key=lambda h: (h.start, -h.end))
    marked, position = [], -1
    for hit in hits:
        if hit.start >= position:
            marked.append(hit)
            position = hit.end
    return marked


def shaded_as_opinion(report: ArticleReport, index: int) -> bool:
    """Whether a sentence is shaded as the author's opinion (a body sentence or a headline,
    not a caption, a byline or a link line)."""
    score = report.scores[index]
    s = score.sentence
    return s.voice == "author" and score.label == "opinion" and s.kind in ("body", "headline")


def sentence_html(report: ArticleReport, index: int, *, categories=ALL_CATEGORIES,
                  borderline_width: float | None = None) -> str:
    """One sentence as escaped HTML: its term hits wrapped in spans with a tooltip, the
    sentence itself classed by voice and label, with a tooltip of the cues behind it."""
    score = report.scores[index]
    s = score.sentence
    text = report.article.text
    out = []
    position = s.start
    for hit in marked_hits(report, s.index, categories):
        out.append(escape(text[position:hit.start]))
        out.append(_hit_markup(hit, escape(text[hit.start:hit.end])))
        position = hit.end
    out.append(escape(text[position:s.end]))
    body = "".join(out)
    borderline = score.borderline
    if borderline_width is not None:
        borderline = abs(score.opinion_score - report.opinion_threshold) <= borderline_width
    classes = ["fr-s", f"fr-{s.voice}", f"fr-{score.label}"]
    if s.kind != "body":
        classes.append(f"fr-{s.kind}")
    if borderline:
        classes.append("fr-borderline")
    title = VOICE_LABELS[s.voice] + (f": {s.speaker}" if s.speaker else "")
    if s.kind == "repeat":
        title = "Repeats another sentence of the article, counted once · " + title
    title += f" · {score.label} ({score.opinion_score:.2f}{', borderline' if borderline else ''})"
    if score.cues:
        title += " · because of " + "; ".join(score.cues)
    shade = score.opinion_score if shaded_as_opinion(report, index) else 0.0
    who = ""
    if s.voice != "author" and s.speaker:
        who = f'<sup class="fr-who">{escape(s.speaker)}</sup>'
    return (f'<span class="{" ".join(classes)}" style="--fr-shade:{shade:.2f}" '
            f'title="{escape(title)}">{body}</span>{who}')


def article_html(report: ArticleReport, *, categories=ALL_CATEGORIES,
                 borderline_width: float | None = None) -> str:
    """The whole article, paragraph by paragraph, sentences and terms marked up."""
    paragraphs: dict[int, list[str]] = {}
    for i, score in enumerate(report.scores):
        paragraphs.setdefault(score.sentence.paragraph, []).append(
            sentence_html(report, i, categories=categories, borderline_width=borderline_width))
    blocks = [f'<p class="fr-p">{" ".join(parts)}</p>' for _, parts in sorted(paragraphs.items())]
    return f'<div class="fr-article">{"".join(blocks)}</div>'


def term_tooltip(hit: TermHit) -> str:
    """A marked word's reason in plain words, on hovering it and in the list under the
    article: what kind of word it is, why it is marked, a neutral alternative and whose words
    they are."""
    reason = CATEGORY_MEANINGS.get(hit.category, CATEGORY_LABELS.get(hit.category, hit.category))
    if hit.strength == "weak":
        reason += " (often used descriptively too, so it can be fair here)"
    reason += f". {hit.explanation}" if hit.explanation else "."
    if hit.alternative:
        reason += f" Neutral alternative: {hit.alternative}."
    if hit.negated:
        reason += " (Negated here.)"
    if hit.voice == "quoted":
        reason += f" These are {hit.speaker or 'a speaker'}’s words, in a quotation."
    elif hit.voice == "attributed":
        reason += f" Reported from {hit.speaker or 'a source'}, not the writer's own words."
    return reason


def why_html(report: ArticleReport, *, categories=ALL_CATEGORIES,
             borderline_width: float | None = None, unfolded: bool = False) -> str:
    """Every mark of the article said in plain words, folded under one line: the sentences
    shaded as the author's opinion with the reasons for each, then each marked word with
    what it is, why and a neutral alternative. What the tooltips say, for a reader who cannot
    hover (a phone, a keyboard) and without relying on colour."""
    opinions, words = [], []
    for i, score in enumerate(report.scores):
        s = score.sentence
        if shaded_as_opinion(report, i):
            borderline = score.borderline
            if borderline_width is not None:
                borderline = abs(score.opinion_score - report.opinion_threshold) <= borderline_width
            sure = f"opinion score {score.opinion_score:.2f} of 1"
            if borderline:
                sure += ", borderline: the model is unsure"
            reasons = "; ".join(plain_cues(score.cues, score.label)) or "no single cue stands out"
            opinions.append(f"<li>“{escape(report.sentence_text(s))}” <i>({sure})</i>: "
                            f"{escape(reasons)}.</li>")
        for hit in marked_hits(report, s.index, categories):
            words.append(f"<li><b>{escape(report.article.text[hit.start:hit.end])}</b>: "
                         f"{escape(term_tooltip(hit))}</li>")
    parts = []
    if opinions:
        parts.append(f"<p>Shaded: the writer's own opinion ({len(opinions)})</p>"
                     f"<ol>{''.join(opinions)}</ol>")
    if words:
        parts.append(f"<p>Underlined: marked words ({len(words)})</p><ol>{''.join(words)}</ol>")
    if not parts:
        parts.append("<p>Nothing is marked: no sentence is the writer's own opinion and no "
                     "word is underlined.</p>")
    return (f'<details class="fr-why"{" open" if unfolded else ""}><summary>Why each mark, in '
            f'plain words</summary>{"".join(parts)}</details>')


def handout_html(reports, labels, comparison=None, *, categories=ALL_CATEGORIES,
                 borderline_width: float | None = None) -> str:
    """A page to print for a class: the comparison's summary, then each article with its
    figures explained, the legend, the highlighted text and every mark said in plain words
    (unfolded). One standalone HTML file, nothing fetched; all article text escaped."""
    sections = []
    if comparison is not None and comparison.summary:
        lines = "".join(f"<li>{escape(line.text)}</li>" for line in comparison.summary)
        sections.append(f"<h2>In short</h2><ul>{lines}</ul>")
    for label, report in zip(labels, reports):
        a = report.article
        details = " · ".join(escape(x) for x in (a.outlet, a.published) if x)
        figures = "".join(f"<tr><th>{escape(name)}</th><td>{escape(value)}</td>"
                          f"<td>{escape(help_text)}</td></tr>"
                          for name, value, help_text in headline_metrics(report))
        sections.append(
            f'<section class="fr-handout-article"><h2>{escape(label)}. '
            f"{escape(article_name(report, label))}</h2>"
            + (f'<p class="fr-byline">{details}</p>' if details else "")
            + f'<table class="fr-pairs">{figures}</table>{legend_html(report)}'
            + article_html(report, categories=categories, borderline_width=borderline_width)
            + why_html(report, categories=categories, borderline_width=borderline_width,
                       unfolded=True)
            + "</section>")
    note = ("Made with framing. The marks come from a model and word lists and can be wrong: "
            "read them as questions to discuss, not verdicts.")
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" '
            'content="width=device-width, initial-scale=1">'
            "<title>framing: how the articles frame the story</title>" + STYLE + HANDOUT_STYLE
            + "</head><body><h1>How the articles frame the story</h1>" + "".join(sections)
            + f'<p class="fr-byline">{note}</p></body></html>')


def score_parts_html(report: ArticleReport) -> str:
    """The framing score's parts as a table folded under one line (a ``<details>``: drawn
    when opened, and one element of the page with the article rather than a widget of its
    own)."""
    rows = "".join(
        f"<tr><td>{escape(p.name)}</td><td>{p.value:.3g}</td><td>{p.points:.1f}</td>"
        f"<td>{p.weight:g}</td><td>{escape(p.explanation)}</td></tr>"
        for p in report.score_parts)
    return ('<details class="fr-parts"><summary>Framing score, part by part</summary>'
            '<table><tr><th>part</th><th>value</th><th>points</th><th>out of</th><th>how</th>'
            f"</tr>{rows}</table></details>")


def marked_sentence(report: ArticleReport, index: int, spans) -> str:
    """A sentence with the given spans (the words the other article lacks) in <mark>."""
    s = report.scores[index].sentence
    text = report.article.text
    out, position = [], s.start
    for start, end in sorted(spans):
        out.append(escape(text[position:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    out.append(escape(text[position:s.end]))
    return "".join(out)


def headlines_html(comparison) -> str:
    """The articles' headlines, one row each, the words no other headline uses marked."""
    rows = []
    for h in comparison.headlines:
        report = comparison.reports[h.article]
        rows.append(f"<tr><td>{escape(comparison.labels[h.article])}</td>"
                    f"<td>{marked_sentence(report, h.sentence, h.only)}</td></tr>")
    return f'<table class="fr-pairs">{"".join(rows)}</table>'


def pairs_html(comparison, a: int, b: int, limit: int = 200) -> str:
    """The aligned pairs of two articles as a two-column table, differing words marked."""
    rows = []
    for pair in comparison.pairs:
        if (pair.a, pair.b) != (a, b):
            continue
        left = marked_sentence(comparison.reports[a], pair.a_sentence, pair.a_only)
        right = marked_sentence(comparison.reports[b], pair.b_sentence, pair.b_only)
        rows.append(f'<tr><td>{left}</td><td>{right}</td>'
                    f'<td class="fr-sim">{pair.similarity:.2f}</td></tr>')
        if len(rows) == limit:
            break
    head = (f"<tr><th>{escape(comparison.labels[a])}</th><th>{escape(comparison.labels[b])}"
            "</th><th>similarity</th></tr>")
    return f'<table class="fr-pairs">{head}{"".join(rows)}</table>'


STYLE = """
<style>
.fr-article { line-height: 1.65; font-size: 0.97rem; }
.fr-p { margin: 0 0 0.8em 0; }
.fr-s { padding: 1px 0; border-radius: 2px; }
.fr-opinion.fr-author { background: rgba(255, 170, 0, calc(0.12 + 0.45 * var(--fr-shade))); }
.fr-borderline { outline: 1px dashed rgba(150, 110, 0, 0.8); }
.fr-quoted { color: #1f4e8c; font-style: italic; }
.fr-attributed { color: #2d6a4f; }
.fr-who { font-size: 0.68em; color: #555; margin-left: 1px; font-style: normal; }
.fr-headline { font-weight: 700; }
/* text colours: at least 4.5:1 against white (WCAG AA), for a projector and weak eyes */
.fr-caption, .fr-byline, .fr-link { color: #666; font-size: 0.85em; }
/* captions, credits and links are not the story's text: never shaded as opinion */
.fr-caption.fr-s, .fr-byline.fr-s, .fr-link.fr-s { background: none; outline: none; }
.fr-repeat { opacity: 0.55; }
.fr-term { border-bottom: 2px solid #c0392b; cursor: help; }
.fr-label { border-bottom-color: #8b0000; }
.fr-attribution_verb { border-bottom-color: #16a085; }
.fr-intensifier { border-bottom-color: #d35400; }
.fr-hedge { border-bottom-color: #2980b9; }
.fr-factive, .fr-assertive, .fr-implicative { border-bottom-color: #7f8c8d; }
.fr-scare_quote { border-bottom: 2px dashed #8e44ad; }
.fr-quoted-term, .fr-attributed-term { border-bottom-style: dotted; }
.fr-legend { font-size: 0.82em; margin: 0.2em 0 0.8em 0; line-height: 2; }
.fr-legend span { margin-right: 0.9em; white-space: nowrap; }
.fr-pairs { border-collapse: collapse; font-size: 0.9em; width: 100%; }
.fr-pairs td, .fr-pairs th, .fr-parts td, .fr-parts th { border-top: 1px solid #ddd;
  padding: 4px 6px; vertical-align: top; text-align: left; }
.fr-pairs mark { background: #ffe08a; }
.fr-sim { color: #666; white-space: nowrap; }
.fr-parts { margin: 0.3em 0 0.6em 0; font-size: 0.9em; }
.fr-parts summary { cursor: pointer; padding: 0.4em 0.6em; border: 1px solid #ddd;
  border-radius: 0.5rem; }
.fr-why { margin: 0.3em 0 0.6em 0; font-size: 0.9em; line-height: 1.5; }
.fr-why summary { cursor: pointer; padding: 0.4em 0.6em; border: 1px solid #ddd;
  border-radius: 0.5rem; }
.fr-why p { font-weight: 700; margin: 0.6em 0 0.2em 0; }
.fr-why li { margin-bottom: 0.3em; }
.fr-parts table { border-collapse: collapse; width: 100%; margin-top: 0.4em; }
.fr-parts th { white-space: nowrap; }
</style>
"""

# The handout's own page: readable printed in black and white too (the underlines and the
# shading print; the list of marks says each in words).
HANDOUT_STYLE = """
<style>
body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 1.5rem auto;
  padding: 0 1rem; color: #222; }
h2 { margin-top: 1.6em; }
.fr-handout-article { break-before: page; }
.fr-handout-article:first-of-type { break-before: auto; }
.fr-pairs th { white-space: nowrap; }
.fr-legend { display: flex; flex-wrap: wrap; }
@media print { * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
</style>
"""

LEGEND = (
    '<div class="fr-legend">'
    '<span class="fr-s fr-author fr-opinion" style="--fr-shade:0.6">author’s opinion</span>'
    '<span class="fr-s fr-author fr-opinion fr-borderline" style="--fr-shade:0.1">borderline'
    "</span>"
    '<span class="fr-s fr-attributed">reported speech<sup class="fr-who">source</sup></span>'
    '<span class="fr-s fr-quoted">direct quote<sup class="fr-who">speaker</sup></span>'
    '<span class="fr-term fr-loaded">loaded term</span>'
    '<span class="fr-term fr-label">label</span>'
    '<span class="fr-term fr-attribution_verb">loaded verb of saying</span>'
    '<span class="fr-term fr-intensifier">intensifier</span>'
    '<span class="fr-term fr-hedge">hedge</span>'
    '<span class="fr-term fr-factive">presupposition</span>'
    '<span class="fr-term fr-scare_quote">scare quote</span>'
    '<span class="fr-term fr-loaded fr-quoted-term">dotted: a speaker’s word</span>'
    "</div>"
)
_REPEAT_KEY = '<span class="fr-s fr-repeat">faded: a repeat, counted once</span>'


def legend_html(report: ArticleReport) -> str:
    """The legend, with the key for a repeated sentence when the article has one."""
    if not any(s.kind == "repeat" for s in report.sentences):
        return LEGEND
    return LEGEND.removesuffix("</div>") + _REPEAT_KEY + "</div>"
