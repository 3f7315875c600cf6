"""Opinion or reporting, per sentence.

Until the trained classifier lands, a documented rule: a sentence in the author's own voice
is opinion when TextBlob's subjectivity of its unquoted words is at least 0.5; reported and
quoted sentences are reporting (holding a view is not the same as reporting one).
"""

from __future__ import annotations

from dataclasses import dataclass

from textblob import TextBlob

from .report import Sentence, SentenceScore
from .voice import QuoteIndex

BORDERLINE = (0.4, 0.6)


def mask_quotes(text: str, start: int, end: int, quotes: QuoteIndex) -> str:
    """The sentence's text with quoted characters replaced by spaces (same length)."""
    pieces = []
    position = start
    for q in quotes.within(start, end):
        lo, hi = max(start, q.start), min(end, q.end)
        pieces.append(text[position:lo])
        pieces.append(" " * (hi - lo))
        position = hi
    pieces.append(text[position:end])
    return "".join(pieces)


@dataclass(frozen=True)
class RuleClassifier:
    """TextBlob subjectivity of the author's own words; see the module docstring."""

    threshold: float = 0.5
    borderline: tuple[float, float] = BORDERLINE

    def score(self, sentence: Sentence, author_text: str) -> SentenceScore:
        sentiment = TextBlob(author_text).sentiment
        subjectivity = float(sentiment.subjectivity)
        if sentence.voice != "author":
            score = min(subjectivity, 0.3)
            cues = (f"{sentence.voice} to {sentence.speaker}" if sentence.speaker
                    else sentence.voice,)
        else:
            score = subjectivity
            cues = (f"subjectivity of the author's words: {subjectivity:.2f}",)
        label = "opinion" if score >= self.threshold else "reporting"
        low, high = self.borderline
        return SentenceScore(sentence, label, round(score, 4), cues, low <= score <= high)
