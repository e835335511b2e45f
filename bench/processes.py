"""Child processes for the benchmarks: timed runs with their own peak RSS, servers waited for."""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Measured:
    """One finished child: wall seconds, its own peak RSS, exit status and output."""

    seconds: float
    peak_rss_mb: float
    returncode: int
    output: str

    def check(self, what: str) -> Measured:
        """Self, or RuntimeError with the output's tail when the child failed."""
        if self.returncode != 0:
            raise RuntimeError(f"{what} exited with {self.returncode}:\n{self.output[-3000:]}")
        return self


def high_water_mb(pid: int) -> float:
    """The process's peak RSS so far (VmHWM), 0 once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_measured(args: list[str], timeout: float) -> Measured:
    """Run `args` to completion, sampling its peak RSS.

    VmHWM belongs to the program's own address space; getrusage/wait4's
    ru_maxrss would also count the parent's memory inherited at fork.
    """
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        child = subprocess.Popen(args, stdout=output, stderr=subprocess.STDOUT, cwd=ROOT)
        deadline = start + timeout
        peak = 0.0
        while child.poll() is None:
            peak = max(peak, high_water_mb(child.pid))
            if time.perf_counter() > deadline:
                child.kill()
                child.wait()
                break
            time.sleep(0.02)
        seconds = time.perf_counter() - start
        output.seek(0)
        text = output.read().decode("utf-8", errors="replace")
    return Measured(seconds, peak, child.returncode, text)


def python(*args: str) -> list[str]:
    return [sys.executable, *args]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, child: subprocess.Popen, timeout: float = 60) -> None:
    """Return once 127.0.0.1:`port` accepts connections; RuntimeError if the child dies or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise RuntimeError(f"server exited with {child.returncode} before listening on {port}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listening on port {port} after {timeout} s")


@contextlib.contextmanager
def datasette_server(db: Path):
    """`kronika serve` over `db` on a free loopback port; yields its base URL, stops it afterwards."""
    port = free_port()
    child = subprocess.Popen(
        python("-m", "scraper", "serve", "--db", str(db), "--port", str(port), "--host", "127.0.0.1"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    try:
        wait_for_port(port, child)
        yield f"http://127.0.0.1:{port}"
    finally:
        child.send_signal(signal.SIGINT)
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
