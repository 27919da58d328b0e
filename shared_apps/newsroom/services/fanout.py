"""Fan-out (public schema): a national item marked pending in every receiving province, before the
fan-out task sends one delivery task per province; the backlog of a province onboarded later; the
centre's "retry failed"."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone

from tenants.models import Province

from ..models import Delivery, SyndicatedItem
from ..selectors import receiving_provinces


def _mark_pending(item_ids: list[int], provinces: list[Province]) -> None:
    now = timezone.now()
    Delivery.objects.bulk_create(
        [
            Delivery(item_id=item_id, province=province, status=Delivery.Status.PENDING, queued_at=now)
            for item_id in item_ids
            for province in provinces
        ],
        update_conflicts=True,
        unique_fields=["item", "province"],
        update_fields=["status", "queued_at", "next_retry_at"],
    )


def prepare_deliveries(item_id: int) -> list[Province]:
    """Mark one item pending in every receiving province (one statement); return those provinces."""
    if not SyndicatedItem.objects.filter(pk=item_id).exists():
        return []
    provinces = list(receiving_provinces())
    _mark_pending([item_id], provinces)
    return provinces


def prepare_backlog(province_id: int) -> tuple[Province | None, list[int]]:
    """For a province onboarded later: the newest live items it has not received yet, marked pending."""
    province = receiving_provinces().filter(pk=province_id).first()
    if province is None:
        return None, []
    newest = list(
        SyndicatedItem.objects.filter(is_live=True)
        .order_by("-first_published_at", "-pk")
        .values_list("pk", flat=True)[: settings.NEWSROOM_BACKLOG_COUNT]
    )
    received = set(
        Delivery.objects.filter(province=province, item_id__in=newest, status=Delivery.Status.DELIVERED).values_list(
            "item_id", flat=True
        )
    )
    missing = [item_id for item_id in newest if item_id not in received]
    _mark_pending(missing, [province])
    return province, missing


def retry_failed_deliveries(item_id: int | None = None) -> list[Delivery]:
    """The centre's "retry failed" action: failed deliveries (of one item, or all) back to pending."""
    failed = Delivery.objects.filter(status=Delivery.Status.FAILED, province__status=Province.Status.ACTIVE)
    if item_id is not None:
        failed = failed.filter(item_id=item_id)
    deliveries = list(failed.select_related("province"))
    Delivery.objects.filter(pk__in=[d.pk for d in deliveries]).update(
        status=Delivery.Status.PENDING, queued_at=timezone.now(), next_retry_at=None
    )
    return deliveries
