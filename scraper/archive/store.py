"""The `Archive`: store article items with versioning, degraded-fetch protection and raw pages."""

from __future__ import annotations

import contextlib
import dataclasses
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import sqlite_utils

from scraper.archive import children, crawls, held_duplicates
from scraper.archive.content import article_row, canonical_json, content_hash
from scraper.archive.degraded import Assessment, assess, merge
from scraper.archive.pages import CONFIRMING, HELD, NOT_PENDING, has_page, page_row, page_sha256, stored_pages
from scraper.archive.rows import insert_rows, update_row
from scraper.archive.schema import configure_connection, ensure_schema
from scraper.archive.suspect import duplicate_reason, page_content_key, suspect_reasons
from scraper.extract.items import PAGE_KEY

logger = logging.getLogger(__name__)

NEW, CHANGED, UNCHANGED, DEGRADED, SUSPECT = "new", "changed", "unchanged", "degraded", "suspect"
# A suspect fetch that repeats an earlier run's held one: made current at the end of a clean run.
CONFIRMS = "confirms"


@dataclass(frozen=True)
class StoreOutcome:
    """What `Archive.store` did with one item; `version` is the article's current version after it."""

    status: str
    warnings: list[str] = field(default_factory=list)
    version: int | None = None
    # Articles of this run made current earlier and held now (many-URLs duplicates).
    reverted: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fetch:
    """Where a fetch stands: its run, its title-and-body hash, its review state and suspect warning."""

    crawl_id: int | None
    content_key: str
    review: str | None = None
    suspect: str | None = None


@dataclass(frozen=True)
class KnownArticle:
    """What incremental crawling needs to know about an archived article."""

    id: str
    url: str | None
    published_at: str | None
    content_sha256: str | None
    etag: str | None
    last_modified: str | None
    last_fetched_at: str | None


def open_database(db) -> sqlite_utils.Database:
    """`db` itself (schema ensured) if it is a Database, else a new connection of its own to that file.

    No connection is shared between owners: each crawl's writes commit on
    their own (scraper/crawl/archive_session.py opens one per site).
    """
    database = db if isinstance(db, sqlite_utils.Database) else sqlite_utils.Database(db)
    configure_connection(database)
    ensure_schema(database)
    return database


