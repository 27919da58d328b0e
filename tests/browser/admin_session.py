"""The one admin sign-in of the browser tests: both admins (the browser province's and the central
office's) get an authenticator with a known key, and each signs in once for the whole package,
as a person does: password, then the authenticator's code.

Every admin browser test asks for `admin_state` (province) or `central_admin_state` and opens its
own context with it (`admin_context`). Signing in once per package, not per module, is what keeps
the order of the modules from mattering: django-otp accepts a code once per time step and account,
and a second enrolment per module used to leave a later module on the two-factor page.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import TEST_PASSWORD

AUTHENTICATOR_KEY = b"browser-test-otp-key"
DEVICE_NAME = "Trình duyệt thử nghiệm"
VERIFY_URL = re.compile(r"/admin/xac-thuc-hai-buoc/(\?.*)?$")
DASHBOARD_URL = re.compile(r"/admin/$")


def _give_authenticator():
    """This schema's `admin` gets exactly one authenticator, with the known key."""
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    admin = get_user_model().objects.get(username="admin")
    TOTPDevice.objects.filter(user=admin).delete()
    return TOTPDevice.objects.create(user=admin, name=DEVICE_NAME, key=AUTHENTICATOR_KEY.hex())


@pytest.fixture(scope="package")
def admin_authenticators(live_site, django_db_blocker):
    """Committed for the server; removed when the last browser test has run."""
    from django.db import connection
    from django_tenants.utils import tenant_context

    from tenants.models import Province

    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        central = _give_authenticator()
        province = Province.objects.get(domains__domain=live_site.province_host)
        with tenant_context(province):
            local = _give_authenticator()
        connection.set_schema_to_public()
    yield
    with django_db_blocker.unblock():
        with tenant_context(province):
            local.delete()
        connection.set_schema_to_public()
        central.delete()


def sign_in(chromium, login_url: str) -> dict:
    """The storage state (session cookie) of one real sign-in at `login_url`; once per account, as
    django-otp accepts a code once per time step."""
    from django_otp.oath import TOTP

    context = chromium.new_context(locale="vi-VN")
    page = context.new_page()
    page.goto(login_url)
    page.fill("#id_username", "admin")
    page.fill("#id_password", TEST_PASSWORD)
    with page.expect_navigation(url=VERIFY_URL):
        page.click("form button[type=submit]")
    page.fill("#id_code", f"{TOTP(AUTHENTICATOR_KEY).token():06d}")
    with page.expect_navigation(url=DASHBOARD_URL):
        page.click("form button[type=submit]")
    state = context.storage_state()
    context.close()
    return state


@pytest.fixture(scope="package")
def admin_state(admin_authenticators, chromium, live_site) -> dict:
    return sign_in(chromium, live_site.province_url("/admin/login/"))


@pytest.fixture(scope="package")
def central_admin_state(admin_authenticators, chromium, live_site) -> dict:
    return sign_in(chromium, live_site.central_url("/admin/login/"))


def admin_context(chromium, state: dict, **options):
    """A new browser context signed in with `state` (Vietnamese unless `locale` says otherwise)."""
    return chromium.new_context(**{"locale": "vi-VN", "storage_state": state, **options})
