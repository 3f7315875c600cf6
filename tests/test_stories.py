"""Stories: same-event grouping across outlets, blind spots, the `corpus stories` command."""

from __future__ import annotations

import re

import duckdb
import numpy as np
import pytest
from corpus_fixtures import make_store

from framing.cli import main as framing_main
from framing.corpus.stories import (
    DEFAULT_THRESHOLD,
    _day_numbers,
    blind_spots,
    build_stories,
    candidate_edges,
    find_stories,
    load_articles,
    vectorize,
)
from framing.errors import FramingError

# Event 1: a footbridge collapse in Millbrook, told three ways by three outlets.
BRIDGE_A = (
    "Footbridge collapses over the Alder River in Millbrook",
    "MILLBROOK — A pedestrian footbridge over the Alder River collapsed on Tuesday morning, "
    "sending two cyclists into the water, the Millbrook fire department said. Both were pulled "
    "out by rescuers and taken to St. Brigid Hospital with minor injuries. Mayor Lena Ortiz "
    "said the Alder River footbridge had passed an inspection in March. Engineers from the "
    "county will examine the steel supports, she said. The footbridge links the Riverside "
    "district to the old mill market and carries about 4,000 people a day.")
BRIDGE_B = (
    "Two hurt as Millbrook footbridge gives way",
    "Two cyclists were hurt when the footbridge over the Alder River in Millbrook gave way "
    "early Tuesday. Fire crews rescued both from the river and took them to St. Brigid "
    "Hospital. Mayor Lena Ortiz told reporters the bridge had been inspected in March and "
    "that county engineers would study its steel supports. Residents of Riverside said the "
    "crossing to the mill market had creaked for months. About 4,000 people cross it daily.")
BRIDGE_C = (
    "Outrage after neglected Millbrook bridge plunges cyclists into river",
    "The shameful collapse of the Alder River footbridge on Tuesday should surprise nobody "
    "in Millbrook. Two cyclists ended up in the river and then at St. Brigid Hospital, lucky "
    "to be alive. Mayor Lena Ortiz insists the footbridge passed an inspection in March, as "
    "if that settles it. Riverside families who walk to the mill market every day deserve "
    "better than steel supports left to rust by county engineers.")
# Event 2: same town, same mayor, another matter, three weeks later.
BUDGET_A = (
    "Millbrook council passes budget with new library hours",
    "MILLBROOK — The Millbrook city council approved next year's budget on Monday by a vote "
    "of six to three. Mayor Lena Ortiz said the plan extends library opening hours and hires "
    "four teachers' aides. Opponents said property taxes would rise by two percent. The "
    "budget also sets aside money for a study of the town's parks.")
BUDGET_B = (
    "Council approves Millbrook spending plan",
    "Millbrook's council voted six to three on Monday for a budget that keeps the library open "
    "longer and pays for four teachers' aides, a plan Mayor Lena Ortiz called balanced. "
    "Three members objected to a two percent rise in property taxes. A parks study is funded "
    "as well.")
# Unrelated: a harbour festival, and a chess result, in the same window as the bridge.
FESTIVAL = (
    "Harbour festival draws record crowds",
    "Organizers of the Saltmarsh harbour festival said 30,000 visitors came over the weekend, "
    "the most since the festival began in 1998. Fishing boats were decorated with lanterns and "
    "a brass band played on the quay until midnight.")
CHESS = (
    "Teenager wins regional chess title",
    "A fifteen-year-old from Eastford won the regional chess championship on Sunday, beating "
    "the defending champion in a final game that lasted four hours. She will play at the "
    "national finals in the spring.")


def article(pair, outlet, published, **extra):
    title, text = pair
    return {"title": title, "text": text, "outlet": outlet, "published": published, **extra}


