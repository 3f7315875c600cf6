"""Reports as rows: the sentence-level and article-level tables, CSV and JSON.

The column lists here are the export contract (README, "Exports"); tests check that every
column is documented.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, fields
from pathlib import Path
from typing import IO, TYPE_CHECKING

from .errors import OutputError
from .frames import FRAMES
from .metrics import read_score_parts
from .outfile import OutputFile, write_file
from .report import ArticleMetrics, ArticleReport, SentenceScore

if TYPE_CHECKING:  # pandas is imported where a table is built: the command line needs none
    import pandas as pd

SENTENCE_COLUMNS = (
    "article_id", "sentence_index", "start", "end", "paragraph", "kind", "voice", "speaker",
    "label", "opinion_score", "borderline", "cues", "loaded_terms", "text",
    "frame", "frame_cues", "reported_opinion",
)
ARTICLE_INFO_COLUMNS = ("article_id", "title", "outlet", "published", "url", "source_path",
                        "warnings")
FRAME_COLUMNS = ("primary_frame",) + tuple(f"frame_{code}" for code in FRAMES)
SCORE_COLUMNS = tuple(f"score_{row['part']}" for row in read_score_parts())
ARTICLE_COLUMNS = (ARTICLE_INFO_COLUMNS + tuple(f.name for f in fields(ArticleMetrics))
                   + SCORE_COLUMNS + FRAME_COLUMNS)
# the article-level columns that hold a number (or True/False): what --fail-on can test
ARTICLE_NUMBER_COLUMNS = (tuple(f.name for f in fields(ArticleMetrics) if f.type != "str")
                          + SCORE_COLUMNS + FRAME_COLUMNS[1:])
ACTOR_COLUMNS = (
    "article_id", "actor", "mentions", "quoted_sentences", "attributed_sentences",
    "quoted_words", "attribution_verbs", "loaded_terms", "author_tone",
    "kind", "country", "loaded_term_list",
)
CUE_SEPARATOR = "; "

# Spreadsheet formulas. A CSV cell that begins with = + - @ (or a tab or a carriage return) is
# read by Excel, LibreOffice and Google Sheets as a formula, and our cells hold text taken
# from web pages: "=HYPERLINK(...)" in a headline would become a live link, "=cmd|..." a
# command. Every CSV we write (the command line's, the app's downloads, the corpus exports)
# puts an apostrophe before such a text cell, so the spreadsheet shows it as text. Numbers,
# and text that is a plain number ("-3", "+1.5e3", which no spreadsheet reads as a formula),
# are written as they are, so a researcher's numeric columns stay numeric. A text of
# apostrophes and then a formula character gets one more, so removing one apostrophe from
# the cells that begin with apostrophes and a formula character gives back every text
# exactly (README, "Exports"). JSON and Parquet hold the texts unchanged.
FORMULA_START = r"'*[=+\-@\t\r]"
PLAIN_NUMBER = r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?"
_FORMULA_START = re.compile(FORMULA_START)
_PLAIN_NUMBER = re.compile(PLAIN_NUMBER)


def spreadsheet_cell(value):
    """A CSV cell that no spreadsheet reads as a formula (see ``FORMULA_START``): a text
    beginning with a formula character gets an apostrophe before it; anything else, numbers
    and plain-number texts included, is returned as it is."""
    if (isinstance(value, str) and _FORMULA_START.match(value)
            and not _PLAIN_NUMBER.fullmatch(value)):
        return "'" + value
    return value


def spreadsheet_sql(column: str) -> str:
    """``spreadsheet_cell`` as a DuckDB expression over a text column (for ``COPY``)."""
    formula = FORMULA_START.replace("'", "''")  # (a string literal's quotes doubled)
    return (f"CASE WHEN regexp_matches({column}, '^{formula}') AND NOT "
            f"regexp_matches({column}, '^({PLAIN_NUMBER})$') THEN '''' || {column} "
            f"ELSE {column} END")


def spreadsheet_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The table with ``spreadsheet_cell`` applied to its column names and to every cell of
    its text (object) columns, as a copy; numeric columns are left as they are."""
    import pandas as pd

    frame = frame.rename(columns=lambda name: spreadsheet_cell(str(name)))
    text = [k for k, dtype in enumerate(frame.dtypes)
            if pd.api.types.is_object_dtype(dtype) or isinstance(dtype, pd.StringDtype)]
    if not text:
        return frame
    frame = frame.copy()
    for k in text:
        frame.isetitem(k, frame.iloc[:, k].map(spreadsheet_cell))
    return frame


