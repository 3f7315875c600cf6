"""The framing profile: metrics with hand-computed values, the score's parts, frames, actors."""

from __future__ import annotations

import csv
import math

import pytest
from conftest import CORPUS

from framing import article_from_text
from framing.export import ACTOR_COLUMNS, actor_rows, article_row
from framing.frames import FRAMES
from framing.metrics import read_score_parts

# Written for this test: four body sentences, 26 body words (7 + 6 + 6 + 7).
SHORT = """title: Council backs the budget
---
The council approved the budget on Monday.

The plan is a disgraceful scheme.

“It will work,” the mayor said.

Critics claimed that the plan was rushed."""


@pytest.fixture(scope="module")
def short(analyzer):
    return analyzer.analyze(article_from_text(SHORT, id="short"))


def test_short_article_counts(short):
    m = short.metrics
    assert (m.words, m.sentences, m.body_sentences) == (26, 5, 4)
    assert (m.author_sentences, m.attributed_sentences, m.quoted_sentences) == (2, 1, 1)
    assert m.opinion_sentences == 1  # "The plan is a disgraceful scheme."
    assert m.opinion_share_author == 0.5
    assert m.opinion_share_author_words == round(6 / 13, 4)
    assert m.opinion_share_body == 0.25


def test_short_article_terms_and_sources(short):
    m = short.metrics
    # author-voice loaded hits: "disgraceful", "scheme" (loaded) and "claimed" (verb of saying)
    assert m.author_loaded_per_1k == round(1000 * 3 / 26, 2)
    assert m.author_loaded_terms_per_1k == round(1000 * 2 / 26, 2)
    assert m.author_attribution_verbs_per_1k == round(1000 * 1 / 26, 2)
    assert (m.neutral_attributions, m.loaded_attributions) == (1, 1)  # "said", "claimed"
    assert m.loaded_attribution_share == 0.5
    assert m.quoted_word_share == round(3 / 26, 4)  # "It will work"
    assert (m.named_sources, m.unnamed_attributions, m.source_gap) == (0, 2, 1.0)
    assert m.reported_sentences == 2


def test_score_parts_add_up(short, corpus_reports):
    rows = {r["part"]: r for r in read_score_parts()}
    assert sum(float(r["weight"]) for r in rows.values()) == 100
    for report in [short, *corpus_reports.values()]:
        parts = report.score_parts
        assert [p.name for p in parts] == list(rows)
        for part in parts:
            value = getattr(report.metrics, part.metric)
            expected = part.weight * min(max(float(value), 0.0) / part.full_at, 1.0)
            assert math.isclose(part.points, round(expected, 2))
        assert math.isclose(report.metrics.framing_score, round(sum(p.points for p in parts), 2))
        assert 0 <= report.metrics.framing_score <= 100


def test_short_article_score_by_hand(short):
    # opinion 0.25 / 0.35 × 30 = 21.43; loaded terms 115 ≥ 15 → 25; verbs 0.5 ≥ 0.5 → 10;
    # no named source → 10; nothing else.
    assert short.metrics.framing_score == 66.43


def test_corpus_scores_order_the_framings(corpus_reports):
    score = {name: r.metrics.framing_score for name, r in corpus_reports.items()}
    assert score["strike_wire"] < score["strike_workers"] < score["strike_chaos"]
    assert score["ukraine_wire"] < score["ukraine_seed"] < score["ukraine_commentary"]
    assert score["strike_wire"] < 15 and score["ukraine_wire"] < 25


def test_metric_parts_trace_to_sentences(seed_report):
    m = seed_report.metrics
    body = [sc for sc in seed_report.scores if sc.sentence.kind == "body"]
    author = [sc for sc in body if sc.sentence.voice == "author"]
    assert m.author_sentences == len(author)
    assert m.opinion_sentences == sum(sc.label == "opinion" for sc in author)
    reported = [sc for sc in body if sc.reported_opinion is not None]
    assert m.reported_opinion_sentences == sum(bool(sc.reported_opinion) for sc in reported)


def test_seed_frames(seed_report):
    shares = dict(seed_report.frame_shares)
    assert set(shares) == set(FRAMES)
    assert math.isclose(sum(shares.values()), 1.0, abs_tol=0.01)
    top = sorted(shares, key=shares.get, reverse=True)[:3]
    assert top[0] == "security_defense"
    assert set(top) == {"security_defense", "political", "external_regulation"}
    framed = [f for f in seed_report.frames if f.frame]
    assert all(f.cues for f in framed)


@pytest.mark.parametrize(
    ("name", "frame"),
    [("strike_wire", "economic"), ("strike_chaos", "economic"), ("ukraine_wire",
                                                                   "security_defense")],
)
def test_corpus_primary_frames(corpus_reports, name, frame):
    assert article_row(corpus_reports[name])["primary_frame"] == frame


SEED_ACTORS = {
    # actor: (kind, quoted at least, attributed at least, a verb of saying used for them)
    "Vladimir Putin": ("person", 2, 3, "said"),
    "Anthony Blinken": ("person", 3, 1, "said"),
    "Volodymyr Zelenskyy": ("person", 0, 1, "claimed"),
    "Liz Truss": ("person", 1, 1, "said"),
    "Alexander Lukashenko": ("person", 0, 1, "made it quite clear"),
    "Biden": ("person", 0, 0, None),
    "Mark Milley": ("person", 0, 0, None),
    "Valery Gerasimov": ("person", 0, 0, None),
    "NATO": ("organization", 0, 0, None),
    "Pentagon": ("institution", 0, 2, "said"),
    "Russia": ("country", 0, 2, "insists"),
    "Ukraine": ("country", 0, 0, None),
    "Belarus": ("country", 0, 1, None),
}


@pytest.mark.parametrize("name", sorted(SEED_ACTORS))
def test_seed_actor_table(seed_report, name):
    actors = {a.name: a for a in seed_report.actors}
    assert name in actors, sorted(actors)
    actor = actors[name]
    kind, quoted, attributed, verb = SEED_ACTORS[name]
    assert actor.kind == kind
    assert actor.quoted_sentences >= quoted and actor.attributed_sentences >= attributed
    if verb:
        assert verb in dict(actor.attribution_verbs)


def test_seed_actor_merging(seed_report):
    names = [a.name for a in seed_report.actors]
    assert names.count("Vladimir Putin") == 1 and "Putin" not in names
    assert "Moscow" in names and "Russia" in names  # kept apart; grouped by country
    moscow = next(a for a in seed_report.actors if a.name == "Moscow")
    assert moscow.country == "Russia"
    assert "Kevin Lamarque" not in names and "Reuters" not in names  # a photo credit


def test_actor_rows_have_the_contract_columns(seed_report):
    rows = list(actor_rows(seed_report))
    assert rows and tuple(rows[0]) == ACTOR_COLUMNS
    putin = next(r for r in rows if r["actor"] == "Vladimir Putin")
    assert "said" in putin["attribution_verbs"] and putin["quoted_words"] > 0


def test_cli_actor_level(tmp_path):
    from test_cli import run

    out = tmp_path / "actors.csv"
    result = run("analyze", CORPUS / "ukraine_seed.txt", CORPUS / "strike_wire.txt",
                 "--level", "actor", "--out", out, "--jobs", "2")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert tuple(rows[0]) == ACTOR_COLUMNS
    assert {r["article_id"] for r in rows} == {"ukraine_seed", "strike_wire"}
