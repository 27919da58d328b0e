from django import template

register = template.Library()


@register.simple_tag
def page_meta(page) -> dict:
    """What the search and social meta tags say about `page`, whatever its type.

    Reading a field a page type lacks (`summary` on the home page) straight from the template
    makes Django list every attribute of the page to tell a missing one from a broken property:
    five such lookups were a tenth of the home page's time.
    """
    return {
        "description": getattr(page, "search_description", "") or getattr(page, "summary", ""),
        "is_article": bool(getattr(page, "author", "")),
        "image": getattr(page, "featured_image", None),
        "image_alt": getattr(page, "featured_image_alt", ""),
    }
