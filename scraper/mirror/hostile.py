"""Hostile variants of a real page, one maker per crash class of issue 9, for the fuzz tests and bench/fuzz.py."""

from __future__ import annotations

import codecs
import functools
import random
import re
from collections.abc import Callable

NON_TEXT_CHARSETS = ("hex", "rot13", "base64", "zlib", "undefined", "bz2", "uu", "quopri")
MALFORMED_HOSTS = (
    "http://[::1/",
    "https://[2001:db8::1/x",
    "http://[::1]:99999/",
    "http://[fe80::1%zz/",
    "//[::/",
    "http://]::1[/",
)
CONTROL_JUNK = (
    "\x00",
    "\x01",
    "\x08",
    "\x0b",
    "\x1b",
    "\x7f",
    "\x85",
    "\x9f",
    "&#0;",
    "&#xD800;",
    "&#xDFFF;",
    "&#x110000;",
    "&#1;",
    "&#x85;",
    "&#99999999999;",
    "\ud800",
)
CHARSET = re.compile(r"(charset\s*=\s*[\"']?)[\w.:-]+", re.IGNORECASE)
# Tag boundaries where a fragment is spliced: inside <head> for metadata, anywhere for the body.
TAG_START = re.compile(r"<(?=[a-zA-Z/])")


def splice(rng: random.Random, markup: str, fragment: str, *, in_head: bool = False) -> str:
    """`markup` with `fragment` inserted before a random tag (in <head> when `in_head` and the page has one)."""
    end = markup.find("</head>") if in_head else -1
    limit = end if end > 0 else len(markup)
    positions = [match.start() for match in TAG_START.finditer(markup, 0, limit)] or [0]
    position = rng.choice(positions)
    return markup[:position] + fragment + markup[position:]


def with_charset(markup: str, charset: str) -> str:
    """The page declaring `charset` (its meta charset replaced, or one added)."""
    replaced, count = CHARSET.subn(rf"\g<1>{charset}", markup, count=1)
    return replaced if count else f'<meta charset="{charset}">' + markup


def utf8_bom_before_non_utf8(rng: random.Random, markup: str) -> bytes:
    return codecs.BOM_UTF8 + markup.encode(rng.choice(("cp1250", "iso-8859-2")), errors="xmlcharrefreplace")


