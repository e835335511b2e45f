"""extract_article: raw page bytes to the contract item, field by field through the layers."""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from lxml import etree, html

from scraper.extract import fields
from scraper.extract.attachments import unique_by_url
from scraper.extract.bounds import TIME_BUDGET, capped_attributes, capped_body
from scraper.extract.clean import REPLACEMENT, clean_markup, clean_value
from scraper.extract.context import PageContext
from scraper.extract.decode import decode_html
from scraper.extract.errors import ExtractionError, NoArticleFound
from scraper.extract.items import ARTICLE_FIELDS
from scraper.extract.meta import meta_content
from scraper.extract.notes import collecting
from scraper.extract.page import utc_iso
from scraper.extract.topics import revitalisation
from scraper.extract.urls import split_url
from scraper.sites import site_for_url

logger = logging.getLogger(__name__)

# Fields the site layer always finds on its own pages; a miss means the
# markup changed, so it is reported (warning + fallback stat) even when a
# lower layer saved the value.
SITE_ALWAYS_FINDS = ("title", "published_at", "body_text")
MACHINE_LAYERS = ("meta", "jsonld", "time")
HTML_TAG = re.compile(r"<(?:!doctype|[a-z][a-z0-9]*)[\s/>]", re.IGNORECASE)
SUBSTANTIAL_BODY_CHARS = 200
MAX_SECTION_LABEL = 40
# Always extracted, whatever the time budget: without them there is no article.
REQUIRED_FIELDS = frozenset({"url", "title", "body_text"})
# Provenance and bookkeeping are not page text; every other field is cleaned.
UNCLEANED_FIELDS = frozenset({"fetched_at", "http_status", "content_sha256", "extraction"})


class Assembly:
    """Runs the layer chains for one page and records which layer answered each field."""

    def __init__(self, context: PageContext):
        self.context = context
        self.layers: dict[str, str] = {}
        self.fallbacks: list[str] = []

    def resolve(self, name: str, chain: Iterable[fields.Layer], default=None):
        """The first layer's answer (None = ask the next layer); '' / [] end the chain as 'none'.

        A layer that raises is reported (field, layer, exception) and the next
        one asked; past the time budget an optional field is skipped, reported.
        """
        if name not in REQUIRED_FIELDS and self.over_budget():
            self.warn(f"time budget of {TIME_BUDGET:g} s spent: skipped {name}")
            return default
        for layer, produce in chain:
            try:
                value = produce()
            except Exception as error:  # noqa: BLE001 - one bad element must not lose the article
                logger.warning("%s: %s layer failed on %s", self.context.url, layer, name, exc_info=True)
                self.context.warnings.append(f"{name}: {layer} layer failed: {type(error).__name__}: {error}")
                continue
            if value is not None:
                self.layers[name] = layer
                return value if value != "" else default
        return default

    def over_budget(self) -> bool:
        return time.monotonic() > self.context.deadline

    def warn(self, message: str) -> None:
        logger.warning("%s: %s", self.context.url, message)
        self.context.warnings.append(message)

    def check_site_layer(self, name: str, expected: bool) -> None:
        """Warn when a known site's own layer missed a field it normally has."""
        if not expected or self.context.site_page is None or self.layers.get(name) == "site":
            return
        used = self.layers.get(name)
        self.warn(f"site layer found no {name}; " + (f"used the {used} layer" if used else "field is empty"))
        self.fallbacks.append(name)


def extract_article(
    body: bytes,
    url: str,
    *,
    headers: Mapping[str, str] | None = None,
    status: int = 200,
    fetched_at: datetime | str | None = None,
) -> dict:
    """The contract item for the page `body` fetched from `url`; raises ExtractionError for non-articles.

    `fetched_at` defaults to now; an ISO string (as the archive stores it) is accepted for re-extraction.
    Hostile input costs at most the bounds in `bounds.py`; a bad element is dropped with a warning.
    """
    if split_url(url) is None:
        raise ExtractionError(f"malformed page URL {url!r}")
    warnings: list[str] = []
    with collecting(warnings):
        text, encoding = decode_html(capped_body(body), headers)
        keep_replacement = REPLACEMENT in text  # decoding never adds one: the page has it
        now = datetime.now(UTC)
        tree = parse_html(capped_attributes(clean_markup(text)))
        context = PageContext(
            tree=tree,
            url=url,
            site=site_for_url(url),
            headers=dict(headers or {}),
            now=now,
            warnings=warnings,
            deadline=time.monotonic() + TIME_BUDGET,
        )
        assembly = Assembly(context)
        item = {
            name: value if name in UNCLEANED_FIELDS else clean_value(value, keep_replacement=keep_replacement)
            for name, value in content_fields(assembly).items()
        }
    if reason := not_article_like(text, item):
        raise NoArticleFound(reason)
    if not item["title"] and not item["body_text"]:
        raise ExtractionError("no title and no body text: not an HTML article")
    item.update(provenance(body, status, fetched_at or now))
    item["extraction"] = {
        "fields": assembly.layers,
        "warnings": context.warnings,
        "fallbacks": assembly.fallbacks,
        "encoding": encoding,
    }
    return {name: item.get(name) for name in ARTICLE_FIELDS}


def not_article_like(text: str, item: dict) -> str | None:
    """Why the page is no article, or None when it is article-like.

    Article-like means: the input is HTML (it has at least one tag), shows
    some text, and has a title candidate or a body of substance (at least
    SUBSTANTIAL_BODY_CHARS characters). A short page with a heading and two
    sentences is an article; a plain text file, or a bare line of markup
    with neither title nor substance, is not.
    """
    if not HTML_TAG.search(text):
        return "plain text, no HTML markup"
    if not item["title"] and len(item["body_text"] or "") < SUBSTANTIAL_BODY_CHARS:
        return "no title and no body text of substance" if item["body_text"] else "no title and no body text"
    return None


