"""The province report shows its own top pages and daily trend; selectors sum flushed days."""

import datetime

import pytest
from django.utils import timezone

from tenant_apps.analytics.selectors import daily_totals, page_views_between, top_pages
from tenant_apps.analytics.services import add_batch_counts
from tests.conftest import sign_in
from tests.factories import UserFactory

from .conftest import browse, flush

pytestmark = pytest.mark.django_db
REPORT = "/admin/thong-ke-truy-cap/"


def test_the_report_lists_the_most_viewed_pages_and_the_days(hanoi):
    browse(hanoi, "/tim-kiem/", times=3)
    browse(hanoi, "/")
    flush(hanoi)

    response = hanoi.signed_in_client().get(REPORT, {"ngay": 7})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Trang được xem nhiều nhất" in html and "7 ngày gần nhất" in html
    assert html.index('href="/tim-kiem/"') < html.index('href="/"')
    assert timezone.localdate().strftime("%d/%m/%Y") in html
    assert REPORT in hanoi.signed_in_client().get("/admin/").content.decode()  # in the Reports menu


def test_a_province_report_never_shows_another_provinces_pages(hanoi, hcm, central_client):
    with hanoi.context():
        add_batch_counts("hanoi-only", timezone.localdate(), {"/chi-co-o-ha-noi/": 9})

    assert "/chi-co-o-ha-noi/" in hanoi.signed_in_client().get(REPORT).content.decode()
    html = hcm.signed_in_client().get(REPORT).content.decode()
    assert "/chi-co-o-ha-noi/" not in html and "Chưa có lượt xem" in html
    assert central_client.get(REPORT).status_code in (302, 404)


def test_the_report_needs_the_view_permission(hanoi):
    with hanoi.context():
        from django.contrib.auth.models import Permission

        user = UserFactory(username="khong-co-quyen")
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    browser = hanoi.client()
    with hanoi.context():
        sign_in(browser, "khong-co-quyen")
    refused = browser.get(REPORT)
    assert refused.status_code == 302 and refused.url == "/admin/"  # Wagtail's answer to PermissionDenied
    assert REPORT not in browser.get("/admin/").content.decode()


def test_selectors_sum_flushed_views_over_inclusive_ranges(hanoi, hcm):
    day = datetime.date(2026, 3, 31)
    with hanoi.context():
        add_batch_counts("a", day - datetime.timedelta(days=1), {"/": 2, "/tin-tuc/": 5})
        add_batch_counts("b", day, {"/": 4})
        add_batch_counts("c", day + datetime.timedelta(days=1), {"/": 100})
        assert page_views_between(day - datetime.timedelta(days=1), day) == 11
        assert page_views_between(day, day) == 4
        assert page_views_between(day + datetime.timedelta(days=5), day + datetime.timedelta(days=9)) == 0
        assert [(row.path, row.views) for row in top_pages(day - datetime.timedelta(days=1), day, 1)] == [("/", 6)]
        assert [row.views for row in daily_totals(day - datetime.timedelta(days=2), day)] == [0, 7, 4]
    with hcm.context():
        assert page_views_between(day - datetime.timedelta(days=1), day + datetime.timedelta(days=1)) == 0
