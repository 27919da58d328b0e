"""RSS 2.0 and Atom feeds of the current province's newest legal documents."""

from django.utils.feedgenerator import Atom1Feed

from tenant_apps.pages.feeds import FEED_ITEMS, PageFeed
from tenants.schemas import current_province

from .models import DocumentIndexPage, LegalDocumentPage


class DocumentFeed(PageFeed):
    def title(self):
        return f"Văn bản – {current_province().office_name}"

    def link(self):
        index = DocumentIndexPage.objects.live().first()
        return index.url if index else "/"

    def description(self):
        return f"Văn bản mới ban hành, đăng trên trang của {current_province().office_name}"

    def items(self):
        return LegalDocumentPage.objects.live().public().order_by("-first_published_at")[:FEED_ITEMS]

    def author_name(self):
        return current_province().office_name

    def item_title(self, item):
        """The title, led by the type and number unless the title already says them."""
        if item.number in item.title:
            return item.title
        return f"{item.get_doc_type_display()} số {item.number}: {item.title}"

    def item_author_name(self, item):
        return item.issuer


class DocumentAtomFeed(DocumentFeed):
    feed_type = Atom1Feed
    subtitle = DocumentFeed.description
