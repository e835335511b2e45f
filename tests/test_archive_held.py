"""Held suspect fetches in the archive: never current when they appear, confirmed by a later run or accepted."""

import json

import pytest
import sqlite_utils
from click.testing import CliRunner

from factories import dump, make_item, make_page
from scraper.archive import Archive
from scraper.archive.review import accept, held_fetches, keep_held, promote_confirmed
from scraper.cli.archive import suspects as suspects_command
from scraper.crawl.accounting import settle_suspects

APOLOGY = {
    "title": "Przepraszamy",
    "body_text": "Trwają prace techniczne nad serwisem. Zapraszamy wkrótce.",
    "body_html": "<p>Trwają prace techniczne.</p>",
    "published_at": "2026-12-01T00:00:00+01:00",
    "author": None,
}
REFETCH = "2024-03-01T10:00:00Z"


def echo_extractor(body, url, *, headers=None, status=200, fetched_at=None):
    # The pages below carry their item as JSON, so "re-extracting" gives it back.
    return json.loads(body)


def fetch(archive, article_id="gdynia:1", crawl_id=2, **overrides):
    item = make_item(article_id, **{"fetched_at": REFETCH, **overrides})
    return archive.store(item, make_page(item, body=json.dumps(item).encode()), crawl_id=crawl_id)


def current(archive, article_id="gdynia:1"):
    row = archive.db["articles"].get(article_id)
    return row["title"], row["version"]


def reviews(archive):
    return [
        (row["article_id"], row["review"])
        for row in archive.db.query(
            "SELECT article_id, review FROM pages WHERE review IS NOT NULL ORDER BY article_id, rowid"
        )
    ]


@pytest.fixture
def archive():
    archive = Archive(sqlite_utils.Database(memory=True))
    for number in (1, 2, 3):
        fetch(archive, f"gdynia:{number}", crawl_id=1, title=f"Artykuł {number}", fetched_at="2024-01-01T10:00:00Z")
    return archive


def test_suspect_fetch_is_held_and_changes_nothing_current(archive):
    before = {table: rows for table, rows in dump(archive.db).items() if table not in ("pages", "fetch_warnings")}
    assert fetch(archive, **APOLOGY).status == "suspect"
    after = {table: rows for table, rows in dump(archive.db).items() if table not in ("pages", "fetch_warnings")}
    assert after == before


def test_held_fetch_is_stored_with_its_warning(archive):
    fetch(archive, **APOLOGY)
    row = next(archive.db.query("SELECT review, suspect, crawl_id FROM pages WHERE review IS NOT NULL"))
    assert (row["review"], row["crawl_id"]) == ("held", 2)
    assert "author 'Aleksandra Dylejko' vanished" in row["suspect"] and "published_at moved" in row["suspect"]


def test_held_fetch_warnings_go_to_fetch_warnings(archive):
    warnings = fetch(archive, **APOLOGY).warnings
    assert [row["warning"] for row in archive.db["fetch_warnings"].rows] == warnings


def test_same_run_seeing_it_again_does_not_confirm(archive):
    fetch(archive, **APOLOGY)
    fetch(archive, **APOLOGY)
    assert reviews(archive) == [("gdynia:1", "held")]


def test_later_run_confirms_but_only_when_it_ends(archive):
    fetch(archive, **APOLOGY)
    assert fetch(archive, crawl_id=3, **APOLOGY).status == "confirms"
    assert (current(archive), reviews(archive)) == (("Artykuł 1", 1), [("gdynia:1", "confirming")])


def test_clean_end_of_the_confirming_run_makes_it_current(archive):
    fetch(archive, **APOLOGY)
    fetch(archive, crawl_id=3, **APOLOGY)
    assert promote_confirmed(archive, 3, echo_extractor) == 1
    assert (current(archive), reviews(archive)) == (("Przepraszamy", 2), [("gdynia:1", "confirmed")])


def test_confirming_run_that_looks_changed_makes_nothing_current(archive):
    fetch(archive, **APOLOGY)
    fetch(archive, crawl_id=3, **APOLOGY)
    assert keep_held(archive, 3) == 1
    assert promote_confirmed(archive, 3, echo_extractor) == 0
    assert (current(archive), reviews(archive)) == (("Artykuł 1", 1), [("gdynia:1", "held")])


def test_fetches_outside_a_run_never_confirm(archive):
    fetch(archive, crawl_id=None, **APOLOGY)
    fetch(archive, crawl_id=None, **APOLOGY)
    assert reviews(archive) == [("gdynia:1", "held")]


def test_same_page_for_three_articles_holds_all_three(archive):
    # Each is a plausible edit alone (same body, new title); together they are one page for every URL.
    outcomes = [fetch(archive, f"gdynia:{number}", title="Przepraszamy") for number in (1, 2, 3)]
    assert [outcome.status for outcome in outcomes] == ["changed", "changed", "suspect"]
    assert outcomes[2].reverted == ("gdynia:1", "gdynia:2")
    assert [current(archive, f"gdynia:{number}") for number in (1, 2, 3)] == [
        ("Artykuł 1", 1),
        ("Artykuł 2", 1),
        ("Artykuł 3", 1),
    ]
    assert reviews(archive) == [("gdynia:1", "held"), ("gdynia:2", "held"), ("gdynia:3", "held")]


