# Thin wrappers; the README explains each target. `make book` and `make test`
# set up .venv from the lock on first use, so a fresh clone needs nothing else.
.PHONY: book test site-test pdf env execute validate bench reproducible lab lab-test lock clean format

# The first of these that runs (a pyenv shim can exist for a version that is not installed).
PYTHON ?= $(shell for p in python3.11 python3.12 python3.13 python3; do $$p -c '' 2>/dev/null && command -v $$p && break; done)
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
STAMP := $(VENV)/.installed-from-lock

# Reproducible output: dates in the HTML come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export PYTHONHASHSEED := 0

book: env
	@$(BIN)/python -m cnkz validate data || { echo "The data have problems (above); the book was not built." >&2; exit 1; }
	$(BIN)/python tools/build_book.py
	@echo "The book is at $(CURDIR)/_build/html/index.html"

test: env
	$(BIN)/python -m cnkz validate data
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -n auto --dist loadfile --nbval --nbval-sanitize-with tests/sanitize.cfg tests book

# Browser checks of the built site, in Debian's Chromium (installed here if missing).
site-test: $(VENV)/.installed-site
	test -f _build/html/index.html || $(MAKE) book
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	$(BIN)/pytest -p no:cacheprovider tests/site

$(VENV)/.installed-site: requirements-site.txt $(STAMP)
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements-site.txt
	touch $@

# A printable PDF of the whole book with Debian's XeTeX (installed here if missing).
pdf: env
	command -v latexmk >/dev/null && command -v xelatex >/dev/null && fc-list | grep -q FreeSerif && fc-list | grep -q "Droid Sans Fallback" \
	  || (apt-get update -qq && apt-get install -y -qq texlive-xetex latexmk texlive-fonts-recommended fonts-freefont-otf fonts-droid-fallback)
	TEXINPUTS=$(CURDIR)/tools/latex//: $(BIN)/jupyter-book build --builder pdflatex .
	$(BIN)/python tools/check_pdf_log.py _build/latex/china-kazakhstan.log
	@echo "The PDF is at $(CURDIR)/_build/latex/china-kazakhstan.pdf"

env: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@test -n "$(PYTHON)" || { echo "This book needs Python 3.11, 3.12 or 3.13, and no python3 was found." >&2; exit 1; }
	@$(PYTHON) tools/check_python.py
	@# a .venv made by an unsupported Python, or left broken, is made anew
	@test ! -e $(VENV) || $(BIN)/python tools/check_python.py 2>/dev/null || { echo "Making $(VENV) anew: the one here was made by another Python or is broken." >&2; rm -rf $(VENV); }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip sync --quiet --compile-bytecode --python $(BIN)/python requirements.txt
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps --editable .
	touch $@

validate: env
	$(BIN)/python -m cnkz validate data

execute: env
	$(BIN)/python tools/execute_notebooks.py

reproducible: env
	$(BIN)/python tools/check_reproducible.py

bench: env
	$(BIN)/python tools/bench.py

lab: $(VENV)/.installed-lab
	$(BIN)/jupyter lab book/

# A headless JupyterLab opens chapters in Debian's Chromium: rendered MyST, numbers in the prose, folded solutions.
lab-test: $(VENV)/.installed-lab $(VENV)/.installed-site
	command -v chromium >/dev/null || (apt-get update -qq && apt-get install -y -qq chromium)
	$(BIN)/pytest -p no:cacheprovider tests/lab

# JupyterLab has its own lock (see requirements-lab.in); re-added after any re-sync.
$(VENV)/.installed-lab: requirements-lab.txt $(STAMP)
	$(BIN)/uv pip install --quiet --python $(BIN)/python -r requirements-lab.txt
	touch $@

lock:
	$(BIN)/uv pip compile --quiet --universal --python-version 3.11 --no-header requirements.in -o requirements.txt
	$(BIN)/uv pip compile --quiet --universal --python-version 3.11 --no-header requirements-lab.in -o requirements-lab.txt
	$(BIN)/uv pip compile --quiet --universal --python-version 3.11 --no-header requirements-site.in -o requirements-site.txt

# Lint fixes and formatting for the code and the chapters (make test checks both).
format: env
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf _build
