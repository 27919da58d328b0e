"""Fuzzing: whatever hypothesis sends to search, filters, forms and lookups, the answer is never a 500."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import CAPTCHA_OK, REQUEST_URL, add_request_type

pytestmark = pytest.mark.django_db

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
text = st.text(max_size=300)
addresses = st.ip_addresses(v=4).map(str)


def _form(fields: list[str]):
    """Any value, or none, in each field."""
    return st.fixed_dictionaries({}, optional={field: text for field in fields})


def _assert_answers(response):
    assert response.status_code < 500


@FUZZ
@given(query=text, page=st.one_of(st.none(), text))
def test_site_search(hanoi, query, page):
    params = {"q": query} if page is None else {"q": query, "trang": page}
    _assert_answers(hanoi.client().get("/tim-kiem/", params))


@FUZZ
@given(filters=_form(["q", "doc_type", "field", "issuer", "year", "status", "sort", "trang"]))
def test_document_filters(hanoi, filters):
    _assert_answers(hanoi.client().get("/van-ban/", filters))


@FUZZ
@given(filters=_form(["q", "chu-de", "trang"]), xa=text)
def test_question_list_and_office_finder(hanoi, filters, xa):
    _assert_answers(hanoi.client().get("/hoi-dap/", filters))
    _assert_answers(hanoi.client().get("/he-thong-co-quan/", {"xa": xa}))


@FUZZ
@given(data=_form(["asker_name", "email", "phone", "commune", "topic", "title", "body", "website"]), ip=addresses)
def test_question_form(hanoi, data, ip):
    _assert_answers(hanoi.client(REMOTE_ADDR=ip).post("/hoi-dap/gui-cau-hoi/", {**data, **CAPTCHA_OK}))


@FUZZ
@given(data=_form(["name", "email", "phone", "subject", "message", "website"]), ip=addresses)
def test_contact_form(hanoi, data, ip):
    _assert_answers(hanoi.client(REMOTE_ADDR=ip).post("/lien-he/", {**data, **CAPTCHA_OK}))


@FUZZ
@given(data=_form(["tracking_code", "phone"]), card=_form(["card_number", "full_name", "birth_date"]), ip=addresses)
def test_tracking_and_health_card_lookups(hanoi, data, card, ip):
    _assert_answers(hanoi.client(REMOTE_ADDR=ip).post("/tra-cuu-dich-vu-cong/", data))
    _assert_answers(hanoi.client(REMOTE_ADDR=ip).post("/tra-cuu-the-bhyt/", card))


@pytest.fixture
def request_type(hanoi):
    return add_request_type(hanoi)


@FUZZ
@given(
    data=_form(
        ["full_name", "phone", "email", "id_number", "dia_chi_thuong_tru", "so_nguoi_trong_ho", "phuong_thuc_dong"]
    ),
    ip=addresses,
)
def test_online_service_form(hanoi, request_type, data, ip):
    _assert_answers(hanoi.client(REMOTE_ADDR=ip).post(REQUEST_URL, {**data, **CAPTCHA_OK, "consent": "on"}))
