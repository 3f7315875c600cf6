"""Interviews and transcripts: paragraphs (or lines) that open with the speaker's name and a colon.

"REYES: Not this year." and "Q: What happens next?" carry no quotation marks, yet every
word is someone's speech. A transcript is recognized only as a dialogue: at least two
speakers, one of them speaking at least twice, at least three turns. That keeps out a
dateline ("NEW DELHI: …"), a heading ("UPDATE: …", "THE RECORD: …") and a list of contacts
("Ann Cole: 555-…"), which name no one twice.

Each turn becomes a quotation (a ``Quote`` with role ``turn``) that spans its paragraph, label
included, with the speaker's name as the text writes it ("Tomas Reyes" for "REYES:"). An
unlabeled paragraph between two turns, ending like a sentence, continues the turn before it.
Questions and answers labeled "Q:" and "A:" are turns too, and so are answers alone ("A:" three
times or more: a page whose questions were headings); the answers are the words of the one
person the introduction names, if it names only one besides the one who asks ("Reporter Ana
Ruiz spoke with …"). Only the article's title is never a turn
(a short answer in Title Case may look like a heading).
"""

from __future__ import annotations

import re
from collections import Counter

from .names import NameRuns, Names, everyday_word, name_key, surname
from .report import Quote, Sentence
from .segment import lines

# A line's opening label: "Q:", "A.", "TOMAS REYES:", "Nadia Okafor:", "Mr. Smith:", also
# after the opening mark of a transcript quoted paragraph by paragraph ("“MARLOWE: …").
_LABEL_PATTERN = (
    r"[“\"]?(?:(?P<qa>[QA])[.:]|(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*:)"
    r"[ \t]+(?=\S)")
_LABEL = re.compile(_LABEL_PATTERN)
_LINE_LABELS = re.compile(r"^[ \t]*" + _LABEL_PATTERN, re.MULTILINE)
# Labels are looked for in this much of a text at most before it is split into lines.
_MAX_SCAN = 2_000_000
# Labels that name a part in the conversation rather than a person.
_ROLES = frozenset(
    """interviewer host moderator reporter audience question answer caller anchor
    narrator""".split())
_MIN_TURNS = 3
_MAX_SPEAKERS = 20
# A paragraph that continues a turn ends like a sentence (not a heading such as "On Syria").
_SENTENCE_END = re.compile(r"[.?!…\"”’')\]]\s*$")
_QUESTION = re.compile(r"\?[\"”’')\]]*\s*$")


def find_turns(text: str, names: Names, sentences: tuple[Sentence, ...] = ()) -> list[Quote]:
    """The turns of an interview or transcript, as quotations; [] for any other text.

    A turn is a line (a paragraph, or a line of one, as the segmenter reads them) that opens
    with a label. Of the article's ``sentences``, the headline ("Okafor: Harbour deal is
    dead") is never a turn, and the body before the first turn may name the person who
    answers "Q:" (the only person it names)."""
    skip = frozenset(s.start for s in sentences if s.kind == "headline" and s.paragraph == 0)
    if len(_LINE_LABELS.findall(text, 0, _MAX_SCAN)) < _MIN_TURNS:
        return []  # the common case, decided without splitting the text
    units = [(line.start, line.end) for line in lines(text)]
    labels = [(n, match) for n, (start, end) in enumerate(units)
              if start not in skip and (match := _LABEL.match(text, start, end)) is not None]
    if len(labels) < _MIN_TURNS:
        return []
    # Each label is read once; a transcript has a few speakers, so only the most frequent
    # labels are read (a text of thousands of different labels is no conversation).
    frequent = Counter(m.group("name") for _, m in labels if m.group("name"))
    key_of = {label: _person_key(label, text, names)
              for label, _ in frequent.most_common(_MAX_SPEAKERS)}
    keys = set(key_of.values())
    labeled: list[tuple[int, str, str]] = []  # (line number, key, label as written)
    for n, match in labels:
        if match.group("qa"):
            labeled.append((n, match.group("qa"), ""))
            continue
        label = match.group("name")
        key = key_of.get(label, "")
        if not key and " " not in label and name_key(label) in keys:
            key = name_key(label)  # "OKAFOR:" after "NADIA OKAFOR:"
        if key:
            labeled.append((n, key, label))
    qa = [t for t in labeled if t[1] in ("Q", "A")]
    named = [t for t in labeled if t[1] not in ("Q", "A")]
    answers_only = sum(k == "A" for _, k, _ in qa) >= _MIN_TURNS and all(
        k == "A" for _, k, _ in qa)  # the questions were headings, dropped from the page
    turns = qa if (_dialogue(qa) and {k for _, k, _ in qa} == {"Q", "A"}) or answers_only else []
    questions = [t for t in qa if t[1] == "Q"]
    if _dialogue(named) or (len(named) >= 2 and _dialogue(named + questions)):
        # (with the questions put to them: "Q: …" | "Det Supt Ferris: …"; one person's
        # answers to a reporter's questions are a dialogue too)
        turns = sorted(set(turns + named + questions))
    if not turns:
        return []
    speakers = _speakers(named, text, names)
    if any(key == "A" for _, key, _ in turns):
        speakers["A"] = _interviewee(text, sentences, units[turns[0][0]][0], names)
    for role in {key for _, key, _ in turns} & _HOSTS.keys():
        speakers[role] = _host(text, sentences, units[turns[0][0]][0], names, role)
    found = []
    for i, (n, key, _) in enumerate(turns):
        start, end = units[n]
        last = turns[i + 1][0] if i + 1 < len(turns) else n + 1
        for m in range(n + 1, last):
            line = text[units[m][0]:units[m][1]]
            if not _SENTENCE_END.search(line) or (key == "A" and _QUESTION.search(line)):
                break  # a heading, or the next question when only the answers are labeled
        else:
            m = last
        speaker = speakers.get(key, "")
        found.append(Quote(start, end, role="turn", speaker=speaker))
        found.extend(Quote(*units[k], role="turn", speaker=speaker)
                     for k in range(n + 1, m))
    return found


