"""A province's board switches its site to another installed theme from its own admin."""

import pytest

from tenants.models import Province
from tests.conftest import sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_technical_administrator_switches_the_theme_and_the_site_follows(hanoi, hcm):
    with hanoi.context():
        from django.contrib.auth.models import Group

        UserFactory(username="kythuat", groups=[Group.objects.get(name="Quản trị kỹ thuật")])
    admin = hanoi.signed_in_client("kythuat")
    form = admin.get("/admin/giao-dien/").content.decode()
    assert "Xanh ngọc (trang chủ dạng lưới)" in form

    response = admin.post("/admin/giao-dien/", {"theme": "xanh-ngoc"})

    assert response.status_code == 302
    assert Province.objects.get(pk=hanoi.province.pk).theme == "xanh-ngoc"
    hanoi_home = hanoi.client().get("/").content.decode()
    assert "themes/xanh-ngoc/css/theme.css" in hanoi_home and 'class="home-mosaic"' in hanoi_home
    assert "Vì an sinh xã hội, vì người tham gia" in hanoi_home
    assert 'class="footer-note"' in hanoi_home or "footer-note" in hanoi_home  # footer from the default theme
    hcm_home = hcm.client().get("/").content.decode()
    assert "xanh-ngoc" not in hcm_home and 'class="home-grid"' in hcm_home


def test_an_unknown_theme_is_refused_and_a_reporter_cannot_change_it(hanoi):
    admin = hanoi.signed_in_client()
    response = admin.post("/admin/giao-dien/", {"theme": "../../etc"})
    assert response.status_code == 200 and "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert Province.objects.get(pk=hanoi.province.pk).theme == "default"

    with hanoi.context():
        from django.contrib.auth.models import Group

        UserFactory(username="phongvien", groups=[Group.objects.get(name="Phóng viên, Cộng tác viên")])
    refused = hanoi.signed_in_client("phongvien").post("/admin/giao-dien/", {"theme": "xanh-ngoc"})
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's "no permission" redirect
    assert Province.objects.get(pk=hanoi.province.pk).theme == "default"


def test_the_theme_page_does_not_exist_in_the_central_admin(central_client):
    sign_in(central_client)
    assert central_client.get("/admin/giao-dien/").status_code == 404
    assert "Giao diện" not in central_client.get("/admin/").content.decode()