def sentence_rows(report: ArticleReport) -> Iterator[dict]:
    """One dict per sentence, with the columns of ``SENTENCE_COLUMNS``."""
    by_sentence = hits_by_sentence(report)
    for score in report.scores:
        yield sentence_row(report, score, by_sentence.get(score.sentence.index, ()))


def hits_by_sentence(report: ArticleReport) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for hit in report.hits:
        grouped.setdefault(hit.sentence, []).append(hit)
    return grouped


def sentence_row(report: ArticleReport, score: SentenceScore, hits=None) -> dict:
    s = score.sentence
    if hits is None:
        hits = report.hits_in(s)
    frame = report.frames[s.index] if s.index < len(report.frames) else None
    return {
        "article_id": report.article.id,
        "sentence_index": s.index,
        "start": s.start,
        "end": s.end,
        "paragraph": s.paragraph,
        "kind": s.kind,
        "voice": s.voice,
        "speaker": s.speaker,
        "label": score.label,
        "opinion_score": score.opinion_score,
        "borderline": score.borderline,
        "cues": CUE_SEPARATOR.join(score.cues),
        "loaded_terms": terms_json(hits),
        "text": report.sentence_text(s),
        "frame": frame.frame if frame else "",
        "frame_cues": CUE_SEPARATOR.join(frame.cues) if frame else "",
        "reported_opinion": "" if score.reported_opinion is None else score.reported_opinion,
    }


def terms_json(hits) -> str:
    return json.dumps([h.as_dict() for h in hits], ensure_ascii=False)


def article_row(report: ArticleReport) -> dict:
    a = report.article
    row = {
        "article_id": a.id,
        "title": a.title,
        "outlet": a.outlet,
        "published": a.published,
        "url": a.url,
        "source_path": a.source_path,
        "warnings": CUE_SEPARATOR.join(a.warnings),
    }
    row.update(asdict(report.metrics))
    for part in report.score_parts:
        row[f"score_{part.name}"] = part.points
    shares = dict(report.frame_shares)
    row["primary_frame"] = max(shares, key=shares.get) if any(shares.values()) else ""
    for code in FRAMES:
        row[f"frame_{code}"] = shares.get(code, 0.0)
    return row


def actor_rows(report: ArticleReport) -> Iterator[dict]:
    """One dict per actor, with the columns of ``ACTOR_COLUMNS``."""
    for actor in report.actors:
        yield {
            "article_id": report.article.id,
            "actor": actor.name,
            "mentions": actor.mentions,
            "quoted_sentences": actor.quoted_sentences,
            "attributed_sentences": actor.attributed_sentences,
            "quoted_words": actor.quoted_words,
            "attribution_verbs": actor.verbs_text(),
            "loaded_terms": len(actor.loaded_terms),
            "author_tone": actor.author_tone,
            "kind": actor.kind,
            "country": actor.country,
            "loaded_term_list": CUE_SEPARATOR.join(actor.loaded_terms),
        }


def report_json(report: ArticleReport) -> dict:
    """Everything in a report as plain JSON-ready data."""
    if not isinstance(report, ArticleReport):
        raise TypeError("report_json takes one report from Analyzer.analyze, not "
                        f"{type(report).__name__}" + (
                            "; for several, [report_json(r) for r in reports]"
                            if isinstance(report, (list, tuple)) else ""))
    a = report.article
    sentences = []
    by_sentence = hits_by_sentence(report)
    for score in report.scores:
        hits = by_sentence.get(score.sentence.index, [])
        row = sentence_row(report, score, hits)
        row["cues"] = list(score.cues)
        row["loaded_terms"] = [h.as_dict() for h in hits]
        sentences.append(row)
    return {
        "article": {
            "id": a.id, "title": a.title, "outlet": a.outlet, "published": a.published,
            "url": a.url, "source_path": a.source_path, "warnings": list(a.warnings),
        },
        "metrics": asdict(report.metrics),
        "framing_score_parts": [asdict(p) for p in report.score_parts],
        "frames": dict(report.frame_shares),
        "actors": [asdict(a) for a in report.actors],
        "sentences": sentences,
        "quotes": [asdict(q) for q in report.quotes],
        "terms": [h.as_dict() | {"sentence": h.sentence} for h in report.hits],
    }


