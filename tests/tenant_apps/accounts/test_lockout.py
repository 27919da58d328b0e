"""Brute force: sign-in is locked out per account and per IP address, and the head of board can unlock."""

import pytest

from tenant_apps.editorial.roles import EDITOR, HEAD_OF_BOARD, REPORTER

from .support import LOCKED_OUT_MESSAGE, member, sign_in_with_password

pytestmark = pytest.mark.django_db

LIMIT = 5


@pytest.fixture(autouse=True)
def _failure_limit(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT


@pytest.fixture
def staff(hanoi):
    with hanoi.context():
        member(HEAD_OF_BOARD.name, "truong-ban")
        member(EDITOR.name, "bien-tap")
        for number in range(LIMIT):
            member(REPORTER.name, f"phong-vien-{number}")


def test_an_account_is_locked_out_after_repeated_wrong_passwords_from_any_address(hanoi, staff):
    browser = hanoi.client()
    for attempt in range(LIMIT - 1):
        wrong = sign_in_with_password(browser, "bien-tap", "sai-mat-khau", ip=f"10.0.0.{attempt}")
        assert wrong.status_code == 200 and "đăng nhập" in wrong.content.decode().lower()

    locked = sign_in_with_password(browser, "bien-tap", "sai-mat-khau", ip="10.0.0.99")
    assert locked.status_code == 429 and LOCKED_OUT_MESSAGE in locked.content.decode()
    still_locked = sign_in_with_password(browser, "bien-tap", ip="10.0.1.1")  # the right password, elsewhere
    assert still_locked.status_code == 429 and "thử lại sau 30 phút" in still_locked.content.decode()
    assert hanoi.client().get("/admin/").status_code == 302
    assert sign_in_with_password(hanoi.client(), "phong-vien-0", ip="10.0.1.1").status_code == 302  # others sign in


def test_an_address_is_locked_out_after_wrong_passwords_for_many_accounts(hanoi, staff):
    for number in range(LIMIT):
        sign_in_with_password(hanoi.client(), f"phong-vien-{number}", "sai-mat-khau", ip="203.0.113.7")

    from_that_address = sign_in_with_password(hanoi.client(), "bien-tap", ip="203.0.113.7")
    assert from_that_address.status_code == 429 and LOCKED_OUT_MESSAGE in from_that_address.content.decode()
    assert sign_in_with_password(hanoi.client(), "bien-tap", ip="198.51.100.1").status_code == 302


def test_the_head_of_board_sees_and_lifts_a_lock_out(hanoi, staff):
    for _ in range(LIMIT):
        sign_in_with_password(hanoi.client(), "bien-tap", "sai-mat-khau", ip="10.0.0.1")
    head = hanoi.signed_in_client("truong-ban")
    page = head.get("/admin/khoa-dang-nhap/").content.decode()
    assert "bien-tap" in page and "10.0.0.1" in page

    unlocked = head.post("/admin/khoa-dang-nhap/", {"username": "bien-tap"}, follow=True).content.decode()
    assert "Đã mở khóa đăng nhập cho bien-tap" in unlocked
    assert sign_in_with_password(hanoi.client(), "bien-tap", ip="10.0.0.2").status_code == 302
    head.post("/admin/khoa-dang-nhap/", {"ip_address": "10.0.0.1"})
    assert sign_in_with_password(hanoi.client(), "phong-vien-1", ip="10.0.0.1").status_code == 302
    assert "Chọn một tài khoản" in head.post("/admin/khoa-dang-nhap/", {}, follow=True).content.decode()


def test_only_the_head_or_a_superuser_may_unlock(hanoi, staff):
    editor = hanoi.signed_in_client("bien-tap")

    assert "/admin/khoa-dang-nhap/" not in editor.get("/admin/").content.decode()
    assert editor.post("/admin/khoa-dang-nhap/", {"username": "bien-tap"}).status_code == 302
    assert "/admin/khoa-dang-nhap/" in hanoi.signed_in_client("truong-ban").get("/admin/").content.decode()
