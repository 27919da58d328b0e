"""Royalties (§7.3, NĐ 18/2014): coefficient frame, amount, 60-day limit, statement export."""

import datetime
import re
import zoneinfo
from decimal import Decimal
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from openpyxl import load_workbook

from tenant_apps.editorial.models import RoyaltyContribution
from tenant_apps.editorial.rules import base_salary_on, royalty_unit_on
from tenant_apps.editorial.selectors import overdue_royalties
from tenant_apps.news.models import NewsIndexPage, NewsPage
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db
HCMC = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def article(hanoi):
    with hanoi.context():
        page = NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Phóng sự về BHXH tự nguyện")
        NewsPage.objects.filter(pk=page.pk).update(first_published_at=datetime.datetime(2026, 10, 5, 9, 0, tzinfo=HCMC))
        return NewsPage.objects.get(pk=page.pk)


def test_the_unit_is_ten_percent_of_the_base_salary_in_force_on_the_publication_date():
    assert base_salary_on(datetime.date(2024, 6, 30)) == 1_800_000
    assert base_salary_on(datetime.date(2024, 7, 1)) == 2_340_000
    assert royalty_unit_on(datetime.date(2026, 10, 5)) == Decimal("234000.0")


def test_a_coefficient_above_the_genre_maximum_is_refused(hanoi, article):
    with hanoi.context():
        too_high = RoyaltyContribution(page=article, person="Nguyễn Văn A", genre="tin", coefficient=Decimal("12"))
        with pytest.raises(ValidationError) as refused:
            too_high.full_clean()
        assert "Hệ số tối đa của nhóm «Tin, trả lời bạn đọc» là 10" in str(refused.value)
        with pytest.raises(IntegrityError), transaction.atomic():
            too_high.save()  # the database refuses it too
        RoyaltyContribution(
            page=article, person="Nguyễn Văn A", genre="phong-su", coefficient=Decimal("25")
        ).full_clean()


