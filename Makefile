# Lokal kompetensanalys. `make help` lists the commands; `make report MUNI=sotenas` and
# `make test` work on a fresh clone: they create the environment when it is missing.
.DEFAULT_GOAL := help
SHELL := /bin/bash

MUNI ?= sotenas
VENV := .venv
PY := $(VENV)/bin/python
KERNEL := lokal-kompetensanalys
STAMP := $(VENV)/.installed
# Debian packages the PDF needs (WeasyPrint's Pango and the report's fonts) ...
REPORT_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-open-sans
REPORT_STAMP := build/.report-packages
# ... and what the tests and previews add: PDF to text and images, a headless browser.
TEST_PACKAGES := poppler-utils chromium
SYSTEM_STAMP := build/.system-packages
# axe-core (accessibility checks in the tests), pinned, from the npm registry into build/node.
AXE_VERSION := 4.10.3
AXE_STAMP := build/node/.axe-core-$(AXE_VERSION)

.PHONY: help install bytecode report-deps system-deps report reports bench validate areas new-area fetch processed lab preview test lint format clean

help: ## List the commands
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-18s %s\n", $$1, $$2}'

install: $(STAMP) ## Create the project's environment (.venv) and its Jupyter kernel

$(STAMP): pyproject.toml
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Lokal kompetensanalys" >/dev/null
	@# Notebooks are committed without outputs: .gitattributes names this filter; a clone
	@# without it (CI, a tarball) still works, git then leaves the files as they are.
	@if [ -e .git ]; then \
	  git config filter.nbstripout.clean "'$(CURDIR)/$(PY)' -m nbstripout --keep-id" && \
	  git config filter.nbstripout.smudge cat; fi
	@touch $(STAMP)

# Python compiles the package on every run (and in every kernel) where it may not write the
# compiled files (PYTHONDONTWRITEBYTECODE): compile it once here. Takes 0,03 s when up to date.
bytecode: install
	@$(PY) -m compileall -q src/helpers

report-deps: $(REPORT_STAMP) ## Install the Debian packages the PDF needs (Pango, fonts)

$(REPORT_STAMP):
	@DEBIAN_PACKAGES_OPTIONAL=0 scripts/debian-packages.sh $(REPORT_PACKAGES)
	@mkdir -p build && touch $@

system-deps: $(REPORT_STAMP) $(SYSTEM_STAMP) $(AXE_STAMP) ## Install what the tests need too (chromium, poppler, axe-core)

$(SYSTEM_STAMP):
	@scripts/debian-packages.sh $(TEST_PACKAGES)
	@mkdir -p build && touch $@

$(AXE_STAMP): | $(SYSTEM_STAMP)
	@# npm often comes with Node.js from outside Debian: ask apt for it only when it is missing.
	@command -v npm >/dev/null || scripts/debian-packages.sh npm
	@rm -rf build/node && mkdir -p build/node
	npm install --prefix build/node --no-save --no-package-lock --no-audit --no-fund --ignore-scripts \
	  --loglevel=error axe-core@$(AXE_VERSION)
	@touch $(AXE_STAMP)

report: install report-deps bytecode ## Build one area's report: make report MUNI=sotenas (or MUNI=1484; FORCE=1, DRAFT=1: HTML only)
	@$(PY) -m helpers.cli.main report $(MUNI) $(if $(FORCE),--force) $(if $(DRAFT),--no-pdf)

reports: install report-deps bytecode ## Build every area's report in parallel (AREAS="a b", COUNTY=14, REGION=1 or ALL=1)
	@$(PY) -m helpers.cli.main reports $(AREAS) $(if $(COUNTY),--county $(COUNTY)) \
	  $(if $(REGION),--region) $(if $(ALL),--all) $(if $(FORCE),--force)

validate: install ## Check an area's survey export before the report: make validate MUNI=sotenas
	@$(PY) -m helpers.cli.main validate --area $(MUNI)

areas: install ## List the areas that have a params file
	@$(PY) -m helpers.cli.main areas

new-area: install ## Write params/<area>.yaml from codes: make new-area CODES="1484 1485" (NAME=, SLUG=, FORCE=1)
	@$(PY) -m helpers.cli.main new-area $(CODES) $(if $(NAME),--name "$(NAME)") \
	  $(if $(SLUG),--slug "$(SLUG)") $(if $(FORCE),--force)

lab: install ## Edit the chapters in JupyterLab with one area's data: make lab MUNI=lysekil
	@$(PY) -m helpers.cli.main lab $(MUNI) $(LAB_ARGS)

fetch: install ## Refresh the statistics snapshot from SCB, Kolada and Arbetsförmedlingen
	@$(PY) -m helpers.cli.main fetch $(if $(ONLY),--only $(ONLY))

processed: install ## Rebuild data/processed from data/raw (YH tables, SSYK title lookup; ONLY=education|title_lookup)
	@PYTHONPATH=tools $(PY) -m processed $(ONLY)

preview: install system-deps ## Screenshots (desktop, phone) and PDF page images: make preview MUNI=sotenas
	@$(PY) -m helpers.cli.preview $(MUNI)

bench: install report-deps bytecode ## Measure report speed on this machine (add ARGS=--all for all 290)
	@$(PY) bench/bench.py $(ARGS)

test: install system-deps ## Run every test, then the linters (CI runs this)
	@status=0; $(PY) -m pytest -q || status=$$?; \
	  $(MAKE) --no-print-directory lint || status=1; exit $$status

lint: install ## Lint and format check (ruff) and the notebook guardrails
	$(VENV)/bin/ruff check src tests tools bench notebooks
	$(VENV)/bin/ruff format --check src tests tools bench
	$(PY) -m helpers.build.notebooks --check

format: install ## Fix what the linters can fix: ruff format, ruff check --fix, notebooks --fix
	$(VENV)/bin/ruff format src tests tools bench
	$(VENV)/bin/ruff check --fix src tests tools bench notebooks
	$(PY) -m helpers.build.notebooks --fix

clean: ## Remove built reports and caches (not the environment)
	rm -rf reports/*/ build .pytest_cache