def utf16_bom_odd_length(rng: random.Random, markup: str) -> bytes:
    encoded = codecs.BOM_UTF16_LE + markup.encode("utf-16-le")
    return encoded[: rng.randrange(len(encoded) // 2, len(encoded)) | 1]


def non_text_charset(rng: random.Random, markup: str) -> bytes:
    return with_charset(markup, rng.choice(NON_TEXT_CHARSETS)).encode("cp1250", errors="xmlcharrefreplace")


def offset(rng: random.Random) -> str:
    return f"{rng.choice('+-')}{rng.randrange(1, 15):02d}:{rng.choice((0, 30, 45)):02d}"


def year_1_date_label(rng: random.Random, markup: str) -> bytes:
    label = rng.choice(("Data publikacji", "Data modyfikacji", "Opublikowano"))
    return splice(rng, markup, f"<p>{label}: 0001-01-01T00:{rng.randrange(60):02d}:00{offset(rng)}</p>").encode()


def year_9999_published_time(rng: random.Random, markup: str) -> bytes:
    name = rng.choice(("article:published_time", "article:modified_time", "datePublished"))
    meta = f'<meta property="{name}" content="9999-12-31T23:{rng.randrange(60):02d}:00{offset(rng)}">'
    return splice(rng, markup, meta, in_head=True).encode()


def huge_attachment_size(rng: random.Random, markup: str) -> bytes:
    digits = "".join(rng.choice("0123456789") for _ in range(rng.randrange(16, 800)))
    unit = rng.choice(("B", "KB", "MB", "GB"))
    return splice(rng, markup, f'<a href="/pliki/plan.pdf">PDF Plan ({digits}{rng.choice(",.")}5{unit})</a>').encode()


def malformed_ipv6(element: str) -> Callable[[random.Random, str], bytes]:
    templates = {
        "base": '<base href="{url}">',
        "canonical": '<link rel="canonical" href="{url}a">',
        "link": '<a href="{url}plan.pdf">PDF Plan</a>',
        "image": '<figure><img src="{url}a.jpg"></figure>',
    }

    def make(rng: random.Random, markup: str) -> bytes:
        fragment = templates[element].format(url=rng.choice(MALFORMED_HOSTS))
        return splice(rng, markup, fragment, in_head=element in ("base", "canonical")).encode()

    make.__name__ = f"malformed_ipv6_{element}"
    return make


def deep_jsonld(rng: random.Random, markup: str) -> bytes:
    depth = rng.randrange(33, 20_000)
    opening, closing = rng.choice((("[", "]"), ('{"@graph":', "}"), ('{"author":[', "]}")))
    data = opening * depth + ("{}" if opening != "[" else "") + closing * depth
    return splice(rng, markup, f'<script type="application/ld+json">{data}</script>', in_head=True).encode()


def control_characters(rng: random.Random, markup: str) -> bytes:
    for _ in range(rng.randrange(1, 30)):
        markup = splice(rng, markup, "".join(rng.choices(CONTROL_JUNK, k=rng.randrange(1, 5))))
    return markup.encode("utf-8", errors="surrogatepass")


def cp852_declared_iso_8859_2(rng: random.Random, markup: str) -> bytes:
    return with_charset(markup, "iso-8859-2").encode("cp852", errors="xmlcharrefreplace")


def many_attributes(rng: random.Random, markup: str) -> bytes:
    """The issue's worst case: one element with 40,000 attributes, a 578 KB page."""
    return splice(rng, markup, f"<p {forty_thousand_attributes()}>Tekst</p>").encode()


@functools.cache
def forty_thousand_attributes() -> str:
    return " ".join(f'data-x{number}="{number:05d}"' for number in range(40_000))


# The 14 classes of issue 9 §2, in its order.
HOSTILE_CLASSES: dict[str, Callable[[random.Random, str], bytes]] = {
    "utf8-bom-before-non-utf8": utf8_bom_before_non_utf8,
    "utf16-bom-odd-length": utf16_bom_odd_length,
    "non-text-charset": non_text_charset,
    "year-1-date-label": year_1_date_label,
    "year-9999-published-time": year_9999_published_time,
    "huge-attachment-size": huge_attachment_size,
    "malformed-ipv6-base": malformed_ipv6("base"),
    "malformed-ipv6-canonical": malformed_ipv6("canonical"),
    "malformed-ipv6-link": malformed_ipv6("link"),
    "malformed-ipv6-image": malformed_ipv6("image"),
    "deep-jsonld": deep_jsonld,
    "control-characters": control_characters,
    "cp852-declared-iso-8859-2": cp852_declared_iso_8859_2,
    "many-attributes": many_attributes,
}


def truncated(rng: random.Random, body: bytes) -> bytes:
    """A page cut anywhere, as a dropped connection leaves it."""
    return body[: rng.randrange(1, len(body) + 1)]


def re_encoded(rng: random.Random, markup: str) -> bytes:
    """The page in another table, declared rightly, wrongly or not at all, sometimes with a BOM."""
    encoding = rng.choice(("cp1250", "iso-8859-2", "cp852", "utf-16", "utf-8-sig", "latin-1"))
    declared = rng.choice((encoding, "utf-8", "iso-8859-2", None))
    page = with_charset(markup, declared) if declared else markup
    return page.encode(encoding, errors="xmlcharrefreplace")


def mutated(rng: random.Random, body: bytes) -> bytes:
    """Random bytes overwritten, inserted or deleted in a few places."""
    data = bytearray(body)
    for _ in range(rng.randrange(1, 20)):
        position = rng.randrange(len(data) + 1)
        action = rng.randrange(3)
        if action == 0 and position < len(data):
            data[position] = rng.randrange(256)
        elif action == 1:
            data[position:position] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8)))
        else:
            del data[position : position + rng.randrange(1, 64)]
    return bytes(data)
