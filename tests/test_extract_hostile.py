"""Hostile input (issue 9 §2): one small page per crash class; the article comes out, the bad element is dropped, warned."""

from __future__ import annotations

import codecs
import re

import pytest

from scraper.extract import ExtractionError, assemble, bounds, extract_article
from scraper.extract import context as context_module

URL = "https://example.com/aktualnosci/remont-ulicy-123"
TITLE = "Remont ulicy Mickiewicza"
SENTENCE = "Remont ulicy Mickiewicza zakończył się w terminie, mieszkańcy chwalą nowe chodniki. "
UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffd]")


def page(*, head: str = "", body: str = "", charset: str = "utf-8") -> str:
    return (
        f'<html><head><meta charset="{charset}">{head}<title>{TITLE}</title></head>'
        f"<body><article><h1>{TITLE}</h1><p>{SENTENCE * 3}</p>{body}</article></body></html>"
    )


def extract(body: bytes, **options) -> dict:
    return extract_article(body, URL, headers=options.pop("headers", {}), **options)


def warnings_of(item: dict) -> str:
    return "\n".join(item["extraction"]["warnings"])


def assert_article(item: dict) -> None:
    assert item["title"] == TITLE and SENTENCE.strip() in item["body_text"]


def test_utf8_bom_before_non_utf8_bytes_is_ignored_and_the_page_guessed():
    item = extract(codecs.BOM_UTF8 + page(body="<p>Zażółć gęślą jaźń.</p>").encode("cp1250"))
    assert_article(item)
    assert "Zażółć gęślą jaźń." in item["body_text"] and "byte order mark" in warnings_of(item)


def test_utf16_bom_with_an_odd_byte_count_drops_the_broken_unit():
    item = extract(codecs.BOM_UTF16_LE + page().encode("utf-16-le") + b"x")
    assert_article(item)
    assert item["extraction"]["encoding"] == "utf-16" and "undecodable bytes" in warnings_of(item)


@pytest.mark.parametrize("charset", ["hex", "rot13", "base64", "zlib", "undefined"])
def test_declared_charset_that_is_no_text_encoding_is_ignored(charset):
    item = extract(
        page(charset=charset, body="<p>Łódź.</p>").encode("cp1250"),
        headers={"Content-Type": f"text/html; charset={charset}"},
    )
    assert_article(item)
    assert "Łódź." in item["body_text"] and f"ignored declared charset {charset!r}" in warnings_of(item)


def test_year_1_with_an_offset_in_a_label_is_an_invalid_date():
    item = extract(page(body="<p>Data publikacji: 0001-01-01T00:30:00+05:00</p>").encode())
    assert_article(item)
    assert item["published_at"] is None and "invalid date '0001-01-01T00:30:00+05:00'" in warnings_of(item)


def test_year_9999_with_an_offset_in_published_time_is_an_invalid_date():
    meta = '<meta property="article:published_time" content="9999-12-31T23:59:00-05:00">'
    item = extract(page(head=meta).encode())
    assert_article(item)
    assert item["published_at"] is None and "invalid date '9999-12-31T23:59:00-05:00'" in warnings_of(item)


def test_attachment_size_of_hundreds_of_digits_is_ignored():
    item = extract(page(body=f'<a href="/plan.pdf">PDF Plan prac ({"9" * 400}MB)</a>').encode())
    assert_article(item)
    assert [attachment["size_bytes"] for attachment in item["attachments"]] == [None]
    assert "implausible attachment size" in warnings_of(item)


def test_malformed_ipv6_base_href_falls_back_to_the_page_url():
    item = extract(page(head='<base href="http://[::1/">', body='<a href="plan.pdf">PDF Plan</a>').encode())
    assert_article(item)
    assert item["attachments"][0]["url"] == "https://example.com/aktualnosci/plan.pdf"
    assert "dropped malformed URL 'http://[::1/'" in warnings_of(item)


def test_malformed_ipv6_canonical_link_is_dropped():
    item = extract(page(head='<link rel="canonical" href="http://[::1/remont">').encode())
    assert_article(item)
    assert item["url"] == URL and "dropped malformed URL 'http://[::1/remont'" in warnings_of(item)


@pytest.mark.parametrize("href", ["http://[::1/plan.pdf", "http://[::1]:99999/plan.pdf"])
def test_malformed_ipv6_body_link_is_dropped(href):
    item = extract(page(body=f'<p><a href="{href}">PDF Plan</a> i <a href="/mapa.pdf">PDF Mapa</a></p>').encode())
    assert_article(item)
    assert [attachment["url"] for attachment in item["attachments"]] == ["https://example.com/mapa.pdf"]
    assert 'href="http' not in item["body_html"].replace('href="https://example.com/mapa.pdf"', "")
    assert f"dropped malformed URL {href!r}" in warnings_of(item)


