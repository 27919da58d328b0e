"""The province home page: Vietnamese, accessible skeleton, contacts in the footer, few queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tenant_apps.home.models import HomePage
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_is_vietnamese_with_the_office_name_and_footer_contacts(hanoi):
    province = hanoi.province
    province.address, province.phone = "Số 86 Trần Hưng Đạo, Hà Nội", "024 3942 3498"
    province.responsible_person = "Giám đốc Bảo hiểm xã hội thành phố Hà Nội"
    province.save()

    html = hanoi.client().get("/").content.decode()

    assert '<html lang="vi">' in html
    assert 'href="#noi-dung"' in html and '<main id="noi-dung"' in html
    assert '<header class="site-header">' in html and '<footer class="site-footer">' in html
    assert "Số 86 Trần Hưng Đạo, Hà Nội" in html and 'href="tel:02439423498"' in html
    assert "Chịu trách nhiệm chính" in html and "Giám đốc Bảo hiểm xã hội thành phố Hà Nội" in html


def test_home_page_query_count_stays_small_and_constant(hanoi):
    browser = hanoi.client()
    browser.get("/")  # warm the per-province site cache

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert browser.get("/").status_code == 200
        return len(queries)

    before = count_queries()
    with hanoi.context():
        home = HomePage.objects.get()
        for number in range(5):
            ContentPageFactory(parent=home, title=f"Trang {number}", slug=f"trang-{number}")
    browser.get("/")  # the worker's connection is back on this province's schema, as in serving
    after = count_queries()

    assert before == after
    assert after <= 20


def test_the_central_home_lists_active_provinces_with_links(central_client):
    html = central_client.get("/").content.decode()

    assert "Bảo hiểm xã hội Việt Nam" in html
    assert 'href="//hanoi.localhost/"' in html and "Bảo hiểm xã hội thành phố Hà Nội" in html
    assert 'href="//hcm.localhost/"' in html
