"""Start-up helper shared by every entry point (manage.py, launch.py, wsgi, celery, pytest).

`platform/` is deliberately not a Python package: a top-level package named `platform`
would shadow the standard-library module and break `uuid`, Celery and more. Every entry
point puts `platform/` itself on `sys.path` (so `config` is importable) together with the
repository root (so `tenants`, `shared_apps` and `tenant_apps` are), and this module is the
one place that knows how.

For development entry points only (the launcher, manage.py, the test settings) it also starts
the embedded PostgreSQL and Redis servers when `DATABASE_URL` / `REDIS_URL` are not set, and
publishes their addresses in the environment so that every child process (web, worker, beat)
talks to the same servers. Settings never start them, and production settings refuse to load
without real servers.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

PRODUCTION_SETTINGS = "config.settings.production"
PLATFORM_DIR = Path(__file__).resolve().parent
ROOT_DIR = PLATFORM_DIR.parent
DEFAULT_DATA_DIR = ROOT_DIR / "data"


def configure(settings_module: str = "config.settings.base") -> None:
    """Make the project importable and pick the settings module (unless already chosen)."""
    for path in (str(ROOT_DIR), str(PLATFORM_DIR)):
        if path not in sys.path:
            sys.path.insert(0, path)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", settings_module)


def data_dir() -> Path:
    path = Path(os.environ.get("BHXH_DATA_DIR", DEFAULT_DATA_DIR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def is_production() -> bool:
    return os.environ.get("DJANGO_SETTINGS_MODULE") == PRODUCTION_SETTINGS


def ensure_services_in_environment() -> None:
    """Set DATABASE_URL and REDIS_URL, starting the embedded servers for whichever is missing."""
    from embedded import EmbeddedServerError, ensure_postgres, ensure_redis

    try:
        if not os.environ.get("DATABASE_URL"):
            os.environ["DATABASE_URL"] = ensure_postgres(data_dir()).url
        if not os.environ.get("REDIS_URL"):
            os.environ["REDIS_URL"] = ensure_redis(data_dir()).url
    except EmbeddedServerError as error:
        raise SystemExit(f"[bhxh] {error}") from None
