"""Search snippets: a few words of an article around its first Polish-aware match."""

from __future__ import annotations

import functools
import itertools
import re

from scraper.archive.search import index_text, match_expression

SNIPPET_WORDS = 12
SNIPPET_MARK = "**"
# A body with no hit this early is shown from its opening.
MAX_SCANNED_WORDS = 5000
WORD = re.compile(r"\w+")
MATCH_TERM = re.compile(r'"((?:[^"]|"")*)"(\*?)')


@functools.lru_cache(maxsize=1024)
def match_terms(query: str) -> tuple[tuple[str, bool], ...]:
    """(term, is_prefix) read back out of the MATCH expression, so snippets mark what the index matched."""
    return tuple((term.replace('""', '"'), star == "*") for term, star in MATCH_TERM.findall(match_expression(query)))


@functools.lru_cache(maxsize=200_000)
def word_tokens(word: str) -> tuple[str, ...]:
    return tuple((index_text(word) or "").split())


@functools.lru_cache(maxsize=500_000)
def is_hit(word: str, terms: tuple[tuple[str, bool], ...]) -> bool:
    # Cached per (word, query): result pages repeat the same words many times.
    return any(
        token.startswith(term) if prefix else token == term for token in word_tokens(word) for term, prefix in terms
    )


def has_hit(text: str | None, query: str) -> bool:
    """Does any word of `text` match `query` as the index matches it?"""
    terms = match_terms(query)
    return any(is_hit(match.group(), terms) for match in WORD.finditer(text or ""))


def snippet(text: str | None, query: str | None) -> str | None:
    """A few words of `text` around its first match for `query`, matches marked **like this**.

    Reads the text only up to the end of the window: a search page asks this
    for every result, and whole-body scans made it the search's biggest cost.
    """
    if not text or not query:
        return None
    terms = match_terms(query)
    found = WORD.finditer(text)
    words, first = [], 0  # no hit in the body (the title or lead matched): show the opening
    for index, match in enumerate(itertools.islice(found, MAX_SCANNED_WORDS)):
        words.append(match)
        if is_hit(match.group(), terms):
            first = index
            break
    # The window, plus one word that tells whether the text goes on after it.
    words.extend(itertools.islice(found, max(first + SNIPPET_WORDS + 1 - len(words), 0)))
    if not words:
        return None
    start = max(first - SNIPPET_WORDS // 2, 0)
    window = words[start : first + SNIPPET_WORDS]
    text_goes_on = len(words) > first + SNIPPET_WORDS
    begin = 0 if start == 0 else window[0].start()
    end = window[-1].end() if text_goes_on else len(text)
    parts, position = [], begin
    for word in window:
        parts.append(text[position : word.start()])
        parts.append(f"{SNIPPET_MARK}{word.group()}{SNIPPET_MARK}" if is_hit(word.group(), terms) else word.group())
        position = word.end()
    parts.append(text[position:end])
    return ("…" if begin > 0 else "") + " ".join("".join(parts).split()) + ("…" if text_goes_on else "")
