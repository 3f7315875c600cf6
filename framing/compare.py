"""Compare two to four articles on the same story, sentence by sentence.

Alignment: every body sentence becomes a bag of stemmed content words (function words
dropped, numbers written without separators, names and numbers counted twice because they pin
a fact down), weighted by TF-IDF over the sentences of all the articles compared. Two
sentences of different articles report the same fact when their cosine similarity reaches
``PAIR_THRESHOLD``, or when both hold the same run of ``RUN_WORDS`` words (a quotation both
print, wire copy both took: then the similarity counts as at least ``RUN_SIMILARITY``). Pairs
are one-to-one (the assignment with the highest total similarity); a sentence may take a
second partner when it covers two sentences of the other article and the second similarity
reaches ``SECOND_THRESHOLD``. Sentences with no partner in any other article
are coverage gaps: what one article tells and the others leave out.

Everything else is read off the reports: the metrics side by side, loaded terms unique to each
article and shared, actors present in one and absent in another or quoted by one and only
paraphrased by another, and a short plain-language summary in which every sentence carries the
numbers it rests on.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace

import numpy as np

from .confidence import (
    LEVEL,
    MIN_SENTENCES,
    MetricDifference,
    body_frames,
    frames_differ,
    metric_differences,
    rate_test,
)
from .errors import FramingError
from .frames import FRAME_NAMES
from .ingest import MADE_UP_ID, looks_english
from .names import name_key, surname
from .report import ArticleMetrics, ArticleReport, counted
from .segment import REPEAT_WORDS

PAIR_THRESHOLD = 0.30
SECOND_THRESHOLD = 0.45
RUN_WORDS = REPEAT_WORDS  # the words a copied sentence has at least (segment.mark_repeats)
RUN_SIMILARITY = 0.50
MAX_ARTICLES = 4
# Body sentences of one article that can be aligned: the similarities of every pair of
# sentences are held (2,000 × 2,000 in 32 MB, aligned in under a second), and time and memory
# grow with the square; a long news article has a few hundred.
MAX_SENTENCES = 2_000
LABELS = "ABCD"
LOADED = frozenset({"loaded", "label", "attribution_verb", "scare_quote"})

_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+(?:[-’'][^\W\d_]+)*")
_STOP = frozenset(
    """a an the and or but if of to in on at by for from with as into onto over under about
    after before during since until than then that this these those there here it its they
    them their he him his she her we us our you your i me my is are was were be been being
    has have had do does did will would could should may might must can not no so such very
    also just more most some any all each other who whom whose which what when where why how
    said says say told tell according while though although because which s t
    mr mrs ms dr ca wo""".split()  # "ca", "wo": "can't" and "won't" without their "n't"
)
# Days and months are capitalized but pin no fact down the way a name does: counted once.
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december""".split()
)
_RUN_WORD = re.compile(r"\w+")
# A contraction's second part ("I'm", "don't", "we've") and the possessive ending ("LePage's"):
# the word before it is what counts, so "LePage's" meets "LePage" and "I'm" is a function word.
_CLITIC = re.compile(r"'(?:s|m|re|ve|ll|d)$|n't$")


class CompareError(FramingError):
    """Articles that cannot be compared: too few, too many, identical, empty, not English."""


@dataclass(frozen=True)
class AlignedPair:
    """Two sentences of two articles that report the same fact, and the words that differ."""

    a: int  # article positions in the comparison
    b: int
    a_sentence: int
    b_sentence: int
    similarity: float
    a_only: tuple[tuple[int, int], ...]  # spans in article a's text that b does not share
    b_only: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Gap:
    """A body sentence no other article has a counterpart for."""

    article: int
    sentence: int


@dataclass(frozen=True)
class TermComparison:
    term: str
    category: str
    counts: tuple[int, ...]  # author-voice uses per article

    @property
    def unique_to(self) -> int | None:
        present = [i for i, n in enumerate(self.counts) if n]
        return present[0] if len(present) == 1 else None


@dataclass(frozen=True)
class ActorComparison:
    actor: str
    kind: str
    mentions: tuple[int, ...]
    quoted: tuple[int, ...]
    attributed: tuple[int, ...]
    verbs: tuple[str, ...]  # verbs of saying used for the actor, per article
    loaded_verbs: tuple[tuple[str, ...], ...]  # those that colour the source, per article


@dataclass(frozen=True)
class HeadlineComparison:
    """An article's headline and the words in it that no other article's headline uses."""

    article: int
    sentence: int  # the headline's sentence index
    only: tuple[tuple[int, int], ...]  # spans in the article's text


@dataclass(frozen=True)
class SummaryLine:
    """One sentence of the summary and the figures it rests on."""

    text: str
    # (a figure is None where it has no finite value: "ratio" against a rate of 0)
    facts: tuple[tuple[str, float | None], ...] = field(default_factory=tuple)
    # True: a difference beyond noise; False: within noise (said so); None: not a test.
    clear: bool | None = None


