"""The Corpus page's queries (framing/corpus/explore.py) against the example store, checked
against the same answers computed in pandas from the store's whole tables."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from framing.corpus import explore
from framing.corpus.explore import ExploreError, SentenceFilter
from framing.corpus.store import StoreError


def whole(db, sql: str) -> pd.DataFrame:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).df()


@pytest.fixture
def copy_of(example_store, tmp_path):
    """A copy of the example store changed by SQL statements."""

    def make(*statements: str):
        path = tmp_path / "changed.duckdb"
        shutil.copy(example_store, path)
        with duckdb.connect(str(path)) as con:
            for statement in statements:
                con.execute(statement)
        return path

    return make


@pytest.fixture(scope="module")
def sentences(example_store) -> pd.DataFrame:
    return whole(example_store, """
        SELECT s.*, a.outlet, st.story_id FROM sentences s JOIN articles a ON a.id = s.article_id
        LEFT JOIN stories st ON st.article_id = s.article_id
        ORDER BY s.article_id, s.sentence_index""")


def test_status_counts_the_store(example_store):
    status = explore.store_status(example_store)
    assert (status.articles, status.analyzed, status.outlets) == (60, 60, 5)
    assert status.stories == whole(example_store, "SELECT DISTINCT story_id FROM stories").shape[0]
    assert status.stories >= 13
    assert status.sentences == len(whole(example_store, "SELECT 1 FROM sentences"))
    assert status.first.startswith("2026-02") and status.last.startswith("2026-06")
    status.check_analyzed()  # nothing to complain about


def test_a_store_without_analysis_says_what_to_run(copy_of):
    path = copy_of("DELETE FROM metrics")
    status = explore.store_status(path)
    assert status.articles == 60 and status.analyzed == 0
    with pytest.raises(ExploreError, match=r"run: python -m framing corpus analyze .*changed"):
        status.check_analyzed()


@pytest.mark.parametrize("make, message", [
    (lambda tmp: tmp / "missing.duckdb", "no such store"),
    # DuckDB opens a table file as an in-memory database of it: no internals in the message
    (lambda tmp: pd.DataFrame({"text": ["a b c"]}).to_parquet(tmp / "export.parquet")
     or tmp / "export.parquet", r"export.parquet: not a framing store \(not a DuckDB database file\)$"),
    (lambda tmp: tmp, "is a directory"),
    (lambda tmp: (tmp / "notes.txt").write_text("hello") and tmp / "notes.txt",
     "not a framing store"),
])
def test_paths_that_are_not_stores_give_one_line_errors(tmp_path, make, message):
    with pytest.raises(StoreError, match=message) as error:
        explore.store_status(make(tmp_path))
    assert "\n" not in str(error.value)


def test_a_newer_store_is_refused(copy_of):
    path = copy_of("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer framing"):
        explore.store_status(path)


def test_metric_choices_put_the_framing_score_first(example_store):
    choices = explore.metric_choices(example_store)
    assert choices[:3] == ["framing_score", "author_loaded_per_1k", "opinion_share_body"]
    assert "primary_frame" not in choices and "run_id" not in choices


def test_story_overview_matches_the_stories_table(example_store):
    overview = explore.story_overview(example_store).set_index("story_id")
    rows = whole(example_store, """
        SELECT s.story_id, a.outlet, m.framing_score FROM stories s
        JOIN articles a ON a.id = s.article_id JOIN metrics m ON m.article_id = a.id""")
    everyone = set(rows["outlet"])
    for story, group in rows.groupby("story_id"):
        got = overview.loc[story]
        covered = set(group["outlet"])
        assert got["articles"] == len(group) and got["outlets"] == len(covered)
        assert set(got["covered_by"].split("; ")) == covered
        missing = set(filter(None, got["missing"].split("; ")))
        assert missing == (everyone - covered if len(covered) >= 2 else set())
        assert got["score_spread"] == pytest.approx(
            group["framing_score"].max() - group["framing_score"].min())
    # the most covered stories come first
    assert list(overview["outlets"]) == sorted(overview["outlets"], reverse=True)


def test_story_articles_and_the_four_to_compare(example_store):
    story = int(explore.story_overview(example_store)["story_id"][0])  # five outlets
    articles = explore.story_articles(example_store, story)
    assert len(articles) == 5 and articles["outlet"].nunique() == 5
    picked = explore.pick_articles(articles)
    assert len(picked) == 4 and articles.set_index("id").loc[picked, "outlet"].is_unique
    texts = explore.article_texts(example_store, picked[::-1])
    assert list(texts["id"]) == picked[::-1] and texts["text"].str.len().min() > 500


def test_pick_articles_takes_one_per_outlet_before_a_second():
    articles = pd.DataFrame({
        "id": list("abcde"), "outlet": ["X", "X", "X", "Y", "Z"],
        "published": ["2026-01-01"] * 5, "duplicate_of": [None, None, None, "a", None]})
    picked = explore.pick_articles(articles, 3)
    assert sorted(picked) == ["a", "d", "e"]
    assert explore.pick_articles(articles, 5)[3:] == ["b", "c"]


def test_monthly_means_match_pandas(example_store):
    got = explore.monthly_means(example_store, "author_loaded_per_1k")
    rows = whole(example_store, """SELECT a.outlet, a.published, m.author_loaded_per_1k AS v
                                   FROM metrics m JOIN articles a ON a.id = m.article_id
                                   WHERE a.duplicate_of IS NULL""")
    rows["month"] = pd.to_datetime(rows["published"]).dt.to_period("M").dt.to_timestamp()
    expected = rows.groupby(["outlet", "month"])["v"].agg(["mean", "count"]).reset_index()
    merged = got.merge(expected, on=["outlet", "month"], suffixes=("", "_pandas"))
    assert len(merged) == len(expected) == len(got)
    assert (merged["articles"] == merged["count"]).all()
    assert merged["mean"].to_numpy() == pytest.approx(merged["mean_pandas"].to_numpy())
    with pytest.raises(ExploreError, match="unknown metric"):
        explore.monthly_means(example_store, "text; DROP TABLE articles")


def test_filter_options_list_the_stores_values(example_store):
    options = explore.filter_options(example_store)
    assert len(options["outlets"]) == 5
    assert options["voices"] == ["attributed", "author", "quoted"]
    assert options["labels"] == ["opinion", "reporting"]
    assert "loaded" in options["categories"] and "economic" in options["frames"]


def expected_rows(sentences, terms, where: SentenceFilter) -> pd.DataFrame:
    keep = pd.Series(True, index=sentences.index)
    for column, values in (("outlet", where.outlets), ("voice", where.voices),
                           ("label", where.labels), ("frame", where.frames),
                           ("story_id", where.stories)):
        if values:
            keep &= sentences[column].isin(values)
    if where.categories:
        hit = terms[terms["category"].isin(where.categories)]
        keys = set(zip(hit["article_id"], hit["sentence_index"]))
        keep &= pd.Series([k in keys for k in zip(sentences["article_id"],
                                                  sentences["sentence_index"])],
                         index=sentences.index)
    if where.search:
        keep &= sentences["text"].str.lower().str.contains(where.search.lower(), regex=False)
    return sentences[keep]


FILTERS = [
    SentenceFilter(),
    SentenceFilter(voices=("quoted",)),
    SentenceFilter(outlets=("The Daily Blaze",), labels=("opinion",)),
    SentenceFilter(categories=("loaded", "label")),
    SentenceFilter(frames=("economic",), voices=("author", "attributed")),
    SentenceFilter(stories=(1, 3)),
    SentenceFilter(search="COUNCIL"),
    SentenceFilter(search="'; DROP TABLE sentences; --"),
    SentenceFilter(search="100%"),
]


@pytest.mark.parametrize("where", FILTERS)
def test_explorer_counts_and_pages_match_pandas(example_store, sentences, where):
    terms = whole(example_store, "SELECT article_id, sentence_index, category FROM terms")
    expected = expected_rows(sentences, terms, where)
    assert explore.count_sentences(example_store, where) == len(expected)
    pages = []
    page = 1
    while True:
        rows = explore.sentence_page(example_store, where, page, page_size=40)
        assert len(rows) <= 40
        if rows.empty:
            break
        pages.append(rows)
        page += 1
    got = pd.concat(pages) if pages else rows
    assert list(zip(got["article_id"], got["sentence_index"])) == list(
        zip(expected["article_id"], expected["sentence_index"]))
    if len(expected):
        assert list(got["text"][:3]) == list(expected["text"][:3])


def test_filters_narrow_the_explorer(example_store):
    everything = explore.count_sentences(example_store)
    quoted = explore.count_sentences(example_store, SentenceFilter(voices=("quoted",)))
    both = explore.count_sentences(example_store, SentenceFilter(voices=("quoted",),
                                                                 labels=("opinion",)))
    assert everything > quoted > both
    assert explore.count_sentences(example_store, SentenceFilter(search="zzzz-nowhere")) == 0


def test_download_tables(example_store):
    articles = explore.table_frame(example_store, "articles")
    assert len(articles) == 60 and "text" not in articles.columns and "outlet" in articles
    metrics = explore.table_frame(example_store, "metrics")
    assert len(metrics) == 60 and "framing_score" in metrics
    stories = explore.table_frame(example_store, "stories")
    assert len(stories) == 60 and {"story_id", "label", "outlet"} <= set(stories.columns)
    again = pd.read_parquet(__import__("io").BytesIO(explore.to_parquet_bytes(metrics)))
    assert again["framing_score"].tolist() == metrics["framing_score"].tolist()
    with pytest.raises(ExploreError, match="no table"):
        explore.table_frame(example_store, "signatures")


def test_the_example_store_is_built_once(analyzer, example_store):
    before = example_store.stat().st_mtime_ns
    assert explore.example_store(analyzer) == example_store
    assert example_store.stat().st_mtime_ns == before
    assert example_store.name.startswith("example_corpus-")


def test_a_table_without_a_text_column_names_its_columns(tmp_path, analyzer):
    table = tmp_path / "upload.csv"
    table.write_text("headline,source\nBridge closed,Gazette\n", encoding="utf-8")
    with pytest.raises(ExploreError) as error:
        explore.table_store(table, tmp_path, analyzer, name="mine.csv")
    message = str(error.value)
    assert message.startswith("mine.csv: no text column") and "headline, source" in message
    assert str(tmp_path) not in message and "\n" not in message
    assert not list(tmp_path.glob("*.duckdb"))


def test_a_table_with_two_text_columns_asks_the_visitor_for_no_option_they_lack(tmp_path,
                                                                              analyzer):
    """A visitor of the app has no --text-column to give (the message named it)."""
    table = tmp_path / "upload.csv"
    table.write_text("Text,text\nthe draft,the final story\n", encoding="utf-8")
    with pytest.raises(ExploreError, match=r"^mine\.csv: columns 'Text' and 'text' differ only "
                                           r"in case; rename all but one of them$"):
        explore.table_store(table, tmp_path, analyzer, name="mine.csv")


@pytest.mark.slow
def test_a_table_becomes_an_analyzed_store(tmp_path, analyzer):
    table = tmp_path / "two.jsonl"
    pd.DataFrame({
        "text": ["The council approved the budget on Monday. Officials said fares would fall. "
                 "The mayor said families would save money.",
                 "The council rammed through a reckless budget. This disgraceful scheme will gut "
                 "bus service, and nobody should believe the mayor."],
        "outlet": ["Calm Daily", "Loud Daily"], "published": ["2026-01-05", "2026-01-05"],
        "title": ["Council approves budget", "Council rams through budget"],
    }).to_json(table, orient="records", lines=True)
    seen = []
    store = explore.table_store(table, tmp_path, analyzer,
                                progress=lambda message, done: seen.append(done))
    status = explore.store_status(store)
    assert (status.articles, status.analyzed, status.outlets) == (2, 2, 2)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    assert explore.table_store(table, tmp_path, analyzer) == store  # the same upload: reused
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no leftovers


def test_the_example_stores_key_follows_the_corpus_code(analyzer, tmp_path, monkeypatch):
    # a change to how stories are grouped must rebuild the cached example store
    code = tmp_path / "corpus"
    code.mkdir()
    for module in (explore.Path(explore.__file__).parent).glob("*.py"):
        shutil.copy(module, code / module.name)
    monkeypatch.setattr(explore, "__file__", str(code / "explore.py"))
    before = explore.example_key(analyzer)
    assert explore.example_key(analyzer) == before  # the same code, the same key
    with (code / "stories.py").open("a", encoding="utf-8") as fh:
        fh.write("\n# a changed threshold\n")
    assert explore.example_key(analyzer) != before


# --------------------------------------------------------------------------- uploads

# Rows of uploaded tables, in words of our own: two that are not English (long enough for the
# language check to tell), one English article.
SPANISH = ("La biblioteca del barrio abrirá de nuevo sus puertas el lunes, después de unas obras "
           "que duraron casi un año. Los vecinos que se acercaron ayer dijeron que las salas son "
           "más luminosas y que por fin hay sitio para los niños y para los grupos de lectura.")
GERMAN = ("Die kleine Fähre über den Fluss fährt ab dem Sommer wieder jede halbe Stunde, wie die "
          "Gemeinde am Mittwoch mitteilte. Viele Pendler hatten sich über die langen Wartezeiten "
          "beschwert, und der neue Fahrplan soll nun auch am Wochenende mehr Fahrten bringen.")
ENGLISH = ("The county board voted on Tuesday to keep the river ferry running every half hour "
           "through the summer. Commuters had complained about long waits at the landing, and "
           "officials said the new timetable would add trips on weekends as well. The board "
           "chair said the cost would be covered by the state grant approved in March.")


def csv_bytes(*texts: str) -> bytes:
    frame = pd.DataFrame({"text": list(texts), "outlet": [f"Paper {i}" for i in range(
        len(texts))]})
    return frame.to_csv(index=False).encode("utf-8")


@pytest.mark.parametrize("analyzed, rows, message", [
    (0, (), "the table has no rows"),
    (4, (), ""),
    (0, (("row 1", "not English"), ("row 2", "empty text"), ("row 3", "not English")),
     "none of its 3 rows could be analyzed (2 not English, 1 empty text): row 1 not English, "
     "row 2 empty text, row 3 not English"),
    (0, (("line 2", "not valid JSON"),),
     "none of its 1 row could be analyzed (1 not valid JSON): line 2 not valid JSON"),
    (5, (("row 4", "empty text"),),
     "1 of the table's 6 rows was left out (1 empty text): row 4 empty text"),
    (1, tuple((f"row {n}", "not English") for n in range(2, 10)),
     "8 of the table's 9 rows were left out (8 not English): row 2 not English, row 3 not "
     "English, row 4 not English, row 5 not English, row 6 not English and 3 more"),
])
def test_skipped_rows_say_what_happened_to_the_table(analyzed, rows, message):
    assert explore.SkippedRows(analyzed, rows).message() == message


@pytest.mark.parametrize("data, message", [
    (b"text,outlet\n", "the table has no rows"),
    (csv_bytes(SPANISH, "   ", GERMAN),
     "none of its 3 rows could be analyzed (2 not English, 1 empty text): row 1 not English, "
     "row 2 empty text, row 3 not English"),
])
def test_an_upload_with_nothing_to_show_says_why_in_the_visitors_words(tmp_path, analyzer,
                                                                       data, message):
    folder = tmp_path / "uploads"
    with pytest.raises(ExploreError) as error:
        explore.upload_store(data, "my table.csv", folder, analyzer)
    assert str(error.value) == f"my table.csv: {message}"
    assert not list(folder.glob("*.duckdb*"))  # no store kept for nothing


def test_an_upload_with_some_bad_rows_names_them(tmp_path, analyzer):
    folder = tmp_path / "uploads"
    store = explore.upload_store(csv_bytes(ENGLISH, SPANISH, ""), "mixed.csv", folder, analyzer)
    status = explore.store_status(store)
    assert (status.articles, status.analyzed) == (2, 1)
    skipped = explore.skipped_rows(store)
    assert skipped.message() == ("2 of the table's 3 rows were left out (1 not English, 1 empty "
                                 "text): row 2 not English, row 3 empty text")
    # the same upload again: the store is reused, not rebuilt
    before = store.stat().st_mtime_ns
    assert explore.upload_store(csv_bytes(ENGLISH, SPANISH, ""), "again.csv", folder,
                                analyzer) == store
    assert store.stat().st_mtime_ns == before


def age(path, seconds: float) -> None:
    """Set a file's or folder's modification time ``seconds`` in the past."""
    import os
    import time

    when = time.time() - seconds
    os.utime(path, (when, when))


def fake_upload(folder, digest: str, size: int, seconds_ago: float) -> None:
    """An upload as upload_store leaves it: its saved table and its store."""
    (folder / digest).mkdir(parents=True)
    (folder / digest / "table.csv").write_bytes(b"x" * size)
    (folder / f"table-{digest}.duckdb").write_bytes(b"y" * size)
    for path in (folder / digest, folder / f"table-{digest}.duckdb"):
        age(path, seconds_ago)


def test_old_uploads_are_removed_oldest_first_never_the_one_in_use(tmp_path):
    folder = tmp_path / "uploads"
    digests = [f"{n:016x}" for n in range(1, 6)]
    for n, digest in enumerate(digests):  # the first is the oldest
        fake_upload(folder, digest, 1000, seconds_ago=1000 - n)
    (folder / "notes.txt").write_text("not an upload")  # left alone
    removed = explore.prune_uploads(folder, keep=3, max_bytes=10**9, in_use=[digests[0]])
    assert sorted(removed) == digests[1:3]  # the oldest in use stays; the next two go
    left = sorted(p.name for p in folder.iterdir())
    assert left == sorted([*(d for d in [digests[0], *digests[3:]]),
                           *(f"table-{d}.duckdb" for d in [digests[0], *digests[3:]]),
                           "notes.txt"])
    # by size: 2,000 bytes each; 4,500 bytes keep the in-use upload and the newest one
    removed = explore.prune_uploads(folder, keep=10, max_bytes=4500, in_use=[digests[0]])
    assert removed == [digests[3]]
    assert explore.prune_uploads(folder, keep=10, max_bytes=4500, in_use=[digests[0]]) == []


def test_an_upload_analyzed_with_a_lexicon_is_a_store_of_its_own_pruned_with_it(tmp_path,
                                                                                 analyzer):
    from test_lexicon import TOWN_STORY

    from framing.lexicon import LexiconText

    folder = tmp_path / "uploads"
    data = ("text,outlet\n" + '"' + TOWN_STORY.replace('"', '""') + '",Paper\n').encode()
    plain = explore.upload_store(data, "towns.csv", folder, analyzer)
    names = analyzer.with_lexicons([LexiconText("names.csv", "term,category\nMarlowe,place\n")])
    named = explore.upload_store(data, "towns.csv", folder, names)
    assert named != plain and named.name.startswith(plain.stem + "-")
    assert explore.upload_store(data, "towns.csv", folder, names) == named  # (once)

    def kind(store):
        with duckdb.connect(str(store), read_only=True) as con:
            return con.execute("SELECT kind FROM actors WHERE actor = 'Marlowe'").fetchone()[0]

    assert (kind(plain), kind(named)) == ("person", "place")
    # the table and both its stores are one upload: pruned together
    digest = plain.stem.removeprefix("table-")
    assert explore.prune_uploads(folder, keep=0, in_use=[]) == [digest]
    assert list(folder.iterdir()) == []


def test_a_store_keeps_the_lexicons_its_articles_were_analyzed_with(tmp_path, analyzer):
    from test_lexicon import TOWN_STORY

    from framing.corpus.run import run_analysis
    from framing.lexicon import LexiconText

    table = tmp_path / "towns.csv"
    pd.DataFrame({"text": [TOWN_STORY], "outlet": ["Paper"]}).to_csv(table, index=False)
    names = tmp_path / "names.csv"
    names.write_text("term,category\nMarlowe,place\n", encoding="utf-8")
    extra = LexiconText("clubs.csv", "term,category\nMarlowe Harriers,organization\n")
    plain = explore.build_store(tmp_path / "plain.duckdb", [table], analyzer)
    with duckdb.connect(str(plain), read_only=True) as con:
        ids = [row[0] for row in con.execute("SELECT id FROM articles").fetchall()]
    assert explore.stored_lexicons(plain, ids) == ()  # the shipped lexicons alone
    named = explore.build_store(tmp_path / "named.duckdb", [table],
                                analyzer.with_lexicons([names, extra]))
    kept = (LexiconText("names.csv", names.read_text()), extra)
    assert explore.stored_lexicons(named, ids) == kept  # in order, a file's text too
    # analyzed again with the shipped lexicons alone: that run's (none) are the articles' now
    run_analysis(named, analyzer=analyzer)
    assert explore.stored_lexicons(named, ids) == ()
    run_analysis(named, analyzer=analyzer.with_lexicons([names, extra]))
    assert explore.stored_lexicons(named, ids) == kept
    with duckdb.connect(str(named), read_only=True) as con:  # kept once per fingerprint
        assert con.execute("SELECT count(*) FROM lexicons").fetchone()[0] == 2


def test_a_store_left_half_built_by_a_crash_is_removed_after_a_day(tmp_path):
    folder = tmp_path / "uploads"
    folder.mkdir()
    stale = folder / ".table-00000000000000aa.123.456.duckdb"
    fresh = folder / ".table-00000000000000bb.123.789.duckdb"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    age(stale, 2 * 24 * 3600)
    explore.prune_uploads(folder)
    assert not stale.exists() and fresh.exists()


def test_uploading_past_the_limit_removes_the_least_recently_used(tmp_path, analyzer,
                                                                  monkeypatch):
    monkeypatch.setattr(explore, "UPLOADS_KEPT", 2)
    folder = tmp_path / "uploads"
    tables = [f"{name},outlet\n".encode() for name in ("text", "body", "content")]
    for number, data in enumerate(tables):
        with pytest.raises(ExploreError, match="the table has no rows"):
            explore.upload_store(data, f"t{number}.csv", folder, analyzer)
        age(folder / _digest(data), 100 - number)  # the first is the least recently used
    assert sorted(p.name for p in folder.iterdir()) == sorted(_digest(t) for t in tables[1:])
    # using an upload again makes it the most recent: the next new one removes the other
    with pytest.raises(ExploreError):
        explore.upload_store(tables[1], "t1.csv", folder, analyzer)
    with pytest.raises(ExploreError):
        explore.upload_store(b"article,outlet\n", "t3.csv", folder, analyzer)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [_digest(tables[1]), _digest(b"article,outlet\n")])


def _digest(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()[:16]


def test_a_store_path_the_system_cannot_look_at_is_a_one_line_error(tmp_path):
    long_path = tmp_path / ("a" * 300 + ".duckdb")
    for call in (explore.store_stamp, explore.store_status):
        with pytest.raises(StoreError, match="file name too long$") as error:
            call(long_path)
        assert "\n" not in str(error.value) and len(str(error.value)) < 200
    with pytest.raises(StoreError, match="file name too long$"):
        explore.store_path(str(long_path))
    with pytest.raises(StoreError, match="no such user's home folder"):
        explore.store_path("~no-such-user-here-at-all/news.duckdb")
    assert explore.store_path(" ~/news.duckdb ") == Path.home() / "news.duckdb"


# --------------------------------------------------------------------------- upload formats


def test_an_uploaded_json_table_and_a_gzipped_csv_are_read_as_the_command_line_reads_them(
        tmp_path, analyzer):
    import gzip
    import json

    folder = tmp_path / "uploads"
    rows = [{"text": ENGLISH, "outlet": "Paper 0"}, {"text": SPANISH, "outlet": "Paper 1"}]
    store = explore.upload_store(json.dumps(rows).encode(), "export.json", folder, analyzer)
    status = explore.store_status(store)
    assert (status.articles, status.analyzed) == (2, 1)
    assert explore.skipped_rows(store).message() == (
        "1 of the table's 2 rows was left out (1 not English): row 2 not English")
    packed = gzip.compress(csv_bytes(ENGLISH, GERMAN, ENGLISH.replace("Tuesday", "Friday")))
    store = explore.upload_store(packed, "Feed.CSV.GZ", folder, analyzer)
    status = explore.store_status(store)
    assert (status.articles, status.analyzed) == (3, 2)
    assert (folder / _digest(packed) / "table.csv").read_bytes().startswith(b"text,outlet\n")


def archive_pages():
    from test_corpus_formats import archive_records, news_page
    from test_corpus_store import mixed_articles

    spanish = ("https://news.example.org/es", "200 OK", "text/html; charset=utf-8",
               news_page("Noticias", "\n\n".join([SPANISH] * 3)))
    return [*archive_records(mixed_articles(3, seed=5)), spanish]


@pytest.mark.parametrize("gzipped", [True, False])
def test_an_uploaded_web_archive_names_the_pages_it_left_out_by_address(tmp_path, analyzer,
                                                                          gzipped):
    from test_corpus_formats import write_warc

    path = write_warc(tmp_path / "crawl.warc", archive_pages(), gzipped=gzipped)
    name = "crawl.warc.gz" if gzipped else "crawl.warc"
    store = explore.upload_store(path.read_bytes(), name, tmp_path / "uploads", analyzer)
    status = explore.store_status(store)
    assert (status.articles, status.analyzed) == (4, 3)  # the home page is no article
    assert explore.skipped_rows(store).message() == (
        "2 of the web archive's 5 pages were left out (1 not an article page, 1 not English): "
        "https://news.example.org/ not an article page, https://news.example.org/es not "
        "English")


def test_a_web_archive_without_pages_says_so(tmp_path, analyzer):
    from test_corpus_formats import write_warc

    path = write_warc(tmp_path / "images.warc.gz", [
        ("https://news.example.org/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n")])
    folder = tmp_path / "uploads"
    with pytest.raises(ExploreError) as error:
        explore.upload_store(path.read_bytes(), "images.warc.gz", folder, analyzer)
    assert str(error.value) == ("images.warc.gz: the web archive holds no web page (HTML with "
                                "status 200)")
    assert not list(folder.glob("*.duckdb*"))
    for data, message in [(b"", "no WARC records: the file is empty"),
                          (b"<html>a page saved alone</html>", "not a WARC file")]:
        with pytest.raises(ExploreError) as error:
            explore.upload_store(data, "saved.warc", folder, analyzer)
        assert str(error.value) == f"saved.warc: {message}"


def test_a_gzipped_upload_that_unpacks_too_far_or_is_damaged_is_refused_in_one_line(
        tmp_path, analyzer, monkeypatch):
    import gzip

    monkeypatch.setattr(explore, "UNPACKED_BYTES", 5 * 2**20)
    folder = tmp_path / "uploads"
    bomb = gzip.compress(b"text\n" + b"a" * (6 * 2**20))  # 6 MB of one letter: 6 kB packed
    assert len(bomb) < 20_000
    with pytest.raises(ExploreError) as error:
        explore.upload_store(bomb, "big.csv.gz", folder, analyzer)
    assert str(error.value) == "big.csv.gz: unpacks to more than 5 MB; upload a smaller part"
    assert not [p for p in folder.rglob("*") if p.is_file()]  # nothing half written kept
    packed = gzip.compress(csv_bytes(ENGLISH))
    for data, reason in [(packed[:len(packed) // 2], "it is cut short"),
                         (b"\x1f\x8b" + b"\x00" * 40, "unknown compression method"),
                         (packed[:12] + b"\xff" * 30 + packed[42:], "damaged"),
                         (b"text\nnot gzipped at all\n", "not a gzipped file")]:
        with pytest.raises(ExploreError) as error:
            explore.upload_store(data, "part.csv.gz", folder, analyzer)
        assert str(error.value) == f"part.csv.gz: not a readable gzip file ({reason})"


@pytest.mark.parametrize("name", ["notes.txt", "archive.tar.gz", "table.parquet.gz", "x.zip"])
def test_an_upload_of_another_kind_is_refused_naming_what_it_takes(tmp_path, analyzer, name):
    with pytest.raises(ExploreError) as error:
        explore.upload_store(b"text\nabc\n", name, tmp_path / "uploads", analyzer)
    assert str(error.value) == (f"{name}: not a table or web archive; upload CSV, TSV, JSON, "
                                "JSONL, Parquet or a web archive (WARC); gzipped too but "
                                "Parquet")
    assert not (tmp_path / "uploads").exists()


def test_the_example_store_is_analyzed_with_the_example_names(example_store):
    # corpus/example_names.csv: the example's towns and clubs are not people
    kinds = dict(whole(example_store, "SELECT DISTINCT actor, kind FROM actors").itertuples(
        index=False))
    assert kinds["Valemouth"] == kinds["Marlowe"] == kinds["Dockside"] == "place"
    assert kinds["Valemouth First"] == kinds["Valemouth Rovers"] == "organization"
    assert kinds["Victor Lasko"] == "person"
