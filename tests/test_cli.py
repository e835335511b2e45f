"""The public command line: every command has --help; scrapy and the commands see every declared site."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import main
from scraper.sites import SITES

REPO = Path(__file__).resolve().parent.parent
COMMANDS = ["crawl", "serve", "export", "reparse", "suspects", "extract", "mirror", "demo"]


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


USER_SITE = """
[kalisz]
city = "Kalisz"
publisher = "Urząd Miasta Kalisza"
hosts = ["kalisz.example"]
start_urls = ["https://kalisz.example/wiadomosci/"]
article_url = '/wiadomosci/(?P<id>\\d+)'
canonical_url = "https://kalisz.example/wiadomosci/{id}"
listing_url = '/wiadomosci/'
"""


def scrapy_list(*args: str, env: dict | None = None) -> list[str]:
    result = subprocess.run([sys.executable, "-m", "scrapy", "list", *args], cwd=REPO, capture_output=True, text=True,
                            check=True, env=env)
    return result.stdout.split()


def test_scrapy_list_shows_every_declared_spider():
    assert scrapy_list() == sorted(SITES)


def test_scrapy_list_shows_a_site_of_the_sites_file_setting(tmp_path):
    (tmp_path / "sites.toml").write_text(USER_SITE, encoding="utf-8")
    assert scrapy_list("-s", f"KRONIKA_SITES_FILE={tmp_path / 'sites.toml'}") == sorted({*SITES, "kalisz"})


def test_scrapy_list_shows_a_site_of_the_environment_sites_file(tmp_path):
    (tmp_path / "sites.toml").write_text(USER_SITE, encoding="utf-8")
    env = {**os.environ, "KRONIKA_SITES": str(tmp_path / "sites.toml")}
    assert scrapy_list(env=env) == sorted({*SITES, "kalisz"})


def test_a_sites_file_site_is_a_valid_crawl_and_export_choice(tmp_path, restore_sites):
    (tmp_path / "sites.toml").write_text(USER_SITE, encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "--sites", str(tmp_path / "sites.toml"), "--help"])
    assert "kalisz" in result.output
    result = CliRunner().invoke(main, ["crawl", "--sites", str(tmp_path / "sites.toml"), "--help"])
    assert "kalisz" in result.output


def test_a_broken_sites_file_is_a_one_line_error_naming_file_site_and_key(tmp_path, restore_sites):
    (tmp_path / "sites.toml").write_text(USER_SITE.replace("(?P<id>", "(?P<nr>"), encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "--sites", str(tmp_path / "sites.toml")])
    assert result.exit_code == 2
    assert f'{tmp_path / "sites.toml"}: site "kalisz": key "article_url": the regex needs' in result.output


def test_a_broken_environment_sites_file_is_a_one_line_error(tmp_path):
    (tmp_path / "sites.toml").write_text(USER_SITE + "colour = 1\n", encoding="utf-8")
    env = {**os.environ, "KRONIKA_SITES": str(tmp_path / "sites.toml")}
    result = subprocess.run([sys.executable, "-m", "scraper", "crawl", "--help"], capture_output=True, text=True, env=env)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f'kronika: error: {tmp_path / "sites.toml"}: site "kalisz": key "colour": unknown key')
