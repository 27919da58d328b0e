"""Cross-tenant: a session, a form or a code of one province is worth nothing on another province's
host or on the central host; spoofed and unknown hosts are refused; forwarded hosts do not mix sites."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tenant_apps.consultation.models import DraftComment
from tenant_apps.online_services.models import ServiceRequest
from tenant_apps.qa.models import Question
from tests.conftest import CENTRAL_HOST
from tests.factories import ServiceRequestFactory

from .conftest import COMMENT, QUESTION, REQUEST_URL, SERVICE_REQUEST, add_request_type, open_draft

pytestmark = pytest.mark.django_db

PROVINCE_ADMIN_URLS = [
    "/admin/",
    "/admin/pages/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/users/",
    "/admin/questions/",
    "/admin/contact_messages/",
    "/admin/draft_comments/",
    "/admin/service_requests/",
    "/admin/personal_data_access/",
    "/admin/board_members/",
    "/admin/royalty_payments/",
    "/admin/danh-gia/",
    "/admin/ho-so-thanh-lap/",
    "/admin/bao-cao/",
    "/admin/nhuan-but/",
    "/admin/thong-ke-truy-cap/",
    "/admin/giao-dien/",
    "/admin/nhan-tin-toan-nganh/",
    "/admin/gui-tin-trung-uong/",
]
CENTRAL_ADMIN_URLS = [
    "/admin/provinces/",
    "/admin/onboarding/",
    "/admin/tong-hop-bao-cao/",
    "/admin/tong-hop-ho-so/",
    "/admin/tin-toan-nganh/phan-phoi/",
    "/admin/tin-toan-nganh/de-xuat/",
    "/admin/adhoc_requests/",
]


def _replay(session_cookie: str, host: str) -> Client:
    """A browser on `host` that carries a session cookie obtained elsewhere."""
    intruder = Client(HTTP_HOST=host)
    intruder.cookies["sessionid"] = session_cookie
    return intruder


def _refused(response) -> bool:
    """Sent to the sign-in page, or told the page does not exist or is forbidden."""
    if response.status_code == 302:
        return "/admin/login/" in response["Location"]
    return response.status_code in (403, 404)


@pytest.mark.parametrize("url", PROVINCE_ADMIN_URLS + CENTRAL_ADMIN_URLS)
def test_a_province_admin_session_is_refused_on_another_province_and_on_the_central_host(hanoi, hcm, url):
    own = hanoi.signed_in_client()
    cookie = own.cookies["sessionid"].value
    expected_own = 404 if url in CENTRAL_ADMIN_URLS else 200

    assert own.get(url).status_code == expected_own
    assert _refused(_replay(cookie, hcm.host).get(url))
    assert _refused(_replay(cookie, CENTRAL_HOST).get(url))


@pytest.mark.parametrize("url", PROVINCE_ADMIN_URLS + CENTRAL_ADMIN_URLS)
def test_the_central_admin_session_is_refused_on_a_province_host(hanoi, central_admin, url):
    cookie = central_admin.cookies["sessionid"].value

    assert _refused(_replay(cookie, hanoi.host).get(url))


def test_a_draft_of_one_province_takes_no_comment_through_another_host_or_the_centre(hanoi, hcm):
    draft = open_draft(hanoi)

    assert hcm.client().post(draft.url, COMMENT).status_code == 404
    assert Client(HTTP_HOST=CENTRAL_HOST).post(draft.url, COMMENT).status_code == 404
    with hanoi.context():
        assert not DraftComment.objects.exists()
    with hcm.context():
        assert not DraftComment.objects.exists()


def test_a_question_and_its_receipt_are_seen_only_on_their_own_host(hanoi, hcm):
    receipt_url = hanoi.client().post("/hoi-dap/gui-cau-hoi/", QUESTION)["Location"]
    with hanoi.context():
        question = Question.objects.get()
        question.status = Question.Status.PUBLISHED
        question.answer = "<p>Trả lời.</p>"
        question.save()

    assert hanoi.client().get(receipt_url).status_code == 200
    assert hanoi.client().get(f"/hoi-dap/{question.pk}/").status_code == 200
    for browser in (hcm.client(), Client(HTTP_HOST=CENTRAL_HOST)):
        assert browser.get(receipt_url).status_code == 404
        assert browser.get(f"/hoi-dap/{question.pk}/").status_code == 404
    with hcm.context():
        assert not Question.objects.exists()


def test_an_online_service_form_of_one_province_takes_no_request_on_another_host(hanoi, hcm):
    add_request_type(hanoi)
    assert hcm.client().post(REQUEST_URL, SERVICE_REQUEST).status_code == 404
    assert Client(HTTP_HOST=CENTRAL_HOST).post(REQUEST_URL, SERVICE_REQUEST).status_code == 404
    with hcm.context():
        assert not ServiceRequest.objects.exists()


def test_a_tracking_code_of_one_province_finds_nothing_on_another_host(hanoi, hcm):
    with hanoi.context():
        request = ServiceRequestFactory(phone="0912345678")
    lookup = {"tracking_code": request.tracking_code, "phone": "0912345678"}

    assert request.tracking_code in hanoi.client().post("/tra-cuu-dich-vu-cong/", lookup).content.decode()
    other = hcm.client().post("/tra-cuu-dich-vu-cong/", lookup).content.decode()
    assert "Không tìm thấy hồ sơ" in other and request.tracking_code not in other.split("</form>")[-1]
    assert Client(HTTP_HOST=CENTRAL_HOST).post("/tra-cuu-dich-vu-cong/", lookup).status_code == 404


# --- Hosts --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "hanoi.localhost.evil.vn",
        "localhost.evil.vn",
        "hanoi-localhost",
        "hcm.localhost.",
        "quangninh.localhost",
    ],
)
def test_an_unknown_host_gets_not_found(host):
    response = Client(HTTP_HOST=host).get("/")

    assert response.status_code in (400, 404)


@pytest.mark.parametrize(
    "host",
    [
        "hanoi.localhost/../hcm",
        "hanoi.localhost:abc",
        "hanoi localhost",
        "<script>.localhost",
        "hanoi.localhost@hcm.localhost",
    ],
)
def test_a_malformed_host_is_refused(host):
    response = Client(HTTP_HOST=host).get("/")

    assert response.status_code in (400, 404)
    assert "<script>" not in response.content.decode()


def _foreign_traces(html: str, site) -> list[str]:
    return [trace for trace in (site.host, site.province.office_name) if trace in html]


@pytest.mark.parametrize("path", ["/", "/tin-tuc/", "/lien-he/", "/sitemap.xml", "/robots.txt"])
def test_a_forwarded_host_does_not_poison_a_province_page_or_the_next_visitor(hanoi, hcm, path):
    spoofed = hanoi.client().get(path, HTTP_X_FORWARDED_HOST=hcm.host, HTTP_X_FORWARDED_SERVER="evil.example")
    hcm_with_hanoi_forwarded = hcm.client().get(path, HTTP_X_FORWARDED_HOST=hanoi.host)
    next_visitor = hanoi.client().get(path)

    assert spoofed.status_code == next_visitor.status_code == 200
    for response in (spoofed, next_visitor):
        html = response.content.decode()
        assert not _foreign_traces(html, hcm), path
        assert "evil.example" not in html
    assert not _foreign_traces(hcm_with_hanoi_forwarded.content.decode(), hanoi)
    assert _without_tokens(spoofed) == _without_tokens(next_visitor)


def _without_tokens(response) -> str:
    """The page without what changes on every request (CSRF token, captcha key)."""
    return re.sub(r'value="[^"]*"|/captcha/[a-z]+/[0-9a-f]+/', "", response.content.decode())