def _reports(reports: Iterable[ArticleReport], name: str) -> list[ArticleReport]:
    """``reports`` as a list, each one checked: a table is made of reports, not of texts."""
    if isinstance(reports, ArticleReport):
        raise TypeError(f"{name} takes a list of reports; for one, give [report]")
    if isinstance(reports, str) or not isinstance(reports, Iterable):
        raise TypeError(f"{name} takes a list of reports from Analyzer.analyze, not "
                        f"{type(reports).__name__}")
    reports = list(reports)
    for report in reports:
        if not isinstance(report, ArticleReport):
            raise TypeError(f"{name} takes reports from Analyzer.analyze, not "
                            f"{type(report).__name__}; analyze each text first")
    return reports


def sentences_frame(reports: Iterable[ArticleReport]) -> pd.DataFrame:
    """One row per sentence of every report, in order: the columns of
    ``python -m framing analyze --level sentence`` (``SENTENCE_COLUMNS``; README, "Sentence-level
    columns"), ``cues`` and ``loaded_terms`` as the CSV's text."""
    import pandas as pd

    rows = [row for report in _reports(reports, "sentences_frame")
            for row in sentence_rows(report)]
    return pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))


def articles_frame(reports: Iterable[ArticleReport]) -> pd.DataFrame:
    """One row per report with every article metric: the columns of
    ``python -m framing analyze --level article`` (``ARTICLE_COLUMNS``; README, "Article-level
    columns")."""
    import pandas as pd

    return pd.DataFrame([article_row(r) for r in _reports(reports, "articles_frame")],
                        columns=list(ARTICLE_COLUMNS))


def actors_frame(reports: Iterable[ArticleReport]) -> pd.DataFrame:
    """One row per actor of every report: the columns of ``python -m framing analyze --level
    actor`` (``ACTOR_COLUMNS``; README, "Actor-level columns")."""
    import pandas as pd

    rows = [row for report in _reports(reports, "actors_frame") for row in actor_rows(report)]
    return pd.DataFrame(rows, columns=list(ACTOR_COLUMNS))


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV as UTF-8 bytes, the same as the command line writes (for download buttons), its
    text cells safe to open in a spreadsheet (``spreadsheet_cell``)."""
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise TypeError("to_csv_bytes takes a table (a pandas DataFrame, as sentences_frame("
                        f"reports) gives), not {type(frame).__name__}")
    buffer = io.StringIO()
    spreadsheet_frame(frame).to_csv(buffer, index=False)
    return buffer.getvalue().encode("utf-8")


class RowWriter:
    """Streams rows to CSV or JSON; to a file it writes a temporary one and renames it at the
    end (:class:`framing.outfile.OutputFile`), so a failed run never leaves a half-written
    output. The header (or JSON's "[") is written with the first row or at ``close``, so a
    run that writes nothing leaves nothing, on standard output too."""

    def __init__(self, out: str | Path | None, fmt: str, columns: tuple[str, ...],
                 stdout: IO[str] | None = None) -> None:
        self.fmt = fmt
        self.columns = columns
        self.out = Path(out) if out else None
        self._file = OutputFile(self.out) if self.out is not None else None
        if self._file is not None:
            self.handle: IO[str] = self._file.handle
        else:
            import sys

            self.handle = stdout or sys.stdout
        self.count = 0
        self._started = False
        if fmt == "csv":
            self._csv = csv.DictWriter(self.handle, fieldnames=list(columns),
                                       extrasaction="ignore")

    def _start(self) -> None:
        if not self._started:
            self._started = True
            if self.fmt == "csv":
                self._csv.writer.writerow([spreadsheet_cell(c) for c in self.columns])
            else:
                self.handle.write("[")

    def write(self, row: dict) -> None:
        self._start()
        if self.fmt == "csv":  # (text cells safe to open in a spreadsheet)
            self._csv.writerow({k: spreadsheet_cell(v) for k, v in row.items()})
        else:
            self.handle.write(("," if self.count else "") + "\n")
            self.handle.write(json.dumps(row, ensure_ascii=False))
        self.count += 1

    def close(self) -> None:
        self._start()
        if self.fmt == "json":
            self.handle.write("\n]\n")
        if self._file is not None:
            self._file.commit()
        else:
            self.handle.flush()

    def abort(self) -> None:
        if self._file is not None:
            self._file.abort()


# --------------------------------------------------------------------------- comparisons


def _text(report: ArticleReport, index: int) -> str:
    s = report.scores[index].sentence
    return report.sentence_text(s)


def _span_words(text: str, spans) -> str:
    return CUE_SEPARATOR.join(text[a:b] for a, b in spans)


def _comparison(c, name: str):
    """``c``, checked to be what ``compare`` returns."""
    from .compare import Comparison

    if not isinstance(c, Comparison):
        raise TypeError(f"{name} takes the comparison compare(reports) returns, not "
                        f"{type(c).__name__}")
    return c


def comparison_metrics_frame(c) -> pd.DataFrame:
    """One row per metric: its value in each article, the difference (B − A for two articles,
    the highest minus the lowest for more), the difference's 90 % interval, whether it is
    beyond noise (``clear``), the exact test's p-value for rates, and the method used."""
    c = _comparison(c, "comparison_metrics_frame")
    import pandas as pd

    diffs = {d.metric: d for d in c.differences}
    rows = []
    for metric, values in c.metric_rows():
        row = {"metric": metric}
        row.update({label: value for label, value in zip(c.labels, values)})
        d = diffs.get(metric)
        row["difference"] = round(values[1] - values[0] if len(values) == 2
                                  else max(values) - min(values), 4)
        if d is not None:
            row.update(difference_low=d.low, difference_high=d.high,
                       clear=pd.NA if d.clear is None else d.clear, p_value=d.p_value,
                       method=d.method)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=["metric", *c.labels, *DIFFERENCE_COLUMNS])
    # True, False, or missing where the metric is not tested (one type for Arrow and CSV).
    frame["clear"] = frame["clear"].astype("boolean")
    return frame


