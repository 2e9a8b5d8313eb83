# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint bench bytecode clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q -U pip
	$(PIP) install -q -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP) pyproject.toml
	$(PIP) install -q -e . --group test --group static --group test-llm
	touch $(TEST_STAMP)

# Byte-compile the package (only what changed): an editable install has no .pyc files, and with
# PYTHONDONTWRITEBYTECODE set (as on our CI machines) every command would recompile ~100 modules
# from source, ~0.15 s of each start.
bytecode: $(STAMP)
	$(PY) -m compileall -q simulator

run: $(STAMP) bytecode
	$(VENV)/bin/simulador

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check simulator tests bench
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

test: $(TEST_STAMP) bytecode lint
	$(VENV)/bin/pytest -n 2 -p no:cacheprovider

bench: $(STAMP) bytecode
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
