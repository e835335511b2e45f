"""A site declared with selectors, chrome, storage paths and terms (no Python) gets each from its declaration."""

from __future__ import annotations

import pytest

from scraper.extract.assemble import extract_article
from scraper.extract.attachments import storage_paths
from scraper.extract.labels import LABEL_ROLES, find_labels
from scraper.extract.topics import match_topics
from scraper.sites import SITES, load_sites, use_sites_files

DECLARATION = """
[leszno]
city = "Leszno"
publisher = "Urząd Miasta Leszna"
hosts = ["leszno.example"]
start_urls = ["https://leszno.example/aktualnosci"]
article_url = '/aktualnosci/(?P<id>\\d+)'
canonical_url = "https://leszno.example/aktualnosci/{id}"
listing_url = '/aktualnosci'
chrome = ["polec-znajomym"]
storage_paths = ["/pliki/zalaczniki/"]

[leszno.article]
title = ".naglowek-wpisu"
lead = ".zajawka"
meta = ".metryczka"
body = ".tresc-wpisu"
tags = ".etykiety span"

[leszno.labels]
"Wprowadził" = "author"

[leszno.settings]
DOWNLOAD_DELAY = 3.5

[[leszno.topics]]
name = "leszno odnowa"
pattern = '\\bleszczyńsk\\w* odnow\\w*'
"""
PAGE = """<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Strona miasta</title></head><body>
<h1>Urząd Miasta Leszna</h1>
<div class="naglowek-wpisu">Nowe nasadzenia na Starym Rynku</div>
<div class="zajawka">Na Starym Rynku posadzono dwadzieścia lip.</div>
<div class="metryczka">Data publikacji: 7 czerwca 2024 r. | Wprowadził: Marta Nowicka</div>
<div class="tresc-wpisu"><p>Drzewa posadzono w ramach programu Leszczyńska Odnowa Śródmieścia. Prace trwały
tydzień, a mieszkańcy mogli je obserwować z bliska.</p>
<p>Harmonogram: /pliki/zalaczniki/harmonogram.pdf</p>
<div class="polec-znajomym">Poleć znajomym ten artykuł</div></div>
<div class="etykiety"><span>#zieleń</span><span>#rynek</span></div>
</body></html>"""


@pytest.fixture
def leszno(tmp_path, restore_sites):
    path = tmp_path / "sites.toml"
    path.write_text(DECLARATION, encoding="utf-8")
    use_sites_files(path)
    return extract_article(PAGE.encode("utf-8"), "https://leszno.example/aktualnosci/512")


def test_the_declared_title_selector_is_the_site_layer(leszno):
    assert (leszno["title"], leszno["extraction"]["fields"]["title"]) == ("Nowe nasadzenia na Starym Rynku", "site")


def test_the_declared_lead_selector(leszno):
    assert leszno["lead"] == "Na Starym Rynku posadzono dwadzieścia lip."


def test_the_declared_meta_block_gives_the_labels_with_the_declared_label(leszno):
    assert (leszno["published_at"], leszno["author"]) == ("2024-06-07T00:00:00+02:00", "Marta Nowicka")


def test_the_declared_tags_selector(leszno):
    assert leszno["tags"] == ["zieleń", "rynek"]


def test_the_declared_chrome_is_dropped_from_the_declared_body(leszno):
    assert "Prace trwały" in leszno["body_text"] and "Poleć znajomym" not in leszno["body_text"]


def test_the_declared_storage_path_is_an_attachment(leszno):
    assert [a["url"] for a in leszno["attachments"]] == ["https://leszno.example/pliki/zalaczniki/harmonogram.pdf"]


def test_the_declared_topic_term_is_matched(leszno):
    assert "leszno odnowa" in leszno["topics"] and leszno["revitalisation"] is True


def test_undeclared_storage_paths_labels_and_terms_are_nothing_special():
    assert "leszno" not in SITES
    assert find_labels(["Wprowadził: Marta Nowicka"]) == {}
    assert storage_paths("/pliki/zalaczniki/harmonogram.pdf") == []
    assert match_topics("Leszczyńska Odnowa Śródmieścia") == []


def test_generated_spiders_follow_the_registry(tmp_path, restore_sites):
    from scraper.spiders import declared

    path = tmp_path / "sites.toml"
    path.write_text(DECLARATION, encoding="utf-8")
    use_sites_files(path)
    declared.declare_spiders()
    spider = declared.LesznoSpider
    assert (spider.name, spider.site.city, spider.allowed_domains, spider.__module__) == (
        "leszno",
        "Leszno",
        ["leszno.example"],
        "scraper.spiders.declared",
    )
    use_sites_files()
    declared.declare_spiders()
    assert not hasattr(declared, "LesznoSpider")


def spider_settings(tmp_path, **overrides):
    from scrapy.settings import Settings

    from scraper.spiders.declared import spider_class

    path = tmp_path / "sites.toml"
    path.write_text(DECLARATION, encoding="utf-8")
    settings = Settings({"KRONIKA_SITE_SETTINGS": overrides})
    spider_class(load_sites([path])["leszno"]).update_settings(settings)
    return settings


def test_the_declared_scrapy_settings_apply_to_the_sites_spider(tmp_path):
    assert spider_settings(tmp_path).getfloat("DOWNLOAD_DELAY") == 3.5


def test_kronika_site_settings_win_over_the_declared_ones(tmp_path):
    assert spider_settings(tmp_path, leszno={"DOWNLOAD_DELAY": 9}).getfloat("DOWNLOAD_DELAY") == 9


def test_a_declared_label_takes_a_role_the_extractor_knows():
    from scraper.sites.declaration import LABEL_ROLES as DECLARABLE_ROLES

    assert set(DECLARABLE_ROLES) == set(LABEL_ROLES.values())
