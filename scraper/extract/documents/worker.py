"""One extraction in a child process with an address-space cap, a CPU cap and a wall timeout; a dict comes back."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys

from scraper.extract.documents.limits import MEMORY_LIMIT_BYTES, WALL_TIMEOUT_SECONDS
from scraper.extract.documents.result import DocumentResult

logger = logging.getLogger(__name__)

ENTRY = "scraper.extract.documents.extract:extract_document"


def extract_in_worker(
    data: bytes,
    *,
    timeout: float = WALL_TIMEOUT_SECONDS,
    memory_bytes: int = MEMORY_LIMIT_BYTES,
    cpu_seconds: int | None = None,
    entry: str = ENTRY,
) -> DocumentResult:
    """Run `entry(data)` (a module:function returning DocumentResult) in a fresh, limited Python process.

    The child gets RLIMIT_AS = `memory_bytes` and RLIMIT_CPU = `cpu_seconds`
    (default: the timeout) before it reads the file; its session (OCR's tesseract included) is
    killed at `timeout` wall seconds. Whatever happens, the caller gets a
    DocumentResult: hostile files cost one error row, never the crawl.
    """
    command = [
        sys.executable,
        "-m",
        "scraper.extract.documents.child",
        entry,
        str(memory_bytes),
        str(cpu_seconds or int(timeout) + 1),
    ]
    child = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        env={**os.environ, "PYTHONPATH": _python_path()},
    )
    try:
        stdout, stderr = child.communicate(data, timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        return DocumentResult.failed(data, "timeout", f"extraction ran over {timeout:g} s and was killed")
    if child.returncode == 0:
        return DocumentResult.from_dict(json.loads(stdout))
    return _failure(data, child.returncode, stderr.decode("utf-8", "replace"))


def _failure(data: bytes, returncode: int, stderr: str) -> DocumentResult:
    last_line = (stderr.strip().splitlines() or ["no output"])[-1]
    if returncode == -signal.SIGXCPU or returncode == -signal.SIGKILL:
        return DocumentResult.failed(data, "timeout", "extraction used up its CPU time and was killed")
    if "MemoryError" in stderr or "std::bad_alloc" in stderr:
        return DocumentResult.failed(data, "out_of_memory", "extraction hit the worker's memory limit")
    logger.warning("document worker exited %s: %s", returncode, last_line)
    return DocumentResult.failed(data, "worker_failed", f"worker exited {returncode}: {last_line}")


def _python_path() -> str:
    # The child must import the same `scraper` package as the parent, even from a worktree.
    package_root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
