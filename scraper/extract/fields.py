"""Per-field layer chains: which layers can answer each field, best first."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator
from urllib.parse import urlsplit

from scraper.extract.context import PageContext
from scraper.extract.dates import to_iso_warsaw
from scraper.extract.decode import header_value
from scraper.extract.language import declared_language, guess_language
from scraper.extract.meta import jsonld_text, meta_content, time_datetimes
from scraper.extract.selectors import SitePage, select
from scraper.extract.title import Candidate, ranked_titles

# A layer returns None for "no answer here, ask the next layer"; "" or []
# for "answered: there is none" (e.g. an empty 'Opublikował:' label), which
# ends the chain with null / an empty list.
Layer = tuple[str, Callable[[], object]]
Chain = list[Layer]
OPTIONAL_FOOTER_ROLES = frozenset({"modified", "modified_by"})
LAST_NUMBER = re.compile(r"(\d+)(?!.*\d)")


def label_value(labels: dict | None, role: str) -> str | None:
    hit = (labels or {}).get(role)
    return hit.value if hit else None


def site_layer(context: PageContext, field: Callable[[SitePage], object]) -> Callable[[], object]:
    """The site layer of a chain: `field` asked of the site's page object; None for a host with no site layer."""
    return lambda: field(context.site_page) if context.site_page else None


def label_date(context: PageContext, labels: dict | None, role: str) -> str | None:
    return to_iso_warsaw(context.date(label_value(labels, role)))


def site_label(context: PageContext, role: str) -> str | None:
    """The site footer's value for `role`; "" (none) when the footer is there without that line.

    Modification lines are optional on both sites: a footer that shows the
    publication but no modification answers "not modified", so the other
    layers (and a render of the whole page) are not consulted for nothing.
    """
    labels = context.site_labels
    if labels and "published" in labels and role not in labels and role in OPTIONAL_FOOTER_ROLES:
        return ""
    return label_value(labels, role)


def site_label_date(context: PageContext, role: str) -> str | None:
    value = site_label(context, role)
    return value if value == "" else to_iso_warsaw(context.date(value))


def title_chain(context: PageContext) -> Iterator[Layer]:
    """The site layer's title; else the ranked candidates (title.py), each under its own source name.

    A generator: the candidates are only gathered when the site layer found nothing.
    """
    yield "site", site_layer(context, lambda page: page.title())
    for candidate in title_candidates(context):
        yield candidate.source, lambda text=candidate.text: text


def title_candidates(context: PageContext) -> list[Candidate]:
    containers = (context.site_page and context.site_page.body_containers()) or context.generic.body_containers()
    return ranked_titles(
        context.tree, containers[0] if containers else None, context.jsonld, urlsplit(context.url).hostname
    )


def published_chain(context: PageContext) -> Chain:
    return [
        ("site", lambda: site_label_date(context, "published")),
        ("label", lambda: label_date(context, context.page_labels, "published")),
        (
            "meta",
            lambda: to_iso_warsaw(
                context.date(meta_content(context.tree, "article:published_time", "datePublished", "dc.date", "date"))
            ),
        ),
        ("jsonld", lambda: to_iso_warsaw(context.date(jsonld_text(context.jsonld.get("datePublished"))))),
        ("time", lambda: to_iso_warsaw(context.date(published_time_element(context)))),
        ("generic", lambda: to_iso_warsaw(context.date(context.body_date_line()))),
    ]


def modified_chain(context: PageContext) -> Chain:
    return [
        ("site", lambda: site_label_date(context, "modified")),
        ("label", lambda: label_date(context, context.page_labels, "modified")),
        (
            "meta",
            lambda: to_iso_warsaw(
                context.date(meta_content(context.tree, "article:modified_time", "dateModified", "og:updated_time"))
            ),
        ),
        ("jsonld", lambda: to_iso_warsaw(context.date(jsonld_text(context.jsonld.get("dateModified"))))),
        ("time", lambda: to_iso_warsaw(context.date(modified_time_element(context)))),
    ]


