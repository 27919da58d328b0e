"""A province's run reads only its own site; each board sees only its own card."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from shared_apps.compliance.models import ComplianceRun
from shared_apps.compliance.services import run_checks
from tenant_apps.news.models import NewsIndexPage, NewsPage
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def _fresh_news(site) -> None:
    with site.context():
        page = NewsPageFactory(parent=NewsIndexPage.objects.get())
        NewsPage.objects.filter(pk=page.pk).update(first_published_at=timezone.now() - datetime.timedelta(days=1))


def test_another_provinces_news_does_not_make_a_site_fresh(hanoi, hcm):
    _fresh_news(hcm)

    run = run_checks(ComplianceRun.objects.create(province=hanoi.province))

    assert run.results.get(key="tin-moi").passed is False


def test_a_provinces_own_news_makes_it_fresh(hanoi, hcm):
    _fresh_news(hcm)

    run = run_checks(ComplianceRun.objects.create(province=hcm.province))

    assert run.metrics["news_days"] == 1


def test_a_run_leaves_the_connection_in_the_public_schema(hanoi):
    run_checks(ComplianceRun.objects.create(province=hanoi.province))

    assert connection.schema_name == "public"


def test_a_boards_page_shows_its_own_province_only(hanoi, hcm):
    run_checks(ComplianceRun.objects.create(province=hcm.province))

    html = hanoi.signed_in_client().get("/admin/tuan-thu/").content.decode()

    assert "Chưa có kết quả đánh giá" in html


def test_a_province_admin_cannot_open_the_centres_scorecard(hanoi):
    response = hanoi.signed_in_client().get("/admin/tuan-thu-cac-tinh/")

    assert response.status_code == 404


def test_the_central_admin_has_no_province_scorecard_of_its_own(central_admin):
    response = central_admin.get("/admin/tuan-thu/")

    assert response.status_code == 404
