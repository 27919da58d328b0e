# The README's two commands: `make run` and `make test`. Both build the virtualenv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell md5sum requirements.txt | cut -c1-12)

.PHONY: run test lint format stop bench clean

$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

run: $(STAMP)
	$(PY) platform/launch.py run

test: $(STAMP) lint
	@bash tests/browser/install_browser.sh || true
	$(PY) platform/launch.py test $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

stop: $(STAMP)
	$(PY) platform/launch.py stop

bench: $(STAMP)
	$(PY) platform/launch.py bench

clean: stop
	rm -rf data media static_collected
