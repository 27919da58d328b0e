"""Benchmark: releases at N provinces (issue 20).

    python bench/releases.py provinces N   make N bench provinces (bench_001…, kept), as bench/syndication.py's
    python bench/releases.py migrate       migrate_schemas --tenant with nothing to apply, both executors
    python bench/releases.py onboarding    one more province at this N (bench/onboarding.py's rolled-back run)
    python bench/releases.py expand        a release adding a column to a page type, applied to every
                                           province while gunicorn serves them (expand, then contract)
    python bench/releases.py [all [N]]     all of the above (N: BENCH_PROVINCES, default 200)

Provinces are copied from bench_syndication's seed with pg_dump and psql (tenants/backups.py's own
schema renaming), about twice as fast as cloning with the PL/pgSQL function when creating hundreds.
Results: results/releases-<N>.json. Goals: migrate_schemas with nothing to apply ≤ 60 s and onboarding
≤ 1.5 s at 200 provinces; 0 failed requests during the release.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import syndication  # noqa: E402  (sets Django up)
from django.db import connection  # noqa: E402

from tenants.backups import _run, rename_schema_in_dump  # noqa: E402
from tenants.models import Province  # noqa: E402

RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
MIGRATE_GOAL_SECONDS = 60
ONBOARDING_GOAL_SECONDS = 1.5
PORT = int(os.environ.get("BENCH_PORT", 8391))
LOAD_THREADS = 4
# The release: a nullable column on the news page type (expand), then dropped again (contract).
RELEASE_APP = "news"
RELEASE_TABLE = "news_newspage"
RELEASE_COLUMN = "bench_release_note"


def say(line: str) -> None:
    print(f"[releases] {line}", flush=True)


def save(name: str, result: dict) -> dict:
    result = {
        "measured_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        "load_average": [round(load, 2) for load in os.getloadavg()],
        **result,
    }
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"
    previous = json.loads(path.read_text()) if path.exists() else {}
    path.write_text(json.dumps({**previous, **result}, indent=2, ensure_ascii=False) + "\n")
    say(json.dumps(result, ensure_ascii=False))
    return result


def provinces(count: int) -> list[Province]:
    """`count` bench provinces; the missing ones are copied from the seed schema with pg_dump + psql."""
    syndication.ensure_seed()
    existing = syndication.bench_provinces()
    if len(existing) >= count:
        return existing[:count]
    started = time.perf_counter()
    taken = {province.schema_name for province in existing}
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / "seed.sql"
        _run("pg_dump", f"--schema={syndication.SEED_SCHEMA}", "--no-owner", "--no-privileges", f"--file={dump}")
        seed_lines = dump.read_text().splitlines(keepends=True)
        number = 0
        while len(existing) < count:
            number += 1
            schema = f"bench_{number:03d}"
            if schema in taken:
                continue
            with connection.cursor() as cursor:  # a copy interrupted before its row was written
                cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
            copy = Path(work) / f"{schema}.sql"
            copy.write_text("".join(rename_schema_in_dump(seed_lines, syndication.SEED_SCHEMA, schema)))
            _run("psql", "--no-psqlrc", "--quiet", "--single-transaction", "-v", "ON_ERROR_STOP=1", f"--file={copy}")
            copy.unlink()
            existing.append(syndication.register_bench_province(number, schema))
            if len(existing) % 10 == 0:
                say(f"{len(existing)} provinces ({time.perf_counter() - started:.0f}s)")
    with connection.cursor() as cursor:  # planner statistics for the grown catalogue (bench/README.md)
        cursor.execute("ANALYZE")
    say(f"{count} provinces ready in {time.perf_counter() - started:.0f}s")
    return existing


def manage(*arguments: str) -> float:
    started = time.perf_counter()
    subprocess.run([PYTHON, str(ROOT / "manage.py"), *arguments], cwd=ROOT, check=True)
    return round(time.perf_counter() - started, 1)


def migrate() -> dict:
    count = len(syndication.bench_provinces())
    timings = {
        executor: manage("migrate_schemas", "--tenant", "--noinput", "-v", "1", "--executor", executor)
        for executor in ("standard", "multiprocessing")
    }
    met = max(timings.values()) <= MIGRATE_GOAL_SECONDS
    return save(
        f"releases-{count}",
        {"provinces": count, "migrate_schemas_nothing_to_apply_seconds": timings, "migrate_goal_met": met},
    )


def _backend_cpu_seconds() -> float:
    """CPU time of this connection's PostgreSQL backend so far (a local server: /proc)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _one_onboarding() -> tuple[float, float]:
    """One rolled-back onboarding on a fresh connection: wall seconds, and CPU seconds of Python + PostgreSQL.

    The CPU figure is what the machine would take without the other jobs sharing its 2 cores.
    """
    import onboarding as bench_onboarding

    connection.close()  # a fresh connection, as a Celery task's
    backend_before = _backend_cpu_seconds()
    process_before = time.process_time()
    seconds, _ = bench_onboarding.one_run()
    cpu = time.process_time() - process_before + _backend_cpu_seconds() - backend_before
    return seconds, cpu


