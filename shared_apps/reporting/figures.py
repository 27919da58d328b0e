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


# Ratios are stored with the counts they come from, so that a total or a year is computed from
# the counts (never by adding or averaging percentages).
RATIOS = {
    "documents_on_time_percent": ("documents_on_time", "documents_timed"),
    "news_on_time_percent": ("news_on_time", "news_timed"),
}
# Medians cannot be combined from medians: a total of several reports leaves them empty.
MEDIANS = {"median_answer_days"}
COUNTS = [key for key in FIGURE_LABELS if key not in RATIOS and key not in MEDIANS] + [
    count for pair in RATIOS.values() for count in pair
]


def percent(part: int | None, whole: int | None) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _published_between(model, start: datetime.date, end: datetime.date):
    return model.objects.filter(first_published_at__date__gte=start, first_published_at__date__lte=end)


def _timeliness(kind: str, start: datetime.date, end: datetime.date) -> tuple[int, int]:
    """(published on time, published) among the items of `kind` published in [start, end]."""
    items = [i for i in timeliness_items() if i.kind == kind and i.published_on and start <= i.published_on <= end]
    return sum(i.on_time for i in items), len(items)


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
        "page_views": None,
    }
    figures["documents_on_time"], figures["documents_timed"] = _timeliness("Văn bản", start, end)
    figures["news_on_time"], figures["news_timed"] = _timeliness("Tin", start, end)
    for key, (part, whole) in RATIOS.items():
        figures[key] = percent(figures[part], figures[whole])
    if apps.is_installed("tenant_apps.analytics"):
        from tenant_apps.analytics.selectors import page_views_between

        figures["page_views"] = page_views_between(start, end)
    return figures


def combine_figures(reports: list[dict]) -> dict:
    """The figures of several reports together: counts add up, ratios come from the added counts,
    medians stay empty. A count none of the reports has stays empty too."""
    total: dict = {}
    for key in COUNTS:
        values = [figures[key] for figures in reports if figures.get(key) is not None]
        total[key] = sum(values) if values else None
    for key, (part, whole) in RATIOS.items():
        total[key] = percent(total[part], total[whole])
    for key in MEDIANS:
        total[key] = None
    return total
