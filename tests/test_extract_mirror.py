"""Every bundled mirror article x every expected field, extracted from the route's bytes and headers."""

import pytest

from scraper.extract import extract_article
from scraper.mirror.site import build_routes, bundled_articles, route_key

ROUTES = build_routes()
SPECS = [spec for specs in bundled_articles().values() for spec in specs]
UNSAFE_HTML = ("<script", "onerror", "javascript:")


def extracted(spec) -> dict:
    route = ROUTES[route_key(spec.expected["url"])]
    return extract_article(route.body, spec.expected["url"], headers=route.headers, status=route.status)


ITEMS = {spec.key: extracted(spec) for spec in SPECS}


@pytest.mark.parametrize(
    "key, field, expected", [(spec.key, field, value) for spec in SPECS for field, value in spec.expected.items()]
)
def test_expected_field(key, field, expected):
    assert ITEMS[key][field] == expected


@pytest.mark.parametrize("key, text", [(spec.key, text) for spec in SPECS for text in spec.body_contains])
def test_body_contains(key, text):
    assert text in ITEMS[key]["body_text"]


@pytest.mark.parametrize("key, text", [(spec.key, text) for spec in SPECS for text in spec.body_excludes])
def test_body_excludes(key, text):
    assert text not in ITEMS[key]["body_text"]


@pytest.mark.parametrize("key, marker", [(spec.key, marker) for spec in SPECS for marker in UNSAFE_HTML])
def test_body_html_is_safe(key, marker):
    assert marker not in ITEMS[key]["body_html"].lower()


@pytest.mark.parametrize("key", [spec.key for spec in SPECS if spec.show_footer])
def test_site_layer_needs_no_fallback(key):
    assert ITEMS[key]["extraction"]["fallbacks"] == []


@pytest.mark.parametrize("key", [spec.key for spec in SPECS if not spec.show_footer])
def test_missing_footer_is_reported(key):
    assert "published_at" in ITEMS[key]["extraction"]["fallbacks"]
