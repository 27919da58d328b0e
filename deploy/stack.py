"""The production stack on this machine, on loopback: `make stack` / `make stack-stop`.

    python deploy/stack.py start    Debian's PostgreSQL, Redis and nginx, gunicorn, Celery worker
                                    and beat from the project's venv, with the demo data
    python deploy/stack.py stop     stop all of them (data stays in data/stack/)
    python deploy/stack.py env      print the environment the stack's processes run with

Same code and settings as production (config.settings.production, deploy/gunicorn.conf.py,
deploy/nginx/ rendered by deploy/render_nginx.py); only the addresses are loopback ones:
http://<host>:8080/ and https://<host>:8443/ (self-signed certificate) for every demo host.
Missing Debian packages are installed with apt-get when run as root.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "platform"))
sys.path.insert(0, str(ROOT / "deploy"))

from render_nginx import render  # noqa: E402

import bootstrap  # noqa: E402
import catalogues  # noqa: E402

STACK = Path(os.environ.get("BHXH_STACK_DIR", bootstrap.data_dir() / "stack"))
VENV_BIN = Path(sys.executable).parent
PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_PORT, REDIS_PORT, HTTP_PORT, HTTPS_PORT, GUNICORN_PORT = 5544, 6390, 8080, 8443, 8011
DEBIAN_PACKAGES = {
    "/usr/sbin/nginx": "nginx-light",
    "/usr/lib/nginx/modules/ngx_http_cache_purge_module.so": "libnginx-mod-http-cache-purge",
    "/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so": "libnginx-mod-http-brotli-filter",
    "/usr/bin/redis-server": "redis-server",
    str(PG_BIN / "postgres"): "postgresql",
    "/usr/bin/wrk": "wrk",
    "/usr/bin/openssl": "openssl",
}


def say(line: str) -> None:
    print(f"[stack] {line}", flush=True)


def ensure_debian_packages() -> None:
    missing = sorted({package for path, package in DEBIAN_PACKAGES.items() if not Path(path).exists()})
    if not missing:
        return
    if os.geteuid() != 0:
        raise SystemExit(f"[stack] missing Debian packages (install as root): {' '.join(missing)}")
    say(f"installing {' '.join(missing)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "install", "-y", "-q", *missing], check=True, env=env, stdout=subprocess.DEVNULL)


def as_postgres(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    """PostgreSQL refuses to run as root: its commands run as the `postgres` system user."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run(prefix + command, check=True, **kwargs)


def stack_environment(root: Path = STACK, overrides: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of the stack's processes (`root`: the stack's folder, or the cluster's)."""
    secret_file = root / "secret_key"
    if not secret_file.exists():
        secret_file.write_text(secrets.token_urlsafe(50))
    values = {
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": secret_file.read_text().strip(),
        "DATABASE_URL": f"postgres://bhxh:bhxh@127.0.0.1:{PG_PORT}/bhxh",
        "DATABASE_CONN_MAX_AGE": "600",
        "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        "PLATFORM_BASE_DOMAIN": "localhost",
        "WAGTAILADMIN_BASE_URL": f"https://localhost:{HTTPS_PORT}",
        # Links in e-mails and feeds (tenants.urls): Wagtail's Site cannot say https on a port
        # other than 443, so the stack's links use its plain-http port.
        "PUBLIC_URL_SCHEME": "http",
        "PUBLIC_URL_PORT": str(HTTP_PORT),
        "MEDIA_ROOT": str(root / "media"),
        "STATIC_ROOT": str(root / "static"),
        "PRIVATE_MEDIA_ROOT": str(root / "private-media"),
        "MAINTENANCE_FLAG_DIR": str(root / "maintenance"),
        "NGINX_ACCESS_LOG": str(root / "logs" / "access.log"),
        "MEDIA_ACCEL_REDIRECT": "1",
        "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{HTTP_PORT}",
        "PROMETHEUS_MULTIPROC_DIR": str(root / "run" / "prometheus"),
        "LOG_FORMAT": "json",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(root / "mail"),
        # nginx talks to the socket; benchmarks of uncached pages go straight to the TCP port.
        "GUNICORN_BIND": f"unix:{root / 'run' / 'gunicorn.sock'},127.0.0.1:{GUNICORN_PORT}",
        "GUNICORN_WORKERS": os.environ.get("GUNICORN_WORKERS", str(2 * (os.cpu_count() or 1) + 1)),
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'platform'}",
    }
    return {**os.environ, **values, **(overrides or {})}


# --- services ---------------------------------------------------------------------------


