"""Load generators for the serving benchmark: wrk with a path-cycling Lua script, or a bounded asyncio fallback."""

from __future__ import annotations

import asyncio
import logging
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

logger = logging.getLogger(__name__)

CONNECTIONS = 16
THREADS = 2
# wrk cycles through the paths, one per request, on every connection.
LUA_SCRIPT = """paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


@dataclass(frozen=True)
class Load:
    """What one bounded load run achieved."""

    requests: int
    seconds: float
    errors: int
    tool: str

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


def have_wrk() -> bool:
    return shutil.which("wrk") is not None


def _lua_string(path: str) -> str:
    return '"' + path.replace("\\", "\\\\").replace('"', '\\"') + '"'


def parse_wrk(output: str, seconds: float) -> Load:
    """Requests and errors (non-2xx/3xx answers plus socket errors) from wrk's report."""
    total = re.search(r"(\d+) requests in", output)
    if total is None:
        raise RuntimeError(f"unreadable wrk output:\n{output}")
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = (int(non_2xx.group(1)) if non_2xx else 0) + (sum(map(int, socket.groups())) if socket else 0)
    return Load(int(total.group(1)), seconds, errors, "wrk")


def with_wrk(base_url: str, paths: list[str], seconds: int, scratch: Path) -> Load:
    script = scratch / "paths.lua"
    script.write_text(LUA_SCRIPT % ", ".join(map(_lua_string, paths)), encoding="utf-8")
    completed = subprocess.run(
        ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s", "-s", str(script), base_url],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    )
    return parse_wrk(completed.stdout, seconds)


async def _worker(client: httpx.AsyncClient, paths: list[str], offset: int, deadline: float, counts: list[int]):
    index = offset
    while time.perf_counter() < deadline:
        try:
            response = await client.get(paths[index % len(paths)])
            counts[1] += response.status_code >= 400
        except httpx.HTTPError:
            counts[1] += 1
        counts[0] += 1
        index += 1


async def _python_load(base_url: str, paths: list[str], seconds: int) -> Load:
    counts = [0, 0]  # requests, errors
    limits = httpx.Limits(max_connections=CONNECTIONS)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=10) as client:
        start = time.perf_counter()
        deadline = start + seconds
        await asyncio.gather(*(_worker(client, paths, n, deadline, counts) for n in range(CONNECTIONS)))
        elapsed = time.perf_counter() - start
    return Load(counts[0], elapsed, counts[1], "python asyncio/httpx")


def generate_load(base_url: str, paths: list[str], seconds: int, scratch: Path) -> Load:
    """`seconds` of load on `paths`; wrk when installed, else the (slower, client-bound) Python fallback."""
    if have_wrk():
        return with_wrk(base_url, paths, seconds, scratch)
    logger.warning("wrk not installed (make bench installs it): using the Python load generator")
    return asyncio.run(_python_load(base_url, paths, seconds))
