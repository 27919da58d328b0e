"""Raw Redis clients for the request path: a short timeout and no retries, so a Redis outage
costs a request at most the timeout and never breaks serving."""

import functools

import redis
from django.conf import settings
from redis.backoff import NoBackoff
from redis.retry import Retry


@functools.cache
def redis_client(url: str, timeout: float) -> redis.Redis:
    return redis.Redis.from_url(
        url, socket_timeout=timeout, socket_connect_timeout=timeout, retry=Retry(NoBackoff(), 0)
    )


def cache_server(timeout: float = 0.1) -> redis.Redis:
    """The cache's own Redis, raw (keys are not prefixed per schema), for reads while serving."""
    return redis_client(settings.CACHES["default"]["LOCATION"], timeout)
