"""The Python API as a notebook user meets it: reprs, copies, pickles and wrong arguments."""

from __future__ import annotations

import copy
import json
import pickle
import re

import pytest
from conftest import CORPUS, ROOT

from framing import Article, ArticleReport
from framing.compare import compare


@pytest.fixture(scope="module")
def comparison(corpus_reports):
    return compare([corpus_reports["housing_oped"], corpus_reports["housing_wire"]])


def test_a_report_repr_is_one_short_line(seed_report):
    shown = repr(seed_report)
    assert len(shown) < 600 and "\n" not in shown
    assert shown.startswith("ArticleReport(article=Article(id='ukraine_seed', ")
    assert f"scores=<{len(seed_report.scores)} SentenceScore>" in shown
    assert f"framing_score={seed_report.metrics.framing_score})" in shown
    assert f"({len(seed_report.article.text):,} characters)" in shown


def test_an_article_repr_cuts_the_text_and_leaves_out_empty_fields():
    assert repr(Article("The council met.")) == "Article(text='The council met.')"
    long = Article("word " * 1000, id="x", title="T")
    assert repr(long) == f"Article(id='x', title='T', text={'word ' * 12!r}… (5,000 characters))"


def test_a_comparison_repr_names_the_articles(comparison):
    shown = repr(comparison)
    assert len(shown) < 400
    assert shown.startswith("Comparison(reports=<2 ArticleReport: A 'housing_oped', "
                            "B 'housing_wire'>, pairs=<")


def test_the_short_reprs_keep_equality_and_hashing(analyzer, seed_report):
    again = analyzer.analyze((CORPUS / "ukraine_seed.txt").read_text(encoding="utf-8"))
    same = ArticleReport(**{name: getattr(again, name) for name in again.__dataclass_fields__})
    assert same == again and hash(same) == hash(again)
    assert again != seed_report  # read from the text, not the file: another id and source
    assert pickle.loads(pickle.dumps(seed_report)) == seed_report
    assert copy.deepcopy(seed_report) == seed_report


ARTICLE = ("The mayor said the plan would be paid from reserves. Critics slammed the reckless "
           "scheme, which the council approved on Tuesday.")


@pytest.mark.parametrize("copied", [lambda a: pickle.loads(pickle.dumps(a)), copy.deepcopy,
                                    copy.copy])
def test_an_analyzer_pickles_and_copies_with_the_same_results(analyzer, copied):
    other = copied(analyzer)
    assert other is not analyzer
    assert other.analyze(ARTICLE) == analyzer.analyze(ARTICLE)


def test_a_pickled_analyzer_keeps_its_lexicons_and_model():
    from framing import Analyzer
    from framing.lexicon import LexiconText

    mine = LexiconText("mine.csv", "term,category,explanation,alternative\n"
                                   "reserves,loaded,a test entry,savings\n")
    analyzer = Analyzer(lexicons=[mine])
    other = pickle.loads(pickle.dumps(analyzer))
    assert other.lexicon_files == (mine,)
    assert other.bundle.model is not analyzer.bundle.model  # carried, not trained again
    assert "reserves" in [hit.term for hit in other.analyze(ARTICLE).hits]
    assert other.analyze(ARTICLE) == analyzer.analyze(ARTICLE)


def test_an_analyzer_goes_to_worker_processes(analyzer):
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(2) as pool:
        reports = list(pool.map(analyzer.analyze, [ARTICLE, ARTICLE + " It passed."]))
    assert reports[0] == analyzer.analyze(ARTICLE)
    assert reports[1] == analyzer.analyze(ARTICLE + " It passed.")


@pytest.mark.parametrize(("source", "message"), [
    (str(CORPUS / "ukraine_seed.txt"), "analyze takes an Article or text; read a file with "
                                       "load_article(path) first"),
    ("ukraine_seed.txt", "ukraine_seed.txt: analyze takes an Article or text"),
    ("  https://example.org/news/story \n", "read a file with load_article"),
    (b"The council met.", "got bytes; decode the bytes first (data.decode('utf-8')) or use "
                          "article_from_bytes"),
    (["The council met.", "The mayor spoke."], "got list; analyze one text at a time"),
    (Article(None), "expected article text as a string, got NoneType"),
])
def test_what_is_not_one_articles_text_is_refused_with_what_to_do(analyzer, source, message):
    from framing import FramingError

    with pytest.raises(FramingError, match=re.escape(message)) as raised:
        analyzer.analyze(source)
    assert "\n" not in str(raised.value)


def test_a_series_of_texts_is_refused_with_what_to_do(analyzer):
    import pandas as pd

    from framing.errors import EmptyInputError

    with pytest.raises(EmptyInputError, match="got Series; analyze one text at a time"):
        analyzer.analyze(pd.Series([ARTICLE, ARTICLE]))


