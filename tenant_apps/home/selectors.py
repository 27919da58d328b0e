"""What the home page shows: featured and latest news, newest documents, section shortcuts."""

from __future__ import annotations

from functools import cached_property

from django.db.models import Case, Q, Value, When
from django.utils import timezone
from wagtail.models import Page

from shared_apps.newsroom.services.must_carry import home_must_carry_keys
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
    def _featured(self) -> list[NewsPage]:
        """The slot's holder and the runner-up, in one query.

        A national item the centre ordered carried on the home page ("bắt buộc đăng", its window open today)
        holds the featured slot whatever the board features after it; otherwise the newest featured article.
        """
        carried = home_must_carry_keys()
        candidates = self._news.filter(Q(is_featured=True) | Q(syndication_key__in=carried)).annotate(
            carried=Case(When(syndication_key__in=carried, then=Value(1)), default=Value(0))
        )
        return list(candidates.order_by("-carried", "-first_published_at", "-pk")[:2])

    @cached_property
    def featured_article(self) -> NewsPage | None:
        return self._featured[0] if self._featured else None

    @cached_property
    def displaced_article(self) -> NewsPage | None:
        """The board's own featured article that a must-carry item keeps out of the slot: first in "Tin mới"."""
        if len(self._featured) < 2 or not self._featured[0].carried:
            return None
        return self._featured[1]

    @cached_property
    def latest_news(self) -> list[NewsPage]:
        shown = [page for page in (self.featured_article, self.displaced_article) if page]
        news = self._news.exclude(pk__in=[page.pk for page in shown]) if shown else self._news
        first = [self.displaced_article] if self.displaced_article else []
        return first + list(news[: self.news_count - len(first)])

    @property
    def day(self) -> str:
        """Part of the home fragment's cache key: must-carry windows open and close with the day."""
        return timezone.localdate().isoformat()

    @cached_property
    def newest_documents(self) -> list[LegalDocumentPage]:
        documents = LegalDocumentPage.objects.live().public().descendant_of(self.home).order_by("-signed_date")
        return list(documents[: self.document_count])

    @cached_property
    def sections(self) -> dict[str, Page]:
        """The home page's live children by slug (`tin-tuc` → `tin_tuc`)."""
        children = self.home.get_children().live().public().only("id", "title", "slug", "url_path", "path", "depth")
        return {page.slug.replace("-", "_"): page for page in children}
