"""Machine-readable metadata: <meta> tags, JSON-LD objects and <time datetime> elements."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

from lxml import html

from scraper.extract.notes import page_warning

logger = logging.getLogger(__name__)

ARTICLE_TYPES = frozenset({"article", "newsarticle", "blogposting", "reportagenewsarticle", "webpage"})
# Real JSON-LD nests a handful of levels (graph > article > author > address);
# thousands of levels overflow json's recursion and every walk over the data.
MAX_JSONLD_DEPTH = 32


def meta_content(tree: html.HtmlElement, *names: str) -> str | None:
    """The first non-empty content of <meta name|property|itemprop|http-equiv=...> for `names`, in order."""
    wanted = [name.lower() for name in names]
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (
            (
                element.get("property")
                or element.get("name")
                or element.get("itemprop")
                or element.get("http-equiv")
                or ""
            )
            .strip()
            .lower()
        )
        content = " ".join((element.get("content") or "").split())
        if key in wanted and content and key not in found:
            found[key] = content
    return next((found[name] for name in wanted if name in found), None)


def jsonld_objects(tree: html.HtmlElement) -> list[dict]:
    """Every JSON-LD object on the page, @graph members flattened.

    Invalid blocks are skipped with a log line; blocks nested deeper than
    MAX_JSONLD_DEPTH are skipped with a page warning.
    """
    objects: list[dict] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except RecursionError:
            page_warning(f"skipped JSON-LD nested deeper than Python's recursion limit (> {MAX_JSONLD_DEPTH})")
            continue
        except ValueError as error:
            logger.info("skipping invalid JSON-LD: %s", error)
            continue
        if nesting_depth(data) > MAX_JSONLD_DEPTH:
            page_warning(f"skipped JSON-LD nested deeper than {MAX_JSONLD_DEPTH} levels")
            continue
        objects.extend(flatten_jsonld(data))
    return objects


def nesting_depth(data) -> int:
    """How many lists/objects deep `data` goes, walked without recursion."""
    deepest, pending = 0, [(data, 1)]
    while pending:
        value, depth = pending.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
        if children is None:
            continue
        deepest = max(deepest, depth)
        if deepest > MAX_JSONLD_DEPTH:
            return deepest
        pending.extend((child, depth + 1) for child in children)
    return deepest


def flatten_jsonld(data) -> Iterator[dict]:
    if isinstance(data, list):
        for entry in data:
            yield from flatten_jsonld(entry)
    elif isinstance(data, dict):
        yield data
        yield from flatten_jsonld(data.get("@graph", []))


def jsonld_article(tree: html.HtmlElement) -> dict:
    """The JSON-LD object describing the article (by @type), else the first object, else {}."""
    objects = jsonld_objects(tree)
    for obj in objects:
        types = obj.get("@type", [])
        types = types if isinstance(types, list) else [types]
        if any(str(kind).lower() in ARTICLE_TYPES for kind in types):
            return obj
    return objects[0] if objects else {}


def jsonld_text(value) -> str | None:
    """A JSON-LD value as text: strings as they are, objects by `name`, lists by their first usable entry."""
    if isinstance(value, list):
        return next((text for entry in value if (text := jsonld_text(entry))), None)
    if isinstance(value, dict):
        return jsonld_text(value.get("name"))
    if isinstance(value, str):
        return " ".join(value.split()) or None
    return None


def time_datetimes(element: html.HtmlElement) -> list[str]:
    """datetime attributes of <time> elements, in page order."""
    return [value.strip() for time in element.iter("time") if (value := time.get("datetime")) and value.strip()]


def canonical_link(tree: html.HtmlElement) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return link.get("href").strip()
    return None
