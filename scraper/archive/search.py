"""Polish-aware full-text search: folded, lemmatised index columns behind FTS5."""

from __future__ import annotations

import functools
import logging
import re
import unicodedata

import sqlite_utils

from scraper.archive.lemmas import Lemmatiser, default_lemmatiser, is_name, spellings

logger = logging.getLogger(__name__)

# Diacritics stay in the index: lemma tokens keep them ("_przemyśl" is not
# "_przemysł"), folded forms have none. "_" marks the token kinds apart.
TOKENIZER = "unicode61 remove_diacritics 0 tokenchars '_'"
FTS_TABLE = "articles_fts"
# Document pages, same tokens (scraper.archive.document_search); dropped with a
# version bump below and rebuilt, when missing, on open.
DOCUMENTS_FTS_TABLE = "documents_fts"
# Bumped whenever index_text or TOKENIZER changes: an archive indexed under
# another version is re-indexed once, on open.
INDEX_VERSION = 2
INDEX_VERSION_TABLE = "search_index"
# Source field -> index column; the FTS5 table covers the index columns only.
INDEXED_FIELDS = {"title": "search_title", "lead": "search_lead", "body_text": "search_body"}
SEARCH_COLUMNS = tuple(INDEXED_FIELDS.values())
# bm25 weights per index column, in SEARCH_COLUMNS order: a hit in the title
# says more about the article than one deep in the body.
BM25_WEIGHTS = (10.0, 4.0, 1.0)
# Best-first searches rank at most this many matches, the most recently archived (highest rowids): scoring all
# 720,000 matches of a common word among 1,000,000 articles took 835 ms, and a page must stay under 200 ms on
# 100,000 (BENCHMARKS.md, pages at scale). A word in that many articles weighs about 0 in bm25: such a search is
# ranked by where the words are (title first) and by length, not by how rare they are.
RANKED_MATCHES = 30_000

WORD = re.compile(r"[^\W_]+")
# Index tokens, four kinds that never meet by accident:
#   "przemyslu"   folded form, as written without diacritics (what FTS5 alone would index)
#   "_przemysł"   a lemma, lower-case, diacritics kept (a word the dictionary knows)
#   "__przemyśl"  a proper name's lemma ("Przemysł" the name is not "przemysł" the industry)
#   "chylon_"     a stem, folded (a word the dictionary does not know: "Chylonii")
LEMMA_MARK = STEM_MARK = "_"
NAME_MARK = "__"
# Folded inflectional endings stripped from unknown words, longest first.
ENDINGS = sorted(
    ("ami", "ach", "ego", "emu", "iej", "ich", "ow", "om", "ie", "iu", "ii", "ia", "a", "u", "i", "y", "e", "o"),
    key=len,
    reverse=True,
)
# Stems and unknown words shorter than this are never prefix-searched.
MIN_STEM = 4
# Query words this short are stop words ("w", "z", "i") unless they are all there is.
MIN_QUERY_WORD = 2
# Nothing in the index contains this, so an empty query matches no article.
MATCH_NOTHING = '"\u2400"'


def fold(text: str) -> str:
    """Lower-case `text` without diacritics, `ł` folded to `l` (which Unicode won't decompose)."""
    lowered = text.lower().replace("ł", "l")
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _stem(folded: str) -> str | None:
    for ending in ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= MIN_STEM:
            return folded[: -len(ending)]
    return None


def _lemma_token(lemma: str) -> str:
    return (NAME_MARK if is_name(lemma) else LEMMA_MARK) + lemma.lower()


@functools.lru_cache(maxsize=200_000)
def word_forms(word: str, lemmatiser: Lemmatiser | None = None) -> str:
    """The index tokens of one word: its folded form, then its lemmas, or a stem if no lemma is known."""
    folded = fold(word)
    lemmas = (lemmatiser or default_lemmatiser()).lemmas(word)
    if lemmas:
        return " ".join([folded, *sorted(_lemma_token(lemma) for lemma in lemmas)])
    stem = _stem(folded)
    return f"{folded} {stem}{STEM_MARK}" if stem else folded


