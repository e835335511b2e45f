"""Unit tests for scraper.archive.lemmas: Morfeusz 2 readings kept or dropped, diacritic-free spellings."""

import pytest

from scraper.archive.lemmas import MAX_COMBINATIONS, default_lemmatiser, spellings


@pytest.fixture(scope="module")
def lemmas():
    return default_lemmatiser().lemmas


def test_name_keeps_its_capital_common_word_is_lower_case(lemmas):
    assert lemmas("Przystani") == {"Przystań", "przystań"}


def test_capitalised_name_loses_its_verbal_homographs(lemmas):
    assert lemmas("Przemyśl") == {"Przemyśl"}


def test_lower_case_word_keeps_its_verbal_reading(lemmas):
    assert lemmas("przemyśl") == {"przemyśleć"}


def test_plural_reading_of_a_name_is_dropped(lemmas):
    assert "Przemyśl" not in lemmas("Przemyśle")


def test_name_that_exists_only_in_the_plural_is_kept(lemmas):
    assert "Doły" in lemmas("Dołach")


def test_homonym_suffix_is_stripped(lemmas):
    assert lemmas("Gdyni") == {"Gdynia"}


def test_unknown_word_has_no_lemmas(lemmas):
    assert lemmas("Chylonii") == frozenset()


def test_spellings_restore_polish_letters():
    assert "łódź" in spellings("lodz")


def test_spellings_start_with_the_word_itself():
    assert spellings("lodz")[0] == "lodz"


def test_spellings_never_put_a_soft_letter_before_a_vowel():
    assert spellings("sa") == ["sa", "są"]


def test_spellings_of_a_word_with_too_many_combinations_give_up():
    word = "z" * 7
    assert 3 ** len(word) > MAX_COMBINATIONS and spellings(word) == []
