"""The article body: container choice, chrome removal, body_text paragraphs and sanitised body_html."""

from __future__ import annotations

import copy
import functools
import html as html_escape
import re

import nh3
import trafilatura
from lxml import html

from scraper.extract.attachments import (
    BADGE,
    DOWNLOAD_PREFIX,
    TRAILING_SIZE,
    is_file_url,
    is_null_title,
    is_storage_path,
    size_after_link,
)
from scraper.extract.labels import is_metadata_line
from scraper.extract.textlines import render_text
from scraper.extract.urls import absolute_url

ALLOWED_TAGS = {
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "a",
    "strong",
    "em",
    "b",
    "i",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "sup",
    "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
REMOVED_TAGS = (
    "h1",
    "script",
    "style",
    "noscript",
    "iframe",
    "form",
    "button",
    "nav",
    "header",
    "footer",
    "aside",
    "template",
    "svg",
    "input",
    "select",
    "textarea",
)
# Page furniture recognised by a word of its class or id, whatever the site;
# a site declares more words of its own (`chrome` in sites.toml).
CHROME_WORDS = (
    "weather",
    "lang-switch",
    "language",
    "search",
    "close",
    "site-notice",
    "notice",
    "breadcrumbs?",
    "tags",
    "meta",
    "attachments",
    "gallery",
    "share",
    "social",
    "cookies?",
    "top-bar",
    "menu",
    "pager",
    "pagination",
)


@functools.lru_cache(maxsize=64)
def chrome_names(site_words: tuple[str, ...] = ()) -> re.Pattern:
    """Class or id text naming page furniture: the generic words plus a site's own."""
    words = "|".join(CHROME_WORDS + tuple(map(re.escape, site_words)))
    return re.compile(r"(?:^|[\s_-])(" + words + r")(?:$|[\s_-])", re.IGNORECASE)


# Whole lines that are chrome or metadata, never article text.
DROPPED_LINES = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"-?\d+\s*°\s*C",  # weather reading
        r"[•·]?\s*(?:PL|EN|DE)(?:\s*/\s*(?:PL|EN|DE))*",  # language switch
        r"Wyszukaj w serwisie",
        r"[×✕]",
        r"ikona",
        r"#\S+(?:\s+#\S+)*",  # tags
        r"\d{1,2}\.\d{1,2}\.\d{4}\s*r\.?",  # in-body date line
        r"[\w%().,-]+\.(?:jpe?g|png|gif|webp)",  # gallery file name
    )
]
BANNER_END = re.compile(r"Szczegóły w komunikacie\.?\s*$")
TEXT_LEAVES = ("p", "div", "span", "li", "a", "strong", "em", "b")
MIN_BODY_CHARS = 80
MAX_DATE_LINE = 80  # a block holding a <time> and at most this much text is a date line
EMPTY_ELEMENT = re.compile(r"<(p|li|strong|em|b|i)>\s*</\1>\s*")


@functools.lru_cache(maxsize=8192)
def is_dropped_line(line: str) -> bool:
    """True for a line of page chrome, metadata, tags, attachment labels, storage paths or file names.

    Cached: a body's lines are classified once per enclosing element and
    again for body_text, and chrome lines repeat from page to page.
    """
    line = line.strip()
    if not line or is_metadata_line(line) or is_storage_path(line):
        return True
    badge = BADGE.match(line)
    if badge and (not badge.group("rest") or TRAILING_SIZE.search(line) or DOWNLOAD_PREFIX.match(badge.group("rest"))):
        return True
    return any(pattern.fullmatch(line) for pattern in DROPPED_LINES)


def cleaned_copy(container: html.HtmlElement, site_chrome: tuple[str, ...] = ()) -> html.HtmlElement:
    """A copy of `container` without scripts, furniture, chrome-only elements and dropped lines."""
    chrome = chrome_names(site_chrome)
    clean = copy.deepcopy(container)
    for element in list(clean.iter(*REMOVED_TAGS)):
        drop(element)
    for element in list(clean.iter()):
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if element is not clean and isinstance(element.tag, str) and chrome.search(names):
            drop(element)
    for link in list(clean.iter("a")):
        detach_file_link_notes(link)
    for element in list(clean.iter("time")):
        drop_date_element(element, clean)
    for element in list(clean.iter(*TEXT_LEAVES)):
        if element is not clean and element.getparent() is not None and is_dropped_element(element):
            drop(element)
    return clean


