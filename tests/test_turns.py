"""Interviews and transcripts: turns labeled with a speaker's name or Q/A are quoted speech."""

from __future__ import annotations

import pytest
from conftest import sentence_starting

from framing import Article
from framing.names import Names
from framing.turns import find_turns

TRANSCRIPT = """Budget talks resumed on Monday. Our correspondent Nadia Okafor spoke with Senator \
Tomas Reyes about the plan.

NADIA OKAFOR: The governor calls the plan reckless. Is it?

TOMAS REYES: It is a disastrous plan, and the so-called "savings" are a fantasy.

On the schools

OKAFOR: What happens to the schools?

REYES: They lose teachers.

The cuts fall hardest on rural districts, in my view.

OKAFOR: Thank you, Senator.

The interview has been edited for length and clarity."""

QA = """The harbour master, Ines Valdor, has run the port for a decade. We asked her about the \
strike.

Q: Is the strike a disaster for the town?

A: It is a catastrophe for the fishermen, frankly.

Q. When will the ships sail again?

A. Not before spring."""


@pytest.fixture(scope="module")
def transcript(analyzer):
    return analyzer.analyze(Article(text=TRANSCRIPT, title="Talking budgets"))


@pytest.mark.parametrize(
    ("prefix", "voice", "speaker"),
    [
        ("Budget talks resumed", "author", ""),
        ("NADIA OKAFOR: The governor calls", "quoted", "Nadia Okafor"),
        ("Is it?", "quoted", "Nadia Okafor"),
        ("TOMAS REYES: It is a disastrous plan", "quoted", "Tomas Reyes"),
        ("On the schools", "author", ""),  # a heading between turns belongs to no one
        ("OKAFOR: What happens", "quoted", "Nadia Okafor"),
        ("REYES: They lose teachers.", "quoted", "Tomas Reyes"),
        ("The cuts fall hardest", "quoted", "Tomas Reyes"),  # the answer runs on
        ("The interview has been edited", "author", ""),  # after the last turn: the writer's
    ],
)
def test_a_transcripts_turns_are_their_speakers_quotations(transcript, prefix, voice, speaker):
    s = sentence_starting(transcript, prefix)
    assert (s.voice, s.speaker) == (voice, speaker)


def test_loaded_words_in_a_turn_are_the_speakers(transcript):
    text = transcript.article.text
    by_word = {text[h.start:h.end].lower(): h for h in transcript.hits}
    assert by_word["disastrous"].voice == "quoted"
    assert by_word["disastrous"].speaker == "Tomas Reyes"
    assert not [h for h in transcript.hits if h.category == "scare_quote"]  # his marks, his words
    assert transcript.metrics.author_loaded_per_1k == 0


def test_transcript_speakers_are_quoted_actors(transcript):
    quoted = {a.name: a.quoted_sentences for a in transcript.actors}
    assert quoted["Tomas Reyes"] == 3
    assert quoted["Nadia Okafor"] == 4


def test_questions_and_answers_are_quoted(analyzer):
    report = analyzer.analyze(Article(text=QA, title="The port"))
    assert sentence_starting(report, "The harbour master").voice == "author"
    for prefix in ("Q: Is the strike", "A: It is a catastrophe", "Q. When", "A. Not before"):
        assert sentence_starting(report, prefix).voice == "quoted"
    assert {h.voice for h in report.hits if h.category == "loaded"} == {"quoted"}
    assert [q.role for q in report.quotes] == ["turn"] * 4
    # the answers are the words of the one person the introduction names
    assert [q.speaker for q in report.quotes] == ["", "Ines Valdor", "", "Ines Valdor"]
    assert {a.name: a.quoted_sentences for a in report.actors}["Ines Valdor"] == 2


def test_answers_stay_unnamed_when_the_introduction_names_two_people(analyzer):
    text = QA.replace("We asked her", "Her deputy, Tomas Berg, joined us. We asked them")
    report = analyzer.analyze(Article(text=text, title="The port"))
    assert [q.speaker for q in report.quotes] == ["", "", "", ""]


