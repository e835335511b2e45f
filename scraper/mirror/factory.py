"""Build ArticleSpecs per site, deriving the expected item from what the page shows."""

from __future__ import annotations

import re

from scraper.mirror.spec import ArticleSpec, Attachment, StoragePath
from scraper.sites import SITES

PRZEMYSL_HOST = "https://" + SITES["przemysl"].hosts[0]
GDYNIA_HOST = "https://" + SITES["gdynia"].hosts[0]
GDYNIA_LISTING = "/rewitalizacja/aktualnosci,3963"
PLANTED_XSS_MARKERS = ("alert(", "onerror")

# Chrome and metadata text that must never leak into body_text.
PRZEMYSL_CHROME = ("Wyszukaj w serwisie", "°C", "Opublikował", "Data publikacji", "dla Mieszkańca")
GDYNIA_CHROME = (
    "Szczegóły w komunikacie",
    "ikona",
    "/storage/uzytkownicy",
    "Opublikowano",
    "Autor:",
    "#",
    " // ",
    "Gdynia OdNowa – strona główna",
)


def _plain(block: str) -> str:
    """A body block's text without its inline markup (e.g. a <sup> footnote mark)."""
    return re.sub(r"<[^>]+>", "", block)


def _filename(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _extension(path: str) -> str:
    return _filename(path).rsplit(".", 1)[-1].lower()


def _przemysl_attachment(attachment: Attachment) -> dict:
    return {
        "url": PRZEMYSL_HOST + attachment.path,
        "filename": _filename(attachment.path),
        "title": None if attachment.title == "NULL" else attachment.title,
        "type": attachment.badge.lower(),
        "size_bytes": attachment.size_bytes,
    }


def _attachment_labels(attachments: tuple[Attachment, ...]) -> tuple[str, ...]:
    """The parts of attachment labels that only ever belong to the attachment block."""
    labels = []
    for attachment in attachments:
        if attachment.layout == "new":
            labels.append("POBIERZ PLIK")
        else:
            labels.append(f"({attachment.size_label})")
        if attachment.title == "NULL":
            labels.append("NULL")
    return tuple(labels)


def przemysl_article(
    *,
    article_id: str,
    slug: str,
    title: str,
    published_at: str,
    body: tuple[str, ...],
    revitalisation: bool,
    body_contains: tuple[str, ...],
    body_excludes: tuple[str, ...] = (),
    **render,
) -> ArticleSpec:
    """A Przemyśl article; `render` holds the optional ArticleSpec page features."""
    attachments = render.get("attachments", ())
    gallery = render.get("gallery", ())
    expected = {
        "id": f"przemysl:{article_id}",
        "url": f"{PRZEMYSL_HOST}/{article_id}/{slug}.html",
        "title": title,
        "subtitle": None,
        "lead": _plain(body[0]),
        "published_at": published_at,
        "modified_at": render.get("modified_at"),
        "author": render.get("author") or None,
        "modified_by": render.get("modified_by"),
        "publisher": SITES["przemysl"].publisher,
        "language": render.get("language", "pl"),
        "tags": [],
        "attachments": [_przemysl_attachment(a) for a in attachments],
        "images": [
            {"url": f"{PRZEMYSL_HOST}/uploads/images/{name}", "caption": None, "credit": None} for name in gallery
        ],
        "revitalisation": revitalisation,
    }
    excludes = (
        PRZEMYSL_CHROME
        + _attachment_labels(attachments)
        + tuple(gallery)
        + (("Modyfikował",) if render.get("modified_at") else ())
        + (PLANTED_XSS_MARKERS if render.get("planted_xss") else ())
        + body_excludes
    )
    return ArticleSpec(
        site="przemysl",
        article_id=article_id,
        slug=slug,
        title=title,
        published_at=published_at,
        body=body,
        expected=expected,
        body_contains=body_contains,
        body_excludes=excludes,
        **render,
    )


def _storage_attachment(block: StoragePath) -> dict:
    return {
        "url": GDYNIA_HOST + block.path,
        "filename": _filename(block.path),
        "title": None,
        "type": _extension(block.path),
        "size_bytes": None,
    }


def _unique(values) -> list:
    return list(dict.fromkeys(values))


def gdynia_article(
    *,
    article_id: str,
    slug: str,
    title: str,
    published_at: str,
    body: tuple,
    body_contains: tuple[str, ...],
    body_excludes: tuple[str, ...] = (),
    **render,
) -> ArticleSpec:
    """A Gdynia /rewitalizacja article; the whole section is revitalisation news."""
    photo = render.get("photo")
    text_blocks = [block for block in body if isinstance(block, str) and not block.startswith("<")]
    expected = {
        "id": f"gdynia:{article_id}",
        "url": f"{GDYNIA_HOST}{GDYNIA_LISTING}/{slug},{article_id}",
        "title": title,
        "subtitle": render.get("subtitle"),
        "lead": render.get("lead") or _plain(text_blocks[0]),
        "published_at": published_at,
        "modified_at": render.get("modified_at"),
        "author": render.get("author") or None,
        "modified_by": render.get("modified_by"),
        "publisher": SITES["gdynia"].publisher,
        "language": "pl",
        "tags": _unique(tag.lstrip("#") for tag in render.get("tags", ())),
        "attachments": [_storage_attachment(b) for b in body if isinstance(b, StoragePath)],
        "images": [{"url": GDYNIA_HOST + photo.src, "caption": photo.caption, "credit": photo.credit}] if photo else [],
        "revitalisation": True,
    }
    date_line = render.get("date_line")
    excludes = (
        GDYNIA_CHROME
        + ((date_line,) if date_line else ())
        + ((photo.credit,) if photo else ())
        + (PLANTED_XSS_MARKERS if render.get("planted_xss") else ())
        + body_excludes
    )
    return ArticleSpec(
        site="gdynia",
        article_id=article_id,
        slug=slug,
        title=title,
        published_at=published_at,
        body=body,
        expected=expected,
        body_contains=body_contains,
        body_excludes=excludes,
        **render,
    )


def przemysl_files_article(article_id: str, n: int, urls: tuple[str, ...]) -> ArticleSpec:
    """A Przemyśl article whose only point is to link the files at `urls` (live przemysl.pl URLs)."""
    attachments = tuple(
        Attachment(url.removeprefix(PRZEMYSL_HOST), _extension(url).upper(), _filename(url), "new") for url in urls
    )
    return przemysl_article(
        article_id=article_id,
        slug=f"dokumenty-{n}",
        title=f"Dokumenty numer {n}",
        published_at=f"2024-12-{10 + n:02d}T10:00:00+01:00",
        body=(f"Dokumenty do pobrania, zestaw {n}.",),
        revitalisation=False,
        body_contains=(f"zestaw {n}",),
        attachments=attachments,
    )