def test_amount_statement_export_and_overdue(hanoi, board, article):
    with hanoi.context():
        RoyaltyContribution.objects.create(
            page=article, person="Nguyễn Văn A", genre="phong-su", coefficient=Decimal("20")
        )
        RoyaltyContribution.objects.create(
            page=article, person="Trần Thị B", kind="anh", genre="anh", coefficient=Decimal("5"), adjustment_percent=50
        )
        amounts = sorted(c.amount for c in RoyaltyContribution.objects.all())
    assert amounts == [Decimal("585000"), Decimal("4680000")]

    head = hanoi.signed_in_client("truong-ban")
    page = head.get("/admin/nhuan-but/", {"period": "Q4", "year": 2026}).content.decode()
    assert "<td>Nguyễn Văn A</td>" in page and "<td>4.680.000</td>" in page and "<strong>5.265.000</strong>" in page
    export = head.get("/admin/nhuan-but/", {"period": "10", "year": 2026, "xuat": "xlsx"})
    sheet = load_workbook(BytesIO(export.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[-1][0] == "TỔNG CỘNG" and rows[-1][7] == 585000 + 4680000
    detail = [row for row in rows if row[1] == "Phóng sự về BHXH tự nguyện"]
    assert sum(row[7] for row in detail) == rows[-1][7]

    assert head.post("/admin/nhuan-but/?period=10&year=2026", {"duyet": "1"}).status_code == 302
    with hanoi.context():
        assert set(RoyaltyContribution.objects.values_list("status", "approved_by")) == {("da-duyet", "truong-ban")}
        overdue = overdue_royalties(today=datetime.date(2026, 12, 10))
        assert {c.person for c in overdue} == {"Nguyễn Văn A", "Trần Thị B"}  # due 04/12/2026
        assert overdue_royalties(today=datetime.date(2026, 12, 1)) == []


def test_a_bad_period_gets_a_vietnamese_error(hanoi, board):
    html = hanoi.signed_in_client("truong-ban").get("/admin/nhuan-but/", {"period": "13", "year": "abc"}).content
    assert "Hãy chọn một lựa chọn hợp lệ" in html.decode() and "Nhập một số nguyên" in html.decode()


def test_the_head_records_payment_and_contact_attempts(hanoi, board, article):
    with hanoi.context():
        item = RoyaltyContribution.objects.create(page=article, person="Nguyễn Văn A", coefficient=Decimal("8"))
    head = hanoi.signed_in_client("truong-ban")
    response = head.post(
        f"/admin/royalty_payments/edit/{item.pk}/",
        {
            **royalty_form(article, coefficient="8"),
            "status": "da-tra",
            "paid_on": "20/11/2026",
            "contact_attempts": "15/11/2026 gọi điện, hẹn nhận",
        },
    )
    assert response.status_code == 302
    with hanoi.context():
        item.refresh_from_db()
        assert (item.status, item.paid_on) == ("da-tra", datetime.date(2026, 11, 20))
        assert overdue_royalties(today=datetime.date(2027, 1, 1)) == []
    assert hanoi.signed_in_client("bien-tap-vien").get("/admin/royalty_payments/").status_code == 302


def royalty_form(article, **fields) -> dict:
    """What the admin's royalty form posts."""
    return {
        "page": article.pk,
        "person": "Nguyễn Văn A",
        "kind": "viet",
        "is_staff": "on",
        "genre": "phong-su",
        "coefficient": "20",
        "adjustment_percent": "100",
        "status": "de-xuat",
        "paid_on": "",
        "contact_attempts": "",
        **fields,
    }


def test_the_first_export_from_the_statement_page_is_a_workbook(hanoi, board, article):
    head = hanoi.signed_in_client("truong-ban")
    page = head.get("/admin/nhuan-but/").content.decode()
    link = re.search(r'href="(\?[^"]*xuat=xlsx[^"]*)"', page).group(1).replace("&amp;", "&")
    export = head.get(f"/admin/nhuan-but/{link}")
    assert export["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_the_add_form_asks_for_the_article_the_person_their_part_and_the_coefficient(hanoi, board):
    html = hanoi.signed_in_client("truong-ban").get("/admin/royalty_payments/new/").content.decode()
    for field in ('name="page"', 'name="person"', 'name="kind"', 'name="coefficient"', "Thành tiền = hệ số"):
        assert field in html, field


def test_the_head_adds_a_royalty_line_with_a_vietnamese_coefficient_and_sees_its_amount_in_dong(hanoi, board, article):
    head = hanoi.signed_in_client("truong-ban")
    added = head.post("/admin/royalty_payments/new/", royalty_form(article, coefficient="2,5", genre="tin"))
    assert added.status_code == 302
    with hanoi.context():
        assert RoyaltyContribution.objects.get().coefficient == Decimal("2.5")
    listing = head.get("/admin/royalty_payments/").content.decode()
    assert "585.000 đ" in listing  # 2,5 × 234.000


def test_an_incomplete_royalty_line_is_refused_in_vietnamese(hanoi, board, article):
    html = (
        hanoi.signed_in_client("truong-ban")
        .post("/admin/royalty_payments/new/", royalty_form(article, page="", person="", coefficient="12", genre="tin"))
        .content.decode()
    )
    for message in (
        "Hãy chọn tin, bài được hưởng nhuận bút.",
        "Hãy nhập họ và tên người hưởng nhuận bút.",
        "Hệ số tối đa của nhóm «Tin, trả lời bạn đọc» là 10",
    ):
        assert message in html, message


def test_royalty_lines_of_one_province_cannot_be_opened_from_another(hanoi, hcm, board, article):
    with hanoi.context():
        item = RoyaltyContribution.objects.create(page=article, person="Nguyễn Văn A", coefficient=Decimal("8"))
    assert hcm.signed_in_client().get(f"/admin/royalty_payments/edit/{item.pk}/").status_code == 404
