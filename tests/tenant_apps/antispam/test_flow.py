"""The one citizen form flow (tenant_apps/antispam/flow.py) holds on each of the five form pages."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import override_settings

from tenant_apps.antispam.flow import REFUSED_RATE_LIMIT
from tests.factories.form_data import CAPTCHA_OK, COMMENT, CONTACT, HEALTH_CARD, QUESTION
from tests.factories.online_services import add_reissue_request_type
from tests.factories.pages import open_draft

pytestmark = pytest.mark.django_db

HONEYPOT_REFUSAL = "Không gửi được thư này."
CAPTCHA_MISTYPED = "Mã xác nhận không đúng, vui lòng nhập lại."
REFUSED_TOO_OFTEN = "Bạn đã gửi thông tin chưa hợp lệ quá nhiều lần"


REISSUE_REQUEST = {
    "full_name": "Lê Văn Cường",
    "phone": "0912 000 111",
    "ly_do_cap_lai": "Mất thẻ",
    "consent": "on",
    "website": "",
    **CAPTCHA_OK,
}


@dataclass(frozen=True)
class CitizenForm:
    url: str
    data: dict  # a valid submission
    refused: dict  # a submission the form refuses: a mistyped captcha, or a malformed card number
    refusal: str  # what the citizen is told about it
    typed: str  # what the citizen typed, shown again when the form is refused
    limit: int  # accepted submissions from one address per 10 minutes
    rate_limited: str  # the page's own message
    accepted: str  # where an accepted submission leads (a regex of the Location), or "" for the same page
    prepare: Callable = lambda site: None


FORMS = {
    "contact": CitizenForm(
        url="/lien-he/",
        data=CONTACT,
        refused={**CONTACT, "captcha_1": "SAI"},
        refusal=CAPTCHA_MISTYPED,
        typed="Trần Văn Minh",
        limit=5,
        rate_limited="Bạn đã gửi quá nhiều thư trong thời gian ngắn",
        accepted=r"^/lien-he/\?da-gui=1$",
    ),
    "consultation": CitizenForm(
        url="/lay-y-kien-du-thao/du-thao-quy-che/",
        data=COMMENT,
        refused={**COMMENT, "captcha_1": "SAI"},
        refusal=CAPTCHA_MISTYPED,
        typed="Võ Văn Tài",
        limit=5,
        rate_limited="Bạn đã gửi quá nhiều ý kiến trong thời gian ngắn",
        accepted=r"^/lay-y-kien-du-thao/du-thao-quy-che/\?da-gui=1$",
        prepare=open_draft,
    ),
    "lookups": CitizenForm(
        url="/tra-cuu-the-bhyt/",
        data=HEALTH_CARD,
        refused={**HEALTH_CARD, "card_number": "GD40"},
        refusal="Mã thẻ BHYT gồm 2 chữ cái và 13 chữ số.",
        typed="Nguyễn Văn An",
        limit=20,
        rate_limited="Bạn đã tra cứu quá nhiều lần",
        accepted="",
    ),
    "online_services": CitizenForm(
        url="/dich-vu-cong/cap-lai-the-bhyt/",
        data=REISSUE_REQUEST,
        refused={**REISSUE_REQUEST, "captcha_1": "SAI"},
        refusal=CAPTCHA_MISTYPED,
        typed="Lê Văn Cường",
        limit=5,
        rate_limited="Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn",
        accepted=r"^/bien-nhan/[A-Za-z0-9_-]{43}/$",
        prepare=add_reissue_request_type,
    ),
    "qa": CitizenForm(
        url="/hoi-dap/gui-cau-hoi/",
        data=QUESTION,
        refused={**QUESTION, "captcha_1": "SAI"},
        refusal=CAPTCHA_MISTYPED,
        typed="Nguyễn Thị Lan",
        limit=5,
        rate_limited="Bạn đã gửi quá nhiều câu hỏi trong thời gian ngắn",
        accepted=r"^/hoi-dap/da-nhan/HD-\d{8}-[0-9A-F]{6}/$",
    ),
}


@pytest.fixture(params=FORMS.values(), ids=FORMS.keys())
def citizen_form(request, hanoi) -> CitizenForm:
    form = request.param
    form.prepare(hanoi)
    return form


def assert_accepted(form: CitizenForm, response) -> None:
    if form.accepted:
        assert response.status_code == 302
        assert re.match(form.accepted, response["Location"])
    else:  # a lookup answers on the page itself: a redirect would have to keep the personal data
        assert response.status_code == 200
        assert "Kết quả tra cứu" in response.content.decode()


def test_the_form_and_a_refused_submission_are_never_stored_by_a_cache(hanoi, citizen_form):
    shown = hanoi.client().get(citizen_form.url)
    refused = hanoi.client().post(citizen_form.url, citizen_form.refused)

    assert shown.status_code == 200 and "no-store" in shown["Cache-Control"]
    assert refused.status_code == 200 and "no-store" in refused["Cache-Control"]


def test_an_accepted_submission_is_not_sent_again_by_reloading(hanoi, citizen_form):
    response = hanoi.client().post(citizen_form.url, citizen_form.data)

    assert_accepted(citizen_form, response)
    assert "no-store" in response["Cache-Control"]


def test_one_address_is_rate_limited_with_the_pages_vietnamese_message(hanoi, citizen_form):
    browser = hanoi.client(REMOTE_ADDR="203.0.113.40")
    for _ in range(citizen_form.limit):
        assert_accepted(citizen_form, browser.post(citizen_form.url, citizen_form.data))

    limited = browser.post(citizen_form.url, citizen_form.data)

    assert limited.status_code == 200 and citizen_form.rate_limited in limited.content.decode()
    assert_accepted(citizen_form, hanoi.client(REMOTE_ADDR="203.0.113.41").post(citizen_form.url, citizen_form.data))


def test_the_honeypot_is_refused(hanoi, citizen_form):
    response = hanoi.client().post(citizen_form.url, {**citizen_form.data, "website": "http://spam.example"})

    assert response.status_code == 200 and HONEYPOT_REFUSAL in response.content.decode()


def test_a_few_mistyped_captchas_do_not_lock_a_citizen_out(hanoi, citizen_form):
    browser = hanoi.client(REMOTE_ADDR="203.0.113.42")
    for _ in range(5):
        refused = browser.post(citizen_form.url, citizen_form.refused).content.decode()
        assert citizen_form.refusal in refused and citizen_form.typed in refused

    assert_accepted(citizen_form, browser.post(citizen_form.url, citizen_form.data))


def test_refused_submissions_are_limited_too(hanoi, citizen_form):
    browser = hanoi.client(REMOTE_ADDR="203.0.113.43")
    for _ in range(REFUSED_RATE_LIMIT[0]):
        browser.post(citizen_form.url, citizen_form.refused)

    limited = browser.post(citizen_form.url, citizen_form.data)

    assert limited.status_code == 200 and REFUSED_TOO_OFTEN in limited.content.decode()
    assert_accepted(citizen_form, hanoi.client(REMOTE_ADDR="203.0.113.44").post(citizen_form.url, citizen_form.data))


NOBODY_LISTENS = "redis://127.0.0.1:9/0"  # the discard port


def test_with_redis_unreachable_a_submission_goes_through_and_a_warning_is_logged(hanoi, citizen_form, caplog):
    with override_settings(RATE_LIMIT_REDIS_URL=NOBODY_LISTENS), caplog.at_level(logging.WARNING):
        response = hanoi.client().post(citizen_form.url, citizen_form.data)

    assert_accepted(citizen_form, response)
    assert "Redis không trả lời" in caplog.text


def test_with_redis_unreachable_a_refused_submission_is_explained_and_keeps_what_was_typed(hanoi, citizen_form):
    with override_settings(RATE_LIMIT_REDIS_URL=NOBODY_LISTENS):
        response = hanoi.client().post(citizen_form.url, citizen_form.refused)

    html = response.content.decode()
    assert response.status_code == 200 and citizen_form.typed in html
    assert citizen_form.refusal in html
