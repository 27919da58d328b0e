"""Read queries about maintenance windows, for the public banner and the nginx flags."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from tenants.middleware import TENANT_GENERATION
from tenants.models import Domain
from tenants.schemas import current_province, in_public_schema

from .models import MaintenanceWindow


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


def _windows_not_ended(request=None) -> list[MaintenanceNotice]:
    """Every window that has not ended, kept in this worker's memory under the tenant generation,
    which every window change bumps (signals.py): between changes no page queries them."""

    def query() -> list[MaintenanceNotice]:
        return [
            MaintenanceNotice(**row)
            for row in MaintenanceWindow.objects.filter(ends_at__gt=timezone.now()).values(
                "province_id", "starts_at", "ends_at", "reason", "notice_working_days"
            )
        ]

    return TENANT_GENERATION.cached(request, "maintenance-windows", query)


def notices_for_site(province, now: datetime.datetime | None = None, request=None) -> list[MaintenanceNotice]:
    """Windows to announce on `province`'s public site now (the central office's for the central site).

    A platform-wide window concerns every site; a province's window only that province's.
    """
    now = now or timezone.now()
    notices = _windows_not_ended(request)
    return sorted(
        (notice for notice in notices if notice.province_id in (None, province.pk) and notice.shown(now)),
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
