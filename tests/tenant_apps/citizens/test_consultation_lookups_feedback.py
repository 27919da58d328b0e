"""Consultation on drafts, the BHYT card lookup through its adapter, and page ratings."""

import datetime

import pytest
from django.utils import timezone

from tenant_apps.consultation.models import ConsultationIndexPage, DraftComment, DraftConsultationPage
from tenant_apps.feedback.models import PageFeedback
from tenant_apps.lookups.adapters import LookupUnavailable, NationalPortalAdapter
from tests.factories.form_data import CAPTCHA_OK

pytestmark = pytest.mark.django_db


def _draft(site, opens, closes):
    with site.context():
        index = ConsultationIndexPage.objects.get()
        draft = DraftConsultationPage(
            title="Dự thảo Quy chế tiếp công dân",
            slug="du-thao-quy-che",
            summary="Dự thảo quy chế.",
            opens_on=opens,
            closes_on=closes,
        )
        index.add_child(instance=draft)
        draft.save_revision().publish()
    return draft


def test_citizens_comment_while_a_draft_is_open_and_the_board_moderates(hanoi, hcm):
    today = timezone.localdate()
    draft = _draft(hanoi, today - datetime.timedelta(days=1), today + datetime.timedelta(days=10))
    comment = {
        "name": "Võ Văn Tài",
        "email": "tai@example.vn",
        "body": "Đề nghị bổ sung giờ tiếp dân thứ Bảy.",
        "website": "",
        **CAPTCHA_OK,
    }
    assert hanoi.client().post(draft.url, comment).status_code == 302
    assert "Đề nghị bổ sung" not in hanoi.client().get(draft.url).content.decode()  # not yet moderated
    with hanoi.context():
        DraftComment.objects.update(status=DraftComment.Status.PUBLISHED)
    html = hanoi.client().get(draft.url).content.decode()
    assert "Đề nghị bổ sung giờ tiếp dân thứ Bảy." in html and "tai@example.vn" not in html
    with hcm.context():
        assert not DraftComment.objects.exists()
    assert hcm.client().get(draft.url).status_code == 404


def test_a_closed_draft_refuses_comments_and_shows_the_summary(hanoi):
    today = timezone.localdate()
    draft = _draft(hanoi, today - datetime.timedelta(days=20), today - datetime.timedelta(days=1))
    with hanoi.context():
        page = DraftConsultationPage.objects.get(pk=draft.pk)
        page.comments_summary = "<p>Đã nhận 12 ý kiến, tiếp thu 9.</p>"
        page.save_revision().publish()
    response = hanoi.client().post(draft.url, {"name": "A", "email": "a@example.vn", "body": "Muộn", **CAPTCHA_OK})
    assert "Đã nhận 12 ý kiến" in response.content.decode()
    with hanoi.context():
        assert not DraftComment.objects.exists()


def test_the_card_lookup_is_labelled_demo_and_validates_input(hanoi):
    page = hanoi.client().get("/tra-cuu-the-bhyt/")
    assert "Bản trình diễn" in page.content.decode() and "no-store" in page["Cache-Control"]
    bad = hanoi.client().post("/tra-cuu-the-bhyt/", {"card_number": "123", "full_name": "", "birth_date": "31/02/1990"})
    html = bad.content.decode()
    assert "Mã thẻ BHYT gồm 2 chữ cái và 13 chữ số." in html and "Trường này là bắt buộc." in html
    assert "Nhập một ngày hợp lệ" in html
    good = (
        hanoi.client()
        .post(
            "/tra-cuu-the-bhyt/",
            {"card_number": "GD4010123456789", "full_name": "Lê Văn Minh", "birth_date": "02/09/1985"},
        )
        .content.decode()
    )
    assert "Kết quả tra cứu" in good or "Không tìm thấy thẻ BHYT" in good


def test_the_national_adapter_reports_a_clear_error_when_the_service_is_down(settings):
    settings.NATIONAL_LOOKUP_URL = "http://127.0.0.1:9/khong-co"  # nothing listens on the discard port
    settings.NATIONAL_LOOKUP_TIMEOUT_SECONDS = 0.5
    with pytest.raises(LookupUnavailable):
        NationalPortalAdapter().health_card("GD4010123456789", "Lê Văn Minh", datetime.date(1985, 9, 2))


def test_the_lookup_page_says_when_the_national_system_is_down(hanoi, settings):
    settings.LOOKUP_ADAPTER = "tenant_apps.lookups.adapters.NationalPortalAdapter"
    settings.NATIONAL_LOOKUP_URL = "http://127.0.0.1:9/khong-co"
    settings.NATIONAL_LOOKUP_TIMEOUT_SECONDS = 0.5
    html = (
        hanoi.client()
        .post(
            "/tra-cuu-the-bhyt/",
            {"card_number": "GD4010123456789", "full_name": "Lê Văn Minh", "birth_date": "02/09/1985"},
        )
        .content.decode()
    )
    assert "tạm thời không phản hồi" in html and "Bản trình diễn" not in html


def test_ratings_are_counted_per_page_for_the_board_and_per_province(hanoi, hcm):
    browser = hanoi.client()
    assert browser.post("/danh-gia/", {"path": "/tra-cuu-the-bhyt/", "helpful": "1"}).status_code == 302
    browser.post("/danh-gia/", {"path": "/tra-cuu-the-bhyt/", "helpful": "0", "comment": "Cần hướng dẫn thêm"})
    assert browser.post("/danh-gia/", {"path": "https://evil.example/", "helpful": "1"}).status_code == 400
    assert browser.post("/danh-gia/", {"path": "/x/", "helpful": "maybe"}).status_code == 400
    summary = hanoi.signed_in_client().get("/admin/danh-gia/").content.decode()
    assert "/tra-cuu-the-bhyt/" in summary and "Cần hướng dẫn thêm" in summary
    with hanoi.context():
        assert PageFeedback.objects.count() == 2
    with hcm.context():
        assert not PageFeedback.objects.exists()
