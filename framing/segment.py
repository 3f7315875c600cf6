"""Paragraphs and sentences as half-open character spans into ``Article.text``.

Sentence boundaries come from pysbd (rule-based, offline; NLTK's punkt needs a download).
Around it we do what pysbd does not: split paragraphs at blank lines and lines at single line
breaks (unless the paragraph is hard-wrapped), repair splits inside a quotation's attribution,
and mark lines that are not body text (headlines, photo captions, credits, bylines,
"Read Next" links) with their ``kind``, and a body sentence that copies another (a pull quote,
a text printed twice) as a ``repeat``.
"""

from __future__ import annotations

import functools
import importlib
import re
from dataclasses import dataclass, replace

import pysbd
from pysbd.lang.english import English
from pysbd.utils import TextSpan

from .boilerplate import is_link_line
from .report import Article, Sentence


class _CachedRe:
    """The ``re`` functions pysbd calls, with a larger cache of compiled patterns.

    pysbd passes pattern strings to ``re.sub``, ``re.findall`` and the like, many built per
    abbreviation, and English text needs about 900 distinct ones: more than the 512 the
    ``re`` module keeps, so it compiled hundreds of patterns again for every article (a fifth
    of the time of an analysis). The same patterns, compiled once.
    """

    def __init__(self, size: int = 4096) -> None:
        self._compile = functools.lru_cache(maxsize=size)(re.compile)

    def __getattr__(self, name: str):
        return getattr(re, name)  # escape, flags, error, ...

    def compile(self, pattern, flags=0):
        return self._compile(pattern, flags) if isinstance(pattern, str) else re.compile(
            pattern, flags)

    def sub(self, pattern, repl, string, count=0, flags=0):
        return self.compile(pattern, flags).sub(repl, string, count)

    def subn(self, pattern, repl, string, count=0, flags=0):
        return self.compile(pattern, flags).subn(repl, string, count)

    def search(self, pattern, string, flags=0):
        return self.compile(pattern, flags).search(string)

    def match(self, pattern, string, flags=0):
        return self.compile(pattern, flags).match(string)

    def fullmatch(self, pattern, string, flags=0):
        return self.compile(pattern, flags).fullmatch(string)

    def findall(self, pattern, string, flags=0):
        return self.compile(pattern, flags).findall(string)

    def finditer(self, pattern, string, flags=0):
        return self.compile(pattern, flags).finditer(string)

    def split(self, pattern, string, maxsplit=0, flags=0):
        return self.compile(pattern, flags).split(string, maxsplit)


_PYSBD_RE = _CachedRe()
for _name in ("abbreviation_replacer", "between_punctuation", "cleaner", "exclamation_words",
              "lists_item_replacer", "processor", "punctuation_replacer", "segmenter", "utils"):
    _module = importlib.import_module(f"pysbd.{_name}")
    if getattr(_module, "re", None) is re:
        _module.re = _PYSBD_RE


# The characters other than ASCII letters that re.IGNORECASE matches to one and lower() does
# not lower to it (tests/test_segment.py checks every character).
_FOLDED_TO_ASCII = frozenset("İıſ")


class _AbbreviationReplacer(English.AbbreviationReplacer):
    """pysbd's abbreviation step for English, without the abbreviations it changes nothing for.

    For each of its abbreviations found anywhere in a line ("al" in "also"), pysbd takes every
    word that starts with it and rewrites the whole line once per word, while a rewrite only
    ever replaces the full stop right after the abbreviation (with a mark that no sentence ends
    there). An abbreviation of letters that is nowhere followed by a full stop is skipped: that
    is most of the time pysbd spent on a line. (``re.IGNORECASE`` also reads "İ", "ı" and "ſ"
    as "i" and "s", which ``str.lower`` does not: a line holding one of them takes pysbd's
    way.) The method is pysbd's own with that one test added.
    """

    def search_for_abbreviations_in_string(self, text):
        lowered = text.lower()
        plain = _FOLDED_TO_ASCII.isdisjoint(text)
        for abbr in self.lang.Abbreviation.ABBREVIATIONS:
            stripped = abbr.strip()
            if stripped not in lowered:
                continue
            if plain and stripped.isalnum() and stripped + "." not in lowered:
                continue  # no full stop to replace
            abbrev_match = _PYSBD_RE.findall(
                rf"(?:^|\s|\r|\n){stripped}", text, flags=re.IGNORECASE
            )
            if not abbrev_match:
                continue
            next_word_start = r"(?<={" + str(re.escape(stripped)) + "} ).{1}"
            char_array = _PYSBD_RE.findall(next_word_start, text)
            for ind, match in enumerate(abbrev_match):
                text = self.scan_for_replacements(text, match, ind, char_array)
        return text