def init_postgres(data: Path) -> None:
    if not (data / "PG_VERSION").exists():
        data.mkdir(parents=True, exist_ok=True)
        shutil.chown(data, "postgres", "postgres")
        as_postgres([str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"])


def psql(root: Path, port: int, sql: str) -> str:
    command = [str(PG_BIN / "psql"), "-h", str(root / "run"), "-p", str(port), "-U", "postgres", "-tAc", sql]
    return as_postgres(command, capture_output=True, text=True).stdout.strip()


def start_postgres(
    root: Path = STACK, name: str = "postgres", port: int = PG_PORT, settings: str = "-c synchronous_commit=off"
) -> None:
    """PostgreSQL of `root / name` on `port` (initialised when new), with the role and database."""
    data = root / name
    init_postgres(data)
    run_dir = root / "run"
    shutil.chown(run_dir, "postgres", "postgres")
    options = f"-p {port} -k {run_dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=512MB"
    options += f" {settings}"
    log = root / "logs" / f"{name}.log"
    log.touch()
    shutil.chown(log, "postgres", "postgres")
    as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "start"])
    if psql(root, port, "SELECT pg_is_in_recovery()") == "t":
        return  # a standby: role and database come from the primary
    if psql(root, port, "SELECT 1 FROM pg_roles WHERE rolname='bhxh'") != "1":
        psql(root, port, "CREATE ROLE bhxh LOGIN PASSWORD 'bhxh' CREATEDB")
        psql(root, port, "CREATE DATABASE bhxh OWNER bhxh")


def stop_postgres(data: Path, mode: str = "fast") -> bool:
    if not (data / "postmaster.pid").exists():
        return False
    as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", mode, "-w", "stop"], stdout=subprocess.DEVNULL)
    return True


def start_redis(root: Path = STACK, name: str = "redis", port: int = REDIS_PORT, extra: tuple[str, ...] = ()) -> None:
    (root / name).mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "redis-server",
            "--port", str(port), "--bind", "127.0.0.1", "--daemonize", "yes",
            "--dir", str(root / name), "--pidfile", str(root / "run" / f"{name}.pid"),
            "--logfile", str(root / "logs" / f"{name}.log"),
            # Snapshots and an append-only file (fsync each second), one argument per word.
            "--save", "60", "1", "--appendonly", "yes", "--appendfsync", "everysec", *extra,
        ],
        check=True,
    )  # fmt: skip


def self_signed_certificate(tls_root: Path) -> Path:
    """A certificate for localhost and *.localhost, laid out as certbot would for the wildcard."""
    tls = tls_root / "wildcard"
    if not (tls / "fullchain.pem").exists():
        tls.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "365",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,DNS:*.localhost",
                "-keyout", str(tls / "privkey.pem"), "-out", str(tls / "fullchain.pem"),
            ],
            check=True, capture_output=True,
        )  # fmt: skip
    return tls_root


def loopback_nginx_values(root: Path, upstream: str, http_port: int, https_port: int) -> dict[str, str]:
    """deploy/nginx rendered for loopback, everything under `root` (the stack; tests/deploy)."""
    return {
        "BHXH_APP_UPSTREAM": upstream,
        "BHXH_BASE_DOMAIN": "localhost",
        "BHXH_CACHE_DIR": str(root / "cache"),
        "BHXH_LOG_DIR": str(root / "logs"),
        "BHXH_HTTP_LISTEN": f"127.0.0.1:{http_port}",
        "BHXH_HTTP_LISTEN6": f"[::1]:{http_port}",
        "BHXH_HTTPS_LISTEN": f"127.0.0.1:{https_port}",
        "BHXH_HTTPS_LISTEN6": f"[::1]:{https_port}",
        "BHXH_TLS_DIR": str(self_signed_certificate(root / "tls")),
        "BHXH_ACME_ROOT": str(root / "acme"),
        "BHXH_STATIC_ROOT": str(root / "static"),
        "BHXH_MEDIA_ROOT": str(root / "media"),
        "BHXH_MAINTENANCE_DIR": str(root / "maintenance"),
        # On loopback, plain http serves the sites too (benchmarks, browser checks, tests).
        "BHXH_HTTP_BODY": str(root / "nginx" / "bhxh-site.conf"),
    }


def start_nginx(
    root: Path = STACK,
    upstream: str = f"unix:{STACK / 'run' / 'gunicorn.sock'}",
    http_port: int = HTTP_PORT,
    https_port: int = HTTPS_PORT,
) -> None:
    conf_dir = root / "nginx"
    render(conf_dir, loopback_nginx_values(root, upstream, http_port, https_port))
    (conf_dir / "nginx.conf").write_text(
        f"""# Written by deploy/stack.py; production uses Debian's /etc/nginx/nginx.conf instead.
include /etc/nginx/modules-enabled/*.conf;
worker_processes auto;
pid {root / "run" / "nginx.pid"};
error_log {root / "logs" / "nginx-error.log"} warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {root / "run" / "nginx-body"};
    proxy_temp_path {root / "run" / "nginx-proxy"};
    fastcgi_temp_path {root / "run" / "nginx-fastcgi"};
    uwsgi_temp_path {root / "run" / "nginx-uwsgi"};
    scgi_temp_path {root / "run" / "nginx-scgi"};
    include {conf_dir / "bhxh-http.conf"};
    include {conf_dir / "bhxh-brotli.conf"};
    include {conf_dir / "bhxh.conf"};
}}
""",
        encoding="utf-8",
    )
    subprocess.run(["nginx", "-t", "-q", "-c", str(conf_dir / "nginx.conf")], check=True)
    subprocess.run(["nginx", "-c", str(conf_dir / "nginx.conf")], check=True)


