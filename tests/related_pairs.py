"""A labelled set of cross-site article pairs for the related-articles measure: same story or not.

Each pair is (a, b, same_story, why). Articles are the mirror's, extracted
the way a crawl extracts them (Gdynia pages through extract_article, LIS
posts through the REST converter); reposts are a Gdynia article with the
edits a second newsroom makes, spelled out in REPOSTS.
"""

from __future__ import annotations

import functools

from scraper.extract import extract_article
from scraper.extract.wordpress.posts import post_item
from scraper.mirror import render_gdynia
from scraper.mirror.articles_lis import POSTS
from scraper.mirror.render_common import encode_page
from scraper.mirror.site import bundled_articles
from scraper.mirror.wordpress import wordpress_sites
from scraper.sites import SITES

LIS = SITES["lis"]


@functools.cache
def articles() -> dict[str, dict]:
    """Every Gdynia and LIS mirror article as `{title, body_text}`, by id."""
    found = {}
    for spec in bundled_articles()["gdynia"]:
        item = extract_article(encode_page(spec, render_gdynia.render_article(spec)), spec.expected["url"])
        found[spec.key] = {"title": item["title"], "body_text": item["body_text"]}
    site = wordpress_sites()["lis.gdynia.pl"]
    for post in POSTS:
        item = post_item(site.post_json(post), LIS)
        found[post.key] = {"title": item["title"], "body_text": item["body_text"]}
    return found


def repost(
    key: str,
    *,
    title: str | None = None,
    prepend: str = "",
    append: str = "",
    drop_first: bool = False,
    replace: tuple[tuple[str, str], ...] = (),
) -> dict:
    """Gdynia article `key` as another site republishes it."""
    original = articles()[key]
    paragraphs = original["body_text"].split("\n\n")[1 if drop_first else 0 :]
    body = "\n\n".join(filter(None, (prepend, *paragraphs, append)))
    for old, new in replace:
        body = body.replace(old, new)
    return {"title": title or original["title"], "body_text": body}


# Gdynia article -> how the second site reposts it (all: the same story).
REPOSTS = (
    ("gdynia:542315", dict(title="Konsultacje podwórek na Oksywiu – zapraszamy", append="Zapraszamy!")),
    ("gdynia:545102", dict(title="Nowe mieszkania dla mieszkańców Meksyku – klucze odebrane")),
    (
        "gdynia:548321",
        dict(
            title="Leszczynki: inicjatywa lokalna – zgłoś swój pomysł",
            drop_first=False,
            prepend="Przypominamy o naborze.",
        ),
    ),
    (
        "gdynia:549870",
        dict(title="Festyn sąsiedzki na Oksywiu już w sobotę", replace=(("Oksywiu", "Oksywiu (Gdynia)"),)),
    ),
    ("gdynia:551204", dict(title="Raport z monitoringu GPR – Gminnego Programu Rewitalizacji", drop_first=True)),
    ("gdynia:552640", dict(title="Budżet obywatelski na obszarach rewitalizacji: 11 projektów")),
    (
        "gdynia:554118",
        dict(title="Przystań Witomino w nowej siedzibie przy ul. Uczniowskiej", append="Do zobaczenia w Przystani!"),
    ),
    ("gdynia:554160", dict(title="Zespół wsparcia lokalnego działa na Babich Dołach")),
    (
        "gdynia:556702",
        dict(title="Wiosenne sprzątanie Chyloni – podziękowania", append="Dziękujemy wszystkim wolontariuszom."),
    ),
    ("gdynia:556745", dict(title="Rusza nabór do Funduszu Sąsiedzkiego!", replace=(("5 tys. zł", "5000 zł"),))),
    ("gdynia:562076", dict(title="Modelownia dla młodzieży – podsumowanie projektu")),
    ("gdynia:541200", dict(title="Rada Miasta przyjęła Gminny Program Rewitalizacji", drop_first=True)),
    ("gdynia:543780", dict(title="Przystań Babie Doły otwarta!", prepend="Mamy to!")),
    ("gdynia:546990", dict(title="Park kieszonkowy na Witominie gotowy")),
    ("gdynia:557930", dict(title="Schody na Pekinie po remoncie – zobacz zdjęcia")),
)

