# Every target sets up what it needs: on a fresh clone `make demo` and `make test` are the
# only commands a user types.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench lint install clean

install: $(STAMP)

# LibreOffice (Debian's libreoffice-writer-nogui, ~90 MB, ~30 s) makes the .pdf and .html
# of the cross-format tests from a .docx, as a word processor would.
$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@command -v soffice >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui fonts-liberation >/dev/null; }
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/rightstrack demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

lint: $(STAMP)
	$(BIN)/ruff check rightstrack tests benchmarks

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
