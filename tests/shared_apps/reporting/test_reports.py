"""Quarterly and yearly reports: pre-filled from the province's own data, submitted, reviewed, exported."""

import datetime
import zoneinfo
from io import BytesIO

import pytest
from django.db import connection
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from shared_apps.reporting.models import ActivityReport, AdHocRequest, ReportStatus
from shared_apps.reporting.services import ReportError, prepare_report, review_report, submit_report
from tenant_apps.documents.models import DocumentIndexPage, LegalDocumentPage
from tenant_apps.news.models import NewsIndexPage, NewsPage
from tenant_apps.qa.models import Question, QuestionIndexPage
from tenants.models import Province
from tests.factories import LegalDocumentPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db
HCMC = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
IN_Q3 = datetime.datetime(2026, 8, 10, 9, 0, tzinfo=HCMC)
IN_Q2 = datetime.datetime(2026, 6, 30, 23, 30, tzinfo=HCMC)  # late on 30 June: Q2 in local time


def _fill(site, news_q3=3, news_q2=2, documents_q3=2, questions_q3=4, answered_q3=2):
    with site.context():
        news_index, documents = NewsIndexPage.objects.get(), DocumentIndexPage.objects.get()
        for count, moment in ((news_q3, IN_Q3), (news_q2, IN_Q2)):
            for _ in range(count):
                page = NewsPageFactory(parent=news_index)
                NewsPage.objects.filter(pk=page.pk).update(first_published_at=moment)
        for _ in range(documents_q3):
            page = LegalDocumentPageFactory(parent=documents)
            LegalDocumentPage.objects.filter(pk=page.pk).update(first_published_at=IN_Q3)
        qa = QuestionIndexPage.objects.get()
        for number in range(questions_q3):
            question = Question.objects.create(
                page=qa,
                asker_name="Người hỏi",
                commune="Phường A",
                topic="bhyt",
                title=f"Câu hỏi {number}",
                body="Nội dung",
                email="a@example.vn",
            )
            answered = IN_Q3 + datetime.timedelta(days=number + 1) if number < answered_q3 else None
            Question.objects.filter(pk=question.pk).update(created_at=IN_Q3, answered_at=answered)


def test_the_report_is_prefilled_with_counts_of_the_quarter(hanoi, hcm):
    _fill(hanoi)
    _fill(hcm, news_q3=7)

    report = prepare_report(hanoi.province, 2026, 3)

    figures = report.figures
    assert figures["news_published"] == 3 and figures["documents_published"] == 2
    assert figures["questions_received"] == 4 and figures["questions_answered"] == 2
    assert figures["median_answer_days"] == 1.5
    assert figures["news_by_category"] == {"Tin địa phương": 3}
    assert prepare_report(hcm.province, 2026, 3).figures["news_published"] == 7
    assert prepare_report(hanoi.province, 2026, 2).figures["news_published"] == 2


def test_the_yearly_report_counts_the_whole_year(hanoi):
    _fill(hanoi)
    year = prepare_report(hanoi.province, 2026, 0)
    assert year.figures["news_published"] == 5 and year.figures["documents_published"] == 2


def test_submit_once_review_return_resubmit_accept_and_history(hanoi):
    report = prepare_report(hanoi.province, 2026, 3)
    submit_report(report, "Hoạt động ổn định.", "Tăng tin bài.", by="truong-ban")
    with pytest.raises(ReportError, match="không thể gửi lại"):
        submit_report(report, "Lần hai", "", by="truong-ban")
    with pytest.raises(ReportError, match="Hãy ghi ý kiến"):
        review_report(report, accept=False, comment=" ", by="admin")
    review_report(report, accept=False, comment="Bổ sung số liệu hỏi đáp.", by="admin")
    report.refresh_from_db()
    assert report.status == ReportStatus.RETURNED and report.editable
    submit_report(report, "Đã bổ sung.", "Tăng tin bài.", by="truong-ban")
    review_report(report, accept=True, comment="", by="admin")
    with pytest.raises(ReportError):
        submit_report(report, "Sửa sau khi chấp nhận", "", by="truong-ban")
    report.refresh_from_db()
    assert report.narrative == "Đã bổ sung." and report.status == ReportStatus.ACCEPTED
    assert [e.action for e in report.events.all()] == [
        "Tạo bản nháp",
        "Gửi Trung ương",
        "Trả lại",
        "Gửi Trung ương",
        "Chấp nhận",
    ]


def test_the_province_head_submits_from_its_admin_and_the_centre_reviews(hanoi, central_admin):
    Province.objects.exclude(code="").update(created_at=datetime.datetime(2026, 1, 1, tzinfo=HCMC))  # live all Q3
    head = hanoi.signed_in_client()
    created = head.post("/admin/bao-cao/", {"year": 2026, "quarter": 3})
    report = ActivityReport.objects.get(province=hanoi.province, year=2026, quarter=3)
    assert created["Location"] == f"/admin/bao-cao/{report.pk}/"
    assert head.post(f"/admin/bao-cao/{report.pk}/", {"narrative": "", "next_plan": ""}).status_code == 200
    head.post(f"/admin/bao-cao/{report.pk}/", {"narrative": "Tốt.", "next_plan": "Tiếp tục.", "gui": "1"})
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and report.submitted_by == "admin"

    connection.set_schema_to_public()
    assert central_admin.session  # signed in before the province requests switched the connection
    table = central_admin.get("/admin/tong-hop-bao-cao/", {"year": 2026, "quarter": 3}).content.decode()
    assert "Hà Nội" in table and "Đã gửi Trung ương" in table
    assert 'class="chua-gui"' in table and "Chưa gửi" in table  # Hồ Chí Minh has not sent
    central_admin.post(f"/admin/tong-hop-bao-cao/{report.pk}/", {"decision": "chap-nhan", "comment": ""})
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED


