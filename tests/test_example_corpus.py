"""corpus/example_corpus: five outlets, a dozen stories, well-formed headers, visible house styles."""

import re
from collections import defaultdict
from pathlib import Path

import pytest

from framing import articles_frame, load_article

EXAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "example_corpus"
FILES = sorted(EXAMPLES.glob("*.txt"))
ARTICLES = {path.stem: load_article(path) for path in FILES}


def test_corpus_has_five_outlets_and_at_least_twelve_stories_with_blind_spots():
    by_story = defaultdict(set)
    outlet_of_key = defaultdict(set)
    for stem, article in ARTICLES.items():
        story, key = stem.split("_")
        by_story[story].add(key)
        outlet_of_key[key].add(article.outlet)
    assert len(FILES) >= 55
    assert len(outlet_of_key) == 5
    assert all(len(names) == 1 for names in outlet_of_key.values())  # a key is one outlet
    assert len(by_story) >= 12
    assert any(len(keys) < 5 for keys in by_story.values())  # blind spots exist
    assert all(len(keys) >= 4 for keys in by_story.values())


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_article_has_a_full_header_and_a_realistic_length(path):
    article = ARTICLES[path.stem]
    assert article.title and article.outlet
    assert re.fullmatch(r"2026-\d\d-\d\d", article.published)
    assert re.fullmatch(r"https://[a-z]+\.example/\S+", article.url)
    body_words = len(path.read_text(encoding="utf-8").split("\n---\n", 1)[1].split())
    assert 250 <= body_words <= 600


def test_urls_are_unique_and_the_wire_copy_is_nearly_verbatim():
    assert len({a.url for a in ARTICLES.values()}) == len(ARTICLES)

    def shingles(text):
        words = text.lower().split()
        return {" ".join(words[i:i + 5]) for i in range(len(words) - 4)}

    wire, copy = shingles(ARTICLES["breach_meridian"].text), shingles(ARTICLES["breach_gazette"].text)
    other = shingles(ARTICLES["breach_tvpm"].text)
    assert len(wire & copy) / len(wire | copy) > 0.7
    assert len(wire & other) / len(wire | other) < 0.2
    assert ARTICLES["breach_meridian"].title != ARTICLES["breach_gazette"].title


@pytest.mark.slow
def test_house_styles_show_in_the_article_figures(analyzer):
    frame = articles_frame(analyzer.analyze(article) for article in ARTICLES.values())
    means = frame.groupby("outlet")[["framing_score", "author_loaded_per_1k",
                                     "opinion_share_body"]].mean()
    wire, tabloid = means.loc["Meridian Wire"], means.loc["The Daily Blaze"]
    partisan = means.loc["Hearth & Hammer"]
    for column in means.columns:
        assert tabloid[column] > wire[column] and partisan[column] > wire[column]
    assert tabloid["author_loaded_per_1k"] > partisan["author_loaded_per_1k"]
    assert tabloid["framing_score"] > means.loc["Tamsin Valley Public Media", "framing_score"]


@pytest.mark.slow
def test_the_readme_table_of_outlet_figures_is_true(analyzer):
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([A-Z][^|]+?) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \| ([\d.]+) \|$",
                      readme, re.M)
    assert len(rows) == 5
    frame = articles_frame(analyzer.analyze(article) for article in ARTICLES.values())
    columns = ["framing_score", "author_loaded_per_1k", "opinion_share_body", "named_sources"]
    means = frame.groupby("outlet")[columns].mean()
    for outlet, *shown in rows:
        for column, value in zip(columns, shown):
            decimals = len(value.split(".")[1])
            assert round(means.loc[outlet, column], decimals) == float(value), (outlet, column)


def test_the_example_names_file_names_every_town_and_club_the_rules_take_for_people(analyzer):
    names = EXAMPLES.parent / "example_names.csv"
    stories = [ARTICLES[stem] for stem in ("stadium_blaze", "budget_tvpm", "housing_gazette")]

    def people(a):
        return {x.name for article in stories for x in a.analyze(article).actors
                if x.kind == "person"}

    taught = people(analyzer.with_lexicons([names]))
    towns = {"Valemouth", "Dockside", "Valemouth Rovers", "Valemouth First", "Ashby Cross"}
    assert towns & people(analyzer)  # the rules alone read some as people
    assert not towns & taught and {"Victor Lasko", "Dana Petrakis"} <= taught
