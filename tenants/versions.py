"""Version counters in Redis, and what each worker keeps in memory under them.

A counter stands for the state of something every worker caches (the provinces and sites behind
each host; one site's published content). Whoever changes that thing bumps the counter; a reader
reads it once per request and keys what it caches on the value, so a bump makes every older copy
unreachable at once, on every worker, with nothing to delete. A bump is made at once (the same
transaction and request see the change) and again on commit: a request that read the new value
before the commit may have cached the old state under it.

Redis may fail in two ways, and neither may leave a stale copy behind (docs/decisions.md,
"Caches without Redis"):
- it restarts without its data: a missing counter starts again from the clock (microseconds),
  above any value a worker may still hold;
- it cannot be reached: a reader gets None, caches nothing and marks the request degraded (so
  nothing downstream keeps the page either); a bump that cannot be made is written to PostgreSQL
  (PendingVersionBump) and made when Redis answers again: by each process at its first read after
  start-up and after every failed read, and by a Celery beat sweep every minute.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from redis.exceptions import RedisError

from tenants.serving_redis import cache_server

logger = logging.getLogger(__name__)

# Values kept in a worker's memory across counters; the least recently used go first.
IN_PROCESS_ENTRIES = 1000
_in_process: OrderedDict[tuple, Any] = OrderedDict()
_in_process_lock = threading.Lock()
# Pending bumps are made at this process's first read, and again after any failed read or bump.
_sweep_due = [True]
# Whether this process's last read failed: an outage is logged once, when it starts.
_unreachable = [False]


@dataclass(frozen=True)
class Counter:
    """A named counter: one for the whole platform, or one per schema (`per_schema`)."""

    name: str
    per_schema: bool = False

    def key(self, schema_name: str | None = None) -> str:
        scope = (schema_name or connection.schema_name) if self.per_schema else "platform"
        return f"{settings.CACHES['default'].get('KEY_PREFIX', '')}:version:{scope}:{self.name}"

    def value(self, request=None) -> int | None:
        """The current value, read once per request; None when Redis cannot be reached, and then
        for the rest of that request (which is marked degraded): nothing may be cached."""
        if request is None:
            return _read(self.key())
        values = request.__dict__.setdefault("_version_counters", {})
        key = self.key()
        if key not in values:
            values[key] = None if is_degraded(request) else _read(key)
            if values[key] is None:
                request.serving_degraded = True
        return values[key]

    def bump(self, schema_name: str | None = None) -> None:
        """Make every value cached under the current one stale, now and again on commit (if in a
        transaction)."""
        key = self.key(schema_name)
        _bump(key)
        if connection.in_atomic_block:
            transaction.on_commit(lambda: _bump(key))

    def cached(self, request, name: str, compute: Callable[[], Any]) -> Any:
        """`compute()`'s result under the counter's current value, kept in this worker's memory;
        computed afresh whenever the counter cannot be read. The caller must not change it."""
        value = self.value(request)
        if value is None:
            return compute()
        entry = (self.key(), value, name)
        with _in_process_lock:
            if entry in _in_process:
                _in_process.move_to_end(entry)
                return _in_process[entry]
        result = compute()
        with _in_process_lock:
            _in_process[entry] = result
            while len(_in_process) > IN_PROCESS_ENTRIES:
                _in_process.popitem(last=False)
        return result


def is_degraded(request) -> bool:
    """Whether this request found Redis unreachable: it is served without caches, and its answer
    must not be kept downstream either."""
    return getattr(request, "serving_degraded", False)


def _read(key: str) -> int | None:
    try:
        if _sweep_due[0]:
            apply_pending_bumps()
        client = cache_server()
        value = client.get(key)
        if value is None:
            _start(client, key)
            value = client.get(key)
    except RedisError:
        if not _unreachable[0]:
            logger.warning("Redis không trả lời; các trang được phục vụ không dùng bộ nhớ đệm.")
        _sweep_due[0] = _unreachable[0] = True
        return None
    _unreachable[0] = False
    return int(value)


def _start(client, key: str) -> None:
    client.set(key, time.time_ns() // 1000, nx=True)


def _increment(key: str) -> None:
    client = cache_server()
    _start(client, key)
    client.incr(key)


def _bump(key: str) -> None:
    from tenants.models import PendingVersionBump

    try:
        _increment(key)
    except RedisError:
        logger.warning("Redis không trả lời; bộ đếm %s sẽ được tăng khi Redis hoạt động lại.", key)
        PendingVersionBump.objects.bulk_create(
            [PendingVersionBump(key=key, recorded_at=timezone.now())],
            update_conflicts=True,
            unique_fields=["key"],
            update_fields=["recorded_at"],
        )
        _sweep_due[0] = True


def apply_pending_bumps() -> int:
    """Make the bumps Redis missed (raises RedisError while it is still unreachable); returns how
    many. A bump recorded again meanwhile keeps its row, to be made once more: harmless."""
    from tenants.models import PendingVersionBump

    pending = list(PendingVersionBump.objects.all())
    for bump in pending:
        _increment(bump.key)
        PendingVersionBump.objects.filter(pk=bump.pk, recorded_at=bump.recorded_at).delete()
    _sweep_due[0] = False
    return len(pending)
