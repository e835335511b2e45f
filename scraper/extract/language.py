"""The article's language: declared (<html lang>, og:locale, Content-Language), else a stopword vote among pl/en/de."""

from __future__ import annotations

import re

LANGUAGES = ("pl", "en", "de")
STOPWORDS = {
    "pl": frozenset("i w na z się nie do że jest to o od po dla przez oraz jak ich ze są także który która".split()),
    "en": frozenset("the and of to in is for on that with are was by this from at as be an".split()),
    "de": frozenset("der die das und ist nicht mit den von zu im für auf dem ein eine des sich auch".split()),
}
WORD = re.compile(r"[^\W\d_]+")
MIN_VOTES = 3


def declared_language(*declarations: str | None) -> str | None:
    """The first declaration naming pl, en or de ('pl-PL', 'pl_PL', 'en' ...)."""
    for declaration in declarations:
        code = (declaration or "").strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return None


def guess_language(text: str | None) -> str | None:
    """Which of pl/en/de has the most stopwords in `text`; None below a few votes."""
    words = WORD.findall((text or "").lower())
    votes = {language: sum(1 for word in words if word in stopwords) for language, stopwords in STOPWORDS.items()}
    language, count = max(votes.items(), key=lambda entry: entry[1])
    return language if count >= MIN_VOTES else None
