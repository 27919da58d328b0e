"""A withdrawn and a corrected national article in a real browser, on a phone and a laptop.

Both are delivered to the browser province (Huế), then the centre corrects one and withdraws the
other and the cascade runs there; the copies and the originals must show their notice, meet WCAG
2.1 AA (axe-core) and not scroll sideways at 360 px. Screenshots go to data/screenshots/.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django_tenants.utils import tenant_context

from shared_apps.newsroom.models import SyndicatedItem
from shared_apps.newsroom.services.delivery import deliver_national_item
from shared_apps.newsroom.services.sections import ensure_newsroom_sections
from shared_apps.newsroom.services.withdrawals import correct_item, withdraw_item
from tenant_apps.news.models import NewsPage
from tenants.models import Province
from tests.factories import NationalNewsPageFactory

from .conftest import BROWSER_PROVINCE_CODE
from .test_accessibility import VIEWPORTS, format_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

CORRECTION = "Số người tham gia đúng là 1.234, không phải 1.243 như bản đăng trước."
REASON = "Thông tin chưa được kiểm chứng; Bảo hiểm xã hội Việt Nam gỡ để rà soát."


def _deliver(province: Province, item: SyndicatedItem) -> str:
    with tenant_context(province):
        deliver_national_item(item.pk)
        url = NewsPage.objects.get(syndication_key=item.key).get_url_parts()[2]
    connection.set_schema_to_public()
    return url


@pytest.fixture(scope="module")
def noticed_pages(live_site, django_db_blocker):
    """Committed: one corrected and one withdrawn national article, delivered to Huế; removed afterwards."""
    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        news, _ = ensure_newsroom_sections()
        editor = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
        province = Province.objects.get(code=BROWSER_PROVINCE_CODE)
        originals, paths = [], {}
        for label, action, text in (("corrected", correct_item, CORRECTION), ("withdrawn", withdraw_item, REASON)):
            original = NationalNewsPageFactory(
                parent=news, title=f"Tin toàn ngành thử trình duyệt ({label})", slug=f"thu-trinh-duyet-{label}"
            )
            original.save_revision().publish()
            originals.append(original)
            item = SyndicatedItem.objects.get(central_page_id=original.pk)
            _deliver(province, item)
            action(item, text, user=editor)
            paths[label] = {"copy": _deliver(province, item), "original": f"/tin-toan-nganh/{original.slug}/"}
    yield paths
    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        items = SyndicatedItem.objects.filter(central_page_id__in=[page.pk for page in originals])
        keys = list(items.values_list("key", flat=True))
        items.delete()
        with tenant_context(province):
            for copy in NewsPage.objects.filter(syndication_key__in=keys):
                copy.delete()
        connection.set_schema_to_public()
        for original in originals:
            original.delete()


@pytest.mark.parametrize("width", list(VIEWPORTS))
@pytest.mark.parametrize("label", ["corrected", "withdrawn"])
@pytest.mark.parametrize("where", ["copy", "original"])
def test_the_notice_shows_meets_wcag_and_fits_the_screen(
    noticed_pages, chromium, live_site, axe_source, screenshot_dir, label, where, width
):
    path = noticed_pages[label][where]
    url = live_site.province_url(path) if where == "copy" else live_site.central_url(path)
    context = chromium.new_context(
        viewport={"width": width, "height": VIEWPORTS[width]}, locale="vi-VN", bypass_csp=True
    )
    try:
        page = context.new_page()
        response = page.goto(url, wait_until="load")
        assert response is not None and response.status == 200
        page.screenshot(path=screenshot_dir / f"notice-{label}-{where}-{width}.png", full_page=True)
        heading = "Thông báo gỡ tin" if label == "withdrawn" else "Đính chính"
        assert page.get_by_role("heading", name=heading, level=2).is_visible()
        assert page.get_by_text(REASON if label == "withdrawn" else CORRECTION).is_visible()
        if label == "corrected":
            page.get_by_role("link", name="xem nội dung đính chính").click()
            assert page.url.endswith("#dinh-chinh")
        else:
            assert page.get_by_text("Nội dung hướng dẫn về bảo hiểm xã hội").count() == 0  # the body is gone
        problems = []
        if width == min(VIEWPORTS):
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width + 1:
                problems.append(f"{url} scrolls sideways at {width} px: {scroll_width} px wide")
        violations = run_axe(page, axe_source)
        if violations:
            problems.append(format_violations(url, width, violations))
        assert not problems, "\n".join(problems)
    finally:
        context.close()


# --- Must-carry: a province editor tries to un-feature the copy ----------------------------------------


@pytest.fixture(scope="module")
def must_carry_copy(live_site, django_db_blocker):
    """Committed: a national article the centre orders carried as Huế's featured news for a week; removed after."""
    from datetime import timedelta

    from django.utils import timezone

    from shared_apps.newsroom.models import Distribution
    from shared_apps.newsroom.services.must_carry import DistributionChange, set_distribution

    title = "Tin bắt buộc đăng thử trình duyệt"
    until = timezone.localdate() + timedelta(days=7)
    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        news, _ = ensure_newsroom_sections()
        province = Province.objects.get(code=BROWSER_PROVINCE_CODE)
        original = NationalNewsPageFactory(parent=news, title=title, slug="thu-trinh-duyet-bat-buoc-dang")
        change = DistributionChange(
            central_page_id=original.pk,
            to_all=True,
            groups=[],
            provinces=[],
            must_carry=True,
            placement="home",
            section_slug="",
            carry_from=timezone.localdate(),
            carry_until=until,
        )
        set_distribution(change, username="trunguong")
        original.save_revision().publish()
        item = SyndicatedItem.objects.get(central_page_id=original.pk)
        _deliver(province, item)
        with tenant_context(province):
            copy_id = NewsPage.objects.get(syndication_key=item.key).pk
        connection.set_schema_to_public()
    yield {"id": copy_id, "title": title, "until": until}
    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        SyndicatedItem.objects.filter(pk=item.pk).delete()
        Distribution.objects.filter(central_page_id=original.pk).delete()
        with tenant_context(province):
            NewsPage.objects.filter(pk=copy_id).delete()
        connection.set_schema_to_public()
        original.delete()


