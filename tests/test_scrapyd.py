"""Scrapyd with real processes: deploy an egg, run both spiders as jobs, the lock, shards merged like one crawl."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

import pytest
import sqlite_utils

from crawling import run_crawl
from scraper.crawl.locking import crawl_lock
from scraper.mirror.site import bundled_articles

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# The mirror is our own loopback server: politeness would only slow the jobs.
MIRROR_JOB_SETTINGS = ("DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "CONCURRENT_REQUESTS_PER_DOMAIN=4")
PROJECT_FILES = ("scraper", "pyproject.toml", "setup.py", "scrapy.cfg", "README.md")
# Columns that differ between any two runs of the same crawl.
RUN_COLUMNS = {
    "fetched_at",
    "first_seen_at",
    "last_changed_at",
    "superseded_at",
    "started_at",
    "finished_at",
    "crawl_id",
    "headers",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Scrapyd:
    """A scrapyd daemon on a free loopback port, its eggs, logs and queues in `home`."""

    def __init__(self, home: Path):
        self.home, self.port = home, free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        config = (ROOT / "deploy" / "scrapyd.conf").read_text(encoding="utf-8")
        config = config.replace("http_port = 6800", f"http_port = {self.port}").replace("/srv/kronika/scrapyd/", "")
        (home / "scrapyd.conf").write_text(config + "poll_interval = 0.2\n", encoding="utf-8")
        # This tree's code runs the jobs, as in every other test (an installed
        # copy of Kronika would shadow the egg on sys.path).
        self.env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.log = open(home / "scrapyd.out", "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "scrapyd"], cwd=home, env=self.env, stdout=self.log, stderr=subprocess.STDOUT
        )
        self._wait_until_up()

    def _wait_until_up(self, timeout: float = 30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                return self.get("daemonstatus.json")
            except OSError:
                time.sleep(0.2)
        raise AssertionError((self.home / "scrapyd.out").read_text())

    def get(self, endpoint: str, **query) -> dict:
        with urllib.request.urlopen(self.url + endpoint + "?" + urllib.parse.urlencode(query), timeout=10) as answer:
            return json.load(answer)

    def schedule(self, spider: str, *settings: str) -> str:
        data = urllib.parse.urlencode(
            [("project", "kronika"), ("spider", spider), *(("setting", setting) for setting in settings)]
        ).encode()
        with urllib.request.urlopen(self.url + "schedule.json", data=data, timeout=10) as answer:
            reply = json.load(answer)
        assert reply["status"] == "ok", reply
        return reply["jobid"]

    def wait(self, *job_ids: str, timeout: float = 180) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            finished = {job["id"] for job in self.get("listjobs.json", project="kronika")["finished"]}
            if finished >= set(job_ids):
                return
            time.sleep(0.5)
        raise AssertionError(f"jobs {job_ids} not finished in {timeout} s")

    def job_log(self, spider: str, job_id: str) -> str:
        return (self.home / "logs" / "kronika" / spider / f"{job_id}.log").read_text(encoding="utf-8")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.log.close()


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project to build eggs in (setup.py bdist_egg writes build/ next to the sources)."""
    copy = tmp_path_factory.mktemp("project")
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / name)
    return copy


