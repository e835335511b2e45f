"""The offline default end to end (`kronika demo`), and the crawl's progress line on a terminal."""

from __future__ import annotations

import json
import os
import pty
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from scraper.mirror.server import MirrorServer

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_json(url: str, timeout: float = 90):
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.load(response)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_demo_serves_a_searchable_archive_of_the_mirror(tmp_path):
    port, mirror_port = free_port(), free_port()
    demo = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "scraper",
            "demo",
            "--port",
            str(port),
            "--mirror-port",
            str(mirror_port),
            "--db",
            str(tmp_path / "archive.db"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=tmp_path,
    )
    try:
        found = get_json(f"http://127.0.0.1:{port}/archive/articles.json?_search=rewitalizacji&_shape=array&_col=url")
    finally:
        demo.send_signal(signal.SIGINT)
        demo.wait(timeout=30)
    assert len(found) >= 10
    assert all(
        row["url"].startswith(("https://przemysl.pl/", "https://www.gdynia.pl/", "https://lis.gdynia.pl/"))
        for row in found
    )


def test_interactive_crawl_shows_a_progress_line(tmp_path):
    leader, follower = pty.openpty()
    with MirrorServer() as mirror:
        crawl = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "scraper",
                "crawl",
                "gdynia",
                "--db",
                str(tmp_path / "a.db"),
                "--mirror",
                mirror.base_url,
            ],
            stdout=subprocess.DEVNULL,
            stderr=follower,
        )
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closes when the crawl exits
                break
            if not chunk:
                break
            output += chunk
        crawl.wait(timeout=60)
    os.close(leader)
    assert crawl.returncode == 0
    assert b"\rgdynia: 16 articles" in output
