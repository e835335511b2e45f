"""An article's child rows: attachments, images and tags (many-to-many), replaced as a whole."""

from __future__ import annotations

import sqlite_utils

from scraper.archive.content import attachment_rows, image_rows
from scraper.archive.downloads import carry_outcomes, outcomes_of
from scraper.archive.rows import insert_rows


def tag_id(db: sqlite_utils.Database, name: str) -> int:
    """The id of the tag called `name`, created if new; tag rows are shared between articles."""
    db.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", [name])
    return db.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()[0]


def replace_children(db: sqlite_utils.Database, item: dict, *, new_article: bool = False) -> None:
    """Make the article's attachments, images and tags exactly those of `item`, in its order.

    An attachment whose URL was downloaded before keeps that download's outcome.
    """
    article_id = item["id"]
    previous = {} if new_article else outcomes_of(db, article_id)
    if not new_article:  # a new article has no children to replace
        for table in ("attachments", "images", "articles_tags"):
            db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
    attachments = attachment_rows(article_id, item.get("attachments"))
    insert_rows(db, "attachments", attachments)
    carry_outcomes(db, article_id, [row["url"] for row in attachments if row["url"]], previous)
    insert_rows(db, "images", image_rows(article_id, item.get("images")))
    names = dict.fromkeys(item.get("tags") or [])
    insert_rows(db, "articles_tags", [{"article_id": article_id, "tag_id": tag_id(db, name)} for name in names])


def children_of(db: sqlite_utils.Database, article_id: str) -> tuple[list[str], list[dict], list[dict]]:
    """The article's (tags, attachments, images), attachments and images in page order."""
    tags = [
        row[0]
        for row in db.execute(
            "SELECT t.name FROM articles_tags at JOIN tags t ON t.id = at.tag_id "
            "WHERE at.article_id = ? ORDER BY at.rowid",
            [article_id],
        )
    ]
    attachments = list(db.query("SELECT * FROM attachments WHERE article_id = ? ORDER BY position", [article_id]))
    images = list(db.query("SELECT * FROM images WHERE article_id = ? ORDER BY position", [article_id]))
    return tags, attachments, images