class _English(English):
    """pysbd's English, with the abbreviation step above."""

    AbbreviationReplacer = _AbbreviationReplacer


class _Splitter(pysbd.Segmenter):
    """pysbd's Segmenter for English, with the same sentences found in less time.

    Besides the abbreviation step above: pysbd locates each sentence it made with a regular
    expression built from that sentence (the sentence escaped, then any whitespace), a pattern
    compiled for every sentence of every article (a tenth of the time of an analysis). This
    is the same search without a pattern: the first occurrence, taken with the whitespace after
    it, that ends after the sentence before, trying the occurrences ``re.finditer`` tries (each
    search starts where the last one ended).
    """

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.language_module = _English

    def sentences_with_char_spans(self, sentences):
        text = self.original_text
        spans = []
        prior_end = 0
        for sentence in sentences:
            position = 0
            while (found := text.find(sentence, position)) >= 0:
                end = found + len(sentence)
                while end < len(text) and text[end].isspace():
                    end += 1
                if end > prior_end:
                    spans.append(TextSpan(text[found:end], found, end))
                    prior_end = end
                    break
                position = end if end > found else found + 1  # (an empty match: one further)
        return spans


# pysbd's regexes are fast on prose but an unbroken run of text far longer than any real
# sentence only costs time; above this many characters a block is cut at whitespace first.
MAX_BLOCK = 5_000

# pysbd splits only at these: sentence punctuation, a list item's "a)" or "1.", a line's end,
# and a dash before a quotation mark ("… -” Then"); a block without any is one sentence.
_MAY_SPLIT = re.compile(r"[.!?。．！？…)\r]|-[\"'“”‘’]")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’)\]]*\s*$")
_WORD = re.compile(r"[^\W_][\w’'.-]*")
_SMALL_WORDS = frozenset(
    """a an and as at but by for from in into of on or over the to up via vs with amid""".split()
)
_CAPTION_CUE = re.compile(
    r"\((photo|photograph|image|picture|video|file photo)s?\b[^)]{0,300}\)|"
    r"^\s*(photo|photograph|image|picture|caption|credit)s?\s*[:|]|"
    r"\b(getty images|ap photo|afp via getty|reuters/|shutterstock)\b",
    re.IGNORECASE,
)
_CREDIT = re.compile(r"^\s*[(\[]\s*[A-Z][\w&.\- ]{0,30}[)\]]\s*$")
# A photo agency's credit, a line of its own under a picture: "Getty Images", "AP Photo/Jo Lee"
_AGENCY_CREDIT = re.compile(
    r"\s*(?:(?:photo|photograph|image)s?[ \t]*(?:by|:)?[ \t]*)?(?:[\w.'’\- ]{1,40}/[ \t]*)?"
    r"(?:getty images|ap photo|afp via getty|afp|reuters|shutterstock)"
    r"(?:[ \t]*[/,][ \t]*[\w.'’\- ,]{0,40})?[ \t.]*", re.IGNORECASE)


def credit_line(text: str) -> bool:
    """Whether a caption is only a picture's credit: a photo agency, perhaps with the
    photographer ("Getty Images", "Jo Lee/Getty Images", "AP Photo/Jo Lee"), or a name in
    brackets ("(Reuters)")."""
    return _CREDIT.match(text) is not None or _AGENCY_CREDIT.fullmatch(text) is not None


# The line that signs an embedded post: "— Mayor Ruth Ambler (@RuthAmblerMayor) March 3, 2024"
SIGNATURE_BODY = (r"(?P<name>[^\n()—–]{1,60}?)[ \t]*\(@\w{1,30}\)[ \t]*"
                  r"[A-Z][a-z]{2,8}\.?[ \t]\d{1,2},[ \t]\d{4}")
SIGNATURE = re.compile(r"[ \t]*[—–-]{1,2}[ \t]*" + SIGNATURE_BODY + r"[ \t]*$")
# A name in a byline; never "and", which separates names: were it both, the regex would try
# every way of splitting "By A and B and C …" and take exponential time on a long line.
_BY_NAME = r"(?!and\b)[A-Z][\w.'’\-]+"
# A copyright line or a wire service's notice, as a line or a sentence of its own.
_NOTICE_TEXT = (r"©|copyright\b|this material may not be (published|reproduced)\b|"
                r"all rights reserved\b")
