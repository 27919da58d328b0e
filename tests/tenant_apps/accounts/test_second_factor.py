"""Xác thực hai bước: required for publishers and personal data, set up once, then asked at every sign-in."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from tenant_apps.accounts.services import replace_recovery_codes
from tenant_apps.editorial.roles import DEPUTY_HEAD, EDITOR, HEAD_OF_BOARD, REPORTER, TECHNICAL_ADMIN

from .support import WRONG_CODE_MESSAGE, authenticator, code_of, member, sign_in_with_password

pytestmark = pytest.mark.django_db

ENROL_URL = "/admin/xac-thuc-hai-buoc/thiet-lap/"
VERIFY_URL = "/admin/xac-thuc-hai-buoc/"


def test_a_head_of_board_sets_up_the_authenticator_then_gets_ten_recovery_codes_once(hanoi):
    with hanoi.context():
        member(HEAD_OF_BOARD.name, "truong-ban")
    browser = hanoi.client()
    assert sign_in_with_password(browser, "truong-ban").status_code == 302

    setup = browser.get("/admin/pages/", follow=True)
    html = setup.content.decode()
    assert setup.redirect_chain[-1][0] == f"{ENROL_URL}?next=%2Fadmin%2Fpages%2F"
    assert "Thiết lập xác thực hai bước" in html and "<svg" in html
    secret = re.search(r'<code class="w-text-16">([A-Z2-7 ]+)</code>', html).group(1)
    assert browser.get(ENROL_URL).content.decode().count(secret) == 1  # reloading keeps the same secret

    with hanoi.context():
        device = TOTPDevice.objects.get(user__username="truong-ban")
    done = browser.post(ENROL_URL, {"code": code_of(device), "next": "/admin/pages/"})
    page = done.content.decode()
    codes = re.findall(r'<li><code class="w-text-16">([a-z2-7]{8})</code></li>', page)
    assert "Đã bật xác thực hai bước" in page and len(set(codes)) == 10
    assert 'href="/admin/pages/"' in page
    assert browser.get("/admin/").status_code == 200
    assert not set(codes) & set(re.findall(r"[a-z2-7]{8}", browser.get(ENROL_URL, follow=True).content.decode()))


def test_a_wrong_code_at_set_up_is_refused_in_vietnamese(hanoi):
    with hanoi.context():
        member(DEPUTY_HEAD.name, "pho-ban")
    browser = hanoi.client()
    sign_in_with_password(browser, "pho-ban")

    refused = browser.post(ENROL_URL, {"code": "000000"})

    assert refused.status_code == 200 and WRONG_CODE_MESSAGE in refused.content.decode()
    assert browser.get("/admin/").url.startswith(ENROL_URL)


def test_an_enrolled_admin_gives_the_code_before_any_admin_page_or_personal_data_file(hanoi):
    with hanoi.context():
        device = authenticator(member(HEAD_OF_BOARD.name, "truong-ban"))
    browser = hanoi.client()
    sign_in_with_password(browser, "truong-ban")

    for url in ("/admin/", "/admin/pages/", "/admin/users/", "/tep-dich-vu-cong/6f1c7a9e-0000-4000-8000-000000000000/"):
        asked = browser.get(url)
        assert asked.status_code == 302 and asked.url.startswith(VERIFY_URL), url
    page = browser.get(asked.url).content.decode()
    assert "Nhập mã 6 chữ số" in page and "mã dự phòng" in page

    verified = browser.post(VERIFY_URL, {"code": code_of(device), "next": "/admin/pages/"})
    assert verified.status_code == 302 and verified.url == "/admin/pages/"
    assert browser.get("/admin/users/").status_code == 200


def test_a_wrong_code_is_refused_in_vietnamese_and_the_admin_stays_closed(hanoi):
    with hanoi.context():
        authenticator(member(HEAD_OF_BOARD.name, "truong-ban"))
    browser = hanoi.client()
    sign_in_with_password(browser, "truong-ban")

    for wrong in ("123456", "abcdefgh", "<script>"):
        refused = browser.post(VERIFY_URL, {"code": wrong})
        assert refused.status_code == 200 and WRONG_CODE_MESSAGE in refused.content.decode()
    assert "Vui lòng nhập mã xác thực" in browser.post(VERIFY_URL, {"code": ""}).content.decode()
    assert browser.get("/admin/").url.startswith(VERIFY_URL)


def test_a_recovery_code_signs_in_once(hanoi):
    with hanoi.context():
        user = member(HEAD_OF_BOARD.name, "truong-ban")
        authenticator(user)
        codes = replace_recovery_codes(user)
    first = hanoi.client()
    sign_in_with_password(first, "truong-ban")
    assert first.post(VERIFY_URL, {"code": codes[0].upper()}).url == "/admin/"
    assert first.get("/admin/").status_code == 200

    second = hanoi.client()
    sign_in_with_password(second, "truong-ban")
    assert WRONG_CODE_MESSAGE in second.post(VERIFY_URL, {"code": codes[0]}).content.decode()


@pytest.mark.parametrize(
    ("role", "must_set_up"),
    [(HEAD_OF_BOARD, True), (DEPUTY_HEAD, True), (EDITOR, False), (REPORTER, False), (TECHNICAL_ADMIN, False)],
)
def test_only_roles_that_publish_or_see_personal_data_must_set_up_a_second_factor(hanoi, role, must_set_up):
    with hanoi.context():
        member(role.name, "thanh-vien")
    browser = hanoi.client()
    sign_in_with_password(browser, "thanh-vien")

    dashboard = browser.get("/admin/")

    if must_set_up:
        assert dashboard.status_code == 302 and dashboard.url.startswith(ENROL_URL)
    else:
        assert dashboard.status_code == 200


def test_a_reporter_may_set_up_a_second_factor_and_is_then_asked_for_it(hanoi):
    with hanoi.context():
        member(REPORTER.name, "phong-vien")
    browser = hanoi.client()
    sign_in_with_password(browser, "phong-vien")
    assert "Thiết lập xác thực hai bước" in browser.get("/admin/account/").content.decode()

    assert browser.get(ENROL_URL).status_code == 200
    with hanoi.context():
        device = TOTPDevice.objects.get(user__username="phong-vien")
    browser.post(ENROL_URL, {"code": code_of(device)})

    later = hanoi.client()
    sign_in_with_password(later, "phong-vien")
    assert later.get("/admin/").url.startswith(VERIFY_URL)


def test_a_superuser_of_the_central_office_must_set_up_a_second_factor(central_client):
    sign_in_with_password(central_client, "admin")

    assert central_client.get("/admin/provinces/").url.startswith(ENROL_URL)


def test_a_signed_in_session_without_the_code_cannot_reach_the_public_sites_admin_preview_either(hanoi):
    """Being half signed in (password, no code) gives nothing: every page but the code page sends back to it."""
    with hanoi.context():
        authenticator(member(HEAD_OF_BOARD.name, "truong-ban"))
    browser = hanoi.client()
    sign_in_with_password(browser, "truong-ban")

    assert browser.get("/tim-kiem/?q=bhxh").url.startswith(VERIFY_URL)
    assert browser.post("/admin/logout/").status_code == 302
    assert browser.get("/tim-kiem/?q=bhxh").status_code == 200