def is_dropped_element(element: html.HtmlElement) -> bool:
    text = render_text(element)
    if not text:
        return False
    is_banner = "\n\n" not in text and bool(BANNER_END.search(text))
    return is_banner or all(is_dropped_line(line) for line in text.split("\n"))


def detach_file_link_notes(link: html.HtmlElement) -> None:
    """A file link's size note after it ('(1,65MB)') is attachment data; a link named 'NULL' or shown as a
    file badge ('DOCX Formularz') is an attachment entry, not article text (attachments keep both)."""
    if not is_file_url(link.get("href") or ""):
        return
    size, rest = size_after_link(link.tail)
    if size is not None:
        link.tail = rest
    text = link.text_content()
    if is_null_title(text) or BADGE.match(text):
        drop(link)


def drop_date_element(time: html.HtmlElement, container: html.HtmlElement) -> None:
    """A <time> is metadata: drop it, or its whole line when that line is little more than dates."""
    parent = time.getparent()
    if parent is not None and parent is not container and len(render_text(parent)) <= MAX_DATE_LINE:
        drop(parent)
    else:
        drop(time)


def drop(element: html.HtmlElement) -> None:
    """Remove an element but keep its tail text in the document."""
    if element.getparent() is not None:
        element.drop_tree()


def body_text(containers: list[html.HtmlElement]) -> str | None:
    """Paragraphs separated by blank lines, lines within a paragraph by newlines; None when empty."""
    paragraphs = []
    for container in containers:
        for paragraph in render_text(container).split("\n\n"):
            lines = [" ".join(line.replace("\t", " ").split()) for line in paragraph.split("\n")]
            lines = [line for line in lines if not is_dropped_line(line)]
            if lines and not BANNER_END.search(lines[-1]):
                paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs) or None


def body_html(containers: list[html.HtmlElement], base_url: str) -> str | None:
    """The containers' inner markup, links absolute, sanitised to the allow-list; None when empty."""
    fragments = []
    for container in containers:
        container = copy.deepcopy(container)
        # make_links_absolute raises on a malformed link; absolute_url drops it (None removes the attribute).
        container.rewrite_links(lambda link: absolute_url(base_url, link), resolve_base_href=False)
        inner = html_escape.escape(container.text or "") + "".join(
            html.tostring(child, encoding="unicode") for child in container
        )
        fragments.append(inner)
    return sanitise_html("".join(fragments))


def sanitise_html(markup: str) -> str | None:
    clean = nh3.clean(
        markup,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    # Elements whose only content was removed (an <img>, a script) leave empty shells.
    clean = EMPTY_ELEMENT.sub("", clean).strip()
    return clean or None


def paragraphs_html(text: str | None) -> str | None:
    """Minimal markup for text that came without any (the trafilatura fallback)."""
    if not text:
        return None
    return "".join(f"<p>{html_escape.escape(paragraph)}</p>" for paragraph in text.split("\n\n"))


def densest_block(tree: html.HtmlElement) -> html.HtmlElement | None:
    """The <article>, <main> or block whose direct paragraphs hold the most text."""
    best, best_score = None, 0
    for element in tree.iter("article", "main", "section", "div", "td"):
        score = sum(len(child.text_content()) for child in element if child.tag in ("p", "ul", "ol", "blockquote"))
        if score > best_score:
            best, best_score = element, score
    return best if best_score >= MIN_BODY_CHARS else None


def trafilatura_text(markup: str, url: str) -> str | None:
    """Last resort for unknown markup: trafilatura's main-text guess, paragraphs by blank lines."""
    text = trafilatura.extract(markup, url=url, include_comments=False, include_tables=True, favor_recall=True)
    if not text:
        return None
    paragraphs = [" ".join(line.split()) for line in text.split("\n")]
    return "\n\n".join(line for line in paragraphs if line and not is_dropped_line(line)) or None
