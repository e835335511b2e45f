"""Polish lemmas for the search index: Morfeusz 2 with its SGJP dictionary, proper names included."""

from __future__ import annotations

import functools
import itertools
import threading
from typing import Protocol

import morfeusz2

# Morfeusz tags of verbal readings. A capitalised word that also reads as
# a proper noun ("Przemyśl", "Przemyśla") loses these ("przemyśl!",
# "przemyśla" from przemyśleć / przemyślać): mid-sentence capitals are names.
VERBAL_TAGS = frozenset(
    (
        "fin",
        "bedzie",
        "praet",
        "impt",
        "imps",
        "inf",
        "pcon",
        "pant",
        "ger",
        "pact",
        "ppas",
        "winien",
        "aglt",
        "pred",
    )
)
COMMON_NOUN = "nazwa_pospolita"
UNKNOWN_TAG = "ign"
# Letters a Polish word typed without diacritics may have lost: "lodz" -> "łódź".
DIACRITIC_LETTERS = {"a": "aą", "c": "cć", "e": "eę", "l": "lł", "n": "nń", "o": "oó", "s": "sś", "z": "zżź"}
# ć, ń, ś, ź are never written before a vowel (Polish writes ci, ni, si, zi).
SOFT_BEFORE_CONSONANT = frozenset("ćńśź")
VOWELS = frozenset("aąeęioóuy")
# More spellings than this and the word is left to the prefix fallback:
# each is one dictionary look-up, once per distinct query word, and a long
# word's spellings multiply. Letter combinations are counted
# before the soft-letter rule prunes them, up to MAX_COMBINATIONS.
MAX_SPELLINGS = 256
MAX_COMBINATIONS = 4 * MAX_SPELLINGS


class Lemmatiser(Protocol):
    """What the search index asks of a lemmatiser (tests and bench/search_quality.py swap them)."""

    name: str

    def lemmas(self, word: str) -> frozenset[str]:
        """Lemmas of `word` as written: proper names capitalised, others in lower case; empty if unknown."""


class Morfeusz:
    """Lemmas from Morfeusz 2 (SGJP, proper names included); the dictionary ships inside the wheel."""

    name = "morfeusz2"

    def __init__(self) -> None:
        self._analyser = morfeusz2.Morfeusz(generate=False, expand_tags=False)
        # One analyser per process; Datasette calls SQL functions from its threads.
        self._lock = threading.Lock()

    def lemmas(self, word: str) -> frozenset[str]:
        """Lemmas of `word` as written: proper names as the dictionary spells them ("Przemyśl"), others in
        lower case ("przemysł"); empty when the dictionary lacks the word."""
        with self._lock:
            analyses = self._analyser.analyse(word)
        # (lemma, tag parts, is a name) of the readings of the whole word or of
        # its first segment ("zrobiłbym" = zrobił + by + m).
        readings = [
            (lemma.split(":", 1)[0], tag.split(":"), bool(set(names) - {COMMON_NOUN}))
            for start, _, (_, lemma, tag, names, _) in analyses
            if start == 0 and not tag.startswith(UNKNOWN_TAG)
        ]
        if word[:1].isupper() and any(tags[0] == "subst" and is_name for _, tags, is_name in readings):
            readings = [reading for reading in readings if reading[1][0] not in VERBAL_TAGS]
        # A name in the plural ("Przemyśle": two towns called Przemyśl, the
        # Orzeł family as "Orłowie") is the rarest reading of a word that has
        # others; names that exist only in the plural ("Doły") are kept.
        readings = [reading for reading in readings if not _is_plural_name(reading)] or readings
        # "Gdynia:Sf~ni" -> "Gdynia": the suffix only tells homonyms apart.
        return frozenset(lemma if is_name else lemma.lower() for lemma, _, is_name in readings)


def _is_plural_name(reading: tuple[str, list[str], bool]) -> bool:
    _, tags, is_name = reading
    return is_name and "pl" in tags[1:2] and "pt" not in tags


def is_name(lemma: str) -> bool:
    """Whether a lemma from a lemmatiser is a proper name (they keep their capital)."""
    return lemma[:1].isupper()


@functools.lru_cache(maxsize=1)
def default_lemmatiser() -> Morfeusz:
    """The process's lemmatiser, loaded on first use (its dictionary load is measured in BENCHMARKS.md)."""
    return Morfeusz()


def spellings(folded: str) -> list[str]:
    """Polish spellings `folded` (lower-case, no diacritics) may stand for, itself first; [] past MAX_SPELLINGS."""
    choices = [DIACRITIC_LETTERS.get(letter, letter) for letter in folded]
    count = 1
    for options in choices:
        count *= len(options)
    if count > MAX_COMBINATIONS:
        return []
    result = []
    for letters in itertools.product(*choices):
        if all(
            letter not in SOFT_BEFORE_CONSONANT or following not in VOWELS
            for letter, following in zip(letters, letters[1:] + ("",))
        ):
            result.append("".join(letters))
    return result if len(result) <= MAX_SPELLINGS else []
