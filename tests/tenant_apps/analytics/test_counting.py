"""Page views are counted once per request, per province, only for people viewing public pages."""

import pytest
from django.test import override_settings

from tenant_apps.analytics.services import count_page_view, counters_redis

from .conftest import browse, counted, flush

pytestmark = pytest.mark.django_db


def test_each_view_is_counted_once_and_only_in_its_own_province(hanoi, hcm):
    browse(hanoi, "/", times=2)
    browse(hanoi, "/tim-kiem/")
    browse(hcm, "/")

    assert flush(hanoi) == 3
    assert flush(hcm) == 1
    assert counted(hanoi) == {"/": 2, "/tim-kiem/": 1}
    assert counted(hcm) == {"/": 1}

    assert flush(hanoi) == 0 and flush(hcm) == 0
    assert counted(hanoi) == {"/": 2, "/tim-kiem/": 1}


def test_admin_files_feeds_failed_requests_and_bots_are_not_counted(hanoi):
    admin = hanoi.signed_in_client()
    for path in ("/admin/", "/admin/pages/"):
        assert admin.get(path, HTTP_USER_AGENT="Mozilla/5.0").status_code == 200
    for path in ("/robots.txt", "/sitemap.xml", "/rss/tin-tuc/"):
        browse(hanoi, path)
    visitor = hanoi.client(HTTP_USER_AGENT="Mozilla/5.0")
    assert visitor.get("/static/khong-co.css").status_code == 404
    assert visitor.get("/trang-khong-ton-tai/").status_code == 404
    visitor.post("/tim-kiem/")
    for agent in (
        "Googlebot/2.1",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "curl/8.5.0",
        "Wget/1.21",
        "python-requests/2.32",
        "Mozilla/5.0 HeadlessChrome/126.0",
        "Baiduspider",
        "Yahoo! Slurp",
        "",
    ):
        assert hanoi.client(HTTP_USER_AGENT=agent).get("/").status_code == 200
    assert hanoi.client().get("/").status_code == 200  # no User-Agent at all
    browse(hanoi, "/", HTTP_SEC_PURPOSE="prefetch")
    browse(hanoi, "/")

    flush(hanoi)
    assert counted(hanoi) == {"/": 1}


def test_the_central_site_is_not_counted(central_client):
    assert central_client.get("/", HTTP_USER_AGENT="Mozilla/5.0").status_code == 200
    assert not list(counters_redis().scan_iter(match="analytics:public:*"))


@pytest.mark.parametrize("dead_url", ["unix:///tmp/analytics-no-such-redis.sock?db=0", "redis://127.0.0.1:9/0"])
def test_pages_still_answer_when_redis_is_unreachable(hanoi, dead_url):
    with override_settings(ANALYTICS_REDIS_URL=dead_url):
        browse(hanoi, "/", times=2)
        assert count_page_view(hanoi.province.schema_name, "/") is False
    browse(hanoi, "/")
    flush(hanoi)
    assert counted(hanoi) == {"/": 1}
