"""National items reach every province through the real path: signal → fan-out task → one task per province.

A real Celery worker thread runs the tasks, so the data is committed and removed afterwards.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django_tenants.utils import get_public_schema_name, schema_context, tenant_context

from shared_apps.newsroom.models import Delivery, SyndicatedItem
from shared_apps.newsroom.services.fanout import retry_deliveries
from shared_apps.newsroom.tasks import deliver_national_item, fan_out_national_item, send_deliveries
from tenant_apps.documents.models import LegalDocumentPage
from tenant_apps.home.models import HomePage
from tenant_apps.home.site_tree import ensure_default_sections
from tenant_apps.news.models import NewsIndexPage, NewsPage
from tenants.models import Province
from tenants.services import onboard_province
from tests.conftest import TEST_PASSWORD

from .helpers import item_of, publish, wait_until

DELIVERED, FAILED, WITHDRAWN = Delivery.Status.DELIVERED, Delivery.Status.FAILED, Delivery.Status.WITHDRAWN


def statuses(item: SyndicatedItem) -> dict[str, str]:
    return dict(Delivery.objects.filter(item=item).values_list("province__code", "status"))


def copies_of(item: SyndicatedItem, code: str) -> list[NewsPage]:
    with tenant_context(Province.objects.get(code=code)):
        return list(NewsPage.objects.filter(syndication_key=item.key).select_related("featured_image"))


def test_publishing_puts_one_live_copy_in_every_province_with_its_own_media(worker, desk):
    image = desk.image("#1f5fa8")
    original = publish(
        desk.news(
            title="Toàn ngành triển khai Luật Bảo hiểm xã hội 2024", featured_image=image, featured_image_alt="Hội nghị"
        )
    )
    item = item_of(original)

    assert wait_until(lambda: statuses(item) == {"01": DELIVERED, "79": DELIVERED}), statuses(item)

    with schema_context(get_public_schema_name()):
        image_bytes = image.file.open("rb").read()
    for code, schema in (("01", "hanoi"), ("79", "hcm")):
        [copy] = copies_of(item, code)
        assert copy.live and copy.title == original.title and copy.first_published_at == original.first_published_at
        with tenant_context(Province.objects.get(code=code)):
            assert copy.featured_image.file.path.startswith(f"{settings.MEDIA_ROOT}/{schema}/")
            assert copy.featured_image.file.open("rb").read() == image_bytes
    [hanoi_copy] = copies_of(item, "01")
    page = Client(HTTP_HOST="hanoi.localhost").get(f"/tin-tuc/{hanoi_copy.slug}/")
    assert page.status_code == 200 and "Toàn ngành triển khai Luật Bảo hiểm xã hội 2024" in page.content.decode()


def test_delivering_again_never_makes_a_second_copy(worker, desk):
    original = publish(desk.news())
    item = item_of(original)
    assert wait_until(lambda: statuses(item) == {"01": DELIVERED, "79": DELIVERED})

    fan_out_national_item.delay(item.pk).get(timeout=20)
    with tenant_context(Province.objects.get(code="01")):
        repeats = [deliver_national_item.delay(item.pk) for _ in range(3)]
    assert [repeat.get(timeout=20) for repeat in repeats] == [DELIVERED] * 3
    assert wait_until(lambda: statuses(item) == {"01": DELIVERED, "79": DELIVERED})
    # Even with its delivery record lost, the key on the copy keeps a province from a second copy.
    Delivery.objects.filter(item=item).delete()
    with tenant_context(Province.objects.get(code="79")):
        assert deliver_national_item.delay(item.pk).get(timeout=20) == DELIVERED

    assert len(copies_of(item, "01")) == 1 and len(copies_of(item, "79")) == 1


def test_edits_and_withdrawal_propagate_to_every_copy(worker, desk):
    original = publish(desk.news(title="Dự thảo hướng dẫn thu bảo hiểm y tế"))
    item = item_of(original)
    assert wait_until(lambda: statuses(item) == {"01": DELIVERED, "79": DELIVERED})

    original.title = "Hướng dẫn thu bảo hiểm y tế hộ gia đình (đã sửa)"
    original.summary = "Bản đã cập nhật."
    publish(original)

    def updated() -> bool:
        copies = copies_of(item, "01") + copies_of(item, "79")
        return [copy.title for copy in copies] == [original.title] * 2 and all(
            c.summary == "Bản đã cập nhật." for c in copies
        )

    assert wait_until(updated)
    assert len(copies_of(item, "01")) == 1

    original.unpublish()
    assert wait_until(lambda: statuses(item) == {"01": WITHDRAWN, "79": WITHDRAWN})
    assert not any(copy.live for copy in copies_of(item, "01") + copies_of(item, "79"))
    [hanoi_copy] = copies_of(item, "01")
    assert Client(HTTP_HOST="hanoi.localhost").get(f"/tin-tuc/{hanoi_copy.slug}/").status_code == 404


def test_a_national_document_reaches_every_document_library_with_its_file(worker, desk):
    original = publish(desk.document(with_file=True))
    item = item_of(original)
    assert wait_until(lambda: statuses(item) == {"01": DELIVERED, "79": DELIVERED})

    with tenant_context(Province.objects.get(code="79")):
        copy = LegalDocumentPage.objects.get(syndication_key=item.key)
        document = copy.attachments.get().document
        assert (copy.number, copy.live) == (original.number, True)
        assert document.file.path.startswith(f"{settings.MEDIA_ROOT}/hcm/")
        document.file.delete(save=False)


@pytest.fixture
def danang(committed):
    """A third province, onboarded for real (and dropped afterwards)."""

    def drop():
        province = Province.objects.filter(code="48").first()
        if province:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP SCHEMA IF EXISTS "{province.schema_name}" CASCADE')
            province.domains.all().delete()
            Province.objects.filter(pk=province.pk).delete()

    committed(drop)
    return lambda: onboard_province("48", admin_password=TEST_PASSWORD).province


def test_a_failing_province_is_retried_and_recorded_without_blocking_the_others(worker, desk, danang, settings):
    settings.NEWSROOM_RETRY_BACKOFF_SECONDS = 0.05
    settings.NEWSROOM_DELIVERY_MAX_RETRIES = 2
    province = danang()
    with tenant_context(province):
        NewsIndexPage.objects.get().delete()  # the province's news section is gone: every delivery fails

    original = publish(desk.news())
    item = item_of(original)

    def settled() -> bool:
        failed = Delivery.objects.filter(item=item, province=province, status=FAILED, next_retry_at=None)
        return statuses(item) == {"01": DELIVERED, "79": DELIVERED, "48": FAILED} and failed.exists()

    assert wait_until(settled), statuses(item)
    delivery = Delivery.objects.get(item=item, province=province)
    assert delivery.attempts == 3  # the first attempt and two retries
    assert "không có chuyên mục Tin tức" in delivery.error

    # The board restores its section; the centre's "retry failed" delivers.
    with tenant_context(province):
        ensure_default_sections(HomePage.objects.get(), province)
    send_deliveries((d.province, d.item_id) for d in retry_deliveries(item.pk))
    assert wait_until(lambda: statuses(item)["48"] == DELIVERED)
    assert len(copies_of(item, "48")) == 1


def test_a_province_onboarded_later_receives_the_recent_backlog(worker, desk, danang, settings):
    settings.NEWSROOM_BACKLOG_COUNT = 1
    older = item_of(publish(desk.news(title="Tin toàn ngành cũ hơn")))
    newer = item_of(publish(desk.news(title="Tin toàn ngành mới nhất")))
    assert wait_until(lambda: statuses(newer) == {"01": DELIVERED, "79": DELIVERED})

    danang()

    assert wait_until(lambda: statuses(newer).get("48") == DELIVERED)
    assert [copy.title for copy in copies_of(newer, "48")] == ["Tin toàn ngành mới nhất"]
    assert "48" not in statuses(older) and copies_of(older, "48") == []
