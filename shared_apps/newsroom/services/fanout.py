"""The outbox of national deliveries (public schema): one `Delivery` row per item × receiving province.

A row is marked pending in the same transaction as what causes the work (publishing, editing or
withdrawing a national item, onboarding a province, the centre's "Gửi lại", a restore), so the
intent is in PostgreSQL before any message reaches Redis. Messages only carry it out: a delivery
task that never ran (Redis lost it, a worker died with it) leaves its row pending, and the beat
sweep (`stalled_deliveries()`) sends it again, with backoff and a cap.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from tenant_apps.documents.models import LegalDocumentPage
from tenant_apps.news.models import NewsPage
from tenants.models import Province

from ..models import Delivery, SyndicatedItem
from ..selectors import stuck_filter
from . import must_carry

PENDING, FAILED = Delivery.Status.PENDING, Delivery.Status.FAILED


def mark_pending(item_ids: list[int], provinces: list[Province]) -> None:
    """Record that these items must be (re)delivered to these provinces: one statement, in the caller's
    transaction. Attempts and resends start again: this is new work."""
    now = timezone.now()
    due = now + timedelta(seconds=settings.NEWSROOM_PENDING_RESEND_SECONDS)
    Delivery.objects.bulk_create(
        [
            Delivery(
                item_id=item_id,
                province=province,
                status=PENDING,
                queued_at=now,
                next_retry_at=due,
                attempts=0,
                resends=0,
                error="",
            )
            for item_id in item_ids
            for province in provinces
        ],
        update_conflicts=True,
        unique_fields=["item", "province"],
        update_fields=["status", "queued_at", "next_retry_at", "attempts", "resends", "error"],
    )


def mark_item_pending(item_id: int) -> None:
    """A national item published, edited or withdrawn: pending in every province it goes to."""
    mark_pending([item_id], must_carry.recipients(item_id))


def pending_deliveries(item_id: int) -> list[Delivery]:
    """What the fan-out task sends: the item's deliveries still pending, with their provinces."""
    return list(Delivery.objects.filter(item_id=item_id, status=PENDING).select_related("province"))


def prepare_backlog(province: Province) -> list[int]:
    """For a province onboarded later: the newest live items it has not received yet, marked pending."""
    newest = list(
        SyndicatedItem.objects.filter(must_carry.targets_province(province), is_live=True)
        .order_by("-first_published_at", "-pk")
        .values_list("pk", flat=True)[: settings.NEWSROOM_BACKLOG_COUNT]
    )
    received = set(
        Delivery.objects.filter(
            province=province, item_id__in=newest, status__in=[Delivery.Status.DELIVERED, Delivery.Status.ORIGINAL]
        ).values_list("item_id", flat=True)
    )
    missing = [item_id for item_id in newest if item_id not in received]
    mark_pending(missing, [province])
    return missing


def reconcile_restored_province(province: Province) -> list[int]:
    """After the province's schema was restored from an archive (run in its schema): the items whose copy
    does not match what the centre has are pending again. A live item whose copy is missing, or older
    than the item's last publication; a withdrawn item whose copy is live again. Returns their ids."""
    deliveries = list(
        Delivery.objects.filter(province=province)
        .exclude(status=Delivery.Status.ORIGINAL)
        .values_list("item_id", "item__key", "item__is_live", "item__last_published_at")
    )
    keys = [key for _, key, _, _ in deliveries]
    copies = {
        key: (live, published)
        for model in (NewsPage, LegalDocumentPage)
        for key, live, published in model.objects.filter(syndication_key__in=keys).values_list(
            "syndication_key", "live", "last_published_at"
        )
    }
    stale = []
    for item_id, key, item_is_live, item_published in deliveries:
        copy = copies.get(key)
        if (item_is_live and (copy is None or copy[1] != item_published)) or (not item_is_live and copy and copy[0]):
            stale.append(item_id)
    mark_pending(stale, [province])
    # What was delivered is no longer there: the next delivery must not take it for done.
    Delivery.objects.filter(province=province, item_id__in=stale).update(delivered_revision_id=None)
    return stale


def retry_deliveries(item_id: int | None = None, province_id: int | None = None) -> list[Delivery]:
    """The centre's "Gửi lại": failed and overdue deliveries (all, one item's, or one cell) pending again."""
    stuck = Delivery.objects.filter(stuck_filter(), province__status=Province.Status.ACTIVE)
    if item_id is not None:
        stuck = stuck.filter(item_id=item_id)
    if province_id is not None:
        stuck = stuck.filter(province_id=province_id)
    deliveries = list(stuck.select_related("province"))
    for delivery in deliveries:
        mark_pending([delivery.item_id], [delivery.province])
    return deliveries


def resend_delay(resends_so_far: int) -> float:
    """Seconds until a pending delivery sent again is overdue again: the retry backoff, never below the
    pending timeout."""
    backoff = settings.NEWSROOM_RETRY_BACKOFF_SECONDS * (2**resends_so_far)
    return max(settings.NEWSROOM_PENDING_RESEND_SECONDS, min(backoff, settings.NEWSROOM_RETRY_BACKOFF_MAX_SECONDS))


def stalled_deliveries() -> list[Delivery]:
    """The sweep: deliveries whose message was lost, sent again (returned) or, past the cap, marked failed.

    A pending row past its due time, and a failed one whose scheduled retry is overdue by the pending
    timeout, had their message lost (or their worker died). Rows a delivery is working on right now are
    locked and skipped. Each resend pushes the due time back by the backoff.
    """
    now = timezone.now()
    grace = timedelta(seconds=settings.NEWSROOM_PENDING_RESEND_SECONDS)
    stalled = Q(status=PENDING, next_retry_at__lte=now) | Q(status=FAILED, next_retry_at__lte=now - grace)
    resend: list[Delivery] = []
    with transaction.atomic():
        rows = (
            Delivery.objects.select_for_update(of=("self",), skip_locked=True)
            .filter(stalled, province__status=Province.Status.ACTIVE)
            .select_related("province")
        )
        for delivery in rows:
            if delivery.resends >= settings.NEWSROOM_DELIVERY_MAX_RETRIES:
                Delivery.objects.filter(pk=delivery.pk).update(
                    status=FAILED,
                    next_retry_at=None,
                    error=f"Không nhận được kết quả sau {delivery.resends} lần gửi lại.",
                )
                continue
            Delivery.objects.filter(pk=delivery.pk).update(
                resends=models.F("resends") + 1,
                next_retry_at=now + timedelta(seconds=resend_delay(delivery.resends)),
            )
            resend.append(delivery)
    return resend
