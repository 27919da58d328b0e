from django import template

from shared_apps.operations.selectors import notices_for_site

register = template.Library()


@register.inclusion_tag("components/maintenance_notice.html", takes_context=True)
def maintenance_notice(context):
    """The banner announcing planned maintenance of this site (from the notice lead time until it ends)."""
    province = context.get("province")
    return {"maintenance_notices": notices_for_site(province, request=context.get("request")) if province else []}
