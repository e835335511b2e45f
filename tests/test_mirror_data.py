"""The mirror's own data: article specs and their ground truth, rendered quirks, listings, routes and encodings."""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import pytest

from scraper.extract.items import ATTACHMENT_FIELDS, IMAGE_FIELDS
from scraper.mirror import article_url_map, build_routes, bundled_articles, route_key
from scraper.mirror.factory import przemysl_article
from scraper.mirror.render_common import encode_page
from scraper.mirror.site import mirrored_sites
from scraper.sites import SITES, article_key

WARSAW = ZoneInfo("Europe/Warsaw")
RENDERERS = {name: mirrored.renderer for name, mirrored in mirrored_sites().items()}
EXPECTED_KEYS = {
    "id",
    "url",
    "title",
    "subtitle",
    "lead",
    "published_at",
    "modified_at",
    "author",
    "modified_by",
    "publisher",
    "language",
    "tags",
    "attachments",
    "images",
    "revitalisation",
}

BUNDLED = bundled_articles()
MIRRORED = sorted(BUNDLED)  # every declared site the mirror reconstructs
LISTING_STARTS = {site: route_key(SITES[site].start_url) for site in MIRRORED}
ALL_SPECS = [spec for specs in BUNDLED.values() for spec in specs]
ROUTES = build_routes()


def spec_id(spec):
    return spec.key


def page(spec) -> str:
    return RENDERERS[spec.site].render_article(spec)


def pages(site: str) -> list[str]:
    return [page(spec) for spec in BUNDLED[site]]


def spec_by_key(key: str):
    return next(spec for spec in ALL_SPECS if spec.key == key)


# --- the specs and their ground truth ---------------------------------------------------------


@pytest.mark.parametrize("site", MIRRORED)
def test_each_site_has_at_least_16_articles(site):
    assert len(BUNDLED[site]) >= 16


def test_article_keys_are_unique():
    keys = [spec.key for spec in ALL_SPECS]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("site, digits", [("przemysl", 5), ("gdynia", 6)])
def test_ids_have_the_site_era_length(site, digits):
    assert {len(spec.article_id) for spec in BUNDLED[site]} == {digits}


@pytest.mark.parametrize("site", MIRRORED)
def test_newer_articles_have_higher_ids(site):
    by_date = sorted(BUNDLED[site], key=lambda spec: datetime.fromisoformat(spec.published_at))
    assert [int(spec.article_id) for spec in by_date] == sorted(int(spec.article_id) for spec in by_date)


@pytest.mark.parametrize("spec", ALL_SPECS, ids=spec_id)
def test_expected_has_every_field(spec):
    assert set(spec.expected) == EXPECTED_KEYS


@pytest.mark.parametrize("spec", ALL_SPECS, ids=spec_id)
def test_expected_url_is_the_canonical_url_of_the_id(spec):
    assert (article_key(spec.expected["url"]), SITES[spec.site].canonical_url(spec.expected["url"])) == (
        spec.expected["id"],
        spec.expected["url"],
    )


PAGE_DATES = [
    spec.expected[field] for spec in ALL_SPECS for field in ("published_at", "modified_at") if spec.expected[field]
]


@pytest.mark.parametrize("value", PAGE_DATES)
def test_expected_dates_carry_the_warsaw_offset_of_their_moment(value):
    moment = datetime.fromisoformat(value)
    assert moment.utcoffset() == moment.replace(tzinfo=WARSAW).utcoffset()


@pytest.mark.parametrize("spec", ALL_SPECS, ids=spec_id)
def test_expected_strings_are_never_empty(spec):
    scalars = [value for value in spec.expected.values() if isinstance(value, str)]
    assert all(value.strip() for value in scalars)


@pytest.mark.parametrize("spec", ALL_SPECS, ids=spec_id)
def test_attachments_and_images_have_the_contract_shape(spec):
    shapes = {tuple(a) for a in spec.expected["attachments"]} | {tuple(i) for i in spec.expected["images"]}
    assert shapes <= {ATTACHMENT_FIELDS, IMAGE_FIELDS}


def _declared_bytes(label: str) -> int:
    number, unit = re.fullmatch(r"([\d,]+)(KB|MB)", label).groups()
    return round(float(number.replace(",", ".")) * 1024 ** {"KB": 1, "MB": 2}[unit])


