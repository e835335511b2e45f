"""Polish-aware search over document pages, and article search that also finds articles by their documents."""

from __future__ import annotations

import json
import logging

import sqlite_utils

from scraper.archive.search import (
    BM25_WEIGHTS,
    DOCUMENTS_FTS_TABLE,
    FTS_TABLE,
    RANKED_MATCHES,
    TOKENIZER,
    index_text,
    match_expression,
    merge_into_one_segment,
)
from scraper.archive.snippet import has_hit, snippet

logger = logging.getLogger(__name__)

# A document page's bm25 is scaled by this before it meets article hits: a
# page as good as an article body ranks below it; a much better page above.
DOCUMENT_WEIGHT = 0.5
# Where a hit matched, in the order an article hit is labelled by.
TITLE, LEAD, BODY, DOCUMENT = "title", "lead", "body", "document"

# The best :kronika_limit article hits, ranked inside the index: one pass over
# the matches, no join or grouping of the rest (a common word matches most
# articles), and bm25 only for the :kronika_ranked most recently archived
# matches (from the `bound` rowid, 0 when there are fewer). {within} narrows
# them before the cut. Materialized: flattened into the grouping below, bm25
# would leave its MATCH's context.
_ARTICLE_HITS = f"""
  bound as materialized (
    select coalesce((select rowid from {FTS_TABLE} where {FTS_TABLE} match :kronika_match
                     order by rowid desc limit 1 offset :kronika_ranked - 1), 0) as rowid
  ),
  article_hits as materialized (
    select rowid as article_rowid, bm25({FTS_TABLE}, {", ".join(map(str, BM25_WEIGHTS))}) as score,
      null as sha256, null as page
    from {FTS_TABLE}
    where {FTS_TABLE} match :kronika_match and rowid >= (select rowid from bound){{within}}
    order by score, rowid limit :kronika_limit
  )"""
# Every matching document page: an article's best page may rank anywhere among them.
_DOCUMENT_HITS = f"""
  document_hits as (
    select articles.rowid as article_rowid, page_hits.score, page_hits.sha256, page_hits.page
    from (select sha256, page, bm25({DOCUMENTS_FTS_TABLE}) * {DOCUMENT_WEIGHT} as score
          from {DOCUMENTS_FTS_TABLE} where {DOCUMENTS_FTS_TABLE} match :kronika_match) as page_hits
    join attachments on attachments.sha256 = page_hits.sha256
    join articles on articles.id = attachments.article_id{{within}}
  )"""
# Each article once, at its best hit (SQLite takes a min() group's bare columns
# from its minimum row).
_ARTICLE_SEARCH = """
with {hits},
best as (select article_rowid, min(score) as score, sha256, page from ({union}) group by article_rowid)
select articles.rowid as article_rowid, articles.id as article_id, articles.title, articles.lead,
  articles.published_at, articles.city, articles.author, best.score, best.sha256, best.page,
  (select rowid > 0 from bound) as ranking_capped,
  (select min(filename) from attachments
   where attachments.article_id = articles.id and attachments.sha256 = best.sha256) as filename
from best join articles on articles.rowid = best.article_rowid
order by best.score, articles.rowid
limit :kronika_limit
"""


def matching_article_rowid_selects(parameter: str, *, with_documents: bool = True) -> list[str]:
    """SELECTs of the rowids of articles matching the MATCH expression `:parameter`: by their own text, and (with
    documents) by the pages of a document they link; an article may be in both."""
    selects = [f"select rowid from {FTS_TABLE} where {FTS_TABLE} match :{parameter}"]
    if with_documents:
        selects.append(
            f"select articles.rowid from {DOCUMENTS_FTS_TABLE} "
            f"join attachments on attachments.sha256 = {DOCUMENTS_FTS_TABLE}.sha256 "
            f"join articles on articles.id = attachments.article_id "
            f"where {DOCUMENTS_FTS_TABLE} match :{parameter}"
        )
    return selects


def matching_article_rowids_sql(parameter: str, *, with_documents: bool = True) -> str:
    """SELECT of the rowids of articles whose text, or a document they link, matches the MATCH expression `:parameter`."""
    return " union ".join(matching_article_rowid_selects(parameter, with_documents=with_documents))


def article_search_sql(*, with_documents: bool = True, within: str | None = None) -> str:
    """The SQL of search_articles (params :kronika_match, :kronika_limit, :kronika_ranked and those of `within`)."""
    parts = [
        _ARTICLE_HITS.format(
            within=f" and +rowid in (select rowid from articles where id in ({within}))" if within else ""
        )
    ]
    if with_documents:
        parts.append(_DOCUMENT_HITS.format(within=f" where articles.id in ({within})" if within else ""))
    union = " union all ".join(f"select * from {name}" for name in ("article_hits", "document_hits")[: len(parts)])
    return _ARTICLE_SEARCH.format(hits=",".join(parts), union=union)


def page_texts(text: str | None, page_offsets: str | None) -> list[str]:
    """A document's text split at its page offsets (a JSON list of where each page starts); one page if none."""
    if not text:
        return []
    starts = sorted({0, *(offset for offset in json.loads(page_offsets or "[]") if 0 < offset < len(text))})
    bounds = [*starts, len(text)]
    return [text[start:end] for start, end in zip(bounds, bounds[1:])]


def ensure_documents_fts(db: sqlite_utils.Database) -> None:
    """Create the page-level FTS5 table of documents (sha256, page, search_text) if it is missing."""
    if not db[DOCUMENTS_FTS_TABLE].exists():
        db.execute(
            f"CREATE VIRTUAL TABLE [{DOCUMENTS_FTS_TABLE}] USING fts5("
            f'sha256 UNINDEXED, page UNINDEXED, search_text, tokenize="{TOKENIZER}")'
        )


