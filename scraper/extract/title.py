"""The title layer for markup the site selectors do not know: candidates gathered once, ranked by agreement."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from lxml import html

from scraper.extract.labels import is_label
from scraper.extract.meta import jsonld_text, meta_content
from scraper.extract.textlines import render_words
from scraper.sites import SITES

HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
TITLE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:(?:news|entry|article|post|page)[_-]?(?:title|heading)"
    r"|title|headline|tytul|naglowek)(?:$|[\s_-])",
    re.IGNORECASE,
)
OUTSIDE_ARTICLE = frozenset({"header", "nav", "footer", "aside"})
# "<title>" and og:title often join the title and the site's name: "Title - Przemyśl", "Gdynia | Title".
SEGMENT_SEPARATOR = re.compile(r"\s+(?:[-|–—»·]|::)\s+")
SITE_SEPARATOR = re.compile(f"({SEGMENT_SEPARATOR.pattern})")
ELLIPSIS = re.compile(r"\s*(?:…|\.{3})\s*$")
META_SOURCES = ("og:title", "twitter:title", "dc.title")
WORD = re.compile(r"\w+")
MIN_CHARS, MAX_CHARS = 4, 300
MIN_BOLD_CHARS = 12
SENTENCE_CHARS = 60
# How much each kind of candidate is trusted on its own; agreement and position add to it.
BASE_SCORES = {
    "heading:h1": 3.0,
    "heading:h2": 2.5,
    "heading:h3": 2.2,
    "og:title": 2.0,
    "twitter:title": 1.9,
    "dc.title": 1.9,
    "jsonld": 2.0,
    "class": 2.0,
    "bold": 1.2,
    "title-tag": 1.0,
}
HEADING_SCORE = 1.8  # h4-h6
BEFORE_BODY, AFTER_BODY, OUTSIDE_PENALTY, TRUNCATED_PENALTY, SHORTENED_PENALTY = 1.0, -1.5, -1.5, -0.25, -2.5
NEAREST_ABOVE_BODY = 0.5  # the heading right above the text beats a section label ("Aktualności") higher up
AGREEING_WORDS = 3
ONE_WORD_PENALTY = -0.5  # one word is a section label or a name far more often than a news title
# Below this nothing backs a candidate: a lone one-word <title>, a sidebar "Polecamy" below the body.
MIN_SCORE = 0.6


@dataclass
class Candidate:
    """One possible title: its text, which kind of element or tag gave it, where it sits in the document."""

    text: str
    source: str
    position: int | None = None  # document order of the element; None for <head> metadata
    outside_article: bool = False
    truncated: bool = False
    score: float = 0.0


@lru_cache(maxsize=1)
def registry_names() -> frozenset[str]:
    """Names that are never a title: every known site's city, publisher, name and hosts."""
    names = set()
    for site in SITES.values():
        names.update((site.name, site.city, site.publisher, *site.hosts))
    return frozenset(map(folded, names))