HARBOUR_QA = """{intro}

Q: Why did the council wait so long to tell the islanders?

A: They hoped a buyer would come.

Q: Is the bridge a fantasy?

A: It is a plan without money."""


@pytest.mark.parametrize(
    ("intro", "speaker"),
    [
        # the one who asks is left out, named before or after as a reporter, an outlet's, the
        # one spoken to or told
        ("Reporter Ana Ruiz spoke with harbour master Piet Dorn about the last season.",
         "Piet Dorn"),
        ("Harbour master Piet Dorn talked to Ana Ruiz about the last season.", "Piet Dorn"),
        ("The Ledger's Ana Ruiz sat down with Piet Dorn, the harbour master.", "Piet Dorn"),
        ("Ana Ruiz, our correspondent, met the harbour master, Piet Dorn.", "Piet Dorn"),
        # a full name at the start of the text whose first name is no English word
        ("Piet Dorn, the harbour master, has run the port for years. He spoke to Ana Ruiz.",
         "Piet Dorn"),
        ("Piet Dorn and Ana Ruiz run the port together.", ""),  # two, neither asks
    ],
)
def test_the_interviewee_is_the_person_named_who_does_not_ask(analyzer, intro, speaker):
    text = HARBOUR_QA.format(intro=intro)
    report = analyzer.analyze(Article(text=text, title="The port"))
    for prefix in ("A: They hoped", "A: It is a plan"):
        assert sentence_starting(report, prefix).speaker == speaker, prefix
    assert sentence_starting(report, "Q: Is the bridge").speaker == ""


NOT_TRANSCRIPTS = {
    "a dateline": "NEW DELHI: The monsoon arrived early.\n\nFarmers welcomed it.\n\n"
                  "Officials said the reservoirs would fill.",
    "headings that repeat": "NOT TRUE: The moon is cheese.\n\nTHE RECORD: It is rock.\n\n"
                            "NOT TRUE: Cats can fly.\n\nTHE RECORD: They cannot.",
    "a list of contacts": "Reporting by the desk.\n\nAnn Cole: 555-0101\n\n"
                          "David Lightfoot: 555-0102\n\nMaria Chen: 555-0103",
    "one speaker only": "TOMAS REYES: We must act.\n\nREYES: Now.\n\nREYES: Today.",
    "two answers": "A: Yes.\n\nThe vote is on Monday.\n\nA: No.",
}


@pytest.mark.parametrize("name", list(NOT_TRANSCRIPTS))
def test_labels_that_make_no_dialogue_are_not_turns(name):
    text = NOT_TRANSCRIPTS[name]
    assert find_turns(text, Names()) == []


def test_turn_spans_cover_their_paragraphs():
    turns = find_turns(TRANSCRIPT, Names())
    assert [TRANSCRIPT[q.start:q.end].split(":")[0] for q in turns] == [
        "NADIA OKAFOR", "TOMAS REYES", "OKAFOR", "REYES",
        "The cuts fall hardest on rural districts, in my view.", "OKAFOR"]
    assert all(a.end < b.start for a, b in zip(turns, turns[1:]))


QUOTED_TRANSCRIPT = """Halvorsen: Harbour Deal Is Dead
On Sunday's broadcast, Governor Erik Halvorsen discussed the harbour deal.
Partial transcript as follows:
"MARLOWE: Is the deal dead?
Tell us plainly.
"HALVORSEN: It is dead, and the "reforms" were a sham.
"MARLOWE: Why?
"HALVORSEN: Because the council lied."""


