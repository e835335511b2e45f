"""The archive's stored copy of an attachment, served read-only so that it never runs as a page of this origin."""

from __future__ import annotations

import logging
import re
import sqlite3
import urllib.parse

from datasette.utils.asgi import Response

from scraper.archive.files import MEDIA_TYPES, read_file

logger = logging.getLogger(__name__)

# /archive/-/files/<sha256>: Datasette's own table routes never use "-" as a table name.
ROUTE = r"^/(?P<database>[^/]+)/-/files/(?P<sha256>[^/]+)$"
SHA256_HEX = re.compile(r"[0-9a-f]{64}")
# What is sent is the MEDIA_TYPES entry of the type detected from the magic bytes at download
# (files.media_type, documents.type), never the original server's Content-Type; anything else
# (an HTML page or an SVG stored by mistake) goes as bytes to save.
UNKNOWN_MEDIA_TYPE = "application/octet-stream"
# Shown in the browser; everything else is saved, not rendered.
INLINE_MEDIA_TYPES = {"application/pdf", "image/jpeg", "image/png", "image/tiff"}
# Content-addressed: the bytes under one sha256 never change.
CACHE_CONTROL = "public, max-age=604800, immutable"
# Control characters, quotes and path separators have no place in a saved file's name.
UNSAFE_FILENAME = re.compile(r'[\x00-\x1f\x7f"\\/]+')

FACTS_SQL = """
select f.media_type, d.type as document_type,
       (select a.filename from attachments a where a.sha256 = f.sha256 and a.filename is not null
        order by a.article_id, a.position limit 1) as filename
from files f left join documents d on d.sha256 = f.sha256
where f.sha256 = ?
"""


def media_type(*detected: str | None) -> str:
    """The Content-Type for a file whose detected types are `detected` (first known one wins), else octet-stream."""
    known = set(MEDIA_TYPES.values())
    for kind in detected:
        if kind in MEDIA_TYPES:
            return MEDIA_TYPES[kind]
        if kind in known:
            return kind
    return UNKNOWN_MEDIA_TYPE


def content_disposition(content_type: str, filename: str) -> str:
    """`inline` for PDFs and images, `attachment` otherwise; the name RFC 6266-encoded, with an ASCII fallback."""
    disposition = "inline" if content_type in INLINE_MEDIA_TYPES else "attachment"
    name = UNSAFE_FILENAME.sub("_", filename).strip() or "plik"
    ascii_name = name.encode("ascii", "replace").decode("ascii").replace("?", "_")
    return f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{urllib.parse.quote(name, safe='')}"


def _stored(conn: sqlite3.Connection, sha256: str) -> tuple[dict, bytes] | None:
    has_tables = {
        row[0]
        for row in conn.execute("select name from sqlite_master where name in ('files', 'documents', 'attachments')")
    }
    if has_tables != {"files", "documents", "attachments"}:
        return None
    cursor = conn.execute(FACTS_SQL, [sha256])
    row = cursor.fetchone()
    if row is None:
        return None
    facts = dict(zip([column[0] for column in cursor.description], row))
    return facts, read_file(conn, sha256)


def _not_found(sha256: str) -> Response:
    return Response.text(f"Archiwum nie ma pliku {sha256[:64]}.", status=404)


async def stored_file(datasette, request):
    """GET/HEAD /<database>/-/files/<sha256>: the stored bytes with safe headers, 404 if not stored."""
    sha256 = request.url_vars["sha256"].lower()
    name = request.url_vars["database"]
    if not SHA256_HEX.fullmatch(sha256) or name not in datasette.databases or name == "_internal":
        return _not_found(request.url_vars["sha256"])
    found = await datasette.get_database(name).execute_fn(lambda conn: _stored(conn, sha256))
    if found is None:
        return _not_found(sha256)
    facts, data = found
    content_type = media_type(facts["media_type"], facts["document_type"])
    extension = next((kind for kind in (facts["media_type"], facts["document_type"]) if kind in MEDIA_TYPES), "bin")
    filename = facts["filename"] or f"{sha256[:16]}.{extension}"
    etag = f'"{sha256}"'
    headers = {
        "content-disposition": content_disposition(content_type, filename),
        "cache-control": CACHE_CONTROL,
        "etag": etag,
        "content-length": str(len(data)),
    }
    if etag in (request.headers.get("if-none-match") or ""):
        return Response(
            b"", status=304, headers={key: headers[key] for key in ("cache-control", "etag")}, content_type=content_type
        )
    # HEAD: the same headers (and the length GET would send), no body.
    body = b"" if request.method == "HEAD" else data
    return Response(body, status=200, headers=headers, content_type=content_type)
