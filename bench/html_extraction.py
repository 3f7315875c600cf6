"""HTML ingestion benchmark: body sentences we extract vs what a careful reader calls the article.

For each saved page in ``tests/data/html`` (pages written for the project in the shape of real
news sites) the expected article is ``NAME.expected.txt``, one body paragraph per line. Both the
expected text and the extracted text are split into sentences by our segmenter; a sentence is
a match when its normalized text is the same. We score precision, recall and F1 of body
sentences, micro-averaged over pages, for:

- framing: ``load_article`` (trafilatura plus our boilerplate filter), body sentences only;
- trafilatura alone: ``trafilatura.extract`` with default settings, every sentence.

    python bench/html_extraction.py [--set development|held-out] [--verbose]

``--set real`` scores real web pages instead: the 67 pages of ``extraction_dev`` in the
evaluation folder (``--eval-dir``, default ``../shared/eval``), with the human-annotated
article body of each page (no headline). Our body text (``article_from_html``, the headline
paragraph left out) and ``trafilatura.extract(html)`` alone are scored the way that benchmark
scores: lowercase ``\\w+`` tokens, 4-token shingles, multiset overlap per page; precision and
recall are means over pages, F1 their harmonic mean; a refused page scores 0 and 0.

    python bench/html_extraction.py --set real [--verbose] [--eval-dir DIR]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from framing import Analyzer, article_from_html, article_from_text, load_article  # noqa: E402
from framing.errors import FramingError  # noqa: E402
from framing.ingest import looks_english  # noqa: E402

PAGE_SETS = {"development": ROOT / "tests" / "data" / "html",
             "held-out": ROOT / "tests" / "data" / "html_holdout"}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().lower()


def body_sentences(analyzer: Analyzer, text: str, title: str = "") -> Counter:
    if not text.strip():
        return Counter()
    report = analyzer.analyze(article_from_text(text, title=title))
    return Counter(
        norm(report.sentence_text(s)) for s in report.sentences if s.kind == "body"
    )


def all_sentences(analyzer: Analyzer, text: str) -> Counter:
    if not text or not text.strip():
        return Counter()
    report = analyzer.analyze(article_from_text(text))
    return Counter(norm(report.sentence_text(s)) for s in report.sentences)


def score(expected: Counter, got: Counter) -> tuple[int, int, int]:
    hit = sum((expected & got).values())
    return hit, sum(got.values()), sum(expected.values())


def prf(hit: int, got: int, expected: int) -> tuple[float, float, float]:
    p = hit / got if got else 1.0
    r = hit / expected if expected else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# --------------------------------------------------------------------------- real pages

SHINGLE = 4
TOKEN = re.compile(r"\w+")


def shingles(text: str) -> Counter:
    """4-token shingles of the lowercase ``\\w+`` tokens (one shingle for a shorter text)."""
    tokens = TOKEN.findall((text or "").lower())
    return Counter(" ".join(tokens[i:i + SHINGLE])
                   for i in range(max(1, len(tokens) - SHINGLE + 1)) if tokens)


def page_scores(expected: str, got: str) -> tuple[float, float]:
    """Precision and recall of one page's shingles; an empty output is 0 and 0."""
    truth, pred = shingles(expected), shingles(got)
    if not pred:
        return 0.0, 0.0
    tp = sum((truth & pred).values())
    return tp / sum(pred.values()), (tp / sum(truth.values()) if truth else 1.0)


def our_body(html: str) -> tuple[str, str]:
    """The body text our extraction produces (headline paragraph left out), or '' and why."""
    try:
        article = article_from_html(html)
    except FramingError as error:
        return "", str(error).split(": ", 1)[-1]
    text = article.text
    if article.title and text.startswith(article.title):
        text = text[len(article.title):].lstrip("\n")
    return text, "; ".join(article.warnings)


