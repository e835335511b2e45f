"""One parsed page and the lazily computed views every layer reads (labels, meta, JSON-LD, body)."""

from __future__ import annotations

import math
import re
import time
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from lxml import html

from scraper.extract.body import body_html, body_text, cleaned_copy, paragraphs_html, trafilatura_text
from scraper.extract.bounds import MAX_TRAFILATURA_CHARS, TIME_BUDGET
from scraper.extract.dates import parse_polish_datetime
from scraper.extract.declared import DeclaredPage
from scraper.extract.generic import GenericPage
from scraper.extract.labels import LabelHit, find_labels
from scraper.extract.meta import canonical_link, jsonld_article
from scraper.extract.notes import page_warning
from scraper.extract.textlines import render_lines, render_text
from scraper.extract.urls import absolute_url
from scraper.sites import Site, article_page_class

BODY_DATE_LINE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}\s*r\.?")


@dataclass
class PageContext:
    """A parsed page: the site's page object (if the host is known), the generic one, shared views."""

    tree: html.HtmlElement
    url: str
    site: Site | None
    headers: dict[str, str]
    now: datetime
    warnings: list[str] = field(default_factory=list)
    deadline: float = math.inf  # time.monotonic() after which optional work is skipped

    @cached_property
    def base_url(self) -> str:
        """Relative links resolve against the live URL (<base href> honoured)."""
        base = self.tree.find(".//base[@href]")
        return (base is not None and absolute_url(self.url, base.get("href"))) or self.url

    @cached_property
    def site_page(self):
        """The site layer: the page object its declaration names, else one from its declared selectors."""
        if self.site is None:
            return None
        if self.site.page_objects:
            return article_page_class(self.site.page_objects)(self.tree, self.base_url)
        if self.site.article_selectors:
            return DeclaredPage(self.tree, self.base_url, self.site.article_selectors)
        return None

    @cached_property
    def generic(self) -> GenericPage:
        return GenericPage(self.tree, self.base_url)

    @cached_property
    def page_labels(self) -> dict[str, LabelHit]:
        """Labels anywhere on the page, whatever the markup."""
        return find_labels(render_lines(self.tree))

    @cached_property
    def site_labels(self) -> dict[str, LabelHit] | None:
        return self.site_page.labels() if self.site_page else None

    @cached_property
    def jsonld(self) -> dict:
        return jsonld_article(self.tree)

    @cached_property
    def canonical(self) -> str | None:
        link = canonical_link(self.tree)
        return absolute_url(self.base_url, link) if link else None

    def date(self, text: str | None) -> datetime | None:
        """A parsed date; implausible ones are reported in the item's warnings."""
        return parse_polish_datetime(text, now=self.now, warnings=self.warnings)

    def body_from(self, containers: list[html.HtmlElement] | None) -> tuple[str, str] | None:
        """(body_text, body_html) from containers, or None when they hold no text."""
        if not containers:
            return None
        cleaned = [cleaned_copy(container, self.site.chrome if self.site else ()) for container in containers]
        text = body_text(cleaned)
        return (text, body_html(cleaned, self.base_url)) if text else None

    def trafilatura_body(self) -> tuple[str, str] | None:
        """trafilatura's body guess; skipped (warned) past the time budget or for a page above its size cap,
        where its cost grows faster than the page (BENCHMARKS.md, hostile input)."""
        if time.monotonic() > self.deadline:
            page_warning(f"time budget of {TIME_BUDGET:g} s spent: skipped the trafilatura body fallback")
            return None
        markup = html.tostring(self.tree, encoding="unicode")
        if len(markup) > MAX_TRAFILATURA_CHARS:
            page_warning(f"page of {len(markup)} characters: too large for the trafilatura body fallback")
            return None
        text = trafilatura_text(markup, self.url)
        return (text, paragraphs_html(text)) if text else None

    def body_date_line(self) -> str | None:
        """A bare date line ('29.03.2021 r.') at the top of the body: the publication date when nothing else has it."""
        containers = (self.site_page and self.site_page.body_containers()) or self.generic.body_containers() or []
        for container in containers:
            lines = render_text(container).split("\n")
            first = next((line.strip() for line in lines if line.strip()), "")
            if BODY_DATE_LINE.fullmatch(first):
                return first
        return None