def test_a_transcript_line_by_line_with_running_quotation_marks(analyzer):
    report = analyzer.analyze(Article(text=QUOTED_TRANSCRIPT, title="Halvorsen: Harbour Deal Is Dead"))
    assert sentence_starting(report, "Halvorsen: Harbour Deal").kind == "headline"
    assert sentence_starting(report, "Halvorsen: Harbour Deal").voice != "quoted"
    assert sentence_starting(report, "Partial transcript").voice == "author"
    for prefix, speaker in (('"MARLOWE: Is the deal', "Marlowe"), ("Tell us plainly", "Marlowe"),
                            ('"HALVORSEN: It is dead', "Erik Halvorsen"),
                            ('"HALVORSEN: Because', "Erik Halvorsen")):
        s = sentence_starting(report, prefix)
        assert (s.voice, s.speaker) == ("quoted", speaker)
    assert not [h for h in report.hits if h.category == "scare_quote"]


@pytest.mark.parametrize(("label", "is_name"), [
    ("MARLOWE", True), ("Quillfeather", True), ("UPDATE", False), ("Related Stories", False),
    ("CNN", False), ("Key Fact", False)])
def test_a_label_with_no_other_evidence_is_a_name_only_if_its_words_are_uncommon(label, is_name):
    text = f"{label}: One.\n\nHOST: Two?\n\n{label}: Three.\n\nHOST: Four?"
    assert bool(find_turns(text, Names())) is is_name


INTERVIEW_PAGE = """<html><head><title>An interview with the harbour master</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article><h1>"The strike is a catastrophe": an interview with the harbour master</h1>
<p class="byline">By Nadia Okafor</p>
<p>The harbour master, Ines Valdor, has run the port of Caldera for a decade. Our reporter asked her about the strike that has kept the fishing fleet in port for three weeks.</p>
<p><strong>Q:</strong> Is the strike a disaster for the town?</p>
<p><strong>A:</strong> It is a catastrophe for the fishermen, frankly. Nobody in the council seems to care.</p>
<p><strong>Q:</strong> When will the ships sail again?</p>
<p><strong>A:</strong> Not before spring, unless the ministry finally does its job.</p>
<p><strong>Q:</strong> Who is to blame?</p>
<p><strong>A:</strong> Everyone who signed that disastrous contract.</p>
</article><footer>Contact us</footer></body></html>"""


def test_an_interview_page_with_labels_in_bold(analyzer, tmp_path):
    page = tmp_path / "interview.html"
    page.write_text(INTERVIEW_PAGE, encoding="utf-8")
    report = analyzer.load(page)
    for prefix, speaker in (("Q: Is the strike", ""), ("A: It is a catastrophe", "Ines Valdor"),
                            ("Nobody in the council", "Ines Valdor"), ("Q: Who is", ""),
                            ("A: Everyone who signed", "Ines Valdor")):
        s = sentence_starting(report, prefix)
        assert (s.voice, s.speaker) == ("quoted", speaker)
    assert sentence_starting(report, "The harbour master").voice == "author"
    assert report.metrics.author_loaded_per_1k == 0  # "disastrous" is hers, not the writer's


ANSWERS_ONLY = """Meet Dara Venn, the new director of the Valemouth ferry line. We asked her a few \
questions.

A: Proud and a little nervous, frankly.

The ferries are older than I am. We will replace two of them.

A: Caldera, for the harbour at dawn.

What is your favourite book?

A: Moby-Dick, of course.

A: The Harbour Lights Concert

Thanks, Dara!"""


def test_answers_alone_are_the_interviewees_when_the_questions_were_headings(analyzer):
    report = analyzer.analyze(Article(text=ANSWERS_ONLY, title="Meet the director"))
    for prefix in ("A: Proud", "The ferries are older", "A: Caldera", "A: Moby-Dick",
                   "A: The Harbour Lights Concert"):
        s = sentence_starting(report, prefix)
        assert (s.voice, s.speaker) == ("quoted", "Dara Venn"), prefix
    assert sentence_starting(report, "What is your favourite book?").voice == "author"
    assert sentence_starting(report, "Thanks, Dara!").voice == "author"


