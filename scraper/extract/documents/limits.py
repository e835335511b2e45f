"""The engine's bounds on one document: bytes read, bytes unpacked, wall time and memory of its worker."""

# Bigger attachments are recorded as too_large without being parsed (municipal PDFs run to ~20 MB).
MAX_DOCUMENT_BYTES = 32 * 1024**2
# What a DOCX/ODT/XLSX may unpack to: real ones are a few MB of XML.
MAX_UNPACKED_BYTES = 256 * 1024**2
WALL_TIMEOUT_SECONDS = 60.0
MEMORY_LIMIT_BYTES = 1024**3
