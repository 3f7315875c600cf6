"""Frame dimensions of the Media Frames Corpus (Boydstun et al. 2014; Card et al. 2015).

Each sentence gets the frame whose cues it holds most (``framing/data/frames.csv``: our own cue
words and phrases, each with the frame it points to and why), or none; ties go to the frame
whose cue comes first. An article's distribution is the share of its framed body sentences
in each frame.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .lexicon import Lexicon, read_lexicon

FRAMES_FILE = Path(__file__).parent / "data" / "frames.csv"

# The 15 dimensions, in the codebook's order, with the names readers see.
FRAME_NAMES = {
    "economic": "Economic",
    "capacity_resources": "Capacity and resources",
    "morality": "Morality",
    "fairness_equality": "Fairness and equality",
    "legality": "Legality, constitutionality and jurisprudence",
    "policy": "Policy prescription and evaluation",
    "crime_punishment": "Crime and punishment",
    "security_defense": "Security and defense",
    "health_safety": "Health and safety",
    "quality_of_life": "Quality of life",
    "cultural_identity": "Cultural identity",
    "public_opinion": "Public opinion",
    "political": "Political",
    "external_regulation": "External regulation and reputation",
    "other": "Other",
}
FRAMES = tuple(FRAME_NAMES)


@dataclass(frozen=True)
class SentenceFrame:
    """The primary frame of one sentence ('' when no cue fired) and the cues that decided it."""

    sentence: int
    frame: str
    cues: tuple[str, ...] = ()

    def describe(self) -> str:
        return f"{FRAME_NAMES[self.frame]}: {', '.join(self.cues)}" if self.frame else ""


class FrameFinder:
    """Finds frame cues; built once per Analyzer."""

    def __init__(self, path: Path = FRAMES_FILE) -> None:
        entries = read_lexicon(path, categories=None)  # the frames are the categories
        unknown = {e.category for e in entries} - set(FRAMES)
        if unknown:
            raise ValueError(f"{path.name}: unknown frame codes {sorted(unknown)}")
        self.cues = Lexicon(entries)

    def frame(self, text: str, index: int, start: int, end: int, toks=None) -> SentenceFrame:
        matches = self.cues.match(text, start, end, toks=toks)
        if not matches:
            return SentenceFrame(index, "")
        counts = Counter(m.entry.category for m in matches)
        first = {}
        for m in matches:
            first.setdefault(m.entry.category, m.start)
        best = max(counts, key=lambda f: (counts[f], -first[f]))
        cues = tuple(dict.fromkeys(m.surface.lower() for m in matches
                                   if m.entry.category == best))
        return SentenceFrame(index, best, cues)


def distribution(frames: list[SentenceFrame]) -> dict[str, float]:
    """Share of framed sentences in each frame (all 15 keys; 'other' stays 0 unless used)."""
    counts = Counter(f.frame for f in frames if f.frame)
    total = sum(counts.values())
    return {code: round(counts[code] / total, 4) if total else 0.0 for code in FRAMES}
