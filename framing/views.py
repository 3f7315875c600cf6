"""Tables for the app's charts and explorer, computed from reports and comparisons.

The app draws these; it computes nothing itself. Every table is a pandas DataFrame in long
form (one row per article and category), ready for a chart.
"""

from __future__ import annotations

import pandas as pd

from .export import hits_by_sentence
from .frames import FRAME_NAMES
from .report import ArticleReport

VOICE_NAMES = {"author": "author's own words", "attributed": "reported speech",
               "quoted": "direct quotation"}
CATEGORY_NAMES = {
    "loaded": "loaded term", "label": "label", "attribution_verb": "loaded verb of saying",
    "intensifier": "intensifier", "hedge": "hedge", "factive": "presupposition",
    "assertive": "presupposition", "implicative": "presupposition", "scare_quote": "scare quote",
}


def headline_metrics(report: ArticleReport) -> list[tuple[str, str, str]]:
    """The five figures shown above each article: (label, value, help text)."""
    m = report.metrics
    return [
        # the body share, as the summary and the framing score count it
        ("Author opinion", f"{m.opinion_share_body:.0%}",
         f"{m.opinion_sentences} of the {m.body_sentences} body sentences are the author's own "
         f"opinion ({m.opinion_share_author:.0%} of the {m.author_sentences} sentences in the "
         "author's own voice)."),
        ("Loaded per 1k words", f"{m.author_loaded_per_1k:.1f}",
         "Loaded terms, labels, loaded verbs of saying and scare quotes in the author's own "
         "words (quotations not counted)."),
        ("Quoted words", f"{m.quoted_word_share:.0%}",
         "Share of the body's words inside direct quotations."),
        ("Named sources", str(m.named_sources),
         f"People, places and organizations quoted or reported; {m.unnamed_attributions} "
         "sentences cite an unnamed source."),
        ("Framing score", f"{m.framing_score:.0f}",
         f"0 to 100; with 90 % confidence between {m.framing_score_low:.0f} and "
         f"{m.framing_score_high:.0f} (resampling the article's sentences). See its parts "
         "under the article and in “About the scores”."),
    ]


def voice_opinion_table(reports: list[ArticleReport], labels: list[str]) -> pd.DataFrame:
    """Share of each article's body sentences by voice and label.

    `part` merges the two for the chart: the author's opinion and reporting apart, quoted and
    reported speech each as one part whatever its label (a speaker's opinion is reporting).
    """
    rows = []
    for label, report in zip(labels, reports):
        body = [sc for sc in report.scores if sc.sentence.kind == "body"]
        for voice in ("author", "attributed", "quoted"):
            for verdict in ("opinion", "reporting"):
                n = sum(1 for sc in body if sc.sentence.voice == voice and sc.label == verdict)
                part = f"author's {verdict}" if voice == "author" else VOICE_NAMES[voice]
                rows.append({"article": label, "voice": VOICE_NAMES[voice], "label": verdict,
                             "part": part, "share": n / len(body) if body else 0.0,
                             "sentences": n})
    return pd.DataFrame(rows)


def term_category_table(reports: list[ArticleReport], labels: list[str]) -> pd.DataFrame:
    """Author-voice term hits per 1,000 body words, by category."""
    rows = []
    for label, report in zip(labels, reports):
        words = report.metrics.words or 1
        body = {sc.sentence.index for sc in report.scores if sc.sentence.kind == "body"}
        counts: dict[str, int] = {}
        for hit in report.hits:
            if hit.sentence in body and hit.voice == "author" and not hit.negated:
                name = CATEGORY_NAMES.get(hit.category)
                if name:
                    counts[name] = counts.get(name, 0) + 1
        for name in dict.fromkeys(CATEGORY_NAMES.values()):
            rows.append({"article": label, "category": name, "count": counts.get(name, 0),
                         "per_1k": round(1000 * counts.get(name, 0) / words, 2)})
    return pd.DataFrame(rows)


def frame_table(reports: list[ArticleReport], labels: list[str]) -> pd.DataFrame:
    rows = []
    for label, report in zip(labels, reports):
        for code, share in report.frame_shares:
            if share:
                rows.append({"article": label, "frame": FRAME_NAMES[code], "share": share})
    return pd.DataFrame(rows, columns=["article", "frame", "share"])


OTHER_SOURCES = "other sources"


def sources_table(reports: list[ArticleReport], labels: list[str],
                  top: int | None = None) -> pd.DataFrame:
    """Sentences quoting or reporting each source, per article (sources only); with ``top``,
    the sources beyond the ``top`` most used over all articles are summed as "other sources".
    A source is one across the articles as in the comparison ("Mike Thibodeau" in one and
    "Michael Thibodeau" in another are one person, named by the longest form)."""
    from .compare import actor_key

    names: dict[str, str] = {}
    for report in reports:
        for actor in report.actors:
            key = actor_key(actor.name, actor.kind)
            if len(actor.name) > len(names.get(key, "")):
                names[key] = actor.name
    rows = []
    for label, report in zip(labels, reports):
        for actor in report.actors:
            for role, n in (("quoted", actor.quoted_sentences),
                            ("reported", actor.attributed_sentences)):
                if n:
                    rows.append({"article": label,
                                 "source": names[actor_key(actor.name, actor.kind)],
                                 "role": role, "sentences": n})
    table = pd.DataFrame(rows, columns=["article", "source", "role", "sentences"])
    table = table.groupby(["article", "source", "role"], as_index=False, sort=False)[
        "sentences"].sum()  # (two forms of one name in the same article: one row)
    if top is None or table.source.nunique() <= top:
        return table
    totals = table.groupby("source")["sentences"].sum()
    kept = set(totals.sort_values(ascending=False, kind="stable").index[:top])
    table["source"] = table.source.where(table.source.isin(kept), OTHER_SOURCES)
    return table.groupby(["article", "source", "role"], as_index=False, sort=False)[
        "sentences"].sum()


def explorer_table(reports: list[ArticleReport], labels: list[str]) -> pd.DataFrame:
    """Every sentence with what framing found in it, for filtering."""
    rows = []
    for label, report in zip(labels, reports):
        by_sentence = hits_by_sentence(report)
        for score in report.scores:
            s = score.sentence
            frame = report.frames[s.index] if s.index < len(report.frames) else None
            hits = by_sentence.get(s.index, [])
            rows.append({
                "article": label,
                "sentence": s.index,
                "kind": s.kind,
                "voice": s.voice,
                "speaker": s.speaker,
                "label": score.label,
                "opinion_score": score.opinion_score,
                "borderline": score.borderline,
                "frame": FRAME_NAMES[frame.frame] if frame and frame.frame else "",
                "categories": sorted({h.category for h in hits}),
                "terms": "; ".join(f"{h.surface} ({h.category})" for h in hits),
                "cues": "; ".join(score.cues),
                "text": report.sentence_text(s),
            })
    return pd.DataFrame(rows)


def filter_explorer(table: pd.DataFrame, *, articles=(), voices=(), labels=(), categories=(),
                    frames=()) -> pd.DataFrame:
    """Rows matching every non-empty filter (a sentence matches a category if it holds a hit
    of that category)."""
    keep = pd.Series(True, index=table.index)
    if articles:
        keep &= table["article"].isin(articles)
    if voices:
        keep &= table["voice"].isin(voices)
    if labels:
        keep &= table["label"].isin(labels)
    if frames:
        keep &= table["frame"].isin(frames)
    if categories:
        wanted = set(categories)
        keep &= table["categories"].apply(lambda found: bool(wanted & set(found)))
    return table[keep]
