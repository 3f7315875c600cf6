"""Tables for the app's charts and explorer, computed from reports and comparisons.

The app draws these; it computes nothing itself. Every table is a pandas DataFrame in long
form (one row per article and category), ready for a chart.
"""

from __future__ import annotations

import math
import re

import pandas as pd

from .export import hits_by_sentence
from .frames import FRAME_NAMES
from .report import ArticleReport, metric_names

VOICE_NAMES = {"author": "author's own words", "attributed": "reported speech",
               "quoted": "direct quotation"}
CATEGORY_NAMES = {
    "loaded": "loaded term", "label": "label", "attribution_verb": "loaded verb of saying",
    "intensifier": "intensifier", "hedge": "hedge", "factive": "presupposition",
    "assertive": "presupposition", "implicative": "presupposition", "scare_quote": "scare quote",
}


def plural(count: int, noun: str, nouns: str = "") -> str:
    """"1 article", "2 articles", "1 wire copy", "3 wire copies" (``nouns`` when the plural is
    not the noun and an s); thousands are grouped."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


# What starts markdown (CommonMark, GitHub's extensions) or Streamlit's own syntax anywhere in
# a line: links and images, emphasis, code, math, raw HTML and entities, tables; ":" before a
# word starts an emoji (:smile:), an icon (:material/home:) or a colour (:red[...]).
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]<>$&~|]|:(?=\S)")
# At a line's start: a heading, a quotation, a list item (bullets and "1." / "1)").
_LINE_START = re.compile(r"[#>+\-*=|]|[0-9]+[.)]")


def markdown_text(text) -> str:
    """Text from outside (a title, an outlet, a name, a file name, a message quoting them) to
    show as it is in Streamlit's markdown (headers, captions, messages): the marks that would
    start syntax become numeric character references, which the reader sees as the marks
    themselves: ``[x](https://…)`` is no link, ``$x$`` no formula, ``:smile:`` no emoji,
    ``:red[x]`` no colour, ``**`` no bold, ``# x`` no heading; and it is one line. (A plain
    web address is still made a link, which shows where it goes.)"""
    line = " ".join(str(text).splitlines())
    line = _INLINE_SYNTAX.sub(lambda m: f"&#{ord(m.group()[0])};", line)
    first = _LINE_START.match(line)
    if first:  # its last mark: "#" of "# x", "." of "1. x"
        at = first.end() - 1
        line = f"{line[:at]}&#{ord(line[at])};{line[at + 1:]}"
    return line


# What each kind of marked word is, in words a 15-year-old understands (the list of marks
# under each article says it, so the meaning never rests on an underline's colour alone).
CATEGORY_MEANINGS = {
    "loaded": "a loaded word: it carries a judgment, not only a fact",
    "label": "a label: it sorts people into a group and judges them by it",
    "attribution_verb": "a loaded verb of saying: it judges the speaker, where “said” would not",
    "intensifier": "an intensifier: it makes a claim sound stronger or more certain",
    "hedge": "a hedge: it makes a claim sound less certain",
    "factive": "a presupposition: it takes something for granted as true",
    "assertive": "a presupposition: it tells you how strongly to believe what follows",
    "implicative": "a presupposition: it quietly implies what happened",
    "scare_quote": "scare quotes: quotation marks that cast doubt on a word",
}
# The classifier's cues (``framing.classify.CUES``, written "kind: the words that showed it")
# in plain words. Word and phrase cues are words the model learned from its labeled
# sentences; they are gathered into one reason, said last.
PLAIN_CUES = {
    "question": "it asks a question",
    "exclamation": "it ends with an exclamation mark",
    "first person": "the writer speaks as “I” or “we”",
    "addresses the reader": "it talks to the reader as “you”",
    "call to act": "it says what someone should do",
    "imperative": "it tells the reader to do something",
    "conditional": "it says what would happen “if …”",
    "hedge": "a hedge, a word that makes a claim less certain",
    "intensifier": "an intensifier, a word that makes a claim sound stronger",
    "loaded term": "a loaded word, one that carries a judgment",
    "label for a group": "a label that sorts people into a group",
    "loaded verb of saying": "a verb of saying that judges the speaker",
    "verb presupposing a reading": "a verb that takes a view for granted",
    "scare quote": "scare quotes, quotation marks that cast doubt on a word",
    "evaluative word": "a word that judges",
    "judgment word": "a word that judges",
    "mildly evaluative word": "a word that judges mildly",
    "superlative or comparison": "a comparison such as “best” or “worse”",
    "subjectivity of the author's words": "the writer's words sound personal, not factual",
    "strength of the author's tone": "the writer's words sound strongly for or against",
    "reported speech": "it reports what someone said",
    "direct quotation": "it quotes someone's own words",
    "share of the sentence in quotation marks": "much of it is in quotation marks",
    "numbers": "it gives numbers",
    "a number": "it gives a number",
    "date or time": "a date or time",
    "quantity": "an amount",
    "named people or places": "names of people, places or organizations",
}


def plain_cues(cues, label: str = "opinion") -> list[str]:
    """A sentence's cues (``SentenceScore.cues``) as reasons a 15-year-old can read: "it asks
    a question", "a loaded word, one that carries a judgment: rattling"; the model's word and
    phrase cues as one last reason ("words the model has learned to link with opinion: …").
    A measured cue loses its number; a cue this table does not know is kept as it is."""
    reasons, words = [], []
    for cue in cues:
        kind, _, found = cue.partition(": ")
        if kind in ("word", "phrase"):
            if len(found) > 1:  # (the "s" of "Putin’s" is no reason a reader can use)
                words.append(found)
            continue
        meaning = PLAIN_CUES.get(kind)
        if meaning is None:
            reasons.append(cue)
        elif found and not re.fullmatch(r"-?[0-9.]+", found):
            reasons.append(f"{meaning}: {found}")
        else:
            reasons.append(meaning)
    if words:
        reasons.append(f"words the model has learned to link with {label}: {', '.join(words)}")
    return list(dict.fromkeys(reasons))


def article_name(report: ArticleReport, slot: str) -> str:
    """What a reader calls an article: its title, else its headline as the analysis found it
    (the first paragraph's headline lines), else "Article A". Never its internal id."""
    if report.article.title.strip():
        return report.article.title.strip()
    head = [sc.sentence for sc in report.scores
            if sc.sentence.kind == "headline" and sc.sentence.paragraph == 0]
    if head:
        text = " ".join(report.article.text[head[0].start:head[-1].end].split())
        if text:
            return text
    return f"Article {slot}"


def url_with_scheme(address: str) -> str:
    """A web address as typed, with https:// put before one typed without a scheme
    ("www.example.com/news" or "example.com/news"); anything else is left as it is, for the
    fetcher to accept or refuse with its message."""
    address = address.strip()
    if address and "://" not in address and re.match(r"[\w-]+(\.[\w-]+)+(:\d+)?([/?#]|$)",
                                                    address):
        return "https://" + address
    return address


# A host name ending in letters ("example.com", not "3.5"), a port and a path, as typed.
_DOMAIN_AND_PATH = re.compile(r"[\w-]+(\.[\w-]+)*\.[a-z]{2,}(:\d+)?([/?#]\S*)?", re.IGNORECASE)


def is_web_address(text: str) -> bool:
    """Whether a pasted text is only a web address ("https://…", "www.example.com/news"): a
    reader who meant the article it points to, not an article of one word."""
    text = text.strip()
    if not text or any(ch.isspace() for ch in text):
        return False
    return bool(re.match(r"https?://\S", text, re.IGNORECASE) or _DOMAIN_AND_PATH.fullmatch(text))


# Fewer words than this in an article's body, and its figures say little: one loaded word in
# a sentence of ten is 100 per 1,000 words, and a single word can score 65 out of 100.
SHORT_TEXT_WORDS = 50


def short_text_note(report: ArticleReport) -> str:
    """A note for an article too short for its figures to mean much (a word, a tweet, a list
    of headlines), or "" for one long enough."""
    words = report.metrics.words
    if words >= SHORT_TEXT_WORDS:
        return ""
    size = f"Only {plural(words, 'word')} of article text" if words else "No article text"
    return f"{size}: too short for these figures to mean much; paste a whole article."


def headline_metrics(report: ArticleReport) -> list[tuple[str, str, str]]:
    """The five figures shown above each article: (label, value, help text). The labels are
    short, to stay whole in a column of four articles; the help text says what each is."""
    m = report.metrics
    return [
        # the body share, as the summary and the framing score count it
        ("Opinion", f"{m.opinion_share_body:.0%}",
         f"Author opinion: {m.opinion_sentences} of the {m.body_sentences} body sentences are "
         f"the author's own opinion ({m.opinion_share_author:.0%} of the {m.author_sentences} "
         "sentences in the author's own voice)."),
        ("Loaded/1k", f"{m.author_loaded_per_1k:.1f}",
         "Loaded terms per 1,000 words: loaded terms, labels, loaded verbs of saying and scare "
         "quotes in the author's own words (quotations not counted)."),
        ("Quoted", f"{m.quoted_word_share:.0%}",
         "Quoted words: the share of the body's words inside direct quotations."),
        ("Sources", str(m.named_sources),
         f"Named sources: people, places and organizations quoted or reported; "
         f"{plural(m.unnamed_attributions, 'sentence')} "
         f"{'cites' if m.unnamed_attributions == 1 else 'cite'} an unnamed source."),
        ("Score", f"{m.framing_score:.0f}/100",
         f"Framing score, 0 to 100; with 90 % confidence between {m.framing_score_low:.0f} and "
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


# The comparison's metrics as a reader reads them: a plain name for each metric of the
# article CSV that the table shows (its definition in the README, "Article-level columns")
# and how its figures are written: count, share (a percentage; differences in percentage
# points), rate (per 1,000 words), score (0 to 100), signed (-1 to +1), ease (reading ease),
# fraction (0 to 1), flag. From ``framing/data/metric_phrases.csv`` (``metric_names``), where
# each metric's phrase for the outlet sentences is too.
METRIC_LABELS: dict[str, tuple[str, str]] = {
    metric: (name.label, name.figure) for metric, name in metric_names().items() if name.label}
# Metrics that are another metric under a second name (the same count): shown once.
METRIC_ALIASES = {"hedges_per_1k": "author_hedges_per_1k",
                  "boosters_per_1k": "author_intensifiers_per_1k"}


def _signed(text: str) -> str:
    """A number as text with a true minus sign, and no sign before a zero ("-0.0", "+0")."""
    if text[:1] in "+-" and not any(ch in "123456789" for ch in text):
        text = text[1:]
    return text.replace("-", "−")


def _figure(value: float, kind: str, difference: bool = False) -> str:
    """One figure as the cards and the summary write it; a difference is signed, and a
    share's difference is in percentage points."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    sign = "+" if difference else ""
    if kind == "flag":
        return "" if difference else ("yes" if value else "no")
    if kind == "share":
        text = f"{value * 100:{sign}.0f} pts" if difference else f"{value:.0%}"
    elif kind == "rate":
        text = f"{value:{sign}.1f}"
    elif kind in ("signed", "fraction"):
        text = f"{value:{'+' if kind == 'signed' or difference else ''}.2f}"
    else:  # count, score, ease
        text = f"{value:{sign},.0f}"
    return _signed(text)


def _interval(low: float, high: float, kind: str) -> str:
    if math.isnan(low) or math.isnan(high) or kind == "flag":
        return ""
    if kind == "share":
        return f"{_signed(f'{low * 100:.0f}')} to {_signed(f'{high * 100:.0f}')} pts"
    digits = {"rate": 1, "signed": 2, "fraction": 2}.get(kind, 0)
    return f"{_signed(f'{low:.{digits}f}')} to {_signed(f'{high:.{digits}f}')}"


def difference_name(labels) -> str:
    """The difference column's name: "B − A" for two articles, "highest − lowest" for more."""
    return f"{labels[1]} − {labels[0]}" if len(labels) == 2 else "highest − lowest"


def difference_caption(labels) -> str:
    """What the difference column means, for two articles and for more."""
    if len(labels) == 2:
        what = f"“{difference_name(labels)}” is {labels[1]}'s figure minus {labels[0]}'s"
    else:
        what = (f"“highest − lowest” is the highest of the {len(labels)} articles' figures "
                "minus the lowest, the two named in brackets (which two changes from row to "
                "row)")
    return (f"{what}. The 90 % interval is the range the difference most likely lies in, "
            "given how few words and sentences the articles have (an exact test for rates; for "
            "the rest a bootstrap: the articles' sentences drawn again at random, many times); "
            "the difference is beyond noise when the whole range is above or below zero. p is "
            "the chance of a difference at least this large if the articles did not really "
            "differ: the smaller it is, the less likely the difference is luck. Shares are in "
            "percent, their differences in percentage points (pts); rates are per 1,000 words "
            "of the body (5 is five such words in every 1,000).")


def metrics_table(c) -> pd.DataFrame:
    """The comparison's metrics side by side as a reader reads them: plain names, figures
    written as on the cards (shares in percent), the difference (B − A, or the highest
    minus the lowest with the two named), its interval, whether it is beyond noise, and the
    p-value as the summary writes it. Empty cells where a figure does not apply. (The CSV
    export, ``comparison_metrics_frame``, keeps the metrics' column names and raw values, and
    names the method of each interval.)"""
    from .compare import p_phrase

    labels = list(c.labels)
    diffs = {d.metric: d for d in c.differences}
    rows = []
    for metric, values in c.metric_rows():
        if metric in METRIC_ALIASES:
            continue
        name, kind = METRIC_LABELS.get(metric, (metric.replace("_", " "), "fraction"))
        row = {"measure": name}
        row.update({label: _figure(v, kind) for label, v in zip(labels, values)})
        d = diffs.get(metric)
        change = ""
        if d is not None:
            change = _figure(d.difference, kind, difference=True)
            if change and len(labels) > 2 and d.a != d.b and d.difference:
                change += f" ({labels[d.b]} − {labels[d.a]})"
        row[difference_name(labels)] = change
        tested = d is not None and d.clear is not None
        row["90 % interval"] = _interval(d.low, d.high, kind) if tested else ""
        row["beyond noise"] = ("yes" if d.clear else "no") if tested else ""
        has_p = d is not None and not math.isnan(d.p_value)
        row["p"] = p_phrase(d.p_value) if has_p else ""
        rows.append(row)
    return pd.DataFrame(rows, columns=["measure", *labels, difference_name(labels),
                                       "90 % interval", "beyond noise", "p"])
