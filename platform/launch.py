"""The launcher behind `make run`, `make test` and `make stop`.

    python platform/launch.py run [--port 8000]   services, migrations, demo data, web + worker + beat
    python platform/launch.py check               missing migrations; production system checks
    python platform/launch.py test [pytest args]  services, then the whole pytest suite
    python platform/launch.py bench               run the benchmarks under bench/
    python platform/launch.py stop                stop the embedded servers left running

Embedded PostgreSQL and Redis are started once here (unless DATABASE_URL / REDIS_URL name
real servers) and their addresses are handed to every child process through the environment.
Whatever this launcher started, it stops on exit (Ctrl-C included).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

import bootstrap
import catalogues
from embedded import EmbeddedServer, EmbeddedServerError, ensure_postgres, ensure_redis, stop_running_servers

PYTHON = sys.executable
MANAGE = str(bootstrap.ROOT_DIR / "manage.py")
# Loopback unless told otherwise (--host, HOST): the demo has published passwords.
DEFAULT_HOST = "127.0.0.1"


def say(line: str) -> None:
    print(f"[bhxh] {line}", flush=True)


@contextmanager
def embedded_services():
    """Start whichever embedded server the environment does not name; stop it afterwards."""
    started: list[EmbeddedServer] = []
    data = bootstrap.data_dir()
    try:
        for variable, ensure in (("DATABASE_URL", ensure_postgres), ("REDIS_URL", ensure_redis)):
            if os.environ.get(variable):
                say(f"{variable} is set: using that server")
                continue
            try:
                server = ensure(data)
            except EmbeddedServerError as error:
                raise SystemExit(f"[bhxh] {error}") from None
            os.environ[variable] = server.url
            say(f"embedded {server.name}: {'started' if server.started else 'already running, reused'}")
            if server.started:
                started.append(server)
        yield
    finally:
        for server in reversed(started):
            server.stop()
            say(f"embedded {server.name}: stopped")


@contextmanager
def single_instance(name: str):
    """Refuse a second `make run` on the same checkout instead of letting both write the data."""
    lock_path = bootstrap.data_dir() / f"{name}.lock"
    handle = open(lock_path, "a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        owner = handle.read().strip() or "?"
        sys.exit(f"[bhxh] the platform is already running from this checkout (pid {owner}); stop it first (Ctrl-C)")
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    try:
        yield
    finally:
        handle.close()
        lock_path.unlink(missing_ok=True)


def manage(*args: str) -> None:
    # Its own session: Ctrl-C reaches the launcher, which stops the step without a traceback.
    subprocess.run([PYTHON, MANAGE, *args], check=True, start_new_session=True)


def child_environment() -> dict[str, str]:
    paths = [str(bootstrap.ROOT_DIR), str(bootstrap.PLATFORM_DIR)]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(paths + [env["PYTHONPATH"]] if env.get("PYTHONPATH") else paths)
    return env


class Stop(Exception):
    """Ctrl-C or SIGTERM: stop what was started, in order, and exit 0."""


def _stop_on_signal(signum, frame):
    raise Stop(signal.Signals(signum).name)


def web_command(host: str, port: int) -> list[str]:
    """runserver without DEBUG (no traceback or route list reaches a visitor); --insecure serves the
    static files DEBUG would have served."""
    return [PYTHON, MANAGE, "runserver", f"{host}:{port}", "--noreload", "--insecure"]


def celery_commands() -> dict[str, list[str]]:
    celery = [PYTHON, "-m", "celery", "-A", "config.celery_app"]
    schedule = str(bootstrap.data_dir() / "celerybeat-schedule")
    return {
        "worker": [*celery, "worker", "--loglevel", "INFO", "--concurrency", "2"],
        "beat": [*celery, "beat", "--loglevel", "INFO", "--schedule", schedule],
    }


def wait_until_answering(url: str, web: subprocess.Popen, seconds: float = 120) -> bool:
    """True once `url` answers (any HTTP status), False if the web server exits or time runs out."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and web.poll() is None:
        try:
            urllib.request.urlopen(url, timeout=2)
            return True
        except urllib.error.HTTPError:
            return True
        except OSError:
            time.sleep(0.3)
    return False