@dataclass(frozen=True)
class Comparison:
    """Two to four reports compared (``compare`` returns one); ``labels`` name them A, B, ….

    ``pairs`` are the sentences aligned across articles, ``gaps`` the body sentences with no
    counterpart, ``terms`` and ``actors`` side by side, ``summary`` the sentences that say it
    in words, ``differences`` each metric's difference and how sure it is, ``headlines`` the
    headlines' own words. As the command line's tables: ``framing.export.comparison_*_frame``.
    """

    reports: tuple[ArticleReport, ...]
    labels: tuple[str, ...]
    pairs: tuple[AlignedPair, ...]
    gaps: tuple[Gap, ...]
    terms: tuple[TermComparison, ...]
    actors: tuple[ActorComparison, ...]
    summary: tuple[SummaryLine, ...]
    differences: tuple[MetricDifference, ...] = ()  # one per metric row, how sure it is
    headlines: tuple[HeadlineComparison, ...] = ()  # when two articles or more have one

    def __repr__(self) -> str:
        # A line, not the reports' records (tens of thousands of characters); equality
        # still compares every field.
        names = ", ".join(f"{label} {report.article.id!r}"
                          for label, report in zip(self.labels, self.reports))
        return (f"Comparison(reports=<{len(self.reports)} ArticleReport: {names}>, "
                f"pairs={counted(self.pairs, 'AlignedPair')}, gaps={counted(self.gaps, 'Gap')}, "
                f"terms={counted(self.terms, 'TermComparison')}, "
                f"actors={counted(self.actors, 'ActorComparison')}, "
                f"summary={counted(self.summary, 'SummaryLine')})")

    def metric_rows(self) -> list[tuple[str, tuple[float, ...]]]:
        """Every numeric article metric, one value per article (the framing score's interval
        bounds are not metrics of their own)."""
        rows = []
        for f in fields(ArticleMetrics):
            if f.name in ("framing_score_low", "framing_score_high"):
                continue
            values = tuple(getattr(r.metrics, f.name) for r in self.reports)
            if all(isinstance(v, (int, float)) for v in values):
                rows.append((f.name, tuple(float(v) for v in values)))
        return rows


# --------------------------------------------------------------------------- validation


def _which(label: str, report: ArticleReport) -> str:
    """"article A (housing_wire)": the name its file, page or caller gave it; a pasted text's
    made-up id ("text-" and a hash) means nothing to its reader and is left out."""
    name = report.article.id
    return f"article {label}" if MADE_UP_ID.fullmatch(name) else f"article {label} ({name})"


def check(reports: list[ArticleReport]) -> None:
    """Refuse what cannot be compared, with a message that says why."""
    if len(reports) < 2:
        raise CompareError("comparing needs at least two articles; give two to four")
    if len(reports) > MAX_ARTICLES:
        raise CompareError(f"{len(reports)} articles given; compare two to four at a time")
    for label, report in zip(LABELS, reports):
        reason = unfit(report)
        if reason:
            raise CompareError(f"{_which(label, report)} {reason}")
    for i in range(len(reports)):
        for j in range(i + 1, len(reports)):
            if identical(reports[i], reports[j]):
                raise CompareError(f"articles {LABELS[i]} and {LABELS[j]} are identical; "
                                   "there is nothing to compare")


def unfit(report: ArticleReport) -> str:
    """Why one article cannot be compared, whatever it is compared with ("has no body
    sentences to compare"), or "" when it can."""
    body = sum(sc.sentence.kind == "body" for sc in report.scores)
    if body > MAX_SENTENCES:
        return (f"has {body:,} body sentences; comparing aligns at most {MAX_SENTENCES:,} per "
                "article (a long news article has a few hundred)")
    if not body:
        return "has no body sentences to compare"
    if not looks_english(report.article.text):
        return "does not look like English text; framing compares English articles only"
    return ""


def identical(a: ArticleReport, b: ArticleReport) -> bool:
    """Whether two articles have the same text, spacing aside (a file named twice, a copy)."""
    return " ".join(a.article.text.split()) == " ".join(b.article.text.split())


# --------------------------------------------------------------------------- alignment


@functools.cache
def _names():
    from .names import Names

    return Names()


def canonical_places(text: str) -> str:
    """Places and demonyms written one way: "U.S." and "United States" → "United States",
    "Belarusian" → "Belarus", so that two articles naming a place differently still meet."""
    names = _names()
    out, position = [], 0
    for m in re.finditer(r"(?:[A-Z]\.){2,}|[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*", text):
        words = m.group().split()
        replaced = []
        i = 0
        while i < len(words):
            for width in range(len(words) - i, 0, -1):
                chunk = " ".join(words[i:i + width]).rstrip("’'s").rstrip("’'")
                place = names.place(chunk)
                country = names.demonyms.get(name_key(chunk)) if width == 1 else None
                if place is not None or country:
                    replaced.append(place.name if place is not None else country)
                    i += width
                    break
            else:
                replaced.append(words[i])
                i += 1
        out.append(text[position:m.start()])
        out.append(" ".join(replaced))
        position = m.end()
    out.append(text[position:])
    return "".join(out)


