"""Atom feeds that stay valid when empty: datasette-atom's renderer, with no rows answered by an empty feed."""

from __future__ import annotations

from datetime import UTC, datetime

from datasette.utils.asgi import Response
from feedgen.feed import FeedGenerator

ATOM = "atom"


def empty_feed(request, title: str) -> Response:
    """An Atom feed with no entries (datasette-atom 0.9 fails on `max()` of no rows)."""
    feed = FeedGenerator()
    feed.id(request.url)
    feed.link(href=request.url, rel="self")
    feed.title(title)
    # Atom requires the feed's own `updated`; with nothing in it, the moment it was asked for.
    feed.updated(datetime.now(UTC))
    return Response(feed.atom_str(pretty=True), content_type="application/xml; charset=utf-8", status=200)


def tolerate_empty_feeds(datasette) -> None:
    """Wrap the registered `.atom` renderer so that a feed query returning no rows gives an empty feed."""
    if ATOM not in datasette.renderers:
        return
    render, can_render = datasette.renderers[ATOM]

    async def render_or_empty(datasette, request, sql, columns, rows, database, table, query_name, view_name, data):
        if rows:
            return render(datasette, request, sql, columns, rows, database, table, query_name, view_name, data)
        return empty_feed(request, request.args.get("_feed_title") or data.get("title") or query_name or sql)

    datasette.renderers[ATOM] = (render_or_empty, can_render)
