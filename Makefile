# Lokal kompetensanalys. `make help` lists the commands (in Swedish: the broker reads it);
# `make report MUNI=sotenas` and `make test` work on a fresh clone: they create the
# environment from the lock file (uv.lock) when it is missing.
.DEFAULT_GOAL := help
SHELL := /bin/bash
MAKEFLAGS += --no-print-directory

MUNI ?= sotenas
# The Python the environment is made with (3.11, as CI; another: PYTHON=python3.12 VENV=.venv-3.12).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
LKA := $(PY) -m helpers.cli.main
# The Jupyter kernel the chapters run in (helpers.build.execute.KERNEL_NAME).
KERNEL := lokal-kompetensanalys
STAMP := $(VENV)/.installed
# uv installs the locked environment; its own version is the one uv.lock pins (the dev extra).
UV_VERSION := $(shell sed -n '/^name = "uv"$$/{n;s/^version = "\(.*\)"$$/\1/p;}' uv.lock)
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never
# An environment made just to run the tests against the newest releases (make test-latest).
LATEST := build/latest
# Debian packages the PDF and Word versions need (WeasyPrint's Pango, the report's fonts;
# cairo draws the Word version's charts: cairosvg) ...
REPORT_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-open-sans libcairo2
REPORT_STAMP := build/.report-packages
# ... and what the tests and previews add: PDF to text and images, a headless browser.
TEST_PACKAGES := poppler-utils chromium
SYSTEM_STAMP := build/.system-packages
# axe-core (accessibility checks in the tests), pinned, from the npm registry into build/node.
AXE_VERSION := 4.10.3
AXE_STAMP := build/node/.axe-core-$(AXE_VERSION)
# pytest workers (pytest-xdist): one per core.
JOBS ?= auto

# A value given on make's command line as one shell word, spaces and all:
# MUNI="Upplands Väsby" reaches lka as 'Upplands Väsby'.
q = '$(subst ','\'',$(1))'
# Values from the command line or the environment are data: make keeps them as written and
# never expands them ($(shell ...) in MUNI is a name, not a command); every recipe passes
# them to the shell through q, so MUNI='x; touch f' reaches lka as one word.
USER_VARIABLES := MUNI FILE INVITED PREVIOUS AREAS COUNTY CODES NAME SLUG ONLY FORCE DRAFT \
  PDF REGION ALL Q V
$(foreach v,$(USER_VARIABLES),$(if $(filter command environment,$(origin $(v))),\
  $(eval override $(v) := $$(value $(v)))))
# After lka's own error line, stop without make's "make: *** [Makefile:NN: report] Error 2"
# under it. GNU make (4.3 here, 3.81 on macOS) exits non-zero and silently when it gets
# SIGQUIT, once the running recipe has ended; the recipe itself ends with 0, so make has no
# failed recipe to report. The recipe waits 0,3 s before it ends: make handles the signal
# by waiting for its running recipe, and if the recipe had already been reaped it says
# "wait: No child processes" instead (2 runs in 15 without the pause on a busy machine,
# none in 15 with it). The exit status of make is then 1 or 2, never lka's own code:
# lka --help lists those, for running lka directly.
STOP = { kill -QUIT $$PPID; sleep 0.3; exit 0; }
OR_STOP = || $(STOP)
# A variable the command needs: stop with one line that says how to give it.
need = @test -n $(call q,$(1)) || { printf '%s\n' $(call q,Fel: $(2)) >&2; $(STOP); }
# -q (only errors) or -v (more detail) for every lka command: make report MUNI=x V=1
LKA_FLAGS = $(if $(Q),-q) $(if $(V),-v)

.PHONY: help report reports open survey validate areas new-area fetch processed lab preview \
  install lock wheel bytecode report-deps system-deps test test-quick test-latest bench lint format clean \
  clean-reports

help: ## Visa kommandona
	@echo "Lokal kompetensanalys – kommandon (Q=1: bara fel, V=1: mer detaljer):"
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-13s %s\n", $$1, $$2}'
	@echo "Samma kommandon direkt: $(VENV)/bin/lka --help (felkoderna står där)."

