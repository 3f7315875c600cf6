"""Loaded terms: lexicon files, matching precision, inflections, phrases, negation and voice."""

from __future__ import annotations

import pickle

import pytest
from conftest import sentence_starting

from framing import Analyzer, Article
from framing.errors import LexiconError
from framing.lexicon import (
    LEXICON_DIR,
    Entry,
    Lexicon,
    LexiconText,
    inflections,
    load_lexicon,
    read_lexicon,
)

CATEGORIES = {"loaded", "label", "intensifier", "hedge", "attribution_verb", "neutral_attribution",
              "factive", "assertive", "implicative"}


def test_shipped_lexicons_are_valid_and_large():
    lexicon = load_lexicon()
    assert lexicon.categories() == CATEGORIES
    flagged = [e for e in lexicon.entries if e.category != "neutral_attribution"]
    assert len(flagged) >= 1500
    for entry in lexicon.entries:
        if entry.category != "neutral_attribution":
            assert entry.explanation, entry.source
    assert not (LEXICON_DIR / "frames.csv").exists()  # frame cues are data, not loaded terms


def terms(analyzer, text):
    return [(h.surface, h.category, h.voice) for h in analyzer.classify_text(text).hits
            if h.category != "scare_quote"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # inflections of a verb entry
        ("Critics slammed the plan.", [("slammed", "attribution_verb", "author")]),
        ("The mayor slams the plan.", [("slams", "attribution_verb", "author")]),
        # a noun entry and its plural
        ("The thugs fled.", [("thugs", "label", "author")]),
        # multi-word phrases
        ("It was a witch hunt from the start.", [("witch hunt", "loaded", "author")]),
        ("It was nothing but a witch-hunt.", [("witch-hunt", "loaded", "author")]),
        # case-insensitive
        ("DRACONIAN rules took effect.", [("DRACONIAN", "loaded", "author")]),
        # hyphenated compound as one token
        ("A job-killing tax passed.", [("job-killing", "loaded", "author")]),
    ],
)
def test_matching(analyzer, text, expected):
    assert [t for t in terms(analyzer, text) if t[1] in ("loaded", "label", "attribution_verb")] \
        == expected


@pytest.mark.parametrize(
    "text",
    [
        "The manager managed the staff well.",  # "aged" inside "managed"
        "The suburban council met.",  # "urban" inside "suburban"
        "The middle-aged runner finished.",  # "aged" inside a hyphenated compound
        "The blast killed 12 people.",  # "blast" the noun, not the verb of saying
        "Thugsville is a fictional town.",  # a prefix is not a word
        "The regimented drills ended.",  # "regime" inside "regimented"
        "You know — it all tastes better cold.",  # a phrase is not matched across a dash
        "The town might be spared if the storm turns.",  # "spared" is not "spar"
        "Judge Ortiz was sworn in as mayor on Monday.",  # an oath of office, not speech
        "Troops of the Revolutionary Guard fired on the boat.",  # a name, not hype
        "The soldiers carried a torch.",  # after a determiner, the noun
        "Its own brand suffered.",
        "After the attack the soldiers left.",
        "Putin issued a warning of his own.",  # the noun of a verb of saying
        "Even Dub had his water in a cup.",  # a name, not the verb "dub"
        "Later, Rachel Crooks said so.",  # a surname, not the label "crook"
        "In the arcade mode you wail on the robots with a pipe.",  # to hit, not loud speech
        "The bus made a u-turn on the bridge.",  # a path, not a policy
        "The terrorist attacks ended.",  # a label before a noun: an adjective
    ],
)
def test_no_substring_or_wrong_part_of_speech_hits(analyzer, text):
    assert [t for t in terms(analyzer, text) if t[1] in ("loaded", "label", "attribution_verb")] \
        == []


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        ("More than 100 people were hurt.", []),  # a number, not "100%"
        ("The storm reached the 1,200 homes.", []),  # not "the 1%"
        ("The mayor is 100% behind the plan.", ["100%"]),
        ("The mayor is 100 % behind the plan.", ["100 %"]),
        ("The tax falls on the 1% alone.", ["the 1%"]),
    ],
)
def test_a_percent_sign_is_part_of_a_form(analyzer, text, surfaces):
    """Lexicon forms written with a percent sign ("100%", "the 1%") need it in the text, and
    the hit covers it."""
    hits = analyzer.classify_text(text).hits
    assert [h.surface for h in hits if h.term in ("one hundred percent", "the one percent")] \
        == surfaces


