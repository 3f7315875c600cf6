"""The document owns the text: every sentence, quote and hit is a span into it."""

from __future__ import annotations

import pytest
from conftest import CORPUS_FILES
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from framing.errors import EmptyInputError, InputFileError, NotEnglishError
from framing.ingest import article_from_text, looks_english, names_a_file
from framing.report import KINDS, LABELS, VOICES


def check_invariants(report):
    text = report.article.text
    previous_end = 0
    for index, score in enumerate(report.scores):
        s = score.sentence
        assert s.index == index
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= previous_end, "sentences overlap or go backwards"
        assert text[s.start:s.end] == report.sentence_text(s)
        assert text[s.start:s.end].strip() == text[s.start:s.end], "untrimmed sentence"
        assert s.kind in KINDS and s.voice in VOICES
        assert score.label in LABELS and 0.0 <= score.opinion_score <= 1.0
        previous_end = s.end
    for hit in report.hits:
        assert 0 <= hit.start < hit.end <= len(text)
        assert text[hit.start:hit.end] == hit.surface
        assert hit.voice in VOICES
        owner = report.scores[hit.sentence].sentence
        assert owner.start <= hit.start and hit.end <= owner.end
    for quote in report.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert quote.role in ("quote", "partial", "scare", "title", "turn", "post")


@pytest.mark.parametrize("name", [p.stem for p in CORPUS_FILES])
def test_corpus_offsets(corpus_reports, name):
    report = corpus_reports[name]
    assert report.scores
    check_invariants(report)


TEXT_ALPHABET = st.characters(
    blacklist_categories=("Cs",),
    whitelist_categories=None,
)
NEWSY = st.sampled_from(
    ["“", "”", "‘", "’", '"', "'", "\n", "\n\n", " ", ".", "?", "!", ",", ":", " said ",
     " according to ", "Putin", " he added", "U.S.", "(AP)", "By Jane Doe", "—", "«", "»",
     "\u00a0", "\t", "Read Next: ", "(Photo by X)", "claimed that", "…", " known as ",
     " as a ", " rating", " the slogan ", "screaming ", "The Daily Beast", "Mayor Moron ",
     "Crooked "]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.text(TEXT_ALPHABET, max_size=30), NEWSY), max_size=60))
@example(pieces=["0.TXT"])  # (a text that names a file, found by this test)
def test_any_text_analyzes_and_keeps_offsets(analyzer, pieces):
    text = "".join(pieces)
    try:
        report = analyzer.analyze(text)
    except EmptyInputError as error:  # no words, or nothing but link lines ("Read more: …")
        if "no body text" in str(error):
            lines = analyzer.segmenter.segment(article_from_text(text))
            assert lines and all(s.kind == "link" for s in lines)
        else:
            assert not any(ch.isalnum() or ch == "_" for ch in text)
        return
    except NotEnglishError:  # most letters in another script: refused, never half-analyzed
        assert not looks_english(text)
        return
    except InputFileError:  # one word that names a file ("0.TXT"): refused, saying what to do
        assert names_a_file(text)
        return
    check_invariants(report)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "word " * 20_000,  # 100 k characters without a full stop
        "x" * 100_000,  # one 100 k character token
        ("He said “yes” and ‘no’ and \"maybe\" " * 3000),
        ("\n".join(["Headline Words Here"] * 5000)),
    ],
    ids=["no-full-stop", "one-token", "many-quotes", "many-lines"],
)
def test_huge_texts(analyzer, text):
    check_invariants(analyzer.analyze(text))
