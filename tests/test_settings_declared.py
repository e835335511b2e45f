"""Every setting Kronika's code reads is declared once, in scraper/settings.py, and read without a second default."""

import ast
from pathlib import Path

import pytest

from scraper import settings as project_settings

PACKAGE = Path(__file__).resolve().parent.parent / "scraper"
GETTERS = {"get", "getint", "getfloat", "getbool", "getdict", "getlist", "getdictorlist", "getwithbase"}


def _is_settings(node: ast.expr) -> bool:
    """`settings`, `crawler.settings`, `self.settings` …: whatever is named settings."""
    return (isinstance(node, ast.Name) and node.id == "settings") or (
        isinstance(node, ast.Attribute) and node.attr == "settings"
    )


def setting_reads():
    """(file:line, name, has a default) of every `<…>settings.get*("NAME" …)` and `settings["NAME"]` in scraper/."""
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{path.relative_to(PACKAGE.parent)}:{getattr(node, 'lineno', 0)}"
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in GETTERS
                and _is_settings(node.func.value)
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                yield where, node.args[0].value, len(node.args) > 1 or bool(node.keywords)
            elif isinstance(node, ast.Subscript) and _is_settings(node.value) and isinstance(node.slice, ast.Constant):
                yield where, node.slice.value, False


READS = list(setting_reads())


def test_the_scan_finds_the_settings_the_crawl_reads():
    names = {name for _, name, _ in READS}
    assert {"KRONIKA_DB", "KRONIKA_MAX_RETRY_AFTER", "USER_AGENT", "DOWNLOAD_MAXSIZE"} <= names


@pytest.mark.parametrize("where, name", [(where, name) for where, name, _ in READS])
def test_every_setting_read_is_declared_in_settings_py(where, name):
    assert hasattr(project_settings, name), f"{where} reads {name}, which scraper/settings.py does not declare"


def test_no_setting_is_read_with_a_second_default():
    # scraper/settings.py declares the one default; a default at the read would drift from it.
    assert [f"{where} {name}" for where, name, default in READS if default] == []
