"""Fixed-window counters per province, form, kind and client IP, in Redis.

Keys carry the schema name (``ratelimit:<schema>:<scope>:<kind>:<ip>``), so one province's
counters never touch another's. The client IP is REMOTE_ADDR: behind nginx, set it from the
proxy (`real_ip` module) rather than trusting X-Forwarded-For from the client.

The client has a short timeout and no retries (tenants.serving_redis). When Redis cannot be
reached a limit fails open: the submission goes through and a warning is logged, because a form
that answers 500 turns away every citizen while an unlimited one only lets a flood through until
Redis is back (the captcha still stands in front of most forms).
"""

from __future__ import annotations

import logging

import redis
from django.conf import settings
from django.db import connection

from tenants.serving_redis import redis_client

logger = logging.getLogger(__name__)

DEFAULT_LIMIT = 5
DEFAULT_WINDOW_SECONDS = 600

SENT = "gui"


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def counters_redis() -> redis.Redis:
    """RATE_LIMIT_REDIS_URL, else the cache's own database; a raw client, keys carry the schema."""
    url = settings.RATE_LIMIT_REDIS_URL or settings.CACHES["default"]["LOCATION"]
    return redis_client(url, settings.RATE_LIMIT_REDIS_TIMEOUT)


def _key(request, scope: str, kind: str) -> str:
    return f"ratelimit:{connection.schema_name}:{scope}:{kind}:{client_ip(request)}"


def count(request, scope: str, kind: str, window: int) -> int | None:
    """Add one to this address's `kind` counter of `scope`; its value in the current window, or
    None when Redis cannot be reached."""
    key = _key(request, scope, kind)
    try:
        pipe = counters_redis().pipeline(transaction=True)
        pipe.set(key, 0, ex=window, nx=True)
        pipe.incr(key)
        return pipe.execute()[1]
    except redis.RedisError as error:
        logger.warning("Redis không trả lời; bỏ qua giới hạn số lần gửi %s: %s", scope, error)
        return None


def counts(request, scope: str, kinds: tuple[str, ...]) -> dict[str, int] | None:
    """This address's counters of `scope` in their current windows, without adding to them; None
    when Redis cannot be reached."""
    try:
        values = counters_redis().mget([_key(request, scope, kind) for kind in kinds])
    except redis.RedisError as error:
        logger.warning("Redis không trả lời; bỏ qua giới hạn số lần gửi %s: %s", scope, error)
        return None
    return {kind: int(value or 0) for kind, value in zip(kinds, values, strict=True)}


def allow_submission(request, scope: str, limit: int = DEFAULT_LIMIT, window: int = DEFAULT_WINDOW_SECONDS) -> bool:
    """Count this submission; False once more than `limit` came from this IP within `window` seconds
    (True when Redis cannot be reached).

    Ratings and the status lookup count every attempt here; the citizen form pages count only
    accepted submissions here and refused ones apart (tenant_apps.antispam.flow)."""
    value = count(request, scope, SENT, window)
    return value is None or value <= limit
