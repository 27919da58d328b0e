"""The board's back office in a real browser: screens staff met wrong in issue 16, tried as they did."""

from __future__ import annotations

import re

import pytest
from django_otp.oath import TOTP

from tests.conftest import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

AUTHENTICATOR_KEY = b"browser-test-otp-key"
WIDTH = 1280


@pytest.fixture(scope="module")
def office(live_site, django_db_blocker):
    """Committed for the server: the browser province's admin gets an authenticator, and a citizen's
    question waits for an answer. Removed afterwards."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from django_tenants.utils import tenant_context

    from tenant_apps.qa.models import Question, QuestionIndexPage
    from tenants.models import Province

    with django_db_blocker.unblock():
        province = Province.objects.get(domains__domain=live_site.province_host)
        with tenant_context(province):
            admin = get_user_model().objects.get(username="admin")
            TOTPDevice.objects.filter(user=admin).delete()
            TOTPDevice.objects.create(user=admin, name="Trình duyệt thử nghiệm", key=AUTHENTICATOR_KEY.hex())
            question = Question.objects.create(
                page=QuestionIndexPage.objects.get(),
                asker_name="Lê Thị Hoa",
                email="hoa@example.vn",
                commune="Phường Thuận Hóa",
                topic="bhyt",
                title="Thẻ BHYT của con tôi hết hạn khi nào?",
                body="Con tôi học lớp 10, thẻ BHYT học sinh hết hạn khi nào và gia hạn ở đâu?",
            )
        connection.set_schema_to_public()
    yield {"question": question.pk}
    with django_db_blocker.unblock():
        with tenant_context(province):
            Question.objects.filter(pk=question.pk).delete()
            TOTPDevice.objects.filter(user=admin).delete()
        connection.set_schema_to_public()


@pytest.fixture(scope="module")
def signed_in_state(chromium, live_site, office):
    """The cookies of one real sign-in (password, then the authenticator's code), shared by the tests:
    an authenticator code is accepted once."""
    context = chromium.new_context(locale="vi-VN")
    page = context.new_page()
    page.goto(live_site.province_url("/admin/login/"))
    page.fill("#id_username", "admin")
    page.fill("#id_password", TEST_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"xac-thuc-hai-buoc"))
    page.fill("#id_code", f"{TOTP(AUTHENTICATOR_KEY).token():06d}")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    state = context.storage_state()
    context.close()
    return state


@pytest.fixture
def admin_page(chromium, signed_in_state):
    context = chromium.new_context(
        locale="vi-VN", storage_state=signed_in_state, viewport={"width": WIDTH, "height": 900}
    )
    yield context.new_page()
    context.close()


def test_an_answer_typed_in_the_editor_is_saved_at_the_first_click_and_shown_publicly(
    admin_page, live_site, office, screenshot_dir
):
    page = admin_page
    page.goto(live_site.province_url(f"/admin/hoi-dap/{office['question']}/tra-loi/"))
    page.get_by_label("Trả lời và công khai").check()
    page.locator(".public-DraftEditor-content").click()
    page.keyboard.type("Thẻ BHYT học sinh có giá trị đến hết ngày 31/12; nhà trường thu và gia hạn cho các em.")
    page.get_by_role("button", name="Lưu").click()  # at once, as a quick hand does
    page.wait_for_load_state()
    assert "/admin/questions/" in page.url, page.locator(".error-message").all_inner_texts()
    page.screenshot(path=screenshot_dir / "admin-qa-answered-1280.png", full_page=True)
    assert page.get_by_text("Đã trả lời, công khai").count() == 1  # the status's label, not its code
    public = page.goto(live_site.province_url(f"/hoi-dap/{office['question']}/"))
    assert "nhà trường thu và gia hạn cho các em" in public.text()
