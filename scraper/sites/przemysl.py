"""Przemyśl (przemysl.pl): the site's page objects, one method per field; its listing selector is declared in sites.toml."""

from __future__ import annotations

from lxml import html

from scraper.extract.attachments import badge_attachment, size_after_link
from scraper.extract.labels import LabelHit, find_labels
from scraper.extract.selectors import SitePage, select, select_one, text_of
from scraper.extract.textlines import render_lines
from scraper.extract.urls import absolute_url


class ArticlePage(SitePage):
    """Selectors from docs/mirror-markup.md; each method returns None when its markup is missing.

    The site shows no subtitle and no lead: SitePage's defaults answer None for them.
    """

    def title(self) -> str | None:
        return text_of(select_one(self.tree, "h1.news-title"))

    def body_containers(self) -> list[html.HtmlElement] | None:
        """The article text plus its footnotes (footnotes are article text)."""
        content = select_one(self.tree, ".news-content")
        if content is None:
            return None
        return [content, *select(self.tree, ".news-footnotes")]

    def labels(self) -> dict[str, LabelHit] | None:
        meta = select_one(self.tree, ".news-meta")
        return find_labels(render_lines(meta)) if meta is not None else None

    def tags(self) -> list[str] | None:
        return [] if self.body_containers() is not None else None

    def attachments(self) -> list[dict] | None:
        block = select_one(self.tree, ".news-attachments")
        if block is None:
            return None
        found = []
        for link in select(block, "a.attachment[href]"):
            found.append(
                badge_attachment(
                    link.get("href"), link.text_content(), self.url, text_of(select_one(link, ".file-type"))
                )
            )
            if found[-1]["size_bytes"] is None:  # the size can follow the link: "<a>PDF Plan</a> (1,65MB)"
                found[-1]["size_bytes"], _ = size_after_link(link.tail)
        return found

    def images(self) -> list[dict] | None:
        gallery = select(self.tree, ".news-gallery")
        if not gallery:
            return [] if self.body_containers() is not None else None
        return [
            {"url": absolute_url(self.url, link.get("href")), "caption": None, "credit": None}
            for block in gallery
            for link in select(block, "a[href]")
        ]
