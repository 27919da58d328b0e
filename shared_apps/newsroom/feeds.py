"""RSS 2.0 and Atom feeds of national news, on the central host only."""

from django.http import Http404
from django.utils.feedgenerator import Atom1Feed

from tenant_apps.pages.feeds import FEED_ITEMS, PageFeed
from tenants.schemas import in_public_schema

from .pages.models import NationalNewsIndexPage, NationalNewsPage


class NationalNewsFeed(PageFeed):
    title = "Tin toàn ngành – Bảo hiểm xã hội Việt Nam"
    description = "Tin toàn ngành mới nhất của Bảo hiểm xã hội Việt Nam"
    author_name = "Bảo hiểm xã hội Việt Nam"

    def get_object(self, request, *args, **kwargs):
        if not in_public_schema():
            raise Http404("Chỉ có trên trang Trung ương.")
        return None

    def link(self):
        index = NationalNewsIndexPage.objects.live().first()
        return index.url if index else "/"

    def items(self):
        return NationalNewsPage.objects.live().public().order_by("-first_published_at")[:FEED_ITEMS]


class NationalNewsAtomFeed(NationalNewsFeed):
    feed_type = Atom1Feed
    subtitle = NationalNewsFeed.description
