"""Pathological inputs: nothing but a FramingError escapes, and time grows linearly.

    python bench/pathological.py [--quick] [--timeout 300] [--only NAME ...]

Each input goes through the whole pipeline, as a user's file would: ``article_from_bytes``
(the ``.txt`` or ``.html`` load path) then ``Analyzer.analyze``. For each it records the
exception if any (only a ``FramingError`` is allowed), the time, the seconds per MB of input,
and the time for the input made twice as large (the ratio must stay near 2 or below: no
superlinear blow-up). Every span of every report is checked against the article text. The
first row is the baseline: the ordinary news text of ``corpus/articles`` repeated to size.

Each input runs in a forked child process with a time limit, so a catastrophically
backtracking regular expression shows up as a TIMEOUT row instead of hanging the benchmark.
``--quick`` uses inputs about twenty times smaller (a smoke run of a few seconds per input).
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import random
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing import Analyzer, load_article  # noqa: E402
from framing.errors import FramingError  # noqa: E402
from framing.ingest import MAX_CHARS, article_from_bytes  # noqa: E402

# Ordinary news text takes about 11 s per MB on a quiet two-core machine; an input may take at
# most 20 s per MB there, that is 20/11 of the news text's time measured in the same run (a
# loaded machine slows both).
TARGET_S_PER_MB = 20.0
NEWS_S_PER_MB = 11.0
MAX_RATIO = 2.5  # doubling an input at most doubles its time (with room for timing noise)

_WORDS = (
    "the minister said that council budget would rise after months of talks with unions "
    "officials and residents who have argued over housing transport schools and hospitals "
    "across region since last spring when protest began outside town hall"
).split()


def _words(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(_WORDS) for _ in range(n)]


def _news(chars: int) -> str:
    """The example articles' bodies, repeated to about ``chars`` characters."""
    bodies = []
    for path in sorted((ROOT / "corpus" / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        bodies.append(text.partition("\n---\n")[2] or text)
    one = "\n\n".join(b.strip() for b in bodies)
    return ("\n\n".join([one] * (chars // len(one) + 1)))[:chars].rsplit(" ", 1)[0]


@dataclass(frozen=True)
class Case:
    """A pathological input at scale 1 (``make(1)``) and twice as large (``make(2)``)."""

    name: str
    what: str
    make: object  # (scale: int, quick: bool) -> (bytes, file name)


def _text(s: str, name: str = "input.txt") -> tuple[bytes, str]:
    return s.encode("utf-8"), name


def _size(quick: bool, full: int) -> int:
    return full // 20 if quick else full


def news(scale, quick):
    return _text(_news(scale * _size(quick, 500_000)))


def no_punctuation(scale, quick):
    # about 1 MB at full size, doubled: 2 MB (the article cap is 2,000,000 characters)
    n = scale * _size(quick, 999_000)
    return _text(" ".join(_words(n // 5))[:n].rsplit(" ", 1)[0])


def quote_marks(scale, quick):
    # 100,000 quotation marks: every word quoted, curly and straight, some unclosed
    n = scale * _size(quick, 100_000) // 2
    marks = [("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ('"', "")]
    words = _words(n, 1)
    parts = []
    for i, w in enumerate(words):
        o, c = marks[i % len(marks)]
        parts.append(f"{o}{w}{c}" + (" said Smith. " if i % 7 == 6 else " "))
    return _text("".join(parts))


def nested_quotes(scale, quick):
    # unbalanced and nested quotes: openings that never close, closings that never opened
    n = scale * _size(quick, 20_000)
    rng = random.Random(2)
    opens, closes = "“‘«\"'", "”’»\"'"
    parts = []
    for _ in range(n):
        r = rng.random()
        if r < 0.35:
            parts.append(rng.choice(opens) + rng.choice(_WORDS))
        elif r < 0.6:
            parts.append(rng.choice(_WORDS) + rng.choice(closes))
        elif r < 0.7:
            parts.append("she said “he said ‘they said «we said")
        else:
            parts.append(rng.choice(_WORDS) + ("." if r > 0.97 else ""))
    return _text(" ".join(parts))


def nested_tags(scale, quick):
    # 50,000 nested tags around a real article paragraph, through the HTML load path
    n = scale * _size(quick, 50_000)
    body = "<p>" + " ".join(_words(400, 3)) + ".</p>"
    html = ("<html><head><title>Nested</title></head><body>" + "<div>" * n + body
            + "</div>" * n + "</body></html>")
    return _text(html, "input.html")


def one_line(scale, quick):
    # one line of ordinary sentences: 1 MB, doubled 2 MB (at the cap)
    n = scale * _size(quick, 999_000)
    return _text(_news(n * 2).replace("\n", " ")[:n].rsplit(" ", 1)[0])


def invisible(scale, quick):
    # zero-width and right-to-left characters inside and between words, Arabic and Hebrew
    n = scale * _size(quick, 100_000)
    rng = random.Random(4)
    specials = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f",
                "\u202a", "\u202b", "\u202e", "\u2066", "\u2069", "\u00ad"]
    foreign = ["السلام", "وزير", "قال", "שלום", "אמר", "ראש"]
    parts = []
    for i in range(n // 8):
        w = rng.choice(_WORDS + foreign)
        k = rng.randrange(len(w) + 1)
        parts.append(w[:k] + rng.choice(specials) + w[k:] + ("." if i % 12 == 11 else ""))
    return _text(" ".join(parts))


def emoji(scale, quick):
    n = scale * _size(quick, 100_000)
    rng = random.Random(5)
    glyphs = ["😀", "🇺🇸", "👩‍👩‍👧", "🔥", "✊🏽", "❤️", "🧵", "👉", "📢"]
    parts = []
    for i in range(n // 6):
        parts.append(rng.choice(_WORDS) if i % 3 else "".join(rng.choices(glyphs, k=3)))
        if i % 15 == 14:
            parts[-1] += "!"
    return _text(" ".join(parts))


def one_word_paragraphs(scale, quick):
    n = scale * _size(quick, 10_000)
    return _text("\n\n".join(_words(n, 6)))


def speaker_labels(scale, quick):
    # a transcript of 20,000 turns: two speakers, thousands of other labels, Q and A
    n = scale * _size(quick, 20_000)
    words = _words(n * 6, 8)
    lines = []
    for i in range(n):
        label = ("MARLOWE", "QUILLFEATHER", f"SPEAKER{i}X", "Q", "A")[i % 5]
        lines.append(f"{label}: " + " ".join(words[i * 6:i * 6 + 6]) + ".")
    return _text("\n\n".join(lines))


def long_sentence(scale, quick):
    # one sentence of 20,000 words with commas, a verb of saying and quotes, ending in a stop
    n = scale * _size(quick, 20_000)
    words = _words(n, 7)
    for i in range(0, n, 37):
        words[i] += ","
    for i in range(11, n, 400):
        words[i] = "said"
    return _text("Officials said " + " ".join(words) + ".")


def repeated_openings(scale, quick):
    # 5,000 sentences that open with the same twelve words, each printed twice, a paragraph
    # made of that opening 2,000 times over, and a sentence of 5,000 words inside a longer
    # one: work for the search for copies
    n = scale * _size(quick, 5_000)
    opening = "the council said on tuesday that the ferry to the island will"
    words = _words(n, 9)
    lines = [f"{opening} {words[i]} soon." for i in range(n)]
    long = " ".join(words)
    return _text("\n\n".join(lines + lines + [" ".join([opening] * (2 * n // 5)) + ".",
                                               long + ".", long + " and more."]))


def over_the_cap(scale, quick):
    # one character over the article cap: must be a clean InputTooLargeError at any scale
    return _text(("word " * (MAX_CHARS // 5 + 1))[: MAX_CHARS + scale])


CASES = (
    Case("news (baseline)", "the example articles repeated: 0.5 MB", news),
    Case("no punctuation", "1 MB of words, no punctuation, one line", no_punctuation),
    Case("quote marks", "100,000 quotation marks, curly and straight", quote_marks),
    Case("unbalanced quotes", "20,000 words, unbalanced and nested quotes", nested_quotes),
    Case("nested tags", "50,000 nested <div> tags (HTML)", nested_tags),
    Case("one line", "one 1 MB line of news text", one_line),
    Case("invisible chars", "zero-width and right-to-left marks", invisible),
    Case("emoji", "emoji, flags, ZWJ sequences", emoji),
    Case("one-word paragraphs", "10,000 one-word paragraphs", one_word_paragraphs),
    Case("speaker labels", "a transcript of 20,000 labeled turns", speaker_labels),
    Case("long sentence", "one sentence of 20,000 words", long_sentence),
    Case("repeated openings", "5,000 sentences with one opening, twice over, and more",
         repeated_openings),
    Case("over the cap", "2,000,001 characters", over_the_cap),
)


def check_spans(report) -> None:
    """Every sentence, quote and term hit is a span of the article text."""
    text = report.article.text
    for score in report.scores:
        s = score.sentence
        assert 0 <= s.start < s.end <= len(text), f"sentence {s.index} out of range"
        assert text[s.start:s.end] == report.sentence_text(s)
    for hit in report.hits:
        assert 0 <= hit.start < hit.end <= len(text), "hit out of range"
        assert text[hit.start:hit.end] == hit.surface, f"hit {hit.surface!r} off its span"
    for quote in report.quotes:
        assert 0 <= quote.start < quote.end <= len(text), "quote out of range"


def run_input(analyzer: Analyzer, data: bytes, name: str) -> tuple[str, int]:
    """Load and analyze one input; return the FramingError's name ('' if none) and the
    number of sentences. Anything but a FramingError propagates."""
    try:
        report = analyzer.analyze(article_from_bytes(data, name))
    except FramingError as error:
        return type(error).__name__, 0
    check_spans(report)
    return "", len(report.scores)


def _child(conn, analyzer, data, name):
    try:
        started, cpu = time.perf_counter(), time.process_time()
        error, sentences = run_input(analyzer, data, name)
        conn.send(("ok", time.process_time() - cpu, error, sentences,
                   time.perf_counter() - started))
    except BaseException as error:  # report any escape to the parent, with where it came from
        conn.send(("bug", 0.0, f"{type(error).__name__}: {error}"[:200],
                   traceback.format_exc(limit=-3), 0.0))
    finally:
        conn.close()


def timed(analyzer: Analyzer, data: bytes, name: str, timeout: float) -> tuple:
    """Run one input in a forked child; ('timeout', timeout, ...) if it runs too long."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(child, analyzer, data, name))
    process.start()
    child.close()
    result = ("timeout", timeout, "TIMEOUT", 0, timeout)
    if parent.poll(timeout):
        try:
            result = parent.recv()
        except EOFError:  # the child died without a word: a crash in a C extension
            process.join()
            result = ("bug", 0.0, f"the process died (exit code {process.exitcode})", "", 0.0)
    process.kill()
    process.join()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="inputs about 20 times smaller")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per input")
    parser.add_argument("--only", nargs="*", help="run only the inputs whose name contains this")
    args = parser.parse_args(argv)

    analyzer = Analyzer()
    # Warm-up: the model is trained or read from the cache, the taggers loaded, before forking.
    analyzer.analyze(load_article(ROOT / "corpus" / "articles" / "ukraine_seed.txt"))
    # As the batch and corpus runs do (framing.batch.frozen_heap): the garbage collector then
    # leaves the loaded model alone, and a forked child does not copy every page of it.
    gc.freeze()
    rows, failures = [], []
    target = TARGET_S_PER_MB  # scaled to the news text's time when it runs first
    cases = [c for c in CASES if not args.only or any(o in c.name for o in args.only)]
    print("CPU seconds of the analysing process (wall-clock in brackets; the machine may be "
          "shared)")
    print(f"{'input':<22}{'MB':>6}{'sentences':>10}{'cpu s':>8}{'(wall)':>9}{'s/MB':>7}"
          f"{'2x MB':>7}{'2x cpu s':>9}{'ratio':>7}  outcome", flush=True)
    for case in cases:
        data1, name = case.make(1, args.quick)
        data2, _ = case.make(2, args.quick)
        r1 = timed(analyzer, data1, name, args.timeout)
        r2 = timed(analyzer, data2, name, args.timeout)
        mb, mb2 = len(data1) / 1e6, len(data2) / 1e6
        seconds, seconds2 = r1[1], r2[1]
        per_mb = seconds / mb if mb else 0.0
        # time for twice the input over time for the input: 2 is linear
        ratio = seconds2 / seconds if seconds > 0.05 else float("nan")
        outcome = r1[2] or "ok"
        if r2[2] != r1[2]:
            outcome += f" / 2x: {r2[2] or 'ok'}"
        rows.append((case.name, mb, seconds, per_mb, ratio, r1[2]))
        sentences = r1[3] if r1[0] == "ok" else 0
        print(f"{case.name:<22}{mb:>6.2f}{sentences:>10}{seconds:>8.2f}{f'({r1[4]:.1f})':>9}"
              f"{per_mb:>7.1f}{mb2:>7.2f}{seconds2:>9.2f}{ratio:>7.2f}  {outcome}", flush=True)
        for r in (r1, r2):
            if r[0] == "bug":
                failures.append(f"{case.name}: {r[2]}\n{r[3]}")
            elif r[0] == "timeout":
                failures.append(f"{case.name}: over {args.timeout:g} s")
        if not rows[:-1] and case.name.startswith("news"):
            target = max(TARGET_S_PER_MB, per_mb * TARGET_S_PER_MB / NEWS_S_PER_MB)
        if r1[0] == "ok" and not r1[2] and mb >= 0.05 and per_mb > target:
            failures.append(f"{case.name}: {per_mb:.1f} s per MB (at most {target:.1f})")
        if seconds >= 0.5 and ratio > MAX_RATIO:
            failures.append(f"{case.name}: doubling the input took {ratio:.1f}x the time")
    analysed = [r for r in rows if not r[5] and r[2] > 0]
    if analysed:
        slowest = max(analysed, key=lambda r: r[3])
        baseline = next((r[3] for r in rows if r[0].startswith("news")), None)
        print(f"\nslowest per MB: {slowest[0]}, {slowest[3]:.1f} s/MB"
              + (f" (ordinary news text: {baseline:.1f} s/MB)" if baseline else ""))
    if failures:
        print("\nFAILED:\n" + "\n".join(failures))
        return 1
    print("all inputs: only FramingError escaped, spans hold, time grows linearly")
    return 0


if __name__ == "__main__":
    sys.exit(main())
