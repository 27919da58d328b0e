"""Accent-folded search fields that page types add to their `search_fields`."""

from django.utils.html import strip_tags
from wagtail.search import index

from .text import fold


class FoldedSearchMixin:
    """Indexes a folded copy of the title and of `search_text()`; queries are folded too."""

    def search_text(self) -> str:
        return ""

    def folded_title(self) -> str:
        return fold(self.title)

    def folded_text(self) -> str:
        return fold(strip_tags(self.search_text()))

    folded_search_fields = [
        index.SearchField("folded_title", boost=3),
        index.SearchField("folded_text"),
        index.FilterField("live"),
    ]
