"""Datasette hooks for the Kronika archive: Polish search, safe article bodies, facets, CSS."""

from __future__ import annotations

import contextvars
import json
import re
import urllib.parse
from functools import cache
from pathlib import Path

import nh3
from datasette import hookimpl
from datasette.filters import FilterArguments
from datasette.utils import tilde_encode, urlsafe_components
from datasette.utils.asgi import Response
from markupsafe import Markup

from scraper.archive.document_search import has_documents_index, matching_article_rowids_sql
from scraper.archive.search import RANKED_MATCHES, fold, match_expression
from scraper.archive.snippet import snippet
from scraper.serve import filters
from scraper.serve.article_page import gather
from scraper.serve.budget import PageBudget, page_budget
from scraper.serve.document_page import gather_document
from scraper.serve.facets import ManyToManyFacet, YearFacet
from scraper.serve.feeds import tolerate_empty_feeds
from scraper.serve.headers import secured
from scraper.serve.match_sets import SEARCH_PARAMETER
from scraper.serve.search_page import (
    RELEVANCE_HITS,
    SEARCH_ALL_PATH,
    SEARCHED_TABLE,
    best_first_description,
    early_hits,
    hits_function,
    marked,
    matched_in,
    newest_first,
    search_all_target,
    start_hits,
)
from scraper.serve.sqlbounds import (
    MAX_QUERY_CHARS,
    MAX_TEXT_CHARS,
    ClockedDatabase,
    StatementGuard,
    limit_connection,
)
from scraper.serve.stored_files import ROUTE as STORED_FILE_ROUTE
from scraper.serve.stored_files import stored_file
from scraper.serve.versions import changed_labels

# The table search box's `_search` is renamed to this, so Datasette's own
# (diacritics-only) search stays out and ours below turns it into MATCH.
POLISH_SEARCH_ARG = "_polish_search"
# Table pages only: /<database>/articles, /<database>/articles.json, .csv ...
SEARCHED_TABLE_PATH = re.compile(rf"/[^/]+/{SEARCHED_TABLE}(\.\w+)?")
# Columns that only make HTML table pages harder to read; row pages, JSON,
# CSV and `?_col=` still have them.
NOISY_COLUMNS = {
    "articles": ("search_title", "search_lead", "search_body"),
    "pages": ("body", "headers"),
}
# The HTML articles table page (JSON and CSV keep exact counts and Datasette's own facet limits).
ARTICLES_HTML_PATH = re.compile(rf"/[^/]+/{SEARCHED_TABLE}")
HTML_TABLE_PATH = re.compile(r"/[^/]+/(?P<table>[^/.]+)")
# Articles an HTML page lists (Datasette's 100 stay the JSON and CSV default): the list stays readable, and the
# page's rows cost half.
ARTICLES_PAGE_SIZE = 50

# What an article body may keep on screen: structure and links, nothing active.
BODY_TAGS = {
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "a",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "sup",
    "sub",
}
BODY_ATTRIBUTES = {"a": {"href"}}
BODY_URL_SCHEMES = {"http", "https", "mailto"}


READ_METHODS = ("GET", "HEAD", "OPTIONS")
# The plugin's name (the `datasette` entry point's, and its config key under `plugins:`).
PLUGIN_NAME = "kronika"
# `plugins: kronika: read_only: true`, set by scraper.serve.app.datasette_instance only:
# Kronika's own Datasette refuses every write; any other Datasette that loads the
# plugin from this environment keeps its own write policy.
READ_ONLY_FLAG = "read_only"

# The plugin package's static/ folder, which Datasette serves at /-/static-plugins/<plugin name>/.
STATIC_DIR = Path(__file__).resolve().parent / "static"
STYLESHEET = "kronika.css"
# The article page's custom template gathers its own data (article_page.py).
ARTICLE_TABLE = "articles"
# So does the document page (document_page.py).
DOCUMENT_TABLE = "documents"
# In canned queries, a column of this name holds an article's id.
ARTICLE_LINK_COLUMN = "article_id"
ATOM_SUFFIX = ".atom"
# Every archive timestamp column is named *_at (published_at, fetched_at, first_seen_at …): HTML shows them in Polish.
TIME_SUFFIX = "_at"
# datasette-atom answers application/xml; feed readers and browsers know a feed by this type.
ATOM_CONTENT_TYPE = b"application/atom+xml; charset=utf-8"


