"""A browser session in the browser province's admin, signed in as a person does: password, then
setting up the authenticator (the secret read off the page) and typing its code.

Import `admin_storage_state` into a test module; it signs in once per package and hands Playwright's
storage state (the session cookie) to every context that needs the admin.
"""

from __future__ import annotations

from base64 import b32decode

import pytest
from django_otp.oath import TOTP

from tests.conftest import TEST_PASSWORD


def current_code(secret: str) -> str:
    return f"{TOTP(b32decode(secret)).token():06d}"


@pytest.fixture(scope="package")
def admin_storage_state(chromium, live_site) -> dict:
    context = chromium.new_context(locale="vi-VN")
    page = context.new_page()
    page.goto(live_site.province_url("/admin/login/"))
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/xac-thuc-hai-buoc/thiet-lap/**")
    secret = page.inner_text("code").replace(" ", "")
    page.fill("input[name=code]", current_code(secret))
    page.click("form button[type=submit]")
    page.wait_for_load_state("load")
    state = context.storage_state()
    context.close()
    return state