@pytest.fixture
def store(tmp_path):
    path = tmp_path / "store.duckdb"
    wire_text = BRIDGE_A[1] + " The county said the report would be ready in two weeks."
    articles = [
        article(BRIDGE_A, "Valley Wire", "2024-05-14", key="bridge_a"),
        article(BRIDGE_B, "Daily Ledger", "2024-05-14", key="bridge_b"),
        article(BRIDGE_C, "The Sentinel", "2024-05-15", key="bridge_c"),
        {"title": BRIDGE_A[0], "text": wire_text, "outlet": "Metro Post",
         "published": "2024-05-14", "duplicate_of": "bridge_a", "key": "bridge_wire"},
        article(BUDGET_A, "Valley Wire", "2024-06-03", key="budget_a"),
        article(BUDGET_B, "Daily Ledger", "2024-06-04", key="budget_b"),
        article(FESTIVAL, "Daily Ledger", "2024-05-14", key="festival"),
        article(CHESS, "The Sentinel", "2024-05-15", key="chess"),
    ]
    ids = make_store(path, articles)
    return path, ids


def story_of(frame):
    return dict(zip(frame["article_id"], frame["story_id"]))


def test_same_event_in_different_words_is_one_story(store):
    path, ids = store
    with duckdb.connect(str(path)) as con:
        stories = story_of(find_stories(con))
    assert stories[ids["bridge_a"]] == stories[ids["bridge_b"]] == stories[ids["bridge_c"]]


def test_same_names_on_other_dates_are_another_story(store):
    path, ids = store
    with duckdb.connect(str(path)) as con:
        stories = story_of(find_stories(con))
    assert stories[ids["budget_a"]] == stories[ids["budget_b"]]
    assert stories[ids["budget_a"]] != stories[ids["bridge_a"]]


def test_the_same_texts_far_apart_in_time_are_not_one_story(tmp_path):
    path = tmp_path / "far.duckdb"
    ids = make_store(path, [article(BRIDGE_A, "Valley Wire", "2024-05-14", key="a"),
                            article(BRIDGE_B, "Daily Ledger", "2024-05-30", key="b")])
    with duckdb.connect(str(path)) as con:
        near = story_of(find_stories(con, window_days=30))
        far = story_of(find_stories(con, window_days=3))
        # a window of any size means no limit (a day number plus 2**63 days wrapped round)
        for days in (10 ** 7, 2 ** 63 - 1000, 10 ** 30):
            assert story_of(find_stories(con, window_days=days)) == near, days
    assert near[ids["a"]] == near[ids["b"]]
    assert far[ids["a"]] != far[ids["b"]]


@pytest.mark.parametrize("year", ["1965", "0001", "9999"])
def test_stories_of_any_era_are_found_as_today_s_are(tmp_path, year):
    """Days before 1970 counted as undated (negative), and years pandas cannot hold (1, 9999)
    as none: the same articles in another era make other stories, numbered out of order."""
    def articles(era):
        return [article(BRIDGE_A, "Valley Wire", f"{era}-05-14", key="bridge_a"),
                article(BRIDGE_B, "Daily Ledger", f"{era}-05-15", key="bridge_b"),
                article(BUDGET_A, "Valley Wire", f"{era}-06-03", key="budget_a"),
                article(BUDGET_B, "Daily Ledger", f"{era}-06-25", key="budget_b"),
                article(FESTIVAL, "Daily Ledger", f"{era}-05-13", key="festival")]

    found = []
    for era in ("2024", year):
        path = tmp_path / f"{era}.duckdb"
        ids = make_store(path, articles(era))
        with duckdb.connect(str(path)) as con:
            stories = story_of(find_stories(con, window_days=7))
        found.append({key: stories[aid] for key, aid in ids.items()})
    assert found[1] == found[0]
    assert found[0]["festival"] == 1 and found[0]["bridge_a"] == found[0]["bridge_b"] == 2
    assert found[0]["budget_a"] != found[0]["budget_b"]  # 22 days apart


def test_unrelated_articles_stay_alone(store):
    path, ids = store
    with duckdb.connect(str(path)) as con:
        frame = find_stories(con)
    stories = story_of(frame)
    for key in ("festival", "chess"):
        alone = frame[frame["story_id"] == stories[ids[key]]]
        assert list(alone["article_id"]) == [ids[key]]
        assert alone["similarity"].iloc[0] == 1.0


def test_a_wire_copy_joins_its_originals_story(store):
    path, ids = store
    with duckdb.connect(str(path)) as con:
        stories = story_of(find_stories(con))
    assert stories[ids["bridge_wire"]] == stories[ids["bridge_a"]]


