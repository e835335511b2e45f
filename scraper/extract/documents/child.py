"""The worker's child process: set its own limits, then read one document from stdin and print the result as JSON."""

from __future__ import annotations

import importlib
import json
import resource
import sys


def main(entry: str, memory_bytes: int, cpu_seconds: int) -> None:
    # Limits first: nothing of the file is read before they hold (and Tesseract inherits them).
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds))
    module, _, function = entry.partition(":")
    extract = getattr(importlib.import_module(module), function)
    result = extract(sys.stdin.buffer.read())
    sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
