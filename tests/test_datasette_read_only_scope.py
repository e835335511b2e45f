"""The read-only wrapper is Kronika's own Datasette's, not every Datasette's that loads the plugin from this environment."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest
from datasette.app import Datasette
from datasette.plugins import pm

from scraper.serve import app
from scraper.serve.plugin import PLUGIN_NAME
from test_datasette_data import build_archive

# A writable canned query: what a Datasette of someone else's may well declare.
ADD_TAG = {"sql": "insert into tags (name) values (:name)", "write": True}


def tags(path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [name for (name,) in connection.execute("select name from tags where name = 'nowy'")]
    finally:
        connection.close()


def post_tag(datasette):
    async def posted():
        # A first GET sets the CSRF cookie a canned query's form posts back.
        page = await datasette.client.get("/archive/add_tag")
        token = page.cookies.get("ds_csrftoken")
        return await datasette.client.post(
            "/archive/add_tag",
            data={"name": "nowy", "csrftoken": token},
            cookies={"ds_csrftoken": token} if token else None,
        )

    return asyncio.run(posted())


@pytest.fixture
def archive_path(tmp_path):
    return build_archive(tmp_path / "archive.db")


def test_the_plugin_is_loaded_from_the_entry_point():
    assert pm.get_plugin(PLUGIN_NAME) is not None


def test_a_plain_datasette_with_the_plugin_is_not_read_only_wrapped(archive_path):
    plain = Datasette([archive_path], metadata={"databases": {"archive": {"queries": {"add_tag": ADD_TAG}}}})
    response = post_tag(plain)
    assert response.status_code != 405 and "read-only" not in response.text
    assert tags(archive_path) == ["nowy"]


def test_kronikas_datasette_refuses_a_writable_canned_query(archive_path, monkeypatch):
    metadata = app.load_metadata()
    metadata["databases"]["archive"]["queries"]["add_tag"] = ADD_TAG
    monkeypatch.setattr(app, "load_metadata", lambda: metadata)
    response = post_tag(app.datasette_instance(archive_path))
    assert response.status_code == 405 and tags(archive_path) == []


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH"])
def test_kronikas_datasette_refuses_every_writing_method(archive_path, method):
    response = asyncio.run(app.datasette_instance(archive_path).client.request(method, "/archive/articles"))
    assert response.status_code == 405
