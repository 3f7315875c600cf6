"""Names without a downloaded model: capitalized runs, titles, and a small gazetteer.

``framing/data/gazetteer.csv`` lists countries, cities, regions, organizations and state
institutions (with aliases and demonyms); ``framing/data/titles.csv`` lists the offices and
honorifics that come before a name ("Secretary of State", "Gen."). A capitalized run that is
neither a place, an organization nor a title, after its titles are stripped, is taken to be a
person: "U.S. Secretary of State Anthony Blinken" → "Anthony Blinken".
"""

from __future__ import annotations

import copy
import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"

# A name token: an initialism (U.S., D.C.), a word, or a number.
NAME_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_][\w’'\-]*|\d[\d,.]*")
_CONNECTORS = frozenset("of de del da di du van von bin al la le".split())
INITIAL = re.compile(r"[A-Z]\.?")  # a middle initial: "Paul R. LePage" (not "U.K")
_AFTER_INITIAL = re.compile(r"\.\s+")
# abbreviations that a name goes on after: "St. Anne's Hospital", "Mt. Hood", "Ft. Worth"
# (and the titles written short: Names.abbreviated_titles)
ABBREVIATED = frozenset({"St", "Mt", "Ft"})
# first names that are also words a sentence may open with before a name ("Will Congress
# act?"); any other common first name opening a sentence before a capitalized word is a name
_WORDLIKE_FIRST_NAMES = frozenset(
    """will mark grant bill frank guy rob sue max joy grace don ray rose penny lance marine
    jack chuck amber hazel heather daisy violet hope faith june april summer pat terry robin
    drew hunter angel""".split())
_NEXT_CAPITALIZED = re.compile(r"[ \t]+[A-Z]")
# one capitalized word after another and no more: "(Rose) Kell is", "(Ray) Doucet,"
_SURNAME_ALONE = re.compile(r"[ \t]+([A-Z][\w'’-]+)(?![\w'’-]|[ \t]+[A-Z])")
# what may stand between the words of one name the gazetteer knows: "Alternative for Germany",
# "Bureau of Alcohol, Tobacco, Firearms and Explosives", "Deferred Action for Childhood
# Arrivals", and "the" after a small word that ends a run: "Friends of the Earth"
_SMALL_NAME_WORDS = r"(?:for the|for|and|on|of the|of|to|in|the)"
_NAME_GAP = re.compile(rf",?[ \t]+(?:{_SMALL_NAME_WORDS}[ \t]+)?")
_GAP_WORD = re.compile(r"[a-z]+")
# the next word of a name a sentence's first word may open ("New Orleans", "Alternative for
# Germany")
_NEXT_NAME_PART = re.compile(_NAME_GAP.pattern + r"[A-Z][\w'’-]*")
# Words that open a storm's name: "Hurricane Irma", "Typhoon Haiyan", "Tropical Storm Ana".
STORM_WORDS = frozenset("hurricane typhoon cyclone storm tropical".split())


def storm_of(word: str) -> str:
    """The storm word a plural is of ("hurricane" for "Hurricanes", as in "Hurricanes Kelda
    and Orwin"); "" for any other word."""
    word = word.lower()
    return word[:-1] if word.endswith("s") and word[:-1] in STORM_WORDS else ""


_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w'’-]*)")
_CUT_ABBREVIATION = re.compile(r"(?<![\w.])(?:[A-Z]\.)+[A-Z]$")
_GENERATIONS = frozenset("jr sr ii iii iv".split())
# Letters after a name that are no part of it, as written: "Gideon Farrant KC", "Ada Rusk OBE"
_POST_NOMINALS = frozenset("KC QC SC OBE MBE CBE KBE DBE PhD".split())
_STOP_CAPITALS = frozenset(
    """the a an this that these those it its he she they we i you his her their our my your in
    on at for from by with after before during amid while when as but and or so yet if
    meanwhile however still also then now today yesterday tomorrow despite although though
    since because speaking according adding asked under over about into than both several
    many some all any each every most more few no not only just even already there here what
    which who why how where whether mr mrs ms dr i'm i've i'd i'll i’m i’ve i’d i’ll
    ah oh ooh uh um well yes yeah hey wow alas okay ok indeed""".split()
)
# pronouns and verbs that end a name's run of capitals in title-case text ("Clinton Was
# President", "Color Me Badd"); not "will" nor "may" (first names, and George Will). In
# capitals, "US", "IS" and "ME" are the United States, Islamic State and Maine.
_VERB_CAPITALS = frozenset(
    """me us him them is are was were be been has have had do does did can could would should
    must shall might""".split()
)
_CAPS_ABBREVIATIONS = frozenset({"us", "is", "me"})
DAYS_MONTHS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december""".split()
)
_NOT_A_NAME = _STOP_CAPITALS | DAYS_MONTHS | {  # words that open no name ("on Mondays")
    day + "s" for day in "monday tuesday wednesday thursday friday saturday sunday".split()}
# The last word of a body's name: "the Finance Ministry", "Harrow Council", "Acme Corp"
BODY_WORDS = frozenset(
    """ministry department agency party council union bank corp corporation inc ltd company
    committee service office pentagon house kremlin congress senate parliament police army
    navy force forces court commission authority association institute university school
    hospital group alliance federation league board administration government cabinet
    embassy foundation center centre network trust fund coalition campaign society club
    church museum gallery galleries library clinic college academy local services affairs
    resources sciences studies industries holdings systems partners associates communications
    media airlines motors labs laboratories directorate bureau division caucus relations act
    control prevention budget guild pac securities capital therapeutics investments choir
    orchestra chorus ensemble observatory primary constabulary forum""".split()
)
# The last word of an outlet's name: "the Dunmore Herald", "Channel 4 News"
OUTLET_WORDS = frozenset(
    """times post news journal press agency reuters tribune herald gazette chronicle sentinel
    examiner enquirer inquirer courier dispatch telegraph observer register bulletin monitor
    mail magazine radio television ledger echo advertiser argus recorder clarion courant
    intelligencer""".split()
)
# The last word of a named place or thing built, not a body: "Harbour Street", "Lake Orm"
PLACE_NAME_WORDS = frozenset(
    """street avenue road city county state province region district square bridge line
    station airport port river sea ocean lake mountains valley island st mt ft""".split()
)
ORG_WORDS = BODY_WORDS | OUTLET_WORDS | PLACE_NAME_WORDS

# the last words of a football club's name: "Valemouth Rovers", "Dunmore United" (not "Town":
# as often a place's)
CLUB_WORDS = frozenset("rovers united wanderers rangers athletic albion hotspur fc afc".split())
# the nouns that name a business by its trade: "the company", "the carmaker", "the lender"
BUSINESS_TRADES = frozenset("""company firm lender carmaker automaker maker retailer airline insurer
    chain startup manufacturer developer utility giant publisher conglomerate supplier chipmaker
    drugmaker brewer miner operator builder business""".split())
# the last word of a business's name, never a name alone: "Pellworth Homes", "Brantor Energy"
COMPANY_WORDS = frozenset(
    """homes builders developers properties construction enterprises technologies solutions
    pharmaceuticals brands foods energy insurance ventures logistics airways petroleum mining
    electric entertainment studios publishing hotels restaurants stores savings hardware diner
    bakery securities capital therapeutics investments developments insights newsagents
    trains mobile telecom wireless records research minerals metals chemicals utilities
    environmental aggregates recycling haulage freight solvents plastics fabrics textiles
    coatings polymers paints fuels beverages packaging materials components instruments
    dairies fisheries data analytics audio software consulting robotics aerospace biotech
    diagnostics tv fm broadcasting""".split()
)


@dataclass(frozen=True)
class Place:
    """A gazetteer row: a country, city, region, organization or institution."""

    name: str
    type: str
    country: str = ""


def usual_tag(word: str) -> str | None:
    """The tagger's usual tag for a word, None when its word list lacks the word."""
    from .lexicon import tagger_lexicon  # (lexicon imports this module)

    return tagger_lexicon().get(word.lower())


def everyday_word(word: str) -> bool:
    """A word of the tagger's English word list ("Opening", "California"; not "Cameron")."""
    return usual_tag(word) is not None


def plural_form(word: str) -> bool:
    """Whether a word has a plural's ending: "officials", "Seahawks" (not "Ross", "census",
    "analysis")."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def past_participle(word: str) -> bool:
    """A past form the tagger knows as a verb only ("Chastened", "Stung", "Pressed")."""
    return usual_tag(word) in ("VBN", "VBD")


class Names:
    """Recognizes names, places and titles; loaded once per Analyzer."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self.places: dict[str, Place] = {}
        # a lexicon's people, by each way of writing them: "aoc" → "Alexandria Ocasio-Cortez"
        self.people: dict[str, str] = {}
        # the gazetteer's acronyms ("WHO", "US", "ICE"): one that is an English word too names
        # a place only when written in capitals ("Who pays?", "Let Us Pray", "Ice Storm")
        self._acronyms: set[str] = set()
        self.demonyms: dict[str, str] = {}
        self._towns_of_last: tuple[str, frozenset[str]] | None = None
        self._written_of_last: tuple[str, frozenset[str], frozenset[str]] | None = None
        self.titles: set[str] = set()
        # titles only a person bears before a name (no "King's Cross", "St. Paul", "Queen
        # Victoria Park"): "Councilwoman Jo Park" is a person though "Park" names places
        self.personal_titles: set[str] = set()
        # titles written short with a period, which a name goes on after: "Sen. Warren"
        self.abbreviated_titles: set[str] = set()
        # titles that open a name at a sentence's start: a person's, a king's or a bishop's
        # (places are named after them too: "Queen Anne County"), not a word such as "former"
        self._opening_titles: set[str] = set()
        gazetteer = data_dir / "gazetteer.csv"
        if gazetteer.exists():
            with gazetteer.open(newline="", encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    place = Place(row["name"], row["type"], row.get("country", "") or "")
                    for alias in [row["name"], *(row.get("aliases") or "").split("|")]:
                        if alias.strip():
                            self.places.setdefault(name_key(alias), place)
                        if alias.isupper() and alias.isalpha():
                            self._acronyms.add(name_key(alias))
                    for demonym in (row.get("demonym") or "").split("|"):
                        if demonym.strip():
                            self.demonyms[name_key(demonym)] = place.country or place.name
        titles = data_dir / "titles.csv"
        if titles.exists():
            with titles.open(newline="", encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    self.titles.add(name_key(row["title"]))
                    if row.get("kind") in ("office", "honorific", "military"):
                        self.personal_titles.add(name_key(row["title"]))
                    if row.get("kind") != "descriptor":  # (not "former", "top")
                        self._opening_titles.add(name_key(row["title"]))
                    if re.fullmatch(r"[A-Z][a-z]+\.", row["title"]):
                        self.abbreviated_titles.add(row["title"][:-1])  # "Gov", "Sen", "Dr"
        self._max_title_words = max((len(t.split()) for t in self.titles), default=1)
        # what a name goes on after, its period and space aside: "St. Anne's", "Sen. Warren"
        self._name_goes_on = ABBREVIATED | self.abbreviated_titles
        # what is left of a title of several words when its first word opened the sentence
        # (and so was not taken for part of a name): "state" of "secretary of state"
        self._title_ends = {" ".join(words[k:]) for t in self.titles
                            for words in [t.split()] for k in range(1, len(words))
                            if words[k] not in _CONNECTORS}
        # Common first names that are (almost) always a man's or a woman's, for "he" and "she"
        self.genders: dict[str, str] = {}
        first_names = data_dir / "first_names.csv"
        if first_names.exists():
            with first_names.open(newline="", encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    self.genders[row["name"].lower()] = row["gender"]
        # ... and every first name we know, with those given to both ("Alex", "Terry", "Jo"),
        # which tell a person but not "he" from "she"
        both = data_dir / "first_names_both.csv"
        given = set(self.genders)
        if both.exists():
            with both.open(newline="", encoding="utf-8") as fh:
                given.update(row["name"].lower() for row in csv.DictReader(fh))
        self.first_names: frozenset[str] = frozenset(given)

    def with_names(self, names: list[tuple[str, str, tuple[str, ...]]]) -> Names:
        """These names with a user's added (a lexicon's place, organization and person
        entries): each ``(name, kind, other spellings)`` is read as the gazetteer's rows are,
        and replaces a row of the same name ("Marlowe" a town, not a person); a person's
        spellings each name that person ("AOC"), and no place. Shares all the rest."""
        if not names:
            return self
        other = copy.copy(self)
        other.places = dict(self.places)
        other.people = dict(self.people)
        other._towns_of_last = other._written_of_last = None
        for name, kind, aliases in names:
            place = Place(name, kind)
            for alias in (name, *aliases):  # (looked up without "the": see ``place``)
                key = name_key(alias).removeprefix("the ")
                if kind == "person":
                    other.people[key] = name  # ("The Donald": "Donald", as runs read it)
                    other.places.pop(key, None)
                else:
                    other.places[key] = place
                    other.people.pop(key, None)
        return other

    def person_named(self, words: list[str]) -> str:
        """The full name of the lexicon's person these words write, titles aside ("Rep. AOC",
        "AOC's"), or ""."""
        words = [trim_possessive(w) for w in words]
        for run in (words, self.strip_titles(words)):
            name = self.people.get(name_key(" ".join(run)).removeprefix("the "))
            if name:
                return name
        return ""

    # -- classification of a run of capitalized tokens

    def place(self, name: str) -> Place | None:
        key = name_key(name)
        if key.startswith("the "):
            key = key[4:]
        if key in self._acronyms and not name.isupper() and everyday_word(key):
            return None
        return self.places.get(key)

    def is_title_word(self, token: str) -> bool:
        key = name_key(token)
        return key in self.titles or key in self.demonyms or self.place(token) is not None

    def strip_titles(self, run: list[str]) -> list[str]:
        """Drop the offices, honorifics and demonyms in front of a personal name.

        A place is dropped only when a title or demonym follows it ("Texas Gov. Greg Abbott",
        "Belarus President Alexander Lukashenko"), so "Paris Hilton" keeps its first name.
        """
        i = 0
        while i < len(run) - 1:
            for width in range(min(self._max_title_words, len(run) - 1 - i), 0, -1):
                phrase = name_key(" ".join(run[i:i + width]))
                if phrase in self.titles or phrase in self.demonyms:
                    i += width
                    break
                if phrase in self.places and self._title_at(run, i + width):
                    i += width
                    break
            else:
                if run[i].lower() == "the" or run[i].lower() in _CONNECTORS and not (
                        run[i][:1].isupper() and run[i].lower() in self.first_names):
                    # ("Mayor of London …", "La Vell" for Ana La Vell; not a first
                    # name: "Al Kent")
                    i += 1
                    continue
                break
        return run[i:]

    def personal_title_before(self, run: list[str], i: int) -> bool:
        """Whether ``run[:i]`` ends with a title only a person bears ("Councilwoman", "Dr.",
        "Gen."; not "Queen" or "Saint", which name places too)."""
        return any(name_key(" ".join(run[i - width:i])) in self.personal_titles
                   for width in range(1, min(self._max_title_words, i) + 1))

    def _title_at(self, run: list[str], i: int) -> bool:
        for width in range(min(self._max_title_words, len(run) - i), 0, -1):
            phrase = name_key(" ".join(run[i:i + width]))
            if phrase in self.titles or phrase in self.demonyms:
                return True
        return False

    def is_person(self, run: list[str]) -> bool:
        if not run:
            return False
        joined = " ".join(run)
        key = name_key(joined)
        if self.place(joined) or key in self.titles or key in self.demonyms:
            return False
        if has_org_word(run):
            return False
        if len(run) >= 2 and (run[-1].lower() in _BUILDINGS or run[-1].lower() in (
                _PLACE_ONLY_ENDS)):
            return False  # "Trump Tower", "Lenox Hospital", "Ashworth Town": a place
        if len(run) >= 2 and run[-1].lower() in COMPANY_WORDS:
            return False  # "Pellworth Homes": a business
        if len(run) == 1 and run[0].lower() in _GROUPS:
            return False  # "Northerners", "Democrats": a group
        last = run[-1].rsplit("-", 1)[-1]
        if len(run) == 1 and last != run[0] and (
                name_key(last) in self.demonyms or last.lower() in _GROUPS or last.islower()):
            return False  # "African-Americans", "Greek-Cypriots": a people; "European-based"
        if all(t.lower() in _NOT_A_NAME for t in run):
            return False
        if len(run) >= 2 and any(c.isdigit() for c in run[-1]):
            return False  # a model's or a product's name: "Tern X3", "Galaxy S24"
        if len(run) == 1 and (run[0].isupper() and len(run[0]) > 1 or "." in run[0]
                              or re.fullmatch(r"[A-Z]{2,}s", run[0])):
            return False  # an acronym (NATO, NGOs) or initialism (U.S.): not a person
        return run[0][0].isupper() and all(_capitalized(t) or t.lower() in _CONNECTORS
                                           for t in run)

    def words_not_a_person(self, run: list[str], stripped: list[str]) -> bool:
        """Whether ``stripped`` (``run`` without the titles before it), of two words or more,
        names a thing rather than a person: a storm; a weekday before an everyday word (a
        show, a paper); or no person's title before it, an English word
        where a first name would stand and a common noun at the end (a numeral after it
        aside): a law, an event, a street, a business ("First Amendment", "Election Day",
        "Quarry Lane", "Copper Kettle", "[Republican] National Convention", "Judicial Watch",
        "World War II"), not a person, whose surname may be a noun too ("Tim Cook", "Mayor
        Ann Rice", "Doreen Wells")."""
        if len(stripped) < 2:
            return False
        if stripped[0].lower() in STORM_WORDS:
            return True  # a storm: "Hurricane Irma", "Tropical Storm Ana"
        if stripped[-1].lower() in _THING_ENDS:
            return True  # an event, an award, a township: "Penhallow Prize", "Orrin Township"
        words = stripped[:-1] if len(stripped) > 2 and is_generation(stripped[-1]) else stripped
        if words[0].lower() in WEEKDAYS and everyday_word(words[1].lower()) \
                and words[1].lower() not in self.first_names:
            return True  # a show, a paper: "Saturday Night Live", "Sunday Times"
        opening, closing = usual_tag(words[0]), usual_tag(words[-1])
        return (not self.personal_title_before(run, len(run) - len(stripped))
                and words[0].lower() not in self.first_names and opening is not None
                and (closing in ("NN", "NNS") or closing == "VB" and opening in (
                    "JJ", "NN", "NNS") and not words[-1].isupper()))

    def person_in(self, run: list[str]) -> list[str]:
        """The person a capitalized run names, titles stripped, or [] if none: "U.S.
        Secretary of State Anthony Blinken", "Valemouth Mayor Ruth Ambler" and "Interim
        Transit Police Chief Ed Alvarado" (after the last title), "Britain Carlos Ibarra"
        (after a country: "Peru's envoy to Britain Carlos Ibarra")."""
        for i in range(len(run) - 3, -1, -1):
            key = name_key(run[i])
            place = self.places.get(key)
            after_title = i > 0 and (key in self.titles or (
                key.endswith("s") and key[:-1] in self.titles))  # "Minority Leaders"
            after_country = (place is not None and place.type == "country"
                             and key not in _FIRST_NAME_COUNTRIES)
            rest = run[i + 1:]
            if after_title:  # past the whole title of several words: "Vellmark Chief
                # Executive Ilse Brandt" is Ilse Brandt (not "Executive Ilse Brandt")
                stripped = self.strip_titles(run[i:])
                rest = stripped if 0 < len(stripped) < len(rest) else rest
            if (after_title or after_country) and self.is_person(rest):
                return rest
        stripped = self.strip_titles(run)
        if stripped and self.is_person(stripped):
            return stripped
        return self.after_title_end(run)

    def person_after_words(self, run: list[str]) -> list[str]:
        """The person at the end of a run that opens with other words, from a common first
        name on ("Shooter Stephen C Dorne", "Orthodox Jew Miriam Kessel"), or [] when the
        run opens with a first name or an initial or holds no such person."""
        if len(run) < 3 or run[0].lower() in self.first_names or INITIAL.fullmatch(run[0]) or (
                run[0].lower() in _PLACE_OPENERS or run[-1].lower() in _STREET_WORDS):
            return []  # ("Fort Leonard Wood", "West Jonathan Drive": places)
        for i in range(1, len(run) - 1):
            word = run[i].lower()
            if word in self.first_names and word not in _WORDLIKE_FIRST_NAMES:
                # after an English word, an acronym or a place ("Vicky Jo Carrow", "Mariah
                # Carey" are whole names), a name of three words at most ("Stephen C
                # Dorne"; not "Helen Vasquez Legacy Award")
                before = run[i - 1]
                known = everyday_word(before.lower()) or before.isupper() or (
                    self.place(before) is not None)
                return run[i:] if known and len(run) - i <= 3 and self.is_person(
                    run[i:]) else []
        return []

    def after_title_end(self, run: list[str]) -> list[str]:
        """The person after the end of a title whose first word opened the sentence (and so
        was left out of the run): "[Secretary of] State Dana M. Whitfield" → Dana M. Whitfield; []
        when the run does not start so."""
        for i in range(1, len(run) - 1):
            if name_key(" ".join(run[:i])) in self._title_ends:
                rest = self.strip_titles(run[i:])  # "[Florida] State Attorney Dave Aronberg"
                if rest and self.is_person(rest):
                    return rest
        return []

    def speaker_name(self, phrase: str) -> str:
        """The speaker named by a subject phrase, titles stripped; a common noun phrase as is.

        "U.S. Secretary of State Anthony Blinken" → "Anthony Blinken"; "The Pentagon" → "the
        Pentagon"; "Belarus government officials" stays as it is.
        """
        if _CUT_ABBREVIATION.search(phrase):
            phrase += "."  # "the U.K" cut before its last point, as words are read: "U.K."
        phrase = _AGE.sub("", phrase)  # "Retired engineer Geoffrey Hale, 76,"
        phrase = _POST_NOMINAL_END.sub("", phrase)  # "Gideon Farrant KC", "Ada Rusk OBE,"
        phrase = _CITATION.sub("", phrase)  # "the Washington Post [15]"
        if "(" in phrase and ")" not in phrase[phrase.index("("):]:
            phrase = phrase[:phrase.index("(")]  # "the father (pictured"
        phrase = _LAST_PARENTHESES.sub("", phrase)  # "Sen. Tim Scott (R-S.C.)", "… (CDC)"
        phrase = _PARTY_STATE.sub("", phrase)  # "Sen. Dale Brooks, R-Texas,"
        phrase = _LOOSE_ADVERBS.sub("", phrase)  # "now his lawyers", "authorities almost"
        contracted = _CONTRACTED_PRONOUN.fullmatch(phrase.strip())
        if contracted:
            return contracted.group(1)  # "he’d", "they’ll": the pronoun
        relative = _PRONOUN_INSIDE.match(phrase)
        if relative:
            phrase = relative.group(1)  # "Parents I spoke to in Dunmore": the parents
        toks = _name_tokens(phrase)
        if not toks:
            return ""
        pair = re.split(r"\s+and\s+", phrase.strip(" ,;:"))
        if len(pair) == 2 and all(pair):  # "The United States and Britain" names both
            named = [self.speaker_name(side) for side in pair]
            if all(n[:1].isupper() or n.startswith("the ") for n in named):
                return " and ".join(named)
        if len(toks) == 1 and toks[0].lower() in ("he", "she", "they", "it", "we", "i"):
            return toks[0]
        first = 0  # (past words that describe the person: "19-year-old Mele Tauaika from
        while first < len(toks) and not _capitalized(toks[first]) and (  # Tonga", "student …")
                toks[first].lower() not in _AFFILIATIONS and toks[first].lower() != "the"):
            first += 1
        lead = first
        while lead < len(toks) and _capitalized(toks[lead]):
            lead += 1
        if lead - first >= 2 and lead < len(toks) - 1 and toks[lead] in _AFFILIATIONS:
            # "Dana Reyes of the Courier", "Cameron Easley for Morning Consult": the person
            person = self.strip_titles(toks[first:lead])
            if len(person) >= 2 and self.is_person(person) and (
                    person[0].lower() in self.first_names or not (
                        everyday_word(person[0]) or self.place(person[0]))):
                return " ".join(person)  # (a first name, not a word: not "Opening Clause")
        j = len(toks)
        while j > 0 and (_capitalized(toks[j - 1]) or (
            (toks[j - 1].lower() in _CONNECTORS or toks[j - 1] == "&") and 1 < j < len(toks)
        ) or (toks[j - 1] == "for" and 1 < j < len(toks) and _capitalized(toks[j - 2]) and (
            toks[j - 2].lower() in ORG_WORDS or toks[j - 2].lower() in PLURAL_PEOPLE)  # ("Council
        ) or (toks[j - 1] == "the" and j >= 3 and toks[j - 2] == "of"  # for X", "Friends of the
              and _capitalized(toks[j - 3]) and j < len(toks)  # Earth": one name (not
              and not _people_of(toks[j - 3]))):  # "Officials of the Harbor Union")
            j -= 1
        for k in range(max(0, j - 6), j - 1):
            # a gazetteer's name with a small word inside: "Alternative for Germany"
            if _capitalized(toks[k]) and self.place(" ".join(toks[k:])) is not None:
                j = k
                break
        run = toks[j:]
        at = j - 2 if j >= 2 and toks[j - 1].lower() == "the" else j - 1
        if at >= 1 and toks[at].lower() in ("in", "at", "on") and len(toks) <= 8 and (
                any(t.islower() for t in toks[:at]) or toks[at - 1].lower() in PLURAL_PEOPLE
                or toks[at - 1].lower() in _SOME_PEOPLE
                or (at == 1 and usual_tag(toks[0].lower()) == "NNS")) and not any(
                t.lower() in DAYS_MONTHS for t in toks[j:]):
            # "Water inspectors in Valemouth", "Neighbours on Ashwater Close", "Diplomats in
            # Manila": the place says where they are
            return _as_written(phrase, toks)
        if at >= 1 and toks[at].lower() == "from" and len(toks) <= 8 and any(
                t.lower() in PRIVATE_PEOPLE for t in toks[:at]):
            return _as_written(phrase, toks)  # "One outraged mum from Northgate": the mum
        has_the = j > 0 and toks[j - 1].lower() == "the"
        while run and (run[0].lower() in _CONNECTORS or run[0].lower() == "the"):
            has_the = has_the or run[0].lower() == "the"
            run = run[1:]
        lowered = [t.lower() for t in run]
        if "of" in lowered:
            head = self.strip_titles(run[:lowered.index("of")])
            if len(head) >= 2 and self.is_person(head):
                return " ".join(head)  # "Headteacher Simon Achebe of Marlowe Primary"
            tail = run[len(lowered) - lowered[::-1].index("of"):]
            for i in range(1, len(tail) - 1):  # "Secretary-General of NATO Jens Stoltenberg"
                person = self.strip_titles(tail[i:])
                if (self.place(" ".join(tail[:i])) or tail[i - 1].lower() in ORG_WORDS) and len(
                        person) >= 2 and self.is_person(person):
                    return " ".join(person)  # (also "Secretary of the Navy Ann Cole")
        if run and not all(t.lower() in _STOP_CAPITALS for t in run):
            person = self.person_in(run)
            if person and j >= 2 and toks[j - 1].lower() == "for" and len(toks) <= 8 and (
                    toks[j - 2].lower() in REPRESENTATIVES):
                # "An attorney for Mills": the attorney speaks, not Mills
                return _as_written(phrase, toks)
            if person and len(toks) - len(run) >= 2 and toks[0].lower() in (
                    "a", "an", "another") and toks[len(toks) - len(run) - 1].lower() in (
                    RELATED_TO) and len(toks) <= 10:
                # "a neighbour of Mr Hale", "an aide to Senator Ann Cole", "an opposition MP
                # from the benches behind Ms Quill": someone unnamed beside the one named
                return _as_written(phrase, toks)
            if person:
                return " ".join(person)
            if j == 0 or has_the or self.place(" ".join(run)):
                return ("the " if has_the else "") + " ".join(run)
        return _as_written(phrase, toks) if len(toks) <= 8 else ""

    def leading_name(self, chunk: str, whole_chunk_is_heading: bool = True) -> str:
        """A name opening a clause ("Russia not only denied …" → "Russia"), else ''."""
        chunk = _PARENTHESES.sub(" ", chunk)  # "State Senator Rosa D'Amico (D-Salem)"
        toks = _name_tokens(chunk)
        run = []
        for t in toks:
            if _capitalized(t) or (run and t.lower() in _CONNECTORS):
                run.append(t)
            else:
                break
        while run and (run[-1].lower() in _CONNECTORS or len(run) > 1 and (
                PARTY_STATE_TOKEN.fullmatch(run[-1]))):  # ("Dale Brooks, R-Texas,")
            run.pop()
        if not run:
            return ""
        if len(run) == len(toks) and whole_chunk_is_heading:
            return ""  # the whole chunk is capitalized: a heading, not a subject
        if len(run) == 1 and len(toks) > 1 and past_participle(run[0]):
            return ""  # "Chastened by the analyses, …": a participle opens the clause
        # "Dr. Miriam Osei" → Miriam Osei, "State Senator Barbara L'Italien" → Barbara L'Italien
        stripped = self.person_in(run) or self.strip_titles(run)
        if not stripped or stripped[0].lower() in _NOT_A_NAME:
            return ""
        return " ".join(stripped)

    def midsentence_capitals(self, text: str, sentences) -> set[str]:
        """Words written with a capital somewhere other than a sentence's first word."""
        seen = set()
        for s in sentences:
            for i, m in enumerate(NAME_TOKEN.finditer(text, s.start, s.end)):
                if i and _capitalized(m.group()) and not _quoted_word(text, m, s.end) \
                        and not _opens_inside(text, m, s.start):
                    seen.add(m.group().lower())
        return seen

    def runs(self, text: str, start: int, end: int, capitalized: set[str]):
        """Capitalized runs in ``text[start:end]`` as (offset, tokens)."""
        out = []
        run: list[tuple[int, str]] = []
        first = True
        for m in NAME_TOKEN.finditer(text, start, end):
            t = m.group()
            gap = text[run[-1][0] + len(run[-1][1]):m.start()] if run else ""
            # a sentence's first word is a name when it is capitalized elsewhere too, is a
            # place we know ("Germany said …") or a lexicon's person ("AOC said …") or a first
            # name before a capitalized word (so is a quotation's first word: "“Maybe the plan
            # will work,” he said", and a sentence's inside one: "“We waited long enough.
            # Nobody trusts the plan,” she said")
            cap = _capitalized(t) and not (
                t.lower() not in capitalized and (
                    (first and not _CAPS_DATELINE.match(text, m.start(), end))
                    or _quoted_word(text, m, end) or _opens_inside(text, m, start))
                and self.place(t) is None and not self._first_name_opens(text, m, end)
                and not (self.people and name_key(trim_possessive(t)) in self.people))
            if run and gap == " & " and cap and not _stops_a_name(t) and self._firm_joined(
                    [w for _, w in run], t):
                # a firm's name: "Cascadia Power & Light", "Brennock & Shaw" (the "&" a word
                # of the run, so no person's)
                run.append((m.start() - 2, "&"))
            elif run and gap.strip() and not (
                    _AFTER_INITIAL.fullmatch(gap) and cap
                    and (INITIAL.fullmatch(run[-1][1]) or run[-1][1] in self._name_goes_on)):
                out.append(run)  # punctuation ends a name, save the point after an initial
                run = []         # within it ("Paul R. LePage")
            if len(run) >= 2 and t in _POST_NOMINALS and gap.strip(" ,") == "":
                out.append(run)  # "Gideon Farrant KC": the name ends before the letters
                run = []
                first = False
                continue
            initial = run and len(t) == 1 and _POINT_THEN_NAME.match(text, m.end())
            if cap and (not _stops_a_name(t) or initial
                        or self.acronym_in_caps(text, m.start(), m.end())) or (
                    run and t.lower() in _CONNECTORS):  # ("John A. Boehner": A, an initial)
                run.append((m.start(), t))
            elif run:
                out.append(run)
                run = []
            first = False
        if run:
            out.append(run)
        if len(out) > 1:
            out = self._bodies_joined(text, self._known_names_joined(text, out))
            if " for " in text[start:end]:  # (most sentences: no more work)
                out = self._bodies_for(text, out)
        result = []
        for r in out:
            while r and r[-1][1].lower() in _CONNECTORS:
                r = r[:-1]
            if r:
                # an initial keeps its point, as written: "Paul R. LePage", not "Paul R LePage"
                result.append((r[0][0], [
                    t + "." if _keeps_point(t, text, offset + len(t), i == len(r) - 1) else t
                    for i, (offset, t) in enumerate(r)]))
        return result

    def _bodies_for(self, text: str, runs: list) -> list:
        """Runs joined across "for" where a body's word or people's plural opens the name:
        "Council for Refugee Protection", "Federal Office for Migration and Refugees", "Kelbrook
        Parents for Fair Schools" (not "Senator for Kelbrook", "votes for Dana Reyes")."""
        joined = [runs[0]]
        for run in runs[1:]:
            before = joined[-1]
            end = before[-1][0] + len(before[-1][1])
            gap = text[end:run[0][0]]
            last = before[-1][1].lower()
            if gap == " and " and any(w == "for" for _, w in before) and len(run) <= 2:
                joined[-1] = before + [(end + 1, "and")] + run  # "… for Migration and Refugees"
            elif gap == " for " and (last in ORG_WORDS or last in PLURAL_PEOPLE) and not (
                    self.is_person([w for _, w in run])
                    and run[0][1].lower() in self.first_names) and self.place(
                        " ".join(w for _, w in run)) is None:
                joined[-1] = before + [(end + 1, "for")] + run
            else:
                joined.append(run)
        return joined

    def _firm_joined(self, before: list[str], after: str) -> bool:
        """Whether a run and the word after its "&" are one firm's name ("Cascadia Power &
        Light", "Brennock & Shaw"), not two people, places or titles ("Becky & Leo", "Mexico
        & Canada", "President Xi & China")."""
        return not any(self.place(w) is not None or w.lower() in self.first_names
                       or self.is_title_word(w) for w in (before[0], before[-1], after))

    def _bodies_joined(self, text: str, runs: list) -> list:
        """Runs joined across "and" where they name one body: "Kelbrook Teachers and Nurses
        Union", "Oversight and Government Reform Committee" (the second ends with a body's
        word; the first is no body, person or place of its own: not "Dana Reyes and Harbor
        Union", "the City Council and Harbor Union")."""
        joined = [runs[0]]
        for run in runs[1:]:
            before = joined[-1]
            end = before[-1][0] + len(before[-1][1])
            if text[end:run[0][0]] != " and ":  # (most runs: no more work)
                joined.append(run)
                continue
            # the body's word: the run's last, or one in lower case after it ("the United Food
            # and Commercial Workers union")
            # (a possessive's body too: "the Fire and Rescue Service's chief")
            own = trim_possessive(run[-1][1]).lower()
            body = None if own in ORG_WORDS else _BODY_AFTER.match(
                text, run[-1][0] + len(run[-1][1]))
            last = body.group(1) if body is not None else own
            if last in ORG_WORDS and last != "state" \
                    and self._no_body_of_its_own([w for _, w in before], run[0][1]) \
                    and self.place(" ".join(w for _, w in run)) is None:
                joined[-1] = before + [(end + 1, "and")] + run + (
                    [(body.start(1), body.group(1))] if body is not None else [])
            else:
                joined.append(run)
        return joined

    def _no_body_of_its_own(self, words: list[str], after: str) -> bool:
        """Whether a run of up to three words before "and" names nothing of its own (no body,
        title, person or place), so the name goes on after "and"; ``after`` is the next run's
        first word, no title either ("Senator and Secretary of State")."""
        return len(words) <= 3 and not any(
            w.lower() in ORG_WORDS or w == "of" or self.is_title_word(w)
            for w in [*words, after]) and words[0].lower() not in self.first_names \
            and self.place(" ".join(words)) is None

    def _known_names_joined(self, text: str, runs: list) -> list:
        """Runs joined again where the gazetteer knows their whole as one name across a small
        word or a comma ("Alternative for Germany", "Bureau of Alcohol, Tobacco, Firearms and
        Explosives"), the small words as tokens."""
        joined = []
        i = 0
        while i < len(runs):
            start = runs[i][0][0]
            best = i
            for j in range(i + 1, min(len(runs), i + 5)):
                gap = text[runs[j - 1][-1][0] + len(runs[j - 1][-1][1]):runs[j][0][0]]
                if _NAME_GAP.fullmatch(gap) is None:
                    break
                end = runs[j][-1][0] + len(runs[j][-1][1])
                if self.place(text[start:end]) is not None:
                    best = j
            run = list(runs[i])
            for j in range(i + 1, best + 1):
                gap_at = runs[j - 1][-1][0] + len(runs[j - 1][-1][1])
                if text.startswith(",", gap_at):  # (the name as the gazetteer writes it)
                    run[-1] = (run[-1][0], run[-1][1] + ",")
                run += [(m.start(), m.group()) for m in _GAP_WORD.finditer(
                    text, gap_at, runs[j][0][0])] + runs[j]
            joined.append(run)
            i = best + 1
        return joined

    def acronym_in_caps(self, text: str, start: int, end: int) -> bool:
        """Whether the word ``text[start:end]`` is a gazetteer's acronym in capitals among
        words that are not: "The WHO said", "WHO officials" (not "WHO IS TO BLAME", a line in
        capitals)."""
        word = text[start:end]
        if not (len(word) > 1 and word.isupper() and name_key(word) in self._acronyms):
            return False
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        after = _WORD_AFTER.match(text, end)
        return not any(w is not None and len(w.group(1)) > 1 and w.group(1).isupper()
                       for w in (before, after))

    def _first_name_opens(self, text: str, m: re.Match, end: int) -> bool:
        """Whether the token ``m`` opens a name at a sentence's start: a common first name, a
        storm's word, a word that opens places ("St.", "Lake") or a person's title followed by
        a capitalized word ("Martin Hale, the authority's chief, said …", "Mayor Lee Park
        said …", "Lake County officials said …"), or the first word of a name the gazetteer
        knows ("New Orleans", "Alternative for Germany")."""
        word = m.group().lower()
        if word in self.first_names and word not in _WORDLIKE_FIRST_NAMES:
            return _NEXT_CAPITALIZED.match(text, m.end(), end) is not None
        if word in _WORDLIKE_FIRST_NAMES:
            # a first name that is a word too, before a surname no word list knows: "Rose
            # Kell is …", "Ray Doucet, a welder, said" (not "Hope Valley", "Grace Church",
            # "Will Kelbrook survive?")
            after = _SURNAME_ALONE.match(text, m.end(), end)
            return after is not None and not everyday_word(after.group(1).lower()) and (
                self.place(after.group(1)) is None and after.group(1).lower() not in ORG_WORDS
                and text[:end].rstrip()[-1:] != "?")
        if word in STORM_WORDS or word in _PLACE_OPENERS or storm_of(word):
            # "Hurricane Irma struck …", "St. Louis County officials said …"
            return self._capital_after(text, m, end)
        # a gazetteer's name of several words: "New Orleans officials said …", "Alternative
        # for Germany said …"
        at = m.end()
        for _ in range(6):
            part = _NEXT_NAME_PART.match(text, at, end)
            if part is None:
                break
            at = part.end()
            if self.place(text[m.start():at]) is not None:
                return True
        if name_key(word) in self._opening_titles:
            # "Councilwoman Jo Park", "Sen. Warren", "Bishop Sankey", and a title that names
            # places too: "Queen Anne County officials", "King County officials"
            return self._capital_after(text, m, end)
        # a word no English word list knows, before a capitalized word that is no everyday
        # word or common first name either: "Corinne Vasquez" (not "Getty Images",
        # "Filmmaker Joel"; a name given to both may be a surname: "Mariah Carey")
        # ... or before an organization's or a place's word: "Tolland County officials said",
        # "Pellworth Homes said"
        # ... or before a surname that is a word, then a person's description or age:
        # "Kieran Dove, a warehouse supervisor, …", "Kieran Dove, 26, …"
        after = _NEXT_WORD.match(text, m.end(), end)
        return (m.group().istitle() and m.group().isalpha() and not everyday_word(word)
                and after is not None and after.group(1).lower() not in self.genders
                and (not everyday_word(after.group(1))
                     or after.group(1).lower() in ORG_WORDS
                     or after.group(1).lower() in COMPANY_WORDS
                     or _DESCRIBED_AFTER.match(text, after.end(), end) is not None))

    def _capital_after(self, text: str, m: re.Match, end: int) -> bool:
        """Whether a capitalized word follows the token ``m``, past the point of a word a
        name goes on after ("Sen. Warren", "St. Louis")."""
        after = m.end() + (text.startswith(".", m.end()) and m.group() in self._name_goes_on)
        return _NEXT_CAPITALIZED.match(text, after, end) is not None

    def person_mentions(self, text, sentences, is_quoted, runs: NameRuns):
        """People named outside quotations, in order: (offset, name with titles stripped,
        gender), the gender "m", "f" or "" when unknown.

        ``is_quoted(offset)`` tells whether an offset lies inside a quotation; ``runs`` are the
        capitalized runs of ``text``'s sentences. The gender comes from an honorific
        ("Mrs. Osei", "Sir Keir"), a common first name ("Linda Osei"), or an earlier mention of
        the same surname.
        """
        mentions = []
        by_surname: dict[str, str] = {}
        for s in sentences:
            for offset, run in runs(s.start, s.end):
                if is_quoted(offset):
                    continue
                # a possessive ends the name: "Mr. Trump's RT appearance"
                owner = possessive_at(run)
                if owner is not None and not has_org_word(run[owner + 1:]):
                    run = run[:owner + 1]  # (not "St. Anne's Hospital")
                while len(run) > 1 and (run[-1].lower() in WEEKDAYS or (
                        run[-1].lower() in DAYS_MONTHS and self.place(" ".join(run[:-1])))):
                    run = run[:-1]  # "Wisconsin Friday": a place, then a day ("Theresa May")
                bare = [trim_possessive(t) for t in run]
                if len(bare) == 1 and (self.outlet_named(text, offset, bare[0])
                                       or PARTY_STATE_TOKEN.fullmatch(bare[0])
                                       or _MEDIUM_NAMED.search(text, max(0, offset - 30), offset)):
                    continue  # "she told Fox": an outlet, no "she"; "R-Texas": a party; "the
                    # state news agency, Vestnik"
                named = self.person_named(bare) if self.people else ""
                if named:  # a lexicon's person under any of their names ("AOC")
                    gender = self._gender(text, offset, run, named.split(), by_surname)
                    mentions.append((offset, named, gender))
                    continue
                person = self.person_in(bare)
                if not person and "of" in bare[2:-1]:  # "Pastor Eli Whitcombe of Dry Creek
                    person = self.person_in(bare[:bare.index("of", 2)])  # Community Church"
                if person and len(person[-1]) > 1 and not street(text, offset, run) and not \
                        _a_thing(text, offset, run) and not (
                            person == bare and (self.written_as_place(text, bare)
                                                or self.titled_with_the(text, bare))) \
                        and not self.place_then_region(text, offset, run) \
                        and not self.words_not_a_person(
                            bare, self.person_after_words(person) or person):
                    # (no letter alone, "Writing on X, she …", no storm, "Hurricane Maria",
                    # and no words the actors call a thing's name, "Loyal White Knights",
                    # "World War II")
                    gender = self._gender(text, offset, run, person, by_surname)
                    if gender:
                        by_surname.setdefault(person[-1].lower(), gender)
                    mentions.append((offset, " ".join(person), gender))
        # a word alone that the article writes as a town ("in Dunmore", "from Valemouth") is
        # no "he" or "she", unless it is the surname of someone named in full
        surnames = {name.rsplit(" ", 1)[-1] for _, name, _ in mentions if " " in name}
        full = {name.rsplit(" ", 1)[-1]: name for _, name, _ in mentions
                if " " in name and name.split()[0].lower() in self.first_names}
        # a sentence that opens with the possessive of a surname named in full before
        # ("Solberg's final word was …"): that person, though a first word is no run
        for s in sentences:
            opening = _POSSESSIVE_OPENING.match(text, s.start, s.end)
            if opening and opening.group(1) in surnames and not is_quoted(s.start):
                mentions.append((opening.start(1), full.get(
                    opening.group(1), opening.group(1)), by_surname.get(
                    opening.group(1).lower(), "")))
        mentions.sort()
        # ... nor one that opens a club's, a town's or a business's name of two words
        # ("Ashworth" after "Ashworth Town", "Kelbrook" after "Kelbrook Rovers", "Corvane"
        # after "Corvane Logistics"), nor a club's word ("Rovers")
        # ... nor an English word named once with no title or gender ("Salt and Iron", an
        # album's title)
        heads = town_or_club_heads(text) | {m.group(1) for m in _COMPANY_HEAD.finditer(text)}
        # ... nor a name written ", which" after and never ", who" (a business, "Verdance
        # Environmental, which runs the bins"), nor the first word of one alone ("Verdance")
        before_which = [text[max(0, m.start() - 80):m.start()]
                        for m in _COMMA_WHICH.finditer(text)]  # (a regex a name: too slow)
        things = {name for name in {m[1] for m in mentions} - surnames
                  if any(end.endswith(name) for end in before_which)
                  and which_not_who(text, name)}
        heads |= {name.split()[0] for name in things if " " in name}
        mentions = [m for m in mentions if m[1] not in things
                    and m[1].rsplit(" ", 1)[-1].lower() not in CLUB_WORDS]  # "Wexmoor United"
        return [m for m in mentions if " " in m[1] or m[1] in surnames or not (
            self.written_as_town(text, m[1]) or m[1] in heads or m[1].lower() in CLUB_WORDS
            or not m[2] and everyday_word(m[1].lower()) and text.count(m[1]) == 1
            and not _CAPITAL_BEFORE.search(text, max(0, m[0] - 30), m[0]))]

    def place_then_region(self, text: str, offset: int, run: list[str]) -> bool:
        """Whether a word is a town before its state or country, or is a month written short
        before a day ("Dec. 20")."""
        if len(run) != 1:
            return False
        if month_before_day(text, offset, run[0]):
            return True
        return self.before_region(text, offset + len(run[0]))

    def before_region(self, text: str, end: int) -> bool:
        """Whether ``text`` goes on at ``end`` with a comma and a state or a country, as after a
        town: "Quantico, Virginia", "Dunmore, Pa.", "Kelby, New York" (not "Smith, Virginia's
        governor")."""
        if _STATE_AFTER.match(text, end):
            return True
        after = _REGION_AFTER.match(text, end)
        if after is None:
            return False
        words = after.group(1).split()
        for n in range(len(words), 0, -1):  # ("Dunmore, New York State": New York)
            place = self.place(" ".join(words[:n]))
            if place is not None:
                stop = after.start(1) + len(" ".join(words[:n]))
                return place.type in ("region", "country") and not text.startswith(
                    ("'s", "’s"), stop) and words[n:] in ([], ["State"]) \
                    and not _LIST_GOES_ON.match(text, stop)
        return False  # (nor "Jim Jordan, Ohio Republican": a description)

    def outlet_named(self, text: str, offset: int, word: str) -> str:
        """The outlet a word alone names at ``offset`` when the outlet is known by a word that
        is also a surname or an English word and the text writes it as a medium: after
        "told" ("told Fox", "told the Hill"), or after "on", "to" or "with" ("said on Fox", "an
        interview with Forbes"), or before one who works for it or what it puts out ("the Fox
        anchor", "a Forbes reporter", "a Salon piece"), and no number follows it (a station:
        "Fox 9"); "" otherwise."""
        outlet = _ONE_WORD_OUTLETS.get(word.lower().strip("’'"))
        if outlet is None or not word[:1].isupper() or NUMBER_AFTER.match(
                text, offset + len(word)):
            return ""  # (nor a station: "Fox 9")
        if _MEDIA_ROLE_AFTER.match(text, offset + len(word)):
            return outlet[0]
        before = _MEDIUM_BEFORE.search(text, max(0, offset - 24), offset)
        if before is None or before.group(1).lower() != "told" and outlet[1]:
            return ""
        return outlet[0]

    def written_as_place(self, text: str, words: list[str]) -> bool:
        """Whether ``text`` writes a name of two or three words that opens with no first name
        or title after a word of place, as a place the gazetteer lacks: "in Oakhurst Mills",
        "near New Kestrel", "residents of Little Wendle", "at Greyfriars Lodge" (not "in Xi
        Jinping's China", "at Dunwithy Lido Trust", "a swipe at Tobiah Kessler")."""
        return len(words) in (2, 3) and words[0].lower() not in self.first_names and not \
            self.is_title_word(words[0]) and " ".join(words) in self._written(text)[0]

    def titled_with_the(self, text: str, words: list[str]) -> bool:
        """Whether ``text`` writes a name of two words or more after "The" inside a sentence,
        as the title of a work or a band's name is written and no person's: "formed The
        Coldwater Three", "the song cycle The Harbour Lights" (not "The Dana Whitfield
        campaign")."""
        return len(words) >= 2 and " ".join(words) in self._written(text)[1]

    def _written(self, text: str) -> tuple[frozenset[str], frozenset[str]]:
        """The names of two or three capitalized words ``text`` writes after a word of place,
        and the names of two words or more it writes after "The" inside a sentence with no
        noun after them, found once per article (as ``_towns_written``)."""
        last = self._written_of_last
        if last is not None and last[0] is text:
            return last[1], last[2]
        places = frozenset(
            m.group(1) for m in _AFTER_PLACE_WORD.finditer(text)
            if not _AT_SOMEONE.search(text, max(0, m.start() - 12), m.start()))
        titled = set()
        for m in _AFTER_THE.finditer(text):
            toks = m.group(1).split(" ")
            for n in range(2, len(toks) + 1):
                after = toks[n] if n < len(toks) else m.group(2)
                if not (usual_tag(after.lower()) or "").startswith("NN"):
                    titled.add(" ".join(toks[:n]))
        self._written_of_last = (text, places, frozenset(titled))  # (one assignment)
        return places, frozenset(titled)

    def written_as_town(self, text: str, word: str) -> bool:
        """Whether ``text`` writes ``word`` as a town the gazetteer lacks: with a town's ending
        after "in", "at" or "from" (``town_in``), anywhere before its state or country
        ("Ashton, Md.", "Kelby, Pennsylvania") or before its town's council or hall
        ("Riverton City Council", "Oakmere Residents' Association")."""
        return town_in(text, word) or word.lower() in self._towns_written(text)

    def _towns_written(self, text: str) -> frozenset[str]:
        """The words (lower case) that ``text`` writes before a comma and a state or a
        country ("ASHTON, Md."; not "The Upshot, Florida is"), before a town's council or
        hall, before "-based" ("a Kelby-based firm"), after a seat's "for" ("the member for
        Kelby") or as a dateline's region ("ASHTON, Kelbia —"), found once per article (the
        last article's are kept: they are asked for word after word)."""
        last = self._towns_of_last
        if last is not None and last[0] is text:
            return last[1]
        found = frozenset(
            m.group().lower() for m in _WORD_BEFORE_COMMA.finditer(text)
            if text[max(0, m.start() - 4):m.start()].lower() != "the "
            and self.before_region(text, m.end())) | frozenset(
            (m.group(1) or m.group(2)).lower() for m in _WORD_BEFORE_TOWN_BODY.finditer(text)) \
            | frozenset(w.lower() for m in _ROUTE.finditer(text) for w in m.groups()) \
            | frozenset(m.group(1).lower() for m in _TRAVEL_TO.finditer(text)) \
            | frozenset(m.group(1).lower() for m in _BASED_IN.finditer(text)) \
            | frozenset(w.lower() for m in _SEAT_FOR.finditer(text) for w in m.groups() if w) \
            | frozenset(m.group(1).lower() for m in _DATELINE_REGION.finditer(text)) \
            | frozenset(m.group(1).lower() for m in _WORD_BEFORE_DISTRICT.finditer(text)
                        if not everyday_word(m.group(1).lower()))
        self._towns_of_last = (text, found)  # (one assignment: safe across threads)
        return found

    def _gender(self, text, offset, run, person, by_surname) -> str:
        honorific = _HONORIFIC_BEFORE.search(text, max(0, offset - 12), offset)
        titles = [name_key(t) for t in run[:len(run) - len(person)]]
        for title in ([name_key(honorific.group(1))] if honorific else []) + titles:
            if title in _GENDERED_TITLES:
                return _GENDERED_TITLES[title]
        if len(person) >= 2 and person[0].lower() in self.genders:
            return self.genders[person[0].lower()]
        if person[-1].lower() in by_surname:
            return by_surname[person[-1].lower()]
        if len(person) == 1 and person[0].lower() in self.genders and not re.search(
                rf"[A-Z][\w’'-]*[ \t]+{re.escape(person[0])}\b", text):
            # a first name alone, no one's surname in the article ("said Maria, who asked
            # that her surname not be used"; not "Dana James … James said")
            return self.genders[person[0].lower()]
        return ""


# the words between a person's name and what they belong to: "Dana Reyes of the Courier"
_AFFILIATIONS = ("of", "for", "at", "from", "with")
# Honorifics and titles that say whether a person is a man or a woman.
_GENDERED_TITLES = {
    "mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "father": "m",
    "brother": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "queen": "f",
    "princess": "f", "sister": "f",
}
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord)\.?\s+$")


# The last word of a street or a locality ("Mill Lane", "Cable Row", "Orchard Park", "Ashby
# Cross"); each is a surname too (Nathan Lane, Fiona Hill), so the run must also follow "on",
# "in", "the" …
_STREET_WORDS = frozenset(
    "lane row park close way drive place crescent terrace gardens grove green hill cross end "
    "gate walk mews yard wharf quay".split())
# words that end a place's name of two words or more with no "on" or "in" before it, though
# alone or inside other names they are as often something else ("Orrin Kelby Way", "Dunmore
# Heights", "Kelby Beach"; not "the Highway Patrol", "Harbor Plaza Hotel"): the actors' places
PLACE_ENDS = frozenset(
    """heights hills boulevard drive way highway freeway parkway creek beach harbor harbour
    canyon falls springs gardens terrace crescent plaza pier canal peninsula reservoir dam
    tunnel township town vale""".split())
# the ones no surname ends with ("Carla Hills", "Ann Way", "Dana Beach" aside): no person
_PLACE_ONLY_ENDS = PLACE_ENDS - {"hills", "way", "beach", "springs", "gardens"}
# the last word of a building's or a road's name, hardly ever a surname (and a hospital's:
# "Valemouth General", "Mass General")
_BUILDINGS = frozenset(
    """tower towers building center centre plaza hotel stadium arena palace cathedral mosque
    synagogue museum hospital university college airport station avenue boulevard street road
    bridge square mall general playhouse theatre theater""".split())
# the last word of an event's, an award's, a plan's, a market index's or a township's name,
# never a surname: "Aldermere Climate Summit", "Penhallow Prize", "Sawtell Fire" (a
# wildfire's), "Harrow Yards Framework", "Kelbrook Composite", "Orrin Township"
_THING_ENDS = frozenset(
    """summit conference festival prize award fire township framework initiative scheme
    average composite index programme program""".split())
_BEFORE_PLACE = re.compile(r"\b(?:on|in|the|near|off|along|via)\s+$", re.IGNORECASE)


def street(text: str, offset: int, run: list[str]) -> bool:
    """Whether a capitalized run is a street or a locality rather than a person: "the union
    office on Mill Lane", "the Orchard Park community center", "in Ashby Cross", and one
    named for its owner wherever it stands ("Mill Street and Tanner's Lane", "Cooper's
    Yard")."""
    return len(run) >= 2 and run[-1].lower() in _STREET_WORDS and (
        bool(_BEFORE_PLACE.search(text, max(0, offset - 8), offset))
        or (len(run) == 2 and run[0].endswith(("'s", "’s"))))


# words that open a place's or an institution's name: a sentence's first word before a
# capitalized word opens one ("St. Louis County officials said", "Lake County officials",
# "Saint Mary Hospital said", "Mount Sinai Hospital", "Port Arthur police"), and the names of
# places after people are no person's ("Fort Leonard Wood", "Lake Mary Jane")
_PLACE_OPENERS = frozenset(
    "st saint ste sainte mt mount ft fort port lake camp cape san santa santo sao são el los las"
    .split())

# Countries that are also first names: "Jordan Henderson", "Chad Smith" keep them.
_FIRST_NAME_COUNTRIES = frozenset("jordan chad georgia israel india kenya".split())

# Groups written with a capital, never one person.
_GROUPS = frozenset(
    """democrats republicans conservatives liberals progressives socialists communists
    northerners southerners westerners easterners catholics protestants muslims christians
    jews hindus sikhs buddhists evangelicals latinos hispanics tories remainers leavers
    brexiteers""".split()) | frozenset(  # a region's, faith's or movement's adjective
    """asian african european latino latina hispanic arab western eastern northern southern
    scandinavian latin nordic balkan baltic slavic muslim jewish catholic protestant sunni
    shia shiite kurdish communist socialist evangelical orthodox islamic islamist buddhist
    hindu sikh mormon indigenous mediterranean soviet brexit""".split())
# Who speaks for someone: "An attorney for Mills", "a spokesman for Mr. Hunter".
REPRESENTATIVES = frozenset(
    """attorney attorneys lawyer lawyers spokesman spokeswoman spokesperson spokespeople aide
    aides adviser advisers advisor representative representatives counsel agent publicist
    prosecutors""".split())
# People who speak for no one but themselves: the place they are of is no source ("one Marlowe
# man fumed", "business owners in Paris say", "a mum from Northgate told"), as it is for
# officials ("officials in Paris").
PRIVATE_PEOPLE = frozenset(
    """man men woman women mum mums mom moms dad dads mother mothers father fathers parent
    parents grandmother grandmothers grandfather grandfathers resident residents local locals
    homeowner homeowners owner owners shopper shoppers commuter commuters driver drivers
    neighbour neighbours neighbor neighbors voter voters fan fans pensioner pensioners retiree
    retirees family families teenager teenagers customer customers passenger passengers
    patient patients tenant tenants renter renters villager villagers recipient recipients
    beneficiary beneficiaries""".split())
# "Many in Hong Kong", "Some in the party": people of a place
_SOME_PEOPLE = frozenset("many some most few several those others all".split())
# Plurals that name people, somewhere: "Police in Dalton", "Officials at the port say".
PLURAL_PEOPLE = frozenset(
    """police officials authorities officers residents witnesses sources people students
    teachers workers doctors experts analysts lawmakers leaders investigators prosecutors
    firefighters troops soldiers protesters voters activists critics neighbours neighbors
    locals parents owners families observers""".split())


def _people_of(word: str) -> bool:
    """Whether a word opening "… of the X" is people of X, not a name's first word:
    "Officials", "Members", "Agents" (not "Friends", "Sons", "Daughters")."""
    word = word.lower()
    return word in PLURAL_PEOPLE or word in REPRESENTATIVES or word in (
        "members", "agents", "staff", "employees", "spokesmen", "spokeswomen")


# Before a single capitalized word, words that make it a thing or a place ("the Gateway",
# "no Gateway", "near Evansville"), not a person.
_THING_BEFORE = re.compile(r"\b(?:the|a|an|no|near|outside|\d+(?:st|nd|rd|th))\s+$",
                           re.IGNORECASE)
_END_OF_RUN_NUMBER = re.compile(r"\s+\d")
# a site a word names: "the club’s Fenholt training ground", "the Kessock plant"
_SITE_AFTER = re.compile(
    r"[ \t]+(?:(?:training|power|car|bus|rail|water|sewage|processing|assembly|research|test|"
    r"sports|leisure|business|industrial|retail|bottling|distribution|data)[ \t]+)?(?:ground|"
    r"stadium|arena|campus|plant|factory|depot|airport|terminal|refinery|warehouse|headquarters|"
    r"facility|estate|reservoir|quarry|racecourse|showground|substation|centre|center|park)"
    r"(?![\w’'-])")
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# How town names end, after "in", "at" or "from": "in Charlottesville", "from Pittsburgh".
_PLACE_ENDINGS = ("ville", "burg", "burgh", "borough", "ford", "field", "port", "mouth",
                  "shire", "stadt", "grad", "abad", "pur", "polis")
_PLACE_PREPOSITIONS = "in|at|from"  # what a town's name follows
# a person's description or age after their name: ", a warehouse supervisor", ", 26,"
_DESCRIBED_AFTER = re.compile(r",[ \t]+(?:a|an|the|\d{1,3},|who)[ \t]")
# what a place's name of two or three words follows, and no person's ("in Oakhurst Mills",
# "around Aldermoor Cross", "residents of Little Wendle"; not "from", "on" or "of" alone: "a
# call from …", "pressure on …", "the wife of …")
_BEFORE_PLACE_NAME = ("in|at|near|around|outside|through|across|towards|into|"
                      "(?:residents|village|town|outskirts|people|edge|heart|centre|center|"
                      "streets|parish|borough) of")
_AFTER_PLACE_WORD = re.compile(
    rf"\b(?i:{_BEFORE_PLACE_NAME})\s+([A-Z][\w’'-]*(?: [A-Z][\w’'-]*){{1,2}})(?![\w’'-])"
    r"(?![ \t]+[A-Z])")
# a name after "The" inside a sentence, and the word after it
_AFTER_THE = re.compile(r"(?<![\w’'-])[a-z0-9][\w’'-]*[,;]? The ([A-Z][\w’'-]*"
                        r"(?: (?:of |and |for |de |the )?[A-Z][\w’'-]*)+)(?![\w’'-])\W*(\w*)")
# what "at" a person follows: "look at Dana Kelby", "a swipe at …", "angry at …"
_AT_SOMEONE = re.compile(
    r"\b(?:look|looked|looks|looking|glanced|stared|staring|angry|furious|mad|upset|jab|swipe|"
    r"aim|aimed|directed|shot|laugh|laughed|laughing|lashed|lashing|pointed|pointing|"
    r"sneered|smiled|yelled|shouted|hit back|digs?)\s+\Z", re.IGNORECASE)
# a capitalized word before another: the other is no name alone ("Ruby Rose")
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w’'-]*\s+\Z")
_IN_PLACE = re.compile(rf"\b(?:{_PLACE_PREPOSITIONS})\s+$", re.IGNORECASE)
# More endings of English towns, for a town the gazetteer lacks ("in Harrowgate", "at Fenwick"),
# read with the whole article in view (town_in: the actors, and who "he" or "she" can be);
# a speaker's name is read on its own, with _PLACE_ENDINGS alone
_TOWN_ENDINGS = ("gate", "wick", "more", "ham", "bury", "chester", "caster", "minster", "worth",
                 "hollow", "mere", "holme", "thorpe", "combe", "stead", "haven", "dale")
# A US state's abbreviation as written after a town ("Dunmore, Pa.", "Springfield, Va."),
# and that abbreviation after a town.
STATE = re.compile(
    r"Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|"
    r"Neb|Nev|N\.H|N\.J|N\.M|N\.Y|N\.C|N\.D|Okla|Ore|Pa|R\.I|S\.C|S\.D|Tenn|Tex|Va|Vt|Wash|"
    r"Wis|W\.Va|Wyo|[A-Z]{2}")
_STATE_AFTER = re.compile(rf",\s+(?:{STATE.pattern})\.")
# Outlets known by one word that is also a surname or an English word, and whether the word
# after "on", "to" or "with" is as often something else ("on the Hill": Capitol Hill): then
# only "told" makes it the outlet
_ONE_WORD_OUTLETS = {
    "fox": ("Fox News", False), "forbes": ("Forbes", False), "salon": ("Salon", False),
    "slate": ("Slate", False), "time": ("Time", False), "fortune": ("Fortune", False),
    "variety": ("Variety", False), "wired": ("Wired", False), "hill": ("The Hill", True),
    "atlantic": ("The Atlantic", True), "independent": ("The Independent", True),
    "sun": ("The Sun", True), "mirror": ("The Mirror", True),
}


def outlet_alone(word: str) -> bool:
    """Whether a word that names an outlet after "told" names it alone elsewhere in the same
    article too ("Fox reported"): not when the word is as often something else ("on the
    Hill": Capitol Hill)."""
    outlet = _ONE_WORD_OUTLETS.get(word.lower())
    return outlet is not None and not outlet[1]


# a number after a word: "Fox 9", "Ward 4", "Route 9"
NUMBER_AFTER = re.compile(r"\s{1,2}\d")
# who works for an outlet and what it puts out, after its name: "the Fox anchor"
_MEDIA_ROLE_AFTER = re.compile(
    r"[ \t]+(?:hosts?|anchors?|reporters?|contributors?|correspondents?|commentators?|"
    r"columnists?|editors?|writers?|journalists?|interview|segment|report|story|article|"
    r"piece|op-ed|poll|analysis|investigation)\b")
# what makes a word a medium: "told", "on", "to" or "with", perhaps with "the" ("told the
# Hill", "an interview with Fox")
_MEDIUM_BEFORE = re.compile(r"(?<![\w’'-])(told|on|to|with)\s+(?:[Tt]he\s+)?\Z", re.I)
# a comma and a capitalized name of one to three words after a word ("Quantico, Virginia")
_REGION_AFTER = re.compile(r",\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})")
_WORD_BEFORE_COMMA = re.compile(r"(?<![\w’'-])[A-Za-z][\w’'-]*(?=,\s)")
# a word before its town's council, hall, officers or residents: "Riverton City Council",
# "Oakmere Town Hall", "the Oakmere Residents' Association", "a Kelbrook town treasurer"; and
# a word after its residents or the word for it: "every resident of Kelbrook", "the market
# town of Marrowby"
_WORD_BEFORE_TOWN_BODY = re.compile(
    r"(?<![\w’'-])([A-Z][a-z]+)\s+(?:(?:City|Town|Village|Borough|Parish)\s+"
    r"(?:Council|Hall|Commission)|Residents[’']?\s+Association|(?:city|town|village|borough)"
    r"\s+(?:council|hall|treasurer|manager|clerk|officials?|attorney|limits|center|centre))\b"
    r"|\b(?:residents?|town|village|city|hamlet|parish|borough)\s+of\s+([A-Z][a-z]+)\b"
    r"(?![ \t]+[A-Z])")
# a dateline's town of several words in capitals, then its state, agency or dash: "HARLOW
# FALLS, Ohio -", "DRY CREEK FALLS (Wire) —" (its first word opens a name)
_CAPS_DATELINE = re.compile(r"[A-Z]{2,}(?:[ \t]+[A-Z][A-Z.'’-]+)+(?=,|[ \t]+[—–(-])")
# a sentence's first word, a name's possessive: "Solberg's (final word …)"
_POSSESSIVE_OPENING = re.compile(r"\s*([A-Z][\w-]+)['’]s\s")
# a club's or a town's name of two words, and its first word: "Ashworth Town", "Kelbrook Rovers"
_TOWN_OR_CLUB = re.compile(r"(?<![\w’'-])([A-Z][a-z]+)[ \t]+(?:Town|Vale|City|" + "|".join(
    w.capitalize() for w in CLUB_WORDS if len(w) > 3) + r")\b")
# a part of a town named before the word for it: "Port Ellery's Harbourside district", "the
# Westmere neighbourhood" (a word no word list knows: not "a Democratic district")
_WORD_BEFORE_DISTRICT = re.compile(
    r"(?<![\w’'-])([A-Z][a-z]+)\s+(?:district|neighbou?rhood|suburb|estate)\b")
# the two ends of a route ("the Harwick to Dunmore rail upgrade", "the Kelby-Ashton line")
# and where one travels to ("travels to Dunmore every day", "moved back to Kelby")
_ROUTE = re.compile(r"(?<![\w’'-])([A-Z][a-z]+)(?:-| to )([A-Z][a-z]+)[ \t]+(?:rail|railway|"
                    r"line|route|flights?|trains?|road|highway|motorway|pipeline|bus|ferry)\b")
# the first word of a business's name of two words: "Corvane" of "Corvane Logistics"
_COMPANY_HEAD = re.compile(r"(?<![\w’'.-])([A-Z][a-z]+)[ \t]+(?:" + "|".join(
    w.capitalize() for w in COMPANY_WORDS) + r")\b")
# a place a business is based in: "the Brannock-based freight company"
_BASED_IN = re.compile(r"(?<![\w’'-])([A-Z][a-z]+)-based\b")
# the places a seat is named for: "the member for Wenlow and Cresby", "MP for Tarnley"
_SEAT_FOR = re.compile(r"\b(?:MPs?|[Mm]ember|[Cc]ouncill?or|[Ss]eat|[Cc]onstituency|[Ww]ard)"
                       r"[ \t]+for[ \t]+([A-Z][a-z]+)(?:[ \t]+(?:and|&)[ \t]+([A-Z][a-z]+))?\b")
# the country or region of a dateline: "DROVASK, Karvenia —" (the city is in capitals)
_DATELINE_REGION = re.compile(r"(?m)^[A-Z][A-Z .’'-]+,[ \t]+([A-Z][a-z]+)[ \t]*(?:—|–|--|-)[ \t]")
_TRAVEL_TO = re.compile(
    r"\b(?:travel(?:s|ed|led|ing|ling)?|fl(?:y|ies|ew|ying)|dr(?:ives?|ove|iving)|"
    r"mov(?:es?|ed|ing)|return(?:s|ed|ing)?|commut(?:es?|ed|ing)|head(?:s|ed|ing)?|"
    r"relocat(?:es?|ed|ing))[ \t]+(?:back[ \t]+)?to[ \t]+([A-Z][a-z]+)\b(?![ \t]+[A-Z])")
# a list going on after a place: "Assad, Russia and Iran", "Ohio, Michigan, …"
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+)[A-Z]")
# the words either side of a word: what a word in capitals is among
_WORD_BEFORE = re.compile(r"(\w+)\W*\Z")
_WORD_AFTER = re.compile(r"\W*(\w+)")
# months written short (not "Jan", "Mar", "May": also names and words)
_SHORT_MONTHS = frozenset("feb apr jun jul aug sep sept oct nov dec".split())
# ... and those that are names or words too, a month only with their period before a day
_SHORT_MONTHS_NAMES = frozenset({"jan", "mar"})


def month_before_day(text: str, offset: int, word: str) -> bool:
    """Whether ``word`` at ``offset`` is a month written short before a day: "Dec. 20", "Nov 8",
    "Mar. 7" (not "Jan 5" nor "Mar 5": a name, a word)."""
    word = word.rstrip(".")
    lowered = word.lower()
    if lowered not in _SHORT_MONTHS and lowered not in _SHORT_MONTHS_NAMES:
        return False
    after = _DAY_AFTER_MONTH.match(text, offset + len(word))
    return after is not None and (lowered in _SHORT_MONTHS or after.group(1) == ".")


_DAY_AFTER_MONTH = re.compile(r"(\.?)\s+\d")


def _a_thing(text: str, offset: int, run: list[str]) -> bool:
    """Whether a capitalized run names a thing: one word after "the", "no" or "near"
    ("the Gateway", "near Evansville"), or a word before a number ("Apollo 10")."""
    end = offset + len(" ".join(run))
    if text[offset:end] == " ".join(run) and (
            _END_OF_RUN_NUMBER.match(text, end) or _STATE_AFTER.match(text, end)
            or len(run) == 1 and _SITE_AFTER.match(text, end)):
        return True  # "Apollo 10", "Ashton, Md.", "the Fenholt training ground"
    if _TRADE_BEFORE.search(text, max(0, offset - 50), offset):
        return True  # "the investment bank Hollister Brandt"
    return len(run) == 1 and (bool(_THING_BEFORE.search(text, max(0, offset - 8), offset)) or (
        run[0].lower().endswith(_PLACE_ENDINGS)
        and bool(_IN_PLACE.search(text, max(0, offset - 6), offset))))  # "in Charlottesville"


# a business's trade before its name: "the investment bank Hollister Brandt", "the lender X"
# (not a trade a person may have: "the property developer Ana Ruiz", "the publisher Ivo Hart")
_TRADE_BEFORE = re.compile(r"(?<![\w’'-])(?i:the)[ \t]+(?:[a-z-]+[ \t]+){0,2}(?:" + "|".join(
    sorted(BUSINESS_TRADES - {"developer", "builder", "brewer", "miner", "operator", "maker",
                              "publisher", "supplier", "business"} | {"bank", "fund",
                                                                       "consultancy"}))
    + r")[ \t]+\Z")


_COMMA_WHICH = re.compile(r",\s+which\b")
# what ties someone unnamed to the person named after it: "a friend of", "an aide to", "next to"
RELATED_TO = frozenset("of to behind beside near with".split())
# a medium's kind before a word that names it: "the state news agency, Vestnik", "the daily
# Borba" (one word: "a spokesman for the newspaper, Ivo Hart," names a person)
_MEDIUM_NAMED = re.compile(r"(?<![\w’'-])(?i:agency|newspaper|broadcaster|tabloid|daily|weekly|"
                           r"channel|magazine|outlet|network|website)[ \t]*,?[ \t]+\Z")


def which_not_who(text: str, name: str) -> bool:
    """Whether ``text`` writes ", which" after ``name`` and never ", who": a thing's name."""
    return re.search(rf"(?<![\w’'-]){re.escape(name)},\s+which\b", text) is not None and \
        re.search(rf"(?<![\w’'-]){re.escape(name)},\s+(?:who|whom|whose)\b", text) is None


def town_or_club_heads(text: str) -> set[str]:
    """The first words of the names of two words that ``text`` gives a club or a town, as
    written: "Ashworth" of "Ashworth Town", "Kelbrook" of "Kelbrook Rovers"; alone they are the
    town, no person."""
    return {m.group(1) for m in _TOWN_OR_CLUB.finditer(text)}


def town_ending(word: str) -> bool:
    """Whether ``word`` ends as town names do ("Charlottesville", "Valemouth",
    "Pittsburgh")."""
    return word.lower().endswith(_PLACE_ENDINGS)


def town_in(text: str, word: str) -> bool:
    """Whether ``word`` has a town's ending and ``text`` writes it after "in", "at" or "from"
    somewhere ("in Charlottesville", "from Valemouth"): a town the gazetteer lacks."""
    return word.lower().endswith(_PLACE_ENDINGS + _TOWN_ENDINGS) and re.search(
        rf"\b(?i:{_PLACE_PREPOSITIONS})\s+{re.escape(word)}\b", text) is not None


_PARENTHESES = re.compile(r"\([^()]{0,40}\)")
# A surname that opens with a lower-case particle: "deMacedo", "McDonald" is capitalized anyway
_PARTICLE_NAME = re.compile(r"(?:de|da|di|du|van|von|le|la|mc|mac)[A-Z]")

_AGE = re.compile(r",\s*\d{1,3}\s*,?\s*$")
# the letters after a name that end a subject phrase (``_POST_NOMINALS``)
_POST_NOMINAL_END = re.compile(
    rf"(?<=[a-z’'])(?:,?\s+(?:{'|'.join(sorted(_POST_NOMINALS))}))+\s*,?\s*$")

# Wiki-style reference marks after a source: "the Washington Post [15]", "the Daily Dot [3".
_CITATION = re.compile(r"\s*\[\d*\]?")
_LAST_PARENTHESES = re.compile(r"\s*\([^()]{0,40}\)\s*$")
# a body's word in lower case after a name: "the … Workers union"
_BODY_AFTER = re.compile(r"[ \t]+(union|association|federation|council|party|alliance)\b")
# a legislator's party and state after the name: "Sen. Dale Brooks, R-Texas,", "D-Minn."
_PARTY_STATE = re.compile(r"(?:,\s*|\s+)[RDI]-[A-Z][A-Za-z.]*\s*,?\s*$")
PARTY_STATE_TOKEN = re.compile(r"[RDI]-[A-Z][A-Za-z.]*")
# Adverbs that the walk to a verb can leave at either end of a subject.
_LOOSE_ADVERBS = re.compile(r"^\s*(?:now|then|also|even|still|thus|meanwhile|however|later|"
                            r"earlier|again|instead|separately|previously)\s+|"
                            r"\s+(?:almost|also|now|always|thus|still|even|very|all|both|each)\s*$",
                            re.IGNORECASE)  # ("Brown and Menendez all", "as you very aptly")
_CONTRACTED_PRONOUN = re.compile(r"(he|she|they|we|i|you|it)[’'](?:ll|d|s|re|ve|m)",
                                 re.IGNORECASE)


def _as_written(phrase: str, toks: list[str]) -> str:
    """A common noun phrase as the speaker, its opening article in lower case ("the union")."""
    words = phrase.strip(" ,;:")
    return words[0].lower() + words[1:] if toks[0] in ("The", "A", "An") else words


def surname(tokens: list[str]) -> str:
    """The lowercased surname of a person's name: its last word, a generational suffix
    aside ("Martin Luther King Jr." → "king")."""
    words = [t.strip(".") for t in tokens]
    while len(words) > 1 and words[-1].lower() in _GENERATIONS:
        words.pop()
    return words[-1].lower() if words else ""


def surname_key(tokens: list[str]) -> str:
    """The surname a name is known by alone, with its generation: "trump" for "Donald J.
    Trump" and "Mr. Trump", "trump jr" for "Donald Trump Jr." and "Trump Jr."."""
    last = tokens[-1].strip(".").lower() if tokens else ""
    return surname(tokens) + (f" {last}" if len(tokens) >= 2 and last in _GENERATIONS else "")


def person_key(tokens: list[str]) -> str:
    """Who a person's full name names, within one article: the first name (a nickname as the
    name it is short for: "Bob Mueller" is "Robert Mueller"), the surname and a generation
    ("donald trump" for "Donald J. Trump"; "melania trump" and "donald trump jr" are other
    people)."""
    first = tokens[0].strip(".").lower()
    return f"{nicknames().get(first, first)} {surname_key(tokens)}"


@functools.cache
def nicknames() -> dict[str, str]:
    """Common English nicknames and the names they are short for, lower case ("bob":
    "robert"); only those that stand for one name ("Pat", "Ted", "Jack" and "Steve" do not)."""
    with (DATA_DIR / "nicknames.csv").open(newline="", encoding="utf-8") as fh:
        return {row["nickname"].lower(): row["name"].lower() for row in csv.DictReader(fh)}


def is_generation(token: str) -> bool:
    return token.strip(".").lower() in _GENERATIONS


def trim_possessive(token: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if token.endswith(suffix):
            return token[: -len(suffix)]
    return token


def possessive_at(run: list[str]) -> int | None:
    """The index of a run's first word written as a possessive ("Trump's" in "Mr. Trump's RT
    appearance"), or None."""
    return next((i for i, t in enumerate(run) if trim_possessive(t) != t), None)


def has_org_word(tokens: list[str]) -> bool:
    """Whether any of ``tokens`` is a word that names an organization ("Hospital", "News")."""
    return any(t.lower().strip(".") in ORG_WORDS for t in tokens)


_POINT_THEN_NAME = re.compile(r"\.\s+[A-Z]")


_SUFFIXES_WITH_A_POINT = frozenset({"Jr", "Sr"})


def _keeps_point(token: str, text: str, end: int, last: bool) -> bool:
    """Whether a name's token is written with the point after it: a middle initial ("Donald
    J. Trump"), a suffix ("Amos Tull Jr.") or a place's abbreviation ("St. Louis County");
    a name is shown as written."""
    if not text.startswith(".", end):
        return False
    if token in _SUFFIXES_WITH_A_POINT:
        return True
    return not last and (len(token) == 1 and token.isupper() or token in ABBREVIATED)


# a noun phrase and the subject pronoun of a clause that describes it ("Parents I spoke to",
# "the officials we asked"; not "Ana Ruiz and I")
_PRONOUN_INSIDE = re.compile(r"\s*((?:[Tt]he\s+)?[A-Za-z][\w-]*(?:\s+[a-z][\w-]*)?)"
                             r"(?<!\band)(?<!\bor)\s+(?:I|we|he|she|they)\s+\S")
_NAME_TOKEN_OR_AND = re.compile(NAME_TOKEN.pattern + r"|(?<=\s)&(?=\s)")


def _name_tokens(phrase: str) -> list[str]:
    """``NAME_TOKEN``s of a phrase, an initial or a suffix with its point ("Donald J."), and
    the "&" of a firm's name ("Small & Rural Schools")."""
    found = list(_NAME_TOKEN_OR_AND.finditer(phrase))
    return [m.group() + "." if _keeps_point(m.group(), phrase, m.end(), i == len(found) - 1)
            else m.group() for i, m in enumerate(found)]


class NameRuns:
    """The capitalized runs (``Names.runs``) of one article's sentences, each sentence's found
    once: voice detection and the actor finder read the same ones. ``capitalized`` holds the
    words the sentences write with a capital other than first (what the runs depend on)."""

    def __init__(self, names: Names, text: str, sentences) -> None:
        self.names = names
        self.text = text
        self.capitalized = names.midsentence_capitals(text, sentences)
        self._found: dict[tuple[int, int], list[tuple[int, list[str]]]] = {}

    def __call__(self, start: int, end: int) -> list[tuple[int, list[str]]]:
        """The runs in ``text[start:end]``, as a new list (a caller may change it)."""
        found = self._found.get((start, end))
        if found is None:
            found = self.names.runs(self.text, start, end, self.capitalized)
            self._found[(start, end)] = found
        return list(found)


_OPENING_QUOTES = "“\"‘«"


# What ends a sentence inside another (one the segmenter kept whole, as it keeps a quotation):
# a lowercase word's period, or an exclamation or question mark, then the next sentence's
# first word ("“We waited long enough. Nobody trusts the plan,” Okafor said", "“Save our
# pool! Save our pool”"); not an abbreviation's point ("Sen. Warren", "U.S. Army", "5 p.m. Smith").
_SENTENCE_INSIDE = re.compile(r"(?:(?<![\w.])[a-z]{2,}[.!?]|[!?])[”\"’)\]]*\s+[“\"‘(]?\Z")


def _opens_inside(text: str, m: re.Match, start: int) -> bool:
    """Whether the word ``m`` opens a sentence inside the sentence that starts at ``start``."""
    return _SENTENCE_INSIDE.search(text, max(start, m.start() - 12), m.start()) is not None


def _quoted_word(text: str, m: re.Match, end: int) -> bool:
    """Whether the word ``m`` opens a quotation and no capitalized word follows it: written
    with a capital as a sentence's first word is ("“Maybe this", ' "Sorry, but'; not "“60
    Minutes”" nor "“Saturday Night Live”", a title)."""
    start = m.start()
    return start > 0 and text[start - 1] in _OPENING_QUOTES and (
        start == 1 or text[start - 2].isspace() or text[start - 2] in "([") and (
        _NEXT_CAPITALIZED.match(text, m.end(), end) is None)


def _stops_a_name(token: str) -> bool:
    """Whether a capitalized word ends a run of capitals rather than being part of a name."""
    lowered = token.lower()
    return lowered in _STOP_CAPITALS or lowered in _VERB_CAPITALS and not (
        token.isupper() and lowered in _CAPS_ABBREVIATIONS)


def _capitalized(token: str) -> bool:
    return token[:1].isupper() or _PARTICLE_NAME.match(token) is not None  # "deMacedo"


def name_key(name: str) -> str:
    return " ".join(name.replace(".", "").lower().split())