def test_an_articles_text_given_to_load_article_says_what_to_do_instead():
    from framing import load_article
    from framing.errors import InputFileError

    with pytest.raises(InputFileError, match=r"looks like an article's text: analyze it with "
                       r"analyze\(text\)") as raised:
        load_article(ARTICLE)
    assert len(str(raised.value)) < 200  # the text cut short, not printed whole
    with pytest.raises(InputFileError, match="missing file.txt: no such file"):
        load_article("missing file.txt")


@pytest.mark.parametrize("text", ["The council met.", "Vote.", "Ukraine", "U.S.", "e.g.",
                                  "1.5", "@mayor"])
def test_short_texts_that_name_no_file_are_still_analyzed(analyzer, text):
    assert analyzer.analyze(text).article.text == text


def test_wrong_option_types_are_type_errors(analyzer):
    with pytest.raises(TypeError, match="^title must be a string, not int$"):
        analyzer.analyze(ARTICLE, title=5)
    with pytest.raises(TypeError, match=r"^title, outlet: these options go with a text; an "
                                        r"Article carries its own"):
        analyzer.analyze(Article(ARTICLE), title="Budget", outlet="Ledger")
    with pytest.raises(TypeError, match="takes a list of texts, not one string; for one text "
                                        "use classify_text"):
        analyzer.classify_texts(ARTICLE)
    from framing.errors import EmptyInputError

    with pytest.raises(EmptyInputError, match="expected a text to classify as a string, got "
                                              "NoneType"):
        analyzer.classify_texts([ARTICLE, None])


def test_an_article_built_by_hand_meets_the_checks_a_text_meets(analyzer):
    from framing import articles_frame, report_json, sentences_frame
    from framing.errors import InputTooLargeError

    with pytest.raises(TypeError, match="^the Article's title must be a string, not int$"):
        analyzer.analyze(Article("The mayor said the plan was fair.", title=5))
    # the limit counts a title too, given with a text or in an Article
    with pytest.raises(InputTooLargeError, match=r"^text is 9,500,0\d\d characters \(title "
                                                 r"included\); the limit is 2,000,000"):
        analyzer.analyze("The mayor said it.", title="Word " * 1_900_000)
    with pytest.raises(InputTooLargeError, match="^text is 2,500,000 characters; the limit"):
        analyzer.analyze(Article("word " * 500_000))
    # a lone surrogate becomes U+FFFD, as in a text, so the report exports
    report = analyzer.analyze(Article("The mayor \ud800 said it was fine.", id="x"))
    assert "\ufffd" in report.article.text
    assert len(sentences_frame([report]).to_csv()) > 0
    # ... in every field, as given to analyze or in an Article, so the tables and JSON export
    for report in (analyzer.analyze("The mayor said it was fine.", title="Head\udc80line",
                                    outlet="Out\udc80let", url="https://x.org/\udc80"),
                   analyzer.analyze(Article("The mayor said it.", id="x\udc80",
                                            outlet="Out\udc80let", published="2024\udc80"))):
        fields = [getattr(report.article, n) for n in ("id", "title", "outlet", "url")]
        assert not any("\udc80" in f for f in fields) and "Out\ufffdlet" in fields
        assert articles_frame([report]).to_csv().encode() and json.dumps(
            report_json(report), ensure_ascii=False).encode()


def test_classify_texts_reads_a_generator_once_for_every_backend(analyzer):
    from dataclasses import replace

    import numpy as np

    from framing import Analyzer

    class Language:  # stands in for the transformer backend's language model
        seen: list = []
        threshold = 0.5

        def opinion_probability(self, texts):
            self.seen.append(list(texts))
            return np.full(len(texts), 0.5)

    language = Language()
    other = Analyzer(model=replace(analyzer.bundle, transformer=language))
    texts = ["Critics slammed the reckless scheme.", "The council met on Tuesday."]
    results = other.classify_texts(text for text in texts)
    assert language.seen == [texts] and len(results) == 2


def test_tab_completion_offers_the_public_names_each_documented():
    import inspect

    import framing

    assert dir(framing) == sorted([*framing.__all__, "__version__"])
    for name in framing.__all__:
        doc = inspect.getdoc(getattr(framing, name))
        assert doc and len(doc) > 30, name


def test_the_version_is_the_projects():
    import framing

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{framing.__version__}"' in pyproject