class Archive:
    """The SQLite archive. Storing the same content twice writes nothing; nothing archived is lost.

    Unchanged re-fetches leave no trace at all (no "last seen" bump), so that
    re-crawling is churn-free; crawl rows record when each site was checked.
    An Archive opened by path has its own connection; `close` ends it.
    """

    def __init__(self, db):
        self.db = open_database(db)

    def close(self) -> None:
        """Close the connection (everything stored is already committed)."""
        self.db.close()

    @contextlib.contextmanager
    def batch(self) -> Iterator[Archive]:
        """One transaction around many `store` calls; rolled back whole if the block raises."""
        with self.db.atomic():
            yield self

    def store(
        self, item: dict, page: dict | None = None, *, crawl_id: int | None = None, review: str | None = None
    ) -> StoreOutcome:
        """Archive one item (and its raw page); all of it or, on any error, none of it.

        `crawl_id` is the run that fetched it: suspect fetches are held (see
        scraper.archive.suspect) and confirmed by a later run. A `review`
        (CONFIRMED, ACCEPTED) stores a held fetch as trusted: no suspect rules.
        """
        if not item.get("id"):
            raise ValueError("item without an id cannot be archived")
        item = {key: value for key, value in item.items() if key != PAGE_KEY}
        with self.db.atomic():
            return self._store(item, page, Fetch(crawl_id, page_content_key(item), review))

    def _store(self, item: dict, page: dict | None, fetch: Fetch) -> StoreOutcome:
        article = self._article(item["id"])
        if article is None:
            version = self._write_version(item, None)
            self._store_page(item["id"], page, version=version, degraded=False, only_if_none=False, fetch=fetch)
            return StoreOutcome(NEW, [], version)
        archived = self._version_item(item["id"], article["version"])
        assessment = assess(archived, item)
        candidate = merge(archived, item, assessment)
        version = article["version"]
        if content_hash(candidate) != article["content_hash"]:
            if fetch.review is None:
                suspect = self._suspect_outcome(item, page, archived, article, fetch)
                if suspect:
                    return suspect
            version = self._write_version(candidate, article)
        if assessment.degraded:
            return self._record_degraded(item, page, assessment, version, fetch)
        changed = version != article["version"]
        self._store_page(item["id"], page, version=version, degraded=False, only_if_none=not changed, fetch=fetch)
        return StoreOutcome(CHANGED if changed else UNCHANGED, [], version)

    def _suspect_outcome(
        self, item: dict, page: dict | None, archived: dict, article: dict, fetch: Fetch
    ) -> StoreOutcome | None:
        """Hold a change that looks like another page (nothing current changes); None for an ordinary change."""
        reasons = suspect_reasons(archived, item)
        others = held_duplicates.others_this_run(self.db, item["id"], fetch.content_key, fetch.crawl_id)
        duplicate = duplicate_reason(len({other["article_id"] for other in others}))
        reverted = []
        if duplicate:
            reasons.append(duplicate)
            reverted = held_duplicates.hold_all(self.db, others, duplicate, self._revert_version)
        if not reasons:
            return None
        confirms = not duplicate and held_duplicates.held_by_earlier_run(
            self.db, item["id"], fetch.content_key, fetch.crawl_id
        )
        warnings = [f"suspect fetch held back: {reason}" for reason in reasons]
        if confirms:
            warnings.append(
                "same content as a suspect fetch of an earlier run: current if this run ends "
                "without 'site looks changed'"
            )
        self._record_warnings(item, page, warnings)
        held = dataclasses.replace(fetch, review=CONFIRMING if confirms else HELD, suspect="; ".join(reasons))
        self._store_page(item["id"], page, version=article["version"], degraded=False, only_if_none=False, fetch=held)
        return StoreOutcome(CONFIRMS if confirms else SUSPECT, warnings, article["version"], reverted=tuple(reverted))

    def _record_degraded(
        self, item: dict, page: dict | None, assessment: Assessment, version: int, fetch: Fetch
    ) -> StoreOutcome:
        warnings = list(assessment.warnings)
        self._record_warnings(item, page, warnings)
        self._store_page(item["id"], page, version=version, degraded=True, only_if_none=False, fetch=fetch)
        return StoreOutcome(DEGRADED, warnings, version)

    def _record_warnings(self, item: dict, page: dict | None, warnings: list[str]) -> None:
        for warning in warnings:
            logger.warning("fetch of %s: %s", item["id"], warning)
        fetch_key = page_sha256(page) if page else content_hash(item)
        self.db["fetch_warnings"].insert_all(
            [
                {
                    "article_id": item["id"],
                    "fetch_key": fetch_key,
                    "warning": warning,
                    "fetched_at": item.get("fetched_at"),
                }
                for warning in warnings
            ],
            ignore=True,
        )

    def _revert_version(self, article_id: str, version: int) -> None:
        """Undo `version` (written this run from a fetch found suspect afterwards): the one before is current again."""
        previous = self._version_item(article_id, version - 1)
        self.db.execute("DELETE FROM article_versions WHERE article_id = ? AND version = ?", [article_id, version])
        self.db.execute(
            "UPDATE article_versions SET superseded_at = NULL WHERE article_id = ? AND version = ?",
            [article_id, version - 1],
        )
        row = self.db.execute(
            "SELECT first_seen_at FROM article_versions WHERE article_id = ? AND version = ?", [article_id, version - 1]
        ).fetchone()
        update_row(
            self.db,
            "articles",
            "id",
            {
                "id": article_id,
                **article_row(previous),
                "version": version - 1,
                "content_hash": content_hash(previous),
                "last_changed_at": row[0],
            },
        )
        children.replace_children(self.db, previous, new_article=False)

    def _article(self, article_id: str) -> dict | None:
        rows = self.db.query("SELECT id, version, content_hash, first_seen_at FROM articles WHERE id = ?", [article_id])
        return next(iter(rows), None)

    def _version_item(self, article_id: str, version: int) -> dict:
        row = self.db.execute(
            "SELECT item FROM article_versions WHERE article_id = ? AND version = ?", [article_id, version]
        ).fetchone()
        return json.loads(row[0])

    def _write_version(self, item: dict, previous: dict | None) -> int:
        """Make `item` the article's current content: new version row, article row, children."""
        article_id, seen_at = item["id"], item.get("fetched_at")
        version = previous["version"] + 1 if previous else 1
        digest = content_hash(item)
        row = {
            **article_row(item),
            "version": version,
            "content_hash": digest,
            "first_seen_at": previous["first_seen_at"] if previous else seen_at,
            "last_changed_at": seen_at,
        }
        if previous:
            update_row(self.db, "articles", "id", {"id": article_id, **row})
            self.db.execute(
                "UPDATE article_versions SET superseded_at = ? WHERE article_id = ? AND version = ?",
                [seen_at, article_id, previous["version"]],
            )
        else:
            insert_rows(self.db, "articles", [row])
        insert_rows(
            self.db,
            "article_versions",
            [
                {
                    "article_id": article_id,
                    "version": version,
                    "content_hash": digest,
                    "item": canonical_json(item),
                    "first_seen_at": seen_at,
                    "superseded_at": None,
                }
            ],
        )
        children.replace_children(self.db, item, new_article=previous is None)
        return version

    def _store_page(
        self, article_id: str, page: dict | None, *, version: int, degraded: bool, only_if_none: bool, fetch: Fetch
    ) -> None:
        """Keep the raw page; an unchanged fetch only if the article has none yet (no churn)."""
        if page is None or page.get("body") is None:
            return
        if only_if_none and has_page(self.db, article_id):
            return
        row = page_row(
            article_id,
            page,
            version=version,
            degraded=degraded,
            suspect=fetch.suspect,
            review=fetch.review,
            crawl_id=fetch.crawl_id,
            content_key=fetch.content_key,
        )
        if not has_page(self.db, article_id, row["sha256"]):
            insert_rows(self.db, "pages", [row])
            return
        if degraded:
            return
        # Same bytes, new content (e.g. fetched under another URL, or a held
        # fetch seen again or promoted): point the stored page at this fetch
        # so that reparse reproduces the current content.
        columns = ["url", "final_url", "status", "fetched_at", "version", "review", "content_key"]
        columns += [name for name in ("suspect", "crawl_id") if row[name] is not None]
        self.db["pages"].update((article_id, row["sha256"]), {key: row[key] for key in columns})

    def start_crawl(self, site: str, started_at: str) -> int:
        """Open a `crawls` row; returns its id."""
        return crawls.start_crawl(self.db, site, started_at)

    def finish_crawl(self, crawl_id: int, **counts) -> None:
        """Close a `crawls` row: finished_at, requests, articles_*, warnings, finish_reason, exit_status."""
        crawls.finish_crawl(self.db, crawl_id, **counts)

    def known_articles(self, site: str) -> dict[str, KnownArticle]:
        """Archived articles of `site` by id, with the validators of their latest archived fetch."""
        # Validators of a held page would turn the re-fetch that may confirm
        # or replace it into a 304.
        rows = self.db.query(
            f"""
            SELECT a.id, a.url, a.published_at, a.content_sha256,
                   p.etag, p.last_modified, coalesce(p.fetched_at, a.fetched_at) AS last_fetched_at
            FROM articles a
            LEFT JOIN pages p ON p.rowid = (
                SELECT rowid FROM pages p WHERE p.article_id = a.id AND p.degraded = 0 AND {NOT_PENDING}
                ORDER BY p.fetched_at DESC LIMIT 1)
            WHERE a.site = ?
            """,
            [site],
        )
        return {row["id"]: KnownArticle(**row) for row in rows}

    def article_count(self, site: str) -> int:
        """How many articles of `site` the archive holds."""
        return self.db["articles"].count_where("site = ?", [site])

    def fill_rates(self, site: str, fields: Iterable[str]) -> dict[str, float]:
        """Share of archived `site` articles where each field is filled (lists: at least one entry)."""
        return crawls.fill_rates(self.db, site, fields)

    def stored_pages(self) -> Iterator[dict]:
        """The page to re-extract for every article with one, body decompressed."""
        return stored_pages(self.db)
