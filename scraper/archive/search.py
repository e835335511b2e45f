"""Polish-aware full-text search: folded, lemmatised index columns behind FTS5."""

from __future__ import annotations

import functools
import logging
import re
import unicodedata

import simplemma
import sqlite_utils

logger = logging.getLogger(__name__)

TOKENIZER = "unicode61 remove_diacritics 2"
FTS_TABLE = "articles_fts"
# Source field -> index column; the FTS5 table covers the index columns only.
INDEXED_FIELDS = {"title": "search_title", "lead": "search_lead", "body_text": "search_body"}
SEARCH_COLUMNS = tuple(INDEXED_FIELDS.values())
# bm25 weights per index column, in SEARCH_COLUMNS order: a hit in the title
# says more about the article than one deep in the body.
BM25_WEIGHTS = (10.0, 4.0, 1.0)

WORD = re.compile(r"\w+")
# simplemma's compact dictionary backend: the same lemmas at ~70 MB instead of
# ~470 MB resident (measured), which keeps crawls and Datasette workers lean.
LOW_MEMORY = True
# Folded inflectional endings stripped from query words simplemma does not
# know (typically typed without Polish letters: "przemysla", "chylonii"),
# longest first, so the stem can be prefix-searched.
ENDINGS = sorted(
    ("ami", "ach", "ego", "emu", "iej", "ich", "ow", "om", "ie", "iu", "ii", "ia", "a", "u", "i", "y", "e", "o"),
    key=len,
    reverse=True,
)
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


@functools.lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The folded Polish lemma of `word` (folded `word` itself when simplemma has none)."""
    return fold(simplemma.lemmatize(word, lang="pl", low_memory=LOW_MEMORY))


@functools.lru_cache(maxsize=200_000)
def word_forms(word: str) -> str:
    """The index tokens of one word: folded form, folded lemma, and a stem if simplemma doesn't know it."""
    folded = fold(word)
    stem = None if _is_known(word) else _stem(folded)
    return " ".join(dict.fromkeys(token for token in (folded, lemma(word), stem) if token))


def index_text(text: str | None) -> str | None:
    """Index-column text for `text`: every word as folded form plus folded lemma."""
    if not text:
        return None
    return " ".join(word_forms(word) for word in WORD.findall(text))


def search_columns(item: dict) -> dict:
    """The index columns for an article item (or articles row)."""
    return {column: index_text(item.get(field)) for field, column in INDEXED_FIELDS.items()}


def _stem(folded: str) -> str | None:
    for ending in ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= MIN_STEM:
            return folded[: -len(ending)]
    return None


def _is_known(word: str) -> bool:
    return (simplemma.is_known(word, lang="pl", low_memory=LOW_MEMORY)
            or simplemma.is_known(word.capitalize(), lang="pl", low_memory=LOW_MEMORY))


def _quote(term: str) -> str:
    # Terms are \w+ runs, but quoting keeps FTS5 keywords (AND, OR, NEAR) literal.
    return '"' + term.replace('"', '""') + '"'


def query_terms(word: str) -> list[str]:
    """FTS5 alternatives for one query word: prefix of its folded form, its lemmas, a stem."""
    folded = fold(word)
    alternatives = [_quote(folded) + "*"]
    # Lower-case proper nouns lemmatise as common words ("przemyśla" ->
    # "przemyślać"); asking the capitalised form too finds "Przemyśl".
    for lemmatised in dict.fromkeys((lemma(word), lemma(word.capitalize()))):
        if lemmatised != folded:
            alternatives.append(_quote(lemmatised))
    # Unknown words ("chylonii") are indexed with their stem too; a known
    # query word meets them there. An unknown query word, usually typed
    # without Polish letters, is prefix-searched by stem instead.
    stem = _stem(folded)
    if stem:
        alternatives.append(_quote(stem) + ("" if _is_known(word) else "*"))
    return list(dict.fromkeys(alternatives))


def match_expression(query: str | None) -> str:
    """An FTS5 MATCH expression for a user query: every word must match, in any inflection.

    Never raises and never yields invalid FTS5 syntax: punctuation and FTS
    operators in the query are treated as word separators / literal words.
    """
    words = WORD.findall(query or "")
    meaningful = [word for word in words if len(word) >= MIN_QUERY_WORD] or words
    if not meaningful:
        return MATCH_NOTHING
    groups = ["(" + " OR ".join(query_terms(word)) + ")" for word in dict.fromkeys(meaningful)]
    return " AND ".join(groups)


def _add_missing_columns(db: sqlite_utils.Database) -> None:
    existing = db["articles"].columns_dict
    for column in SEARCH_COLUMNS:
        if column not in existing:
            db["articles"].add_column(column, str)


def _backfill(db: sqlite_utils.Database) -> int:
    pending = list(
        db.query(
            "SELECT id, title, lead, body_text FROM articles WHERE "
            + " OR ".join(f"({column} IS NULL AND {field} IS NOT NULL)" for field, column in INDEXED_FIELDS.items())
        )
    )
    with db.atomic():
        for row in pending:
            db["articles"].update(row["id"], search_columns(row))
    return len(pending)


def ensure_search_index(db: sqlite_utils.Database) -> None:
    """Give `articles` its index columns and trigger-synced FTS5 table; fill what is missing.

    Idempotent: cheap when everything is in place.
    """
    _add_missing_columns(db)
    filled = _backfill(db)
    if filled:
        logger.info("search index: filled index columns of %d articles", filled)
    if not db[FTS_TABLE].exists():
        db["articles"].enable_fts(list(SEARCH_COLUMNS), tokenize=TOKENIZER, create_triggers=True)


def search(db: sqlite_utils.Database, query: str, *, limit: int = 50) -> list[tuple[str, float]]:
    """Article ids matching `query` in Polish-aware search, best first, with their bm25 rank."""
    weights = ", ".join(str(weight) for weight in BM25_WEIGHTS)
    sql = (
        f"SELECT articles.id, bm25({FTS_TABLE}, {weights}) AS rank FROM {FTS_TABLE} "
        f"JOIN articles ON articles.rowid = {FTS_TABLE}.rowid "
        f"WHERE {FTS_TABLE} MATCH ? ORDER BY rank, articles.id LIMIT ?"
    )
    return [(row[0], row[1]) for row in db.execute(sql, [match_expression(query), limit]).fetchall()]
