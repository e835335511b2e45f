"""Contract items and raw pages for tests: site, city, publisher and URL come from the site declarations."""

from __future__ import annotations

import hashlib

from scraper.extract.items import ARTICLE_FIELDS
from scraper.sites import SITES

LONG_BODY = "Mieszkańcy Chylonii wybrali projekty podwórek w ramach rewitalizacji. " * 8
# Not declared: the authors the mirrors' articles are signed by, one a site.
AUTHORS = {"przemysl": "Rafał Porada", "gdynia": "Aleksandra Dylejko", "lis": "Laboratorium Innowacji Społecznych"}
# Values for the canonical URL templates' other groups (slug, listing, ...): any that match the site's pattern.
URL_PARTS = {"listing": "aktualnosci", "listing_id": "3963", "year": "2024", "month": "05"}
UPLOADS = {
    "przemysl": "https://przemysl.pl/uploads/files/",
    "gdynia": "https://www.gdynia.pl/storage/",
    "lis": "https://lis.gdynia.pl/wp-content/uploads/",
}


def article_url(site: str, number: int | str, **parts: str) -> str:
    """The canonical URL of the site's article `number`, built from its declared template; `parts` fill the rest."""
    declared = SITES[site]
    url = declared.canonical_template.format(**{**URL_PARTS, "slug": f"artykul-{number}", **parts, "id": number})
    assert declared.canonical_url(url) == url, f"{url} is no article URL of {site}"
    return url


def make_attachment(site: str, path: str, title: str | None = None, size_bytes: int | None = None) -> dict:
    """An attachment item as the site's page object reports it: `path` under the site's uploads, type from its extension."""
    filename = path.rsplit("/", 1)[-1]
    return {
        "url": UPLOADS[site] + path,
        "filename": filename,
        "title": title,
        "type": filename.rsplit(".", 1)[1].lower(),
        "size_bytes": size_bytes,
    }


def make_item(article_id: str = "gdynia:1", *, body_text: str | None = LONG_BODY, **overrides) -> dict:
    """A complete contract item of the declared site named in `article_id`; keyword arguments replace fields.

    `body_text` paragraphs (blank-line separated) become the default `body_html` and `content_sha256`.
    """
    site, number = article_id.split(":")
    declared = SITES[site]
    paragraphs = [paragraph for paragraph in (body_text or "").split("\n\n") if paragraph]
    item = {
        "id": article_id,
        "site": site,
        "city": declared.city,
        "url": article_url(site, number),
        "title": "Rewitalizacja Chylonii",
        "subtitle": None,
        "lead": "Nowe podwórka.",
        "body_text": body_text,
        "body_html": "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs) or None,
        "language": "pl",
        "published_at": "2021-12-10T12:50:00+01:00",
        "modified_at": None,
        "publisher": declared.publisher,
        "author": AUTHORS[site],
        "modified_by": None,
        "tags": ["projekt", "FFW"],
        "attachments": [make_attachment(site, "a.pdf", "Plan", 1730150), make_attachment(site, "b.jpg")],
        "images": [{"url": UPLOADS[site] + "p.jpg", "caption": "Podwórko", "credit": "fot. Jan Nowak"}],
        "revitalisation": True,
        "topics": ["rewitalizacja"],
        "fetched_at": "2024-01-01T10:00:00Z",
        "http_status": 200,
        "content_sha256": hashlib.sha256((body_text or "").encode()).hexdigest(),
        "extraction": {"fields": {"title": "site"}, "warnings": [], "fallbacks": []},
    }
    unknown = set(overrides) - set(ARTICLE_FIELDS)
    assert not unknown, f"not contract fields: {sorted(unknown)}"
    item.update(overrides)
    return item


def make_page(item: dict, body: bytes = b"<html><body>article</body></html>", **overrides) -> dict:
    """The raw fetch that produced `item`."""
    page = {
        "url": item["url"],
        "final_url": item["url"],
        "status": item.get("http_status") or 200,
        "headers": {
            "Content-Type": "text/html; charset=utf-8",
            "ETag": '"v1"',
            "Last-Modified": "Fri, 10 Dec 2021 11:51:00 GMT",
        },
        "body": body,
        "fetched_at": item["fetched_at"],
        "sha256": hashlib.sha256(body).hexdigest(),
    }
    page.update(overrides)
    return page


def dump(db) -> dict:
    """Every row of every table (FTS shadow tables included), for before/after comparisons."""
    return {name: db.execute(f"SELECT * FROM [{name}]").fetchall() for name in sorted(db.table_names())}
