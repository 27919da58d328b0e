"""What every RSS 2.0 / Atom feed of published pages shares: newest first, the page's own dates and summary."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

FEED_ITEMS = 20


class PageFeed(Feed):
    """A Vietnamese RSS 2.0 feed of pages with a `summary`; a subclass with `feed_type = Atom1Feed` is its Atom."""

    feed_type = Rss201rev2Feed
    language = "vi"

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
        return item.author or None  # an empty <author><name/> is invalid: the feed's author stands
