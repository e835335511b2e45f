"""A WordPress site for the mirror: REST API v2 (posts, media), RSS feed and HTML, as WordPress serves them.

Follows the documented REST schema: `/wp/v2/posts?_embed&per_page&page&
modified_after&orderby&order` with `X-WP-Total` / `X-WP-TotalPages` and a
`Link` header, `rest_post_invalid_page_number` (400) past the last page,
`_embedded` `author`, `wp:featuredmedia` and `wp:term` ([categories],
[tags]); `wp:attachment` is a link only (`/wp/v2/media?parent=`). The
closed variants answer 401/403/404 on /wp-json (the RSS fallback) and, with
the feed closed too, 404 on /feed/ (the HTML fallback).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape, unescape
from urllib.parse import parse_qs, urlencode
from zoneinfo import ZoneInfo

from scraper.mirror.articles_lis import POSTS, Post
from scraper.mirror.site import ROBOTS_TXT, STATIC_LAST_MODIFIED, Route, make_route, not_found_route

WARSAW = ZoneInfo("Europe/Warsaw")
JSON = "application/json; charset=UTF-8"
RSS = "application/rss+xml; charset=UTF-8"
HTML = "text/html; charset=UTF-8"
WP_ROBOTS = ROBOTS_TXT + b"Disallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"
EXCERPT_WORDS = 55  # WordPress's excerpt_length
FEED_SIZE = 10  # posts_per_rss
LISTING_SIZE = 10  # posts_per_page
CLOSED_BODIES = {
    401: {"code": "rest_not_logged_in", "message": "Nie jesteś zalogowany.", "data": {"status": 401}},
    403: {"code": "rest_forbidden", "message": "Brak uprawnień.", "data": {"status": 403}},
    404: {
        "code": "rest_no_route",
        "message": "Nie znaleziono ścieżki pasującej do adresu URL i metody żądania.",
        "data": {"status": 404},
    },
}


def local(iso: str) -> str:
    """The site's local wall time, as WordPress's `date` / `modified` show it."""
    return datetime.fromisoformat(iso).astimezone(WARSAW).strftime("%Y-%m-%dT%H:%M:%S")


def gmt(iso: str) -> str:
    """UTC without an offset, as `date_gmt` / `modified_gmt` show it."""
    return datetime.fromisoformat(iso).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def error(code: str, message: str, status: int) -> Route:
    body = json.dumps({"code": code, "message": message, "data": {"status": status}}, ensure_ascii=False)
    return make_route(body.encode("utf-8"), JSON, STATIC_LAST_MODIFIED, status=status)


def slugify(name: str) -> str:
    table = str.maketrans("ąćęłńóśźż ", "acelnoszz-")
    return re.sub(r"[^a-z0-9-]", "", name.lower().translate(table))


@dataclass(frozen=True)
class WordPressMirror:
    """Every URL of one WordPress site; `answer(path)` gives the Route for `/path?query` (None: not ours)."""

    host: str
    posts: tuple[Post, ...]
    closed_api: int | None = None  # 401, 403 or 404 on every /wp-json URL
    closed_feed: bool = False  # /feed/ answers 404 as well

    @property
    def base(self) -> str:
        return f"https://{self.host}"

    def answer(self, path_query: str) -> Route | None:
        path, _, query = path_query.partition("?")
        params = {key: values[-1] for key, values in parse_qs(query, keep_blank_values=True).items()}
        if path.startswith("/wp-json"):
            if self.closed_api:
                body = json.dumps(CLOSED_BODIES[self.closed_api], ensure_ascii=False).encode("utf-8")
                return make_route(body, JSON, STATIC_LAST_MODIFIED, status=self.closed_api)
            if path == "/wp-json/wp/v2/posts":
                return self.posts_page(params)
            if path == "/wp-json/wp/v2/media":
                return self.media_page(params)
            return error("rest_no_route", "Nie znaleziono ścieżki pasującej do adresu URL i metody żądania.", 404)
        if path == "/robots.txt":
            return make_route(WP_ROBOTS, "text/plain; charset=utf-8", STATIC_LAST_MODIFIED)
        if path == "/feed/":
            return None if self.closed_feed else self.feed_page(params)
        if match := re.fullmatch(r"/aktualnosci/(?:page/(\d+)/)?", path):
            return self.listing_page(int(match.group(1) or 1))
        return next((self.article_page(post) for post in self.posts if post.link == self.base + path), None)

    # --- ids the REST API gives users, terms and media ---------------------------------------

    def user_id(self, name: str) -> int:
        return sorted({post.author for post in self.posts}).index(name) + 2

    def term(self, taxonomy: str, name: str) -> dict:
        names = sorted({n for post in self.posts for n in (post.categories if taxonomy == "category" else post.tags)})
        term_id = names.index(name) + (1 if taxonomy == "category" else 100)
        base = "kategoria" if taxonomy == "category" else "tag"
        return {
            "id": term_id,
            "link": f"{self.base}/{base}/{slugify(name)}/",
            "name": escape(name, quote=False),
            "slug": slugify(name),
            "taxonomy": taxonomy,
            "_links": {
                "self": [
                    {
                        "href": f"{self.base}/wp-json/wp/v2/{'categories' if taxonomy == 'category' else 'tags'}/{term_id}"
                    }
                ]
            },
        }

    def media(self, post: Post) -> list[dict]:
        """The post's uploaded files: featured image, content figure, attached documents (ids 5000 + n)."""
        entries = []
        uploads = [("image", post.featured), ("image", post.figure)]
        uploads += [("file", (file, title, size)) for file, title, size in post.attached]
        for kind, upload in uploads:
            if upload:
                entries.append(self.media_object(post, len(entries), kind, upload))
        return entries

    def media_object(self, post: Post, n: int, kind: str, upload: tuple) -> dict:
        file, title = upload[0], upload[1]
        media_id = 5000 + post.id * 10 + n
        url = f"{self.base}/wp-content/uploads/{file}"
        caption = f"<p>{escape(title, quote=False)}</p>\n" if kind == "image" else ""
        details = (
            {
                "width": 1200,
                "height": 800,
                "file": file,
                "filesize": 254000,
                "sizes": {
                    "full": {
                        "file": file.rsplit("/", 1)[-1],
                        "width": 1200,
                        "height": 800,
                        "mime_type": "image/jpeg",
                        "source_url": url,
                    }
                },
            }
            if kind == "image"
            else {"filesize": upload[2]}
        )
        return {
            "id": media_id,
            "date": local(post.date),
            "date_gmt": gmt(post.date),
            "guid": {"rendered": url},
            "modified": local(post.date),
            "modified_gmt": gmt(post.date),
            "slug": slugify(file.rsplit("/", 1)[-1]),
            "status": "inherit",
            "type": "attachment",
            "link": f"{post.link}{slugify(file.rsplit('/', 1)[-1])}/",
            "title": {
                "rendered": escape(file.rsplit("/", 1)[-1].rsplit(".", 1)[0] if kind == "image" else title, quote=False)
            },
            "author": self.user_id(post.author),
            "comment_status": "open",
            "ping_status": "closed",
            "template": "",
            "meta": [],
            "description": {"rendered": ""},
            "caption": {"rendered": caption},
            "alt_text": "",
            "media_type": kind,
            "mime_type": "image/jpeg" if kind == "image" else "application/pdf",
            "media_details": details,
            "post": post.id,
            "source_url": url,
            "_links": {"self": [{"href": f"{self.base}/wp-json/wp/v2/media/{media_id}"}]},
        }

    # --- post JSON -------------------------------------------------------------------------------

    def content(self, post: Post) -> str:
        blocks = [f"<p>{paragraph}</p>" for paragraph in post.paragraphs]
        if post.figure:
            file, caption = post.figure
            blocks.insert(
                1,
                f'<figure class="wp-block-image size-large"><img decoding="async" '
                f'src="{self.base}/wp-content/uploads/{file}" alt="" class="wp-image-{5000 + post.id * 10 + 1}"/>'
                f'<figcaption class="wp-element-caption">{escape(caption, quote=False)}</figcaption></figure>',
            )
        blocks += [
            f'<p><a href="{self.base}/wp-content/uploads/{file}">{escape(text, quote=False)}</a></p>'
            for file, text in post.documents
        ]
        return "\n\n".join(blocks) + "\n"

    def excerpt(self, post: Post) -> str:
        if post.excerpt is not None:
            return post.excerpt
        words = re.sub(r"<[^>]+>", "", " ".join(post.paragraphs)).split()
        more = " [&hellip;]" if len(words) > EXCERPT_WORDS else ""
        return f"<p>{' '.join(words[:EXCERPT_WORDS])}{more}</p>\n"

    def post_json(self, post: Post) -> dict:
        modified = post.modified or post.date
        api = f"{self.base}/wp-json/wp/v2"
        user = self.user_id(post.author)
        categories = [self.term("category", name) for name in post.categories]
        tags = [self.term("post_tag", name) for name in post.tags]
        media = self.media(post)
        featured = media[0] if post.featured else None
        data = {
            "id": post.id,
            "date": local(post.date),
            "date_gmt": gmt(post.date),
            "guid": {"rendered": f"{self.base}/?p={post.id}"},
            "modified": local(modified),
            "modified_gmt": gmt(modified),
            "slug": post.slug,
            "status": "publish",
            "type": "post",
            "link": post.link,
            "title": {"rendered": post.title},
            "content": {"rendered": self.content(post), "protected": False},
            "excerpt": {"rendered": self.excerpt(post), "protected": False},
            "author": user,
            "featured_media": featured["id"] if featured else 0,
            "comment_status": "closed",
            "ping_status": "closed",
            "sticky": False,
            "template": "",
            "format": "standard",
            "meta": {"footnotes": ""},
            "categories": [term["id"] for term in categories],
            "tags": [term["id"] for term in tags],
            "class_list": [f"post-{post.id}", "post", "type-post", "status-publish", "format-standard", "hentry"],
            "_links": {
                "self": [{"href": f"{api}/posts/{post.id}", "targetHints": {"allow": ["GET"]}}],
                "collection": [{"href": f"{api}/posts"}],
                "about": [{"href": f"{api}/types/post"}],
                "author": [{"embeddable": True, "href": f"{api}/users/{user}"}],
                "replies": [{"embeddable": True, "href": f"{api}/comments?post={post.id}"}],
                "version-history": [{"count": 1 if post.modified else 0, "href": f"{api}/posts/{post.id}/revisions"}],
                "wp:attachment": [{"href": f"{api}/media?parent={post.id}"}],
                "wp:term": [
                    {"taxonomy": "category", "embeddable": True, "href": f"{api}/categories?post={post.id}"},
                    {"taxonomy": "post_tag", "embeddable": True, "href": f"{api}/tags?post={post.id}"},
                ],
                "curies": [{"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}],
            },
            "_embedded": {
                "author": [
                    {
                        "id": user,
                        "name": post.author,
                        "url": "",
                        "description": "",
                        "link": f"{self.base}/author/{slugify(post.author)}/",
                        "slug": slugify(post.author),
                        "avatar_urls": {"24": "https://secure.gravatar.com/avatar/?s=24&d=mm&r=g"},
                        "_links": {"self": [{"href": f"{api}/users/{user}"}]},
                    }
                ],
                "wp:term": [categories, tags],
            },
        }
        if featured:
            data["_links"]["wp:featuredmedia"] = [{"embeddable": True, "href": f"{api}/media/{featured['id']}"}]
            data["_embedded"]["wp:featuredmedia"] = [featured]
        return data

    # --- REST endpoints ---------------------------------------------------------------------------

    def paged(self, params: dict, entries: list, path: str, extra: dict) -> Route:
        """One page of a collection with WordPress's pagination headers and errors."""
        try:
            per_page, page = int(params.get("per_page", 10)), int(params.get("page", 1))
        except ValueError:
            return error("rest_invalid_param", "Nieprawidłowy parametr: per_page, page", 400)
        if not 1 <= per_page <= 100 or page < 1:
            return error("rest_invalid_param", "Nieprawidłowy parametr: per_page, page", 400)
        total = len(entries)
        pages = -(-total // per_page)
        if total and page > pages:
            return error(
                "rest_post_invalid_page_number", "Żądany numer strony jest większy niż liczba dostępnych stron.", 400
            )
        chosen = entries[(page - 1) * per_page : page * per_page]
        route = make_route(json.dumps(chosen, ensure_ascii=False).encode("utf-8"), JSON, STATIC_LAST_MODIFIED)
        query = {**extra, "per_page": per_page}
        links = [
            f'<{self.base}{path}?{urlencode({**query, "page": n})}>; rel="{rel}"'
            for n, rel in ((page - 1, "prev"), (page + 1, "next"))
            if 1 <= n <= pages
        ]
        headers = {**route.headers, "X-WP-Total": str(total), "X-WP-TotalPages": str(pages), "Allow": "GET"}
        if links:
            headers["Link"] = ", ".join(links)
        return Route(status=200, headers=headers, body=route.body)

    def posts_page(self, params: dict) -> Route:
        posts = list(self.posts)
        if "modified_after" in params:
            try:
                after = datetime.fromisoformat(params["modified_after"].replace("Z", "+00:00"))
            except ValueError:
                return error("rest_invalid_param", "Nieprawidłowy parametr: modified_after", 400)
            after = after if after.tzinfo else after.replace(tzinfo=WARSAW)  # naive = the site's time zone
            posts = [post for post in posts if datetime.fromisoformat(post.modified or post.date) > after]
        field = "modified" if params.get("orderby") == "modified" else "date"
        posts.sort(
            key=lambda post: (datetime.fromisoformat(getattr(post, field) or post.date), post.id),
            reverse=params.get("order", "desc") == "desc",
        )
        entries = [self.post_json(post) for post in posts]
        if "_embed" not in params:
            entries = [{key: value for key, value in entry.items() if key != "_embedded"} for entry in entries]
        extra = {key: value for key, value in params.items() if key not in ("page", "per_page")}
        return self.paged(params, entries, "/wp-json/wp/v2/posts", extra)

    def media_page(self, params: dict) -> Route:
        parents = {int(value) for value in params.get("parent", "").split(",") if value.strip().isdigit()}
        entries = [entry for post in self.posts for entry in self.media(post) if not parents or post.id in parents]
        entries.sort(key=lambda entry: entry["id"], reverse=True)
        return self.paged(params, entries, "/wp-json/wp/v2/media", {"parent": params.get("parent", "")})

    # --- RSS and HTML ----------------------------------------------------------------------------

    def newest_first(self) -> list[Post]:
        return sorted(self.posts, key=lambda post: datetime.fromisoformat(post.date), reverse=True)

    def feed_page(self, params: dict) -> Route | None:
        page = int(params.get("paged", 1)) if params.get("paged", "1").isdigit() else 1
        chosen = self.newest_first()[(page - 1) * FEED_SIZE : page * FEED_SIZE]
        if not chosen:
            return None  # WordPress answers 404 past the last feed page
        items = "".join(self.feed_item(post) for post in chosen)
        newest = max(datetime.fromisoformat(post.modified or post.date) for post in chosen)
        body = f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>
<channel>
	<title>Laboratorium Innowacji Społecznych</title>
	<atom:link href="{self.base}/feed/" rel="self" type="application/rss+xml" />
	<link>{self.base}</link>
	<description>Gdynia</description>
	<lastBuildDate>{format_datetime(newest.astimezone(UTC))}</lastBuildDate>
	<language>pl-PL</language>
	<sy:updatePeriod>hourly</sy:updatePeriod>
	<sy:updateFrequency>1</sy:updateFrequency>
	<generator>https://wordpress.org/?v=6.7.1</generator>
{items}</channel>
</rss>
"""
        return make_route(body.encode("utf-8"), RSS, newest)

    def feed_item(self, post: Post) -> str:
        categories = "".join(
            f"\t\t<category><![CDATA[{name}]]></category>\n" for name in (*post.categories, *post.tags)
        )
        title = escape(unescape(post.title), quote=False)
        description = re.sub(r"<[^>]+>", "", self.excerpt(post)).strip()
        return f"""	<item>
		<title>{title}</title>
		<link>{post.link}</link>
		<dc:creator><![CDATA[{post.author}]]></dc:creator>
		<pubDate>{format_datetime(datetime.fromisoformat(post.date).astimezone(UTC))}</pubDate>
{categories}		<guid isPermaLink="false">{self.base}/?p={post.id}</guid>
		<description><![CDATA[{description}]]></description>
		<content:encoded><![CDATA[{self.content(post)}]]></content:encoded>
	</item>
"""

    def listing_page(self, page: int) -> Route | None:
        posts = self.newest_first()
        chosen = posts[(page - 1) * LISTING_SIZE : page * LISTING_SIZE]
        if not chosen:
            return None
        entries = "\n".join(
            f'<article id="post-{post.id}" class="post type-post"><h2 class="entry-title">'
            f'<a href="{post.link}" rel="bookmark">{post.title}</a></h2>'
            f'<div class="entry-summary">{self.excerpt(post)}</div></article>'
            for post in chosen
        )
        more = page * LISTING_SIZE < len(posts)
        next_link = f"{self.base}/aktualnosci/page/{page + 1}/"
        pager = (
            f'<nav class="navigation pagination"><a class="next page-numbers" href="{next_link}">Następne</a></nav>'
            if more
            else ""
        )
        head_next = f'<link rel="next" href="{next_link}">' if more else ""
        body = (
            f'<!DOCTYPE html><html lang="pl-PL"><head><meta charset="UTF-8"><title>Aktualności &#8211; '
            f'Laboratorium Innowacji Społecznych</title>{head_next}</head><body class="blog">'
            f'<header class="site-header"><a href="{self.base}/">LIS Gdynia</a></header>'
            f'<main id="main" class="site-main">{entries}{pager}</main>'
            f'<footer class="site-footer">Laboratorium Innowacji Społecznych, ul. Bema 4, Gdynia</footer></body></html>'
        )
        return make_route(body.encode("utf-8"), HTML, STATIC_LAST_MODIFIED)

    def article_page(self, post: Post) -> Route:
        modified = post.modified or post.date
        tags = "".join(
            f'<a href="{self.term("post_tag", tag)["link"]}" rel="tag">{escape(tag)}</a> ' for tag in post.tags
        )
        featured = (
            f'<div class="post-thumbnail"><figure><img src="{self.base}/wp-content/uploads/{post.featured[0]}" alt="">'
            f"<figcaption>{escape(post.featured[1])}</figcaption></figure></div>"
            if post.featured
            else ""
        )
        jsonld = json.dumps(
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": unescape(post.title),
                "datePublished": post.date,
                "dateModified": modified,
                "author": {"@type": "Person", "name": post.author},
                "publisher": {"@type": "Organization", "name": "Laboratorium Innowacji Społecznych"},
            },
            ensure_ascii=False,
        )
        body = f"""<!DOCTYPE html><html lang="pl-PL"><head><meta charset="UTF-8">
<title>{post.title} &#8211; Laboratorium Innowacji Społecznych</title>
<link rel="canonical" href="{post.link}">
<link rel='shortlink' href='{self.base}/?p={post.id}' />
<meta property="article:published_time" content="{post.date}">
<meta property="article:modified_time" content="{modified}">
<script type="application/ld+json">{jsonld}</script>
</head><body class="post-template-default single single-post postid-{post.id} single-format-standard">
<header class="site-header"><a href="{self.base}/">LIS Gdynia</a><nav class="menu"><a href="{self.base}/aktualnosci/">Aktualności</a></nav></header>
<main id="main" class="site-main"><article id="post-{post.id}" class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{post.title}</h1>
<div class="entry-meta"><span class="byline">Autor: <span class="author vcard">{post.author}</span></span>
<time class="entry-date published" datetime="{post.date}">{local(post.date)[:10]}</time></div></header>
{featured}<div class="entry-content">
{self.content(post)}</div>
<footer class="entry-footer"><span class="tags-links">{tags}</span></footer></article></main>
<footer class="site-footer">Laboratorium Innowacji Społecznych, ul. Bema 4, Gdynia</footer></body></html>"""
        return make_route(body.encode("utf-8"), HTML, datetime.fromisoformat(modified))


LIS_HOST = "lis.gdynia.pl"


def wordpress_sites(posts: tuple[Post, ...] = POSTS, **variant) -> dict[str, WordPressMirror]:
    """The mirror's WordPress sites by host; `variant` is `closed_api=401` and/or `closed_feed=True`."""
    return {LIS_HOST: WordPressMirror(LIS_HOST, tuple(posts), **variant)}


def answer(sites: dict[str, WordPressMirror], host_path: str) -> Route | None:
    """The route for `host/path?query` when `host` is one of `sites`; the 404 page for its unknown paths."""
    host, _, rest = host_path.partition("/")
    site = sites.get(host)
    if site is None:
        return None
    return site.answer("/" + rest) or not_found_route()
