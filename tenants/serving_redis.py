"""Redis on the request path: raw clients with a short timeout and no retries, and the Django
cache backend. A Redis outage costs a request at most the timeout and never breaks serving."""

import functools
from urllib.parse import urlsplit

import redis
from django.conf import settings
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.backoff import NoBackoff
from redis.retry import Retry
from redis.sentinel import Sentinel


@functools.cache
def redis_client(url: str, timeout: float) -> redis.Redis:
    """A client of the Redis at `url`; with REDIS_SENTINELS, of the master that the sentinels name
    (`url` is then redis://<master>/<db>), looked up again on every new connection after a failover."""
    options = {"socket_timeout": timeout, "socket_connect_timeout": timeout, "retry": Retry(NoBackoff(), 0)}
    if not settings.REDIS_SENTINELS:
        return redis.Redis.from_url(url, **options)
    address = urlsplit(url)
    sentinels = Sentinel(
        settings.REDIS_SENTINELS, sentinel_kwargs={"socket_timeout": timeout, "socket_connect_timeout": timeout}
    )
    return sentinels.master_for(address.hostname, db=int(address.path.strip("/") or 0), **options)


def cache_server(timeout: float = 0.1) -> redis.Redis:
    """The cache's own Redis, raw (keys are not prefixed per schema), for reads while serving."""
    return redis_client(settings.CACHES["default"]["LOCATION"], timeout)


def _raising(method):
    """`method` of django-redis without its IGNORE_EXCEPTIONS: the connection error is raised."""
    undecorated = method.__wrapped__

    @functools.wraps(undecorated)
    def call(self, *args, **kwargs):
        try:
            return undecorated(self, *args, **kwargs)
        except ConnectionInterrupted as error:
            raise error.__cause__ from None

    return call


class ServingRedisCache(RedisCache):
    """django-redis where a read from an unreachable Redis is a miss and a write is dropped
    (its IGNORE_EXCEPTIONS), for what Wagtail and Django cache on their own (site root paths,
    renditions, locale names): the page is built from the database instead. Counting (add, incr,
    decr) still raises: a caller that counts decides itself what an outage means."""

    add = _raising(RedisCache.add)
    incr = _raising(RedisCache.incr)
    decr = _raising(RedisCache.decr)

    def __init__(self, server, params):
        super().__init__(server, params)
        self._ignore_exceptions = True
