# The README's two commands: `make run` and `make test`. Both build the virtualenv first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
NGINX_PURGE_MODULE := /usr/lib/nginx/modules/ngx_http_cache_purge_module.so
STAMP := $(VENV)/.installed-$(shell md5sum requirements.txt | cut -c1-12)

.PHONY: run test lint format stop bench clean stack stack-stop stack-bench cluster cluster-stop cluster-bench

$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@rm -f $(VENV)/.installed-* && touch $(STAMP)

run: $(STAMP)
	$(PY) platform/launch.py run

test: $(STAMP) lint
	@bash tests/browser/install_browser.sh || true
	@bash tests/install_debian_packages.sh $(NGINX_PURGE_MODULE) nginx-light libnginx-mod-http-cache-purge \
		libnginx-mod-http-brotli-filter || true
	@# pgbouncer in front of the test database (tests/deploy/test_pgbouncer.py).
	@bash tests/install_debian_packages.sh /usr/sbin/pgbouncer pgbouncer || true
	@# The Nu HTML Checker (tests/tenant_apps/site/test_nu_html_checker.py): Debian's Java, vnu.jar from npm.
	@bash tests/install_debian_packages.sh /usr/bin/java default-jre-headless || true
	@bash tests/install_debian_packages.sh /usr/bin/npm npm || true
	@npm ci --prefix tests/html_validator --ignore-scripts --no-audit --no-fund --silent || true
	$(PY) platform/launch.py check
	$(PY) platform/launch.py test $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	PYTHONPATH=platform $(VENV)/bin/lint-imports

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

stop: $(STAMP)
	$(PY) platform/launch.py stop

bench: $(STAMP)
	$(PY) platform/launch.py bench

# The production stack on loopback (deploy/stack.py): Debian's PostgreSQL, Redis and nginx,
# gunicorn, Celery worker and beat, demo data. http://hanoi.localhost:8080/
stack: $(STAMP)
	$(PY) deploy/stack.py start

stack-stop:
	$(PY) deploy/stack.py stop

# The highly available topology on loopback (deploy/cluster.py): 2 app nodes behind nginx, PostgreSQL
# primary + synchronous standby under pg_auto_failover (automatic failover) behind pgbouncer, Redis
# with Sentinel. http://hanoi.localhost:8180/
cluster: $(STAMP)
	$(PY) deploy/cluster.py start

cluster-stop:
	$(PY) deploy/cluster.py stop

# Fault benchmarks that need `make cluster` running (bench/README.md, High availability).
cluster-bench: $(STAMP)
	$(PY) bench/cluster/run.py $(BENCH)

# Benchmarks that need `make stack` running (bench/README.md).
stack-bench: $(STAMP)
	$(PY) bench/stack/run.py $(BENCH)

clean: stop
	rm -rf data media static_collected
