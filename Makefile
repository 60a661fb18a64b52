# The two commands of the README's quick start.
PYTHON ?= python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Debian's own python3 refuses pip installs outside a virtualenv (PEP 668); this machine's kind and
# CI use a separate Python where the variable changes nothing.
export PIP_BREAK_SYSTEM_PACKAGES := 1

.PHONY: run test bench

run:  ## install what the dashboard needs (Chromium prints the PDF reports) and start it on the demo data
	command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }
	$(PYTHON) -m pip install --quiet -r requirements.txt
	ARROW_DEFAULT_MEMORY_POOL=system $(PYTHON) -m streamlit run app.py

test:  ## install what the tests need (PostgreSQL, Chromium) and run every test
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq postgresql chromium fonts-dejavu-core poppler-utils >/dev/null
	$(PYTHON) -m pip install --quiet -r requirements-dev.txt
	$(PYTHON) -m pytest -q

bench:  ## print the benchmark figures (after make test has installed PostgreSQL and Chromium)
	$(PYTHON) bench/ingest.py
	$(PYTHON) bench/progress.py
	$(PYTHON) bench/pages.py
	$(PYTHON) bench/map.py --browser
	$(PYTHON) bench/report.py
	$(PYTHON) bench/load.py