report: install report-deps bytecode ## Rapporten för ett område: make report MUNI=sotenas (eller MUNI=1484, MUNI="Upplands Väsby"; FORCE=1 bygger om, DRAFT=1 utkast i egen mapp, bara HTML; DRAFT=1 PDF=1 även PDF)
	@$(LKA) report $(call q,$(MUNI)) $(if $(FORCE),--force) $(if $(DRAFT),--draft $(if $(PDF),,--no-pdf)) $(LKA_FLAGS) $(OR_STOP)

reports: install report-deps bytecode ## Alla områden med params-fil parallellt (AREAS="a b", COUNTY=14, REGION=1 eller ALL=1)
	@$(LKA) reports $(foreach area,$(AREAS),$(call q,$(area))) $(if $(COUNTY),--county $(call q,$(COUNTY))) \
	  $(if $(REGION),--region) $(if $(ALL),--all) $(if $(FORCE),--force) $(LKA_FLAGS) $(OR_STOP)

open: install ## Öppna den färdiga rapporten: make open MUNI=sotenas (PDF=1 öppnar PDF:en, DRAFT=1 utkastet)
	@$(LKA) open $(call q,$(MUNI)) $(if $(PDF),--pdf) $(if $(DRAFT),--draft) $(LKA_FLAGS) $(OR_STOP)

survey: install ## Lägg in enkätexporten: make survey MUNI=sotenas FILE=export.xlsx INVITED=160 (PREVIOUS=fjolårets.xlsx)
	$(call need,$(FILE),ange exportfilen: make survey MUNI=$(MUNI) FILE=export.xlsx INVITED=150)
	$(call need,$(INVITED),ange hur många arbetsgivare som bjöds in: make survey MUNI=$(MUNI) FILE=$(FILE) INVITED=150)
	@$(LKA) survey $(call q,$(MUNI)) $(call q,$(FILE)) --invited $(call q,$(INVITED)) \
	  $(if $(PREVIOUS),--previous $(call q,$(PREVIOUS))) $(if $(FORCE),--force) $(LKA_FLAGS) $(OR_STOP)

validate: install ## Kontrollera enkätexporten före rapporten: make validate MUNI=sotenas
	@$(LKA) validate --area $(call q,$(MUNI)) $(LKA_FLAGS) $(OR_STOP)

areas: install ## Lista områdena som har params-fil
	@$(LKA) areas $(LKA_FLAGS) $(OR_STOP)

new-area: install ## Skriv params-filen för ett nytt område: make new-area CODES="1484 1485" (eller CODES="Lilla Edet"; NAME=, SLUG=, FORCE=1)
	@$(LKA) new-area $(call q,$(CODES)) $(if $(NAME),--name $(call q,$(NAME))) \
	  $(if $(SLUG),--slug $(call q,$(SLUG))) $(if $(FORCE),--force) $(LKA_FLAGS) $(OR_STOP)

fetch: install ## Hämta aktuell statistik från SCB, Kolada och Arbetsförmedlingen (kräver internet; ONLY=scb)
	@$(LKA) fetch $(if $(ONLY),--only $(call q,$(ONLY))) $(LKA_FLAGS) $(OR_STOP)

processed: install ## Bygg om data/processed från data/raw (YH-tabeller, SSYK-uppslag; ONLY=education|title_lookup)
	@PYTHONPATH=tools $(PY) -m processed $(ONLY) $(OR_STOP)

lab: install ## Redigera kapitlen i JupyterLab med ett områdes data: make lab MUNI=lysekil
	@$(LKA) lab $(call q,$(MUNI)) $(LAB_ARGS) $(OR_STOP)

preview: install system-deps ## Skärmbilder (dator, mobil) och PDF-sidor som bilder: make preview MUNI=sotenas
	@$(PY) -m helpers.cli.preview $(call q,$(MUNI)) $(OR_STOP)

install: $(STAMP) ## Skapa miljön (.venv) exakt enligt uv.lock, med Jupyter-kärnan

$(UV):
	@test -n "$(PYTHON)" || { echo "Fel: Python 3.11 saknas (python3.11 eller python3)." >&2; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -qq --disable-pip-version-check uv==$(UV_VERSION)

$(STAMP): pyproject.toml uv.lock setup.py | $(UV)
	@echo "Installerar miljön i $(VENV) från uv.lock ..."
	@$(UV) sync --locked --extra dev --compile-bytecode --quiet
	@# The kernel reports run in (a wheel carries it as a data file; an editable install not).
	@$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) \
	  --display-name "Lokal kompetensanalys" >/dev/null
	@# Notebooks are committed without outputs: .gitattributes names this filter; a clone
	@# without it (CI, a tarball) still works, git then leaves the files as they are.
	@if [ -e .git ]; then \
	  git config filter.nbstripout.clean "'$(CURDIR)/$(PY)' -m nbstripout --keep-id" && \
	  git config filter.nbstripout.smudge cat; fi
	@touch $(STAMP)

