"""Fault benchmarks against `make cluster` (deploy/cluster.py), on loopback, each bounded in time.

    python bench/cluster/run.py [node|postgres|redis|celery ...]     all four when none is named

node      GET load on several provinces through nginx (uncached: a session cookie), one app node killed
          (SIGKILL, gunicorn and its workers) a third of the way in: share of failed requests (goal 0).
postgres  a writer commits rows through pgbouncer; the primary's host "dies" (its pg_autoctl keeper
          and PostgreSQL SIGKILLed) and nothing else is done: pg_auto_failover's monitor detects it
          and promotes the standby, the watcher repoints pgbouncer. Seconds until the monitor names
          the new primary, until pgbouncer points at it, until writes work again; committed
          (acknowledged) rows missing afterwards (goal 0). Then the old primary's keeper is started
          again and the seconds until it is a synchronous standby (pg_rewind) are measured. Run it
          twice (`postgres postgres`) for both directions.
redis     the same GET load; the Redis master is killed: failed requests while Sentinel fails over,
          seconds until Sentinel names the new master and until the application writes to it.
celery    a national article is published and one node's Celery worker is killed mid-delivery:
          copies per province once the other worker and the outbox sweep are done (goal exactly 1).

Load is modest (BENCH_CONNECTIONS=8 client threads; the machine is shared). Results go to
bench/results/cluster.json (one key per benchmark) and bench/README.md.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "deploy"))

import cluster  # noqa: E402
import stack  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "cluster.json"
HOSTS = ("hanoi.localhost", "hcm.localhost", "danang.localhost", "localhost")
PATHS = ("/", "/tin-tuc/", "/van-ban/", "/khong-co-trang-nay/")
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))


def say(line: str) -> None:
    print(f"[cluster-bench] {line}", flush=True)


class Load:
    """GET requests from CONNECTIONS threads through nginx, past its page cache, until stopped."""

    def __init__(self) -> None:
        self.ok = self.failed = 0
        self.failures: list[tuple[float, str]] = []
        self.started = time.monotonic()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._run, args=(n,)) for n in range(CONNECTIONS)]

    def __enter__(self) -> Load:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join()

    def _run(self, number: int) -> None:
        count = number
        while not self._stop.is_set():
            host, path = HOSTS[count % len(HOSTS)], PATHS[(count // len(HOSTS)) % len(PATHS)]
            count += 1
            connection = http.client.HTTPConnection("127.0.0.1", cluster.HTTP_PORT, timeout=30)
            try:
                connection.request("GET", path, headers={"Host": host, "Cookie": "sessionid=bench-bypasses-cache"})
                status = connection.getresponse().status
                problem = "" if status in (200, 404) else f"{host}{path}: {status}"
            except OSError as error:
                problem = f"{host}{path}: {error!r}"
            finally:
                connection.close()
            with self._lock:
                if problem:
                    self.failed += 1
                    self.failures.append((round(time.monotonic() - self.started, 1), problem))
                else:
                    self.ok += 1

    def summary(self) -> dict:
        total = self.ok + self.failed
        return {
            "requests": total,
            "failed": self.failed,
            "failed_share": round(self.failed / total, 5) if total else None,
            "requests_per_second": round(total / (time.monotonic() - self.started), 1),
            "first_failures": self.failures[:5],
        }


def restart_node_processes(env_node: str, names: list[str]) -> None:
    env = cluster.cluster_environment(env_node)
    for name in names:
        kind = name.split("-")[0]
        command = stack.PYTHON_COMMANDS[kind]
        if kind == "worker":
            command = [*command, "--hostname", f"{env_node}@%h", "--concurrency", "2"]
        stack.spawn(cluster.CLUSTER, name, command, env)


def kill_group(name: str) -> None:
    os.killpg(int((cluster.CLUSTER / "run" / f"{name}.pid").read_text()), signal.SIGKILL)


def bench_node(seconds: float = float(os.environ.get("BENCH_SECONDS", "60"))) -> dict:
    with Load() as load:
        time.sleep(seconds / 3)
        kill_group("gunicorn-node1")
        killed_at = time.monotonic() - load.started
        say(f"node1's gunicorn killed at {killed_at:.1f} s")
        time.sleep(seconds * 2 / 3)
    restart_node_processes("node1", ["gunicorn-node1"])
    result = {"seconds": seconds, "killed_at_second": round(killed_at, 1), "connections": CONNECTIONS}
    return result | load.summary()


def pg_write_loop(stop: threading.Event, acknowledged: list[int], errors: list[float], started: float) -> None:
    import psycopg2

    connection = None
    while not stop.is_set():
        try:
            if connection is None:
                connection = psycopg2.connect(
                    host="127.0.0.1", port=cluster.PGBOUNCER_PORT, dbname="bhxh", user="bhxh", password="bhxh",
                    connect_timeout=2,
                )  # fmt: skip
                connection.autocommit = True
                with connection.cursor() as cursor:
                    cursor.execute("SET statement_timeout = 5000")  # a write waiting on no one ends
            with connection.cursor() as cursor:
                cursor.execute("INSERT INTO bench_cluster_writes DEFAULT VALUES RETURNING id")
                acknowledged.append(cursor.fetchone()[0])  # committed: the server said so
        except psycopg2.Error:
            errors.append(time.monotonic() - started)
            connection = None
            time.sleep(0.1)
        time.sleep(0.01)


def crash_node(name: str) -> None:
    """The whole database host gone: its keeper and its PostgreSQL killed (SIGKILL), nothing shut
    down cleanly. (Killing only the postmaster is a smaller fault: the keeper restarts it in place.)"""
    postmaster = int((cluster.PG_DIR / name / "postmaster.pid").read_text().split()[0])
    kill_group(f"autoctl-{name}")
    try:
        os.kill(postmaster, signal.SIGKILL)
        for _ in range(100):  # until it is gone: a commit under way may still be acknowledged before
            os.kill(postmaster, 0)
            time.sleep(0.05)
    except ProcessLookupError:
        pass


def bench_postgres() -> dict:
    """No promotion by the bench: pg_auto_failover's monitor detects the crash and promotes the
    standby; the watcher (cluster.py follow) points pgbouncer at it."""
    import psycopg2

    setup = psycopg2.connect(host="127.0.0.1", port=cluster.PGBOUNCER_PORT, dbname="bhxh", user="bhxh", password="bhxh")
    setup.autocommit = True
    with setup.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_cluster_writes")
        cursor.execute("CREATE TABLE bench_cluster_writes (id bigserial PRIMARY KEY, at timestamptz DEFAULT now())")
    setup.close()
    old_primary, old_port = cluster.current_primary()
    stop, acknowledged, errors = threading.Event(), [], []
    started = time.monotonic()
    writer = threading.Thread(target=pg_write_loop, args=(stop, acknowledged, errors, started))
    writer.start()
    time.sleep(5)
    load_average = os.getloadavg()
    crashed = time.monotonic()
    crash_node(old_primary)
    acknowledged_before = len(acknowledged)  # any write acknowledged from now on is the new primary's
    say(f"{old_primary} crashed (keeper and PostgreSQL killed) after {acknowledged_before} committed writes")
    named = repointed = None
    while len(acknowledged) == acknowledged_before and time.monotonic() - crashed < 120:
        if named is None and (cluster.current_primary() or (old_primary,))[0] != old_primary:
            named = time.monotonic() - crashed
        if repointed is None and cluster.pgbouncer_target() != old_port:
            repointed = time.monotonic() - crashed
        time.sleep(0.05)
    writes_again = time.monotonic() - crashed
    time.sleep(3)
    stop.set()
    writer.join()
    new = psycopg2.connect(host="127.0.0.1", port=cluster.PGBOUNCER_PORT, dbname="bhxh", user="bhxh", password="bhxh")
    with new.cursor() as cursor:
        cursor.execute("SELECT id FROM bench_cluster_writes")
        present = {row[0] for row in cursor.fetchall()}
        cursor.execute("DROP TABLE bench_cluster_writes")
    new.commit()
    new.close()
    lost = [number for number in acknowledged if number not in present]
    new_primary = cluster.current_primary()[0]
    say(f"{new_primary} is the primary; restarting {old_primary}'s keeper: it rejoins as a standby (pg_rewind)")
    restarted = time.monotonic()
    cluster.start_keeper(old_primary)
    cluster.wait_for(f"{old_primary} back as a synchronous standby", cluster.synchronous_pair, 180)
    rejoined = time.monotonic() - restarted
    return {
        "crashed": old_primary,
        "new_primary": new_primary,
        "committed_writes": len(acknowledged),
        "committed_writes_lost": len(lost),
        "seconds_until_monitor_names_new_primary": round(named, 2) if named is not None else None,
        "seconds_until_pgbouncer_repointed": round(repointed, 2) if repointed is not None else None,
        "seconds_until_writes_work_again": round(writes_again, 2),
        "failed_write_attempts": len(errors),
        "seconds_until_old_primary_is_synchronous_standby_again": round(rejoined, 1),
        "monitor_timeouts_ms": cluster.MONITOR_TIMEOUTS,
        "load_average_1_5_15": [round(value, 2) for value in load_average],
        "note": "automatic: detection + promotion (pg_auto_failover) + pgbouncer repoint (watcher); "
        "the bench only kills the primary's host processes",
    }


def sentinel_master() -> int:
    answer = subprocess.run(
        ["redis-cli", "-p", str(cluster.SENTINEL_PORTS[0]), "sentinel", "get-master-addr-by-name", "bhxh"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return int(answer.stdout.split()[1])


def redis_keys(port: int) -> int:
    answer = subprocess.run(["redis-cli", "-p", str(port), "dbsize"], capture_output=True, text=True)
    return int(answer.stdout.strip() or 0)


def bench_redis(seconds: float = 45) -> dict:
    old_port = sentinel_master()
    old_name = next(name for name, port in cluster.REDIS_PORTS.items() if port == old_port)
    with Load() as load:
        time.sleep(10)
        killed = time.monotonic()
        os.kill(int((cluster.CLUSTER / "run" / f"{old_name}.pid").read_text()), signal.SIGKILL)
        say(f"Redis master {old_name} (:{old_port}) killed")
        while sentinel_master() == old_port and time.monotonic() - killed < 60:
            time.sleep(0.2)
        new_port = sentinel_master()
        elected = time.monotonic() - killed
        baseline = redis_keys(new_port)
        while redis_keys(new_port) <= baseline and time.monotonic() - killed < 60:
            time.sleep(0.2)
        app_writes = time.monotonic() - killed
        time.sleep(max(0.0, seconds - 10 - app_writes))
    # The old master comes back as a replica of the new one (Sentinel would tell it so, too).
    stack.start_redis(cluster.CLUSTER, old_name, old_port, ("--replicaof", "127.0.0.1", str(new_port)))
    return {
        "seconds": seconds,
        "seconds_until_sentinel_names_new_master": round(elected, 1),
        "seconds_until_the_application_writes_to_it": round(app_writes, 1),
        "new_master_port": new_port,
    } | load.summary()


def bench_celery(timeout: float = 180) -> dict:
    os.environ.update(cluster.cluster_environment("node2"))
    os.environ["NEWSROOM_PENDING_RESEND_SECONDS"] = "15"  # the sweep below; production: 120 s, beat every minute
    sys.path.insert(0, str(ROOT / "platform"))
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count
    from django_tenants.utils import tenant_context

    from shared_apps.newsroom.models import Delivery, SyndicatedItem
    from shared_apps.newsroom.pages.models import NationalNewsPage
    from shared_apps.newsroom.services.sections import ensure_newsroom_sections
    from shared_apps.newsroom.tasks import resend_stalled_deliveries
    from tenant_apps.news.models import NewsPage
    from tenants.models import Province

    connection.set_schema_to_public()
    news_index, _ = ensure_newsroom_sections()
    page = NationalNewsPage(
        title=f"Tin toàn ngành khi một tiến trình nền dừng {int(time.time())}",
        slug=f"bench-cluster-celery-{int(time.time())}",
        summary="Bài thử phân phối khi một tiến trình Celery bị dừng giữa chừng.",
        body="<p>" + "Nội dung về bảo hiểm xã hội. " * 30 + "</p>",
        author="Ban Tuyên truyền",
        live=False,
    )
    news_index.add_child(instance=page)
    page.save_revision().publish()
    time.sleep(0.3)  # deliveries under way
    kill_group("worker-node1")
    killed = time.monotonic()
    say("node1's Celery worker killed mid-delivery")
    item = SyndicatedItem.objects.get(central_page_id=page.pk)
    provinces = list(Province.objects.filter(status=Province.Status.ACTIVE).exclude(code=""))
    deliveries = Delivery.objects.filter(item=item)
    last_sweep = 0.0
    while deliveries.exclude(status=Delivery.Status.DELIVERED).exists() and time.monotonic() - killed < timeout:
        if time.monotonic() - last_sweep > 5:
            resend_stalled_deliveries()  # beat's job
            last_sweep = time.monotonic()
        time.sleep(0.5)
    done = time.monotonic() - killed
    copies = {}
    for province in provinces:
        with tenant_context(province):
            copies[province.code] = NewsPage.objects.filter(syndication_key=item.key, live=True).aggregate(
                n=Count("pk")
            )["n"]
    connection.set_schema_to_public()
    restart_node_processes("node1", ["worker-node1"])
    page.delete()
    return {
        "provinces": len(provinces),
        "copies_per_province": copies,
        "provinces_without_exactly_one_copy": sum(1 for n in copies.values() if n != 1),
        "seconds_until_all_delivered": round(done, 1),
        "resends_by_the_sweep": sum(deliveries.values_list("resends", flat=True)),
    }


BENCHES = {"node": bench_node, "postgres": bench_postgres, "redis": bench_redis, "celery": bench_celery}


def main(names: list[str]) -> int:
    if not (cluster.CLUSTER / "run" / "gunicorn-node1.pid").exists():
        raise SystemExit("[cluster-bench] the cluster is not running: make cluster")
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    done: list[str] = []
    for name in names or list(BENCHES):
        say(f"--- {name}")
        result = {"date": time.strftime("%Y-%m-%d %H:%M:%S")} | BENCHES[name]()
        say(json.dumps(result, ensure_ascii=False))
        done.append(name)
        results[name if done.count(name) == 1 else f"{name}-{done.count(name)}"] = result
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