PYTHON_COMMANDS = {
    "gunicorn": [str(VENV_BIN / "gunicorn"), "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "config.wsgi"],
    "worker": [str(VENV_BIN / "python"), "-m", "celery", "-A", "config.celery_app", "worker", "--loglevel", "INFO"],
    "beat": [str(VENV_BIN / "python"), "-m", "celery", "-A", "config.celery_app", "beat", "--loglevel", "INFO"],
}


def spawn(root: Path, name: str, command: list[str], env: dict[str, str]) -> int:
    """A process of its own session (stopped with its children), logged and remembered in `root`."""
    log = open(root / "logs" / f"{name}.log", "ab")
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=log, start_new_session=True)
    (root / "run" / f"{name}.pid").write_text(str(process.pid))
    return process.pid


def start_python_processes(env: dict[str, str]) -> None:
    schedule = ["--schedule", str(STACK / "run" / "celerybeat-schedule")]
    for name, command in PYTHON_COMMANDS.items():
        spawn(STACK, name, command + (schedule if name == "beat" else []), env)


def wait_until_serving(timeout: float = 120, url: str = f"http://127.0.0.1:{HTTP_PORT}/healthz/") -> None:
    """Until /healthz/ answers 200 through nginx: gunicorn, PostgreSQL, Redis and the Celery worker
    are up (a cached page would answer before gunicorn does)."""
    request = urllib.request.Request(url, headers={"Host": "hanoi.localhost"})
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"[stack] {url} (hanoi.localhost) not ok after {timeout:.0f} s")
        time.sleep(0.5)


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([str(VENV_BIN / "python"), str(ROOT / "manage.py"), *args], check=True, env=env, cwd=ROOT)


def prepare_folders(root: Path) -> None:
    for folder in ("run", "logs", "redis", "media", "static", "private-media", "maintenance", "cache", "acme", "mail"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    # nginx workers (www-data) read static files, media and maintenance pages.
    for folder in ("static", "media", "maintenance"):
        os.chmod(root / folder, 0o755)


def migrate_and_collect(env: dict[str, str]) -> None:
    """Schemas, demo provinces, translations and static files, as a release does."""
    manage(env, "migrate_schemas", "--shared", "--noinput", "-v", "0")
    manage(env, "migrate_schemas", "--tenant", "--executor", "multiprocessing", "--noinput", "-v", "0")
    manage(env, "setup_demo")
    catalogues.compile_catalogues()  # locale/**/*.po -> .mo, where a .po changed
    manage(env, "collectstatic", "--noinput", "-v", "0")


def fresh_metrics_dir(env: dict[str, str]) -> None:
    metrics_dir = Path(env["PROMETHEUS_MULTIPROC_DIR"])
    shutil.rmtree(metrics_dir, ignore_errors=True)  # prometheus-client: empty at every start
    metrics_dir.mkdir(parents=True)


def start() -> int:
    ensure_debian_packages()
    if (STACK / "run" / "gunicorn.pid").exists():
        raise SystemExit("[stack] already running (make stack-stop first)")
    prepare_folders(STACK)
    start_postgres()
    start_redis()
    say(f"PostgreSQL 15 on 127.0.0.1:{PG_PORT}, Redis on 127.0.0.1:{REDIS_PORT}")
    env = stack_environment()
    migrate_and_collect(env)
    fresh_metrics_dir(env)
    start_python_processes(env)
    start_nginx()
    wait_until_serving()
    say(f"serving: http://hanoi.localhost:{HTTP_PORT}/  https://hanoi.localhost:{HTTPS_PORT}/ (self-signed)")
    say(f"logs in {STACK / 'logs'}; stop with `make stack-stop`")
    return 0


def kill_from_pid_file(root: Path, name: str, sig: int = signal.SIGTERM, group: bool = False) -> None:
    """Stop what `root/run/<name>.pid` names (its whole session when `group`: spawn()'s processes)."""
    pid_file = root / "run" / f"{name}.pid"
    if not pid_file.exists():
        return
    pid = int(pid_file.read_text().strip() or 0)
    try:
        os.killpg(pid, sig) if group else os.kill(pid, sig)
        for _ in range(100):
            os.kill(pid, 0)
            time.sleep(0.1)
    except (ProcessLookupError, PermissionError):
        pass
    pid_file.unlink(missing_ok=True)
    say(f"stopped {name}")


def stop() -> int:
    kill_from_pid_file(STACK, "nginx", signal.SIGQUIT)
    for name in ("gunicorn", "worker", "beat"):
        kill_from_pid_file(STACK, name, group=True)
    kill_from_pid_file(STACK, "redis")
    if stop_postgres(STACK / "postgres"):
        say("stopped PostgreSQL")
    return 0


def main() -> int:
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "start":
        return start()
    if command == "stop":
        return stop()
    if command == "env":
        for key, value in sorted(stack_environment().items()):
            if key in {"DATABASE_URL", "REDIS_URL"} or key.startswith(("DJANGO_", "GUNICORN_", "MEDIA", "STATIC")):
                print(f"{key}={value}")
        return 0
    raise SystemExit(__doc__)


if __name__ == "__main__":
    sys.exit(main())
