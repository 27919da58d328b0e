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


def stack_environment() -> dict[str, str]:
    secret_file = STACK / "secret_key"
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
        "MEDIA_ROOT": str(STACK / "media"),
        "STATIC_ROOT": str(STACK / "static"),
        "PRIVATE_MEDIA_ROOT": str(STACK / "private-media"),
        "MAINTENANCE_FLAG_DIR": str(STACK / "maintenance"),
        "NGINX_ACCESS_LOG": str(STACK / "logs" / "access.log"),
        "MEDIA_ACCEL_REDIRECT": "1",
        "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{HTTP_PORT}",
        "PROMETHEUS_MULTIPROC_DIR": str(STACK / "run" / "prometheus"),
        "LOG_FORMAT": "json",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(STACK / "mail"),
        # nginx talks to the socket; benchmarks of uncached pages go straight to the TCP port.
        "GUNICORN_BIND": f"unix:{STACK / 'run' / 'gunicorn.sock'},127.0.0.1:{GUNICORN_PORT}",
        "GUNICORN_WORKERS": os.environ.get("GUNICORN_WORKERS", str(2 * (os.cpu_count() or 1) + 1)),
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'platform'}",
    }
    return {**os.environ, **values}


# --- services ---------------------------------------------------------------------------


def start_postgres() -> None:
    data = STACK / "postgres"
    if not (data / "PG_VERSION").exists():
        data.mkdir(parents=True, exist_ok=True)
        shutil.chown(data, "postgres", "postgres")
        as_postgres([str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"])
    run_dir = STACK / "run"
    shutil.chown(run_dir, "postgres", "postgres")
    options = (
        f"-p {PG_PORT} -k {run_dir} -c listen_addresses=127.0.0.1 -c max_connections=200"
        " -c shared_buffers=512MB -c synchronous_commit=off"
    )
    log = STACK / "logs" / "postgres.log"
    log.touch()
    shutil.chown(log, "postgres", "postgres")
    as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "start"])
    psql = [str(PG_BIN / "psql"), "-h", str(run_dir), "-p", str(PG_PORT), "-U", "postgres", "-tAc"]
    if as_postgres([*psql, "SELECT 1 FROM pg_roles WHERE rolname='bhxh'"], capture_output=True).stdout.strip() != b"1":
        as_postgres([*psql, "CREATE ROLE bhxh LOGIN PASSWORD 'bhxh' CREATEDB"])
        as_postgres([*psql, "CREATE DATABASE bhxh OWNER bhxh"])


