"""`{% national_notices page as notices %}`: the withdrawal and corrections a national item's page shows."""

from django import template

from ..services.withdrawals import Notices, notices_for

register = template.Library()


@register.simple_tag
def national_notices(page) -> Notices:
    """The page's notices, read once per page object (every block of a template may ask)."""
    if not hasattr(page, "_national_notices"):
        lookup = page.national_item_lookup() if hasattr(page, "national_item_lookup") else None
        page._national_notices = notices_for(**lookup) if lookup else Notices()
    return page._national_notices
