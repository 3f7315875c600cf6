"""Posts embedded from social media: a tweet's words above its signature line.

A page that embeds a tweet keeps, once its markup is gone, the post's text and then the line
that signs it: "— Mayor Ruth Ambler (@RuthAmblerMayor) March 3, 2024". The words carry no
quotation marks, yet they are the account's, not the writer's. Each line of the post becomes a
quotation (a ``Quote`` with role ``post``) credited to the name in the signature; the signature
itself is a credit line (the segmenter's ``caption`` kind).

The post is the line right above the signature, when it is no longer than a post (280
characters, with room for a link) and does not introduce the post ("Here is the video:": a post
of a picture alone). Lines above it stay the writer's: they are far more often the writer's
lead-in than the start of a post written in paragraphs. A signature at the end of a paragraph
signs the words before it in the paragraph.
"""

from __future__ import annotations

import re

from .report import Quote
from .segment import SIGNATURE, SIGNATURE_BODY, lines

# A post's text is at most 280 characters; with a link or two, at most this long.
_POST_CHARACTERS = 400
# A signature at the end of the post's own paragraph: "… pic.twitter.com/x — Harbour News 7
# (@HarbourNews7) May 2, 2024"
_INLINE = re.compile(r"\s[—–][ \t]*" + SIGNATURE_BODY + r"[ \t]*$")


def find_posts(text: str) -> list[Quote]:
    """The lines of the posts embedded in a text, as quotations; [] when it embeds none."""
    if "(@" not in text:
        return []  # the common case, decided without splitting the text
    units = [(line.start, line.end) for line in lines(text)]
    found: list[Quote] = []
    taken = -1  # the last line already in a post or a signature
    for n, (start, end) in enumerate(units):
        signature = SIGNATURE.match(text, start, end)
        if signature is not None:
            if n - 1 > taken:
                body = text[units[n - 1][0]:units[n - 1][1]]
                if len(body) <= _POST_CHARACTERS and not body.rstrip().endswith(":"):
                    found.append(Quote(*units[n - 1], role="post",
                                       speaker=signature.group("name").strip()))
            taken = n
            continue
        inline = _INLINE.search(text, start, end)
        if inline is not None and inline.end() == end and 0 < inline.start() - start <= (
                _POST_CHARACTERS):
            found.append(Quote(start, inline.start(), role="post",
                               speaker=inline.group("name").strip()))
            taken = n
    return found