def index_text(text: str | None, lemmatiser: Lemmatiser | None = None) -> str | None:
    """Index-column text for `text`: every word as its tokens (see word_forms)."""
    if not text:
        return None
    return " ".join(word_forms(word, lemmatiser) for word in WORD.findall(text))


def search_columns(item: dict) -> dict:
    """The index columns for an article item (or articles row)."""
    return {column: index_text(item.get(field)) for field, column in INDEXED_FIELDS.items()}


@functools.lru_cache(maxsize=50_000)
def query_lemmas(word: str, lemmatiser: Lemmatiser | None = None) -> frozenset[str]:
    """Lemmas a query word may mean: as typed, capitalised if typed in lower case, with diacritics restored."""
    lemmatiser = lemmatiser or default_lemmatiser()
    found = lemmatiser.lemmas(word)
    if word.islower():  # names typed in lower case: "oksywiu", "leszczynkach"
        found |= lemmatiser.lemmas(word.capitalize())
    if word.isascii():  # perhaps typed without Polish letters: "lodz", "przemysla", "dolach"
        found |= _restored_lemmas(word, lemmatiser, names_only=bool(found))
    return found


def _restored_lemmas(word: str, lemmatiser: Lemmatiser, *, names_only: bool) -> frozenset[str]:
    # Each spelling capitalised: a name's reading then pushes out its verbal
    # homographs ("Przemyśla" is the town, not "he ponders"). A spelling that
    # is a name is what was meant: "przemysla" is Przemyśla or Przemysła, not
    # "przemyślą" (they will ponder); "sciezki" keeps ścieżka beside Ścieżka.
    # A word that is known as typed adds only such names ("dolach": dola's
    # locative, and Babie Doły's).
    readings = [lemmatiser.lemmas(spelling.capitalize()) for spelling in spellings(word.lower())[1:]]
    named = [lemmas for lemmas in readings if any(is_name(lemma) for lemma in lemmas)]
    return frozenset().union(*(named if named or names_only else readings))


def _quote(term: str) -> str:
    # Terms are word runs, but quoting keeps FTS5 keywords (AND, OR, NEAR) literal.
    return '"' + term.replace('"', '""') + '"'


def query_terms(word: str, lemmatiser: Lemmatiser | None = None) -> list[str]:
    """FTS5 alternatives for one query word.

    A word with lemmas matches exactly those lemmas (never as a prefix:
    "park" finds "parku", not "parking"), and the stem of words the
    dictionary lacks. Only a word without lemmas is prefix-searched, by
    its folded form and its stem, each at least MIN_STEM letters.
    """
    folded = fold(word)
    stem = _stem(folded)
    lemmas = query_lemmas(word, lemmatiser)
    if lemmas:
        terms = [_quote(_lemma_token(lemma)) for lemma in sorted(lemmas)]
        return terms + ([_quote(stem + STEM_MARK)] if stem else [])
    prefixes = [term for term in (folded, stem) if term and len(term) >= MIN_STEM]
    return [_quote(prefix) + "*" for prefix in prefixes] or [_quote(folded)]


def match_expression(query: str | None, lemmatiser: Lemmatiser | None = None) -> str:
    """An FTS5 MATCH expression for a user query: every word must match, in any inflection.

    Never raises and never yields invalid FTS5 syntax: punctuation and FTS
    operators in the query are treated as word separators / literal words.
    """
    words = WORD.findall(query or "")
    meaningful = [word for word in words if len(word) >= MIN_QUERY_WORD] or words
    if not meaningful:
        return MATCH_NOTHING
    groups = ["(" + " OR ".join(query_terms(word, lemmatiser)) + ")" for word in dict.fromkeys(meaningful)]
    return " AND ".join(groups)


