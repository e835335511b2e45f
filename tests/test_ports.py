"""Busy ports: serve, mirror and demo say which port is taken and which option picks another, before any work."""

from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from scraper.cli import main
from scraper.cli.ports import PortUnavailable, ensure_port_free

HOST = "127.0.0.1"


@pytest.fixture
def busy_port():
    """A port another process listens on, for the length of the test."""
    with socket.socket() as listener:
        listener.bind((HOST, 0))
        listener.listen()
        yield listener.getsockname()[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def run(*args):
    return CliRunner().invoke(main, list(args))


def busy_line(port: int, option: str) -> str:
    return f"kronika: error: port {port} on {HOST} is in use; choose another with {option} N\n"


def test_serve_names_the_busy_port_and_its_option(busy_port):
    result = run("serve", "--port", str(busy_port), "--db", "no-such.db")
    assert (result.exit_code, result.stderr) == (1, busy_line(busy_port, "--port"))


def test_mirror_names_the_busy_port_and_its_option(busy_port):
    result = run("mirror", "--port", str(busy_port))
    assert (result.exit_code, result.stderr) == (1, busy_line(busy_port, "--port"))


def test_demo_with_a_busy_datasette_port_fails_before_crawling(busy_port, tmp_path):
    db = tmp_path / "archive.db"
    result = run("demo", "--port", str(busy_port), "--mirror-port", str(free_port()), "--db", str(db))
    assert (result.exit_code, result.stderr, db.exists()) == (1, busy_line(busy_port, "--port"), False)


def test_demo_with_a_busy_mirror_port_names_mirror_port(busy_port, tmp_path):
    db = tmp_path / "archive.db"
    result = run("demo", "--port", str(free_port()), "--mirror-port", str(busy_port), "--db", str(db))
    assert (result.exit_code, result.stderr, db.exists()) == (1, busy_line(busy_port, "--mirror-port"), False)


def test_demo_refuses_one_port_for_both_servers(tmp_path):
    port = free_port()
    result = run("demo", "--port", str(port), "--mirror-port", str(port), "--db", str(tmp_path / "archive.db"))
    assert result.exit_code == 2 and "--port and --mirror-port are both" in result.stderr


def test_a_free_port_passes():
    ensure_port_free(HOST, free_port(), "--port")


def test_port_zero_always_passes(busy_port):
    ensure_port_free(HOST, 0, "--port")


def test_an_address_not_on_this_machine_is_a_clear_error():
    with pytest.raises(PortUnavailable, match=r"cannot listen on 192\.0\.2\.1:8001 .*choose another with --port N"):
        ensure_port_free("192.0.2.1", 8001, "--port")
