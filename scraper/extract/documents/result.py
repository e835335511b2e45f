"""The pure result of one extraction, shaped as a row of the `documents` table (primary key sha256)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass

# Error codes, the part of `error` before the colon; the rest is one human line.
ERROR_CODES = (
    "wrong_type",  # not a document we read (an HTML error page served as .pdf, a ZIP of photos ...)
    "corrupt",  # the format's parser could not read it
    "password_protected",  # encrypted with a password we do not have
    "too_large",  # over the byte cap, not parsed at all
    "zip_bomb",  # a DOCX/ODT/XLSX whose members would unpack far beyond the cap
    "timeout",  # the worker ran past its wall-clock or CPU limit and was killed
    "out_of_memory",  # the worker hit its address-space limit
    "worker_failed",  # the worker died for any other reason
)


@dataclass(frozen=True)
class DocumentResult:
    """One document's extraction; `error` set means nothing else is trustworthy but sha256 and type."""

    sha256: str
    type: str | None = None
    pages: int | None = None
    language: str | None = None
    characters: int = 0
    method: str | None = None  # "text", "ocr" (pages without a text layer) or "mixed"
    text: str | None = None
    page_offsets: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str | None = None
    ocr_confidence: float | None = None

    @classmethod
    def failed(cls, data: bytes, code: str, reason: str, file_type: str | None = None) -> DocumentResult:
        """A result that records why `data` could not be read; `code` is one of ERROR_CODES."""
        if code not in ERROR_CODES:
            raise ValueError(f"unknown document error code {code!r}")
        return cls(sha256=sha256_of(data), type=file_type, error=f"{code}: {reason}")

    @property
    def error_code(self) -> str | None:
        return self.error.partition(":")[0] if self.error else None

    def to_dict(self) -> dict:
        """Plain JSON-able dict (lists for tuples), the worker's wire format."""
        return {key: list(value) if isinstance(value, tuple) else value for key, value in asdict(self).items()}

    @classmethod
    def from_dict(cls, data: dict) -> DocumentResult:
        return cls(**{key: tuple(value) if isinstance(value, list) else value for key, value in data.items()})


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_row(result: DocumentResult) -> dict:
    """The `documents` row for sqlite-utils: scalar columns, lists as JSON text, pk `sha256`."""
    row = asdict(result)
    row["page_offsets"] = json.dumps(list(result.page_offsets))
    row["warnings"] = json.dumps(list(result.warnings), ensure_ascii=False)
    return row
