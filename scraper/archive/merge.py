"""Merge shard archives into one: idempotent, newest content wins, a bad shard refused before anything is written."""

from __future__ import annotations

import sqlite3
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from scraper.archive.downloads import OUTCOME_COLUMNS
from scraper.archive.related import link_articles
from scraper.archive.schema import SCHEMA_VERSION
from scraper.archive.search import ensure_search_index
from scraper.archive.store import Archive

SQLITE_HEADER = b"SQLite format 3\x00"
# Without these a file is not a Kronika archive, whatever else it holds.
REQUIRED_TABLES = ("articles", "article_versions", "pages", "crawls")
# Tables whose rows are copied when the target has no row with the same key,
# with columns whose values change meaning between files (ids and version
# numbers the target assigns) rewritten by SQL over the attached shard `s`.
# A new table (documents, say) is one entry here.
KEYED_TABLES: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "pages": (
        ("article_id", "sha256"),
        {
            "crawl_id": "(SELECT m.target_id FROM temp.merge_crawls m WHERE m.shard_id = s.crawl_id)",
            "version": "coalesce((SELECT m.version FROM temp.merge_versions m "
            "WHERE m.article_id = s.article_id AND m.shard_version = s.version), s.version)",
        },
    ),
    "fetch_warnings": (("article_id", "fetch_key", "warning"), {}),
    # Content-addressed: a file (or its extraction) two shards downloaded is stored once.
    "files": (("sha256",), {}),
    "documents": (("sha256",), {}),
}
# related_articles and related_bands are not copied but recomputed for the
# articles a merge brings or changes: a pair across two shards is in neither.
# An article's children, replaced as a whole together with its row.
CHILD_TABLES = ("attachments", "images")


class MergeRefused(ValueError):
    """A shard (or the target) that cannot be merged; the message is the one-line reason."""


@dataclass
class MergeCounts:
    """What merging one shard changed in the target."""

    shard: str
    articles_new: int = 0
    articles_updated: int = 0
    versions_added: int = 0
    pages_added: int = 0
    crawls_added: int = 0
    files_added: int = 0

    def summary(self) -> str:
        return (
            f"{self.shard}: {self.articles_new} new articles, {self.articles_updated} updated, "
            f"{self.versions_added} versions added, {self.pages_added} pages added, "
            f"{self.crawls_added} crawls added, {self.files_added} files added"
        )


