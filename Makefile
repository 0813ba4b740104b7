# Lokal kompetensanalys. `make help` lists the commands; `make report MUNI=sotenas` and
# `make test` work on a fresh clone: they create the environment when it is missing.
.DEFAULT_GOAL := help
SHELL := /bin/bash

MUNI ?= sotenas
VENV := .venv
PY := $(VENV)/bin/python
KERNEL := lokal-kompetensanalys
STAMP := $(VENV)/.installed
# Debian packages the PDF renderer and the browser checks need.
SYSTEM_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core poppler-utils chromium
SYSTEM_STAMP := build/.system-packages

.PHONY: help install system-deps report reports bench validate areas test lint clean

help: ## List the commands
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-18s %s\n", $$1, $$2}'

install: $(STAMP) ## Create the project's environment (.venv) and its Jupyter kernel

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Lokal kompetensanalys" >/dev/null
	@touch $(STAMP)

system-deps: $(SYSTEM_STAMP) ## Install the Debian packages for PDF and browser checks (needs root)

$(SYSTEM_STAMP):
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages: $$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@mkdir -p build && touch $(SYSTEM_STAMP)

report: install ## Build one area's report: make report MUNI=sotenas (or a code/name: MUNI=1484)
	@$(PY) -m helpers.cli report $(MUNI)

reports: install ## Build every area's report in parallel (AREAS="a b", COUNTY=14, REGION=1 or ALL=1)
	@$(PY) -m helpers.cli reports $(AREAS) $(if $(COUNTY),--county $(COUNTY)) \
	  $(if $(REGION),--region) $(if $(ALL),--all) $(if $(FORCE),--force)

validate: install ## Check an area's survey export before the report: make validate MUNI=sotenas
	@$(PY) -m helpers.cli validate --area $(MUNI)

areas: install ## List the areas that have a params file
	@$(PY) -m helpers.cli areas

bench: install ## Measure report speed on this machine (add ARGS=--all for all 290)
	@$(PY) bench/bench.py $(ARGS)

test: install system-deps ## Run every test
	$(PY) -m pytest -q

lint: install ## Lint and format check (ruff)
	$(VENV)/bin/ruff check src tests bench notebooks
	$(VENV)/bin/ruff format --check src tests bench

clean: ## Remove built reports and caches (not the environment)
	rm -rf reports/*/ build .pytest_cache
