"""The demo central site's national news: published once, and delivered to the demo provinces like any item."""

import pytest

from shared_apps.newsroom.models import Delivery, SyndicatedItem
from shared_apps.newsroom.pages.models import NationalNewsPage
from shared_apps.newsroom.services.delivery import deliver_national_item
from tenant_apps.demo.content.national import NATIONAL_ARTICLES, ensure_national_news
from tenant_apps.news.models import NewsPage

pytestmark = pytest.mark.django_db

FIRST = NATIONAL_ARTICLES[0]


def test_the_demo_centre_publishes_each_national_article_once():
    ensure_national_news()
    ensure_national_news()

    slugs = sorted(NationalNewsPage.objects.live().values_list("slug", flat=True))
    assert slugs == sorted(article.slug for article in NATIONAL_ARTICLES)


def test_the_demo_national_news_is_queued_for_every_active_province(hanoi, hcm):
    ensure_national_news()

    queued = Delivery.objects.filter(item__central_page_id__in=NationalNewsPage.objects.values("pk"))
    assert [queued.filter(province=site.province).count() for site in (hanoi, hcm)] == [3, 3]


def test_a_demo_province_shows_the_national_article_once_delivered(hanoi):
    ensure_national_news()
    item = SyndicatedItem.objects.get(central_page_id=NationalNewsPage.objects.get(slug=FIRST.slug).pk)

    with hanoi.context():
        deliver_national_item(item.pk)
        url = NewsPage.objects.get(syndication_key=item.key).url

    assert FIRST.title in hanoi.client().get(url).content.decode()
