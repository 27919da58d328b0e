"""RSS 2.0 and Atom feeds of the current province's newest legal documents."""

from django.contrib.syndication.views import Feed
from django.db import connection
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from .models import DocumentIndexPage, LegalDocumentPage

FEED_ITEMS = 20


class DocumentFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "vi"

    def title(self):
        return f"Văn bản – {connection.tenant.office_name}"

    def link(self):
        index = DocumentIndexPage.objects.live().first()
        return index.url if index else "/"

    def description(self):
        return f"Văn bản mới ban hành, đăng trên trang của {connection.tenant.office_name}"

    def items(self):
        return LegalDocumentPage.objects.live().public().order_by("-first_published_at")[:FEED_ITEMS]

    def author_name(self):
        return connection.tenant.office_name

    def item_title(self, item):
        """The title, led by the type and number unless the title already says them."""
        if item.number in item.title:
            return item.title
        return f"{item.get_doc_type_display()} số {item.number}: {item.title}"

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.issuer


class DocumentAtomFeed(DocumentFeed):
    feed_type = Atom1Feed
    subtitle = DocumentFeed.description
