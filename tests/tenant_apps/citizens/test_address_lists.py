"""Forms that ask for an address offer today's communes of the site's province (since 01/07/2025)."""

from tenant_apps.home.models import HomePage
from tenant_apps.qa.models import Question
from tests.factories.form_data import QUESTION
from tests.factories.online_services import ServiceRequestPageFactory


def test_the_question_form_offers_todays_communes_of_the_province_as_a_select(hanoi):
    html = hanoi.client().get("/hoi-dap/gui-cau-hoi/").content.decode()
    assert '<option value="Phường Ngọc Hà">Phường Ngọc Hà</option>' in html


def test_the_question_form_lists_no_commune_of_another_province(hcm):
    html = hcm.client().get("/hoi-dap/gui-cau-hoi/").content.decode()
    assert "Phường Ngọc Hà" not in html


def test_a_commune_of_another_province_is_refused(hcm):
    hcm.client().post("/hoi-dap/gui-cau-hoi/", {**QUESTION, "commune": "Phường Ngọc Hà"})
    with hcm.context():
        assert not Question.objects.filter(title=QUESTION["title"]).exists()


def test_a_question_with_a_commune_of_the_province_is_received(hanoi):
    hanoi.client().post("/hoi-dap/gui-cau-hoi/", {**QUESTION, "commune": "Phường Ngọc Hà"})
    with hanoi.context():
        assert Question.objects.get(title=QUESTION["title"]).commune == "Phường Ngọc Hà"


def test_an_online_service_field_of_type_commune_lists_todays_communes_of_the_province(hanoi):
    with hanoi.context():
        page = ServiceRequestPageFactory(
            parent=HomePage.objects.get().get_children().get(slug="dich-vu-cong"),
            slug="dang-ky-dia-chi",
            fields=[("Xã, phường thường trú", "commune", True, "")],
        )
    html = hanoi.client().get(page.url).content.decode()
    assert '<option value="Phường Ngọc Hà">Phường Ngọc Hà</option>' in html
