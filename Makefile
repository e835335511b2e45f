# Two entry points for a fresh machine (Debian, Python 3.11+): `make demo`, `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test chromium document-tools pywb bench clean

# The virtual environment, rebuilt when the dependencies change.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# Debian packages, only when missing, quietly: without recommends (chromium: 24 packages instead of 130,
# no avahi-daemon or systemd upgrade); apt's output goes to $(APT_LOG) and is shown only if it fails.
APT_LOG ?= /tmp/kronika-apt.log
# The packages are the inner shell's arguments: a `$$missing` inside its quotes would be expanded there, empty.
APT_INSTALL = { $(SUDO) env DEBIAN_FRONTEND=noninteractive sh -c \
	'apt-get update -qq && apt-get install -y -qq --no-install-recommends "$$@"' sh $(1) >$(APT_LOG) 2>&1 \
	|| { cat $(APT_LOG); exit 1; }; }

# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
chromium:
	@command -v chromium >/dev/null || $(call APT_INSTALL,chromium)

# Debian tools of the document engine: pdftotext (the benchmark's reference), Tesseract with its Polish model,
# catdoc for DOC, and DejaVu fonts (Polish glyphs) for the mirror's generated files.
DOCUMENT_PACKAGES := poppler-utils tesseract-ocr tesseract-ocr-pol catdoc fonts-dejavu-core
document-tools:
	@missing=$$(for p in $(DOCUMENT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then $(call APT_INSTALL,$$missing); fi

# pywb replays exported WARCs in tests/test_warc.py. Its pins clash with ours (brotlipy replaces the brotli module
# Scrapy decodes with; older cryptography and pyOpenSSL), so it gets a virtualenv of its own, called by path.
PYWB_VENV ?= .venv-pywb
$(PYWB_VENV)/bin/wayback:
	$(PYTHON) -m venv $(PYWB_VENV)
	$(PYWB_VENV)/bin/pip install -q pywb==2.10.0

pywb: $(PYWB_VENV)/bin/wayback

demo: $(VENV)/.installed document-tools
	$(BIN)/kronika demo

test: $(VENV)/.installed chromium document-tools pywb
	$(BIN)/ruff check --quiet .
	$(BIN)/ruff format --check --quiet .
	$(BIN)/pytest -q

# Benchmarks (BENCHMARKS.md); wrk from Debian is the load generator for the serving one.
bench: $(VENV)/.installed document-tools
	@command -v wrk >/dev/null || $(call APT_INSTALL,wrk)
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) $(PYWB_VENV) archive.db archive.db-wal archive.db-shm archive.db.lock