def onboarding() -> dict:
    """Median of 5 rolled-back onboardings, cloning the template, then renaming a spare copy of it."""
    from tenants.services import ensure_template_schema, prepare_spare_schema, spare_schema_name

    ensure_template_schema(say)
    figures = {}
    for variant in ("clone", "spare"):
        if variant == "clone":
            with connection.cursor() as cursor:
                cursor.execute(f'DROP SCHEMA IF EXISTS "{spare_schema_name()}" CASCADE')
        else:
            started = time.perf_counter()
            prepare_spare_schema(say)
            figures["spare_preparation_seconds"] = round(time.perf_counter() - started, 2)
        _one_onboarding()  # warm-up
        runs = [_one_onboarding() for _ in range(5)]
        figures[variant] = {
            "wall_runs": [round(wall, 2) for wall, _ in runs],
            "wall_median": round(statistics.median(wall for wall, _ in runs), 2),
            "cpu_median": round(statistics.median(cpu for _, cpu in runs), 2),
        }
    count = len(syndication.bench_provinces())
    return save(
        f"releases-{count}",
        {
            "provinces": count,
            "onboarding_one_more_seconds": figures,
            "onboarding_goal_met": figures["spare"]["wall_median"] <= ONBOARDING_GOAL_SECONDS,
        },
    )


# --- the release under load ------------------------------------------------------------------------

MIGRATION = """from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("{app}", "{previous}")]
    operations = [{operation}]
"""


