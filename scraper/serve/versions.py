"""An article's versions compared field by field: what changed between consecutive versions, in Polish."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from markupsafe import Markup

from scraper.serve.polish_dates import polish_datetime
from scraper.serve.worddiff import word_diff

# The fields a reader compares, in reading order, with their Polish names.
TEXT_FIELDS = {"title": "tytuł", "subtitle": "podtytuł", "lead": "lead", "body_text": "treść", "author": "autor"}
DATE_FIELDS = {"published_at": "data publikacji", "modified_at": "data modyfikacji"}
ATTACHMENTS_LABEL = "załączniki"
# A new version whose compared fields are all equal changed something else (markup, tags, images, topics).
OTHER_LABEL = "inne pola"
NO_DATE = "brak"


@dataclass(frozen=True)
class Change:
    """One field that differs between two versions: its key, Polish label and the difference as HTML."""

    field: str
    label: str
    html: Markup


@dataclass(frozen=True)
class Version:
    """One stored version of an article, with what changed since the one before (nothing for the first)."""

    number: int
    first_seen_at: str | None
    superseded_at: str | None
    changes: list[Change] = field(default_factory=list)


def _said_date(value: str | None) -> str:
    if value is None:
        return NO_DATE
    try:
        return polish_datetime(value)
    except ValueError:
        return value


def _attachment_name(attachment: dict) -> str:
    return attachment.get("title") or attachment.get("filename") or attachment.get("url") or "?"


def attachments_added_removed(previous: dict, current: dict) -> tuple[list[dict], list[dict]]:
    """(attachments of `current` whose URL `previous` lacks, those of `previous` that `current` lacks), in page order."""
    before = {attachment.get("url") for attachment in previous.get("attachments") or []}
    after = {attachment.get("url") for attachment in current.get("attachments") or []}
    added = [attachment for attachment in current.get("attachments") or [] if attachment.get("url") not in before]
    removed = [attachment for attachment in previous.get("attachments") or [] if attachment.get("url") not in after]
    return added, removed


def _attachments_html(added: list[dict], removed: list[dict]) -> Markup:
    items = [Markup("<li><ins>dodano: {}</ins></li>").format(_attachment_name(a)) for a in added]
    items += [Markup("<li><del>usunięto: {}</del></li>").format(_attachment_name(a)) for a in removed]
    return Markup('<ul class="kronika-attachment-changes">{}</ul>').format(Markup("").join(items))


def changes(previous: dict, current: dict) -> list[Change]:
    """The compared fields that differ from `previous` to `current` (two article items), in reading order."""
    found = [
        Change(name, label, word_diff(previous.get(name), current.get(name)))
        for name, label in TEXT_FIELDS.items()
        if previous.get(name) != current.get(name)
    ]
    found += [
        Change(name, label, word_diff(_said_date(previous.get(name)), _said_date(current.get(name))))
        for name, label in DATE_FIELDS.items()
        if previous.get(name) != current.get(name)
    ]
    added, removed = attachments_added_removed(previous, current)
    if added or removed:
        found.append(Change("attachments", ATTACHMENTS_LABEL, _attachments_html(added, removed)))
    return found


def changed_labels(previous_json: str | None, current_json: str | None) -> str | None:
    """The Polish names of the fields changed between two item JSONs ("tytuł, treść"); None without a previous one.

    The `kronika_changes(previous_item, item)` SQL function of the quiet-edits query.
    """
    if previous_json is None or current_json is None:
        return None
    labels = [change.label for change in changes(json.loads(previous_json), json.loads(current_json))]
    return ", ".join(labels) or OTHER_LABEL


def versions(rows: list[dict]) -> list[Version]:
    """`article_versions` rows (version, first_seen_at, superseded_at, item JSON), oldest first, each compared with the one before."""
    found, previous = [], None
    for row in sorted(rows, key=lambda row: row["version"]):
        item = json.loads(row["item"])
        found.append(
            Version(
                row["version"],
                row["first_seen_at"],
                row["superseded_at"],
                changes(previous, item) if previous is not None else [],
            )
        )
        previous = item
    return found
