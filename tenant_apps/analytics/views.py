"""Thống kê truy cập — the province board's report of top pages and daily views (Wagtail admin)."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import timezone

from .selectors import daily_totals, top_pages

PERIOD_DAYS = (7, 30, 90)
VIEW_PERMISSION = "analytics.view_dailypageviews"


def _with_bar_widths(rows: list) -> list[dict]:
    """Each row with the width (percent of the largest value) of its bar in the chart."""
    largest = max((row.views for row in rows), default=0)
    return [{"row": row, "percent": round(row.views * 100 / largest) if largest else 0} for row in rows]


def visit_statistics(request):
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    try:
        days = int(request.GET.get("ngay", 30))
    except ValueError:
        days = 30
    if days not in PERIOD_DAYS:
        days = 30
    end = timezone.localdate()
    start = end - datetime.timedelta(days=days - 1)
    pages = top_pages(start, end, limit=20)
    trend = daily_totals(start, end)
    return TemplateResponse(
        request,
        "analytics/visit_statistics.html",
        {
            "page_title": "Thống kê truy cập",
            "days": days,
            "periods": PERIOD_DAYS,
            "start": start,
            "end": end,
            "total": sum(day.views for day in trend),
            "top_pages": _with_bar_widths(pages),
            "trend": _with_bar_widths(list(reversed(trend))),
        },
    )
