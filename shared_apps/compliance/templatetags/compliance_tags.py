from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def metric(value) -> str:
    """A measured value, or a dash when there is none."""
    return "–" if value is None else number_format(value, use_l10n=True)


@register.filter
def value_of(row, key: str):
    return row.value(key)
