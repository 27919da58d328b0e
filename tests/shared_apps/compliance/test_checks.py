"""Each check of the checklist in force, on provinces built to pass and to fail it (real schemas)."""

import datetime

import pytest
from django.utils import timezone

from shared_apps.compliance.checks import working_days_between
from tenant_apps.about.models import IntroductionPage, Leader
from tenant_apps.contact.models import ContactPage
from tenant_apps.documents.models import DocumentIndexPage, DocumentType, LegalDocumentPage
from tenant_apps.home.models import HomePage
from tenant_apps.news.models import NewsIndexPage, NewsPage
from tenant_apps.pages.models import ContentPage
from tenant_apps.procedures.models import ProcedureIndexPage
from tenant_apps.qa.models import Question, QuestionIndexPage
from tests.factories import ContentPageFactory, LegalDocumentPageFactory, NewsPageFactory, ServiceRequestPageFactory
from tests.factories.procedures import ProcedurePageFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _document(site, days_ago_signed: int = 0, published_days_ago: int | None = 0, **kwargs) -> LegalDocumentPage:
    with site.context():
        page = LegalDocumentPageFactory(
            parent=DocumentIndexPage.objects.get(),
            signed_date=TODAY - datetime.timedelta(days=days_ago_signed),
            **kwargs,
        )
        published = None if published_days_ago is None else timezone.now() - datetime.timedelta(days=published_days_ago)
        LegalDocumentPage.objects.filter(pk=page.pk).update(first_published_at=published)
        return page


def _news(site, published_days_ago: int, event_days_ago: int = 0) -> NewsPage:
    with site.context():
        page = NewsPageFactory(
            parent=NewsIndexPage.objects.get(), event_end_date=TODAY - datetime.timedelta(days=event_days_ago)
        )
        published = timezone.now() - datetime.timedelta(days=published_days_ago)
        NewsPage.objects.filter(pk=page.pk).update(first_published_at=published, last_published_at=published)
        return page


# --- Documents and procedures --------------------------------------------------------------


def test_a_site_without_documents_fails_the_documents_item(check, hanoi):
    assert check(hanoi, "van-ban").passed is False


def test_documents_with_their_metadata_and_file_pass(check, hanoi):
    _document(hanoi, with_file=True)

    assert check(hanoi, "van-ban").passed is True


def test_a_document_without_its_file_fails_with_a_link_to_its_edit_page(check, hanoi):
    _document(hanoi, with_file=True)
    bare = _document(hanoi)

    outcome = check(hanoi, "van-ban")

    assert [failure.url for failure in outcome.failures] == [f"http://hanoi.localhost/admin/pages/{bare.pk}/edit/"]


def test_a_complete_procedure_passes(check, hanoi):
    with hanoi.context():
        ProcedurePageFactory(parent=ProcedureIndexPage.objects.get())

    assert check(hanoi, "thu-tuc-hanh-chinh").passed is True


def test_a_procedure_without_any_legal_basis_fails_naming_the_missing_element(check, hanoi):
    with hanoi.context():
        ProcedurePageFactory(parent=ProcedureIndexPage.objects.get(), legal_basis_note="")

    outcome = check(hanoi, "thu-tuc-hanh-chinh")

    assert "căn cứ pháp lý" in outcome.failures[0].label


def test_an_online_procedure_linked_to_the_national_portal_passes(check, hanoi):
    with hanoi.context():
        ProcedurePageFactory(parent=ProcedureIndexPage.objects.get())

    assert check(hanoi, "lien-ket-dich-vu-cong").passed is True


def test_an_online_procedure_linked_elsewhere_fails(check, hanoi):
    with hanoi.context():
        ProcedurePageFactory(parent=ProcedureIndexPage.objects.get(), online_url="https://example.com/nop-ho-so")

    assert check(hanoi, "lien-ket-dich-vu-cong").passed is False


def test_the_online_services_section_of_a_new_site_links_to_the_national_portal(check, hanoi):
    assert check(hanoi, "trang-dich-vu-cong").passed is True


def test_an_online_services_section_without_the_portal_link_fails(check, hanoi):
    with hanoi.context():
        page = ContentPage.objects.get(slug="dich-vu-cong")
        page.body = "<p>Đang cập nhật.</p>"
        page.save_revision().publish()

    assert check(hanoi, "trang-dich-vu-cong").passed is False


