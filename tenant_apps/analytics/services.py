"""Counting page views in Redis while pages are served, and flushing the counts to PostgreSQL.

Counters: one Redis hash per schema and local day, ``analytics:<schema>:<YYYY-MM-DD>``, path → views,
plus a field ``#batch`` holding a random id set once per hash (HSETNX). Serving a page costs one
MULTI/EXEC round trip on a client with a short timeout and no retries; a Redis error is logged and
the view is simply not counted.

Flushing (every few minutes, in each province's schema) adds every count exactly once:

1. each live hash is RENAMEd (atomic) to ``analytics-flushing:<schema>:<day>:<random>``; requests that
   arrive afterwards start a new live hash with a new batch id;
2. every flushing hash — the ones just renamed and any left by a run that died — is added to
   ``DailyPageViews`` with F() increments, in one transaction that also records, per batch id, the
   counts added so far (``FlushedBatch``); only what a hash holds beyond that record is added;
3. the flushing hash is deleted.

A crash before step 2 commits leaves the hash for the next run; a crash between 2 and 3 leaves a hash
whose counts are all recorded, so the next run adds nothing and deletes it. A Redis that restarts from
an older snapshot brings back hashes already added: their recorded counts are not added again, and
views counted into them after the restart are (beyond the record). A Redis that restarts empty loses
only views not yet flushed. So a view is never added twice; it may be lost only with Redis's data.
Hashes expire COUNTER_TTL_DAYS after their last view and records are kept longer
(BATCH_RETENTION_DAYS), so no hash can outlive the record of its batch.
"""

from __future__ import annotations

import datetime
import logging
import uuid

import redis
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django_tenants.utils import get_public_schema_name

from tenants.serving_redis import redis_client

from .models import DailyPageViews, FlushedBatch

logger = logging.getLogger(__name__)

LIVE_PREFIX = "analytics"
FLUSHING_PREFIX = "analytics-flushing"
BATCH_FIELD = "#batch"  # paths always start with "/", so this field never collides with one
COUNTER_TTL_DAYS = 35
BATCH_RETENTION_DAYS = 45
MAX_PATH_LENGTH = 500

# Not pages of the public site: the admin, files, feeds, sitemaps and one-off endpoints.
EXCLUDED_PREFIXES = (
    "/admin/",
    "/static/",
    "/media/",
    "/documents/",
    "/captcha/",
    "/rss/",
    "/atom/",
    "/co-chu/",
    "/danh-gia/",
    "/loi-moi/",
    "/tep-dich-vu-cong/",
)
EXCLUDED_PATHS = {"/sitemap.xml", "/robots.txt", "/favicon.ico"}
BOT_MARKERS = ("bot", "crawler", "spider", "slurp", "curl", "wget", "python-requests", "headless")


# --- Redis -------------------------------------------------------------------------------


def counters_redis_url() -> str:
    """The Redis holding the counters: ANALYTICS_REDIS_URL, else the cache's own database."""
    return getattr(settings, "ANALYTICS_REDIS_URL", "") or settings.CACHES["default"]["LOCATION"]


def counters_redis(*, serving: bool = True) -> redis.Redis:
    """A raw client (keys carry the schema themselves); while serving, a short timeout and no retries."""
    timeout = settings.ANALYTICS_REDIS_SERVING_TIMEOUT if serving else settings.ANALYTICS_REDIS_FLUSH_TIMEOUT
    return redis_client(counters_redis_url(), float(timeout))


def live_key(schema: str, day: datetime.date) -> str:
    return f"{LIVE_PREFIX}:{schema}:{day.isoformat()}"


def _day_of_key(key: str) -> datetime.date:
    return datetime.date.fromisoformat(key.split(":")[2])


# --- Counting ----------------------------------------------------------------------------


def is_countable_view(request: HttpRequest, response: HttpResponse) -> bool:
    """A successful GET of a public HTML page of a province, by something that is not an obvious bot."""
    tenant = getattr(request, "tenant", None)
    return is_countable(
        method=request.method,
        status=response.status_code,
        schema=tenant.schema_name if tenant is not None else None,
        path=request.path,
        content_type=response.get("Content-Type", ""),
        purpose=request.headers.get("Sec-Purpose", request.headers.get("Purpose", "")),
        user_agent=request.headers.get("User-Agent", ""),
    )


