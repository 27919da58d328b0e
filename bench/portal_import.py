"""Benchmark: importing an old portal of N articles, each with an image, into one province.

    python bench/portal_import.py            # N = 1,000 (what `make bench` runs: about a minute)
    python bench/portal_import.py 10000      # the goal's size (BENCH_ARTICLES=10000 does the same)

It onboards a throwaway province (schema `bench_import`), serves a generated old portal
(tests/factories/old_portal.py) on 127.0.0.1 with no politeness delay, and runs the same service
as `manage.py import_portal` in this process: every article is fetched, extracted with trafilatura,
its image stored as a Wagtail image in the province's media, the page written and its old URL
redirected. It reports the wall time, articles per second, the load average of the machine, and this
process's resident memory at the start, after every 1,000 URLs and at the end of the run (it must
stay flat: nothing is kept per article).
Goal (issue 18): 10,000 articles in ≤ 10 minutes on the reference machine, memory flat. The
province, its schema and media are removed afterwards unless BENCH_KEEP=1.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "platform"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import bootstrap

bootstrap.ensure_services_in_environment()  # run on its own, it starts the embedded servers as manage.py does
bootstrap.configure()

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django_tenants.utils import tenant_context  # noqa: E402

from tenant_apps.news.models import NewsPage  # noqa: E402
from tenant_apps.portal_import.services import request_run, run_import  # noqa: E402
from tenants.models import Province  # noqa: E402
from tenants.registry import load_registry  # noqa: E402
from tenants.services import onboard_province  # noqa: E402
from tests.factories.old_portal import OldPortal  # noqa: E402

SCHEMA = "bench_import"
GOAL_SECONDS = 600
RESULTS = Path(__file__).resolve().parent / "results" / "portal_import.json"


def say(line: str) -> None:
    print(f"[portal_import] {line}", flush=True)


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return round(int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


def bench_province() -> Province:
    province = Province.objects.filter(schema_name=SCHEMA).first()
    if province is None:
        onboarded = set(Province.objects.values_list("code", flat=True))
        code = next(unit.code for unit in load_registry().values() if unit.code not in onboarded)
        province = onboard_province(code, schema_name=SCHEMA, domains=["bench-import.localhost"]).province
    return province


def remove(province: Province) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE')
    province.import_runs.all().delete()
    province.domains.all().delete()
    Province.objects.filter(pk=province.pk).delete()
    shutil.rmtree(Path(settings.MEDIA_ROOT) / SCHEMA, ignore_errors=True)


def main() -> None:
    articles = int(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("BENCH_ARTICLES", "1000"))
    call_command("migrate_schemas", schema_name="public", interactive=False, verbosity=0)
    province = bench_province()
    portal = OldPortal(news=articles, documents=0, questions=0)
    memory: dict[str, float] = {}
    load = {"start": os.getloadavg()}
    with portal.serve() as base_url:
        run, _ = request_run(province, base_url, delay_seconds=0, requested_by="bench")
        memory["start"] = rss_mb()
        started = time.perf_counter()

        def progress(line: str) -> None:
            mark = f"{run.processed // 1000 * 1000}"
            if run.processed >= 1000 and mark not in memory:
                memory[mark] = rss_mb()
                say(f"{line}  ({time.perf_counter() - started:.0f} s, RSS {memory[mark]} MB)")

        run_import(run, report=progress)
        seconds = time.perf_counter() - started
        memory["end"] = rss_mb()
        load["end"] = os.getloadavg()
    with tenant_context(province):
        pages = NewsPage.objects.count()
    result = {
        "measured_at": time.strftime("%Y-%m-%d %H:%M:%S"),
        "cpus": os.cpu_count(),
        "articles": articles,
        "news_pages": pages,
        "urls_processed": run.processed,
        "imported": run.imported,
        "skipped": run.skipped,
        "seconds": round(seconds, 1),
        "articles_per_second": round(pages / seconds, 2),
        "projected_seconds_for_10000": round(seconds * 10000 / max(pages, 1)),
        "rss_mb": memory,
        "load_average_1_5_15_min": load,
        "goal_seconds_for_10000": GOAL_SECONDS,
    }
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    say(json.dumps(result, ensure_ascii=False))
    if not os.environ.get("BENCH_KEEP"):
        remove(province)


if __name__ == "__main__":
    main()
