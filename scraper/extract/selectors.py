"""The page-object base and its helpers: CSS selection, element text, photo captions."""

from __future__ import annotations

import functools
import logging

from lxml import html
from lxml.cssselect import CSSSelector

from scraper.extract.textlines import render_words
from scraper.extract.urls import absolute_url

logger = logging.getLogger(__name__)

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
