"""Search with or without diacritics, feeds and sitemaps: each province sees only its own content."""

import xml.etree.ElementTree as ET

import pytest

from tenant_apps.documents.models import DocumentIndexPage
from tenant_apps.news.models import NewsIndexPage
from tests.factories import LegalDocumentPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def _article(site, title, **kwargs):
    with site.context():
        return NewsPageFactory(parent=NewsIndexPage.objects.get(), title=title, **kwargs)


@pytest.mark.parametrize(
    "query",
    ["bảo hiểm thất nghiệp", "bao hiem that nghiep", "BAO HIEM THAT NGHIEP", "Bảo Hiểm Thất Nghiệp", "thất nghiệp"],
)
def test_search_finds_content_with_or_without_diacritics(hanoi, query):
    _article(hanoi, "Hướng dẫn hưởng bảo hiểm thất nghiệp năm 2026", slug="huong-dan-bhtn")
    _article(
        hanoi,
        "Lịch tiếp công dân tháng 12",
        slug="lich-tiep-cong-dan",
        body="<p>Lịch làm việc.</p>",
        summary="Lịch tiếp dân.",
    )

    html = hanoi.client().get("/tim-kiem/", {"q": query}).content.decode()

    assert "Hướng dẫn hưởng bảo hiểm thất nghiệp năm 2026" in html
    assert "Lịch tiếp công dân" not in html


def test_d_with_stroke_matches_plain_d(hanoi):
    _article(hanoi, "Đối thoại chính sách tại Đông Anh", slug="doi-thoai")
    for query in ("đối thoại", "doi thoai", "dong anh"):
        assert "Đối thoại chính sách tại Đông Anh" in hanoi.client().get("/tim-kiem/", {"q": query}).content.decode()


def test_search_finds_documents_by_number_and_attached_file_title(hanoi):
    with hanoi.context():
        LegalDocumentPageFactory(
            parent=DocumentIndexPage.objects.get(), number="41/2024/QH15", title="Luật Bảo hiểm xã hội", with_file=True
        )
    assert "Luật Bảo hiểm xã hội" in hanoi.client().get("/tim-kiem/", {"q": "41/2024/QH15"}).content.decode()
    assert "Luật Bảo hiểm xã hội" in hanoi.client().get("/tim-kiem/", {"q": "tep van ban"}).content.decode()


def test_search_never_shows_another_provinces_content(hanoi, hcm):
    _article(hanoi, "Tin riêng của Hà Nội về bảo hiểm y tế học sinh", slug="tin-rieng")
    html = hcm.client().get("/tim-kiem/", {"q": "bao hiem y te hoc sinh"}).content.decode()
    assert "Tin riêng của Hà Nội" not in html and "Tìm thấy 0 kết quả" in html


@pytest.mark.parametrize(
    "query", ["x" * 5000, "!@#$%^&*()", "' OR 1=1 --", "<script>alert(1)</script>", "   ", "&&&", "bảo\x00hiểm"]
)
def test_odd_search_queries_get_a_normal_page(hanoi, query):
    response = hanoi.client().get("/tim-kiem/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize("page", ["999", "abc", "-1", "0"])
def test_a_result_page_past_the_end_is_a_404(hanoi, page):
    _article(hanoi, "Bảo hiểm xã hội tự nguyện", slug="bhxh-tu-nguyen")
    assert hanoi.client().get("/tim-kiem/", {"q": "bao hiem", "trang": page}).status_code == 404
    assert hanoi.client().get("/tin-tuc/", {"trang": page}).status_code == 404


def test_news_feeds_are_valid_and_carry_only_the_provinces_news(hanoi, hcm):
    _article(hanoi, "Tin Hà Nội trong RSS", slug="tin-rss")
    for path in ("/rss/tin-tuc/", "/atom/tin-tuc/", "/rss/tin-tuc/tin-dia-phuong/"):
        own = hanoi.client().get(path)
        other = hcm.client().get(path)
        assert own.status_code == 200 and other.status_code == 200
        ET.fromstring(own.content)
        assert "Tin Hà Nội trong RSS" in own.content.decode()
        assert "Tin Hà Nội trong RSS" not in other.content.decode()
        assert "http://hanoi.localhost/tin-tuc/tin-rss/" in own.content.decode()
    assert hanoi.client().get("/rss/tin-tuc/khong-co/").status_code == 404


def test_documents_feed_lists_new_documents(hanoi, hcm):
    with hanoi.context():
        LegalDocumentPageFactory(parent=DocumentIndexPage.objects.get(), number="12/2026/QĐ-BHXH")
    assert "12/2026/QĐ-BHXH" in hanoi.client().get("/rss/van-ban/").content.decode()
    assert "12/2026/QĐ-BHXH" not in hcm.client().get("/rss/van-ban/").content.decode()


def test_pages_advertise_their_feeds(hanoi):
    html = hanoi.client().get("/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'type="application/atom+xml"' in html


def test_the_sitemap_uses_the_provinces_own_host_and_content(hanoi, hcm):
    _article(hanoi, "Tin trong sitemap", slug="tin-sitemap")
    own = hanoi.client().get("/sitemap.xml").content.decode()
    other = hcm.client().get("/sitemap.xml").content.decode()
    assert "<loc>http://hanoi.localhost/tin-tuc/tin-sitemap/</loc>" in own
    assert "hcm.localhost" not in own
    assert "tin-sitemap" not in other and "<loc>http://hcm.localhost/</loc>" in other


def test_every_province_schema_has_the_index_full_text_search_matches_on(hanoi, hcm):
    from django.db import connection

    for site in (hanoi, hcm):
        with site.context(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = %s AND indexname = 'search_entry_title_body_gin'",
                [site.province.schema_name],
            )
            assert "(title || body)" in cursor.fetchone()[0]
