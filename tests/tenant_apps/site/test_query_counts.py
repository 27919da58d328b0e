"""Queries per public page are small and do not grow with the number of items shown."""

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tenant_apps.documents.models import DocumentIndexPage
from tenant_apps.news.models import NewsIndexPage
from tests.factories import LegalDocumentPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

PAGES = {
    "/": 20,
    "/tin-tuc/": 20,
    "/tin-tuc/chuyen-muc/tin-dia-phuong/": 20,
    "/van-ban/": 20,
    "/van-ban/?doc_type=nghi-dinh&field=bhxh&year=2026&sort=so-hieu": 20,
    "/van-ban/?q=bao+hiem": 22,
    "/tim-kiem/?q=bao+hiem+xa+hoi": 20,
    "/so-do-cong/": 20,
}


def _add_content(site, count):
    with site.context():
        news_index = NewsIndexPage.objects.get()
        documents = DocumentIndexPage.objects.get()
        for _ in range(count):
            NewsPageFactory(
                parent=news_index, featured_image=wagtail_factories.ImageFactory(), featured_image_alt="Ảnh minh họa"
            )
            LegalDocumentPageFactory(parent=documents, with_file=True)


def _queries(browser, path):
    with CaptureQueriesContext(connection) as queries:
        response = browser.get(path)
        assert response.status_code == 200, path
    return len(queries)


def test_public_pages_use_few_queries_whatever_the_number_of_items(hanoi):
    browser = hanoi.client()
    _add_content(hanoi, 2)
    for path in PAGES:
        browser.get(path)  # warm caches and image renditions
    few = {path: _queries(browser, path) for path in PAGES}

    _add_content(hanoi, 6)
    for path in PAGES:
        browser.get(path)
    many = {path: _queries(browser, path) for path in PAGES}

    assert few == many
    for path, limit in PAGES.items():
        assert many[path] <= limit, many


def test_a_news_article_uses_few_queries(hanoi):
    with hanoi.context():
        index = NewsIndexPage.objects.get()
        article = NewsPageFactory(
            parent=index, featured_image=wagtail_factories.ImageFactory(), featured_image_alt="Ảnh minh họa"
        )
        others = [NewsPageFactory(parent=index) for _ in range(5)]
        article.related_articles.set(others[:2])
        article.save()
        url = article.url
    browser = hanoi.client()
    browser.get(url)
    assert _queries(browser, url) <= 25