def content_tokens(text: str) -> list[str]:
    """The words that carry a fact: names and numbers doubled, function words dropped."""
    out = []
    for token, kind in _tokens(text):
        out.extend([token, token] if kind in ("name", "number") else [token])
    return out


def _tokens(text: str) -> list[tuple[str, str]]:
    """Each content word's stem and what it is: "name" (a capitalized word past the first)
    or "number" (both count twice), "day" (a day or a month) or "word"."""
    out = []
    for m in _TOKEN.finditer(canonical_places(text)):
        word = m.group()
        if word[0].isdigit():
            out.append((word.replace(",", "").rstrip("."), "number"))
            continue
        low = _content_word(word)
        if not low:
            continue
        if low in _CALENDAR:
            out.append((_stem(low), "day"))
        else:
            out.append((_stem(low), "name" if word[0].isupper() and m.start() > 0 else "word"))
    return out


def _content_word(word: str) -> str:
    """A word as the alignment reads it, lowercased, a contraction's or possessive's ending
    dropped; "" for a function word."""
    low = _CLITIC.sub("", word.lower().replace("’", "'"))
    return "" if low in _STOP or len(low) < 2 else low


def _sparse_rows(groups: list[list[dict[str, float]]]):
    """One sparse matrix per article, a row per sentence (its weight for each token), all over
    one vocabulary, so that the product of two articles' matrices compares their sentences."""
    from scipy.sparse import csr_matrix

    columns: dict[str, int] = {}
    built = []
    for rows in groups:
        data, indices, indptr = [], [], [0]
        for row in rows:
            for token, weight in row.items():
                indices.append(columns.setdefault(token, len(columns)))
                data.append(weight)
            indptr.append(len(indices))
        built.append((data, indices, indptr, len(rows)))
    return [csr_matrix((data, indices, indptr), shape=(n, len(columns) or 1))
            for data, indices, indptr, n in built]


def fact_words(text: str) -> set[str]:
    """The stems of a sentence's words that are neither names nor days: two sentences that
    share only names are about the same people, not the same fact."""
    return {token for token, kind in _tokens(text) if kind in ("word", "number")}


@functools.lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """The Snowball (Porter2) stem, so that "talks"/"talk", "apologized"/"apology" and
    "charged"/"charges" meet."""
    return _stemmer().stemWord(word)


def shared_runs(a_texts: list[str], b_texts: list[str]) -> set[tuple[int, int]]:
    """The (a, b) sentence pairs that hold the same run of ``RUN_WORDS`` words (case and
    punctuation aside)."""
    def runs(text):
        words = _RUN_WORD.findall(text.lower().replace("’", "'"))
        return {tuple(words[k:k + RUN_WORDS]) for k in range(len(words) - RUN_WORDS + 1)}

    where: dict[tuple[str, ...], set[int]] = {}
    for j, text in enumerate(b_texts):
        for run in runs(text):
            where.setdefault(run, set()).add(j)
    return {(i, j) for i, text in enumerate(a_texts) for run in runs(text)
            for j in where.get(run, ())}


def tfidf_rows(counts: list[list[Counter]], idf: dict[str, float]):
    """Each article's sentences as TF-IDF vectors of unit length (``_sparse_rows``): the
    product of two articles' matrices holds the cosine of every pair of their sentences."""
    rows = []
    for group in counts:
        vectors = []
        for sentence in group:
            weights = {t: c * idf.get(t, 1.0) for t, c in sentence.items()}
            norm = sum(w * w for w in weights.values()) ** 0.5
            vectors.append({t: w / norm for t, w in weights.items()})
        rows.append(vectors)
    return _sparse_rows(rows)


def _with_speaker(text: str, speaker: str) -> str:
    if speaker and speaker[:1].isupper() and speaker.split()[-1] not in text:
        return f"{text} {speaker}"
    return text


def _idf(counts: list[list[Counter]]) -> dict[str, float]:
    """Inverse document frequency over every sentence compared (a sentence is a document)."""
    df = Counter(t for group in counts for sentence in group for t in sentence)
    n = sum(len(group) for group in counts)
    return {t: float(np.log((1 + n) / (1 + d)) + 1.0) for t, d in df.items()}


