"""Deterministic synthetic mirrors and archives: ArticleSpecs for both sites, items, cached archives."""

from __future__ import annotations

import hashlib
import logging
import random
import re
import shutil
import sqlite3
import time
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bench import text
from scraper.extract.items import ARTICLE_FIELDS
from scraper.extract.topics import revitalisation
from scraper.mirror.factory import gdynia_article, przemysl_article
from scraper.mirror.render_common import encode_page
from scraper.mirror.site import mirrored_sites
from scraper.mirror.spec import ArticleSpec, Attachment, Photo, StoragePath
from scraper.sites import SITES

logger = logging.getLogger(__name__)

WARSAW = ZoneInfo("Europe/Warsaw")
# Generated articles end a few weeks before today's date in 2026 so that the
# incremental crawl's 14-day re-check window holds none of them; "new"
# articles for the incremental benchmark are dated after FIRST_NEW.
FIRST_DAY = datetime(2006, 1, 1)
LAST_DAY = datetime(2026, 9, 30)
FIRST_NEW = datetime(2026, 10, 1)
FIRST_ID = {"przemysl": 30000, "gdynia": 500000}
ATTACHMENT_TITLES = (
    "Harmonogram prac",
    "Mapa obszaru rewitalizacji",
    "Formularz zgłaszania uwag",
    "Regulamin konkursu",
    "Protokół z konsultacji",
    "Plakat wydarzenia",
    "Ogłoszenie o przetargu",
    "Zarządzenie Prezydenta Miasta",
    "Wyniki naboru",
    "Projekt uchwały",
)
ATTACHMENT_TYPES = ("pdf", "pdf", "pdf", "jpg", "doc", "docx", "xlsx")
STORAGE_FOLDERS = ("konsultacje", "przystanie", "gpr", "mieszkania", "ogloszenia")


def slug(title: str) -> str:
    """URL slug of a Polish title: folded, lower case, dashes."""
    folded = unicodedata.normalize("NFKD", title.lower().replace("ł", "l"))
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def warsaw_iso(local: datetime) -> str:
    """ISO 8601 of a Warsaw wall-clock time with that moment's offset (from zoneinfo, never assumed)."""
    return local.replace(tzinfo=WARSAW).isoformat()


def moments(rng: random.Random, count: int, first: datetime, last: datetime) -> list[datetime]:
    """`count` sorted wall-clock times between `first` and `last`, office hours (never in a DST gap)."""
    days = (last - first).days
    return sorted(
        first + timedelta(days=rng.randrange(days + 1), hours=rng.randrange(7, 21), minutes=rng.randrange(60))
        for _ in range(count)
    )


def size_label(size: int) -> tuple[str, int]:
    """The page's size label with a decimal comma, and the byte count the label stands for."""
    unit, factor = ("MB", 1024 * 1024) if size >= 1024 * 1024 else ("KB", 1024)
    value = round(size / factor, 2)
    return f"{value:.2f}".replace(".", ",") + unit, round(value * factor)


def przemysl_attachment(rng: random.Random, year: int, article_id: str, position: int) -> Attachment:
    kind = rng.choice(ATTACHMENT_TYPES)
    layout = rng.choice(("old", "glued", "new"))
    title = rng.choice(ATTACHMENT_TITLES)
    if layout != "new" and rng.random() < 0.1:
        title = "NULL"  # the CMS shows the literal when no title was entered
    path = f"/uploads/files/{year}/{slug(title)}_{article_id}_{position}.{kind}"
    if layout == "new":
        return Attachment(path, kind.upper(), title, layout)
    label, size_bytes = size_label(rng.randrange(20_000, 8_000_000))
    return Attachment(path, kind.upper(), title, layout, label, size_bytes)


def _changes(rng: random.Random, published: datetime) -> dict:
    if rng.random() >= 0.2:
        return {}
    modified = published + timedelta(hours=rng.randrange(1, 200))
    return {"modified_at": warsaw_iso(modified), "modified_by": text.person(rng)}


