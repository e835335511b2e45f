"""The reading room in process: the article page, versions and quiet edits, the articles list, Polish facets, feeds."""

from __future__ import annotations

import asyncio
import re
from html import unescape
from urllib.parse import quote

import pytest

from factories import make_item
from scraper.archive import Archive
from scraper.serve.app import datasette_instance, load_metadata
from test_datasette_data import CHANGED_ID, XSS_AUTHOR, XSS_ID, XSS_TAG, add_downloads, build_archive

PLANTY = "przemysl:45707"
ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    return datasette_instance(build_archive(tmp_path_factory.mktemp("reading") / "archive.db"))


@pytest.fixture(scope="module")
def ds_with_downloads(tmp_path_factory):
    return datasette_instance(add_downloads(build_archive(tmp_path_factory.mktemp("downloads") / "archive.db")))


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def article_page(ds, article_id):
    response = get(ds, f"/archive/articles/{quote(article_id.replace(':', '~3A'))}")
    assert response.status_code == 200
    return response.text


def article_html(ds, article_id):
    return re.search(r"<article class=\"kronika-article\".*?</article>", article_page(ds, article_id), re.S).group(0)


def visible_text(html):
    """The text a reader sees: tags (and their attributes, such as <time datetime>) removed."""
    return unescape(re.sub(r"<[^>]+>", " ", html))


def section(html, name):
    return re.search(rf'<section class="kronika-{name}".*?</section>', html, re.S).group(0)


# --- the article page ---


def test_article_page_is_headed_by_its_title(ds):
    assert "<h1>Rewitalizacja Plant Miejskich w Przemyślu</h1>" in article_html(ds, PLANTY)


def test_article_page_title_names_the_article(ds):
    assert "<title>Rewitalizacja Plant Miejskich w Przemyślu — Kronika</title>" in article_page(ds, PLANTY)


def test_subtitle_is_shown(ds):
    assert 'class="kronika-subtitle">MODELOWE ROZWIĄZANIA W PRACY Z MŁODZIEŻĄ<' in article_html(ds, "gdynia:562076")


def test_byline_has_city_site_publisher_and_author(ds):
    byline = re.search(r'<p class="kronika-byline">(.*?)</p>', article_html(ds, PLANTY)).group(1)
    assert visible_text(byline).split() == "Przemyśl przemysl.pl Urząd Miejski w Przemyślu autor: Rafał Porada".split()


def test_published_date_is_polish_in_a_time_element(ds):
    assert 'opublikowano <time datetime="2018-10-05T08:39:00+02:00">5 października 2018, 08:39</time>' in article_html(
        ds, PLANTY
    )


def test_modified_date_is_polish(ds):
    assert 'zmieniono <time datetime="2023-05-12T08:00:00+02:00">12 maja 2023, 08:00</time>' in article_html(
        ds, CHANGED_ID
    )


@pytest.mark.parametrize("article_id", [PLANTY, CHANGED_ID, XSS_ID])
def test_no_raw_iso_time_in_the_visible_text(ds, article_id):
    assert ISO_TIME.findall(visible_text(article_html(ds, article_id))) == []


def test_body_and_lead_appear_once(ds):
    text = visible_text(article_html(ds, PLANTY))
    assert text.count("Rozpoczęła się rewitalizacja Plant Miejskich.") == 1


def test_body_is_the_sanitised_html(ds):
    html = article_html(ds, XSS_ID)
    assert "<p>Spotkanie w sprawie rewitalizacji Witomina.</p>" in html and "<script" not in html


def test_empty_fields_leave_no_gaps(ds):
    # przemysl:46100 has no author, subtitle, tags, attachments or images.
    html = article_html(ds, "przemysl:46100")
    assert (
        "autor:" not in html
        and "kronika-subtitle" not in html
        and "Załączniki" not in html
        and "Tagi:" not in html
        and "kronika-images" not in html
    )


def test_attachments_are_inline_with_type_title_and_size(ds):
    attachments = section(article_html(ds, PLANTY), "attachments")
    assert (
        '<span class="kronika-badge">PDF</span>' in attachments
        and '<a href="https://przemysl.pl/uploads/files/plan-plant.pdf" rel="noopener noreferrer nofollow">'
        "Plan zagospodarowania</a>"
        in attachments
        and "rozmiar podany 1,65 MB" in attachments
    )


def test_attachment_without_a_title_shows_its_file_name(ds):
    assert ">wizualizacja.jpg</a>" in section(article_html(ds, PLANTY), "attachments")


def test_javascript_attachment_url_is_not_a_link(ds):
    assert "javascript:" not in article_html(ds, XSS_ID)


def test_download_fields_show_when_the_archive_has_them(ds_with_downloads):
    attachments = section(article_html(ds_with_downloads, PLANTY), "attachments")
    assert "pobrany 1,62 MB" in attachments and "stron: 3" in attachments and "pobieranie: pobrano" in attachments