DIFFERENCE_COLUMNS = ("difference", "difference_low", "difference_high", "clear", "p_value",
                      "method")

PAIR_COLUMNS = ("article_a", "sentence_a", "article_b", "sentence_b", "similarity",
                "text_a", "text_b", "only_in_a", "only_in_b")


def comparison_pairs_frame(c) -> pd.DataFrame:
    """One row per aligned sentence pair (``compare_pairs.csv``): where each sentence is, how
    similar they are, their texts, and the words each has that the other lacks."""
    c = _comparison(c, "comparison_pairs_frame")
    import pandas as pd

    rows = []
    for p in c.pairs:
        ra, rb = c.reports[p.a], c.reports[p.b]
        rows.append({
            "article_a": c.labels[p.a], "sentence_a": p.a_sentence,
            "article_b": c.labels[p.b], "sentence_b": p.b_sentence,
            "similarity": p.similarity,
            "text_a": _text(ra, p.a_sentence), "text_b": _text(rb, p.b_sentence),
            "only_in_a": _span_words(ra.article.text, p.a_only),
            "only_in_b": _span_words(rb.article.text, p.b_only),
        })
    return pd.DataFrame(rows, columns=list(PAIR_COLUMNS))


GAP_COLUMNS = ("article", "article_id", "sentence_index", "voice", "label", "text")
HEADLINE_COLUMNS = ("article", "article_id", "text", "only_here")


def comparison_gaps_frame(c) -> pd.DataFrame:
    """One row per body sentence with no counterpart in the other articles
    (``compare_gaps.csv``)."""
    c = _comparison(c, "comparison_gaps_frame")
    import pandas as pd

    rows = []
    for g in c.gaps:
        report = c.reports[g.article]
        score = report.scores[g.sentence]
        rows.append({"article": c.labels[g.article], "article_id": report.article.id,
                     "sentence_index": g.sentence, "voice": score.sentence.voice,
                     "label": score.label, "text": _text(report, g.sentence)})
    return pd.DataFrame(rows, columns=list(GAP_COLUMNS))


def comparison_headlines_frame(c) -> pd.DataFrame:
    """Each article's headline and the words in it that no other headline uses."""
    c = _comparison(c, "comparison_headlines_frame")
    import pandas as pd

    rows = []
    for h in c.headlines:
        report = c.reports[h.article]
        rows.append({"article": c.labels[h.article], "article_id": report.article.id,
                     "text": _text(report, h.sentence),
                     "only_here": "; ".join(report.article.text[s:e] for s, e in h.only)})
    return pd.DataFrame(rows, columns=list(HEADLINE_COLUMNS))


