"""Generate a large synthetic corpus for the corpus-scale benchmarks.

    python bench/make_corpus.py --articles 100000 --out /tmp/gen100k.parquet [--seed 0]
                                [--outlets 20]

Writes a table with the columns ``text, title, outlet, published, url`` (Parquet, or JSONL / CSV
when ``--out`` ends in ``.jsonl`` / ``.csv``). Each article recombines sentences of the
project's own writing: the labeled sentences in ``corpus/labeled/*.csv`` and the sentences of
the illustrative articles in ``corpus/articles/`` and ``corpus/example_corpus/``. An article has
8-30 sentences in 3-10 paragraphs, mostly on one topic, and a headline cut from its lead
sentence. The fictional outlets differ in how often they print opinion sentences, in the topics
they cover, in article length and in volume, so per-outlet figures differ once the corpus is
analyzed. Dates are spread over 2025. The output is deterministic for a given ``--seed``, and
every text is distinct. Nothing is analyzed here; the evaluation data in ``../shared/eval`` is
never read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import hashlib
import random
import re
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
LABELED = ROOT / "corpus" / "labeled"
ARTICLE_DIRS = (ROOT / "corpus" / "articles", ROOT / "corpus" / "example_corpus")
COLUMNS = ("text", "title", "outlet", "published", "url")
BATCH = 10_000
FIRST_DAY = dt.date(2025, 1, 1)
DAYS = 365
MIN_SENTENCES, MAX_SENTENCES = 8, 30
MIN_PARAGRAPHS, MAX_PARAGRAPHS = 3, 10
ON_TOPIC = 0.75  # share of an article's sentences drawn from its own topic

# Illustrative articles written for the project: the topic their sentences count under, and
# whether the file is an opinion piece (its sentences go to the opinion pool). The seed
# article (corpus/articles/ukraine_seed.txt) is the one text not written for the project, so
# it is left out.
STORY_TOPICS = {
    "budget": "local", "hospital": "health", "factory": "labor", "flood": "climate",
    "strike": "labor", "fares": "local", "breach": "technology", "housing": "courts",
    "tuition": "education", "stadium": "sports", "recount": "elections",
    "heatwave": "climate", "bridge": "local", "ukraine": "war_diplomacy",
}
OPINION_FILES = ("_blaze", "_hearth", "_oped", "_commentary", "_chaos", "_workers")
LEFT_OUT = ("ukraine_seed.txt",)

# Fictional outlet names: "The <place> <masthead>", on a made-up .example domain.
PLACES = (
    "Ashcombe", "Brightwater", "Caldmoor", "Dunholt", "Elverton", "Fallowmere", "Greyhaven",
    "Hollinsby", "Kestrel Bay", "Larkmoor", "Millbrook Vale", "Northwick", "Oakhollow",
    "Pellham", "Quarrington", "Redwater", "Stonemarsh", "Tillbury Cross", "Upperfold",
    "Westerlea", "Yarrowby", "Zennor Point", "Coldharbour", "Fernlow", "Hatherleigh Down",
)
MASTHEADS = (
    "Courier", "Ledger", "Sentinel", "Dispatch", "Chronicle", "Wire", "Observer", "Post",
    "Review", "Bulletin", "Herald", "Gazette", "Clarion", "Standard", "Record",
)
_ABBREVIATIONS = ("Dr", "Mr", "Ms", "Mrs", "St", "No", "Gov", "Sen", "Rep", "Gen", "Lt", "Jr")
_SENTENCE_END = re.compile(
    "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS)
    + r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(A-Z0-9])"
)
_SLUG = re.compile(r"[^a-z0-9]+")


def load_sentences() -> pd.DataFrame:
    """Every usable sentence with its topic and whether it counts as opinion."""
    frames = []
    for path in sorted(LABELED.glob("*.csv")):
        table = pd.read_csv(path, usecols=["text", "label", "topic"])
        frames.append(pd.DataFrame({
            "text": table["text"].astype(str).str.strip(),
            "topic": table["topic"].astype(str),
            "opinion": table["label"].eq("opinion"),
        }))
    for folder in ARTICLE_DIRS:
        for name in sorted(glob.glob(str(folder / "*.txt"))):
            path = Path(name)
            if path.name in LEFT_OUT:
                continue
            topic = STORY_TOPICS.get(path.stem.split("_")[0])
            if topic is None:
                continue
            raw = path.read_text(encoding="utf-8-sig")
            body = raw.split("\n---\n", 1)[1] if "\n---\n" in raw else raw
            sentences = [s.strip() for line in body.splitlines() if line.strip()
                         for s in _SENTENCE_END.split(line.strip())]
            opinion = any(marker in path.stem for marker in OPINION_FILES)
            frames.append(pd.DataFrame({"text": sentences, "topic": topic, "opinion": opinion}))
    sentences = pd.concat(frames, ignore_index=True)
    sentences = sentences[sentences["text"].str.len().between(20, 400)]
    return sentences.drop_duplicates("text").reset_index(drop=True)


def make_outlets(count: int, topics: list[str], rng: np.random.Generator) -> pd.DataFrame:
    """Fictional outlets, each with its own opinion share, topic mix, length and volume."""
    names = []
    for i in range(count):
        place = PLACES[i % len(PLACES)]
        masthead = MASTHEADS[(i * 7 + i // len(PLACES)) % len(MASTHEADS)]
        names.append(f"The {place} {masthead}")
    opinion_share = rng.permutation(np.linspace(0.04, 0.65, count))
    topic_mix = rng.dirichlet(np.full(len(topics), 0.6), size=count)
    mean_sentences = rng.uniform(11, 24, size=count)
    volume = 1.0 / np.arange(1, count + 1) ** 0.8  # a few big outlets, a long tail
    volume = rng.permutation(volume / volume.sum())
    return pd.DataFrame({
        "outlet": names,
        "domain": [_SLUG.sub("", n.lower().removeprefix("the ")) + ".example" for n in names],
        "opinion_share": opinion_share,
        "mean_sentences": mean_sentences,
        "volume": volume,
    }).assign(topic_mix=list(topic_mix))


class Pools:
    """Sentences grouped by (topic, opinion) so a draw is an offset into one flat array."""

    def __init__(self, sentences: pd.DataFrame, topics: list[str]):
        sentences = sentences.assign(
            pool=sentences["topic"].map({t: i for i, t in enumerate(topics)}) * 2
            + sentences["opinion"].astype(int)
        ).sort_values(["pool", "text"], kind="stable")
        self.text = sentences["text"].to_numpy(dtype=object)
        counts = np.bincount(sentences["pool"].to_numpy(), minlength=2 * len(topics))
        if (counts == 0).any():
            empty = [f"{topics[i // 2]}/{'opinion' if i % 2 else 'reporting'}"
                     for i in np.flatnonzero(counts == 0)]
            raise SystemExit(f"make_corpus: no sentences for {', '.join(empty)}")
        self.size = counts
        self.start = np.concatenate([[0], np.cumsum(counts)[:-1]])

    def draw(self, pool: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        offset = (rng.random(len(pool)) * self.size[pool]).astype(np.int64)
        return self.start[pool] + offset


_NO_QUOTES = str.maketrans("", "", "\"“”‘’")


def headline(lead: str, picker: random.Random) -> str:
    """A headline cut from the lead sentence: no quotation marks, 6-12 words, no full stop."""
    words = lead.translate(_NO_QUOTES).split()
    cut = min(len(words), picker.randint(6, 12))
    title = " ".join(words[:cut]).rstrip(".,;:!?—-")
    return title[:1].upper() + title[1:]


def build_batch(size, first_index, outlets, pools, n_topics, rng, picker, seen):
    """One batch of articles as a DataFrame with COLUMNS (numpy draws for the whole batch,
    `picker` for the small per-article choices)."""
    outlet = rng.choice(len(outlets), size=size, p=outlets["volume"].to_numpy())
    if first_index == 0:  # every outlet appears at least once
        shown = min(size, len(outlets))
        outlet[:shown] = rng.permutation(len(outlets))[:shown]
    mix = np.stack(outlets["topic_mix"].to_numpy())[outlet]
    topic = (rng.random((size, 1)) > np.cumsum(mix, axis=1)).sum(axis=1).clip(0, n_topics - 1)
    mean = outlets["mean_sentences"].to_numpy()[outlet]
    n_sent = np.clip(rng.poisson(mean), MIN_SENTENCES, MAX_SENTENCES)
    total = int(n_sent.sum())
    owner = np.repeat(np.arange(size), n_sent)
    share = outlets["opinion_share"].to_numpy()[outlet][owner]
    # The lead sentence of an article is always reporting, as in most news writing.
    is_lead = np.zeros(total, dtype=bool)
    is_lead[np.concatenate([[0], np.cumsum(n_sent)[:-1]])] = True
    opinion = (rng.random(total) < share) & ~is_lead
    sent_topic = np.where(rng.random(total) < ON_TOPIC, topic[owner],
                          rng.integers(0, n_topics, size=total))
    chosen = pools.text[pools.draw(sent_topic * 2 + opinion, rng)].tolist()
    days = np.datetime64(FIRST_DAY) + rng.integers(0, DAYS, size=size)
    published = days.astype(str).tolist()
    paths = np.datetime_as_string(days).astype(object)
    n_par_draw = rng.random(size)

    rows = {c: [] for c in COLUMNS}
    bounds = np.concatenate([[0], np.cumsum(n_sent)])
    names = outlets["outlet"].to_numpy()
    domains = outlets["domain"].to_numpy()
    for i in range(size):
        sentences = list(dict.fromkeys(chosen[bounds[i]:bounds[i + 1]]))
        while len(sentences) < MIN_SENTENCES:  # a sentence drawn twice is printed once
            extra = pools.text[pools.draw(np.array([topic[i] * 2]), rng)][0]
            sentences = list(dict.fromkeys([*sentences, extra]))
        text = _assemble(sentences, n_par_draw[i], picker)
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
        while digest in seen:  # vanishingly rare; redraw until the text is new
            extra = pools.text[pools.draw(np.array([topic[i] * 2]), rng)][0]
            sentences.append(extra)
            text = _assemble(sentences, n_par_draw[i], picker)
            digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
        seen.add(digest)
        title = headline(sentences[0], picker)
        slug = _SLUG.sub("-", title.lower()).strip("-")[:60].rstrip("-")
        rows["text"].append(text)
        rows["title"].append(title)
        rows["outlet"].append(names[outlet[i]])
        rows["published"].append(published[i])
        rows["url"].append(f"https://{domains[outlet[i]]}/{paths[i].replace('-', '/')}/"
                           f"{slug}-{first_index + i}")
    return pd.DataFrame(rows, columns=list(COLUMNS))


def _assemble(sentences: list[str], paragraph_draw: float, picker: random.Random) -> str:
    """Sentences into 3-10 paragraphs; the lead stands alone as the first paragraph."""
    n = len(sentences)
    most = min(MAX_PARAGRAPHS, n)
    n_par = MIN_PARAGRAPHS + int(paragraph_draw * (most - MIN_PARAGRAPHS + 1))
    edges = [0, 1, *sorted(picker.sample(range(2, n), n_par - 2)), n]
    return "\n\n".join(" ".join(sentences[a:b]) for a, b in zip(edges, edges[1:]))


def generate(articles: int, seed: int = 0, n_outlets: int = 20):
    """Yield DataFrames of generated articles, BATCH rows at a time."""
    rng = np.random.default_rng(seed)
    sentences = load_sentences()
    topics = sorted(sentences["topic"].unique())
    pools = Pools(sentences, topics)
    outlets = make_outlets(n_outlets, topics, rng)
    picker = random.Random(seed)
    seen: set[bytes] = set()
    for first in range(0, articles, BATCH):
        yield build_batch(min(BATCH, articles - first), first, outlets, pools, len(topics),
                          rng, picker, seen)


def write(batches, out: Path) -> int:
    """Stream the batches to Parquet, JSONL or CSV by the file's extension; the row count."""
    suffix = out.suffix.lower()
    rows = 0
    if suffix == ".parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        writer = None
        try:
            for frame in batches:
                table = pa.Table.from_pandas(frame, preserve_index=False)
                writer = writer or pq.ParquetWriter(out, table.schema)
                writer.write_table(table)
                rows += len(frame)
        finally:
            if writer is not None:
                writer.close()
        return rows
    if suffix not in (".jsonl", ".csv"):
        raise SystemExit(f"make_corpus: {out}: use a .parquet, .jsonl or .csv file name")
    with open(out, "w", encoding="utf-8", newline="") as handle:
        for frame in batches:
            if suffix == ".jsonl":
                frame.to_json(handle, orient="records", lines=True, force_ascii=False)
            else:
                frame.to_csv(handle, index=False, header=rows == 0)
            rows += len(frame)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="how many (default 100000)")
    parser.add_argument("--out", required=True, help="a .parquet, .jsonl or .csv file")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--outlets", type=int, default=20, help="fictional outlets (default 20)")
    args = parser.parse_args(argv)
    if args.articles < 1 or args.outlets < 1:
        parser.error("--articles and --outlets must be at least 1")
    out = Path(args.out)
    if not out.parent.is_dir():
        parser.error(f"{out}: the folder {out.parent} does not exist")
    started = time.perf_counter()
    rows = write(generate(args.articles, args.seed, args.outlets), out)
    elapsed = time.perf_counter() - started
    print(f"make_corpus: wrote {rows:,} articles from {args.outlets} outlets to {out} "
          f"in {elapsed:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
