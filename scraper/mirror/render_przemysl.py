"""Przemyśl pages of the mirror: article and news listing markup (docs/mirror-markup.md)."""

from __future__ import annotations

from html import escape

from scraper.mirror.render_common import PLANTED_XSS, article_head, text_block
from scraper.mirror.spec import ArticleSpec, ListingEntry, local_time

DATE_LAYOUT = "%d-%m-%Y %H:%M"
LISTING_PATH = "/aktualnosci.html"

# Entities keep the chrome printable in every legacy encoding the mirror uses.
_HEAD_EXTRAS = """<link rel="stylesheet" href="/css/style.min.css">
<style>.news-single h1{font-size:2em}.file-type{font-weight:bold;text-transform:uppercase}</style>
<script src="/js/jquery-1.12.4.min.js"></script>"""

_MENU = """<nav class="main-menu"><ul>
<li><a href="/aktualnosci.html">Aktualno&#347;ci</a></li>
<li><a href="/miasto.html">Miasto</a></li>
<li><a href="/dla-mieszkanca.html">dla Mieszka&#324;ca</a><ul>
 <li><a href="/dla-mieszkanca/rewitalizacja.html">dla Mieszka&#324;ca &rsaquo; Rewitalizacja</a></li>
 <li><a href="/dla-mieszkanca/ogloszenia.html">Og&#322;oszenia</a></li>
</ul></li>
<li><a href="/turystyka.html">Turystyka</a></li>
<li><a href="/biznes.html">Biznes</a></li>
</ul></nav>"""

_FOOTER = """<footer><p>Urz&#261;d Miejski w Przemy&#347;lu, Rynek 1, 37-700 Przemy&#347;l</p>
<p>tel. 16 675 20 00 &middot; <a href="/deklaracja-dostepnosci.html">Deklaracja dost&#281;pno&#347;ci</a></p>
<p>&copy; Urz&#261;d Miejski w Przemy&#347;lu</p></footer>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script>"""


def _top_bar(spec_id: str) -> str:
    # A weather reading that changes from page to page, like the live widget.
    degrees = int(spec_id) % 23 - 3
    return f"""<div id="top-bar">
<div class="weather">{degrees} &deg;C</div>
<ul class="lang-switch"><li><a href="/">PL</a></li><li><a href="/en">EN</a></li><li><a href="/de">DE</a></li></ul>
<span class="close">&times;</span>
<form class="search" action="/szukaj.html"><label for="q">Wyszukaj w serwisie</label><input id="q" name="q"></form>
</div>"""


def _head(title: str, spec: ArticleSpec | None = None) -> str:
    charset = '<meta charset="utf-8">\n' if spec is None or spec.meta_charset else ""
    extras = article_head(spec) if spec is not None else ""
    return f"<head>\n{charset}<title>{escape(title)} - Przemyśl</title>\n{extras}{_HEAD_EXTRAS}\n</head>"


def _attachments(spec: ArticleSpec) -> str:
    if not spec.attachments:
        return ""
    links = "\n".join(
        f'<a class="attachment" href="{a.path}"><span class="file-type">{a.badge}</span>{escape(a.label())}</a>'
        for a in spec.attachments
    )
    return f'<div class="news-attachments">\n{links}\n</div>'


def _gallery(spec: ArticleSpec) -> str:
    if not spec.gallery:
        return ""
    links = "\n".join(
        f'<a href="/uploads/images/{name}"><img src="/uploads/images/{name}" alt="">{name}</a>' for name in spec.gallery
    )
    return f'<div class="news-gallery">\n{links}\n</div>'


def _footnotes(spec: ArticleSpec) -> str:
    if not spec.footnotes:
        return ""
    notes = "\n".join(f"<p>{note}</p>" for note in spec.footnotes)
    return f'<div class="news-footnotes">\n{notes}\n</div>'


def _signature(spec: ArticleSpec) -> str:
    return f'<p class="signature">{"<br>".join(spec.signature)}</p>' if spec.signature else ""


def _meta(spec: ArticleSpec) -> str:
    lines = [f"<p>Opublikował: {spec.author} | Data publikacji: {local_time(spec.published_at, DATE_LAYOUT)}</p>"]
    if spec.modified_at:
        lines.append(
            f"<p>Modyfikował: {spec.modified_by} | Data modyfikacji: {local_time(spec.modified_at, DATE_LAYOUT)}</p>"
        )
    return '<div class="news-meta">\n' + "\n".join(lines) + "\n</div>"


def render_article(spec: ArticleSpec) -> str:
    """The full HTML page of one Przemyśl article."""
    body = "\n".join(text_block(block) for block in spec.body)
    planted = PLANTED_XSS + "\n" if spec.planted_xss else ""
    sections = "\n".join(part for part in (_attachments(spec), _gallery(spec), _footnotes(spec), _meta(spec)) if part)
    return f"""<!DOCTYPE html>
<html lang="{spec.language}">
{_head(spec.title, spec)}
<body>
{_top_bar(spec.article_id)}
{_MENU}
<main>
<article class="news-single">
<h1 class="news-title">{escape(spec.title)}</h1>
<div class="news-content">
{body}
{planted}{_signature(spec)}
</div>
{sections}
</article>
</main>
{_FOOTER}
</body>
</html>
"""


def listing_path(page: int) -> str:
    """Path of news listing page `page` (1-based) on przemysl.pl."""
    return LISTING_PATH if page == 1 else f"/aktualnosci,{page}.html"


def _pagination(page: int, pages: int) -> str:
    items = []
    for number in range(1, pages + 1):
        current = ' class="active"' if number == page else ""
        items.append(f'<li{current}><a href="{listing_path(number)}">{number}</a></li>')
    if page < pages:
        items.append(f'<li><a rel="next" class="next" href="{listing_path(page + 1)}">Następna</a></li>')
    return '<ul class="pagination">\n' + "\n".join(items) + "\n</ul>"


def _entry(entry: ListingEntry) -> str:
    spec = entry.spec
    date = local_time(spec.published_at, "%d-%m-%Y")
    return (
        f'<div class="news-list-item">\n<h2><a href="{entry.href}">{escape(spec.title)}</a></h2>\n'
        f'<span class="date">{date}</span>\n<p>{escape(spec.expected["lead"][:160])}</p>\n</div>'
    )


def render_listing(entries: list[ListingEntry], page: int, pages: int) -> str:
    """News listing page `page` of `pages`, entries as given (newest first)."""
    items = "\n".join(_entry(entry) for entry in entries)
    return f"""<!DOCTYPE html>
<html lang="pl">
{_head("Aktualności")}
<body>
{_top_bar(str(page))}
{_MENU}
<main>
<h1>Aktualności</h1>
<div class="news-list">
{items}
</div>
{_pagination(page, pages)}
</main>
{_FOOTER}
</body>
</html>
"""
