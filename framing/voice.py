"""Whose voice each sentence carries: the author's, reported speech, or a direct quotation.

Quotations are found over the whole text, so a quote that runs across sentences or
paragraphs keeps its speaker. Attributions are found from verbs of saying (the
``attribution_verb`` and ``neutral_attribution`` lexicon categories) and "according to",
with the speaker read off the words around them. A short quoted term in the author's own
sentence that nobody is credited with (Russian “volunteers”) is a scare quote, not a
quotation: it stays the author's voice and becomes a ``scare_quote`` term hit.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from .boilerplate import is_link_line
from .lexicon import (
    TOKEN,
    Entry,
    Lexicon,
    tag_in_context,
    tagger_lexicon,
    tokens,
    verb_in_s,
)
from .names import (
    BODY_WORDS,
    BUSINESS_TRADES,
    CLUB_WORDS,
    COMPANY_WORDS,
    DAYS_MONTHS,
    OUTLET_WORDS,
    PLURAL_PEOPLE,
    REPRESENTATIVES,
    STATE,
    NameRuns,
    Names,
    name_key,
    past_participle,
    plural_form,
    usual_tag,
)
from .posts import find_posts
from .report import Quote, Sentence, TermHit
from .segment import DATELINE
from .turns import find_turns

SPEECH_CATEGORIES = frozenset({"attribution_verb", "neutral_attribution"})

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
STRAIGHT_DOUBLE = '"'
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
STRAIGHT_SINGLE = "'"

# A sentence is "quoted" when at least this share of its letters lie inside quotation marks.
QUOTED_SHARE = 0.5
# A quotation of at most this many words, in a sentence nobody is credited with, is a
# candidate scare quote rather than a quotation.
SCARE_MAX_WORDS = 4

SCARE_EXPLANATION = (
    "Quotation marks around a single term, credited to no one, distance the writer from "
    "the word and can signal doubt or mockery."
)

_SKIP_BEFORE_VERB = frozenset(
    """has have had is was were are be been being will would could may might shall should can
    also later then repeatedly previously again publicly privately often long already
    recently earlier reportedly once still even not never only just first initially
    subsequently flatly firmly bluntly angrily quietly openly explicitly strongly further
    falsely correctly wrongly rightly routinely frequently separately jointly herself
    himself themselves itself did does do twice together however though meanwhile too
    instead nonetheless nevertheless now currently always thus""".split()
)
# The adverbs of that list: they may stand between a subject and a bare verb of saying.
_ADVERBS_BEFORE_VERB = _SKIP_BEFORE_VERB - frozenset(
    """has have had is was were are be been being will would could may might shall should can
    did does do herself himself themselves itself""".split())
_DETERMINERS = frozenset(
    """the a an his her their its this that these those such any no our my your s""".split()
)
_PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "thing", "we": "any",
             "i": "any"}
_CLAUSE_WORDS = frozenset(
    """that which who whom whose when while as if because but and or so since although though
    whereas after before until unless where what how why whether""".split()
)
# Nobody in particular: "anyone who says so", "those who claim otherwise".
_ANYONE = frozenset("anyone anybody everyone everybody someone somebody those whoever".split())
# Subordinators that also head a phrase ("Before the meeting, he insisted …").
_ALSO_PREPOSITIONS = frozenset(("before", "after", "since", "despite", "until"))
_SUBORDINATORS = (
    "while", "although", "though", "even though", "even as", "whereas", "despite", "if",
    "unless", "as", "since", "because", "when", "after", "before",
)
# Words shortly before a short quotation that say it holds someone's words or names a term:
# "called the plan", "in the office's words", "the slogan", "rated", "known as".
_MENTION_CUES = frozenset(
    """called calls calling call dubbed dubs termed terms described describes branded labeled
    labelled labels comments comment remarks remark words word phrase phrases term promise
    promised pledge vow vowed warning warnings talk smear smears slogan slogans chant chants
    chanted chanting nickname nicknamed motto hashtag rated marked designated define defines
    defined reference wording expression catchphrase titled named entitled""".split()
)
# Verbs that name a button, a menu item or an option of a program or a site: a quoted word
# after them is its label, not the writer's distance ("Select “Search by agent”").
_INTERFACE_CUES = frozenset("select click tap choose press type enter".split())
# Another name in brackets: "left-handed (or “southpaws”)", "(aka “…”)".
_GLOSS = re.compile(r"\((?:or|aka|a\.k\.a\.)\s*$", re.IGNORECASE)
# How far back a mention cue may stand: "calling state Rep. Ada Kurtz (D) a “…”".
_MENTION_REACH = 8
# Words right after a short quotation that make it the name of a grade, a category or a
# phrase someone used: a “fair” rating, the “battleground” column, “…”, a phrase so vague.
_CATEGORY_NOUNS = frozenset(
    """rating ratings grade label designation category column classification status phrase
    term word expression vote votes""".split()
)
_OBJECT_ARTICLES = frozenset("the a an his her its their".split())
_CLAUSE_VERBS = frozenset("is was are were has had have will would could should might".split())
# Words before a number that keep it a quantity: "more than 2%", "another 300", "nearly 40".
_QUANTITY_OPENERS = frozenset(
    "more less fewer than another about around over nearly almost roughly some just".split())


# Verbs after which "to" and a verb of saying report it: "continues to insist that …".
_GO_ON = frozenset("""continue continues continued continuing begin begins began begun start
    starts started used""".split())


def _goes_on(lowered: list[str], k: int) -> bool:
    """Whether the "to" before the verb at ``k`` follows a verb of going on ("continues to
    insist", "went on to say"), after which the verb reports."""
    before = lowered[k - 2] if k >= 2 else ""
    return before in _GO_ON or (before == "on" and k >= 3 and lowered[k - 3] in (
        "went", "goes", "go", "going"))


# Words of a source's description that take "to": "a source close to the talks", "officials
# loyal to the president"
_TO_ADJECTIVES = frozenset(
    "close closer closest near loyal friendly sympathetic opposed connected linked allied "
    "hostile".split())
# Auxiliaries of what did not happen or ought to: "could have asked", "should be asking".
_UNREAL = frozenset("could would should might must ought".split())
_PARTICIPLE_ONLY = re.compile(r"[a-z]+(?:ed|en)")
# Punctuation between two words that ends a clause or a name: a comma, semicolon, colon,
# bracket, quotation mark or dash (`_BREAK_OR_DASH` also a dash typed as "--" or " - ";
# `_BREAK_NOT_COMMA` for walks that step over commas on their own).
_BREAK = re.compile(r"[,;:()“”\"—–]")
# a name set off by a comma after a role, ending its clause: "the firm's lawyer, Ada Pike."
_APPOSITIVE_NAME = re.compile(r",\s*((?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w’'-]*)\s*(?=[,.;!?]|$)")
_BREAK_OR_DASH = re.compile(r"[,;:()“”\"—–]|--|\s-\s")
_BREAK_NOT_COMMA = re.compile(r"[;:()“”\"—–]")
_DASH = re.compile(r"[—–]|--|\s-\s")


def _unreal(lowered: list[str], text: str, words, k: int) -> bool:
    """Whether the verb at ``k`` is a counterfactual or a prescription: after "could have",
    "would have", "should be" (adverbs between allowed), or joined by "and" to a verb that is
    ("would have cut its staff first and asked")."""
    j = k - 1
    while j > 0 and (lowered[j] in _ADVERBS_BEFORE_VERB or _adverb(lowered[j])):
        j -= 1
    if j >= 1 and ((lowered[j] == "have" and lowered[j - 1] in _UNREAL) or (
            lowered[j] == "be" and lowered[j - 1] in _PRESCRIPTIVE)) and not _BREAK.search(
                text[words[j][1]:words[k][0]]):
        return True  # (not a quotation's end: "“… where the money should be,” said …")
    if j >= 0 and lowered[j] in ("and", "or"):
        for i in range(j - 1, max(0, j - 10), -1):
            if _BREAK.search(text[words[i][1]:words[i + 1][0]]):
                return False
            if lowered[i] == "have" and lowered[i - 1] in _UNREAL:
                return True
    return False


def takes_a_thing(entry: Entry, following: list[str]) -> bool:
    """Whether a verb of saying takes an object that is not speech, by its lexicon row's
    ``thing_objects``: "claimed victory", "claimed responsibility for the blast", "has claimed
    14,000 lives", "claimed the title", "added fuel" (``following``: the lowercased words after
    the verb). After a verb that takes a clause, a clause after the object is what was said:
    "claimed the victory was stolen"."""
    objects = entry.thing_objects
    if not objects or not following:
        return False
    if "#" in objects:
        # a quantity: "has claimed 14,000 lives", "added more than 2%", "added two more
        # goals"; not the subject of a clause ("added 300 people had been evacuated")
        n = 0
        while n < 2 and following[n:n + 1] and following[n] in _QUANTITY_OPENERS:
            n += 1
        if following[n:n + 1] and (following[n][:1].isdigit() or following[n] in _NUMBERS):
            return not (entry.complement == "clause" and any(
                w in _CLAUSE_VERBS for w in following[n + 1:n + 5]))
    k = 1 if following[0] in _OBJECT_ARTICLES and len(following) > 1 else 0
    if entry.complement == "clause" and following[k + 1:k + 2] and (
            following[k + 1] in _CLAUSE_VERBS):
        return False
    return following[k] in objects


def modifies_a_noun(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """Whether the verb-of-saying participle at token ``i`` (lowercased tokens with offsets)
    follows a determiner or a possessive, so that it modifies a noun and reports no speech:
    "his alleged role", "the leaked memo", "Kim's claimed savings". Not after "that", a
    relative pronoun as often as a determiner ("a post that claimed …"), and not a form in
    -ing, whose judgment stays ("a mocking riff")."""
    return (i > 0 and toks[i][2].endswith("ed") and toks[i - 1][2] in _DETERMINERS
            and toks[i - 1][2] != "that"
            and not any(c in text[toks[i - 1][1]:toks[i][0]] for c in ",;:\"“”"))


# Verbs of saying that also give a thing its name: "a box labeled “fragile,”".
_NAMING = frozenset({"label", "dub", "brand"})


def names_a_thing(text: str, toks: list[tuple[int, int, str]], i: int, lemma: str) -> bool:
    """Whether the participle at token ``i`` names a thing rather than reports a judgment:
    right after a common noun, then a name or a quotation that ends its phrase ("in a box
    labeled “receipts,” the clerk …", "a march dubbed “The Long Walk”"); not "… dubbed
    “the cuts bill” by critics", where someone names it."""
    return (lemma in _NAMING and i > 0 and toks[i][2].endswith("ed")
            and text[toks[i - 1][1]:toks[i][0]] == " "
            and _names_something(text, text[toks[i - 1][0]:toks[i - 1][1]], toks[i][1],
                                 toks[-1][1]))


# What follows a verb of saying that says what was said: "that", "to", a colon or a quote.
_SAYS_WHAT = re.compile(r"\s+(?:that|to)\b|\s*[:“\"‘]|\s+'\w")
# A participle that ends a source's noun phrase once its place or date is cut off.
_TRAILING_PARTICIPLE = re.compile(r"[a-z]+ed|given|written|shown|seen|sent|made|drawn|put")
_POSTPOSED_END = re.compile(r"^\W*$")
_COMPLEMENTIZERS = frozenset("that whether if how why what when where who".split())
_CLAUSE_STARTS = frozenset(
    """he she they it we i you there this these those the a an his her their its our no some
    many most all any every nato""".split()
)
_WITH_PREPOSITION = {
    "accuse": {"of"}, "call": {"for", "on"}, "urge": {"to"}, "blame": {"for", "on"},
    "complain": {"about", "of"}, "warn": {"about", "of", "against"}, "joke": {"about"},
    "boast": {"about", "of"}, "brag": {"about"}, "fret": {"about", "over"},
}
# Words before a number that make it approximate ("about 40", "over 2,000"), not a topic.
_APPROXIMATORS = frozenset("about around over nearly almost roughly some under".split())
_PREPOSITIONS = frozenset(
    """on in at about for with during after before by from over of into through via""".split()
)
_PLURAL_PRONOUNS = frozenset(["they", "we", "i", "you"])
_PRESCRIPTIVE = frozenset(["should", "must", "ought"])
_SUBJECTS = frozenset("he she they it we i you there this these those".split())
_PRONOUN_SUBJECTS = frozenset("he she they it we i you".split())
_COLLECTIVES = frozenset(
    "police people public staff government team management family couple".split())
# What "it" can stand for when it says something: a body, a business, a club, an outlet or a
# document ("The bank detected …, it said", "The union … It has declined to say …", "The
# report … It found …"); the last word of its name.
_IT_SPEAKS = (BODY_WORDS - {"police", "forces"}) | OUTLET_WORDS | COMPANY_WORDS | BUSINESS_TRADES \
    | CLUB_WORDS | frozenset(
        """city county state province region district charity organisation organization
        regulator watchdog newspaper paper channel website site station broadcaster report
        study survey statement lawsuit complaint letter memo ruling filing poll review audit
        inquiry investigation""".split())
_BE_FORMS = frozenset(["is", "are", "was", "were", "be", "been", "being"])
_MODALS = frozenset(
    """will would could can may might shall should must did do does to t""".split()
)
# After a form ending in -s, words that show it was a noun: "demands may", "claims will".
_NOUN_BEFORE = frozenset("will would could can may might shall should must".split())
_NEGATIONS = frozenset(["not", "never", "n’t", "n't", "t"])
# Words after "put it" that say how, not who: "X, …, put it best."
_MANNER = frozenset("best well better worst differently so thus this simply".split())
_IRREGULAR_PAST = frozenset(
    """said told wrote spoke thought made put took led gave went came saw got held kept left
    met ran sent brought began found grew became fell rose won lost stood spun swore
    sworn""".split())  # (not "written", "spoken": "who had written the song" is no report)
# Verbs that take "to" between a subject and a verb of saying: "he declined to say".
_TAKES_TO = frozenset(
    """decline declines refuse refuses want wants wanted tried try tries seem seems seemed
    appear appears went going continue continues began begin begins hope hopes plan plans
    expect expects used yet""".split())
# A time between a subject and its verb: "in October", "last week", "on Tuesday".
_TIME_NOUNS = frozenset(
    """week weekend month year morning afternoon evening night day spring summer autumn fall
    winter""".split())
_BEFORE_A_TIME = frozenset("in on at during early late since until".split())
_TIME_INTRODUCERS = frozenset("in on at during last this next earlier early late that".split())
# "called 911", "called off the strike", "called in sick": no words reported
_CALL_NOT_SPEECH = frozenset("off up back in home 911 999".split())
# What may follow "called the police" when the police were phoned: "… and", "… to the house"
_AFTER_PHONED = frozenset("and to after when about for on at in who but".split())
_PUT_IT_AWAY = frozenset("back away down off up aside together out to".split())
# A short phrase set off by commas after a verb: ", said the memoir, to …"
# The cue of a headline that names its source before a colon ("Okafor: …")
HEADLINE_CUE = "headline colon"
# How much of the story is searched for the name a headline gives its source, and the verbs
# that show the story quoting them
_STORY_SCAN = 20_000
_SAYS = "said|says|told|tells|wrote|writes|added|argued|claimed|explained|warned"
# Sources a headline may name with one common word: "Poll: …", "Report: …"
_SOURCE_WORDS = frozenset(
    """poll polls study report survey reporter reporters police officials sources experts
    analysts witnesses critics judge court prosecutors researchers scientists data""".split())
_HEADLINE_SOURCE = re.compile(
    r"\s*(?P<source>[A-Z][\w.'’&-]*(?:[ \t]+[A-Z][\w.'’&-]*){0,3})[ \t]*:[ \t]+(?=\S)")
# A headline that opens with a quotation and names its speaker after a colon: "“The sea
# doesn’t care”: Rosa Marchetti-Vance on …"
_QUOTE_THEN_NAME = re.compile(
    r"\s*(?:[“\"][^“”\"\n]{3,300}[”\"]|[‘'][^\n]{3,300}?[’'])[ \t]*(?P<colon>:)[ \t]*"
    r"(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){1,3})(?![\w'’-])")
# Words before a headline's colon that label the story rather than name a source.
_KICKERS = frozenset(w.strip() for w in """breaking|exclusive|update|updated|watch|video|
    videos|photos|photo|gallery|live|opinion|analysis|editorial|review|commentary|explainer|
    listen|podcast|interview|quiz|correction|sponsored|column|letters|obituary|recap|preview|
    revealed|confirmed|developing|alert|warning|just in|the latest|fact check|in pictures|
    must see|new|bombshell|shocking|breaking news|watch live|special report|read|must read|
    read more""".split("|"))
# A relative clause in commas right before the verb: its subject came before it ("The mayor,
# who spoke on Friday, said the plan works"), so the words after the verb are not the speaker.
# a body named by its trade or kind ("the carmaker", "the bank", "the union"), who may act and
# give reasons
_ACTING_BODIES = BUSINESS_TRADES | {"bank", "group", "club", "union", "council"}
# a verb of manner, or one that takes up or reads out words, no verb of saying the lexicon
# has, then a name or someone described, right after a quotation: "“…,” laughed Ms Boateng",
# "“…,” smiled Dana Reyes", "“…,” stormed one furious resident"
_MANNER_VERBS = ("laughed|smiled|grinned|chuckled|shrugged|beamed|stormed|raged|continued|"
                 "went[ \t]+on|offered")
_NAMED = r"(?:(?:Mr|Mrs|Ms|Dr|Miss)\.?[ \t]+)?[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){0,2}"
_DESCRIBED = r"(?:one|another|an?|the)(?:[ \t]+[a-z][\w'’-]*){1,3}"
_MANNER_AFTER_QUOTE = re.compile(
    rf"[ \t]+(?:{_MANNER_VERBS})[ \t]+({_NAMED}|{_DESCRIBED}(?=[ \t]*[.!,]))")
# a name credited after a dash, as a vox pop or a pull quote is: "“…” — Jago Pascoe, 19,
# student", "“…” – Dana Reyes (Harwick)" (the name then a comma, a bracket or the line's end)
_DASH_CREDIT = re.compile(rf"[ \t]*(?:—|–|--)[ \t]*({_NAMED})(?=[ \t]*(?:[,(]|$))", re.M)
# a sentence that opens with what a quotation is read from: "A statement on the club website
# on Tuesday read: “…”", "The sign reads: “…”"
_READS_LEAD = re.compile(r"[ \t]*((?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)[ \t]+[^“”\"\n.;]"
                         r"{1,100}?)[ \t]+(?:read|reads)[ \t]*:[ \t]*")
# "It read:" before a quotation, and what the sentence before says "it" is: "the club
# released a brief statement", "Kelbrook Homes issued a letter to tenants"
_IT_READS = re.compile(r"[ \t]*It[ \t]+(?:read|reads|said|says|stated|states)[ \t]*:[ \t]*")
_RELEASED = re.compile(
    r"(?:^|,[ \t]*|\b[Tt]hen[ \t]+)((?:[Tt]he|[Ii]ts)[ \t]+[\w’'-]+(?:[ \t]+[\w’'-]+){0,3}?|"
    r"[A-Z][\w’'.&-]*(?:[ \t]+[A-Z][\w’'.&-]*){0,4})[ \t]+(?:has[ \t]+|had[ \t]+)?"
    r"(?:released|issued|published|posted|put[ \t]+out|sent|shared)[ \t]+(?:a|an|its)[ \t]+"
    r"(?:[\w-]+[ \t]+){0,2}(?:statement|letter|note|memo|post|message|notice)\b")
_NO_SOURCE_READS = frozenset("quote quotation line lines words saying motto".split())
# ... and one after its speaker, closing the sentence: "“…,” Rich laughed.", "she shrugged.",
# "the statement reads."
_MANNER_TAG = re.compile(
    rf"[ \t]+({_NAMED}|{_DESCRIBED}|he|she|they)[ \t]+({_MANNER_VERBS}|reads?)[ \t]*[.!]?[ \t]*$")
# ... and one that leads into a quotation after a colon: "The minister continued: “…”", "Ann
# Lee went on: “…”"
_MANNER_LEAD = re.compile(
    rf"[ \t]*({_NAMED}|(?:[Oo]ne|[Aa]nother|[Aa]n?|[Tt]he)(?:[ \t]+(?!then\b)[a-z][\w'’-]*){{1,3}}|"
    rf"[Hh]e|[Ss]he|[Tt]hey)[ \t]+(?:then[ \t]+)?({_MANNER_VERBS})[ \t]*:[ \t]*$")
# what follows "talks" as a verb of saying ("talks about", "talks to her"), not the noun's next
# word ("talks stall")
_TALKS_ABOUT = frozenset("about to with of on up through over that".split())
# a name after "(a drug) called": one word, or capitalized words, then the clause goes on or ends
_NAMED_SO = re.compile(r"\s+[“\"‘']?(?:[a-z][\w-]*|[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for|and|"
                       r"the))*)[”\"’']?(?=\s*[,.;:)—–]|\s*$|\s+(?:which|that|and|is|was|has|"
                       r"in|on|for|from|by|to)\b)")
_RELATIVE_BEFORE = re.compile(r",\s*(?:who|which|whose)\b[^,;:“”\"]*,\s*$")
_BETWEEN_COMMAS = re.compile(r"\s+((?:[^,;:]|,(?=\d)){1,40}),(?!\d)")  # (past "12,000")
# The longest sentence (in characters) taken as the attribution of the quotation before it
# ("“…” | Holm said on Monday, after the vote.").
_ATTRIBUTION_LINE = 80
# Verbs that put the speaker after them following a comma: "…, said another witness, …"
# The writer taking the sentence back from a source: "X said the call was wrong, but frankly,
# sore losers never learn." (what follows is the writer's, not X's)
_WRITER_RESUMES = re.compile(
    r"(?:,\s*(?:but|and|yet)|;(?:\s*(?:but|and|yet))?|\s[–—-])\s+(?:frankly|honestly|"
    r"of course|clearly|obviously|needless to say|sadly|predictably|tellingly|naturally|"
    r"unsurprisingly|ironically|in truth|in reality|the truth is|truth be told)\b",
    re.IGNORECASE)
# Verbs of judging a target ("Critics slammed the reckless scheme"): their object is the
# writer's words, and what the source said of it follows "as", "of", "for" or "over"
# ("… slammed the plan as a giveaway"). Not verbs whose object is what was said ("called
# the plan reckless", "cited rising costs", "demanded the paper retract").
_AT_A_TARGET = frozenset(
    """blast slam rip lambaste berate scold chide castigate condemn denounce decry deplore
    bemoan mock ridicule deride dismiss downplay hail laud defend vilify demonize belittle
    disparage criticize praise accuse reject dispute deny rebut refute rebuff""".split())
_OBJECT_SAID = re.compile(r"\b(?:as|of|for|over)\b", re.IGNORECASE)
_INVERTING = frozenset("said says added adds wrote writes noted notes explained asked".split())
_NUMBERS = frozenset(
    """two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred dozen dozens hundreds thousands""".split())
# Nobody in particular as a clause's subject: "no sign that anyone has asked".
_ANYONE_WORDS = frozenset("anyone anybody someone somebody everyone everybody nobody".split())
# A dateline in Title Case, taken as one only when it names a place we know ("Indianapolis –
# Several thousand teachers …"; not "Trump – who …").
_TITLE_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})\s*(?:\([A-Za-z][A-Za-z .&-]{0,30}\))?"
    r"\s*[—–]\s*")
