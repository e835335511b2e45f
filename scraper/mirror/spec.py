"""Article specs for the mirror: what a page shows and what extraction must yield."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Attachment:
    """One Przemyśl attachment as the page shows it (badge glued to a label)."""

    path: str  # site-relative, e.g. /uploads/files/plan.pdf
    badge: str  # file-type badge, e.g. PDF
    title: str  # as entered in the CMS; may be the literal "NULL"
    layout: str  # "old" (badge, space, title, size), "glued" (no space), "new" (POBIERZ PLIK)
    size_label: str | None = None  # e.g. "1,65MB"; the new layout shows none
    size_bytes: int | None = None  # ground truth for size_label

    def label(self) -> str:
        """The visible text after the badge."""
        if self.layout == "new":
            return f"POBIERZ PLIK - {self.title}"
        gap = " " if self.layout == "old" else ""
        return f"{gap}{self.title} ({self.size_label})"


@dataclass(frozen=True)
class Photo:
    """Gdynia lead photo; `text` is shown twice (alt and figcaption): `caption // credit`."""

    src: str
    caption: str
    credit: str

    @property
    def text(self) -> str:
        return f"{self.caption} // {self.credit}"


@dataclass(frozen=True)
class StoragePath:
    """A Gdynia body block naming an uploaded file by its storage path."""

    path: str  # /storage/uzytkownicy/<user>/<folder>/<file>
    linked: bool  # an <a> around the path, or the path as bare text


@dataclass(frozen=True)
class ArticleSpec:
    """Everything a renderer needs for one article page, plus the ground truth."""

    site: str  # "przemysl" or "gdynia"
    article_id: str
    slug: str
    title: str
    published_at: str  # ISO 8601 with Warsaw offset; shown as local wall time
    body: tuple[str | StoragePath, ...]  # text (inline tags allowed) becomes <p>; "<..." is raw HTML
    expected: dict = field(compare=False)
    body_contains: tuple[str, ...] = ()
    body_excludes: tuple[str, ...] = ()
    author: str = ""  # as shown on the page; "" renders an empty name
    modified_at: str | None = None
    modified_by: str | None = None
    subtitle: str | None = None
    lead: str | None = None  # Gdynia's marked lead paragraph
    attachments: tuple[Attachment, ...] = ()
    gallery: tuple[str, ...] = ()  # Przemyśl inline image file names
    footnotes: tuple[str, ...] = ()
    signature: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()  # as displayed: "#projekt", "FFW"
    photo: Photo | None = None
    date_line: str | None = None  # Gdynia in-body "29.03.2021 r."
    show_footer: bool = True
    notice: str | None = None  # Gdynia site-wide banner
    encoding: str = "utf-8"  # how the page bytes are encoded
    content_type: str = "text/html; charset=utf-8"  # what the server declares
    meta_charset: bool = True  # <meta charset> in the markup
    language: str = "pl"
    jsonld: bool = False
    planted_xss: bool = False
    link_host: str | None = None  # listing links it under this host (e.g. www.)
    alt_slug: str | None = None  # also linked from listing page 1 under this slug

    @property
    def key(self) -> str:
        return f"{self.site}:{self.article_id}"

    @property
    def last_changed(self) -> datetime:
        return datetime.fromisoformat(self.modified_at or self.published_at)


@dataclass(frozen=True)
class ListingEntry:
    """One link on a listing page: the href as written and the article behind it."""

    href: str
    spec: ArticleSpec


def local_time(iso: str, layout: str) -> str:
    """`iso`'s wall-clock time in the site's display layout (the offset is dropped)."""
    return datetime.fromisoformat(iso).strftime(layout)
