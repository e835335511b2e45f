"""Revitalisation relevance: inflected Polish terms, canonical topic names, whole-section sites."""

import pytest

from scraper.extract.topics import match_topics, revitalisation


@pytest.mark.parametrize(
    "text, topic",
    [
        ("Rewitalizacja placu", "rewitalizacja"),
        ("projekty rewitalizacyjne", "rewitalizacja"),
        ("The city's revitalisation programme", "rewitalizacja"),
        ("na obszarze rewitalizacji", "obszar rewitalizacji"),
        ("mieszkańców obszarów rewitalizacji", "obszar rewitalizacji"),
        ("do Gminnego Programu Rewitalizacji", "gminny program rewitalizacji"),
        ("Lokalnego Programu Rewitalizacji Miasta", "lokalny program rewitalizacji"),
        ("posiedzenie Komitetu Rewitalizacji", "komitet rewitalizacji"),
        ("w Centrum Sąsiedzkim", "centrum sąsiedzkie"),
        ("pracowników domów sąsiedzkich", "dom sąsiedzki"),
        ("idea organizowania społeczności lokalnych", "organizowanie społeczności"),
        ("program Gdynia OdNowa", "gdynia odnowa"),
        ("spotkanie w Przystani Oksywie", "przystań"),
    ],
)
def test_inflected_terms_match_their_canonical_name(text, topic):
    assert topic in match_topics(text)


@pytest.mark.parametrize(
    "text",
    [
        "Remont ulicy Słowackiego – utrudnienia w ruchu",
        "przystań kajakowa z pomostem",  # a marina, not the neighbourhood centre
        "ożywienie gospodarcze regionu",
    ],
)
def test_unrelated_text_is_not_revitalisation(text):
    assert revitalisation(text) == (False, [])


def test_topics_are_sorted_and_unique():
    assert match_topics("Rewitalizacja obszaru rewitalizacji; rewitalizacja.") == [
        "obszar rewitalizacji",
        "rewitalizacja",
    ]


def test_whole_revitalisation_section_is_always_true():
    assert revitalisation("Sprzątanie świata", whole_site_is_revitalisation=True) == (True, [])
