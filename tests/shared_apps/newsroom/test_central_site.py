"""The central site: national sections, the "Tin từ các địa phương" stream, feeds, and the delivery matrix."""

from datetime import timedelta
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tenants.utils import schema_context

from shared_apps.newsroom.models import Delivery, LocalArticle
from shared_apps.newsroom.selectors import latest_local_articles
from shared_apps.newsroom.services.delivery import deliver_national_item
from shared_apps.newsroom.tasks import queue_fan_out
from tenant_apps.news.models import NewsIndexPage, NewsPage
from tests.conftest import sign_in
from tests.factories import NationalNewsPageFactory, NewsPageFactory

from .helpers import item_of, publish

pytestmark = pytest.mark.django_db


def _local_article(site, title, **kwargs) -> NewsPage:
    with site.context():
        return publish(NewsPageFactory(parent=NewsIndexPage.objects.get(), title=title, **kwargs))


def test_the_central_home_shows_the_provinces_latest_articles_linking_to_their_sites(hanoi, hcm, central_client):
    article = _local_article(hanoi, "Hà Nội đối thoại chính sách BHXH với doanh nghiệp")
    _local_article(hcm, "TP. Hồ Chí Minh cấp thẻ BHYT cho học sinh")

    home = central_client.get("/").content.decode()

    assert "Tin từ các địa phương" in home
    assert "Hà Nội đối thoại chính sách BHXH với doanh nghiệp" in home
    assert "TP. Hồ Chí Minh cấp thẻ BHYT cho học sinh" in home
    assert f'href="//hanoi.localhost/tin-tuc/{article.slug}/"' in home


def test_the_stream_leaves_out_national_copies_and_unpublished_articles(hanoi, central_client, newsroom):
    original = publish(NationalNewsPageFactory(parent=newsroom.news, title="Tin toàn ngành không lặp lại"))
    article = _local_article(hanoi, "Bài của Hà Nội sẽ gỡ xuống")
    with hanoi.context():
        deliver_national_item(item_of(original).pk)
        article.unpublish()

    assert not LocalArticle.objects.filter(province=hanoi.province).exists()
    home = central_client.get("/").content.decode()
    assert "Bài của Hà Nội sẽ gỡ xuống" not in home
    assert home.count("Tin toàn ngành không lặp lại") == 1  # in "Tin toàn ngành", not as a province's article


def test_the_stream_keeps_only_each_provinces_newest_articles_and_reads_in_two_queries(hanoi, central_client, settings):
    settings.NEWSROOM_LOCAL_STREAM_PER_PROVINCE = 2
    for number in range(4):
        _local_article(hanoi, f"Tin Hà Nội số {number}")

    assert list(LocalArticle.objects.values_list("title", flat=True)) == ["Tin Hà Nội số 3", "Tin Hà Nội số 2"]
    with CaptureQueriesContext(connection) as queries:
        articles = latest_local_articles()
        assert [article.province.ordered[0].domain for article in articles] == ["hanoi.localhost"] * 2
    assert len(queries) == 2


def test_national_news_has_its_own_section_and_feeds_on_the_central_site_only(hanoi, central_client, newsroom):
    original = publish(NationalNewsPageFactory(parent=newsroom.news, title="Tin toàn ngành trên trang Trung ương"))

    assert "Tin toàn ngành trên trang Trung ương" in central_client.get("/").content.decode()
    assert "Tin toàn ngành trên trang Trung ương" in central_client.get(newsroom.news.url).content.decode()
    page = central_client.get(original.url)
    assert page.status_code == 200 and "Ban Tuyên truyền" in page.content.decode()
    for feed in ("/rss/tin-toan-nganh/", "/atom/tin-toan-nganh/"):
        response = central_client.get(feed)
        assert response.status_code == 200 and "Tin toàn ngành trên trang Trung ương" in response.content.decode()
        assert hanoi.client().get(feed).status_code == 404


def test_the_matrix_names_each_province_and_retries_the_failed_ones(
    hanoi, hcm, central_client, newsroom, django_capture_on_commit_callbacks
):
    original = publish(NationalNewsPageFactory(parent=newsroom.news, title="Tin kiểm tra ma trận phân phối"))
    item = item_of(original)
    with hanoi.context():
        deliver_national_item(item.pk)
    Delivery.objects.filter(item=item, province=hcm.province).update(
        status=Delivery.Status.FAILED, attempts=7, error="Lỗi X"
    )
    sign_in(central_client)

    matrix = central_client.get("/admin/tin-toan-nganh/phan-phoi/").content.decode()
    assert "Tin kiểm tra ma trận phân phối" in matrix
    assert ">Hà Nội</span>" in matrix and ">Hồ Chí Minh</span>" in matrix
    assert "Đã đăng" in matrix and "Lỗi (7)" in matrix and "Gửi lại tất cả lượt lỗi, quá hạn (1)" in matrix

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = central_client.post("/admin/tin-toan-nganh/phan-phoi/gui-lai/", {"item": item.pk}, follow=True)

    assert "Đã gửi lại 1 lượt phân phối." in response.content.decode()
    assert Delivery.objects.get(item=item, province=hcm.province).status == Delivery.Status.PENDING
    assert len(callbacks) == 1  # the delivery task, sent once committed