def parse_html(text: str) -> html.HtmlElement:
    try:
        return html.document_fromstring(text)
    except ValueError:  # lxml refuses str input that carries an XML encoding declaration
        return html.document_fromstring(text.encode("utf-8"), parser=html.HTMLParser(encoding="utf-8"))
    except etree.ParserError as error:
        raise ExtractionError(f"not parseable as HTML: {error}") from error


def content_fields(assembly: Assembly) -> dict:
    context, resolve = assembly.context, assembly.resolve
    item: dict = {}
    item["url"] = resolve("url", fields.url_chain(context))
    item["id"], assembly.layers["id"] = fields.item_id(context, item["url"])
    if context.site:
        item["site"], item["city"] = context.site.name, context.site.city
        assembly.layers["site"] = assembly.layers["city"] = "config"
    item["title"] = resolve("title", fields.title_chain(context))
    item["subtitle"] = resolve("subtitle", [("site", fields.site_layer(context, lambda page: page.subtitle()))])
    item["body_text"], item["body_html"] = resolve(
        "body_text",
        [
            ("site", lambda: context.body_from(context.site_page.body_containers() if context.site_page else None)),
            ("generic", lambda: context.body_from(context.generic.body_containers())),
            ("generic", context.trafilatura_body),
        ],
        default=(None, None),
    )
    item["tags"] = resolve("tags", fields.tags_chain(context), default=[])
    item["body_text"] = without_headings(item["body_text"], item["title"], item["tags"])
    if "body_text" in assembly.layers:
        assembly.layers["body_html"] = assembly.layers["body_text"]
    item["lead"] = resolve(
        "lead",
        [
            ("site", fields.site_layer(context, lambda page: page.lead())),
            ("generic", lambda: first_paragraph(item["body_text"])),
            ("meta", lambda: meta_content(context.tree, "og:description", "description")),
        ],
    )
    item["published_at"] = resolve("published_at", fields.published_chain(context))
    item["modified_at"] = resolve("modified_at", fields.modified_chain(context))
    if unchanged_since_publication(item, assembly.layers):
        item["modified_at"] = None
        del assembly.layers["modified_at"]
    item["author"] = resolve("author", fields.person_chain(context, "author"))
    item["modified_by"] = resolve("modified_by", fields.person_chain(context, "modified_by"))
    item["publisher"] = resolve("publisher", fields.publisher_chain(context))
    item["attachments"] = unique_by_url(
        with_url(
            resolve(
                "attachments",
                [
                    ("site", fields.site_layer(context, lambda page: page.attachments())),
                    ("generic", context.generic.attachments),
                ],
                default=[],
            )
        )
    )
    item["images"] = unique_by_url(
        with_url(
            resolve(
                "images",
                [("site", fields.site_layer(context, lambda page: page.images())), ("generic", context.generic.images)],
                default=[],
            )
        )
    )
    article_text = "\n".join(filter(None, (item["title"], item["subtitle"], item["lead"], item["body_text"])))
    item["language"] = resolve("language", fields.language_chain(context, article_text))
    whole_site = bool(context.site and context.site.all_revitalisation)
    item["revitalisation"], item["topics"] = revitalisation(article_text, whole_site_is_revitalisation=whole_site)
    assembly.layers["revitalisation"] = assembly.layers["topics"] = "config" if whole_site else "generic"
    for name in fields_to_check(assembly):
        assembly.check_site_layer(name, expected=True)
    return item


def with_url(links: list[dict]) -> list[dict]:
    """Attachments or images whose link could be resolved (malformed ones were reported as they were met)."""
    return [link for link in links if link["url"] is not None]


def unchanged_since_publication(item: dict, layers: dict[str, str]) -> bool:
    """Machine metadata often repeats the publication time as dateModified; that is no modification."""
    return (
        item["modified_at"] is not None
        and item["modified_at"] == item["published_at"]
        and layers.get("modified_at") in MACHINE_LAYERS
    )


def fields_to_check(assembly: Assembly) -> list[str]:
    """Always-found fields, plus author whenever the site layer missed it but the page shows its label."""
    # Rendering the whole page for its labels is optional work: not past the time budget.
    author_missed = assembly.layers.get("author") != "site" and not assembly.over_budget()
    has_author_label = author_missed and "author" in assembly.context.page_labels
    return [*SITE_ALWAYS_FINDS, *(["author"] if has_author_label else [])]


def without_headings(text: str | None, title: str | None, tags: list[str]) -> str | None:
    """Generic containers can hold the title, bare tag lines ('FFW') and, above the title, short section
    labels ('Aktualności', 'News'); none of them is body text."""
    if not text:
        return text
    paragraphs = text.split("\n\n")
    flat = [" ".join(paragraph.split()) for paragraph in paragraphs]
    start = flat.index(title) if title in flat else 0
    if any(len(label) > MAX_SECTION_LABEL for label in flat[:start]):
        start = 0
    repeated = {title, *tags}
    kept = [paragraph for paragraph, line in zip(paragraphs[start:], flat[start:]) if line not in repeated]
    return "\n\n".join(kept) or None


def first_paragraph(text: str | None) -> str | None:
    """The lead convention for pages without a marked lead: the body's first paragraph, on one line."""
    if not text:
        return None
    return " ".join(text.split("\n\n", 1)[0].split()) or None


def provenance(body: bytes, status: int, fetched_at: datetime | str) -> dict:
    return {
        "fetched_at": utc_iso(fetched_at),
        "http_status": status,
        "content_sha256": hashlib.sha256(body).hexdigest(),
    }
