"""Pure conversions between article items and archive rows, and the content hash."""

from __future__ import annotations

import hashlib
import json

from scraper.archive.search import search_columns
from scraper.extract.items import ARTICLE_FIELDS, ATTACHMENT_FIELDS, CONTENT_FIELDS, IMAGE_FIELDS

# Item fields that live in tables of their own rather than on the article row.
CHILD_FIELDS = ("tags", "attachments", "images")
JSON_FIELDS = ("topics", "extraction")
SCALAR_FIELDS = tuple(field for field in ARTICLE_FIELDS if field not in CHILD_FIELDS)


def canonical_json(value) -> str:
    """JSON with sorted keys and no whitespace: equal values give equal text."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def content_of(item: dict) -> dict:
    """The article's content: the item restricted to CONTENT_FIELDS (missing ones null)."""
    return {field: item.get(field) for field in CONTENT_FIELDS}


def content_hash(item: dict) -> str:
    """sha256 of the canonical JSON of the item's content fields."""
    return hashlib.sha256(canonical_json(content_of(item)).encode("utf-8")).hexdigest()


def _scalar(field: str, value):
    if value is None:
        return None
    if field in JSON_FIELDS:
        return canonical_json(value)
    if field == "revitalisation":
        return int(bool(value))
    if field == "http_status":
        return int(value)
    return value


def article_row(item: dict) -> dict:
    """The `articles` columns that come straight from the item, plus its search index columns."""
    row = {field: _scalar(field, item.get(field)) for field in SCALAR_FIELDS}
    row.update(search_columns(item))
    return row


def attachment_rows(article_id: str, attachments: list[dict] | None) -> list[dict]:
    """`attachments` rows in page order; the id is stable per article and position."""
    return [
        {
            "id": f"{article_id}:{position}",
            "article_id": article_id,
            "position": position,
            **{field: attachment.get(field) for field in ATTACHMENT_FIELDS},
        }
        for position, attachment in enumerate(attachments or [])
    ]


def image_rows(article_id: str, images: list[dict] | None) -> list[dict]:
    """`images` rows in page order."""
    return [
        {
            "id": f"{article_id}:{position}",
            "article_id": article_id,
            "position": position,
            **{field: image.get(field) for field in IMAGE_FIELDS},
        }
        for position, image in enumerate(images or [])
    ]


def item_from_row(row: dict, tags: list[str], attachments: list[dict], images: list[dict]) -> dict:
    """The contract item shape rebuilt from an `articles` row and its children."""
    item = {}
    for field in ARTICLE_FIELDS:
        if field == "tags":
            item[field] = tags
        elif field == "attachments":
            item[field] = [{key: attachment[key] for key in ATTACHMENT_FIELDS} for attachment in attachments]
        elif field == "images":
            item[field] = [{key: image[key] for key in IMAGE_FIELDS} for image in images]
        else:
            item[field] = _from_column(field, row.get(field))
    return item


def _from_column(field: str, value):
    if value is None:
        return None
    if field in JSON_FIELDS:
        return json.loads(value)
    if field == "revitalisation":
        return bool(value)
    return value
