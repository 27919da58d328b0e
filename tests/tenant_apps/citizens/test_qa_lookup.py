"""Hỏi đáp: the asker looks the question up by its tracking code; the captcha can be renewed or
swapped for a question in words, keeping what was typed."""

import re

import pytest
from captcha.models import CaptchaStore
from django.utils import timezone

from tenant_apps.offices.admin_units import commune_choices
from tenant_apps.qa.models import LOOKUP_RATE_LIMIT, Question
from tests.factories.form_data import QUESTION

pytestmark = pytest.mark.django_db


def _asked(site, **changes) -> Question:
    """A question sent through the site's form, from one of the communes of its province."""
    commune = commune_choices(site.province.code)[0][0]
    with site.context():
        response = site.client().post("/hoi-dap/gui-cau-hoi/", {**QUESTION, "commune": commune})
        code = response["Location"].rstrip("/").rsplit("/", 1)[-1]
        question = Question.objects.get(tracking_code=code)
        for field, value in changes.items():
            setattr(question, field, value)
        question.save()
        return question


def _look_up(site, code: str, **client_kwargs) -> str:
    return site.client(**client_kwargs).post("/hoi-dap/tra-cuu/", {"ma": code}).content.decode()


def test_the_asker_sees_that_a_new_question_is_waiting_and_when_it_is_due(hanoi):
    question = _asked(hanoi)

    page = _look_up(hanoi, question.tracking_code.lower())

    assert "Đã nhận, đang chờ xử lý" in page
    assert question.due_on.strftime("%d/%m/%Y") in page


def test_the_asker_reads_the_answer_once_it_is_published(hanoi):
    question = _asked(
        hanoi,
        status=Question.Status.PUBLISHED,
        answer="<p>Bạn gia hạn tại đại lý thu hoặc trên VssID.</p>",
        answered_at=timezone.now(),
    )

    page = _look_up(hanoi, question.tracking_code)

    assert "Đã trả lời" in page and "Bạn gia hạn tại đại lý thu hoặc trên VssID." in page


def test_an_unanswered_question_shows_no_answer_text(hanoi):
    question = _asked(hanoi, status=Question.Status.ASSIGNED, answer="<p>Bản nháp trả lời</p>")

    page = _look_up(hanoi, question.tracking_code)

    assert "Đang được trả lời" in page and "Bản nháp trả lời" not in page


def test_another_provinces_tracking_code_finds_nothing(hanoi, hcm):
    question = _asked(hcm)

    page = _look_up(hanoi, question.tracking_code)

    assert "Không tìm thấy câu hỏi có mã theo dõi này" in page and QUESTION["title"] not in page


def test_lookups_are_rate_limited_per_address(hanoi):
    for _ in range(LOOKUP_RATE_LIMIT[0]):
        _look_up(hanoi, "HD-20260101-000000", REMOTE_ADDR="203.0.113.9")

    page = _look_up(hanoi, "HD-20260101-000000", REMOTE_ADDR="203.0.113.9")

    assert "Bạn đã tra cứu quá nhiều lần" in page


def _new_challenge(site, kind: str) -> str:
    typed = {**QUESTION, "captcha_1": "SAI", "doi-ma": kind}
    return site.client().post("/hoi-dap/gui-cau-hoi/", typed).content.decode()


def test_a_new_captcha_keeps_what_was_typed_and_shows_no_error(hanoi):
    page = _new_challenge(hanoi, "anh")

    assert QUESTION["body"] in page and 'value="Nguyễn Thị Lan"' in page
    assert "error-summary" not in page


def test_a_new_captcha_is_a_new_challenge(hanoi):
    first = re.search(r'name="captcha_0" value="(\w+)"', _new_challenge(hanoi, "anh")).group(1)
    second = re.search(r'name="captcha_0" value="(\w+)"', _new_challenge(hanoi, "anh")).group(1)

    assert first != second


def test_a_citizen_who_cannot_read_the_image_answers_a_sum_in_words(hanoi):
    page = _new_challenge(hanoi, "chu")
    key = re.search(r'name="captcha_0" value="(\w+)"', page).group(1)
    with hanoi.context():
        store = CaptchaStore.objects.get(hashkey=key)
    assert f"{store.challenge[0].upper()}{store.challenge[1:]}" in page and "<img" not in page.split("captcha-box")[1]

    sent = hanoi.client().post(
        "/hoi-dap/gui-cau-hoi/", {**QUESTION, "captcha_0": key, "captcha_1": store.response, "loai_ma": "chu"}
    )

    assert sent.status_code == 302


def test_the_question_in_words_describes_the_answer_box(hanoi):
    page = _new_challenge(hanoi, "chu")

    assert re.search(r'<input[^>]*name="captcha_1"[^>]*aria-describedby="id_captcha_1_cau_hoi', page)


def test_a_wrong_answer_in_words_is_refused_and_the_question_in_words_stays(hanoi):
    page = _new_challenge(hanoi, "chu")
    key = re.search(r'name="captcha_0" value="(\w+)"', page).group(1)

    again = hanoi.client().post(
        "/hoi-dap/gui-cau-hoi/", {**QUESTION, "captcha_0": key, "captcha_1": "99", "loai_ma": "chu"}
    )

    assert "Mã xác nhận không đúng" in again.content.decode() and "bằng mấy?" in again.content.decode()
