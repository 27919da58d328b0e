"""The demo procedures offer the TK1-TS form as a real Word document, not a web page."""

import io
import re

import pytest
from docx import Document

from tenant_apps.demo.content import fill_province

pytestmark = pytest.mark.django_db
PROCEDURE = "/thu-tuc-hanh-chinh/dang-ky-tham-gia-bao-hiem-xa-hoi-tu-nguyen/"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def download(hanoi):
    with hanoi.context():
        fill_province(hanoi.province)
    html = hanoi.client().get(PROCEDURE).content.decode()
    return re.search(r'<a href="([^"]+\.docx)" download>Tải về tệp DOCX', html).group(1)


def _fetch(hanoi, url) -> bytes:
    response = hanoi.client().get(url)
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_procedure_page_offers_the_form_as_a_docx(hanoi, download):
    assert download.endswith(".docx")


def test_the_download_is_a_word_document_of_the_form(hanoi, download):
    document = Document(io.BytesIO(_fetch(hanoi, download)))

    assert any("TK1-TS" in paragraph.text for paragraph in document.paragraphs)


def test_filling_the_demo_again_attaches_the_form_once(hanoi, download):
    with hanoi.context():
        fill_province(hanoi.province)
    html = hanoi.client().get(PROCEDURE).content.decode()

    assert html.count("Tải về tệp DOCX") == 1
