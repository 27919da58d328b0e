"""Đặt lại xác thực hai bước: the head of board (or a superuser) resets a member who lost their phone."""

import pytest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from tenant_apps.accounts.services import replace_recovery_codes
from tenant_apps.editorial.roles import DEPUTY_HEAD, EDITOR, HEAD_OF_BOARD

from .support import authenticator, member, sign_in_with_password

pytestmark = pytest.mark.django_db


def reset_url(user) -> str:
    return f"/admin/tai-khoan/{user.pk}/dat-lai-xac-thuc/"


@pytest.fixture
def deputy(hanoi):
    with hanoi.context():
        member(HEAD_OF_BOARD.name, "truong-ban")
        deputy = member(DEPUTY_HEAD.name, "pho-ban")
        authenticator(deputy)
        replace_recovery_codes(deputy)
    return deputy


def test_the_head_resets_a_members_second_factor_and_the_audit_log_records_it(hanoi, deputy):
    head = hanoi.signed_in_client("truong-ban")
    assert reset_url(deputy) in head.get("/admin/users/").content.decode()
    confirm = head.get(reset_url(deputy)).content.decode()
    assert "pho-ban" in confirm and "sẽ mất ứng dụng xác thực" in confirm

    done = head.post(reset_url(deputy), follow=True)

    assert "Đã đặt lại xác thực hai bước của pho-ban" in done.content.decode()
    with hanoi.context():
        assert not TOTPDevice.objects.filter(user=deputy).exists()
        assert not StaticDevice.objects.filter(user=deputy).exists()
        entry = ModelLogEntry.objects.get(action="accounts.reset_second_factor")
        assert entry.object_id == str(deputy.pk) and entry.user.username == "truong-ban"
    assert "Đã đặt lại xác thực hai bước" in head.get("/admin/reports/site-history/").content.decode()
    again = hanoi.client()
    sign_in_with_password(again, "pho-ban")
    assert again.get("/admin/").url.startswith("/admin/xac-thuc-hai-buoc/thiet-lap/")


@pytest.mark.parametrize("username", ["bien-tap", "pho-ban-khac"])
def test_other_members_cannot_reset_a_second_factor(hanoi, deputy, username):
    with hanoi.context():
        member(EDITOR.name if username == "bien-tap" else DEPUTY_HEAD.name, username)
    browser = hanoi.signed_in_client(username)

    assert reset_url(deputy) not in browser.get("/admin/users/").content.decode()
    assert browser.post(reset_url(deputy)).status_code == 302  # Wagtail's "no permission" redirect
    with hanoi.context():
        assert TOTPDevice.objects.filter(user=deputy).exists()


def test_a_head_cannot_reset_a_superuser_but_a_superuser_can(hanoi, deputy):
    with hanoi.context():
        from django.contrib.auth import get_user_model

        superuser = get_user_model().objects.get(username="admin")
        authenticator(superuser)
    head = hanoi.signed_in_client("truong-ban")
    head.post(reset_url(superuser))
    with hanoi.context():
        assert TOTPDevice.objects.filter(user=superuser).exists()

    hanoi.signed_in_client("admin").post(reset_url(deputy))
    with hanoi.context():
        assert not TOTPDevice.objects.filter(user=deputy).exists()