# After "according to", words that are no source: "according to plan", "… their performance".
_NOT_SOURCES = frozenset(
    """rule rules law laws merit merits performance performances need needs ability abilities
    size age taste tradition custom customs instructions""".split())
# … with no article only: "according to plan" (but "according to the plans" is a source)
_BARE_NOT_SOURCES = frozenset("plan schedule script design".split())
_EMERGENCIES = frozenset(
    """reports report calls call scene fire fires blaze emergency emergencies incident
    incidents crash alarm alarms shooting""".split())
_ADJECTIVE_ENDINGS = (
    "al", "ous", "ive", "ic", "ful", "less", "able", "ible", "ent", "ant", "ary", "ish")
# Verbs that promise or refuse an act: "to" and a verb say what ("promising to lift").
_COMMISSIVE = frozenset("promise pledge vow threaten swear offer refuse".split())
# Words between an article and a noun: "the following comment", "a final warning".
_NOUN_ADJECTIVES = frozenset("following latest last first final same next previous".split())
# Prepositions after a plural subject: "Furious locals in Kettle Hill say", "Those close to"
_PLACE_PREPOSITIONS = frozenset("in at from on of across around near close with".split())
# Nouns for a source after an inverted verb of saying: "…, said one person in the room"
# (and those who speak for someone: "…, said a spokesman for the firm").
_SPEAKER_NOUNS = REPRESENTATIVES | frozenset(
    "person member members staffer staffers insider insiders".split())
# Nouns for people that end like adjectives ("official", "executive"): a verb may follow.
_PERSON_NOUNS = frozenset(
    """official executive representative president resident principal agent participant
    defendant applicant attendant correspondent individual liberal radical""".split())
_NOT_NAMES = frozenset("to not together no yes".split())
# the verb before someone who is told something ("told Maria Lopez")
# people a report meets unnamed, beyond those with a gender or an office
_MEMBERS_OF_PUBLIC = frozenset("""parent neighbour neighbor speaker caller customer passenger
    shopper voter commuter patient pediatrician paediatrician grandparent teenager pupil fan
    supporter protester protestor volunteer onlooker bystander user commenter reader listener
    viewer follower""".split())
# how an outlet came by what it reports: "emails obtained by the Ledger"
_SEEN_BY = frozenset("obtained reviewed seen viewed examined analysed analyzed".split())
# one or some of a group named before: "One of them", "two of those"
_PARTITIVE = re.compile(r"(?i:one|some|two|three|several|many|most|each|both|none|either|"
                        r"neither)[ \t]+of[ \t]+(?i:them|those|these|us)")
# the subject of a sentence that leads into a quotation with a colon: a pronoun, someone
# unnamed ("A user posting as @harbourcat", "One resident"), a title before a name
_LEAD_PRONOUN = re.compile(r"(He|She)[ \t]+[a-z]")
# a few words and a colon before a quotation, as a comment thread labels its posts
_LABEL_LEAD = re.compile(r"[ \t]*[\w@'’.-]+(?:[ \t]+[\w@'’.-]+){0,3}[ \t]*:[ \t]*")
_SECOND_CLAUSE = re.compile(r"\b(?:that|which|who|when|because|after|before|while|until|I|we|"
                            r"you)\b")
_POSTING_AS = re.compile(r"posting[ \t]+as[ \t]+@\w+")
_TITLED_LEAD = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?[ \t]")
_ORDINALS = frozenset("first second third fourth fifth next last final".split())
_ASKED_OPENING = re.compile(r"[ \t]*(?:(?:When|If)[ \t]+)?(?:[Aa]sked|[Qq]uestioned|[Pp]ressed|"
                            r"[Cc]hallenged|[Cc]ross-examined)\b")
_TOLD_BEFORE = re.compile(r"(?<![\w’'-])(?:told|tells|telling)\s+\Z")
# a name written as an owner: "Okafor-Bright’s record", "Dana Reyes' plan"
_OWNER_NAME = re.compile(r"(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.-]*(?:[’']s|s[’'])(?![\w’'])")
# a speaker described by age alone ("the 52-year-old", "the 24-year-old man"), and a person's
# age after their name ("Dana Reyes, 52,", "(52)") or before it ("a 52-year-old nurse, Dana")
_AGE = r"([0-9]{1,3})-year-old(?:\s+[a-z]+)?"
_AGED = re.compile(rf"(?i)the\s+{_AGE}")
_DESCRIPTION = re.compile(rf"(?i:the)\s+(?:(?i:{_AGE})|(?:[a-z][a-z-]*\s+){{0,2}}([a-z][a-z-]*))")
# (lower case: not "the FBI", "the Post")
# nouns for a person by what they do, beyond titles ("the singer", "the goalkeeper")
_ROLE_NOUNS = frozenset("""singer actor actress editor candidate goalkeeper striker player star
    host presenter author writer novelist director producer lawmaker legislator economist
    researcher scientist founder entrepreneur activist campaigner comedian rapper musician
    artist athlete pilot captain landlord landlady tenant coach referee umpire juror""".split())
# the short form of a title before a name: "Sen. Ivo Hart" is "the senator"
_TITLE_SHORT = {"senator": "sen", "representative": "rep", "congressman": "rep",
                "congresswoman": "rep", "governor": "gov", "general": "gen", "detective": "det",
                "sergeant": "sgt", "inspector": "insp", "superintendent": "supt",
                "professor": "prof", "doctor": "dr", "colonel": "col", "captain": "capt",
                "lieutenant": "lt", "reverend": "rev"}
_AGE_AFTER = re.compile(r"\s*[,(]\s*(?:aged\s+)?([0-9]{1,3})\s*[,).;]")
_AGE_BEFORE = re.compile(r"\b([0-9]{1,3})-year-old(?:\s+[a-z]+){0,3}\s*,?\s+\Z")
_OBJECT_PRONOUNS = frozenset("me us him her them you it".split())
# Verbs that pass on another's words: "quoted Ann Cole as saying", "cited officials as saying"
_QUOTING = frozenset("quoted quotes quoting cited cites citing".split())
# The one quoted, as the subject of the words: "quoted him as saying" is "he" said it
_QUOTED_ONE = {"him": "he", "her": "she", "them": "they", "us": "we", "me": "I"}
_TIME_WORDS = DAYS_MONTHS | _TIME_NOUNS | frozenset(
    "today yesterday tonight last this next earlier later week on in".split())
# Words that open an introductory phrase before a clause's subject: "Last week, …".
_OPENERS = frozenset(
    """in on at after before during despite following amid since under with without unlike
    like among over through until upon for from by last earlier later meanwhile however
    yet still instead also then now today yesterday separately shortly soon afterward
    afterwards eventually finally indeed thus but and""".split())
_SUBORDINATING = frozenset(
    "when while if because although though since after before as once until unless".split())
_QUANTIFIERS = frozenset(
    "some many several most all both few two three four five other another each every".split())
# Words that open a noun phrase: "the", "some", "two" …; with pronouns, a clause's subject too.
_NP_OPENING_WORDS = _DETERMINERS | _QUANTIFIERS
_NP_OPENERS = _NP_OPENING_WORDS | _SUBJECTS


@dataclass(frozen=True)
class Attribution:
    """A cue that reports someone's speech inside a sentence."""

    start: int
    end: int
    cue: str
    speaker: str
    postposed: bool = False
    subordinate: bool = False
    # The reported words: the span of the sentence that says what was said (paraphrased or
    # quoted), as opposed to the author's framing ("Putin said that" | "NATO is expanding").
    content_start: int = -1
    content_end: int = -1


@dataclass(frozen=True)
class VoiceResult:
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
    scare_hits: tuple[TermHit, ...]
    attributions: dict[int, tuple[Attribution, ...]]


# --------------------------------------------------------------------------- quotations


def find_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[Quote]:
    """Direct quotations as spans that include their marks.

    Curly and straight double quotes, and single quotes that are not apostrophes. Quotes
    nested inside a double quotation (a ‘red line’) belong to it. An opening quote left
    open at the end of a paragraph is closed there, marked ``closed=False``; when the next
    paragraph opens with a quote mark, the news convention for a quotation that runs on.
    A closing mark with no opening one quotes the text from the paragraph's start.
    """
    quotes: list[Quote] = []
    for p_start, p_end in paragraphs:
        quotes.extend(_paragraph_quotes(text, p_start, p_end))
    return quotes


def _is_word(ch: str) -> bool:
    return ch.isalnum()


_MARKS = re.compile("[“”„«»\"‘’‹›']")


def _paragraph_quotes(text: str, start: int, end: int) -> list[Quote]:
    found: list[Quote] = []
    double_open = -1
    single_open = -1
    for mark in _MARKS.finditer(text, start, end):
        i = mark.start()
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        mark_end = i + 1
        if ch in OPEN_DOUBLE or (
            ch == STRAIGHT_DOUBLE and double_open < 0 and _opens(before, after)
        ):
            if double_open < 0:
                double_open = i
                single_open = -1
            continue
        if ch in CLOSE_DOUBLE or ch == STRAIGHT_DOUBLE:
            if double_open >= 0:
                found.append(Quote(double_open, mark_end))
                double_open = -1
            elif not found or found[-1].end <= start:
                # A closing mark with nothing open: the quotation began before this paragraph
                # (and holds any single mark opened before it)
                found.append(Quote(start, mark_end))
                single_open = -1
            continue
        if double_open >= 0:
            continue  # single marks inside a double quotation are nested quotes or apostrophes
        if ch in OPEN_SINGLE or (ch == STRAIGHT_SINGLE and _opens(before, after)):
            if not _is_word(before):
                single_open = i
            continue
        closes_single = ch in CLOSE_SINGLE or ch == STRAIGHT_SINGLE
        if closes_single and single_open >= 0 and not _is_word(after) and i - single_open > 1:
            found.append(Quote(single_open, i + 1))
            single_open = -1
    if double_open >= 0:
        found.append(Quote(double_open, end, closed=False))
    return found


def _opens(before: str, after: str) -> bool:
    return (before.isspace() or before in "([{—–-/:;,") and not after.isspace()


# --------------------------------------------------------------------------- attributions


def _plural_speaker(speaker: str) -> bool:
    """ "officials", "Western diplomats", "France and Germany"; not "he", "Reuters", "Ross"."""
    words = speaker.split()
    if not words or speaker.lower() in _PRONOUNS:
        return False
    if " and " in speaker:
        return True
    last = words[-1]
    return last.islower() and plural_form(last) or last.lower() in _COLLECTIVES


# Words that open an aside naming some of the subject's members: "Experts, including X, say".
_MEMBERS_FOLLOW = frozenset("including such especially notably among".split())
# Words "as" may stand before a verb of saying in "As many experts, including X, have noted, …"
_AS_SUBJECT = 10


def _before_members(text: str, words, lowered: list[str], k: int) -> str:
    """The word before an aside naming some members that ends right before word ``k``:
    "analysts" in "Analysts, such as Dan Wu, say"; "" when there is none."""
    if k < 3 or "," not in text[words[k - 1][1]:words[k][0]]:
        return ""
    for j in range(k - 1, max(0, k - 8), -1):
        if "," in text[words[j - 1][1]:words[j][0]]:
            return lowered[j - 1] if lowered[j] in _MEMBERS_FOLLOW else ""
    return ""


def _accordance(before: list[str]) -> bool:
    """ "as the auditor noted": "as", then a third-party subject, right before the verb; not
    "as far as I can tell" or "as I said"."""
    if "as" not in before:
        return False
    subject = before[len(before) - before[::-1].index("as"):]
    return bool(subject) and not any(
        w in _MODALS or w in _PLURAL_PRONOUNS or w in ("far", "much", "long", "soon", "well")
        for w in subject
    )


def _word_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]


