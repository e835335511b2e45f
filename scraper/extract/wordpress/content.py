"""A post's rendered HTML (REST `content.rendered`, RSS `content:encoded`) to body, attachments and images."""

from __future__ import annotations

import hashlib
import html as html_entities
import logging
import re
from datetime import UTC, datetime

from lxml import html

from scraper.extract.attachments import unique_by_url
from scraper.extract.body import body_html, body_text, cleaned_copy
from scraper.extract.generic import GenericPage
from scraper.extract.items import ARTICLE_FIELDS
from scraper.extract.language import guess_language
from scraper.extract.page import utc_iso
from scraper.extract.topics import revitalisation
from scraper.sites import Site

logger = logging.getLogger(__name__)

# WordPress ends a cut automatic excerpt with "[…]" ("[&hellip;]" before unescaping).
AUTOMATIC_EXCERPT_END = re.compile(r"\s*\[\s*(?:…|\.\.\.)\s*\]\s*$")
TAG = re.compile(r"<[^>]+>")
# Layer name in extraction.fields -> the item's extraction.source.
SOURCES = {"api": "wordpress-api", "rss": "rss"}


def rendered_text(markup: str | None) -> str | None:
    """`title.rendered`-style HTML to one line of text: tags dropped, entities (&#8211; &nbsp;) decoded."""
    if not markup:
        return None
    return " ".join(html_entities.unescape(TAG.sub(" ", markup)).split()) or None


def excerpt_lead(markup: str | None, body: str | None) -> str | None:
    """A hand-written excerpt is the lead; an automatic one (the body's first words, maybe "[…]") is not."""
    text = rendered_text(markup)
    if text is None:
        return None
    words = AUTOMATIC_EXCERPT_END.sub("", text).split()
    return None if words == (body or "").split()[: len(words)] else text


def content_tree(markup: str, base_url: str) -> html.HtmlElement:
    """The content as a document whose <article> is the whole post, links absolute."""
    tree = html.document_fromstring(f"<html><body><article>{markup}</article></body></html>")
    tree.make_links_absolute(base_url, resolve_base_href=False)
    return tree


def content_fields(markup: str | None, base_url: str) -> dict:
    """body_text, body_html, attachments (file links) and images (figures with captions) of a post's content.

    Figures go to `images` and out of the body: their captions are no article text.
    """
    if not markup or not markup.strip():
        return {"body_text": None, "body_html": None, "attachments": [], "images": []}
    tree = content_tree(markup, base_url)
    page = GenericPage(tree, base_url)
    attachments, images = page.attachments() or [], page.images() or []
    article = tree.find(".//article")
    for figure in list(article.iter("figure")):
        figure.drop_tree()
    cleaned = cleaned_copy(article)
    return {
        "body_text": body_text([cleaned]),
        "body_html": body_html([cleaned], base_url),
        "attachments": unique_by_url(attachments),
        "images": unique_by_url(images),
    }


def first_paragraph(text: str | None) -> str | None:
    if not text:
        return None
    return " ".join(text.split("\n\n", 1)[0].split()) or None


def site_fields(site: Site, post_id, link: str) -> dict:
    """The item fields a post owes to its site: id, site, city, url, publisher (and none of the HTML-only ones)."""
    return {
        "id": f"{site.name}:{post_id}",
        "site": site.name,
        "city": site.city,
        "url": link,
        "publisher": site.publisher,
        "subtitle": None,
        "modified_by": None,
    }


def finished_item(
    item: dict,
    site: Site,
    raw: bytes,
    *,
    source: str,
    warnings: list[str],
    fetched_at: datetime | str | None,
    status: int,
) -> dict:
    """The contract item: language, topics, provenance of `raw` and the extraction record added, keys ordered.

    Language and revitalisation are judged from the text as for HTML pages;
    every field found is credited to `source` ("api", "rss").
    """
    text = "\n".join(filter(None, (item.get("title"), item.get("lead"), item.get("body_text"))))
    item["language"] = guess_language(text)
    item["revitalisation"], item["topics"] = revitalisation(text, whole_site_is_revitalisation=site.all_revitalisation)
    item.update(
        fetched_at=utc_iso(fetched_at or datetime.now(UTC)),
        http_status=status,
        content_sha256=hashlib.sha256(raw).hexdigest(),
    )
    for warning in warnings:
        logger.warning("%s: %s", item["id"], warning)
    item["extraction"] = {
        "fields": {name: source for name in ARTICLE_FIELDS if item.get(name) not in (None, [])},
        "warnings": warnings,
        "fallbacks": [],
        "source": SOURCES[source],
    }
    return {name: item.get(name) for name in ARTICLE_FIELDS}
