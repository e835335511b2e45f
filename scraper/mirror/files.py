"""The mirror's attachment files, built deterministically from their ground truth at first use and cached on disk."""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

from scraper.mirror.documents import DOCUMENTS, MirrorDocument
from scraper.mirror.site import STATIC_LAST_MODIFIED, Route, make_route, route_key, same_site_hosts

# Bump when a builder changes its output, so stale cached files are not served.
GENERATOR_VERSION = "4"
CACHE_DIR_ENV = "KRONIKA_MIRROR_FILES"
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "rtf": "application/rtf",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def cache_dir() -> Path:
    """Where built files are kept: $KRONIKA_MIRROR_FILES, else ~/.cache/kronika/mirror-files (never committed)."""
    default = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "kronika" / "mirror-files"
    return Path(os.environ.get(CACHE_DIR_ENV) or default) / f"v{GENERATOR_VERSION}"


def file_bytes(document: MirrorDocument) -> bytes:
    """The file's bytes, built once per cache directory."""
    # Keyed by the document's whole spec: editing its ground truth builds a new file.
    key = hashlib.sha256(repr(document).encode()).hexdigest()[:24]
    cached = cache_dir() / f"{key}-{document.url.rsplit('/', 1)[-1]}"
    if cached.exists():
        return cached.read_bytes()
    # Imported here: fpdf2, Pillow and the office writers load only when a file is first built.
    from scraper.mirror.file_builders import build

    data = build(document)
    cached.parent.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(cached.suffix + f".{os.getpid()}.part")
    partial.write_bytes(data)
    partial.replace(cached)  # atomic: concurrent first uses never serve half a file
    return data


def content_type(document: MirrorDocument) -> str:
    return CONTENT_TYPES.get(document.url.rsplit(".", 1)[-1], "application/octet-stream")


@functools.cache
def _documents_by_key() -> dict[str, MirrorDocument]:
    by_key = {}
    for document in DOCUMENTS:
        key = route_key(document.url)
        host, _, rest = key.partition("/")
        for name in same_site_hosts(host):
            by_key[f"{name}/{rest}"] = document
    return by_key


def document_at(host_path: str) -> MirrorDocument | None:
    """The mirror document served at `host/path`, if any (the `missing` one included)."""
    return _documents_by_key().get(host_path)


@functools.lru_cache(maxsize=64)
def file_route(host_path: str) -> Route | None:
    """The route for an attachment URL, or None (the server then answers 404, as for the `missing` file)."""
    document = document_at(host_path)
    if document is None or document.kind == "missing":
        return None
    return make_route(file_bytes(document), content_type(document), STATIC_LAST_MODIFIED)
