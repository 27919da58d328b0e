"""nginx's page cache is purged for the right host and URLs when a page is published or withdrawn."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from shared_apps.newsroom.models import SyndicatedItem
from shared_apps.newsroom.services.delivery import deliver_national_item
from shared_apps.newsroom.services.sections import ensure_newsroom_sections
from tenant_apps.news.models import NewsIndexPage, NewsPage
from tenant_apps.pages.caching import CacheControlMiddleware
from tenants.models import Province
from tests.factories import NationalNewsPageFactory
from tests.factories.content import NewsPageFactory


class _PurgeRecorder(BaseHTTPRequestHandler):
    """Stands in for nginx's PURGE endpoint (the outside world here) and records each request."""

    received: list[tuple[str, str]] = []

    def do_PURGE(self):
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def nginx_purge_endpoint():
    _PurgeRecorder.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PurgeRecorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    backend = {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend"}
    with override_settings(
        WAGTAILFRONTENDCACHE={"nginx": {**backend, "LOCATION": f"http://127.0.0.1:{server.server_port}"}}
    ):
        yield _PurgeRecorder.received
    server.shutdown()


def _publish_article(site, title):
    with site.context():
        article = NewsPageFactory(parent=NewsIndexPage.objects.get(), title=title, slug="bai-moi", live=False)
        article.save_revision().publish()
        article.refresh_from_db()
    return article


def test_publishing_purges_the_article_its_section_the_home_page_and_feeds_of_its_own_host(
    hanoi, hcm, nginx_purge_endpoint, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _publish_article(hanoi, "Tin mới của Hà Nội")

    purged = set(nginx_purge_endpoint)
    hosts = {host.split(":")[0] for host, _ in purged}
    paths = {path for _, path in purged}
    assert hosts == {"hanoi.localhost"}
    assert "/" in paths and "/rss/tin-tuc/" in paths and "/sitemap.xml" in paths
    assert any(path.endswith("/bai-moi/") for path in paths)
    assert any(path.count("/") == 2 and path != "/" for path in paths)  # the news section itself


def test_withdrawing_a_page_purges_it_again(hanoi, nginx_purge_endpoint, django_capture_on_commit_callbacks):
    article = _publish_article(hanoi, "Tin sẽ gỡ")
    nginx_purge_endpoint.clear()
    with django_capture_on_commit_callbacks(execute=True), hanoi.context():
        article.unpublish()

    assert any(path.endswith("/bai-moi/") for _, path in nginx_purge_endpoint)


def test_filtered_lists_may_be_kept_a_minute_at_most_and_plain_pages_follow_nginx_defaults(hanoi):
    browser = hanoi.client()
    assert browser.get("/tim-kiem/?q=luong+huu")["Cache-Control"] == "max-age=60"
    assert not browser.get("/").has_header("Cache-Control")


@pytest.mark.parametrize("status", [302, 400, 403, 429, 500, 502, 503])
def test_an_error_or_a_temporary_redirect_to_a_query_string_request_is_never_kept_downstream(status):
    answer = CacheControlMiddleware(lambda request: HttpResponse(status=status))
    cache_control = answer(RequestFactory().get("/tim-kiem/?q=luong+huu"))["Cache-Control"]
    assert "no-store" in cache_control and "max-age=60" not in cache_control


def test_a_suspended_provinces_page_is_never_kept_downstream(hanoi):
    hanoi.province.status = Province.Status.SUSPENDED
    hanoi.province.save()
    response = hanoi.client().get("/tim-kiem/?q=luong+huu")
    assert response.status_code == 503
    assert "no-store" in response["Cache-Control"]


def test_a_missing_page_with_a_query_string_is_kept_a_minute_at_most(hanoi):
    assert hanoi.client().get("/khong-co-trang-nay/?trang=2")["Cache-Control"] == "max-age=60"


def test_a_national_article_delivered_to_a_province_purges_its_pages_on_that_provinces_host(
    hanoi, nginx_purge_endpoint, django_capture_on_commit_callbacks
):
    news, _ = ensure_newsroom_sections()
    original = NationalNewsPageFactory(parent=news, slug="tin-toan-nganh-moi")
    original.save_revision().publish()
    item = SyndicatedItem.objects.get(central_page_id=original.pk)
    nginx_purge_endpoint.clear()

    with django_capture_on_commit_callbacks(execute=False), hanoi.context():
        deliver_national_item(item.pk)
        copy_path = NewsPage.objects.get(syndication_key=item.key).url

    assert {host.split(":")[0] for host, _ in nginx_purge_endpoint} == {"hanoi.localhost"}
    assert copy_path in {path for _, path in nginx_purge_endpoint}