def test_exports_open_and_carry_the_figures(hanoi, central_admin):
    _fill(hanoi)
    report = prepare_report(hanoi.province, 2026, 3)
    submit_report(report, "Hoạt động ổn định.", "Kế hoạch quý 4.", by="truong-ban")
    docx = central_admin.get(f"/admin/tong-hop-bao-cao/{report.pk}/", {"xuat": "docx"})
    document = Document(BytesIO(docx.content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "quý 3/2026" in text and "Hoạt động ổn định." in text and "Kế hoạch quý 4." in text
    assert cells[cells.index("Tin, bài đăng mới") + 1] == "3"

    xlsx = central_admin.get("/admin/tong-hop-bao-cao/", {"year": 2026, "quarter": 3, "xuat": "xlsx"})
    rows = list(load_workbook(BytesIO(xlsx.content)).active.iter_rows(values_only=True))
    hanoi_row = next(row for row in rows if row[1] == "Hà Nội")
    assert hanoi_row[3] == 3 and hanoi_row[4] == 2
    assert rows[-1][1] == "TỔNG" and rows[-1][3] == 3


def test_a_province_cannot_see_another_provinces_report_or_the_table(hanoi, hcm):
    report = prepare_report(hanoi.province, 2026, 3)
    other = hcm.signed_in_client()
    assert other.get(f"/admin/bao-cao/{report.pk}/").status_code == 404
    assert other.get("/admin/tong-hop-bao-cao/").status_code == 404
    assert other.get(f"/admin/tong-hop-bao-cao/{report.pk}/").status_code == 404
    assert "Quý 3/2026" not in other.get("/admin/bao-cao/").content.decode()


def test_an_adhoc_request_reaches_only_the_chosen_provinces(hanoi, hcm, central_admin):
    adhoc = AdHocRequest.objects.create(
        subject="Tình hình tuyên truyền BHXH tự nguyện",
        questions="Số buổi đối thoại?\nSố người tham gia mới?",
        deadline=timezone.localdate() + datetime.timedelta(days=5),
    )
    adhoc.provinces.add(hanoi.province)
    head = hanoi.signed_in_client()
    assert "Tình hình tuyên truyền" in head.get("/admin/bao-cao/").content.decode()
    assert head.post(f"/admin/bao-cao/dot-xuat/{adhoc.pk}/", {"q0": "12", "q1": "350"}).status_code == 302
    assert adhoc.answers.get().answers == ["12", "350"]
    other = hcm.signed_in_client()
    assert "Tình hình tuyên truyền" not in other.get("/admin/bao-cao/").content.decode()
    assert other.post(f"/admin/bao-cao/dot-xuat/{adhoc.pk}/", {"q0": "1", "q1": "2"}).status_code == 302
    assert adhoc.answers.count() == 1  # HCM was refused (Wagtail's no-permission redirect)
    connection.set_schema_to_public()
    table = central_admin.get(f"/admin/tong-hop-bao-cao/dot-xuat/{adhoc.pk}/").content.decode()
    assert "Hà Nội" in table and "350" in table and "Hồ Chí Minh" not in table
    assert central_admin.get("/admin/adhoc_requests/").status_code == 200


def test_provinces_that_have_not_answered_are_reminded_before_the_deadline(hanoi, hcm):
    from django.core import mail

    from shared_apps.reporting.services import answer_adhoc
    from shared_apps.reporting.tasks import remind_adhoc_requests

    for province, email in ((hanoi.province, "bbt@hanoi.vss.gov.vn"), (hcm.province, "bbt@hcm.vss.gov.vn")):
        province.email = email
        province.save()
    soon = AdHocRequest.objects.create(
        subject="Báo cáo nhanh", questions="Số liệu?", deadline=timezone.localdate() + datetime.timedelta(days=2)
    )
    AdHocRequest.objects.create(
        subject="Còn lâu", questions="?", deadline=timezone.localdate() + datetime.timedelta(days=20)
    )
    answer_adhoc(soon, hanoi.province, ["Đã có"], by="truong-ban")

    assert remind_adhoc_requests() == 1
    assert mail.outbox[-1].to == ["bbt@hcm.vss.gov.vn"] and "Báo cáo nhanh" in mail.outbox[-1].subject


def test_a_reminder_run_repeated_the_same_day_sends_nothing_again(hcm):
    from django.core import mail

    from shared_apps.reporting.tasks import remind_adhoc_requests

    hcm.province.email = "bbt@hcm.vss.gov.vn"
    hcm.province.save()
    AdHocRequest.objects.create(
        subject="Báo cáo nhanh", questions="Số liệu?", deadline=timezone.localdate() + datetime.timedelta(days=1)
    )

    assert remind_adhoc_requests() == 1
    assert remind_adhoc_requests() == 0  # the hourly run (or a message delivered twice)
    assert len(mail.outbox) == 1


def test_the_quarter_start_task_drafts_last_quarters_report_for_every_province(hanoi, hcm, monkeypatch):
    from shared_apps.reporting.tasks import prepare_last_quarter_reports

    monkeypatch.setattr(timezone, "localdate", lambda *args: datetime.date(2026, 10, 1))
    assert prepare_last_quarter_reports() == 2
    drafts = ActivityReport.objects.filter(year=2026, quarter=3, status=ReportStatus.DRAFT)
    assert {r.province.code for r in drafts} == {"01", "79"}