def index_document(db: sqlite_utils.Database, sha256: str) -> int:
    """(Re)index the pages of one `documents` row; returns the pages indexed (0: no text)."""
    ensure_documents_fts(db)
    db.execute(f"DELETE FROM [{DOCUMENTS_FTS_TABLE}] WHERE sha256 = ?", [sha256])
    row = db.execute("SELECT text, page_offsets FROM documents WHERE sha256 = ?", [sha256]).fetchone()
    pages = page_texts(*row) if row else []
    for number, text in enumerate(pages, start=1):
        db.execute(
            f"INSERT INTO [{DOCUMENTS_FTS_TABLE}] (sha256, page, search_text) VALUES (?, ?, ?)",
            [sha256, number, index_text(text) or ""],
        )
    return len(pages)


def ensure_documents_index(db: sqlite_utils.Database) -> int:
    """Build the documents index when it is missing (new archive, or dropped by a search index version bump).

    Returns the documents indexed (0: the index was already there). Idempotent and cheap when in place.
    """
    if db[DOCUMENTS_FTS_TABLE].exists():
        return 0
    ensure_documents_fts(db)
    if not db["documents"].exists():
        return 0
    hashes = [row[0] for row in db.execute("SELECT sha256 FROM documents WHERE text IS NOT NULL")]
    with db.atomic():
        for sha256 in hashes:
            index_document(db, sha256)
    merge_into_one_segment(db, DOCUMENTS_FTS_TABLE)
    if hashes:
        logger.info("search index: indexed the pages of %d documents", len(hashes))
    return len(hashes)


def _page_text(db: sqlite_utils.Database, sha256: str, page: int) -> str | None:
    row = db.execute("SELECT text, page_offsets FROM documents WHERE sha256 = ?", [sha256]).fetchone()
    pages = page_texts(*row) if row else []
    return pages[page - 1] if 0 < page <= len(pages) else None


def search_documents(db: sqlite_utils.Database, query: str, *, limit: int = 50) -> list[dict]:
    """Document pages matching `query`, best first: sha256, page (from 1), snippet (hits marked **so**)."""
    sql = (
        f"SELECT sha256, page FROM [{DOCUMENTS_FTS_TABLE}] WHERE [{DOCUMENTS_FTS_TABLE}] MATCH ? "
        f"ORDER BY bm25([{DOCUMENTS_FTS_TABLE}]), sha256, page LIMIT ?"
    )
    rows = db.execute(sql, [match_expression(query), limit]).fetchall()
    return [
        {"sha256": sha256, "page": page, "snippet": snippet(_page_text(db, sha256, page), query)}
        for sha256, page in rows
    ]


def matched_label(hit: dict) -> str:
    """Where a hit of search_articles matched: `title`, `lead`, `body` or `document: <filename>, s. <page>`."""
    if hit["matched_in"] == DOCUMENT:
        return f"{DOCUMENT}: {hit['filename'] or hit['sha256']}, s. {hit['page']}"
    return hit["matched_in"]


def _matched_in(hit: dict, query: str) -> str:
    # Read off the hit's own words, as snippets mark them: asking the index
    # (bm25 with one column weighted) cost a second pass over every match.
    if hit["sha256"] is not None:
        return DOCUMENT
    if has_hit(hit["title"], query):
        return TITLE
    return LEAD if has_hit(hit["lead"], query) else BODY


def _hit_snippet(db: sqlite_utils.Database, hit: dict, query: str) -> str | None:
    if hit["matched_in"] == DOCUMENT:
        return snippet(_page_text(db, hit["sha256"], hit["page"]), query)
    field = {TITLE: "title", LEAD: "lead", BODY: "body_text"}[hit["matched_in"]]
    row = db.execute(f"SELECT {field} FROM articles WHERE id = ?", [hit["article_id"]]).fetchone()
    return snippet(row[0], query)


def has_documents_index(db) -> bool:
    """True when the archive has its documents index (an archive not reopened since it came may not)."""
    return db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [DOCUMENTS_FTS_TABLE]).fetchone() is not None


def search_articles(
    db, query: str, *, limit: int = 50, within: str | None = None, within_params: dict | None = None
) -> list[dict]:
    """Articles matching `query` in their title, lead, body or a document's page, best first.

    `db` is a sqlite-utils Database or a sqlite3 connection (only read).
    `within`, a SELECT of article ids with `within_params`, narrows the articles.
    Each hit: article_id, title, published_at, city, author, score (bm25,
    lower is better; document pages scaled by DOCUMENT_WEIGHT), matched_in
    (title/lead/body/document), sha256, page and filename of a document hit,
    label (matched_label), snippet (hits marked **so**) and ranking_capped
    (1 when the matches were more than RANKED_MATCHES and only the most
    recently archived ones were ranked).
    """
    sql = article_search_sql(with_documents=has_documents_index(db), within=within)
    params = {
        **(within_params or {}),
        "kronika_match": match_expression(query),
        "kronika_limit": limit,
        "kronika_ranked": RANKED_MATCHES,
    }
    rows = db.execute(sql, params)
    columns = [column[0] for column in rows.description]
    hits = [dict(zip(columns, row)) for row in rows.fetchall()]
    for hit in hits:
        del hit["article_rowid"]
        hit["matched_in"] = _matched_in(hit, query)
        hit["label"] = matched_label(hit)
        hit["snippet"] = _hit_snippet(db, hit, query)
        del hit["lead"]
    return hits
