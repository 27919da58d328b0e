"""Hỏi đáp: ask with protections, receipt, moderation within 10 days, public answer, search."""

import datetime
import json
import re

import pytest
from django.core import mail
from django.utils import timezone

from tenant_apps.qa.models import Question, QuestionIndexPage
from tests.factories.form_data import CAPTCHA_OK, QUESTION

pytestmark = pytest.mark.django_db


def draftail(text: str) -> str:
    """What Wagtail's rich-text editor posts for one paragraph of plain text."""
    block = {"key": "a", "text": text, "type": "unstyled", "depth": 0, "inlineStyleRanges": [], "entityRanges": []}
    return json.dumps({"blocks": [block], "entityMap": {}})


def _ask(site, data=QUESTION, **client_kwargs):
    return site.client(**client_kwargs).post("/hoi-dap/gui-cau-hoi/", data)


def test_a_citizen_asks_gets_a_tracking_code_and_the_answer_is_published_and_mailed(
    hanoi, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _ask(hanoi)
    assert response.status_code == 302
    receipt = hanoi.client().get(response["Location"]).content.decode()
    code = re.search(r"HD-\d{8}-[0-9A-F]{6}", receipt).group(0)
    assert "Hạn trả lời hoặc thông báo tiến độ" in receipt
    assert mail.outbox[-1].to == ["lan@example.vn"] and code in mail.outbox[-1].subject

    editor = hanoi.signed_in_client()
    with hanoi.context():
        question = Question.objects.get(tracking_code=code)
    assert "Quá hạn" not in editor.get("/admin/questions/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        answered = editor.post(
            f"/admin/hoi-dap/{question.pk}/tra-loi/",
            {
                "action": "tra-loi",
                "note": "",
                "answer": draftail("Bạn gia hạn tại đại lý thu hoặc trên VssID."),
            },
        )
    assert answered.status_code == 302
    assert "/hoi-dap/" in mail.outbox[-1].body

    public = hanoi.client().get(f"/hoi-dap/{question.pk}/").content.decode()
    assert "Bạn gia hạn tại đại lý thu hoặc trên VssID." in public
    assert "lan@example.vn" not in public and "0912 345 678" not in public
    listing = hanoi.client().get("/hoi-dap/", {"q": "the bhyt ho gia dinh"}).content.decode()
    assert "Thẻ BHYT hộ gia đình gia hạn ở đâu?" in listing
    with hanoi.context():
        assert Question.objects.get(pk=question.pk).view_count == 1


def test_each_invalid_field_gets_a_vietnamese_message(hanoi):
    html = _ask(
        hanoi,
        {
            "asker_name": "",
            "email": "sai",
            "phone": "12",
            "commune": "",
            "topic": "x",
            "title": "",
            "body": "",
            **CAPTCHA_OK,
        },
    ).content.decode()
    assert html.count("Trường này là bắt buộc.") >= 4
    assert "Nhập địa chỉ email." in html and "Số điện thoại không hợp lệ" in html
    assert "Hãy chọn một lựa chọn hợp lệ" in html
    no_contact = _ask(hanoi, {**QUESTION, "email": "", "phone": ""}).content.decode()
    assert "Hãy cho biết thư điện tử hoặc số điện thoại" in no_contact


def test_spam_is_refused_honeypot_captcha_and_rate_limit(hanoi):
    assert _ask(hanoi, {**QUESTION, "website": "http://spam"}).status_code == 200
    assert "Mã xác nhận không đúng" in _ask(hanoi, {**QUESTION, "captcha_1": "XXXX"}).content.decode()
    statuses = [_ask(hanoi, REMOTE_ADDR="198.51.100.7").status_code for _ in range(6)]
    assert statuses == [302] * 5 + [200]
    with hanoi.context():
        assert Question.objects.count() == 5


def test_a_hundred_questions_in_a_row_leave_a_hundred_records(hanoi, settings):
    for number in range(100):
        assert (
            _ask(hanoi, {**QUESTION, "title": f"Câu hỏi số {number}"}, REMOTE_ADDR=f"10.0.{number}.1").status_code
            == 302
        )
    with hanoi.context():
        assert Question.objects.count() == 100
        assert Question.objects.values("tracking_code").distinct().count() == 100


def test_overdue_questions_are_highlighted_for_the_board(hanoi):
    _ask(hanoi)
    with hanoi.context():
        Question.objects.update(created_at=timezone.now() - datetime.timedelta(days=11))
    assert "Quá hạn" in hanoi.signed_in_client().get("/admin/questions/").content.decode()


def test_script_payloads_never_run_in_public_pages_or_the_admin(hanoi):
    payload = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    _ask(hanoi, {**QUESTION, "title": payload, "body": payload, "asker_name": payload})
    with hanoi.context():
        question = Question.objects.get()
        question.status, question.answer, question.answered_at = "da-tra-loi", "<p>Trả lời</p>", timezone.now()
        question.save()
    for html in (
        hanoi.client().get(f"/hoi-dap/{question.pk}/").content.decode(),
        hanoi.signed_in_client().get("/admin/questions/").content.decode(),
        hanoi.signed_in_client().get(f"/admin/hoi-dap/{question.pk}/tra-loi/").content.decode(),
    ):
        assert "<script>alert(1)</script>" not in html and "onerror=alert(2)>" not in html


def test_questions_of_one_province_are_invisible_from_another(hanoi, hcm):
    response = _ask(hanoi)
    code = re.search(r"HD-\d{8}-[0-9A-F]{6}", response["Location"]).group(0)
    with hanoi.context():
        question = Question.objects.get()
        question.status, question.answered_at = "da-tra-loi", timezone.now()
        question.save()
    assert hcm.client().get(f"/hoi-dap/{question.pk}/").status_code == 404
    assert hcm.client().get(f"/hoi-dap/da-nhan/{code}/").status_code == 404
    assert "Thẻ BHYT hộ gia đình" not in hcm.client().get("/hoi-dap/").content.decode()
    assert "Thẻ BHYT hộ gia đình" not in hcm.signed_in_client().get("/admin/questions/").content.decode()
    with hcm.context():
        assert not Question.objects.exists() and QuestionIndexPage.objects.count() == 1


def test_the_question_list_names_each_status_in_words(hanoi):
    _ask(hanoi)
    html = hanoi.signed_in_client().get("/admin/questions/").content.decode()
    assert re.search(r'class="w-status[^"]*">\s*Mới nhận\s*</span>', html)
