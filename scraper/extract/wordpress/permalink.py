"""The post id of a WordPress HTML page, whose permalink carries only the slug."""

from __future__ import annotations

import re

from parsel import Selector

SHORTLINK_ID = re.compile(r"[?&]p=(\d+)")
BODY_CLASS_ID = re.compile(r"(?:^|\s)postid-(\d+)(?:\s|$)")
ARTICLE_ID = re.compile(r"post-(\d+)")


def post_id(page_html: str) -> str | None:
    """From `<link rel="shortlink" href="…?p=ID">`, else `<body class="postid-ID">`, else `<article id="post-ID">`."""
    selector = Selector(text=page_html)
    candidates = (
        (SHORTLINK_ID, selector.css("link[rel~=shortlink]::attr(href)").get()),
        (BODY_CLASS_ID, selector.css("body::attr(class)").get()),
        (ARTICLE_ID, selector.css("article[id^=post-]::attr(id)").get()),
    )
    for pattern, value in candidates:
        match = pattern.search(value or "")
        if match:
            return match.group(1)
    return None
