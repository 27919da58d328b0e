"""The board's back office in a real browser: screens staff met wrong in issue 16, tried as they did."""

from __future__ import annotations

import pytest

from tests.browser.admin_session import admin_context

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WIDTH = 1280


@pytest.fixture(scope="module")
def office(live_site, django_db_blocker):
    """Committed for the server: a citizen's question waits for an answer. Removed afterwards."""
    from django.db import connection
    from django_tenants.utils import tenant_context

    from tenant_apps.qa.models import Question, QuestionIndexPage
    from tenants.models import Province

    with django_db_blocker.unblock():
        province = Province.objects.get(domains__domain=live_site.province_host)
        with tenant_context(province):
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
        connection.set_schema_to_public()


def expect(locator):
    from playwright.sync_api import expect  # imported late: without Playwright these tests are skipped

    return expect(locator)


@pytest.fixture
def admin_page(chromium, admin_state):
    context = admin_context(chromium, admin_state, viewport={"width": WIDTH, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture
def central_page(chromium, central_admin_state):
    context = admin_context(chromium, central_admin_state, viewport={"width": WIDTH, "height": 900})
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
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu").click()  # at once, as a quick hand does
    assert "/admin/questions/" in page.url, page.locator(".error-message").all_inner_texts()
    page.screenshot(path=screenshot_dir / "admin-qa-answered-1280.png", full_page=True)
    row = page.get_by_role("row").filter(has_text="Thẻ BHYT của con tôi hết hạn khi nào?")
    assert row.get_by_text("Đã trả lời, công khai").count() == 1  # the status's label, not its code
    public = page.goto(live_site.province_url(f"/hoi-dap/{office['question']}/"))
    assert "nhà trường thu và gia hạn cho các em" in public.text()


def test_the_first_export_of_the_royalty_statement_downloads_a_workbook(admin_page, live_site, screenshot_dir):
    page = admin_page
    page.goto(live_site.province_url("/admin/nhuan-but/"))
    page.screenshot(path=screenshot_dir / "admin-royalty-statement-1280.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Xuất Excel (XLSX)").click()
    assert download.value.suggested_filename.endswith(".xlsx")


def test_adding_a_royalty_line_asks_for_the_article_person_and_coefficient_in_vietnamese(
    admin_page, live_site, screenshot_dir
):
    page = admin_page
    page.goto(live_site.province_url("/admin/royalty_payments/"))
    page.screenshot(path=screenshot_dir / "admin-royalty-lines-1280.png", full_page=True)
    page.goto(live_site.province_url("/admin/royalty_payments/new/"))
    page.screenshot(path=screenshot_dir / "admin-royalty-add-1280.png", full_page=True)
    page.get_by_label("Hệ số").fill("12")
    page.get_by_role("button", name="Tạo", exact=True).click()
    expect(page.get_by_text("Hãy chọn tin, bài được hưởng nhuận bút.")).to_be_visible()
    page.screenshot(path=screenshot_dir / "admin-royalty-add-errors-1280.png", full_page=True)
    errors = " ".join(page.locator(".error-message").all_inner_texts())
    assert "Hãy chọn tin, bài được hưởng nhuận bút." in errors and "Hãy nhập họ và tên người hưởng" in errors


def test_the_demo_board_fills_the_back_office_screens(admin_page, live_site, screenshot_dir):
    page = admin_page
    for path, name, expected in (
        ("/admin/board_members/", "members", "Trưởng ban"),
        ("/admin/board_decisions/", "decision", "1568/QĐ-BHXH"),
        ("/admin/operating_rules/", "rules", "sửa đổi, bổ sung"),
        ("/admin/questions/", "questions", "Quá hạn"),
    ):
        page.goto(live_site.province_url(path))
        page.screenshot(path=screenshot_dir / f"admin-demo-{name}-1280.png", full_page=True)
        assert expected in page.content(), path


def test_a_domain_is_added_to_a_live_province_after_a_confirmation_page(central_page, live_site, screenshot_dir):
    page = central_page
    page.goto(live_site.central_url("/admin/provinces/"))
    page.get_by_role("link", name=live_site.office_name).click()
    page.get_by_role("button", name="Thao tác", exact=True).click()
    page.get_by_role("link", name="Thêm tên miền").click()
    page.get_by_label("Tên miền mới").fill("bhxh.hue.example.vn")
    page.get_by_role("button", name="Tiếp tục").click()
    expect(page.get_by_text("Thêm tên miền «bhxh.hue.example.vn» cho")).to_be_visible()
    page.screenshot(path=screenshot_dir / "central-add-domain-confirm-1280.png", full_page=True)
    page.get_by_role("button", name="Xác nhận").click()
    expect(page.get_by_text("Đã thêm tên miền «bhxh.hue.example.vn».")).to_be_visible()
    page.screenshot(path=screenshot_dir / "central-add-domain-done-1280.png", full_page=True)