def test_negation_is_noted(analyzer):
    hits = analyzer.classify_text("The outcome was not very likely.").hits
    very = [h for h in hits if h.surface == "very"]
    assert very and very[0].negated
    plain = [h for h in analyzer.classify_text("The outcome was very likely.").hits
             if h.surface == "very"]
    assert plain and not plain[0].negated


@pytest.mark.parametrize(("text", "negated"), [
    ("There is no radical plan.", True),
    ("It was not a radical plan.", True),
    # "not only", "not just": the term is asserted, and more
    ("It is not only a radical plan but a costly one.", False),
    ("It is not just a radical plan.", False),
    # a negator in another clause negates nothing here
    ("One of the two no votes, a radical plan in hand, spoke last.", False),
    ("No, it is a radical plan.", False),
])
def test_not_only_asserts(analyzer, text, negated):
    hits = [h for h in analyzer.classify_text(text).hits if h.surface == "radical"]
    assert hits and hits[0].negated is negated


def test_longest_phrase_wins():
    lexicon = Lexicon([Entry("tough", "loaded"), Entry("tough talk", "loaded", "phrase")])
    matches = lexicon.match("Amid tough talk today")
    assert [(m.surface, m.entry.term) for m in matches] == [("tough talk", "tough talk")]


@pytest.mark.parametrize(
    ("text", "surface", "category", "voice", "speaker"),
    [
        # a loaded word inside a direct quote is the speaker's
        ("“The regime is collapsing,” Zelenskyy claimed.", "regime", "label", "quoted",
         "Zelenskyy"),
        # the connoted verb of saying is the author's choice
        ("“The regime is collapsing,” Zelenskyy claimed.", "claimed", "attribution_verb",
         "author", ""),
        # reported words belong to the source
        ("Officials claim the scheme works.", "scheme", "loaded", "attributed", "Officials"),
        ("Officials claim the scheme works.", "claim", "attribution_verb", "author", ""),
        # the author's own loaded word
        ("The regime cracked down on protesters.", "regime", "label", "author", ""),
    ],
)
def test_voice_of_hits(analyzer, text, surface, category, voice, speaker):
    hits = [h for h in analyzer.classify_text(text).hits if h.surface == surface]
    assert [(h.category, h.voice, h.speaker) for h in hits] == [(category, voice, speaker)]


SEED_TERMS = [
    ("Amid this morass", "morass", "loaded", "author"),
    ("Amid this morass", "tough talk", "loaded", "author"),
    ("Prior to the commencement", "belligerent", "loaded", "quoted"),
    ("British Foreign Secretary Liz Truss", "malign", "loaded", "quoted"),
    ("Ukrainian President Volodymyr Zelenskyy has claimed", "claimed", "attribution_verb",
     "author"),
    ("Russia insists that", "insists", "attribution_verb", "author"),
    ("Thousands of Russian “volunteers”", "“volunteers”", "scare_quote", "author"),
    ("The chances of the U.S. sending troops", "very", "intensifier", "author"),
    ("He has made it quite clear", "quite", "intensifier", "author"),
    ("It is entirely possible that Putin", "it is entirely possible", "hedge", "author"),
]


