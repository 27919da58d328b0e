from django import template

register = template.Library()


@register.filter
def figure(figures: dict, key: str) -> str:
    value = (figures or {}).get(key)
    return "–" if value is None else str(value)
