"""Shared fixtures: one running mirror of both sites for the whole test session."""

import pytest

from scraper.mirror import MirrorServer


@pytest.fixture(scope="session")
def mirror():
    """The bundled mirror served over loopback HTTP; `.base_url`, `.request_log`, `.faults`."""
    with MirrorServer() as server:
        yield server
