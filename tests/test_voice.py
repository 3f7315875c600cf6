"""Voice and speaker: the seed article's named sentences, quotes of every shape, scare quotes."""

from __future__ import annotations

import pytest
from conftest import sentence_starting

from framing import Article
from framing.ingest import article_from_text
from framing.voice import find_quotes


@pytest.mark.parametrize(
    ("prefix", "voice", "speaker"),
    [
        ("“The emergence of such threats represents a ‘red line’ for us,”", "quoted", "Putin"),
        ("“I hope that it will not get to that", "quoted", "Putin"),
        ("It is entirely possible that Putin doubts", "author", ""),
        ("If Putin believes that the U.S. will stand by", "author", ""),
        ("The chances of the U.S. sending troops", "author", ""),
        ("Meanwhile, Putin issued a warning of his own.", "author", ""),
        ("He said that NATO and the U.S. deploying troops", "attributed", "Putin"),
        ("Speaking to an online forum on Tuesday, Putin said", "attributed", "Putin"),
        ("He claimed that NATO could eventually use", "attributed", "Putin"),
        ("Ukrainian President Volodymyr Zelenskyy has claimed", "attributed", "Volodymyr Zelenskyy"),
        ("Russia insists that Ukraine should remain", "attributed", "Russia"),
        ("Russia not only denied the allegation", "attributed", "Russia"),
        ("Russian President Vladimir Putin has accused the West", "attributed", "Vladimir Putin"),
        ("The fighting has claimed 14,000 lives according to Kyiv.", "attributed", "Kyiv"),
        ("Amid this morass of rising tensions", "attributed", "Belarus government officials"),
        ("British Foreign Secretary Liz Truss said", "attributed", "Liz Truss"),
        ("“Any action by Russia to undermine the freedom", "quoted", "Liz Truss"),
        ("“We are very concerned about the movements", "quoted", "Blinken"),
        ("“Any escalatory actions by Russia", "quoted", "Blinken"),
        ("“We will be consulting closely with NATO allies", "quoted", "Blinken"),
        ("Prior to the commencement of the meeting, Blinken expressed", "attributed", "Blinken"),
        ("He has made it quite clear that Belarus", "attributed", "Alexander Lukashenko"),
        ("The Pentagon said that the chairman", "attributed", "the Pentagon"),
        ("The Pentagon released a statement", "attributed", "the Pentagon"),
        ("Thousands of Russian “volunteers” joined", "author", ""),
        ("While President Biden has vowed our", "author", ""),
        ("Despite Blinken’s comments about", "author", ""),
        ("Washington’s concerns were repeated", "author", ""),
        ("Ukrainian officials are worried", "author", ""),
    ],
)
def test_seed_voice_and_speaker(seed_report, prefix, voice, speaker):
    s = sentence_starting(seed_report, prefix)
    assert (s.voice, s.speaker) == (voice, speaker)


def test_seed_scare_quote_is_a_term_hit(seed_report):
    scare = [h for h in seed_report.hits if h.category == "scare_quote"]
    assert [(h.surface, h.voice, h.alternative) for h in scare] == [
        ("“volunteers”", "author", "volunteers")
    ]


def test_seed_partial_quotes_are_not_scare_quotes(seed_report):
    roles = {seed_report.article.text[q.start:q.end]: q.role for q in seed_report.quotes}
    assert roles["“cover our southern borders”"] == "partial"  # "according to" officials
    assert roles["“malign activity.”"] == "partial"  # inside Truss's reported speech
    assert roles["“serious consequences,”"] == "partial"  # echoes Blinken's earlier quote


@pytest.mark.parametrize(
    ("opening", "speaker"),
    [("“increasingly belligerent", "Blinken"), ("“ensure risk reduction", "the Pentagon"),
     ("“cover our southern borders", "Belarus government officials")],
)
def test_seed_quote_speakers(seed_report, opening, speaker):
    text = seed_report.article.text
    (quote,) = [q for q in seed_report.quotes if text.startswith(opening, q.start)]
    assert quote.speaker == speaker


def voices(analyzer, text):
    report = analyzer.analyze(text)
    return [(report.sentence_text(s), s.voice, s.speaker) for s in report.sentences]


def speakers(analyzer, text):
    """Each sentence's speaker, in order."""
    return [speaker for _, _, speaker in voices(analyzer, text)]


def actor_fields(analyzer, text, *fields):
    """Each actor's ``fields`` by name (a value for one field, a tuple for more)."""
    return {a.name: getattr(a, fields[0]) if len(fields) == 1 else tuple(
        getattr(a, field) for field in fields) for a in analyzer.analyze(text).actors}


def actor_rows(analyzer, text):
    """Each actor's kind, mentions and the body sentences it is the source of, by name."""
    return actor_fields(analyzer, text, "kind", "mentions", "source_sentences")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # straight quotes, attribution after
        ('"We will not back down," the mayor said.',
         [('"We will not back down," the mayor said.', "quoted", "the mayor")]),
        # attribution before, colon
        ("The minister said: “Prices will fall next year.”",
         [("The minister said: “Prices will fall next year.”", "quoted", "the minister")]),
        # said + name inverted
        ("“It is over,” said Ana Ruiz, a nurse.",
         [("“It is over,” said Ana Ruiz, a nurse.", "quoted", "Ana Ruiz")]),
        # reported speech without quotes
        ("Officials warned that prices could rise.",
         [("Officials warned that prices could rise.", "attributed", "Officials")]),
        # according to
        ("The plant will close in June, according to two managers.",
         [("The plant will close in June, according to two managers.", "attributed",
           "two managers")]),
        # a source cut before its place or time keeps no dangling participle
        ("The talks failed, according to a statement released in Berlin.",
         [("The talks failed, according to a statement released in Berlin.", "attributed",
           "a statement")]),
        ("Prices rose, according to figures published on Friday.",
         [("Prices rose, according to figures published on Friday.", "attributed",
           "figures")]),
        ("The plan failed, according to people involved.",
         [("The plan failed, according to people involved.", "attributed",
           "people involved")]),
        # a relative clause's verb of saying between the subject and its verb: the main clause
        # is the writer's report, unless its verb says too
        ("The mayor, who said last week that the budget was balanced, resigned on Monday.",
         [("The mayor, who said last week that the budget was balanced, resigned on Monday.",
           "author", "")]),
        ("Smith, who told reporters the plan was dead, warned that it would fail.",
         [("Smith, who told reporters the plan was dead, warned that it would fail.",
           "attributed", "Smith")]),
        ("Cole endorses Reyes, who says the plan works, and Reyes agrees.",
         [("Cole endorses Reyes, who says the plan works, and Reyes agrees.", "attributed",
           "Reyes")]),
        # an idiom of agreement reports nothing; a report of what was said before does
        ("You can say that again.", [("You can say that again.", "author", "")]),
        ("Officials said that too.", [("Officials said that too.", "attributed", "Officials")]),
        # the author's own words
        ("The plan is a mess.", [("The plan is a mess.", "author", "")]),
        # a noun, not a verb of saying
        ("The claims were false.", [("The claims were false.", "author", "")]),
        # the writer's advice is not reported speech
        ("Kyiv should ask itself whether the plan works.",
         [("Kyiv should ask itself whether the plan works.", "author", "")]),
        # two named speakers joined by "and" are both the speaker
        ("The United States and Britain warned that talks had stalled.",
         [("The United States and Britain warned that talks had stalled.", "attributed",
           "the United States and Britain")]),
        ("Police and firefighters said the fire began in a kitchen.",
         [("Police and firefighters said the fire began in a kitchen.", "attributed",
           "Police and firefighters")]),
    ],
)
def test_small_voices(analyzer, text, expected):
    assert voices(analyzer, text) == expected


@pytest.mark.parametrize(("text", "voices"), [
    # the writer takes the sentence back: the jab after "but frankly" is the writer's
    ("Coach Sarah Lindqvist whined that the penalty decision was wrong, but frankly, sore "
     "losers never learn.", {"sore losers": "author", "frankly": "author"}),
    ("The mayor said the budget was balanced; clearly it was not.", {"clearly": "author"}),
    # the source's own aside, and a sentence the source says to its end
    ("The mayor said that, frankly, the budget was a disgrace.",
     {"frankly": "attributed", "disgrace": "attributed"}),
    ("The mayor said the budget was frankly a disgrace.",
     {"frankly": "attributed", "disgrace": "attributed"}),
    # the target of a verb of judging is the writer's words; what the source said of it
    # follows "as", "of"; a verb whose object is what was said keeps it the source's
    ("Critics slammed the reckless scheme.", {"reckless": "author", "scheme": "author"}),
    ("Critics slammed the scheme as reckless.", {"scheme": "author", "reckless": "attributed"}),
    ("Moscow accused the disgraced envoy of reckless provocation.",
     {"disgraced": "author", "reckless": "attributed"}),
    ("The anchor called the senator a liar.", {"liar": "attributed"}),
])
def test_the_writer_taking_a_sentence_back_from_its_source(analyzer, text, voices):
    report = analyzer.analyze(text)
    assert report.scores[0].sentence.voice == "attributed"
    assert {h.surface: h.voice for h in report.hits if h.surface in voices} == voices


def test_joint_speakers_are_both_actors(analyzer):
    report = analyzer.analyze("Germany and France said the talks would resume in Vienna.")
    sourced = {a.name: a.attributed_sentences for a in report.actors}
    assert sourced == {"Germany": 1, "France": 1, "Vienna": 0}


def test_actors_named_as_readers_name_them(analyzer):
    report = analyzer.analyze(
        "HARBOR BAY (Tidewater Wire) — Nurses in Harbor Bay walked out on Monday.\n\n"
        "Helen Vasquez, the clinic's director, said the ward at St. Ita's Hospital was full. "
        "“We cannot staff it,” Vasquez said.\n\n"
        "The Harbor Bay Nurses Union said the strike would last three days, and commuters "
        "crowded Union Station.\n\n"
        "Will Congress act? The U.K. said it was watching.")
    actors = {a.name: (a.kind, a.mentions) for a in report.actors}
    # a first name opening a sentence is part of the name; a dateline's capitals are not
    # the name; an abbreviation goes on into the name, as written; the last word decides the kind
    assert actors["Helen Vasquez"] == ("person", 2) and "Vasquez" not in actors
    assert actors["Harbor Bay"][1] == 2 and "HARBOR BAY" not in actors
    assert actors["St. Ita's Hospital"] == ("organization", 1) and "St" not in actors
    assert actors["Harbor Bay Nurses Union"][0] == "organization"
    assert actors["Union Station"][0] == "place"
    assert "Will Congress" not in actors  # "Will" opening a question is no first name
    assert [s.sentence.speaker for s in report.scores][-1] == "the U.K."


def test_a_body_line_in_title_case_is_read_as_a_headline(analyzer):
    report = analyzer.analyze(
        "Ruth Ambler spoke on Monday. She said the budget was late.\n\n"
        "Is Mayor Ambler Laughing With the Developers?\n\n"
        "Is Councillor Tobias Fenn Sleeping Through the Budget?\n\n"
        "Sens. Chuck Sorrel, Kamala Dray and Patrick Lowe wrote to the mayor. The branches "
        "affected are Northgate, Ashby Cross and Kettle Hill.")
    actors = {a.name: a.mentions for a in report.actors}
    # the title-case line ("… Laughing With …") names only people the article names
    # elsewhere, as a headline does: no "Ruth Ambler Laughing", no "Tobias Fenn Sleeping"
    assert "Ruth Ambler" in actors
    assert not any("Laughing" in name or "Fenn" in name for name in actors)
    # a sentence of names is no headline: every name counts
    assert {"Chuck Sorrel", "Kamala Dray", "Patrick Lowe", "Kettle Hill"} <= set(actors)


def test_a_name_that_is_no_persons_is_a_name(analyzer):
    report = analyzer.analyze(
        "On Monday, Save Quarry Meadow said the First Amendment protects its march down "
        "Quarry Lane on Election Day. Tim Cook and Mayor Ann Rice agreed. The march could go "
        "on, Doreen Wells said.")
    kinds = {a.name: a.kind for a in report.actors}
    # an English word where a first name would stand, a common noun at the end, no title
    assert {k: kinds[k] for k in ("Save Quarry Meadow", "First Amendment", "Quarry Lane",
                                  "Election Day")} == dict.fromkeys(
        ("Save Quarry Meadow", "First Amendment", "Quarry Lane", "Election Day"), "name")
    # a first name, a title, or a word no English word list knows: a person
    assert [kinds[k] for k in ("Tim Cook", "Ann Rice", "Doreen Wells")] == ["person"] * 3
    # the campaign speaks, and is counted as a source
    sources = {a.name for a in report.actors if a.source_sentences}
    assert "Save Quarry Meadow" in sources


@pytest.mark.parametrize(("text", "speaker"), [
    # a source described by what it is close or loyal to keeps its description
    ("A source close to the talks said the firm would return with a higher offer.",
     "a source close to the talks"),
    ("According to a source close to the talks, the breakthrough came late.",
     "a source close to the talks"),
    ("According to officials loyal to the mayor, the vote was fair.",
     "officials loyal to the mayor"),
    # (a report to someone is still the report)
    ("The money went to schools, according to a report to the council.", "a report"),
    # a surname that is also a modal verb is the surname
    ("The policy failed, according to Rhona May.", "Rhona May"),
    ("The shop was robbed twice, according to County Sheriff Will Danner.", "Will Danner"),
    # "and" between two clauses: the name after it is the subject (but "before they had
    # sailed, King Aldric and Queen Maren promised" is both)
    ("Tensions rose when the army moved troops and Karvonia accused its neighbour of "
     "lying.", "Karvonia"),
    ("Before they had sailed, King Aldric and Queen Maren had promised that the first "
     "to see land would be paid.", "Aldric and Maren"),
    ("The newly elected mayor and Dana Reyes said the plan was fair.",
     "the newly elected mayor and Dana Reyes"),
    # a body's name with "of" before a participle that reports for it
    ("The Ministry of Education put the figure lower, saying in a statement that most "
     "schools had stayed open.", "the Ministry of Education"),
    # a body named before ", which said": the body (not "…, which tells you everything")
    ("The trial was run by the Kelby Heart Trust, which said that it was pleased.",
     "the Kelby Heart Trust"),
    ("The study was funded by the National Institute for Healthy Ageing (NIHA), which said "
     "in a statement that the findings would shape its advice.", "NIHA"),
    # an unnamed person described at length before an aside
    ("A mother waiting outside Calloway High School, who did not want to be named, said the "
     "strike was selfish.", "a mother waiting outside Calloway High School"),
    ("At the gate a mother waiting outside Calloway High School who said she was angry left "
     "early.", "a mother waiting outside Calloway High School"),
])
def test_a_source_named_after_its_verb_or_according_to(analyzer, text, speaker):
    assert speakers(analyzer, text) == [speaker]


def test_a_manner_verb_after_a_quotation_names_its_speaker(analyzer):
    found = voices(analyzer, (
        "Callum Rich scored twice.\n\n"
        "“I have never scored a free kick in my life,” Rich laughed.\n\n"
        "Ruth May, 67, said she was tired. Her neighbour, Colin Ashdown, 41, was less "
        "convinced.\n\n“They will build the road anyway,” he shrugged.\n\n"
        "The crowd laughed and the players smiled."))
    assert [v[1:] for v in found[1:]] == [
        ("quoted", "Rich"), ("attributed", "Ruth May"), ("author", ""),
        ("quoted", "Colin Ashdown"), ("author", "")]


def test_an_unknown_first_name_opening_a_sentence_before_a_description(analyzer):
    kinds = actor_fields(analyzer, (
        "Police appeal\n\nKieran Dove, a warehouse supervisor, was found on Saturday. "
        "Tamsin Bell, 26, found him. Brisk Walking, a new study, says little."), "kind")
    # a surname that is a word ("Dove", "Bell") after a first name no list knows
    assert {k: kinds.get(k) for k in ("Kieran Dove", "Tamsin Bell")} == {
        "Kieran Dove": "person", "Tamsin Bell": "person"}
    assert "Brisk Walking" not in kinds and "Walking" not in kinds


def test_a_name_written_as_a_place_or_a_title_is_no_person(analyzer):
    kinds = actor_fields(analyzer, (
        "Lorries were diverted around Aldermoor Cross and through Pennock Meadows on Monday. "
        "Residents of Little Wendle said the road was shut. Ellen Marsh, who lives near "
        "Bramwell Ferry, said the village had flooded. Critics took a swipe at Tobiah Kessler "
        "for the delay. In 1966 she formed The Coldwater Three with Sam Booth, and released "
        "albums on Hollowtree Records. The Friends of Dunwithy Lido, a volunteer group, were "
        "not told. Officers of Brandwick Constabulary attended. The Dana Whitfield campaign "
        "declined to comment. Priti Banerjee, an analyst at Clearline Research, agreed, as did "
        "the Classroom Futures Forum. Lorries use Mill Street and Tanner's Lane, and a van "
        "was found in Cooper's Yard. The homes stand on the edge of Pellow Heath, and the "
        "heart of Orrin Green is a mile off."), "kind")
    # a name of two words that opens with no first name, after "around", "through", "near",
    # "residents of" …: a place the gazetteer lacks
    assert [kinds[k] for k in ("Aldermoor Cross", "Pennock Meadows", "Little Wendle",
                               "Bramwell Ferry", "Pellow Heath", "Orrin Green")] == ["place"] * 6
    # a street or a yard named for its owner, wherever it stands
    assert [kinds.get(k) for k in ("Tanner's Lane", "Cooper's Yard")] == ["place"] * 2
    # after "The" inside a sentence: a band's or a work's name; and a label, a body of
    # friends, a constabulary
    assert [kinds[k] for k in ("Coldwater Three", "Hollowtree Records", "Friends of Dunwithy "
                               "Lido", "Brandwick Constabulary", "Clearline Research",
                               "Classroom Futures Forum")] == [
        "name", "organization", "organization", "organization", "organization", "organization"]
    # people stay people: a first name, a swipe at someone, "The" before a noun it modifies
    assert [kinds[k] for k in ("Ellen Marsh", "Sam Booth", "Tobiah Kessler",
                               "Dana Whitfield")] == ["person"] * 4


def test_she_is_no_place_or_album_named_before(analyzer):
    found = speakers(analyzer, (
        "Rosalind Lark, a folk singer, was born in 1942.\n\nHer second album, Salt and Iron, came out in "
        "1971. Her last, The Harbour Lights at Skelding Bay, was darker.\n\n“I never stopped,” "
        "she told an interviewer."))
    assert found[-1] == "Rosalind Lark"


def test_a_name_that_is_no_persons_after_a_party_or_before_a_numeral_is_a_name(analyzer):
    text = ("Delegates at the Republican National Convention cheered, and the CEO of Harbor "
            "Pallet Works spoke. The group Fair Lanes Watch said the hall was full. His father "
            "served in World War II, and Pope John Paul II sent a letter, said Reva Hunt.")
    kinds = actor_fields(analyzer, text, "kind")
    # a party's adjective opens the name, an office does not ("CEO of"); a first name before
    # the numeral, or a word no list knows before a noun, is a person's
    expected = {"Republican National Convention": "name", "Harbor Pallet Works": "name",
                "Fair Lanes Watch": "name", "World War II": "name", "John Paul II": "person",
                "Reva Hunt": "person", "National Convention": None,
                "CEO of Harbor Pallet Works": None}
    assert {name: kinds.get(name) for name in expected} == expected


def test_a_companys_first_word_alone_names_it(analyzer):
    text = ("Hackers stole data from Brantor Mutual Insurance, the company said on Monday, and "
            "Brantor said it would write to every customer.\n\nA Brantor spokesman said the "
            "software came from a supplier. Quillfen Systems Inc. said it was investigating, and "
            "the stock of Quillfen Systems Inc. fell.\n\nDunhollow County officials said the "
            "office would stay open, and the Dunhollow County Fire Service said the building was "
            "safe. Staff at Kessock Hardware said business was slow. Later Quillfen Systems said "
            "the flaw was fixed.")
    rows = actor_rows(analyzer, text)
    # "Brantor" and "a Brantor spokesman" are the insurer (no person "Brantor"); a company's
    # name opening a sentence keeps its first word, and is read with its "Inc." point; its
    # name without "Inc." is the same company
    assert rows["Brantor Mutual Insurance"] == ("organization", 3, (0, 1))  # ("the company")
    assert rows["Quillfen Systems Inc"] == ("organization", 3, (2, 5))
    assert rows["Kessock Hardware"][0] == "organization"
    # "Dunhollow County officials" are the county's, not its fire service's (which speaks in a
    # clause of its own: "…, and the Dunhollow County Fire Service said")
    assert rows["Dunhollow County Fire Service"] == ("organization", 1, (3,))
    assert rows["Dunhollow County"][2] == (3,)
    assert not {"Brantor", "Systems Inc", "Quillfen Systems"} & set(rows)


def test_a_towns_name_opening_an_organizations_is_still_the_town(analyzer):
    text = ("Most of Kelmouth's schools are closed. The Kelmouth Teachers' Union wants a raise, "
            "and Kelmouth said it could not pay. Families in Ardleigh said Ardleigh High "
            "School had closed, and Ardleigh said the buses would run.")
    kinds = actor_fields(analyzer, text, "kind")
    assert kinds["Kelmouth Teachers' Union"] == kinds["Ardleigh High School"] == "organization"
    # the town's own name stays apart from its union and its school
    assert {"Kelmouth", "Ardleigh"} <= set(kinds)


def test_a_town_before_its_state_is_a_city_and_so_is_its_name_alone(analyzer):
    text = ("KELWORTH, Md. (AP) — The plant in Kelworth closed on Monday, and workers from "
            "Dranby, Pennsylvania, marched. Dranby officials said the plan was bad. The sanctions "
            "emboldened Ostrava Mendez, Russia and Iran, said Rep. Dale Hunsaker, Ohio Republican. "
            "In the Tally, Florida is leaning left.")
    actors = actor_fields(analyzer, text, "kind", "mentions")
    # the dateline's town keeps the name as the story writes it, and counts each mention
    assert actors["Kelworth"] == ("city", 2) and actors["Dranby"] == ("city", 2)
    # a list of places, a description and a title are no town before its state
    assert actors["Ostrava Mendez"][0] == actors["Dale Hunsaker"][0] == "person"
    assert "Tally" not in actors and "KELWORTH" not in actors


def test_a_street_or_locality_is_a_place_wherever_the_article_names_it(analyzer):
    text = ("Residents in Marrick Cross said the road was shut, and Marrick Cross has no bus. "
            "One Marrick Cross mother said her son walks. Traffic on Ashwater Close was slow. "
            "The library is shut on Mondays, Dana Whitfield said.")
    rows = actor_rows(analyzer, text)
    # every mention of the locality is the place's, and a resident of it is nobody named
    assert rows["Marrick Cross"] == ("place", 3, ())
    assert rows["Ashwater Close"] == ("place", 1, ())
    assert "Mondays" not in rows and rows["Dana Whitfield"][0] == "person"


def test_a_weekday_before_a_name_is_the_day_unless_it_opens_a_show(analyzer):
    text = ("Dana Whitfield spoke on Friday. On Monday Brantor Mutual Insurance said hackers had "
            "stolen data, and on Tuesday Whitfield said it was a disgrace. She had appeared on "
            "Saturday Night Live, and Sunday Night Football drew millions.")
    kinds = actor_fields(analyzer, text, "kind", "mentions")
    assert kinds == {"Dana Whitfield": ("person", 2),
                     "Brantor Mutual Insurance": ("organization", 1),
                     "Saturday Night Live": ("name", 1), "Sunday Night Football": ("name", 1)}


def test_an_acronym_that_speaks_is_an_organization(analyzer):
    text = ("The network suspended its host on Monday. QBVN said the host had broken its rules. "
            "The RWLC said it welcomed the move. Later MJ said it was unfair. POTUS said "
            "nothing.")
    rows = actor_rows(analyzer, text)
    # a speaking acronym is a named source; initials and an office's acronym are not
    assert rows == {"QBVN": ("organization", 1, (1,)), "RWLC": ("organization", 1, (2,))}