_NOTICE = re.compile(rf"\s*({_NOTICE_TEXT})", re.IGNORECASE)
_BYLINE = re.compile(
    rf"^\s*(by\s+{_BY_NAME}(\s+{_BY_NAME}){{0,3}}((\s*[,&]\s*|\s+and\s+){_BY_NAME}"
    rf"(\s+{_BY_NAME}){{0,3}})*\s*(,\s*[\w .]+)?$|"
    r"[(\[]?(reporting|additional reporting|editing|writing|compiled|produced) by\b|"
    r"(posted|published|updated|last updated)\s*(on|at)?\s*[:]?\s*\w+.{0,40}$|"
    r"follow (him|her|them|us) on\b|contact the (author|writer|reporter)\b|"
    rf"{_NOTICE_TEXT})",
    re.IGNORECASE,
)
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
# A whole line in Markdown's bold or italics, its text in group 2.
_EMPHASIS = re.compile(r"^\s*([*_]{1,3})(\S.*?\S|\S)\1\s*$")
# The desk's note on a story: "Editor's note: …", "Correction: …" (not "UPDATE: …", which
# carries the news).
_EDITORS_NOTE = re.compile(r"\s*[*_]{0,3}(?:editor[’']?s[’']? note|correction|clarification)"
                           r"\s*[:—–]", re.IGNORECASE)
# Repeated sentences (`mark_repeats`): the fewest words of a copy of a whole sentence, and of
# a copy found inside a longer sentence ("Police made an arrest" inside "Seattle Police made
# an arrest on Pine Street" is no copy); words compared in lower case, without punctuation.
REPEAT_WORDS = 6
CONTAINED_WORDS = 10
_SAME_OPENING = 4
_LONGEST_CONTAINED = 120  # (a pull quote is short; each try compares its words)
_KEY_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    paragraph: int
    position: int  # index of the line within its paragraph
    last: bool  # the paragraph's last line


