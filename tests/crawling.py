"""Helpers for tests that run real `kronika crawl` processes against the mirror."""

from __future__ import annotations

import collections
import json
import subprocess
import sys
from pathlib import Path

from scraper.mirror.factory import gdynia_article, przemysl_article
from scraper.mirror.site import bundled_articles
from scraper.sites import SITES

REPO = Path(__file__).resolve().parent.parent


def crawl_command(db, mirror_url: str, *args: str) -> list[str]:
    """`kronika crawl` of every site the mirror reconstructs, unless `args` name sites.

    A declared site the mirror lacks would only be reported unreachable;
    these tests are about the mirrored ones.
    """
    sites = [] if any(arg in SITES for arg in args) else sorted(bundled_articles())
    return [sys.executable, "-m", "scraper", "crawl", "--db", str(db), "--mirror", mirror_url, *sites, *args]


def run_crawl(db, mirror_url: str, *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    """`kronika crawl` in its own process (Scrapy's reactor runs once per process)."""
    return subprocess.run(crawl_command(db, mirror_url, *args), capture_output=True, text=True, timeout=timeout)


def scrapy_feed_export(site: str, mirror_url: str, out) -> list[dict]:
    """`scrapy crawl SITE -O out.jsonl` against the mirror with no archive: the exported items."""
    settings = [
        f"KRONIKA_MIRROR={mirror_url}",
        "KRONIKA_DB=",
        "DOWNLOAD_DELAY=0",
        "AUTOTHROTTLE_ENABLED=0",
        "LOG_LEVEL=WARNING",
    ]
    command = [sys.executable, "-m", "scrapy", "crawl", site, "-O", str(out)]
    command += [part for setting in settings for part in ("-s", setting)]
    subprocess.run(command, cwd=REPO, check=True, timeout=120)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def requests_per_host(request_log) -> dict[str, int]:
    """How many requests each live host received (the mirror serves /<host>/<path>)."""
    return dict(collections.Counter(host_path.split("/", 1)[0] for _method, host_path, _status in request_log))


def new_articles(site: str, count: int, first_id: int) -> list:
    """Articles newer than the bundled ones (but older than the re-check window)."""
    return [_new_article(site, str(first_id + n), n) for n in range(count)]


def _new_article(site: str, article_id: str, n: int):
    common = dict(article_id=article_id, published_at=f"2025-01-{10 + n:02d}T10:00:00+01:00")  # winter: +01:00
    if site == "przemysl":
        return przemysl_article(
            **common,
            slug=f"nowy-artykul-{n}",
            title=f"Nowy artykuł numer {n}",
            body=(f"Treść nowego artykułu numer {n} o remoncie ulicy Grodzkiej.",),
            revitalisation=False,
            body_contains=(f"nowego artykułu numer {n}",),
            author="Jan Nowak",
        )
    return gdynia_article(
        **common,
        slug=f"nowa-przystan-{n}",
        title=f"Nowa Przystań numer {n}",
        body=(f"Mieszkańcy Chyloni otwierają Przystań numer {n}.",),
        body_contains=(f"Przystań numer {n}",),
        author="Anna Kowalska",
    )
