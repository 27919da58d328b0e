"""The document library: filters, sorting, pagination, shareable URLs, bad input."""

import datetime

import pytest

from tenant_apps.documents.models import DocumentIndexPage, DocumentStatus, DocumentType
from tests.factories import LegalDocumentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(hanoi):
    with hanoi.context():
        index = DocumentIndexPage.objects.get()
        old = LegalDocumentPageFactory(
            parent=index,
            number="58/2014/QH13",
            title="Luật Bảo hiểm xã hội 2014",
            doc_type=DocumentType.LAW,
            issuer="Quốc hội",
            signed_date=datetime.date(2014, 11, 20),
            status=DocumentStatus.REPLACED,
        )
        new = LegalDocumentPageFactory(
            parent=index,
            number="41/2024/QH15",
            title="Luật Bảo hiểm xã hội 2024",
            doc_type=DocumentType.LAW,
            issuer="Quốc hội",
            signed_date=datetime.date(2024, 6, 29),
            with_file=True,
        )
        new.replaces.add(old)
        new.save_revision().publish()
        LegalDocumentPageFactory(
            parent=index,
            number="1234/BHXH-TT",
            title="Công văn hướng dẫn thu",
            doc_type=DocumentType.OFFICIAL_LETTER,
            issuer="Bảo hiểm xã hội Việt Nam",
            signed_date=datetime.date(2025, 3, 2),
            field="thu",
        )
    return hanoi


def _numbers(html):
    return [number for number in ("58/2014/QH13", "41/2024/QH15", "1234/BHXH-TT") if f">{number}</a>" in html]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["41/2024/QH15", "1234/BHXH-TT", "58/2014/QH13"]),
        ({"doc_type": "luat"}, ["58/2014/QH13", "41/2024/QH15"]),
        ({"field": "thu"}, ["1234/BHXH-TT"]),
        ({"issuer": "Quốc hội", "year": "2024"}, ["41/2024/QH15"]),
        ({"status": "bi-thay-the"}, ["58/2014/QH13"]),
        ({"q": "cong van huong dan"}, ["1234/BHXH-TT"]),
    ],
)
def test_filters_return_the_matching_documents(library, query, expected):
    html = library.client().get("/van-ban/", query).content.decode()
    assert sorted(_numbers(html)) == sorted(expected)
    assert f"Tìm thấy {len(expected)} văn bản" in html


def test_sorting_by_signing_date_and_number(library):
    newest = library.client().get("/van-ban/", {"sort": "moi-nhat"}).content.decode()
    oldest = library.client().get("/van-ban/", {"sort": "cu-nhat"}).content.decode()
    assert newest.index("1234/BHXH-TT") < newest.index("41/2024/QH15") < newest.index("58/2014/QH13")
    assert oldest.index("58/2014/QH13") < oldest.index("41/2024/QH15") < oldest.index("1234/BHXH-TT")


def test_pagination_links_keep_the_filters(library):
    with library.context():
        index = DocumentIndexPage.objects.get()
        for _ in range(25):
            LegalDocumentPageFactory(parent=index, doc_type=DocumentType.DECREE)
    html = library.client().get("/van-ban/", {"doc_type": "nghi-dinh"}).content.decode()
    assert "Tìm thấy 25 văn bản" in html and "Trang 1/2" in html
    assert "?doc_type=nghi-dinh&amp;trang=2" in html
    assert "Trang 2/2" in library.client().get("/van-ban/", {"doc_type": "nghi-dinh", "trang": 2}).content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"doc_type": "khong-co"},
        {"year": "20x4"},
        {"sort": "'; DROP TABLE x"},
        {"issuer": "Không tồn tại"},
        {"status": "<script>"},
    ],
)
def test_a_filter_value_that_does_not_exist_gets_a_normal_page_with_the_error(library, query):
    response = library.client().get("/van-ban/", query)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tìm thấy 0 văn bản" in html and "Hãy chọn một lựa chọn hợp lệ" in html


def test_a_document_page_shows_metadata_files_and_replacement_links(library):
    with library.context():
        from tenant_apps.documents.models import LegalDocumentPage

        new = LegalDocumentPage.objects.get(number="41/2024/QH15")
        old = LegalDocumentPage.objects.get(number="58/2014/QH13")
    html = library.client().get(new.url).content.decode()
    assert "29/06/2024" in html and "Quốc hội" in html and "Còn hiệu lực" in html
    assert "Văn bản này thay thế" in html and "58/2014/QH13" in html
    assert "PDF" in html
    old_html = library.client().get(old.url).content.decode()
    assert "Văn bản này bị thay thế bởi" in old_html and "41/2024/QH15" in old_html


def test_a_new_issuer_appears_in_the_cached_issuer_filter_at_once(library, hanoi):
    assert "Bộ Tài chính" not in hanoi.client().get("/van-ban/").content.decode()
    with hanoi.context():
        LegalDocumentPageFactory(parent=DocumentIndexPage.objects.get(), issuer="Bộ Tài chính")
    assert '<option value="Bộ Tài chính"' in hanoi.client().get("/van-ban/").content.decode()


def test_a_keyword_never_finds_another_provinces_documents(library, hanoi, hcm):
    with hcm.context():
        LegalDocumentPageFactory(
            parent=DocumentIndexPage.objects.get(), number="77/QĐ-HCM", title="Quy chế riêng của thành phố"
        )
    assert ">77/QĐ-HCM</a>" in hcm.client().get("/van-ban/?q=quy+che+rieng").content.decode()
    assert ">77/QĐ-HCM</a>" not in hanoi.client().get("/van-ban/?q=quy+che+rieng").content.decode()
