"""ArchivePipeline: settings, page popping, stats, a commit per article, the run's crawl id."""

import pytest
import sqlite_utils
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from factories import make_item, make_page
from scraper.crawl.archive_session import ArchiveSession, archive_session
from scraper.crawl.archiving import ArchivePipeline
from scraper.extract.items import PAGE_KEY


def open_pipeline(db_path, crawl_id=None, **settings):
    crawler = get_crawler(settings_dict={"KRONIKA_DB": str(db_path), "EXTENSIONS": {ArchiveSession: 0}, **settings})
    archive_session(crawler).crawl_id = crawl_id  # as the CrawlRecorder's start_crawl sets it
    pipeline = ArchivePipeline.from_crawler(crawler)
    pipeline.open_spider()
    return pipeline, crawler.stats


def item_with_page(article_id="gdynia:1", **overrides):
    item = make_item(article_id, **overrides)
    item[PAGE_KEY] = make_page(item)
    return item


def committed_articles(db_path):
    # A second connection sees only what the pipeline has committed.
    return sqlite_utils.Database(db_path)["articles"].count


def test_empty_db_setting_disables_pipeline():
    with pytest.raises(NotConfigured):
        ArchivePipeline.from_crawler(get_crawler(settings_dict={"KRONIKA_DB": ""}))


def test_item_returned_without_page(tmp_path):
    pipeline, _ = open_pipeline(tmp_path / "a.db")
    assert PAGE_KEY not in pipeline.process_item(item_with_page())


def test_page_is_archived(tmp_path):
    pipeline, _ = open_pipeline(tmp_path / "a.db")
    pipeline.process_item(item_with_page())
    assert sqlite_utils.Database(tmp_path / "a.db")["pages"].count == 1


def test_stats_count_outcomes(tmp_path):
    pipeline, stats = open_pipeline(tmp_path / "a.db")
    for item in (item_with_page(), item_with_page(), item_with_page(title="Nowy"), item_with_page(http_status=404)):
        pipeline.process_item(item)
    counts = {key: stats.get_value(f"kronika/articles_{key}") for key in ("new", "unchanged", "changed", "degraded")}
    assert counts == {"new": 1, "unchanged": 1, "changed": 1, "degraded": 1}


def test_each_article_is_committed_when_stored(tmp_path):
    pipeline, _ = open_pipeline(tmp_path / "a.db")
    for number in range(3):
        pipeline.process_item(item_with_page(f"gdynia:{number}"))
        assert committed_articles(tmp_path / "a.db") == number + 1


def test_fetches_are_tagged_with_the_run(tmp_path):
    pipeline, _ = open_pipeline(tmp_path / "a.db", crawl_id=7)
    pipeline.process_item(item_with_page())
    assert [row["crawl_id"] for row in sqlite_utils.Database(tmp_path / "a.db")["pages"].rows] == [7]


def test_duplicates_held_after_the_fact_are_counted_suspect_not_changed(tmp_path):
    pipeline, _ = open_pipeline(tmp_path / "a.db", crawl_id=1)
    for number in range(3):
        pipeline.process_item(item_with_page(f"gdynia:{number}", title=f"Artykuł {number}"))
    pipeline, stats = open_pipeline(tmp_path / "a.db", crawl_id=2)
    for number in range(3):  # the same page for every article, a small edit away from each
        pipeline.process_item(item_with_page(f"gdynia:{number}", title="Przepraszamy", fetched_at="2"))
    counts = {key: stats.get_value(f"kronika/articles_{key}") for key in ("changed", "suspect")}
    assert counts == {"changed": 0, "suspect": 3}
