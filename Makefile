# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint bench bytecode clean postgres voice-system chromium

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q -U pip
	$(PIP) install -q -e '.[voice]'
	touch $(STAMP)

$(TEST_STAMP): $(STAMP) pyproject.toml
	$(PIP) install -q -e '.[voice]' --group test --group static --group test-llm --group test-voice
	touch $(TEST_STAMP)

# Byte-compile the package (only what changed): an editable install has no .pyc files, and with
# PYTHONDONTWRITEBYTECODE set (as on our CI machines) every command would recompile ~100 modules
# from source, ~0.15 s of each start.
bytecode: $(STAMP)
	$(PY) -m compileall -q simulator

run: $(STAMP) bytecode voice-system
	$(VENV)/bin/simulador

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check simulator tests bench
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

# PostgreSQL from the Debian packages, only when missing (CI: a clean Debian machine with root).
# The storage tests start a throwaway server of their own (tests/storage/conftest.py); without
# it their PostgreSQL cases skip with the reason, so a failed install does not stop the tests.
postgres:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO="sudo -n"; fi; \
	  ( $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q \
	    && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql ) \
	  || echo "Aviso: no se pudo instalar PostgreSQL; sus pruebas se omitirán."; \
	fi

# The customer's voice (espeak-ng) and the sound card library (PortAudio), only when missing.
# Without them voice calls say why in Spanish and go on in text; their tests skip with the reason.
voice-system:
	@if ! command -v espeak-ng >/dev/null 2>&1 || ! ls /usr/lib/*/libportaudio.so.2 >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO="sudo -n"; fi; \
	  ( $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q \
	    && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends espeak-ng libportaudio2 ) \
	  || echo "Aviso: no se pudo instalar espeak-ng/PortAudio; las llamadas de voz seguirán en texto."; \
	fi

# Headless Chromium from the Debian packages, only when missing: tests/serve drives `simulador serve`
# with it; without it that test skips with the reason, so a failed install does not stop the tests.
chromium:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO="sudo -n"; fi; \
	  ( $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q \
	    && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium ) \
	  || echo "Aviso: no se pudo instalar Chromium; la prueba de simulador serve se omitirá."; \
	fi

test: $(TEST_STAMP) bytecode lint postgres voice-system chromium
	$(VENV)/bin/pytest -n 2 -p no:cacheprovider

bench: $(STAMP) bytecode
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