def align(matrix: np.ndarray) -> list[tuple[int, int, float]]:
    """One-to-one pairs above the threshold with the highest total similarity, then second
    partners for sentences that cover two of the other article's."""
    from scipy.optimize import linear_sum_assignment

    if matrix.size == 0:
        return []
    rows, cols = linear_sum_assignment(-matrix)
    pairs = [(i, j, float(matrix[i, j])) for i, j in zip(rows, cols)
             if matrix[i, j] >= PAIR_THRESHOLD]
    paired_a = {i for i, _, _ in pairs}
    paired_b = {j for _, j, _ in pairs}
    extra = []
    for i in range(matrix.shape[0]):
        if i in paired_a:
            continue
        j = int(np.argmax(matrix[i]))
        if matrix[i, j] >= SECOND_THRESHOLD:
            extra.append((i, j, float(matrix[i, j])))
    for j in range(matrix.shape[1]):
        if j in paired_b:
            continue
        i = int(np.argmax(matrix[:, j]))
        if matrix[i, j] >= SECOND_THRESHOLD and (i, j) not in {(x, y) for x, y, _ in extra}:
            extra.append((i, j, float(matrix[i, j])))
    return sorted(pairs + extra)


def differing_spans(text_a: str, a_span: tuple[int, int], text_b: str, b_span: tuple[int, int]):
    """Spans of each sentence whose words the other sentence does not have (in order)."""
    words_a = [(m.start() + a_span[0], m.end() + a_span[0], m.group().lower())
               for m in _TOKEN.finditer(text_a[a_span[0]:a_span[1]])]
    words_b = [(m.start() + b_span[0], m.end() + b_span[0], m.group().lower())
               for m in _TOKEN.finditer(text_b[b_span[0]:b_span[1]])]
    matcher = difflib.SequenceMatcher(a=[w[2] for w in words_a], b=[w[2] for w in words_b],
                                      autojunk=False)
    only_a, only_b = [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("replace", "delete") and i1 < i2:
            only_a.append((words_a[i1][0], words_a[i2 - 1][1]))
        if op in ("replace", "insert") and j1 < j2:
            only_b.append((words_b[j1][0], words_b[j2 - 1][1]))
    return tuple(only_a), tuple(only_b)


# --------------------------------------------------------------------------- comparison


def compare(reports: list[ArticleReport] | tuple[ArticleReport, ...]) -> Comparison:
    """Compare two to four analyzed articles (see the module docstring).

    ``reports`` are ArticleReports from ``Analyzer.analyze`` (a list, a tuple or any
    iterable), labelled A, B, … in that order. Returns a Comparison; raises CompareError for
    fewer than two or more than four, identical articles, or an article without body
    sentences or not in English.
    """
    listed = (list(reports) if isinstance(reports, Iterable)
              and not isinstance(reports, (str, bytes, ArticleReport)) else None)
    if listed is None or not all(isinstance(r, ArticleReport) for r in listed):
        raise CompareError("compare takes a list of two to four reports from "
                           "Analyzer.analyze (analyze each article first)")
    reports = listed
    check(reports)
    bodies = [[sc.sentence for sc in r.scores if sc.sentence.kind == "body"] for r in reports]
    # A sentence is compared with its speaker spelled out: "He said that …" is Putin's.
    texts = [[_with_speaker(r.sentence_text(s), s.speaker) for s in body]
             for r, body in zip(reports, bodies)]
    counts = [[Counter(content_tokens(t)) for t in group] for group in texts]
    vectors = tfidf_rows(counts, _idf(counts))
    raw = [[r.sentence_text(s) for s in body] for r, body in zip(reports, bodies)]
    facts = _sparse_rows([[dict.fromkeys(fact_words(t), 1.0) for t in group] for group in raw])
    pairs: list[AlignedPair] = []
    for a in range(len(reports)):
        for b in range(a + 1, len(reports)):
            matrix = (vectors[a] @ vectors[b].T).toarray()
            matrix[(facts[a] @ facts[b].T).toarray() == 0] = 0.0  # the same people only
            for i, j in shared_runs(raw[a], raw[b]):
                matrix[i, j] = max(matrix[i, j], RUN_SIMILARITY)
            for i, j, sim in align(matrix):
                sa, sb = bodies[a][i], bodies[b][j]
                only_a, only_b = differing_spans(reports[a].article.text, (sa.start, sa.end),
                                                 reports[b].article.text, (sb.start, sb.end))
                pairs.append(AlignedPair(a, b, sa.index, sb.index, round(sim, 4), only_a,
                                         only_b))
    matched = {(p.a, p.a_sentence) for p in pairs} | {(p.b, p.b_sentence) for p in pairs}
    gaps = tuple(Gap(k, s.index) for k, body in enumerate(bodies) for s in body
                 if (k, s.index) not in matched)
    terms = _terms(reports)
    actors = _actors(reports)
    labels = tuple(LABELS[: len(reports)])
    comparison = Comparison(tuple(reports), labels, tuple(pairs), gaps, terms, actors, (),
                            headlines=headlines(reports))
    comparison = replace(comparison, differences=metric_differences(
        comparison.reports, comparison.metric_rows()))
    return replace(comparison, summary=summarize(comparison))


def headlines(reports) -> tuple[HeadlineComparison, ...]:
    """Each article's headline (its first paragraph's, as the headline figures read it) and
    the words no other headline uses, compared by stem: "Resigns" against "resigns from
    Congress" is the same word, "Taxpayer Funds" is one headline's own. Empty unless two
    articles or more have a headline."""
    found = {}
    for k, report in enumerate(reports):
        head = next((sc.sentence for sc in report.scores if sc.sentence.kind == "headline"
                     and sc.sentence.paragraph == 0), None)
        if head is not None:
            text = report.article.text
            words = []
            for m in _TOKEN.finditer(text, head.start, head.end):
                low = _content_word(m.group())
                if low:
                    words.append((m.start(), m.end(), _stem(low)))
            found[k] = (head, words, text)
    if len(found) < 2:
        return ()
    out = []
    for k, (head, words, text) in found.items():
        others = {stem for j, (_, w, _) in found.items() if j != k for _, _, stem in w}
        spans: list[tuple[int, int]] = []
        for start, end, stem in words:
            if stem in others:
                continue
            if spans and not text[spans[-1][1]:start].strip(" ,"):  # one run of new words
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        out.append(HeadlineComparison(k, head.index, tuple(spans)))
    return tuple(out)


def _terms(reports) -> tuple[TermComparison, ...]:
    counts: dict[tuple[str, str], list[int]] = {}
    for k, report in enumerate(reports):
        for hit in report.hits:
            if hit.category in LOADED and hit.voice == "author" and not hit.negated:
                key = (hit.term, hit.category)
                counts.setdefault(key, [0] * len(reports))[k] += 1
    rows = [TermComparison(term, category, tuple(c)) for (term, category), c in counts.items()]
    return tuple(sorted(rows, key=lambda t: (-sum(t.counts), t.term)))


def actor_key(name: str, kind: str) -> str:
    return surname(name.split()) if kind == "person" else name.lower()


def _actors(reports) -> tuple[ActorComparison, ...]:
    table: dict[str, dict] = {}
    for k, report in enumerate(reports):
        for actor in report.actors:
            key = actor_key(actor.name, actor.kind)
            row = table.setdefault(key, {
                "actor": actor.name, "kind": actor.kind,
                "mentions": [0] * len(reports), "quoted": [0] * len(reports),
                "attributed": [0] * len(reports), "verbs": [""] * len(reports),
                "loaded_verbs": [()] * len(reports),
            })
            if len(actor.name) > len(row["actor"]):
                row["actor"] = actor.name
            row["mentions"][k] += actor.mentions
            row["quoted"][k] += actor.quoted_sentences
            row["attributed"][k] += actor.attributed_sentences
            row["verbs"][k] = actor.verbs_text()
            row["loaded_verbs"][k] = actor.loaded_verbs
    rows = [ActorComparison(r["actor"], r["kind"], tuple(r["mentions"]), tuple(r["quoted"]),
                            tuple(r["attributed"]), tuple(r["verbs"]), tuple(r["loaded_verbs"]))
            for r in table.values()]
    return tuple(sorted(rows, key=lambda r: (-sum(r.mentions), r.actor)))


# --------------------------------------------------------------------------- summary


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _ratio_text(high: float, low: float) -> str:
    if low <= 0:
        return "far more"
    ratio = high / low
    return f"{ratio:.1f}× more" if ratio < 10 else f"{ratio:.0f}× more"


def _ordered(d: MetricDifference) -> tuple[int, int, float, float]:
    """The higher and the lower article of a difference, and its interval as higher − lower."""
    if d.difference >= 0:
        return d.b, d.a, d.low, d.high
    return d.a, d.b, -d.high, -d.low


def _both(n: int, hi: str, lo: str) -> str:
    return f"{lo} and {hi}" if n == 2 else f"the {n} articles"


def _span(n: int, lo_value: str, lo: str, hi_value: str, hi: str) -> str:
    """Two figures within noise: "4.1 and 12.1" for two articles, "from 4.1 (A) to 12.1 (C)"
    for more, where the figures alone would not say whose they are."""
    return (f"{lo_value} and {hi_value}" if n == 2
            else f"from {lo_value} ({lo}) to {hi_value} ({hi})")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _num(x: float) -> str:
    text = f"{x:.0f}"
    return "0" if text == "-0" else text.replace("-", "−")


def p_phrase(p_value: float) -> str:
    """A p-value as the summary writes it: "p = 0.038", "p < 0.001"."""
    return "p < 0.001" if p_value < 0.001 else f"p = {p_value:.2g}"


def and_list(items: list[str]) -> str:
    """"a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _times(n: int) -> str:
    return "" if n == 1 else " twice" if n == 2 else f" {n} times"


def _as_written(term: TermComparison, report: ArticleReport) -> str:
    """A term as the summary shows it: a lexicon entry by its name ("slam" for "slammed"), a
    phrase in scare quotes as the article wrote it ("Benghazi", not the lower-cased term)."""
    if term.category == "scare_quote":
        for hit in report.hits:
            if hit.category == "scare_quote" and hit.term == term.term:
                return hit.surface.strip("\"“”'‘’«»").rstrip(".,;:!?").strip("\"“”'‘’«»")
    return term.term


def as_the_articles_write(name: str, reports) -> str:
    """An actor's name as running text writes it: "the Pentagon" when the articles write "the"
    before it in most of the places they name it ("the Kremlin", "the FBI", "the U.S."), the
    name alone otherwise ("NATO", "Congress", "Antony Blinken")."""
    if name.lower().startswith("the "):
        return name
    found = re.compile(r"(?<![\w-])(?:([Tt]he)\s+)?" + re.escape(name) + r"(?![\w-])")
    with_the = without = 0
    for report in reports:
        for m in found.finditer(report.article.text):
            if m.group(1):
                with_the += 1
            else:
                without += 1
    if not with_the and not without:  # named otherwise ("Democrats" for the Democratic Party)
        return f"the {name}" if name.endswith(" Party") else name
    return f"the {name}" if with_the > without else name


def summarize(c: Comparison) -> tuple[SummaryLine, ...]:
    """Plain-language findings, each backed by the figures in its ``facts``."""
    lines: list[SummaryLine] = []
    labels = c.labels
    m = [r.metrics for r in c.reports]

    def name(k: int) -> str:
        return labels[k]

    diffs = {d.metric: d for d in c.differences}
    # Articles that share no sentence may not tell the same story: said before any difference
    paired = {k for pair in c.pairs for k in (pair.a, pair.b)}
    bodies = [r.metrics.body_sentences for r in c.reports]
    alone = [k for k in range(len(m)) if k not in paired and bodies[k]]
    if len(m) == 2 and len(alone) == 2:
        lines.append(SummaryLine(
            f"No sentence of {name(0)} has a counterpart in {name(1)}: they may not tell the "
            "same story, and the differences below would then be between two stories, not two "
            "tellings of one.", (("aligned_pairs", 0),), None))
    elif len(m) > 2:
        for k in alone:
            lines.append(SummaryLine(
                f"No sentence of {name(k)} has a counterpart in the other articles: it may "
                "tell another story.", ((f"aligned_pairs_{name(k)}", 0),), None))
    # An article too short for any difference with it to be told from chance
    short = [k for k in range(len(m)) if bodies[k] < MIN_SENTENCES]
    for k in short:
        lines.append(SummaryLine(
            f"{_capital(name(k))} has only {_count(bodies[k], 'body sentence')}: too few to "
            "tell a difference from chance, so none of its differences is tested.",
            ((f"body_sentences_{name(k)}", bodies[k]),), None))
    # Framing score (bootstrap over paragraphs)
    d = diffs.get("framing_score")
    scores = [x.framing_score for x in m]
    if d is not None and d.difference and d.clear is not None:
        hi, lo, low, high = _ordered(d)
        facts = ((f"framing_score_{name(hi)}", scores[hi]),
                 (f"framing_score_{name(lo)}", scores[lo]),
                 ("difference_low", low), ("difference_high", high))
        if d.clear:
            most = (f"more than {name(lo)}" if len(m) == 2
                    else f"most and {name(lo)} least")
            lines.append(SummaryLine(
                f"{name(hi)} frames the story {most}: a framing score of "
                f"{scores[hi]:.0f} against {scores[lo]:.0f} (the difference is "
                f"{_num(low)} to {_num(high)} with 90 % confidence).", facts, True))
        elif abs(d.difference) >= 1:
            lines.append(SummaryLine(
                f"The framing scores of {_both(len(m), name(hi), name(lo))} are not clearly "
                "different: "
                f"{_span(len(m), f'{scores[lo]:.0f}', name(lo), f'{scores[hi]:.0f}', name(hi))}"
                "; a gap this size is common "
                f"by chance (the difference is {_num(low)} to {_num(high)} with 90 % confidence).",
                facts, False))
    # Loaded terms in the author's voice (exact test on the counts)
    d = diffs.get("author_loaded_per_1k")
    loaded = [x.author_loaded_per_1k for x in m]
    if d is not None and d.clear is not None and max(loaded) > 0:
        hi, lo, _, _ = _ordered(d)
        facts = ((f"author_loaded_per_1k_{name(hi)}", loaded[hi]),
                 (f"author_loaded_per_1k_{name(lo)}", loaded[lo]),
                 # (None when the lower rate is 0: "far more", no finite ratio)
                 ("ratio", round(loaded[hi] / loaded[lo], 1) if loaded[lo] > 0 else None),
                 ("p_value", d.p_value))
        if d.clear:
            lines.append(SummaryLine(
                f"{name(hi)} uses {_ratio_text(loaded[hi], loaded[lo])} loaded terms in its own "
                f"voice than {name(lo)} ({loaded[hi]:.1f} against {loaded[lo]:.1f} per 1,000 "
                f"words; a difference this large is rare by chance, {p_phrase(d.p_value)}).",
                facts, True))
        else:
            lines.append(SummaryLine(
                f"{_capital(_both(len(m), name(hi), name(lo)))} use loaded terms in their own "
                "voice at rates that are not clearly different: "
                f"{_span(len(m), f'{loaded[lo]:.1f}', name(lo), f'{loaded[hi]:.1f}', name(hi))}"
                " per 1,000 words; a difference this size is common by chance "
                f"({p_phrase(d.p_value)}).", facts, False))
    # Loaded words one article alone uses in its own voice (verbs of saying: the speakers' line)
    for k in range(len(m)):
        own = [t for t in c.terms if t.unique_to == k and t.category != "attribution_verb"]
        if not own:
            continue
        shown = [f"“{_as_written(t, c.reports[k])}”"
                 + (" in scare quotes" if t.category == "scare_quote" else "")
                 + _times(t.counts[k]) for t in own[:4]]
        more = len(own) - len(shown)
        listed = and_list(shown)
        others = name(1 - k) if len(m) == 2 else "the other articles"
        lines.append(SummaryLine(
            f"Loaded words only {name(k)} uses in its own voice: {listed}"
            + (f", and {more} more" if more else "")
            + (f" ({others} {'does' if len(m) == 2 else 'do'} not use it)." if len(own) == 1
               else f" ({others} use{'s' if len(m) == 2 else ''} none of them)."),
            tuple((f"{t.term}_{name(k)}", t.counts[k]) for t in own[:4])
            + ((f"more_terms_{name(k)}", more),)))
    # Opinion (bootstrap over paragraphs)
    d = diffs.get("opinion_share_body")
    opinion = [x.opinion_share_body for x in m]
    if d is not None and d.clear is not None and abs(d.difference) >= 0.05:
        hi, lo, low, high = _ordered(d)
        facts = ((f"opinion_share_body_{name(hi)}", opinion[hi]),
                 (f"opinion_share_body_{name(lo)}", opinion[lo]),
                 ("difference_low", low), ("difference_high", high))
        if d.clear:
            lines.append(SummaryLine(
                f"The author's own opinion makes up {opinion[hi]:.0%} of {name(hi)}'s body "
                f"sentences and {opinion[lo]:.0%} of {name(lo)}'s (the difference is "
                f"{_num(low * 100)} to {_num(high * 100)} points with 90 % confidence).",
                facts, True))
        else:
            lines.append(SummaryLine(
                "The author's own opinion makes up "
                f"{_span(len(m), f'{opinion[lo]:.0%}', name(lo), f'{opinion[hi]:.0%}', name(hi))}"
                f" of the body sentences of {_both(len(m), name(hi), name(lo))}: not clearly "
                "different; a gap this size is common by chance.", facts, False))
    # Speculation: hedges, beyond noise against every other article
    hedges = [x.hedges_per_1k for x in m]
    counts = [r.counts.total("hedges") if r.counts is not None else 0 for r in c.reports]
    words = [r.counts.total("words") if r.counts is not None else 0 for r in c.reports]
    hedging = [k for k, h in enumerate(hedges) if h >= 3.0 and counts[k] >= 3]
    if len(hedging) == 1 and not short \
            and all(hedges[k] < 1.0 for k in range(len(m)) if k != hedging[0]):
        k = hedging[0]
        tests = [rate_test(counts[k], words[k], counts[j], words[j])
                 for j in range(len(m)) if j != k and words[j] > 0]
        if tests and all(t.clear for t in tests):
            p_value = max(t.p_value for t in tests)
            lines.append(SummaryLine(
                f"Only {name(k)} speculates: {hedges[k]:.1f} hedges per 1,000 words in its own "
                f"voice, against almost none in {'the other' if len(m) == 2 else 'the others'} "
                f"({p_phrase(p_value)}).",
                ((f"hedges_per_1k_{name(k)}", hedges[k]), ("p_value", p_value)), True))
    # Sources quoted by one article and never by another
    for actor in c.actors:
        if actor.kind not in ("person", "institution", "organization", "country", "name"):
            continue
        quoted = actor.quoted
        top = int(np.argmax(quoted))
        never = [k for k, q in enumerate(quoted) if q == 0 and actor.mentions[k] > 0]
        if quoted[top] >= 2 and never:
            k = never[0]
            reported = actor.attributed[k]
            who = as_the_articles_write(actor.actor, c.reports)
            how = (f"only reports {who}'s words ({_count(reported, 'sentence')})"
                   if reported else f"never quotes {who}")
            lines.append(SummaryLine(
                f"{name(top)} quotes {who} in {_count(quoted[top], 'sentence')}; "
                f"{name(k)} {how}.",
                ((f"quoted_{name(top)}", quoted[top]), (f"quoted_{name(k)}", 0),
                 (f"attributed_{name(k)}", reported))))
        if len(lines) >= 8:
            break
    # How each article introduces the same speaker (three speakers at most)
    speakers = 0
    for actor in c.actors:
        # verbs only: "in a statement" and "according to" introduce a speaker but say nothing
        # of how ("A says Braley “condemned” where B says “in a written statement”")
        verbs = [{verb: n for verb, n in _parse_verbs(v)
                  if verb.split()[0] not in ("in", "according", "per", "from")}
                 for v in actor.verbs]
        loaded_by = [k for k, v in enumerate(actor.loaded_verbs) if v]
        neutral_by = [k for k, v in enumerate(verbs)
                      if v and not actor.loaded_verbs[k] and k not in loaded_by]
        if loaded_by and neutral_by:
            a, b = loaded_by[0], neutral_by[0]
            loaded = actor.loaded_verbs[a][:3]  # every loaded verb A uses of the speaker
            neutral_verb = max(verbs[b], key=verbs[b].get)
            listed = and_list([f"“{verb}”" for verb in loaded])
            lines.append(SummaryLine(
                f"{name(a)} says {as_the_articles_write(actor.actor, c.reports)} {listed} "
                f"where {name(b)} says "
                f"“{neutral_verb}”.",
                tuple((f"{verb}_{name(a)}", verbs[a].get(verb, 0)) for verb in loaded)
                + ((f"{neutral_verb}_{name(b)}", verbs[b][neutral_verb]),)))
            speakers += 1
            if speakers == 3:
                break
    # Coverage
    gaps = Counter(g.article for g in c.gaps)
    for k in range(len(c.reports)):
        if gaps[k] and bodies[k]:
            lines.append(SummaryLine(
                f"{gaps[k]} of {name(k)}'s {bodies[k]} body sentences "
                f"{'has' if gaps[k] == 1 else 'have'} no counterpart found "
                f"in the other article{'s' if len(c.reports) > 2 else ''}.",
                ((f"gaps_{name(k)}", gaps[k]), (f"body_sentences_{name(k)}", bodies[k]))))
    # Frames (a bootstrap over sentences: how often the most common frames differ)
    primaries = []
    for r in c.reports:
        framed = Counter(f for f in body_frames(r) if f).most_common()
        # (a tie for the most common frame names none: "1 of its 6" says nothing)
        best = framed[0][0] if framed and (len(framed) == 1 or framed[1][1] < framed[0][1]) \
            else ""
        primaries.append((best, framed[0][1] if best else 0, sum(n for _, n in framed)))
    if len({p for p, _, _ in primaries if p}) > 1 and not short:
        shown = [(k, p, n, total) for k, (p, n, total) in enumerate(primaries) if p]
        def listed(opening: str) -> str:
            return ", ".join(
                f"{name(k)}'s {opening if i == 0 else ''}{FRAME_NAMES[p].lower()} ({n} of "
                + (f"its {total} sentence{'' if total == 1 else 's'} with a frame cue)"
                   if i == 0 else f"{total})")
                for i, (k, p, n, total) in enumerate(shown))

        percent = round(100 * frames_differ(c.reports))
        facts = tuple((f"frame_{p}_{name(k)}", n) for k, p, n, _ in shown) + (
            ("resamples_differing_percent", percent),)
        if percent >= 100 * LEVEL:
            lines.append(SummaryLine(
                ("The articles frame the story differently: " if paired else
                 "The articles are framed differently: ") + listed("most common frame is ")
                + f"; they differ in {percent} % of resamples of their sentences.", facts,
                True))
        else:
            lines.append(SummaryLine(
                "The articles' most common frames differ, but not clearly: "
                + listed("is ") + f"; resampling their sentences, they differ in only "
                f"{percent} % of resamples, so this may be chance.", facts, False))
    # Many figures at once: some differ clearly by chance alone (bench/calibration.py)
    tested = [x for x in c.differences if x.clear is not None]
    if len(tested) >= 2:
        clear = sum(bool(x.clear) for x in tested)
        lines.append(SummaryLine(
            f"{clear} of the {len(tested)} figures compared with a confidence differ clearly. "
            f"At {LEVEL * 100:.0f} % confidence a figure can still differ clearly by chance alone "
            "(two articles written alike show at least one about one time in three), "
            "so a single clear difference among many is weak evidence on its own.",
            (("figures_tested", len(tested)), ("figures_clear", clear)), None))
    return tuple(lines)


def _parse_verbs(text: str) -> list[tuple[str, int]]:
    out = []
    for part in text.split("; "):
        if not part:
            continue
        verb, _, n = part.rpartition(" ")
        if verb and n.isdigit():
            out.append((verb, int(n)))
    return out
