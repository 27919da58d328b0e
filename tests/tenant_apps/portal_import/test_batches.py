"""Pages are written a batch at a time: one page the database refuses loses nothing else of its batch,
and pages written over many batches make a valid page tree with every redirect and search entry."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page

from tenant_apps.news.models import NewsIndexPage, NewsPage
from tenant_apps.portal_import.models import ImportedItem
from tenant_apps.portal_import.runs.models import ImportRun
from tenant_apps.portal_import.services import crawl
from tenant_apps.search.models import SearchEntry
from tests.factories.old_portal import article_path, article_title

pytestmark = pytest.mark.django_db


def _import(code, base_url, *extra):
    call_command("import_portal", code, base_url, "--delay", "0", *extra)


def test_a_page_the_database_refuses_is_skipped_and_the_rest_of_its_batch_is_kept(hanoi, old_portal):
    _, base_url = old_portal
    refused = article_title(5)
    with hanoi.context(), connection.cursor() as cursor:  # a real failure inside the page's write
        cursor.execute(
            "CREATE FUNCTION refuse_page() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'trang bị từ chối'; END $$"
        )
        cursor.execute(
            "CREATE TRIGGER refuse_page BEFORE INSERT ON wagtailcore_page FOR EACH ROW "
            "WHEN (NEW.title = %s) EXECUTE FUNCTION refuse_page()",
            [refused],
        )

    _import("01", base_url, "--old-domain", "bhxh.mauson.gov.vn")

    run = ImportRun.objects.get(province=hanoi.province)
    reasons = {problem["url"].split("/", 3)[3]: problem["reason"] for problem in run.problems}
    assert reasons[article_path(5).lstrip("/")].startswith("Lỗi khi nhập: InternalError: trang bị từ chối")
    with hanoi.context():
        titles = set(NewsPage.objects.values_list("title", flat=True))
        assert refused not in titles
        assert {article_title(n) for n in range(12) if n != 5} <= titles
        # Nothing the refused page had made is left: its image, its URL map, its redirects.
        assert not ImportedItem.objects.filter(url__contains="anh-5.png").exists()
        assert not get_image_model().objects.filter(title="Ảnh hội nghị số 5").exists()
        assert not Redirect.objects.filter(old_path=article_path(5)).exists()
        written = NewsPage.objects.get(title=article_title(6))
    assert run.status == ImportRun.Status.FINISHED
    response = Client(HTTP_HOST="bhxh.mauson.gov.vn").get(article_path(6))
    assert (response.status_code, response["Location"]) == (301, written.url)


@pytest.mark.parametrize(
    "limit, value",
    [
        ("BATCH_SIZE", 4),  # the test portal's ~50 URLs in a dozen batches
        ("BATCH_SECONDS", 0),  # a batch ended by time after each URL, as a slow polite crawl would
    ],
)
def test_pages_written_over_many_batches_make_a_valid_tree_found_by_search(
    hanoi, old_portal, monkeypatch, limit, value
):
    _, base_url = old_portal
    monkeypatch.setattr(crawl, limit, value)

    _import("01", base_url)
    _import("01", base_url)  # and again: nothing new, nothing doubled

    with hanoi.context():
        news_index = NewsIndexPage.objects.get()
        children = news_index.get_children()
        assert news_index.numchild == children.count() == NewsPage.objects.count()
        assert NewsPage.objects.filter(title__startswith="BHXH tỉnh Mẫu Sơn triển khai").count() == 12
        assert Page.find_problems() == ([], [], [], [], [])
        pages = NewsPage.objects.filter(title__startswith="BHXH tỉnh Mẫu Sơn triển khai")
        assert SearchEntry.objects.filter(page__in=pages).count() == 12
        assert article_title(9) in [page.title for page in NewsPage.objects.search("nhiệm vụ số 9")]
        url = NewsPage.objects.get(title=article_title(9)).url
    second = ImportRun.objects.filter(province=hanoi.province).first()
    assert (second.imported, second.updated) == (0, 0)
    response = hanoi.client().get(url)
    assert response.status_code == 200
    assert article_title(9) in response.content.decode()
