"""The highly available topology on this machine, on loopback: `make cluster` / `make cluster-stop`.

    python deploy/cluster.py start     PostgreSQL primary + synchronous streaming standby under
                                       pg_auto_failover (a monitor, a keeper per node: automatic
                                       failover), pgbouncer and its watcher that follows the primary,
                                       Redis master + replica + 3 sentinels, 2 application nodes
                                       (gunicorn + Celery worker each), one beat, nginx in front
    python deploy/cluster.py state     `pg_autoctl show state`: which node is primary, which standby
    python deploy/cluster.py promote   a planned switchover (`pg_autoctl perform switchover`)
    python deploy/cluster.py follow    the watcher (started by `start`): pgbouncer follows the primary
    python deploy/cluster.py node NAME start NAME's keeper again (postgres-a, postgres-b) after it
                                       was killed, as systemd would: it rejoins as a standby
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
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pgbouncer
import stack
from stack import PG_BIN, as_postgres, kill_from_pid_file, say, spawn

CLUSTER = Path(os.environ.get("BHXH_CLUSTER_DIR", stack.bootstrap.data_dir() / "cluster"))
PG_PORTS = {"postgres-a": 5545, "postgres-b": 5546}
# The monitor and the nodes, owned by postgres: pg_autoctl writes beside them too (backup/).
PG_DIR = CLUSTER / "postgresql"
MONITOR_PORT = 5547
MONITOR_URI = f"postgres://autoctl_node@127.0.0.1:{MONITOR_PORT}/pg_auto_failover?sslmode=disable"
AUTOCTL = Path("/usr/bin/pg_autoctl")
PGBOUNCER_PORT = 6433
REDIS_PORTS = {"redis-1": 6393, "redis-2": 6394}
SENTINEL_PORTS = (26393, 26394, 26395)
REDIS_MASTER_NAME = "bhxh"
NODES = {"node1": 8021, "node2": 8022}
HTTP_PORT, HTTPS_PORT = 8180, 8543
NODE_SETTINGS = {"shared_buffers": "128MB", "max_connections": "200"}
# The monitor's failure detection, shortened for loopback (defaults: health check every 5 s, a node
# unhealthy after 20 s, 30 s for an unreachable primary to demote itself before the standby takes
# writes). The keepers' network_partition_timeout (5 s here, 20 s by default) must stay below
# node_considered_unhealthy_timeout + primary_demote_timeout: an isolated primary stops taking
# writes before the monitor lets the standby take them.
MONITOR_TIMEOUTS = {
    "health_check_period": 1000,
    "health_check_timeout": 1000,
    "health_check_max_retries": 1,
    "health_check_retry_delay": 500,
    "node_considered_unhealthy_timeout": 5000,
    "primary_demote_timeout": 5000,
}


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


# --- PostgreSQL: pg_auto_failover (a monitor, a keeper per node) ------------------------------


def autoctl_environment() -> dict[str, str]:
    """pg_autoctl keeps its configuration and state under XDG folders: ours, inside the cluster's."""
    folder = CLUSTER / "autoctl"
    return {
        **os.environ,
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_DATA_HOME": str(folder / "share"),
        "XDG_RUNTIME_DIR": str(folder / "run"),
        "PATH": f"{PG_BIN}:/usr/bin:/bin",
        "PG_CONFIG": "/usr/bin/pg_config",
    }


def as_postgres_exec() -> list[str]:
    """pg_autoctl refuses to run as root. setpriv (not runuser) execs: the process id is pg_autoctl's."""
    return ["setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups"] if os.geteuid() == 0 else []


QUIET = {"stdout": subprocess.DEVNULL}


def autoctl(*args: str, check: bool = True, timeout: float = 180, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*as_postgres_exec(), str(AUTOCTL), *args], env=autoctl_environment(), check=check, timeout=timeout, **kwargs
    )