@pytest.mark.parametrize(("prefix", "surface", "category", "voice"), SEED_TERMS)
def test_seed_terms(seed_report, prefix, surface, category, voice):
    s = sentence_starting(seed_report, prefix)
    hits = [h for h in seed_report.hits_in(s) if h.surface.lower() == surface]
    assert [(h.category, h.voice) for h in hits] == [(category, voice)], \
        [(h.surface, h.category, h.voice) for h in seed_report.hits_in(s)]


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "line 1: the file is empty"),
        ("word,meaning\nx,y\n", "line 1: missing column term, category"),
        ("term,category\n,loaded\n", "line 2: empty term"),
        ("term,category\n(.*,loaded\n", r"line 2: the term '\(\.\*' has no word in it"),
        ("term,category\nfoo,Loaded Words\n", "line 2: category 'Loaded Words'"),
        ("term,category\nfoo,lodaed\n", "line 2: unknown category 'lodaed'; the categories "
         "are assertive, attribution_verb"),
        ("term,category,pos\nfoo,loaded,verbish\n", "line 2: pos 'verbish'"),
        ("term,category,inflect\nfoo,loaded,maybe\n", "line 2: inflect must be yes or no"),
        ("term,category\nfoo,loaded\nbar,loaded,extra\n", "line 3: expected 2 fields, found 3"),
        ("term,category,strength\nfoo,loaded,huge\n", "line 2: strength must be strong or weak"),
        ("term,category,descriptive_if\nfoo,loaded,at war|in combat\n",
         "line 2: descriptive_if must list single words"),
        ("term,category,thing_objects\nfoo,attribution_verb,a prize\n",
         "line 2: thing_objects must list single words"),
    ],
)
def test_malformed_lexicon_files(tmp_path, content, message):
    path = write(tmp_path / "mine.csv", content)
    with pytest.raises(LexiconError, match=f"mine.csv: {message}"):
        read_lexicon(path)


def test_missing_and_non_utf8_lexicon_files(tmp_path):
    with pytest.raises(LexiconError, match="not found"):
        read_lexicon(tmp_path / "none.csv")
    bad = tmp_path / "bad.csv"
    bad.write_bytes("term,category\ncaf\u00e9,loaded\n".encode("latin-1"))
    with pytest.raises(LexiconError, match="not UTF-8"):
        read_lexicon(bad)


def test_user_lexicon_adds_and_overrides(tmp_path):
    path = write(tmp_path / "mine.csv",
                 "term,category,explanation,alternative\n"
                 "gizmo,loaded,Belittles the device.,device\n"
                 "regime,label,Our own explanation.,administration\n")
    analyzer = Analyzer(lexicons=[path])
    hits = {h.surface: h for h in analyzer.classify_text("The regime sold a gizmo.").hits}
    assert hits["gizmo"].category == "loaded" and hits["gizmo"].alternative == "device"
    assert hits["regime"].explanation == "Our own explanation."


def test_user_lexicon_does_not_retrain_the_model(tmp_path, analyzer):
    path = write(tmp_path / "mine.csv",
                 "term,category,explanation,alternative\n"
                 "gizmo,loaded,Belittles the device.,device\n")
    custom = Analyzer(lexicons=[path])
    # the same learned weights as the shipped model: a user's words change the cues that
    # fire, not what the model learned from our labeled sentences
    assert custom.model.coef_ == analyzer.model.coef_
    assert custom.model.threshold_ == analyzer.model.threshold_


def loaded_surfaces(analyzer, text):
    return [h.surface for h in analyzer.classify_text(text).hits if h.category == "loaded"]


