"""Read queries of the national newsroom, shared by admin views, the central home page and the tasks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone
from django_tenants.utils import get_public_schema_name

from tenants.models import Domain, Province

from .models import Delivery, Distribution, LocalArticle, Nomination, Receipt, SyndicatedItem

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
    targeted: bool = True  # the item is meant for this province (issue 19)
    receipt: Receipt | None = None  # placed (must-carry) and acknowledged by the board
    carry_overdue: bool = False  # must-carry, not live and placed within its deadline


@dataclass
class MatrixRow:
    item: SyndicatedItem
    cells: list[MatrixCell]  # one per province, in the matrix's province order
    stuck: int  # failed or overdue: what "Gửi lại" sends again
    distribution: Distribution | None = None  # whom it targets, its must-carry order


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
    carriage = carriage_of(list(items.object_list))
    since = overdue_since()

    def cell(item: SyndicatedItem, province: Province) -> MatrixCell:
        delivery, receipt = deliveries.get((item.pk, province.pk)), carriage.receipts.get((item.pk, province.pk))
        overdue = bool(delivery and delivery.status == Delivery.Status.PENDING and delivery.queued_at < since)
        targeted = carriage.targets(item, province)
        distribution = carriage.distributions.get(item.central_page_id)
        carry_overdue = targeted and is_overdue(distribution, item, delivery, receipt)
        return MatrixCell(delivery, overdue, targeted, receipt, carry_overdue)

    rows = [
        MatrixRow(
            item,
            [cell(item, province) for province in provinces],
            item.stuck,
            carriage.distributions.get(item.central_page_id),
        )
        for item in items.object_list
    ]
    return DeliveryMatrix(provinces=provinces, items=items, rows=rows)


@dataclass
class Carriage:
    """For a page of items: their distributions, whom each targets, and the provinces' receipts."""

    distributions: dict[int, Distribution]  # by central page id
    targeted: dict[int, set[int]]  # distribution id → province ids (when not "all")
    receipts: dict[tuple[int, int], Receipt]  # (item id, province id) → receipt

    def targets(self, item: SyndicatedItem, province: Province) -> bool:
        distribution = self.distributions.get(item.central_page_id)
        return distribution is None or distribution.to_all or province.pk in self.targeted[distribution.pk]


def carriage_of(items: list[SyndicatedItem], province: Province | None = None) -> Carriage:
    """Four queries, whatever the number of items (one page) and provinces; receipts of `province` only if given."""
    distributions = {
        d.central_page_id: d
        for d in Distribution.objects.filter(central_page_id__in=[item.central_page_id for item in items])
    }
    targeted: dict[int, set[int]] = {d.pk: set() for d in distributions.values()}
    chosen = [d for d in distributions.values() if not d.to_all]
    direct = Distribution.provinces.through.objects.filter(distribution__in=chosen)
    via_groups = Distribution.groups.through.objects.filter(
        distribution__in=chosen, provincegroup__provinces__isnull=False
    )
    for distribution_id, province_id in [
        *direct.values_list("distribution_id", "province_id"),
        *via_groups.values_list("distribution_id", "provincegroup__provinces"),
    ]:
        targeted[distribution_id].add(province_id)
    receipts = Receipt.objects.filter(item__in=items)
    if province is not None:
        receipts = receipts.filter(province=province)
    receipts = {(r.item_id, r.province_id): r for r in receipts}
    return Carriage(distributions, targeted, receipts)


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


def overdue_after(distribution: Distribution, item: SyndicatedItem) -> datetime:
    """A must-carry copy not delivered and placed by this moment is overdue: NEWSROOM_MUST_CARRY_GRACE_HOURS
    after the window opened (00:00 local time on its first day) or the item was published, whichever is later."""
    start = timezone.make_aware(datetime.combine(distribution.carry_from, time.min))
    if item.first_published_at and item.first_published_at > start:
        start = item.first_published_at
    return start + timedelta(hours=settings.NEWSROOM_MUST_CARRY_GRACE_HOURS)


def is_overdue(
    distribution: Distribution | None, item: SyndicatedItem, delivery: Delivery | None, receipt: Receipt | None
) -> bool:
    """Must-carry, past its deadline (`overdue_after`), and not yet live and placed in the province."""
    if distribution is None or not distribution.must_carry or not item.is_live:
        return False
    if timezone.now() < overdue_after(distribution, item):
        return False
    if delivery and delivery.status == Delivery.Status.ORIGINAL:  # the province carries its own original
        return False
    carried = delivery is not None and delivery.status == Delivery.Status.DELIVERED and not delivery.awaiting_approval
    return not (carried and receipt is not None and receipt.placed_at is not None)