def test_malformed_ipv6_image_is_dropped():
    item = extract(
        page(body='<figure><img src="http://[::1/a.jpg"></figure><figure><img src="/b.jpg"></figure>').encode()
    )
    assert_article(item)
    assert [image["url"] for image in item["images"]] == ["https://example.com/b.jpg"]
    assert "dropped malformed URL 'http://[::1/a.jpg'" in warnings_of(item)


@pytest.mark.parametrize(
    "jsonld", ["[" * 100_000 + "]" * 100_000, '{"@graph": ' * 60 + '{"headline": "Głęboko"}' + "}" * 60]
)
def test_jsonld_nested_thousands_deep_is_skipped(jsonld):
    item = extract(page(head=f'<script type="application/ld+json">{jsonld}</script>').encode())
    assert_article(item)
    assert "skipped JSON-LD nested deeper" in warnings_of(item)


def test_control_bytes_and_invalid_character_references_are_dropped_from_every_text_field():
    dirty = "Rynek\x00 \x01główny\x85 &#0;&#xD800;&#x110000;odnowiony\x7f"
    item = extract(page(body=f"<p>{dirty}</p><a href='/a.pdf'>PDF {dirty}</a>").encode())
    assert_article(item)
    assert "Rynek główny odnowiony" in item["body_text"]
    texts = [
        item["title"],
        item["lead"],
        item["body_text"],
        item["body_html"],
        *(attachment["title"] for attachment in item["attachments"]),
    ]
    assert not [text for text in texts if UNWANTED.search(text)]


def test_a_replacement_character_the_page_holds_is_kept():
    item = extract(page(body="<p>Znak \ufffd w tekście.</p>").encode())
    assert "Znak \ufffd w tekście." in item["body_text"]


def test_cp852_page_declared_iso_8859_2_reads_as_cp852_without_c1_controls():
    # charset-normalizer alone reads this short page as cp1252.
    text = "Ogłoszenie o śmietnikach"
    markup = f'<html><head><meta charset="iso-8859-2"></head><body><h1>{text}</h1><p>{text}</p></body></html>'
    item = extract(markup.encode("cp852"), headers={"Content-Type": "text/html; charset=ISO-8859-2"})
    assert (item["title"], item["extraction"]["encoding"]) == (text, "cp852")


def test_element_with_40000_attributes_keeps_the_first_ones():
    attributes = " ".join(f'data-a{number}="v{number}"' for number in range(40_000))
    item = extract(page(body=f'<p class="wazne" {attributes}>Tekst z atrybutami.</p>').encode())
    assert_article(item)
    assert "Tekst z atrybutami." in item["body_text"]
    assert f"more than {bounds.MAX_ATTRIBUTES} attributes" in warnings_of(item)


def test_crowded_tag_cap_keeps_exactly_the_allowed_attributes():
    attributes = " ".join(f"a{number}=v" for number in range(bounds.MAX_ATTRIBUTES + 5))
    capped = bounds.capped_attributes(f"<p {attributes}>x</p>")
    assert capped.count("=") == bounds.MAX_ATTRIBUTES and capped.endswith(">x</p>")


def test_page_beyond_the_size_cap_is_cut_before_a_tag(monkeypatch):
    monkeypatch.setattr(bounds, "MAX_PAGE_BYTES", 2000)
    item = extract(page(body="<p>Dalszy ciąg.</p>" * 500).encode())
    assert_article(item)
    assert "only the first 2000 extracted" in warnings_of(item)


def test_a_layer_that_raises_is_reported_and_the_next_layer_answers(monkeypatch):
    def broken(self):
        raise KeyError("boom")

    monkeypatch.setattr(assemble.PageContext, "body_date_line", broken)
    monkeypatch.setattr(assemble.fields, "published_time_element", lambda context: None)
    item = extract(page().encode())
    assert_article(item)
    assert "published_at: generic layer failed: KeyError: 'boom'" in warnings_of(item)


def test_past_the_time_budget_optional_fields_are_skipped_and_the_article_kept(monkeypatch):
    monkeypatch.setattr(assemble, "TIME_BUDGET", -1.0)
    item = extract(page(body='<a href="/plan.pdf">PDF Plan</a>').encode())
    assert_article(item)
    assert item["attachments"] == [] and "skipped attachments" in warnings_of(item)


def test_malformed_page_url_is_a_clear_extraction_error():
    with pytest.raises(ExtractionError, match="malformed page URL"):
        extract_article(page().encode(), "http://[::1/remont")


def test_a_stray_nul_is_no_binary_file():
    assert_article(extract(page(body="<p>a\x00b</p>").encode()))


def test_trafilatura_fallback_is_skipped_for_a_page_above_its_cap(monkeypatch):
    monkeypatch.setattr(context_module, "MAX_TRAFILATURA_CHARS", 100)
    markup = f"<html><body><div><span>{SENTENCE * 3}</span></div></body></html>"
    with pytest.raises(ExtractionError):
        extract(markup.encode())
    monkeypatch.setattr(context_module, "MAX_TRAFILATURA_CHARS", 10_000)
    assert SENTENCE.strip() in extract(markup.encode())["body_text"]
