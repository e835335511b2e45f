"""The stage folders import only the stages before them (docs/architecture.md)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "scraper"

# Stage -> the stages (first component under scraper.) it may import.
ALLOWED = {
    # The per-site page objects (scraper/sites/<site>.py) build on extract's helpers;
    # the registry imports them by name only, so extract never reaches them statically.
    "sites": {"extract"},
    "extract": {"sites"},
    "archive": {"sites", "extract"},
    "crawl": {"sites", "extract", "archive", "settings"},
    "spiders": {"sites", "crawl"},
    "serve": {"archive"},
    "mirror": {"sites"},
}
# Only the Scrapy stage may depend on Scrapy or Twisted.
SCRAPY_FREE = {"sites", "extract", "archive", "serve", "mirror"}


def stage_imports(stage: str) -> list[tuple[str, str]]:
    """(module imported, file) for every absolute import in one stage's files."""
    root = PACKAGE / stage
    files = sorted(root.rglob("*.py")) if root.is_dir() else [PACKAGE / f"{stage}.py"]
    found = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.append((node.module, path.name))
            elif isinstance(node, ast.Import):
                found.extend((alias.name, path.name) for alias in node.names)
    return found


@pytest.mark.parametrize("stage", sorted(ALLOWED))
def test_stage_imports_only_earlier_stages(stage):
    reached = {
        (module.split(".")[1], name)
        for module, name in stage_imports(stage)
        if module.startswith("scraper.") and module.split(".")[1] != stage
    }
    assert {(target, name) for target, name in reached if target not in ALLOWED[stage]} == set()


@pytest.mark.parametrize("stage", sorted(SCRAPY_FREE))
def test_stage_does_not_depend_on_scrapy(stage):
    roots = {module.split(".")[0] for module, _ in stage_imports(stage)}
    assert roots & {"scrapy", "twisted"} == set()


def test_the_site_registry_imports_no_page_objects():
    """Only the per-site modules use extract: the registry and the loader stay import-free of it."""
    reached = {
        module
        for module, name in stage_imports("sites")
        if name in ("__init__.py", "declaration.py") and module.startswith("scraper.extract")
    }
    assert reached == set()
