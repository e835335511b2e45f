"""Keep every request on the public internet and every redirect on the site it started from."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from urllib.parse import urljoin, urlsplit

from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.url import url_is_from_any_domain

logger = logging.getLogger(__name__)


class RefusedAddress(IgnoreRequest):
    """A request whose host is, or resolves to, an address that is not on the public internet."""


def non_public_address(address: str) -> bool:
    """True for loopback, private, link-local, shared, reserved, multicast or unspecified addresses."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone (fe80::1%eth0)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is loopback too
    return not ip.is_global or ip.is_multicast


def resolve_host(host: str) -> list[str]:
    """Every address `host` resolves to (an IP literal resolves to itself); [] if it does not resolve."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        return []
    return sorted({info[4][0] for info in infos})


class PrivateAddressGuard:
    """Downloader middleware: no request or redirect reaches a non-public address.

    Every request passes here, redirects included (RedirectMiddleware schedules
    them as new requests). The host is resolved off the reactor thread, once per
    host and run; a host with any non-public address is refused. What this does
    not guard: DNS rebinding, i.e. a resolver answering a public address here
    and a private one a moment later when the HTTP handler connects (Scrapy's
    own DNS cache narrows that window to the first lookup only). A host that
    does not resolve is let through: the download then fails on its own.
    Off (`KRONIKA_REFUSE_PRIVATE_ADDRESSES = False`) for the loopback mirror.
    """

    def __init__(self, crawler, resolve=resolve_host):
        self.crawler = crawler
        self.resolve = resolve
        self.verdicts: dict[str, str | None] = {}  # host -> the non-public address it has, or None

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("KRONIKA_REFUSE_PRIVATE_ADDRESSES"):
            raise NotConfigured  # no message: Scrapy would log it as a warning on every mirror run
        return cls(crawler)

    async def process_request(self, request):
        host = urlsplit(request.url).hostname or ""
        if host not in self.verdicts:
            addresses = await asyncio.to_thread(self.resolve, host)
            self.verdicts[host] = next((a for a in addresses if non_public_address(a)), None)
        address = self.verdicts[host]
        if address is None:
            return None
        self.crawler.stats.inc_value("kronika/refused_private_address")
        shown = host if address == host else f"{host} ({address})"
        raise RefusedAddress(f"refused {request.url}: {shown} is not a public internet address")


class OffsiteRedirect(IgnoreRequest):
    """A redirect to a host outside the spider's allowed_domains."""


class OffsiteRedirectMiddleware:
    """Downloader middleware: refuse a redirect off the site before it becomes a request.

    Scrapy's offsite filter drops such a redirect when it is scheduled, which
    calls no errback: the article vanished without a trace. Refused here (in
    process_response, below RedirectMiddleware) the request's errback counts it.
    """

    REDIRECTS = (301, 302, 303, 307, 308)

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request, response):
        location = response.headers.get(b"Location")
        if response.status not in self.REDIRECTS or not location or request.meta.get("dont_redirect"):
            return response
        target = urljoin(response.url, location.decode("latin-1"))
        allowed = getattr(self.crawler.spider, "allowed_domains", None)
        if not allowed or url_is_from_any_domain(target, allowed):
            return response
        self.crawler.stats.inc_value("kronika/redirects_offsite")
        raise OffsiteRedirect(f"redirected off the site to {target}")
