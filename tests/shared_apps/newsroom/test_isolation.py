"""What each side may see and change: a province only its own rows, the centre's tools only on the central host."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone

from shared_apps.newsroom.models import Delivery, Nomination, SyndicatedItem, SyndicationPolicy
from tests.conftest import sign_in
from tests.factories import NationalNewsPageFactory, UserFactory

from .helpers import publish

pytestmark = pytest.mark.django_db


def _nomination(site, title) -> Nomination:
    return Nomination.objects.create(
        province=site.province,
        source_page_id=1000,
        source_url=f"http://{site.host}/tin-tuc/bai/",
        title=title,
        nominated_by="bientap",
        payload={"body": "<p>Nội dung</p>"},
    )


def _item(title) -> SyndicatedItem:
    page_id = SyndicatedItem.objects.count() + 9000
    return SyndicatedItem.objects.create(
        central_page_id=page_id, kind="news", title=title, url="http://localhost/", last_published_at=timezone.now()
    )


def test_a_province_sees_and_reaches_only_its_own_nominations(hanoi, hcm):
    own, other = _nomination(hanoi, "Tin của Hà Nội gửi Trung ương"), _nomination(hcm, "Tin của TP. Hồ Chí Minh")
    browser = hanoi.signed_in_client()

    listing = browser.get("/admin/gui-tin-trung-uong/").content.decode()
    assert "Tin của Hà Nội gửi Trung ương" in listing and "Tin của TP. Hồ Chí Minh" not in listing
    assert browser.get(f"/admin/gui-tin-trung-uong/{own.pk}/").status_code == 200
    assert browser.get(f"/admin/gui-tin-trung-uong/{other.pk}/").status_code == 404


def test_a_province_cannot_decide_nominations_or_reach_the_centres_tools(hanoi, hcm):
    other = _nomination(hcm, "Tin của TP. Hồ Chí Minh")
    browser = hanoi.signed_in_client()  # the province's own superuser

    for path in (
        "/admin/tin-toan-nganh/phan-phoi/",
        "/admin/tin-toan-nganh/de-xuat/",
        f"/admin/tin-toan-nganh/de-xuat/{other.pk}/",
    ):
        assert browser.get(path).status_code == 404, path
    assert (
        browser.post(
            f"/admin/tin-toan-nganh/de-xuat/{other.pk}/tu-choi/", {"reason": "Không phù hợp với định hướng."}
        ).status_code
        == 404
    )
    assert browser.post(f"/admin/tin-toan-nganh/de-xuat/{other.pk}/nhan-dang/", {"publish": "on"}).status_code == 404
    assert browser.post("/admin/tin-toan-nganh/phan-phoi/gui-lai/").status_code == 404
    other.refresh_from_db()
    assert other.status == Nomination.Status.PENDING
    menu = browser.get("/admin/").content.decode()  # the sidebar's items, as JSON with escaped text
    assert "/admin/tin-toan-nganh/phan-phoi/" not in menu and "/admin/gui-tin-trung-uong/" in menu


def test_a_province_reads_only_its_own_delivery_records(hanoi, hcm):
    hanoi_item, hcm_item = _item("Tin đã gửi tới Hà Nội"), _item("Tin đã gửi tới TP. Hồ Chí Minh")
    Delivery.objects.create(item=hanoi_item, province=hanoi.province, status=Delivery.Status.DELIVERED)
    Delivery.objects.create(item=hcm_item, province=hcm.province, status=Delivery.Status.FAILED, error="Lỗi")

    page = hanoi.signed_in_client().get("/admin/nhan-tin-toan-nganh/").content.decode()

    assert "Tin đã gửi tới Hà Nội" in page and "Tin đã gửi tới TP. Hồ Chí Minh" not in page


def test_the_centres_tools_are_only_for_the_central_office(central_client):
    sign_in(central_client)
    assert central_client.get("/admin/tin-toan-nganh/phan-phoi/").status_code == 200
    assert central_client.get("/admin/tin-toan-nganh/de-xuat/").status_code == 200
    assert central_client.get("/admin/nhan-tin-toan-nganh/").status_code == 404  # a province's page
    assert central_client.get("/admin/gui-tin-trung-uong/").status_code == 404


def test_a_province_editor_cannot_edit_the_central_original(hanoi, newsroom):
    original = publish(NationalNewsPageFactory(parent=newsroom.news, title="Bản gốc của Trung ương"))
    browser = hanoi.signed_in_client()

    edit = browser.get(f"/admin/pages/{original.pk}/edit/")
    browser.post(
        f"/admin/pages/{original.pk}/edit/", {"title": "Tỉnh sửa bản gốc", "slug": "tinh-sua", "action-publish": "1"}
    )

    assert "Bản gốc của Trung ương" not in edit.content.decode()
    connection.set_schema_to_public()  # the test client's requests left the connection in Hà Nội's schema
    original.refresh_from_db()
    assert original.title == "Bản gốc của Trung ương" and original.live_revision.as_object().title == original.title
    assert hanoi.client().get(original.url).status_code == 404


def test_the_board_head_chooses_approval_first_and_a_reporter_cannot(hanoi):
    with hanoi.context():
        UserFactory(username="truongban", groups=[Group.objects.get(name="Trưởng ban")])
        UserFactory(username="phongvien", groups=[Group.objects.get(name="Phóng viên, Cộng tác viên")])
    head = hanoi.signed_in_client("truongban")

    refused = head.post("/admin/nhan-tin-toan-nganh/", {"mode": "tat-ca"})
    assert refused.status_code == 200 and "Cách nhận tin «tat-ca» không có trong danh sách." in refused.content.decode()
    assert head.post("/admin/nhan-tin-toan-nganh/", {"mode": "approval"}).status_code == 302
    assert SyndicationPolicy.objects.get(province=hanoi.province).mode == SyndicationPolicy.Mode.APPROVAL_FIRST

    reporter = hanoi.signed_in_client("phongvien").post("/admin/nhan-tin-toan-nganh/", {"mode": "auto"})
    assert reporter.status_code == 302 and reporter["Location"] == "/admin/"
    assert SyndicationPolicy.objects.get(province=hanoi.province).mode == SyndicationPolicy.Mode.APPROVAL_FIRST
