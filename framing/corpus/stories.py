"""Stories: the articles of a store that report the same event, across outlets.

Method (README, "Stories and outlets"):

1. Each article becomes a TF-IDF vector of its title (counted twice), its lead (the first
   ``LEAD_CHARS`` characters of the text) and the names in them (runs of capitalized words,
   as extra tokens), normalized over all their words; then the words seen in fewer than two
   articles are dropped (they cannot make two articles similar, but they count in an
   article's length), and words in more than half of the articles are left out.
2. Candidate pairs are found by an exact radius search, block by block: the articles of one
   day are compared (one sparse matrix product) with those of the next ``window_days`` days
   only, so the cost grows with the articles per window, never with all pairs of the store.
   Articles without a date are compared only with each other.
3. Pairs with a cosine similarity of at least ``threshold`` link articles into components;
   each component is then split by average-linkage clustering cut at the same threshold
   (a story's articles must be similar *on average*, which stops a chain A~B~C from joining
   two unrelated events through one article that mentions both). Pairs further apart than
   the window count as similarity 0 there, and pairs of the same outlet count
   ``SAME_OUTLET_WEIGHT`` of their similarity (house style makes them look alike).
4. An article with ``duplicate_of`` set (a wire copy) joins its original's story.

Each article gets a row in ``stories``: ``story_id`` (1, 2, ... by first date), ``article_id``,
``similarity`` (cosine to the story's centroid; 1.0 for a story of one) and ``label`` (the title
of the story's most central article, else the start of its lead).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer

from .storeio import (  # noqa: F401
    DEFAULT_THRESHOLD,
    DEFAULT_WINDOW_DAYS,
    check_story_options,
    connect,
    has_stories,
    table_exists,
    unstoried,
)

LEAD_CHARS = 2000
# Rows of one block compared at once (bounds the memory of one sparse product).
QUERY_CHUNK = 2000
# A component larger than this is split by raising its edge threshold before average linkage
# (average linkage holds a dense n x n matrix).
LINKAGE_CAP = 2500
LABEL_WORDS = 12
# In the average linkage, the similarity of two articles of the same outlet counts this much:
# an outlet's house style (its boilerplate, its habits of naming) makes its articles on two
# events look alike, and an outlet seldom prints two articles on one event within days.
SAME_OUTLET_WEIGHT = 0.5
# An article left alone joins a story whose average similarity to it is at least this share of
# the threshold (and to one of whose articles it is linked): ``_attach_singles``.
ATTACH_SHARE = 0.75
STORY_COLUMNS = ("story_id", "article_id", "similarity", "label")

_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")


@dataclass(frozen=True)
class StoriesSummary:
    """What ``write_stories`` stored: counts for the command line."""

    articles: int
    stories: int
    multi_outlet_stories: int
    duplicates_joined: int
    largest: int
    undated: int


def document_text(title: str | None, lead: str | None) -> str:
    """The text an article is compared by: title twice, lead, and its names as tokens."""
    title = title or ""
    lead = lead or ""
    names = " ".join("name_" + "_".join(m.lower().split())
                     for m in _NAME.findall(f"{title}. {lead}"))
    return f"{title} {title} {lead} {names}"


def load_articles(con) -> pd.DataFrame:
    """The articles' id, title, outlet, date, duplicate_of and lead, in a stable order.

    Read as Arrow batches: on 100,000 articles DuckDB's ``.df()`` peaks at 1.4 GB for a frame
    of 0.2 GB, batches at 0.6 GB."""
    cursor = con.cursor()  # its own result: the connection's last one may be unfinished
    try:
        reader = cursor.sql(
            f"""SELECT id, title, outlet, published, duplicate_of, left(text, {LEAD_CHARS})
                AS lead FROM articles ORDER BY id""").to_arrow_reader(10_000)
        parts = [batch.to_pandas() for batch in reader]
    finally:
        cursor.close()
    if not parts:
        return reader.schema.empty_table().to_pandas()
    return pd.concat(parts, ignore_index=True)


def vectorize(frame: pd.DataFrame):
    """TF-IDF vectors (CSR, float32) of the articles' titles, leads and names, normalized over
    all their words, then without the words of one article only.

    A word of one article cannot make two articles similar, so its column is dropped; but it
    is part of the article, so it counts in the vector's length first. Dropped before, it
    would leave a small store's vectors made mostly of the few words articles share, and two
    articles on one topic would look like one story."""
    n = len(frame)
    # a generator, so the documents are never all held as a second copy of the leads
    docs = (document_text(t, lead) for t, lead in zip(frame["title"], frame["lead"]))
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True,
                                 max_df=0.5 if n >= 20 else 1.0,
                                 dtype=np.float32, token_pattern=r"(?u)\b\w[\w']+\b")
    try:
        vectors = vectorizer.fit_transform(docs).tocsr()
    except ValueError:  # no word left (empty texts)
        return sparse.csr_matrix((n, 1), dtype=np.float32)
    if n <= 2:
        return vectors
    shared = np.flatnonzero(np.bincount(vectors.indices, minlength=vectors.shape[1]) >= 2)
    if len(shared) == 0:
        return sparse.csr_matrix((n, 1), dtype=np.float32)
    return vectors[:, shared].tocsr()


# the day number of a missing date: below every date's (year 1 is day -719,162), and far from
# the int64 limits, so differences of day numbers cannot overflow
UNDATED = -(10 ** 9)
# a window wider than any two dates can be apart (1800 to next year: about 83,000 days; years
# 1 to 9999 in a store written by other means: 3.65 million) means no limit; a wider one is
# taken as this (a day number plus 2**63 days wrapped round)
MAX_WINDOW_DAYS = 10 ** 7


def _day_numbers(published: pd.Series) -> np.ndarray:
    """Days since 1970-01-01 (negative before it, any date from year 1 to 9999), or
    ``UNDATED`` for a missing date."""
    values = pd.Series(published)
    days = np.full(len(values), UNDATED, dtype=np.int64)
    present = values.notna().to_numpy()
    if present.any():  # (numpy's days, not pandas' nanoseconds: those end at 1677 and 2262)
        days[present] = np.array(list(values[present]), dtype="datetime64[D]").astype(np.int64)
    return days


def candidate_edges(vectors, days: np.ndarray, window_days: int,
                    threshold: float) -> sparse.coo_matrix:
    """Pairs within ``window_days`` of each other (at most ``MAX_WINDOW_DAYS``: ``cluster``
    caps it) with cosine >= ``threshold``."""
    n = vectors.shape[0]
    rows, cols, sims = [], [], []

    def compare(query: np.ndarray, candidates: np.ndarray, query_days, candidate_days) -> None:
        if len(query) == 0 or len(candidates) == 0:
            return
        cand_t = vectors[candidates].T.tocsc()
        for start in range(0, len(query), QUERY_CHUNK):
            part = query[start:start + QUERY_CHUNK]
            product = (vectors[part] @ cand_t).tocoo()
            keep = product.data >= threshold
            r, c = product.row[keep], product.col[keep]
            i, j = part[r], candidates[c]
            # a pair of the same day is found twice: keep it once
            once = (query_days[start + r] != candidate_days[c]) | (i < j)
            rows.append(i[once])
            cols.append(j[once])
            sims.append(product.data[keep][once])

    dated = np.flatnonzero(days != UNDATED)
    order = dated[np.argsort(days[dated], kind="stable")]
    sorted_days = days[order]
    for day in np.unique(sorted_days):
        lo = np.searchsorted(sorted_days, day, side="left")
        hi = np.searchsorted(sorted_days, day, side="right")
        end = np.searchsorted(sorted_days, day + window_days, side="right")
        compare(order[lo:hi], order[lo:end], sorted_days[lo:hi], sorted_days[lo:end])
    undated = np.flatnonzero(days == UNDATED)
    compare(undated, undated, days[undated], days[undated])
    if not rows:
        return sparse.coo_matrix((n, n), dtype=np.float32)
    return sparse.coo_matrix((np.concatenate(sims), (np.concatenate(rows),
                                                    np.concatenate(cols))), shape=(n, n))


def _average_linkage(members: np.ndarray, vectors, days: np.ndarray, window_days: int,
                     threshold: float, outlets: np.ndarray | None = None,
                     same_outlet_weight: float = SAME_OUTLET_WEIGHT) -> np.ndarray:
    """Cluster labels (0..k-1) of ``members`` by average linkage cut at ``threshold``."""
    sub = vectors[members]
    similarity = (sub @ sub.T).toarray().astype(np.float64)
    if outlets is not None:
        member_outlets = outlets[members]
        same = ((member_outlets[:, None] == member_outlets[None, :])
                & (member_outlets[:, None] >= 0))
        similarity[same] *= same_outlet_weight
    member_days = days[members]
    far = np.abs(member_days[:, None] - member_days[None, :]) > window_days
    far |= (member_days[:, None] == UNDATED) != (member_days[None, :] == UNDATED)
    similarity[far] = 0.0
    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    condensed = distance[np.triu_indices(len(members), k=1)]
    tree = linkage(condensed, method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance") - 1
    return _attach_singles(labels, similarity, threshold,
                           None if outlets is None else outlets[members])


def _attach_singles(labels: np.ndarray, similarity: np.ndarray, threshold: float,
                    outlets: np.ndarray | None) -> np.ndarray:
    """Put an article the linkage left alone into the story it is most like on average, when
    it is linked to one of its articles (>= ``threshold``), is like the story on average
    (>= ``ATTACH_SHARE`` of the threshold) and its outlet has no article there yet. The
    average of a story told in one outlet's own words (a tabloid's headline and lead) falls
    just below the threshold, while it shares a link with the story's closest telling; an
    outlet seldom prints two articles on one event within days."""
    _, labels = np.unique(labels, return_inverse=True)  # 0..k-1, every story non-empty
    sizes = np.bincount(labels)
    singles = np.flatnonzero(sizes[labels] == 1)
    if len(singles) == 0 or len(sizes) < 2:
        return labels
    # each single's sum and maximum of similarity over each story, all at once
    order = np.argsort(labels, kind="stable")
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    rows = similarity[np.ix_(singles, order)]
    means = np.add.reduceat(rows, starts, axis=1) / sizes
    linked = np.maximum.reduceat(rows, starts, axis=1) >= threshold
    allowed = linked & (means >= ATTACH_SHARE * threshold)
    allowed[np.arange(len(singles)), labels[singles]] = False  # not its own
    if outlets is not None:  # nor a story its outlet already told
        width = int(outlets.max()) + 2
        told = np.unique(labels * width + outlets + 1)
        for row, i in enumerate(singles):
            if outlets[i] >= 0:
                allowed[row] &= ~np.isin(np.arange(len(sizes)) * width + outlets[i] + 1, told)
    means[~allowed] = -np.inf
    best = means.argmax(axis=1)
    chosen = np.isfinite(means[np.arange(len(singles)), best])
    labels[singles[chosen]] = best[chosen]
    _, labels = np.unique(labels, return_inverse=True)  # numbered 0..k-1 again
    return labels


def cluster(vectors, days: np.ndarray, window_days: int = DEFAULT_WINDOW_DAYS,
            threshold: float = DEFAULT_THRESHOLD, outlets: np.ndarray | None = None,
            same_outlet_weight: float = SAME_OUTLET_WEIGHT) -> np.ndarray:
    """A story number for each row of ``vectors`` (0..k-1, not yet ordered).

    ``outlets``: an outlet code per row (-1 when unknown), for ``same_outlet_weight``."""
    window_days = min(int(window_days), MAX_WINDOW_DAYS)
    n = vectors.shape[0]
    labels = np.full(n, -1, dtype=np.int64)
    if n == 0:
        return labels
    edges = candidate_edges(vectors, days, window_days, threshold).tocsr()
    next_label = 0

    def split(members: np.ndarray, graph, edge_threshold: float) -> None:
        nonlocal next_label
        count, parts = connected_components(graph, directed=False)
        order = np.argsort(parts, kind="stable")
        bounds = np.concatenate([[0], np.cumsum(np.bincount(parts, minlength=count))])
        for part in range(count):
            local = order[bounds[part]:bounds[part + 1]]
            chosen = members[local]
            if len(chosen) == 1:
                labels[chosen] = next_label
                next_label += 1
            elif len(chosen) == 2 and (outlets is None or outlets[chosen[0]] < 0
                                       or outlets[chosen[0]] != outlets[chosen[1]]):
                labels[chosen] = next_label  # linked, so similar enough and within the window
                next_label += 1
            elif len(chosen) <= LINKAGE_CAP:
                sub_labels = _average_linkage(chosen, vectors, days, window_days, threshold,
                                              outlets, same_outlet_weight)
                labels[chosen] = next_label + sub_labels
                next_label += int(sub_labels.max()) + 1
            else:  # too big for a dense matrix: cut its weakest links first
                sub = graph[local][:, local].tocoo()
                raised = edge_threshold + 0.05
                keep = sub.data >= raised
                pruned = sparse.coo_matrix((sub.data[keep], (sub.row[keep], sub.col[keep])),
                                           shape=sub.shape).tocsr()
                split(chosen, pruned, raised)

    split(np.arange(n), edges, threshold)
    return labels


def _root(ids: pd.Series, duplicate_of: pd.Series) -> pd.Series:
    """Each article's original: follows ``duplicate_of`` chains to an article in the store."""
    known = set(ids)
    parent = {i: d for i, d in zip(ids, duplicate_of)
              if isinstance(d, str) and d in known and d != i}
    roots = []
    for article in ids:
        seen = {article}
        current = article
        while current in parent and parent[current] not in seen:
            current = parent[current]
            seen.add(current)
        if current in parent:  # a cycle of copies: the smallest id stands for them all
            cycle = {current}
            step = parent[current]
            while step not in cycle:
                cycle.add(step)
                step = parent[step]
            current = min(cycle)
        roots.append(current)
    return pd.Series(roots, index=ids.index)