class VoiceFinder:
    """Assigns voice and speaker to sentences; built once per Analyzer."""

    def __init__(self, lexicon: Lexicon, names: Names) -> None:
        self.speech = lexicon.subset(SPEECH_CATEGORIES)
        self.names = names

    def assign(
        self,
        text: str,
        sentences: tuple[Sentence, ...],
        paragraphs: list[tuple[int, int]],
        runs: NameRuns | None = None,
    ) -> VoiceResult:
        """The sentences with their voice and speaker, the quotations and attributions;
        ``runs`` are the sentences' capitalized runs when the caller has them already."""
        quotes = find_quotes(text, paragraphs)
        turns = find_turns(text, self.names, sentences)
        posts = find_posts(text)
        if posts:  # (a transcript's turn holds whatever it holds)
            held = QuoteIndex(turns)
            turns = sorted(turns + [p for p in posts if not held.within(p.start, p.end)],
                           key=lambda q: q.start)
        if turns:  # a speaker's own quotation marks belong to their turn or post
            covered = QuoteIndex(turns)
            quotes = [q for q in quotes if not covered.within(q.start, q.end)]
        inside = QuoteIndex(quotes + turns)

        attributions: dict[int, tuple[Attribution, ...]] = {}
        said: dict[int, int] = {}  # sentence -> where its first verb of saying starts
        for s in sentences:
            found, first_verb = self._attributions(text, s, inside)
            if s.kind == "headline" and not found:
                found = self._headline_source(text, s)
            attributions[s.index] = tuple(found)
            if first_verb >= 0:
                said[s.index] = first_verb

        # Speakers: "he" and "she" resolve to the last person named before them; "they" to
        # the last group named in its sentence or the one before it in the paragraph.
        mentions: list[tuple[int, str, str]] = []
        groups: list[tuple[int, str]] = []
        unnamed: list[tuple[int, str, str, bool]] = []
        if any(a.speaker.lower() in _PRONOUNS or self._description(a.speaker)
               for found in attributions.values() for a in found):
            if runs is None:
                runs = NameRuns(self.names, text, sentences)
            mentions = self.names.person_mentions(text, sentences, inside.covers, runs)
            if any(t.role == "turn" and t.speaker for t in turns):
                # a transcript's turn names its speaker ("Hask: “…”"): "He joked …" after it
                # is Hask
                gender = {name: g for _, name, g in mentions if g}
                mentions = sorted(mentions + [(t.start, t.speaker, gender.get(t.speaker, ""))
                                              for t in turns if t.role == "turn" and t.speaker])
            groups = self._group_mentions(text, sentences, attributions, inside, runs)
            unnamed = _unnamed_subjects(text, sentences, inside)
        resolved: dict[int, tuple[Attribution, ...]] = {}
        starts = [s.start for s in sentences]
        genders = {}  # each person named, under their full name and surname: their gender
        named: dict[str, set[str]] = {}  # the names each surname ends
        told: dict[str, set[str]] = {}  # the genders of the people each surname ends
        for _, name, gender in mentions:
            genders[name] = genders[name.rsplit(" ", 1)[-1]] = gender
            named.setdefault(name.rsplit(" ", 1)[-1], set()).add(name)
            if " " in name:
                told.setdefault(name.rsplit(" ", 1)[-1], set()).add(gender)
        for surname, kinds in told.items():  # a family: "Marrable" alone is the writer or
            if len(kinds) > 1:               # her son, "he" or "she" (unknown counts)
                genders[surname] = ""
        known: dict[str, set[str]] = {}  # ... and one person's gender told once, for all
        for _, name, gender in mentions:  # their mentions: "Glyn Morrow" after "Mr Morrow"
            if gender:
                known.setdefault(name.rsplit(" ", 1)[-1], set()).add(gender)
        one = {surname: kinds.pop() for surname, kinds in known.items() if len(kinds) == 1
               and len(named.get(surname, ())) <= 2 and len(told.get(surname, ())) <= 1
               and len({n for n in named.get(surname, ()) if " " in n}) <= 1}
        mentions = [(offset, name, gender or one.get(name.rsplit(" ", 1)[-1], ""))
                    for offset, name, gender in mentions]
        body = next((s.start for s in sentences if s.kind != "headline"), 0)
        previous: Sentence | None = None
        last_source = ""  # the person the sentence before reports, if it reports someone
        last_described = ("", -1, "")  # ... or the one it describes: who, where, gender
        for s in sentences:
            since = previous.start if previous and previous.paragraph == s.paragraph else s.start
            found = []
            source, here = last_source, False  # who spoke last, and whether in this sentence
            described = ("", -1, "")
            for a in attributions[s.index]:
                speaker = self._resolve(a.speaker, a.start, mentions, groups, since, text,
                                        unnamed, starts)
                if self._description(a.speaker) and last_described[0] and (
                        last_described[0].lower().split()[-1] == a.speaker.lower().split()[-1]
                        and not _named_since(mentions, last_described[1], a.start)):
                    # "One analyst, who asked not to be named, said … “…,” the analyst said":
                    # the one just described, not an analyst named before
                    speaker = last_described[0]
                elif self._description(a.speaker):  # "the 52-year-old said", "the finance
                    # chief said": the one person the article named so before
                    speaker = _described(text, mentions, a.speaker, a.start,
                                         body) or speaker
                if a.speaker.lower() in ("he", "she") and speaker != a.speaker and \
                        _named_in_quotes(text, inside.within(s.start, s.end), speaker):
                    # "“Owen’s a good player …,” he said" after "… Owen Petrakis": the one
                    # spoken of (or to) is no speaker; the one named before, if any
                    speaker = self._resolve(a.speaker, a.start, [
                        m for m in mentions if m[1] != speaker], groups, since, text, unnamed,
                        starts)
                if a.speaker.lower() == "it":  # (what it can be: named since the sentence
                    things = self._things_speaking(  # before)
                        text, [previous, s] if previous else [s], attributions, inside)
                    speaker = _thing_before(things, a.start, previous or s, a.postposed) or (
                        speaker)
                if source and a.speaker.lower() in ("he", "she") and genders[
                        source.rsplit(" ", 1)[-1]] != ("f" if a.speaker.lower() == "he"
                                                       else "m") and (
                        here or not _named_since(mentions, s.start, a.start)
                        or _ASKED_OPENING.match(text, s.start)):  # ("Pressed by Ann Cole, she")
                    # "Prosecutor Gareth Pryce told the judge that Kent had fled. He argued
                    # …", "Dana Reyes said Kent …, but she suggested …": the one who spoke
                    # before, not the last person named (unless the sentence names someone
                    # before anyone speaks in it: "Rose Kell is naming names, … people she
                    # claims knew")
                    speaker = source
                elif not here and last_described[0] and a.speaker.lower() in ("he", "she") and (
                        last_described[2] != ("f" if a.speaker.lower() == "he" else "m")) and (
                        not _named_since(mentions, last_described[1], a.start)):
                    # "The first speaker of the night, a junior, told the board … “…,” she
                    # said": the one described, not someone named before
                    speaker = last_described[0]
                found.append(replace(a, speaker=speaker))
                if not a.subordinate and speaker:
                    source, here = _person_named(speaker, named, genders), True
                    if not source and not described[0] and text[s.start:s.end].lstrip(
                            ).lower().startswith(speaker.lower()):
                        gender = self._one_described(speaker)
                        if gender is not None:
                            described = (speaker, s.start, gender)
            resolved[s.index] = tuple(found)
            last_source = source if here else ""
            last_described = described
            previous = s

        # the attribution that names the sentence's source first
        ordered = {}
        for s in sentences:
            found = resolved[s.index]
            governing = _governing_first(attributions[s.index], text, s.start, s.end)[:1]
            k = attributions[s.index].index(governing[0]) if governing else 0
            ordered[s.index] = (found[k], *found[:k], *found[k + 1:]) if k else found
        by_span = _SentenceIndex(sentences)
        quote_speakers = self._quote_speakers(text, by_span, quotes, ordered)
        roles = self._quote_roles(text, by_span, quotes, resolved, said)
        quotes = sorted([
            replace(q, speaker=quote_speakers.get(i, ""), role=roles.get(i, "quote"))
            for i, q in enumerate(quotes)
        ] + turns, key=lambda q: q.start)
        real = QuoteIndex.of_speech(quotes)

        out = []
        for s in sentences:
            share = real.share(text, s.start, s.end)
            main = [a for a in ordered[s.index] if not a.subordinate]
            credited = _credited(text, s, real.within(s.start, s.end))
            if share >= QUOTED_SHARE or real.leads(text, s) or credited:
                speaker = credited or _first(a.speaker for a in ordered[s.index]) or _first(
                    q.speaker for q in real.within(s.start, s.end)
                )
                out.append(replace(s, voice="quoted", speaker=speaker))
            elif main:
                speaker = _first(a.speaker for a in main)
                out.append(replace(s, voice="attributed", speaker=speaker))
            else:
                out.append(replace(s, voice="author", speaker=""))

        scare = tuple(_scare_hit(text, q, by_span) for q in quotes if q.role == "scare")
        return VoiceResult(tuple(out), tuple(quotes), scare, resolved)

    # -- attributions inside one sentence

    def _attributions(
        self, text: str, s: Sentence, inside: QuoteIndex
    ) -> tuple[list[Attribution], int]:
        """The sentence's attributions, and where its first verb of saying starts (-1 if none):
        outside quotation marks, one that takes a clause or has what was said after it,
        whether or not a speaker was found for it."""
        words = _word_spans(text, s.start, s.end)
        starts = {w[0]: i for i, w in enumerate(words)}
        ends = {w[1]: i for i, w in enumerate(words)}
        found: list[Attribution] = []
        # (an acronym in capitals stays so, no word of grammar: "The WHO said")
        lowered = [w if w.isupper() and self.names.acronym_in_caps(text, a, b) else w.lower()
                   for a, b, w in words]
        first_verb = -1
        # "according to X"
        for k in range(len(words) - 1):
            if (lowered[k], lowered[k + 1]) == ("according", "to") and not inside.covers(
                words[k][0]
            ):
                if lowered[k + 2:k + 4] and (
                        lowered[k + 2] in _NOT_SOURCES | _BARE_NOT_SOURCES or (
                            lowered[k + 2] in _DETERMINERS and lowered[k + 3:k + 4]
                            and lowered[k + 3] in _NOT_SOURCES)):
                    continue  # "judged according to their merits", "according to plan"
                speaker = self._np_after(text, words, k + 2, s.end, inside)
                if k == 0:  # According to X, CONTENT
                    comma = text.find(",", words[k + 1][1], s.end)
                    content = (comma + 1 if comma >= 0 else words[k + 1][1], s.end)
                else:  # CONTENT, according to X; "… comes news that CONTENT according to X"
                    that = [w for w in words[:k] if w[2].lower() == "that"
                            and not inside.covers(w[0])]
                    content = (that[-1][1] if that else s.start, words[k][0])
                found.append(Attribution(words[k][0], words[k + 1][1], "according to", speaker,
                                         content_start=content[0], content_end=content[1]))
        toks = [(a, b, w.lower()) for a, b, w in words]
        if any(c in text[s.start:s.end] for c in "‐‑"):
            toks = None  # let the lexicon normalize unusual hyphens itself
        matches = list(self.speech.match(text, s.start, s.end, toks=toks, senses=False))
        bare_verb_at = {starts[m.start] for m in matches if m.start in starts and not (
            lowered[starts[m.start]].endswith(("s", "ed", "ing")))}
        for match in matches:
            if inside.covers(match.start) or match.entry.term == "according to":
                continue
            if (match.start in starts and match.end in ends and lowered[starts[match.start]]
                    .endswith("s") and ends[match.end] + 1 in bare_verb_at
                    and text[match.start].islower()):  # (not "Anonymous Denies Claim They …")
                continue  # the subject of the next verb: "the bean counters claim", "reports say"
            if match.literal and not _SAYS_WHAT.match(text, match.end):
                continue  # "threatened Russia's security", not "threatened that he would quit"
            if first_verb < 0 and (match.entry.complement == "clause"
                                   or _SAYS_WHAT.match(text, match.end)):
                first_verb = match.start  # "claiming the decision was …", "screaming “…”"
            k = starts[match.start]
            k_end = ends[match.end]
            attribution = self._verb_attribution(text, s, words, lowered, k, k_end, match, inside)
            if attribution is not None and (_has_verb(attribution.speaker)
                                            or _no_noun_phrase(attribution.speaker)):
                # "There are those", "Goldfein is a true patriot": a clause, not a speaker;
                # "polled", "scenario by": no noun phrase; "Ortiz unleashed a run of
                # posts saying …": the name that opens the clause
                words_of = TOKEN.findall(attribution.speaker)
                named = _name_before_verb(words_of)
                attribution = replace(attribution, speaker=self.names.speaker_name(
                    " ".join(words_of[:named])) if named else "")
            if attribution is not None:
                if attribution.postposed:  # “CONTENT,” Putin said.
                    content = (s.start, attribution.start)
                else:  # Putin said (that) CONTENT
                    resumes = _WRITER_RESUMES.search(text, attribution.end, s.end)
                    if resumes and len(TOKEN.findall(text[attribution.end:resumes.start()])) < 3:
                        resumes = None  # "said that, frankly, …": the source's own aside
                    end = resumes.start() if resumes else s.end
                    start = attribution.end
                    if match.entry.term in _AT_A_TARGET and not _SAYS_WHAT.match(
                            text, match.end) and not any(
                            w in _COMPLEMENTIZERS or w == "to"
                            for w in lowered[k_end + 1:k_end + 9]):
                        # "Critics slammed the reckless scheme (as a giveaway)": the object is
                        # the writer's words; what the source said of it follows "as", "of"
                        said = _OBJECT_SAID.search(text, attribution.end, end)
                        start = said.start() if said else end
                    content = (start, end)
                found.append(replace(attribution, content_start=content[0],
                                     content_end=content[1]))
        if not found:
            # "“…,” Rich laughed.", "“…,” she shrugged.": a manner verb for a verb of saying,
            # right after the quotation it closes
            manner = _MANNER_TAG.match(text, _closing_quote_end(text, s), s.end)
            if manner is not None and s.start < manner.start() and inside.covers(
                    manner.start() - 1):
                speaker = self.names.speaker_name(manner.group(1))
                found.append(Attribution(manner.start(2), manner.end(2), "say", speaker,
                                         postposed=True, content_start=s.start,
                                         content_end=manner.start()))
            opening = inside.within(s.start, s.end)[:1]
            lead = _MANNER_LEAD.fullmatch(text, s.start, opening[0].start) if opening and (
                opening[0].start > s.start) else None
            if lead is not None:  # "The minister continued: “…”": who continued
                found.append(Attribution(lead.start(2), lead.end(2), "say",
                                         self.names.speaker_name(lead.group(1)),
                                         content_start=opening[0].start, content_end=s.end))
            elif opening and opening[0].closed and opening[0].start > s.start:
                found.extend(self._colon_lead(text, s, opening[0]))
        found.sort(key=lambda a: a.start)
        if found and (first_verb < 0 or found[0].start < first_verb):
            first_verb = found[0].start
        return found, first_verb

    def _verb_attribution(self, text, s, words, lowered, k, k_end, match, inside):
        """An Attribution when this verb of saying reports someone's words, else None."""
        lemma = match.entry.term
        head = words[k][2]
        form = lowered[k]
        phrase = k_end > k
        # a bare form ("say", "claim"): a verb only after a plural subject, a modal or a pronoun
        base = not phrase and not (form.endswith(("s", "ed", "ing")) or form in _IRREGULAR_PAST)
        prev = lowered[k - 1] if k > 0 else ""
        gap_before = text[words[k - 1][1]:words[k][0]] if k > 0 else text[s.start:words[k][0]]
        rest = lowered[k_end + 1:k_end + 7]
        nxt = rest[0] if rest else ""
        gap_after = (text[match.end:words[k_end + 1][0]] if k_end + 1 < len(words)
                     else text[match.end:s.end])
        after_quote = _has_quote_mark(gap_before) or (k > 0 and inside.covers(words[k - 1][0]))

        if k > 0 and head[:1].isupper() and not _title_case(words):
            return None  # "Secretary of State", "United States": a name, not a verb
        if prev in _DETERMINERS and "," not in gap_before and not after_quote:
            return None  # a noun or adjective: "the claims", "Blinken’s comments", "the alleged"
        if prev == "to" and not phrase and nxt not in _COMPLEMENTIZERS and not _goes_on(
                lowered, k) and not after_quote:  # ("“… listened to,” said Ann Lee")
            return None  # "was set to brief", "refused to say" (not "continues to insist")
        if (prev in _PREPOSITIONS and not phrase and not form.endswith("ing")
                and gap_before.isspace() and not after_quote):
            return None  # a noun after a preposition: "depends on talks that …"
        if prev == "without" and lemma == "say":
            return None  # "it goes without saying that …"
        if lemma == "ask" and rest[:3] == ["not", "to", "be"]:
            return None  # "who asked not to be named": a wish to stay unnamed, no report
        if lemma == "put it" and prev in _PREPOSITIONS:
            return None  # "a nice way of putting it"
        if lemma == "put it" and nxt and (nxt in _PREPOSITIONS or nxt in _PUT_IT_AWAY):
            return None  # "put it in a crate", "put it back"
        if lemma == "put it" and rest and all(w in _MANNER or _adverb(w) for w in rest) and not (
            _has_quote_mark(gap_after) or ":" in gap_after
        ):
            return None  # "Achebe, …, put it best." judges how someone spoke; nothing reported
        if nxt in ("yes", "no") and rest[1:2] == ["to"]:
            return None  # "the council said yes to homes": a decision, not words reported
        if base and k >= 2 and lowered[k - 2] in ("the", "a", "an") and prev.isalpha() and (
                (lowered[k - 2] != "the" and prev not in _SOME_OF_MANY and gap_before.isspace())
                or (nxt in ("from", "of", "on", "about", "in", "into")
                    and "that" not in rest[:4] and not _has_quote_mark(gap_after))
                or prev in _NOUN_ADJECTIVES or (prev.endswith("ing") and len(prev) > 4)):
            # a noun: "A police report obtained by …" ("a" and one word take no bare verb),
            # "the police report from officers", "made the following comment:", "the
            # sleeping state"
            return None
        if (form.endswith("s") and not phrase and k >= 2 and (
                lowered[k - 2] in _DETERMINERS or lowered[k - 2].endswith(("ous", "ful", "less")))
                and (prev.endswith(_ADJECTIVE_ENDINGS) or prev in _NOUN_ADJECTIVES)
                and prev not in _PERSON_NOUNS and nxt != "to" and nxt not in _COMPLEMENTIZERS
                and nxt not in _CLAUSE_STARTS and not _has_quote_mark(gap_after)):
            # "The controversial reports surrounding …", "dubious medical claims": a plural
            # noun (not "the official promises to …")
            return None
        if (form.endswith("s") and not phrase and not after_quote
                and _after_adjectives(lowered, k) and not any(
                    text[words[i][1]:words[i + 1][0]].strip() for i in range(k - 3, k) if i >= 0)
                and prev not in _PERSON_NOUNS
                and not (prev in _COLLECTIVES and lowered[k - 2] in _DETERMINERS)  # "The public"
                and (_after_adjectives(lowered, k, _POSSESSIVES) or (  # "my top requests to"
                    nxt != "to" and nxt not in _COMPLEMENTIZERS and nxt not in _CLAUSE_STARTS))
                and not _has_quote_mark(gap_after)):
            return None  # "my top requests", "his first public remarks": a plural noun
        if (form.endswith("s") and not phrase and not form.endswith("ss") and gap_after.isspace()
                and (nxt in _IRREGULAR_PAST or (nxt.endswith("ed") and len(nxt) > 4))):
            return None  # "New reports claimed that …": the subject, a plural noun
        if (form.endswith("s") and not phrase and prev.endswith("ing") and len(prev) > 5
                and prev not in _BE_FORMS):
            return None  # a plural noun after a participle: "to negotiate binding guarantees"
        if (form.endswith("s") and not phrase and not form.endswith("ss")
                and prev in ("have", "has", "had", "having") and gap_before.isspace()
                and not after_quote):
            return None  # a plural noun after "have": "both have claims in the sea that …"
        negated = prev in _NEGATIONS or (k >= 2 and lowered[k - 2] in _NEGATIONS and (
            prev == "yet" or _adverb(prev)))  # "has not said", "never publicly said"
        if negated and not (after_quote or _has_quote_mark(gap_after)):
            return None  # "Management has not explained why …": nothing was said
        if (k > 0 and lowered[0] in _OPENERS and lowered[0] not in _SUBJECTS
                and gap_after.lstrip().startswith(",")
                and "," not in text[s.start:words[k][0]]):
            return None  # a noun closing an introductory phrase: "Following the first reports,"
        if not phrase and names_a_thing(text, words, k, lemma):
            return None  # "a drawer labeled “receipts,” …": a thing's name
        if lemma == "call" and not phrase and (
                nxt[:1].isdigit() or nxt in _CALL_NOT_SPEECH
                or (nxt in ("police", "ambulance") and rest[1:2] in (
                    [], *([w] for w in _AFTER_PHONED)))
                or (nxt == "the" and rest[1:2] == ["police"] and rest[2:3] in (
                    [], *([w] for w in _AFTER_PHONED)))
                or (k > 0 and gap_before in (" ", ", ") and _names_something(
                    text, words[k - 1][2], match.end, s.end))):
            return None  # "called 911", "called off the strike", "a wagon called the Zephyr"
        if (form.endswith("ed") and not phrase and (prev[:1].isdigit() or prev in _NUMBERS)
                and nxt.isalpha() and nxt not in _COMPLEMENTIZERS and nxt not in _SUBJECTS
                and gap_before.isspace() and gap_after.isspace()):
            return None  # "three confirmed diagnoses", "12 reported cases": an adjective
        if (form.endswith("ed") and _adverb(prev) and (k == 1 or (
                k >= 2 and lowered[k - 2] in _DETERMINERS)) and gap_before.isspace()
                and nxt.isalpha() and nxt not in _COMPLEMENTIZERS and nxt not in _SUBJECTS):
            return None  # "a newly revealed phone call": an adjective
        if lemma == "add" and nxt in ("to", "up") and "that" not in rest[:5]:
            return None  # "added to his titles", "the flaws add up"
        if lemma == "refer to" and nxt == "as":
            return None  # "is often referred to as the Fair Access Rule"
        if lemma == "respond" and nxt == "to" and any(w in _EMERGENCIES for w in rest[1:5]):
            return None  # "deputies responded to calls about smoke"
        if (form == "said" and usual_tag(prev) == "VBG" and prev not in _BE_FORMS
                and words[k - 1][2].islower() and gap_before.isspace() and not (
                    k >= 2 and (lowered[k - 2] in _DETERMINERS or lowered[k - 2] in _POSSESSIVES))):
            return None  # "finding said civilisation": the adjective (not "since spring said",
            # "the ruling said", "her sibling said": a noun, the speaker)
        if (match.entry.complement == "object" and not phrase and form.endswith("s")
                and (nxt in ("and", "or") or not nxt) and not after_quote
                and not _has_quote_mark(gap_after) and ":" not in gap_after):
            return None  # a plural noun: "a nightmare of scam calls and dodgy emails"
        if (form.endswith("s") and not phrase and "," in gap_before and prev.endswith("s")
                and prev not in _SUBJECTS and ("," in gap_after or nxt in ("and", "or"))):
            return None  # a noun in a list: "their names, addresses, birth dates and …"
        if takes_a_thing(match.entry, rest):
            return None  # "the fighting has claimed 14,000 lives", "may add fuel to the row"
        if form.endswith("s") and nxt in _NOUN_BEFORE and not gap_after.strip() and not any(
                w in ("which", "that", "who", "what") for w in lowered[max(0, k - 6):k]):
            # "Beijing tariff demands may expand …": the noun, then its verb (not "a plan which
            # the authority says will work", whose subject went before)
            return None
        if (form == "said" and prev in ("having", "with") and nxt in ("that", "this")
                and k_end + 2 < len(words)
                and "," in text[words[k_end + 1][1]:words[k_end + 2][0]]):
            return None  # "Having said that, …": a turn of the writer's argument
        if prev in ("can", "could") and rest == ["that", "again"]:
            return None  # "You can say that again.": agreement, nothing reported

        # "As the auditor noted, …" / "…, as Reyes put it, …": the rest is what was said
        accordance = "," in gap_after and _accordance(lowered[max(0, k - _AS_SUBJECT):k])
        explicit = (
            accordance
            or nxt in _COMPLEMENTIZERS
            or _has_quote_mark(gap_after)
            or ":" in gap_after
            or any(w in ("that", "whether") for w in rest[:5])
            or (match.entry.complement == "clause" and nxt in _PREPOSITIONS
                and "that" in lowered[k_end + 1:k_end + 13])
            or _quote_ahead(text, match.end, s.end)
            or inside.any_between(match.end, s.end)
            or phrase
            or (lemma in _WITH_PREPOSITION and nxt in _WITH_PREPOSITION[lemma])
            or (lemma in _COMMISSIVE and nxt == "to" and rest[1:2] and rest[1].isalpha())
        )
        # A verb that takes a bare clause ("said officials are …") or an object ("accused
        # the West of …") needs no "that"; the lexicon's complement column says which.
        complement = match.entry.complement
        # "said about 40 pupils live …" (about a number), "said on Thursday the offer was …"
        # (a day, then the clause): a preposition that does not start the verb's topic
        # (after "add" only with a verb after it: "adds about 9 miles to the trip" is a sum)
        clause_after = (nxt in _APPROXIMATORS and rest[1:2] and rest[1][:1].isdigit() and (
            lemma != "add" or any(w in _CLAUSE_VERBS for w in rest[2:6]))) or (
            nxt in ("on", "in") and rest[1:2] and rest[1] in DAYS_MONTHS and len(rest) >= 4)
        content = explicit or (nxt != "" and (
            (complement == "clause" and (len(rest) >= 3 or (  # ("said it failed")
                len(rest) == 2 and nxt in _SUBJECTS and rest[1].isalpha()
                and rest != ["it", "all"])) and (  # (not "The photo says it all")
                nxt not in _PREPOSITIONS or clause_after
                or any(w in _SUBJECTS for w in rest[2:10])))
            or (complement == "object" and nxt not in _PREPOSITIONS and "," not in gap_after)
        ))
        if form in ("talks", "talk") and nxt not in _TALKS_ABOUT and not _adverb(nxt):
            return None  # "Climate talks stall as …", "peace talks": the noun
        if form in ("called", "named", "dubbed") and k >= 2 and words[k - 1][2].islower() and (
                lowered[k - 2] in ("a", "an") or (k >= 3 and lowered[k - 3] in ("a", "an"))) and (
                _NAMED_SO.match(text, match.end, s.end)):
            return None  # "tested a drug called tenarovix,", "a group called Kelbrook Parents
            # for Fair Schools": what a thing is named, not what someone called it
        if lemma == "add" and not explicit and "to" in rest[1:8] and not any(
                w in _CLAUSE_VERBS for w in rest[:rest.index("to")]):
            return None  # "added a small clock to the side": something put somewhere
        passive = form.endswith(("ed", "en", "id", "ld", "ot")) and (
            prev in _BE_FORMS or _be_before(lowered, k)
            or (lemma == "accuse" and nxt == "of")) and not (  # ("Ministers accused of …")
                _BREAK.search(gap_before))  # (not "“It is where the money is,” said …")
        gerund = form.endswith("ing") and not phrase
        # a phrase's first word in -ing, too, names no speaker after it and reports for the
        # clause's subject: "…, calling for his dismissal" (not "according to")
        ing = form.endswith("ing") and form != "according"
        at = k_end + 1 + rest.index("as", 1) if form in _QUOTING and "as" in rest[1:7] else 0
        if at and at + 1 <= k_end + len(rest) and lowered[at + 1].endswith("ing") and not (
                _BREAK.search(text, match.end, words[at][0])):
            return None  # "quoted Ann Cole as saying …": hers are the words (below)
        quoting = next((j for j in range(k - 2, max(k - 9, 0), -1) if lowered[j] in _QUOTING),
                       None) if gerund and prev == "as" and content else None
        if quoting is not None and _BREAK.search(text, words[quoting][1], words[k - 1][0]):
            quoting = None
        if quoting is not None and (quoting == k - 2 or lowered[quoting + 1] == "by") and (
                _be_before(lowered, quoting) or lowered[quoting - 1] in _BE_FORMS):
            # "Ana Ruiz was (widely) quoted (by the Ledger) as saying the plan was fair": the
            # subject said it
            b = next(j for j in range(quoting - 1, -1, -1) if lowered[j] in _BE_FORMS)
            while b > 0 and (lowered[b - 1] in ("has", "have", "had") or lowered[b - 1] in (
                    _MODALS)):
                b -= 1  # ("has been quoted", "will be quoted")
            first = self._chunk_start(text, words, lowered, b - 1, inside) if b else b
            speaker = self.names.speaker_name(text[words[first][0]:words[b - 1][1]]) if (
                first <= b - 1) else ""
            return Attribution(match.start, match.end, lemma, speaker) if speaker else None
        if quoting is not None and quoting < k - 2 and gap_before.isspace():
            # "The release quoted Ann Cole as saying the work …", "State media cited the
            # minister as saying …": the one quoted said it, not the one who quotes
            phrase = text[words[quoting + 1][0]:words[k - 2][1]]
            speaker = _QUOTED_ONE.get(phrase.lower(), "") or self.names.speaker_name(phrase)
            if speaker:
                return Attribution(match.start, match.end, lemma, speaker)
        if gerund and not (prev in _BE_FORMS or "," in gap_before or (k == 0 and explicit)
                           or (lemma == "say" and nxt == "that")  # "tweets saying that …"
                           or (prev == "by" and content)):  # "opened by saying the fares …"
            return None  # a noun ("a stern warning") or an opener ("Adding to the rhetoric")
        if base and _clause_opening(text, s, words, lowered, k):
            return None  # an imperative: "Tell that to the nurses …", "To the pears, add …"
        if text[s.start:s.end].rstrip(" ”’\"'").endswith("?") and not inside.any_between(
            s.start, s.end
        ):
            return None  # the writer's own question: "But were they ever told …?"
        if prev in _PRESCRIPTIVE:
            return None  # "Kyiv should ask itself whether …" is the writer's advice, not a report
        if (prev == "which" and nxt in ("you", "us") and k >= 2
                and "," in text[words[k - 2][1]:words[k - 1][0]]):
            return None  # "…, which tells you everything": the writer's aside to readers
        if _unreal(lowered, text, words, k):
            # "The city could have demanded a share", "should be answering the questions", "would
            # have cut its own staff first and asked …": what was not said, or ought to be
            return None

        if k == 0 and form in ("said", "says") and nxt[:1].isalpha() and words[1][2][:1].isupper():
            # a line that opens with the verb after a quotation above: "said David Plouffe, …"
            speaker = self._np_after(text, words, k_end + 1, s.end, inside)
            if speaker:
                return Attribution(match.start, match.end, lemma, speaker, postposed=True)
        # Post-posed: “…,” said Putin. / “…,” Putin said. / …, officials said (in a statement).
        tail = _tail_only(text, match.end, s.end, words, k_end) and not (
            lemma in _COMMISSIVE and nxt == "to") and not (  # "…, vowed to fight on"
            _RELATIVE_BEFORE.search(text, s.start, match.start))  # "The mayor, who …, said"
        if not tail and form in _INVERTING and "," in gap_before and k_end + 1 < len(words) and (
                words[k_end + 1][2][:1].isupper()):
            # "…, said NBC's Dana Reyes.": a short name that ends the sentence (the possessive
            # is a word of its own to TOKEN; not "…, said the city needed homes.")
            rest_text = text[match.end:s.end]
            verb = next((w[2] for w in words[k_end + 1:k_end + 7]
                         if not w[2][:1].isupper() and w[2] not in ("'s", "’s")), "")
            tail = (len(rest_text.split()) <= 5 and not re.search(r"[,;:]", rest_text)
                    and "that" not in rest and rest_text.rstrip()[-1:] in ".!?"
                    and not (usual_tag(verb) or "").startswith(("VB", "MD")))
            # (not a name and its verb: "…, said Kessmoor had waited too long.")
        elif not tail and form in _INVERTING and lemma != "ask" and "," in gap_before and (
                nxt in _NP_OPENING_WORDS or nxt == "one"):  # (after "asked": whom it asked)
            # "…, said one council source in the room.": a short phrase whose head is a source
            rest_text = text[match.end:s.end]
            head = next((w for w, after in zip(rest, rest[1:] + [""])
                         if after in _PREPOSITIONS or after == ""), "")
            tail = (len(rest_text.split()) <= 8 and not re.search(r"[,;:]", rest_text)
                    and rest_text.rstrip()[-1:] in ".!?" and self._source_noun(head))
        inverted_np = re.match(r"((?:[^,;:]|,(?=\d)){1,60}),(?!\d)[^,;:]{1,100}[.!?”\"]?\s*$",
                               text[match.end:s.end])
        named_after = ("," in gap_before and not tail and nxt[:1].isalpha()
                       and (words[k_end + 1][2][:1].isupper() or (
                           form in _INVERTING and nxt not in _COMPLEMENTIZERS
                           and nxt not in _SUBJECTS))
                       and inverted_np is not None and _plain_np(inverted_np.group(1)))
        # (a few words before the comma are the subject, not what was said: "Officials,
        # however, say the plan works.")
        content_before = len(TOKEN.findall(text[s.start:match.start])) >= 3
        between_commas = _BETWEEN_COMMAS.match(text, match.end, s.end)
        mid_inverted = ("," in gap_before and form in _INVERTING and nxt not in _SUBJECTS
                        and between_commas is not None and _plain_np(between_commas.group(1))
                        and not self._person_before_appositive(text, words, lowered, k - 1,
                                                               inside))
        # (not "Dr. Helen Marsh, a doctor, said older patients, who …, might …": she says it)
        if (after_quote or ("," in gap_before and (tail or named_after) and content_before)
                or mid_inverted) and not ing:  # (", said the memoir, to ensure …")
            # (after "told" stands whom it was said to: "“…,” Mr. Lund told reporters.")
            speaker = "" if lemma == "tell" else self._np_after(text, words, k_end + 1, s.end,
                                                                 inside)
            if speaker and not after_quote and _PARTICIPLE_ONLY.fullmatch(speaker):
                return None  # "may not be copied, broadcast, edited, or …": a list
            if _no_one(speaker):
                speaker = ""  # "Dana Kent, the minister, said no.": what was said
            if speaker and not after_quote and form not in _INVERTING and not (
                    speaker[:1].isupper() or self._source_noun(speaker.split()[-1].lower())):
                speaker = ""  # "The guild, a union that …, criticised the move.": its object
            if speaker and not passive:
                return Attribution(match.start, match.end, lemma, speaker, postposed=True)
            if not speaker and not passive and not after_quote and tail and (
                    match.entry.complement == "clause" or form in _INVERTING):
                # "…, Michael McFaul, a fellow at the institute, said of RT."
                speaker = self._np_before(text, s, words, lowered, k, inside)
                if speaker:
                    return Attribution(match.start, match.end, lemma, speaker, postposed=True)
        # Only verbs that report words ("said", "added") invert after a comma: "…, he said."
        closes = (tail or "," in gap_after) and (
            match.entry.complement == "clause" or form in _INVERTING)  # "…, he noted."
        inverted = None if passive or ing else self._inverted(text, s, words, k, inside, closes)
        if inverted is not None:
            return Attribution(match.start, match.end, lemma, inverted, postposed=True)
        if passive:
            if not explicit:
                return None
            by = lowered.index("by", k_end) if "by" in lowered[k_end:k_end + 3] else -1
            speaker = self._np_after(text, words, by + 1, s.end, inside) if by > 0 else ""
            return Attribution(match.start, match.end, lemma, speaker)
        joint = k > 0 and words[k - 1][2][:1].isupper() and "and" in lowered[max(0, k - 6):k]
        # the subject's last word, past adverbs: "Ukrainian officials also complain that …"
        j = k - 1
        while j > 0 and k - j <= 2 and lowered[j] in _ADVERBS_BEFORE_VERB:
            j -= 1
        subject = lowered[j] if j >= 0 else ""
        # "Police in Ohio say …", "Seasoned analysts in Ohio and across the region say",
        # "Those close to him say", "many of whom say": a plural subject further back
        chunk = self._chunk_start(text, words, lowered, k - 1, inside) if k > 0 else k
        placed = (chunk < j and any(
            w in ("those", "others") or ((w in _COLLECTIVES or w in PLURAL_PEOPLE or (
                w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 3
                and w.isalpha())) and lowered[p + 1] in _PLACE_PREPOSITIONS)
            for p, w in enumerate(lowered[chunk:min(k - 1, chunk + 3)], start=chunk))) or (
            prev == "whom" and k >= 3 and lowered[k - 3] in _QUANTIFIERS)
        if base and not (
            any(w in _MODALS | _PLURAL_PRONOUNS or w.endswith("s") or w in _COLLECTIVES
                for w in {prev, subject, _before_members(text, words, lowered, k)})
            or joint  # "Mr. Grady and Ms. Lund say …"
            or placed
            or (prev in _SOME_OF_MANY and k >= 2 and lowered[k - 2] == "a")  # "A few say …"
        ):
            return None  # a bare form after a noun is usually a noun: "tough talk comes"
        if lemma == "email" and form.endswith("s") and nxt != "that" and not (
                _has_quote_mark(gap_after) or ":" in gap_after):
            return None  # "Recently released emails show that …": the noun
        if not content and not rest and not phrase and len(words) <= 6 and re.search(
                r"[”\"’]\s*$", text[max(0, s.start - 3):s.start]):
            # “Does anybody know what the platform is?” | Graham asked.
            speaker = self._np_before(text, s, words, lowered, k, inside)
            if speaker:
                return Attribution(match.start, match.end, lemma, speaker, postposed=True)
        if not content:
            return None
        if ing and ("," in gap_before or prev == "by"):
            # "The senator attacked the plan, saying …", "… and began by saying …": the main
            # clause's subject speaks
            speaker = self._subordinate_agent(text, words, lowered, k, inside) or (
                self._clause_subject(text, s, words, lowered, k, inside))
            if not speaker and prev == "by":
                return None  # "three ways to enforce it: by asking prosecutors to …": a means
        elif k == 0 and phrase and gap_after.lstrip().startswith(","):
            # "In a statement, the trust's chief nursing officer, Alison Brereton, apologised
            # …": the name that opens the clause after the phrase
            speaker = self._sentence_subject(text, s, words, lowered, inside)
        else:
            speaker = self._np_before(text, s, words, lowered, k, inside)
        if _no_one(speaker):
            speaker = ""  # "to", "Not", "together": a function word is nobody
        if _NOBODY.match(speaker) or speaker.split(" ", 1)[0].lower() in ("anyone", "anybody"):
            # "No one has explained how …", "no sign that anyone at the hall has asked …":
            # nobody's words, the writer's claim
            return None
        if speaker == "I" and not inside.covers(match.start):
            return None  # "I call it a historic mistake": the writer's own words
        # "anyone who says so is …": nobody in particular, a verb of the subject's clause
        subordinate = (prev == "who" and k > 1 and lowered[k - 2] in _ANYONE) or (
            self._subordinate(text, s, words, lowered, k))
        which = _which_before(text, words, lowered, k)
        if which:
            # "…, which experts say can reach 60C": the clause's own subject says, not the
            # sentence's ("Residents")
            speaker = self.names.speaker_name(text[words[which][0]:words[k - 1][1]])
        return Attribution(match.start, match.end, lemma, speaker, subordinate=subordinate)

    def _inverted(self, text, s, words, k, inside, closes) -> str | None:
        """“…,” Steve Marlo wrote (in an email). / “…,” Ortega, 52, said. / …, he said, and …

        The speaker sits between a quotation (or a comma) and the verb, and nothing but a
        short tail follows the verb.
        """
        if k == 0:
            return None
        j = k - 1
        while j >= 0 and k - j <= 12 and not inside.covers(words[j][0]):
            gap = text[words[j][1]:words[j + 1][0]] if j + 1 < len(words) else ""
            if re.search(r"[“”\"]", gap):
                break
            j -= 1
        opener = text[words[j][1]:words[j + 1][0]] if j >= 0 else text[s.start:words[0][0]]
        after_quote = j >= 0 and (inside.covers(words[j][0]) or re.search(r"[”\"]", opener))
        if not after_quote:
            return self._comma_inverted(text, words, k) if closes else None
        if j + 2 < k - 1 and "," in text[words[k - 1][1]:words[k][0]] and re.search(
                r",\s*(?:who|whose)\b", text[words[j + 1][1]:words[k][0]]):
            # "“Fine,” Reyes, who leads the council, added.": the name before the clause
            named = self._around_parenthetical(text, s, words, [w[2].lower() for w in words],
                                               k - 1, inside)
            if named:
                return named
        if any((w[2].lower() in _CLAUSE_WORDS and w[2].lower() != "and")
               or w[2].lower() in _MODALS for w in words[j + 1:k]):
            # a clause of its own after the quotation: "the “emergency levy”, perhaps
            # councillors will remember that they swore"; "‘The Builder’ Could …, Rita Vance
            # Says"
            return self._comma_inverted(text, words, k) if closes else None
        if _one_thing_then_speakers([w[2] for w in words[j + 1:k]]):
            j += 2  # "“affordable” — a term several speakers said had been stretched"
        if j + 1 < k - 1 and "," in text[words[j + 1][1]:words[k - 1][0]] and "," not in text[
                words[k - 1][1]:words[k][0]]:
            # "… her “Glasshouse” tour on doctors' advice, her publicist confirmed": the
            # subject after the last comma (a title in quotation marks is no quotation)
            return self._comma_inverted(text, words, k)
        span = text[words[j + 1][0]:words[k - 1][1]] if j + 1 < k else ""
        return self._pick_name(span)

    def _comma_inverted(self, text, words, k) -> str | None:
        """…, officials said. / …, he said, and …: a short subject right after a comma."""
        j = k - 1
        while j >= 0 and k - j <= 7:
            if "," in text[words[j][1]:words[j + 1][0]] if j + 1 < len(words) else False:
                break
            j -= 1
        if j < 0 or k - j > 7 or j == k - 1:
            return None
        lowered = [w[2].lower() for w in words[j + 1:k]]
        if _one_thing_then_speakers([w[2] for w in words[j + 1:k]]):
            j += 2  # "…, a move officials said would save …": the officials
        elif lowered[0] in ("a", "an") and words[k][2].endswith("ed") and not any(
                self._source_noun(w) for w in lowered):
            return None  # "…, a deal announced on Monday.": what was announced, not who
        return self._pick_name(text[words[j + 1][0]:words[k - 1][1]])

    def _pick_name(self, span: str) -> str | None:
        """The speaker in a short span that may hold an appositive: the first proper name."""
        pieces = [p.strip() for p in span.split(",") if p.strip()]
        if not pieces or len(TOKEN.findall(span)) > 14:
            return None
        candidates = []
        for piece in pieces:
            if piece.lower().startswith("as "):
                piece = piece[3:]  # "…, as Obama's campaign claims."
            toks = [w for w in TOKEN.findall(piece.lower())]
            if not toks or any(w in _CLAUSE_WORDS for w in toks):
                continue
            cleaned = " ".join(w for w in piece.split()
                               if w.lower() not in _SKIP_BEFORE_VERB and not _adverb(w.lower()))
            if not cleaned:
                continue
            name = self.names.speaker_name(cleaned)
            if name and not name[:1].isdigit():
                candidates.append(name)
        proper = [c for c in candidates if c[:1].isupper() or c.startswith("the ")]
        # a common noun phrase ("officials", "a spokesman"), not a verb and its time
        # ("“…” announced in May")
        common = [c for c in candidates if not c.split()[0].lower().endswith(("ed", "ing"))
                  and c.split()[0].lower() not in _PREPOSITIONS | _ALSO_PREPOSITIONS | {"to"}]
        if not proper and common and common[-1].lower() in _PRONOUNS:
            return common[-1]  # "“…” working in our wards, she said"
        last = candidates[-1] if candidates and len(pieces) > 1 else ""
        if last and last in proper and self.names.is_person(last.split()):
            return last  # "“…” at a rally in Columbus, Ohio, Obama said"
        return (proper or common or [None])[0]

    def _headline_source(self, text: str, s: Sentence) -> list[Attribution]:
        """A headline that names its source before a colon: "Okafor: Harbour deal is dead",
        "Poll: Voters split on the harbour plan". Not a kicker ("Exclusive:", "The Latest:")
        nor a phrase that names no one ("Smoke Over Water:")."""
        quoted = _QUOTE_THEN_NAME.match(text, s.start, s.end)
        if quoted is not None:
            # "“The sea doesn’t care”: Rosa Marchetti-Vance on twenty years at sea": the
            # quotation is the person's the colon names (a first name we know, or one the
            # story quotes)
            person = self.names.person_in(quoted.group("name").split())
            if len(person) >= 2 and (person[0].lower() in self.names.first_names
                                     or self._speaks_in_story(text, s, person[-1])):
                colon = quoted.start("colon")
                return [Attribution(colon, colon + 1, HEADLINE_CUE, " ".join(person),
                                    content_start=s.start, content_end=colon)]
        match = _HEADLINE_SOURCE.match(text, s.start, s.end)
        if match is None or len(TOKEN.findall(text, match.end(), s.end)) < 3 or is_link_line(
                text[s.start:s.end], arrows=False):
            return []  # (nor a link line: "Trending: …", "Related Stories: …")
        source = match.group("source")
        words = source.split()
        if name_key(source) in _KICKERS or words[0].lower() in _DETERMINERS:
            return []
        if any(name_key(w) in _KICKERS for w in words):
            return []  # "Harbour Podcast:", "Ferry Game Review:"
        if re.search(rf"\bBy\s+(?:[A-Z][\w.'’-]*\s+){{0,3}}{re.escape(words[-1])}\b",
                     text[s.end:s.end + _STORY_SCAN]):
            return []  # "Marlowe: …" over "By Edith Marlowe": a column's own writer
        if len(words) == 1 and not (
                (source.isupper() and len(source) <= 5)  # "FBI:", "CNN:"
                or source.lower() in _SOURCE_WORDS  # "Poll:", "Report:"; "Okafor:" in a story
                # that names Okafor
                or (not source.isupper() and re.search(
                    rf"\b{re.escape(source)}\b", text[s.end:s.end + _STORY_SCAN]))):
            return []  # "STUNNING:", a label the story never uses, an op-ed author's name
        if len(words) > 1:
            person = self.names.person_in(words)
            if not person or (person[0].lower() not in self.names.first_names and len(
                    person) == len(words) and not self._speaks_in_story(text, s, person[-1])):
                return []  # a name: a first name we know, a title, or the story quotes them
        colon = match.end("source") + text[match.end("source"):match.end()].index(":")
        return [Attribution(colon, colon + 1, HEADLINE_CUE, self.names.speaker_name(source),
                            content_start=colon + 1, content_end=s.end)]

    @staticmethod
    def _speaks_in_story(text: str, s: Sentence, surname: str) -> bool:
        """Whether the story after the headline reports ``surname`` speaking: "Caddell said",
        "said Zandor Quillfeather", "Quillfeather told the radio"."""
        story = text[s.end:s.end + _STORY_SCAN]
        name = re.escape(surname)
        return re.search(rf"\b{name}(?:\s+\w+){{0,2}}\s+(?:{_SAYS})\b|\b(?:{_SAYS})\s+"
                         rf"(?:[A-Z][\w.'’-]*\s+){{0,3}}{name}\b", story) is not None

    def _source_noun(self, word: str) -> bool:
        """A noun that names who speaks: "source", "officials", "spokesman", "lawyer"."""
        return (word in PLURAL_PEOPLE or word + "s" in PLURAL_PEOPLE
                or word in _PERSON_NOUNS or word in self.names.titles or word in _SPEAKER_NOUNS)

    def _colon_lead(self, text: str, s: Sentence, quote: Quote) -> list[Attribution]:
        """A person whose sentence leads into a quotation with a colon, the quotation closing
        the sentence: "Ann Cole took the opposite view: “…”", "A user posting as @harbourcat
        was blunt: “…”", "She put it bluntly: “…”" (no verb of saying); else []."""
        lead = text[s.start:quote.start].rstrip()
        if s.kind != "body" or not lead.endswith(":") or _has_quote_mark(lead) or _has_words(
                text, quote.end, s.end) or len(lead.split()) > 16:
            return []
        if _SECOND_CLAUSE.search(lead):
            return []  # "She became upset, so that I had to change my answer: “…”": whose?
        colon = s.start + len(lead) - 1
        pronoun = _LEAD_PRONOUN.match(lead)
        unnamed = self._unnamed_lead(lead)
        if pronoun:
            speaker = pronoun.group(1)
        elif unnamed:
            speaker = unnamed[:1].lower() + unnamed[1:] if unnamed.startswith("The ") else unnamed
        elif lead.split()[0] in ("The", "A", "An"):
            return []  # "The Trump campaign was quick to …": a name as a modifier
        else:
            name = self.names.leading_name(lead.split(",")[0], whole_chunk_is_heading=False)
            if not name or not self.names.is_person(name.split()) or not (
                    name.split()[0].lower() in self.names.first_names and len(name.split()) > 1
                    or _TITLED_LEAD.match(lead) or self._surname_of_someone(text, name)):
                return []  # (a name that opens with a first name, or after a title, or the
                # surname of someone named in full: "Ms Quill was blunt: “…”", "Vickers:
                # “…”"; not "The Freedom of Assembly Clause reads: “…”")
            speaker = name
        return [Attribution(colon, colon + 1, "say", speaker, content_start=quote.start,
                            content_end=s.end)]

    def _surname_of_someone(self, text: str, word: str) -> bool:
        """Whether ``text`` names someone in full whose surname is ``word`` ("Ann Vickers")."""
        return " " not in word and name_key(word) not in self.names.titles and any(
            m.group(1).lower() in self.names.first_names or name_key(m.group(1)) in
            self.names.personal_titles for m in re.finditer(
                rf"\b([A-Z][\w’'-]*\.?)[ \t]+{re.escape(word)}\b", text[:_STORY_SCAN]))

    def _unnamed_lead(self, lead: str) -> str:
        """The one unnamed person who opens ``lead``, up to the word that says who
        ("One resident", "The mayor", "A user posting as @harbourcat"), else ""."""
        words = lead.split()
        if not words or words[0] not in ("A", "An", "One", "Another", "The"):
            return ""
        for end in range(2, min(len(words), 4) + 1):
            phrase = " ".join(words[:end])
            if self._one_described(phrase) is not None or self._description(phrase.lower()):
                handle = _POSTING_AS.match(" ".join(words[end:]))
                return f"{phrase} {handle.group()}" if handle else phrase
            if not words[end - 1].isalpha() or not words[end - 1].islower():
                break
        return ""

    def _one_described(self, speaker: str) -> str | None:
        """The gender ("m", "f" or "" when unknown) of the one unnamed person ``speaker``
        introduces ("the first speaker of the night", "a pediatrician", "one parent"), else
        None."""
        words = speaker.split()
        if len(words) < 2 or not speaker[1:].islower() or not (
                words[0].lower() in ("a", "an", "one", "another") or words[0].lower() == "the"
                and words[1] in _ORDINALS):
            return None  # (not "the talk-show host", maybe someone named before)
        head = next((w for w in words[1:4] if w in _ONE_PERSON or w in _PERSON_NOUNS
                     or w in _SPEAKER_NOUNS or w in _ROLE_NOUNS or w in _MEMBERS_OF_PUBLIC
                     or w in self.names.titles), "")
        if not head:
            return None
        return _ONE_PERSON.get(head, "")

    def _description(self, speaker: str) -> bool:
        """Whether ``speaker`` describes one person ("the 52-year-old", "the finance chief",
        "the senator"), who may be named before."""
        found = _DESCRIPTION.fullmatch(speaker)
        if found is None:
            return False
        head = found[2]  # (none for an age: group 1)
        return head is None or head in self.names.titles or head in _ONE_PERSON or (
            head in _PERSON_NOUNS or head in _SPEAKER_NOUNS or head in _ROLE_NOUNS)

    def _subordinate(self, text, s, words, lowered, k) -> bool:
        """Whether the verb sits in an introductory clause ("While Biden has vowed …, it is …")."""
        for sub in _SUBORDINATORS:
            parts = sub.split()
            if lowered[: len(parts)] == parts:
                if sub in _ALSO_PREPOSITIONS:
                    before_verb = text.find(",", s.start, words[k][0])
                    if before_verb >= 0 and len(TOKEN.findall(
                            text[words[len(parts) - 1][1]:before_verb])) <= 5:
                        return False  # "Before the meeting, he insisted that …": a phrase
                # the clause ends at the first comma after the verb; is there a main clause?
                comma = text.find(",", words[k][1], s.end)
                if comma < 0:
                    return False
                if (sub == "as" and len(TOKEN.findall(text[words[k][1]:comma])) <= 3
                        and _accordance(lowered[max(0, k - _AS_SUBJECT):k])):
                    return False  # "As Reyes put it, …": the main clause is what was said
                rest = text[comma + 1:s.end]
                return len(TOKEN.findall(rest)) >= 4
        main = _main_verb_after_relative_clause(text, words, lowered, k, s.end)
        # (when the main verb says too, "Goodell, who added …, said …", it is the report)
        return main >= 0 and not any(m.start == words[main][0] for m in self.speech.match(
            text, words[main][0], s.end, senses=False))

    def _np_after(self, text, words, k, end, inside) -> str:
        """The noun phrase after a verb or "according to": up to a comma, quote or clause word."""
        picked = []
        for i in range(k, min(len(words), k + 10)):
            start, stop, w = words[i]
            if inside.covers(start):
                break
            if i > k and _BREAK_OR_DASH.search(text[words[i - 1][1]:start]) and not (
                    text[words[i - 1][1]:start] == "," and w[:1].isdigit()
                    and words[i - 1][2][-1:].isdigit()):  # (not "the 1,500-member union")
                break
            if i > k and w.lower() in _CLAUSE_WORDS - {"and"}:
                break
            if i > k and (w.lower() in _BE_FORMS or (
                    w.lower() in _MODALS and w.lower() not in ("to", "t") and not (
                        w[:1].isupper() and words[i - 1][2][:1].isupper())) or (
                    w.lower() in _IRREGULAR_PAST) or (w.islower() and w.endswith("ed")
                                                      and words[i - 1][2][:1].isupper())):
                break  # "according to the Radical Right is …", "… Blogger Bonds urged"
            if i > k and picked and w in _SEEN_BY and i + 1 < len(words) and (
                    words[i + 1][2].lower() == "by"):
                break  # "according to emails obtained by the Ledger": the emails (not "a
                # report published by the Institute", whose report it is)
            if (w.lower() in ("on", "in", "at", "during", "last", "this", "earlier", "told")
                    or (w.lower() == "to" and words[i - 1][2].lower() not in _TO_ADJECTIVES)
                    or (w.lower() in DAYS_MONTHS and words[i - 1][2].islower()
                        and words[i - 1][2].endswith(("ed", "en")))
                    ) and picked:  # (not "Theresa May", "testimony Wednesday from …", "a
                # source close to the talks")
                # cut before a place or a time: a participle left at the end goes too ("a
                # statement [released] in Berlin", "figures [published] on Friday", "a
                # trial [published] Monday")
                while len(picked) > 1 and _TRAILING_PARTICIPLE.fullmatch(
                        text[slice(*picked[-1])]):
                    picked.pop()
                break
            picked.append((start, stop))
        if not picked:
            return ""
        first = text[slice(*picked[0])].lower()
        if first in _PREPOSITIONS or first == "to" or first in _CLAUSE_WORDS or (
                first in _SKIP_BEFORE_VERB) or (
                first in _OBJECT_PRONOUNS and (len(picked) == 1 or first != "her")) or all(
                text[slice(*w)].lower() in _TIME_WORDS for w in picked):
            return ""  # "said in May", "told me", "said Tuesday": no speaker after the verb
        while len(picked) > 1 and text[slice(*picked[-1])].lower() in ("such", "like"):
            picked.pop()  # "according to papers such as …"
        phrase = text[picked[0][0]:picked[-1][1]]
        after = words[k + 1][2].lower() if k + 1 < len(words) else ""
        if first in _SUBJECTS and ((len(picked) > 1 and not _plain_np(phrase)) or (
                after in _BE_FORMS or after in _MODALS or after in ("has", "have", "had")
                or after.endswith("ed"))):
            return ""  # "…, said it had concerns", "said they were concerned": a clause
        if first in ("the", "a", "an", "its", "his", "her", "their", "our") or (
                len(picked) > 2 and text[slice(*picked[1])] == "s"
                and text[picked[0][1]:picked[1][0]] in ("'", "’")):
            # "said the company's lawyer, Ada Pike.", "according to its chief executive,
            # Lionel Marr.", "said Corvane's chief executive, Mark Hale.": a role, then the
            # person's name
            named = _APPOSITIVE_NAME.match(text, picked[-1][1], end)
            person = named and self.names.person_in(named.group(1).split())
            if person and len(person) >= 2:
                return " ".join(person)
        return self.names.speaker_name(phrase)

    def _np_before(self, text, s, words, lowered, k, inside) -> str:
        """The speaker before a verb of saying: the nearest subject-like chunk.

        Skips what stands between a subject and its verb: adverbs and auxiliaries, a time
        ("Okafor in October revealed"), a verb that takes "to" ("he declined to say"), and a
        clause set off by commas ("The carmaker, which …, says"; "Peskov, the Kremlin's
        spokesman, said").
        """
        if k > 1 and lowered[k - 1] == "then" and words[k - 2][2].islower() and (
                lowered[k - 2] == "and" or "," in text[words[k - 2][1]:words[k - 1][0]] and (
                    lowered[k - 2].endswith("ed") or lowered[k - 2] in _IRREGULAR_PAST)):
            # "She paused, then added: …", "He sighed and then said …": the first verb's
            # subject
            return self._clause_subject(text, s, words, lowered, k, inside)
        i = self._subject_end(text, words, lowered, k)
        if i < 0:
            return ""
        if 0 < i < k - 1 and "," in text[words[k - 1][1]:words[k][0]] and "," not in text[
                words[i][1]:words[i + 1][0]]:
            # "A person close to the singer, who asked not to be named because they were not
            # authorized to speak publicly, said": the clause in commas ends at the comma
            # before the verb, past the adverb that ends it
            named = self._around_parenthetical(text, s, words, lowered, k - 1, inside)
            if named:
                return named
        via_who = lowered[i] in ("who", "which")
        person = lowered[i] == "who"
        if via_who and i > 0:
            # "Peru and Chile, the two largest producers, which together vowed"
            i -= 1
            if not words[i][2][:1].isalnum():
                return ""
            j = self._chunk_start(text, words, lowered, i, inside)
            named = self._person_before_appositive(text, words, lowered, j, inside) if (
                person and j <= i) else ""
            if named:
                return named  # "Ray Doucet, a retired welder who said …": Ray Doucet
            if not person and j <= i and "," in text[words[i][1]:words[i + 1][0]]:
                name = self.names.speaker_name(text[words[j][0]:words[i][1]])
                if _proper(name) and _speaking_thing(name):
                    return name  # "…, funded by the Kelby Heart Trust, which said …"
            if person and j <= i and (j == 0 or "," not in text[words[j - 1][1]:words[j][0]]):
                # no appositive before it: "Cole endorses Reyes, who says …" (Reyes; not
                # "which", whose antecedent may be the whole clause: "…, which tells you")
                name = self.names.speaker_name(text[words[j][0]:words[i][1]])
                if _proper(name) or (lowered[j] in _DETERMINERS and i - j < 4
                                     and _plain_np(name)):
                    return name  # (and "The mayor, who said …, resigned": the mayor)
                last = _last_article(lowered, j, i)
                if last > 0 and i - last < 4 and lowered[last - 1] not in _BE_FORMS and not (
                        _plain_np(text[words[j][0]:words[last][0]])):
                    # "She thanked the nurses, who said …": the nurses
                    return self.names.speaker_name(text[words[last][0]:words[i][1]])
        if lowered[i] == "to":
            # "Other leaders used blunt language to denounce …": the clause's subject
            return self._clause_subject(text, s, words, lowered, k, inside)
        if lowered[i] in ("and", "but") and i > 0:
            # "Mr. Schultz supported Democrats …, and said …": the first verb's subject
            return self._clause_subject(text, s, words, lowered, k, inside)
        if i + 2 <= k and _party_tag(text, words, lowered, i + 1) and "," in text[
                words[i + 1][1]:words[i + 2][0]]:
            first = self._chunk_start(text, words, lowered, i, inside)
            if first > 0 and "," in text[words[first - 1][1]:words[first][0]]:
                # "Ivo Brandt, spokesman for Council Leader Mira Sholl (D-Iowa), said"
                return self._around_parenthetical(text, s, words, lowered, i + 1, inside)
        if i + 1 < len(words) and _DASH.search(text[words[i][1]:words[i + 1][0]]):
            # "Ortiz – who runs the shop – said": the subject before the first dash
            for j in range(i - 1, max(-1, i - 25), -1):
                if inside.covers(words[j][0]):
                    break
                if _DASH.search(text[words[j][1]:words[j + 1][0]]):
                    start = self._chunk_start(text, words, lowered, j, inside)
                    if start > j or (start > 0 and lowered[start - 1] in _CLAUSE_WORDS):
                        break  # (not "…, with whom Comey shared a memo – …")
                    if start > 0 and "," in text[words[start - 1][1]:words[start][0]]:
                        # "Ann Cole, the head of the Harbour Board -- …, said": the
                        # name before the appositive (not an opening "On 5 October,")
                        named = self._around_parenthetical(text, s, words, lowered, j, inside)
                        if _proper(named) and not _no_noun_phrase(named):
                            return named
                    name = self.names.speaker_name(text[words[start][0]:words[j][1]])
                    if name and not _has_verb(name) and not _no_noun_phrase(name):
                        return name
                    break
        if lowered[i].isdigit() and i > 0 and "," in text[words[i - 1][1]:words[i][0]]:
            i -= 1  # "Geoffrey Hale, 76, said": the age is no speaker
        elif "," in text[words[i][1]:words[i + 1][0]] and not (
                i + 1 < k and "," in text[words[k - 1][1]:words[k][0]]):
            # (not "A group of lawmakers, predictably, wrote": only an adverb in commas)
            return self._around_parenthetical(text, s, words, lowered, i, inside)
        if lowered[i] == "it" and i > 0 and lowered[i - 1] in ("which", "that"):
            # "The Northern Front claimed the blast, which it said …": what the sentence is about
            subject = self._sentence_subject(text, s, words, lowered, inside)
            if subject and subject.split()[0].lower() not in self.names.first_names:
                return subject  # (not a person: "Ann Cole bought the house, which it said …")
        if lowered[i] in _PRONOUNS:
            return words[i][2]  # "In a letter that year she called …": she
        j = self._chunk_start(text, words, lowered, i, inside)
        if j > i:
            return self._sentence_subject(text, s, words, lowered, inside)
        opening = _opening_relative_subject(text, s, words, lowered, j, k, inside)
        if opening:
            # "A senior official who spoke on condition of anonymity because he was not
            # authorized to discuss the negotiations said": the official, not the object of
            # the clause's last verb
            return self.names.speaker_name(opening)
        if j > 0 and i - j >= 8 and lowered[j - 1] not in _CLAUSE_WORDS and not (
                _BREAK_OR_DASH.search(text[words[j - 1][1]:words[j][0]])):
            # a chunk cut off by the walk's length: a person at its end ("the old tale Mary A.
            # Costa told"), else the name opening the sentence ("… Hospital and St Aldric's
            # Hospital in Ashby Cross have agreed")
            named = self.names.speaker_name(text[words[j][0]:words[i][1]])
            if _proper(named) and self.names.is_person(named.split()):
                return named
            opening = self._sentence_subject(text, s, words, lowered, inside)
            if opening:
                return opening
        if lowered[j] in _PREPOSITIONS and j > 0 and lowered[j - 1] in ("and", "but"):
            # "Marsh apologized and at no point claimed …": the first verb's subject
            return self._clause_subject(text, s, words, lowered, k, inside)
        if (j + 3 <= i and lowered[j] in ("the", "a", "an") and lowered[j + 2] in ("the", "a")
                and words[j + 1][2].isalpha() and words[j + 1][2].islower()
                and text[words[j + 1][1]:words[j + 2][0]] == " "
                and not (lowered[i].endswith("ed") or lowered[i] in _IRREGULAR_PAST)):
            # "The question the two inspectors had asked …": the relative clause's subject
            # (not "The man the police questioned said …", where the clause has ended)
            j += 2
        elif _one_thing_then_speakers([w[2] for w in words[j:i + 1]]):
            j += 2  # "…, a move officials said would save …": the officials
        by = next((p for p in range(j + 2, i) if lowered[p] == "by" and (
            lowered[p - 1].endswith(("ed", "en")))), 0)
        if by:
            i = by - 2  # "Employees reached by Reuters described …": the employees
        phrase = text[words[j][0]:words[i][1]]
        name = self.names.speaker_name(phrase)
        # after "which" or "that" a short plural may be the clause's own subject ("… that
        # industry analysts say", "given that officers had threatened"); after "who" the
        # words are the relative clause's verb and object ("Economists who study markets")
        if j > 1 and lowered[j - 1] == "who" and i - j < 3 and "," in text[
                words[j - 2][1]:words[j - 1][0]] and (
                usual_tag(lowered[i]) or "").startswith("NN") and not any(
                (usual_tag(w) or "") in _FINITE_TAGS or (usual_tag(w) or "").startswith("RB")
                or w in _TIME_WORDS or w.rstrip("s") in _TIME_WORDS for w in lowered[j:i + 1]):
            # "Curtis Delong, 34, who prosecutors said was watching a video": the relative
            # clause's own subject, a noun with no verb, reports it (not Delong)
            return name
        if j > 1 and lowered[j - 1] in ("who", "which") and "," in text[
                words[j - 2][1]:words[j - 1][0]] and lowered[j] not in (
                _NP_OPENERS) and not words[j][2][:1].isupper():
            # "Sen. Paula Ritter, R-S.C., who sits on the panel called on …" (no comma to
            # close the clause)
            return self._around_parenthetical(text, s, words, lowered, i, inside, opening=j - 1)
        chunk_is_subject = lowered[j - 1] != "who" and (lowered[j] in _ANYONE_WORDS or (
            i - j < 3 and lowered[i].endswith("s") and not lowered[i].endswith("ss")) or (
            # "a gap that delegates from poorer nations called unacceptable": no verb of its
            # own, a noun phrase (not "a plan that costs too much")
            lowered[j - 1] in ("that", "which") and plural_form(lowered[j]) and not any(
                (usual_tag(w) or "") in _FINITE_TAGS for w in lowered[j + 1:i + 1]))) if (
            j > 0) else True
        if j > 0 and lowered[j - 1] in ("who", "which", "that") and lowered[j] not in (
                _NP_OPENERS) and not words[j][2][:1].isupper(
        ) and not chunk_is_subject and not _BREAK.search(
                text[words[j - 1][1]:words[j][0]]) and j >= 2:
            # "Some parents who sought help … reported": the subject is before "who"
            head_end = j - 2
            head = self._chunk_start(text, words, lowered, head_end, inside)
            if head <= head_end and not _BREAK.search(text[words[head_end][1]:words[j - 1][0]]):
                return self.names.speaker_name(text[words[head][0]:words[head_end][1]])
        # up to eight words when they open like a noun phrase ("Seasoned analysts in Ohio
        # and across the region", "Those close to him"), else six
        np_start = words[j][2][:1].isupper() or lowered[j] in _NP_OPENING_WORDS
        if name and (len(name.split()) <= (8 if np_start else 6) and not _has_verb(name)
                     or self.names.place(name) is not None):
            return name  # (a long name the gazetteer knows: "the National Association for
            # the Advancement of Colored People")
        if name and _has_verb(name):
            # "… was the second time the group said": the noun phrase after the clause's verb,
            # from its last determiner
            last = _last_article(lowered, j, i)
            if (last > 0 and _has_verb(text[words[j][0]:words[last][0]]) and i - last < 4
                    and lowered[last - 1] not in _PREPOSITIONS
                    and not (via_who and lowered[last - 1] in _BE_FORMS)):
                # (not "spoke during a public comment period": an object; not "Varga is a
                # loyal servant who …": the subject is the servant)
                capital = i
                while capital > last and words[capital][2][:1].isupper():
                    capital -= 1
                tail = self.names.speaker_name(text[words[last if capital == i else capital + 1][0]:
                                                    words[i][1]])  # "the second time ACME"
                if tail and not _has_verb(tail):
                    return tail
        return self._sentence_subject(text, s, words, lowered, inside)

    def _subject_end(self, text, words, lowered, k) -> int:
        """The last word of the subject before the verb at ``k``, past adverbs, auxiliaries,
        a time and a verb that takes "to"."""
        i = k - 1
        while i >= 0:
            gap_after = text[words[i][1]:words[i + 1][0]]
            if _adverb(lowered[i]) or (lowered[i] in _SKIP_BEFORE_VERB
                                       and not re.search(r"[,;:“”\"]", gap_after)
                                       and not (i > 0 and words[i][2][:1].isupper())):
                i -= 1  # (not the "May" of "Theresa May suggested")
            elif lowered[i] == "to" and i > 0 and (
                    lowered[i - 1] in _TAKES_TO or lowered[i - 1].endswith("ed")) and not (
                    re.search(r"[,;:“”\"]", text[words[i - 1][1]:words[i][0]])):
                i -= 2  # "he declined to say", "officials refused to explain"
            elif lowered[i] == "to" and i > 1 and lowered[i - 1] == "on" and (
                    lowered[i - 2] in ("went", "go", "goes", "going")):
                i -= 3  # "Ham went on to explain"
            elif _party_tag(text, words, lowered, i):
                i -= 1  # "Rep. Gwen Moore (D-Wis.) said"
            elif lowered[i] == "to" and i > 0 and "," in text[words[i - 1][1]:words[i][0]]:
                return i - 1  # "forced Stumpf, who …, to admit": the object speaks
            elif i >= 2 and lowered[i - 2:i + 1] == ["at", "the", "time"] and not re.search(
                    r"[,;:“”\"]", text[words[i - 3 if i > 2 else 0][1]:words[k][0]]):
                i -= 3  # "a move Ana Ruiz at the time described as …"
            elif (not lowered[k].endswith("ing") and i > 0
                  and _is_time(lowered[i]) and lowered[i - 1] in _TIME_INTRODUCERS
                  and not re.search(r"[,;:“”\"]", gap_after)):
                i -= 2  # "Okafor in October revealed", "the ministry last week said"
                while i >= 0 and lowered[i] in _BEFORE_A_TIME:
                    i -= 1
            else:
                break
        return i

    def _chunk_start(self, text, words, lowered, i, inside) -> int:
        """Walk left from word ``i`` over a noun phrase, up to punctuation, a quotation or a
        clause word (at most nine words); the index of its first word (``i + 1`` if none)."""
        j = i
        while j >= 0:
            if inside.covers(words[j][0]):
                break
            if j < i and _BREAK_OR_DASH.search(text[words[j][1]:words[j + 1][0]]):
                break
            if (lowered[j] in _CLAUSE_WORDS and lowered[j] not in ("and",)) or (
                    lowered[j] == "including"):
                break
            if lowered[j] in ("and", "but") and j > 0 and words[j - 1][2].islower() and (
                    lowered[j - 1].endswith("ed") or lowered[j - 1] in _IRREGULAR_PAST
                    or (j < i and lowered[j + 1] in _PREPOSITIONS)):
                break  # "Marsh apologized and at no point claimed": two clauses, not one name
            if lowered[j] == "and" and j < i and words[j + 1][2].istitle() and any(
                    words[p][2].islower() and (lowered[p].endswith("ed") or lowered[p] in (
                        _IRREGULAR_PAST)) and lowered[p - 1] not in _DETERMINERS
                    and not _adverb(lowered[p - 1]) and lowered[p - 1] not in _BE_FORMS
                    and not _BREAK.search(text, words[p][1], words[j][0])
                    for p in range(max(1, j - 8), j)):
                break  # "… the army moved troops and Karvonia accused …": Karvonia (not
                # words in capitals: "signs that read YOU'RE FIRED and STOP KILLING")
            if i - j >= 9:
                break
            j -= 1
        while j + 1 < i and (lowered[j + 1] in ("and", "but", "or") or _adverb(lowered[j + 1])):
            j += 1  # "…, and the bank says": the bank; "where ultimately the defense asked"
        while j + 3 <= i and lowered[j + 1] in _TIME_INTRODUCERS and _is_time(lowered[j + 2]):
            j += 2  # "and on Tuesday officials said": officials
        return j + 1

    def _around_parenthetical(self, text, s, words, lowered, i, inside,
                              opening: int | None = None) -> str:
        """The speaker of "SUBJECT, PARENTHETICAL, said": the name before the parenthetical
        ("Ms. Ortiz, who …, told"), else a person named in it ("The Kremlin's spokesman,
        Dmitry Peskov, said"), else the subject as written ("The carmaker, which …, says")."""
        if opening is None:
            opening = _comma_opening(text, words, i, 30, inside, _BREAK_NOT_COMMA)
        if opening <= 0 or i - opening >= 30:
            return self._sentence_subject(text, s, words, lowered, inside)
        inner = text[words[opening][0]:words[i][1]]
        if lowered[opening:opening + 2] == ["and", "who"]:
            # "A loader who has worked there for years, and who asked not to be named, said":
            # the one the first "who" tells of
            who = next((w for w in range(1, min(opening, 7)) if lowered[w] == "who"), 0)
            phrase = text[words[0][0]:words[who - 1][1]] if who else ""
            if phrase and lowered[0] in _NP_OPENING_WORDS and not _has_verb(phrase) and not (
                    _BREAK_OR_DASH.search(text, s.start, words[who][0])):
                return self.names.speaker_name(phrase)
        end = opening - 1
        if _party_tag(text, words, lowered, end):
            end -= 1  # "Rep. Dale Pruett (R-OK), the senior Republican, asked"
        start = self._chunk_start(text, words, lowered, end, inside)
        for _ in range(3):
            # past an age and a hometown: "Okonjo, 61, of Dunmore, Pa., who …, said"
            piece = lowered[start:end + 1]
            if not (start > 0 and "," in text[words[start - 1][1]:words[start][0]] and (
                    (len(piece) == 1 and (piece[0].isdigit() or STATE.fullmatch(
                        words[start][2]))) or (piece and piece[0] == "of")
                    or _PARTY.fullmatch(text[words[start][0]:words[end][1]])
                    or (start <= end and words[start - 1][2][:1].isupper() and self.names.place(
                        text[words[start][0]:words[end][1]]) is not None))):
                # (and a place's region: "… in Halifax, Nova Scotia, for six seasons, said")
                break
            end = start - 1
            start = self._chunk_start(text, words, lowered, end, inside)
        before = self.names.speaker_name(text[words[start][0]:words[end][1]]) if (
            start <= end) else ""
        relative = -1
        if start > 0 and lowered[start - 1] in ("who", "which", "that") and text[
                words[start - 1][1]:words[start][0]].isspace():
            before = ""  # "The firm that runs the fair, Holt Events, denies"
            relative = start - 1
        named = self._person_before_appositive(text, words, lowered, start, inside)
        if named:
            return named
        if _PARTITIVE.fullmatch(before):
            # "One of them, the grocery distributor Fenwick Foods, told …": the one named
            inner = inner.strip(" ,")
            named = self.names.speaker_name(inner)
            if _proper(named):
                return named  # ("One of them, 19-year-old Mele Tauva from Kelbrook, said")
            tail = re.search(r"[A-Z][\w&.’'-]*(?:[ \t]+(?:and[ \t]+)?[A-Z][\w&.’'-]*)*$", inner)
            if tail is not None or inner.split()[0].lower() in ("a", "an"):
                return self.names.speaker_name(tail.group() if tail else inner)  # (or "…, a
                # retired nurse, said")
        if _proper(before) and len(before.split()) <= 8:
            # "A lawyer for Google, Dana Reyes, said": the person the parenthetical names
            # speaks for the organization the subject names
            role = lowered[start:end + 1][:-len(before.split())]
            named = self.names.speaker_name(inner)
            person = _proper(named) and self.names.is_person(named.split())
            if person and self.names.is_title_word(before.split()[-1]):
                return named  # "The Transport Secretary, Helena Voss, accused …"
            if not (role and role[-1] in _SPEAKS_FOR and any(
                    self._source_noun(w) for w in role) and person) or lowered[opening] in (
                        "which", "who", "whose", "that"):
                return before  # (not "…, which is supporting Holloway, said": a clause)
            return named
        if before and start > 1 and "," in text[words[start - 1][1]:words[start][0]]:
            # two appositives: "Paul Okeke, a spokesman for Fair Streets, a lobby, said"
            first = self._chunk_start(text, words, lowered, start - 1, inside)
            named = self.names.speaker_name(text[words[first][0]:words[start - 1][1]]) if (
                first <= start - 1) else ""
            if _proper(named) and self.names.is_person(named.split()):
                return named
        if not any(w in _CLAUSE_WORDS and w != "and" for w in lowered[opening:i + 1]) and not (
                _PARTY.fullmatch(inner)) and not (  # (not "Sen. Lamar Alexander, R-Tenn., said")
                before and lowered[opening] in _MEMBERS_FOLLOW):  # "experts, including X, say"
            # "Its chair, Linda Osei, claimed", "The two members who voted against, Orla
            # Brennan and Desmond Kirui, said"
            named = self.names.speaker_name(inner)
            if _proper(named) and len(named.split()) <= 6:
                return named
        if before and len(before.split()) <= (8 if any(
                self._source_noun(w) or w in _ONE_PERSON for w in before.lower().split()[:3])
                else 6):
            return before  # (a longer one for a role or a person: "a spokesman for Cascadia
            # Power & Light", "a mother waiting outside Calloway High School")
        if relative > 0 and lowered[relative] == "who":
            # "A man who lives nearby, who asked not to be named, said": the person, with the
            # clause that tells who
            head = self._chunk_start(text, words, lowered, relative - 1, inside)
            if head < relative and any(w in _ONE_PERSON or self._source_noun(w)
                                       for w in lowered[head:relative]):
                return self.names.speaker_name(text[words[head][0]:words[end][1]])
        return self._sentence_subject(text, s, words, lowered, inside)

    def _subordinate_agent(self, text, words, lowered, k, inside) -> str:
        """The subject of a clause that "after", "as" or "when" opens right before a
        participle's comma, when it names who acts: "Shares fell after the carmaker cut its
        forecast, citing …" is the carmaker's reason (not "… as the vote began, saying …")."""
        if k < 4 or "," not in text[words[k - 1][1]:words[k][0]]:
            return ""
        for j in range(k - 2, max(0, k - 14), -1):
            if _BREAK.search(text[words[j][1]:words[j + 1][0]]) or inside.covers(words[j][0]):
                return ""
            if lowered[j] in ("after", "as", "when", "because", "since", "before", "while"):
                verb = next((v for v in range(j + 2, k) if (usual_tag(lowered[v]) or "") in (
                    "VBD", "VBZ", "VBN", "VB") and words[v][2].islower()), 0)
                if not verb:
                    return ""
                subject = text[words[j + 1][0]:words[verb - 1][1]]
                head = lowered[verb - 1]
                if _proper(subject) or self._source_noun(head) or head in _ACTING_BODIES:
                    return self.names.speaker_name(subject)
                return ""
        return ""

    def _person_before_appositive(self, text, words, lowered, start, inside) -> str:
        """The person named before the appositive that holds ``start`` (the first of two, or
        one that a relative clause ends): "Teresa Vukova, director of the Heart Patients'
        Alliance, a charity, said", "Ray Doucet, a retired welder who said …, said"; "" when
        no name of a person (not "In Kelbrook, the mayor, a Democrat, said") stands there."""
        opening = _comma_opening(text, words, start, 13, inside)
        if opening <= 0 or not (
                words[opening][2][:1].islower() or self.names.is_title_word(words[opening][2])):
            return ""
        first = self._chunk_start(text, words, lowered, opening - 1, inside)
        if first > opening - 1:
            return ""
        named = self.names.speaker_name(text[words[first][0]:words[opening - 1][1]])
        if _proper(named) and self.names.is_person(named.split()) and (
                len(named.split()) >= 2 or first == 0):
            return named
        return ""

    def _clause_subject(self, text, s, words, lowered, k, inside) -> str:
        """The subject of the clause a participle after a comma belongs to ("The senator
        attacked the plan, saying …"): the first noun phrase after any introductory phrase."""
        i = 0
        opening = self._dateline(text, s)
        if opening:
            while i < k and words[i][0] < opening.end():
                i += 1  # "DENVER (KXV) - Lena Moss skipped her …"
        colon = text.rfind(":", s.start, words[k][0])
        if colon >= 0 and not inside.covers(colon):
            while i < k and words[i][0] < colon:
                i += 1  # "Harbour chaos: the council votes and warns …": after the colon
        while i < k:
            if inside.covers(words[i][0]):
                return ""
            chunk_end = i
            while chunk_end + 1 < k and "," not in text[
                    words[chunk_end][1]:words[chunk_end + 1][0]]:
                chunk_end += 1
            opens = (lowered[i] in _OPENERS or _adverb(lowered[i])
                     or any(w in _SUBORDINATING for w in lowered[i:min(i + 3, chunk_end + 1)])
                     or lowered[chunk_end] in ("later", "ago", "earlier")  # "Ten minutes later,"
                     or (chunk_end > i and past_participle(lowered[i])))  # "Stung by the vote,"
            if not opens or chunk_end + 1 >= k:
                break
            # "Last week, …", "Recently, …", "Back when the votes were counted, …"
            i = chunk_end + 1
        if i >= k:
            return ""
        if lowered[i] in _BE_FORMS or (lowered[i].endswith("ing") and i + 1 < k and (
                lowered[i + 1] in _DETERMINERS or lowered[i + 1] in _PREPOSITIONS
                or lowered[i + 1] in _OBJECT_PRONOUNS)):
            return ""  # "Being a recovering addict doesn't preclude …, to suggest …"
        if lowered[i] in _PREPOSITIONS:
            # "In a letter that year she called …, and accused …": the pronoun after it
            return next((words[j][2] for j in range(i + 1, k) if lowered[j] in _PRONOUNS
                         and lowered[j] != "it"), "")
        if lowered[i] in _PRONOUNS:
            return words[i][2]
        capitalized = words[i][2][:1].isupper() and lowered[i] not in _DETERMINERS and (
            lowered[i] not in _QUANTIFIERS)
        if capitalized and (i + 1 >= k or not words[i + 1][2].islower() or (
                tagger_lexicon().get(lowered[i + 1], "")[:2] == "VB")):
            # "Recently, Ben Shapiro spoke … and reported": the name opening this clause
            # ("Trump stuck to his theory …, asking": a verb right after it)
            return self.names.leading_name(text[words[i][0]:words[k][0]],
                                           whole_chunk_is_heading=False)
        if not capitalized and lowered[i] not in _DETERMINERS and lowered[i] not in _QUANTIFIERS:
            return ""
        j = i + 1
        if lowered[i] in _QUANTIFIERS and j + 1 < k and lowered[j] == "of":
            j += 1  # "some of Trump's defenders"
        while j < k and j - i < 7 and not (
                lowered[j] in _BE_FORMS or lowered[j] in _MODALS or lowered[j] in _CLAUSE_WORDS
                or lowered[j] in _PREPOSITIONS or lowered[j] in ("has", "have", "had")
                or (lowered[j] in _IRREGULAR_PAST and words[j][2].islower())
                or _adverb(lowered[j]) or lowered[j] in _SKIP_BEFORE_VERB
                or (words[j][2].islower() and (
                    (lowered[j].endswith("ed") and len(lowered[j]) > 3)
                    or (lowered[j].endswith("ing") and len(lowered[j]) > 5)))
                or (capitalized and j == i + 1 and lowered[j].endswith("s") and j + 1 < k
                    and lowered[j + 1] in _PREPOSITIONS | _DETERMINERS)  # "Anjelica meets with"
                or (capitalized and j == i + 1 and words[j][2].islower()
                    and verb_in_s(lowered[j]))  # "China deploys troops and warns …"
                or (j > i + 1 and words[j][2].islower() and words[j - 1][2][:1].isupper()
                    and verb_in_s(lowered[j]))  # "Pop star Lyra Devane cancels dates, citing"
                or (j > i + 1 and j + 1 < k and (
                    lowered[j + 1] == "to" or (lowered[j + 1] in _DETERMINERS
                                               and lowered[j + 1] != "s")))  # "made a", "took to"
                or "," in text[words[j - 1][1]:words[j][0]]):
            j += 1
        while j + 1 < k and lowered[j] == "of" and words[j - 1][2][:1].isupper() and (
                words[j + 1][2][:1].isupper()) and not _BREAK.search(
                    text[words[j - 1][1]:words[j + 1][0]]):
            j += 2  # a name with "of": "The Ministry of Education put the figure …, saying"
            while j < k and words[j][2][:1].isupper() and not _BREAK.search(
                    text[words[j - 1][1]:words[j][0]]):
                j += 1
        if (j == i + 1 and not capitalized) or j - i >= 7 or lowered[j - 1] == "of":
            return ""
        if j < k and lowered[j] == "and" and not capitalized:
            e = j + 1  # "His daughter and business partner, Rose Hollis, was …": past the
            while e < k and e - j <= 3 and words[e][2].islower() and "," not in text[
                    words[e - 1][1]:words[e][0]]:  # second noun, to the name
                e += 1
            if e < k and "," in text[words[e - 1][1]:words[e][0]]:
                j = e
        end = j
        if j < k and lowered[j] == "of" and not capitalized:
            e = j + 1  # "The head of the union, Mara Vell, walked out …": past "of the union"
            while e < k and e - j <= 3 and words[e][2].islower() and "," not in text[
                    words[e - 1][1]:words[e][0]]:
                e += 1
            end = e
        named = _APPOSITIVE_NAME.match(text, words[end - 1][1], words[k][0])
        if named is not None and not capitalized and self.names.is_person(named.group(1).split()):
            # "His attorney, Rachel Stein, had asked …, citing …": the name beside the noun
            return named.group(1)
        return self.names.speaker_name(text[words[i][0]:words[j - 1][1]])

    def _dateline(self, text, s):
        """The dateline that opens a sentence ("DENVER (KXV) -", "Indianapolis –"), or None."""
        opening = DATELINE.match(text, s.start, s.end)
        if opening is None:
            opening = _TITLE_DATELINE.match(text, s.start, s.end)
            if opening is not None and self.names.place(opening.group("place")) is None:
                return None
        return opening

    def _sentence_subject(self, text, s, words, lowered, inside) -> str:
        """The name that opens the sentence (after an introductory phrase), if there is one."""
        opening = self._dateline(text, s)
        chunks = re.split(r",", text[opening.end() if opening else s.start:s.end])
        position = s.start
        for chunk in chunks[:3]:
            name = self.names.leading_name(chunk, whole_chunk_is_heading=len(chunks) == 1)
            if name:
                return name
            position += len(chunk) + 1
        return ""

    def _resolve(self, speaker: str, position: int, mentions: list[tuple[int, str, str]],
                 groups: list[tuple[int, str]] = (), since: int = 0, text: str = "",
                 unnamed: list[tuple[int, str, str, bool]] = (), starts: list[int] = ()) -> str:
        kind = _PRONOUNS.get(speaker.lower())
        if kind is None:
            return speaker
        if kind == "person":
            # the last person named before, skipping one known to be of the other gender
            # ("Scooter Braun" for "she", "Hillary Clinton" for "he")
            wrong = "f" if speaker.lower() == "he" else "m"
            i = bisect_left(mentions, (position, "", ""))
            while i > 0 and mentions[i - 1][2] == wrong:
                i -= 1
            opening = starts[bisect_right(starts, position) - 1] if starts else 0
            if i > 0 and mentions[i - 1][0] >= opening and _ASKED_OPENING.match(text, opening):
                # "Asked whether he had spoken to chairman Neville Ord, he said …": the one
                # asked, named before (not the one the question was about)
                i = bisect_left(mentions, (opening, "", ""))
                while i > 0 and mentions[i - 1][2] == wrong:
                    i -= 1
            if i == 0:
                # no one named before: the one unnamed person who opened a sentence since the
                # sentence before ("The mayor said the vote was a relief. “…,” she said")
                k = bisect_left(unnamed, (position, "", ""))
                if k and unnamed[k - 1][0] >= since and unnamed[k - 1][2] != wrong and not (
                        unnamed[k - 1][3]):
                    offset, noun = unnamed[k - 1][:2]
                    opening = starts[bisect_right(starts, offset) - 1] if starts else offset
                    phrase = text[opening:offset + len(noun)].strip()
                    return phrase[:1].lower() + phrase[1:]
                return speaker
            # ... and one who was told something, when the teller may be "she": "Ana Ruiz
            # told Maria Lopez the plan was fair. “It works,” she said" is Ruiz
            told = mentions[i - 1][0]
            if _TOLD_BEFORE.search(text, max(0, told - 12), told):
                k = i - 1
                while k > 0 and mentions[k - 1][2] == wrong:
                    k -= 1
                if k and bisect_right(starts, mentions[k - 1][0]) == bisect_right(starts, told):
                    i = k  # (the teller is named in the sentence that names who was told)
            # ... and one named as an owner after someone else in the same sentence: "Hale
            # attacked Okafor-Bright’s record. “…,” he told supporters" is Hale
            elif i > 1 and mentions[i - 2][2] != wrong and _OWNER_NAME.match(
                    text, mentions[i - 1][0]) and bisect_right(starts, mentions[i - 2][0]) == \
                    bisect_right(starts, mentions[i - 1][0]):
                i -= 1
            else:
                i = _opening_subject(text, mentions, i, position, starts, wrong)
            offset, name, _ = mentions[i - 1]
            # ... unless a sentence since opened with someone unnamed who may be "she": "The
            # judge, a veteran of the court, set a date. She said …" (not "Prosecutor Maria
            # Lopez said … The prosecutor added …", the same person)
            k = bisect_right(unnamed, (offset, "\uffff", ""))
            for _, noun, gender, opening in unnamed[k:bisect_left(unnamed, (position, "", ""))]:
                if gender != wrong and not _called(text, mentions, name, noun):
                    # ... or the one the article called so before: "Rovers manager Grant
                    # Halloway … Asked whether …, the manager smiled. “…,” he said" is
                    # Halloway (after an opening phrase, only then: "Speaking at a rally, the
                    # president claimed …" after his name)
                    called = {m[1] for m in mentions[:i] if m[2] != wrong and " " in m[1]
                              and re.search(rf"\b{noun}\s+\Z", text[max(0, m[0] - 30):m[0]],
                                            re.IGNORECASE)}
                    if len(called) == 1:
                        return called.pop()
                    if not opening:
                        return speaker
            return name
        if speaker.lower() == "they":
            i = bisect_left(groups, (position, ""))
            if i > 0 and groups[i - 1][0] >= since:
                return groups[i - 1][1]
        return speaker

    def _group_mentions(self, text, sentences, attributions, inside, runs: NameRuns):
        """Groups a "they" can stand for, in order: (offset, name).

        Two names joined by "and" outside quotations ("the United States and Britain"), and
        speakers of earlier attributions that are plural ("officials", "Western diplomats", "France
        and Germany").
        """
        found = []
        for s in sentences:
            named = runs(s.start, s.end)
            for (start, left), (offset, right) in zip(named, named[1:]):
                end = start + len(" ".join(left))
                if (text[end:offset] == " and " and not inside.covers(start)
                        and text[start:end] == " ".join(left)):
                    if text[max(start - 4, s.start):start].lower() == "the ":
                        start -= 4
                    joint = text[start:offset] + " ".join(right)
                    found.append((start, self.names.speaker_name(joint)))
            for a in attributions[s.index]:
                if _plural_speaker(a.speaker):
                    found.append((a.start, a.speaker))
        return sorted(found)

    def _things_speaking(self, text, sentences, attributions, inside) -> list[tuple[int, str]]:
        """What "it" can stand for when it speaks, in order: (offset, name). The subject that
        opens a body sentence when it names a body, a business, an outlet or a document ("The
        county health department said …", "Harrowgate Savings knew …", "The district's
        argument …"), and the speakers of attributions that do ("…, the bank said")."""
        found = []
        for s in sentences:
            if s.kind != "body":
                continue
            opening = _THING_OPENERS.match(text, s.start, s.end)
            chunk = text[opening.end():s.end].split(",")[0]
            subject = self._thing_subject(chunk)
            if not inside.covers(s.start) and (subject or self.names.leading_name(
                    chunk, whole_chunk_is_heading=False)):
                # (a subject of another kind stands between "it" and a body named before:
                # "Kestrel Leaks began releasing what it says are …" is not the charity's)
                found.append((s.start, subject))
            found.extend((a.start, a.speaker) for a in attributions[s.index]
                         if _speaking_thing(a.speaker))
        return sorted(found)

    def _thing_subject(self, chunk: str) -> str:
        """The body, business or document a clause opens with ("The county health department
        said": "the county health department"; "The bank's lawyers": "the bank"), or ""."""
        words = chunk.split()[:7]
        the = bool(words) and words[0].lower() == "the"
        words = words[the:]
        n = 0
        while n < len(words) and n < 5:
            word = words[n].strip("\"“”")
            owner = re.sub(r"['’]s$", "", word)
            if owner != word:  # "The district's argument": the district, its owner
                n += 1
                words[n - 1] = owner
                break
            tag = usual_tag(word.lower()) or ""
            if not (word[:1].isupper() or tag.startswith(("NN", "JJ"))) or not word.isalpha() \
                    and not word.replace("&", "").isalpha():
                break
            n += 1
            if word.lower() in _IT_SPEAKS and n < len(words) and words[n].endswith("s") and (
                    words[n].islower()):
                break  # "The site lists six trials": the verb after the body's noun
        if not n:
            return ""
        if n < len(words) - 1 and words[n] == "of" and words[n - 1][:1].isupper():
            n += 1  # "The Bank of Ledmore"
            while n < len(words) and words[n][:1].isupper() and words[n].isalpha():
                n += 1
        phrase = words[:n]
        if not _speaking_thing(" ".join(phrase)):
            return ""
        return self.names.speaker_name(("The " if the else "") + " ".join(phrase))

    # -- quotes: who said them, and which are scare quotes

    def _quote_speakers(self, text, by_span, quotes, attributions):
        speakers: dict[int, str] = {}
        named = {index: _first(a.speaker for a in found) for index, found in attributions.items()}
        last, last_end = "", -1
        for i, quote in enumerate(quotes):
            holders = by_span.overlapping(quote.start, quote.end)
            credit = _DASH_CREDIT.match(text, quote.end) if quote.closed else None
            speaker = self.names.speaker_name(credit.group(1)) if credit else (
                _attributed_after(text, quote, holders, attributions)
                or _first(named[s.index] for s in holders))  # ("“…” — Jago Pascoe, 19")
            if not speaker and holders and holders[0].start < quote.start:
                speaker = self._what_reads(text, holders[0].start, quote.start)
            if not speaker and holders and _IT_READS.fullmatch(text, holders[0].start,
                                                               quote.start):
                # "The club released a statement. It read: “…”": the one who released it
                lead = by_span.before(holders[0].start)
                if lead is not None and lead.paragraph == holders[0].paragraph:
                    released = _RELEASED.search(text[lead.start:lead.end])
                    speaker = named[lead.index] or (self.names.speaker_name(released[1])
                                                    if released else "")
            if not speaker and i > 0 and not quotes[i - 1].closed and speakers.get(i - 1):
                speaker = speakers[i - 1]  # a quotation continued from the last paragraph
            if not speaker and holders and holders[0].start >= quote.start:
                lead_in = by_span.before(quote.start)
                if lead_in is not None and text[lead_in.start:lead_in.end].rstrip().endswith(":"):
                    speaker = named[lead_in.index]  # "The company said:" | “We are …”
            if not speaker:
                speaker = self._next_attribution(quote, holders, by_span, named)
            manner = None if speaker or not quote.closed else _MANNER_AFTER_QUOTE.match(
                text, quote.end)
            if manner is not None:  # "“…,” laughed Ms Boateng, 34": the one who laughed
                speaker = self.names.speaker_name(manner.group(1))
            if not speaker and holders and _LABEL_LEAD.fullmatch(text, holders[0].start,
                                                                quote.start):
                speakers[i] = ""  # "Blutarski: “…”": a speaker we cannot name, not the last
                continue
            if not speaker:
                # the one who spoke just before: the sentence before, when it reports someone
                # since the last quotation ("It did not, the finance chief said. “We have
                # …”" is the finance chief's), else the last quotation's speaker
                # (a quotation that is its whole sentence, no "He captioned it “…”")
                lead = by_span.before(holders[0].start) if len(holders) == 1 and not (
                    _has_words(text, holders[0].start, quote.start)
                    or _has_words(text, quote.end, holders[0].end)) else None
                told = _first(a.speaker for a in attributions[lead.index]
                              if not a.subordinate) if lead is not None and (
                    lead.start >= last_end and lead.paragraph == holders[0].paragraph) else ""
                speaker = told if told and told.lower() not in _PRONOUNS else last
            speakers[i] = speaker
            if speaker and not credit:  # (a credited quotation stands alone: an epigraph)
                last, last_end = speaker, quote.end
        # a chain of paragraphs quoting one person: later attributions name earlier parts
        for i in range(len(quotes) - 2, -1, -1):
            if not quotes[i].closed and speakers.get(i + 1) and not speakers.get(i):
                speakers[i] = speakers[i + 1]
        return speakers

    def _what_reads(self, text: str, start: int, quote_start: int) -> str:
        """What a quotation is read from, when the sentence opens with it and "read:" ("A
        statement on the club website read: “…”", "The sign reads: “…”"); else ""."""
        lead = _READS_LEAD.fullmatch(text, start, quote_start)
        if lead is None:
            return ""
        words = _word_spans(text, start, lead.end(1))
        thing = self._np_after(text, words, 0, lead.end(1), QuoteIndex([])) if words else ""
        return "" if thing.rsplit(" ", 1)[-1].lower() in _NO_SOURCE_READS else thing

    def _next_attribution(self, quote, holders, by_span, named) -> str:
        """A quote whose attribution comes in the next sentence of its paragraph."""
        following = by_span.after(quote.end)
        if following is None or not holders or following.paragraph != holders[0].paragraph:
            return ""
        if following.end - following.start > _ATTRIBUTION_LINE:
            return ""  # a sentence with its own content reports that, not the quote before it
        return named[following.index]

    def _quote_roles(self, text, by_span, quotes, attributions, said):
        roles: dict[int, str] = {}
        sentence_words: dict[int, int] = {}
        bodies: list[str] | None = None
        for i, quote in enumerate(quotes):
            holders = by_span.overlapping(quote.start, quote.end)
            if len(holders) != 1:
                continue
            s = holders[0]
            inner = text[quote.start + 1:quote.end - (1 if quote.closed else 0)]
            words = TOKEN.findall(inner)
            if len(words) > SCARE_MAX_WORDS or not words:
                continue
            if s.index not in sentence_words:
                sentence_words[s.index] = len(TOKEN.findall(text[s.start:s.end]))
            if len(words) >= 0.5 * sentence_words[s.index]:
                continue
            if len(words) > 2 and _ends_with_stop(inner):
                continue
            if _is_title(words) and (len(words) > 1 or text[s.start:quote.start].strip()):
                roles[i] = "title"
                continue
            if attributions[s.index] or said.get(s.index, quote.start) < quote.start:
                roles[i] = "partial"  # someone's words: "screaming “calm down”", "claiming …"
                continue
            if s.kind in ("headline", "link"):
                roles[i] = "partial"  # a headline's quotation marks quote (the story names who)
                continue
            if roles.get(i - 1) == "partial" and quotes[i - 1].end > s.start and _COORDINATED.match(
                    text, quotes[i - 1].end, quote.start):
                roles[i] = "partial"  # described as “dark” and “dangerous”
                continue
            before = TOKEN.findall(text[max(s.start, quote.start - 80):quote.start].lower())
            before = before[-_MENTION_REACH:]
            after = TOKEN.findall(text[quote.end:min(s.end, quote.end + 30)].lower())[:2]
            if after[:1] and after[0] in ("a", "an", "the"):
                after = after[1:]  # “…”, a phrase so vague …
            near = before[-4:]
            if "so-called" in near or any(near[j:j + 2] == ["so", "called"] for j in range(3)):
                roles[i] = "scare"
            elif (any(w in _MENTION_CUES for w in before)
                  or any(w in _INTERFACE_CUES for w in near[-2:])  # Select “Search by agent”
                  or _GLOSS.search(text, max(s.start, quote.start - 8), quote.start)
                  or (_named_as(before) and _ends_phrase(text, inner, quote.end, s.end))
                  or (after and after[0] in _CATEGORY_NOUNS)
                  or (len(words) > 1 and _premodifies(text, quote.end, s.end))):
                roles[i] = "partial"
            else:
                if bodies is None:
                    bodies = [" ".join(TOKEN.findall(text[q.start:q.end].lower())) for q in quotes]
                    echoes = _Echoes(bodies)
                roles[i] = "partial" if echoes(bodies[i]) else "scare"
        return roles