def check_archive(path: str) -> None:
    """Raise MergeRefused unless `path` is an intact Kronika archive this version can read."""
    file = Path(path)
    if not file.is_file():
        raise MergeRefused(f"{path}: no such file")
    with open(file, "rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise MergeRefused(f"{path}: not an SQLite database")
    connection = sqlite3.connect(_read_only_uri(path), uri=True)
    try:
        verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as error:
        raise MergeRefused(f"{path}: corrupt ({error})") from None
    finally:
        connection.close()
    if verdict != "ok":
        raise MergeRefused(f"{path}: corrupt (quick_check: {verdict})")
    missing = [name for name in REQUIRED_TABLES if name not in tables]
    if missing:
        raise MergeRefused(f"{path}: not a Kronika archive (no {', '.join(missing)} table)")
    if version > SCHEMA_VERSION:
        raise MergeRefused(
            f"{path}: archive schema {version} is newer than this Kronika's ({SCHEMA_VERSION}); "
            "upgrade Kronika to merge it"
        )


def merge_archives(shards: list[str], into: str) -> list[MergeCounts]:
    """Merge every shard into `into` (created if missing), one transaction per shard.

    Every shard (and an existing target) is checked first: one that is
    missing, corrupt, not a Kronika archive or of a newer schema refuses the
    whole merge with MergeRefused and the target is not touched.
    """
    target = Path(into).resolve()
    for shard in shards:
        if Path(shard).resolve() == target:
            raise MergeRefused(f"{shard}: is the target archive itself")
        check_archive(shard)
    if target.exists():
        check_archive(into)
    db = sqlite_utils.Database(sqlite3.connect(f"file:{urllib.parse.quote(str(target))}", uri=True))
    try:
        archive = Archive(db)
        return [merge_shard(archive.db, shard) for shard in shards]
    finally:
        db.close()


def merge_shard(db: sqlite_utils.Database, shard: str) -> MergeCounts:
    """Merge one checked shard into the open target, all of it or (on any error) none of it."""
    db.execute("ATTACH DATABASE ? AS shard", [_read_only_uri(shard)])
    try:
        with db.atomic():
            counts = MergeCounts(shard)
            _create_maps(db)
            counts.crawls_added = _merge_crawls(db)
            counts.articles_new, counts.versions_added = _copy_new_articles(db)
            updated, added, taken = _merge_known_articles(db)
            counts.articles_updated, counts.versions_added = updated, counts.versions_added + added
            before = {table: db[table].count for table in ("pages", "files")}
            for table, (key, remapped) in KEYED_TABLES.items():
                _copy_missing_rows(db, table, key, remapped)
            counts.pages_added = db["pages"].count - before["pages"]
            counts.files_added = db["files"].count - before["files"]
            _merge_download_outcomes(db)
            changed = [row[0] for row in db.execute("SELECT id FROM temp.merge_new ORDER BY id")] + taken
            if changed:  # linking indexes unindexed articles too: a merge that brings nothing writes nothing
                link_articles(db, changed)
            # A shard from before the search index columns: fill them in.
            ensure_search_index(db)
            _drop_maps(db)
        return counts
    finally:
        db.execute("DETACH DATABASE shard")


def _read_only_uri(path: str) -> str:
    return f"file:{urllib.parse.quote(str(Path(path).resolve()))}?mode=ro"


def _columns(db: sqlite_utils.Database, table: str) -> list[str]:
    """The target's columns of `table` that the shard has too (an older shard may lack some)."""
    shard_columns = {row[1] for row in db.execute(f"PRAGMA shard.table_info([{table}])")}
    return [row[1] for row in db.execute(f"PRAGMA main.table_info([{table}])") if row[1] in shard_columns]


def _create_maps(db: sqlite_utils.Database) -> None:
    db.execute("CREATE TEMP TABLE merge_crawls (shard_id INTEGER PRIMARY KEY, target_id INTEGER)")
    db.execute("CREATE TEMP TABLE merge_new (id TEXT PRIMARY KEY)")
    db.execute(
        "CREATE TEMP TABLE merge_versions (article_id TEXT, shard_version INTEGER, version INTEGER, "
        "PRIMARY KEY (article_id, shard_version))"
    )


def _drop_maps(db: sqlite_utils.Database) -> None:
    for name in ("merge_crawls", "merge_new", "merge_versions"):
        db.execute(f"DROP TABLE temp.{name}")


def _merge_crawls(db: sqlite_utils.Database) -> int:
    """Crawl rows by (site, started_at); the shard's ids are mapped to the target's."""
    columns = [column for column in _columns(db, "crawls") if column != "id"]
    added = 0
    for row in db.query("SELECT * FROM shard.crawls ORDER BY id"):
        found = db.execute(
            "SELECT id FROM main.crawls WHERE site IS ? AND started_at IS ?", [row["site"], row["started_at"]]
        ).fetchone()
        if found is None:
            names = ", ".join(f"[{column}]" for column in columns)
            cursor = db.execute(
                f"INSERT INTO main.crawls ({names}) VALUES ({', '.join('?' * len(columns))})",
                [row[column] for column in columns],
            )
            found, added = (cursor.lastrowid,), added + 1
        db.execute("INSERT INTO temp.merge_crawls VALUES (?, ?)", [row["id"], found[0]])
    return added


def _copy_new_articles(db: sqlite_utils.Database) -> tuple[int, int]:
    """Articles the target lacks: rows, all versions and children copied as they are."""
    db.execute(
        "INSERT INTO temp.merge_new SELECT id FROM shard.articles WHERE id NOT IN (SELECT id FROM main.articles)"
    )
    new = db.execute("SELECT count(*) FROM temp.merge_new").fetchone()[0]
    for table, key in (
        ("articles", "id"),
        ("article_versions", "article_id"),
        *((child, "article_id") for child in CHILD_TABLES),
    ):
        _copy_rows(db, table, f"s.[{key}] IN (SELECT id FROM temp.merge_new)")
    _copy_tags(db, "s.article_id IN (SELECT id FROM temp.merge_new)")
    versions = db.execute(
        "SELECT count(*) FROM shard.article_versions WHERE article_id IN (SELECT id FROM temp.merge_new)"
    ).fetchone()[0]
    return new, versions


def _copy_rows(db: sqlite_utils.Database, table: str, where: str, params: tuple = ()) -> None:
    names = ", ".join(f"[{column}]" for column in _columns(db, table))
    db.execute(
        f"INSERT INTO main.[{table}] ({names}) SELECT {names} FROM shard.[{table}] s WHERE {where} ORDER BY s.rowid",
        params,
    )


def _copy_tags(db: sqlite_utils.Database, where: str, params: tuple = ()) -> None:
    """Tag links by tag name: the two files number their tags independently."""
    db.execute("INSERT OR IGNORE INTO main.tags (name) SELECT name FROM shard.tags ORDER BY id")
    db.execute(
        "INSERT OR IGNORE INTO main.articles_tags (article_id, tag_id) "
        "SELECT s.article_id, t.id FROM shard.articles_tags s "
        "JOIN shard.tags st ON st.id = s.tag_id JOIN main.tags t ON t.name = st.name "
        f"WHERE {where} ORDER BY s.rowid",
        params,
    )


def _copy_missing_rows(db: sqlite_utils.Database, table: str, key: tuple[str, ...], remapped: dict) -> None:
    columns = _columns(db, table)
    if not columns:
        return  # a shard from before the table existed
    names = ", ".join(f"[{column}]" for column in columns)
    values = ", ".join(remapped.get(column, f"s.[{column}]") for column in columns)
    same_key = " AND ".join(f"t.[{column}] IS s.[{column}]" for column in key)
    db.execute(
        f"INSERT INTO main.[{table}] ({names}) SELECT {values} FROM shard.[{table}] s "
        f"WHERE NOT EXISTS (SELECT 1 FROM main.[{table}] t WHERE {same_key}) ORDER BY s.rowid"
    )


@dataclass(frozen=True)
class _Version:
    first_seen_at: str
    source: int  # 0: the target, 1: the shard; the target's copy comes first on a tie
    content_hash: str
    version: int
    item: str


def _versions(db: sqlite_utils.Database, schema: str, source: int, article_id: str) -> list[_Version]:
    return [
        _Version(row[0] or "", source, row[1], row[2], row[3])
        for row in db.execute(
            f"SELECT first_seen_at, content_hash, version, item FROM {schema}.article_versions "
            "WHERE article_id = ? ORDER BY version",
            [article_id],
        )
    ]


def merged_history(target: list[_Version], shard: list[_Version]) -> list[list[_Version]]:
    """Both histories in time order, runs of the same content as one version (its first sighting first).

    Two files that saw the same content hold it once; content that came back
    after a change is still a version of its own.
    """
    runs: list[list[_Version]] = []
    for version in sorted(target + shard, key=lambda v: (v.first_seen_at, v.source, v.version)):
        if runs and runs[-1][0].content_hash == version.content_hash:
            runs[-1].append(version)
        else:
            runs.append([version])
    return runs


def _merge_download_outcomes(db: sqlite_utils.Database) -> None:
    """Attachments both files link take the newer download outcome of their URL (a 304 or failure included).

    The target's attachment rows may be its own (its content was newer) yet
    the shard downloaded their files: without this they would read as never
    fetched while `files` holds the bytes.
    """
    if "download_status" not in _columns(db, "attachments"):
        return  # a shard from before downloads
    newest = (
        "SELECT {column} FROM shard.attachments s WHERE s.url = main.attachments.url "
        "AND s.download_status IS NOT NULL ORDER BY s.fetched_at DESC, s.rowid LIMIT 1"
    )
    assignments = ", ".join(f"[{column}] = ({newest.format(column=f's.[{column}]')})" for column in OUTCOME_COLUMNS)
    db.execute(
        f"UPDATE main.attachments SET {assignments} "
        f"WHERE coalesce(fetched_at, '') < coalesce(({newest.format(column='s.fetched_at')}), '')"
    )


def _merge_known_articles(db: sqlite_utils.Database) -> tuple[int, int, list[str]]:
    """Articles both files hold: histories merged and renumbered, the newest content current.

    Returns how many were updated, the versions added and the ids whose
    current content is now the shard's.
    """
    updated = added = 0
    taken = []
    known = [
        row[0]
        for row in db.execute("SELECT id FROM shard.articles WHERE id IN (SELECT id FROM main.articles) ORDER BY id")
    ]
    for article_id in known:
        target = _versions(db, "main", 0, article_id)
        runs = merged_history(target, _versions(db, "shard", 1, article_id))
        _record_version_numbers(db, article_id, runs)
        if [run[0] for run in runs] == target:
            continue  # the shard adds nothing to this article's history
        updated, added = updated + 1, added + len(runs) - len(target)
        _rewrite_history(db, article_id, runs)
        current = runs[-1]
        if not any(version.source == 0 for version in current):
            _take_shard_article(db, article_id)
            taken.append(article_id)
        db.execute(
            "UPDATE main.articles SET version = ?, first_seen_at = ?, last_changed_at = ? WHERE id = ?",
            [len(runs), runs[0][0].first_seen_at or None, current[0].first_seen_at or None, article_id],
        )
    return updated, added, taken


def _record_version_numbers(db: sqlite_utils.Database, article_id: str, runs: list[list[_Version]]) -> None:
    """The merged number of each shard version, for its pages."""
    db.conn.executemany(
        "INSERT INTO temp.merge_versions VALUES (?, ?, ?)",
        [
            (article_id, version.version, number)
            for number, run in enumerate(runs, start=1)
            for version in run
            if version.source == 1
        ],
    )


def _rewrite_history(db: sqlite_utils.Database, article_id: str, runs: list[list[_Version]]) -> None:
    renumbered = {
        version.version: number for number, run in enumerate(runs, start=1) for version in run if version.source == 0
    }
    db.execute("DELETE FROM main.article_versions WHERE article_id = ?", [article_id])
    db.conn.executemany(
        "INSERT INTO main.article_versions (article_id, version, content_hash, item, first_seen_at, superseded_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                article_id,
                number,
                run[0].content_hash,
                run[0].item,
                run[0].first_seen_at or None,
                runs[number][0].first_seen_at or None if number < len(runs) else None,
            )
            for number, run in enumerate(runs, start=1)
        ],
    )
    # The target's own pages point at its renumbered versions. Negated first
    # so that no two pages swap numbers through a collision midway.
    for old, new in renumbered.items():
        db.execute("UPDATE main.pages SET version = ? WHERE article_id = ? AND version = ?", [-new, article_id, old])
    db.execute("UPDATE main.pages SET version = -version WHERE article_id = ? AND version < 0", [article_id])


def _take_shard_article(db: sqlite_utils.Database, article_id: str) -> None:
    """The shard holds the newest content: its article row and children become the target's."""
    columns = [column for column in _columns(db, "articles") if column != "id"]
    row = db.execute(
        f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM shard.articles WHERE id = ?", [article_id]
    ).fetchone()
    assignments = ", ".join(f"[{column}] = ?" for column in columns)
    db.execute(f"UPDATE main.articles SET {assignments} WHERE id = ?", [*row, article_id])
    for table in (*CHILD_TABLES, "articles_tags"):
        db.execute(f"DELETE FROM main.[{table}] WHERE article_id = ?", [article_id])
    for table in CHILD_TABLES:
        _copy_rows(db, table, "s.article_id = ?", (article_id,))
    _copy_tags(db, "s.article_id = ?", (article_id,))
