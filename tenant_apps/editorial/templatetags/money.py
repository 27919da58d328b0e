from django import template

register = template.Library()


@register.filter
def vnd(value) -> str:
    """4680000 -> "4.680.000" (Vietnamese digit grouping), whatever the number-format settings."""
    try:
        return f"{int(value):,}".replace(",", ".")
    except (TypeError, ValueError):
        return ""
