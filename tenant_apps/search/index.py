"""Accent-folded search fields that page types add to their `search_fields`."""

from functools import lru_cache

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
        return folded_plain_text(self.search_text())

    folded_search_fields = [
        index.SearchField("folded_title", boost=3),
        index.SearchField("folded_text"),
        index.FilterField("live"),
    ]


@lru_cache(maxsize=8)
def folded_plain_text(html: str) -> str:
    """The folded words of `html`, computed once per text.

    The search backend reads every field of an object once per index column (five times) when it
    indexes the object; folding a long article body is the costly part of that.
    """
    return fold(strip_tags(html))
