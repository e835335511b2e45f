"""Cross-site near-duplicates: the same story on two sites stays two articles, linked in `related_articles`.

The measure, per pair of articles of different sites:
- title: Jaccard similarity of the title word sets (folded, words of 3+
  letters, Polish stop words left out);
- body: containment of word 3-shingles, |A ∩ B| / min(|A|, |B|), so a
  repost that adds or drops a paragraph still counts as the same text.
Related when title ≥ TITLE_MIN and body ≥ BODY_MIN (thresholds from the
labelled set tests/related_pairs.py, see docs/wordpress.md); the stored
score is the body containment.

Candidates: MinHash signatures of the body shingles (one-permutation
hashing: each shingle hashed once into one of BANDS × ROWS bins, the
minimum per bin, empty bins borrowing from the next), cut into BANDS bands
of ROWS values, each band hashed to a key in `related_bands` (LSH). Bodies
sharing a band key are candidates; bodies with shingle Jaccard 0.6 collide
in about 91 % of cases, 0.8 in 99.9 %, unrelated ones almost never. A link
is a few indexed lookups whatever the archive's size; no two articles are
compared blindly.
"""

from __future__ import annotations

import hashlib
import logging
import random
import re
import zlib
from dataclasses import dataclass

import sqlite_utils

from scraper.archive.search import fold
from scraper.extract.language import STOPWORDS

logger = logging.getLogger(__name__)

METHOD = "title-jaccard+shingle-containment"
TITLE_MIN = 0.3
BODY_MIN = 0.6
SHINGLE = 3
MIN_TITLE_WORD = 3
BANDS, ROWS = 10, 3
MAX_CANDIDATES = 200  # a body colliding with more (boilerplate) is compared with those sharing most bands
WORD = re.compile(r"\w+")
FOLDED_STOPWORDS = frozenset(fold(word) for word in STOPWORDS["pl"])
# The one hash every shingle gets: x -> (a·x + b) mod p, fixed so that stored band keys stay valid.
PRIME = (1 << 61) - 1
_RANDOM = random.Random(20261201)
MIX = (_RANDOM.randrange(1, PRIME), _RANDOM.randrange(PRIME))
BINS = BANDS * ROWS


@dataclass(frozen=True)
class Similarity:
    title: float  # title word Jaccard
    body: float  # body shingle containment

    @property
    def related(self) -> bool:
        return self.title >= TITLE_MIN and self.body >= BODY_MIN


def title_words(title: str | None) -> frozenset[str]:
    words = WORD.findall(fold(title or ""))
    return frozenset(word for word in words if len(word) >= MIN_TITLE_WORD and word not in FOLDED_STOPWORDS)


def shingles(text: str | None) -> frozenset[int]:
    """Hashed word 3-grams of the lower-cased text (a text shorter than 3 words is one shingle).

    Lower case, not folded: both sides are normalised alike, and folding
    every body costs more than the rest of the comparison.
    """
    words = WORD.findall((text or "").lower())
    if not words:
        return frozenset()
    return frozenset(
        zlib.crc32(" ".join(words[i : i + SHINGLE]).encode()) for i in range(max(len(words) - SHINGLE + 1, 1))
    )


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def similarity(title_a: str | None, body_a: str | None, title_b: str | None, body_b: str | None) -> Similarity:
    """How alike two articles are by title words and body shingles (0.0 to 1.0 each)."""
    return Similarity(
        jaccard(title_words(title_a), title_words(title_b)), containment(shingles(body_a), shingles(body_b))
    )


def related_score(words: frozenset[str], body: frozenset[int], other: dict) -> float | None:
    """The body containment when `other` is related to an article with these title words and shingles, else None.

    The same measure as `similarity`, cheapest test first: a candidate whose
    title is too different is never shingled.
    """
    if jaccard(words, title_words(other["title"])) < TITLE_MIN:
        return None
    score = containment(body, shingles(other["body_text"]))
    return score if score >= BODY_MIN else None