def published_time_element(context: PageContext) -> str | None:
    """The <time> marked as publication, else the first <time> not marked as a modification."""
    marked = select(context.tree, "time[itemprop=datePublished][datetime], time.published[datetime]")
    if marked:
        return marked[0].get("datetime")
    modified = modified_time_element(context)
    return next((value for value in time_datetimes(context.tree) if value != modified), None)


def modified_time_element(context: PageContext) -> str | None:
    marked = select(
        context.tree, "time[itemprop=dateModified][datetime], time.updated[datetime], time.modified[datetime]"
    )
    return marked[0].get("datetime") if marked else None


def person_chain(context: PageContext, role: str) -> Chain:
    chain: Chain = [
        ("site", lambda: site_label(context, role)),
        ("label", lambda: label_value(context.page_labels, role)),
    ]
    if role == "author":
        chain += [
            ("meta", lambda: meta_content(context.tree, "author", "article:author", "dc.creator")),
            ("jsonld", lambda: jsonld_text(context.jsonld.get("author"))),
        ]
    return chain


def publisher_chain(context: PageContext) -> Chain:
    return [
        ("config", lambda: context.site.publisher if context.site else None),
        ("jsonld", lambda: jsonld_text(context.jsonld.get("publisher"))),
        ("meta", lambda: meta_content(context.tree, "og:site_name", "publisher", "dc.publisher")),
    ]


def tags_chain(context: PageContext) -> Chain:
    return [
        ("site", site_layer(context, lambda page: page.tags())),
        ("meta", lambda: split_keywords(meta_content(context.tree, "article:tag", "keywords", "news_keywords"))),
        ("jsonld", lambda: split_keywords(jsonld_keywords(context.jsonld.get("keywords")))),
        ("generic", context.generic.tags),
    ]


def jsonld_keywords(value) -> str | None:
    return ", ".join(map(str, value)) if isinstance(value, list) else jsonld_text(value)


def split_keywords(text: str | None) -> list[str] | None:
    names = [name.strip().lstrip("#").strip() for name in (text or "").split(",")]
    return list(dict.fromkeys(name for name in names if name)) or None


def language_chain(context: PageContext, text: str | None) -> Chain:
    return [
        (
            "meta",
            lambda: declared_language(
                context.tree.get("lang"),
                meta_content(context.tree, "og:locale", "content-language"),
                header_value(context.headers, "content-language"),
            ),
        ),
        ("generic", lambda: guess_language(text)),
    ]


def url_chain(context: PageContext) -> Chain:
    return [
        ("config", lambda: site_canonical(context)),
        ("meta", lambda: context.canonical),
        ("url", lambda: context.url),
    ]


def site_canonical(context: PageContext) -> str | None:
    """The page's own <link rel=canonical> when it names the same article, else the fetched URL's.

    The same article is linked under several slugs and host prefixes; the
    page's canonical link is the one stable spelling, so re-fetching through
    another alias does not look like a changed article.
    """
    if not context.site:
        return None
    fetched = context.site.canonical_url(context.url)
    declared = context.site.canonical_url(context.canonical) if context.canonical else None
    if declared and (not fetched or context.site.article_id(declared) == context.site.article_id(fetched)):
        return declared
    return fetched


def item_id(context: PageContext, url: str) -> tuple[str, str]:
    """(id, layer): `<site>:<article id>` for known sites; for unknown hosts `<host>:<last number in
    the path>`, or `<host>:<first 12 hex digits of sha256(url)>` when the path has no number."""
    if context.site and (article_id := context.site.article_id(url)):
        return f"{context.site.name}:{article_id}", "config"
    parts = urlsplit(url)
    number = LAST_NUMBER.search(parts.path)
    key = number.group(1) if number else hashlib.sha256(url.encode("utf-8")).hexdigest()[:12]
    return f"{parts.hostname or 'unknown'}:{key}", "url"