def folded(text: str) -> str:
    """Case-, diacritic-, quote- and space-insensitive form for comparing candidates."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("ł", "l"))
    return " ".join(WORD.findall("".join(char for char in text if not unicodedata.combining(char))))


def ranked_titles(
    tree: html.HtmlElement, body: html.HtmlElement | None, jsonld: dict, host: str | None
) -> list[Candidate]:
    """The title candidates scoring at least MIN_SCORE, best first; site, city and publisher names never count."""
    denied = registry_names() | {folded(name) for name in (meta_content(tree, "og:site_name"), host) if name}
    order = {element: index for index, element in enumerate(tree.iter())}
    body_start = first_paragraph_position(body, order)
    candidates = [
        candidate
        for candidate in gather(tree, denied, order, body_start)
        if MIN_CHARS <= len(candidate.text) <= MAX_CHARS and folded(candidate.text) not in denied
    ]
    candidates += jsonld_candidate(jsonld, denied)
    above_body = [
        candidate.position
        for candidate in candidates
        if None not in (candidate.position, body_start) and candidate.position < body_start
    ]
    for candidate in candidates:
        candidate.score = score(candidate, candidates, body_start)
        if above_body and candidate.position == max(above_body):
            candidate.score += NEAREST_ABOVE_BODY
    return sorted(
        (candidate for candidate in candidates if candidate.score >= MIN_SCORE), key=lambda candidate: -candidate.score
    )


def gather(tree: html.HtmlElement, denied: frozenset[str], order: dict, body_start: int | None) -> list[Candidate]:
    found = [element_candidate(element, f"heading:{element.tag}", order) for element in tree.iter(*HEADING_TAGS)]
    found += [element_candidate(element, "class", order) for element in classed_titles(tree)]
    found += bold_line(tree, order, body_start)
    for name in META_SOURCES:
        if text := meta_content(tree, name):
            found.append(Candidate(without_site_names(text, denied), name, truncated=bool(ELLIPSIS.search(text))))
    title = tree.find(".//title")
    if title is not None and (text := " ".join(title.text_content().split())):
        found.append(Candidate(without_site_names(text, denied), "title-tag", truncated=bool(ELLIPSIS.search(text))))
    return [candidate for candidate in found if candidate.text]


def element_candidate(element: html.HtmlElement, source: str, order: dict) -> Candidate:
    return Candidate(
        render_words(element),
        source,
        order.get(element),
        outside_article=any(parent.tag in OUTSIDE_ARTICLE for parent in element.iterancestors()),
    )


def classed_titles(tree: html.HtmlElement) -> list[html.HtmlElement]:
    """Non-heading elements whose class or id says title (`.news-title`, `td.tytul`, `#headline`)."""
    return [
        element
        for element in tree.iter()
        if isinstance(element.tag, str)
        and element.tag not in HEADING_TAGS
        and element.tag not in ("title", "meta", "html", "body")
        and TITLE_CLASS.search(f"{element.get('class') or ''} {element.get('id') or ''}")
        and not any(child.tag in HEADING_TAGS for child in element.iter())
    ]


def bold_line(tree: html.HtmlElement, order: dict, body_start: int | None) -> list[Candidate]:
    """The first <b>/<strong> that is a whole line by itself above the body (not a label like 'Autor:')."""
    for element in tree.iter("b", "strong"):
        position = order.get(element)
        if body_start is not None and position is not None and position > body_start:
            return []
        text = render_words(element)
        parent = element.getparent()
        whole_line = parent is not None and render_words(parent) == text
        if len(text) >= MIN_BOLD_CHARS and whole_line and not is_label(text) and not text.endswith(":"):
            return [element_candidate(element, "bold", order)]
    return []


def jsonld_candidate(jsonld: dict, denied: frozenset[str]) -> list[Candidate]:
    text = jsonld_text(jsonld.get("headline") or jsonld.get("name"))
    text = without_site_names(text, denied) if text else ""
    return [Candidate(text, "jsonld")] if MIN_CHARS <= len(text) <= MAX_CHARS else []


def without_site_names(text: str, denied: frozenset[str]) -> str:
    """'Title - Urząd Miejski w Przemyślu' -> 'Title': site-name segments at either end go, the rest is kept
    as written (a dash inside the title stays); a trailing ellipsis is dropped."""
    parts = SITE_SEPARATOR.split(text)  # segment, separator, segment, ...
    while len(parts) > 2 and folded(parts[-1]) in denied:
        del parts[-2:]
    while len(parts) > 2 and folded(parts[0]) in denied:
        del parts[:2]
    return ELLIPSIS.sub("", "".join(parts)).strip()


def first_paragraph_position(body: html.HtmlElement | None, order: dict) -> int | None:
    """Where the body's text starts: its first paragraph-like element with a sentence of text, else its
    first non-empty paragraph; None when there is no body to be above."""
    if body is None:
        return None
    paragraphs = [
        element
        for element in body.iter("p", "li", "div", "td", "blockquote")
        if not any(child.tag in ("p", "div", "td") for child in element) and render_words(element)
    ]
    sentence = next((element for element in paragraphs if len(render_words(element)) >= SENTENCE_CHARS), None)
    start = sentence if sentence is not None else next(iter(paragraphs), None)
    return order.get(start) if start is not None else None


def score(candidate: Candidate, candidates: list[Candidate], body_start: int | None) -> float:
    """Own trust + best agreement with each other kind of candidate + place before the body;
    truncated ones, single words and shortened copies of another candidate lose."""
    total = BASE_SCORES.get(candidate.source, HEADING_SCORE)
    best_by_kind: dict[str, float] = {}
    for other in candidates:
        if kind(other) != kind(candidate):
            best_by_kind[kind(other)] = max(best_by_kind.get(kind(other), 0.0), agreement(candidate, other))
    total += sum(best_by_kind.values())
    if candidate.position is not None and body_start is not None:
        total += BEFORE_BODY if candidate.position < body_start else AFTER_BODY
    if candidate.outside_article:
        total += OUTSIDE_PENALTY
    if candidate.truncated:
        total += TRUNCATED_PENALTY
    if len(candidate.text.split()) == 1:
        total += ONE_WORD_PENALTY
    if any(is_shortened(candidate, other) for other in candidates if kind(other) != kind(candidate)):
        total += SHORTENED_PENALTY
    return total


def is_shortened(candidate: Candidate, other: Candidate) -> bool:
    """True when `other` is this text with more words after it ('Nowe ławki w parku' -> '... miejskim'),
    not merely with a site suffix after a separator ('Nowe ławki w parku - Serwis')."""
    mine = folded(candidate.text)
    if not mine or not folded(other.text).startswith(mine + " "):
        return False
    return mine not in segments(other)


def segments(candidate: Candidate) -> set[str]:
    """The folded parts between separators: 'Serwis | Nowe ławki - Gdynia' -> {'serwis', 'nowe lawki', 'gdynia'}."""
    return {folded(segment) for segment in SEGMENT_SEPARATOR.split(candidate.text)}


def kind(candidate: Candidate) -> str:
    """Headings of any level are one kind, meta tags another: copies within a kind are no agreement."""
    return (
        "heading"
        if candidate.source.startswith("heading:")
        else ("meta" if candidate.source in META_SOURCES else candidate.source)
    )


def agreement(candidate: Candidate, other: Candidate) -> float:
    """How much `other` backs this candidate, scaled down for texts under AGREEING_WORDS words (two copies
    of 'News' or 'Aktualności' agree by chance, two copies of a sentence do not)."""
    mine, theirs = folded(candidate.text), folded(other.text)
    if not mine or not theirs:
        return 0.0
    weight = min(1.0, min(len(mine.split()), len(theirs.split())) / AGREEING_WORDS)
    if mine in segments(other) or theirs in segments(candidate):
        return weight  # the same title, perhaps one copy with an unknown site name around it ('Nowe ławki | Serwis')
    return weight * text_agreement(mine, theirs)


def text_agreement(mine: str, theirs: str) -> float:
    """1 for the same text; 0.8 when the other is a prefix of this one (a shortened copy), 0.4 the other way
    round; otherwise half the word overlap (Jaccard)."""
    if mine == theirs:
        return 1.0
    if mine.startswith(theirs):
        return 0.8
    if theirs.startswith(mine):
        return 0.4
    words, other_words = set(mine.split()), set(theirs.split())
    return 0.5 * len(words & other_words) / len(words | other_words)
