"""A fixed-window rate limit per client IP and form, counted in Redis.

Keys go through the tenant-aware cache key function, so one province's counters never
touch another's. The client IP is REMOTE_ADDR: behind nginx, set it from the proxy
(`real_ip` module) rather than trusting X-Forwarded-For from the client.
"""

from django.core.cache import cache

DEFAULT_LIMIT = 5
DEFAULT_WINDOW_SECONDS = 600


def client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def allow_submission(request, scope: str, limit: int = DEFAULT_LIMIT, window: int = DEFAULT_WINDOW_SECONDS) -> bool:
    """Count this submission; False once `limit` submissions came from this IP within `window` seconds."""
    key = f"ratelimit:{scope}:{client_ip(request)}"
    if cache.add(key, 1, timeout=window):
        return True
    try:
        return cache.incr(key) <= limit
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        return True
