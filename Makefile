# Dua perintah untuk mesin baru: `make demo` dan `make test`.
# Keduanya membuat .venv bila belum ada dan memasang paket ke dalamnya.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.terpasang

.PHONY: demo test bench bench-skala clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/rapk-xl demo

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run.py

bench-skala: $(STAMP)
	$(BIN)/python bench/run.py --skala

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .hypothesis