class Segmenter:
    """Splits an article into sentences. Safe to share between threads (the app's sessions)."""

    def __init__(self, say_forms: frozenset[str] = frozenset()) -> None:
        # Forms of verbs of saying ("said", "asked"), to keep “…?” Smith asked. together.
        self._say = say_forms

    def segment(self, article: Article) -> tuple[Sentence, ...]:
        """Return the article's sentences in order, with ``kind`` set and default voice."""
        text = article.text
        sentences: list[Sentence] = []
        preamble = False  # every line above is a menu, a banner, a byline or a notice
        for number, line in enumerate(lines(text)):
            kind = _line_kind(text, line, article.title, after_preamble=preamble)
            preamble = (preamble or number == 0) and kind in ("link", "byline")
            spans = self._split(text, line.start, line.end)
            for start, end in spans:
                sentence_kind = kind or _sentence_kind(text[start:end])
                sentences.append(
                    Sentence(len(sentences), start, end, line.paragraph, sentence_kind)
                )
        return mark_repeats(text, sentences)

    def _split(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        # A pysbd Segmenter keeps the text it is splitting on itself, so one shared by two
        # threads mixes their texts up; a new one per article costs a microsecond.
        splitter = _Splitter(language="en", clean=False, char_span=False)
        spans: list[tuple[int, int]] = []
        for block_start, block_end in _blocks(text, start, end):
            # Line breaks inside a hard-wrapped paragraph are spaces; same length keeps offsets.
            block = text[block_start:block_end].replace("\n", " ")
            # pysbd's fixed cost per call is most of the time of a short line (a headline)
            pieces = splitter.segment(block) if _MAY_SPLIT.search(block) else [block]
            spans.extend(_locate(block, pieces, block_start))
        return _repair(text, spans, self._say)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the blocks of text separated by blank lines, surrounding whitespace trimmed."""
    spans = []
    position = 0
    for match in _BLANK_LINE.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return [trimmed for s, e in spans if (trimmed := _trim(text, s, e))[0] < trimmed[1]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def lines(text: str) -> list[_Line]:
    """The text's lines, trimmed, each with its paragraph; a hard-wrapped paragraph is one line."""
    lines: list[_Line] = []
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        raw = []
        position = p_start
        for piece in text[p_start:p_end].split("\n"):
            span = _trim(text, position, position + len(piece))
            if span[0] < span[1]:
                raw.append(span)
            position += len(piece) + 1
        if _hard_wrapped(text, raw):
            raw = [(raw[0][0], raw[-1][1])]
        for i, (s, e) in enumerate(raw):
            lines.append(_Line(s, e, number, i, i == len(raw) - 1))
    return lines


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """True when a paragraph's line breaks fall mid-sentence, as in text wrapped at ~72 columns."""
    if len(lines) < 2:
        return False
    inner = lines[:-1]
    long_lines = sum(1 for s, e in inner if e - s >= 40)
    open_ends = sum(1 for s, e in inner if not _TERMINAL.search(text[s:e]))
    return long_lines >= 0.7 * len(inner) and open_ends >= 0.5 * len(inner)


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an overlong run of text at whitespace so no block passed to pysbd is huge."""
    blocks = []
    while end - start > MAX_BLOCK:
        cut = text.rfind(" ", start + MAX_BLOCK // 2, start + MAX_BLOCK)
        if cut <= start:
            cut = start + MAX_BLOCK
        blocks.append((start, cut))
        start = cut
    blocks.append((start, end))
    return blocks


def _locate(block: str, pieces: list[str], offset: int) -> list[tuple[int, int]]:
    """Turn pysbd's sentence strings back into spans, trusting only the text itself."""
    spans = []
    cursor = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        found = block.find(piece, cursor)
        if found < 0:  # pysbd changed the text; give up on its boundaries for the rest
            break
        spans.append((found, found + len(piece)))
        cursor = found + len(piece)
    rest = _trim(block, cursor, len(block))
    if rest[0] < rest[1]:
        spans.append(rest)
    return [(offset + s, offset + e) for s, e in spans]


_ATTRIBUTION_TAIL = re.compile(r"^[a-z]|^[,;:)\]”’—–-]")
# Abbreviated titles pysbd ends a sentence after ("State Del. Marcia Price", "Atty. Gen.",
# "Rt. Hon."); not after a comma, where "Del." is a state ("Dover, Del. The …").
_TITLE_ABBREVIATION = re.compile(
    r"(?<![\w.])(?<!,\s)(?:Del|Amb|Hon|Atty|Insp|Pvt|Sec|Pres|Msgr|Fr|Mme|Mlle|Rt|Dist)\.$")
_QUESTION_CLOSE = re.compile(r"[?!…][”\"'’]+$")
# a quotation closed after a comma: no sentence ends there ("‘Mum, come home,’” Ann said.)
_COMMA_CLOSE = re.compile(r",[”\"'’]+$")
_NAME_THEN_VERB = re.compile(r"^((?:[A-Z][\w.’'-]*\s+){1,4})(\w+)\b(.*)$", re.DOTALL)


def _repair(text: str, spans: list[tuple[int, int]], say: frozenset[str]) -> list[tuple[int, int]]:
    """Join pieces pysbd split inside a quotation's attribution or after an abbreviation.

    An abbreviated title before a name stays with it: "State Del. Marcia Price spoke."

    “Are you sure?” she asked.  →  one sentence, not “Are you sure?” | she asked.
    “Are you sure?” Smith asked. →  one sentence too.
    “She said, ‘Come home,’” Ann Lee told the court. →  one: no sentence ends at a comma.

    A join never makes a sentence longer than ``MAX_BLOCK``: a run of text without sentence
    punctuation stays cut into blocks, so that no later step works on one unbounded sentence.
    """
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        piece = text[start:end]
        if merged and end - merged[-1][0] <= MAX_BLOCK and (
            _ATTRIBUTION_TAIL.match(piece)
            or not _WORD.search(piece)
            or (_QUESTION_CLOSE.search(text[merged[-1][0]:merged[-1][1]])
                and _is_attribution_tail(piece, say))
            or _COMMA_CLOSE.search(text, merged[-1][0], merged[-1][1])
            or (piece[:1].isupper() and _TITLE_ABBREVIATION.search(
                text, max(merged[-1][0], merged[-1][1] - 8), merged[-1][1]))
        ):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _is_attribution_tail(piece: str, say: frozenset[str]) -> bool:
    """A short "Smith asked." or "asked Smith." that finishes a quoted question."""
    words = piece.split()
    if len(words) > 8:
        return False
    m = _NAME_THEN_VERB.match(piece)
    if m and m.group(2).lower() in say:
        return True
    return bool(words) and words[0].lower().strip(",.") in say


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def _is_title_case(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content:
        return False
    capitalized = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return capitalized / len(content) >= 0.75


# A dateline that opens a story: "WASHINGTON (AP) —", "ST. JOSEPH, Mich. (AP) —" (a lede, not
# a headline; ``framing.voice`` reads the source it names).
DATELINE = re.compile(
    r"\s*[A-Z][A-Z.'’ -]{1,30}(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2})?\s*"
    r"(?:\([A-Za-z][A-Za-z .&-]{0,30}\))?\s*(?:[—–]|\s-)\s*")


def _line_kind(text: str, line: _Line, title: str, after_preamble: bool = False) -> str:
    """The kind of a whole line when it is not body text, else the empty string;
    ``after_preamble``: every line above it is a link line, a byline or a notice (a pasted
    page's menu and cookie banner, an editor's note)."""
    content = text[line.start:line.end]
    words = _words(content)
    if line.paragraph == 0 and title and content.strip() == title.strip():
        return "headline"
    if _MARKDOWN_HEADING.match(content):
        return "headline"
    if is_link_line(content, arrows=False):
        return "link"
    # the word counts first: they bound the regexes' work on a long line
    if len(words) <= 60 and _CAPTION_CUE.search(content):
        return "caption"
    if len(words) <= 20 and SIGNATURE.match(content):
        return "caption"  # the credit line of an embedded post
    if len(words) <= 14 and _BYLINE.match(_EMPHASIS.sub(r"\2", content)):
        return "byline"  # (in Markdown's bold or italics too: "**By Sam Ortiz**")
    if _EDITORS_NOTE.match(content):
        return "byline"  # the desk's note on the story, not the story
    if not words or _TERMINAL.search(content) or content.rstrip()[-1:] in "\"”’'":
        return ""
    if 2 <= len(words) <= 5 and _is_title_case(words) and not line.last:
        # A short name line above another line of the same block: a photo's name caption.
        return "caption"
    if 2 <= len(words) <= 24 and _is_title_case(words):
        return "headline"
    if ((line.paragraph == 0 and line.position == 0 or after_preamble) and line.last
            and 3 <= len(words) <= 24
            and line.end < len(text.rstrip()) and not DATELINE.match(content)):
        # The text's first line (or first after a menu or a note), ending its paragraph without a
        # sentence's end, above the rest: a headline in sentence case ("Council approves
        # budget after long debate")
        return "headline"
    return ""


def mark_repeats(text: str, sentences: list[Sentence]) -> tuple[Sentence, ...]:
    """The sentences, a body sentence that copies another one marked ``repeat``.

    A page that printed its text twice, a pull quote set apart from its paragraph, a post
    embedded and then quoted: the copy is shown but counts once. A copy has the same words
    as an earlier body sentence (case, punctuation and quotation marks aside), at least
    ``REPEAT_WORDS`` of them, so a refrain ("I have a dream today!") stays; or it is a run
    of at least ``CONTAINED_WORDS`` words found whole inside a longer body sentence (the
    pull quote, wherever it stands; the longer one keeps its source).
    """
    words = {s.index: _KEY_WORD.findall(text[s.start:s.end].lower())
             for s in sentences if s.kind == "body"}
    copies: set[int] = set()
    first: dict[str, int] = {}
    for i, w in words.items():
        if len(w) >= REPEAT_WORDS and first.setdefault(" ".join(w), i) != i:
            copies.add(i)
    # each sentence of a pull quote's length, found by its first words; a few per opening (a
    # text of thousands of sentences opening alike would make the search quadratic)
    heads: dict[tuple[str, ...], list[int]] = {}
    for i, w in words.items():
        if CONTAINED_WORDS <= len(w) <= _LONGEST_CONTAINED and i not in copies:
            alike = heads.setdefault(tuple(w[:CONTAINED_WORDS]), [])
            if len(alike) < _SAME_OPENING:
                alike.append(i)
    openers = {head[0] for head in heads}
    for w in words.values():
        for p in range(len(w) - CONTAINED_WORDS + 1):
            if w[p] not in openers:
                continue
            for j in heads.get(tuple(w[p:p + CONTAINED_WORDS]), ()):
                n = len(words[j])
                if n < len(w) and w[p:p + n] == words[j]:
                    copies.add(j)
    return tuple(replace(s, kind="repeat") if s.index in copies else s for s in sentences)


def _sentence_kind(sentence: str) -> str:
    if _CREDIT.match(sentence) and len(_words(sentence)) <= 4:
        return "byline"
    if len(_words(sentence)) <= 14 and _NOTICE.match(sentence):
        return "byline"  # a wire notice after other text: "… This material may not be …"
    if sentence.lstrip().startswith(("(", "[")) and _CAPTION_CUE.search(sentence):
        return "caption"
    if is_link_line(sentence, arrows=False):
        return "link"
    return "body"


def is_caption_or_credit(line: str) -> bool:
    """Whether a whole paragraph is a photo caption, a credit or a byline, not body text."""
    words = _words(line)
    return bool(
        (len(words) <= 60 and _CAPTION_CUE.search(line))
        or (len(words) <= 14 and _BYLINE.match(line))
        or (len(words) <= 4 and _CREDIT.match(line))
    )