def test_a_delivery_pending_too_long_is_shown_overdue_and_one_cell_can_be_sent_again(
    hanoi, hcm, central_client, newsroom, settings, django_capture_on_commit_callbacks
):
    settings.NEWSROOM_PENDING_RESEND_SECONDS = 120
    item = item_of(publish(NationalNewsPageFactory(parent=newsroom.news, title="Tin chờ quá hạn")))
    long_ago = timezone.now() - timedelta(minutes=5)
    Delivery.objects.filter(item=item).update(queued_at=long_ago)
    sign_in(central_client)

    matrix = central_client.get("/admin/tin-toan-nganh/phan-phoi/").content.decode()
    assert matrix.count(">Chờ quá hạn</span>") == 2
    assert "Gửi lại 2 lượt lỗi, quá hạn" in matrix

    with django_capture_on_commit_callbacks(execute=False):
        response = central_client.post(
            "/admin/tin-toan-nganh/phan-phoi/gui-lai/", {"item": item.pk, "province": hcm.province.pk}, follow=True
        )

    assert "Đã gửi lại 1 lượt phân phối." in response.content.decode()
    queued = dict(Delivery.objects.filter(item=item).values_list("province__code", "queued_at"))
    assert queued["01"] == long_ago
    assert queued["79"] > long_ago
    assert response.content.decode().count(">Chờ quá hạn</span>") == 1


def test_publishing_records_a_pending_delivery_for_every_active_province_in_the_same_transaction(
    hanoi, hcm, newsroom, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        item = item_of(publish(NationalNewsPageFactory(parent=newsroom.news)))

    pending = Delivery.objects.filter(item=item, status=Delivery.Status.PENDING)
    assert sorted(pending.values_list("province__code", flat=True)) == ["01", "79"]
    fan_outs = [callback for callback in callbacks if getattr(callback, "func", None) is queue_fan_out]
    assert len(fan_outs) == 1  # the messages go only once committed


def test_the_stream_can_be_rebuilt_from_what_provinces_already_published(hanoi, central_client):
    _local_article(hanoi, "Tin đăng trước khi có luồng tin địa phương")
    LocalArticle.objects.all().delete()

    call_command("rebuild_local_stream", stdout=open("/dev/null", "w"))

    assert "Tin đăng trước khi có luồng tin địa phương" in central_client.get("/").content.decode()


def test_an_article_published_by_a_script_in_the_provinces_schema_reaches_the_stream(hanoi):
    """schema_context (management commands, scripts) sets only the schema, not the Province row."""
    with schema_context(hanoi.province.schema_name):
        publish(NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Tin đăng bằng lệnh quản trị"))

    assert LocalArticle.objects.get(province=hanoi.province).title == "Tin đăng bằng lệnh quản trị"


def test_a_national_articles_tags_link_to_the_national_articles_with_that_tag(central_client, newsroom):
    tagged = NationalNewsPageFactory(parent=newsroom.news, title="Tin toàn ngành có từ khóa")
    tagged.tags.add("Chuyển đổi số")
    publish(tagged)
    publish(NationalNewsPageFactory(parent=newsroom.news, title="Tin toàn ngành không có từ khóa"))
    slug = quote(tagged.tags.get().slug)

    article = central_client.get(tagged.url).content.decode()
    tag_page = central_client.get(f"{newsroom.news.url}tu-khoa/{slug}/")

    assert f'href="{newsroom.news.url}tu-khoa/{slug}/" rel="tag">Chuyển đổi số</a>' in article
    assert tag_page.status_code == 200
    html = tag_page.content.decode()
    assert "<h1>Tin toàn ngành có từ khóa «Chuyển đổi số»</h1>" in html
    assert "Tin toàn ngành có từ khóa</a>" in html and "Tin toàn ngành không có từ khóa" not in html


def test_a_provinces_copy_of_a_national_article_links_its_tags_to_the_provinces_own_news(hanoi, newsroom):
    original = NationalNewsPageFactory(parent=newsroom.news, title="Tin toàn ngành gắn từ khóa")
    original.tags.add("Chuyển đổi số")
    publish(original)
    with hanoi.context():
        deliver_national_item(item_of(original).pk)
        copy = NewsPage.objects.get(syndication_key=item_of(original).key)
        slug = quote(copy.tags.get().slug)

    browser = hanoi.client()
    article = browser.get(copy.url).content.decode()
    tag_page = browser.get(f"/tin-tuc/tu-khoa/{slug}/").content.decode()

    assert f'href="/tin-tuc/tu-khoa/{slug}/" rel="tag">Chuyển đổi số</a>' in article
    assert "Tin toàn ngành gắn từ khóa" in tag_page
