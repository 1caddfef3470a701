# The everyday targets. `make run` and `make test` work on a fresh machine: they install what is missing.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export OMP_THREAD_LIMIT ?= 1
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

# Tesseract's models of the languages orders are printed in: a scanned page in one of them is read with its own
# model (extraction/ocr.py page_language); English reads the rest
TESSERACT_LANGS := eng deu fra spa ita por nld pol swe dan ces fin nor tur hun slk hrv ron slv lit lav est rus ukr bul srp mkd hye kat ell
APT_RUN := tesseract-ocr $(addprefix tesseract-ocr-,$(TESSERACT_LANGS)) fonts-urw-base35 fonts-dejavu-core
APT_TEST := chromium

.PHONY: run test setup system-deps system-deps-test lint typecheck bench clean

run: setup ## install, migrate, load demo data and serve on http://$(HOST):$(PORT)
	$(BIN)/ledgerlens migrate
	$(BIN)/ledgerlens demo load
	$(BIN)/ledgerlens serve --host $(HOST) --port $(PORT)

test: setup system-deps-test ## lint, type-check and run the whole test suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -n 2 --dist loadgroup

setup: system-deps $(VENV)/.installed

system-deps:
	@bash scripts/system-deps.sh $(APT_RUN)

system-deps-test:
	@bash scripts/system-deps.sh $(APT_TEST)

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

lint:
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

typecheck:
	$(BIN)/mypy

bench: setup ## every benchmark; figures land in bench/results/
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
