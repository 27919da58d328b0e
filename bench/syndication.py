"""Benchmark: from publishing one national article to its copy being live in all N provinces.

    python bench/syndication.py              # N = 63, then 200
    python bench/syndication.py 63           # or BENCH_PROVINCES=63,200; BENCH_WORKERS=<concurrency>

It onboards one seed province, clones its schema into N throwaway provinces (bench_001, …; the
same tables and page tree onboarding makes), starts real `celery worker` processes, publishes a
national article with a featured image and waits until every province's delivery is recorded
and its copy is live. It reports the wall time, the wall time per province and the delivery
task's own time per province (`Delivery.duration_ms`), for a new article and for an edit of it.
The image's bytes differ at each run, so every province copies it, kept provinces included.
Goal (issue 5): under 50 ms of work per province, linear in N. Everything it creates is removed,
unless BENCH_KEEP=1: then the provinces stay and the next run reuses them (cloning 200 schemas
takes a long time on a small machine; the catalogue grows with every schema). Run it against the
same services as `make run` (`make bench` migrates the public schema first).
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "platform"))
import bootstrap

bootstrap.configure()

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.images import ImageFile  # noqa: E402
from django.db import connection  # noqa: E402
from django_tenants.utils import get_public_schema_name, schema_context, tenant_context  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402

from config.celery_app import app  # noqa: E402
from shared_apps.newsroom.models import Delivery, SyndicatedItem  # noqa: E402
from shared_apps.newsroom.pages.models import NationalNewsPage  # noqa: E402
from shared_apps.newsroom.services.sections import ensure_newsroom_sections  # noqa: E402
from tenant_apps.demo.content.media import banner_png  # noqa: E402
from tenant_apps.news.models import NewsPage  # noqa: E402
from tenants.models import Domain, Province  # noqa: E402
from tenants.registry import load_registry  # noqa: E402
from tenants.services import clone_schema, ensure_central_site, onboard_province  # noqa: E402

GOAL_MS_PER_PROVINCE = 50
SEED_SCHEMA = "bench_seed"
TIMEOUT_SECONDS = 900


def say(line: str) -> None:
    print(f"[syndication] {line}", flush=True)


def register_bench_province(number: int, schema: str) -> Province:
    """The province and domain rows of bench schema `schema` (already filled from the seed)."""
    province = Province.objects.create(
        schema_name=schema,
        code=f"B{number:03d}",
        name=f"Tỉnh thử nghiệm {number}",
        short_name=f"Thử nghiệm {number}",
        office_name=f"Bảo hiểm xã hội tỉnh thử nghiệm {number}",
        slug=f"bench-{number:03d}",
    )
    Domain.objects.create(domain=f"bench-{number:03d}.localhost", tenant=province, is_primary=True)
    return province


def bench_provinces() -> list[Province]:
    return list(Province.objects.filter(schema_name__regex=r"^bench_[0-9]{3}$").order_by("schema_name"))


def ensure_seed() -> Province:
    """The province every bench province is cloned from: onboarded once, suspended (not a receiver)."""
    seed = Province.objects.filter(schema_name=SEED_SCHEMA).first()
    if seed is None:
        onboarded = set(Province.objects.values_list("code", flat=True))
        code = next(unit.code for unit in load_registry().values() if unit.code not in onboarded)
        seed = onboard_province(code, schema_name=SEED_SCHEMA, domains=["bench-seed.localhost"]).province
    Province.objects.filter(pk=seed.pk).update(status=Province.Status.SUSPENDED)
    return seed


def create_provinces(count: int, existing: list[Province]) -> list[Province]:
    """Clone the seed schema until there are `count` bench provinces (kept ones are reused)."""
    started = time.perf_counter()
    provinces = list(existing)
    taken = {province.schema_name for province in existing}
    number = 0
    while len(provinces) < count:
        number += 1
        schema = f"bench_{number:03d}"
        if schema in taken:  # kept from a run that was stopped half-way through its clean-up
            continue
        with connection.cursor() as cursor:  # a clone interrupted before its row was written
            cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        clone_schema(SEED_SCHEMA, schema)
        provinces.append(register_bench_province(number, schema))
    if count > len(existing):
        say(f"{count - len(existing)} provinces cloned in {time.perf_counter() - started:.1f}s")
    return provinces


def receive_only(provinces: list[Province], count: int) -> list[Province]:
    """The first `count` bench provinces receive national items; the others are suspended meanwhile."""
    active, resting = provinces[:count], provinces[count:]
    Province.objects.filter(pk__in=[p.pk for p in active]).update(status=Province.Status.ACTIVE)
    Province.objects.filter(pk__in=[p.pk for p in resting]).update(status=Province.Status.SUSPENDED)
    return active


def start_workers(concurrency: int) -> subprocess.Popen:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(bootstrap.ROOT_DIR), str(bootstrap.PLATFORM_DIR)])
    env.setdefault("DATABASE_CONN_MAX_AGE", "600")  # workers keep their connections, as deploy/ runs them
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "config.celery_app", "worker", "--loglevel", "WARNING"]
        + ["--concurrency", str(concurrency), "--hostname", f"bench-{os.getpid()}@%h", "--without-mingle"],
        env=env,
        cwd=bootstrap.ROOT_DIR,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if app.control.ping(timeout=0.5, destination=[f"bench-{os.getpid()}@{os.uname().nodename}"]):
            return worker
    worker.terminate()
    raise SystemExit("the Celery worker did not start")


def wait_for_copies(item: SyndicatedItem, provinces: list[Province], since: float) -> float:
    """Seconds from `since` until every province has delivered this revision of the item."""
    deadline = time.monotonic() + TIMEOUT_SECONDS
    ids = [province.pk for province in provinces]
    while time.monotonic() < deadline:
        done = Delivery.objects.filter(
            item=item, province_id__in=ids, status=Delivery.Status.DELIVERED, delivered_revision_id=item.revision_id
        ).count()
        if done == len(ids):
            return time.perf_counter() - since
        time.sleep(0.02)
    raise SystemExit(f"timed out: {done}/{len(ids)} provinces delivered")


def publish_and_measure(page: NationalNewsPage, provinces: list[Province], label: str, workers: int) -> dict:
    """Publish `page`; time until every province's copy is live. Worker time = wall × worker processes."""
    started = time.perf_counter()
    page.save_revision().publish()  # page_published → fan-out task after commit (autocommit here)
    item = SyndicatedItem.objects.get(central_page_id=page.pk)
    wall = wait_for_copies(item, provinces, started)
    durations = list(Delivery.objects.filter(item=item, province__in=provinces).values_list("duration_ms", flat=True))
    live = 0
    for province in provinces:
        with tenant_context(province):
            live += NewsPage.objects.filter(syndication_key=item.key, live=True, title=page.title).count()
    connection.set_schema_to_public()
    if live != len(provinces):
        raise SystemExit(f"{label}: only {live}/{len(provinces)} copies are live")
    result = {
        "label": label,
        "n": len(provinces),
        "wall_s": wall,
        "wall_ms_per_province": wall * 1000 / len(provinces),
        "worker_ms_per_province": wall * 1000 * workers / len(provinces),
        "task_ms_mean": statistics.mean(durations),
        "task_ms_median": statistics.median(durations),
        "task_ms_p95": sorted(durations)[int(len(durations) * 0.95) - 1],
    }
    say(
        f"N={result['n']:>3} {label:<11} wall {wall:6.2f}s = {result['wall_ms_per_province']:5.1f} ms/province "
        f"({result['worker_ms_per_province']:5.1f} ms of worker time); "
        f"inside the delivery task {result['task_ms_mean']:5.1f} ms mean, {result['task_ms_median']:g} ms median, "
        f"{result['task_ms_p95']} ms p95"
    )
    return result


