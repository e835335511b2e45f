"""Download handler that fetches live URLs from a recorded mirror when one is set."""

from __future__ import annotations

import logging
from urllib.parse import urljoin, urlsplit

from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler

logger = logging.getLogger(__name__)


def to_mirror(live_url: str, mirror_base: str) -> str:
    """`https://host/path?q` -> `<mirror_base>/host/path?q` (the mirror's URL scheme)."""
    parts = urlsplit(live_url)
    query = f"?{parts.query}" if parts.query else ""
    return f"{mirror_base.rstrip('/')}/{parts.hostname}{parts.path or '/'}{query}"


def from_mirror(mirror_url: str, mirror_base: str) -> str:
    """Inverse of `to_mirror`; the live sites are all served over https."""
    base = mirror_base.rstrip("/")
    if not mirror_url.startswith(base + "/"):
        raise ValueError(f"{mirror_url} is not under the mirror {base}")
    return "https://" + mirror_url[len(base) + 1 :]


class MirrorDownloadHandler(BaseDownloadHandler):
    """HTTP(S) handler: with `KRONIKA_MIRROR` set, every request goes to the mirror.

    Living below the whole middleware stack means robots.txt, the dupefilter,
    redirects, download slots and items all keep seeing the live URLs; only the
    socket goes to loopback. Without a mirror it is plain HTTP/1.1.
    """

    def __init__(self, crawler):
        super().__init__(crawler)
        self._http = HTTP11DownloadHandler.from_crawler(crawler)
        self._mirror = crawler.settings.get("KRONIKA_MIRROR") or ""

    async def download_request(self, request):
        if not self._mirror:
            return await self._http.download_request(request)
        mirrored = request.replace(url=to_mirror(request.url, self._mirror))
        response = await self._http.download_request(mirrored)
        headers = response.headers.copy()
        if b"Location" in headers:
            headers[b"Location"] = self._live_location(mirrored.url, headers[b"Location"].decode("latin-1"))
        return response.replace(url=request.url, headers=headers)

    def _live_location(self, mirrored_url: str, location: str) -> str:
        # A mirror redirect points into the mirror; follow it on the live site.
        return from_mirror(urljoin(mirrored_url, location), self._mirror)

    async def close(self):
        await self._http.close()