def _add_missing_columns(db: sqlite_utils.Database) -> None:
    existing = db["articles"].columns_dict
    for column in SEARCH_COLUMNS:
        if column not in existing:
            db["articles"].add_column(column, str)


def _backfill(db: sqlite_utils.Database, *, every_row: bool = False) -> int:
    missing = " OR ".join(f"({column} IS NULL AND {field} IS NOT NULL)" for field, column in INDEXED_FIELDS.items())
    pending = list(db.query(f"SELECT id, title, lead, body_text FROM articles WHERE {'1' if every_row else missing}"))
    with db.atomic():
        for row in pending:
            db["articles"].update(row["id"], search_columns(row))
    return len(pending)


def stored_index_version(db: sqlite_utils.Database) -> int | None:
    """The INDEX_VERSION the archive's search index was built under (None: before versions were kept)."""
    if not db[INDEX_VERSION_TABLE].exists():
        return None
    row = db.execute(f"SELECT version FROM {INDEX_VERSION_TABLE} WHERE id = 1").fetchone()
    return row[0] if row else None


def merge_into_one_segment(db: sqlite_utils.Database, fts_table: str) -> None:
    """FTS5 'optimize': one b-tree segment instead of the dozens a one-pass fill leaves behind.

    Only after filling a whole index (a crawl's few rows are merged by FTS5's
    automerge): on 100,000 articles the ranking of a common word's 72,000
    matches took 155 ms over the segments a fill leaves, 88 ms over one.
    """
    db.execute(f"INSERT INTO [{fts_table}]([{fts_table}]) VALUES ('optimize')")


def _build_fts(db: sqlite_utils.Database) -> None:
    db["articles"].enable_fts(list(SEARCH_COLUMNS), tokenize=TOKENIZER, create_triggers=True)
    merge_into_one_segment(db, FTS_TABLE)


def _reindex(db: sqlite_utils.Database) -> int:
    # Drop the FTS table (its tokenizer may have changed) and refill every
    # index column; the version is written last, so an interrupted rebuild
    # runs again on the next open.
    if db[FTS_TABLE].exists():
        db["articles"].disable_fts()
    if db[DOCUMENTS_FTS_TABLE].exists():
        db[DOCUMENTS_FTS_TABLE].drop()
    count = _backfill(db, every_row=True)
    _build_fts(db)
    db[INDEX_VERSION_TABLE].upsert({"id": 1, "version": INDEX_VERSION}, pk="id")
    return count


def ensure_search_index(db: sqlite_utils.Database) -> None:
    """Give `articles` its index columns and trigger-synced FTS5 table; fill what is missing.

    An archive indexed under another INDEX_VERSION is re-indexed here, once.
    Idempotent: cheap when everything is in place.
    """
    _add_missing_columns(db)
    if stored_index_version(db) != INDEX_VERSION:
        count = _reindex(db)
        if count:
            logger.info("search index: re-indexed %d articles (index version %d)", count, INDEX_VERSION)
        return
    filled = _backfill(db)
    if filled:
        logger.info("search index: filled index columns of %d articles", filled)
    if not db[FTS_TABLE].exists():
        _build_fts(db)


def search(db: sqlite_utils.Database, query: str, *, limit: int = 50) -> list[tuple[str, float]]:
    """Article ids matching `query` in Polish-aware search, best first, with their bm25 rank."""
    weights = ", ".join(str(weight) for weight in BM25_WEIGHTS)
    sql = (
        f"SELECT articles.id, bm25({FTS_TABLE}, {weights}) AS rank FROM {FTS_TABLE} "
        f"JOIN articles ON articles.rowid = {FTS_TABLE}.rowid "
        f"WHERE {FTS_TABLE} MATCH ? ORDER BY rank, articles.id LIMIT ?"
    )
    return [(row[0], row[1]) for row in db.execute(sql, [match_expression(query), limit]).fetchall()]