def test_a_chain_through_one_article_does_not_merge_two_events(tmp_path):
    # a week-in-review that links to the bridge, the budget and the festival (each above the
    # threshold) must not join them: connected components would, average linkage does not
    roundup = ("Millbrook week in review",
               BRIDGE_A[1][:200] + " " + BUDGET_A[1][:200] + " " + FESTIVAL[1][:150])
    path = tmp_path / "chain.duckdb"
    ids = make_store(path, [
        article(BRIDGE_A, "Valley Wire", "2024-05-14", key="bridge_a"),
        article(BRIDGE_B, "Daily Ledger", "2024-05-14", key="bridge_b"),
        article(roundup, "The Sentinel", "2024-05-15", key="roundup"),
        article(BUDGET_A, "Valley Wire", "2024-05-16", key="budget_a"),
        article(BUDGET_B, "Daily Ledger", "2024-05-16", key="budget_b"),
        article(FESTIVAL, "Daily Ledger", "2024-05-15", key="festival"),
        article(CHESS, "The Sentinel", "2024-05-15", key="chess"),
    ])
    with duckdb.connect(str(path)) as con:
        stories = story_of(find_stories(con))
    assert stories[ids["bridge_a"]] == stories[ids["bridge_b"]]
    assert stories[ids["budget_a"]] == stories[ids["budget_b"]]
    assert stories[ids["bridge_a"]] != stories[ids["budget_a"]]
    assert stories[ids["festival"]] not in (stories[ids["bridge_a"]], stories[ids["budget_a"]])
    with duckdb.connect(str(path)) as con:
        edges = candidate_edges(vectorize(load_articles(con)), _day_numbers(
            load_articles(con)["published"]), 3, DEFAULT_THRESHOLD)
    assert len(set(edges.row) | set(edges.col)) >= 6  # the chain is there to be resisted


def test_stories_table_rows_labels_and_replacement(store):
    path, ids = store
    first = build_stories(path)
    assert first.articles == 8
    assert first.duplicates_joined == 1
    second = build_stories(path)  # replaces, never appends
    assert second == first
    with duckdb.connect(str(path)) as con:
        rows = con.execute("SELECT * FROM stories").df()
    assert list(rows.columns) == ["story_id", "article_id", "similarity", "label"]
    assert len(rows) == 8 and rows["article_id"].is_unique
    bridge = rows[rows["article_id"] == ids["bridge_a"]].iloc[0]
    assert bridge["label"] in {BRIDGE_A[0], BRIDGE_B[0], BRIDGE_C[0]}
    members = rows[rows["story_id"] == bridge["story_id"]]
    assert ((members["similarity"] > 0) & (members["similarity"] <= 1.0001)).all()
    # the label is the title of the most central article
    top = members.sort_values("similarity", ascending=False).iloc[0]
    assert bridge["label"] == {ids["bridge_a"]: BRIDGE_A[0], ids["bridge_b"]: BRIDGE_B[0],
                               ids["bridge_c"]: BRIDGE_C[0],
                               ids["bridge_wire"]: BRIDGE_A[0]}[top["article_id"]]


def test_blind_spots_name_the_outlets_that_missed_a_story(store):
    path, ids = store
    build_stories(path)
    spots = blind_spots(path)
    assert list(spots.columns) == ["story_id", "label", "outlets_covering", "covered_by",
                                   "missing"]
    with duckdb.connect(str(path)) as con:
        bridge_story = con.execute("SELECT story_id FROM stories WHERE article_id = ?",
                                   [ids["bridge_a"]]).fetchone()[0]
        budget_story = con.execute("SELECT story_id FROM stories WHERE article_id = ?",
                                   [ids["budget_a"]]).fetchone()[0]
    rows = spots.set_index("story_id")
    # the bridge: all four outlets (the wire copy counts for Metro Post)
    assert rows.loc[bridge_story, "missing"] == ""
    assert rows.loc[budget_story, "missing"] == "Metro Post; The Sentinel"
    assert rows.loc[budget_story, "outlets_covering"] == 2
    # stories of one outlet are not listed by default
    assert set(rows.index) == {bridge_story, budget_story}
    assert len(blind_spots(path, min_outlets=1)) == 4


