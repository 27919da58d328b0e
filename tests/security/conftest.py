"""What the attack suite aims at: payload lists, the public forms of a province and their valid data."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.utils.html import escape

from tenant_apps.home.models import HomePage
from tests.factories import ServiceRequestPageFactory
from tests.factories.form_data import (  # noqa: F401 - the attack tests import them from here
    CAPTCHA_OK,
    COMMENT,
    CONTACT,
    HEALTH_CARD,
    QUESTION,
)
from tests.factories.pages import open_draft  # noqa: F401

CAPTCHA_WRONG = {"captcha_0": "khoa", "captcha_1": "SAI"}

XSS_PAYLOADS = [
    "<script>alert('xss')</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    '<a href="javascript:alert(1)">bấm vào đây</a>',
    "<iframe src=javascript:alert(1)></iframe>",
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "{{ 7|add:42 }}{% now 'Y' %}<b>đậm</b>",  # template injection: printed as text, never evaluated
]

SQL_PAYLOADS = [
    "' OR '1'='1",
    "1; DROP TABLE wagtailcore_page; --",
    "' UNION SELECT username, password FROM auth_user --",
    "1' AND pg_sleep(5) --",
    "\\'; SET search_path TO public; --",
    "%' OR 1=1 --",
    "hcm.question\x00",
    "1)) OR ((1=1",
]

STATUS_LOOKUP = {"tracking_code": "DV-20260115-7KQ2MX", "phone": "0912345678"}
REQUEST_URL = "/dich-vu-cong/dang-ky-bhyt-ho-gia-dinh/"
SERVICE_REQUEST = {
    "full_name": "Trần Thị Bình",
    "phone": "0912 345 678",
    "email": "binh@example.vn",
    "id_number": "001203004567",
    "dia_chi_thuong_tru": "Số 12 phố Hàng Bạc",
    "so_nguoi_trong_ho": "4",
    "phuong_thuc_dong": "6 tháng",
    "ghi_chu_them": "",
    "consent": "on",
    "website": "",
    **CAPTCHA_OK,
}


def assert_inert(html: str, payload: str) -> None:
    """The payload reached the page, and only as text: escaped, never as markup or a live link."""
    assert escape(payload) in html, "the input is not shown at all: the check would prove nothing"
    if any(char in payload for char in "<>\"'"):
        assert payload not in html
    assert not live_markup(html), live_markup(html)


class _LiveMarkupFinder(HTMLParser):
    """Collects what a browser would run: event handlers, javascript: links, scripts that alert."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") or (
                name in ("href", "src", "action", "formaction") and value.startswith("javascript:")
            ):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and "alert" in data:
            self.found.append(f"<script>{data[:60]}")


def live_markup(html: str) -> list[str]:
    finder = _LiveMarkupFinder()
    finder.feed(html)
    return finder.found


def add_request_type(site):
    """«Đăng ký tham gia BHYT hộ gia đình», the request type of the online-service tests."""
    with site.context():
        section = HomePage.objects.get().get_children().get(slug="dich-vu-cong")
        return ServiceRequestPageFactory(parent=section, slug="dang-ky-bhyt-ho-gia-dinh")


@pytest.fixture(autouse=True)
def _own_private_media_folder(settings, tmp_path):
    """Citizens' uploads of these tests go to a folder of their own.

    MEDIA_ROOT stays as it is: the tenant storage keeps the first root it sees for the whole
    session, so tests that write there delete their own files instead.
    """
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