def run_real(eval_dir: Path, verbose: bool) -> int:
    import trafilatura

    folder = eval_dir / "extraction_dev"
    truth_file = folder / "ground-truth.json"
    if not truth_file.exists():
        print(f"skipped: {truth_file} not found (the evaluation data is not on this machine)")
        return 0
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    print(f"page set: real ({folder}, {len(truth)} pages)")
    sums = {"framing": [0.0, 0.0], "trafilatura": [0.0, 0.0]}
    english = {"framing": [0.0, 0.0], "trafilatura": [0.0, 0.0]}  # pages in English only
    english_pages = 0
    refused = {"framing": [], "trafilatura": []}
    not_english = []  # extracted, then refused for analysis
    if verbose:
        print(f"{'page':12} {'framing P/R':>12} {'trafilatura P/R':>16}  host / notes")
    for page_id in sorted(truth):
        expected = truth[page_id]["articleBody"]
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        html = html.decode("utf-8", errors="replace")
        ours, notes = our_body(html)
        if ours and not looks_english(ours):
            not_english.append(page_id)
            notes = "not English (refused for analysis) " + notes
        theirs = trafilatura.extract(html) or ""
        row = []
        in_english = looks_english(expected)
        english_pages += in_english
        for key, got in (("framing", ours), ("trafilatura", theirs)):
            p, r = page_scores(expected, got)
            sums[key][0] += p
            sums[key][1] += r
            if in_english:
                english[key][0] += p
                english[key][1] += r
            if not got.strip():
                refused[key].append(page_id)
            row.append(f"{p:.2f}/{r:.2f}")
        if verbose:
            host = re.sub(r"^https?://(www\.)?", "", truth[page_id]["url"]).split("/")[0]
            print(f"{page_id[:12]} {row[0]:>12} {row[1]:>16}  {host} {notes[:60]}")
    print()
    count = len(truth)
    for key, (p_sum, r_sum) in sums.items():
        p, r = p_sum / count, r_sum / count
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{key:12} body shingles: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}"
              f"  refused {len(refused[key])} of {count} pages")
    for key, (p_sum, r_sum) in english.items():
        p, r = p_sum / max(1, english_pages), r_sum / max(1, english_pages)
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{key:12} English pages only ({english_pages}): precision {p:.3f}  recall {r:.3f}"
              f"  F1 {f:.3f}")
    for key, ids in refused.items():
        if ids:
            print(f"  {key} refused: {', '.join(i[:12] for i in ids)}")
    print(f"framing: {len(not_english)} of {count} pages extracted but not English (refused "
          "for analysis, not for extraction)")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--set", choices=sorted(PAGE_SETS) + ["real"], default="development")
    parser.add_argument("--eval-dir", default=str(ROOT.parent / "shared" / "eval"),
                        help="folder holding extraction_dev/ (for --set real)")
    args = parser.parse_args()
    if args.set == "real":
        return run_real(Path(args.eval_dir), args.verbose)
    import trafilatura

    analyzer = Analyzer()
    PAGES = PAGE_SETS[args.set]  # noqa: N806
    print(f"page set: {args.set} ({PAGES.relative_to(ROOT)})")
    totals = {"framing": [0, 0, 0], "trafilatura": [0, 0, 0]}
    print(f"{'page':24} {'framing P/R/F1':>20} {'trafilatura P/R/F1':>22}  notes")
    for page in sorted(PAGES.glob("*.html")):
        name = page.stem
        meta = json.loads((PAGES / f"{name}.meta.json").read_text(encoding="utf-8"))
        expected_text = (PAGES / f"{name}.expected.txt").read_text(encoding="utf-8")
        expected = body_sentences(analyzer, "\n\n".join(expected_text.splitlines()))
        notes = []
        try:
            article = load_article(page)
            ours = body_sentences(analyzer, article.text, article.title)
            notes.extend(article.warnings)
        except FramingError as error:
            ours = Counter()
            notes.append(str(error).split(": ", 1)[-1])
        html = page.read_text(encoding="utf-8")
        theirs = all_sentences(analyzer, trafilatura.extract(html) or "")
        row = []
        for key, got in (("framing", ours), ("trafilatura", theirs)):
            counts = score(expected, got)
            for i in range(3):
                totals[key][i] += counts[i]
            row.append("{:.2f}/{:.2f}/{:.2f}".format(*prf(*counts)))
        flag = "" if meta.get("has_article", True) else "(no article) "
        print(f"{name:24} {row[0]:>20} {row[1]:>22}  {flag}{'; '.join(notes)[:70]}")
        if args.verbose:
            for extra in (ours - expected):
                print(f"    + {extra[:100]}")
            for missing in (expected - ours):
                print(f"    - {missing[:100]}")
    print()
    for key, (hit, got, exp) in totals.items():
        p, r, f = prf(hit, got, exp)
        print(f"{key:12} body sentences: precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}"
              f"  ({hit} of {exp} expected, {got} extracted)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
