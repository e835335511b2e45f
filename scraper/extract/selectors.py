"""The page-object base and its helpers: CSS selection, element text, photo captions."""

from __future__ import annotations

import functools

from lxml import html
from lxml.cssselect import CSSSelector

from scraper.extract.textlines import render_words
from scraper.extract.urls import absolute_url

CREDIT_SEPARATOR = "//"


@functools.lru_cache(maxsize=512)
def compiled(css: str) -> CSSSelector:
    # Translating CSS to XPath costs more than running it: do it once per selector.
    return CSSSelector(css, translator="html")


class PageObject:
    """A page object over one parsed article page; `url` is the base for relative links."""

    def __init__(self, tree: html.HtmlElement, url: str):
        self.tree = tree
        self.url = url


class SitePage(PageObject):
    """A site layer: one method per field, None meaning "no answer here, ask the next layer".

    These defaults are the answers of a site whose markup lacks the field
    (Przemyśl has no subtitle); a site's page object overrides what it shows.
    """

    def title(self) -> str | None:
        return None

    def subtitle(self) -> str | None:
        return None

    def lead(self) -> str | None:
        return None

    def body_containers(self) -> list[html.HtmlElement] | None:
        return None

    def labels(self) -> dict | None:
        return None

    def tags(self) -> list[str] | None:
        return None

    def attachments(self) -> list[dict] | None:
        return None

    def images(self) -> list[dict] | None:
        return None


def select(root: html.HtmlElement, css: str) -> list[html.HtmlElement]:
    return compiled(css)(root)


def select_one(root: html.HtmlElement, css: str) -> html.HtmlElement | None:
    found = compiled(css)(root)
    return found[0] if found else None


def text_of(element: html.HtmlElement | None) -> str | None:
    """An element's visible text on one line, whitespace collapsed; None when empty."""
    if element is None:
        return None
    return render_words(element) or None


def split_credit(text: str | None) -> tuple[str | None, str | None]:
    """'Caption // fot. Name' -> ('Caption', 'fot. Name'); a text without '//' is all caption."""
    if not text:
        return None, None
    caption, _, credit = text.partition(CREDIT_SEPARATOR)
    return (" ".join(caption.split()) or None), (" ".join(credit.split()) or None)


def figure_image(figure: html.HtmlElement, base_url: str) -> dict | None:
    """{url, caption, credit} for a <figure> (or any element) holding an <img>; caption from figcaption, else alt.

    The url is None when the src is malformed (reported); such images are dropped when the item is assembled.
    """
    image = select_one(figure, "img[src]")
    if image is None:
        return None
    caption, credit = split_credit(text_of(select_one(figure, "figcaption")) or image.get("alt"))
    return {"url": absolute_url(base_url, image.get("src")), "caption": caption, "credit": credit}
