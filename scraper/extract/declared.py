"""The site layer of a site that declares CSS selectors in its sites file instead of writing a page object."""

from __future__ import annotations

from lxml import html

from scraper.extract.labels import LabelHit, find_labels
from scraper.extract.selectors import SitePage, select, select_one, text_of
from scraper.extract.textlines import render_lines


class DeclaredPage(SitePage):
    """One method per field, each driven by the site's `[site.article]` selector; None when undeclared or unmatched.

    Attachments and images are SitePage's None: the generic layer finds file links and figures in any markup.
    """

    def __init__(self, tree: html.HtmlElement, url: str, selectors: dict[str, str]):
        super().__init__(tree, url)
        self.selectors = selectors

    def _element(self, field: str) -> html.HtmlElement | None:
        css = self.selectors.get(field)
        return select_one(self.tree, css) if css else None

    def title(self) -> str | None:
        return text_of(self._element("title"))

    def subtitle(self) -> str | None:
        return text_of(self._element("subtitle"))

    def lead(self) -> str | None:
        return text_of(self._element("lead"))

    def body_containers(self) -> list[html.HtmlElement] | None:
        css = self.selectors.get("body")
        return (select(self.tree, css) or None) if css else None

    def labels(self) -> dict[str, LabelHit] | None:
        meta = self._element("meta")
        return find_labels(render_lines(meta)) if meta is not None else None

    def tags(self) -> list[str] | None:
        css = self.selectors.get("tags")
        if not css:
            return None
        names = (name.lstrip("#").strip() for element in select(self.tree, css) if (name := text_of(element)))
        return list(dict.fromkeys(name for name in names if name)) or None