@pytest.mark.parametrize("make", ["sentences_frame", "articles_frame", "actors_frame"])
@pytest.mark.parametrize(("reports", "message"), [
    (None, "takes a list of reports from Analyzer.analyze, not NoneType"),
    ("text", "takes a list of reports from Analyzer.analyze, not str"),
    (["The council met."], "takes reports from Analyzer.analyze, not str; analyze each text "
                           "first"),
])
def test_tables_are_made_of_reports(make, reports, message):
    import framing

    with pytest.raises(TypeError, match=f"^{make} {re.escape(message)}$"):
        getattr(framing, make)(reports)


@pytest.mark.parametrize("make", ["comparison_metrics_frame", "comparison_pairs_frame",
                                  "comparison_gaps_frame", "comparison_headlines_frame",
                                  "comparison_terms_frame", "comparison_actors_frame",
                                  "comparison_json"])
def test_comparison_tables_are_made_of_a_comparison(make, seed_report):
    from framing import export

    for wrong in (None, [seed_report], seed_report):
        with pytest.raises(TypeError, match=f"^{make} takes the comparison compare\\(reports\\) "
                                            f"returns, not {type(wrong).__name__}$"):
            getattr(export, make)(wrong)


def test_a_report_and_a_table_exported_are_checked(seed_report):
    # (None gave "'NoneType' object has no attribute 'article'" or "... 'rename'")
    from framing import report_json, to_csv_bytes

    with pytest.raises(TypeError, match="^report_json takes one report from Analyzer.analyze, "
                                        "not NoneType$"):
        report_json(None)
    with pytest.raises(TypeError, match=r"not list; for several, \[report_json\(r\) for r"):
        report_json([seed_report])
    for wrong in (None, [seed_report], "a,b"):
        with pytest.raises(TypeError, match="^to_csv_bytes takes a table"):
            to_csv_bytes(wrong)


def test_one_report_is_given_in_a_list(seed_report):
    from framing import actors_frame, articles_frame

    with pytest.raises(TypeError, match=r"for one, give \[report\]"):
        articles_frame(seed_report)
    assert len(articles_frame(iter([seed_report]))) == 1
    assert len(actors_frame([seed_report])) == len(seed_report.actors)


def test_compare_takes_any_iterable_of_reports(corpus_reports, comparison):
    from framing.compare import CompareError

    pair = [corpus_reports["housing_oped"], corpus_reports["housing_wire"]]
    assert compare(report for report in pair) == comparison
    for wrong in (pair[0], 42, None, "AB"):
        with pytest.raises(CompareError, match="^compare takes a list of two to four reports"):
            compare(wrong)


def test_arguments_of_the_wrong_kind_are_said_before_any_work(analyzer, tmp_path):
    # each was a TypeError from deep inside (pathlib's, "'int' object is not callable"), the
    # wrong function's name, or came only at the first row or article that needed it
    from framing import Analyzer, Corpus, FramingError, load_articles
    from framing.corpus.stories import blind_spots

    table = tmp_path / "t.jsonl"
    table.write_text(json.dumps({"text": "The council met on Monday and voted."}),
                     encoding="utf-8")
    store = tmp_path / "s.duckdb"
    calls = [
        (lambda: analyzer.analyze("The council met.", titel="Vote"),
         "analyze() got an unexpected keyword argument 'titel'; the options are id, outlet"),
        (lambda: Analyzer(model=5), "model is a model file's path"),
        (lambda: next(load_articles(table, skipped=())),
         "skipped must be a list to append to (or None), not tuple"),
        (lambda: blind_spots(store, min_outlets="2"), "min_outlets must be a whole number"),
        (lambda: Corpus(store).add([str(table)], report=5),
         "report must be a function to call (or None), not int"),
        (lambda: Corpus(store).analyze(progress=5), "progress must be a function to call"),
        (lambda: Corpus(store).add(files_from=5), "files_from is the path of a list of inputs"),
    ]
    for call, message in calls:
        with pytest.raises(TypeError, match=f"^{re.escape(message)}"):
            call()
    assert not store.exists()  # nothing was made on the way
    with pytest.raises(FramingError, match="is a folder, not a list of inputs"):
        Corpus(store).add(files_from=str(tmp_path))


def test_the_functions_an_error_suggests_can_be_imported_from_framing():
    """analyze(b"...") pointed to article_from_bytes, which framing did not export."""
    import framing
    from framing import FramingError

    said = []
    for call in (lambda: framing.analyze(b"Some text."), lambda: framing.load_article(b"x")):
        with pytest.raises(FramingError) as error:
            call()
        said += re.findall(r"\b(article_from_\w+|load_\w+)\b", str(error.value))
    assert "article_from_bytes" in said
    for name in said:
        assert name in framing.__all__ and callable(getattr(framing, name)), name
    article = framing.article_from_bytes(b"The council met on Tuesday.", "note.txt")
    assert article.text == "The council met on Tuesday."
