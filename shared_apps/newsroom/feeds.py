"""RSS 2.0 and Atom feeds of national news, on the central host only."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from tenants.schemas import in_public_schema

from .pages.models import NationalNewsIndexPage, NationalNewsPage

FEED_ITEMS = 20


class NationalNewsFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "vi"
    title = "Tin toàn ngành – Bảo hiểm xã hội Việt Nam"
    description = "Tin toàn ngành mới nhất của Bảo hiểm xã hội Việt Nam"

    def get_object(self, request, *args, **kwargs):
        if not in_public_schema():
            raise Http404("Chỉ có trên trang Trung ương.")
        return None

    def link(self):
        index = NationalNewsIndexPage.objects.live().first()
        return index.url if index else "/"

    def items(self):
        return NationalNewsPage.objects.live().public().order_by("-first_published_at")[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author


class NationalNewsAtomFeed(NationalNewsFeed):
    feed_type = Atom1Feed
    subtitle = NationalNewsFeed.description
