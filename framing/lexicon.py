"""Lexicons as data: load, validate and match word lists with categories and explanations.

A lexicon file is a CSV with the header ``term,category,explanation,alternative,pos,inflect,
forms`` (the last three optional, like ``strength``, ``complement`` and ``descriptive_if``).
``term`` is a lowercase lemma or phrase; with ``inflect=yes`` its regular inflections match
too (claim → claims, claimed, claiming); ``forms`` lists extra surface forms separated by ``|``.
Matching is on whole tokens, case-insensitive: "aged" never matches inside "managed", and a
hyphenated compound is one token ("middle-aged" is not "aged").

A word sense is data too: ``descriptive_if`` lists words (``|``-separated) that, anywhere in the
same sentence, show the term is used in its literal, descriptive sense, and then it is no hit:
"attacked" next to "troops" or "killed" reports violence; "attacked the plan" is loaded. For a
verb of saying, ``thing_objects`` lists the objects that, right after it, make it a verb of taking
or doing ("claimed victory", "added fuel"; ``#`` for a number, "claimed 12 lives").

A row of category ``place``, ``organization`` or ``person`` is a name, not a term: it flags
nothing, keeps its capitals, and teaches the Analyzer's names (``Names.with_names``) a town or a
club that it would read as a person, or a person's other names ("AOC").
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path

from .errors import LexiconError, printable
from .names import PLURAL_PEOPLE, REPRESENTATIVES

LEXICON_DIR = Path(__file__).parent / "lexicons"
# Name entries flag nothing: they teach the analyzer a name it would misread, the term kept as
# written ("Valemouth,place": a town, not a person; "Valemouth Rovers,organization";
# "Alexandria Ocasio-Cortez,person,AOC": one person under both names).
NAME_CATEGORIES = frozenset({"place", "organization", "person"})
# What a lexicon entry can be (README, "Lexicons"); an entry of another category would match
# and be counted nowhere.
CATEGORIES = frozenset(
    """loaded label intensifier hedge attribution_verb neutral_attribution factive assertive
    implicative""".split()
) | NAME_CATEGORIES
REQUIRED_COLUMNS = ("term", "category")
KNOWN_COLUMNS = ("term", "category", "explanation", "alternative", "pos", "inflect", "forms",
                 "complement", "strength", "descriptive_if", "thing_objects")
COMPLEMENTS = frozenset({"clause", "object", "speech", ""})
POS_VALUES = frozenset({"noun", "verb", "adj", "adv", "phrase", "modal", "other", ""})

# A token is a run of letters or digits, hyphen-joined parts kept together ("so-called").
TOKEN = re.compile(r"[^\W_]+(?:[-‐‑][^\W_]+)*")
# Matching reads a percent sign as a token of its own, in text and in lexicon forms alike:
# "100%" is not the "100" of "100 people", nor "the 1%" the start of "the 1,200 homes".
_MATCH_TOKEN = re.compile(TOKEN.pattern + "|%")
# What a phrase is never written across: "You know — it all tastes better" holds no "know it
# all".
# (Commas, periods and apostrophes are in some phrases: "drill, baby, drill", "d.o.a.".)
_BREAK = re.compile(r"[—–;:()\[\]!?\"“”]")
_NEGATORS = frozenset({"not", "no", "never", "hardly", "barely", "without", "nor", "t"})
_CLAUSE_BREAK = re.compile(r"[,;:—–()\[\]!?]")
# After a negator, words that assert what follows: "not only a radical plan but …".
_NOT_NEGATING = frozenset("only just merely simply solely".split())
_VOWELS = frozenset("aeiou")


@dataclass(frozen=True)
class LexiconText:
    """A lexicon given as CSV text instead of a file (an upload in the app): ``name`` is what
    its messages call it. Wherever extra lexicon files are accepted, one of these is too."""

    name: str
    text: str


def lexicon_bytes(source) -> tuple[str, bytes]:
    """A lexicon's name and content: a file's bytes, or a ``LexiconText``'s text encoded."""
    if isinstance(source, LexiconText):
        return source.name, source.text.encode("utf-8")
    return Path(source).name, Path(source).read_bytes()


