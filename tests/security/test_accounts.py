"""Accounts across provinces: a session, a lock-out, a reset link or a reset of one province never acts on another."""

import re

import pytest
from django.core import mail
from django_otp.plugins.otp_totp.models import TOTPDevice

from tenant_apps.editorial.roles import DEPUTY_HEAD, EDITOR, HEAD_OF_BOARD
from tests.conftest import TEST_PASSWORD
from tests.factories import UserFactory
from tests.tenant_apps.accounts.support import LOCKED_OUT_MESSAGE, authenticator, member, sign_in_with_password

pytestmark = pytest.mark.django_db


def test_a_verified_session_of_ha_noi_is_refused_on_hcm_and_on_the_central_host(hanoi, hcm, central_client):
    hanoi_admin = hanoi.signed_in_client()
    assert hanoi_admin.get("/admin/").status_code == 200
    cookie = hanoi_admin.cookies["sessionid"].value

    for browser in (hcm.client(), central_client):
        browser.cookies["sessionid"] = cookie
        for url in ("/admin/", "/admin/users/", "/admin/xac-thuc-hai-buoc/", "/admin/khoa-dang-nhap/"):
            refused = browser.get(url)
            assert refused.status_code == 302 and refused.url.startswith("/admin/login/"), (browser, url)


def test_a_lock_out_in_ha_noi_does_not_lock_the_same_username_in_hcm_or_the_centre(
    hanoi, hcm, central_client, settings
):
    settings.AXES_FAILURE_LIMIT = 3
    for site in (hanoi, hcm):
        with site.context():
            member(EDITOR.name, "bien-tap")
    for _ in range(3):
        sign_in_with_password(hanoi.client(), "bien-tap", "sai-mat-khau", ip="192.0.2.10")
    locked = sign_in_with_password(hanoi.client(), "bien-tap", ip="192.0.2.11")
    assert locked.status_code == 429 and LOCKED_OUT_MESSAGE in locked.content.decode()

    assert sign_in_with_password(hcm.client(), "bien-tap", ip="192.0.2.10").status_code == 302
    assert sign_in_with_password(central_client, "admin", ip="192.0.2.10").status_code == 302
    assert hcm.signed_in_client().get("/admin/khoa-dang-nhap/").content.decode().count("Không có.") == 2


def test_a_password_reset_link_of_ha_noi_resets_nothing_in_hcm(hanoi, hcm):
    with hanoi.context():
        hanoi_user = member(EDITOR.name, "bien-tap")
    with hcm.context():  # someone in HCM with the same id and e-mail address
        hcm_user = UserFactory(id=hanoi_user.pk, username="bien-tap-hcm", email="bien-tap@example.vn")
    hanoi.client().post("/admin/password_reset/", {"email": "bien-tap@example.vn"})
    link = re.search(r"http://hanoi\.localhost(/admin/password_reset/confirm/\S+)", mail.outbox[-1].body).group(1)

    on_hcm = hcm.client().get(link, follow=True)

    assert on_hcm.status_code == 200 and 'name="new_password1"' not in on_hcm.content.decode()
    with hcm.context():
        hcm_user.refresh_from_db()
        assert hcm_user.check_password(TEST_PASSWORD)


def test_the_head_of_ha_noi_cannot_reset_a_member_of_hcm(hanoi, hcm):
    with hanoi.context():
        member(HEAD_OF_BOARD.name, "truong-ban")
    with hcm.context():
        deputy = member(DEPUTY_HEAD.name, "pho-ban")
        authenticator(deputy)
    url = f"/admin/tai-khoan/{deputy.pk}/dat-lai-xac-thuc/"

    hanoi.signed_in_client("truong-ban").post(url)  # the id means someone else, or no one, in Hà Nội
    hanoi_session_on_hcm = hcm.client()
    hanoi_session_on_hcm.cookies["sessionid"] = hanoi.signed_in_client("truong-ban").cookies["sessionid"].value
    assert hanoi_session_on_hcm.post(url).url.startswith("/admin/login/")

    with hcm.context():
        assert TOTPDevice.objects.filter(user=deputy).exists()


def test_the_central_host_is_not_a_way_around_a_provinces_second_factor(hanoi, central_client):
    with hanoi.context():
        authenticator(member(HEAD_OF_BOARD.name, "truong-ban"))

    assert sign_in_with_password(central_client, "truong-ban").status_code == 200  # no such account centrally
    assert central_client.get("/admin/").url.startswith("/admin/login/")