# Verbs that name or judge something "as" a term: known as, described as, treated … as,
# attacked … as, dismissed … as (the start of each form; "used the table as a “…”" and "ran
# for office as a “…”" are the writer's own distance and stay scare quotes).
_AS_NAMERS = re.compile(
    r"(?:know|describ|refer|identif|treat|regard|view|deem|characteri|portray|label|brand|"
    r"dubb?|billed|hail|paint|cast|tout|attack|denounc|dismiss|critici|condemn|oppos|reject|"
    r"ridicul|mock|exalt|prais|defin|classif|diagnos|think|thought|look|depict|celebrat|"
    r"smear|design|present(?:s|ed|ing)$|fram(?:e|es|ed|ing)$|styl(?:e|ed|es|ing)$|"
    r"slamm?(?:s|ed|ing)?$|blast(?:s|ed|ing)?$|decr(?:y|ies|ied|ying)$|tarr(?:ed|ing)$|"
    r"call(?:s|ed|ing)?$|nam(?:e|es|ed|ing)$|list(?:s|ed|ing)?$|rat(?:e|es|ed|ing)$|"
    r"mark(?:s|ed|ing)?$|spun$|spin(?:s|ning)?$)")


# Where a sentence may begin a clause of its own, with a subject of its own
_CLAUSE_BREAK = re.compile(r"[;:()—–]|\b(?:and|but|or|while|whereas|who|which|that)\b")
# Words before a name that make it no subject of its sentence: "After Cole left, …", "With
# Cole gone, …"
_NOT_A_SUBJECT_LEAD = _PREPOSITIONS | frozenset(
    """when while as because if since although though unless until once and but or without
    like than said says told according""".split())


