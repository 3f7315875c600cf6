"""Link lines: a page's "Read more", "Related", "Watch:" lines between or after the article's
paragraphs, which a reader skips.

Shared by the page extraction (``framing.ingest`` leaves such paragraphs out) and the sentence
splitter (``framing.segment`` marks such lines in plain text as not body text). Kept apart
from both so that reading a page needs no sentence splitter.
"""

from __future__ import annotations

import re

# Phrases that never open an article's sentence mark a link line by themselves; words that can
# ("More than 2,000 ...", "Next year ...", "Watch this space") only when a separator follows
# them or the whole line is a short label without a sentence's end.
_LINK_PHRASE = re.compile(
    r"^\s*(read next|read more|see also|also read|further reading|more on this story|"
    r"most read|more from|more stories|sign up|subscribe|advertisement|share this|"
    r"follow us|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|leer más|lea también|"
    r"leia também|leggi anche|"
    # a cookie banner
    r"we use cookies|this (?:web)?site uses cookies|accept (?:all )?cookies|manage cookies|"
    r"cookie settings|by continuing to (?:use|browse) this (?:web)?site)\b",
    re.IGNORECASE,
)
# A site's menu: three or more short items between bars or dots ("Home | News | Sport",
# "Privacy policy · Terms of use · Contact us").
_MENU = re.compile(r"^\s*[^|·•.!?]{1,30}(?:\s[|·•]\s[^|·•.!?]{1,30}){2,}\s*$")
# A label and a separator: a line of links, however many ("RELATED: … | … | …").
_LINK_LABEL = re.compile(
    r"^\s*(related|related (?:stories|articles|coverage|posts|content|links)|recommended|"
    r"watch|watch now|now watch|listen|more|older|newer|previous|next|up next|see more|"
    r"trending(?: now)?|sponsored(?: content| links)?|don[’']?t miss)"
    r"(?:\s*[:|>»›→—–]|\s+-\s)",
    re.IGNORECASE,
)
# Arrows that open a pager's link ("← Older posts", "« Previous").
_ARROW = re.compile(r"^\s*[←→«»‹›]")
_LINK_WORD = re.compile(
    r"^\s*(related|recommended|watch|listen|more|older|newer|previous|next|see more|"
    r"don[’']?t miss)\b.{0,60}$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s*$")


def is_link_line(line: str, *, arrows: bool = True) -> bool:
    """A "Read more"/"Related"/"Watch:" line: a link or a widget label, not article text.
    ``arrows``: a line opening with an arrow or a guillemet counts too (on a page, where
    quotation marks are not set so; not in plain text, where «…» may quote)."""
    words = len(line.split())
    if (_LINK_PHRASE.match(line) or (arrows and _ARROW.match(line))) and words <= 25:
        return True
    if _LINK_LABEL.match(line) and words <= 60:
        return True
    if _MENU.match(line):
        return True
    return bool(_LINK_WORD.match(line) and words <= 8 and not _SENTENCE_END.search(line))