def sql(port: int, query: str, user: str = "postgres", database: str = "postgres") -> str:
    command = [str(PG_BIN / "psql"), "-h", "127.0.0.1", "-p", str(port), "-U", user, "-d", database, "-tAc", query]
    return as_postgres(command, capture_output=True, text=True, timeout=30).stdout.strip()


def configured(name: str) -> bool:
    """Created and registered with the monitor (pg_autoctl wrote its configuration for that folder)."""
    config = CLUSTER / "autoctl" / "config" / "pg_autoctl"
    return (config / str(PG_DIR / name).lstrip("/") / "pg_autoctl.cfg").exists()


def loopback_settings(name: str, settings: dict[str, str]) -> None:
    """Settings over pg_auto_failover's own (postgresql.auto.conf is read last). pg_autoctl sizes
    shared_buffers from the machine's memory (GBs); on a shared machine three PostgreSQL keep 128 MB."""
    auto = PG_DIR / name / "postgresql.auto.conf"
    lines = auto.read_text().splitlines() if auto.exists() else []
    lines = [line for line in lines if line.split("=")[0].strip() not in settings]
    lines += [f"{key} = '{value}'" for key, value in settings.items()]
    auto.write_text("\n".join(lines) + "\n")
    shutil.chown(auto, "postgres", "postgres")


def old_scripted_pair() -> bool:
    return (CLUSTER / "postgres-a" / "PG_VERSION").exists() and not configured("postgres-a")


def wait_for(what: str, condition, timeout: float = 120):
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = condition()
            if value:
                return value
        except (subprocess.SubprocessError, OSError):
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"[stack] {what}: not after {timeout:.0f} s (logs in {CLUSTER / 'logs'})")
        time.sleep(0.5)


def start_keeper(name: str) -> None:
    """`pg_autoctl run`: the monitor's or a node's keeper, which starts and supervises its PostgreSQL."""
    command = [*as_postgres_exec(), str(AUTOCTL), "run", "--pgdata", str(PG_DIR / name)]
    spawn(CLUSTER, f"autoctl-{name}", command, autoctl_environment())


def start_monitor() -> None:
    if not configured("monitor"):
        autoctl(
            "create", "monitor", "--pgdata", str(PG_DIR / "monitor"), "--pgport", str(MONITOR_PORT),
            "--hostname", "127.0.0.1", "--auth", "trust", "--no-ssl",
            stdout=monitor_log(), stderr=subprocess.STDOUT,
        )  # fmt: skip
        monitor_data = str(PG_DIR / "monitor")
        autoctl("config", "set", "--pgdata", monitor_data, "postgresql.listen_addresses", "127.0.0.1", **QUIET)
        loopback_settings("monitor", {"shared_buffers": "64MB"})
    start_keeper("monitor")
    wait_for("the pg_auto_failover monitor answers", lambda: sql(MONITOR_PORT, "SELECT 1") == "1", 60)
    for name, value in MONITOR_TIMEOUTS.items():
        sql(MONITOR_PORT, f"ALTER SYSTEM SET pgautofailover.{name} = {value}")
    sql(MONITOR_PORT, "SELECT pg_reload_conf()")


def monitor_log():
    return open(CLUSTER / "logs" / "autoctl-create.log", "ab")


def start_node(name: str) -> None:
    """A PostgreSQL node: the first one registered becomes the primary, the next its synchronous
    standby (pg_basebackup from the primary, done by pg_autoctl)."""
    if not configured(name):
        # A creation that stopped half-way: start again from nothing, on the monitor too.
        shutil.rmtree(PG_DIR / name, ignore_errors=True)
        sql(
            MONITOR_PORT,
            f"SELECT pgautofailover.remove_node(nodeid, true) FROM pgautofailover.node WHERE nodename = '{name}'",
            database="pg_auto_failover",
        )
        autoctl(
            "create", "postgres", "--pgdata", str(PG_DIR / name), "--pgport", str(PG_PORTS[name]),
            "--pghost", "127.0.0.1", "--listen", "127.0.0.1", "--hostname", "127.0.0.1", "--name", name,
            "--monitor", MONITOR_URI, "--auth", "trust", "--no-ssl", "--dbname", "bhxh",
            stdout=monitor_log(), stderr=subprocess.STDOUT,
        )  # fmt: skip
        autoctl("config", "set", "--pgdata", str(PG_DIR / name), "timeout.network_partition_timeout", "5", **QUIET)
        loopback_settings(name, NODE_SETTINGS)
    start_keeper(name)