wheel: | $(UV) ## Bygg paketet (dist/*.whl) och dist/constraints.txt med de låsta versionerna
	$(UV) build --wheel --quiet --out-dir dist
	$(UV) export --quiet --frozen --no-hashes --no-emit-project --output-file dist/constraints.txt

lock: | $(UV) ## Lås om beroendena (uv.lock) efter en ändring i pyproject.toml (UPGRADE=1: senaste tillåtna)
	$(UV) lock $(if $(UPGRADE),--upgrade)

# Python compiles the package on every run (and in every kernel) where it may not write the
# compiled files (PYTHONDONTWRITEBYTECODE): compile it once here. Takes 0,03 s when up to date.
bytecode: install
	@$(PY) -m compileall -q src/helpers

report-deps: $(REPORT_STAMP) ## Installera Debianpaketen som PDF:en behöver (Pango, typsnitt)

$(REPORT_STAMP):
	@DEBIAN_PACKAGES_OPTIONAL=0 scripts/debian-packages.sh $(REPORT_PACKAGES)
	@mkdir -p build && touch $@

system-deps: $(REPORT_STAMP) $(SYSTEM_STAMP) $(AXE_STAMP) ## Installera även det testerna behöver (chromium, poppler, axe-core)

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

test: install system-deps ## Alla tester parallellt, sedan lintern (CI kör detta; ARGS= till pytest)
	@status=0; $(PY) -m pytest -q -n $(JOBS) $(ARGS) || status=$$?; \
	  $(MAKE) lint || status=1; exit $$status

test-quick: install ## De snabba testerna (utan hela rapporter och webbläsare), under en minut
	$(PY) -m pytest -q -n $(JOBS) -m "not slow and not browser" $(ARGS)

test-latest: install system-deps ## Testerna mot de senaste tillåtna versionerna av beroendena (inte i CI)
	@rm -rf $(LATEST)
	$(UV) venv --quiet --python $(PY) $(LATEST)
	VIRTUAL_ENV=$(LATEST) $(UV) pip install --quiet --refresh --upgrade --compile-bytecode -e '.[dev]'
	@$(LATEST)/bin/python -m ipykernel install --sys-prefix --name $(KERNEL) \
	  --display-name "Lokal kompetensanalys" >/dev/null
	@VIRTUAL_ENV=$(LATEST) $(UV) pip list --format=freeze > $(LATEST)/versions.txt
	@echo "Versionerna som testas: $(LATEST)/versions.txt"
	$(LATEST)/bin/python -m pytest -q -n $(JOBS) $(ARGS)

bench: install report-deps bytecode ## Mät hur snabbt rapporterna byggs på den här datorn (ARGS=--all för alla 290)
	@$(PY) bench/bench.py $(ARGS)

lint: install ## Lint och formatkontroll (ruff) och anteckningsböckernas regler
	$(VENV)/bin/ruff check src tests tools bench notebooks setup.py
	$(VENV)/bin/ruff format --check src tests tools bench setup.py
	$(PY) -m helpers.build.notebooks --check

format: install ## Rätta det lintern kan rätta: ruff format, ruff check --fix, notebooks --fix
	$(VENV)/bin/ruff format src tests tools bench setup.py
	$(VENV)/bin/ruff check --fix src tests tools bench notebooks setup.py
	$(PY) -m helpers.build.notebooks --fix

clean: ## Ta bort byggskräp och cachar (inte rapporterna, inte miljön)
	@if [ -x $(PY) ]; then $(LKA) clean $(LKA_FLAGS); fi
	rm -rf build .pytest_cache

clean-reports: ## Ta bort alla byggda rapporter, alla år och utkast: make clean-reports CONFIRM=1
	$(call need,$(CONFIRM),make clean-reports tar bort alla byggda rapporter i reports/ (alla områden och år). Skriv make clean-reports CONFIRM=1 om du menar det.)
	rm -rf reports/*/
