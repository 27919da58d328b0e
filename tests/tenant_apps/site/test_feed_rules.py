"""Feeds follow the W3C feed validator's rules; feeds and the sitemap point to the host and port
the site is served on; headers and the favicon every page relies on."""

import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from tenant_apps.documents.models import DocumentIndexPage
from tenant_apps.news.models import NewsIndexPage
from tests.factories import LegalDocumentPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SERVED_ON = "hanoi.localhost:8000"


def _atom(site, path):
    return ET.fromstring(Client(HTTP_HOST=SERVED_ON).get(path).content)


@pytest.fixture
def published(hanoi):
    """A news article and two documents, published as editors do (so they have publication times)."""
    with hanoi.context():
        pages = [
            NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Tin trong Atom", slug="tin-atom"),
            LegalDocumentPageFactory(
                parent=DocumentIndexPage.objects.get(),
                number="112/KH-BHXH",
                title="Kế hoạch số 112/KH-BHXH về truyền thông năm 2026",
                doc_type="ke-hoach",
            ),
            LegalDocumentPageFactory(
                parent=DocumentIndexPage.objects.get(), number="12/2026/NĐ-CP", title="Quy định chi tiết"
            ),
        ]
        for page in pages:
            page.save_revision().publish()


@pytest.mark.parametrize("path", ["/atom/tin-tuc/", "/atom/van-ban/"])
def test_every_atom_entry_has_an_update_time(hanoi, published, path):
    entries = _atom(hanoi, path).findall(f"{ATOM}entry")

    assert entries and all(entry.find(f"{ATOM}updated") is not None for entry in entries)


@pytest.mark.parametrize("path", ["/atom/tin-tuc/", "/atom/van-ban/"])
def test_every_atom_entry_has_an_author_with_a_name(hanoi, published, path):
    feed = _atom(hanoi, path)
    feed_author = feed.findtext(f"{ATOM}author/{ATOM}name")
    entries = feed.findall(f"{ATOM}entry")

    assert all(entry.findtext(f"{ATOM}author/{ATOM}name") or feed_author for entry in entries)


def test_a_document_title_that_names_its_number_is_not_prefixed_again(hanoi, published):
    titles = [entry.findtext(f"{ATOM}title") for entry in _atom(hanoi, "/atom/van-ban/").findall(f"{ATOM}entry")]

    assert "Kế hoạch số 112/KH-BHXH về truyền thông năm 2026" in titles


def test_a_document_title_without_its_number_is_led_by_type_and_number(hanoi, published):
    titles = [entry.findtext(f"{ATOM}title") for entry in _atom(hanoi, "/atom/van-ban/").findall(f"{ATOM}entry")]

    assert "Nghị định số 12/2026/NĐ-CP: Quy định chi tiết" in titles


@pytest.mark.parametrize("path", ["/atom/tin-tuc/", "/rss/tin-tuc/", "/atom/van-ban/"])
def test_feed_links_carry_the_port_the_site_is_served_on(hanoi, published, path):
    body = Client(HTTP_HOST=SERVED_ON).get(path).content.decode()

    assert f"http://{SERVED_ON}/tin-tuc/tin-atom/" in body or f"http://{SERVED_ON}/van-ban/" in body


def test_sitemap_locations_carry_the_port_the_site_is_served_on(hanoi, published):
    sitemap = Client(HTTP_HOST=SERVED_ON).get("/sitemap.xml").content.decode()

    assert f"<loc>http://{SERVED_ON}/tin-tuc/tin-atom/</loc>" in sitemap


def test_public_pages_send_a_permissions_policy(hanoi):
    response = hanoi.client().get("/")

    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("host", ["hanoi.localhost", "localhost"])
def test_favicon_ico_leads_to_the_themes_icon(host):
    response = Client(HTTP_HOST=host).get("/favicon.ico")

    assert response.status_code == 301 and response["Location"].endswith("/icons/favicon.ico")