def sanitised_body(html: str) -> str:
    """`html` reduced to inert structure and links; scripts, styles and event handlers go."""
    return nh3.clean(
        html,
        tags=BODY_TAGS,
        attributes=BODY_ATTRIBUTES,
        url_schemes=BODY_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def _nullable_fold(text: str | None) -> str | None:
    return fold(text) if text is not None else None


def rewrite_query_string(path: str, query_string: str) -> str:
    """The query string Datasette should see for a request to `path`.

    On the articles table `_search=q` becomes `_polish_search=q` (unless the
    caller asked for raw FTS5 with `_searchmode=raw`); HTML table pages that
    choose no columns leave out the noisy ones; HTML articles pages list
    ARTICLES_PAGE_SIZE articles unless `_size` says otherwise.
    """
    pairs = urllib.parse.parse_qsl(query_string, keep_blank_values=True)
    keys = {key for key, _ in pairs}
    if SEARCHED_TABLE_PATH.fullmatch(path) and "_search" in keys and ("_searchmode", "raw") not in pairs:
        # A new search from the form replaces the one carried in its hidden inputs.
        pairs = [
            (POLISH_SEARCH_ARG if key == "_search" else key, value)
            for key, value in pairs
            if key != POLISH_SEARCH_ARG and (key, value) != ("_search", "")
        ]
    table = HTML_TABLE_PATH.fullmatch(path)
    if table and table["table"] in NOISY_COLUMNS and not keys & {"_col", "_nocol"}:
        pairs += [("_nocol", column) for column in NOISY_COLUMNS[table["table"]]]
    if ARTICLES_HTML_PATH.fullmatch(path) and "_size" not in keys:
        pairs.append(("_size", str(ARTICLES_PAGE_SIZE)))
    return urllib.parse.urlencode(pairs)


def register_functions(conn, time_limit_s: float, *, clocked: bool = False) -> None:
    """Bound `conn` (sqlbounds.py) and give it the kronika_* SQL functions, stopping queries past `time_limit_s`."""
    limit_connection(conn)
    # Longer inputs give NULL and calls past the time limit stop the query.
    guard = StatementGuard(conn, time_limit_s, clocked=clocked)
    conn.create_function("kronika_match", 1, guard.bounded(match_expression, MAX_QUERY_CHARS), deterministic=True)
    conn.create_function("kronika_fold", 1, guard.bounded(_nullable_fold, MAX_TEXT_CHARS), deterministic=True)
    conn.create_function(
        "kronika_snippet", 2, guard.bounded(snippet, MAX_TEXT_CHARS, MAX_QUERY_CHARS), deterministic=True
    )
    conn.create_function(
        "kronika_changes", 2, guard.bounded(changed_labels, MAX_TEXT_CHARS, MAX_TEXT_CHARS), deterministic=True
    )


@hookimpl
def prepare_connection(conn, database, datasette):
    clocked = isinstance(datasette.databases.get(database), ClockedDatabase)
    register_functions(conn, datasette.setting("sql_time_limit_ms") / 1000, clocked=clocked)


def atom_typed(send):
    """`send` with an XML response's Content-Type made Atom's (the body is datasette-atom's feed)."""

    async def typed(message):
        if message["type"] == "http.response.start":
            headers = [
                (
                    name,
                    ATOM_CONTENT_TYPE
                    if name.lower() == b"content-type" and value.startswith(b"application/xml")
                    else value,
                )
                for name, value in message.get("headers", [])
            ]
            message = {**message, "headers": headers}
        await send(message)

    return typed


def is_read_only(datasette) -> bool:
    """Is this Datasette Kronika's own (datasette_instance), which only reads?"""
    return bool((datasette.plugin_config(PLUGIN_NAME) or {}).get(READ_ONLY_FLAG))


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        read_only = is_read_only(datasette)

        async def rewritten(scope, receive, send):
            if read_only and scope["type"] == "http" and scope["method"] not in READ_METHODS:
                # Visitors only read: no canned write, insert API, upload or login path exists.
                await Response.text(
                    "Kronika is read-only.", status=405, headers={"Allow": ", ".join(READ_METHODS)}
                ).asgi_send(send)
                return
            if scope["type"] == "http" and scope["path"] == SEARCH_ALL_PATH:
                target = await search_all_target(datasette, scope["query_string"].decode("latin-1"))
                await Response.redirect(target).asgi_send(send)
                return
            if scope["type"] == "http":
                query_string = rewrite_query_string(scope["path"], scope["query_string"].decode("latin-1"))
                scope = {**scope, "query_string": query_string.encode("latin-1")}
                if scope["path"].endswith(ATOM_SUFFIX):
                    send = atom_typed(send)
                if ARTICLES_HTML_PATH.fullmatch(scope["path"]):
                    # Researchers' page: capped count, facets within one budget (budget.py).
                    budget_token = page_budget.set(PageBudget())
                    listed = not _chooses_columns(query_string)
                    list_token = listed_not_tabled.set(listed)
                    hits_token = early_hits.set({} if listed else None)
                    try:
                        await app(scope, receive, send)
                    finally:
                        early_hits.reset(hits_token)
                        listed_not_tabled.reset(list_token)
                        page_budget.reset(budget_token)
                    return
            await app(scope, receive, send)

        return secured(rewritten)

    return wrap


# The articles table's default order (metadata.yml sort_desc), which idx_articles_published_at serves.
PUBLICATION_ORDER = "published_at"


def _sorted_by_publication(request) -> bool:
    chosen = request.args.get("_sort") or request.args.get("_sort_desc")
    return chosen in (None, "", PUBLICATION_ORDER)


@hookimpl
def filters_from_request(request, database, table, datasette):
    query = request.args.get(POLISH_SEARCH_ARG)
    if table != SEARCHED_TABLE or not query:
        return None
    # With `+rowid` SQLite walks the published_at index newest first and stops at the page's last row, and
    # facets read their column's index alone, instead of fetching and sorting every matching (wide) row
    # (BENCHMARKS.md, pages at scale). Sorted by an unindexed column it would scan the whole table, so other
    # sorts keep the plain form.
    rowid = "+rowid" if _sorted_by_publication(request) else "rowid"

    async def search_filter():
        start_hits(datasette, database, request, query)
        with_documents = await datasette.get_database(database).execute_fn(has_documents_index)
        return FilterArguments(
            # The MATCH expression is computed here, once: as kronika_match(:q) inside the IN subquery
            # SQLite re-ran the Python function while sorting, for every row compared.
            # Articles are found by their own text and by their documents' pages.
            [f"{rowid} in ({matching_article_rowids_sql(SEARCH_PARAMETER, with_documents=with_documents)})"],
            {SEARCH_PARAMETER: match_expression(query)},
            [f'search matches "{query}"'],
            {"search": query},
        )

    return search_filter


# True while an articles HTML page lists its rows (templates/_table-archive-articles.html), which reads
# their raw values: no cell is shown, so none is rendered (100 rows of 25 cells took 75 of its 250 ms).
listed_not_tabled: contextvars.ContextVar[bool] = contextvars.ContextVar("kronika_listed_not_tabled", default=False)


class _UnshownCell(Markup):
    # Datasette renders a cell itself when a plugin's value is falsy, as "" is.
    def __bool__(self) -> bool:
        return True


UNSHOWN_CELL = _UnshownCell("")


def _chooses_columns(query_string: str) -> bool:
    # The visitor's own ?_col= / ?_nocol= (the noisy columns' _nocol added for every page names search_*).
    pairs = urllib.parse.parse_qsl(query_string, keep_blank_values=True)
    return any(key == "_col" or (key == "_nocol" and not value.startswith("search_")) for key, value in pairs)


@hookimpl
def render_cell(value, column, table, database, datasette):
    if table == SEARCHED_TABLE and listed_not_tabled.get():
        return UNSHOWN_CELL
    if column == "body_html" and isinstance(value, str):
        return Markup('<div class="kronika-body">{}</div>').format(Markup(sanitised_body(value)))
    if column.endswith(TIME_SUFFIX) and isinstance(value, str):
        return filters.polish_time(value)
    if column in filters.YES_NO_COLUMNS and table is not None and value in (0, 1):
        return filters.YES_NO[value]
    if column == filters.DOWNLOAD_STATUS_COLUMN and isinstance(value, str):
        return filters.download_status(value)
    if column == ARTICLE_LINK_COLUMN and table is None and isinstance(value, str):
        # Query pages (quiet edits, attachments of a type) lead to the article page.
        href = datasette.urls.row(database, ARTICLE_TABLE, tilde_encode(value))
        return Markup('<a href="{}">{}</a>').format(href, value)
    if column == "snippet" and table is None and isinstance(value, str):
        return marked(value)
    return None


@cache
def _static_name() -> str:
    # Datasette names a plugin's static folder after its distribution when
    # installed ("kronika"), after the module when registered by hand.
    # Imported here: datasette.plugins imports this package (the entry point) while it loads.
    from datasette.plugins import get_plugins

    for plugin in get_plugins():
        if plugin["static_path"] == str(STATIC_DIR):
            return plugin["name"]
    # An install whose `datasette` entry point still names scraper.serve.plugin
    # (before the plugin was the package) run by plain `datasette`.
    raise RuntimeError(
        "Kronika's static files are not served: reinstall Kronika (pip install -e .) so that its "
        "datasette entry point names the scraper.serve package"
    )


def static_url(datasette, filename: str) -> str:
    """The URL Datasette serves `scraper/serve/static/<filename>` at."""
    return datasette.urls.static_plugins(_static_name(), filename)


@hookimpl
def extra_css_urls(datasette):
    return [static_url(datasette, STYLESHEET)]


@hookimpl
def prepare_jinja2_environment(env, datasette):
    env.filters.update(
        sanitised_body=lambda html: Markup(sanitised_body(html or "")),
        polish_time=filters.polish_time,
        file_size=filters.file_size,
        facet_name=filters.facet_name,
        facet_label=filters.facet_label,
        tilde_encode=tilde_encode,
        download_status=filters.download_status,
        marked=marked,
        matched_in=matched_in,
    )


# Each site and its city, by index skip-scan (one index seek per site, not a
# scan of every article), for the site facet's labels.
SITE_CITIES_SQL = """
with recursive sites(site) as (
  select min(site) from articles
  union all
  select (select min(site) from articles where site > sites.site) from sites where site is not null
)
select site, (select city from articles where articles.site = sites.site and city is not null limit 1) as city
from sites where site is not null
"""


async def _site_cities(datasette, database: str) -> dict:
    rows = await datasette.get_database(database).execute(SITE_CITIES_SQL)
    return {row["site"]: row["city"] for row in rows if row["city"]}


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    async def article_vars():
        if view_name == "row" and table == ARTICLE_TABLE and request is not None:
            (article_id,) = urlsafe_components(request.url_vars["pks"])
            table_path = datasette.urls.table(database, ARTICLE_TABLE)
            page = await datasette.get_database(database).execute_fn(lambda conn: gather(conn, article_id, table_path))
            return {"kronika": page}
        if view_name == "row" and table == DOCUMENT_TABLE and request is not None:
            (sha256,) = urlsafe_components(request.url_vars["pks"])
            page = await datasette.get_database(database).execute_fn(lambda conn: gather_document(conn, sha256))
            return {"kronika": page}
        if view_name == "table" and table == ARTICLE_TABLE:
            found = {}
            query = request.args.get(POLISH_SEARCH_ARG) if request is not None else None
            if query:
                found = {
                    "kronika_search_hits": hits_function(datasette, database, request, query),
                    "kronika_newest_first": newest_first(request),
                    "kronika_relevance_hits": RELEVANCE_HITS,
                    "kronika_ranked_matches": RANKED_MATCHES,
                }
                if not newest_first(request):
                    found["human_description_en"] = await best_first_description(datasette, database, table, request)
            # The grid or the list, as the ASGI wrapper decided for this request (listed_not_tabled).
            found["kronika_listed"] = listed_not_tabled.get()
            return {"site_cities": await _site_cities(datasette, database), **found}
        return {}

    return article_vars


async def _databases(datasette, request):
    # Datasette's own /-/databases also lists each file's path on the server;
    # this route is registered before Datasette's and leaves the path out.
    databases = [
        {
            "name": name,
            "route": database.route,
            "size": database.size,
            "is_mutable": database.is_mutable,
            "is_memory": database.is_memory,
            "hash": database.hash,
        }
        for name, database in datasette.databases.items()
        if name != "_internal"
    ]
    if request.url_vars.get("format") == "json":
        return Response.json(databases)
    return Response.html(
        await datasette.render_template(
            "show_json.html",
            {"filename": "databases.json", "data_json": json.dumps(databases, indent=4)},
            request=request,
        )
    )


@hookimpl
def register_routes():
    return [(r"^/-/databases(\.(?P<format>json))?$", _databases), (STORED_FILE_ROUTE, stored_file)]


@hookimpl
def register_facet_classes():
    return [YearFacet, ManyToManyFacet]


@hookimpl
def startup(datasette):
    # Every renderer is registered by now; a feed whose query finds nothing (no quiet edits yet) stays a feed.
    tolerate_empty_feeds(datasette)