def comparison_terms_frame(c) -> pd.DataFrame:
    """One row per author-voice loaded term: its count in each article and the article it is
    unique to (``compare_terms.csv``)."""
    c = _comparison(c, "comparison_terms_frame")
    import pandas as pd

    rows = []
    for t in c.terms:
        row = {"term": t.term, "category": t.category}
        row.update({f"count_{label}": n for label, n in zip(c.labels, t.counts)})
        row["unique_to"] = c.labels[t.unique_to] if t.unique_to is not None else ""
        rows.append(row)
    columns = ["term", "category", *[f"count_{label}" for label in c.labels], "unique_to"]
    return pd.DataFrame(rows, columns=columns)


def comparison_actors_frame(c) -> pd.DataFrame:
    """One row per actor: mentions, quoted and attributed sentences and verbs of saying in
    each article (``compare_actors.csv``)."""
    c = _comparison(c, "comparison_actors_frame")
    import pandas as pd

    rows = []
    for a in c.actors:
        row = {"actor": a.actor, "kind": a.kind}
        for k, label in enumerate(c.labels):
            row[f"mentions_{label}"] = a.mentions[k]
            row[f"quoted_{label}"] = a.quoted[k]
            row[f"attributed_{label}"] = a.attributed[k]
            row[f"verbs_{label}"] = a.verbs[k]
        rows.append(row)
    columns = ["actor", "kind"] + [f"{field}_{label}" for label in c.labels
                                   for field in ("mentions", "quoted", "attributed", "verbs")]
    return pd.DataFrame(rows, columns=columns)


def _records(frame: pd.DataFrame) -> list[dict]:
    """A table's rows as JSON-ready dicts, a missing number (NaN: a difference not tested)
    null, as JSON has no NaN (``json.dumps`` would write a bare ``NaN`` no parser reads)."""
    return frame.astype(object).where(frame.notna(), None).to_dict(orient="records")


def comparison_json(c) -> dict:
    """The whole comparison as plain JSON-ready data."""
    c = _comparison(c, "comparison_json")
    return {
        # "source": the file or URL read ("x/story.txt" against "y/story.txt")
        "articles": {label: {"id": r.article.id, "source": r.article.source_path or r.article.url,
                             "title": r.article.title, "outlet": r.article.outlet,
                             "warnings": list(r.article.warnings)}
                     for label, r in zip(c.labels, c.reports)},
        "summary": [{"text": line.text, "facts": dict(line.facts)} for line in c.summary],
        "metrics": _records(comparison_metrics_frame(c)),
        "pairs": _records(comparison_pairs_frame(c)),
        "gaps": _records(comparison_gaps_frame(c)),
        "terms": _records(comparison_terms_frame(c)),
        "actors": _records(comparison_actors_frame(c)),
        "frames": {label: dict(r.frame_shares) for label, r in zip(c.labels, c.reports)},
        "headlines": [
            {"article": c.labels[h.article], "text": _text(c.reports[h.article], h.sentence),
             "only_here": [c.reports[h.article].article.text[start:end] for start, end in h.only]}
            for h in c.headlines],
    }


COMPARISON_FILES = {
    "metrics": comparison_metrics_frame,
    "pairs": comparison_pairs_frame,
    "gaps": comparison_gaps_frame,
    "headlines": comparison_headlines_frame,
    "terms": comparison_terms_frame,
    "actors": comparison_actors_frame,
}


def comparison_paths(out: str | Path) -> list[Path]:
    """The files ``write_comparison`` writes for ``out``: a .json path, or a folder's
    compare_<table>.csv files and comparison.json."""
    out = Path(out)
    if out.suffix.lower() == ".json":
        return [out]
    return [out / f"compare_{name}.csv" for name in COMPARISON_FILES] + [
        out / "comparison.json"]


def write_comparison(c, out: str | Path) -> list[Path]:
    """Write the comparison: a folder gets compare_<table>.csv files and comparison.json; a
    .json path gets the JSON alone. Each file is written whole or not at all."""
    out = Path(out)
    if out.suffix.lower() == ".json":
        write_file(out, json.dumps(comparison_json(c), ensure_ascii=False, indent=2))
        return [out]
    files = {out / f"compare_{name}.csv": to_csv_bytes(build(c)).decode("utf-8")
             for name, build in COMPARISON_FILES.items()}
    files[out / "comparison.json"] = json.dumps(comparison_json(c), ensure_ascii=False,
                                                indent=2)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as failure:
        raise OutputError(f"{out}: cannot make the folder ({failure.strerror})") from None
    for path, text in files.items():
        write_file(path, text)
    return list(files)
