"""Password reset by e-mail on the province's own domain, Django's password rules, and idle sessions ending."""

import re
from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.utils import timezone

from tenant_apps.editorial.roles import EDITOR

from .support import member, sign_in_with_password

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Bhxh-Ha-Noi-2026!"


@pytest.fixture
def editor(hanoi):
    with hanoi.context():
        return member(EDITOR.name, "bien-tap")


def reset_link(site, email: str) -> str:
    site.client().post("/admin/password_reset/", {"email": email})
    return re.search(r"https?://(\S+?)(/admin/password_reset/confirm/\S+)", mail.outbox[-1].body).groups()


def test_the_reset_e_mail_links_to_the_province_host_and_sets_the_password(hanoi, editor):
    host, path = reset_link(hanoi, "bien-tap@example.vn")

    assert host == "hanoi.localhost"
    assert mail.outbox[-1].subject == "Đặt lại mật khẩu quản trị - hanoi.localhost"
    assert "tài khoản quản trị «bien-tap» tại hanoi.localhost" in mail.outbox[-1].body
    browser = hanoi.client()
    form = browser.get(path, follow=True)
    done = browser.post(form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302
    assert sign_in_with_password(hanoi.client(), "bien-tap", NEW_PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Ng4n-qua", "Mật khẩu quá ngắn: cần ít nhất 10 ký tự."),
        ("1234567890123", "Mật khẩu này hoàn toàn là số."),
        ("password123", "Mật khẩu này quá phổ biến."),
        ("bien-tap-2026", "Mật khẩu quá giống với"),
    ],
)
def test_weak_passwords_are_refused_in_vietnamese(hanoi, editor, password, message):
    _, path = reset_link(hanoi, "bien-tap@example.vn")
    browser = hanoi.client()
    form = browser.get(path, follow=True)

    refused = browser.post(form.redirect_chain[-1][0], {"new_password1": password, "new_password2": password})

    assert refused.status_code == 200 and message in refused.content.decode()


def test_an_admin_session_ends_after_30_minutes_without_a_request(hanoi):
    browser = hanoi.signed_in_client()
    response = browser.get("/admin/")
    assert response.status_code == 200
    assert response.cookies["sessionid"]["max-age"] == 30 * 60

    with hanoi.context():
        session = Session.objects.get(session_key=browser.cookies["sessionid"].value)
        assert session.expire_date - timezone.now() > timedelta(minutes=29)  # renewed by each request
        session.expire_date = timezone.now() - timedelta(seconds=1)  # as if 30 idle minutes had passed
        session.save()

    expired = browser.get("/admin/")
    assert expired.status_code == 302 and expired.url.startswith("/admin/login/")