def _uncapped(word: str) -> str:
    """A word in capitals as a name is written, each part after a hyphen or an apostrophe
    capitalized too: "Marchetti-Vance" for "MARCHETTI-VANCE", "O’Neill" for "O’NEILL"."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), word)


def _dialogue(turns: list[tuple[int, str, str]]) -> bool:
    counts = Counter(key for _, key, _ in turns)
    return len(turns) >= _MIN_TURNS and len(counts) >= 2 and max(counts.values()) >= 2


def _person_key(label: str, text: str, names: Names) -> str:
    """The surname that identifies the speaker a label names, or "" when the label names no
    person: a first name we know ("Nadia Okafor"), an honorific or office ("Mr. Smith",
    "SEN. COLLINS"), a full name the article also writes outside the labels, a surname it
    writes after a first name or a title ("Tomas Reyes" for "REYES:"), or words that are
    not everyday English words ("MARLOWE:"). A part such as "HOST:" is its own key."""
    words = label.split()
    if len(words) == 1 and name_key(label) in _ROLES:
        return name_key(label)
    written = [w if not w.isupper() else _uncapped(w) for w in words]
    person = names.person_in(written)
    if not person:
        return ""
    surname = person[-1]
    titled = any(name_key(w) in names.titles for w in written[:len(written) - len(person)])
    if titled or (len(person) >= 2 and (
            person[0].lower() in names.first_names
            or re.search(rf"(?<![\w’'-]){re.escape(' '.join(person))}\b(?!\s*:)", text))):
        return name_key(surname)  # "Ann Cole:", "SEN. COLLINS:", "NADIA OKAFOR:"
    if len(person) == len(words) and all(_uncommon(w) for w in words):
        return name_key(surname)  # "MARLOWE:", "Quillfeather:"; not "UPDATE:", "Related Stories:"
    for m in re.finditer(rf"\b([A-Z][\w’'.-]*)\s+{re.escape(surname)}\b(?!\s*:)", text):
        if m.group(1).lower() in names.first_names or name_key(m.group(1)) in names.titles:
            return name_key(surname)
    return ""


# Before or after a name in an interview's introduction, what makes that person the one who
# asks: "Reporter Ana Ruiz", "The Ledger's Ana Ruiz", "He spoke to Ana Ruiz", "told Ana
# Ruiz"; "Ana Ruiz, our correspondent", "Ana Ruiz interviewed …".
_ASKER_BEFORE = re.compile(
    r"(?:\b(?:reporter|correspondent|editor|writer|columnist|host|interviewer|contributor)"
    r"|['’]s|\b(?:spoke|speaks|talked|talks|speaking|talking)\s+to|\btold|\bby)\s+$",
    re.IGNORECASE)
_ASKER_AFTER = re.compile(
    r"\s*(?:,\s*(?:a|an|the|our|his|her)\s+(?:\w+\s+)?(?:reporter|correspondent|editor|"
    r"writer|columnist|host|interviewer|contributor)\b|\s(?:interviewed|asked|sat down with)\b)",
    re.IGNORECASE)

# A capitalized word that opens a sentence right before a one-word name ("Piet Dorn, …").
_OPENING_FIRST_NAME = re.compile(r"(?:^|[.!?]\s+|\n)([A-Z][a-z]+)\s+$")


def _interviewee(text: str, sentences: tuple[Sentence, ...], first_turn: int,
                 names: Names) -> str:
    """The person who answers: the one person the body names in full before the first turn
    ("The harbour master, Ines Valdor, has run the port …"), leaving out the one who asks
    ("Reporter Ana Ruiz spoke with …", "He spoke to Ana Ruiz"); "" when it names none or
    several."""
    people: dict[str, str] = {}
    askers: set[str] = set()
    for offset, name in _intro_mentions(text, sentences, first_turn, names):
        end = offset + len(name)
        if " " not in name:
            # a full name introduces; one capitalized word may be a place ("Caldera"),
            # unless an uncommon first name opened the sentence before it ("Piet Dorn, …")
            first = _OPENING_FIRST_NAME.search(text, max(0, offset - 40), offset)
            if first is None or not _uncommon(first.group(1)):
                continue
            name = f"{first.group(1)} {name}"
        key = surname(name.split())
        if _ASKER_BEFORE.search(text, max(0, offset - 40), offset) or _ASKER_AFTER.match(
                text, end):
            askers.add(key)
        if len(name) > len(people.get(key, "")):
            people[key] = name
    answering = [name for key, name in people.items() if key not in askers]
    return answering[0] if len(answering) == 1 else ""


# Parts in a conversation the introduction may name ("… hosted by Felix Amari", "our host,
# Ana Ruiz", "moderator Ted Vale"): the label, and the words for it there
_HOSTS = {"host": r"host(?:ed)?(?:\s+by)?|presented\s+by|presenter",
          "interviewer": r"interview(?:er|ed\s+by)",
          "moderator": r"moderat(?:or|ed\s+by)",
          "anchor": r"anchor(?:ed\s+by)?"}


def _host(text: str, sentences: tuple[Sentence, ...], first_turn: int, names: Names,
          role: str) -> str:
    """The one person the body before the first turn names in the part a label gives ("HOST:"
    after "… the podcast from Harbourline Audio hosted by Felix Amari" is Felix Amari; "our
    host, Ana Ruiz,"); "" when it names none or several."""
    before = re.compile(rf"(?i)\b(?:co-?)?(?:{_HOSTS[role]}),?\s+$")
    after = re.compile(rf"(?i),\s+(?:the|our|its|their|his|her)\s+(?:\w+\s+)?{role}s?\b")
    found = set()
    for offset, name in _intro_mentions(text, sentences, first_turn, names):
        if " " in name and (before.search(text, max(0, offset - 30), offset)
                            or after.match(text, offset + len(name))):
            found.add(name)
    return found.pop() if len(found) == 1 else ""


def _intro_mentions(text: str, sentences: tuple[Sentence, ...], first_turn: int,
                    names: Names) -> list[tuple[int, str]]:
    """The people the body before the first turn names: (offset, name as written)."""
    intro = tuple(s for s in sentences if s.kind == "body" and s.end <= first_turn)
    return [(offset, name) for offset, name, _ in names.person_mentions(
        text, intro, lambda offset: False, NameRuns(names, text, intro))]


def _uncommon(word: str) -> bool:
    """A word that is not an everyday English word ("Marlowe", "Quillfeather"; not "Update",
    "Facts", "Rice"), from the part-of-speech lexicon; not a short acronym ("CNN")."""
    if word.isupper() and len(word) <= 3:
        return False
    return not everyday_word(word)


def _speakers(named: list[tuple[int, str, str]], text: str, names: Names) -> dict[str, str]:
    """Each key's speaker as the text writes the name: the longest label that names them, in
    the article's own capitals where the article writes it so ("Tomas Reyes" for "TOMAS
    REYES"), with a first name from the text when every label gives only the surname."""
    longest: dict[str, str] = {}
    for _, key, label in named:
        if len(label) > len(longest.get(key, "")):
            longest[key] = label
    speakers = {}
    for key, label in longest.items():
        if key in _ROLES:
            continue
        as_written = (m.group() for m in re.finditer(
            rf"(?<![\w’'-]){re.escape(label)}(?![\w’'-])", text, re.IGNORECASE))
        name = next((w for w in as_written if not w.isupper()), label)
        if name.isupper():
            name = " ".join(_uncapped(w) for w in name.split())
        name = " ".join(names.person_in(name.split()) or name.split())  # ("Det Supt Ferris")
        if len(name.split()) == 1:  # "REYES:" all along; the story names "Tomas Reyes"
            fuller = next((m.group() for m in re.finditer(
                rf"\b([A-Z][a-z]+)\s+{re.escape(name)}\b", text)
                if m.group(1).lower() in names.first_names), "")
            name = fuller or name
        speakers[key] = name
    return speakers
