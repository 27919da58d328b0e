"""Menus and breadcrumbs of public pages, kept as plain links per site content version."""

from __future__ import annotations

from typing import NamedTuple

from django import template
from wagtail.models import Page

from ..fragments import cached_fragment, cached_in_process

register = template.Library()


class Link(NamedTuple):
    title: str
    url: str
    path: str
    slug: str
    depth: int


def _links(pages, request) -> list[Link]:
    return [Link(page.title, page.get_url(request), page.path, page.slug, page.depth) for page in pages]


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[Link]:
    """Sections of the current site shown in menus (the home page's children)."""
    request = context.get("request")

    def sections() -> list[Link]:
        pages = (
            Page.objects.live()
            .public()
            .in_menu()
            .filter(depth=3)
            .only("id", "title", "slug", "url_path", "path", "depth")
            .order_by("path")
        )
        return _links(pages, request)

    return cached_in_process(request, "menu", sections)


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page: Page) -> list[Link]:
    """Ancestors of `page` below the tree root (home first)."""
    request = context.get("request")

    def ancestors() -> list[Link]:
        pages = page.get_ancestors().filter(depth__gte=2).only("id", "title", "slug", "url_path", "path", "depth")
        return _links(pages, request)

    return cached_fragment(request, "breadcrumbs", (page.pk,), ancestors)
