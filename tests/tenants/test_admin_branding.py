"""Each admin says whose it is (office name in the title, header and login; its logo as icon), and
no admin screen loads anything from another host."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.test import Client
from wagtail.models import Page

from tests.conftest import CENTRAL_HOST

pytestmark = pytest.mark.django_db

LOADING_TAGS = {"script", "link", "img", "iframe", "source", "video", "audio", "embed", "object"}
CENTRAL_NAME = "Bảo hiểm xã hội Việt Nam"


class _Page(HTMLParser):
    """The <title> text and every address an element loads (src, href, srcset of loading tags)."""

    def __init__(self, html: str):
        super().__init__()
        self.title, self.addresses, self._in_title = "", [], False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self._in_title = tag == "title"
        if tag in LOADING_TAGS:
            for name, value in attrs:
                if name in ("src", "href") and value:
                    self.addresses.append(value)
                elif name == "srcset" and value:
                    self.addresses += [part.split()[0] for part in value.split(",") if part.strip()]

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def foreign_addresses(page: _Page, host: str) -> list[str]:
    return [address for address in page.addresses if urlsplit(address).netloc not in ("", host)]


def screens(site_context, browser: Client) -> dict[str, _Page]:
    """The four kinds of admin screen: login (signed out), dashboard, page editor, image index."""
    with site_context():
        home = Page.objects.get(depth=2)
    pages = {"login": _Page(Client(HTTP_HOST=browser.defaults["HTTP_HOST"]).get("/admin/login/").content.decode())}
    paths = {"dashboard": "/admin/", "editor": f"/admin/pages/{home.pk}/edit/", "images": "/admin/images/"}
    for name, path in paths.items():
        response = browser.get(path)
        assert response.status_code == 200, path
        pages[name] = _Page(response.content.decode())
    return pages


@pytest.fixture
def hanoi_screens(hanoi):
    return screens(hanoi.context, hanoi.signed_in_client())


@pytest.fixture
def central_screens(central_admin, hanoi):
    from contextlib import nullcontext

    return screens(nullcontext, central_admin)


@pytest.mark.parametrize("screen", ["login", "dashboard", "editor", "images"])
def test_a_province_admin_screen_names_its_office_and_loads_only_from_its_own_host(hanoi_screens, hanoi, screen):
    page = hanoi_screens[screen]
    assert "Bảo hiểm xã hội thành phố Hà Nội" in page.title
    assert "/static/themes/default/img/logo.svg" in page.addresses
    assert foreign_addresses(page, hanoi.host) == []


@pytest.mark.parametrize("screen", ["login", "dashboard", "editor", "images"])
def test_the_central_admin_screen_names_the_central_office_with_its_own_logo(central_screens, screen):
    page = central_screens[screen]
    assert CENTRAL_NAME in page.title
    assert "/static/themes/default/img/logo-trung-uong.svg" in page.addresses
    assert foreign_addresses(page, CENTRAL_HOST) == []


def test_the_login_page_and_dashboard_say_whose_admin_they_are(hanoi):
    assert "Đăng nhập quản trị Bảo hiểm xã hội thành phố Hà Nội" in hanoi.client().get("/admin/login/").content.decode()
    dashboard = hanoi.signed_in_client().get("/admin/").content.decode()
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", dashboard, re.S).group(1)
    assert heading.strip() == "Bảo hiểm xã hội thành phố Hà Nội"


def test_hanoi_never_appears_in_the_hcm_admin(hanoi, hcm):
    for page in screens(hcm.context, hcm.signed_in_client()).values():
        assert "Hà Nội" not in page.title
        assert "Hồ Chí Minh" in page.title


def test_a_province_with_its_own_theme_shows_that_themes_logo(hanoi):
    hanoi.province.theme = "xanh-ngoc"
    hanoi.province.save()
    page = _Page(hanoi.client().get("/admin/login/").content.decode())
    assert "/static/themes/xanh-ngoc/img/logo.svg" in page.addresses
