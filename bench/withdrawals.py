"""Benchmark: "Đính chính" and "Gỡ tin" of one national article, cascaded to N provinces (issue 19).

    python bench/withdrawals.py              # N = 63, then 200
    python bench/withdrawals.py 63           # or BENCH_PROVINCES=63,200; BENCH_WORKERS=<concurrency>

It reuses bench/syndication.py's provinces (the seed cloned into bench_001, …; BENCH_KEEP=1 keeps
them) and real `celery worker` processes. Per N it publishes a national article and waits until every
province has its copy, then corrects it (waits until every province's copy is delivered anew) and
withdraws it (waits until every copy is unpublished), each time until the centre's completion report
says every province is done. It reports the wall time, the wall time per province, the worker time
per province (wall × worker processes) and the delivery task's own time (`Delivery.duration_ms`).
Goal: the same per-province work as a delivery, under 50 ms.
"""

from __future__ import annotations

import os
import signal
import statistics
import sys
import time
from functools import partial

import syndication  # sets Django up
from django.contrib.auth import get_user_model
from django.db import connection
from django_tenants.utils import tenant_context

from shared_apps.newsroom.models import Delivery, NationalNotice, SyndicatedItem
from shared_apps.newsroom.pages.models import NationalNewsPage
from shared_apps.newsroom.services.sections import ensure_newsroom_sections
from shared_apps.newsroom.services.withdrawals import cascade_report, correct_item, withdraw_item
from tenant_apps.news.models import NewsPage
from tenants.models import Province
from tenants.services import ensure_central_site

GOAL_MS_PER_PROVINCE = 50


def say(line: str) -> None:
    print(f"[withdrawals] {line}", flush=True)


def wait_for_report(notice: NationalNotice, count: int, since: float) -> tuple[float, int]:
    """Seconds from `since` until the completion report shows every province done (at least `count`:
    other active provinces receive the item too), and how many provinces it counts."""
    deadline = time.monotonic() + syndication.TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        report = cascade_report(notice)
        if report.complete and len(report.rows) >= count:
            return time.perf_counter() - since, len(report.rows)
        if report.failed:
            raise SystemExit(f"{report.failed} provinces failed: {[row.error for row in report.rows if row.error][:3]}")
        time.sleep(0.02)
    raise SystemExit(f"timed out: {cascade_report(notice).done}/{count} provinces done")


def measure(label: str, act, item: SyndicatedItem, provinces: list[Province], workers: int) -> dict:
    started = time.perf_counter()
    notice = act()
    wall, n = wait_for_report(notice, len(provinces), started)
    durations = list(Delivery.objects.filter(item=item, province__in=provinces).values_list("duration_ms", flat=True))
    result = {
        "label": label,
        "n": n,
        "wall_s": wall,
        "wall_ms_per_province": wall * 1000 / n,
        "worker_ms_per_province": wall * 1000 * workers / n,
        "task_ms_mean": statistics.mean(durations),
        "task_ms_median": statistics.median(durations),
    }
    say(
        f"N={result['n']:>3} {label:<10} wall {wall:6.2f}s = {result['wall_ms_per_province']:5.1f} ms/province "
        f"({result['worker_ms_per_province']:5.1f} ms of worker time); "
        f"inside the delivery task {result['task_ms_mean']:5.1f} ms mean, {result['task_ms_median']:g} ms median"
    )
    return result


def check_copies(item: SyndicatedItem, provinces: list[Province], *, live: bool) -> None:
    wrong = 0
    for province in provinces:
        with tenant_context(province):
            wrong += not NewsPage.objects.filter(syndication_key=item.key, live=live).exists()
    connection.set_schema_to_public()
    if wrong:
        raise SystemExit(f"{wrong}/{len(provinces)} copies are not {'live' if live else 'withdrawn'}")


def main() -> int:
    arguments = sys.argv[1:] or os.environ.get("BENCH_PROVINCES", "63,200").split(",")
    sizes = sorted({int(size) for size in arguments})
    concurrency = int(os.environ.get("BENCH_WORKERS", os.cpu_count() or 2))
    keep = bool(os.environ.get("BENCH_KEEP"))
    signal.signal(signal.SIGTERM, syndication._stop)
    connection.set_schema_to_public()
    ensure_central_site(["localhost"])
    news_index, _ = ensure_newsroom_sections()
    editor = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    provinces = syndication.bench_provinces()
    seed = Province.objects.filter(schema_name=syndication.SEED_SCHEMA).first()
    pages, results, worker = [], [], None
    try:
        seed = syndication.ensure_seed()
        worker = syndication.start_workers(concurrency)
        say(f"worker: {concurrency} processes; sizes {sizes}")
        provinces = syndication.create_provinces(max(sizes), provinces)
        for size in sizes:
            receiving = syndication.receive_only(provinces, size)
            page = NationalNewsPage(
                title=f"Tin toàn ngành sẽ đính chính rồi gỡ ({size} tỉnh)",
                slug=f"bench-withdrawal-{size}",
                summary="Bài thử tải gỡ tin và đính chính.",
                body="<p>" + "Nội dung bài viết về bảo hiểm xã hội, bảo hiểm y tế. " * 60 + "</p>",
                author="Ban Tuyên truyền",
                live=False,
            )
            news_index.add_child(instance=page)
            pages.append(page)
            page.save_revision().publish()
            item = SyndicatedItem.objects.get(central_page_id=page.pk)
            syndication.wait_for_copies(item, receiving, time.perf_counter())
            if size == sizes[0]:  # warm the workers up with one correction, not measured
                notice = correct_item(item, "Khởi động.", user=editor)
                wait_for_report(notice, len(receiving), time.perf_counter())
            text = "Số liệu đúng là 1.234 người tham gia, không phải 1.243 người."
            results.append(
                measure("correction", partial(correct_item, item, text, user=editor), item, receiving, concurrency)
            )
            check_copies(item, receiving, live=True)
            reason = "Thông tin chưa được kiểm chứng; Trung ương gỡ để rà soát."
            results.append(
                measure("withdrawal", partial(withdraw_item, item, reason, user=editor), item, receiving, concurrency)
            )
            check_copies(item, receiving, live=False)
    finally:
        if worker:
            worker.terminate()
            worker.wait(timeout=60)
        syndication.receive_only(provinces, len(provinces))
        syndication.cleanup(pages, provinces, seed, keep)

    worst = max(result["worker_ms_per_province"] for result in results)
    verdict = "met" if worst < GOAL_MS_PER_PROVINCE else "NOT met"
    say(f"goal < {GOAL_MS_PER_PROVINCE} ms of worker time per province: {verdict} (worst {worst:.1f} ms)")
    return 0 if worst < GOAL_MS_PER_PROVINCE else 1


if __name__ == "__main__":
    sys.exit(main())