# LIS post, Gdynia article, why they are different stories (hard negatives: same district, same words).
DIFFERENT_STORIES = (
    ("lis:1094", "gdynia:559812", "Chylonia: winter holidays in the Przystań vs a new square"),
    ("lis:1204", "gdynia:542315", "Oksywie: the Przystań's refurbishment vs yard consultations"),
    ("lis:1222", "gdynia:543780", "Babie Doły: a cliff path vs the Przystań's opening"),
    ("lis:1230", "gdynia:554118", "Przystań Witomino: fifth birthday vs the move to a new home"),
    ("lis:1238", "gdynia:548321", "Leszczynki: a mural vs a call for local initiatives"),
    ("lis:1199", "gdynia:541200", "GPR: the 2023 update vs the 2017 adoption"),
    ("lis:1215", "gdynia:551204", "GPR: an evaluation survey vs a monitoring report"),
    ("lis:1181", "gdynia:545102", "Meksyk: a neighbourhood house vs new flats"),
    ("lis:1160", "gdynia:541200", "the revitalisation committee vs the programme"),
    ("lis:1173", "gdynia:562076", "community organising training vs the youth Modelownia"),
    ("lis:1020", "gdynia:541200", "GPR: consultation meetings vs the adoption"),
    ("lis:1283", "gdynia:543780", "a yacht marina's regatta vs a Przystań"),
    ("lis:1311", "gdynia:559812", "Chylonia: the Przystań reopens vs a new square"),
    ("lis:1102", "gdynia:549870", "Oksywie: yards renovated vs a festival"),
)
# Same title or template, another story.
SAME_WORDS_OTHER_STORY = (
    (
        {
            "title": "Festyn sąsiedzki na Oksywiu",
            "body_text": "W niedzielę na boisku przy ul. Dickmana odbędzie się drugi festyn sąsiedzki. W programie turniej "
            "piłki nożnej, pokaz ratownictwa i loteria fantowa.\n\nWstęp wolny.",
        },
        "gdynia:549870",
        "the same title, next year's festival",
    ),
    (
        {
            "title": "Rusza nabór do Funduszu Sąsiedzkiego",
            "body_text": "Od 1 marca 2022 r. można składać wnioski do nowej edycji Funduszu Sąsiedzkiego. W tym roku pula "
            "wynosi 100 tys. zł, a na jeden projekt można otrzymać do 8 tys. zł.\n\nSpotkania informacyjne "
            "odbędą się we wszystkich Przystaniach w drugim tygodniu marca.",
        },
        "gdynia:556745",
        "the same call, another year's edition",
    ),
    (
        {
            "title": "Przystań Witomino w nowej siedzibie",
            "body_text": "Przystań Witomino zaprasza do nowej siedziby na dzień otwarty. Będą zajęcia plastyczne, "
            "kiermasz książek i spotkanie z dzielnicowym.",
        },
        "gdynia:554118",
        "the same title, an open day some weeks later",
    ),
)


def labelled_pairs() -> list[tuple[dict, dict, bool, str]]:
    """(article a, article b, same story?, why) for every labelled pair."""
    known = articles()
    pairs = [
        (known[post.key], known[post.same_story_as], True, f"{post.key} reposts {post.same_story_as}")
        for post in POSTS
        if post.same_story_as
    ]
    pairs += [(repost(key, **edits), known[key], True, f"repost of {key}") for key, edits in REPOSTS]
    pairs += [
        (known[post.key], known[post.near_miss_of], False, f"{post.key} near miss of {post.near_miss_of}")
        for post in POSTS
        if post.near_miss_of
    ]
    pairs += [(known[a], known[b], False, why) for a, b, why in DIFFERENT_STORIES]
    pairs += [(article, known[b], False, why) for article, b, why in SAME_WORDS_OTHER_STORY]
    return pairs
