# Thin wrappers; the README explains each target. `make book` and `make test`
# set up .venv from the lock on first use, so a fresh clone needs nothing else.
.PHONY: book test site-test pdf env execute validate bench reproducible lab lab-test lock clean format serve

# The first of these that runs (a pyenv shim can exist for a version that is not installed).
PYTHON ?= $(shell for p in python3.11 python3.12 python3.13 python3; do $$p -c '' 2>/dev/null && command -v $$p && break; done)
VENV := .venv
BIN := $(VENV)/bin
# Each step is defined once, in tools/book.py (the route without make); it sets $(VENV) up from the lock first.
BOOK = $(if $(PYTHON),$(PYTHON) tools/book.py --venv $(VENV),$(error This book needs Python 3.11, 3.12 or 3.13, and no python3 was found))

# Reproducible output: dates in the HTML come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export PYTHONHASHSEED := 0

# The browser checks (site-test, lab-test) use Debian's Chromium, installed here if missing.
INSTALL_CHROMIUM = command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)

book:
	@$(BOOK) build
	@echo "The book is at $(CURDIR)/_build/html/index.html"

test:
	@$(BOOK) test

# Browser checks of the built site, in Debian's Chromium (installed here if missing).
site-test:
	@$(BOOK) env --with site
	test -f _build/html/index.html || $(MAKE) book
	$(INSTALL_CHROMIUM)
	$(BIN)/pytest tests/site

# A printable PDF of the whole book with Debian's XeTeX (installed here if missing).
pdf: env
	command -v latexmk >/dev/null && command -v xelatex >/dev/null && fc-list | grep -q FreeSerif && fc-list | grep -q "Droid Sans Fallback" \
	  || (apt-get update -qq && apt-get install -y -qq texlive-xetex latexmk texlive-fonts-recommended fonts-freefont-otf fonts-droid-fallback)
	TEXINPUTS=$(CURDIR)/tools/latex//: $(BIN)/jupyter-book build --builder pdflatex .
	$(BIN)/python tools/check_pdf_log.py _build/latex/china-kazakhstan.log
	@echo "The PDF is at $(CURDIR)/_build/latex/china-kazakhstan.pdf"

env:
	@$(BOOK) env

validate:
	@$(BOOK) validate

execute:
	@$(BOOK) execute

reproducible: env
	$(BIN)/python tools/check_reproducible.py

bench:
	@$(BOOK) env --with site
	$(BIN)/python tools/bench.py

# The built site on this machine's network (a classroom from one laptop): students open http://<this laptop's address>:8000/
serve:
	test -f _build/html/index.html || $(MAKE) book
	$(BIN)/python -m http.server --directory _build/html --bind 0.0.0.0 8000

# JupyterLab has its own lock (see requirements-lab.in), installed on first use.
lab:
	@$(BOOK) lab

# A headless JupyterLab opens chapters in Debian's Chromium: rendered MyST, numbers in the prose, folded solutions.
lab-test:
	@$(BOOK) env --with lab --with site
	$(INSTALL_CHROMIUM)
	$(BIN)/pytest tests/lab

lock:
	@$(BOOK) lock

# Lint fixes and formatting for the code and the chapters (make test checks both).
format: env
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf _build
