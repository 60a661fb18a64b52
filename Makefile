# The two commands of the README's quick start.
PYTHON ?= python3
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test bench

run:  ## install what the dashboard needs and start it on the demo data
	$(PYTHON) -m pip install --quiet -r requirements.txt
	$(PYTHON) -m streamlit run app.py

test:  ## install what the tests need (PostgreSQL, Chromium) and run every test
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq postgresql chromium fonts-dejavu-core poppler-utils >/dev/null
	$(PYTHON) -m pip install --quiet -r requirements-dev.txt
	$(PYTHON) -m pytest -q

bench:  ## print the benchmark figures
	$(PYTHON) bench/ingest.py
	$(PYTHON) bench/progress.py
