from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def figure(figures: dict, key: str) -> str:
    """A report figure in Vietnamese number format (1.234; 12,5); "–" only when there is none."""
    value = (figures or {}).get(key)
    return "–" if value is None else number_format(value, use_l10n=True, force_grouping=True)
