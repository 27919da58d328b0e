"""The demo admin of `make run` signs in with the password and the published demo authenticator."""

import pytest

from tenant_apps.demo.services import DEMO_AUTHENTICATOR_SECRET, demo_authenticator_code, ensure_demo_authenticator

from .support import sign_in_with_password

pytestmark = pytest.mark.django_db


def test_the_demo_admin_signs_in_with_the_code_of_the_published_secret(hanoi):
    with hanoi.context():
        ensure_demo_authenticator()
        ensure_demo_authenticator()  # setup_demo runs again on every `make run`
    browser = hanoi.client()
    sign_in_with_password(browser, "admin")

    assert browser.post("/admin/xac-thuc-hai-buoc/", {"code": demo_authenticator_code()}).url == "/admin/"
    assert browser.get("/admin/").status_code == 200
    assert DEMO_AUTHENTICATOR_SECRET == "MJUHQ2BNMRSW23ZNGIYDENRNORXXI4BB"  # the secret the README shows
