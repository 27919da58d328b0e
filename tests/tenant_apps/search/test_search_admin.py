"""The search settings in the admin: each board pins results and adds synonyms; the centre keeps the
national bank, which no province can edit."""

import pytest

from shared_apps.synonyms.models import NationalSynonymGroup
from tenant_apps.news.models import NewsIndexPage
from tenant_apps.search.models import BestBet, SynonymGroup
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_a_board_pins_a_result_and_adds_a_synonym_from_its_admin(hanoi):
    with hanoi.context():
        article = NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Lịch chi trả lương hưu tháng 12")
    admin = hanoi.signed_in_client()
    assert admin.get("/admin/ket_qua_ghim/").status_code == 200
    response = admin.post(
        "/admin/ket_qua_ghim/new/", {"queries": "lịch chi trả", "page": article.pk, "note": "", "sort_order": 0}
    )
    assert response.status_code == 302
    response = admin.post("/admin/tu_dong_nghia/new/", {"terms": "LCT, lịch chi trả", "note": ""})
    assert response.status_code == 302
    with hanoi.context():
        assert BestBet.objects.get().page_id == article.pk
        assert SynonymGroup.objects.get().terms == "LCT, lịch chi trả"

    html = hanoi.client().get("/tim-kiem/", {"q": "lich chi tra"}).content.decode()
    assert "Đề xuất" in html and "Lịch chi trả lương hưu tháng 12" in html
    assert "Lịch chi trả lương hưu tháng 12" in hanoi.client().get("/tim-kiem/", {"q": "lct"}).content.decode()


def test_the_national_bank_is_edited_in_the_central_admin_only(central_admin, hanoi):
    assert central_admin.get("/admin/tu_dong_nghia_toan_nganh/").status_code == 200
    response = central_admin.post("/admin/tu_dong_nghia_toan_nganh/new/", {"terms": "CĐCS, công đoàn cơ sở"})
    assert response.status_code == 302
    assert NationalSynonymGroup.objects.filter(terms="CĐCS, công đoàn cơ sở").exists()

    province_admin = hanoi.signed_in_client()
    assert province_admin.get("/admin/tu_dong_nghia_toan_nganh/").status_code == 404
    assert "tu_dong_nghia_toan_nganh" not in province_admin.get("/admin/").content.decode()


def test_the_central_admin_shows_no_province_search_settings(central_admin):
    assert "/admin/ket_qua_ghim/" not in central_admin.get("/admin/").content.decode()