class Supervisor:
    """Web, worker and beat as children in their own sessions, so that the terminal's Ctrl-C reaches
    the launcher alone and it stops them in order. A worker or beat that dies is started again, up to
    RESTARTS times in RESTART_WINDOW seconds; the web server keeps serving meanwhile."""

    RESTARTS = 3
    RESTART_WINDOW = 600

    def __init__(self, commands: dict[str, list[str]], env: dict[str, str]):
        self.commands = commands
        self.env = env
        self.processes = {name: self._start(name) for name in commands}
        self.restarts: dict[str, list[float]] = {name: [] for name in commands}

    def _start(self, name: str) -> subprocess.Popen:
        return subprocess.Popen(self.commands[name], env=self.env, start_new_session=True)

    def watch(self) -> str | None:
        """Restart a dead worker or beat; the name of a child that cannot go on (None while all run)."""
        for name, process in self.processes.items():
            code = process.poll()
            if code is None:
                continue
            if name == "web":
                return f"the web server exited (code {code})"
            now = time.monotonic()
            recent = [moment for moment in self.restarts[name] if now - moment < self.RESTART_WINDOW]
            if len(recent) >= self.RESTARTS:
                return f"{name} exited {len(recent) + 1} times in {self.RESTART_WINDOW // 60} minutes (code {code})"
            self.restarts[name] = [*recent, now]
            say(f"{name} exited (code {code}); starting it again, the site keeps serving")
            self.processes[name] = self._start(name)
        return None

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.terminate()
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def run(host: str, port: int) -> int:
    # Every link the demo sends out (e-mails, feeds, Wagtail's page URLs) carries this port.
    os.environ["PUBLIC_URL_SCHEME"], os.environ["PUBLIC_URL_PORT"] = "http", str(port)
    with single_instance("run"), embedded_services():
        manage("migrate_schemas", "--shared", "--noinput", "-v", "0")
        manage("migrate_schemas", "--tenant", "--noinput", "-v", "0")
        manage("setup_demo")
        children = Supervisor({"web": web_command(host, port), **celery_commands()}, child_environment())
        try:
            if not wait_until_answering(f"http://127.0.0.1:{port}/robots.txt", children.processes["web"]):
                say("the web server did not start; see the lines above")
                return 1
            shown = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
            say(f"ready: open http://{shown}:{port}/ (web, Celery worker and beat running; Ctrl-C stops everything)")
            while (problem := children.watch()) is None:
                time.sleep(0.5)
            say(f"{problem}; shutting down")
            return 1
        finally:
            children.stop()


def test(pytest_args: list[str]) -> int:
    with embedded_services():
        env = child_environment()
        env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
        return subprocess.run([PYTHON, "-m", "pytest", *pytest_args], env=env, cwd=bootstrap.ROOT_DIR).returncode


def check() -> int:
    """What people forget, checked before the tests: a model change without its migration, and the
    system checks of the production settings (deploy checks included) at warning level."""
    with embedded_services():
        manage("makemigrations", "--check", "--dry-run")
        env = child_environment()
        env["DJANGO_SETTINGS_MODULE"] = bootstrap.PRODUCTION_SETTINGS
        env["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
        subprocess.run([PYTHON, MANAGE, "check", "--deploy", "--fail-level", "WARNING"], env=env, check=True)
        say("migrations and production system checks: OK")
        return 0


def bench() -> int:
    """Run every benchmark script under bench/ against the same services as `make run`."""
    with embedded_services():
        manage("migrate_schemas", "--shared", "--noinput", "-v", "0")
        env = child_environment()
        failures = 0
        for script in sorted((bootstrap.ROOT_DIR / "bench").glob("*.py")):
            say(f"benchmark {script.name}")
            failures += subprocess.run([PYTHON, str(script)], env=env).returncode != 0
        return 1 if failures else 0


def stop() -> int:
    data = bootstrap.data_dir()
    if (data / "run.lock").exists():
        sys.exit("[bhxh] `make run` is running; stop it with Ctrl-C instead")
    stopped = stop_running_servers(data)
    say(f"stopped: {', '.join(stopped)}" if stopped else "no embedded server was running")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    run_parser = commands.add_parser("run")
    run_parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
    run_parser.add_argument("--host", default=os.environ.get("HOST", DEFAULT_HOST))
    commands.add_parser("test")
    commands.add_parser("check")
    commands.add_parser("bench")
    commands.add_parser("stop")
    args, rest = parser.parse_known_args()
    bootstrap.configure()
    # SIGTERM (systemd, a closing terminal) stops everything exactly as Ctrl-C does, at any step.
    signal.signal(signal.SIGTERM, _stop_on_signal)
    signal.signal(signal.SIGINT, _stop_on_signal)
    if args.command in ("run", "test", "check", "bench"):
        compiled = catalogues.compile_catalogues()
        if compiled:
            say(f"compiled {len(compiled)} translation catalogue(s) under locale/")
    try:
        if args.command == "run":
            return run(args.host, args.port)
        if args.command == "test":
            return test(rest)
        if args.command == "check":
            return check()
        if args.command == "bench":
            return bench()
        return stop()
    except subprocess.CalledProcessError as error:
        say(f"step failed: {' '.join(map(str, error.cmd))} (exit {error.returncode})")
        return error.returncode or 1
    except Stop as stop_signal:
        say(f"stopped ({stop_signal}); everything this launcher started has been stopped")
        return 0


if __name__ == "__main__":
    sys.exit(main())
