"""Gdynia /rewitalizacja pages of the mirror: article and listing markup (docs/mirror-markup.md)."""

from __future__ import annotations

from html import escape

from scraper.mirror.render_common import PLANTED_XSS, article_head, text_block
from scraper.mirror.spec import ArticleSpec, ListingEntry, StoragePath, local_time

DATE_LAYOUT = "%d.%m.%Y %H:%M"
LISTING_ID = "3963"

_HEAD_EXTRAS = """<link rel="stylesheet" href="/static/css/gdynia.css">
<style>.article__title{font-size:2.2rem}.tags li{display:inline}.site-notice{background:#ffd400}</style>
<script src="/static/js/app.js" defer></script>"""

_HEADER = """<header class="site-header">
<a class="logo" href="/rewitalizacja"><img src="/static/img/ikona-gdynia.svg" alt="ikona"> Gdynia OdNowa – strona główna</a>
<nav class="menu"><ul>
<li><a href="/mieszkancy">Mieszkańcy</a></li>
<li><a href="/rewitalizacja">Rewitalizacja</a></li>
<li><a href="/rewitalizacja/aktualnosci,3963">Aktualności</a></li>
<li><a href="/rewitalizacja/przystanie">Przystanie</a></li>
<li><a href="/rewitalizacja/gpr">Gminny Program Rewitalizacji</a></li>
</ul></nav>
</header>"""

_FOOTER = """<footer class="site-footer">
<p>Urząd Miasta Gdyni, al. Marszałka Piłsudskiego 52/54, 81-382 Gdynia</p>
<p><img src="/static/img/ikona-bip.svg" alt="ikona"> ikona</p>
</footer>
<script>document.documentElement.classList.add('js');</script>"""


def _head(title: str, spec: ArticleSpec | None = None) -> str:
    extras = article_head(spec) if spec is not None else ""
    return (
        f'<head>\n<meta charset="utf-8">\n<title>{escape(title)} - Gdynia OdNowa - Gdynia.pl</title>\n'
        f"{extras}{_HEAD_EXTRAS}\n</head>"
    )


def _notice(spec: ArticleSpec) -> str:
    return f'<div class="site-notice"><p>{spec.notice}</p></div>' if spec.notice else ""


def _tags(spec: ArticleSpec) -> str:
    if not spec.tags:
        return ""
    items = "".join(f'<li><a href="/rewitalizacja/tag/{tag.lstrip("#")}">{tag}</a></li>' for tag in spec.tags)
    return f'<ul class="tags">{items}</ul>'


def _photo(spec: ArticleSpec) -> str:
    photo = spec.photo
    if photo is None:
        return ""
    text = escape(photo.text)
    return (
        f'<figure class="article__photo">\n<img src="{photo.src}" alt="{text}">\n'
        f"<figcaption>{text}</figcaption>\n</figure>"
    )


def _body_block(block: str | StoragePath) -> str:
    if not isinstance(block, StoragePath):
        return text_block(block)
    if block.linked:
        return f'<p><a href="{block.path}">{block.path}</a></p>'
    return f"<p>{block.path}</p>"


def _meta(spec: ArticleSpec) -> str:
    if not spec.show_footer:
        return ""
    rows = [("Opublikowano:", local_time(spec.published_at, DATE_LAYOUT)), ("Autor:", spec.author)]
    if spec.modified_at:
        rows += [("Zaktualizowano:", local_time(spec.modified_at, DATE_LAYOUT)), ("Zmodyfikował:", spec.modified_by)]
    items = "\n".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return f'<div class="article__meta">\n<dl>\n{items}\n</dl>\n</div>'


def render_article(spec: ArticleSpec) -> str:
    """The full HTML page of one Gdynia article."""
    subtitle = f'<p class="article__subtitle">{spec.subtitle}</p>\n' if spec.subtitle else ""
    lead = f'<div class="article__lead"><p>{spec.lead}</p></div>\n' if spec.lead else ""
    date_line = f"<p>{spec.date_line}</p>\n" if spec.date_line else ""
    body = "\n".join(_body_block(block) for block in spec.body)
    planted = "\n" + PLANTED_XSS if spec.planted_xss else ""
    return f"""<!DOCTYPE html>
<html lang="{spec.language}">
{_head(spec.title, spec)}
<body>
{_notice(spec)}
{_HEADER}
<div class="breadcrumb"><a href="/rewitalizacja">Rewitalizacja</a> <span>Aktualności</span></div>
<div class="article">
{_tags(spec)}
<h1 class="article__title">{escape(spec.title)}</h1>
{subtitle}{lead}{_photo(spec)}
<div class="article__body">
{date_line}{body}{planted}
</div>
{_tags(spec)}
{_meta(spec)}
</div>
{_FOOTER}
</body>
</html>
"""


def listing_path(page: int) -> str:
    """Path of /rewitalizacja news listing page `page` (1-based) on www.gdynia.pl."""
    segment = "aktualnosci" if page == 1 else f"aktualnosci-{page}"
    return f"/rewitalizacja/{segment},{LISTING_ID}"


def _pager(page: int, pages: int) -> str:
    links = []
    for number in range(1, pages + 1):
        current = ' aria-current="page" class="pager__item is-active"' if number == page else ' class="pager__item"'
        links.append(f'<a{current} href="{listing_path(number)}">{number}</a>')
    if page < pages:
        links.append(f'<a class="pager__next" rel="next" href="{listing_path(page + 1)}">Następna strona</a>')
    return '<nav class="pager">\n' + "\n".join(links) + "\n</nav>"


def _entry(entry: ListingEntry) -> str:
    spec = entry.spec
    date = local_time(spec.published_at, "%d.%m.%Y")
    return (
        f'<div class="news-item">\n<a class="news-item__link" href="{entry.href}">'
        f'<h3 class="news-item__title">{escape(spec.title)}</h3></a>\n'
        f'<span class="news-item__date">{date}</span>\n</div>'
    )


def render_listing(entries: list[ListingEntry], page: int, pages: int) -> str:
    """/rewitalizacja news listing page `page` of `pages`, entries as given (newest first)."""
    items = "\n".join(_entry(entry) for entry in entries)
    return f"""<!DOCTYPE html>
<html lang="pl">
{_head("Aktualności")}
<body>
{_HEADER}
<div class="breadcrumb"><a href="/rewitalizacja">Rewitalizacja</a> <span>Aktualności</span></div>
<h1>Aktualności</h1>
<div class="news-list">
{items}
</div>
{_pager(page, pages)}
{_FOOTER}
</body>
</html>
"""
