from django import template
from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[Page]:
    """Sections of the current site shown in menus (the home page's children), one query per request."""
    request = context.get("request")
    cached = getattr(request, "_main_menu", None)
    if cached is None:
        cached = list(
            Page.objects.live()
            .public()
            .in_menu()
            .filter(depth=3)
            .only("id", "title", "slug", "url_path", "path", "depth")
            .order_by("path")
        )
        if request is not None:
            request._main_menu = cached
    return cached


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page: Page) -> list[Page]:
    """Ancestors of `page` below the tree root (home first)."""
    return list(page.get_ancestors().filter(depth__gte=2).only("id", "title", "url_path", "path", "depth"))
