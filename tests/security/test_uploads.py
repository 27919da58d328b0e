"""Uploads: checked by content everywhere (SVG refused), served with nosniff and Content-Disposition;
HTML that reaches a page outside Wagtail's editor is cleaned with nh3."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents.models import Document
from wagtail.images.models import Image as WagtailImage
from wagtail.models import Collection

from tenant_apps.online_services.models import ServiceRequest
from tenant_apps.pages.sanitising import clean_html
from tenant_apps.qa.models import QuestionIndexPage
from tenant_apps.qa.services import publish_answer, receive_question

from .conftest import QUESTION, REQUEST_URL, SERVICE_REQUEST, add_request_type

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def _pdf() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (60, 80), "white").save(buffer, "PDF")
    return buffer.getvalue()


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "navy").save(buffer, "PNG")
    return buffer.getvalue()


def _docx() -> bytes:
    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Quyết định số 12/QĐ-BHXH")
    document.save(buffer)
    return buffer.getvalue()


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Số liệu quý I"
    workbook.save(buffer)
    return buffer.getvalue()


def _root_collection_id(site) -> int:
    with site.context():
        return Collection.get_first_root_node().pk


# --- Refused ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["to-khai.svg", "to-khai.png", "to-khai.pdf"])
def test_an_svg_is_refused_by_the_online_service_form(hanoi, name):
    add_request_type(hanoi)
    data = {**SERVICE_REQUEST, "to_khai_tk1_ts": SimpleUploadedFile(name, SVG, "image/svg+xml")}

    html = hanoi.client().post(REQUEST_URL, data).content.decode()

    assert "không phải PDF, JPEG hoặc PNG" in html
    with hanoi.context():
        assert not ServiceRequest.objects.exists()


def test_an_svg_is_refused_in_the_establishment_dossier(hanoi):
    head = hanoi.signed_in_client()
    svg = SimpleUploadedFile("quyet-dinh.svg", SVG, "image/svg+xml")

    html = head.post(
        "/admin/ho-so-thanh-lap/", {"muc": "quyet-dinh", "quyet-dinh-details": "Số 12", "quyet-dinh-file": svg}
    ).content.decode()

    assert "không phải PDF, JPEG hoặc PNG" in html


@pytest.mark.parametrize("name", ["logo.svg", "logo.png"])
def test_an_svg_is_refused_as_a_wagtail_image(hanoi, name):
    editor = hanoi.signed_in_client()
    data = {
        "title": "Logo",
        "file": SimpleUploadedFile(name, SVG, "image/svg+xml"),
        "collection": _root_collection_id(hanoi),
    }

    response = editor.post("/admin/images/add/", data)

    assert response.status_code == 200
    with hanoi.context():
        assert not WagtailImage.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bieu-mau.svg", SVG, "không phải PDF, Word, Excel, OpenDocument hoặc ZIP"),
        ("bieu-mau.pdf", SVG, "không phải PDF, Word, Excel, OpenDocument hoặc ZIP"),
        ("bieu-mau.pdf", HTML_PAGE, "không phải PDF, Word, Excel, OpenDocument hoặc ZIP"),
        ("bieu-mau.docx", _pdf(), "không khớp với nội dung tệp"),
    ],
    ids=["svg", "svg-named-pdf", "html-named-pdf", "pdf-named-docx"],
)
def test_a_wagtail_document_that_is_not_what_its_name_says_is_refused(hanoi, name, content, message):
    editor = hanoi.signed_in_client()
    data = {"title": "Biểu mẫu", "file": SimpleUploadedFile(name, content), "collection": _root_collection_id(hanoi)}

    html = editor.post("/admin/documents/add/", data).content.decode()

    assert message in html
    with hanoi.context():
        assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("qd.pdf", _pdf()), ("qd.docx", _docx()), ("so-lieu.xlsx", _xlsx())],
    ids=["pdf", "docx", "xlsx"],
)
def test_real_office_documents_are_accepted(hanoi, name, content):
    editor = hanoi.signed_in_client()
    data = {"title": "Văn bản", "file": SimpleUploadedFile(name, content), "collection": _root_collection_id(hanoi)}

    assert editor.post("/admin/documents/add/", data).status_code == 302
    with hanoi.context():
        document = Document.objects.get()
        document.file.delete(save=False)
    assert document.title == "Văn bản"


# --- Served -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "disposition"),
    [("qd.pdf", _pdf(), "inline"), ("qd.docx", _docx(), "attachment")],
)
def test_wagtail_documents_are_served_with_nosniff_no_scripts_and_a_disposition(hanoi, name, content, disposition):
    with hanoi.context():
        document = Document.objects.create(title="Văn bản", file=ContentFile(content, name=name))
        url = document.url

    response = hanoi.client().get(url)
    b"".join(response.streaming_content)
    with hanoi.context():
        document.file.delete(save=False)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(disposition)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.parametrize(
    ("name", "content", "disposition"),
    [("anh/logo.png", _png(), "inline"), ("tep/trang.html", HTML_PAGE, "attachment")],
)
def test_media_files_are_served_with_nosniff_no_scripts_and_a_disposition(hanoi, settings, name, content, disposition):
    folder = Path(settings.MEDIA_ROOT) / "hanoi" / "kiem-tra-bao-mat"
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(content)

    response = hanoi.client().get(f"/media/hanoi/kiem-tra-bao-mat/{name}")
    b"".join(response.streaming_content)
    shutil.rmtree(folder)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(disposition)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


# --- Sanitised ----------------------------------------------------------------------------------------


def test_an_answer_given_as_raw_html_is_stored_without_scripts_handlers_or_javascript_links(hanoi):
    raw = (
        '<p onclick="alert(1)">Bạn gia hạn tại <b>đại lý thu</b>.<script>alert(2)</script></p>'
        '<p><a href="javascript:alert(3)">bấm</a> <a linktype="document" id="7">Mẫu TK1-TS</a>'
        '<img src=x onerror="alert(4)"><style>body{display:none}</style></p>'
    )
    with hanoi.context():
        question = receive_question(QUESTION, QuestionIndexPage.objects.get())
        publish_answer(question, raw, user=None)
        question.refresh_from_db()

    assert question.answer == (
        '<p>Bạn gia hạn tại <b>đại lý thu</b>.</p><p><a>bấm</a> <a linktype="document" id="7">Mẫu TK1-TS</a></p>'
    )
    assert "Bạn gia hạn tại <b>đại lý thu</b>." in hanoi.client().get(f"/hoi-dap/{question.pk}/").content.decode()


def test_the_cleaner_keeps_the_rich_text_a_board_writes():
    html = (
        '<p>Xem <a href="https://baohiemxahoi.gov.vn">BHXH</a>, <i>nghiêng</i></p>'
        "<ul><li>một</li></ul><ol><li>hai</li></ol>"
    )

    assert clean_html(html) == html
