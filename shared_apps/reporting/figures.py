"""The figures a province's report is pre-filled with, computed from its own data.

Runs inside the province's schema; returns plain numbers (JSON-serialisable) that are
copied into the public-schema report, so the centre never reads a province's tables.
"""

from __future__ import annotations

import datetime
import statistics

from django.apps import apps
from django.db.models import Count

from tenant_apps.documents.models import LegalDocumentPage
from tenant_apps.editorial.selectors import timeliness_items
from tenant_apps.news.models import NewsPage
from tenant_apps.online_services.models import ServiceRequest
from tenant_apps.qa.models import Question

FIGURE_LABELS = {
    "news_published": "Tin, bài đăng mới",
    "documents_published": "Văn bản đăng mới",
    "national_items_received": "Tin, văn bản toàn ngành nhận từ Trung ương",
    "questions_received": "Câu hỏi nhận được",
    "questions_answered": "Câu hỏi đã trả lời",
    "median_answer_days": "Thời gian trả lời (trung vị, ngày)",
    "service_requests": "Yêu cầu dịch vụ công trực tuyến",
    "documents_on_time_percent": "Văn bản đăng đúng hạn (%)",
    "news_on_time_percent": "Tin đăng đúng hạn (%)",
    "page_views": "Lượt truy cập",
}


def _published_between(model, start: datetime.date, end: datetime.date):
    return model.objects.filter(first_published_at__date__gte=start, first_published_at__date__lte=end)


def _on_time_percent(kind: str, start: datetime.date, end: datetime.date) -> float | None:
    items = [i for i in timeliness_items() if i.kind == kind and i.published_on and start <= i.published_on <= end]
    return round(100 * sum(i.on_time for i in items) / len(items), 1) if items else None


def collect_figures(start: datetime.date, end: datetime.date) -> dict:
    """Figures of the current province for the period [start, end] (local dates)."""
    news = _published_between(NewsPage, start, end)
    answered = Question.objects.filter(answered_at__date__gte=start, answered_at__date__lte=end)
    answer_days = [(q.answered_at - q.created_at).total_seconds() / 86400 for q in answered]
    figures = {
        "news_published": news.count(),
        "news_by_category": dict(news.values_list("category__name").annotate(n=Count("pk")).order_by()),
        "documents_published": _published_between(LegalDocumentPage, start, end).count(),
        "national_items_received": (
            news.filter(syndication_key__isnull=False).count()
            + _published_between(LegalDocumentPage, start, end).filter(syndication_key__isnull=False).count()
        ),
        "questions_received": Question.objects.filter(created_at__date__gte=start, created_at__date__lte=end).count(),
        "questions_answered": answered.count(),
        "median_answer_days": round(statistics.median(answer_days), 1) if answer_days else None,
        "service_requests": ServiceRequest.objects.filter(
            created_at__date__gte=start, created_at__date__lte=end
        ).count(),
        "documents_on_time_percent": _on_time_percent("Văn bản", start, end),
        "news_on_time_percent": _on_time_percent("Tin", start, end),
        "page_views": None,
    }
    if apps.is_installed("tenant_apps.analytics"):
        from tenant_apps.analytics.selectors import page_views_between

        figures["page_views"] = page_views_between(start, end)
    return figures


def sum_figures(quarters: list[dict]) -> dict:
    """A year's figures from its quarters: counts add up; rates and medians are averaged."""
    total: dict = {}
    for key in FIGURE_LABELS:
        values = [q.get(key) for q in quarters if q.get(key) is not None]
        if not values:
            total[key] = None
        elif key.endswith("_percent") or key.startswith("median"):
            total[key] = round(sum(values) / len(values), 1)
        else:
            total[key] = sum(values)
    categories: dict[str, int] = {}
    for quarter in quarters:
        for name, count in (quarter.get("news_by_category") or {}).items():
            categories[name] = categories.get(name, 0) + count
    total["news_by_category"] = categories
    return total