def test_a_first_name_after_an_organization_splits_them(analyzer):
    text = "In the wake of the vote the head of Nato Lars Henning said the alliance was ready."
    kinds = actor_fields(analyzer, text, "kind")
    # the person after the alliance's name, and the alliance too
    assert kinds == {"Lars Henning": "person", "NATO": "organization"}


def test_a_word_always_before_a_number_is_no_person(analyzer):
    text = ("Voters in Ward 4 chose Derek Collier, and the recount in Ward 4 ended. The storm "
            "reached Category 4 before it hit land as a Category 3.")
    kinds = actor_fields(analyzer, text, "kind")
    assert kinds == {"Ward": "name", "Category": "name", "Derek Collier": "person"}


def test_the_gazetteer_knows_groups_and_agencies_read_as_people(analyzer):
    text = ("Members of the Ku Klux Klan marched, and the Klan said it would return. A photo "
            "from Getty Images showed the march. A Puerto Rican family watched.")
    actors = actor_fields(analyzer, text, "kind", "mentions")
    assert actors == {"Ku Klux Klan": ("organization", 2), "Getty Images": ("organization", 1)}


def test_a_person_after_a_title_though_a_place_or_an_office_is_named_too(analyzer):
    report = analyzer.analyze(
        "Councilwoman Jo Park voted against the plan. Park said the budget was too thin.\n\n"
        "The ruling came from U.S. District Judge Marisol Tavera on Monday.\n\n"
        "Harbor County Sheriff Ray Dunmore and Dalton Police Lt. Col. Al Brenner said the "
        "road would reopen. State Sen. Dick Holt agreed.\n\n"
        "Crowds filled Queen Victoria Park and Union Station.")
    kinds = {a.name: (a.kind, a.mentions) for a in report.actors}
    # a first name after a person's title is a person, though "Park" names places and the
    # run opens with a court, a county or a police force
    assert kinds["Jo Park"] == ("person", 2) and "Park" not in kinds
    assert kinds["Marisol Tavera"] == ("person", 1)
    assert kinds["Ray Dunmore"] == ("person", 1) and kinds["Al Brenner"] == ("person", 1)
    assert kinds["Dick Holt"] == ("person", 1)
    assert not any("Judge" in n or "Sheriff" in n or "Lt" in n or "Sen" in n for n in kinds)
    # a royal title names places too
    assert kinds["Victoria Park"][0] == "place" and kinds["Union Station"][0] == "place"


def test_a_person_named_after_other_words_is_named_alone(analyzer):
    report = analyzer.analyze(
        "Quarterback Colin Marsh knelt, and CNN Dana Tapley asked why. Marsh said he "
        "would go on. Rep. Vicky Jo Carrow answered. Crowds gathered at Fort Leonard Wood "
        "and on West Jonathan Drive for the Tidewater Gazette Helen Vasquez Legacy Award.")
    kinds = {a.name: (a.kind, a.mentions) for a in report.actors}
    # the words before a common first name are no part of the person's name
    assert kinds["Colin Marsh"] == ("person", 2) and kinds["Dana Tapley"][0] == "person"
    # a first name after a name no list knows is part of it; places named after people stay
    # places, and a long run is no person
    assert kinds["Vicky Jo Carrow"][0] == "person"
    assert {"Fort Leonard Wood", "West Jonathan Drive"} <= set(kinds)
    assert not {"Leonard Wood", "Jonathan Drive", "Helen Vasquez Legacy Award"} & set(kinds)


def test_a_business_named_by_its_trade_is_an_organization(analyzer):
    report = analyzer.analyze(
        "Pellworth Homes said the houses would be built by May. Brantor Energy said prices "
        "would fall. Insurance costs rose. Homes sold fast.")
    kinds = {a.name: a.kind for a in report.actors}
    # the trade as the name's last word makes a business, not a person; alone, no actor
    assert kinds == {"Pellworth Homes": "organization", "Brantor Energy": "organization"}
    sources = {a.name: a.attributed_sentences for a in report.actors}
    assert sources == {"Pellworth Homes": 1, "Brantor Energy": 1}


def test_a_name_its_appositive_or_trade_calls_an_organization_is_one(analyzer):
    text = ("Jobs at Quillfire were cut. Quillfire, the workplace software company, said on "
            "Tuesday that it would lay off staff. A Quillfire spokesperson said it was fair. "
            "According to figures compiled by the consultancy Ledgerline, it was the largest "
            "sale. The data came from Tarrow, a consultancy, and from Brantel, the energy "
            "giant. Kell, a software developer, said the app was slow. Ann Cole, a member of "
            "the union, said the strike would go on. Dana Reyes, the company's founder, said "
            "she was proud.")
    assert actor_rows(analyzer, text) == {
        "Quillfire": ("organization", 3, (1, 2)), "Ledgerline": ("organization", 1, (3,)),
        "Tarrow": ("organization", 1, ()), "Brantel": ("organization", 1, ()),
        # (a trade a person plies too, a head with more after it: people)
        "Kell": ("person", 1, (5,)), "Ann Cole": ("person", 1, (6,)),
        "Dana Reyes": ("person", 1, (7,))}


def test_a_gallery_or_a_data_firm_is_an_organization_and_the_gallery_speaks_for_it(analyzer):
    text = ("A painting was returned to Halvorsen Gallery, the gallery said. Analysts polled by "
            "Ledgerpoint Data had expected more. Orrin Analytics and Kestle Audio declined to "
            "comment. Mara Quist said the sale was fair.")
    assert actor_rows(analyzer, text) == {
        "Halvorsen Gallery": ("organization", 1, (0,)),
        "Ledgerpoint Data": ("organization", 1, ()),
        "Orrin Analytics": ("organization", 1, (2,)), "Kestle Audio": ("organization", 1, (2,)),
        "Mara Quist": ("person", 1, (3,))}


def test_the_speaker_names_the_sentences_first_word(analyzer):
    # "Doreen" is written nowhere else and "Wells" is an English word, so the capitals alone
    # leave "Doreen" out; the sentence's speaker, "Doreen Wells", puts it back
    report = analyzer.analyze("Doreen Wells said the march could go on. Wells is 64.\n\n"
                              "Provost Samuel Okafor said the fees would rise.\n\n"
                              "Terry Bright said the fees were fair.")
    actors = {a.name: a.attributed_sentences for a in report.actors}
    assert actors["Doreen Wells"] == 1 and "Wells" not in actors
    assert actors["Terry Bright"] == 1  # a first name that is an English word too
    assert "Samuel Okafor" in actors  # a role before the name is not made part of it


def test_a_speaker_of_one_word_no_list_knows_is_a_source_though_only_first(analyzer):
    text = ("The mural appeared on Monday. Banksy said in a post that the work was a gift. "
            "Banksy has never been identified.")
    assert actor_rows(analyzer, text) == {"Banksy": ("person", 1, (1,))}
    assert analyzer.analyze(text).metrics.named_sources == 1


def test_a_first_name_no_list_knows_opens_a_sentence(analyzer):
    report = analyzer.analyze(
        "Corinne Oyelaran opened the hearing on Monday. Oyelaran said the budget was late.\n\n"
        "Brovik Images supplied the photographs. Filmmaker Joel Brandt watched.")
    actors = {a.name: a.kind for a in report.actors}
    # a word no English word list knows, before a name-like word: a first name
    assert actors["Corinne Oyelaran"] == "person" and "Oyelaran" not in actors
    # not before an everyday word ("Images") or a known first name ("Filmmaker Joel")
    assert "Brovik Images" not in actors and actors["Joel Brandt"] == "person"


def test_names_with_initials_suffixes_and_party_letters(analyzer):
    report = analyzer.analyze(
        "Harbor master Piet R. Dorn said on Monday that the port would reopen within a week.\n\n"
        "State Rep. Ana Ruiz (D) disagreed, and Rep. Tom Hale (R) and Sen. Lea Moss (R) asked "
        "for an inquiry.\n\nThe Rev. Amos Tull Jr. led a march to the harbor. Tull said the "
        "town had waited long enough.\n\nDorn said the cranes had been repaired.")
    actors = {a.name: (a.mentions, a.attributed_sentences) for a in report.actors}
    # one person with a middle initial; a party's letter is nobody; "Jr." is no surname
    assert actors["Piet R. Dorn"] == (2, 2) and actors["Amos Tull Jr."] == (2, 1)
    assert not {"Piet R", "Dorn", "D", "R", "Tull"} & actors.keys()
    assert {"Ana Ruiz", "Tom Hale", "Lea Moss"} <= actors.keys()


def test_a_name_is_shown_with_its_initials_as_written(analyzer):
    text = ("The U.S. Rep. John A. Boehner said the deal was close.\n\nPresident Donald J. "
            "Trump said the wall would rise. J. K. Rowling said the book was done.")
    assert [v[1:] for v in voices(analyzer, text)] == [
        ("attributed", "John A. Boehner"), ("attributed", "Donald J. Trump"),
        ("attributed", "J. K. Rowling")]
    # ("A" after a first name is an initial, not the article that would end the name)
    assert sorted(a.name for a in analyzer.analyze(text).actors) == [
        "Donald J. Trump", "J. K. Rowling", "John A. Boehner"]


def test_people_of_one_family_are_not_one_actor(analyzer):
    text = ("Trump Hails Wall\n\nMelania Trump said she backed the plan. Donald Trump said "
            "the wall would rise. Trump added that Mexico would pay. Donald Trump Jr. said the "
            "talks were over, and Trump Jr. added that they had failed.")
    actors = {a.name: (a.mentions, a.attributed_sentences) for a in analyzer.analyze(
        text).actors if a.kind == "person"}
    # the surname alone names the first of the family named in full
    assert actors == {"Melania Trump": (2, 2), "Donald Trump": (1, 1),
                      "Donald Trump Jr.": (2, 1)}
    headline = analyzer.analyze("Donald Trump Hails Wall\n\n" + text.split("\n\n")[1])
    assert {a.name: a.mentions for a in headline.actors if a.kind == "person"} == {
        "Melania Trump": 1, "Donald Trump": 2, "Donald Trump Jr.": 2}


def test_a_nickname_names_the_same_person_as_the_name_it_is_short_for(analyzer):
    text = ("Robert Quill said the bridge would open in May. Bob Quill added that the cost had "
            "doubled. Roberta Quill, his sister, said the town had been patient. Patricia Lund "
            "said the tolls were fair, and Pat Lund said the debt was not.")
    actors = {a.name: a.mentions for a in analyzer.analyze(text).actors if a.kind == "person"}
    # "Bob" is short for Robert, never for Roberta; "Pat" for Patricia or Patrick: not joined
    assert actors == {"Robert Quill": 2, "Roberta Quill": 1, "Patricia Lund": 1, "Pat Lund": 1}


def test_a_first_name_alone_names_the_one_person_named_in_full_with_it(analyzer):
    text = ("Maria Lopez, a nurse at the county hospital, said the shifts were too long. Maria "
            "said she had worked twelve hours on Sunday. Robert Quill said the ward was full. "
            "On Monday, Bob and the hospital said more staff would come.")
    actors = {a.name: (a.mentions, a.source_sentences)
              for a in analyzer.analyze(text).actors if a.kind == "person"}
    assert actors == {"Maria Lopez": (2, (0, 1)), "Robert Quill": (2, (2, 3))}


@pytest.mark.parametrize(("text", "expected"), [
    # two people of that first name: "Maria" could be either
    ("Maria Lopez and Maria Chen, both nurses, said the shifts were too long. Maria said she "
     "had worked twelve hours on Sunday.", {"Maria Chen": (0,), "Maria Lopez": (0,)}),
    # the word is someone's surname: "Morgan" is Dana Morgan, not Morgan Hale
    ("Morgan Hale said the vote was close. Dana Morgan said it was not. The count, Morgan "
     "said, would be checked.", {"Morgan Hale": (0,), "Dana Morgan": (1, 2)}),
])
def test_a_first_name_alone_is_left_apart_when_it_could_name_another(analyzer, text, expected):
    assert {a.name: a.source_sentences for a in analyzer.analyze(text).actors
            if a.kind == "person"} == expected


def test_a_surname_that_is_also_a_place_names_the_person_unless_a_preposition_leads(
        analyzer):
    text = ("Defense Secretary Lloyd Austin said the troops would stay. Austin told reporters "
            "the mission was not over. Rep. Jim Jordan said the hearing would go ahead, and "
            "Jordan said the subpoenas were valid. A delegation from Jordan arrived in Austin "
            "on Monday.")
    actors = {(a.name, a.kind): (a.mentions, a.source_sentences)
              for a in analyzer.analyze(text).actors}
    assert actors == {("Lloyd Austin", "person"): (2, (0, 1)),
                      ("Jim Jordan", "person"): (2, (2,)),
                      ("Jordan", "country"): (1, ()), ("Austin", "city"): (1, ())}


def test_a_name_run_into_a_place_or_organization_is_each_not_one_person(analyzer):
    text = ("Roy Moore Facebook posts drew replies, and the ACLU Twitter account answered. "
            "Businesses in Northern California closed. Kim Jong Un spoke in Pyongyang. "
            "The Producers Guild of America said the awards would go on. Grover Cleveland "
            "was twice president, and Samuel L. Jackson starred.")
    actors = {(a.name, a.kind) for a in analyzer.analyze(text).actors}
    assert {("Roy Moore", "person"), ("Facebook", "organization"), ("Twitter", "organization"),
            ("California", "region"), ("Kim Jong Un", "person"),
            ("Producers Guild of America", "organization"), ("Grover Cleveland", "person"),
            ("Samuel L. Jackson", "person")} <= actors
    assert not {name for name, kind in actors if kind == "person"} & {
        "Roy Moore Facebook", "ACLU Twitter", "Northern California", "Kim Jong",
        "Producers Guild of America", "Cleveland", "Jackson"}


def test_a_person_of_an_organization_is_the_person_and_the_organization(analyzer):
    # a first name no list knows, then "of" and an organization's word: two actors, the
    # person the source; a name with "of" and no such word is one name
    text = ("Priyanka Dhillon of Westerly Research wrote that the balance sheet was strong. "
            "Ann Cole of Kelby Hospital said the ward was full. The plan was backed by the "
            "Bank of Ardmore and the University of Castleford.")
    assert actor_rows(analyzer, text) == {
        "Priyanka Dhillon": ("person", 1, (0,)), "Westerly Research": ("organization", 1, ()),
        "Ann Cole": ("person", 1, (1,)), "Kelby Hospital": ("organization", 1, ()),
        "Bank of Ardmore": ("organization", 1, ()),
        "University of Castleford": ("organization", 1, ())}


@pytest.mark.parametrize(("text", "people"), [
    # "Border" written with a capital twice, and in lower case as often: a word, nobody
    ("The agency said the Border was quiet on Monday. Officials at the border said crossings "
     "fell, and the border towns were calm. Reporters who visited the Border saw no queues. "
     "Critics of the border plan said it would fail.", set()),
    # written in lower case once, in a sign, against twice with a capital: a person
    ("Protesters met on Monday, and Trump said the rally would go on. Later Trump added that "
     'the crowd was large. One sign read "stop trump now".', {"Trump"}),
])
def test_a_word_the_article_writes_in_lower_case_as_often_is_no_person(analyzer, text, people):
    assert {a.name for a in analyzer.analyze(text).actors if a.kind == "person"} == people


def test_a_verb_or_pronoun_in_title_case_ends_a_name(analyzer):
    text = ("Readers shared the post Colin Kaepernick Is Right About Everything on Monday, and "
            "the magazine Us Weekly ran a story. The US embassy said the talks had ended.")
    actors = {(a.name, a.kind) for a in analyzer.analyze(text).actors}
    assert ("Colin Kaepernick", "person") in actors
    assert ("United States", "country") in actors  # "US" in capitals: no pronoun
    assert not {name for name, _ in actors} & {"Colin Kaepernick Is Right About Everything",
                                                "Us Weekly"}


@pytest.mark.parametrize(("text", "kind", "country"), [
    ("Gov. Brian Kemp of Georgia said the count in Atlanta was final.", "region",
     "United States"),
    ("The U.S. pledged support to Georgia, and the Pentagon sent advisers.", "country",
     "Georgia"),
    ("Georgia said troops had crossed into South Ossetia, and Tbilisi asked Washington for help.",
     "country", "Georgia"),
])
def test_georgia_is_the_us_state_among_other_us_places_and_else_the_country(analyzer, text,
                                                                             kind, country):
    georgia = next(a for a in analyzer.analyze(text).actors if a.name == "Georgia")
    assert (georgia.kind, georgia.country) == (kind, country)


def test_an_idea_or_a_group_named_twice_is_no_person_but_a_surname_is(analyzer):
    text = ("Critics said Populism was rising, and Hannity said Populism would win. Marxists "
            "marched on Monday, and Hannity mocked the Marxists on air.")
    people = {a.name for a in analyzer.analyze(text).actors if a.kind == "person"}
    assert people == {"Hannity"}


def test_a_word_of_grammar_opening_sentences_is_no_person_known_by_surname(analyzer):
    # (inside a quotation the sentences after the first open as sentences do)
    text = ("“Maybe we wait,” Okafor said. “Maybe not. Perhaps the vote is late. Perhaps it "
            "is not.” “We're not done,” Okafor added. “We're ready. Five members left. Five "
            "stayed.”")
    assert actor_rows(analyzer, text) == {"Okafor": ("person", 2, (0, 1, 2))}


def test_a_sentence_inside_a_quotation_opens_with_a_capital_that_names_no_one(analyzer):
    text = ("The council met on Monday. \"We waited long enough. Nobody trusts the plan,\" "
            "Dana Okafor said. \"Nobody trusts Mayor Ruth Hale.\" The crowd chanted, \"Save "
            "our pool! Save our pool,\" as the meeting ended. \"It is over. Tom Reyes knows "
            "it,\" Sen. Warren said.")
    # a period after an abbreviation ("Sen.") ends no sentence: Warren stays
    assert {a.name for a in analyzer.analyze(text).actors} == {
        "Dana Okafor", "Ruth Hale", "Tom Reyes", "Warren"}


def test_an_acronym_that_is_an_english_word_names_a_place_only_in_capitals(analyzer):
    text = ("The squad is a Who's Who of local talent, and the Car was found near the river. "
            "Officials said on Monday that US aid would rise, and ICE agents were seen nearby.")
    # (not the World Health Organization, nor the Central African Republic)
    assert actor_fields(analyzer, text, "kind") == {
        "United States": "country", "Immigration and Customs Enforcement": "institution"}


def test_an_acronym_that_is_a_word_of_grammar_speaks_in_capitals(analyzer):
    text = ("The WHO said on Monday that the outbreak was over. WHO officials met in Geneva. "
            "The agency's chief, who spoke first, said the risk was low.")
    assert [speaker for _, _, speaker in voices(analyzer, text)] == [
        "the WHO", "", "the agency's chief"]
    assert actor_rows(analyzer, text) == {"World Health Organization": ("organization", 2, (0,)),
                                          "Geneva": ("city", 1, ())}
    # in a line written in capitals it is the pronoun again
    assert actor_fields(analyzer, "THE PEOPLE WHO PAY ARE ANGRY. Tom Reyes said so.",
                        "kind") == {"Tom Reyes": "person"}


def test_words_of_grammar_that_open_or_close_a_run_are_no_part_of_a_name(analyzer):
    text = ("The crowd chanted Great Again and Hands Up at the rally. Apparently Dana Whitfield "
            "left early, and the evening paper's line read Dana Whitfield Officially Joins. "
            "Jarek Soon, a researcher, said the data were old.")
    assert actor_rows(analyzer, text) == {"Dana Whitfield": ("person", 2, ()),
                                          "Jarek Soon": ("person", 1, (2,))}


def test_a_word_always_written_after_the_is_a_name_unless_it_qualifies_a_noun(analyzer):
    text = ("The harbor story ran on Monday, and the Harbinger reported that the port would "
            "close. The Obamas visited the port, and the Obamas left at noon. The Trump "
            "administration said the port was safe, and the Trump campaign agreed. The "
            "Harbinger said the closure would last a year.")
    assert actor_rows(analyzer, text) == {"Harbinger": ("name", 2, (0, 3)),
                                          "Obamas": ("name", 2, ()),
                                          "Trump": ("person", 2, (2,))}


def test_a_site_run_together_is_a_name_and_a_closing_weekday_no_part_of_one(analyzer):
    text = ("Gov. Dana Whitfield on Friday signed the order. Critics met Dana Whitfield Friday "
            "at the harbor, and a TruthBeacon spokesman said the order was a fraud. TruthBeacon "
            "later said it would sue.")
    # the site stays the source its spokesman speaks for
    assert actor_rows(analyzer, text) == {"Dana Whitfield": ("person", 2, ()),
                                          "TruthBeacon": ("name", 2, (1, 2))}


def test_a_town_the_gazetteer_lacks_is_a_city_by_its_ending_after_in(analyzer):
    text = ("The council of Kettleford voted on Monday to close the pool. Families in Kettleford "
            "said the pool was old, and Mayor Dana Whitfield said a new one would open in June. "
            "Kettleford has about 4,000 residents. The plant in Brackwick closed, according to "
            "Brackwick's finance office, and Brackwick lost 300 jobs.")
    # the families in the town speak, not the town; its finance office speaks for it
    assert actor_rows(analyzer, text) == {"Kettleford": ("city", 3, ()),
                                          "Brackwick": ("city", 3, (3,)),
                                          "Dana Whitfield": ("person", 1, (1,))}


def test_a_town_named_before_its_council_or_its_residents_association_is_a_city(analyzer):
    text = ("On Monday the Brindlecombe City Council voted to close the pool, and Brindlecombe "
            "will lose its only lido. Mayor Dana Whitfield said Brindlecombe could not pay for "
            "repairs. The Tarrowby Residents' Association objected, and buses to Tarrowby will "
            "stop in May as Tarrowby has too few riders.")
    assert actor_fields(analyzer, text, "kind") == {
        "Brindlecombe": "city", "Tarrowby": "city", "Dana Whitfield": "person",
        "Brindlecombe City Council": "organization",
        "Tarrowby Residents' Association": "organization"}


def test_a_place_speaks_through_its_officials_not_through_one_of_its_residents(analyzer):
    text = ("The river rose on Monday. Officials in Paris said the roads were closed. \"They "
            "knew this could happen,\" fumed one Paris man. Shop owners in Lyon say the "
            "closure could ruin them, and Lyon residents said the water was still rising.")
    report = analyzer.analyze(text)
    assert actor_rows(analyzer, text) == {"Paris": ("city", 2, (1,)), "Lyon": ("city", 2, ())}
    # the people of a place are sources left unnamed
    assert (report.metrics.named_sources, report.metrics.unnamed_attributions) == (1, 2)


def test_a_town_or_county_the_gazetteer_lacks_speaks_through_its_officials_too(analyzer):
    text = ("The storm hit Dunmore, Ohio, and Tolland County on Monday. Officials in Dunmore "
            "said the roads were closed. Tolland County officials said the bridge would stay "
            "shut. Locals in Dunmore say the water is still rising. Help is on its way, the King "
            "County executive said.")
    assert actor_rows(analyzer, text) == {
        "Dunmore": ("city", 3, (1,)), "Ohio": ("region", 1, ()),
        "Tolland County": ("place", 2, (2,)), "King County": ("place", 1, (4,))}
    # (King is no title of a county, nor Queen: "Queen Anne County"; a word no word list
    # knows opens a county's name at a sentence's start)
    assert actor_fields(analyzer, "It rained, officials in Queen Anne County said.",
                        "kind") == {"Queen Anne County": "place"}
    assert actor_rows(analyzer, "It rained. Harlow County officials said the roads were shut. "
                      "Manhattan Institute fellows agreed.") == {
        "Harlow County": ("place", 1, (1,)), "Manhattan Institute": ("organization", 1, ())}
    # ... and so does a king's or a queen's title (not "Former", a word of titles)
    assert actor_rows(analyzer, "It rained. Queen Anne County officials said the roads were "
                      "shut. Former CIA officers agreed.") == {
        "Queen Anne County": ("place", 1, (1,)), "CIA": ("institution", 1, ())}


def test_one_of_a_places_people_speaking_is_the_speaker_not_the_place(analyzer):
    text = ("The library closed on Monday. One angry dad from Lyon told reporters that it was a "
            "disgrace. Officials from Lyon said the building was unsafe.")
    report = analyzer.analyze(text)
    assert [s.speaker for s in report.sentences] == ["", "One angry dad from Lyon", "Lyon"]
    assert actor_rows(analyzer, text) == {"Lyon": ("city", 2, (2,))}


