"""Generic page object for any markup (titles: see title.py): <article>/<main>/densest block, file links, figures."""

from __future__ import annotations

from lxml import html

from scraper.extract.attachments import (
    IMAGE_TYPES,
    attachment,
    badge_attachment,
    file_extension,
    is_file_url,
    is_storage_path,
    size_after_link,
    storage_paths,
)
from scraper.extract.body import densest_block
from scraper.extract.selectors import PageObject, figure_image, select, select_one, text_of
from scraper.extract.tags import tags_from_lines
from scraper.extract.textlines import render_lines, render_text
from scraper.extract.urls import absolute_url

BODY_SELECTORS = ("[itemprop=articleBody]", "article .entry-content", "article", "main", "[role=main]")
AREA_SELECTORS = ("article", "main", "[role=main]")
OUTSIDE_ARTICLE = ("header", "nav", "footer", "aside")


class GenericPage(PageObject):
    """Markup-independent guesses; used for unknown hosts and as the fallback under a site layer."""

    def body_containers(self) -> list[html.HtmlElement] | None:
        for css in BODY_SELECTORS:
            found = select_one(self.tree, css)
            block = densest_block(found) if found is not None else None
            if block is not None:
                return [block]
        block = densest_block(self.tree)
        return [block] if block is not None else None

    def area(self) -> html.HtmlElement:
        """The part of the page that belongs to the article (attachments, images are looked for here)."""
        for css in AREA_SELECTORS:
            found = select_one(self.tree, css)
            if found is not None:
                return found
        containers = self.body_containers()
        if containers and containers[0].getparent() is not None:
            return containers[0].getparent()
        return self.tree

    def tags(self) -> list[str] | None:
        links = select(self.tree, "a[rel~=tag], .tags a, ul.tags li")
        names = [name.lstrip("#").strip() for link in links if (name := text_of(link))]
        return list(dict.fromkeys(name for name in names if name)) or tags_from_lines(render_lines(self.tree))

    def attachments(self) -> list[dict] | None:
        """Links to files in the article area (not image links wrapping a picture), then bare storage paths.

        A size noted right after the link, outside it (`<a>Ankieta</a> (1,65MB)`), is the file's declared size.
        """
        found = []
        for link in self.inside_article("a[href]"):
            href = link.get("href")
            if not is_file_url(href) or is_gallery_link(link):
                continue
            label = text_of(link) or ""
            found.append(
                attachment(href, self.url)
                if is_storage_path(label) or label.endswith(href)
                else badge_attachment(href, label, self.url)
            )
            if found[-1]["size_bytes"] is None:
                found[-1]["size_bytes"], _ = size_after_link(link.tail)
        for container in self.body_containers() or []:
            found.extend(attachment(path, self.url) for path in storage_paths(render_text(container)))
        return found

    def images(self) -> list[dict] | None:
        """Figures and linked pictures in the article area."""
        found = [image for figure in self.inside_article("figure") if (image := figure_image(figure, self.url))]
        found.extend(
            {"url": absolute_url(self.url, link.get("href")), "caption": None, "credit": None}
            for link in self.inside_article("a[href]")
            if is_gallery_link(link)
        )
        return found

    def inside_article(self, css: str) -> list[html.HtmlElement]:
        return [
            element
            for element in select(self.area(), css)
            if not any(ancestor.tag in OUTSIDE_ARTICLE for ancestor in element.iterancestors())
        ]


def is_gallery_link(link: html.HtmlElement) -> bool:
    """A link to a picture file that shows the picture (a gallery entry, not a download)."""
    return file_extension(link.get("href") or "") in IMAGE_TYPES and select_one(link, "img") is not None
