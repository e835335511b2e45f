"""The title layer: site names never win, truncated and shortened copies lose, the winner's source is recorded."""

import pytest

from scraper.extract import extract_article
from scraper.extract.title import folded, registry_names
from scraper.sites import SITES

BODY = (
    "<p>Mieszkańcy mogą zgłaszać uwagi do projektu zagospodarowania placu do końca miesiąca, "
    "osobiście albo przez formularz internetowy.</p>"
)


def title_of(head: str, body: str, url: str = "https://example.org/a-1") -> tuple[str | None, str | None]:
    item = extract_article(f"<html><head>{head}</head><body>{body}</body></html>".encode(), url)
    return item["title"], item["extraction"]["fields"].get("title")


def test_denylist_comes_from_the_site_registry():
    names = {name for site in SITES.values() for name in (site.name, site.city, site.publisher, *site.hosts)}
    assert {folded(name) for name in names} <= registry_names()


@pytest.mark.parametrize("name", [name for site in SITES.values() for name in (site.city, site.publisher, site.name)])
def test_registry_names_are_denied(name):
    assert title_of(f"<title>{name}</title>", f"<h1>{name}</h1><div>{BODY * 2}</div>")[0] is None


@pytest.mark.parametrize(
    "title, expected",
    [
        ("Konsultacje – plac Rybi - Przemyśl", "Konsultacje – plac Rybi"),
        ("Gdynia | Nowe ławki", "Nowe ławki"),
        ("Dni otwarte - Urząd Miejski w Przemyślu", "Dni otwarte"),
        ("Rewitalizacja Starego Miasta – konsultacje…", "Rewitalizacja Starego Miasta – konsultacje"),
    ],
)
def test_site_suffixes_and_ellipsis_are_removed_from_title_tags(title, expected):
    assert title_of(f"<title>{title}</title>", f"<div>{BODY * 2}</div>") == (expected, "title-tag")


def test_truncated_title_tag_loses_to_the_full_heading_it_prefixes():
    heading = "Rewitalizacja Starego Miasta – konsultacje społeczne w sprawie placu"
    assert title_of(
        "<title>Rewitalizacja Starego Miasta – konsultacje…</title>",
        f"<div><p><b>Komunikat</b></p><h3>{heading}</h3>{BODY}</div>",
    ) == (heading, "heading:h3")


def test_shortened_heading_loses_to_the_fuller_title_two_sources_agree_on():
    full = "Nowe ławki w parku miejskim"
    head = f'<meta property="og:title" content="{full}"><title>{full} | Serwis</title>'
    assert title_of(head, f"<article><h1>Nowe ławki w parku</h1>{BODY}</article>") == (full, "og:title")


def test_heading_above_the_body_beats_one_further_down():
    assert title_of("", f"<div><h2>Plac Rybi po remoncie</h2>{BODY}<h2>Zobacz także inne wiadomości</h2></div>") == (
        "Plac Rybi po remoncie",
        "heading:h2",
    )


def test_site_layer_answers_first():
    page = (
        '<html><head><title>Inny tytuł strony</title></head><body><article class="news-single">'
        f'<h1 class="news-title">Tytuł z warstwy serwisu</h1><div class="news-content">{BODY}</div>'
        "</article></body></html>"
    ).encode()
    item = extract_article(page, "https://przemysl.pl/1/a.html")
    assert (item["title"], item["extraction"]["fields"]["title"]) == ("Tytuł z warstwy serwisu", "site")


@pytest.mark.parametrize(
    "head, body",
    [
        ("<title>Aktualności</title>", f"<div>{BODY * 2}</div>"),
        ("", f"<div>{BODY * 2}</div><h3>Polecamy</h3>"),
    ],
    ids=["one-word <title>", "one-word heading below the body"],
)
def test_candidates_nothing_backs_are_no_title(head, body):
    assert title_of(head, body) == (None, None)


def test_truncated_title_tag_alone_is_still_the_title():
    assert title_of("<title>Konsultacje społeczne w sprawie placu…</title>", f"<div>{BODY * 2}</div>") == (
        "Konsultacje społeczne w sprawie placu",
        "title-tag",
    )