# --- Organisation, focal point, English ------------------------------------------------------


def test_the_introduction_created_at_onboarding_passes(check, hanoi):
    assert check(hanoi, "gioi-thieu").passed is True


def test_an_introduction_without_its_organisation_chart_fails_naming_it(check, hanoi):
    with hanoi.context():
        page = IntroductionPage.objects.get(language="vi")
        page.organisation = []
        page.save_revision().publish()

    outcome = check(hanoi, "gioi-thieu")

    assert "cơ cấu tổ chức" in outcome.detail


def test_the_english_introduction_created_at_onboarding_passes(check, hanoi):
    assert check(hanoi, "tieng-anh").passed is True


def test_a_site_whose_english_introduction_is_unpublished_fails_the_english_item(check, hanoi):
    with hanoi.context():
        IntroductionPage.objects.get(language="en").unpublish()

    assert check(hanoi, "tieng-anh").passed is False


def test_a_site_without_a_named_focal_point_fails(check, hanoi):
    assert check(hanoi, "dau-moi-lien-he").passed is False


def test_a_focal_point_with_name_title_phone_and_email_passes(check, hanoi):
    with hanoi.context():
        Leader.objects.create(
            page=IntroductionPage.objects.get(language="vi"),
            name="Nguyễn Văn An",
            position="Chánh Văn phòng",
            phone="024 3826 1234",
            email="vanphong@hanoi.vss.gov.vn",
        )

    assert check(hanoi, "dau-moi-lien-he").passed is True


def test_a_focal_point_without_an_email_fails(check, hanoi):
    with hanoi.context():
        Leader.objects.create(
            page=IntroductionPage.objects.get(language="vi"),
            name="Nguyễn Văn An",
            position="Chánh Văn phòng",
            phone="1",
        )

    assert check(hanoi, "dau-moi-lien-he").passed is False


# --- Plans, financial report, statistics, access to information ------------------------------


def test_a_plan_signed_this_year_passes_the_plans_item(check, hanoi):
    _document(hanoi, doc_type=DocumentType.PLAN, title="Triển khai nhiệm vụ năm")

    assert check(hanoi, "chien-luoc-ke-hoach").passed is True


def test_a_published_financial_report_passes(check, hanoi):
    with hanoi.context():
        page = ContentPageFactory(parent=HomePage.objects.get(), title="Báo cáo tài chính năm 2025", live=False)
        page.save_revision().publish()

    assert check(hanoi, "bao-cao-tai-chinh").passed is True


def test_a_site_without_a_financial_report_fails(check, hanoi):
    assert check(hanoi, "bao-cao-tai-chinh").passed is False


def test_the_access_to_information_section_created_at_onboarding_passes(check, hanoi):
    assert check(hanoi, "tiep-can-thong-tin").passed is True


def test_an_unpublished_access_to_information_section_fails_with_its_edit_link(check, hanoi):
    with hanoi.context():
        page = ContentPage.objects.get(slug="tiep-can-thong-tin")
        page.unpublish()

    outcome = check(hanoi, "tiep-can-thong-tin")

    assert outcome.failures[0].url == f"http://hanoi.localhost/admin/pages/{page.pk}/edit/"


# --- Article functions ----------------------------------------------------------------------


def test_articles_rendered_with_search_print_and_save_pass(check, hanoi):
    _news(hanoi, published_days_ago=0)

    assert check(hanoi, "tim-kiem-in-luu").passed is True


def test_an_article_missing_a_required_function_fails_with_its_public_address(check, hanoi):
    page = _news(hanoi, published_days_ago=0)

    outcome = check(hanoi, "tim-kiem-in-luu", markers={"chia sẻ": 'href="https://zalo.me/share'})

    assert outcome.failures[0].url == f"http://hanoi.localhost/tin-tuc/{page.slug}/"


# --- Timeliness (letter §8.1) ---------------------------------------------------------------


def test_working_days_skip_the_weekend():
    friday = datetime.date(2026, 11, 27)

    assert working_days_between(friday, friday + datetime.timedelta(days=4)) == 2


def test_documents_published_the_day_they_are_signed_pass(check, hanoi):
    _document(hanoi, days_ago_signed=0)

    assert check(hanoi, "van-ban-dung-han").passed is True


