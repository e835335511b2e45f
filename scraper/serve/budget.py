"""Time budgets of an articles table page: a capped count and one facet budget shared by every facet."""

from __future__ import annotations

import asyncio
import contextvars
import re
import time
from dataclasses import dataclass, field

from datasette.database import Database, QueryInterrupted, Results

# HTML table pages count at most this many rows; more reads "ponad 10 000" (JSON and CSV count exactly).
COUNT_CAP = 10_000
# Every facet of one page shares this many milliseconds (each also stops at facet_time_limit_ms): on 100k
# articles a broad search's seven facets took 0.2–1.5 s each, so a per-facet limit alone could not hold 200 ms.
# A best-first search ranks its hits meanwhile on the other SQL thread (about 100 ms on 100k articles).
FACET_BUDGET_MS = 60
# Facets whose turn comes later than this after the page began are not run (listed as timed out).
FACETS_START_WITHIN_MS = 250
# Datasette's table view counts with exactly `select count(*) from <table> <where>`.
COUNT_SQL = re.compile(r"select count\(\*\) (from articles\b.*)", re.DOTALL)


class CappedCount(int):
    """A row count that stopped at COUNT_CAP + 1: formats (in the page's heading) as "ponad 10 000"."""

    def __format__(self, spec: str) -> str:
        return f"ponad {COUNT_CAP:,}".replace(",", " ")


@dataclass
class PageBudget:
    """The budget of one HTML request: when its facets must have finished (monotonic seconds)."""

    facets_until: float | None = None
    # No facet begins later than this: a search's first visit on 1,000,000 articles spends up to 350 ms
    # building its match set before its facets' turn, and facets of such a broad search would time out anyway.
    facets_start_by: float = field(default_factory=lambda: time.monotonic() + FACETS_START_WITHIN_MS / 1000)
    # Facets are gathered at once but run one by one on the SQL thread: each takes its share of the budget
    # only when its turn comes, not when it was queued.
    turn: asyncio.Lock = field(default_factory=asyncio.Lock)

    def facet_limit_ms(self, limit_ms: int) -> int:
        """The time limit left for the next facet query (its own `limit_ms` at most), starting the clock."""
        now = time.monotonic()
        if self.facets_until is None:  # the clock starts at the first facet's turn, unless that comes too late
            self.facets_until = now + FACET_BUDGET_MS / 1000 if now <= self.facets_start_by else now
        return min(limit_ms, int((self.facets_until - now) * 1000))


# Set by the plugin's ASGI wrapper for HTML pages of the articles table; None elsewhere.
page_budget: contextvars.ContextVar[PageBudget | None] = contextvars.ContextVar("kronika_page_budget", default=None)


class BudgetedDatabase(Database):
    """Datasette's Database, keeping HTML articles pages inside their budget (everything else unchanged).

    Within a budgeted request a count stops at COUNT_CAP + 1 rows and facet queries (those run with
    `custom_time_limit`) share FACET_BUDGET_MS; a facet left without time is interrupted, which
    Datasette shows as a facet that timed out, and the page is still served.
    """

    async def execute(
        self, sql, params=None, truncate=False, custom_time_limit=None, page_size=None, log_sql_errors=True
    ):
        budget = page_budget.get()
        if budget is None:
            return await super().execute(sql, params, truncate, custom_time_limit, page_size, log_sql_errors)
        count = COUNT_SQL.fullmatch(sql.strip())
        if count:
            capped = f"select count(*) from (select 1 {count.group(1)} limit {COUNT_CAP + 1})"
            results = await super().execute(capped, params, truncate, None, page_size, log_sql_errors)
            total = results.rows[0][0]
            return Results([(CappedCount(total) if total > COUNT_CAP else total,)], False, results.description)
        if not custom_time_limit:
            return await super().execute(sql, params, truncate, custom_time_limit, page_size, log_sql_errors)
        async with budget.turn:
            left_ms = budget.facet_limit_ms(custom_time_limit)
            if left_ms <= 0:
                raise QueryInterrupted(None, sql, params)
            return await super().execute(sql, params, truncate, left_ms, page_size, log_sql_errors)