@pytest.mark.parametrize(
    "attachment", [a for spec in BUNDLED["przemysl"] for a in spec.attachments if a.size_label], ids=lambda a: a.path
)
def test_declared_sizes_match_their_labels(attachment):
    assert attachment.size_bytes == _declared_bytes(attachment.size_label)


@pytest.mark.parametrize("spec", ALL_SPECS, ids=spec_id)
def test_body_contains_three_or_four_fragments(spec):
    assert 3 <= len(spec.body_contains) <= 4


@pytest.mark.parametrize("spec", ALL_SPECS, ids=spec_id)
def test_body_fragments_are_on_the_page(spec):
    html = page(spec)
    assert [fragment for fragment in spec.body_contains if fragment not in html] == []


@pytest.mark.parametrize("spec", ALL_SPECS, ids=spec_id)
def test_excluded_strings_are_not_in_the_body_fragments(spec):
    assert [(f, x) for f in spec.body_contains for x in spec.body_excludes if x in f] == []


def test_some_przemysl_articles_are_not_about_revitalisation():
    assert sum(not spec.expected["revitalisation"] for spec in BUNDLED["przemysl"]) >= 3


def test_all_gdynia_articles_are_revitalisation():
    assert all(spec.expected["revitalisation"] for spec in BUNDLED["gdynia"])


@pytest.mark.parametrize(
    "key, url",
    [
        ("gdynia:562076", "https://www.gdynia.pl/rewitalizacja/aktualnosci,3963/modelownia-dla-mlodziezy,562076"),
        ("przemysl:45707", "https://przemysl.pl/45707/spolecznie-zorganizowani.html"),
    ],
)
def test_the_seed_articles_are_in_the_mirror(key, url):
    assert spec_by_key(key).expected["url"] == url


# --- every quirk appears in at least one rendered page ----------------------------------------

QUIRKS = [
    ("przemysl", "old attachment layout", r'<span class="file-type">PDF</span> [^<(]+ \(\d+,\d+MB\)</a>'),
    ("przemysl", "badge glued to NULL title", r'<span class="file-type">JPG</span>NULL \(164,18KB\)'),
    ("przemysl", "badge glued to a title", r'<span class="file-type">[A-Z]+</span>[^ N<][^<]+ \(\d+,\d+KB\)'),
    ("przemysl", "newer attachment layout", r'<span class="file-type">PDF</span>POBIERZ PLIK - [^<(]+</a>'),
    ("przemysl", "empty publisher name", r"Opublikował:  \| Data publikacji: \d\d-\d\d-\d{4} \d\d:\d\d"),
    ("przemysl", "modification line", r"Modyfikował: \w[^|]* \| Data modyfikacji: \d\d-\d\d-\d{4} \d\d:\d\d"),
    ("przemysl", "gallery file name", r">Plakat_\w+\.jpeg</a>"),
    ("przemysl", "footnote", r'class="news-footnotes">\s*<p>\[1\] '),
    ("przemysl", "signature block", r'class="signature">[^<]+<br>Kancelaria Prezydenta Miasta'),
    ("przemysl", "weather and search chrome", r"\d+ &deg;C.*Wyszukaj w serwisie"),
    ("przemysl", "residents' revitalisation menu", r"dla Mieszka&#324;ca &rsaquo; Rewitalizacja"),
    ("przemysl", "English page", r'<html lang="en">'),
    ("gdynia", "site-wide notice", r'class="site-notice"><p>[^<]+Szczegóły w komunikacie\.</p>'),
    ("gdynia", "tags before and after the body", r"(?s)>#projekt<.*>FFW<.*article__body.*>#projekt<.*>FFW<"),
    ("gdynia", "upper-case subtitle", r'class="article__subtitle">[^a-ząćęłńóśźż<]+</p>'),
    ("gdynia", "photo credit fot.", r'alt="[^"]+ // fot\. [^"]+">\s*<figcaption>[^<]+ // fot\. '),
    ("gdynia", "photo credit mat.", r'alt="[^"]+ // mat\. [^"]+">\s*<figcaption>[^<]+ // mat\. '),
    ("gdynia", "photo credit arch.", r'alt="[^"]+ // arch\. [^"]+">\s*<figcaption>[^<]+ // arch\. '),
    ("gdynia", "in-body date line", r'class="article__body">\s*<p>\d\d\.\d\d\.\d{4} r\.</p>'),
    ("gdynia", "linked storage path", r'<a href="(/storage/uzytkownicy/[^"]+)">\1</a>'),
    ("gdynia", "bare storage path", r"<p>/storage/uzytkownicy/[^<]+</p>"),
    ("gdynia", "footer with update lines", r"<dt>Zaktualizowano:</dt><dd>[\d. :]+</dd>\s*<dt>Zmodyfikował:</dt>"),
    ("gdynia", "footer without update lines", r"<dt>Autor:</dt><dd>[^<]+</dd>\s*</dl>"),
    ("gdynia", "ikona trailer", r'alt="ikona"> ikona'),
]