def test_a_document_published_ten_days_after_signing_fails(check, hanoi):
    _document(hanoi, days_ago_signed=10, published_days_ago=0)

    assert check(hanoi, "van-ban-dung-han").passed is False


def test_an_unpublished_document_past_its_deadline_counts_as_late(check, hanoi):
    _document(hanoi, days_ago_signed=10, published_days_ago=None)

    assert check(hanoi, "van-ban-dung-han").passed is False


def test_news_published_a_day_after_the_event_passes(check, hanoi):
    _news(hanoi, published_days_ago=0, event_days_ago=1)

    assert check(hanoi, "tin-dung-han").passed is True


def test_news_published_twenty_days_after_the_event_fails(check, hanoi):
    _news(hanoi, published_days_ago=0, event_days_ago=20)

    assert check(hanoi, "tin-dung-han").passed is False


def _question(site, days_ago: int, replied_after: int | None) -> Question:
    with site.context():
        question = Question.objects.create(
            page=QuestionIndexPage.objects.get(),
            asker_name="Người hỏi",
            commune="Phường A",
            topic="bhyt",
            title="Thẻ BHYT hết hạn",
            body="Nội dung",
        )
        asked = timezone.now() - datetime.timedelta(days=days_ago)
        replied = None if replied_after is None else asked + datetime.timedelta(days=replied_after)
        Question.objects.filter(pk=question.pk).update(created_at=asked, replied_at=replied)
        return question


def test_questions_replied_within_ten_days_pass(check, hanoi):
    _question(hanoi, days_ago=20, replied_after=3)

    assert check(hanoi, "tra-loi-dung-han").passed is True


def test_a_question_unanswered_for_twelve_days_fails_with_its_admin_link(check, hanoi):
    question = _question(hanoi, days_ago=12, replied_after=None)

    outcome = check(hanoi, "tra-loi-dung-han")

    assert outcome.failures[0].url == f"http://hanoi.localhost/admin/questions/edit/{question.pk}/"


def test_news_published_today_is_fresh(check, hanoi):
    _news(hanoi, published_days_ago=0)

    assert check(hanoi, "tin-moi").passed is True


def test_a_site_whose_last_news_is_a_month_old_is_not_fresh(check, hanoi):
    _news(hanoi, published_days_ago=30)

    assert check(hanoi, "tin-moi").passed is False


# --- Broken internal links ------------------------------------------------------------------


def test_a_site_without_broken_links_passes(check, hanoi):
    assert check(hanoi, "lien-ket-hong").passed is True


def test_a_link_to_an_unpublished_page_is_reported_on_the_page_that_carries_it(check, hanoi):
    with hanoi.context():
        home = HomePage.objects.get()
        target = ContentPageFactory(parent=home, title="Hướng dẫn cũ")
        source = ContentPageFactory(parent=home, body=f'<p><a linktype="page" id="{target.pk}">Hướng dẫn</a></p>')
        target.unpublish()

    outcome = check(hanoi, "lien-ket-hong")

    assert [failure.url for failure in outcome.failures] == [f"http://hanoi.localhost/admin/pages/{source.pk}/edit/"]


# --- Personal-data consent on forms ---------------------------------------------------------


def test_forms_without_a_consent_text_fail(check, hanoi):
    outcome = check(hanoi, "dong-y-du-lieu-ca-nhan")

    assert "không có nội dung đồng ý" in outcome.failures[0].label


def test_a_form_citing_only_decree_13_2023_is_flagged_as_such(check, hanoi):
    with hanoi.context():
        page = ServiceRequestPageFactory(parent=HomePage.objects.get())

    outcome = check(hanoi, "dong-y-du-lieu-ca-nhan", pages=[{"model": "online_services.ServiceRequestPage"}])

    assert outcome.failures[0].label == f"{page.title}: chỉ dẫn 13/2023/NĐ-CP"


def test_a_form_citing_the_personal_data_protection_law_passes(check, hanoi):
    with hanoi.context():
        page = ContactPage.objects.get()
        page.intro = "<p>Dữ liệu cá nhân được xử lý theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15.</p>"
        page.save_revision().publish()

    outcome = check(hanoi, "dong-y-du-lieu-ca-nhan", pages=[{"model": "contact.ContactPage"}])

    assert outcome.passed is True
