"""Hand-built article items and pages for the archive tests."""

import hashlib

LONG_BODY = "Mieszkańcy Chylonii wybrali projekty podwórek w ramach rewitalizacji. " * 8


def make_item(article_id="gdynia:1", **overrides):
    """A complete contract item; keyword arguments replace fields."""
    item = {
        "id": article_id, "site": article_id.split(":")[0], "city": "Gdynia",
        "url": f"https://www.gdynia.pl/rewitalizacja/aktualnosci,3963/art,{article_id.split(':')[1]}",
        "title": "Rewitalizacja Chylonii", "subtitle": None, "lead": "Nowe podwórka.",
        "body_text": LONG_BODY, "body_html": f"<p>{LONG_BODY}</p>", "language": "pl",
        "published_at": "2021-12-10T12:50:00+01:00", "modified_at": None,
        "publisher": "Urząd Miasta Gdyni", "author": "Aleksandra Dylejko", "modified_by": None,
        "tags": ["projekt", "FFW"],
        "attachments": [
            {"url": "https://www.gdynia.pl/storage/a.pdf", "filename": "a.pdf", "title": "Plan",
             "type": "pdf", "size_bytes": 1730150},
            {"url": "https://www.gdynia.pl/storage/b.jpg", "filename": "b.jpg", "title": None,
             "type": "jpg", "size_bytes": None},
        ],
        "images": [{"url": "https://www.gdynia.pl/storage/p.jpg", "caption": "Podwórko", "credit": "fot. Jan Nowak"}],
        "revitalisation": True, "topics": ["rewitalizacja"],
        "fetched_at": "2024-01-01T10:00:00Z", "http_status": 200, "content_sha256": "abc",
        "extraction": {"fields": {"title": "site"}, "warnings": [], "fallbacks": []},
    }
    item.update(overrides)
    return item


def make_page(item, body=b"<html><body>article</body></html>", **overrides):
    """The raw fetch that produced `item`."""
    page = {
        "url": item["url"], "final_url": item["url"], "status": item.get("http_status") or 200,
        "headers": {"Content-Type": "text/html; charset=utf-8", "ETag": '"v1"',
                    "Last-Modified": "Fri, 10 Dec 2021 11:51:00 GMT"},
        "body": body, "fetched_at": item["fetched_at"], "sha256": hashlib.sha256(body).hexdigest(),
    }
    page.update(overrides)
    return page


def dump(db):
    """Every row of every table (FTS shadow tables included), for before/after comparisons."""
    return {name: db.execute(f"SELECT * FROM [{name}]").fetchall() for name in sorted(db.table_names())}