@pytest.mark.parametrize("width", list(VIEWPORTS))
def test_an_editor_who_unfeatures_a_must_carry_copy_is_told_why_and_it_stays_featured(
    must_carry_copy, chromium, live_site, admin_state, screenshot_dir, width
):
    from tests.browser.admin_session import admin_context

    until = f"{must_carry_copy['until']:%d/%m/%Y}"
    context = admin_context(chromium, admin_state, viewport={"width": width, "height": VIEWPORTS[width]})
    try:
        page = context.new_page()
        page.goto(live_site.province_url(f"/admin/pages/{must_carry_copy['id']}/edit/"))
        notice = page.locator(".messages").get_by_text("là tin bắt buộc đăng")
        assert notice.is_visible() and until in notice.inner_text()
        page.screenshot(path=screenshot_dir / f"must-carry-edit-{width}.png", full_page=False)

        featured = page.get_by_role("checkbox", name="Tin nổi bật", exact=True)
        featured.scroll_into_view_if_needed()
        featured.uncheck()
        page.locator("footer .w-dropdown__toggle, [data-w-dropdown-target='toggle']").last.click()
        with page.expect_navigation():
            page.get_by_role("button", name="Xuất bản", exact=True).click()

        refusal = page.locator(".messages").get_by_text("Không thể bỏ chọn «Tin nổi bật»")
        assert refusal.is_visible()
        assert must_carry_copy["title"] in refusal.inner_text() and until in refusal.inner_text()
        page.screenshot(path=screenshot_dir / f"must-carry-refused-{width}.png", full_page=False)
        assert page.get_by_role("checkbox", name="Tin nổi bật", exact=True).is_checked()
        if width == min(VIEWPORTS):
            assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    finally:
        context.close()
