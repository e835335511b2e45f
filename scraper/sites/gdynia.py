"""Gdynia (www.gdynia.pl/rewitalizacja): the site's page objects, one method per field; its listing selector is declared in sites.toml."""

from __future__ import annotations

from lxml import html

from scraper.extract.attachments import attachment, is_file_url, is_storage_path, storage_paths
from scraper.extract.labels import LabelHit, find_labels
from scraper.extract.selectors import SitePage, figure_image, select, select_one, text_of
from scraper.extract.textlines import render_lines, render_text


class ArticlePage(SitePage):
    """Selectors from docs/mirror-markup.md; each method returns None when its markup is missing."""

    def title(self) -> str | None:
        return text_of(select_one(self.tree, "h1.article__title"))

    def subtitle(self) -> str | None:
        return text_of(select_one(self.tree, ".article__subtitle"))

    def lead(self) -> str | None:
        return text_of(select_one(self.tree, ".article__lead"))

    def body_containers(self) -> list[html.HtmlElement] | None:
        body = select_one(self.tree, ".article__body")
        return [body] if body is not None else None

    def labels(self) -> dict[str, LabelHit] | None:
        meta = select_one(self.tree, ".article__meta")
        return find_labels(render_lines(meta)) if meta is not None else None

    def tags(self) -> list[str] | None:
        """Tags as shown (the list appears twice on a page), '#' removed, first occurrence kept."""
        lists = select(self.tree, "ul.tags")
        if not lists:
            return None
        names = (text_of(item) for tag_list in lists for item in select(tag_list, "li"))
        return list(dict.fromkeys(name.lstrip("#").strip() for name in names if name and name.lstrip("#").strip()))

    def attachments(self) -> list[dict] | None:
        """Linked files and bare storage paths in the body, in page order; a path as link text is no title."""
        containers = self.body_containers()
        if containers is None:
            return None
        found = []
        for body in containers:
            for element in body.iter("a", "p", "li", "div"):
                if element.tag == "a" and element.get("href") and is_file_url(element.get("href")):
                    title = text_of(element)
                    found.append(
                        attachment(
                            element.get("href"), self.url, title=None if not title or is_storage_path(title) else title
                        )
                    )
                elif (
                    element.tag != "a"
                    and next(element.iterdescendants("p", "li", "div", "a"), None) is None
                    # lxml's text_content() is C: rules out nearly every paragraph before rendering
                    and "/storage/" in element.text_content().lower()
                ):
                    found.extend(attachment(path, self.url) for path in storage_paths(render_text(element)))
        return found

    def images(self) -> list[dict] | None:
        photos = select(self.tree, "figure.article__photo")
        if not photos:
            return [] if self.body_containers() is not None else None
        return [image for photo in photos if (image := figure_image(photo, self.url))]
