"""Extraction failures found on real web pages, each reproduced by a small page written for
the project (tests/data/html_cases), and the refusal of non-English text for analysis."""

from __future__ import annotations

import pytest
from conftest import DATA

from framing import article_from_html, article_from_text, load_article
from framing.errors import NotEnglishError
from framing.ingest import looks_english

CASES = DATA / "html_cases"


def html(name: str) -> str:
    return (CASES / f"{name}.html").read_text(encoding="utf-8")


def body(article) -> list[str]:
    """The article's paragraphs after the headline."""
    return article.text.split("\n\n")[1:]


def test_article_page_with_a_site_wide_website_block_is_not_an_index():
    article = article_from_html(html("article_with_site_jsonld"))
    assert article.title == "Harbourside sweep both singles to open the Marlow Cup tie"
    paragraphs = body(article)
    assert len(paragraphs) == 6
    assert paragraphs[0].startswith("Harbourside opened their Marlow Cup tie")
    assert paragraphs[-1].endswith("expect to reach eight thousand.")
    assert not any("Most Popular" in p or "Rowing club" in p for p in paragraphs)


def test_section_fronts_are_still_refused():
    from framing.errors import ExtractionError

    for page in (DATA / "html" / "homepage_no_article.html",
                 DATA / "html_holdout" / "section_front.html"):
        with pytest.raises(ExtractionError, match="home or section page"):
            load_article(page)


def test_br_separated_paragraphs_are_extracted_every_time():
    page = html("br_paragraphs_nested")
    texts = [article_from_html(page).text for _ in range(4)]
    assert len(set(texts)) == 1  # no memory of earlier calls
    paragraphs = texts[0].split("\n\n")
    assert any(p.startswith("[Lantern Weekly = column by Mira Osei] When the first film")
               for p in paragraphs)
    assert any(p.startswith("None of this guarantees a third film") for p in paragraphs)
    assert not any("Choir festival" in p for p in paragraphs)


def test_sentences_that_open_like_link_labels_are_kept():
    paragraphs = body(article_from_html(html("sentences_like_link_labels")))
    assert [p.split()[0] for p in paragraphs] == [
        "Clinics", "More", "Next", "Watch", "Previous"]
    assert paragraphs[1].startswith("More than 1,400 patients")
    assert not any(p.startswith(("More:", "Watch:", "Related")) for p in paragraphs)


PORTUGUESE = (
    "A biblioteca municipal vai abrir aos domingos a partir do próximo mês, segundo a "
    "secretaria de cultura. A medida atende a um pedido antigo dos estudantes, que reclamavam "
    "da falta de espaço para estudar nos fins de semana. O horário será das nove da manhã "
    "às cinco da tarde, e a prefeitura diz que não haverá custo extra para os leitores."
)


def test_non_english_text_is_extracted_but_refused_for_analysis(analyzer, tmp_path):
    article = article_from_html(html("portuguese_news"))
    assert article.title == "Feira de livros volta à praça central depois de dois anos"
    assert body(article)[0].startswith("A feira de livros da cidade volta à praça central")
    assert len(body(article)) == 3
    with pytest.raises(NotEnglishError, match="^the text is not English"):
        analyzer.analyze(article)
    with pytest.raises(NotEnglishError, match="the text is not English"):
        analyzer.analyze(PORTUGUESE)
    path = tmp_path / "noticia.html"
    path.write_text(html("portuguese_news"), encoding="utf-8")
    with pytest.raises(NotEnglishError, match=r"noticia\.html: the text is not English"):
        analyzer.load(str(path))


@pytest.mark.parametrize("text", [
    "Strike Ends Across The Region",  # a headline alone
    "Leilão termina sem vencedor",  # too short to tell, taken to be English
    "The council voted 5-2 on Monday. The mayor said the budget was fair.",
    # a list of items: few function words, and none of another language's
    "Tomatoes, 2 cups\n\nBasil, 1 bunch\n\nOlive oil, 3 tablespoons\n\nGarlic, 4 cloves\n\n"
    "Salt and pepper\n\nParmesan, grated, 1 cup\n\nPine nuts, toasted, half cup\n\n"
    "Spaghetti, 500 grams\n\nLemon zest, 1 teaspoon\n\nChili flakes, a pinch",
])
def test_short_and_list_like_english_is_not_refused(analyzer, text):
    assert looks_english(text)
    assert analyzer.analyze(article_from_text(text)).sentences


@pytest.mark.parametrize("text", [
    PORTUGUESE,
    "Die Stadt hat am Montag den Haushalt beschlossen. Der Bürgermeister sagte, die Einigung "
    "sei ein guter Tag für alle Bürger der Stadt, und die Opposition kündigte Widerstand an, "
    "weil die Kosten zu hoch seien und die Schulen nicht genug Geld bekämen.",
    "시의회는 월요일 새 예산안을 통과시켰다. 시장은 이번 합의가 모든 시민에게 좋은 날이라고 말했다. "
    "야당은 비용이 너무 높고 학교에 충분한 돈이 돌아가지 않는다며 의회에서 반대하겠다고 밝혔다. "
    "예산안은 다음 달부터 시행되며 주민들은 새로운 버스 노선과 도서관 시간 연장을 기대하고 있다.",
    # no spaces between words: three sentences are three "words", still not English
    "市议会周一通过了新的预算。市长说，这是所有市民的好日子。反对派表示将在议会中反对。",
    "市議会は月曜日に新しい予算を可決した。",
    "Новый бюджет",  # a headline in another script
])
def test_other_languages_are_not_english(text):
    assert not looks_english(text)


def test_cli_batch_skips_a_non_english_page_with_its_reason(tmp_path):
    from test_cli import assert_clean_error, run

    page = tmp_path / "noticia.html"
    page.write_text(html("portuguese_news"), encoding="utf-8")
    alone = run("analyze", page, "--level", "article")
    assert_clean_error(alone, "the text is not English")
    out = tmp_path / "rows.csv"
    both = run("analyze", page, CASES / "sentences_like_link_labels.html", "--level", "article",
               "--out", out)
    assert f"skipped {page}: the text is not English" in both.stderr
    assert "Traceback" not in both.stderr
    rows = out.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 2 and "sentences_like_link_labels" in rows[1]


@pytest.mark.slow
def test_app_shows_the_non_english_refusal_in_one_line():
    from conftest import ROOT
    from test_app import PASTE_A, paste

    app_test = pytest.importorskip("streamlit.testing.v1").AppTest
    app = app_test.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    paste(app, "A", PASTE_A)
    paste(app, "B", PORTUGUESE)
    app.button(key="analyze").click().run()
    assert not app.exception
    errors = [e.value for e in app.error]
    assert len(errors) == 1 and errors[0].startswith("Article B: the text is not English")
    assert "\n" not in errors[0] and "Traceback" not in errors[0]