def _opening_subject(text: str, mentions: list[tuple[int, str, str]], i: int, position: int,
                     starts: list[int], wrong: str) -> int:
    """The mention a "he" or "she" at ``position`` stands for, ``i`` counting from 1: the
    person who opened the sentence right before as its subject, over someone named after in
    it ("Kingsmere manager Graham Tolliver was careful not to discuss Bresca by name. “…,” he
    said" is Tolliver); else the last one named, ``i`` as given."""
    if not starts:
        return i
    last = mentions[i - 1][0]
    own = bisect_right(starts, last) - 1
    if bisect_right(starts, position) - 1 != own + 1:
        return i  # (only from the sentence right before)
    opening = starts[own]
    k = bisect_left(mentions, (opening, "", ""))
    if k >= i - 1 or mentions[k][2] == wrong or mentions[k][1] == mentions[i - 1][1]:
        return i
    lead = text[opening:mentions[k][0]]
    words = [w.strip("“\"‘'").lower() for w in lead.split()]
    if len(words) > 3 or "," in lead or any(
            w in _NOT_A_SUBJECT_LEAD or tagger_lexicon().get(w, "").startswith("VB")
            for w in words):
        return i  # (nor "Thank God we have Ana Ruiz …")
    if _OWNER_NAME.match(text, mentions[k][0]):
        return i  # "Cole’s lawyer met Tom Reyes": not Cole
    if _CLAUSE_BREAK.search(text, mentions[k][0] + len(mentions[k][1]), mentions[i - 1][0]):
        return i  # "Kroft asks Obama about Syria, but Obama says …": a clause of Obama's
    return k + 1


