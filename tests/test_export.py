"""kronika export: formats, filters, nesting, order, streaming and errors."""

import csv
import io
import json
import tracemalloc

import pytest
from click.testing import CliRunner

from factories import make_item
from scraper.archive import Archive
from scraper.archive.export import export, export_items
from scraper.cli import main

ARTICLES = [
    make_item("gdynia:1", title="Rewitalizacja Chylonii", published_at="2021-12-10T12:50:00+01:00"),
    make_item(
        "gdynia:2",
        title="Konsultacje na Oksywiu",
        body_text="Spotkanie na Oksywiu.",
        attachments=[],
        published_at="2022-03-01T09:00:00+01:00",
    ),
    make_item(
        "przemysl:45707",
        site="przemysl",
        title="Plac na Bramie w Przemyślu",
        body_text="Remont placu.",
        tags=[],
        published_at="2018-10-05T08:39:00+02:00",
    ),
]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "archive.db"
    archive = Archive(path)
    for item in ARTICLES:
        archive.store(item)
    archive.db.close()
    return path


def run(db_path, *args):
    return CliRunner().invoke(main, ["export", "--db", str(db_path), *args])


def ids(db_path, *args):
    return [item["id"] for item in json.loads(run(db_path, *args).output)]


def test_json_is_array_newest_first(db_path):
    assert ids(db_path) == ["gdynia:2", "gdynia:1", "przemysl:45707"]


def test_json_item_has_contract_keys(db_path):
    from scraper.extract.items import ARTICLE_FIELDS

    assert list(json.loads(run(db_path).output)[0]) == list(ARTICLE_FIELDS)


def test_json_nests_attachments_in_order(db_path):
    item = json.loads(run(db_path, "--site", "gdynia").output)[1]
    assert [attachment["filename"] for attachment in item["attachments"]] == ["a.pdf", "b.jpg"]


def test_json_round_trips_item(db_path):
    from scraper.archive.export import DOWNLOAD_KEYS

    exported = json.loads(run(db_path, "--site", "przemysl").output)[0]
    # Attachments add their download and document (None before any download) to the contract fields.
    for attachment in exported["attachments"]:
        assert [attachment.pop(key) for key in (*DOWNLOAD_KEYS, "document")] == [None] * (len(DOWNLOAD_KEYS) + 1)
    assert exported == ARTICLES[2]


def test_jsonl_one_object_per_line(db_path):
    lines = run(db_path, "--format", "jsonl").output.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["gdynia:2", "gdynia:1", "przemysl:45707"]


def test_csv_flattens_tags_and_attachments(db_path):
    rows = list(csv.DictReader(io.StringIO(run(db_path, "--format", "csv", "--site", "gdynia").output)))
    assert (rows[1]["tags"], rows[1]["attachments_count"], rows[1]["attachment_urls"].split()) == (
        "projekt;FFW",
        "2",
        ["https://www.gdynia.pl/storage/a.pdf", "https://www.gdynia.pl/storage/b.jpg"],
    )


@pytest.mark.parametrize(
    "args,expected",
    [
        (("--site", "przemysl"), ["przemysl:45707"]),
        (("--since", "2021-12-10"), ["gdynia:2", "gdynia:1"]),
        (("--until", "2021-12-10"), ["gdynia:1", "przemysl:45707"]),
        (("--since", "2021-12-10T12:00:00+00:00"), ["gdynia:2"]),
        (("--since", "2019-01-01", "--until", "2021-12-31"), ["gdynia:1"]),
        (("--search", "Oksywie"), ["gdynia:2"]),
        (("--search", "przemysla"), ["przemysl:45707"]),
        (("--search", "rewitalizacji", "--site", "przemysl"), []),
    ],
)
def test_filters(db_path, args, expected):
    assert ids(db_path, *args) == expected


def test_output_file(db_path, tmp_path):
    target = tmp_path / "out.jsonl"
    run(db_path, "--format", "jsonl", "-o", str(target))
    assert len(target.read_text(encoding="utf-8").splitlines()) == 3


@pytest.mark.parametrize(
    "args,message",
    [
        (("--since", "10.12.2021"), "kronika: error: Invalid value for '--since': '10.12.2021' is not a date"),
        (("--until", "yesterday"), "kronika: error: Invalid value for '--until': 'yesterday' is not a date"),
        (
            ("--format", "xml"),
            "kronika: error: Invalid value for '--format': 'xml' is not one of 'json', 'jsonl', 'csv'.",
        ),
    ],
)
def test_bad_arguments_are_one_line_usage_errors(db_path, args, message):
    result = run(db_path, *args)
    [line] = result.output.strip().splitlines()
    assert (result.exit_code, line.startswith(message)) == (2, True)


def test_missing_db_fails_in_one_line(tmp_path):
    result = run(tmp_path / "none.db")
    assert (result.exit_code, result.output.count("\n")) == (1, 1)


def test_missing_db_is_not_created(tmp_path):
    run(tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()


@pytest.fixture(scope="module")
def big_archive(tmp_path_factory):
    archive = Archive(tmp_path_factory.mktemp("big") / "big.db")
    with archive.batch():
        for number in range(2000):
            archive.store(make_item(f"gdynia:{number}", body_text=f"Artykuł {number}. " + "tekst " * 400))
    return archive


def test_export_of_2000_articles_streams(big_archive):
    # Materialising the export would take ~10 MB; streaming keeps it to one article at a time.
    tracemalloc.start()
    count = export(big_archive.db, NullWriter(), "json")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert (count, peak < 2_000_000) == (2000, True), peak


def test_export_items_is_lazy(big_archive):
    # Building all 2000 items (~2.4 KB of body each) before the first one would take ~5 MB.
    tracemalloc.start()
    first = next(iter(export_items(big_archive.db)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert (first["id"].startswith("gdynia:"), peak < 1_000_000) == (True, True), peak


class NullWriter:
    """A text sink that keeps nothing, so only the exporter's own memory is measured."""

    def write(self, text):
        return len(text)