def test_undone_duplicate_leaves_one_version_and_no_superseded_mark(archive):
    for number in (1, 2, 3):
        fetch(archive, f"gdynia:{number}", title="Przepraszamy")
    rows = archive.db.query("SELECT version, superseded_at FROM article_versions WHERE article_id = 'gdynia:1'")
    assert [(row["version"], row["superseded_at"]) for row in rows] == [(1, None)]


def test_duplicate_content_does_not_confirm(archive):
    fetch(archive, "gdynia:3", **APOLOGY)
    for number in (1, 2, 3):  # the third both repeats run 2's held fetch and is the third duplicate
        fetch(archive, f"gdynia:{number}", crawl_id=3, **APOLOGY)
    assert set(review for _, review in reviews(archive)) == {"held"}


def test_confirmation_held_after_the_fact_when_duplicates_follow(archive):
    fetch(archive, "gdynia:1", **APOLOGY)
    for number in (1, 2, 3):
        fetch(archive, f"gdynia:{number}", crawl_id=3, **APOLOGY)
    assert promote_confirmed(archive, 3, echo_extractor) == 0


def test_accept_makes_the_held_fetch_current(archive):
    fetch(archive, **APOLOGY)
    outcome = accept(archive, "gdynia:1", echo_extractor)
    assert (outcome.status, current(archive), reviews(archive)) == (
        "degraded",
        ("Przepraszamy", 2),
        [("gdynia:1", "accepted")],
    )  # degraded: the archived author is kept


def test_accept_without_a_held_fetch_is_an_error(archive):
    with pytest.raises(LookupError, match="no held suspect fetch of gdynia:2"):
        accept(archive, "gdynia:2", echo_extractor)


def test_held_page_is_not_used_for_conditional_requests_or_reparse(archive):
    good_etag = archive.known_articles("gdynia")["gdynia:1"].etag
    item = make_item(fetched_at=REFETCH, **APOLOGY)
    archive.store(
        item, make_page(item, body=b"<html>apology</html>", ETag='"apology"', headers={"ETag": '"apology"'}), crawl_id=2
    )
    assert archive.known_articles("gdynia")["gdynia:1"].etag == good_etag
    assert [page["body"] for page in archive.stored_pages() if page["article_id"] == "gdynia:1"] != [
        b"<html>apology</html>"
    ]


def test_held_fetches_lists_one_line_per_article(archive):
    fetch(archive, **APOLOGY)
    assert [row["article_id"] for row in held_fetches(archive)] == ["gdynia:1"]


def test_old_archive_gains_the_review_columns(tmp_path):
    path = tmp_path / "old.db"
    old = sqlite_utils.Database(path)
    old["pages"].create({"article_id": str, "sha256": str, "body": bytes, "degraded": int}, pk=("article_id", "sha256"))
    old["crawls"].create({"id": int, "site": str}, pk="id")
    Archive(path)
    columns = set(sqlite_utils.Database(path)["pages"].columns_dict)
    assert {"suspect", "review", "crawl_id", "content_key"} <= columns
    assert "articles_suspect" in sqlite_utils.Database(path)["crawls"].columns_dict


def test_suspects_command_lists_and_rejects_unknown_ids(tmp_path):
    path = tmp_path / "a.db"
    archive = Archive(path)
    fetch(archive, crawl_id=1, fetched_at="2024-01-01T10:00:00Z")
    fetch(archive, **APOLOGY)
    listed = CliRunner().invoke(suspects_command, ["--db", str(path)])
    unknown = CliRunner().invoke(suspects_command, ["--db", str(path), "--accept", "gdynia:9"])
    assert listed.exit_code == 0 and listed.output.startswith(f"gdynia:1\t{REFETCH}\ttitle changed")
    assert unknown.exit_code == 1 and "no held suspect fetch of gdynia:9" in unknown.output


def test_run_end_that_looks_changed_keeps_confirmations_held(archive):
    fetch(archive, **APOLOGY)
    fetch(archive, crawl_id=3, **APOLOGY)
    warnings = settle_suspects(archive, 3, site_looks_changed=True)
    assert (warnings, current(archive), reviews(archive)) == (
        ["1 confirmations of held fetches not made current: site looks changed"],
        ("Artykuł 1", 1),
        [("gdynia:1", "held")],
    )


def test_confirmed_page_the_extractor_fails_on_stays_out_and_the_rest_carry_on(archive):
    for number in (1, 2):
        fetch(archive, f"gdynia:{number}", **{**APOLOGY, "title": f"Przepraszamy {number}"})
        fetch(archive, f"gdynia:{number}", crawl_id=3, **{**APOLOGY, "title": f"Przepraszamy {number}"})

    def fails_on_the_first(body, url, **kwargs):
        item = echo_extractor(body, url, **kwargs)
        if item["id"] == "gdynia:1":
            raise ValueError("extractor broke")
        return item

    assert promote_confirmed(archive, 3, fails_on_the_first) == 1
    assert [current(archive, f"gdynia:{number}") for number in (1, 2)] == [("Artykuł 1", 1), ("Przepraszamy 2", 2)]
