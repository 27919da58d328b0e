"""`{% page_rating %}`: the "Thông tin này có hữu ích không?" widget of every page a citizen reads."""

from django import template

from tenant_apps.feedback.views import RATED_PARAMETER

register = template.Library()


@register.inclusion_tag("components/feedback.html", takes_context=True)
def page_rating(context) -> dict:
    """The form for this address, or the thanks once it has been sent (`?da-danh-gia=1`).

    On an English page the widget, which is Vietnamese, says so with `lang="vi"`.
    """
    request = context["request"]
    page = context.get("page")
    return {
        "path": request.path,
        "rated": RATED_PARAMETER in request.GET,
        "lang": "vi" if getattr(page, "language", "vi") != "vi" else "",
    }