def test_document_text_begins_under_its_attachment(ds_with_downloads):
    assert '<blockquote class="kronika-excerpt">Plan zagospodarowania Plant.\nEtap I.' in article_html(
        ds_with_downloads, PLANTY
    )


def test_stored_copy_is_linked(ds_with_downloads):
    assert re.search(
        r'<a href="/archive/-/files/[0-9a-f]{64}" rel="nofollow">kopia w archiwum</a>',
        article_html(ds_with_downloads, PLANTY),
    )


def test_document_text_payload_is_text(ds_with_downloads):
    html = article_html(ds_with_downloads, XSS_ID)
    assert "<script>window" not in html and "&lt;script&gt;window.__pwned=1&lt;/script&gt;Treść uchwały" in html


def test_tags_link_to_the_tag_facet(ds):
    labels = section(article_html(ds, "gdynia:562076"), "labels")
    link = unescape(re.search(r'href="([^"]+)">FFW<', labels).group(1))
    found = get(ds, link.replace("/archive/articles?", "/archive/articles.json?_shape=array&_col=id&")).json()
    assert [row["id"] for row in found] == ["gdynia:562076"]


def test_topics_are_listed(ds):
    assert '<span class="kronika-tag">rewitalizacja</span>' in section(article_html(ds, PLANTY), "labels")


def test_link_to_the_live_page(ds):
    assert 'href="https://przemysl.pl/45707/artykul-45707.html"' in article_html(ds, PLANTY)


def test_images_show_caption_and_credit(ds):
    images = section(article_html(ds, "gdynia:562100"), "images")
    assert "Przystań Oksywie" in images and '<span class="kronika-credit">fot. Jan Kowalski</span>' in images


def test_provenance_is_collapsed(ds):
    provenance = re.search(r'<details class="kronika-provenance">.*?</details>', article_html(ds, PLANTY), re.S).group(
        0
    )
    assert all(label in provenance for label in ("status HTTP", "sha256 strony", "warstwy ekstrakcji", "skrót treści"))


@pytest.mark.parametrize("payload", [XSS_AUTHOR, XSS_TAG, "<script>alert(1)</script>", 'onerror="window'])
def test_payloads_are_escaped_on_the_article_page(ds, payload):
    assert payload not in article_page(ds, XSS_ID)


# --- versions ---


def test_every_version_is_listed_with_first_seen_and_superseded(ds):
    versions = section(article_html(ds, CHANGED_ID), "versions")
    assert (
        '<strong>Wersja 1</strong> · pierwszy raz widziana <time datetime="2024-05-01T10:00:00Z">1 maja 2024, 12:00</time>'
        ' · zastąpiona <time datetime="2024-05-02T10:00:00Z">2 maja 2024, 12:00</time>'
        in versions
        and "<strong>Wersja 2</strong>" in versions
        and "obecna" in versions
    )


def test_newest_version_is_open_and_older_ones_collapsed(ds):
    versions = section(article_html(ds, CHANGED_ID), "versions")
    assert re.findall(r'<li id="wersja-(\d)">\s*<details( open)?>', versions) == [("2", " open"), ("1", "")]


def test_versions_diff_the_title_word_by_word(ds):
    assert "<dt>tytuł</dt><dd>Spacer badawczy po Chylonii<ins> — relacja</ins></dd>" in article_html(ds, CHANGED_ID)


def test_versions_diff_the_body(ds):
    assert "<ins>\n\nRelację przygotował zespół LIS.</ins>" in section(article_html(ds, CHANGED_ID), "versions")


def test_versions_diff_the_dates_in_polish(ds):
    assert "<dt>data modyfikacji</dt><dd><del>brak</del><ins>12 maja 2023, 08:00</ins></dd>" in article_html(
        ds, CHANGED_ID
    )


def test_article_json_is_unchanged(ds):
    row = get(ds, f"/archive/articles/{CHANGED_ID.replace(':', '~3A')}.json?_shape=array").json()[0]
    assert row["published_at"] == "2023-05-10T17:00:00+02:00" and row["content_hash"] and row["search_title"]


# --- quiet edits ---


def test_quiet_edits_lists_changes_after_publication_with_what_changed(ds):
    found = get(ds, "/archive/quiet_edits.json?_shape=array").json()
    assert [(row["article_id"], row["version"], row["what_changed"]) for row in found] == [
        (CHANGED_ID, 2, "tytuł, treść, data modyfikacji")
    ]


def test_quiet_edits_page_shows_polish_dates(ds):
    html = get(ds, "/archive/quiet_edits").text
    assert '<time datetime="2024-05-02T10:00:00Z">2 maja 2024, 12:00</time>' in html