def cleanup(pages: list[NationalNewsPage], provinces: list[Province], seed: Province | None, keep: bool) -> None:
    connection.set_schema_to_public()
    SyndicatedItem.objects.filter(central_page_id__in=[page.pk for page in pages]).delete()
    images = [page.featured_image for page in pages if page.featured_image_id]
    for page in pages:
        page.delete()
    for image in {image.pk: image for image in images}.values():
        image.delete()  # Wagtail removes the file too
    if keep:
        for province in provinces:
            with tenant_context(province):
                for copy in NewsPage.objects.filter(syndication_key__isnull=False):
                    copy.delete()
        connection.set_schema_to_public()
        say(f"kept {len(provinces)} bench provinces and the seed (BENCH_KEEP); removed {len(pages)} articles")
        return
    for province in [*provinces, *([seed] if seed else [])]:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP SCHEMA IF EXISTS "{province.schema_name}" CASCADE')
        Domain.objects.filter(tenant=province).delete()
        Province.objects.filter(pk=province.pk).delete()
        shutil.rmtree(Path(settings.MEDIA_ROOT) / province.schema_name, ignore_errors=True)
    say(f"removed {len(provinces)} bench provinces, the seed and {len(pages)} national articles")


def _stop(signum, frame):
    raise SystemExit(f"stopped by signal {signum}")  # so that the clean-up below still runs