def test_the_gazetteer_knows_us_capitals_cities_and_news_outlets(analyzer):
    text = ("The Daily Beast reported on Monday that a studio in Hollywood would close. Officials "
            "in Tallahassee said the state would not step in, and MSNBC said the deal was dead.")
    actors = actor_fields(analyzer, text, "kind", "country")
    assert actors == {"Daily Beast": ("organization", "United States"),
                      "Hollywood": ("city", "United States"),
                      "Tallahassee": ("city", "United States"),
                      "MSNBC": ("organization", "United States")}


def test_a_title_alone_names_no_one(analyzer):
    text = ("The White House Chief of Staff met reporters on Monday, and the Secretary of State "
            "flew to Paris. The Director of National Intelligence and the Press Secretary "
            "stayed behind. Chief of Staff Dana Whitfield said the talks were useful.")
    # (the White House is the place whose office it is)
    assert actor_fields(analyzer, text, "kind") == {
        "White House": "institution", "Paris": "city", "Dana Whitfield": "person"}


def test_the_gazetteer_knows_federal_agencies_by_their_initials_too(analyzer):
    text = ("Fema said on Monday that aid would arrive by Friday. FEMA officials later said the "
            "trucks were late, and the TSA and the Bureau of Alcohol, Tobacco, Firearms and "
            "Explosives sent staff. NOAA said the storm would weaken.")
    assert actor_rows(analyzer, text) == {
        "Federal Emergency Management Agency": ("institution", 2, (0, 1)),
        "Transportation Security Administration": ("institution", 1, ()),
        "Bureau of Alcohol, Tobacco, Firearms and Explosives": ("institution", 1, ()),
        "National Oceanic and Atmospheric Administration": ("institution", 1, (2,))}


def test_a_place_then_words_is_a_name_or_the_person_after_it_not_one_person(analyzer):
    text = ("The Washington Examiner reported that the Kyoto Protocol had lapsed. CNN Anderson "
            "Cooper asked about it, and officials met in Washington Saturday. The Dallas Cowboys "
            "won on Monday, and the Cowboys said the season had begun. Paris Hilton and Asia "
            "Argento watched.")
    actors = actor_fields(analyzer, text, "kind", "source_sentences")
    assert actors == {
        "Washington Examiner": ("organization", (0,)), "Kyoto Protocol": ("name", ()),
        "CNN": ("organization", ()), "Anderson Cooper": ("person", ()),
        "Washington": ("city", ()), "Dallas Cowboys": ("name", (2,)),
        "Paris Hilton": ("person", ()), "Asia Argento": ("person", ())}


def test_a_place_of_one_or_more_words_then_a_plural_is_a_team_not_a_person(analyzer):
    text = ("The Baltimore Ravens beat the Los Angeles Rams on Sunday, and the Rams said the "
            "loss would not end their season. Officials met in New York Tuesday, and Los "
            "Angeles Dana Whitfield said the stadium was full.")
    assert actor_rows(analyzer, text) == {
        "Baltimore Ravens": ("name", 1, ()), "Los Angeles Rams": ("name", 2, (0,)),
        "New York": ("city", 1, ()), "Los Angeles": ("city", 1, ()),
        "Dana Whitfield": ("person", 1, (1,))}


def test_a_storm_is_a_name_and_words_in_capitals_are_no_person_but_a_name_in_them(analyzer):
    text = ("Hurricane Irma struck the coast on Sunday, and Irma flooded the harbor. Gov. Dana "
            "Whitfield said the state was ready. Protesters waved signs that read YOU'RE FIRED "
            "and STOP KILLING, and MARIA LOPEZ, a nurse, said the shelters were full.")
    assert actor_rows(analyzer, text) == {"Hurricane Irma": ("name", 2, ()),
                                          "Dana Whitfield": ("person", 1, (1,)),
                                          "MARIA LOPEZ": ("person", 1, (2,))}


def test_a_newspaper_is_an_organization_and_its_reporter_a_person(analyzer):
    text = ("The Cincinnati Enquirer reported the vote on Monday. CBS News' Nancy Cordes said "
            "the count was close, and Valemouth First's Derek Collier said he would ask for a "
            "recount.")
    actors = actor_fields(analyzer, text, "kind", "source_sentences")
    assert actors == {
        "Cincinnati Enquirer": ("organization", (0,)), "CBS News": ("organization", ()),
        "Nancy Cordes": ("person", (1,)), "Valemouth First": ("organization", ()),
        "Derek Collier": ("person", (1,))}


def test_a_person_after_an_organizations_words_and_a_title_is_the_person(analyzer):
    text = ("Air Force Chief of Staff Dana Reyes said the jets would fly. Reyes added that the "
            "base was ready. The Harbor City Transit Workers Union said it would strike.")
    actors = actor_fields(analyzer, text, "kind", "source_sentences")
    assert actors == {"Dana Reyes": ("person", (0, 1)),
                      "Harbor City Transit Workers Union": ("organization", (2,))}


def test_a_people_named_with_its_demonym_is_a_group(analyzer):
    text = ("Muslim Americans and Sikh Americans met on Monday, and Native American leaders "
            "joined them.")
    actors = actor_fields(analyzer, text, "kind")
    assert actors == {"Muslim Americans": "group", "Sikh Americans": "group",
                      "Native American": "group"}


def test_a_quotations_first_word_is_capitalized_as_a_sentences_is(analyzer):
    text = ('“Sorry, but the plan failed,” the mayor said. He added: “Sorry, we will try '
            'again.” Viewers of “Saturday Night Live” laughed.')
    actors = actor_fields(analyzer, text, "kind")
    assert "Sorry" not in actors and "Night Live" not in actors


def test_a_places_possessive_ends_the_name(analyzer):
    text = ("Russia annexed Ukraine’s Crimean peninsula in 2014, and the chief of Russia’s "
            "General Staff said so. London’s Daily Mail ran the story beside Disney’s Hollywood "
            "Studios ads.")
    actors = actor_fields(analyzer, text, "kind", "mentions")
    assert actors["Ukraine"] == ("country", 1) and actors["Russia"] == ("country", 2)
    assert actors["General Staff"] == ("institution", 1)
    assert "Ukraine Crimean" not in actors and "Staff" not in actors
    assert actors["Daily Mail"][0] == "organization"
    assert actors["Disney"][0] == actors["Hollywood Studios"][0] == "organization"


def test_every_nickname_stands_for_a_name_we_know_and_no_nickname_for_two():
    import csv

    from framing.names import DATA_DIR, nicknames

    with (DATA_DIR / "nicknames.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len({r["nickname"].lower() for r in rows}) == len(rows) == len(nicknames())
    first = {r["name"].lower() for r in csv.DictReader(
        (DATA_DIR / "first_names.csv").open(newline="", encoding="utf-8"))}
    assert {r["name"].lower() for r in rows} <= first  # a formal name a person is given
    assert not {"pat", "ted", "jack", "steve", "alex", "sam", "chris"} & nicknames().keys()


def test_a_title_that_opens_the_sentence_is_no_part_of_the_name(analyzer):
    # "Secretary" opens the sentence, so the name's run starts at "State"
    text = ("Secretary of State Dana M. Whitfield said the talks would resume.\n\n"
            "“We remain hopeful,” she said.")
    assert [v[1:] for v in voices(analyzer, text)] == [
        ("attributed", "Dana M. Whitfield"), ("quoted", "Dana M. Whitfield")]
    assert [a.name for a in analyzer.analyze(text).actors] == ["Dana M. Whitfield"]


@pytest.mark.parametrize("text", [
    "“We are disappointed,” said the firm's lawyer, Ada Pike.",
    "“We are disappointed,” said the statement from the firm's lawyer, Ada Pike.",
    "“We are disappointed,” said a spokeswoman, Ada Pike, who declined to say more.",
])
def test_a_role_then_the_name_names_the_speaker(analyzer, text):
    assert [v[1:] for v in voices(analyzer, text)] == [("quoted", "Ada Pike")]


def test_a_building_named_after_someone_is_no_speaker(analyzer):
    text = ("Councillor Dan Lowe met the tenants outside Bexley Tower on Monday.\n\n"
            "“We are not leaving,” he told reporters.")
    assert [v[1:] for v in voices(analyzer, text)][1] == ("quoted", "Dan Lowe")


def test_he_added_resolves_to_last_named_person(analyzer):
    text = (
        "Mayor Ellen Rourke said the talks would resume.\n\n"
        "“Both sides need to be back at the table,” she added."
    )
    assert [v[1:] for v in voices(analyzer, text)] == [
        ("attributed", "Ellen Rourke"), ("quoted", "Ellen Rourke")]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # "they" stands for the plural speaker of the sentence before
        ("Hospital officials said the ward would reopen. They added that staff had been hired.",
         ["Hospital officials", "Hospital officials"]),
        # ... or for two names joined by "and" in its own sentence
        ("On Monday the Netherlands and Belgium closed the border as farmers protested what "
         "they called “unfair rules.”", ["the Netherlands and Belgium"]),
        # ... or for a family or a couple, whose verb may be plural too
        ("The couple said the house was cold. They added that the heating had failed. The "
         "family say they want answers.", ["the couple", "the couple", "the family"]),
        # a single person or company is no antecedent for "they"
        ("Mayor Ellen Rourke said the talks would resume. They said the vote was rigged.",
         ["Ellen Rourke", "They"]),
        # nor is a group named two sentences back
        ("Union leaders said the strike would go ahead. The depot stayed shut. They said "
         "talks had failed.", ["Union leaders", "They"]),
        # nor one in another paragraph
        ("Union leaders said the strike would go ahead.\n\nThey said talks had failed.",
         ["Union leaders", "They"]),
    ],
)
def test_they_resolves_to_a_group_just_named(analyzer, text, speakers):
    found = [v[2] for v in voices(analyzer, text) if v[1] != "author"]
    assert found == speakers


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # "it" stands for the body or business that opens the sentence before ...
        ("The Ravenmoor Weather Service issued a warning on Friday. It said gales were "
         "possible by Saturday.", ["the Ravenmoor Weather Service"]),
        ("Harrowgate Savings knew on March 28 that something was wrong.\n\nIt told its "
         "customers on April 9.", ["Harrowgate Savings"]),
        ("The Bank of Ledmore raised rates. It said inflation was too high.",
         ["the Bank of Ledmore"]),
        # a business, an outlet or a government named by the last word of its name
        ("Pellbrook Corp reported a loss. It said tractor sales fell.", ["Pellbrook Corp"]),
        ("The Dunmore Herald ran the letters on its front page. It said the council had "
         "ignored its readers.", ["the Dunmore Herald"]),
        ("The Kremlin denied the claim. It said the report was invented.",
         ["the Kremlin", "the Kremlin"]),
        # ... or its own sentence, or that spoke just before
        ("The bank detected unusual activity on March 28, it said.", ["the bank"]),
        ("The county health department said 23 people were treated. No deaths had been "
         "reported, it said.", ["the county health department", "the county health department"]),
        ("The district's argument is about money it says it does not have.", ["the district"]),
        # a subject of another kind stands between (unless "it" speaks after its words)
        ("The chief officer of the family charity resigned. Kestrel Leaks posted on Monday "
         "what it says are hundreds of his letters.", ["it"]),
        ("The site lists six trials. Side effects are milder, it adds.", ["the site"]),
        # a person, or a body named two sentences back, is no antecedent
        ("Mary Bell runs the shop. It said nothing would change.", ["It"]),
        ("The union met on Monday. The depot stayed shut. It said talks had failed.", ["It"]),
    ],
)
def test_it_resolves_to_a_body_just_named(analyzer, text, speakers):
    found = [v[2] for v in voices(analyzer, text) if v[1] != "author"]
    assert found == speakers


@pytest.mark.parametrize(
    ("text", "voice", "speaker"),
    [
        ("Grace Achebe, who runs the housing trust, put it best.", "author", ""),
        ("Tomas Reyes put it bluntly.", "author", ""),
        ("As Tomas Reyes put it, the budget is a wish list.", "attributed", "Tomas Reyes"),
        ("Tomas Reyes put it this way: “We are out of money, and nobody is coming to help.”",
         "quoted", "Tomas Reyes"),
        # "as" + a verb of saying: the main clause is what was said
        ("As the auditor noted, the fund has lost money for three years.", "attributed",
         "the auditor"),
        # ... but not the writer's own hedge
        ("As far as I can tell, the council never read the audit.", "author", ""),
    ],
)
def test_put_it_reports_only_with_words(analyzer, text, voice, speaker):
    assert [v[1:] for v in voices(analyzer, text)] == [(voice, speaker)]


@pytest.mark.parametrize(
    ("text", "voice", "speaker"),
    [
        # a verb of saying that reports nothing
        ("Officials have not said when the road will reopen.", "author", ""),
        ("Management has not explained why the cuts stop at the executive floor.", "author", ""),
        ("The council finally said yes to the new homes.", "author", ""),
        # a plural noun after a participle, not a verb: "binding guarantees that …"
        ("The city should negotiate binding guarantees that the park stays public.", "author",
         ""),
        # two named people and a bare verb
        ("Mr. Grady and Ms. Lund say other changes are needed.", "attributed",
         "Grady and Lund"),
        # "mention" reports its object
        ("The senator mentioned rising rents as the main reason for the bill.", "attributed",
         "the senator"),
        # a bare verb after the subject and an adverb
        ("Ukrainian officials also complain that the units stayed near the border.",
         "attributed", "Ukrainian officials"),
        ("Critics often say the plan costs too much.", "attributed", "Critics"),
        ("His tough talk also comes at a cost.", "author", ""),
        # questioning what, why or how reports a doubt someone voiced
        ("Residents questioned why the bridge was closed.", "attributed", "Residents"),
        ("Police questioned three men on Friday.", "author", ""),
        # a verb that takes its topic with a preposition: "complained about", "warned of"
        ("The nominee complained about his microphone after the debate.", "attributed",
         "the nominee"),
        ("Forecasters warned of flooding along the coast.", "attributed", "Forecasters"),
        # "about" before a number, a day before the clause: not the topic of the verb
        ("Headteacher Simon Achebe of Marlowe Primary said about 40 of his pupils live "
         "across the river.", "attributed", "Simon Achebe"),
        ("The utility said over 2,000 customers were without power.", "attributed",
         "the utility"),
        ("Superintendent Paul Kettering said on Thursday the offer was the largest in years.",
         "attributed", "Paul Kettering"),
        ("The minister spoke about the budget on Monday.", "author", ""),
        # a subordinator that heads a phrase, not a clause: the verb is in the main clause
        ("Before the meeting, the envoy insisted that Moscow was massing troops, a charge he "
         "did not support.", "attributed", "the envoy"),
        ("After Biden said that he would act, the markets fell sharply across the board.",
         "author", ""),
        # a person named after an office "of" a place or organization
        ("Secretary-General of NATO Jens Stoltenberg said that talks would go on.",
         "attributed", "Jens Stoltenberg"),
        ("Governor of Texas Greg Abbott said that the border would stay closed.",
         "attributed", "Greg Abbott"),
        # speakers named with a place and a title, an age, a relative clause
        ("Valemouth Mayor Ruth Ambler said the city had closed 17 roads.", "attributed",
         "Ruth Ambler"),
        ("Retired engineer Geoffrey Hale, 76, said he had watched the flood.", "attributed",
         "Geoffrey Hale"),
        ("Dr. Miriam Osei, who would lead the merged system, said that costs were rising.",
         "attributed", "Miriam Osei"),
        # nobody in particular, a noun after a preposition, an idiom: nothing reported
        ("None of this means the result was rigged, and anyone who says so is wrong.",
         "author", ""),
        ("Whether they stay open depends on talks that have not yet been scheduled.",
         "author", ""),
        ("It goes without saying that the tax code is too complex.", "author", ""),
        # nobody said it: the writer states that no statement was made
        ("No one has explained how the trust paid for the yacht.", "author", ""),
        ("No official has said the plant will close.", "author", ""),
        ("Neither of the men would say how much was paid.", "author", ""),
        ("Nonetheless, officials said the plant will close.", "attributed", "officials"),
        # a participle of "say" with "that" after a noun: "tweets saying that …"
        ("Trump sent a series of tweets on Friday saying that his rival had shown bad judgment.",
         "attributed", "Trump"),
        # after the post-posed verb, a time and a participle clause
        ("The plant will close in September, the company announced on Thursday, ending 64 "
         "years of work in the town.", "attributed", "the company"),
        # a denial in quotation marks is still quoted
        ("“We did not say that,” the spokesman said.", "quoted", "the spokesman"),
        # what was not said, or ought to be: the writer's counterfactual or advice
        ("The city could have demanded a share of the revenues.", "author", ""),
        ("A serious university would have cut its own staff first and asked students to pay "
         "last.", "author", ""),
        ("The people who should be answering the hardest questions are not in a boardroom.",
         "author", ""),
        ("He said he would have asked for more.", "attributed", "He"),
        ("Officials who could have testified said the plan failed.", "attributed", "Officials"),
        # a noun, not a verb: the subject of the next verb, a list, a participle in a list,
        # an adjective in -ing before it
        ("The bean counters claim the hospital is drowning in red ink.", "attributed",
         "the bean counters"),
        ("Few knew that their names, addresses, birth dates and account numbers were "
         "stolen.", "author", ""),
        ("The photos may not be copied, broadcast, edited, or shown elsewhere.", "author", ""),
        ("The bears sink into torpor, a word for the hibernating state.", "author", ""),
        # "add" with a quantity is a sum, unless a clause follows the number
        ("The harbour index added more than 3% on Tuesday.", "author", ""),
        ("The brewery added 300 jobs in March.", "author", ""),
        ("The visitors added two more goals before halftime.", "author", ""),
        ("The mayor added 300 people had been moved to the school.", "attributed", "the mayor"),
        ("The mayor added about 40 pupils would move.", "attributed", "the mayor"),
        # after a comma, "a NOUN announced …" is what was announced, unless the noun speaks
        ("Valdor bought half of the bakery chain, a deal announced on Monday.", "author", ""),
        ("The bakery will close in May, a spokesman announced on Monday.", "attributed",
         "a spokesman"),
        # "a NOUN" then a plural that speaks: the plural is the speaker (not "a few …")
        ("The council shut the branch, a move officials said would save money.", "attributed",
         "officials"),
        ("The plan, an idea city council members said they liked, passed.", "attributed",
         "city council members"),
        ("A few officials said the plan was dead.", "attributed", "a few officials"),
        ("A coalition of tenant groups says the plan is flawed.", "attributed",
         "a coalition of tenant groups"),
    ],
)
def test_verbs_of_saying_that_report_nothing_or_something(analyzer, text, voice, speaker):
    assert [v[1:] for v in voices(analyzer, text)] == [(voice, speaker)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an organization named between the person and "she" is not the person
        ("Grace Achebe, director of the Riverton Housing Trust, spoke last.\n\n"
         "“It is a bedroom for each child or a motel room,” she said.", "Grace Achebe"),
        # nor is the "St." of a hospital's name
        ("Nurse Karen Walsh paid $47 to reach St. Anne’s Hospital. “Who speaks for us?” she "
         "said.", "Karen Walsh"),
        # nor a street or a locality after "on", "in" or "the", nor a union local
        ("Gary Mottram, chief steward of United Machinists Local 212, spent the afternoon in "
         "the union office on Mill Lane. “People are frightened,” he said.", "Gary Mottram"),
        ("Marisol Duarte took her children to the Orchard Park community center. “I support "
         "the teachers,” she said.", "Marisol Duarte"),
        # a surname that is also a street word is still a person
        ("Fiona Hill testified for four hours. “I am not a partisan,” she said.", "Fiona Hill"),
        # nor a town the article writes after "in", "at" or "from", there or elsewhere
        ("Jamal Pierce, an apprentice toolmaker, said he might be offered a job in Dunmore. "
         "“I'd have to think hard,” he said.", "Jamal Pierce"),
        ("The plant in Valemouth will close. Mayor Ruth Ambler met the owners. Valemouth has "
         "6,200 families waiting. “We will fight this,” she said.", "Ruth Ambler"),
        # nor a thing's name of English words ("Harbor Light Recovery", "First Amendment")
        ("Dana Okafor told of a dinner at the Harbor Light Recovery. “The talks went well,” she "
         "said.", "Dana Okafor"),
        ("Mark Ellery had long invoked the First Amendment. “The ban will fall,” he said.",
         "Mark Ellery"),  # ("Mark", a common word too, opens the sentence before a surname)
        # nor a town before its state, nor a month written short
        ("Mark Ellery spoke at the academy in Quantico, Virginia. “We will win,” he said.",
         "Mark Ellery"),
        ("Mark Ellery has until Nov. 8 to decide whether to run. “We will win,” he said.",
         "Mark Ellery"),
        # nor a storm with a woman's name
        ("Ana Ruiz flew home on Monday. Later Hurricane Maria hit the island. “It was a "
         "catastrophe,” she said.", "Ana Ruiz"),
        # ... unless someone of that surname is named in full
        ("Wendy Ashworth grew up in Ashworth. Ashworth spoke first. “We will appeal,” she "
         "said.", "Ashworth"),
    ],
)
def test_she_skips_organizations(analyzer, text, speaker):
    # (a common first name opening a sentence is read as part of the name, "Gary Mottram",
    # unless it is also a common word, as "Grace" is: "Achebe")
    assert voices(analyzer, text)[-1][1:] == ("quoted", speaker)


def test_he_reaches_a_person_after_words_that_would_name_a_thing(analyzer):
    # "Brother Owen Thicket" ends in a noun after a noun, but a first name inside makes it a
    # person, and "he" reaches him, not the programme named before him
    text = ("Owen Thicket, the Driver’s Brother, Speaks Out\n\nNobody knows why, though Good "
            "Morning America has asked.\n\nBrother Owen Thicket gave an interview on Sunday. "
            "He explained:\n\n“We had no idea.”")
    assert voices(analyzer, text)[-1][1:] == ("quoted", "Brother Owen Thicket")


def test_quote_running_over_paragraphs_keeps_its_speaker(analyzer):
    text = (
        "“We have waited long enough,” said union leader Denise Okafor. “The city knows it.\n\n"
        "“And our members know it too,” she added.\n\n"
        "“Every week we wait costs them.\n\n"
        "“That is why we walked out.”"
    )
    report = analyzer.analyze(text)
    assert [(s.voice, s.speaker) for s in report.sentences] == [("quoted", "Denise Okafor")] * len(
        report.sentences
    )


def test_nested_single_quotes_belong_to_the_outer_quote():
    text = "“It is a ‘red line’ for us,” Putin said."
    quotes = find_quotes(text, [(0, len(text))])
    assert [(text[q.start:q.end], q.closed) for q in quotes] == [
        ("“It is a ‘red line’ for us,”", True)
    ]


def test_a_quotation_run_on_from_the_last_paragraph_holds_a_single_mark_opened_in_it():
    # The closing mark ends a quotation begun in an earlier paragraph; the ‘ before it is
    # nested in that quotation, and its ’ opens no second, overlapping one (found by the
    # fuzz test on "Q: ‘ " ’").
    text = "the ‘ green belt\" is gone,’ he wrote."
    quotes = find_quotes(text, [(0, len(text))])
    assert [text[q.start:q.end] for q in quotes] == ["the ‘ green belt\""]


def test_apostrophes_are_not_quotes():
    text = "Ukraine’s army and the States’ resolve don't change; it's the ’90s again."
    assert find_quotes(text, [(0, len(text))]) == []


