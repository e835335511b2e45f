"""The REST API post converter on a saved `/wp/v2/posts?_embed` page and its `/wp/v2/media?parent=` page."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from scraper.extract.items import ARTICLE_FIELDS
from scraper.extract.wordpress.posts import PostError, post_item
from scraper.sites import SITES

LIS = SITES["lis"]

PAGES = Path(__file__).parent / "pages" / "wordpress"
POSTS = {post["id"]: post for post in json.loads((PAGES / "posts_page.json").read_text(encoding="utf-8"))}
MEDIA = json.loads((PAGES / "media_page.json").read_text(encoding="utf-8"))
UPLOADS = "https://lis.gdynia.pl/wp-content/uploads/"


def item(post_id: int, post: dict | None = None) -> dict:
    media = [entry for entry in MEDIA if entry["post"] == post_id]
    return post_item(post or POSTS[post_id], LIS, media=media, fetched_at="2026-01-05T10:00:00+00:00")


def test_item_has_exactly_the_contract_keys():
    assert list(item(1215)) == list(ARTICLE_FIELDS)


def test_id_is_the_site_and_post_id():
    assert item(1215)["id"] == "lis:1215"


def test_url_is_the_post_link():
    assert item(1215)["url"] == "https://lis.gdynia.pl/2024/02/ewaluacja-gpr-ankieta/"


def test_site_city_and_publisher_come_from_the_site_entry():
    found = item(1215)
    assert (found["site"], found["city"], found["publisher"]) == ("lis", "Gdynia", "Laboratorium Innowacji Społecznych")


@pytest.mark.parametrize(
    "post_id, title",
    [
        (1215, "Ankieta ewaluacyjna GPR – Twoja opinia się liczy"),  # &#8211;
        (1283, "Regaty w przystani jachtowej – utrudnienia"),
    ],
)
def test_title_decodes_the_entities_of_title_rendered(post_id, title):
    assert item(post_id)["title"] == title


def test_title_nbsp_becomes_a_plain_space():
    post = copy.deepcopy(POSTS[1215])
    post["title"]["rendered"] = "Aktualizacja GPR: zmiany w&nbsp;programie &#8222;2026&#8221;"
    assert item(1215, post)["title"] == "Aktualizacja GPR: zmiany w programie „2026”"


def test_published_at_is_date_gmt_with_the_winter_offset():
    assert item(1215)["published_at"] == "2024-02-05T10:00:00+01:00"  # date_gmt 09:00


def test_published_at_is_date_gmt_with_the_summer_offset():
    assert item(1238)["published_at"] == "2025-06-11T11:00:00+02:00"  # date_gmt 09:00


def test_modified_at_is_modified_gmt_in_warsaw_time():
    assert item(1215)["modified_at"] == "2024-02-19T09:15:00+01:00"


def test_never_edited_post_has_no_modified_at():
    assert item(1238)["modified_at"] is None


def test_author_is_the_embedded_user_name():
    assert item(1215)["author"] == "Katarzyna Nowicka"


def test_tags_are_the_embedded_post_tag_terms_not_the_categories():
    assert item(1215)["tags"] == ["GPR", "ewaluacja"]
    assert "Aktualności" not in item(1215)["tags"]


def test_body_text_is_the_content_paragraphs():
    assert item(1215)["body_text"] == (
        "Rozpoczynamy ewaluację Gminnego Programu Rewitalizacji. Prosimy mieszkańców podobszarów o wypełnienie "
        "ankiety o zmianach w ich okolicy.\n\nAnkieta jest anonimowa i zajmuje około 10 minut."
    )


def test_body_text_leaves_figure_captions_to_images():
    assert "Mural przy ul. Morskiej" not in item(1238)["body_text"]


def test_body_html_is_sanitised():
    post = copy.deepcopy(POSTS[1215])
    post["content"]["rendered"] += '<script>alert(1)</script><p onclick="x()">Tekst</p>'
    html = item(1215, post)["body_html"]
    assert "<script" not in html and "onclick" not in html and "<p>Tekst</p>" in html


def test_lead_is_the_hand_written_excerpt():
    assert item(1160)["lead"] == "Nabór kandydatów do Komitetu Rewitalizacji trwa do 20 czerwca."


def test_lead_is_the_first_paragraph_when_the_excerpt_is_automatic():
    # WordPress's automatic excerpt is the content's first 55 words: no lead of its own.
    assert item(1125)["lead"] == (
        "Mieszkańcy Leszczynek mogą zgłaszać pomysły na wspólne działania w ramach "
        "inicjatywy lokalnej. Miasto wesprze je materiałami i wiedzą ekspertów."
    )


def test_attachments_come_from_links_in_the_content():
    post = copy.deepcopy(POSTS[1215])
    post["content"]["rendered"] += f'<p><a href="{UPLOADS}2024/02/ankieta.pdf">Ankieta (PDF)</a></p>'
    assert item(1215, post)["attachments"] == [
        {
            "url": UPLOADS + "2024/02/ankieta.pdf",
            "filename": "ankieta.pdf",
            "title": "Ankieta (PDF)",
            "type": "pdf",
            "size_bytes": None,
        }
    ]


def test_attachments_from_wp_attachment_media_carry_title_type_and_size():
    assert item(1125)["attachments"] == [
        {
            "url": UPLOADS + "2019/01/wniosek-inicjatywa-lokalna.pdf",
            "filename": "wniosek-inicjatywa-lokalna.pdf",
            "title": "Wniosek o inicjatywę lokalną",
            "type": "pdf",
            "size_bytes": 182044,
        }
    ]


def test_images_include_the_featured_media_with_its_caption():
    assert item(1035)["images"] == [
        {
            "url": UPLOADS + "2017/11/przystan-babie-doly.jpg",
            "caption": "Otwarcie Przystani na Babich Dołach",
            "credit": None,
        }
    ]


def test_images_include_content_figures_with_their_figcaption():
    assert {
        "url": UPLOADS + "2025/06/mural-leszczynki.jpg",
        "caption": "Mural przy ul. Morskiej. Fot. LIS",
        "credit": None,
    } in item(1238)["images"]


def test_language_is_guessed_from_the_text():
    assert item(1215)["language"] == "pl"


def test_revitalisation_is_judged_per_article_by_topics():
    assert (item(1215)["revitalisation"], item(1215)["topics"]) == (
        True,
        ["gminny program rewitalizacji", "rewitalizacja"],
    )
    assert (item(1283)["revitalisation"], item(1283)["topics"]) == (False, [])  # a yacht marina, not a Przystań


def test_provenance_is_the_fetch_and_a_hash_of_the_post():
    found = item(1215)
    assert (found["fetched_at"], found["http_status"]) == ("2026-01-05T10:00:00Z", 200)
    assert found["content_sha256"] != item(1238)["content_sha256"]


def test_extraction_names_the_api_as_source():
    assert item(1215)["extraction"]["source"] == "wordpress-api"


def test_missing_fields_are_warnings_not_a_crash():
    post = {key: value for key, value in POSTS[1215].items() if key not in ("title", "date_gmt", "_embedded")}
    found = item(1215, post)
    assert (found["title"], found["published_at"], found["author"]) == (None, None, None)
    assert "post 1215 has no title" in found["extraction"]["warnings"]
    assert "post 1215 has no date_gmt" in found["extraction"]["warnings"]


def test_malformed_date_is_a_warning():
    post = {**POSTS[1215], "date_gmt": "wczoraj"}
    found = item(1215, post)
    assert found["published_at"] is None and any("date_gmt" in w for w in found["extraction"]["warnings"])


@pytest.mark.parametrize("missing", ["id", "link"])
def test_post_without_id_or_link_cannot_be_archived(missing):
    with pytest.raises(PostError):
        item(1215, {key: value for key, value in POSTS[1215].items() if key != missing})


def test_a_stored_post_page_reparses_to_the_same_article():
    import sqlite_utils

    from scraper.archive import Archive
    from scraper.archive.reparse import reparse_archive
    from scraper.extract import page_record
    from scraper.extract.wordpress.posts import post_bytes

    archive = Archive(sqlite_utils.Database(memory=True))
    found = item(1125)
    raw = post_bytes(POSTS[1125], [entry for entry in MEDIA if entry["post"] == 1125])
    page = page_record(
        raw,
        "https://lis.gdynia.pl/wp-json/wp/v2/posts/1125?_embed",
        {"content-type": "application/json; charset=UTF-8"},
        200,
        found["fetched_at"],
    )
    archive.store(found, page)
    assert reparse_archive(archive) == {"unchanged": 1}
