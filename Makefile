# Set-up is part of every target: the first run creates .venv from the
# project's own files (pyproject.toml), later runs reuse it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ARTICLE ?= data/articles/presstv_2020-10-10_armenia-azerbaijan-ceasefire.txt

.PHONY: install test test-slow reports notebooks extract lab bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# The test files run on up to four cores; --dist loadfile keeps each file (and each
# notebook's cells, which nbval runs in order) on one worker.
test: $(STAMP)
	$(BIN)/python -m pytest -n auto --maxprocesses 4 --dist loadfile --nbval --nbval-current-env -m "not slow"

test-slow: $(STAMP)
	$(BIN)/python -m pytest -m slow

reports: $(STAMP)
	$(BIN)/python -m analysis report $(ARTICLE)

notebooks: $(STAMP)
	$(BIN)/jupytext --sync notebooks/[0-9][0-9]-*.ipynb
	$(BIN)/python -m analysis.reports refresh

extract: $(STAMP)
	$(BIN)/python -m analysis extract $(ARTICLE) --out out/$(notdir $(basename $(ARTICLE)))

bench: $(STAMP)
	$(BIN)/python -m analysis bench

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf reports out .pytest_cache .hypothesis