def start_redis() -> None:
    subprocess.run(
        [
            "redis-server",
            "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--daemonize", "yes",
            "--dir", str(STACK / "redis"), "--pidfile", str(STACK / "run" / "redis.pid"),
            "--logfile", str(STACK / "logs" / "redis.log"),
            # Snapshots and an append-only file (fsync each second), one argument per word.
            "--save", "60", "1", "--appendonly", "yes", "--appendfsync", "everysec",
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


def start_nginx() -> None:
    conf_dir = STACK / "nginx"
    render(conf_dir, loopback_nginx_values(STACK, f"unix:{STACK / 'run' / 'gunicorn.sock'}", HTTP_PORT, HTTPS_PORT))
    (conf_dir / "nginx.conf").write_text(
        f"""# Written by deploy/stack.py; production uses Debian's /etc/nginx/nginx.conf instead.
include /etc/nginx/modules-enabled/*.conf;
worker_processes auto;
pid {STACK / "run" / "nginx.pid"};
error_log {STACK / "logs" / "nginx-error.log"} warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path {STACK / "run" / "nginx-body"};
    proxy_temp_path {STACK / "run" / "nginx-proxy"};
    fastcgi_temp_path {STACK / "run" / "nginx-fastcgi"};
    uwsgi_temp_path {STACK / "run" / "nginx-uwsgi"};
    scgi_temp_path {STACK / "run" / "nginx-scgi"};
    include {conf_dir / "bhxh-http.conf"};
    include {conf_dir / "bhxh-brotli.conf"};
    include {conf_dir / "bhxh.conf"};
}}
""",
        encoding="utf-8",
    )
    subprocess.run(["nginx", "-t", "-q", "-c", str(conf_dir / "nginx.conf")], check=True)
    subprocess.run(["nginx", "-c", str(conf_dir / "nginx.conf")], check=True)


def start_python_processes(env: dict[str, str]) -> None:
    python = str(VENV_BIN / "python")
    processes = {
        "gunicorn": [str(VENV_BIN / "gunicorn"), "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "config.wsgi"],
        "worker": [python, "-m", "celery", "-A", "config.celery_app", "worker", "--loglevel", "INFO"],
        "beat": [
            python, "-m", "celery", "-A", "config.celery_app", "beat", "--loglevel", "INFO",
            "--schedule", str(STACK / "run" / "celerybeat-schedule"),
        ],
    }  # fmt: skip
    for name, command in processes.items():
        log = open(STACK / "logs" / f"{name}.log", "ab")
        process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=log, start_new_session=True)
        (STACK / "run" / f"{name}.pid").write_text(str(process.pid))


def wait_until_serving(timeout: float = 120) -> None:
    """Until /healthz/ answers 200 through nginx: gunicorn, PostgreSQL, Redis and the Celery worker
    are up (a cached page would answer before gunicorn does)."""
    request = urllib.request.Request(f"http://127.0.0.1:{HTTP_PORT}/healthz/", headers={"Host": "hanoi.localhost"})
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"[stack] http://hanoi.localhost:{HTTP_PORT}/healthz/ not ok after {timeout:.0f} s")
        time.sleep(0.5)


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([str(VENV_BIN / "python"), str(ROOT / "manage.py"), *args], check=True, env=env, cwd=ROOT)


def start() -> int:
    ensure_debian_packages()
    if (STACK / "run" / "gunicorn.pid").exists():
        raise SystemExit("[stack] already running (make stack-stop first)")
    for folder in ("run", "logs", "redis", "media", "static", "private-media", "maintenance", "cache", "acme", "mail"):
        (STACK / folder).mkdir(parents=True, exist_ok=True)
    # nginx workers (www-data) read static files, media and maintenance pages.
    for folder in ("static", "media", "maintenance"):
        os.chmod(STACK / folder, 0o755)
    start_postgres()
    start_redis()
    say(f"PostgreSQL 15 on 127.0.0.1:{PG_PORT}, Redis on 127.0.0.1:{REDIS_PORT}")
    env = stack_environment()
    manage(env, "migrate_schemas", "--shared", "--noinput", "-v", "0")
    manage(env, "migrate_schemas", "--tenant", "--executor", "multiprocessing", "--noinput", "-v", "0")
    manage(env, "setup_demo")
    catalogues.compile_catalogues()  # locale/**/*.po -> .mo, where a .po changed
    manage(env, "collectstatic", "--noinput", "-v", "0")
    metrics_dir = Path(env["PROMETHEUS_MULTIPROC_DIR"])
    shutil.rmtree(metrics_dir, ignore_errors=True)  # prometheus-client: empty at every start
    metrics_dir.mkdir(parents=True)
    start_python_processes(env)
    start_nginx()
    wait_until_serving()
    say(f"serving: http://hanoi.localhost:{HTTP_PORT}/  https://hanoi.localhost:{HTTPS_PORT}/ (self-signed)")
    say(f"logs in {STACK / 'logs'}; stop with `make stack-stop`")
    return 0


def _kill_from_pid_file(name: str, sig: int = signal.SIGTERM) -> None:
    pid_file = STACK / "run" / f"{name}.pid"
    if not pid_file.exists():
        return
    pid = int(pid_file.read_text().strip() or 0)
    try:
        os.killpg(pid, sig) if name in ("gunicorn", "worker", "beat") else os.kill(pid, sig)
        for _ in range(100):
            os.kill(pid, 0)
            time.sleep(0.1)
    except (ProcessLookupError, PermissionError):
        pass
    pid_file.unlink(missing_ok=True)
    say(f"stopped {name}")


def stop() -> int:
    _kill_from_pid_file("nginx", signal.SIGQUIT)
    for name in ("gunicorn", "worker", "beat", "redis"):
        _kill_from_pid_file(name)
    data = STACK / "postgres"
    if (data / "postmaster.pid").exists():
        as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"], stdout=subprocess.DEVNULL)
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