# A term with a literal sense: its descriptive_if words in the sentence make it no hit.
@pytest.mark.parametrize(
    ("text", "surface", "hit"),
    [
        ("The governor attacked the pension bill in a long speech.", "attacked", True),
        ("Armed men attacked a border post overnight, and two guards were wounded.",
         "attacked", False),
        ("Rebels attacked the convoy with rockets at dawn.", "attacked", False),
        ("The minister faced a barrage of questions about the contract.", "barrage", True),
        ("An artillery barrage hit the town before dawn.", "barrage", False),
        ("She is a fierce critic of the new tariffs.", "fierce", True),
        ("Fierce fighting went on around the airport.", "fierce", False),
        ("Council members gutted the ordinance before the vote.", "gutted", True),
        ("A fire gutted the bakery on Main Street.", "gutted", False),
        ("The senator repeated the same talking points all week.", "talking points", True),
        ("The talking points were edited twice before the hearing.", "talking points", False),
        ("The final talking points went to the committee on Friday.", "talking points", False),
        ("The town declared a crisis over its budget.", "crisis", True),
        ("Overdose deaths rose as the opioid crisis spread west.", "crisis", False),
        ("Critics called the raid a massacre of villagers.", "massacre", True),
        ("A gunman carried out the massacre at a riverside bar.", "massacre", False),
        ("The chairman stormed out of the committee room.", "stormed out", True),
        ("The minister's icy reply ended the meeting.", "icy", True),
        ("Icy roads closed the pass on Monday.", "icy", False),
        ("Her rivals took aim at the remark within the hour.", "took aim at", True),
        ("The hunter took aim at the deer with a borrowed rifle.", "took aim at", False),
        ("A protein keeps the immune system from attacking the tumor.", "attacking", False),
        ("The tax plan is a scam, the senator wrote.", "scam", True),
        ("The stolen details can make scam calls more convincing.", "scam", False),
        ("She was charged with wire fraud for her part in the scam.", "scam", False),
        ("The mayor came under fire for the remarks.", "came under fire", True),
        ("The deputy came under fire from the suspect at the door.", "came under fire", False),
        ("His ideas are dangerous for the country.", "dangerous", True),
        ("Early-season heat is more dangerous than heat in August.", "dangerous", False),
        ("The senator called the plan a scheme to enrich donors.", "scheme", True),
        ("The council approved a housing scheme of this size in 1994.", "scheme", False),
        ("Congress bailed out the banks in 2008.", "bailed out", True),
        ("Families were bailing out their flooded living rooms.", "bailing out", False),
        # seen on the extraction_dev pages: a game review, a plague report
        ("The senator tried to dodge the question.", "dodge", True),
        ("Enemy archers can still hit you if you mistime a dodge.", "dodge", False),
        ("It was a virulent campaign of hate.", "virulent", True),
        ("Of the two flu strains, the second is more virulent.", "virulent", False),
        # seen in hyperpartisan_dev: a place's name for its old streets
        ("It was a historic low point for the party.", "historic", True),
        ("Tourists fill the shops of the historic district.", "historic", False),
        # a class's lesson: the sabers are rattled, not the nerves
        ("The hawks in Washington are rattling their sabers over Ukraine.",
         "rattling their sabers", True),
        ("The hawks in Washington are rattling their sabers over Ukraine.", "rattling", False),
        ("The news rattled markets on Monday.", "rattled", True),
        ("The wind rattled the windows all night.", "rattled", False),
        # a newsroom's court report: a charge is no judgment
        ("He pleaded not guilty to arson and reckless endangerment.", "reckless", False),
        # a loaded verb whose noun is as loaded
        ("The mayor's bluster did not move the council.", "bluster", True),
        ("The council's spending splurge angered residents.", "splurge", True),
    ],
)
def test_word_senses(analyzer, text, surface, hit):
    assert (surface in loaded_surfaces(analyzer, text)) is hit


@pytest.mark.parametrize(("text", "surface", "hit"), [
    # court terms and casualty reports: no hedge, no absolute claim
    ("Judge Eleanor Voss scheduled a preliminary hearing for Dec. 3.", "preliminary", False),
    ("The preliminary figures show a rise in fares.", "preliminary", True),
    ("No one was injured in the fire.", "No one", False),
    ("Nobody trusts the council any more.", "Nobody", True),
])
def test_hedges_and_intensifiers_in_another_sense(analyzer, text, surface, hit):
    assert (surface in [h.surface for h in analyzer.classify_text(text).hits]) is hit


@pytest.mark.parametrize(
    ("text", "surface", "hit"),
    [
        ("The lefties on the council blocked the budget again.", "lefties", True),
        ("Writing with a fountain pen is harder for lefties, who are left-handed.", "lefties",
         False),
        ("Tennis gives lefties an edge over righties.", "lefties", False),
        ("He is a doormat for the party's leadership.", "doormat", True),
        ("The new tax bills will hit doormats in August.", "doormats", False),
        ("Federal agents acted like stormtroopers, critics said.", "stormtroopers", True),
        ("Then there are Stormtroopers of the Empire, who die in a single strike.",
         "Stormtroopers", False),
    ],
)
def test_a_label_with_a_literal_sense(analyzer, text, surface, hit):
    labels = [h.surface for h in analyzer.classify_text(text).hits if h.category == "label"]
    assert (surface in labels) is hit


