"""Article ids and canonical URLs from both sites' URL schemes."""

import pytest

from scraper.sites import SITES, article_key, site_for_url

PRZEMYSL, GDYNIA = SITES["przemysl"], SITES["gdynia"]


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://przemysl.pl/45707/rewitalizacja-plant.html", "przemysl:45707"),
        ("https://www.przemysl.pl/45707/inny-slug.html", "przemysl:45707"),
        ("https://slabowidzacy.przemysl.pl/45707/rewitalizacja-plant.html", "przemysl:45707"),
        ("https://www.gdynia.pl/rewitalizacja/aktualnosci,3963/modelownia-dla-mlodziezy,562076", "gdynia:562076"),
        ("https://www.gdynia.pl/rewitalizacja/aktualnosci-4,3963/modelownia-dla-mlodziezy,562076", "gdynia:562076"),
        ("https://przemysl.pl/aktualnosci,2.html", None),
        ("https://www.gdynia.pl/rewitalizacja/aktualnosci-2,3963", None),
        ("https://example.com/45707/x.html", None),
    ],
)
def test_article_key(url, expected):
    assert article_key(url) == expected


def test_canonical_url_drops_host_prefix_and_listing_page():
    assert PRZEMYSL.canonical_url("https://www.przemysl.pl/45707/a.html") == "https://przemysl.pl/45707/a.html"
    assert (
        GDYNIA.canonical_url("https://www.gdynia.pl/rewitalizacja/aktualnosci-4,3963/slug,562076")
        == "https://www.gdynia.pl/rewitalizacja/aktualnosci,3963/slug,562076"
    )


def test_listing_urls_are_recognised():
    assert PRZEMYSL.is_listing("https://przemysl.pl/aktualnosci,3.html")
    assert GDYNIA.is_listing("https://www.gdynia.pl/rewitalizacja/aktualnosci-3,3963")
    assert not GDYNIA.is_listing("https://www.gdynia.pl/rewitalizacja/aktualnosci,3963/slug,1")


def test_unknown_host_has_no_site():
    assert site_for_url("https://rewitalizacja.sopot.pl/x") is None


# --- the declaration: sites.toml and a user's file, validated on load ---

from pathlib import Path  # noqa: E402

from scraper.sites import PACKAGED_SITES, SitesError, load_sites  # noqa: E402

VALID = """
[kalisz]
city = "Kalisz"
publisher = "Urząd Miasta Kalisza"
hosts = ["kalisz.example", "www.kalisz.example"]
start_urls = ["https://kalisz.example/wiadomosci/"]
article_url = '/wiadomosci/(?P<id>\\d+)-(?P<slug>[a-z-]+)'
canonical_url = "https://kalisz.example/wiadomosci/{id}-{slug}"
listing_url = '/wiadomosci/'
"""


def sites_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sites.toml"
    path.write_text(text, encoding="utf-8")
    return path


def load_error(tmp_path: Path, text: str) -> str:
    with pytest.raises(SitesError) as raised:
        load_sites([sites_file(tmp_path, text)])
    return str(raised.value)


def test_a_user_file_adds_a_site(tmp_path):
    sites = load_sites([PACKAGED_SITES, sites_file(tmp_path, VALID)])
    assert sorted(sites) == sorted({*SITES, "kalisz"})
    assert sites["kalisz"].article_id("https://www.kalisz.example/wiadomosci/17-park") == "17"
    assert (
        sites["kalisz"].canonical_url("https://www.kalisz.example/wiadomosci/17-park")
        == "https://kalisz.example/wiadomosci/17-park"
    )


def test_a_user_file_replaces_a_packaged_site_of_the_same_name(tmp_path):
    replaced = VALID.replace("[kalisz]", "[gdynia]")
    sites = load_sites([PACKAGED_SITES, sites_file(tmp_path, replaced)])
    assert sites["gdynia"].hosts == ("kalisz.example", "www.kalisz.example")


def test_an_unknown_key_is_rejected_by_name(tmp_path):
    error = load_error(tmp_path, VALID + 'colour = "red"\n')
    assert error.startswith(f'{tmp_path / "sites.toml"}: site "kalisz": key "colour": unknown key')


