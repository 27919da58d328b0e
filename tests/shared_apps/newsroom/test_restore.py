"""A province restored in place over its live site: the centre's delivery records follow what the
restored site really has, and what it lacks is delivered again through the outbox.

pg_dump and psql use their own connections, so the data is committed and removed afterwards.
"""

from django.core.management import call_command
from django_tenants.utils import tenant_context

from shared_apps.newsroom.models import Delivery
from shared_apps.newsroom.services.delivery import deliver_national_item
from tenant_apps.news.models import NewsPage
from tenants.models import Province

from .helpers import item_of, publish


def _copies(item) -> int:
    with tenant_context(Province.objects.get(code="01")):
        return NewsPage.objects.filter(syndication_key=item.key).count()


def test_a_copy_the_restored_site_lacks_is_pending_again_then_delivered_once(desk, tmp_path):
    archive = tmp_path / "hanoi.tar.gz"
    call_command("backup_province", "01", output=archive)
    item = item_of(publish(desk.news(title="Tin toàn ngành nhận sau bản sao lưu")))
    with tenant_context(Province.objects.get(code="01")):
        deliver_national_item(item.pk)
    assert Delivery.objects.get(item=item, province__code="01").status == Delivery.Status.DELIVERED

    call_command("restore_province", "01", str(archive), replace=True)

    assert _copies(item) == 0
    assert Delivery.objects.get(item=item, province__code="01").status == Delivery.Status.PENDING
    with tenant_context(Province.objects.get(code="01")):
        deliver_national_item(item.pk)  # what the outbox's message (or the sweep) runs
    assert Delivery.objects.get(item=item, province__code="01").status == Delivery.Status.DELIVERED
    assert _copies(item) == 1


def test_a_copy_the_restored_site_still_has_is_left_as_delivered(desk, tmp_path):
    item = item_of(publish(desk.news(title="Tin toàn ngành có trong bản sao lưu")))
    with tenant_context(Province.objects.get(code="01")):
        deliver_national_item(item.pk)
    archive = tmp_path / "hanoi.tar.gz"
    call_command("backup_province", "01", output=archive)

    call_command("restore_province", "01", str(archive), replace=True)

    assert Delivery.objects.get(item=item, province__code="01").status == Delivery.Status.DELIVERED
    assert _copies(item) == 1