def states() -> dict[str, str]:
    """Node name -> the state it reports to the monitor (primary, secondary, wait_primary, ...)."""
    rows = sql(
        MONITOR_PORT, "SELECT nodename, reportedstate FROM pgautofailover.node", "autoctl_node", "pg_auto_failover"
    )
    return dict(line.split("|") for line in rows.splitlines() if line)


def current_primary() -> tuple[str, int] | None:
    """(name, port) of the node the monitor says takes writes, or None while there is none."""
    row = sql(
        MONITOR_PORT, "SELECT primary_name, primary_port FROM pgautofailover.get_primary('default', 0)",
        "autoctl_node", "pg_auto_failover",
    )  # fmt: skip
    if not row:
        return None
    name, port = row.split("|")
    return name, int(port)


def synchronous_pair() -> bool:
    primary = current_primary()
    if sorted(states().values()) != ["primary", "secondary"] or primary is None:
        return False
    query = "SELECT count(*) FROM pg_stat_replication WHERE sync_state IN ('sync', 'quorum')"
    return sql(primary[1], "SELECT pg_is_in_recovery()") == "f" and sql(primary[1], query) == "1"


def start_postgres_nodes() -> str:
    """The monitor, then each node's keeper; returns once there is a primary with a standby streaming."""
    if old_scripted_pair():
        raise SystemExit(
            f"[stack] {CLUSTER} holds the old scripted PostgreSQL pair: run `make cluster-stop && rm -rf {CLUSTER}`"
        )
    start_monitor()
    first = next(iter(PG_PORTS))
    for name in PG_PORTS:
        start_node(name)
        if name == first:  # the standby is copied from a running primary
            wait_for(f"{name} runs", lambda: states().get(first) in ("single", "primary", "wait_primary", "secondary"))
    wait_for("a primary taking writes with a synchronous standby streaming", synchronous_pair)
    name, port = current_primary()
    if sql(port, "SELECT 1 FROM pg_roles WHERE rolname = 'bhxh'") != "1":
        sql(port, "CREATE ROLE bhxh LOGIN PASSWORD 'bhxh' CREATEDB")
        sql(port, "ALTER DATABASE bhxh OWNER TO bhxh")
    return name