def przemysl_spec(rng: random.Random, article_id: int, published: datetime) -> ArticleSpec:
    is_revitalisation = rng.random() < 0.4
    subject = text.topic_object(rng, is_revitalisation)
    title = text.title(rng, subject)
    body = text.paragraphs(rng, subject)
    attachments = tuple(
        przemysl_attachment(rng, published.year, str(article_id), n) for n in range(rng.choice((0, 0, 1, 1, 2, 3)))
    )
    return przemysl_article(
        article_id=str(article_id),
        slug=slug(title),
        title=title,
        published_at=warsaw_iso(published),
        body=body,
        revitalisation=is_revitalisation,
        body_contains=(body[-1],),
        author="" if rng.random() < 0.05 else text.person(rng),
        attachments=attachments,
        **_changes(rng, published),
    )


def _storage_path(rng: random.Random, article_id: int, position: int) -> StoragePath:
    folder = rng.choice(STORAGE_FOLDERS)
    path = f"/storage/uzytkownicy/rewitalizacja/{folder}/{folder}_{article_id}_{position}.pdf"
    return StoragePath(path, linked=rng.random() < 0.5)


def _photo(rng: random.Random, published: datetime, article_id: int) -> Photo:
    caption = f"{text.capitalised(text.topic_object(rng, True))} {rng.choice(text.DISTRICTS)}"
    credit = f"{rng.choice(text.CREDITS)} {text.person(rng)}"
    return Photo(f"/g2/{published:%Y_%m}/zdjecie_{article_id}.jpg", caption, credit)


def gdynia_spec(rng: random.Random, article_id: int, published: datetime) -> ArticleSpec:
    subject = text.topic_object(rng, True)
    title = text.title(rng, subject)
    paragraphs = text.paragraphs(rng, subject)
    files = tuple(_storage_path(rng, article_id, n) for n in range(rng.choice((0, 0, 1, 2))))
    optional = {
        "subtitle": text.paragraph(rng, subject).split(".")[0].upper() if rng.random() < 0.2 else None,
        "lead": text.paragraph(rng, subject) if rng.random() < 0.5 else None,
        "photo": _photo(rng, published, article_id) if rng.random() < 0.6 else None,
    }
    return gdynia_article(
        article_id=str(article_id),
        slug=slug(title),
        title=title,
        published_at=warsaw_iso(published),
        body=paragraphs + files,
        body_contains=(paragraphs[-1],),
        author=text.person(rng),
        tags=tuple(rng.sample(text.GDYNIA_TAGS, rng.randrange(1, 4))),
        **{key: value for key, value in optional.items() if value},
        **_changes(rng, published),
    )


SPEC_MAKERS = {"przemysl": przemysl_spec, "gdynia": gdynia_spec}


def site_specs(
    site: str,
    count: int,
    seed: int,
    *,
    first_id: int | None = None,
    first: datetime = FIRST_DAY,
    last: datetime = LAST_DAY,
) -> list[ArticleSpec]:
    """`count` articles of `site`, ids rising with the publication date, the same for the same seed."""
    rng = random.Random(f"{seed}:{site}:{first_id}:{first.isoformat()}")
    start = FIRST_ID[site] if first_id is None else first_id
    return [
        SPEC_MAKERS[site](rng, start + index, published)
        for index, published in enumerate(moments(rng, count, first, last))
    ]


def mirror_specs(count: int, seed: int) -> dict[str, list[ArticleSpec]]:
    """`count` articles per site, keyed like `build_routes`' arguments."""
    return {site: site_specs(site, count, seed) for site in SPEC_MAKERS}


def new_specs(count: int, seed: int, after: dict[str, list[ArticleSpec]]) -> dict[str, list[ArticleSpec]]:
    """`count` articles per site newer (in date and id) than every article in `after`."""
    last_day = FIRST_NEW + timedelta(days=20)
    return {
        site: site_specs(site, count, seed + 1, first_id=int(specs[-1].article_id) + 1, first=FIRST_NEW, last=last_day)
        for site, specs in after.items()
    }


def page_bytes(spec: ArticleSpec) -> bytes:
    """The article page exactly as the mirror serves it."""
    return encode_page(spec, mirrored_sites()[spec.site].renderer.render_article(spec))


def _text_blocks(spec: ArticleSpec) -> list[str]:
    return [block for block in spec.body if isinstance(block, str)]