# Between a quotation and the attribution right after it: a comma, and a speaker before the
# verb ("“…,” Jane Holm said", "“…,” said Jane Holm")
_BEFORE_ATTRIBUTION = re.compile(r"[\s,]*(?:[^\s,;.!?“”\"]+[ \t]+){0,4}")


def _attributed_after(text: str, quote: Quote, holders, attributions) -> str:
    """The speaker of an attribution right after a closed quotation ("…; “It is a disaster,”
    said Jane Holm" is Holm's, not the harbour board's that opens the sentence); "" for
    none."""
    if not quote.closed:
        return ""
    for s in holders:
        for a in attributions[s.index]:
            if a.speaker and not a.subordinate and a.start >= quote.end and \
                    _BEFORE_ATTRIBUTION.fullmatch(text, quote.end, a.start):
                return a.speaker
    return ""


def _named_as(before: list[str]) -> bool:
    """ "known as “…”", "described him as a “…”", "treat this vote as “…”": the quotation
    names what someone calls it (not "used the table as a “…”", nor "As the “…”, …")."""
    tail = before[-2:] if before[-1:] and before[-1] in ("a", "an", "the") else before[-1:]
    if tail[:1] != ["as"]:
        return False
    verbs = before[:len(before) - len(tail)][-6:]
    return any(_AS_NAMERS.match(w) for w in verbs)


