"""The highly available topology on this machine, on loopback: `make cluster` / `make cluster-stop`.

    python deploy/cluster.py start     PostgreSQL primary + synchronous streaming standby, pgbouncer,
                                       Redis master + replica + 3 sentinels, 2 application nodes
                                       (gunicorn + Celery worker each), one beat, nginx in front
    python deploy/cluster.py promote   the standby becomes the primary; pgbouncer is pointed at it
    python deploy/cluster.py stop      stop all of them (data stays in data/cluster/)
    python deploy/cluster.py env       the environment the application processes run with

Everything deploy/stack.py starts, in several copies, on ports of its own (it may run beside the
stack): http://<host>:8180/ and https://<host>:8543/. deploy/README.md ("High availability")
describes the same topology on real hosts; bench/cluster/ breaks it and measures.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pgbouncer
import stack
from stack import PG_BIN, as_postgres, kill_from_pid_file, psql, say, spawn, stop_postgres

CLUSTER = Path(os.environ.get("BHXH_CLUSTER_DIR", stack.bootstrap.data_dir() / "cluster"))
PG_PORTS = {"postgres-a": 5545, "postgres-b": 5546}
PGBOUNCER_PORT = 6433
REDIS_PORTS = {"redis-1": 6393, "redis-2": 6394}
SENTINEL_PORTS = (26393, 26394, 26395)
REDIS_MASTER_NAME = "bhxh"
NODES = {"node1": 8021, "node2": 8022}
HTTP_PORT, HTTPS_PORT = 8180, 8543
STANDBY_NAME = "standby"
PRIMARY_SETTINGS = "-c synchronous_commit=on -c wal_keep_size=256MB -c shared_buffers=128MB"
STANDBY_SETTINGS = f"-c cluster_name={STANDBY_NAME} -c hot_standby=on -c shared_buffers=128MB"


def primary_name() -> str:
    marker = CLUSTER / "primary"
    return marker.read_text().strip() if marker.exists() else "postgres-a"


def standby_name() -> str:
    return next(name for name in PG_PORTS if name != primary_name())


def cluster_environment(node: str = "node1") -> dict[str, str]:
    sentinels = ",".join(f"127.0.0.1:{port}" for port in SENTINEL_PORTS)
    return stack.stack_environment(
        CLUSTER,
        {
            # Through pgbouncer, which a failover points at the new primary.
            "DATABASE_URL": f"postgres://bhxh:bhxh@127.0.0.1:{PGBOUNCER_PORT}/bhxh",
            "REDIS_URL": f"redis://{REDIS_MASTER_NAME}/0",
            "REDIS_SENTINELS": sentinels,
            "WAGTAILADMIN_BASE_URL": f"https://localhost:{HTTPS_PORT}",
            "PUBLIC_URL_PORT": str(HTTP_PORT),
            "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{HTTP_PORT}",
            # Every node writes media to the same folder (on real hosts: a network volume).
            "PROMETHEUS_MULTIPROC_DIR": str(CLUSTER / "run" / f"prometheus-{node}"),
            "GUNICORN_BIND": f"127.0.0.1:{NODES[node]}",
            "GUNICORN_WORKERS": os.environ.get("GUNICORN_WORKERS", "2"),
        },
    )


# --- PostgreSQL -------------------------------------------------------------------------


def start_primary() -> None:
    stack.start_postgres(CLUSTER, primary_name(), PG_PORTS[primary_name()], PRIMARY_SETTINGS)


def synchronous_standby(name: str) -> None:
    """No committed write may be lost: with a name, a commit returns once that standby has it on
    disk too; without one (a promoted primary whose standby is gone), commits wait for nobody, or
    no write could commit until a new standby is attached."""
    primary = PG_PORTS[primary_name()]
    psql(CLUSTER, primary, f"ALTER SYSTEM SET synchronous_standby_names = '{name}'")
    psql(CLUSTER, primary, "SELECT pg_reload_conf()")


def start_standby() -> None:
    """The standby, copied afresh from the primary (pg_basebackup) unless it already follows it."""
    name = standby_name()
    data = CLUSTER / name
    if not (data / "standby.signal").exists():
        stop_postgres(data, "immediate")
        shutil.rmtree(data, ignore_errors=True)
        data.mkdir(parents=True)
        shutil.chown(data, "postgres", "postgres")
        os.chmod(data, 0o700)
        as_postgres(
            [
                str(PG_BIN / "pg_basebackup"), "-h", "127.0.0.1", "-p", str(PG_PORTS[primary_name()]),
                "-U", "postgres", "-D", str(data), "-X", "stream", "-R", "--checkpoint=fast",
            ]
        )  # fmt: skip
    stack.start_postgres(CLUSTER, name, PG_PORTS[name], STANDBY_SETTINGS)
    synchronous_standby(STANDBY_NAME)


def render_pgbouncer() -> Path:
    folder = CLUSTER / "pgbouncer"
    folder.mkdir(exist_ok=True)
    (folder / "userlist.txt").write_text('"bhxh" "bhxh"\n"postgres" ""\n')
    ini = pgbouncer.render(
        folder,
        {
            "BHXH_PG_HOST": "127.0.0.1",
            "BHXH_PG_PORT": str(PG_PORTS[primary_name()]),
            "BHXH_PGBOUNCER_PORT": str(PGBOUNCER_PORT),
            "BHXH_PGBOUNCER_SOCKET_DIR": "",
            "BHXH_PGBOUNCER_AUTH_TYPE": "md5",
            "BHXH_PGBOUNCER_AUTH_FILE": str(folder / "userlist.txt"),
            "BHXH_PGBOUNCER_RUN_DIR": str(folder),
            "BHXH_PGBOUNCER_LOG": str(folder / "pgbouncer.log"),
        },
    )
    for path in (folder, *folder.iterdir()):
        shutil.chown(path, "postgres", "postgres")
    return ini


def promote() -> int:
    """The standby becomes the primary, pgbouncer reconnects to it (RELOAD). The old primary is
    rebuilt as a standby of the new one at the next `start`."""
    new_primary = standby_name()
    old_primary = primary_name()
    try:  # if it still runs, it must take no more writes
        stop_postgres(CLUSTER / old_primary, "immediate")
    except subprocess.CalledProcessError:
        pass
    as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(CLUSTER / new_primary), "-w", "promote"], stdout=subprocess.DEVNULL)
    (CLUSTER / "primary").write_text(new_primary)
    synchronous_standby("")
    pgbouncer.reload(render_pgbouncer())
    say(f"{new_primary} (port {PG_PORTS[new_primary]}) is the primary; pgbouncer points at it")
    return 0


# --- Redis ------------------------------------------------------------------------------


def start_redis() -> None:
    master, replica = REDIS_PORTS
    stack.start_redis(CLUSTER, master, REDIS_PORTS[master])
    stack.start_redis(CLUSTER, replica, REDIS_PORTS[replica], ("--replicaof", "127.0.0.1", str(REDIS_PORTS[master])))
    for number, port in enumerate(SENTINEL_PORTS, 1):
        name = f"sentinel-{number}"
        (CLUSTER / name).mkdir(exist_ok=True)
        conf = CLUSTER / name / "sentinel.conf"  # Sentinel rewrites it with what it learns
        conf.write_text(
            f"port {port}\nbind 127.0.0.1\ndaemonize yes\ndir {CLUSTER / name}\n"
            f"pidfile {CLUSTER / 'run' / name}.pid\nlogfile {CLUSTER / 'logs' / name}.log\n"
            f"sentinel monitor {REDIS_MASTER_NAME} 127.0.0.1 {REDIS_PORTS[master]} 2\n"
            f"sentinel down-after-milliseconds {REDIS_MASTER_NAME} 2000\n"
            f"sentinel failover-timeout {REDIS_MASTER_NAME} 10000\n"
            f"sentinel parallel-syncs {REDIS_MASTER_NAME} 1\n"
        )
        subprocess.run(["redis-sentinel", str(conf)], check=True)


# --- application nodes ------------------------------------------------------------------


def start_nodes() -> None:
    for node in NODES:
        env = cluster_environment(node)
        stack.fresh_metrics_dir(env)
        spawn(CLUSTER, f"gunicorn-{node}", stack.PYTHON_COMMANDS["gunicorn"], env)
        worker = [*stack.PYTHON_COMMANDS["worker"], "--hostname", f"{node}@%h", "--concurrency", "2"]
        spawn(CLUSTER, f"worker-{node}", worker, env)
    # One beat in the whole platform.
    beat = [*stack.PYTHON_COMMANDS["beat"], "--schedule", str(CLUSTER / "run" / "celerybeat-schedule")]
    spawn(CLUSTER, "beat", beat, cluster_environment("node1"))


def node_processes() -> list[str]:
    return [f"{kind}-{node}" for node in NODES for kind in ("gunicorn", "worker")] + ["beat"]


def start() -> int:
    stack.DEBIAN_PACKAGES.update({str(pgbouncer.PGBOUNCER): "pgbouncer", "/usr/bin/redis-sentinel": "redis-sentinel"})
    stack.ensure_debian_packages()
    if (CLUSTER / "run" / "gunicorn-node1.pid").exists():
        raise SystemExit("[stack] the cluster is already running (make cluster-stop first)")
    stack.prepare_folders(CLUSTER)
    start_primary()
    start_standby()
    pgbouncer.start(render_pgbouncer(), PGBOUNCER_PORT, run_as="postgres")
    say(f"PostgreSQL {primary_name()} (primary), {standby_name()} (synchronous standby), pgbouncer :{PGBOUNCER_PORT}")
    start_redis()
    say(f"Redis master :{REDIS_PORTS['redis-1']}, replica :{REDIS_PORTS['redis-2']}, sentinels {SENTINEL_PORTS}")
    stack.migrate_and_collect(cluster_environment())
    start_nodes()
    upstream = " ".join(f"127.0.0.1:{port}" for port in NODES.values())
    stack.start_nginx(CLUSTER, upstream, HTTP_PORT, HTTPS_PORT)
    stack.wait_until_serving(url=f"http://127.0.0.1:{HTTP_PORT}/healthz/")
    say(f"serving: http://hanoi.localhost:{HTTP_PORT}/ through nodes {', '.join(NODES)}")
    say(f"logs in {CLUSTER / 'logs'}; stop with `make cluster-stop`")
    return 0


def stop() -> int:
    kill_from_pid_file(CLUSTER, "nginx", signal.SIGQUIT)
    for name in node_processes():
        kill_from_pid_file(CLUSTER, name, group=True)
    for name in [f"sentinel-{number}" for number in range(1, len(SENTINEL_PORTS) + 1)] + list(REDIS_PORTS):
        kill_from_pid_file(CLUSTER, name)
    ini = CLUSTER / "pgbouncer" / "pgbouncer.ini"
    if ini.exists():
        pgbouncer.stop(ini)
    for name in PG_PORTS:
        if stop_postgres(CLUSTER / name):
            say(f"stopped PostgreSQL {name}")
    return 0


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command in ("start", "stop", "promote"):
        return {"start": start, "stop": stop, "promote": promote}[command]()
    if command == "env":
        for key, value in sorted(cluster_environment().items()):
            if key in {"DATABASE_URL", "REDIS_URL", "REDIS_SENTINELS"} or key.startswith(("DJANGO_", "MEDIA")):
                print(f"{key}={value}")
        return 0
    raise SystemExit(__doc__)


if __name__ == "__main__":
    sys.exit(main())
