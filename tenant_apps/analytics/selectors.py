"""Read queries on visit statistics of the current schema's site, for the admin report and other reports."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Sum

from tenants.schemas import in_public_schema

from .models import DailyPageViews


@dataclass(frozen=True)
class PageViews:
    path: str
    views: int


@dataclass(frozen=True)
class DayViews:
    date: datetime.date
    views: int


def page_views_between(start: datetime.date, end: datetime.date) -> int:
    """Total page views of the current province's site from `start` to `end` (local dates, inclusive).

    Only flushed counts (at most a few minutes behind); 0 on the central site, which is not counted.
    """
    if in_public_schema():
        return 0
    total = DailyPageViews.objects.filter(date__range=(start, end)).aggregate(total=Sum("views"))["total"]
    return total or 0


def top_pages(start: datetime.date, end: datetime.date, limit: int = 20) -> list[PageViews]:
    """The most viewed paths between `start` and `end` (inclusive), most viewed first."""
    if in_public_schema():
        return []
    rows = (
        DailyPageViews.objects.filter(date__range=(start, end))
        .values("path")
        .annotate(total=Sum("views"))
        .order_by("-total", "path")[:limit]
    )
    return [PageViews(row["path"], row["total"]) for row in rows]


def daily_totals(start: datetime.date, end: datetime.date) -> list[DayViews]:
    """Views per day from `start` to `end` (inclusive), one entry per day, days without views as 0."""
    totals: dict[datetime.date, int] = {}
    if not in_public_schema():
        rows = DailyPageViews.objects.filter(date__range=(start, end)).values("date").annotate(total=Sum("views"))
        totals = {row["date"]: row["total"] for row in rows}
    days = (end - start).days + 1
    return [
        DayViews(day, totals.get(day, 0)) for day in (start + datetime.timedelta(days=n) for n in range(max(days, 0)))
    ]
