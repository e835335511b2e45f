"""A DOM as plain text with layout kept: blocks and <br> become line breaks, table cells and dt/dd become tabs."""

from __future__ import annotations

import re

from lxml import html

BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
    }
)
CELL_TAGS = frozenset({"td", "th"})
# Label-like inline elements: "<strong>Autor</strong><span>Jan</span>" must
# not render as "AutorJan".
SEPARATED_INLINE_TAGS = frozenset({"strong", "b", "label"})
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "select", "option"})
PARAGRAPH_BREAK = "\n\n"
SPACES = re.compile(r"[^\S\n\t]+")
# Literal replacements only: a template like r"\1" is expanded per match,
# which made layout normalisation the extractor's biggest cost.
AROUND_NEWLINE = re.compile(r"[ \t]*\n[ \t]*")
AROUND_TAB = re.compile(r" *\t *")
MANY_TABS = re.compile(r"\t{2,}")
MANY_BREAKS = re.compile(r"\n{3,}")


def render_text(element: html.HtmlElement) -> str:
    """The element's visible text: paragraphs split by blank lines, <br> by one newline, cells by tabs."""
    return normalise_layout(raw_text(element))


def render_words(element: html.HtmlElement) -> str:
    """The element's visible text on one line, whitespace collapsed (no layout to normalise)."""
    return " ".join(raw_text(element).replace("\u200b", "").split())


def raw_text(element: html.HtmlElement) -> str:
    parts: list[str] = []
    append_element(element, parts)
    if element.tail:  # the tail follows the element in its parent; it is not the element's text
        parts.pop()
    return "".join(parts)


def render_lines(element: html.HtmlElement) -> list[str]:
    """The non-empty lines of `render_text`, stripped."""
    return [line.strip() for line in render_text(element).split("\n") if line.strip()]


def append_element(element: html.HtmlElement, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in SKIPPED_TAGS or not isinstance(element.tag, str):
        if element.tail:
            parts.append(element.tail)
        return
    before, after = separators(tag)
    parts.append(before)
    if element.text:
        parts.append(element.text)
    for child in element:
        append_element(child, parts)
    parts.append(after)
    if element.tail:
        parts.append(element.tail)


def separators(tag: str) -> tuple[str, str]:
    """What goes before and after an element's text."""
    if tag == "br":
        return "\n", ""
    if tag in CELL_TAGS:
        return "\t", "\t"
    if tag == "dt":  # a definition term and its description share one line
        return "\n", "\t"
    if tag == "dd":
        return "\t", "\n"
    if tag in BLOCK_TAGS:
        return PARAGRAPH_BREAK, PARAGRAPH_BREAK
    if tag in SEPARATED_INLINE_TAGS:
        return "", " "
    return "", ""


def normalise_layout(text: str) -> str:
    """Collapse runs of spaces (incl. &nbsp;) and surplus blank lines; tabs and newlines stay."""
    text = SPACES.sub(" ", text.replace("\u00a0", " ").replace("\u200b", ""))
    text = AROUND_NEWLINE.sub("\n", text)
    if "\t" in text:  # only tables and definition lists make tabs
        text = MANY_TABS.sub("\t", AROUND_TAB.sub("\t", text))
    return MANY_BREAKS.sub(PARAGRAPH_BREAK, text).strip()