@pytest.fixture(scope="module")
def scrapyd(tmp_path_factory, project):
    """A running scrapyd with the project deployed by scrapyd-deploy."""
    daemon = Scrapyd(tmp_path_factory.mktemp("scrapyd"))
    try:
        config = (project / "scrapy.cfg").read_text(encoding="utf-8")
        (project / "scrapy.cfg").write_text(config.replace("http://127.0.0.1:6800/", daemon.url), encoding="utf-8")
        deployed = subprocess.run(
            [str(BIN / "scrapyd-deploy"), "--version", "1"],
            cwd=project,
            env=daemon.env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert deployed.returncode == 0, deployed.stderr[-3000:]
        yield daemon
    finally:
        daemon.stop()


def job_settings(db: Path, mirror) -> tuple[str, ...]:
    return (f"KRONIKA_DB={db}", f"KRONIKA_MIRROR={mirror.base_url}", *MIRROR_JOB_SETTINGS)


def test_the_egg_carries_the_package_data_and_the_settings_entry_point(project, tmp_path):
    egg = tmp_path / "kronika.egg"
    built = subprocess.run(
        [str(BIN / "scrapyd-deploy"), f"--build-egg={egg}"], cwd=project, capture_output=True, text=True, timeout=180
    )
    assert built.returncode == 0, built.stderr[-3000:]
    with zipfile.ZipFile(egg) as archive:
        names = set(archive.namelist())
        entry_points = archive.read("EGG-INFO/entry_points.txt").decode()
    assert {"scraper/serve/metadata.yml", "scraper/serve/templates/row-archive-articles.html"} <= names
    assert "[scrapy]\nsettings = scraper.settings" in entry_points


def test_both_spiders_run_as_jobs_into_the_archive_with_their_crawl_rows(scrapyd, mirror, tmp_path):
    db = tmp_path / "archive.db"
    jobs = {spider: scrapyd.schedule(spider, *job_settings(db, mirror)) for spider in ("przemysl", "gdynia")}
    scrapyd.wait(*jobs.values())
    archive = sqlite_utils.Database(db)
    per_site = dict(archive.execute("select site, count(*) from articles group by site").fetchall())
    assert per_site == {site: len(specs) for site, specs in bundled_articles().items()}
    crawls = {row["site"]: row for row in archive.query("select * from crawls")}
    assert {site: (row["finish_reason"], row["exit_status"], row["articles_new"]) for site, row in crawls.items()} == {
        site: ("finished", 0, len(specs)) for site, specs in bundled_articles().items()
    }
    last_line = scrapyd.job_log("gdynia", jobs["gdynia"]).strip().splitlines()[-1]
    assert "Spider closed (finished)" in last_line
    assert "kronika: gdynia: " in scrapyd.job_log("gdynia", jobs["gdynia"])


def test_a_job_on_an_archive_another_crawl_holds_closes_as_locked(scrapyd, mirror, tmp_path):
    db = tmp_path / "archive.db"
    with crawl_lock(str(db)):  # the test process is "the other crawl"
        job = scrapyd.schedule("gdynia", *job_settings(db, mirror))
        scrapyd.wait(job)
    log = scrapyd.job_log("gdynia", job)
    assert "Spider closed (locked)" in log and f"another crawl of {db} is running" in log
    assert sqlite_utils.Database(db)["crawls"].count == 0


def test_a_running_job_holds_the_archive_against_kronika_crawl(scrapyd, mirror, tmp_path):
    db = tmp_path / "archive.db"
    # Polite pacing keeps the job running for a while (about one request a second).
    job = scrapyd.schedule(
        "gdynia",
        f"KRONIKA_DB={db}",
        f"KRONIKA_MIRROR={mirror.base_url}",
        "DOWNLOAD_DELAY=1",
        "AUTOTHROTTLE_ENABLED=False",
    )
    deadline = time.monotonic() + 60
    while not (
        db.exists() and sqlite_utils.Database(db)["crawls"].exists() and sqlite_utils.Database(db)["crawls"].count
    ):  # the job has its lock and its crawls row
        assert time.monotonic() < deadline, "the job never opened its crawl"
        time.sleep(0.2)
    cron = run_crawl(db, mirror.base_url)
    scrapyd.wait(job)
    assert cron.returncode == 75 and "another crawl of" in cron.stderr
    crawls = list(sqlite_utils.Database(db).query("select site, finish_reason from crawls"))
    assert crawls == [{"site": "gdynia", "finish_reason": "finished"}]


def test_scrapy_crawl_takes_the_lock_too(mirror, tmp_path):
    db = tmp_path / "archive.db"
    requests_before = len(mirror.request_log)
    with crawl_lock(str(db)):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "scrapy",
                "crawl",
                "przemysl",
                *(arg for setting in job_settings(db, mirror) for arg in ("-s", setting)),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert "Spider closed (locked)" in result.stderr and "another crawl of" in result.stderr
    archive = sqlite_utils.Database(db)
    assert (archive["articles"].count, archive["crawls"].count) == (0, 0)
    assert len(mirror.request_log) == requests_before


def comparable(db: sqlite_utils.Database) -> dict[str, list]:
    """Every table's rows without what differs between two runs (times, crawl ids, Date headers)."""
    tables = {}
    for table in ("articles", "attachments", "images", "pages", "fetch_warnings"):
        columns = [column for column in db[table].columns_dict if column not in RUN_COLUMNS]
        tables[table] = sorted(db.execute(f"select {', '.join(columns)} from {table}").fetchall(), key=repr)
    tables["article_versions"] = sorted(
        repr(
            (
                row["article_id"],
                row["version"],
                row["content_hash"],
                sorted((key, value) for key, value in json.loads(row["item"]).items() if key not in RUN_COLUMNS),
            )
        )
        for row in db.query("select * from article_versions")
    )
    tables["tags"] = sorted(
        db.execute("select at.article_id, t.name from articles_tags at join tags t on t.id = at.tag_id").fetchall()
    )
    tables["crawls"] = sorted(
        db.execute(
            "select site, requests, articles_new, articles_changed, articles_unchanged, articles_failed, "
            "warnings, finish_reason, exit_status from crawls"
        ).fetchall()
    )
    return tables


def test_shards_crawled_as_jobs_merge_into_what_one_crawl_of_both_gives(scrapyd, mirror, tmp_path):
    shard_a, shard_b = tmp_path / "przemysl.db", tmp_path / "gdynia.db"
    jobs = [
        scrapyd.schedule("przemysl", *job_settings(shard_a, mirror)),
        scrapyd.schedule("gdynia", *job_settings(shard_b, mirror)),
    ]
    single = tmp_path / "single.db"
    crawled = run_crawl(single, mirror.base_url)
    assert crawled.returncode == 0, crawled.stderr[-2000:]
    scrapyd.wait(*jobs)
    merged = tmp_path / "merged.db"
    with crawl_lock(str(merged)):  # a crawl of the target is running: the merge waits for another day
        locked = subprocess.run(
            [sys.executable, "-m", "scraper", "merge", str(shard_a), "--into", str(merged)],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert (locked.returncode, merged.exists()) == (75, False)
    merge = subprocess.run(
        [sys.executable, "-m", "scraper", "merge", str(shard_a), str(shard_b), "--into", str(merged)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert merge.returncode == 0, merge.stderr
    assert comparable(sqlite_utils.Database(merged)) == comparable(sqlite_utils.Database(single))
