"""What a file holds, by its name: one article (text or HTML), a table of articles or a web
archive. Light on purpose: nothing here opens a file or imports a reader, so the command line
and ``load_article`` can ask what a name is without loading the corpus readers."""

from __future__ import annotations

from pathlib import PurePath

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
# a table's suffix and its field delimiter (None: not a delimited text format)
TABLE_SUFFIXES = {".csv": ",", ".tsv": "\t", ".jsonl": None, ".ndjson": None, ".json": None,
                  ".parquet": None}
GZIP_SUFFIX = ".gz"  # a text table gzipped: a.csv.gz, a.jsonl.gz (not Parquet: compressed inside)
WARC_SUFFIXES = (".warc", ".warc.gz")


def table_suffix(source: str) -> str:
    """The table format a file name says, by its suffix before any .gz (".csv" for a.csv and
    a.csv.gz), or "" for a name that is no table."""
    if "://" in source:
        return ""
    name = PurePath(source).name.lower()
    if name.endswith(GZIP_SUFFIX):
        name = name[:-len(GZIP_SUFFIX)]
        if name.endswith(".parquet"):
            return ""
    suffix = PurePath(name).suffix
    return suffix if suffix in TABLE_SUFFIXES else ""


def is_table(source: str) -> bool:
    return bool(table_suffix(source))


def is_warc(source: str) -> bool:
    return "://" not in source and source.lower().endswith(WARC_SUFFIXES)


def place_unit(source: str) -> str:
    """How an article's place in a file of many is named after its # ("news.csv#row=3",
    "more.jsonl#line=2", "crawl.warc.gz#offset=2136")."""
    if is_warc(source):
        return "offset"
    return "line" if table_suffix(source) in (".jsonl", ".ndjson") else "row"


def holds_many_articles(source: str) -> bool:
    """Whether the name is a table of articles or a web archive (by name only)."""
    return is_table(source) or is_warc(source)


def csv_problem(error: Exception) -> str:
    """What a CSV reader in strict mode found wrong with a row, in words a user can act on."""
    message = str(error)
    if "unexpected end of data" in message:
        return ("a quotation mark opens a cell and is never closed (the rest of the file "
                "would be that cell)")
    if "expected after" in message:
        return ("a quotation mark closes a cell before the cell ends; a quotation mark "
                "inside a quoted cell is written twice")
    return message


def header_problem(header: list[str]) -> str | None:
    """What is wrong with a CSV header that names a column twice ("columns named twice in the
    header: 'label'; rename them"), or None: a reader would take the last column of the name
    and never say so."""
    twice = sorted({h for h in header if header.count(h) > 1})
    if not twice:
        return None
    return f"columns named twice in the header: {', '.join(repr(h) for h in twice)}; rename them"


def read_long_cells() -> None:
    """Let Python's CSV reader read a cell of any length (its default limit, 131,072
    characters, ended the whole file at a cell as long as an article: 'field larger than
    field limit'); a reader that cannot use such a cell says so at its line."""
    import csv

    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
