"""The quick variant of bench/pathological.py: only a FramingError escapes, spans hold.

Timing is the benchmark's business (``python3 bench/pathological.py``); this runs the same
inputs, about twenty times smaller, through the same load path and the session's Analyzer.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest
from conftest import ROOT
from test_invariants import check_invariants

from framing.errors import FramingError, InputTooLargeError
from framing.ingest import MAX_CHARS, article_from_bytes

_spec = importlib.util.spec_from_file_location("pathological", ROOT / "bench" / "pathological.py")
pathological = importlib.util.module_from_spec(_spec)
sys.modules["pathological"] = pathological  # its dataclass looks its module up by name
_spec.loader.exec_module(pathological)


@pytest.mark.slow
@pytest.mark.parametrize("case", pathological.CASES, ids=[c.name for c in pathological.CASES])
def test_pathological_input(analyzer, case):
    data, name = case.make(1, True)
    try:
        report = analyzer.analyze(article_from_bytes(data, name))
    except FramingError as error:
        if case.name == "over the cap":
            assert isinstance(error, InputTooLargeError)
        return
    assert case.name != "over the cap", f"{len(data):,} bytes over {MAX_CHARS:,} were analyzed"
    assert report.scores
    check_invariants(report)


@pytest.mark.slow
def test_no_sentence_is_longer_than_a_block(analyzer):
    # A megabyte without a full stop is cut into sentences of at most MAX_BLOCK characters,
    # each a span of the text; nothing downstream works on one unbounded sentence.
    from framing.segment import MAX_BLOCK

    data, name = pathological.no_punctuation(1, True)
    report = analyzer.analyze(article_from_bytes(data, name))
    assert len(report.scores) > 1
    assert max(s.sentence.end - s.sentence.start for s in report.scores) <= MAX_BLOCK
    check_invariants(report)


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Jane Doe and John Smith", True),
        ("By Jane Doe, John Smith & Al Roe, Reuters", True),
        ("By ANA RUIZ", True),
        ("By Jane Doe and", False),
        ("by and large, the economy grew", False),  # "and" is not a name
        ("By Xa Aa Aa" + " and Aa" * 60 + " !", False),  # took 2^n steps before
        ("By X" + "andX" * 5000 + " !", False),
    ],
)
def test_byline_lines(line, byline):
    from framing.segment import is_caption_or_credit

    assert is_caption_or_credit(line) is byline


def test_many_names_joined_by_and_analyze(analyzer):
    # A line of 60 names joined by "and" once made the byline regex backtrack exponentially.
    text = "By Ana Ruiz" + " and Jo Park" * 60 + " !\n\nThe council met on Monday."
    check_invariants(analyzer.analyze(text))
