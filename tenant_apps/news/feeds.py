"""RSS 2.0 and Atom feeds of the current province's news, all or by category."""

from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from tenant_apps.pages.feeds import FEED_ITEMS, PageFeed
from tenants.schemas import current_province

from .models import NewsCategory, NewsIndexPage, NewsPage


class NewsFeed(PageFeed):
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