def test_the_questions_between_named_answers_are_the_reporters(analyzer):
    text = ("Girl found safe\n\n"
            "Detective Superintendent Grant Ferris took questions.\n\n"
            "Q: Was the man known to the family?\n\n"
            "Det Supt Ferris: He was. I will not say more.\n\n"
            "Q: Are you looking for anyone else?\n\n"
            "Ferris: At this stage, no.\n\n"
            "Q: Has she spoken to officers?\n\n"
            "Ch Supt Bill Okoro: She has, very gently.\n\n"
            "Q: Will you review the case?\n\n"
            "Ferris: We will.")
    report = analyzer.analyze(text)
    turns = [(text[q.start:q.start + 3], q.speaker) for q in report.quotes if q.role == "turn"]
    assert turns == [("Q: ", ""), ("Det", "Grant Ferris"), ("Q: ", ""), ("Fer", "Grant Ferris"),
                     ("Q: ", ""), ("Ch ", "Bill Okoro"), ("Q: ", ""), ("Fer", "Grant Ferris")]


def test_labels_of_hyphenated_and_apostrophe_surnames_in_capitals(analyzer):
    text = ("Twenty years at sea\n\n"
            "Rosa Marchetti-Vance founded the rescue crew. She spoke to Laura Brennan and "
            "Sean O’Neill.\n\n"
            "BRENNAN: Do you remember the first call-out?\n\n"
            "MARCHETTI-VANCE: Every second of it.\n\n"
            "O’NEILL: Who was driving the boat?\n\n"
            "MARCHETTI-VANCE: My husband was.")
    report = analyzer.analyze(text)
    assert [q.speaker for q in report.quotes if q.role == "turn"] == [
        "Laura Brennan", "Rosa Marchetti-Vance", "Sean O’Neill", "Rosa Marchetti-Vance"]


def test_one_persons_answers_to_a_reporters_questions_are_a_transcript(analyzer):
    """Only one named speaker answers (a press conference written as Q and answers), with
    quotation marks after the label; a pronoun after the transcript is that speaker."""
    text = ("Pell calm before derby\n\n"
            "Daniel Pell said his side were ready. The board met chairman Ivo Tarrant on Monday.\n\n"
            "Q: Is Dale fit?\n\n"
            "Pell: “He trained fully. He is fine.”\n\n"
            "Q: Will you change the system?\n\n"
            "Pell: “You will find out on Saturday.”\n\n"
            "He joked that he might play himself.")
    report = analyzer.analyze(text)
    for prefix in ("Pell: “He trained", "Pell: “You will"):
        s = sentence_starting(report, prefix)
        assert (s.voice, s.speaker) == ("quoted", "Daniel Pell"), prefix
    assert sentence_starting(report, "Q: Is Dale fit?").speaker == ""
    assert sentence_starting(report, "He joked").speaker == "Daniel Pell"  # (not Ivo Tarrant)


@pytest.mark.parametrize(("intro", "host"), [
    ("This week's episode of the podcast from Harbourline Audio, hosted by Felix Amari, "
     "talks to the author Rosa Vell.", "Felix Amari"),
    ("Our host, Felix Amari, talks to the author Rosa Vell.", "Felix Amari"),
    ("Co-host Felix Amari talks to the author Rosa Vell.", "Felix Amari"),
    ("Felix Amari and Tom Kroft talk to the author Rosa Vell.", ""),  # no one named host
    ("Hosts Felix Amari and Tom Kroft talk to the author Rosa Vell.", ""),  # two: no one's
])
def test_a_hosts_turns_are_the_host_the_introduction_names(analyzer, intro, host):
    """"HOST: …" turns were no one's though the introduction named the host."""
    text = (f"Night buses\n\n{intro}\n\n"
            "HOST: Rosa, welcome. Why night buses?\n\n"
            "ROSA VELL: Because of the drivers.\n\n"
            "HOST: And the riders?\n\n"
            "ROSA VELL: Mostly people going to work.")
    report = analyzer.analyze(text)
    assert sentence_starting(report, "HOST: Rosa").speaker == host
    assert sentence_starting(report, "HOST: And the riders").speaker == host
    assert sentence_starting(report, "ROSA VELL: Because").speaker == "Rosa Vell"