class Load:
    """GETs across the provinces' home and news pages from a few threads; counts what failed."""

    def __init__(self, hosts: list[str], paths: list[str]):
        self.hosts, self.paths = hosts, paths
        self.done = self.failed = 0
        self.failures: dict[str, int] = {}
        self.latencies: list[float] = []
        self.running = True
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.loop, args=(n,), daemon=True) for n in range(LOAD_THREADS)]

    def loop(self, offset: int) -> None:
        number = offset
        while self.running:
            host = self.hosts[number % len(self.hosts)]
            path = self.paths[(number // len(self.hosts)) % len(self.paths)]
            number += LOAD_THREADS
            request = urllib.request.Request(f"http://127.0.0.1:{PORT}{path}", headers={"Host": host})
            started = time.perf_counter()
            problem = None
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    response.read()
            except urllib.error.HTTPError as error:
                problem = f"HTTP {error.code}"
            except OSError as error:
                problem = type(error).__name__
            with self.lock:
                self.done += 1
                self.latencies.append(time.perf_counter() - started)
                if problem:
                    self.failed += 1
                    self.failures[problem] = self.failures.get(problem, 0) + 1

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        for thread in self.threads:
            thread.join()

    def summary(self) -> dict:
        latencies = sorted(self.latencies)
        return {
            "requests": self.done,
            "failed": self.failed,
            "failures": self.failures,
            "p50_ms": round(latencies[len(latencies) // 2] * 1000, 1) if latencies else None,
            "p99_ms": round(latencies[int(len(latencies) * 0.99)] * 1000, 1) if latencies else None,
            "max_ms": round(latencies[-1] * 1000, 1) if latencies else None,
        }


def _serve() -> subprocess.Popen:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.base", "PYTHONPATH": f"{ROOT}:{ROOT / 'platform'}"}
    web = subprocess.Popen(
        [str(Path(PYTHON).parent / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{PORT}", "--workers", "2"],
        cwd=ROOT,
        env=env,
    )
    for _ in range(120):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/", timeout=5)
            return web
        except urllib.error.HTTPError:
            return web
        except OSError:
            time.sleep(1)
    web.terminate()
    raise SystemExit("[releases] gunicorn did not answer")


def _release_step(name: str, previous: str, operation: str, load: Load) -> dict:
    """Write one migration of the release into the app, run migrate_schemas under load; return figures."""
    from django.apps import apps

    folder = Path(apps.get_app_config(RELEASE_APP).path) / "migrations"
    path = folder / f"{name}.py"
    path.write_text(MIGRATION.format(app=RELEASE_APP, previous=previous, operation=operation))
    before = (load.done, load.failed)
    seconds = manage("migrate_schemas", "--tenant", "--noinput", "-v", "0", "--executor", "multiprocessing")
    return {"seconds": seconds, "requests": load.done - before[0], "failed": load.failed - before[1]}


def _forget_release(schemas: list[str], names: list[str]) -> None:
    """Undo the bench release everywhere, the onboarding template and its spare included (an onboarding
    run meanwhile would have migrated the template with the bench's migration on disk)."""
    from django.conf import settings
    from django_tenants.utils import schema_exists

    from tenants.services import spare_schema_name

    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{spare_schema_name()}" CASCADE')
        template = [settings.TENANT_TEMPLATE_SCHEMA] if schema_exists(settings.TENANT_TEMPLATE_SCHEMA) else []
        for schema in schemas + template:
            cursor.execute(
                f'DELETE FROM "{schema}".django_migrations WHERE app = %s AND name = ANY(%s)', [RELEASE_APP, names]
            )
            cursor.execute(f'ALTER TABLE "{schema}".{RELEASE_TABLE} DROP COLUMN IF EXISTS {RELEASE_COLUMN}')


def expand() -> dict:
    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader

    bench = syndication.bench_provinces()
    schemas = [province.schema_name for province in Province.objects.exclude(schema_name="public")]
    previous = max(name for app, name in MigrationLoader(None).graph.leaf_nodes() if app == RELEASE_APP)
    names = ["9001_bench_expand", "9002_bench_contract"]
    _forget_release(schemas, names)
    web = _serve()
    try:
        hosts = [f"{province.slug}.localhost" for province in bench]
        with Load(hosts, ["/", "/tin-tuc/"]) as load:
            time.sleep(5)
            baseline = load.summary()
            # Expand: a nullable column without default, a catalogue-only change; the running code
            # never names it (it lists its columns), so both old and new code read the table.
            expand_step = _release_step(
                names[0],
                previous,
                f'migrations.AddField("newspage", "{RELEASE_COLUMN}", models.TextField(blank=True, null=True))',
                load,
            )
            # Contract: the release after the one that stopped using the column drops it.
            contract_step = _release_step(
                names[1], names[0], f'migrations.RemoveField("newspage", "{RELEASE_COLUMN}")', load
            )
            time.sleep(2)
        result = load.summary()
    finally:
        web.terminate()
        web.wait(30)
        for name in names:  # the release's files, then what they did
            (Path(apps.get_app_config(RELEASE_APP).path) / "migrations" / f"{name}.py").unlink(missing_ok=True)
        _forget_release(schemas, names)
    return save(
        f"releases-{len(bench)}",
        {
            "provinces": len(bench),
            "release_under_load": {
                "load_threads": LOAD_THREADS,
                "expand": expand_step,
                "contract": contract_step,
                "whole_run": result,
                "first_5_seconds": baseline,
            },
        },
    )


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else "all"
    if command == "provinces":
        provinces(int(sys.argv[2]))
    elif command == "migrate":
        migrate()
    elif command == "onboarding":
        onboarding()
    elif command == "expand":
        return 0 if expand()["release_under_load"]["whole_run"]["failed"] == 0 else 1
    elif command == "all":
        provinces(int(sys.argv[2]) if len(sys.argv) > 2 else int(os.environ.get("BENCH_PROVINCES", 200)))
        migrate()
        onboarding()
        return 0 if expand()["release_under_load"]["whole_run"]["failed"] == 0 else 1
    else:
        raise SystemExit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main())
