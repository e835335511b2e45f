"""Cross-site near-duplicates: the same story on two sites stays two articles, linked in `related_articles`.

The measure, on folded text (lower case, no diacritics):
- title: Jaccard similarity of the title word sets (words of 3+ letters,
  Polish stop words left out);
- body: containment of word 3-shingles, |A ∩ B| / min(|A|, |B|), so a
  repost that adds or drops a paragraph still counts as the same text.
Two articles of different sites are related when title ≥ TITLE_MIN and
body ≥ BODY_MIN (thresholds from tests/related_pairs.py, see
docs/wordpress.md); the stored score is the body containment.

Candidates come from the archive's full-text title index (bm25, the best
CANDIDATES of other sites), so linking one article costs one indexed query
whatever the archive's size; no pair of articles is compared blindly.
"""

from __future__ import annotations

import logging
import re
import zlib
from dataclasses import dataclass

import sqlite_utils
from scrapy import signals
from scrapy.exceptions import NotConfigured

from scraper.archive.search import FTS_TABLE, INDEXED_FIELDS, fold
from scraper.extract.language import STOPWORDS

logger = logging.getLogger(__name__)

METHOD = "title-jaccard+shingle-containment"
TITLE_MIN = 0.3
BODY_MIN = 0.6
SHINGLE = 3
CANDIDATES = 20
MIN_TITLE_WORD = 3
WORD = re.compile(r"\w+")
FOLDED_STOPWORDS = frozenset(fold(word) for word in STOPWORDS["pl"])


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
    """Hashed word 3-grams of the folded text (a text shorter than 3 words is one shingle)."""
    words = WORD.findall(fold(text or ""))
    if not words:
        return frozenset()
    return frozenset(zlib.crc32(" ".join(words[i:i + SHINGLE]).encode())
                     for i in range(max(len(words) - SHINGLE + 1, 1)))


def similarity(title_a: str | None, body_a: str | None, title_b: str | None, body_b: str | None) -> Similarity:
    """How alike two articles are by title words and body shingles (0.0 to 1.0 each)."""
    words_a, words_b = title_words(title_a), title_words(title_b)
    title = len(words_a & words_b) / len(words_a | words_b) if words_a and words_b else 0.0
    shingles_a, shingles_b = shingles(body_a), shingles(body_b)
    body = (len(shingles_a & shingles_b) / min(len(shingles_a), len(shingles_b))
            if shingles_a and shingles_b else 0.0)
    return Similarity(title, body)


def candidates(db: sqlite_utils.Database, article: dict) -> list[dict]:
    """Articles of other sites whose titles share words with `article`'s, best bm25 first."""
    words = title_words(article["title"])
    if not words:
        return []
    column = INDEXED_FIELDS["title"]
    match = f"{column} : (" + " OR ".join(f'"{word}"' for word in sorted(words)) + ")"
    sql = (f"SELECT a.id, a.site, a.title, a.body_text FROM {FTS_TABLE} "
           f"JOIN articles a ON a.rowid = {FTS_TABLE}.rowid "
           f"WHERE {FTS_TABLE} MATCH ? AND a.site != ? ORDER BY bm25({FTS_TABLE}) LIMIT ?")
    return [dict(zip(("id", "site", "title", "body_text"), row))
            for row in db.execute(sql, [match, article["site"], CANDIDATES]).fetchall()]


def link_article(db: sqlite_utils.Database, article_id: str) -> list[str]:
    """Re-link one archived article: replace its related pairs (both directions); returns the related ids."""
    rows = list(db.query("SELECT id, site, title, body_text FROM articles WHERE id = ?", [article_id]))
    if not rows:
        return []
    article = rows[0]
    found = []
    for other in candidates(db, article):
        measured = similarity(article["title"], article["body_text"], other["title"], other["body_text"])
        if measured.related:
            found.append((other["id"], round(measured.body, 3)))
    with db.atomic():
        db.execute("DELETE FROM related_articles WHERE article_id = ? OR related_id = ?", [article_id, article_id])
        db["related_articles"].upsert_all(
            [{"article_id": a, "related_id": b, "score": score, "method": METHOD}
             for other_id, score in found for a, b in ((article_id, other_id), (other_id, article_id))],
            pk=("article_id", "related_id"),
        )
    return [other_id for other_id, _ in found]


def link_articles(db: sqlite_utils.Database, article_ids) -> int:
    """Re-link every article in `article_ids`; returns how many pairs (one direction) they are in."""
    return sum(len(link_article(db, article_id)) for article_id in article_ids)


class RelatedLinker:
    """Extension: at the end of a site's crawl, link the articles it scraped to their cross-site twins.

    At spider close every item of the run is archived (pipelines close
    first), and linking is symmetric, so sites finishing in any order end
    with the same pairs.
    """

    def __init__(self, crawler, db_path: str):
        self.db_path = db_path
        self.scraped: list[str] = []
        self.stats = crawler.stats
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler):
        db_path = crawler.settings.get("KRONIKA_DB")
        if not db_path:
            raise NotConfigured("no archive: nothing to link")
        return cls(crawler, db_path)

    def item_scraped(self, item, spider):
        self.scraped.append(item["id"])

    def spider_closed(self, spider, reason):
        from scraper.archive import Archive

        db = Archive(self.db_path).db
        pairs = link_articles(db, dict.fromkeys(self.scraped))
        db.conn.commit()
        self.stats.set_value("kronika/related_pairs", pairs)
        if pairs:
            logger.info("%s: %d cross-site related pairs", spider.name, pairs)
