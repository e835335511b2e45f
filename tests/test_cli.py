"""The public command line: every command has --help; scrapy sees both spiders."""

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import main

REPO = Path(__file__).resolve().parent.parent
COMMANDS = ["crawl", "serve", "export", "reparse", "extract", "mirror", "demo"]


def test_top_level_help_lists_every_command():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert all(f"  {command}" in result.output for command in COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


def test_unknown_site_is_a_one_line_error():
    result = subprocess.run([sys.executable, "-m", "scraper", "crawl", "lodz"], capture_output=True, text=True)
    assert result.returncode != 0
    assert "lodz" in result.stderr and result.stdout == ""


def test_bad_setting_override_is_rejected(tmp_path):
    result = CliRunner().invoke(main, ["crawl", "--db", str(tmp_path / "a.db"), "-s", "NOEQUALS"])
    assert result.exit_code != 0 and "NAME=VALUE" in result.output


def test_scrapy_list_shows_every_site():
    result = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=REPO, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["gdynia", "lis", "przemysl"]