@pytest.mark.parametrize(
    ("text", "surface", "hit"),
    [
        # the later part of a capitalized name is a name, not a loaded word
        ("The Daily Beast reported on Thursday that the inquiry had widened.", "Beast", False),
        ("Jessica Leeds and Rachel Crooks each spoke to reporters.", "Crooks", False),
        ("Her latest book, The Savior Generals, sold well.", "Savior", False),
        # a capitalized noun before a name is a first name; a month is not the hedge "may"
        ("He dreamed of singing like Patsy Cline.", "Patsy", False),
        ("But in May, when the agency chose three companies, only two committed.", "May",
         False),
        ("May 15 was the deadline for bids.", "May", False),
        ("He was a patsy for the mob.", "patsy", True),
        ("It may rain, and the match may be delayed.", "may", True),
        # a loaded word that starts a name, or follows a title or another hit, stays a hit
        ("The rally chanted for Crooked Hillary to be jailed.", "Crooked Hillary", True),
        ("Residents are tired of Mayor Moron and his friends.", "Moron", True),
        ("He blamed the Corrupt Mainstream Media for the loss.", "Mainstream Media", True),
        ("Beast of a storm hits the coast.", "Beast", True),  # a capital that opens a sentence
        ("Police said the beast was caught on Friday.", "beast", True),
        # a distorted name is a name itself: its neutral alternative is the real one
        ("Supporters of Donald Drumpf cheered on Friday.", "Drumpf", True),
        ("Killary lost the race, and Obummer went golfing.", "Obummer", True),
        # in a Title Case headline every word is capitalized: no name can be told apart
        ("GoDaddy Drops White Supremacist Site After Charlottesville Rally", "White Supremacist",
         True),
    ],
)
def test_capitalized_names_are_not_loaded_words(analyzer, text, surface, hit):
    surfaces = [h.surface for h in analyzer.classify_text(text).hits]
    assert (surface in surfaces) is hit


