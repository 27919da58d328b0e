"""Read queries of the national newsroom, shared by admin views, the central home page and the tasks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone
from django_tenants.utils import get_public_schema_name

from tenants.models import Domain, Province

from .models import Delivery, LocalArticle, Nomination, SyndicatedItem

MATRIX_ITEMS_PER_PAGE = 20


def receiving_provinces() -> QuerySet[Province]:
    """The provinces that receive national items: every active one, not the central office."""
    return (
        Province.objects.exclude(code="")
        .exclude(schema_name=get_public_schema_name())
        .filter(status=Province.Status.ACTIVE)
        .order_by("code")
    )


@dataclass
class MatrixCell:
    delivery: Delivery | None
    overdue: bool  # pending longer than NEWSROOM_PENDING_RESEND_SECONDS: its message was probably lost


@dataclass
class MatrixRow:
    item: SyndicatedItem
    cells: list[MatrixCell]  # one per province, in the matrix's province order
    stuck: int  # failed or overdue: what "Gửi lại" sends again


@dataclass
class DeliveryMatrix:
    provinces: list[Province]
    items: PaginatorPage
    rows: list[MatrixRow]


def overdue_since():
    """Deliveries still pending that were queued before this moment are overdue: their message was
    probably lost (NEWSROOM_PENDING_RESEND_SECONDS)."""
    return timezone.now() - timedelta(seconds=settings.NEWSROOM_PENDING_RESEND_SECONDS)


def stuck_filter(prefix: str = "") -> Q:
    """Failed deliveries and overdue pending ones: what "Gửi lại" sends again."""
    status, queued_at = f"{prefix}status", f"{prefix}queued_at__lt"
    return Q(**{status: Delivery.Status.FAILED}) | Q(**{status: Delivery.Status.PENDING, queued_at: overdue_since()})


def delivery_matrix(page_number: int | str = 1, per_page: int = MATRIX_ITEMS_PER_PAGE) -> DeliveryMatrix:
    """Items (newest first, one page of them) × provinces, with each delivery: three queries."""
    provinces = list(Province.objects.exclude(code="").order_by("code"))
    stuck = Count("deliveries", filter=stuck_filter("deliveries__"))
    newest_first = SyndicatedItem.objects.annotate(stuck=stuck).order_by("-last_published_at", "-pk")
    items = Paginator(newest_first, per_page).get_page(page_number)
    deliveries = {
        (delivery.item_id, delivery.province_id): delivery
        for delivery in Delivery.objects.filter(item__in=list(items.object_list))
    }
    since = overdue_since()

    def cell(delivery: Delivery | None) -> MatrixCell:
        overdue = bool(delivery and delivery.status == Delivery.Status.PENDING and delivery.queued_at < since)
        return MatrixCell(delivery, overdue)

    rows = [
        MatrixRow(item, [cell(deliveries.get((item.pk, province.pk))) for province in provinces], item.stuck)
        for item in items.object_list
    ]
    return DeliveryMatrix(provinces=provinces, items=items, rows=rows)


def stuck_delivery_count() -> int:
    """Failed and overdue deliveries in active provinces: what the matrix's "Gửi lại tất cả" sends again."""
    return Delivery.objects.filter(stuck_filter(), province__status=Province.Status.ACTIVE).count()


def deliveries_of_province(province: Province, limit: int = 30) -> QuerySet[Delivery]:
    """What one province has received from the centre, newest first (its own rows only)."""
    deliveries = Delivery.objects.filter(province=province).select_related("item")
    return deliveries.order_by("-item__last_published_at", "-pk")[:limit]


def nomination_inbox(status: str | None = None) -> QuerySet[Nomination]:
    """The centre's inbox: every province's nominations, pending first then newest."""
    nominations = Nomination.objects.select_related("province").defer("payload")
    if status:
        nominations = nominations.filter(status=status)
    pending_first = Case(When(status=Nomination.Status.PENDING, then=Value(0)), default=Value(1))
    return nominations.order_by(pending_first, "-nominated_at")


def nominations_of_province(province: Province) -> QuerySet[Nomination]:
    return Nomination.objects.filter(province=province).defer("payload").order_by("-nominated_at")


def latest_local_articles(limit: int = 8) -> list[LocalArticle]:
    """ "Tin từ các địa phương": the newest articles of active provinces, each with its primary domain.

    One query on the small denormalised table plus one for the domains, whatever the number of provinces.
    """
    return list(
        LocalArticle.objects.filter(province__status=Province.Status.ACTIVE)
        .select_related("province")
        .prefetch_related(
            Prefetch("province__domains", queryset=Domain.objects.order_by("-is_primary", "domain"), to_attr="ordered")
        )
        .order_by("-published_at", "-pk")[:limit]
    )


def latest_national_news(limit: int = 6):
    from .pages.models import NationalNewsPage

    return list(
        NationalNewsPage.objects.live()
        .public()
        .select_related("featured_image")
        .order_by("-first_published_at", "-pk")[:limit]
    )