def lexicons_digest(sources) -> str:
    """A digest of lexicons (paths or ``LexiconText``) by name and content, in order: what a
    corpus store's lexicon fingerprint, a table's store name and the app's Analyzer cache key
    tell lexicons apart by."""
    digest = hashlib.sha256()
    for name, data in map(lexicon_bytes, sources):
        digest.update(name.encode() + b"\0" + data)
    return digest.hexdigest()[:20]


@dataclass(frozen=True)
class Entry:
    """One lexicon row: what it flags, why, and what a neutral writer would say instead."""

    term: str
    category: str
    explanation: str = ""
    alternative: str = ""
    pos: str = ""
    inflect: bool = False
    forms: tuple[str, ...] = ()
    complement: str = ""
    strength: str = "strong"
    source: str = ""
    # Words that, in the same sentence, make the term descriptive (its literal sense).
    descriptive_if: frozenset[str] = frozenset()
    # For verbs of saying: words right after the verb that make it a verb of taking or doing
    # (an object: "claimed victory", "added fuel"; a particle: "sworn in"; the next verb when
    # the thing written came before: "the letter the council wrote was read"); "#" stands for
    # any number ("claimed 12 lives").
    thing_objects: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Match:
    """A lexicon entry found in a text: a half-open span and the words as written."""

    start: int
    end: int
    surface: str
    entry: Entry
    negated: bool = False
    literal: bool = False  # its descriptive_if words are in the text (only with senses=False)


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Lowercased tokens of ``text[start:end]`` as (start, end, token) with absolute offsets."""
    stop = len(text) if end is None else end
    if "‐" in text or "‑" in text:
        return [(m.start(), m.end(), _norm_token(m.group()))
                for m in _MATCH_TOKEN.finditer(text, start, stop)]
    return [(m.start(), m.end(), m.group().lower())
            for m in _MATCH_TOKEN.finditer(text, start, stop)]


def _norm_token(token: str) -> str:
    return token.lower().replace("‐", "-").replace("‑", "-")


def _split_phrase(phrase: str) -> tuple[str, ...]:
    return tuple(_norm_token(m.group()) for m in _MATCH_TOKEN.finditer(phrase))


def inflections(word: str, pos: str) -> set[str]:
    """Regular inflections of one word: verbs get -s, -ed, -ing; nouns get plurals."""
    forms = {word}
    if pos == "noun":
        forms.add(_plural(word))
    elif pos in ("verb", ""):
        forms.add(_plural(word))
        forms.update(_past(word))
        forms.update(_gerund(word))
    return forms


def _plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return word[:-1] + "ies"
    return word + "s"


def _doubles(word: str) -> bool:
    """Whether a final consonant may double (slam → slammed, label → labelled)."""
    return (
        len(word) >= 3
        and word[-1] not in _VOWELS | {"w", "x", "y"}
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )


def _one_syllable(word: str) -> bool:
    """One group of vowels ("spar", "slam", "quip"): a final consonant that may double must
    ("sparred"; "spared" is another verb's), where a longer word may go either way
    ("labeled", "labelled")."""
    return len(re.findall(r"[aeiou]+", word)) == 1


def _suffixed(word: str, ending: str) -> set[str]:
    """``word`` + ``ending``, with its final consonant doubled where it must or may be."""
    if not _doubles(word):
        return {word + ending}
    doubled = word + word[-1] + ending
    return {doubled} if _one_syllable(word) else {word + ending, doubled}


def _past(word: str) -> set[str]:
    if word.endswith("e"):
        return {word + "d"}
    if word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS:
        return {word[:-1] + "ied"}
    return _suffixed(word, "ed")


def _gerund(word: str) -> set[str]:
    if word.endswith("ie"):
        return {word[:-2] + "ying"}
    if word.endswith("e") and not word.endswith(("ee", "ye", "oe")):
        return {word[:-1] + "ing"}
    return _suffixed(word, "ing")


@lru_cache(maxsize=1 << 16)
def surface_patterns(entry: Entry) -> frozenset[tuple[str, ...]]:
    """Every token sequence that counts as this entry in text. Kept for the entries last asked
    about (entries are immutable): every Analyzer, and each lexicon subset it makes, indexes
    the same shipped entries again."""
    base = _split_phrase(entry.term)
    patterns = {base}
    if entry.inflect and base:
        head = 0 if entry.pos in ("verb", "phrase", "") or len(base) == 1 else len(base) - 1
        pos = "verb" if entry.pos in ("phrase", "") else entry.pos
        for form in inflections(base[head], pos):
            patterns.add(base[:head] + (form,) + base[head + 1:])
    for form in entry.forms:
        if split := _split_phrase(form):
            patterns.add(split)
    # A hyphenated compound also matches when written as two words, and the other way round.
    for pattern in list(patterns):
        if any("-" in t for t in pattern):
            patterns.add(tuple(p for t in pattern for p in t.split("-")))
    return frozenset(p for p in patterns if p)


class Lexicon:
    """A set of entries indexed for fast, longest-first matching over tokens."""

    def __init__(self, entries: list[Entry] | tuple[Entry, ...] = ()) -> None:
        by_key: dict[tuple[str, str], Entry] = {}
        for entry in entries:  # later entries override earlier ones (user files come last)
            by_key[(entry.term, entry.category)] = entry
        self.entries = tuple(by_key.values())
        # One-word patterns by their word; longer ones by their first two words, so a common
        # first word ("it", "the") costs one lookup, not a scan of every phrase it starts.
        self._index: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        self._phrases: dict[tuple[str, str], list[tuple[tuple[str, ...], Entry]]] = {}
        for entry in self.entries:
            for pattern in surface_patterns(entry):
                if len(pattern) == 1:
                    self._index.setdefault(pattern[0], []).append((pattern, entry))
                else:
                    self._phrases.setdefault(pattern[:2], []).append((pattern, entry))
        for candidates in self._phrases.values():
            candidates.sort(key=lambda item: -len(item[0]))
        self._starts = set(self._index) | {first for first, _ in self._phrases}

    def __len__(self) -> int:
        return len(self.entries)

    def categories(self) -> set[str]:
        return {entry.category for entry in self.entries}

    def subset(self, categories: set[str] | frozenset[str]) -> Lexicon:
        return Lexicon([e for e in self.entries if e.category in categories])

    def match(self, text: str, start: int = 0, end: int | None = None,
              tags=None,
              toks: list[tuple[int, int, str]] | None = None,
              senses: bool = True) -> list[Match]:
        """Non-overlapping matches in ``text[start:end]``, the longest phrase winning.

        With ``tags`` (part-of-speech tags by token start offset, or a function of the tokens
        and a token's position that tags it, called only when an entry needs it: see
        ``tag_in_context``), a one-word entry whose ``pos`` is verb, noun, adj or adv
        only matches a token tagged as such: "blast" the verb of "critics blasted the plan",
        not the noun of "the blast killed 12". An entry with ``descriptive_if`` words does not
        match where one of them is among the tokens matched over (one sentence, as the
        Analyzer calls it): its literal sense. ``senses=False`` keeps such matches, marked
        ``literal``, for voice detection, which decides from the words around a verb whether
        it reports speech.
        """
        if toks is None:
            toks = tokens(text, start, end)
        words = [t for _, _, t in toks]
        found: list[Match] = []
        index, phrases, starts = self._index, self._phrases, self._starts
        i = 0
        while i < len(toks):
            if words[i] not in starts:
                i += 1
                continue
            best = None
            longer = phrases.get((words[i], words[i + 1])) if i + 1 < len(words) else None
            for pattern, entry in chain(longer or (), index.get(words[i], ())):
                if len(pattern) > 1 and (
                        tuple(words[i:i + len(pattern)]) != pattern
                        or _BREAK.search(text, toks[i][1], toks[i + len(pattern) - 1][0])):
                    continue
                literal = bool(entry.descriptive_if) and not entry.descriptive_if.isdisjoint(words)
                if literal and senses:
                    continue
                if (tags is not None and len(pattern) == 1 and entry.pos in _POS_PREFIX
                        and not _fits(entry, words, i, toks, tags, text)):
                    continue
                best = (pattern, entry, literal)
                break
            if best is None:
                i += 1
                continue
            pattern, entry, literal = best
            s, e = toks[i][0], toks[i + len(pattern) - 1][1]
            # a negator within three words before, in the same clause ("one of the two no
            # votes, insisted": the comma ends what "no" negates)
            negated = any(words[j] in _NEGATORS and words[j + 1] not in _NOT_NEGATING
                          and not _CLAUSE_BREAK.search(text, toks[j][1], s)
                          for j in range(max(0, i - 3), i))
            found.append(Match(s, e, text[s:e], entry, negated, literal))
            i += len(pattern)
        return found


_POS_PREFIX = {"verb": ("VB",), "noun": ("NN",), "adj": ("JJ", "VBN", "VBG"), "adv": ("RB",)}


def _pos_agrees(pos: str, tag: str) -> bool:
    """Whether a token's tag fits an entry's part of speech (unknown tags always fit)."""
    prefixes = _POS_PREFIX.get(pos)
    return not prefixes or not tag or tag.startswith(prefixes)


# Words after which a word is a noun or an adjective ("its own brand", "a spat"), and after
# which it is a verb ("will torch", "they bully", "who pander").
_BEFORE_NOMINAL = frozenset(
    "a an the his her their its our my your this these those every each no".split())
_BEFORE_VERB = frozenset("will would can could should may might must shall he she they we "
                         "who".split())
_NOMINAL = ("NN", "JJ", "VBN", "VBG")
# An intensifier that is another word when nothing follows it to intensify ("I think so",
# "and so the council left"), and the words it does not intensify ("so I left", "so that").
_DEGREE_ONLY = frozenset(["so"])
_NOT_INTENSIFIED = frozenset("i you he she we they it that and or but if".split())
# Words that follow a noun rather than stand after a participle used as an adjective.
_AFTER_NOUN = frozenset("""of in on at to for from with by about against over that and or is
    was are were who which because when if but as so than has had have""".split())


def _fits(entry: Entry, words: list[str], i: int, toks: list[tuple[int, int, str]], tags,
          text: str) -> bool:
    """Whether the word at ``i`` can be read as the entry's part of speech here.

    The part of speech tells the senses of a word apart where it matters: the verb "attack"
    against the noun ("came under attack"), "brand" (its own brand), "spat" (he spat). It is
    judged from the words around it where they settle it (a label the tagger knows as an
    adjective, right before a noun, is one: "terrorist attacks"; after a determiner or a
    possessive no verb but a participle before its noun; after a modal or a subject pronoun,
    or right before a determiner, no noun), else from the tagger, which does not tell a noun
    from an adjective reliably ("a terrorist", "an epic failure") and is not asked about a
    word it does not know: it guesses those from their shape, and so called "dodgy",
    "gaslighting" and every hyphenated compound ("a pen-pusher") something else, and they
    never matched."""
    pos = entry.pos
    if not callable(tags):  # tags given by offset
        return _pos_agrees(pos, tags.get(toks[i][0], ""))
    word = words[i]
    known = "" if "-" in word else tagger_lexicon().get(word) or ""
    before = words[i - 1] if i > 0 else ""
    after = words[i + 1] if i + 1 < len(words) and toks[i][1] + 1 == toks[i + 1][0] else ""
    if word in _DEGREE_ONLY and (
            not after.isalpha() or after in _BEFORE_NOMINAL or after in _NOT_INTENSIFIED):
        return False  # it needs a word to intensify: not "said so.", "and so the council"
    if pos == "noun" and known.startswith("JJ") and after.isalpha() and (
            after not in _AFTER_NOUN) and not _people(after):
        # a label before a noun is an adjective: "terrorist attacks"; but aimed at people it
        # labels them: "militant teachers"
        return False
    if before in _BEFORE_NOMINAL:
        # a noun, an adjective, an adverb before one ("a very talented"), a participle before
        # a noun ("a mocking riff") or a loaded verb's gerund ("the bullying"); not the noun
        # of a verb of saying ("a warning", "the smears")
        return pos != "verb" or (word.endswith(("ing", "ed")) and (
            entry.category != "attribution_verb" or (
                not known.startswith("NN") and after.isalpha() and after not in _AFTER_NOUN)))
    if before in _BEFORE_VERB or after in _BEFORE_NOMINAL:
        return pos != "noun"  # "will torch", "they likely", "Critics attack the plan"
    if not known:
        # a word the tagger would only guess from its shape; but a capitalized one inside a
        # sentence is a name before it is a verb ("Even Dub had his water"), unless every
        # word is capitalized ("Senator Lambasts Plan")
        written = text[toks[i][0]:toks[i][1]]
        return not (pos == "verb" and i > 0 and written[:1].isupper() and not written.isupper()
                    and not mostly_capitalized(text, toks))  # (not "BABY UNIT AXED: …")
    tag = tags(toks, i)
    if pos in ("noun", "adj"):
        return not tag or tag.startswith(_NOMINAL)
    return _pos_agrees(pos, tag)


def _people(word: str) -> bool:
    """A noun for people: "teachers", "students", "lawyer"."""
    return word in PLURAL_PEOPLE or word + "s" in PLURAL_PEOPLE or word in REPRESENTATIVES


def mostly_capitalized(text: str, toks: list[tuple[int, int, str]]) -> bool:
    """A line in Title Case or capitals (a headline), where capitals do not mark names."""
    words = [text[a:b] for a, b, w in toks if len(w) > 3 and w[:1].isalpha()]
    # (most: a Title Case line may keep "with", "from", "into" in lower case; a sentence
    # with two names and a verb, "Later, Rachel Crooks said so.", is no headline)
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


@lru_cache(maxsize=1)
def tagger_lexicon():
    """The tagger's own word list: each word it knows with its usual tag (looked up once: it
    is asked for every candidate term)."""
    from .pattern import textblob_en

    return textblob_en().parser.lexicon


def verb_in_s(word: str) -> bool:
    """Whether a lowercase word in -s is a verb's present form by the tagger's word list:
    "warns", "deploys" (not listed, but "deploy" is a verb); not "supporters", "shares"."""
    known = tagger_lexicon()
    tag = known.get(word)
    if tag is not None:
        return tag == "VBZ"
    base = word[:-2] if word.endswith(("shes", "ches", "sses", "xes")) else word[:-1]
    return word.endswith("s") and (known.get(base) or "").startswith("VB")


def tag_in_context(toks: list[tuple[int, int, str]], i: int, window: int = 3) -> str:
    """The part-of-speech tag of token ``i``, tagging only the few words around it."""
    from .pattern import textblob_en

    lo = max(0, i - window)
    tagged = textblob_en().parser.find_tags([t for _, _, t in toks[lo:i + window + 1]])
    return tagged[i - lo][1] if i - lo < len(tagged) else ""


def single_word_forms(lexicon: Lexicon) -> frozenset[str]:
    """Every one-word surface form of a lexicon's entries ("said", "says", "claimed" …)."""
    return frozenset(p[0] for e in lexicon.entries for p in surface_patterns(e) if len(p) == 1)


