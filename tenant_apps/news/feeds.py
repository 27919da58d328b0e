"""RSS 2.0 and Atom feeds of the current province's news, all or by category."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from tenants.schemas import current_province

from .models import NewsCategory, NewsIndexPage, NewsPage

FEED_ITEMS = 20


class ArticleFeedItems:
    """How a news article (province or national) appears as a feed item."""

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


class NewsFeed(ArticleFeedItems, Feed):
    feed_type = Rss201rev2Feed
    language = "vi"

    def get_object(self, request, slug=None):
        self.request = request
        return get_object_or_404(NewsCategory, slug=slug) if slug else None

    def title(self, category):
        name = current_province().office_name
        return f"{category.name} – {name}" if category else f"Tin tức – {name}"

    def link(self, category):
        index = NewsIndexPage.objects.live().first()
        if index is None:
            return "/"
        return index.url + (f"chuyen-muc/{category.slug}/" if category else "")

    def description(self, category):
        return f"Tin mới nhất từ {current_province().office_name}"

    def author_name(self, category):
        """The feed's author, for the entries whose article names none (Atom requires one)."""
        return current_province().office_name

    def items(self, category):
        articles = NewsPage.objects.live().public().select_related("category").order_by("-first_published_at")
        if category:
            articles = articles.filter(category=category)
        return articles[:FEED_ITEMS]

    def item_categories(self, item):
        return [item.category.name]


class NewsAtomFeed(NewsFeed):
    feed_type = Atom1Feed
    subtitle = NewsFeed.description
