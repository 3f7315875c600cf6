"""The people, countries and organizations an article talks about, and how each is treated.

Found without a downloaded model:

- capitalized name sequences, with offices, honorifics and demonyms stripped by the titles
  list ("U.S. Secretary of State Anthony Blinken" → Anthony Blinken);
- the gazetteer of countries, cities, regions, organizations and state institutions, with
  aliases ("U.S." → United States, "Kiev" → Kyiv);
- names with an organization word ("Harbor City Transit Workers Union") are organizations.

Merging rule: a person is keyed by first name and surname (a nickname as the name it is short
for, "Jr." another person), and a surname alone names the first person of that surname named in
full, so "Vladimir Putin", "Putin" and "President Putin" are one actor named by the longest form
seen, "Melania Trump" and "Donald Trump" two. Places and institutions are kept apart, each
under its gazetteer name: "Moscow" (a city), "Russia" (a country) and "the Kremlin" (an
institution) are three actors; the ``country`` field (Russia for all three) lets a reader group
them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from .names import (
    BUSINESS_TRADES,
    CLUB_WORDS,
    COMPANY_WORDS,
    DAYS_MONTHS,
    INITIAL,
    NAME_TOKEN,
    NUMBER_AFTER,
    ORG_WORDS,
    PLACE_ENDS,
    PRIVATE_PEOPLE,
    RELATED_TO,
    STORM_WORDS,
    WEEKDAYS,
    NameRuns,
    Names,
    everyday_word,
    has_org_word,
    is_generation,
    month_before_day,
    name_key,
    nicknames,
    outlet_alone,
    person_key,
    plural_form,
    possessive_at,
    storm_of,
    street,
    surname_key,
    town_ending,
    town_or_club_heads,
    trim_possessive,
    usual_tag,
    which_not_who,
)
from .report import Quote, Sentence, TermHit
from .segment import credit_line
from .voice import HEADLINE_CUE, title_case

# what names an outlet by its kind right after its name ("Glint magazine"), and the close of a
# news agency's credit in a dateline ("KAMPALA, Uganda (Wirenews) —")
_MEDIUM_NOUN_AFTER = re.compile(r"[ \t]+(?:magazine|newspaper|tabloid|podcast)\b")
_AGENCY_CLOSE = re.compile(r"\)[ \t]*[—–-]")
_ARTICLE_BEFORE = re.compile(r"(?i:\b(?:a|an|the|another|one|its|their|his|her))\s+\Z")
# a body of water named before "of": "the Gulf of Tonkin", "the Strait of Kelby"
_WATERS = frozenset("gulf strait straits bay sea isle".split())
PLACE_WORDS = frozenset(
    """street avenue road city county province region district square bridge station airport
    port river sea ocean lake mountains valley island islands isles park""".split()
)
FLAGGED = frozenset({"loaded", "label", "attribution_verb", "scare_quote"})
# Words after which a speaker's name is not the speaker: "locals in Kettle Hill say".
_NAME_NOT_SPEAKING_AFTER = frozenset("in of from at for near outside across around on".split())
# who speaks for an organization called by its common noun: "union officials", "a hospital
# spokeswoman"
_FOR_IT = frozenset("official officials spokesman spokeswoman spokesperson leaders".split())
# Where a sentence's next clause begins, with a subject of its own: "…, but Tom Reyes said"
_CLAUSE_OF_ITS_OWN = re.compile(r";|,[ \t]+(?:but|while|whereas|and|though|although)\b|[—–]")
# who speak for a place's offices: "authorities in Carrow County said" (the county speaks)
_OFFICES = frozenset("""authorities prosecutors lawmakers legislators commissioners
    councillors councilors councilmembers ministers regulators inspectors firefighters
    investigators officers troopers deputies supervisors administrators""".split())
# ... and for one named after them: "a spokesman for …", "officials at …"
_SPEAKS_FOR_ITS = _FOR_IT - {"leaders"} | frozenset(
    "spokespeople representative representatives executive executives".split())
# a business's trade right before its name: "(security) firm Kestrel Shield", "retailer …"
# (not a trade a person plies too: "developer Aras Kell", "film maker", "brewer")
_TRADE_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(BUSINESS_TRADES - set(
    "maker developer builder brewer miner operator utility giant publisher business".split())
    | {"start-up", "consultancy"})) + r")[ \t]+\Z")
# a business named by its trade: "the company", "the Chicago-based carmaker", "the software
# maker", "the lender"
_BUSINESS_SPEAKER = re.compile(
    r"the (?:[\w-]+ ){0,2}(?:" + "|".join(sorted(BUSINESS_TRADES)) + ")", re.IGNORECASE)
# the words of an organization's name that say it is no business: "Kelbrook City Council"
_NOT_BUSINESS = frozenset("""ministry department agency party council union committee court
    commission authority association institute university college school hospital government
    cabinet embassy foundation league federation board administration police army navy force
    church museum gallery library clinic academy society caucus coalition campaign alliance
    guild pac trust""".split())
# the head of an appositive that says a name is an organization's: "Quillfire, the workplace
# software company,", "Ledgerline, a consultancy,", "Brantor, the energy giant," (not a trade
# a person plies too: "Kell, a software developer,", "Ivo Hart, the publisher,")
_BODY_HEADS = BUSINESS_TRADES - frozenset(
    "maker developer builder brewer miner operator publisher".split()) | _NOT_BUSINESS \
    | frozenset("""consultancy start-up charity nonprofit non-profit carrier broadcaster
    organization organisation group bank network studio lab laboratory cooperative co-op
    partnership newspaper magazine website outlet""".split())
_DESCRIBED_AS = re.compile(
    # the words before the head: no preposition, article or pronoun ("Ann Cole, a member of
    # the union," is no union); after it, no more of its noun phrase ("the company's founder",
    # "a union organizer")
    r",[ \t]+(?:the|an?)[ \t]+(?:(?!(?i:of|at|for|in|on|to|with|from|by|and|or|but|who|which|"
    r"that|whose|the|an?|his|her|its|their)\b)[\w.’'&-]+[ \t]+){0,4}("
    + "|".join(sorted(_BODY_HEADS, key=len, reverse=True))
    + r")(?=[ \t]*(?:[,.;:)]|—|–|--|\Z)|[ \t]+(?:that|which|based|headquartered|founded|owned|"
    r"whose)\b)")
_GEOGRAPHIC = frozenset({"city", "region", "country"})  # places that do not speak themselves
_OPENING_MARKS = " \t\"“‘'(["
_PARTY_MEMBERS = frozenset({"republican", "democrat", "conservative", "liberal", "socialist"})
# the last words of the name of an area with a government ("Tolland County"), not a street's
_AREA_WORDS = frozenset({"city", "county", "province", "region", "district"})
_WORD = re.compile(r"[^\W_]+(?:[-’'][^\W_]+)*")


@dataclass(frozen=True)
class Actor:
    """One person, place or organization, and how the article treats it."""

    name: str
    kind: str  # person, country, city, region, organization, institution, group, place, name
    country: str
    mentions: int
    quoted_sentences: int
    attributed_sentences: int
    quoted_words: int
    attribution_verbs: tuple[tuple[str, int], ...]
    loaded_terms: tuple[str, ...]
    author_tone: float
    sentences: tuple[int, ...]
    source_sentences: tuple[int, ...] = ()  # body sentences quoting or reporting this actor
    loaded_verbs: tuple[str, ...] = ()  # the verbs of saying used for them that colour them

    def verbs_text(self) -> str:
        return "; ".join(f"{verb} {n}" for verb, n in self.attribution_verbs)


@dataclass
class _Draft:
    name: str
    kind: str
    country: str = ""
    mentions: int = 0
    sentences: set = None  # type: ignore[assignment]

    def __post_init__(self) -> None:
        self.sentences = set()


class ActorFinder:
    """Finds actors in an analyzed article; built once per Analyzer (it shares Names)."""

    def __init__(self, names: Names) -> None:
        self.names = names

    def find(self, text: str, sentences: tuple[Sentence, ...], quotes: tuple[Quote, ...],
             hits: tuple[TermHit, ...], attributions: dict, tones: dict[int, float],
             connoted: frozenset[str] = frozenset(), outlet: str = "",
             name_runs: NameRuns | None = None) -> tuple[Actor, ...]:
        """The article's actors, most mentioned first; ``connoted`` are the lemmas of verbs of
        saying that colour the source (the lexicon's attribution_verb entries); ``name_runs``
        the sentences' capitalized runs when voice detection read them too. The article's own
        outlet ("told the Blaze" in The Daily Blaze) is not one of its actors."""
        drafts: dict[str, _Draft] = {}
        surnames: dict[str, str] = {}
        if name_runs is None:
            name_runs = NameRuns(self.names, text, sentences)
        pending: list[tuple[int, list[str]]] = []  # single unknown words, resolved at the end
        generic: list[tuple[int, str]] = []  # organizations' common nouns opening sentences
        firsts: dict[str, int] = {}  # the sentence where each person is first named in full
        outlets: dict[str, str] = {}  # the words that name an outlet here ("fox": Fox News)
        for s in sentences:
            if s.kind in ("byline", "link") or (s.kind == "caption" and (
                    text[s.start] in "([" or credit_line(text[s.start:s.end]))):
                continue  # bylines and photo credits name the staff, links other stories
            # title case, where every word looks like a name: a headline, or a line of the
            # body written like one (a subhead, another story's title)
            heading = s.kind == "headline" or title_case(text, s.start, s.end)
            runs = name_runs(s.start, s.end)
            if s.speaker and not heading:
                runs = _with_speakers_first_word(text, s, runs, self.names.first_names)
            listed = ("", -1)  # a plural storm word and where its list of names has got to
            for offset, written, owner in self._owner_then_person(runs):
                if len(written) > 1 and written[0].lower() in WEEKDAYS and \
                        text[max(0, offset - 3):offset].lower() == "on " and (
                        not everyday_word(written[1].lower())
                        or written[1].lower() in self.names.first_names):
                    # "on Monday Brantor Mutual said": the day is no part of the name (but
                    # "on Saturday Night Live" is a show's)
                    offset = text.find(written[1], offset + len(written[0]))
                    written = written[1:]
                run = [trim_possessive(t) for t in written]
                storms = self._storms_listed(text, offset, run, listed)
                if storms:  # "Hurricanes Kelda and Orwin": Hurricane Kelda, Hurricane Orwin
                    for name in storms[1]:
                        self._mention(drafts, "name:" + name.lower(), name, "name", "",
                                      s.index)
                    listed = (storms[0], text.find(written[-1], offset) + len(written[-1]))
                    continue
                listed = ("", -1)
                known = self.names.place(" ".join(written)) if len(written) > 1 and any(
                    t != trim_possessive(t) for t in written[:-1]) else None
                if known is not None:  # "Russia's Defence Ministry", as the gazetteer has it
                    self._mention(drafts, _place_key(known.name), known.name, known.type,
                                  known.country, s.index)
                    continue
                medium = "" if heading or len(run) > 1 or surname_key(run) in surnames else \
                    self.names.outlet_named(text, offset, run[0])
                if medium:  # "told Fox", "an interview with Forbes": the outlet
                    place = self.names.place(medium)
                    key = _place_key(place.name) if place else "org:" + medium.lower()
                    self._mention(drafts, key, place.name if place else medium,
                                  place.type if place else "organization",
                                  place.country if place else "", s.index)
                    if outlet_alone(run[0]):
                        outlets[run[0].lower()] = key
                    continue
                end = text.find(written[-1], offset) + len(written[-1])
                name = " ".join(run)
                if text[offset - 1:offset] == "(" and _AGENCY_CLOSE.match(text, end) and not (
                        any(w.lower() in ORG_WORDS for w in run) or self.names.place(name)):
                    continue  # "KAMPALA, Uganda (Wirenews) —": an agency's credit no word
                    # or list names (was a person); "(Reuters) —", "(Coastal Press) —" stay
                if len(run) >= 3 and run[1] == "of" and run[0].lower() in _WATERS and \
                        self.names.place(name) is None:
                    self._mention(drafts, "place:" + name.lower(), name, "place", "", s.index)
                    continue  # "the Gulf of Tonkin", "the Strait of Kelby"
                if _MEDIUM_NOUN_AFTER.match(text, end) and not _ARTICLE_BEFORE.search(
                        text, max(0, offset - 8), offset) and self.names.place(name) is None:
                    # "told Glint magazine": an outlet (not "a South Dakota newspaper")
                    self._mention(drafts, "org:" + name.lower(), name, "organization", "",
                                  s.index)
                    continue
                named = self.names.person_named(run) if self.names.people else ""
                if named:  # a lexicon's person, under any of their names: "AOC"
                    key = _lexicon_person(named)
                    self._mention(drafts, key, named, "person", "", s.index)
                    firsts.setdefault(key, s.index)
                    continue
                if owner and self._unknown_owner(run):
                    # "Valemouth First's Derek Collier": who the person speaks for
                    self._mention(drafts, "org:" + " ".join(run).lower(), " ".join(run),
                                  "organization", "", s.index)
                    continue
                person = self._surname_speaking(run, s, attributions.get(s.index, ()),
                                                surnames)
                if person and not _after_preposition(text, s.start, offset):
                    # "Austin told reporters" after "Lloyd Austin": the person, not the city
                    self._mention(drafts, person, run[0], "person", "", s.index)
                    continue
                if self._town_or_street(text, offset, run, written, s.index, drafts):
                    continue
                if not heading and self._described_as_body(text, offset, end, run, surnames):
                    # "cloud security firm Kestrel Shield", "the consultancy Ledgerline",
                    # "Quillfire, the workplace software company,": a business named after
                    # its trade, or a name its appositive says is an organization's
                    name = " ".join(run)
                    self._mention(drafts, "org:" + name.lower(), name, "organization", "",
                                  s.index)
                    continue
                if len(run) == 1 and month_before_day(text, offset, run[0]):
                    continue  # "on Nov. 8": a date
                if len(run) == 1 and not heading and self._generic(run[0]) and not text[
                        s.start:offset].strip(_OPENING_MARKS):
                    # "Police said …", "Federation president Ana Ruiz": a common noun that
                    # opens a sentence, the organization named so or no one (as "police")
                    generic.append((s.index, run[0].lower()))
                    continue
                self._add_run(run, s.index, drafts, surnames, pending, firsts, heading,
                              written)
        self._written_as_no_person(drafts, surnames, firsts, text, sentences)
        _places_not_people(drafts, surnames, firsts)
        _short_forms_joined(drafts)
        # a surname alone names the first person of that surname named in full, a headline
        # included: the story's subject ("Trump said" after "Donald Trump" and "Ivana Trump")
        family: dict[str, list[str]] = defaultdict(list)
        juniors: dict[str, list[str]] = defaultdict(list)  # "Tull" for "Amos Tull Jr."
        for key in drafts:
            words = _key_words(key, "person:")
            if len(words) >= 2:  # (a first name, a surname and perhaps a generation)
                family[" ".join(words[1:])].append(key)
                if len(words) == 3:
                    juniors[words[1]].append(key)
        for last, group in [*juniors.items(), *family.items()]:
            surnames[last] = min(group, key=firsts.__getitem__)
        # a place's team, paper or resort alone names it when no other such name ends so:
        # "the Cowboys" after "Dallas Cowboys", "the Sentinel" after "Orlando Sentinel"
        ends: dict[str, list[str]] = defaultdict(list)
        for key in drafts:
            words = _key_words(key, "name:")
            if len(words) >= 2 and (self._leading_place(words) or self._storm(words)):
                ends[words[-1]].append(key)  # (and a storm's name: "Irma")
            words = _key_words(key, "org:")
            if len(words) >= 2 and words[-1] in CLUB_WORDS - {"united", "fc", "afc"}:
                ends[words[-1]].append(key)  # a club's: "Rovers" for Valemouth Rovers
        common = _common_nouns(drafts)
        _nouns_joined(drafts, text, common)
        for index, noun in generic:
            if noun in common:
                drafts[common[noun]].mentions += 1
                drafts[common[noun]].sentences.add(index)
        alone = {**common, **self._organizations_alone(drafts, text), **outlets,
                 **{last: keys[0] for last, keys in ends.items() if len(keys) == 1},
                 **self._first_names_alone(drafts, surnames)}
        # named with a title, or alone as what a sentence's speaker is ("Banksy said …"; not
        # the first name of someone named in full: "Maria said" is Maria Lopez, or left apart
        # between two Marias)
        speakers = {s.index: s.speaker for s in sentences}
        given = {words[0] for key in drafts for words in [_key_words(key, "person:")] if words}
        titled = {surname_key(run) for index, run, had_title in pending
                  if had_title or (speakers.get(index) == " ".join(run) and _speaks_alone(run)
                                   and self.names.place(run[-1]) is None
                                   and run[-1].lower() not in given)}
        if pending:  # (an honorific is no part of a run: "Mr. Wade", "Dr. Little")
            titled |= {m.group(1).lower() for m in _HONORIFIC.finditer(text)}
        counts = Counter(surname_key(run) for _, run, _ in pending)
        town_heads = {head.lower() for head in town_or_club_heads(text)}
        for index, run, _ in pending:
            last = surname_key(run)
            key = surnames.get(last)
            if key is None and len(run) == 1:
                key = alone.get(_given(last))  # "Maria said" after "Maria Lopez"
            if key is None and "place:" + last in drafts:
                key = "place:" + last  # "in Kelworth" after "KELWORTH, Md."
            if key is None and "org:" + last in drafts:
                key = "org:" + last  # "Quillfire said" after "Quillfire, the company,"
            if key is None and (last in titled or counts[last] >= 2) and \
                    _lower_case_uses(text, last) < counts[last] and not _abstract_noun(last) \
                    and not _function_word(last) and last not in PLACE_ENDS:
                # "President Biden", or a surname named twice: a person we know only by
                # surname (not a word the article writes in lower case as often: "Run",
                # "Medical", "They're" opening lines or written in capitals; not a word of
                # grammar)
                if len(run) == 1 and which_not_who(text, run[0]):
                    # "according to Tallyview, which compiles estimates": a business
                    key = "org:" + last
                    drafts.setdefault(key, _Draft(run[0], "organization"))
                elif _the_thing(text, run[-1]) or _run_together(run[-1]) or \
                        _numbered(text, run[-1]):
                    # "the Economist", "the Obamas", "BuzzFeed", "Ward 4": a name
                    key = "name:" + last
                    drafts.setdefault(key, _Draft(" ".join(run), "name"))
                elif self.names.written_as_town(text, run[-1]) or (
                        last in town_heads and last not in titled):
                    # "in Valemouth": a town; "Ashworth" after "Ashworth Town" or "Kelbrook
                    # Rovers" (the town, not the club)
                    key = "place:" + last
                    drafts.setdefault(key, _Draft(" ".join(run), "city"))
                elif last in titled or not _inflected_word(last) or \
                        last in self.names.first_names:  # (no verb, plural or comparison
                    # named twice with no title: "Posted", "Explain", "Days", "Higher")
                    key = surnames[last] = "person:" + last
                    drafts[key] = _Draft(" ".join(run), "person")
            if key is not None:
                draft = drafts[key]
                draft.mentions += 1
                draft.sentences.add(index)
                if draft.name.isupper() and not run[-1].isupper():
                    draft.name = " ".join(run)  # "Kelworth", not its dateline's "KELWORTH"

        _us_state_namesakes(drafts)
        self._speaking_acronyms(text, sentences, drafts, surnames, alone)
        roles: dict[str, Counter] = defaultdict(Counter)
        verbs: dict[str, Counter] = defaultdict(Counter)
        coloured: dict[str, set] = defaultdict(set)
        quoted_words: Counter = Counter()
        sourced: dict[str, list[int]] = defaultdict(list)
        nearby = _BusinessesNearby(text, sentences, drafts)

        def resolve(speaker: str, index: int) -> list[str]:
            """The actors a speaker names in sentence ``index``: "the company" is the business
            named last before it, else as ``_resolve_all`` reads it."""
            business = nearby(speaker, index)
            return [business] if business else self._resolve_all(speaker, drafts, surnames,
                                                                  alone)

        starts = [s.start for s in sentences]
        in_sentence: dict[int, list[Quote]] = defaultdict(list)
        for q in quotes:
            if q.is_speech and q.speaker and sentences:
                in_sentence[sentences[max(0, bisect_right(starts, q.start) - 1)].index].append(q)
        for s in sentences:
            if s.kind != "body" or not s.speaker or s.voice == "author":
                continue
            credited = dict.fromkeys(resolve(s.speaker, s.index), s.voice)
            # ... and a second speaker in a clause of their own: "Ana Ruiz said the plan was
            # good, but Tom Reyes said it was a waste", "The board said …; “It is a
            # disaster,” said Jane Holm" (not one reported inside another's words: "Ruiz
            # said Reyes had played down the threat")
            found = [a for a in attributions.get(s.index, ())
                     if a.speaker and not a.subordinate and a.cue != HEADLINE_CUE]
            for before, a in zip(found, found[1:]):
                if not (a.postposed or _CLAUSE_OF_ITS_OWN.search(text, before.end, a.start)):
                    continue
                voice = "quoted" if any(q.speaker == a.speaker
                                        for q in in_sentence[s.index]) else "attributed"
                for key in resolve(a.speaker, s.index):
                    credited.setdefault(key, voice)
            for key, voice in credited.items():
                roles[key][voice] += 1
                sourced[key].append(s.index)
        for index, found in attributions.items():
            for a in found:
                if a.subordinate or not a.speaker or a.cue == HEADLINE_CUE:
                    continue  # (a headline's colon is no verb of saying)
                for key in resolve(a.speaker, index):
                    verbs[key][text[a.start:a.end].lower()] += 1
                    if a.cue in connoted:
                        coloured[key].add(text[a.start:a.end].lower())
        for q in quotes:
            if not q.is_speech or not q.speaker:
                continue
            index = sentences[max(0, bisect_right(starts, q.start) - 1)].index if sentences else 0
            for key in resolve(q.speaker, index):
                quoted_words[key] += len(_WORD.findall(text[q.start:q.end]))

        by_sentence: dict[int, list[TermHit]] = defaultdict(list)
        for h in hits:
            if h.category in FLAGGED:
                by_sentence[h.sentence].append(h)
        actors = []
        own = set(_WORD.findall(outlet.lower()))
        for key, d in drafts.items():
            if d.mentions == 0 and not sourced[key]:
                continue
            if own and not key.startswith("place:") and set(
                    _WORD.findall(d.name.lower())) <= own:
                continue  # the outlet naming itself
            in_sentences = sorted(d.sentences)
            terms = tuple(h.surface for i in in_sentences for h in by_sentence.get(i, ()))
            tone_values = [tones[i] for i in in_sentences if i in tones]
            tone = round(sum(tone_values) / len(tone_values), 4) if tone_values else 0.0
            actors.append(Actor(
                name=d.name, kind=d.kind, country=d.country, mentions=d.mentions,
                quoted_sentences=roles[key]["quoted"],
                attributed_sentences=roles[key]["attributed"],
                quoted_words=quoted_words[key],
                attribution_verbs=tuple(verbs[key].most_common()),
                loaded_terms=terms, author_tone=tone, sentences=tuple(in_sentences),
                source_sentences=tuple(sourced[key]),
                loaded_verbs=tuple(sorted(coloured[key])),
            ))
        actors.sort(key=lambda a: (-a.mentions, a.name))
        return tuple(actors)

    # -- building actors from name runs

    def _add_run(self, run, index, drafts, surnames, pending, firsts, heading=False,
                 written=None) -> None:
        """Count the actor a run of capitalized words names; ``written`` is the run as the
        text writes it (possessives kept), which names places and organizations."""
        while len(run) > 2 and run[0].lower() in WEEKDAYS and (
                run[1].lower() in self.names.first_names or self.names.is_title_word(run[1])):
            # "On Monday Terry Holloway said …": the day is no part of the name (but "Sunday
            # Times", "Saturday Night Live" are names)
            run = run[1:]
        if len(run) >= 3 and run[1] == "of" and run[0].lower() in _PART_OF:
            run = run[2:]  # "Shares of Corvane Logistics fell": Corvane Logistics
            written = written[2:] if written else None
        if "of" in run[2:-1]:
            at = run.index("of", 2)
            head = self.names.strip_titles(run[:at])
            tail = [t.lower() for t in run[at + 1:]]
            body = any(t in COMPANY_WORDS or t in ORG_WORDS and t not in PLACE_WORDS
                       for t in tail)
            if len(head) >= 2 and (head[0].lower() in self.names.first_names or len(head) < at
                                   or body and len(head) <= 3 and not (
                                       everyday_word(head[0].lower())
                                       or self.names.place(head[0]))) \
                    and self.names.is_person(head):
                # "Dana Whitlow of Arizona", "Mara Quist of Harbor Lights Films", "Priyanka
                # Dhillon of Westerly Research": the person, and the place or organization
                # they are from (an affiliation is no person's name; a name no list knows
                # needs an organization's word after "of": not "Ardmore Chamber of Commerce")
                self._add_run(run[:at], index, drafts, surnames, pending, firsts, heading,
                              written[:at] if written else None)
                if body or self.names.place(" ".join(run[at + 1:])):
                    self._add_run(run[at + 1:], index, drafts, surnames, pending, firsts,
                                  heading,
                                  written[at + 1:] if written else None)
                return
        places = self._places(run)
        if places:
            for place in places:
                self._mention(drafts, _place_key(place.name), place.name, place.type,
                              place.country, index)
            return
        if len(run) >= 3 and run[1] == "of" and run[0].lower() in _FELLOWSHIPS:
            # "Friends of Dunwithy Lido", "Sons of the Harbour": a body named for its members
            name = " ".join(run)
            self._mention(drafts, "org:" + name.lower(), name, "organization", "", index)
            return
        if ("&" in run[1:-1] or "for" in run[1:-1]) and not heading:
            # a firm or a body: "Cascadia Power & Light", "Kelbrook Parents for Fair Schools"
            name = " ".join(run)
            self._mention(drafts, "org:" + name.lower(), name, "organization", "", index)
            return
        stripped = self.names.strip_titles(run)
        if stripped and len(stripped) < len(run) and all(
                name_key(t) in self.names.demonyms for t in run[:len(run) - len(stripped)]):
            last = stripped[-1].lower().strip(".")
            if last in ORG_WORDS or len(stripped) >= 2 and last in COMPANY_WORDS:
                stripped = run  # a people's word in a body's name: "British Medical Association"
            elif len(stripped) == 1 and everyday_word(last) and \
                    last not in self.names.first_names:
                # a people's word before a common noun is no person: a thing's name ("Korean
                # War", "French Revolution"), or people ("American Workers", "German Official")
                if not heading and usual_tag(last) == "NN" and last not in PRIVATE_PEOPLE \
                        and last not in _PEOPLE_NOUNS:
                    whole = " ".join(run)
                    self._mention(drafts, "name:" + whole.lower(), _as_written(
                        run, run, written) or whole, "name", "", index)
                return
        if len(stripped) < len(run) and stripped[-1].lower() in PLACE_WORDS and \
                not self.names.personal_title_before(run, len(run) - len(stripped)) and \
                self.names.place(" ".join(stripped)) is None:
            # a place's name, not a title: "King County", "Queen Anne County" (but "Mayor of
            # New York City" is New York City's)
            stripped = run
        elif len(stripped) == 1 < len(run) and stripped[0].lower() in ORG_WORDS and \
                self.names.place(run[0]) is not None:
            stripped = run  # a place's hospital or school: "Valemouth General Hospital"
        if not self.names.is_person(stripped):
            # "[Secretary of] State Dana Whitfield", "Dalton Police Lt. Col. Al Brenner"
            stripped = self.names.after_title_end(run) or self.names.person_in(run) or stripped
        else:  # the person after the last title: "[Weekly] Standard Editor Bill Kristol"
            person = self.names.person_in(run)
            if person and len(person) < len(stripped) and stripped[-len(person):] == person:
                stripped = person
        if not stripped or all(self.names.is_title_word(t) for t in stripped) or any(
                name_key(" ".join(run[k:])) in self.names.titles
                for k in range(len(run) - len(stripped) + 1)):
            # a title alone ("the Chief of Staff"), perhaps after the place whose it is
            # ("White House Chief of Staff": the White House)
            at = self._leading_place(run)
            place = self.names.place(" ".join(run[:at])) if at else None
            if place is not None and self.names.is_title_word(run[at]):
                self._mention(drafts, _place_key(place.name), place.name, place.type,
                              place.country, index)
            return
        if len(stripped) == 1 and len(stripped[0]) == 1:
            return  # a party's letter after a name, "(D)", or a lone initial: nobody
        name = " ".join(stripped)
        # a first name after a person's title: "Councilwoman Jo Park", "Dr. Ann Riverside"
        titled = (len(stripped) >= 2 and stripped[0].lower() in self.names.first_names
                  and self.names.personal_title_before(run, len(run) - len(stripped)))
        place = None if titled else self.names.place(name)
        if place is not None:
            self._mention(drafts, _place_key(place.name), place.name, place.type,
                          place.country, index)
            return
        if heading:  # (a headline's words are all capitalized: a full name there only says
            # who the story names first, "Donald Trump Mocks Rival", which runs on)
            for width in (2, 3):  # (any two or three words of it may be the name)
                for i in range(len(stripped) - width + 1):
                    firsts.setdefault("person:" + person_key(stripped[i:i + width]), index)
            key = "person:" + person_key(stripped) if len(stripped) >= 2 else ""
            key = key if key in drafts else surnames.get(surname_key(stripped))
            if key is not None:
                self._mention(drafts, key, name, "person", "", index)
            return
        lowered = [t.lower().strip(".") for t in stripped]
        shown = _as_written(stripped, run, written) or name
        # the last word decides: "Harbor City Transit Workers Union" is an organization,
        # "Union Station" a place
        business = len(lowered) >= 2 and (lowered[-1] in COMPANY_WORDS or (  # "Pellworth Homes"
            lowered[-1] in CLUB_WORDS and lowered[0] not in self.names.first_names))  # a club
        head_is_org = business or lowered[-1] in ORG_WORDS and lowered[-1] not in PLACE_WORDS
        if len(stripped) == 1 and lowered[0] in PLACE_WORDS and lowered[0] in surnames:
            # "Park said …" after "Councilwoman Jo Park": the person, not a park
            self._mention(drafts, surnames[lowered[0]], name, "person", "", index)
            return
        if not head_is_org and not titled and (any(w in PLACE_WORDS for w in lowered) or len(
                lowered) >= 2 and lowered[-1] in PLACE_ENDS):
            self._mention(drafts, "place:" + name.lower(), shown, "place", "", index)
            return
        if business or any(w in ORG_WORDS for w in lowered):
            person = self.names.person_after_words(stripped)
            if person and not any(w in ORG_WORDS for w in lowered[-len(person):]):
                # "Air Force Chief of Staff Dana Reyes", "Valemouth Police Chief Carmen
                # Holt": the person after the organization's words and a title
                self._add_run(person, index, drafts, surnames, pending, firsts)
                return
            self._mention(drafts, "org:" + name.lower(), shown, "organization", "", index)
            return
        if len(lowered) >= 2 and lowered[0] in STORM_WORDS:  # "Hurricane Irma": no person
            self._mention(drafts, "name:" + name.lower(), shown, "name", "", index)
            return  # (without a title before it, which words_not_a_person below would keep)
        if not self.names.is_person(stripped):
            return
        person = self.names.person_after_words(stripped)
        if person:  # "Poor George W Bush", "North Korea Mike Pence": the person alone
            head = stripped[:len(stripped) - len(person)]
            if self.names.place(" ".join(head)) is not None:  # and "Nato" of "Nato Jens
                self._add_run(head, index, drafts, surnames, pending, firsts)  # Stoltenberg"
            stripped, lowered = person, lowered[-len(person):]
            name = shown = " ".join(person)
        if len(stripped) == 1 or len(stripped) == 2 and is_generation(stripped[1]):
            pending.append((index, stripped, len(run) > 1))  # ("Trump", "Trump Jr.")
            return
        if self.names.words_not_a_person(run, stripped):
            # a law, an event, a street, a business: a name, with the words before it when
            # they are no office ("Republican National Convention", not "CEO of Pilot
            # Flying J")
            before = run[:len(run) - len(stripped)]
            if any(self.names.personal_title_before(before, i)
                   for i in range(1, len(before) + 1)):
                before = []
            whole = " ".join(before + stripped)
            self._mention(drafts, "name:" + whole.lower(), _as_written(
                before + stripped, run, written) or whole, "name", "", index)
            return
        if len(stripped) >= 2 and name_key(stripped[-1]) in self.names.demonyms:
            # "African Americans", "Sikh Americans", "Native American": a people, no person
            self._mention(drafts, "group:" + name.lower(), shown, "group", "", index)
            return
        if self._name_then_place(stripped, surnames):
            # "Roy Moore Facebook", "Obama FBI", "Northern California": a name (or a word)
            # and then a place or organization, each itself; not one person
            head = stripped[:-1]
            if head[-1] == "of" and len(head) > 2:  # "Producers Guild of America": a name
                self._mention(drafts, "name:" + name.lower(), name, "name", "", index)
                return
            head = head[:-1] if head[-1] == "of" else head  # "Assad of Syria": Assad, Syria
            if len(head) > 1 or not everyday_word(head[0].lower()) or \
                    head[0].lower() in surnames:  # (not "Rural", "Let", "Nazi")
                self._add_run(head, index, drafts, surnames, pending, firsts)
            self._add_run(stripped[-1:], index, drafts, surnames, pending, firsts)
            return
        place = self._place_then_words(stripped)
        if place:
            rest = stripped[place:]
            first = rest[0].lower()
            if len(rest) >= 2 and (first in self.names.first_names or not everyday_word(first)) \
                    and self.names.is_person(rest) or len(rest) == 1 and first in surnames:
                # "CNN Anderson Cooper", "Nato Jens Stoltenberg", "U.S. Trump": each
                self._add_run(stripped[:place], index, drafts, surnames, pending, firsts)
                self._add_run(rest, index, drafts, surnames, pending, firsts)
            elif len(rest) == 1 and first in DAYS_MONTHS:  # "in Washington Saturday"
                self._add_run(stripped[:place], index, drafts, surnames, pending, firsts)
            else:  # "Chicago Tribune", "Kyoto Protocol", "Seattle Seahawks"
                self._mention(drafts, "name:" + name.lower(), shown, "name", "", index)
            return
        trimmed = self._without_grammar(stripped)
        if len(trimmed) < len(stripped):
            # words of grammar open or close no person's name: "To Marxism", "Great Again",
            # "Apparently Billy", "Paul Anka Takes" (a headline's verb); one word left is
            # kept when it is a first name, a place, a surname named or no English word
            # ("Comey Thursday")
            one = trimmed[0].lower() if len(trimmed) == 1 else ""
            if len(trimmed) > 1 or one and (one in self.names.first_names or one in surnames
                                            or self.names.place(one) or not everyday_word(one)):
                self._add_run(trimmed, index, drafts, surnames, pending, firsts, heading)
            return
        joined = [i for i, t in enumerate(stripped) if _run_together(t)]
        if joined:  # a site, a brand, a hashtag: "DailyKos", "SiriusXM Patriot"
            i = joined[0]
            if len(joined) == 1 and i in (0, len(stripped) - 1) and len(stripped) > 2:
                # "Nate Silver FiveThirtyEight", "YouTuber Tim Pool": each
                self._mention(drafts, "name:" + stripped[i].lower(), stripped[i], "name", "",
                              index)
                self._add_run(stripped[1:] if i == 0 else stripped[:-1], index, drafts,
                              surnames, pending, firsts, heading)
            else:
                self._mention(drafts, "name:" + name.lower(), shown, "name", "", index)
            return
        if stripped[0].lower() not in self.names.first_names and all(
                t.isupper() for t in stripped if any(c.isalpha() for c in t)):
            # words in capitals that open with no first name, read as a person: a slogan, a
            # shouted line, an acronym and a title ("YOU'RE FIRED", "WILL NEVER LET", "NRA
            # CEO"), each word alone ("ANDREW ANGLIN" stays a person)
            for word in stripped:
                self._add_run([word], index, drafts, surnames, pending, firsts, heading)
            return
        cut = self._person_ends(stripped)
        if cut:  # "Dana Kelby Offers Advice", "Tom Brisk Orla Venn": a name, then more
            self._add_run(stripped[:cut], index, drafts, surnames, pending, firsts, heading)
            rest = stripped[cut:]
            if usual_tag(rest[0]) in _HEADLINE_VERB_TAGS:  # ("… Praises Orla Venn")
                rest = rest[1:]
            if len(rest) >= 2 and rest[0].lower() in self.names.first_names:
                self._add_run(rest, index, drafts, surnames, pending, firsts, heading)
            return
        # one person per full name: "Melania Trump" is not "Donald Trump"; the surname alone
        # ("Trump said") names the first of them
        key = "person:" + person_key(stripped)
        named = surnames.get(surname_key(stripped), "")
        if len(stripped) == 2 and key not in drafts and named in drafts and drafts[
                named].name.lower().endswith(" " + name.lower()):
            key = named  # a surname with its particle: "Al Dawsi" after "Karim Al Dawsi"
        surnames.setdefault(surname_key(stripped), key)
        firsts.setdefault(key, index)
        draft = self._mention(drafts, key, name, "person", "", index)
        if len(name) > len(draft.name):
            draft.name = name

    def _person_ends(self, words: list[str]) -> int:
        """Where a person's name of a first name and a surname ends inside a longer run, as
        title-case headlines run a name into a verb or into a second name ("Dana Kelby Offers
        Advice", "Tom Brisk Orla Venn"), or 0 (not "James Earl Ray", "Martin Luther King")."""
        if len(words) < 3 or words[0].lower() not in self.names.first_names:
            return 0
        for i in range(2, len(words)):
            word = words[i].lower()
            if usual_tag(word) in _HEADLINE_VERB_TAGS or (
                    i < len(words) - 1 and word in self.names.first_names
                    and not everyday_word(words[i + 1].lower())):
                return i if words[i - 1].lower() not in ("of", "de", "la", "van", "von") else 0
        return 0

    def _places(self, run: list[str]) -> list:
        """The gazetteer entities a run consists of, if it is nothing but places ("Ukraine
        Donbass" from "Ukraine’s Donbass region"); else an empty list."""
        found, i = [], 0
        while i < len(run):
            for width in range(len(run) - i, 0, -1):
                place = self.names.place(" ".join(run[i:i + width]))
                if place is not None:
                    found.append(place)
                    i += width
                    break
            else:
                return []
        return found

    @staticmethod
    def _mention(drafts, key, name, kind, country, index) -> _Draft:
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = _Draft(name, kind, country)
        elif draft.name.isupper() and not name.isupper():
            draft.name = name  # "Harbor City", not its dateline's "HARBOR CITY"
        draft.mentions += 1
        draft.sentences.add(index)
        return draft

    def _owner_then_person(self, runs):
        """The runs, each split after a possessive that a person's full name follows ("New
        York Magazine's Jon Chait", "CNN's Anderson Cooper"), or after a place's possessive
        that no organization's word follows ("Ukraine's Crimean", "Russia's General Staff";
        not "St. Anne's Hospital", "London's Daily Mail"); the owner is flagged."""
        for offset, written in runs:
            owner = possessive_at(written[:-1])
            rest = written[owner + 1:] if owner is not None else []
            plain = [trim_possessive(t) for t in rest]
            person = len(rest) >= 2 and rest[0].lower() in self.names.first_names and \
                self.names.is_person(plain)
            placed = rest and self.names.place(" ".join(
                trim_possessive(t) for t in written[:owner + 1])) is not None and \
                not has_org_word(plain)
            if person or placed:
                yield offset, written[:owner + 1], True
                yield offset, rest, False
            else:
                yield offset, written, False

    def _unknown_owner(self, run: list[str]) -> bool:
        """Whether the owner before a person ("Valemouth First" in "Valemouth First's Derek
        Collier") is no place, organization or person the names tell of: an organization."""
        lowered = [t.lower() for t in run]
        return not (self.names.place(" ".join(run)) or any(w in ORG_WORDS for w in lowered)
                    or len(run) == 1 or lowered[0] in self.names.first_names)

    def _name_then_place(self, name: list[str], surnames) -> bool:
        """Whether a run read as a person's name ends with a place or organization of the
        gazetteer after words that are not a person's given names: "Roy Moore Facebook",
        "ACLU Twitter", "Let America", "Assad of Syria". People stay whole: a first name,
        then initials or first names, then the surname ("Lloyd Austin", "Samuel L. Jackson",
        "Mary Kay Jordan"); a word that is nobody's surname here and no English word before
        a city ("Grover Cleveland"); a last word that only an acronym would make a place
        ("Kim Jong Un" is not the UN)."""
        last = name[-1]
        if len(name) < 2 or len(last) <= 3 and not last.isupper():
            return False
        place = self.names.place(last)
        if place is None:
            return False
        first_names = self.names.first_names
        if name[0].lower() in first_names and all(
                INITIAL.fullmatch(t) or t.lower() in first_names for t in name[1:-1]):
            return False
        return not (len(name) == 2 and place.type == "city" and name[0].lower() not in surnames
                    and not everyday_word(name[0].lower()))

    def _place_then_words(self, name: list[str]) -> int:
        """How many words of a run read as a person's name are a place or organization of the
        gazetteer that opens it (the longest; one that is no first name) and goes on with more
        than one word, or with an English word, a day, a month, an acronym or a plural (a
        team, a people): "Chicago Tribune", "Kyoto Protocol", "Washington Saturday", "CNN
        Anderson Cooper", "Los Angeles Rams"; else 0 ("Paris Hilton", "Asia Argento", "Jordan
        Beale" are people)."""
        if len(name) < 2 or name[0].lower() in self.names.first_names:
            return 0
        width = self._leading_place(name)
        if not width:
            return 0
        last = name[width].lower()
        return width if len(name) > width + 1 or everyday_word(last) or last in DAYS_MONTHS \
            or name[width].isupper() or len(last) > 3 and plural_form(last) else 0

    def _without_grammar(self, words: list[str]) -> list[str]:
        """``words`` without the days of the week that close them ("Roy Moore Friday"), the
        words of grammar that open or close them (numbers, which name things, and words of
        direction kept: "Phase Two", "North Shore"), and a closing verb in -s after a first
        name ("Paul Anka Takes"); a first name, or a word no word list knows, and one word
        after it are a name ("Oliver North", "Willie Soon")."""
        def grammar(word: str) -> bool:
            lower = word.lower()
            return _function_word(lower) and usual_tag(lower) not in ("CD", "UH") \
                and lower not in _DIRECTIONS and self.names.place(word) is None

        start, end = 0, len(words)
        while end > 1 and words[end - 1].lower() in WEEKDAYS:
            end -= 1  # "Roy Moore Friday": the day he did something
        while start < end and grammar(words[start]):
            start += 1  # (an interjection may be a name: "Ho Chi Minh")
        if end - start <= 2 and words[start:start + 1] and (
                words[start].lower() in self.names.first_names
                or not everyday_word(words[start].lower())):
            return words[start:end]
        named = bool(words[start:end]) and words[start].lower() in self.names.first_names
        while end > start and (grammar(words[end - 1]) or named and end - start > 2
                               and usual_tag(words[end - 1].lower()) == "VBZ"):
            end -= 1
        return words[start:end]

    def _storms_listed(self, text: str, offset: int, run: list[str], listed: tuple[str, int]):
        """The storms a run names after a plural storm word, with the storm word: ("Hurricane",
        ["Hurricane Kelda"]) for "Hurricanes Kelda", and for "Orwin" after it and "and"; None
        for any other run."""
        word, end = listed
        if word and len(run) == 1 and _LIST_GAP.fullmatch(text, end, offset):
            return word, [f"{word} {run[0]}"]
        word = storm_of(run[0]).capitalize() if len(run) >= 2 else ""
        if not word or not self._storm([word.lower(), run[-1].lower()]):
            return None
        return word, [f"{word} {' '.join(run[1:])}"]

    def _storm(self, words: list[str]) -> bool:
        """Whether a name's words (lower case) are a storm's and end with its given name:
        "hurricane irma", "tropical storm ana" (not "hurricane warning")."""
        return words[0] in STORM_WORDS and (words[-1] in self.names.first_names
                                             or not everyday_word(words[-1]))

    def _leading_place(self, words: list[str]) -> int:
        """How many words of the gazetteer's longest place or organization open ``words``,
        leaving one word at least after it ("Los Angeles" of "Los Angeles Rams"), or 0."""
        return next((k for k in range(len(words) - 1, 0, -1)
                     if self.names.place(" ".join(words[:k])) is not None), 0)

    def _full_name_has(self, surnames, word: str) -> str:
        """The key of the person named in full, with a first name we know, whose surname is
        ``word`` ("Lloyd Austin" for "Austin"), or ""."""
        key = surnames.get(word.lower(), "")
        words = _key_words(key, "person:")
        return key if len(words) >= 2 and words[0] in self.names.first_names else ""

    def _surname_speaking(self, run, s: Sentence, found, surnames) -> str:
        """The person a speaker names (the sentence's, or one of its attributions ``found``)
        when the speaker is one word that is both a place and the surname of a person named
        in full ("Austin told reporters" after "Lloyd Austin", "Jordan said" after "Jim
        Jordan"), else "" (the place)."""
        place = self.names.place(run[0]) if len(run) == 1 else None
        if getattr(place, "type", "") not in _GEOGRAPHIC or run[0] not in (
                s.speaker, *(a.speaker for a in found)):
            return ""  # (an organization speaks: "Facebook said" is the company)
        return self._full_name_has(surnames, run[0])

    def _described_as_body(self, text: str, offset: int, end: int, run: list[str],
                           surnames) -> bool:
        """Whether a run the gazetteer lacks is named as an organization by the trade before it
        ("cloud security firm Kestrel Shield", "the consultancy Ledgerline") or by the head noun
        of the appositive after it ("Quillfire, the workplace software company,", "Ledgerline,
        a consultancy,"); not a person's name (no first name opens it) nor a word named
        otherwise (one word alone is no surname named here, no title or day, and after a trade
        no English word: "the company Tuesday said", "the retailer Target")."""
        first = run[0].lower()
        if first in self.names.first_names or self.names.place(" ".join(run)) is not None:
            return False
        alone = len(run) == 1
        if alone and (surname_key(run) in surnames or self.names.is_title_word(run[0])
                      or first in DAYS_MONTHS):
            return False
        if _TRADE_BEFORE.search(text, max(0, offset - 16), offset):
            return not alone or not everyday_word(first)
        return _DESCRIBED_AS.match(text, end) is not None

    def _town_or_street(self, text, offset, run, written, index, drafts) -> bool:
        """Count a run the gazetteer lacks as a town when a state or a country follows it
        ("Ashton, Md.", "Kelby, Pennsylvania") and as a place when it ends with a street's or
        a locality's word after "on", "in", "the" … ("on Ashwater Close", "in Ashby Cross");
        whether it did."""
        lowered = [t.lower() for t in run]
        if self.names.place(" ".join(run)) is not None or self.names.is_title_word(run[0]) \
                or any(t in PLACE_WORDS or t in ORG_WORDS for t in lowered):
            return False  # (the gazetteer's; "Gov. Dana Whitfield, Texas"; "Lake County")
        end = offset + len(" ".join(written))
        if text[offset:end] == " ".join(written) and self.names.before_region(text, end) \
                and lowered[0] not in self.names.first_names \
                and text[max(0, offset - 4):offset].lower() != "the ":
            name = " ".join(run)
            self._mention(drafts, "place:" + name.lower(), name, "city", "", index)
            return True
        if street(text, offset, written):
            name = " ".join(run)  # (shown as written, but for a possessive at its end:
            shown = " ".join([*written[:-1], run[-1]])  # "Tanner's Lane")
            self._mention(drafts, "place:" + name.lower(), shown, "place", "", index)
            return True
        return False

    def _written_as_no_person(self, drafts, surnames, firsts, text, sentences) -> None:
        """Count as a place a would-be person the article writes as one and never as a
        source ("in Oakhurst Mills", "near New Kestrel": ``Names.written_as_place``), and as a
        name one it writes after "The" ("formed The Coldwater Three")."""
        said = {word for s in sentences if s.speaker and not _PLACE_IN_SPEAKER.search(
            s.speaker) for word in s.speaker.split()}  # (not "Residents in Lower Sedge")
        for key in [k for k in drafts if k.startswith("person:")]:
            draft = drafts[key]
            words = draft.name.split()
            if words[-1] in said:
                continue
            if self.names.titled_with_the(text, words):
                kind = "name"
            elif self.names.written_as_place(text, words):
                kind = "place"
            else:
                continue
            into = f"{kind}:{draft.name.lower()}"
            if into in drafts:
                _join(drafts, key, into)
            else:
                draft.kind = kind
                drafts[into] = drafts.pop(key)
            firsts.pop(key, None)
            for last in [last for last, named in surnames.items() if named == key]:
                del surnames[last]

    def _speaking_acronyms(self, text, sentences, drafts, surnames, alone) -> None:
        """Count as an organization an acronym that speaks and names no actor yet ("ESPN
        said", "the NAACP said"): no word list or gazetteer knows it, and it is no person's
        name, so no run counted it."""
        for s in sentences:
            if s.kind != "body" or s.voice == "author":
                continue
            word = s.speaker.removeprefix("the ")
            if not _ACRONYM.fullmatch(word) or usual_tag(word.lower()) is not None \
                    or word.lower() in _OFFICE_ACRONYMS \
                    or "org:" + word.lower() in drafts \
                    or self._resolve(word, drafts, surnames, alone) is not None:
                continue
            uses = [t for t in sentences if re.search(rf"\b{word}\b", text[t.start:t.end])]
            draft = drafts["org:" + word.lower()] = _Draft(word, "organization")
            draft.mentions = len(uses)
            draft.sentences = {t.index for t in uses}

    def _organizations_alone(self, drafts, text: str) -> dict[str, str]:
        """The first words that name one organization alone ("pellworth": "org:pellworth
        homes", "Brennick" after "Brennick Industrial Group"): a word no English word list,
        gazetteer or list of first names knows, which opens the name of one organization of
        this article and no other (its short forms aside), opens no place's name ("Las Vegas
        Police"), has no town's ending ("Valemouth's teachers" are not its teachers' union's)
        and which the article never writes as a place ("in Marlowe": "Marlowe High School"
        is the town's)."""
        heads: dict[str, list[str]] = defaultdict(list)
        for key in drafts:
            words = _key_words(key, "org:")
            if len(words) >= 2 and words[-1] not in CLUB_WORDS:  # ("Marlowe" alone is the
                heads[words[0]].append(key)                       # town, not Marlowe Rovers)
        # ("Harrowgate Savings" is short for "Harrowgate Savings Bank": one organization)
        whole = {head: max(keys, key=len) for head, keys in heads.items()}
        return {head: whole[head] for head, keys in heads.items()
                if all(whole[head].startswith(key + " ") or key == whole[head] for key in keys)
                and head.isalpha() and not everyday_word(head)
                and head not in self.names.first_names and self.names.place(head) is None
                and not town_ending(head) and not self._written_as_place(text, head)
                and self.names.place(" ".join(_key_words(whole[head], "org:")[:2])) is None}

    def _written_as_place(self, text: str, word: str) -> bool:
        """Whether ``text`` writes ``word`` (lower case) alone as a place's name: after
        "in", "at", "from" or "near" ("in Marlowe,"; not "at Marlowe High School"), after
        "city of" ("the city of Mesa"), or before a state or country ("Mesa, Arizona"); not a
        company's shares, stake or jobs ("shares in Quillmark", "the layoffs at Quillmark")."""
        return any(not _OWNED_IN.search(text, max(0, m.start() - 16), m.start()) for m in
                   re.finditer(rf"\b(?i:in|at|from|near|city of|town of)\s+(?i:{re.escape(word)})"
                               r"\b(?!['’\s]+[A-Z])", text)) \
            or self.names.written_as_town(text, word)

    def _first_names_alone(self, drafts, surnames) -> dict[str, str]:
        """The first names that name one person alone ("maria": "person:maria lopez"): a
        known first name that one person named in full has in this article (a nickname as
        the name it is short for) and nobody's surname ("Jordan" after "Michael Jordan")."""
        given: dict[str, list[str]] = defaultdict(list)
        for key in drafts:
            words = _key_words(key, "person:")
            if len(words) >= 2:
                given[words[0]].append(key)
        return {first: keys[0] for first, keys in given.items()
                if len(keys) == 1 and first in self.names.first_names and first not in surnames}

    def _resolve_all(self, speaker: str, drafts, surnames, alone=None) -> list[str]:
        """The actors a speaker string names: both of "the United States and Britain";
        ``alone``: the single words that name one actor (a first name, ``_first_names_alone``;
        the last word of a place's team or paper, "Cowboys")."""
        keys = []
        for part in re.split(r"\s+and\s+", speaker):
            key = self._resolve(part, drafts, surnames, alone) if part else None
            if key is not None and key not in keys:
                keys.append(key)
        if not keys:
            key = self._resolve(speaker, drafts, surnames, alone)
            keys = [key] if key is not None else []
        return keys

    def _resolve(self, speaker: str, drafts, surnames, alone=None) -> str | None:
        """The actor a speaker string names: "the Pentagon", "Putin", "Belarus officials"."""
        tokens = [trim_possessive(t) for t in speaker.replace("the ", " ").split()]
        noun = tokens[0].lower() if tokens else ""
        if noun in _REFERRED_NOUNS and alone and noun in alone and all(
                t in _FOR_IT for t in tokens[1:]):
            return alone[noun]  # "the union said", "Hospital officials said"
        last = tokens[-1].lower() if tokens else ""
        if alone and last in alone and (last in _REFERRED_NOUNS or last == "firm") and len(
                tokens) <= 3 and all(t.lower().endswith("-based") or name_key(t) in
                                     self.names.demonyms for t in tokens[:-1]):
            return alone[last]  # "the Chicago-based company", "the British firm"
        named = self.names.person_named(tokens) if self.names.people else ""
        if named and _lexicon_person(named) in drafts:
            return _lexicon_person(named)
        place = self.names.place(speaker)
        if len(tokens) == 1 and getattr(place, "type", "") in _GEOGRAPHIC \
                and self._full_name_has(surnames, tokens[0]):
            return surnames[tokens[0].lower()]  # "Austin said" after "Lloyd Austin"
        if place is not None and _place_key(place.name) in drafts:
            return _place_key(place.name)
        # a name ("Save Quarry Meadow said", "The Red Banner relief organization said"), not
        # one after a preposition ("locals in Kettle Hill say": the locals)
        before = next((i for i, t in enumerate(tokens) if t in _NAME_NOT_SPEAKING_AFTER),
                      len(tokens))
        if 1 <= before < len(tokens) - 1 and tokens[before] in ("for", "at", "of") and (
                tokens[before - 1].lower() in _SPEAKS_FOR_ITS):
            # "a spokesman for Cascadia Power & Light", "officials at Kelbrook Homes": the
            # organization they speak for (not a place's: "residents of Dunmore")
            key = self._resolve(" ".join(tokens[before + 1:]), drafts, surnames, alone)
            if key is not None and drafts[key].kind in ("organization", "institution"):
                return key
        for whole in ("name:", "org:"):  # "Producers Guild of America", "Chicago Tribune"
            for written in (" ".join(tokens).lower(), " ".join(tokens).lower().rstrip("."),
                            " ".join(tokens[:before]).lower() if before >= 2 else ""):
                if whole + written in drafts:  # (and "Cummins Inc." for "Cummins Inc"; "St
                    return whole + written   # Barnabas Church on Station Street")
        full = _full_form(" ".join(tokens).lower(), drafts)
        if full:  # "Harrowgate Savings said" for "Harrowgate Savings Bank"
            return full
        for width in range(before, 1, -1):
            for i in range(before - width + 1):
                named = "name:" + " ".join(tokens[i:i + width]).lower()
                if named in drafts:
                    return named
        named = "person:" + person_key(tokens) if len(tokens) >= 2 else ""
        if named in drafts:
            return named  # "Melania Trump", not the first Trump named
        if len(tokens) >= 2 and is_generation(tokens[-1]) and surname_key(tokens) in surnames:
            return surnames[surname_key(tokens)]  # "Trump Jr."
        if any(t in PRIVATE_PEOPLE for t in tokens[1:]):
            return None  # "one Marlowe man", "Ann Cole's father": not the person of that name
        if noun in ("a", "an", "another") and any(
                t in RELATED_TO for t in tokens[1:-1]) and not any(
                t.lower() in _SPEAKS_FOR_ITS for t in tokens[1:3]):
            return None  # "a friend of Ms Quill", "an aide to Ann Cole": someone unnamed
        for token in reversed(tokens):
            key = surnames.get(token.lower())
            if key is not None:
                return key
        if len(tokens) == 1 and alone and _given(tokens[0].lower()) in alone:
            return alone[_given(tokens[0].lower())]  # "Maria" after "Maria Lopez"
        for i, token in enumerate(tokens[:before]):  # "a Cummins spokesman" after "Cummins
            key = (alone or {}).get(token.lower(), "")  # Inc." (not "Carrow County officials")
            if key.startswith("org:") and token[:1].isupper() and (
                    token.lower() not in _REFERRED_NOUNS or _ends_with(tokens[:i + 1], key)):
                # (a common noun only at the end of the name: "the Kelbrook Nurses
                # Association" for "Nurses Association", not "Valemouth General Hospital"
                # for the article's other hospital)
                end = i + 1
                while end < len(tokens) and (tokens[end][:1].isupper() or tokens[end] == "&"):
                    end += 1  # (and a firm's "&": "a spokesman for Cascadia Power & Light")
                if end == i + 1 or [t.lower() for t in tokens[i:end]] == [
                        trim_possessive(w) for w in _key_words(key, "org:")]:
                    return key  # (or the organization's whole name: "Yale University's
                    # Child Study Center", written with its possessive)
        for token in tokens[:before]:  # a name of one word: "an InfoWars spokesman", "a
            for kind in ("name:", "org:"):  # Quillfire spokesperson"
                if kind + token.lower() in drafts and (kind == "name:" or token[:1].isupper()):
                    return kind + token.lower()
        if any(t.lower() in PRIVATE_PEOPLE for t in tokens):
            return None  # "one Marlowe man", "business owners in Paris": people, unnamed
        if any(self._people_of(tokens, i) for i in range(2, len(tokens))):
            return None  # "Shopkeepers in Carrow County": people there, unnamed
        for width in range(len(tokens), 0, -1):
            for i in range(len(tokens) - width + 1):
                place = self.names.place(" ".join(tokens[i:i + width]))
                if place is not None and _place_key(place.name) in drafts:
                    if place.type in _GEOGRAPHIC and self._one_office_holder(
                            tokens[i + width:]):
                        return None  # "the Oregon senator said": a person, unnamed
                    return _place_key(place.name)
        for width in range(len(tokens), 0, -1):
            # a town or an area the gazetteer lacks, as its places above: "Fenwick's finance
            # office", "officials in Dunmore", "officials in Tolland County"
            for i in range(len(tokens) - width + 1):
                words = tokens[i:i + width]
                town = drafts.get("place:" + " ".join(words).lower())
                if town is not None and words[0][:1].isupper() and (town.kind == "city" or (
                        town.kind == "place" and words[-1].lower() in _AREA_WORDS)):
                    return "place:" + " ".join(words).lower()
        return None

    def _people_of(self, tokens: list[str], i: int) -> bool:
        """Whether the capitalized word at ``i`` opens a place whose people speak, unnamed:
        after a plural noun and a preposition ("Shopkeepers in Carrow County", "farmers
        across Tolland"), not its office's ("Officials in Carrow County", "police in …",
        "authorities in …": the place speaks)."""
        noun, preposition = tokens[i - 2].lower(), tokens[i - 1]
        return (tokens[i][:1].isupper() and preposition in _NAME_NOT_SPEAKING_AFTER
                and noun.isalpha() and noun.endswith("s") and not noun.endswith("ss")
                and noun not in _FOR_IT and noun not in _SPEAKS_FOR_ITS
                and noun not in _OFFICES and not self._generic(noun)
                and not self._generic(noun[:-1]))

    def _generic(self, word: str) -> bool:
        """Whether a word is an organization's common noun ("police", "federation",
        "government"), no gazetteer's name ("Congress", "Pentagon")."""
        lowered = word.lower()
        return lowered in ORG_WORDS and everyday_word(lowered) and (
            self.names.place(word) is None) and not word.isupper()

    def _one_office_holder(self, words: list[str]) -> bool:
        """Whether the words after a place name one person by office or party: "(the
        Oregon) senator", "(the Idaho) Republican" (not "(Belarus) officials", who speak for
        the place)."""
        return len(words) == 1 and (words[0].lower() in _PARTY_MEMBERS or name_key(
            words[0]) in self.names.personal_titles)


# what names a business as where someone named or an analyst works: "Priyanka Dhillon of
# Westerly Research", "Harriet Osei, an analyst at Calder Wynne Securities"
_WORKS_AT = re.compile(
    r"(?:(?<![\w’'-])([A-Z][\w’'-]+),?|\b(?:analysts?|economists?|strategists?|researchers?|"
    r"fellows?|professors?|lecturers?|scientists?|experts?|consultants?))[ \t]+"
    r"(?:of|at|from|with)[ \t]+(?:the[ \t]+)?\Z")


class _BusinessesNearby:
    """The business a speaker such as "the company", "the carmaker" or "the Chicago-based
    lender" names: the one named last before it, in its sentence or up to three before
    (``None`` when none is, or two are named first in the same sentence). A business named
    only as where an analyst or someone named works counts when no other is named there:
    "the company" after "Quillfire said …. Priyanka Dhillon of Westerly Research wrote …" is
    Quillfire, the story's, not the firm of the analyst quoted on it."""

    def __init__(self, text: str, sentences, drafts) -> None:
        self.text = text
        self.sentences = {s.index: s for s in sentences}
        self.by_sentence: dict[int, list[str]] = defaultdict(list)
        for key, draft in drafts.items():
            words = _key_words(key, "org:")
            if words and draft.kind == "organization" and not (
                    set(words) & _NOT_BUSINESS or words[-1] in CLUB_WORDS):
                for index in draft.sentences:
                    self.by_sentence[index].append(key)
        self.drafts = drafts
        people = {d.name.split()[-1] for d in drafts.values() if d.kind == "person"}
        self.employers: dict[int, set[str]] = defaultdict(set)  # by sentence
        for index, keys in self.by_sentence.items():
            s = self.sentences.get(index)
            for key in keys if s is not None else ():
                if self._only_employer(s, drafts[key].name, people):
                    self.employers[index].add(key)

    def _only_employer(self, s, name: str, people: set[str]) -> bool:
        """Whether sentence ``s`` names the business ``name`` only as where someone of
        ``people`` (their surnames) or an analyst works."""
        found = [m.start() for m in re.finditer(re.escape(name), self.text[s.start:s.end])]
        for at in found:
            works = _WORKS_AT.search(self.text, max(s.start, s.start + at - 60), s.start + at)
            if works is None or works.group(1) is not None and works.group(1) not in people:
                return False
        return bool(found)

    def __call__(self, speaker: str, index: int) -> str | None:
        if not self.by_sentence or not _BUSINESS_SPEAKER.fullmatch(speaker):
            return None
        for passed in (self.employers, {}):  # (an employer named alone: the second time)
            for back in range(index, index - 4, -1):
                keys = [k for k in self.by_sentence.get(back, ()) if k not in passed.get(
                    back, ())]
                if keys:
                    return self._first_named(back, keys)
        return None

    def _first_named(self, index: int, keys: list[str]) -> str | None:
        """Of the businesses ``keys`` sentence ``index`` names, the one it names first."""
        if len(keys) == 1:
            return keys[0]
        s = self.sentences.get(index)
        if s is None:
            return None
        written = self.text[s.start:s.end].lower()
        at = {key: written.find(self.drafts[key].name.lower().split()[0]) for key in keys}
        first = sorted((offset, key) for key, offset in at.items() if offset >= 0)
        return first[0][1] if len(first) == 1 or (
            len(first) > 1 and first[0][0] < first[1][0]) else None


def _speaks_alone(run: list[str]) -> bool:
    """Whether a speaker of one word can be a source named by it alone: a word of letters, not
    a plural of English ("Spokespeople", "Retailers", "Vets")."""
    word = run[-1]
    lowered = word.lower()
    return word.replace("'", "").replace("’", "").replace("-", "").isalpha() and not (
        plural_form(lowered) and everyday_word(lowered[:-1]) or lowered.endswith("people"))


def _with_speakers_first_word(text: str, s: Sentence, runs: list, first_names: frozenset[str]):
    """The sentence's runs, with the word that opens the sentence put back when the sentence's
    speaker is that word and the first run ("Doreen Wells said …", "Terry Crews said …": a
    first name or no English word), or that word alone and a first name ("Maria said …"): the
    capitals rule alone leaves a sentence's first word out when it is written nowhere else."""
    first = NAME_TOKEN.match(text, s.start)
    if first is None or not first.group()[:1].isupper():
        return runs
    word = first.group()
    if not (word.istitle() and word.isalpha()
            and (word.lower() in first_names or not everyday_word(word))):
        # (not "Provost Samuel Adeyemi said", "CNN Don Lemon said", "Filmmaker Joel Gilbert")
        return runs
    offset, words = runs[0] if runs else (len(text), [])
    if offset == first.start():
        return runs
    if not text[first.end():offset].strip():  # the first run follows the word
        if s.speaker.split() == [word, *words] and (
                len(words) == 1 or words[0].lower() not in first_names):
            # ("Quillfen Systems Inc. said"; not "Filmmaker Joel Gilbert said")
            return [(first.start(), [word, *words]), *runs[1:]]
        return runs
    if s.speaker == word:  # "Maria said …", "Banksy said …" (a first name, or no English word)
        return [(first.start(), [word]), *runs]
    return runs


def _as_written(stripped: list[str], run: list[str], written: list[str] | None) -> str:
    """``stripped`` (the end of ``run``) as the text writes it, possessives kept: "St Anne's
    Hospital" for ["St", "Anne", "Hospital"]; "" when it is not the end of the run."""
    if not written or run[len(run) - len(stripped):] != stripped:
        return ""
    tokens = written[len(written) - len(stripped):]
    tokens[-1] = trim_possessive(tokens[-1])  # "the Union's leaders": the Union
    return " ".join(tokens)  # (a point after "St" is not among the tokens: "St Anne's")


def _place_key(name: str) -> str:
    return "place:" + name.lower()


def author_tone(sentiment_words, author_text: str) -> float:
    """TextBlob polarity of the author's words of a sentence (quotations already masked)."""
    words = [w.lower() for w in _WORD.findall(author_text)]
    return sentiment_words(words)[0] if words else 0.0


# countries that share their name with a state of the United States
_US_STATE_NAMESAKES = frozenset({"georgia"})
# places of the United States that international news names as often ("Washington said")
_US_WORLD_PLACES = frozenset({"place:washington", "place:new york"})


def _us_state_namesakes(drafts: dict) -> None:
    """"Georgia" is the U.S. state, not the country, in an article that names other cities or
    states of the United States ("Atlanta", "Texas"; not Washington or New York, which world
    news names too), none of the country's ("Tbilisi"), and no other country in a sentence
    with it ("Ukraine and Georgia")."""
    for name in _US_STATE_NAMESAKES:
        key = "place:" + name
        draft = drafts.get(key)
        if draft is None or draft.country == "United States":
            continue
        places = {k: d for k, d in drafts.items() if k.startswith("place:") and k != key}
        american = any(d.kind in ("city", "region") and d.country == "United States"
                       and k not in _US_WORLD_PLACES for k, d in places.items())
        its_own = any(d.country == draft.country for d in places.values())
        abroad = any(d.kind == "country" and d.country != "United States"
                     and d.sentences & draft.sentences for d in places.values())
        if american and not its_own and not abroad:
            draft.kind, draft.country = "region", "United States"


_NOUN_ENDINGS = ("ism", "isms", "ists", "ness", "tion", "tions", "ment", "ments", "ians", "ics",
                 "ency", "ancy")


# Faiths, their books, peoples and movements written with a capital, which name no one person
_FAITHS_AND_PEOPLES = frozenset(
    """islam sharia koran quran torah bible allah christianity judaism hinduism buddhism sikhism
    muslim muslims christian christians jew jews jewish hindu hindus sikh sikhs catholic catholics
    protestant protestants evangelical evangelicals mormon mormons nazi nazis confederate
    confederates marxist marxists leftist leftists antifa black blacks white whites negro
    latino latinos latina latinas hispanic hispanics yazidi yazidis kurd kurds internet earth
    obamacare christmas easter ramadan hanukkah thanksgiving celsius fahrenheit""".split())


def _abstract_noun(word: str) -> bool:
    """Whether a lone capitalized word has the form of an idea, a group or a quality rather
    than a surname: "Populism", "Islamists", "Darkness", "Californians", "Christianity" (but
    "Hannity", no English word, is a surname), or is a faith, a people or a movement ("Islam",
    "Nazis", "Antifa")."""
    return len(word) >= 6 and word.endswith(_NOUN_ENDINGS) or (
        word.endswith("ity") and everyday_word(word)) or word.lower() in _FAITHS_AND_PEOPLES


# Words of direction that open places and peoples ("North Shore", "Inland Empire"), though the
# tagger reads some as adverbs.
_DIRECTIONS = frozenset("""north south east west northeast northwest southeast southwest inland
    downtown uptown midtown upstate downstate overseas""".split())
# the tagger's tags of words no surname is known by alone: adverbs, numbers, pronouns,
# determiners, prepositions, conjunctions, interjections, verbs of the present ("Perhaps",
# "Instead", "Five", "Hers", "Both", "Near"; not modals: "May" is Theresa May)
_FUNCTION_TAGS = frozenset("RB RBR RBS CD PRP PRP$ DT PDT EX IN CC TO UH WDT WP WP$ WRB VBP"
                           .split())
_CONTRACTION = re.compile(r"[’'](?:t|re|ve|ll|d|m)$")


# the tagger's tags of words a surname named with no title is not, though they open lines and
# title-case links: verbs ("Posted", "Explain", "Introducing"), plural nouns ("Days"),
# adjectives and comparisons ("Smart", "Higher")
_INFLECTED_TAGS = frozenset("VB VBD VBN VBG NNS JJ JJR JJS".split())


def _inflected_word(word: str) -> bool:
    """Whether a lone capitalized word is a verb, a plural noun, an adjective or a comparison
    the tagger knows as nothing else ("Posted", "Let", "Days", "Smart", "Higher"; not "Bush",
    "Price")."""
    return usual_tag(word) in _INFLECTED_TAGS


def _function_word(word: str) -> bool:
    """Whether a lone capitalized word is a word of the language's grammar rather than a
    surname: an adverb, a number, a pronoun… or a contraction ("Don't", "We're")."""
    return usual_tag(word) in _FUNCTION_TAGS or bool(_CONTRACTION.search(word))


_NEXT_LOWER = re.compile(r"[ \t]+([a-z]+)")


def _the_thing(text: str, word: str) -> bool:
    """Whether the article writes ``word`` after "the" each time, and not each time before a
    noun it qualifies: a publication, a family, a people, a show ("the Economist reported",
    "the Obamas", "the Founders", "the Apprentice"), not a person ("the Trump administration");
    or each time before a part's or a product's noun ("the Helix unit")."""
    if not any(f"{the} {word}" in text for the in ("the", "The", "THE", "’s", "'s", "its")):
        return False  # (most names: no scan)
    uses = list(re.finditer(rf"(?<![\w’'-]){re.escape(word)}(?![\w-])", text))
    after = [_NEXT_LOWER.match(text, m.end()) for m in uses]
    if uses and all(a is not None for a in after) and any(
            a.group(1) in _PART_NOUNS for a in after):
        return True  # a part or product's name: "the company's Helix unit", "its Helix data
        # business", "the Orbit app" (each time before a noun, one a part's)
    if not uses or any(text[max(0, m.start() - 4):m.start()].lower() != "the " for m in uses):
        return False
    qualifies = [a is not None and usual_tag(a.group(1)) in ("NN", "NNS") for a in after]
    return not all(qualifies)


# the nouns a unit's, a product's or a programme's name goes before ("the Helix unit"), where a
# person's would go before "administration", "campaign" or "family"
_PART_NOUNS = frozenset("""unit units division brand line program programme project system
    platform app model series product plant site device chip team""".split())


def _numbered(text: str, word: str) -> bool:
    """Whether the article writes ``word`` before or after a number each time: a ward, a
    route, a mission, a show ("Ward 4", "Route 9", "Apollo 11", "60 Minutes"), no person."""
    at, used = text.find(word), False
    while at >= 0:  # (str.find: most words fail at their first use)
        end = at + len(word)
        if not (at and _WORDLIKE.match(text[at - 1]) or _WORDLIKE.match(text[end:end + 1])):
            if not (NUMBER_AFTER.match(text, end)
                    or _NUMBER_BEFORE.search(text, max(0, at - 3), at)):
                return False
            used = True
        at = text.find(word, end)
    return used


# the word before "in" or "at" and a company's name, not a place's: "shares in Quillmark", "a
# second round of layoffs at Quillmark", "an analyst at Brightwater"
_OWNED_IN = re.compile(r"\b(?:shares|stakes?|holdings?|investments?|investors|jobs|layoffs|cuts|"
                       r"round|employees|workers|staff|executives?|analysts?|engineers?)\s+\Z",
                       re.IGNORECASE)
# the members a body of "… of" is named for: "Friends of Dunwithy Lido"
# Words that open a sentence before "of" and a name, and are no part of it: "Shares of
# Corvane Logistics fell", "Thousands of Wexmoor fans", "Most of Kelby"
_PART_OF = frozenset("""shares stock stocks residents members supporters fans thousands
    hundreds dozens millions customers employees workers staff parts most many some all none
    each both much citizens voters users owners investors""".split())
_FELLOWSHIPS = frozenset(
    "friends sons daughters sisters brothers mothers fathers knights veterans keepers".split())
# a speaker who is people somewhere: "Residents in Lower Sedge", "parents at Kelby Primary"
_PLACE_IN_SPEAKER = re.compile(r"\b(?:in|at|from|near|of|on)\s+[A-Z]")
# an honorific and the word after it
_HONORIFIC = re.compile(r"(?<![\w.’'-])(?:Mr|Mrs|Ms|Mx|Dr|Miss)\.?[ \t]+([A-Z][\w’'-]*)")
# the tagger's tags of the verbs and adverbs a headline runs a name into ("Offers", "Helped",
# "Almost"); a surname is known by none of them
_HEADLINE_VERB_TAGS = frozenset("VBZ VBD VBN RB".split())
# nouns for a person that a people's word may go before ("a German official")
_PEOPLE_NOUNS = frozenset("official boy girl child citizen soldier worker leader".split())
# between the names of a list: "Kelda, Tiro and Orwin"
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# an organization's acronym as a speaker's whole name ("ESPN", "NAACP"; two letters are as
# often a person's initials: "MJ"), and the acronyms of a person's office
_ACRONYM = re.compile(r"[A-Z]{3,6}")
_OFFICE_ACRONYMS = frozenset("potus flotus vpotus ceo cfo coo".split())
_WORDLIKE = re.compile(r"[\w’'-]")
_NUMBER_BEFORE = re.compile(r"\d\s{1,2}\Z")
_RUN_TOGETHER = re.compile(r"[A-Z][a-z]{2,}[A-Z]\w*")


def _run_together(word: str) -> bool:
    """Whether a word runs words together as sites, brands and hashtags do ("BuzzFeed",
    "DailyKos", "WikiLeaks"), not as surnames do ("McCain", "DeRay", "LeBron", "MacArthur")."""
    return bool(_RUN_TOGETHER.fullmatch(word)) and not word.lower().startswith(("mac", "fitz"))


def _lower_case_uses(text: str, word: str) -> int:
    """How often ``text`` writes ``word`` in lower case as a word of its own (not inside a
    web address, a hashtag or a hyphenated compound: "pro-trump-america")."""
    if not word.islower() or word not in text:  # (most names never are: no scan)
        return 0
    return len(re.findall(rf"(?<![\w’'/.#@-]){re.escape(word)}(?![\w’'/-])", text))


def _after_preposition(text: str, start: int, offset: int) -> bool:
    """Whether the word before ``offset`` (within its sentence, from ``start``) is a
    preposition a place follows: "in Austin", "from Jordan"."""
    before = _WORD.findall(text, start, offset)
    return bool(before) and before[-1].lower() in _NAME_NOT_SPEAKING_AFTER


# What a company's full name adds to its short one: "Harrowgate Savings [Bank]", "Cummins [Inc]"
_LEGAL_ENDINGS = frozenset(
    "bank inc corp corporation co company ltd llc plc group holdings".split())
# the last words of a business's name: "Brennick Foods Inc.", "Harrow Holdings" (not a bank's,
# which may be a food bank's or the World Bank's)
_BUSINESS_ENDS = _LEGAL_ENDINGS - {"bank"}


def _join(drafts, key: str, into: str) -> None:
    """Count the actor ``key`` as the actor ``into``: its mentions and sentences."""
    joined = drafts.pop(key)
    drafts[into].mentions += joined.mentions
    drafts[into].sentences |= joined.sentences


def _full_form(short: str, drafts, owned: bool = False) -> str:
    """The key of the organization whose full name is ``short`` and a company's ending, or
    "" (``owned``: or ``short``'s and one word of an organization, "St Aldric's Hospital" for
    the organization "St Aldric")."""
    for key in drafts:
        if key.startswith("org:" + short + " ") and all(
                w.strip(".") in _LEGAL_ENDINGS or w in COMPANY_WORDS
                for w in key[len(short) + 5:].split()):
            return key  # (and its trade: "Lantern Point" for "Lantern Point Developments")
        rest = key[len(short) + 5:]
        if owned and key.startswith("org:" + short + " ") and rest in ORG_WORDS and \
                drafts[key].name.lower().replace("’", "'").startswith(short + "'s "):
            return key  # (the key drops the possessive: "org:st aldric hospital")
    return ""


def _short_forms_joined(drafts) -> None:
    """Count an organization's short name with its full one when the full name only adds a
    company's ending ("Harrowgate Savings" with "Harrowgate Savings Bank"; not "Valemouth
    University" with "Valemouth University Student Union"), or is the short name's hospital,
    church, school … ("St Aldric's" with "St Aldric's Hospital")."""
    for short in sorted((k for k in drafts if k.startswith(("org:", "name:"))), key=len):
        full = _full_form(short.split(":", 1)[1], drafts, owned=True)
        if full:
            _join(drafts, short, full)


def _places_not_people(drafts, surnames, firsts) -> None:
    """Count a would-be person or name as the town or street the article names the same way
    elsewhere ("Ashby Cross said …" after "in Ashby Cross"); a surname alone no longer
    names it."""
    for key in [k for k in drafts if k.startswith(("person:", "name:"))]:
        place = "place:" + drafts[key].name.lower()
        if place not in drafts or drafts[place].kind not in ("city", "place"):
            continue
        _join(drafts, key, place)
        firsts.pop(key, None)
        for last in [last for last, named in surnames.items() if named == key]:
            del surnames[last]


def _lexicon_person(name: str) -> str:
    """The key of a person a lexicon names ("person:alexandria ocasio-cortez"), the key their
    full name has when the rules read it."""
    tokens = name.split()
    return "person:" + (person_key(tokens) if len(tokens) >= 2 else surname_key(tokens))


def _key_words(key: str, kind: str) -> list[str]:
    """The words of an actor's key of ``kind`` ("person:" gives ["maria", "lopez"] for
    "person:maria lopez"), or [] for a key of another kind."""
    return key.removeprefix(kind).split(" ") if key.startswith(kind) else []


# The common nouns an article calls an organization by once it has named it: "the union"
# (the Harbor City Transit Workers Union), "the hospital", "the federation", and a paper's
# last word ("the Times" for the New York Times).
_REFERRED_NOUNS = frozenset(
    """union federation council authority association hospital university college school bank
    company committee commission board trust foundation agency institute clinic church
    museum gallery library league coalition campaign alliance society club network county
    times post journal herald tribune gazette chronicle telegraph sentinel government police
    army navy ministry department""".split())



def _ends_with(tokens: list[str], key: str) -> bool:
    """Whether ``tokens`` end with the words of the organization's ``key``."""
    words = _key_words(key, "org:")
    return [trim_possessive(t).lower() for t in tokens[-len(words):]] == words


def _common_nouns(drafts) -> dict[str, str]:
    """The common nouns (``_REFERRED_NOUNS``) that name one organization of the article alone:
    the last word of one organization's name of several words, and of no other's."""
    ends: dict[str, list[str]] = defaultdict(list)
    for key, draft in drafts.items():
        words = key.split(":", 1)[1].split(" ")
        if len(words) >= 2 and words[-1] in _REFERRED_NOUNS and draft.kind in (
                "organization", "institution", "name", "group", "place"):
            ends[words[-1]].append(key)
        if len(words) >= 2 and draft.kind == "organization" and (
                words[-1] in _BUSINESS_ENDS or words[-1] in COMPANY_WORDS):
            ends["company"].append(key)  # "the company", "the firm": the one business
    found = {noun: keys[0] for noun, keys in ends.items() if len(set(keys)) == 1}
    if "company" in found:
        found["firm"] = found["company"]
    return found


def _nouns_joined(drafts, text: str, common: dict[str, str]) -> None:
    """Count an organization's common noun written alone with a capital ("Federation
    president Alicia Romero", "the Council voted", "County health officer") as the one
    organization of the article whose name ends so (``common``), when the text writes it
    nowhere as part of another name ("Democrat Party", "Council on Foreign Relations")."""
    for noun, key in common.items():
        for short in ("org:" + noun, "place:" + noun):
            if short in drafts and short != key and _alone_as_short(
                    text, noun, drafts[key].name):
                _join(drafts, short, key)


_NAME_GOES_ON = re.compile(r"[ \t]+(?:of|on|for)[ \t]+[A-Z]")
# what may come before a short name: a sentence's start, "the", "a" (its first word has none)
_BEFORE_SHORT = re.compile(r"(?:\A|[.!?:;\n\"“”‘’(]|\b(?:[Tt]he|[Aa]n?))[ \t]*\Z")


def _alone_as_short(text: str, noun: str, full: str) -> bool:
    """Whether every ``noun`` written with a capital in ``text`` is ``full`` (the name of the
    organization it ends), or opens a sentence or follows "the" or "a" and no name goes on
    after it ("Council on …")."""
    ending = len(full)
    for m in re.finditer(rf"\b{noun[0].upper()}(?i:{noun[1:]})\b", text):
        if text[max(0, m.end() - ending):m.end()].lower() == full.lower():
            continue  # the name in full
        if _NAME_GOES_ON.match(text, m.end()) or not _BEFORE_SHORT.search(
                text, max(0, m.start() - 8), m.start()):
            return False  # ("Federation of State, County and Municipal Employees")
    return True


def _given(word: str) -> str:
    """A lone first name as a person's key has it: a nickname as the name it is short for."""
    word = word.strip(".")
    return nicknames().get(word, word)
