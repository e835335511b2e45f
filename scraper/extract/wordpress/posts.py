"""One REST API post (`/wp/v2/posts?_embed`) plus its attached media to the contract item.

Follows the documented post schema: `id`, `link`, `title.rendered`,
`content.rendered`, `excerpt.rendered`, `date_gmt`/`modified_gmt` (UTC,
no offset), and under `_embedded`: `author` (users), `wp:featuredmedia`
(attachments) and `wp:term` (one list per taxonomy: categories, tags).
Error policy: a post without `id` or `link` raises PostError (it cannot be
archived); any other missing or malformed field is a warning in
`extraction.warnings` and an empty field, never a crash.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from scraper.extract.attachments import attachment, unique_by_url
from scraper.extract.dates import to_iso_warsaw
from scraper.extract.wordpress.content import (
    content_fields,
    excerpt_lead,
    finished_item,
    first_paragraph,
    rendered_text,
    site_fields,
)
from scraper.sites import Site, site_for_url

TAG_TAXONOMY = "post_tag"


class PostError(ValueError):
    """A post the archive cannot take (no id or no link)."""


def gmt_to_warsaw(value, field: str, warnings: list[str]) -> str | None:
    """`2024-03-05T09:30:00` (UTC, as `*_gmt` fields are) -> ISO with the Europe/Warsaw offset."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(str(value)).replace(tzinfo=UTC)
    except ValueError:
        warnings.append(f"{field}: not an ISO date {value!r}")
        return None
    return to_iso_warsaw(moment)


def rendered(post: dict, key: str) -> str | None:
    """`post[key]["rendered"]`, tolerating a missing key or a bare string."""
    value = post.get(key)
    if isinstance(value, dict):
        value = value.get("rendered")
    return value if isinstance(value, str) else None


def embedded(post: dict, key: str) -> list:
    value = (post.get("_embedded") or {}).get(key)
    return value if isinstance(value, list) else []


def author_name(post: dict) -> str | None:
    """The embedded author's display name (an error object when the user is hidden gives None)."""
    authors = [entry for entry in embedded(post, "author") if isinstance(entry, dict) and entry.get("name")]
    return " ".join(authors[0]["name"].split()) if authors else None


def term_names(post: dict, taxonomy: str) -> list[str]:
    """Names of the embedded terms of one taxonomy, in the API's order."""
    names = [
        rendered_text(term.get("name"))
        for group in embedded(post, "wp:term")
        if isinstance(group, list)
        for term in group
        if isinstance(term, dict) and term.get("taxonomy") == taxonomy
    ]
    return list(dict.fromkeys(name for name in names if name))


def media_entries(media: list[dict], base_url: str) -> tuple[list[dict], list[dict]]:
    """(attachments, images) from media objects: images with their caption, other files as attachments."""
    attachments, images = [], []
    for entry in media:
        url = entry.get("source_url") if isinstance(entry, dict) else None
        if not url:
            continue
        if entry.get("media_type") == "image":
            images.append({"url": url, "caption": rendered_text(rendered(entry, "caption")), "credit": None})
        else:
            size = (entry.get("media_details") or {}).get("filesize")
            attachments.append(
                attachment(
                    url,
                    base_url,
                    title=rendered_text(rendered(entry, "title")),
                    size_bytes=size if isinstance(size, int) else None,
                )
            )
    return attachments, images


def post_item(
    post: dict, site: Site, *, media: list[dict] = (), fetched_at: datetime | str | None = None, status: int = 200
) -> dict:
    """The contract item for `post`; `media` are its `wp:attachment` media objects (`/wp/v2/media?parent=`)."""
    if not isinstance(post, dict) or not post.get("id") or not post.get("link"):
        raise PostError("post without id or link")
    warnings: list[str] = []
    for key in ("title", "content", "date_gmt"):
        if not post.get(key):
            warnings.append(f"post {post['id']} has no {key}")
    item = site_fields(site, post["id"], post["link"])
    item["title"] = rendered_text(rendered(post, "title"))
    item.update(content_fields(rendered(post, "content"), post["link"]))
    item["lead"] = excerpt_lead(rendered(post, "excerpt"), item["body_text"]) or first_paragraph(item["body_text"])
    item["published_at"] = gmt_to_warsaw(post.get("date_gmt"), "date_gmt", warnings)
    modified = gmt_to_warsaw(post.get("modified_gmt"), "modified_gmt", warnings)
    # Never edited: WordPress repeats the publication time as modified_gmt.
    item["modified_at"] = modified if modified != item["published_at"] else None
    item["author"] = author_name(post)
    item["tags"] = term_names(post, TAG_TAXONOMY)
    featured = [entry for entry in embedded(post, "wp:featuredmedia") if isinstance(entry, dict)]
    media_attachments, media_images = media_entries([*featured, *media], post["link"])
    item["attachments"] = unique_by_url([*item["attachments"], *media_attachments])
    item["images"] = unique_by_url([*media_images, *item["images"]])
    return finished_item(
        item, site, post_bytes(post, media), source="api", warnings=warnings, fetched_at=fetched_at, status=status
    )


def post_bytes(post: dict, media: list[dict]) -> bytes:
    """The post and its media as stored in `pages`: canonical JSON, so the same post hashes the same."""
    return json.dumps({"post": post, "media": list(media)}, ensure_ascii=False, sort_keys=True).encode("utf-8")


def is_post_page(headers: dict) -> bool:
    """A stored page holding `post_bytes` (JSON) rather than HTML."""
    return any(
        name.lower() == "content-type" and value.startswith("application/json")
        for name, value in (headers or {}).items()
    )


def extract_post_page(body: bytes, url: str, *, headers=None, status: int = 200, fetched_at=None) -> dict:
    """Re-extraction, with extract_article's signature: the item again from a stored `post_bytes` page."""
    site = site_for_url(url)
    if site is None:
        raise PostError(f"{url} belongs to no known WordPress site")
    stored = json.loads(body)
    return post_item(stored["post"], site, media=stored.get("media") or [], fetched_at=fetched_at, status=status)