def test_unclosed_quote_is_closed_at_paragraph_end():
    text = "He said “we will win\n\nNext paragraph."
    quotes = find_quotes(text, [(0, 20), (22, len(text))])
    assert [(text[q.start:q.end], q.closed) for q in quotes] == [("“we will win", False)]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The company’s “restructuring” cost 900 jobs.", "scare"),
        ("The so-called “defensive” alliance grew.", "scare"),
        ("She called the plan “reckless” on Monday.", "partial"),
        ("The union said the offer was “an insult.”", "partial"),
        # Titles of works and programmes are nobody's speech and no scare quote either.
        ("Her novel “The Waiting Room” follows six families.", "title"),
        ("“Salt and Tallow”, a novel by Maren Holst, follows a widow.", "title"),
        ("His memoir “Bells” covers thirty years.", "title"),
        ("She spoke to the radio show “24 Hours” on Sunday.", "title"),
        ("“Volunteers” crossed the border at dawn.", "scare"),
        ("Residents watched as “volunteers” crossed the border.", "scare"),  # "as" a conjunction
        ("They turned out to defend their precious “heritage.”", "scare"),  # no words reported
        ("The cuts were “restructuring”, a euphemism the board likes.", "scare"),
        # A verb of saying whose speaker was not found still reports someone's words.
        ("Witnesses could be heard screaming ‘calm down’ as he ran.", "partial"),
        ("The treasurer had the nerve to claim the council had “looked at every line” of it.",
         "partial"),
        ("A statement from the firm claiming the move was “no reflection” on staff was read.",
         "partial"),
        # Naming and mention: a cue a few words back, "known as", a grade or category after.
        ("The slogans of the marchers in the square included “not my mayor” on Sunday.",
         "partial"),
        ("Some of the mothers, known as “angel moms,” stood up.", "partial"),
        ("The bridge was given a “fair” rating in 2024.", "partial"),
        ("Her “no” vote came as a shock.", "partial"),
        ("The county was moved into the “battleground” column on Sunday.", "partial"),
        ("In the elections office's words, the voter's choice “could not be determined”.",
         "partial"),
        # a quoted phrase that names a plan, a slogan or a term of art before its noun
        ('A "first stage" trade deal between the two countries was meant to be limited.',
         "partial"),
        ("The sale cannot close until the “drag along” clause is signed.", "partial"),
        ("Residents held “stop the cuts” marches across the city.", "partial"),
        ("The museum built an app named “sort your shelves” for visitors.", "partial"),
        ("The “efficiency drive” cut 40 jobs last year.", "scare"),  # a verb, not a noun
        ("Residents watched “reform” plans stall.", "scare"),  # one word: arm's length
        # another name in brackets; the label of a button or a menu item
        ("About one rower in ten is left-handed (or “southpaw”) in the club.", "partial"),
        ("To pay, select “pay by card” and enter the number.", "partial"),
        ("Tap “settings” at the top of the screen to change it.", "partial"),
    ],
)
def test_scare_quote_or_partial_quote(analyzer, text, role):
    report = analyzer.analyze(text)
    assert [q.role for q in report.quotes] == [role]
    scare_hits = [h for h in report.hits if h.category == "scare_quote"]
    assert len(scare_hits) == (1 if role == "scare" else 0)


def test_quotations_listed_after_a_naming_as_are_all_named(analyzer):
    report = analyzer.analyze("Critics attacked the speech as “dark” and “divisive” on Monday.")
    assert [q.role for q in report.quotes] == ["partial", "partial"]
    report = analyzer.analyze("Thousands of “volunteers” and “advisers” crossed at dawn.")
    assert [q.role for q in report.quotes] == ["scare", "scare"]


def test_a_headlines_quotation_marks_quote_someone(analyzer):
    text = "Minister under fire for ‘weak’ response\n\nThe minister defended the plan on Monday."
    report = analyzer.analyze(Article(text=text, title="Minister under fire for ‘weak’ response"))
    assert report.sentences[0].kind == "headline"
    assert [q.role for q in report.quotes] == ["partial"]
    assert not [h for h in report.hits if h.category == "scare_quote"]
    # the same words in the body are the writer's scare quote
    body = analyzer.analyze("The minister’s ‘weak’ response drew fire on Monday.")
    assert [q.role for q in body.quotes] == ["scare"]


# Shapes of sentences whose speaker or voice went wrong on real news pages (the
# extraction_dev pages and PolNeAR), rewritten with made-up people and places.
@pytest.mark.parametrize(
    ("text", "voice", "speaker"),
    [
        # a clause set off by commas between the subject and the verb
        ("The carmaker, which has focused on batteries since its emissions scandal, says the "
         "wagon will go 300 miles.", "attributed", "the carmaker"),
        ("Ms. Ortiz, who has split with her party over the voucher program, told teachers "
         "that they deserved more.", "attributed", "Ortiz"),
        ("Rep. Dale Pruett (R-OK), the panel's senior Republican, asked the witnesses about "
         "fuel prices.", "attributed", "Dale Pruett"),
        ("Rep. Gwen Marlow (D-Wis.) said the ad was a dog whistle.", "attributed",
         "Gwen Marlow"),
        # a relative clause without commas: who asked, and who is asked about
        ("Some parents who sought help on the first day reported waits of two hours.",
         "attributed", "Some parents"),
        ("Battery cars will make up a third of sales by 2030, a share that industry analysts "
         "say is too low.", "attributed", "industry analysts"),
        # a time, "twice", or a verb that takes "to" between the subject and the verb
        ("Okafor in October revealed plans to grow the fleet by a third.", "attributed",
         "Okafor"),
        ("The label has twice denied doing anything wrong.", "attributed", "the label"),
        ("He declined to say when the company might change its strategy.", "attributed",
         "He"),
        # an introductory phrase is not the speaker
        ("Last month, the county announced that it had hired 40 nurses.", "attributed",
         "the county"),
        ("To varying degrees, all agreed that the plan would raise taxes.", "attributed",
         "all"),
        ("Following the first reports, Mayor Ruth Ambler said at a rally that the roads were "
         "safe.", "attributed", "Ruth Ambler"),
        ("VALEMOUTH (AP) — Mayor Karen Walsh, the city's longest-serving official, said "
         "Tuesday that the strike would go on.", "attributed", "Karen Walsh"),
        # the source named at the end reports the whole sentence
        ("The deal may grow if the governor agrees to the union's demands, people briefed "
         "on the plan say.", "attributed", "people briefed on the plan"),
        ("Two firefighters were hurt in the blaze, the fire service said in a statement on "
         "Wednesday.", "attributed", "the fire service"),
        ("OPORTO, Portugal — The two ferry lines agreed to merge their routes, managers of "
         "both firms announced Monday.", "attributed", "managers of both firms"),
        ("The alliance would discuss in the coming days whether to take further steps, he "
         "added.", "attributed", "he"),
        # after the quotation: a time, whom it was told to, a verb before the speaker
        ("“We will not back down,” Senate leader Ann Varga, D-Ore., said Tuesday.", "quoted",
         "Ann Varga"),
        ("“I have never been edited,” Mr. Lund, 82, told me.", "quoted", "Lund"),
        ("“The mayor wants a bigger deal. Bigger than the small deal” announced in May, said "
         "Omar Reyes, a scholar at the institute.", "quoted", "Omar Reyes"),
        ("The plan will fail,'' Nadia Perle, a fellow at the institute, said of the council.",
         "attributed", "Nadia Perle"),
        # a participle after a comma, or a second verb: the first verb's subject speaks
        ("The senator attacked the mayor for her support of the stadium in Valemouth and "
         "Riverton, saying the city could not afford it.", "attributed", "the senator"),
        ("The league issued a sharp rebuke of the referee and pledged to review every "
         "match.", "attributed", "the league"),
        ("The chairwoman also pressed Delacroix, who had been grilled about the fund's "
         "deficits, to concede that no manager had been disciplined.", "attributed",
         "Delacroix"),
        # a dateline, "including", a quantifier "of", an infinitive, "went on to"
        ("WASHINGTON (AP) — Ambassador Gordon Sandell, the most awaited witness, said "
         "Tuesday that he would testify.", "attributed", "Gordon Sandell"),
        ("The inquiry heard from three nurses, including a ward manager who described the "
         "shortages as dangerous.", "attributed", "a ward manager"),
        ("Shortly after, some of the mayor's defenders took to social media, claiming that "
         "the audit was rigged.", "attributed", "some of the mayor's defenders"),
        ("Other leaders used blunt language to denounce what the premier called a reckless "
         "act.", "attributed", "Other leaders"),
        ("Hamm went on to explain how the cuts had tied his hands.", "attributed", "Hamm"),
        ("Water inspectors in Valemouth have confirmed that a second leak was found.",
         "attributed", "Water inspectors in Valemouth"),
        ("He was known for telling others that he was in charge, said another witness in "
         "the inquiry, former aide Fiona Hale.", "attributed", "another witness"),
        ("Okonjo, 61, of Dunmore, Pa., who followed the parade on a screen, said the music "
         "reminded her of her mother.", "attributed", "Okonjo"),
        # shapes of our own example articles that a first version of these rules got wrong
        ("Its chair, Linda Osei, claimed they would look into people's gardens.",
         "attributed", "Linda Osei"),
        ("The two board members who voted against, Orla Brennan and Desmond Kirui, said the "
         "authority should have waited.", "attributed", "Orla Brennan and Desmond Kirui"),
        ("Economists who study hospital markets point out that mergers can raise prices.",
         "attributed", "Economists"),
        ("The Carrow Nurses Association, which represents about 2,100 nurses, said it had "
         "concerns.", "attributed", "the Carrow Nurses Association"),
        ("A group of Republican lawmakers, predictably, wrote to him demanding more.",
         "attributed", "a group of Republican lawmakers"),
        ("Passwords were not taken, and the bank says it has seen no sign of theft.",
         "attributed", "the bank"),
        ("The county built a flood wall, and on Tuesday officials said it had held.",
         "attributed", "officials"),
        ("Neighbours on Ashwater Close, who spent last month bailing water, said the scheme "
         "would have failed.", "attributed", "Neighbours on Ashwater Close"),
        ("Killjoy councillors led by Dana Petrakis tried to wreck the deal, moaning about "
         "“risk to taxpayers”.", "attributed", "Killjoy councillors"),
        # "anyone" after a negation is nobody in particular: the writer says no one asked
        ("I see no sign that anyone at county hall has even asked the question.",
         "author", ""),
        ("Its customers now face a nightmare of scam calls and dodgy emails.", "author", ""),
        # from the mainstream articles of hyperpartisan_dev: an idiom, a naming, a noun, an
        # emergency, a collective noun somewhere, a name before a verb in -s
        ("Sani urged voters to judge them according to their performance.", "attributed",
         "Sani"),
        ("The rule is often referred to as the Fair Access Rule.", "author", ""),
        ("The controversial reports surrounding the producer have caused a backlash.",
         "author", ""),
        ("Police say deputies responded to calls about smoke at a warehouse.", "attributed",
         "Police"),
        ("Police in Ohio say deputies responded to calls about a fire.", "attributed",
         "Police in Ohio"),
        ("Police in Corley wrote that no tenants were injured.", "attributed",
         "Police in Corley"),
        ("Marisol visits with Teodora for the last time and explains her final wish to the "
         "family.", "attributed", "Marisol"),
        ("The couple released a statement on Oct. 10, according to media outlets such as the "
         "Daily Mail.", "attributed", "the couple"),
        # a party tag in commas; a quotation's last word is no speaker for a later clause;
        # a plural title ("Minority Leaders")
        ("After that, even Sen. Lamar Alden, R-Tenn., was denouncing the amnesty.",
         "attributed", "Lamar Alden"),
        ("Now that a court has struck down the “emergency levy”, perhaps councillors will "
         "remember that they swore to serve the town.", "attributed", "they"),
        ("In a joint letter, Assembly and Senate Majority Leaders Carla Benning and Otis Marr "
         "said the cuts would hurt schools.", "attributed", "Carla Benning and Otis Marr"),
        # an introductory clause or adverb before the subject of a participle or second verb
        ("Back when they needed our votes, Republicans were fierce warriors, vowing to block "
         "the amnesty.", "attributed", "Republicans"),
        ("Recently, Mara Quist spoke at the campus and reported she had a calm debate.",
         "attributed", "Mara Quist"),
        ("Vowing a fight, she now is asserting her claim to the seat.", "attributed", "she"),
        ("Corvane is one of the firms bidding on the contract, and confirmed that its design "
         "uses the older engine.", "attributed", "Corvane"),
        # a headline in Title Case after a quoted nickname; a one-letter party tag; people
        # somewhere, in commas
        ("Mayor ‘The Builder’ Could Fix Housing Crisis, Council Chair Rita Vance Says.",
         "attributed", "Rita Vance"),
        ("Attorney General Roy Cooper (D), the governor's opponent, called Friday for "
         "releasing the video.", "attributed", "Roy Cooper"),
        ("Officials at Harbor Transit Police, a unit of the Port Authority, said they were "
         "worried.", "attributed", "Officials at Harbor Transit Police"),
        # a relative clause left open after a party tag; an adverb before the subject; a
        # compound noun; a second verb after "and" and a phrase; a clause is no speaker
        ("Sen. Paula Ritter, R-S.C., who sits on the budget panel called on the governor to "
         "act.", "attributed", "Paula Ritter"),
        ("The hearing moved to a larger room, where eventually the prosecution requested a "
         "recess.", "attributed", "the prosecution"),
        ("Channel 4 also obtained the fire report from crews who attended that night.",
         "author", ""),
        ("After the station aired the clip, Marsh apologized and at no point claimed that the "
         "clip was edited.", "attributed", "Marsh"),
        ("Varga is a loyal servant who defends the old traditions of the guild.",
         "attributed", "Varga"),
        # a promise to act; a plural subject further back; "the following comment" is a noun
        ("On Monday, however, Ellery spoke to a meeting of farmers, promising to cut fees.",
         "attributed", "Ellery"),
        ("The administration has promised a veto.", "author", ""),
        ("Those close to him say that he would rather pick Judge Amos Fell.", "attributed",
         "Those close to him"),
        ("Seasoned analysts in Ohio and across the region say Fenwick deserves the post.",
         "attributed", "Seasoned analysts in Ohio and across the region"),
        ("On July 6, Sanders made the following comment:", "author", ""),
        # people of a place say; a plural without a place is no subject for a bare verb
        ("Furious business owners in Marlowe say the shutdown could ruin them.",
         "attributed", "Furious business owners in Marlowe"),
        ("Many in Valemouth will deplore this ruling.", "attributed", "Many in Valemouth"),
        ("But the ministry is resisting a fixed quota of imports, and wants to let markets "
         "and traders dictate prices instead.", "author", ""),
        ("The board approved a plan to introduce contactless payment, which the authority "
         "says will speed up boarding.", "attributed", "the authority"),
        ("The towers would be six storeys tall, according to the plans submitted to the "
         "council.", "attributed", "the plans"),
        ("He faces questions about a newly revealed phone call with the president.",
         "author", ""),
        # someone who acts for a person is the speaker; a line that opens with "said"
        ("A lawyer for Okafor declined to comment.", "attributed", "a lawyer for Okafor"),
        ("said David Plouffe, the architect of the 2008 campaign.", "attributed",
         "David Plouffe"),
        ("A spokesman for the Pentagon said the drills were routine.", "attributed",
         "the Pentagon"),
        ("She has been mocked for making dubious scientific claims on television.", "author",
         ""),
        # from BASIL's articles: a party tag before the closing comma, two appositives, an
        # official who promises, a time before a participle's subject, an organization "for"
        ("In a reply on Monday, Ivo Brandt, spokesman for Council Leader Mira Sholl "
         "(D-Iowa), said as much.", "attributed", "Ivo Brandt"),
        ("Rep. Nora Ames (R-Utah), tweeted on Sunday that the plan was a giveaway.",
         "attributed", "Nora Ames"),
        ("“The levy is a minor issue,” Paul Okeke, a spokesman for Fair Streets, a local "
         "lobby group, said.", "quoted", "Paul Okeke"),
        ("Tucson (AP) – Arizona's chief election official promises to defend the rules after "
         "two counties asked a judge to block them.", "attributed",
         "Arizona's chief election official"),
        ("An hour later, Ruth T. Calder, a deputy director, gave her first remarks, saying, "
         "“We must fix this.”", "attributed", "Ruth T. Calder"),
        ("According to the Centre for Flood Prevention in Wales, the barrier is safe.",
         "attributed", "the Centre for Flood Prevention"),
        # a plural subject before a verb of saying; a dateline with a hyphen; a surname that
        # is a month; an introductory phrase before a plain subject
        ("New reports claimed that a friend was involved.", "attributed", "New reports"),
        ("DENVER - Denver police say they detained two women overnight.", "attributed",
         "Denver police"),
        ("Last month, on a trip to Kenya, Prime Minister Theresa May hinted on Friday that "
         "she might relax trade rules.", "attributed", "Theresa May"),
        ("In Moscow, officials said the talks had failed.", "attributed", "officials"),
        # from the hyperpartisan articles: "emails" as a noun, an inversion in mid-sentence,
        # a party tag in parentheses, a particle surname, "putting it", "grew"
        ("Recently released emails show that he changed his plans.", "author", ""),
        ("He hoped, said the memoir, to ensure that the letters stayed private.",
         "attributed", "the memoir"),
        ("State Senator Rosa D'Amico (D-Salem) also spoke, mentioning a flood in her "
         "district.", "attributed", "Rosa D'Amico"),
        ("State Senator Paul deLuca (R-Dover), answering the question, cited school trips as "
         "a case.", "attributed", "Paul deLuca"),
        ("What a polite way of putting it.", "author", ""),
        ("Auditors grew worried and requested a copy of the ledger.", "attributed",
         "Auditors"),
        # a subject too long for the walk: the sentence's opening name, or a person at its end
        ("Valemouth General Hospital and St Aldric's Hospital in Ashby Cross have agreed that "
         "they will combine.", "attributed", "Valemouth General Hospital"),
        ("But Hale smiled and recalled the old tale Mary A. Costa told about her aunt who "
         "cabled, “Dear Ann, buy nothing you cannot carry home.”", "attributed",
         "Mary A. Costa"),
        ("In a talk “to the students here” at a fair in Dayton, Ohio, Okafor said, “There’s "
         "a reason we never built it.”", "quoted", "Okafor"),
        # a participle after a number is an adjective
        ("Still, with four confirmed cases, the town is starting to worry.", "author", ""),
        # verbs of saying in another sense: naming, phoning, adding up, imperatives
        ("The carmaker is giving us a glimpse of the future with a small electric wagon called "
         "the Zephyr.", "author", ""),
        ("He had fallen in love with a script called “Wild Rose,” a story about a singer.",
         "author", ""),
        ("A neighbour spotted the sedan and called 911.", "author", ""),
        ("To the apples, add the zest of two oranges and the cinnamon.", "author", ""),
        ("Heat the pears to combine the spices, then add a jar of honey.", "author", ""),
        ("Print tags, put it in a crate, or add a bow to finish the box.", "author", ""),
        ("Senior Lia Moss added to her tally of county medals.", "author", ""),
        ("These small flaws add up over a long game.", "author", ""),
        ("The game ends with the heroes finding said civilisation in ruins.", "author", ""),
        # ... but a noun in "-ing" before "said" is its subject
        ("The ruling said the law was void.", "attributed", "the ruling"),
        ("A cook who has worked there since spring said the kitchen was unsafe.",
         "attributed", "a cook"),
        ("A nurse who has worked on the ward since 2009 said staff were exhausted.",
         "attributed", "a nurse"),
        ("One teacher who has taught there until last year said morale was low.",
         "attributed", "One teacher"),
        ("A 58-year-old loader who has worked at the port for 20 years, and who asked not to "
         "be named, said the pay offer was an insult.", "attributed", "a 58-year-old loader"),
        ("(Having said that, there is another way to read the figures.)", "author", ""),
        ("With that said, the plan has wide support.", "author", ""),
        # the antecedent of "who says", a subject after the verb of a clause before it
        ("Ah, old friends again: Cole endorses Reyes, who says he is honored.", "attributed",
         "Reyes"),
        ("The mayor, who has led the city since 2019, vowed to fight on.", "attributed",
         "the mayor"),
        ("The council backed Ann Cole, who said the plan would pass.", "attributed",
         "Ann Cole"),
        ("The mayor, who said the plan would pass, resigned.", "attributed", "the mayor"),
        ("She thanked the nurses, who said they were exhausted.", "attributed", "the nurses"),
        ("Police arrested a man who said he had planted the bomb.", "attributed", "a man"),
        ("Debates rarely change a race, noted NBC’s Dana Reyes.", "attributed",
         "NBC’s Dana Reyes"),
        # a source set off by commas mid-sentence reports the whole sentence
        ("The letter the board wrote in May, critics say, was never sent.", "attributed",
         "critics"),
        ("The letter the board wrote in May, critics say, was never sent, and the mayor said "
         "she had not read it.", "attributed", "critics"),
        # "it" in a relative clause: the organization the sentence is about
        ("Meridian Bank cut its rate, a move that it said would help savers.", "attributed",
         "Meridian Bank"),
        ("The Northern Front claimed responsibility for the blast, which it said was a warning.",
         "attributed", "Northern Front"),
        # a verb of writing with an object reports nothing, nor one whose thing came first
        ("The letter that the council wrote was read aloud at the hearing.", "author", ""),
        ("The post she wrote has since been deleted.", "author", ""),
        ("In a memo, Reyes wrote the plan was flawed.", "attributed", "Reyes"),
        ("By the time Cole learned who had written the song, she was only half-surprised.",
         "author", ""),
        ("Friday's march was the second time ACME said it had held such an event.",
         "attributed", "ACME"),
        ("Friday's march was the second time the group said it had held such an event.",
         "attributed", "the group"),
        # … and still reported speech
        ("He said that, in his view, the plan would fail.", "attributed", "He"),
        ("Critics called the plan a disaster.", "attributed", "Critics"),
        ("The senator swore that she had never met him.", "attributed", "the senator"),
        ("She has called the police shootings a moment like the civil rights era.",
         "attributed", "She"),
        # a verb that reports words closes a sentence, and an aside that names some members
        ("Crops are withering in the islands, Ortega noted.", "attributed", "Ortega"),
        ("As many economists, including Ms. Varga, have pointed out, the rule is old.",
         "attributed", "many economists"),
        ("Several senators, including Ann Cole, said the bill would fail.", "attributed",
         "Several senators"),
        ("Analysts, such as Dan Wu, say the bill will fail.", "attributed", "Analysts"),
        # a form in -s before a modal is a noun; "agree" with a deal agrees no words
        ("Harbour tariff demands may sink the ferry deal.", "author", ""),
        ("All of this, she acknowledges, could be undone at the ballot box.", "attributed",
         "she"),
        ("Ferry firm agrees deal to buy the old docks.", "author", ""),
        # after a colon a new clause begins: its subject speaks
        ("Harbour chaos: the council met on Monday and warned that fares would rise.",
         "attributed", "the council"),
        # what a subject carries besides its name: a reference mark, a party tag, an
        # unclosed caption, an adverb at either end, a contraction
        ("The Valemouth Courier [15] reported that the plan failed.", "attributed",
         "the Valemouth Courier"),  # (a newspaper: an organization, "the" kept)
        ("Rep. Dana Ortiz (R-Ohio) said the plan failed.", "attributed", "Dana Ortiz"),
        ("Then someone asked how the plan could fail.", "attributed", "someone"),
        ("Later Ann Cole said the deal was dead.", "attributed", "Ann Cole"),
        # a word in -ly is an adverb only when it is one: not a name, "Daily", "rally"
        ("Kelly said the plan failed.", "attributed", "Kelly"),
        ("Dana Kelly said the plan failed.", "attributed", "Dana Kelly"),
        ("Nelly's lawyer said the claims were false.", "attributed", "Nelly's lawyer"),
        ("The ferry was late again, The Harbour Daily said.", "attributed",
         "Harbour Daily"),
        ("Speakers at the rally called the ferry plan a disgrace.", "attributed",
         "Speakers at the rally"),
        ("The mayor reportedly said the plan failed.", "attributed", "the mayor"),
        # a clause between dashes: the subject before it
        ("Ortiz – who runs the harbour shop – said the ferry was safe.", "attributed",
         "Ortiz"),
        ("Ann Cole, the head of the Harbour Board -- a body of nine -- said the fares would "
         "rise.", "attributed", "Ann Cole"),
        ("On 3 May, the harbour board — run by the same nine people for years — said fares "
         "would rise.", "attributed", "the harbour board"),
        ("In a letter sent on Friday, Ortiz said the ferry was safe.", "attributed", "Ortiz"),
        # a dateline in Title Case when it names a place we know
        ("Indianapolis – Several thousand nurses wearing blue surrounded the town hall on "
         "Friday, demanding a new hospital.", "attributed", "Several thousand nurses"),
        ("If, as I’ve suggested, the plan fails, the town pays.", "attributed", "I"),
        # "a few", "a majority": a plural subject for a bare verb
        ("A few say the plan works.", "attributed", "a few"),
        ("A majority say the fares are too high.", "attributed", "a majority"),
        # a verb of saying after "continues to", "went on to"; a gerund after "by"
        ("The mayor continues to insist, most recently on the radio, that the plan works.",
         "attributed", "the mayor"),
        ("The mayor went on to say the fares were fair.", "attributed", "the mayor"),
        ("The mayor refused to say whether the plan works.", "attributed", "the mayor"),
        ("The mayor opened the meeting and began by saying the plan works.", "attributed",
         "the mayor"),
        # a floating "all", "both" or "very" is no part of the speaker; whom it was said to
        # is no speaker
        ("Senators Ann Cole and Rob Lind all suggested that the plan was unlawful.",
         "attributed", "Senators Ann Cole and Rob Lind"),
        ("The ferry, as you very rightly pointed out, is old.", "attributed", "you"),
        ("“We will fight on,” Mara Quist, the shop owner, declared to the station.", "quoted",
         "Mara Quist"),
        # a clause of two words after a verb of saying is what was said; "says it all" is
        # the writer's verdict
        ("People close to the harbour board said it failed.", "attributed",
         "People close to the harbour board"),
        ("The harbour master's silence says it all.", "author", ""),
        # no noun phrase is a speaker: a participle, an adjective, a phrase that opens or
        # ends with a preposition; the sentence still reports
        ("The same islanders, when polled said they wanted the ferry back.", "attributed", ""),
        ("The site kept its “islanders did it” story by claiming the ferry sank.",
         "attributed", "the site"),
        # a name, then a verb: the name opens the clause ("used her first public remarks")
        ("Ortiz unleashed a run of posts on Friday saying that the ferry was safe.",
         "attributed", "Ortiz"),
        ("Ortiz stuck to her plan, saying the ferry was safe.", "attributed", "Ortiz"),
        # a gerund after words in quotation marks names no speaker before it
        ('The mayor stuck to her "fair fares" plan at a rally on Friday, asking the crowd to '
         "vote for it.", "attributed", "the mayor"),
        # a form in -s after a possessive and adjectives is a noun
        ("Among my top requests to the council: a later ferry.", "author", ""),
        ("His first public remarks as mayor were about the harbour.", "author", ""),
        ("The public says it wants the ferry.", "attributed", "the public"),
        ("“The ferry is safe,” says veteran harbour pilot Ann Cole.", "quoted", "Ann Cole"),
        # a name with "of the" in it is one name; an office "of the" Navy before a person
        # is a title
        ("Friends of the Harbour said the ferry must stay.", "attributed",
         "Friends of the Harbour"),
        ("Secretary of the Navy Ann Cole said the ships would sail.", "attributed", "Ann Cole"),
        ("According to a survey by Dana Reyes of the University of Valemouth, fares rose.",
         "attributed", "Dana Reyes"),
        # a person "of", "for", "with" or "from" an organization is the person
        ("“The ferry is safe,” said Dana Reyes of the Harbour Board.", "quoted", "Dana Reyes"),
        ("Major Ann Cole with the county police says the road is closed.", "attributed",
         "Ann Cole"),
        ("Recently, Corin Vell from HarbourWatch wrote that the tolls were unfair.",
         "attributed", "Corin Vell"),
        # a phrase in -ing after a comma names no speaker after it: the clause's subject
        ("The parents sent a letter to the board, calling for the head's dismissal.",
         "attributed", "the parents"),
        ("Several islanders vented their anger online, calling for the ferry to stay.",
         "attributed", "Several islanders"),
        # a participle that opens the sentence is no name: the subject comes after its phrase
        ("Stung by the vote, the mayor resigned, saying she had lost.", "attributed",
         "the mayor"),
        ("Emboldened by the poll and its critics, Dana Ortiz left, calling it a sinking ship.",
         "attributed", "Dana Ortiz"),
        ("There are two ways to get the money: by asking the state to pay, or by borrowing.",
         "author", ""),
        ("The new kettle fixes that by adding a small clock to the side.", "author", ""),
        # "added X to Y" puts something somewhere; "added the plan would move to …" reports
        ("The bakery added a second oven to the kitchen.", "author", ""),
        ("The mayor added the plan would move to a vote next week.", "attributed",
         "the mayor"),
        # an aside to the readers: the writer's
        ("The mayor skipped the vote, which tells you everything about the plan.", "author",
         ""),
        # an adverb between the speaker and the verb is not the speaker's
        ("The ferry owner always argued that the boats were safe.", "attributed",
         "the ferry owner"),
        # "a" and one word take no bare verb: the noun
        ("A police report obtained by the station shows the officers saw her fall.",
         "author", ""),
        ("About 60 people spoke during a public comment period.", "author", ""),
        # a relative clause's own subject, when the verb of saying is in it
        ("The question the two inspectors had asked each school was whether it kept records.",
         "attributed", "the two inspectors"),
        ("The man the police questioned said he was innocent.", "attributed",
         "the man the police questioned"),
        # a name given to a thing: "called" a name in quotation marks
        ("A big march called “The Longest Walk” (or TLW for short) is planned for Sunday.",
         "author", ""),
        # a name, then a verb in -s (by the tagger's word list): the name speaks
        ("Harbour chaos: Valdor deploys tugs and warns that the port will close.",
         "attributed", "Valdor"),
        ("Ohio voters gathered and said the count was fair.", "attributed", "Ohio voters"),
        ("The mayor agrees the plan was flawed.", "attributed", "the mayor"),
        # an inverted source that opens with a determiner; a relative clause before the verb
        ("The meeting went badly from there, said one council source in the room.",
         "attributed", "one council source"),
        ("The talks collapsed, which surprised no one, said a spokesman.", "attributed",
         "a spokesman"),
        ("The mayor, who spoke Friday, said the plan works.", "attributed", "the mayor"),
    ],
)
def test_speakers_in_the_shapes_of_real_news(analyzer, text, voice, speaker):
    assert [v[1:] for v in voices(analyzer, text)] == [(voice, speaker)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a person named after an office that holds an organization word ("Police Chief")
        ("Employee Steve Castor said he fought with the man. Interim Transit Police Chief Ed "
         "Alvarado told reporters that officers found a man bleeding. He says the man died.",
         "Ed Alvarado"),
        # a possessive ends the name: "Mr. Lund's RT appearance" is not a person "Lund RT"
        ("Democrats seized upon Mr. Lund's RT appearance. He said he regretted nothing.",
         "Lund"),
        # a country before the name: "ambassador to Britain Liu Xiaming"
        ("Peru's envoy to Britain Carlos Ibarra spoke on Friday. He said that Peru would "
         "wait.", "Carlos Ibarra"),
        # an acronym in the plural, and "I've", are nobody's name (a first name opening a
        # sentence is part of the name)
        # a day after a place is no name ("Wisconsin Friday"), nor a group ("Northerners")
        ("Mr. Okoro spoke in Wisconsin Friday. He said the deal was legal.", "Okoro"),
        ("Mr. Sani met the Northerners. He advised them to wait.", "Sani"),
        # a town after "in" is no person ("in Charlottesville")
        ("Mr. Okoro spoke first. The rally was held in Charlottesville on Saturday. He called "
         "for peace.", "Okoro"),
        # a law is no person ("the Affordable Care Act")
        ("“It is a mess,” said Mr. Dunne. He wants to repeal the Clean Rivers Act. He says it "
         "“hurts every farmer.”", "Dunne"),
        ("Tara Reyes will perform at the AMAs on Sunday. “I just want to sing,” she said.",
         "Tara Reyes"),
        ("Marta Ruiz runs the shelter. I've visited it twice. She said the beds were full.",
         "Marta Ruiz"),
        # a thing after "the" or "no", a town after "near" or before a state, a mission's
        # name before its number, an organization in the plural ("Human Services")
        ("“We need it,” said Lena Young. A rocket could land with no Gateway required. "
         "“I do not see a role for the Gateway,” she said.", "Lena Young"),
        ("Angela Cooper teaches in schools near Evansville. She said pay was too low.",
         "Angela Cooper"),
        ("Visitors came from far away. Donna Rawlings, 59, of Ashton, Md., spoke first. She "
         "said the day was emotional.", "Donna Rawlings"),
        ("“We did it in one launch,” said Tom Stafford, who flew on Apollo 10. He then "
         "referred to earlier testimony.", "Tom Stafford"),
        ("Dr. Ines Farrow of the Office of Housing and Human Services says the backlog "
         "remains. She says tenants should apply early.", "Ines Farrow"),
        # a region's, faith's or movement's adjective is no person
        ("Tom Reyes met Asian ministers and spoke about Brexit. He said trade would grow.",
         "Tom Reyes"),
        # a month written short before its day is no person, those that are names too
        # ("Jan", "Mar") with their period
        ("Tom Reyes chairs the board. The vote came on Mar. 7, he said.", "Tom Reyes"),
        ("Tom Reyes chairs the board. It opened on Jan. 12, he said.", "Tom Reyes"),
        ("Tom Reyes chairs the board. It opened Dec. 12, he said.", "Tom Reyes"),
        ("Tom Reyes chairs the board. He met Jan Novak on Monday, he said.", "Jan Novak"),
    ],
)
def test_he_and_she_resolve_past_offices_possessives_and_acronyms(analyzer, text, speaker):
    assert voices(analyzer, text)[-1][2] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "she" skips a man named in between, "he" a woman (a first name or an honorific)
        ("The singer Taylor Swift said the label had blocked her. Her dispute with Mark Ellery "
         "began in June. “I just want to perform,” she said.", "Taylor Swift"),
        ("Prince Edmund spoke to the paper. He denied knowing Carla Nunez well. “I was never "
         "at that party,” he said.", "Edmund"),
        ("Mrs. Okafor runs the clinic. Mr. Bello joined in May. “We are full,” she said.",
         "Okafor"),
        # a surname seen with a first name keeps its gender
        ("Linda Osei chairs the board. Osei met Mark Ellery on Monday. “No deal,” she said.",
         "Osei"),
        # nobody of that gender named before: the pronoun stays
        ("On Monday, Mark Ellery spoke first. “We will appeal,” she said.", "she"),
        # an unknown first name is no evidence either way
        ("On Monday, Tamsin Reyes spoke first. “We will appeal,” she said.", "Tamsin Reyes"),
    ],
)
def test_he_and_she_skip_a_person_of_the_other_gender(analyzer, text, speaker):
    assert voices(analyzer, text)[-1][2] == speaker


