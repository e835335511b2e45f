"""Word-level differences between two texts, as HTML with <del> and <ins> (difflib over word tokens)."""

from __future__ import annotations

import difflib
import re

from markupsafe import Markup, escape

# Words, runs of whitespace and single punctuation marks: joined back they are the text itself.
TOKEN = re.compile(r"\w+|\s+|[^\w\s]")


def tokens(text: str | None) -> list[str]:
    """`text` cut into words, whitespace and punctuation; None has no tokens."""
    return TOKEN.findall(text or "")


def word_diff(old: str | None, new: str | None) -> Markup:
    """`new` as HTML with the words removed from `old` in <del> and the words added in <ins>; all text escaped."""
    before, after = tokens(old), tokens(new)
    pieces = []
    for operation, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if operation == "equal":
            pieces.append(escape("".join(after[j1:j2])))
            continue
        if i2 > i1:
            pieces.append(Markup("<del>{}</del>").format("".join(before[i1:i2])))
        if j2 > j1:
            pieces.append(Markup("<ins>{}</ins>").format("".join(after[j1:j2])))
    return Markup("").join(pieces)
