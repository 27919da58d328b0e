"""A tag on an article is a link to the articles with that tag, in the province's own news."""

from urllib.parse import quote

import pytest

from tenant_apps.news.models import NewsIndexPage
from tests.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tagged(hanoi):
    with hanoi.context():
        index = NewsIndexPage.objects.get()
        first = NewsPageFactory(parent=index, title="Tin có từ khóa", slug="tin-co-tu-khoa")
        first.tags.add("BHYT học sinh")
        first.save_revision().publish()
        NewsPageFactory(parent=index, title="Tin không có từ khóa", slug="tin-khong-tu-khoa")
        return first.tags.get()


def test_a_tag_on_an_article_is_a_link(hanoi, tagged):
    html = hanoi.client().get("/tin-tuc/tin-co-tu-khoa/").content.decode()

    assert f'href="/tin-tuc/tu-khoa/{quote(tagged.slug)}/" rel="tag">BHYT học sinh</a>' in html


def test_the_tag_page_lists_the_articles_with_that_tag(hanoi, tagged):
    html = hanoi.client().get(f"/tin-tuc/tu-khoa/{tagged.slug}/").content.decode()

    assert "Tin có từ khóa" in html and "Tin không có từ khóa" not in html


def test_an_unknown_tag_is_not_found(hanoi):
    assert hanoi.client().get("/tin-tuc/tu-khoa/khong-co/").status_code == 404


def test_another_provinces_tag_page_shows_none_of_these_articles(hcm, tagged):
    response = hcm.client().get(f"/tin-tuc/tu-khoa/{tagged.slug}/")

    assert "Tin có từ khóa" not in response.content.decode()


def test_the_tag_page_has_a_vietnamese_heading_and_pages_of_ten(hanoi, tagged):
    with hanoi.context():
        index = NewsIndexPage.objects.get()
        for number in range(10):
            article = NewsPageFactory(parent=index, title=f"Tin thêm số {number}", slug=f"tin-them-{number}")
            article.tags.add("BHYT học sinh")
            article.save_revision().publish()
    browser = hanoi.client()

    first = browser.get(f"/tin-tuc/tu-khoa/{tagged.slug}/").content.decode()
    second = browser.get(f"/tin-tuc/tu-khoa/{tagged.slug}/?trang=2")

    assert "<h1>Tin có từ khóa «BHYT học sinh»</h1>" in first
    assert first.count('class="news-card') == 10
    assert second.status_code == 200
    assert second.content.decode().count('class="news-card') == 1
    assert browser.get(f"/tin-tuc/tu-khoa/{tagged.slug}/?trang=3").status_code == 404