def test_first_names_are_one_gender_each():
    import csv

    from framing.names import DATA_DIR

    with (DATA_DIR / "first_names.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    names = [r["name"].lower() for r in rows]
    assert len(names) == len(set(names)) > 500
    assert {r["gender"] for r in rows} == {"m", "f"}
    # names given to both are left out: they would mislead "he" and "she"
    assert not {"taylor", "jordan", "alex", "sam", "kim", "chris"} & set(names)
    # they are first names all the same, in a list of their own, without a gender
    with (DATA_DIR / "first_names_both.csv").open(newline="", encoding="utf-8") as fh:
        both = [r["name"].lower() for r in csv.DictReader(fh)]
    assert len(both) == len(set(both)) and not set(both) & set(names)
    assert {"taylor", "jordan", "alex", "sam", "kim", "chris"} <= set(both)


def test_a_first_name_given_to_both_makes_a_person_but_no_he_or_she(analyzer):
    report = analyzer.analyze(
        "On Monday Terry Holloway, the site manager, said the crane was safe, and the "
        "architect, Chris Ebdon, agreed.\n\n"
        "Later Holloway said the inspection was done. “We were careful,” she said.")
    kinds = {a.name: a.kind for a in report.actors}
    assert kinds["Terry Holloway"] == "person" and kinds["Chris Ebdon"] == "person"
    # "she" is not kept from Holloway by a guessed gender ("Terry" is given to both)
    assert voices(analyzer, report.article.text)[-1][2] == "Holloway"


@pytest.mark.parametrize(
    ("chunk", "name"),
    [
        ("Russia not only denied the report", "Russia"),
        ("Wells Fargo said", "Wells Fargo"),
        # an interjection that opens a sentence names nobody
        ("Ah", ""),
        ("Well", ""),
        ("Oh", ""),
    ],
)
def test_a_name_opening_a_clause(chunk, name):
    from framing.names import Names

    assert Names().leading_name(chunk, whole_chunk_is_heading=False) == name


def test_a_short_attribution_after_a_quotation_names_its_speaker(analyzer):
    # one quotation per line, as some pages and PolNeAR write them: "Graham asked." names
    # the speaker of the quotation before it (and the one after), not the last person named
    text = ("Mayor Ellery spoke in Fenwick on Monday.\n\n“Who here has read the council's "
            "budget?”\nHolm asked.\n“Not one of you.”")
    found = voices(analyzer, text)
    assert found[1:] == [
        ("“Who here has read the council's budget?”", "quoted", "Holm"),
        ("Holm asked.", "attributed", "Holm"),
        ("“Not one of you.”", "quoted", "Holm"),
    ]
    # a long sentence after a quotation that ends in a verb-like noun is no attribution
    text = "“We will fight,” she said.\nHe quit after the theft of private emails."
    assert voices(analyzer, text)[-1][1] == "author"


def test_a_quotation_keeps_its_speaker_when_the_next_sentence_reports_something_else(analyzer):
    # a sentence with content of its own after a quotation reports that, not the quotation:
    # the quotation continues the last speaker's words (pasted text is often one paragraph)
    text = ("“We will build it,” said Mayor Ann Cole. “And we will pay for it.” The council, "
            "for its part, noted that the vote on the budget would come in May, after the "
            "hearings.")
    assert [v[1:] for v in voices(analyzer, text)] == [
        ("quoted", "Ann Cole"), ("quoted", "Ann Cole"), ("attributed", "the council")]
    # a short one names it
    text = "“We will build it,” said Mayor Ann Cole. “And we will pay for it.” Reyes added."
    assert [v[1:] for v in voices(analyzer, text)][1] == ("quoted", "Reyes")


@pytest.mark.parametrize(
    ("headline", "voice", "speaker"),
    [
        ("Okafor: The harbour deal is dead, the ferry firm was bluffing", "attributed", "Okafor"),
        ("Poll: Wealthy voters abandon the Republican Party", "attributed", "Poll"),
        ("Sen. Warren: The bank chief should be investigated", "attributed", "Warren"),
        ("Ruth Ambler: The harbour plan is a disgrace", "attributed", "Ruth Ambler"),
        # kickers and phrases that name no one
        ("Exclusive: The harbour plan is over budget", "author", ""),
        ("The Latest: Ferry terminal moves to the old docks", "author", ""),
        ("Smoke Over Water: The plan was changed in secret", "author", ""),
        ("Watch: The mayor's speech in full", "author", ""),
        ("STUNNING: The mayor quits in a letter", "author", ""),
        ("Harbourgeddon: The end game", "author", ""),  # a label the story never uses
        ("READ: The council's statement in full", "author", ""),
    ],
)
def test_a_headline_that_names_its_source_before_a_colon(analyzer, headline, voice, speaker):
    story = ("The council met on Tuesday. Ruth Ambler, the mayor, spoke first; Okafor and "
             "Warren listened.")
    report = analyzer.analyze(article_from_text(story, title=headline))
    first = report.sentences[0]
    assert (first.kind, first.voice, first.speaker) == ("headline", voice, speaker)
    assert not any(":" in verb or "headline" in verb
                   for a in report.actors for verb, _ in a.attribution_verbs)


def test_a_headline_quotation_named_after_its_colon_is_that_persons(analyzer):
    # "“…”: Name on …", the quotation first: it had no speaker
    story = "Rosa Marchetti-Vance started the crew in 2004. Zandor Quill said it was hard."
    for headline, speaker in (
            ("“The sea doesn’t care how tired you are”: Rosa Marchetti-Vance on twenty years",
             "Rosa Marchetti-Vance"),
            ("‘I didn’t expect to win’: Zandor Quill on his first title", "Zandor Quill"),
            ("“Nobody listened”: Harbour Street residents on the flood", "")):
        first = analyzer.analyze(article_from_text(story, title=headline)).sentences[0]
        assert (first.kind, first.speaker) == ("headline", speaker), headline


def test_a_columnists_name_over_their_own_column_is_the_writer(analyzer):
    story = "By Edith Marlowe\n\nCritics attack the plan. Marlowe said so on the radio."
    title = "Marlowe: The attacks on the harbour plan are backfiring"
    first = analyzer.analyze(article_from_text(story, title=title)).sentences[0]
    assert (first.voice, first.speaker) == ("author", "")


def test_a_headline_source_with_an_unknown_first_name_is_one_the_story_quotes(analyzer):
    story = "“The plan is bad,” said Zandor Quillfeather. Harbour Wars Saga is a game he likes."
    for headline, speaker in (
            ("Zandor Quillfeather: The harbour plan is bad", "Zandor Quillfeather"),
            ("Harbour Wars Saga: The ferry level shoots for the moon", "")):
        first = analyzer.analyze(article_from_text(story, title=headline)).sentences[0]
        assert first.speaker == speaker


@pytest.mark.parametrize(("word", "person"), [
    ("Korean-Americans", False), ("Greek-Cypriots", False),  # a people, which "he" is not
    ("Ocasio-Cortez", True), ("Smith-Jones", True),  # hyphenated surnames
])
def test_a_people_written_with_a_hyphen_is_no_person(analyzer, word, person):
    assert bool(analyzer.names.person_in([word])) is person


@pytest.mark.parametrize(
    ("speaker", "junk"),
    [
        ("polled", True), ("narrow", True), ("with the earliest case", True),
        ("scenario by", True), ("making the bold", True), ("writes a long memo", True),
        ("used his first public", True), ("they cooperated with prosecutors", True),
        ("you’re counting along with us", True),
        ("Friedman used his first public", True),
        ("critics", False), ("someone", False), ("Those close to him", False),
        ("people briefed on the talks", False), ("leaked documents", False),
        ("the man the police questioned", False), ("Dana Reyes", False), ("they", False),
    ],
)
def test_a_speaker_is_a_noun_phrase(speaker, junk):
    from framing.voice import _no_noun_phrase

    assert _no_noun_phrase(speaker) is junk


def test_the_outlet_naming_itself_and_a_hospital_called_general_are_no_actors(analyzer):
    from framing import article_from_text

    article = article_from_text(
        "The ward will close on Monday, a nurse told the Blaze. Patients move to Valemouth "
        "General, where Dr. Ruth Amis said beds were ready. The Blaze demands answers.",
        outlet="The Daily Blaze")
    names = {a.name for a in analyzer.analyze(article).actors}
    assert "Ruth Amis" in names and not {"Blaze", "Valemouth General"} & names
    # the same words in another outlet's article are an actor there
    other = article_from_text("The Blaze said on Monday it would appeal. The Blaze lost.",
                              outlet="Meridian Wire")
    assert "Blaze" in {a.name for a in analyzer.analyze(other).actors}


@pytest.mark.parametrize(("sentence", "actor", "kind"), [
    # a sentence's first word that opens a place's or an institution's name
    ("St. Louis County officials said the roads would close.", "St. Louis County", "place"),
    ("Lake County officials said the roads would close.", "Lake County", "place"),
    ("Saint Brennan Hospital said it had no beds left.", "Saint Brennan Hospital",
     "organization"),
    ("Mount Arvel Clinic said it had no beds left.", "Mount Arvel Clinic", "organization"),
    # ... and the first word of a gazetteer's place of several words
    ("New Orleans officials said the roads would close.", "New Orleans", "city"),
    ("San Diego officials said the roads would close.", "San Diego", "city"),
])
def test_a_place_named_first_in_its_sentence_is_named_in_full(analyzer, sentence, actor, kind):
    text = "Heavy rain fell across the region on Monday.\n\n" + sentence
    assert actor_rows(analyzer, text) == {actor: (kind, 1, (1,))}


def test_an_organization_before_where_it_is_speaks(analyzer):
    text = ("Heavy rain fell on Monday.\n\n"
            "St Barnabas Church on Station Street said it would open its hall to families.")
    rows = actor_rows(analyzer, text)
    assert rows["St Barnabas Church"] == ("organization", 1, (1,))
    assert rows["Station Street"][2] == ()


def test_a_photo_credit_names_no_actor(analyzer):
    report = analyzer.analyze(
        "Flooding closed the Harbor Road bridge on Monday, the county said.\n\n"
        "Dana Brook/Getty Images\n\n"
        "Marta Voss, who runs the ferry, said boats would carry commuters.")
    captions = [s.sentence for s in report.scores if s.sentence.kind == "caption"]
    assert [s.text(report.article) for s in captions] == ["Dana Brook/Getty Images"]
    names = {a.name for a in report.actors}
    assert "Marta Voss" in names and not {"Dana Brook", "Getty Images"} & names


@pytest.mark.parametrize(("sentence", "outlet"), [
    ("Sky News reported that the talks had failed.", "Sky News"),
    ("The Intercept said the documents were real.", "Intercept"),
    ("A spokesman told the Boston Globe that the talks had failed.", "Boston Globe"),
])
def test_news_outlets_are_organizations(analyzer, sentence, outlet):
    text = "The talks opened on Monday.\n\n" + sentence
    assert actor_fields(analyzer, text, "kind")[outlet] == "organization"


def test_who_speaks_for_an_organization_in_commas_is_the_speaker(analyzer):
    report = analyzer.analyze(
        "The trial ended on Friday.\n\n"
        "A lawyer for Google, Dana Whitcombe, said there was no evidence of malice. "
        "A spokesman for Reuters, which broke the story, said it stood by its reporting.")
    speakers = [s.sentence.speaker for s in report.scores if s.sentence.kind == "body"]
    assert speakers == ["", "Dana Whitcombe", "Reuters"]


def test_a_united_states_attorney_is_a_title(analyzer):
    text = ("Charges were filed on Monday.\n\n"
            "United States Attorney Corwin Baptiste said the case was strong.")
    assert actor_rows(analyzer, text) == {"Corwin Baptiste": ("person", 1, (1,))}


def test_a_place_and_an_office_name_a_person_not_the_place(analyzer):
    text = ("The vote was close on Monday.\n\n"
            "The Oregon senator said the bill would fail. The Idaho Republican said the plan "
            "was sound. Belarus officials said the border was closed.")
    rows = actor_rows(analyzer, text)
    # one person, unnamed, speaks for themselves; officials speak for their country
    assert rows["Oregon"][2] == () and rows["Idaho"][2] == ()
    assert rows["Belarus"][2] == (3,)
    assert analyzer.analyze(text).metrics.named_sources == 1


def test_a_persons_family_or_townsman_is_not_that_person(analyzer):
    text = ("The river rose on Monday.\n\n"
            "Water reached the home of Ann Cole. \u201cWe knew this would happen,\u201d one "
            "Cole man said. Ann Cole's father said the house was lost. The Cole family said "
            "they would stay. Cole said she would rebuild.")
    # the man, the father and the family speak, each unnamed; Ann Cole in the last sentence
    assert actor_rows(analyzer, text)["Ann Cole"] == ("person", 5, (5,))


def test_an_organization_named_once_speaks_as_the_union_or_the_hospital(analyzer):
    text = ("Nurses at Ardmore General Hospital joined the Kelbrook Nurses Union on Monday.\n\n"
            "The union said nurses would walk out on Friday. Hospital officials said wards "
            "would stay open.")
    rows = actor_rows(analyzer, text)
    assert rows["Kelbrook Nurses Union"][2] == (1,)
    assert rows["Ardmore General Hospital"][2] == (2,)
    # with two unions, "the union" names neither
    two = text.replace("on Monday.", "and the Ardmore Porters Union on Monday.")
    rows = actor_rows(analyzer, two)
    assert rows["Kelbrook Nurses Union"][2] == () and rows["Ardmore Porters Union"][2] == ()


def test_she_after_someone_unnamed_is_not_the_last_woman_named(analyzer):
    text = ("The trial opened on Monday.\n\n"
            "Prosecutor Maria Lopez said the case was strong. The judge, a veteran of the "
            "court, set a date. She said the jury would sit in May.\n\n"
            "Ana Ruiz, the defense lawyer, spoke next. The lawyer asked for more time. She said "
            "her client was innocent.")
    speakers = [s.sentence.speaker for s in analyzer.analyze(text).scores]
    # the judge may be "she": nobody named; the lawyer is Ana Ruiz, named so
    assert speakers[3] == "She" and speakers[6] == "Ana Ruiz"


def test_an_organizations_common_noun_with_a_capital_is_that_organization(analyzer):
    text = ("The Kelbrook Teachers' Federation called off its strike on Monday.\n\n"
            "Federation president Ana Ruiz said talks would resume. Dorset County opened "
            "its schools. County officials said buses would run, and the county said more "
            "would follow.")
    rows = actor_rows(analyzer, text)
    assert rows["Kelbrook Teachers' Federation"][:2] == ("organization", 2)
    assert rows["Dorset County"] == ("place", 2, (3,)) and "County" not in rows
    assert "Federation" not in rows
    # not a word of another name: "the Council on Harbor Affairs" is no city council
    other = analyzer.analyze(
        "The Kelbrook City Council met on Monday.\n\n"
        "A fellow at the Council on Harbor Affairs said the vote was close.")
    assert {a.name for a in other.actors} >= {"Kelbrook City Council", "Council"}


def test_a_hospital_named_by_its_saint_alone_is_the_hospital(analyzer):
    text = ("Nurses at St Wilfrid's Hospital learned of the merger on Monday.\n\n"
            "St Wilfrid's maternity unit would close. Midwives at St Wilfrid's said they "
            "were told an hour before.")
    rows = actor_fields(analyzer, text, "kind", "mentions")
    assert rows == {"St Wilfrid's Hospital": ("organization", 3)}


def test_police_opening_a_sentence_are_as_unnamed_as_police(analyzer):
    text = ("A bus overturned on Monday, the Kelbrook Police Department said.\n\n"
            "Police said the driver was unhurt. Later, police said the road had reopened.")
    report = analyzer.analyze(text)
    assert [a.name for a in report.actors] == ["Kelbrook Police Department"]
    assert report.metrics.named_sources == 1 and report.metrics.unnamed_attributions == 2


def test_faiths_peoples_and_movements_are_no_people(analyzer):
    text = ("The debate ran late on Monday.\n\n"
            "Speakers argued about Islam and Sharia, about Antifa and the Nazis. Islam, one "
            "said, was not on trial. Antifa, another said, was. Nazis marched in 1933.\n\n"
            "Ruth Amis, who chaired it, said Nazis had no place there. Amis said Sharia "
            "was a word few understood.")
    assert actor_fields(analyzer, text, "kind") == {"Ruth Amis": "person"}


def test_a_month_written_short_before_its_day_is_no_person(analyzer):
    text = ("The count began on Nov. 8 in the city.\n\n"
            "Results were due Nov. 9, and a recount on Dec 2. Ana Ruiz said Oct. 30 was "
            "too early.")
    assert set(actor_fields(analyzer, text, "kind")) == {"Ana Ruiz"}


def test_a_show_named_after_a_number_is_a_name_not_a_person(analyzer):
    text = ("The interview aired on Sunday.\n\n"
            "Ana Ruiz told “48 Minutes” that she would run. A clip of “48 Minutes” spread fast.")
    assert actor_fields(analyzer, text, "kind") == {"Ana Ruiz": "person", "Minutes": "name"}


@pytest.mark.parametrize(("sentence", "speaker", "actor", "kind"), [
    # a name the gazetteer knows across a small word or a comma is one name
    ("Alternative for Germany said it would win.", "Alternative for Germany",
     "Alternative for Germany", "group"),
    ("The National Association for the Advancement of Colored People said it would sue.",
     "the National Association for the Advancement of Colored People",
     "National Association for the Advancement of Colored People", "organization"),
    ("Agents of the Bureau of Alcohol, Tobacco, Firearms and Explosives seized the rifles, "
     "and the Bureau of Alcohol, Tobacco, Firearms and Explosives traced them.",
     "", "Bureau of Alcohol, Tobacco, Firearms and Explosives", "institution"),
])
def test_a_known_name_with_a_small_word_inside_is_one_name(analyzer, sentence, speaker, actor,
                                                         kind):
    report = analyzer.analyze("The vote was close on Monday.\n\n" + sentence)
    assert report.scores[1].sentence.speaker == speaker
    assert {a.name: a.kind for a in report.actors} == {actor: kind}


def test_a_paper_called_by_its_last_word_is_that_paper(analyzer):
    report = analyzer.analyze(
        "The vote was close on Monday, the Kelbrook Times reported.\n\n"
        "The Times said the count would take a week. A Times analysis found errors.")
    assert {a.name: (a.mentions, a.source_sentences) for a in report.actors} == {
        "Kelbrook Times": (3, (0, 1))}
    assert report.metrics.named_sources == 1


def test_more_us_cities_and_new_yorkers(analyzer):
    text = ("Fort Lauderdale and Cedar Rapids braced for storms on Monday.\n\n"
            "Fort Lauderdale officials said roads would close. A New Yorker visiting Cedar "
            "Rapids said she would stay. New Yorkers, Ana Ruiz said, were used to it.")
    kinds = actor_fields(analyzer, text, "kind")
    assert kinds == {"Fort Lauderdale": "city", "Cedar Rapids": "city", "Ana Ruiz": "person"}


def test_a_places_general_hospital_is_named_in_full_and_speaks_for_itself(analyzer):
    text = ("Nurses walked out on Monday.\n\n"
            "Chicago General Hospital and St Brennan's Hospital in Oak Vale have agreed to "
            "merge. Chicago General Hospital said beds would stay.")
    rows = actor_rows(analyzer, text)
    assert rows["Chicago General Hospital"] == ("organization", 2, (2,))
    assert rows["St Brennan's Hospital"][2] == () and "Hospital" not in rows


def test_universities_under_their_short_names(analyzer):
    text = ("The study was published on Monday.\n\n"
            "Harvard researchers said the results were clear. UC Berkeley said it would review "
            "the data, and Harvard said it stood by the work.")
    rows = actor_rows(analyzer, text)
    assert rows == {"Harvard University": ("organization", 2, (1, 2)),
                    "University of California, Berkeley": ("organization", 1, (2,))}


def test_a_verb_or_plural_opening_lines_twice_is_nobody(analyzer):
    # an update log's verbs and a plural opening lines, each written with a capital twice,
    # name no one; a surname named twice with no title still names a person
    text = ("Kelbrook council delays the budget vote\n\n"
            "The council delayed its vote on Monday. Dranholt, a columnist, called it wise.\n\n"
            "Updated on Tuesday: Added the clerk's reply. Posted on Monday at 9 a.m. Added a "
            "photo of the hall.\n\n"
            "Protesters filled the hall: Dreamers, Teachers and Nurses. Dreamers waved flags. "
            "Dranholt left early.")
    kinds = actor_fields(analyzer, text, "kind")
    assert kinds.get("Dranholt") == "person"
    assert not {"Added", "Posted", "Dreamers", "Teachers"} & set(kinds)


def test_an_outlet_known_by_a_surname_is_the_outlet_where_it_is_told(analyzer):
    text = ("Senator backs the bill\n\n"
            "Senator Ana Ruiz backed the bill on Monday. Ruiz told Fox that the cost was fair. "
            '"It pays for itself," she said. Fox reported that the vote was close.\n\n'
            "Dana Reyes spoke to Forbes on Tuesday. She told the Hill the bill was rushed, and "
            "protesters gathered on the Hill.")
    rows = actor_rows(analyzer, text)
    assert rows["Fox News"] == ("organization", 2, (4,))  # told Fox; Fox reported
    assert rows["Ana Ruiz"][2] == (2, 3)  # "she" after "told Fox" is Ruiz
    assert rows["Forbes"][0] == rows["The Hill"][0] == "organization"
    assert rows["The Hill"][1] == 1  # "on the Hill" is no outlet
    assert "Fox" not in rows and rows["Dana Reyes"][0] == "person"
    # a station's number after the word: no national outlet
    kinds = actor_fields(analyzer, "Ana Ruiz appeared on Fox 9 on Monday. She said no.", "kind")
    assert "Fox News" not in kinds


def test_she_after_told_is_the_teller_not_who_was_told(analyzer):
    text = ("Senator backs the bill\n\n"
            "Senator Ana Ruiz told Maria Lopez, a reporter, that the plan was fair. "
            '"It pays for itself," she said.\n\n'
            "Dan Price told Ana Ruiz the talks went well. She said they did not.")
    rows = voices(analyzer, text)
    assert rows[2][2] == "Ana Ruiz"  # the teller, not the reporter she told
    assert rows[4][2] == "Ana Ruiz"  # the teller is a man: "she" is who was told


def test_he_after_a_name_written_as_an_owner_is_the_one_before_it(analyzer):
    # "attack Okafor-Bright’s record": the owner is the one spoken of, not the speaker
    text = ("Mayoral race\n\n"
            "Desmond Kell is running. Kell used a rally to attack Vance-Bright’s record. "
            "“She promised us a home,” he told about 800 supporters.\n\n"
            "Tom Abery praised Dana Reyes’ plan. “It works,” she said.")
    rows = voices(analyzer, text)
    assert rows[3][2] == "Kell"
    assert rows[5][2] == "Dana Reyes"  # (the one before is a man: "she" is the owner)


def test_storms_named_after_a_plural_storm_word_are_each_a_storm(analyzer):
    text = ("Storm season ends\n\n"
            "Hurricanes Kelda and Orwin flooded the coast in August. The damage from Kelda was "
            "worse, Mayor Ana Ruiz said. Storms Brenna, Tiro and Walda followed in September.")
    kinds = actor_fields(analyzer, text, "kind", "mentions")
    assert kinds == {"Hurricane Kelda": ("name", 2), "Hurricane Orwin": ("name", 1),
                     "Ana Ruiz": ("person", 1), "Storm Brenna": ("name", 1),
                     "Storm Tiro": ("name", 1), "Storm Walda": ("name", 1)}


def test_a_peoples_word_opens_a_bodys_name_and_a_things(analyzer):
    text = ("Doctors meet on budget\n\n"
            "The British Medical Association met on Monday, Ana Ruiz said. The Korean War and "
            "the French Revolution were on the agenda, and a German official spoke.\n\n"
            "The British Government cut the budget. Critics said the Government had no plan. "
            "The Kelbrook Police closed the road, and the Police said it would reopen. Korea "
            "sent a letter in English, which Ruiz said was clear. English classes, Ruiz said, "
            "were full. Christianity was discussed, Ruiz said, and Christianity was not.")
    rows = actor_rows(analyzer, text)
    assert rows["British Medical Association"][0] == "organization"
    assert rows["Korean War"][0] == rows["French Revolution"][0] == "name"
    assert rows["British Government"][:2] == ("organization", 2)  # "the Government" after it
    assert rows["Kelbrook Police"] == ("organization", 2, (5,))
    assert rows["Korea"][0] == "region"
    assert not {"Medical Association", "War", "Official", "German Official", "English",
                "Christianity", "Government", "Police"} & set(rows)


def test_an_honorific_makes_a_person_of_any_word_and_an_adjective_alone_is_none(analyzer):
    text = ("Robots at the fair\n\n"
            "Dr. Keen built the robot. Since Keen is careless, it broke. Mr. Kelby watched. "
            "Read more on our Smart Living page. Smart buyers wait, the guide says. The "
            "Can't-Miss Play of the week was a robot's.")
    kinds = actor_fields(analyzer, text, "kind")
    assert kinds.get("Keen") == kinds.get("Kelby") == "person"
    assert not {"Smart", "Play"} & set(kinds)


def test_more_local_offices_are_titles(analyzer):
    text = ("Court case opens\n\n"
            "Assistant Attorney General Ana Blanco said the case was strong. County "
            "Undersheriff Kevin Dale said the evidence was clear. Kelbrook County Coroner "
            "Dana Reyes said the cause was smoke. Alderman Jo Park and Comptroller Dan Price "
            "agreed, and State Trooper Tom Kent wrote the report.")
    assert speakers(analyzer, text)[1:4] == ["Ana Blanco", "Kevin Dale", "Dana Reyes"]
    kinds = actor_fields(analyzer, text, "kind")
    assert {name for name, kind in kinds.items() if kind == "person"} == {
        "Ana Blanco", "Kevin Dale", "Dana Reyes", "Jo Park", "Dan Price", "Tom Kent"}


def test_al_is_a_first_name_and_a_names_last_words_are_that_person(analyzer):
    text = ("Court case opens\n\n"
            "Al Kent said the plan was fine. Officer Al Kent wrote the report. Sheikh Karim Al "
            "Dawsi came to the hall, and Ana Ruiz Lopez came too. Al Dawsi said that it was "
            "not fine. Ruiz Lopez said that it was.")
    rows = actor_rows(analyzer, text)
    assert rows["Al Kent"][:2] == ("person", 2) and "Kent" not in rows
    assert rows["Karim Al Dawsi"] == ("person", 2, (4,)) and "Al Dawsi" not in rows
    assert rows["Ana Ruiz Lopez"] == ("person", 2, (5,)) and "Ruiz Lopez" not in rows


def test_people_of_an_organization_speak_for_it_and_known_names_with_of_the(analyzer):
    text = ("Council vote\n\n"
            "Officials of the Kelbrook Police Department said the house was empty. Members of "
            "the Harbor Union said they would strike. Friends of the Earth said the plan was "
            "bad, and the Girl Scouts of the USA agreed.")
    assert speakers(analyzer, text)[1:4] == ["the Kelbrook Police Department",
                                             "the Harbor Union", "Friends of the Earth"]
    rows = actor_rows(analyzer, text)
    assert rows["Kelbrook Police Department"][2] == (1,)
    assert rows["Friends of the Earth"] == ("organization", 1, (3,))
    assert rows["Girl Scouts of the USA"][0] == "organization"


def test_the_passive_subject_is_not_the_speaker_and_who_says_in_which_clauses(analyzer):
    rows = voices(analyzer, (
        "Ministers accused of betrayal over rail cuts\n\n"
        'Ministers were last night accused of a "shameful betrayal" of the north. '
        "Residents avoided the roads, which experts say can reach 60C. Ana Ruiz was widely "
        "quoted as saying the plan was fair. Dana Reyes has been quoted as saying that she "
        "would quit."))
    assert [speaker for _, _, speaker in rows] == [
        "", "", "experts", "Ana Ruiz", "Dana Reyes"]
    assert [voice for _, voice, _ in rows[2:]] == ["attributed"] * 3


def test_the_one_quoted_as_saying_speaks_not_the_one_who_quotes(analyzer):
    """"The release quoted Thale as saying …" was the writer's own (and "The paper quoted him
    as saying" the paper's): the words are the one quoted."""
    rows = voices(analyzer, (
        "Bees and traffic\n\n"
        "Ines Thale led the study. The release quoted Thale as saying the work could help "
        "beekeepers. The newspaper quoted her as saying that she would go on. State media cited "
        "two officials as saying the deal was close. Dana Reyes was quoted by the Ledger as "
        "saying it was over. The paper quoted Thale at length."))
    assert [speaker for _, _, speaker in rows] == [
        "", "", "Thale", "Thale", "two officials", "Dana Reyes", ""]
    assert [voice for _, voice, _ in rows[2:6]] == ["attributed"] * 4


def test_he_after_a_sentence_is_its_subject_over_someone_named_after_in_it(analyzer):
    """"Rovers manager Gil Tolliver was careful not to discuss Bresca by name. “…,” he said"
    was Bresca's; the subject of the sentence before speaks. Not across a clause of the
    other's own, nor after an opening that makes the first no subject."""
    text = ("Transfer talk\n\n"
            "Joaquin Bresca wants to leave Solana. Rovers manager Gil Tolliver was careful not "
            "to discuss Bresca by name on Wednesday. “I will not talk about other clubs' "
            "players,” he said. Presenter Tom Kroft asked Gil Tolliver about the fee, but "
            "Tolliver says it is not his business. “It is for the board,” he says. After Tom "
            "Kroft left, Bresca spoke. “I am happy here,” he said. Thank God we have Ann "
            "Lee. “We are losing,” she said.")
    assert speakers(analyzer, text)[3:] == [
        "Gil Tolliver", "Tom Kroft", "Tolliver", "", "Bresca", "", "Ann Lee"]


def test_the_analyst_just_described_speaks_not_one_named_before(analyzer):
    """"One analyst, who asked not to be named, said … “…,” the analyst said" was the analyst
    named paragraphs before."""
    text = ("Shares fell\n\n"
            "Nat Briggs, an analyst at Halverson Capital, pressed executives on the guidance. "
            "“What changed?” he asked.\n\n"
            "One analyst, who asked not to be named because their firm has ties to the "
            "company, said the cut was larger than expected. “The market was ready for a "
            "trim,” the analyst said. “This is more like a haircut.” Later the analyst at "
            "Halverson Capital spoke again. “We will see,” the analyst said.")
    assert speakers(analyzer, text)[2:] == [
        "Nat Briggs", "One analyst", "One analyst", "One analyst", "", "Nat Briggs"]


def test_who_prosecutors_said_is_the_prosecutors_not_the_one_before_who(analyzer):
    """"… convicting Curtis Delong, 34, who prosecutors said was watching a video" was
    Delong's words; the relative clause's own subject reports it."""
    text = ("Verdict\n\n"
            "Jurors convicted Curtis Delong, 34, who prosecutors said was watching a video on "
            "his phone. Delong, who officials said had a record, was held. Economists who "
            "study markets say prices will rise. Senators, including Ann Cole, who just hours "
            "earlier called the plan ridiculous, were angry.")
    assert speakers(analyzer, text)[1:4] == ["prosecutors", "officials", "Economists"]
    assert speakers(analyzer, text)[4] != "just hours"


def test_people_in_a_place_are_unnamed_and_its_offices_are_the_place(analyzer):
    """"Shopkeepers in Carrow County complained that …" made the county a named source (as
    "Residents in Carrow County said" did not)."""
    text = ("Road closure\n\n"
            "Shopkeepers in Carrow County complained that the coast road would close. "
            "Farmers across Carrow County said it was too long. Officials in Carrow County "
            "said the road would close. Authorities in Carrow County said it would.")
    rows = actor_rows(analyzer, text)
    assert rows["Carrow County"][2] == (3, 4)


def test_a_second_speaker_in_a_clause_of_their_own_is_a_source(analyzer):
    """"…, but Tom Reyes said it was a waste" and "…; “It is a disaster,” said Jane Holm"
    credited no one (and Holm's quotation went to the board): the sentence's first speaker
    only. Not one reported inside another's words ("Ann Lee said Tom Reyes had …")."""
    text = ("Pier plan\n\n"
            "Councillor Ana Ruiz said the pier plan was good, but Tom Reyes said it was a "
            "waste of money. The harbour board said the work would cost four million pounds; "
            "“It is a disaster,” said Jane Holm. Ann Lee said Tom Reyes had played down the "
            "cost.")
    report = analyzer.analyze(text)
    rows = {a.name: (a.source_sentences, a.quoted_sentences, a.attributed_sentences,
                     a.quoted_words) for a in report.actors}
    assert rows["Tom Reyes"] == ((1,), 0, 1, 0)
    assert rows["Jane Holm"] == ((2,), 1, 0, 4)
    assert [q.speaker for q in report.quotes] == ["Jane Holm"]
    assert report.metrics.named_sources == 4


def test_it_read_after_a_statement_released_is_the_one_who_released_it(analyzer):
    """"The club released a brief statement. It read: “…”" was no one's."""
    text = ("Transfer\n\n"
            "On Tuesday, however, the club released a brief statement. It read: “Solana "
            "confirms an offer.”\n\n"
            "Kelbrook Homes sent a letter to tenants. It read: “Rents will rise.”\n\n"
            "The sign by the gate was old. It read: “No entry.”")
    assert speakers(analyzer, text)[2:] == ["the club", "", "Kelbrook Homes", "", ""]


def test_shares_of_a_company_are_no_part_of_its_name(analyzer):
    """"Shares of Corvane Logistics fell" made an organization "Shares of Corvane Logistics"
    (and "Corvane" alone a person)."""
    text = ("Shares slide\n\n"
            "NEW YORK (Wire) — Shares of Corvane Logistics fell on Thursday after the company "
            "reported a loss. Corvane said demand was weak. Thousands of Wexmoor United fans "
            "marched. Friends of the Earth said so.")
    kinds = actor_fields(analyzer, text, "kind")
    assert kinds == {"Corvane Logistics": "organization", "Wexmoor United": "organization",
                     "New York": "city",
                     "Friends of the Earth": "organization"}


def test_a_tv_or_fm_station_is_no_he(analyzer):
    """"Rovers TV" was a person, and "he" after "… told the club's channel, Rovers TV, …" was
    the channel."""
    text = ("Late winner\n\n"
            "Dominic Fairweather scored late. Fairweather told the club's in-house channel, "
            "Rovers TV, that he had not felt nerves. “I just trusted it,” he said. He said the "
            "room had been quiet. Kelby FM said the crowd was 9,000.")
    assert speakers(analyzer, text)[3:] == ["Fairweather", "Fairweather", "Kelby FM"]
    kinds = actor_fields(analyzer, text, "kind")
    assert kinds["Rovers TV"] == kinds["Kelby FM"] == "organization"


def test_a_title_in_quotation_marks_before_a_comma_and_its_source(analyzer):
    """"… her “Glasshouse” tour on doctors' advice, her publicist confirmed" gave "tour on
    doctors' advice": the title in quotation marks was read as a quotation before its
    speaker."""
    text = ("Tour off\n\n"
            "Lyra Devane has canceled the last dates of her “Glasshouse” tour on doctors' "
            "advice, her publicist confirmed on Thursday. “It is over,” Ann Lee, 52, a nurse, "
            "said.")
    assert speakers(analyzer, text)[1:] == ["her publicist", "Ann Lee"]


def test_in_a_statement_opening_a_sentence_is_its_subjects(analyzer):
    """"In a statement, the trust's chief nursing officer, Alison Brereton, apologised …" had
    no speaker: the phrase's speaker was looked for before it."""
    text = ("Ward closes\n\n"
            "In a statement, the trust's chief nursing officer, Alison Brereton, apologised to "
            "families for the worry. In an interview, Ann Lee, the mayor, said no.")
    assert speakers(analyzer, text)[1:] == ["Alison Brereton", "Ann Lee"]


def test_a_clause_in_commas_before_the_verb_leaves_the_name_before_it(analyzer):
    """"A person close to the singer, who asked not to be named because they were not
    authorized to speak publicly, said …" and "“No,” Ann Lee, whose shop closed, said." had
    no speaker; "“…,” Anzhel Korvan, chairman of the Growers' Union, said" keeps its."""
    text = ("Tour off\n\n"
            "A person close to the singer, who asked not to be named because they were not "
            "authorized to speak publicly, said she had been tired. “No,” Ann Lee, whose shop "
            "closed, said. “Yes,” the mayor, who was late, said. “We sell at a loss,” Anzhel "
            "Korvan, chairman of the Growers' Union, said through an interpreter.")
    assert speakers(analyzer, text)[1:] == ["a person close to the singer", "Ann Lee",
                                            "the mayor", "Anzhel Korvan"]


def test_a_participles_subject_ends_before_the_verb_after_a_name(analyzer):
    """"Pop star Lyra Devane cancels remaining tour dates, citing vocal strain" gave the
    speaker "Pop star Lyra Devane cancels"."""
    text = ("Pop star Lyra Devane cancels remaining tour dates, citing vocal strain\n\n"
            "The singer was ill.")
    assert speakers(analyzer, text)[0] == "Lyra Devane"


def test_a_places_region_in_commas_is_no_speaker(analyzer):
    """"Renata Sobczak, who has coached the team in Halifax, Nova Scotia, for six seasons,
    said" and "Marcus Anthony, a Fairfax County, Virginia, resident, said" gave the region."""
    text = ("Coach out\n\n"
            "Renata Sobczak, who has coached the team in Halifax, Nova Scotia, for six seasons, "
            "said the decision was hers. But Marcus Anthony, a Fairfax County, Virginia, "
            "resident, said he attended the rally.")
    assert speakers(analyzer, text)[1:] == ["Renata Sobczak", "Marcus Anthony"]


def test_she_after_an_appositive_is_the_subject_not_the_town_in_it(analyzer):
    """"Dr Sunita Rao, a GP in Devizes, takes a middle view. “…,” she writes" gave Devizes."""
    text = ("Letters\n\n"
            "Dr Sunita Rao, a GP in Devizes, takes a middle view. “Air is bad,” she writes. "
            "“But try a ban.”")
    assert speakers(analyzer, text)[2:] == ["Sunita Rao", "Sunita Rao"]


def test_the_landlord_is_the_one_introduced_so_and_a_clause_names_no_speaker(analyzer):
    """"His landlord, Desmond Fairweather, …" then "The landlord rejected that. “…,” he said"
    gave the tenant; "A spokeswoman for the Renters' Network, which is supporting Holloway,
    said" gave Holloway."""
    text = ("Damp flat\n\n"
            "Gareth Holloway has lived in the flat for four years. His landlord, Desmond "
            "Fairweather, disputes that. Holloway says he stopped paying. The landlord "
            "rejected that. “There is a process,” he said. A spokeswoman for the Renters' "
            "Network, which is supporting Holloway, said cases like his were common.")
    assert speakers(analyzer, text)[4:] == ["Desmond Fairweather", "Desmond Fairweather",
                                            "the Renters' Network"]


def test_she_questioned_by_someone_is_the_witness_and_a_recorder_is_a_judge(analyzer):
    """"Questioned by the prosecution barrister, Helen Ashcroft, she said" and "Pressed on the
    date by Ann Cole, she said" gave the one who asked; "the judge, Recorder Imogen Slater,
    …“…,” she said" gave the last woman named before her."""
    text = ("Trial\n\n"
            "Sharon Meadows, 34, gave evidence. Questioned by the prosecution barrister, Helen "
            "Ashcroft, she said: “He was laughing about it.” Pressed on the date by Ann Cole, "
            "she said it was May. At one point the judge, Recorder Imogen Slater, intervened. "
            "“You have made your point,” she said.")
    assert speakers(analyzer, text)[2:] == ["Sharon Meadows", "Sharon Meadows", "",
                                            "Imogen Slater"]


def test_a_persons_gender_told_once_holds_for_their_full_name(analyzer):
    """"Glyn Morrow" (a first name no list knows) was "she" though the story calls him "Mr
    Morrow"."""
    text = ("Housing target\n\n"
            "Rachel Ferrand was appointed after her predecessor, Glyn Morrow, moved on. Mr "
            "Morrow set the target in 2022. The opposition was angry. “They are burying it,” "
            "she said.")
    assert speakers(analyzer, text)[-1] == "Rachel Ferrand"


def test_uk_departments_and_councillors(analyzer):
    text = ("Rail upgrade scrapped\n\n"
            "A Department for Transport spokesman insisted the money would be spent locally. "
            'Cllr Jo Park, leader of Harwick City Council, said: "We were promised this line." '
            "The Cabinet Office said it had not been consulted.")
    assert speakers(analyzer, text)[2] == "Jo Park"
    rows = actor_rows(analyzer, text)
    assert rows["Department for Transport"] == ("institution", 1, (1,))
    assert rows["Cabinet Office"][2] == (3,)


def test_an_outlet_before_its_staff_and_said_no_is_no_speaker(analyzer):
    text = ("Host under fire\n\n"
            "The Fox anchor asked Ana Ruiz about the plan. A Forbes analysis found the cost was "
            "high. Dan Kent, the minister, said no. Fox said the plan was fine.")
    rows = actor_rows(analyzer, text)
    assert rows["Fox News"] == ("organization", 2, (4,)) and "Fox" not in rows
    assert rows["Forbes"][0] == "organization"
    assert voices(analyzer, text)[3][2] == "Dan Kent"


def test_a_body_named_across_and_is_one_body(analyzer):
    text = ("Strike vote\n\n"
            "The Kelbrook Teachers and Nurses Union said it would strike. The Harbor Archives "
            "and Records Administration agreed. Dana Reyes and Harbor Union officials met, and "
            "the City Council and Harbor Union agreed. His Justice and State departments said "
            "nothing.")
    kinds = actor_fields(analyzer, text, "kind")
    assert kinds["Kelbrook Teachers and Nurses Union"] == "organization"
    assert kinds["Harbor Archives and Records Administration"] == "organization"
    assert kinds["Dana Reyes"] == "person" and kinds["Harbor Union"] == "organization"
    assert "Kelbrook Teachers" not in kinds and not any(n.startswith("and ") for n in kinds)
    rows = actor_rows(analyzer, "Plant closes\n\nThe Kelbrook Food and Commercial Workers "
                                "union, which represents the workers, said it was not told.")
    assert rows == {"Kelbrook Food and Commercial Workers union": ("organization", 1, (1,))}
    # a possessive's body too
    rows = actor_rows(analyzer, "Mill fire\n\nThe Lumeshire Fire and Rescue Service's chief, "
                                "Dan Orr, said the blaze was deliberate.")
    assert rows["Lumeshire Fire and Rescue Service"] == ("organization", 1, ())
    assert "Lumeshire Fire" not in rows and "Rescue Service" not in rows


def test_a_local_paper_named_after_its_valley_is_an_outlet(analyzer):
    text = ("Mill to close\n\n"
            "The Lume Valley Echo reported that the mill would close. The Harwick Advertiser "
            "said the same, and the Dunmore Argus agreed.")
    kinds = actor_fields(analyzer, text, "kind")
    assert {kinds[n] for n in ("Lume Valley Echo", "Harwick Advertiser", "Dunmore Argus")} == {
        "organization"}
    assert speakers(analyzer, text)[1:] == ["the Lume Valley Echo", "the Harwick Advertiser"]


def test_a_town_named_by_its_officers_and_residents_is_a_town(analyzer):
    text = ("Treasurer sentenced\n\n"
            "A former Kelbrook town treasurer was sentenced on Friday. \"He betrayed every "
            "resident of Kelbrook,\" the judge said. Kelbrook has since hired an auditor.")
    assert actor_fields(analyzer, text, "kind")["Kelbrook"] == "city"


def test_names_ending_as_places_do_are_places(analyzer):
    text = ("Police log\n\n"
            "Residents of Dunmore Heights met on Monday. The parade went down Orrin Kelby "
            "Way. A West Orrin Drive caller said two men were fighting. A Private Drive caller "
            "said a car was on fire. The Kelbrook Highway Patrol said the road was shut.")
    rows = actor_rows(analyzer, text)
    assert rows["Dunmore Heights"][0] == rows["Orrin Kelby Way"][0] == "place"
    assert rows["West Orrin Drive"] == ("place", 1, ())  # a caller from it is no street
    assert "Drive" not in rows and rows["Kelbrook Highway Patrol"][2] == (5,)


def test_a_party_and_state_after_a_name_is_no_one(analyzer):
    assert speakers(analyzer, (
        "Farm bill passes\n\n"
        "Sen. Dale Brooks, R-Texas, voted against the bill and said it spent too much. "
        '"We are borrowing from our grandchildren," he told reporters. Sen. Ruth Okafor, '
        'D-Minn., backed it. "It protects families," she said.'))[1:] == [
        "Dale Brooks", "Dale Brooks", "", "Ruth Okafor"]


def test_the_company_is_the_one_business_named(analyzer):
    text = ("Job cuts\n\n"
            "Brantor Foods Inc. said on Thursday it would cut 800 jobs. The company said sales "
            "had slumped. The Chicago-based company said it would close two plants. The firm "
            "said it expected savings.")
    assert actor_rows(analyzer, text) == {
        "Brantor Foods Inc": ("organization", 1, (1, 2, 3, 4))}
    # with two, "the company" is the one named last before it
    two = text + " Harrow Holdings said it would buy one plant. The company said it would pay."
    rows = actor_rows(analyzer, two)
    assert rows["Brantor Foods Inc"][2] == (1, 2, 3, 4) and rows["Harrow Holdings"][2] == (5, 6)


def test_football_clubs_are_organizations(analyzer):
    text = ("Rovers sack manager\n\n"
            "Kelbrook Rovers have sacked manager Ian Corrigan after a sixth defeat. Corrigan led "
            "Rovers to ninth place last season. Their next game is against Dunmore United, and "
            "Harbor United said nothing.")
    rows = actor_rows(analyzer, text)
    assert rows["Kelbrook Rovers"][:2] == ("organization", 2)
    assert rows["Dunmore United"][0] == rows["Harbor United"][0] == "organization"
    assert rows["Ian Corrigan"][:2] == ("person", 2) and "Rovers" not in rows
    # the town alone is no club of its name
    town = actor_rows(analyzer, text + " Fans say Kelbrook has waited ten years for a new "
                                       "ground, and Kelbrook will vote on it in May.")
    assert "Kelbrook" in town and town["Kelbrook Rovers"][1] == 2


def test_a_known_name_with_a_possessive_inside_is_that_name(analyzer):
    text = ("Drones shot down\n\n"
            "Russia's Defence Ministry said its forces had shot down 32 drones. The Russian "
            "Defense Ministry said they were aimed at fuel depots.")
    assert actor_rows(analyzer, text) == {
        "Russian Defense Ministry": ("institution", 2, (1, 2))}


def test_the_ends_of_a_route_and_where_one_travels_to_are_towns(analyzer):
    text = ("Rail upgrade scrapped\n\n"
            "The Harwick to Dunmore rail upgrade was scrapped. Nurse Joanne Reid travels to "
            "Orrinby every day. Orrinby will suffer, she said, and Harwick and Dunmore too.")
    kinds = actor_fields(analyzer, text, "kind")
    assert kinds["Harwick"] == kinds["Dunmore"] == kinds["Orrinby"] == "city"
    assert kinds["Joanne Reid"] == "person"


def test_the_writers_own_i_is_the_authors_voice(analyzer):
    rows = voices(analyzer, (
        "Stadium folly\n\n"
        'Mayor Ana Ruiz called the vote "a historic day." I call it a historic mistake. '
        '"I call it a win," Ruiz said. I said last week that the plan would fail.'))
    assert [(voice, speaker) for _, voice, speaker in rows[1:]] == [
        ("attributed", "Ana Ruiz"), ("author", ""), ("quoted", "Ruiz"), ("author", "")]


def test_a_name_run_into_a_headlines_verb_or_a_second_name_is_cut(analyzer):
    text = ("News\n\n"
            "The site ran Dana Kelby Offers Advice on the plan. Tom Brisk Orla Venn feud grows "
            "as Dana Kelby speaks. James Earl Ray and Sarah Jessica Parker came.")
    kinds = actor_fields(analyzer, text, "mentions")
    assert kinds["Dana Kelby"] == 2 and {"Tom Brisk", "Orla Venn"} <= set(kinds)
    assert {"James Earl Ray", "Sarah Jessica Parker"} <= set(kinds)


def test_one_who_asked_not_to_be_named_speaks_and_the_wish_is_no_report(analyzer):
    # "asked not to be named" was a report of its own, whose subject the sentence's speaker
    # became ("One"); "A man who lives nearby, …, said" had no speaker
    text = ("Shots fired\n\n"
            "A man who lives nearby, who asked not to be named, said he heard two shots. One "
            "neighbour, who asked not to be named, said he was scared. The woman asked not to "
            "be identified.")
    assert [v[1:] for v in voices(analyzer, text)[1:]] == [
        ("attributed", "a man who lives nearby"), ("attributed", "One neighbour"),
        ("author", "")]


def test_a_surname_shared_by_a_family_tells_no_gender(analyzer):
    # "Marrable" alone was taken for a man (her husband and son share it), so "she" after her
    # words passed over her to the last woman named: the goose of her books
    text = ("Author dies\n\n"
            "Elspeth Marrable, who wrote the Tumbledown books, has died. She married Douglas "
            "Marrable in 1959; their son is Callum Marrable.\n\n"
            "Marrable always insisted that Agatha, her goose, was not based on anyone. “People "
            "have been accusing each other of it for years,” she told the Herald.")
    assert speakers(analyzer, text)[-1] == "Marrable"


def test_she_with_no_one_named_is_the_unnamed_person_just_before(analyzer):
    # "The mayor said … “…,” she said": "she" was left unresolved with no name before it
    text = ("Harbour plan\n\n"
            "The council approved the plan on Monday.\n\n"
            "The mayor said the vote was a relief. “We have waited ten years,” she said.\n\n"
            "The former mayor called it a mistake. He said it would cost millions.\n\n"
            "The judge set a date. Witnesses arrived late. Then she said the trial would go "
            "on.")
    assert speakers(analyzer, text)[2:] == [
        "the mayor", "the mayor", "the former mayor", "the former mayor", "", "",
        "she"]  # (the judge two sentences back: too far)


def test_a_verb_of_saying_after_then_is_the_first_verbs_subjects(analyzer):
    # "She paused, then added": no speaker was found past "paused,"
    assert speakers(analyzer, (
        "Budget\n\n"
        "Dolores Pruitt, the treasurer, said the fund was empty. She paused, then added: "
        "“Fine. The band too.” Tom Abery sighed and then said the club would close."))[1:] == [
            "Dolores Pruitt", "Dolores Pruitt", "Tom Abery"]


def test_letters_after_a_name_are_no_part_of_it(analyzer):
    text = ("Fraud trial\n\n"
            "Cross-examining her, Gideon Farrant KC, for the prosecution, asked why. Ada Rusk "
            "OBE, the founder, said the charity had been let down. “You were the treasurer,” "
            "Farrant said. Rusk added that the trial was long.")
    assert speakers(analyzer, text)[1:] == ["Gideon Farrant", "Ada Rusk", "Farrant", "Rusk"]
    rows = actor_rows(analyzer, text)
    assert set(rows) == {"Gideon Farrant", "Ada Rusk"}  # ("Farrant", "Gideon Farrant KC")


def test_a_name_beside_the_subjects_noun_speaks_for_a_participle(analyzer):
    assert speakers(analyzer, (
        "Court case\n\n"
        "His attorney, Rachel Stein, had asked for a sentence of three years, citing his "
        "health. The town manager, Gary Wills, said the town had changed its rules, adding "
        "that checks were now approved twice. The head of the union, Mara Vell, walked "
        "out on Monday, saying the offer was an insult."))[1:] == [
            "Rachel Stein", "Gary Wills", "Mara Vell"]


def test_a_company_with_shares_in_it_or_jobs_at_it_is_no_place(analyzer):
    text = ("Layoffs\n\n"
            "Kessmoor Therapeutics said it would cut 300 jobs. Shares in Kessmoor fell 4 percent. "
            "The cuts are the second round of layoffs at Kessmoor this year, and Kessmoor said "
            "more could follow. Dana Reyes, an analyst at Brellin Securities, said Kessmoor had "
            "waited too long.")
    rows = actor_rows(analyzer, text)
    assert rows["Kessmoor Therapeutics"] == ("organization", 5, (1, 3))
    assert rows["Brellin Securities"][0] == "organization"
    # "said Kessmoor had waited": the name opens what was said, Dana Reyes says it
    assert speakers(analyzer, text)[-1] == "Dana Reyes"
    assert "Kessmoor" not in rows
    # a town written "in Kessmoor" is still the town's name, not the company's
    town = actor_rows(analyzer, text + " Families in Kessmoor said little.")
    assert "Kessmoor" in town


def test_a_companys_title_of_several_words_is_no_part_of_the_name(analyzer):
    text = ("Carmaker cuts forecast\n\n"
            "Vellbrook Motors cut its forecast. \"We are not going to chase volume,\" Vellbrook "
            "Chief Executive Ilse Brandt said. Vellbrook Chief Operating Officer Tom Abery said "
            "the plant would close for six weeks.")
    assert speakers(analyzer, text)[2:] == ["Ilse Brandt", "Tom Abery"]
    assert {"Ilse Brandt", "Tom Abery"} <= set(actor_rows(analyzer, text))


def test_a_township_an_award_or_a_summit_is_no_person(analyzer):
    text = ("Race conceded\n\n"
            "Dale Hennick, a state senator, conceded in a speech at a hotel in nearby Orrin "
            "Township. He said turnout had fallen short. Wren Ashby, whose debut won the "
            "Penhallow Prize, spoke at the Aldermere Climate Summit. She said it was a start.")
    assert speakers(analyzer, text)[2:] == ["Dale Hennick", "", "Wren Ashby"]
    kinds = actor_fields(analyzer, text, "kind")
    assert all(kinds.get(name) != "person" for name in (
        "Orrin Township", "Penhallow Prize", "Aldermere Climate Summit"))


def test_a_short_clause_after_said_is_what_was_said(analyzer):
    # "said prices were high": a clause of its own, not an inverted speaker ("said officials")
    assert speakers(analyzer, (
        "Costs\n\n"
        "Teresa Vukova, a nurse, said prices were high. Omar Bakri, a baker, said costs rose "
        "again. The plan is bad, said officials in Kelbrook."))[1:] == [
        "Teresa Vukova", "Omar Bakri", "officials"]


def test_the_person_before_a_chain_of_appositives_speaks(analyzer):
    assert speakers(analyzer, (
        "Views\n\n"
        "Teresa Vukova, director of the Harbor Patients' Alliance, a charity, said prices were "
        "high. Bernd Kolle, mayor of Kressmoor, a town of 40,000 in the state of Orrin, said "
        "towns were alone. One of them, 19-year-old Mele Tauva from Kelbrook, said she had "
        "walked for days. Ray Doucet, a retired welder who said he had voted twice, said he "
        "backed the plan. Dr. Helen Marsh, a doctor at Corran University, said older "
        "patients and those with diabetes, who are more prone to infections, might be at risk. "
        "The plan, said local officials, is bad."))[1:] == [
        "Teresa Vukova", "Bernd Kolle", "Mele Tauva", "Ray Doucet", "Helen Marsh",
        "local officials"]


def test_he_or_she_is_the_one_who_spoke_before_not_the_last_name(analyzer):
    assert speakers(analyzer, (
        "Bail hearing\n\n"
        "Prosecutor Gareth Pryce told the judge that Tom Abery had fled once before. He argued "
        "that Abery was a flight risk. Councilman Dale Orrin, whose ward includes Kelbrook, "
        "said he would call the police chief. \"People should feel safe,\" he said. Jonah "
        "Pell, a strategist who advised one of Orrin's rivals, was blunter. He said the party "
        "had picked the wrong man. Ana Ruiz said Tom Kent would resign, but she said the "
        "timing was open."))[1:] == [
        "Gareth Pryce", "Gareth Pryce", "Dale Orrin", "Dale Orrin", "Jonah Pell", "Jonah Pell",
        "Ana Ruiz"]


def test_he_or_she_after_a_name_in_its_own_sentence_is_that_name(analyzer):
    # the sentence names someone before the pronoun: that person, not the last speaker
    assert speakers(analyzer, (
        "Names\n\n"
        "Dana Reyes said the list was long. Rose Kell is naming names, and she says more "
        "will follow. Maria Lopez said no one had called. Then Tom Abery, a driver, said he "
        "had called twice."))[1:] == ["Dana Reyes", "Rose Kell", "Maria Lopez", "Tom Abery"]


def test_a_quotation_ending_in_a_verb_keeps_its_speaker(analyzer):
    # "…is,” said X": no passive, no "should be" prescription across the quotation's end
    assert speakers(analyzer, (
        "Talks\n\n"
        '"It is where the money is," said Lena Vuetil. "You cannot sign a text with a hole '
        'where the money should be," said Lena Vuetil. "Our concerns have been listened to," '
        'said Eileen Marsh.'))[1:] == ["Lena Vuetil", "Lena Vuetil", "Eileen Marsh"]


def test_who_speaks_past_a_thing_a_participle_or_an_object(analyzer):
    assert speakers(analyzer, (
        "Layoffs\n\n"
        'The plan sets aside units as "affordable" — a term several speakers said had been '
        "stretched. The company cut 1,100 jobs last year, a move Ana Ruiz at the time described "
        "as a one-off. Employees reached by the Kelbrook Post described a tense mood. The Orrin "
        "Workers Guild, a union that has been trying to organise staff at several firms, "
        "criticised the move. The firm plans to seek approval, according to its chief "
        "executive, Lionel Marr. The pill cut the risk, according to a trial published Monday, "
        "results that experts called promising. The plan drew no figure for the fund, a gap "
        "that delegates from poorer nations called unacceptable."))[1:] == [
        "several speakers", "Ana Ruiz", "Employees", "the Orrin Workers Guild", "Lionel Marr",
        "a trial", "delegates from poorer nations"]


def test_a_thing_called_a_name_and_talks_as_a_noun_report_nothing(analyzer):
    rows = voices(analyzer, (
        "Climate talks stall as island nations warn of 'death sentence'\n\n"
        "The study tested a once-daily drug called tenarovix, made by a firm. Ana Ruiz called "
        "the plan a disaster."))
    assert [(voice, speaker) for _, voice, speaker in rows] == [
        ("attributed", "island nations"), ("author", ""), ("attributed", "Ana Ruiz")]


def test_a_firm_with_an_ampersand_and_its_spokesman(analyzer):
    text = ("Fire\n\n"
            "A spokesman for Cascadia Power & Light, the regional utility, said the company was "
            "aware. The study was done by Brennock & Shaw, a consultancy. Brennock & Shaw said "
            "it stood by the study. Officials at Kelbrook Homes said they would pay. Mexico & "
            "Canada signed.")
    assert speakers(analyzer, text)[1:4:2] == [
        "a spokesman for Cascadia Power & Light", "Brennock & Shaw"]
    rows = actor_rows(analyzer, text)
    assert rows["Cascadia Power & Light"] == ("organization", 1, (1,))
    assert rows["Brennock & Shaw"] == ("organization", 2, (3,))
    assert rows["Kelbrook Homes"] == ("organization", 1, (4,))
    assert rows["Mexico"][0] == rows["Canada"][0] == "country"


def test_a_pastor_of_a_church_is_the_he_after_him(analyzer):
    assert speakers(analyzer, (
        "Flood\n\n"
        "County director Henry Obi said the river would fall. Pastor Kwame Adu of Marlowe "
        "Baptist Church had brought a van of bedding. \"People are tired,\" he said."))[1:] == [
        "Henry Obi", "", "Kwame Adu"]


def test_the_company_is_the_business_named_last_before_it(analyzer):
    text = ("Markets\n\n"
            "Tomas Wex, an analyst at Brellin Securities, said rates would stay high. Halvern "
            "Bank shares fell 9% after the lender said it would set aside $1.4 billion. Shares "
            "in Vellbrook Motors fell 6%. The company said it would cut production. Orvane "
            "Systems agreed to buy Kestrel Shield Inc. for $2 billion, the software maker said.")
    rows = actor_rows(analyzer, text)
    assert rows["Halvern Bank"][2] == (2,) and rows["Vellbrook Motors"][2] == (4,)
    assert rows["Orvane Systems"][2] == (5,) and rows["Brellin Securities"][2] == ()


def test_the_company_is_not_the_firm_of_an_analyst_named_since(analyzer):
    text = ("Quillfire to cut jobs\n\n"
            "Quillfire, the workplace software company, said on Tuesday that it would lay off "
            "about 1,400 employees. A Quillfire spokesperson said the company had tried to be "
            "fair. Harriet Osei, an analyst at Calder Wynne Securities, said the cuts were "
            "overdue. Priyanka Dhillon of Westerly Research wrote in a note to clients that the "
            "balance sheet remained strong. The company said it expected to record charges.")
    rows = actor_rows(analyzer, text)
    assert rows["Quillfire"] == ("organization", 2, (1, 2, 5))
    assert rows["Harriet Osei"][2] == (3,) and rows["Priyanka Dhillon"][2] == (4,)
    assert rows["Calder Wynne Securities"][2] == rows["Westerly Research"][2] == ()
    # named alone, the analyst's firm is the one "the company" names
    alone = actor_rows(analyzer, "Priyanka Dhillon of Westerly Research said prices would "
                                 "rise. The company said it had raised its forecast.")
    assert alone["Westerly Research"][2] == (1,)


def test_a_unit_a_district_a_plan_and_a_firms_short_name(analyzer):
    text = ("Rezoning\n\n"
            "Staff in the company's Orbix unit were told first, and its Orbix storage arm will "
            "close. A bartender was stabbed in Port Ellery's Kelmarsh district, and Councilman "
            "Dale Orrin, whose ward includes Kelmarsh, spoke of Kelmarsh's fear. The Harrow Yards Framework allows "
            "eight storeys. The bid came from Lantern Point Developments. Lantern Point did not "
            "comment, but a spokesman for the company said it had no deal.")
    kinds = actor_fields(analyzer, text, "kind", "mentions")
    assert kinds["Orbix"] == ("name", 2) and kinds["Kelmarsh"] == ("city", 2)
    assert kinds["Harrow Yards Framework"][0] == "name"
    assert kinds["Lantern Point Developments"] == ("organization", 2)
    assert actor_rows(analyzer, text)["Lantern Point Developments"][2] == (5,)


def test_a_bodys_name_goes_on_past_for(analyzer):
    text = ("Asylum\n\n"
            "The Council for Refugee Protection, a group of charities, said the bill was "
            "unlawful. According to figures from the Federal Office for Migration and Refugees, "
            "claims rose. Opponents, organised by a group called Ashgrove Parents for Fair "
            "Schools, spoke. Votes for Dana Reyes rose.")
    assert speakers(analyzer, text)[1:3] == [
        "the Council for Refugee Protection", "the Federal Office for Migration and Refugees"]
    kinds = actor_fields(analyzer, text, "kind")
    assert kinds["Council for Refugee Protection"] == "organization"
    assert kinds["Federal Office for Migration and Refugees"] == "organization"
    assert kinds["Ashgrove Parents for Fair Schools"] == "organization"
    assert kinds["Dana Reyes"] == "person"


def test_a_business_named_after_its_trade_and_a_clause_before_a_participle(analyzer):
    text = ("Markets\n\n"
            "The Kelbrook Composite fell 1%. Orvane Systems agreed to buy security firm Kestrel "
            "Shield. Shares in Vellbrook Motors fell 6% after the carmaker cut its forecast, "
            "citing weak demand. The senator attacked the plan as the vote began, saying it was "
            "rushed. Property developer Aras Kelling bought the site.")
    assert speakers(analyzer, text)[3:5] == ["the carmaker", "the senator"]
    rows = actor_rows(analyzer, text)
    assert rows["Kestrel Shield"][0] == "organization"
    assert rows["Kelbrook Composite"][0] == "name"
    assert rows["Vellbrook Motors"][2] == (3,)
    assert rows["Aras Kelling"][0] == "person"


def test_states_and_provinces_of_other_countries_are_regions(analyzer):
    text = ("Asylum\n\n"
            "Bernd Kolle, mayor of Kressmoor, a town in Lower Saxony, said towns in Saxony, "
            "North Rhine-Westphalia, Tuscany, Kerala and Manitoba faced the same problem.")
    kinds = actor_fields(analyzer, text, "kind", "country")
    assert kinds["Lower Saxony"] == ("region", "Germany")
    assert {kinds[name][0] for name in ("Saxony", "North Rhine-Westphalia", "Tuscany", "Kerala",
                                        "Manitoba")} == {"region"}


def test_police_ranks_attorneys_and_a_title_before_the_name_in_commas(analyzer):
    assert speakers(analyzer, (
        "Strike\n\n"
        "Assistant U.S. Attorney Dana Reyes said the money was gone. Det Supt Grant Ferris "
        "said the girl was safe. The Transport Secretary, Helena Voss, accused the union of "
        "holding travellers to ransom. Writing on X, she added that the offer stood. Parents I "
        "spoke to in Kelbrook said the school mattered. His daughter and business partner, Rose "
        "Hollis, was equally keen, describing the bakery as a gift. The National Association "
        "for Small & Rural Schools, which represents 1,900 schools, said the plan was flawed."
    ))[1:] == ["Dana Reyes", "Grant Ferris", "Helena Voss", "Helena Voss", "Parents",
               "Rose Hollis", "the National Association for Small & Rural Schools"]


def test_a_clubs_town_alone_and_a_possessive_opening_a_sentence(analyzer):
    text = ("Late header earns a point\n\n"
            "Will Okafor scored late as Kelbrook Rovers drew 2-2 with Ashworth Town. Ashworth "
            "led at the break, and Ashworth manager Ingrid Solberg was unhappy. Captain Drew "
            "Ellison was sent off. Ellison will serve a ban, and club sources said Rovers will "
            "not appeal. The result leaves Kelbrook 11th, behind Ashworth, and Kelbrook host "
            "Dunmore next.\n\n"
            "Solberg's final word was for the fans. \"They deserved better,\" she said.")
    assert speakers(analyzer, text)[-1] == "Ingrid Solberg"
    kinds = actor_fields(analyzer, text, "kind")
    assert kinds["Ashworth"] == kinds["Kelbrook"] == "city"
    assert kinds["Ashworth Town"] == "place" and kinds["Kelbrook Rovers"] == "organization"


def test_a_model_with_a_number_is_no_person(analyzer):
    kinds = actor_fields(analyzer, (
        "Phone launch\n\n"
        "The phone runs on the Tern X3 chip, which Orvane Systems says is faster than the "
        "Kelby Q7 and the Tern X3 before it."), "kind")
    assert "Tern X3" not in kinds and "Kelby Q7" not in kinds
    assert kinds["Orvane Systems"] == "organization"


def test_a_datelines_town_of_several_words_in_capitals(analyzer):
    kinds = actor_fields(analyzer, (
        "Verdict\n\n"
        "HARLOW FALLS, Ohio - A jury convicted Ana Ruiz on Thursday. Prosecutors said the "
        "verdict was fair."), "kind")
    assert kinds["HARLOW FALLS"] == "city" and "FALLS" not in kinds


def test_he_after_the_unnamed_manager_is_the_one_called_manager(analyzer):
    text = ("Draw\n\n"
            "Kelbrook drew 2-2 with Dunmore, leaving manager Grant Hallow pleased with a point "
            "away from home. The striker Will Okafor scored in the final minute of the match. "
            "Asked whether Okafor had done enough to keep his place, the manager smiled. \"Ask "
            "me on Monday,\" he said.")
    assert speakers(analyzer, text)[-1] == "Grant Hallow"
    # with no one called so, the last name named stays his after an opening phrase
    other = ("Rally\n\n"
             "Dale Brook has defended the plan. Speaking at a rally, the president claimed it "
             "worked. He told the crowd: \"It works.\"")
    assert speakers(analyzer, other)[-1] == "Dale Brook"


def test_a_phone_maker_named_mobile_is_a_business(analyzer):
    kinds = actor_fields(analyzer, (
        "Phones\n\n"
        "A spokesperson for Kestrel Mobile, whose phones lead the market, said it welcomed "
        "rivals. Brantor Telecom said nothing."), "kind")
    assert kinds["Kestrel Mobile"] == kinds["Brantor Telecom"] == "organization"


def test_a_quotation_then_laughed_and_a_name_is_that_persons(analyzer):
    report = analyzer.analyze(
        "Bakery opens\n\n"
        "\"I genuinely thought we would have leftovers,\" laughed Ms Boateng, 34, still dusted "
        "in flour. \"I made a hundred buns.\"")
    assert [q.speaker for q in report.quotes] == ["Boateng", "Boateng"]


def test_a_quotation_alone_after_someone_reported_is_theirs_not_the_last_quoted(analyzer):
    text = ("Results\n\n"
            "\u201cHow sure are you?\u201d asked Jo Pell, an analyst at Brackner Hale.\n\n"
            "Another analyst pressed the chief financial officer, Dan Whitlow, on the "
            "forecast. It did not assume a recovery, Whitlow said. \u201cWe have taken Europe as "
            "flat for the rest of the year.\u201d")
    assert speakers(analyzer, text)[-1] == "Whitlow"
    # (a quotation with words of the writer's around it keeps the last quotation's speaker,
    # and a pronoun no one was found for is not taken)
    other = ("Tweets\n\n"
             "\u201cIt was a disgrace,\u201d said Ana Lind. Many online said it was fake. She "
             "captioned a photo \u201cstill here.\u201d")
    assert speakers(analyzer, other)[-1] != "Many online"


@pytest.mark.parametrize("line, speaker", [
    ("\u201cWe are disgusted by these reports,\u201d the statement reads.", "the statement"),
    ("\u201cWe are disgusted by these reports,\u201d Ana Lind continued.", "Ana Lind"),
    ("\u201cWho will make up the lost time? Not the union,\u201d raged one dad.", "one dad"),
    ("\u201cWhere does the water go? Into our homes,\u201d stormed one furious resident.",
     "one furious resident"),
])
def test_a_quotation_closed_by_a_verb_the_lexicon_lacks_names_its_speaker(analyzer, line,
                                                                          speaker):
    """"reads", "continued", "raged", "stormed" after a quotation: its speaker or document
    (was no one, or the speaker of the quotation before)."""
    text = f"Row\n\n\u201cIt is a mess,\u201d said Tom Reyes. {line}"
    assert speakers(analyzer, text)[-1] == speaker


def test_she_is_the_woman_named_by_her_first_name_alone_not_the_man_before(analyzer):
    text = ("Fire\n\n"
            "His son, Eli, drove up overnight. Eli said his father had refused to leave. "
            "\u201cWe have nothing now,\u201d said Maria, who asked that her surname not be "
            "used. She said she had rented a cottage in Dunmore Flats for six years.")
    assert speakers(analyzer, text)[-1] == "Maria"
    # a first name that is someone's surname says nothing of who they are
    other = ("Vote\n\n"
             "Dana Rhys Maria won the seat. Tom Hale came second. \u201cIt was close,\u201d "
             "said Maria. He said the count was fair.")
    assert speakers(analyzer, other)[-1] == "Maria"


def test_she_is_no_town_written_after_town_of(analyzer):
    text = ("Shop\n\n"
            "For 38 years, Ines Calloway has run the only bookshop in the market town of "
            "Marrowby. She is 71 and, as she puts it, \u201cthe stairs have started winning.\u201d")
    assert speakers(analyzer, text)[-1] == "Ines Calloway"


@pytest.mark.parametrize("sentence, speaker", [
    # the object of the relative clause's last verb was taken for the speaker
    ("A senior official who spoke on condition of anonymity because he was not authorized to "
     "discuss the negotiations said Manila had pushed for the pact.", "a senior official"),
    ("A worker who asked not to be named because she feared losing her job said the line was "
     "unsafe.", "a worker"),
    ("A man who left because police said he was armed was arrested.", "police"),
    # a plural noun of people before "in" and a place: the people ("Manila" was)
    ("Diplomats in Manila said the hotline had been under discussion for a year.",
     "Diplomats in Manila"),
])
def test_who_speaks_after_a_long_relative_clause_or_a_place(analyzer, sentence, speaker):
    assert speakers(analyzer, f"Talks\n\n{sentence}")[-1] == speaker


def test_claims_after_have_is_a_noun_not_a_report(analyzer):
    assert voices(analyzer, "Sea\n\nThe Philippines and Vietnam both have claims in the sea "
                            "that overlap with each other's.")[-1][1:] == ("author", "")


def test_a_name_written_with_which_is_no_person(analyzer):
    kinds = actor_fields(analyzer, (
        "Forecast\n\n"
        "Analysts had expected $2.4 billion, according to Tallyview, which compiles "
        "estimates. Tallyview said the forecast was low."), "kind")
    assert kinds["Tallyview"] == "organization"


def test_he_is_not_the_man_the_quotation_speaks_of(analyzer):
    text = ("Derby\n\n"
            "Kieran Mallory scored twice on Saturday. Asked about his opening goal, after he had "
            "beaten the Castlebridge captain Owen Petrakis to a loose ball, he smiled. "
            "\u201cOwen\u2019s a good player and he\u2019ll be gutted about that one,\u201d he "
            "said.")
    assert speakers(analyzer, text)[-1] == "Kieran Mallory"
    # (a name that only shares a middle word with one in the quotation is still theirs)
    other = ("Mill\n\n"
             "Nora Hale Pruitt, the trust's chair, spoke last. \u201cNo one would be prouder "
             "than the founder, Amos T. Hale,\u201d she said.")
    assert speakers(analyzer, other)[-1] == "Nora Hale Pruitt"


def test_common_first_names_of_many_languages_say_who_she_is(analyzer):
    text = ("Shop\n\n"
            "Ines Calloway has run the bookshop for 38 years with Tomas Reyes. \u201cWe argued "
            "every day,\u201d she said.")
    assert speakers(analyzer, text)[-1] == "Ines Calloway"


def test_waters_islands_magazines_and_an_agency_s_credit_are_no_people(analyzer):
    kinds = actor_fields(analyzer, (
        "KELBY, Ruritania (Wirenews) \u2014 Boats clashed in the Gulf of Varn on Friday, near "
        "the Sarn Islands. The actor told Glint magazine she was happy. Orlen Minerals said "
        "output fell. A Kelby newspaper ran the story."), "kind")
    assert "Wirenews" not in kinds  # (a person, named by no one but the credit)
    assert kinds["Gulf of Varn"] == kinds["Sarn Islands"] == "place"
    assert kinds["Glint"] == kinds["Orlen Minerals"] == "organization"
    assert kinds.get("Kelby") != "organization"  # (a town's paper, not an outlet named Kelby)


@pytest.mark.parametrize("story, speaker, actor", [
    ("Mill Lane Bakery named Delia Prentiss its new manager on Monday. Prentiss, 52, ran a "
     "cafe in Harwick for a decade. The 52-year-old said the ovens would stay.", "Prentiss",
     "Delia Prentiss"),
    ("Police said a 24-year-old man, Ronan Ashby, had been charged with burglary. The "
     "24-year-old told officers he had been at home all evening.", "Ronan Ashby", "Ronan Ashby"),
    ("The court heard that Ivo Mertens (31) had left the car unlocked. The 31-year-old said "
     "he had been distracted.", "Ivo Mertens", "Ivo Mertens"),
    # a role before the name, short or in full, or after it
    ("Sen. Amy Roe and finance chief Delia Prentiss met reporters. “We will not back down,” "
     "the senator said. The finance chief said the numbers were sound.", "Delia Prentiss",
     "Delia Prentiss"),
    ("Sen. Amy Roe and finance chief Delia Prentiss met reporters. The finance chief said the "
     "numbers were sound. “We will not back down,” the senator said.", "Amy Roe", "Amy Roe"),
    ("Rovers signed Ty Beck, the club’s new goalkeeper, on Friday. The goalkeeper said he was "
     "thrilled.", "Ty Beck", "Ty Beck"),
    # two of that age or role, or none named so, or only in the headline: it stays
    ("Ana Ruiz, 40, and Beth Cole, 40, run the shop. The 40-year-old said sales were up.",
     "the 40-year-old", ""),
    ("Ana Ruiz, 41, runs the shop. The 40-year-old said sales were up.", "the 40-year-old", ""),
    ("Judge Ana Ruiz and Judge Beth Cole sat together. The judge said the case was closed.",
     "the judge", ""),
    ("Judge Tells Farmer No\n\nA county court sat on Monday. The judge said the case was "
     "closed.", "the judge", ""),
])
def test_a_speaker_described_by_age_or_role_is_the_person_named_so(analyzer, story, speaker,
                                                                    actor):
    said = speakers(analyzer, story)
    assert said[-1] == speaker
    if actor:  # and the person's actor counts the sentence as theirs
        assert len(said) - 1 in actor_fields(analyzer, story, "source_sentences")[actor]


@pytest.mark.parametrize("story", [
    # a business's name alone, after its name of two words
    "Dana Reyes became finance chief at Corvane Logistics in 2022. The finance chief, who "
    "left a bank before joining Corvane, is blunt. “We said yes to everyone,” she said.",
    # a town before "-based"
    "Dana Reyes runs the Brannock-based freight firm. Her office is in Brannock. “We said "
    "yes to everyone,” she said.",
    # a business after its trade
    "Dana Reyes spent years at the investment bank Hollister Brandt. “We said yes to "
    "everyone,” she said.",
    # a seat's places, a dateline's region, a town's ending, a business written ", which"
    "Dana Reyes, the member for Wenlow and Cresby, rose. She said the last bus from Cresby "
    "left at four.",
    "DROVASK, Karvenia — Dana Reyes spoke first. Karvenia votes on Sunday. “We will not "
    "fall,” she said.",
    "Dana Reyes spoke to me from her home in Veldhaven. “I never meant to stay,” she said.",
    "Dana Reyes rejected an offer from Verdance Waste, which runs the bins. Verdance wants "
    "a deal. “It knows what to do,” she said.",
])
def test_she_is_no_business_or_town_named_by_one_word(analyzer, story):
    assert speakers(analyzer, story)[-1] == "Dana Reyes"


@pytest.mark.parametrize("story, speaker", [
    # a name credited after a dash (a live blog's vox pop), not the last speaker
    ("Dana Reyes said the road was shut.\n\n09:05 — “The sea came over the wall and kept "
     "coming.” — Ivo Mertens, who runs a café on the quay", "Ivo Mertens"),
    ("Dana Reyes said the road was shut.\n\n“Not one bus has come.” – Jago Pascoe, 19, "
     "student", "Jago Pascoe"),
    # a role written as an owner's, then the name
    ("“She is the least sentimental person I know,” said Corvane’s chief executive, Mark "
     "Hale.", "Mark Hale"),
    # what a quotation is read from, not the last speaker
    ("Ivo Mertens said the bid was low. A statement on the club website on Tuesday read: "
     "“The club has received no offer.”", "a statement"),
])
def test_a_quotation_credited_after_it_or_read_from_something_is_theirs(analyzer, story,
                                                                         speaker):
    assert analyzer.analyze(story).quotes[-1].speaker == speaker


def test_a_short_quotation_credited_after_a_dash_is_its_sentence_quoted(analyzer):
    """A vox pop line of a short quotation and a long credit was the author's voice."""
    story = ("Dana Reyes said the road was shut.\n\n09:05 — “The sea came over the wall.” — "
             "Ivo Mertens, who runs a café on the harbour front at the quay\n\n"
             "The vote — “a disgrace” — Jago Pascoe said, passed.")
    assert voices(analyzer, story)[1][1:] == ("quoted", "Ivo Mertens")
    assert voices(analyzer, story)[2][1:] == ("attributed", "Jago Pascoe")  # (no credit)


def test_a_speaker_who_continues_before_a_colon(analyzer):
    """"The minister continued: “…”" was the author's voice: no verb of saying leads in."""
    story = ("The minister, Petra Quill, spoke for ten minutes. “We will not be moved,” she "
             "said. The minister then continued: “Nor will we be rushed, or bullied.”")
    voice, speaker = voices(analyzer, story)[-1][1:]
    assert voice != "author" and speaker == "Petra Quill"  # ("The minister, Petra Quill,")


@pytest.mark.parametrize("story, speaker", [
    # the one asked, not the one the question named
    ("Rovan Pell led the session. Asked whether he had spoken to chairman Ivo Tarrant about "
     "his future, he said: “We speak every day.”", "Rovan Pell"),
    # a club ("Wexmoor United") and a training ground are no "he"
    ("Rovan Pell insisted that Wexmoor United are fine.\n\nThe session was calm at the club’s "
     "Fenholt training ground.\n\n“I read that too,” he said.", "Rovan Pell"),
])
def test_he_is_not_the_one_asked_about_nor_a_club_or_a_site(analyzer, story, speaker):
    assert speakers(analyzer, story)[-1] == speaker


def test_a_sports_position_before_a_name_is_a_title(analyzer):
    story = "Goalkeeper Sam Okoye said the squad remained united."
    assert speakers(analyzer, story) == ["Sam Okoye"]


@pytest.mark.parametrize("story, speaker", [
    # a number's comma is no comma closing an inverted subject
    ("The office, in an emailed response, said the 12,000 figure was right.", "the office"),
    ("The plan would cost millions, said the 1,500-member union, in a statement.",
     "the 1,500-member union"),
])
def test_a_numbers_comma_does_not_cut_a_speaker(analyzer, story, speaker):
    assert speakers(analyzer, story) == [speaker]


@pytest.mark.parametrize("story, speaker", [
    # an outlet named after its kind is no "he"
    ("“Prices will hold,” Ivo Tarrant said, according to the state news agency, Borvik. He "
     "said the ban would be reviewed.", "Ivo Tarrant"),
    # someone introduced unnamed, then "she": the one introduced, not the last person named
    ("Board president Celia Marlow opened the meeting.\n\nThe first speaker of the night, a "
     "junior at the high school, told the board she was tired. “I’m not lazy,” she said.",
     "the first speaker of the night"),
    ("Board president Celia Marlow opened the meeting.\n\nOne parent told the board she works "
     "early. “Who walks her in?” she asked.", "One parent"),
])
def test_she_after_an_outlet_or_someone_introduced_unnamed(analyzer, story, speaker):
    assert speakers(analyzer, story)[-1] == speaker


def test_he_after_a_description_of_someone_named_before_is_that_person(analyzer):
    story = ("Dale Kimber hosts the show. “He lied to me,” the talk-show host said on Tuesday. "
             "He went on to say, “I will not let it go.”")
    assert speakers(analyzer, story)[-1] == "Dale Kimber"


@pytest.mark.parametrize("story, speaker", [
    # what an outlet obtained speaks, not the outlet; a report is its publisher's
    ("The buses failed, according to emails obtained by the Daily Ledger.", "emails"),
    ("The rate rose, according to a report published by the Kessel Institute.",
     "the Kessel Institute"),
    # one of a group, then who it is
    ("One of them, the grocery distributor Fenwick Foods, told officials that it had hired 40 "
     "people.", "Fenwick Foods"),
    ("Two of them, Ann Cole and Ivo Hart, said the plan was fair.", "Ann Cole and Ivo Hart"),
    ("One of them, a retired nurse, said the plan was fair.", "a retired nurse"),
])
def test_the_source_behind_an_outlet_or_a_partitive(analyzer, story, speaker):
    assert speakers(analyzer, story) == [speaker]


def test_a_firm_named_for_its_products_is_it(analyzer):
    story = "Brannock Solvents denied the claims. It said it would fight the suit."
    assert speakers(analyzer, story) == ["Brannock Solvents", "Brannock Solvents"]
    assert actor_fields(analyzer, story, "kind")["Brannock Solvents"] == "organization"


def test_someone_unnamed_beside_a_named_person_speaks_not_that_person(analyzer):
    """"a friend of Ms Quill" said it, not Quill; her spokesman still speaks for her."""
    story = ("The minister, Petra Quill, rose to speak.\n\n“Rubbish!” heckled an opposition MP "
             "from the benches behind Ms Quill.\n\n“We back her,” said a friend of Ms Quill."
             "\n\n“No,” said a spokesman for Ms Quill.")
    assert speakers(analyzer, story)[1:] == [
        "an opposition MP from the benches behind Ms Quill", "a friend of Ms Quill",
        "a spokesman for Ms Quill"]
    assert actor_fields(analyzer, story, "source_sentences")["Petra Quill"] == (3,)


@pytest.mark.parametrize("lead, speaker", [
    # a person leads into a quotation with a colon and no verb of saying
    ("A user posting as @harbourcat took the opposite view:", "A user posting as @harbourcat"),
    ("Ms Quill was blunt:", "Quill"),
    ("Dana Reyes put it bluntly:", "Dana Reyes"),
    ("The mayor had a message for the council:", "the mayor"),
    ("One resident summed up the mood:", "One resident"),
    ("Ann Cole:", "Ann Cole"),
    ("Vickers:", "Vickers"),  # (the surname of "Ann Vickers", named before)
    # ... not a thing, a name used as a modifier, nor a sentence of two clauses
    ("The message was clear:", ""),
    ("The Vickers campaign was quick to respond, issuing this statement:", ""),
    ("She became so upset that I had to change my answer:", ""),
    ("Top Doctor:", ""),
])
def test_a_person_who_leads_into_a_quotation_with_a_colon(analyzer, lead, speaker):
    story = f"Ann Vickers chaired the meeting.\n\n{lead} “We will not move on this at all.”"
    assert speakers(analyzer, story)[-1] == speaker


def test_a_label_before_a_quotation_is_no_one_we_know_not_the_last_speaker(analyzer):
    story = ("Ann Vickers said the thread was lively.\n\nBlutarski: “The twitter is awesome.”"
             "\n\nAnother option: “Twenty bucks if you stay.”")
    assert speakers(analyzer, story)[1:] == ["", ""]