@pytest.mark.parametrize("site, name, pattern", QUIRKS, ids=[name for _, name, _ in QUIRKS])
def test_quirk_is_rendered_somewhere(site, name, pattern):
    assert any(re.search(pattern, html, re.DOTALL) for html in pages(site))


@pytest.mark.parametrize("site", MIRRORED)
def test_some_pages_carry_json_ld(site):
    assert any('"@type": "NewsArticle"' in html for html in pages(site))


@pytest.mark.parametrize("site", MIRRORED)
def test_planted_xss_is_inside_an_article_body(site):
    body_class = {"przemysl": "news-content", "gdynia": "article__body"}[site]
    pattern = rf'class="{body_class}">(?:(?!</div>).)*<script>alert\(1\)</script>\s*<p><img src=x onerror='
    assert any(re.search(pattern, html, re.DOTALL) for html in pages(site))


def test_a_gdynia_page_without_footer_falls_back_to_its_date_line():
    spec = next(spec for spec in BUNDLED["gdynia"] if not spec.show_footer)
    assert ("article__meta" not in page(spec), spec.expected["published_at"]) == (
        True,
        datetime.strptime(spec.date_line, "%d.%m.%Y r.").replace(tzinfo=WARSAW).isoformat(),
    )


@pytest.mark.parametrize(
    "published_at",
    [
        "2017-03-26T01:30:00+01:00",
        "2017-03-26T03:30:00+02:00",  # around the spring switch
        "2017-10-28T22:15:00+02:00",
        "2018-10-26T14:00:00+02:00",  # the end of summer time
        "2020-10-26T08:40:00+01:00",
        "2018-11-05T11:30:00+01:00",
    ],
)
def test_dates_on_both_sides_of_dst_changes_exist(published_at):
    assert published_at in {spec.expected["published_at"] for spec in ALL_SPECS}


# --- listings ---------------------------------------------------------------------------------

LINK_PATTERNS = {
    "przemysl": r'class="news-list-item">\s*<h2><a href="([^"]+)"',
    "gdynia": r'class="news-item__link" href="([^"]+)"',
}
NEXT_PATTERNS = {
    "przemysl": r'<a rel="next" class="next" href="([^"]+)"',
    "gdynia": r'<a class="pager__next" rel="next" href="([^"]+)"',
}


def walk_listing(site: str, routes=ROUTES) -> list[list[str]]:
    """Absolute article links of each listing page, following rel=next from page 1."""
    key, found = LISTING_STARTS[site], []
    while key:
        html = routes[key].body.decode("utf-8")
        base = "https://" + key
        found.append([urljoin(base, href) for href in re.findall(LINK_PATTERNS[site], html)])
        following = re.search(NEXT_PATTERNS[site], html)
        key = route_key(urljoin(base, following.group(1))) if following else None
    return found


@pytest.mark.parametrize("site", MIRRORED)
def test_listings_have_at_least_three_pages(site):
    assert len(walk_listing(site)) >= 3


@pytest.mark.parametrize("site", MIRRORED)
def test_every_article_is_reachable_from_the_listings(site):
    linked = {article_key(url) for links in walk_listing(site) for url in links}
    assert linked == {spec.key for spec in BUNDLED[site]}


@pytest.mark.parametrize("site", MIRRORED)
def test_every_listed_link_is_served(site):
    missing = [url for links in walk_listing(site) for url in links if route_key(url) not in ROUTES]
    assert missing == []


@pytest.mark.parametrize("site", MIRRORED)
def test_listings_run_newest_first(site):
    ids = [int(SITES[site].article_id(url)) for links in walk_listing(site) for url in links[:6]]
    assert ids == sorted(ids, reverse=True)


@pytest.mark.parametrize("site", MIRRORED)
def test_listings_mix_relative_and_absolute_links(site):
    raw = [
        href
        for key in ROUTES
        if SITES[site].is_listing("https://" + key)
        for href in re.findall(LINK_PATTERNS[site], ROUTES[key].body.decode())
    ]
    assert {href.startswith("https://") for href in raw} == {True, False}


