"""What an articles page that lists its rows does not pay for: cell rendering, the unused Markdown plugin."""

from __future__ import annotations

import asyncio

import sqlite_utils
from datasette.plugins import pm

from factories import make_item
from scraper.archive import Archive
from scraper.serve import plugin
from scraper.serve.app import UNUSED_MARKDOWN_PLUGIN, datasette_instance


def _served(tmp_path):
    archive = Archive(sqlite_utils.Database(tmp_path / "archive.db"))
    archive.store(make_item("gdynia:1", title="Park na Oksywiu", body_html="<p>Nowe ławki.</p>"))
    archive.db.close()
    return datasette_instance(tmp_path / "archive.db")


def _refuse_to_sanitise(html):
    raise AssertionError("a listed page rendered a body cell")


def test_listed_articles_page_renders_no_cell(tmp_path, monkeypatch):
    ds = _served(tmp_path)
    monkeypatch.setattr(plugin, "sanitised_body", _refuse_to_sanitise)
    response = asyncio.run(ds.client.get("/archive/articles"))
    assert response.status_code == 200 and "Park na Oksywiu" in response.text


def test_grid_of_chosen_columns_still_renders_its_cells(tmp_path):
    ds = _served(tmp_path)
    response = asyncio.run(ds.client.get("/archive/articles?_col=title&_col=body_html"))
    assert '<div class="kronika-body"><p>Nowe ławki.</p></div>' in response.text


def test_unused_markdown_plugin_is_not_loaded(tmp_path):
    _served(tmp_path)
    assert pm.get_plugin(UNUSED_MARKDOWN_PLUGIN) is None