# Verbs of saying with a common sense that is not saying: a loaded verb of saying, and a
# sentence of reported speech, only where it reports speech.
@pytest.mark.parametrize(
    ("text", "surface", "hit", "voice"),
    [
        ("Putin said NATO's expansion threatened Russia's security.", "threatened", False,
         "attributed"),
        ("The drought threatens the lives of two million people.", "threatens", False, "author"),
        # "snap" and "brush off": a curt reply and a dismissal, not a streak or edges
        ("He snapped that the question was absurd.", "snapped", True, "attributed"),
        ("The Rovers snapped a six-match winless streak at home.", "snapped", False,
         "author"),
        ("The minister brushed off the criticism as noise.", "brushed off", True, "attributed"),
        ("The sculptor needed a day to brush off the dust from the statue.", "brush off", False,
         "author"),
        # "float": a trial balloon, not shares or a wagon in the air
        ("The mayor floated the idea that the tax could be cut.", "floated", True, "attributed"),
        ("The company will float its shares in Hong Kong next week.", "float", False, "author"),
        ("A touch screen appears to float in the air.", "float", False, "author"),
        ("Putin threatened to cut off gas supplies.", "threatened", True, "attributed"),
        ("The mayor threatened that he would resign.", "threatened", True, "attributed"),
        # the sense word is there, but the verb says what was said: speech all the same
        ("The mayor threatened that he would resign over security.", "threatened", True,
         "attributed"),
        ("The flood claimed 12 lives.", "claimed", False, "author"),
        ("The storm claimed the lives of six hikers.", "claimed", False, "author"),
        ("The mayor claimed victory after the count.", "claimed", False, "author"),
        ("A rebel group claimed responsibility for the blast.", "claimed", False, "author"),
        ("The mayor claimed the victory was stolen from her.", "claimed", True, "attributed"),
        # a participle that modifies a noun reports no one: careful reporting, no verdict
        ("Police are investigating the alleged theft of the paintings.", "alleged", False,
         "author"),
        ("He was charged over his alleged role in the fraud.", "alleged", False, "author"),
        ("Her leaked memo angered the staff.", "leaked", False, "author"),
        ("Prosecutors alleged that the guards slept through their shifts.", "alleged", True,
         "attributed"),
        ("Aides shared a post that claimed the vote was rigged.", "claimed", True, "attributed"),
        # a name given to a thing: no one labels anyone
        ("In a drawer labeled “receipts,” the clerk kept the old tickets.", "labeled", False,
         "author"),
        ("The council labeled the plan a fraud.", "labeled", True, "attributed"),
        ("He launched into a mocking riff about the judges.", "mocking", True, "author"),
        ("The minister claimed the plan would work.", "claimed", True, "attributed"),
        ("He was admitted to hospital on Monday.", "admitted", False, "author"),
        ("She admitted that the figures were wrong.", "admitted", True, "attributed"),
        # a plea to charges and a no to an offer are acts, not words reported
        ("Denise Hale, 52, admitted 14 counts of fraud in January.", "admitted", False,
         "author"),
        ("He admitted two charges of theft.", "admitted", False, "author"),
        ("Pellow & Strand has rejected a takeover approach from Corveth.", "rejected", False,
         "author"),
        # ("reject" is a neutral verb of saying: no flag, but a report)
        ("The board rejected the claim that it had lied.", "rejected", False, "attributed"),
        ("The bridge was slammed shut on Friday.", "slammed", False, "author"),
        ("The union slammed the plan on Monday.", "slammed", True, "attributed"),
        ("Cracks were ripping through the steel beams.", "ripping", False, "author"),
        ("Sirens wailed through the night.", "wailed", False, "author"),
        ("The old ground has a leaking roof.", "leaking", False, "author"),
        # a court's or an employer's dismissal; a verb of manner with nothing said
        ("The order to dismiss the lawsuit was filed Friday.", "dismiss", False, "author"),
        ("He was dismissed from his post in May.", "dismissed", False, "author"),
        ("She dismissed the report as a smear.", "dismissed", True, "attributed"),
        ("Video shows people screaming and running for the exits.", "screaming", False,
         "author"),
        ("The coach screamed that the referee was blind.", "screamed", True, "attributed"),
        ("“Get out!” he screamed.", "screamed", True, "attributed"),
        ("The senator yelled at reporters.", "yelled", True, "author"),
        # verbs of loudness: speech only with what was said
        ("The team won in front of a roaring crowd.", "roaring", False, "author"),
        ("The guns thundered all night.", "thundered", False, "author"),
        ("“Get out!” he roared.", "roared", True, "attributed"),
        ("The senator thundered that the bill was a disgrace.", "thundered", True,
         "attributed"),
    ],
)
def test_verbs_of_saying_in_another_sense(analyzer, text, surface, hit, voice):
    report = analyzer.analyze(text)
    assert (surface in [h.surface for h in report.hits if h.category == "attribution_verb"]) \
        is hit
    assert [s.sentence.voice for s in report.scores] == [voice]


def test_descriptive_if_is_read_and_applies_within_the_text_matched(tmp_path):
    path = write(tmp_path / "mine.csv",
                 "term,category,explanation,descriptive_if\n"
                 "sweep,loaded,Casts a raid as a clean-up.,Broom|brooms\n")
    (entry,) = read_lexicon(path)
    assert entry.descriptive_if == frozenset({"broom", "brooms"})
    lexicon = Lexicon([entry])
    text = "Police plan a sweep. He bought a broom."
    assert [m.surface for m in lexicon.match(text, 0, 20)] == ["sweep"]
    assert lexicon.match(text) == []