def test_a_przemysl_article_is_linked_under_www():
    assert any(urlsplit(url).hostname == "www.przemysl.pl" for links in walk_listing("przemysl") for url in links)


def test_an_article_is_linked_under_two_slugs_from_two_listing_pages():
    pages_by_url = {url: number for number, links in enumerate(walk_listing("przemysl")) for url in links}
    by_key = {}
    for url, number in pages_by_url.items():
        by_key.setdefault(article_key(url), set()).add((urlsplit(url).path, number))
    assert any(len({path for path, _ in seen}) == 2 and len({n for _, n in seen}) == 2 for seen in by_key.values())


def test_gdynia_links_from_later_pages_use_the_paged_listing_segment():
    later = [url for links in walk_listing("gdynia")[1:] for url in links]
    assert later and all(re.search(r"/aktualnosci-\d+,3963/", url) for url in later)


ADDED = przemysl_article(
    article_id="46001",
    slug="dodany-artykul",
    title="Dodany artykuł",
    published_at="2019-01-02T10:00:00+01:00",
    body=("Treść dodanego artykułu.",),
    revitalisation=False,
    body_contains=("dodanego artykułu",),
)


def test_added_articles_are_listed_first():
    routes = build_routes(przemysl=BUNDLED["przemysl"] + [ADDED])
    assert article_key(walk_listing("przemysl", routes)[0][0]) == "przemysl:46001"


def test_added_articles_are_served():
    assert "przemysl.pl/46001/dodany-artykul.html" in build_routes(przemysl=BUNDLED["przemysl"] + [ADDED])


# --- routes, encodings, aliases ---------------------------------------------------------------


def test_article_url_map_names_every_article():
    assert set(article_url_map(ROUTES).values()) == {spec.key for spec in ALL_SPECS}


def _legacy(encoding: str):
    spec = next(spec for spec in BUNDLED["przemysl"] if spec.encoding == encoding)
    return spec, ROUTES[route_key(spec.expected["url"])]


def test_windows_1250_page_is_not_utf8():
    _, route = _legacy("cp1250")
    with pytest.raises(UnicodeDecodeError):
        route.body.decode("utf-8")


def test_windows_1250_page_declares_no_charset():
    _, route = _legacy("cp1250")
    assert (route.headers["Content-Type"], b"charset" in route.body.lower()) == ("text/html", False)


def test_windows_1250_page_holds_polish_letters():
    spec, route = _legacy("cp1250")
    text = route.body.decode("cp1250")
    assert spec.title in text and len(set("ąćęłńóśźż") & set(text)) >= 7


def test_iso_8859_2_page_is_served_as_iso_8859_1():
    _, route = _legacy("iso-8859-2")
    assert (route.headers["Content-Type"], b"charset" in route.body.lower()) == ("text/html; charset=ISO-8859-1", False)


def test_iso_8859_2_page_decodes_as_iso_8859_2_only():
    spec, route = _legacy("iso-8859-2")
    assert (
        route.body == encode_page(spec, page(spec)),
        "ż" in route.body.decode("iso-8859-2"),
        "ż" in route.body.decode("iso-8859-1"),
    ) == (True, True, False)


def test_iso_8859_2_page_needs_no_character_references_in_its_text():
    spec, _ = _legacy("iso-8859-2")
    texts = (spec.title, *spec.body, *spec.body_contains, spec.author)
    assert all(text.encode("iso-8859-2") for text in texts)


@pytest.mark.parametrize(
    "alias, canonical",
    [
        ("www.przemysl.pl", "przemysl.pl"),
        ("slabowidzacy.przemysl.pl", "przemysl.pl"),
        ("gdynia.pl", "www.gdynia.pl"),
    ],
)
def test_alias_hosts_serve_the_same_pages(alias, canonical):
    canonical_keys = [key for key in ROUTES if key.startswith(canonical + "/")]
    assert all(ROUTES[alias + key[len(canonical) :]] == ROUTES[key] for key in canonical_keys)


def test_etags_differ_between_pages():
    etags = {route.headers["ETag"]: route.body for route in ROUTES.values()}
    assert len(etags) == len({route.body for route in ROUTES.values()})


def test_routes_are_reproducible():
    assert build_routes() == ROUTES
