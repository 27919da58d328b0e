"""An editor types a Vietnamese title in a new news page: the slug field shows the ASCII slug, and the
saved page's address is that slug."""

from __future__ import annotations

import pytest
from django_tenants.utils import tenant_context
from playwright.sync_api import expect

from tests.browser.admin_session import admin_context
from tests.browser.conftest import BROWSER_PROVINCE_CODE

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def _news_index_and_category() -> tuple[int, int]:
    from tenant_apps.news.models import NewsCategory, NewsIndexPage
    from tenants.models import Province

    with tenant_context(Province.objects.get(code=BROWSER_PROVINCE_CODE)):
        return NewsIndexPage.objects.get().pk, NewsCategory.objects.order_by("pk").first().pk


def test_a_vietnamese_title_gives_an_ascii_slug_in_the_editor_and_in_the_saved_address(
    chromium,
    live_site,
    admin_state,
    screenshot_dir,
):
    context = admin_context(chromium, admin_state)
    page = context.new_page()
    news_index, category = _news_index_and_category()
    page.goto(live_site.province_url(f"/admin/pages/add/news/newspage/{news_index}/"))

    page.click("#id_title")
    page.keyboard.type("Đà Nẵng tập huấn chính sách BHXH")
    page.keyboard.press("Tab")
    expect(page.locator("#id_slug")).to_have_value("da-nang-tap-huan-chinh-sach-bhxh")  # synced after 100 ms

    page.evaluate(f"document.querySelector('#id_category').value = '{category}'")  # the chooser's hidden input
    page.fill("#id_author", "Phóng viên")
    page.locator(".public-DraftEditor-content").first.click()  # the body, the only rich-text field
    page.keyboard.type("Nội dung bài viết.")
    # Draftail copies the text into its hidden input a moment after the last keystroke; a loaded
    # machine clicked "Lưu nháp" before that and the form came back asking for the body.
    page.wait_for_function("() => document.querySelector('input[name=body]').value.includes('Nội dung')")
    page.get_by_role("button", name="Lưu nháp").click()
    page.wait_for_url("**/admin/pages/*/edit/")
    page.screenshot(path=str(screenshot_dir / "admin-slug-after-save.png"), full_page=True)

    from tenant_apps.news.models import NewsPage
    from tenants.models import Province

    with tenant_context(Province.objects.get(code=BROWSER_PROVINCE_CODE)):
        saved = NewsPage.objects.get(title="Đà Nẵng tập huấn chính sách BHXH")
        assert saved.url_path.endswith("/tin-tuc/da-nang-tap-huan-chinh-sach-bhxh/")
    context.close()