def test_thing_objects_are_read_and_make_a_verb_of_saying_take_a_thing(tmp_path):
    path = write(tmp_path / "mine.csv",
                 "term,category,explanation,pos,inflect,complement,thing_objects\n"
                 "grab,attribution_verb,Casts a remark as snatched.,verb,yes,clause,Headlines|#\n")
    (entry,) = read_lexicon(path)
    assert entry.thing_objects == frozenset({"headlines", "#"})
    analyzer = Analyzer(lexicons=[path])

    def grabbed(text):
        return [h.surface for h in analyzer.classify_text(text).hits
                if h.category == "attribution_verb"]

    assert grabbed("The mayor grabbed headlines on Monday.") == []
    assert grabbed("The mayor grabbed the headlines on Monday.") == []
    assert grabbed("The mayor grabbed 12 seats on Monday.") == []
    assert grabbed("The mayor grabbed that the vote was rigged.") == ["grabbed"]
    assert grabbed("The mayor grabbed the headlines were wrong.") == ["grabbed"]


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        # one syllable: the final consonant doubles ("spared" and "scared" are other verbs)
        ("spar", {"spar", "spars", "sparred", "sparring"}),
        ("scar", {"scar", "scars", "scarred", "scarring"}),
        ("slam", {"slam", "slams", "slammed", "slamming"}),
        # longer words may go either way
        ("label", {"label", "labels", "labeled", "labelled", "labeling", "labelling"}),
        ("claim", {"claim", "claims", "claimed", "claiming"}),
    ],
)
def test_regular_inflections_of_verbs(word, forms):
    assert inflections(word, "verb") == forms


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # words the tagger does not know: it guessed them from their shape
        ("It was a dodgy plan.", "dodgy"),
        ("The campaign is pure gaslighting.", "gaslighting"),
        # words it knows as another part of speech, settled by the word before or after
        ("He is a terrorist.", "terrorist"),
        ("They will torch the plan.", "torch"),
        ("The senator attacks the plan.", "attacks"),
        ("It was an outright lie.", "outright"),
        # a shouted word in a line of capitals is no name; a name in a short sentence is one
        ("BABY UNIT AXED: Mums face a long dash to the new ward", "AXED"),
        ("It was so bad that the council left.", "so"),
        # a label before a noun for people labels them ("terrorist attacks" does not)
        ("Militant teachers walked out on Monday.", "Militant"),
        ("He launched into a mocking riff about the judges.", "mocking"),
        ("The council ignored the bullying and the threats.", "bullying"),
        ("It was a very talented team, and the council knew it.", "very"),
        ("They likely won't speak, and the council knew it.", "likely"),
    ],
)
def test_the_part_of_speech_does_not_hide_a_word_the_tagger_misreads(analyzer, text, surface):
    assert surface in [h.surface for h in analyzer.analyze(Article(text=text)).hits]


@pytest.mark.parametrize(("text", "hit"), [
    ("It was so bad that the council left.", True),
    ("The mayor said so.", False),  # nothing to intensify
    ("And so the council left.", False),
    ("So I left early.", False),
])
def test_so_intensifies_only_what_follows_it(analyzer, text, hit):
    assert ("so" in [h.surface.lower() for h in analyzer.analyze(Article(text=text)).hits]) \
        is hit


def test_every_one_word_entry_is_found_in_a_plain_sentence(analyzer):
    # the part-of-speech check once trusted the tagger's guesses: 319 shipped words never
    # matched, among them every hyphenated noun ("a pen-pusher") and words it knows as
    # another part of speech ("He is a terrorist", "They will torch the plan"). Verbs of
    # manner ("scream") count only where voice detection finds words reported.
    frames = {"noun": "He is a {}.", "verb": "They will {} the plan.",
              "adv": "They acted {} yesterday.", "adj": "It was a {} plan."}
    missed = []
    for entry in analyzer.lexicon.entries:
        if (entry.pos in frames and " " not in entry.term and entry.complement != "speech"
                and entry.category != "neutral_attribution"):
            report = analyzer.analyze(Article(text=frames[entry.pos].format(entry.term)))
            if not any(h.surface == entry.term for h in report.hits):
                missed.append(entry.term)
    assert not missed


def test_a_lexicon_from_a_device_is_read_up_to_its_limit():
    # /dev/zero has no size to check first; reading it whole ran out of memory
    with pytest.raises(LexiconError, match="over the 10 MB limit"):
        read_lexicon("/dev/zero")


