"""Everything the article page shows, gathered in one place: the article, its children, documents and versions."""

from __future__ import annotations

import json
import sqlite3
import urllib.parse

from scraper.serve.versions import Version, versions

# Columns that the attachment downloads add (attachments.sha256 … and a
# `documents` table); the page shows them where the archive has them.
DOWNLOAD_COLUMNS = ("download_status", "sha256", "fetched_size", "detected_type")
DOCUMENT_COLUMNS = ("pages", "text")
# The first characters of a document's text shown under its attachment.
EXCERPT_CHARS = 400
WEB_SCHEMES = ("http", "https")


def web_url(url: str | None) -> str | None:
    """`url` if it is an http(s) address, else None: a javascript: or data: link never becomes an <a href>."""
    if not url:
        return None
    return url if urllib.parse.urlsplit(url.strip()).scheme.lower() in WEB_SCHEMES else None


def columns_of(conn: sqlite3.Connection, table: str) -> set[str]:
    """The column names of `table` (empty when there is no such table)."""
    return {row[1] for row in conn.execute("select * from pragma_table_info(?)", [table])}


def tag_filter_url(table_path: str, tag_id: int) -> str:
    """The articles table filtered to one tag, the way the tags facet (facets.ManyToManyFacet) links it."""
    through = json.dumps({"table": "articles_tags", "column": "tag_id", "value": str(tag_id)}, separators=(",", ":"))
    return f"{table_path}?{urllib.parse.urlencode({'_through': through})}"


def rows(conn: sqlite3.Connection, sql: str, params) -> list[dict]:
    """The rows of `sql` as dicts by column name."""
    cursor = conn.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _attachments(conn: sqlite3.Connection, article_id: str) -> list[dict]:
    present = columns_of(conn, "attachments")
    downloads = [f"a.{column}" if column in present else f"null as {column}" for column in DOWNLOAD_COLUMNS]
    has_documents = "sha256" in present and columns_of(conn, "documents") >= {"sha256", *DOCUMENT_COLUMNS}
    if has_documents:
        # files by its primary key: the BLOB column is never read.
        document = [
            "d.pages as document_pages",
            f"substr(d.text, 1, {EXCERPT_CHARS}) as document_excerpt",
            "d.sha256 as document_sha256",
            "f.sha256 as stored_sha256",
        ]
        join = "left join documents d on d.sha256 = a.sha256 left join files f on f.sha256 = a.sha256"
    else:
        document = [
            "null as document_pages",
            "null as document_excerpt",
            "null as document_sha256",
            "null as stored_sha256",
        ]
        join = ""
    columns = ", ".join(["a.url", "a.filename", "a.title", "a.type", "a.size_bytes", *downloads, *document])
    found = rows(
        conn, f"select {columns} from attachments a {join} where a.article_id = ? order by a.position", [article_id]
    )
    for attachment in found:
        attachment["link"] = web_url(attachment["url"])
    return found


def gather(conn: sqlite3.Connection, article_id: str, table_path: str) -> dict | None:
    """The article page's data for `article_id` on a read-only connection, or None if there is no such article.

    `table_path` is the articles table's URL path, which tag links filter.
    """
    articles = rows(conn, "select * from articles where id = ?", [article_id])
    if not articles:
        return None
    article = articles[0]
    article["link"] = web_url(article["url"])
    article["host"] = urllib.parse.urlsplit(article["link"]).hostname if article["link"] else None
    # Most leads are the body's first paragraph: the page then shows it once, in the body.
    lead, body = (article.get("lead") or "").strip(), (article.get("body_text") or "").strip()
    article["lead_in_body"] = bool(lead) and body.startswith(lead)
    article["topics"] = json.loads(article["topics"]) if article.get("topics") else []
    if article.get("extraction"):
        article["extraction"] = json.dumps(json.loads(article["extraction"]), ensure_ascii=False, indent=2)
    tags = rows(
        conn,
        "select t.id, t.name from articles_tags at join tags t on t.id = at.tag_id "
        "where at.article_id = ? order by at.rowid",
        [article_id],
    )
    for tag in tags:
        tag["url"] = tag_filter_url(table_path, tag["id"])
    images = rows(conn, "select url, caption, credit from images where article_id = ? order by position", [article_id])
    for image in images:
        image["link"] = web_url(image["url"])
    history: list[Version] = versions(
        rows(
            conn,
            "select version, first_seen_at, superseded_at, item from article_versions where article_id = ?",
            [article_id],
        )
    )
    return {
        "article": article,
        "tags": tags,
        "attachments": _attachments(conn, article_id),
        "images": images,
        # Newest first: a reader looks for the latest change.
        "versions": list(reversed(history)),
    }