# Between two quotations of one list: “dark” and “dangerous”, “racist,” “fascist”.
_COORDINATED = re.compile(r"[\s,]*(?:(?:and|or|nor)\s+)?$")
_PHRASE_ENDERS = frozenset(
    "and or but for in by to of on at with from because which who that than if".split())


def _ends_phrase(text: str, inner: str, end: int, limit: int) -> bool:
    """Whether a quotation ends its phrase: punctuation, the sentence's end or a function
    word follows ("known as “river moms,” stood up"), not a noun it modifies ("watched as
    “far-left” members marched", where "as" is a conjunction)."""
    if inner.rstrip()[-1:] in (",", ".", ";", ":", "!", "?"):
        return True
    rest = text[end:limit].lstrip()
    if not rest or not rest[0].isalnum():
        return True
    first = TOKEN.match(rest)
    return first is not None and first.group().lower() in _PHRASE_ENDERS


def _last_article(lowered: list[str], j: int, i: int) -> int:
    """The index of the last "the", "a" or "an" after word ``j`` up to word ``i``, else -1:
    where the noun phrase before a verb starts ("… was the second time the group said")."""
    return max((m for m in range(j + 1, i + 1) if lowered[m] in ("the", "a", "an")),
               default=-1)


def _premodifies(text: str, end: int, limit: int) -> bool:
    """Whether a quotation is followed, after one space, by a lowercase noun it modifies: a
    quoted phrase used so names a plan, a slogan or a term of art (a “first stage” deal, “stop
    the cuts” marches, the “drag along” clause), where a phrase held at arm's length stands
    on its own (“reform” plans of one word stay scare quotes: the caller checks the length)."""
    if not re.match(r" [a-z]", text[end:end + 2]):
        return False
    toks = tokens(text, end, min(limit, end + 40))
    return bool(toks) and tag_in_context(toks, 0).startswith("NN")


# Words a title leaves in lower case ("The Lord of the Rings", "War and Peace").
_TITLE_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or over the to up via with".split())


def _is_title(words: list[str]) -> bool:
    """Quoted words in Title Case ("The Waiting Room", "Salt and Tallow") name a work or a
    programme, as do capitalized words after a number ("60 Minutes"); a scare quote is an
    ordinary word or phrase ("volunteers", "efficiency drive")."""
    content = [w for w in words if w.lower() not in _TITLE_SMALL_WORDS and w[:1].isalpha()]
    return (bool(content) and all(w[:1].isupper() for w in content)
            and (words[0][:1].isupper() or words[0].isdigit()))


class _Echoes:
    """Whether a quotation's words appear inside another, longer quotation of the article.

    One search of the distinct quotations' words (joined by line breaks, which no quotation's
    words hold) per distinct candidate, instead of a scan of every quotation per candidate:
    that was quadratic in an article of 100,000 quotation marks.
    """

    def __init__(self, bodies: list[str]) -> None:
        self._joined = "\n" + "\n".join(sorted({b for b in bodies if b})) + "\n"
        self._known: dict[str, bool] = {}

    def __call__(self, needle: str) -> bool:
        if not needle:
            return False
        if needle not in self._known:
            own = self._joined.find("\n" + needle + "\n") + 1  # the quotation's own entry
            found = self._joined.find(needle)
            if found == own:  # any other occurrence is inside a longer quotation
                found = self._joined.find(needle, found + 1)
            self._known[needle] = found >= 0
        return self._known[needle]


def _scare_hit(text: str, quote: Quote, by_span: _SentenceIndex) -> TermHit:
    inner = text[quote.start + 1:quote.end - 1].strip(" ,.;:")
    holders = by_span.overlapping(quote.start, quote.end)
    index = holders[0].index if holders else -1
    return TermHit(
        start=quote.start,
        end=quote.end,
        surface=text[quote.start:quote.end],
        term=inner.lower(),
        category="scare_quote",
        explanation=SCARE_EXPLANATION,
        alternative=inner,
        voice="author",
        sentence=index,
    )


class QuoteIndex:
    """Answers "is this offset quoted?" and "how much of this span is quoted?" in log time.

    The quotations found by ``find_quotes`` never overlap, so their starts are sorted.
    """

    def __init__(self, quotes) -> None:
        self.quotes = sorted(quotes, key=lambda q: q.start)
        self._starts = [q.start for q in self.quotes]

    @classmethod
    def of_speech(cls, quotes) -> QuoteIndex:
        """The index of the quotations that hold someone's words (no scare quotes or titles)."""
        return cls([q for q in quotes if q.is_speech])

    def spans(self) -> list[tuple[int, int]]:
        return [(q.start, q.end) for q in self.quotes]

    def at(self, offset: int) -> Quote | None:
        """The quotation holding ``offset``, if any."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and self.quotes[i].start <= offset < self.quotes[i].end:
            return self.quotes[i]
        return None

    def covers(self, offset: int) -> bool:
        return self.at(offset) is not None

    def within(self, start: int, end: int) -> list[Quote]:
        """The quotations that overlap ``[start, end)``."""
        i = max(0, bisect_right(self._starts, start) - 1)
        out = []
        while i < len(self.quotes) and self.quotes[i].start < end:
            if self.quotes[i].end > start:
                out.append(self.quotes[i])
            i += 1
        return out

    def any_between(self, start: int, end: int) -> bool:
        i = bisect_left(self._starts, start)
        return i < len(self._starts) and self._starts[i] < end

    def leads(self, text: str, s: Sentence, min_words: int = 3) -> bool:
        """The sentence opens with a quotation of a few words or more: “…,” said X, a …."""
        for q in self.within(s.start, s.start + 2):
            if q.start <= s.start + 1:
                inner = text[max(q.start, s.start):min(q.end, s.end)]
                return len(TOKEN.findall(inner)) >= min_words
        return False

    def share(self, text: str, start: int, end: int) -> float:
        inside = self.within(start, end)
        if not inside:
            return 0.0
        letters = sum(map(str.isalnum, text[start:end]))
        if not letters:
            return 0.0
        quoted = 0
        for q in inside:
            quoted += sum(map(str.isalnum, text[max(start, q.start):min(end, q.end)]))
        return quoted / letters


class _SentenceIndex:
    """The sentences that overlap a span, by bisection over their starts."""

    def __init__(self, sentences: tuple[Sentence, ...]) -> None:
        self.sentences = sentences
        self._starts = [s.start for s in sentences]

    def overlapping(self, start: int, end: int) -> list[Sentence]:
        i = max(0, bisect_right(self._starts, start) - 1)
        out = []
        while i < len(self.sentences) and self.sentences[i].start < end:
            if self.sentences[i].end > start:
                out.append(self.sentences[i])
            i += 1
        return out

    def after(self, offset: int) -> Sentence | None:
        i = bisect_left(self._starts, offset)
        return self.sentences[i] if i < len(self.sentences) else None

    def before(self, offset: int) -> Sentence | None:
        """The last sentence that ends at or before ``offset``."""
        i = bisect_left(self._starts, offset) - 1
        while i >= 0 and self.sentences[i].end > offset:
            i -= 1
        return self.sentences[i] if i >= 0 else None


def _named_in_quotes(text: str, quotes, name: str) -> bool:
    """Whether a person's first name or surname (the first or last word of ``name``) stands
    in one of ``quotes``."""
    words = name.split()
    parts = {w for w in {words[0], words[-1]} if len(w) > 2 and w[:1].isupper()}
    return bool(parts) and any(w in parts for q in quotes if q.role != "title"
                               for w in TOKEN.findall(text[q.start:q.end]))


def _opening_relative_subject(text, s, words, lowered, j, k, inside) -> str:
    """The noun phrase that opens a sentence before "who" ("A senior official who …"), when
    the chunk before the verb at ``k`` (from word ``j``) is the object of a verb or a
    preposition inside that relative clause, or a whole clause, with no comma between: then
    the verb's subject is the opening phrase. Else ""."""
    if j < 2 or not (usual_tag(lowered[j - 1]) or "").startswith("VB") and (
            lowered[j - 1] not in _PREPOSITIONS | _ALSO_PREPOSITIONS) and not any(
            (usual_tag(w) or "") in _FINITE_TAGS or w in _BE_FORMS for w in lowered[j:k]):
        return ""  # (a clause's own subject after "that": "… who said that officers said";
        # not "because he was not authorized to discuss the negotiations", a whole clause)
    who = next((w for w in range(1, min(j - 1, 7)) if lowered[w] == "who"), 0)
    if not who or lowered[0] not in _NP_OPENING_WORDS or _BREAK_OR_DASH.search(
            text, s.start, words[k][0]) or inside.any_between(s.start, words[k][0]):
        return ""
    phrase = text[words[0][0]:words[who - 1][1]]
    return "" if _has_verb(phrase) else phrase


def _has_words(text: str, start: int, end: int) -> bool:
    return TOKEN.search(text, start, end) is not None


def _ends_with_stop(inner: str) -> bool:
    """Whether a full stop, "!" or "?" follows the last word (what ``[.!?]\\W*$`` says, without
    the regex's scan from every stop to the end, quadratic in a long run of stops)."""
    end = len(inner)
    while end and not (inner[end - 1].isalnum() or inner[end - 1] == "_"):
        end -= 1
    return any(ch in ".!?" for ch in inner[end:])


def _has_quote_mark(gap: str) -> bool:
    return any(ch in gap for ch in "“”\"'’‘«»")


# the tags of a verb that makes a clause of its own: "(said) costs rose", "prices were high"
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _tail_only(text, end, sentence_end, words, k_end) -> bool:
    """Only a short tail follows the verb: nothing, a name, or a prepositional phrase."""
    rest = text[end:sentence_end]
    if _POSTPOSED_END.match(rest):
        return True
    if re.match(r"^\s*,", rest):
        return True  # a parenthetical: "…, he said, and …"
    toks = TOKEN.findall(rest)
    if len(toks) <= 3 and not re.search(r"\bthat\b", rest):
        # (not a short clause of its own: "…, said costs rose.", "said prices were high")
        return not any(t.islower() and (usual_tag(t) or "") in _FINITE_TAGS for t in toks[1:])
    return toks[0].lower() in _PREPOSITIONS and len(toks) <= 10 and "that" not in toks


def _ends_sentence(text, end, sentence_end, words, k_end) -> bool:
    """Whether only a short noun phrase (or nothing) follows, up to the sentence's end."""
    rest = text[end:sentence_end]
    return bool(_POSTPOSED_END.match(rest)) or (
        len(TOKEN.findall(rest)) <= 2 and not re.search(r"\bthat\b", rest)
        and rest.rstrip().endswith((".", "!", "?", "”", '"'))
    )


# How adverbs the tagger does not know end ("pejoratively", "tweetingly"); a name in -ly
# ends otherwise ("Kelly", "Nelly", "Daly", "Connolly").
_ADVERB_ENDINGS = ("ally", "ously", "ingly", "edly", "ently", "antly", "fully", "ively",
                   "ably", "ibly", "lessly", "ately", "ularly")


def _adverb(word: str) -> bool:
    """An adverb in -ly ("reportedly", "publicly"): the tagger's word list says so, or, for
    a word it does not know, the ending does; not a name ("Kelly said", "Megyn Kelly")."""
    if not word.endswith("ly") or len(word) <= 4:
        return False
    tag = tagger_lexicon().get(word)
    return tag == "RB" if tag else word.endswith(_ADVERB_ENDINGS)


def mostly_capitalized(words: list[str]) -> bool:
    """Whether words read as a headline in title case, verbs capitalized too: at least three
    words of more than three letters, four in five of them capitalized."""
    content = [w for w in words if len(w) > 3]
    return len(content) >= 3 and sum(w[0].isupper() for w in content) >= 0.8 * len(content)


def _title_case(words) -> bool:
    """``mostly_capitalized`` for word spans."""
    return mostly_capitalized([w for _, _, w in words])


