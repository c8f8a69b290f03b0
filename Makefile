# Every target sets up what it needs: on a fresh clone `make demo` and `make test` are the
# only commands a user types.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench lint install clean chromium libreoffice

# The web suite runs a second time on this PostgreSQL (skipped, with the reason, when unreachable).
TEST_POSTGRES ?= postgres://postgres@127.0.0.1:5432/test

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/rightstrack demo

test: $(STAMP) chromium libreoffice
	$(BIN)/python -m pytest -q
	DATABASE_URL=$(TEST_POSTGRES) $(BIN)/python -m pytest -q -p no:cacheprovider rightstrack/web -m "not e2e"

# Debian's chromium for the end-to-end tests (Playwright drives it; no browser is downloaded).
chromium:
	@command -v chromium >/dev/null || { echo "Installing Debian's chromium for the browser tests …"; \
	  (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium could not be installed: the end-to-end tests will be skipped"; }

# LibreOffice (Debian's libreoffice-writer-nogui, ~90 MB, ~30 s) makes the .pdf and .html
# of the cross-format tests from a .docx, as a word processor would.
libreoffice:
	@command -v soffice >/dev/null 2>&1 || { echo "Installing LibreOffice for the cross-format tests …"; \
	  apt-get update -qq && apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui \
	  fonts-liberation >/dev/null; }

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

lint: $(STAMP)
	$(BIN)/ruff check rightstrack tests benchmarks

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