def test_an_outlet_added_after_the_stories_is_missing_from_none_and_is_told(store, capsys):
    """An outlet whose articles came after `corpus stories` ran was listed as missing every
    story (its telling of the bridge too), and nothing said the stories were out of date."""
    from framing.corpus.explore import store_status, story_overview
    from framing.corpus.storeio import unstoried

    path, ids = store
    build_stories(path)
    late = BRIDGE_B[1] + " The Harbour Crier's reporter saw the river from the bank."
    make_store_rows(path, [("late", "Harbour Crier", late)])
    spots = blind_spots(path)
    assert "Harbour Crier" not in " ".join(spots["missing"])
    assert "Harbour Crier" not in " ".join(story_overview(path)["missing"])
    assert set(" ".join(spots["missing"]).replace(";", " ").split()) >= {"Metro", "Sentinel"}
    assert unstoried(path) == 1
    status = store_status(path)
    assert status.unstoried == 1 and status.stories_note() == (
        f"1 article was added after the stories were built and is in no story: run python -m "
        f"framing corpus stories {path} again")
    assert run_cli(["info", str(path)]) == 0
    assert "1 article was added after the stories were built" in capsys.readouterr().out
    build_stories(path)  # grouped again: nothing left out, nothing said
    assert unstoried(path) == 0 and store_status(path).stories_note() == ""
    assert run_cli(["info", str(path)]) == 0
    assert "in no story" not in capsys.readouterr().out


def make_store_rows(path, rows):
    """Articles (key, outlet, text) added to a store as a later `corpus add` would."""
    from corpus_fixtures import text_id

    with duckdb.connect(str(path)) as con:
        for _, outlet, text in rows:
            con.execute("INSERT INTO articles VALUES (?, 'test', NULL, ?, DATE '2024-05-14', "
                        "NULL, ?, ?, now(), NULL)", [text_id(text), outlet, len(text.split()),
                                                     text])


def test_a_report_by_story_says_which_articles_it_leaves_out(tmp_path, capsys):
    from corpus_fixtures import metric_store

    path = tmp_path / "late.duckdb"
    metric_store(path, [
        {"outlet": "Coast Wire", "story": 1, "metrics": {"words": 100.0}},
        {"outlet": "Valley Radio", "story": 1, "metrics": {"words": 120.0}},
        {"outlet": "Town Crier", "metrics": {"words": 90.0}},  # added after the stories
        {"outlet": "Town Crier", "metrics": {"words": 95.0}}])
    assert run_cli(["report", str(path), "--by", "story", "--metric", "words"]) == 0
    captured = capsys.readouterr()
    assert "Town Crier" not in captured.out
    assert captured.err.strip() == (
        f"framing: warning: 2 articles were added after the stories were built and are in no "
        f"story: run python -m framing corpus stories {path} again")
    assert run_cli(["report", str(path), "--by", "outlet", "--metric", "words"]) == 0
    assert "Town Crier" in (captured := capsys.readouterr()).out and not captured.err


def test_blind_spots_need_stories(store):
    path, _ = store
    with pytest.raises(FramingError, match="corpus stories"):
        blind_spots(path)


def test_empty_store_has_no_stories(tmp_path):
    path = tmp_path / "empty.duckdb"
    make_store(path, [])
    summary = build_stories(path)
    assert summary.articles == 0 and summary.stories == 0
    with duckdb.connect(str(path)) as con:
        assert con.execute("SELECT count(*) FROM stories").fetchone()[0] == 0


def run_cli(argv):
    """`python -m framing corpus ...` in this process, errors printed as the command does."""
    return framing_main(["corpus", *argv])


@pytest.mark.parametrize(("argv", "message"), [
    (["--threshold", "0"], "--threshold must be a number above 0 and at most 1, not 0.0"),
    (["--threshold", "nan"], "--threshold must be a number above 0 and at most 1, not nan"),
    (["--window-days", "-2"], "--window-days must be a whole number of days, 0 or more, not -2"),
])
def test_stories_options_are_checked_as_the_library_checks_them(store, capsys, argv, message):
    path, _ = store
    assert run_cli(["stories", str(path), *argv]) == 2
    assert capsys.readouterr().err.strip() == f"framing: error: {message}"


