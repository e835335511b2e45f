# Two entry points for a fresh machine (Debian, Python 3.11+): `make demo`, `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test chromium pywb bench clean

# The virtual environment, rebuilt when the dependencies change.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $@

# Debian's Chromium for the browser tests (Playwright drives it; no browser download).
chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

# pywb replays exported WARCs in tests/test_warc.py. Its pins clash with ours (brotlipy replaces the brotli module
# Scrapy decodes with; older cryptography and pyOpenSSL), so it gets a virtualenv of its own, called by path.
PYWB_VENV ?= .venv-pywb
$(PYWB_VENV)/bin/wayback:
	$(PYTHON) -m venv $(PYWB_VENV)
	$(PYWB_VENV)/bin/pip install -q pywb==2.10.0

pywb: $(PYWB_VENV)/bin/wayback

demo: $(VENV)/.installed
	$(BIN)/kronika demo

test: $(VENV)/.installed chromium pywb
	$(BIN)/pytest -q

# Benchmarks (BENCHMARKS.md); wrk from Debian is the load generator for the serving one.
bench: $(VENV)/.installed
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq wrk; }
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) $(PYWB_VENV) archive.db archive.db-wal archive.db-shm archive.db.lock
