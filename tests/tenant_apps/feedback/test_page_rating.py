"""The "Thông tin này có hữu ích không?" widget on every page type a citizen reads, without JavaScript."""

import pytest
from django.test import Client
from wagtail.models import Site

from tenant_apps.about.models import IntroductionPage
from tenant_apps.documents.models import DocumentIndexPage
from tenant_apps.feedback.models import PageFeedback
from tenant_apps.news.models import NewsIndexPage
from tenant_apps.procedures.models import ProcedureIndexPage
from tests.factories import (
    ContentPageFactory,
    LegalDocumentPageFactory,
    NewsPageFactory,
    ProcedurePageFactory,
    ServiceRequestPageFactory,
)

pytestmark = pytest.mark.django_db

QUESTION = "Thông tin này có hữu ích không?"


def _published(page):
    page.save_revision().publish()
    return page.url


@pytest.fixture
def reading_pages(hanoi) -> dict[str, str]:
    """One page of each type a citizen reads, by name, as its address."""
    with hanoi.context():
        home = Site.objects.get(is_default_site=True).root_page
        return {
            "bài viết": _published(NewsPageFactory(parent=NewsIndexPage.objects.get(), slug="tin-danh-gia")),
            "văn bản": _published(LegalDocumentPageFactory(parent=DocumentIndexPage.objects.get())),
            "thủ tục": _published(ProcedurePageFactory(parent=ProcedureIndexPage.objects.get())),
            "dịch vụ công": _published(ServiceRequestPageFactory(parent=home)),
            "trang nội dung": _published(ContentPageFactory(parent=home, slug="trang-danh-gia")),
            "giới thiệu": IntroductionPage.objects.get(language="vi").url,
        }


@pytest.mark.parametrize("kind", ["bài viết", "văn bản", "thủ tục", "dịch vụ công", "trang nội dung", "giới thiệu"])
def test_every_page_a_citizen_reads_asks_whether_it_helped_without_a_cookie(hanoi, reading_pages, kind):
    response = hanoi.client().get(reading_pages[kind])

    assert response.status_code == 200
    html = response.content.decode()
    assert QUESTION in html
    assert f'<input type="hidden" name="path" value="{reading_pages[kind]}">' in html
    if kind != "dịch vụ công":  # a request form carries its own token
        assert "csrftoken" not in response.cookies  # the page stays in the anonymous page cache


def test_a_rating_sent_without_javascript_or_token_is_stored_in_that_province_and_thanked(hanoi, hcm, reading_pages):
    browser = Client(HTTP_HOST=hanoi.host, enforce_csrf_checks=True)
    article = reading_pages["bài viết"]

    response = browser.post("/danh-gia/", {"path": article, "helpful": "0", "comment": "Thiếu mẫu tờ khai"})

    assert response.status_code == 302
    assert response["Location"] == f"{article}?da-danh-gia=1#danh-gia-tieu-de"
    thanked = browser.get(response["Location"]).content.decode()
    assert "Cảm ơn bạn đã cho biết ý kiến." in thanked and QUESTION not in thanked
    with hanoi.context():
        assert list(PageFeedback.objects.values_list("path", "helpful", "comment")) == [
            (article, False, "Thiếu mẫu tờ khai")
        ]
    with hcm.context():
        assert not PageFeedback.objects.exists()


def test_the_widget_on_the_english_introduction_is_marked_vietnamese(hanoi):
    with hanoi.context():
        url = IntroductionPage.objects.get(language="en").url

    html = hanoi.client().get(url).content.decode()

    assert (
        '<form method="post" action="/danh-gia/" class="feedback-form" aria-labelledby="danh-gia-tieu-de" lang="vi">'
        in html
    )
