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


# The sections onboarding creates, as an English page names them in its menu (pages in English:
# the English introduction); a section not listed keeps its Vietnamese title, marked lang="vi".
ENGLISH_SECTION_TITLES = {
    "gioi-thieu": "About us",
    "tin-tuc": "News",
    "van-ban": "Legal documents",
    "thu-tuc-hanh-chinh": "Administrative procedures",
    "dich-vu-cong": "Online public services",
    "he-thong-co-quan": "Offices",
    "hoi-dap": "Questions and answers",
    "lay-y-kien-du-thao": "Draft consultations",
    "tra-cuu-the-bhyt": "Health insurance card lookup",
    "lien-he": "Contact",
    "so-do-cong": "Site map",
    "tro-giup": "Help",
    "tin-toan-nganh": "National news",
    "van-ban-toan-nganh": "National legal documents",
}


@register.filter
def english_title(link: Link) -> str:
    """The English name of a section, or "" when it has none."""
    return ENGLISH_SECTION_TITLES.get(link.slug, "")
