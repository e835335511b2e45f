"""Word-level differences between two texts, as HTML with <del> and <ins> (difflib over lines, then words)."""

from __future__ import annotations

import difflib
import re

from markupsafe import Markup, escape

# Each word or punctuation mark with the whitespace before it: joined back they
# are the text itself. Separate whitespace tokens (thousands of identical " ")
# make difflib's junk heuristics go quadratic on a long body.
TOKEN = re.compile(r"\s*\w+|\s*[^\w\s]|\s+")
LINE = re.compile(r"[^\n]*\n|[^\n]+")


def tokens(text: str | None) -> list[str]:
    """`text` cut into words and punctuation marks, each with the whitespace before it; None has no tokens."""
    return TOKEN.findall(text or "")


def _marked(before: list[str], after: list[str]) -> list[Markup]:
    """`after` with the runs removed from `before` in <del> and the runs added in <ins>, all escaped."""
    pieces = []
    for operation, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if operation == "equal":
            pieces.append(escape("".join(after[j1:j2])))
            continue
        if i2 > i1:
            pieces.append(Markup("<del>{}</del>").format("".join(before[i1:i2])))
        if j2 > j1:
            pieces.append(Markup("<ins>{}</ins>").format("".join(after[j1:j2])))
    return pieces


def word_diff(old: str | None, new: str | None) -> Markup:
    """`new` as HTML with the words removed from `old` in <del> and the words added in <ins>; all text escaped.

    Lines are matched first and only changed lines are compared word by word,
    so a small edit to a long body stays fast.
    """
    before, after = LINE.findall(old or ""), LINE.findall(new or "")
    pieces = []
    for operation, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if operation == "equal":
            pieces.append(escape("".join(after[j1:j2])))
        else:
            pieces += _marked(tokens("".join(before[i1:i2])), tokens("".join(after[j1:j2])))
    return Markup("").join(pieces)
