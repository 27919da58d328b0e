"""Faults injected for real: the broker's Redis crashes with its data, a worker process is killed in the
middle of a delivery. The outbox keeps every delivery pending in PostgreSQL, the centre's matrix shows
it, and the sweep brings every province its copy, exactly once.

A stoppable Redis is the broker; `celery worker` runs as a subprocess on the test database.
"""

from __future__ import annotations

import psycopg2
import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tenants.utils import tenant_context

from shared_apps.newsroom.models import Delivery, SyndicatedItem
from shared_apps.newsroom.tasks import resend_stalled_deliveries
from tenant_apps.news.models import NewsPage
from tenants.models import Province
from tests.conftest import CENTRAL_HOST, sign_in

from .helpers import item_of, publish, wait_until

DELIVERED = Delivery.Status.DELIVERED


@pytest.fixture
def centre(committed) -> Client:
    """The central office's superuser, signed in (committed: the worker tests commit); signed out after."""
    connection.set_schema_to_public()
    devices = set(TOTPDevice.objects.values_list("pk", flat=True))
    client = sign_in(Client(HTTP_HOST=CENTRAL_HOST))
    session_key = client.session.session_key

    def sign_out() -> None:
        Session.objects.filter(session_key=session_key).delete()
        TOTPDevice.objects.exclude(pk__in=devices).delete()

    committed(sign_out)
    return client


@pytest.fixture
def quick_sweep(settings):
    """A delivery is overdue (and sent again by the sweep) one second after it was queued."""
    settings.NEWSROOM_PENDING_RESEND_SECONDS = 1.0
    settings.NEWSROOM_RETRY_BACKOFF_SECONDS = 0.5


def statuses(item: SyndicatedItem) -> dict[str, str]:
    return dict(Delivery.objects.filter(item=item).values_list("province__code", "status"))


def copies_in_every_province(item: SyndicatedItem) -> dict[str, int]:
    counts = {}
    for province in Province.objects.exclude(code="").order_by("code"):
        with tenant_context(province):
            counts[province.code] = NewsPage.objects.filter(syndication_key=item.key).count()
    connection.set_schema_to_public()
    return counts


def matrix(client) -> str:
    return client.get("/admin/tin-toan-nganh/phan-phoi/").content.decode()


def sweep_until_delivered(item: SyndicatedItem, seconds: float = 90) -> bool:
    """Beat's job, run here every second (beat itself runs it every minute)."""

    def swept_and_delivered() -> bool:
        resend_stalled_deliveries()
        return statuses(item) == {"01": DELIVERED, "79": DELIVERED}

    return wait_until(swept_and_delivered, seconds=seconds, interval=1.0)


def test_a_broker_that_crashes_with_the_message_loses_no_province(
    desk, stoppable_broker, worker_processes, quick_sweep, centre
):
    item = item_of(publish(desk.news(title="Tin toàn ngành qua sự cố Redis")))  # fan-out sent, no worker yet
    stoppable_broker.crash()  # the message is gone with Redis' data
    stoppable_broker.start()

    assert statuses(item) == {"01": "pending", "79": "pending"}
    assert wait_until(lambda: matrix(centre).count(">Chờ quá hạn</span>") == 2)

    worker_processes()
    assert sweep_until_delivered(item), statuses(item)

    assert copies_in_every_province(item) == {"01": 1, "79": 1}
    shown = matrix(centre)
    assert shown.count(">Đã đăng</span>") == 2
    assert ">Chờ quá hạn</span>" not in shown


def test_publishing_while_the_broker_is_down_succeeds_and_the_sweep_delivers_later(
    desk, stoppable_broker, worker_processes, quick_sweep
):
    stoppable_broker.stop()
    item = item_of(publish(desk.news(title="Tin đăng khi hàng đợi ngừng")))  # no error for the editor

    assert statuses(item) == {"01": "pending", "79": "pending"}
    stoppable_broker.start()
    worker_processes()
    assert sweep_until_delivered(item), statuses(item)
    assert copies_in_every_province(item) == {"01": 1, "79": 1}


def _lock_delivery_rows(item: SyndicatedItem):
    """Another connection holds the item's delivery rows, so a delivery stops inside its transaction."""
    holder = psycopg2.connect(**connection.get_connection_params())
    with holder.cursor() as cursor:
        cursor.execute("SELECT id FROM public.newsroom_delivery WHERE item_id = %s FOR UPDATE", [item.pk])
    return holder


def _a_delivery_is_waiting() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


def test_a_worker_killed_in_the_middle_of_a_delivery_loses_no_province(
    desk, stoppable_broker, worker_processes, quick_sweep, centre
):
    item = item_of(publish(desk.news(title="Tin toàn ngành qua sự cố tiến trình")))
    holder = _lock_delivery_rows(item)
    worker = worker_processes()
    try:
        assert wait_until(_a_delivery_is_waiting, seconds=60)
        worker.kill()  # SIGKILL, parent and child: its message stays unacknowledged in Redis
    finally:
        holder.rollback()
        holder.close()

    assert wait_until(lambda: not _a_delivery_is_waiting())
    assert set(statuses(item).values()) == {"pending"}  # nothing was delivered, nothing half-written
    assert wait_until(lambda: matrix(centre).count(">Chờ quá hạn</span>") == 2)

    worker_processes()
    assert sweep_until_delivered(item), statuses(item)

    assert copies_in_every_province(item) == {"01": 1, "79": 1}
    assert matrix(centre).count(">Đã đăng</span>") == 2