MAX_LEXICON_BYTES = 10_000_000


def read_lexicon(path: str | Path | LexiconText, text: str | None = None,
                 categories: frozenset[str] | None = CATEGORIES) -> list[Entry]:
    """Read and validate one lexicon CSV (a file, or a ``LexiconText``); errors name the file,
    the line and the problem. ``categories``: those an entry may have (None: any lowercase
    word, as in the frame cue lists)."""
    if isinstance(path, LexiconText):
        path, text = path.name, path.text
    path = Path(path)
    name = path.name
    if text is None:
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_LEXICON_BYTES + 1)  # a device or a pipe has no size
        except FileNotFoundError:
            raise LexiconError(f"{path}: lexicon file not found") from None
        except IsADirectoryError:
            raise LexiconError(f"{path}: is a directory, not a lexicon CSV file") from None
        except OSError as error:
            raise LexiconError(f"{str(path)[:120]}: cannot read the lexicon ({error.strerror})"
                               ) from None
        if len(data) > MAX_LEXICON_BYTES:
            raise LexiconError(f"{path}: over the {MAX_LEXICON_BYTES // 1_000_000} MB limit "
                               "for a lexicon file")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise LexiconError(f"{path}: not UTF-8 text; save the lexicon as UTF-8 CSV") from None
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise LexiconError(f"{name}: line 1: the file is empty; expected a header row") from None
    except csv.Error as error:
        raise LexiconError(f"{name}: line 1: {error}") from None
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise LexiconError(
            f"{name}: line 1: missing column {', '.join(missing)}; "
            f"the header must include {', '.join(REQUIRED_COLUMNS)}"
        )
    entries = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise LexiconError(
                    f"{name}: line {line}: expected {len(header)} fields, found {len(row)}"
                )
            entries.append(_entry(dict(zip(header, (c.strip() for c in row))), name, line,
                                  categories))
    except csv.Error as error:
        raise LexiconError(f"{name}: line {reader.line_num}: {error}") from None
    return entries


