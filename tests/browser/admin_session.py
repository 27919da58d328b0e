"""A browser session in the browser province's admin, signed in as a person does: password, then
the authenticator (set up the first time, the secret read off the page) and its code.

Import `admin_storage_state` into a test module; it hands Playwright's storage state (the session
cookie) to every context that needs the admin. Each module signs in once.
"""

from __future__ import annotations

import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP

from tests.conftest import TEST_PASSWORD

ENROL, VERIFY = "/xac-thuc-hai-buoc/thiet-lap/", "/xac-thuc-hai-buoc/"
_authenticator: dict[str, object] = {}  # the secret set up by the first sign-in, and the last time step used


def fresh_code() -> str:
    """A code of the current time step, never the one already used (django-otp refuses a replay)."""
    totp = TOTP(b32decode(_authenticator["secret"]))
    while totp.t() == _authenticator.get("last_step"):
        time.sleep(1)
        totp = TOTP(b32decode(_authenticator["secret"]))
    _authenticator["last_step"] = totp.t()
    return f"{totp.token():06d}"


@pytest.fixture(scope="module")
def admin_storage_state(chromium, live_site) -> dict:
    context = chromium.new_context(locale="vi-VN")
    page = context.new_page()
    page.goto(live_site.province_url("/admin/login/"))
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(lambda url: VERIFY in url)  # also the start of ENROL
    if ENROL in page.url:
        _authenticator["secret"] = page.inner_text("code").replace(" ", "")
    page.fill("input[name=code]", fresh_code())
    with page.expect_navigation():  # to the recovery codes (first time) or the dashboard
        page.click("form button[type=submit]")
    state = context.storage_state()
    context.close()
    return state
