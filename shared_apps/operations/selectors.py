"""Read queries about maintenance windows, for the public banner and the nginx flags."""

from __future__ import annotations

import datetime
import json
import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django_redis import get_redis_connection
from redis.exceptions import RedisError

from tenants.middleware import forget_cached_tenants, seen_generation
from tenants.models import Domain
from tenants.schemas import current_province, in_public_schema
from tenants.serving_redis import cache_server

from .models import MaintenanceWindow

logger = logging.getLogger(__name__)

# One key for the whole platform (not per schema): windows are few, and every site reads them.
CACHE_TIMEOUT_SECONDS = 60 * 60


def cache_key() -> str:
    return f"{settings.CACHES['default'].get('KEY_PREFIX', '')}:maintenance:upcoming"


def working_days_before(moment: datetime.datetime, days: int) -> datetime.datetime:
    """`moment` moved back by `days` working days (Monday to Friday), same time of day, local time."""
    local = timezone.localtime(moment)
    day = local.date()
    while days > 0:
        day -= datetime.timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return datetime.datetime.combine(day, local.time(), tzinfo=local.tzinfo)


@dataclass(frozen=True)
class MaintenanceNotice:
    province_id: int | None
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    reason: str
    notice_working_days: int

    @property
    def notice_from(self) -> datetime.datetime:
        return working_days_before(self.starts_at, self.notice_working_days)

    @property
    def in_progress(self) -> bool:
        return self.starts_at <= timezone.now() < self.ends_at

    def shown(self, now: datetime.datetime) -> bool:
        return self.notice_from <= now < self.ends_at


# (tenant generation, notices): a window saved or deleted bumps the generation every worker reads
# at the start of each request (tenants.middleware), so between changes no page reads Redis for them.
_windows_in_process: list = [None, []]


def _windows_not_ended() -> list[MaintenanceNotice]:
    """Every window that has not ended: from this worker's memory while the tenant generation is
    unchanged, else from Redis, else from one query that refills Redis."""
    generation = seen_generation()
    if generation is not None and _windows_in_process[0] == generation:
        return _windows_in_process[1]
    notices = _windows_from_redis_or_database()
    _windows_in_process[:] = [generation, notices]
    return notices


def _windows_from_redis_or_database() -> list[MaintenanceNotice]:
    try:
        client = cache_server()  # short timeout: this runs on every public page
        cached = client.get(cache_key())
    except RedisError:
        logger.warning("Redis không trả lời; đọc lịch bảo trì từ cơ sở dữ liệu.")
        client, cached = None, None
    if cached is not None:
        rows = json.loads(cached)
    else:
        rows = [
            {**row, "starts_at": row["starts_at"].isoformat(), "ends_at": row["ends_at"].isoformat()}
            for row in MaintenanceWindow.objects.filter(ends_at__gt=timezone.now()).values(
                "province_id", "starts_at", "ends_at", "reason", "notice_working_days"
            )
        ]
        if client is not None:
            try:
                client.set(cache_key(), json.dumps(rows), ex=CACHE_TIMEOUT_SECONDS)
            except RedisError:
                logger.warning("Redis không trả lời; không lưu đệm lịch bảo trì.")
    return [
        MaintenanceNotice(
            **{
                **row,
                "starts_at": datetime.datetime.fromisoformat(row["starts_at"]),
                "ends_at": datetime.datetime.fromisoformat(row["ends_at"]),
            }
        )
        for row in rows
    ]


def forget_cached_windows() -> None:
    _windows_in_process[:] = [None, []]
    try:
        get_redis_connection("default").delete(cache_key())
    except RedisError:
        logger.warning("Redis không trả lời; lịch bảo trì lưu đệm sẽ hết hạn sau %s giây.", CACHE_TIMEOUT_SECONDS)
    # After the Redis copy is gone: a worker that sees the new generation cannot reload the old rows.
    forget_cached_tenants()


def notices_for_site(province, now: datetime.datetime | None = None) -> list[MaintenanceNotice]:
    """Windows to announce on `province`'s public site now (the central office's for the central site).

    A platform-wide window concerns every site; a province's window only that province's.
    """
    now = now or timezone.now()
    return sorted(
        (notice for notice in _windows_not_ended() if notice.province_id in (None, province.pk) and notice.shown(now)),
        key=lambda notice: notice.starts_at,
    )


def hosts_in_maintenance(now: datetime.datetime | None = None) -> dict[str, MaintenanceWindow]:
    """Each host name whose site is in a maintenance window now, with that window (the one ending last)."""
    now = now or timezone.now()
    hosts: dict[str, MaintenanceWindow] = {}
    for window in MaintenanceWindow.objects.filter(starts_at__lte=now, ends_at__gt=now).order_by("ends_at"):
        domains = Domain.objects.all()
        if window.province_id is not None:
            domains = domains.filter(tenant=window.province_id)
        for host in domains.values_list("domain", flat=True):
            hosts[host.lower()] = window
    return hosts


def windows_managed_here():
    """Windows the current admin may list and edit: all of them centrally, its own in a province."""
    windows = MaintenanceWindow.objects.select_related("province")
    return windows if in_public_schema() else windows.filter(province=current_province().pk)
