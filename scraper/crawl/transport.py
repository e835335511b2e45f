"""Download handler that fetches live URLs from a recorded mirror when one is set."""

from __future__ import annotations

import asyncio
import logging
from urllib.parse import urljoin, urlsplit

from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.exceptions import DownloadCancelledError

from scraper.crawl.bounds import deadline_reached
from scraper.crawl.failures import TOO_LARGE_MARKER

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
    socket goes to loopback. Without a mirror it is plain HTTP/1.1. Either way
    the HTTP/1.1 handler reads the body, so DOWNLOAD_MAXSIZE caps both alike.
    """

    def __init__(self, crawler):
        super().__init__(crawler)
        self._http = HTTP11DownloadHandler.from_crawler(crawler)
        self._mirror = crawler.settings.get("KRONIKA_MIRROR") or ""
        self._maxsize = crawler.settings.getint("DOWNLOAD_MAXSIZE")
        self._in_flight: set[asyncio.Task] = set()
        self._deadline_passed = False
        crawler.signals.connect(self._cancel_in_flight, signal=deadline_reached)

    async def download_request(self, request):
        if not self._mirror:
            return await self._sized_download(request)
        mirrored = request.replace(url=to_mirror(request.url, self._mirror))
        response = await self._sized_download(mirrored)
        headers = response.headers.copy()
        if b"Location" in headers:
            headers[b"Location"] = self._live_location(mirrored.url, headers[b"Location"].decode("latin-1"))
        return response.replace(url=request.url, headers=headers)

    def _cancel_in_flight(self, spider):
        self._deadline_passed = True
        for task in list(self._in_flight):
            task.cancel()

    async def _sized_download(self, request):
        task = asyncio.current_task()
        if task is not None:
            self._in_flight.add(task)
        try:
            return await self._http.download_request(request)
        except asyncio.CancelledError:
            if not self._deadline_passed:
                raise
            raise DownloadCancelledError("no answer before the site's deadline (KRONIKA_SITE_DEADLINE)") from None
        except DownloadCancelledError as error:
            # The HTTP/1.1 handler cancels a body that grows past the cap with
            # no message (only a log line); its sole other cancel is announced
            # by Content-Length and says so. Name the cause for the failure list.
            if str(error):
                raise
            maxsize = request.meta.get("download_maxsize", self._maxsize)
            raise DownloadCancelledError(f"Received a body {TOO_LARGE_MARKER} ({maxsize})") from error
        finally:
            self._in_flight.discard(task)

    def _live_location(self, mirrored_url: str, location: str) -> str:
        # A mirror redirect points into the mirror; follow it on the live site.
        # One pointing elsewhere (a hostile server's http://127.0.0.1/...) stays
        # as it is, so the offsite filter and the address guard judge it as live.
        target = urljoin(mirrored_url, location)
        try:
            return from_mirror(target, self._mirror)
        except ValueError:
            return target

    async def close(self):
        await self._http.close()