def test_quiet_edits_page_links_the_article_page(ds):
    assert (
        f'<a href="/archive/articles/{CHANGED_ID.replace(":", "~3A")}">{CHANGED_ID}</a>'
        in get(ds, "/archive/quiet_edits").text
    )


def test_quiet_edits_feed_says_what_changed(ds):
    feed = get(ds, "/archive/quiet_edits_feed.atom").text
    assert (
        "<title>Kronika — ciche zmiany artykułów</title>" in feed
        and ("Zmieniono: tytuł, treść, data modyfikacji (wersja 2)" in feed)
        and feed.count("<entry>") == 1
    )


@pytest.mark.parametrize("feed", ["quiet_edits_feed", "new_articles_feed"])
def test_feeds_are_served_as_atom(ds, feed):
    assert get(ds, f"/archive/{feed}.atom").headers["content-type"] == "application/atom+xml; charset=utf-8"


def test_new_articles_feed_is_titled_in_polish(ds):
    assert "<title>Kronika — nowe artykuły</title>" in get(ds, "/archive/new_articles_feed.atom").text


# --- the articles list ---


def test_articles_list_links_each_title_to_its_page(ds):
    html = get(ds, "/archive/articles").text
    assert (
        '<a class="kronika-list-title" href="/archive/articles/przemysl~3A45707">Rewitalizacja Plant Miejskich w Przemyślu</a>'
        in html
    )


def test_articles_list_leaves_out_hashes_and_extraction(ds):
    html = get(ds, "/archive/articles").text
    row = get(ds, "/archive/articles.json?_shape=array&_size=1").json()[0]
    assert row["content_hash"] not in html and '"warnings"' not in html


def test_articles_list_dates_are_polish(ds):
    assert (
        '<time datetime="2018-10-05T08:39:00+02:00">5 października 2018, 08:39</time>'
        in get(ds, "/archive/articles").text
    )


def test_column_descriptions_are_collapsed(ds):
    assert '<details class="kronika-columns">' in get(ds, "/archive/articles").text


def test_choosing_columns_gives_the_grid(ds):
    assert 'class="rows-and-columns"' in get(ds, "/archive/articles?_col=title").text


def test_articles_json_keeps_every_column(ds):
    row = get(ds, "/archive/articles.json?_shape=array&_size=1").json()[0]
    assert {"content_hash", "extraction", "body_html", "revitalisation"} <= set(row)


# --- Polish facets ---


def test_revitalisation_facet_reads_tak_and_nie(ds):
    facet = re.search(r'id="facet-revitalisation".*?</ul>', get(ds, "/archive/articles").text, re.S).group(0)
    assert re.findall(r">(tak|nie)</a> (\d)", facet) == [("tak", "7"), ("nie", "2")]


def test_site_facet_reads_city_names(ds):
    facet = re.search(r'id="facet-site".*?</ul>', get(ds, "/archive/articles").text, re.S).group(0)
    assert "miasto" in facet and re.findall(r">(\w+)</a>", facet) == ["Gdynia", "Przemyśl"]


def test_facet_json_keeps_the_values(ds):
    buckets = get(ds, "/archive/articles.json?_size=0").json()["facet_results"]["revitalisation"]["results"]
    assert {bucket["value"] for bucket in buckets} == {0, 1}


# --- the dashboard ---


def chart(name):
    return load_metadata()["plugins"]["datasette-dashboards"]["kronika"]["charts"][name]


def test_dashboard_shows_months_without_articles(ds):
    found = get(ds, f"/archive.json?_shape=array&sql={quote(chart('articles-per-month')['query'])}").json()
    months = sorted({row["month"] for row in found})
    # 2018-10 to 2024-02, every month, for each city; the counts still add up to the articles.
    assert (months[0], months[-1], len(months)) == ("2018-10", "2024-02", 65) and {
        "month": "2018-11",
        "city": "Gdynia",
        "articles": 0,
    } in found
    assert sum(row["articles"] for row in found) == 9


@pytest.mark.parametrize("name, channel", [("articles-per-month", "y"), ("attachment-types", "x")])
def test_dashboard_count_axes_have_whole_number_ticks(name, channel):
    axis = chart(name)["display"]["encoding"][channel]["axis"]
    assert (axis["tickMinStep"], axis["format"], f"domain('{channel}')[1]" in axis["tickCount"]["signal"]) == (
        1,
        "d",
        True,
    )


def test_a_feed_with_nothing_in_it_is_an_empty_atom_feed(tmp_path):
    # One article, never edited: the quiet-edits query finds no row.
    archive = Archive(str(tmp_path / "archive.db"))
    archive.store(make_item("gdynia:1"))
    archive.db.close()
    response = get(datasette_instance(tmp_path / "archive.db"), "/archive/quiet_edits_feed.atom")
    assert (response.status_code, response.headers["content-type"].split(";")[0]) == (200, "application/atom+xml")
    assert "<feed" in response.text and "<entry>" not in response.text
