"""Markup pieces both site renderers share: body blocks, JSON-LD, planted XSS."""

from __future__ import annotations

import json
from html import escape

from scraper.mirror.spec import ArticleSpec

# Sanitisation tests look for these inside the rendered body; the extractor must drop them.
PLANTED_XSS = '<script>alert(1)</script>\n<p><img src=x onerror="alert(document.cookie)"></p>'


def text_block(block: str) -> str:
    """A body block as HTML: raw when it starts with a tag, else one paragraph."""
    return block if block.startswith("<") else f"<p>{block}</p>"


def jsonld(spec: ArticleSpec, canonical_url: str) -> str:
    """A schema.org NewsArticle block agreeing with the spec's ground truth."""
    expected = spec.expected
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": spec.title,
        "url": canonical_url,
        "inLanguage": spec.language,
        "datePublished": spec.published_at,
        "dateModified": spec.modified_at or spec.published_at,
        "publisher": {"@type": "GovernmentOrganization", "name": expected["publisher"]},
    }
    if expected["author"]:
        data["author"] = {"@type": "Person", "name": expected["author"]}
    payload = json.dumps(data, ensure_ascii=False, indent=1)
    return f'<script type="application/ld+json">\n{payload}\n</script>'


def og_meta(spec: ArticleSpec, canonical_url: str) -> str:
    """Open Graph tags most CMS pages carry."""
    return "\n".join(
        (
            f'<meta property="og:title" content="{escape(spec.title)}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:url" content="{canonical_url}">',
        )
    )


def article_head(spec: ArticleSpec) -> str:
    """Canonical link, Open Graph tags and (where the spec has one) JSON-LD for <head>."""
    canonical = spec.expected["url"]
    head = f'<link rel="canonical" href="{canonical}">\n{og_meta(spec, canonical)}\n'
    return head + (jsonld(spec, canonical) + "\n" if spec.jsonld else "")


def encode_page(spec: ArticleSpec, html: str) -> bytes:
    """The page bytes in the spec's encoding; characters it lacks become references."""
    return html.encode(spec.encoding, errors="xmlcharrefreplace")
