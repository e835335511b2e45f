"""Shared fixtures: one running mirror of both sites for the whole test session."""

import pytest

from scraper.mirror import MirrorServer


@pytest.fixture(scope="session")
def mirror():
    """The bundled mirror served over loopback HTTP; `.base_url`, `.request_log`, `.faults`."""
    with MirrorServer() as server:
        yield server


@pytest.fixture
def restore_sites(monkeypatch):
    """For tests that load a user's sites file in this process: the packaged registry again afterwards."""
    from scraper.sites import use_sites_files

    monkeypatch.delenv("KRONIKA_SITES", raising=False)
    yield
    monkeypatch.delenv("KRONIKA_SITES", raising=False)
    use_sites_files()