def _fallback_label(lead: str | None) -> str:
    words = (lead or "").split()
    text = " ".join(words[:LABEL_WORDS])
    return text + (" …" if len(words) > LABEL_WORDS else "")


def find_stories(con, window_days: int = DEFAULT_WINDOW_DAYS,
                 threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Group the store's articles into stories.

    Parameters
    ----------
    con : a DuckDB connection to a store (reads ``articles``).
    window_days : articles more than this many days apart are never in one story.
    threshold : the cosine similarity (0..1) two articles' title+lead vectors need to be
        linked, and the average similarity a story's articles need between them.

    Returns a DataFrame with the columns of ``STORY_COLUMNS`` (one row per article) and,
    for convenience, ``outlet`` and ``published``.
    """
    check_story_options(window_days, threshold)
    frame = load_articles(con)
    columns = list(STORY_COLUMNS) + ["outlet", "published"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    frame["root"] = _root(frame["id"], frame["duplicate_of"])
    vectors = vectorize(frame)
    days = _day_numbers(frame["published"])
    originals = np.flatnonzero((frame["root"] == frame["id"]).to_numpy())
    outlet_codes = pd.factorize(frame["outlet"].fillna("").str.strip().replace("", None))[0]
    raw = cluster(vectors[originals], days[originals], window_days, threshold,
                  outlet_codes[originals])
    story_of = dict(zip(frame["id"].to_numpy()[originals], raw))
    frame["raw"] = frame["root"].map(story_of).astype(np.int64)

    # Story ids in order of first date (undated last), then of first article id.
    first = frame.assign(day=np.where(days == UNDATED, np.iinfo(np.int64).max, days)).groupby(
        "raw").agg(day=("day", "min"), first_id=("id", "min")).sort_values(["day", "first_id"])
    renumber = pd.Series(np.arange(1, len(first) + 1), index=first.index)
    frame["story_id"] = frame["raw"].map(renumber).to_numpy()

    # Similarity to the story's centroid (the mean of its unit vectors, normalized); 1.0 for
    # a story of one, so only the articles of larger stories are multiplied (most stories
    # of a big store have one article: this keeps the step's memory small).
    story_index = frame["story_id"].to_numpy() - 1
    sizes = np.bincount(story_index, minlength=len(first))
    similarity = np.ones(len(frame))
    shared = np.flatnonzero(sizes[story_index] > 1)
    if len(shared):
        members, member_story = vectors[shared], story_index[shared]
        membership = sparse.csr_matrix(
            (np.ones(len(shared), dtype=np.float32), (member_story, np.arange(len(shared)))),
            shape=(len(first), len(shared)))
        centroids = membership @ members
        norms = np.sqrt(np.asarray(centroids.multiply(centroids).sum(axis=1))).ravel()
        norms[norms == 0] = 1.0
        centroids = sparse.diags(1.0 / norms) @ centroids
        similarity[shared] = np.asarray(
            members.multiply(centroids[member_story]).sum(axis=1)).ravel()
    frame["similarity"] = np.round(similarity.astype(np.float64), 4)

    # Label: the title of the most central article, else the start of its lead.
    central = frame.sort_values(["story_id", "similarity", "id"],
                                ascending=[True, False, True]).drop_duplicates("story_id")
    labels = {row.story_id: (row.title.strip() if isinstance(row.title, str) and row.title.strip()
                             else _fallback_label(row.lead))
              for row in central.itertuples()}
    frame["label"] = frame["story_id"].map(labels)
    frame = frame.rename(columns={"id": "article_id"})
    return frame.sort_values(["story_id", "similarity"], ascending=[True, False])[
        columns].reset_index(drop=True)


def write_stories(con, stories: pd.DataFrame) -> StoriesSummary:
    """Replace the ``stories`` table with ``stories`` in one transaction."""
    rows = stories[list(STORY_COLUMNS)]
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("""CREATE TABLE IF NOT EXISTS stories (story_id INTEGER, article_id VARCHAR,
                       similarity DOUBLE, label VARCHAR)""")
        con.execute("DELETE FROM stories")
        con.register("_new_stories", rows)
        con.execute("INSERT INTO stories SELECT story_id, article_id, similarity, label "
                    "FROM _new_stories")
        con.unregister("_new_stories")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return summarize(con, stories)


def summarize(con, stories: pd.DataFrame) -> StoriesSummary:
    if stories.empty:
        return StoriesSummary(0, 0, 0, 0, 0, 0)
    duplicates = con.execute(
        "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]
    outlets = stories.groupby("story_id")["outlet"].nunique()
    sizes = stories.groupby("story_id").size()
    return StoriesSummary(
        articles=len(stories), stories=int(len(sizes)),
        multi_outlet_stories=int((outlets >= 2).sum()), duplicates_joined=int(duplicates),
        largest=int(sizes.max()), undated=int(stories["published"].isna().sum()))


def build_stories(db, window_days: int = DEFAULT_WINDOW_DAYS,
                  threshold: float = DEFAULT_THRESHOLD) -> StoriesSummary:
    """Find the stories of the store at ``db`` (a path or a connection) and store them.

    Given a path, this is a writer like ``corpus add`` and ``corpus analyze``: it holds the
    store's writer lock from reading the articles to writing their stories, so no ``add``
    changes the articles in between and a second writer gets the one-line "locked by another
    writer". The stories are found on a read-only connection that is closed before they are
    written: DuckDB keeps what it read until then (about 0.3 GB at 100,000 articles), and
    readers are not locked out while the stories are computed. Given a connection, the
    caller owns the store (and its lock)."""
    check_story_options(window_days, threshold)  # before the store is touched
    if isinstance(db, (str, Path)):
        from .store import WriterLock, check_store

        check_store(db)  # before the lock file beside it is made: a refused path gets none
        with WriterLock(db):
            with connect(db) as con:
                stories = find_stories(con, window_days, threshold)
            with connect(db, read_only=False) as con:
                return write_stories(con, stories)
    with connect(db, read_only=False) as con:
        return write_stories(con, find_stories(con, window_days, threshold))


def blind_spots(db, min_outlets: int = 2) -> pd.DataFrame:
    """For each story, the outlets of the store that did not cover it.

    Only stories covered by at least ``min_outlets`` outlets are listed (a story one outlet
    ran alone may be its exclusive rather than everyone else's blind spot). Duplicates count
    as coverage by their outlet. The outlets are those of the articles in stories: an outlet
    whose articles were all added after ``corpus stories`` ran is missing from none (its
    articles were never compared with the stories; ``unstoried(db)`` counts them). Columns:
    ``story_id``, ``label``, ``outlets_covering`` (count), ``covered_by`` and ``missing``
    (outlet names joined by "; ", sorted).
    """
    if isinstance(min_outlets, bool) or not isinstance(min_outlets, int) or min_outlets < 1:
        raise TypeError(f"min_outlets must be a whole number, 1 or more, not {min_outlets!r}")
    with connect(db, read_only=True) as con:
        if not has_stories(con):
            from .storeio import StoriesMissingError

            raise StoriesMissingError(db)
        frame = con.execute(
            """SELECT s.story_id, any_value(s.label) AS label,
                      list_sort(list_distinct(list(a.outlet))) AS covered
               FROM stories s JOIN articles a ON a.id = s.article_id
               WHERE a.outlet IS NOT NULL AND a.outlet <> ''
               GROUP BY s.story_id ORDER BY s.story_id""").df()
        everyone = [row[0] for row in con.execute(
            """SELECT DISTINCT a.outlet FROM stories s JOIN articles a ON a.id = s.article_id
               WHERE a.outlet IS NOT NULL AND a.outlet <> '' ORDER BY a.outlet""").fetchall()]
    columns = ["story_id", "label", "outlets_covering", "covered_by", "missing"]
    rows = []
    for row in frame.itertuples():
        covered = list(row.covered)
        if len(covered) < min_outlets:
            continue
        missing = [o for o in everyone if o not in set(covered)]
        rows.append((row.story_id, row.label, len(covered), "; ".join(covered),
                     "; ".join(missing)))
    return pd.DataFrame(rows, columns=columns)
