"""Polish search quality: recall and precision per lemmatiser on tests/search_pairs.py, misses listed."""

from __future__ import annotations

import importlib.util
import logging
import multiprocessing
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import simplemma
import sqlite_utils

from bench import report
from scraper.archive.lemmas import Lemmatiser, Morfeusz
from scraper.archive.search import TOKENIZER, index_text, match_expression

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
PAIRS_FILE = ROOT / "tests" / "search_pairs.py"
MIRROR_ARTICLES = ROOT / "scraper" / "mirror"
# What FTS5 alone gives: diacritics removed, every word ANDed, no lemmas.
PLAIN_TOKENIZER = "unicode61 remove_diacritics 2"
RECALL_TARGET = PRECISION_TARGET = 0.99


def load_pairs():
    """tests/search_pairs.py as a module (ARTICLES, QUERIES, MUST_NOT_MATCH, HARD_PAIRS)."""
    spec = importlib.util.spec_from_file_location("search_pairs", PAIRS_FILE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Simplemma:
    """simplemma 2.0 (low-memory backend) behind the Lemmatiser interface: one lemma per known word."""

    name = "simplemma"

    def lemmas(self, word: str) -> frozenset[str]:
        found = set()
        for spelling in dict.fromkeys((word, word.capitalize())):
            if simplemma.is_known(spelling, lang="pl", low_memory=True):
                lemma = simplemma.lemmatize(spelling, lang="pl", low_memory=True)
                # simplemma capitalises names' lemmas; a common word's stays lower-case.
                found.add(lemma if lemma[:1].isupper() else lemma.lower())
        return frozenset(found)


class MorfeuszThenSimplemma:
    """Morfeusz 2's lemmas; simplemma's for the words SGJP lacks."""

    name = "morfeusz2, simplemma fallback"

    def __init__(self) -> None:
        self.morfeusz, self.simplemma = Morfeusz(), Simplemma()

    def lemmas(self, word: str) -> frozenset[str]:
        return self.morfeusz.lemmas(word) or self.simplemma.lemmas(word)


LEMMATISERS = {
    "simplemma": Simplemma,
    "morfeusz2 (adopted)": Morfeusz,
    "morfeusz2, simplemma fallback": MorfeuszThenSimplemma,
}


@dataclass
class Score:
    """Recall and precision of one search over the pair set, with what it missed and what it wrongly found."""

    name: str
    hits: int = 0
    relevant: int = 0
    found: int = 0
    misses: list[str] = field(default_factory=list)
    false_hits: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.hits / self.relevant if self.relevant else 1.0

    @property
    def precision(self) -> float:
        return self.hits / self.found if self.found else 1.0


def polish_index(articles: dict, lemmatiser: Lemmatiser) -> sqlite_utils.Database:
    """An in-memory FTS5 index of `articles` with Kronika's index text built by `lemmatiser`."""
    db = sqlite_utils.Database(memory=True)
    db["docs"].insert_all(
        [
            {"id": key, **{column: index_text(text, lemmatiser) for column, text in zip(("t", "l", "b"), fields)}}
            for key, fields in articles.items()
        ],
        pk="id",
    )
    db["docs"].enable_fts(["t", "l", "b"], tokenize=TOKENIZER)
    return db


def plain_index(articles: dict) -> sqlite_utils.Database:
    db = sqlite_utils.Database(memory=True)
    db["docs"].insert_all(
        [{"id": key, "t": title, "l": lead, "b": body} for key, (title, lead, body) in articles.items()], pk="id"
    )
    db["docs"].enable_fts(["t", "l", "b"], tokenize=PLAIN_TOKENIZER)
    return db


def found_ids(db: sqlite_utils.Database, expression: str) -> set[str]:
    rows = db.execute(
        "SELECT docs.id FROM docs_fts JOIN docs ON docs.rowid = docs_fts.rowid WHERE docs_fts MATCH ?", [expression]
    )
    return {row[0] for row in rows}


def plain_expression(query: str) -> str:
    return " AND ".join('"' + word + '"' for word in re.findall(r"\w+", query))


def score(name: str, queries: dict, search) -> Score:
    """Score `search` (query -> found ids) against `queries` (query -> expected ids)."""
    result = Score(name)
    for query, expected in queries.items():
        found = search(query)
        result.hits += len(found & expected)
        result.relevant += len(expected)
        result.found += len(found)
        result.misses += [f"{query} → {article}" for article in sorted(expected - found)]
        result.false_hits += [f"{query} → {article}" for article in sorted(found - expected)]
    return result


def polish_search(articles: dict, lemmatiser: Lemmatiser):
    """query -> ids found by Kronika's search over `articles` indexed with `lemmatiser`."""
    db = polish_index(articles, lemmatiser)
    return lambda query: found_ids(db, match_expression(query, lemmatiser))


def plain_search(articles: dict):
    db = plain_index(articles)
    return lambda query: found_ids(db, plain_expression(query))


def resident_mb() -> float:
    """This process's resident set now (VmRSS; ru_maxrss would carry the parent's peak across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def _speed_and_memory(name: str, words: list[str]) -> tuple[float, float, float, float]:
    before = resident_mb()
    start = time.perf_counter()
    lemmatiser = LEMMATISERS[name]()
    lemmatiser.lemmas("rewitalizacja")
    loaded = time.perf_counter()
    for word in words:
        lemmatiser.lemmas(word)
    analysed = time.perf_counter()
    resident = resident_mb()
    return loaded - start, len(words) / (analysed - loaded), resident - before, resident


def speed_and_memory(name: str, words: list[str]) -> tuple[float, float, float, float]:
    """(load s, words analysed per second, resident MB added, resident MB after) of one lemmatiser, each
    measured in a fresh process so one's dictionary does not hide the other's."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(_speed_and_memory, (name, words))


def corpus_words(count: int) -> list[str]:
    """Distinct words of the mirror's article sources and the pair set: real Polish municipal prose."""
    sources = [*MIRROR_ARTICLES.glob("articles_*.py"), PAIRS_FILE]
    text = " ".join(path.read_text(encoding="utf-8") for path in sources)
    return list(dict.fromkeys(re.findall(r"[^\W\d_]{2,}", text)))[:count]


def rows(scores: list[Score]) -> list[report.Row]:
    result = []
    for item in scores:
        met = item.recall >= RECALL_TARGET and item.precision >= PRECISION_TARGET
        result.append(
            report.Row(
                f"{item.name}: recall / precision",
                f"{item.recall:.3f} / {item.precision:.3f}",
                f"≥ {RECALL_TARGET} / ≥ {PRECISION_TARGET}",
                met,
            )
        )
    return result


def run(argv: list[str] | None = None) -> report.Result:
    options = report.arguments(__doc__, argv, words=(5_000, 500))
    pairs = load_pairs()
    scores = [score("plain FTS5 (floor)", pairs.QUERIES, plain_search(pairs.ARTICLES))]
    for name, make in LEMMATISERS.items():
        scores.append(score(name, pairs.QUERIES, polish_search(pairs.ARTICLES, make())))
    words = corpus_words(options.words)
    measured = []
    for name in ("morfeusz2 (adopted)", "simplemma"):
        load, speed, added, peak = speed_and_memory(name, words)
        measured.append(
            report.Row(
                f"{name}: load / words per second / resident MB (added, whole process)",
                f"{load:.2f} s / {speed:,.0f} / {added:.0f} MB, {peak:.0f} MB",
            )
        )
    notes = [
        f"{len(pairs.QUERIES)} queries, {sum(map(len, pairs.QUERIES.values()))} expected hits over "
        f"{len(pairs.ARTICLES)} articles (`tests/search_pairs.py`); every lemmatiser through the same index "
        "text and MATCH expression (`scraper/archive/search.py`), plain FTS5 = unicode61 remove_diacritics 2, "
        "words ANDed.",
        f"Speed: {len(words)} distinct words of the mirror's articles and the pair set, each analysed once "
        "(no cache), in a fresh process per lemmatiser; resident MB = its VmRSS growth from before the "
        "dictionary loads, and the whole process's (Python, SQLite, sqlite-utils, Kronika's search module).",
    ]
    floor, *lemmatised = scores
    notes.append(
        f"{floor.name}: {len(floor.misses)} misses (every inflected or diacritic-free form), "
        f"{len(floor.false_hits)} wrong hits."
    )
    for item in lemmatised:
        if item.misses or item.false_hits:
            notes.append(
                f"{item.name} — missed: {', '.join(item.misses) or 'none'}; "
                f"wrongly found: {', '.join(item.false_hits) or 'none'}"
            )
    result = report.Result(
        name="search_quality",
        title="5b. Polish search quality",
        command=report.command("search_quality", options, words=options.words),
        rows=rows(scores) + measured,
        notes=notes,
    )
    report.publish(result, options.report)
    return result


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    run()
