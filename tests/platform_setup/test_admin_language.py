"""The admin speaks Vietnamese whatever language the browser asks for."""

import pytest
from wagtail.models import Site

from tests.tenant_apps.accounts.support import sign_in_with_password

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}


def test_the_sign_in_page_is_vietnamese_for_an_english_browser(hanoi):
    html = hanoi.client(**ENGLISH_BROWSER).get("/admin/login/").content.decode()

    assert "Đăng nhập" in html
    assert "Sign in" not in html
    assert 'lang="vi"' in html


def test_a_wrong_password_is_refused_in_vietnamese(hanoi):
    refused = sign_in_with_password(hanoi.client(**ENGLISH_BROWSER), "admin", "sai-mat-khau-123")

    assert "Your username and password didn't match" not in refused.content.decode()


def test_the_dashboard_and_page_editor_are_vietnamese_for_an_english_browser(hanoi):
    browser = hanoi.signed_in_client()
    with hanoi.context():
        home = Site.objects.get(is_default_site=True).root_page

    dashboard = browser.get("/admin/", **ENGLISH_BROWSER).content.decode()
    editor = browser.get(f"/admin/pages/{home.pk}/edit/", **ENGLISH_BROWSER).content.decode()
    explorer = browser.get(f"/admin/pages/{home.pk}/", **ENGLISH_BROWSER).content.decode()

    assert "Bảng điều khiển" in dashboard and "Dashboard" not in dashboard
    assert "Why not add one?" not in dashboard
    assert "Lưu nháp" in editor and "Save draft" not in editor
    assert "Xuất bản" in editor and ">Publish<" not in editor
    assert "Page title" not in editor
    assert "Trang con" in explorer or "Thêm trang con" in explorer