def is_countable(
    *, method: str, status: int, schema: str | None, path: str, content_type: str, purpose: str, user_agent: str
) -> bool:
    """The rule of is_countable_view on plain values (also applied to nginx's log of cached views)."""
    if method != "GET" or status != 200:
        return False
    if schema is None or schema == get_public_schema_name():
        return False
    if path in EXCLUDED_PATHS or path.startswith(EXCLUDED_PREFIXES):
        return False
    if not content_type.startswith("text/html"):
        return False
    if "prefetch" in purpose.lower():
        return False
    return not is_bot(user_agent)


def is_bot(user_agent: str) -> bool:
    """An empty User-Agent or one naming a crawler or a scripting tool."""
    agent = user_agent.strip().lower()
    return not agent or any(marker in agent for marker in BOT_MARKERS)


def count_page_view(schema: str, path: str, when: datetime.datetime | None = None) -> bool:
    """Add one view of `path` to today's (local day) counter of `schema`; False if Redis failed."""
    day = timezone.localtime(when).date()
    key = live_key(schema, day)
    try:
        pipe = counters_redis().pipeline(transaction=True)
        pipe.hincrby(key, path[:MAX_PATH_LENGTH], 1)
        pipe.hsetnx(key, BATCH_FIELD, uuid.uuid4().hex)
        pipe.expire(key, COUNTER_TTL_DAYS * 24 * 60 * 60)
        pipe.execute()
    except redis.RedisError as error:
        logger.warning("Không ghi được lượt xem %s vào Redis: %s", path, error)
        return False
    return True


# --- Flushing ----------------------------------------------------------------------------


def move_live_counters_to_flushing(schema: str) -> list[str]:
    """Step 1: atomically rename each live hash of `schema`; return the new (flushing) key names."""
    client = counters_redis(serving=False)
    moved = []
    for raw_key in client.scan_iter(match=f"{LIVE_PREFIX}:{schema}:*", count=500):
        key = raw_key.decode()
        target = f"{FLUSHING_PREFIX}:{schema}:{_day_of_key(key).isoformat()}:{uuid.uuid4().hex}"
        try:
            client.rename(key, target)
        except redis.ResponseError:  # gone since the scan (expired, or taken by a concurrent flush)
            continue
        moved.append(target)
    return moved


def flushing_keys(schema: str) -> list[str]:
    client = counters_redis(serving=False)
    return sorted(key.decode() for key in client.scan_iter(match=f"{FLUSHING_PREFIX}:{schema}:*", count=500))


def record_flushing_hash(key: str) -> int:
    """Step 2: add one flushing hash to DailyPageViews, minus what was added from it before; return views added."""
    client = counters_redis(serving=False)
    client.hsetnx(key, BATCH_FIELD, uuid.uuid4().hex)  # only for a hash that somehow lacks one
    raw = client.hgetall(key)
    batch_id = raw.pop(BATCH_FIELD.encode(), b"").decode()
    counts = {path.decode(): int(views) for path, views in raw.items()}
    if not batch_id or not counts:
        return 0
    return add_batch_counts(batch_id, _day_of_key(key), counts)


def add_batch_counts(batch_id: str, day: datetime.date, counts: dict[str, int]) -> int:
    """Add to `day` (current schema) what `counts` holds beyond what was already added from `batch_id`.

    One transaction, the batch row locked, so concurrent flushes of the same hash add it once.
    """
    with transaction.atomic():
        FlushedBatch.objects.get_or_create(batch_id=batch_id, defaults={"date": day})
        batch = FlushedBatch.objects.select_for_update().get(batch_id=batch_id)
        added = 0
        for path, views in counts.items():
            new_views = views - batch.counts.get(path, 0)
            if new_views > 0:
                _increment(day, path, new_views)
                batch.counts[path] = views
                added += new_views
        if added:
            batch.save(update_fields=["counts", "flushed_at"])
    return added


def _increment(day: datetime.date, path: str, views: int) -> None:
    rows = DailyPageViews.objects.filter(date=day, path=path)
    if rows.update(views=F("views") + views):
        return
    try:
        with transaction.atomic():
            DailyPageViews.objects.create(date=day, path=path, views=views)
    except IntegrityError:  # created meanwhile by a concurrent flush of another batch
        rows.update(views=F("views") + views)


def flush_page_views(schema: str) -> int:
    """Move `schema`'s counters from Redis to DailyPageViews (steps 1–3 above); return the views added."""
    if schema == get_public_schema_name():
        return 0
    client = counters_redis(serving=False)
    move_live_counters_to_flushing(schema)
    added = 0
    for key in flushing_keys(schema):  # this run's hashes and any left by a run that died
        added += record_flushing_hash(key)
        client.delete(key)
    FlushedBatch.objects.filter(flushed_at__lt=timezone.now() - datetime.timedelta(days=BATCH_RETENTION_DAYS)).delete()
    return added