# A town and a club of the user's own that no rule can tell from people: "Marlowe" opens
# sentences and stands alone, as a surname would.
TOWN_STORY = (
    "Council backs new pier for Marlowe\n\n"
    "Marlowe will get a new pier after a vote on Tuesday, the council said.\n\n"
    "Tom Reed, who runs a bakery near the harbor, welcomed the plan. \"It is a good day,\" he "
    "said.\n\n"
    "Marlowe Harriers said in a statement that the club would pay for new lights. Marlowe has "
    "waited ten years for the work.\n")
TOWNS = LexiconText("towns.csv", "term,category,forms\nMarlowe,place,\n"
                                 "Marlowe Harriers,organization,the Harriers\n")


def actor_kinds(analyzer, text):
    return {a.name: (a.kind, a.mentions) for a in analyzer.analyze(text).actors}


def test_a_lexicon_names_places_and_organizations(analyzer):
    assert actor_kinds(analyzer, TOWN_STORY) == {
        "Marlowe": ("person", 2), "Marlowe Harriers": ("person", 1), "Tom Reed": ("person", 1)}
    taught = analyzer.with_lexicons([TOWNS])
    assert actor_kinds(taught, TOWN_STORY) == {
        "Marlowe": ("place", 3), "Marlowe Harriers": ("organization", 1),
        "Tom Reed": ("person", 1)}
    # the name's other spellings ("forms") are the same actor, written as the user wrote it
    later = TOWN_STORY + "The Harriers said the lights would be ready by May.\n"
    assert actor_kinds(taught, later)["Marlowe Harriers"] == ("organization", 2)
    # what the names taught stays with that Analyzer: the shared one reads as before
    assert actor_kinds(analyzer, TOWN_STORY)["Marlowe"] == ("person", 2)
    assert actor_kinds(pickle.loads(pickle.dumps(taught)), TOWN_STORY)["Marlowe"][0] == "place"


# A person under a name no rule links to their full name: a nickname in capitals that opens
# sentences, and a first name the gazetteer knows as a place.
PERSON_STORY = (
    "Rep. Dana Okoro-Villa spoke on Monday.\n\n"
    "DOV said the bill was cruel. She added that it would fail in the Senate.\n\n"
    "Georgia Tamm runs the shelter. Georgia said the beds were full. Later the Gaffer left.\n")
PEOPLE = LexiconText("people.csv", "term,category,forms\nDana Okoro-Villa,person,DOV\n"
                                   "Georgia Tamm,person,Georgia|the Gaffer\n")


def test_a_lexicon_names_a_person_under_other_names(analyzer):
    def sources(a):
        report = a.analyze(PERSON_STORY)
        return ({x.name: (x.kind, x.mentions, x.attributed_sentences) for x in report.actors},
                [s.speaker for s in report.sentences if s.speaker])

    actors, _ = sources(analyzer)
    assert actors["Georgia"][0] == "country" and "Dana Okoro-Villa" in actors
    actors, speakers = sources(analyzer.with_lexicons([PEOPLE]))
    # one actor for each person: the nickname and the first name count as them, "she" is her
    assert actors == {"Dana Okoro-Villa": ("person", 2, 2), "Georgia Tamm": ("person", 3, 1),
                      "Senate": ("institution", 1, 0)}
    assert speakers == ["DOV", "Dana Okoro-Villa", "Georgia"]
    # a person's name is no longer a place of the gazetteer for that Analyzer
    assert analyzer.with_lexicons([PEOPLE]).names.place("Georgia") is None
    assert analyzer.names.place("Georgia").type != "person"


def test_name_entries_keep_their_capitals_and_flag_nothing(tmp_path):
    path = write(tmp_path / "names.csv", "term,category\nSlaughter Beach,place\n"
                                         "  Brantor   Mutual ,organization\ngizmo,loaded\n")
    assert [(e.term, e.category) for e in read_lexicon(path)] == [
        ("Slaughter Beach", "place"), ("Brantor Mutual", "organization"), ("gizmo", "loaded")]
    analyzer = Analyzer(lexicons=[path])
    assert all(e.category not in ("place", "organization", "person")
               for e in analyzer.lexicon.entries)
    report = analyzer.classify_text("Brantor Mutual sold a gizmo near Slaughter Beach.")
    assert [h.surface for h in report.hits] == ["gizmo"]
