# Set-up is part of every target: the first run creates .venv from the
# project's own files (pyproject.toml), later runs reuse it.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
ARTICLE ?= data/articles/presstv_2020-10-10_armenia-azerbaijan-ceasefire.txt

.PHONY: install test reports extract lab bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

test: $(STAMP)
	$(BIN)/python -m pytest

reports: $(STAMP)
	$(BIN)/python -m analysis report $(ARTICLE)

extract: $(STAMP)
	$(BIN)/python -m analysis extract $(ARTICLE) --out out/$(notdir $(basename $(ARTICLE)))

bench: $(STAMP)
	$(BIN)/python -m analysis bench

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf reports out .pytest_cache .hypothesis
