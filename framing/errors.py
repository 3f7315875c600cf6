"""Errors raised by framing. Every one carries a one-line message a user can act on.

The command line prints ``str(error)`` and exits with status 2; the app shows it with
``st.error``. Nothing in framing raises a bare ``ValueError`` or ``OSError`` at a user.
"""

import re


class FramingError(Exception):
    """Base class: a problem with the user's input, data files or environment."""


def shown_path(path, limit: int = 120) -> str:
    """A path as a message shows it: a name of thousands of characters cut to its ends, and
    its control characters written out (``printable``)."""
    text = printable(path)
    return text if len(text) <= limit else f"{text[:limit // 2]}…{text[-limit // 2:]}"


# Control characters (line breaks, tabs, ESC, which starts a terminal's escape sequences,
# BEL, DEL, C1) and the marks that reorder a line (bidirectional overrides and isolates).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069"
                          "\u2028\u2029]")


def printable(text) -> str:
    """Text from outside (a file name, a title, an outlet, a cell) as a terminal line shows
    it: each control character written out as Python writes it (``\\n``, ``\\x1b``), so a
    name cannot break a message into two lines, and a page's title cannot send the terminal
    escape sequences (recolour, retitle, clear the screen) or reorder the line."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], str(text))


def os_reason(problem: OSError) -> str:
    """An OSError's reason in a few words, lower case ("file name too long")."""
    import errno

    if problem.errno == errno.ENAMETOOLONG:
        return "file name too long"
    reason = problem.strerror or type(problem).__name__
    return reason[:1].lower() + reason[1:]


def message_for(error: Exception, source: str) -> str:
    """An error's message without a leading "SOURCE: ", for a listing that names the source
    already ("skipped SOURCE: the text is not English", not the path twice)."""
    message = str(error)
    if source:  # (the source as written, or as a message shows it: ``shown_path``)
        for prefix in (f"{source}: ", f"{shown_path(source)}: "):
            if message.startswith(prefix):
                return message[len(prefix):]
    return message


class EmptyInputError(FramingError):
    """The text, file or page holds no words to analyze."""


class InputFileError(FramingError):
    """A path that is missing, a directory, unreadable, binary, or of a type we do not read."""


class InputTooLargeError(FramingError):
    """A text, file or download above the documented size cap."""


class DecodeError(FramingError):
    """Bytes that are not text in any encoding we accept."""


class FetchError(FramingError):
    """A URL that could not be fetched: unreachable, timed out, an HTTP error, not a web page."""


class ExtractionError(FramingError):
    """An HTML page in which no article text could be found."""


class NotEnglishError(FramingError):
    """A text in another language: framing's lexicons and model read English only."""


class CSVInputError(FramingError):
    """A CSV file that is malformed or lacks the column the command needs."""


class LexiconError(FramingError):
    """A lexicon file that is malformed; the message names the file, line and problem."""


class ModelError(FramingError):
    """A classifier that cannot be trained or loaded; the message says how to fix it."""


class OutputError(FramingError):
    """An output that cannot be written: no such folder, no permission, a full disk."""
