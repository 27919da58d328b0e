"""The English introduction speaks English around its content too: header, menu and footer."""

import pytest

pytestmark = pytest.mark.django_db

PATH = "/gioi-thieu/introduction/"


@pytest.fixture
def english_page(hanoi) -> str:
    return hanoi.client().get(PATH).content.decode()


def test_the_page_is_marked_english(english_page):
    assert '<html lang="en">' in english_page


@pytest.mark.parametrize(
    "text", ["Skip to main content", "Text size:", "Main navigation", ">Home<", "News", "Site map"]
)
def test_the_header_and_menu_are_in_english(english_page, text):
    assert text in english_page


@pytest.mark.parametrize("vietnamese", ["Bỏ qua, đến nội dung chính", "Cỡ chữ:", "Điều hướng chính", ">Tin tức<"])
def test_no_vietnamese_interface_text_is_left_unmarked(english_page, vietnamese):
    assert vietnamese not in english_page


def test_the_footer_is_in_english_and_links_back_to_vietnamese(english_page):
    footer = english_page.split('<footer class="site-footer">')[1]

    assert "Contact" in footer and '<a href="/gioi-thieu/" hreflang="vi" lang="vi">Tiếng Việt</a>' in footer


def test_the_provinces_name_stays_vietnamese_and_says_so(english_page, hanoi):
    assert f'<span class="brand-name" lang="vi">{hanoi.province.office_name}</span>' in english_page


def test_vietnamese_pages_keep_the_vietnamese_interface(hanoi):
    html = hanoi.client().get("/gioi-thieu/").content.decode()

    assert "Bỏ qua, đến nội dung chính" in html and "Skip to main content" not in html