def test_a_missing_required_key_is_named(tmp_path):
    error = load_error(tmp_path, VALID.replace('publisher = "Urząd Miasta Kalisza"\n', ""))
    assert error.endswith('site "kalisz": key "publisher": required')


def test_an_invalid_regex_is_named(tmp_path):
    error = load_error(tmp_path, VALID.replace("'/wiadomosci/'", "'/wiadomosci/(['"))
    assert 'site "kalisz": key "listing_url": not a valid regex (' in error


def test_the_article_regex_needs_the_id_group(tmp_path):
    error = load_error(tmp_path, VALID.replace("(?P<id>", "(?P<nr>").replace("{id}", "{nr}"))
    assert 'key "article_url": the regex needs a named group (?P<id>...)' in error


def test_the_canonical_template_names_only_article_groups(tmp_path):
    error = load_error(tmp_path, VALID.replace("{slug}", "{title}"))
    assert 'key "canonical_url": names ' in error and "title" in error


def test_hosts_are_lower_case(tmp_path):
    error = load_error(tmp_path, VALID.replace('"www.kalisz.example"', '"WWW.Kalisz.example"'))
    assert "key \"hosts\": 'WWW.Kalisz.example' is not a lower-case host name" in error


def test_a_start_url_must_be_on_the_sites_hosts(tmp_path):
    error = load_error(tmp_path, VALID.replace('https://kalisz.example/wiadomosci/"]', 'https://other.example/"]'))
    assert 'key "start_urls": https://other.example/ is on none of the site\'s hosts' in error


def test_two_sites_may_not_share_a_host(tmp_path):
    with pytest.raises(SitesError, match='key "hosts": www.gdynia.pl is already a host of site "gdynia"'):
        load_sites([PACKAGED_SITES, sites_file(tmp_path, VALID.replace('"www.kalisz.example"', '"www.gdynia.pl"'))])


def test_an_invalid_css_selector_is_named(tmp_path):
    error = load_error(tmp_path, VALID + '[kalisz.listing]\narticle_links = "a["\n')
    assert 'key "listing.article_links": not a valid CSS selector' in error


def test_a_wordpress_site_declares_its_api(tmp_path):
    site = load_sites([sites_file(tmp_path, VALID + 'kind = "wordpress"\napi = "https://kalisz.example/wp-json/"\n')])[
        "kalisz"
    ]
    assert (site.kind, site.api) == ("wordpress", "https://kalisz.example/wp-json/")


def test_a_toml_syntax_error_names_the_file(tmp_path):
    assert load_error(tmp_path, "[kalisz\n").startswith(f"{tmp_path / 'sites.toml'}: not valid TOML (")


def test_a_site_needing_code_names_its_page_objects():
    from scraper.sites import article_page_class

    assert all(
        article_page_class(site.page_objects).__module__ == site.page_objects
        for site in SITES.values()
        if site.page_objects
    )


def test_a_settings_key_must_be_a_scrapy_setting_name(tmp_path):
    error = load_error(tmp_path, VALID + "[kalisz.settings]\ndownload_delay = 2\n")
    assert 'key "settings.download_delay": is not a Scrapy setting name' in error


def test_a_label_role_must_be_known(tmp_path):
    error = load_error(tmp_path, VALID + '[kalisz.labels]\n"Dodał" = "writer"\n')
    assert 'key "labels.Dodał": role must be one of published, modified, author' in error


def test_wordpress_site_is_declared_by_kind_and_api():
    lis = SITES["lis"]
    assert site_for_url("https://lis.gdynia.pl/2017/11/przystan-babie-doly-otwarta/") is lis
    assert (lis.kind, lis.api, lis.city) == ("wordpress", "https://lis.gdynia.pl/wp-json", "Gdynia")
    assert (PRZEMYSL.kind, GDYNIA.kind) == ("html", "html")


def test_wordpress_permalink_carries_the_slug_and_listing_pages_are_not_articles():
    # The post id comes from the API (or the page's shortlink); the permalink only names the slug.
    lis = SITES["lis"]
    assert lis.article_id("https://lis.gdynia.pl/2017/11/przystan-babie-doly-otwarta/") == "przystan-babie-doly-otwarta"
    assert lis.article_id("https://lis.gdynia.pl/aktualnosci/page/2/") is None
    assert lis.is_listing("https://lis.gdynia.pl/aktualnosci/page/2/")
