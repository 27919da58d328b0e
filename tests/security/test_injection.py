"""Injection: XSS payloads in every public input and in admin fields are shown as text, never run;
SQL-injection payloads in search and filters give ordinary pages."""

from __future__ import annotations

import json
import re

import pytest
from django.utils.html import escape

from tenant_apps.consultation.models import DraftComment
from tenant_apps.contact.models import ContactMessage
from tenant_apps.home.models import HomePage
from tenant_apps.pages.models import ContentPage
from tenant_apps.qa.models import Question

from .conftest import (
    CAPTCHA_WRONG,
    COMMENT,
    CONTACT,
    HEALTH_CARD,
    QUESTION,
    REQUEST_URL,
    SERVICE_REQUEST,
    SQL_PAYLOADS,
    STATUS_LOOKUP,
    XSS_PAYLOADS,
    add_request_type,
    assert_inert,
    open_draft,
)

pytestmark = pytest.mark.django_db


def draftail(text: str) -> str:
    """What Wagtail's rich-text editor posts for one paragraph of plain text."""
    block = {"key": "a", "text": text, "type": "unstyled", "depth": 0, "inlineStyleRanges": [], "entityRanges": []}
    return json.dumps({"blocks": [block], "entityMap": {}})


# --- Reflected: every public form shown again with the payload in each text field -----------------

# (form, url, valid data, text fields); the wrong captcha makes each form come back filled in.
PUBLIC_FORMS = {
    "hoi-dap": ("/hoi-dap/gui-cau-hoi/", QUESTION, ["asker_name", "commune", "title", "body"]),
    "lien-he": ("/lien-he/", CONTACT, ["name", "subject", "message"]),
    "du-thao": ("/lay-y-kien-du-thao/du-thao-quy-che/", COMMENT, ["name", "body"]),
    "the-bhyt": ("/tra-cuu-the-bhyt/", HEALTH_CARD, ["full_name", "card_number"]),
    "tra-cuu-ho-so": ("/tra-cuu-dich-vu-cong/", STATUS_LOOKUP, ["tracking_code", "phone"]),
    "dich-vu-cong": (REQUEST_URL, SERVICE_REQUEST, ["full_name", "dia_chi_thuong_tru", "ghi_chu_them"]),
}


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
@pytest.mark.parametrize("form", list(PUBLIC_FORMS))
def test_a_script_typed_into_a_public_form_comes_back_as_text(hanoi, form, payload):
    url, valid, fields = PUBLIC_FORMS[form]
    if form == "du-thao":
        open_draft(hanoi)
    if form == "dich-vu-cong":
        add_request_type(hanoi)
    data = {**valid, **CAPTCHA_WRONG, **{field: payload for field in fields}}

    response = hanoi.client().post(url, data)

    assert response.status_code == 200
    html = response.content.decode()
    for field in fields:
        assert re.search(rf'name="{field}"', html)
    assert_inert(html, payload)


# (page, query parameter) of every public search box and filter that shows what was asked.
REFLECTED_QUERIES = [
    ("/tim-kiem/", "q"),
    ("/van-ban/", "q"),
    ("/hoi-dap/", "q"),
    ("/he-thong-co-quan/", "xa"),
]


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
@pytest.mark.parametrize(("path", "parameter"), REFLECTED_QUERIES)
def test_a_script_in_a_search_or_filter_is_shown_as_text(hanoi, path, parameter, payload):
    response = hanoi.client().get(path, {parameter: payload})

    assert response.status_code == 200
    assert_inert(response.content.decode(), payload)


# --- Stored: what citizens send, as the board and the public later see it ----------------------------


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_a_question_with_a_script_is_text_in_the_admin_and_on_the_public_answer(hanoi, payload):
    assert (
        hanoi.client().post("/hoi-dap/gui-cau-hoi/", {**QUESTION, "title": payload, "body": payload}).status_code == 302
    )
    with hanoi.context():
        question = Question.objects.get()
    editor = hanoi.signed_in_client()

    assert_inert(editor.get("/admin/questions/").content.decode(), payload)
    moderation = editor.get(f"/admin/hoi-dap/{question.pk}/tra-loi/").content.decode()
    assert_inert(moderation, payload)
    answered = editor.post(
        f"/admin/hoi-dap/{question.pk}/tra-loi/", {"action": "tra-loi", "note": "", "answer": draftail(payload)}
    )
    assert answered.status_code == 302
    assert_inert(hanoi.client().get(f"/hoi-dap/{question.pk}/").content.decode(), payload)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_a_published_comment_and_a_contact_message_with_a_script_are_text(hanoi, payload):
    draft = open_draft(hanoi)
    assert hanoi.client().post(draft.url, {**COMMENT, "name": payload, "body": payload}).status_code == 302
    assert hanoi.client().post("/lien-he/", {**CONTACT, "subject": payload, "message": payload}).status_code == 302
    with hanoi.context():
        DraftComment.objects.update(status=DraftComment.Status.PUBLISHED)
        message = ContactMessage.objects.get()

    assert_inert(hanoi.client().get(draft.url).content.decode(), payload)
    editor = hanoi.signed_in_client()
    assert_inert(editor.get("/admin/contact_messages/").content.decode(), payload)
    assert_inert(editor.get(f"/admin/contact_messages/inspect/{message.pk}/").content.decode(), payload)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_a_page_rating_comment_with_a_script_is_text_in_the_admin_summary(hanoi, payload):
    hanoi.client().post("/danh-gia/", {"path": "/lien-he/", "helpful": "0", "comment": payload})

    assert_inert(hanoi.signed_in_client().get("/admin/danh-gia/").content.decode(), payload)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_a_script_in_an_editors_page_title_and_body_is_text_on_the_site(hanoi, payload):
    """An editor's page, created through the admin's own form, as a visitor sees it."""
    with hanoi.context():
        home = HomePage.objects.get()
    response = hanoi.signed_in_client().post(
        f"/admin/pages/add/pages/contentpage/{home.pk}/",
        {"title": payload, "slug": "trang-thu", "body": draftail(payload), "action-publish": "action-publish"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    with hanoi.context():
        page = ContentPage.objects.get(slug="trang-thu")

    html = hanoi.client().get(page.url).content.decode()
    assert_inert(html, payload)
    assert f"<title>{escape(payload)}" in html


# --- SQL injection ----------------------------------------------------------------------------------

SQL_TARGETS = [
    ("/tim-kiem/", "q"),
    ("/van-ban/", "q"),
    ("/van-ban/", "issuer"),
    ("/van-ban/", "doc_type"),
    ("/van-ban/", "year"),
    ("/van-ban/", "sort"),
    ("/hoi-dap/", "q"),
    ("/hoi-dap/", "chu-de"),
    ("/he-thong-co-quan/", "xa"),
    ("/tin-tuc/", "tag"),
]


@pytest.mark.parametrize("payload", SQL_PAYLOADS)
@pytest.mark.parametrize(("path", "parameter"), SQL_TARGETS)
def test_sql_in_a_search_or_filter_gives_an_ordinary_page(hanoi, hcm, path, parameter, payload):
    response = hanoi.client().get(path, {parameter: payload})

    assert response.status_code == 200
    html = response.content.decode()
    assert "syntax error" not in html.lower() and "Traceback" not in html
    assert hanoi.province.office_name in html
    assert hcm.province.office_name not in html  # nothing of another schema came back
