"""Visible Polish metadata labels ("Opublikował:", "Data publikacji:", "Autor:" ...) found in rendered page lines."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from scraper.sites import declared_labels

# Label text -> the role its value plays. Longer labels first so that
# "Data modyfikacji" is never read as something shorter.
LABEL_ROLES = {
    "Data publikacji": "published",
    "Data utworzenia": "published",
    "Data dodania": "published",
    "Opublikowano": "published",
    "Data modyfikacji": "modified",
    "Data aktualizacji": "modified",
    "Zaktualizowano": "modified",
    "Opublikował": "author",
    "Opublikowała": "author",
    "Autorka": "author",
    "Autor": "author",
    "Zmodyfikował": "modified_by",
    "Zmodyfikowała": "modified_by",
    "Modyfikował": "modified_by",
    "Modyfikowała": "modified_by",
    "Źródło": "source",
}
SEGMENT_SEPARATORS = re.compile(r"\s*[|\t]\s*")
MAX_VALUE_LENGTH = 120


@dataclass(frozen=True)
class Vocabulary:
    """The labels known now: the ones above plus every declared site's own (`[site.labels]` in sites.toml)."""

    at_start: re.Pattern
    inside: re.Pattern
    role_by_lower: dict


@functools.lru_cache(maxsize=8)
def vocabulary(declared: tuple[tuple[str, str], ...] = ()) -> Vocabulary:
    roles = LABEL_ROLES | dict(declared)
    alternatives = "|".join(sorted(map(re.escape, roles), key=len, reverse=True))
    return Vocabulary(
        # A label starts a segment and is followed by a colon, a tab or the segment's end.
        at_start=re.compile(rf"^(?P<label>{alternatives})\s*(?::|$)\s*(?P<value>.*)$", re.IGNORECASE),
        # A "Label:" inside running text splits the segment ("Jan Kowalski Data publikacji: ...").
        inside=re.compile(rf"\s(?=(?:{alternatives})\s*:)", re.IGNORECASE),
        role_by_lower={label.casefold(): role for label, role in roles.items()},
    )


def current_vocabulary() -> Vocabulary:
    return vocabulary(declared_labels())


@dataclass(frozen=True)
class LabelHit:
    """One label found on the page: its role, the label as written and its value ("" when empty)."""

    role: str
    label: str
    value: str


def find_labels(lines: list[str]) -> dict[str, LabelHit]:
    """The first hit per role; a label with an empty value still counts as present."""
    hits: dict[str, LabelHit] = {}
    for index, line in enumerate(lines):
        for hit in line_hits(line, lines[index + 1] if index + 1 < len(lines) else None):
            hits.setdefault(hit.role, hit)
    return hits


def line_hits(line: str, next_line: str | None) -> list[LabelHit]:
    """Labels on one line; a label alone at the end of its line takes the next line as value."""
    words = current_vocabulary()
    segments = [part for chunk in SEGMENT_SEPARATORS.split(line) for part in words.inside.split(chunk)]
    segments = [segment.strip() for segment in segments]
    hits = []
    index = 0
    while index < len(segments):
        match = words.at_start.match(segments[index])
        index += 1
        if not match:
            continue
        value = match.group("value").strip()
        if not value and index < len(segments) and not is_label(segments[index]):
            value = segments[index]
            index += 1
        elif not value and index == len(segments) and next_line and not is_label(next_line):
            value = next_line.strip()
        label = match.group("label")
        hits.append(LabelHit(words.role_by_lower[label.casefold()], label, clip(value)))
    return hits


def is_label(text: str) -> bool:
    return bool(current_vocabulary().at_start.match(text.strip()))


def clip(value: str) -> str:
    """Values are short (a name, a date); anything longer is running text, not a label value."""
    return value if len(value) <= MAX_VALUE_LENGTH else ""


def is_metadata_line(line: str) -> bool:
    """True for a footer line made of labels only (kept out of body_text)."""
    inside = current_vocabulary().inside
    segments = [part for chunk in SEGMENT_SEPARATORS.split(line.strip()) for part in inside.split(chunk)]
    return bool(segments) and is_label(segments[0].strip())