def band_keys(body_shingles: frozenset[int]) -> list[int]:
    """The body's LSH keys: one per band of its MinHash signature (none for an empty body)."""
    if not body_shingles:
        return []
    a, b = MIX
    bins: list[int | None] = [None] * BINS
    for shingle in body_shingles:
        mixed = (a * shingle + b) % PRIME
        slot, value = mixed % BINS, mixed // BINS
        if bins[slot] is None or value < bins[slot]:
            bins[slot] = value
    # Densification: an empty bin takes the next filled bin's value, marked by the distance.
    signature = []
    for slot in range(BINS):
        step = next(step for step in range(BINS) if bins[(slot + step) % BINS] is not None)
        signature.append((bins[(slot + step) % BINS], step))
    keys = []
    for band in range(BANDS):
        values = (band, *signature[band * ROWS : (band + 1) * ROWS])
        digest = hashlib.blake2b(repr(values).encode(), digest_size=7).digest()  # fits SQLite's signed integer
        keys.append(int.from_bytes(digest, "big"))
    return keys


def index_bands(db: sqlite_utils.Database, article_id: str, body: frozenset[int]) -> list[int]:
    """Replace the article's band keys (from its body shingles); returns them."""
    keys = band_keys(body)
    db.execute("DELETE FROM related_bands WHERE article_id = ?", [article_id])
    db["related_bands"].insert_all([{"band": key, "article_id": article_id} for key in keys], ignore=True)
    return keys


def candidates(db: sqlite_utils.Database, article: dict, keys: list[int]) -> list[dict]:
    """Articles of other sites sharing a band key with `article`, those sharing most bands first."""
    if not keys:
        return []
    placeholders = ", ".join("?" for _ in keys)
    sql = (
        f"SELECT a.id, a.title, a.body_text FROM (SELECT article_id, count(*) AS shared FROM related_bands "
        f"WHERE band IN ({placeholders}) GROUP BY article_id) c JOIN articles a ON a.id = c.article_id "
        f"WHERE a.site != ? ORDER BY c.shared DESC, a.id LIMIT ?"
    )
    rows = db.execute(sql, [*keys, article["site"], MAX_CANDIDATES]).fetchall()
    return [dict(zip(("id", "title", "body_text"), row)) for row in rows]


def link_article(db: sqlite_utils.Database, article_id: str) -> list[str]:
    """Index one archived article and replace its related pairs (both directions); returns the related ids."""
    rows = list(db.query("SELECT id, site, title, body_text FROM articles WHERE id = ?", [article_id]))
    if not rows:
        return []
    article = rows[0]
    words, body = title_words(article["title"]), shingles(article["body_text"])
    found = []
    with db.atomic():
        keys = index_bands(db, article_id, body)
        for other in candidates(db, article, keys):
            score = related_score(words, body, other)
            if score is not None:
                found.append((other["id"], round(score, 3)))
        db.execute("DELETE FROM related_articles WHERE article_id = ? OR related_id = ?", [article_id, article_id])
        db["related_articles"].upsert_all(
            [
                {"article_id": a, "related_id": b, "score": score, "method": METHOD}
                for other_id, score in found
                for a, b in ((article_id, other_id), (other_id, article_id))
            ],
            pk=("article_id", "related_id"),
        )
    return [other_id for other_id, _ in found]


def index_missing(db: sqlite_utils.Database, besides=()) -> int:
    """Band keys for articles that have none yet (archived before linking existed) but `besides`; returns how many."""
    besides = set(besides)
    rows = [
        (article_id, body)
        for article_id, body in db.execute(
            "SELECT id, body_text FROM articles WHERE body_text IS NOT NULL AND id NOT IN "
            "(SELECT article_id FROM related_bands)"
        )
        if article_id not in besides
    ]
    with db.atomic():
        for article_id, body in rows:
            index_bands(db, article_id, shingles(body))
    return len(rows)


def link_articles(db: sqlite_utils.Database, article_ids) -> int:
    """Link every article in `article_ids` against the whole archive; returns how many pairs the linking found.

    The others are indexed first; each of `article_ids` is indexed as it is
    linked, so its bands are computed once and a pair of two of them is
    found (and counted) once, when the later one links.
    """
    article_ids = list(article_ids)
    indexed = index_missing(db, besides=article_ids)
    if indexed:
        logger.info("related articles: indexed %d archived articles", indexed)
    return sum(len(link_article(db, article_id)) for article_id in article_ids)
