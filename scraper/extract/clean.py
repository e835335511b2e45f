"""One text policy for every field: no C0/C1 controls, lone surrogates or replacement characters the page lacked."""

from __future__ import annotations

import re

# C0 controls except tab, newline and carriage return, DEL, C1 controls and
# lone surrogates: never text, and lxml truncates a string at a surrogate.
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def clean_markup(text: str) -> str:
    """Decoded page text fit for the parser: control characters and lone surrogates dropped."""
    return CONTROLS.sub("", text)


def clean_text(text: str, *, keep_replacement: bool) -> str:
    """A field's text without controls (tab and newline stay; CR becomes a newline) and, unless the
    page itself held one, without U+FFFD (the parser makes it of `&#0;`, `&#xD800;` and the like)."""
    text = CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text if keep_replacement else text.replace(REPLACEMENT, "")


def clean_value(value, *, keep_replacement: bool):
    """`clean_text` applied to every string in a field value (lists and dicts walked; other values kept)."""
    if isinstance(value, str):
        return clean_text(value, keep_replacement=keep_replacement) or None
    if isinstance(value, list):  # a tag that was nothing but controls is no tag
        return [
            cleaned for entry in value if (cleaned := clean_value(entry, keep_replacement=keep_replacement)) is not None
        ]
    if isinstance(value, dict):
        return {key: clean_value(entry, keep_replacement=keep_replacement) for key, entry in value.items()}
    return value
