"""The province home page: Vietnamese, accessible skeleton, contacts in the footer, few queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from shared_apps.newsroom.models import Distribution
from shared_apps.newsroom.services.delivery import deliver_national_item
from shared_apps.newsroom.services.must_carry import DistributionChange, set_distribution
from shared_apps.newsroom.services.sections import ensure_newsroom_sections
from tenant_apps.home.models import LATEST_NEWS, NEWEST_DOCUMENTS, HomePage
from tenant_apps.home.selectors import HomeSections
from tenant_apps.news.models import NewsIndexPage, NewsPage
from tests.factories import ContentPageFactory, NationalNewsPageFactory, NewsPageFactory
from tests.shared_apps.newsroom.helpers import item_of, publish

pytestmark = pytest.mark.django_db


def test_home_page_is_vietnamese_with_the_office_name_and_footer_contacts(hanoi):
    province = hanoi.province
    province.address, province.phone = "Số 86 Trần Hưng Đạo, Hà Nội", "024 3942 3498"
    province.responsible_person = "Giám đốc Bảo hiểm xã hội thành phố Hà Nội"
    province.save()

    html = hanoi.client().get("/").content.decode()

    assert '<html lang="vi">' in html
    assert 'href="#noi-dung"' in html and '<main id="noi-dung"' in html
    assert '<header class="site-header">' in html and '<footer class="site-footer">' in html
    assert "Số 86 Trần Hưng Đạo, Hà Nội" in html and 'href="tel:02439423498"' in html
    assert "Chịu trách nhiệm chính" in html and "Giám đốc Bảo hiểm xã hội thành phố Hà Nội" in html


def test_home_page_query_count_stays_small_and_constant(hanoi):
    browser = hanoi.client()
    browser.get("/")  # warm the per-province site cache

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert browser.get("/").status_code == 200
        return len(queries)

    before = count_queries()
    with hanoi.context():
        home = HomePage.objects.get()
        for number in range(5):
            ContentPageFactory(parent=home, title=f"Trang {number}", slug=f"trang-{number}")
    browser.get("/")  # the worker's connection is back on this province's schema, as in serving
    after = count_queries()

    assert before == after
    assert after <= 20


def test_the_central_home_lists_active_provinces_with_links(central_client):
    html = central_client.get("/").content.decode()

    assert "Bảo hiểm xã hội Việt Nam" in html
    assert 'href="//hanoi.localhost/"' in html and "Bảo hiểm xã hội thành phố Hà Nội" in html
    assert 'href="//hcm.localhost/"' in html


def _home_must_carry_copy(site, title: str, *, until_days: int = 7, only=None) -> NewsPage:
    """A national article the centre orders carried as the home page's featured news, delivered to `site`
    (sent to every province, or `only` these)."""
    news, _ = ensure_newsroom_sections()
    original = NationalNewsPageFactory(parent=news, title=title)
    today = timezone.localdate()
    set_distribution(
        DistributionChange(
            central_page_id=original.pk,
            to_all=only is None,
            groups=[],
            provinces=only or [],
            must_carry=True,
            placement="home",
            section_slug="",
            carry_from=today - timedelta(days=1),
            carry_until=today + timedelta(days=until_days),
        ),
        username="trunguong",
    )
    item = item_of(publish(original))
    with site.context():
        deliver_national_item(item.pk)
        return NewsPage.objects.get(syndication_key=item.key)


def _board_featured_article(site, title: str) -> NewsPage:
    with site.context():
        article = NewsPageFactory(parent=NewsIndexPage.objects.get(), title=title, is_featured=True)
        return publish(article)  # newer than the national item


def _home_queries(site) -> tuple[int, HomeSections]:
    with site.context():
        sections = HomeSections(HomePage.objects.get(), LATEST_NEWS, NEWEST_DOCUMENTS)
        with CaptureQueriesContext(connection) as queries:
            sections.featured_article, sections.latest_news  # noqa: B018 (what the template reads)
    return len(queries), sections


def test_a_home_must_carry_item_keeps_the_featured_slot_and_the_boards_featured_news_comes_next(hanoi):
    _home_must_carry_copy(hanoi, "Chiến dịch toàn ngành bắt buộc đăng")
    _board_featured_article(hanoi, "Tin nổi bật mới của Ban Biên tập")

    html = hanoi.client().get("/").content.decode()

    featured = html[html.index('<article class="featured">') : html.index("</article>")]
    assert "Chiến dịch toàn ngành bắt buộc đăng" in featured
    latest = html[html.index('<h2 id="tin-moi">') :]
    assert latest.index("Tin nổi bật mới của Ban Biên tập") < latest.index("Xem tất cả tin tức")
    news_list = latest[: latest.index("Xem tất cả tin tức")]
    assert "Chiến dịch toàn ngành bắt buộc đăng" not in news_list


def test_the_boards_newest_featured_article_takes_the_slot_again_after_the_window(hanoi):
    copy = _home_must_carry_copy(hanoi, "Chiến dịch đã hết hạn bắt buộc đăng")
    today = timezone.localdate()
    Distribution.objects.filter(must_carry=True).update(
        carry_from=today - timedelta(days=9), carry_until=today - timedelta(days=1)
    )
    own = _board_featured_article(hanoi, "Tin nổi bật của tỉnh sau thời hạn")

    _, sections = _home_queries(hanoi)

    assert sections.featured_article.pk == own.pk
    assert copy.pk in [article.pk for article in sections.latest_news]


def test_choosing_the_featured_article_costs_the_same_queries_with_or_without_must_carry(hanoi):
    _board_featured_article(hanoi, "Tin nổi bật của tỉnh")
    without, sections = _home_queries(hanoi)
    assert sections.featured_article.title == "Tin nổi bật của tỉnh"

    _home_must_carry_copy(hanoi, "Tin bắt buộc đăng thứ nhất")
    _home_must_carry_copy(hanoi, "Tin bắt buộc đăng thứ hai")
    for number in range(3):
        _board_featured_article(hanoi, f"Tin nổi bật khác {number}")
    with_must_carry, sections = _home_queries(hanoi)

    assert sections.featured_article.title == "Tin bắt buộc đăng thứ hai"
    assert with_must_carry == without == 3  # view restrictions, the slot, the latest news


def test_a_must_carry_order_for_one_province_leaves_another_provinces_featured_slot_alone(hanoi, hcm):
    _home_must_carry_copy(hanoi, "Tin bắt buộc đăng riêng cho Hà Nội", only=[hanoi.province])
    _board_featured_article(hcm, "Tin nổi bật của Thành phố Hồ Chí Minh")

    _, sections = _home_queries(hcm)
    html = hcm.client().get("/").content.decode()

    assert sections.featured_article.title == "Tin nổi bật của Thành phố Hồ Chí Minh"
    assert sections.displaced_article is None
    assert "Tin bắt buộc đăng riêng cho Hà Nội" not in html
