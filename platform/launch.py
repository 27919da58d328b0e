"""The launcher behind `make run`, `make test` and `make stop`.

    python platform/launch.py run [--port 8000]   services, migrations, demo data, web + worker + beat
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
import signal
import subprocess
import sys
import time
from contextlib import contextmanager

import bootstrap
import catalogues
from embedded import EmbeddedServer, ensure_postgres, ensure_redis, stop_running_servers

PYTHON = sys.executable
MANAGE = str(bootstrap.ROOT_DIR / "manage.py")


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
            server = ensure(data)
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
    subprocess.run([PYTHON, MANAGE, *args], check=True)


def child_environment() -> dict[str, str]:
    paths = [str(bootstrap.ROOT_DIR), str(bootstrap.PLATFORM_DIR)]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(paths + [env["PYTHONPATH"]] if env.get("PYTHONPATH") else paths)
    env.setdefault("DJANGO_DEBUG", "1")
    return env


def _stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt


def run(port: int) -> int:
    with single_instance("run"), embedded_services():
        manage("migrate_schemas", "--shared", "--noinput", "-v", "0")
        manage("migrate_schemas", "--tenant", "--noinput", "-v", "0")
        manage("setup_demo", "--port", str(port))
        env = child_environment()
        celery = [PYTHON, "-m", "celery", "-A", "config.celery_app"]
        processes = {
            "web": subprocess.Popen([PYTHON, MANAGE, "runserver", f"0.0.0.0:{port}", "--noreload"], env=env),
            "worker": subprocess.Popen([*celery, "worker", "--loglevel", "INFO", "--concurrency", "2"], env=env),
            "beat": subprocess.Popen(
                [
                    *celery,
                    "beat",
                    "--loglevel",
                    "INFO",
                    "--schedule",
                    str(bootstrap.data_dir() / "celerybeat-schedule"),
                ],
                env=env,
            ),
        }
        say(f"web, Celery worker and beat running; open http://localhost:{port}/ (Ctrl-C stops everything)")
        signal.signal(signal.SIGTERM, _stop_on_sigterm)
        try:
            while all(process.poll() is None for process in processes.values()):
                time.sleep(0.5)
            failed = [name for name, process in processes.items() if process.poll() is not None]
            say(f"{', '.join(failed)} stopped unexpectedly; shutting down")
            return 1
        except KeyboardInterrupt:
            say("stopping")
            return 0
        finally:
            for process in processes.values():
                if process.poll() is None:
                    process.terminate()
            for process in processes.values():
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    process.kill()


def test(pytest_args: list[str]) -> int:
    with embedded_services():
        env = child_environment()
        env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
        return subprocess.run([PYTHON, "-m", "pytest", *pytest_args], env=env, cwd=bootstrap.ROOT_DIR).returncode


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
    commands.add_parser("test")
    commands.add_parser("bench")
    commands.add_parser("stop")
    args, rest = parser.parse_known_args()
    bootstrap.configure()
    if args.command in ("run", "test", "bench"):
        compiled = catalogues.compile_catalogues()
        if compiled:
            say(f"compiled {len(compiled)} translation catalogue(s) under locale/")
    try:
        if args.command == "run":
            return run(args.port)
        if args.command == "test":
            return test(rest)
        if args.command == "bench":
            return bench()
        return stop()
    except subprocess.CalledProcessError as error:
        say(f"step failed: {' '.join(map(str, error.cmd))} (exit {error.returncode})")
        return error.returncode or 1


if __name__ == "__main__":
    sys.exit(main())