def item_from_spec(spec: ArticleSpec, fetched_at: str = "2026-11-01T12:00:00Z") -> dict:
    """The contract item extraction yields for `spec`, built without rendering or parsing it."""
    blocks = _text_blocks(spec)
    body_text = "\n\n".join(blocks)
    whole_text = "\n".join(filter(None, (spec.title, spec.expected["subtitle"], spec.expected["lead"], body_text)))
    is_revitalisation, topics = revitalisation(
        whole_text, whole_site_is_revitalisation=SITES[spec.site].all_revitalisation
    )
    item = {
        **spec.expected,
        "site": spec.site,
        "city": SITES[spec.site].city,
        "body_text": body_text,
        "body_html": "\n".join(f"<p>{block}</p>" for block in blocks),
        "revitalisation": is_revitalisation,
        "topics": topics,
        "fetched_at": fetched_at,
        "http_status": 200,
        "content_sha256": hashlib.sha256(body_text.encode("utf-8")).hexdigest(),
        "extraction": {"fields": {}, "warnings": [], "fallbacks": [], "encoding": "utf-8"},
    }
    return {name: item.get(name) for name in ARTICLE_FIELDS}


def archive_specs(count: int, seed: int):
    """`count` specs, half of each site, generated lazily per site (100k specs need not sit in memory)."""
    per_site = (count + 1) // 2
    for site, share in (("przemysl", per_site), ("gdynia", count - per_site)):
        yield from site_specs(site, share, seed)


def archive_items(count: int, seed: int):
    """`count` items of archive_specs."""
    for spec in archive_specs(count, seed):
        yield item_from_spec(spec)


def archive_path(out_dir: Path, count: int, seed: int) -> Path:
    return Path(out_dir) / f"archive-seed{seed}-n{count}.db"


def cached_archive(out_dir: Path, count: int, seed: int, batch_size: int = 1000) -> Path:
    """An archive of `count` generated articles stored through `Archive.store`, built once per seed+size."""
    return _stored_once(
        archive_path(out_dir, count, seed), ((item, None) for item in archive_items(count, seed)), count, batch_size
    )


def _stored_once(path: Path, pairs, count: int, batch_size: int) -> Path:
    """`path`, built (unless it exists) by storing the (item, page) `pairs` through `Archive.store`."""
    from scraper.archive import Archive

    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.db")
    for stale in path.parent.glob(partial.name + "*"):
        stale.unlink()
    archive = Archive(str(partial))
    stored = 0
    while chunk := _take(pairs, batch_size):
        with archive.batch():
            for item, page in chunk:
                archive.store(item, page)
        stored += len(chunk)
        logger.info("archive %s: %d of %d stored", path.name, stored, count)
    archive.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    archive.db.close()
    partial.rename(path)
    return path


def _take(iterator, count: int) -> list:
    return [item for _, item in zip(range(count), iterator)]


# How an older extractor read titles: with the site's name from <title> (a reparse then makes new versions).
OLD_TITLE_SUFFIX = " - Urząd Miasta"


def archive_pages(count: int, seed: int, *, old_titles: bool = False):
    """(item, raw page) pairs like archive_items, the page being the article as the mirror serves it."""
    from scraper.extract.page import page_record

    for spec in archive_specs(count, seed):
        item = item_from_spec(spec)
        if old_titles:
            item["title"] += OLD_TITLE_SUFFIX
        yield (
            item,
            page_record(page_bytes(spec), item["url"], {"content-type": spec.content_type}, 200, item["fetched_at"]),
        )


def cached_pages_archive(
    out_dir: Path, count: int, seed: int, *, old_titles: bool = False, batch_size: int = 1000
) -> Path:
    """An archive of `count` generated articles with their raw pages (for reparse and WARC), built once."""
    path = Path(out_dir) / f"pages-seed{seed}-n{count}{'-old-titles' if old_titles else ''}.db"
    return _stored_once(path, archive_pages(count, seed, old_titles=old_titles), count, batch_size)


# The scaled archives: this many articles go through `Archive.store` (lemmas, children, versions), the rest are
# copies of them made in SQL. Storing runs at ~750 articles/s (section 4); copying is ~100× faster.
SCALE_BASE = 10_000
# Copy k of article `site:n` is `site:(n + k * COPY_ID_STEP)`: above every generated site id.
COPY_ID_STEP = 10_000_000
# The tables whose rows are copied with their article (pages, related and warnings stay with the originals).
COPIED_CHILDREN = ("attachments", "images", "articles_tags", "article_versions")


