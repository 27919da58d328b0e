"""Figures measured on the current province's site (run inside its schema): freshness, broken
internal links, citizens' page ratings. Plain values, copied into the public-schema run."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, Q
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex

from tenant_apps.documents.models import LegalDocumentPage
from tenant_apps.feedback.models import PageFeedback
from tenant_apps.news.models import NewsPage

from .accessibility import audit_pages, sample_paths
from .site_reader import public_url

FEEDBACK_WINDOW_DAYS = 90

METRIC_LABELS = {
    "news_days": "Số ngày từ tin mới nhất",
    "document_days": "Số ngày từ văn bản mới nhất",
    "broken_links": "Liên kết nội bộ hỏng",
    "feedback_count": "Lượt đánh giá (90 ngày)",
    "feedback_helpful_percent": "Đánh giá «hữu ích» (%)",
    "accessibility_errors": "Lỗi truy cập cho người khuyết tật (trang mẫu)",
}


def days_since_last(model) -> int | None:
    """Days since the newest live item of `model` was first published; None if there is none."""
    latest = model.objects.live().aggregate(latest=Max("first_published_at"))["latest"]
    return (timezone.localdate() - timezone.localdate(latest)).days if latest else None


@dataclass(frozen=True)
class BrokenLink:
    source: Page
    target_label: str
    reason: str


def broken_links() -> list[BrokenLink]:
    """Links and choosers on live pages (Wagtail's reference index) that point at a page that no
    longer exists or is not live, or at a document or image that no longer exists."""
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.objects.filter(base_content_type=page_type).values_list(
        "object_id", "to_content_type_id", "to_object_id"
    )
    wanted: dict[int, set[str]] = defaultdict(set)
    for _source, target_type, target in references:
        if target.isdigit():  # every model a page can point at has an integer key
            wanted[target_type].add(target)
    live_sources = {
        str(pk): page
        for pk, page in Page.objects.live()
        .filter(pk__in={int(source) for source, _t, _o in references})
        .in_bulk()
        .items()
    }
    status: dict[tuple[int, str], str] = {}
    for type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        found = model._base_manager.filter(pk__in=[int(i) for i in ids])
        existing = {str(pk) for pk in found.values_list("pk", flat=True)}
        usable = (
            {str(pk) for pk in found.filter(live=True).values_list("pk", flat=True)}
            if issubclass(model, Page)
            else existing
        )
        for target in ids:
            if target not in existing:
                status[(type_id, target)] = "trang hoặc tệp đã xóa"
            elif target not in usable:
                status[(type_id, target)] = "trang chưa xuất bản"
    broken = []
    for source, target_type, target in references:
        reason = status.get((target_type, target))
        if reason and source in live_sources:
            broken.append(BrokenLink(live_sources[source], f"#{target}", reason))
    return broken


def feedback_score(days: int = FEEDBACK_WINDOW_DAYS) -> tuple[int, float | None]:
    """(ratings in the last `days`, share marked helpful in %)."""
    since = timezone.now() - datetime.timedelta(days=days)
    counts = PageFeedback.objects.filter(created_at__gte=since).aggregate(
        total=Count("pk"), helpful=Count("pk", filter=Q(helpful=True))
    )
    total = counts["total"]
    return total, round(100 * counts["helpful"] / total, 1) if total else None


def measure_site() -> dict:
    """The measures of the current province's site; accessibility only where a browser is configured."""
    total, helpful = feedback_score()
    audits = audit_pages(sample_paths())
    return {
        "accessibility_errors": sum(audit.errors for audit in audits) if audits is not None else None,
        "accessibility_pages": [
            {"url": public_url(audit.path), "errors": audit.errors, "rules": audit.rules}
            for audit in audits or []
            if audit.errors
        ],
        "news_days": days_since_last(NewsPage),
        "document_days": days_since_last(LegalDocumentPage),
        "broken_links": len(broken_links()),
        "feedback_count": total,
        "feedback_helpful_percent": helpful,
    }
