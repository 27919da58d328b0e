"""What the home page shows: featured and latest news, newest documents, section shortcuts."""

from __future__ import annotations

from functools import cached_property

from wagtail.models import Page

from tenant_apps.documents.models import LegalDocumentPage
from tenant_apps.news.models import NewsPage


class HomeSections:
    """The home page's lists, each queried when the template first reads it.

    Lazy because the home page keeps its rendered sections in the fragment cache
    (tenant_apps/pages/fragments.py): when they are cached, nothing here is queried.
    """

    def __init__(self, home: Page, news_count: int, document_count: int):
        self.home, self.news_count, self.document_count = home, news_count, document_count

    @cached_property
    def _news(self):
        return (
            NewsPage.objects.live()
            .public()
            .descendant_of(self.home)
            .select_related("category", "featured_image")
            .order_by("-first_published_at", "-pk")
        )

    @cached_property
    def featured_article(self) -> NewsPage | None:
        return self._news.filter(is_featured=True).first()

    @cached_property
    def latest_news(self) -> list[NewsPage]:
        news = self._news.exclude(pk=self.featured_article.pk) if self.featured_article else self._news
        return list(news[: self.news_count])

    @cached_property
    def newest_documents(self) -> list[LegalDocumentPage]:
        documents = LegalDocumentPage.objects.live().public().descendant_of(self.home).order_by("-signed_date")
        return list(documents[: self.document_count])

    @cached_property
    def sections(self) -> dict[str, Page]:
        """The home page's live children by slug (`tin-tuc` → `tin_tuc`)."""
        children = self.home.get_children().live().public().only("id", "title", "slug", "url_path", "path", "depth")
        return {page.slug.replace("-", "_"): page for page in children}