def scaled_path(out_dir: Path, count: int, seed: int) -> Path:
    """The cache file of a scaled archive, keyed by size, seed, base, and schema and search index versions."""
    from scraper.archive.schema import SCHEMA_VERSION
    from scraper.archive.search import INDEX_VERSION

    return Path(out_dir) / f"scaled-seed{seed}-n{count}-base{SCALE_BASE}-s{SCHEMA_VERSION}-i{INDEX_VERSION}.db"


def scaled_archive(out_dir: Path, count: int, seed: int) -> Path:
    """An archive of `count` articles built fast, once: SCALE_BASE stored articles plus bulk SQL copies of them.

    Copies share their original's text, dates and children (new ids), so the word and date distributions are
    those of the stored base; indexes and the FTS table are built once at the end, journal and sync off.
    """
    if count <= SCALE_BASE:
        return cached_archive(out_dir, count, seed)
    path = scaled_path(out_dir, count, seed)
    if path.exists():
        return path
    base = cached_archive(out_dir, SCALE_BASE, seed)
    partial = path.with_suffix(".partial.db")
    partial.unlink(missing_ok=True)
    shutil.copyfile(base, partial)
    _fill_copies(partial, count)
    partial.rename(path)
    return path


def _fill_copies(path: Path, count: int) -> None:
    import sqlite_utils

    from scraper.archive.schema import ensure_schema

    connection = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(connection)
    connection.execute("PRAGMA journal_mode=OFF")
    connection.execute("PRAGMA synchronous=OFF")
    db["articles"].disable_fts()  # rebuilt once, below, instead of a trigger per copied row
    tables = ("articles", *COPIED_CHILDREN)
    for (name,) in connection.execute(
        "select name from sqlite_master where type = 'index' and sql is not null and tbl_name in "
        f"({', '.join('?' * len(tables))})",
        tables,
    ).fetchall():
        connection.execute(f"drop index [{name}]")
    started = time.perf_counter()
    connection.execute("begin")
    for copy in range(1, -(-count // SCALE_BASE)):
        _copy_rows(connection, copy, min(SCALE_BASE, count - copy * SCALE_BASE))
    connection.execute("commit")
    copied = time.perf_counter() - started
    ensure_schema(db)  # the indexes and the FTS table, each built in one pass
    logger.info(
        "scaled archive %s: rows copied in %.0f s, indexes and FTS in %.0f s",
        path.name,
        copied,
        time.perf_counter() - started - copied,
    )
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.close()


def _new_id(column: str, copy: int) -> str:
    # "site:123" -> "site:<123 + copy * step>"
    return (
        f"substr({column}, 1, instr({column}, ':')) || "
        f"(cast(substr({column}, instr({column}, ':') + 1) as integer) + {copy * COPY_ID_STEP})"
    )


def _columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in connection.execute(f"pragma table_info([{table}])")]


def _copy_rows(connection: sqlite3.Connection, copy: int, limit: int) -> None:
    """Copy `limit` base articles (rowid order) and their children as copy number `copy`."""
    connection.execute("drop table if exists temp.copied")
    connection.execute(f"create temp table copied as select id from articles where rowid <= {limit}")
    replaced = {
        "articles": {"id": _new_id("id", copy)},
        # Child ids are "<article id>:<position>".
        "attachments": {"id": _new_id("article_id", copy) + " || ':' || position"},
        "images": {"id": _new_id("article_id", copy) + " || ':' || position"},
    }
    for table in ("articles", *COPIED_CHILDREN):
        columns = _columns(connection, table)
        key = "id" if table == "articles" else "article_id"
        changes = {
            **replaced.get(table, {}),
            **({"article_id": _new_id("article_id", copy)} if key == "article_id" else {}),
        }
        selected = ", ".join(changes.get(column, f"[{column}]") for column in columns)
        connection.execute(
            f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
            f"select {selected} from [{table}] where {key} in (select id from temp.copied)"
        )
