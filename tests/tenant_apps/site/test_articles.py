"""News articles: author, source, update time, alt text, print and save, sharing, categories."""

import unicodedata

import pytest
import wagtail_factories
from django.core.exceptions import ValidationError

from tenant_apps.news.models import NewsCategory, NewsIndexPage, NewsPage
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(hanoi):
    with hanoi.context():
        page = NewsPageFactory(
            parent=NewsIndexPage.objects.get(),
            title="Chi trả lương hưu qua tài khoản",
            slug="chi-tra-luong-huu",
            author="Nguyễn Thị Hoa",
            source="Phòng Truyền thông",
            featured_image=wagtail_factories.ImageFactory(),
            featured_image_alt="Người dân nhận lương hưu",
        )
    return page


def test_an_article_shows_author_source_dates_breadcrumbs_and_share_links(hanoi, article):
    html = hanoi.client().get("/tin-tuc/chi-tra-luong-huu/").content.decode()
    assert "Tác giả: Nguyễn Thị Hoa" in html and "Nguồn: Phòng Truyền thông" in html
    assert "Cập nhật <time" in html
    assert 'aria-label="Vị trí trang"' in html and ">Tin tức</a>" in html
    assert 'alt="Người dân nhận lương hưu"' in html
    assert 'property="og:title" content="Chi trả lương hưu qua tài khoản"' in html
    assert 'property="og:image"' in html and 'property="og:type" content="article"' in html
    assert "facebook.com/sharer/sharer.php?u=http%3A%2F%2Fhanoi.localhost%2Ftin-tuc%2Fchi-tra-luong-huu%2F" in html
    assert "Chia sẻ Zalo" in html


def test_an_article_can_be_printed_and_saved(hanoi, article):
    printed = hanoi.client().get("/tin-tuc/chi-tra-luong-huu/", {"ban-in": "1"})
    saved = hanoi.client().get("/tin-tuc/chi-tra-luong-huu/", {"tai-ve": "1"})
    assert 'class="co-chu-vua print-mode"' in printed.content.decode()
    assert saved["Content-Disposition"] == 'attachment; filename="chi-tra-luong-huu.html"'
    assert "Chi trả lương hưu qua tài khoản" in saved.content.decode()


def test_an_image_without_alt_text_is_refused_in_the_editor(hanoi, article):
    with hanoi.context():
        article.featured_image_alt = "  "
        with pytest.raises(ValidationError) as refused:
            article.full_clean()
    assert "Hãy mô tả ảnh đại diện" in str(refused.value)


def test_text_is_stored_nfc_normalised(hanoi):
    decomposed = unicodedata.normalize("NFD", "Bảo hiểm thất nghiệp")
    with hanoi.context():
        page = NewsPageFactory(parent=NewsIndexPage.objects.get(), title=decomposed, author=decomposed)
        stored = NewsPage.objects.get(pk=page.pk)
    assert stored.title == stored.author == unicodedata.normalize("NFC", decomposed)


def test_the_news_index_paginates_per_category_and_editors_add_categories(hanoi):
    with hanoi.context():
        index = NewsIndexPage.objects.get()
        policy = NewsCategory.objects.create(name="Chính sách mới", slug="chinh-sach-moi")
        for number in range(12):
            NewsPageFactory(parent=index, category=policy, title=f"Chính sách số {number}")
        NewsPageFactory(parent=index, title="Tin địa phương duy nhất")

    first = hanoi.client().get("/tin-tuc/chuyen-muc/chinh-sach-moi/").content.decode()
    second = hanoi.client().get("/tin-tuc/chuyen-muc/chinh-sach-moi/", {"trang": 2}).content.decode()
    assert "<h1>Chính sách mới</h1>" in first and "Trang 1/2" in first
    assert "Tin địa phương duy nhất" not in first + second
    assert first.count('class="news-card"') == 10 and second.count('class="news-card"') == 2
    assert hanoi.client().get("/tin-tuc/chuyen-muc/khong-co/").status_code == 404


def test_related_articles_are_listed_under_an_article(hanoi):
    with hanoi.context():
        index = NewsIndexPage.objects.get()
        chosen = NewsPageFactory(parent=index, title="Bài liên quan được chọn")
        page = NewsPageFactory(parent=index, title="Bài chính", slug="bai-chinh")
        page.related_articles.add(chosen)
        page.save_revision().publish()
    html = hanoi.client().get("/tin-tuc/bai-chinh/").content.decode()
    assert "Tin liên quan" in html and "Bài liên quan được chọn" in html


def test_the_home_page_shows_featured_and_latest_news_and_newest_documents(hanoi):
    from tenant_apps.documents.models import DocumentIndexPage
    from tests.factories import LegalDocumentPageFactory

    with hanoi.context():
        index = NewsIndexPage.objects.get()
        NewsPageFactory(parent=index, title="Tin nổi bật của tuần", is_featured=True)
        NewsPageFactory(parent=index, title="Tin thường mới nhất")
        LegalDocumentPageFactory(parent=DocumentIndexPage.objects.get(), number="99/KH-BHXH")
    html = hanoi.client().get("/").content.decode()
    assert html.index("Tin nổi bật của tuần") < html.index("Tin mới") < html.index("Tin thường mới nhất")
    assert "99/KH-BHXH" in html and "Thủ tục hành chính" in html and "Dịch vụ công trực tuyến" in html
