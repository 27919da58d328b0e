"""What the board and the centre read in reports: figures as sent, totals from counts, who signs."""

import datetime
from io import BytesIO

import pytest
from django.db import connection
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from shared_apps.reporting.models import AdHocRequest
from shared_apps.reporting.services import answer_adhoc, prepare_report, submit_report
from tenant_apps.documents.models import DocumentIndexPage, LegalDocumentPage
from tenant_apps.editorial.models import BoardMember
from tenant_apps.news.models import NewsIndexPage, NewsPage
from tenants.models import Province
from tests.factories import LegalDocumentPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db
THIS_YEAR = timezone.localdate().year
THIS_QUARTER = (timezone.localdate().month - 1) // 3 + 1


def _documents(site, on_time: int, late: int) -> None:
    """Documents published today: `on_time` signed today, `late` signed a month ago (rule: 2 days)."""
    today = timezone.localdate()
    with site.context():
        index = DocumentIndexPage.objects.get()
        for signed in [today] * on_time + [today - datetime.timedelta(days=30)] * late:
            page = LegalDocumentPageFactory(parent=index, signed_date=signed)
            LegalDocumentPage.objects.filter(pk=page.pk).update(first_published_at=timezone.now())


def test_a_report_is_sent_with_the_figures_of_the_moment_it_is_sent(hanoi):
    report = prepare_report(hanoi.province, THIS_YEAR, THIS_QUARTER)
    with hanoi.context():
        page = NewsPageFactory(parent=NewsIndexPage.objects.get())
        NewsPage.objects.filter(pk=page.pk).update(first_published_at=timezone.now())

    sent = submit_report(report, "Ổn định.", "Tiếp tục.", by="admin")

    assert sent.figures["news_published"] == report.figures["news_published"] + 1


def test_the_report_page_says_when_its_figures_were_counted(hanoi):
    report = prepare_report(hanoi.province, THIS_YEAR, THIS_QUARTER)

    html = hanoi.signed_in_client().get(f"/admin/bao-cao/{report.pk}/").content.decode()

    assert f"Số liệu tính đến {timezone.localtime(report.figures_at):%H:%M %d/%m/%Y}" in html


def test_the_total_row_computes_the_on_time_share_from_the_counts(hanoi, hcm):
    _documents(hanoi, on_time=1, late=0)  # 100 %
    _documents(hcm, on_time=1, late=3)  # 25 %
    for site in (hanoi, hcm):
        submit_report(prepare_report(site.province, THIS_YEAR, THIS_QUARTER), "", "", by="admin")
    connection.set_schema_to_public()
    from shared_apps.reporting.selectors import provinces_side_by_side, totals

    total = totals(provinces_side_by_side(THIS_YEAR, THIS_QUARTER))

    assert total["documents_on_time_percent"] == 40.0  # 2 of 5, not (100 + 25) or their mean


def test_a_province_onboarded_after_the_period_is_not_listed_late(hanoi, central_admin):
    Province.objects.filter(code="79").update(created_at=timezone.now())
    last_year = THIS_YEAR - 1

    html = central_admin.get("/admin/tong-hop-bao-cao/", {"year": last_year, "quarter": 4}).content.decode()

    assert html.count('class="chua-gui"') == 0 and "Chưa hoạt động trong kỳ" in html


def test_the_central_office_is_not_offered_as_a_province_to_ask(central_admin):
    html = central_admin.get("/admin/adhoc_requests/new/").content.decode()

    assert "Bảo hiểm xã hội Việt Nam" not in html.split('name="provinces"', 1)[1].split("</select>", 1)[0]


def test_the_centre_exports_the_answers_to_an_adhoc_request(hanoi, hcm, central_admin):
    adhoc = AdHocRequest.objects.create(
        subject="Đối thoại chính sách", questions="Số buổi?\nSố người dự?", deadline=timezone.localdate()
    )
    answer_adhoc(adhoc, hanoi.province, ["4", "320"], by="truong-ban")

    response = central_admin.get(f"/admin/tong-hop-bao-cao/dot-xuat/{adhoc.pk}/", {"xuat": "xlsx"})
    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))

    by_province = {row[0]: row[2:] if row[1] != "Chưa trả lời" else row[1:2] for row in rows[3:]}

    assert by_province == {"Hà Nội": ("truong-ban", "4", "320"), "Hồ Chí Minh": ("Chưa trả lời",)}


def test_the_word_report_is_signed_with_the_heads_name_and_title(hanoi, central_admin):
    with hanoi.context():
        from django.contrib.auth import get_user_model

        head = get_user_model().objects.get(username="admin")
        BoardMember.objects.create(
            full_name="Nguyễn Thị Lan",
            position="Phó Giám đốc",
            role="truong-ban",
            email="lan@hanoi.vss.gov.vn",
            user=head,
        )
    report = prepare_report(hanoi.province, THIS_YEAR, THIS_QUARTER)
    hanoi.signed_in_client().post(
        f"/admin/bao-cao/{report.pk}/", {"narrative": "Tốt.", "next_plan": "Tiếp.", "gui": "1"}
    )
    connection.set_schema_to_public()

    docx = central_admin.get(f"/admin/tong-hop-bao-cao/{report.pk}/", {"xuat": "docx"})
    signature = Document(BytesIO(docx.content)).paragraphs[-1].text

    assert signature.split("\n")[1:] == ["TM. BAN BIÊN TẬP", "TRƯỞNG BAN", "", "", "Nguyễn Thị Lan"]
