"""The central site's footer links lead to real pages, made when the central site is set up."""

import re

import pytest
from wagtail.models import Page

from tenants.services import ensure_central_site
from tests.conftest import CENTRAL_HOST

pytestmark = pytest.mark.django_db


def _footer_links(central_client) -> list[str]:
    footer = central_client.get("/").content.decode().split('<footer class="site-footer">')[1]
    return [href for href in re.findall(r'href="(/[^"]*)"', footer) if not href.startswith("/rss/")]


def test_the_footer_has_the_four_links(central_client):
    assert _footer_links(central_client) == ["/so-do-cong/", "/tro-giup/", "/lien-he/", "/gioi-thieu/introduction/"]


@pytest.mark.parametrize("path", ["/so-do-cong/", "/tro-giup/", "/lien-he/", "/gioi-thieu/introduction/"])
def test_every_footer_link_of_the_central_site_answers(central_client, path):
    assert central_client.get(path).status_code == 200


def test_the_english_introduction_is_marked_as_english(central_client):
    html = central_client.get("/gioi-thieu/introduction/").content.decode()

    assert '<html lang="en">' in html and "Viet Nam Social Security" in html


def test_the_central_site_map_lists_the_central_pages(central_client):
    html = central_client.get("/so-do-cong/").content.decode()

    assert 'href="/lien-he/"' in html and 'href="/tro-giup/"' in html


def test_setting_up_the_central_site_again_adds_no_page(central_client):
    before = Page.objects.count()

    ensure_central_site([CENTRAL_HOST])

    assert Page.objects.count() == before
