"""The public command line: every command has --help; scrapy and the commands see every declared site."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import main
from scraper.cli.options import db_option
from scraper.sites import SITES

REPO = Path(__file__).resolve().parent.parent
COMMANDS = ["crawl", "serve", "export", "reparse", "suspects", "warc", "merge", "extract", "document", "mirror", "demo"]
DB_COMMANDS = ["crawl", "serve", "export", "reparse", "suspects", "warc", "demo"]


def test_top_level_help_lists_every_command():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert all(f"  {command}" in result.output for command in COMMANDS)


def test_every_registered_command_is_checked_here():
    assert sorted(main.commands) == sorted(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_ends_with_example_lines(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output
    description = result.output.split("\nOptions:")[0].rstrip().splitlines()
    assert description[-1].lstrip().startswith("Example: kronika " + command)


def shared_db_help() -> str:
    @db_option
    def probe(db_path):
        pass

    return probe.__click_params__[0].help


@pytest.mark.parametrize("command", DB_COMMANDS)
def test_each_command_declares_db_through_the_shared_option(command):
    [db] = [param for param in main.commands[command].params if param.name == "db_path"]
    assert (db.opts, db.help, db.default) == (["--db"], shared_db_help(), "archive.db")


@pytest.mark.parametrize("command", ["export", "warc"])
def test_site_is_a_choice_of_the_declared_sites(command, tmp_path):
    result = CliRunner().invoke(main, [command, "--db", str(tmp_path / "a.db"), "--site", "lodz"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "kronika: error: Invalid value for '--site': 'lodz' is not one of "
        + ", ".join(f"'{name}'" for name in sorted(SITES))
        + "."
    )


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
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "list", *args], cwd=REPO, capture_output=True, text=True, check=True, env=env
    )
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
    result = subprocess.run(
        [sys.executable, "-m", "scraper", "crawl", "--help"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f'kronika: error: {tmp_path / "sites.toml"}: site "kalisz": key "colour": unknown key')
