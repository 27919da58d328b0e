"""Timeliness of posting (§8.1): delay from signing/event end, late and at-risk items, rates."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.utils import timezone

from tenant_apps.documents.models import DocumentIndexPage, LegalDocumentPage
from tenant_apps.editorial.selectors import late_items_for_board, timeliness_items, timeliness_rates
from tenant_apps.editorial.tasks import notify_board_of_timeliness
from tenant_apps.news.models import NewsIndexPage, NewsPage
from tests.factories import LegalDocumentPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db
HCMC = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def _published(model, pk, moment):
    model.objects.filter(pk=pk).update(first_published_at=moment, last_published_at=moment)


def test_delay_counts_local_days_across_a_month_end(hanoi):
    with hanoi.context():
        doc = LegalDocumentPageFactory(parent=DocumentIndexPage.objects.get(), signed_date=datetime.date(2026, 1, 30))
        # 00:30 on 1 February in Hà Nội is still 31 January in UTC: the local date is what counts.
        _published(LegalDocumentPage, doc.pk, datetime.datetime(2026, 2, 1, 0, 30, tzinfo=HCMC))
        item = next(i for i in timeliness_items() if i.page.pk == doc.pk)
    assert item.published_on == datetime.date(2026, 2, 1)
    assert item.delay_days == 2 and item.on_time


def test_late_overdue_and_at_risk_items_are_listed_for_the_board(hanoi):
    today = datetime.date(2026, 11, 20)
    with hanoi.context():
        news_index, documents = NewsIndexPage.objects.get(), DocumentIndexPage.objects.get()
        late = NewsPageFactory(parent=news_index, title="Tin đăng muộn", event_end_date=datetime.date(2026, 11, 1))
        _published(NewsPage, late.pk, datetime.datetime(2026, 11, 15, 9, 0, tzinfo=HCMC))
        on_time = NewsPageFactory(parent=news_index, title="Tin đúng hạn", event_end_date=datetime.date(2026, 11, 10))
        _published(NewsPage, on_time.pk, datetime.datetime(2026, 11, 12, 9, 0, tzinfo=HCMC))
        overdue = LegalDocumentPageFactory(
            parent=documents, title="Văn bản chưa đăng", signed_date=datetime.date(2026, 11, 15), live=False
        )
        NewsPage.objects.filter(pk=overdue.pk)
        at_risk = LegalDocumentPageFactory(
            parent=documents, title="Văn bản sắp hết hạn", signed_date=datetime.date(2026, 11, 19), live=False
        )
        LegalDocumentPage.objects.filter(pk__in=[overdue.pk, at_risk.pk]).update(first_published_at=None)
        items = late_items_for_board(today)
    titles = {key: [item.page.title for item in value] for key, value in items.items()}
    assert titles == {"late": ["Tin đăng muộn"], "overdue": ["Văn bản chưa đăng"], "at_risk": ["Văn bản sắp hết hạn"]}
    assert items["late"][0].delay_days == 14


def test_timeliness_rates_per_month_and_quarter(hanoi):
    with hanoi.context():
        index = NewsIndexPage.objects.get()
        for day, published in ((1, 5), (2, 20), (3, 6), (4, 30)):
            page = NewsPageFactory(parent=index, event_end_date=datetime.date(2026, 10, day))
            _published(NewsPage, page.pk, datetime.datetime(2026, 10, published, 8, tzinfo=HCMC))
        rates = timeliness_rates(since=datetime.date(2026, 1, 1))
    assert rates["10/2026"]["Tin"] == 50.0 and rates["Q4/2026"]["Tất cả"] == 50.0


def test_the_daily_task_emails_the_head_of_board_about_items_at_risk(hanoi, hcm, board):
    with hanoi.context():
        doc = LegalDocumentPageFactory(
            parent=DocumentIndexPage.objects.get(),
            title="Quyết định cần đăng gấp",
            signed_date=timezone.localdate() - datetime.timedelta(days=1),
            live=False,
        )
        LegalDocumentPage.objects.filter(pk=doc.pk).update(first_published_at=None)
        assert notify_board_of_timeliness() == 1
    assert mail.outbox[-1].to == ["truong-ban@hanoi.vss.gov.vn", "pho-ban@hanoi.vss.gov.vn"] or set(
        mail.outbox[-1].to
    ) == {"truong-ban@hanoi.vss.gov.vn", "pho-ban@hanoi.vss.gov.vn"}
    assert "Quyết định cần đăng gấp" in mail.outbox[-1].body
    with hcm.context():
        assert notify_board_of_timeliness() == 0  # Hồ Chí Minh has nothing at risk and hears nothing


def test_the_dashboard_shows_the_timeliness_panel_to_the_board(hanoi, board):
    with hanoi.context():
        doc = LegalDocumentPageFactory(
            parent=DocumentIndexPage.objects.get(),
            title="Văn bản quá hạn trên bảng",
            signed_date=timezone.localdate() - datetime.timedelta(days=10),
            live=False,
        )
        LegalDocumentPage.objects.filter(pk=doc.pk).update(first_published_at=None)
    html = hanoi.signed_in_client("truong-ban").get("/admin/").content.decode()
    assert "Thời hạn đăng tin" in html and "Văn bản quá hạn trên bảng" in html
    assert "Thời hạn đăng tin" not in hanoi.signed_in_client("phong-vien").get("/admin/").content.decode()


def test_a_month_with_nothing_on_time_shows_0_percent_not_a_dash(hanoi, board):
    with hanoi.context():
        late = NewsPageFactory(parent=NewsIndexPage.objects.get(), event_end_date=timezone.localdate().replace(day=1))
        published = timezone.now() + datetime.timedelta(days=40)  # far past the 10-day rule
        _published(NewsPage, late.pk, published)
    html = hanoi.signed_in_client("truong-ban").get("/admin/").content.decode()

    assert "– %" not in html and "0,0 %" in html
