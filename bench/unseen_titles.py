"""Accuracy on tests/pages/unseen/ (markups the site layer never saw): per field, and titles per candidate source.

Run from a worktree root: `python bench/unseen_titles.py [--pages DIR]`. The script imports
`scraper` from PYTHONPATH, so `PYTHONPATH=/other/tree python bench/unseen_titles.py --pages
tests/pages/unseen` scores another tree's extractor on this tree's pages (before/after).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from scraper.extract import ExtractionError, extract_article

DEFAULT_PAGES = Path(__file__).resolve().parent.parent / "tests" / "pages" / "unseen"
FIELDS = ("title", "published_at", "author", "publisher", "attachments")


def score(pages: Path) -> None:
    right: Counter = Counter()
    by_source: dict[str, list[int]] = {}
    winners: Counter = Counter()
    body_right = body_total = 0
    cases = sorted(pages.glob("*.html"))
    for page in cases:
        expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        try:
            item = extract_article(page.read_bytes(), expected["url"])
        except ExtractionError:
            item = {name: None for name in FIELDS} | {"body_text": "", "extraction": {"fields": {}}}
        right.update(name for name in FIELDS if item[name] == expected[name])
        hits = by_source.setdefault(expected["title_source"], [0, 0])
        hits[0] += item["title"] == expected["title"]
        hits[1] += 1
        winners[item["extraction"]["fields"].get("title")] += 1
        body = item["body_text"] or ""
        checks = [text in body for text in expected["body_contains"]]
        checks += [text not in body for text in expected["body_not_contains"]]
        body_right, body_total = body_right + sum(checks), body_total + len(checks)
    print(f"{len(cases)} pages")
    for name in FIELDS:
        print(f"{name:14} {right[name]:3}/{len(cases)}")
    print(f"{'body checks':14} {body_right:3}/{body_total}")
    print("title right, by where the page holds its title:")
    for source, (hit, total) in sorted(by_source.items()):
        print(f"  {source:12} {hit}/{total}")
    print("title answered by:", dict(winners.most_common()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="directory of page.html + page.json")
    score(parser.parse_args().pages)


if __name__ == "__main__":
    main()