def render_pgbouncer(port: int) -> Path:
    """pgbouncer's file pointing at the PostgreSQL on `port` (the primary); the watcher re-renders it."""
    folder = CLUSTER / "pgbouncer"
    folder.mkdir(exist_ok=True)
    (folder / "userlist.txt").write_text('"bhxh" "bhxh"\n"postgres" ""\n')
    ini = pgbouncer.render(
        folder,
        {
            "BHXH_PG_HOST": "127.0.0.1",
            "BHXH_PG_PORT": str(port),
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


def pgbouncer_target() -> int | None:
    ini = CLUSTER / "pgbouncer" / "pgbouncer.ini"
    return int(pgbouncer.database_target(ini)[1]) if ini.exists() else None


def follow() -> int:
    """The watcher `start` runs beside pgbouncer (deploy/pgbouncer.py's follow, with this file)."""
    pgbouncer.follow(MONITOR_URI, lambda _host, port: render_pgbouncer(port), say)
    return 0


def promote() -> int:
    """A planned switchover: the monitor demotes the primary and promotes the standby (no write
    lost: the standby is synchronous); the watcher then points pgbouncer at it."""
    before = current_primary()
    autoctl("perform", "switchover", "--monitor", MONITOR_URI, "--formation", "default", timeout=90)
    after = wait_for("a new primary", lambda: (p := current_primary()) and p != before and p, 60)
    wait_for("pgbouncer follows", lambda: pgbouncer_target() == after[1], 30)
    say(f"{after[0]} (port {after[1]}) is the primary; pgbouncer points at it")
    return 0


def show_state() -> int:
    return autoctl("show", "state", "--monitor", MONITOR_URI, check=False).returncode


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
    stack.DEBIAN_PACKAGES.update(
        {
            str(pgbouncer.PGBOUNCER): "pgbouncer",
            "/usr/bin/redis-sentinel": "redis-sentinel",
            str(AUTOCTL): "pg-auto-failover-cli",
            str(PG_BIN.parent / "lib" / "pgautofailover.so"): "postgresql-15-auto-failover",
        }
    )
    stack.ensure_debian_packages()
    if (CLUSTER / "run" / "gunicorn-node1.pid").exists():
        raise SystemExit("[stack] the cluster is already running (make cluster-stop first)")
    stack.prepare_folders(CLUSTER)
    for folder in (CLUSTER / "autoctl", CLUSTER / "run", PG_DIR):
        folder.mkdir(exist_ok=True)
        shutil.chown(folder, "postgres", "postgres")
    primary = start_postgres_nodes()
    pgbouncer.start(render_pgbouncer(PG_PORTS[primary]), PGBOUNCER_PORT, run_as="postgres")
    spawn(CLUSTER, "pgbouncer-follow", [sys.executable, str(Path(__file__).resolve()), "follow"], os.environ.copy())
    standby = next(name for name in PG_PORTS if name != primary)
    say(f"PostgreSQL {primary} (primary), {standby} (synchronous standby), monitor :{MONITOR_PORT}")
    say(f"pgbouncer :{PGBOUNCER_PORT}, following the primary (logs/pgbouncer-follow.log)")
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
    kill_from_pid_file(CLUSTER, "pgbouncer-follow", group=True)
    ini = CLUSTER / "pgbouncer" / "pgbouncer.ini"
    if ini.exists():
        pgbouncer.stop(ini)
    # The monitor first, so that stopping the primary is not taken for a failure; then the primary,
    # before its keeper could see neither monitor nor standby and demote itself.
    try:
        primary = current_primary()[0] if (CLUSTER / "run" / "autoctl-monitor.pid").exists() else None
    except (subprocess.SubprocessError, TypeError):
        primary = None
    kill_from_pid_file(CLUSTER, "autoctl-monitor")
    if old_scripted_pair():  # the scripted pair of before pg_auto_failover
        for name in PG_PORTS:
            stack.stop_postgres(CLUSTER / name)
    for name in sorted(PG_PORTS, key=lambda name: name != primary):
        kill_from_pid_file(CLUSTER, f"autoctl-{name}")
    return 0


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    commands = {"start": start, "stop": stop, "promote": promote, "state": show_state, "follow": follow}
    if command in commands:
        return commands[command]()
    if command == "node" and len(sys.argv) == 3 and sys.argv[2] in PG_PORTS:
        start_keeper(sys.argv[2])
        wait_for(f"{sys.argv[2]} back as a synchronous standby", synchronous_pair, 180)
        say(f"{sys.argv[2]} runs again; `python deploy/cluster.py state` shows its role")
        return 0
    if command == "env":
        for key, value in sorted(cluster_environment().items()):
            if key in {"DATABASE_URL", "REDIS_URL", "REDIS_SENTINELS"} or key.startswith(("DJANGO_", "MEDIA")):
                print(f"{key}={value}")
        return 0
    raise SystemExit(__doc__)


if __name__ == "__main__":
    sys.exit(main())