def test_stories_command_prints_counts(store, capsys):
    path, _ = store
    assert run_cli(["stories", str(path), "--window-days", "3", "--threshold", "0.24"]) == 0
    out = capsys.readouterr().out
    assert "8 articles in 4 stories" in out
    assert "1 wire copy joined" in out
    alone = path.with_name("alone.duckdb")
    make_store(alone, [article(FESTIVAL, "Daily Ledger", "2024-05-15", key="festival"),
                       article(CHESS, "The Sentinel", "2024-05-15", key="chess")])
    assert run_cli(["stories", str(alone)]) == 0
    assert "2 articles in 2 stories (0 told by 2 or more outlets; largest 1 article; " in \
        capsys.readouterr().out


def test_stories_command_on_a_missing_or_newer_store(tmp_path, capsys):
    assert run_cli(["stories", str(tmp_path / "nothing.duckdb")]) == 2
    assert "nothing.duckdb: no such store; make one with" in capsys.readouterr().err
    path = tmp_path / "newer.duckdb"
    make_store(path, [], schema_version=2)
    assert run_cli(["stories", str(path)]) == 2
    assert "written by a newer framing (store schema 2;" in capsys.readouterr().err


def test_stories_is_a_writer_that_waits_its_turn(store, capsys):
    """`corpus stories` takes the writer lock that `add` and `analyze` take: while another
    writer runs it stops at once with one line and writes nothing; the lock file goes with it."""
    from framing.corpus.store import StoreError, WriterLock

    path, _ = store
    with WriterLock(path):
        assert run_cli(["stories", str(path)]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "locked by another writer" in err[0], err
        with pytest.raises(StoreError, match="locked by another writer"):
            build_stories(path)
        with duckdb.connect(str(path), read_only=True) as con:
            assert not con.execute("SELECT count(*) FROM information_schema.tables "
                                   "WHERE table_name = 'stories'").fetchone()[0]
    assert run_cli(["stories", str(path)]) == 0
    assert not path.with_name(path.name + ".lock").exists()
    # and while stories runs, another writer is refused
    import framing.corpus.stories as stories_module

    real = stories_module.find_stories
    refused = []

    def find_while_someone_adds(con, *args):
        with pytest.raises(StoreError, match="locked by another writer") as error:
            WriterLock(path).acquire()
        refused.append(str(error.value))
        return real(con, *args)

    stories_module.find_stories = find_while_someone_adds
    try:
        assert build_stories(path).articles == 8
    finally:
        stories_module.find_stories = real
    assert len(refused) == 1


@pytest.mark.parametrize("options, message", [
    ({"threshold": 0}, "threshold must be a number above 0 and at most 1, not 0"),
    ({"threshold": 5}, "threshold must be a number above 0 and at most 1, not 5"),
    ({"threshold": float("nan")}, "threshold must be a number above 0 and at most 1, not nan"),
    ({"window_days": -1}, "window_days must be a whole number of days, 0 or more, not -1"),
    ({"window_days": 2.5}, "window_days must be a whole number of days, 0 or more, not 2.5")])
def test_the_library_checks_the_stories_options(store, options, message):
    """As the command line does: a threshold of 5 or NaN made every article a story of its
    own, 0 joined everything, and a negative window was a bare ValueError."""
    path, _ = store
    with pytest.raises(FramingError, match=re.escape(message)):
        build_stories(path, **options)
    with duckdb.connect(str(path)) as con, pytest.raises(FramingError, match=re.escape(message)):
        find_stories(con, **options)
    assert not path.with_name(path.name + ".lock").exists()


@pytest.mark.parametrize("outlets, joined", [([0, 1, 2], True), ([0, 0, 1], False)])
def test_two_articles_of_one_outlet_need_more_similarity(outlets, joined):
    # pairwise cosine 0.35, above the threshold but below it once halved for one outlet
    from scipy import sparse

    from framing.corpus.stories import cluster

    c = 0.35
    gram = (1 - c) * np.eye(3) + c * np.ones((3, 3))
    rows = np.linalg.cholesky(gram)  # rows whose dot products are the gram matrix
    vectors = sparse.csr_matrix(rows.astype(np.float32))
    assert np.allclose((vectors @ vectors.T).toarray()[0, 1], c, atol=1e-4)
    labels = cluster(vectors, np.zeros(3, dtype=np.int64), 3, 0.3, np.array(outlets))
    assert bool(labels[0] == labels[1]) is joined


def test_copies_of_copies_and_a_cycle_of_copies_find_one_original(tmp_path):
    path = tmp_path / "copies.duckdb"
    ids = make_store(path, [
        article(BRIDGE_A, "Valley Wire", "2024-05-14", key="a"),
        {**article(BRIDGE_B, "Daily Ledger", "2024-05-14", key="b"), "duplicate_of": "a"},
        {**article(BRIDGE_C, "The Sentinel", "2024-05-14", key="c"), "duplicate_of": "b"},
        article(FESTIVAL, "Daily Ledger", "2024-05-14", key="f"),
        article(CHESS, "The Sentinel", "2024-05-14", key="g"),
    ])
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE articles SET duplicate_of = ? WHERE id = ?", [ids["g"], ids["f"]])
        con.execute("UPDATE articles SET duplicate_of = ? WHERE id = ?", [ids["f"], ids["g"]])
        stories = story_of(find_stories(con))
    assert stories[ids["a"]] == stories[ids["b"]] == stories[ids["c"]]
    assert stories[ids["f"]] == stories[ids["g"]] != stories[ids["a"]]


def test_words_of_one_article_count_in_its_length():
    # two articles that share a topic's words and little else, in a small store: dropping
    # their own words before normalizing would leave vectors of the shared words alone
    import pandas as pd

    own_a = " ".join(f"alpha{i}" for i in range(40))
    own_b = " ".join(f"beta{i}" for i in range(40))
    frame = pd.DataFrame({
        "title": ["Harbour ferry fares", "Harbour ferry timetable", "Chess final"],
        "lead": [f"harbour ferry {own_a}", f"harbour ferry {own_b}",
                 "grandmaster endgame rook pawn gambit"],
    })
    vectors = vectorize(frame)
    similarity = (vectors @ vectors.T).toarray()
    assert similarity[0, 1] < DEFAULT_THRESHOLD
    assert np.allclose(np.linalg.norm(vectors.toarray(), axis=1)[:2] < 1, True)


def test_blind_spots_need_stories_not_just_their_empty_table(store):
    path, _ = store
    with duckdb.connect(str(path)) as con:  # as `corpus add` makes it, before `corpus stories`
        con.execute("CREATE TABLE stories(story_id INTEGER, article_id VARCHAR, "
                    "similarity DOUBLE, label VARCHAR)")
    with pytest.raises(FramingError, match=f"run python -m framing corpus stories {path} first"):
        blind_spots(path)
    build_stories(path)
    assert len(blind_spots(path)) == 2


def test_an_article_told_in_its_own_words_joins_the_story_it_is_linked_to():
    from framing.corpus.stories import _attach_singles

    t = 0.18
    # articles 0-2 are one story; 3 is linked to 0 (0.22) but like the story 0.17 on average
    similarity = np.array([[1.00, 0.40, 0.40, 0.22],
                           [0.40, 1.00, 0.40, 0.15],
                           [0.40, 0.40, 1.00, 0.14],
                           [0.22, 0.15, 0.14, 1.00]])
    labels = np.array([0, 0, 0, 1])
    assert list(_attach_singles(labels, similarity, t, np.array([0, 1, 2, 3]))) == [0, 0, 0, 0]
    # not when its outlet already told the story, nor without a link above the threshold,
    # nor when it is unlike the story on average
    assert list(_attach_singles(labels, similarity, t, np.array([0, 1, 2, 2]))) == [0, 0, 0, 1]
    weak = similarity.copy()
    weak[0, 3] = weak[3, 0] = 0.17
    assert list(_attach_singles(labels, weak, t, None)) == [0, 0, 0, 1]
    far = similarity.copy()
    far[1, 3] = far[3, 1] = far[2, 3] = far[3, 2] = 0.01
    assert list(_attach_singles(labels, far, t, None)) == [0, 0, 0, 1]


def test_the_example_corpus_is_told_as_its_thirteen_events(example_store):
    con = duckdb.connect(str(example_store), read_only=True)
    try:
        rows = con.sql("SELECT s.story_id, a.source FROM stories s JOIN articles a "
                       "ON a.id = s.article_id").fetchall()
    finally:
        con.close()
    events: dict[int, set[str]] = {}
    for story, source in rows:
        events.setdefault(story, set()).add(source.rsplit("/", 1)[-1].split("_")[0])
    assert all(len(names) == 1 for names in events.values())  # no story mixes two events
    assert len(events) == 13  # and no event is split