def main() -> int:
    arguments = sys.argv[1:] or os.environ.get("BENCH_PROVINCES", "63,200").split(",")
    sizes = sorted({int(size) for size in arguments})
    concurrency = int(os.environ.get("BENCH_WORKERS", os.cpu_count() or 2))
    keep = bool(os.environ.get("BENCH_KEEP"))
    signal.signal(signal.SIGTERM, _stop)
    connection.set_schema_to_public()
    ensure_central_site(["localhost"])
    news_index, _ = ensure_newsroom_sections()
    provinces = bench_provinces()
    seed = Province.objects.filter(schema_name=SEED_SCHEMA).first()
    others = (
        Province.objects.exclude(code="").exclude(pk__in=[p.pk for p in provinces]).exclude(schema_name=SEED_SCHEMA)
    )
    if others.filter(status=Province.Status.ACTIVE).exists():
        say(f"note: {others.count()} other provinces exist and receive the articles too (not counted in N)")

    pages, results = [], []
    worker = None
    try:
        seed = ensure_seed()
        worker = start_workers(concurrency)
        say(f"worker: {concurrency} processes; sizes {sizes}")
        with schema_context(get_public_schema_name()):
            image = get_image_model()(title="Ảnh tin toàn ngành (benchmark)")
            footer = f"benchmark {time.strftime('%Y-%m-%d %H:%M:%S')}"  # new bytes: no province has it yet
            png = banner_png("Hội nghị triển khai nhiệm vụ toàn ngành", "BHXH Việt Nam", footer, (0, 84, 166))
            image.file = ImageFile(io.BytesIO(png), name="bench-syndication.png")
            image.save()
        provinces = create_provinces(max(sizes), provinces)
        for size in sizes:
            receiving = receive_only(provinces, size)
            page = NationalNewsPage(
                title=f"Tin toàn ngành thử tải {size} tỉnh",
                slug=f"bench-syndication-{size}",
                summary="Bài thử tải phân phối tin toàn ngành.",
                body="<p>" + "Nội dung bài viết về bảo hiểm xã hội, bảo hiểm y tế. " * 60 + "</p>",
                author="Ban Tuyên truyền",
                featured_image=image,
                featured_image_alt="Hội nghị toàn ngành",
                live=False,
            )
            news_index.add_child(instance=page)
            pages.append(page)
            if size == sizes[0]:
                warm = NationalNewsPage(title="Khởi động", slug="bench-warm-up", body="<p>.</p>", author="-")
                news_index.add_child(instance=warm)
                pages.append(warm)
                publish_and_measure(warm, receiving, "warm-up", concurrency)
            results.append(publish_and_measure(page, receiving, "new article", concurrency))
            page.title += " (đã sửa)"
            results.append(publish_and_measure(page, receiving, "edit", concurrency))
    finally:
        if worker:
            worker.terminate()
            worker.wait(timeout=60)
        receive_only(provinces, len(provinces))
        cleanup(pages, provinces, seed, keep)

    new = [result for result in results if result["label"] == "new article"]
    if len(new) > 1:
        growth = new[-1]["wall_s"] / new[0]["wall_s"]
        say(f"N {new[0]['n']} → {new[-1]['n']} (×{new[-1]['n'] / new[0]['n']:.1f}): wall time ×{growth:.2f}")
    worst = max(result["worker_ms_per_province"] for result in results)
    verdict = "met" if worst < GOAL_MS_PER_PROVINCE else "NOT met"
    say(f"goal < {GOAL_MS_PER_PROVINCE} ms of worker time per province: {verdict} (worst {worst:.1f} ms)")
    return 0 if worst < GOAL_MS_PER_PROVINCE else 1


if __name__ == "__main__":
    sys.exit(main())
