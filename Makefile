# Makefile — the README's commands. `make demo` runs the example app, `make test` runs every
# test; both first run `make setup` (scripts/setup.sh), which installs what is missing and is
# a quick no-op when everything is in place. The logic lives in scripts/setup.sh.
#   make test ARGS="-k window -x"   passes ARGS through to pytest.

VENV := .venv
ARGS ?=

.PHONY: setup demo test lint bench

setup:
	@bash scripts/setup.sh $(SETUP_FLAGS)

demo: setup
	$(VENV)/bin/desklaunch examples/hello.py

# The tests also drive a real browser: setup adds Debian's Chromium for them.
test: SETUP_FLAGS := --browser
test: setup
	@status=0; $(VENV)/bin/python -m pytest $(ARGS) || status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: pytest collected no tests" >&2; fi; \
	if [ $$status -ne 0 ]; then echo "make test: pytest exited with status $$status" >&2; fi; \
	exit $$status

# ruff; mypy (strict on core/ and the public API, pyproject.toml); the layer walls.
lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# The benchmark suite (BENCHMARKS.md); `make bench ARGS=--quick` takes under a minute.
bench: SETUP_FLAGS := --browser
bench: setup
	$(VENV)/bin/python -m bench $(ARGS)
