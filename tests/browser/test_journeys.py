"""Journeys a citizen finishes on a phone, in a real browser: the menu toggle without JavaScript,
focus on the error summary after a failed submit, the rating widget at 360 px, the Q&A lookup and
the captcha's alternatives. Screenshots go to data/screenshots/journey-*.png."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}


@pytest.fixture
def open_page(chromium, live_site):
    contexts = []

    def open_page(path: str, viewport=PHONE, javascript: bool = False):
        context = chromium.new_context(viewport=viewport, java_script_enabled=javascript, locale="vi-VN")
        contexts.append(context)
        page = context.new_page()
        response = page.goto(live_site.province_url(path))
        assert response is not None and response.status == 200
        return page

    yield open_page
    for context in contexts:
        context.close()


def test_on_a_phone_the_menu_opens_from_its_toggle_without_javascript(open_page, screenshot_dir):
    page = open_page("/")
    news = page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Tin tức")
    assert not news.is_visible()
    page.screenshot(path=screenshot_dir / "journey-menu-closed-360.png")

    page.get_by_text("Danh mục").click()

    assert news.is_visible()
    page.screenshot(path=screenshot_dir / "journey-menu-open-360.png")


def test_on_a_laptop_the_whole_menu_shows_and_the_toggle_hides(open_page, screenshot_dir):
    page = open_page("/", viewport=LAPTOP)

    assert page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Tin tức").is_visible()
    assert not page.get_by_text("Danh mục").is_visible()
    page.screenshot(path=screenshot_dir / "journey-menu-1280.png")


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["360", "1280"])
def test_after_a_failed_submit_focus_is_on_the_error_summary(open_page, screenshot_dir, viewport):
    page = open_page("/lien-he/", viewport=viewport)
    page.get_by_role("button", name="Gửi", exact=True).click()
    page.wait_for_load_state()

    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert page.locator(".error-summary a[href='#id_name']").count() == 1
    page.screenshot(path=screenshot_dir / f"journey-error-summary-{viewport['width']}.png")


def test_a_link_in_the_error_summary_moves_to_its_field(open_page):
    page = open_page("/lien-he/")
    page.get_by_role("button", name="Gửi", exact=True).click()
    page.wait_for_load_state()

    page.locator(".error-summary a[href='#id_name']").click()

    assert page.evaluate("document.activeElement.id") == "id_name"


def test_the_rating_widget_fits_a_phone_with_both_choices_on_one_line(open_page, screenshot_dir):
    page = open_page("/tra-cuu-the-bhyt/")
    widget = page.locator(".feedback-form")
    widget.scroll_into_view_if_needed()
    yes, no = (page.locator(".feedback-form fieldset label").nth(index).bounding_box() for index in (0, 1))

    assert widget.bounding_box()["x"] + widget.bounding_box()["width"] <= PHONE["width"]
    assert yes["y"] == no["y"]
    widget.screenshot(path=screenshot_dir / "journey-feedback-360.png")


def test_a_citizen_who_cannot_read_the_captcha_gets_a_question_in_words_keeping_the_text(open_page, screenshot_dir):
    page = open_page("/hoi-dap/gui-cau-hoi/")
    page.get_by_label("Họ và tên").fill("Nguyễn Thị Lan")
    page.screenshot(path=screenshot_dir / "journey-captcha-image-360.png", full_page=True)

    page.get_by_role("button", name="Trả lời câu hỏi bằng chữ").click()
    page.wait_for_load_state()

    assert page.get_by_label("Họ và tên").input_value() == "Nguyễn Thị Lan"
    assert page.get_by_text("bằng mấy?").is_visible()
    page.screenshot(path=screenshot_dir / "journey-captcha-words-360.png", full_page=True)


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["360", "1280"])
def test_the_question_lookup_page(open_page, screenshot_dir, viewport):
    page = open_page("/hoi-dap/tra-cuu/", viewport=viewport)
    page.get_by_label("Mã theo dõi").fill("HD-20260101-ABCDEF")
    page.get_by_role("button", name="Tra cứu").click()
    page.wait_for_load_state()

    assert page.get_by_text("Không tìm thấy câu hỏi có mã theo dõi này").is_visible()
    page.screenshot(path=screenshot_dir / f"journey-qa-lookup-{viewport['width']}.png", full_page=True)


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["360", "1280"])
def test_the_english_introduction(open_page, screenshot_dir, viewport):
    page = open_page("/gioi-thieu/introduction/", viewport=viewport)

    assert page.get_by_role("link", name="Skip to main content").count() == 1
    page.screenshot(path=screenshot_dir / f"journey-english-{viewport['width']}.png", full_page=True)