def title_case(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is written as a headline in title case, a verb capitalized
    too ("Paul Krugman Has Lost It"; not a list of names, "Sens. Chuck Schumer, Kamala
    Harris and Patrick Leahy wrote …")."""
    words = _word_spans(text, start, end)
    return _title_case(words) and all(
        w[:1].isupper() or w.lower() in _LOWER_IN_TITLES for _, _, w in words if len(w) > 3
    ) and any(
        w[:1].isupper() and (usual_tag(w) or "").startswith(("VB", "MD")) for _, _, w in words[1:])


# Words of more than three letters a headline in title case may leave in lower case.
_LOWER_IN_TITLES = frozenset(
    "with from into onto upon over than that about after amid under until when while".split())


def _quote_ahead(text: str, start: int, end: int) -> bool:
    """A quotation opens within a few words after the verb: said on Tuesday, “…”."""
    window = text[start:min(end, start + 40)]
    return any(ch in window for ch in "“\"«")


def _clause_opening(text, s, words, lowered, k) -> bool:
    """Whether a bare verb at ``k`` is an imperative: it opens the sentence, follows "then"
    or "or" after a comma ("…, then add the honey"), or follows an introductory phrase
    ("To the pears, add …"); not "Officials, however, say …"."""
    if k == 0:
        return True
    prev, gap = lowered[k - 1], text[words[k - 1][1]:words[k][0]]
    if prev in ("then", "or") and k > 1 and "," in text[words[k - 2][1]:words[k - 1][0]]:
        return True
    return ("," in gap and lowered[0] in _PREPOSITIONS | {"to"}
            and text.count(",", s.start, words[k][0]) == 1)


def _names_something(text, before: str, start: int, end: int) -> bool:
    """ "a wagon called the Zephyr.", "a script called “Wild Rose,” a story …": "called"
    after a common noun, then a name that ends the phrase, names a thing, not a remark."""
    if not before.isalpha() or not before.islower() or before in _SUBJECTS or (
            before in _SKIP_BEFORE_VERB):
        return False
    rest = text[start:end]
    m = re.match(r"\s+(?:the\s+)?(?:[“\"‘]([^”\"’]{1,60})[”\"’]|(?:[A-Z][\w’'.-]*\s*){1,4})",
                 rest)
    if m is None or m.group().split()[0].lower().strip(".,") in DAYS_MONTHS:
        return False  # (not "called Friday for …")
    if m.group(1) and m.group(1).rstrip()[-1:] in (",", "."):
        return True  # “Wild Rose,” a story …
    after = rest[m.end():].lstrip()
    return not after or after[0] in ",.;:()—–!?" or bool(
        re.match(r"(?:which|that|who|whose|and|in|for|with|to|is|was|are|were|has|had|will)\b",
                 after))


def _which_before(text: str, words, lowered: list[str], k: int) -> int:
    """Where the subject of a verb of saying at ``k`` starts when the verb opens a clause
    after ", which" ("the roads, which experts say are unsafe", "…, which the council says
    it will fix"): one to four words, none of them a verb; 0 otherwise."""
    for j in range(k - 2, max(0, k - 6), -1):
        if lowered[j] == "which":
            between = lowered[j + 1:k]
            # not "…, which together vowed" ("which" is the subject), not a pronoun (left to
            # what it stands for: "the blast, which it said was a warning"), not "…, which
            # broke the story, said" (the clause has ended)
            plain = not _has_verb(" ".join(between)) and not any(
                w in _CLAUSE_WORDS for w in between) and not all(
                w in _ADVERBS_BEFORE_VERB or w.endswith("ly") for w in between) and (
                between[0] not in _PRONOUNS) and "," not in text[words[j][1]:words[k][0]]
            return j + 1 if plain and "," in text[words[j - 1][1]:words[j][0]] else 0
    return 0


def _be_before(lowered: list[str], k: int) -> bool:
    """Whether a form of "be" stands before the word at ``k`` past an adverb or a time
    ("were last night accused", "was also told", "has been repeatedly warned")."""
    for j in range(k - 1, max(-1, k - 4), -1):
        if lowered[j] in _BE_FORMS:
            return j < k - 1
        if not (lowered[j] in _ADVERBS_BEFORE_VERB or lowered[j] in _TIME_WORDS
                or lowered[j].endswith("ly")):
            return False
    return False


def _is_time(word: str) -> bool:
    """A day, a month, a part of the day or year, or a year: "October", "week", "2019"."""
    return word in DAYS_MONTHS or word in _TIME_NOUNS or (word.isdigit() and len(word) == 4)


# One person, unnamed, as a sentence's subject, and their gender when the noun tells it:
# "The judge", "A spokeswoman", "The 45-year-old man" (for who "she" or "he" may be).
_ONE_PERSON = {
    **dict.fromkeys("""judge prosecutor mayor officer teacher doctor nurse official senator
        governor lawyer attorney witness victim suspect driver resident worker owner manager
        chief director president minister secretary reporter student patient soldier
        survivor farmer spokesperson defendant plaintiff detective sheriff""".split(), ""),
    **dict.fromkeys("woman girl spokeswoman mother daughter wife sister chairwoman".split(), "f"),
    **dict.fromkeys("man boy spokesman father son husband brother chairman".split(), "m"),
}
_UNNAMED_SUBJECT = re.compile(
    r"\s*(?:The|A|An)\s+(?:[\w-]+\s+)?(" + "|".join(_ONE_PERSON) + r")\b(?![ \t]+[A-Z])")


# ... after an introductory phrase: "Asked whether Okafor would play, the manager smiled."
_UNNAMED_AFTER_OPENING = re.compile(
    r"\s*(?:Asked|After|When|Before|Speaking|Later|Afterwards|Outside)\b[^,;:“”\"]{0,150},\s*"
    r"the\s+(?:[\w-]+\s+)?(" + "|".join(_ONE_PERSON) + r")\b(?![ \t]+[A-Z])")


def _unnamed_subjects(text: str, sentences, inside) -> list[tuple[int, str, str, bool]]:
    """The sentences that open with one unnamed person, in order: (offset, noun, gender,
    whether an opening phrase comes first)."""
    found = []
    for s in sentences:
        m = _UNNAMED_SUBJECT.match(text, s.start, s.end)
        after = None if m else _UNNAMED_AFTER_OPENING.match(text, s.start, s.end)
        for found_so, opening in ((m, False), (after, True)):
            if found_so is not None and s.kind == "body" and not inside.covers(
                    found_so.start(1)):
                found.append((found_so.start(1), found_so.group(1),
                              _ONE_PERSON[found_so.group(1)], opening))
    return found


def _called(text: str, mentions, name: str, noun: str) -> bool:
    """Whether a mention of ``name`` comes with ``noun`` just before or after it ("Prosecutor
    Maria Lopez", "Maria Lopez, the prosecutor"): the unnamed subject may be that person."""
    pattern = re.compile(rf"\b{noun}\b", re.IGNORECASE)
    surname = name.split()[-1]
    return any(pattern.search(text, max(0, offset - 40), offset + len(other) + 40)
               for offset, other, _ in mentions if other.split()[-1] == surname)


# what links a spokesperson to who they speak for: "a lawyer for Google"
_SPEAKS_FOR = frozenset("for of at from with".split())


def _one_thing_then_speakers(chunk: list[str]) -> bool:
    """Whether the words before a verb of saying are "a" or "an", one thing in the singular,
    then the plural that speaks: "(…, ) a move officials (said would save …)", "an idea
    city council members (said …)". Not "a few officials", "a coalition of groups"."""
    if len(chunk) < 3 or chunk[0].lower() not in ("a", "an"):
        return False
    thing, last = chunk[1], chunk[-1].lower()
    named = all(w[:1].isupper() for w in chunk[2:])  # "a move Ana Ruiz (described as …)"
    return (thing.isalpha() and thing.islower() and not thing.endswith("s")
            and thing not in _SOME_OF_MANY and (named or (
                last.endswith("s") and not last.endswith("ss")))
            and not any(w.lower() in _PREPOSITIONS or w.lower() in ("and", "or", "to")
                        for w in chunk[2:]))  # (nor "a source close to the talks")


def _has_verb(speaker: str) -> bool:
    """Whether a speaker holds a verb in lower case ("the risk here is", "There are those"),
    so it is a clause, not a name ("Theresa May" and "Will Hurd" are names)."""
    return any(w in _BE_FORMS or (w in _MODALS and w not in ("to", "t")) or w in _IRREGULAR_PAST
               or w in ("has", "have", "had") or w in _NEGATED_AUXILIARIES
               for w in TOKEN.findall(speaker) if w.islower() or w in ("There", "It"))


def _no_noun_phrase(speaker: str) -> bool:
    """Whether a speaker is no noun phrase: one word the tagger knows as a verb, adjective or
    adverb ("polled", "increased", "narrow"), a phrase that opens or ends with a preposition
    ("with the earliest case", "scenario by") or opens with a verb ("making the
    preposterous", "writes a memo", "used his first"), a pronoun and a verb ("they
    cooperated"), or a name and a past form after it ("Friedman used his first public")."""
    words = TOKEN.findall(speaker)
    if not words:
        return False
    known = tagger_lexicon()
    first, last = words[0], words[-1]
    if len(words) == 1:
        return first.islower() and known.get(first, "NN")[:2] in ("VB", "JJ", "RB")
    tag = known.get(first, "") if first.islower() else ""
    if (first.lower() in _PREPOSITIONS or first.lower() in ("to", "than")) or (
            last in _PREPOSITIONS or last == "to") or tag in ("VBG", "VBD", "VBZ") or (
            tag == "VBN" and words[1] in _DETERMINERS):  # ("writes a memo", "used his")
        return True
    if first.lower() in _PRONOUN_SUBJECTS and (known.get(words[1], "")[:2] == "VB" or (
            words[1] in ("re", "s", "ll", "d", "ve", "m") and len(words) > 2)):
        return True  # "they cooperated with prosecutors", "you’re keeping score": a clause
    return _name_before_verb(words) > 0


_POSSESSIVES = frozenset("my your his her its our their s".split())


def _after_adjectives(lowered: list[str], k: int, openers=_DETERMINERS) -> bool:
    """Whether one or two words the tagger knows as adjectives or numbers, after a determiner
    or a possessive (``openers``), stand right before token ``k`` ("my top requests", "his
    first public remarks"): the word is a noun."""
    known = tagger_lexicon()
    j = k - 1
    while j >= 0 and k - j <= 2 and known.get(lowered[j], "") in ("JJ", "JJS", "JJR", "CD"):
        j -= 1
    return j < k - 1 and j >= 0 and lowered[j] in openers


# Words that open no main clause's verb after a relative clause: a list goes on, or a new
# clause has its own subject ("Smith, who spoke first, and Jones …").
_NO_MAIN_VERB = frozenset(
    """and or but nor according the a an he she they it we i you who which that this these
    those saying adding""".split())


def _main_verb_after_relative_clause(text, words, lowered, k, end) -> int:
    """When word ``k`` sits in a relative clause in commas right after a sentence's short
    subject, the index of the main clause's verb after it, else -1: "The mayor, who said
    last week that the budget was balanced, resigned on Monday" (the resignation is the
    writer's report; not "Cole endorses Reyes, who says …")."""
    for i in range(k - 1, 0, -1):
        if "," in text[words[i][1]:words[i + 1][0]]:
            return -1  # a comma between the verb and any "who" before it
        if lowered[i] in ("who", "which"):
            break
    else:
        return -1
    if i > 8 or "," not in text[words[i - 1][1]:words[i][0]]:
        return -1  # no comma before "who", or more than a subject before it
    known = tagger_lexicon()
    if any(words[j][2].islower() and known.get(lowered[j], "") in ("VBZ", "VBD", "VBP")
           for j in range(i)):
        return -1  # a verb before "who": "Cole endorses Reyes, who says …"
    comma = text.find(",", words[k][1], end)
    after = [j for j in range(k + 1, len(words)) if words[j][0] > comma]
    if comma < 0 or len(after) < 3 or not words[after[0]][2].islower() or (
            lowered[after[0]] in _NO_MAIN_VERB):
        return -1
    return after[0]


def _name_before_verb(words: list[str]) -> int:
    """The length of a name that a past form follows ("Ortiz unleashed a run", "Friedman
    used his first"), or 0."""
    known = tagger_lexicon()
    for n, (a, b, c) in enumerate(zip(words, words[1:], words[2:] + [""]), start=1):
        if a[:1].isupper() and b.islower() and (known.get(b) == "VBD" or (
                known.get(b) == "VBN" and c in _DETERMINERS)):
            named = words[1:n] if words[0].lower() == "the" else words[:n]
            return n if named and all(w[:1].isupper() for w in named) and not (
                n == 1 and words[0].lower() in _PRONOUN_SUBJECTS) else 0
    return 0


# After "a", words for a number of people, which take a plural verb: "a few say …".
_SOME_OF_MANY = frozenset("few lot number majority minority handful couple dozen third quarter "
                          "half group host".split())
# The first part of a negated auxiliary, as TOKEN splits it ("doesn" of "doesn't").
_NEGATED_AUXILIARIES = frozenset(
    "doesn don didn isn wasn aren weren couldn wouldn shouldn hasn haven hadn".split())


def _plain_np(phrase: str) -> bool:
    """A short noun phrase with no verb in it: "another witness in the inquiry", "Omar
    Reyes"; not "the music reminded her", "Dunne's visit was …"."""
    toks = TOKEN.findall(phrase)
    return 0 < len(toks) <= 6 and not any(
        w.lower() in _BE_FORMS or w.lower() in _MODALS or w.lower() in _IRREGULAR_PAST
        or w.lower() in ("has", "have", "had")
        or (w.islower() and w.endswith("ed")) for w in toks)


def _digit_comma(words, i) -> bool:
    """Whether the comma before word ``i`` is inside a number ("2,100")."""
    return (words[i][2][:1].isdigit() and words[i - 1][2][-1:].isdigit()
            and words[i][0] - words[i - 1][1] == 1)


def _proper(name: str) -> bool:
    """A proper name ("Linda Osei", "the Harbor City Transit Workers Union"), not a common
    noun phrase ("Its chair", "the carmaker", "Carrow County's emergency director")."""
    toks = TOKEN.findall(name)
    if toks[:1] == ["the"]:
        toks = toks[1:]
    return bool(toks) and toks[0].lower() not in _DETERMINERS and all(
        w[:1].isupper() or w.lower() in ("of", "and", "for", "de", "s", "at", "in", "on", "the")
        for w in toks)


_PARTY = re.compile(r"[RDI](?:-[A-Z][A-Za-z.]*)?")


def _party_tag(text, words, lowered, i) -> bool:
    """A party and state in parentheses after a legislator's name: "(R-OK)", "(D-Wis.)"."""
    return i > 0 and _PARTY.fullmatch(words[i][2]) is not None and "(" in text[
        words[i - 1][1]:words[i][0]]


# A speaker who is nobody: what "no one has said" is the writer's own statement.
_NOBODY = re.compile(r"(?:no\s?one|nobody|none|neither)(?:\s+of\s.*)?$|no\s+\w+$", re.IGNORECASE)


def _no_one(speaker: str) -> bool:
    """A "speaker" made only of function words ("to", "Not", "together") names nobody."""
    toks = TOKEN.findall(speaker.lower())
    return bool(toks) and all(
        w in _CLAUSE_WORDS or w in _PREPOSITIONS or w in _SKIP_BEFORE_VERB or w in _NOT_NAMES
        for w in toks)


def _credited(text: str, s: Sentence, quotes: list[Quote]) -> str:
    """The speaker of a sentence that is one quotation and its credit after a dash, a time
    before it at most ("09:05 — “…” — Jago Pascoe, 19, student"), else "": the credit's words
    are no one's own, however long beside a short quotation."""
    if len(quotes) != 1 or not quotes[0].closed or not quotes[0].speaker:
        return ""
    quote = quotes[0]
    if not _DASH_CREDIT.match(text, quote.end, s.end) or not _TIME_OR_DASH.fullmatch(
            text, s.start, max(s.start, quote.start - 1)):
        return ""
    return quote.speaker


# what may come before a credited quotation in its sentence: a live blog's time, a dash
_TIME_OR_DASH = re.compile(r"\s*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s*)?(?:[—–-]\s*)?[“\"‘']?")


def _described(text: str, mentions: list[tuple[int, str, str]], speaker: str, before: int,
               body: int) -> str:
    """The one person named before ``before`` whom ``speaker`` describes, as named there; ""
    for none, or two so described. "The 52-year-old" is the one named at that age ("Dana Reyes,
    52,", "Dana Reyes (52)", "a 52-year-old nurse, Dana Reyes"); "the finance chief" the one
    given that role before the name ("finance chief Dana Reyes", "Sen. Ivo Hart" for "the
    senator") or after it ("Dana Reyes, the firm's finance chief,"). Names in the headline
    (before ``body``), written in capitals word by word, are left out."""
    aged = _AGED.fullmatch(speaker)
    if aged:
        def fits(offset: int, end: int) -> bool:
            after = _AGE_AFTER.match(text, end)
            ahead = _AGE_BEFORE.search(text, max(0, offset - 60), offset)
            return bool((after and after[1] == aged[1]) or (ahead and ahead[1] == aged[1]))
    else:
        words = speaker.split()[1:]
        role = r"\s+".join(map(re.escape, words))
        short = _TITLE_SHORT.get(words[-1].lower()) if len(words) == 1 else None
        title = re.compile(rf"(?i)(?:{role}|{short}\.?)\s" if short else rf"(?i){role}\s")
        ahead = re.compile(rf"(?i)(?<![\w’'-]){role},?\s+\Z")  # ("His landlord, Ivo Hart,")
        after = re.compile(rf"\s*,\s+(?:[Tt]he\s+|an?\s+)?(?:(?:[A-Z][\w.-]*\s+){{0,3}}?[\w.-]+"
                           rf"[’']s\s+)?(?:[a-z][\w-]*\s+){{0,2}}(?i:{role})(?![\w’'-])")

        def fits(offset: int, end: int) -> bool:
            return bool(title.match(text, offset) or ahead.search(text, max(0, offset - 40),
                                                                  offset)
                        or after.match(text, end))
    found = set()
    for offset, name, _ in mentions:
        if offset >= before:
            break
        last = name.rsplit(" ", 1)[-1]
        if offset >= body and fits(offset, text.find(last, offset) + len(last)):
            found.add(name.split(" of ")[0])  # ("Chancellor Ana Roth of Ruritania")
    if len({name.rsplit(" ", 1)[-1] for name in found}) != 1:
        return ""
    return max(found, key=len)  # ("President Ivo Hart", then "President Hart": Ivo Hart)


def _person_named(speaker: str, named: dict[str, set[str]], genders: dict[str, str]) -> str:
    """``speaker`` as the person the article names so (``named``: its names by their last
    word; "Midwife Rosa Quint" is Rosa Quint), or "" when it names no person the article names
    in full or knows the gender of (not "KelNews", an outlet)."""
    surname = speaker.rsplit(" ", 1)[-1]
    if surname not in genders:
        return ""
    names = named.get(surname, set())
    full = max((name for name in names if " " in name and (
        speaker == name or speaker.endswith(" " + name))), key=len, default="")
    if full:
        return full
    in_full = " " in speaker and all(w[:1].isupper() for w in speaker.split())
    if genders[surname] or in_full or any(" " in name and name.endswith(" " + surname)
                                          for name in names):
        return speaker  # (named in full here, or before: "Ray Doucet", "Doucet")
    return ""


def _comma_opening(text: str, words, i: int, limit: int, inside, stop=None) -> int:
    """The first word after the comma before word ``i`` (a number's comma aside: "40,000"),
    walking back fewer than ``limit`` words; -1 when the sentence's start or the limit comes
    first, or a quotation or a ``stop`` mark does."""
    opening = i
    while opening > 0 and i - opening < limit and ("," not in text[
            words[opening - 1][1]:words[opening][0]] or _digit_comma(words, opening)):
        if inside.covers(words[opening][0]) or (stop is not None and stop.search(
                text[words[opening - 1][1]:words[opening][0]])):
            return -1
        opening -= 1
    return opening if opening > 0 and i - opening < limit else -1


def _named_since(mentions: list[tuple[int, str, str]], start: int, end: int) -> bool:
    """Whether a person is named between ``start`` and ``end`` (``mentions`` in order)."""
    i = bisect_left(mentions, (start, "", ""))
    return i < len(mentions) and mentions[i][0] < end


def _governing_first(found: tuple[Attribution, ...], text: str, start: int,
                     end: int) -> list[Attribution]:
    """The attributions of a sentence, the one that closes it and reports everything before
    it first: in "The deal may grow if the governor agrees …, people briefed on the plan
    say" the people are the source, not the governor."""
    if len(found) < 2:
        return list(found)
    for k, a in enumerate(found[1:], start=1):
        # "The plan the council wrote, critics say, is flawed": a source in commas mid-sentence
        before = text[start:a.start].rstrip()
        if (a.postposed and a.speaker and text[a.end:end].lstrip().startswith(",")
                and before.lower().endswith(a.speaker.lower())
                and before[:len(before) - len(a.speaker)].rstrip().endswith(",")):
            return [a, *found[:k], *found[k + 1:]]
    last = found[-1]
    if not (last.postposed and 0 <= last.content_start <= start and last.speaker
            and len(TOKEN.findall(text[last.end:end])) <= 6 and "," not in text[last.end:end]):
        return list(found)
    before = text[start:last.start]
    named = before.lower().rfind(last.speaker.lower())
    # ", people briefed on the plan say": a comma, the speaker, the verb
    if named > 0 and before[:named].rstrip().endswith(",") and not before[
            named + len(last.speaker):].strip(" ,"):
        return [last, *found[:-1]]
    return list(found)


# Words that open a sentence before its subject: "But the bank …", "However, the bank …"
_THING_OPENERS = re.compile(
    r"(?:(?:But|And|Yet|So|Still|Meanwhile|Instead|Now|However|Later|Separately),?\s+)?")


def _speaking_thing(name: str) -> bool:
    """Whether a speaker's or subject's name is a body's, a business's, an outlet's or a
    document's, which "it" can stand for: its last word ("the bank", "Harrowgate Savings",
    "the county health department") or an acronym ("the BBC")."""
    words = name.split()
    if "of" in words[1:]:  # "the Bank of England"; not "the chief officer of the charity"
        words = words[:words.index("of", 1)]
    return bool(words) and (words[-1].lower() in _IT_SPEAKS or (
        re.fullmatch(r"[A-Z]{2,6}", words[-1]) is not None and len(words) <= 2))


def _thing_before(things: list[tuple[int, str]], position: int, previous: Sentence,
                  postposed: bool) -> str:
    """The body, business or document "it" at ``position`` stands for: the last named since
    the start of the sentence before (``previous``), or "". The subject of another kind that
    opens the sentence of "it" ("" in ``things``) stands between, unless "it" speaks after what
    it said ("Side effects are milder, it adds.")."""
    i = bisect_left(things, (position, ""))
    while postposed and i > 0 and not things[i - 1][1] and things[i - 1][0] >= previous.start:
        i -= 1
    return things[i - 1][1] if i > 0 and things[i - 1][0] >= previous.start else ""


def _closing_quote_end(text: str, s: Sentence) -> int:
    """Where the last closing quotation mark of a sentence ends, or the sentence's end."""
    at = max(text.rfind(mark, s.start, s.end) for mark in "”\"")
    return at + 1 if at > s.start else s.end


def _first(values) -> str:
    return next((v for v in values if v), "")
