"""Celery tasks of the national newsroom: thin wrappers around the services.

The work itself is recorded first, as pending `Delivery` rows (the outbox, services/fanout.py), in
the transaction that causes it; these tasks only carry it out and may run more than once (acknowledged
late, given back when a worker dies, sent again by the sweep): a delivery locks its row and changes
nothing for a revision already delivered. The fan-out runs in the public schema and sends one delivery
task per province from inside that province's `tenant_context`, so tenant-schemas-celery runs each
delivery in the province's schema.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from celery import shared_task
from django_tenants.utils import get_public_schema_name, schema_context, tenant_context

from tenants.models import Province

from .services import delivery, fanout

logger = logging.getLogger(__name__)


def send_deliveries(pairs: Iterable[tuple[Province, int]]) -> int:
    """Queue one delivery task per (province, item id), each to run in that province's schema.

    Without a broker it stops at the first failure: the rest are pending in the outbox, and the sweep
    sends them once the broker answers. Whoever published never sees the outage.
    """
    sent = 0
    try:
        for province, item_id in pairs:
            with tenant_context(province):  # the task's headers carry this schema
                deliver_national_item.delay(item_id)
            sent += 1
    except Exception:  # whatever the broker's client raises: the outbox holds the work
        logger.warning("Không gửi được việc phân phối tới hàng đợi; sẽ gửi lại khi hàng đợi hoạt động.", exc_info=True)
    return sent


def queue_fan_out(item_id: int) -> None:
    """Start the fan-out of one national item (called once the publishing transaction commits)."""
    try:
        with schema_context(get_public_schema_name()):
            fan_out_national_item.delay(item_id)
    except Exception:  # whatever the broker's client raises: the outbox holds the work
        logger.warning("Không gửi được việc phân phối tới hàng đợi; sẽ gửi lại khi hàng đợi hoạt động.", exc_info=True)


@shared_task
def fan_out_national_item(item_id: int) -> int:
    """Public schema: one delivery task for each province where the item is still pending."""
    return send_deliveries((d.province, d.item_id) for d in fanout.pending_deliveries(item_id))


@shared_task(bind=True)
def deliver_national_item(self, item_id: int) -> str:
    """Province schema: create, update or withdraw this province's copy; retried with backoff on failure."""
    try:
        outcome = delivery.deliver_national_item(item_id)
    except Exception as error:
        retry_in = delivery.record_delivery_failure(item_id, error)
        if retry_in is None:
            raise
        raise self.retry(exc=error, countdown=retry_in, max_retries=None) from error
    return outcome.status if outcome else "gone"


@shared_task
def resend_stalled_deliveries() -> int:
    """Beat, every minute (public schema): send again the deliveries whose message was lost."""
    return send_deliveries((d.province, d.item_id) for d in fanout.stalled_deliveries())