def _entry(row: dict[str, str], name: str, line: int,
           categories: frozenset[str] | None = CATEGORIES) -> Entry:
    category = row["category"].strip().lower()
    term = " ".join(row["term"].split())
    if category not in NAME_CATEGORIES:  # (a name keeps its capitals, for the actors table)
        term = term.lower()
    if not term:
        raise LexiconError(f"{name}: line {line}: empty term")
    if not _split_phrase(term.lower()):  # ("(.*": punctuation alone, no word to match)
        raise LexiconError(f"{name}: line {line}: the term {printable(term)[:40]!r} has no "
                           "word in it (letters or digits), only punctuation or symbols")
    if not re.fullmatch(r"[a-z][a-z_]*", category):
        raise LexiconError(
            f"{name}: line {line}: category {row['category']!r} must be a lowercase word "
            "such as loaded or hedge"
        )
    if categories is not None and category not in categories:
        raise LexiconError(f"{name}: line {line}: unknown category {category!r}; the "
                           f"categories are {', '.join(sorted(CATEGORIES))}")
    pos = row.get("pos", "").lower()
    if pos not in POS_VALUES:
        raise LexiconError(
            f"{name}: line {line}: pos {row.get('pos')!r} is not one of "
            f"{', '.join(sorted(p for p in POS_VALUES if p))}"
        )
    inflect = row.get("inflect", "").lower()
    if inflect not in ("yes", "no", "true", "false", "1", "0", ""):
        raise LexiconError(f"{name}: line {line}: inflect must be yes or no, not {inflect!r}")
    forms = tuple(f.strip().lower() for f in row.get("forms", "").split("|") if f.strip())
    strength = row.get("strength", "").lower() or "strong"
    if strength not in ("strong", "weak"):
        raise LexiconError(
            f"{name}: line {line}: strength must be strong or weak, not {strength!r}"
        )
    complement = row.get("complement", "").lower()
    if complement not in COMPLEMENTS:
        raise LexiconError(
            f"{name}: line {line}: complement must be clause, object, speech or empty, "
            f"not {complement!r}"
        )
    context = frozenset(_norm_token(w.strip()) for w in row.get("descriptive_if", "").split("|")
                        if w.strip())
    if any(not TOKEN.fullmatch(w) for w in context):
        raise LexiconError(
            f"{name}: line {line}: descriptive_if must list single words separated by |"
        )
    objects = frozenset(_norm_token(w.strip()) for w in (row.get("thing_objects") or "").split("|")
                        if w.strip())
    if any(not (w == "#" or TOKEN.fullmatch(w)) for w in objects):
        raise LexiconError(
            f"{name}: line {line}: thing_objects must list single words (or #, any number) "
            "separated by |"
        )
    return Entry(
        term=term,
        category=category,
        explanation=row.get("explanation", ""),
        alternative=row.get("alternative", ""),
        pos=pos,
        inflect=inflect in ("yes", "true", "1"),
        forms=forms,
        complement=complement,
        strength=strength,
        source=f"{name}:{line}",
        descriptive_if=context,
        thing_objects=objects,
    )


@lru_cache(maxsize=64)
def _shipped_entries(path: Path, mtime_ns: int, size: int) -> tuple[Entry, ...]:
    """A shipped lexicon file's entries, read once while the file is unchanged."""
    return tuple(read_lexicon(path))


def load_lexicon(extra: list[str | Path | LexiconText] | tuple[str | Path | LexiconText, ...] = ()
                 ) -> Lexicon:
    """The shipped lexicons plus the user's files, which add entries or override them."""
    entries: list[Entry] = []
    for path in sorted(LEXICON_DIR.glob("*.csv")):
        stat = path.stat()
        entries.extend(_shipped_entries(path, stat.st_mtime_ns, stat.st_size))
    for source in extra:
        entries.extend(read_lexicon(source))
    return Lexicon(entries)
