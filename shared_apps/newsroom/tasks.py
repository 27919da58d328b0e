"""Celery tasks of the national newsroom: thin wrappers around the services.

The fan-out runs in the public schema and sends one delivery task per province from inside that
province's `tenant_context`, so tenant-schemas-celery runs each delivery in the province's schema.
"""

from __future__ import annotations

from collections.abc import Iterable

from celery import shared_task
from django.conf import settings
from django_tenants.utils import get_public_schema_name, schema_context, tenant_context

from tenants.models import Province

from .services import delivery, fanout


def send_deliveries(pairs: Iterable[tuple[Province, int]]) -> int:
    """Queue one delivery task per (province, item id), each to run in that province's schema."""
    sent = 0
    for province, item_id in pairs:
        with tenant_context(province):  # the task's headers carry this schema
            deliver_national_item.delay(item_id)
        sent += 1
    return sent


def queue_fan_out(item_id: int) -> None:
    """Start the fan-out of one national item (called once the publishing transaction commits)."""
    with schema_context(get_public_schema_name()):
        fan_out_national_item.delay(item_id)


@shared_task
def fan_out_national_item(item_id: int) -> int:
    """Public schema: mark the item pending everywhere, then one delivery task per receiving province."""
    provinces = fanout.prepare_deliveries(item_id)
    return send_deliveries((province, item_id) for province in provinces)


@shared_task(bind=True)
def deliver_national_item(self, item_id: int) -> str:
    """Province schema: create, update or withdraw this province's copy; retried with backoff on failure."""
    try:
        outcome = delivery.deliver_national_item(item_id)
    except Exception as error:
        retries, limit = self.request.retries, settings.NEWSROOM_DELIVERY_MAX_RETRIES
        retry_in = delivery.retry_delay(retries) if retries < limit else None
        delivery.record_delivery_failure(item_id, error, retry_in=retry_in)
        if retry_in is None:
            raise
        raise self.retry(exc=error, countdown=retry_in, max_retries=limit) from error
    return outcome.status if outcome else "gone"


@shared_task
def send_national_backlog(province_id: int) -> int:
    """After onboarding: deliver the newest national items to a province that has not received them."""
    province, item_ids = fanout.prepare_backlog(province_id)
    if province is None:
        return 0
    return send_deliveries((province, item_id) for item_id in item_ids)
