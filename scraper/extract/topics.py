"""Revitalisation relevance: Polish terms (generic, plus each declared site's own) matched in any inflected form."""

from __future__ import annotations

import re

from scraper.sites import topic_terms

# (canonical term, pattern over case-folded text). Stems cover the
# inflection ("rewitalizacji", "rewitalizacyjny" ...). Deliberately absent:
# "ożywienie" (mostly "ożywienie gospodarcze" — economic recovery, not
# revitalisation) and "odnowa" alone (any renovation).
TOPIC_PATTERNS = (
    ("rewitalizacja", re.compile(r"\b(?:rewitaliz|revitali[sz])\w*")),  # also en/de pages
    ("obszar rewitalizacji", re.compile(r"\bobszar(?:ze|u|ach|ami|om|y|ów)?\s+rewitalizacji\b")),
    ("gminny program rewitalizacji", re.compile(r"\bgminn\w*\s+program\w*\s+rewitalizacji\b")),
    ("lokalny program rewitalizacji", re.compile(r"\blokaln\w*\s+program\w*\s+rewitalizacji\b")),
    ("komitet rewitalizacji", re.compile(r"\bkomitet\w*\s+rewitalizacji\b")),
    ("centrum sąsiedzkie", re.compile(r"\bcentr(?:um|a|ów|ach|ami|om)\s+sąsiedzk\w*")),
    ("dom sąsiedzki", re.compile(r"\bdom(?:u|owi|em|ie|y|ów|om|ami|ach)?\s+sąsiedzk\w*")),
    ("organizowanie społeczności", re.compile(r"\borganizowani\w*\s+społeczn\w*")),
)
# A literal every match of the pattern contains: a substring test rules most
# texts out at C speed before the regex scans them.
REQUIRED_LITERALS = {
    "rewitalizacja": ("rewitaliz", "revitali"),
    "obszar rewitalizacji": ("rewitalizacji",),
    "gminny program rewitalizacji": ("rewitalizacji",),
    "lokalny program rewitalizacji": ("rewitalizacji",),
    "komitet rewitalizacji": ("rewitalizacji",),
    "centrum sąsiedzkie": ("sąsiedzk",),
    "dom sąsiedzki": ("sąsiedzk",),
    "organizowanie społeczności": ("organizowani",),
}


def match_topics(text: str | None) -> list[str]:
    """Canonical names of the terms found in `text`, sorted."""
    if not text:
        return []
    folded = text.casefold()
    found = {
        name
        for name, pattern in TOPIC_PATTERNS
        if any(literal in folded for literal in REQUIRED_LITERALS[name]) and pattern.search(folded)
    }
    for term in topic_terms():
        # A case-sensitive term (a proper name whose lower-case form is a common word) reads the original text.
        haystack = text if term.case_sensitive else folded
        if (term.literal is None or term.literal in haystack) and term.pattern.search(haystack):
            found.add(term.name)
    return sorted(found)


def revitalisation(text: str | None, *, whole_site_is_revitalisation: bool = False) -> tuple[bool, list[str]]:
    """(is_revitalisation, topics); a site section that is all revitalisation news is always true."""
    topics = match_topics(text)
    return whole_site_is_revitalisation or bool(topics), topics
